//! The header-name ratchet: `tests/header_names/missing-3.13.txt` lists every
//! public name CPython 3.13's headers define that our `include/` lacks, and
//! this test keeps the list exact.  It runs `scripts/header-names --json` and
//! fails when a name is missing that the list does not have (a regression:
//! include/ lost or never had it) or when the list has a name that is no
//! longer missing (the list is stale).  After adding names to include/, or to
//! accept a loss on purpose, rerun `scripts/header-names --write-baseline`.
//!
//! CPython 3.13's headers: the install prefix in CPYEXT_CPYTHON313_PREFIX,
//! else pyenv's 3.13.0 (this project's machine image has it).  With neither,
//! the test is skipped with a message.  `CC` picks the preprocessor (default
//! `gcc`), as for the c-tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Command;

const BASELINE: &str = "tests/header_names/missing-3.13.txt";

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// CPYEXT_CPYTHON313_PREFIX, else `pyenv prefix 3.13.0`.
fn cpython313_prefix() -> Option<String> {
    if let Ok(prefix) = std::env::var("CPYEXT_CPYTHON313_PREFIX") {
        return Some(prefix);
    }
    let out = Command::new("pyenv").args(["prefix", "3.13.0"]).output().ok()?;
    if !out.status.success() {
        return None;
    }
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The names in the baseline file: the first word of every line that is not
/// blank or a `#` comment.
fn baseline_names() -> BTreeSet<String> {
    let path = manifest_dir().join(BASELINE);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

#[test]
fn cpython313_names_missing_from_include_match_the_baseline() {
    let Some(prefix) = cpython313_prefix() else {
        eprintln!(
            "skipped: no CPython 3.13 headers (`pyenv prefix 3.13.0` failed and CPYEXT_CPYTHON313_PREFIX is not set)"
        );
        return;
    };
    let script = manifest_dir().join("scripts/header-names");
    let out = Command::new("python3")
        .arg(&script)
        .args(["--json", "--cpython", &prefix])
        .current_dir(manifest_dir())
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 {}: {e}", script.display()));
    assert!(
        out.status.success(),
        "scripts/header-names failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json::parse(&String::from_utf8_lossy(&out.stdout))
        .unwrap_or_else(|e| panic!("scripts/header-names printed invalid JSON: {e}"));

    let version = report.get("cpython_version").and_then(json::Value::as_str).unwrap_or("?");
    assert!(version.starts_with("3.13."), "{prefix} holds CPython {version}'s headers, not 3.13's");

    // name -> "header (kinds)", for every name include/ lacks.
    let mut missing = BTreeMap::new();
    for record in report.get("names").and_then(json::Value::as_array).expect("no \"names\" in the report") {
        let field = |key: &str| record.get(key).and_then(json::Value::as_str).unwrap_or("?");
        if field("status") == "missing" {
            let kinds: Vec<&str> = record
                .get("kinds")
                .and_then(json::Value::as_array)
                .map(|kinds| kinds.iter().filter_map(json::Value::as_str).collect())
                .unwrap_or_default();
            missing.insert(field("name").to_string(), format!("{} ({})", field("header"), kinds.join("+")));
        }
    }
    let baseline = baseline_names();

    let mut problems = String::new();
    let regressions: Vec<String> = missing
        .iter()
        .filter(|(name, _)| !baseline.contains(*name))
        .map(|(name, place)| format!("  {name}  {place}"))
        .collect();
    if !regressions.is_empty() {
        problems += &format!(
            "{} CPython 3.13 public names are missing from include/ but not listed in {BASELINE} \
             (define them again; only if the loss is intended, rerun `scripts/header-names --write-baseline`):\n{}\n",
            regressions.len(),
            regressions.join("\n")
        );
    }
    let stale: Vec<&str> = baseline.iter().filter(|name| !missing.contains_key(*name)).map(String::as_str).collect();
    if !stale.is_empty() {
        problems += &format!(
            "{} names listed in {BASELINE} are no longer missing from include/ (the list is stale: \
             rerun `scripts/header-names --write-baseline`):\n  {}\n",
            stale.len(),
            stale.join("\n  ")
        );
    }
    assert!(problems.is_empty(), "{problems}");
}

/// A minimal JSON reader for the tool's report (the tests use std only).
mod json {
    pub enum Value {
        /// null, true, false or a number: the report's checks need none of them.
        Scalar,
        String(String),
        Array(Vec<Value>),
        Object(Vec<(String, Value)>),
    }

    impl Value {
        pub fn get(&self, key: &str) -> Option<&Value> {
            match self {
                Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
                _ => None,
            }
        }

        pub fn as_str(&self) -> Option<&str> {
            match self {
                Value::String(s) => Some(s),
                _ => None,
            }
        }

        pub fn as_array(&self) -> Option<&[Value]> {
            match self {
                Value::Array(items) => Some(items),
                _ => None,
            }
        }
    }

    pub fn parse(text: &str) -> Result<Value, String> {
        let mut reader = Reader { bytes: text.as_bytes(), pos: 0 };
        let value = reader.value()?;
        reader.skip_whitespace();
        if reader.pos != reader.bytes.len() {
            return Err(format!("trailing text at byte {}", reader.pos));
        }
        Ok(value)
    }

    struct Reader<'a> {
        bytes: &'a [u8],
        pos: usize,
    }

    impl Reader<'_> {
        fn skip_whitespace(&mut self) {
            while self.bytes.get(self.pos).is_some_and(u8::is_ascii_whitespace) {
                self.pos += 1;
            }
        }

        /// Skips whitespace, then consumes `byte` if it is next.
        fn eat(&mut self, byte: u8) -> bool {
            self.skip_whitespace();
            let found = self.bytes.get(self.pos) == Some(&byte);
            if found {
                self.pos += 1;
            }
            found
        }

        fn expect(&mut self, byte: u8) -> Result<(), String> {
            if self.eat(byte) {
                Ok(())
            } else {
                Err(format!("expected '{}' at byte {}", byte as char, self.pos))
            }
        }

        fn value(&mut self) -> Result<Value, String> {
            self.skip_whitespace();
            match self.bytes.get(self.pos) {
                Some(b'{') => {
                    self.pos += 1;
                    let mut fields = Vec::new();
                    if self.eat(b'}') {
                        return Ok(Value::Object(fields));
                    }
                    loop {
                        self.skip_whitespace();
                        let key = self.string()?;
                        self.expect(b':')?;
                        fields.push((key, self.value()?));
                        if !self.eat(b',') {
                            self.expect(b'}')?;
                            return Ok(Value::Object(fields));
                        }
                    }
                }
                Some(b'[') => {
                    self.pos += 1;
                    let mut items = Vec::new();
                    if self.eat(b']') {
                        return Ok(Value::Array(items));
                    }
                    loop {
                        items.push(self.value()?);
                        if !self.eat(b',') {
                            self.expect(b']')?;
                            return Ok(Value::Array(items));
                        }
                    }
                }
                Some(b'"') => self.string().map(Value::String),
                Some(b't') => self.literal("true"),
                Some(b'f') => self.literal("false"),
                Some(b'n') => self.literal("null"),
                Some(_) => {
                    let start = self.pos;
                    while self.bytes.get(self.pos).is_some_and(|b| b"+-.0123456789eE".contains(b)) {
                        self.pos += 1;
                    }
                    let number = std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or("");
                    match number.parse::<f64>() {
                        Ok(_) => Ok(Value::Scalar),
                        Err(_) => Err(format!("bad value at byte {start}")),
                    }
                }
                None => Err("unexpected end of JSON".to_string()),
            }
        }

        fn literal(&mut self, word: &str) -> Result<Value, String> {
            if self.bytes[self.pos..].starts_with(word.as_bytes()) {
                self.pos += word.len();
                Ok(Value::Scalar)
            } else {
                Err(format!("bad literal at byte {}", self.pos))
            }
        }

        fn string(&mut self) -> Result<String, String> {
            if self.bytes.get(self.pos) != Some(&b'"') {
                return Err(format!("expected a string at byte {}", self.pos));
            }
            self.pos += 1;
            let mut out = Vec::new();
            loop {
                let byte = *self.bytes.get(self.pos).ok_or("unterminated string")?;
                self.pos += 1;
                match byte {
                    b'"' => return String::from_utf8(out).map_err(|e| e.to_string()),
                    b'\\' => {
                        let escape = *self.bytes.get(self.pos).ok_or("unterminated escape")?;
                        self.pos += 1;
                        let c = match escape {
                            b'n' => '\n',
                            b't' => '\t',
                            b'r' => '\r',
                            b'b' => '\u{8}',
                            b'f' => '\u{c}',
                            b'u' => self.unicode_escape()?,
                            other => other as char, // \" \\ \/
                        };
                        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                    }
                    _ => out.push(byte),
                }
            }
        }

        /// The character of a `\uXXXX` escape (its `\u` consumed), joining a
        /// surrogate pair into one character.
        fn unicode_escape(&mut self) -> Result<char, String> {
            let high = self.hex4()?;
            if (0xD800..0xDC00).contains(&high) && self.bytes[self.pos..].starts_with(b"\\u") {
                self.pos += 2;
                let low = self.hex4()?;
                let code = 0x10000 + ((high - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF);
                return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            Ok(char::from_u32(high).unwrap_or('\u{FFFD}'))
        }

        fn hex4(&mut self) -> Result<u32, String> {
            let digits = self.bytes.get(self.pos..self.pos + 4).ok_or("short \\u escape")?;
            self.pos += 4;
            let digits = std::str::from_utf8(digits).map_err(|e| e.to_string())?;
            u32::from_str_radix(digits, 16).map_err(|e| e.to_string())
        }
    }
}
