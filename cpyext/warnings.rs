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
