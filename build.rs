//! Compiles the C shims (`shims/`) against our own headers, and generates
//! from the declaration table (`cpyext/capi.decl`) everything that follows
//! from it, into `$OUT_DIR`:
//!
//! - `exports.rs`: every implemented symbol, referenced so the linker keeps
//!   it (and fails, naming it, if a row says implemented and nothing defines
//!   it), and listed for `_cpyext.exported_symbols()` and the loader's
//!   missing-symbol report;
//! - `decls.rs`: per Rust-implemented function, what its row says (module,
//!   arguments, result ownership), which `capi!` checks its signature
//!   against at compile time;
//! - `missing.h` and `capi.md`: the committed `include/cpyext/missing.h`
//!   and `docs/capi.md` as they must be (`tests/capi_table.rs` compares;
//!   `CPYEXT_BLESS=1 cargo build` writes them);
//! - `rows.tsv`: the rows (a missing one with its reason), for
//!   `tests/capi_table.rs`'s checks.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const TABLE: &str = "cpyext/capi.decl";

fn main() {
    println!("cargo:rerun-if-changed=shims");
    println!("cargo:rerun-if-changed=include");
    println!("cargo:rerun-if-changed={TABLE}");
    println!("cargo:rerun-if-env-changed=CPYEXT_BLESS");
    let text = std::fs::read_to_string(TABLE).unwrap();
    let rows = match parse(&text) {
        Ok(rows) => rows,
        Err(e) => panic!("{TABLE}: {e}"),
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    std::fs::write(out.join("exports.rs"), exports_rs(&rows)).unwrap();
    std::fs::write(out.join("decls.rs"), decls_rs(&rows)).unwrap();
    std::fs::write(out.join("rows.tsv"), rows_tsv(&rows)).unwrap();
    // Committed, because extensions compile against include/ and newcomers
    // read docs/: written to the tree only when asked, compared by a test.
    for (name, text, committed) in [("missing.h", missing_h(&rows), "include/cpyext/missing.h"), ("capi.md", capi_md(&rows), "docs/capi.md")] {
        std::fs::write(out.join(name), &text).unwrap();
        if std::env::var_os("CPYEXT_BLESS").is_some() && std::fs::read_to_string(committed).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(committed, &text).unwrap();
        }
    }

    let mut c_sources = files_with_ext(Path::new("shims"), "c");
    c_sources.sort();
    cc::Build::new()
        .files(&c_sources)
        .include("include")
        .flag("-std=gnu11")
        .warnings(true)
        .extra_warnings(true)
        .flag("-Werror")
        .compile("cpyext_shims");
    // Extensions resolve the C API against the interpreter binary: ELF
    // exports an executable's symbols only when asked; Mach-O always does.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("macos") {
        println!("cargo:rustc-link-arg-bins=-Wl,--export-dynamic");
    }
    // CPython's multiarch spelling of the target (x86_64-linux-gnu).
    println!("cargo:rustc-env=CPYEXT_MULTIARCH={}", std::env::var("TARGET").unwrap().replace("-unknown", ""));
    build_tree_prefix(&out);
}

/// The build tree is a prefix too (`cpyext/sysconfig.rs`): beside the
/// binary in `target/<profile>/`, the site-packages directory, the
/// headers (a link to `include/`) and the pkg-config file, so that `target/release/rustpy` and a
/// venv made from it install and build packages as an installed one does.
fn build_tree_prefix(out: &Path) {
    // OUT_DIR is target/<profile>/build/cpyext-<hash>/out.
    let Some(profile_dir) = out.ancestors().nth(3) else { return };
    let name = "rustpython3.14";
    std::fs::create_dir_all(profile_dir.join("lib").join(name).join("site-packages")).unwrap();
    let include = profile_dir.join("include");
    std::fs::create_dir_all(&include).unwrap();
    let link = include.join(name);
    let source = std::fs::canonicalize("include").unwrap();
    if std::fs::read_link(&link).ok().as_deref() != Some(source.as_path()) {
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(&source, &link).unwrap();
    }
    println!("cargo:rerun-if-changed=pkgconfig");
    let pkgconfig = profile_dir.join("lib").join("pkgconfig");
    std::fs::create_dir_all(&pkgconfig).unwrap();
    std::fs::copy("pkgconfig/python-3.14.pc", pkgconfig.join("python-3.14.pc")).unwrap();
}

fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_with_ext(&p, ext));
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
    out
}

#[derive(Clone, PartialEq)]
enum Status {
    /// Implemented in Rust, in this module (`listobject`, `abstract_::call`).
    Rust(String),
    /// Implemented in C, in `shims/<file>.c`.
    C(String),
    Missing(String),
}

#[path = "cpyext/ownership.rs"]
mod ownership;
use ownership::Own;

struct Arg {
    own: Own,
    /// As C writes it, without the ownership keyword.
    text: String,
}

struct Row {
    line: usize,
    header: String,
    name: String,
    status: Status,
    since: String,
    error: String,
    data: bool,
    abi_only: bool,
    result: Own,
    /// The return type (a data symbol's type).
    ret: String,
    args: Vec<Arg>,
}

impl Row {
    /// The C declaration, as include/ writes it (without the keywords).
    fn c_signature(&self) -> String {
        if self.data {
            return format!("{} {}", self.ret, self.name);
        }
        let args: Vec<&str> = self.args.iter().map(|a| a.text.as_str()).collect();
        let sep = if self.ret.ends_with('*') { "" } else { " " };
        let args = if args.is_empty() { "void".to_owned() } else { args.join(", ") };
        format!("{}{sep}{}({args})", self.ret, self.name)
    }

    fn implemented(&self) -> bool {
        !matches!(self.status, Status::Missing(_))
    }
}

/// Whether a C type is one object pointer (`PyObject *`, `PyTypeObject *`).
fn object_type(c_type: &str) -> bool {
    let t: String = c_type.split_whitespace().collect();
    let t = t.strip_prefix("const").unwrap_or(&t);
    t.starts_with("Py") && t.ends_with("Object*") && t.matches('*').count() == 1
}

/// Whether a parameter (`PyObject *o`, `PyTypeObject *`) is one object pointer.
fn is_object_param(param: &str) -> bool {
    let compact: String = param.split_whitespace().collect();
    object_type(compact.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_'))
}

fn split_top_level(s: &str) -> Vec<String> {
    let (mut out, mut cur, mut depth) = (Vec::new(), String::new(), 0);
    for ch in s.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(cur.trim().to_owned());
                cur.clear();
                continue;
            }
            _ => {}
        }
        cur.push(ch);
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_owned());
    }
    out
}

