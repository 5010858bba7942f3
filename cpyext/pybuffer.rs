//! The buffer protocol (`pybuffer.h`, PEP 3118) across the boundary: the
//! VM's `PyBuffer` and C's `Py_buffer` over the same memory.
//!
//! A VM exporter seen from C (bytes, bytearray, memoryview, array.array,
//! mmap, a class with `__buffer__`): its type's C face has [`vm_getbuffer`]
//! and [`vm_releasebuffer`] (`slots::SLOTDEFS` ids 1 and 2). The VM's
//! buffer stays acquired, boxed in `view->internal`, until C releases the
//! view, so the exporter stays locked as in CPython (a bytearray cannot
//! resize) and `buf` stays valid.
//!
//! A C exporter seen from the VM (a C type's `bf_getbuffer`,
//! `PyMemoryView_FromBuffer`/`FromMemory`): [`from_c_export`] keeps C's
//! `Py_buffer` in a [`CExport`], the object of the VM's buffer, and hands
//! it to `PyBuffer_Release` when the VM's last share of the buffer goes.
//! `memoryview.obj` reports the C exporter, not the carrier ([`init`]).
//!
//! What works on `Py_buffer` memory alone (`PyObject_GetBuffer`'s dispatch
//! through `tp_as_buffer`, `PyBuffer_Release`, `PyBuffer_FillInfo`,
//! contiguity, copies) is C, in `shims/pybuffer.c`, as in CPython's
//! `abstract.c`.

use crate::boundary::{Void, bad_internal_call};
use crate::ffi::Py_buffer;
use crate::{proxy, pyerrors, pystate};
use parking_lot::Mutex;
use rustpython_vm::{
    PyObject, PyObjectRef, PyPayload, PyResult, VirtualMachine,
    builtins::PyMemoryView,
    common::borrow::{BorrowedValue, BorrowedValueMut},
    protocol::{BufferDescriptor, BufferFlags, BufferMethods, PyBuffer},
};
use std::borrow::Cow;
use std::cell::UnsafeCell;
use std::collections::HashSet;
use std::ffi::{CStr, CString, c_char, c_int};
use std::ptr::null_mut;
use std::sync::LazyLock;

// The export list declares every export untyped, only to take its address.
#[allow(clashing_extern_declarations)]
unsafe extern "C" {
    fn PyBuffer_Release(view: *mut Py_buffer);
}

// ---------------------------------------------------------------------------
// VM exporters, seen from C

/// What C's view on a VM export keeps alive, in `view->internal`: the
/// acquisition, and the arrays `format`, `shape` and `strides` point into.
struct VmView {
    /// None for a memoryview's own view, which its memoryview's share keeps.
    _buffer: Option<PyBuffer>,
    format: CString,
    shape: Vec<isize>,
    strides: Vec<isize>,
}

/// The `internal` of every view [`vm_getbuffer`] filled that C has not
/// released: a view other code filled for a VM object (`PyBuffer_FillInfo`)
/// has an `internal` of its own, never ours to free.
static VM_VIEWS: LazyLock<Mutex<HashSet<usize>>> = LazyLock::new(Default::default);

/// The requests an export that is not laid out as asked refuses, with
/// CPython's messages (`memory_getbuf`).
fn check_request(desc: &BufferDescriptor, flags: BufferFlags, is_memoryview: bool, vm: &VirtualMachine) -> PyResult<()> {
    let c = desc.is_contiguous();
    let f = desc.is_fortran_contiguous();
    if flags.contains(BufferFlags::C_CONTIGUOUS) && !c {
        return Err(vm.new_buffer_error("memoryview: underlying buffer is not C-contiguous"));
    }
    if flags.contains(BufferFlags::F_CONTIGUOUS) && !f {
        return Err(vm.new_buffer_error("memoryview: underlying buffer is not Fortran contiguous"));
    }
    if flags.contains(BufferFlags::ANY_CONTIGUOUS) && !c && !f {
        return Err(vm.new_buffer_error("memoryview: underlying buffer is not contiguous"));
    }
    if !flags.contains(BufferFlags::STRIDES) && !c {
        return Err(vm.new_buffer_error("memoryview: underlying buffer is not C-contiguous"));
    }
    if is_memoryview && !flags.contains(BufferFlags::ND) && flags.contains(BufferFlags::FORMAT) {
        return Err(vm.new_buffer_error("memoryview: cannot cast to unsigned bytes if the format flag is present"));
    }
    Ok(())
}

