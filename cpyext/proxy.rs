//! The proxy table: the one link between a VM object and its `PyObject*`.
//!
//! The rules of the object model, enforced here and nowhere else:
//!
//! 1. Every object C sees has CPython's layout for its type (each family's
//!    [`Layout`], in its own module: `tupleobject`, `longobject`,
//!    `unicodeobject`, `listobject`, `dictobject`, `bytesobject`, `floatobject`, `methodobject`,
//!    `sliceobject`, `bytearrayobject`, `datetime`, `memoryobject`). Objects the layer
//!    allocates carry a hidden [`Prefix`] just before the `PyObject` header
//!    (told apart by the [`BLOCK_MAGIC`] that ends it); statically allocated
//!    objects (our singletons and builtin type objects, extensions' static
//!    types) are found in a side table instead. Nothing of ours is kept in
//!    the refcount word: code built for CPython 3.11's limited API (most
//!    abi3 wheels) and for 3.12/3.13 increments and decrements all 64 bits
//!    of it inline, so on heap objects `ob_flags` and `ob_overflow` stay
//!    zero, as CPython keeps them; our flags are in the prefix.
//! 2. Identity: a VM object has at most one proxy, found through `by_vm`; a
//!    proxy links back to exactly one VM object.
//! 3. The link holds a strong VM reference (but see 4), so a proxy's VM
//!    object lives at least as long as the proxy.
//! 4. A proxy lives while C holds a reference (`ob_refcnt > 0`) *or* the VM
//!    keeps the object alive elsewhere. This is what keeps borrowed references
//!    valid exactly as long as CPython's contract says: while something else
//!    holds the object. When the count reaches zero and the link is the last
//!    VM reference, the proxy is freed at once. Otherwise the VM is the owner:
//!    for an object that can be weakly referenced, the link becomes weak
//!    ([`Link::Weak`]), so the object dies when the VM lets go, as it
//!    would in CPython (`__del__`, weakref callbacks run then); for others a
//!    later [`sweep`] frees the proxy once the VM has let go.
//! 4a. Handing a pointer to C ([`as_c`]) makes a weak link strong again:
//!    C's inline `Py_INCREF` cannot be seen, so any pointer C may count must
//!    keep its object alive. A weak-linked proxy is only reachable from C
//!    through pointers C no longer counts, which CPython also makes invalid
//!    once the object's other holders let go. `gc.collect()` reads the
//!    counts and weakens the links of proxies C does not count
//!    ([`weaken_uncounted`]), so that no link holds a cycle.
//!    The memory of a VM object borrows the references it mirrors (a bound
//!    method's `im_self`, a builtin's `m_self`) from the object, which holds
//!    them; tuples and lists still count theirs (a list's `ob_item` is
//!    refreshed at each crossing, [`as_c_item`], and at `gc.collect()`,
//!    [`refresh_mirrors`]), so a cycle through a tuple or list that
//!    crossed is not collected yet.
//! 4b. `ob_refcnt` counts C's references (and those of tuples' and lists'
//!    memory); `Py_REFCNT` adds the VM's ([`vm_holds`]: a dict's, a
//!    variable's), so an object the VM also holds reads more than 1, as in
//!    CPython, and one C just made reads 1. Inline reads of the word (code
//!    built with CPython's headers for 3.13 or older) see C's part only.
//! 5. An object C builds before the VM has seen it (a tuple from
//!    `PyTuple_New`, a list from `PyList_New`, bytes from
//!    `PyBytes_FromStringAndSize(NULL, n)`) has no
//!    link yet: it is made into a VM object the first time it crosses
//!    ([`materialize`]), and freed directly if it never does.
//! 6. Type objects are immortal.
//! 7. A proxy that carries state of ours beyond a cache (a module's
//!    definition and state, a capsule's destructor: [`Aux`]) dies only with
//!    its object, never early, and its finalizer runs while the proxy is
//!    still whole and linked.
//! 8. An instance of a C type ([`is_c_instance`]) is the other way round:
//!    its memory is the object, and its VM object is a wrapper whose payload
//!    ([`CInstance`]) points back. The link holds the wrapper while C counts
//!    the instance (`ob_refcnt > 0`) and is a plain, non-owning pointer
//!    otherwise ([`Link::PointsAtWrapper`]); handing the pointer to C makes it
//!    owning again (as 4a). When the wrapper dies the link is cleared, and
//!    `tp_dealloc` runs once neither holds the instance: at the wrapper's
//!    death if C's count is zero, else when C's count reaches zero.
//!
//! Everything here runs with the GIL held (see `pystate`).

use crate::ffi::{self, PyObject as CObject, PyTypeObject};
use crate::{moduleobject::ModuleInfo, pycapsule::CapsuleState, typeobject};
use rustc_hash::FxHashMap;
use rustpython_vm::{
    AsObject, Py, PyObject, PyObjectRef, PyResult, VirtualMachine,
    builtins::{PyType, PyWeak},
};
use std::ptr::{NonNull, null, null_mut};

/// Hidden header before every object the layer allocates.
#[repr(C)]
pub struct Prefix {
    /// The linked VM object: a strong reference from `PyObjectRef::into_raw`,
    /// or null while a C-built object has not crossed to the VM. With
    /// [`Link::Weak`], a strong reference to a weakref to it instead.
    vm: *const PyObject,
    /// Data the layer keeps beside the object; freed with the proxy.
    aux: *mut Aux,
    /// The linked object's address: its key in the table, kept because a
    /// weak link cannot give it back once the object is gone.
    key: usize,
    /// Bytes allocated for prefix and object together, in 16-byte units (0
    /// for a prefix kept in the table's `foreign` map).
    units: u32,
    /// `FLAG_*` bits.
    flags: u8,
    /// 1 + the index in [`LAYOUTS`] of the layout that made a proxy of a VM
    /// object (0: none): its `release` must run when the proxy is freed, and
    /// not every family has a type flag that finds it again.
    layout: u8,
    /// [`BLOCK_MAGIC`] in every block [`alloc_block`] made: the two bytes
    /// just before the object.
    magic: u16,
}

/// Tells our blocks from memory C got elsewhere (`PyObject_Init` on a
/// `malloc` block) and from static objects: what lies before those is
/// glibc's chunk size (whose top bytes are zero), or a static's neighbour,
/// whose last two bytes are this only by a coincidence that no pointer,
/// small integer or -1 makes.
const BLOCK_MAGIC: u16 = 0xC9E7;
const UNIT: usize = 16;

pub const PREFIX_SIZE: usize = size_of::<Prefix>();
const _: () = assert!(PREFIX_SIZE % 16 == 0, "objects must stay 16-byte aligned");
const _: () = assert!(std::mem::offset_of!(Prefix, magic) == PREFIX_SIZE - 2, "the magic must end the prefix");

/// Prefix flag: the link is weak (rule 4), or for a C-type instance not
/// owning (rule 8). Read and written only through [`Link`].
const FLAG_WEAK_LINK: u8 = 1 << 0;

/// Prefix flag: an instance of a C type (rule 8).
const FLAG_C_OBJECT: u8 = 1 << 1;

/// Prefix flag: the instance's `tp_finalize` has run (it runs once).
pub const FLAG_FINALIZED: u8 = 1 << 2;

/// Prefix flag: C has not tracked the instance for the collector
/// (`PyObject_GC_New` without `PyObject_GC_Track`, or `PyObject_GC_UnTrack`).
pub const FLAG_GC_UNTRACKED: u8 = 1 << 3;

