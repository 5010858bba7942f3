//! Evaluation services (`ceval.h`): running a code object, the recursion
//! guard C uses around recursive calls of its own, and `Py_Version`.

use crate::boundary::bad_internal_call;
use crate::capi;
use rustpython_vm::{
    PyObject, PyObjectRef, TryFromObject,
    builtins::{PyCode, PyDict},
    function::ArgMapping,
    scope::Scope,
};
use std::cell::Cell;
use std::ffi::CStr;

thread_local! {
    /// Depth of `Py_EnterRecursiveCall` without a matching leave, per thread.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// `PY_VERSION_HEX` of the API we implement.
#[unsafe(no_mangle)]
pub static Py_Version: std::ffi::c_ulong = 0x030E_00F0;

capi! {
    /// Runs a code object (from `Py_CompileString`) in `globals`, with
    /// `locals` (any mapping; NULL is `globals`); an eval-mode code object
    /// gives its value, others None.
    fn PyEval_EvalCode(vm, co: &PyObject, globals: &PyObject, locals: Option<PyObjectRef>) -> PyObjectRef {
        let code = co.to_owned().downcast::<PyCode>().map_err(|_| bad_internal_call(vm))?;
        let globals = globals.to_owned().downcast::<PyDict>().map_err(|_| bad_internal_call(vm))?;
        let locals = match locals.filter(|l| !vm.is_none(l)) {
            Some(l) => ArgMapping::try_from_object(vm, l)?,
            None => ArgMapping::from_dict_exact(globals.clone()),
        };
        // Unlike exec(), CPython adds no `__builtins__` to the globals.
        vm.run_code_obj(code, Scope::new(Some(locals), globals))
    }

    /// RecursionError once C's own nesting passes the recursion limit.
    fn Py_EnterRecursiveCall(vm, place: &CStr) -> i32 {
        let depth = DEPTH.with(|d| d.get()) + 1;
        if depth > vm.recursion_limit.get() {
            let place = place.to_string_lossy();
            return Err(vm.new_recursion_error(format!("maximum recursion depth exceeded{place}")));
        }
        DEPTH.with(|d| d.set(depth));
        Ok(0)
    }

    fn Py_LeaveRecursiveCall(vm) -> crate::boundary::Void {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
        Ok(crate::boundary::Void)
    }
}
