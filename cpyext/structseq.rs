//! Struct sequences (`structseq.h`): the named tuples C describes with a
//! `PyStructSequence_Desc`. The type is a tuple subclass built by
//! `pylib/_cpyext_structseq.py` (constructor, repr, pickling) and completed
//! here the way RustPython completes its own struct sequences: a read-only
//! member per named field, and the sequence slots that show only the first
//! `n_in_sequence` fields. An instance's memory is a `PyTupleObject` holding
//! every field, its `ob_size` the visible count, as in CPython; the tuple
//! layout (`tupleobject.rs`) asks [`sizes`] how many items it really holds.

use crate::boundary::{Borrowed, NewPtr, Ptr, Stolen, Void, bad_internal_call, null_argument};
use crate::capi;
use crate::ffi::{self, PyObject as CObject, PyTypeObject};
use crate::{proxy, pystate, tupleobject, typeobject};
use rustc_hash::FxHashMap;
use rustpython_vm::builtins::{PyTuple, PyType, PyTypeRef};
use rustpython_vm::function::ItemDoc;
use rustpython_vm::{AsObject, Py, PyObjectRef, PyPayload, PyResult, VirtualMachine};
use std::ffi::{CStr, CString, c_char, c_int};

#[repr(C)]
pub struct PyStructSequence_Field {
    name: *const c_char,
    doc: *const c_char,
}

#[repr(C)]
pub struct PyStructSequence_Desc {
    name: *const c_char,
    doc: *const c_char,
    fields: *mut PyStructSequence_Field,
    n_in_sequence: c_int,
}

/// The name that marks a field without one; C compares the pointer.
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut PyStructSequence_UnnamedField: *const c_char = c"unnamed field".as_ptr();

/// Every field and the visible ones, by the address of each struct
/// sequence type C made.
static SIZES: pystate::GilCell<FxHashMap<usize, (usize, usize)>> =
    pystate::GilCell::new(FxHashMap::with_hasher(rustc_hash::FxBuildHasher));

/// `(n_fields, n_in_sequence)` of a struct sequence type C made.
pub fn sizes(tp: *mut PyTypeObject) -> Option<(usize, usize)> {
    // SAFETY: the GIL is held; the borrow ends here.
    unsafe { SIZES.get() }.get(&(tp as usize)).copied()
}

struct Desc {
    name: String,
    doc: Option<String>,
    /// Every field's name (None: unnamed) and doc.
    fields: Vec<(Option<String>, Option<String>)>,
    n_in_sequence: usize,
}

fn text(p: *const c_char) -> Option<String> {
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
}

unsafe fn read_desc(desc: *const PyStructSequence_Desc, vm: &VirtualMachine) -> PyResult<Desc> {
    unsafe {
        if desc.is_null() || (*desc).name.is_null() {
            return Err(null_argument(vm));
        }
        let d = &*desc;
        let unnamed = PyStructSequence_UnnamedField;
        let mut fields = Vec::new();
        if !d.fields.is_null() {
            let mut f = d.fields;
            while !(*f).name.is_null() {
                let name = if (*f).name == unnamed { None } else { text((*f).name) };
                fields.push((name, text((*f).doc)));
                f = f.add(1);
            }
        }
        if d.n_in_sequence < 0 || d.n_in_sequence as usize > fields.len() {
            return Err(vm.new_system_error(format!(
                "struct sequence {}: n_in_sequence is {} for {} fields",
                text(d.name).unwrap_or_default(),
                d.n_in_sequence,
                fields.len()
            )));
        }
        Ok(Desc { name: text(d.name).unwrap_or_default(), doc: text(d.doc), fields, n_in_sequence: d.n_in_sequence as usize })
    }
}

