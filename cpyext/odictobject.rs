//! Ordered dicts (`odictobject.h`): RustPython's `collections.OrderedDict`
//! (a dict subclass keeping its own order). Changes go through the
//! object's mapping methods, which keep the order; reads are the dict
//! functions (the header's macros), as CPython's.

use crate::boundary::bad_internal_call;
use crate::capi;
use crate::ffi::{PyObject as CObject, PyTypeObject};
use crate::proxy;
use rustpython_vm::builtins::PyType;
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine};

#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut PyODict_Type: PyTypeObject = unsafe { std::mem::zeroed() };
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut PyODictIter_Type: PyTypeObject = unsafe { std::mem::zeroed() };
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut PyODictKeys_Type: PyTypeObject = unsafe { std::mem::zeroed() };
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut PyODictItems_Type: PyTypeObject = unsafe { std::mem::zeroed() };
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut PyODictValues_Type: PyTypeObject = unsafe { std::mem::zeroed() };

fn odict_type(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    vm.import("_collections", 0)?.get_attr("OrderedDict", vm)
}

/// Makes the static type objects the faces of OrderedDict, its iterator
/// and its views (run once, by `crate::init`).
pub fn init_types(vm: &VirtualMachine) -> PyResult<()> {
    let od = odict_type(vm)?.call((), vm)?;
    let classes = [
        (&raw mut PyODict_Type, od.class().to_owned()),
        (&raw mut PyODictIter_Type, od.get_iter(vm)?.as_object().class().to_owned()),
        (&raw mut PyODictKeys_Type, vm.call_method(&od, "keys", ())?.class().to_owned()),
        (&raw mut PyODictItems_Type, vm.call_method(&od, "items", ())?.class().to_owned()),
        (&raw mut PyODictValues_Type, vm.call_method(&od, "values", ())?.class().to_owned()),
    ];
    for (sym, ty) in &classes {
        unsafe { proxy::register_static(*sym as *mut CObject, ty.as_object()) };
    }
    for (sym, ty) in classes {
        unsafe { crate::typeobject::fill(sym, Box::leak(Box::default()), &ty, vm) };
    }
    Ok(())
}

/// `od` if it is an OrderedDict (else SystemError).
fn odict<'a>(od: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a PyObject> {
    let ty = odict_type(vm)?;
    match ty.downcast_ref::<PyType>() {
        Some(t) if od.fast_isinstance(t) => Ok(od),
        _ => Err(bad_internal_call(vm)),
    }
}

capi! {
    fn PyODict_New(vm) -> PyObjectRef {
        odict_type(vm)?.call((), vm)
    }

    fn PyODict_SetItem(vm, od: &PyObject, key: PyObjectRef, item: PyObjectRef) -> () {
        odict(od, vm)?.set_item(&*key, item, vm)
    }

    fn PyODict_DelItem(vm, od: &PyObject, key: PyObjectRef) -> () {
        odict(od, vm)?.del_item(&*key, vm)
    }
}
