//! Dicts (`dictobject.h`). Borrowed results (`PyDict_GetItem`, `PyDict_Next`)
//! stay valid while the dict holds the value, per the proxy rules. A dict's
//! memory is CPython's `PyDictObject`, whose `ma_used` (read inline by
//! PyO3, for one) is the VM dict's length as the dict crosses into C and
//! after every dict API call: the dicts the functions here work on are
//! [`Synced`], which updates it when the call is done with them.

use crate::boundary::{Borrowed, Void};
use crate::capi;
use crate::ffi::PyObject as CObject;
use crate::{proxy, pyerrors};
use rustpython_vm::{
    AsObject, Py, PyObject, PyObjectRef, PyRef, PyResult, VirtualMachine,
    builtins::PyDict,
};
use std::ffi::CStr;
use std::ptr::null_mut;

/// A dict a call works on; dropping it updates the `ma_used` C sees.
struct Synced<T: std::ops::Deref<Target = Py<PyDict>>>(T);

impl<T: std::ops::Deref<Target = Py<PyDict>>> std::ops::Deref for Synced<T> {
    type Target = Py<PyDict>;
    fn deref(&self) -> &Py<PyDict> {
        &self.0
    }
}

impl<T: std::ops::Deref<Target = Py<PyDict>>> Drop for Synced<T> {
    fn drop(&mut self) {
        if let Some(p) = proxy::existing(self.0.as_object()) {
            sync(p, self.0.as_object());
        }
    }
}

fn as_dict(o: PyObjectRef, vm: &VirtualMachine) -> PyResult<Synced<PyRef<PyDict>>> {
    o.downcast::<PyDict>().map(Synced).map_err(|_| crate::boundary::bad_internal_call(vm))
}

// Layout

pub static LAYOUT: proxy::Layout = proxy::Layout {
    flag: crate::ffi::Py_TPFLAGS_DICT_SUBCLASS,
    create: |obj, tp, _vm| {
        obj.downcast_ref::<PyDict>().map(|_| unsafe {
            let p = proxy::alloc(std::mem::size_of::<crate::ffi::PyDictObject>(), tp);
            if !p.is_null() {
                crate::proxy::set_flag(p, crate::proxy::FLAG_SYNCED, true);
                sync(p, obj);
            }
            p
        })
    },
    realize: None,
    release: None,
};

/// Makes the memory `p` of `obj`, if it is a dict, say its length.
#[inline]
pub fn sync(p: *mut CObject, obj: &PyObject) {
    if let Some(d) = obj.downcast_ref::<PyDict>() {
        unsafe { (*(p as *mut crate::ffi::PyDictObject)).ma_used = d.__len__() as isize };
    }
}

fn str_key(key: &CStr, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    Ok(crate::unicodeobject::from_utf8(key.to_bytes(), vm)?.into())
}

fn dict_ref<'a>(o: &'a PyObject, vm: &VirtualMachine) -> PyResult<Synced<&'a Py<PyDict>>> {
    o.downcast_ref::<PyDict>().map(Synced).ok_or_else(|| crate::boundary::bad_internal_call(vm))
}

/// A value the dict `d` holds, borrowed.
fn held<'a>(d: &'a PyObject, v: Option<PyObjectRef>, vm: &VirtualMachine) -> Option<Borrowed<'a>> {
    v.map(|v| Borrowed::held_by(d, &v, vm))
}

/// `*result` gets a new reference or NULL; returns 1 if found, 0 if not.
fn get_ref(d: PyObjectRef, key: PyObjectRef, result: *mut *mut CObject, vm: &VirtualMachine) -> PyResult<i32> {
    unsafe { *result = null_mut() };
    let v = as_dict(d, vm)?.get_item_opt(&*key, vm)?;
    Ok(match v {
        Some(v) => {
            unsafe { *result = proxy::to_c_new(&v, vm) };
            1
        }
        None => 0,
    })
}

