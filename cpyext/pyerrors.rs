//! Exceptions (`pyerrors.h`): the error indicator, `PyErr_*`, and every
//! `PyExc_*` data symbol.
//!
//! The error indicator is per thread, like CPython's thread state. It always
//! holds a normalized exception instance: CPython 3.12+ normalizes eagerly too.

use crate::boundary::{Borrowed, Stolen};
use crate::capi;
use crate::ffi::PyObject as CObject;
use crate::proxy;
use rustpython_vm::{
    AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine,
    builtins::{PyBaseException, PyBaseExceptionRef, PyDict, PyStrRef, PyTuple, PyType, PyTypeRef},
};
use std::cell::RefCell;
use std::ffi::c_char;
use std::ptr::null_mut;

thread_local! {
    static INDICATOR: RefCell<Option<PyBaseExceptionRef>> = const { RefCell::new(None) };
}

/// Sets the error indicator, replacing what was there.
pub fn set(e: PyBaseExceptionRef) {
    let old = INDICATOR.with(|c| c.replace(Some(e)));
    drop(old);
}

/// Sets the error indicator to `e` raised now: as CPython's
/// `_PyErr_SetObject`, the exception being handled becomes its context
/// (unless that would make a cycle).
fn raise(e: PyBaseExceptionRef, vm: &VirtualMachine) {
    if e.__context__().is_none() {
        if let Ok(Some(handled)) = handling(vm) {
            let mut link = Some(handled.clone());
            let mut cycle = false;
            while let Some(l) = link {
                if l.is(&e) {
                    cycle = true;
                    break;
                }
                link = l.__context__();
            }
            if !cycle {
                e.set_context(Some(handled));
            }
        }
    }
    set(e);
}

/// Takes the error indicator, leaving it clear.
pub fn take() -> Option<PyBaseExceptionRef> {
    INDICATOR.with(|c| c.borrow_mut().take())
}

pub fn occurred() -> bool {
    INDICATOR.with(|c| c.borrow().is_some())
}

fn peek() -> Option<PyBaseExceptionRef> {
    INDICATOR.with(|c| c.borrow().clone())
}

/// The outcome of a C call that returned `result` (a new reference or NULL),
/// checked the way CPython checks a C function's result: NULL must come with
/// an exception, a value must come without one. `what` names the callee.
pub fn check_result(
    result: *mut CObject,
    what: impl FnOnce() -> String,
    vm: &VirtualMachine,
) -> PyResult<PyObjectRef> {
    let err = take();
    if result.is_null() {
        return Err(err.unwrap_or_else(|| {
            vm.new_system_error(format!("{} returned NULL without setting an exception", what()))
        }));
    }
    let obj = unsafe { proxy::from_c_steal(result, vm) };
    if let Some(cause) = err {
        drop(obj);
        let e = vm.new_system_error(format!("{} returned a result with an exception set", what()));
        e.set_cause(Some(cause));
        return Err(e);
    }
    obj
}

/// The outcome of a C call that returned a status (`-1` for failure).
pub fn check_status(status: i32, what: impl FnOnce() -> String, vm: &VirtualMachine) -> PyResult<()> {
    let err = take();
    match (status < 0, err) {
        (true, Some(e)) => Err(e),
        (true, None) => Err(vm.new_system_error(format!("{} failed without setting an exception", what()))),
        (false, Some(e)) => {
            let s = vm.new_system_error(format!("{} raised an exception but reported success", what()));
            s.set_cause(Some(e));
            Err(s)
        }
        (false, None) => Ok(()),
    }
}

fn exception_type(obj: &PyObjectRef, vm: &VirtualMachine) -> PyResult<PyTypeRef> {
    obj.clone()
        .downcast::<PyType>()
        .ok()
        .filter(|t| t.fast_issubclass(vm.ctx.exceptions.base_exception_type))
        .ok_or_else(|| {
            vm.new_system_error(format!(
                "exception {} is not a BaseException subclass",
                obj.repr(vm).map(|s| s.to_string()).unwrap_or_default()
            ))
        })
}

