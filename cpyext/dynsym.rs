//! Lists the undefined dynamic symbols of an ELF shared object without loading it.
//!
//! The extension loader calls this before dlopen() so that its ImportError can name
//! every C-API symbol the interpreter lacks; dlopen() itself stops at the first one.
//! Only ELF64 little-endian (x86_64 and aarch64 Linux) is supported.

use std::collections::HashSet;
use std::io::{self, ErrorKind::InvalidData};
use std::{fmt, path::Path};

/// Why bytes could not be read as an ELF64 little-endian object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotElf(pub &'static str);

impl fmt::Display for NotElf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unreadable ELF object: {}", self.0)
    }
}

impl std::error::Error for NotElf {}

const OUT_OF_BOUNDS: NotElf = NotElf("offset or size out of bounds (truncated file?)");
const SHT_DYNSYM: u64 = 11;
const SYM_SIZE: u64 = 24;
const STB_GLOBAL: u8 = 1;

/// The names of the symbols an ELF shared object needs from elsewhere: undefined,
/// STB_GLOBAL (weak ones may stay unresolved, so they are skipped), named entries of
/// its `.dynsym`, deduplicated, in table order. Malformed files give `InvalidData`;
/// files without section headers or `.dynsym` give an empty list.
pub fn undefined_symbols(path: &Path) -> io::Result<Vec<String>> {
    let data = std::fs::read(path)?;
    undefined_symbols_in(&data)
        .map_err(|e| io::Error::new(InvalidData, format!("{}: {e}", path.display())))
}

/// Same as [`undefined_symbols`], from the file's bytes.
pub fn undefined_symbols_in(data: &[u8]) -> Result<Vec<String>, NotElf> {
    ensure(data.get(..4) == Some(b"\x7fELF".as_slice()), "no ELF magic")?;
    ensure(data.len() >= 64, "truncated ELF header")?;
    ensure(data[4] == 2, "only ELFCLASS64 is supported")?;
    ensure(data[5] == 1, "only little-endian ELF is supported")?;
    // Without section headers (sstrip'd files) or `.dynsym` (static executables) there is
    // nothing to report; the loader's dlopen() still names the first missing symbol.
    let Some(table) = dynsym(data)? else {
        return Ok(Vec::new());
    };
    collect(&table)
}

struct SymTable<'a> {
    syms: &'a [u8],
    entsize: u64,
    strtab: &'a [u8],
}

fn ensure(ok: bool, why: &'static str) -> Result<(), NotElf> {
    if ok { Ok(()) } else { Err(NotElf(why)) }
}

/// Little-endian unsigned integer of `n` (at most 8) bytes at `off`, bounds-checked.
fn le(data: &[u8], off: u64, n: usize) -> Result<u64, NotElf> {
    let mut word = [0; 8];
    word[..n].copy_from_slice(bytes(data, off, n as u64)?);
    Ok(u64::from_le_bytes(word))
}

fn bytes(data: &[u8], off: u64, len: u64) -> Result<&[u8], NotElf> {
    let start = usize::try_from(off).map_err(|_| OUT_OF_BOUNDS)?;
    let len = usize::try_from(len).map_err(|_| OUT_OF_BOUNDS)?;
    let end = start.checked_add(len).ok_or(OUT_OF_BOUNDS)?;
    data.get(start..end).ok_or(OUT_OF_BOUNDS)
}

/// `base + index * size`, erroring instead of overflowing on hostile values.
fn at(base: u64, index: u64, size: u64) -> Result<u64, NotElf> {
    let offset = index.checked_mul(size).and_then(|o| o.checked_add(base));
    offset.ok_or(OUT_OF_BOUNDS)
}

/// Section header `i`.
fn section(data: &[u8], shoff: u64, shentsize: u64, i: u64) -> Result<&[u8], NotElf> {
    ensure(shentsize >= 64, "section header entry size too small")?;
    bytes(data, at(shoff, i, shentsize)?, 64)
}

/// `.dynsym` and its string table, found via the section headers.
fn dynsym(data: &[u8]) -> Result<Option<SymTable<'_>>, NotElf> {
    let (shoff, shentsize, shnum) = (le(data, 0x28, 8)?, le(data, 0x3a, 2)?, le(data, 0x3c, 2)?);
    if shoff == 0 || shnum == 0 {
        return Ok(None);
    }
    for i in 0..shnum {
        let sh = section(data, shoff, shentsize, i)?;
        if le(sh, 4, 4)? != SHT_DYNSYM {
            continue;
        }
        let link = le(sh, 0x28, 4)?;
        ensure(link < shnum, ".dynsym links to a nonexistent string table")?;
        let strsh = section(data, shoff, shentsize, link)?;
        return Ok(Some(SymTable {
            syms: bytes(data, le(sh, 0x18, 8)?, le(sh, 0x20, 8)?)?,
            entsize: le(sh, 0x38, 8)?,
            strtab: bytes(data, le(strsh, 0x18, 8)?, le(strsh, 0x20, 8)?)?,
        }));
    }
    Ok(None)
}

