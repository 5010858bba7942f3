//! Integers (`longobject.h`).

use crate::capi;
use crate::typeobject::fully_qualified_name;
use malachite_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use rustpython_vm::{
    AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine,
    builtins::PyInt,
};
use std::ffi::{c_char, c_int, c_long, c_ulong, c_void, CStr};

/// The value of an int, through `__index__` for other objects (what
/// `PyLong_AsLong` and friends accept since 3.10), passed to `f` without
/// copying it when `o` is an int already.
pub fn with_index_value<R>(o: &PyObject, vm: &VirtualMachine, f: impl FnOnce(&BigInt) -> PyResult<R>) -> PyResult<R> {
    match o.downcast_ref::<PyInt>() {
        Some(i) => f(i.as_bigint()),
        None => f(o.try_index(vm)?.as_bigint()),
    }
}

pub fn index_value(o: &PyObject, vm: &VirtualMachine) -> PyResult<BigInt> {
    with_index_value(o, vm, |v| Ok(v.clone()))
}

/// The value of an int; other objects are a TypeError (what the unsigned and
/// `Py_ssize_t` conversions accept).
fn exact_value<'a>(o: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a BigInt> {
    match o.downcast_ref::<PyInt>() {
        Some(i) => Ok(i.as_bigint()),
        None => Err(vm.new_type_error("an integer is required")),
    }
}

/// CPython's overflow messages, which differ by function.
struct Overflow {
    too_large: &'static str,
    negative: &'static str,
}

const LONG: Overflow = Overflow { too_large: "Python int too large to convert to C long", negative: "" };
const INT: Overflow = Overflow { too_large: "Python int too large to convert to C int", negative: "" };
const SSIZE_T: Overflow = Overflow { too_large: "Python int too large to convert to C ssize_t", negative: "" };
const LONG_LONG: Overflow = Overflow { too_large: "int too big to convert", negative: "" };
const ULONG: Overflow = Overflow {
    too_large: "Python int too large to convert to C unsigned long",
    negative: "can't convert negative value to unsigned int",
};
const ULONG_LONG: Overflow = Overflow {
    too_large: "int too big to convert",
    negative: "can't convert negative int to unsigned",
};
const SIZE_T: Overflow = Overflow {
    too_large: "Python int too large to convert to C size_t",
    negative: "can't convert negative value to size_t",
};

fn signed<T: TryFrom<i128>>(v: &BigInt, o: &Overflow, vm: &VirtualMachine) -> PyResult<T> {
    v.to_i128().and_then(|v| T::try_from(v).ok()).ok_or_else(|| vm.new_overflow_error(o.too_large))
}

fn unsigned<T: TryFrom<u128>>(v: &BigInt, o: &Overflow, vm: &VirtualMachine) -> PyResult<T> {
    if v.is_negative() {
        return Err(vm.new_overflow_error(o.negative));
    }
    v.to_u128().and_then(|v| T::try_from(v).ok()).ok_or_else(|| vm.new_overflow_error(o.too_large))
}

/// The low bits of `v` in two's complement, as the `*Mask` conversions want.
fn mask(v: &BigInt) -> u64 {
    let m = BigInt::from(1u8) << 64usize;
    let r = ((v % &m) + &m) % &m;
    r.to_u64().unwrap_or(0)
}

pub fn float_to_int(d: f64, vm: &VirtualMachine) -> PyResult<BigInt> {
    if d.is_nan() {
        return Err(vm.new_value_error("cannot convert float NaN to integer"));
    }
    if d.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert float infinity to integer"));
    }
    <BigInt as num_traits::FromPrimitive>::from_f64(d.trunc())
        .ok_or_else(|| vm.new_overflow_error("cannot convert float to integer"))
}

/// Declares `PyLong_From<C type>(v)` for each C integer type.
macro_rules! int_constructors {
    ($($name:ident => $t:ty),* $(,)?) => {
        capi! {
            $(
                fn $name(vm, v: $t) -> PyObjectRef {
                    Ok(vm.ctx.new_int(v).into())
                }
            )*
        }
    };
}

int_constructors! {
    PyLong_FromLong => c_long,
    PyLong_FromUnsignedLong => c_ulong,
    PyLong_FromLongLong => i64,
    PyLong_FromUnsignedLongLong => u64,
    PyLong_FromSsize_t => isize,
    PyLong_FromSize_t => usize,
    PyLong_FromInt32 => i32,
    PyLong_FromUInt32 => u32,
    PyLong_FromInt64 => i64,
    PyLong_FromUInt64 => u64,
}

