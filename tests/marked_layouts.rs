//! The layouts and macros `include/` marks unavailable (`Py_CPYEXT_MISSING`
//! on a typedef or an inline function, for memory no object here has): a
//! use of each is a compile-time error carrying its reason, while the
//! headers themselves compile.

use std::path::PathBuf;
use std::process::Command;

/// (a use, a piece of the reason the compiler must print)
const USES: &[(&str, &str)] = &[
    ("Py_ssize_t f(PyObject *o) { return _PySet_CAST(o)->used; }", "a set's fields live in the VM"),
    ("Py_hash_t f(void) { setentry e; e.hash = 0; return e.hash; }", "a set's items live in the VM"),
    ("void *f(_PyManagedBufferObject *m) { return m; }", "a memoryview's export lives in the VM"),
];

fn compile(name: &str, body: &str) -> (bool, String) {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("marked_layouts");
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join(format!("{name}.c"));
    std::fs::write(&src, format!("#include <Python.h>\n{body}\n")).unwrap();
    let out = Command::new(std::env::var("CC").unwrap_or_else(|_| "gcc".into()))
        .args(["-fsyntax-only", "-Wall", "-Werror", "-I"])
        .arg(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("include"))
        .arg(&src)
        .output()
        .expect("a C compiler");
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn each_marked_name_is_a_compile_time_error_with_its_reason() {
    let (ok, stderr) = compile("none", "int f(void) { return PySet_MINSIZE + _Py_MEMORYVIEW_C; }");
    assert!(ok, "the headers alone do not compile:\n{stderr}");
    for (i, (body, reason)) in USES.iter().enumerate() {
        let (ok, stderr) = compile(&format!("use{i}"), body);
        assert!(!ok, "compiled: {body}");
        assert!(stderr.contains("unavailable") && stderr.contains(reason), "{body}:\n{stderr}");
    }
}
