//! C functions seen from Python (`methodobject.h`): a `PyMethodDef` becomes a
//! VM `builtin_function_or_method` whose call converts the arguments once,
//! by the calling convention in `ml_flags`, and checks the result the way
//! CPython does.

use crate::boundary::Borrowed;
use crate::ffi::{self, PyObject as CObject};
use crate::{proxy, pyerrors, tupleobject};
use rustc_hash::FxHashMap;
use rustpython_vm::{
    AsObject, Py, PyObjectRef, PyResult, VirtualMachine,
    PyRef,
    builtins::PyType,
    function::{FuncArgs, HeapMethodDef, IntoPyNativeFn, ItemDoc, PyMethodDef, PyMethodFlags},
};
use std::ffi::CStr;
use std::sync::Mutex;

/// A `PyMethodDef` of an extension: static data of a library that is never
/// unloaded.
#[derive(Clone, Copy)]
struct CDef(*const ffi::PyMethodDef);
// SAFETY: the definition is immutable static data; calls through it hold the GIL.
unsafe impl Send for CDef {}
unsafe impl Sync for CDef {}

/// One VM method definition per C definition (and defining class), made on first use and kept for
/// the life of the process, like the library that holds the C one.
static VM_DEFS: Mutex<Option<FxHashMap<(usize, usize), PyRef<HeapMethodDef>>>> = Mutex::new(None);

/// The functions `new_function` made from C definitions, by object
/// address, with a weak reference that tells a live entry from a stale one
/// (rustpython-vm does not export its function type, so a function's
/// definition cannot be read back from the object): what
/// `PyCFunction_GetFunction` and friends read.
static C_FUNCTIONS: Mutex<Option<FxHashMap<usize, CFunction>>> = Mutex::new(None);

struct CFunction {
    alive: rustpython_vm::PyRef<rustpython_vm::builtins::PyWeak>,
    def: CDef,
    /// C passed NULL as `self` (the VM binds None).
    null_self: bool,
    /// The `module` C gave, as given: C compares `m_module` by identity.
    module: Option<PyObjectRef>,
    /// `PyCMethod_New`'s defining class (null for none), as a `Binding`
    /// for its Send.
    class: Binding,
}

fn remember_function(
    f: &PyObjectRef,
    def: *const ffi::PyMethodDef,
    null_self: bool,
    module: Option<PyObjectRef>,
    class: *mut ffi::PyTypeObject,
    vm: &VirtualMachine,
) -> PyResult<()> {
    let alive = f.downgrade(None, vm)?;
    let mut table = C_FUNCTIONS.lock().unwrap_or_else(|e| e.into_inner());
    let table = table.get_or_insert_with(Default::default);
    // Dead entries go when the table has doubled since the last sweep.
    static SWEPT_AT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(64);
    if table.len() >= SWEPT_AT.load(std::sync::atomic::Ordering::Relaxed) {
        table.retain(|_, e| e.alive.upgrade().is_some());
        SWEPT_AT.store((table.len() * 2).max(64), std::sync::atomic::Ordering::Relaxed);
    }
    table.insert(f.as_object() as *const _ as usize, CFunction { alive, def: CDef(def), null_self, module, class: Binding::Defining(class) });
    Ok(())
}

/// The C definition of a function made from one, and whether its `self`
/// was NULL; `None` for the interpreter's own builtins and anything else.
fn c_function(op: &rustpython_vm::PyObject) -> Option<(&'static ffi::PyMethodDef, bool)> {
    c_function_module(op).map(|(def, null_self, _, _)| (def, null_self))
}

/// As [`c_function`], with the module C gave and the defining class.
fn c_function_module(op: &rustpython_vm::PyObject) -> Option<(&'static ffi::PyMethodDef, bool, Option<PyObjectRef>, *mut ffi::PyTypeObject)> {
    made_function(op).or_else(|| bound_c_method(op).map(|(def, class)| (def, false, None, class)))
}

