//! Lists (`listobject.h`). List items live in the VM list; the macros that
//! would read `ob_item` are calls in our headers.

use crate::boundary::{Borrowed, Stolen};
use crate::capi;
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
        Ok(())
    }

    fn PyList_Append(vm, o: PyObjectRef, v: PyObjectRef) -> () {
        as_list(o, vm)?.borrow_vec_mut().push(v);
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
        Ok(())
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
        match items {
            Some(items) => list.set_item(&*slice, items, vm),
            None => list.del_item(&*slice, vm),
        }
    }
}