/// The exception `type(value)` would raise, as `PyErr_SetObject` builds it.
pub fn make_exception(ty: PyObjectRef, value: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<PyBaseExceptionRef> {
    let ty = exception_type(&ty, vm)?;
    if let Some(v) = &value {
        if v.class().fast_issubclass(&ty) {
            return Ok(v.clone().downcast().unwrap());
        }
    }
    let args: Vec<PyObjectRef> = match value {
        None => vec![],
        Some(v) if vm.is_none(&v) => vec![],
        Some(v) => match v.downcast_ref::<PyTuple>() {
            Some(t) => t.as_slice().to_vec(),
            None => vec![v],
        },
    };
    vm.invoke_exception(&ty, args)
}

/// A new reference for an out-parameter, NULL for none.
fn null_or_new(obj: Option<PyObjectRef>, vm: &VirtualMachine) -> *mut CObject {
    crate::boundary::ToC::to_c(obj, vm)
}

/// The exception being handled, as `sys.exception()` finds it (the VM's
/// own lookup is private to it).
fn handling(vm: &VirtualMachine) -> PyResult<Option<PyBaseExceptionRef>> {
    let e = vm.sys_module.get_attr("exception", vm)?.call((), vm)?;
    Ok(e.downcast::<rustpython_vm::builtins::PyBaseException>().ok())
}

/// The exception `exc` names as handled: None and NULL are none.
fn handled(exc: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<Option<PyBaseExceptionRef>> {
    match exc.filter(|e| !vm.is_none(e)) {
        None => Ok(None),
        Some(e) => e
            .downcast::<rustpython_vm::builtins::PyBaseException>()
            .map(Some)
            .map_err(|o| vm.new_type_error(format!("exceptions must derive from BaseException, not {}", o.class().name()))),
    }
}

capi! {
    fn PyErr_SetString(vm, ty: PyObjectRef, msg: *const c_char) -> crate::boundary::Void {
        let msg = if msg.is_null() {
            None
        } else {
            Some(vm.ctx.new_str(String::from_utf8_lossy(unsafe { std::ffi::CStr::from_ptr(msg) }.to_bytes()).into_owned()).into())
        };
        raise(make_exception(ty, msg, vm)?, vm);
        Ok(crate::boundary::Void)
    }

    fn PyErr_SetObject(vm, ty: PyObjectRef, value: Option<PyObjectRef>) -> crate::boundary::Void {
        raise(make_exception(ty, value, vm)?, vm);
        Ok(crate::boundary::Void)
    }

    fn PyErr_SetNone(vm, ty: PyObjectRef) -> crate::boundary::Void {
        raise(make_exception(ty, None, vm)?, vm);
        Ok(crate::boundary::Void)
    }

    /// The type of the pending exception, or NULL.
    fn PyErr_Occurred(vm) -> Option<Borrowed<'static>> {
        Ok(peek().map(|e| Borrowed::held_by_error_indicator(e.class().as_object(), vm)))
    }

    fn PyErr_Clear(vm) -> crate::boundary::Void {
        drop(take());
        Ok(crate::boundary::Void)
    }

    fn PyErr_GetRaisedException(vm) -> Option<PyObjectRef> {
        Ok(take().map(Into::into))
    }

    fn PyErr_SetRaisedException(vm, exc: Stolen) -> crate::boundary::Void {
        let Some(obj) = exc.take_opt(vm)? else {
            drop(take());
            return Ok(crate::boundary::Void);
        };
        match obj.downcast::<rustpython_vm::builtins::PyBaseException>() {
            Ok(e) => set(e),
            Err(o) => set(vm.new_type_error(format!("exceptions must derive from BaseException, not {}", o.class().name()))),
        }
        Ok(crate::boundary::Void)
    }

    /// The exception being handled (`sys.exception()`), not the one raised.
    fn PyErr_GetHandledException(vm) -> Option<PyObjectRef> {
        handling(vm).map(|e| e.map(Into::into))
    }

    fn PyErr_SetHandledException(vm, exc: Option<PyObjectRef>) -> crate::boundary::Void {
        vm.set_exception(handled(exc, vm)?);
        Ok(crate::boundary::Void)
    }

    /// `sys.exc_info()`'s triple, as new references (NULLs when none).
    fn PyErr_GetExcInfo(vm, ptype: *mut *mut CObject, pvalue: *mut *mut CObject, ptb: *mut *mut CObject) -> crate::boundary::Void {
        if ptype.is_null() || pvalue.is_null() || ptb.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        // CPython gives None, not NULL, for a missing type and traceback.
        let e = handling(vm)?;
        let none = || vm.ctx.none();
        unsafe {
            *ptype = null_or_new(Some(e.as_ref().map_or_else(none, |e| e.class().to_owned().into())), vm);
            *ptb = null_or_new(Some(e.as_ref().and_then(|e| e.__traceback__().map(Into::into)).unwrap_or_else(none)), vm);
            *pvalue = null_or_new(e.map(Into::into), vm);
        }
        Ok(crate::boundary::Void)
    }

    /// Since 3.11 only the value matters: it carries its type and traceback.
    fn PyErr_SetExcInfo(vm, ty: Stolen, value: Stolen, tb: Stolen) -> crate::boundary::Void {
        let (_, value, _) = (ty.take_opt(vm)?, value.take_opt(vm)?, tb.take_opt(vm)?);
        vm.set_exception(handled(value, vm)?);
        Ok(crate::boundary::Void)
    }

    fn PyErr_Fetch(vm, ptype: *mut *mut CObject, pvalue: *mut *mut CObject, ptb: *mut *mut CObject) -> crate::boundary::Void {
        let e = take();
        unsafe {
            *ptype = null_or_new(e.as_ref().map(|e| e.class().to_owned().into()), vm);
            *ptb = null_or_new(e.as_ref().and_then(|e| e.__traceback__().map(Into::into)), vm);
            *pvalue = null_or_new(e.map(Into::into), vm);
        }
        Ok(crate::boundary::Void)
    }

    fn PyErr_Restore(vm, ty: Stolen, value: Stolen, tb: Stolen) -> crate::boundary::Void {
        let (ty, value, tb) = (ty.take_opt(vm)?, value.take_opt(vm)?, tb.take_opt(vm)?);
        let Some(ty) = ty else {
            drop(take());
            return Ok(crate::boundary::Void);
        };
        let tb = match tb.filter(|tb| !vm.is_none(tb)).map(|tb| tb.downcast::<rustpython_vm::builtins::PyTraceback>()) {
            None => None,
            Some(Ok(tb)) => Some(tb),
            // CPython 3.12+: the triple is dropped for a TypeError.
            Some(Err(_)) => {
                set(vm.new_type_error("traceback must be a Traceback or None"));
                return Ok(crate::boundary::Void);
            }
        };
        let e = make_exception(ty, value, vm)?;
        if tb.is_some() {
            e.set_traceback(tb);
        }
        set(e);
        Ok(crate::boundary::Void)
    }

    /// Our indicator always holds an instance, so this only fills in the
    /// instance when the caller's triple is not normalized yet.
    fn PyErr_NormalizeException(vm, ptype: *mut *mut CObject, pvalue: *mut *mut CObject, ptb: *mut *mut CObject) -> crate::boundary::Void {
        unsafe {
            if ptype.is_null() || (*ptype).is_null() || pvalue.is_null() {
                return Ok(crate::boundary::Void);
            }
            let ty = proxy::from_c(*ptype, vm)?;
            let value = if (*pvalue).is_null() { None } else { Some(proxy::from_c(*pvalue, vm)?) };
            let e = make_exception(ty, value, vm)?;
            let new_value = proxy::to_c_new(e.as_object(), vm);
            let new_type = proxy::to_c_new(e.class().as_object(), vm);
            if !(*pvalue).is_null() { proxy::decref(*pvalue); }
            proxy::decref(*ptype);
            *pvalue = new_value;
            *ptype = new_type;
        }
        Ok(crate::boundary::Void)
    }

    fn PyErr_ExceptionMatches(vm, exc: PyObjectRef) -> i32 {
        Ok(match peek() {
            Some(e) => given_matches(&e.into(), &exc, vm) as i32,
            None => 0,
        })
    }

    fn PyErr_GivenExceptionMatches(vm, given: Option<PyObjectRef>, exc: Option<PyObjectRef>) -> i32 {
        Ok(match (given, exc) {
            (Some(g), Some(e)) => given_matches(&g, &e, vm) as i32,
            _ => 0,
        })
    }

    /// Always NULL, with MemoryError set.
    fn PyErr_NoMemory(vm) -> Option<PyObjectRef> {
        set(vm.new_exception_empty(vm.ctx.exceptions.memory_error.to_owned()));
        Ok(None)
    }

    fn PyErr_BadArgument(vm) -> i32 {
        set(vm.new_type_error("bad argument type for built-in operation"));
        Ok(0)
    }

    fn PyErr_BadInternalCall(vm) -> crate::boundary::Void {
        set(vm.new_system_error("bad argument to internal function"));
        Ok(crate::boundary::Void)
    }

    /// What CPython's `PyErr_BadInternalCall()` macro calls: the message
    /// names the C file and line.
    fn _PyErr_BadInternalCall(vm, filename: *const c_char, lineno: i32) -> crate::boundary::Void {
        let file = unsafe { crate::boundary::c_text(filename, "<unknown>") };
        set(vm.new_system_error(format!("{file}:{lineno}: bad argument to internal function")));
        Ok(crate::boundary::Void)
    }

    /// What CPython's `Py_FatalError()` macro calls: names the C function.
    fn _Py_FatalErrorFunc(vm, func: *const c_char, message: *const c_char) -> crate::boundary::Void {
        let _ = vm;
        let text = |p| unsafe { crate::boundary::c_text(p, "") };
        eprintln!("Fatal Python error: {}: {}", text(func), text(message));
        std::process::abort();
    }

    fn PyErr_NewException(vm, name: &str, base: Option<PyObjectRef>, dict: Option<PyObjectRef>) -> PyObjectRef {
        new_exception(name, None, base, dict, vm)
    }

    fn PyErr_NewExceptionWithDoc(vm, name: &str, doc: *const c_char, base: Option<PyObjectRef>, dict: Option<PyObjectRef>) -> PyObjectRef {
        let doc = (!doc.is_null()).then(|| unsafe { std::ffi::CStr::from_ptr(doc) }.to_string_lossy().into_owned());
        new_exception(name, doc, base, dict, vm)
    }

    fn PyErr_PrintEx(vm, _set_sys_last_vars: i32) -> crate::boundary::Void {
        if let Some(e) = take() {
            vm.print_exception(&e);
        }
        Ok(crate::boundary::Void)
    }

    fn PyErr_Print(vm) -> crate::boundary::Void {
        if let Some(e) = take() {
            vm.print_exception(&e);
        }
        Ok(crate::boundary::Void)
    }

    /// Prints `value` (with `tb` as its traceback when given) to
    /// `sys.stderr` as an uncaught exception is printed; `exc` is unused,
    /// as in CPython 3.12+.
    fn PyErr_Display(vm, exc: Option<PyObjectRef>, value: Option<PyObjectRef>, tb: Option<PyObjectRef>) -> crate::boundary::Void {
        let _ = exc;
        if let Some(value) = value {
            display(value, tb, vm);
        }
        Ok(crate::boundary::Void)
    }

    fn PyErr_DisplayException(vm, exc: Option<PyObjectRef>) -> crate::boundary::Void {
        if let Some(exc) = exc {
            display(exc, None, vm);
        }
        Ok(crate::boundary::Void)
    }

    fn PyErr_WriteUnraisable(vm, obj: Option<PyObjectRef>) -> crate::boundary::Void {
        if let Some(e) = take() {
            vm.run_unraisable(e, None, obj.unwrap_or_else(|| vm.ctx.none()));
        }
        Ok(crate::boundary::Void)
    }

    fn PyException_SetCause(vm, exc: PyObjectRef, cause: Stolen) -> crate::boundary::Void {
        let cause = cause.take_opt(vm)?;
        if let Ok(e) = exc.downcast::<rustpython_vm::builtins::PyBaseException>() {
            e.set_cause(cause.and_then(|c| c.downcast().ok()));
        }
        Ok(crate::boundary::Void)
    }
}

/// `PyErr_Display`'s printing: a value that is not an exception is
/// reported as CPython's printer reports it.
fn display(value: PyObjectRef, tb: Option<PyObjectRef>, vm: &VirtualMachine) {
    match value.downcast::<PyBaseException>() {
        Ok(e) => {
            if let Some(tb) = tb.and_then(|tb| tb.downcast::<rustpython_vm::builtins::PyTraceback>().ok()) {
                e.set_traceback(Some(tb));
            }
            vm.print_exception(&e);
        }
        Err(v) => {
            let msg = format!("TypeError: print_exception(): Exception expected for value, {} found\n", v.class().name());
            if let Ok(stderr) = vm.sys_module.get_attr("stderr", vm) {
                let _ = vm.call_method(&stderr, "write", (msg,));
            }
        }
    }
}

fn exception<'a>(o: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a rustpython_vm::Py<PyBaseException>> {
    o.downcast_ref::<PyBaseException>().ok_or_else(|| crate::boundary::bad_internal_call(vm))
}

