//! The header check: `cpyext/capi.decl` and `include/` describe the same
//! API. Every prototype `include/` declares has its row, in the section of
//! the header that declares it, with the same signature; every row is
//! declared (except `ABI_ONLY` ones); so every prototype is either exported
//! (`tests/exports.rs` checks the binary) or missing, and then a use of it
//! is a compile-time error (`include/cpyext/missing.h`, checked here to be
//! what the table generates, and by compiling a call). `docs/capi.md` is
//! checked the same way.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

const ROWS: &str = include_str!(concat!(env!("OUT_DIR"), "/rows.tsv"));
const EXPORTS: &str = include_str!(concat!(env!("OUT_DIR"), "/exports.rs"));
/// CPython 3.14's stable ABI (Misc/stable_abi.toml), one item a line.
const STABLE_ABI: &str = include_str!("stable_abi/stable_abi-3.14.txt");
const MISSING_H: &str = include_str!(concat!(env!("OUT_DIR"), "/missing.h"));
const CAPI_MD: &str = include_str!(concat!(env!("OUT_DIR"), "/capi.md"));

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A declaration with its spacing and attribute macros taken out, so that
/// two spellings of one signature compare equal.
fn normalize(decl: &str) -> String {
    let decl = decl.replace("_Py_NO_RETURN", "");
    let mut out = String::new();
    for word in decl.split_whitespace() {
        let glue = |c: char| "*(),".contains(c);
        if !out.is_empty() && !out.ends_with(glue) && !word.starts_with(glue) {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.replace("(void)", "()")
}

fn strip_comments(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `PyAPI_FUNC`/`PyAPI_DATA` prototype of a header: name -> signature.
fn prototypes(text: &str) -> Vec<(String, String)> {
    let text = strip_comments(text);
    let mut out = Vec::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("PyAPI_") {
        rest = &rest[at + "PyAPI_".len()..];
        let data = rest.starts_with("DATA(");
        if !data && !rest.starts_with("FUNC(") {
            continue;
        }
        let Some(end) = rest.find(';') else { break };
        let decl = &rest[5..end];
        rest = &rest[end..];
        // `type) name(args)`: the return type closes at its first `)`.
        let Some((ret, tail)) = decl.split_once(')') else { continue };
        let sig = normalize(&format!("{ret} {tail}"));
        // An array's brackets belong to the declarator, not the symbol (the
        // table keeps the element type).
        let sig = if data { sig.trim_end_matches("[]").to_owned() } else { sig };
        let name = if data {
            sig.rsplit([' ', '*']).next().unwrap_or("").to_owned()
        } else {
            let head = sig.split('(').next().unwrap_or("");
            head.rsplit([' ', '*']).next().unwrap_or("").to_owned()
        };
        out.push((name, sig));
    }
    out
}

fn headers() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(root().join("include")).unwrap().flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "h") {
            out.insert(p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap());
        }
    }
    out
}

struct Row<'a> {
    header: &'a str,
    kind: &'a str,
    status: &'a str,
    signature: &'a str,
    /// Why a missing symbol is missing (empty otherwise).
    reason: &'a str,
}

fn rows() -> BTreeMap<&'static str, Row<'static>> {
    ROWS.lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0], Row { header: f[1], kind: f[2], status: f[3], signature: f[4], reason: f[5] })
        })
        .collect()
}