/// Prefix flag: the proxy carries fields of a C type whose instances the VM
/// makes (an extension's exception type adding C fields to
/// `BaseException`): it keeps them while its object lives, so it is never
/// freed early.
pub const FLAG_C_FIELDS: u8 = 1 << 4;

/// Prefix flag: fields of the memory follow the VM object (a list's
/// `ob_size`, a dict's `ma_used`, a bytearray's buffer), brought up to date
/// each time the object crosses into C ([`sync_fields`]). Only these pay
/// for it on the crossing path.
pub const FLAG_SYNCED: u8 = 1 << 5;

/// Prefix flag: a list's `ob_item` gave its items back when the C call
/// that used it ended (`listobject::LentScope`); it is mirrored again even
/// where an item's own fields are not (`as_c_item`).
pub const FLAG_ITEMS_RELEASED: u8 = 1 << 6;

/// Blocks of these sizes (prefix included) are recycled through free lists:
/// most proxies (ints, floats, short strs, generic objects) fit one, and
/// reusing them costs far less than malloc and free on every crossing.
const BLOCK_SIZES: [usize; 2] = [64, 128];
/// At most this many free blocks are kept per size.
const MAX_FREE_BLOCKS: usize = 4096;

/// Below this many live proxies, sweeping is not worth it.
const MIN_SWEEP: usize = 4096;

/// What the layer keeps beside an object.
pub enum Aux {
    /// NUL-terminated UTF-8 of a str, for `PyUnicode_AsUTF8`.
    Utf8(Box<[u8]>),
    /// Definition and state of a module made from a `PyModuleDef`.
    Module(ModuleInfo),
    /// A capsule's destructor, and the name `PyCapsule_SetName` gave it.
    Capsule(CapsuleState),
    /// The weakref a weak link uses, kept across strong spells so that
    /// turning the link weak again (each time C lets go) allocates nothing.
    Weak(PyObjectRef),
    /// A reference the object's C memory holds (a datetime's tzinfo, which C
    /// reads from the struct and may keep): counted, so the referent's link
    /// stays strong while the memory can hand it out.
    Holds(CRef),
    /// Where `_PyObject_GetDictPtr` says the object's dict lives, for an
    /// object whose dict is the VM's (its address stays put while the
    /// proxy lives: the `Aux` is boxed).
    DictSlot(DictSlot),
}

/// A `PyObject*` field C may read through a `PyObject**`: a counted
/// reference (or NULL), released when dropped.
pub struct DictSlot(pub *mut CObject);

impl Drop for DictSlot {
    fn drop(&mut self) {
        if !self.0.is_null() {
            unsafe { decref(self.0) }
        }
    }
}

/// A counted C reference, released when dropped (with the GIL held: the
/// proxy that keeps it is freed with it held).
pub struct CRef(*mut CObject);

impl CRef {
    /// A new reference to `obj`, and its pointer.
    pub fn new(obj: &PyObject, vm: &VirtualMachine) -> (Self, *mut CObject) {
        let p = to_c_new(obj, vm);
        (CRef(p), p)
    }
}

impl Drop for CRef {
    fn drop(&mut self) {
        unsafe { decref(self.0) }
    }
}

struct Table {
    /// VM object address -> its `PyObject*`.
    by_vm: FxHashMap<usize, *mut CObject>,
    /// Statically allocated `PyObject*` -> its VM object.
    statics: FxHashMap<usize, PyObjectRef>,
    sweep_at: usize,
    /// The prefixes of objects in memory C allocated (`PyObject_Init` on a
    /// `malloc` block, as cffi does).
    foreign: FxHashMap<usize, Box<Prefix>>,
}

use crate::pystate::GilCell;

static TABLE: GilCell<Table> = GilCell::new(Table {
    by_vm: FxHashMap::with_hasher(rustc_hash::FxBuildHasher),
    statics: FxHashMap::with_hasher(rustc_hash::FxBuildHasher),
    sweep_at: MIN_SWEEP,
    foreign: FxHashMap::with_hasher(rustc_hash::FxBuildHasher),
});

/// The table. Callers hold the GIL and keep the borrow short: nothing that can
/// run Python code (dropping a VM reference, calling C) may happen while it is
/// held.
#[inline(always)]
#[allow(clippy::mut_from_ref)]
fn table() -> &'static mut Table {
    // SAFETY: borrows never overlap (see above).
    unsafe { TABLE.get() }
}

#[inline(always)]
fn key(obj: &PyObject) -> usize {
    obj as *const PyObject as usize
}

/// The prefix of `op`, which has one ([`is_prefixed`]).
#[inline(always)]
pub unsafe fn prefix(op: *mut CObject) -> *mut Prefix {
    unsafe {
        if in_our_block(op) {
            return (op as *mut u8).sub(PREFIX_SIZE) as *mut Prefix;
        }
        foreign_prefix(op)
    }
}

/// The prefix the table keeps for memory C allocated; for an object with
/// no prefix at all (a static), an empty one that reads as unlinked.
#[cold]
fn foreign_prefix(op: *mut CObject) -> *mut Prefix {
    match table().foreign.get_mut(&(op as usize)) {
        Some(pre) => &mut **pre as *mut Prefix,
        None => {
            let none = &raw mut NO_PREFIX;
            // SAFETY: with the GIL; whatever a caller wrote is undone.
            unsafe { *none = Prefix { vm: null(), aux: null_mut(), key: 0, units: 0, flags: 0, layout: 0, magic: 0 } };
            none
        }
    }
}

static mut NO_PREFIX: Prefix = Prefix { vm: null(), aux: null_mut(), key: 0, units: 0, flags: 0, layout: 0, magic: 0 };

fn empty_prefix() -> Box<Prefix> {
    Box::new(Prefix { vm: null(), aux: null_mut(), key: 0, units: 0, flags: 0, layout: 0, magic: 0 })
}

/// Whether `op` is in a block [`alloc_block`] made.
#[inline(always)]
unsafe fn in_our_block(op: *mut CObject) -> bool {
    // The two bytes before `op`: in our blocks the prefix's magic; before
    // another allocator's memory its bookkeeping, before a static object
    // its neighbour (both readable memory).
    unsafe { *(op as *const u16).sub(1) == BLOCK_MAGIC && !magic_collision(op) }
}

/// Static objects whose neighbour happens to end with [`BLOCK_MAGIC`]
/// (found when they are registered; none in practice).
static COLLISIONS: std::sync::RwLock<Vec<usize>> = std::sync::RwLock::new(Vec::new());
static ANY_COLLISION: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[inline(always)]
fn magic_collision(op: *mut CObject) -> bool {
    ANY_COLLISION.load(std::sync::atomic::Ordering::Relaxed)
        && COLLISIONS.read().is_ok_and(|c| c.contains(&(op as usize)))
}

/// Whether `op` has a [`Prefix`]: it is in one of our blocks, or C
/// allocated it and the table keeps its prefix.
#[inline(always)]
pub unsafe fn is_prefixed(op: *mut CObject) -> bool {
    unsafe { in_our_block(op) || is_foreign(op) }
}

#[inline(always)]
fn is_foreign(op: *mut CObject) -> bool {
    let foreign = &table().foreign;
    !foreign.is_empty() && foreign.contains_key(&(op as usize))
}

/// The `FLAG_*` bits of `op`; none for an object without a prefix.
#[inline(always)]
unsafe fn flags(op: *mut CObject) -> u8 {
    unsafe {
        if in_our_block(op) {
            return (*((op as *mut u8).sub(PREFIX_SIZE) as *mut Prefix)).flags;
        }
        if is_foreign(op) { (*foreign_prefix(op)).flags } else { 0 }
    }
}

