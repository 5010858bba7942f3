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

crate::declared_here!(_Py_Dealloc, Py_IncRef, Py_DecRef);

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
