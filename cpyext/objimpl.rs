//! Object memory (`objimpl.h`): `PyObject_New`/`Init` for C types, and the
//! garbage-collector entry points.
//!
//! An instance of a C type lives in `PyObject_Malloc` memory (it has a
//! proxy prefix) and is tracked by the VM's collector through its wrapper
//! (`proxy.rs`, rule 8), so `PyObject_GC_Track`/`UnTrack` have nothing of
//! their own to record.

use crate::boundary::Ptr;
use crate::capi;
use crate::boundary::{Borrowed, NewPtr};
use crate::ffi::{self, PyObject as CObject, PyTypeObject};
use crate::proxy;
use std::ffi::c_void;

/// A new instance of `tp` of `size` bytes, not yet initialized by its type.
unsafe fn new_object(tp: *mut PyTypeObject, size: usize, vm: &rustpython_vm::VirtualMachine) -> rustpython_vm::PyResult<*mut CObject> {
    unsafe {
        let op = proxy::alloc_block(size.max(size_of::<CObject>())) as *mut CObject;
        if op.is_null() {
            return Err(vm.new_memory_error(""));
        }
        proxy::init_instance(op, tp);
        Ok(op)
    }
}

/// `_PyObject_VAR_SIZE`: the basic size plus `n` items, word-aligned.
unsafe fn var_size(tp: *mut PyTypeObject, n: isize) -> usize {
    unsafe {
        let t = &*tp;
        (t.tp_basicsize as usize + n.max(0) as usize * t.tp_itemsize.unsigned_abs()).next_multiple_of(size_of::<usize>())
    }
}

