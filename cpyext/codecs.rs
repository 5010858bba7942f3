//! The codec registry (`codecs.h`): the VM's `codecs` module.

use crate::boundary::c_text;
use crate::capi;
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine};
use std::ffi::{CStr, c_char};

/// The hex digits, for C's own formatting (a pointer C reads, never writes).
#[unsafe(no_mangle)]
#[allow(non_upper_case_globals)]
pub static mut Py_hexdigits: *const c_char = c"0123456789abcdef".as_ptr();

fn codecs(name: &str, args: impl rustpython_vm::function::IntoFuncArgs, vm: &VirtualMachine) -> PyResult {
    let module = vm.import("codecs", 0)?;
    vm.call_method(module.as_object(), name, args)
}

/// The error handler `name`, called on `exc` (the `PyCodec_*Errors`).
fn handle(name: &str, exc: &PyObject, vm: &VirtualMachine) -> PyResult {
    codecs("lookup_error", (name,), vm)?.call((exc.to_owned(),), vm)
}

fn text(s: &CStr) -> String {
    s.to_string_lossy().into_owned()
}

capi! {
    fn PyCodec_Register(vm, search_function: PyObjectRef) -> () {
        codecs("register", (search_function,), vm).map(drop)
    }

    fn PyCodec_Unregister(vm, search_function: PyObjectRef) -> () {
        codecs("unregister", (search_function,), vm).map(drop)
    }

    /// 1 when a codec for `encoding` is registered; never an error.
    fn PyCodec_KnownEncoding(vm, encoding: &CStr) -> i32 {
        Ok(codecs("lookup", (text(encoding),), vm).is_ok() as i32)
    }

    unsafe fn PyCodec_Encode(vm, object: PyObjectRef, encoding: &CStr, errors: *const c_char) -> PyObjectRef {
        codecs("encode", (object, text(encoding), c_text(errors, "strict")), vm)
    }

    unsafe fn PyCodec_Decode(vm, object: PyObjectRef, encoding: &CStr, errors: *const c_char) -> PyObjectRef {
        codecs("decode", (object, text(encoding), c_text(errors, "strict")), vm)
    }

    fn PyCodec_Encoder(vm, encoding: &CStr) -> PyObjectRef {
        codecs("getencoder", (text(encoding),), vm)
    }

    fn PyCodec_Decoder(vm, encoding: &CStr) -> PyObjectRef {
        codecs("getdecoder", (text(encoding),), vm)
    }

    unsafe fn PyCodec_IncrementalEncoder(vm, encoding: &CStr, errors: *const c_char) -> PyObjectRef {
        codecs("getincrementalencoder", (text(encoding),), vm)?.call((c_text(errors, "strict"),), vm)
    }

    unsafe fn PyCodec_IncrementalDecoder(vm, encoding: &CStr, errors: *const c_char) -> PyObjectRef {
        codecs("getincrementaldecoder", (text(encoding),), vm)?.call((c_text(errors, "strict"),), vm)
    }

    unsafe fn PyCodec_StreamReader(vm, encoding: &CStr, stream: PyObjectRef, errors: *const c_char) -> PyObjectRef {
        codecs("getreader", (text(encoding),), vm)?.call((stream, c_text(errors, "strict")), vm)
    }

    unsafe fn PyCodec_StreamWriter(vm, encoding: &CStr, stream: PyObjectRef, errors: *const c_char) -> PyObjectRef {
        codecs("getwriter", (text(encoding),), vm)?.call((stream, c_text(errors, "strict")), vm)
    }

    fn PyCodec_RegisterError(vm, name: &CStr, error: PyObjectRef) -> () {
        codecs("register_error", (text(name), error), vm).map(drop)
    }

    fn PyCodec_LookupError(vm, name: *const c_char) -> PyObjectRef {
        codecs("lookup_error", (unsafe { c_text(name, "strict") },), vm)
    }

    fn PyCodec_StrictErrors(vm, exc: &PyObject) -> PyObjectRef {
        handle("strict", exc, vm)
    }

    fn PyCodec_IgnoreErrors(vm, exc: &PyObject) -> PyObjectRef {
        handle("ignore", exc, vm)
    }

    fn PyCodec_ReplaceErrors(vm, exc: &PyObject) -> PyObjectRef {
        handle("replace", exc, vm)
    }

    fn PyCodec_XMLCharRefReplaceErrors(vm, exc: &PyObject) -> PyObjectRef {
        handle("xmlcharrefreplace", exc, vm)
    }

    fn PyCodec_BackslashReplaceErrors(vm, exc: &PyObject) -> PyObjectRef {
        handle("backslashreplace", exc, vm)
    }

    fn PyCodec_NameReplaceErrors(vm, exc: &PyObject) -> PyObjectRef {
        handle("namereplace", exc, vm)
    }
}
