//! Descriptors of C types (`descrobject.h`): `tp_members` (`PyMemberDef`,
//! fields at fixed offsets in the instance) and `tp_getset` (`PyGetSetDef`)
//! become VM getset descriptors that read and write the C object.

use crate::capi;
use crate::ffi::{self, PyObject as CObject};
use crate::{boundary::Ptr, proxy, pyerrors};
use rustpython_vm::{
    AsObject, Py, PyObjectRef, PyRef, PyResult, VirtualMachine,
    builtins::{PyGetSet, PyType},
    convert::ToPyObject,
    function::{ItemDoc, PyMethodFlags, PySetterValue},
};
use std::ffi::{CStr, c_char, c_void};

fn cstr(p: *const c_char) -> String {
    if p.is_null() { String::new() } else { unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned() }
}

fn doc_of(p: *const c_char) -> ItemDoc {
    let text = (!p.is_null()).then(|| &*Box::leak(cstr(p).into_boxed_str()));
    ItemDoc { text, ..ItemDoc::NONE }
}

/// A `PyMemberDef` or `PyGetSetDef` of an extension: static data.
struct Def<T>(*const T);

impl<T> Clone for Def<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Def<T> {}

impl<T> Def<T> {
    fn get(self) -> &'static T {
        unsafe { &*self.0 }
    }
}
// SAFETY: immutable static data of a library that is never unloaded.
unsafe impl<T> Send for Def<T> {}
unsafe impl<T> Sync for Def<T> {}

/// The descriptor for a `tp_members` entry of `class`.
pub fn new_member(def: *const ffi::PyMemberDef, class: &Py<PyType>, vm: &VirtualMachine) -> PyObjectRef {
    let d = unsafe { &*def };
    let name = cstr(d.name);
    let def = Def(def);
    let get = move |obj: PyObjectRef, vm: &VirtualMachine| -> PyResult {
        crate::boundary::into_c(vm, [&*obj], || unsafe { member_get(proxy::as_c(&obj, vm) as *const u8, def.get(), vm) })
    };
    let set = move |obj: PyObjectRef, value: PySetterValue, vm: &VirtualMachine| -> PyResult<()> {
        crate::boundary::into_c(vm, [&*obj], || unsafe { member_set(proxy::as_c(&obj, vm) as *mut u8, def.get(), value.into(), vm) })
    };
    let getset = PyGetSet::new(&name, class, &vm.ctx).with_doc(doc_of(d.doc)).with_get(get).with_set(set);
    let descr: PyObjectRef = PyRef::new_ref(getset, vm.ctx.types.getset_type.to_owned(), None).into();
    // The VM makes a member a getset descriptor, whose `d_getset` C reads
    // as a `PyGetSetDef`: one standing for the member (kept for the life of
    // its type, which is immortal) rather than the `PyMemberDef`.
    let standing = Box::leak(Box::new(ffi::PyGetSetDef {
        name: d.name,
        get: None,
        set: None,
        doc: d.doc,
        closure: std::ptr::null_mut(),
    }));
    record_definition(&descr, standing as *const ffi::PyGetSetDef as *const c_void, vm);
    descr
}

