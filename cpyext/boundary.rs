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

pub use crate::ownership::Own;

/// A C argument and how it becomes a Rust value.
pub trait FromC: Sized {
    type C;
    /// What the call does with the argument's reference.
    const OWN: Own = Own::Plain;
    fn from_c(c: Self::C, vm: &VirtualMachine) -> PyResult<Self>;
}

/// A Rust result and how it becomes a C return value.
pub trait ToC {
    type C;
    /// What C sees on failure.
    const ERROR: Self::C;
    /// What the caller receives.
    const OWN: Own = Own::Plain;
    fn to_c(self, vm: &VirtualMachine) -> Self::C;
}

#[cold]
pub fn null_argument(vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_system_error("bad argument to internal function: NULL object")
}

/// A required object argument (borrowed by the call).
impl FromC for PyObjectRef {
    type C = *mut CObject;
    const OWN: Own = Own::Borrowed;
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
    const OWN: Own = Own::Borrowed;
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
    const OWN: Own = Own::Borrowed;
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

/// A C string that may be NULL, as text (`default` for NULL; invalid
/// UTF-8 replaced): encodings, error handlers, messages.
///
/// # Safety
/// `p` is NULL or a NUL-terminated string.
pub unsafe fn c_text(p: *const c_char, default: &str) -> String {
    if p.is_null() { default.to_owned() } else { unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned() }
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
    const OWN: Own = Own::New;
    #[inline]
    fn to_c(self, vm: &VirtualMachine) -> *mut CObject {
        proxy::to_c_new(&self, vm)
    }
}

/// A pointer the body computed itself, never an object (objects are
/// [`PyObjectRef`], [`NewPtr`] or [`Borrowed`]); NULL on failure.
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

/// The one path from the VM into C, the mirror of [`call`]: every C slot,
/// method, getter, setter and member access of a C type runs through here.
/// It holds the GIL for the call and lends C the objects in `lent` (as
/// borrowed references: their proxies go after the call when only the call
/// held them); the body calls C and checks what it returns
/// (`pyerrors::check_result`/`check_status`: NULL or -1 without an
/// exception, or a result with one, is CPython's `SystemError`).
#[inline]
pub fn into_c<'a, R>(
    vm: &VirtualMachine,
    lent: impl IntoIterator<Item = &'a rustpython_vm::PyObject>,
    body: impl FnOnce() -> PyResult<R>,
) -> PyResult<R> {
    pystate::enter(vm, || {
        let scope = crate::listobject::lent_scope();
        let r = body();
        drop(scope);
        proxy::release_borrowed(lent);
        r
    })
}

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
/// Each must have its row in `cpyext/capi.decl`; the row and the Rust
/// signature are checked against each other at compile time. The body is
/// safe Rust; `unsafe fn` says it is not (it works on raw C memory).
#[macro_export]
macro_rules! capi {
    () => {};
    (
        $(#[doc = $doc:literal])*
        unsafe fn $name:ident $(<$lt:lifetime>)? ($vm:ident $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty $body:block
        $($rest:tt)*
    ) => {
        $crate::capi! { $(#[doc = $doc])* fn $name $(<$lt>)? ($vm $(, $arg: $ty)*) -> $ret { unsafe { $body } } }
        $crate::capi! { $($rest)* }
    };
    (
        $(#[doc = $doc:literal])*
        fn $name:ident $(<$lt:lifetime>)? ($vm:ident $(, $arg:ident: $ty:ty)* $(,)?) -> $ret:ty $body:block
        $($rest:tt)*
    ) => {
        $crate::c_function! {
            [#[unsafe(no_mangle)] $(#[doc = $doc])*]
            pub fn $name $(<$lt>)? ($vm $(, $arg: $ty)*) -> $ret $body
        }
        const _: () = {
            const fn agrees $(<$lt>)? () -> bool {
                $crate::boundary::check_decl(
                    &$crate::decls::$name,
                    module_path!(),
                    &[$(<$ty as $crate::boundary::FromC>::OWN),*],
                    <$ret as $crate::boundary::ToC>::OWN,
                )
            }
            assert!(
                agrees(),
                concat!(
                    "cpyext/capi.decl: the row of ", stringify!($name),
                    " disagrees with its capi! signature (module, argument count, stolen arguments or result ownership)"
                )
            );
        };
        $crate::capi! { $($rest)* }
    };
}

/// Checks, at compile time, that the rows of exported functions written as
/// plain `#[no_mangle]` functions (the few that need no VM: reference
/// counting, the allocators, the GIL itself) name the module they are in,
/// as [`capi!`] does for its functions.
#[macro_export]
macro_rules! declared_here {
    ($($name:ident),* $(,)?) => {$(
        const _: () = assert!(
            $crate::boundary::check_decl(&$crate::decls::$name, module_path!(), $crate::decls::$name.args, $crate::decls::$name.result),
            concat!("cpyext/capi.decl: the row of ", stringify!($name), " names another module")
        );
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

/// The body is safe Rust: it says `unsafe` where it needs to. A lifetime
/// parameter names the call: an argument `&'py PyObject` and a result
/// `Borrowed<'py>` say the result is borrowed from that argument.
#[doc(hidden)]
#[macro_export]
macro_rules! c_function {
    ([$($attr:tt)*] $vis:vis fn $name:ident $(<$lt:lifetime>)? ($vm:ident $(, $arg:ident: $ty:ty)*) -> $ret:ty $body:block) => {
        $($attr)*
        #[allow(non_snake_case, unused_variables, clippy::missing_safety_doc)]
        $vis unsafe extern "C" fn $name $(<$lt>)? (
            $($arg: <$ty as $crate::boundary::FromC>::C),*
        ) -> <$ret as $crate::boundary::ToC>::C {
            $crate::boundary::call(stringify!($name), |$vm: &::rustpython_vm::VirtualMachine| {
                $(let $arg = <$ty as $crate::boundary::FromC>::from_c($arg, $vm)?;)*
                let r: ::rustpython_vm::PyResult<$ret> = (|| $body)();
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
    const OWN: Own = Own::Borrowed;
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

/// An argument the call steals (CPython's "steals a reference"): its guard
/// owns C's reference from the moment the function is entered, so the
/// reference is released on every path the body does not consume it on,
/// including when another argument fails to convert, in any order, or the
/// body panics. `repr(transparent)`: C passes a plain `PyObject*`.
#[repr(transparent)]
pub struct Stolen(*mut CObject);

impl FromC for Stolen {
    type C = Stolen;
    const OWN: Own = Own::Stolen;
    #[inline(always)]
    fn from_c(c: Stolen, _vm: &VirtualMachine) -> PyResult<Self> {
        Ok(c)
    }
}

impl Stolen {
    /// The VM object, taking over C's reference; NULL is `SystemError`.
    pub fn take(self, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
        self.take_opt(vm)?.ok_or_else(|| null_argument(vm))
    }

    /// The VM object, taking over C's reference; NULL is `None`.
    pub fn take_opt(self, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
        let p = self.into_raw();
        if p.is_null() { Ok(None) } else { unsafe { proxy::from_c_steal(p, vm).map(Some) } }
    }

    /// The pointer, whose reference the body now owns (to store it in C
    /// memory, as `PyTuple_SetItem` does).
    pub fn into_raw(self) -> *mut CObject {
        let p = self.0;
        std::mem::forget(self);
        p
    }

    pub fn is_null(&self) -> bool {
        self.0.is_null()
    }
}

impl Drop for Stolen {
    fn drop(&mut self) {
        if !self.0.is_null() {
            unsafe { proxy::decref(self.0) }
        }
    }
}

/// An argument the call steals only when it succeeds (`PyModule_AddObject`):
/// on failure the caller still owns its reference.
#[repr(transparent)]
pub struct StolenOnSuccess(*mut CObject);

impl FromC for StolenOnSuccess {
    type C = StolenOnSuccess;
    const OWN: Own = Own::StolenOnSuccess;
    #[inline(always)]
    fn from_c(c: StolenOnSuccess, _vm: &VirtualMachine) -> PyResult<Self> {
        Ok(c)
    }
}

impl StolenOnSuccess {
    /// Runs `f` on the VM object (`None` for NULL); C's reference is
    /// released only if `f` succeeds.
    pub fn steal_if<R>(self, vm: &VirtualMachine, f: impl FnOnce(Option<PyObjectRef>) -> PyResult<R>) -> PyResult<R> {
        let obj = if self.0.is_null() { None } else { Some(unsafe { proxy::from_c(self.0, vm)? }) };
        let r = f(obj)?;
        if !self.0.is_null() {
            unsafe { proxy::decref(self.0) };
        }
        Ok(r)
    }
}

/// A borrowed result: a pointer C may use, without owning a reference, for
/// as long as what the constructor names keeps the object alive. The
/// lifetime ties it to that holder where the holder is an argument of the
/// call, so a body cannot hand out a borrow of something only it holds.
pub struct Borrowed<'a>(*mut CObject, std::marker::PhantomData<&'a rustpython_vm::PyObject>);

impl<'a> Borrowed<'a> {
    /// An object `holder` keeps alive: a container's item, a module's dict.
    #[inline]
    pub fn held_by(holder: &'a rustpython_vm::PyObject, obj: &rustpython_vm::PyObject, vm: &VirtualMachine) -> Self {
        let _ = holder;
        Borrowed(proxy::as_c(obj, vm), std::marker::PhantomData)
    }
}

impl Borrowed<'static> {
    /// An object a C object argument keeps alive (a type its module).
    #[inline]
    pub fn held_by_c(holder: Ptr, obj: &rustpython_vm::PyObject, vm: &VirtualMachine) -> Self {
        let _ = holder;
        Borrowed(proxy::as_c(obj, vm), std::marker::PhantomData)
    }

    /// A pointer stored in a C object argument's own memory (a tuple's
    /// `ob_item`), which holds a reference to it.
    #[inline]
    pub fn c_item(holder: Ptr, item: *mut CObject) -> Self {
        let _ = holder;
        Borrowed(item, std::marker::PhantomData)
    }

    /// The argument itself (`PyObject_Init` returns `op`): the caller holds it.
    #[inline]
    pub fn argument(arg: Ptr) -> Self {
        Borrowed(arg.0, std::marker::PhantomData)
    }

    /// An object the interpreter's own state holds: builtins, `sys.modules`,
    /// an attribute of `sys`.
    #[inline]
    pub fn held_by_interpreter(obj: &rustpython_vm::PyObject, vm: &VirtualMachine) -> Self {
        Borrowed(proxy::as_c(obj, vm), std::marker::PhantomData)
    }

    /// An object the current thread's state holds (its dict): valid while
    /// the thread runs.
    #[inline]
    pub fn held_by_thread_state(obj: &rustpython_vm::PyObject, vm: &VirtualMachine) -> Self {
        Borrowed(proxy::as_c(obj, vm), std::marker::PhantomData)
    }

    /// An object the thread's error indicator holds (the type of the
    /// pending exception): valid until the indicator changes.
    #[inline]
    pub fn held_by_error_indicator(obj: &rustpython_vm::PyObject, vm: &VirtualMachine) -> Self {
        Borrowed(proxy::as_c(obj, vm), std::marker::PhantomData)
    }

    /// An object only the caller knows to be alive: the referent of a weak
    /// reference (`PyWeakref_GetObject`'s documented hazard).
    #[inline]
    pub fn held_elsewhere(obj: &rustpython_vm::PyObject, vm: &VirtualMachine) -> Self {
        Borrowed(proxy::as_c(obj, vm), std::marker::PhantomData)
    }
}

impl ToC for Borrowed<'_> {
    type C = *mut CObject;
    const ERROR: *mut CObject = std::ptr::null_mut();
    const OWN: Own = Own::BorrowedResult;
    #[inline(always)]
    fn to_c(self, _vm: &VirtualMachine) -> *mut CObject {
        self.0
    }
}

/// `NULL` without an exception (`PyDict_GetItem`'s "not found").
impl ToC for Option<Borrowed<'_>> {
    type C = *mut CObject;
    const ERROR: *mut CObject = std::ptr::null_mut();
    const OWN: Own = Own::BorrowedResult;
    #[inline(always)]
    fn to_c(self, _vm: &VirtualMachine) -> *mut CObject {
        self.map_or(std::ptr::null_mut(), |b| b.0)
    }
}

/// A new reference the body made in C memory (a tuple from `PyTuple_New`,
/// a C-type instance), or took with its own count.
pub struct NewPtr(pub *mut CObject);

impl ToC for NewPtr {
    type C = *mut CObject;
    const ERROR: *mut CObject = std::ptr::null_mut();
    const OWN: Own = Own::New;
    #[inline(always)]
    fn to_c(self, _vm: &VirtualMachine) -> *mut CObject {
        self.0
    }
}

/// `NULL` without an exception (`PyIter_Next` at the end, `PyErr_GetRaisedException` with none set).
impl ToC for Option<PyObjectRef> {
    type C = *mut CObject;
    const ERROR: *mut CObject = std::ptr::null_mut();
    const OWN: Own = Own::New;
    #[inline]
    fn to_c(self, vm: &VirtualMachine) -> *mut CObject {
        self.map_or(std::ptr::null_mut(), |o| proxy::to_c_new(&o, vm))
    }
}

/// What a row of `cpyext/capi.decl` says of one function (generated into
/// `crate::decls` by `build.rs`).
pub struct Decl {
    /// The Rust module that defines it (`module_path!()`), for `rust` rows.
    pub module: &'static str,
    pub args: &'static [Own],
    pub result: Own,
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn own_matches(row: Own, rust: Own) -> bool {
    match (row, rust) {
        // A raw pointer argument may stand for a borrowed object; a stolen
        // one must be a guard, and a guard must be declared stolen.
        (Own::Borrowed, Own::Borrowed | Own::Plain) => true,
        (Own::Plain, Own::Plain | Own::Borrowed) => true,
        (Own::Stolen, Own::Stolen) | (Own::StolenOnSuccess, Own::StolenOnSuccess) => true,
        (Own::New, Own::New) | (Own::BorrowedResult, Own::BorrowedResult) => true,
        _ => false,
    }
}

/// Whether a function's Rust signature agrees with its row: same module,
/// same number of arguments, the same stolen arguments, the same kind of
/// result. [`capi!`] evaluates it at compile time.
pub const fn check_decl(decl: &Decl, module: &str, args: &[Own], result: Own) -> bool {
    if !str_eq(decl.module, module) || decl.args.len() != args.len() || !own_matches(decl.result, result) {
        return false;
    }
    let mut i = 0;
    while i < args.len() {
        if !own_matches(decl.args[i], args[i]) {
            return false;
        }
        i += 1;
    }
    true
}