/// The VM type `desc` describes.
fn make_type(desc: &Desc, vm: &VirtualMachine) -> PyResult<PyTypeRef> {
    let names: Vec<PyObjectRef> =
        desc.fields.iter().map(|(n, _)| n.as_ref().map_or_else(|| vm.ctx.none(), |n| vm.ctx.new_str(n.as_str()).into())).collect();
    let doc = desc.doc.as_ref().map_or_else(|| vm.ctx.none(), |d| vm.ctx.new_str(d.as_str()).into());
    let cls = vm
        .import("_cpyext_structseq", 0)?
        .get_attr("new_type", vm)?
        .call((desc.name.as_str(), doc, vm.ctx.new_list(names), desc.n_in_sequence), vm)?
        .downcast::<PyType>()
        .map_err(|_| vm.new_system_error("_cpyext_structseq.new_type did not return a type"))?;
    if !desc.name.contains('.') {
        cls.attributes.remove(vm.ctx.intern_str("__module__"));
    }
    // C's struct sequence types live as long as the interpreter, as the
    // static ones C declares do; members need the class for that long.
    let class: &'static Py<PyType> = Box::leak(Box::new(cls.clone()));
    for (i, (name, doc)) in desc.fields.iter().enumerate() {
        let Some(name) = name else { continue };
        let doc = doc.as_ref().map_or(ItemDoc::NONE, |d| ItemDoc::static_text(Box::leak(d.clone().into_boxed_str())));
        class.set_attr(vm.ctx.intern_str(name.as_str()), vm.ctx.new_readonly_tuple_member(name, class, i, doc).into());
    }
    // Any of RustPython's struct sequences has the slots that read
    // `n_sequence_fields` from the class.
    let template = vm.sys_module.get_attr("float_info", vm)?.class().to_owned();
    let (from, to) = (&template.slots, &class.slots);
    to.as_sequence.length.store(from.as_sequence.length.load());
    to.as_sequence.concat.store(from.as_sequence.concat.load());
    to.as_sequence.repeat.store(from.as_sequence.repeat.load());
    to.as_sequence.item.store(from.as_sequence.item.load());
    to.as_sequence.contains.store(from.as_sequence.contains.load());
    to.as_mapping.length.store(from.as_mapping.length.load());
    to.as_mapping.subscript.store(from.as_mapping.subscript.load());
    to.iter.store(from.iter.load());
    to.hash.store(from.hash.load());
    to.richcompare.store(from.richcompare.load());
    Ok(cls)
}

/// Records `tp` as a struct sequence type of `desc`'s shape, named as C
/// named it (`tp_name` is "module.name", as in CPython).
unsafe fn register(tp: *mut PyTypeObject, desc: &Desc) {
    unsafe {
        SIZES.get().insert(tp as usize, (desc.fields.len(), desc.n_in_sequence));
        (*tp).tp_name = CString::new(desc.name.as_str()).unwrap_or_default().into_raw();
    }
}

/// `PyStructSequence_InitType2`: makes the static `tp` the type `desc`
/// describes.
unsafe fn init_type(tp: *mut PyTypeObject, desc: *const PyStructSequence_Desc, vm: &VirtualMachine) -> PyResult<()> {
    unsafe {
        if tp.is_null() {
            return Err(null_argument(vm));
        }
        // CPython's test that the type object was never set up.
        if (*tp).ob_base.ob_base.ob_refcnt != 0 {
            return Err(bad_internal_call(vm));
        }
        let desc = read_desc(desc, vm)?;
        let cls = make_type(&desc, vm)?;
        proxy::register_static(tp as *mut CObject, cls.as_object());
        typeobject::fill(tp, Box::leak(Box::default()), &cls, vm);
        (*tp).tp_flags |= ffi::Py_TPFLAGS_READY;
        register(tp, &desc);
        Ok(())
    }
}

/// The items and their number of `op`: every field of a struct sequence
/// type C made; for another tuple (RustPython's own struct sequences, such
/// as `time.struct_time`, whose memory holds every field too) its items.
/// Anything else is SystemError.
unsafe fn items_of(op: Ptr, vm: &VirtualMachine) -> PyResult<(*mut *mut CObject, usize)> {
    unsafe {
        let o = op.0;
        let n = match sizes((*o).ob_type) {
            Some((n_fields, _)) => n_fields,
            None if (*(*o).ob_type).tp_flags & ffi::Py_TPFLAGS_TUPLE_SUBCLASS != 0 => (*(o as *mut ffi::PyVarObject)).ob_size as usize,
            None => return Err(bad_internal_call(vm)),
        };
        Ok((tupleobject::tuple_items(o), n))
    }
}

