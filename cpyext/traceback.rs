//! Tracebacks (`traceback.h`): the VM's traceback objects, made and printed
//! by its own `types.TracebackType` and `traceback` module.

use crate::boundary::bad_internal_call;
use crate::{capi, pyerrors};
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine, builtins::PyTraceback, frame::FrameObject};

/// A traceback entry for `frame` in front of `tb_next`, at the frame's
/// current line.
fn entry(frame: &PyObject, tb_next: Option<rustpython_vm::PyObjectRef>, vm: &VirtualMachine) -> PyResult {
    let lasti = frame.get_attr("f_lasti", vm)?;
    let lineno = frame.get_attr("f_lineno", vm)?;
    let lineno = if vm.is_none(&lineno) { vm.ctx.new_int(1).into() } else { lineno };
    let next = tb_next.unwrap_or_else(|| vm.ctx.none());
    vm.ctx.types.traceback_type.as_object().call((next, frame.to_owned(), lasti, lineno), vm)
}

capi! {
    /// Adds `frame` to the traceback of the exception being raised, as the
    /// interpreter does when the exception leaves a frame.
    fn PyTraceBack_Here(vm, frame: &PyObject) -> () {
        if !frame.downcastable::<FrameObject>() {
            return Err(bad_internal_call(vm));
        }
        let Some(exc) = pyerrors::take() else {
            return Err(vm.new_system_error("PyTraceBack_Here: no exception is being raised"));
        };
        let tb = match entry(frame, exc.__traceback__().map(Into::into), vm) {
            Ok(tb) => tb,
            Err(e) => {
                pyerrors::set(exc);
                return Err(e);
            }
        };
        exc.set_traceback(tb.downcast::<PyTraceback>().ok());
        pyerrors::set(exc);
        Ok(())
    }

    /// "Traceback (most recent call last):" and the entries, to `file`:
    /// the last `sys.tracebacklimit` of them, none when it is 0 or less.
    fn PyTraceBack_Print(vm, tb: &PyObject, file: &PyObject) -> () {
        if !tb.downcastable::<PyTraceback>() {
            return Err(bad_internal_call(vm));
        }
        let limit = match vm.sys_module.get_attr("tracebacklimit", vm) {
            Ok(l) => match l.try_index_opt(vm) {
                Some(l) => Some(l?.as_bigint().clone()),
                None => None,
            },
            Err(_) => None,
        };
        let limit: PyObjectRef = match limit {
            Some(l) if l <= 0.into() => return Ok(()),
            Some(l) => vm.ctx.new_int(-l).into(),
            None => vm.ctx.none(),
        };
        vm.call_method(file, "write", ("Traceback (most recent call last):\n",))?;
        let traceback = vm.import("traceback", 0)?;
        vm.call_method(traceback.as_object(), "print_tb", (tb.to_owned(), limit, file.to_owned()))?;
        Ok(())
    }
}
