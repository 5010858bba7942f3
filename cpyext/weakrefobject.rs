//! Weak references (`weakrefobject.h`): the VM's `weakref.ref` and proxies.
//! A C-type instance is weakly referenced through its VM wrapper.

use crate::capi;
use crate::boundary::Borrowed;
use crate::ffi::PyObject as CObject;
use crate::proxy;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine, builtins::PyWeak};

fn callback(cb: Option<PyObjectRef>, vm: &VirtualMachine) -> Option<PyObjectRef> {
    cb.filter(|c| !vm.is_none(c))
}

fn as_weakref(r: &PyObjectRef, vm: &VirtualMachine) -> PyResult<rustpython_vm::PyRef<PyWeak>> {
    r.clone().downcast::<PyWeak>().map_err(|_| crate::boundary::bad_internal_call(vm))
}

capi! {
    fn PyWeakref_NewRef(vm, ob: PyObjectRef, cb: Option<PyObjectRef>) -> PyObjectRef {
        let weakref = vm.import("_weakref", 0)?;
        let mut args = vec![ob];
        args.extend(callback(cb, vm));
        weakref.get_attr("ref", vm)?.call(args, vm)
    }

    fn PyWeakref_NewProxy(vm, ob: PyObjectRef, cb: Option<PyObjectRef>) -> PyObjectRef {
        let weakref = vm.import("_weakref", 0)?;
        let mut args = vec![ob];
        args.extend(callback(cb, vm));
        weakref.get_attr("proxy", vm)?.call(args, vm)
    }

    /// Borrowed: the referent (kept alive by its other holders) or None.
    fn PyWeakref_GetObject(vm, r: PyObjectRef) -> Borrowed<'static> {
        let target = as_weakref(&r, vm)?.upgrade().unwrap_or_else(|| vm.ctx.none());
        Ok(Borrowed::held_elsewhere(&target, vm))
    }

    /// 1 and a new reference in `*out` while the referent lives, else 0.
    unsafe fn PyWeakref_GetRef(vm, r: PyObjectRef, out: *mut *mut CObject) -> i32 {
        if out.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        *out = std::ptr::null_mut();
        let weak = r.clone().downcast::<PyWeak>().map_err(|_| {
            vm.new_type_error(format!("expected a weakref, got {}", r.class().name()))
        })?;
        Ok(match weak.upgrade() {
            Some(target) => {
                *out = proxy::to_c_new(target.as_object(), vm);
                1
            }
            None => 0,
        })
    }
}
