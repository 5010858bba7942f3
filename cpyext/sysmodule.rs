//! The `sys` module from C (`sysmodule.h`).

use crate::capi;
use crate::ffi::PyObject as CObject;
use crate::proxy;
use rustpython_vm::{AsObject, PyObjectRef, builtins::PyTuple};
use std::ffi::CStr;
use std::ptr::null_mut;

capi! {
    /// Borrowed: `sys` holds the attribute. NULL without an error when missing.
    fn PySys_GetObject(vm, name: &CStr) -> *mut CObject {
        let Ok(name) = name.to_str() else { return Ok(null_mut()) };
        Ok(match vm.sys_module.get_attr(vm.ctx.intern_str(name), vm) {
            Ok(v) => proxy::as_c(&v, vm),
            Err(_) => null_mut(),
        })
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
