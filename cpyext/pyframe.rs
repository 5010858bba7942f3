//! Frame objects (`pyframe.h`): the VM's frames, read through their
//! Python attributes.

use crate::capi;
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine, builtins::PyStr, frame::FrameObject};
use std::ffi::CStr;

/// `frame` if it is a frame, else CPython's `PyErr_BadInternalCall`.
fn frame<'a>(f: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a PyObject> {
    if f.downcastable::<FrameObject>() { Ok(f) } else { Err(crate::boundary::bad_internal_call(vm)) }
}

/// The value of the frame's variable `name` (a local, cell or free
/// variable of its code); NameError as CPython's when there is none.
fn get_var(f: &PyObject, name: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    let f = frame(f, vm)?;
    if !name.downcastable::<PyStr>() {
        return Err(vm.new_type_error(format!("name must be str, not {}", name.class().name())));
    }
    let code = f.get_attr("f_code", vm)?;
    let mut is_var = false;
    for attr in ["co_varnames", "co_cellvars", "co_freevars"] {
        is_var = is_var || vm.call_method(&*code.get_attr(attr, vm)?, "__contains__", (name.clone(),))?.try_to_bool(vm)?;
    }
    if is_var {
        let locals = f.get_attr("f_locals", vm)?;
        match locals.get_item(&*name, vm) {
            Ok(v) => return Ok(v),
            Err(e) if e.fast_isinstance(vm.ctx.exceptions.key_error) => {}
            Err(e) => return Err(e),
        }
    }
    Err(vm.new_name_error(format!("variable {} does not exist", name.repr(vm)?), name.downcast::<PyStr>().expect("checked above")))
}

/// What CPython's frames run, by executable kind (the types of
/// `_PyInterpreterFrame.f_executable`; 2 is unused, the last ends the list).
#[repr(transparent)]
pub struct ExecutableKinds([*const crate::ffi::PyTypeObject; 6]);

// SAFETY: the table is never written; it points at static type objects.
unsafe impl Sync for ExecutableKinds {}

#[unsafe(no_mangle)]
pub static PyUnstable_ExecutableKinds: ExecutableKinds = ExecutableKinds(
    [
        &raw const crate::typeobject::_PyNone_Type,
        &raw const crate::typeobject::PyCode_Type,
        std::ptr::null(),
        &raw const crate::typeobject::PyMethod_Type,
        &raw const crate::typeobject::PyMethodDescr_Type,
        std::ptr::null(),
    ]
);

capi! {
    fn PyFrame_GetVar(vm, f: &PyObject, name: PyObjectRef) -> PyObjectRef {
        get_var(f, name, vm)
    }

    fn PyFrame_GetVarString(vm, f: &PyObject, name: &CStr) -> PyObjectRef {
        let name = name.to_str().map_err(|_| vm.new_value_error("the name is not valid UTF-8"))?;
        get_var(f, vm.ctx.new_str(name).into(), vm)
    }

    fn PyFrame_GetLineNumber(vm, f: &PyObject) -> i32 {
        let line = frame(f, vm)?.get_attr("f_lineno", vm)?;
        if vm.is_none(&line) { Ok(-1) } else { line.try_into_value::<i32>(vm) }
    }

    fn PyFrame_GetCode(vm, f: &PyObject) -> PyObjectRef {
        frame(f, vm)?.get_attr("f_code", vm)
    }

    /// NULL without an exception for the outermost frame.
    fn PyFrame_GetBack(vm, f: &PyObject) -> Option<PyObjectRef> {
        let back = frame(f, vm)?.get_attr("f_back", vm)?;
        Ok((!vm.is_none(&back)).then_some(back))
    }

    fn PyFrame_GetLocals(vm, f: &PyObject) -> PyObjectRef {
        frame(f, vm)?.get_attr("f_locals", vm)
    }

    fn PyFrame_GetGlobals(vm, f: &PyObject) -> PyObjectRef {
        frame(f, vm)?.get_attr("f_globals", vm)
    }

    fn PyFrame_GetBuiltins(vm, f: &PyObject) -> PyObjectRef {
        frame(f, vm)?.get_attr("f_builtins", vm)
    }

    /// The index of the last instruction run, in bytes (CPython's unit);
    /// -1 before the first.
    fn PyFrame_GetLasti(vm, f: &PyObject) -> i32 {
        frame(f, vm)?.get_attr("f_lasti", vm)?.try_into_value::<i32>(vm)
    }
}
