//! The one boundary every exported C-API function goes through.
//!
//! An API function is written as plain Rust against the VM inside [`capi!`]:
//!
//! ```text
//! capi! {
//!     fn PyObject_GetAttr(vm, o: PyObjectRef, name: PyObjectRef) -> PyObjectRef {
//!         o.get_attr(&name.try_into_value::<PyStrRef>(vm)?, vm)
//!     }
//! }
//! ```
//!
//! The macro makes the `extern "C"` symbol and does the rest, the same way for
//! every function: each argument is converted by [`FromC`] (a NULL object
//! raises `SystemError` instead of crashing), the body returns a `PyResult`,
//! the result is converted by [`ToC`] (a `PyObjectRef` becomes a new
//! reference), and a failure becomes CPython's error return (`NULL`, `-1`)
//! with the error indicator set. A Rust panic is caught and reported as
//! `SystemError`; it never unwinds into C.

use crate::ffi::PyObject as CObject;
use crate::{proxy, pyerrors, pystate};
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};
use std::ffi::{CStr, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A C argument and how it becomes a Rust value.
pub trait FromC: Sized {
    type C;
    fn from_c(c: Self::C, vm: &VirtualMachine) -> PyResult<Self>;
}

/// A Rust result and how it becomes a C return value.
pub trait ToC {
    type C;
    /// What C sees on failure.
    const ERROR: Self::C;
    fn to_c(self, vm: &VirtualMachine) -> Self::C;
}

#[cold]
pub fn null_argument(vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_system_error("bad argument to internal function: NULL object")
}

/// A required object argument (borrowed by the call).
impl FromC for PyObjectRef {
    type C = *mut CObject;
    #[inline]
    fn from_c(c: *mut CObject, vm: &VirtualMachine) -> PyResult<Self> {
        if c.is_null() {
            return Err(null_argument(vm));
        }
        unsafe { proxy::from_c(c, vm) }
    }
}

/// A required object argument, borrowed for the call without touching any
/// count: the cheapest form, for functions that only look at the object.
impl<'a> FromC for &'a rustpython_vm::PyObject {
    type C = *mut CObject;
    #[inline]
    fn from_c(c: *mut CObject, vm: &VirtualMachine) -> PyResult<Self> {
        if c.is_null() {
            return Err(null_argument(vm));
        }
        unsafe { proxy::from_c_ref(c, vm) }
    }
}

/// An optional object argument: NULL is `None`.
impl FromC for Option<PyObjectRef> {
    type C = *mut CObject;
    #[inline]
    fn from_c(c: *mut CObject, vm: &VirtualMachine) -> PyResult<Self> {
        if c.is_null() { Ok(None) } else { unsafe { proxy::from_c(c, vm).map(Some) } }
    }
}

/// A required C string argument.
impl FromC for &CStr {
    type C = *const c_char;
    #[inline]
    fn from_c(c: *const c_char, vm: &VirtualMachine) -> PyResult<Self> {
        if c.is_null() {
            return Err(vm.new_system_error("bad argument to internal function: NULL string"));
        }
        Ok(unsafe { CStr::from_ptr(c) })
    }
}

/// A required UTF-8 C string argument.
impl FromC for &str {
    type C = *const c_char;
    #[inline]
    fn from_c(c: *const c_char, vm: &VirtualMachine) -> PyResult<Self> {
        let s = <&CStr>::from_c(c, vm)?;
        s.to_str().map_err(|_| vm.new_value_error("C string is not valid UTF-8"))
    }
}

macro_rules! plain_args {
    ($($t:ty),*) => {$(
        impl FromC for $t {
            type C = $t;
            #[inline(always)]
            fn from_c(c: $t, _vm: &VirtualMachine) -> PyResult<Self> { Ok(c) }
        }
    )*};
}
plain_args!(i8, u8, i16, u16, i32, u32, i64, u64, isize, usize, f32, f64);

/// Raw pointers pass through: the body decides what NULL means.
impl<T> FromC for *mut T {
    type C = *mut T;
    #[inline(always)]
    fn from_c(c: *mut T, _vm: &VirtualMachine) -> PyResult<Self> { Ok(c) }
}
impl<T> FromC for *const T {
    type C = *const T;
    #[inline(always)]
    fn from_c(c: *const T, _vm: &VirtualMachine) -> PyResult<Self> { Ok(c) }
}

/// A new reference.
impl ToC for PyObjectRef {
    type C = *mut CObject;
    const ERROR: *mut CObject = std::ptr::null_mut();
    #[inline]
    fn to_c(self, vm: &VirtualMachine) -> *mut CObject {
        proxy::to_c_new(&self, vm)
    }
}

/// A pointer the body computed itself (for objects: borrowed or new, as the
/// function documents); NULL on failure.
impl<T> ToC for *mut T {
    type C = *mut T;
    const ERROR: *mut T = std::ptr::null_mut();
    #[inline(always)]
    fn to_c(self, _vm: &VirtualMachine) -> *mut T {
        self
    }
}
impl<T> ToC for *const T {
    type C = *const T;
    const ERROR: *const T = std::ptr::null();
    #[inline(always)]
    fn to_c(self, _vm: &VirtualMachine) -> *const T {
        self
    }
}

/// `0` on success, `-1` on failure.
impl ToC for () {
    type C = i32;
    const ERROR: i32 = -1;
    #[inline(always)]
    fn to_c(self, _vm: &VirtualMachine) -> i32 {
        0
    }
}

/// `1`/`0`, `-1` on failure.
impl ToC for bool {
    type C = i32;
    const ERROR: i32 = -1;
    #[inline(always)]
    fn to_c(self, _vm: &VirtualMachine) -> i32 {
        self as i32
    }
}

/// A function returning `void`: failures only set the error indicator.
pub struct Void;
impl ToC for Void {
    type C = ();
    const ERROR: () = ();
    #[inline(always)]
    fn to_c(self, _vm: &VirtualMachine) {}
}

macro_rules! plain_results {
    ($($t:ty => $err:expr),*) => {$(
        impl ToC for $t {
            type C = $t;
            const ERROR: $t = $err;
            #[inline(always)]
            fn to_c(self, _vm: &VirtualMachine) -> $t { self }
        }
    )*};
}
plain_results!(
    i32 => -1, i64 => -1, isize => -1, u32 => u32::MAX, u64 => u64::MAX, usize => usize::MAX,
    f64 => -1.0
);

/// Runs the body of an API function: finds the VM, catches panics, turns an
/// error into the error indicator plus `R::ERROR`.
#[inline]
pub fn call<R: ToC>(name: &'static str, body: impl FnOnce(&VirtualMachine) -> PyResult<R>) -> R::C {
    let Some(vm) = pystate::current_vm() else {
        no_vm(name);
        return R::ERROR;
    };
    match catch_unwind(AssertUnwindSafe(|| body(vm))) {
        Ok(Ok(r)) => r.to_c(vm),
        Ok(Err(e)) => {
            pyerrors::set(e);
            R::ERROR
        }
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            pyerrors::set(vm.new_system_error(format!("internal error in {name}: {what}")));
            R::ERROR
        }
    }
}

