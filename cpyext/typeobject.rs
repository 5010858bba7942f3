//! Type objects (`object.h`'s `PyTypeObject`, `typeobject.c`): the builtin
//! type objects exported as data symbols, and the type object C sees for any
//! other VM type.
//!
//! Every VM type that reaches C gets one immortal `PyTypeObject`, with
//! `tp_name`, `tp_flags` (including the `*_SUBCLASS` bits that `PyLong_Check`
//! and friends read inline), `tp_basicsize`/`tp_itemsize` of the layout its
//! instances' proxies have, `tp_base`, and the generic slots that route back
//! into the VM.

use crate::capi;
use crate::ffi::{self, PyObject as CObject, PyTypeObject};
use crate::proxy;
use rustpython_vm::{
    AsObject, Py, PyObjectRef, VirtualMachine,
    builtins::{PyType, PyTypeRef},
};
use std::ffi::{CString, c_ulong};
use std::mem::{offset_of, size_of};

/// Fills `tp` as the C face of `ty`.
pub unsafe fn fill(tp: *mut PyTypeObject, ty: &Py<PyType>, vm: &VirtualMachine) {
    unsafe {
        let t = &mut *tp;
        t.ob_base.ob_base.ob_refcnt = ffi::IMMORTAL_REFCNT;
        t.ob_base.ob_base.ob_type = proxy::type_as_c(ty.class(), vm);
        // Type objects are immortal, so their names are too.
        t.tp_name = CString::new(ty.slot_name().to_string()).unwrap_or_default().into_raw();
        let ctx = &vm.ctx;
        let (basicsize, itemsize) = if ty.fast_issubclass(ctx.types.tuple_type) {
            (offset_of!(ffi::PyTupleObject, ob_item), size_of::<*mut CObject>())
        } else if ty.fast_issubclass(ctx.types.bytes_type) {
            (offset_of!(ffi::PyBytesObject, ob_sval) + 1, 1)
        } else if ty.fast_issubclass(ctx.types.int_type) {
            (offset_of!(ffi::PyLongObject, long_value) + offset_of!(ffi::PyLongValue, ob_digit), 4)
        } else if ty.fast_issubclass(ctx.types.float_type) {
            (size_of::<ffi::PyFloatObject>(), 0)
        } else if ty.fast_issubclass(ctx.types.type_type) {
            (size_of::<PyTypeObject>(), 0)
        } else {
            (size_of::<CObject>(), 0)
        };
        t.tp_basicsize = basicsize as isize;
        t.tp_itemsize = itemsize as isize;
        t.tp_flags = flags_of(ty, vm);
        t.tp_base = match ty.base.deref() {
            Some(base) => proxy::type_as_c(base, vm),
            None => std::ptr::null_mut(),
        };
        t.tp_dealloc = Some(crate::object::_Py_Dealloc);
        t.tp_repr = Some(crate::object::PyObject_Repr);
        t.tp_str = Some(crate::object::PyObject_Str);
        t.tp_getattro = Some(crate::object::PyObject_GetAttr);
        t.tp_setattro = Some(crate::object::PyObject_SetAttr);
        t.tp_richcompare = Some(crate::object::PyObject_RichCompare);
        t.tp_hash = Some(crate::object::PyObject_Hash);
    }
}

fn flags_of(ty: &Py<PyType>, vm: &VirtualMachine) -> c_ulong {
    use rustpython_vm::types::PyTypeFlags;
    let ctx = &vm.ctx;
    let mut flags = ffi::Py_TPFLAGS_READY | ffi::Py_TPFLAGS_HAVE_VERSION_TAG;
    let vm_flags = &ty.slots.flags;
    if vm_flags.has_feature(PyTypeFlags::HEAPTYPE) {
        flags |= ffi::Py_TPFLAGS_HEAPTYPE;
    } else {
        flags |= ffi::Py_TPFLAGS_IMMUTABLETYPE;
    }
    if vm_flags.has_feature(PyTypeFlags::BASETYPE) {
        flags |= ffi::Py_TPFLAGS_BASETYPE;
    }
    let subclass_bits: [(&Py<PyType>, c_ulong); 8] = [
        (ctx.types.int_type, ffi::Py_TPFLAGS_LONG_SUBCLASS),
        (ctx.types.list_type, ffi::Py_TPFLAGS_LIST_SUBCLASS),
        (ctx.types.tuple_type, ffi::Py_TPFLAGS_TUPLE_SUBCLASS),
        (ctx.types.bytes_type, ffi::Py_TPFLAGS_BYTES_SUBCLASS),
        (ctx.types.str_type, ffi::Py_TPFLAGS_UNICODE_SUBCLASS),
        (ctx.types.dict_type, ffi::Py_TPFLAGS_DICT_SUBCLASS),
        (ctx.exceptions.base_exception_type, ffi::Py_TPFLAGS_BASE_EXC_SUBCLASS),
        (ctx.types.type_type, ffi::Py_TPFLAGS_TYPE_SUBCLASS),
    ];
    for (base, bit) in subclass_bits {
        if ty.fast_issubclass(base) {
            flags |= bit;
        }
    }
    flags
}