/// Fills C's `view` from the VM's acquisition `buffer` of `o`, keeping the
/// acquisition in `view->internal`.
unsafe fn fill_view(view: *mut Py_buffer, buffer: PyBuffer, o: &PyObject, flags: BufferFlags, vm: &VirtualMachine) -> PyResult<()> {
    check_request(&buffer.desc, flags, o.downcastable::<PyMemoryView>(), vm)?;
    unsafe { fill_unchecked(view, &buffer, o, flags, vm)? };
    unsafe { (*((*view).internal as *mut VmView))._buffer = Some(buffer) };
    Ok(())
}

/// Fills the `Py_buffer` a memoryview's memory holds (`PyMemoryView_GET_
/// BUFFER`) from `buffer`, as the view sees its export, with `base`
/// (`PyMemoryView_GET_BASE`) as its object; [`release_own_view`] undoes
/// it. No share is kept: the memoryview's own keeps `buf` valid until it is
/// released, as in CPython, and an exporter is not held past that.
pub unsafe fn fill_own_view(view: *mut Py_buffer, buffer: &PyBuffer, base: &PyObject, vm: &VirtualMachine) -> PyResult<()> {
    unsafe { fill_unchecked(view, buffer, base, BufferFlags::FULL_RO, vm) }
}

/// Gives up what [`fill_own_view`] filled.
pub unsafe fn release_own_view(view: *mut Py_buffer) {
    unsafe {
        let v = &mut *view;
        if VM_VIEWS.lock().remove(&(v.internal as usize)) {
            drop(Box::from_raw(v.internal as *mut VmView));
        }
        let obj = std::mem::replace(&mut v.obj, null_mut());
        if !obj.is_null() {
            proxy::decref(obj);
        }
        *v = std::mem::zeroed();
    }
}

unsafe fn fill_unchecked(view: *mut Py_buffer, buffer: &PyBuffer, o: &PyObject, flags: BufferFlags, vm: &VirtualMachine) -> PyResult<()> {
    let desc = &buffer.desc;
    let format = CString::new(desc.format.as_ref()).map_err(|_| vm.new_value_error("buffer format contains a NUL"))?;
    // The pointer stays valid after the guard goes: the acquisition locks
    // the exporter's memory in place until C releases the view.
    let base = buffer.obj_bytes().as_ptr() as *mut u8;
    // An empty view still points where its items would start (CPython's
    // `memoryview(b)[3:3]` exports `b`'s buffer plus 3).
    let buf = base.wrapping_offset(desc.offset);
    let (len, itemsize, readonly, ndim) = (desc.len as isize, desc.itemsize as isize, desc.readonly as c_int, desc.ndim() as c_int);
    let shape = desc.dim_desc.iter().map(|d| d.0 as isize).collect();
    let strides = desc.dim_desc.iter().map(|d| d.1).collect();
    let held = Box::into_raw(Box::new(VmView { _buffer: None, format, shape, strides }));
    unsafe {
        let v = &mut *view;
        v.buf = buf.cast();
        v.obj = proxy::to_c_new(o, vm);
        v.len = len;
        v.itemsize = itemsize;
        v.readonly = readonly;
        v.ndim = if flags.contains(BufferFlags::ND) { ndim } else { 1 };
        v.format = if flags.contains(BufferFlags::FORMAT) { (*held).format.as_ptr() as *mut c_char } else { null_mut() };
        v.shape = if flags.contains(BufferFlags::ND) { (*held).shape.as_mut_ptr() } else { null_mut() };
        v.strides = if flags.contains(BufferFlags::STRIDES) { (*held).strides.as_mut_ptr() } else { null_mut() };
        v.suboffsets = null_mut();
        v.internal = held.cast();
    }
    VM_VIEWS.lock().insert(held as usize);
    Ok(())
}

crate::c_slots! {
    /// `bf_getbuffer` of a VM type's C face: the VM's own acquisition.
    fn vm_getbuffer(vm, o: &PyObject, view: *mut Py_buffer, flags: c_int) -> () {
        if view.is_null() {
            return Err(bad_internal_call(vm));
        }
        let flags = BufferFlags::from_bits_retain(flags as u32);
        let buffer = PyBuffer::from_object(vm, o, flags)?;
        unsafe { fill_view(view, buffer, o, flags, vm) }
    }

    /// `bf_releasebuffer` of a VM type's C face: gives the acquisition up.
    fn vm_releasebuffer(vm, o: &PyObject, view: *mut Py_buffer) -> Void {
        if let Some(v) = unsafe { view.as_mut() } {
            if VM_VIEWS.lock().remove(&(v.internal as usize)) {
                drop(unsafe { Box::from_raw(v.internal as *mut VmView) });
                v.internal = null_mut();
            }
        }
        Ok(Void)
    }
}