#[test]
fn every_prototype_has_its_row_with_the_same_signature() {
    let rows = rows();
    let mut problems = Vec::new();
    let mut declared = BTreeMap::new();
    for (header, text) in headers() {
        for (name, sig) in prototypes(&text) {
            declared.insert(name.clone(), header.clone());
            match rows.get(name.as_str()) {
                None => problems.push(format!("{header}: {name} has no row in cpyext/capi.decl")),
                Some(r) if r.header != header => {
                    problems.push(format!("{name}: declared in {header}, its row is in section [{}]", r.header))
                }
                Some(r) if normalize(r.signature) != sig => {
                    problems.push(format!("{name}: {header} says `{sig}`, capi.decl says `{}`", normalize(r.signature)))
                }
                Some(_) => {}
            }
        }
    }
    for (name, r) in &rows {
        match (r.kind == "abi_only", declared.contains_key(*name)) {
            (false, false) => problems.push(format!("{name}: has a row but include/{} does not declare it", r.header)),
            (true, true) => problems.push(format!("{name}: ABI_ONLY, but include/ declares it")),
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
    assert!(declared.len() > 800, "only {} prototypes found: is the parser broken?", declared.len());
}

#[test]
fn every_missing_prototype_is_a_compile_time_error() {
    let rows = rows();
    let missing: Vec<&str> = rows.iter().filter(|(_, r)| r.status == "missing").map(|(n, _)| *n).collect();
    let marked = MISSING_H.matches("Py_CPYEXT_MISSING(\"").count();
    assert_eq!(marked, missing.len(), "missing.h marks {marked} symbols, the table has {} missing", missing.len());
    for name in &missing {
        assert!(MISSING_H.contains(&format!(") {name}(")) || MISSING_H.contains(&format!(") {name};")), "{name} is not in missing.h");
    }
    // And the mark works: a call to a missing function does not compile.
    let Some(function) = rows.iter().find(|(_, r)| r.status == "missing" && r.kind == "function").map(|(n, _)| *n) else {
        return;
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("capi_table");
    std::fs::create_dir_all(&dir).unwrap();
    let src = dir.join("calls_missing.c");
    std::fs::write(&src, format!("#include <Python.h>\nvoid *use(void) {{ return (void *)&{function}; }}\n")).unwrap();
    let out = Command::new(std::env::var("CC").unwrap_or_else(|_| "gcc".into()))
        .args(["-fsyntax-only", "-I"])
        .arg(root().join("include"))
        .arg(&src)
        .output()
        .expect("a C compiler");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "using {function} compiled");
    assert!(stderr.contains(&format!("{function} is not provided by cpyext")), "{stderr}");
}

/// The names of the generated export list: the `("name", ...)` entries of
/// its functions and data, before the list of missing symbols.
fn exported() -> std::collections::BTreeSet<&'static str> {
    let exports = EXPORTS.split("pub static MISSING").next().unwrap_or("");
    exports.lines().filter_map(|l| l.trim().strip_prefix("(\"")?.split('"').next()).collect()
}

/// Every function and data symbol of CPython 3.14's stable ABI is exported,
/// or marked missing for a reason that says why it cannot be (not that it
/// was not done). Items of the Windows-only, stack-check and reference
/// debug builds are not this build's ABI.
#[test]
fn every_stable_abi_symbol_is_exported_or_missing_with_a_reason() {
    let rows = rows();
    let exported = exported();
    let mut items = 0;
    let mut problems = Vec::new();
    for line in STABLE_ABI.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let (name, flags) = (f[0], f[3]);
        if ["ifdef=MS_WINDOWS", "ifdef=USE_STACKCHECK", "ifdef=Py_REF_DEBUG"].iter().any(|x| flags.split(',').any(|g| g == *x)) {
            continue;
        }
        items += 1;
        if exported.contains(name) {
            continue;
        }
        match rows.get(name) {
            None => problems.push(format!("{name}: not exported and has no row in cpyext/capi.decl")),
            Some(r) if r.status != "missing" => problems.push(format!("{name}: its row says {}, but it is not in the export list", r.status)),
            Some(r) if r.reason.is_empty() || r.reason == "not implemented yet" => {
                problems.push(format!("{name}: missing without a reason it cannot be provided (`{}`)", r.reason))
            }
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "{} stable ABI items:\n{}", problems.len(), problems.join("\n"));
    assert!(items > 800, "only {items} stable ABI items read: is the manifest there?");
    assert!(exported.len() > 1000, "only {} exports read: did exports.rs change form?", exported.len());
}

fn check_committed(committed: &str, generated: &str) {
    let path = root().join(committed);
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "{committed} is not what cpyext/capi.decl generates: run `CPYEXT_BLESS=1 cargo build` and commit it"
    );
}

#[test]
fn missing_h_is_generated_from_the_table() {
    check_committed("include/cpyext/missing.h", MISSING_H);
}

#[test]
fn capi_md_is_generated_from_the_table() {
    check_committed("docs/capi.md", CAPI_MD);
}

#[test]
fn normalize_ignores_spacing_only() {
    assert_eq!(normalize("PyObject * PyList_GetItem( PyObject *list , Py_ssize_t i)"), "PyObject*PyList_GetItem(PyObject*list,Py_ssize_t i)");
    assert_ne!(normalize("int f(const char *s)"), normalize("int f(char *s)"));
}

/// Types, fields and data marked unavailable in the headers (not rows of
/// the table) fail to compile when used, naming the reason.
#[test]
fn marked_declarations_are_compile_time_errors() {
    let cases = [
        ("PyObject *f(PyObject *o) { return _PyFunction_CAST(o)->func_code; }", "rustpy's functions live in the VM"),
        ("int f(void) { return (int)sizeof(PyCellObject); }", "rustpy's cells live in the VM"),
        ("void *f(PyObject *o) { return (void *)((PyMethodDescrObject *)o)->vectorcall; }", "rustpy keeps a descriptor's definition in the VM"),
        ("void *f(void) { return &PyCMethod_Type; }", "PyCMethod_Type is not provided by cpyext"),
        ("int f(void) { return PyType_AddWatcher(NULL); }", "PyType_AddWatcher is not provided by cpyext"),
    ];
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("capi_table");
    std::fs::create_dir_all(&dir).unwrap();
    for (i, (body, reason)) in cases.iter().enumerate() {
        let src = dir.join(format!("uses_marked_{i}.c"));
        std::fs::write(&src, format!("#include <Python.h>\n{body}\n")).unwrap();
        let out = Command::new(std::env::var("CC").unwrap_or_else(|_| "gcc".into()))
            .args(["-fsyntax-only", "-I"])
            .arg(root().join("include"))
            .arg(&src)
            .output()
            .expect("a C compiler");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{body} compiled");
        assert!(stderr.contains(reason), "{body}: {stderr}");
    }
}
