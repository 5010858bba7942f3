//! Type objects (`object.h`'s `PyTypeObject`, `typeobject.c`).
//!
//! Two kinds, one `PyTypeObject` layout:
//!
//! - The C face of a VM type ([`fill`]): the builtin type objects exported as
//!   data symbols (`PyLong_Type` is `int`), and one immortal type object for
//!   any other VM type that reaches C, with `tp_name`, `tp_flags` (the
//!   `*_SUBCLASS` bits `PyLong_Check` reads inline), the layout of its
//!   instances' proxies, and slots that call back into the VM
//!   (`slots::fill_tables`). A Python subclass of a C type takes its
//!   instance layout and lifecycle (`tp_basicsize`, `tp_alloc`, `tp_new`,
//!   `tp_dealloc`, `tp_free`, ...) from its nearest C base, as CPython's
//!   `inherit_slots` does.
//! - A C type (`PyType_Ready` on a static type, `PyType_FromSpec` and
//!   friends): its `PyTypeObject` is the extension's, completed by
//!   inheritance from its base, and a VM heap type is made for it whose
//!   `__new__` calls `tp_new`, whose dict holds its methods, members and
//!   getsets; the slots it defines are the VM type's slots (`slots::install`).
//!   Its instances are C memory with a VM wrapper (`proxy.rs`, rule 8).

use crate::boundary::{Borrowed, NewPtr, Ptr};
use crate::capi;
use crate::ffi::{self, PyObject as CObject, PyTypeObject};
use crate::slots::{self, Tables};
use crate::{descrobject, methodobject, moduleobject, proxy, pyerrors, pystate};
use rustc_hash::FxHashMap;
use rustpython_vm::{
    AsObject, Py, PyObjectRef, PyResult, VirtualMachine,
    builtins::{PyTuple, PyType, PyTypeRef},
    function::FuncArgs,
    types::{PyTypeFlags, PyTypeSlots},
};
use std::ffi::{CStr, CString, c_char, c_int, c_ulong, c_void};
use std::mem::{offset_of, size_of};
use std::ptr::null_mut;

/// What the layer keeps for a C type.
struct CType {
    /// The module of `PyType_FromModuleAndSpec`.
    module: Option<PyObjectRef>,
}

/// C types by the address of their `PyTypeObject` (guarded by the GIL: the
/// slots look here on every call).
static C_TYPES: pystate::GilCell<FxHashMap<usize, CType>> =
    pystate::GilCell::new(FxHashMap::with_hasher(rustc_hash::FxBuildHasher));

/// The C types' record; the GIL is held and the borrow kept short.
fn c_types() -> &'static mut FxHashMap<usize, CType> {
    // SAFETY: callers hold the GIL and call nothing while borrowing.
    unsafe { C_TYPES.get() }
}

pub fn is_c_type(tp: *mut PyTypeObject) -> bool {
    c_types().contains_key(&(tp as usize))
}

fn cstr(p: *const c_char) -> String {
    if p.is_null() { String::new() } else { unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned() }
}

/// The method tables of a heap type object: `slots::Tables` is the same
/// run of five tables that `PyHeapTypeObject` has after its type.
fn tables_of(heap: *mut ffi::PyHeapTypeObject) -> *mut Tables {
    use std::mem::offset_of;
    type H = ffi::PyHeapTypeObject;
    const _: () = assert!(offset_of!(H, as_number) - offset_of!(H, as_async) == offset_of!(Tables, as_number));
    const _: () = assert!(offset_of!(H, as_mapping) - offset_of!(H, as_async) == offset_of!(Tables, as_mapping));
    const _: () = assert!(offset_of!(H, as_sequence) - offset_of!(H, as_async) == offset_of!(Tables, as_sequence));
    const _: () = assert!(offset_of!(H, as_buffer) - offset_of!(H, as_async) == offset_of!(Tables, as_buffer));
    unsafe { (&raw mut (*heap).as_async).cast() }
}

/// `ht_name` and `ht_qualname`: new references the (immortal) type holds.
unsafe fn set_heap_names(heap: *mut ffi::PyHeapTypeObject, name: &str, qualname: &str, vm: &VirtualMachine) {
    unsafe {
        (*heap).ht_name = proxy::to_c_new(vm.ctx.new_str(name).as_object(), vm);
        (*heap).ht_qualname = proxy::to_c_new(vm.ctx.new_str(qualname).as_object(), vm);
    }
}

/// Fills `tp` as the C face of `ty`.
pub unsafe fn fill(tp: *mut PyTypeObject, tables: *mut Tables, ty: &Py<PyType>, vm: &VirtualMachine) {
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
            // What CPython reports: a heap type's memory (ours is the same),
            // and `__slots__`' member definitions after it.
            (size_of::<ffi::PyHeapTypeObject>(), size_of::<ffi::PyMemberDef>())
        } else if let Some(size) = crate::datetime::basicsize(ty) {
            (size, 0)
        } else {
            (size_of::<CObject>(), 0)
        };
        t.tp_basicsize = basicsize as isize;
        t.tp_itemsize = itemsize as isize;
        if ty.fast_issubclass(ctx.types.type_type) {
            // A type's dict is its `tp_dict` (Cython reads `type.__dictoffset__`
            // and then the dict there).
            t.tp_dictoffset = offset_of!(PyTypeObject, tp_dict) as isize;
            t.tp_weaklistoffset = offset_of!(PyTypeObject, tp_weaklist) as isize;
        }
        t.tp_flags = flags_of(ty, vm);
        t.tp_base = match ty.base.deref() {
            Some(base) => proxy::type_as_c(base, vm),
            None => null_mut(),
        };
        t.tp_dealloc = Some(object_dealloc);
        t.tp_free = Some(crate::pymem::PyObject_Free);
        set_dict(tp, ty, vm);
        slots::fill_tables(tp, tables, ty, vm);
        if ty.is(ctx.types.object_type) {
            t.tp_new = Some(object_new);
            t.tp_alloc = Some(PyType_GenericAlloc);
        }
        if let Some(base) = nearest_c_base(ty, vm) {
            inherit_layout(t, &*base);
            inherit_c_slots(t, &*base, ty, vm);
        }
    }
}

