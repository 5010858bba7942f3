//! Strings to doubles (`pystrtod.h`), as CPython reads them: C's `strtod`
//! grammar without leading whitespace, hex or locale, then `inf`,
//! `infinity` and `nan` in any case.

use crate::capi;
use crate::pyerrors::make_exception;
use rustpython_vm::{PyObjectRef, VirtualMachine, builtins::PyBaseExceptionRef};
use std::ffi::{CStr, c_char};

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

capi! {
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
