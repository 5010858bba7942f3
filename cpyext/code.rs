//! Code objects (`code.h`): the VM's own, made through `types.CodeType`'s
//! `replace` and constructor.
//!
//! RustPython's code objects hold RustPython's bytecode, so `co_code`
//! given to `PyUnstable_Code_New*` is read as RustPython's (CPython's
//! bytecode cannot run here, and RustPython refuses what it cannot decode
//! with ValueError "invalid bytecode"). What C makes code objects for in
//! practice, the frames of tracebacks (Cython passes an empty `co_code`),
//! needs only the names and line numbers, which are kept as given.

use crate::capi;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};
use std::ffi::CStr;

const SOURCE: &str = "\
import sys as _sys

def _empty():
    pass

_EMPTY = _empty.__code__

def code_new_empty(filename, name, firstlineno):
    return _EMPTY.replace(co_filename=filename, co_name=name, co_qualname=name,
                          co_firstlineno=max(firstlineno, 0))

def frame_new(code, globals):
    # A function of one line, at the code's first line, that returns its own
    # frame: called with the code's globals, its frame is a real frame object
    # whose f_code has the code's file, name and first line.
    line = max(code.co_firstlineno, 1)
    src = '\\n' * (line - 1) + 'def _frame(_getframe): return _getframe()'
    mod = compile(src, code.co_filename, 'exec')
    fcode = next(c for c in mod.co_consts if isinstance(c, type(mod)))
    fcode = fcode.replace(co_name=code.co_name, co_qualname=code.co_qualname)
    return type(_empty)(fcode, globals)(_sys._getframe)
";

/// The helpers above, made once per VM.
pub fn helpers(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let sys_modules = vm.sys_module.get_attr("modules", vm)?;
    if let Ok(cached) = sys_modules.get_item("_cpyext_code", vm) {
        return Ok(cached);
    }
    let dict = vm.ctx.new_dict();
    let module = vm.new_module("_cpyext_code", dict.clone(), None);
    let scope = rustpython_vm::scope::Scope::with_builtins(None, dict, vm);
    vm.run_string(scope, SOURCE, "<cpyext code>")?;
    sys_modules.set_item("_cpyext_code", module.clone().into(), vm)?;
    Ok(module.into())
}

fn c_str(s: &CStr, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let s = s.to_str().map_err(|_| vm.new_value_error("the C string is not valid UTF-8"))?;
    Ok(vm.ctx.new_str(s).into())
}

#[allow(clippy::too_many_arguments)]
fn code_new(
    vm: &VirtualMachine,
    ints: [i32; 6],
    code: PyObjectRef,
    consts: PyObjectRef,
    names: PyObjectRef,
    varnames: PyObjectRef,
    freevars: PyObjectRef,
    cellvars: PyObjectRef,
    filename: PyObjectRef,
    name: PyObjectRef,
    qualname: PyObjectRef,
    firstlineno: i32,
    linetable: PyObjectRef,
    exceptiontable: PyObjectRef,
) -> PyResult {
    let [argcount, posonlyargcount, kwonlyargcount, _nlocals, stacksize, flags] = ints;
    // As CPython 3.11+, the number of locals is what `varnames` says.
    let nlocals = varnames.length(vm)?;
    let int = |i: i32| -> PyObjectRef { vm.ctx.new_int(i).into() };
    let args: Vec<PyObjectRef> = vec![
        int(argcount),
        int(posonlyargcount),
        int(kwonlyargcount),
        vm.ctx.new_int(nlocals).into(),
        int(stacksize),
        int(flags),
        code,
        consts,
        names,
        varnames,
        filename,
        name,
        qualname,
        int(firstlineno),
        linetable,
        exceptiontable,
        freevars,
        cellvars,
    ];
    vm.ctx.types.code_type.as_object().call(args, vm)
}

capi! {
    /// A code object that does nothing, with these file, function name and
    /// first line (what C makes for the frames of its tracebacks).
    fn PyCode_NewEmpty(vm, filename: &CStr, funcname: &CStr, firstlineno: i32) -> PyObjectRef {
        let (filename, funcname) = (c_str(filename, vm)?, c_str(funcname, vm)?);
        let helpers = helpers(vm)?;
        vm.call_method(&helpers, "code_new_empty", (filename, funcname, firstlineno))
    }

    fn PyUnstable_Code_New(vm, argcount: i32, kwonlyargcount: i32, nlocals: i32, stacksize: i32, flags: i32, code: PyObjectRef, consts: PyObjectRef, names: PyObjectRef, varnames: PyObjectRef, freevars: PyObjectRef, cellvars: PyObjectRef, filename: PyObjectRef, name: PyObjectRef, qualname: PyObjectRef, firstlineno: i32, linetable: PyObjectRef, exceptiontable: PyObjectRef) -> PyObjectRef {
        code_new(vm, [argcount, 0, kwonlyargcount, nlocals, stacksize, flags], code, consts, names, varnames, freevars, cellvars, filename, name, qualname, firstlineno, linetable, exceptiontable)
    }

    fn PyUnstable_Code_NewWithPosOnlyArgs(vm, argcount: i32, posonlyargcount: i32, kwonlyargcount: i32, nlocals: i32, stacksize: i32, flags: i32, code: PyObjectRef, consts: PyObjectRef, names: PyObjectRef, varnames: PyObjectRef, freevars: PyObjectRef, cellvars: PyObjectRef, filename: PyObjectRef, name: PyObjectRef, qualname: PyObjectRef, firstlineno: i32, linetable: PyObjectRef, exceptiontable: PyObjectRef) -> PyObjectRef {
        code_new(vm, [argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags], code, consts, names, varnames, freevars, cellvars, filename, name, qualname, firstlineno, linetable, exceptiontable)
    }
}