/// `type.__dictoffset__` and `__weakrefoffset__`, which RustPython's
/// `type` lacks, and `__basicsize__`/`__itemsize__`, whose values are the
/// VM's own sizes: what the C face of the class says, as in CPython (Cython
/// checks an imported type's `__basicsize__` against its struct); and a C
/// type's `__flags__`.
pub fn init_type_attrs(vm: &VirtualMachine) {
    let cls = vm.ctx.types.type_type;
    let face = |t: &PyTypeRef, vm: &VirtualMachine| unsafe { &*proxy::type_as_c(t, vm) };
    let getters: [(&'static str, fn(&PyTypeObject) -> isize); 4] = [
        ("__dictoffset__", |t| t.tp_dictoffset),
        ("__weakrefoffset__", |t| t.tp_weaklistoffset),
        ("__basicsize__", |t| t.tp_basicsize),
        ("__itemsize__", |t| t.tp_itemsize),
    ];
    for (name, field) in getters {
        let get = move |t: PyTypeRef, vm: &VirtualMachine| pystate::enter(vm, || field(face(&t, vm)));
        put_attr(cls, vm.ctx.intern_str(name), vm.ctx.new_readonly_getset(name, cls, get).into());
    }
    // A C type's `__flags__` are its `tp_flags` (numpy's add_newdoc tells
    // its static types from Python classes by Py_TPFLAGS_HEAPTYPE); other
    // types keep the VM's.
    let Some(vm_flags) = cls.get_attr(vm.ctx.intern_str("__flags__")) else { return };
    let get = move |t: PyTypeRef, vm: &VirtualMachine| -> PyResult {
        let c_flags = pystate::enter(vm, || {
            let tp = proxy::existing(t.as_object())? as *mut PyTypeObject;
            is_c_type(tp).then(|| unsafe { (*tp).tp_flags })
        });
        match c_flags {
            Some(flags) => Ok(vm.ctx.new_int(flags).into()),
            None => vm.call_method(&vm_flags, "__get__", (t,)),
        }
    };
    put_attr(cls, vm.ctx.intern_str("__flags__"), vm.ctx.new_readonly_getset("__flags__", cls, get).into());
}

type VmNew = fn(PyTypeRef, FuncArgs, &VirtualMachine) -> PyResult;

/// The VM's own `object.__new__`, which [`object_vm_new`] wraps.
static OBJECT_NEW: std::sync::OnceLock<VmNew> = std::sync::OnceLock::new();

/// `object.__new__` builds C types' instances too. A C type whose `tp_new`
/// is `object`'s (inherited, as for most C types with no `tp_new`) shares
/// this VM slot with `object`, as in CPython, where their `tp_new` is the
/// same function: RustPython's safety check for `object.__new__(cls)`
/// compares the slots (zope.interface's classes rely on it).
pub fn init_object_new(vm: &VirtualMachine) {
    let object = vm.ctx.types.object_type;
    let Some(new) = object.slots.new.load() else { return };
    if OBJECT_NEW.set(new).is_err() {
        return;
    }
    // Every class made so far copied object's slot when it was made; the
    // check compares slots, so they all change with it (classes made later
    // copy the new one).
    let mut work: Vec<PyTypeRef> = vec![object.to_owned()];
    while let Some(ty) = work.pop() {
        if ty.slots.new.load().is_some_and(|f| std::ptr::fn_addr_eq(f, new)) {
            ty.slots.new.store(Some(object_vm_new));
        }
        let Ok(subclasses) = vm.call_method(ty.as_object(), "__subclasses__", ()) else { continue };
        let Ok(subclasses) = subclasses.try_to_value::<Vec<PyTypeRef>>(vm) else { continue };
        work.extend(subclasses);
    }
}

fn object_vm_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    // A class with C memory has a size of its own (above `object`'s, see
    // `slots.basicsize` in `ready`): only those need the walk.
    // The class's face has the tp_new its C base gave it (`inherit_layout`),
    // so one table lookup and a walk of `tp_base` pointers decide.
    if cls.slots.basicsize != vm.ctx.types.object_type.slots.basicsize {
        let c_instance = pystate::enter(vm, || unsafe {
            let tp = proxy::type_as_c(&cls, vm);
            (*tp).tp_new.is_some_and(|f| std::ptr::fn_addr_eq(f, object_new as NewFn)) && c_layout(tp)
        });
        if c_instance {
            return c_new(cls, args, vm);
        }
    }
    let new = OBJECT_NEW.get().ok_or_else(|| vm.new_system_error("object.__new__ is not set up"))?;
    new(cls, args, vm)
}

/// `tp_dict`: the VM type's namespace, when it is a dict (heap types), so
/// that C reading or storing into it (then `PyType_Modified`) works on the
/// type itself. The type holds a reference to it.
fn set_dict(tp: *mut PyTypeObject, ty: &Py<PyType>, vm: &VirtualMachine) {
    unsafe {
        if let Some(dict) = ty.attributes().as_dict() {
            (*tp).tp_dict = proxy::to_c_new(dict.as_object(), vm);
        }
        // `tp_bases` and `tp_mro` as CPython keeps them (Cython walks
        // `tp_mro` for its subtype checks).
        if (*tp).tp_bases.is_null() {
            let bases: Vec<PyObjectRef> = ty.bases.read().iter().map(|b| b.clone().into()).collect();
            (*tp).tp_bases = proxy::to_c_new(vm.ctx.new_tuple(bases).as_object(), vm);
        }
        let mro: Vec<PyObjectRef> = ty.mro_map_collect(|t| t.to_owned().into());
        (*tp).tp_mro = proxy::to_c_new(vm.ctx.new_tuple(mro).as_object(), vm);
    }
}

/// The nearest C type in the MRO of the VM type `ty` (itself included).
pub fn nearest_c_type(ty: &Py<PyType>, vm: &VirtualMachine) -> Option<*mut PyTypeObject> {
    let mro = ty.mro_map_collect(|t| t.to_owned());
    mro.iter().map(|t| proxy::type_as_c(t, vm)).find(|&tp| is_c_type(tp))
}

/// The nearest C type among the bases of the VM type `ty` (not itself).
fn nearest_c_base(ty: &Py<PyType>, vm: &VirtualMachine) -> Option<*mut PyTypeObject> {
    let mro = ty.mro_map_collect(|t| t.to_owned());
    mro.iter().skip(1).map(|t| proxy::type_as_c(t, vm)).find(|&tp| is_c_type(tp))
}

/// What an instance of a C type's subclass takes from the C type: its
/// layout and the slots that make, initialize and free it.
fn inherit_layout(t: &mut PyTypeObject, base: &PyTypeObject) {
    t.tp_basicsize = base.tp_basicsize;
    t.tp_itemsize = base.tp_itemsize;
    t.tp_alloc = base.tp_alloc;
    t.tp_new = base.tp_new;
    t.tp_dealloc = base.tp_dealloc;
    t.tp_free = base.tp_free;
    t.tp_traverse = base.tp_traverse;
    t.tp_clear = base.tp_clear;
    t.tp_is_gc = base.tp_is_gc;
    t.tp_vectorcall_offset = base.tp_vectorcall_offset;
    // The instance dict and weakref list stay where the C type keeps them
    // (CPython adds no second dict to a subclass of a type that has one):
    // C code reads them there, and the VM's dict is that dict.
    if base.tp_dictoffset != 0 {
        t.tp_dictoffset = base.tp_dictoffset;
    }
    if base.tp_weaklistoffset != 0 {
        t.tp_weaklistoffset = base.tp_weaklistoffset;
    }
    t.tp_flags |= base.tp_flags & (ffi::Py_TPFLAGS_HAVE_GC | ffi::Py_TPFLAGS_HAVE_VECTORCALL);
    if t.tp_flags & ffi::Py_TPFLAGS_HEAPTYPE != 0 && t.tp_flags & ffi::Py_TPFLAGS_HAVE_GC != 0 {
        t.tp_free = Some(crate::objimpl::PyObject_GC_Del);
    }
}

/// The slots a Python subclass of a C type takes from the C type: those
/// whose dunders no class between them overrides (CPython's
/// `update_one_slot` finds the C type's own wrapper and uses its function).
unsafe fn inherit_c_slots(t: &mut PyTypeObject, base: &PyTypeObject, ty: &Py<PyType>, vm: &VirtualMachine) {
    let mro = ty.mro_map_collect(|t| t.to_owned());
    let base_tp = base as *const PyTypeObject as *mut PyTypeObject;
    let overridden = |names: &[&str]| {
        mro.iter()
            .take_while(|cls| proxy::type_as_c(cls, vm) != base_tp)
            .any(|cls| names.iter().any(|n| cls.attributes().contains(vm.ctx.intern_str(*n))))
    };
    macro_rules! take {
        ($field:ident, $($name:literal),+) => {
            if !overridden(&[$($name),+]) {
                t.$field = base.$field;
            }
        };
    }
    take!(tp_init, "__init__");
    take!(tp_repr, "__repr__");
    take!(tp_str, "__str__");
    take!(tp_call, "__call__");
    take!(tp_iter, "__iter__");
    take!(tp_iternext, "__next__");
    take!(tp_hash, "__hash__", "__eq__");
    take!(tp_richcompare, "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__");
    take!(tp_getattro, "__getattribute__", "__getattr__");
    take!(tp_setattro, "__setattr__", "__delattr__");
    take!(tp_descr_get, "__get__");
    take!(tp_descr_set, "__set__", "__delete__");
    take!(tp_finalize, "__del__");
    take!(tp_as_async, "__await__", "__aiter__", "__anext__");
    take!(
        tp_as_number, "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__mod__",
        "__rmod__", "__divmod__", "__rdivmod__", "__pow__", "__rpow__", "__neg__", "__pos__", "__abs__",
        "__bool__", "__invert__", "__lshift__", "__rlshift__", "__rshift__", "__rrshift__", "__and__",
        "__rand__", "__xor__", "__rxor__", "__or__", "__ror__", "__int__", "__float__", "__iadd__",
        "__isub__", "__imul__", "__imod__", "__ipow__", "__ilshift__", "__irshift__", "__iand__",
        "__ixor__", "__ior__", "__floordiv__", "__rfloordiv__", "__truediv__", "__rtruediv__",
        "__ifloordiv__", "__itruediv__", "__index__", "__matmul__", "__rmatmul__", "__imatmul__"
    );
    take!(tp_as_sequence, "__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__add__", "__mul__", "__rmul__", "__iadd__", "__imul__");
    take!(tp_as_mapping, "__len__", "__getitem__", "__setitem__", "__delitem__");
    take!(tp_as_buffer, "__buffer__", "__release_buffer__");
}

