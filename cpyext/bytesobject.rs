//! Bytes (`bytesobject.h`). A bytes proxy holds CPython's layout with the
//! data inline (`PyBytes_AS_STRING` is a field access); bytes built by C are
//! filled in place and become a VM object on their first crossing.

use crate::boundary::{Ptr, Stolen};
use crate::capi;
use crate::boundary::NewPtr;
use crate::ffi::{self, PyObject as CObject};
use crate::proxy;
use crate::typeobject::PyBytes_Type;
use rustpython_vm::{
    AsObject, PyObjectRef, PyResult, TryFromBorrowedObject, VirtualMachine,
    builtins::{PyBytes, PyStr},
    protocol::PyBuffer,
};
use std::ffi::{CStr, c_char};

fn check_bytes(op: Ptr, vm: &VirtualMachine) -> PyResult<*mut ffi::PyBytesObject> {
    unsafe {
        if (*(*op.0).ob_type).tp_flags & ffi::Py_TPFLAGS_BYTES_SUBCLASS == 0 {
            let name = CStr::from_ptr((*(*op.0).ob_type).tp_name).to_string_lossy();
            return Err(vm.new_type_error(format!("expected bytes, {name} found")));
        }
    }
    Ok(op.0 as *mut ffi::PyBytesObject)
}

fn new_bytes(data: Option<&[u8]>, len: usize, vm: &VirtualMachine) -> PyResult<*mut CObject> {
    let p = unsafe { new_bytes_memory(data, len, &raw mut PyBytes_Type) };
    if p.is_null() {
        return Err(vm.new_memory_error(""));
    }
    Ok(p)
}

capi! {
    /// `data` may be NULL: the bytes are then zeroed for C to fill.
    fn PyBytes_FromStringAndSize(vm, data: *const c_char, size: isize) -> NewPtr {
        if size < 0 {
            return Err(vm.new_system_error("Negative size passed to PyBytes_FromStringAndSize"));
        }
        let data = (!data.is_null()).then(|| unsafe { std::slice::from_raw_parts(data as *const u8, size as usize) });
        new_bytes(data, size as usize, vm).map(NewPtr)
    }

    fn PyBytes_FromString(vm, s: &CStr) -> NewPtr {
        new_bytes(Some(s.to_bytes()), s.to_bytes().len(), vm).map(NewPtr)
    }

    fn PyBytes_AsString(vm, o: Ptr) -> *mut c_char {
        let b = check_bytes(o, vm)?;
        Ok(unsafe { (*b).ob_sval.as_mut_ptr() })
    }

    fn PyBytes_Size(vm, o: Ptr) -> isize {
        let b = check_bytes(o, vm)?;
        Ok(unsafe { (*b).ob_base.ob_size })
    }

    /// With `len` NULL, embedded NULs are a ValueError.
    fn PyBytes_AsStringAndSize(vm, o: Ptr, buf: *mut *mut c_char, len: *mut isize) -> () {
        let b = check_bytes(o, vm)?;
        unsafe {
            let n = (*b).ob_base.ob_size;
            let data = (*b).ob_sval.as_mut_ptr();
            if len.is_null() {
                if CStr::from_ptr(data).to_bytes().len() != n as usize {
                    return Err(vm.new_value_error("embedded null byte"));
                }
            } else {
                *len = n;
            }
            if buf.is_null() {
                return Err(crate::boundary::bad_internal_call(vm));
            }
            *buf = data;
        }
        Ok(())
    }

    fn PyBytes_FromObject(vm, o: PyObjectRef) -> PyObjectRef {
        from_object(o, vm)
    }
}