/// The `errno` C left: read first, before anything can change it.
fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// CPython's `PyErr_SetFromErrnoWithFilenameObjects`: `ty(code, message[,
/// filename[, None, filename2]])` set as the error (its constructor picks
/// the OSError subclass); errno 0 is "Error", and EINTR runs the signal
/// handlers first, whose exception wins. Always NULL.
fn set_from_errno(code: i32, ty: PyObjectRef, filename: Option<PyObjectRef>, filename2: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
    if code == libc::EINTR {
        vm.check_signals()?;
    }
    let msg = if code == 0 {
        "Error".to_owned()
    } else {
        let text = std::io::Error::from_raw_os_error(code).to_string();
        text.split(" (os error").next().unwrap_or(&text).to_owned()
    };
    let mut args = vec![vm.ctx.new_int(code).into(), vm.ctx.new_str(msg).into()];
    if let Some(filename) = filename {
        args.push(filename);
        if let Some(filename2) = filename2 {
            args.extend([vm.ctx.none(), filename2]);
        }
    }
    set(make_exception(ty, Some(vm.ctx.new_tuple(args).into()), vm)?);
    Ok(None)
}

/// CPython's `PyErr_SetImportError*`: `exception(msg, name=name, path=path,
/// name_from=None)` set as the error (NULLs are None). Always NULL.
fn set_import_error(exception: PyObjectRef, msg: Option<PyObjectRef>, name: Option<PyObjectRef>, path: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
    if !exception.is_subclass(vm.ctx.exceptions.import_error.as_object(), vm)? {
        return Err(vm.new_type_error("expected a subclass of ImportError"));
    }
    let msg = msg.ok_or_else(|| vm.new_type_error("expected a message argument"))?;
    let none_or = |o: Option<PyObjectRef>| o.unwrap_or_else(|| vm.ctx.none());
    let kwargs: rustpython_vm::function::KwArgs =
        [("name", none_or(name)), ("path", none_or(path)), ("name_from", vm.ctx.none())].into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    let e = exception.call_with_args(rustpython_vm::function::FuncArgs::new(vec![msg], kwargs), vm)?;
    let e = e.downcast::<PyBaseException>().map_err(|o| vm.new_type_error(format!("exceptions must derive from BaseException, not {}", o.class().name())))?;
    raise(e, vm);
    Ok(None)
}

