//! Strings (`unicodeobject.h`).

use crate::boundary::{NewPtr, Ptr, ToC};
use crate::capi;
use crate::ffi::{self, PyObject as CObject, PyTypeObject};
use crate::proxy::{self, Aux};
use rustpython_vm::{
    AsObject, Py, PyObject, PyObjectRef, PyResult, TryFromBorrowedObject, VirtualMachine,
    builtins::{PyStr, PyStrRef, PyTupleRef},
    protocol::PyBuffer,
};
use rustpython_vm::common::wtf8::{CodePoint, Wtf8Buf};
use std::ffi::{CStr, c_char, c_void};

/// A str from UTF-8 bytes; invalid input raises the codec's UnicodeDecodeError.
pub fn from_utf8(bytes: &[u8], vm: &VirtualMachine) -> PyResult<PyStrRef> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(vm.ctx.new_str(s)),
        Err(_) => {
            let b: PyObjectRef = vm.ctx.new_bytes(bytes.to_vec()).into();
            vm.call_method(&b, "decode", ("utf-8",))?
                .downcast::<PyStr>()
                .map_err(|_| vm.new_type_error("decode did not return a str"))
        }
    }
}

fn as_str(o: &PyObjectRef, vm: &VirtualMachine) -> PyResult<PyStrRef> {
    o.clone().downcast::<PyStr>().map_err(|_| vm.new_type_error("bad argument type for built-in operation"))
}

/// CPython's `ensure_unicode`: a str or a subclass of it.
fn ensure_str<'a>(o: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a Py<PyStr>> {
    o.downcast_ref::<PyStr>().ok_or_else(|| vm.new_type_error(format!("must be str, not {}", o.class().name())))
}

use crate::boundary::c_text;

/// `size` bytes at `s`; NULL is allowed for none.
unsafe fn c_bytes<'a>(s: *const c_char, size: isize, vm: &VirtualMachine) -> PyResult<&'a [u8]> {
    match (s.is_null(), size) {
        (_, 0) => Ok(&[]),
        (false, 1..) => Ok(unsafe { std::slice::from_raw_parts(s as *const u8, size as usize) }),
        _ => Err(crate::boundary::bad_internal_call(vm)),
    }
}

/// `PyUnicode_Decode`: `bytes` decoded by the text codec `encoding`, which
/// must give a str; no bytes are "" without looking the codec up.
fn decode(bytes: &[u8], encoding: &str, errors: &str, vm: &VirtualMachine) -> PyResult {
    if bytes.is_empty() {
        return Ok(vm.ctx.empty_str.to_owned().into());
    }
    let codecs = vm.import("_codecs", 0)?;
    let info = codecs.get_attr("lookup", vm)?.call((encoding,), vm)?;
    if !info.get_attr("_is_text_encoding", vm).and_then(|t| t.try_to_bool(vm)).unwrap_or(true) {
        return Err(vm.new_lookup_error(format!("'{encoding}' is not a text encoding; use codecs.decode() to handle arbitrary codecs")));
    }
    let b: PyObjectRef = vm.ctx.new_bytes(bytes.to_vec()).into();
    let r = info.get_attr("decode", vm)?.call((b, errors), vm)?;
    let r = match r.downcast_ref::<rustpython_vm::builtins::PyTuple>() {
        Some(t) if t.len() == 2 => t[0].clone(),
        _ => return Err(vm.new_type_error("decoder must return a tuple (object, integer)")),
    };
    if r.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error(format!(
            "'{encoding}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            r.class().name()
        )));
    }
    Ok(r)
}

/// A file name's bytes as a str, the way the file system encoding reads
/// them (`os.fsdecode`).
pub fn decode_fs(bytes: &[u8], vm: &VirtualMachine) -> PyResult {
    decode(bytes, vm.fs_encoding().as_str(), vm.fs_encode_errors().as_str(), vm)
}

/// `Py_CLEANUP_SUPPORTED`: a converter's success, asking for the cleanup
/// call should the parse fail later.
const CLEANUP_SUPPORTED: i32 = 0x20000;

/// An `O&` converter storing `convert(obj)` as a new reference at
/// `result`, or (for NULL `obj`) releasing what it stored there.
unsafe fn converter(obj: *mut CObject, result: *mut c_void, convert: fn(&PyObject, &VirtualMachine) -> PyResult, vm: &VirtualMachine) -> PyResult<i32> {
    if result.is_null() {
        return Err(crate::boundary::bad_internal_call(vm));
    }
    let addr = result as *mut *mut CObject;
    unsafe {
        if obj.is_null() {
            let old = std::mem::replace(&mut *addr, std::ptr::null_mut());
            if !old.is_null() {
                proxy::decref(old);
            }
            return Ok(1);
        }
        match proxy::from_c_ref(obj, vm).and_then(|o| convert(o, vm)) {
            Ok(v) => {
                *addr = proxy::to_c_new(&v, vm);
                Ok(CLEANUP_SUPPORTED)
            }
            Err(e) => {
                crate::pyerrors::set(e);
                Ok(0)
            }
        }
    }
}

fn fspath(obj: &PyObject, vm: &VirtualMachine) -> PyResult {
    crate::osmodule::fspath(obj.to_owned(), vm)
}

/// A path as bytes, a str encoded with the file-system encoding; no NUL.
fn fs_bytes(obj: &PyObject, vm: &VirtualMachine) -> PyResult {
    let path = fspath(obj, vm)?;
    let bytes = if path.downcast_ref::<rustpython_vm::builtins::PyBytes>().is_some() {
        path
    } else {
        vm.call_method(vm.import("os", 0)?.as_object(), "fsencode", (path,))?
    };
    let has_nul = bytes.downcast_ref::<rustpython_vm::builtins::PyBytes>().is_some_and(|b| b.as_bytes().contains(&0));
    if has_nul {
        return Err(vm.new_value_error("embedded null byte"));
    }
    Ok(bytes)
}

/// A path as str, bytes decoded with the file-system encoding (other
/// buffers are refused since 3.12); no NUL.
fn fs_str(obj: &PyObject, vm: &VirtualMachine) -> PyResult {
    let path = fspath(obj, vm)?;
    let text = match path.downcast_ref::<rustpython_vm::builtins::PyBytes>() {
        Some(b) => decode_fs(b.as_bytes(), vm)?,
        None => path,
    };
    let has_nul = text.downcast_ref::<PyStr>().is_some_and(|s| s.as_wtf8().code_points().any(|c| c.to_u32() == 0));
    if has_nul {
        return Err(vm.new_value_error("embedded null character"));
    }
    Ok(text)
}

#[derive(Clone, Copy)]
enum Codec {
    Encode,
    Decode,
}

/// Any codec of the registry run on a str (the deprecated
/// `PyUnicode_As{En,De}coded{Object,Unicode}`, which warn with
/// `deprecation` as CPython does); `want_str` refuses a result that is not
/// a str, with CPython's message.
#[allow(clippy::too_many_arguments)]
unsafe fn codec_on_str(o: PyObjectRef, codec: Codec, encoding: *const c_char, errors: *const c_char, want_str: bool, deprecation: &str, vm: &VirtualMachine) -> PyResult {
    as_str(&o, vm)?;
    crate::warnings::warn(vm.ctx.exceptions.deprecation_warning.to_owned().into(), vm.ctx.new_str(deprecation).into(), 1, vm)?;
    let (encoding, errors) = unsafe { (c_text(encoding, "utf-8"), c_text(errors, "strict")) };
    let verb = match codec {
        Codec::Encode => "encode",
        Codec::Decode => "decode",
    };
    let r = vm.import("_codecs", 0)?.get_attr(verb, vm)?.call((o, encoding.as_str(), errors), vm)?;
    if want_str && r.downcast_ref::<PyStr>().is_none() {
        return Err(vm.new_type_error(format!(
            "'{encoding}' {verb}r returned '{}' instead of 'str'; use codecs.{verb}() to {verb} to arbitrary types",
            r.class().name()
        )));
    }
    Ok(r)
}

/// The first item of what `_codecs.<name>(arg)` returns: the builtin codec
/// itself, whose errors carry no note of the codec machinery.
fn builtin_codec(name: &'static str, arg: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    let r: PyTupleRef = vm.import("_codecs", 0)?.get_attr(name, vm)?.call((arg,), vm)?.try_into_value(vm)?;
    Ok(r[0].clone())
}

