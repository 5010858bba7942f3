//! Collecting reference cycles through C objects (CPython's `gcmodule.c`).
//!
//! The VM's collector subtracts, for each candidate, the references its
//! `traverse` reports, and frees what nothing outside the candidates holds.
//! A C object's references to other objects are C references: each one is
//! counted in the referent's `ob_refcnt`, while the VM sees only the one
//! strong reference the referent's proxy link holds (`proxy.rs`, rules 3
//! and 8). That link reference is internal to the candidates exactly when
//! every C reference to the referent comes from a C object that
//! `tp_traverse` visits it from; then, and only then, one of those objects
//! reports it.
//!
//! [`collect`] works that out before each `gc.collect()`: it runs
//! `tp_traverse` over every tracked C object that has a VM wrapper and
//! records, for each wrapper, the referents its C object visits. Every
//! visit is reported (the collector's reachability walk needs every edge),
//! and the record holds one strong reference per visit, so that reporting
//! it changes no count the collector sees and every pointer stays valid.
//! A referent all of whose C references were visited is reported once more,
//! by its first visitor: that is its link's reference. Outside `collect`
//! nothing is reported: the VM's automatic collections never free a C
//! object's referents (they are freed at the next `gc.collect()`).
//!
//! An unreachable C object is cleared by its `tp_clear`, which drops its C
//! references; its `tp_dealloc` runs when its wrapper is freed.

use crate::ffi::{self, PyObject as CObject};
use crate::{proxy, pystate};
use parking_lot::Mutex;
use rustc_hash::FxHashMap;
use rustpython_vm::{PyObject, PyObjectRef, PyResult, VirtualMachine};
use std::ffi::{c_int, c_void};

/// A referent a wrapper reports, and whether it also reports the link's
/// reference to it.
type Report = (PyObjectRef, bool);

/// C object address -> the referents its wrapper reports (see above).
static REPORTS: Mutex<FxHashMap<usize, Vec<Report>>> =
    Mutex::new(FxHashMap::with_hasher(rustc_hash::FxBuildHasher));

/// The visit function the layer gives `tp_traverse`: collects the referents.
pub unsafe extern "C" fn visit(child: *mut CObject, arg: *mut c_void) -> c_int {
    if !child.is_null() {
        unsafe { (*(arg as *mut Vec<*mut CObject>)).push(child) };
    }
    0
}

/// The objects `tp_traverse` of `op` visits.
pub unsafe fn referents(op: *mut CObject) -> Vec<*mut CObject> {
    let mut out = Vec::new();
    unsafe {
        if let Some(traverse) = (*(*op).ob_type).tp_traverse {
            traverse(op, Some(visit), &raw mut out as *mut c_void);
        }
    }
    out
}

/// Whether `op` is a C object the collector should look into.
unsafe fn traversable(op: *mut CObject) -> bool {
    unsafe {
        let tp = &*(*op).ob_type;
        proxy::is_c_instance(op)
            && !proxy::has_flag(op, proxy::FLAG_GC_UNTRACKED)
            && tp.tp_flags & ffi::Py_TPFLAGS_HAVE_GC != 0
            && tp.tp_traverse.is_some()
    }
}

/// Decides which wrapper reports which referent (see the module doc).
fn prepare(vm: &VirtualMachine) -> PyResult<FxHashMap<usize, Vec<Report>>> {
    let mut work: Vec<*mut CObject> = proxy::c_objects().into_iter().filter(|&p| unsafe { traversable(p) }).collect();
    let mut edges: Vec<(*mut CObject, *mut CObject)> = Vec::new();
    let mut visits: FxHashMap<*mut CObject, u32> = FxHashMap::default();
    let mut i = 0;
    while i < work.len() {
        let parent = work[i];
        i += 1;
        for child in unsafe { referents(parent) } {
            if !unsafe { proxy::is_prefixed(child) } {
                continue;
            }
            let count = visits.entry(child).or_insert(0);
            *count += 1;
            // A C object that never reached the VM gets its wrapper now,
            // so that the collector sees the cycles it is part of.
            if *count == 1 && unsafe { traversable(child) && !proxy::is_linked(child) } {
                unsafe { proxy::from_c(child, vm)? };
                work.push(child);
            }
            edges.push((parent, child));
        }
    }
    let mut reports: FxHashMap<usize, Vec<Report>> = FxHashMap::default();
    for (parent, child) in edges {
        unsafe {
            if !proxy::has_owning_link(child) {
                continue;
            }
            // The first visit of a referent all of whose C references
            // are visits carries the link's reference; taking the count
            // out marks it given.
            let link = visits.remove(&child).is_some_and(|n| n == (*child).ob_refcnt);
            reports.entry(parent as usize).or_default().push((proxy::from_c(child, vm)?, link));
        }
    }
    Ok(reports)
}

/// Runs `collect` (the VM's collection) with the C objects' references
/// reported.
pub fn collect(vm: &VirtualMachine, collect: impl FnOnce() -> PyResult) -> PyResult {
    let reports = crate::boundary::into_c(vm, [], || prepare(vm))?;
    *REPORTS.lock() = reports;
    let result = collect();
    let reports = std::mem::take(&mut *REPORTS.lock());
    drop(reports);
    result
}

/// `CInstance`'s traverse: what [`collect`] recorded for `op`: each
/// referent for the record's reference, and again for the link's.
pub fn report(op: *mut CObject, tracer: &mut rustpython_vm::object::TraverseFn<'_>) {
    if let Some(children) = REPORTS.lock().get(&(op as usize)) {
        for (child, link) in children {
            let child: &PyObject = child;
            tracer(child);
            if *link {
                tracer(child);
            }
        }
    }
}

/// `CInstance`'s clear: the type's `tp_clear`, which drops its references.
/// The collector gives no VM here, so this one call into C enters the GIL
/// directly rather than through `boundary::into_c`.
pub fn clear(op: *mut CObject) {
    pystate::enter_current(|| unsafe {
        if let Some(clear) = (*(*op).ob_type).tp_clear {
            clear(op);
            // A failing tp_clear has nowhere to report to.
            crate::pyerrors::take();
        }
    });
}

/// For a C object, what `tp_traverse` visits, and whether its type is a C
/// type (not a Python subclass of one).
pub fn c_referents(obj: &PyObject, vm: &VirtualMachine) -> PyResult<Option<(Vec<PyObjectRef>, bool)>> {
    crate::boundary::into_c(vm, [], || {
        let Some(op) = proxy::instance_of(obj) else { return Ok(None) };
        let referents = unsafe { referents(op) }.into_iter().map(|c| unsafe { proxy::from_c(c, vm) }).collect::<PyResult<_>>()?;
        Ok(Some((referents, crate::typeobject::is_c_type(unsafe { (*op).ob_type }))))
    })
}

/// `gc.is_tracked` for a C object: whether C tracks it.
pub fn c_tracked(obj: &PyObject) -> Option<bool> {
    let op = proxy::instance_of(obj)?;
    unsafe {
        let gc_type = (*(*op).ob_type).tp_flags & ffi::Py_TPFLAGS_HAVE_GC != 0;
        Some(gc_type && !proxy::has_flag(op, proxy::FLAG_GC_UNTRACKED))
    }
}
