//! Thread locks and the old thread-local keys (`pythread.h`). C uses the
//! locks around its own state, often with the GIL released, so they are
//! plain locks that need no VM: binary semaphores, as CPython's, which any
//! thread may release. The keys are pthread keys, as in CPython. Threads C
//! starts and the PEP 539 storage are in `shims/pythread.c`.

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

crate::declared_here!(
    PyThread_create_key,
    PyThread_delete_key,
    PyThread_set_key_value,
    PyThread_get_key_value,
    PyThread_delete_key_value,
    PyThread_ReInitTLS,
);

/// `PY_TIMEOUT_MAX`: `LLONG_MAX` nanoseconds, in microseconds, as in CPython.
#[unsafe(no_mangle)]
pub static PY_TIMEOUT_MAX: i64 = i64::MAX / 1000;

/// A pthread key as an int; -1 when none can be made (or it would not fit).
#[unsafe(no_mangle)]
pub extern "C" fn PyThread_create_key() -> c_int {
    let mut key: libc::pthread_key_t = 0;
    if unsafe { libc::pthread_key_create(&mut key, None) } != 0 {
        return -1;
    }
    match c_int::try_from(key) {
        Ok(k) => k,
        Err(_) => {
            unsafe { libc::pthread_key_delete(key) };
            -1
        }
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn PyThread_delete_key(key: c_int) {
    unsafe { libc::pthread_key_delete(key as libc::pthread_key_t) };
}

#[unsafe(no_mangle)]
pub extern "C" fn PyThread_set_key_value(key: c_int, value: *mut std::ffi::c_void) -> c_int {
    if unsafe { libc::pthread_setspecific(key as libc::pthread_key_t, value) } == 0 { 0 } else { -1 }
}

#[unsafe(no_mangle)]
pub extern "C" fn PyThread_get_key_value(key: c_int) -> *mut std::ffi::c_void {
    unsafe { libc::pthread_getspecific(key as libc::pthread_key_t) }
}

#[unsafe(no_mangle)]
pub extern "C" fn PyThread_delete_key_value(key: c_int) {
    unsafe { libc::pthread_setspecific(key as libc::pthread_key_t, std::ptr::null()) };
}

#[unsafe(no_mangle)]
pub extern "C" fn PyThread_ReInitTLS() {}