/// The NUL-terminated UTF-8 of `o`, valid for as long as the str lives
/// (CPython's contract for `PyUnicode_AsUTF8`): an ASCII str's own data;
/// otherwise a copy kept beside the proxy, which the compact header's
/// `utf8` field also points at, as in CPython.
fn utf8_of(op: Ptr, vm: &VirtualMachine) -> PyResult<(*const c_char, isize)> {
    unsafe {
        let o = proxy::from_c_ref(op.0, vm)?;
        let s = o.downcast_ref::<PyStr>().ok_or_else(|| vm.new_type_error("bad argument type for built-in operation"))?;
        if !proxy::is_prefixed(op.0) || (*(*op.0).ob_type).tp_flags & crate::ffi::Py_TPFLAGS_UNICODE_SUBCLASS == 0 {
            return Err(vm.new_system_error("str object has no proxy"));
        }
        let state = (*(op.0 as *mut crate::ffi::PyASCIIObject)).state;
        if state & crate::ffi::STATE_ASCII != 0 {
            let (data, _) = str_data(op.0);
            return Ok((data as *const c_char, s.byte_len() as isize));
        }
        if let Some(Aux::Utf8(b)) = proxy::aux(op.0) {
            return Ok((b.as_ptr() as *const c_char, b.len() as isize - 1));
        }
        let Some(text) = s.to_str() else {
            // Lone surrogates: let the codec raise its UnicodeEncodeError.
            vm.call_method(o, "encode", ("utf-8",))?;
            return Err(vm.new_value_error("str is not valid UTF-8"));
        };
        let mut buf = Vec::with_capacity(text.len() + 1);
        buf.extend_from_slice(text.as_bytes());
        buf.push(0);
        let buf = buf.into_boxed_slice();
        let result = (buf.as_ptr() as *const c_char, text.len() as isize);
        proxy::set_aux(op.0, Aux::Utf8(buf));
        let compact = op.0 as *mut crate::ffi::PyCompactUnicodeObject;
        (*compact).utf8 = result.0 as *mut c_char;
        (*compact).utf8_length = result.1;
        Ok(result)
    }
}

capi! {
    /// A str of `size` code points for C to fill (with `PyUnicode_WRITE`)
    /// before it is handed to Python.
    fn PyUnicode_New(vm, size: isize, maxchar: u32) -> NewPtr {
        if size < 0 {
            return Err(vm.new_system_error("Negative size passed to PyUnicode_New"));
        }
        if maxchar > 0x10ffff {
            return Err(vm.new_system_error("invalid maximum character passed to PyUnicode_New"));
        }
        if size == 0 {
            return Ok(NewPtr(proxy::to_c_new(vm.ctx.empty_str.as_object(), vm)));
        }
        let p = unsafe { new_str_memory(size as usize, maxchar, &raw mut crate::typeobject::PyUnicode_Type) };
        if p.is_null() {
            return Err(vm.new_memory_error(""));
        }
        Ok(NewPtr(p))
    }

    fn PyUnicode_FromString(vm, s: &CStr) -> PyObjectRef {
        Ok(from_utf8(s.to_bytes(), vm)?.into())
    }

    fn PyUnicode_FromStringAndSize(vm, s: *const c_char, size: isize) -> PyObjectRef {
        if size < 0 {
            return Err(vm.new_system_error("Negative size passed to PyUnicode_FromStringAndSize"));
        }
        if s.is_null() {
            if size == 0 {
                return Ok(vm.ctx.empty_str.to_owned().into());
            }
            return Err(vm.new_system_error("NULL string with positive size with PyUnicode_FromStringAndSize"));
        }
        let bytes = unsafe { std::slice::from_raw_parts(s as *const u8, size as usize) };
        Ok(from_utf8(bytes, vm)?.into())
    }

    /// `bytes(s).decode(encoding or "utf-8", errors or "strict")`, which must give a str.
    unsafe fn PyUnicode_Decode(vm, s: *const c_char, size: isize, encoding: *const c_char, errors: *const c_char) -> PyObjectRef {
        decode(c_bytes(s, size, vm)?, &c_text(encoding, "utf-8"), &c_text(errors, "strict"), vm)
    }

    /// Decodes a bytes-like object, never a str.
    unsafe fn PyUnicode_FromEncodedObject(vm, o: &PyObject, encoding: *const c_char, errors: *const c_char) -> PyObjectRef {
        if o.downcast_ref::<PyStr>().is_some() {
            return Err(vm.new_type_error("decoding str is not supported"));
        }
        let not_bytes = || vm.new_type_error(format!("decoding to str: need a bytes-like object, {} found", o.class().name()));
        let buffer = PyBuffer::try_from_borrowed_object(vm, o).map_err(|_| not_bytes())?;
        let data = buffer.as_contiguous().ok_or_else(not_bytes)?;
        decode(&data, &c_text(encoding, "utf-8"), &c_text(errors, "strict"), vm)
    }

    unsafe fn PyUnicode_DecodeASCII(vm, s: *const c_char, size: isize, errors: *const c_char) -> PyObjectRef {
        decode(c_bytes(s, size, vm)?, "ascii", &c_text(errors, "strict"), vm)
    }

    /// Latin-1 cannot fail, so `errors` is never looked at (as in CPython).
    unsafe fn PyUnicode_DecodeLatin1(vm, s: *const c_char, size: isize, errors: *const c_char) -> PyObjectRef {
        let text: String = c_bytes(s, size, vm)?.iter().map(|&b| b as char).collect();
        Ok(vm.ctx.new_str(text).into())
    }

    fn PyUnicode_DecodeFSDefault(vm, s: &CStr) -> PyObjectRef {
        decode_fs(s.to_bytes(), vm)
    }

    fn PyUnicode_AsASCIIString(vm, o: PyObjectRef) -> PyObjectRef {
        as_str(&o, vm)?;
        builtin_codec("ascii_encode", o, vm)
    }

    fn PyUnicode_AsLatin1String(vm, o: PyObjectRef) -> PyObjectRef {
        as_str(&o, vm)?;
        builtin_codec("latin_1_encode", o, vm)
    }

    fn PyUnicode_DecodeUTF8(vm, s: *const c_char, size: isize, errors: *const c_char) -> PyObjectRef {
        if s.is_null() || size < 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let bytes = unsafe { std::slice::from_raw_parts(s as *const u8, size as usize) };
        let errors = unsafe { c_text(errors, "strict") };
        let b: PyObjectRef = vm.ctx.new_bytes(bytes.to_vec()).into();
        vm.call_method(&b, "decode", ("utf-8", errors))
    }

    fn PyUnicode_AsUTF8AndSize(vm, o: Ptr, size: *mut isize) -> *const c_char {
        let (p, n) = utf8_of(o, vm).inspect_err(|_| {
            if !size.is_null() { unsafe { *size = -1 } }
        })?;
        if !size.is_null() {
            unsafe { *size = n };
        }
        Ok(p)
    }

    fn PyUnicode_AsUTF8(vm, o: Ptr) -> *const c_char {
        let (p, n) = utf8_of(o, vm)?;
        if unsafe { CStr::from_ptr(p) }.to_bytes().len() != n as usize {
            return Err(vm.new_value_error("embedded null character"));
        }
        Ok(p)
    }

    fn PyUnicode_AsUTF8String(vm, o: PyObjectRef) -> PyObjectRef {
        as_str(&o, vm)?;
        vm.call_method(&o, "encode", ("utf-8",))
    }

    fn PyUnicode_AsEncodedString(vm, o: PyObjectRef, encoding: *const c_char, errors: *const c_char) -> PyObjectRef {
        as_str(&o, vm)?;
        let (encoding, errors) = unsafe { (c_text(encoding, "utf-8"), c_text(errors, "strict")) };
        vm.call_method(&o, "encode", (encoding, errors))
    }

    unsafe fn PyUnicode_AsEncodedObject(vm, o: PyObjectRef, encoding: *const c_char, errors: *const c_char) -> PyObjectRef {
        codec_on_str(o, Codec::Encode, encoding, errors, false, "PyUnicode_AsEncodedObject() is deprecated and will be removed in 3.15; use PyUnicode_AsEncodedString() to encode from str to bytes or PyCodec_Encode() for generic encoding", vm)
    }

    unsafe fn PyUnicode_AsEncodedUnicode(vm, o: PyObjectRef, encoding: *const c_char, errors: *const c_char) -> PyObjectRef {
        codec_on_str(o, Codec::Encode, encoding, errors, true, "PyUnicode_AsEncodedUnicode() is deprecated and will be removed in 3.15; use PyCodec_Encode() to encode from str to str", vm)
    }

    unsafe fn PyUnicode_AsDecodedObject(vm, o: PyObjectRef, encoding: *const c_char, errors: *const c_char) -> PyObjectRef {
        codec_on_str(o, Codec::Decode, encoding, errors, false, "PyUnicode_AsDecodedObject() is deprecated and will be removed in 3.15; use PyCodec_Decode() to decode from str", vm)
    }

    unsafe fn PyUnicode_AsDecodedUnicode(vm, o: PyObjectRef, encoding: *const c_char, errors: *const c_char) -> PyObjectRef {
        codec_on_str(o, Codec::Decode, encoding, errors, true, "PyUnicode_AsDecodedUnicode() is deprecated and will be removed in 3.15; use PyCodec_Decode() to decode from str to str", vm)
    }

    fn PyUnicode_ReadChar(vm, o: PyObjectRef, index: isize) -> u32 {
        let s = as_str(&o, vm)?;
        let c = usize::try_from(index).ok().and_then(|i| s.as_wtf8().code_points().nth(i));
        c.map(|c| c.to_u32()).ok_or_else(|| vm.new_index_error("string index out of range"))
    }

    fn PyUnicode_GetLength(vm, o: PyObjectRef) -> isize {
        Ok(as_str(&o, vm)?.char_len() as isize)
    }

    fn PyUnicode_FromOrdinal(vm, ch: i32) -> PyObjectRef {
        let c = u32::try_from(ch).ok().filter(|&c| c <= 0x10ffff)
            .ok_or_else(|| vm.new_value_error("chr() arg not in range(0x110000)"))?;
        vm.builtins.get_attr("chr", vm)?.call((c,), vm)
    }

    fn PyUnicode_Concat(vm, a: PyObjectRef, b: PyObjectRef) -> PyObjectRef {
        let (a, b) = (as_str(&a, vm)?, as_str(&b, vm)?);
        let mut s = a.as_wtf8().to_owned();
        s.push_wtf8(b.as_wtf8());
        Ok(vm.ctx.new_str(s).into())
    }

    fn PyUnicode_InternFromString(vm, s: &CStr) -> PyObjectRef {
        let s = from_utf8(s.to_bytes(), vm)?;
        Ok(vm.ctx.intern_str(s.as_wtf8().to_owned()).to_owned().into())
    }

    fn PyUnicode_Compare(vm, a: PyObjectRef, b: PyObjectRef) -> i32 {
        let (a, b) = (as_str(&a, vm)?, as_str(&b, vm)?);
        Ok(match a.as_wtf8().cmp(b.as_wtf8()) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        })
    }

    fn PyUnicode_CompareWithASCIIString(vm, a: PyObjectRef, b: &CStr) -> i32 {
        let a = as_str(&a, vm)?;
        Ok(match a.as_wtf8().as_bytes().cmp(b.to_bytes()) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        })
    }

    /// Replaces `*p` with the interned string equal to it.
    fn PyUnicode_InternInPlace(vm, p: *mut *mut CObject) -> crate::boundary::Void {
        intern_in_place(p, vm)?;
        Ok(crate::boundary::Void)
    }

    /// Kept for old binaries: interned strings live as long as the
    /// interpreter here, so this is `PyUnicode_InternInPlace`.
    fn PyUnicode_InternImmortal(vm, p: *mut *mut CObject) -> crate::boundary::Void {
        intern_in_place(p, vm)?;
        Ok(crate::boundary::Void)
    }

    /// Kept for old binaries; gone with `Py_UNICODE` (CPython 3.12+).
    fn PyUnicode_GetSize(vm, o: *mut CObject) -> isize {
        Err(vm.new_runtime_error("PyUnicode_GetSize has been removed."))
    }

    fn PyUnicode_EqualToUTF8(vm, a: PyObjectRef, b: &CStr) -> i32 {
        Ok(a.downcast_ref::<PyStr>().is_some_and(|a| a.as_wtf8().as_bytes() == b.to_bytes()) as i32)
    }
}

