//! The c-tests: C extension modules in `c-tests/`, one per C-API family, each
//! with a check script `c-tests/test_<family>.py`.
//!
//! CPython is the oracle: every family is built against the machine's CPython
//! headers (`python3`, 3.11 here) and its check run under `python3`; the same
//! source is built against our `include/` with our extension suffix and the
//! check run under our interpreter.  Both must pass.  One test per family and
//! interpreter: `<family>_cpython` and `<family>_rustpy`.
//!
//! Families using 3.12+ APIs (`NEWER_API_FAMILIES`) are also checked under
//! CPython 3.13 (`CTESTS_CPYTHON313`, else pyenv's 3.13.0).
//!
//! abi3 families (`ABI3_FAMILIES`) are built once, as a wheel on PyPI is:
//! against CPython 3.11's own headers with the limited API the source asks
//! for, named `<stem>.abi3.so`; CPython 3.11 and rustpy load the same build.
//!
//! Build products go to `target/c-tests/{cpython,cpython313,rustpy,abi3-*}/`.  Environment:
//! `CC` picks the C compiler (default `gcc`), `CTESTS_CPYTHON` the oracle
//! interpreter (default `python3`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The extension suffix our interpreter loads.
const OUR_SUFFIX: &str = ".rustpython314-rp1.so";

/// How long one check script may run.
const CHECK_TIMEOUT: Duration = Duration::from_secs(600);

/// Families: the check script is `test_<family>.py`; every listed stem is a
/// C file `c-tests/<stem>.c` built as its own module `<stem>`.
const FAMILIES: &[(&str, &[&str])] = &[
    ("capi_module", &["capi_module", "capi_module_missing", "capi_module_missing3"]),
    (
        "capi_multiphase",
        &[
            "capi_multiphase",
            "capi_multiphase_create",
            "capi_multiphase_badexec",
            "capi_multiphase_badinit",
        ],
    ),
    ("capi_long", &["capi_long"]),
    ("capi_threads", &["capi_threads"]),
    ("capi_runtime", &["capi_runtime"]),
    ("capi_str_bytes", &["capi_str_bytes"]),
    ("capi_containers", &["capi_containers"]),
    ("capi_object", &["capi_object"]),
    ("capi_errors", &["capi_errors"]),
    ("capi_argparse", &["capi_argparse"]),
    ("capi_refcount", &["capi_refcount"]),
    ("capi_types", &["capi_types"]),
    ("capi_slots", &["capi_slots"]),
    ("capi_heaptypes", &["capi_heaptypes"]),
    ("capi_gc", &["capi_gc"]),
    ("capi_steal", &["capi_steal"]),
    ("capi_sets_slices", &["capi_sets_slices"]),
    ("capi_numbers", &["capi_numbers"]),
    ("capi_unicode_writer", &["capi_unicode_writer"]),
    ("capi_unicode2", &["capi_unicode2"]),
    ("capi_object2", &["capi_object2"]),
    ("capi_runtime2", &["capi_runtime2"]),
    ("capi_api314", &["capi_api314"]),
    ("capi_buffer", &["capi_buffer"]),
    ("capi_eval", &["capi_eval"]),
    ("capi_datetime", &["capi_datetime"]),
    ("capi_ctypes", &["capi_ctypes"]),
    ("capi_funcs", &["capi_funcs"]),
    ("capi_census3", &["capi_census3"]),
    ("capi_unicode3", &["capi_unicode3"]),
    ("capi_atomic", &["capi_atomic"]),
    ("capi_descr", &["capi_descr"]),
    ("capi_code", &["capi_code"]),
    ("capi_lifecycle", &["capi_lifecycle"]),
    ("capi_structseq", &["capi_structseq"]),
    ("capi_objects4", &["capi_objects4"]),
    ("capi_long314", &["capi_long314"]),
    ("capi_stable_abi", &["capi_stable_abi"]),
    ("capi_stable_abi314", &["capi_stable_abi314"]),
    ("abi3_refcount", &["abi3_refcount"]),
    ("capi_listmem", &["capi_listmem"]),
];

/// Families built with CPython's headers for its stable ABI (see the module
/// doc): rustpy loads CPython's build.
const ABI3_FAMILIES: &[&str] = &["abi3_refcount"];