/// `PyErr_GivenExceptionMatches`: `given` (an instance or a class) against a
/// class or a tuple of classes.
pub fn given_matches(given: &PyObjectRef, exc: &PyObjectRef, vm: &VirtualMachine) -> bool {
    if let Some(t) = exc.downcast_ref::<PyTuple>() {
        return t.iter().any(|e| given_matches(given, e, vm));
    }
    let given_ty: PyTypeRef = match given.clone().downcast::<PyType>() {
        Ok(t) => t,
        Err(o) => o.class().to_owned(),
    };
    match exc.downcast_ref::<PyType>() {
        Some(e) => given_ty.fast_issubclass(e),
        None => given_ty.is(exc),
    }
}

fn new_exception(
    name: &str,
    doc: Option<String>,
    base: Option<PyObjectRef>,
    dict: Option<PyObjectRef>,
    vm: &VirtualMachine,
) -> PyResult {
    let Some((module, short)) = name.rsplit_once('.') else {
        return Err(vm.new_system_error("PyErr_NewException: name must be module.class"));
    };
    let dict = match dict {
        Some(d) => d.downcast::<PyDict>().map_err(|_| vm.new_system_error("PyErr_NewException: dict must be a dict"))?,
        None => vm.ctx.new_dict(),
    };
    if dict.get_item_opt("__module__", vm)?.is_none() {
        dict.set_item("__module__", vm.ctx.new_str(module).into(), vm)?;
    }
    if let Some(doc) = doc {
        dict.set_item("__doc__", vm.ctx.new_str(doc).into(), vm)?;
    }
    let bases = match base {
        None => vm.ctx.new_tuple(vec![vm.ctx.exceptions.exception_type.to_owned().into()]),
        Some(b) => match b.downcast::<PyTuple>() {
            Ok(t) => t,
            Err(b) => vm.ctx.new_tuple(vec![b]),
        },
    };
    let name: PyStrRef = vm.ctx.new_str(short);
    vm.ctx.types.type_type.as_object().call((name, bases, dict), vm)
}

/// Declares the `PyExc_*` data symbols and the builtins they stand for.
macro_rules! exceptions {
    ($($sym:ident = $name:literal),* $(,)?) => {
        $(
            #[unsafe(no_mangle)]
            #[allow(non_upper_case_globals)]
            pub static mut $sym: *mut CObject = null_mut();
        )*

        /// Points every `PyExc_*` at its builtin exception class.
        pub fn init_exceptions(vm: &VirtualMachine) -> PyResult<()> {
            $(
                let ty = vm.builtins.get_attr($name, vm)?;
                unsafe { $sym = proxy::to_c_new(&ty, vm) };
            )*
            Ok(())
        }
    };
}