/// A new type object for a VM type that has no static one, linked to it.
pub fn new_type_proxy(ty: &Py<PyType>, vm: &VirtualMachine) -> *mut CObject {
    unsafe {
        let p = proxy::alloc(size_of::<PyTypeObject>(), std::ptr::null_mut());
        if p.is_null() {
            std::process::abort();
        }
        (*p).ob_refcnt = ffi::IMMORTAL_REFCNT;
        // Linked before it is filled: filling converts the base and metatype,
        // and must find this one already there.
        proxy::link(p, ty.as_object());
        fill(p as *mut PyTypeObject, ty, vm);
        p
    }
}

/// Declares the builtin type objects exported as data symbols.
macro_rules! static_types {
    ($($sym:ident = $field:ident),* $(,)?) => {
        $(
            #[unsafe(no_mangle)]
            #[allow(non_upper_case_globals)]
            pub static mut $sym: PyTypeObject = unsafe { std::mem::zeroed() };
        )*

        pub fn init_static_types(vm: &VirtualMachine) {
            let ctx = &vm.ctx;
            unsafe {
                // All are registered before any is filled, so that filling one
                // (its base, its metatype) finds the others.
                $( proxy::register_static(&raw mut $sym as *mut CObject, ctx.types.$field.as_object()); )*
                $( fill(&raw mut $sym, ctx.types.$field, vm); )*
            }
        }
    };
}

static_types! {
    PyType_Type = type_type,
    PyBaseObject_Type = object_type,
    PyLong_Type = int_type,
    PyBool_Type = bool_type,
    PyFloat_Type = float_type,
    PyComplex_Type = complex_type,
    PyUnicode_Type = str_type,
    PyBytes_Type = bytes_type,
    PyByteArray_Type = bytearray_type,
    PyTuple_Type = tuple_type,
    PyList_Type = list_type,
    PyDict_Type = dict_type,
    PySet_Type = set_type,
    PyFrozenSet_Type = frozenset_type,
    PySlice_Type = slice_type,
    PyRange_Type = range_type,
    PyModule_Type = module_type,
    PyCFunction_Type = builtin_function_or_method_type,
    PyCapsule_Type = capsule_type,
    PyMemoryView_Type = memoryview_type,
    PyProperty_Type = property_type,
    PySeqIter_Type = iter_type,
    PyCallIter_Type = callable_iterator,
    PyEllipsis_Type = ellipsis_type,
    PyDictProxy_Type = mappingproxy_type,
    PyMethodDescr_Type = method_descriptor_type,
    PyGetSetDescr_Type = getset_type,
    PyMemberDescr_Type = member_descriptor_type,
    PyClassMethodDescr_Type = classmethod_descriptor_type,
    PyWrapperDescr_Type = wrapper_descriptor_type,
    PyStaticMethod_Type = staticmethod_type,
    PyClassMethod_Type = classmethod_type,
    PySuper_Type = super_type,
    PyFunction_Type = function_type,
    PyMethod_Type = bound_method_type,
    _PyNone_Type = none_type,
    _PyNotImplemented_Type = not_implemented_type,
}

/// The type of `PyModuleDef` objects: C-side only, with no VM counterpart.
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut PyModuleDef_Type: PyTypeObject = unsafe { std::mem::zeroed() };

pub fn init_moduledef_type() {
    unsafe {
        let t = &raw mut PyModuleDef_Type;
        (*t).ob_base.ob_base.ob_refcnt = ffi::IMMORTAL_REFCNT;
        (*t).ob_base.ob_base.ob_type = &raw mut PyType_Type;
        (*t).tp_name = c"moduledef".as_ptr();
        (*t).tp_basicsize = size_of::<ffi::PyModuleDef>() as isize;
        (*t).tp_flags = ffi::Py_TPFLAGS_READY | ffi::Py_TPFLAGS_HAVE_VERSION_TAG;
    }
}

fn as_type(obj: PyObjectRef, vm: &VirtualMachine) -> rustpython_vm::PyResult<PyTypeRef> {
    obj.downcast::<PyType>()
        .map_err(|o| vm.new_type_error(format!("expected a type, not {}", o.class().name())))
}

capi! {
    fn PyType_IsSubtype(vm, a: PyObjectRef, b: PyObjectRef) -> i32 {
        Ok(as_type(a, vm)?.fast_issubclass(&as_type(b, vm)?) as i32)
    }

    fn PyType_GetFlags(vm, t: PyObjectRef) -> u64 {
        let tp = proxy::as_c(&t, vm) as *mut PyTypeObject;
        Ok(unsafe { (*tp).tp_flags } as u64)
    }
}