/// Whether `op` has every bit of `flag`.
#[inline(always)]
pub unsafe fn has_flag(op: *mut CObject, flag: u8) -> bool {
    unsafe { flags(op) & flag == flag }
}

/// Sets or clears `flag` of `op`; nothing for an object without a prefix.
#[inline(always)]
pub unsafe fn set_flag(op: *mut CObject, flag: u8, on: bool) {
    unsafe {
        if !is_prefixed(op) {
            return;
        }
        let pre = prefix(op);
        if on {
            (*pre).flags |= flag;
        } else {
            (*pre).flags &= !flag;
        }
    }
}

/// What the link of a prefixed object is (rules 3, 4, 5 and 8). Read by
/// [`link_state`] and written by [`set_link_state`], the only places that
/// know how it is kept (two prefix flags and the prefix's pointer).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Link {
    /// Memory C built that has not crossed to the VM yet (rule 5), or
    /// whose link was dropped for C to change it.
    Unlinked,
    /// Holds a strong reference to the VM object (rule 3).
    Strong,
    /// Holds a strong reference to a weakref to the VM object (rule 4).
    Weak,
    /// A C-type instance without a VM wrapper (none made yet, or it died).
    NoWrapper,
    /// A C-type instance whose link owns its wrapper: C counts it (rule 8).
    OwnsWrapper,
    /// A C-type instance whose link only points at its wrapper.
    PointsAtWrapper,
}

#[inline(always)]
pub unsafe fn link_state(op: *mut CObject) -> Link {
    unsafe {
        let pre = prefix(op);
        let flags = (*pre).flags;
        match (flags & FLAG_WEAK_LINK != 0, flags & FLAG_C_OBJECT != 0) {
            (true, true) => Link::PointsAtWrapper,
            (true, false) => Link::Weak,
            (false, instance) => match (instance, !(*pre).vm.is_null()) {
                (true, false) => Link::NoWrapper,
                (true, true) => Link::OwnsWrapper,
                (false, false) => Link::Unlinked,
                (false, true) => Link::Strong,
            },
        }
    }
}

/// Records `state` (the caller has set the prefix's pointer to match).
#[inline(always)]
unsafe fn set_link_state(op: *mut CObject, state: Link) {
    unsafe {
        let weak = matches!(state, Link::Weak | Link::PointsAtWrapper);
        set_flag(op, FLAG_WEAK_LINK, weak);
    }
}

/// Whether `op` is an instance of a C type (rule 8).
#[inline(always)]
pub unsafe fn is_c_instance(op: *mut CObject) -> bool {
    unsafe { has_flag(op, FLAG_C_OBJECT) }
}

/// Recycled blocks, one list per size in `BLOCK_SIZES`, per thread: C
/// allocates (`PyObject_Malloc`) without holding the GIL too, so the lists
/// take no lock of their own.
struct FreeBlocks([Vec<*mut u8>; 2]);

