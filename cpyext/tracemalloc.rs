//! Reporting allocations to `tracemalloc` (`tracemalloc.h`).
//!
//! RustPython has no `tracemalloc` that traces memory (its module, where it
//! exists, never starts tracing), so tracing is never on here, and both
//! functions answer as CPython does when it is off: -2, without an
//! exception.

use crate::capi;

capi! {
    fn PyTraceMalloc_Track(vm, domain: u32, ptr: usize, size: usize) -> i32 {
        let _ = (domain, ptr, size);
        Ok(-2)
    }

    fn PyTraceMalloc_Untrack(vm, domain: u32, ptr: usize) -> i32 {
        let _ = (domain, ptr);
        Ok(-2)
    }
}
