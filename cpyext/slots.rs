//! Type slots in both directions (CPython's `slotdefs` in `typeobject.c`).
//!
//! C -> Python: each slot a C type defines itself becomes its dunder in the
//! class dict (`__add__` and `__radd__` for `nb_add`, `__getitem__` for
//! `mp_subscript`, ...), a method descriptor that converts the arguments
//! and calls the C function. The VM then sees a class defining `__add__` and
//! fills its own slots from it, so operators, reflected operands and
//! `NotImplemented` follow the VM's (CPython's) rules, and a Python subclass
//! that overrides the dunder wins.
//!
//! Python -> C: the type object C sees for a VM type ([`fill_tables`]) has
//! its slots set to functions that call back into the VM (`nb_add` is
//! `PyNumber_Add`, `sq_item` calls `__getitem__`, ...), only for the
//! operations the VM type supports, so that C code testing
//! `tp_as_number->nb_index != NULL` learns what CPython would tell it.

use crate::ffi::{self, PyObject as CObject, PyTypeObject};
use crate::{abstract_, object, proxy, pyerrors, pystate, tupleobject};
use rustpython_vm::{
    AsObject, Py, PyObjectRef, PyResult, VirtualMachine,
    builtins::{PyStr, PyType},
    function::{FuncArgs, IntoPyNativeFn, ItemDoc, PyMethodDef, PyMethodFlags},
};
use std::ffi::c_int;

type Body = dyn Fn(&[PyObjectRef], &VirtualMachine) -> PyResult + Send + Sync;

fn placeholder(_args: FuncArgs, _vm: &VirtualMachine) {}

/// A method descriptor named `name` on `class` whose call runs `body` with
/// the GIL held, on the positional arguments (`self` first).
fn wrapper(
    name: &'static str,
    arity: std::ops::RangeInclusive<usize>,
    class: &'static Py<PyType>,
    body: Box<Body>,
    vm: &VirtualMachine,
) -> PyObjectRef {
    let func = move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
        if !args.kwargs.is_empty() {
            return Err(vm.new_type_error(format!("wrapper {name}() takes no keyword arguments")));
        }
        let n = args.args.len();
        if !arity.contains(&n) {
            let (lo, hi) = (arity.start() - 1, arity.end() - 1);
            let expected = if lo == hi { format!("{lo}") } else { format!("from {lo} to {hi}") };
            return Err(vm.new_type_error(format!(
                "expected {expected} argument{}, got {}",
                if hi == 1 { "" } else { "s" },
                n.saturating_sub(1)
            )));
        }
        pystate::enter(vm, || {
            let r = body(&args.args, vm);
            proxy::release_borrowed(&args.args);
            r
        })
    };
    let mut def = PyMethodDef::new_const(name, placeholder, PyMethodFlags::METHOD, ItemDoc::NONE);
    def.func = Box::leak(Box::new(func.into_func()));
    let def: &'static PyMethodDef = Box::leak(Box::new(def));
    def.build_method(&vm.ctx, class).into()
}

/// Like [`wrapper`], for slots that take `*args, **kwargs` (`tp_call`,
/// `tp_init`): `body` gets `self`, the argument tuple and the keyword dict.
fn wrapper_varargs(
    name: &'static str,
    class: &'static Py<PyType>,
    body: impl Fn(*mut CObject, *mut CObject, *mut CObject, &VirtualMachine) -> PyResult + Send + Sync + 'static,
    vm: &VirtualMachine,
) -> PyObjectRef {
    let func = move |args: FuncArgs, vm: &VirtualMachine| -> PyResult {
        pystate::enter(vm, || {
            let Some((zelf, pos)) = args.args.split_first() else {
                return Err(vm.new_type_error(format!("descriptor '{name}' needs an argument")));
            };
            let t = tupleobject::tuple_from(pos, vm)?;
            let kw = kwargs_dict(args.kwargs, vm)?;
            let r = body(proxy::as_c(zelf, vm), t, kw, vm);
            unsafe {
                proxy::decref(t);
                if !kw.is_null() {
                    proxy::decref(kw);
                }
            }
            proxy::release_borrowed(std::slice::from_ref(zelf));
            r
        })
    };
    let mut def = PyMethodDef::new_const(name, placeholder, PyMethodFlags::METHOD, ItemDoc::NONE);
    def.func = Box::leak(Box::new(func.into_func()));
    let def: &'static PyMethodDef = Box::leak(Box::new(def));
    def.build_method(&vm.ctx, class).into()
}