impl std::ops::Deref for FreeBlocks {
    type Target = [Vec<*mut u8>; 2];
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl std::ops::DerefMut for FreeBlocks {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl Drop for FreeBlocks {
    fn drop(&mut self) {
        for list in self.0.iter_mut() {
            for block in list.drain(..) {
                unsafe { libc::free(block as *mut libc::c_void) };
            }
        }
    }
}

thread_local! {
    static FREE_BLOCKS: std::cell::RefCell<FreeBlocks> = const { std::cell::RefCell::new(FreeBlocks([Vec::new(), Vec::new()])) };
}

/// Zeroed memory of `size` bytes behind a [`Prefix`]: every object the
/// layer allocates, and every `PyObject_Malloc` block (so that `tp_alloc`
/// and `PyObject_New` objects have a prefix too). Null when out of memory.
pub unsafe fn alloc_block(size: usize) -> *mut u8 {
    unsafe {
        let Some(total) = size.checked_add(PREFIX_SIZE + UNIT - 1).map(|t| t & !(UNIT - 1)) else { return null_mut() };
        let class = BLOCK_SIZES.iter().position(|&b| total <= b);
        let size = class.map_or(total, |c| BLOCK_SIZES[c]);
        let Ok(units) = u32::try_from(size / UNIT) else { return null_mut() };
        let recycled = class.and_then(|c| FREE_BLOCKS.with(|f| f.borrow_mut()[c].pop()));
        let base = match recycled {
            Some(block) => {
                std::ptr::write_bytes(block, 0, size);
                block
            }
            None => libc::calloc(1, size) as *mut u8,
        };
        if base.is_null() {
            return null_mut();
        }
        let pre = base as *mut Prefix;
        (*pre).units = units;
        (*pre).magic = BLOCK_MAGIC;
        base.add(PREFIX_SIZE)
    }
}

/// Frees a block from [`alloc_block`], with whatever the layer kept beside it.
pub unsafe fn free_block(p: *mut u8) {
    unsafe {
        let pre = p.sub(PREFIX_SIZE) as *mut Prefix;
        let aux = std::mem::replace(&mut (*pre).aux, null_mut());
        release_memory(pre);
        if !aux.is_null() {
            drop(Box::from_raw(aux));
        }
    }
}

/// Whether [`resize_unlinked`] may move `op`: it is in one of our blocks
/// and has no VM object (which would know it by its address).
pub unsafe fn is_resizable(op: *mut CObject) -> bool {
    unsafe { in_our_block(op) && (*prefix(op)).vm.is_null() }
}

/// Moves an object nothing links to yet into a block of `size` bytes (the
/// added bytes zero), with what the layer keeps beside it; null when out
/// of memory (the object is then unchanged).
pub unsafe fn resize_unlinked(op: *mut CObject, size: usize) -> *mut CObject {
    unsafe {
        let old_pre = prefix(op);
        let old = block_size(old_pre) - PREFIX_SIZE;
        let q = alloc_block(size.max(size_of::<CObject>())) as *mut CObject;
        if q.is_null() {
            return q;
        }
        std::ptr::copy_nonoverlapping(op as *const u8, q as *mut u8, old.min(size));
        let new_pre = prefix(q);
        (*new_pre).aux = std::mem::replace(&mut (*old_pre).aux, null_mut());
        (*new_pre).flags = (*old_pre).flags;
        (*new_pre).layout = (*old_pre).layout;
        free_block(op as *mut u8);
        q
    }
}

/// `realloc` for blocks from [`alloc_block`]; the added bytes are zero.
pub unsafe fn realloc_block(p: *mut u8, size: usize) -> *mut u8 {
    unsafe {
        let old = block_size(p.sub(PREFIX_SIZE) as *mut Prefix) - PREFIX_SIZE;
        if size <= old {
            return p;
        }
        let q = alloc_block(size);
        if !q.is_null() {
            std::ptr::copy_nonoverlapping(p, q, old);
            // An object C resizes keeps its flags (its memory may be an
            // instance that is being built).
            (*(q.sub(PREFIX_SIZE) as *mut Prefix)).flags = (*(p.sub(PREFIX_SIZE) as *mut Prefix)).flags;
            free_block(p);
        }
        q
    }
}

/// Allocates zeroed object memory of `size` bytes behind a [`Prefix`], with
/// reference count 1 and type `tp`. Null when out of memory.
pub unsafe fn alloc(size: usize, tp: *mut PyTypeObject) -> *mut CObject {
    unsafe {
        let op = alloc_block(size.max(size_of::<CObject>())) as *mut CObject;
        if op.is_null() {
            return op;
        }
        (*op).ob_refcnt = 1;
        (*op).ob_type = tp;
        op
    }
}

/// Bytes of the block (prefix included) whose prefix `pre` is.
unsafe fn block_size(pre: *mut Prefix) -> usize {
    unsafe { (*pre).units as usize * UNIT }
}

/// Gives back the memory of a freed object (its prefix's address).
unsafe fn release_memory(pre: *mut Prefix) {
    unsafe {
        let class = BLOCK_SIZES.iter().position(|&b| b == block_size(pre));
        match class {
            Some(c) if FREE_BLOCKS.with(|f| f.borrow()[c].len()) < MAX_FREE_BLOCKS => {
                FREE_BLOCKS.with(|f| f.borrow_mut()[c].push(pre as *mut u8));
            }
            _ => {
                // Memory C gets from malloc next must not look like ours.
                (*pre).magic = 0;
                libc::free(pre as *mut libc::c_void)
            }
        }
    }
}

#[inline(always)]
pub unsafe fn incref(op: *mut CObject) {
    unsafe {
        let c = (*op).ob_refcnt;
        if !ffi::is_immortal(c) {
            (*op).ob_refcnt = c + 1;
        }
    }
}

#[inline(always)]
pub unsafe fn decref(op: *mut CObject) {
    unsafe {
        let c = (*op).ob_refcnt;
        if ffi::is_immortal(c) {
            return;
        }
        (*op).ob_refcnt = c - 1;
        if c == 1 {
            dealloc(op);
        }
    }
}

/// How one family lays out its objects in C memory, defined in the
/// family's own module (PyPy's `make_typedescr`): proxy.rs keeps the table
/// and the lifecycle, and calls these for the memory itself.
pub struct Layout {
    /// The `Py_TPFLAGS_*_SUBCLASS` bit that marks the family's types (0: C
    /// never builds its objects before the VM has them).
    pub flag: std::ffi::c_ulong,
    /// The memory of `obj`, whose type object is `tp`, when `obj` is of the
    /// family; null when out of memory.
    pub create: fn(&PyObject, *mut PyTypeObject, &VirtualMachine) -> Option<*mut CObject>,
    /// The VM object of memory C built, on its first crossing (rule 5).
    pub realize: Option<unsafe fn(*mut CObject, &VirtualMachine) -> PyResult<PyObjectRef>>,
    /// Releases the references the memory holds, before it is freed.
    pub release: Option<unsafe fn(*mut CObject)>,
}

/// The families with a layout of their own, most common first.
static LAYOUTS: [&Layout; 14] = [
    &crate::longobject::LAYOUT,
    &crate::unicodeobject::LAYOUT,
    &crate::tupleobject::LAYOUT,
    &crate::listobject::LAYOUT,
    &crate::dictobject::LAYOUT,
    &crate::floatobject::LAYOUT,
    &crate::bytesobject::LAYOUT,
    &crate::methodobject::LAYOUT,
    &crate::sliceobject::LAYOUT,
    &crate::bytearrayobject::LAYOUT,
    &crate::datetime::LAYOUT,
    &crate::descrobject::LAYOUT,
    &crate::classobject::LAYOUT,
    &crate::memoryobject::LAYOUT,
];

fn layout_of(tp_flags: std::ffi::c_ulong) -> Option<&'static Layout> {
    LAYOUTS.iter().copied().find(|l| l.flag != 0 && tp_flags & l.flag != 0)
}

// ---------------------------------------------------------------------------
// VM -> C

/// The proxy of `obj`, made if it has none; C's count is unchanged (a
/// borrowed reference, valid while the VM keeps `obj` alive).
#[inline]
pub fn as_c(obj: &PyObject, vm: &VirtualMachine) -> *mut CObject {
    as_c_synced(obj, true, vm)
}

/// [`as_c`] for an item a container's memory mirrors: an existing proxy's
/// own fields are not brought up to date (a list holding itself, or lists
/// nested deep, would otherwise be walked again at every crossing).
#[inline]
pub fn as_c_item(obj: &PyObject, vm: &VirtualMachine) -> *mut CObject {
    as_c_synced(obj, false, vm)
}

#[inline]
fn as_c_synced(obj: &PyObject, sync: bool, vm: &VirtualMachine) -> *mut CObject {
    if let Some(&p) = table().by_vm.get(&key(obj)) {
        unsafe {
            match link_state(p) {
                Link::PointsAtWrapper => {
                    // Rule 8: the link points at `obj` itself; it owns it again.
                    (*prefix(p)).vm = obj.to_owned().into_raw().as_ptr();
                    set_link_state(p, Link::OwnsWrapper);
                    return p;
                }
                // Rule 4a. The weakref may also be a dead one left by an
                // object that lived at this address before `obj`.
                Link::Weak => match upgrade(p) {
                    Some(target) if target.is(obj) => {
                        make_strong(p, target);
                        return p;
                    }
                    _ => release_stale(p),
                },
                _ => {
                    if (sync || has_flag(p, FLAG_ITEMS_RELEASED)) && has_flag(p, FLAG_SYNCED) {
                        sync_fields(p, obj, vm);
                    }
                    return p;
                }
            }
        }
    }
    create_proxy(obj, vm)
}

/// Brings the fields of a [`FLAG_SYNCED`] proxy up to date with `obj`.
#[cold]
fn sync_fields(p: *mut CObject, obj: &PyObject, vm: &VirtualMachine) {
    crate::listobject::sync(p, obj, vm);
    crate::dictobject::sync(p, obj);
    crate::bytearrayobject::sync(p, obj);
}

/// Whether `p` is the proxy of `obj` (cheaply, from its prefix, when its
/// link is strong: what a mirror of items checks for each item).
#[inline]
pub fn links_to(p: *mut CObject, obj: &PyObject) -> bool {
    unsafe {
        if in_our_block(p) {
            let pre = (p as *mut u8).sub(PREFIX_SIZE) as *const Prefix;
            if (*pre).flags & FLAG_WEAK_LINK == 0 {
                return (*pre).vm == obj as *const PyObject;
            }
        }
    }
    existing(obj) == Some(p)
}

/// The VM object of `p`, if `p` is still the proxy the table knows for the
/// object at `key` and its link is strong.
pub fn linked_at(key: usize, p: *mut CObject) -> Option<PyObjectRef> {
    if table().by_vm.get(&key) != Some(&p) {
        return None;
    }
    unsafe { (link_state(p) == Link::Strong).then(|| (*(*prefix(p)).vm).to_owned()) }
}

/// The proxy `obj` has, if any.
#[inline]
pub fn existing(obj: &PyObject) -> Option<*mut CObject> {
    table().by_vm.get(&key(obj)).copied()
}

/// A new reference to `obj` for C.
#[inline]
pub fn to_c_new(obj: &PyObject, vm: &VirtualMachine) -> *mut CObject {
    let p = as_c(obj, vm);
    unsafe { incref(p) };
    p
}

/// The `PyTypeObject*` of a VM type.
#[inline]
pub fn type_as_c(ty: &Py<PyType>, vm: &VirtualMachine) -> *mut PyTypeObject {
    as_c(ty.as_object(), vm) as *mut PyTypeObject
}

#[cold]
fn create_proxy(obj: &PyObject, vm: &VirtualMachine) -> *mut CObject {
    maybe_sweep();
    if let Some(ty) = obj.downcast_ref::<PyType>() {
        return typeobject::new_type_proxy(ty, vm);
    }
    let p = unsafe {
        {
            let tp = type_as_c(obj.class(), vm);
            // The type's flag bit says which family it is, without a downcast.
            let flags = (*tp).tp_flags;
            let mut family = LAYOUTS.iter().enumerate().filter(|(_, l)| l.flag == 0 || flags & l.flag != 0);
            let p = match family.find_map(|(i, l)| (l.create)(obj, tp, vm).map(|p| (i, p))) {
                Some((i, p)) => {
                    if !p.is_null() {
                        (*prefix(p)).layout = (i + 1) as u8;
                        // A C type adding fields to a VM type (numpy's str_
                        // to str): they live in this memory only.
                        if typeobject::is_c_type(tp) {
                            set_flag(p, FLAG_C_FIELDS, true);
                        }
                    }
                    p
                }
                None => {
                    // A C type's fields beyond the object header get room here.
                    let size = ((*tp).tp_basicsize.max(0) as usize).max(size_of::<CObject>());
                    let p = alloc(size, tp);
                    if !p.is_null() && size > size_of::<CObject>() {
                        set_flag(p, FLAG_C_FIELDS, true);
                    }
                    p
                }
            };
            if p.is_null() {
                // Out of memory with no way to report it from a conversion.
                std::process::abort();
            }
            (*p).ob_refcnt = 0;
            p
        }
    };
    link(p, obj);
    // Once linked, so that a mirror of items finds this proxy for an item
    // that is the object itself.
    if unsafe { has_flag(p, FLAG_SYNCED) } {
        sync_fields(p, obj, vm);
    }
    p
}

/// Points `p` at `obj` and records the pair.
pub fn link(p: *mut CObject, obj: &PyObject) {
    unsafe {
        let pre = prefix(p);
        (*pre).vm = obj.to_owned().into_raw().as_ptr();
        (*pre).key = key(obj);
    }
    table().by_vm.insert(key(obj), p);
}

/// The target of a weak-linked proxy, if it is still alive.
unsafe fn upgrade(p: *mut CObject) -> Option<PyObjectRef> {
    unsafe {
        let weak = &*(*prefix(p)).vm;
        weak.downcast_ref::<PyWeak>().and_then(|w| w.upgrade())
    }
}

/// Turns a weak link back into a strong one to `target`.
unsafe fn make_strong(p: *mut CObject, target: PyObjectRef) {
    unsafe {
        let pre = prefix(p);
        let weak = std::mem::replace(&mut (*pre).vm, target.into_raw().as_ptr());
        set_link_state(p, Link::Strong);
        drop(PyObjectRef::from_raw(NonNull::new_unchecked(weak as *mut PyObject)));
    }
}

/// Makes the strong link of a proxy C no longer counts weak, when its
/// object can be weakly referenced and carries no state of ours. Returns
/// whether it did.
unsafe fn make_weak(p: *mut CObject) -> bool {
    unsafe {
        if has_state(p) {
            return false;
        }
        let Some(vm) = crate::pystate::current_vm() else { return false };
        let pre = prefix(p);
        let target = &*(*pre).vm;
        if !target.class().slots.flags.has_feature(rustpython_vm::types::PyTypeFlags::HAS_WEAKREF) {
            return false;
        }
        let weak: PyObjectRef = match aux(p) {
            Some(Aux::Weak(w)) => w.clone(),
            _ => {
                let Ok(w) = target.downgrade(None, vm) else { return false };
                let w: PyObjectRef = w.into();
                if (*pre).aux.is_null() {
                    set_aux(p, Aux::Weak(w.clone()));
                }
                w
            }
        };
        let strong = std::mem::replace(&mut (*pre).vm, weak.into_raw().as_ptr());
        set_link_state(p, Link::Weak);
        // The VM holds the target elsewhere (the caller checked), so this
        // drop only gives up our share.
        drop(PyObjectRef::from_raw(NonNull::new_unchecked(strong as *mut PyObject)));
        true
    }
}

/// Frees a weak-linked proxy whose object is gone, or whose address now
/// belongs to another object.
#[cold]
unsafe fn release_stale(p: *mut CObject) {
    unsafe {
        if (*p).ob_refcnt == 0 {
            free_proxy(p);
        } else {
            // C still counts it (a pointer it kept borrowed and then
            // increfed): keep the memory, forget the address.
            let pre = prefix(p);
            if table().by_vm.get(&(*pre).key) == Some(&p) {
                table().by_vm.remove(&(*pre).key);
            }
            (*pre).key = 0;
        }
    }
}









// ---------------------------------------------------------------------------
// C -> VM

/// The VM object of `op`, borrowed: valid for as long as `op` is, which for
/// an argument is the whole of the call (C holds a reference to it, or it is
/// borrowed from something that does).
#[inline]
pub unsafe fn from_c_ref<'a>(op: *mut CObject, vm: &VirtualMachine) -> PyResult<&'a PyObject> {
    unsafe {
        if is_prefixed(op) {
            if link_state(op) == Link::Weak {
                // A borrowed result needs a holder: the link, made strong.
                let target = upgrade(op).ok_or_else(|| dead_object(op, vm))?;
                make_strong(op, target);
            }
            let linked = (*prefix(op)).vm;
            if !linked.is_null() {
                return Ok(&*linked);
            }
            let obj = materialize(op, vm)?;
            // The link made by `materialize` holds it now.
            return Ok(&*(obj.as_object() as *const PyObject));
        }
        if op == &raw mut crate::object::_Py_NoneStruct {
            return Ok(&*(vm.ctx.none.as_object() as *const PyObject));
        }
        match table().statics.get(&(op as usize)) {
            Some(obj) => Ok(&*(obj.as_object() as *const PyObject)),
            None if adopt_static(op) => from_c_ref(op, vm),
            None => Err(unknown_object(op, vm)),
        }
    }
}

/// The VM object of `op`; C's count is unchanged.
#[inline]
pub unsafe fn from_c(op: *mut CObject, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    unsafe {
        if is_prefixed(op) {
            if link_state(op) == Link::Weak {
                return upgrade(op).ok_or_else(|| dead_object(op, vm));
            }
            let linked = (*prefix(op)).vm;
            if !linked.is_null() {
                return Ok((*linked).to_owned());
            }
            return materialize(op, vm);
        }
        // The singletons C returns most, before the statics table.
        if op == &raw mut crate::object::_Py_NoneStruct {
            return Ok(vm.ctx.none());
        }
        match table().statics.get(&(op as usize)) {
            Some(obj) => Ok(obj.clone()),
            None if adopt_static(op) => from_c(op, vm),
            None => Err(unknown_object(op, vm)),
        }
    }
}

#[cold]
fn dead_object(op: *mut CObject, vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_system_error(format!(
        "object at {op:p} was used after it was freed (a borrowed reference outlived its object)"
    ))
}

/// A static instance of a C type (numpy's builtin dtypes, its `np.True_`),
/// met when C first hands it over: it gets a prefix in the table, as memory
/// C allocated does, and is an instance of its type from then on (rule 8).
/// Its static initializer gave it C's count, which keeps it, as in CPython.
#[cold]
unsafe fn adopt_static(op: *mut CObject) -> bool {
    unsafe {
        let tp = (*op).ob_type;
        if tp.is_null() || !typeobject::is_c_type(tp) {
            return false;
        }
        table().foreign.insert(op as usize, empty_prefix());
        (*prefix(op)).flags = FLAG_C_OBJECT;
        true
    }
}

#[cold]
fn unknown_object(op: *mut CObject, vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    vm.new_system_error(format!(
        "object at {op:p} was not made by the C-API layer (a static object whose type was never readied?)"
    ))
}

/// The VM object of `op`, taking over C's reference to it (the "steals a
/// reference" of CPython's documentation). The reference is released even
/// when the conversion fails.
pub unsafe fn from_c_steal(op: *mut CObject, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    unsafe {
        let result = from_c(op, vm);
        if let Ok(obj) = &result {
            let c = (*op).ob_refcnt;
            // C gave away its last reference and the VM holds the object only
            // through the link and `obj`: no borrowed pointer to this proxy can
            // still be valid, so the proxy goes now rather than at a sweep.
            let plain = is_prefixed(op) && link_state(op) == Link::Strong && !has_flag(op, FLAG_C_FIELDS);
            if c == 1 && plain && obj.strong_count() == 2 && !has_state(op) {
                (*op).ob_refcnt = 0;
                free_proxy(op);
                return result;
            }
        }
        decref(op);
        result
    }
}

/// Frees the proxy of an argument C was lent for one call, when nothing but
/// the call held it: C kept no counted reference (`ob_refcnt` is 0) and the
/// VM holds the object only through the argument list and the link. No
/// borrowed pointer to it can stay valid once the call returns, so waiting
/// for a sweep would only grow the table.
pub unsafe fn release_argument(op: *mut CObject) {
    unsafe {
        if !is_prefixed(op) || (*op).ob_refcnt != 0 || has_flag(op, FLAG_C_FIELDS) {
            return;
        }
        match link_state(op) {
            // Rule 8: the call's arguments hold the wrapper, so this is not
            // its last reference.
            Link::OwnsWrapper => return unhold_instance(op),
            Link::Strong => {}
            _ => return,
        }
        if has_state(op) {
            return;
        }
        let linked = (*prefix(op)).vm;
        if !linked.is_null() && (*linked).strong_count() == 2 {
            free_proxy(op);
        }
    }
}

/// [`release_argument`] for the proxies (if any) of objects lent to C for
/// a call that has returned.
pub fn release_borrowed<'a>(objs: impl IntoIterator<Item = &'a PyObject>) {
    for obj in objs {
        if let Some(&p) = table().by_vm.get(&key(obj)) {
            unsafe { release_argument(p) };
        }
    }
}