fn parse(text: &str) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    let mut header = None;
    let mut module = None;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let err = |what: &str| format!("line {line_no}: {what}: {t}");
        if let Some(section) = t.strip_prefix('[') {
            let section = section.strip_suffix(']').ok_or_else(|| err("unclosed section"))?;
            let mut parts = section.split_whitespace();
            header = parts.next().map(str::to_owned);
            module = parts.next().map(str::to_owned);
            continue;
        }
        let header = header.clone().ok_or_else(|| err("row before any section"))?;
        let (row, reason) = match t.split_once(" ! ") {
            Some((row, reason)) => (row, Some(reason.trim().to_owned())),
            None => (t, None),
        };
        let mut rest = row;
        let mut field = || {
            let (f, tail) = rest.trim_start().split_once(char::is_whitespace)?;
            rest = tail;
            Some(f)
        };
        let (Some(status), Some(since), Some(error)) = (field(), field(), field()) else {
            return Err(err("expected status, version, error value and signature"));
        };
        let mut sig = rest.trim();
        let mut flags = (false, false, Own::Plain);
        loop {
            if let Some(rest) = sig.strip_prefix("DATA ") {
                flags.0 = true;
                sig = rest;
            } else if let Some(rest) = sig.strip_prefix("ABI_ONLY ") {
                flags.1 = true;
                sig = rest;
            } else if let Some(rest) = sig.strip_prefix("NEW ") {
                flags.2 = Own::New;
                sig = rest;
            } else if let Some(rest) = sig.strip_prefix("BORROWED ") {
                flags.2 = Own::BorrowedResult;
                sig = rest;
            } else {
                break;
            }
        }
        let (data, abi_only, result) = flags;
        let status = match (status, reason) {
            ("missing", Some(reason)) => Status::Missing(reason),
            ("missing", None) => return Err(err("a missing row needs `! reason`")),
            (_, Some(_)) => return Err(err("only a missing row has a reason")),
            ("rust", None) => Status::Rust(module.clone().ok_or_else(|| err("`rust` in a section without a module"))?),
            (s, None) => match (s.strip_prefix("rust:"), s.strip_prefix("c:")) {
                (Some(m), _) => Status::Rust(m.to_owned()),
                (_, Some(f)) => Status::C(f.to_owned()),
                _ => return Err(err("unknown status")),
            },
        };
        let (ret, name, args) = if data {
            let (ty, name) = sig.rsplit_once(' ').ok_or_else(|| err("expected `DATA type name`"))?;
            // An array's brackets belong to the declarator, not the symbol.
            (ty.trim().to_owned(), name.trim_end_matches("[]").to_owned(), Vec::new())
        } else {
            let open = sig.find('(').ok_or_else(|| err("expected a signature"))?;
            let args = sig[open + 1..].strip_suffix(')').ok_or_else(|| err("signature must end with `)`"))?;
            let head = sig[..open].trim_end();
            let split = head.rfind(|c: char| c == ' ' || c == '*').ok_or_else(|| err("no return type"))?;
            let (ret, name) = (head[..=split].trim().to_owned(), head[split + 1..].to_owned());
            let mut parsed = Vec::new();
            for a in split_top_level(args) {
                if a == "void" {
                    continue;
                }
                let (own, text) = if let Some(rest) = a.strip_prefix("STOLEN_ON_SUCCESS ") {
                    (Own::StolenOnSuccess, rest)
                } else if let Some(rest) = a.strip_prefix("STOLEN ") {
                    (Own::Stolen, rest)
                } else if is_object_param(&a) {
                    (Own::Borrowed, a.as_str())
                } else {
                    (Own::Plain, a.as_str())
                };
                parsed.push(Arg { own, text: text.to_owned() });
            }
            (ret, name, parsed)
        };
        let returns_object = !data && object_type(&ret);
        if returns_object != (result != Own::Plain) {
            return Err(err("a function returning an object says NEW or BORROWED, and only such a function"));
        }
        if !matches!(error, "NULL" | "-1" | "-2" | "-1.0" | "0" | "none" | "-") {
            return Err(err("error value must be NULL, -1, -2, -1.0, 0, none or -"));
        }
        rows.push(Row { line: line_no, header, name, status, since: since.to_owned(), error: error.to_owned(), data, abi_only, result, ret, args });
    }
    let mut seen = BTreeMap::new();
    for r in &rows {
        if let Some(first) = seen.insert(r.name.clone(), r.line) {
            return Err(format!("line {}: {} already has a row at line {first}", r.line, r.name));
        }
    }
    Ok(rows)
}

