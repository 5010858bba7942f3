//! The generated export list (what `_cpyext.exported_symbols()` reports and
//! the missing-symbol report will use) must be exactly what the binary
//! exports dynamically: a symbol missing from either side is a bug.

use std::collections::BTreeSet;
use std::process::Command;

#[test]
fn export_list_matches_dynamic_symbol_table() {
    let exe = env!("CARGO_BIN_EXE_rustpy");
    let listed = Command::new(exe)
        .args(["-c", "import _cpyext; print('\\n'.join(_cpyext.exported_symbols()))"])
        .output()
        .expect("run rustpy");
    assert!(listed.status.success(), "{}", String::from_utf8_lossy(&listed.stderr));
    let listed: BTreeSet<String> = String::from_utf8_lossy(&listed.stdout).lines().map(str::to_owned).collect();

    let nm = Command::new("nm").args(["-D", "--defined-only", exe]).output().expect("nm (binutils) is needed");
    assert!(nm.status.success());
    let dynamic: BTreeSet<String> = String::from_utf8_lossy(&nm.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().nth(2))
        .filter(|name| name.starts_with("Py") || name.starts_with("_Py") || name.starts_with("PY_"))
        .map(str::to_owned)
        .collect();

    let not_exported: Vec<_> = listed.difference(&dynamic).collect();
    let not_listed: Vec<_> = dynamic.difference(&listed).collect();
    assert!(
        not_exported.is_empty() && not_listed.is_empty(),
        "listed but not exported: {not_exported:?}\nexported but not listed: {not_listed:?}"
    );
    assert!(listed.len() > 300, "only {} symbols", listed.len());
}