/// A new reference to a dict of `kwargs`, or NULL when there are none.
pub fn kwargs_dict(kwargs: rustpython_vm::function::KwArgs, vm: &VirtualMachine) -> PyResult<*mut CObject> {
    if kwargs.is_empty() {
        return Ok(std::ptr::null_mut());
    }
    let d = vm.ctx.new_dict();
    for (k, v) in kwargs {
        d.set_item(vm.ctx.new_str(k).as_object(), v, vm)?;
    }
    Ok(proxy::to_c_new(d.as_object(), vm))
}

fn result(r: *mut CObject, name: &str, vm: &VirtualMachine) -> PyResult {
    pyerrors::check_result(r, || format!("slot {name}"), vm)
}

fn status(r: c_int, name: &str, vm: &VirtualMachine) -> PyResult<()> {
    pyerrors::check_status(r, || format!("slot {name}"), vm)
}

fn c(o: &PyObjectRef, vm: &VirtualMachine) -> *mut CObject {
    proxy::as_c(o, vm)
}

/// An optional argument, `None` when absent (`pow`'s modulus).
fn c_or_none(args: &[PyObjectRef], i: usize, vm: &VirtualMachine) -> *mut CObject {
    match args.get(i) {
        Some(o) => c(o, vm),
        None => proxy::as_c(vm.ctx.none.as_object(), vm),
    }
}

/// An index argument; `not_index` is the error for an object that has no
/// `__index__`.
fn index_arg(o: &PyObjectRef, not_index: &str, vm: &VirtualMachine) -> PyResult<isize> {
    use num_traits::ToPrimitive;
    let i = o
        .try_index_opt(vm)
        .unwrap_or_else(|| Err(vm.new_type_error(format!("{not_index}'{}'", o.class().name()))))?;
    i.as_bigint().to_isize().ok_or_else(|| {
        vm.new_index_error(format!("cannot fit '{}' into an index-sized integer", o.class().name()))
    })
}

/// `sq_item`'s index as `wrap_sq_item` passes it: negative counts from the
/// end when the type has `sq_length`.
unsafe fn sequence_index(zelf: *mut CObject, o: &PyObjectRef, vm: &VirtualMachine) -> PyResult<isize> {
    let mut i = index_arg(o, SEQUENCE_INDEX, vm)?;
    if i < 0 {
        unsafe {
            let sq = (*(*zelf).ob_type).tp_as_sequence;
            if let Some(len) = sq.as_ref().and_then(|s| s.sq_length) {
                let n = len(zelf);
                if n < 0 {
                    return Err(pyerrors::take().unwrap_or_else(|| vm.new_system_error("sq_length failed")));
                }
                i += n;
            }
        }
    }
    Ok(i)
}

