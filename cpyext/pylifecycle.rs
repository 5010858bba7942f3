//! What `pylifecycle.h` reports about the running interpreter: the path
//! configuration RustPython computed at start-up (`Py_GetPrefix`, ...) and
//! exit callbacks with data (`PyUnstable_AtExit`).

use crate::capi;
use crate::pystate::InterpreterState;
use rustpython_vm::{PyResult, VirtualMachine, function::FuncArgs};
use std::ffi::c_void;
use std::sync::OnceLock;

/// A NUL-terminated wide string made once and kept for the process, as
/// CPython keeps its path configuration.
fn kept(cell: &'static OnceLock<Option<Box<[libc::wchar_t]>>>, make: impl FnOnce() -> Option<String>) -> *mut libc::wchar_t {
    let s = cell.get_or_init(|| make().map(|s| s.chars().map(|c| c as libc::wchar_t).chain([0]).collect()));
    s.as_ref().map_or(std::ptr::null_mut(), |s| s.as_ptr() as *mut libc::wchar_t)
}

fn paths(vm: &VirtualMachine) -> &rustpython_vm::vm::Paths {
    &vm.state.config.paths
}

capi! {
    /// The module search path RustPython started with, `:`-separated.
    fn Py_GetPath(vm) -> *mut libc::wchar_t {
        static PATH: OnceLock<Option<Box<[libc::wchar_t]>>> = OnceLock::new();
        Ok(kept(&PATH, || Some(paths(vm).module_search_paths.join(":"))))
    }

    fn Py_GetPrefix(vm) -> *mut libc::wchar_t {
        static PREFIX: OnceLock<Option<Box<[libc::wchar_t]>>> = OnceLock::new();
        Ok(kept(&PREFIX, || Some(paths(vm).prefix.clone())))
    }

    fn Py_GetExecPrefix(vm) -> *mut libc::wchar_t {
        static EXEC_PREFIX: OnceLock<Option<Box<[libc::wchar_t]>>> = OnceLock::new();
        Ok(kept(&EXEC_PREFIX, || Some(paths(vm).exec_prefix.clone())))
    }

    fn Py_GetProgramFullPath(vm) -> *mut libc::wchar_t {
        static EXECUTABLE: OnceLock<Option<Box<[libc::wchar_t]>>> = OnceLock::new();
        Ok(kept(&EXECUTABLE, || Some(paths(vm).executable.clone())))
    }

    /// `argv[0]` as the interpreter was started (`sys.orig_argv[0]`), as
    /// CPython derives its program name from it.
    fn Py_GetProgramName(vm) -> *mut libc::wchar_t {
        static NAME: OnceLock<Option<Box<[libc::wchar_t]>>> = OnceLock::new();
        Ok(kept(&NAME, || {
            let argv0 = vm.sys_module.get_attr("orig_argv", vm).ok().and_then(|a| a.get_item(&0, vm).ok()).and_then(|a| a.str(vm).ok());
            Some(argv0.map_or_else(|| paths(vm).executable.clone(), |a| a.to_string()))
        }))
    }

    /// `PYTHONHOME`, unless the environment is ignored; NULL when unset.
    fn Py_GetPythonHome(vm) -> *mut libc::wchar_t {
        static HOME: OnceLock<Option<Box<[libc::wchar_t]>>> = OnceLock::new();
        Ok(kept(&HOME, || {
            if vm.state.config.settings.ignore_environment {
                return None;
            }
            std::env::var_os("PYTHONHOME").map(|h| h.to_string_lossy().into_owned())
        }))
    }

    /// Registers `func(data)` with `atexit`, so it runs when the interpreter
    /// exits, in turn with the Python callbacks.
    fn PyUnstable_AtExit(vm, interp: *mut InterpreterState, func: *mut c_void, data: *mut c_void) -> () {
        if interp.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        if func.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        // SAFETY: C passes an `atexit_datacallbackfunc`.
        let func: unsafe extern "C" fn(*mut c_void) = unsafe { std::mem::transmute(func) };
        #[derive(Clone, Copy)]
        struct Callback(unsafe extern "C" fn(*mut c_void), *mut c_void);
        // SAFETY: the callback runs with the GIL held, as C expects.
        unsafe impl Send for Callback {}
        unsafe impl Sync for Callback {}
        let cb = Callback(func, data);
        let run = move |_args: FuncArgs, vm: &VirtualMachine| -> PyResult<()> {
            let cb = cb;
            crate::pystate::enter(vm, || unsafe { (cb.0)(cb.1) });
            Ok(())
        };
        let f = vm.new_function("PyUnstable_AtExit_callback", run);
        vm.import("atexit", 0)?.get_attr("register", vm)?.call((f,), vm)?;
        Ok(())
    }
}

/// A C string made once from `sys.<what>` and kept for the process.
fn kept_text(cell: &'static OnceLock<std::ffi::CString>, make: impl FnOnce() -> String) -> *const std::ffi::c_char {
    cell.get_or_init(|| std::ffi::CString::new(make()).unwrap_or_default()).as_ptr()
}

/// `sys.version` is "VERSION (BUILDINFO) COMPILER", as CPython builds it
/// from these two; RustPython puts a newline before the compiler.
fn version_parts(vm: &VirtualMachine) -> (String, String) {
    let version = vm.sys_module.get_attr("version", vm).ok().and_then(|v| v.str(vm).ok()).map(|v| v.to_string()).unwrap_or_default();
    let Some(open) = version.find(" (") else { return (String::new(), String::new()) };
    let Some(close) = version[open..].find(')').map(|i| open + i) else { return (String::new(), String::new()) };
    (version[open + 2..close].to_owned(), version[close + 1..].trim_start().to_owned())
}

capi! {
    /// `sys.copyright`.
    fn Py_GetCopyright(vm) -> *const std::ffi::c_char {
        static COPYRIGHT: OnceLock<std::ffi::CString> = OnceLock::new();
        Ok(kept_text(&COPYRIGHT, || vm.sys_module.get_attr("copyright", vm).ok().and_then(|v| v.str(vm).ok()).map(|v| v.to_string()).unwrap_or_default()))
    }

    /// The bracketed compiler part of `sys.version`.
    fn Py_GetCompiler(vm) -> *const std::ffi::c_char {
        static COMPILER: OnceLock<std::ffi::CString> = OnceLock::new();
        Ok(kept_text(&COMPILER, || version_parts(vm).1))
    }

    /// The build part of `sys.version` (branch and date), between its parentheses.
    fn Py_GetBuildInfo(vm) -> *const std::ffi::c_char {
        static BUILD: OnceLock<std::ffi::CString> = OnceLock::new();
        Ok(kept_text(&BUILD, || version_parts(vm).0))
    }
}
