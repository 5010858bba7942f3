//! `_cpyext`: the layer seen from Python, for tests, benchmarks and the
//! missing-symbol report.

pub(crate) use _cpyext::module_def;

#[rustpython_vm::pymodule]
mod _cpyext {
    use rustpython_vm::{PyObjectRef, VirtualMachine};

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

    /// Frees every proxy neither C nor the VM holds any more.
    #[pyfunction]
    fn sweep(vm: &VirtualMachine) {
        crate::pystate::enter(vm, crate::proxy::sweep)
    }
}