/// Builds the VM object of a C-built object on its first crossing.
#[cold]
unsafe fn materialize(op: *mut CObject, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    unsafe {
        let tp = (*op).ob_type;
        let flags = (*tp).tp_flags;
        let obj: PyObjectRef = if is_c_instance(op) {
            new_wrapper(op, vm)?
        } else if let Some(realize) = layout_of(flags).and_then(|l| l.realize) {
            realize(op, vm)?
        } else {
            return Err(unknown_object(op, vm));
        };
        link(op, &obj);
        Ok(obj)
    }
}

/// Whether the VM holds `op`'s object other than through the link: then
/// Python can see it, and C may not change it in place (CPython's "only
/// while you hold the sole reference", which `ob_refcnt` alone cannot tell
/// here, since it counts only C's references).
pub unsafe fn vm_shares(op: *mut CObject) -> bool {
    unsafe {
        link_state(op) == Link::Strong && (*(*prefix(op)).vm).strong_count() > 1
    }
}

/// Drops the link of a C-built object that C is about to change in place
/// (allowed by CPython only while C holds the sole reference), so that its
/// next crossing builds a fresh VM object.
pub unsafe fn unlink_for_mutation(op: *mut CObject) {
    unsafe {
        // Tuples and bytes cannot be weakly referenced, so their link is strong.
        if link_state(op) != Link::Strong {
            return;
        }
        let pre = prefix(op);
        let linked = (*pre).vm;
        table().by_vm.remove(&(*pre).key);
        (*pre).vm = null();
        drop(PyObjectRef::from_raw(NonNull::new_unchecked(linked as *mut PyObject)));
    }
}