/// What [`remember_function`] recorded of `op`.
fn made_function(op: &rustpython_vm::PyObject) -> Option<(&'static ffi::PyMethodDef, bool, Option<PyObjectRef>, *mut ffi::PyTypeObject)> {
    let table = C_FUNCTIONS.lock().unwrap_or_else(|e| e.into_inner());
    let e = table.as_ref()?.get(&(op as *const _ as usize))?;
    let live = e.alive.upgrade()?;
    let class = match e.class {
        Binding::Defining(tp) => tp,
        _ => std::ptr::null_mut(),
    };
    live.is(op).then(|| (unsafe { &*e.def.0 }, e.null_self, e.module.clone(), class))
}

/// The descriptors `new_descriptor` made for C types' methods, by address:
/// their C definition and binding.
static C_DESCRIPTORS: Mutex<Option<FxHashMap<usize, (CDef, Binding)>>> = Mutex::new(None);

/// A builtin method the VM bound from one of [`C_DESCRIPTORS`] (`obj.meth`,
/// `cls.classmeth`): found again as attribute lookup finds it, by its
/// `__self__` and `__name__`, along the MRO of its instance's type (and of
/// the class itself for a class method).
fn bound_c_method(op: &rustpython_vm::PyObject) -> Option<(&'static ffi::PyMethodDef, *mut ffi::PyTypeObject)> {
    if C_DESCRIPTORS.lock().unwrap_or_else(|e| e.into_inner()).as_ref().is_none_or(|t| t.is_empty()) {
        return None;
    }
    let vm = crate::pystate::current_vm()?;
    let zelf = op.get_attr("__self__", vm).ok()?;
    let name = op.get_attr("__name__", vm).ok()?.downcast::<rustpython_vm::builtins::PyStr>().ok()?;
    let name = vm.ctx.interned_str(&*name)?;
    let descriptors = C_DESCRIPTORS.lock().unwrap_or_else(|e| e.into_inner());
    let descriptors = descriptors.as_ref()?;
    let mut owners = vec![zelf.class().to_owned()];
    if let Ok(cls) = zelf.downcast::<PyType>() {
        owners.push(cls);
    }
    for owner in owners {
        // The MRO may or may not list the class itself: looking at it first
        // twice changes nothing.
        let found = std::iter::once(owner.clone()).chain(owner.mro_collect()).find_map(|c| c.get_direct_attr(name));
        if let Some((def, binding)) = found.and_then(|d| descriptors.get(&(d.as_object() as *const _ as usize)).copied()) {
            let class = match binding {
                Binding::Defining(tp) => tp,
                _ => std::ptr::null_mut(),
            };
            return Some((unsafe { &*def.0 }, class));
        }
    }
    None
}

fn remember_descriptor(descr: &PyObjectRef, def: *const ffi::PyMethodDef, binding: Binding) {
    let mut table = C_DESCRIPTORS.lock().unwrap_or_else(|e| e.into_inner());
    table.get_or_insert_with(Default::default).insert(descr.as_object() as *const _ as usize, (CDef(def), binding));
}

/// The VM definition for `def`, whose C function receives `binding`.
fn vm_def(def: *const ffi::PyMethodDef, binding: Binding, vm: &VirtualMachine) -> PyRef<HeapMethodDef> {
    let class = match binding {
        Binding::Defining(tp) => tp as usize,
        _ => 0,
    };
    let mut defs = VM_DEFS.lock().unwrap_or_else(|e| e.into_inner());
    let defs = defs.get_or_insert_with(Default::default);
    defs.entry((def as usize, class))
        .or_insert_with(|| {
            let d = unsafe { &*def };
            let name: &'static str = Box::leak(cstr(d.ml_name).into_boxed_str());
            let doc: Option<&'static str> =
                (!d.ml_doc.is_null()).then(|| &*Box::leak(cstr(d.ml_doc).into_boxed_str()));
            let c = CDef(def);
            let func = move |args: FuncArgs, vm: &VirtualMachine| call(c, name, vm, args, binding);
            let doc = ItemDoc { text: doc, ..ItemDoc::NONE };
            vm.ctx.new_method_def(name, func, PyMethodFlags::empty(), doc)
        })
        .clone()
}