/// -1 with `*overflow` set to +1/-1 when the value does not fit an i64,
/// and no error then (the `*AndOverflow` conversions).
fn as_i64_with_overflow(o: &PyObject, overflow: *mut i32, vm: &VirtualMachine) -> PyResult<i64> {
    unsafe { *overflow = 0 };
    with_index_value(o, vm, |v| {
        Ok(v.to_i64().unwrap_or_else(|| {
            unsafe { *overflow = if v.is_negative() { -1 } else { 1 } };
            -1
        }))
    })
}

capi! {
    fn PyLong_FromDouble(vm, v: f64) -> PyObjectRef {
        Ok(vm.ctx.new_bigint(&float_to_int(v, vm)?).into())
    }

    /// Parses like `int(str, base)`; `*pend` points past the digits read.
    fn PyLong_FromString(vm, s: *const c_char, pend: *mut *mut c_char, base: i32) -> PyObjectRef {
        if s.is_null() {
            return Err(crate::boundary::null_argument(vm));
        }
        if base != 0 && !(2..=36).contains(&base) {
            return Err(vm.new_value_error("int() arg 2 must be >= 2 and <= 36"));
        }
        let text = unsafe { CStr::from_ptr(s) };
        if !pend.is_null() {
            unsafe { *pend = s.add(text.to_bytes().len()) as *mut c_char };
        }
        let text = vm.ctx.new_str(String::from_utf8_lossy(text.to_bytes()).into_owned());
        vm.ctx.types.int_type.as_object().call((text, base), vm)
    }

    fn PyLong_FromUnicodeObject(vm, u: PyObjectRef, base: i32) -> PyObjectRef {
        vm.ctx.types.int_type.as_object().call((u, base), vm)
    }

    fn _PyLong_Sign(vm, o: &PyObject) -> i32 {
        let v = exact_value(o, vm)?;
        Ok(if v.is_zero() { 0 } else if v.is_negative() { -1 } else { 1 })
    }
    fn _PyLong_NumBits(vm, o: &PyObject) -> i64 {
        Ok(exact_value(o, vm)?.bits() as i64)
    }
    fn PyLong_AsLong(vm, o: &PyObject) -> i64 {
        with_index_value(o, vm, |v| signed(v, &LONG, vm))
    }
    fn PyLong_AsInt(vm, o: &PyObject) -> i32 {
        with_index_value(o, vm, |v| signed(v, &INT, vm))
    }
    fn PyLong_AsLongLong(vm, o: &PyObject) -> i64 {
        with_index_value(o, vm, |v| signed(v, &LONG_LONG, vm))
    }
    fn PyLong_AsSsize_t(vm, o: &PyObject) -> isize {
        signed(exact_value(o, vm)?, &SSIZE_T, vm)
    }
    fn PyLong_AsUnsignedLong(vm, o: &PyObject) -> u64 {
        unsigned(exact_value(o, vm)?, &ULONG, vm)
    }
    fn PyLong_AsUnsignedLongLong(vm, o: &PyObject) -> u64 {
        unsigned(exact_value(o, vm)?, &ULONG_LONG, vm)
    }
    fn PyLong_AsSize_t(vm, o: &PyObject) -> usize {
        unsigned(exact_value(o, vm)?, &SIZE_T, vm)
    }
    fn PyLong_AsUnsignedLongMask(vm, o: &PyObject) -> u64 {
        with_index_value(o, vm, |v| Ok(mask(v)))
    }
    fn PyLong_AsUnsignedLongLongMask(vm, o: &PyObject) -> u64 {
        with_index_value(o, vm, |v| Ok(mask(v)))
    }

    fn PyLong_AsLongAndOverflow(vm, o: &PyObject, overflow: *mut i32) -> i64 {
        as_i64_with_overflow(o, overflow, vm)
    }
    fn PyLong_AsLongLongAndOverflow(vm, o: &PyObject, overflow: *mut i32) -> i64 {
        as_i64_with_overflow(o, overflow, vm)
    }

    fn PyLong_AsDouble(vm, o: &PyObject) -> f64 {
        let v = exact_value(o, vm)?;
        match v.to_f64().filter(|f| f.is_finite()) {
            Some(f) => Ok(f),
            None if v.is_zero() => Ok(0.0),
            None => Err(vm.new_overflow_error("int too large to convert to float")),
        }
    }
}

