//! Raw memory (`pymem.h`, `objimpl.h`'s `PyObject_Malloc` family). Plain
//! malloc: no arena, and a zero-byte request still returns a unique pointer,
//! as CPython promises. `PyObject_Malloc` blocks carry the proxy prefix, so
//! that an object C allocates itself (`PyObject_New`, a type's `tp_alloc`)
//! has one, and `tp_free` (`PyObject_Free`) gives it back.

use crate::proxy;
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

crate::declared_here!(
    PyMem_Malloc, PyMem_Calloc, PyMem_Realloc, PyMem_Free,
    PyMem_RawMalloc, PyMem_RawCalloc, PyMem_RawRealloc, PyMem_RawFree,
    PyObject_Malloc, PyObject_Calloc, PyObject_Realloc, PyObject_Free,
);
allocators!(PyMem_Malloc, PyMem_Calloc, PyMem_Realloc, PyMem_Free);
allocators!(PyMem_RawMalloc, PyMem_RawCalloc, PyMem_RawRealloc, PyMem_RawFree);

#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyObject_Malloc(size: usize) -> *mut c_void {
    unsafe { proxy::alloc_block(size) as *mut c_void }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyObject_Calloc(n: usize, size: usize) -> *mut c_void {
    match n.checked_mul(size) {
        Some(total) => unsafe { proxy::alloc_block(total) as *mut c_void },
        None => std::ptr::null_mut(),
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyObject_Realloc(p: *mut c_void, size: usize) -> *mut c_void {
    unsafe {
        if p.is_null() {
            return proxy::alloc_block(size) as *mut c_void;
        }
        proxy::realloc_block(p as *mut u8, size) as *mut c_void
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyObject_Free(p: *mut c_void) {
    if !p.is_null() {
        unsafe { proxy::free_block(p as *mut u8) }
    }
}

/// `PyMemAllocatorEx`.
#[repr(C)]
pub struct PyMemAllocatorEx {
    ctx: *mut c_void,
    malloc: Option<unsafe extern "C" fn(*mut c_void, usize) -> *mut c_void>,
    calloc: Option<unsafe extern "C" fn(*mut c_void, usize, usize) -> *mut c_void>,
    realloc: Option<unsafe extern "C" fn(*mut c_void, *mut c_void, usize) -> *mut c_void>,
    free: Option<unsafe extern "C" fn(*mut c_void, *mut c_void)>,
}

/// A domain's API functions in the allocator's form (with `ctx`).
macro_rules! with_ctx {
    ($malloc:ident, $calloc:ident, $realloc:ident, $free:ident) => {{
        unsafe extern "C" fn m(_ctx: *mut c_void, size: usize) -> *mut c_void {
            unsafe { $malloc(size) }
        }
        unsafe extern "C" fn c(_ctx: *mut c_void, n: usize, size: usize) -> *mut c_void {
            unsafe { $calloc(n, size) }
        }
        unsafe extern "C" fn r(_ctx: *mut c_void, p: *mut c_void, size: usize) -> *mut c_void {
            unsafe { $realloc(p, size) }
        }
        unsafe extern "C" fn f(_ctx: *mut c_void, p: *mut c_void) {
            unsafe { $free(p) }
        }
        PyMemAllocatorEx { ctx: std::ptr::null_mut(), malloc: Some(m), calloc: Some(c), realloc: Some(r), free: Some(f) }
    }};
}

crate::declared_here!(PyMem_GetAllocator);

/// The allocator of `domain` is the domain's own API: calling its functions
/// is calling `PyMem_RawMalloc`, `PyMem_Malloc` or `PyObject_Malloc`. An
/// unknown domain gets all fields NULL, as in CPython.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyMem_GetAllocator(domain: std::ffi::c_int, allocator: *mut PyMemAllocatorEx) {
    let a = match domain {
        0 => with_ctx!(PyMem_RawMalloc, PyMem_RawCalloc, PyMem_RawRealloc, PyMem_RawFree),
        1 => with_ctx!(PyMem_Malloc, PyMem_Calloc, PyMem_Realloc, PyMem_Free),
        2 => with_ctx!(PyObject_Malloc, PyObject_Calloc, PyObject_Realloc, PyObject_Free),
        _ => PyMemAllocatorEx { ctx: std::ptr::null_mut(), malloc: None, calloc: None, realloc: None, free: None },
    };
    if !allocator.is_null() {
        unsafe { allocator.write(a) }
    }
}
