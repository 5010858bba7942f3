//! Tuples (`tupleobject.h`). A tuple proxy has CPython's layout with real
//! `ob_item`s, each an owned reference, so `PyTuple_GET_ITEM` is a field
//! access and its borrowed result lives as long as the tuple.

use crate::boundary::{Borrowed, NewPtr, Ptr, Stolen};
use crate::capi;
use crate::ffi::{self, PyObject as CObject, PyTypeObject};
use crate::proxy;
use crate::typeobject::PyTuple_Type;
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine, builtins::PyTuple};

fn check_tuple(op: Ptr, vm: &VirtualMachine) -> PyResult<(*mut *mut CObject, isize)> {
    unsafe {
        if (*(*op.0).ob_type).tp_flags & ffi::Py_TPFLAGS_TUPLE_SUBCLASS == 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        Ok((tuple_items(op.0), (*(op.0 as *mut ffi::PyVarObject)).ob_size))
    }
}

/// A new tuple of `n` NULL items, for C to fill.
pub fn new_tuple(n: usize, vm: &VirtualMachine) -> PyResult<*mut CObject> {
    let p = unsafe { new_tuple_memory(n, &raw mut PyTuple_Type) };
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
            let slot = tuple_items(o).add(i as usize);
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
            let dst = tuple_items(t);
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
        let dst = tuple_items(t);
        for (k, item) in items.iter().enumerate() {
            *dst.add(k) = proxy::to_c_new(item, vm);
        }
    }
    Ok(t)
}

// ---------------------------------------------------------------------------
// Layout: CPython's `PyTupleObject`, each `ob_item` an owned reference.

pub static LAYOUT: proxy::Layout = proxy::Layout {
    flag: ffi::Py_TPFLAGS_TUPLE_SUBCLASS,
    create: |obj, tp, vm| obj.downcast_ref::<PyTuple>().map(|t| unsafe { new_tuple_proxy(t.as_slice(), tp, vm) }),
    realize: Some(realize),
    release: Some(release),
};

unsafe fn new_tuple_proxy(
    items: &[PyObjectRef],
    tp: *mut PyTypeObject,
    vm: &VirtualMachine,
) -> *mut CObject {
    unsafe {
        let p = new_tuple_memory(items.len(), tp);
        if p.is_null() {
            return p;
        }
        let slots = tuple_items(p);
        for (i, item) in items.iter().enumerate() {
            *slots.add(i) = proxy::to_c_new(item, vm);
        }
        p
    }
}

/// Memory for a tuple of `n` (null) items.
pub unsafe fn new_tuple_memory(n: usize, tp: *mut PyTypeObject) -> *mut CObject {
    unsafe {
        let size = std::mem::offset_of!(ffi::PyTupleObject, ob_item) + n * size_of::<*mut CObject>();
        let p = proxy::alloc(size, tp);
        if !p.is_null() {
            let t = p as *mut ffi::PyTupleObject;
            (*t).ob_base.ob_size = n as isize;
            (*t).ob_hash = -1;
        }
        p
    }
}

#[inline(always)]
pub unsafe fn tuple_items(p: *mut CObject) -> *mut *mut CObject {
    unsafe { (*(p as *mut ffi::PyTupleObject)).ob_item.as_mut_ptr() }
}

/// The VM tuple of a tuple C filled.
unsafe fn realize(op: *mut CObject, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    unsafe {
        let n = (*(op as *mut ffi::PyVarObject)).ob_size as usize;
        let slots = tuple_items(op);
        let mut items = Vec::with_capacity(n);
        for i in 0..n {
            let item = *slots.add(i);
            if item.is_null() {
                return Err(vm.new_system_error(format!("tuple item {i} is NULL when the tuple crossed to Python")));
            }
            items.push(proxy::from_c(item, vm)?);
        }
        Ok(vm.ctx.new_tuple(items).into())
    }
}

/// The items' references, released when the tuple's memory goes.
unsafe fn release(op: *mut CObject) {
    unsafe {
        let n = (*(op as *mut ffi::PyVarObject)).ob_size as usize;
        let slots = tuple_items(op);
        for i in 0..n {
            let item = *slots.add(i);
            if !item.is_null() {
                proxy::decref(item);
            }
        }
    }
}