/// `PyLong_AsInt32` and friends: the value (through `__index__`) in
/// `*value`; OverflowError "Python int too large to convert to C <type>",
/// and for the unsigned ones ValueError for a negative value.
unsafe fn as_fixed<T: TryFrom<i128>>(o: &PyObject, value: *mut T, type_name: &str, unsigned: bool, vm: &VirtualMachine) -> PyResult<i32> {
    if value.is_null() {
        return Err(crate::boundary::bad_internal_call(vm));
    }
    let v = with_index_value(o, vm, |v| {
        if unsigned && v.is_negative() {
            return Err(vm.new_value_error("Cannot convert negative int"));
        }
        v.to_i128()
            .and_then(|v| T::try_from(v).ok())
            .ok_or_else(|| vm.new_overflow_error(format!("Python int too large to convert to {type_name}")))
    })?;
    unsafe { *value = v };
    Ok(0)
}

capi! {
    unsafe fn PyLong_AsInt32(vm, o: &PyObject, value: *mut i32) -> i32 {
        as_fixed(o, value, "C int32_t", false, vm)
    }

    unsafe fn PyLong_AsUInt32(vm, o: &PyObject, value: *mut u32) -> i32 {
        as_fixed(o, value, "C uint32_t", true, vm)
    }

    unsafe fn PyLong_AsInt64(vm, o: &PyObject, value: *mut i64) -> i32 {
        as_fixed(o, value, "C int64_t", false, vm)
    }

    unsafe fn PyLong_AsUInt64(vm, o: &PyObject, value: *mut u64) -> i32 {
        as_fixed(o, value, "C uint64_t", true, vm)
    }

    /// `sys.int_info`, the struct sequence describing ints' digits.
    fn PyLong_GetInfo(vm) -> PyObjectRef {
        vm.sys_module.get_attr("int_info", vm)
    }
}

capi! {
    /// Only an int (no `__index__`): 1 for zero, else 0.
    fn PyLong_IsPositive(vm, o: &PyObject) -> i32 {
        Ok(int_of(o, "expected", vm)?.is_positive() as i32)
    }

    fn PyLong_IsNegative(vm, o: &PyObject) -> i32 {
        Ok(int_of(o, "expected", vm)?.is_negative() as i32)
    }

    /// `*sign` is -1, 0 or 1.
    unsafe fn PyLong_GetSign(vm, o: &PyObject, sign: *mut c_int) -> i32 {
        let v = int_of(o, "expect", vm)?;
        if sign.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        *sign = if v.is_negative() { -1 } else if v.is_zero() { 0 } else { 1 };
        Ok(0)
    }

    fn PyLong_IsZero(vm, o: &PyObject) -> i32 {
        match o.downcast_ref::<PyInt>() {
            Some(i) => Ok(i.as_bigint().is_zero() as i32),
            None => Err(vm.new_type_error(format!("expected int, got {}", fully_qualified_name(o.class().as_object(), vm)?))),
        }
    }

    fn PyLong_FromVoidPtr(vm, p: *mut std::ffi::c_void) -> PyObjectRef {
        Ok(vm.ctx.new_int(p as usize).into())
    }

    fn PyLong_AsVoidPtr(vm, o: &PyObject) -> *mut std::ffi::c_void {
        // Negative values are allowed: they are the pointer's bits.
        with_index_value(o, vm, |v| {
            let bits = v.to_u64().or_else(|| v.to_i64().map(|i| i as u64));
            bits.map(|b| b as usize as *mut std::ffi::c_void)
                .ok_or_else(|| vm.new_overflow_error(LONG.too_large))
        })
    }
}

// ---------------------------------------------------------------------------
// `PyOS_strtoul` and `PyOS_strtol`: CPython's own (Python/mystrtoul.c), not
// C's: Python's 0b/0o/0x prefixes, no sign in the unsigned one, and plain
// functions that need no VM.

crate::declared_here!(PyOS_strtoul, PyOS_strtol);

/// `Py_ISSPACE`: the ASCII whitespace of C's locale "C".
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t'..=b'\r')
}

/// A digit's value in bases up to 36; 37 for anything else (`_PyLong_DigitValue`).
fn digit_value(c: u8) -> u32 {
    (c as char).to_digit(36).unwrap_or(37)
}

