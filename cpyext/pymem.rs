//! Raw memory (`pymem.h`, `objimpl.h`'s `PyObject_Malloc` family). Plain
//! malloc: no arena, and a zero-byte request still returns a unique pointer,
//! as CPython promises.

use std::ffi::c_void;

macro_rules! allocators {
    ($malloc:ident, $calloc:ident, $realloc:ident, $free:ident) => {
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $malloc(size: usize) -> *mut c_void {
            unsafe { libc::malloc(size.max(1)) }
        }
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $calloc(n: usize, size: usize) -> *mut c_void {
            unsafe { libc::calloc(n.max(1), size.max(1)) }
        }
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $realloc(p: *mut c_void, size: usize) -> *mut c_void {
            unsafe { libc::realloc(p, size.max(1)) }
        }
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn $free(p: *mut c_void) {
            unsafe { libc::free(p) }
        }
    };
}

allocators!(PyMem_Malloc, PyMem_Calloc, PyMem_Realloc, PyMem_Free);
allocators!(PyMem_RawMalloc, PyMem_RawCalloc, PyMem_RawRealloc, PyMem_RawFree);
allocators!(PyObject_Malloc, PyObject_Calloc, PyObject_Realloc, PyObject_Free);
