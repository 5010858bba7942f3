//! Lists (`listobject.h`). List items live in the VM list; the macros that
//! would read `ob_item` are calls in our headers. A list's memory is
//! CPython's `PyListObject`: `ob_size` is the VM list's length each time
//! the list crosses into C and after each change C makes through the API,
//! and `ob_item` is filled with borrowed items on request
//! (`PySequence_Fast_ITEMS`, through `_PyCpyext_ListItems`).

use crate::boundary::{Borrowed, Stolen};
use crate::capi;
use crate::ffi::{self, PyObject as CObject};
use rustpython_vm::{
    AsObject, Py, PyObject, PyObjectRef, PyRef, PyResult, VirtualMachine,
    builtins::PyList,
};

fn as_list(o: PyObjectRef, vm: &VirtualMachine) -> PyResult<PyRef<PyList>> {
    o.downcast::<PyList>().map_err(|_| crate::boundary::bad_internal_call(vm))
}

fn list_ref<'a>(o: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a Py<PyList>> {
    o.downcast_ref::<PyList>().ok_or_else(|| crate::boundary::bad_internal_call(vm))
}

// ---------------------------------------------------------------------------
// Layout

pub static LAYOUT: crate::proxy::Layout = crate::proxy::Layout {
    flag: ffi::Py_TPFLAGS_LIST_SUBCLASS,
    create: |obj, tp, _vm| {
        obj.downcast_ref::<PyList>().map(|l| unsafe {
            let p = crate::proxy::alloc(std::mem::size_of::<ffi::PyListObject>(), tp);
            if !p.is_null() {
                crate::proxy::set_flag(p, crate::proxy::FLAG_SYNCED, true);
                (*(p as *mut ffi::PyVarObject)).ob_size = l.borrow_vec().len() as isize;
            }
            p
        })
    },
    realize: None,
    release: Some(|op| unsafe {
        let l = &mut *(op as *mut ffi::PyListObject);
        crate::pymem::PyMem_RawFree(l.ob_item.cast());
        l.ob_item = std::ptr::null_mut();
        l.allocated = 0;
    }),
};

/// Makes the memory `p` of `obj`, if it is a list, say its length.
#[inline]
pub fn sync_size(p: *mut CObject, obj: &PyObject) {
    if let Some(l) = obj.downcast_ref::<PyList>() {
        unsafe { (*(p as *mut ffi::PyVarObject)).ob_size = l.borrow_vec().len() as isize };
    }
}

/// After C changed the list `o` through the API.
fn resync(o: &PyObject) {
    if let Some(p) = crate::proxy::existing(o) {
        sync_size(p, o);
    }
}

