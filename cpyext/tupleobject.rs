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

capi! {
    /// Resizes a tuple only C holds (refcount 1, Python never saw it, or
    /// no longer holds it), in place or at a new address; any other
    /// argument releases `*pv`, sets it NULL and is SystemError, as in
    /// CPython. New items are NULL, for C to fill.
    unsafe fn _PyTuple_Resize(vm, pv: *mut *mut CObject, newsize: isize) -> () {
        if pv.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let v = *pv;
        let fail = |vm: &VirtualMachine| {
            *pv = std::ptr::null_mut();
            if !v.is_null() {
                proxy::decref(v);
            }
            Err(crate::boundary::bad_internal_call(vm))
        };
        if v.is_null() || (*v).ob_type != &raw mut PyTuple_Type {
            return fail(vm);
        }
        let oldsize = (*(v as *mut ffi::PyVarObject)).ob_size;
        if oldsize != 0 && ((*v).ob_refcnt != 1 || !proxy::is_prefixed(v) || proxy::vm_shares(v)) || newsize < 0 {
            return fail(vm);
        }
        if oldsize == newsize {
            return Ok(());
        }
        if oldsize == 0 || newsize == 0 {
            proxy::decref(v);
            *pv = std::ptr::null_mut();
            *pv = new_tuple(newsize as usize, vm)?;
            return Ok(());
        }
        proxy::unlink_for_mutation(v);
        let items = tuple_items(v);
        for i in newsize..oldsize {
            let item = std::mem::replace(&mut *items.add(i as usize), std::ptr::null_mut());
            if !item.is_null() {
                proxy::decref(item);
            }
        }
        (*(v as *mut ffi::PyVarObject)).ob_size = newsize.min(oldsize);
        let size = std::mem::offset_of!(ffi::PyTupleObject, ob_item) + newsize as usize * size_of::<*mut CObject>();
        let q = proxy::realloc_block(v as *mut u8, size) as *mut CObject;
        if q.is_null() {
            *pv = std::ptr::null_mut();
            proxy::decref(v);
            return Err(vm.new_memory_error(""));
        }
        let t = q as *mut ffi::PyTupleObject;
        (*t).ob_base.ob_size = newsize;
        (*t).ob_hash = -1;
        *pv = q;
        Ok(())
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
        if let Some((_, n_visible)) = structseq_sizes(tp) {
            (*(p as *mut ffi::PyVarObject)).ob_size = n_visible as isize;
        }
        p
    }
}

/// A struct sequence's sizes (`structseq.rs`): its memory holds more
/// items than its `ob_size` says.
#[inline]
unsafe fn structseq_sizes(tp: *mut PyTypeObject) -> Option<(usize, usize)> {
    if tp == &raw mut PyTuple_Type { None } else { crate::structseq::sizes(tp) }
}

/// How many items the memory of `op` holds.
unsafe fn stored_items(op: *mut CObject) -> usize {
    unsafe {
        match structseq_sizes((*op).ob_type) {
            Some((n_fields, _)) => n_fields,
            None => (*(op as *mut ffi::PyVarObject)).ob_size as usize,
        }
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
        if let Some((n_fields, n_visible)) = structseq_sizes((*op).ob_type) {
            return crate::structseq::realize(op, n_fields, n_visible, vm);
        }
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
        let n = stored_items(op);
        let slots = tuple_items(op);
        for i in 0..n {
            let item = *slots.add(i);
            if !item.is_null() {
                proxy::decref(item);
            }
        }
    }
}