#[derive(Clone, Copy, Debug)]
enum Interp {
    CPython,
    /// CPython 3.13, the oracle for the APIs 3.11 lacks (`PyModule_Add`, ...).
    CPython313,
    /// CPython 3.14, the oracle for the APIs new in 3.14 (`PyUnicodeWriter`).
    CPython314,
    RustPy,
}

/// Families whose checks use 3.12+ APIs: also run under CPython 3.13.
const NEWER_API_FAMILIES: &[&str] = &["capi_steal", "capi_numbers", "capi_object2", "capi_runtime2", "capi_eval", "capi_census3", "capi_unicode3", "capi_atomic", "capi_descr", "capi_code", "capi_lifecycle", "capi_structseq", "capi_objects4", "capi_stable_abi"];

/// Families of 3.14 APIs, which 3.11 and 3.13 lack: checked under CPython
/// 3.14 (the oracle) and rustpy only.
const CPYTHON314_FAMILIES: &[&str] = &["capi_unicode_writer", "capi_api314", "capi_long314", "capi_stable_abi314"];

struct CPythonInfo {
    exe: String,
    include: PathBuf,
    suffix: String,
    version: String,
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn c_tests_dir() -> PathBuf {
    manifest_dir().join("c-tests")
}

/// `target/` (the parent of CARGO_TARGET_TMPDIR, which is `target/tmp`).
fn target_dir() -> PathBuf {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    match tmp.parent() {
        Some(p) => p.to_path_buf(),
        None => manifest_dir().join("target"),
    }
}

fn cpython() -> &'static CPythonInfo {
    static INFO: OnceLock<CPythonInfo> = OnceLock::new();
    INFO.get_or_init(|| cpython_info(std::env::var("CTESTS_CPYTHON").unwrap_or_else(|_| "python3".to_string())))
}

/// CPython 3.13: `CTESTS_CPYTHON313`, else pyenv's 3.13.0 (this project's
/// machine image has it).
fn cpython313() -> &'static CPythonInfo {
    static INFO: OnceLock<CPythonInfo> = OnceLock::new();
    INFO.get_or_init(|| {
        let exe = std::env::var("CTESTS_CPYTHON313").unwrap_or_else(|_| {
            let out = Command::new("pyenv").args(["prefix", "3.13.0"]).output();
            match out {
                Ok(o) if o.status.success() => format!("{}/bin/python3", String::from_utf8_lossy(&o.stdout).trim()),
                _ => panic!(
                    "the 3.13 oracle needs CPython 3.13: install it with pyenv (`pyenv install 3.13.0`) \
                     or point CTESTS_CPYTHON313 at a python3.13 with its headers"
                ),
            }
        });
        let info = cpython_info(exe);
        assert!(info.version.starts_with("3.13."), "{} is Python {}, not 3.13", info.exe, info.version);
        info
    })
}

/// CPython 3.14: `CTESTS_CPYTHON314`, else the one `scripts/cpython314` sets
/// up under `target/cpython314` from Debian's packages (it prints the
/// interpreter's path last).
fn cpython314() -> &'static CPythonInfo {
    static INFO: OnceLock<CPythonInfo> = OnceLock::new();
    INFO.get_or_init(|| {
        let exe = std::env::var("CTESTS_CPYTHON314").unwrap_or_else(|_| {
            let out = Command::new(manifest_dir().join("scripts/cpython314"))
                .output()
                .unwrap_or_else(|e| panic!("cannot run scripts/cpython314: {e}"));
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success(),
                "the 3.14 oracle: scripts/cpython314 failed (set CTESTS_CPYTHON314 to a python3.14 with its headers):\n{stdout}{}",
                String::from_utf8_lossy(&out.stderr)
            );
            stdout.lines().last().unwrap_or("").trim().to_string()
        });
        let info = cpython_info(exe);
        assert!(info.version.starts_with("3.14."), "{} is Python {}, not 3.14", info.exe, info.version);
        info
    })
}

