//! Evaluation services (`ceval.h`): the recursion guard C uses around
//! recursive calls of its own, and `Py_Version`.

use crate::capi;
use std::cell::Cell;
use std::ffi::CStr;

thread_local! {
    /// Depth of `Py_EnterRecursiveCall` without a matching leave, per thread.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// `PY_VERSION_HEX` of the API we implement.
#[unsafe(no_mangle)]
pub static Py_Version: std::ffi::c_ulong = 0x030E_00F0;

capi! {
    /// RecursionError once C's own nesting passes the recursion limit.
    fn Py_EnterRecursiveCall(vm, place: &CStr) -> i32 {
        let depth = DEPTH.with(|d| d.get()) + 1;
        if depth > vm.recursion_limit.get() {
            let place = place.to_string_lossy();
            return Err(vm.new_recursion_error(format!("maximum recursion depth exceeded{place}")));
        }
        DEPTH.with(|d| d.set(depth));
        Ok(0)
    }

    fn Py_LeaveRecursiveCall(vm) -> crate::boundary::Void {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
        Ok(crate::boundary::Void)
    }
}