#[cold]
fn no_vm(name: &str) {
    eprintln!("cpyext: {name} called from a thread that does not hold the GIL");
}

/// Declares exported C-API functions. `vm` names the VM inside the body.
#[macro_export]
macro_rules! capi {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident($vm:ident $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty $body:block
    )*) => {$(
        $crate::c_function! {
            [#[unsafe(no_mangle)] $(#[doc = $doc])*]
            pub fn $name($vm $(, $arg: $ty)*) -> $ret $body
        }
    )*};
}

/// Declares C functions the layer hands to C by pointer only (the slots of
/// the type objects it makes), with the same conversions as [`capi!`].
#[macro_export]
macro_rules! c_slots {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident($vm:ident $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty $body:block
    )*) => {$(
        $crate::c_function! {
            [$(#[doc = $doc])*]
            pub(crate) fn $name($vm $(, $arg: $ty)*) -> $ret $body
        }
    )*};
}

#[doc(hidden)]
#[macro_export]
macro_rules! c_function {
    ([$($attr:tt)*] $vis:vis fn $name:ident($vm:ident $(, $arg:ident: $ty:ty)*) -> $ret:ty $body:block) => {
        $($attr)*
        #[allow(non_snake_case, unused_variables, clippy::missing_safety_doc)]
        $vis unsafe extern "C" fn $name(
            $($arg: <$ty as $crate::boundary::FromC>::C),*
        ) -> <$ret as $crate::boundary::ToC>::C {
            $crate::boundary::call(stringify!($name), |$vm: &::rustpython_vm::VirtualMachine| {
                $(let $arg = <$ty as $crate::boundary::FromC>::from_c($arg, $vm)?;)*
                #[allow(unused_unsafe)]
                let r: ::rustpython_vm::PyResult<$ret> = (|| unsafe { $body })();
                r
            })
        }
    };
}

/// A required object argument taken as the raw pointer (for functions that
/// work on the C layout itself, or steal).
#[derive(Clone, Copy)]
pub struct Ptr(pub *mut CObject);

impl FromC for Ptr {
    type C = *mut CObject;
    #[inline(always)]
    fn from_c(c: *mut CObject, vm: &VirtualMachine) -> PyResult<Self> {
        if c.is_null() { Err(null_argument(vm)) } else { Ok(Ptr(c)) }
    }
}

/// `PyErr_BadInternalCall`: CPython's answer to an argument of the wrong kind.
#[cold]
pub fn bad_internal_call(vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_system_error("bad argument to internal function")
}
