//! Type slots in both directions (CPython's `slotdefs` in `typeobject.c`).
//!
//! [`SLOTDEFS`] is the one slot table: per `typeslots.h` id, the field, how
//! it is inherited, its dunders, and its trampolines each way. Everything
//! below and `typeobject`'s `PyType_FromSpec`/`PyType_GetSlot`/inheritance
//! read it.
//!
//! C -> Python ([`install`]): each slot a C type defines itself becomes the
//! VM type's own slot, a native function that finds the C function on the
//! operand's nearest C type and calls it, and gets its `wrapper_descriptor`
//! dunder in the class dict (`__add__` and `__radd__` for `nb_add`, ...). So
//! operators, reflected operands and `NotImplemented` follow the VM's
//! (CPython's) rules, a Python subclass inherits the slot or overrides it
//! with a dunder, and the dict's methods never change a slot.
//!
//! Python -> C ([`fill_tables`]): the type object C sees for a VM type has
//! slots that call back into the VM, only for the operations the VM type
//! supports, so that C code testing `tp_as_number->nb_index != NULL` learns
//! what CPython would tell it.

use crate::ffi::{self, PyObject as CObject, PyTypeObject};
use crate::{abstract_, object, proxy, pyerrors, pystate};
use rustpython_vm::{
    AsObject, Py, PyObjectRef, PyResult, VirtualMachine,
    builtins::{PyStr, PyType},
    function::{FuncArgs, PyMethodFlags},
    types::PyTypeSlots,
};
use std::ffi::c_int;

/// Which part of a type object a slot lives in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Type,
    Number,
    Sequence,
    Mapping,
    Async,
    Buffer,
}

/// How `PyType_Ready` inherits a slot from the base (CPython's
/// `inherit_slots`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Inherit {
    /// Copied when the type leaves it NULL.
    Copy,
    /// Inherited by a rule of its own (`tp_hash` with `tp_richcompare`,
    /// `tp_new` unless instantiation is disallowed, `tp_traverse` and
    /// `tp_clear` with the GC flag), written out in `typeobject::inherit`.
    Rule,
    /// Not inherited (data, or a slot CPython leaves to each type).
    No,
}

/// One slot: its `Py_*` id (`typeslots.h`, what `PyType_Slot` and
/// `PyType_GetSlot` use), where its field is, and how it is inherited.
pub struct SlotDef {
    pub id: c_int,
    pub name: &'static str,
    pub part: Part,
    /// Byte offset of the field in its part.
    pub offset: usize,
    pub inherit: Inherit,
    /// The wrapper dunders the slot gives a class that defines it.
    pub dunders: &'static [&'static str],
    /// Makes a VM type's slots call the C function `f` of this slot
    /// ([`install`]); `None` for slots the VM has no slot for.
    pub to_vm: Option<fn(&PyTypeSlots, *mut std::ffi::c_void)>,
    /// The C function that calls back into a VM type that has this slot
    /// ([`fill_tables`]), or `None` when the VM type lacks it; `None` for
    /// slots [`fill_tables`] sets by its own rule or not at all.
    pub from_vm: Option<fn(&PyTypeSlots) -> Option<*mut std::ffi::c_void>>,
}

macro_rules! slotdefs {
    ($($id:literal $part:ident $inherit:ident $field:ident [$($dunder:literal),*] $to_vm:expr, $from_vm:expr;)*) => {
        /// Every slot, in id order: the one table `PyType_FromSpec`,
        /// `PyType_GetSlot`, inheritance and [`install`] read.
        pub static SLOTDEFS: &[SlotDef] = &[$(
            SlotDef {
                id: $id,
                name: stringify!($field),
                part: Part::$part,
                offset: slotdefs!(@offset $part $field),
                inherit: Inherit::$inherit,
                dunders: &[$($dunder),*],
                to_vm: $to_vm,
                from_vm: $from_vm,
            },
        )*];
    };
    (@offset Type $f:ident) => { std::mem::offset_of!(ffi::PyTypeObject, $f) };
    (@offset Number $f:ident) => { std::mem::offset_of!(ffi::PyNumberMethods, $f) };
    (@offset Sequence $f:ident) => { std::mem::offset_of!(ffi::PySequenceMethods, $f) };
    (@offset Mapping $f:ident) => { std::mem::offset_of!(ffi::PyMappingMethods, $f) };
    (@offset Async $f:ident) => { std::mem::offset_of!(ffi::PyAsyncMethods, $f) };
    (@offset Buffer $f:ident) => { std::mem::offset_of!(ffi::PyBufferProcs, $f) };
}

/// A binary number slot installed as the VM's slot and its reflected one.
macro_rules! binary_to_vm {
    ($left:ident, $right:ident, $f:ident, $f_r:ident) => {
        Some(|s, _| {
            s.as_number.$left.store(Some(native::$f));
            s.as_number.$right.store(Some(native::$f_r));
        })
    };
}

/// The face function `f` when any of the VM slots is set.
macro_rules! when_vm_has {
    ($f:path, $($slot:ident).+ $(, $($more:ident).+)*) => {
        Some(|s| (s.$($slot).+.load().is_some() $(|| s.$($more).+.load().is_some())*).then_some($f as *mut std::ffi::c_void))
    };
}