fn cstr(p: *const std::ffi::c_char) -> String {
    if p.is_null() {
        return String::new();
    }
    unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// A VM function for `def`, bound to `zelf` (the module, for module-level
/// functions; None when C gives NULL), with `__module__` set to `module`.
pub fn new_function(
    def: *const ffi::PyMethodDef,
    zelf: Option<PyObjectRef>,
    module: Option<PyObjectRef>,
    vm: &VirtualMachine,
) -> PyResult<PyObjectRef> {
    new_function_of(def, zelf, module, std::ptr::null_mut(), vm)
}

/// As [`new_function`], for a `METH_METHOD` function whose C function also
/// receives `class` (`PyCMethod_New`); null for none.
fn new_function_of(
    def: *const ffi::PyMethodDef,
    zelf: Option<PyObjectRef>,
    module: Option<PyObjectRef>,
    class: *mut ffi::PyTypeObject,
    vm: &VirtualMachine,
) -> PyResult<PyObjectRef> {
    let null_self = zelf.is_none();
    let binding = match (class.is_null(), null_self) {
        (true, true) => Binding::NullBound,
        (true, false) => Binding::SelfFirst,
        (false, _) => Binding::Defining(class),
    };
    let f: PyObjectRef = vm_def(def, binding, vm).build_function(vm, Some(zelf.unwrap_or_else(|| vm.ctx.none()))).into();
    if let Some(m) = &module {
        f.set_attr("__module__", m.clone(), vm)?;
    }
    remember_function(&f, def, null_self, module, class, vm)?;
    Ok(f)
}

/// What the C function receives as `self`.
#[derive(Clone, Copy)]
enum Binding {
    /// The first argument (a module, an instance, a class for METH_CLASS).
    SelfFirst,
    /// NULL (METH_STATIC); every argument is an argument.
    Null,
    /// NULL: a function C made with a NULL `self`, which the VM binds to
    /// None (its first argument, dropped).
    NullBound,
    /// The first argument, and the defining class (METH_METHOD).
    Defining(*mut ffi::PyTypeObject),
}

// SAFETY: the defining class is an immortal type object.
unsafe impl Send for Binding {}
unsafe impl Sync for Binding {}

/// The descriptor a C type's `tp_methods` entry becomes in its class dict:
/// a method, class method or static method by `ml_flags`.
pub fn new_descriptor(
    def: *const ffi::PyMethodDef,
    class: &'static Py<PyType>,
    tp: *mut ffi::PyTypeObject,
    vm: &VirtualMachine,
) -> PyResult<PyObjectRef> {
    let kind = match unsafe { (*def).ml_flags } & (ffi::METH_CLASS | ffi::METH_STATIC | ffi::METH_METHOD) {
        0 | ffi::METH_METHOD => PyMethodFlags::METHOD,
        ffi::METH_CLASS => PyMethodFlags::CLASS,
        f if f == ffi::METH_METHOD | ffi::METH_CLASS => PyMethodFlags::CLASS,
        ffi::METH_STATIC => PyMethodFlags::STATIC,
        _ => {
            return Err(vm.new_value_error(format!(
                "method {}: METH_CLASS and METH_STATIC cannot be combined",
                cstr(unsafe { (*def).ml_name })
            )));
        }
    };
    descriptor_of_kind(def, class, tp, kind, vm)
}

/// A descriptor of `kind` for `def` (`PyDescr_NewMethod` and
/// `PyDescr_NewClassMethod` choose it whatever `ml_flags` say).
pub fn descriptor_of_kind(
    def: *const ffi::PyMethodDef,
    class: &'static Py<PyType>,
    tp: *mut ffi::PyTypeObject,
    kind: PyMethodFlags,
    vm: &VirtualMachine,
) -> PyResult<PyObjectRef> {
    let d = unsafe { &*def };
    let name: &'static str = Box::leak(cstr(d.ml_name).into_boxed_str());
    let doc: Option<&'static str> =
        (!d.ml_doc.is_null()).then(|| &*Box::leak(cstr(d.ml_doc).into_boxed_str()));
    let binding = match (kind, d.ml_flags & ffi::METH_METHOD != 0) {
        (PyMethodFlags::STATIC, _) => Binding::Null,
        (_, true) => Binding::Defining(tp),
        (_, false) => Binding::SelfFirst,
    };
    let c = CDef(def);
    // Errors name a method as CPython does: by its qualified name.
    let qualname: &'static str = Box::leak(format!("{}.{name}", class.name()).into_boxed_str());
    let func = move |args: FuncArgs, vm: &VirtualMachine| call(c, qualname, vm, args, binding);
    let method = static_def(name, kind, doc, func);
    if kind == PyMethodFlags::STATIC {
        // CPython's static method: a `staticmethod` around an unbound
        // function, whose `__self__` is None.
        let f = method.build_function(&vm.ctx);
        return vm.ctx.types.staticmethod_type.as_object().call((f,), vm);
    }
    let descr = method.to_proper_method(class, &vm.ctx);
    remember_descriptor(&descr, def, binding);
    crate::descrobject::record_definition(&descr, def as *const std::ffi::c_void, vm);
    Ok(descr)
}

/// A VM method definition running `func`, for a descriptor of a type: made
/// once per C definition (or slot) and type, and kept for the life of the
/// type, which is immortal (RustPython's descriptors hold it `'static`).
pub fn static_def(
    name: &'static str,
    kind: PyMethodFlags,
    doc: Option<&'static str>,
    func: impl Fn(FuncArgs, &VirtualMachine) -> PyResult + Send + Sync + 'static,
) -> &'static PyMethodDef {
    fn placeholder(_args: FuncArgs, _vm: &VirtualMachine) {}
    let mut def = PyMethodDef::new_const(name, placeholder, kind, ItemDoc { text: doc, ..ItemDoc::NONE });
    def.func = Box::leak(Box::new(func.into_func()));
    Box::leak(Box::new(def))
}

