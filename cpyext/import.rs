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
        let module = pyerrors::check_result(m, || format!("initialization of {short}"), vm)?;
        // A single-phase module is what PyState_FindModule finds for its
        // definition, as CPython records it at import.
        if let Some(info) = moduleobject::info_of(&module, vm) {
            if !info.def.is_null() && unsafe { (*info.def).m_slots }.is_null() {
                pystate::add_module_by_def(module.clone(), info.def, vm)?;
            }
        }
        Ok(module)
    })
}

/// `_imp.exec_dynamic(module)`: runs a multi-phase module's exec slots.
pub fn exec_dynamic(module: PyObjectRef, vm: &VirtualMachine) -> PyResult<i32> {
    crate::boundary::into_c(vm, [], || moduleobject::exec_if_pending(&module, vm))?;
    Ok(0)
}

/// Ours, CPython 3.14's own when asked for (`RUSTPY_CP314=1`), then
/// CPython's stable ABI (whose modules keep to what the limited API
/// exposes: the refcount word, `ob_type` and functions), in CPython's order:
/// version-specific before `.abi3.so`.
pub fn extension_suffixes(vm: &VirtualMachine) -> PyObjectRef {
    let mut suffixes = vec![crate::sysconfig::ext_suffix()];
    if cp314_enabled() {
        suffixes.push(format!(".cpython-314-{}.so", crate::sysconfig::MULTIARCH));
    }
    suffixes.push(ABI3_SUFFIX.to_owned());
    vm.ctx.new_list(suffixes.into_iter().map(|s| vm.ctx.new_str(s).into()).collect()).into()
}

const ABI3_SUFFIX: &str = ".abi3.so";

/// Whether modules built for CPython 3.14's version-specific ABI load:
/// only when the user asks, since their inline code reads memory this
/// layer mirrors only in part (docs/cp314.md says which).
fn cp314_enabled() -> bool {
    std::env::var_os("RUSTPY_CP314").is_some_and(|v| v == "1")
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
        add_module(vm.ctx.new_str(name).into(), vm)
    }

    /// Borrowed: the builtins module's dict.
    fn PyEval_GetBuiltins(vm) -> Borrowed<'static> {
        Ok(Borrowed::held_by_interpreter(vm.builtins.dict().as_object(), vm))
    }
}

/// `sys.modules[name]`, made (empty) if missing, with `__builtins__` (the
/// builtins' dict, what `PyEval_GetBuiltins` gives) in its dict, as CPython
/// prepares a module to run code in.
fn module_dict_for_exec(name: &PyObjectRef, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let module = add_module(name.clone(), vm)?;
    let dict = module.get_attr("__dict__", vm)?;
    if !vm.call_method(&dict, "__contains__", ("__builtins__",))?.try_to_bool(vm)? {
        dict.set_item("__builtins__", vm.builtins.dict().into(), vm)?;
    }
    Ok(dict)
}

/// `sys.modules[name]`, made (empty) if missing.
fn add_module(name: PyObjectRef, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let modules = vm.sys_module.get_attr("modules", vm)?;
    match modules.get_item(&*name, vm) {
        Ok(m) => Ok(m),
        Err(e) if e.fast_isinstance(vm.ctx.exceptions.key_error) => {
            let m: PyObjectRef = vm.new_module(&name.str(vm)?.to_string(), vm.ctx.new_dict(), None).into();
            modules.set_item(&*name, m.clone(), vm)?;
            Ok(m)
        }
        Err(e) => Err(e),
    }
}

/// Runs `code` in the module's dict, then returns `sys.modules[name]`
/// (which the code may have replaced); the module is dropped from
/// `sys.modules` when the code fails.
fn exec_in_module(name: &PyObjectRef, dict: PyObjectRef, code: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    let modules = vm.sys_module.get_attr("modules", vm)?;
    let exec = vm.builtins.get_attr("exec", vm)?;
    if let Err(e) = pystate::without_gil(|| exec.call((code, dict.clone(), dict), vm)) {
        let _ = modules.del_item(&**name, vm);
        return Err(e);
    }
    modules.get_item(&**name, vm).map_err(|_| {
        vm.new_import_error(format!("Loaded module {} not found in sys.modules", name.repr(vm).map(|r| r.to_string()).unwrap_or_default()), name.clone().downcast().unwrap_or_else(|_| vm.ctx.new_str("")))
    })
}

