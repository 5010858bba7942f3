//! Sequence and callable iterators (`iterobject.h`).

use crate::capi;
use rustpython_vm::{
    PyObjectRef, PyPayload, TryFromObject,
    builtins::{PyCallableIterator, PyDict, PySequenceIterator},
    function::ArgCallable,
};

capi! {
    /// The VM's sequence iterator (`iter`'s for objects without
    /// `__iter__`): `seq[0]`, `seq[1]`, ... until IndexError, whether or not
    /// `seq` has `__iter__`. Not a sequence (`PySequence_Check`):
    /// `PyErr_BadInternalCall`, as CPython.
    fn PySeqIter_New(vm, seq: PyObjectRef) -> PyObjectRef {
        if seq.downcast_ref::<PyDict>().is_some() || !seq.sequence_unchecked().check() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        Ok(PySequenceIterator::new(seq, vm)?.into_ref(&vm.ctx).into())
    }
}

capi! {
    /// The VM's callable iterator (`iter(callable, sentinel)`): calls
    /// `callable()` until it returns `sentinel`.
    fn PyCallIter_New(vm, callable: PyObjectRef, sentinel: PyObjectRef) -> PyObjectRef {
        let callable = ArgCallable::try_from_object(vm, callable)?;
        Ok(PyCallableIterator::new(callable, sentinel).into_ref(&vm.ctx).into())
    }
}