exceptions! {
    PyExc_BaseException = "BaseException",
    PyExc_BaseExceptionGroup = "BaseExceptionGroup",
    PyExc_Exception = "Exception",
    PyExc_GeneratorExit = "GeneratorExit",
    PyExc_KeyboardInterrupt = "KeyboardInterrupt",
    PyExc_SystemExit = "SystemExit",
    PyExc_StopIteration = "StopIteration",
    PyExc_StopAsyncIteration = "StopAsyncIteration",
    PyExc_ArithmeticError = "ArithmeticError",
    PyExc_FloatingPointError = "FloatingPointError",
    PyExc_OverflowError = "OverflowError",
    PyExc_ZeroDivisionError = "ZeroDivisionError",
    PyExc_AssertionError = "AssertionError",
    PyExc_AttributeError = "AttributeError",
    PyExc_BufferError = "BufferError",
    PyExc_EOFError = "EOFError",
    PyExc_ImportError = "ImportError",
    PyExc_ModuleNotFoundError = "ModuleNotFoundError",
    PyExc_LookupError = "LookupError",
    PyExc_IndexError = "IndexError",
    PyExc_KeyError = "KeyError",
    PyExc_MemoryError = "MemoryError",
    PyExc_NameError = "NameError",
    PyExc_UnboundLocalError = "UnboundLocalError",
    PyExc_OSError = "OSError",
    PyExc_EnvironmentError = "OSError",
    PyExc_IOError = "OSError",
    PyExc_BlockingIOError = "BlockingIOError",
    PyExc_ChildProcessError = "ChildProcessError",
    PyExc_ConnectionError = "ConnectionError",
    PyExc_BrokenPipeError = "BrokenPipeError",
    PyExc_ConnectionAbortedError = "ConnectionAbortedError",
    PyExc_ConnectionRefusedError = "ConnectionRefusedError",
    PyExc_ConnectionResetError = "ConnectionResetError",
    PyExc_FileExistsError = "FileExistsError",
    PyExc_FileNotFoundError = "FileNotFoundError",
    PyExc_InterruptedError = "InterruptedError",
    PyExc_IsADirectoryError = "IsADirectoryError",
    PyExc_NotADirectoryError = "NotADirectoryError",
    PyExc_PermissionError = "PermissionError",
    PyExc_ProcessLookupError = "ProcessLookupError",
    PyExc_TimeoutError = "TimeoutError",
    PyExc_ReferenceError = "ReferenceError",
    PyExc_RuntimeError = "RuntimeError",
    PyExc_NotImplementedError = "NotImplementedError",
    PyExc_RecursionError = "RecursionError",
    PyExc_PythonFinalizationError = "PythonFinalizationError",
    PyExc_SyntaxError = "SyntaxError",
    PyExc_IndentationError = "IndentationError",
    PyExc_TabError = "TabError",
    PyExc_SystemError = "SystemError",
    PyExc_TypeError = "TypeError",
    PyExc_ValueError = "ValueError",
    PyExc_UnicodeError = "UnicodeError",
    PyExc_UnicodeDecodeError = "UnicodeDecodeError",
    PyExc_UnicodeEncodeError = "UnicodeEncodeError",
    PyExc_UnicodeTranslateError = "UnicodeTranslateError",
    PyExc_Warning = "Warning",
    PyExc_UserWarning = "UserWarning",
    PyExc_DeprecationWarning = "DeprecationWarning",
    PyExc_PendingDeprecationWarning = "PendingDeprecationWarning",
    PyExc_SyntaxWarning = "SyntaxWarning",
    PyExc_RuntimeWarning = "RuntimeWarning",
    PyExc_FutureWarning = "FutureWarning",
    PyExc_ImportWarning = "ImportWarning",
    PyExc_UnicodeWarning = "UnicodeWarning",
    PyExc_BytesWarning = "BytesWarning",
    PyExc_ResourceWarning = "ResourceWarning",
    PyExc_EncodingWarning = "EncodingWarning",
}