// 83 (`Py_tp_token`) is read by `PyType_FromSpec` itself. A C type's
// `bf_releasebuffer` has no VM slot: the VM's buffer calls it through
// `PyBuffer_Release` when its last share goes (`pybuffer`).
slotdefs! {
    1 Buffer Copy bf_getbuffer ["__buffer__"] Some(|s, _| s.as_buffer.store(Some(native::bf_getbuffer))), when_vm_has!(crate::pybuffer::vm_getbuffer, as_buffer);
    2 Buffer Copy bf_releasebuffer ["__release_buffer__"] None, when_vm_has!(crate::pybuffer::vm_releasebuffer, as_buffer);
    3 Mapping Copy mp_ass_subscript ["__setitem__", "__delitem__"] Some(|s, _| s.as_mapping.ass_subscript.store(Some(native::mp_ass_subscript))), when_vm_has!(slot_mp_ass_subscript, as_mapping.ass_subscript);
    4 Mapping Copy mp_length ["__len__"] Some(|s, _| s.as_mapping.length.store(Some(native::mp_length))), when_vm_has!(object_size, as_mapping.length);
    5 Mapping Copy mp_subscript ["__getitem__"] Some(|s, _| s.as_mapping.subscript.store(Some(native::mp_subscript))), when_vm_has!(abstract_::object::PyObject_GetItem, as_mapping.subscript);
    6 Number Copy nb_absolute ["__abs__"] Some(|s, _| s.as_number.absolute.store(Some(native::nb_absolute))), when_vm_has!(abstract_::number::PyNumber_Absolute, as_number.absolute);
    7 Number Copy nb_add ["__add__", "__radd__"] binary_to_vm!(add, right_add, nb_add, nb_add_r), when_vm_has!(face::nb_add, as_number.add, as_number.right_add);
    8 Number Copy nb_and ["__and__", "__rand__"] binary_to_vm!(and, right_and, nb_and, nb_and_r), when_vm_has!(face::nb_and, as_number.and, as_number.right_and);
    9 Number Copy nb_bool ["__bool__"] Some(|s, _| s.as_number.boolean.store(Some(native::nb_bool))), when_vm_has!(object::PyObject_IsTrue, as_number.boolean);
    10 Number Copy nb_divmod ["__divmod__", "__rdivmod__"] binary_to_vm!(divmod, right_divmod, nb_divmod, nb_divmod_r), when_vm_has!(face::nb_divmod, as_number.divmod, as_number.right_divmod);
    11 Number Copy nb_float ["__float__"] Some(|s, _| s.as_number.float.store(Some(native::nb_float))), when_vm_has!(abstract_::number::PyNumber_Float, as_number.float);
    12 Number Copy nb_floor_divide ["__floordiv__", "__rfloordiv__"] binary_to_vm!(floor_divide, right_floor_divide, nb_floor_divide, nb_floor_divide_r), when_vm_has!(face::nb_floor_divide, as_number.floor_divide, as_number.right_floor_divide);
    13 Number Copy nb_index ["__index__"] Some(|s, _| s.as_number.index.store(Some(native::nb_index))), when_vm_has!(abstract_::number::PyNumber_Index, as_number.index);
    14 Number Copy nb_inplace_add ["__iadd__"] Some(|s, _| s.as_number.inplace_add.store(Some(native::nb_inplace_add))), when_vm_has!(face::nb_inplace_add, as_number.inplace_add);
    15 Number Copy nb_inplace_and ["__iand__"] Some(|s, _| s.as_number.inplace_and.store(Some(native::nb_inplace_and))), when_vm_has!(face::nb_inplace_and, as_number.inplace_and);
    16 Number Copy nb_inplace_floor_divide ["__ifloordiv__"] Some(|s, _| s.as_number.inplace_floor_divide.store(Some(native::nb_inplace_floor_divide))), when_vm_has!(face::nb_inplace_floor_divide, as_number.inplace_floor_divide);
    17 Number Copy nb_inplace_lshift ["__ilshift__"] Some(|s, _| s.as_number.inplace_lshift.store(Some(native::nb_inplace_lshift))), when_vm_has!(face::nb_inplace_lshift, as_number.inplace_lshift);
    18 Number Copy nb_inplace_multiply ["__imul__"] Some(|s, _| s.as_number.inplace_multiply.store(Some(native::nb_inplace_multiply))), when_vm_has!(face::nb_inplace_multiply, as_number.inplace_multiply);
    19 Number Copy nb_inplace_or ["__ior__"] Some(|s, _| s.as_number.inplace_or.store(Some(native::nb_inplace_or))), when_vm_has!(face::nb_inplace_or, as_number.inplace_or);
    20 Number Copy nb_inplace_power ["__ipow__"] Some(|s, _| s.as_number.inplace_power.store(Some(native::nb_inplace_power))), when_vm_has!(abstract_::number::PyNumber_InPlacePower, as_number.inplace_power);
    21 Number Copy nb_inplace_remainder ["__imod__"] Some(|s, _| s.as_number.inplace_remainder.store(Some(native::nb_inplace_remainder))), when_vm_has!(face::nb_inplace_remainder, as_number.inplace_remainder);
    22 Number Copy nb_inplace_rshift ["__irshift__"] Some(|s, _| s.as_number.inplace_rshift.store(Some(native::nb_inplace_rshift))), when_vm_has!(face::nb_inplace_rshift, as_number.inplace_rshift);
    23 Number Copy nb_inplace_subtract ["__isub__"] Some(|s, _| s.as_number.inplace_subtract.store(Some(native::nb_inplace_subtract))), when_vm_has!(face::nb_inplace_subtract, as_number.inplace_subtract);
    24 Number Copy nb_inplace_true_divide ["__itruediv__"] Some(|s, _| s.as_number.inplace_true_divide.store(Some(native::nb_inplace_true_divide))), when_vm_has!(face::nb_inplace_true_divide, as_number.inplace_true_divide);
    25 Number Copy nb_inplace_xor ["__ixor__"] Some(|s, _| s.as_number.inplace_xor.store(Some(native::nb_inplace_xor))), when_vm_has!(face::nb_inplace_xor, as_number.inplace_xor);
    26 Number Copy nb_int ["__int__"] Some(|s, _| s.as_number.int.store(Some(native::nb_int))), when_vm_has!(abstract_::number::PyNumber_Long, as_number.int);
    27 Number Copy nb_invert ["__invert__"] Some(|s, _| s.as_number.invert.store(Some(native::nb_invert))), when_vm_has!(abstract_::number::PyNumber_Invert, as_number.invert);
    28 Number Copy nb_lshift ["__lshift__", "__rlshift__"] binary_to_vm!(lshift, right_lshift, nb_lshift, nb_lshift_r), when_vm_has!(face::nb_lshift, as_number.lshift, as_number.right_lshift);
    29 Number Copy nb_multiply ["__mul__", "__rmul__"] binary_to_vm!(multiply, right_multiply, nb_multiply, nb_multiply_r), when_vm_has!(face::nb_multiply, as_number.multiply, as_number.right_multiply);
    30 Number Copy nb_negative ["__neg__"] Some(|s, _| s.as_number.negative.store(Some(native::nb_negative))), when_vm_has!(abstract_::number::PyNumber_Negative, as_number.negative);
    31 Number Copy nb_or ["__or__", "__ror__"] binary_to_vm!(or, right_or, nb_or, nb_or_r), when_vm_has!(face::nb_or, as_number.or, as_number.right_or);
    32 Number Copy nb_positive ["__pos__"] Some(|s, _| s.as_number.positive.store(Some(native::nb_positive))), when_vm_has!(abstract_::number::PyNumber_Positive, as_number.positive);
    33 Number Copy nb_power ["__pow__", "__rpow__"] binary_to_vm!(power, right_power, nb_power, nb_power_r), when_vm_has!(abstract_::number::PyNumber_Power, as_number.power, as_number.right_power);
    34 Number Copy nb_remainder ["__mod__", "__rmod__"] binary_to_vm!(remainder, right_remainder, nb_remainder, nb_remainder_r), when_vm_has!(face::nb_remainder, as_number.remainder, as_number.right_remainder);
    35 Number Copy nb_rshift ["__rshift__", "__rrshift__"] binary_to_vm!(rshift, right_rshift, nb_rshift, nb_rshift_r), when_vm_has!(face::nb_rshift, as_number.rshift, as_number.right_rshift);
    36 Number Copy nb_subtract ["__sub__", "__rsub__"] binary_to_vm!(subtract, right_subtract, nb_subtract, nb_subtract_r), when_vm_has!(face::nb_subtract, as_number.subtract, as_number.right_subtract);
    37 Number Copy nb_true_divide ["__truediv__", "__rtruediv__"] binary_to_vm!(true_divide, right_true_divide, nb_true_divide, nb_true_divide_r), when_vm_has!(face::nb_true_divide, as_number.true_divide, as_number.right_true_divide);
    38 Number Copy nb_xor ["__xor__", "__rxor__"] binary_to_vm!(xor, right_xor, nb_xor, nb_xor_r), when_vm_has!(face::nb_xor, as_number.xor, as_number.right_xor);
    39 Sequence Copy sq_ass_item ["__setitem__", "__delitem__"] Some(|s, _| s.as_sequence.ass_item.store(Some(native::sq_ass_item))), when_vm_has!(slot_sq_ass_item, as_sequence.ass_item);
    40 Sequence Copy sq_concat ["__add__"] Some(|s, _| s.as_sequence.concat.store(Some(native::sq_concat))), when_vm_has!(abstract_::sequence::PySequence_Concat, as_sequence.concat);
    41 Sequence Copy sq_contains ["__contains__"] Some(|s, _| s.as_sequence.contains.store(Some(native::sq_contains))), when_vm_has!(abstract_::sequence::PySequence_Contains, as_sequence.contains);
    42 Sequence Copy sq_inplace_concat ["__iadd__"] Some(|s, _| s.as_sequence.inplace_concat.store(Some(native::sq_inplace_concat))), None;
    43 Sequence Copy sq_inplace_repeat ["__imul__"] Some(|s, _| s.as_sequence.inplace_repeat.store(Some(native::sq_inplace_repeat))), None;
    44 Sequence Copy sq_item ["__getitem__"] Some(|s, _| s.as_sequence.item.store(Some(native::sq_item))), when_vm_has!(slot_sq_item, as_sequence.item);
    45 Sequence Copy sq_length ["__len__"] Some(|s, _| s.as_sequence.length.store(Some(native::sq_length))), when_vm_has!(object_size, as_sequence.length);
    46 Sequence Copy sq_repeat ["__mul__", "__rmul__"] Some(|s, _| s.as_sequence.repeat.store(Some(native::sq_repeat))), when_vm_has!(slot_sq_repeat, as_sequence.repeat);
    47 Type Copy tp_alloc [] None, None;
    48 Type No tp_base [] None, None;
    49 Type No tp_bases [] None, None;
    50 Type Copy tp_call ["__call__"] Some(|s, _| s.call.store(Some(crate::typeobject::c_call))), when_vm_has!(abstract_::call::PyObject_Call, call);
    51 Type Rule tp_clear [] None, None;
    52 Type Copy tp_dealloc [] None, None;
    53 Type No tp_del [] None, None;
    54 Type Copy tp_descr_get ["__get__"] Some(|s, _| s.descr_get.store(Some(native::descr_get))), when_vm_has!(slot_tp_descr_get, descr_get);
    55 Type Copy tp_descr_set ["__set__", "__delete__"] Some(|s, _| s.descr_set.store(Some(native::descr_set))), when_vm_has!(slot_tp_descr_set, descr_set);
    56 Type No tp_doc [] None, None;
    57 Type No tp_getattr [] None, None;
    58 Type Copy tp_getattro ["__getattribute__"] Some(|s, _| s.getattro.store(Some(native::getattro))), None;
    59 Type Rule tp_hash ["__hash__"] Some(|s, f| s.hash.store(Some(if f as *const () == object::PyObject_HashNotImplemented as *const () { rustpython_vm::types::hash_not_implemented } else { native::hash }))), None;
    60 Type Copy tp_init ["__init__"] Some(|s, _| s.init.store(Some(native::init))), None;
    61 Type Copy tp_is_gc [] None, None;
    62 Type Copy tp_iter ["__iter__"] Some(|s, _| s.iter.store(Some(native::iter))), when_vm_has!(abstract_::object::PyObject_GetIter, iter);
    63 Type Copy tp_iternext ["__next__"] Some(|s, _| s.iternext.store(Some(native::iternext))), when_vm_has!(slot_tp_iternext, iternext);
    64 Type No tp_methods [] None, None;
    65 Type Rule tp_new [] None, None;
    66 Type Copy tp_repr ["__repr__"] Some(|s, _| s.repr.store(Some(native::repr))), None;
    67 Type Rule tp_richcompare ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"] Some(|s, _| s.richcompare.store(Some(native::richcompare))), None;
    68 Type No tp_setattr [] None, None;
    69 Type Copy tp_setattro ["__setattr__", "__delattr__"] Some(|s, _| s.setattro.store(Some(native::setattro))), None;
    70 Type Copy tp_str ["__str__"] Some(|s, _| s.str.store(Some(native::str))), None;
    71 Type Rule tp_traverse [] None, None;
    72 Type No tp_members [] None, None;
    73 Type No tp_getset [] None, None;
    74 Type Copy tp_free [] None, None;
    75 Number Copy nb_matrix_multiply ["__matmul__", "__rmatmul__"] binary_to_vm!(matrix_multiply, right_matrix_multiply, nb_matrix_multiply, nb_matrix_multiply_r), when_vm_has!(face::nb_matrix_multiply, as_number.matrix_multiply, as_number.right_matrix_multiply);
    76 Number Copy nb_inplace_matrix_multiply ["__imatmul__"] Some(|s, _| s.as_number.inplace_matrix_multiply.store(Some(native::nb_inplace_matrix_multiply))), when_vm_has!(face::nb_inplace_matrix_multiply, as_number.inplace_matrix_multiply);
    77 Async Copy am_await [] None, None;
    78 Async Copy am_aiter [] None, None;
    79 Async Copy am_anext [] None, None;
    80 Type Copy tp_finalize ["__del__"] Some(|s, _| s.del.store(Some(native::finalize))), None;
    81 Async Copy am_send [] None, None;
    82 Type No tp_vectorcall [] None, None;
}

