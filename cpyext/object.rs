//! Objects (`object.h`): reference counting, the singletons, and the generic
//! object operations CPython declares there.

use crate::boundary::{Borrowed, NewPtr, Ptr, Void};
use crate::capi;
use crate::ffi::{self, PyObject as CObject};
use crate::proxy;
use rustpython_vm::{
    AsObject, Py, PyObject, PyObjectRef, PyPayload, PyResult, VirtualMachine,
    builtins::{PyBytes, PyStr, PyStrRef, PyType},
    function::PySetterValue,
    types::PyComparisonOp,
};
use std::ffi::{CStr, c_char};
use std::ptr::null_mut;

const fn immortal_header() -> CObject {
    CObject { ob_refcnt: ffi::IMMORTAL_REFCNT, ob_overflow: 0, ob_flags: 0, ob_type: null_mut() }
}

const fn immortal_long(ndigits_sign: usize, digit: u32) -> ffi::PyLongObject {
    ffi::PyLongObject {
        ob_base: immortal_header(),
        long_value: ffi::PyLongValue { lv_tag: ndigits_sign, ob_digit: [digit] },
    }
}

#[unsafe(no_mangle)]
pub static mut _Py_NoneStruct: CObject = immortal_header();
#[unsafe(no_mangle)]
pub static mut _Py_NotImplementedStruct: CObject = immortal_header();
#[unsafe(no_mangle)]
pub static mut _Py_EllipsisObject: CObject = immortal_header();
// CPython 3.12+ long layout: `lv_tag` is (digit count << 3) | sign, where
// sign 1 means zero.
#[unsafe(no_mangle)]
pub static mut _Py_TrueStruct: ffi::PyLongObject = immortal_long(1 << 3, 1);
#[unsafe(no_mangle)]
pub static mut _Py_FalseStruct: ffi::PyLongObject = immortal_long(1, 0);

pub fn init_singletons(vm: &VirtualMachine) {
    let ctx = &vm.ctx;
    let pairs: [(*mut CObject, &rustpython_vm::PyObject); 5] = [
        (&raw mut _Py_NoneStruct, ctx.none.as_object()),
        (&raw mut _Py_NotImplementedStruct, ctx.not_implemented.as_object()),
        (&raw mut _Py_EllipsisObject, ctx.ellipsis.as_object()),
        (&raw mut _Py_TrueStruct as *mut CObject, ctx.true_value.as_object()),
        (&raw mut _Py_FalseStruct as *mut CObject, ctx.false_value.as_object()),
    ];
    for (op, obj) in pairs {
        unsafe {
            proxy::register_static(op, obj);
            (*op).ob_type = proxy::type_as_c(obj.class(), vm);
        }
    }
}

crate::declared_here!(_Py_Dealloc, Py_IncRef, Py_DecRef, Py_TYPE, Py_REFCNT);

/// The stable ABI's `Py_TYPE()` (3.14's limited API calls it; the header's
/// inline is the same read). NULL gives NULL rather than a crash.
///
/// # Safety
/// `ob` is NULL or an object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn Py_TYPE(ob: *mut CObject) -> *mut ffi::PyTypeObject {
    if ob.is_null() { null_mut() } else { unsafe { (*ob).ob_type } }
}

/// The stable ABI's `Py_REFCNT()`, which our header's macro calls too: C's
/// count plus the references the VM holds ([`proxy::refcnt`]), as
/// CPython's count includes every holder. NULL gives 0 rather than a crash.
///
/// # Safety
/// `ob` is NULL or an object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn Py_REFCNT(ob: *mut CObject) -> isize {
    if ob.is_null() { 0 } else { unsafe { proxy::refcnt(ob) } }
}

/// CPython's table of the comparison each one becomes with its operands
/// swapped (`Py_LT` -> `Py_GT`, ...), indexed by the `Py_LT`..`Py_GE` ids.
#[unsafe(no_mangle)]
pub static _Py_SwappedOp: [i32; 6] = [ffi::Py_GT, ffi::Py_GE, ffi::Py_EQ, ffi::Py_NE, ffi::Py_LT, ffi::Py_LE];

