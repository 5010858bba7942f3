//! `_cpyext`: the layer seen from Python, for tests, benchmarks, the
//! missing-symbol report and ctypes (`pylib/_cpyext_ctypes.py`).

pub(crate) use _cpyext::module_def;

#[rustpython_vm::pymodule]
mod _cpyext {
    use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};

    /// Every C-API symbol this interpreter exports, sorted.
    #[pyfunction]
    fn exported_symbols(vm: &VirtualMachine) -> Vec<PyObjectRef> {
        let mut names: Vec<&str> = crate::exports::EXPORTS.iter().map(|e| e.0).collect();
        names.extend(crate::exports::data_exports().iter().map(|e| e.0));
        names.sort_unstable();
        names.into_iter().map(|n| vm.ctx.new_str(n).into()).collect()
    }

    /// How many VM objects have a `PyObject*` right now.
    #[pyfunction]
    fn live_proxies(vm: &VirtualMachine) -> usize {
        crate::pystate::enter(vm, crate::proxy::live_proxies)
    }

    /// The `PyObject*` of `obj` as an int, borrowed: valid while `obj`
    /// lives (ctypes' py_object arguments, `_cpyext_ctypes`).
    #[pyfunction]
    fn as_c_address(obj: PyObjectRef, vm: &VirtualMachine) -> PyResult<usize> {
        crate::init(vm)?;
        Ok(crate::pystate::enter(vm, || crate::proxy::as_c(&obj, vm) as usize))
    }

    /// The object of a new reference C returned as an address (a
    /// py_object result), taking the reference over.
    #[pyfunction]
    fn from_c_new_reference(address: usize, vm: &VirtualMachine) -> PyResult {
        if address == 0 {
            return Err(vm.new_value_error("PyObject is NULL"));
        }
        crate::pystate::enter(vm, || unsafe { crate::proxy::from_c_steal(address as *mut crate::ffi::PyObject, vm) })
    }

    /// `f(*args)` with the GIL held, as C-API functions are called from C;
    /// an exception C left set is raised (ctypes' PyDLL).
    #[pyfunction]
    fn call_with_gil(f: PyObjectRef, args: rustpython_vm::function::PosArgs, vm: &VirtualMachine) -> PyResult {
        crate::init(vm)?;
        crate::pystate::enter(vm, || {
            let r = f.call(args.into_vec(), vm);
            match crate::pyerrors::take() {
                Some(e) => Err(e),
                None => r,
            }
        })
    }

    /// Frees every proxy neither C nor the VM holds any more.
    #[pyfunction]
    fn sweep(vm: &VirtualMachine) {
        crate::pystate::enter(vm, crate::proxy::sweep)
    }
}
