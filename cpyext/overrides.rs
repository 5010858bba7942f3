//! Builtin modules whose stock RustPython definitions are wrong for us, each
//! replaced by a definition that keeps the original's functions, runs its
//! exec first, then changes what it must:
//!
//! - `_imp` cannot load extension modules and lists no suffixes; its exec
//!   also sets up `pylib/_cpyext_abi.py` (abi3 wheel tags for pip, and an
//!   ImportError saying why for modules built for another ABI);
//! - `_sysconfigdata` names a stale extension suffix, a free-threaded ABI
//!   and none of the build variables (`sysconfig.rs` has ours), and is
//!   registered under a name with RustPython's `t` abiflags only;
//! - `_imp` is also the first module imported after `sys` exists and before
//!   `site` runs, so its exec corrects what `sys` says (`sysconfig::fix_sys`);
//! - `_ctypes` passes its own objects where C-API functions take the
//!   layer's `PyObject*` (`pythonapi`'s py_object) and cannot pass
//!   callbacks: `pylib/_cpyext_ctypes.py` wraps its function pointers;
//! - `gc.collect()` must also let go of proxies neither side holds any more,
//!   so that what they kept alive can be collected, and see the references
//!   C objects hold (`gcmodule`); `gc.get_referents` and `gc.is_tracked`
//!   answer for C objects from their type's `tp_traverse` and C's tracking;
//! - `_datetime` must publish the `datetime.datetime_CAPI` capsule, as
//!   CPython's does (`datetime.rs`);
//! - `PyReversed_Type` must be callable as CPython's `reversed` type is
//!   (RustPython's `reversed` is a function, its `reversed` type refuses
//!   arguments; wrapt calls the type);
//! - `object.__sizeof__` and `sys.getsizeof` of a C type's instance must
//!   be CPython's answers, from the C type's sizes (set up by `_imp`'s exec
//!   with the rest of `sys`); `sys.getrefcount` must count C's references
//!   too, as `Py_REFCNT` counts the VM's (`proxy::total_count`).

use crate::import;
use rustpython_vm::{
    AsObject, Context, Py, PyObjectRef, PyResult, VirtualMachine,
    builtins::{PyModule, PyModuleDef, PyModuleSlots, PyTypeRef},
    function::{FuncArgs, PyMethodFlags},
};
use std::sync::OnceLock;

type ModuleExec = fn(&VirtualMachine, &Py<PyModule>) -> PyResult<()>;

static IMP_EXEC: OnceLock<Option<ModuleExec>> = OnceLock::new();
static SYSCONFIGDATA_EXEC: OnceLock<Option<ModuleExec>> = OnceLock::new();
static GC_EXEC: OnceLock<Option<ModuleExec>> = OnceLock::new();
static CTYPES_EXEC: OnceLock<Option<ModuleExec>> = OnceLock::new();
static DATETIME_EXEC: OnceLock<Option<ModuleExec>> = OnceLock::new();
/// The VM's own `gc.collect`, which ours wraps.
static GC_COLLECT: OnceLock<PyObjectRef> = OnceLock::new();
static GC_GET_REFERENTS: OnceLock<PyObjectRef> = OnceLock::new();
static GC_IS_TRACKED: OnceLock<PyObjectRef> = OnceLock::new();
static SYS_GETSIZEOF: OnceLock<PyObjectRef> = OnceLock::new();
static OBJECT_SIZEOF: OnceLock<PyObjectRef> = OnceLock::new();

fn original<'a>(f: &'a OnceLock<PyObjectRef>, vm: &VirtualMachine) -> PyResult<&'a PyObjectRef> {
    f.get().ok_or_else(|| vm.new_system_error("the gc module is not set up"))
}

fn run_original(exec: &OnceLock<Option<ModuleExec>>, vm: &VirtualMachine, module: &Py<PyModule>) -> PyResult<()> {
    match exec.get() {
        Some(Some(exec)) => exec(vm, module),
        _ => Ok(()),
    }
}

fn imp_exec(vm: &VirtualMachine, module: &Py<PyModule>) -> PyResult<()> {
    run_original(&IMP_EXEC, vm, module)?;
    crate::sysconfig::fix_sys(vm)?;
    let sys = vm.sys_module.as_object();
    let _ = SYS_GETSIZEOF.set(sys.get_attr("getsizeof", vm)?);
    sys.set_attr("getsizeof", vm.new_function("getsizeof", sys_getsizeof), vm)?;
    sys.set_attr("getrefcount", vm.new_function("getrefcount", |o: PyObjectRef, vm: &VirtualMachine| {
        crate::pystate::enter(vm, || crate::proxy::total_count(&o))
    }), vm)?;
    let reversed = vm.ctx.types.reverse_iter_type;
    reversed.slots.new.store(Some(reversed_new));
    // As CPython's object_init does for a type with its own tp_new: the
    // arguments were `__new__`'s.
    reversed.slots.init.store(Some(|_, _, _| Ok(())));
    let object = vm.ctx.types.object_type;
    let _ = OBJECT_SIZEOF.set(object.as_object().get_attr("__sizeof__", vm)?);
    let sizeof = crate::methodobject::static_def("__sizeof__", PyMethodFlags::METHOD, Some("Size of object in memory, in bytes."), object_sizeof);
    object.set_attr(vm.ctx.intern_str("__sizeof__"), sizeof.build_method(&vm.ctx, object).into());
    crate::methodobject::install_doc_getters(vm)?;
    let m = module.as_object();
    m.set_attr("create_dynamic", vm.new_function("create_dynamic", import::create_dynamic), vm)?;
    m.set_attr("exec_dynamic", vm.new_function("exec_dynamic", import::exec_dynamic), vm)?;
    m.set_attr("extension_suffixes", vm.new_function("extension_suffixes", import::extension_suffixes), vm)?;
    // Before the import system exists: loaded as it loads itself.
    let abi = rustpython_vm::import::import_frozen(vm, "_cpyext_abi")?;
    vm.call_method(&abi, "install", ())?;
    Ok(())
}

