//! Slices (`sliceobject.h`): making them, CPython's memory for them (C
//! reads `start`, `stop` and `step` as fields), and CPython's arithmetic
//! for turning one into indices (`PySlice_Unpack` clamps to `Py_ssize_t`,
//! then `PySlice_AdjustIndices` fits the result to a length).

use crate::boundary::bad_internal_call;
use crate::capi;
use malachite_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine, builtins::PySlice};

// Layout: `PySliceObject`, holding its three parts (None where absent);
// slices are immutable, so they are filled once.
pub static LAYOUT: crate::proxy::Layout = crate::proxy::Layout {
    flag: 0,
    create: |obj, tp, vm| {
        obj.downcast_ref::<PySlice>().map(|s| unsafe {
            let p = crate::proxy::alloc(std::mem::size_of::<crate::ffi::PySliceObject>(), tp);
            if !p.is_null() {
                let part = |o: Option<&PyObjectRef>| crate::proxy::to_c_new(o.map_or_else(|| vm.ctx.none.as_object(), |o| &**o), vm);
                let f = &mut *(p as *mut crate::ffi::PySliceObject);
                f.start = part(s.start.as_ref());
                f.stop = part(Some(&s.stop));
                f.step = part(s.step.as_ref());
            }
            p
        })
    },
    realize: None,
    release: Some(|op| unsafe {
        let f = &mut *(op as *mut crate::ffi::PySliceObject);
        for r in [&mut f.start, &mut f.stop, &mut f.step] {
            let r = std::mem::replace(r, std::ptr::null_mut());
            if !r.is_null() {
                crate::proxy::decref(r);
            }
        }
    }),
};

