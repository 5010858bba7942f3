//! Per-object critical sections (`critical_section.h`). The layer runs C
//! under one GIL, so, as in CPython's default build, a critical section
//! has nothing to lock: the functions return at once, and nest freely.

use crate::ffi::PyObject as CObject;
use std::ffi::c_void;

#[unsafe(no_mangle)]
pub extern "C" fn PyCriticalSection_Begin(_c: *mut c_void, _op: *mut CObject) {}

#[unsafe(no_mangle)]
pub extern "C" fn PyCriticalSection_End(_c: *mut c_void) {}

#[unsafe(no_mangle)]
pub extern "C" fn PyCriticalSection2_Begin(_c: *mut c_void, _a: *mut CObject, _b: *mut CObject) {}

#[unsafe(no_mangle)]
pub extern "C" fn PyCriticalSection2_End(_c: *mut c_void) {}

crate::declared_here!(PyCriticalSection_Begin, PyCriticalSection_End, PyCriticalSection2_Begin, PyCriticalSection2_End);
