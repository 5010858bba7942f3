//! Thread locks (`pythread.h`). C uses them around its own state, often
//! with the GIL released, so they are plain locks that need no VM: binary
//! semaphores, as CPython's, which any thread may release.

use parking_lot::{Condvar, Mutex};
use std::ffi::c_int;
use std::time::{Duration, Instant};

crate::declared_here!(
    PyThread_allocate_lock,
    PyThread_free_lock,
    PyThread_acquire_lock,
    PyThread_acquire_lock_timed,
    PyThread_release_lock,
);

/// What a `PyThread_type_lock` points at.
pub struct Lock {
    locked: Mutex<bool>,
    released: Condvar,
}

/// `PyLockStatus`.
const PY_LOCK_FAILURE: c_int = 0;
const PY_LOCK_ACQUIRED: c_int = 1;

impl Lock {
    /// Takes the lock, waiting at most `timeout` (None: for as long as it takes).
    fn acquire(&self, timeout: Option<Duration>) -> bool {
        let deadline = timeout.map(|t| Instant::now() + t);
        let mut locked = self.locked.lock();
        while *locked {
            match deadline {
                None => self.released.wait(&mut locked),
                Some(d) => {
                    if self.released.wait_until(&mut locked, d).timed_out() && *locked {
                        return false;
                    }
                }
            }
        }
        *locked = true;
        true
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn PyThread_allocate_lock() -> *mut Lock {
    Box::into_raw(Box::new(Lock { locked: Mutex::new(false), released: Condvar::new() }))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyThread_free_lock(lock: *mut Lock) {
    if !lock.is_null() {
        drop(unsafe { Box::from_raw(lock) });
    }
}

/// 1 once taken; with `waitflag` 0, 0 at once if another holder has it.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyThread_acquire_lock(lock: *mut Lock, waitflag: c_int) -> c_int {
    let timeout = if waitflag != 0 { None } else { Some(Duration::ZERO) };
    unsafe { (*lock).acquire(timeout) as c_int }
}

/// Waits up to `microseconds` (negative: forever). Nothing interrupts the
/// wait, so `intr_flag` never yields `PY_LOCK_INTR`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyThread_acquire_lock_timed(lock: *mut Lock, microseconds: i64, _intr_flag: c_int) -> c_int {
    let timeout = u64::try_from(microseconds).ok().map(Duration::from_micros);
    if unsafe { (*lock).acquire(timeout) } { PY_LOCK_ACQUIRED } else { PY_LOCK_FAILURE }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyThread_release_lock(lock: *mut Lock) {
    let lock = unsafe { &*lock };
    *lock.locked.lock() = false;
    lock.released.notify_one();
}