/// Calls the C function of `def` with `args`.
fn call(def: CDef, name: &'static str, vm: &VirtualMachine, args: FuncArgs, binding: Binding) -> PyResult {
    let FuncArgs { args, kwargs } = args;
    crate::boundary::into_c(vm, args.iter().map(|a| &**a), || unsafe { call_entered(&*def.0, name, vm, &args, kwargs, binding) })
}

unsafe fn call_entered(
    def: &ffi::PyMethodDef,
    name: &'static str,
    vm: &VirtualMachine,
    args: &[PyObjectRef],
    kwargs: rustpython_vm::function::KwArgs,
    binding: Binding,
) -> PyResult {
    let name = || name.to_owned();
    let Some(meth) = def.ml_meth else {
        return Err(vm.new_system_error(format!("{}() has no C function", name())));
    };
    let (self_c, pos) = match (binding, args.split_first()) {
        (Binding::Null, _) => (std::ptr::null_mut(), args),
        (Binding::NullBound, Some((_, rest))) => (std::ptr::null_mut(), rest),
        (_, Some((z, rest))) => (proxy::as_c(z, vm), rest),
        (_, None) => return Err(vm.new_system_error(format!("{}() called without self", name()))),
    };
    if let Binding::Defining(class) = binding {
        if def.ml_flags & !(ffi::METH_COEXIST | ffi::METH_CLASS)
            != ffi::METH_METHOD | ffi::METH_FASTCALL | ffi::METH_KEYWORDS
        {
            return Err(vm.new_system_error(format!(
                "{}() method: METH_METHOD needs METH_FASTCALL | METH_KEYWORDS",
                name()
            )));
        }
        return unsafe {
            let f: ffi::PyCMethod = std::mem::transmute(meth);
            call_fastcall_keywords(self_c, pos, kwargs, vm, name, |s, argv, n, kw| f(s, class, argv, n as usize, kw))
        };
    }
    let flags = def.ml_flags & !(ffi::METH_COEXIST | ffi::METH_CLASS | ffi::METH_STATIC);
    let no_kwargs = || -> PyResult<()> {
        if kwargs.is_empty() {
            Ok(())
        } else {
            Err(vm.new_type_error(format!("{}() takes no keyword arguments", name())))
        }
    };
    let result: *mut CObject = unsafe {
        match flags {
            ffi::METH_NOARGS => {
                no_kwargs()?;
                if !pos.is_empty() {
                    return Err(vm.new_type_error(format!(
                        "{}() takes no arguments ({} given)",
                        name(),
                        pos.len()
                    )));
                }
                meth(self_c, std::ptr::null_mut())
            }
            ffi::METH_O => {
                no_kwargs()?;
                if pos.len() != 1 {
                    return Err(vm.new_type_error(format!(
                        "{}() takes exactly one argument ({} given)",
                        name(),
                        pos.len()
                    )));
                }
                let arg = proxy::as_c(&pos[0], vm);
                let r = meth(self_c, arg);
                proxy::release_argument(arg);
                r
            }
            ffi::METH_VARARGS => {
                no_kwargs()?;
                let t = tupleobject::tuple_from(pos, vm)?;
                let r = meth(self_c, t);
                proxy::decref(t);
                r
            }
            f if f == ffi::METH_VARARGS | ffi::METH_KEYWORDS => {
                let f: ffi::PyCFunctionWithKeywords = std::mem::transmute(meth);
                crate::abstract_::call::lend_tuple(pos, kwargs, vm, |t, kw| f(self_c, t, kw))?
            }
            ffi::METH_FASTCALL => {
                no_kwargs()?;
                // Most calls have few arguments: no heap vector for them.
                let mut small = [std::ptr::null_mut::<CObject>(); 8];
                let mut large = Vec::new();
                let argv: &mut [*mut CObject] = if pos.len() <= small.len() {
                    &mut small[..pos.len()]
                } else {
                    large.resize(pos.len(), std::ptr::null_mut());
                    &mut large
                };
                for (slot, a) in argv.iter_mut().zip(pos) {
                    *slot = proxy::as_c(a, vm);
                }
                let f: ffi::PyCFunctionFast = std::mem::transmute(meth);
                let r = f(self_c, argv.as_ptr(), argv.len() as isize);
                for &arg in argv.iter() {
                    proxy::release_argument(arg);
                }
                r
            }
            f if f == ffi::METH_FASTCALL | ffi::METH_KEYWORDS => {
                let f: ffi::PyCFunctionFastWithKeywords = std::mem::transmute(meth);
                return call_fastcall_keywords(self_c, pos, kwargs, vm, name, |s, argv, n, kw| f(s, argv, n, kw));
            }
            _ => {
                return Err(vm.new_system_error(format!(
                    "{}() method: bad call flags {:#x}",
                    name(),
                    def.ml_flags
                )));
            }
        }
    };
    pyerrors::check_result(result, || format!("<built-in function {}>", name()), vm)
}