/// Calling the `reversed` type: what the builtin `reversed(seq)` gives.
fn reversed_new(_cls: PyTypeRef, args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    if !args.kwargs.is_empty() {
        return Err(vm.new_type_error("reversed() takes no keyword arguments"));
    }
    let [seq] = <[PyObjectRef; 1]>::try_from(args.args).map_err(|a| vm.new_type_error(format!("reversed expected 1 argument, got {}", a.len())))?;
    vm.builtins.get_attr("reversed", vm)?.call((seq,), vm)
}

/// `object.__sizeof__`: for an instance of a C type, `tp_basicsize` plus
/// `tp_itemsize` per item, as CPython computes it; RustPython's counts
/// its own object, not C's.
fn object_sizeof(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    match args.args.first().and_then(|o| crate::proxy::instance_of(o)) {
        Some(op) => unsafe {
            let tp = &*(*op).ob_type;
            let items = if tp.tp_itemsize != 0 { tp.tp_itemsize * (*(op as *mut crate::ffi::PyVarObject)).ob_size.abs() } else { 0 };
            Ok(vm.ctx.new_int(tp.tp_basicsize + items).into())
        },
        None => OBJECT_SIZEOF.get().ok_or_else(|| vm.new_system_error("object is not set up"))?.call(args, vm),
    }
}

/// `sys.getsizeof`: for an instance of a C type, what its `__sizeof__`
/// says plus the GC header when its type is collected, as CPython counts.
/// RustPython's adds the size of its own object header to every answer,
/// so `getsizeof(o) == o.__sizeof__()` would fail for C objects that are
/// not collected (bitarray's tests check it).
fn sys_getsizeof(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let Some(op) = args.args.first().and_then(|o| crate::proxy::instance_of(o)) else {
        return SYS_GETSIZEOF.get().ok_or_else(|| vm.new_system_error("sys is not set up"))?.call(args, vm);
    };
    let obj = &args.args[0];
    let size = vm.call_method(obj, "__sizeof__", ()).and_then(|n| n.try_index(vm)?.try_to_primitive::<isize>(vm));
    let size = match size {
        Ok(n) if n < 0 => return Err(vm.new_value_error("__sizeof__() should return >= 0")),
        Ok(n) => n,
        Err(e) => {
            let default = args.args.get(1).or_else(|| args.kwargs.get("default"));
            return match default {
                Some(d) if e.fast_isinstance(vm.ctx.exceptions.type_error) => Ok(d.clone()),
                _ => Err(e),
            };
        }
    };
    let gc = unsafe { (*(*op).ob_type).tp_flags } & crate::ffi::Py_TPFLAGS_HAVE_GC != 0;
    let gc_header = if gc { 2 * std::mem::size_of::<usize>() as isize } else { 0 };
    Ok(vm.ctx.new_int(size + gc_header).into())
}

/// `_ctypes.CFuncPtr` becomes `pylib/_cpyext_ctypes.py`'s subclass, which
/// ctypes' function pointer classes then derive from.
fn ctypes_exec(vm: &VirtualMachine, module: &Py<PyModule>) -> PyResult<()> {
    run_original(&CTYPES_EXEC, vm, module)?;
    let support = vm.import("_cpyext_ctypes", 0)?;
    vm.call_method(support.as_object(), "install", (module.to_owned(),))?;
    Ok(())
}

fn sysconfigdata_exec(vm: &VirtualMachine, module: &Py<PyModule>) -> PyResult<()> {
    run_original(&SYSCONFIGDATA_EXEC, vm, module)?;
    let vars = module.as_object().get_attr("build_time_vars", vm)?;
    for (name, value) in crate::sysconfig::build_time_vars(&vm.state.config.paths.base_prefix) {
        let value = match value {
            crate::sysconfig::Var::Str(s) => vm.ctx.new_str(s).into(),
            crate::sysconfig::Var::Int(i) => vm.ctx.new_int(i).into(),
        };
        vars.set_item(name, value, vm)?;
    }
    // The prefix sysconfig was built for is the base interpreter's.
    let base = vm.ctx.new_str(vm.state.config.paths.base_prefix.as_str());
    vars.set_item("prefix", base.clone().into(), vm)?;
    vars.set_item("exec_prefix", base.into(), vm)?;
    let sys_modules = vm.sys_module.get_attr("modules", vm)?;
    sys_modules.set_item(crate::sysconfig::sysconfigdata_name().as_str(), module.to_owned().into(), vm)?;
    Ok(())
}