fn collect(table: &SymTable<'_>) -> Result<Vec<String>, NotElf> {
    // An entry size of 0 (unset) means the standard one.
    ensure(
        matches!(table.entsize, 0 | SYM_SIZE..),
        "symbol entry size too small",
    )?;
    let entsize = usize::try_from(table.entsize.max(SYM_SIZE)).map_err(|_| OUT_OF_BOUNDS)?;
    let (mut seen, mut names) = (HashSet::new(), Vec::new());
    // Index 0 is the reserved null symbol.
    for sym in table.syms.chunks_exact(entsize).skip(1) {
        let (name_off, binding, shndx) = (le(sym, 0, 4)?, sym[4] >> 4, le(sym, 6, 2)?);
        if shndx != 0 || binding != STB_GLOBAL || name_off == 0 {
            continue;
        }
        let name = c_str(table.strtab, name_off).ok_or(NotElf("bad symbol name offset"))?;
        if !name.is_empty() && seen.insert(name) {
            names.push(String::from_utf8_lossy(name).into_owned());
        }
    }
    Ok(names)
}

/// The NUL-terminated string at `off`; `None` if it leaves the table.
fn c_str(strtab: &[u8], off: u64) -> Option<&[u8]> {
    let tail = strtab.get(usize::try_from(off).ok()?..)?;
    Some(&tail[..tail.iter().position(|&b| b == 0)?])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;

    const SRC: &str = "extern int PyFoo_A(void); extern int PyFoo_B(void);
        extern int PyWeak_C(void) __attribute__((weak));
        int defined_here(void) { return PyFoo_A() + PyFoo_B() + (PyWeak_C ? PyWeak_C() : 0); }\n";

    /// Compiles SRC into `m.so` in a fresh directory (removed by `remove`).
    fn build_so(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("dynsym_test_{}_{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (c, so) = (dir.join("m.c"), dir.join("m.so"));
        std::fs::write(&c, SRC).unwrap();
        let status = Command::new("gcc")
            .args(["-shared", "-fPIC", "-o"])
            .arg(&so)
            .arg(&c)
            .status();
        assert!(status.expect("gcc runs").success(), "gcc failed");
        so
    }

    fn remove(so: &Path) {
        let _ = std::fs::remove_dir_all(so.parent().unwrap());
    }

    fn so_bytes(name: &str) -> Vec<u8> {
        let so = build_so(name);
        let data = std::fs::read(&so).unwrap();
        remove(&so);
        data
    }

    fn check_names(names: &[String]) {
        let count = |name: &str| names.iter().filter(|n| *n == name).count();
        assert_eq!([count("PyFoo_A"), count("PyFoo_B")], [1, 1], "{names:?}");
        assert_eq!(count("PyWeak_C") + count("defined_here"), 0, "{names:?}");
    }

    #[test]
    fn reports_strong_undefined_only() {
        let so = build_so("basic");
        check_names(&undefined_symbols(&so).unwrap());
        remove(&so);
    }

    #[test]
    fn no_section_headers_gives_empty() {
        let mut data = so_bytes("noshdr");
        data[0x28..0x30].fill(0); // e_shoff
        data[0x3c..0x3e].fill(0); // e_shnum
        assert_eq!(undefined_symbols_in(&data), Ok(Vec::new()));
    }

    #[test]
    fn malformed_input_errors_without_panicking() {
        assert!(undefined_symbols_in(b"").is_err());
        let script = undefined_symbols_in(b"#!/bin/sh\necho hi\n");
        assert_eq!(script, Err(NotElf("no ELF magic")));
        let data = so_bytes("malformed");
        // A prefix may still hold everything needed; then it must give the full answer.
        let full = undefined_symbols_in(&data).unwrap();
        let shoff = u64::from_le_bytes(data[0x28..0x30].try_into().unwrap()) as usize;
        for len in (0..data.len()).step_by(7) {
            if let Ok(names) = undefined_symbols_in(&data[..len]) {
                assert!(len > shoff && names == full, "prefix {len}");
            }
        }
        for (index, value, complaint) in [(4, 1, "ELFCLASS64"), (5, 2, "little-endian")] {
            let mut other = data.clone();
            other[index] = value;
            let err = undefined_symbols_in(&other).unwrap_err().to_string();
            assert!(err.contains(complaint), "{err}");
        }
        // Random bytes, with and without a valid-looking prefix, and random corruption.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            seed >> 24
        };
        for _ in 0..300 {
            let mut noise: Vec<u8> = (0..next() % 512).map(|_| next() as u8).collect();
            let _ = undefined_symbols_in(&noise);
            noise.splice(..noise.len().min(6), *b"\x7fELF\x02\x01");
            let _ = undefined_symbols_in(&noise);
            let mut corrupt = data.clone();
            for _ in 0..8 {
                corrupt[(next() % data.len() as u64) as usize] = next() as u8;
            }
            let _ = undefined_symbols_in(&corrupt);
        }
    }

    #[test]
    fn io_errors_for_missing_and_non_elf_files() {
        let missing = undefined_symbols(Path::new("/nonexistent/dynsym_test.so")).unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        let so = build_so("nonelf");
        let source = undefined_symbols(&so.with_file_name("m.c")).unwrap_err();
        assert_eq!(source.kind(), InvalidData, "{source}");
        remove(&so);
    }

    #[test]
    fn current_executable_parses() {
        undefined_symbols(&std::env::current_exe().unwrap()).unwrap();
    }
}
