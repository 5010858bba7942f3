//! The old global configuration variables (`cpython/pydebug.h`) and
//! `Py_UTF8Mode` (`fileobject.h`): data C reads directly, so they are
//! filled from `sys.flags` when the layer starts, before any extension runs.

use rustpython_vm::{AsObject, VirtualMachine};
use std::ffi::{c_char, c_int};

macro_rules! flags {
    ($($name:ident),* $(,)?) => {$(
        #[unsafe(no_mangle)]
        pub static mut $name: c_int = 0;
    )*};
}

flags!(
    Py_DebugFlag,
    Py_VerboseFlag,
    Py_QuietFlag,
    Py_InteractiveFlag,
    Py_InspectFlag,
    Py_OptimizeFlag,
    Py_NoSiteFlag,
    Py_BytesWarningFlag,
    Py_FrozenFlag,
    Py_IgnoreEnvironmentFlag,
    Py_DontWriteBytecodeFlag,
    Py_NoUserSiteDirectory,
    Py_UnbufferedStdioFlag,
    Py_HashRandomizationFlag,
    Py_IsolatedFlag,
);

/// Copies `sys.flags` into the variables. `Py_FrozenFlag` stays 0 (rustpy
/// always warns about path configuration problems) and
/// `Py_UnbufferedStdioFlag` follows `-u`, which `sys.flags` does not show.
pub fn init(vm: &VirtualMachine) {
    let Ok(flags) = vm.sys_module.get_attr("flags", vm) else { return };
    let flag = |name: &'static str| -> c_int {
        flags
            .as_object()
            .get_attr(name, vm)
            .ok()
            .and_then(|v| v.try_to_value::<i64>(vm).ok())
            .map_or(0, |v| v as c_int)
    };
    // SAFETY: written once, while the layer starts and before any C code
    // that could read them is loaded.
    unsafe {
        Py_DebugFlag = flag("debug");
        Py_VerboseFlag = flag("verbose");
        Py_QuietFlag = flag("quiet");
        Py_InteractiveFlag = flag("interactive");
        Py_InspectFlag = flag("inspect");
        Py_OptimizeFlag = flag("optimize");
        Py_NoSiteFlag = flag("no_site");
        Py_BytesWarningFlag = flag("bytes_warning");
        Py_IgnoreEnvironmentFlag = flag("ignore_environment");
        Py_DontWriteBytecodeFlag = flag("dont_write_bytecode");
        Py_NoUserSiteDirectory = flag("no_user_site");
        Py_HashRandomizationFlag = flag("hash_randomization");
        Py_IsolatedFlag = flag("isolated");
        Py_UnbufferedStdioFlag = !vm.state.config.settings.buffered_stdio as c_int;
        crate::fileobject::Py_UTF8Mode = flag("utf8_mode");
    }
}

crate::declared_here!(Py_GETENV);

/// `getenv`, unless `-E` said to ignore the environment.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn Py_GETENV(name: *const c_char) -> *mut c_char {
    // SAFETY: a plain int, written only at start-up.
    if unsafe { Py_IgnoreEnvironmentFlag } != 0 || name.is_null() {
        return std::ptr::null_mut();
    }
    unsafe { libc::getenv(name) }
}
