//! Python functions (`funcobject.h`): the VM's functions, read and changed
//! through their attributes (their fields live in the VM), and
//! classmethod/staticmethod.

use crate::boundary::{Borrowed, bad_internal_call};
use crate::capi;
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine, builtins::PyFunction};

fn function(op: &PyObject, vm: &VirtualMachine) -> PyResult<()> {
    if op.downcast_ref::<PyFunction>().is_some() { Ok(()) } else { Err(bad_internal_call(vm)) }
}

/// Attribute `name` of the function `op`, which the function holds: NULL
/// for None where CPython's field would be NULL.
fn field<'py>(op: &'py PyObject, name: &str, none_is_null: bool, vm: &VirtualMachine) -> PyResult<Option<Borrowed<'py>>> {
    function(op, vm)?;
    let value = op.get_attr(vm.ctx.intern_str(name), vm)?;
    if none_is_null && vm.is_none(&value) {
        return Ok(None);
    }
    Ok(Some(Borrowed::held_by(op, &value, vm)))
}

/// Sets attribute `name` of the function `op` to `value`, which must be
/// None or pass `check` (else, NULL included, SystemError with `message`,
/// as CPython).
fn set_field(op: &PyObject, name: &str, value: Option<PyObjectRef>, check: fn(&PyObject, &VirtualMachine) -> bool, message: &str, vm: &VirtualMachine) -> PyResult<()> {
    function(op, vm)?;
    match value {
        Some(v) if vm.is_none(&v) || check(&v, vm) => op.set_attr(vm.ctx.intern_str(name), v, vm),
        _ => Err(vm.new_system_error(message.to_owned())),
    }
}

/// `globals` must be a dict (else PyErr_BadInternalCall's SystemError).
fn new_function(code: PyObjectRef, globals: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    if !is_dict(&globals, vm) {
        return Err(bad_internal_call(vm));
    }
    vm.ctx.types.function_type.as_object().call((code, globals), vm)
}

fn is_tuple(o: &PyObject, vm: &VirtualMachine) -> bool {
    o.fast_isinstance(vm.ctx.types.tuple_type)
}

fn is_dict(o: &PyObject, vm: &VirtualMachine) -> bool {
    o.fast_isinstance(vm.ctx.types.dict_type)
}

capi! {
    /// A function running `code` in `globals` (`types.FunctionType`).
    fn PyFunction_New(vm, code: PyObjectRef, globals: PyObjectRef) -> PyObjectRef {
        new_function(code, globals, vm)
    }

    fn PyFunction_NewWithQualName(vm, code: PyObjectRef, globals: PyObjectRef, qualname: Option<PyObjectRef>) -> PyObjectRef {
        let f = new_function(code, globals, vm)?;
        if let Some(q) = qualname.filter(|q| !vm.is_none(q)) {
            f.set_attr("__qualname__", q, vm)?;
        }
        Ok(f)
    }

    fn PyFunction_GetCode<'py>(vm, op: &'py PyObject) -> Option<Borrowed<'py>> {
        field(op, "__code__", false, vm)
    }

    fn PyFunction_GetGlobals<'py>(vm, op: &'py PyObject) -> Option<Borrowed<'py>> {
        field(op, "__globals__", false, vm)
    }

    fn PyFunction_GetModule<'py>(vm, op: &'py PyObject) -> Option<Borrowed<'py>> {
        field(op, "__module__", false, vm)
    }

    /// NULL (no exception) when the function has no defaults.
    fn PyFunction_GetDefaults<'py>(vm, op: &'py PyObject) -> Option<Borrowed<'py>> {
        field(op, "__defaults__", true, vm)
    }

    fn PyFunction_SetDefaults(vm, op: &PyObject, defaults: Option<PyObjectRef>) -> () {
        set_field(op, "__defaults__", defaults, is_tuple, "non-tuple default args", vm)
    }

    fn PyFunction_GetKwDefaults<'py>(vm, op: &'py PyObject) -> Option<Borrowed<'py>> {
        field(op, "__kwdefaults__", true, vm)
    }

    fn PyFunction_SetKwDefaults(vm, op: &PyObject, defaults: Option<PyObjectRef>) -> () {
        set_field(op, "__kwdefaults__", defaults, is_dict, "non-dict keyword only default args", vm)
    }

    fn PyFunction_GetClosure<'py>(vm, op: &'py PyObject) -> Option<Borrowed<'py>> {
        field(op, "__closure__", true, vm)
    }

    fn PyFunction_GetAnnotations<'py>(vm, op: &'py PyObject) -> Option<Borrowed<'py>> {
        field(op, "__annotations__", true, vm)
    }

    fn PyFunction_SetAnnotations(vm, op: &PyObject, annotations: Option<PyObjectRef>) -> () {
        set_field(op, "__annotations__", annotations, is_dict, "non-dict annotations", vm)
    }

    fn PyClassMethod_New(vm, callable: PyObjectRef) -> PyObjectRef {
        vm.ctx.types.classmethod_type.as_object().call((callable,), vm)
    }

    fn PyStaticMethod_New(vm, callable: PyObjectRef) -> PyObjectRef {
        vm.ctx.types.staticmethod_type.as_object().call((callable,), vm)
    }
}
