//! Hashing helpers (`pyhash.h`).

use crate::capi;
use rustpython_vm::AsObject;
use std::ffi::c_void;

crate::declared_here!(Py_HashPointer);

/// CPython's pointer hash: the address rotated right by 4 bits (an aligned
/// address's low bits are always zero), with -1 (the error value) made -2.
#[unsafe(no_mangle)]
pub extern "C" fn Py_HashPointer(p: *const c_void) -> isize {
    match (p as usize).rotate_right(4) as isize {
        -1 => -2,
        h => h,
    }
}

capi! {
    /// `hash(v)` for a float; a NaN hashes as `inst`'s address, as in
    /// CPython 3.10+ (so distinct NaN objects hash apart).
    fn _Py_HashDouble(vm, inst: *mut std::ffi::c_void, v: f64) -> isize {
        if v.is_nan() {
            return Ok(Py_HashPointer(inst));
        }
        Ok(vm.ctx.new_float(v).as_object().hash(vm)? as isize)
    }

    /// The hash of a `bytes` of the same `len` bytes, which the hashes of
    /// `memoryview` and the other buffer types equal too.
    unsafe fn Py_HashBuffer(vm, p: *const c_void, len: isize) -> isize {
        let data = if len > 0 { std::slice::from_raw_parts(p as *const u8, len as usize) } else { &[] };
        Ok(vm.ctx.new_bytes(data.to_vec()).as_object().hash(vm)? as isize)
    }
}
