//! Frame creation (`frameobject.h`), and the copies between a frame's
//! variables and `f_locals` that PEP 667 made unneeded.

use crate::capi;
use crate::ffi::PyObject as CObject;
use rustpython_vm::{PyObjectRef, builtins::{PyCode, PyDict}};

capi! {
    /// A real frame object: RustPython makes frames only by running code,
    /// so this runs a one-line function compiled with `code`'s file name
    /// and first line, and named as `code`, with `globals` as its globals,
    /// that returns its own frame (`sys._getframe()`). Its `f_code` is that
    /// function's code (with `code`'s `co_filename`, `co_name`,
    /// `co_qualname` and `co_firstlineno`), not `code` itself; `f_lineno`
    /// is `co_firstlineno`; `f_globals` is `globals`; `f_locals` is the
    /// function's own (`locals` is not used: CPython uses it only for code
    /// without `CO_NEWLOCALS`, which C does not run either). The thread
    /// state is the calling thread's.
    fn PyFrame_New(vm, tstate: *mut crate::pystate::ThreadState, code: PyObjectRef, globals: PyObjectRef, locals: Option<PyObjectRef>) -> PyObjectRef {
        let _ = (tstate, locals);
        if code.downcast_ref::<PyCode>().is_none() || globals.downcast_ref::<PyDict>().is_none() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let helpers = crate::code::helpers(vm)?;
        vm.call_method(&helpers, "frame_new", (code, globals))
    }
}

capi! {
    /// Nothing to copy: `f_locals` writes through to the frame's variables
    /// (as in CPython 3.13).
    fn PyFrame_LocalsToFast(vm, f: *mut CObject, clear: i32) -> crate::boundary::Void {
        Ok(crate::boundary::Void)
    }

    fn PyFrame_FastToLocalsWithError(vm, f: *mut CObject) -> i32 {
        Ok(0)
    }

    fn PyFrame_FastToLocals(vm, f: *mut CObject) -> crate::boundary::Void {
        Ok(crate::boundary::Void)
    }
}