impl SlotDef {
    /// The row of slot id `id`.
    pub fn by_id(id: c_int) -> Option<&'static SlotDef> {
        SLOTDEFS.iter().find(|d| d.id == id)
    }

    /// The start of the part of `t` this slot is in; null when the type
    /// has no such table.
    pub fn part_of(&self, t: &PyTypeObject) -> *mut u8 {
        match self.part {
            Part::Type => t as *const PyTypeObject as *mut u8,
            Part::Number => t.tp_as_number as *mut u8,
            Part::Sequence => t.tp_as_sequence as *mut u8,
            Part::Mapping => t.tp_as_mapping as *mut u8,
            Part::Async => t.tp_as_async as *mut u8,
            Part::Buffer => t.tp_as_buffer as *mut u8,
        }
    }

    /// The field in `t` (every slot is one pointer wide), if `t` has its
    /// table.
    pub fn field(&self, t: &PyTypeObject) -> Option<*mut *mut std::ffi::c_void> {
        let part = self.part_of(t);
        (!part.is_null()).then(|| unsafe { part.add(self.offset) as *mut *mut std::ffi::c_void })
    }
}

/// Whether `f`, in slot `d` of a C type, is the layer's own generic
/// function (what a type gets from `object`), which is no slot of its own.
fn is_generic(d: &SlotDef, f: *mut std::ffi::c_void) -> bool {
    let f = f as *const ();
    let generic: &[*const ()] = match d.name {
        "tp_repr" => &[object::PyObject_Repr as *const ()],
        "tp_str" => &[object::PyObject_Str as *const ()],
        "tp_hash" => &[object::PyObject_Hash as *const ()],
        "tp_richcompare" => &[object::PyObject_RichCompare as *const ()],
        "tp_getattro" => &[object::PyObject_GenericGetAttr as *const (), object::PyObject_GetAttr as *const ()],
        "tp_setattro" => &[object::PyObject_GenericSetAttr as *const (), object::PyObject_SetAttr as *const ()],
        _ => &[],
    };
    generic.contains(&f)
}

type Body = dyn Fn(&[PyObjectRef], &VirtualMachine) -> PyResult + Send + Sync;