/// CPython's `PyBytes_FromObject`: `o` itself for an exact bytes, else a
/// copy of a buffer or of an iterable's ints; never `__bytes__` or an int's
/// zeroed bytes, as `bytes(o)` would.
pub fn from_object(o: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    if o.downcast_ref_if_exact::<PyBytes>(vm).is_some() {
        return Ok(o);
    }
    if let Ok(buffer) = PyBuffer::try_from_borrowed_object(vm, &o) {
        let data = buffer.contiguous_or_collect(|b| b.to_vec());
        return Ok(vm.ctx.new_bytes(data).into());
    }
    let cannot = || vm.new_type_error(format!("cannot convert '{}' object to bytes", o.class().name()));
    if o.downcast_ref::<PyStr>().is_some() {
        return Err(cannot());
    }
    match o.get_iter(vm) {
        // The iterator, not `o`: so that `bytes()` reads its items.
        Ok(it) => vm.ctx.types.bytes_type.as_object().call((it,), vm),
        Err(e) if e.fast_isinstance(vm.ctx.exceptions.type_error) => Err(cannot()),
        Err(e) => Err(e),
    }
}

// ---------------------------------------------------------------------------
// Layout: CPython's `PyBytesObject`, so `PyBytes_AS_STRING` is a field.

pub static LAYOUT: proxy::Layout = proxy::Layout {
    flag: ffi::Py_TPFLAGS_BYTES_SUBCLASS,
    create: |obj, tp, _vm| {
        obj.downcast_ref::<rustpython_vm::builtins::PyBytes>()
            .map(|b| unsafe { new_bytes_memory(Some(b.as_bytes()), b.as_bytes().len(), tp) })
    },
    realize: Some(realize),
    release: None,
};

/// Memory for a bytes object of `len` bytes (plus CPython's trailing NUL),
/// filled from `data` when given.
pub unsafe fn new_bytes_memory(data: Option<&[u8]>, len: usize, tp: *mut ffi::PyTypeObject) -> *mut CObject {
    unsafe {
        let p = proxy::alloc(std::mem::offset_of!(ffi::PyBytesObject, ob_sval) + len + 1, tp);
        if p.is_null() {
            return p;
        }
        let b = p as *mut ffi::PyBytesObject;
        (*b).ob_base.ob_size = len as isize;
        (*b).ob_shash = -1;
        if let Some(data) = data {
            std::ptr::copy_nonoverlapping(data.as_ptr(), (*b).ob_sval.as_mut_ptr() as *mut u8, len);
        }
        p
    }
}

/// The VM bytes of bytes C filled (`PyBytes_FromStringAndSize(NULL, n)`).
unsafe fn realize(op: *mut CObject, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    unsafe {
        let b = op as *mut ffi::PyBytesObject;
        let n = (*b).ob_base.ob_size as usize;
        let data = std::slice::from_raw_parts((*b).ob_sval.as_ptr() as *const u8, n);
        Ok(vm.ctx.new_bytes(data.to_vec()).into())
    }
}

/// `sep.join(iterable)` for a bytes `sep` (3.14's check and message).
fn join(sep: PyObjectRef, iterable: PyObjectRef, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    if !sep.fast_isinstance(vm.ctx.types.bytes_type) {
        return Err(vm.new_type_error(format!("sep: expected bytes, got {}", sep.class().name())));
    }
    vm.call_method(&sep, "join", (iterable,))
}

capi! {
    fn PyBytes_Join(vm, sep: PyObjectRef, iterable: PyObjectRef) -> PyObjectRef {
        join(sep, iterable, vm)
    }

    fn _PyBytes_Join(vm, sep: PyObjectRef, iterable: PyObjectRef) -> PyObjectRef {
        join(sep, iterable, vm)
    }
}

