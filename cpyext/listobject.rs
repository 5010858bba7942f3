//! Lists (`listobject.h`). A list's memory is CPython's `PyListObject`,
//! with a real `ob_item` holding counted references, as CPython's does, so
//! that code compiled against CPython's headers (cp314 wheels, pyo3-ffi,
//! Cython's fast paths) reads and writes it inline, and `Py_REFCNT` of an
//! item counts the list's reference:
//!
//! - A list C makes (`PyList_New`) is memory only, as a tuple C makes is
//!   (proxy rule 5): the list API works on that memory (the NULLs C is to
//!   fill through `PyList_SetItem` or inline `PyList_SET_ITEM`) until the
//!   list first crosses to the VM, which builds the VM list from it.
//! - The VM's lists (and a C-made one once the VM has it) hold their items
//!   in the VM; `ob_item` mirrors them, brought up to date each time the
//!   list crosses into C and after each change C makes through the API.
//!   An item the list let go of meanwhile stays alive until that refresh
//!   or the next `gc.collect()` (`proxy::refresh_mirrors`), so a pointer C
//!   read inline stays valid. An inline `PyList_SET_ITEM` on such a list
//!   (Cython's and cp314 code's fast paths for `l[i] = x`) is taken into
//!   the VM list when the C call that made it returns (a slot that no
//!   longer holds what the mirror put there); a change Python makes while
//!   C runs shows in `ob_item` at the next crossing.

use crate::boundary::{Borrowed, NewPtr, Ptr, Stolen};
use crate::capi;
use crate::ffi::{self, PyObject as CObject};
use crate::proxy::{self, FLAG_SYNCED};
use rustpython_vm::{
    AsObject, Py, PyObject, PyObjectRef, PyRef, PyResult, VirtualMachine,
    builtins::PyList,
};

fn as_list(o: PyObjectRef, vm: &VirtualMachine) -> PyResult<PyRef<PyList>> {
    o.downcast::<PyList>().map_err(|_| crate::boundary::bad_internal_call(vm))
}

fn list_ref<'a>(o: &'a PyObject, vm: &VirtualMachine) -> PyResult<&'a Py<PyList>> {
    o.downcast_ref::<PyList>().ok_or_else(|| crate::boundary::bad_internal_call(vm))
}

// ---------------------------------------------------------------------------
// Layout

pub static LAYOUT: proxy::Layout = proxy::Layout {
    flag: ffi::Py_TPFLAGS_LIST_SUBCLASS,
    create: |obj, tp, _vm| {
        obj.downcast_ref::<PyList>().map(|_| unsafe {
            let p = proxy::alloc(std::mem::size_of::<ffi::PyListObject>(), tp);
            if !p.is_null() {
                // Mirrored once linked (`proxy::create_proxy`).
                proxy::set_flag(p, FLAG_SYNCED, true);
            }
            p
        })
    },
    realize: Some(realize),
    release: Some(|op| unsafe {
        release_items(op);
        let l = memory(op);
        crate::pymem::PyMem_RawFree(l.ob_item.cast());
        l.ob_item = std::ptr::null_mut();
        l.allocated = 0;
    }),
};

#[inline(always)]
unsafe fn memory(op: *mut CObject) -> &'static mut ffi::PyListObject {
    unsafe { &mut *(op as *mut ffi::PyListObject) }
}

/// Room for `n` items in `ob_item` (the new room NULL); false when out of
/// memory.
unsafe fn reserve(op: *mut CObject, n: usize) -> bool {
    unsafe {
        let l = memory(op);
        let allocated = l.allocated.max(0) as usize;
        if allocated >= n && !l.ob_item.is_null() {
            return true;
        }
        // Grown as CPython grows a list, so that appends stay amortised.
        let cap = n.max(allocated + (allocated >> 3) + 6);
        let grown = crate::pymem::PyMem_RawRealloc(l.ob_item.cast(), cap * size_of::<*mut CObject>()) as *mut *mut CObject;
        if grown.is_null() {
            return false;
        }
        std::ptr::write_bytes(grown.add(allocated), 0, cap - allocated);
        l.ob_item = grown;
        l.allocated = cap as isize;
        true
    }
}

/// Releases the references `ob_item` holds.
unsafe fn release_items(op: *mut CObject) {
    unsafe {
        let l = memory(op);
        if l.ob_item.is_null() {
            return;
        }
        let n = l.ob_base.ob_size.max(0) as usize;
        let held: Vec<*mut CObject> = (0..n).map(|i| std::mem::replace(&mut *l.ob_item.add(i), std::ptr::null_mut())).collect();
        l.ob_base.ob_size = 0;
        for item in held.into_iter().filter(|i| !i.is_null()) {
            proxy::decref(item);
        }
    }
}

