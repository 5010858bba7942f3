//! Struct layouts: the headers in `include/` are the source of truth, and this
//! test proves that the Rust side agrees with them field for field.
//!
//! 1. `tests/layout/print_layout.c` is compiled against `include/` with the C
//!    compiler (`cc`, or `$CC`) and run; it prints the size, alignment and
//!    every member's offset and size of each public struct.
//! 2. Every struct that `cpyext::ffi` defines is checked against those numbers
//!    (size, alignment, the offset of every field).
//! 3. The same numbers are checked against `pyo3-ffi` configured for CPython
//!    3.14 (`tests/layout/pyo3-config-3.14.txt`, set as `PYO3_CONFIG_FILE` in
//!    `.cargo/config.toml`), an independent description of CPython's real
//!    layouts; pyo3-ffi is used only for `size_of`/`offset_of!` and never
//!    linked against a libpython.  Where pyo3-ffi has no layout (it keeps
//!    `PyLongObject` opaque) the numbers CPython 3.14 documents are used.
//!
//! Every mismatch is listed in the failure message, not just the first.
//! `cargo test --test layout -- --nocapture` prints the full table.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::mem::{align_of, offset_of, size_of};
use std::path::{Path, PathBuf};
use std::process::Command;

use cpyext::ffi;

// ---------------------------------------------------------------------------
// The C side

struct CField {
    name: String,
    offset: usize,
    size: usize,
}

struct CStruct {
    size: usize,
    align: usize,
    fields: Vec<CField>,
}

impl CStruct {
    fn field(&self, name: &str) -> Option<&CField> {
        self.fields.iter().find(|f| f.name == name)
    }
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compiles and runs `tests/layout/print_layout.c`; its output, parsed, in
/// the order it printed the structs.
fn c_layouts() -> Vec<(String, CStruct)> {
    let dir = manifest_dir();
    let src = dir.join("tests/layout/print_layout.c");
    let include = dir.join("include");
    let exe = Path::new(env!("CARGO_TARGET_TMPDIR")).join("print_layout");

    let cc = std::env::var("CC").ok().filter(|s| !s.trim().is_empty());
    let cc = cc.as_deref().unwrap_or("cc");
    let mut words = cc.split_whitespace();
    let program = words.next().unwrap();
    let output = Command::new(program)
        .args(words)
        .args(["-std=gnu11", "-Wall", "-Wextra", "-Werror", "-I"])
        .arg(&include)
        .arg(&src)
        .arg("-o")
        .arg(&exe)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "the layout test needs a C compiler to read the layouts of include/, \
                 and running `{cc}` failed: {e}\n\
                 Install one (Debian: apt-get install gcc) or point CC at it."
            )
        });
    assert!(
        output.status.success(),
        "`{cc}` could not compile {} against {} ({}):\n{}{}",
        src.display(),
        include.display(),
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
    );

    let output = Command::new(&exe)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", exe.display()));
    assert!(
        output.status.success(),
        "{} failed ({}):\n{}",
        exe.display(),
        output.status,
        String::from_utf8_lossy(&output.stderr),
    );
    let text = String::from_utf8(output.stdout).expect("print_layout printed non-UTF-8 output");

    let mut structs: Vec<(String, CStruct)> = Vec::new();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let num = |s: &str| -> usize {
            s.parse()
                .unwrap_or_else(|_| panic!("print_layout: bad number in {line:?}"))
        };
        match words.as_slice() {
            ["struct", name, size, align] => {
                assert!(
                    structs.iter().all(|(n, _)| n != name),
                    "print_layout: struct {name} printed twice"
                );
                structs.push((
                    name.to_string(),
                    CStruct {
                        size: num(size),
                        align: num(align),
                        fields: Vec::new(),
                    },
                ));
            }
            ["field", name, field, offset, size] => {
                let (last, s) = structs
                    .last_mut()
                    .unwrap_or_else(|| panic!("print_layout: field before any struct: {line:?}"));
                assert_eq!(last, name, "print_layout: {line:?} is not under its struct");
                assert!(
                    s.field(field).is_none(),
                    "print_layout: {name}.{field} printed twice"
                );
                s.fields.push(CField {
                    name: field.to_string(),
                    offset: num(offset),
                    size: num(size),
                });
            }
            _ => panic!("print_layout: unexpected line {line:?}"),
        }
    }
    assert!(!structs.is_empty(), "print_layout printed no struct");
    structs
}