/// Replaces the str `*p` with the interned one equal to it; anything else
/// (NULL, a non-str) is left alone.
fn intern_in_place(p: *mut *mut CObject, vm: &VirtualMachine) -> PyResult<()> {
    unsafe {
        if p.is_null() || (*p).is_null() {
            return Ok(());
        }
        let o = proxy::from_c(*p, vm)?;
        let Ok(s) = o.downcast::<PyStr>() else { return Ok(()) };
        let interned: PyObjectRef = vm.ctx.intern_str(s.as_wtf8().to_owned()).to_owned().into();
        let new = proxy::to_c_new(&interned, vm);
        proxy::decref(*p);
        *p = new;
    }
    Ok(())
}

capi! {
    fn PyUnicode_Substring(vm, o: PyObjectRef, start: isize, end: isize) -> PyObjectRef {
        let s = as_str(&o, vm)?;
        if start < 0 || end < 0 {
            return Err(vm.new_index_error("string index out of range"));
        }
        let (start, end) = (start as usize, (end as usize).min(s.char_len()));
        let sub: rustpython_vm::common::wtf8::Wtf8Buf = s.as_wtf8().code_points().skip(start).take(end.saturating_sub(start)).collect();
        Ok(vm.ctx.new_str(sub).into())
    }

    /// `o` itself for an exact str; a str copy of a str subclass.
    fn PyUnicode_FromObject(vm, o: PyObjectRef) -> PyObjectRef {
        if o.downcast_ref_if_exact::<PyStr>(vm).is_some() {
            return Ok(o);
        }
        match o.downcast_ref::<PyStr>() {
            Some(s) => Ok(vm.ctx.new_str(s.as_wtf8().to_owned()).into()),
            None => Err(vm.new_type_error(format!("Can't convert '{}' object to str implicitly", o.class().name()))),
        }
    }
}

/// CPython's `ADJUST_INDICES`: `start` and `end` as slice bounds into a
/// string of `len` code points (`start` may stay past the end).
fn adjust_indices(start: isize, end: isize, len: isize) -> (isize, isize) {
    let end = if end > len { len } else if end < 0 { (end + len).max(0) } else { end };
    let start = if start < 0 { (start + len).max(0) } else { start };
    (start, end)
}

/// An index, or -1 for "not found"; -2 on failure, the find functions'
/// error value.
pub struct FoundAt(isize);

impl ToC for FoundAt {
    type C = isize;
    const ERROR: isize = -2;
    fn to_c(self, _vm: &VirtualMachine) -> isize {
        self.0
    }
}

/// The code points of a str, written to `out` with a 0 after them if `terminate`.
unsafe fn write_ucs4(s: &PyStr, out: *mut u32, terminate: bool) {
    let mut n = 0;
    for c in s.as_wtf8().code_points() {
        unsafe { *out.add(n) = c.to_u32() };
        n += 1;
    }
    if terminate {
        unsafe { *out.add(n) = 0 };
    }
}

