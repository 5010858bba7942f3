//! File objects from C (`fileobject.h`): the VM's `io` files, used through
//! their Python methods as CPython's `fileobject.c` does.

use crate::boundary::c_text;
use crate::capi;
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine, builtins::PyStr};
use std::ffi::{CStr, c_char, c_int};

/// The file system encoding and its error handler, as `sys` reports them.
#[unsafe(no_mangle)]
pub static mut Py_FileSystemDefaultEncoding: *const c_char = c"utf-8".as_ptr();
/// The encoding is fixed, never taken from the locale.
#[unsafe(no_mangle)]
pub static Py_HasFileSystemDefaultEncoding: c_int = 1;
#[unsafe(no_mangle)]
pub static mut Py_FileSystemDefaultEncodeErrors: *const c_char = c"surrogateescape".as_ptr();

/// UTF-8 mode (PEP 540), as `sys.flags.utf8_mode`; set by `pydebug::init`.
#[unsafe(no_mangle)]
pub static mut Py_UTF8Mode: c_int = 0;

const PY_PRINT_RAW: c_int = 1;

fn write(file: &PyObject, text: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    vm.call_method(file, "write", (text,))?;
    Ok(())
}

capi! {
    unsafe fn PyFile_FromFd(vm, fd: c_int, name: *const c_char, mode: *const c_char, buffering: c_int, encoding: *const c_char, errors: *const c_char, newline: *const c_char, closefd: c_int) -> PyObjectRef {
        let opt = |p: *const c_char| -> PyObjectRef {
            if p.is_null() { vm.ctx.none() } else { vm.ctx.new_str(c_text(p, "")).into() }
        };
        let io = vm.import("io", 0)?;
        // `name` only names the file in CPython's error messages.
        let _ = name;
        let args: Vec<PyObjectRef> = vec![
            vm.ctx.new_int(fd).into(),
            vm.ctx.new_str(c_text(mode, "r")).into(),
            vm.ctx.new_int(buffering).into(),
            opt(encoding),
            opt(errors),
            opt(newline),
            vm.ctx.new_bool(closefd != 0).into(),
        ];
        vm.call_method(io.as_object(), "open", args)
    }

    /// A line of `p`: `readline()` for `n == 0`, `readline(n)` for `n > 0`;
    /// for `n < 0` without its newline, and EOFError at the end.
    fn PyFile_GetLine(vm, p: &PyObject, n: c_int) -> PyObjectRef {
        let line = if n <= 0 { vm.call_method(p, "readline", ())? } else { vm.call_method(p, "readline", (n,))? };
        if n >= 0 {
            return Ok(line);
        }
        let text = line.downcast::<PyStr>().map_err(|_| vm.new_type_error("object.readline() returned non-string"))?;
        if text.as_wtf8().is_empty() {
            return Err(vm.new_eof_error("EOF when reading a line"));
        }
        vm.call_method(text.as_object(), "removesuffix", ("\n",))
    }

    /// `str(obj)` with `Py_PRINT_RAW`, else `repr(obj)`, written to `p`.
    fn PyFile_WriteObject(vm, obj: &PyObject, p: &PyObject, flags: c_int) -> () {
        let text = if flags & PY_PRINT_RAW != 0 { obj.str(vm)? } else { obj.repr(vm)? };
        write(p, text.into(), vm)
    }

    fn PyFile_WriteString(vm, s: &CStr, p: &PyObject) -> () {
        write(p, vm.ctx.new_str(s.to_string_lossy()).into(), vm)
    }

    /// An int, or what `o.fileno()` returns; never negative.
    fn PyObject_AsFileDescriptor(vm, o: &PyObject) -> c_int {
        let fd = if o.fast_isinstance(vm.ctx.types.int_type) {
            o.to_owned()
        } else {
            let fileno = vm.get_attribute_opt(o, "fileno")?
                .ok_or_else(|| vm.new_type_error("argument must be an int, or have a fileno() method."))?;
            let fd = fileno.call((), vm)?;
            if !fd.fast_isinstance(vm.ctx.types.int_type) {
                return Err(vm.new_type_error("fileno() returned a non-integer"));
            }
            fd
        };
        let fd: c_int = fd.try_into_value(vm)?;
        if fd < 0 {
            return Err(vm.new_value_error(format!("file descriptor cannot be a negative integer ({fd})")));
        }
        Ok(fd)
    }
}

/// The hook `PyFile_SetOpenCodeHook` installed, with its data.
#[derive(Clone, Copy)]
struct OpenCodeHook(unsafe extern "C" fn(*mut crate::ffi::PyObject, *mut std::ffi::c_void) -> *mut crate::ffi::PyObject, *mut std::ffi::c_void);
// SAFETY: the hook is called with the GIL held, as C expects.
unsafe impl Send for OpenCodeHook {}
unsafe impl Sync for OpenCodeHook {}

static OPEN_CODE_HOOK: std::sync::OnceLock<OpenCodeHook> = std::sync::OnceLock::new();

impl OpenCodeHook {
    fn open(self, path: PyObjectRef, vm: &VirtualMachine) -> PyResult {
        crate::boundary::into_c(vm, [&*path], || {
            let f = unsafe { (self.0)(crate::proxy::as_c(&path, vm), self.1) };
            crate::pyerrors::check_result(f, || "open_code hook".to_owned(), vm)
        })
    }
}

fn open_code(path: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    if !path.class().fast_issubclass(vm.ctx.types.str_type) {
        return Err(vm.new_type_error(format!("'path' must be 'str', not '{}'", path.class().name())));
    }
    match OPEN_CODE_HOOK.get() {
        Some(hook) => hook.open(path, vm),
        None => vm.import("_io", 0)?.get_attr("open", vm)?.call((path, "rb"), vm),
    }
}

capi! {
    fn PyFile_OpenCodeObject(vm, path: PyObjectRef) -> PyObjectRef {
        open_code(path, vm)
    }

    fn PyFile_OpenCode(vm, utf8path: &CStr) -> PyObjectRef {
        open_code(crate::unicodeobject::from_utf8(utf8path.to_bytes(), vm)?.into(), vm)
    }

    /// Sets the hook once, and makes `io.open_code` (which the import
    /// system reads through) call it, as CPython's `io.open_code` does.
    fn PyFile_SetOpenCodeHook(vm, hook: *mut std::ffi::c_void, user_data: *mut std::ffi::c_void) -> () {
        vm.call_method(vm.sys_module.as_object(), "audit", ("setopencodehook",))?;
        if hook.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        // SAFETY: C passes a `Py_OpenCodeHookFunction`.
        let f = unsafe { std::mem::transmute::<*mut std::ffi::c_void, unsafe extern "C" fn(*mut crate::ffi::PyObject, *mut std::ffi::c_void) -> *mut crate::ffi::PyObject>(hook) };
        if OPEN_CODE_HOOK.set(OpenCodeHook(f, user_data)).is_err() {
            return Err(vm.new_system_error("failed to change existing open_code hook"));
        }
        let replacement = vm.new_function("open_code", |path: PyObjectRef, vm: &VirtualMachine| open_code(path, vm));
        for module in ["_io", "io"] {
            vm.import(module, 0)?.set_attr("open_code", replacement.clone(), vm)?;
        }
        Ok(())
    }
}
