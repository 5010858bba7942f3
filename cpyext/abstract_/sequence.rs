//! The sequence protocol (`abstract.h`, "Sequence Protocol").

use crate::capi;
use rustpython_vm::{
    AsObject, PyObject, PyObjectRef, PyPayload, PyResult, VirtualMachine,
    builtins::{PyByteArray, PyBytes, PyDict, PyList, PySlice, PyTuple},
};

capi! {
    fn PySequence_Check(vm, o: PyObjectRef) -> i32 {
        // A C type is a sequence when its `sq_item` is set, as in CPython:
        // the VM makes a sequence of anything with `__getitem__` (numpy's
        // scalars have only `mp_subscript`, and numpy tells shapes from
        // sizes by this check).
        let tp = crate::proxy::type_as_c(o.class(), vm);
        if crate::typeobject::is_c_type(tp) {
            return Ok(unsafe { (*tp).tp_as_sequence.as_ref() }.is_some_and(|s| s.sq_item.is_some()) as i32);
        }
        // A dict has `__getitem__` but is no sequence (CPython's check).
        Ok((o.downcast_ref::<PyDict>().is_none() && o.sequence_unchecked().check()) as i32)
    }

    fn PySequence_Size(vm, o: PyObjectRef) -> isize {
        Ok(o.sequence_unchecked().length(vm)? as isize)
    }

    fn PySequence_Length(vm, o: PyObjectRef) -> isize {
        Ok(o.sequence_unchecked().length(vm)? as isize)
    }

    fn PySequence_GetItem(vm, o: PyObjectRef, i: isize) -> PyObjectRef {
        // RustPython 0.6's bytes and bytearray `sq_item` give a one-byte
        // bytes where CPython's give the int: index those through
        // `__getitem__`, after CPython's negative-index adjustment.
        if o.downcastable::<PyBytes>() || o.downcastable::<PyByteArray>() {
            let i = if i < 0 { i + o.length(vm)? as isize } else { i };
            if i < 0 {
                return Err(vm.new_index_error("index out of range"));
            }
            return o.get_item(vm.ctx.new_int(i).as_object(), vm);
        }
        o.try_sequence(vm)?.get_item(i, vm)
    }

    fn PySequence_SetItem(vm, o: PyObjectRef, i: isize, v: PyObjectRef) -> () {
        o.try_sequence(vm)?.set_item(i, v, vm)
    }

    fn PySequence_DelItem(vm, o: PyObjectRef, i: isize) -> () {
        o.try_sequence(vm)?.del_item(i, vm)
    }

    fn PySequence_GetSlice(vm, o: PyObjectRef, low: isize, high: isize) -> PyObjectRef {
        o.try_sequence(vm)?.get_slice(low, high, vm)
    }

    fn PySequence_Contains(vm, o: PyObjectRef, v: PyObjectRef) -> bool {
        vm._contains(&o, &v)
    }

    fn PySequence_Concat(vm, a: PyObjectRef, b: PyObjectRef) -> PyObjectRef {
        vm._add(&a, &b)
    }

    /// The sequence slot, else `o * count` for a sequence.
    fn PySequence_Repeat(vm, o: &PyObject, count: isize) -> PyObjectRef {
        o.sequence_unchecked().repeat(count, vm)
    }

    /// The in-place slot, else the plain one, else `a += b` for two sequences.
    fn PySequence_InPlaceConcat(vm, a: &PyObject, b: &PyObject) -> PyObjectRef {
        a.sequence_unchecked().inplace_concat(b, vm)
    }

    fn PySequence_InPlaceRepeat(vm, o: &PyObject, count: isize) -> PyObjectRef {
        o.sequence_unchecked().inplace_repeat(count, vm)
    }

    fn PySequence_Index(vm, o: PyObjectRef, v: PyObjectRef) -> isize {
        let i = vm.call_method(&o, "index", (v,))?;
        Ok(i.try_index(vm)?.as_bigint().try_into().unwrap_or(isize::MAX))
    }

    fn PySequence_Count(vm, o: PyObjectRef, v: PyObjectRef) -> isize {
        let mut n = 0;
        let iter = o.get_iter(vm)?;
        while let rustpython_vm::protocol::PyIterReturn::Return(item) = iter.next(vm)? {
            if vm.bool_eq(&item, &v)? {
                n += 1;
            }
        }
        Ok(n)
    }

    fn PySequence_Tuple(vm, o: PyObjectRef) -> PyObjectRef {
        if o.downcast_ref_if_exact::<PyTuple>(vm).is_some() {
            return Ok(o);
        }
        vm.ctx.types.tuple_type.as_object().call((o,), vm)
    }

    fn PySequence_List(vm, o: PyObjectRef) -> PyObjectRef {
        vm.ctx.types.list_type.as_object().call((o,), vm)
    }

    /// `o` itself when it is exactly a list or a tuple, else a new list of
    /// its items: C keeps reading a list it was given as it changes.
    fn PySequence_Fast(vm, o: PyObjectRef, msg: *const std::ffi::c_char) -> PyObjectRef {
        if o.downcast_ref_if_exact::<PyTuple>(vm).is_some() || o.downcast_ref_if_exact::<PyList>(vm).is_some() {
            return Ok(o);
        }
        match o.get_iter(vm) {
            Ok(iter) => vm.ctx.types.list_type.as_object().call((PyObjectRef::from(iter),), vm),
            Err(e) if e.fast_isinstance(vm.ctx.exceptions.type_error) && !msg.is_null() => {
                let msg = unsafe { std::ffi::CStr::from_ptr(msg) }.to_string_lossy().into_owned();
                Err(vm.new_type_error(msg))
            }
            Err(e) => Err(e),
        }
    }
}

/// `o[i1:i2] = v` (`del o[i1:i2]` for None) through the type's mapping
/// assignment, which is what CPython's slice functions require.
fn assign_slice(o: &PyObject, i1: isize, i2: isize, v: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<()> {
    if o.mapping_unchecked().slots().ass_subscript.load().is_none() {
        let what = if v.is_some() { "assignment" } else { "deletion" };
        return Err(vm.new_type_error(format!("'{}' object doesn't support slice {what}", o.class().name())));
    }
    let slice: PyObjectRef = PySlice { start: Some(vm.ctx.new_int(i1).into()), stop: vm.ctx.new_int(i2).into(), step: None }
        .into_ref(&vm.ctx)
        .into();
    match v {
        Some(v) => o.set_item(&*slice, v, vm),
        None => o.del_item(&*slice, vm),
    }
}

capi! {
    /// NULL `v` deletes, as `PySequence_DelSlice`.
    fn PySequence_SetSlice(vm, o: &PyObject, i1: isize, i2: isize, v: Option<PyObjectRef>) -> () {
        assign_slice(o, i1, i2, v, vm)
    }

    fn PySequence_DelSlice(vm, o: &PyObject, i1: isize, i2: isize) -> () {
        assign_slice(o, i1, i2, None, vm)
    }

    /// The old name of `PySequence_Contains`.
    fn PySequence_In(vm, o: PyObjectRef, v: PyObjectRef) -> bool {
        vm._contains(&o, &v)
    }
}
