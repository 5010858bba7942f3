//! Strings (`unicodeobject.h`).

use crate::boundary::Ptr;
use crate::capi;
use crate::boundary::NewPtr;
use crate::ffi::{self, PyObject as CObject, PyTypeObject};
use crate::proxy::{self, Aux};
use rustpython_vm::{
    AsObject, PyObjectRef, PyResult, VirtualMachine,
    builtins::{PyStr, PyStrRef},
};
use std::ffi::{CStr, c_char};

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

    fn PyUnicode_DecodeUTF8(vm, s: *const c_char, size: isize, errors: *const c_char) -> PyObjectRef {
        if s.is_null() || size < 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let bytes = unsafe { std::slice::from_raw_parts(s as *const u8, size as usize) };
        let errors = if errors.is_null() { "strict".to_owned() } else { unsafe { CStr::from_ptr(errors) }.to_string_lossy().into_owned() };
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
        let text = |p: *const c_char, default: &str| {
            if p.is_null() { default.to_owned() } else { unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned() }
        };
        vm.call_method(&o, "encode", (text(encoding, "utf-8"), text(errors, "strict")))
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
        unsafe {
            if p.is_null() || (*p).is_null() {
                return Ok(crate::boundary::Void);
            }
            let o = proxy::from_c(*p, vm)?;
            let Ok(s) = o.downcast::<PyStr>() else { return Ok(crate::boundary::Void) };
            let interned: PyObjectRef = vm.ctx.intern_str(s.as_wtf8().to_owned()).to_owned().into();
            let new = proxy::to_c_new(&interned, vm);
            proxy::decref(*p);
            *p = new;
        }
        Ok(crate::boundary::Void)
    }

    fn PyUnicode_EqualToUTF8(vm, a: PyObjectRef, b: &CStr) -> i32 {
        Ok(a.downcast_ref::<PyStr>().is_some_and(|a| a.as_wtf8().as_bytes() == b.to_bytes()) as i32)
    }
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

// ---------------------------------------------------------------------------
// Layout: CPython's compact str (`PyASCIIObject`/`PyCompactUnicodeObject`
// and the code points), which `PyUnicode_DATA/KIND/READ/WRITE` read.

pub static LAYOUT: proxy::Layout = proxy::Layout {
    flag: ffi::Py_TPFLAGS_UNICODE_SUBCLASS,
    create: |obj, tp, _vm| obj.downcast_ref::<PyStr>().map(|text| unsafe { new_str_proxy(text, tp) }),
    realize: Some(realize),
    release: None,
};

/// Memory for a str of `len` code points none above `maxchar`, in CPython's
/// compact layout: an ASCII header (`PyASCIIObject`) or a compact one
/// (`PyCompactUnicodeObject`), then the code points, `kind` bytes each, and
/// a NUL of that width.
pub unsafe fn new_str_memory(len: usize, maxchar: u32, tp: *mut PyTypeObject) -> *mut CObject {
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

/// Where a str proxy's code points start, and their width.
pub unsafe fn str_data(p: *mut CObject) -> (*mut u8, usize) {
    unsafe {
        let state = (*(p as *mut ffi::PyASCIIObject)).state;
        let kind = ((state >> ffi::STATE_KIND_SHIFT) & 7) as usize;
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