// ---------------------------------------------------------------------------
// Statics

/// Registers a statically allocated object as the C face of `obj`.
pub unsafe fn register_static(op: *mut CObject, obj: &PyObject) {
    unsafe {
        // Statics are never in our blocks, whatever precedes them.
        if in_our_block(op) {
            if let Ok(mut c) = COLLISIONS.write() {
                c.push(op as usize);
                ANY_COLLISION.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        }
        (*op).ob_refcnt = ffi::IMMORTAL_REFCNT;
    }
    let t = table();
    t.statics.insert(op as usize, obj.to_owned());
    t.by_vm.insert(key(obj), op);
}

// ---------------------------------------------------------------------------
// Aux data

pub unsafe fn aux(op: *mut CObject) -> Option<&'static mut Aux> {
    unsafe {
        if !is_prefixed(op) {
            return None;
        }
        (*prefix(op)).aux.as_mut()
    }
}

pub unsafe fn set_aux(op: *mut CObject, value: Aux) {
    unsafe {
        let pre = prefix(op);
        let old = std::mem::replace(&mut (*pre).aux, Box::into_raw(Box::new(value)));
        if !old.is_null() {
            drop(Box::from_raw(old));
        }
    }
}

/// Whether `op` carries state that is not a cache and must live as long as
/// its VM object.
unsafe fn has_state(op: *mut CObject) -> bool {
    unsafe {
        // A dict slot C may hold a pointer into stays while the object lives
        // (its link stays strong, so a sweep frees it after the VM lets go).
        is_c_instance(op) || matches!(aux(op), Some(Aux::Module(_) | Aux::Capsule(_) | Aux::DictSlot(_)))
    }
}

// ---------------------------------------------------------------------------
// Freeing

/// `_Py_Dealloc`: C's count of `op` reached zero.
pub unsafe fn dealloc(op: *mut CObject) {
    unsafe {
        if is_prefixed(op) {
            match link_state(op) {
                Link::NoWrapper => dealloc_instance(op),
                Link::OwnsWrapper | Link::PointsAtWrapper => unhold_instance(op),
                Link::Weak => {
                    if upgrade(op).is_none() {
                        free_proxy(op);
                    }
                }
                Link::Unlinked => free_proxy(op),
                Link::Strong => {
                    if (*(*prefix(op)).vm).strong_count() == 1 {
                        free_proxy(op);
                    } else {
                        // The VM still holds the object: rule 4.
                        make_weak(op);
                    }
                }
            }
            return;
        }
        let tp = (*op).ob_type;
        if let Some(d) = (*tp).tp_dealloc {
            d(op);
        }
    }
}

/// Unlinks and frees a proxy. Runs Python code last (dropping the VM
/// reference may run `__del__`), when the table no longer knows `op`.
unsafe fn free_proxy(op: *mut CObject) {
    unsafe {
        let pre = prefix(op);
        // Finalizers (a module's m_free, a capsule's destructor) see the
        // object whole: they may ask for its state or pointer.
        if let Some(aux) = (*pre).aux.as_ref() {
            match aux {
                Aux::Module(info) => info.free(op),
                Aux::Capsule(CapsuleState { destructor: Some(destructor), .. }) => destructor(op),
                Aux::Capsule(_) | Aux::Utf8(_) | Aux::Weak(_) | Aux::Holds(_) | Aux::DictSlot(_) => {}
            }
        }
        let linked = std::mem::replace(&mut (*pre).vm, null());
        if !linked.is_null() && table().by_vm.get(&(*pre).key) == Some(&op) {
            table().by_vm.remove(&(*pre).key);
        }
        let aux = std::mem::replace(&mut (*pre).aux, null_mut());
        let tp = (*op).ob_type;
        let layout = match (*pre).layout as usize {
            0 if tp.is_null() => None,
            0 => layout_of((*tp).tp_flags),
            i => Some(LAYOUTS[i - 1]),
        };
        if let Some(release) = layout.and_then(|l| l.release) {
            release(op);
        }
        release_memory(pre);
        if !aux.is_null() {
            drop(Box::from_raw(aux));
        }
        // The target, or the weakref to it.
        if !linked.is_null() {
            drop(PyObjectRef::from_raw(NonNull::new_unchecked(linked as *mut PyObject)));
        }
    }
}