/// A method descriptor named `name` on `class` whose call runs `body` with
/// the GIL held, on the positional arguments (`self` first).
fn wrapper(
    name: &'static str,
    arity: std::ops::RangeInclusive<usize>,
    class: &'static Py<PyType>,
    body: Box<Body>,
    vm: &VirtualMachine,
) -> PyObjectRef {
    let func = move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
        if !args.kwargs.is_empty() {
            return Err(vm.new_type_error(format!("wrapper {name}() takes no keyword arguments")));
        }
        let n = args.args.len();
        if !arity.contains(&n) {
            let (lo, hi) = (arity.start() - 1, arity.end() - 1);
            let expected = if lo == hi { format!("{lo}") } else { format!("from {lo} to {hi}") };
            return Err(vm.new_type_error(format!(
                "expected {expected} argument{}, got {}",
                if hi == 1 { "" } else { "s" },
                n.saturating_sub(1)
            )));
        }
        crate::boundary::into_c(vm, args.args.iter().map(|a| &**a), || body(&args.args, vm))
    };
    crate::methodobject::static_def(name, PyMethodFlags::METHOD, None, func).build_method(&vm.ctx, class).into()
}

fn result(r: *mut CObject, name: &str, vm: &VirtualMachine) -> PyResult {
    pyerrors::check_result(r, || format!("slot {name}"), vm)
}

fn status(r: c_int, name: &str, vm: &VirtualMachine) -> PyResult<()> {
    pyerrors::check_status(r, || format!("slot {name}"), vm)
}

fn c(o: &PyObjectRef, vm: &VirtualMachine) -> *mut CObject {
    proxy::as_c(o, vm)
}

/// Installs the slots `own` (what a C type defines itself, before
/// inheritance) as the VM type's slots, calling the C functions directly,
/// and gives `class` a `wrapper_descriptor` dunder for each, as CPython's
/// `add_operators`. The async slots, which the VM has no slots for, become
/// plain method dunders.
pub unsafe fn install(own: &PyTypeObject, class: &'static Py<PyType>, vm: &VirtualMachine) -> PyResult<()> {
    let s = &class.slots;
    // Which dunders the VM made wrappers for that are this type's own.
    let mut own_names: Vec<&'static str> = Vec::new();
    for d in SLOTDEFS {
        let (Some(to_vm), Some(field)) = (d.to_vm, d.field(own)) else { continue };
        let f = unsafe { *field };
        if f.is_null() || is_generic(d, f) {
            continue;
        }
        to_vm(s, f);
        own_names.extend(d.dunders);
    }
    // The VM makes a wrapper for every slot the type has, inherited ones
    // too; CPython's type dict holds only its own.
    let existing: Vec<&str> = rustpython_vm::types::SLOT_DEFS
        .iter()
        .map(|d| d.name)
        .filter(|n| class.attributes().contains(vm.ctx.intern_str(*n)))
        .collect();
    rustpython_vm::class::add_operators(class, &vm.ctx, &[]);
    for def in rustpython_vm::types::SLOT_DEFS {
        let name = vm.ctx.intern_str(def.name);
        if !own_names.contains(&def.name) && !existing.contains(&def.name) && class.attributes().contains(name) {
            class.attributes().remove(name);
        }
    }
    class.modified();
    if let Some(init) = own.tp_init.filter(|_| own_names.contains(&"__init__")) {
        // `T.__init__(obj, ...)` runs T's own `tp_init`, as CPython's slot
        // wrapper does; the VM's wrapper would call the slot, which finds
        // the `tp_init` of obj's nearest C type (a subclass's, which may
        // call T.__init__ again).
        let func = move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
            let (zelf, rest) = args.args.split_first().ok_or_else(|| {
                vm.new_type_error(format!("descriptor '__init__' of '{}' object needs an argument", class.name()))
            })?;
            if !zelf.fast_isinstance(class) {
                return Err(vm.new_type_error(format!(
                    "descriptor '__init__' requires a '{}' object but received a '{}'",
                    class.name(),
                    zelf.class().name()
                )));
            }
            crate::boundary::into_c(vm, [&**zelf], || unsafe {
                let s = proxy::as_c(zelf, vm);
                let r = abstract_::call::lend_tuple(rest, args.kwargs, vm, |t, kw| init(s, t, kw))?;
                status(r, "__init__", vm)?;
                Ok(vm.ctx.none())
            })
        };
        let method = crate::methodobject::static_def("__init__", PyMethodFlags::METHOD, None, func).build_method(&vm.ctx, class);
        crate::typeobject::put_attr(class, vm.ctx.intern_str("__init__"), method.into());
    }
    unsafe { add_async_operators(own, class, vm) }
}

/// The async slots' dunders (the VM has no slots for them).
unsafe fn add_async_operators(t: &PyTypeObject, class: &'static Py<PyType>, vm: &VirtualMachine) -> PyResult<()> {
    let Some(am) = (unsafe { t.tp_as_async.as_ref() }) else { return Ok(()) };
    for (name, f) in [("__await__", am.am_await), ("__aiter__", am.am_aiter), ("__anext__", am.am_anext)] {
        if let Some(f) = f {
            let value = wrapper(name, 1..=1, class, Box::new(move |a, vm| result(unsafe { f(c(&a[0], vm)) }, name, vm)), vm);
            crate::typeobject::put_attr(class, vm.ctx.intern_str(name), value);
        }
    }
    Ok(())
}

/// The VM slots of a C type: each finds the C function in the nearest C
/// type of its operand's class and calls it.
mod native {
    use super::*;
    use rustpython_vm::{
        PyObject, PyRef,
        function::{Either, PyComparisonValue, PySetterValue},
        protocol::{PyIterReturn, PyMapping, PyNumber, PySequence},
        types::PyComparisonOp,
    };