fn flags_of(ty: &Py<PyType>, vm: &VirtualMachine) -> c_ulong {
    let ctx = &vm.ctx;
    let mut flags = ffi::Py_TPFLAGS_READY | ffi::Py_TPFLAGS_HAVE_VERSION_TAG;
    let vm_flags = &ty.slots.flags;
    if vm_flags.has_feature(PyTypeFlags::HEAPTYPE) {
        // Classes made in Python take part in garbage collection.
        flags |= ffi::Py_TPFLAGS_HEAPTYPE | ffi::Py_TPFLAGS_HAVE_GC;
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
    // The builtin containers take part in garbage collection.
    let collected = [
        ctx.types.list_type,
        ctx.types.dict_type,
        ctx.types.set_type,
        ctx.types.frozenset_type,
        ctx.types.tuple_type,
        ctx.types.type_type,
        ctx.types.function_type,
        ctx.types.bound_method_type,
        ctx.types.module_type,
        ctx.types.property_type,
    ];
    if collected.iter().any(|t| ty.fast_issubclass(*t)) {
        flags |= ffi::Py_TPFLAGS_HAVE_GC;
    }
    flags
}

/// A new type object for a VM type that has no static one, linked to it.
pub fn new_type_proxy(ty: &Py<PyType>, vm: &VirtualMachine) -> *mut CObject {
    unsafe {
        let p = proxy::alloc(size_of::<ffi::PyHeapTypeObject>(), null_mut());
        if p.is_null() {
            std::process::abort();
        }
        (*p).ob_refcnt = ffi::IMMORTAL_REFCNT;
        // Linked before it is filled: filling converts the base and metatype,
        // and must find this one already there.
        proxy::link(p, ty.as_object());
        let heap = p as *mut ffi::PyHeapTypeObject;
        fill(&raw mut (*heap).ht_type, tables_of(heap), ty, vm);
        if (*heap).ht_type.tp_flags & ffi::Py_TPFLAGS_HEAPTYPE != 0 {
            let name = ty.name().to_string();
            let qualname = ty.as_object().get_attr("__qualname__", vm).and_then(|q| q.str(vm)).map_or_else(|_| name.clone(), |q| q.to_string());
            set_heap_names(heap, &name, &qualname, vm);
        }
        p
    }
}

/// The VM type of the type object `tp`, readying a static C type that was
/// never readied (CPython lets `PyObject_New` use one).
pub fn vm_type(tp: *mut PyTypeObject, vm: &VirtualMachine) -> PyResult<PyTypeRef> {
    unsafe {
        if !proxy::is_prefixed(tp as *mut CObject) && (*tp).tp_flags & ffi::Py_TPFLAGS_READY == 0 {
            ready(tp, vm)?;
        }
        proxy::from_c(tp as *mut CObject, vm)?
            .downcast::<PyType>()
            .map_err(|o| vm.new_type_error(format!("expected a type, not {}", o.class().name())))
    }
}

// ---------------------------------------------------------------------------
// C types

/// `PyType_Ready`: completes `tp` from its base and makes its VM type.
unsafe fn ready(tp: *mut PyTypeObject, vm: &VirtualMachine) -> PyResult<()> {
    unsafe {
        let t = &mut *tp;
        if t.tp_flags & ffi::Py_TPFLAGS_READY != 0 {
            return Ok(());
        }
        if t.tp_flags & ffi::Py_TPFLAGS_READYING != 0 {
            return Err(vm.new_system_error(format!("type {} is its own base", cstr(t.tp_name))));
        }
        t.tp_flags |= ffi::Py_TPFLAGS_READYING;
        let r = ready_inner(tp, vm);
        (*tp).tp_flags &= !ffi::Py_TPFLAGS_READYING;
        r?;
        (*tp).tp_flags |= ffi::Py_TPFLAGS_READY;
        Ok(())
    }
}

unsafe fn ready_inner(tp: *mut PyTypeObject, vm: &VirtualMachine) -> PyResult<()> {
    unsafe {
        let t = &mut *tp;
        if t.ob_base.ob_base.ob_type.is_null() {
            t.ob_base.ob_base.ob_type = &raw mut PyType_Type;
        }
        if t.tp_base.is_null() {
            t.tp_base = &raw mut PyBaseObject_Type;
        }
        let base_tp = t.tp_base;
        let base = vm_type(base_tp, vm)?;
        let mut bases = vec![base];
        if !t.tp_bases.is_null() {
            let tuple = proxy::from_c(t.tp_bases, vm)?;
            let tuple = tuple.downcast::<PyTuple>().map_err(|_| vm.new_type_error("tp_bases must be a tuple"))?;
            bases = tuple
                .iter()
                .map(|b| b.clone().downcast::<PyType>().map_err(|_| vm.new_type_error("bases must be types")))
                .collect::<PyResult<_>>()?;
        }
        if t.tp_new.is_none() && base_tp == &raw mut PyBaseObject_Type && t.tp_flags & ffi::Py_TPFLAGS_HEAPTYPE == 0 {
            t.tp_flags |= ffi::Py_TPFLAGS_DISALLOW_INSTANTIATION;
        }
        // The dunders come from the slots the type defines itself, so they
        // are read before inheritance fills the rest.
        let mut own = OwnSlots::of(t);
        inherit(t, &*base_tp);
        if t.tp_hash.is_none() {
            // A type that defines comparison but not hashing is unhashable.
            t.tp_hash = Some(crate::object::PyObject_HashNotImplemented);
            own.ty.tp_hash = t.tp_hash;
        }
        let metatype = vm_type(t.ob_base.ob_base.ob_type, vm)?;
        let class = make_vm_type(tp, bases, metatype, vm)?;
        let class: &'static Py<PyType> = rustpython_vm::PyRef::leak(class);
        // A static type is never one of our blocks, whatever precedes it.
        if (*tp).tp_flags & ffi::Py_TPFLAGS_HEAPTYPE != 0 && proxy::is_prefixed(tp as *mut CObject) {
            (*tp).ob_base.ob_base.ob_refcnt = ffi::IMMORTAL_REFCNT;
            proxy::link(tp as *mut CObject, class.as_object());
        } else {
            proxy::register_static(tp as *mut CObject, class.as_object());
        }
        c_types().insert(tp as usize, CType { module: None });
        set_dict(tp, class, vm);
        populate(tp, &mut own, class, vm)?;
        // Set last: `__new__` in the dict made the VM route through it. A
        // `tp_new` inherited from a VM type's face (which calls the VM's
        // `__new__`) leaves the VM type with the `__new__` it inherited.
        if !new_from_vm(t) {
            let new: VmNew = match t.tp_new {
                Some(f) if std::ptr::fn_addr_eq(f, object_new as NewFn) => object_vm_new,
                Some(_) => c_new,
                None => disallowed_new,
            };
            class.slots.new.store(Some(new));
        }

        if t.tp_flags & ffi::Py_TPFLAGS_HEAPTYPE == 0 || t.tp_flags & ffi::Py_TPFLAGS_IMMUTABLETYPE != 0 {
            class.slots.flags.insert(PyTypeFlags::IMMUTABLETYPE);
        }
        Ok(())
    }
}

/// The slots a type defines itself, as `PyType_Ready` found it.
struct OwnSlots {
    ty: PyTypeObject,
    as_async: Option<ffi::PyAsyncMethods>,
    as_number: Option<ffi::PyNumberMethods>,
    as_mapping: Option<ffi::PyMappingMethods>,
    as_sequence: Option<ffi::PySequenceMethods>,
    as_buffer: Option<ffi::PyBufferProcs>,
}

impl OwnSlots {
    unsafe fn of(t: &PyTypeObject) -> Self {
        unsafe {
            Self {
                ty: std::ptr::read(t),
                as_async: t.tp_as_async.as_ref().map(|x| std::ptr::read(x)),
                as_number: t.tp_as_number.as_ref().map(|x| std::ptr::read(x)),
                as_mapping: t.tp_as_mapping.as_ref().map(|x| std::ptr::read(x)),
                as_sequence: t.tp_as_sequence.as_ref().map(|x| std::ptr::read(x)),
                as_buffer: t.tp_as_buffer.as_ref().map(|x| std::ptr::read(x)),
            }
        }
    }

    /// A type object holding only these slots, for `slots::install`.
    fn as_type(&mut self) -> PyTypeObject {
        let mut t = unsafe { std::ptr::read(&self.ty) };
        t.tp_as_async = self.as_async.as_mut().map_or(null_mut(), |x| x as *mut _);
        t.tp_as_number = self.as_number.as_mut().map_or(null_mut(), |x| x as *mut _);
        t.tp_as_mapping = self.as_mapping.as_mut().map_or(null_mut(), |x| x as *mut _);
        t.tp_as_sequence = self.as_sequence.as_mut().map_or(null_mut(), |x| x as *mut _);
        t.tp_as_buffer = self.as_buffer.as_mut().map_or(null_mut(), |x| x as *mut _);
        t
    }
}

/// CPython's `inherit_special` and `inherit_slots`: what `t` leaves unset
/// comes from its base.
unsafe fn inherit(t: &mut PyTypeObject, b: &PyTypeObject) {
    if t.tp_basicsize == 0 {
        t.tp_basicsize = b.tp_basicsize;
    }
    if t.tp_itemsize == 0 {
        t.tp_itemsize = b.tp_itemsize;
    }
    if t.tp_weaklistoffset == 0 {
        t.tp_weaklistoffset = b.tp_weaklistoffset;
    }
    if t.tp_dictoffset == 0 {
        t.tp_dictoffset = b.tp_dictoffset;
    }
    t.tp_flags |= b.tp_flags
        & (ffi::Py_TPFLAGS_LONG_SUBCLASS
            | ffi::Py_TPFLAGS_LIST_SUBCLASS
            | ffi::Py_TPFLAGS_TUPLE_SUBCLASS
            | ffi::Py_TPFLAGS_BYTES_SUBCLASS
            | ffi::Py_TPFLAGS_UNICODE_SUBCLASS
            | ffi::Py_TPFLAGS_DICT_SUBCLASS
            | ffi::Py_TPFLAGS_BASE_EXC_SUBCLASS
            | ffi::Py_TPFLAGS_TYPE_SUBCLASS);
    if t.tp_flags & ffi::Py_TPFLAGS_HAVE_GC == 0 && b.tp_flags & ffi::Py_TPFLAGS_HAVE_GC != 0 && t.tp_traverse.is_none() && t.tp_clear.is_none() {
        t.tp_flags |= ffi::Py_TPFLAGS_HAVE_GC;
        t.tp_traverse = b.tp_traverse;
        t.tp_clear = b.tp_clear;
    }
    // A method table the type lacks is the base's, shared.
    if t.tp_as_number.is_null() {
        t.tp_as_number = b.tp_as_number;
    }
    if t.tp_as_sequence.is_null() {
        t.tp_as_sequence = b.tp_as_sequence;
    }
    if t.tp_as_mapping.is_null() {
        t.tp_as_mapping = b.tp_as_mapping;
    }
    if t.tp_as_async.is_null() {
        t.tp_as_async = b.tp_as_async;
    }
    if t.tp_as_buffer.is_null() {
        t.tp_as_buffer = b.tp_as_buffer;
    }
    for d in slots::SLOTDEFS.iter().filter(|d| d.inherit == slots::Inherit::Copy) {
        let (Some(to), Some(from)) = (d.field(t), d.field(b)) else { continue };
        if to != from {
            unsafe {
                if (*to).is_null() {
                    *to = *from;
                }
            }
        }
    }
    if t.tp_richcompare.is_none() && t.tp_hash.is_none() {
        t.tp_richcompare = b.tp_richcompare;
        t.tp_hash = b.tp_hash;
    }
    if t.tp_flags & ffi::Py_TPFLAGS_DISALLOW_INSTANTIATION == 0 && t.tp_new.is_none() {
        t.tp_new = b.tp_new;
    }
    let same_call = matches!((t.tp_call, b.tp_call), (Some(x), Some(y)) if std::ptr::fn_addr_eq(x, y));
    if t.tp_vectorcall_offset == 0 && same_call {
        t.tp_vectorcall_offset = b.tp_vectorcall_offset;
        t.tp_flags |= b.tp_flags & ffi::Py_TPFLAGS_HAVE_VECTORCALL;
    }
    if t.tp_alloc.is_none() {
        t.tp_alloc = Some(PyType_GenericAlloc);
    }
    let plain_free = t.tp_free.is_some_and(|f| std::ptr::fn_addr_eq(f, crate::pymem::PyObject_Free as unsafe extern "C" fn(*mut c_void)));
    if t.tp_free.is_none() || plain_free && t.tp_flags & ffi::Py_TPFLAGS_HAVE_GC != 0 {
        t.tp_free = Some(if t.tp_flags & ffi::Py_TPFLAGS_HAVE_GC != 0 { crate::objimpl::PyObject_GC_Del } else { crate::pymem::PyObject_Free });
    }
}

/// The VM heap type for the C type `tp`, with its name, doc, flags and
/// `__new__`; its dict is filled by [`populate`] once it exists.
unsafe fn make_vm_type(
    tp: *mut PyTypeObject,
    bases: Vec<PyTypeRef>,
    metatype: PyTypeRef,
    vm: &VirtualMachine,
) -> PyResult<PyTypeRef> {
    unsafe {
        let t = &*tp;
        let full: &'static str = Box::leak(cstr(t.tp_name).into_boxed_str());
        let (module, name) = match full.rsplit_once('.') {
            Some((m, n)) => (m, n),
            None => ("builtins", full),
        };
        let mut slots = PyTypeSlots::new(full, PyTypeFlags::default());
        // A type that adds fields gets a size of its own, which lets the VM
        // find the best base of a class deriving from it and see a layout
        // conflict between two such bases; one that adds none has its
        // base's. The VM compares it with its own types' sizes, so it is
        // the C size on top of `object`'s: a C size that happened to equal
        // `object`'s VM size (48 here; wrapt's ObjectProxy is 48 bytes) made
        // `class S(PyMixin, ObjectProxy)` take PyMixin as its base.
        let base = &*t.tp_base;
        // Instances the VM makes (a `tp_new` from a VM type) have the VM's
        // layout; their C fields live in their proxies (`proxy.rs`).
        let own_layout = t.tp_basicsize != base.tp_basicsize || t.tp_itemsize != base.tp_itemsize;
        if own_layout && !new_from_vm(t) {
            slots.basicsize = vm.ctx.types.object_type.slots.basicsize + t.tp_basicsize as usize;
            slots.itemsize = t.tp_itemsize as usize;
        }
        if !t.tp_doc.is_null() {
            // The VM reads `__text_signature__` from the full text.
            slots.doc.text = Some(Box::leak(cstr(t.tp_doc).into_boxed_str()));
        }
        if t.tp_flags & ffi::Py_TPFLAGS_BASETYPE != 0 {
            slots.flags.insert(PyTypeFlags::BASETYPE);
        }
        if t.tp_dictoffset != 0 || t.tp_flags & ffi::Py_TPFLAGS_MANAGED_DICT != 0 {
            slots.flags.insert(PyTypeFlags::HAS_DICT);
        }
        if t.tp_weaklistoffset != 0 || t.tp_flags & ffi::Py_TPFLAGS_MANAGED_WEAKREF != 0 {
            slots.flags.insert(PyTypeFlags::HAS_WEAKREF);
        }
        let mut attrs = Vec::new();
        attrs.push((vm.ctx.intern_str("__module__"), vm.ctx.new_str(module).into()));
        if !t.tp_doc.is_null() {
            let doc = cstr(t.tp_doc);
            let (sig, body) = crate::methodobject::split_internal_doc(name, &doc);
            attrs.push((vm.ctx.intern_str("__doc__"), vm.ctx.new_str(body).into()));
            if let Some(sig) = sig {
                attrs.push((vm.ctx.intern_str("__text_signature__"), vm.ctx.new_str(sig).into()));
            }
        } else {
            attrs.push((vm.ctx.intern_str("__doc__"), vm.ctx.none()));
        }
        PyType::new_heap(name, bases, attrs.into_iter().collect(), slots, metatype, &vm.ctx).map_err(|e| vm.new_type_error(e))
    }
}

/// Fills the VM type of `tp` with its `__new__`, slot dunders, methods,
/// members and getsets, in CPython's order: a method does not replace a
/// slot's dunder unless it is METH_COEXIST.
unsafe fn populate(tp: *mut PyTypeObject, own: &mut OwnSlots, class: &'static Py<PyType>, vm: &VirtualMachine) -> PyResult<()> {
    unsafe {
        let t = &*tp;
        if own.ty.tp_new.is_some() && !new_from_vm(t) {
            let new = new_wrapper(tp, vm);
            put_attr(class, vm.ctx.intern_str("__new__"), new);
        }
        let own_tp = own.as_type();
        slots::install(&own_tp, class, vm)?;
        let set = |name: &str, value: PyObjectRef, replace: bool| -> PyResult<()> {
            let name = vm.ctx.intern_str(name);
            if replace || !class.attributes().contains(name) {
                put_attr(class, name, value);
            }
            Ok(())
        };
        let mut m = t.tp_methods;
        while !m.is_null() && !(*m).ml_name.is_null() {
            let replace = (*m).ml_flags & ffi::METH_COEXIST != 0;
            set(&cstr((*m).ml_name), methodobject::new_descriptor(m, class, tp, vm)?, replace)?;
            m = m.add(1);
        }
        // CPython sets `__module__` and `__doc__` from the spec and `tp_doc`
        // after the members and getsets, and only where none is named so:
        // a member or getset of that name (every instance's own, as
        // Cython's functions have) wins.
        let own_name = |name: &str| matches!(name, "__module__" | "__doc__");
        let mut d = t.tp_members;
        while !d.is_null() && !(*d).name.is_null() {
            let name = cstr((*d).name);
            // `__weaklistoffset__` and friends describe the layout; CPython
            // reads them from heap type specs and makes no descriptor.
            if !matches!(name.as_str(), "__weaklistoffset__" | "__dictoffset__" | "__vectorcalloffset__") {
                set(&name, descrobject::new_member(d, class, vm), own_name(&name))?;
            }
            d = d.add(1);
        }
        let mut g = t.tp_getset;
        while !g.is_null() && !(*g).name.is_null() {
            let name = cstr((*g).name);
            set(&name, descrobject::new_getset(g, class, vm), own_name(&name))?;
            g = g.add(1);
        }
        Ok(())
    }
}

/// Puts `value` in the dict of the type being made. Its slots are set
/// directly (`slots::install`), so a name that is also a slot's dunder (a
/// METH_COEXIST method) does not change what the slot calls, as in CPython.
pub fn put_attr(class: &Py<PyType>, name: &'static rustpython_vm::builtins::PyStrInterned, value: PyObjectRef) {
    class.attributes().insert(name, value);
    class.modified();
}

/// `T.__new__(cls, ...)`: the C type's `tp_new` with `cls` as the subtype,
/// as CPython's `tp_new_wrapper`.
fn new_wrapper(tp: *mut PyTypeObject, vm: &VirtualMachine) -> PyObjectRef {
    #[derive(Clone, Copy)]
    struct Tp(*mut PyTypeObject);
    // SAFETY: an immortal type object.
    unsafe impl Send for Tp {}
    unsafe impl Sync for Tp {}
    let owner = Tp(tp);
    let func = move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
        let owner = owner;
        pystate::enter(vm, || new_wrapper_call(owner.0, args, vm))
    };
    let f = vm.new_function("__new__", func);
    vm.ctx.types.staticmethod_type.as_object().call((f,), vm).unwrap_or_else(|_| vm.ctx.none())
}