capi! {
    /// A list of `size` items; CPython leaves them NULL for C to fill with
    /// `PyList_SET_ITEM`, here they start as None.
    fn PyList_New(vm, size: isize) -> PyObjectRef {
        if size < 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        Ok(vm.ctx.new_list(vec![vm.ctx.none(); size as usize]).into())
    }

    fn PyList_Size(vm, o: &PyObject) -> isize {
        Ok(list_ref(o, vm)?.borrow_vec().len() as isize)
    }

    fn PyList_GetItem<'py>(vm, o: &'py PyObject, i: isize) -> Borrowed<'py> {
        let items = list_ref(o, vm)?.borrow_vec();
        match usize::try_from(i).ok().and_then(|i| items.get(i)) {
            // Converting under the list's read lock is fine: making a proxy
            // never touches this list.
            Some(item) => Ok(Borrowed::held_by(o, item, vm)),
            None => Err(vm.new_index_error("list index out of range")),
        }
    }

    /// A new reference to item `i` (3.13): a TypeError for a non-list, where
    /// `PyList_GetItem` says SystemError.
    fn PyList_GetItemRef(vm, o: &PyObject, i: isize) -> PyObjectRef {
        let list = o.downcast_ref::<rustpython_vm::builtins::PyList>().ok_or_else(|| vm.new_type_error("expected a list"))?;
        let items = list.borrow_vec();
        usize::try_from(i).ok().and_then(|i| items.get(i)).cloned().ok_or_else(|| vm.new_index_error("list index out of range"))
    }

    fn PyList_SetItem(vm, o: &PyObject, i: isize, v: Stolen) -> () {
        let list = list_ref(o, vm)?;
        let item = v.take(vm)?;
        let mut items = list.borrow_vec_mut();
        match usize::try_from(i).ok().and_then(|i| items.get_mut(i)) {
            Some(slot) => {
                let old = std::mem::replace(slot, item);
                drop(items);
                drop(old);
                Ok(())
            }
            None => Err(vm.new_index_error("list assignment index out of range")),
        }
    }

    fn PyList_Insert(vm, o: PyObjectRef, i: isize, v: PyObjectRef) -> () {
        let list = as_list(o, vm)?;
        let mut items = list.borrow_vec_mut();
        let n = items.len() as isize;
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
        items.insert(i as usize, v);
        drop(items);
        resync(list.as_object());
        Ok(())
    }

    fn PyList_Append(vm, o: PyObjectRef, v: PyObjectRef) -> () {
        let list = as_list(o, vm)?;
        list.borrow_vec_mut().push(v);
        resync(list.as_object());
        Ok(())
    }

    fn PyList_AsTuple(vm, o: PyObjectRef) -> PyObjectRef {
        let items = as_list(o, vm)?.borrow_vec().to_vec();
        Ok(vm.ctx.new_tuple(items).into())
    }

    fn PyList_GetSlice(vm, o: PyObjectRef, low: isize, high: isize) -> PyObjectRef {
        let list = as_list(o, vm)?;
        let items = list.borrow_vec();
        let n = items.len() as isize;
        let low = low.clamp(0, n) as usize;
        let high = (high.clamp(0, n) as usize).max(low);
        Ok(vm.ctx.new_list(items[low..high].to_vec()).into())
    }

    fn PyList_Sort(vm, o: PyObjectRef) -> () {
        let list = as_list(o, vm)?;
        vm.call_method(list.as_ref(), "sort", ())?;
        Ok(())
    }

    fn PyList_Reverse(vm, o: PyObjectRef) -> () {
        as_list(o, vm)?.borrow_vec_mut().reverse();
        Ok(())
    }

    fn PyList_Extend(vm, o: PyObjectRef, iterable: PyObjectRef) -> () {
        let list = as_list(o, vm)?;
        vm.call_method(list.as_ref(), "extend", (iterable,))?;
        resync(list.as_object());
        Ok(())
    }

    /// `ob_item` of the list `o`, filled with its items as borrowed
    /// references: valid until the list changes (CPython's own pointer is
    /// valid as long). What `PySequence_Fast_ITEMS` reads for a list.
    fn _PyCpyext_ListItems(vm, o: &PyObject) -> *mut *mut CObject {
        let list = list_ref(o, vm)?;
        let p = crate::proxy::as_c(o, vm) as *mut ffi::PyListObject;
        let items = list.borrow_vec();
        let n = items.len();
        unsafe {
            let l = &mut *p;
            if (l.allocated as usize) < n || l.ob_item.is_null() {
                let bytes = n.max(1) * std::mem::size_of::<*mut CObject>();
                let grown = crate::pymem::PyMem_RawRealloc(l.ob_item.cast(), bytes) as *mut *mut CObject;
                if grown.is_null() {
                    return Err(vm.new_memory_error(""));
                }
                l.ob_item = grown;
                l.allocated = n as isize;
            }
            for (i, item) in items.iter().enumerate() {
                *l.ob_item.add(i) = crate::proxy::as_c(item, vm);
            }
            l.ob_base.ob_size = n as isize;
            Ok(l.ob_item)
        }
    }
}

capi! {
    /// `list[low:high] = items` (NULL deletes the slice).
    fn PyList_SetSlice(vm, o: PyObjectRef, low: isize, high: isize, items: Option<PyObjectRef>) -> () {
        let list = as_list(o, vm)?;
        let n = list.borrow_vec().len() as isize;
        let low = low.clamp(0, n);
        let high = high.clamp(low, n);
        let slice = vm.ctx.types.slice_type.as_object().call((low, high), vm)?;
        let list: PyObjectRef = list.into();
        let r = match items {
            Some(items) => list.set_item(&*slice, items, vm),
            None => list.del_item(&*slice, vm),
        };
        resync(&list);
        r
    }
}