    /// The C type object that implements `obj`'s slots: its class's, or
    /// for a Python subclass, the nearest C base's.
    fn c_type_opt(obj: &PyObject, vm: &VirtualMachine) -> Option<&'static PyTypeObject> {
        let tp = proxy::type_as_c(obj.class(), vm);
        let tp = if crate::typeobject::is_c_type(tp) { Some(tp) } else { crate::typeobject::nearest_c_type(obj.class(), vm) };
        tp.map(|tp| unsafe { &*tp })
    }

    fn c_type(obj: &PyObject, vm: &VirtualMachine) -> PyResult<&'static PyTypeObject> {
        c_type_opt(obj, vm).ok_or_else(|| vm.new_system_error(format!("'{}' has no C type", obj.class().name())))
    }

    fn missing(what: &str, vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
        vm.new_system_error(format!("C type has no {what}"))
    }

    fn str_result(r: *mut CObject, what: &str, vm: &VirtualMachine) -> PyResult<PyRef<PyStr>> {
        let o = result(r, what, vm)?;
        o.downcast::<PyStr>()
            .map_err(|o| vm.new_type_error(format!("{what} returned non-string (type {})", o.class().name())))
    }

    /// Runs `f` with the GIL and gives back the borrowed links of `lent`.
    use crate::boundary::into_c as call;

    pub fn repr(o: &PyObject, vm: &VirtualMachine) -> PyResult<PyRef<PyStr>> {
        call(vm, [o], || unsafe {
            let f = c_type(o, vm)?.tp_repr.ok_or_else(|| missing("tp_repr", vm))?;
            str_result(f(proxy::as_c(o, vm)), "__repr__", vm)
        })
    }

    pub fn str(o: &PyObject, vm: &VirtualMachine) -> PyResult<PyRef<PyStr>> {
        call(vm, [o], || unsafe {
            let f = c_type(o, vm)?.tp_str.ok_or_else(|| missing("tp_str", vm))?;
            str_result(f(proxy::as_c(o, vm)), "__str__", vm)
        })
    }

    pub fn hash(o: &PyObject, vm: &VirtualMachine) -> PyResult<i64> {
        call(vm, [o], || unsafe {
            let f = c_type(o, vm)?.tp_hash.ok_or_else(|| missing("tp_hash", vm))?;
            let h = f(proxy::as_c(o, vm));
            if h == -1 {
                if let Some(e) = pyerrors::take() {
                    return Err(e);
                }
            }
            Ok(h as i64)
        })
    }

    pub fn richcompare(a: &PyObject, b: &PyObject, op: PyComparisonOp, vm: &VirtualMachine) -> PyResult<Either<PyObjectRef, PyComparisonValue>> {
        call(vm, [a, b], || unsafe {
            let f = c_type(a, vm)?.tp_richcompare.ok_or_else(|| missing("tp_richcompare", vm))?;
            let r = f(proxy::as_c(a, vm), proxy::as_c(b, vm), object::comparison_code(op));
            result(r, "tp_richcompare", vm).map(Either::A)
        })
    }

    pub fn bf_getbuffer(o: &PyObject, flags: rustpython_vm::protocol::BufferFlags, vm: &VirtualMachine) -> PyResult<rustpython_vm::protocol::PyBuffer> {
        call(vm, [o], || unsafe {
            let procs = c_type(o, vm)?.tp_as_buffer.as_ref();
            let f = procs.and_then(|p| p.bf_getbuffer).ok_or_else(|| missing("bf_getbuffer", vm))?;
            crate::pybuffer::from_c_export(|view| f(proxy::as_c(o, vm), view, flags.bits() as c_int), Some(o.to_owned()), vm)
        })
    }

    pub fn iter(o: PyObjectRef, vm: &VirtualMachine) -> PyResult {
        call(vm, [&*o], || unsafe {
            let f = c_type(&o, vm)?.tp_iter.ok_or_else(|| missing("tp_iter", vm))?;
            result(f(proxy::as_c(&o, vm)), "__iter__", vm)
        })
    }

    pub fn iternext(o: &PyObject, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        call(vm, [o], || unsafe {
            let f = c_type(o, vm)?.tp_iternext.ok_or_else(|| missing("tp_iternext", vm))?;
            let r = f(proxy::as_c(o, vm));
            if r.is_null() {
                return match pyerrors::take() {
                    None => Ok(PyIterReturn::StopIteration(None)),
                    Some(e) if e.fast_isinstance(vm.ctx.exceptions.stop_iteration) => {
                        Ok(PyIterReturn::StopIteration(e.get_arg(0)))
                    }
                    Some(e) => Err(e),
                };
            }
            result(r, "__next__", vm).map(PyIterReturn::Return)
        })
    }

    pub fn getattro(o: &PyObject, name: &Py<PyStr>, vm: &VirtualMachine) -> PyResult {
        call(vm, [o], || unsafe {
            let f = c_type(o, vm)?.tp_getattro.ok_or_else(|| missing("tp_getattro", vm))?;
            result(f(proxy::as_c(o, vm), proxy::as_c(name.as_object(), vm)), "__getattribute__", vm)
        })
    }

    pub fn setattro(o: &PyObject, name: &Py<PyStr>, value: PySetterValue, vm: &VirtualMachine) -> PyResult<()> {
        call(vm, [o], || unsafe {
            let f = c_type(o, vm)?.tp_setattro.ok_or_else(|| missing("tp_setattro", vm))?;
            let v = match &value {
                PySetterValue::Assign(v) => proxy::as_c(v, vm),
                PySetterValue::Delete => std::ptr::null_mut(),
            };
            status(f(proxy::as_c(o, vm), proxy::as_c(name.as_object(), vm), v), "__setattr__", vm)
        })
    }

    pub fn descr_get(d: &PyObject, obj: Option<&PyObject>, ty: Option<&PyObject>, vm: &VirtualMachine) -> PyResult {
        call(vm, [d], || unsafe {
            let f = c_type(d, vm)?.tp_descr_get.ok_or_else(|| missing("tp_descr_get", vm))?;
            let opt = |o: Option<&PyObject>| o.filter(|o| !vm.is_none(o)).map_or(std::ptr::null_mut(), |o| proxy::as_c(o, vm));
            let (obj, ty) = (opt(obj), opt(ty));
            if obj.is_null() && ty.is_null() {
                return Err(vm.new_type_error("__get__(None, None) is invalid"));
            }
            result(f(proxy::as_c(d, vm), obj, ty), "__get__", vm)
        })
    }

    pub fn descr_set(d: &PyObject, obj: PyObjectRef, value: PySetterValue, vm: &VirtualMachine) -> PyResult<()> {
        call(vm, [d], || unsafe {
            let f = c_type(d, vm)?.tp_descr_set.ok_or_else(|| missing("tp_descr_set", vm))?;
            let v = match &value {
                PySetterValue::Assign(v) => proxy::as_c(v, vm),
                PySetterValue::Delete => std::ptr::null_mut(),
            };
            status(f(proxy::as_c(d, vm), proxy::as_c(&obj, vm), v), "__set__", vm)
        })
    }

    pub fn init(o: &PyObject, args: FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
        call(vm, [o], || unsafe {
            let f = c_type(o, vm)?.tp_init.ok_or_else(|| missing("tp_init", vm))?;
            let s = proxy::as_c(o, vm);
            let r = abstract_::call::lend_tuple(&args.args, args.kwargs, vm, |t, kw| f(s, t, kw))?;
            status(r, "__init__", vm)
        })
    }

    pub fn finalize(o: &PyObject, vm: &VirtualMachine) -> PyResult<()> {
        call(vm, [o], || unsafe {
            let f = c_type(o, vm)?.tp_finalize.ok_or_else(|| missing("tp_finalize", vm))?;
            let s = proxy::as_c(o, vm);
            if proxy::finalizer_due(s) {
                f(s);
            }
            match pyerrors::take() {
                Some(e) => Err(e),
                None => Ok(()),
            }
        })
    }

    macro_rules! binary {
        ($($left:ident, $right:ident => $field:ident;)*) => {$(
            pub fn $left(a: &PyObject, b: &PyObject, vm: &VirtualMachine) -> PyResult {
                call(vm, [a, b], || unsafe {
                    let f = c_type(a, vm)?.tp_as_number.as_ref().and_then(|n| n.$field).ok_or_else(|| missing(stringify!($field), vm))?;
                    result(f(proxy::as_c(a, vm), proxy::as_c(b, vm)), stringify!($field), vm)
                })
            }
            // The reflected slot: `b` is this type's instance; C gets the
            // operands in their order, as CPython's slot does.
            pub fn $right(a: &PyObject, b: &PyObject, vm: &VirtualMachine) -> PyResult {
                call(vm, [a, b], || unsafe {
                    let f = c_type(b, vm)?.tp_as_number.as_ref().and_then(|n| n.$field).ok_or_else(|| missing(stringify!($field), vm))?;
                    result(f(proxy::as_c(a, vm), proxy::as_c(b, vm)), stringify!($field), vm)
                })
            }
        )*};
    }
    binary! {
        nb_add, nb_add_r => nb_add;
        nb_subtract, nb_subtract_r => nb_subtract;
        nb_multiply, nb_multiply_r => nb_multiply;
        nb_remainder, nb_remainder_r => nb_remainder;
        nb_divmod, nb_divmod_r => nb_divmod;
        nb_lshift, nb_lshift_r => nb_lshift;
        nb_rshift, nb_rshift_r => nb_rshift;
        nb_and, nb_and_r => nb_and;
        nb_xor, nb_xor_r => nb_xor;
        nb_or, nb_or_r => nb_or;
        nb_floor_divide, nb_floor_divide_r => nb_floor_divide;
        nb_true_divide, nb_true_divide_r => nb_true_divide;
        nb_matrix_multiply, nb_matrix_multiply_r => nb_matrix_multiply;
        nb_inplace_add, _nb_inplace_add_r => nb_inplace_add;
        nb_inplace_subtract, _nb_inplace_subtract_r => nb_inplace_subtract;
        nb_inplace_multiply, _nb_inplace_multiply_r => nb_inplace_multiply;
        nb_inplace_remainder, _nb_inplace_remainder_r => nb_inplace_remainder;
        nb_inplace_lshift, _nb_inplace_lshift_r => nb_inplace_lshift;
        nb_inplace_rshift, _nb_inplace_rshift_r => nb_inplace_rshift;
        nb_inplace_and, _nb_inplace_and_r => nb_inplace_and;
        nb_inplace_xor, _nb_inplace_xor_r => nb_inplace_xor;
        nb_inplace_or, _nb_inplace_or_r => nb_inplace_or;
        nb_inplace_floor_divide, _nb_inplace_floor_divide_r => nb_inplace_floor_divide;
        nb_inplace_true_divide, _nb_inplace_true_divide_r => nb_inplace_true_divide;
        nb_inplace_matrix_multiply, _nb_inplace_matrix_multiply_r => nb_inplace_matrix_multiply;
    }

    /// `pow`'s slot: the first of `owners` that has a C type with it (the
    /// VM also tries the modulus's type).
    fn power(field: fn(&ffi::PyNumberMethods) -> ffi::ternaryfunc, owners: &[&PyObject], a: &PyObject, b: &PyObject, m: &PyObject, vm: &VirtualMachine) -> PyResult {
        call(vm, [a, b, m], || unsafe {
            let f = owners
                .iter()
                .filter_map(|o| c_type_opt(o, vm))
                .find_map(|t| t.tp_as_number.as_ref().and_then(field))
                .ok_or_else(|| missing("nb_power", vm))?;
            result(f(proxy::as_c(a, vm), proxy::as_c(b, vm), proxy::as_c(m, vm)), "nb_power", vm)
        })
    }

    pub fn nb_power(a: &PyObject, b: &PyObject, m: &PyObject, vm: &VirtualMachine) -> PyResult {
        power(|n| n.nb_power, &[a, m], a, b, m, vm)
    }

    pub fn nb_power_r(a: &PyObject, b: &PyObject, m: &PyObject, vm: &VirtualMachine) -> PyResult {
        power(|n| n.nb_power, &[b, m], a, b, m, vm)
    }

    pub fn nb_inplace_power(a: &PyObject, b: &PyObject, m: &PyObject, vm: &VirtualMachine) -> PyResult {
        power(|n| n.nb_inplace_power, &[a], a, b, m, vm)
    }

    /// The number slot `get` picks of the nearest C type in `obj`'s MRO that
    /// has it: a C type's table may lack a slot a later base has (numpy's
    /// `str_` takes `nb_int` from its `generic`, past `str`), which
    /// CPython's `inherit_slots` copies along the whole MRO.
    fn number_slot<F: Copy>(obj: &PyObject, get: impl Fn(&ffi::PyNumberMethods) -> Option<F>, vm: &VirtualMachine) -> Option<F> {
        let own = c_type_opt(obj, vm).and_then(|t| unsafe { t.tp_as_number.as_ref() }).and_then(&get);
        own.or_else(|| {
            obj.class().mro_map_collect(|t| t.to_owned()).iter().find_map(|cls| {
                let tp = proxy::type_as_c(cls, vm);
                crate::typeobject::is_c_type(tp).then(|| unsafe { (*tp).tp_as_number.as_ref() }.and_then(&get)).flatten()
            })
        })
    }

    macro_rules! unary {
        ($($name:ident,)*) => {$(
            pub fn $name(n: PyNumber<'_>, vm: &VirtualMachine) -> PyResult {
                let o = n.obj;
                call(vm, [o], || unsafe {
                    let f = number_slot(o, |n| n.$name, vm).ok_or_else(|| missing(stringify!($name), vm))?;
                    result(f(proxy::as_c(o, vm)), stringify!($name), vm)
                })
            }
        )*};
    }
    unary! { nb_negative, nb_positive, nb_absolute, nb_invert, nb_int, nb_float, nb_index, }

    pub fn nb_bool(n: PyNumber<'_>, vm: &VirtualMachine) -> PyResult<bool> {
        let o = n.obj;
        call(vm, [o], || unsafe {
            let f = c_type(o, vm)?.tp_as_number.as_ref().and_then(|n| n.nb_bool).ok_or_else(|| missing("nb_bool", vm))?;
            let r = f(proxy::as_c(o, vm));
            status(r, "__bool__", vm)?;
            Ok(r != 0)
        })
    }

    fn length(r: isize, vm: &VirtualMachine) -> PyResult<usize> {
        if r < 0 {
            return Err(pyerrors::take().unwrap_or_else(|| vm.new_system_error("__len__ failed without setting an exception")));
        }
        Ok(r as usize)
    }

    pub fn mp_length(m: PyMapping<'_>, vm: &VirtualMachine) -> PyResult<usize> {
        let o = m.obj;
        call(vm, [o], || unsafe {
            let f = c_type(o, vm)?.tp_as_mapping.as_ref().and_then(|m| m.mp_length).ok_or_else(|| missing("mp_length", vm))?;
            length(f(proxy::as_c(o, vm)), vm)
        })
    }

    pub fn mp_subscript(m: PyMapping<'_>, key: &PyObject, vm: &VirtualMachine) -> PyResult {
        let o = m.obj;
        call(vm, [o, key], || unsafe {
            let f = c_type(o, vm)?.tp_as_mapping.as_ref().and_then(|m| m.mp_subscript).ok_or_else(|| missing("mp_subscript", vm))?;
            result(f(proxy::as_c(o, vm), proxy::as_c(key, vm)), "__getitem__", vm)
        })
    }

    pub fn mp_ass_subscript(m: PyMapping<'_>, key: &PyObject, value: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<()> {
        let o = m.obj;
        call(vm, [o, key], || unsafe {
            let f = c_type(o, vm)?.tp_as_mapping.as_ref().and_then(|m| m.mp_ass_subscript).ok_or_else(|| missing("mp_ass_subscript", vm))?;
            let v = value.as_ref().map_or(std::ptr::null_mut(), |v| proxy::as_c(v, vm));
            status(f(proxy::as_c(o, vm), proxy::as_c(key, vm), v), "__setitem__", vm)
        })
    }

    fn sq(o: &PyObject, vm: &VirtualMachine) -> PyResult<&'static ffi::PySequenceMethods> {
        unsafe { c_type(o, vm)?.tp_as_sequence.as_ref().ok_or_else(|| missing("tp_as_sequence", vm)) }
    }

    /// A negative index counts from the end, as CPython's callers of
    /// `sq_item` do it.
    unsafe fn adjust(o: &PyObject, i: isize, vm: &VirtualMachine) -> PyResult<isize> {
        if i >= 0 {
            return Ok(i);
        }
        match sq(o, vm)?.sq_length {
            Some(len) => Ok(i + length(unsafe { len(proxy::as_c(o, vm)) }, vm)? as isize),
            None => Ok(i),
        }
    }

    pub fn sq_length(s: PySequence<'_>, vm: &VirtualMachine) -> PyResult<usize> {
        let o = s.obj;
        call(vm, [o], || unsafe {
            let f = sq(o, vm)?.sq_length.ok_or_else(|| missing("sq_length", vm))?;
            length(f(proxy::as_c(o, vm)), vm)
        })
    }

    pub fn sq_concat(s: PySequence<'_>, other: &PyObject, vm: &VirtualMachine) -> PyResult {
        let o = s.obj;
        call(vm, [o, other], || unsafe {
            let f = sq(o, vm)?.sq_concat.ok_or_else(|| missing("sq_concat", vm))?;
            result(f(proxy::as_c(o, vm), proxy::as_c(other, vm)), "__add__", vm)
        })
    }

    pub fn sq_inplace_concat(s: PySequence<'_>, other: &PyObject, vm: &VirtualMachine) -> PyResult {
        let o = s.obj;
        call(vm, [o, other], || unsafe {
            let f = sq(o, vm)?.sq_inplace_concat.ok_or_else(|| missing("sq_inplace_concat", vm))?;
            result(f(proxy::as_c(o, vm), proxy::as_c(other, vm)), "__iadd__", vm)
        })
    }

    pub fn sq_repeat(s: PySequence<'_>, n: isize, vm: &VirtualMachine) -> PyResult {
        let o = s.obj;
        call(vm, [o], || unsafe {
            let f = sq(o, vm)?.sq_repeat.ok_or_else(|| missing("sq_repeat", vm))?;
            result(f(proxy::as_c(o, vm), n), "__mul__", vm)
        })
    }

    pub fn sq_inplace_repeat(s: PySequence<'_>, n: isize, vm: &VirtualMachine) -> PyResult {
        let o = s.obj;
        call(vm, [o], || unsafe {
            let f = sq(o, vm)?.sq_inplace_repeat.ok_or_else(|| missing("sq_inplace_repeat", vm))?;
            result(f(proxy::as_c(o, vm), n), "__imul__", vm)
        })
    }

    pub fn sq_item(s: PySequence<'_>, i: isize, vm: &VirtualMachine) -> PyResult {
        let o = s.obj;
        call(vm, [o], || unsafe {
            let f = sq(o, vm)?.sq_item.ok_or_else(|| missing("sq_item", vm))?;
            let i = adjust(o, i, vm)?;
            result(f(proxy::as_c(o, vm), i), "__getitem__", vm)
        })
    }

    pub fn sq_ass_item(s: PySequence<'_>, i: isize, value: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<()> {
        let o = s.obj;
        call(vm, [o], || unsafe {
            let f = sq(o, vm)?.sq_ass_item.ok_or_else(|| missing("sq_ass_item", vm))?;
            let i = adjust(o, i, vm)?;
            let v = value.as_ref().map_or(std::ptr::null_mut(), |v| proxy::as_c(v, vm));
            status(f(proxy::as_c(o, vm), i, v), "__setitem__", vm)
        })
    }

    pub fn sq_contains(s: PySequence<'_>, item: &PyObject, vm: &VirtualMachine) -> PyResult<bool> {
        let o = s.obj;
        call(vm, [o, item], || unsafe {
            let f = sq(o, vm)?.sq_contains.ok_or_else(|| missing("sq_contains", vm))?;
            let r = f(proxy::as_c(o, vm), proxy::as_c(item, vm));
            status(r, "__contains__", vm)?;
            Ok(r != 0)
        })
    }
}