fn new_wrapper_call(owner: *mut PyTypeObject, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    {
        let FuncArgs { mut args, kwargs } = args;
        if args.is_empty() {
            return Err(vm.new_type_error(format!("{}.__new__(): not enough arguments", cstr(unsafe { (*owner).tp_name }))));
        }
        let cls = args.remove(0).downcast::<PyType>().map_err(|o| {
            vm.new_type_error(format!("{}.__new__(X): X is not a type object ({})", cstr(unsafe { (*owner).tp_name }), o.class().name()))
        })?;
        let owner_type = vm_type(owner, vm)?;
        if !cls.fast_issubclass(&owner_type) {
            let (o, c) = (type_name(owner), type_name(proxy::type_as_c(&cls, vm)));
            return Err(vm.new_type_error(format!("{o}.__new__({c}): {c} is not a subtype of {o}")));
        }
        call_tp_new(owner, &cls, FuncArgs::new(args, kwargs), vm)
    }
}

/// Calls `owner`'s `tp_new` for an instance of `cls`.
fn call_tp_new(owner: *mut PyTypeObject, cls: &Py<PyType>, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    crate::boundary::into_c(vm, [], || unsafe {
        let sub = proxy::type_as_c(cls, vm);
        let Some(new) = (*owner).tp_new else {
            return Err(vm.new_type_error(format!("cannot create '{}' instances", cstr((*sub).tp_name))));
        };
        let r = crate::abstract_::call::lend_tuple(&args.args, args.kwargs, vm, |t, kw| new(sub, t, kw))?;
        pyerrors::check_result(r, || format!("{}.__new__", cstr((*owner).tp_name)), vm)
    })
}

