//! Calling objects from C (`abstract.h`, "Call"): `PyObject_Call` and friends.
//! The variadic ones (`PyObject_CallFunction`, ...) are C shims over these.
//! The GIL is given up for the call (see `pystate`): arbitrary Python code
//! runs there, and other threads may need C meanwhile.

use crate::capi;
use crate::ffi::PyObject as CObject;
use crate::{proxy, pystate};
use rustpython_vm::{
    AsObject, PyObjectRef, PyResult, VirtualMachine,
    builtins::{PyDict, PyStr, PyTuple},
    function::{FuncArgs, KwArgs},
};

/// Keyword arguments from a dict given by C.
pub(crate) fn kwargs_of(kwargs: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<KwArgs> {
    let Some(kwargs) = kwargs else { return Ok(KwArgs::default()) };
    let dict = kwargs
        .downcast::<PyDict>()
        .map_err(|o| vm.new_type_error(format!("argument after ** must be a mapping, not {}", o.class().name())))?;
    dict.into_iter()
        .map(|(k, v)| {
            let k = k.downcast::<PyStr>().map_err(|_| vm.new_type_error("keywords must be strings"))?;
            Ok((k.as_wtf8().to_owned(), v))
        })
        .collect()
}

crate::declared_here!(PyVectorcall_NARGS);

/// The stable ABI's `PyVectorcall_NARGS()`: the argument count of a
/// vectorcall's `nargsf`, without `PY_VECTORCALL_ARGUMENTS_OFFSET`.
#[unsafe(no_mangle)]
pub extern "C" fn PyVectorcall_NARGS(nargsf: usize) -> isize {
    (nargsf & !(1usize << (usize::BITS - 1))) as isize
}

/// `callable(*args, **kwargs)`, as `PyObject_Call` makes it.
pub(crate) fn call(callable: PyObjectRef, args: PyObjectRef, kwargs: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult {
    let args = FuncArgs::new(positional(args, vm)?, kwargs_of(kwargs, vm)?);
    pystate::without_gil(|| callable.call_with_args(args, vm))
}

pub(crate) fn positional(args: PyObjectRef, vm: &VirtualMachine) -> PyResult<Vec<PyObjectRef>> {
    match args.downcast_ref::<PyTuple>() {
        Some(t) => Ok(t.as_slice().to_vec()),
        None => Err(vm.new_type_error(format!("argument list must be a tuple, not {}", args.class().name()))),
    }
}

/// The arguments of a vectorcall: `nargsf` positional ones (masked by
/// `PY_VECTORCALL_ARGUMENTS_OFFSET`), then one value per name in `kwnames`.
fn vector_args(args: *const *mut CObject, nargsf: usize, kwnames: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<FuncArgs> {
    let nargs = nargsf & !(1usize << (usize::BITS - 1));
    let names: Vec<PyObjectRef> = match kwnames {
        Some(k) => positional(k, vm)?,
        None => vec![],
    };
    if args.is_null() && nargs + names.len() > 0 {
        return Err(crate::boundary::null_argument(vm));
    }
    let mut all = Vec::with_capacity(nargs + names.len());
    for i in 0..nargs + names.len() {
        let p = unsafe { *args.add(i) };
        if p.is_null() {
            return Err(crate::boundary::null_argument(vm));
        }
        all.push(unsafe { proxy::from_c(p, vm)? });
    }
    let kw = all.split_off(nargs);
    let kwargs = names
        .into_iter()
        .zip(kw)
        .map(|(k, v)| {
            let k = k.downcast::<PyStr>().map_err(|_| vm.new_type_error("keywords must be strings"))?;
            Ok((k.as_wtf8().to_owned(), v))
        })
        .collect::<PyResult<KwArgs>>()?;
    Ok(FuncArgs::new(all, kwargs))
}

capi! {
    fn PyObject_Call(vm, callable: PyObjectRef, args: PyObjectRef, kwargs: Option<PyObjectRef>) -> PyObjectRef {
        call(callable, args, kwargs, vm)
    }

    fn PyObject_CallObject(vm, callable: PyObjectRef, args: Option<PyObjectRef>) -> PyObjectRef {
        let args = match args {
            Some(a) => positional(a, vm)?,
            None => vec![],
        };
        pystate::without_gil(|| callable.call(args, vm))
    }

    fn PyObject_CallNoArgs(vm, callable: PyObjectRef) -> PyObjectRef {
        pystate::without_gil(|| callable.call((), vm))
    }

    fn PyObject_CallOneArg(vm, callable: PyObjectRef, arg: PyObjectRef) -> PyObjectRef {
        pystate::without_gil(|| callable.call((arg,), vm))
    }

    fn PyObject_Vectorcall(vm, callable: PyObjectRef, args: *const *mut CObject, nargsf: usize, kwnames: Option<PyObjectRef>) -> PyObjectRef {
        let args = vector_args(args, nargsf, kwnames, vm)?;
        pystate::without_gil(|| callable.call_with_args(args, vm))
    }

    fn PyObject_VectorcallDict(vm, callable: PyObjectRef, args: *const *mut CObject, nargsf: usize, kwargs: Option<PyObjectRef>) -> PyObjectRef {
        let nargs = nargsf & !(1usize << (usize::BITS - 1));
        let mut all = Vec::with_capacity(nargs);
        for i in 0..nargs {
            let p = unsafe { *args.add(i) };
            if p.is_null() {
                return Err(crate::boundary::null_argument(vm));
            }
            all.push(unsafe { proxy::from_c(p, vm)? });
        }
        let kwargs = kwargs_of(kwargs, vm)?;
        pystate::without_gil(|| callable.call_with_args(FuncArgs::new(all, kwargs), vm))
    }
}

capi! {
    /// `args[0]` is the object whose method `name` is called with the rest.
    fn PyObject_VectorcallMethod(vm, name: PyObjectRef, args: *const *mut CObject, nargsf: usize, kwnames: Option<PyObjectRef>) -> PyObjectRef {
        let mut args = vector_args(args, nargsf, kwnames, vm)?;
        if args.args.is_empty() {
            return Err(vm.new_system_error("PyObject_VectorcallMethod needs the object as args[0]"));
        }
        let zelf = args.args.remove(0);
        let method = zelf.get_attr(&crate::object::attr_name(name, vm)?, vm)?;
        pystate::without_gil(|| method.call_with_args(args, vm))
    }
}

/// The vectorcall function an object carries at its type's
/// `tp_vectorcall_offset`, if its type has `Py_TPFLAGS_HAVE_VECTORCALL`.
pub(crate) unsafe fn vectorcall_of(o: *mut CObject) -> Option<unsafe extern "C" fn(*mut CObject, *const *mut CObject, usize, *mut CObject) -> *mut CObject> {
    unsafe {
        let tp = (*o).ob_type;
        if (*tp).tp_flags & crate::ffi::Py_TPFLAGS_HAVE_VECTORCALL == 0 || (*tp).tp_vectorcall_offset <= 0 {
            return None;
        }
        *((o as *mut u8).offset((*tp).tp_vectorcall_offset) as *const crate::ffi::vectorcallfunc)
    }
}

/// Lends positional and keyword arguments to C as `tp_call`, `tp_new`,
/// `tp_init` and METH_VARARGS|METH_KEYWORDS take them: `f` gets a tuple and
/// a dict (NULL when there are no keywords), released after the call.
pub(crate) fn lend_tuple<R>(
    pos: &[PyObjectRef],
    kwargs: KwArgs,
    vm: &VirtualMachine,
    f: impl FnOnce(*mut CObject, *mut CObject) -> R,
) -> PyResult<R> {
    let t = crate::tupleobject::tuple_from(pos, vm)?;
    let kw = if kwargs.is_empty() {
        std::ptr::null_mut()
    } else {
        let d = vm.ctx.new_dict();
        for (k, v) in kwargs {
            if let Err(e) = d.set_item(vm.ctx.new_str(k).as_object(), v, vm) {
                unsafe { proxy::decref(t) };
                return Err(e);
            }
        }
        proxy::to_c_new(d.as_object(), vm)
    };
    let r = f(t, kw);
    unsafe {
        proxy::decref(t);
        if !kw.is_null() {
            proxy::decref(kw);
        }
    }
    Ok(r)
}

/// Lends positional and keyword arguments to C in the vectorcall layout:
/// `f` gets the values (positional first) and the tuple of keyword names
/// (NULL when there are none), borrowed for the call.
pub(crate) fn lend_vector<R>(
    pos: &[PyObjectRef],
    kwargs: KwArgs,
    vm: &VirtualMachine,
    f: impl FnOnce(*const *mut CObject, usize, *mut CObject) -> R,
) -> PyResult<R> {
    let mut argv: Vec<*mut CObject> = Vec::with_capacity(pos.len() + kwargs.len());
    argv.extend(pos.iter().map(|a| proxy::as_c(a, vm)));
    let mut names = Vec::with_capacity(kwargs.len());
    // The values stay held here for the call: C borrows their proxies.
    let mut values = Vec::with_capacity(kwargs.len());
    for (k, v) in kwargs {
        names.push(PyObjectRef::from(vm.ctx.new_str(k)));
        argv.push(proxy::as_c(&v, vm));
        values.push(v);
    }
    let kwnames = if names.is_empty() { std::ptr::null_mut() } else { crate::tupleobject::tuple_from(&names, vm)? };
    let r = f(argv.as_ptr(), pos.len(), kwnames);
    if !kwnames.is_null() {
        unsafe { proxy::decref(kwnames) };
    }
    proxy::release_borrowed(pos.iter().chain(&values).map(|a| &**a));
    Ok(r)
}

/// Calls the vectorcall function `f` of `callable` with `args`.
pub(crate) unsafe fn vectorcall(
    callable: *mut CObject,
    f: unsafe extern "C" fn(*mut CObject, *const *mut CObject, usize, *mut CObject) -> *mut CObject,
    args: FuncArgs,
    vm: &VirtualMachine,
) -> PyResult {
    let FuncArgs { args: pos, kwargs } = args;
    let r = lend_vector(&pos, kwargs, vm, |argv, n, kwnames| unsafe { f(callable, argv, n, kwnames) })?;
    crate::pyerrors::check_result(r, || "vectorcall".to_owned(), vm)
}

capi! {
    unsafe fn PyVectorcall_Function(vm, o: crate::boundary::Ptr) -> *mut std::ffi::c_void {
        Ok(vectorcall_of(o.0).map_or(std::ptr::null_mut(), |f| f as *mut std::ffi::c_void))
    }

    /// Calls `callable`'s vectorcall function with a tuple and a dict, as
    /// `tp_call` of a type with `Py_TPFLAGS_HAVE_VECTORCALL` does. Objects
    /// of the VM (whose builtins all have vectorcall in CPython) are called.
    unsafe fn PyVectorcall_Call(vm, callable: crate::boundary::Ptr, args: PyObjectRef, kwargs: Option<PyObjectRef>) -> PyObjectRef {
        let args = FuncArgs::new(positional(args, vm)?, kwargs_of(kwargs, vm)?);
        match vectorcall_of(callable.0) {
            Some(f) => vectorcall(callable.0, f, args, vm),
            None if !proxy::is_c_instance(callable.0) => {
                let obj = proxy::from_c(callable.0, vm)?;
                pystate::without_gil(|| obj.call(args, vm))
            }
            None => Err(vm.new_type_error(format!(
                "'{}' object does not support vectorcall",
                std::ffi::CStr::from_ptr((*(*callable.0).ob_type).tp_name).to_string_lossy()
            ))),
        }
    }
}
