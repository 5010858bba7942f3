//! Context variables (`context.h`, PEP 567), through the VM's
//! `_contextvars` objects: `Context`, `ContextVar`, `Token`.
//!
//! `PyContext_Enter`/`Exit` have no Python-level counterpart (Python enters
//! a context only for the length of `Context.run`), so they work on the
//! VM's context stack (`vm.context_stack`) directly. A context entered from
//! C is recorded here, so that a second `PyContext_Enter` of it (on any
//! thread) is CPython's RuntimeError; what RustPython's own `Context.run`
//! checks (its private "entered" flag) does not see C's entering, so
//! `ctx.run(...)` of a context C has entered is not refused as CPython
//! refuses it.

use crate::capi;
use crate::ffi::{PyObject as CObject, PyTypeObject};
use crate::proxy;
use crate::pystate::GilCell;
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine};
use std::ffi::CStr;

#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut PyContext_Type: PyTypeObject = unsafe { std::mem::zeroed() };
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut PyContextVar_Type: PyTypeObject = unsafe { std::mem::zeroed() };
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut PyContextToken_Type: PyTypeObject = unsafe { std::mem::zeroed() };

/// Makes the three static type objects the faces of `_contextvars`'s
/// classes (run once, by `crate::init`).
pub fn init_types(vm: &VirtualMachine) -> PyResult<()> {
    let module = vm.import("_contextvars", 0)?;
    let statics: [(*mut PyTypeObject, &str); 3] = [
        (&raw mut PyContext_Type, "Context"),
        (&raw mut PyContextVar_Type, "ContextVar"),
        (&raw mut PyContextToken_Type, "Token"),
    ];
    let mut types = Vec::new();
    for (sym, name) in statics {
        let ty = module
            .get_attr(name, vm)?
            .downcast::<rustpython_vm::builtins::PyType>()
            .map_err(|_| vm.new_system_error(format!("_contextvars.{name} is not a type")))?;
        unsafe { proxy::register_static(sym as *mut CObject, ty.as_object()) };
        types.push((sym, ty));
    }
    for (sym, ty) in types {
        unsafe { crate::typeobject::fill(sym, Box::leak(Box::default()), &ty, vm) };
    }
    Ok(())
}

fn class(name: &str, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    vm.import("_contextvars", 0)?.get_attr(&*vm.ctx.new_str(name), vm)
}

/// `obj` if it is an instance of `_contextvars.<name>`, else CPython's
/// TypeError ("an instance of Context was expected").
fn ensure(obj: &PyObject, name: &str, vm: &VirtualMachine) -> PyResult<()> {
    let cls = class(name, vm)?;
    if obj.class().is(&cls) {
        Ok(())
    } else {
        Err(vm.new_type_error(format!("an instance of {name} was expected")))
    }
}

/// The contexts C has entered and not exited yet (their VM objects, by
/// address): a context is entered by one thread at a time.
static ENTERED: GilCell<Vec<PyObjectRef>> = GilCell::new(Vec::new());

fn entered() -> &'static mut Vec<PyObjectRef> {
    // SAFETY: with the GIL held, and no borrow lives across a call into the VM.
    unsafe { ENTERED.get() }
}

capi! {
    fn PyContext_New(vm) -> PyObjectRef {
        class("Context", vm)?.call((), vm)
    }

    fn PyContext_Copy(vm, ctx: PyObjectRef) -> PyObjectRef {
        ensure(&ctx, "Context", vm)?;
        vm.call_method(&ctx, "copy", ())
    }

    fn PyContext_CopyCurrent(vm) -> PyObjectRef {
        vm.import("_contextvars", 0)?.get_attr("copy_context", vm)?.call((), vm)
    }

    /// Pushes `ctx` on this thread's context stack. `ctx.run(noop)` first:
    /// it is refused as CPython refuses it when Python is running in `ctx`
    /// now, and it records in `ctx` where it sits on the stack (RustPython's
    /// ContextVar cache reads that).
    fn PyContext_Enter(vm, ctx: PyObjectRef) -> () {
        ensure(&ctx, "Context", vm)?;
        let already = entered().iter().any(|c| c.is(&ctx)) || vm.context_stack.borrow().iter().any(|c| c.is(&ctx));
        if already {
            return Err(vm.new_runtime_error(format!("cannot enter context: {} is already entered", ctx.repr(vm)?)));
        }
        let noop = vm.new_function("_cpyext_context_enter", || ());
        vm.call_method(&ctx, "run", (noop,))?;
        vm.context_stack.borrow_mut().push(ctx.clone());
        entered().push(ctx);
        Ok(())
    }

    fn PyContext_Exit(vm, ctx: PyObjectRef) -> () {
        ensure(&ctx, "Context", vm)?;
        let Some(i) = entered().iter().position(|c| c.is(&ctx)) else {
            return Err(vm.new_runtime_error(format!("cannot exit context: {} has not been entered", ctx.repr(vm)?)));
        };
        let top = vm.context_stack.borrow().last().is_some_and(|c| c.is(&ctx));
        if !top {
            return Err(vm.new_runtime_error("cannot exit context: thread state references a different context object"));
        }
        let popped = vm.context_stack.borrow_mut().pop();
        let mine = entered().swap_remove(i);
        drop(popped);
        drop(mine);
        Ok(())
    }

    /// `def` may be NULL: the variable then has no default.
    fn PyContextVar_New(vm, name: &CStr, def: Option<PyObjectRef>) -> PyObjectRef {
        let name = vm.ctx.new_str(name.to_str().map_err(|_| vm.new_value_error("the C string is not valid UTF-8"))?);
        let cls = class("ContextVar", vm)?;
        let kwargs: rustpython_vm::function::KwArgs = def.into_iter().map(|d| ("default".to_owned(), d)).collect();
        cls.call(rustpython_vm::function::FuncArgs::new(vec![name.into()], kwargs), vm)
    }

    /// `*value` is a new reference to the variable's value in the current
    /// context, else `default_value`, else the variable's default, else
    /// NULL (and 0 is returned: no value is not an error).
    unsafe fn PyContextVar_Get(vm, var: PyObjectRef, default_value: Option<PyObjectRef>, value: *mut *mut CObject) -> () {
        if value.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        *value = std::ptr::null_mut();
        ensure(&var, "ContextVar", vm)?;
        let got = match default_value {
            Some(d) => vm.call_method(&var, "get", (d,)),
            None => vm.call_method(&var, "get", ()),
        };
        match got {
            Ok(v) => *value = proxy::to_c_new(&v, vm),
            // RustPython's `get` raises LookupError only for "no value and no default".
            Err(e) if e.fast_isinstance(vm.ctx.exceptions.lookup_error) => {}
            Err(e) => return Err(e),
        }
        Ok(())
    }

    fn PyContextVar_Set(vm, var: PyObjectRef, value: PyObjectRef) -> PyObjectRef {
        ensure(&var, "ContextVar", vm)?;
        vm.call_method(&var, "set", (value,))
    }

    fn PyContextVar_Reset(vm, var: PyObjectRef, token: PyObjectRef) -> () {
        ensure(&var, "ContextVar", vm)?;
        ensure(&token, "Token", vm)?;
        vm.call_method(&var, "reset", (token,)).map(drop)
    }
}