/// Adds to `class` the dunders for the slots `tp` defines itself (before
/// inheriting its base's), in CPython's order of precedence: the first slot
/// to claim a name has it.
pub unsafe fn add_operators(tp: *mut PyTypeObject, class: &'static Py<PyType>, vm: &VirtualMachine) -> PyResult<()> {
    let mut ops: Vec<(&'static str, PyObjectRef)> = Vec::new();
    let mut add = |name: &'static str, make: &dyn Fn() -> PyObjectRef| {
        if !ops.iter().any(|(n, _)| *n == name) {
            ops.push((name, make()));
        }
    };
    macro_rules! unary {
        ($name:literal, $f:expr) => {
            if let Some(f) = $f {
                add($name, &|| {
                    wrapper($name, 1..=1, class, Box::new(move |a, vm| result(f(c(&a[0], vm)), $name, vm)), vm)
                });
            }
        };
    }
    macro_rules! binary {
        ($name:literal, $rname:literal, $f:expr) => {
            if let Some(f) = $f {
                add($name, &|| {
                    wrapper($name, 2..=2, class, Box::new(move |a, vm| {
                        result(f(c(&a[0], vm), c(&a[1], vm)), $name, vm)
                    }), vm)
                });
                if !$rname.is_empty() {
                    add($rname, &|| {
                        wrapper($rname, 2..=2, class, Box::new(move |a, vm| {
                            result(f(c(&a[1], vm), c(&a[0], vm)), $rname, vm)
                        }), vm)
                    });
                }
            }
        };
    }
    macro_rules! ternary {
        ($name:literal, $rname:literal, $f:expr) => {
            if let Some(f) = $f {
                add($name, &|| {
                    wrapper($name, 2..=3, class, Box::new(move |a, vm| {
                        result(f(c(&a[0], vm), c(&a[1], vm), c_or_none(a, 2, vm)), $name, vm)
                    }), vm)
                });
                if !$rname.is_empty() {
                    add($rname, &|| {
                        wrapper($rname, 2..=3, class, Box::new(move |a, vm| {
                            result(f(c(&a[1], vm), c(&a[0], vm), c_or_none(a, 2, vm)), $rname, vm)
                        }), vm)
                    });
                }
            }
        };
    }
    unsafe {
        let t = &*tp;
        if let Some(f) = t.tp_repr {
            if f as usize != object::PyObject_Repr as *const () as usize {
                add("__repr__", &|| wrapper("__repr__", 1..=1, class, Box::new(move |a, vm| result(f(c(&a[0], vm)), "__repr__", vm)), vm));
            }
        }
        if let Some(f) = t.tp_hash {
            if f as usize == object::PyObject_HashNotImplemented as *const () as usize {
                add("__hash__", &|| vm.ctx.none());
            } else if f as usize != object::PyObject_Hash as *const () as usize {
                add("__hash__", &|| {
                    wrapper("__hash__", 1..=1, class, Box::new(move |a, vm| {
                        let h = f(c(&a[0], vm));
                        if h == -1 {
                            if let Some(e) = pyerrors::take() {
                                return Err(e);
                            }
                        }
                        Ok(vm.ctx.new_int(h).into())
                    }), vm)
                });
            }
        }
        if let Some(f) = t.tp_call {
            add("__call__", &|| wrapper_varargs("__call__", class, move |s, args, kw, vm| result(f(s, args, kw), "__call__", vm), vm));
        }
        if let Some(f) = t.tp_str {
            if f as usize != object::PyObject_Str as *const () as usize {
                add("__str__", &|| wrapper("__str__", 1..=1, class, Box::new(move |a, vm| result(f(c(&a[0], vm)), "__str__", vm)), vm));
            }
        }
        if let Some(f) = t.tp_getattro {
            if f as usize != object::PyObject_GenericGetAttr as *const () as usize && f as usize != object::PyObject_GetAttr as *const () as usize {
                add("__getattribute__", &|| {
                    wrapper("__getattribute__", 2..=2, class, Box::new(move |a, vm| {
                        attr_name(&a[1], vm)?;
                        result(f(c(&a[0], vm), c(&a[1], vm)), "__getattribute__", vm)
                    }), vm)
                });
            }
        }
        if let Some(f) = t.tp_setattro {
            if f as usize != object::PyObject_GenericSetAttr as *const () as usize && f as usize != object::PyObject_SetAttr as *const () as usize {
                add("__setattr__", &|| {
                    wrapper("__setattr__", 3..=3, class, Box::new(move |a, vm| {
                        attr_name(&a[1], vm)?;
                        status(f(c(&a[0], vm), c(&a[1], vm), c(&a[2], vm)), "__setattr__", vm)?;
                        Ok(vm.ctx.none())
                    }), vm)
                });
                add("__delattr__", &|| {
                    wrapper("__delattr__", 2..=2, class, Box::new(move |a, vm| {
                        attr_name(&a[1], vm)?;
                        status(f(c(&a[0], vm), c(&a[1], vm), std::ptr::null_mut()), "__delattr__", vm)?;
                        Ok(vm.ctx.none())
                    }), vm)
                });
            }
        }
        if let Some(f) = t.tp_richcompare {
            if f as usize != object::PyObject_RichCompare as *const () as usize {
                for (name, op) in [
                    ("__lt__", ffi::Py_LT),
                    ("__le__", ffi::Py_LE),
                    ("__eq__", ffi::Py_EQ),
                    ("__ne__", ffi::Py_NE),
                    ("__gt__", ffi::Py_GT),
                    ("__ge__", ffi::Py_GE),
                ] {
                    add(name, &|| {
                        wrapper(name, 2..=2, class, Box::new(move |a, vm| result(f(c(&a[0], vm), c(&a[1], vm), op), name, vm)), vm)
                    });
                }
            }
        }
        if let Some(f) = t.tp_iter {
            if f as usize != object::PyObject_SelfIter as *const () as usize || t.tp_iternext.is_some() {
                add("__iter__", &|| wrapper("__iter__", 1..=1, class, Box::new(move |a, vm| result(f(c(&a[0], vm)), "__iter__", vm)), vm));
            }
        }
        if let Some(f) = t.tp_iternext {
            add("__next__", &|| {
                wrapper("__next__", 1..=1, class, Box::new(move |a, vm| {
                    let r = f(c(&a[0], vm));
                    if r.is_null() && !pyerrors::occurred() {
                        return Err(vm.new_stop_iteration(None));
                    }
                    result(r, "__next__", vm)
                }), vm)
            });
        }
        if let Some(f) = t.tp_descr_get {
            add("__get__", &|| {
                wrapper("__get__", 2..=3, class, Box::new(move |a, vm| {
                    let none = |o: Option<&PyObjectRef>| match o {
                        Some(o) if !vm.is_none(o) => c(o, vm),
                        _ => std::ptr::null_mut(),
                    };
                    let (obj, ty) = (none(a.get(1)), none(a.get(2)));
                    if obj.is_null() && ty.is_null() {
                        return Err(vm.new_type_error("__get__(None, None) is invalid"));
                    }
                    result(f(c(&a[0], vm), obj, ty), "__get__", vm)
                }), vm)
            });
        }
        if let Some(f) = t.tp_descr_set {
            add("__set__", &|| {
                wrapper("__set__", 3..=3, class, Box::new(move |a, vm| {
                    status(f(c(&a[0], vm), c(&a[1], vm), c(&a[2], vm)), "__set__", vm)?;
                    Ok(vm.ctx.none())
                }), vm)
            });
            add("__delete__", &|| {
                wrapper("__delete__", 2..=2, class, Box::new(move |a, vm| {
                    status(f(c(&a[0], vm), c(&a[1], vm), std::ptr::null_mut()), "__delete__", vm)?;
                    Ok(vm.ctx.none())
                }), vm)
            });
        }
        if let Some(f) = t.tp_init {
            add("__init__", &|| {
                wrapper_varargs("__init__", class, move |s, args, kw, vm| {
                    status(f(s, args, kw), "__init__", vm)?;
                    Ok(vm.ctx.none())
                }, vm)
            });
        }
        if let Some(f) = t.tp_finalize {
            add("__del__", &|| {
                wrapper("__del__", 1..=1, class, Box::new(move |a, vm| {
                    let s = c(&a[0], vm);
                    if proxy::finalizer_due(s) {
                        f(s);
                    }
                    match pyerrors::take() {
                        Some(e) => Err(e),
                        None => Ok(vm.ctx.none()),
                    }
                }), vm)
            });
        }
        if let Some(am) = t.tp_as_async.as_ref() {
            unary!("__await__", am.am_await);
            unary!("__aiter__", am.am_aiter);
            unary!("__anext__", am.am_anext);
        }
        if let Some(nb) = t.tp_as_number.as_ref() {
            binary!("__add__", "__radd__", nb.nb_add);
            binary!("__sub__", "__rsub__", nb.nb_subtract);
            binary!("__mul__", "__rmul__", nb.nb_multiply);
            binary!("__mod__", "__rmod__", nb.nb_remainder);
            binary!("__divmod__", "__rdivmod__", nb.nb_divmod);
            ternary!("__pow__", "__rpow__", nb.nb_power);
            unary!("__neg__", nb.nb_negative);
            unary!("__pos__", nb.nb_positive);
            unary!("__abs__", nb.nb_absolute);
            if let Some(f) = nb.nb_bool {
                add("__bool__", &|| {
                    wrapper("__bool__", 1..=1, class, Box::new(move |a, vm| {
                        let r = f(c(&a[0], vm));
                        status(r, "__bool__", vm)?;
                        Ok(vm.ctx.new_bool(r != 0).into())
                    }), vm)
                });
            }
            unary!("__invert__", nb.nb_invert);
            binary!("__lshift__", "__rlshift__", nb.nb_lshift);
            binary!("__rshift__", "__rrshift__", nb.nb_rshift);
            binary!("__and__", "__rand__", nb.nb_and);
            binary!("__xor__", "__rxor__", nb.nb_xor);
            binary!("__or__", "__ror__", nb.nb_or);
            unary!("__int__", nb.nb_int);
            unary!("__float__", nb.nb_float);
            binary!("__iadd__", "", nb.nb_inplace_add);
            binary!("__isub__", "", nb.nb_inplace_subtract);
            binary!("__imul__", "", nb.nb_inplace_multiply);
            binary!("__imod__", "", nb.nb_inplace_remainder);
            ternary!("__ipow__", "", nb.nb_inplace_power);
            binary!("__ilshift__", "", nb.nb_inplace_lshift);
            binary!("__irshift__", "", nb.nb_inplace_rshift);
            binary!("__iand__", "", nb.nb_inplace_and);
            binary!("__ixor__", "", nb.nb_inplace_xor);
            binary!("__ior__", "", nb.nb_inplace_or);
            binary!("__floordiv__", "__rfloordiv__", nb.nb_floor_divide);
            binary!("__truediv__", "__rtruediv__", nb.nb_true_divide);
            binary!("__ifloordiv__", "", nb.nb_inplace_floor_divide);
            binary!("__itruediv__", "", nb.nb_inplace_true_divide);
            unary!("__index__", nb.nb_index);
            binary!("__matmul__", "__rmatmul__", nb.nb_matrix_multiply);
            binary!("__imatmul__", "", nb.nb_inplace_matrix_multiply);
        }
        if let Some(mp) = t.tp_as_mapping.as_ref() {
            if let Some(f) = mp.mp_length {
                add("__len__", &|| len_wrapper(f, class, vm));
            }
            binary!("__getitem__", "", mp.mp_subscript);
            if let Some(f) = mp.mp_ass_subscript {
                add("__setitem__", &|| {
                    wrapper("__setitem__", 3..=3, class, Box::new(move |a, vm| {
                        status(f(c(&a[0], vm), c(&a[1], vm), c(&a[2], vm)), "__setitem__", vm)?;
                        Ok(vm.ctx.none())
                    }), vm)
                });
                add("__delitem__", &|| {
                    wrapper("__delitem__", 2..=2, class, Box::new(move |a, vm| {
                        status(f(c(&a[0], vm), c(&a[1], vm), std::ptr::null_mut()), "__delitem__", vm)?;
                        Ok(vm.ctx.none())
                    }), vm)
                });
            }
        }
        if let Some(sq) = t.tp_as_sequence.as_ref() {
            if let Some(f) = sq.sq_length {
                add("__len__", &|| len_wrapper(f, class, vm));
            }
            binary!("__add__", "", sq.sq_concat);
            if let Some(f) = sq.sq_repeat {
                for name in ["__mul__", "__rmul__"] {
                    add(name, &|| {
                        wrapper(name, 2..=2, class, Box::new(move |a, vm| result(f(c(&a[0], vm), index_arg(&a[1], REPEAT_COUNT, vm)?), name, vm)), vm)
                    });
                }
            }
            if let Some(f) = sq.sq_item {
                add("__getitem__", &|| {
                    wrapper("__getitem__", 2..=2, class, Box::new(move |a, vm| {
                        let s = c(&a[0], vm);
                        result(f(s, sequence_index(s, &a[1], vm)?), "__getitem__", vm)
                    }), vm)
                });
            }
            if let Some(f) = sq.sq_ass_item {
                add("__setitem__", &|| {
                    wrapper("__setitem__", 3..=3, class, Box::new(move |a, vm| {
                        let s = c(&a[0], vm);
                        status(f(s, sequence_index(s, &a[1], vm)?, c(&a[2], vm)), "__setitem__", vm)?;
                        Ok(vm.ctx.none())
                    }), vm)
                });
                add("__delitem__", &|| {
                    wrapper("__delitem__", 2..=2, class, Box::new(move |a, vm| {
                        let s = c(&a[0], vm);
                        status(f(s, sequence_index(s, &a[1], vm)?, std::ptr::null_mut()), "__delitem__", vm)?;
                        Ok(vm.ctx.none())
                    }), vm)
                });
            }
            if let Some(f) = sq.sq_contains {
                add("__contains__", &|| {
                    wrapper("__contains__", 2..=2, class, Box::new(move |a, vm| {
                        let r = f(c(&a[0], vm), c(&a[1], vm));
                        status(r, "__contains__", vm)?;
                        Ok(vm.ctx.new_bool(r != 0).into())
                    }), vm)
                });
            }
            binary!("__iadd__", "", sq.sq_inplace_concat);
            if let Some(f) = sq.sq_inplace_repeat {
                add("__imul__", &|| {
                    wrapper("__imul__", 2..=2, class, Box::new(move |a, vm| result(f(c(&a[0], vm), index_arg(&a[1], REPEAT_COUNT, vm)?), "__imul__", vm)), vm)
                });
            }
        }
    }
    for (name, value) in ops {
        crate::typeobject::put_attr(class, vm.ctx.intern_str(name), value, vm)?;
    }
    Ok(())
}

