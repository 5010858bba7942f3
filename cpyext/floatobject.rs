//! Floats (`floatobject.h`) and bools (`boolobject.h`).

use crate::capi;
use rustpython_vm::{AsObject, PyObject, PyObjectRef, builtins::PyFloat};

capi! {
    fn PyFloat_FromDouble(vm, v: f64) -> PyObjectRef {
        Ok(vm.ctx.new_float(v).into())
    }

    /// Through `__float__`, then `__index__`, as CPython does.
    fn PyFloat_AsDouble(vm, o: &PyObject) -> f64 {
        if let Some(f) = o.downcast_ref::<PyFloat>() {
            return Ok(f.to_f64());
        }
        Ok(o.try_float(vm)?.to_f64())
    }

    fn PyFloat_FromString(vm, s: PyObjectRef) -> PyObjectRef {
        vm.ctx.types.float_type.as_object().call((s,), vm)
    }

    fn PyFloat_GetMax(vm) -> f64 {
        Ok(f64::MAX)
    }

    /// `sys.float_info`, the struct sequence describing C doubles.
    fn PyFloat_GetInfo(vm) -> PyObjectRef {
        vm.sys_module.get_attr("float_info", vm)
    }

    fn PyFloat_GetMin(vm) -> f64 {
        Ok(f64::MIN_POSITIVE)
    }

    fn PyBool_FromLong(vm, v: i64) -> PyObjectRef {
        Ok(vm.ctx.new_bool(v != 0).into())
    }
}

// ---------------------------------------------------------------------------
// Layout: CPython's `PyFloatObject`, so `PyFloat_AS_DOUBLE` is a field.

pub static LAYOUT: crate::proxy::Layout = crate::proxy::Layout {
    flag: 0,
    create: |obj, tp, _vm| {
        obj.downcast_ref::<PyFloat>().map(|f| unsafe {
            let p = crate::proxy::alloc(std::mem::size_of::<crate::ffi::PyFloatObject>(), tp);
            if !p.is_null() {
                (*(p as *mut crate::ffi::PyFloatObject)).ob_fval = f.to_f64();
            }
            p
        })
    },
    realize: None,
    release: None,
};

/// The IEEE bytes of `x`, in the order `le` asks for.
unsafe fn put<const N: usize>(bytes: [u8; N], p: *mut std::ffi::c_char, le: i32) {
    let mut bytes = bytes;
    if le == 0 {
        bytes.reverse();
    }
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), p as *mut u8, N) };
}

unsafe fn get<const N: usize>(p: *const std::ffi::c_char, le: i32) -> [u8; N] {
    let mut bytes = [0u8; N];
    unsafe { std::ptr::copy_nonoverlapping(p as *const u8, bytes.as_mut_ptr(), N) };
    if le == 0 {
        bytes.reverse();
    }
    bytes
}

capi! {
    /// `le`: little-endian when nonzero (struct's `<d`), else big-endian.
    unsafe fn PyFloat_Pack8(vm, x: f64, p: *mut std::ffi::c_char, le: i32) -> () {
        let _ = vm;
        put(x.to_le_bytes(), p, le);
        Ok(())
    }

    /// A finite double too large for a float is an OverflowError, as
    /// `struct.pack('f')` says.
    unsafe fn PyFloat_Pack4(vm, x: f64, p: *mut std::ffi::c_char, le: i32) -> () {
        let y = x as f32;
        if y.is_infinite() && x.is_finite() {
            return Err(vm.new_overflow_error("float too large to pack with f format"));
        }
        put(y.to_le_bytes(), p, le);
        Ok(())
    }

    unsafe fn PyFloat_Unpack8(vm, p: *const std::ffi::c_char, le: i32) -> f64 {
        let _ = vm;
        Ok(f64::from_le_bytes(get(p, le)))
    }

    unsafe fn PyFloat_Unpack4(vm, p: *const std::ffi::c_char, le: i32) -> f64 {
        let _ = vm;
        Ok(f32::from_le_bytes(get(p, le)) as f64)
    }
}