// ---------------------------------------------------------------------------
// Python -> C: the slots of a VM type's type object

/// The method tables of a type object C sees for a VM type.
#[repr(C)]
#[derive(Default)]
pub struct Tables {
    pub as_async: ffi::PyAsyncMethods,
    pub as_number: ffi::PyNumberMethods,
    pub as_mapping: ffi::PyMappingMethods,
    pub as_sequence: ffi::PySequenceMethods,
    pub as_buffer: ffi::PyBufferProcs,
}

/// Points `tp`'s method tables at `tables`, filled with the operations the
/// VM type `ty` has.
pub unsafe fn fill_tables(tp: *mut PyTypeObject, tables: *mut Tables, ty: &Py<PyType>, vm: &VirtualMachine) {
    let s = &ty.slots;
    let has = |name: &str| ty.has_attr(vm.ctx.intern_str(name));
    unsafe {
        let t = &mut *tp;
        t.tp_as_number = &raw mut (*tables).as_number;
        t.tp_as_sequence = &raw mut (*tables).as_sequence;
        t.tp_as_mapping = &raw mut (*tables).as_mapping;
        t.tp_as_async = &raw mut (*tables).as_async;
        t.tp_as_buffer = &raw mut (*tables).as_buffer;
        for d in SLOTDEFS {
            let (Some(from_vm), Some(field)) = (d.from_vm, d.field(t)) else { continue };
            if let Some(f) = from_vm(s) {
                *field = f;
            }
        }
        // The async slots have no VM slots: the dunders decide.
        let am = &mut (*tables).as_async;
        if has("__await__") {
            am.am_await = Some(slot_am_await);
        }
        if has("__aiter__") {
            am.am_aiter = Some(slot_am_aiter);
        }
        if has("__anext__") {
            am.am_anext = Some(slot_am_anext);
        }
        // Every object has these, as in CPython.
        t.tp_repr = Some(object::PyObject_Repr);
        t.tp_str = Some(object::PyObject_Str);
        t.tp_getattro = Some(object::PyObject_GetAttr);
        t.tp_setattro = Some(object::PyObject_SetAttr);
        t.tp_richcompare = Some(face::richcompare);
        let unhashable = ty.get_attr(vm.ctx.intern_str("__hash__")).is_some_and(|h| vm.is_none(&h));
        t.tp_hash = Some(if unhashable { object::PyObject_HashNotImplemented } else { object::PyObject_Hash });
        t.tp_init = Some(slot_tp_init);
        t.tp_new = Some(slot_tp_new);
    }
}

