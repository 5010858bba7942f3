//! Evaluation services (`ceval.h`): running a code object, the running
//! frame and its namespaces, the recursion guard C uses around recursive
//! calls of its own, C trace and profile functions (over
//! `sys.settrace`/`sys.setprofile`), slice indexes, and `Py_Version`.

use crate::boundary::{Borrowed, FromC, ToC, bad_internal_call};
use crate::ffi::PyObject as CObject;
use crate::{capi, proxy, pyerrors};
use rustpython_vm::{
    AsObject, PyObject, PyObjectRef, PyResult, TryFromObject, VirtualMachine,
    builtins::{PyCode, PyDict},
    function::{ArgMapping, FuncArgs, KwArgs},
    scope::Scope,
};
use std::cell::Cell;
use std::collections::HashMap;
use std::ffi::{CStr, CString, c_char, c_int};

thread_local! {
    /// Depth of `Py_EnterRecursiveCall` without a matching leave, per thread.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// `PyEval_GetLocals`' dicts, by frame id (with the frame, so the id is not
/// reused while the entry lasts), as CPython's `f_locals_cache`. A static
/// (never dropped, guarded by the GIL), so no frame outlives the VM in a
/// thread's destructors.
static LOCALS_CACHE: crate::pystate::GilCell<Option<HashMap<usize, (PyObjectRef, PyObjectRef)>>> =
    crate::pystate::GilCell::new(None);

/// The names `PyEval_GetFuncName` hands out, kept for the process (C may
/// hold them as long as the function lives).
static FUNC_NAMES: std::sync::Mutex<Vec<CString>> = std::sync::Mutex::new(Vec::new());

fn kept_name(name: &str) -> *const c_char {
    let mut names = FUNC_NAMES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(n) = names.iter().find(|n| n.to_bytes() == name.as_bytes()) {
        return n.as_ptr();
    }
    let n = CString::new(name.replace('\0', "")).expect("NULs removed");
    let p = n.as_ptr();
    names.push(n);
    p
}

/// The running frame's `f_locals`: a snapshot dict for a function's
/// frame (whose f_locals is a FrameLocalsProxy), else the mapping itself.
fn frame_locals(frame: &PyObject, vm: &VirtualMachine) -> PyResult<(PyObjectRef, bool)> {
    let locals = frame.get_attr("f_locals", vm)?;
    if locals.class().is(vm.ctx.types.frame_locals_proxy_type) {
        let dict = vm.ctx.new_dict();
        vm.call_method(dict.as_object(), "update", (locals,))?;
        Ok((dict.into(), true))
    } else {
        Ok((locals, false))
    }
}

/// `PY_VERSION_HEX`'s packing, as the header's macros compute it.
const fn pack_version(x: i32, y: i32, z: i32, level: i32, serial: i32) -> u32 {
    ((x as u32 & 0xff) << 24) | ((y as u32 & 0xff) << 16) | ((z as u32 & 0xff) << 8) | ((level as u32 & 0xf) << 4) | (serial as u32 & 0xf)
}

crate::declared_here!(Py_PACK_FULL_VERSION, Py_PACK_VERSION);

/// The stable ABI's form of the `Py_PACK_FULL_VERSION()` macro.
#[unsafe(no_mangle)]
pub extern "C" fn Py_PACK_FULL_VERSION(x: i32, y: i32, z: i32, level: i32, serial: i32) -> u32 {
    pack_version(x, y, z, level, serial)
}

/// The stable ABI's form of the `Py_PACK_VERSION()` macro: `x.y.0`, level
/// and serial 0.
#[unsafe(no_mangle)]
pub extern "C" fn Py_PACK_VERSION(x: i32, y: i32) -> u32 {
    pack_version(x, y, 0, 0, 0)
}

/// `PY_VERSION_HEX` of the API we implement.
#[unsafe(no_mangle)]
pub static Py_Version: std::ffi::c_ulong = 0x030E_00F0;

/// `co_flags`: the code has its own locals (a function's).
const CO_NEWLOCALS: u32 = 0x0002;
/// `PyCF_MASK`: the `__future__` bits of `co_flags`.
const PYCF_MASK: i32 = 0x01FE_0000;

/// The objects of a C array of `n` object pointers (borrowed).
unsafe fn objects(p: *const *mut CObject, n: c_int, vm: &VirtualMachine) -> PyResult<Vec<PyObjectRef>> {
    let n = usize::try_from(n).map_err(|_| bad_internal_call(vm))?;
    if n > 0 && p.is_null() {
        return Err(bad_internal_call(vm));
    }
    (0..n).map(|i| unsafe { <PyObjectRef as FromC>::from_c(*p.add(i), vm) }).collect()
}

/// A C trace or profile function (`Py_tracefunc`).
pub type TraceFn = unsafe extern "C" fn(*mut CObject, *mut CObject, c_int, *mut CObject) -> c_int;

/// The `Py_tracefunc` argument (NULL removes the function).
pub struct TraceFunc(Option<TraceFn>);

impl FromC for TraceFunc {
    type C = Option<TraceFn>;
    fn from_c(c: Option<TraceFn>, _vm: &VirtualMachine) -> PyResult<Self> {
        Ok(TraceFunc(c))
    }
}

/// What `sys.settrace`/`sys.setprofile` are given for a C function: a
/// Python function passing each event on (with CPython's `PyTrace_*`
/// number) and returning itself, so that a traced frame keeps reporting to
/// it.
const TRACER: &str = "\
_WHAT = {'call': 0, 'exception': 1, 'line': 2, 'return': 3,
         'c_call': 4, 'c_exception': 5, 'c_return': 6, 'opcode': 7}