capi! {
    /// Initializes the header of `PyObject_Malloc` memory as an instance of
    /// `tp`. (Memory from any other allocator has no prefix and cannot be
    /// an object here.)
    fn PyObject_Init(vm, op: Ptr, tp: Ptr) -> Borrowed<'static> {
        unsafe { proxy::init_instance(op.0, tp.0 as *mut PyTypeObject) };
        Ok(Borrowed::argument(op))
    }

    fn PyObject_InitVar(vm, op: Ptr, tp: Ptr, size: isize) -> Borrowed<'static> {
        unsafe {
            proxy::init_instance(op.0, tp.0 as *mut PyTypeObject);
            (*(op.0 as *mut ffi::PyVarObject)).ob_size = size;
        }
        Ok(Borrowed::argument(op))
    }

    fn _PyObject_New(vm, tp: Ptr) -> NewPtr {
        let tp = tp.0 as *mut PyTypeObject;
        unsafe { new_object(tp, (*tp).tp_basicsize as usize, vm) }.map(NewPtr)
    }

    fn _PyObject_NewVar(vm, tp: Ptr, n: isize) -> NewPtr {
        let tp = tp.0 as *mut PyTypeObject;
        unsafe {
            let op = new_object(tp, var_size(tp, n), vm)?;
            (*(op as *mut ffi::PyVarObject)).ob_size = n;
            Ok(NewPtr(op))
        }
    }

    /// Untracked until `PyObject_GC_Track`, as in CPython.
    fn _PyObject_GC_New(vm, tp: Ptr) -> NewPtr {
        let tp = tp.0 as *mut PyTypeObject;
        unsafe {
            let op = new_object(tp, (*tp).tp_basicsize as usize, vm)?;
            proxy::set_flag(op, proxy::FLAG_GC_UNTRACKED, true);
            Ok(NewPtr(op))
        }
    }

    fn _PyObject_GC_NewVar(vm, tp: Ptr, n: isize) -> NewPtr {
        let tp = tp.0 as *mut PyTypeObject;
        unsafe {
            let op = new_object(tp, var_size(tp, n), vm)?;
            (*(op as *mut ffi::PyVarObject)).ob_size = n;
            proxy::set_flag(op, proxy::FLAG_GC_UNTRACKED, true);
            Ok(NewPtr(op))
        }
    }

    fn PyObject_IS_GC(vm, op: Ptr) -> i32 {
        Ok(unsafe { (*(*op.0).ob_type).tp_flags & ffi::Py_TPFLAGS_HAVE_GC != 0 } as i32)
    }

    unsafe fn PyObject_GC_IsTracked(vm, op: Ptr) -> i32 {
        if proxy::is_c_instance(op.0) {
            let gc_type = (*(*op.0).ob_type).tp_flags & ffi::Py_TPFLAGS_HAVE_GC != 0;
            return Ok((gc_type && !proxy::has_flag(op.0, proxy::FLAG_GC_UNTRACKED)) as i32);
        }
        let obj = proxy::from_c_ref(op.0, vm)?;
        Ok(obj.is_gc_tracked() as i32)
    }

    unsafe fn PyObject_GC_IsFinalized(vm, op: Ptr) -> i32 {
        let c_finalized = proxy::has_flag(op.0, proxy::FLAG_FINALIZED);
        let obj = proxy::from_c_ref(op.0, vm)?;
        Ok((c_finalized || obj.gc_finalized()) as i32)
    }

    /// The weak references to an instance live on its VM wrapper, which the
    /// VM clears before the instance's `tp_dealloc` runs.
    fn PyObject_ClearWeakRefs(vm, op: Ptr) -> () {
        Ok(())
    }

    fn PyUnstable_Object_ClearWeakRefsNoCallbacks(vm, op: Ptr) -> crate::boundary::Void {
        Ok(crate::boundary::Void)
    }

    /// Moves the object to memory for `n` items; only memory nothing else
    /// knows by its address can move (CPython's rule: before it is tracked).
    unsafe fn _PyObject_GC_Resize(vm, op: Ptr, n: isize) -> NewPtr {
        let tp = (*op.0).ob_type;
        if n < 0 || (*tp).tp_itemsize == 0 || !proxy::is_resizable(op.0) {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let q = proxy::resize_unlinked(op.0, var_size(tp, n));
        if q.is_null() {
            return Err(vm.new_memory_error(""));
        }
        (*(q as *mut ffi::PyVarObject)).ob_size = n;
        Ok(NewPtr(q))
    }

    unsafe fn PyUnstable_Object_GC_NewWithExtraData(vm, tp: Ptr, extra_size: usize) -> NewPtr {
        let tp = tp.0 as *mut PyTypeObject;
        let size = ((*tp).tp_basicsize as usize).checked_add(extra_size).ok_or_else(|| vm.new_memory_error(""))?;
        let op = new_object(tp, size, vm)?;
        proxy::set_flag(op, proxy::FLAG_GC_UNTRACKED, true);
        Ok(NewPtr(op))
    }

    /// `gc.get_objects()`, each lent to `callback` until it returns 0; the
    /// collector is off meanwhile, as in CPython.
    unsafe fn PyUnstable_GC_VisitObjects(vm, callback: *const c_void, arg: *mut c_void) -> crate::boundary::Void {
        if callback.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let callback: unsafe extern "C" fn(*mut CObject, *mut c_void) -> std::ffi::c_int = std::mem::transmute(callback);
        let gc = vm.import("gc", 0)?;
        let enabled = vm.call_method(&gc, "isenabled", ())?.try_to_bool(vm)?;
        vm.call_method(&gc, "disable", ())?;
        let visited = (|| -> rustpython_vm::PyResult<()> {
            let objects: Vec<rustpython_vm::PyObjectRef> = vm.call_method(&gc, "get_objects", ())?.try_to_value(vm)?;
            for obj in &objects {
                // Lent for the call, as to any C callback.
                let more = callback(proxy::as_c(obj, vm), arg) != 0;
                proxy::release_borrowed([&**obj]);
                if !more {
                    break;
                }
            }
            Ok(())
        })();
        if enabled {
            vm.call_method(&gc, "enable", ())?;
        }
        visited?;
        Ok(crate::boundary::Void)
    }

    /// A C type says so with `tp_weaklistoffset`; the VM's types by their flag.
    unsafe fn PyType_SUPPORTS_WEAKREFS(vm, tp: Ptr) -> i32 {
        let t = tp.0 as *mut PyTypeObject;
        if (*t).tp_weaklistoffset != 0 {
            return Ok(1);
        }
        let ty = crate::typeobject::vm_type(t, vm)?;
        Ok(ty.slots.flags.has_feature(rustpython_vm::types::PyTypeFlags::HAS_WEAKREF) as i32)
    }

    /// A C instance's weak-reference list field; NULL for every other
    /// object (the VM keeps their weak references).
    unsafe fn PyObject_GET_WEAKREFS_LISTPTR(vm, op: Ptr) -> *mut *mut CObject {
        let offset = (*(*op.0).ob_type).tp_weaklistoffset;
        if offset > 0 && proxy::is_prefixed(op.0) && proxy::is_c_instance(op.0) {
            return Ok((op.0 as *mut u8).offset(offset) as *mut *mut CObject);
        }
        Ok(std::ptr::null_mut())
    }

    /// `tp_finalize` runs as the wrapper's `__del__`, before `tp_dealloc`;
    /// one reached from `tp_dealloc` has run already (or the instance never
    /// reached the VM, and then CPython would run it now).
    unsafe fn PyObject_CallFinalizerFromDealloc(vm, op: Ptr) -> i32 {
        call_finalizer_once(op.0);
        Ok(0)
    }

    unsafe fn PyObject_CallFinalizer(vm, op: Ptr) -> () {
        call_finalizer_once(op.0);
        Ok(())
    }

    /// 0 without collecting while the collector is disabled, as CPython.
    fn PyGC_Collect(vm) -> isize {
        let gc = vm.import("gc", 0)?;
        if !vm.call_method(&gc, "isenabled", ())?.try_to_bool(vm)? {
            return Ok(0);
        }
        let n = vm.call_method(&gc, "collect", ())?;
        n.try_into_value::<isize>(vm)
    }

    fn PyGC_Enable(vm) -> i32 {
        gc_switch(vm, "enable")
    }

    fn PyGC_Disable(vm) -> i32 {
        gc_switch(vm, "disable")
    }

    fn PyGC_IsEnabled(vm) -> i32 {
        let gc = vm.import("gc", 0)?;
        Ok(vm.call_method(&gc, "isenabled", ())?.try_to_bool(vm)? as i32)
    }
}

