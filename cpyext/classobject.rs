//! Bound method objects (`classobject.h`): `PyInstanceMethod_New`, a
//! callable that binds to instances like a Python function (for putting a
//! C function in a class dict). RustPython has no such type, so it is a
//! small Python class, made once per VM.

use crate::capi;
use crate::boundary::Borrowed;
use rustpython_vm::{AsObject, PyObject, PyPayload, PyObjectRef, PyResult, VirtualMachine, builtins::PyBoundMethod};

const SOURCE: &str = "\
class instancemethod:
    __slots__ = ('__func__',)
    def __init__(self, func):
        self.__func__ = func
    def __get__(self, obj, cls=None):
        if obj is None:
            return self.__func__
        return _MethodType(self.__func__, obj)
    def __call__(self, *args, **kwargs):
        return self.__func__(*args, **kwargs)
";

fn instancemethod_type(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let sys_modules = vm.sys_module.get_attr("modules", vm)?;
    if let Ok(cached) = sys_modules.get_item("_cpyext_instancemethod", vm) {
        return Ok(cached);
    }
    let scope = vm.new_scope_with_builtins();
    let types = vm.import("types", 0)?;
    scope.globals.set_item("_MethodType", types.get_attr("MethodType", vm)?, vm)?;
    vm.run_string(scope.clone(), SOURCE, "<cpyext instancemethod>")?;
    let cls = scope.globals.get_item("instancemethod", vm)?;
    sys_modules.set_item("_cpyext_instancemethod", cls.clone(), vm)?;
    Ok(cls)
}

capi! {
    fn PyInstanceMethod_New(vm, func: PyObjectRef) -> PyObjectRef {
        instancemethod_type(vm)?.call((func,), vm)
    }

    fn PyInstanceMethod_Function<'py>(vm, im: &'py PyObject) -> Borrowed<'py> {
        let func = im.get_attr("__func__", vm)?;
        Ok(Borrowed::held_by(im, &func, vm))
    }

    /// `types.MethodType(func, self)`; neither is checked, as in CPython
    /// (only a NULL `self` is refused).
    fn PyMethod_New(vm, func: PyObjectRef, self_: PyObjectRef) -> PyObjectRef {
        Ok(PyBoundMethod::new(self_, func).into_ref(&vm.ctx).into())
    }

    fn PyMethod_Function<'py>(vm, meth: &'py PyObject) -> Borrowed<'py> {
        let func = method(meth, vm)?.get_attr("__func__", vm)?;
        Ok(Borrowed::held_by(meth, &func, vm))
    }

    fn PyMethod_Self<'py>(vm, meth: &'py PyObject) -> Borrowed<'py> {
        let obj = method(meth, vm)?.get_attr("__self__", vm)?;
        Ok(Borrowed::held_by(meth, &obj, vm))
    }
}

/// `meth` if it is a bound method (exactly: `PyMethod_Check`), else
/// CPython's `PyErr_BadInternalCall`.
fn method<'a>(meth: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a PyObject> {
    if meth.class().is(vm.ctx.types.bound_method_type) {
        Ok(meth)
    } else {
        Err(crate::boundary::bad_internal_call(vm))
    }
}

/// A bound method's memory holds its function and instance, which never
/// change: `PyMethod_GET_FUNCTION`/`GET_SELF` on the struct read them.
/// They are borrowed from the VM method, which holds both for as long as
/// the memory can be read: counted, they would keep a cycle through the
/// method alive once it crossed (the VM's collector cannot see C's count).
pub static LAYOUT: crate::proxy::Layout = crate::proxy::Layout {
    flag: 0,
    create: |obj, tp, vm| {
        if !obj.class().is(vm.ctx.types.bound_method_type) {
            return None;
        }
        let func = obj.get_attr("__func__", vm).ok();
        let zelf = obj.get_attr("__self__", vm).ok();
        Some(unsafe {
            let p = crate::proxy::alloc(std::mem::size_of::<crate::ffi::PyMethodObject>(), tp);
            if !p.is_null() {
                let m = &mut *(p as *mut crate::ffi::PyMethodObject);
                m.im_func = func.map_or(std::ptr::null_mut(), |f| crate::proxy::as_c(&f, vm));
                m.im_self = zelf.map_or(std::ptr::null_mut(), |s| crate::proxy::as_c(&s, vm));
            }
            p
        })
    },
    realize: None,
    release: None,
};