unsafe extern "C" fn object_size(o: *mut CObject) -> isize {
    unsafe { abstract_::object::PyObject_Size(o) }
}

crate::c_slots! {
    fn slot_sq_repeat(vm, o: &rustpython_vm::PyObject, n: isize) -> PyObjectRef {
        vm._mul(o, vm.ctx.new_int(n).as_object())
    }

    fn slot_sq_item(vm, o: &rustpython_vm::PyObject, i: isize) -> PyObjectRef {
        // CPython's builtin sequences take the index as given: a negative
        // one is out of range (the caller adds the length first).
        let builtin = !o.class().slots.flags.has_feature(rustpython_vm::types::PyTypeFlags::HEAPTYPE);
        if i < 0 && builtin {
            return Err(vm.new_index_error(format!("{} index out of range", o.class().name())));
        }
        o.get_item(vm.ctx.new_int(i).as_object(), vm)
    }

    fn slot_sq_ass_item(vm, o: &rustpython_vm::PyObject, i: isize, v: Option<PyObjectRef>) -> () {
        match v {
            Some(v) => o.set_item(vm.ctx.new_int(i).as_object(), v, vm),
            None => o.del_item(vm.ctx.new_int(i).as_object(), vm),
        }
    }

    fn slot_mp_ass_subscript(vm, o: &rustpython_vm::PyObject, k: PyObjectRef, v: Option<PyObjectRef>) -> () {
        match v {
            Some(v) => o.set_item(&*k, v, vm),
            None => o.del_item(&*k, vm),
        }
    }

    fn slot_am_await(vm, o: PyObjectRef) -> PyObjectRef {
        vm.call_special_method(&o, vm.ctx.intern_str("__await__"), ())
    }

    fn slot_am_aiter(vm, o: PyObjectRef) -> PyObjectRef {
        vm.call_special_method(&o, vm.ctx.intern_str("__aiter__"), ())
    }

    fn slot_am_anext(vm, o: PyObjectRef) -> PyObjectRef {
        vm.call_special_method(&o, vm.ctx.intern_str("__anext__"), ())
    }

    fn slot_tp_descr_get(vm, d: PyObjectRef, obj: Option<PyObjectRef>, ty: Option<PyObjectRef>) -> PyObjectRef {
        let get = d.class().slots.descr_get.load().ok_or_else(|| vm.new_type_error("not a descriptor"))?;
        get(&d, obj.as_deref(), ty.as_deref(), vm)
    }

    fn slot_tp_descr_set(vm, d: &rustpython_vm::PyObject, obj: PyObjectRef, v: Option<PyObjectRef>) -> () {
        let set = d.class().slots.descr_set.load().ok_or_else(|| vm.new_type_error("not a data descriptor"))?;
        let v = match v {
            Some(v) => rustpython_vm::function::PySetterValue::Assign(v),
            None => rustpython_vm::function::PySetterValue::Delete,
        };
        set(d, obj, v, vm)
    }

    fn slot_tp_init(vm, o: PyObjectRef, args: PyObjectRef, kw: Option<PyObjectRef>) -> () {
        let args = call_args(args, kw, vm)?;
        vm.call_special_method(&o, vm.ctx.intern_str("__init__"), args)?;
        Ok(())
    }

    fn slot_tp_new(vm, tp: *mut PyTypeObject, args: PyObjectRef, kw: Option<PyObjectRef>) -> PyObjectRef {
        let cls = unsafe { proxy::from_c(tp as *mut CObject, vm)? }.downcast::<PyType>().map_err(|_| vm.new_type_error("tp_new: not a type"))?;
        // A type with C memory has a tp_new of its own: C calling this one
        // calls a VM base's (numpy's float64 calls `PyFloat_Type.tp_new`),
        // whose `__new__` must run, not the type's again.
        let own = unsafe { crate::typeobject::builtin_base_new(tp, &cls) };
        let new = own.or_else(|| cls.slots.new.load()).ok_or_else(|| {
            vm.new_type_error(format!("cannot create '{}' instances", cls.slot_name()))
        })?;
        new(cls, call_args(args, kw, vm)?, vm)
    }
}

