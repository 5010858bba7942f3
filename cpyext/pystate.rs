//! Thread and interpreter state and the GIL (`pystate.h`, `ceval.h`), and
//! what `pylifecycle.h` asks of the running interpreter.
//!
//! Rules:
//! - Every entry from the VM into C code (a C function called from Python, a
//!   module's init) goes through [`enter`], which takes the GIL and records
//!   the VM for this thread. C-API functions find the VM with
//!   [`current_vm`]; they run only in C code reached that way.
//! - The GIL serializes C code and the proxy table, nothing else: RustPython
//!   runs Python code on several threads at once. So the layer gives the GIL
//!   up while C calls back into Python ([`without_gil`]), as CPython's eval
//!   loop would let other threads run, and C gives it up explicitly with
//!   `Py_BEGIN_ALLOW_THREADS`.
//! - A thread's hold is counted in its [`ThreadState`] (C calls Python calls
//!   C on one thread); the `PyThreadState*` C sees is that state's address.

use parking_lot::RawMutex;
use parking_lot::lock_api::RawMutex as _;
use rustpython_vm::VirtualMachine;
use std::cell::Cell;
use std::ffi::c_int;

static GIL: RawMutex = RawMutex::INIT;

/// State the GIL guards: the layer's tables, read and written only by the
/// thread that holds it, so without a lock of their own.
pub struct GilCell<T>(std::cell::UnsafeCell<T>);

// SAFETY: only touched with the GIL held (checked in debug builds).
unsafe impl<T> Sync for GilCell<T> {}

impl<T> GilCell<T> {
    pub const fn new(value: T) -> Self {
        Self(std::cell::UnsafeCell::new(value))
    }

    /// The value.
    ///
    /// # Safety
    /// The caller holds the GIL and keeps no other borrow of the value alive
    /// across this one.
    #[inline(always)]
    #[allow(clippy::mut_from_ref)]
    pub unsafe fn get(&self) -> &mut T {
        debug_assert!(holds_gil());
        unsafe { &mut *self.0.get() }
    }
}

/// One per thread; C sees it as `PyThreadState*`. It begins with the
/// public prefix of CPython 3.14's `struct _ts` (`include/pystate.h`),
/// which C reads and writes (cffi clears `_status.bound_gilstate`).
#[repr(C)]
pub struct ThreadState {
    prev: *mut ThreadState,
    next: *mut ThreadState,
    interp: *mut InterpreterState,
    eval_breaker: usize,
    /// `_status`: a bit field (initialized, bound, unbound, bound_gilstate,
    /// active, finalizing, cleared, finalized).
    status: Cell<u32>,
    vm: Cell<*const VirtualMachine>,
    /// How many nested holds of the GIL this thread has (0: not held).
    depth: Cell<usize>,
    /// The depths `PyEval_SaveThread` gave up, for `PyEval_RestoreThread`,
    /// innermost last: a callback run inside `Py_BEGIN_ALLOW_THREADS` may
    /// save and restore again (cffi's callbacks calling cffi functions).
    saved: std::cell::RefCell<Vec<usize>>,
    /// `PyGILState_Ensure`s not yet released (CPython's gilstate_counter):
    /// while any is outstanding the thread keeps the VM they set up.
    gilstate_counter: Cell<usize>,
    /// Whether the outermost `PyGILState_Ensure` set `vm` (outside any
    /// [`enter`]), so the release that ends the last one clears it.
    vm_from_gilstate: Cell<bool>,
    /// Whether that `PyGILState_Ensure` also gave the thread (one C
    /// created) a VM of its own, which that release gives back.
    owns_vm: Cell<bool>,
    /// `PyThreadState_GetDict`'s dict, made on first use.
    dict: std::cell::RefCell<Option<rustpython_vm::PyObjectRef>>,
    /// `PyThreadState_EnterTracing`s not yet left (CPython's `tracing`).
    tracing: Cell<u32>,
    id: u64,
}

const STATUS_INITIALIZED_BOUND: u32 = 0b11;