type NewFn = unsafe extern "C" fn(*mut PyTypeObject, *mut CObject, *mut CObject) -> *mut CObject;

/// Whether `t`'s `tp_new` is a VM type's `__new__` (inherited from its face).
fn new_from_vm(t: &PyTypeObject) -> bool {
    t.tp_new.is_some_and(|f| std::ptr::fn_addr_eq(f, slots::slot_tp_new as NewFn))
}

/// The VM's `__new__` slot of a C type and its Python subclasses.
fn c_new(cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    pystate::enter(vm, || call_tp_new(proxy::type_as_c(&cls, vm), &cls, args, vm))
}

/// The VM's call slot of a C type with `tp_call` (and its subclasses): an
/// instance with a vectorcall function runs it, as CPython's call does.
pub(crate) fn c_call(obj: &rustpython_vm::PyObject, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    crate::boundary::into_c(vm, [obj], || unsafe {
        let o = proxy::as_c(obj, vm);
        // A Python subclass gets here through its C base's `__call__`
        // (`super().__call__`): its own tp_call would call back into Python.
        let own = (*o).ob_type;
        let tp = if is_c_type(own) { own } else { nearest_c_type(obj.class(), vm).unwrap_or(own) };
        let vectorcall = if tp == own { crate::abstract_::call::vectorcall_of(o) } else { None };
        match vectorcall {
            Some(f) => crate::abstract_::call::vectorcall(o, f, args, vm),
            None => match (*tp).tp_call {
                Some(call) => {
                    let r = crate::abstract_::call::lend_tuple(&args.args, args.kwargs, vm, |t, kw| call(o, t, kw))?;
                    pyerrors::check_result(r, || format!("{}.__call__", type_name(tp)), vm)
                }
                None => Err(vm.new_type_error(format!("'{}' object is not callable", type_name(own)))),
            },
        }
    })
}

fn disallowed_new(cls: PyTypeRef, _args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let tp = pystate::enter(vm, || proxy::type_as_c(&cls, vm));
    Err(vm.new_type_error(format!("cannot create '{}' instances", type_name(tp))))
}