thread_local! {
    /// The lists being mirrored on this thread, innermost last.
    static MIRRORING: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Makes the memory `p` of the VM list `l` hold its items.
fn mirror(p: *mut CObject, l: &Py<PyList>, vm: &VirtualMachine) {
    // A list reached again through its own items (`l = [(1, l)]`: the
    // tuple's memory takes the list while the list's mirror makes the
    // tuple) is not mirrored again from inside its own mirror.
    if MIRRORING.with(|m| m.borrow().contains(&(p as usize))) {
        return;
    }
    MIRRORING.with(|m| m.borrow_mut().push(p as usize));
    struct Done;
    impl Drop for Done {
        fn drop(&mut self) {
            MIRRORING.with(|m| m.borrow_mut().pop());
        }
    }
    let _done = Done;
    unsafe {
        begin_lent(p, l, vm);
        // Cleared first: a list that holds itself is not walked again.
        proxy::set_flag(p, proxy::FLAG_ITEMS_RELEASED, false);
        // References to items the list no longer holds, released after the
        // list's lock (a release may run Python code).
        let mut stale = Vec::new();
        {
            let items = l.borrow_vec();
            let n = items.len();
            if !reserve(p, n) {
                // As when a proxy cannot be made: no way to report it.
                std::process::abort();
            }
            let m = memory(p);
            let old_n = m.ob_base.ob_size.max(0) as usize;
            for (i, item) in items.iter().enumerate() {
                let cur = *m.ob_item.add(i);
                if i >= old_n || cur.is_null() || !proxy::links_to(cur, item) {
                    // Making a proxy never touches this list (nor moves
                    // its `ob_item`).
                    let new = proxy::as_c_item(item, vm);
                    proxy::incref(new);
                    let old = std::mem::replace(&mut *m.ob_item.add(i), new);
                    if i < old_n && !old.is_null() {
                        stale.push(old);
                    }
                }
            }
            stale.extend((n..old_n).map(|i| std::mem::replace(&mut *m.ob_item.add(i), std::ptr::null_mut())).filter(|p| !p.is_null()));
            m.ob_base.ob_size = n as isize;
        }
        end_lent(p);
        for item in stale {
            proxy::decref(item);
        }
    }
}

thread_local! {
    /// Lists mirrored while C runs (innermost call last): Python code C
    /// calls may change them, C reads their size inline when the call
    /// returns, and C may write their items inline.
    static LENT: std::cell::RefCell<Vec<Lent>> = const { std::cell::RefCell::new(Vec::new()) };
    static IN_C: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// A list mirrored while C runs.
struct Lent {
    proxy: usize,
    key: usize,
    /// `ob_item` as the last mirror left it: a slot that differs now was
    /// written by C (Python's changes do not reach `ob_item` meanwhile).
    mirrored: Box<[*mut CObject]>,
}

/// At most this many lists per thread are looked at again after a call.
const MAX_LENT: usize = 64;

/// While it lives, C is running (`boundary::into_c`): the lists mirrored
/// meanwhile are brought up to date after each call C makes into Python,
/// and when it ends, those C does not count give their items back (C can
/// reach such a list again only through a crossing, which mirrors it anew),
/// so that an item Python drops later dies then, as in CPython.
pub struct LentScope(usize);

pub fn lent_scope() -> LentScope {
    IN_C.set(IN_C.get() + 1);
    LentScope(LENT.with(|l| l.borrow().len()))
}

impl Drop for LentScope {
    fn drop(&mut self) {
        IN_C.set(IN_C.get() - 1);
        let ours: Vec<Lent> = LENT.with(|l| l.borrow_mut().drain(self.0..).collect());
        let vm = crate::pystate::current_vm();
        for lent in ours {
            let p = lent.proxy as *mut CObject;
            let Some(obj) = proxy::linked_at(lent.key, p) else { continue };
            if let (Some(vm), Some(l)) = (vm, obj.downcast_ref::<PyList>()) {
                unsafe { take_inline_writes(p, l, &lent.mirrored, vm) };
            }
            if unsafe { (*p).ob_refcnt } == 0 {
                unsafe {
                    release_items(p);
                    proxy::set_flag(p, proxy::FLAG_ITEMS_RELEASED, true);
                }
            }
        }
    }
}

/// The items C wrote inline into the `ob_item` of `l`, a list Python has,
/// put into the VM list: each slot that no longer holds what the last
/// mirror put there.
unsafe fn take_inline_writes(p: *mut CObject, l: &Py<PyList>, mirrored: &[*mut CObject], vm: &VirtualMachine) {
    unsafe {
        let m = memory(p);
        if m.ob_base.ob_size != mirrored.len() as isize || m.ob_item.is_null() {
            return;
        }
        let now = std::slice::from_raw_parts(m.ob_item, mirrored.len());
        if now == mirrored {
            return;
        }
        let written: Vec<(usize, *mut CObject)> =
            now.iter().zip(mirrored).enumerate().filter(|(_, (c, m))| c != m && !c.is_null()).map(|(i, (c, _))| (i, *c)).collect();
        for (i, cur) in written {
            // C's pointer is an object C made or holds; one we cannot take
            // is left to the next crossing, which puts the VM's item back.
            let Ok(obj) = proxy::from_c(cur, vm) else { continue };
            let mut items = l.borrow_vec_mut();
            if let Some(slot) = items.get_mut(i) {
                let old = std::mem::replace(slot, obj);
                drop(items);
                drop(old);
            }
        }
    }
}

/// Notes the list `l` (memory `p`) as mirrored while C runs, before its
/// items are (a list noted first is released first at the call's end, so
/// that the lists in it are released after it), and takes what C wrote
/// inline since its last mirror before the VM's items overwrite it.
unsafe fn begin_lent(p: *mut CObject, l: &Py<PyList>, vm: &VirtualMachine) {
    if IN_C.get() == 0 {
        return;
    }
    let mirrored = LENT.with(|lent| {
        let mut lent = lent.borrow_mut();
        if let Some(e) = lent.iter_mut().find(|e| e.proxy == p as usize) {
            return Some(std::mem::take(&mut e.mirrored));
        }
        if lent.len() < MAX_LENT {
            let key = l.as_object() as *const PyObject as usize;
            lent.push(Lent { proxy: p as usize, key, mirrored: Box::new([]) });
        }
        None
    });
    if let Some(mirrored) = mirrored {
        unsafe { take_inline_writes(p, l, &mirrored, vm) };
    }
}

/// Records what the mirror of `p` left in `ob_item`.
unsafe fn end_lent(p: *mut CObject) {
    if IN_C.get() == 0 {
        return;
    }
    let m = unsafe { memory(p) };
    let now: Box<[*mut CObject]> = match m.ob_item.is_null() {
        true => Box::new([]),
        false => unsafe { std::slice::from_raw_parts(m.ob_item, m.ob_base.ob_size.max(0) as usize) }.into(),
    };
    LENT.with(|lent| {
        if let Some(e) = lent.borrow_mut().iter_mut().find(|e| e.proxy == p as usize) {
            e.mirrored = now;
        }
    });
}

/// After C's call into Python returned: a list C is using whose length
/// Python changed is mirrored again, so that C's inline `PyList_GET_SIZE`
/// and `PyList_GET_ITEM` see it (a list whose items were only replaced
/// keeps the old ones, still valid, until its next crossing).
pub fn after_python_ran() {
    if LENT.with(|l| l.borrow().is_empty()) {
        return;
    }
    let Some(vm) = crate::pystate::current_vm() else { return };
    // By index, the borrow released each time: a mirror notes lists too.
    let mut i = 0;
    while let Some((p, key)) = LENT.with(|l| l.borrow().get(i).map(|e| (e.proxy, e.key))) {
        i += 1;
        let p = p as *mut CObject;
        let Some(obj) = proxy::linked_at(key, p) else { continue };
        if let Some(l) = obj.downcast_ref::<PyList>() {
            if l.borrow_vec().len() as isize != unsafe { memory(p).ob_base.ob_size } {
                mirror(p, l, vm);
            }
        }
    }
}

/// Brings the memory `p` of `obj`, if it is a list, up to date (each time it
/// crosses into C).
#[inline]
pub fn sync(p: *mut CObject, obj: &PyObject, vm: &VirtualMachine) {
    if let Some(l) = obj.downcast_ref::<PyList>() {
        mirror(p, l, vm);
    }
}

/// After C changed the list `o` through the API.
fn resync(o: &PyObject, vm: &VirtualMachine) {
    if let Some(p) = proxy::existing(o) {
        sync(p, o, vm);
    }
}

/// The VM list of a list C made, on its first crossing: its items are what
/// `ob_item` holds (which keeps its references).
unsafe fn realize(op: *mut CObject, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    unsafe {
        let m = memory(op);
        let n = m.ob_base.ob_size.max(0) as usize;
        let mut items = Vec::with_capacity(n);
        for i in 0..n {
            let item = *m.ob_item.add(i);
            if item.is_null() {
                return Err(vm.new_system_error(format!("list item {i} is NULL when the list crossed to Python")));
            }
            items.push(proxy::from_c(item, vm)?);
        }
        Ok(vm.ctx.new_list(items).into())
    }
}

/// Whether `op` is a list C made that the VM has not seen yet, after
/// checking it is a list.
fn c_made(op: Ptr, vm: &VirtualMachine) -> PyResult<bool> {
    unsafe {
        if (*(*op.0).ob_type).tp_flags & ffi::Py_TPFLAGS_LIST_SUBCLASS == 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        Ok(proxy::is_prefixed(op.0) && proxy::link_state(op.0) == proxy::Link::Unlinked)
    }
}

fn index_in(i: isize, n: isize) -> Option<usize> {
    (0..n).contains(&i).then_some(i as usize)
}

/// Inserts `item` (a counted reference the memory takes) at `i`, clamped
/// as `list.insert` clamps, into a list C made.
unsafe fn insert_in_memory(op: *mut CObject, i: isize, item: *mut CObject, vm: &VirtualMachine) -> PyResult<()> {
    unsafe {
        let n = memory(op).ob_base.ob_size;
        if !reserve(op, n as usize + 1) {
            proxy::decref(item);
            return Err(vm.new_memory_error(""));
        }
        let m = memory(op);
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
        std::ptr::copy(m.ob_item.add(i), m.ob_item.add(i + 1), n as usize - i);
        *m.ob_item.add(i) = item;
        m.ob_base.ob_size = n + 1;
        Ok(())
    }
}

capi! {
    /// A list of `size` NULL items for C to fill, in memory only.
    fn PyList_New(vm, size: isize) -> NewPtr {
        if size < 0 {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        unsafe {
            let p = proxy::alloc(size_of::<ffi::PyListObject>(), &raw mut crate::typeobject::PyList_Type);
            if p.is_null() {
                return Err(vm.new_memory_error(""));
            }
            proxy::set_flag(p, FLAG_SYNCED, true);
            if !reserve(p, size as usize) {
                proxy::decref(p);
                return Err(vm.new_memory_error(""));
            }
            memory(p).ob_base.ob_size = size;
            Ok(NewPtr(p))
        }
    }

    fn PyList_Size(vm, o: Ptr) -> isize {
        if c_made(o, vm)? {
            return Ok(unsafe { memory(o.0).ob_base.ob_size });
        }
        let obj = unsafe { proxy::from_c_ref(o.0, vm)? };
        Ok(list_ref(obj, vm)?.borrow_vec().len() as isize)
    }

    fn PyList_GetItem(vm, o: Ptr, i: isize) -> Borrowed<'static> {
        if c_made(o, vm)? {
            let m = unsafe { memory(o.0) };
            let i = index_in(i, m.ob_base.ob_size).ok_or_else(|| vm.new_index_error("list index out of range"))?;
            return Ok(Borrowed::c_item(o, unsafe { *m.ob_item.add(i) }));
        }
        let obj = unsafe { proxy::from_c_ref(o.0, vm)? };
        let items = list_ref(obj, vm)?.borrow_vec();
        match usize::try_from(i).ok().and_then(|i| items.get(i)) {
            // Converting under the list's read lock is fine: making a proxy
            // never touches this list.
            Some(item) => Ok(Borrowed::held_by_c(o, item, vm)),
            None => Err(vm.new_index_error("list index out of range")),
        }
    }

    /// A new reference to item `i` (3.13): a TypeError for a non-list, where
    /// `PyList_GetItem` says SystemError.
    fn PyList_GetItemRef(vm, o: Ptr, i: isize) -> NewPtr {
        if unsafe { (*(*o.0).ob_type).tp_flags } & ffi::Py_TPFLAGS_LIST_SUBCLASS == 0 {
            return Err(vm.new_type_error("expected a list"));
        }
        if c_made(o, vm)? {
            let m = unsafe { memory(o.0) };
            let item = index_in(i, m.ob_base.ob_size).map(|i| unsafe { *m.ob_item.add(i) }).filter(|p| !p.is_null());
            let item = item.ok_or_else(|| vm.new_index_error("list index out of range"))?;
            unsafe { proxy::incref(item) };
            return Ok(NewPtr(item));
        }
        let obj = unsafe { proxy::from_c_ref(o.0, vm)? };
        let items = list_ref(obj, vm)?.borrow_vec();
        let item = usize::try_from(i).ok().and_then(|i| items.get(i)).cloned().ok_or_else(|| vm.new_index_error("list index out of range"))?;
        drop(items);
        Ok(NewPtr(proxy::to_c_new(&item, vm)))
    }

    fn PyList_SetItem(vm, o: Ptr, i: isize, v: Stolen) -> () {
        if c_made(o, vm)? {
            let m = unsafe { memory(o.0) };
            let i = index_in(i, m.ob_base.ob_size).ok_or_else(|| vm.new_index_error("list assignment index out of range"))?;
            let old = std::mem::replace(unsafe { &mut *m.ob_item.add(i) }, v.into_raw());
            if !old.is_null() {
                unsafe { proxy::decref(old) };
            }
            return Ok(());
        }
        let obj = unsafe { proxy::from_c_ref(o.0, vm)? };
        let list = list_ref(obj, vm)?;
        let item = v.take(vm)?;
        let mut items = list.borrow_vec_mut();
        match usize::try_from(i).ok().and_then(|i| items.get_mut(i)) {
            Some(slot) => {
                let old = std::mem::replace(slot, item);
                drop(items);
                drop(old);
                resync(obj, vm);
                Ok(())
            }
            None => Err(vm.new_index_error("list assignment index out of range")),
        }
    }

    fn PyList_Insert(vm, o: Ptr, i: isize, v: PyObjectRef) -> () {
        if c_made(o, vm)? {
            return unsafe { insert_in_memory(o.0, i, proxy::to_c_new(&v, vm), vm) };
        }
        let obj = unsafe { proxy::from_c_ref(o.0, vm)? };
        let list = list_ref(obj, vm)?;
        let mut items = list.borrow_vec_mut();
        let n = items.len() as isize;
        let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
        items.insert(i as usize, v);
        drop(items);
        resync(obj, vm);
        Ok(())
    }

    fn PyList_Append(vm, o: Ptr, v: PyObjectRef) -> () {
        if c_made(o, vm)? {
            let n = unsafe { memory(o.0).ob_base.ob_size };
            return unsafe { insert_in_memory(o.0, n, proxy::to_c_new(&v, vm), vm) };
        }
        let obj = unsafe { proxy::from_c_ref(o.0, vm)? };
        list_ref(obj, vm)?.borrow_vec_mut().push(v);
        resync(obj, vm);
        Ok(())
    }

    /// `ob_item` of the list `o`, up to date: what `PySequence_Fast_ITEMS`
    /// reads for a list (valid until the list changes, as CPython's).
    fn _PyCpyext_ListItems(vm, o: Ptr) -> *mut *mut CObject {
        if !c_made(o, vm)? {
            let obj = unsafe { proxy::from_c_ref(o.0, vm)? };
            sync(o.0, obj, vm);
        }
        Ok(unsafe { memory(o.0).ob_item })
    }

    fn PyList_AsTuple(vm, o: PyObjectRef) -> PyObjectRef {
        let items = as_list(o, vm)?.borrow_vec().to_vec();
        Ok(vm.ctx.new_tuple(items).into())
    }

    fn PyList_GetSlice(vm, o: PyObjectRef, low: isize, high: isize) -> PyObjectRef {
        let list = as_list(o, vm)?;
        let items = list.borrow_vec();
        let n = items.len() as isize;
        let low = low.clamp(0, n) as usize;
        let high = (high.clamp(0, n) as usize).max(low);
        Ok(vm.ctx.new_list(items[low..high].to_vec()).into())
    }

    fn PyList_Sort(vm, o: PyObjectRef) -> () {
        let list = as_list(o, vm)?;
        vm.call_method(list.as_ref(), "sort", ())?;
        resync(list.as_object(), vm);
        Ok(())
    }

    fn PyList_Reverse(vm, o: PyObjectRef) -> () {
        let list = as_list(o, vm)?;
        list.borrow_vec_mut().reverse();
        resync(list.as_object(), vm);
        Ok(())
    }

    fn PyList_Extend(vm, o: PyObjectRef, iterable: PyObjectRef) -> () {
        let list = as_list(o, vm)?;
        vm.call_method(list.as_ref(), "extend", (iterable,))?;
        resync(list.as_object(), vm);
        Ok(())
    }
}

capi! {
    /// `list[low:high] = items` (NULL deletes the slice).
    fn PyList_SetSlice(vm, o: PyObjectRef, low: isize, high: isize, items: Option<PyObjectRef>) -> () {
        let list = as_list(o, vm)?;
        let n = list.borrow_vec().len() as isize;
        let low = low.clamp(0, n);
        let high = high.clamp(low, n);
        let slice = vm.ctx.types.slice_type.as_object().call((low, high), vm)?;
        let list: PyObjectRef = list.into();
        let r = match items {
            Some(items) => list.set_item(&*slice, items, vm),
            None => list.del_item(&*slice, vm),
        };
        resync(&list, vm);
        r
    }
}