/// `PyOS_strtoul` on the bytes of `s`: the value (None when it overflows
/// an unsigned long) and where the scan stopped.
fn scan_unsigned(s: &[u8], base: c_int) -> (Option<c_ulong>, usize) {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_space(at(i)) {
        i += 1;
    }
    let mut base = base;
    // Python's prefixes: any of them in base 0, a base's own in that base.
    if at(i) == b'0' && matches!(base, 0 | 2 | 8 | 16) {
        i += 1;
        let radix = match at(i).to_ascii_lowercase() {
            b'x' => 16,
            b'o' => 8,
            b'b' => 2,
            _ => 0,
        };
        if radix != 0 && (base == 0 || base == radix) {
            // A prefix needs a digit after it; without one the scan stops
            // at its letter, having read 0.
            if digit_value(at(i + 1)) >= radix as u32 {
                return (Some(0), i);
            }
            i += 1;
            base = radix;
        } else if base == 0 {
            // A leading zero without a prefix is a lone 0 ("010" stops at
            // the 1); more zeros, then whitespace, are skipped.
            while at(i) == b'0' {
                i += 1;
            }
            while is_space(at(i)) {
                i += 1;
            }
            return (Some(0), i);
        }
    } else if base == 0 {
        base = 10;
    }
    if !(2..=36).contains(&base) {
        return (Some(0), i);
    }
    let radix = base as u32;
    let mut value: Option<c_ulong> = Some(0);
    while digit_value(at(i)) < radix {
        value = value.and_then(|v| v.checked_mul(radix as c_ulong)?.checked_add(digit_value(at(i)) as c_ulong));
        i += 1;
    }
    (value, i)
}

fn set_errno(e: c_int) {
    #[cfg(target_vendor = "apple")]
    unsafe {
        *libc::__error() = e
    };
    #[cfg(not(target_vendor = "apple"))]
    unsafe {
        *libc::__errno_location() = e
    };
}

/// `*ptr` is where the scan stopped; an overflow is ULONG_MAX with errno ERANGE.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyOS_strtoul(s: *const c_char, ptr: *mut *mut c_char, base: c_int) -> c_ulong {
    let (value, end) = scan_unsigned(unsafe { CStr::from_ptr(s) }.to_bytes(), base);
    if !ptr.is_null() {
        unsafe { *ptr = s.add(end) as *mut c_char };
    }
    value.unwrap_or_else(|| {
        set_errno(libc::ERANGE);
        c_ulong::MAX
    })
}

/// `PyOS_strtoul` after an optional sign. Any overflow, negative ones
/// included, is LONG_MAX with errno ERANGE, as in CPython.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn PyOS_strtol(s: *const c_char, ptr: *mut *mut c_char, base: c_int) -> c_long {
    let bytes = unsafe { CStr::from_ptr(s) }.to_bytes();
    let mut start = bytes.iter().take_while(|&&c| is_space(c)).count();
    let negative = bytes.get(start) == Some(&b'-');
    if negative || bytes.get(start) == Some(&b'+') {
        start += 1;
    }
    let (value, end) = scan_unsigned(&bytes[start..], base);
    if !ptr.is_null() {
        unsafe { *ptr = s.add(start + end) as *mut c_char };
    }
    match value {
        Some(v) if v <= c_long::MAX as c_ulong => if negative { -(v as c_long) } else { v as c_long },
        Some(v) if negative && v == c_long::MIN.unsigned_abs() => c_long::MIN,
        _ => {
            set_errno(libc::ERANGE);
            c_long::MAX
        }
    }
}

// ---------------------------------------------------------------------------
// Layout: CPython 3.12+'s `PyLongObject`, which inline code reads.

pub static LAYOUT: crate::proxy::Layout = crate::proxy::Layout {
    flag: crate::ffi::Py_TPFLAGS_LONG_SUBCLASS,
    create: |obj, tp, _vm| {
        obj.downcast_ref::<rustpython_vm::builtins::PyInt>().map(|i| unsafe { new_long_memory(i.as_bigint(), tp) })
    },
    // Only `_PyLong_New` gives C an int to fill.
    realize: Some(realize),
    release: None,
};

/// The value of `digits` (base 2**30, least significant first).
fn from_digits(negative: bool, digits: &[u32]) -> BigInt {
    let mut v = BigInt::zero();
    for d in digits.iter().rev() {
        v = (v << 30u32) + BigInt::from(*d);
    }
    if negative { -v } else { v }
}

