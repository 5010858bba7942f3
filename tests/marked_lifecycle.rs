//! The names of the life-cycle headers that cpyext marks rather than
//! provides (types, macros, data and functions of embedding,
//! sub-interpreters, the eval loop, fixed allocators, CPython 3.14's
//! removals): a use of each fails to compile, with its reason.

use std::path::PathBuf;
use std::process::Command;

/// (code using the name, part of the reason the compiler must give).
const USES: &[(&str, &str)] = &[
    ("int use(void) { return Py_C_RECURSION_LIMIT; }", "Py_C_RECURSION_LIMIT was removed in CPython 3.14"),
    ("_PyFrameEvalFunction f;", "RustPython's eval loop cannot be replaced"),
    ("PyStatus use(PyConfig *c) { return Py_InitializeFromConfig(c); }", "rustpy cannot be embedded"),
    ("int use(void) { return Py_RunMain(); }", "rustpy cannot be embedded"),
    ("void *use(void) { return Py_NewInterpreter(); }", "no sub-interpreters"),
    ("void use(PyMemAllocatorEx *a) { PyMem_SetAllocator(PYMEM_DOMAIN_RAW, a); }", "allocators are fixed"),
    ("void *use(void) { return PyImport_Inittab; }", "built-in and frozen module tables are fixed"),
    ("int use(void) { return PyOS_InterruptOccurred(); }", "signal module"),
    ("void use(void) { PyOS_AfterFork_Child(); }", "inside its os.fork"),
    ("int use(void) { return PyUnstable_PerfMapState_Init(); }", "no perf trampoline"),
    ("void *use(void) { return PyInterpreterState_ThreadHead(PyInterpreterState_Main()); }", "no list of thread states"),
];

#[test]
fn marked_names_are_compile_time_errors_with_their_reason() {
    let include = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("include");
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("marked_lifecycle");
    std::fs::create_dir_all(&dir).unwrap();
    for (i, (code, reason)) in USES.iter().enumerate() {
        let src = dir.join(format!("use{i}.c"));
        std::fs::write(&src, format!("#include <Python.h>\n{code}\n")).unwrap();
        let out = Command::new(std::env::var("CC").unwrap_or_else(|_| "gcc".into()))
            .args(["-fsyntax-only", "-I"])
            .arg(&include)
            .arg(&src)
            .output()
            .expect("a C compiler");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "`{code}` compiled");
        assert!(stderr.contains(reason), "`{code}`: the error does not give the reason {reason:?}:\n{stderr}");
    }
}