fn len_wrapper(f: unsafe extern "C" fn(*mut CObject) -> isize, class: &'static Py<PyType>, vm: &VirtualMachine) -> PyObjectRef {
    wrapper("__len__", 1..=1, class, Box::new(move |a, vm| {
        let n = unsafe { f(c(&a[0], vm)) };
        if n < 0 {
            return Err(pyerrors::take().unwrap_or_else(|| vm.new_system_error("__len__ failed without an exception")));
        }
        Ok(vm.ctx.new_int(n).into())
    }), vm)
}

const SEQUENCE_INDEX: &str = "sequence index must be integer, not ";
const REPEAT_COUNT: &str = "can't multiply sequence by non-int of type ";

fn attr_name(o: &PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    if o.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error(format!("attribute name must be string, not '{}'", o.class().name())));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Python -> C: the slots of a VM type's type object

/// The method tables of a type object C sees for a VM type.
#[repr(C)]
#[derive(Default)]
pub struct Tables {
    pub as_async: ffi::PyAsyncMethods,
    pub as_number: ffi::PyNumberMethods,
    pub as_mapping: ffi::PyMappingMethods,
    pub as_sequence: ffi::PySequenceMethods,
}

/// Points `tp`'s method tables at `tables`, filled with the operations the
/// VM type `ty` has.
pub unsafe fn fill_tables(tp: *mut PyTypeObject, tables: *mut Tables, ty: &Py<PyType>, vm: &VirtualMachine) {
    use abstract_::number::*;
    let s = &ty.slots;
    let n = &s.as_number;
    let has = |name: &str| ty.has_attr(vm.ctx.intern_str(name));
    unsafe {
        let nb = &mut (*tables).as_number;
        macro_rules! set {
            ($field:ident = $f:expr, $($present:expr),+) => {
                if $($present)||+ {
                    nb.$field = Some($f);
                }
            };
        }
        set!(nb_add = PyNumber_Add, n.add.load().is_some(), n.right_add.load().is_some());
        set!(nb_subtract = PyNumber_Subtract, n.subtract.load().is_some(), n.right_subtract.load().is_some());
        set!(nb_multiply = PyNumber_Multiply, n.multiply.load().is_some(), n.right_multiply.load().is_some());
        set!(nb_remainder = PyNumber_Remainder, n.remainder.load().is_some(), n.right_remainder.load().is_some());
        set!(nb_divmod = PyNumber_Divmod, n.divmod.load().is_some(), n.right_divmod.load().is_some());
        set!(nb_power = PyNumber_Power, n.power.load().is_some(), n.right_power.load().is_some());
        set!(nb_negative = PyNumber_Negative, n.negative.load().is_some());
        set!(nb_positive = PyNumber_Positive, n.positive.load().is_some());
        set!(nb_absolute = PyNumber_Absolute, n.absolute.load().is_some());
        set!(nb_bool = object::PyObject_IsTrue, n.boolean.load().is_some());
        set!(nb_invert = PyNumber_Invert, n.invert.load().is_some());
        set!(nb_lshift = PyNumber_Lshift, n.lshift.load().is_some(), n.right_lshift.load().is_some());
        set!(nb_rshift = PyNumber_Rshift, n.rshift.load().is_some(), n.right_rshift.load().is_some());
        set!(nb_and = PyNumber_And, n.and.load().is_some(), n.right_and.load().is_some());
        set!(nb_xor = PyNumber_Xor, n.xor.load().is_some(), n.right_xor.load().is_some());
        set!(nb_or = PyNumber_Or, n.or.load().is_some(), n.right_or.load().is_some());
        set!(nb_int = PyNumber_Long, n.int.load().is_some());
        set!(nb_float = PyNumber_Float, n.float.load().is_some());
        set!(nb_inplace_add = PyNumber_InPlaceAdd, n.inplace_add.load().is_some());
        set!(nb_inplace_subtract = PyNumber_InPlaceSubtract, n.inplace_subtract.load().is_some());
        set!(nb_inplace_multiply = PyNumber_InPlaceMultiply, n.inplace_multiply.load().is_some());
        set!(nb_inplace_remainder = PyNumber_InPlaceRemainder, n.inplace_remainder.load().is_some());
        set!(nb_inplace_power = PyNumber_InPlacePower, n.inplace_power.load().is_some());
        set!(nb_inplace_lshift = PyNumber_InPlaceLshift, n.inplace_lshift.load().is_some());
        set!(nb_inplace_rshift = PyNumber_InPlaceRshift, n.inplace_rshift.load().is_some());
        set!(nb_inplace_and = PyNumber_InPlaceAnd, n.inplace_and.load().is_some());
        set!(nb_inplace_xor = PyNumber_InPlaceXor, n.inplace_xor.load().is_some());
        set!(nb_inplace_or = PyNumber_InPlaceOr, n.inplace_or.load().is_some());
        set!(nb_floor_divide = PyNumber_FloorDivide, n.floor_divide.load().is_some(), n.right_floor_divide.load().is_some());
        set!(nb_true_divide = PyNumber_TrueDivide, n.true_divide.load().is_some(), n.right_true_divide.load().is_some());
        set!(nb_inplace_floor_divide = PyNumber_InPlaceFloorDivide, n.inplace_floor_divide.load().is_some());
        set!(nb_inplace_true_divide = PyNumber_InPlaceTrueDivide, n.inplace_true_divide.load().is_some());
        set!(nb_index = PyNumber_Index, n.index.load().is_some());
        set!(nb_matrix_multiply = PyNumber_MatrixMultiply, n.matrix_multiply.load().is_some(), n.right_matrix_multiply.load().is_some());
        set!(nb_inplace_matrix_multiply = PyNumber_InPlaceMatrixMultiply, n.inplace_matrix_multiply.load().is_some());

        let sq = &mut (*tables).as_sequence;
        let q = &s.as_sequence;
        if q.length.load().is_some() {
            sq.sq_length = Some(object_size);
        }
        if q.concat.load().is_some() {
            sq.sq_concat = Some(abstract_::sequence::PySequence_Concat);
        }
        if q.repeat.load().is_some() {
            sq.sq_repeat = Some(slot_sq_repeat);
        }
        if q.item.load().is_some() {
            sq.sq_item = Some(slot_sq_item);
        }
        if q.ass_item.load().is_some() {
            sq.sq_ass_item = Some(slot_sq_ass_item);
        }
        if q.contains.load().is_some() {
            sq.sq_contains = Some(abstract_::sequence::PySequence_Contains);
        }

        let mp = &mut (*tables).as_mapping;
        let m = &s.as_mapping;
        if m.length.load().is_some() {
            mp.mp_length = Some(object_size);
        }
        if m.subscript.load().is_some() {
            mp.mp_subscript = Some(abstract_::object::PyObject_GetItem);
        }
        if m.ass_subscript.load().is_some() {
            mp.mp_ass_subscript = Some(slot_mp_ass_subscript);
        }

        let am = &mut (*tables).as_async;
        if has("__await__") {
            am.am_await = Some(slot_am_await);
        }
        if has("__aiter__") {
            am.am_aiter = Some(slot_am_aiter);
        }
        if has("__anext__") {
            am.am_anext = Some(slot_am_anext);
        }

        let t = &mut *tp;
        t.tp_as_number = &raw mut (*tables).as_number;
        t.tp_as_sequence = &raw mut (*tables).as_sequence;
        t.tp_as_mapping = &raw mut (*tables).as_mapping;
        t.tp_as_async = &raw mut (*tables).as_async;
        t.tp_repr = Some(object::PyObject_Repr);
        t.tp_str = Some(object::PyObject_Str);
        t.tp_getattro = Some(object::PyObject_GetAttr);
        t.tp_setattro = Some(object::PyObject_SetAttr);
        t.tp_richcompare = Some(object::PyObject_RichCompare);
        let unhashable = ty.get_attr(vm.ctx.intern_str("__hash__")).is_some_and(|h| vm.is_none(&h));
        t.tp_hash = Some(if unhashable { object::PyObject_HashNotImplemented } else { object::PyObject_Hash });
        if s.call.load().is_some() {
            t.tp_call = Some(abstract_::call::PyObject_Call);
        }
        if s.iter.load().is_some() {
            t.tp_iter = Some(abstract_::object::PyObject_GetIter);
        }
        if s.iternext.load().is_some() {
            t.tp_iternext = Some(slot_tp_iternext);
        }
        if s.descr_get.load().is_some() {
            t.tp_descr_get = Some(slot_tp_descr_get);
        }
        if s.descr_set.load().is_some() {
            t.tp_descr_set = Some(slot_tp_descr_set);
        }
        t.tp_init = Some(slot_tp_init);
        t.tp_new = Some(slot_tp_new);
    }
}

