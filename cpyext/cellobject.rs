//! Cell objects (`cellobject.h`): the VM's closure cells, through their
//! `cell_contents` (RustPython keeps the cell type's payload private).

use crate::boundary::{Borrowed, Stolen, bad_internal_call};
use crate::capi;
use rustpython_vm::{AsObject, PyObject, PyObjectRef, PyResult, VirtualMachine};

fn check_cell(op: &PyObject, vm: &VirtualMachine) -> PyResult<()> {
    if op.fast_isinstance(vm.ctx.types.cell_type) { Ok(()) } else { Err(bad_internal_call(vm)) }
}

/// The contents, or None for an empty cell.
fn contents(op: &PyObject, vm: &VirtualMachine) -> PyResult<Option<PyObjectRef>> {
    check_cell(op, vm)?;
    match op.get_attr("cell_contents", vm) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.fast_isinstance(vm.ctx.exceptions.value_error) => Ok(None),
        Err(e) => Err(e),
    }
}

fn store(op: &PyObject, value: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult<()> {
    check_cell(op, vm)?;
    match value {
        Some(v) => op.set_attr("cell_contents", v, vm),
        None => match op.del_attr("cell_contents", vm) {
            // Emptying an empty cell is no error in CPython.
            Err(e) if e.fast_isinstance(vm.ctx.exceptions.value_error) => Ok(()),
            r => r,
        },
    }
}

capi! {
    /// A cell holding `obj`; NULL makes an empty one.
    fn PyCell_New(vm, obj: Option<PyObjectRef>) -> PyObjectRef {
        let ty = vm.ctx.types.cell_type.as_object();
        match obj {
            Some(o) => ty.call((o,), vm),
            None => ty.call((), vm),
        }
    }

    /// A new reference to the contents; NULL, with no exception, when empty.
    fn PyCell_Get(vm, op: &PyObject) -> Option<PyObjectRef> {
        contents(op, vm)
    }

    /// NULL empties the cell.
    fn PyCell_Set(vm, op: &PyObject, value: Option<PyObjectRef>) -> () {
        store(op, value, vm)
    }

    /// What `PyCell_GET` reads: the contents, borrowed from the cell.
    fn _PyCpyext_CellGet<'py>(vm, op: &'py PyObject) -> Option<Borrowed<'py>> {
        Ok(contents(op, vm)?.map(|v| Borrowed::held_by(op, &v, vm)))
    }

    /// What `PyCell_SET` does: the cell takes over C's reference to `value`.
    fn _PyCpyext_CellSet(vm, op: &PyObject, value: Stolen) -> () {
        let value = value.take_opt(vm)?;
        store(op, value, vm)
    }
}