/// Turns the collector on or off; the previous state.
fn gc_switch(vm: &rustpython_vm::VirtualMachine, how: &str) -> rustpython_vm::PyResult<i32> {
    let gc = vm.import("gc", 0)?;
    let was = vm.call_method(&gc, "isenabled", ())?.try_to_bool(vm)?;
    vm.call_method(&gc, how, ())?;
    Ok(was as i32)
}

/// Runs `tp_finalize` of an instance that never had a VM wrapper (whose
/// `__del__` would have run it), once.
unsafe fn call_finalizer_once(op: *mut CObject) {
    unsafe {
        let tp = (*op).ob_type;
        if let Some(fin) = (*tp).tp_finalize {
            if proxy::finalizer_due(op) {
                fin(op);
            }
        }
    }
}

crate::declared_here!(PyObject_GC_Track, PyObject_GC_UnTrack, PyObject_GC_Del);

/// `PyObject_GC_Track`: the collector may look into the object (through
/// its wrapper, which the VM tracks; see `gcmodule`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyObject_GC_Track(op: *mut c_void) {
    let op = op as *mut CObject;
    unsafe {
        if !op.is_null() && proxy::is_prefixed(op) {
            proxy::set_flag(op, proxy::FLAG_GC_UNTRACKED, false);
        }
    }
}

/// `PyObject_GC_UnTrack`: the collector leaves the object alone.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyObject_GC_UnTrack(op: *mut c_void) {
    let op = op as *mut CObject;
    unsafe {
        if !op.is_null() && proxy::is_prefixed(op) {
            proxy::set_flag(op, proxy::FLAG_GC_UNTRACKED, true);
        }
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyObject_GC_Del(op: *mut c_void) {
    unsafe { crate::pymem::PyObject_Free(op) }
}
