//! Bytearrays (`bytearrayobject.h`).

use crate::capi;
use rustpython_vm::{PyObjectRef, PyRef, PyResult, VirtualMachine, builtins::PyByteArray};
use std::ffi::c_char;

fn as_bytearray(o: PyObjectRef, vm: &VirtualMachine) -> PyResult<PyRef<PyByteArray>> {
    o.downcast::<PyByteArray>().map_err(|_| crate::boundary::bad_internal_call(vm))
}

capi! {
    fn PyByteArray_FromStringAndSize(vm, data: *const c_char, size: isize) -> PyObjectRef {
        if size < 0 {
            return Err(vm.new_system_error("Negative size passed to PyByteArray_FromStringAndSize"));
        }
        let bytes = if data.is_null() {
            vec![0; size as usize]
        } else {
            unsafe { std::slice::from_raw_parts(data as *const u8, size as usize) }.to_vec()
        };
        Ok(PyRef::new_ref(PyByteArray::from(bytes), vm.ctx.types.bytearray_type.to_owned(), None).into())
    }

    fn PyByteArray_Size(vm, o: PyObjectRef) -> isize {
        Ok(as_bytearray(o, vm)?.borrow_buf().len() as isize)
    }

    /// The buffer of the bytearray, valid until it is resized. Unlike
    /// CPython's it has no trailing NUL.
    fn PyByteArray_AsString(vm, o: PyObjectRef) -> *mut c_char {
        let b = as_bytearray(o, vm)?;
        let p = b.borrow_buf().as_ptr() as *mut c_char;
        Ok(p)
    }
}
