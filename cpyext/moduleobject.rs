//! Modules (`moduleobject.h`, `modsupport.h`): modules made from a
//! `PyModuleDef`, single-phase and multi-phase, with their state.
//!
//! A module made from a definition keeps a [`ModuleInfo`] beside its proxy;
//! the proxy lives as long as the VM module (proxy rule 4), and freeing it
//! runs `m_free` and releases the state, as CPython does when a module dies.

use crate::boundary::{Borrowed, Ptr, Stolen, StolenOnSuccess};
use crate::capi;
use crate::ffi::{self, PyObject as CObject};
use crate::{methodobject, proxy, pyerrors};
use rustpython_vm::{
    AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine,
    builtins::{PyModule, PyStr},
};
use std::ffi::{CStr, c_char, c_long, c_void};
use std::ptr::null_mut;

pub struct ModuleInfo {
    pub def: *mut ffi::PyModuleDef,
    /// `m_size` bytes of zeroed state, or null before `PyModule_ExecDef` (and
    /// when `m_size` is 0).
    pub state: *mut c_void,
    /// Whether the `Py_mod_exec` slots have run.
    pub executed: bool,
}

impl ModuleInfo {
    /// Called while the module's proxy is being freed.
    pub unsafe fn free(&self, module: *mut CObject) {
        unsafe {
            if let Some(free) = (*self.def).m_free {
                free(module as *mut c_void);
            }
            if !self.state.is_null() {
                libc::free(self.state);
            }
        }
    }
}

