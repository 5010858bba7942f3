//! Character properties (CPython's `Objects/unicodectype.c`, declared in
//! `unicodeobject.h`): what `Py_UNICODE_ISSPACE` and friends expand to.
//! Each asks the VM's own `str` methods and `unicodedata` about the one
//! character, so the answers are RustPython's Unicode database, the one
//! `str.isspace()` and the rest use; ASCII, the common case, is answered
//! here. A value above U+10FFFF has no properties, as in CPython.

use crate::capi;
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine, common::wtf8::{CodePoint, Wtf8Buf}};

/// 1 for the ASCII whitespace CPython's `str.isspace()` accepts (tab, LF,
/// VT, FF, CR, the four information separators U+001C..U+001F, space).
#[unsafe(no_mangle)]
pub static _Py_ascii_whitespace: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0x09;
    while c <= 0x0d {
        t[c] = 1;
        c += 1;
    }
    let mut c = 0x1c;
    while c <= 0x20 {
        t[c] = 1;
        c += 1;
    }
    t
};

fn chr(ch: u32, vm: &VirtualMachine) -> Option<PyObjectRef> {
    CodePoint::from_u32(ch).map(|c| vm.ctx.new_str(Wtf8Buf::from(c)).into())
}

/// `chr(ch).<method>()` as 1 or 0.
fn str_is(ch: u32, method: &str, vm: &VirtualMachine) -> PyResult<i32> {
    match chr(ch, vm) {
        Some(s) => Ok(vm.call_method(&s, method, ())?.try_to_bool(vm)? as i32),
        None => Ok(0),
    }
}

/// The first character of `chr(ch).<method>()`: CPython's simple mapping
/// is the first of its full one.
fn str_map(ch: u32, method: &str, vm: &VirtualMachine) -> PyResult<u32> {
    let Some(s) = chr(ch, vm) else { return Ok(ch) };
    let mapped: rustpython_vm::builtins::PyStrRef = vm.call_method(&s, method, ())?.try_into_value(vm)?;
    Ok(mapped.as_wtf8().code_points().next().map_or(ch, |c| c.to_u32()))
}

/// `unicodedata.<function>(chr(ch), default)`.
fn database(ch: u32, function: &'static str, default: PyObjectRef, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    match chr(ch, vm) {
        Some(s) => vm.import("unicodedata", 0)?.get_attr(function, vm)?.call((s, default), vm),
        None => Ok(default),
    }
}

fn ascii(ch: u32) -> Option<u8> {
    u8::try_from(ch).ok().filter(u8::is_ascii)
}

capi! {
    fn _PyUnicode_IsWhitespace(vm, ch: u32) -> i32 {
        match ascii(ch) { Some(b) => Ok(_Py_ascii_whitespace[b as usize] as i32), None => str_is(ch, "isspace", vm) }
    }
    fn _PyUnicode_IsAlpha(vm, ch: u32) -> i32 {
        match ascii(ch) { Some(b) => Ok(b.is_ascii_alphabetic() as i32), None => str_is(ch, "isalpha", vm) }
    }
    fn _PyUnicode_IsDecimalDigit(vm, ch: u32) -> i32 {
        match ascii(ch) { Some(b) => Ok(b.is_ascii_digit() as i32), None => str_is(ch, "isdecimal", vm) }
    }
    fn _PyUnicode_IsDigit(vm, ch: u32) -> i32 {
        match ascii(ch) { Some(b) => Ok(b.is_ascii_digit() as i32), None => str_is(ch, "isdigit", vm) }
    }
    fn _PyUnicode_IsNumeric(vm, ch: u32) -> i32 {
        match ascii(ch) { Some(b) => Ok(b.is_ascii_digit() as i32), None => str_is(ch, "isnumeric", vm) }
    }
    fn _PyUnicode_IsLowercase(vm, ch: u32) -> i32 {
        match ascii(ch) { Some(b) => Ok(b.is_ascii_lowercase() as i32), None => str_is(ch, "islower", vm) }
    }
    fn _PyUnicode_IsUppercase(vm, ch: u32) -> i32 {
        match ascii(ch) { Some(b) => Ok(b.is_ascii_uppercase() as i32), None => str_is(ch, "isupper", vm) }
    }
    /// Titlecase letters are the ones `istitle()` accepts on their own and
    /// that are not uppercase (CPython's TITLE_MASK: ǅ, not A).
    fn _PyUnicode_IsTitlecase(vm, ch: u32) -> i32 {
        if ascii(ch).is_some() {
            return Ok(0);
        }
        Ok((str_is(ch, "istitle", vm)? == 1 && str_is(ch, "isupper", vm)? == 0) as i32)
    }
    fn _PyUnicode_IsPrintable(vm, ch: u32) -> i32 {
        match ascii(ch) { Some(b) => Ok((b' '..=b'~').contains(&b) as i32), None => str_is(ch, "isprintable", vm) }
    }
    /// What `str.splitlines()` splits at: `("a" + ch).splitlines()` drops it.
    fn _PyUnicode_IsLinebreak(vm, ch: u32) -> i32 {
        let Some(c) = CodePoint::from_u32(ch) else { return Ok(0) };
        let mut text = Wtf8Buf::from("a");
        text.push(c);
        let s: PyObjectRef = vm.ctx.new_str(text).into();
        let lines: Vec<rustpython_vm::builtins::PyStrRef> = vm.call_method(&s, "splitlines", ())?.try_to_value(vm)?;
        Ok((lines.len() == 1 && lines[0].char_len() == 1) as i32)
    }
    fn _PyUnicode_ToLowercase(vm, ch: u32) -> u32 {
        str_map(ch, "lower", vm)
    }
    fn _PyUnicode_ToUppercase(vm, ch: u32) -> u32 {
        str_map(ch, "upper", vm)
    }
    fn _PyUnicode_ToTitlecase(vm, ch: u32) -> u32 {
        str_map(ch, "title", vm)
    }
    /// -1 for a character that is not a decimal digit, as CPython.
    fn _PyUnicode_ToDecimalDigit(vm, ch: u32) -> i32 {
        database(ch, "decimal", vm.ctx.new_int(-1).into(), vm)?.try_to_value(vm)
    }
    fn _PyUnicode_ToDigit(vm, ch: u32) -> i32 {
        database(ch, "digit", vm.ctx.new_int(-1).into(), vm)?.try_to_value(vm)
    }
    /// -1.0 for a character without a numeric value.
    fn _PyUnicode_ToNumeric(vm, ch: u32) -> f64 {
        Ok(database(ch, "numeric", vm.ctx.new_float(-1.0).into(), vm)?.try_float(vm)?.to_f64())
    }
}