capi! {
    fn PyException_GetTraceback(vm, exc: PyObjectRef) -> Option<PyObjectRef> {
        let tb = exc.downcast::<rustpython_vm::builtins::PyBaseException>().ok().and_then(|e| e.__traceback__());
        Ok(tb.map(Into::into))
    }

    fn PyException_SetTraceback(vm, exc: PyObjectRef, tb: PyObjectRef) -> () {
        exc.set_attr("__traceback__", tb, vm)
    }

    /// An OSError (or `ty`) from `errno`, with its message; always NULL.
    fn PyErr_SetFromErrno(vm, ty: PyObjectRef) -> Option<PyObjectRef> {
        set_from_errno(errno(), ty, None, None, vm)
    }

    /// As `PyErr_SetFromErrno`, with the filename (decoded as the file
    /// system encodes names) as the exception's third argument.
    fn PyErr_SetFromErrnoWithFilename(vm, ty: PyObjectRef, filename: *const c_char) -> Option<PyObjectRef> {
        let code = errno();
        let filename = (!filename.is_null())
            .then(|| crate::unicodeobject::decode_fs(unsafe { std::ffi::CStr::from_ptr(filename) }.to_bytes(), vm))
            .transpose()?;
        set_from_errno(code, ty, filename, None, vm)
    }

    fn PyErr_SetFromErrnoWithFilenameObject(vm, ty: PyObjectRef, filename: Option<PyObjectRef>) -> Option<PyObjectRef> {
        set_from_errno(errno(), ty, filename, None, vm)
    }

    /// `filename2` counts only with a `filename`.
    fn PyErr_SetFromErrnoWithFilenameObjects(vm, ty: PyObjectRef, filename: Option<PyObjectRef>, filename2: Option<PyObjectRef>) -> Option<PyObjectRef> {
        set_from_errno(errno(), ty, filename, filename2, vm)
    }

    fn PyErr_SetImportError(vm, msg: Option<PyObjectRef>, name: Option<PyObjectRef>, path: Option<PyObjectRef>) -> Option<PyObjectRef> {
        set_import_error(vm.ctx.exceptions.import_error.to_owned().into(), msg, name, path, vm)
    }

    /// As `PyErr_SetImportError`, with `exception` (a subclass of
    /// ImportError) for the class.
    fn PyErr_SetImportErrorSubclass(vm, exception: PyObjectRef, msg: Option<PyObjectRef>, name: Option<PyObjectRef>, path: Option<PyObjectRef>) -> Option<PyObjectRef> {
        set_import_error(exception, msg, name, path, vm)
    }

    /// Simulates the arrival of signal `signum`: its Python handler runs at
    /// the next check (none for one ignored or left to the default).
    /// -1, without an exception, for a number that is no signal.
    fn PyErr_SetInterruptEx(vm, signum: i32) -> i32 {
        let Ok(signum) = rustpython_vm::signal::SignalNum::try_from(signum) else { return Ok(-1) };
        rustpython_vm::signal::set_interrupt_ex(signum)?;
        Ok(0)
    }

    /// A simulated SIGINT (KeyboardInterrupt under the default handler).
    fn PyErr_SetInterrupt(vm) -> crate::boundary::Void {
        unsafe { PyErr_SetInterruptEx(libc::SIGINT) };
        Ok(crate::boundary::Void)
    }

    /// The class's `tp_name` (a Python class's `__name__`).
    fn PyExceptionClass_Name(vm, exc: &PyObject) -> *const c_char {
        let class = exc.downcast_ref::<PyType>().ok_or_else(|| crate::boundary::bad_internal_call(vm))?;
        Ok(unsafe { (*proxy::type_as_c(class, vm)).tp_name })
    }

    fn PyException_GetArgs(vm, exc: &PyObject) -> PyObjectRef {
        Ok(exception(exc, vm)?.args().into())
    }

    /// Sets `args` as `exc.args = args` does (any iterable, as a tuple).
    fn PyException_SetArgs(vm, exc: &PyObject, args: PyObjectRef) -> crate::boundary::Void {
        exception(exc, vm)?;
        exc.set_attr("args", args, vm)?;
        Ok(crate::boundary::Void)
    }

    fn PyException_GetCause(vm, exc: &PyObject) -> Option<PyObjectRef> {
        Ok(exception(exc, vm)?.__cause__().map(Into::into))
    }

    fn PyException_GetContext(vm, exc: &PyObject) -> Option<PyObjectRef> {
        Ok(exception(exc, vm)?.__context__().map(Into::into))
    }

    /// NULL clears the context.
    fn PyException_SetContext(vm, exc: &PyObject, context: Stolen) -> crate::boundary::Void {
        let context = context.take_opt(vm)?;
        exception(exc, vm)?.set_context(context.and_then(|c| c.downcast().ok()));
        Ok(crate::boundary::Void)
    }

    /// Runs pending signal handlers; -1 with their exception if one raised.
    fn PyErr_CheckSignals(vm) -> () {
        vm.check_signals()
    }
}

// ---------------------------------------------------------------------------
// UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError from C:
// their attributes, checked as CPython checks them.

/// Attribute `name` of `exc`, which must be of `kind` (`str` or `bytes`),
/// else TypeError "<name> attribute must be <what>".
fn unicode_error_attr(exc: &PyObject, name: &str, kind: &'static rustpython_vm::Py<PyType>, what: &str, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let v = exc.get_attr(vm.ctx.intern_str(name), vm)?;
    if v.fast_isinstance(kind) {
        Ok(v)
    } else {
        Err(vm.new_type_error(format!("{name} attribute must be {what}")))
    }
}

fn unicode_object(exc: &PyObject, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    unicode_error_attr(exc, "object", vm.ctx.types.str_type, "unicode", vm)
}

fn bytes_object(exc: &PyObject, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    unicode_error_attr(exc, "object", vm.ctx.types.bytes_type, "bytes", vm)
}

fn index_attr(exc: &PyObject, name: &str, vm: &VirtualMachine) -> PyResult<isize> {
    exc.get_attr(vm.ctx.intern_str(name), vm)?.try_into_value(vm)
}

/// `start`, as CPython clamps it into the object (`size - 1` at most).
fn error_start(exc: &PyObject, object: PyObjectRef, out: *mut isize, vm: &VirtualMachine) -> PyResult<()> {
    let size = object.length(vm)? as isize;
    let start = index_attr(exc, "start", vm)?.max(0);
    let start = if start >= size { size - 1 } else { start };
    if out.is_null() {
        return Err(crate::boundary::bad_internal_call(vm));
    }
    unsafe { *out = start };
    Ok(())
}

/// `end`, as CPython clamps it (between 1 and the object's size).
fn error_end(exc: &PyObject, object: PyObjectRef, out: *mut isize, vm: &VirtualMachine) -> PyResult<()> {
    let size = object.length(vm)? as isize;
    let end = index_attr(exc, "end", vm)?.max(1).min(size);
    if out.is_null() {
        return Err(crate::boundary::bad_internal_call(vm));
    }
    unsafe { *out = end };
    Ok(())
}

fn set_index(exc: &PyObject, name: &str, value: isize, vm: &VirtualMachine) -> PyResult<()> {
    exc.set_attr(vm.ctx.intern_str(name), vm.ctx.new_int(value), vm)
}

fn set_reason(exc: &PyObject, reason: &std::ffi::CStr, vm: &VirtualMachine) -> PyResult<()> {
    exc.set_attr("reason", vm.ctx.new_str(reason.to_string_lossy()), vm)
}

fn reason(exc: &PyObject, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    unicode_error_attr(exc, "reason", vm.ctx.types.str_type, "unicode", vm)
}