/// CPython's `_PyEval_SliceIndex`: an index, clamped to `Py_ssize_t`.
fn slice_index(o: &PyObject, vm: &VirtualMachine) -> PyResult<isize> {
    match o.try_index_opt(vm) {
        Some(i) => {
            let i = i?;
            let v = i.as_bigint();
            Ok(v.to_isize().unwrap_or(if v.is_negative() { isize::MIN } else { isize::MAX }))
        }
        None => Err(vm.new_type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

/// `o.__index__()` as a big int, with the slice message.
fn big_index(o: &PyObject, vm: &VirtualMachine) -> PyResult<BigInt> {
    match o.try_index_opt(vm) {
        Some(i) => Ok(i?.as_bigint().clone()),
        None => Err(vm.new_type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

/// A part of a slice; None is absent.
fn part(o: Option<&PyObjectRef>, vm: &VirtualMachine) -> PyResult<Option<isize>> {
    match o {
        Some(o) if !vm.is_none(o) => Ok(Some(slice_index(o, vm)?)),
        _ => Ok(None),
    }
}

/// `PySlice_Unpack`: (start, stop, step), each clamped, None filled in.
fn unpack(slice: &PyObject, vm: &VirtualMachine) -> PyResult<(isize, isize, isize)> {
    let Some(s) = slice.downcast_ref::<PySlice>() else { return Err(bad_internal_call(vm)) };
    let step = part(s.step.as_ref(), vm)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.new_value_error("slice step cannot be zero"));
    }
    // So that -step cannot overflow.
    let step = step.max(-isize::MAX);
    let start = part(s.start.as_ref(), vm)?.unwrap_or(if step < 0 { isize::MAX } else { 0 });
    let stop = part(Some(&s.stop), vm)?.unwrap_or(if step < 0 { isize::MIN } else { isize::MAX });
    Ok((start, stop, step))
}

/// `PySlice_AdjustIndices`: fits start and stop to `length`, returns the
/// number of items.
fn adjust(length: isize, start: &mut isize, stop: &mut isize, step: isize) -> isize {
    let fit = |i: &mut isize| {
        if *i < 0 {
            *i += length;
            if *i < 0 {
                *i = if step < 0 { -1 } else { 0 };
            }
        } else if *i >= length {
            *i = if step < 0 { length - 1 } else { length };
        }
    };
    fit(start);
    fit(stop);
    if step < 0 {
        if *stop < *start { (*start - *stop - 1) / (-step) + 1 } else { 0 }
    } else if *start < *stop {
        (*stop - *start - 1) / step + 1
    } else {
        0
    }
}

capi! {
    /// NULL for any part means None.
    fn PySlice_New(vm, start: Option<PyObjectRef>, stop: Option<PyObjectRef>, step: Option<PyObjectRef>) -> PyObjectRef {
        let none = || vm.ctx.none();
        let parts = (start.unwrap_or_else(none), stop.unwrap_or_else(none), step.unwrap_or_else(none));
        vm.ctx.types.slice_type.as_object().call(parts, vm)
    }

    unsafe fn PySlice_Unpack(vm, slice: &PyObject, start: *mut isize, stop: *mut isize, step: *mut isize) -> () {
        if start.is_null() || stop.is_null() || step.is_null() {
            return Err(bad_internal_call(vm));
        }
        (*start, *stop, *step) = unpack(slice, vm)?;
        Ok(())
    }

    /// The number of items; cannot fail.
    unsafe fn PySlice_AdjustIndices(vm, length: isize, start: *mut isize, stop: *mut isize, step: isize) -> isize {
        let _ = vm;
        Ok(adjust(length, &mut *start, &mut *stop, step))
    }

    /// The old API: ints only (else -1 without an exception, as CPython),
    /// negative indices counted from `length`, and -1 (again without an
    /// exception) for a stop past `length`, a start at or past it, or a
    /// zero step. The parts are stored as they are read: step, start, stop.
    unsafe fn PySlice_GetIndices(vm, slice: &PyObject, length: isize, start: *mut isize, stop: *mut isize, step: *mut isize) -> i32 {
        let Some(s) = slice.downcast_ref::<PySlice>() else { return Err(bad_internal_call(vm)) };
        if start.is_null() || stop.is_null() || step.is_null() {
            return Err(bad_internal_call(vm));
        }
        // Some(None) for None, Some(value) for an int, None for another object.
        let int = |o: Option<&PyObjectRef>| -> PyResult<Option<Option<isize>>> {
            match o {
                Some(o) if !vm.is_none(o) => match o.downcast_ref::<rustpython_vm::builtins::PyInt>() {
                    Some(i) => i.as_bigint().to_isize().map(|v| Some(Some(v))).ok_or_else(|| {
                        vm.new_overflow_error("Python int too large to convert to C ssize_t")
                    }),
                    None => Ok(None),
                },
                _ => Ok(Some(None)),
            }
        };
        let Some(st) = int(s.step.as_ref())? else { return Ok(-1) };
        *step = st.unwrap_or(1);
        let Some(a) = int(s.start.as_ref())? else { return Ok(-1) };
        *start = a.map_or(if *step < 0 { length - 1 } else { 0 }, |a| if a < 0 { a + length } else { a });
        let Some(b) = int(Some(&s.stop))? else { return Ok(-1) };
        *stop = b.map_or(if *step < 0 { -1 } else { length }, |b| if b < 0 { b + length } else { b });
        Ok(if *stop > length || *start >= length || *step == 0 { -1 } else { 0 })
    }

    fn _PySlice_FromIndices(vm, start: isize, stop: isize) -> PyObjectRef {
        vm.ctx.types.slice_type.as_object().call((start, stop), vm)
    }

    /// `slice.indices(length)` in Python ints, as three new references
    /// (without that method's check that `length` is not negative, as
    /// CPython).
    unsafe fn _PySlice_GetLongIndices(vm, slice: &PyObject, length: PyObjectRef, start: *mut *mut crate::ffi::PyObject, stop: *mut *mut crate::ffi::PyObject, step: *mut *mut crate::ffi::PyObject) -> () {
        let Some(s) = slice.downcast_ref::<PySlice>() else { return Err(bad_internal_call(vm)) };
        if start.is_null() || stop.is_null() || step.is_null() {
            return Err(bad_internal_call(vm));
        }
        let length = big_index(&length, vm)?;
        let part = |o: Option<&PyObjectRef>| -> PyResult<Option<BigInt>> {
            match o {
                Some(o) if !vm.is_none(o) => big_index(o, vm).map(Some),
                _ => Ok(None),
            }
        };
        let st = part(s.step.as_ref())?.unwrap_or_else(|| BigInt::from(1));
        if st.is_zero() {
            return Err(vm.new_value_error("slice step cannot be zero"));
        }
        let (lower, upper) = if st.is_negative() { (BigInt::from(-1), &length - 1) } else { (BigInt::zero(), length.clone()) };
        let clamp = |v: Option<BigInt>, default: &BigInt| match v {
            None => default.clone(),
            Some(v) => {
                let v = if v.is_negative() { v + &length } else { v };
                if v < lower { lower.clone() } else if v > upper { upper.clone() } else { v }
            }
        };
        let a = clamp(part(s.start.as_ref())?, if st.is_negative() { &upper } else { &lower });
        let b = clamp(part(Some(&s.stop))?, if st.is_negative() { &lower } else { &upper });
        *start = crate::proxy::to_c_new(vm.ctx.new_int(a).as_object(), vm);
        *stop = crate::proxy::to_c_new(vm.ctx.new_int(b).as_object(), vm);
        *step = crate::proxy::to_c_new(vm.ctx.new_int(st).as_object(), vm);
        Ok(())
    }

    /// The function behind the header's macro, for callers taking its address.
    unsafe fn PySlice_GetIndicesEx(vm, slice: &PyObject, length: isize, start: *mut isize, stop: *mut isize, step: *mut isize, slicelength: *mut isize) -> () {
        if start.is_null() || stop.is_null() || step.is_null() || slicelength.is_null() {
            return Err(bad_internal_call(vm));
        }
        *slicelength = 0;
        (*start, *stop, *step) = unpack(slice, vm)?;
        *slicelength = adjust(length, &mut *start, &mut *stop, *step);
        Ok(())
    }
}