#[inline]
fn maybe_sweep() {
    if table().by_vm.len() >= table().sweep_at {
        sweep();
    }
}

/// Frees every proxy that neither C nor the VM holds any more (rule 4),
/// and lets go of C-type instances only their owning link still holds
/// (rule 8: made owning by a borrowed result whose holder has died).
pub fn sweep() {
    let (dead, unheld): (Vec<*mut CObject>, Vec<*mut CObject>) = table()
        .by_vm
        .values()
        .copied()
        .filter(|&p| unsafe { is_dead(p) || held_only_by_link(p) })
        .partition(|&p| unsafe { !is_c_instance(p) });
    for p in dead {
        // An earlier free in this loop may have changed what holds `p`.
        unsafe {
            if is_dead(p) {
                free_proxy(p);
            }
        }
    }
    for p in unheld {
        unsafe {
            if held_only_by_link(p) {
                unhold_instance(p);
            }
        }
    }
    let t = table();
    t.sweep_at = (t.by_vm.len() * 2).max(MIN_SWEEP);
}

unsafe fn is_dead(p: *mut CObject) -> bool {
    unsafe {
        if !is_prefixed(p) || (*p).ob_refcnt != 0 {
            return false;
        }
        match link_state(p) {
            Link::Weak => upgrade(p).is_none(),
            Link::Strong => (*(*prefix(p)).vm).strong_count() == 1,
            _ => false,
        }
    }
}

/// Brings every list's `ob_item` up to date with its VM list, so that the
/// references it still holds to items the VM let go of since the list last
/// crossed are released (`gc.collect()`'s first step: CPython would have
/// freed those items when the list dropped them).
pub fn refresh_mirrors(vm: &VirtualMachine) {
    let lists: Vec<*mut CObject> = table().by_vm.values().copied().filter(|&p| unsafe { in_our_block(p) && has_flag(p, FLAG_SYNCED) }).collect();
    for p in lists {
        unsafe {
            // An earlier refresh may have freed this one.
            if !is_prefixed(p) || !has_flag(p, FLAG_SYNCED) {
                continue;
            }
            let obj = match link_state(p) {
                Link::Strong => (*(*prefix(p)).vm).to_owned(),
                Link::Weak => match upgrade(p) {
                    Some(obj) => obj,
                    None => continue,
                },
                _ => continue,
            };
            crate::listobject::sync(p, &obj, vm);
        }
    }
}

/// Rule 4 for the proxies C was only lent (their count never left zero, so
/// no decref made them weak): their links become weak, as they would have
/// on C's last decref. `gc.collect()` runs this first, so that a cycle
/// through an object C once saw is not held by its link, which the
/// collector cannot see. A borrowed pointer C still has stays valid while
/// something else holds the object, which is CPython's contract.
pub fn weaken_uncounted() {
    let strong: Vec<*mut CObject> = table()
        .by_vm
        .values()
        .copied()
        .filter(|&p| unsafe { is_prefixed(p) && (*p).ob_refcnt == 0 && link_state(p) == Link::Strong })
        .collect();
    for p in strong {
        unsafe {
            // An earlier one may have freed what held this one.
            if (*p).ob_refcnt == 0 && link_state(p) == Link::Strong && (*(*prefix(p)).vm).strong_count() > 1 {
                make_weak(p);
            }
        }
    }
}

/// A C-type instance C does not count whose wrapper only the link holds.
unsafe fn held_only_by_link(p: *mut CObject) -> bool {
    unsafe {
        (*p).ob_refcnt == 0 && link_state(p) == Link::OwnsWrapper && (*(*prefix(p)).vm).strong_count() == 1
    }
}

/// The references the VM holds to the object of `op` (a dict's, a
/// variable's, a frame's), besides the link itself: what `Py_REFCNT` adds
/// to C's count, so that an object the VM also holds never reads as C's
/// alone. Items of a tuple or list that crossed are counted by its memory
/// and by the VM both, which reads high by one per such container (the
/// safe side: code that takes `Py_REFCNT(o) == 1` to mean "mine alone"
/// then only skips a shortcut).
pub unsafe fn vm_holds(op: *mut CObject) -> usize {
    unsafe {
        if !is_prefixed(op) {
            return 0;
        }
        let vm_obj = (*prefix(op)).vm;
        match link_state(op) {
            Link::Unlinked | Link::NoWrapper => 0,
            Link::Strong | Link::OwnsWrapper => (*vm_obj).strong_count().saturating_sub(1),
            Link::PointsAtWrapper => (*vm_obj).strong_count(),
            Link::Weak => upgrade(op).map_or(0, |target| target.strong_count() - 1),
        }
    }
}

/// `Py_REFCNT` of `op`: C's count plus [`vm_holds`]; an immortal object's
/// count stays its immortal value.
pub unsafe fn refcnt(op: *mut CObject) -> isize {
    unsafe {
        let counted = (*op).ob_refcnt;
        if ffi::is_immortal(counted) { counted as isize } else { counted as isize + vm_holds(op) as isize }
    }
}

/// Every reference to `obj`, the VM's and C's (`sys.getrefcount`): what
/// `Py_REFCNT` of its proxy reads, and the VM's count for an object without
/// one (or an immortal one).
pub fn total_count(obj: &PyObject) -> usize {
    match existing(obj) {
        Some(p) if !ffi::is_immortal(unsafe { (*p).ob_refcnt }) => unsafe { refcnt(p) as usize },
        _ => obj.strong_count(),
    }
}

/// How many objects currently have a `PyObject*` (for tests and benchmarks).
pub fn live_proxies() -> usize {
    table().by_vm.len()
}

// ---------------------------------------------------------------------------
// Instances of C types (rule 8)

/// The payload of the VM object of a C-type instance: the instance.
pub struct CInstance(*mut CObject);

// SAFETY: the instance is only touched with the GIL held.
unsafe impl Send for CInstance {}
unsafe impl Sync for CInstance {}

impl std::fmt::Debug for CInstance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<C instance at {:p}>", self.0)
    }
}

impl rustpython_vm::PyPayload for CInstance {
    fn class(ctx: &rustpython_vm::Context) -> &'static Py<PyType> {
        // Never used to make objects (`new_wrapper` names the class); this
        // is what a failed downcast reports.
        ctx.types.object_type
    }
}

impl rustpython_vm::object::MaybeTraverse for CInstance {
    const HAS_TRAVERSE: bool = true;
    const HAS_CLEAR: bool = true;

    fn try_traverse(&self, traverse_fn: &mut rustpython_vm::object::TraverseFn<'_>) {
        crate::gcmodule::report(self.0, traverse_fn);
    }

