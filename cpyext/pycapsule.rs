//! Capsules (`pycapsule.h`): a C pointer carried through Python. The VM's
//! capsule holds the pointer, name and context; the destructor is ours, kept
//! beside the proxy and run with the proxy's pointer when the capsule dies
//! (the VM's own destructor hook would pass its object, not ours), and so is
//! a name `PyCapsule_SetName` gives (the VM's capsule cannot be renamed).

use crate::ffi::PyObject as CObject;
use crate::proxy::{self, Aux};
use crate::boundary::NewPtr;
use crate::{capi, pystate};
use rustpython_vm::{AsObject, PyObject, PyRef, PyResult, VirtualMachine, builtins::PyCapsule};
use std::ffi::{CStr, c_char, c_void};

type Destructor = Option<unsafe extern "C" fn(*mut CObject)>;

/// What the layer keeps of a capsule beside its proxy.
#[derive(Default)]
pub struct CapsuleState {
    /// Run with the proxy when the capsule dies.
    pub destructor: Destructor,
    /// The name `PyCapsule_SetName` gave it (which may be NULL).
    pub renamed: Option<*const c_char>,
}

/// The state of the capsule proxy `p`, made on first use.
unsafe fn state(p: *mut CObject) -> &'static mut CapsuleState {
    unsafe {
        match proxy::aux(p) {
            Some(Aux::Capsule(s)) => s,
            _ => {
                proxy::set_aux(p, Aux::Capsule(CapsuleState::default()));
                state(p)
            }
        }
    }
}

fn capsule<'a>(o: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a rustpython_vm::Py<PyCapsule>> {
    o.downcast_ref::<PyCapsule>()
        .ok_or_else(|| vm.new_value_error("PyCapsule_GetPointer called with invalid PyCapsule object"))
}

/// The capsule's name: the one `PyCapsule_SetName` gave it, else its own.
fn name_of(o: &PyObject, c: &PyCapsule, vm: &VirtualMachine) -> *const c_char {
    match unsafe { proxy::aux(proxy::as_c(o, vm)) } {
        Some(Aux::Capsule(CapsuleState { renamed: Some(name), .. })) => *name,
        _ => c.name().map_or(std::ptr::null(), CStr::as_ptr),
    }
}

/// CPython's `name_matches`: both NULL, or the same string.
fn name_matches(a: *const c_char, b: *const c_char) -> bool {
    if a.is_null() || b.is_null() {
        return a == b;
    }
    unsafe { CStr::from_ptr(a) == CStr::from_ptr(b) }
}

fn pointer_of(o: &PyObject, name: *const c_char, vm: &VirtualMachine) -> PyResult<*mut c_void> {
    let c = capsule(o, vm)?;
    if c.pointer().is_null() {
        return Err(vm.new_value_error("PyCapsule_GetPointer called with invalid PyCapsule object"));
    }
    if !name_matches(name_of(o, c, vm), name) {
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
        if destructor.is_some() {
            unsafe { state(p).destructor = destructor };
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
        Ok(name_of(o, capsule(o, vm)?, vm))
    }

    /// `name` must outlive the capsule, as CPython requires.
    fn PyCapsule_SetName(vm, o: *mut CObject, name: *const c_char) -> () {
        let invalid = || vm.new_value_error("PyCapsule_SetName called with invalid PyCapsule object");
        if o.is_null() {
            return Err(invalid());
        }
        let obj = unsafe { proxy::from_c_ref(o, vm)? };
        if obj.downcast_ref::<PyCapsule>().is_none_or(|c| c.pointer().is_null()) {
            return Err(invalid());
        }
        unsafe { state(o).renamed = Some(name) };
        Ok(())
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
        Ok(o.downcast_ref::<PyCapsule>().is_some_and(|c| !c.pointer().is_null() && name_matches(name_of(&o, c, vm), name)) as i32)
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

/// CPython's `is_legal_capsule`: a capsule with a pointer, else ValueError
/// "<function> called with invalid PyCapsule object".
fn legal_capsule(o: *mut CObject, function: &str, vm: &VirtualMachine) -> PyResult<()> {
    let invalid = || vm.new_value_error(format!("{function} called with invalid PyCapsule object"));
    if o.is_null() {
        return Err(invalid());
    }
    let obj = unsafe { proxy::from_c_ref(o, vm)? };
    match obj.downcast_ref::<PyCapsule>() {
        Some(c) if !c.pointer().is_null() => Ok(()),
        _ => Err(invalid()),
    }
}

capi! {
    /// The destructor C gave (NULL for none: then without an exception).
    fn PyCapsule_GetDestructor(vm, o: *mut CObject) -> *mut c_void {
        legal_capsule(o, "PyCapsule_GetDestructor", vm)?;
        let destructor = match unsafe { proxy::aux(o) } {
            Some(Aux::Capsule(s)) => s.destructor,
            _ => None,
        };
        Ok(destructor.map_or(std::ptr::null_mut(), |f| f as *mut c_void))
    }

    /// Replaces the destructor run when the capsule dies (NULL: none).
    fn PyCapsule_SetDestructor(vm, o: *mut CObject, destructor: *mut c_void) -> () {
        legal_capsule(o, "PyCapsule_SetDestructor", vm)?;
        let destructor: Destructor = unsafe { std::mem::transmute(destructor) };
        unsafe { state(o).destructor = destructor };
        Ok(())
    }
}
