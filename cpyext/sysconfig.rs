//! Where things live and what `sysconfig` says (CPython's `getpath` and
//! `_sysconfigdata`), so that `sys`, `site`, `sysconfig`, pip and the build
//! backends all agree on one prefix and one ABI.
//!
//! The layout of a prefix (`make install PREFIX=...` makes one; the build
//! tree `target/<profile>/` is one too, made by `build.rs`, with the binary
//! beside `lib/` instead of in `bin/`):
//!
//! ```text
//! bin/rustpy
//! lib/rustpython3.14/site-packages/      sys.path, site, purelib, platlib
//! include/rustpython3.14/Python.h        sysconfig's include, INCLUDEPY
//! lib/pkgconfig/python-3.14.pc           LIBPC: our headers, for meson
//! share/rustpython3.14/wheels/           pip's wheel, for ensurepip (WHEEL_PKG_DIR)
//! ```
//!
//! `lib/rustpython3.14` is the landmark `rustpy` finds its prefix by. A
//! virtual environment is CPython's: `pyvenv.cfg` beside `bin/`, whose
//! `home` is the base interpreter's directory.
//!
//! The ABI tag is `rustpython314_rp1`: interpreter `rustpython314` (what
//! `packaging.tags` makes of `sys.implementation.name` and
//! `py_version_nodot`), ABI `rp1` (generation 1 of this layer's object
//! layouts, in the style of PyPy's `pp73`). `SOABI` is `rustpython314-rp1`
//! and extensions end in `.rustpython314-rp1.so`: setuptools reads the tag
//! from `SOABI`, packaging from `EXT_SUFFIX`, so neither carries the
//! platform (which is in the wheel's platform tag).

use rustpython_vm::{AsObject, PyResult, VirtualMachine, vm::Paths, vm::Settings};
use std::path::{Path, PathBuf};

/// `{implementation_lower}{py_version_short}`: the directory name under
/// `lib/`, `include/` and `share/`, as sysconfig's schemes spell it.
pub const LIB_DIR_NAME: &str = "rustpython3.14";

/// The ABI tag of extensions built for this layer; never CPython's.
pub const SOABI: &str = "rustpython314-rp1";

/// `sys.implementation.cache_tag`: RustPython's bytecode is its own, so
/// its `.pyc` files must never be read by CPython (nor CPython's by us).
pub const CACHE_TAG: &str = "rustpython-314";

/// CPython's spelling of the target (`sys.implementation._multiarch`).
pub const MULTIARCH: &str = env!("CPYEXT_MULTIARCH");

/// The file suffix of extensions built for this layer.
pub fn ext_suffix() -> String {
    format!(".{SOABI}.so")
}

/// The prefix an interpreter binary in `exe_dir` belongs to: the build
/// tree's `target/<profile>/` when `lib/` is beside the binary, otherwise
/// the installed `<prefix>/bin/`'s parent.
fn prefix_of(exe_dir: &Path) -> PathBuf {
    if exe_dir.join("lib").join(LIB_DIR_NAME).is_dir() {
        return exe_dir.to_path_buf();
    }
    exe_dir.parent().unwrap_or(exe_dir).to_path_buf()
}

/// The `home` of a `pyvenv.cfg` at `dir`, if `dir` is a virtual environment.
fn venv_home(dir: &Path) -> Option<PathBuf> {
    let cfg = std::fs::read_to_string(dir.join("pyvenv.cfg")).ok()?;
    cfg.lines().find_map(|line| {
        let (key, value) = line.split_once('=')?;
        (key.trim().eq_ignore_ascii_case("home")).then(|| PathBuf::from(value.trim()))
    })
}

