//! Thread state (`pystate.h`): which VM a C-API call runs against, and the GIL.
//!
//! Rule: every entry from the VM into C code (a C function called from
//! Python, a module's init) goes through [`enter`], which takes the GIL and
//! records the VM for this thread. C-API functions find the VM with
//! [`current_vm`]; they are only ever called from C code reached that way.

use parking_lot::ReentrantMutex;
use rustpython_vm::VirtualMachine;
use std::cell::Cell;

/// Serializes all C code and all use of the proxy table. Reentrant: C calls
/// Python which calls C again on the same thread.
static GIL: ReentrantMutex<()> = ReentrantMutex::new(());

thread_local! {
    static CURRENT_VM: Cell<*const VirtualMachine> = const { Cell::new(std::ptr::null()) };
}

/// Runs `f` with the GIL held and `vm` as this thread's current VM.
#[inline]
pub fn enter<R>(vm: &VirtualMachine, f: impl FnOnce() -> R) -> R {
    let _gil = GIL.lock();
    let prev = CURRENT_VM.with(|c| c.replace(vm as *const _));
    struct Restore(*const VirtualMachine);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT_VM.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(prev);
    f()
}

/// The VM of the innermost [`enter`] on this thread, if any.
#[inline]
pub fn current_vm<'a>() -> Option<&'a VirtualMachine> {
    let p = CURRENT_VM.with(|c| c.get());
    // SAFETY: `enter` keeps the VM borrowed for as long as the pointer is set.
    unsafe { p.as_ref() }
}

/// Whether this thread holds the GIL.
#[inline]
pub fn holds_gil() -> bool {
    GIL.is_owned_by_current_thread()
}