/// The VM int of memory from `_PyLong_New` that C filled: its `lv_tag`
/// (digit count and sign) and digits.
unsafe fn realize(op: *mut crate::ffi::PyObject, vm: &VirtualMachine) -> PyResult<rustpython_vm::PyObjectRef> {
    unsafe {
        let l = op as *mut crate::ffi::PyLongObject;
        let tag = (*l).long_value.lv_tag;
        let digits = std::slice::from_raw_parts((*l).long_value.ob_digit.as_ptr(), tag >> 3);
        let v = if tag & 3 == 1 { BigInt::zero() } else { from_digits(tag & 3 == 2, digits) };
        // A new object, never a cached small int, which may have a proxy
        // of its own already.
        Ok(rustpython_vm::PyPayload::into_ref(rustpython_vm::builtins::PyInt::from(v), &vm.ctx).into())
    }
}

/// An int's memory in CPython 3.12+'s layout, which inline code such as
/// `PyUnstable_Long_IsCompact` reads: `lv_tag` is the digit count << 3 | sign
/// (0 positive, 1 zero, 2 negative), then the magnitude in base 2**30 digits,
/// least significant first.
unsafe fn new_long_memory(v: &BigInt, tp: *mut crate::ffi::PyTypeObject) -> *mut crate::ffi::PyObject {
    const DIGIT_BITS: u32 = 30;
    // Most ints fit a machine word: take their digits without big
    // arithmetic or a heap buffer (an i128 has at most 5 digits).
    let mut small = [0u32; 5];
    let mut big: Vec<u32> = Vec::new();
    let digits: &[u32] = if let Some(mut m) = v.to_i128().map(i128::unsigned_abs) {
        let mut n = 0;
        while m != 0 {
            small[n] = (m & ((1 << DIGIT_BITS) - 1)) as u32;
            m >>= DIGIT_BITS;
            n += 1;
        }
        &small[..n]
    } else {
        let mut magnitude = v.abs();
        let base = BigInt::from(1u32 << DIGIT_BITS);
        while !magnitude.is_zero() {
            big.push((&magnitude % &base).to_u32().unwrap_or(0));
            magnitude /= &base;
        }
        &big
    };
    let sign = if v.is_zero() { 1 } else if v.is_negative() { 2 } else { 0 };
    unsafe {
        let size = std::mem::offset_of!(crate::ffi::PyLongObject, long_value)
            + std::mem::offset_of!(crate::ffi::PyLongValue, ob_digit)
            + digits.len().max(1) * std::mem::size_of::<u32>();
        let p = crate::proxy::alloc(size, tp);
        if p.is_null() {
            return p;
        }
        let l = p as *mut crate::ffi::PyLongObject;
        (*l).long_value.lv_tag = (digits.len() << 3) | sign;
        let out = (*l).long_value.ob_digit.as_mut_ptr();
        for (k, d) in digits.iter().enumerate() {
            *out.add(k) = *d;
        }
        p
    }
}

/// `v` as an int, for the private functions CPython gives a `PyLongObject*`
/// (it only asserts; here anything else is `PyErr_BadInternalCall`).
fn long_arg<'a>(v: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a BigInt> {
    v.downcast_ref::<PyInt>().map(|i| i.as_bigint()).ok_or_else(|| crate::boundary::bad_internal_call(vm))
}