fn string(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// Replaces RustPython's path configuration (which looks for a
/// `lib/python3.14/os.py` our frozen standard library never has, and falls
/// back to `/usr/local`) with this layout. Runs before `sys` is made.
pub fn configure_paths(settings: &Settings, paths: &mut Paths) {
    let exe = PathBuf::from(&paths.executable);
    let Some(exe_dir) = exe.parent().map(Path::to_path_buf) else { return };
    // A venv is recognised by its own bin/ (not the resolved binary's).
    let venv = exe_dir.parent().and_then(|v| Some((v.to_path_buf(), venv_home(v)?)));
    let base_prefix = match &venv {
        Some((_, home)) => prefix_of(home),
        None => prefix_of(&std::fs::canonicalize(&exe_dir).unwrap_or(exe_dir.clone())),
    };
    let prefix = venv.as_ref().map_or(base_prefix.clone(), |(v, _)| v.clone());
    paths.base_executable = match &venv {
        Some((_, home)) => {
            let beside = home.join(exe.file_name().unwrap_or_default());
            if beside.exists() { string(&beside) } else { string(&std::fs::canonicalize(&exe).unwrap_or(exe.clone())) }
        }
        None => paths.executable.clone(),
    };
    paths.prefix = string(&prefix);
    paths.exec_prefix = string(&prefix);
    paths.base_prefix = string(&base_prefix);
    paths.base_exec_prefix = string(&base_prefix);
    paths.module_search_paths = settings.path_list.clone();
    paths.module_search_paths.push(string(&base_prefix.join("lib").join(LIB_DIR_NAME)));
}

/// What RustPython's `sys` says that is not true of this interpreter:
/// `abiflags` (RustPython reports free-threading's `t`; the C ABI here is
/// the default build's) and the bytecode cache tag.
pub fn fix_sys(vm: &VirtualMachine) -> PyResult<()> {
    let sys = vm.sys_module.as_object();
    sys.set_attr("abiflags", vm.ctx.new_str(""), vm)?;
    sys.get_attr("implementation", vm)?.set_attr("cache_tag", vm.ctx.new_str(CACHE_TAG), vm)?;
    Ok(())
}

/// The name `sysconfig` imports its build-time variables under
/// (`_sysconfigdata_{abiflags}_{platform}_{multiarch}`), with our abiflags.
pub fn sysconfigdata_name() -> String {
    let platform = if cfg!(target_os = "macos") { "darwin" } else { "linux" };
    format!("_sysconfigdata__{platform}_{}", MULTIARCH)
}

/// Where ensurepip finds pip's wheel: the prefix's `share/`, which
/// `make install` fills; the build tree has none and uses the wheel that
/// RustPython's standard library crate ships (its `ensurepip/_bundled`,
/// which the frozen `ensurepip` cannot read from inside the binary).
fn wheel_dir(base: &Path) -> PathBuf {
    let installed = base.join("share").join(LIB_DIR_NAME).join("wheels");
    if installed.is_dir() {
        return installed;
    }
    Path::new(rustpython::pylib::LIB_PATH).join("ensurepip").join("_bundled")
}

pub enum Var {
    Str(String),
    Int(i64),
}

/// Every build-time variable extension builders read (setuptools'
/// `customize_compiler` and `build_ext`, meson's python module, packaging's
/// tags), for the prefix `base` (the base interpreter's, in a venv too).
pub fn build_time_vars(base: &str) -> Vec<(&'static str, Var)> {
    use Var::{Int, Str};
    let base = Path::new(base);
    let lib = base.join("lib");
    let stdlib = lib.join(LIB_DIR_NAME);
    let include = string(&base.join("include").join(LIB_DIR_NAME));
    let s = |v: &str| Str(v.to_owned());
    // Extensions resolve the C API against the interpreter binary, not a
    // libpython: macOS must be told so; ELF allows it by default.
    let (ldshared, ldcxxshared) = if cfg!(target_os = "macos") {
        ("cc -bundle -undefined dynamic_lookup", "c++ -bundle -undefined dynamic_lookup")
    } else {
        ("cc -shared", "c++ -shared")
    };
    let opt = "-DNDEBUG -g -fwrapv -O3 -Wall";
    let size = |n: usize| Int(n as i64);
    vec![
        ("EXT_SUFFIX", Str(ext_suffix())),
        ("SOABI", s(SOABI)),
        ("SHLIB_SUFFIX", s(".so")),
        ("SO", s(".so")),
        ("ABIFLAGS", s("")),
        ("VERSION", s("3.14")),
        ("LDVERSION", s("3.14")),
        ("Py_GIL_DISABLED", Int(0)),
        ("Py_DEBUG", Int(0)),
        ("Py_TRACE_REFS", Int(0)),
        ("Py_ENABLE_SHARED", Int(0)),
        ("WITH_PYMALLOC", Int(0)),
        ("WITH_DOC_STRINGS", Int(1)),
        ("CC", s("cc")),
        ("CXX", s("c++")),
        ("OPT", s(opt)),
        ("BASECFLAGS", s("")),
        ("CFLAGS", s(opt)),
        ("CONFIGURE_CFLAGS", s("")),
        ("CFLAGS_NODIST", s("")),
        ("CFLAGSFORSHARED", s("")),
        ("CCSHARED", s("-fPIC")),
        ("CPPFLAGS", s("")),
        ("PY_CPPFLAGS", Str(format!("-I{include}"))),
        ("PY_CFLAGS", s(opt)),
        ("PY_CFLAGS_NODIST", s("")),
        ("LDFLAGS", s("")),
        ("CONFIGURE_LDFLAGS", s("")),
        ("PY_LDFLAGS", s("")),
        ("LDSHARED", s(ldshared)),
        ("BLDSHARED", s(ldshared)),
        ("LDCXXSHARED", s(ldcxxshared)),
        ("LINKFORSHARED", s("")),
        ("AR", s("ar")),
        ("ARFLAGS", s("rcs")),
        ("LIBS", s("")),
        ("SYSLIBS", s("-lm")),
        ("LIBM", s("-lm")),
        ("MODLIBS", s("")),
        // Extensions link no libpython (meson reads this one).
        ("LIBPYTHON", s("")),
        ("LIBRARY", s("")),
        ("LDLIBRARY", s("")),
        ("BLDLIBRARY", s("")),
        ("INCLUDEPY", Str(include.clone())),
        ("CONFINCLUDEPY", Str(include)),
        ("LIBDIR", Str(string(&lib))),
        // Where meson looks for python-3.14.pc first: ours, not a system
        // CPython's (pkgconfig/python-3.14.pc).
        ("LIBPC", Str(string(&lib.join("pkgconfig")))),
        ("LIBPL", Str(string(&stdlib))),
        ("LIBDEST", Str(string(&stdlib))),
        ("BINLIBDEST", Str(string(&stdlib))),
        ("DESTSHARED", Str(string(&stdlib))),
        ("BINDIR", Str(string(&base.join("bin")))),
        ("WHEEL_PKG_DIR", Str(string(&wheel_dir(base)))),
        ("MACHDEP", s(if cfg!(target_os = "macos") { "darwin" } else { "linux" })),
        ("SIZEOF_SHORT", size(size_of::<libc::c_short>())),
        ("SIZEOF_INT", size(size_of::<libc::c_int>())),
        ("SIZEOF_LONG", size(size_of::<libc::c_long>())),
        ("SIZEOF_LONG_LONG", size(size_of::<libc::c_longlong>())),
        ("SIZEOF_VOID_P", size(size_of::<*const u8>())),
        ("SIZEOF_SIZE_T", size(size_of::<libc::size_t>())),
        ("SIZEOF_UINTPTR_T", size(size_of::<usize>())),
        ("SIZEOF_OFF_T", size(size_of::<libc::off_t>())),
        ("SIZEOF_TIME_T", size(size_of::<libc::time_t>())),
        ("SIZEOF_PID_T", size(size_of::<libc::pid_t>())),
        ("SIZEOF_PTHREAD_T", size(size_of::<libc::pthread_t>())),
        ("SIZEOF_FLOAT", size(size_of::<f32>())),
        ("SIZEOF_DOUBLE", size(size_of::<f64>())),
        // Rust has no long double: x87's 80 bits padded to 16 bytes, and
        // AArch64 Linux's binary128; Apple's arm64 makes it a double.
        ("SIZEOF_LONG_DOUBLE", Int(if cfg!(all(target_os = "macos", target_arch = "aarch64")) { 8 } else { 16 })),
        ("SIZEOF_WCHAR_T", size(size_of::<libc::wchar_t>())),
        ("SIZEOF__BOOL", size(size_of::<bool>())),
        // glibc's and musl's fpos_t carry a conversion state beside the
        // offset; macOS's is the offset alone (pyconfig.h agrees).
        ("SIZEOF_FPOS_T", Int(if cfg!(target_os = "macos") { 8 } else { 16 })),
    ]
}