/// The METH_FASTCALL | METH_KEYWORDS convention: positional values, then
/// keyword values, in one array, and a tuple of the keyword names.
unsafe fn call_fastcall_keywords(
    self_c: *mut CObject,
    pos: &[PyObjectRef],
    kwargs: rustpython_vm::function::KwArgs,
    vm: &VirtualMachine,
    name: impl Fn() -> String,
    f: impl FnOnce(*mut CObject, *const *mut CObject, isize, *mut CObject) -> *mut CObject,
) -> PyResult {
    let r = crate::abstract_::call::lend_vector(pos, kwargs, vm, |argv, n, kwnames| f(self_c, argv, n as isize, kwnames))?;
    pyerrors::check_result(r, || format!("<built-in function {}>", name()), vm)
}

crate::capi! {
    /// Kept for old binaries: `PyObject_Call`, as in CPython 3.9+.
    fn PyCFunction_Call(vm, callable: PyObjectRef, args: PyObjectRef, kwargs: Option<PyObjectRef>) -> PyObjectRef {
        crate::abstract_::call::call(callable, args, kwargs, vm)
    }

    /// A function for `def` bound to `zelf` (None when NULL).
    fn PyCFunction_New(vm, def: *mut ffi::PyMethodDef, zelf: Option<PyObjectRef>) -> PyObjectRef {
        if def.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        new_function(def, zelf, None, vm)
    }

    fn PyCFunction_NewEx(vm, def: *mut ffi::PyMethodDef, zelf: Option<PyObjectRef>, module: Option<PyObjectRef>) -> PyObjectRef {
        if def.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        new_function(def, zelf, module, vm)
    }

    /// A function whose C function also receives `cls` (`METH_METHOD`).
    fn PyCMethod_New(vm, def: *mut ffi::PyMethodDef, zelf: Option<PyObjectRef>, module: Option<PyObjectRef>, cls: *mut ffi::PyTypeObject) -> PyObjectRef {
        if def.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let method = unsafe { (*def).ml_flags } & ffi::METH_METHOD != 0;
        match (method, cls.is_null()) {
            (true, true) => Err(vm.new_system_error("attempting to create PyCMethod with a METH_METHOD flag but no class")),
            (false, false) => Err(vm.new_system_error("attempting to create PyCFunction with class but no METH_METHOD flag")),
            _ => new_function_of(def, zelf, module, cls, vm),
        }
    }

    /// The C function of a function made from a `PyMethodDef`. The
    /// interpreter's own builtins have none: they get `no_c_function`,
    /// which compares unequal to every extension's function (what code
    /// reading this pointer does) and raises if called.
    fn PyCFunction_GetFunction(vm, op: &rustpython_vm::PyObject) -> *mut std::ffi::c_void {
        check_cfunction(op, vm)?;
        let f = match c_function(op) {
            Some((def, _)) => def.ml_meth,
            None => Some(no_c_function as ffi::PyCFunction),
        };
        Ok(f.map_or(std::ptr::null_mut(), |f| f as *mut std::ffi::c_void))
    }

    fn PyCFunction_GetFlags(vm, op: &rustpython_vm::PyObject) -> i32 {
        check_cfunction(op, vm)?;
        Ok(c_function(op).map_or(ffi::METH_VARARGS | ffi::METH_KEYWORDS, |(def, _)| def.ml_flags))
    }

    /// NULL when C made the function with a NULL `self`.
    fn PyCFunction_GetSelf<'py>(vm, op: &'py rustpython_vm::PyObject) -> Option<Borrowed<'py>> {
        check_cfunction(op, vm)?;
        if c_function(op).is_some_and(|(_, null_self)| null_self) {
            return Ok(None);
        }
        let zelf = op.get_attr("__self__", vm)?;
        Ok(Some(Borrowed::held_by(op, &zelf, vm)))
    }
}