// ---------------------------------------------------------------------------
// C exporters, seen from the VM

/// The object of the VM's buffer over memory C exported: C's view, given
/// to `PyBuffer_Release` once, when the VM's last share of it goes.
pub struct CExport {
    view: Box<UnsafeCell<Py_buffer>>,
    /// What `memoryview.obj` reports: the exporter, or None
    /// (`PyMemoryView_FromMemory`, `PyMemoryView_FromBuffer`).
    owner: Option<PyObjectRef>,
    /// The lowest byte the view reaches, and how many bytes from there:
    /// what the VM addresses the view's items in (`BufferDescriptor::offset`).
    start: *mut u8,
    extent: usize,
}

// SAFETY: C's view is only touched with the GIL held.
unsafe impl Send for CExport {}
unsafe impl Sync for CExport {}

impl std::fmt::Debug for CExport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<C buffer export at {:p}>", self.start)
    }
}

impl PyPayload for CExport {
    fn class(ctx: &rustpython_vm::Context) -> &'static rustpython_vm::Py<rustpython_vm::builtins::PyType> {
        // Never seen as such: `memoryview.obj` reports the owner.
        ctx.types.object_type
    }
}

impl rustpython_vm::object::MaybeTraverse for CExport {
    const HAS_TRAVERSE: bool = true;

    fn try_traverse(&self, traverse_fn: &mut rustpython_vm::object::TraverseFn<'_>) {
        if let Some(owner) = &self.owner {
            traverse_fn(owner);
        }
    }
}

impl CExport {
    fn bytes(&self) -> &[u8] {
        if self.extent == 0 { &[] } else { unsafe { std::slice::from_raw_parts(self.start, self.extent) } }
    }

    #[allow(clippy::mut_from_ref)]
    fn bytes_mut(&self) -> &mut [u8] {
        if self.extent == 0 { &mut [] } else { unsafe { std::slice::from_raw_parts_mut(self.start, self.extent) } }
    }

    /// Gives C's view back to its exporter; later calls do nothing.
    fn release(&self) {
        let view = self.view.get();
        if !unsafe { (*view).obj.is_null() } {
            pystate::enter_current(|| unsafe { PyBuffer_Release(view) });
        }
    }
}

impl Drop for CExport {
    fn drop(&mut self) {
        self.release();
    }
}

static C_EXPORT_METHODS: BufferMethods = BufferMethods {
    obj_bytes: |b| BorrowedValue::Ref(b.obj_as::<CExport>().bytes()),
    obj_bytes_mut: |b| BorrowedValueMut::RefMut(b.obj_as::<CExport>().bytes_mut()),
    release: |b| b.obj_as::<CExport>().release(),
    retain: |_| {},
};

