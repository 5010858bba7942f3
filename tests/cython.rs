//! Cython's generated code over the C-API: `c-tests/cython/cyfeatures.pyx`,
//! translated once by Cython 3.3 (`python3 -m cython`), is built against
//! CPython 3.11's headers (the oracle) and against our `include/` (where
//! Cython takes its Limited-API paths, see the end of `include/Python.h`);
//! `c-tests/cython/test_cyfeatures.py` must pass under both interpreters.
//!
//! Build products go to `target/cython-tests/{cpython,rustpy}/`.
//! Environment, as in `tests/c_tests.rs`: `CC` (default `gcc`) and
//! `CTESTS_CPYTHON` (default `python3`), which must have Cython 3.3.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const OUR_SUFFIX: &str = ".rustpython314-rp1.so";
const TIMEOUT: Duration = Duration::from_secs(600);
const INSTALL: &str = "install Cython 3.3 for the oracle: \
     python3 -m pip install --user --break-system-packages 'cython==3.3.*' (what .ci/run does)";

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn cython_dir() -> PathBuf {
    manifest_dir().join("c-tests").join("cython")
}

/// `target/cython-tests` (CARGO_TARGET_TMPDIR is `target/tmp`).
fn out_root() -> PathBuf {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().map_or_else(|| manifest_dir().join("target"), Path::to_path_buf).join("cython-tests")
}

fn python3() -> String {
    std::env::var("CTESTS_CPYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Run `cmd` with stdout+stderr collected, killed after TIMEOUT.
fn run(mut cmd: Command) -> (bool, String) {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("could not start {cmd:?}: {e}"));
    let readers = [child.stdout.take().map(|r| Box::new(r) as Box<dyn Read + Send>), child.stderr.take().map(|r| Box::new(r) as _)]
        .map(|r| {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                if let Some(mut r) = r {
                    let _ = r.read_to_end(&mut buf);
                }
                String::from_utf8_lossy(&buf).into_owned()
            })
        });
    let start = Instant::now();
    let status = loop {
        match child.try_wait().unwrap_or_else(|e| panic!("waiting for {cmd:?}: {e}")) {
            Some(s) => break Some(s),
            None if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    let [out, err] = readers.map(|t| t.join().unwrap_or_default());
    let mut text = out;
    if !err.is_empty() {
        text.push_str("\n--- stderr ---\n");
        text.push_str(&err);
    }
    match status {
        None => text.push_str(&format!("\n--- killed after {TIMEOUT:?} ---\n")),
        Some(s) if !s.success() => text.push_str(&format!("\n--- exit status: {s} ---\n")),
        _ => {}
    }
    (status.is_some_and(|s| s.success()), text)
}

/// The generated C, made once per test run.
fn cython_c() -> &'static Path {
    static C: OnceLock<PathBuf> = OnceLock::new();
    C.get_or_init(|| {
        let py = python3();
        let out = Command::new(&py)
            .args(["-c", "import Cython; print(Cython.__version__)"])
            .output()
            .unwrap_or_else(|e| panic!("the Cython test needs `{py}` (CPython 3.11), which could not be run: {e}"));
        let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert!(
            out.status.success(),
            "Cython is not installed for `{py}`; {INSTALL}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(version.starts_with("3.3."), "`{py}` has Cython {version}, not 3.3; {INSTALL}");
        let root = out_root();
        std::fs::create_dir_all(&root).unwrap_or_else(|e| panic!("could not create {}: {e}", root.display()));
        let c = root.join("cyfeatures.c");
        let tmp = root.join(format!(".cyfeatures.{}.c", std::process::id()));
        let mut cmd = Command::new(&py);
        // Run beside the .pyx: tracebacks then name "cyfeatures.pyx".
        cmd.args(["-m", "cython", "-3", "cyfeatures.pyx", "-o"]).arg(&tmp).current_dir(cython_dir());
        let (ok, text) = run(cmd);
        assert!(ok, "Cython {version} could not translate c-tests/cython/cyfeatures.pyx:\n{text}");
        std::fs::rename(&tmp, &c).unwrap_or_else(|e| panic!("could not move {} to {}: {e}", tmp.display(), c.display()));
        eprintln!("cyfeatures.pyx translated by Cython {version}");
        c
    })
}

/// CPython's include directory and extension suffix.
fn cpython_config(py: &str) -> (PathBuf, String) {
    let out = Command::new(py)
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['include']); print(sysconfig.get_config_var('EXT_SUFFIX'))"])
        .output()
        .unwrap_or_else(|e| panic!("could not run `{py}`: {e}"));
    assert!(out.status.success(), "`{py}` failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut lines = text.lines().map(str::trim);
    let include = PathBuf::from(lines.next().unwrap_or(""));
    let suffix = lines.next().unwrap_or("").to_string();
    assert!(include.join("Python.h").is_file(), "`{py}` has no Python.h in {} (install python3-dev)", include.display());
    (include, suffix)
}

fn check(label: &str, exe: &str, include: &Path, suffix: &str) {
    let c = cython_c();
    let dir = out_root().join(label);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("could not create {}: {e}", dir.display()));
    let so = dir.join(format!("cyfeatures{suffix}"));
    let tmp = dir.join(format!(".cyfeatures.{}.tmp.so", std::process::id()));
    let cc = std::env::var("CC").unwrap_or_else(|_| "gcc".to_string());
    let mut cmd = Command::new(&cc);
    cmd.args(["-shared", "-fPIC", "-O1"])
        .arg(format!("-I{}", include.display()))
        .args(if cfg!(target_os = "macos") { &["-undefined", "dynamic_lookup"][..] } else { &[] })
        .arg(c)
        .arg("-o")
        .arg(&tmp);
    let (ok, text) = run(cmd);
    if !ok {
        let _ = std::fs::remove_file(&tmp);
        panic!("[{label}] compiling {} against {} failed:\n{text}", c.display(), include.display());
    }
    std::fs::rename(&tmp, &so).unwrap_or_else(|e| panic!("could not move {} to {}: {e}", tmp.display(), so.display()));

    let mut cmd = Command::new(exe);
    cmd.arg(cython_dir().join("test_cyfeatures.py"))
        .current_dir(&dir)
        .env("PYTHONPATH", &dir)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONIOENCODING", "utf-8")
        .env_remove("PYTHONHOME")
        .env_remove("PYTHONSTARTUP");
    let (ok, output) = run(cmd);
    // The harness's last line: "N passed, M failed[, K skipped]".
    let counts = output.lines().rev().find_map(|l| {
        let (p, rest) = l.trim().split_once(" passed, ")?;
        let f = rest.split(", ").next()?.strip_suffix(" failed")?;
        Some((p.parse::<u64>().ok()?, f.parse::<u64>().ok()?))
    });
    assert!(ok && matches!(counts, Some((p, 0)) if p > 0), "test_cyfeatures.py failed under {label} ({exe}):\n{output}");
    eprintln!("cyfeatures under {label}: {} passed", counts.unwrap().0);
}

#[test]
fn cyfeatures_cpython() {
    let py = python3();
    let (include, suffix) = cpython_config(&py);
    check("cpython", &py, &include, &suffix);
}

#[test]
fn cyfeatures_rustpy() {
    check("rustpy", env!("CARGO_BIN_EXE_rustpy"), &manifest_dir().join("include"), OUR_SUFFIX);
}