// ---------------------------------------------------------------------------
// Layout: CPython's `PyCMethodObject` (a `PyCFunctionObject` and the defining
// class), so C reading `m_ml`, `m_self` or `m_module` of a builtin (cffi does
// for its own functions) reads what CPython would put there.

/// What `m_ml` points at for the interpreter's own builtins, which have no
/// C definition.
struct NoDef(std::cell::UnsafeCell<ffi::PyMethodDef>);
// SAFETY: never written; C only reads it.
unsafe impl Sync for NoDef {}

static NO_C_DEF: NoDef = NoDef(std::cell::UnsafeCell::new(ffi::PyMethodDef {
    ml_name: c"<builtin of the interpreter>".as_ptr(),
    ml_meth: Some(no_c_function),
    ml_flags: ffi::METH_VARARGS,
    ml_doc: std::ptr::null(),
}));

pub static LAYOUT: crate::proxy::Layout = crate::proxy::Layout {
    flag: 0,
    create: |obj, tp, vm| {
        if !obj.class().is(vm.ctx.types.builtin_function_or_method_type) {
            return None;
        }
        let (def, null_self, module, class) = match c_function_module(obj) {
            Some((def, null_self, module, class)) => (def as *const ffi::PyMethodDef as *mut ffi::PyMethodDef, null_self, module, class),
            None => (NO_C_DEF.0.get(), false, None, std::ptr::null_mut()),
        };
        let zelf = if null_self { None } else { obj.get_attr("__self__", vm).ok() };
        let module = module.or_else(|| obj.get_attr("__module__", vm).ok());
        Some(unsafe {
            let p = crate::proxy::alloc(std::mem::size_of::<ffi::PyCMethodObject>(), tp);
            if !p.is_null() {
                let f = &mut *(p as *mut ffi::PyCMethodObject);
                f.func.m_ml = def;
                // Borrowed from the VM function, which holds it: counted, it
                // would keep a cycle through a bound method alive once the
                // method crossed (the VM's collector cannot see C's count).
                f.func.m_self = zelf.map_or(std::ptr::null_mut(), |z| proxy::as_c(&z, vm));
                f.func.m_module = module.map_or(std::ptr::null_mut(), |m| proxy::to_c_new(&m, vm));
                // Type objects C sees are immortal: no reference to hold.
                f.mm_class = class;
            }
            p
        })
    },
    realize: None,
    release: Some(|op| unsafe {
        let f = &mut *(op as *mut ffi::PyCFunctionObject);
        f.m_self = std::ptr::null_mut();
        let module = std::mem::replace(&mut f.m_module, std::ptr::null_mut());
        if !module.is_null() {
            proxy::decref(module);
        }
    }),
};

