//! Sets (`setobject.h`): `set` and `frozenset` through their own methods,
//! with CPython's checks on the argument's type (a wrong one is
//! `PyErr_BadInternalCall`'s SystemError, not a TypeError).

use crate::boundary::bad_internal_call;
use crate::capi;
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine};

fn is_set(o: &PyObject, vm: &VirtualMachine) -> bool {
    o.fast_isinstance(vm.ctx.types.set_type)
}

fn is_anyset(o: &PyObject, vm: &VirtualMachine) -> bool {
    is_set(o, vm) || o.fast_isinstance(vm.ctx.types.frozenset_type)
}

fn new_of(ty: &'static rustpython_vm::Py<rustpython_vm::builtins::PyType>, iterable: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult {
    match iterable {
        Some(it) => ty.as_object().call((it,), vm),
        None => ty.as_object().call((), vm),
    }
}

/// A `set` (or subclass) the call may change.
fn mutable_set<'a>(o: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a PyObject> {
    if is_set(o, vm) { Ok(o) } else { Err(bad_internal_call(vm)) }
}

capi! {
    fn PySet_New(vm, iterable: Option<PyObjectRef>) -> PyObjectRef {
        new_of(vm.ctx.types.set_type, iterable, vm)
    }

    fn PyFrozenSet_New(vm, iterable: Option<PyObjectRef>) -> PyObjectRef {
        new_of(vm.ctx.types.frozenset_type, iterable, vm)
    }

    fn PySet_Size(vm, anyset: &PyObject) -> isize {
        if !is_anyset(anyset, vm) {
            return Err(bad_internal_call(vm));
        }
        Ok(anyset.length(vm)? as isize)
    }

    fn PySet_Contains(vm, anyset: &PyObject, key: PyObjectRef) -> bool {
        if !is_anyset(anyset, vm) {
            return Err(bad_internal_call(vm));
        }
        vm.call_method(anyset, "__contains__", (key,))?.try_to_bool(vm)
    }

    /// Only a `set`: RustPython's frozenset cannot be filled after it is
    /// made (CPython allows it for a brand-new one), so C builds a
    /// frozenset with `PyFrozenSet_New` from an iterable.
    fn PySet_Add(vm, set: &PyObject, key: PyObjectRef) -> () {
        vm.call_method(mutable_set(set, vm)?, "add", (key,))?;
        Ok(())
    }

    /// 1 when `key` was there and is removed, 0 when it was not.
    fn PySet_Discard(vm, set: &PyObject, key: PyObjectRef) -> i32 {
        let set = mutable_set(set, vm)?;
        let found = vm.call_method(set, "__contains__", (key.clone(),))?.try_to_bool(vm)?;
        if found {
            vm.call_method(set, "discard", (key,))?;
        }
        Ok(found as i32)
    }

    fn PySet_Clear(vm, set: &PyObject) -> () {
        vm.call_method(mutable_set(set, vm)?, "clear", ())?;
        Ok(())
    }

    fn PySet_Pop(vm, set: &PyObject) -> PyObjectRef {
        vm.call_method(mutable_set(set, vm)?, "pop", ())
    }
}