/// The VM's description of C's view, and the span of memory it reaches.
unsafe fn describe(v: &Py_buffer, vm: &VirtualMachine) -> PyResult<(BufferDescriptor, *mut u8, usize)> {
    if v.buf.is_null() && v.len != 0 {
        return Err(vm.new_value_error("a buffer's buf must not be NULL"));
    }
    if !(0..=64).contains(&v.ndim) {
        return Err(vm.new_value_error("memoryview: number of dimensions must not exceed 64"));
    }
    let ndim = v.ndim as usize;
    let format = if v.format.is_null() {
        Cow::Borrowed("B")
    } else {
        let f = unsafe { CStr::from_ptr(v.format) };
        Cow::Owned(f.to_str().map_err(|_| vm.new_value_error("buffer format is not ASCII"))?.to_owned())
    };
    if !v.suboffsets.is_null() && (0..ndim).any(|i| unsafe { *v.suboffsets.add(i) } >= 0) {
        return Err(vm.new_buffer_error("cpyext: buffers with suboffsets (PIL-style indirect arrays) are not supported"));
    }
    let buf = v.buf as *mut u8;
    if ndim == 0 {
        let len = v.len.max(0) as usize;
        let desc = BufferDescriptor { len, offset: 0, readonly: v.readonly != 0, itemsize: len, format, dim_desc: vec![] };
        return Ok((desc, buf, len));
    }
    let itemsize = v.itemsize.max(1);
    let shape: Vec<isize> = if v.shape.is_null() {
        // PyBUF_SIMPLE's answer: one dimension of bytes (or items).
        vec![v.len.max(0) / itemsize]
    } else {
        (0..ndim).map(|i| unsafe { *v.shape.add(i) }).collect()
    };
    if shape.iter().any(|&s| s < 0) {
        return Err(vm.new_value_error("a buffer's shape must not be negative"));
    }
    let strides: Vec<isize> = if v.strides.is_null() || v.shape.is_null() {
        let mut stride = itemsize;
        let mut st = vec![0; shape.len()];
        for (s, n) in st.iter_mut().zip(&shape).rev() {
            *s = stride;
            stride *= *n;
        }
        st
    } else {
        (0..ndim).map(|i| unsafe { *v.strides.add(i) }).collect()
    };
    let items: isize = shape.iter().product();
    // RustPython's descriptor check (`BufferDescriptor::validate`, run in
    // debug builds) asserts that no dimension steps by zero.
    if cfg!(debug_assertions) && items > 0 && shape.iter().zip(&strides).any(|(&n, &s)| n > 1 && s == 0) {
        return Err(vm.new_buffer_error("cpyext: a zero stride (a broadcast view) is refused by debug builds"));
    }
    let dim_desc = shape.iter().zip(&strides).map(|(&n, &s)| (n as usize, s, 0)).collect();
    let len = (items * itemsize) as usize;
    let (mut lo, mut hi) = (0isize, itemsize);
    for (&n, &s) in shape.iter().zip(&strides) {
        if n > 0 {
            let reach = (n - 1) * s;
            if reach < 0 { lo += reach } else { hi += reach }
        }
    }
    let (start, extent, offset) = if len == 0 { (buf, 0, 0) } else { (buf.wrapping_offset(lo), (hi - lo) as usize, -lo) };
    let desc = BufferDescriptor { len, offset, readonly: v.readonly != 0, itemsize: itemsize as usize, format, dim_desc };
    Ok((desc, start, extent))
}

/// The VM's buffer over C's view: `fill` fills it (a C exporter's
/// `bf_getbuffer`, called with the GIL); `owner` is what `memoryview.obj`
/// reports. C's view is released when the buffer's last share goes, or at
/// once if it cannot be described.
pub fn from_c_export(fill: impl FnOnce(*mut Py_buffer) -> c_int, owner: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<PyBuffer> {
    let view = Box::new(UnsafeCell::new(unsafe { std::mem::zeroed::<Py_buffer>() }));
    let r = fill(view.get());
    pyerrors::check_status(r, || "bf_getbuffer".to_owned(), vm)?;
    wrap(view, owner, vm)
}

/// The VM's buffer over a view that owns nothing (`PyMemoryView_FromBuffer`
/// and `FromMemory`, whose `obj` is NULL).
pub fn from_c_memory(view: Py_buffer, vm: &VirtualMachine) -> PyResult<PyBuffer> {
    let view = Box::new(UnsafeCell::new(Py_buffer { obj: null_mut(), ..view }));
    wrap(view, None, vm)
}

fn wrap(view: Box<UnsafeCell<Py_buffer>>, owner: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<PyBuffer> {
    let described = unsafe { describe(&*view.get(), vm) };
    let export = |start, extent| CExport { view, owner, start, extent };
    match described {
        Ok((desc, start, extent)) => {
            let obj = rustpython_vm::PyRef::new_ref(export(start, extent), vm.ctx.types.object_type.to_owned(), None);
            Ok(PyBuffer::new(obj.into(), desc, &C_EXPORT_METHODS))
        }
        Err(e) => {
            // Dropping the carrier releases C's view.
            drop(export(null_mut(), 0));
            Err(e)
        }
    }
}

/// Makes `memoryview.obj` report a C exporter rather than the carrier of
/// its view (RustPython's getter returns the buffer's object).
pub fn init(vm: &VirtualMachine) {
    let cls = vm.ctx.types.memoryview_type;
    let name = vm.ctx.intern_str("obj");
    let Some(original) = cls.get_direct_attr(name) else { return };
    let getter = move |mv: PyObjectRef, vm: &VirtualMachine| -> PyResult {
        let o = vm.call_method(&original, "__get__", (mv, cls.to_owned()))?;
        Ok(match o.downcast_ref::<CExport>() {
            Some(e) => e.owner.clone().unwrap_or_else(|| vm.ctx.none()),
            None => o,
        })
    };
    crate::typeobject::put_attr(cls, name, vm.ctx.new_readonly_getset("obj", cls, getter).into());
}

