//! Calling objects from C (`abstract.h`, "Call"): `PyObject_Call` and friends.
//! The variadic ones (`PyObject_CallFunction`, ...) are C shims over these.
//! The GIL is given up for the call (see `pystate`): arbitrary Python code
//! runs there, and other threads may need C meanwhile.

use crate::capi;
use crate::ffi::PyObject as CObject;
use crate::{proxy, pystate};
use rustpython_vm::{
    PyObjectRef, PyResult, VirtualMachine,
    builtins::{PyDict, PyStr, PyTuple},
    function::{FuncArgs, KwArgs},
};

/// Keyword arguments from a dict given by C.
fn kwargs_of(kwargs: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<KwArgs> {
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

fn positional(args: PyObjectRef, vm: &VirtualMachine) -> PyResult<Vec<PyObjectRef>> {
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
        let args = FuncArgs::new(positional(args, vm)?, kwargs_of(kwargs, vm)?);
        pystate::without_gil(|| callable.call_with_args(args, vm))
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
