//! Code objects (`code.h`): the VM's own, made through `types.CodeType`'s
//! `replace` and constructor, and read through their Python attributes
//! (`co_code`, `co_lines()`, `co_positions()`, ...).
//!
//! RustPython's code objects hold RustPython's bytecode, so `co_code`
//! given to `PyUnstable_Code_New*` is read as RustPython's (CPython's
//! bytecode cannot run here, and RustPython refuses what it cannot decode
//! with ValueError "invalid bytecode"). What C makes code objects for in
//! practice, the frames of tracebacks (Cython passes an empty `co_code`),
//! needs only the names and line numbers, which are kept as given.

use crate::boundary::{FromC, bad_internal_call};
use crate::{capi, pystate};
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine, builtins::PyCode};
use std::collections::HashMap;
use std::ffi::{CStr, c_void};

const SOURCE: &str = "\
import math as _math
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

def addr2line(code, offset):
    if offset < 0:
        return code.co_firstlineno
    for start, end, line in code.co_lines():
        if start <= offset < end:
            return -1 if line is None else line
    return -1

def addr2location(code, offset):
    # (start line, start column, end line, end column); co_positions() has
    # one entry per 2-byte code unit.
    if offset < 0:
        return (code.co_firstlineno, 0, code.co_firstlineno, 0)
    positions = list(code.co_positions())
    if offset // 2 >= len(positions):
        return (-1, -1, -1, -1)
    line, end_line, column, end_column = (-1 if v is None else v for v in positions[offset // 2])
    return (line, column, end_line, end_column)

def first_free(code):
    # The cells of arguments are among co_varnames already.
    return len(code.co_varnames) + sum(1 for c in code.co_cellvars if c not in code.co_varnames)

def constant_key(obj):
    # Equal keys for constants the compiler may merge: never for values that
    # compare equal across types (1, 1.0, True) or signed zeros.
    t = type(obj)
    if obj is None or obj is ... or t is int or t is str or isinstance(obj, type(_EMPTY)):
        return obj
    if isinstance(obj, bool) or t is bytes:
        return (t, obj)
    if t is float:
        return (t, obj, None) if obj == 0.0 and _math.copysign(1.0, obj) < 0 else (t, obj)
    if t is complex:
        real_neg = obj.real == 0.0 and _math.copysign(1.0, obj.real) < 0
        imag_neg = obj.imag == 0.0 and _math.copysign(1.0, obj.imag) < 0
        if real_neg and imag_neg:
            return (t, obj, True)
        if imag_neg:
            return (t, obj, False)
        if real_neg:
            return (t, obj, None)
        return (t, obj)
    if t is tuple:
        return (tuple(constant_key(item) for item in obj), obj)
    if t is frozenset:
        return (frozenset(constant_key(item) for item in obj), obj)
    if t is slice:
        # 3.14 folds constant slices.
        return (slice(constant_key(obj.start), constant_key(obj.stop), constant_key(obj.step)), obj)
    return (id(obj), obj)
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

/// `code` if it is a code object, else CPython's `PyErr_BadInternalCall`.
fn code<'a>(co: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a PyObject> {
    if co.downcastable::<PyCode>() { Ok(co) } else { Err(bad_internal_call(vm)) }
}

fn helper(name: &str, args: impl rustpython_vm::function::IntoFuncArgs, vm: &VirtualMachine) -> PyResult {
    vm.call_method(&*helpers(vm)?, name, args)
}

/// A C function releasing a code object's extra data.
pub type FreeFn = unsafe extern "C" fn(*mut c_void);

/// The `freefunc` argument of `PyUnstable_Eval_RequestCodeExtraIndex`.
pub struct FreeFunc(Option<FreeFn>);

impl FromC for FreeFunc {
    type C = Option<FreeFn>;
    fn from_c(c: Option<FreeFn>, _vm: &VirtualMachine) -> PyResult<Self> {
        Ok(FreeFunc(c))
    }
}

/// CPython's limit on extra indexes per interpreter (`MAX_CO_EXTRA_USERS`).
const MAX_EXTRA_USERS: usize = 255;

/// The C tools' data on code objects, by the code object's id. A weak
/// reference to each code object (kept here) calls the free functions when
/// the code object goes, as CPython's code objects do in their dealloc.
struct Extras {
    free: Vec<Option<FreeFn>>,
    by_code: HashMap<usize, (PyObjectRef, Vec<*mut c_void>)>,
}

static EXTRAS: pystate::GilCell<Option<Extras>> = pystate::GilCell::new(None);

fn extras() -> &'static mut Extras {
    // SAFETY: callers hold the GIL and call nothing while borrowing.
    unsafe { EXTRAS.get() }.get_or_insert_with(|| Extras { free: Vec::new(), by_code: HashMap::new() })
}

/// The weak reference's callback: the code object is gone. As CPython's
/// code objects do, it calls the free function of every slot, NULL ones
/// included.
fn release_extras(id: usize, vm: &VirtualMachine) {
    // The VM runs the callback without the layer's GIL: take it.
    let _ = crate::boundary::into_c(vm, [], || {
        let ex = extras();
        let Some((weak, data)) = ex.by_code.remove(&id) else { return Ok(()) };
        let free: Vec<_> = data.iter().zip(&ex.free).filter_map(|(&d, &f)| Some((d, f?))).collect();
        // The free functions may call the API (and this table) again.
        drop(weak);
        for (d, f) in free {
            unsafe { f(d) };
        }
        Ok(())
    });
}

