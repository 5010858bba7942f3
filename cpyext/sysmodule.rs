//! The `sys` module from C (`sysmodule.h`).

use crate::capi;
use crate::boundary::Borrowed;
use rustpython_vm::{AsObject, PyObjectRef, builtins::PyTuple};
use std::ffi::CStr;

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
}