/// The descriptor for a `tp_getset` entry of `class`.
pub fn new_getset(def: *const ffi::PyGetSetDef, class: &Py<PyType>, vm: &VirtualMachine) -> PyObjectRef {
    let d = unsafe { &*def };
    let name = cstr(d.name);
    let mut getset = PyGetSet::new(&name, class, &vm.ctx).with_doc(doc_of(d.doc));
    let def = Def(def);
    if d.get.is_some() {
        getset = getset.with_get(move |obj: PyObjectRef, vm: &VirtualMachine| -> PyResult {
            crate::boundary::into_c(vm, [&*obj], || unsafe {
                let d = def.get();
                let r = (d.get.unwrap())(proxy::as_c(&obj, vm), d.closure);
                pyerrors::check_result(r, || format!("getter of '{}'", cstr(d.name)), vm)
            })
        });
    }
    if d.set.is_some() {
        getset = getset.with_set(move |obj: PyObjectRef, value: PySetterValue, vm: &VirtualMachine| -> PyResult<()> {
            let value = Option::<PyObjectRef>::from(value);
            let lent = std::iter::once(&*obj).chain(value.as_deref());
            crate::boundary::into_c(vm, lent, || unsafe {
                let d = def.get();
                let v = value.as_ref().map_or(std::ptr::null_mut(), |v| proxy::as_c(v, vm));
                let r = (d.set.unwrap())(proxy::as_c(&obj, vm), v, d.closure);
                pyerrors::check_status(r, || format!("setter of '{}'", cstr(d.name)), vm)
            })
        });
    }
    let descr: PyObjectRef = PyRef::new_ref(getset, vm.ctx.types.getset_type.to_owned(), None).into();
    record_definition(&descr, def.0 as *const c_void, vm);
    descr
}

/// Puts the definition C gave for a descriptor into its memory, the field
/// after the head (`d_method`, `d_getset`), where C reads and writes it
/// (numpy's `add_docstring` sets the `doc` of its types' definitions
/// there). Made now, the proxy lives as long as the descriptor (rule 4),
/// and so does the field.
pub fn record_definition(descr: &rustpython_vm::PyObject, def: *const c_void, vm: &VirtualMachine) {
    if !is_descriptor(descr, vm) {
        return;
    }
    let p = proxy::as_c(descr, vm);
    if !p.is_null() {
        unsafe { *((p as *mut u8).add(size_of::<ffi::PyDescrObject>()) as *mut *const c_void) = def };
    }
}

unsafe fn field<T: Copy>(addr: *const u8, def: &ffi::PyMemberDef) -> T {
    unsafe { std::ptr::read_unaligned(addr.offset(def.offset) as *const T) }
}

/// `PyMember_GetOne`: the value of a member of the object at `addr`.
unsafe fn member_get(addr: *const u8, def: &ffi::PyMemberDef, vm: &VirtualMachine) -> PyResult {
    use std::ffi::{c_long, c_longlong, c_short, c_uint, c_ulong, c_ulonglong, c_ushort};
    unsafe {
        Ok(match def.type_code {
            T_SHORT => field::<c_short>(addr, def).to_pyobject(vm),
            T_INT => field::<i32>(addr, def).to_pyobject(vm),
            T_LONG => field::<c_long>(addr, def).to_pyobject(vm),
            T_FLOAT => (field::<f32>(addr, def) as f64).to_pyobject(vm),
            T_DOUBLE => field::<f64>(addr, def).to_pyobject(vm),
            T_STRING => {
                let s: *const c_char = field(addr, def);
                if s.is_null() { vm.ctx.none() } else { vm.ctx.new_str(cstr(s)).into() }
            }
            T_OBJECT | T_OBJECT_EX => {
                let o: *mut CObject = field(addr, def);
                if !o.is_null() {
                    proxy::from_c(o, vm)?
                } else if def.type_code == T_OBJECT {
                    vm.ctx.none()
                } else {
                    return Err(vm.new_attribute_error(format!(
                        "'{}' object has no attribute '{}'",
                        type_name(addr),
                        cstr(def.name)
                    )));
                }
            }
            T_CHAR => {
                let c: u8 = field(addr, def);
                vm.ctx.new_str(char::from(c).to_string()).into()
            }
            T_BYTE => (field::<i8>(addr, def)).to_pyobject(vm),
            T_UBYTE => (field::<u8>(addr, def)).to_pyobject(vm),
            T_USHORT => field::<c_ushort>(addr, def).to_pyobject(vm),
            T_UINT => field::<c_uint>(addr, def).to_pyobject(vm),
            T_ULONG => field::<c_ulong>(addr, def).to_pyobject(vm),
            T_STRING_INPLACE => vm.ctx.new_str(cstr(addr.offset(def.offset) as *const c_char)).into(),
            T_BOOL => vm.ctx.new_bool(field::<u8>(addr, def) != 0).into(),
            T_LONGLONG => field::<c_longlong>(addr, def).to_pyobject(vm),
            T_ULONGLONG => field::<c_ulonglong>(addr, def).to_pyobject(vm),
            T_PYSSIZET => field::<isize>(addr, def).to_pyobject(vm),
            T_NONE => vm.ctx.none(),
            other => return Err(vm.new_system_error(format!("bad memberdescr type {other}"))),
        })
    }
}