impl ThreadState {
    fn new() -> Self {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Self {
            prev: std::ptr::null_mut(),
            next: std::ptr::null_mut(),
            interp: &raw const MAIN_INTERPRETER as *mut InterpreterState,
            eval_breaker: 0,
            status: Cell::new(STATUS_INITIALIZED_BOUND),
            vm: Cell::new(std::ptr::null()),
            depth: Cell::new(0),
            saved: std::cell::RefCell::new(Vec::new()),
            gilstate_counter: Cell::new(0),
            vm_from_gilstate: Cell::new(false),
            owns_vm: Cell::new(false),
            dict: std::cell::RefCell::new(None),
            tracing: Cell::new(0),
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }
}

thread_local! {
    /// This thread's state, made on first use. The cell has no destructor,
    /// so code running while the thread's other locals are destroyed can
    /// still reach it.
    static TSTATE: Cell<*mut ThreadState> = const { Cell::new(std::ptr::null_mut()) };
    /// Frees the state when the thread ends.
    static TSTATE_OWNER: TstateOwner = const { TstateOwner };
}

/// States of threads that ended while C still counted them (a
/// `PyGILState_Ensure` never released, as cffi does on purpose): C may
/// still clear and delete them from another thread.
static RETIRED: parking_lot::Mutex<Vec<usize>> = parking_lot::Mutex::new(Vec::new());

struct TstateOwner;

impl Drop for TstateOwner {
    fn drop(&mut self) {
        let p = TSTATE.with(|c| c.replace(std::ptr::null_mut()));
        if p.is_null() {
            return;
        }
        // SAFETY: `p` came from `Box::into_raw` in `with_tstate`, and this
        // thread, which alone used it, is ending.
        unsafe {
            if (*p).gilstate_counter.get() > 0 {
                (*p).vm.set(std::ptr::null());
                RETIRED.lock().push(p as usize);
            } else {
                drop(Box::from_raw(p));
            }
        }
    }
}

/// A VM of the interpreter that never runs Python: threads C creates get
/// theirs from it (`VirtualMachine::new_thread` must be called on a VM,
/// and the one that made the template may be gone by then). Used only
/// with the GIL held.
static THREAD_TEMPLATE: parking_lot::Mutex<Option<rustpython_vm::vm::thread::ThreadedVirtualMachine>> =
    parking_lot::Mutex::new(None);

/// Makes the template threads C creates take their VMs from.
pub fn init_threads(vm: &VirtualMachine) {
    THREAD_TEMPLATE.lock().get_or_insert_with(|| vm.new_thread());
}

#[inline]
fn with_tstate<R>(f: impl FnOnce(&ThreadState) -> R) -> R {
    let mut p = TSTATE.with(|c| c.get());
    if p.is_null() {
        p = Box::into_raw(Box::new(ThreadState::new()));
        TSTATE.with(|c| c.set(p));
        // Registers the destructor; a state made after it ran is leaked.
        let _ = TSTATE_OWNER.try_with(|_| ());
    }
    // SAFETY: only this thread uses its state (and frees it at its end).
    f(unsafe { &*p })
}

fn acquire(ts: &ThreadState) {
    if ts.depth.get() == 0 {
        GIL.lock();
    }
    ts.depth.set(ts.depth.get() + 1);
}

fn release(ts: &ThreadState) {
    match ts.depth.get() {
        // Not held: C released it (`Py_BEGIN_ALLOW_THREADS`) without taking
        // it back. Nothing of ours to give up.
        0 => {}
        1 => {
            ts.depth.set(0);
            // SAFETY: this thread holds the GIL (depth was 1).
            unsafe { GIL.unlock() };
        }
        n => ts.depth.set(n - 1),
    }
}

/// Runs `f` with the GIL held and `vm` as this thread's current VM.
#[inline]
pub fn enter<R>(vm: &VirtualMachine, f: impl FnOnce() -> R) -> R {
    struct Exit(*const VirtualMachine);
    impl Drop for Exit {
        fn drop(&mut self) {
            with_tstate(|ts| {
                release(ts);
                ts.vm.set(self.0);
            });
        }
    }
    let prev = with_tstate(|ts| {
        let prev = ts.vm.replace(vm as *const _);
        acquire(ts);
        prev
    });
    let _exit = Exit(prev);
    f()
}

/// Runs `f` with the GIL held, from code the VM calls without saying which
/// VM (a destructor): the VM of the innermost [`enter`], else RustPython's
/// current one, else none (C then runs without a VM to call back into).
pub fn enter_current<R>(f: impl FnOnce() -> R) -> R {
    if let Some(vm) = current_vm() {
        return enter(vm, f);
    }
    if rustpython_vm::vm::thread::current_vm_is_set() {
        return rustpython_vm::vm::thread::with_current_vm(|vm| enter(vm, f));
    }
    struct Exit;
    impl Drop for Exit {
        fn drop(&mut self) {
            with_tstate(release);
        }
    }
    with_tstate(acquire);
    let _exit = Exit;
    f()
}

/// Runs `f` (a call into the VM) with the GIL given up, so other threads can
/// run C code meanwhile; takes it back after.
pub fn without_gil<R>(f: impl FnOnce() -> R) -> R {
    struct Reacquire(usize);
    impl Drop for Reacquire {
        fn drop(&mut self) {
            if self.0 > 0 {
                GIL.lock();
                with_tstate(|ts| ts.depth.set(self.0));
            }
        }
    }
    let depth = with_tstate(|ts| ts.depth.replace(0));
    if depth > 0 {
        // SAFETY: depth > 0 means this thread holds the GIL.
        unsafe { GIL.unlock() };
    }
    let reacquire = Reacquire(depth);
    let r = f();
    drop(reacquire);
    if depth > 0 {
        // Python ran while C waited: lists C reads inline may have changed.
        crate::listobject::after_python_ran();
    }
    r
}

/// The VM of the innermost [`enter`] on this thread, if any.
#[inline]
pub fn current_vm<'a>() -> Option<&'a VirtualMachine> {
    let p = with_tstate(|ts| ts.vm.get());
    // SAFETY: `enter` keeps the VM borrowed for as long as the pointer is set.
    unsafe { p.as_ref() }
}

/// Whether this thread holds the GIL.
#[inline]
pub fn holds_gil() -> bool {
    with_tstate(|ts| ts.depth.get() > 0)
}

fn tstate_ptr() -> *mut ThreadState {
    with_tstate(|ts| ts as *const ThreadState as *mut ThreadState)
}

/// Whether this thread has a thread state in CPython's sense: it runs
/// Python (a VM is current) or is inside a call from it.
fn has_thread_state() -> bool {
    rustpython_vm::vm::thread::current_vm_is_set() || with_tstate(|ts| !ts.vm.get().is_null())
}

/// `PyGILState_STATE`.
const PYGILSTATE_LOCKED: c_int = 0;
const PYGILSTATE_UNLOCKED: c_int = 1;

crate::declared_here!(
    PyThreadState_GetInterpreter,
    PyThreadState_GetID,
    PyThreadState_Clear,
    PyThreadState_Delete,
    PyEval_SaveThread,
    PyEval_RestoreThread,
    PyGILState_Ensure,
    PyGILState_Release,
    PyGILState_Check,
    PyGILState_GetThisThreadState,
    PyThreadState_Get,
    PyThreadState_GetUnchecked,
    PyEval_InitThreads,
    Py_IsInitialized,
);

/// `PyEval_SaveThread` (`Py_BEGIN_ALLOW_THREADS`): gives up the GIL.
#[unsafe(no_mangle)]
pub extern "C" fn PyEval_SaveThread() -> *mut ThreadState {
    with_tstate(|ts| {
        let depth = ts.depth.replace(0);
        ts.saved.borrow_mut().push(depth);
        if depth > 0 {
            // SAFETY: depth > 0 means this thread holds the GIL.
            unsafe { GIL.unlock() };
        }
    });
    tstate_ptr()
}

/// `PyEval_RestoreThread` (`Py_END_ALLOW_THREADS`): takes the GIL back.
#[unsafe(no_mangle)]
pub extern "C" fn PyEval_RestoreThread(_tstate: *mut ThreadState) {
    with_tstate(|ts| {
        let depth = ts.saved.borrow_mut().pop().unwrap_or(0);
        if depth > 0 && ts.depth.get() == 0 {
            GIL.lock();
            ts.depth.set(depth);
        }
    });
}

crate::declared_here!(PyEval_ReleaseLock, PyEval_AcquireLock);

/// The old (pre-3.13) way to give up the GIL while keeping the thread
/// state: what `PyEval_SaveThread` does, for `PyEval_AcquireLock` to undo.
#[unsafe(no_mangle)]
pub extern "C" fn PyEval_ReleaseLock() {
    PyEval_SaveThread();
}

/// Takes back the GIL `PyEval_ReleaseLock` gave up.
#[unsafe(no_mangle)]
pub extern "C" fn PyEval_AcquireLock() {
    PyEval_RestoreThread(tstate_ptr());
}

/// `PyGILState_Ensure`: holds the GIL on this thread. A thread outside any
/// call from the VM gets the VM it runs Python on (ctypes' `pythonapi`
/// calls), and a thread C created gets a VM of its own, attached until the
/// release that ends the last outstanding `PyGILState_Ensure`.
#[unsafe(no_mangle)]
pub extern "C" fn PyGILState_Ensure() -> c_int {
    use rustpython_vm::vm::thread;
    with_tstate(|ts| {
        let was_held = ts.depth.get() > 0;
        if !was_held {
            acquire(ts);
        }
        if ts.vm.get().is_null() {
            if !thread::current_vm_is_set() {
                let fresh = THREAD_TEMPLATE.lock().as_ref().map(|t| t.run(|vm| vm.new_thread()));
                let Some(fresh) = fresh else {
                    eprintln!("Fatal Python error: PyGILState_Ensure: no interpreter has loaded an extension yet");
                    std::process::abort();
                };
                thread::attach_current_thread(move || fresh);
                ts.owns_vm.set(true);
            }
            // The VM stays this thread's current one until the last release.
            ts.vm.set(thread::with_current_vm(|vm| vm as *const VirtualMachine));
            ts.vm_from_gilstate.set(true);
        }
        ts.gilstate_counter.set(ts.gilstate_counter.get() + 1);
        if was_held { PYGILSTATE_LOCKED } else { PYGILSTATE_UNLOCKED }
    })
}

/// `PyGILState_Release`: undoes one `PyGILState_Ensure`: gives the GIL up
/// if that call took it, and when it was the last outstanding one, the VM
/// it set (and, on a thread C created, the VM itself).
#[unsafe(no_mangle)]
pub extern "C" fn PyGILState_Release(state: c_int) {
    with_tstate(|ts| {
        let left = ts.gilstate_counter.get().saturating_sub(1);
        ts.gilstate_counter.set(left);
        if left == 0 && ts.vm_from_gilstate.replace(false) {
            ts.vm.set(std::ptr::null());
            if ts.owns_vm.replace(false) {
                // With the GIL still held: dropping the VM may run
                // destructors that reach C.
                rustpython_vm::vm::thread::release_current_thread(rustpython_vm::vm::thread::CurrentVmAttachState::Attached);
            }
        }
        if state == PYGILSTATE_UNLOCKED {
            release(ts);
        }
    });
}

#[unsafe(no_mangle)]
pub extern "C" fn PyGILState_Check() -> c_int {
    holds_gil() as c_int
}

/// NULL on a thread that has none yet (one C created, before its first
/// `PyGILState_Ensure`), as in CPython.
#[unsafe(no_mangle)]
pub extern "C" fn PyGILState_GetThisThreadState() -> *mut ThreadState {
    if has_thread_state() { tstate_ptr() } else { std::ptr::null_mut() }
}

#[unsafe(no_mangle)]
pub extern "C" fn PyThreadState_Get() -> *mut ThreadState {
    tstate_ptr()
}

#[unsafe(no_mangle)]
pub extern "C" fn PyThreadState_GetUnchecked() -> *mut ThreadState {
    if has_thread_state() { tstate_ptr() } else { std::ptr::null_mut() }
}

#[unsafe(no_mangle)]
pub extern "C" fn PyThreadState_GetInterpreter(tstate: *mut ThreadState) -> *mut InterpreterState {
    // SAFETY: C passes a thread state it got from us.
    unsafe { tstate.as_ref() }.map_or(std::ptr::null_mut(), |ts| ts.interp)
}

#[unsafe(no_mangle)]
pub extern "C" fn PyThreadState_GetID(tstate: *mut ThreadState) -> u64 {
    // SAFETY: C passes a thread state it got from us.
    unsafe { tstate.as_ref() }.map_or(0, |ts| ts.id)
}

/// Drops what the state holds (its dict); called on a state whose thread
/// ended, or on the current one before it ends.
#[unsafe(no_mangle)]
pub extern "C" fn PyThreadState_Clear(tstate: *mut ThreadState) {
    // SAFETY: C passes a thread state it got from us, with the GIL held.
    if let Some(ts) = unsafe { tstate.as_ref() } {
        let dict = ts.dict.borrow_mut().take();
        drop(dict);
        ts.status.set(ts.status.get() | 1 << 6);
    }
}

/// Frees the state of a thread that ended; the state of a running thread
/// is that thread's own, freed when it ends.
#[unsafe(no_mangle)]
pub extern "C" fn PyThreadState_Delete(tstate: *mut ThreadState) {
    let mut retired = RETIRED.lock();
    if let Some(i) = retired.iter().position(|&p| p == tstate as usize) {
        retired.swap_remove(i);
        drop(retired);
        // SAFETY: a retired state is no thread's; C deletes it once.
        drop(unsafe { Box::from_raw(tstate) });
    }
}

/// Threads are always ready; kept for extensions that still call it.
#[unsafe(no_mangle)]
pub extern "C" fn PyEval_InitThreads() {}

#[unsafe(no_mangle)]
pub extern "C" fn Py_IsInitialized() -> c_int {
    1
}

/// `PyInterpreterState`, opaque to C: rustpy runs one interpreter, the main one.
pub struct InterpreterState {
    id: i64,
}

static MAIN_INTERPRETER: InterpreterState = InterpreterState { id: 0 };

/// `PyInterpreterState_GetDict`'s dict, made on first use.
static INTERPRETER_DICT: std::sync::OnceLock<rustpython_vm::PyObjectRef> = std::sync::OnceLock::new();

crate::declared_here!(
    PyInterpreterState_Get,
    PyInterpreterState_Main,
    PyInterpreterState_Head,
    PyInterpreterState_Next,
    _PyInterpreterState_RequiresIDRef,
    _PyInterpreterState_RequireIDRef,
    PyThreadState_EnterTracing,
    PyThreadState_LeaveTracing,
    Py_GetVersion,
);

/// The first interpreter of the list CPython keeps: the only one.
#[unsafe(no_mangle)]
pub extern "C" fn PyInterpreterState_Head() -> *mut InterpreterState {
    &raw const MAIN_INTERPRETER as *mut InterpreterState
}

/// None after the main interpreter.
#[unsafe(no_mangle)]
pub extern "C" fn PyInterpreterState_Next(_interp: *mut InterpreterState) -> *mut InterpreterState {
    std::ptr::null_mut()
}

/// Whether the interpreter is to live as long as references to its ID do
/// (CPython's `requires_idref`): recorded and reported; the one interpreter
/// here lives as long as the process anyway.
static REQUIRES_IDREF: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[unsafe(no_mangle)]
pub extern "C" fn _PyInterpreterState_RequiresIDRef(_interp: *mut InterpreterState) -> c_int {
    REQUIRES_IDREF.load(std::sync::atomic::Ordering::Relaxed) as c_int
}

#[unsafe(no_mangle)]
pub extern "C" fn _PyInterpreterState_RequireIDRef(_interp: *mut InterpreterState, required: c_int) {
    REQUIRES_IDREF.store(required != 0, std::sync::atomic::Ordering::Relaxed);
}

/// The VM a thread state runs, when it is the calling thread's own (the
/// VM's tracing switch is per thread and not shared).
fn own_vm<'a>(tstate: *mut ThreadState) -> Option<&'a VirtualMachine> {
    if tstate.is_null() || tstate != tstate_ptr() {
        return None;
    }
    current_vm()
}

/// Turns tracing and profiling off on the thread: the VM calls no trace or
/// profile function until the matching `PyThreadState_LeaveTracing` (the
/// calls nest, as in CPython).
#[unsafe(no_mangle)]
pub extern "C" fn PyThreadState_EnterTracing(tstate: *mut ThreadState) {
    if let Some(vm) = own_vm(tstate) {
        // SAFETY: the calling thread's own state.
        let ts = unsafe { &*tstate };
        ts.tracing.set(ts.tracing.get() + 1);
        vm.use_tracing.set(false);
    }
}

/// After the outermost one, tracing is back on if a trace or profile
/// function is set, as `sys.settrace`/`sys.setprofile` decide.
#[unsafe(no_mangle)]
pub extern "C" fn PyThreadState_LeaveTracing(tstate: *mut ThreadState) {
    if let Some(vm) = own_vm(tstate) {
        // SAFETY: the calling thread's own state.
        let ts = unsafe { &*tstate };
        ts.tracing.set(ts.tracing.get().saturating_sub(1));
        if ts.tracing.get() == 0 {
            let set = !vm.is_none(&vm.trace_func.borrow()) || !vm.is_none(&vm.profile_func.borrow());
            vm.use_tracing.set(set);
        }
    }
}

#[unsafe(no_mangle)]
pub extern "C" fn PyInterpreterState_Get() -> *mut InterpreterState {
    &raw const MAIN_INTERPRETER as *mut InterpreterState
}

#[unsafe(no_mangle)]
pub extern "C" fn PyInterpreterState_Main() -> *mut InterpreterState {
    &raw const MAIN_INTERPRETER as *mut InterpreterState
}

/// `sys.version`, which CPython builds from this same string.
#[unsafe(no_mangle)]
pub extern "C" fn Py_GetVersion() -> *const std::ffi::c_char {
    static VERSION: std::sync::OnceLock<std::ffi::CString> = std::sync::OnceLock::new();
    VERSION
        .get_or_init(|| std::ffi::CString::new(rustpython_vm::version::RUSTPYTHON_VERSION).unwrap_or_default())
        .as_ptr()
}

/// The modules of single-phase definitions, by the address of their
/// `PyModuleDef` (CPython keeps them per interpreter by the definition's
/// index): what `PyState_FindModule` finds.
/// A removed module leaves its definition known (`None`), as CPython's
/// list keeps the definition's slot.
static MODULES_BY_DEF: GilCell<Vec<(usize, Option<rustpython_vm::PyObjectRef>)>> = GilCell::new(Vec::new());

/// Records `module` as the one made from `def` (its import, or
/// `PyState_AddModule`); SystemError for a multi-phase definition.
pub fn add_module_by_def(module: rustpython_vm::PyObjectRef, def: *mut crate::ffi::PyModuleDef, vm: &VirtualMachine) -> rustpython_vm::PyResult<()> {
    if def.is_null() {
        return Err(vm.new_system_error("PyState_AddModule: Module Definition is NULL"));
    }
    // SAFETY: C passes a module definition, which lives as long as its module.
    if !unsafe { (*def).m_slots }.is_null() {
        return Err(vm.new_system_error("PyState_AddModule called on module with slots"));
    }
    // SAFETY: with the GIL held (every C-API call holds it).
    let modules = unsafe { MODULES_BY_DEF.get() };
    match modules.iter_mut().find(|(d, _)| *d == def as usize) {
        Some(entry) => entry.1 = Some(module),
        None => modules.push((def as usize, Some(module))),
    }
    Ok(())
}

crate::capi! {
    fn PyState_AddModule(vm, module: rustpython_vm::PyObjectRef, def: *mut crate::ffi::PyModuleDef) -> () {
        add_module_by_def(module, def, vm)
    }

    /// What CPython's own module loading called, kept for old binaries;
    /// the thread state is this thread's.
    fn _PyState_AddModule(vm, tstate: *mut ThreadState, module: rustpython_vm::PyObjectRef, def: *mut crate::ffi::PyModuleDef) -> () {
        add_module_by_def(module, def, vm)
    }

    unsafe fn PyState_RemoveModule(vm, def: *mut crate::ffi::PyModuleDef) -> () {
        if def.is_null() {
            return Err(vm.new_system_error("PyState_RemoveModule: Module Definition is NULL"));
        }
        if !(*def).m_slots.is_null() {
            return Err(vm.new_system_error("PyState_RemoveModule called on module with slots"));
        }
        // A definition no module was recorded for is CPython's fatal
        // "Module index invalid"; here it is SystemError.
        let modules = MODULES_BY_DEF.get();
        match modules.iter_mut().find(|(d, _)| *d == def as usize) {
            Some(entry) => {
                let module = entry.1.take();
                drop(module);
                Ok(())
            }
            None => Err(vm.new_system_error("PyState_RemoveModule: Module index invalid.")),
        }
    }

    /// Borrowed (the interpreter keeps it); NULL without an exception when
    /// no module was made from `def`, or `def` is multi-phase.
    unsafe fn PyState_FindModule(vm, def: *mut crate::ffi::PyModuleDef) -> Option<crate::boundary::Borrowed<'static>> {
        if def.is_null() || !(*def).m_slots.is_null() {
            return Ok(None);
        }
        let modules = MODULES_BY_DEF.get();
        Ok(modules
            .iter()
            .find(|(d, _)| *d == def as usize)
            .and_then(|(_, m)| m.as_ref())
            .map(|m| crate::boundary::Borrowed::held_by_interpreter(m, vm)))
    }