capi! {
    /// A str of `size` code units of `kind` bytes each: 1 is Latin-1, 2
    /// UCS-2 (surrogates stay single code points), 4 UCS-4.
    unsafe fn PyUnicode_FromKindAndData(vm, kind: i32, buffer: *const c_void, size: isize) -> PyObjectRef {
        if size < 0 {
            return Err(vm.new_value_error("size must be positive"));
        }
        if buffer.is_null() && size > 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let n = size as usize;
        let units: Vec<u32> = match kind {
            1 => std::slice::from_raw_parts(buffer as *const u8, n).iter().map(|&u| u as u32).collect(),
            2 => std::slice::from_raw_parts(buffer as *const u16, n).iter().map(|&u| u as u32).collect(),
            4 => std::slice::from_raw_parts(buffer as *const u32, n).to_vec(),
            _ => return Err(vm.new_system_error("invalid kind")),
        };
        let text = units
            .into_iter()
            .map(|u| CodePoint::from_u32(u).ok_or_else(|| vm.new_system_error("invalid maximum character passed to PyUnicode_New")))
            .collect::<PyResult<Wtf8Buf>>()?;
        Ok(vm.ctx.new_str(text).into())
    }

    /// The code points into `buffer`, which holds `buflen`, then a 0 if
    /// `copy_null`; SystemError if they do not fit (with `buffer[0]` made 0
    /// when a 0 was asked for, as CPython does).
    unsafe fn PyUnicode_AsUCS4(vm, o: &PyObject, buffer: *mut u32, buflen: isize, copy_null: i32) -> *mut u32 {
        if buffer.is_null() || buflen < 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let s = o.downcast_ref::<PyStr>().ok_or_else(|| vm.new_type_error("bad argument type for built-in operation"))?;
        if (buflen as usize) < s.char_len() + (copy_null != 0) as usize {
            if copy_null != 0 && buflen > 0 {
                *buffer = 0;
            }
            return Err(vm.new_system_error("string is longer than the buffer"));
        }
        write_ucs4(s, buffer, copy_null != 0);
        Ok(buffer)
    }

    /// The code points and a 0 in memory from `PyMem_Malloc`, which the
    /// caller frees with `PyMem_Free`.
    unsafe fn PyUnicode_AsUCS4Copy(vm, o: &PyObject) -> *mut u32 {
        let s = o.downcast_ref::<PyStr>().ok_or_else(|| vm.new_type_error("bad argument type for built-in operation"))?;
        let p = crate::pymem::PyMem_Malloc((s.char_len() + 1) * size_of::<u32>()) as *mut u32;
        if p.is_null() {
            return Err(vm.new_memory_error(""));
        }
        write_ucs4(s, p, true);
        Ok(p)
    }

    /// `separator.join(seq)` with CPython's checks, made on the items of
    /// `str.split`: NULL `sep` splits at whitespace.
    fn PyUnicode_Split(vm, s: &PyObject, sep: Option<PyObjectRef>, maxsplit: isize) -> PyObjectRef {
        let must_be_str = |o: &PyObject| -> PyResult<()> {
            if o.downcast_ref::<PyStr>().is_some() {
                Ok(())
            } else {
                Err(vm.new_type_error(format!("must be str, not {}", o.class().name())))
            }
        };
        must_be_str(s)?;
        if let Some(sep) = &sep {
            must_be_str(sep)?;
        }
        vm.call_method(s, "split", (sep.unwrap_or_else(|| vm.ctx.none()), maxsplit))
    }

    /// `seq` only as far as it needs: nothing to join is "", and one exact
    /// str is returned itself, whatever the separator is. NULL is a space.
    fn PyUnicode_Join(vm, separator: Option<PyObjectRef>, seq: PyObjectRef) -> PyObjectRef {
        let items = match seq.get_iter(vm) {
            Ok(it) => it.iter::<PyObjectRef>(vm)?.collect::<PyResult<Vec<_>>>()?,
            Err(e) if e.fast_isinstance(vm.ctx.exceptions.type_error) => return Err(vm.new_type_error("can only join an iterable")),
            Err(e) => return Err(e),
        };
        match items.as_slice() {
            [] => return Ok(vm.ctx.empty_str.to_owned().into()),
            [one] if one.downcast_ref_if_exact::<PyStr>(vm).is_some() => return Ok(one.clone()),
            _ => {}
        }
        let sep = match (&separator, items.len()) {
            (_, 1) => Wtf8Buf::new(),
            (None, _) => Wtf8Buf::from(" "),
            (Some(s), _) => s.downcast_ref::<PyStr>().map(|s| s.as_wtf8().to_owned()).ok_or_else(|| {
                vm.new_type_error(format!("separator: expected str instance, {} found", s.class().name()))
            })?,
        };
        let mut text = Wtf8Buf::new();
        for (i, item) in items.iter().enumerate() {
            let s = item.downcast_ref::<PyStr>().ok_or_else(|| {
                vm.new_type_error(format!("sequence item {i}: expected str instance, {} found", item.class().name()))
            })?;
            if i > 0 {
                text.push_wtf8(&sep);
            }
            text.push_wtf8(s.as_wtf8());
        }
        Ok(vm.ctx.new_str(text).into())
    }

    /// `str.replace` (a negative `maxcount` replaces every occurrence).
    fn PyUnicode_Replace(vm, s: &PyObject, old: &PyObject, new: &PyObject, maxcount: isize) -> PyObjectRef {
        let args = (ensure_str(s, vm)?.to_owned(), ensure_str(old, vm)?.to_owned(), ensure_str(new, vm)?.to_owned(), maxcount);
        vm.ctx.types.str_type.as_object().get_attr("replace", vm)?.call(args, vm)
    }

    fn PyUnicode_Contains(vm, container: &PyObject, element: &PyObject) -> bool {
        let element = element.downcast_ref::<PyStr>().ok_or_else(|| {
            vm.new_type_error(format!("'in <string>' requires string as left operand, not {}", element.class().name()))
        })?;
        Ok(ensure_str(container, vm)?.as_wtf8().contains(element.as_wtf8()))
    }

    /// 1 when `substr` is at the start (`direction` <= 0) or the end of
    /// `unicode[start:end]`, else 0.
    fn PyUnicode_Tailmatch(vm, s: &PyObject, sub: &PyObject, start: isize, end: isize, direction: i32) -> isize {
        let (s, sub) = (ensure_str(s, vm)?, ensure_str(sub, vm)?);
        let (start, end) = adjust_indices(start, end, s.char_len() as isize);
        // Where a match at the end would begin.
        let last = end - sub.char_len() as isize;
        if last < start {
            return Ok(0);
        }
        let at = s.char_index_to_byte(if direction > 0 { last } else { start } as usize);
        Ok(s.as_bytes()[at..].starts_with(sub.as_bytes()) as isize)
    }

    /// The index of the first (`direction` > 0) or last `ch` in
    /// `unicode[start:end]`, -1 if there is none.
    fn PyUnicode_FindChar(vm, s: &PyObject, ch: u32, start: isize, end: isize, direction: i32) -> FoundAt {
        let s = ensure_str(s, vm)?;
        let (start, end) = adjust_indices(start, end, s.char_len() as isize);
        if end - start < 1 {
            return Ok(FoundAt(-1));
        }
        let mut window = s.as_wtf8().code_points().enumerate().skip(start as usize).take((end - start) as usize);
        let is_ch = |(_, c): &(usize, CodePoint)| c.to_u32() == ch;
        let found = if direction > 0 { window.find(is_ch) } else { window.filter(is_ch).last() };
        Ok(FoundAt(found.map_or(-1, |(i, _)| i as isize)))
    }

    /// `format % args`.
    fn PyUnicode_Format(vm, format: &PyObject, args: PyObjectRef) -> PyObjectRef {
        Ok(vm.ctx.new_str(ensure_str(format, vm)?.__mod__(args, vm)?).into())
    }

    fn PyUnicode_Equal(vm, a: &PyObject, b: &PyObject) -> i32 {
        let not_str = |o: &PyObject, which: &str| vm.new_type_error(format!("{which} argument must be str, not {}", o.class().name()));
        let a = a.downcast_ref::<PyStr>().ok_or_else(|| not_str(a, "first"))?;
        let b = b.downcast_ref::<PyStr>().ok_or_else(|| not_str(b, "second"))?;
        Ok((a.as_wtf8() == b.as_wtf8()) as i32)
    }
}

// ---------------------------------------------------------------------------
// Layout: CPython's compact str (`PyASCIIObject`/`PyCompactUnicodeObject`
// and the code points), which `PyUnicode_DATA/KIND/READ/WRITE` read.

pub static LAYOUT: proxy::Layout = proxy::Layout {
    flag: ffi::Py_TPFLAGS_UNICODE_SUBCLASS,
    create: |obj, tp, _vm| obj.downcast_ref::<PyStr>().map(|text| unsafe { new_str_proxy(text, tp) }),
    realize: Some(realize),
    release: Some(|op| unsafe {
        if (*(op as *mut ffi::PyASCIIObject)).state & ffi::STATE_COMPACT == 0 {
            let u = &mut *(op as *mut ffi::PyUnicodeObject);
            crate::pymem::PyMem_RawFree(std::mem::replace(&mut u.data, std::ptr::null_mut()));
        }
    }),
};

/// `str.__new__` for a C type that adds fields to str (numpy's `str_`,
/// whose `tp_new` calls `PyUnicode_Type.tp_new(type, ...)`): `str(...)`'s
/// value as a str of class `cls`, which RustPython's own refuses for a
/// class of another size. Its memory is CPython's for such a subclass
/// ([`new_str_proxy`]), with room for the C fields.
pub fn subtype_new(cls: rustpython_vm::builtins::PyTypeRef, args: rustpython_vm::function::FuncArgs, vm: &VirtualMachine) -> PyResult {
    let value = vm.ctx.types.str_type.as_object().call(args, vm)?;
    let text = value.downcast::<PyStr>().map_err(|_| vm.new_type_error("str() did not return a str"))?;
    Ok(rustpython_vm::PyRef::new_ref(PyStr::from(text.as_wtf8().to_owned()), cls, None).into())
}

/// Memory for a str of `len` code points none above `maxchar`, in CPython's
/// compact layout: an ASCII header (`PyASCIIObject`) or a compact one
/// (`PyCompactUnicodeObject`), then the code points, `kind` bytes each, and
/// a NUL of that width. An instance of a C type that adds fields to str
/// has CPython's layout for it instead: a `PyUnicodeObject` header of the
/// type's size, its code points (and NUL) in a block of their own.
pub unsafe fn new_str_memory(len: usize, maxchar: u32, tp: *mut PyTypeObject) -> *mut CObject {
    unsafe {
        let size = (*tp).tp_basicsize.max(0) as usize;
        if size >= size_of::<ffi::PyUnicodeObject>() && crate::typeobject::is_c_type(tp) {
            return new_noncompact_memory(len, maxchar, size, tp);
        }
    }
    let (kind, ascii) = match maxchar {
        0..=0x7f => (1usize, true),
        0x80..=0xff => (1, false),
        0x100..=0xffff => (2, false),
        _ => (4, false),
    };
    let header = if ascii { size_of::<ffi::PyASCIIObject>() } else { size_of::<ffi::PyCompactUnicodeObject>() };
    unsafe {
        let p = proxy::alloc(header + (len + 1) * kind, tp);
        if p.is_null() {
            return p;
        }
        let a = p as *mut ffi::PyASCIIObject;
        (*a).length = len as isize;
        (*a).hash = -1;
        (*a).state = ((kind as u32) << ffi::STATE_KIND_SHIFT)
            | ffi::STATE_COMPACT
            | if ascii { ffi::STATE_ASCII } else { 0 };
        p
    }
}