capi! {
    fn PyDict_New(vm) -> PyObjectRef {
        Ok(vm.ctx.new_dict().into())
    }

    /// A size hint only: RustPython's dict grows as it must.
    fn _PyDict_NewPresized(vm, minused: isize) -> PyObjectRef {
        let _ = minused;
        Ok(vm.ctx.new_dict().into())
    }

    /// `PyDict_GetItemWithError` with the caller's hash of `key`, which
    /// the VM computes again (the same value, for a well-behaved key).
    fn _PyDict_GetItem_KnownHash<'py>(vm, d: &'py PyObject, key: PyObjectRef, hash: isize) -> Option<Borrowed<'py>> {
        let _ = hash;
        let found = dict_ref(d, vm)?.get_item_opt(&*key, vm)?;
        Ok(held(d, found, vm))
    }

    /// `PyDict_SetItem`: `hash` is the key's (the VM hashes it again).
    fn _PyDict_SetItem_KnownHash(vm, d: PyObjectRef, key: PyObjectRef, value: PyObjectRef, hash: isize) -> () {
        let _ = hash;
        as_dict(d, vm)?.set_item(&*key, value, vm)
    }

    /// The same, for a caller holding the dict's lock (3.13; free-threaded
    /// builds have one per dict, this build has the GIL).
    fn _PyDict_SetItem_KnownHash_LockHeld(vm, d: PyObjectRef, key: PyObjectRef, value: PyObjectRef, hash: isize) -> () {
        let _ = hash;
        as_dict(d, vm)?.set_item(&*key, value, vm)
    }

    fn PyDict_SetItem(vm, d: PyObjectRef, key: PyObjectRef, value: PyObjectRef) -> () {
        as_dict(d, vm)?.set_item(&*key, value, vm)
    }

    fn PyDict_SetItemString(vm, d: PyObjectRef, key: &CStr, value: PyObjectRef) -> () {
        as_dict(d, vm)?.set_item(&*str_key(key, vm)?, value, vm)
    }

    /// Borrowed or NULL; every error is swallowed, as CPython documents.
    fn PyDict_GetItem<'py>(vm, d: &'py PyObject, key: PyObjectRef) -> Option<Borrowed<'py>> {
        let pending = pyerrors::take();
        let found = dict_ref(d, vm).and_then(|dict| dict.get_item_opt(&*key, vm)).unwrap_or(None);
        if let Some(e) = pending {
            pyerrors::set(e);
        }
        Ok(held(d, found, vm))
    }

    fn PyDict_GetItemString<'py>(vm, d: &'py PyObject, key: &CStr) -> Option<Borrowed<'py>> {
        let pending = pyerrors::take();
        let found = dict_ref(d, vm)
            .and_then(|dict| dict.get_item_opt(&*str_key(key, vm)?, vm))
            .unwrap_or(None);
        if let Some(e) = pending {
            pyerrors::set(e);
        }
        Ok(held(d, found, vm))
    }

    /// NULL with an error set when the lookup failed, without one when the
    /// key is absent.
    fn PyDict_GetItemWithError<'py>(vm, d: &'py PyObject, key: PyObjectRef) -> Option<Borrowed<'py>> {
        let found = dict_ref(d, vm)?.get_item_opt(&*key, vm)?;
        Ok(held(d, found, vm))
    }

    fn PyDict_GetItemRef(vm, d: PyObjectRef, key: PyObjectRef, result: *mut *mut CObject) -> i32 {
        get_ref(d, key, result, vm)
    }

    fn PyDict_GetItemStringRef(vm, d: PyObjectRef, key: &CStr, result: *mut *mut CObject) -> i32 {
        get_ref(d, str_key(key, vm)?, result, vm)
    }

    fn PyDict_DelItem(vm, d: PyObjectRef, key: PyObjectRef) -> () {
        as_dict(d, vm)?.del_item(&*key, vm)
    }

    fn PyDict_DelItemString(vm, d: PyObjectRef, key: &CStr) -> () {
        as_dict(d, vm)?.del_item(&*str_key(key, vm)?, vm)
    }

    fn PyDict_Contains(vm, d: PyObjectRef, key: PyObjectRef) -> bool {
        Ok(as_dict(d, vm)?.get_item_opt(&*key, vm)?.is_some())
    }

    fn PyDict_ContainsString(vm, d: PyObjectRef, key: &CStr) -> bool {
        Ok(as_dict(d, vm)?.get_item_opt(&*str_key(key, vm)?, vm)?.is_some())
    }

    fn PyDict_Size(vm, d: PyObjectRef) -> isize {
        Ok(as_dict(d, vm)?.size().used as isize)
    }

    fn PyDict_Keys(vm, d: PyObjectRef) -> PyObjectRef {
        Ok(vm.ctx.new_list(as_dict(d, vm)?.keys_vec()).into())
    }

    fn PyDict_Values(vm, d: PyObjectRef) -> PyObjectRef {
        Ok(vm.ctx.new_list(as_dict(d, vm)?.values_vec()).into())
    }

    fn PyDict_Items(vm, d: PyObjectRef) -> PyObjectRef {
        let items = as_dict(d, vm)?
            .items_vec()
            .into_iter()
            .map(|(k, v)| vm.ctx.new_tuple(vec![k, v]).into())
            .collect();
        Ok(vm.ctx.new_list(items).into())
    }

    fn PyDict_Clear(vm, d: PyObjectRef) -> Void {
        if let Ok(d) = as_dict(d, vm) {
            d.clear();
        }
        Ok(Void)
    }

    fn PyDict_Copy(vm, d: PyObjectRef) -> PyObjectRef {
        Ok(rustpython_vm::PyRef::new_ref(as_dict(d, vm)?.copy(), vm.ctx.types.dict_type.to_owned(), None).into())
    }

    fn PyDict_Update(vm, d: PyObjectRef, other: PyObjectRef) -> () {
        as_dict(d, vm)?.merge_object(other, vm)
    }

    fn PyDict_Merge(vm, d: PyObjectRef, other: PyObjectRef, overwrite: i32) -> () {
        let d = as_dict(d, vm)?;
        if overwrite != 0 { d.merge_object(other, vm) } else { d.merge_object_if_missing(other, vm) }
    }

    /// Borrowed key and value of the entry at or after `*pos`.
    fn PyDict_Next(vm, d: PyObjectRef, pos: *mut isize, key: *mut *mut CObject, value: *mut *mut CObject) -> i32 {
        let Ok(d) = as_dict(d, vm) else { return Ok(0) };
        if pos.is_null() {
            return Ok(0);
        }
        let start = unsafe { *pos };
        if start < 0 {
            return Ok(0);
        }
        match d.next_entry(start as usize) {
            Some((next, k, v)) => {
                unsafe {
                    *pos = next as isize;
                    if !key.is_null() { *key = proxy::as_c(&k, vm); }
                    if !value.is_null() { *value = proxy::as_c(&v, vm); }
                }
                Ok(1)
            }
            None => Ok(0),
        }
    }

    fn PyDictProxy_New(vm, mapping: PyObjectRef) -> PyObjectRef {
        vm.ctx.types.mappingproxy_type.as_object().call((mapping,), vm)
    }
}

