//! The os module's C helper (`osmodule.h`).

use crate::capi;
use crate::object::lookup_special;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine, builtins::{PyBytes, PyStr}};

/// `os.fspath(path)`: a str or bytes itself, else what the type's
/// `__fspath__` returns, which must be a str or bytes (also what the
/// file-system converters of `unicodeobject` start from).
pub fn fspath(path: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    let is_path = |o: &PyObjectRef| o.downcast_ref::<PyStr>().is_some() || o.downcast_ref::<PyBytes>().is_some();
    if is_path(&path) {
        return Ok(path);
    }
    let Some(fspath) = lookup_special(&path, "__fspath__", vm) else {
        return Err(vm.new_type_error(format!("expected str, bytes or os.PathLike object, not {}", path.class().name())));
    };
    let result = fspath?.call((), vm)?;
    if !is_path(&result) {
        return Err(vm.new_type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            path.class().name(),
            result.class().name()
        )));
    }
    Ok(result)
}

capi! {
    fn PyOS_FSPath(vm, path: PyObjectRef) -> PyObjectRef {
        fspath(path, vm)
    }
}
