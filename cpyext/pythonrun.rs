//! Compiling source from C (`pythonrun.h`): the VM's own `compile()`, so
//! the code objects and `SyntaxError`s are the ones Python code gets.

use crate::boundary::c_text;
use crate::capi;
use rustpython_vm::{PyObject, PyObjectRef, PyResult, VirtualMachine};
use std::ffi::{CStr, c_char, c_int, c_void};

/// `compile()`'s mode for a `Py_*_input` start symbol.
fn mode(start: c_int, vm: &VirtualMachine) -> PyResult<&'static str> {
    match start {
        256 => Ok("single"),
        257 => Ok("exec"),
        258 => Ok("eval"),
        _ => Err(vm.new_value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    }
}

/// The source goes in as bytes, so a coding cookie is honoured and
/// undecodable source is a SyntaxError, as in CPython.
fn compile(source: &CStr, filename: PyObjectRef, start: c_int, optimize: c_int, vm: &VirtualMachine) -> PyResult {
    let compile = vm.builtins.get_attr("compile", vm)?;
    let args = (vm.ctx.new_bytes(source.to_bytes().to_vec()), filename, vm.ctx.new_str(mode(start, vm)?), 0, false, optimize);
    compile.call(args, vm)
}

capi! {
    fn Py_CompileString(vm, source: &CStr, filename: &CStr, start: c_int) -> PyObjectRef {
        compile(source, vm.ctx.new_str(filename.to_string_lossy()).into(), start, -1, vm)
    }

    /// The compiler flags (future features) are not read: the VM's
    /// compiler knows only its own.
    unsafe fn Py_CompileStringExFlags(vm, source: &CStr, filename: *const c_char, start: c_int, flags: *mut c_void, optimize: c_int) -> PyObjectRef {
        compile(source, vm.ctx.new_str(c_text(filename, "???")).into(), start, optimize, vm)
    }

    fn Py_CompileStringObject(vm, source: &CStr, filename: &PyObject, start: c_int, flags: *mut c_void, optimize: c_int) -> PyObjectRef {
        compile(source, filename.to_owned(), start, optimize, vm)
    }
}