capi! {
    /// Memory for an int of `size` digits, for C to fill (`lv_tag` says
    /// positive, or zero for no digits, until C changes it).
    fn _PyLong_New(vm, size: isize) -> crate::boundary::NewPtr {
        if size < 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let n = size as usize;
        let bytes = std::mem::offset_of!(crate::ffi::PyLongObject, long_value)
            + std::mem::offset_of!(crate::ffi::PyLongValue, ob_digit)
            + n.max(1) * std::mem::size_of::<u32>();
        unsafe {
            let p = crate::proxy::alloc(bytes, &raw mut crate::typeobject::PyLong_Type);
            if p.is_null() {
                return Err(vm.new_memory_error(""));
            }
            (*(p as *mut crate::ffi::PyLongObject)).long_value.lv_tag = if n == 0 { 1 } else { n << 3 };
            Ok(crate::boundary::NewPtr(p))
        }
    }

    unsafe fn _PyLong_FromDigits(vm, negative: c_int, digit_count: isize, digits: *mut u32) -> PyObjectRef {
        if digit_count < 0 || (digit_count > 0 && digits.is_null()) {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let digits = if digit_count == 0 { &[][..] } else { std::slice::from_raw_parts(digits, digit_count as usize) };
        Ok(vm.ctx.new_int(from_digits(negative != 0, digits)).into())
    }

    /// `math.gcd` of two ints: never negative.
    fn _PyLong_GCD(vm, a: PyObjectRef, b: PyObjectRef) -> PyObjectRef {
        vm.import("math", 0)?.get_attr("gcd", vm)?.call((a, b), vm)
    }
}

// ---------------------------------------------------------------------------
// Native bytes (3.13): two's complement of any width, CPython's result rules.

const ASNATIVEBYTES_LITTLE_ENDIAN: c_int = 1;
const ASNATIVEBYTES_NATIVE_ENDIAN: c_int = 3;
const ASNATIVEBYTES_UNSIGNED_BUFFER: c_int = 4;
const ASNATIVEBYTES_REJECT_NEGATIVE: c_int = 8;
const ASNATIVEBYTES_ALLOW_INDEX: c_int = 16;

/// Whether `flags` asks for little-endian bytes (-1 and NATIVE_ENDIAN:
/// the machine's).
fn little_endian(flags: c_int) -> bool {
    if flags == -1 || flags & ASNATIVEBYTES_NATIVE_ENDIAN == ASNATIVEBYTES_NATIVE_ENDIAN {
        cfg!(target_endian = "little")
    } else {
        flags & ASNATIVEBYTES_LITTLE_ENDIAN != 0
    }
}

/// The low `n` bytes of `v`'s two's complement (sign-extended when `v`
/// needs fewer), least significant first.
fn twos_complement_le(v: &BigInt, n: usize) -> Vec<u8> {
    let mut bytes = v.to_signed_bytes_le();
    let fill = if v.is_negative() { 0xFF } else { 0 };
    bytes.resize(n, fill);
    bytes
}

/// What `PyLong_AsNativeBytes` returns for `v` in `n` bytes, given the
/// bytes written: the size CPython reports, exact when the value fits (a
/// value that does not fit may be reported larger than needed, as there).
fn native_size(v: &BigInt, n: isize, written_le: &[u8], flags: c_int) -> isize {
    let unsigned_ok = flags == -1 || flags & ASNATIVEBYTES_UNSIGNED_BUFFER != 0;
    // Signed fit in `bits` bits: -2**(bits-1) <= v < 2**(bits-1).
    let fits_signed = |bits: u64| {
        if v.is_negative() {
            (-v - 1u32).bits() < bits
        } else {
            v.bits() < bits
        }
    };
    if v.bits() <= 30 {
        // CPython's compact ints: the size of a Py_ssize_t unless the value
        // fits a smaller buffer it was given.
        let word = size_of::<isize>() as isize;
        if n > 0 && n <= word {
            let bits = n as u64 * 8;
            if fits_signed(bits) {
                return n;
            }
            if v.is_positive() && fits_signed(bits + 1) {
                return if unsigned_ok { n } else { n + 1 };
            }
        }
        return word;
    }
    let nb = v.bits();
    let mut res = (nb / 8) as isize + 1;
    if n > 0 && res == n + 1 && nb % 8 == 0 {
        let top = written_le[n as usize - 1];
        if v.is_negative() {
            // -2**(8n-1) needs no extra sign bit.
            if top == 0x80 && written_le[..n as usize - 1].iter().all(|&b| b == 0) {
                res = n;
            }
        } else if top & 0x80 != 0 {
            res = if unsigned_ok { n } else { n + 1 };
        }
    }
    res
}

capi! {
    /// Copies `v` into `n_bytes` bytes as a C cast would (all of them are
    /// written); returns how many bytes the value needs.
    unsafe fn PyLong_AsNativeBytes(vm, v: &PyObject, buffer: *mut c_void, n_bytes: isize, flags: c_int) -> isize {
        let value = if let Some(i) = v.downcast_ref::<PyInt>() {
            i.as_bigint().clone()
        } else if flags != -1 && flags & ASNATIVEBYTES_ALLOW_INDEX != 0 {
            index_value(v, vm)?
        } else {
            return Err(vm.new_type_error(format!("expect int, got {}", fully_qualified_name(v.class().as_object(), vm)?)));
        };
        if flags != -1 && flags & ASNATIVEBYTES_REJECT_NEGATIVE != 0 && value.is_negative() {
            return Err(vm.new_value_error("Cannot convert negative int"));
        }
        if n_bytes < 0 || (buffer.is_null() && n_bytes > 0) {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let le = twos_complement_le(&value, n_bytes as usize);
        if n_bytes > 0 {
            let out = std::slice::from_raw_parts_mut(buffer as *mut u8, n_bytes as usize);
            out.copy_from_slice(&le);
            if !little_endian(flags) {
                out.reverse();
            }
        }
        Ok(native_size(&value, n_bytes, &le, flags))
    }

    /// The int of `n_bytes` two's-complement bytes (unsigned with
    /// UNSIGNED_BUFFER).
    unsafe fn PyLong_FromNativeBytes(vm, buffer: *const c_void, n_bytes: usize, flags: c_int) -> PyObjectRef {
        let unsigned = flags != -1 && flags & ASNATIVEBYTES_UNSIGNED_BUFFER != 0;
        from_native(buffer, n_bytes, flags, unsigned, vm)
    }

    unsafe fn PyLong_FromUnsignedNativeBytes(vm, buffer: *const c_void, n_bytes: usize, flags: c_int) -> PyObjectRef {
        from_native(buffer, n_bytes, flags, true, vm)
    }
}

unsafe fn from_native(buffer: *const c_void, n_bytes: usize, flags: c_int, unsigned: bool, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    if n_bytes == 0 {
        return Ok(vm.ctx.new_int(0).into());
    }
    if buffer.is_null() {
        return Err(crate::boundary::bad_internal_call(vm));
    }
    let mut le = unsafe { std::slice::from_raw_parts(buffer as *const u8, n_bytes) }.to_vec();
    if !little_endian(flags) {
        le.reverse();
    }
    let v = if unsigned { BigInt::from_bytes_le(malachite_bigint::Sign::Plus, &le) } else { BigInt::from_signed_bytes_le(&le) };
    Ok(vm.ctx.new_int(v).into())
}

/// The value of the int `o`; anything else is TypeError "<verb> int, got
/// %T" (CPython words it "expect" or "expected" by function).
fn int_of<'a>(o: &'a PyObject, verb: &str, vm: &VirtualMachine) -> PyResult<&'a BigInt> {
    match o.downcast_ref::<PyInt>() {
        Some(i) => Ok(i.as_bigint()),
        None => Err(vm.new_type_error(format!("{verb} int, got {}", fully_qualified_name(o.class().as_object(), vm)?))),
    }
}