capi! {
    /// The value now at `key` (`default` if it was missing).
    fn PyDict_SetDefault<'py>(vm, d: &'py PyObject, key: PyObjectRef, default: PyObjectRef) -> Borrowed<'py> {
        let dict = dict_ref(d, vm)?;
        let v = match dict.get_item_opt(&*key, vm)? {
            Some(v) => v,
            None => {
                dict.set_item(&*key, default.clone(), vm)?;
                default
            }
        };
        Ok(Borrowed::held_by(d, &v, vm))
    }

    /// 1 if `key` was there, 0 if `default` was inserted; `*result` gets a
    /// new reference to the value (unless NULL).
    fn PyDict_SetDefaultRef(vm, d: PyObjectRef, key: PyObjectRef, default: PyObjectRef, result: *mut *mut CObject) -> i32 {
        if !result.is_null() {
            unsafe { *result = null_mut() };
        }
        let d = as_dict(d, vm)?;
        let (v, found) = match d.get_item_opt(&*key, vm)? {
            Some(v) => (v, 1),
            None => {
                d.set_item(&*key, default.clone(), vm)?;
                (default, 0)
            }
        };
        if !result.is_null() {
            unsafe { *result = proxy::to_c_new(&v, vm) };
        }
        Ok(found)
    }

    /// 1 and the value (a new reference in `*result`) if `key` was there
    /// and is now removed, 0 if it was missing.
    fn PyDict_Pop(vm, d: PyObjectRef, key: PyObjectRef, result: *mut *mut CObject) -> i32 {
        pop_into(d, key, result, vm)
    }

    fn PyDict_PopString(vm, d: PyObjectRef, key: &CStr, result: *mut *mut CObject) -> i32 {
        if !result.is_null() {
            unsafe { *result = null_mut() };
        }
        pop_into(d, str_key(key, vm)?, result, vm)
    }

    /// The value removed, else `default` (KeyError without one).
    fn _PyDict_Pop(vm, d: PyObjectRef, key: PyObjectRef, default: Option<PyObjectRef>) -> PyObjectRef {
        match pop(d, &key, vm)? {
            Some(v) => Ok(v),
            None => default.ok_or_else(|| vm.new_key_error(key)),
        }
    }

    /// NULL without an error when the key is absent.
    fn _PyDict_GetItemStringWithError<'py>(vm, d: &'py PyObject, key: &CStr) -> Option<Borrowed<'py>> {
        let key = str_key(key, vm)?;
        let found = dict_ref(d, vm)?.get_item_opt(&*key, vm)?;
        Ok(held(d, found, vm))
    }
}

