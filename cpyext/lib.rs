//! cpyext: CPython's C API for RustPython.
//!
//! See `../shared/DESIGN.md` for the architecture. The map: `proxy` is the
//! object model (the one link between VM objects and `PyObject*`), `boundary`
//! is the one way an API function is exported, `pystate` is the GIL, and each
//! other module is one C-API family named after the CPython header it mirrors.

pub mod boundary;
/// The generated list of every exported symbol (see `build.rs`).
pub mod exports {
    include!(concat!(env!("OUT_DIR"), "/exports.rs"));
}
pub mod ffi;
pub mod proxy;
pub mod pystate;
pub mod slots;

pub mod abstract_;
pub mod bytearrayobject;
pub mod bytesobject;
pub mod ceval;
pub mod classobject;
pub mod cpyextmodule;
pub mod descrobject;
pub mod dictobject;
pub mod floatobject;
pub mod gcmodule;
pub mod import;
pub mod listobject;
pub mod longobject;
pub mod methodobject;
pub mod moduleobject;
pub mod object;
pub mod objimpl;
pub mod overrides;
pub mod pycapsule;
pub mod pyerrors;
pub mod pymem;
pub mod sysmodule;
pub mod tupleobject;
pub mod typeobject;
pub mod unicodeobject;
pub mod warnings;
pub mod weakrefobject;

use rustpython::InterpreterBuilderExt;
use rustpython_vm::{InterpreterBuilder, PyResult, VirtualMachine};
use std::sync::atomic::{AtomicBool, Ordering};

static READY: AtomicBool = AtomicBool::new(false);

/// Makes the static objects C sees (singletons, builtin types, exception
/// pointers) the faces of the VM's. Runs once, before the first extension loads.
pub fn init(vm: &VirtualMachine) -> PyResult<()> {
    if READY.load(Ordering::Acquire) {
        return Ok(());
    }
    pystate::enter(vm, || {
        if READY.load(Ordering::Relaxed) {
            return Ok(());
        }
        typeobject::init_moduledef_type();
        typeobject::init_static_types(vm);
        object::init_singletons(vm);
        pyerrors::init_exceptions(vm)?;
        READY.store(true, Ordering::Release);
        Ok(())
    })
}

/// An interpreter with the standard library and C extension support.
pub fn interpreter_builder() -> InterpreterBuilder {
    let builder = InterpreterBuilder::new().init_stdlib();
    let mut modules = overrides::module_defs(&builder.ctx);
    modules.push(cpyextmodule::module_def(&builder.ctx));
    builder.add_native_modules(&modules)
}