    /// Whether the interpreter is shutting down.
    fn Py_IsFinalizing(vm) -> i32 {
        Ok(vm.state.finalizing.load(std::sync::atomic::Ordering::Acquire) as i32)
    }

    /// `sys.platform`, which is fixed for the process.
    fn Py_GetPlatform(vm) -> *const std::ffi::c_char {
        static PLATFORM: std::sync::OnceLock<std::ffi::CString> = std::sync::OnceLock::new();
        let p = PLATFORM.get_or_init(|| {
            let name = vm.sys_module.get_attr("platform", vm).ok().and_then(|p| p.str(vm).ok()).map(|p| p.to_string()).unwrap_or_default();
            std::ffi::CString::new(name).unwrap_or_default()
        });
        Ok(p.as_ptr())
    }

    /// A dict for extensions' per-thread data; NULL (no exception) on a
    /// thread without a thread state.
    fn PyThreadState_GetDict(vm) -> Option<crate::boundary::Borrowed<'static>> {
        if !has_thread_state() {
            return Ok(None);
        }
        let dict = with_tstate(|ts| ts.dict.borrow_mut().get_or_insert_with(|| vm.ctx.new_dict().into()).clone());
        Ok(Some(crate::boundary::Borrowed::held_by_thread_state(&dict, vm)))
    }

    /// The frame running on `tstate`'s thread, for the current thread's
    /// state (another thread's frames are its VM's own).
    fn PyThreadState_GetFrame(vm, tstate: *mut ThreadState) -> Option<rustpython_vm::PyObjectRef> {
        if tstate != tstate_ptr() {
            return Ok(None);
        }
        Ok(vm.current_frame().map(Into::into))
    }

    /// `sys._current_frames()`.
    fn _PyThread_CurrentFrames(vm) -> rustpython_vm::PyObjectRef {
        vm.sys_module.get_attr("_current_frames", vm)?.call((), vm)
    }

    fn PyInterpreterState_GetID(vm, interp: *mut InterpreterState) -> i64 {
        match unsafe { interp.as_ref() } {
            Some(interp) => Ok(interp.id),
            None => Err(vm.new_runtime_error("no interpreter provided")),
        }
    }

    /// A dict for extensions' per-interpreter data, which the interpreter holds.
    fn PyInterpreterState_GetDict(vm, interp: *mut InterpreterState) -> crate::boundary::Borrowed<'static> {
        if interp.is_null() {
            return Err(crate::boundary::bad_internal_call(vm));
        }
        let dict = INTERPRETER_DICT.get_or_init(|| vm.ctx.new_dict().into());
        Ok(crate::boundary::Borrowed::held_by_interpreter(dict, vm))
    }
}