fn external(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    vm.import("importlib._bootstrap_external", 0)?;
    vm.sys_module.get_attr("modules", vm)?.get_item("importlib._bootstrap_external", vm)
}

/// `PyImport_ExecCodeModuleObject`: importlib's `_fix_up_module` sets
/// `__file__` (pathname, else `co.co_filename`), `__cached__`, `__loader__`
/// and `__spec__` before the code runs.
fn exec_code_module(name: PyObjectRef, co: PyObjectRef, pathname: Option<PyObjectRef>, cpathname: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult {
    let dict = module_dict_for_exec(&name, vm)?;
    let pathname = match pathname {
        Some(p) => p,
        None => co.get_attr("co_filename", vm)?,
    };
    let cpathname = cpathname.unwrap_or_else(|| vm.ctx.none());
    let external = external(vm)?;
    vm.call_method(&external, "_fix_up_module", (dict.clone(), name.clone(), pathname, cpathname))?;
    exec_in_module(&name, dict, co, vm)
}

crate::capi! {
    fn PyImport_ExecCodeModuleObject(vm, name: PyObjectRef, co: PyObjectRef, pathname: Option<PyObjectRef>, cpathname: Option<PyObjectRef>) -> PyObjectRef {
        exec_code_module(name, co, pathname, cpathname, vm)
    }

    /// Without `pathname`, the source file `cpathname` was compiled from,
    /// as importlib finds it, if any.
    fn PyImport_ExecCodeModuleWithPathnames(vm, name: &str, co: PyObjectRef, pathname: *const std::ffi::c_char, cpathname: *const std::ffi::c_char) -> PyObjectRef {
        let decode = |p: *const std::ffi::c_char| -> PyResult<Option<PyObjectRef>> {
            if p.is_null() {
                return Ok(None);
            }
            let bytes = vm.ctx.new_bytes(unsafe { CStr::from_ptr(p) }.to_bytes().to_vec());
            vm.import("os", 0)?.get_attr("fsdecode", vm)?.call((bytes,), vm).map(Some)
        };
        let cpath = decode(cpathname)?;
        let external = external(vm)?;
        let path = match (decode(pathname)?, &cpath) {
            (Some(p), _) => Some(p),
            (None, Some(c)) => vm.call_method(&external, "_get_sourcefile", (c.clone(),)).ok(),
            (None, None) => None,
        };
        exec_code_module(vm.ctx.new_str(name).into(), co, path, cpath, vm)
    }

    fn PyImport_GetImporter(vm, path: PyObjectRef) -> PyObjectRef {
        let cache = vm.sys_module.get_attr("path_importer_cache", vm)?;
        let hooks = vm.sys_module.get_attr("path_hooks", vm)?;
        match cache.get_item(&*path, vm) {
            Ok(importer) => return Ok(importer),
            Err(e) if e.fast_isinstance(vm.ctx.exceptions.key_error) => {}
            Err(e) => return Err(e),
        }
        let hooks: Vec<PyObjectRef> = hooks.try_to_value(vm)?;
        for hook in hooks {
            match pystate::without_gil(|| hook.call((path.clone(),), vm)) {
                Ok(importer) => {
                    cache.set_item(&*path, importer.clone(), vm)?;
                    return Ok(importer);
                }
                Err(e) if e.fast_isinstance(vm.ctx.exceptions.import_error) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(vm.ctx.none())
    }

    /// Imports never block on the import lock here, so this is
    /// `PyImport_ImportModule`, as in CPython since 3.3.
    fn PyImport_ImportModuleNoBlock(vm, name: &str) -> PyObjectRef {
        import_name(name, vm)
    }

    fn PyImport_ImportModuleLevel(vm, name: &str, globals: Option<PyObjectRef>, locals: Option<PyObjectRef>, fromlist: Option<PyObjectRef>, level: i32) -> PyObjectRef {
        let none = || vm.ctx.none();
        let import = vm.builtins.get_attr("__import__", vm)?;
        let name = vm.ctx.new_str(name);
        pystate::without_gil(|| {
            import.call((name, globals.unwrap_or_else(none), locals.unwrap_or_else(none), fromlist.unwrap_or_else(none), level), vm)
        })
    }

    /// `importlib.reload(m)`.
    fn PyImport_ReloadModule(vm, m: PyObjectRef) -> PyObjectRef {
        let reload = vm.import("importlib", 0)?.get_attr("reload", vm)?;
        pystate::without_gil(|| reload.call((m,), vm))
    }

    fn PyImport_ImportModuleAttr(vm, mod_name: PyObjectRef, attr_name: PyObjectRef) -> PyObjectRef {
        let module = import_name(&mod_name.str(vm)?.to_string(), vm)?;
        module.get_attr(&attr_name.try_into_value::<rustpython_vm::builtins::PyStrRef>(vm)?, vm)
    }

    fn PyImport_ImportModuleAttrString(vm, mod_name: &str, attr_name: &str) -> PyObjectRef {
        import_name(mod_name, vm)?.get_attr(vm.ctx.intern_str(attr_name), vm)
    }

    /// Borrowed: `sys.modules` holds the module.
    fn PyImport_AddModuleObject(vm, name: PyObjectRef) -> Borrowed<'static> {
        let module = add_module(name, vm)?;
        Ok(Borrowed::held_by_interpreter(&module, vm))
    }

    fn PyImport_AddModule(vm, name: &str) -> Borrowed<'static> {
        let module = add_module(vm.ctx.new_str(name).into(), vm)?;
        Ok(Borrowed::held_by_interpreter(&module, vm))
    }

    fn PyImport_ExecCodeModule(vm, name: &str, co: PyObjectRef) -> PyObjectRef {
        exec_code_module(vm.ctx.new_str(name).into(), co, None, None, vm)
    }

    unsafe fn PyImport_ExecCodeModuleEx(vm, name: &str, co: PyObjectRef, pathname: *const std::ffi::c_char) -> PyObjectRef {
        let path = if pathname.is_null() {
            None
        } else {
            let bytes = vm.ctx.new_bytes(CStr::from_ptr(pathname).to_bytes().to_vec());
            Some(vm.import("os", 0)?.get_attr("fsdecode", vm)?.call((bytes,), vm)?)
        };
        exec_code_module(vm.ctx.new_str(name).into(), co, path, None, vm)
    }

    /// The magic number of the bytecode files this interpreter writes, with
    /// its "\r\n", as a little-endian number (CPython's token).
    fn PyImport_GetMagicNumber(vm) -> i64 {
        let magic = vm.import("importlib.util", 0).and_then(|_| vm.sys_module.get_attr("modules", vm)?.get_item("importlib.util", vm))?.get_attr("MAGIC_NUMBER", vm)?;
        let number = vm.ctx.types.int_type.as_object().get_attr("from_bytes", vm)?.call((magic, "little"), vm)?;
        number.try_to_value::<i64>(vm)
    }

    /// `sys.implementation.cache_tag`, kept for the process.
    fn PyImport_GetMagicTag(vm) -> *const std::ffi::c_char {
        static TAG: std::sync::OnceLock<CString> = std::sync::OnceLock::new();
        let tag = TAG.get_or_init(|| {
            let tag = vm.sys_module.get_attr("implementation", vm).and_then(|i| i.get_attr("cache_tag", vm)).and_then(|t| t.str(vm));
            CString::new(tag.map(|t| t.to_string()).unwrap_or_default()).unwrap_or_default()
        });
        Ok(tag.as_ptr())
    }

    fn PyImport_ImportFrozenModuleObject(vm, name: PyObjectRef) -> i32 {
        import_frozen(name, vm)
    }

    fn PyImport_ImportFrozenModule(vm, name: &str) -> i32 {
        import_frozen(vm.ctx.new_str(name).into(), vm)
    }
}

/// Runs the frozen code in `sys.modules[name]` (a package gets an empty
/// `__path__`) and records `__origname__`, as CPython: 1, or 0 when there
/// is no such frozen module.
fn import_frozen(name: PyObjectRef, vm: &VirtualMachine) -> PyResult<i32> {
    let imp = vm.import("_imp", 0)?;
    if !vm.call_method(&imp, "is_frozen", (name.clone(),))?.try_to_bool(vm)? {
        return Ok(0);
    }
    let code = vm.call_method(&imp, "get_frozen_object", (name.clone(),))?;
    let is_package = vm.call_method(&imp, "is_frozen_package", (name.clone(),))?.try_to_bool(vm)?;
    let dict = module_dict_for_exec(&name, vm)?;
    if is_package {
        dict.set_item("__path__", vm.ctx.new_list(vec![]).into(), vm)?;
    }
    exec_in_module(&name, dict.clone(), code, vm)?;
    dict.set_item("__origname__", name, vm)?;
    Ok(1)
}