/// Problems with the C listing itself: a member that print_layout.c forgot
/// leaves a hole, and padding is always shorter than the struct's alignment.
fn c_listing_problems(name: &str, s: &CStruct) -> Vec<String> {
    let mut problems = Vec::new();
    let mut covered = vec![false; s.size];
    for f in &s.fields {
        if f.offset + f.size > s.size {
            problems.push(format!(
                "{name}.{}: offset {} + size {} runs past sizeof {}",
                f.name, f.offset, f.size, s.size
            ));
            continue;
        }
        covered[f.offset..f.offset + f.size]
            .iter_mut()
            .for_each(|b| *b = true);
    }
    let mut i = 0;
    while i < s.size {
        if covered[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < s.size && !covered[i] {
            i += 1;
        }
        if i - start >= s.align {
            problems.push(format!(
                "{name}: bytes {start}..{i} belong to no listed member (alignment {}); \
                 tests/layout/print_layout.c must list every member",
                s.align
            ));
        }
    }
    problems
}

// ---------------------------------------------------------------------------
// The Rust side

/// One Rust description of one C struct, keyed by the C names.
struct RustLayout {
    /// The C struct it describes.
    c_name: &'static str,
    rust_name: &'static str,
    size: usize,
    align: usize,
    /// (C member path, Rust offset).
    fields: Vec<(&'static str, usize)>,
    /// C members this description deliberately leaves out (an anonymous
    /// union's other view, or private fields it cannot name).
    absent: Vec<&'static str>,
    /// Only the size and alignment are known (the fields are private).
    opaque: bool,
}

/// Describes a `#[repr(C)]` Rust struct as the C struct `$c`:
///
/// ```ignore
/// layout!(path::Type as "CName" {
///     field, rust_field as "c_field", ...          // every field, exhaustively
/// } nested { "c.path" => rust.path, ... }         // optional: paths into members
///   absent { "c_field", ... })                    // optional: C members left out
/// layout!(path::Type as "CName" opaque)           // size and alignment only
/// layout!(path::Type as "CName" partial { field, ... } absent { "c_field", ... })
///                                                 // a foreign struct with private fields
/// ```
///
/// The field list is checked to be exhaustive at compile time (a destructuring
/// pattern without `..`), so a field added to the Rust struct cannot go
/// unchecked.
macro_rules! layout {
    ($T:path as $c:literal opaque) => {
        RustLayout {
            c_name: $c,
            rust_name: stringify!($T),
            size: size_of::<$T>(),
            align: align_of::<$T>(),
            fields: Vec::new(),
            absent: Vec::new(),
            opaque: true,
        }
    };
    ($T:path as $c:literal partial { $($f:ident),+ $(,)? } absent { $($ab:literal),+ $(,)? }) => {
        RustLayout {
            c_name: $c,
            rust_name: stringify!($T),
            size: size_of::<$T>(),
            align: align_of::<$T>(),
            fields: vec![$( (stringify!($f), offset_of!($T, $f)), )+],
            absent: vec![$($ab),+],
            opaque: false,
        }
    };
    ($T:path as $c:literal {
        $($f:ident $(as $cf:literal)?),+ $(,)?
    }
    $(nested { $($nc:literal => $($np:ident).+),+ $(,)? })?
    $(absent { $($ab:literal),+ $(,)? })?
    ) => {{
        #[allow(dead_code, deprecated)]
        fn exhaustive(v: &$T) {
            let $T { $($f: _),+ } = v;
        }
        #[allow(deprecated)]
        let fields = vec![
            $( (layout!(@c_name $f $($cf)?), offset_of!($T, $f)), )+
            $($( ($nc, offset_of!($T, $($np).+)), )+)?
        ];
        RustLayout {
            c_name: $c,
            rust_name: stringify!($T),
            size: size_of::<$T>(),
            align: align_of::<$T>(),
            fields,
            absent: vec![$($($ab),+)?],
            opaque: false,
        }
    }};
    (@c_name $f:ident) => { stringify!($f) };
    (@c_name $f:ident $cf:literal) => { $cf };
}

/// `cpyext::ffi`: our own Rust views of the C structs.
fn ffi_layouts() -> Vec<RustLayout> {
    vec![
        layout!(ffi::PyObject as "PyObject" {
            ob_refcnt, ob_overflow, ob_flags, ob_type,
        } absent {
            // The whole first word, in C a union with the three fields above.
            "ob_refcnt_full",
        }),
        layout!(ffi::PyVarObject as "PyVarObject" { ob_base, ob_size }),
        layout!(ffi::PyTypeObject as "PyTypeObject" {
            ob_base, tp_name, tp_basicsize, tp_itemsize, tp_dealloc,
            tp_vectorcall_offset, tp_getattr, tp_setattr, tp_as_async, tp_repr,
            tp_as_number, tp_as_sequence, tp_as_mapping, tp_hash, tp_call, tp_str,
            tp_getattro, tp_setattro, tp_as_buffer, tp_flags, tp_doc, tp_traverse,
            tp_clear, tp_richcompare, tp_weaklistoffset, tp_iter, tp_iternext,
            tp_methods, tp_members, tp_getset, tp_base, tp_dict, tp_descr_get,
            tp_descr_set, tp_dictoffset, tp_init, tp_alloc, tp_new, tp_free,
            tp_is_gc, tp_bases, tp_mro, tp_cache, tp_subclasses, tp_weaklist,
            tp_del, tp_version_tag, tp_finalize, tp_vectorcall, tp_watched,
            tp_versions_used,
        }),
        layout!(ffi::PyMethodDef as "PyMethodDef" { ml_name, ml_meth, ml_flags, ml_doc }),
        layout!(ffi::PyNumberMethods as "PyNumberMethods" {
            nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod, nb_power,
            nb_negative, nb_positive, nb_absolute, nb_bool, nb_invert, nb_lshift,
            nb_rshift, nb_and, nb_xor, nb_or, nb_int, nb_reserved, nb_float,
            nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply,
            nb_inplace_remainder, nb_inplace_power, nb_inplace_lshift,
            nb_inplace_rshift, nb_inplace_and, nb_inplace_xor, nb_inplace_or,
            nb_floor_divide, nb_true_divide, nb_inplace_floor_divide,
            nb_inplace_true_divide, nb_index, nb_matrix_multiply,
            nb_inplace_matrix_multiply,
        }),
        layout!(ffi::PySequenceMethods as "PySequenceMethods" {
            sq_length, sq_concat, sq_repeat, sq_item, was_sq_slice, sq_ass_item,
            was_sq_ass_slice, sq_contains, sq_inplace_concat, sq_inplace_repeat,
        }),
        layout!(ffi::PyMappingMethods as "PyMappingMethods" {
            mp_length, mp_subscript, mp_ass_subscript,
        }),
        layout!(ffi::PyAsyncMethods as "PyAsyncMethods" { am_await, am_aiter, am_anext, am_send }),
        layout!(ffi::PyBufferProcs as "PyBufferProcs" { bf_getbuffer, bf_releasebuffer }),
        layout!(ffi::Py_buffer as "Py_buffer" {
            buf, obj, len, itemsize, readonly, ndim, format, shape, strides,
            suboffsets, internal,
        }),
        layout!(ffi::PyListObject as "PyListObject" { ob_base, ob_item, allocated }),
        layout!(ffi::PySliceObject as "PySliceObject" { ob_base, start, stop, step }),
        layout!(ffi::PyDictObject as "PyDictObject" { ob_base, ma_used, _ma_watcher_tag, ma_keys, ma_values }),
        layout!(ffi::PyByteArrayObject as "PyByteArrayObject" { ob_base, ob_alloc, ob_bytes, ob_start, ob_exports }),
        layout!(ffi::PyCFunctionObject as "PyCFunctionObject" {
            ob_base, m_ml, m_self, m_module, m_weakreflist, vectorcall,
        }),
        layout!(ffi::PyCMethodObject as "PyCMethodObject" { func, mm_class }),
        layout!(ffi::PyDescrObject as "PyDescrObject" { ob_base, d_type, d_name, d_qualname }),
        layout!(ffi::PyMethodObject as "PyMethodObject" { ob_base, im_func, im_self, im_weakreflist, vectorcall }),
        layout!(ffi::wrapperbase as "wrapperbase" { name, offset, function, wrapper, doc, flags, name_strobj }),
        layout!(ffi::SpecializationCache as "_specialization_cache" { getitem, getitem_version, init }),
        layout!(ffi::Py_complex as "Py_complex" { real, imag }),
        layout!(ffi::PyHeapTypeObject as "PyHeapTypeObject" {
            ht_type, as_async, as_number, as_mapping, as_sequence, as_buffer, ht_name,
            ht_slots, ht_qualname, ht_cached_keys, ht_module, _ht_tpname, ht_token, _spec_cache,
        }),
        layout!(ffi::PyType_Slot as "PyType_Slot" { slot, pfunc }),
        layout!(ffi::PyType_Spec as "PyType_Spec" { name, basicsize, itemsize, flags, slots }),
        layout!(ffi::PyMemberDef as "PyMemberDef" {
            name, type_code as "type", offset, flags, doc,
        }),
        layout!(ffi::PyGetSetDef as "PyGetSetDef" { name, get, set, doc, closure }),
        layout!(ffi::PyModuleDef_Base as "PyModuleDef_Base" { ob_base, m_init, m_index, m_copy }),
        layout!(ffi::PyModuleDef_Slot as "PyModuleDef_Slot" { slot, value }),
        layout!(ffi::PyModuleDef as "PyModuleDef" {
            m_base, m_name, m_doc, m_size, m_methods, m_slots, m_traverse, m_clear, m_free,
        }),
        layout!(ffi::PyTupleObject as "PyTupleObject" { ob_base, ob_hash, ob_item }),
        layout!(ffi::PyFloatObject as "PyFloatObject" { ob_base, ob_fval }),
        layout!(ffi::PyBytesObject as "PyBytesObject" { ob_base, ob_shash, ob_sval }),
        layout!(ffi::PyLongValue as "_PyLongValue" { lv_tag, ob_digit }),
        layout!(ffi::PyASCIIObject as "PyASCIIObject" { ob_base, length, hash, state }),
        layout!(ffi::PyCompactUnicodeObject as "PyCompactUnicodeObject" { _base, utf8_length, utf8 }),
        layout!(ffi::PyUnicodeObject as "PyUnicodeObject" { _base, data }),
        layout!(ffi::PyLongObject as "PyLongObject" {
            ob_base, long_value,
        } nested {
            "long_value.lv_tag" => long_value.lv_tag,
            "long_value.ob_digit" => long_value.ob_digit,
        }),
        layout!(ffi::PyDateTime_Delta as "PyDateTime_Delta" { ob_base, hashcode, days, seconds, microseconds }),
        layout!(ffi::PyDateTime_Date as "PyDateTime_Date" { ob_base, hashcode, hastzinfo, data }),
        layout!(ffi::PyDateTime_Time as "PyDateTime_Time" { ob_base, hashcode, hastzinfo, data, fold, tzinfo }),
        layout!(ffi::PyDateTime_DateTime as "PyDateTime_DateTime" { ob_base, hashcode, hastzinfo, data, fold, tzinfo }),
        layout!(ffi::PyDateTime_CAPI as "PyDateTime_CAPI" {
            DateType, DateTimeType, TimeType, DeltaType, TZInfoType, TimeZone_UTC,
            Date_FromDate, DateTime_FromDateAndTime, Time_FromTime, Delta_FromDelta,
            TimeZone_FromTimeZone, DateTime_FromTimestamp, Date_FromTimestamp,
            DateTime_FromDateAndTimeAndFold, Time_FromTimeAndFold,
        }),
    ]
}

/// The file that configures pyo3-ffi, through `PYO3_CONFIG_FILE` in
/// `.cargo/config.toml` (which cargo applies when run inside the repository).
const PYO3_CONFIG: &str = "tests/layout/pyo3-config-3.14.txt";

const _: () = assert!(
    option_env!("PYO3_CONFIG_FILE").is_some(),
    "PYO3_CONFIG_FILE is not set, so pyo3-ffi describes whichever Python it found, \
     not CPython 3.14: run cargo inside the repository, where .cargo/config.toml sets it"
);

/// pyo3-ffi built for CPython 3.14 (GIL build, 64-bit): CPython's layouts.
fn pyo3_layouts() -> Vec<RustLayout> {
    use pyo3_ffi as p;
    vec![
        // pyo3 names CPython's anonymous union `ob_refcnt` and its anonymous
        // struct `refcnt_and_flags`.
        layout!(p::PyObject as "PyObject" {
            ob_refcnt as "ob_refcnt_full", ob_type,
        } nested {
            "ob_refcnt" => ob_refcnt.refcnt_and_flags.ob_refcnt,
            "ob_overflow" => ob_refcnt.refcnt_and_flags.ob_overflow,
            "ob_flags" => ob_refcnt.refcnt_and_flags.ob_flags,
        }),
        layout!(p::PyVarObject as "PyVarObject" { ob_base, ob_size }),
        layout!(p::PyTypeObject as "PyTypeObject" {
            ob_base, tp_name, tp_basicsize, tp_itemsize, tp_dealloc,
            tp_vectorcall_offset, tp_getattr, tp_setattr, tp_as_async, tp_repr,
            tp_as_number, tp_as_sequence, tp_as_mapping, tp_hash, tp_call, tp_str,
            tp_getattro, tp_setattro, tp_as_buffer, tp_flags, tp_doc, tp_traverse,
            tp_clear, tp_richcompare, tp_weaklistoffset, tp_iter, tp_iternext,
            tp_methods, tp_members, tp_getset, tp_base, tp_dict, tp_descr_get,
            tp_descr_set, tp_dictoffset, tp_init, tp_alloc, tp_new, tp_free,
            tp_is_gc, tp_bases, tp_mro, tp_cache, tp_subclasses, tp_weaklist,
            tp_del, tp_version_tag, tp_finalize, tp_vectorcall, tp_watched,
            tp_versions_used,
        }),
        layout!(p::PyNumberMethods as "PyNumberMethods" {
            nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod, nb_power,
            nb_negative, nb_positive, nb_absolute, nb_bool, nb_invert, nb_lshift,
            nb_rshift, nb_and, nb_xor, nb_or, nb_int, nb_reserved, nb_float,
            nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply,
            nb_inplace_remainder, nb_inplace_power, nb_inplace_lshift,
            nb_inplace_rshift, nb_inplace_and, nb_inplace_xor, nb_inplace_or,
            nb_floor_divide, nb_true_divide, nb_inplace_floor_divide,
            nb_inplace_true_divide, nb_index, nb_matrix_multiply,
            nb_inplace_matrix_multiply,
        }),
        layout!(p::PySequenceMethods as "PySequenceMethods" {
            sq_length, sq_concat, sq_repeat, sq_item, was_sq_slice, sq_ass_item,
            was_sq_ass_slice, sq_contains, sq_inplace_concat, sq_inplace_repeat,
        }),
        layout!(p::PyMappingMethods as "PyMappingMethods" {
            mp_length, mp_subscript, mp_ass_subscript,
        }),
        layout!(p::PyAsyncMethods as "PyAsyncMethods" { am_await, am_aiter, am_anext, am_send }),
        // pyo3-ffi keeps the two runtime-private members private.
        layout!(p::PyHeapTypeObject as "PyHeapTypeObject" partial {
            ht_type, as_async, as_number, as_mapping, as_sequence, as_buffer, ht_name,
            ht_slots, ht_qualname, ht_cached_keys, ht_module, ht_token,
        } absent { "_ht_tpname", "_spec_cache" }),
        layout!(p::PyBufferProcs as "PyBufferProcs" { bf_getbuffer, bf_releasebuffer }),
        layout!(p::PyType_Slot as "PyType_Slot" { slot, pfunc }),
        layout!(p::PyType_Spec as "PyType_Spec" { name, basicsize, itemsize, flags, slots }),
        layout!(p::PyMethodDef as "PyMethodDef" { ml_name, ml_meth, ml_flags, ml_doc }),
        layout!(p::PyMemberDef as "PyMemberDef" {
            name, type_code as "type", offset, flags, doc,
        }),
        layout!(p::PyGetSetDef as "PyGetSetDef" { name, get, set, doc, closure }),
        layout!(p::PyModuleDef_Base as "PyModuleDef_Base" { ob_base, m_init, m_index, m_copy }),
        layout!(p::PyModuleDef_Slot as "PyModuleDef_Slot" { slot, value }),
        layout!(p::PyModuleDef as "PyModuleDef" {
            m_base, m_name, m_doc, m_size, m_methods, m_slots, m_traverse, m_clear, m_free,
        }),
        layout!(p::PyCFunctionObject as "PyCFunctionObject" {
            ob_base, m_ml, m_self, m_module, m_weakreflist, vectorcall,
        }),
        layout!(p::PyCMethodObject as "PyCMethodObject" { func, mm_class }),
        layout!(p::Py_buffer as "Py_buffer" {
            buf, obj, len, itemsize, readonly, ndim, format, shape, strides,
            suboffsets, internal,
        }),
        layout!(p::PyTupleObject as "PyTupleObject" { ob_base, ob_hash, ob_item }),
        layout!(p::PyListObject as "PyListObject" { ob_base, ob_item, allocated }),
        layout!(p::PyFloatObject as "PyFloatObject" { ob_base, ob_fval }),
        layout!(p::PyBytesObject as "PyBytesObject" { ob_base, ob_shash, ob_sval }),
        layout!(p::Py_complex as "Py_complex" { real, imag }),
        layout!(p::PyComplexObject as "PyComplexObject" { ob_base, cval }),
        layout!(p::PyASCIIObject as "PyASCIIObject" { ob_base, length, hash, state }),
        layout!(p::PyCompactUnicodeObject as "PyCompactUnicodeObject" {
            _base, utf8_length, utf8,
        }),
        layout!(p::PyUnicodeObject as "PyUnicodeObject" { _base, data }),
        layout!(p::PySliceObject as "PySliceObject" { ob_base, start, stop, step }),
        layout!(p::PyCompilerFlags as "PyCompilerFlags" { cf_flags, cf_feature_version }),
        layout!(p::PyDateTime_Delta as "PyDateTime_Delta" { ob_base, hashcode, days, seconds, microseconds }),
        layout!(p::PyDateTime_TZInfo as "PyDateTime_TZInfo" { ob_base }),
        layout!(p::_PyDateTime_BaseTime as "_PyDateTime_BaseTime" { ob_base, hashcode, hastzinfo, data }),
        layout!(p::PyDateTime_Time as "PyDateTime_Time" { ob_base, hashcode, hastzinfo, data, fold, tzinfo }),
        layout!(p::PyDateTime_Date as "PyDateTime_Date" { ob_base, hashcode, hastzinfo, data }),
        layout!(p::_PyDateTime_BaseDateTime as "_PyDateTime_BaseDateTime" { ob_base, hashcode, hastzinfo, data }),
        layout!(p::PyDateTime_DateTime as "PyDateTime_DateTime" { ob_base, hashcode, hastzinfo, data, fold, tzinfo }),
        layout!(p::PyDateTime_CAPI as "PyDateTime_CAPI" {
            DateType, DateTimeType, TimeType, DeltaType, TZInfoType, TimeZone_UTC,
            Date_FromDate, DateTime_FromDateAndTime, Time_FromTime, Delta_FromDelta,
            TimeZone_FromTimeZone, DateTime_FromTimestamp, Date_FromTimestamp,
            DateTime_FromDateAndTimeAndFold, Time_FromTimeAndFold,
        }),
        layout!(p::Py_tss_t as "Py_tss_t" opaque),
        layout!(p::PyMutex as "PyMutex" opaque),
    ]
}

/// What CPython 3.14 documents where pyo3-ffi has no layout: `PyLongObject`
/// (opaque in pyo3-ffi; `Include/cpython/longintrepr.h`, 64-bit, 30-bit
/// digits) and `_PyDateTime_BaseTZInfo` (which pyo3-ffi skips;
/// `Include/datetime.h`: `_PyTZINFO_HEAD` alone).
fn documented_layouts() -> Vec<RustLayout> {
    vec![
        RustLayout {
            c_name: "_PyDateTime_BaseTZInfo",
            rust_name: "CPython 3.14 _PyDateTime_BaseTZInfo",
            size: 32,
            align: 8,
            fields: vec![("ob_base", 0), ("hashcode", 16), ("hastzinfo", 24)],
            absent: Vec::new(),
            opaque: false,
        },
        RustLayout {
            c_name: "_PyLongValue",
            rust_name: "CPython 3.14 _PyLongValue",
            size: 16,
            align: 8,
            fields: vec![("lv_tag", 0), ("ob_digit", 8)],
            absent: Vec::new(),
            opaque: false,
        },
        RustLayout {
            c_name: "PyLongObject",
            rust_name: "CPython 3.14 PyLongObject",
            size: 32,
            align: 8,
            fields: vec![
                ("ob_base", 0),
                ("long_value", 16),
                ("long_value.lv_tag", 16),
                ("long_value.ob_digit", 24),
            ],
            absent: Vec::new(),
            opaque: false,
        },
    ]
}

/// Every `pub struct` that `cpyext/ffi.rs` declares, read from its source, so
/// that a struct added there cannot go unchecked.
fn ffi_rs_structs() -> BTreeSet<String> {
    let path = manifest_dir().join("cpyext/ffi.rs");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("pub struct "))
        .map(|rest| {
            rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

// ---------------------------------------------------------------------------
// The comparison

const SOURCES: [&str; 3] = ["Rust", "pyo3", "CPython docs"];

/// One number as C has it and as each source has it.
#[derive(Default)]
struct Row {
    c: Option<usize>,
    /// Per source: None when the source does not describe the struct;
    /// Some(None) when it describes the struct but not this member.
    by: [Option<Option<usize>>; 3],
}

impl Row {
    fn agrees(&self) -> bool {
        self.by.iter().flatten().all(|v| *v == self.c)
    }
}

fn show(v: Option<usize>) -> String {
    v.map_or_else(|| "missing".to_string(), |v| v.to_string())
}

#[test]
fn struct_layouts_match_the_headers() {
    let c = c_layouts();
    let c_by_name: BTreeMap<&str, &CStruct> = c.iter().map(|(n, s)| (n.as_str(), s)).collect();
    let sources = [ffi_layouts(), pyo3_layouts(), documented_layouts()];

    let mut problems: Vec<String> = Vec::new();
    for (name, s) in &c {
        problems.extend(c_listing_problems(name, s));
    }

    // pyo3-ffi was configured by our file (PYO3_CONFIG_FILE is absolute:
    // `relative = true` in .cargo/config.toml).
    let pyo3_config = option_env!("PYO3_CONFIG_FILE").unwrap_or_default();
    if Path::new(pyo3_config) != manifest_dir().join(PYO3_CONFIG) {
        problems.push(format!(
            "pyo3-ffi was configured by PYO3_CONFIG_FILE={pyo3_config}, not by {PYO3_CONFIG}"
        ));
    }

    // Every struct ffi.rs declares is described above.
    let described: BTreeSet<&str> = sources[0].iter().map(|l| l.rust_name).collect();
    for name in ffi_rs_structs() {
        if !described.contains(format!("ffi::{name}").as_str()) {
            problems.push(format!(
                "cpyext::ffi::{name} is not checked: add it to ffi_layouts() in tests/layout.rs"
            ));
        }
    }

    // (struct, member) -> Row; members "sizeof" and "alignof" for the struct.
    let mut rows: BTreeMap<(String, String), Row> = BTreeMap::new();
    for (name, s) in &c {
        let mut set = |member: &str, v: usize| {
            rows.entry((name.clone(), member.to_string()))
                .or_default()
                .c = Some(v);
        };
        set("sizeof", s.size);
        set("alignof", s.align);
        for f in &s.fields {
            set(&f.name, f.offset);
        }
    }
    let mut compared = [0usize; 3];
    for (i, layouts) in sources.iter().enumerate() {
        let mut seen = BTreeSet::new();
        for l in layouts {
            assert!(
                seen.insert(l.c_name),
                "{} described twice by {}",
                l.c_name,
                SOURCES[i]
            );
            let Some(cs) = c_by_name.get(l.c_name) else {
                problems.push(format!(
                    "{}: described by {} ({}) but not printed by tests/layout/print_layout.c",
                    l.c_name, SOURCES[i], l.rust_name
                ));
                continue;
            };
            let key = |m: &str| (l.c_name.to_string(), m.to_string());
            let mut put = |m: &str, v: Option<usize>| {
                rows.entry(key(m)).or_default().by[i] = Some(v);
                compared[i] += 1;
            };
            put("sizeof", Some(l.size));
            put("alignof", Some(l.align));
            for (m, off) in &l.fields {
                put(m, Some(*off));
            }
            if !l.opaque {
                for f in &cs.fields {
                    let named = l.fields.iter().any(|(m, _)| *m == f.name);
                    if !named && !l.absent.contains(&f.name.as_str()) {
                        put(&f.name, None);
                    }
                }
            }
            for a in &l.absent {
                if cs.field(a).is_none() {
                    problems.push(format!(
                        "{}.{a}: listed as absent but C has no such member",
                        l.c_name
                    ));
                }
            }
        }
    }

    // Every C struct is checked against at least one Rust description.
    for (name, _) in &c {
        if !sources.iter().flatten().any(|l| l.c_name == name) {
            problems.push(format!(
                "{name}: printed by print_layout.c but checked against nothing"
            ));
        }
    }

    let mut table = String::new();
    let mut mismatches = Vec::new();
    writeln!(
        table,
        "{:<48} {:>6} {:>6} {:>6} {:>12}",
        "member", "C", SOURCES[0], SOURCES[1], SOURCES[2]
    )
    .unwrap();
    for ((s, m), row) in &rows {
        let cell = |v: Option<Option<usize>>| v.map_or_else(|| "-".to_string(), show);
        writeln!(
            table,
            "{:<48} {:>6} {:>6} {:>6} {:>12}{}",
            format!("{s}.{m}"),
            row.c.map_or_else(|| "-".to_string(), |v| v.to_string()),
            cell(row.by[0]),
            cell(row.by[1]),
            cell(row.by[2]),
            if row.agrees() { "" } else { "   <-- MISMATCH" },
        )
        .unwrap();
        if !row.agrees() {
            let mut msg = format!(
                "{s}.{m}: C={}",
                row.c
                    .map_or_else(|| "missing".to_string(), |v| v.to_string())
            );
            for (i, v) in row.by.iter().enumerate() {
                if let Some(v) = v {
                    write!(msg, ", {}={}", SOURCES[i], show(*v)).unwrap();
                }
            }
            mismatches.push(msg);
        }
    }
    let total: usize = compared.iter().sum();
    let c_fields: usize = c.iter().map(|(_, s)| s.fields.len()).sum();
    println!("{table}");
    println!(
        "{} C structs, {} members; {} numbers compared with C (cpyext::ffi: {}, pyo3-ffi: {}, CPython docs: {}); {} mismatches",
        c.len(),
        c_fields,
        total,
        compared[0],
        compared[1],
        compared[2],
        mismatches.len()
    );

    problems.extend(mismatches);
    assert!(
        problems.is_empty(),
        "{} layout problem(s) (Rust = cpyext::ffi, pyo3 = pyo3-ffi for CPython 3.14):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}