fn cpython_info(exe: String) -> CPythonInfo {
    {
        let out = Command::new(&exe)
            .args([
                "-c",
                "import sys, sysconfig\n\
                 print(sysconfig.get_paths()['include'])\n\
                 print(sysconfig.get_config_var('EXT_SUFFIX'))\n\
                 print('%d.%d.%d' % sys.version_info[:3])",
            ])
            .output()
            .unwrap_or_else(|e| {
                panic!(
                    "c-tests need CPython as the oracle, but `{exe}` could not be run: {e}\n\
                     Install python3 (3.11) with its development headers, or set CTESTS_CPYTHON."
                )
            });
        assert!(
            out.status.success(),
            "`{exe}` failed to report its configuration:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let mut lines = text.lines();
        let include = PathBuf::from(lines.next().unwrap_or("").trim());
        let suffix = lines.next().unwrap_or("").trim().to_string();
        let version = lines.next().unwrap_or("").trim().to_string();
        if !include.join("Python.h").is_file() {
            panic!(
                "c-tests need CPython's C headers, but `{exe}` (Python {version}) has no Python.h in {}.\n\
                 Install the development package (e.g. python3-dev / python3.11-dev), or point \
                 CTESTS_CPYTHON at a Python that has its headers.",
                include.display()
            );
        }
        assert!(
            suffix.starts_with('.') && suffix.ends_with(".so"),
            "`{exe}` reports an odd EXT_SUFFIX {suffix:?}"
        );
        CPythonInfo {
            exe,
            include,
            suffix,
            version,
        }
    }
}

/// Compile `c-tests/<stem>.c` into `<out_dir>/<stem><suffix>`.
fn build_module(stem: &str, include: &Path, suffix: &str, out_dir: &Path, interp: Interp) {
    let src = c_tests_dir().join(format!("{stem}.c"));
    assert!(src.is_file(), "missing C source {}", src.display());
    let out = out_dir.join(format!("{stem}{suffix}"));
    // Build under a private name, then rename: a concurrent reader never sees
    // a half-written shared object.
    let tmp = out_dir.join(format!(".{stem}.{}.tmp.so", std::process::id()));
    let cc = std::env::var("CC").unwrap_or_else(|_| "gcc".to_string());
    let mut cmd = Command::new(&cc);
    cmd.args(["-shared", "-fPIC", "-O1", "-Wall", "-Werror"])
        .arg(format!("-I{}", include.display()))
        // The C API is resolved against the interpreter when loaded.
        .args(if cfg!(target_os = "macos") { &["-undefined", "dynamic_lookup"][..] } else { &[] })
        .arg(&src)
        .arg("-o")
        .arg(&tmp);
    let output = cmd
        .output()
        .unwrap_or_else(|e| panic!("could not run the C compiler `{cc}`: {e}"));
    if !output.status.success() {
        let _ = std::fs::remove_file(&tmp);
        panic!(
            "[{stem}, {interp:?}] compiling {} against {} failed:\n{:?}\n{}{}",
            src.display(),
            include.display(),
            cmd,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    std::fs::rename(&tmp, &out)
        .unwrap_or_else(|e| panic!("could not move {} to {}: {e}", tmp.display(), out.display()));
}

/// Run `cmd`, collecting stdout+stderr, killing it after `timeout`.
/// Returns (exit success, combined output).
fn run_with_timeout(mut cmd: Command, timeout: Duration) -> (bool, String) {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("could not start {cmd:?}: {e}"));
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) => {
                if start.elapsed() > timeout {
                    let _ = child.kill();
                    timed_out = true;
                    break child.wait().ok();
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => panic!("waiting for {cmd:?} failed: {e}"),
        }
    };
    let out = out_reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    let mut text = String::from_utf8_lossy(&out).into_owned();
    if !err.is_empty() {
        text.push_str("\n--- stderr ---\n");
        text.push_str(&String::from_utf8_lossy(&err));
    }
    if timed_out {
        text.push_str(&format!("\n--- killed after {timeout:?} ---\n"));
    }
    let ok = !timed_out && status.map(|s| s.success()).unwrap_or(false);
    if let Some(s) = status {
        if !s.success() {
            text.push_str(&format!("\n--- exit status: {s} ---\n"));
        }
    }
    (ok, text)
}

/// The last "N passed, M failed[, K skipped]" line of a check's output.
fn summary(output: &str) -> Option<(u64, u64)> {
    output.lines().rev().find_map(|line| {
        let rest = line.trim();
        let (p, rest) = rest.split_once(" passed, ")?;
        let rest = rest.split(", ").next()?;
        let f = rest.strip_suffix(" failed")?;
        Some((p.parse().ok()?, f.parse().ok()?))
    })
}

fn run_family(family: &str, interp: Interp) {
    let stems = FAMILIES
        .iter()
        .find(|(name, _)| *name == family)
        .map(|(_, stems)| *stems)
        .unwrap_or_else(|| panic!("unknown family {family}"));
    let (exe, include, suffix, label) = match interp {
        Interp::CPython | Interp::CPython313 | Interp::CPython314 => {
            let info = match interp {
                Interp::CPython => cpython(),
                Interp::CPython313 => cpython313(),
                _ => cpython314(),
            };
            (
                info.exe.clone(),
                info.include.clone(),
                info.suffix.clone(),
                format!("CPython {}", info.version),
            )
        }
        Interp::RustPy => (
            env!("CARGO_BIN_EXE_rustpy").to_string(),
            manifest_dir().join("include"),
            OUR_SUFFIX.to_string(),
            "rustpy".to_string(),
        ),
    };
    let sub = match interp {
        Interp::CPython => "cpython",
        Interp::CPython313 => "cpython313",
        Interp::CPython314 => "cpython314",
        Interp::RustPy => "rustpy",
    };
    let abi3 = ABI3_FAMILIES.contains(&family);
    let (include, suffix, sub) = if abi3 {
        (cpython().include.clone(), ".abi3.so".to_string(), format!("abi3-{sub}"))
    } else {
        (include, suffix, sub.to_string())
    };
    let out_dir = target_dir().join("c-tests").join(sub);
    std::fs::create_dir_all(&out_dir)
        .unwrap_or_else(|e| panic!("could not create {}: {e}", out_dir.display()));
    for stem in stems {
        build_module(stem, &include, &suffix, &out_dir, interp);
    }

    let script = c_tests_dir().join(format!("test_{family}.py"));
    assert!(script.is_file(), "missing check script {}", script.display());
    let pythonpath = std::env::join_paths([out_dir.clone(), c_tests_dir()])
        .expect("PYTHONPATH entries contain no separator");
    let mut cmd = Command::new(&exe);
    cmd.arg(&script)
        .current_dir(&out_dir)
        .env("PYTHONPATH", pythonpath)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .env_remove("PYTHONHOME")
        .env_remove("PYTHONSTARTUP");
    let (ok, output) = run_with_timeout(cmd, CHECK_TIMEOUT);
    let counts = summary(&output);
    let passed_all = matches!(counts, Some((p, 0)) if p > 0);
    if !ok || !passed_all {
        panic!(
            "c-test family `{family}` failed under {label} ({exe} {}):\n{output}",
            script.display()
        );
    }
    let (p, _) = counts.unwrap();
    eprintln!("{family} under {label}: {p} passed");
}

macro_rules! family_tests {
    ($($family:literal => $cpython:ident, $rustpy:ident;)*
     cpython314_only: $($family14:literal => $cpython314:ident, $rustpy14:ident;)*) => {
        $(
            #[test]
            fn $cpython314() {
                assert!(CPYTHON314_FAMILIES.contains(&$family14));
                run_family($family14, Interp::CPython314);
            }

            #[test]
            fn $rustpy14() {
                run_family($family14, Interp::RustPy);
            }
        )*
        $(
            #[test]
            fn $cpython() {
                run_family($family, Interp::CPython);
            }

            #[test]
            fn $rustpy() {
                run_family($family, Interp::RustPy);
            }
        )*

        /// Every family in FAMILIES has its pair of tests above (or below,
        /// for the 3.14 families).
        const TESTED_FAMILIES: &[&str] = &[$($family,)* $($family14,)*];
    };
}

family_tests! {
    "capi_module" => capi_module_cpython, capi_module_rustpy;
    "capi_multiphase" => capi_multiphase_cpython, capi_multiphase_rustpy;
    "capi_long" => capi_long_cpython, capi_long_rustpy;
    "capi_threads" => capi_threads_cpython, capi_threads_rustpy;
    "capi_runtime" => capi_runtime_cpython, capi_runtime_rustpy;
    "capi_str_bytes" => capi_str_bytes_cpython, capi_str_bytes_rustpy;
    "capi_containers" => capi_containers_cpython, capi_containers_rustpy;
    "capi_object" => capi_object_cpython, capi_object_rustpy;
    "capi_errors" => capi_errors_cpython, capi_errors_rustpy;
    "capi_argparse" => capi_argparse_cpython, capi_argparse_rustpy;
    "capi_refcount" => capi_refcount_cpython, capi_refcount_rustpy;
    "capi_types" => capi_types_cpython, capi_types_rustpy;
    "capi_slots" => capi_slots_cpython, capi_slots_rustpy;
    "capi_heaptypes" => capi_heaptypes_cpython, capi_heaptypes_rustpy;
    "capi_gc" => capi_gc_cpython, capi_gc_rustpy;
    "capi_steal" => capi_steal_cpython, capi_steal_rustpy;
    "capi_sets_slices" => capi_sets_slices_cpython, capi_sets_slices_rustpy;
    "capi_numbers" => capi_numbers_cpython, capi_numbers_rustpy;
    "capi_unicode2" => capi_unicode2_cpython, capi_unicode2_rustpy;
    "capi_object2" => capi_object2_cpython, capi_object2_rustpy;
    "capi_runtime2" => capi_runtime2_cpython, capi_runtime2_rustpy;
    "capi_buffer" => capi_buffer_cpython, capi_buffer_rustpy;
    "capi_eval" => capi_eval_cpython, capi_eval_rustpy;
    "capi_datetime" => capi_datetime_cpython, capi_datetime_rustpy;
    "capi_ctypes" => capi_ctypes_cpython, capi_ctypes_rustpy;
    "capi_funcs" => capi_funcs_cpython, capi_funcs_rustpy;
    "capi_census3" => capi_census3_cpython, capi_census3_rustpy;
    "capi_unicode3" => capi_unicode3_cpython, capi_unicode3_rustpy;
    "capi_atomic" => capi_atomic_cpython, capi_atomic_rustpy;
    "capi_descr" => capi_descr_cpython, capi_descr_rustpy;
    "capi_code" => capi_code_cpython, capi_code_rustpy;
    "capi_lifecycle" => capi_lifecycle_cpython, capi_lifecycle_rustpy;
    "capi_structseq" => capi_structseq_cpython, capi_structseq_rustpy;
    "capi_objects4" => capi_objects4_cpython, capi_objects4_rustpy;
    "capi_stable_abi" => capi_stable_abi_cpython, capi_stable_abi_rustpy;
    "abi3_refcount" => abi3_refcount_cpython, abi3_refcount_rustpy;
    "capi_listmem" => capi_listmem_cpython, capi_listmem_rustpy;
    cpython314_only:
    "capi_unicode_writer" => capi_unicode_writer_cpython314, capi_unicode_writer_rustpy;
    "capi_api314" => capi_api314_cpython314, capi_api314_rustpy;
    "capi_long314" => capi_long314_cpython314, capi_long314_rustpy;
    "capi_stable_abi314" => capi_stable_abi314_cpython314, capi_stable_abi314_rustpy;
}

#[test]
fn newer_api_families_cpython313() {
    for family in NEWER_API_FAMILIES {
        run_family(family, Interp::CPython313);
    }
}

/// Every `c-tests/*.c` is built by some family, every `test_*.py` is some
/// family's check, and every family has its tests: nothing is silently left
/// out.
#[test]
fn every_c_test_is_wired_up() {
    let mut c_files = Vec::new();
    let mut checks = Vec::new();
    for entry in std::fs::read_dir(c_tests_dir()).expect("c-tests/ exists") {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".c") {
            c_files.push(stem.to_string());
        } else if let Some(f) = name
            .strip_prefix("test_")
            .and_then(|n| n.strip_suffix(".py"))
        {
            checks.push(f.to_string());
        }
    }
    for stem in &c_files {
        assert!(
            FAMILIES.iter().any(|(_, stems)| stems.contains(&stem.as_str())),
            "c-tests/{stem}.c belongs to no family in tests/c_tests.rs"
        );
    }
    for check in &checks {
        assert!(
            FAMILIES.iter().any(|(name, _)| name == check),
            "c-tests/test_{check}.py is not a family in tests/c_tests.rs"
        );
    }
    for (name, stems) in FAMILIES {
        assert!(
            TESTED_FAMILIES.contains(name),
            "family {name} has no tests in family_tests!"
        );
        assert!(
            checks.iter().any(|c| c == name),
            "family {name} has no c-tests/test_{name}.py"
        );
        for stem in *stems {
            assert!(
                c_files.iter().any(|c| c == stem),
                "family {name} lists {stem}, but c-tests/{stem}.c does not exist"
            );
        }
    }
    assert_eq!(TESTED_FAMILIES.len(), FAMILIES.len());
}