/// `(args, kwargs)` from C's argument tuple and optional dict.
fn call_args(args: PyObjectRef, kw: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<FuncArgs> {
    let pos = abstract_::call::positional(args, vm)?;
    Ok(FuncArgs::new(pos, abstract_::call::kwargs_of(kw, vm)?))
}

crate::c_slots! {
    /// `tp_iternext` of a VM iterator: exhausted is NULL with no exception
    /// set, as CPython's own iterators do.
    fn slot_tp_iternext(vm, o: PyObjectRef) -> *mut CObject {
        match vm.call_special_method(&o, vm.ctx.intern_str("__next__"), ()) {
            Ok(v) => Ok(proxy::to_c_new(&v, vm)),
            Err(e) if e.fast_isinstance(vm.ctx.exceptions.stop_iteration) => Ok(std::ptr::null_mut()),
            Err(e) => Err(e),
        }
    }
}

/// Slots of a VM type's type object that must answer as CPython's own do.
mod face {
    use super::*;
    use rustpython_vm::{PyObject, protocol::PyNumberBinaryOp, types::PyTypeFlags};

    /// A binary number slot: a builtin type's answers for its own operand
    /// only (NotImplemented for an operand of another type, as CPython's
    /// `long_add` and friends); a class made in Python tries the reflected
    /// method too, as CPython's `slot_nb_*`.
    fn binary(a: &PyObject, b: &PyObject, op: PyNumberBinaryOp, vm: &VirtualMachine) -> PyResult {
        if a.class().slots.flags.has_feature(PyTypeFlags::HEAPTYPE) {
            return pystate::without_gil(|| vm.binary_op1(a, b, op));
        }
        match a.class().slots.as_number.left_binary_op(op) {
            Some(f) => pystate::without_gil(|| f(a, b, vm)),
            None => Ok(vm.ctx.not_implemented()),
        }
    }

    macro_rules! binary_slots {
        ($($name:ident => $op:ident,)*) => {
            crate::c_slots! {$(
                fn $name(vm, a: &PyObject, b: &PyObject) -> PyObjectRef {
                    binary(a, b, PyNumberBinaryOp::$op, vm)
                }
            )*}
        };
    }
    binary_slots! {
        nb_add => Add,
        nb_subtract => Subtract,
        nb_multiply => Multiply,
        nb_remainder => Remainder,
        nb_divmod => Divmod,
        nb_lshift => Lshift,
        nb_rshift => Rshift,
        nb_and => And,
        nb_xor => Xor,
        nb_or => Or,
        nb_floor_divide => FloorDivide,
        nb_true_divide => TrueDivide,
        nb_matrix_multiply => MatrixMultiply,
        nb_inplace_add => InplaceAdd,
        nb_inplace_subtract => InplaceSubtract,
        nb_inplace_multiply => InplaceMultiply,
        nb_inplace_remainder => InplaceRemainder,
        nb_inplace_lshift => InplaceLshift,
        nb_inplace_rshift => InplaceRshift,
        nb_inplace_and => InplaceAnd,
        nb_inplace_xor => InplaceXor,
        nb_inplace_or => InplaceOr,
        nb_inplace_floor_divide => InplaceFloorDivide,
        nb_inplace_true_divide => InplaceTrueDivide,
        nb_inplace_matrix_multiply => InplaceMatrixMultiply,
    }

    crate::c_slots! {
        /// `tp_richcompare`: the left operand's own comparison, which may
        /// return NotImplemented (CPython's slots do not reflect).
        fn richcompare(vm, a: &PyObject, b: &PyObject, op: std::ffi::c_int) -> PyObjectRef {
            use rustpython_vm::{convert::ToPyObject, function::Either};
            let op = object::comparison_op(op, vm)?;
            // C calling a VM base's slot with its own instance (numpy's
            // str_ compares through `PyUnicode_Type.tp_richcompare`).
            let own = unsafe { crate::typeobject::builtin_base(proxy::type_as_c(a.class(), vm), a.class()) };
            let Some(f) = own.as_deref().unwrap_or(a.class()).slots.richcompare.load() else {
                return Ok(vm.ctx.not_implemented());
            };
            Ok(match pystate::without_gil(|| f(a, b, op, vm))? {
                Either::A(obj) => obj,
                Either::B(value) => value.to_pyobject(vm),
            })
        }
    }
}
