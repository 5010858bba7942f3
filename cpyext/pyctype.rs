//! Locale-independent ASCII character classes (`pyctype.h`): CPython's
//! tables, read by the `Py_ISALPHA`/`Py_TOLOWER`/... macros.

const LOWER: u32 = 0x01;
const UPPER: u32 = 0x02;
const DIGIT: u32 = 0x04;
const SPACE: u32 = 0x08;
const XDIGIT: u32 = 0x10;

/// `PY_CTF_*` bits of each byte; bytes above 127 have none.
#[unsafe(no_mangle)]
pub static _Py_ctype_table: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_lowercase() { LOWER } else { 0 }
            | if b.is_ascii_uppercase() { UPPER } else { 0 }
            | if b.is_ascii_digit() { DIGIT } else { 0 }
            // CPython's space: \t \n \v \f \r and ' '.
            | if matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') { SPACE } else { 0 }
            | if b.is_ascii_hexdigit() { XDIGIT } else { 0 };
        c += 1;
    }
    t
};

#[unsafe(no_mangle)]
pub static _Py_ctype_tolower: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).to_ascii_lowercase();
        c += 1;
    }
    t
};

#[unsafe(no_mangle)]
pub static _Py_ctype_toupper: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = (c as u8).to_ascii_uppercase();
        c += 1;
    }
    t
};