thread_local! {
    /// The full name of the extension being initialized (`_Py_PackageContext`):
    /// a single-phase module named `m_name` inside a package gets this name.
    static PACKAGE_CONTEXT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` (an extension's `PyInit_*`) with `name` as the package context.
pub fn with_package_context<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let prev = PACKAGE_CONTEXT.with(|c| c.replace(Some(name.to_owned())));
    let r = f();
    PACKAGE_CONTEXT.with(|c| *c.borrow_mut() = prev);
    r
}

/// The name a module defined as `m_name` gets: the package context's full
/// name when its last component is `m_name`.
fn qualified_name(m_name: String) -> String {
    PACKAGE_CONTEXT.with(|c| match &*c.borrow() {
        Some(full) if full.rsplit('.').next() == Some(m_name.as_str()) => full.clone(),
        _ => m_name,
    })
}

fn cstr(p: *const c_char) -> Option<String> {
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned())
}

/// The module's `__file__`, which must be a str.
fn filename(m: &PyObject, vm: &VirtualMachine) -> PyResult {
    as_module(m, vm)?;
    match m.get_attr("__file__", vm) {
        Ok(f) if f.downcast_ref::<PyStr>().is_some() => Ok(f),
        _ => Err(vm.new_system_error("module filename missing")),
    }
}

fn as_module(m: &PyObject, vm: &VirtualMachine) -> PyResult<()> {
    if m.downcast_ref::<PyModule>().is_some() {
        Ok(())
    } else {
        Err(vm.new_type_error(format!("expected a module object, not {}", m.class().name())))
    }
}

pub(crate) fn info_of(m: &PyObjectRef, vm: &VirtualMachine) -> Option<&'static mut ModuleInfo> {
    match unsafe { proxy::aux(proxy::as_c(m, vm)) } {
        Some(proxy::Aux::Module(info)) => Some(info),
        _ => None,
    }
}

fn alloc_state(def: *mut ffi::PyModuleDef, vm: &VirtualMachine) -> PyResult<*mut c_void> {
    let size = unsafe { (*def).m_size };
    if size <= 0 {
        return Ok(null_mut());
    }
    let state = unsafe { libc::calloc(1, size as usize) };
    if state.is_null() {
        return Err(vm.new_memory_error(""));
    }
    Ok(state)
}

/// Attaches `def` to `module`: its functions, its docstring, and the link
/// that `PyModule_GetDef`/`GetState` read.
fn attach_def(module: &PyObjectRef, def: *mut ffi::PyModuleDef, state: *mut c_void, vm: &VirtualMachine) -> PyResult<()> {
    let p = proxy::as_c(module, vm);
    unsafe {
        proxy::set_aux(p, proxy::Aux::Module(ModuleInfo { def, state, executed: false }));
        if !(*def).m_methods.is_null() {
            add_functions(module, (*def).m_methods, vm)?;
        }
        if let Some(doc) = cstr((*def).m_doc) {
            module.set_attr("__doc__", vm.ctx.new_str(doc), vm)?;
        }
    }
    Ok(())
}

fn add_functions(module: &PyObjectRef, defs: *mut ffi::PyMethodDef, vm: &VirtualMachine) -> PyResult<()> {
    let module_name = module.get_attr("__name__", vm).ok();
    let mut def = defs;
    unsafe {
        while !(*def).ml_name.is_null() {
            let name = CStr::from_ptr((*def).ml_name).to_string_lossy().into_owned();
            // PyCFunction_NewEx takes these flags (PyO3 makes its static
            // methods so); a module's function table may not.
            if (*def).ml_flags & (ffi::METH_CLASS | ffi::METH_STATIC) != 0 {
                return Err(vm.new_value_error("module functions cannot set METH_CLASS or METH_STATIC"));
            }
            let f = methodobject::new_function(def, Some(module.clone()), module_name.clone(), vm)?;
            module.set_attr(vm.ctx.intern_str(name), f, vm)?;
            def = def.add(1);
        }
    }
    Ok(())
}

fn new_module(name: &str, vm: &VirtualMachine) -> PyObjectRef {
    vm.new_module(name, vm.ctx.new_dict(), None).into()
}

/// `PyModule_FromDefAndSpec2`: the module object of a multi-phase definition.
pub fn from_def_and_spec(def: *mut ffi::PyModuleDef, spec: PyObjectRef, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let name: PyObjectRef = spec.get_attr("name", vm)?;
    let name_str = name
        .downcast_ref::<PyStr>()
        .map(|s| s.to_string())
        .ok_or_else(|| vm.new_type_error("module name must be a string"))?;
    let mut create = None;
    unsafe {
        let mut slot = (*def).m_slots;
        while !slot.is_null() && (*slot).slot != 0 {
            match (*slot).slot {
                ffi::Py_mod_create => {
                    if create.is_some() {
                        return Err(vm.new_system_error(format!("module {name_str} has multiple create slots")));
                    }
                    create = Some((*slot).value);
                }
                ffi::Py_mod_exec | ffi::Py_mod_multiple_interpreters | ffi::Py_mod_gil => {}
                other => {
                    return Err(vm.new_system_error(format!("module {name_str} uses unknown slot ID {other}")));
                }
            }
            slot = slot.add(1);
        }
    }
    let module = match create {
        Some(f) => {
            let f: unsafe extern "C" fn(*mut CObject, *mut ffi::PyModuleDef) -> *mut CObject =
                unsafe { std::mem::transmute(f) };
            let r = unsafe { f(proxy::as_c(&spec, vm), def) };
            pyerrors::check_result(r, || format!("creation of module {name_str}"), vm)?
        }
        None => new_module(&name_str, vm),
    };
    if module.downcast_ref::<PyModule>().is_some() {
        attach_def(&module, def, null_mut(), vm)?;
    } else if unsafe { (*def).m_size } > 0 || unsafe { !(*def).m_methods.is_null() } {
        return Err(vm.new_system_error(format!(
            "module {name_str} is not a module object, but requests module state or functions"
        )));
    }
    Ok(module)
}

/// `PyModule_ExecDef`: allocates the state and runs the `Py_mod_exec` slots, once.
pub fn exec_def(module: &PyObjectRef, def: *mut ffi::PyModuleDef, vm: &VirtualMachine) -> PyResult<()> {
    let name = module.get_attr("__name__", vm).map(|n| n.str(vm).map(|s| s.to_string()).unwrap_or_default()).unwrap_or_default();
    if let Some(info) = info_of(module, vm) {
        if info.executed {
            return Ok(());
        }
        info.executed = true;
        if info.state.is_null() {
            info.state = alloc_state(def, vm)?;
        }
    }
    unsafe {
        let mut slot = (*def).m_slots;
        while !slot.is_null() && (*slot).slot != 0 {
            if (*slot).slot == ffi::Py_mod_exec {
                let f: unsafe extern "C" fn(*mut CObject) -> i32 = std::mem::transmute((*slot).value);
                let status = f(proxy::as_c(module, vm));
                pyerrors::check_status(status, || format!("execution of module {name}"), vm)?;
            }
            slot = slot.add(1);
        }
    }
    Ok(())
}

/// Runs a multi-phase module's exec slots if it has any still to run
/// (`_imp.exec_dynamic`).
pub fn exec_if_pending(module: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    if module.downcast_ref::<PyModule>().is_none() {
        return Ok(());
    }
    match info_of(module, vm) {
        Some(info) if !info.executed => {
            let def = info.def;
            exec_def(module, def, vm)
        }
        _ => Ok(()),
    }
}

/// `PyModule_AddObjectRef`, which the other `PyModule_Add*` are made of,
/// with CPython's checks in CPython's order.
fn add_object(m: &PyObject, name: &CStr, value: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<()> {
    if m.downcast_ref::<PyModule>().is_none() {
        return Err(vm.new_type_error("PyModule_AddObjectRef() first argument must be a module"));
    }
    let Some(value) = value else {
        return Err(pyerrors::take().unwrap_or_else(|| {
            vm.new_system_error("PyModule_AddObjectRef() must be called with an exception raised if value is NULL")
        }));
    };
    let name = crate::unicodeobject::from_utf8(name.to_bytes(), vm)?;
    m.set_attr(vm.ctx.intern_str(name.to_string()), value, vm)
}

capi! {
    fn PyModule_Create2(vm, def: *mut ffi::PyModuleDef, _api_version: i32) -> PyObjectRef {
        if def.is_null() {
            return Err(crate::boundary::null_argument(vm));
        }
        let name = cstr(unsafe { (*def).m_name }).ok_or_else(|| vm.new_system_error("module definition has no name"))?;
        let module = new_module(&qualified_name(name), vm);
        let state = alloc_state(def, vm)?;
        attach_def(&module, def, state, vm)?;
        if let Some(info) = info_of(&module, vm) {
            info.executed = true;
        }
        Ok(module)
    }

    fn PyModule_FromDefAndSpec2(vm, def: *mut ffi::PyModuleDef, spec: PyObjectRef, _api_version: i32) -> PyObjectRef {
        if def.is_null() {
            return Err(crate::boundary::null_argument(vm));
        }
        from_def_and_spec(def, spec, vm)
    }

    fn PyModule_ExecDef(vm, module: PyObjectRef, def: *mut ffi::PyModuleDef) -> () {
        if def.is_null() {
            return Err(crate::boundary::null_argument(vm));
        }
        exec_def(&module, def, vm)
    }

    /// Marks `def` as a definition object and returns it, for multi-phase init.
    /// The definition itself, made an (immortal) object.
    fn PyModuleDef_Init(vm, def: *mut ffi::PyModuleDef) -> Borrowed<'static> {
        if def.is_null() {
            return Err(crate::boundary::null_argument(vm));
        }
        unsafe {
            let op = def as *mut CObject;
            (*op).ob_type = &raw mut crate::typeobject::PyModuleDef_Type;
            (*op).ob_refcnt = ffi::IMMORTAL_REFCNT;
            Ok(Borrowed::argument(Ptr(op)))
        }
    }

    fn PyModule_New(vm, name: &str) -> PyObjectRef {
        Ok(new_module(name, vm))
    }

    fn PyModule_NewObject(vm, name: PyObjectRef) -> PyObjectRef {
        let name = name.downcast::<PyStr>().map_err(|_| vm.new_type_error("module name must be a string"))?;
        Ok(new_module(&name.to_string(), vm))
    }

    fn PyModule_GetDef(vm, m: PyObjectRef) -> *mut ffi::PyModuleDef {
        as_module(&m, vm)?;
        Ok(info_of(&m, vm).map_or(null_mut(), |i| i.def))
    }

    fn PyModule_GetState(vm, m: PyObjectRef) -> *mut c_void {
        as_module(&m, vm)?;
        Ok(info_of(&m, vm).map_or(null_mut(), |i| i.state))
    }

    /// Borrowed: the module holds its dict.
    fn PyModule_GetDict<'py>(vm, m: &'py PyObject) -> Borrowed<'py> {
        as_module(m, vm)?;
        let dict = m.dict().ok_or_else(|| vm.new_system_error("module has no __dict__"))?;
        Ok(Borrowed::held_by(m, dict.as_object(), vm))
    }

    fn PyModule_GetNameObject(vm, m: PyObjectRef) -> PyObjectRef {
        as_module(&m, vm)?;
        m.get_attr("__name__", vm).map_err(|_| vm.new_system_error("nameless module"))
    }

    /// The UTF-8 of `__name__`, valid while the module keeps its name.
    fn PyModule_GetName(vm, m: PyObjectRef) -> *const c_char {
        as_module(&m, vm)?;
        let name = m.get_attr("__name__", vm).map_err(|_| vm.new_system_error("nameless module"))?;
        let p = proxy::as_c(&name, vm);
        let s = unsafe { crate::unicodeobject::PyUnicode_AsUTF8(p) };
        if s.is_null() { Err(pyerrors::take().unwrap_or_else(|| vm.new_system_error("nameless module"))) } else { Ok(s) }
    }

    fn PyModule_GetFilenameObject(vm, m: PyObjectRef) -> PyObjectRef {
        filename(&m, vm)
    }

    /// `__file__` as UTF-8, kept by the str the module holds.
    fn PyModule_GetFilename(vm, m: PyObjectRef) -> *const c_char {
        let file = filename(&m, vm)?;
        let s = unsafe { crate::unicodeobject::PyUnicode_AsUTF8(proxy::as_c(&file, vm)) };
        if s.is_null() { Err(pyerrors::take().unwrap_or_else(|| vm.new_system_error("module filename missing"))) } else { Ok(s) }
    }

    fn PyModule_AddObjectRef(vm, m: &PyObject, name: &CStr, value: Option<PyObjectRef>) -> () {
        add_object(m, name, value, vm)
    }

    fn PyModule_Add(vm, m: &PyObject, name: &CStr, value: Stolen) -> () {
        add_object(m, name, value.take_opt(vm)?, vm)
    }

    fn PyModule_AddObject(vm, m: &PyObject, name: &CStr, value: StolenOnSuccess) -> () {
        value.steal_if(vm, |obj| add_object(m, name, obj, vm))
    }

    fn PyModule_AddIntConstant(vm, m: PyObjectRef, name: &CStr, value: c_long) -> () {
        add_object(&m, name, Some(vm.ctx.new_int(value).into()), vm)
    }

    fn PyModule_AddStringConstant(vm, m: PyObjectRef, name: &CStr, value: &CStr) -> () {
        let s = crate::unicodeobject::from_utf8(value.to_bytes(), vm)?;
        add_object(&m, name, Some(s.into()), vm)
    }

    fn PyModule_AddType(vm, m: PyObjectRef, ty: PyObjectRef) -> () {
        let name = ty.get_attr("__name__", vm)?;
        let name = name.downcast::<PyStr>().map_err(|_| vm.new_type_error("type name must be a str"))?;
        as_module(&m, vm)?;
        m.set_attr(vm.ctx.intern_str(name.to_string()), ty, vm)
    }

    fn PyModule_AddFunctions(vm, m: PyObjectRef, defs: *mut ffi::PyMethodDef) -> () {
        if defs.is_null() {
            return Err(crate::boundary::null_argument(vm));
        }
        add_functions(&m, defs, vm)
    }

    fn PyModule_SetDocString(vm, m: PyObjectRef, doc: &CStr) -> () {
        let doc = crate::unicodeobject::from_utf8(doc.to_bytes(), vm)?;
        m.set_attr("__doc__", doc, vm)
    }
}