unsafe fn type_name(addr: *const u8) -> String {
    unsafe { cstr((*(*(addr as *const CObject)).ob_type).tp_name) }
}

/// A `long` for an integer member, as `PyLong_AsLong` gives it.
fn as_long(v: &PyObjectRef, vm: &VirtualMachine) -> PyResult<i64> {
    use num_traits::ToPrimitive;
    v.try_index(vm)?
        .as_bigint()
        .to_i64()
        .ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C long"))
}

fn runtime_warning(message: &str, vm: &VirtualMachine) -> PyResult<()> {
    crate::warnings::warn(vm.ctx.exceptions.runtime_warning.to_owned().into(), vm.ctx.new_str(message).into(), 1, vm)
}

/// `PyMember_SetOne`: sets (or with `None`, deletes) a member.
unsafe fn member_set(addr: *mut u8, def: &ffi::PyMemberDef, value: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<()> {
    use num_traits::ToPrimitive;
    unsafe fn put<T>(addr: *mut u8, def: &ffi::PyMemberDef, v: T) {
        unsafe { std::ptr::write_unaligned(addr.offset(def.offset) as *mut T, v) }
    }
    if def.flags & ffi::Py_READONLY != 0 {
        return Err(vm.new_attribute_error("readonly attribute"));
    }
    let code = def.type_code;
    let Some(v) = value else {
        return unsafe {
            match code {
                T_OBJECT | T_OBJECT_EX => {
                    let old: *mut CObject = field(addr, def);
                    if old.is_null() && code == T_OBJECT_EX {
                        return Err(vm.new_attribute_error(cstr(def.name)));
                    }
                    put::<*mut CObject>(addr, def, std::ptr::null_mut());
                    if !old.is_null() {
                        proxy::decref(old);
                    }
                    Ok(())
                }
                _ => Err(vm.new_type_error("can't delete numeric/char attribute")),
            }
        };
    };
    // CPython stores through a `long` and warns when the value does not
    // fit the field (it is truncated as C would).
    macro_rules! small_int {
        ($t:ty, $what:literal) => {{
            let l = as_long(&v, vm)?;
            if <$t>::try_from(l).is_err() {
                runtime_warning(concat!("Truncation of value to ", $what), vm)?;
            }
            put::<$t>(addr, def, l as $t);
        }};
    }
    unsafe {
        match code {
            T_SHORT => small_int!(i16, "short"),
            T_INT => small_int!(i32, "int"),
            T_BYTE => small_int!(i8, "char"),
            T_UBYTE => small_int!(u8, "unsigned char"),
            T_USHORT => small_int!(u16, "unsigned short"),
            T_LONG => put(addr, def, as_long(&v, vm)? as std::ffi::c_long),
            T_UINT | T_ULONG => {
                let i = v.try_index(vm)?;
                let big = i.as_bigint();
                let value = match big.to_u64() {
                    Some(u) => u,
                    None => {
                        let l = big.to_i64().ok_or_else(|| {
                            vm.new_overflow_error("Python int too large to convert to C unsigned long")
                        })?;
                        runtime_warning("Writing negative value into unsigned field", vm)?;
                        l as u64
                    }
                };
                if code == T_UINT {
                    if value > u32::MAX as u64 && !num_traits::Signed::is_negative(big) {
                        runtime_warning("Truncation of value to unsigned int", vm)?;
                    }
                    put(addr, def, value as u32);
                } else {
                    put(addr, def, value as std::ffi::c_ulong);
                }
            }
            T_LONGLONG => {
                let i = v.try_index(vm)?;
                put(addr, def, i.as_bigint().to_i64().ok_or_else(|| overflow(vm))?);
            }
            T_ULONGLONG => {
                let i = v.try_index(vm)?;
                let big = i.as_bigint();
                if num_traits::Signed::is_negative(big) {
                    return Err(vm.new_overflow_error("can't convert negative int to unsigned"));
                }
                put(addr, def, big.to_u64().ok_or_else(|| overflow(vm))?);
            }
            T_PYSSIZET => {
                let i = v
                    .downcast_ref::<rustpython_vm::builtins::PyInt>()
                    .ok_or_else(|| vm.new_type_error("an integer is required"))?;
                put(addr, def, i.as_bigint().to_isize().ok_or_else(|| {
                    vm.new_overflow_error("Python int too large to convert to C ssize_t")
                })?);
            }
            T_FLOAT => put(addr, def, v.try_float(vm)?.to_f64() as f32),
            T_DOUBLE => put(addr, def, v.try_float(vm)?.to_f64()),
            T_BOOL => {
                let b = v
                    .downcast_ref::<rustpython_vm::builtins::PyBool>()
                    .ok_or_else(|| vm.new_type_error("attribute value type must be bool"))?;
                put::<u8>(addr, def, b.as_object().is(&vm.ctx.true_value) as u8);
            }
            T_CHAR => {
                let s = v.downcast_ref::<rustpython_vm::builtins::PyStr>();
                match s.map(|s| s.as_bytes()) {
                    Some(&[c]) => put::<u8>(addr, def, c),
                    _ => return Err(vm.new_type_error("bad argument type for built-in operation")),
                }
            }
            T_OBJECT | T_OBJECT_EX => {
                let new = proxy::to_c_new(&v, vm);
                let old: *mut CObject = field(addr, def);
                put(addr, def, new);
                if !old.is_null() {
                    proxy::decref(old);
                }
            }
            T_STRING | T_STRING_INPLACE => return Err(vm.new_type_error("readonly attribute")),
            other => return Err(vm.new_system_error(format!("bad memberdescr type {other}"))),
        }
    }
    Ok(())
}

#[cold]
fn overflow(vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_overflow_error("Python int too large to convert to C integer")
}

const T_SHORT: i32 = 0;
const T_INT: i32 = 1;
const T_LONG: i32 = 2;
const T_FLOAT: i32 = 3;
const T_DOUBLE: i32 = 4;
const T_STRING: i32 = 5;
const T_OBJECT: i32 = 6;
const T_CHAR: i32 = 7;
const T_BYTE: i32 = 8;
const T_UBYTE: i32 = 9;
const T_USHORT: i32 = 10;
const T_UINT: i32 = 11;
const T_ULONG: i32 = 12;
const T_STRING_INPLACE: i32 = 13;
const T_BOOL: i32 = 14;
const T_OBJECT_EX: i32 = 16;
const T_LONGLONG: i32 = 17;
const T_ULONGLONG: i32 = 18;
const T_PYSSIZET: i32 = 19;
const T_NONE: i32 = 20;

capi! {
    unsafe fn PyMember_GetOne(vm, addr: *const c_char, def: *mut ffi::PyMemberDef) -> PyObjectRef {
        if addr.is_null() || def.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        member_get(addr as *const u8, &*def, vm)
    }

    unsafe fn PyMember_SetOne(vm, addr: *mut c_char, def: *mut ffi::PyMemberDef, value: Option<PyObjectRef>) -> () {
        if addr.is_null() || def.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        member_set(addr as *mut u8, &*def, value, vm)
    }

    fn PyDescr_NewMember(vm, tp: Ptr, def: *mut ffi::PyMemberDef) -> PyObjectRef {
        let class = crate::typeobject::vm_type(tp.0 as *mut ffi::PyTypeObject, vm)?;
        Ok(new_member(def, &class, vm))
    }

    fn PyDescr_NewGetSet(vm, tp: Ptr, def: *mut ffi::PyGetSetDef) -> PyObjectRef {
        let class = crate::typeobject::vm_type(tp.0 as *mut ffi::PyTypeObject, vm)?;
        Ok(new_getset(def, &class, vm))
    }
}

/// The VM's descriptor types whose memory is a `PyDescrObject`.
fn is_descriptor(obj: &rustpython_vm::PyObject, vm: &VirtualMachine) -> bool {
    let t = &vm.ctx.types;
    let class = obj.class();
    [t.method_descriptor_type, t.classmethod_descriptor_type, t.getset_type, t.member_descriptor_type, t.wrapper_descriptor_type]
        .iter()
        .any(|d| class.is(*d))
}

/// A descriptor's memory holds its type and name (`PyDescr_TYPE`,
/// `PyDescr_NAME`): neither changes once the descriptor exists; the
/// definition of one C made is put after them ([`record_definition`]).
pub static LAYOUT: crate::proxy::Layout = crate::proxy::Layout {
    flag: 0,
    create: |obj, tp, vm| {
        if !is_descriptor(obj, vm) {
            return None;
        }
        let class = obj.get_attr("__objclass__", vm).ok().and_then(|c| c.downcast::<PyType>().ok());
        let name = obj.get_attr("__name__", vm).ok();
        Some(unsafe {
            // Room for the largest descriptor struct C may cast it to
            // (PyWrapperDescrObject: two pointers after the head).
            let size = std::mem::size_of::<ffi::PyDescrObject>() + 2 * std::mem::size_of::<usize>();
            let p = proxy::alloc(size, tp);
            if !p.is_null() {
                let d = &mut *(p as *mut ffi::PyDescrObject);
                // Type objects C sees are immortal: no reference to hold.
                d.d_type = class.map_or(std::ptr::null_mut(), |c| proxy::type_as_c(&c, vm));
                d.d_name = name.map_or(std::ptr::null_mut(), |n| proxy::to_c_new(&n, vm));
            }
            p
        })
    },
    realize: None,
    release: Some(|op| unsafe {
        let d = &mut *(op as *mut ffi::PyDescrObject);
        for r in [std::mem::replace(&mut d.d_name, std::ptr::null_mut()), std::mem::replace(&mut d.d_qualname, std::ptr::null_mut())] {
            if !r.is_null() {
                proxy::decref(r);
            }
        }
    }),
};

/// A slot wrapper's definition: static data of the extension.
#[derive(Clone, Copy)]
struct Wrapper(*const ffi::wrapperbase, *mut std::ffi::c_void);
// SAFETY: immutable static data (and the function it wraps) of a library
// that is never unloaded; calls through it hold the GIL.
unsafe impl Send for Wrapper {}
unsafe impl Sync for Wrapper {}

type WrapperFuncKwds = unsafe extern "C" fn(*mut CObject, *mut CObject, *mut std::ffi::c_void, *mut CObject) -> *mut CObject;

const PY_WRAPPER_FLAG_KEYWORDS: i32 = 1;

/// Calls the slot wrapper `w` for `self` and the rest of `args`.
fn call_wrapper(w: Wrapper, name: &'static str, owner: &'static str, args: rustpython_vm::function::FuncArgs, vm: &VirtualMachine) -> PyResult {
    let rustpython_vm::function::FuncArgs { args, kwargs } = args;
    let Some((zelf, rest)) = args.split_first() else {
        return Err(vm.new_type_error(format!("descriptor '{name}' of '{owner}' object needs an argument")));
    };
    let base = unsafe { &*w.0 };
    let keywords = base.flags & PY_WRAPPER_FLAG_KEYWORDS != 0;
    if !keywords && !kwargs.is_empty() {
        return Err(vm.new_type_error(format!("wrapper {name}() takes no keyword arguments")));
    }
    let Some(wrapper) = base.wrapper else {
        return Err(vm.new_system_error(format!("wrapper {name}() has no wrapper function")));
    };
    crate::boundary::into_c(vm, args.iter().map(|a| &**a), || {
        let self_c = proxy::as_c(zelf, vm);
        crate::abstract_::call::lend_tuple(rest, kwargs, vm, |t, kw| unsafe {
            let r = if keywords {
                // A PyWrapperFlag_KEYWORDS wrapper is a wrapperfunc_kwds.
                let f: WrapperFuncKwds = std::mem::transmute(wrapper);
                f(self_c, t, w.1, kw)
            } else {
                wrapper(self_c, t, w.1)
            };
            pyerrors::check_result(r, || format!("wrapper {name}()"), vm)
        })?
    })
}

capi! {
    /// CPython's rule: a descriptor whose type can set (`tp_descr_set`).
    fn PyDescr_IsData(vm, descr: &rustpython_vm::PyObject) -> i32 {
        Ok(descr.class().slots.descr_set.load().is_some() as i32)
    }

    /// A method of `tp` that calls `base->wrapper` with `wrapped`.
    fn PyDescr_NewWrapper(vm, tp: Ptr, base: *mut ffi::wrapperbase, wrapped: *mut std::ffi::c_void) -> PyObjectRef {
        if base.is_null() || unsafe { (*base).name.is_null() } {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let class = crate::typeobject::vm_type(tp.0 as *mut ffi::PyTypeObject, vm)?;
        // C's types are immortal; the VM's descriptors hold their class `'static`.
        let class: &'static Py<PyType> = Box::leak(Box::new(class));
        let b = unsafe { &*base };
        let name: &'static str = Box::leak(cstr(b.name).into_boxed_str());
        let doc: Option<&'static str> = (!b.doc.is_null()).then(|| &*Box::leak(cstr(b.doc).into_boxed_str()));
        let owner: &'static str = Box::leak(class.name().to_string().into_boxed_str());
        let w = Wrapper(base, wrapped);
        let def = crate::methodobject::static_def(name, rustpython_vm::function::PyMethodFlags::METHOD, doc, move |args, vm: &VirtualMachine| {
            call_wrapper(w, name, owner, args, vm)
        });
        Ok(def.to_proper_method(class, &vm.ctx))
    }
}

/// `type`'s VM class, held for good: descriptors hold their class `'static`,
/// and the type objects C passes are immortal.
fn static_class(tp: Ptr, vm: &VirtualMachine) -> PyResult<&'static Py<PyType>> {
    let class = crate::typeobject::vm_type(tp.0 as *mut ffi::PyTypeObject, vm)?;
    Ok(Box::leak(Box::new(class)))
}

capi! {
    /// A method descriptor of `tp` for `def`, whatever its METH_CLASS or
    /// METH_STATIC flags say.
    fn PyDescr_NewMethod(vm, tp: Ptr, def: *mut ffi::PyMethodDef) -> PyObjectRef {
        if def.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let class = static_class(tp, vm)?;
        crate::methodobject::descriptor_of_kind(def, class, tp.0 as *mut ffi::PyTypeObject, PyMethodFlags::METHOD, vm)
    }

    /// A class method descriptor of `tp` for `def`.
    fn PyDescr_NewClassMethod(vm, tp: Ptr, def: *mut ffi::PyMethodDef) -> PyObjectRef {
        if def.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let class = static_class(tp, vm)?;
        crate::methodobject::descriptor_of_kind(def, class, tp.0 as *mut ffi::PyTypeObject, PyMethodFlags::CLASS, vm)
    }

    /// The slot wrapper `d` bound to `self` (a method-wrapper), which must be
    /// an instance of the wrapper's class.
    fn PyWrapper_New(vm, d: PyObjectRef, zelf: PyObjectRef) -> PyObjectRef {
        if !d.class().is(vm.ctx.types.wrapper_descriptor_type) {
            return Err(vm.new_type_error(format!("PyWrapper_New: expected a wrapper_descriptor, not {}", d.class().name())));
        }
        vm.call_get_descriptor(&d, &zelf).unwrap_or_else(|| Err(crate::boundary::bad_internal_call(vm)))
    }
}