capi! {
    fn PyCode_GetCode(vm, co: &PyObject) -> PyObjectRef {
        code(co, vm)?.get_attr("co_code", vm)
    }

    fn PyCode_GetVarnames(vm, co: &PyObject) -> PyObjectRef {
        code(co, vm)?.get_attr("co_varnames", vm)
    }

    fn PyCode_GetCellvars(vm, co: &PyObject) -> PyObjectRef {
        code(co, vm)?.get_attr("co_cellvars", vm)
    }

    fn PyCode_GetFreevars(vm, co: &PyObject) -> PyObjectRef {
        code(co, vm)?.get_attr("co_freevars", vm)
    }

    fn PyCode_GetNumFree(vm, co: &PyObject) -> isize {
        code(co, vm)?.get_attr("co_freevars", vm)?.length(vm).map(|n| n as isize)
    }

    /// The index of the first free variable among the frame's variables
    /// (locals, then cells that are not arguments, then free variables).
    fn PyUnstable_Code_GetFirstFree(vm, co: &PyObject) -> i32 {
        helper("first_free", (code(co, vm)?.to_owned(),), vm)?.try_into_value(vm)
    }

    /// The line of the instruction at `offset` (bytes), -1 if it has none;
    /// `co_firstlineno` for a negative offset.
    fn PyCode_Addr2Line(vm, co: &PyObject, offset: i32) -> i32 {
        helper("addr2line", (code(co, vm)?.to_owned(), offset), vm)?.try_into_value(vm)
    }

    /// The source span of the instruction at `offset`, -1 for what it lacks;
    /// 1 (CPython's only answer).
    unsafe fn PyCode_Addr2Location(vm, co: &PyObject, offset: i32, start_line: *mut i32, start_column: *mut i32, end_line: *mut i32, end_column: *mut i32) -> i32 {
        let loc = helper("addr2location", (code(co, vm)?.to_owned(), offset), vm)?;
        let loc: Vec<i32> = loc.try_into_value(vm)?;
        for (p, &v) in [start_line, start_column, end_line, end_column].into_iter().zip(&loc) {
            if !p.is_null() {
                *p = v;
            }
        }
        Ok(1)
    }

    fn _PyCode_ConstantKey(vm, obj: PyObjectRef) -> PyObjectRef {
        helper("constant_key", (obj,), vm)
    }

    /// The code unchanged: CPython has not optimized here since 3.8.
    fn PyCode_Optimize(vm, co: PyObjectRef, consts: Option<PyObjectRef>, names: Option<PyObjectRef>, lnotab: Option<PyObjectRef>) -> PyObjectRef {
        Ok(co)
    }

    /// A new index for code extra data, -1 (no exception) when all are taken.
    fn PyUnstable_Eval_RequestCodeExtraIndex(vm, free: FreeFunc) -> isize {
        let ex = extras();
        if ex.free.len() == MAX_EXTRA_USERS - 1 {
            return Ok(-1);
        }
        ex.free.push(free.0);
        Ok(ex.free.len() as isize - 1)
    }

    /// The data at `index` of the code object (NULL when none was set).
    unsafe fn PyUnstable_Code_GetExtra(vm, co: &PyObject, index: isize, extra: *mut *mut c_void) -> () {
        let co = code(co, vm)?;
        let value = extras()
            .by_code
            .get(&co.get_id())
            .and_then(|(_, data)| usize::try_from(index).ok().and_then(|i| data.get(i).copied()))
            .unwrap_or(std::ptr::null_mut());
        *extra = value;
        Ok(())
    }

    /// Sets the data at `index`, releasing what was there (with the index's
    /// free function).
    fn PyUnstable_Code_SetExtra(vm, co: &PyObject, index: isize, extra: *mut c_void) -> () {
        let co = code(co, vm)?;
        let count = extras().free.len();
        let Some(i) = usize::try_from(index).ok().filter(|&i| i < count) else {
            return Err(bad_internal_call(vm));
        };
        let id = co.get_id();
        if !extras().by_code.contains_key(&id) {
            let release = vm.new_function("_cpyext_code_extra_release", move |_weak: PyObjectRef, vm: &VirtualMachine| {
                release_extras(id, vm)
            });
            let weak = vm.ctx.types.weakref_type.as_object().call((co.to_owned(), release), vm)?;
            extras().by_code.insert(id, (weak, Vec::new()));
        }
        let free = extras().free[i];
        let data = &mut extras().by_code.get_mut(&id).expect("inserted above").1;
        if data.len() <= i {
            data.resize(i + 1, std::ptr::null_mut());
        }
        let old = std::mem::replace(&mut data[i], extra);
        if let (false, Some(f)) = (old.is_null(), free) {
            crate::boundary::into_c(vm, [], || {
                unsafe { f(old) };
                Ok(())
            })?;
        }
        Ok(())
    }
}
