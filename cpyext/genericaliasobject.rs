//! `types.GenericAlias` (`genericaliasobject.h`).

use crate::capi;
use rustpython_vm::{PyObjectRef, PyPayload, builtins::PyGenericAlias};

capi! {
    /// `types.GenericAlias(origin, args)`: a tuple `args` is the alias's
    /// arguments, anything else is the one argument (as CPython).
    fn Py_GenericAlias(vm, origin: PyObjectRef, args: PyObjectRef) -> PyObjectRef {
        Ok(PyGenericAlias::from_args(origin, args, vm)?.into_ref(&vm.ctx).into())
    }
}
