//! The `sys` module from C (`sysmodule.h`).

use crate::boundary::{Borrowed, Void};
use crate::{capi, proxy, pyerrors};
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine, builtins::{PyDict, PyTuple}, function::FuncArgs};
use std::ffi::{CStr, CString, c_char, c_int, c_void};

/// A C `Py_AuditHookFunction` with its data.
#[derive(Clone, Copy)]
struct AuditHook(unsafe extern "C" fn(*const c_char, *mut crate::ffi::PyObject, *mut c_void) -> c_int, *mut c_void);
// SAFETY: the hook is called with the GIL held, as C expects.
unsafe impl Send for AuditHook {}
unsafe impl Sync for AuditHook {}

impl AuditHook {
    /// `sys.addaudithook`'s form: `hook(event, args)`.
    fn call(self, args: FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
        let (event, event_args): (rustpython_vm::builtins::PyStrRef, PyObjectRef) = args.bind(vm)?;
        let event = CString::new(event.to_string()).map_err(|_| vm.new_value_error("embedded null character"))?;
        crate::boundary::into_c(vm, [&*event_args], || {
            let status = unsafe { (self.0)(event.as_ptr(), proxy::as_c(&event_args, vm), self.1) };
            pyerrors::check_status(status, || "audit hook".to_owned(), vm)
        })
    }
}

/// `sys.path[0]` for a script `argv0`, as CPython computes it: the
/// directory of the file its symlinks lead to, "" without a directory part,
/// the current directory for `-m`, "" for `-c`.
fn script_dir(argv0: &str, vm: &VirtualMachine) -> PyResult<String> {
    if argv0 == "-m" {
        return std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).map_err(|e| vm.new_os_error(e.to_string()));
    }
    if argv0 == "-c" {
        return Ok(String::new());
    }
    let mut path = std::path::PathBuf::from(argv0);
    for _ in 0..40 {
        let Ok(link) = std::fs::read_link(&path) else { break };
        path = if link.is_absolute() { link } else { path.parent().map_or(link.clone(), |p| p.join(&link)) };
    }
    let path = path.to_string_lossy().into_owned();
    Ok(match path.rfind('/') {
        None => String::new(),
        Some(0) => "/".to_owned(),
        Some(i) => path[..i].to_owned(),
    })
}

/// `units` (C `wchar_t`s) as a str.
fn wide_str(units: &[libc::wchar_t], vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let mut s = rustpython_vm::common::wtf8::Wtf8Buf::new();
    for &u in units {
        let c = rustpython_vm::common::wtf8::CodePoint::from_u32(u as u32).ok_or_else(|| vm.new_value_error("character out of range"))?;
        s.push(c);
    }
    Ok(vm.ctx.new_str(s).into())
}

/// A NUL-terminated C `wchar_t` string's units; NULL is SystemError.
///
/// # Safety
/// `p` is NULL or NUL-terminated.
unsafe fn wide_units<'a>(p: *const libc::wchar_t, vm: &VirtualMachine) -> PyResult<&'a [libc::wchar_t]> {
    if p.is_null() {
        return Err(crate::boundary::bad_internal_call(vm));
    }
    Ok(unsafe { std::slice::from_raw_parts(p, libc::wcslen(p)) })
}

/// The C `wchar_t` strings of `argv`, as str.
unsafe fn wide_args(argc: c_int, argv: *mut *mut libc::wchar_t, vm: &VirtualMachine) -> PyResult<Vec<PyObjectRef>> {
    (0..argc.max(0) as usize).map(|i| wide_str(unsafe { wide_units(*argv.add(i), vm)? }, vm)).collect()
}

/// `sys.<name>`, made `make()` (and set) when missing or not a `T`.
fn sys_container<T: rustpython_vm::PyPayload>(name: &'static str, make: impl FnOnce() -> PyObjectRef, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    match vm.sys_module.get_attr(name, vm) {
        Ok(o) if o.downcast_ref::<T>().is_some() => Ok(o),
        _ => {
            let o = make();
            vm.sys_module.set_attr(name, o.clone(), vm)?;
            Ok(o)
        }
    }
}

/// Appends `option` to `sys.warnoptions` (made if missing). Read when the
/// warnings module starts, so it does not change filters already set.
fn add_warn_option(option: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    let options = sys_container::<rustpython_vm::builtins::PyList>("warnoptions", || vm.ctx.new_list(vec![]).into(), vm)?;
    vm.call_method(&options, "append", (option,))?;
    Ok(())
}

