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