unsafe fn new_noncompact_memory(len: usize, maxchar: u32, size: usize, tp: *mut PyTypeObject) -> *mut CObject {
    let kind: usize = match maxchar {
        0..=0xff => 1,
        0x100..=0xffff => 2,
        _ => 4,
    };
    unsafe {
        let data = crate::pymem::PyMem_RawCalloc(len + 1, kind);
        if data.is_null() {
            return std::ptr::null_mut();
        }
        let p = proxy::alloc(size, tp);
        if p.is_null() {
            crate::pymem::PyMem_RawFree(data);
            return p;
        }
        let u = &mut *(p as *mut ffi::PyUnicodeObject);
        let a = &mut u._base._base;
        a.length = len as isize;
        a.hash = -1;
        a.state = ((kind as u32) << ffi::STATE_KIND_SHIFT) | if maxchar < 0x80 { ffi::STATE_ASCII } else { 0 };
        u.data = data;
        p
    }
}

/// Where a str proxy's code points start, and their width.
pub unsafe fn str_data(p: *mut CObject) -> (*mut u8, usize) {
    unsafe {
        let state = (*(p as *mut ffi::PyASCIIObject)).state;
        let kind = ((state >> ffi::STATE_KIND_SHIFT) & 7) as usize;
        if state & ffi::STATE_COMPACT == 0 {
            return ((*(p as *mut ffi::PyUnicodeObject)).data as *mut u8, kind);
        }
        let header = if state & ffi::STATE_ASCII != 0 {
            size_of::<ffi::PyASCIIObject>()
        } else {
            size_of::<ffi::PyCompactUnicodeObject>()
        };
        ((p as *mut u8).add(header), kind)
    }
}

unsafe fn new_str_proxy(text: &PyStr, tp: *mut PyTypeObject) -> *mut CObject {
    let wtf8 = text.as_wtf8();
    let bytes = wtf8.as_bytes();
    unsafe {
        if bytes.is_ascii() {
            let p = new_str_memory(bytes.len(), 0x7f, tp);
            if !p.is_null() {
                std::ptr::copy_nonoverlapping(bytes.as_ptr(), str_data(p).0, bytes.len());
            }
            return p;
        }
        let maxchar = wtf8.code_points().map(|c| c.to_u32()).max().unwrap_or(0);
        let p = new_str_memory(text.char_len(), maxchar, tp);
        if p.is_null() {
            return p;
        }
        let (data, kind) = str_data(p);
        for (i, c) in wtf8.code_points().enumerate() {
            let c = c.to_u32();
            match kind {
                1 => *data.add(i) = c as u8,
                2 => *(data as *mut u16).add(i) = c as u16,
                _ => *(data as *mut u32).add(i) = c,
            }
        }
        p
    }
}

/// The VM str of a str C wrote (`PyUnicode_New` + `PyUnicode_WRITE`).
unsafe fn realize(op: *mut CObject, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    unsafe {
        let len = (*(op as *mut ffi::PyASCIIObject)).length as usize;
        let (data, kind) = str_data(op);
        let mut text = rustpython_vm::common::wtf8::Wtf8Buf::with_capacity(len);
        for i in 0..len {
            let c = match kind {
                1 => *data.add(i) as u32,
                2 => *(data as *const u16).add(i) as u32,
                _ => *(data as *const u32).add(i),
            };
            let c = rustpython_vm::common::wtf8::CodePoint::from_u32(c)
                .ok_or_else(|| vm.new_system_error(format!("str built in C holds {c:#x}, above U+10FFFF")))?;
            text.push(c);
        }
        Ok(vm.ctx.new_str(text).into())
    }
}

/// `PyUnicodeWriter` (3.14): C holds an opaque pointer to the text written
/// so far; `Finish` makes the str and frees the writer, `Discard` frees it.
/// Every write checks its input before changing the text, so a failed
/// write leaves the writer as it was (CPython's documented contract).
pub struct UnicodeWriter(Wtf8Buf);

fn writer<'a>(w: *mut UnicodeWriter, vm: &VirtualMachine) -> PyResult<&'a mut Wtf8Buf> {
    if w.is_null() {
        return Err(crate::boundary::bad_internal_call(vm));
    }
    Ok(unsafe { &mut (*w).0 })
}

/// Code points from UCS-4 values, or CPython's error for one out of range.
fn ucs4_text(chars: impl IntoIterator<Item = u32>, vm: &VirtualMachine) -> PyResult<Wtf8Buf> {
    chars
        .into_iter()
        .map(|c| CodePoint::from_u32(c).ok_or_else(|| vm.new_value_error(format!("character U+{c:x} is not in range [U+0000; U+10ffff]"))))
        .collect()
}

/// `wchar_t` text: UTF-16 where `wchar_t` has 2 bytes (Windows; pairs join,
/// a lone surrogate stays one), else UCS-4.
fn wide_text(units: &[libc::wchar_t], vm: &VirtualMachine) -> PyResult<Wtf8Buf> {
    if size_of::<libc::wchar_t>() == 2 {
        let units = units.iter().map(|&u| u as u16);
        ucs4_text(char::decode_utf16(units).map(|r| r.map_or_else(|e| e.unpaired_surrogate() as u32, |c| c as u32)), vm)
    } else {
        ucs4_text(units.iter().map(|&u| u as u32), vm)
    }
}

/// `s` as `wchar_t` units (UTF-16 pairs where `wchar_t` has 2 bytes).
fn wide_units(s: &PyStr) -> Vec<libc::wchar_t> {
    let points = s.as_wtf8().code_points().map(|c| c.to_u32());
    if size_of::<libc::wchar_t>() == 2 {
        let mut out = Vec::new();
        for c in points {
            if c >= 0x10000 {
                let c = c - 0x10000;
                out.push((0xD800 + (c >> 10)) as libc::wchar_t);
                out.push((0xDC00 + (c & 0x3FF)) as libc::wchar_t);
            } else {
                out.push(c as libc::wchar_t);
            }
        }
        out
    } else {
        points.map(|c| c as libc::wchar_t).collect()
    }
}

/// The `size` characters at `p`, or up to the terminating zero when `size` is -1.
unsafe fn c_units<'a, T: Copy + Default + PartialEq>(p: *const T, size: isize, vm: &VirtualMachine) -> PyResult<&'a [T]> {
    if p.is_null() || size < -1 {
        return Err(crate::boundary::bad_internal_call(vm));
    }
    let len = if size == -1 {
        let mut n = 0;
        while unsafe { *p.add(n) } != T::default() {
            n += 1;
        }
        n
    } else {
        size as usize
    };
    Ok(unsafe { std::slice::from_raw_parts(p, len) })
}