// ---------------------------------------------------------------------------
// Digit import/export (3.14): the proxy's own CPython-layout digits.

#[repr(C)]
pub struct PyLongLayout {
    bits_per_digit: u8,
    digit_size: u8,
    digits_order: i8,
    digit_endianness: i8,
}

/// 30-bit digits in `u32`s, least significant first, native byte order.
static NATIVE_LAYOUT: PyLongLayout = PyLongLayout {
    bits_per_digit: 30,
    digit_size: 4,
    digits_order: -1,
    digit_endianness: if cfg!(target_endian = "little") { -1 } else { 1 },
};

#[repr(C)]
pub struct PyLongExport {
    value: i64,
    negative: u8,
    ndigits: isize,
    digits: *const c_void,
    /// The int's proxy, whose digits `digits` points at, with a reference.
    reserved: usize,
}

capi! {
    fn PyLong_GetNativeLayout(vm) -> *const PyLongLayout {
        let _ = vm;
        Ok(&NATIVE_LAYOUT as *const PyLongLayout)
    }

    /// An int64 as `value`; a larger int as its digits (the proxy's, held
    /// until `PyLong_FreeExport`).
    unsafe fn PyLong_Export(vm, obj: &PyObject, export: *mut PyLongExport) -> () {
        if export.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        std::ptr::write_bytes(export, 0, 1);
        let v = int_of(obj, "expect", vm)?;
        if let Some(small) = v.to_i64() {
            (*export).value = small;
            return Ok(());
        }
        let p = crate::proxy::to_c_new(obj, vm);
        let l = p as *mut crate::ffi::PyLongObject;
        (*export).negative = v.is_negative() as u8;
        (*export).ndigits = ((*l).long_value.lv_tag >> 3).max(1) as isize;
        (*export).digits = (*l).long_value.ob_digit.as_ptr() as *const c_void;
        (*export).reserved = p as usize;
        Ok(())
    }

    unsafe fn PyLong_FreeExport(vm, export: *mut PyLongExport) -> crate::boundary::Void {
        let _ = vm;
        if !export.is_null() && (*export).reserved != 0 {
            let p = std::mem::replace(&mut (*export).reserved, 0) as *mut crate::ffi::PyObject;
            crate::proxy::decref(p);
        }
        Ok(crate::boundary::Void)
    }

    /// An int of `ndigits` digits for C to fill (`*digits`); the writer is
    /// the int's memory.
    unsafe fn PyLongWriter_Create(vm, negative: c_int, ndigits: isize, digits: *mut *mut c_void) -> *mut c_void {
        if digits.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        *digits = std::ptr::null_mut();
        if ndigits <= 0 {
            return Err(vm.new_value_error("ndigits must be positive"));
        }
        let p = _PyLong_New(ndigits);
        if p.is_null() {
            return Err(crate::pyerrors::take().unwrap_or_else(|| vm.new_memory_error("")));
        }
        let l = p as *mut crate::ffi::PyLongObject;
        if negative != 0 {
            (*l).long_value.lv_tag |= 2;
        }
        *digits = (*l).long_value.ob_digit.as_mut_ptr() as *mut c_void;
        Ok(p as *mut c_void)
    }

    /// The int written, its top zero digits dropped.
    unsafe fn PyLongWriter_Finish(vm, writer: *mut c_void) -> crate::boundary::NewPtr {
        if writer.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let l = writer as *mut crate::ffi::PyLongObject;
        let digits = (*l).long_value.ob_digit.as_ptr();
        let mut n = (*l).long_value.lv_tag >> 3;
        while n > 0 && *digits.add(n - 1) == 0 {
            n -= 1;
        }
        (*l).long_value.lv_tag = if n == 0 { 1 } else { (n << 3) | ((*l).long_value.lv_tag & 2) };
        Ok(crate::boundary::NewPtr(writer as *mut crate::ffi::PyObject))
    }

    unsafe fn PyLongWriter_Discard(vm, writer: *mut c_void) -> crate::boundary::Void {
        let _ = vm;
        if !writer.is_null() {
            crate::proxy::decref(writer as *mut crate::ffi::PyObject);
        }
        Ok(crate::boundary::Void)
    }
}