capi! {
    /// Borrowed: `sys` holds the attribute. NULL without an error when missing.
    /// NULL without an exception when `sys` has no such attribute.
    fn PySys_GetObject(vm, name: &CStr) -> Option<Borrowed<'static>> {
        let Ok(name) = name.to_str() else { return Ok(None) };
        Ok(vm.sys_module.get_attr(vm.ctx.intern_str(name), vm).ok().map(|v| Borrowed::held_by_interpreter(&v, vm)))
    }

    fn PySys_SetObject(vm, name: &str, value: Option<PyObjectRef>) -> () {
        let name = vm.ctx.intern_str(name);
        match value {
            Some(v) => vm.sys_module.set_attr(name, v, vm),
            None => vm.sys_module.as_object().del_attr(name, vm).or(Ok(())),
        }
    }

    /// Raises the audit event through `sys.audit`.
    fn PySys_AuditTuple(vm, event: &CStr, args: Option<PyObjectRef>) -> () {
        let event = crate::unicodeobject::from_utf8(event.to_bytes(), vm)?;
        let mut call_args: Vec<PyObjectRef> = vec![event.into()];
        if let Some(args) = args {
            let t = args.downcast::<PyTuple>().map_err(|_| vm.new_type_error("args must be tuple"))?;
            call_args.extend(t.iter().cloned());
        }
        vm.call_method(vm.sys_module.as_object(), "audit", call_args)?;
        Ok(())
    }

    /// Installs the C hook with `sys.addaudithook`, which raises the
    /// `sys.addaudithook` event first: a hook that refuses it with an
    /// `Exception` makes this return 0 without installing, as in CPython.
    fn PySys_AddAuditHook(vm, hook: *mut c_void, user_data: *mut c_void) -> i32 {
        if hook.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let hook = AuditHook(unsafe { std::mem::transmute::<*mut c_void, unsafe extern "C" fn(*const c_char, *mut crate::ffi::PyObject, *mut c_void) -> c_int>(hook) }, user_data);
        let f = vm.new_function("audit_hook", move |args: FuncArgs, vm: &VirtualMachine| hook.call(args, vm));
        match vm.call_method(vm.sys_module.as_object(), "addaudithook", (f,)) {
            Ok(_) => Ok(0),
            Err(e) if e.fast_isinstance(vm.ctx.exceptions.exception_type) => Ok(0),
            Err(e) => Err(e),
        }
    }

    fn PySys_SetArgvEx(vm, argc: c_int, argv: *mut *mut libc::wchar_t, updatepath: c_int) -> Void {
        let mut args = unsafe { wide_args(argc, argv, vm)? };
        if args.is_empty() {
            args.push(vm.ctx.new_str("").into());
        }
        let argv0 = args[0].str(vm)?.to_string();
        vm.sys_module.set_attr("argv", vm.ctx.new_list(args), vm)?;
        let safe_path = vm.state.config.settings.safe_path;
        if updatepath != 0 && !safe_path {
            let dir = script_dir(&argv0, vm)?;
            let path = vm.sys_module.get_attr("path", vm)?;
            vm.call_method(&path, "insert", (0, vm.ctx.new_str(dir)))?;
        }
        Ok(Void)
    }

    /// The path is updated unless in isolated mode, as in CPython.
    fn PySys_SetArgv(vm, argc: c_int, argv: *mut *mut libc::wchar_t) -> Void {
        let update = !vm.state.config.settings.isolated as c_int;
        unsafe { PySys_SetArgvEx(argc, argv, update) };
        Ok(Void)
    }

    /// `sys._xoptions` (made if missing), borrowed from `sys`.
    fn PySys_GetXOptions(vm) -> Borrowed<'static> {
        let options = sys_container::<PyDict>("_xoptions", || vm.ctx.new_dict().into(), vm)?;
        Ok(Borrowed::held_by_interpreter(&options, vm))
    }

    /// Adds `-X name[=value]` to `sys._xoptions` (True without a value).
    /// Errors are cleared: the function cannot report them.
    fn PySys_AddXOption(vm, s: *const libc::wchar_t) -> Void {
        let _ = (|| {
            let units = unsafe { wide_units(s, vm)? };
            let (name, value) = match units.iter().position(|&u| u == '=' as libc::wchar_t) {
                Some(i) => (wide_str(&units[..i], vm)?, wide_str(&units[i + 1..], vm)?),
                None => (wide_str(units, vm)?, vm.ctx.new_bool(true).into()),
            };
            let options = sys_container::<PyDict>("_xoptions", || vm.ctx.new_dict().into(), vm)?;
            options.set_item(&*name, value, vm)
        })();
        Ok(Void)
    }

    /// Appends `-W` option `s`; errors are cleared.
    fn PySys_AddWarnOption(vm, s: *const libc::wchar_t) -> Void {
        let _ = unsafe { wide_units(s, vm) }.and_then(|u| wide_str(u, vm)).and_then(|o| add_warn_option(o, vm));
        Ok(Void)
    }

    /// Appends `option` (a str) to `sys.warnoptions`; errors are cleared.
    fn PySys_AddWarnOptionUnicode(vm, option: PyObjectRef) -> Void {
        let _ = add_warn_option(option, vm);
        Ok(Void)
    }

    /// Whether `sys.warnoptions` is a non-empty list.
    fn PySys_HasWarnOptions(vm) -> i32 {
        let options = vm.sys_module.get_attr("warnoptions", vm).ok();
        let list = options.as_ref().and_then(|o| o.downcast_ref::<rustpython_vm::builtins::PyList>());
        Ok(list.is_some_and(|l| !l.borrow_vec().is_empty()) as i32)
    }

    /// Sets `sys.path` to the entries of `path`, split at ':'.
    fn PySys_SetPath(vm, path: *const libc::wchar_t) -> Void {
        let units = unsafe { wide_units(path, vm)? };
        let entries = units.split(|&u| u == ':' as libc::wchar_t).map(|e| wide_str(e, vm)).collect::<PyResult<Vec<_>>>()?;
        vm.sys_module.set_attr("path", vm.ctx.new_list(entries), vm)?;
        Ok(Void)
    }

    fn PySys_ResetWarnOptions(vm) -> Void {
        if let Ok(options) = vm.sys_module.get_attr("warnoptions", vm) {
            if let Ok(list) = options.downcast::<rustpython_vm::builtins::PyList>() {
                list.borrow_vec_mut().clear();
            }
        }
        Ok(Void)
    }
}
