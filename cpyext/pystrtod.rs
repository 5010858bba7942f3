//! Strings to doubles (`pystrtod.h`), as CPython reads them: C's `strtod`
//! grammar without leading whitespace, hex or locale, then `inf`,
//! `infinity` and `nan` in any case.

use crate::capi;
use crate::pyerrors::make_exception;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine, builtins::PyBaseExceptionRef};
use std::ffi::{CStr, c_char, c_int};

/// The length of the decimal number `s` starts with (sign, digits with at
/// most one point, an exponent if digits follow it); 0 when there is none.
fn decimal_prefix(s: &[u8]) -> usize {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let digits_from = |i: usize| (i..).take_while(|&j| at(j).is_ascii_digit()).count();
    let mut i = usize::from(matches!(at(0), b'+' | b'-'));
    let whole = digits_from(i);
    i += whole;
    let mut fraction = 0;
    if at(i) == b'.' {
        fraction = digits_from(i + 1);
        i += 1 + fraction;
    }
    if whole + fraction == 0 {
        return 0;
    }
    if matches!(at(i), b'e' | b'E') {
        let sign = usize::from(matches!(at(i + 1), b'+' | b'-'));
        let exponent = digits_from(i + 1 + sign);
        if exponent > 0 {
            i += 1 + sign + exponent;
        }
    }
    i
}

/// `inf`, `infinity` or `nan` (any case, optionally signed) at the start
/// of `s`: the value and its length.
fn inf_or_nan(s: &[u8]) -> Option<(f64, usize)> {
    let sign = usize::from(matches!(s.first(), Some(b'+' | b'-')));
    let negative = s.first() == Some(&b'-');
    let rest = &s[sign..];
    let starts = |word: &[u8]| rest.get(..word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word));
    let (value, len) = if starts(b"infinity") {
        (f64::INFINITY, 8)
    } else if starts(b"inf") {
        (f64::INFINITY, 3)
    } else if starts(b"nan") {
        (f64::NAN, 3)
    } else {
        return None;
    };
    Some((if negative { -value } else { value }, sign + len))
}

/// `'%.200s'` of CPython's messages: at most 200 bytes of the input.
fn quoted(s: &[u8]) -> String {
    String::from_utf8_lossy(&s[..s.len().min(200)]).into_owned()
}

fn invalid(s: &[u8], vm: &VirtualMachine) -> PyBaseExceptionRef {
    vm.new_value_error(format!("could not convert string to float: '{}'", quoted(s)))
}

const DTSF_SIGN: c_int = 0x01;
const DTSF_ADD_DOT_0: c_int = 0x02;
const DTSF_ALT: c_int = 0x04;
const DTSF_NO_NEG_0: c_int = 0x08;

/// `PyOS_double_to_string`'s text of `val`: Python's own float formatting
/// (`repr` for 'r', `format` otherwise) with the flags applied as CPython
/// does.
fn double_to_string(val: f64, code: u8, precision: c_int, flags: c_int, vm: &VirtualMachine) -> PyResult<String> {
    let upper = code.is_ascii_uppercase();
    let mut text = if !val.is_finite() {
        let t = if val.is_nan() { "nan" } else if val > 0.0 { "inf" } else { "-inf" };
        if upper { t.to_uppercase() } else { t.to_owned() }
    } else if code == b'r' {
        // repr() adds the ".0" CPython adds only with Py_DTSF_ADD_DOT_0.
        let r = vm.ctx.new_float(val).as_object().repr(vm)?.to_string();
        match r.strip_suffix(".0") {
            Some(bare) if flags & DTSF_ADD_DOT_0 == 0 => bare.to_owned(),
            _ => r,
        }
    } else {
        if !matches!(code, b'e' | b'E' | b'f' | b'F' | b'g' | b'G') || precision < 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let spec = format!("{}.{}{}", if flags & DTSF_ALT != 0 { "#" } else { "" }, precision, code as char);
        let t = vm.call_method(vm.ctx.new_float(val).as_ref(), "__format__", (spec,))?.str(vm)?.to_string();
        let is_plain = !t.contains(['.', 'e', 'E']);
        if flags & DTSF_ADD_DOT_0 != 0 && matches!(code, b'g' | b'G') && is_plain { t + ".0" } else { t }
    };
    if flags & DTSF_NO_NEG_0 != 0 && val == 0.0 {
        text = text.trim_start_matches('-').to_owned();
    }
    if flags & DTSF_SIGN != 0 && !text.starts_with('-') {
        text.insert(0, '+');
    }
    Ok(text)
}

capi! {
    /// A string C frees with `PyMem_Free`, and the kind of number in `type`.
    unsafe fn PyOS_double_to_string(vm, val: f64, format_code: c_char, precision: c_int, flags: c_int, ty: *mut c_int) -> *mut c_char {
        let text = double_to_string(val, format_code as u8, precision, flags, vm)?;
        if !ty.is_null() {
            *ty = if val.is_nan() { 2 } else if val.is_infinite() { 1 } else { 0 };
        }
        let p = crate::pymem::PyMem_Malloc(text.len() + 1) as *mut c_char;
        if p.is_null() {
            return Err(vm.new_memory_error(""));
        }
        std::ptr::copy_nonoverlapping(text.as_ptr() as *const c_char, p, text.len());
        *p.add(text.len()) = 0;
        Ok(p)
    }

    /// Without `endptr` the whole string must be a number; with it, the
    /// number at its start is read and `*endptr` set past it (to `s` when
    /// there is none, a ValueError). A finite number too large for a double
    /// raises `overflow_exception`, or is ±inf when that is NULL.
    unsafe fn PyOS_string_to_double(vm, s: &CStr, endptr: *mut *mut c_char, overflow_exception: Option<PyObjectRef>) -> f64 {
        let bytes = s.to_bytes();
        let decimal = decimal_prefix(bytes);
        let (value, used) = match decimal {
            0 => inf_or_nan(bytes).unwrap_or((-1.0, 0)),
            n => (std::str::from_utf8_unchecked(&bytes[..n]).parse::<f64>().map_err(|_| invalid(bytes, vm))?, n),
        };
        if !endptr.is_null() {
            *endptr = s.as_ptr().add(used) as *mut c_char;
        }
        if used == 0 || (endptr.is_null() && used < bytes.len()) {
            return Err(invalid(bytes, vm));
        }
        match overflow_exception {
            Some(exc) if decimal > 0 && value.is_infinite() => {
                let msg = vm.ctx.new_str(format!("value too large to convert to float: '{}'", quoted(bytes)));
                Err(make_exception(exc, Some(msg.into()), vm)?)
            }
            _ => Ok(value),
        }
    }
}