/// `gc.collect`: sweeps the proxy table around the VM's collection, so that
/// cycles held only through dead proxies are found, and what the collection
/// frees releases its proxies too.
fn gc_collect(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let sweep = || crate::pystate::enter(vm, crate::proxy::sweep);
    crate::pystate::enter(vm, || crate::proxy::refresh_mirrors(vm));
    sweep();
    crate::pystate::enter(vm, crate::proxy::weaken_uncounted);
    let collect = original(&GC_COLLECT, vm)?;
    let result = crate::gcmodule::collect(vm, || collect.call(args, vm))?;
    sweep();
    Ok(result)
}

/// `gc.get_referents`: a C object's referents are what `tp_traverse`
/// visits; the VM adds its dict (and the class, for a Python subclass).
fn gc_get_referents(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let mut result = Vec::new();
    for obj in &args.args {
        let vm_referents = original(&GC_GET_REFERENTS, vm)?.call((obj.clone(),), vm)?;
        let vm_referents: Vec<PyObjectRef> = vm_referents.try_to_value(vm)?;
        match crate::gcmodule::c_referents(obj, vm)? {
            Some((c_referents, c_type)) => {
                // A C type's instance reports its type only if tp_traverse does.
                result.extend(vm_referents.into_iter().filter(|r| !(c_type && r.is(obj.class()))));
                result.extend(c_referents);
            }
            None => result.extend(vm_referents),
        }
    }
    Ok(vm.ctx.new_list(result).into())
}

/// `gc.is_tracked`: for a C object, whether C tracks it.
fn gc_is_tracked(obj: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    match crate::gcmodule::c_tracked(&obj) {
        Some(tracked) => Ok(vm.ctx.new_bool(tracked).into()),
        None => original(&GC_IS_TRACKED, vm)?.call((obj,), vm),
    }
}

fn gc_exec(vm: &VirtualMachine, module: &Py<PyModule>) -> PyResult<()> {
    run_original(&GC_EXEC, vm, module)?;
    let m = module.as_object();
    let _ = GC_COLLECT.set(m.get_attr("collect", vm)?);
    let _ = GC_GET_REFERENTS.set(m.get_attr("get_referents", vm)?);
    let _ = GC_IS_TRACKED.set(m.get_attr("is_tracked", vm)?);
    m.set_attr("collect", vm.new_function("collect", gc_collect), vm)?;
    m.set_attr("get_referents", vm.new_function("get_referents", gc_get_referents), vm)?;
    m.set_attr("is_tracked", vm.new_function("is_tracked", gc_is_tracked), vm)?;
    Ok(())
}

fn datetime_exec(vm: &VirtualMachine, module: &Py<PyModule>) -> PyResult<()> {
    run_original(&DATETIME_EXEC, vm, module)?;
    crate::datetime::module_exec(module, vm)
}

pub fn module_defs(ctx: &Context) -> Vec<&'static PyModuleDef> {
    let originals: Vec<&'static PyModuleDef> =
        rustpython_vm::stdlib::builtin_module_defs(ctx).into_iter().chain(rustpython_stdlib::stdlib_module_defs(ctx)).collect();
    let wrap = |name: &str, exec: ModuleExec, keep: &OnceLock<Option<ModuleExec>>| -> Option<&'static PyModuleDef> {
        let orig = originals.iter().find(|d| d.name.as_str() == name)?;
        let _ = keep.set(orig.slots.exec);
        Some(Box::leak(Box::new(PyModuleDef {
            name: orig.name,
            doc: orig.doc,
            methods: orig.methods,
            slots: PyModuleSlots { create: orig.slots.create, exec: Some(exec) },
        })))
    };
    let sysconfigdata = wrap("_sysconfigdata", sysconfigdata_exec, &SYSCONFIGDATA_EXEC);
    // sysconfig imports it as `_sysconfigdata_{sys.abiflags}_...`.
    let sysconfigdata_as_named = sysconfigdata.map(|def| -> &'static PyModuleDef {
        let name: &'static str = Box::leak(crate::sysconfig::sysconfigdata_name().into_boxed_str());
        Box::leak(Box::new(PyModuleDef { name: ctx.intern_str(name), doc: def.doc, methods: def.methods, slots: PyModuleSlots { create: def.slots.create, exec: def.slots.exec } }))
    });
    [wrap("_imp", imp_exec, &IMP_EXEC), sysconfigdata, sysconfigdata_as_named, wrap("gc", gc_exec, &GC_EXEC), wrap("_ctypes", ctypes_exec, &CTYPES_EXEC), wrap("_datetime", datetime_exec, &DATETIME_EXEC)]
        .into_iter()
        .flatten()
        .collect()
}