capi! {
    fn PyUnicodeWriter_Create(vm, length: isize) -> *mut UnicodeWriter {
        if length < 0 {
            return Err(vm.new_value_error("length must be positive"));
        }
        Ok(Box::into_raw(Box::new(UnicodeWriter(Wtf8Buf::with_capacity(length as usize)))))
    }

    fn PyUnicodeWriter_Finish(vm, w: *mut UnicodeWriter) -> PyObjectRef {
        if w.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let text = unsafe { Box::from_raw(w) }.0;
        Ok(vm.ctx.new_str(text).into())
    }

    fn PyUnicodeWriter_Discard(vm, w: *mut UnicodeWriter) -> crate::boundary::Void {
        let _ = vm;
        if !w.is_null() {
            drop(unsafe { Box::from_raw(w) });
        }
        Ok(crate::boundary::Void)
    }

    fn PyUnicodeWriter_WriteChar(vm, w: *mut UnicodeWriter, ch: u32) -> () {
        let text = writer(w, vm)?;
        let c = CodePoint::from_u32(ch).ok_or_else(|| vm.new_value_error("character must be in range(0x110000)"))?;
        text.push(c);
        Ok(())
    }

    unsafe fn PyUnicodeWriter_WriteUTF8(vm, w: *mut UnicodeWriter, s: *const c_char, size: isize) -> () {
        let text = writer(w, vm)?;
        let bytes = c_units(s as *const u8, size, vm)?;
        text.push_wtf8(from_utf8(bytes, vm)?.as_wtf8());
        Ok(())
    }

    /// CPython leaves non-ASCII input undefined; here it is read as Latin-1.
    unsafe fn PyUnicodeWriter_WriteASCII(vm, w: *mut UnicodeWriter, s: *const c_char, size: isize) -> () {
        let text = writer(w, vm)?;
        let bytes = c_units(s as *const u8, size, vm)?;
        text.push_wtf8(&ucs4_text(bytes.iter().map(|&b| b as u32), vm)?);
        Ok(())
    }

    unsafe fn PyUnicodeWriter_WriteWideChar(vm, w: *mut UnicodeWriter, s: *const libc::wchar_t, size: isize) -> () {
        let text = writer(w, vm)?;
        text.push_wtf8(&wide_text(c_units(s, size, vm)?, vm)?);
        Ok(())
    }

    unsafe fn PyUnicodeWriter_WriteUCS4(vm, w: *mut UnicodeWriter, s: *const u32, size: isize) -> () {
        let text = writer(w, vm)?;
        if size < 0 {
            return Err(vm.new_value_error("size must be positive"));
        }
        let units = c_units(s, size, vm)?;
        text.push_wtf8(&ucs4_text(units.iter().copied(), vm)?);
        Ok(())
    }

    fn PyUnicodeWriter_WriteStr(vm, w: *mut UnicodeWriter, obj: PyObjectRef) -> () {
        let text = writer(w, vm)?;
        let s = obj.str(vm)?;
        text.push_wtf8(s.as_wtf8());
        Ok(())
    }

    /// `repr(obj)`, or `<NULL>` for NULL, as CPython writes it.
    fn PyUnicodeWriter_WriteRepr(vm, w: *mut UnicodeWriter, obj: Option<PyObjectRef>) -> () {
        let text = writer(w, vm)?;
        match obj {
            Some(obj) => text.push_wtf8(obj.repr(vm)?.as_wtf8()),
            None => text.push_str("<NULL>"),
        }
        Ok(())
    }

    fn PyUnicodeWriter_WriteSubstring(vm, w: *mut UnicodeWriter, s: PyObjectRef, start: isize, end: isize) -> () {
        let text = writer(w, vm)?;
        let s = s.downcast::<PyStr>().map_err(|o| vm.new_type_error(format!("expect str, not {}", o.class().name())))?;
        if start < 0 || start > end {
            return Err(vm.new_value_error("invalid start argument"));
        }
        if end as usize > s.char_len() {
            return Err(vm.new_value_error("invalid end argument"));
        }
        text.extend(s.as_wtf8().code_points().skip(start as usize).take((end - start) as usize));
        Ok(())
    }

    /// Decodes `length` bytes (-1: up to the zero byte); with `consumed`,
    /// an incomplete sequence at the end is left for the next call and
    /// `*consumed` says how many bytes were used.
    unsafe fn PyUnicodeWriter_DecodeUTF8Stateful(vm, w: *mut UnicodeWriter, s: *const c_char, length: isize, errors: *const c_char, consumed: *mut isize) -> () {
        let text = writer(w, vm)?;
        let fail = |e| {
            if !consumed.is_null() { *consumed = 0 }
            e
        };
        let bytes = c_units(s as *const u8, length, vm).map_err(fail)?;
        let errors = c_text(errors, "strict");
        let decode = vm.import("_codecs", 0).and_then(|c| c.get_attr("utf_8_decode", vm)).map_err(fail)?;
        let data: PyObjectRef = vm.ctx.new_bytes(bytes.to_vec()).into();
        let result: PyTupleRef = decode.call((data, errors, consumed.is_null()), vm).and_then(|r| r.try_into_value(vm)).map_err(fail)?;
        let decoded: PyStrRef = result[0].clone().try_into_value(vm).map_err(fail)?;
        let used: isize = result[1].clone().try_into_value(vm).map_err(fail)?;
        text.push_wtf8(decoded.as_wtf8());
        if !consumed.is_null() {
            *consumed = used;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// Codecs, searching and comparing, through the VM's `_codecs` and `str`.

fn codec(name: &str, args: impl rustpython_vm::function::IntoFuncArgs, vm: &VirtualMachine) -> PyResult {
    let codecs = vm.import("_codecs", 0)?;
    vm.call_method(codecs.as_object(), name, args)
}

/// Item `i` of the tuple `t` a codec returned.
fn item(t: &PyObjectRef, i: usize, vm: &VirtualMachine) -> PyResult {
    let t = t.downcast_ref::<rustpython_vm::builtins::PyTuple>().ok_or_else(|| vm.new_type_error("codec must return a tuple"))?;
    t.get(i).cloned().ok_or_else(|| vm.new_type_error("codec returned a short tuple"))
}

fn bytes_of(s: *const c_char, size: isize, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    Ok(vm.ctx.new_bytes(unsafe { c_bytes(s, size, vm) }?.to_vec()).into())
}

fn str_arg<'a>(o: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a rustpython_vm::Py<PyStr>> {
    o.downcast_ref::<PyStr>().ok_or_else(|| vm.new_type_error(format!("must be str, not {}", o.class().name())))
}

/// A stateful decode: all of the input when `consumed` is NULL (final),
/// else what forms whole characters, with the count in `*consumed`.
unsafe fn stateful(name: &str, s: *const c_char, size: isize, errors: *const c_char, consumed: *mut isize, vm: &VirtualMachine) -> PyResult {
    let data = bytes_of(s, size, vm)?;
    let r = codec(name, (data, unsafe { c_text(errors, "strict") }, consumed.is_null()), vm)?;
    if !consumed.is_null() {
        unsafe { *consumed = item(&r, 1, vm)?.try_into_value(vm)? };
    }
    item(&r, 0, vm)
}

/// UTF-16/32 with a byte order: `*byteorder` -1 little, 1 big, 0 (or NULL)
/// read from a BOM; the order at the end is written back.
unsafe fn with_byteorder(name: &str, s: *const c_char, size: isize, errors: *const c_char, byteorder: *mut i32, consumed: *mut isize, vm: &VirtualMachine) -> PyResult {
    let data = bytes_of(s, size, vm)?;
    let order = if byteorder.is_null() { 0 } else { unsafe { *byteorder } };
    let r = codec(name, (data, unsafe { c_text(errors, "strict") }, order, consumed.is_null()), vm)?;
    if !consumed.is_null() {
        unsafe { *consumed = item(&r, 1, vm)?.try_into_value(vm)? };
    }
    if !byteorder.is_null() {
        unsafe { *byteorder = item(&r, 2, vm)?.try_into_value(vm)? };
    }
    item(&r, 0, vm)
}

/// `PyErr_BadArgument`: what CPython's encoders say for a non-str.
fn bad_argument(vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_type_error("bad argument type for built-in operation")
}

fn encode_with(name: &str, unicode: &PyObject, vm: &VirtualMachine) -> PyResult {
    let s = str_arg(unicode, vm).map_err(|_| bad_argument(vm))?;
    item(&codec(name, (s.to_owned(),), vm)?, 0, vm)
}

capi! {
    unsafe fn PyUnicode_DecodeUTF8Stateful(vm, s: *const c_char, size: isize, errors: *const c_char, consumed: *mut isize) -> PyObjectRef {
        stateful("utf_8_decode", s, size, errors, consumed, vm)
    }

    unsafe fn PyUnicode_DecodeUTF16(vm, s: *const c_char, size: isize, errors: *const c_char, byteorder: *mut i32) -> PyObjectRef {
        with_byteorder("utf_16_ex_decode", s, size, errors, byteorder, std::ptr::null_mut(), vm)
    }

    unsafe fn PyUnicode_DecodeUTF16Stateful(vm, s: *const c_char, size: isize, errors: *const c_char, byteorder: *mut i32, consumed: *mut isize) -> PyObjectRef {
        with_byteorder("utf_16_ex_decode", s, size, errors, byteorder, consumed, vm)
    }

    unsafe fn PyUnicode_DecodeUTF32(vm, s: *const c_char, size: isize, errors: *const c_char, byteorder: *mut i32) -> PyObjectRef {
        with_byteorder("utf_32_ex_decode", s, size, errors, byteorder, std::ptr::null_mut(), vm)
    }

    unsafe fn PyUnicode_DecodeUTF32Stateful(vm, s: *const c_char, size: isize, errors: *const c_char, byteorder: *mut i32, consumed: *mut isize) -> PyObjectRef {
        with_byteorder("utf_32_ex_decode", s, size, errors, byteorder, consumed, vm)
    }

    unsafe fn PyUnicode_DecodeUTF7(vm, s: *const c_char, size: isize, errors: *const c_char) -> PyObjectRef {
        stateful("utf_7_decode", s, size, errors, std::ptr::null_mut(), vm)
    }

    unsafe fn PyUnicode_DecodeUTF7Stateful(vm, s: *const c_char, size: isize, errors: *const c_char, consumed: *mut isize) -> PyObjectRef {
        stateful("utf_7_decode", s, size, errors, consumed, vm)
    }

    /// With a BOM, in the machine's byte order (`str.encode("utf-16")`).
    fn PyUnicode_AsUTF16String(vm, unicode: &PyObject) -> PyObjectRef {
        encode_with("utf_16_encode", unicode, vm)
    }

    fn PyUnicode_AsUTF32String(vm, unicode: &PyObject) -> PyObjectRef {
        encode_with("utf_32_encode", unicode, vm)
    }

    unsafe fn PyUnicode_DecodeUnicodeEscape(vm, s: *const c_char, size: isize, errors: *const c_char) -> PyObjectRef {
        stateful("unicode_escape_decode", s, size, errors, std::ptr::null_mut(), vm)
    }

    fn PyUnicode_AsUnicodeEscapeString(vm, unicode: &PyObject) -> PyObjectRef {
        encode_with("unicode_escape_encode", unicode, vm)
    }

    unsafe fn PyUnicode_DecodeRawUnicodeEscape(vm, s: *const c_char, size: isize, errors: *const c_char) -> PyObjectRef {
        stateful("raw_unicode_escape_decode", s, size, errors, std::ptr::null_mut(), vm)
    }

    fn PyUnicode_AsRawUnicodeEscapeString(vm, unicode: &PyObject) -> PyObjectRef {
        encode_with("raw_unicode_escape_encode", unicode, vm)
    }

    /// NULL `mapping` is Latin-1, as in CPython.
    unsafe fn PyUnicode_DecodeCharmap(vm, s: *const c_char, size: isize, mapping: Option<PyObjectRef>, errors: *const c_char) -> PyObjectRef {
        let data = bytes_of(s, size, vm)?;
        let errors = c_text(errors, "strict");
        match mapping {
            Some(m) => item(&codec("charmap_decode", (data, errors, m), vm)?, 0, vm),
            None => item(&codec("latin_1_decode", (data, errors), vm)?, 0, vm),
        }
    }

    /// Unlike decoding, encoding needs a mapping (CPython's BadArgument).
    fn PyUnicode_AsCharmapString(vm, unicode: &PyObject, mapping: Option<PyObjectRef>) -> PyObjectRef {
        let s = str_arg(unicode, vm).map_err(|_| bad_argument(vm))?.to_owned();
        let m = mapping.ok_or_else(|| bad_argument(vm))?;
        item(&codec("charmap_encode", (s, "strict", m), vm)?, 0, vm)
    }

    fn PyUnicode_BuildEncodingMap(vm, string: PyObjectRef) -> PyObjectRef {
        codec("charmap_build", (string,), vm)
    }

    /// `str.translate(table)`: characters the table lacks stay, as in
    /// CPython, whatever `errors` says.
    fn PyUnicode_Translate(vm, unicode: &PyObject, table: PyObjectRef, errors: *const c_char) -> PyObjectRef {
        let _ = errors;
        let s = str_arg(unicode, vm)?;
        vm.call_method(s.as_object(), "translate", (table,))
    }

    /// The default encoding, which is UTF-8 since Python 3.
    fn PyUnicode_GetDefaultEncoding(vm) -> *const c_char {
        let _ = vm;
        Ok(c"utf-8".as_ptr())
    }

    unsafe fn PyUnicode_DecodeFSDefaultAndSize(vm, s: *const c_char, size: isize) -> PyObjectRef {
        decode_fs(c_bytes(s, size, vm)?, vm)
    }

    /// `os.fsencode`.
    /// The `O&` converter to file-system bytes: `*result` gets a new
    /// reference; `obj` NULL releases it (the cleanup call). 0 on failure,
    /// with the error set, as every converter.
    unsafe fn PyUnicode_FSConverter(vm, obj: *mut CObject, result: *mut c_void) -> i32 {
        converter(obj, result, fs_bytes, vm)
    }

    /// The `O&` converter to a file-system str, as `PyUnicode_FSConverter`.
    unsafe fn PyUnicode_FSDecoder(vm, obj: *mut CObject, result: *mut c_void) -> i32 {
        converter(obj, result, fs_str, vm)
    }

    fn PyUnicode_EncodeFSDefault(vm, unicode: PyObjectRef) -> PyObjectRef {
        let os = vm.import("os", 0)?;
        vm.call_method(os.as_object(), "fsencode", (unicode,))
    }

    /// The locale's encoding is UTF-8 here (rustpy's `sys.getfilesystemencoding()`);
    /// errors: "strict" or "surrogateescape".
    unsafe fn PyUnicode_DecodeLocale(vm, s: &CStr, errors: *const c_char) -> PyObjectRef {
        decode(s.to_bytes(), "utf-8", &c_text(errors, "strict"), vm)
    }

    unsafe fn PyUnicode_DecodeLocaleAndSize(vm, s: *const c_char, size: isize, errors: *const c_char) -> PyObjectRef {
        decode(c_bytes(s, size, vm)?, "utf-8", &c_text(errors, "strict"), vm)
    }

    unsafe fn PyUnicode_EncodeLocale(vm, unicode: &PyObject, errors: *const c_char) -> PyObjectRef {
        let s = str_arg(unicode, vm)?;
        vm.call_method(s.as_object(), "encode", ("utf-8", c_text(errors, "strict")))
    }

    fn PyUnicode_RSplit(vm, s: &PyObject, sep: Option<PyObjectRef>, maxsplit: isize) -> PyObjectRef {
        let s = str_arg(s, vm)?;
        vm.call_method(s.as_object(), "rsplit", (sep.unwrap_or_else(|| vm.ctx.none()), maxsplit))
    }

    fn PyUnicode_Splitlines(vm, s: &PyObject, keepends: i32) -> PyObjectRef {
        let s = str_arg(s, vm)?;
        vm.call_method(s.as_object(), "splitlines", (keepends != 0,))
    }

    fn PyUnicode_Partition(vm, s: &PyObject, sep: PyObjectRef) -> PyObjectRef {
        let s = str_arg(s, vm)?;
        vm.call_method(s.as_object(), "partition", (sep,))
    }

    fn PyUnicode_RPartition(vm, s: &PyObject, sep: PyObjectRef) -> PyObjectRef {
        let s = str_arg(s, vm)?;
        vm.call_method(s.as_object(), "rpartition", (sep,))
    }

    /// The index of `substr` in `unicode[start:end]` (direction 1 forward,
    /// -1 backward), -1 when absent, -2 on error.
    fn PyUnicode_Find(vm, unicode: &PyObject, substr: &PyObject, start: isize, end: isize, direction: i32) -> isize {
        let s = str_arg(unicode, vm)?;
        str_arg(substr, vm)?;
        let method = if direction > 0 { "find" } else { "rfind" };
        vm.call_method(s.as_object(), method, (substr.to_owned(), start, end))?.try_into_value(vm)
    }

    fn PyUnicode_Count(vm, unicode: &PyObject, substr: &PyObject, start: isize, end: isize) -> isize {
        let s = str_arg(unicode, vm)?;
        str_arg(substr, vm)?;
        vm.call_method(s.as_object(), "count", (substr.to_owned(), start, end))?.try_into_value(vm)
    }

    /// Two strs compared with `op`; NotImplemented when either is not one.
    fn PyUnicode_RichCompare(vm, left: &PyObject, right: &PyObject, op: i32) -> PyObjectRef {
        if left.downcast_ref::<PyStr>().is_none() || right.downcast_ref::<PyStr>().is_none() {
            return Ok(vm.ctx.not_implemented());
        }
        left.to_owned().rich_compare(right.to_owned(), crate::object::comparison_op(op, vm)?, vm)
    }

    fn PyUnicode_IsIdentifier(vm, unicode: &PyObject) -> i32 {
        let s = str_arg(unicode, vm).map_err(|_| crate::boundary::bad_internal_call(vm))?;
        Ok(vm.call_method(s.as_object(), "isidentifier", ())?.try_to_bool(vm)? as i32)
    }

    /// Whether `unicode` equals the UTF-8 `string` of `size` bytes; never an
    /// error (a str that cannot be UTF-8 equals nothing).
    unsafe fn PyUnicode_EqualToUTF8AndSize(vm, unicode: &PyObject, string: *const c_char, size: isize) -> i32 {
        let Some(s) = unicode.downcast_ref::<PyStr>() else { return Ok(0) };
        let bytes = c_bytes(string, size, vm)?;
        Ok(s.to_str().is_some_and(|t| t.as_bytes() == bytes) as i32)
    }

    /// `*pleft += right`; on failure `*pleft` is released and set to NULL.
    unsafe fn PyUnicode_Append(vm, pleft: *mut *mut CObject, right: *mut CObject) -> crate::boundary::Void {
        append(pleft, right, vm)
    }

    /// `PyUnicode_Append`, releasing `right`.
    unsafe fn PyUnicode_AppendAndDel(vm, pleft: *mut *mut CObject, right: crate::boundary::Stolen) -> crate::boundary::Void {
        // The reference C gave is the call's until it returns.
        let right = right.take_opt(vm)?;
        let right_ptr = right.as_deref().map_or(std::ptr::null_mut(), |r| crate::proxy::as_c(r, vm));
        append(pleft, right_ptr, vm)
    }

    fn PyUnicode_FromWideChar(vm, w: *const libc::wchar_t, size: isize) -> PyObjectRef {
        if w.is_null() && size == 0 {
            return Ok(vm.ctx.empty_str.to_owned().into());
        }
        let text = wide_text(unsafe { c_units(w, size, vm) }?, vm)?;
        Ok(vm.ctx.new_str(text).into())
    }

    /// Copies at most `size` wchar_t (with a NUL if there is room); returns
    /// how many were copied, without the NUL.
    unsafe fn PyUnicode_AsWideChar(vm, unicode: &PyObject, w: *mut libc::wchar_t, size: isize) -> isize {
        let s = str_arg(unicode, vm).map_err(|_| crate::boundary::bad_internal_call(vm))?;
        let units = wide_units(s);
        if w.is_null() {
            return Ok(units.len() as isize + 1);
        }
        let n = units.len().min(size.max(0) as usize);
        std::ptr::copy_nonoverlapping(units.as_ptr(), w, n);
        if n < size as usize {
            *w.add(n) = 0;
        }
        Ok(n as isize)
    }

    /// A NUL-terminated copy C frees with `PyMem_Free`; with `size` NULL,
    /// an embedded NUL is ValueError.
    unsafe fn PyUnicode_AsWideCharString(vm, unicode: &PyObject, size: *mut isize) -> *mut libc::wchar_t {
        let s = str_arg(unicode, vm).map_err(|_| crate::boundary::bad_internal_call(vm))?;
        let units = wide_units(s);
        if size.is_null() && units.contains(&0) {
            return Err(vm.new_value_error("embedded null character"));
        }
        let p = crate::pymem::PyMem_Malloc((units.len() + 1) * size_of::<libc::wchar_t>()) as *mut libc::wchar_t;
        if p.is_null() {
            return Err(vm.new_memory_error(""));
        }
        std::ptr::copy_nonoverlapping(units.as_ptr(), p, units.len());
        *p.add(units.len()) = 0;
        if !size.is_null() {
            *size = units.len() as isize;
        }
        Ok(p)
    }
}

/// `*pleft = *pleft + right` for strs; anything else is BadInternalCall.
/// On failure `*pleft` is released and set to NULL, as CPython does.
unsafe fn append(pleft: *mut *mut CObject, right: *mut CObject, vm: &VirtualMachine) -> PyResult<crate::boundary::Void> {
    unsafe {
        if pleft.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let left = *pleft;
        if left.is_null() {
            return Ok(crate::boundary::Void);
        }
        let joined = (|| -> PyResult {
            if right.is_null() {
                return Err(crate::boundary::bad_internal_call(vm));
            }
            let (l, r) = (crate::proxy::from_c(left, vm)?, crate::proxy::from_c(right, vm)?);
            if l.downcast_ref::<PyStr>().is_none() || r.downcast_ref::<PyStr>().is_none() {
                return Err(crate::boundary::bad_internal_call(vm));
            }
            vm._add(&l, &r)
        })();
        crate::proxy::decref(left);
        match joined {
            Ok(j) => {
                *pleft = crate::proxy::to_c_new(&j, vm);
                Ok(crate::boundary::Void)
            }
            Err(e) => {
                *pleft = std::ptr::null_mut();
                Err(e)
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Changing a str C is building (`PyUnicode_New`, before it crosses).

/// Whether `op` is a str C may change in place: memory C built that has
/// not crossed to the VM (Python cannot have seen it), counted once, of
/// type `str` exactly and not hashed (CPython's `unicode_modifiable`).
unsafe fn modifiable(op: *mut CObject) -> bool {
    unsafe {
        proxy::is_prefixed(op)
            && proxy::link_state(op) == proxy::Link::Unlinked
            && (*op).ob_refcnt == 1
            && (*op).ob_type == &raw mut crate::typeobject::PyUnicode_Type
            && (*(op as *mut ffi::PyASCIIObject)).hash == -1
    }
}

unsafe fn check_modifiable(op: *mut CObject, vm: &VirtualMachine) -> PyResult<()> {
    if unsafe { modifiable(op) } { Ok(()) } else { Err(vm.new_system_error("Cannot modify a string currently used")) }
}

fn is_str(op: *mut CObject) -> bool {
    unsafe { (*(*op).ob_type).tp_flags & ffi::Py_TPFLAGS_UNICODE_SUBCLASS != 0 }
}

unsafe fn str_len(op: *mut CObject) -> isize {
    unsafe { (*(op as *mut ffi::PyASCIIObject)).length }
}

/// `PyUnicode_MAX_CHAR_VALUE`.
unsafe fn max_char(op: *mut CObject) -> u32 {
    unsafe {
        let state = (*(op as *mut ffi::PyASCIIObject)).state;
        match (str_data(op).1, state & ffi::STATE_ASCII != 0) {
            (1, true) => 0x7f,
            (1, false) => 0xff,
            (2, _) => 0xffff,
            _ => 0x10ffff,
        }
    }
}

unsafe fn read_at(data: *const u8, kind: usize, i: usize) -> u32 {
    unsafe {
        match kind {
            1 => *data.add(i) as u32,
            2 => *(data as *const u16).add(i) as u32,
            _ => *(data as *const u32).add(i),
        }
    }
}

unsafe fn write_at(data: *mut u8, kind: usize, i: usize, c: u32) {
    unsafe {
        match kind {
            1 => *data.add(i) = c as u8,
            2 => *(data as *mut u16).add(i) = c as u16,
            _ => *(data as *mut u32).add(i) = c,
        }
    }
}

fn kind_name(op: *mut CObject) -> &'static str {
    unsafe {
        match max_char(op) {
            0x7f => "ascii",
            0xff => "latin1",
            0xffff => "UCS2",
            _ => "UCS4",
        }
    }
}

capi! {
    /// Gives `*unicode` `length` code points: a new str of the same kind
    /// with the first ones (zero past the old end) replaces it, and the old
    /// reference is released (what CPython does for a str it cannot resize
    /// in place; for one it can, the pointer may change too).
    unsafe fn PyUnicode_Resize(vm, unicode: *mut *mut CObject, length: isize) -> () {
        if unicode.is_null() || (*unicode).is_null() || !is_str(*unicode) || length < 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let old = *unicode;
        let old_len = str_len(old);
        if old_len == length {
            return Ok(());
        }
        let new = if length == 0 {
            proxy::to_c_new(vm.ctx.empty_str.as_object(), vm)
        } else {
            let p = new_str_memory(length as usize, max_char(old), &raw mut crate::typeobject::PyUnicode_Type);
            if p.is_null() {
                return Err(vm.new_memory_error(""));
            }
            let ((from, kind), (to, _)) = (str_data(old), str_data(p));
            std::ptr::copy_nonoverlapping(from, to, old_len.min(length) as usize * kind);
            p
        };
        *unicode = new;
        proxy::decref(old);
        Ok(())
    }

    /// Copies `how_many` code points (at most what `from` has after
    /// `from_start`) into `to`, which must be a str C is building; returns
    /// how many it copied. CPython's errors and messages.
    unsafe fn PyUnicode_CopyCharacters(vm, to: Ptr, to_start: isize, from: Ptr, from_start: isize, how_many: isize) -> isize {
        let (to, from) = (to.0, from.0);
        if !is_str(from) || !is_str(to) {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let (from_len, to_len) = (str_len(from), str_len(to));
        if from_start as usize > from_len as usize || to_start as usize > to_len as usize {
            return Err(vm.new_index_error("string index out of range"));
        }
        if how_many < 0 {
            return Err(vm.new_system_error("how_many cannot be negative"));
        }
        let how_many = how_many.min(from_len - from_start);
        if to_start + how_many > to_len {
            return Err(vm.new_system_error(format!(
                "Cannot write {how_many} characters at {to_start} in a string of {to_len} characters"
            )));
        }
        if how_many == 0 {
            return Ok(0);
        }
        check_modifiable(to, vm)?;
        let ((src, from_kind), (dst, to_kind)) = (str_data(from), str_data(to));
        let limit = max_char(to);
        let range = from_start as usize..(from_start + how_many) as usize;
        if range.clone().any(|i| read_at(src, from_kind, i) > limit) {
            return Err(vm.new_system_error(format!(
                "Cannot copy {} characters into a string of {} characters",
                kind_name(from),
                kind_name(to)
            )));
        }
        for (k, i) in range.enumerate() {
            write_at(dst, to_kind, to_start as usize + k, read_at(src, from_kind, i));
        }
        Ok(how_many)
    }

    unsafe fn PyUnicode_WriteChar(vm, unicode: Ptr, index: isize, character: u32) -> () {
        let op = unicode.0;
        if !is_str(op) {
            return Err(vm.new_type_error("bad argument type for built-in operation"));
        }
        if index < 0 || index >= str_len(op) {
            return Err(vm.new_index_error("string index out of range"));
        }
        check_modifiable(op, vm)?;
        if character > max_char(op) {
            return Err(vm.new_value_error("character out of range"));
        }
        let (data, kind) = str_data(op);
        write_at(data, kind, index as usize, character);
        Ok(())
    }

    unsafe fn PyUnicode_Fill(vm, unicode: Ptr, start: isize, length: isize, fill_char: u32) -> isize {
        let op = unicode.0;
        if !is_str(op) {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        check_modifiable(op, vm)?;
        if start < 0 {
            return Err(vm.new_index_error("string index out of range"));
        }
        if fill_char > max_char(op) {
            return Err(vm.new_value_error("fill character is bigger than the string maximum character"));
        }
        let length = length.min(str_len(op) - start);
        if length <= 0 {
            return Ok(0);
        }
        let (data, kind) = str_data(op);
        for i in start as usize..(start + length) as usize {
            write_at(data, kind, i, fill_char);
        }
        Ok(length)
    }
}
