//! Hashing helpers (`pyhash.h`).

use crate::capi;
use rustpython_vm::AsObject;
use rustpython_vm::common::hash;
use std::ffi::{CStr, c_char, c_int, c_void};

crate::declared_here!(Py_HashPointer, PyHash_GetFuncDef);

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

/// `PyHash_FuncDef`: the string hash and its parameters.
#[repr(C)]
pub struct PyHashFuncDef {
    hash: unsafe extern "C" fn(*const c_void, isize) -> isize,
    name: *const c_char,
    hash_bits: c_int,
    seed_bits: c_int,
}

// Immutable, and `name` points to a static string.
unsafe impl Sync for PyHashFuncDef {}

const ALGORITHM: &CStr = c"siphash24";

/// Slice equality in a const context, for the check below.
const fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
const _: () = assert!(same_bytes(ALGORITHM.to_bytes(), hash::ALGO.as_bytes()), "the VM hashes strings with another algorithm");

/// The VM's string hash is its bytes hash, which `Py_HashBuffer` computes
/// (the VM keeps its SipHash key to itself, so the hash goes through it).
static HASH_FUNC_DEF: PyHashFuncDef = PyHashFuncDef {
    hash: Py_HashBuffer,
    name: ALGORITHM.as_ptr(),
    hash_bits: hash::HASH_BITS as c_int,
    seed_bits: hash::SEED_BITS as c_int,
};

#[unsafe(no_mangle)]
pub extern "C" fn PyHash_GetFuncDef() -> *mut PyHashFuncDef {
    // C's pointer is non-const, but every field is const in the C struct.
    &HASH_FUNC_DEF as *const PyHashFuncDef as *mut PyHashFuncDef
}

capi! {
    /// `object.__hash__(o)`, whatever `o`'s own `__hash__` is. NULL hashes
    /// as the NULL pointer, as in CPython (which hashes the address).
    fn PyObject_GenericHash(vm, o: Option<rustpython_vm::PyObjectRef>) -> isize {
        let Some(o) = o else { return Ok(Py_HashPointer(std::ptr::null())) };
        let object_hash = vm.ctx.types.object_type.slots.hash.load().expect("object has a hash slot");
        Ok(object_hash(&o, vm)? as isize)
    }
}
