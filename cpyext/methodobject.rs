//! C functions seen from Python (`methodobject.h`): a `PyMethodDef` becomes a
//! VM `builtin_function_or_method` whose call converts the arguments once,
//! by the calling convention in `ml_flags`, and checks the result the way
//! CPython does.

use crate::ffi::{self, PyObject as CObject};
use crate::{proxy, pyerrors, pystate, tupleobject};
use rustc_hash::FxHashMap;
use rustpython_vm::{
    AsObject, PyObjectRef, PyResult, VirtualMachine,
    PyRef,
    function::{FuncArgs, HeapMethodDef, ItemDoc, PyMethodFlags},
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

/// One VM method definition per C definition, made on first use and kept for
/// the life of the process, like the library that holds the C one.
static VM_DEFS: Mutex<Option<FxHashMap<usize, PyRef<HeapMethodDef>>>> = Mutex::new(None);

fn vm_def(def: *const ffi::PyMethodDef, vm: &VirtualMachine) -> PyRef<HeapMethodDef> {
    let mut defs = VM_DEFS.lock().unwrap_or_else(|e| e.into_inner());
    let defs = defs.get_or_insert_with(Default::default);
    defs.entry(def as usize)
        .or_insert_with(|| {
            let d = unsafe { &*def };
            let name: &'static str = Box::leak(cstr(d.ml_name).into_boxed_str());
            let doc: Option<&'static str> =
                (!d.ml_doc.is_null()).then(|| &*Box::leak(cstr(d.ml_doc).into_boxed_str()));
            let c = CDef(def);
            let func = move |args: FuncArgs, vm: &VirtualMachine| call(c, vm, args);
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
/// functions), with `__module__` set to `module`.
pub fn new_function(
    def: *const ffi::PyMethodDef,
    zelf: PyObjectRef,
    module: Option<PyObjectRef>,
    vm: &VirtualMachine,
) -> PyResult<PyObjectRef> {
    let flags = unsafe { (*def).ml_flags };
    if flags & (ffi::METH_CLASS | ffi::METH_STATIC) != 0 {
        return Err(vm.new_value_error("module functions cannot set METH_CLASS or METH_STATIC"));
    }
    let f = vm_def(def, vm).build_function(vm, Some(zelf));
    if let Some(m) = module {
        f.as_object().set_attr("__module__", m, vm)?;
    }
    Ok(f.into())
}

/// Calls the C function of `def` with `args` (the bound `self` first).
fn call(def: CDef, vm: &VirtualMachine, args: FuncArgs) -> PyResult {
    pystate::enter(vm, || unsafe { call_entered(&*def.0, vm, args) })
}

unsafe fn call_entered(def: &ffi::PyMethodDef, vm: &VirtualMachine, args: FuncArgs) -> PyResult {
    let name = || cstr(def.ml_name);
    let Some(meth) = def.ml_meth else {
        return Err(vm.new_system_error(format!("{}() has no C function", name())));
    };
    let FuncArgs { args, kwargs } = args;
    let (zelf, pos) = match args.split_first() {
        Some((z, rest)) => (z, rest),
        None => return Err(vm.new_system_error(format!("{}() called without self", name()))),
    };
    let self_c = proxy::as_c(zelf, vm);
    let flags = def.ml_flags & !(ffi::METH_COEXIST);
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
                let t = tupleobject::tuple_from(pos, vm)?;
                let kw = if kwargs.is_empty() {
                    std::ptr::null_mut()
                } else {
                    let d = vm.ctx.new_dict();
                    for (k, v) in kwargs {
                        d.set_item(vm.ctx.new_str(k).as_object(), v, vm)?;
                    }
                    proxy::to_c_new(d.as_object(), vm)
                };
                let f: ffi::PyCFunctionWithKeywords = std::mem::transmute(meth);
                let r = f(self_c, t, kw);
                proxy::decref(t);
                if !kw.is_null() {
                    proxy::decref(kw);
                }
                r
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
                let mut argv: Vec<*mut CObject> = Vec::with_capacity(pos.len() + kwargs.len());
                argv.extend(pos.iter().map(|a| proxy::as_c(a, vm)));
                // The values stay held here for the call: their proxies are
                // borrowed by C and must not be swept while it runs.
                let mut values = Vec::with_capacity(kwargs.len());
                let kwnames = if kwargs.is_empty() {
                    std::ptr::null_mut()
                } else {
                    let mut names = Vec::with_capacity(kwargs.len());
                    for (k, v) in kwargs {
                        names.push(PyObjectRef::from(vm.ctx.new_str(k)));
                        argv.push(proxy::as_c(&v, vm));
                        values.push(v);
                    }
                    tupleobject::tuple_from(&names, vm)?
                };
                let f: ffi::PyCFunctionFastWithKeywords = std::mem::transmute(meth);
                let r = f(self_c, argv.as_ptr(), pos.len() as isize, kwnames);
                if !kwnames.is_null() {
                    proxy::decref(kwnames);
                }
                drop(values);
                r
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

