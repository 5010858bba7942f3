//! The object protocol of `abstract.h`: items, length, type tests, iteration.

use crate::boundary::FromC;
use crate::capi;
use crate::ffi::PyObject as CObject;
use crate::object::{lookup_special, optional_result};
use crate::proxy;
use num_traits::ToPrimitive;
use rustpython_vm::{
    AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine,
    builtins::PyInt,
    protocol::{PyIter, PyIterReturn},
    types::PyTypeFlags,
};
use std::ffi::{CStr, c_char};
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

/// CPython's `PyAIter_Check`: the type defines `__anext__`.
fn is_async_iterator(o: &PyObject, vm: &VirtualMachine) -> bool {
    o.class().get_attr(vm.ctx.intern_str("__anext__")).is_some()
}

/// `PySendResult`: what `PyIter_Send` returns besides -1.
const PYGEN_RETURN: i32 = 0;
const PYGEN_NEXT: i32 = 1;

capi! {
    fn PyAIter_Check(vm, o: &PyObject) -> i32 {
        Ok(is_async_iterator(o, vm) as i32)
    }

    /// `type(o).__aiter__(o)`, which must give an async iterator.
    fn PyObject_GetAIter(vm, o: &PyObject) -> PyObjectRef {
        let Some(aiter) = lookup_special(o, "__aiter__", vm) else {
            return Err(vm.new_type_error(format!("'{}' object is not an async iterable", o.class().name())));
        };
        let it = aiter?.call((), vm)?;
        if !is_async_iterator(&it, vm) {
            return Err(vm.new_type_error(format!("aiter() returned not an async iterator of type '{}'", it.class().name())));
        }
        Ok(it)
    }

    /// Sends `arg` into `iter` (`next()` for None to an iterator, else its
    /// `send`): PYGEN_NEXT with the value yielded, PYGEN_RETURN with the
    /// value it returned (StopIteration's, None without one), or -1 with
    /// the error and NULL; `*presult` is a new reference either way.
    fn PyIter_Send(vm, iter: PyObjectRef, arg: PyObjectRef, presult: *mut *mut CObject) -> i32 {
        if presult.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        unsafe { *presult = null_mut() };
        let outcome = if vm.is_none(&arg) && PyIter::check(&iter) {
            PyIter::new(iter).next(vm)?
        } else {
            match vm.call_method(&iter, "send", (arg,)) {
                Ok(v) => PyIterReturn::Return(v),
                Err(e) if e.fast_isinstance(vm.ctx.exceptions.stop_iteration) => {
                    PyIterReturn::StopIteration(e.get_arg(0))
                }
                Err(e) => return Err(e),
            }
        };
        let (status, value) = match outcome {
            PyIterReturn::Return(v) => (PYGEN_NEXT, v),
            PyIterReturn::StopIteration(v) => (PYGEN_RETURN, v.unwrap_or_else(|| vm.ctx.none())),
        };
        unsafe { *presult = proxy::to_c_new(&value, vm) };
        Ok(status)
    }
}

/// `PyMapping_HasKey*`'s report of an error they cannot return (3.13+).
fn unraisable_in(function: &str, instead: &str, e: rustpython_vm::builtins::PyBaseExceptionRef, vm: &VirtualMachine) {
    let msg = format!("Exception ignored in {function}(); consider using {instead}");
    vm.run_unraisable(e, Some(msg), vm.ctx.none());
}

/// `o[key]` for a C string key (decoded from UTF-8).
fn optional_item_string(o: &PyObject, key: &CStr, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
    let key = crate::unicodeobject::from_utf8(key.to_bytes(), vm)?;
    match o.get_item(&*key, vm) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.fast_isinstance(vm.ctx.exceptions.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn optional_item(o: &PyObject, key: &PyObject, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
    match o.get_item(key, vm) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.fast_isinstance(vm.ctx.exceptions.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

capi! {
    /// `o[key]` in `*result` (1), or 0 and NULL for a KeyError.
    fn PyMapping_GetOptionalItemString(vm, o: PyObjectRef, key: &CStr, result: *mut *mut CObject) -> i32 {
        let key = crate::unicodeobject::from_utf8(key.to_bytes(), vm);
        optional_result(key.and_then(|k| o.get_item(&*k, vm)), vm.ctx.exceptions.key_error, result, vm)
    }

    /// 1 if `o[key]` succeeds, 0 for a KeyError, -1 for any other error.
    fn PyMapping_HasKeyWithError(vm, o: &PyObject, key: &PyObject) -> i32 {
        Ok(optional_item(o, key, vm)?.is_some() as i32)
    }

    fn PyMapping_HasKeyStringWithError(vm, o: &PyObject, key: &CStr) -> i32 {
        Ok(optional_item_string(o, key, vm)?.is_some() as i32)
    }

    /// Never fails: an error (a NULL argument too) is reported as
    /// unraisable and is 0.
    fn PyMapping_HasKey(vm, o: *mut CObject, key: *mut CObject) -> i32 {
        let found = (|| {
            let (o, key) = (PyObjectRef::from_c(o, vm)?, PyObjectRef::from_c(key, vm)?);
            optional_item(&o, &key, vm)
        })();
        Ok(found.unwrap_or_else(|e| {
            unraisable_in("PyMapping_HasKey", "PyMapping_HasKeyWithError(), PyMapping_GetOptionalItem() or PyObject_GetItem()", e, vm);
            None
        }).is_some() as i32)
    }

    fn PyMapping_HasKeyString(vm, o: *mut CObject, key: *const c_char) -> i32 {
        let found = (|| {
            let o: PyObjectRef = PyObjectRef::from_c(o, vm)?;
            optional_item_string(&o, <&CStr>::from_c(key, vm)?, vm)
        })();
        Ok(found.unwrap_or_else(|e| {
            unraisable_in("PyMapping_HasKeyString", "PyMapping_HasKeyStringWithError(), PyMapping_GetOptionalItemString() or PyMapping_GetItemString()", e, vm);
            None
        }).is_some() as i32)
    }
}