fn exports_rs(rows: &[Row]) -> String {
    let functions: Vec<&Row> = rows.iter().filter(|r| r.implemented() && !r.data).collect();
    let data: Vec<&Row> = rows.iter().filter(|r| r.implemented() && r.data).collect();
    let mut out = String::from("// Generated by build.rs from cpyext/capi.decl.\n#[allow(improper_ctypes, dead_code, non_upper_case_globals, clashing_extern_declarations)]\nunsafe extern \"C\" {\n");
    for f in &functions {
        writeln!(out, "    fn {}();", f.name).unwrap();
    }
    for d in &data {
        writeln!(out, "    static {}: u8;", d.name).unwrap();
    }
    out.push_str("}\n\n/// Every exported function: name and address.\npub static EXPORTS: &[(&str, unsafe extern \"C\" fn())] = &[\n");
    for f in &functions {
        writeln!(out, "    (\"{0}\", {0}),", f.name).unwrap();
    }
    write!(out, "];\n\n/// Every exported data symbol: name and address.\npub fn data_exports() -> [(&'static str, *const u8); {}] {{\n    [\n", data.len()).unwrap();
    for d in &data {
        writeln!(out, "        (\"{0}\", &raw const {0}),", d.name).unwrap();
    }
    out.push_str("    ]\n}\n\n/// Every symbol the table lists as missing, with its reason.\npub static MISSING: &[(&str, &str)] = &[\n");
    for r in rows {
        if let Status::Missing(reason) = &r.status {
            writeln!(out, "    ({:?}, {:?}),", r.name, reason).unwrap();
        }
    }
    out.push_str("];\n");
    out
}

fn decls_rs(rows: &[Row]) -> String {
    let mut out = String::from(
        "// Generated by build.rs from cpyext/capi.decl: what each row says, for capi!'s check.\nuse crate::boundary::{Decl, Own::*};\n\n",
    );
    for r in rows {
        let Status::Rust(module) = &r.status else { continue };
        if r.data {
            continue;
        }
        let args: Vec<String> = r.args.iter().map(|a| format!("{:?}", a.own)).collect();
        writeln!(
            out,
            "#[allow(non_upper_case_globals)]\npub const {}: Decl = Decl {{ module: \"cpyext::{module}\", args: &[{}], result: {} }};",
            r.name,
            args.join(", "),
            format!("{:?}", r.result)
        )
        .unwrap();
    }
    out
}

