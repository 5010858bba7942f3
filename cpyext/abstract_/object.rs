//! The object protocol of `abstract.h`: items, length, type tests, iteration.

use crate::capi;
use rustpython_vm::{
    AsObject,
    PyObjectRef, VirtualMachine,
    protocol::{PyIter, PyIterReturn},
};

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

    fn PyMapping_Items(vm, o: PyObjectRef) -> PyObjectRef {
        let items = vm.call_method(&o, "items", ())?;
        vm.ctx.types.list_type.as_object().call((items,), vm)
    }
}
