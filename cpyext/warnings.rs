//! Warnings (`warnings.h`).

use crate::capi;
use rustpython_vm::PyObjectRef;
use std::ffi::CStr;

capi! {
    /// Issues `message` as a warning of `category` (default RuntimeWarning),
    /// through `warnings.warn`; fails when the warning became an error.
    fn PyErr_WarnEx(vm, category: Option<PyObjectRef>, message: &CStr, stack_level: isize) -> () {
        let category = category.unwrap_or_else(|| vm.ctx.exceptions.runtime_warning.to_owned().into());
        let message = crate::unicodeobject::from_utf8(message.to_bytes(), vm)?;
        let warnings = vm.import("warnings", 0)?;
        vm.call_method(&warnings, "warn", (message, category, stack_level.max(1)))?;
        Ok(())
    }
}
