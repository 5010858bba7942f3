//! Frame objects (`pyframe.h`): the VM's frames, read through their
//! Python attributes.

use crate::capi;
use rustpython_vm::{PyObject, PyObjectRef, PyResult, VirtualMachine, frame::FrameObject};

/// `frame` if it is a frame, else CPython's `PyErr_BadInternalCall`.
fn frame<'a>(f: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a PyObject> {
    if f.downcastable::<FrameObject>() { Ok(f) } else { Err(crate::boundary::bad_internal_call(vm)) }
}

capi! {
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