/// `object`'s `tp_dealloc` for C: free the memory.
unsafe extern "C" fn object_dealloc(op: *mut CObject) {
    unsafe {
        match (*(*op).ob_type).tp_free {
            Some(free) => free(op as *mut c_void),
            None => crate::pymem::PyObject_Free(op as *mut c_void),
        }
    }
}

/// `object`'s `tp_new` for C: a C type's instance from its `tp_alloc`, any
/// other type's from the VM.
unsafe extern "C" fn object_new(tp: *mut PyTypeObject, args: *mut CObject, kw: *mut CObject) -> *mut CObject {
    unsafe {
        if c_layout(tp) {
            return match (*tp).tp_alloc {
                Some(alloc) => alloc(tp, 0),
                None => PyType_GenericAlloc(tp, 0),
            };
        }
        slots::slot_tp_new(tp, args, kw)
    }
}

/// For `tp` whose instances are C memory, the first of the VM's own types
/// in the MRO of `cls` (its VM type) past the C types and Python classes,
/// `object` aside: the VM base whose slot C called (numpy's float64 calls
/// `PyFloat_Type.tp_new`, its str_ `PyUnicode_Type.tp_richcompare`), which
/// must run the base's own code, not dispatch on the type again.
pub unsafe fn builtin_base(tp: *mut PyTypeObject, cls: &Py<PyType>) -> Option<PyTypeRef> {
    unsafe {
        if !c_layout(tp) {
            return None;
        }
    }
    let vm = pystate::current_vm()?;
    cls.mro_map_collect(|t| t.to_owned()).into_iter().find(|t| {
        let heap = t.slots.flags.has_feature(rustpython_vm::types::PyTypeFlags::HEAPTYPE);
        !heap && !is_c_type(proxy::type_as_c(t, vm)) && !t.is(vm.ctx.types.object_type)
    })
}

/// The `__new__` slot of [`builtin_base`] (`object`'s `tp_new` for C is
/// [`object_new`]).
pub unsafe fn builtin_base_new(tp: *mut PyTypeObject, cls: &Py<PyType>) -> Option<fn(PyTypeRef, FuncArgs, &VirtualMachine) -> PyResult> {
    let t = unsafe { builtin_base(tp, cls) }?;
    let vm = pystate::current_vm()?;
    // RustPython's str cannot be of a class of another size.
    if t.is(vm.ctx.types.str_type) && cls.slots.basicsize != t.slots.basicsize {
        return Some(crate::unicodeobject::subtype_new as fn(PyTypeRef, FuncArgs, &VirtualMachine) -> PyResult);
    }
    t.slots.new.load()
}

/// Whether instances of `tp` are C memory: it or a base is a C type.
unsafe fn c_layout(tp: *mut PyTypeObject) -> bool {
    let mut t = tp;
    unsafe {
        while !t.is_null() {
            if is_c_type(t) {
                return true;
            }
            t = (*t).tp_base;
        }
    }
    false
}

/// The address of the field slot id `id` names in `tp` (`PyType_Slot`).
unsafe fn slot_field(tp: *mut PyTypeObject, id: c_int) -> Option<*mut *mut c_void> {
    slots::SlotDef::by_id(id).and_then(|d| d.field(unsafe { &*tp }))
}

const PY_TP_BASE: c_int = 48;
const PY_TP_BASES: c_int = 49;
const PY_TP_DOC: c_int = 56;
const PY_TP_TOKEN: c_int = 83;

/// `PyType_FromMetaclass` and the functions that are special cases of it.
unsafe fn from_spec(
    metatype: *mut PyTypeObject,
    module: Option<PyObjectRef>,
    spec: *const ffi::PyType_Spec,
    bases: Option<PyObjectRef>,
    vm: &VirtualMachine,
) -> PyResult<*mut CObject> {
    unsafe {
        if spec.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let spec = &*spec;
        let name = cstr(spec.name);
        let p = proxy::alloc(size_of::<ffi::PyHeapTypeObject>(), if metatype.is_null() { &raw mut PyType_Type } else { metatype });
        if p.is_null() {
            return Err(vm.new_memory_error(""));
        }
        let heap = p as *mut ffi::PyHeapTypeObject;
        let tp = &raw mut (*heap).ht_type;
        let t = &mut *tp;
        t.tp_as_async = &raw mut (*heap).as_async;
        t.tp_as_number = &raw mut (*heap).as_number;
        t.tp_as_mapping = &raw mut (*heap).as_mapping;
        t.tp_as_sequence = &raw mut (*heap).as_sequence;
        t.tp_as_buffer = &raw mut (*heap).as_buffer;
        let short = name.rsplit('.').next().unwrap_or(&name);
        set_heap_names(heap, short, short, vm);
        // The name lives as long as the (immortal) type.
        t.tp_name = CString::new(name.clone()).unwrap_or_default().into_raw();
        // A negative size is the size of this type's own data, after its
        // base's (3.12's `PyObject_GetTypeData`); set once the base is known.
        t.tp_basicsize = spec.basicsize.max(0) as isize;
        t.tp_itemsize = spec.itemsize as isize;
        t.tp_flags = spec.flags as c_ulong | ffi::Py_TPFLAGS_HEAPTYPE;
        let mut bases = bases;
        let mut slot = spec.slots;
        while !slot.is_null() && (*slot).slot != 0 {
            let (id, value) = ((*slot).slot, (*slot).pfunc);
            match id {
                PY_TP_BASE | PY_TP_BASES => {
                    if bases.is_none() && !value.is_null() {
                        bases = Some(proxy::from_c(value as *mut CObject, vm)?);
                    }
                }
                PY_TP_DOC => {
                    if !value.is_null() {
                        t.tp_doc = CString::new(cstr(value as *const c_char)).unwrap_or_default().into_raw();
                    }
                }
                // Py_TP_USE_SPEC (NULL) names the spec itself.
                PY_TP_TOKEN => (*heap).ht_token = if value.is_null() { spec as *const _ as *mut c_void } else { value },
                _ => match slot_field(tp, id) {
                    Some(field) => *field = value,
                    None => return Err(vm.new_runtime_error(format!("invalid slot offset {id}"))),
                },
            }
            slot = slot.add(1);
        }
        // Py_tp_members may describe the layout instead of attributes.
        let mut d = t.tp_members;
        while !d.is_null() && !(*d).name.is_null() {
            let off = (*d).offset;
            match CStr::from_ptr((*d).name).to_bytes() {
                b"__weaklistoffset__" => t.tp_weaklistoffset = off,
                b"__dictoffset__" => t.tp_dictoffset = off,
                b"__vectorcalloffset__" => t.tp_vectorcall_offset = off,
                _ => {}
            }
            d = d.add(1);
        }
        // Empty tables inherit from the base as CPython's NULL ones do.
        for (table, size) in [
            (&raw mut t.tp_as_async as *mut *mut u8, size_of::<ffi::PyAsyncMethods>()),
            (&raw mut t.tp_as_number as *mut *mut u8, size_of::<ffi::PyNumberMethods>()),
            (&raw mut t.tp_as_mapping as *mut *mut u8, size_of::<ffi::PyMappingMethods>()),
            (&raw mut t.tp_as_sequence as *mut *mut u8, size_of::<ffi::PySequenceMethods>()),
            (&raw mut t.tp_as_buffer as *mut *mut u8, size_of::<ffi::PyBufferProcs>()),
        ] {
            if std::slice::from_raw_parts(*table, size).iter().all(|&b| b == 0) {
                *table = null_mut();
            }
        }
        if let Some(bases) = bases {
            let list: Vec<PyObjectRef> = match bases.downcast_ref::<PyTuple>() {
                Some(tuple) => tuple.as_slice().to_vec(),
                None => vec![bases.clone()],
            };
            let first = list.first().ok_or_else(|| vm.new_type_error("bases must not be empty"))?;
            t.tp_base = proxy::as_c(first, vm) as *mut PyTypeObject;
            if list.len() > 1 {
                t.tp_bases = proxy::to_c_new(vm.ctx.new_tuple(list).as_object(), vm);
            }
        }
        if spec.basicsize < 0 {
            t.tp_basicsize = type_data_offset(tp) + spec.basicsize.unsigned_abs() as isize;
        }
        if !t.tp_base.is_null() {
            let base = vm_type(t.tp_base, vm)?;
            if !base.slots.flags.has_feature(PyTypeFlags::BASETYPE) {
                return Err(vm.new_type_error(format!("type '{}' is not an acceptable base type", type_name(t.tp_base))));
            }
        }
        ready(tp, vm)?;
        if let Some(m) = module {
            (*heap).ht_module = proxy::to_c_new(&m, vm);
            if let Some(info) = c_types().get_mut(&(tp as usize)) {
                info.module = Some(m);
            }
        }
        proxy::incref(p);
        Ok(p)
    }
}