unsafe extern "C" fn object_size(o: *mut CObject) -> isize {
    unsafe { abstract_::object::PyObject_Size(o) }
}

crate::c_slots! {
    fn slot_sq_repeat(vm, o: &rustpython_vm::PyObject, n: isize) -> PyObjectRef {
        vm._mul(o, vm.ctx.new_int(n).as_object())
    }

    fn slot_sq_item(vm, o: &rustpython_vm::PyObject, i: isize) -> PyObjectRef {
        // CPython's builtin sequences take the index as given: a negative
        // one is out of range (the caller adds the length first).
        let builtin = !o.class().slots.flags.has_feature(rustpython_vm::types::PyTypeFlags::HEAPTYPE);
        if i < 0 && builtin {
            return Err(vm.new_index_error(format!("{} index out of range", o.class().name())));
        }
        o.get_item(vm.ctx.new_int(i).as_object(), vm)
    }

    fn slot_sq_ass_item(vm, o: &rustpython_vm::PyObject, i: isize, v: Option<PyObjectRef>) -> () {
        match v {
            Some(v) => o.set_item(vm.ctx.new_int(i).as_object(), v, vm),
            None => o.del_item(vm.ctx.new_int(i).as_object(), vm),
        }
    }

    fn slot_mp_ass_subscript(vm, o: &rustpython_vm::PyObject, k: PyObjectRef, v: Option<PyObjectRef>) -> () {
        match v {
            Some(v) => o.set_item(&*k, v, vm),
            None => o.del_item(&*k, vm),
        }
    }

    fn slot_am_await(vm, o: PyObjectRef) -> PyObjectRef {
        vm.call_special_method(&o, vm.ctx.intern_str("__await__"), ())
    }

    fn slot_am_aiter(vm, o: PyObjectRef) -> PyObjectRef {
        vm.call_special_method(&o, vm.ctx.intern_str("__aiter__"), ())
    }

    fn slot_am_anext(vm, o: PyObjectRef) -> PyObjectRef {
        vm.call_special_method(&o, vm.ctx.intern_str("__anext__"), ())
    }

    fn slot_tp_descr_get(vm, d: PyObjectRef, obj: Option<PyObjectRef>, ty: Option<PyObjectRef>) -> PyObjectRef {
        let get = d.class().slots.descr_get.load().ok_or_else(|| vm.new_type_error("not a descriptor"))?;
        get(&d, obj.as_deref(), ty.as_deref(), vm)
    }

    fn slot_tp_descr_set(vm, d: &rustpython_vm::PyObject, obj: PyObjectRef, v: Option<PyObjectRef>) -> () {
        let set = d.class().slots.descr_set.load().ok_or_else(|| vm.new_type_error("not a data descriptor"))?;
        let v = match v {
            Some(v) => rustpython_vm::function::PySetterValue::Assign(v),
            None => rustpython_vm::function::PySetterValue::Delete,
        };
        set(d, obj, v, vm)
    }

    fn slot_tp_init(vm, o: PyObjectRef, args: PyObjectRef, kw: Option<PyObjectRef>) -> () {
        let args = call_args(args, kw, vm)?;
        vm.call_special_method(&o, vm.ctx.intern_str("__init__"), args)?;
        Ok(())
    }

    fn slot_tp_new(vm, tp: *mut PyTypeObject, args: PyObjectRef, kw: Option<PyObjectRef>) -> PyObjectRef {
        let cls = proxy::from_c(tp as *mut CObject, vm)?.downcast::<PyType>().map_err(|_| vm.new_type_error("tp_new: not a type"))?;
        let new = cls.slots.new.load().ok_or_else(|| {
            vm.new_type_error(format!("cannot create '{}' instances", cls.slot_name()))
        })?;
        new(cls, call_args(args, kw, vm)?, vm)
    }
}

/// `(args, kwargs)` from C's argument tuple and optional dict.
fn call_args(args: PyObjectRef, kw: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<FuncArgs> {
    let pos = abstract_::call::positional(args, vm)?;
    Ok(FuncArgs::new(pos, abstract_::call::kwargs_of(kw, vm)?))
}

crate::c_slots! {
    /// `tp_iternext` of a VM iterator: exhausted is NULL with no exception
    /// set, as CPython's own iterators do.
    fn slot_tp_iternext(vm, o: PyObjectRef) -> *mut CObject {
        match vm.call_special_method(&o, vm.ctx.intern_str("__next__"), ()) {
            Ok(v) => Ok(proxy::to_c_new(&v, vm)),
            Err(e) if e.fast_isinstance(vm.ctx.exceptions.stop_iteration) => Ok(std::ptr::null_mut()),
            Err(e) => Err(e),
        }
    }
}