fn c_string(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn missing_h(rows: &[Row]) -> String {
    let mut out = String::from(
        "/* Generated from cpyext/capi.decl by build.rs; do not edit (tests/capi_table.rs\n \
         * checks it, CPYEXT_BLESS=1 cargo build rewrites it).\n *\n \
         * Every function include/ declares that cpyext does not provide yet,\n \
         * declared again so that a call to it fails at compile time with the\n \
         * reason, instead of at import. */\n\
         #ifndef Py_CPYEXT_MISSING_H\n#define Py_CPYEXT_MISSING_H\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n",
    );
    for r in rows {
        let Status::Missing(reason) = &r.status else { continue };
        let message = c_string(&format!("{} is not provided by cpyext: {reason} (see docs/capi.md)", r.name));
        if r.data {
            writeln!(out, "Py_CPYEXT_MISSING(\"{message}\")\nPyAPI_DATA({}) {};", r.ret, r.name).unwrap();
        } else {
            let args: Vec<&str> = r.args.iter().map(|a| a.text.as_str()).collect();
            let args = if args.is_empty() { "void".to_owned() } else { args.join(", ") };
            // A name the headers also define as a macro is the macro to C
            // (an object-like alias would rename this declaration).
            writeln!(out, "#ifndef {0}\nPy_CPYEXT_MISSING(\"{message}\")\nPyAPI_FUNC({1}) {0}({args});\n#endif", r.name, r.ret).unwrap();
        }
    }
    out.push_str("\n#ifdef __cplusplus\n}\n#endif\n#endif /* !Py_CPYEXT_MISSING_H */\n");
    out
}

fn capi_md(rows: &[Row]) -> String {
    let count = |f: &dyn Fn(&Row) -> bool| rows.iter().filter(|r| f(r)).count();
    let functions = count(&|r| !r.data);
    let rust = count(&|r| !r.data && matches!(r.status, Status::Rust(_)));
    let c = count(&|r| !r.data && matches!(r.status, Status::C(_)));
    let missing = count(&|r| !r.data && !r.implemented());
    let data = count(&|r| r.data);
    let data_missing = count(&|r| r.data && !r.implemented());
    let mut out = String::new();
    writeln!(out, "# The C-API of cpyext\n").unwrap();
    writeln!(
        out,
        "Generated from `cpyext/capi.decl` by `build.rs`; do not edit (`tests/capi_table.rs` checks it, \
         `CPYEXT_BLESS=1 cargo build` rewrites it). Every function and data symbol \
         `include/` declares, by header, with what cpyext does with it.\n"
    )
    .unwrap();
    writeln!(
        out,
        "{functions} functions: {} implemented ({rust} in Rust, {c} in C), {missing} missing (a call is a compile-time error naming the reason).  \n\
         {data} data symbols: {} implemented, {data_missing} missing.\n",
        rust + c,
        data - data_missing
    )
    .unwrap();
    writeln!(
        out,
        "Ownership: a `NEW` result is a new reference, `BORROWED` is borrowed; a `STOLEN` argument's \
         reference is taken over on every path, `STOLEN_ON_SUCCESS` only when the call succeeds; other \
         object arguments are borrowed. *Error* is what C sees on failure (`none`: cannot fail). \
         *Since* is the CPython version that added it.\n"
    )
    .unwrap();
    let mut headers: Vec<&str> = rows.iter().map(|r| r.header.as_str()).collect();
    headers.dedup();
    for h in headers {
        let here: Vec<&Row> = rows.iter().filter(|r| r.header == h).collect();
        let done = here.iter().filter(|r| r.implemented()).count();
        writeln!(out, "## {h}\n\n{done} of {} implemented.\n\n| symbol | since | error | where |\n| --- | --- | --- | --- |", here.len()).unwrap();
        for r in here {
            let mut sig = String::new();
            if r.data {
                sig.push_str("DATA ");
            }
            if r.abi_only {
                sig.push_str("ABI_ONLY ");
            }
            match r.result {
                Own::New => sig.push_str("NEW "),
                Own::BorrowedResult => sig.push_str("BORROWED "),
                _ => {}
            }
            if r.data {
                sig.push_str(&r.c_signature());
            } else {
                let args: Vec<String> = r
                    .args
                    .iter()
                    .map(|a| match a.own {
                        Own::Stolen => format!("STOLEN {}", a.text),
                        Own::StolenOnSuccess => format!("STOLEN_ON_SUCCESS {}", a.text),
                        _ => a.text.clone(),
                    })
                    .collect();
                let sep = if r.ret.ends_with('*') { "" } else { " " };
                write!(sig, "{}{sep}{}({})", r.ret, r.name, if args.is_empty() { "void".to_owned() } else { args.join(", ") }).unwrap();
            }
            let place = match &r.status {
                Status::Rust(m) => format!("`cpyext/{}.rs`", m.replace("::", "/")),
                Status::C(f) => format!("`shims/{f}.c`"),
                Status::Missing(reason) => format!("missing: {reason}"),
            };
            let error = if r.data { "" } else { r.error.as_str() };
            writeln!(out, "| `{}` | {} | {} | {} |", sig.replace('|', "\\|"), r.since, error, place).unwrap();
        }
        out.push('\n');
    }
    out
}

fn rows_tsv(rows: &[Row]) -> String {
    let mut out = String::new();
    for r in rows {
        let (status, reason) = match &r.status {
            Status::Rust(m) => (format!("rust:{m}"), ""),
            Status::C(f) => (format!("c:{f}"), ""),
            Status::Missing(reason) => ("missing".to_owned(), reason.as_str()),
        };
        let kind = if r.abi_only { "abi_only" } else if r.data { "data" } else { "function" };
        writeln!(out, "{}\t{}\t{}\t{}\t{}\t{reason}", r.name, r.header, kind, status, r.c_signature()).unwrap();
    }
    out
}
