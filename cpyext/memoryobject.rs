//! memoryview objects (`memoryobject.h`): the VM's memoryview, over a VM
//! exporter or over memory C describes (`pybuffer::from_c_memory`).

use crate::boundary::bad_internal_call;
use crate::capi;
use crate::ffi::Py_buffer;
use rustpython_vm::{
    PyObject, PyObjectRef, PyPayload, PyResult, VirtualMachine,
    builtins::PyMemoryView,
    protocol::{BufferDescriptor, PyBuffer, VecBuffer},
};
use std::ffi::{c_char, c_int};
use std::ptr::null_mut;

const PYBUF_READ: c_int = 0x100;
const PYBUF_WRITE: c_int = 0x200;

/// CPython 3.14's `PyMemoryViewObject`: of its fields only `view` is kept
/// (`PyMemoryView_GET_BUFFER`, `PyMemoryView_GET_BASE`: numpy reads a
/// memoryview's format, shape and strides there).
#[repr(C)]
struct Memory {
    ob_base: crate::ffi::PyVarObject,
    mbuf: *mut std::ffi::c_void,
    hash: isize,
    flags: c_int,
    exports: isize,
    view: Py_buffer,
    weakreflist: *mut crate::ffi::PyObject,
    ob_array: [isize; 1],
}

/// A memoryview's memory holds the view it looks at, filled when it first
/// crosses.
pub static LAYOUT: crate::proxy::Layout = crate::proxy::Layout {
    flag: 0,
    create: |obj, tp, vm| {
        let m = obj.downcast_ref::<PyMemoryView>()?;
        Some(unsafe {
            let p = crate::proxy::alloc(size_of::<Memory>(), tp);
            if !p.is_null() {
                let view = &raw mut (*(p as *mut Memory)).view;
                // A view that cannot be described keeps a zeroed view.
                let _ = crate::pybuffer::fill_own_view(view, &m.clone_buffer(), m.viewed_object(), vm);
            }
            p
        })
    },
    realize: None,
    release: Some(|op| unsafe { crate::pybuffer::release_own_view(&raw mut (*(op as *mut Memory)).view) }),
};

fn memoryview(buffer: PyBuffer, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    Ok(PyMemoryView::from_buffer(buffer, vm)?.into_ref(&vm.ctx).into())
}

/// A read-only copy of `buffer`'s items laid out in `order` (`'C'` or
/// `'F'`), keeping its shape and format.
fn contiguous_copy(buffer: &PyBuffer, order: u8, vm: &VirtualMachine) -> PyBuffer {
    let desc = &buffer.desc;
    let mut data = Vec::with_capacity(desc.len);
    let bytes = buffer.obj_bytes();
    let mut take = |r: std::ops::Range<isize>| data.extend_from_slice(&bytes[r.start as usize..r.end as usize]);
    let mut copy = desc.contiguous();
    if order == b'F' {
        desc.for_each_segment_fortran(&mut take);
        let mut stride = desc.itemsize as isize;
        for d in copy.dim_desc.iter_mut() {
            d.1 = stride;
            stride *= d.0 as isize;
        }
    } else {
        desc.for_each_segment(true, &mut take);
    }
    drop(bytes);
    copy.readonly = true;
    VecBuffer::from(data).into_ref(&vm.ctx).into_pybuffer_with_descriptor(copy)
}

fn is_contiguous(desc: &BufferDescriptor, order: u8) -> bool {
    match order {
        b'C' => desc.is_contiguous(),
        b'F' => desc.is_fortran_contiguous(),
        _ => desc.is_contiguous() || desc.is_fortran_contiguous(),
    }
}

capi! {
    fn PyMemoryView_FromObject(vm, base: &PyObject) -> PyObjectRef {
        Ok(PyMemoryView::from_object(base, vm)?.into_ref(&vm.ctx).into())
    }

    /// A view on C memory that owns nothing: `PyBUF_READ` is read-only,
    /// `PyBUF_WRITE` writable.
    fn PyMemoryView_FromMemory(vm, mem: *mut c_char, size: isize, flags: c_int) -> PyObjectRef {
        let readonly = match flags {
            PYBUF_READ => 1,
            PYBUF_WRITE => 0,
            _ => return Err(bad_internal_call(vm)),
        };
        if mem.is_null() || size < 0 {
            return Err(bad_internal_call(vm));
        }
        let view = Py_buffer {
            buf: mem.cast(),
            obj: null_mut(),
            len: size,
            itemsize: 1,
            readonly,
            ndim: 1,
            format: null_mut(),
            shape: null_mut(),
            strides: null_mut(),
            suboffsets: null_mut(),
            internal: null_mut(),
        };
        memoryview(crate::pybuffer::from_c_memory(view, vm)?, vm)
    }

    /// A view described by `info`, which it copies; it owns nothing (its
    /// `obj` is None, as in CPython).
    unsafe fn PyMemoryView_FromBuffer(vm, info: *const Py_buffer) -> PyObjectRef {
        let Some(info) = info.as_ref() else { return Err(bad_internal_call(vm)) };
        if info.buf.is_null() {
            return Err(vm.new_value_error("PyMemoryView_FromBuffer(): info->buf must not be NULL"));
        }
        memoryview(crate::pybuffer::from_c_memory(std::ptr::read(info), vm)?, vm)
    }

    /// A view of `base` laid out in `order`: `base`'s own when it already
    /// is, else (for reading only) a copy.
    fn PyMemoryView_GetContiguous(vm, base: &PyObject, buffertype: c_int, order: c_char) -> PyObjectRef {
        let order = order as u8;
        if !matches!(buffertype, PYBUF_READ | PYBUF_WRITE) || !matches!(order, b'C' | b'F' | b'A') {
            return Err(bad_internal_call(vm));
        }
        let mv = PyMemoryView::from_object(base, vm)?;
        let buffer = mv.clone_buffer();
        if buffertype == PYBUF_WRITE && buffer.desc.readonly {
            return Err(vm.new_buffer_error("underlying buffer is not writable"));
        }
        if is_contiguous(&buffer.desc, order) {
            return Ok(mv.into_ref(&vm.ctx).into());
        }
        if buffertype == PYBUF_WRITE {
            return Err(vm.new_buffer_error("writable contiguous buffer requested for a non-contiguous object."));
        }
        memoryview(contiguous_copy(&buffer, if order == b'F' { b'F' } else { b'C' }, vm), vm)
    }
}
