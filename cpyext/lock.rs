//! `PyMutex` (`lock.h`, 3.13): a one-byte lock, with CPython's bits so that
//! CPython 3.13's inline fast paths (a compare-and-swap of 0 -> 1 to lock,
//! 1 -> 0 to unlock, calling these functions only when that fails) agree
//! with the slow paths here: bit 0 is "locked", bit 1 "a thread may be
//! waiting" (`_Py_HAS_PARKED`).
//!
//! A thread that finds the lock taken sets bit 1 and sleeps on one condition
//! variable shared by every `PyMutex` (woken by an unlock that sees bit 1),
//! never spinning. It gives up the layer's GIL while it waits, as CPython
//! releases the GIL while a thread is parked, so the holder can run.

use std::sync::atomic::{AtomicU8, Ordering};

const LOCKED: u8 = 1;
const HAS_PARKED: u8 = 2;

#[repr(C)]
pub struct PyMutex {
    bits: AtomicU8,
}

/// Where waiters sleep: taken around the check-and-wait, so an unlock
/// (which takes it to notify) cannot slip between a waiter's last look at
/// the byte and its sleep.
static PARK: parking_lot::Mutex<()> = parking_lot::Mutex::new(());
static WAKE: parking_lot::Condvar = parking_lot::Condvar::new();

fn try_lock(m: &PyMutex) -> bool {
    let mut v = m.bits.load(Ordering::Relaxed);
    while v & LOCKED == 0 {
        match m.bits.compare_exchange_weak(v, v | LOCKED, Ordering::Acquire, Ordering::Relaxed) {
            Ok(_) => return true,
            Err(now) => v = now,
        }
    }
    false
}

fn lock_slow(m: &PyMutex) {
    loop {
        if try_lock(m) {
            return;
        }
        let mut guard = PARK.lock();
        // Announce the wait, unless the lock was released meanwhile.
        let v = m.bits.load(Ordering::Relaxed);
        if v & LOCKED == 0 {
            continue;
        }
        if v & HAS_PARKED == 0
            && m.bits.compare_exchange(v, v | HAS_PARKED, Ordering::Relaxed, Ordering::Relaxed).is_err()
        {
            continue;
        }
        WAKE.wait(&mut guard);
    }
}

/// Locks `m`, waiting (without the GIL) while another thread holds it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyMutex_Lock(m: *mut PyMutex) {
    let m = unsafe { &*m };
    if try_lock(m) {
        return;
    }
    if crate::pystate::holds_gil() {
        crate::pystate::without_gil(|| lock_slow(m));
    } else {
        lock_slow(m);
    }
}

/// Unlocks `m`, waking the threads waiting for it. Unlocking a mutex that
/// is not locked is CPython's fatal error.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyMutex_Unlock(m: *mut PyMutex) {
    let m = unsafe { &*m };
    let old = m.bits.swap(0, Ordering::Release);
    if old & LOCKED == 0 {
        eprintln!("Fatal Python error: _PyMutex_Unlock: unlocking mutex that is not locked");
        std::process::abort();
    }
    if old & HAS_PARKED != 0 {
        // Every waiter wakes and tries again; those that lose set bit 1 again.
        let _guard = PARK.lock();
        WAKE.notify_all();
    }
}

/// Whether `m` is locked (3.14).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyMutex_IsLocked(m: *mut PyMutex) -> std::ffi::c_int {
    (unsafe { &*m }.bits.load(Ordering::Relaxed) & LOCKED) as std::ffi::c_int
}

crate::declared_here!(PyMutex_Lock, PyMutex_Unlock, PyMutex_IsLocked);