def make_tracer(call_c):
    def tracer(frame, event, arg):
        call_c(frame, _WHAT[event], arg)
        return tracer
    return tracer
";

fn tracer(func: TraceFn, obj: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult {
    let call_c = vm.new_function("_cpyext_c_tracefunc", move |frame: PyObjectRef, what: c_int, arg: PyObjectRef, vm: &VirtualMachine| -> PyResult<()> {
        let lent = [&*frame, &*arg].into_iter().chain(obj.as_deref());
        crate::boundary::into_c(vm, lent, || {
            let o = obj.as_ref().map_or(std::ptr::null_mut(), |o| proxy::as_c(o, vm));
            let r = unsafe { func(o, proxy::as_c(&frame, vm), what, proxy::as_c(&arg, vm)) };
            pyerrors::check_status(if r != 0 { -1 } else { 0 }, || "the C trace function".to_owned(), vm)
        })
    });
    let dict = vm.ctx.new_dict();
    let scope = Scope::with_builtins(None, dict.clone(), vm);
    vm.run_string(scope, TRACER, "<cpyext tracer>")?;
    dict.get_item("make_tracer", vm)?.call((call_c,), vm)
}

/// Installs `func` with `setter` (a `sys` function), as CPython's
/// `PyEval_SetTrace` and friends: a failure is reported as unraisable.
fn set_tracer(setter: &'static str, func: TraceFunc, obj: Option<PyObjectRef>, api: &str, vm: &VirtualMachine) {
    let result = (|| {
        let t = match func.0 {
            Some(f) => tracer(f, obj, vm)?,
            None => vm.ctx.none(),
        };
        vm.sys_module.get_attr(setter, vm)?.call((t,), vm)?;
        Ok(())
    })();
    if let Err(e) = result {
        vm.run_unraisable(e, Some(format!("Exception ignored in {api}")), vm.ctx.none());
    }
}

/// `_PyEval_SliceIndex`'s result: 1 on success, 0 on failure.
pub struct OneOnSuccess;

impl ToC for OneOnSuccess {
    type C = c_int;
    const ERROR: c_int = 0;
    fn to_c(self, _vm: &VirtualMachine) -> c_int {
        1
    }
}

unsafe fn slice_index(v: &PyObject, pi: *mut isize, none_ok: bool, vm: &VirtualMachine) -> PyResult<OneOnSuccess> {
    use num_traits::{Signed, ToPrimitive};
    if none_ok && vm.is_none(v) {
        return Ok(OneOnSuccess);
    }
    let Some(i) = v.try_index_opt(vm) else {
        let msg = if none_ok {
            "slice indices must be integers or None or have an __index__ method"
        } else {
            "slice indices must be integers or have an __index__ method"
        };
        return Err(vm.new_type_error(msg));
    };
    let i = i?;
    let v = i.as_bigint();
    let x = v.to_isize().unwrap_or(if v.is_negative() { isize::MIN } else { isize::MAX });
    if pi.is_null() {
        return Err(bad_internal_call(vm));
    }
    unsafe { *pi = x };
    Ok(OneOnSuccess)
}

capi! {
    /// Runs a code object (from `Py_CompileString`) in `globals`, with
    /// `locals` (any mapping; NULL is `globals`); an eval-mode code object
    /// gives its value, others None.
    fn PyEval_EvalCode(vm, co: &PyObject, globals: &PyObject, locals: Option<PyObjectRef>) -> PyObjectRef {
        let code = co.to_owned().downcast::<PyCode>().map_err(|_| bad_internal_call(vm))?;
        let globals = globals.to_owned().downcast::<PyDict>().map_err(|_| bad_internal_call(vm))?;
        let locals = match locals.filter(|l| !vm.is_none(l)) {
            Some(l) => ArgMapping::try_from_object(vm, l)?,
            None => ArgMapping::from_dict_exact(globals.clone()),
        };
        // Unlike exec(), CPython adds no `__builtins__` to the globals.
        vm.run_code_obj(code, Scope::new(Some(locals), globals))
    }

    /// A function of `co` (named `co_name`, with `globals`, the `defc`
    /// defaults, `kwdefs` and `closure`) called with the `argc` positional
    /// arguments and the `kwdc` (name, value) pairs of `kwds`. Code without
    /// CO_NEWLOCALS (a module's) runs in `locals` instead, as
    /// `PyEval_EvalCode` does.
    unsafe fn PyEval_EvalCodeEx(vm, co: &PyObject, globals: &PyObject, locals: Option<PyObjectRef>, args: *const *mut CObject, argc: i32, kwds: *const *mut CObject, kwdc: i32, defs: *const *mut CObject, defc: i32, kwdefs: Option<PyObjectRef>, closure: Option<PyObjectRef>) -> PyObjectRef {
        let code = co.to_owned().downcast::<PyCode>().map_err(|_| bad_internal_call(vm))?;
        let globals = globals.to_owned().downcast::<PyDict>().map_err(|_| bad_internal_call(vm))?;
        let args = objects(args, argc, vm)?;
        let pairs = objects(kwds, kwdc.checked_mul(2).ok_or_else(|| bad_internal_call(vm))?, vm)?;
        let defaults = objects(defs, defc, vm)?;
        if code.flags.bits() as u32 & CO_NEWLOCALS == 0 {
            let locals = match locals.filter(|l| !vm.is_none(l)) {
                Some(l) => ArgMapping::try_from_object(vm, l)?,
                None => ArgMapping::from_dict_exact(globals.clone()),
            };
            return vm.run_code_obj(code, Scope::new(Some(locals), globals));
        }
        let name = code.as_object().get_attr("co_name", vm)?;
        let defaults: PyObjectRef = if defaults.is_empty() { vm.ctx.none() } else { vm.ctx.new_tuple(defaults).into() };
        let closure = closure.unwrap_or_else(|| vm.ctx.none());
        let func = vm.ctx.types.function_type.as_object().call((code, globals, name.clone(), defaults, closure), vm)?;
        func.set_attr("__qualname__", name, vm)?;
        if let Some(kwdefs) = kwdefs {
            func.set_attr("__kwdefaults__", kwdefs, vm)?;
        }
        let kwargs = pairs
            .chunks(2)
            .map(|pair| {
                let key = pair[0].downcast_ref::<rustpython_vm::builtins::PyStr>().ok_or_else(|| vm.new_type_error("keywords must be strings"))?;
                Ok((key.to_string(), pair[1].clone()))
            })
            .collect::<PyResult<Vec<_>>>()?;
        func.call(FuncArgs::new(args, kwargs.into_iter().collect::<KwArgs>()), vm)
    }

    fn PyEval_SetProfile(vm, func: TraceFunc, obj: Option<PyObjectRef>) -> crate::boundary::Void {
        set_tracer("setprofile", func, obj, "PyEval_SetProfile", vm);
        Ok(crate::boundary::Void)
    }

    fn PyEval_SetProfileAllThreads(vm, func: TraceFunc, obj: Option<PyObjectRef>) -> crate::boundary::Void {
        set_tracer("_setprofileallthreads", func, obj, "PyEval_SetProfileAllThreads", vm);
        Ok(crate::boundary::Void)
    }

    fn PyEval_SetTrace(vm, func: TraceFunc, obj: Option<PyObjectRef>) -> crate::boundary::Void {
        set_tracer("settrace", func, obj, "PyEval_SetTrace", vm);
        Ok(crate::boundary::Void)
    }

    fn PyEval_SetTraceAllThreads(vm, func: TraceFunc, obj: Option<PyObjectRef>) -> crate::boundary::Void {
        set_tracer("_settraceallthreads", func, obj, "PyEval_SetTraceAllThreads", vm);
        Ok(crate::boundary::Void)
    }

    /// Adds the running code's `__future__` flags to `cf_flags` (the first
    /// field of `PyCompilerFlags`); 1 if any flag is set then.
    unsafe fn PyEval_MergeCompilerFlags(vm, cf: *mut c_int) -> i32 {
        if cf.is_null() {
            return Err(bad_internal_call(vm));
        }
        let mut result = (*cf != 0) as i32;
        if let Some(frame) = vm.current_frame() {
            let flags = frame.f_code().flags.bits() as i32 & PYCF_MASK;
            if flags != 0 {
                *cf |= flags;
                result = 1;
            }
        }
        Ok(result)
    }

    unsafe fn _PyEval_SliceIndex(vm, v: &PyObject, pi: *mut isize) -> OneOnSuccess {
        slice_index(v, pi, true, vm)
    }

    unsafe fn _PyEval_SliceIndexNotNone(vm, v: &PyObject, pi: *mut isize) -> OneOnSuccess {
        slice_index(v, pi, false, vm)
    }

    /// The running frame (NULL, no exception, when there is none).
    fn PyEval_GetFrame(vm) -> Option<Borrowed<'static>> {
        Ok(vm.current_frame().map(|f| Borrowed::held_by_thread_state(f.as_object(), vm)))
    }

    /// The running frame's globals (NULL, no exception, when there is none).
    fn PyEval_GetGlobals(vm) -> Option<Borrowed<'static>> {
        let Some(frame) = vm.current_frame() else { return Ok(None) };
        let globals = frame.as_object().get_attr("f_globals", vm)?;
        Ok(Some(Borrowed::held_by_thread_state(&globals, vm)))
    }

    fn PyEval_GetFrameGlobals(vm) -> Option<PyObjectRef> {
        vm.current_frame().map(|f| f.as_object().get_attr("f_globals", vm)).transpose()
    }

    /// The running frame's builtins, else the interpreter's.
    fn PyEval_GetFrameBuiltins(vm) -> PyObjectRef {
        match vm.current_frame() {
            Some(f) => f.as_object().get_attr("f_builtins", vm),
            None => Ok(vm.builtins.dict().into()),
        }
    }

    /// A new dict of a function frame's variables (the frame's locals
    /// mapping itself for module and class code).
    fn PyEval_GetFrameLocals(vm) -> PyObjectRef {
        let frame = vm.current_frame().ok_or_else(|| vm.new_system_error("frame does not exist"))?;
        Ok(frame_locals(frame.as_object(), vm)?.0)
    }

    /// As `PyEval_GetFrameLocals`, but borrowed: a function frame's dict is
    /// kept with the frame and refreshed by every call, as CPython does.
    fn PyEval_GetLocals(vm) -> Borrowed<'static> {
        let frame = vm.current_frame().ok_or_else(|| vm.new_system_error("frame does not exist"))?;
        let (locals, snapshot) = frame_locals(frame.as_object(), vm)?;
        if !snapshot {
            return Ok(Borrowed::held_by_thread_state(&locals, vm));
        }
        let id = frame.as_object().get_id();
        let (dict, finished) = {
            // SAFETY: the GIL is held; nothing is called (or dropped) while
            // borrowing.
            let cache = unsafe { LOCALS_CACHE.get() }.get_or_insert_with(HashMap::new);
            // Frames that only this cache still holds have finished.
            let done: Vec<usize> = cache.iter().filter(|(_, (f, _))| f.strong_count() == 1).map(|(&k, _)| k).collect();
            let finished: Vec<_> = done.iter().filter_map(|k| cache.remove(k)).collect();
            let dict = cache.entry(id).or_insert_with(|| (frame.clone().into(), vm.ctx.new_dict().into())).1.clone();
            (dict, finished)
        };
        drop(finished);
        vm.call_method(&dict, "clear", ())?;
        vm.call_method(&dict, "update", (locals,))?;
        Ok(Borrowed::held_by_thread_state(&dict, vm))
    }

    /// The name of a function, a method's function or a builtin; else the
    /// object's type name. Valid for the life of the process.
    fn PyEval_GetFuncName(vm, func: PyObjectRef) -> *const c_char {
        let mut f = func;
        while f.class().is(vm.ctx.types.bound_method_type) {
            f = f.get_attr("__func__", vm)?;
        }
        let cls = f.class();
        let name = if cls.is(vm.ctx.types.function_type) || cls.is(vm.ctx.types.builtin_function_or_method_type) {
            f.get_attr("__name__", vm)?.str(vm)?.to_string()
        } else {
            let tp = proxy::as_c(cls.as_object(), vm) as *mut crate::ffi::PyTypeObject;
            unsafe { CStr::from_ptr((*tp).tp_name) }.to_string_lossy().into_owned()
        };
        Ok(kept_name(&name))
    }

    /// "()" after the name of a function, method or builtin, " object"
    /// after anything else's.
    fn PyEval_GetFuncDesc(vm, func: PyObjectRef) -> *const c_char {
        let cls = func.class();
        let callable = [vm.ctx.types.bound_method_type, vm.ctx.types.function_type, vm.ctx.types.builtin_function_or_method_type]
            .iter()
            .any(|t| cls.is(*t));
        Ok(if callable { c"()".as_ptr() } else { c" object".as_ptr() })
    }

    /// Runs what is pending: signal handlers (C cannot add calls here).
    fn Py_MakePendingCalls(vm) -> i32 {
        vm.check_signals().map(|()| 0)
    }

    fn Py_SetRecursionLimit(vm, new_limit: i32) -> crate::boundary::Void {
        vm.recursion_limit.set(new_limit.max(0) as usize);
        Ok(crate::boundary::Void)
    }

    fn Py_GetRecursionLimit(vm) -> i32 {
        Ok(vm.recursion_limit.get().min(i32::MAX as usize) as i32)
    }

    /// Always 1: the GIL exists from the start (as in CPython 3.7+).
    fn PyEval_ThreadsInitialized(vm) -> i32 {
        Ok(1)
    }

    /// RecursionError once C's own nesting passes the recursion limit.
    fn Py_EnterRecursiveCall(vm, place: &CStr) -> i32 {
        let depth = DEPTH.with(|d| d.get()) + 1;
        if depth > vm.recursion_limit.get() {
            let place = place.to_string_lossy();
            return Err(vm.new_recursion_error(format!("maximum recursion depth exceeded{place}")));
        }
        DEPTH.with(|d| d.set(depth));
        Ok(0)
    }

    fn Py_LeaveRecursiveCall(vm) -> crate::boundary::Void {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
        Ok(crate::boundary::Void)
    }

    /// What the recursion macros of CPython before 3.9 called once their
    /// count passed the limit: RecursionError when C's nesting is past it,
    /// else 0. The thread state is this thread's.
    fn _Py_CheckRecursiveCall(vm, tstate: *mut std::ffi::c_void, place: *const c_char) -> i32 {
        if DEPTH.with(|d| d.get()) > vm.recursion_limit.get() {
            let place = unsafe { crate::boundary::c_text(place, "") };
            return Err(vm.new_recursion_error(format!("maximum recursion depth exceeded{place}")));
        }
        Ok(0)
    }

    /// The old `PyObject_Call`: NULL `args` is no arguments, and `args` must
    /// be a tuple and `kwargs` a dict.
    fn PyEval_CallObjectWithKeywords(vm, callable: PyObjectRef, args: Option<PyObjectRef>, kwargs: Option<PyObjectRef>) -> PyObjectRef {
        if args.as_ref().is_some_and(|a| a.downcast_ref::<rustpython_vm::builtins::PyTuple>().is_none()) {
            return Err(vm.new_type_error("argument list must be a tuple"));
        }
        if kwargs.as_ref().is_some_and(|k| k.downcast_ref::<PyDict>().is_none()) {
            return Err(vm.new_type_error("keyword list must be a dictionary"));
        }
        let args = args.unwrap_or_else(|| vm.ctx.empty_tuple.clone().into());
        crate::abstract_::call::call(callable, args, kwargs, vm)
    }
}