/// Called by `Py_DECREF` when C's count reaches zero.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _Py_Dealloc(op: *mut CObject) {
    unsafe { proxy::dealloc(op) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn Py_IncRef(op: *mut CObject) {
    if !op.is_null() {
        unsafe { proxy::incref(op) }
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn Py_DecRef(op: *mut CObject) {
    if !op.is_null() {
        unsafe { proxy::decref(op) }
    }
}

/// An attribute name from C: CPython requires a str.
pub fn attr_name(name: PyObjectRef, vm: &VirtualMachine) -> PyResult<PyStrRef> {
    name.downcast::<PyStr>().map_err(|o| {
        vm.new_type_error(format!("attribute name must be string, not '{}'", o.class().name()))
    })
}

/// C's `Py_LT`..`Py_GE` for a VM comparison.
pub fn comparison_code(op: PyComparisonOp) -> i32 {
    match op {
        PyComparisonOp::Lt => ffi::Py_LT,
        PyComparisonOp::Le => ffi::Py_LE,
        PyComparisonOp::Eq => ffi::Py_EQ,
        PyComparisonOp::Ne => ffi::Py_NE,
        PyComparisonOp::Gt => ffi::Py_GT,
        _ => ffi::Py_GE,
    }
}

pub fn comparison_op(op: i32, vm: &VirtualMachine) -> PyResult<PyComparisonOp> {
    Ok(match op {
        ffi::Py_LT => PyComparisonOp::Lt,
        ffi::Py_LE => PyComparisonOp::Le,
        ffi::Py_EQ => PyComparisonOp::Eq,
        ffi::Py_NE => PyComparisonOp::Ne,
        ffi::Py_GT => PyComparisonOp::Gt,
        ffi::Py_GE => PyComparisonOp::Ge,
        _ => return Err(vm.new_system_error("bad argument to internal function: invalid comparison op")),
    })
}

fn set_or_delete(o: PyObjectRef, name: PyStrRef, value: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<()> {
    let value = match value {
        Some(v) => PySetterValue::Assign(v),
        None => PySetterValue::Delete,
    };
    o.call_set_attr(vm, &name, value)
}

fn intern_cstr(name: &str, vm: &VirtualMachine) -> PyStrRef {
    vm.ctx.intern_str(name).to_owned()
}

/// The outcome of a `Get*Optional*` lookup as C sees it: 1 and a new
/// reference in `*result`; 0 and NULL when the lookup raised `missing`
/// (which is cleared); -1 and NULL on any other error.
pub fn optional_result(value: PyResult, missing: &Py<PyType>, result: *mut *mut CObject, vm: &VirtualMachine) -> PyResult<i32> {
    unsafe { *result = null_mut() };
    match value {
        Ok(v) => {
            unsafe { *result = proxy::to_c_new(&v, vm) };
            Ok(1)
        }
        Err(e) if e.fast_isinstance(missing) => Ok(0),
        Err(e) => Err(e),
    }
}

/// CPython's `_PyObject_LookupSpecial`: `name` found on the type (not the
/// instance) and bound to `o`; None when the type has no such attribute.
pub fn lookup_special(o: &PyObject, name: &str, vm: &VirtualMachine) -> Option<PyResult> {
    let attr = o.class().get_attr(vm.ctx.intern_str(name))?;
    Some(vm.call_if_get_descriptor(&attr, o.to_owned()))
}

/// The objects `Py_CONSTANT_NONE` (0) to `Py_CONSTANT_EMPTY_TUPLE` (9)
/// name, in that order; the interpreter holds each for its lifetime.
fn constant(id: u32, vm: &VirtualMachine) -> PyResult {
    let ctx = &vm.ctx;
    Ok(match id {
        0 => ctx.none(),
        1 => ctx.new_bool(false).into(),
        2 => ctx.new_bool(true).into(),
        3 => ctx.ellipsis.clone().into(),
        4 => ctx.not_implemented.clone().into(),
        5 => ctx.new_int(0).into(),
        6 => ctx.new_int(1).into(),
        7 => ctx.empty_str.to_owned().into(),
        8 => ctx.empty_bytes.clone().into(),
        9 => ctx.empty_tuple.clone().into(),
        _ => return Err(crate::boundary::bad_internal_call(vm)),
    })
}

capi! {
    fn PyObject_GetAttr(vm, o: &PyObject, name: &PyObject) -> PyObjectRef {
        let name = name.downcast_ref::<PyStr>().ok_or_else(|| {
            vm.new_type_error(format!("attribute name must be string, not '{}'", name.class().name()))
        })?;
        o.get_attr(name, vm)
    }

    fn PyObject_GetAttrString(vm, o: PyObjectRef, name: &str) -> PyObjectRef {
        o.get_attr(&intern_cstr(name, vm), vm)
    }

    fn PyObject_SetAttr(vm, o: PyObjectRef, name: PyObjectRef, value: Option<PyObjectRef>) -> () {
        set_or_delete(o, attr_name(name, vm)?, value, vm)
    }

    fn PyObject_SetAttrString(vm, o: PyObjectRef, name: &str, value: Option<PyObjectRef>) -> () {
        set_or_delete(o, intern_cstr(name, vm), value, vm)
    }

    fn PyObject_DelAttr(vm, o: PyObjectRef, name: PyObjectRef) -> () {
        set_or_delete(o, attr_name(name, vm)?, None, vm)
    }

    fn PyObject_DelAttrString(vm, o: PyObjectRef, name: &str) -> () {
        set_or_delete(o, intern_cstr(name, vm), None, vm)
    }

    /// Errors other than AttributeError are swallowed, as CPython documents.
    fn PyObject_HasAttr(vm, o: PyObjectRef, name: PyObjectRef) -> i32 {
        let Ok(name) = attr_name(name, vm) else { return Ok(0) };
        Ok(o.get_attr(&name, vm).is_ok() as i32)
    }

    fn PyObject_HasAttrString(vm, o: PyObjectRef, name: &str) -> i32 {
        Ok(o.get_attr(&intern_cstr(name, vm), vm).is_ok() as i32)
    }

    fn PyObject_HasAttrWithError(vm, o: PyObjectRef, name: PyObjectRef) -> i32 {
        match o.get_attr(&attr_name(name, vm)?, vm) {
            Ok(_) => Ok(1),
            Err(e) if e.fast_isinstance(vm.ctx.exceptions.attribute_error) => Ok(0),
            Err(e) => Err(e),
        }
    }

    fn PyObject_HasAttrStringWithError(vm, o: PyObjectRef, name: &CStr) -> i32 {
        match crate::unicodeobject::from_utf8(name.to_bytes(), vm).and_then(|name| o.get_attr(&name, vm)) {
            Ok(_) => Ok(1),
            Err(e) if e.fast_isinstance(vm.ctx.exceptions.attribute_error) => Ok(0),
            Err(e) => Err(e),
        }
    }

    fn PyObject_GetOptionalAttr(vm, o: PyObjectRef, name: PyObjectRef, result: *mut *mut CObject) -> i32 {
        let value = attr_name(name, vm).and_then(|name| o.get_attr(&name, vm));
        optional_result(value, vm.ctx.exceptions.attribute_error, result, vm)
    }

    fn PyObject_GetOptionalAttrString(vm, o: PyObjectRef, name: &CStr, result: *mut *mut CObject) -> i32 {
        let value = crate::unicodeobject::from_utf8(name.to_bytes(), vm).and_then(|name| o.get_attr(&name, vm));
        optional_result(value, vm.ctx.exceptions.attribute_error, result, vm)
    }

    fn PyObject_GenericGetAttr(vm, o: PyObjectRef, name: PyObjectRef) -> PyObjectRef {
        o.generic_getattr(&*attr_name(name, vm)?, vm)
    }

    fn PyObject_GenericGetDict(vm, o: PyObjectRef, context: *mut std::ffi::c_void) -> PyObjectRef {
        o.dict().map(Into::into).ok_or_else(|| vm.new_attribute_error("This object has no __dict__"))
    }

    fn PyObject_GenericSetDict(vm, o: PyObjectRef, value: Option<PyObjectRef>, context: *mut std::ffi::c_void) -> () {
        let value = value.ok_or_else(|| vm.new_type_error("cannot delete __dict__"))?;
        let dict = value.downcast::<rustpython_vm::builtins::PyDict>().map_err(|v| {
            vm.new_type_error(format!("__dict__ must be set to a dictionary, not a '{}'", v.class().name()))
        })?;
        o.set_dict(Some(dict)).map_err(|_| vm.new_attribute_error("This object has no __dict__"))
    }

    fn PyObject_GenericSetAttr(vm, o: PyObjectRef, name: PyObjectRef, value: Option<PyObjectRef>) -> () {
        let value = match value {
            Some(v) => PySetterValue::Assign(v),
            None => PySetterValue::Delete,
        };
        o.generic_setattr(&*attr_name(name, vm)?, value, vm)
    }

    fn PyObject_Repr(vm, o: PyObjectRef) -> PyObjectRef {
        Ok(o.repr(vm)?.into())
    }

    fn PyObject_Str(vm, o: PyObjectRef) -> PyObjectRef {
        Ok(o.str(vm)?.into())
    }

    fn PyObject_ASCII(vm, o: PyObjectRef) -> PyObjectRef {
        Ok(o.ascii(vm)?.into())
    }

    fn PyObject_RichCompare(vm, a: PyObjectRef, b: PyObjectRef, op: i32) -> PyObjectRef {
        a.rich_compare(b, comparison_op(op, vm)?, vm)
    }

    fn PyObject_RichCompareBool(vm, a: PyObjectRef, b: PyObjectRef, op: i32) -> bool {
        let op = comparison_op(op, vm)?;
        // Identity implies equality here, as in CPython.
        if a.is(&b) {
            match op {
                PyComparisonOp::Eq => return Ok(true),
                PyComparisonOp::Ne => return Ok(false),
                _ => {}
            }
        }
        a.rich_compare_bool(&b, op, vm)
    }

    fn PyObject_IsTrue(vm, o: &PyObject) -> bool {
        o.to_owned().is_true(vm)
    }

    fn PyObject_Not(vm, o: PyObjectRef) -> bool {
        Ok(!o.is_true(vm)?)
    }

    fn PyObject_Hash(vm, o: &PyObject) -> isize {
        o.hash(vm).map(|h| h as isize)
    }

    fn PyObject_HashNotImplemented(vm, o: PyObjectRef) -> isize {
        Err(vm.new_type_error(format!("unhashable type: '{}'", o.class().name())))
    }

    fn PyObject_Type(vm, o: PyObjectRef) -> PyObjectRef {
        Ok(o.class().to_owned().into())
    }

    fn PyCallable_Check(vm, o: Option<PyObjectRef>) -> i32 {
        Ok(o.is_some_and(|o| o.is_callable()) as i32)
    }

    fn PyObject_Print(vm, o: Option<PyObjectRef>, fp: *mut libc::FILE, flags: i32) -> () {
        let text = match o {
            None => "<nil>".to_owned(),
            Some(o) if flags & 1 != 0 => o.str(vm)?.to_string(),
            Some(o) => o.repr(vm)?.to_string(),
        };
        let c = std::ffi::CString::new(text).unwrap_or_default();
        unsafe { libc::fputs(c.as_ptr(), fp) };
        Ok(())
    }

    fn Py_Is(vm, a: *mut CObject, b: *mut CObject) -> i32 {
        Ok((a == b) as i32)
    }

    fn Py_IsNone(vm, o: *mut CObject) -> i32 {
        Ok((o == &raw mut _Py_NoneStruct) as i32)
    }

    fn Py_IsTrue(vm, o: *mut CObject) -> i32 {
        Ok((o == &raw mut _Py_TrueStruct as *mut CObject) as i32)
    }

    fn Py_IsFalse(vm, o: *mut CObject) -> i32 {
        Ok((o == &raw mut _Py_FalseStruct as *mut CObject) as i32)
    }

    fn Py_NewRef(vm, o: Ptr) -> NewPtr {
        unsafe { proxy::incref(o.0) };
        Ok(NewPtr(o.0))
    }

    /// NULL for NULL, without an exception.
    fn Py_XNewRef(vm, o: *mut CObject) -> NewPtr {
        if !o.is_null() { unsafe { proxy::incref(o) }; }
        Ok(NewPtr(o))
    }

    fn Py_FatalError(vm, msg: *const c_char) -> Void {
        let msg = unsafe { crate::boundary::c_text(msg, "") };
        eprintln!("Fatal Python error: {msg}");
        std::process::abort();
    }
}

capi! {
    /// `__bytes__` if the type has one, else `PyBytes_FromObject`; NULL is
    /// `b"<NULL>"`, as in CPython.
    fn PyObject_Bytes(vm, o: Option<PyObjectRef>) -> PyObjectRef {
        let Some(o) = o else { return Ok(vm.ctx.new_bytes(b"<NULL>".to_vec()).into()) };
        if o.downcast_ref_if_exact::<PyBytes>(vm).is_some() {
            return Ok(o);
        }
        let Some(method) = lookup_special(&o, "__bytes__", vm) else {
            return crate::bytesobject::from_object(o, vm);
        };
        let b = method?.call((), vm)?;
        if b.downcast_ref::<PyBytes>().is_none() {
            return Err(vm.new_type_error(format!("__bytes__ returned non-bytes (type {})", b.class().name())));
        }
        Ok(b)
    }

    /// `dir(o)`; for NULL, the sorted names of the calling frame's locals.
    fn PyObject_Dir(vm, o: Option<PyObjectRef>) -> PyObjectRef {
        if o.is_none() && vm.current_frame().is_none() {
            return Err(vm.new_system_error("frame does not exist"));
        }
        Ok(vm.dir(o)?.into_ref(&vm.ctx).into())
    }

    /// 1 when `o` is being repr'd on this thread already (its repr recursed),
    /// else 0 and `o` is marked until `Py_ReprLeave`. The marks are the VM's
    /// own, which the builtin containers' reprs check too, as in CPython.
    fn Py_ReprEnter(vm, o: &PyObject) -> i32 {
        Ok(!vm.repr_guards.borrow_mut().insert(o.get_id()) as i32)
    }

    /// Never touches the error indicator: it runs while a repr's exception
    /// propagates.
    fn Py_ReprLeave(vm, o: *mut CObject) -> Void {
        if !o.is_null() && let Ok(o) = unsafe { proxy::from_c_ref(o, vm) } {
            vm.repr_guards.borrow_mut().remove(&o.get_id());
        }
        Ok(Void)
    }

    fn Py_GetConstant(vm, id: u32) -> PyObjectRef {
        constant(id, vm)
    }

    fn Py_GetConstantBorrowed(vm, id: u32) -> Borrowed<'static> {
        let obj = constant(id, vm)?;
        Ok(Borrowed::held_by_interpreter(&obj, vm))
    }

    fn PyObject_Format(vm, o: PyObjectRef, spec: Option<PyObjectRef>) -> PyObjectRef {
        let spec = spec.unwrap_or_else(|| vm.ctx.empty_str.to_owned().into());
        vm.builtins.get_attr("format", vm)?.call((o, spec), vm)
    }

    fn PyObject_SelfIter(vm, o: Ptr) -> NewPtr {
        unsafe { proxy::incref(o.0) };
        Ok(NewPtr(o.0))
    }
}

/// The VM dict of `op`'s object when its type keeps a managed dict
/// (`Py_TPFLAGS_MANAGED_DICT`): the dict of its VM object, or of a C-type
/// instance's wrapper (none before the wrapper exists).
unsafe fn managed_dict(op: *mut CObject, vm: &VirtualMachine) -> PyResult<Option<rustpython_vm::builtins::PyDictRef>> {
    unsafe {
        if (*(*op).ob_type).tp_flags & ffi::Py_TPFLAGS_MANAGED_DICT == 0 {
            return Ok(None);
        }
        if proxy::is_prefixed(op) && proxy::is_c_instance(op) && !proxy::is_linked(op) {
            return Ok(None);
        }
        Ok(proxy::from_c(op, vm)?.dict())
    }
}

capi! {
    /// Visits the instance dict of an object whose type has
    /// `Py_TPFLAGS_MANAGED_DICT` (for its `tp_traverse`); other objects
    /// visit nothing. The result is `visit`'s.
    unsafe fn PyObject_VisitManagedDict(vm, obj: Ptr, visit: *mut std::ffi::c_void, arg: *mut std::ffi::c_void) -> i32 {
        let visit = std::mem::transmute::<*mut std::ffi::c_void, ffi::visitproc>(visit);
        let Some(visit) = visit else { return Err(crate::boundary::bad_internal_call(vm)) };
        // The layer's own traversal (`gcmodule`) sees the managed dict as
        // the VM does, through the wrapper that holds it: visiting it too
        // would count as a C reference one that C does not hold.
        if visit as *const () == crate::gcmodule::visit as *const () {
            return Ok(0);
        }
        match managed_dict(obj.0, vm)? {
            Some(dict) => Ok(visit(proxy::as_c(dict.as_object(), vm), arg)),
            None => Ok(0),
        }
    }

    /// Drops the instance dict of an object whose type has
    /// `Py_TPFLAGS_MANAGED_DICT` (for its `tp_clear`/`tp_dealloc`): the
    /// object gets a new empty one, as CPython makes one when next asked;
    /// whoever else holds the old dict keeps it as it was.
    unsafe fn PyObject_ClearManagedDict(vm, obj: Ptr) -> Void {
        if managed_dict(obj.0, vm)?.is_some() {
            let o = proxy::from_c(obj.0, vm)?;
            let _ = o.set_dict(Some(vm.ctx.new_dict()));
        }
        Ok(Void)
    }

    /// Where `obj`'s instance dict pointer is, NULL (without an exception)
    /// if it has none: for a type with `tp_dictoffset` (C types, and type
    /// objects, whose dict is `tp_dict`) that field of the object itself;
    /// for an object whose dict only the VM keeps (instances of Python
    /// classes, managed dicts) a field the layer keeps beside the object,
    /// holding its current dict, valid as long as the object (CPython's
    /// managed-dict pointer). Storing through the pointer does not change
    /// the VM object's dict.
    unsafe fn _PyObject_GetDictPtr(vm, obj: Ptr) -> *mut *mut CObject {
        let op = obj.0;
        let tp = (*op).ob_type;
        let managed = (*tp).tp_flags & ffi::Py_TPFLAGS_MANAGED_DICT != 0;
        let offset = (*tp).tp_dictoffset;
        if !managed && offset != 0 {
            let offset = if offset > 0 {
                offset
            } else {
                // CPython's rule for variable-size objects: after the items.
                let n = (*(op as *mut ffi::PyVarObject)).ob_size.unsigned_abs() as isize;
                let size = (*tp).tp_basicsize + n * (*tp).tp_itemsize;
                let size = (size + 7) & !7;
                size + offset
            };
            return Ok((op as *mut u8).offset(offset) as *mut *mut CObject);
        }
        if !proxy::is_prefixed(op) {
            return Ok(null_mut());
        }
        let Some(dict) = proxy::from_c(op, vm)?.dict() else { return Ok(null_mut()) };
        let slot = match proxy::aux(op) {
            Some(proxy::Aux::DictSlot(slot)) => slot,
            None | Some(proxy::Aux::Weak(_)) => {
                proxy::set_aux(op, proxy::Aux::DictSlot(proxy::DictSlot(null_mut())));
                match proxy::aux(op) {
                    Some(proxy::Aux::DictSlot(slot)) => slot,
                    _ => unreachable!(),
                }
            }
            // State of ours already lives there (a module's definition).
            Some(_) => return Ok(null_mut()),
        };
        // The dict the object has now (Python may have replaced it).
        let current = proxy::as_c(dict.as_object(), vm);
        if slot.0 != current {
            proxy::incref(current);
            let old = std::mem::replace(&mut slot.0, current);
            if !old.is_null() {
                proxy::decref(old);
            }
        }
        Ok(&raw mut slot.0)
    }

    /// CPython's answer on a build that is not free-threaded: 0, nothing done.
    fn PyUnstable_Object_EnableDeferredRefcount(vm, op: *mut CObject) -> i32 {
        let _ = op;
        Ok(0)
    }

    /// 1 only when `op` is known to have no other holder: C's count is 1
    /// and the VM has never seen the object (memory C built that has not
    /// crossed, a C-type instance without a VM wrapper). Otherwise 0, "not
    /// known unique", which is always safe to answer: `ob_refcnt` counts
    /// C's references only, not the VM's (a list's, a frame's), so a count
    /// of 1 on an object the VM has does not mean nobody else holds it.
    unsafe fn PyUnstable_Object_IsUniquelyReferenced(vm, op: Ptr) -> i32 {
        let op = op.0;
        if !proxy::is_prefixed(op) || (*op).ob_refcnt != 1 {
            return Ok(0);
        }
        Ok(matches!(proxy::link_state(op), proxy::Link::Unlinked | proxy::Link::NoWrapper) as i32)
    }

    /// Always 0: CPython answers 1 for an object whose only reference is a
    /// temporary on the calling Python frame's operand stack; RustPython's
    /// stack references are not counted in `ob_refcnt`, so that is never
    /// known here (0 is the safe answer: C then copies rather than reuses).
    fn PyUnstable_Object_IsUniqueReferencedTemporary(vm, op: *mut CObject) -> i32 {
        let _ = op;
        Ok(0)
    }
}

/// `_Py_Identifier`: a static C string and the index of its str.
#[repr(C)]
pub struct PyIdentifier {
    string: *const c_char,
    index: isize,
    mutex: u8,
}

/// The identifiers' interned strs, by index: interned strs live as long
/// as the interpreter, so C may keep the borrowed pointers.
static IDENTIFIERS: std::sync::Mutex<Vec<&'static rustpython_vm::builtins::PyStrInterned>> = std::sync::Mutex::new(Vec::new());

fn identifier(id: *mut PyIdentifier, vm: &VirtualMachine) -> PyResult<&'static rustpython_vm::builtins::PyStrInterned> {
    if id.is_null() || unsafe { (*id).string.is_null() } {
        return Err(crate::boundary::bad_internal_call(vm));
    }
    let mut ids = IDENTIFIERS.lock().unwrap_or_else(|e| e.into_inner());
    let index = unsafe { (*id).index };
    if let Some(s) = usize::try_from(index).ok().and_then(|i| ids.get(i)) {
        return Ok(s);
    }
    let text = unsafe { CStr::from_ptr((*id).string) }
        .to_str()
        .map_err(|_| vm.new_value_error("identifier is not valid UTF-8"))?;
    let s = vm.ctx.intern_str(text);
    ids.push(s);
    unsafe { (*id).index = ids.len() as isize - 1 };
    Ok(s)
}

/// The last dotted component of a type's `tp_name`.
unsafe fn short_name(tp: *mut ffi::PyTypeObject) -> *const c_char {
    unsafe {
        let name = (*tp).tp_name;
        if name.is_null() {
            return name;
        }
        match CStr::from_ptr(name).to_bytes().iter().rposition(|&b| b == b'.') {
            Some(dot) => name.add(dot + 1),
            None => name,
        }
    }
}

/// An attribute name from C that must be a str, as CPython's generic
/// attribute functions require.
fn str_name(name: PyObjectRef, vm: &VirtualMachine) -> PyResult<PyStrRef> {
    attr_name(name, vm)
}

fn dict_arg(dict: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<Option<rustpython_vm::builtins::PyDictRef>> {
    dict.map(|d| d.downcast::<rustpython_vm::builtins::PyDict>().map_err(|_| crate::boundary::bad_internal_call(vm))).transpose()
}

capi! {
    /// Borrowed: the interpreter keeps interned strs.
    fn _PyUnicode_FromId(vm, id: *mut PyIdentifier) -> Borrowed<'static> {
        let s = identifier(id, vm)?;
        Ok(Borrowed::held_by_interpreter(s.as_object(), vm))
    }

    fn _PyObject_GetAttrId(vm, obj: PyObjectRef, name: *mut PyIdentifier) -> PyObjectRef {
        let name = identifier(name, vm)?;
        obj.get_attr(name, vm)
    }

    unsafe fn _PyType_Name(vm, tp: Ptr) -> *const c_char {
        Ok(short_name(tp.0 as *mut ffi::PyTypeObject))
    }

    /// NULL without an exception when no class along the MRO has `name`.
    fn _PyType_LookupRef(vm, tp: &PyObject, name: PyObjectRef) -> Option<PyObjectRef> {
        let Some(ty) = tp.downcast_ref::<PyType>() else { return Err(crate::boundary::bad_internal_call(vm)) };
        let Ok(name) = name.downcast::<PyStr>() else { return Ok(None) };
        Ok(ty.get_attr(vm.ctx.intern_str(name.as_wtf8().to_string().as_str())))
    }

    /// Every type C sees has a version tag (the layer sets one when it
    /// makes or readies the type object).
    unsafe fn PyUnstable_Type_AssignVersionTag(vm, tp: Ptr) -> i32 {
        let tp = tp.0 as *mut ffi::PyTypeObject;
        if (*tp).tp_version_tag == 0 {
            static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1 << 20);
            (*tp).tp_version_tag = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        Ok(1)
    }

    fn _PyObject_GenericGetAttrWithDict(vm, obj: PyObjectRef, name: PyObjectRef, dict: Option<PyObjectRef>, suppress: i32) -> Option<PyObjectRef> {
        let name = str_name(name, vm)?;
        let dict = dict_arg(dict, vm)?;
        match obj.generic_getattr_opt(&name, dict, vm) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) if suppress != 0 => Ok(None),
            Ok(None) => Err(vm.new_no_attribute_error(obj.clone(), name)),
            Err(e) if suppress != 0 && e.fast_isinstance(vm.ctx.exceptions.attribute_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// With a dict, the instance dict is that dict: a data descriptor of the
    /// type still wins, as in CPython.
    fn _PyObject_GenericSetAttrWithDict(vm, obj: PyObjectRef, name: PyObjectRef, value: Option<PyObjectRef>, dict: Option<PyObjectRef>) -> () {
        let name = str_name(name, vm)?;
        let Some(dict) = dict_arg(dict, vm)? else {
            return obj.generic_setattr(&name, PySetterValue::from(value), vm);
        };
        if let Some(descr) = obj.class().get_attr(vm.ctx.intern_str(name.as_wtf8().to_string().as_str())) {
            if let Some(set) = descr.class().slots.descr_set.load() {
                return set(&descr, obj, PySetterValue::from(value), vm);
            }
        }
        match value {
            Some(v) => dict.set_item(&*name, v, vm),
            None => dict.del_item(&*name, vm).map_err(|e| {
                if e.fast_isinstance(vm.ctx.exceptions.key_error) { vm.new_no_attribute_error(obj.clone(), name.clone()) } else { e }
            }),
        }
    }

    /// NULL clears the dict.
    fn _PyObject_SetManagedDict(vm, obj: PyObjectRef, new_dict: Option<PyObjectRef>) -> () {
        let dict = match dict_arg(new_dict, vm)? {
            Some(d) => d,
            None => vm.ctx.new_dict(),
        };
        obj.set_dict(Some(dict)).map_err(|_| vm.new_type_error(format!("'{}' object has no __dict__", obj.class().name())))
    }

    /// `module.qualname()`, or `qualname()` for builtins and callables
    /// without a str `__module__`; `str(x)` without a `__qualname__`.
    fn _PyObject_FunctionStr(vm, x: PyObjectRef) -> PyObjectRef {
        let Some(qualname) = vm.get_attribute_opt(&x, "__qualname__")? else {
            return Ok(x.str(vm)?.into());
        };
        let qualname = qualname.str(vm)?;
        let module = vm.get_attribute_opt(&x, "__module__")?;
        let module = module.and_then(|m| m.downcast::<PyStr>().ok()).filter(|m| m.as_wtf8() != "builtins");
        Ok(match module {
            Some(m) => vm.ctx.new_str(format!("{}.{}()", m.as_wtf8(), qualname.as_wtf8())).into(),
            None => vm.ctx.new_str(format!("{}()", qualname.as_wtf8())).into(),
        })
    }

    /// What CPython prints: the address, count, type and repr, on stderr.
    unsafe fn _PyObject_Dump(vm, op: *mut CObject) -> Void {
        dump(op, vm);
        Ok(Void)
    }
}

/// The body of `_PyObject_Dump`; never raises (a failing repr is shown
/// as such).
unsafe fn dump(op: *mut CObject, vm: &VirtualMachine) {
    unsafe {
        if op.is_null() {
            eprintln!("<object at NULL>");
            return;
        }
        let tp = (*op).ob_type;
        eprintln!("object address  : {op:p}");
        eprintln!("object refcount : {}", (*op).ob_refcnt);
        eprintln!("object type     : {tp:p}");
        let name = if tp.is_null() || (*tp).tp_name.is_null() { "NULL".into() } else { CStr::from_ptr((*tp).tp_name).to_string_lossy() };
        eprintln!("object type name: {name}");
        let repr = proxy::from_c(op, vm).and_then(|o| o.repr(vm)).map(|r| r.as_wtf8().to_string());
        match repr {
            Ok(r) => eprintln!("object repr     : {r}"),
            Err(_) => eprintln!("object repr     : <failed to get the repr>"),
        }
    }
}

/// A function to set a debugger breakpoint on: it does nothing.
#[unsafe(no_mangle)]
pub extern "C" fn _Py_BreakPoint() {}

/// Reports a failed `_PyObject_ASSERT` and aborts.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _PyObject_AssertFailed(
    obj: *mut CObject,
    expr: *const c_char,
    msg: *const c_char,
    file: *const c_char,
    line: std::ffi::c_int,
    function: *const c_char,
) {
    unsafe {
        let text = |p: *const c_char, default: &str| crate::boundary::c_text(p, default);
        eprint!("{}:{}: {}: ", text(file, "<unknown>"), line, text(function, "<unknown>"));
        if expr.is_null() {
            eprint!("Assertion failed");
        } else {
            eprint!("Assertion \"{}\" failed", text(expr, ""));
        }
        if !msg.is_null() {
            eprint!(": {}", text(msg, ""));
        }
        eprintln!();
        if let Some(vm) = crate::pystate::current_vm() {
            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| dump(obj, vm)));
        }
        std::process::abort();
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn _Py_IncRef(op: *mut CObject) {
    unsafe { proxy::incref(op) }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn _Py_DecRef(op: *mut CObject) {
    unsafe { proxy::decref(op) }
}

/// `Py_SET_REFCNT`: immortal objects keep their count.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _Py_SetRefcnt(op: *mut CObject, refcnt: isize) {
    unsafe {
        if !ffi::is_immortal((*op).ob_refcnt) {
            (*op).ob_refcnt = refcnt as u32;
        }
    }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn _Py_NewReference(op: *mut CObject) {
    unsafe { (*op).ob_refcnt = 1 }
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn _Py_NewReferenceNoTotal(op: *mut CObject) {
    unsafe { (*op).ob_refcnt = 1 }
}

/// A deallocator bringing its object back to life (count 0 to 1).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _Py_ResurrectReference(op: *mut CObject) {
    unsafe { (*op).ob_refcnt = 1 }
}

/// The trashcan (`proxy::trash_*`), by the names CPython's macros used.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _PyTrash_thread_deposit_object(_tstate: *mut std::ffi::c_void, op: *mut CObject) {
    proxy::trash_deposit(op)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn _PyTrash_thread_destroy_chain(_tstate: *mut std::ffi::c_void) {
    proxy::trash_destroy_chain()
}

/// 1 when `op` went to the trashcan (the deallocator skips its body).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn _PyTrash_begin(_tstate: *mut std::ffi::c_void, op: *mut CObject) -> std::ffi::c_int {
    (!proxy::trash_begin(op)) as std::ffi::c_int
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn _PyTrash_end(_tstate: *mut std::ffi::c_void) {
    proxy::trash_end()
}

crate::declared_here!(
    _Py_BreakPoint, _PyObject_AssertFailed, _Py_IncRef, _Py_DecRef, _Py_SetRefcnt, _Py_NewReference,
    _Py_NewReferenceNoTotal, _Py_ResurrectReference, _PyTrash_thread_deposit_object,
    _PyTrash_thread_destroy_chain, _PyTrash_begin, _PyTrash_end,
);