/// Where `tp`'s own data starts in its instances: after its base's layout
/// (`object`'s when it has none yet), aligned as CPython aligns it
/// (`max_align_t`).
fn type_data_offset(tp: *mut PyTypeObject) -> isize {
    const ALIGN: isize = 16;
    let base = unsafe { if (*tp).tp_base.is_null() { &raw mut PyBaseObject_Type } else { (*tp).tp_base } };
    let size = unsafe { (*base).tp_basicsize };
    (size + ALIGN - 1) / ALIGN * ALIGN
}

fn type_name(tp: *mut PyTypeObject) -> String {
    unsafe { cstr((*tp).tp_name) }
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
                $( fill(&raw mut $sym, Box::leak(Box::default()), ctx.types.$field, vm); )*
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
    PyTraceBack_Type = traceback_type,
    PyCell_Type = cell_type,
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
    PyEnum_Type = enumerate_type,
    PyReversed_Type = reverse_iter_type,
    PyFilter_Type = filter_type,
    PyMap_Type = map_type,
    PyZip_Type = zip_type,
    PyUnicodeIter_Type = str_iterator_type,
    Py_GenericAliasType = generic_alias_type,
    PyCode_Type = code_type,
    PyFrame_Type = frame_type,
    PyFrameLocalsProxy_Type = frame_locals_proxy_type,
    PyGen_Type = generator_type,
    PyCoro_Type = coroutine_type,
    PyAsyncGen_Type = async_generator,
    _PyAsyncGenASend_Type = async_generator_asend,
    _PyNone_Type = none_type,
    _PyNotImplemented_Type = not_implemented_type,
    _PyWeakref_RefType = weakref_type,
    _PyWeakref_ProxyType = weakproxy_type,
    _PyWeakref_CallableProxyType = weakcallableproxy_type,
    PyByteArrayIter_Type = bytearray_iterator_type,
    PyBytesIter_Type = bytes_iterator_type,
    PyDictKeys_Type = dict_keys_type,
    PyDictValues_Type = dict_values_type,
    PyDictItems_Type = dict_items_type,
    PyDictIterKey_Type = dict_keyiterator_type,
    PyDictIterValue_Type = dict_valueiterator_type,
    PyDictIterItem_Type = dict_itemiterator_type,
    PyDictRevIterKey_Type = dict_reversekeyiterator_type,
    PyDictRevIterValue_Type = dict_reversevalueiterator_type,
    PyDictRevIterItem_Type = dict_reverseitemiterator_type,
    PyListIter_Type = list_iterator_type,
    PyListRevIter_Type = list_reverseiterator_type,
    PyTupleIter_Type = tuple_iterator_type,
    PySetIter_Type = set_iterator_type,
    PyRangeIter_Type = range_iterator_type,
    PyLongRangeIter_Type = long_range_iterator_type,
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

/// The C type's record, or the TypeError CPython gives for a static type.
fn c_type_module(tp: *mut PyTypeObject, what: &str, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let types = c_types();
    let info = types.get(&(tp as usize));
    let heap = unsafe { (*tp).tp_flags } & ffi::Py_TPFLAGS_HEAPTYPE != 0;
    match info.and_then(|i| i.module.clone()) {
        Some(m) => Ok(m),
        None if !heap => Err(vm.new_type_error(format!("{what}: Type '{}' is not a heap type", type_name(tp)))),
        None => Err(vm.new_type_error(format!("{what}: Type '{}' has no associated module", type_name(tp)))),
    }
}

capi! {
    fn PyType_IsSubtype(vm, a: PyObjectRef, b: PyObjectRef) -> i32 {
        Ok(as_type(a, vm)?.fast_issubclass(&as_type(b, vm)?) as i32)
    }

    fn PyType_GetFlags(vm, t: Ptr) -> u64 {
        Ok(unsafe { (*(t.0 as *mut PyTypeObject)).tp_flags } as u64)
    }

    unsafe fn PyType_Ready(vm, t: Ptr) -> () {
        ready(t.0 as *mut PyTypeObject, vm)
    }

    /// Zeroed memory for an instance of `tp` with `nitems` items (and room
    /// for one more, as CPython allocates).
    fn PyType_GenericAlloc(vm, tp: *mut PyTypeObject, nitems: isize) -> NewPtr {
        if tp.is_null() {
            return Err(crate::boundary::null_argument(vm));
        }
        unsafe {
            let t = &*tp;
            let mut size = t.tp_basicsize.max(size_of::<CObject>() as isize) as usize;
            if t.tp_itemsize != 0 {
                size += (nitems.max(0) as usize + 1) * t.tp_itemsize.unsigned_abs();
                size = size.next_multiple_of(size_of::<usize>());
            }
            let op = proxy::alloc_block(size) as *mut CObject;
            if op.is_null() {
                return Err(vm.new_memory_error(""));
            }
            proxy::init_instance(op, tp);
            if t.tp_itemsize != 0 {
                (*(op as *mut ffi::PyVarObject)).ob_size = nitems;
            }
            Ok(NewPtr(op))
        }
    }

    unsafe fn PyType_GenericNew(vm, tp: *mut PyTypeObject, args: *mut CObject, kw: *mut CObject) -> NewPtr {
        if tp.is_null() {
            return Err(crate::boundary::null_argument(vm));
        }
        let alloc = (*tp).tp_alloc.unwrap_or(PyType_GenericAlloc);
        let op = alloc(tp, 0);
        if op.is_null() {
            return Err(pyerrors::take().unwrap_or_else(|| vm.new_memory_error("")));
        }
        Ok(NewPtr(op))
    }

    fn PyType_FromSpec(vm, spec: *const ffi::PyType_Spec) -> NewPtr {
        unsafe { from_spec(null_mut(), None, spec, None, vm) }.map(NewPtr)
    }

    fn PyType_FromSpecWithBases(vm, spec: *const ffi::PyType_Spec, bases: Option<PyObjectRef>) -> NewPtr {
        unsafe { from_spec(null_mut(), None, spec, bases, vm) }.map(NewPtr)
    }

    fn PyType_FromModuleAndSpec(vm, module: Option<PyObjectRef>, spec: *const ffi::PyType_Spec, bases: Option<PyObjectRef>) -> NewPtr {
        unsafe { from_spec(null_mut(), module, spec, bases, vm) }.map(NewPtr)
    }

    fn PyType_FromMetaclass(vm, metatype: *mut PyTypeObject, module: Option<PyObjectRef>, spec: *const ffi::PyType_Spec, bases: Option<PyObjectRef>) -> NewPtr {
        unsafe { from_spec(metatype, module, spec, bases, vm) }.map(NewPtr)
    }

    /// Borrowed from the type (or a base) that has it; NULL, with no
    /// exception, when no class along the MRO defines `name`.
    fn _PyType_Lookup<'py>(vm, tp: &'py rustpython_vm::PyObject, name: PyObjectRef) -> Option<Borrowed<'py>> {
        let Some(ty) = tp.downcast_ref::<PyType>() else { return Err(crate::boundary::bad_internal_call(vm)) };
        let Ok(name) = name.downcast::<rustpython_vm::builtins::PyStr>() else { return Ok(None) };
        Ok(ty.get_attr(vm.ctx.intern_str(name.as_wtf8().to_string().as_str())).map(|v| Borrowed::held_by(tp, &v, vm)))
    }

    unsafe fn PyType_GetSlot(vm, tp: Ptr, id: c_int) -> *mut c_void {
        let tp = tp.0 as *mut PyTypeObject;
        if !(1..=82).contains(&id) {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        Ok(slot_field(tp, id).map_or(null_mut(), |f| *f))
    }

    /// Borrowed: the type holds its module.
    fn PyType_GetModule(vm, tp: Ptr) -> Borrowed<'static> {
        let m = c_type_module(tp.0 as *mut PyTypeObject, "PyType_GetModule", vm)?;
        Ok(Borrowed::held_by_c(tp, &m, vm))
    }

    fn PyType_GetModuleState(vm, tp: Ptr) -> *mut c_void {
        let m = c_type_module(tp.0 as *mut PyTypeObject, "PyType_GetModuleState", vm)?;
        Ok(moduleobject::info_of(&m, vm).map_or(null_mut(), |i| i.state))
    }

    /// Borrowed: the first module made from `def` among the modules of the
    /// C types in `tp`'s MRO.
    fn PyType_GetModuleByDef(vm, tp: Ptr, def: *mut ffi::PyModuleDef) -> Borrowed<'static> {
        let ty = vm_type(tp.0 as *mut PyTypeObject, vm)?;
        for t in ty.mro_map_collect(|t| t.to_owned()) {
            let c = proxy::type_as_c(&t, vm);
            let module = c_types().get(&(c as usize)).and_then(|i| i.module.clone());
            if let Some(m) = module {
                if moduleobject::info_of(&m, vm).is_some_and(|i| i.def == def) {
                    return Ok(Borrowed::held_by_c(tp, &m, vm));
                }
            }
        }
        Err(vm.new_type_error(format!(
            "PyType_GetModuleByDef: No superclass of '{}' has the given module",
            ty.name()
        )))
    }

    /// The data `cls` added to `obj`'s layout (a spec with a negative
    /// `basicsize`).
    unsafe fn PyObject_GetTypeData(vm, obj: Ptr, cls: Ptr) -> *mut c_void {
        Ok((obj.0 as *mut u8).offset(type_data_offset(cls.0 as *mut PyTypeObject)) as *mut c_void)
    }

    unsafe fn PyType_GetTypeDataSize(vm, cls: Ptr) -> isize {
        let cls = cls.0 as *mut PyTypeObject;
        Ok(((*cls).tp_basicsize - type_data_offset(cls)).max(0))
    }

    /// The items of a variable-size object whose type says they are at the
    /// end (`Py_TPFLAGS_ITEMS_AT_END`).
    unsafe fn PyObject_GetItemData(vm, obj: Ptr) -> *mut c_void {
        let tp = (*obj.0).ob_type;
        if (*tp).tp_flags & ffi::Py_TPFLAGS_ITEMS_AT_END == 0 {
            return Err(vm.new_type_error(format!(
                "type '{}' does not have Py_TPFLAGS_ITEMS_AT_END",
                type_name(tp)
            )));
        }
        Ok((obj.0 as *mut u8).offset((*tp).tp_basicsize) as *mut c_void)
    }

    fn PyType_GetName(vm, tp: Ptr) -> PyObjectRef {
        Ok(vm_type(tp.0 as *mut PyTypeObject, vm)?.as_object().get_attr("__name__", vm)?)
    }

    fn PyType_GetQualName(vm, tp: Ptr) -> PyObjectRef {
        Ok(vm_type(tp.0 as *mut PyTypeObject, vm)?.as_object().get_attr("__qualname__", vm)?)
    }

    fn PyType_GetModuleName(vm, tp: Ptr) -> PyObjectRef {
        Ok(vm_type(tp.0 as *mut PyTypeObject, vm)?.as_object().get_attr("__module__", vm)?)
    }

    fn PyType_GetFullyQualifiedName(vm, tp: Ptr) -> PyObjectRef {
        let ty = vm_type(tp.0 as *mut PyTypeObject, vm)?;
        Ok(fully_qualified_name(ty.as_object(), vm)?.into())
    }

    /// After C changed `tp_dict`: the VM's lookup caches forget the type.
    fn PyType_Modified(vm, tp: Ptr) -> () {
        vm_type(tp.0 as *mut PyTypeObject, vm)?.modified();
        Ok(())
    }

    /// Makes the type immutable (3.14); every base must already be.
    fn PyType_Freeze(vm, tp: Ptr) -> () {
        let t = tp.0 as *mut PyTypeObject;
        let ty = vm_type(t, vm)?;
        for base in ty.bases.read().iter() {
            if !base.slots.flags.has_feature(PyTypeFlags::IMMUTABLETYPE) {
                // CPython names the base fully qualified (`%N`).
                let base_name = fully_qualified_name(base.as_object(), vm)?;
                return Err(vm.new_type_error(format!("Creating immutable type {} from mutable base {}", ty.name(), base_name)));
            }
        }
        ty.slots.flags.insert(PyTypeFlags::IMMUTABLETYPE);
        unsafe { (*t).tp_flags |= ffi::Py_TPFLAGS_IMMUTABLETYPE };
        ty.modified();
        Ok(())
    }

    fn PyType_GetDict(vm, tp: Ptr) -> PyObjectRef {
        let ty = vm_type(tp.0 as *mut PyTypeObject, vm)?;
        if let Some(d) = ty.attributes().as_dict() {
            return Ok(d.to_owned().into());
        }
        // A builtin type's namespace is no dict object: a copy of it.
        let d = vm.ctx.new_dict();
        for (k, v) in ty.attributes().entries() {
            d.set_item(&*k, v, vm)?;
        }
        Ok(d.into())
    }

    fn PyType_ClearCache(vm) -> u32 {
        Ok(0)
    }

    /// The first type in `tp`'s MRO whose `Py_tp_token` is `token`: 1 and a
    /// new reference in `*result` (when not NULL), or 0 and NULL. Only heap
    /// types have tokens, and a static type has no heap-type base.
    unsafe fn PyType_GetBaseByToken(vm, tp: Ptr, token: *mut c_void, result: *mut *mut PyTypeObject) -> i32 {
        if !result.is_null() {
            *result = null_mut();
        }
        if token.is_null() {
            return Err(vm.new_system_error("PyType_GetBaseByToken called with token=NULL"));
        }
        let obj = proxy::from_c_ref(tp.0, vm)?;
        let Some(class) = obj.downcast_ref::<PyType>() else {
            let name = fully_qualified_name(obj.class().as_object(), vm)?;
            return Err(vm.new_type_error(format!("expected a type, got a '{name}' object")));
        };
        let heap_token = |t: &Py<PyType>| {
            let face = proxy::type_as_c(t, vm);
            // Every heap type's face is a `PyHeapTypeObject` (a VM class's
            // too, with no token).
            ((*face).tp_flags & ffi::Py_TPFLAGS_HEAPTYPE != 0).then(|| (face, (*(face as *mut ffi::PyHeapTypeObject)).ht_token))
        };
        let Some((face, own)) = heap_token(class) else { return Ok(0) };
        let found = if own == token {
            Some(face)
        } else {
            class.mro_collect().iter().find_map(|b| heap_token(b).filter(|(_, t)| *t == token).map(|(f, _)| f))
        };
        let Some(found) = found else { return Ok(0) };
        if !result.is_null() {
            proxy::incref(found as *mut CObject);
            *result = found;
        }
        Ok(1)
    }
}

/// What CPython's `%T` prints of a type: its qualified name, after its
/// module unless that is `builtins` or `__main__`.
pub fn fully_qualified_name(ty: &rustpython_vm::PyObject, vm: &VirtualMachine) -> PyResult<rustpython_vm::builtins::PyStrRef> {
    let qualname = ty.get_attr("__qualname__", vm)?.str(vm)?;
    let module = ty.get_attr("__module__", vm)?.str(vm)?;
    Ok(if module.as_wtf8() == "builtins" || module.as_wtf8() == "__main__" {
        qualname
    } else {
        vm.ctx.new_str(format!("{module}.{qualname}"))
    })
}