capi! {
    unsafe fn PyUnicodeDecodeError_Create(vm, encoding: &std::ffi::CStr, object: *const c_char, length: isize, start: isize, end: isize, reason: &std::ffi::CStr) -> PyObjectRef {
        if object.is_null() || length < 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let bytes = std::slice::from_raw_parts(object as *const u8, length as usize).to_vec();
        let args = (encoding.to_string_lossy().into_owned(), vm.ctx.new_bytes(bytes), start, end, reason.to_string_lossy().into_owned());
        vm.ctx.exceptions.unicode_decode_error.as_object().call(args, vm)
    }

    fn PyUnicodeEncodeError_GetEncoding(vm, exc: &PyObject) -> PyObjectRef {
        unicode_error_attr(exc, "encoding", vm.ctx.types.str_type, "unicode", vm)
    }

    fn PyUnicodeDecodeError_GetEncoding(vm, exc: &PyObject) -> PyObjectRef {
        unicode_error_attr(exc, "encoding", vm.ctx.types.str_type, "unicode", vm)
    }

    fn PyUnicodeEncodeError_GetObject(vm, exc: &PyObject) -> PyObjectRef {
        unicode_object(exc, vm)
    }

    fn PyUnicodeDecodeError_GetObject(vm, exc: &PyObject) -> PyObjectRef {
        bytes_object(exc, vm)
    }

    fn PyUnicodeTranslateError_GetObject(vm, exc: &PyObject) -> PyObjectRef {
        unicode_object(exc, vm)
    }

    fn PyUnicodeEncodeError_GetStart(vm, exc: &PyObject, start: *mut isize) -> () {
        error_start(exc, unicode_object(exc, vm)?, start, vm)
    }

    fn PyUnicodeDecodeError_GetStart(vm, exc: &PyObject, start: *mut isize) -> () {
        error_start(exc, bytes_object(exc, vm)?, start, vm)
    }

    fn PyUnicodeTranslateError_GetStart(vm, exc: &PyObject, start: *mut isize) -> () {
        error_start(exc, unicode_object(exc, vm)?, start, vm)
    }

    fn PyUnicodeEncodeError_GetEnd(vm, exc: &PyObject, end: *mut isize) -> () {
        error_end(exc, unicode_object(exc, vm)?, end, vm)
    }

    fn PyUnicodeDecodeError_GetEnd(vm, exc: &PyObject, end: *mut isize) -> () {
        error_end(exc, bytes_object(exc, vm)?, end, vm)
    }

    fn PyUnicodeTranslateError_GetEnd(vm, exc: &PyObject, end: *mut isize) -> () {
        error_end(exc, unicode_object(exc, vm)?, end, vm)
    }

    fn PyUnicodeEncodeError_GetReason(vm, exc: &PyObject) -> PyObjectRef {
        reason(exc, vm)
    }

    fn PyUnicodeDecodeError_GetReason(vm, exc: &PyObject) -> PyObjectRef {
        reason(exc, vm)
    }

    fn PyUnicodeTranslateError_GetReason(vm, exc: &PyObject) -> PyObjectRef {
        reason(exc, vm)
    }

    fn PyUnicodeEncodeError_SetStart(vm, exc: &PyObject, start: isize) -> () {
        set_index(exc, "start", start, vm)
    }

    fn PyUnicodeDecodeError_SetStart(vm, exc: &PyObject, start: isize) -> () {
        set_index(exc, "start", start, vm)
    }

    fn PyUnicodeTranslateError_SetStart(vm, exc: &PyObject, start: isize) -> () {
        set_index(exc, "start", start, vm)
    }

    fn PyUnicodeEncodeError_SetEnd(vm, exc: &PyObject, end: isize) -> () {
        set_index(exc, "end", end, vm)
    }

    fn PyUnicodeDecodeError_SetEnd(vm, exc: &PyObject, end: isize) -> () {
        set_index(exc, "end", end, vm)
    }

    fn PyUnicodeTranslateError_SetEnd(vm, exc: &PyObject, end: isize) -> () {
        set_index(exc, "end", end, vm)
    }

    fn PyUnicodeEncodeError_SetReason(vm, exc: &PyObject, reason: &std::ffi::CStr) -> () {
        set_reason(exc, reason, vm)
    }

    fn PyUnicodeDecodeError_SetReason(vm, exc: &PyObject, reason: &std::ffi::CStr) -> () {
        set_reason(exc, reason, vm)
    }

    fn PyUnicodeTranslateError_SetReason(vm, exc: &PyObject, reason: &std::ffi::CStr) -> () {
        set_reason(exc, reason, vm)
    }
}

/// Line `lineno` (from 1) of the file, as CPython 3.14 reads it for a
/// SyntaxError's text: universal newlines, a BOM on the first line
/// skipped, undecodable bytes replaced; `None` when there is no such line
/// or file.
fn program_text(filename: &PyObject, lineno: i32, vm: &VirtualMachine) -> Option<PyObjectRef> {
    let name = filename.downcast_ref::<rustpython_vm::builtins::PyStr>()?;
    if lineno <= 0 {
        return None;
    }
    let bytes = std::fs::read(name.as_wtf8().to_string()).ok()?;
    let mut rest = &bytes[..];
    let mut line: &[u8] = &[];
    for _ in 0..lineno {
        if rest.is_empty() {
            return None;
        }
        let end = rest.iter().position(|&b| b == b'\n' || b == b'\r');
        let (text, next) = match end {
            Some(i) if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') => (&rest[..i], &rest[i + 2..]),
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        line = text;
        // A line with an end keeps it, as "\n".
        if end.is_some() {
            line = &rest[..text.len() + 1];
        }
        rest = next;
    }
    let ended = line.last().is_some_and(|&b| b == b'\n' || b == b'\r');
    let mut text = if ended { &line[..line.len() - 1] } else { line };
    if lineno == 1 {
        text = text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text);
    }
    let mut s = String::from_utf8_lossy(text).into_owned();
    if ended {
        s.push('\n');
    }
    Some(vm.ctx.new_str(s).into())
}