fn check_cfunction(op: &rustpython_vm::PyObject, vm: &VirtualMachine) -> PyResult<()> {
    if op.fast_isinstance(vm.ctx.types.builtin_function_or_method_type) {
        Ok(())
    } else {
        Err(crate::boundary::bad_internal_call(vm))
    }
}

unsafe extern "C" fn no_c_function(_self: *mut CObject, _args: *mut CObject) -> *mut CObject {
    // Our own export, called as C calls it (the caller holds the GIL).
    let message = c"this builtin of the interpreter has no C function to call";
    unsafe { pyerrors::PyErr_SetString(pyerrors::PyExc_SystemError, message.as_ptr()) };
    std::ptr::null_mut()
}

// ---------------------------------------------------------------------------
// `__doc__` and `__text_signature__` of C methods and functions are read
// from `ml_doc` when asked, as CPython does: C may set it after the method
// exists (numpy's `add_docstring` writes `d_method->ml_doc` and
// `m_ml->ml_doc` at import), which a copy made at definition would miss.

/// The C definition behind a method descriptor or builtin function.
fn c_definition(obj: &rustpython_vm::PyObject) -> Option<&'static ffi::PyMethodDef> {
    let table = C_DESCRIPTORS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((def, _)) = table.as_ref().and_then(|t| t.get(&(obj as *const _ as usize)).copied()) {
        return Some(unsafe { &*def.0 });
    }
    drop(table);
    c_function_module(obj).map(|(def, ..)| def)
}

/// CPython's split of an internal doc, `name(sig)\n--\n\nbody`, into the
/// text signature and the doc (`_PyType_GetTextSignatureFromInternalDoc`,
/// `_PyType_GetDocFromInternalDoc`); a doc without that head is all body.
pub fn split_internal_doc<'a>(name: &str, doc: &'a str) -> (Option<&'a str>, &'a str) {
    const END: &str = ")\n--\n\n";
    let name = name.rsplit('.').next().unwrap_or(name);
    match doc.strip_prefix(name).filter(|rest| rest.starts_with('(')).and_then(|rest| rest.find(END).map(|i| (rest, i))) {
        Some((rest, i)) => (Some(&rest[..=i]), &rest[i + END.len()..]),
        None => (None, doc),
    }
}

/// Puts the getters on the VM's `method_descriptor` and
/// `builtin_function_or_method` types; objects without a C definition keep
/// the VM's own answer.
pub fn install_doc_getters(vm: &VirtualMachine) -> PyResult<()> {
    for ty in [vm.ctx.types.method_descriptor_type, vm.ctx.types.builtin_function_or_method_type] {
        for (attr, want_sig) in [("__doc__", false), ("__text_signature__", true)] {
            let name = vm.ctx.intern_str(attr);
            let original = ty.get_direct_attr(name).ok_or_else(|| vm.new_attribute_error(format!("{} has no {attr}", ty.name())))?;
            let getter = move |obj: PyObjectRef, vm: &VirtualMachine| -> PyResult {
                // Entered: finding a bound method's definition asks the VM.
                let Some(def) = crate::pystate::enter(vm, || c_definition(&obj)) else {
                    return vm.call_get_descriptor_specific(&original, Some(&obj), Some(obj.class().as_object())).unwrap_or_else(|| Ok(original.clone()));
                };
                if def.ml_doc.is_null() {
                    return Ok(vm.ctx.none());
                }
                let doc = unsafe { CStr::from_ptr(def.ml_doc) }.to_string_lossy();
                let (sig, body) = split_internal_doc(&cstr(def.ml_name), &doc);
                Ok(match (want_sig, sig) {
                    (true, Some(sig)) => vm.ctx.new_str(sig).into(),
                    (false, _) if !body.is_empty() => vm.ctx.new_str(body).into(),
                    _ => vm.ctx.none(),
                })
            };
            ty.set_attr(name, vm.ctx.new_readonly_getset(attr, ty, getter).into());
        }
    }
    Ok(())
}
