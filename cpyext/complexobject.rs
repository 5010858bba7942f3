//! Complex numbers (`complexobject.h`). `Py_complex` crosses by value.

use crate::boundary::{FromC, ToC};
use crate::capi;
use crate::ffi::Py_complex;
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine};

impl FromC for Py_complex {
    type C = Py_complex;
    fn from_c(c: Py_complex, _vm: &VirtualMachine) -> PyResult<Self> {
        Ok(c)
    }
}

impl ToC for Py_complex {
    type C = Py_complex;
    /// CPython's `PyComplex_AsCComplex` failure value.
    const ERROR: Py_complex = Py_complex { real: -1.0, imag: 0.0 };
    fn to_c(self, _vm: &VirtualMachine) -> Py_complex {
        self
    }
}

fn part(c: &PyObject, name: &'static str, vm: &VirtualMachine) -> PyResult<f64> {
    Ok(c.get_attr(name, vm)?.try_float(vm)?.to_f64())
}

/// CPython's order: a complex as it is, else its `__complex__` (which must
/// give a complex), else `PyFloat_AsDouble` (`__float__`, `__index__`) for
/// the real part.
fn as_ccomplex(o: &PyObject, vm: &VirtualMachine) -> PyResult<Py_complex> {
    let complex_type = vm.ctx.types.complex_type;
    if o.fast_isinstance(complex_type) {
        return Ok(Py_complex { real: part(o, "real", vm)?, imag: part(o, "imag", vm)? });
    }
    if o.class().has_attr(vm.ctx.intern_str("__complex__")) {
        let c = vm.call_method(o, "__complex__", ())?;
        if !c.fast_isinstance(complex_type) {
            return Err(vm.new_type_error(format!("__complex__ returned non-complex (type {})", c.class().name())));
        }
        return Ok(Py_complex { real: part(&c, "real", vm)?, imag: part(&c, "imag", vm)? });
    }
    Ok(Py_complex { real: o.try_float(vm)?.to_f64(), imag: 0.0 })
}

capi! {
    fn PyComplex_FromDoubles(vm, real: f64, imag: f64) -> PyObjectRef {
        vm.ctx.types.complex_type.as_object().call((real, imag), vm)
    }

    fn PyComplex_FromCComplex(vm, v: Py_complex) -> PyObjectRef {
        vm.ctx.types.complex_type.as_object().call((v.real, v.imag), vm)
    }

    fn PyComplex_AsCComplex(vm, op: &PyObject) -> Py_complex {
        as_ccomplex(op, vm)
    }

    fn PyComplex_RealAsDouble(vm, op: &PyObject) -> f64 {
        Ok(as_ccomplex(op, vm)?.real)
    }

    fn PyComplex_ImagAsDouble(vm, op: &PyObject) -> f64 {
        Ok(as_ccomplex(op, vm)?.imag)
    }
}
