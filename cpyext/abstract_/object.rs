//! The object protocol of `abstract.h`: items, length, type tests, iteration.

use crate::capi;
use crate::ffi::PyObject as CObject;
use crate::object::{lookup_special, optional_result};
use crate::proxy;
use num_traits::ToPrimitive;
use rustpython_vm::{
    AsObject,
    PyObject, PyObjectRef, VirtualMachine,
    builtins::PyInt,
    protocol::{PyIter, PyIterReturn},
    types::PyTypeFlags,
};
use std::ptr::null_mut;

fn item_key(key: &str, vm: &VirtualMachine) -> PyObjectRef {
    vm.ctx.new_str(key).into()
}

capi! {
    fn PyObject_GetItem(vm, o: PyObjectRef, key: PyObjectRef) -> PyObjectRef {
        o.get_item(&*key, vm)
    }

    fn PyObject_SetItem(vm, o: PyObjectRef, key: PyObjectRef, value: PyObjectRef) -> () {
        o.set_item(&*key, value, vm)
    }

    fn PyObject_DelItem(vm, o: PyObjectRef, key: PyObjectRef) -> () {
        o.del_item(&*key, vm)
    }

    fn PyObject_DelItemString(vm, o: PyObjectRef, key: &str) -> () {
        o.del_item(&*item_key(key, vm), vm)
    }

    fn PyMapping_GetItemString(vm, o: PyObjectRef, key: &str) -> PyObjectRef {
        o.get_item(&*item_key(key, vm), vm)
    }

    fn PyMapping_SetItemString(vm, o: PyObjectRef, key: &str, value: PyObjectRef) -> () {
        o.set_item(&*item_key(key, vm), value, vm)
    }

    fn PyObject_Length(vm, o: PyObjectRef) -> isize {
        Ok(o.length(vm)? as isize)
    }

    fn PyObject_Size(vm, o: PyObjectRef) -> isize {
        Ok(o.length(vm)? as isize)
    }

    fn PyObject_IsInstance(vm, o: PyObjectRef, cls: PyObjectRef) -> bool {
        o.is_instance(&cls, vm)
    }

    fn PyObject_IsSubclass(vm, o: PyObjectRef, cls: PyObjectRef) -> bool {
        o.is_subclass(&cls, vm)
    }

    fn PyObject_GetIter(vm, o: PyObjectRef) -> PyObjectRef {
        Ok(o.get_iter(vm)?.into())
    }

    fn PyIter_Check(vm, o: PyObjectRef) -> i32 {
        Ok(PyIter::check(&o) as i32)
    }

    /// A new reference to the next item; NULL with no error at the end.
    /// NULL without an exception at the end.
    fn PyIter_Next(vm, it: PyObjectRef) -> Option<PyObjectRef> {
        match PyIter::new(it).next(vm)? {
            PyIterReturn::Return(v) => Ok(Some(v)),
            PyIterReturn::StopIteration(_) => Ok(None),
        }
    }

    /// 1 and a new reference in `*item`, 0 and NULL at the end, -1 and
    /// NULL on error (`iter` must be an iterator, not just iterable).
    fn PyIter_NextItem(vm, it: PyObjectRef, item: *mut *mut CObject) -> i32 {
        unsafe { *item = null_mut() };
        if !PyIter::check(&it) {
            // A class statement gives its type a `tp_iternext` that raises
            // this (CPython's `_PyObject_NextNotImplemented`); others have none.
            let ty = it.class();
            if ty.slots.flags.has_feature(PyTypeFlags::HEAPTYPE) && !crate::typeobject::is_c_type(proxy::type_as_c(ty, vm)) {
                return Err(vm.new_type_error(format!("'{}' object is not iterable", ty.name())));
            }
            let name = crate::typeobject::fully_qualified_name(ty.as_object(), vm)?;
            return Err(vm.new_type_error(format!("expected an iterator, got '{name}'")));
        }
        match PyIter::new(it).next(vm)? {
            PyIterReturn::Return(v) => {
                unsafe { *item = proxy::to_c_new(&v, vm) };
                Ok(1)
            }
            PyIterReturn::StopIteration(_) => Ok(0),
        }
    }

    /// The length if `o` has one (a TypeError from `__len__` falls through),
    /// else what `__length_hint__` says, else `default`.
    fn PyObject_LengthHint(vm, o: &PyObject, default: isize) -> isize {
        match o.length_opt(vm) {
            Some(Ok(n)) => return Ok(n as isize),
            Some(Err(e)) if !e.fast_isinstance(vm.ctx.exceptions.type_error) => return Err(e),
            _ => {}
        }
        let Some(hint) = lookup_special(o, "__length_hint__", vm) else { return Ok(default) };
        let hint = match hint?.call((), vm) {
            Ok(h) if h.is(&vm.ctx.not_implemented) => return Ok(default),
            Ok(h) => h,
            Err(e) if e.fast_isinstance(vm.ctx.exceptions.type_error) => return Ok(default),
            Err(e) => return Err(e),
        };
        let Some(n) = hint.downcast_ref::<PyInt>() else {
            return Err(vm.new_type_error(format!("__length_hint__ must be an integer, not {}", hint.class().name())));
        };
        let n = n.as_bigint().to_isize().ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))?;
        if n < 0 {
            return Err(vm.new_value_error("__length_hint__() should return >= 0"));
        }
        Ok(n)
    }
}


capi! {
    fn PyMapping_Check(vm, o: PyObjectRef) -> i32 {
        Ok(o.mapping_unchecked().check() as i32)
    }

    fn PyMapping_Size(vm, o: PyObjectRef) -> isize {
        Ok(o.length(vm)? as isize)
    }

    /// The old name, kept in the stable ABI (C sees a macro for `PyMapping_Size`).
    fn PyMapping_Length(vm, o: PyObjectRef) -> isize {
        Ok(o.length(vm)? as isize)
    }

    fn PyMapping_Keys(vm, o: PyObjectRef) -> PyObjectRef {
        let keys = vm.call_method(&o, "keys", ())?;
        vm.ctx.types.list_type.as_object().call((keys,), vm)
    }

    fn PyMapping_Values(vm, o: PyObjectRef) -> PyObjectRef {
        let values = vm.call_method(&o, "values", ())?;
        vm.ctx.types.list_type.as_object().call((values,), vm)
    }

    /// `o[key]` in `*result` (1), or 0 and NULL for a KeyError.
    fn PyMapping_GetOptionalItem(vm, o: PyObjectRef, key: PyObjectRef, result: *mut *mut CObject) -> i32 {
        optional_result(o.get_item(&*key, vm), vm.ctx.exceptions.key_error, result, vm)
    }

    fn PyMapping_Items(vm, o: PyObjectRef) -> PyObjectRef {
        let items = vm.call_method(&o, "items", ())?;
        vm.ctx.types.list_type.as_object().call((items,), vm)
    }
}