    fn try_clear(&mut self, _out: &mut Vec<PyObjectRef>) {
        // The VM also clears every object it deallocates (its wrapper's
        // count is zero then); `tp_clear` is for the collector only.
        // With the GIL: a foreign object's prefix is in the table.
        let wrapper = crate::pystate::enter_current(|| unsafe { (*prefix(self.0)).vm });
        if !wrapper.is_null() && unsafe { (*wrapper).strong_count() } > 0 {
            crate::gcmodule::clear(self.0);
        }
    }
}

impl CInstance {
    pub fn ptr(&self) -> *mut CObject {
        self.0
    }
}

impl Drop for CInstance {
    fn drop(&mut self) {
        let op = self.0;
        crate::pystate::enter_current(|| unsafe { instance_died(op) });
    }
}

/// The VM object of a C-type instance crossing for the first time: a
/// wrapper of the instance's type, linked (owning) to it.
unsafe fn new_wrapper(op: *mut CObject, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    unsafe {
        let cls = typeobject::vm_type((*op).ob_type, vm)?;
        let mut dict = None;
        if cls.slots.flags.has_feature(rustpython_vm::types::PyTypeFlags::HAS_DICT) {
            // A type with `tp_dictoffset` has the dict in the instance too,
            // where its C code reads it (and may have put one already); its
            // `tp_traverse` visits it, so cycles through it are collected.
            let offset = (*(*op).ob_type).tp_dictoffset;
            let field = (offset > 0).then(|| (op as *mut u8).offset(offset) as *mut *mut CObject);
            let d = match field.map(|f| *f).filter(|d| !d.is_null()) {
                Some(d) => from_c(d, vm)?
                    .downcast::<rustpython_vm::builtins::PyDict>()
                    .map_err(|_| vm.new_system_error("the instance dict of a C object is not a dict"))?,
                None => {
                    let d = vm.ctx.new_dict();
                    if let Some(f) = field {
                        *f = to_c_new(d.as_object(), vm);
                    }
                    d
                }
            };
            dict = Some(d);
        }
        Ok(rustpython_vm::PyRef::new_ref(CInstance(op), cls, dict).into())
    }
}

/// C no longer counts the instance: the link stops owning its wrapper,
/// which may be the wrapper's last reference (then `instance_died` runs).
unsafe fn unhold_instance(op: *mut CObject) {
    unsafe {
        if link_state(op) != Link::OwnsWrapper {
            return;
        }
        set_link_state(op, Link::PointsAtWrapper);
        let wrapper = (*prefix(op)).vm;
        drop(PyObjectRef::from_raw(NonNull::new_unchecked(wrapper as *mut PyObject)));
    }
}

/// The wrapper of `op` is dying: unlink, and deallocate unless C still
/// counts the instance.
unsafe fn instance_died(op: *mut CObject) {
    unsafe {
        let pre = prefix(op);
        if table().by_vm.get(&(*pre).key) == Some(&op) {
            table().by_vm.remove(&(*pre).key);
        }
        (*pre).vm = null();
        (*pre).key = 0;
        set_link_state(op, Link::NoWrapper);
        if (*op).ob_refcnt == 0 {
            dealloc_instance(op);
        }
    }
}

/// Neither C nor the VM holds the instance: its type's `tp_dealloc`.
unsafe fn dealloc_instance(op: *mut CObject) {
    unsafe {
        // A GC container's deallocator may release the next one down a
        // chain: past a depth, it waits for the outermost to return (the
        // trashcan CPython 3.14 runs inside `_Py_Dealloc`).
        if (*(*op).ob_type).tp_flags & ffi::Py_TPFLAGS_HAVE_GC == 0 {
            run_dealloc(op);
        } else if trash_begin(op) {
            run_dealloc(op);
            trash_end();
        }
    }
}

/// How deep C deallocators may nest before the next one is deferred.
const TRASH_DEPTH: usize = 100;

thread_local! {
    static TRASH_NESTING: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static TRASH_DRAINING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static TRASH_LATER: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Enters a deallocation of `op`: false when it is nested too deeply,
/// and then `op` waits in the trashcan instead.
pub fn trash_begin(op: *mut CObject) -> bool {
    let depth = TRASH_NESTING.get();
    if depth >= TRASH_DEPTH {
        trash_deposit(op);
        return false;
    }
    TRASH_NESTING.set(depth + 1);
    true
}

/// Leaves a deallocation; the outermost one empties the trashcan.
pub fn trash_end() {
    let depth = TRASH_NESTING.get().saturating_sub(1);
    TRASH_NESTING.set(depth);
    if depth == 0 {
        trash_destroy_chain();
    }
}

/// Defers the deallocation of `op` (its count already zero).
pub fn trash_deposit(op: *mut CObject) {
    TRASH_LATER.with(|t| t.borrow_mut().push(op as usize));
}

/// Deallocates what waits in the trashcan, unless that is already under
/// way further up this thread's stack.
pub fn trash_destroy_chain() {
    if TRASH_DRAINING.replace(true) {
        return;
    }
    while let Some(op) = TRASH_LATER.with(|t| t.borrow_mut().pop()) {
        unsafe { dealloc_instance(op as *mut CObject) };
    }
    TRASH_DRAINING.set(false);
}

unsafe fn run_dealloc(op: *mut CObject) {
    unsafe {
        let tp = (*op).ob_type;
        let foreign = !in_our_block(op);
        match (*tp).tp_dealloc {
            Some(d) => d(op),
            None if foreign => {}
            None => free_block(op as *mut u8),
        }
        // C freed the memory its own way; its prefix goes with it.
        if foreign {
            if let Some(pre) = table().foreign.remove(&(op as usize)) {
                if !pre.aux.is_null() {
                    drop(Box::from_raw(pre.aux));
                }
            }
        }
    }
}

/// The C-type instances that have a VM wrapper.
pub fn c_objects() -> Vec<*mut CObject> {
    table().by_vm.values().copied().filter(|&p| unsafe { is_c_instance(p) }).collect()
}

/// Whether `op` (prefixed) has a VM object.
pub unsafe fn is_linked(op: *mut CObject) -> bool {
    unsafe { !(*prefix(op)).vm.is_null() }
}

/// Whether `op` (prefixed) holds its VM object with a strong reference.
pub unsafe fn has_owning_link(op: *mut CObject) -> bool {
    unsafe { matches!(link_state(op), Link::Strong | Link::OwnsWrapper) }
}

/// The C-type instance whose wrapper `obj` is.
pub fn instance_of(obj: &PyObject) -> Option<*mut CObject> {
    obj.downcast_ref::<CInstance>().map(|c| c.0)
}

/// Marks memory as a fresh instance of the C type `tp`: memory from
/// [`alloc_block`], or from C's own allocator (its prefix then lives in the
/// table until the instance is deallocated).
pub unsafe fn init_instance(op: *mut CObject, tp: *mut PyTypeObject) {
    unsafe {
        if !in_our_block(op) {
            table().foreign.insert(op as usize, empty_prefix());
        }
        (*op).ob_refcnt = 1;
        (*op).ob_flags = 0;
        (*op).ob_overflow = 0;
        (*op).ob_type = tp;
        (*prefix(op)).flags = FLAG_C_OBJECT;
    }
}

/// Whether `tp_finalize` of `op` is still to run; marks it run.
pub unsafe fn finalizer_due(op: *mut CObject) -> bool {
    unsafe {
        if !is_prefixed(op) {
            return true;
        }
        let due = !has_flag(op, FLAG_FINALIZED);
        set_flag(op, FLAG_FINALIZED, true);
        due
    }
}
