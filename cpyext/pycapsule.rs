//! Capsules (`pycapsule.h`): a C pointer carried through Python. The VM's
//! capsule holds the pointer, name and context; the destructor is ours, kept
//! beside the proxy and run with the proxy's pointer when the capsule dies
//! (the VM's own destructor hook would pass its object, not ours).

use crate::ffi::PyObject as CObject;
use crate::proxy::{self, Aux};
use crate::boundary::NewPtr;
use crate::{capi, pystate};
use rustpython_vm::{AsObject, PyObject, PyRef, PyResult, VirtualMachine, builtins::PyCapsule};
use std::ffi::{CStr, c_char, c_void};

type Destructor = Option<unsafe extern "C" fn(*mut CObject)>;

fn capsule<'a>(o: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a rustpython_vm::Py<PyCapsule>> {
    o.downcast_ref::<PyCapsule>()
        .ok_or_else(|| vm.new_value_error("PyCapsule_GetPointer called with invalid PyCapsule object"))
}

/// Whether `name` is the capsule's name (both may be NULL).
fn name_matches(c: &PyCapsule, name: *const c_char) -> bool {
    match (c.name(), name.is_null()) {
        (None, true) => true,
        (Some(n), false) => n == unsafe { CStr::from_ptr(name) },
        _ => false,
    }
}

fn pointer_of(o: &PyObject, name: *const c_char, vm: &VirtualMachine) -> PyResult<*mut c_void> {
    let c = capsule(o, vm)?;
    if c.pointer().is_null() {
        return Err(vm.new_value_error("PyCapsule_GetPointer called with invalid PyCapsule object"));
    }
    if !name_matches(c, name) {
        return Err(vm.new_value_error("PyCapsule_GetPointer called with incorrect name"));
    }
    Ok(c.pointer())
}

capi! {
    /// `name` must outlive the capsule, as CPython requires.
    fn PyCapsule_New(vm, pointer: *mut c_void, name: *const c_char, destructor: *mut c_void) -> NewPtr {
        let destructor: Destructor = unsafe { std::mem::transmute(destructor) };
        if pointer.is_null() {
            return Err(vm.new_value_error("PyCapsule_New called with null pointer"));
        }
        let name: Option<&'static CStr> = (!name.is_null()).then(|| unsafe { CStr::from_ptr(name) });
        let c = PyRef::new_ref(PyCapsule::new(pointer, name, None), vm.ctx.types.capsule_type.to_owned(), None);
        let p = proxy::to_c_new(c.as_object(), vm);
        if let Some(d) = destructor {
            unsafe { proxy::set_aux(p, Aux::Capsule(d)) };
        }
        Ok(NewPtr(p))
    }

    fn PyCapsule_GetPointer(vm, o: &PyObject, name: *const c_char) -> *mut c_void {
        pointer_of(o, name, vm)
    }

    fn PyCapsule_SetPointer(vm, o: &PyObject, pointer: *mut c_void) -> () {
        if pointer.is_null() {
            return Err(vm.new_value_error("PyCapsule_SetPointer called with null pointer"));
        }
        capsule(o, vm)?.set_pointer(pointer);
        Ok(())
    }

    fn PyCapsule_GetName(vm, o: &PyObject) -> *const c_char {
        Ok(capsule(o, vm)?.name().map_or(std::ptr::null(), CStr::as_ptr))
    }

    fn PyCapsule_GetContext(vm, o: &PyObject) -> *mut c_void {
        Ok(capsule(o, vm)?.context())
    }

    fn PyCapsule_SetContext(vm, o: &PyObject, context: *mut c_void) -> () {
        capsule(o, vm)?.set_context(context);
        Ok(())
    }

    fn PyCapsule_IsValid(vm, o: *mut CObject, name: *const c_char) -> i32 {
        if o.is_null() {
            return Ok(0);
        }
        let o = unsafe { proxy::from_c(o, vm)? };
        Ok(o.downcast_ref::<PyCapsule>().is_some_and(|c| !c.pointer().is_null() && name_matches(c, name)) as i32)
    }

    /// Imports the first component of `name`, follows the rest as
    /// attributes, and returns the pointer of the capsule found there, whose
    /// name must be `name` itself.
    fn PyCapsule_Import(vm, name: &CStr, _no_block: i32) -> *mut c_void {
        let path = name.to_str().map_err(|_| vm.new_value_error("capsule name is not UTF-8"))?;
        let mut parts = path.split('.');
        let first = vm.ctx.new_str(parts.next().unwrap_or_default());
        let mut obj = pystate::without_gil(|| vm.import(&first, 0))?;
        for part in parts {
            obj = obj.get_attr(vm.ctx.intern_str(part), vm)?;
        }
        pointer_of(&obj, name.as_ptr(), vm)
            .map_err(|_| vm.new_attribute_error(format!("PyCapsule_Import \"{path}\" is not valid")))
    }
}
