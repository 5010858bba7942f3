//! Loading extension modules (`import.h`, `importdl.c`): `_imp`'s
//! `create_dynamic`/`exec_dynamic`/`extension_suffixes` as the normal import
//! system (FileFinder, ExtensionFileLoader) calls them; `overrides.rs`
//! installs them.

use crate::ffi::{self, PyObject as CObject};
use crate::boundary::Borrowed;
use crate::{moduleobject, pyerrors, pystate};
use rustpython_vm::{
    AsObject, PyObjectRef, PyResult, VirtualMachine,
    function::OptionalArg,
};
use std::ffi::{CStr, CString};


fn import_error(msg: String, name: &str, path: &str, vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    let e = vm.new_import_error(msg, vm.ctx.new_str(name));
    let _ = e.as_object().set_attr("path", vm.ctx.new_str(path), vm);
    e
}

fn dlerror() -> String {
    unsafe { crate::boundary::c_text(libc::dlerror(), "unknown dlopen error") }
}

/// Every C-API symbol (`Py*`, `_Py*`) the library at `path` needs and this
/// interpreter does not export, sorted, each with the table's reason when
/// it has one. Empty when the file cannot be read as ELF: dlopen reports.
fn missing_symbols(path: &str) -> Vec<String> {
    static EXPORTED: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    let exported = EXPORTED.get_or_init(|| {
        let functions = crate::exports::EXPORTS.iter().map(|e| e.0);
        functions.chain(crate::exports::data_exports().iter().map(|e| e.0)).collect()
    });
    let Ok(needed) = crate::dynsym::undefined_symbols(std::path::Path::new(path)) else { return Vec::new() };
    let mut missing: Vec<String> = needed
        .into_iter()
        .filter(|n| (n.starts_with("Py") || n.starts_with("_Py")) && !exported.contains(n.as_str()))
        .map(|n| match crate::exports::MISSING.iter().find(|m| m.0 == n) {
            Some((_, reason)) => format!("{n} ({reason})"),
            None => n,
        })
        .collect();
    missing.sort_unstable();
    missing
}

/// `_imp.create_dynamic(spec)`: loads the library at `spec.origin` and runs
/// its `PyInit_<name>`.
pub fn create_dynamic(spec: PyObjectRef, _file: OptionalArg<PyObjectRef>, vm: &VirtualMachine) -> PyResult {
    let name = spec.get_attr("name", vm)?.str(vm)?.to_string();
    let path = spec.get_attr("origin", vm)?.str(vm)?.to_string();
    crate::init(vm)?;
    let cpath = CString::new(path.clone()).map_err(|_| vm.new_value_error("embedded null character in path"))?;
    // Before dlopen, which would name only the first.
    let missing = missing_symbols(&path);
    if !missing.is_empty() {
        let msg = format!(
            "{path}: the extension module {name} needs {} C-API symbol{} that cpyext does not provide (see docs/capi.md): {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", ")
        );
        return Err(import_error(msg, &name, &path, vm));
    }
    let lib = unsafe { libc::dlopen(cpath.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL) };
    if lib.is_null() {
        return Err(import_error(dlerror(), &name, &path, vm));
    }
    let short = name.rsplit('.').next().unwrap_or(&name);
    let init_name = format!("PyInit_{short}");
    let csym = CString::new(init_name.clone()).unwrap_or_default();
    let sym = unsafe { libc::dlsym(lib, csym.as_ptr()) };
    if sym.is_null() {
        return Err(import_error(
            format!("dynamic module does not define module export function ({init_name})"),
            &name,
            &path,
            vm,
        ));
    }
    let init: unsafe extern "C" fn() -> *mut CObject = unsafe { std::mem::transmute(sym) };
    crate::boundary::into_c(vm, [], || {
        let m = moduleobject::with_package_context(&name, || unsafe { init() });
        if m.is_null() {
            return Err(pyerrors::take().unwrap_or_else(|| {
                vm.new_system_error(format!("initialization of {short} failed without raising an exception"))
            }));
        }
        if unsafe { (*m).ob_type } == &raw mut crate::typeobject::PyModuleDef_Type {
            if let Some(e) = pyerrors::take() {
                let s = vm.new_system_error(format!("initialization of {short} raised unreported exception"));
                s.set_cause(Some(e));
                return Err(s);
            }
            return moduleobject::from_def_and_spec(m as *mut ffi::PyModuleDef, spec.clone(), vm);
        }
        pyerrors::check_result(m, || format!("initialization of {short}"), vm)
    })
}

/// `_imp.exec_dynamic(module)`: runs a multi-phase module's exec slots.
pub fn exec_dynamic(module: PyObjectRef, vm: &VirtualMachine) -> PyResult<i32> {
    crate::boundary::into_c(vm, [], || moduleobject::exec_if_pending(&module, vm))?;
    Ok(0)
}

pub fn extension_suffixes(vm: &VirtualMachine) -> PyObjectRef {
    vm.ctx.new_list(vec![vm.ctx.new_str(crate::sysconfig::ext_suffix()).into()]).into()
}

fn import_name(name: &str, vm: &VirtualMachine) -> PyResult {
    let name = vm.ctx.new_str(name);
    pystate::without_gil(|| vm.import(&name, 0))?;
    // `import a.b` gives `a`; C wants `a.b` itself.
    vm.sys_module.get_attr("modules", vm)?.get_item(&*name, vm)
}

crate::capi! {
    fn PyImport_ImportModule(vm, name: &CStr) -> PyObjectRef {
        import_name(name.to_str().map_err(|_| vm.new_value_error("module name is not UTF-8"))?, vm)
    }

    fn PyImport_Import(vm, name: PyObjectRef) -> PyObjectRef {
        let name = name.str(vm)?;
        import_name(&name.to_string(), vm)
    }

    fn PyImport_ImportModuleLevelObject(vm, name: PyObjectRef, globals: Option<PyObjectRef>, locals: Option<PyObjectRef>, fromlist: Option<PyObjectRef>, level: i32) -> PyObjectRef {
        let none = || vm.ctx.none();
        let import = vm.builtins.get_attr("__import__", vm)?;
        pystate::without_gil(|| {
            import.call((name, globals.unwrap_or_else(none), locals.unwrap_or_else(none), fromlist.unwrap_or_else(none), level), vm)
        })
    }

    /// A new reference to `sys.modules[name]`, or NULL without an error.
    fn PyImport_GetModule(vm, name: PyObjectRef) -> Option<PyObjectRef> {
        let modules = vm.sys_module.get_attr("modules", vm)?;
        match modules.get_item(&*name, vm) {
            Ok(m) => Ok(Some(m)),
            Err(e) if e.fast_isinstance(vm.ctx.exceptions.key_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn PyImport_GetModuleDict(vm) -> Borrowed<'static> {
        let modules = vm.sys_module.get_attr("modules", vm)?;
        Ok(Borrowed::held_by_interpreter(&modules, vm))
    }

    /// `sys.modules[name]`, made (empty) if missing.
    fn PyImport_AddModuleRef(vm, name: &str) -> PyObjectRef {
        let modules = vm.sys_module.get_attr("modules", vm)?;
        if let Ok(m) = modules.get_item(name, vm) {
            return Ok(m);
        }
        let m: PyObjectRef = vm.new_module(name, vm.ctx.new_dict(), None).into();
        modules.set_item(name, m.clone(), vm)?;
        Ok(m)
    }

    /// Borrowed: the builtins module's dict.
    fn PyEval_GetBuiltins(vm) -> Borrowed<'static> {
        Ok(Borrowed::held_by_interpreter(vm.builtins.dict().as_object(), vm))
    }
}