capi! {
    /// CPython's: `exc` (stolen) becomes the context of the exception
    /// being raised, or is raised itself when none is.
    fn _PyErr_ChainExceptions1(vm, exc: Stolen) -> crate::boundary::Void {
        let Some(exc) = exc.take_opt(vm)? else { return Ok(crate::boundary::Void) };
        let Ok(exc) = exc.downcast::<PyBaseException>() else {
            return Err(crate::boundary::bad_internal_call(vm));
        };
        match take() {
            Some(current) => {
                current.set_context(Some(exc));
                set(current);
            }
            None => set(exc),
        }
        Ok(crate::boundary::Void)
    }

    fn PyUnstable_Exc_PrepReraiseStar(vm, orig: &PyObject, excs: &PyObject) -> PyObjectRef {
        rustpython_vm::exceptions::prep_reraise_star(orig, excs, vm)
    }

    /// `signal.set_wakeup_fd` (which, on RustPython, requires the main
    /// thread and a non-blocking descriptor).
    fn PySignal_SetWakeupFd(vm, fd: i32) -> i32 {
        let signal = vm.import("_signal", 0)?;
        let old = vm.call_method(&signal, "set_wakeup_fd", (fd.max(-1),))?;
        old.try_into_value::<i32>(vm)
    }

    /// Line `lineno` of the file; NULL without an exception when there is
    /// none.
    fn PyErr_ProgramTextObject(vm, filename: Option<PyObjectRef>, lineno: i32) -> Option<PyObjectRef> {
        Ok(filename.and_then(|f| program_text(&f, lineno, vm)))
    }

    fn PyErr_RangedSyntaxLocationObject(vm, filename: Option<PyObjectRef>, lineno: i32, col_offset: i32, end_lineno: i32, end_col_offset: i32) -> crate::boundary::Void {
        locate(filename, lineno, col_offset, end_lineno, end_col_offset, vm)
    }

    /// The end is the line itself, with no end column.
    fn PyErr_SyntaxLocationObject(vm, filename: Option<PyObjectRef>, lineno: i32, col_offset: i32) -> crate::boundary::Void {
        locate(filename, lineno, col_offset, lineno, -1, vm)
    }

    fn PyErr_SyntaxLocationEx(vm, filename: *const c_char, lineno: i32, col_offset: i32) -> crate::boundary::Void {
        locate(c_filename(filename, vm), lineno, col_offset, lineno, -1, vm)
    }

    /// Without a column (`offset` None).
    fn PyErr_SyntaxLocation(vm, filename: *const c_char, lineno: i32) -> crate::boundary::Void {
        locate(c_filename(filename, vm), lineno, -1, lineno, -1, vm)
    }

    /// Line `lineno` of the file; NULL without an exception when there is
    /// none.
    fn PyErr_ProgramText(vm, filename: *const c_char, lineno: i32) -> Option<PyObjectRef> {
        Ok(c_filename(filename, vm).and_then(|f| program_text(&f, lineno, vm)))
    }
}

/// Sets the location attributes of `exc`, as CPython does: failures to set
/// one are ignored; an exception that is not exactly SyntaxError also gets
/// `msg` and `print_file_and_line` when it lacks them (so it prints like
/// one).
fn syntax_location(exc: &PyBaseExceptionRef, filename: Option<PyObjectRef>, lineno: i32, col_offset: i32, end_lineno: i32, end_col_offset: i32, vm: &VirtualMachine) {
    let obj: &PyObject = exc.as_object();
    let int_or_none = |v: i32| -> PyObjectRef { if v >= 0 { vm.ctx.new_int(v).into() } else { vm.ctx.none() } };
    let _ = obj.set_attr("lineno", vm.ctx.new_int(lineno), vm);
    let _ = obj.set_attr("offset", int_or_none(col_offset), vm);
    let _ = obj.set_attr("end_lineno", int_or_none(end_lineno), vm);
    let _ = obj.set_attr("end_offset", int_or_none(end_col_offset), vm);
    if let Some(filename) = filename {
        let _ = obj.set_attr("filename", filename.clone(), vm);
        if let Some(text) = program_text(&filename, lineno, vm) {
            let _ = obj.set_attr("text", text, vm);
        }
    }
    if !obj.class().is(vm.ctx.exceptions.syntax_error) {
        if let Ok(None) = vm.get_attribute_opt(obj, "msg") {
            if let Ok(s) = obj.str(vm) {
                let _ = obj.set_attr("msg", s, vm);
            }
        }
        if let Ok(None) = vm.get_attribute_opt(obj, "print_file_and_line") {
            let _ = obj.set_attr("print_file_and_line", vm.ctx.none(), vm);
        }
    }
}

/// A C file name, decoded as the file system encodes names; None for NULL
/// or what does not decode (the location is then set without one).
fn c_filename(filename: *const c_char, vm: &VirtualMachine) -> Option<PyObjectRef> {
    if filename.is_null() {
        return None;
    }
    crate::unicodeobject::decode_fs(unsafe { std::ffi::CStr::from_ptr(filename) }.to_bytes(), vm).ok()
}

/// Sets the location of the exception being raised (none raised is
/// SystemError, where CPython would crash).
fn locate(filename: Option<PyObjectRef>, lineno: i32, col_offset: i32, end_lineno: i32, end_col_offset: i32, vm: &VirtualMachine) -> PyResult<crate::boundary::Void> {
    let exc = take().ok_or_else(|| crate::boundary::bad_internal_call(vm))?;
    syntax_location(&exc, filename, lineno, col_offset, end_lineno, end_col_offset, vm);
    set(exc);
    Ok(crate::boundary::Void)
}
