//! Bytearrays (`bytearrayobject.h`). The buffer is the VM bytearray's; its
//! memory C sees is CPython's `PyByteArrayObject`, whose `ob_size` and
//! `ob_bytes`/`ob_start` are current whenever C has the bytearray (updated
//! as it crosses into C and after the API resizes it). `PyByteArray_AsString`
//! leaves a NUL after the last byte, as CPython's buffer has.

use crate::capi;
use crate::ffi::{self, PyObject as CObject};
use rustpython_vm::{
    AsObject, PyObject, PyObjectRef, PyRef, PyResult, TryFromBorrowedObject, VirtualMachine,
    builtins::PyByteArray,
    protocol::{BufferResizeGuard, PyBuffer},
};
use std::ffi::c_char;

fn as_bytearray(o: PyObjectRef, vm: &VirtualMachine) -> PyResult<PyRef<PyByteArray>> {
    o.downcast::<PyByteArray>().map_err(|_| crate::boundary::bad_internal_call(vm))
}

/// What CPython's macros read for an empty bytearray.
#[unsafe(no_mangle)]
pub static _PyByteArray_empty_string: [c_char; 1] = [0];

/// The buffer's address, with a NUL after its last byte. Room for the NUL
/// is made only while nothing has the buffer exported: growing it would
/// move the memory an export points at.
fn nul_terminated(b: &PyByteArray) -> *mut c_char {
    if b.try_resizable_opt().is_some() {
        let mut buf = b.borrow_buf_mut();
        if buf.capacity() == buf.len() {
            buf.reserve(1);
        }
    }
    let mut buf = b.borrow_buf_mut();
    let len = buf.len();
    if buf.capacity() > len {
        // SAFETY: within the allocation, past the bytes the VM sees.
        unsafe { *buf.as_mut_ptr().add(len) = 0 };
    }
    buf.as_mut_ptr() as *mut c_char
}

// ---------------------------------------------------------------------------
// Layout

pub static LAYOUT: crate::proxy::Layout = crate::proxy::Layout {
    flag: 0,
    create: |obj, tp, _vm| {
        obj.downcast_ref::<PyByteArray>().map(|_| unsafe {
            let p = crate::proxy::alloc(std::mem::size_of::<ffi::PyByteArrayObject>(), tp);
            if !p.is_null() {
                crate::proxy::set_flag(p, crate::proxy::FLAG_SYNCED, true);
                sync(p, obj);
            }
            p
        })
    },
    realize: None,
    release: None,
};

/// Makes the memory `p` of `obj`, if it is a bytearray, say its length and
/// where its bytes are.
#[inline]
pub fn sync(p: *mut CObject, obj: &PyObject) {
    if let Some(b) = obj.downcast_ref::<PyByteArray>() {
        let buf = b.borrow_buf();
        unsafe {
            let m = &mut *(p as *mut ffi::PyByteArrayObject);
            m.ob_base.ob_size = buf.len() as isize;
            m.ob_alloc = buf.len() as isize + 1;
            m.ob_bytes = buf.as_ptr() as *mut c_char;
            m.ob_start = m.ob_bytes;
        }
    }
}

fn resync(o: &PyObject) {
    if let Some(p) = crate::proxy::existing(o) {
        sync(p, o);
    }
}

capi! {
    /// `bytearray(o)` for a buffer or an iterable of ints.
    fn PyByteArray_FromObject(vm, o: PyObjectRef) -> PyObjectRef {
        vm.ctx.types.bytearray_type.as_object().call((o,), vm)
    }

    /// A new bytearray of the bytes of two buffers.
    fn PyByteArray_Concat(vm, a: &PyObject, b: &PyObject) -> PyObjectRef {
        let buffer = |o: &PyObject| {
            PyBuffer::try_from_borrowed_object(vm, o).map_err(|_| {
                vm.new_type_error(format!("can't concat {} to {}", b.class().name(), a.class().name()))
            })
        };
        let (x, y) = (buffer(a)?, buffer(b)?);
        let mut bytes = Vec::new();
        x.append_to(&mut bytes);
        y.append_to(&mut bytes);
        Ok(PyRef::new_ref(PyByteArray::from(bytes), vm.ctx.types.bytearray_type.to_owned(), None).into())
    }

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

    /// The buffer, NUL-terminated, valid until the bytearray is resized.
    fn PyByteArray_AsString(vm, o: PyObjectRef) -> *mut c_char {
        let b = as_bytearray(o, vm)?;
        let p = nul_terminated(&b);
        resync(b.as_object());
        Ok(p)
    }

    /// New bytes are zero (CPython leaves them undefined); a bytearray with
    /// buffers exported cannot be resized.
    fn PyByteArray_Resize(vm, o: PyObjectRef, len: isize) -> () {
        let b = as_bytearray(o, vm)?;
        if len < 0 {
            return Err(vm.new_value_error(format!("Can only resize to positive sizes, got {len}")));
        }
        // Refused while a buffer is exported, with the VM's own message.
        drop(b.try_resizable(vm)?);
        b.borrow_buf_mut().resize(len as usize, 0);
        resync(b.as_object());
        Ok(())
    }
}