capi! {
    /// The `n` bytes at `bytes` as an integer in base 256, most significant
    /// last when `little_endian`; two's complement when `is_signed`.
    unsafe fn _PyLong_FromByteArray(vm, bytes: *const u8, n: usize, little_endian: i32, is_signed: i32) -> PyObjectRef {
        if n == 0 {
            return Ok(vm.ctx.new_int(0).into());
        }
        if bytes.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let mut data = std::slice::from_raw_parts(bytes, n).to_vec();
        if little_endian == 0 {
            data.reverse();
        }
        let v = if is_signed != 0 {
            BigInt::from_signed_bytes_le(&data)
        } else {
            BigInt::from_bytes_le(malachite_bigint::Sign::Plus, &data)
        };
        Ok(vm.ctx.new_int(v).into())
    }

    /// The least significant `8*n` bits of `v` into `bytes` (3.13's
    /// signature). A negative `v` without `is_signed`: -1, `bytes` left as
    /// they were; `v` too big for `n` bytes: -1 with `bytes` holding its
    /// least significant bytes. With `with_exceptions`, CPython's
    /// OverflowError is set; without, nothing is.
    unsafe fn _PyLong_AsByteArray(vm, v: &PyObject, bytes: *mut u8, n: usize, little_endian: i32, is_signed: i32, with_exceptions: i32) -> i32 {
        let v = long_arg(v, vm)?;
        let fail = |msg: &str| if with_exceptions != 0 { Err(vm.new_overflow_error(msg.to_owned())) } else { Ok(-1) };
        if v.is_negative() && is_signed == 0 {
            return fail("can't convert negative int to unsigned");
        }
        if n > 0 && bytes.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let modulus = BigInt::from(1u8) << (8 * n);
        let fits = if n == 0 {
            v.is_zero()
        } else if is_signed != 0 {
            let half = &modulus >> 1usize;
            *v >= -half.clone() && *v < half
        } else {
            *v < modulus
        };
        if n > 0 {
            let low = ((v % &modulus) + &modulus) % &modulus;
            let (_, mut data) = low.to_bytes_le();
            data.resize(n, 0);
            if little_endian == 0 {
                data.reverse();
            }
            std::ptr::copy_nonoverlapping(data.as_ptr(), bytes, n);
        }
        if fits { Ok(0) } else { fail("int too big to convert") }
    }

    /// An int of `v`'s value (an exact int, also for a subclass instance).
    fn _PyLong_Copy(vm, v: &PyObject) -> PyObjectRef {
        Ok(vm.ctx.new_int(long_arg(v, vm)?.clone()).into())
    }
}