capi! {
    unsafe fn PyStructSequence_InitType2(vm, tp: *mut PyTypeObject, desc: *mut PyStructSequence_Desc) -> () {
        init_type(tp, desc, vm)
    }

    /// `PyStructSequence_InitType2` without a result: a failure leaves the
    /// error set.
    unsafe fn PyStructSequence_InitType(vm, tp: *mut PyTypeObject, desc: *mut PyStructSequence_Desc) -> Void {
        init_type(tp, desc, vm).map(|()| Void)
    }

    unsafe fn PyStructSequence_NewType(vm, desc: *mut PyStructSequence_Desc) -> NewPtr {
        let desc = read_desc(desc, vm)?;
        let cls = make_type(&desc, vm)?;
        let tp = proxy::type_as_c(&cls, vm);
        register(tp, &desc);
        // Type objects are immortal: the new reference costs nothing.
        Ok(NewPtr(tp as *mut CObject))
    }

    /// An instance with every field NULL, for C to fill.
    unsafe fn PyStructSequence_New(vm, tp: *mut PyTypeObject) -> NewPtr {
        if tp.is_null() {
            return Err(null_argument(vm));
        }
        let Some((n_fields, n_visible)) = sizes(tp) else {
            return Err(bad_internal_call(vm));
        };
        let p = tupleobject::new_tuple_memory(n_fields, tp);
        if p.is_null() {
            return Err(vm.new_memory_error(""));
        }
        (*(p as *mut ffi::PyVarObject)).ob_size = n_visible as isize;
        Ok(NewPtr(p))
    }

    /// Steals `value`; for filling a new instance, as `PyTuple_SetItem`.
    /// Only a struct sequence type C made: C fills what it made.
    unsafe fn PyStructSequence_SetItem(vm, op: Ptr, index: isize, value: Stolen) -> Void {
        let (items, n) = items_of(op, vm)?;
        if sizes((*op.0).ob_type).is_none() || !proxy::is_prefixed(op.0) || proxy::vm_shares(op.0) {
            return Err(bad_internal_call(vm));
        }
        if index < 0 || index as usize >= n {
            return Err(vm.new_index_error("tuple assignment index out of range"));
        }
        proxy::unlink_for_mutation(op.0);
        let old = std::mem::replace(&mut *items.add(index as usize), value.into_raw());
        if !old.is_null() {
            proxy::decref(old);
        }
        Ok(Void)
    }

    unsafe fn PyStructSequence_GetItem(vm, op: Ptr, index: isize) -> Borrowed<'static> {
        let (items, n) = items_of(op, vm)?;
        if index < 0 || index as usize >= n {
            return Err(vm.new_index_error("tuple index out of range"));
        }
        Ok(Borrowed::c_item(op, *items.add(index as usize)))
    }
}

/// The VM instance of a struct sequence C filled (its first crossing):
/// every field, a hidden one left NULL being None as CPython's member
/// reads it.
pub unsafe fn realize(op: *mut CObject, n_fields: usize, n_visible: usize, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    unsafe {
        let cls = typeobject::vm_type((*op).ob_type, vm)?;
        let slots = tupleobject::tuple_items(op);
        let mut items = Vec::with_capacity(n_fields);
        for i in 0..n_fields {
            let item = *slots.add(i);
            if item.is_null() {
                if i < n_visible {
                    return Err(vm.new_system_error(format!("struct sequence item {i} is NULL when it crossed to Python")));
                }
                items.push(vm.ctx.none());
            } else {
                items.push(proxy::from_c(item, vm)?);
            }
        }
        Ok(PyTuple::new_unchecked(items.into_boxed_slice()).into_ref_with_type(vm, cls)?.into())
    }
}