capi! {
    /// Resizes the bytes `*pv`, which C is building. Memory C built that
    /// neither Python nor another C reference has seen (CPython's "only the
    /// caller references it") is reallocated; otherwise a new bytes with
    /// the first `newsize` bytes (zero-filled past the old end) replaces it
    /// and the old reference is released (CPython 3.13's rule). A non-bytes
    /// or a negative size: `*pv` is released and set to NULL, SystemError.
    unsafe fn _PyBytes_Resize(vm, pv: *mut *mut CObject, newsize: isize) -> () {
        if pv.is_null() || (*pv).is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let v = *pv;
        if (*(*v).ob_type).tp_flags & ffi::Py_TPFLAGS_BYTES_SUBCLASS == 0 || newsize < 0 {
            *pv = std::ptr::null_mut();
            proxy::decref(v);
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let b = v as *mut ffi::PyBytesObject;
        let old = (*b).ob_base.ob_size;
        if old == newsize {
            return Ok(());
        }
        let header = std::mem::offset_of!(ffi::PyBytesObject, ob_sval);
        let sole = proxy::is_prefixed(v) && proxy::link_state(v) == proxy::Link::Unlinked && (*v).ob_refcnt == 1;
        if sole && old > 0 && newsize > 0 {
            let q = proxy::realloc_block(v as *mut u8, header + newsize as usize + 1) as *mut ffi::PyBytesObject;
            if q.is_null() {
                *pv = std::ptr::null_mut();
                proxy::decref(v);
                return Err(vm.new_memory_error(""));
            }
            (*q).ob_base.ob_size = newsize;
            (*q).ob_shash = -1;
            *((*q).ob_sval.as_mut_ptr().add(newsize as usize)) = 0;
            *pv = q as *mut CObject;
            return Ok(());
        }
        let keep = old.min(newsize) as usize;
        let q = new_bytes_memory(None, newsize as usize, &raw mut PyBytes_Type);
        if !q.is_null() {
            let dst = (*(q as *mut ffi::PyBytesObject)).ob_sval.as_mut_ptr();
            std::ptr::copy_nonoverlapping((*b).ob_sval.as_ptr(), dst, keep);
        }
        proxy::decref(v);
        if q.is_null() {
            *pv = std::ptr::null_mut();
            return Err(vm.new_memory_error(""));
        }
        *pv = q;
        Ok(())
    }
}

/// CPython's `bytes.__repr__`: `smartquotes` picks double quotes for bytes
/// holding a single quote and no double one.
fn repr(data: &[u8], smartquotes: bool) -> String {
    let quote = if smartquotes && data.contains(&b'\'') && !data.contains(&b'"') { b'"' } else { b'\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..0x7f => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

/// `a + b` over the buffers of both, as CPython's `bytes_concat` (which
/// `PyBytes_Concat` uses) makes it: always a bytes.
fn concat(a: &PyObjectRef, b: &PyObjectRef, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let cannot = || vm.new_type_error(format!("can't concat {} to {}", b.class().name(), a.class().name()));
    let va = PyBuffer::try_from_borrowed_object(vm, a).map_err(|_| cannot())?;
    let vb = PyBuffer::try_from_borrowed_object(vm, b).map_err(|_| cannot())?;
    let mut data = va.contiguous_or_collect(|x| x.to_vec());
    vb.contiguous_or_collect(|x| data.extend_from_slice(x));
    Ok(vm.ctx.new_bytes(data).into())
}

/// Replaces `*pv` with `*pv + w`; on failure `*pv` is released and NULL.
/// A NULL `*pv` is left alone; a NULL `w` (a failed call making it) just
/// clears `*pv`.
unsafe fn concat_in_place(pv: *mut *mut CObject, w: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<()> {
    unsafe {
        if pv.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let old = std::mem::replace(&mut *pv, std::ptr::null_mut());
        if old.is_null() {
            return Ok(());
        }
        let joined = match w {
            Some(w) => Some(proxy::from_c(old, vm).and_then(|v| concat(&v, &w, vm))),
            None => None,
        };
        proxy::decref(old);
        if let Some(joined) = joined {
            let joined: PyObjectRef = joined?;
            *pv = proxy::to_c_new(&joined, vm);
        }
        Ok(())
    }
}

/// What `PyBytes_DecodeEscape` decodes: a bytes literal's escapes, with
/// the first escape CPython warns about (an unknown one, or an octal one
/// above 0o377).
fn decode_escape(s: &[u8], errors: &str, vm: &VirtualMachine) -> PyResult<(Vec<u8>, Option<u32>)> {
    let mut out = Vec::with_capacity(s.len());
    let mut first_invalid = None;
    let mut i = 0;
    while i < s.len() {
        if s[i] != b'\\' {
            out.push(s[i]);
            i += 1;
            continue;
        }
        i += 1;
        let Some(&c) = s.get(i) else {
            return Err(vm.new_value_error("Trailing \\ in string"));
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(c),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(0x0b),
            b'a' => out.push(0x07),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                for _ in 0..2 {
                    match s.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                if v > 0o377 {
                    first_invalid.get_or_insert(v);
                }
                out.push(v as u8);
            }
            b'x' => {
                let hex = |k: usize| s.get(k).and_then(|&d| (d as char).to_digit(16));
                if let (Some(hi), Some(lo)) = (hex(i), hex(i + 1)) {
                    out.push((hi * 16 + lo) as u8);
                    i += 2;
                    continue;
                }
                match errors {
                    "strict" => return Err(vm.new_value_error(format!("invalid \\x escape at position {}", i - 2))),
                    "replace" => out.push(b'?'),
                    "ignore" => {}
                    _ => return Err(vm.new_value_error(format!("decoding error; unknown error handling code: {errors}"))),
                }
                // The escape and a hex digit after it are skipped.
                if hex(i).is_some() {
                    i += 1;
                }
            }
            _ => {
                first_invalid.get_or_insert(c as u32);
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok((out, first_invalid))
}

capi! {
    /// The `bytes` repr of `o` (`smartquotes`: as `repr()` quotes).
    fn PyBytes_Repr(vm, o: Ptr, smartquotes: i32) -> PyObjectRef {
        let b = check_bytes(o, vm)?;
        let data = unsafe { std::slice::from_raw_parts((*b).ob_sval.as_ptr() as *const u8, (*b).ob_base.ob_size as usize) };
        Ok(vm.ctx.new_str(repr(data, smartquotes != 0)).into())
    }

    unsafe fn PyBytes_Concat(vm, pv: *mut *mut CObject, w: Option<PyObjectRef>) -> crate::boundary::Void {
        concat_in_place(pv, w, vm)?;
        Ok(crate::boundary::Void)
    }

    /// As `PyBytes_Concat`, and releases `w`.
    unsafe fn PyBytes_ConcatAndDel(vm, pv: *mut *mut CObject, w: Stolen) -> crate::boundary::Void {
        concat_in_place(pv, w.take_opt(vm)?, vm)?;
        Ok(crate::boundary::Void)
    }

    /// Unescapes a bytes literal's body; `unicode` and `recode_encoding`
    /// are unused since 3.9. An invalid escape is kept, with CPython 3.12+'s
    /// DeprecationWarning.
    unsafe fn PyBytes_DecodeEscape(vm, s: *const c_char, len: isize, errors: *const c_char, unicode: isize, recode_encoding: *const c_char) -> PyObjectRef {
        if s.is_null() || len < 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let data = std::slice::from_raw_parts(s as *const u8, len as usize);
        let errors = crate::boundary::c_text(errors, "strict");
        let (out, first_invalid) = decode_escape(data, &errors, vm)?;
        if let Some(c) = first_invalid {
            let msg = if c > 0xff {
                format!("b\"\\{c:o}\" is an invalid octal escape sequence. Such sequences will not work in the future. ")
            } else {
                format!("b\"\\{}\" is an invalid escape sequence. Such sequences will not work in the future. ", c as u8 as char)
            };
            crate::warnings::warn(vm.ctx.exceptions.deprecation_warning.to_owned().into(), vm.ctx.new_str(msg).into(), 1, vm)?;
        }
        Ok(vm.ctx.new_bytes(out).into())
    }
}