/// Removes `key` from the dict `d`: its value, None if it was missing.
fn pop(d: PyObjectRef, key: &PyObject, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
    let d = as_dict(d, vm)?;
    match d.get_item_opt(key, vm)? {
        Some(v) => {
            d.del_item(key, vm)?;
            Ok(Some(v))
        }
        None => Ok(None),
    }
}

/// `PyDict_Pop`: `*result` gets the value (or NULL); 1 if found, 0 if not.
fn pop_into(d: PyObjectRef, key: PyObjectRef, result: *mut *mut CObject, vm: &VirtualMachine) -> PyResult<i32> {
    if !result.is_null() {
        unsafe { *result = null_mut() };
    }
    let v = pop(d, &key, vm)?;
    if let (Some(v), false) = (&v, result.is_null()) {
        unsafe { *result = proxy::to_c_new(v, vm) };
    }
    Ok(v.is_some() as i32)
}

capi! {
    /// Adds the (key, value) pairs `seq2` yields, each a sequence of two;
    /// an existing key keeps its value unless `overwrite`.
    fn PyDict_MergeFromSeq2(vm, d: PyObjectRef, seq2: PyObjectRef, overwrite: i32) -> () {
        let d = as_dict(d, vm)?;
        let iter = seq2.get_iter(vm)?;
        let mut i = 0usize;
        while let rustpython_vm::protocol::PyIterReturn::Return(item) = iter.next(vm)? {
            let pair: Vec<PyObjectRef> = match vm.extract_elements_with(&item, Ok) {
                Ok(items) => items,
                Err(e) if e.fast_isinstance(vm.ctx.exceptions.type_error) => {
                    return Err(vm.new_type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence")));
                }
                Err(e) => return Err(e),
            };
            let [key, value] = <[PyObjectRef; 2]>::try_from(pair).map_err(|pair| {
                vm.new_value_error(format!("dictionary update sequence element #{i} has length {}; 2 is required", pair.len()))
            })?;
            if overwrite != 0 || d.get_item_opt(&*key, vm)?.is_none() {
                d.set_item(&*key, value, vm)?;
            }
            i += 1;
        }
        Ok(())
    }
}
