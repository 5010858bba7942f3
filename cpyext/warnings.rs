//! Warnings (`warnings.h`).

use crate::capi;
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};
use std::ffi::CStr;

/// Issues `message` as a warning of `category` through `warnings.warn`;
/// fails when the warning became an error.
pub fn warn(category: PyObjectRef, message: PyObjectRef, stack_level: isize, vm: &VirtualMachine) -> PyResult<()> {
    let warnings = vm.import("warnings", 0)?;
    vm.call_method(&warnings, "warn", (message, category, stack_level.max(1)))?;
    Ok(())
}

capi! {
    /// Issues `message` as a warning of `category` (default RuntimeWarning).
    fn PyErr_WarnEx(vm, category: Option<PyObjectRef>, message: &CStr, stack_level: isize) -> () {
        let category = category.unwrap_or_else(|| vm.ctx.exceptions.runtime_warning.to_owned().into());
        let message = crate::unicodeobject::from_utf8(message.to_bytes(), vm)?;
        warn(category, message.into(), stack_level, vm)
    }
}

/// `warnings.warn_explicit(message, category, filename, lineno, module,
/// registry)`; a NULL module is CPython's: the file name without ".py"
/// ("<unknown>" for an empty one).
fn warn_explicit(
    category: Option<PyObjectRef>,
    message: PyObjectRef,
    filename: PyObjectRef,
    lineno: i32,
    module: Option<PyObjectRef>,
    registry: Option<PyObjectRef>,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let category = category.unwrap_or_else(|| vm.ctx.exceptions.runtime_warning.to_owned().into());
    let module = match module {
        Some(m) => m,
        None => {
            let name = filename.str(vm)?;
            let name = name.as_wtf8().to_string();
            let module = if name.is_empty() { "<unknown>" } else { name.strip_suffix(".py").unwrap_or(&name) };
            vm.ctx.new_str(module).into()
        }
    };
    let registry = registry.unwrap_or_else(|| vm.ctx.none());
    let warnings = vm.import("warnings", 0)?;
    vm.call_method(&warnings, "warn_explicit", (message, category, filename, lineno, module, registry))?;
    Ok(())
}

capi! {
    fn PyErr_WarnExplicitObject(vm, category: Option<PyObjectRef>, message: PyObjectRef, filename: PyObjectRef, lineno: i32, module: Option<PyObjectRef>, registry: Option<PyObjectRef>) -> () {
        warn_explicit(category, message, filename, lineno, module, registry, vm)
    }

    /// The message and module as UTF-8, the file name as the file system
    /// encodes names.
    fn PyErr_WarnExplicit(vm, category: Option<PyObjectRef>, message: &CStr, filename: &CStr, lineno: i32, module: *const std::ffi::c_char, registry: Option<PyObjectRef>) -> () {
        let message = crate::unicodeobject::from_utf8(message.to_bytes(), vm)?;
        let filename = crate::unicodeobject::decode_fs(filename.to_bytes(), vm)?;
        let module = if module.is_null() {
            None
        } else {
            Some(crate::unicodeobject::from_utf8(unsafe { CStr::from_ptr(module) }.to_bytes(), vm)?.into())
        };
        warn_explicit(category, message.into(), filename, lineno, module, registry, vm)
    }
}
