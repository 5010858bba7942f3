//! Generators, coroutines and async generators (`genobject.h`): the VM's
//! own objects; their types are exported as data (`PyGen_Type`, ...).

use crate::capi;
use rustpython_vm::{PyObject, PyObjectRef};

capi! {
    /// A new reference to the generator's code object (`gi_code`).
    fn PyGen_GetCode(vm, generator: &PyObject) -> PyObjectRef {
        if !generator.class().fast_issubclass(vm.ctx.types.generator_type) {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        generator.get_attr("gi_code", vm)
    }
}
