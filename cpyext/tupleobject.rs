//! Tuples (`tupleobject.h`). A tuple proxy has CPython's layout with real
//! `ob_item`s, each an owned reference, so `PyTuple_GET_ITEM` is a field
//! access and its borrowed result lives as long as the tuple.

use crate::boundary::{Borrowed, NewPtr, Ptr, Stolen};
use crate::capi;
use crate::ffi::{self, PyObject as CObject};
use crate::proxy;
use crate::typeobject::PyTuple_Type;
use rustpython_vm::{PyResult, VirtualMachine};

fn check_tuple(op: Ptr, vm: &VirtualMachine) -> PyResult<(*mut *mut CObject, isize)> {
    unsafe {
        if (*(*op.0).ob_type).tp_flags & ffi::Py_TPFLAGS_TUPLE_SUBCLASS == 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        Ok((proxy::tuple_items(op.0), (*(op.0 as *mut ffi::PyVarObject)).ob_size))
    }
}

/// A new tuple of `n` NULL items, for C to fill.
pub fn new_tuple(n: usize, vm: &VirtualMachine) -> PyResult<*mut CObject> {
    let p = unsafe { proxy::new_tuple_memory(n, &raw mut PyTuple_Type) };
    if p.is_null() {
        return Err(vm.new_memory_error(""));
    }
    Ok(p)
}

capi! {
    fn PyTuple_New(vm, size: isize) -> NewPtr {
        if size < 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        new_tuple(size as usize, vm).map(NewPtr)
    }

    fn PyTuple_Size(vm, o: Ptr) -> isize {
        Ok(check_tuple(o, vm)?.1)
    }

    fn PyTuple_GetItem(vm, o: Ptr, i: isize) -> Borrowed<'static> {
        let (items, n) = check_tuple(o, vm)?;
        if i < 0 || i >= n {
            return Err(vm.new_index_error("tuple index out of range"));
        }
        Ok(Borrowed::c_item(o, unsafe { *items.add(i as usize) }))
    }

    /// Only for a tuple C holds alone.
    fn PyTuple_SetItem(vm, o: Ptr, i: isize, v: Stolen) -> () {
        let o = o.0;
        unsafe {
            if (*(*o).ob_type).tp_flags & ffi::Py_TPFLAGS_TUPLE_SUBCLASS == 0
                || (*o).ob_refcnt != 1
                || !proxy::is_prefixed(o)
                || proxy::vm_shares(o)
            {
                return Err(crate::boundary::bad_internal_call(vm));
            }
            let n = (*(o as *mut ffi::PyVarObject)).ob_size;
            if i < 0 || i >= n {
                return Err(vm.new_index_error("tuple assignment index out of range"));
            }
            proxy::unlink_for_mutation(o);
            let slot = proxy::tuple_items(o).add(i as usize);
            let old = std::mem::replace(&mut *slot, v.into_raw());
            if !old.is_null() {
                proxy::decref(old);
            }
        }
        Ok(())
    }

    fn PyTuple_GetSlice(vm, o: Ptr, low: isize, high: isize) -> NewPtr {
        let (items, n) = check_tuple(o, vm)?;
        let low = low.clamp(0, n);
        let high = high.clamp(low, n);
        let t = new_tuple((high - low) as usize, vm)?;
        unsafe {
            let dst = proxy::tuple_items(t);
            for k in 0..(high - low) as usize {
                let item = *items.add(low as usize + k);
                if !item.is_null() {
                    proxy::incref(item);
                }
                *dst.add(k) = item;
            }
        }
        Ok(NewPtr(t))
    }
}

/// Fills a new tuple with new references to `items`.
pub fn tuple_from(items: &[rustpython_vm::PyObjectRef], vm: &VirtualMachine) -> PyResult<*mut CObject> {
    let t = new_tuple(items.len(), vm)?;
    unsafe {
        let dst = proxy::tuple_items(t);
        for (k, item) in items.iter().enumerate() {
            *dst.add(k) = proxy::to_c_new(item, vm);
        }
    }
    Ok(t)
}
