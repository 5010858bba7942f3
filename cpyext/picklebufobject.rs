//! Pickle buffers (`picklebufobject.h`): RustPython's `pickle.PickleBuffer`.
//!
//! `PyPickleBuffer_GetBuffer` hands C a `Py_buffer` that stays valid until
//! `PyPickleBuffer_Release` or the object's death, as CPython's (which
//! keeps it in the object). The VM object has no such memory, so the view
//! is kept here, taken through a memoryview of the export (so that it does
//! not keep the PickleBuffer alive), beside a weak reference to its owner;
//! the views of dead owners are released at the next call.

use crate::capi;
use crate::ffi::{Py_buffer, PyObject as CObject, PyTypeObject};
use crate::{proxy, pyerrors, pystate};
use rustpython_vm::builtins::{PyType, PyWeak};
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyRef, PyResult, VirtualMachine};
use std::ffi::c_int;

// The export list declares every export untyped, only to take its address.
#[allow(clashing_extern_declarations)]
unsafe extern "C" {
    fn PyObject_GetBuffer(obj: *mut CObject, view: *mut Py_buffer, flags: c_int) -> c_int;
    fn PyBuffer_Release(view: *mut Py_buffer);
}

/// `PyBUF_FULL_RO`: every field, writable or not.
const PYBUF_FULL_RO: c_int = 0x0004 | 0x0008 | 0x0010 | 0x0100;

#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut PyPickleBuffer_Type: PyTypeObject = unsafe { std::mem::zeroed() };

struct View {
    owner: PyRef<PyWeak>,
    view: Box<Py_buffer>,
}

static VIEWS: pystate::GilCell<Vec<View>> = pystate::GilCell::new(Vec::new());

fn pickle_buffer_type(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    vm.import("_pickle", 0)?.get_attr("PickleBuffer", vm)
}

/// Makes the static type object the face of `pickle.PickleBuffer` (run
/// once, by `crate::init`).
pub fn init_types(vm: &VirtualMachine) -> PyResult<()> {
    let ty = pickle_buffer_type(vm)?
        .downcast::<PyType>()
        .map_err(|_| vm.new_system_error("_pickle.PickleBuffer is not a type"))?;
    unsafe {
        proxy::register_static(&raw mut PyPickleBuffer_Type as *mut CObject, ty.as_object());
        crate::typeobject::fill(&raw mut PyPickleBuffer_Type, Box::leak(Box::default()), &ty, vm);
    }
    Ok(())
}

/// `obj` if it is a PickleBuffer, else CPython's TypeError.
fn pickle_buffer<'a>(obj: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a PyObject> {
    let ty = pickle_buffer_type(vm)?;
    match ty.downcast_ref::<PyType>() {
        Some(t) if obj.fast_isinstance(t) => Ok(obj),
        _ => Err(vm.new_type_error(format!("expected PickleBuffer, {} found", obj.class().name()))),
    }
}

/// Releases the views whose owner died, or (with `owner`) the view of `owner`.
fn release_views(owner: Option<&PyObject>) {
    // SAFETY: the GIL is held, and the borrow ends before the releases run.
    let views = unsafe { VIEWS.get() };
    let (gone, kept): (Vec<View>, Vec<View>) = std::mem::take(views).into_iter().partition(|v| match v.owner.upgrade() {
        None => true,
        Some(o) => owner.is_some_and(|w| o.is(w)),
    });
    *views = kept;
    for mut v in gone {
        unsafe { PyBuffer_Release(&mut *v.view) };
    }
}

capi! {
    fn PyPickleBuffer_FromObject(vm, obj: PyObjectRef) -> PyObjectRef {
        pickle_buffer_type(vm)?.call((obj,), vm)
    }

    /// The buffer of `obj`, valid until `PyPickleBuffer_Release(obj)` or its
    /// death; ValueError once released.
    fn PyPickleBuffer_GetBuffer(vm, obj: &PyObject) -> *const Py_buffer {
        let obj = pickle_buffer(obj, vm)?;
        release_views(None);
        // SAFETY: GIL held, borrow ends before any call.
        if let Some(v) = unsafe { VIEWS.get() }.iter().find(|v| v.owner.upgrade().is_some_and(|o| o.is(obj))) {
            return Ok(&*v.view as *const Py_buffer);
        }
        let memoryview = vm.ctx.types.memoryview_type.as_object().call((obj.to_owned(),), vm)?;
        let mut view: Box<Py_buffer> = Box::new(unsafe { std::mem::zeroed() });
        if unsafe { PyObject_GetBuffer(proxy::as_c(&memoryview, vm), &mut *view, PYBUF_FULL_RO) } < 0 {
            return Err(pyerrors::take().unwrap_or_else(|| vm.new_system_error("PyObject_GetBuffer failed without an error")));
        }
        let owner = obj.downgrade(None, vm)?;
        let p = &*view as *const Py_buffer;
        unsafe { VIEWS.get() }.push(View { owner, view });
        Ok(p)
    }

    fn PyPickleBuffer_Release(vm, obj: &PyObject) -> () {
        let obj = pickle_buffer(obj, vm)?;
        release_views(Some(obj));
        vm.call_method(obj, "release", ()).map(|_| ())
    }
}

