"""Check for capi_objects4: ordered dicts, the builtin iterator types,
pickle buffers, _Py_c_*, _PyUnicodeWriter, the deprecated str codec
functions, surrogates, and the private slice, bytes, int and dict helpers.

CPython's rules checked here: PyODict_SetItem/DelItem keep the order (a
deleted and re-added key goes last; a new value keeps its place) and
DelItem of a missing key is KeyError; the PyODict_* read macros are the
dict functions; PyPickleBuffer_GetBuffer gives the export's buffer until
PyPickleBuffer_Release, then ValueError, and TypeError "expected
PickleBuffer, X found" for anything else; _Py_c_quot by zero and _Py_c_pow
of zero to a negative or complex power set errno EDOM, _Py_c_abs sets
ERANGE on overflow and returns inf for an infinite part even beside a NaN;
the private writer builds the str of every kind, also through Prepare and
direct PyUnicode_WRITE, and a character beyond U+10FFFF is SystemError;
PyUnicode_As{En,De}coded{Object,Unicode} warn DeprecationWarning (after
refusing a non-str with TypeError "bad argument type for built-in
operation") and the Unicode forms refuse a non-str result; PySlice_GetIndices
returns -1 without an exception for a non-int part or an out-of-range
result, storing the parts it read; _PySlice_GetLongIndices clamps with
Python ints and does not check the length's sign; _PyLong_New digits make
the int C fills; _PyDict_Pop without a default is KeyError."""

import collections
import errno
import pickle
import sys
import warnings

import harness
from harness import raises, raises_exact

import capi_objects4 as c

AT_LEAST_312 = sys.implementation.name != "cpython" or sys.version_info >= (3, 12)
AT_LEAST_313 = sys.implementation.name != "cpython" or sys.version_info >= (3, 13)


def test_odict_order():
    od, log = c.odict_steps([
        ("set", "a", 1), ("set", "b", 2), ("set", "c", 3),
        ("del", "b"), ("set", "b", 4), ("set", "a", 5), ("del", "zz"),
    ])
    assert type(od) is collections.OrderedDict
    assert list(od.items()) == [("a", 5), ("c", 3), ("b", 4)]
    assert log[:6] == [0] * 6
    assert type(log[6]) is KeyError and log[6].args == ("zz",)
    od.move_to_end("a")
    assert list(od) == ["c", "b", "a"]


def test_odict_reads():
    od = collections.OrderedDict(a=1, b=2)
    assert c.odict_reads(od, "a", "b") == (1, 1, 2, 2, 1, 1, 2)
    assert c.odict_reads(od, "q", "q") == (1, 1, 2, 2, None, 0, None)

    class Sub(collections.OrderedDict):
        pass

    assert c.odict_reads(Sub(x=1), "x", "x")[:2] == (1, 0)


def test_odict_types():
    od = collections.OrderedDict(a=1)
    assert c.odict_types() == (collections.OrderedDict, type(iter(od)), type(od.keys()), type(od.items()), type(od.values()))


def test_builtin_types():
    assert c.builtin_types() == (filter, map, zip)


def test_pickle_buffer():
    pb = c.picklebuf_new(b"abc")
    assert type(pb) is pickle.PickleBuffer
    assert c.picklebuf_view(pb) == (1, b"abc", 3, 1, 1, 1)
    ba = bytearray(b"xyzw")
    assert c.picklebuf_view(c.picklebuf_new(ba))[1:4] == (b"xyzw", 4, 0)
    assert c.picklebuf_check(pb) is True and c.picklebuf_check(b"abc") is False
    c.picklebuf_release(pb)
    raises_exact(ValueError, c.picklebuf_view, pb, match="operation forbidden on released PickleBuffer object")
    raises_exact(TypeError, c.picklebuf_view, b"x", match="expected PickleBuffer, bytes found")
    raises_exact(TypeError, c.picklebuf_release, 5, match="expected PickleBuffer, int found")
    raises_exact(TypeError, c.picklebuf_new, 5)


def test_complex_arithmetic():
    assert c.c_arith("sum", 1 + 2j, 3 - 1j) == (4 + 1j, 0)
    assert c.c_arith("diff", 1 + 2j, 3 - 1j) == (-2 + 3j, 0)
    assert c.c_arith("neg", 1 + 2j) == (-1 - 2j, 0)
    assert c.c_arith("prod", 1 + 2j, 3 - 1j) == (5 + 5j, 0)
    assert c.c_arith("quot", 1 + 2j, 3 - 1j) == (complex(0.1, 0.7000000000000001), 0)
    # Smith's method keeps a tiny divisor in range.
    assert c.c_arith("quot", 1 + 2j, 1e-300j) == (complex(1.9999999999999998e300, -9.999999999999999e299), 0)
    # A complex exponent rounds differently from 3.14 on: see the 3.14 test.
    assert c.c_arith("pow", 4 + 0j, 0.5 + 0j) == (2 + 0j, 0)
    assert c.c_arith("pow", 1 + 2j, 2 + 0j) == (complex(-3, 4.000000000000002), 0)
    assert c.c_arith("pow", 0j, 0j) == (1 + 0j, 0)
    assert c.c_arith("pow", 0j, 2 + 0j) == (0j, 0)


def test_complex_arithmetic_314():
    if sys.implementation.name == "cpython" and sys.version_info < (3, 14):
        return  # 3.14 recovers infinities in products and quotients
    # The values CPython 3.14 gives (C11 Annex G recovery; its pow rounding).
    inf, nan = float("inf"), float("nan")
    r, e = c.c_arith("prod", complex(inf, nan), 2 + 0j)
    assert r.real == inf and r.imag != r.imag and e == 0
    r, _ = c.c_arith("prod", complex(1e308, 1e308), 10 + 10j)
    assert r.real != r.real and r.imag == inf
    assert c.c_arith("prod", complex(inf, 0), 1 + 1j) == (complex(inf, inf), 0)
    r, _ = c.c_arith("quot", complex(inf, nan), 2 + 0j)
    assert r.real == inf and r.imag != r.imag
    assert c.c_arith("pow", 1 - 2j, 1 + 1j) == (complex(6.458655497394438, -2.0151038748556833), 0)
    assert c.c_arith("pow", -2 + 0j, 1 + 1j) == (complex(-0.06648365401771332, -0.05522404073666603), 0)


def test_complex_errno():
    assert c.c_arith("quot", 1 + 2j, 0j) == (0j, errno.EDOM)
    assert c.c_arith("pow", 0j, -1 + 0j) == (0j, errno.EDOM)
    assert c.c_arith("pow", 0j, 1j) == (0j, errno.EDOM)
    assert c.c_arith("abs", 3 + 4j) == (5.0, 0)
    assert c.c_arith("abs", 1.5e308 + 1.5e308j) == (float("inf"), errno.ERANGE)
    assert c.c_arith("abs", complex(float("inf"), float("nan"))) == (float("inf"), 0)
    v, e = c.c_arith("abs", complex(float("nan"), 1))
    assert v != v
    inf = float("inf")
    assert c.c_arith("quot", complex(inf, 1), 1 + 1j) == (complex(inf, -inf), 0)
    assert c.c_arith("quot", 1 + 1j, complex(inf, 1)) == (0j, 0)


def test_private_writer_kinds():
    assert c.writer_run([]) == ""
    assert c.writer_run([("ascii", b"hello")]) == "hello"
    assert c.writer_run([("ascii_nul", b"hi\0there")]) == "hi"
    assert c.writer_run([("latin1", b"caf\xe9")]) == "caf\xe9"
    assert c.writer_run([("ascii", b"a"), ("char", 0x20AC), ("char", 0x1F600), ("char", 0xFF)]) == "a\u20ac\U0001F600\xff"
    assert c.writer_run([("str", "abc"), ("str", "\u0101\u4e2d"), ("str", ""), ("str", "\U0001F600z")]) == "abc\u0101\u4e2d\U0001F600z"
    assert c.writer_run([("sub", "hello world", 6, 11), ("sub", "x\u4e2dy", 1, 2), ("sub", "abc", 1, 1)]) == "world\u4e2d"


def test_private_writer_prepare():
    # Prepare, then PyUnicode_WRITE into the buffer, as Cython does.
    assert c.writer_run([("raw", [104, 105]), ("raw", [0x4E2D, 0x1F600]), ("raw", [33])]) == "hi\u4e2d\U0001F600!"
    assert c.writer_run([("ascii", b"ab"), ("kind", 2), ("raw", [0x4E2D])]) == "ab\u4e2d"
    assert c.writer_run([("ascii", b"ab"), ("kind", 4), ("raw", [0x1F600])]) == "ab\U0001F600"
    s = c.writer_run([("overallocate",), ("ascii", b"x" * 100), ("char", 0x10FFFF)])
    assert s == "x" * 100 + "\U0010ffff" and len(s) == 101
    assert c.writer_run([("min_length", 50), ("char", 0x41)]) == "A"
    assert c.writer_run([("ascii", b"ab"), ("kind", 2), ("str", "\u4e2d"), ("kind", 1)]) == "ab\u4e2d"


def test_private_writer_errors():
    e = c.writer_run([("ascii", b"ab"), ("char", 0x110000)])
    assert type(e) is SystemError and str(e) == "invalid maximum character passed to PyUnicode_New"
    assert c.writer_dealloc("abc\u4e2d") == "x"


def test_str_codecs():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        assert c.str_codec("encoded_object", "abc", "utf-8") == b"abc"
        assert c.str_codec("encoded_object", "abc", None) == b"abc"
        assert c.str_codec("encoded_object", "\xe9", "ascii", "replace") == b"?"
        assert c.str_codec("encoded_unicode", "abc", "rot13") == "nop"
        assert c.str_codec("decoded_object", "abc", "rot13") == "nop"
        assert c.str_codec("decoded_unicode", "abc", "rot13") == "nop"
        raises_exact(TypeError, c.str_codec, "encoded_unicode", "abc", "utf-8",
                     match="'utf-8' encoder returned 'bytes' instead of 'str'; use codecs.encode() to encode to arbitrary types")
        raises_exact(UnicodeEncodeError, c.str_codec, "encoded_object", "\xe9", "ascii")
        raises_exact(LookupError, c.str_codec, "encoded_object", "abc", "no-such-codec")
        n = len(w)
        raises_exact(TypeError, c.str_codec, "decoded_object", b"abc", "utf-8", match="bad argument type for built-in operation")
        assert len(w) == n  # refused before the warning
    messages = [str(x.message) for x in w]
    assert all(x.category is DeprecationWarning for x in w) and len(w) == 9
    # 3.14 (our ABI) adds when they go.
    when = " and will be removed in 3.15" if sys.implementation.name != "cpython" or sys.version_info >= (3, 14) else ""
    assert messages[0] == ("PyUnicode_AsEncodedObject() is deprecated%s; use PyUnicode_AsEncodedString() "
                           "to encode from str to bytes or PyCodec_Encode() for generic encoding" % when)
    assert messages[3] == "PyUnicode_AsEncodedUnicode() is deprecated%s; use PyCodec_Encode() to encode from str to str" % when
    assert messages[4] == "PyUnicode_AsDecodedObject() is deprecated%s; use PyCodec_Decode() to decode from str" % when
    assert messages[5] == "PyUnicode_AsDecodedUnicode() is deprecated%s; use PyCodec_Decode() to decode from str to str" % when
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        raises_exact(DeprecationWarning, c.str_codec, "encoded_object", "abc", "utf-8")


def test_surrogates():
    hi, lo = (int.from_bytes("\U0001F600".encode("utf-16-be")[i:i + 2], "big") for i in (0, 2))
    assert c.surrogates(0x1F600) == (hi, lo, 1, 1, 0x1F600)
    assert c.surrogates(0x10FFFF) == (0xDBFF, 0xDFFF, 1, 1, 0x10FFFF)
    assert c.surrogates(0x10000) == (0xD800, 0xDC00, 1, 1, 0x10000)
    assert c.surrogates(0xD800) == (1, 1, 0)
    assert c.surrogates(0xDBFF) == (1, 1, 0)
    assert c.surrogates(0xDC00) == (1, 0, 1)
    assert c.surrogates(0xDFFF) == (1, 0, 1)
    assert c.surrogates(0xE000) == (0, 0, 0) and c.surrogates(0x41) == (0, 0, 0)


def test_from_id():
    name, same = c.from_id()
    assert name == "capi_objects4_name" and same == 1


def test_fs_converters():
    import os
    import pathlib

    CLEANUP = 0x20000  # Py_CLEANUP_SUPPORTED
    assert c.fs_convert("c", "abc") == (CLEANUP, b"abc")
    assert c.fs_convert("c", b"x/y") == (CLEANUP, b"x/y")
    assert c.fs_convert("c", pathlib.PurePosixPath("/tmp/p")) == (CLEANUP, b"/tmp/p")
    assert c.fs_convert("c", "\xe9") == (CLEANUP, os.fsencode("\xe9"))
    raises_exact(ValueError, c.fs_convert, "c", "a\0b", match="embedded null byte")
    raises_exact(TypeError, c.fs_convert, "c", 5)
    assert c.fs_convert("d", "abc") == (CLEANUP, "abc")
    assert c.fs_convert("d", b"abc") == (CLEANUP, "abc")
    assert c.fs_convert("d", pathlib.PurePosixPath("q")) == (CLEANUP, "q")
    raises_exact(ValueError, c.fs_convert, "d", "a\0b", match="embedded null character")
    raises_exact(TypeError, c.fs_convert, "d", 5)
    if AT_LEAST_312:
        # 3.11 still took other buffers, with a DeprecationWarning.
        raises_exact(TypeError, c.fs_convert, "d", bytearray(b"ba"),
                     match="expected str, bytes or os.PathLike object, not bytearray")
    assert c.fs_parse("a", b"b") == (b"a", "b")
    raises_exact(TypeError, c.fs_parse, "a", 5)


def test_float_pack2():
    import struct

    for x in [0.0, -0.0, 1.0, -2.5, 65504.0, 6.1e-05, 5.96e-08, 1e-9, 0.1, 1.0009765625, 1.00048828125, float("inf")]:
        le, be, back = c.float_pack2(x)
        assert le == struct.pack("<e", x) and be == struct.pack(">e", x), x
        assert back == struct.unpack("<e", le)[0]
    le, be, back = c.float_pack2(float("nan"))
    assert back != back and le[1] & 0x7C == 0x7C
    raises_exact(OverflowError, c.float_pack2, 65520.0, match="float too large to pack with e format")
    raises_exact(OverflowError, c.float_pack2, 1e300)


def test_unicode_iter_type():
    # CPython iterates an ASCII str with a type of its own.
    assert c.unicode_iter_type() is type(iter("\u4e2d"))


def test_slice_helpers():
    assert c.slice_from_indices(1, 5) == slice(1, 5)
    assert c.slice_long_indices(slice(None, None, -1), 10) == (9, -1, -1)
    assert c.slice_long_indices(slice(2**100, -2**100, -3), 2**70) == (2**70 - 1, -1, -3)
    assert c.slice_long_indices(slice(-3, None), 10) == (7, 10, 1)
    assert c.slice_long_indices(slice(1, 2), -1) == (-1, -1, 1)
    raises_exact(ValueError, c.slice_long_indices, slice(None, None, 0), 10, match="slice step cannot be zero")
    raises_exact(TypeError, c.slice_long_indices, slice("a"), 10,
                 match="slice indices must be integers or None or have an __index__ method")


def test_slice_get_indices():
    assert c.slice_get_indices(slice(1, 5), 10) == (0, None, 1, 5, 1)
    assert c.slice_get_indices(slice(-3, None), 10) == (0, None, 7, 10, 1)
    assert c.slice_get_indices(slice(None, None, -1), 10) == (0, None, 9, -1, -1)
    assert c.slice_get_indices(slice(-20, 5), 10) == (0, None, -10, 5, 1)
    # -1 without an exception, with the parts read so far stored.
    assert c.slice_get_indices(slice(None, 20), 10) == (-1, None, 0, 20, 1)
    assert c.slice_get_indices(slice(10, None), 10) == (-1, None, 10, 10, 1)
    assert c.slice_get_indices(slice("a", 1), 10) == (-1, None, -7, -7, 1)
    assert c.slice_get_indices(slice(0, 5, 0), 10) == (-1, None, 0, 5, 0)


def test_bytes_join():
    assert c.bytes_join(b", ", [b"a", bytearray(b"b"), memoryview(b"c")]) == b"a, b, c"
    assert c.bytes_join(b"", []) == b""
    assert c.bytes_join(b"-", iter([b"x"])) == b"x"
    raises_exact(TypeError, c.bytes_join, b",", [b"a", "b"])
    raises_exact(TypeError, c.bytes_join, b",", 5)


def test_long_new():
    assert c.long_from_new([5], False) == 5
    assert c.long_from_new([1, 1], True) == -(1 + 2**30)
    assert c.long_from_new([], False) == 0
    assert c.long_from_new([0x3FFFFFFF] * 3, False) == 2**90 - 1
    v = c.long_from_new([7], False)
    assert type(v) is int and v + 1 == 8


def test_long_digits_and_compact():
    if not AT_LEAST_312:
        return  # _PyLong_FromDigits and _PyLong_IsCompact are 3.12+
    assert c.long_from_digits([1, 2], True) == -(1 + 2 * 2**30)
    assert c.long_from_digits([], False) == 0
    assert c.long_compact(5) == (True, 5)
    assert c.long_compact(-7) == (True, -7)
    assert c.long_compact(0) == (True, 0)
    assert c.long_compact(2**40) == (False, None)


def test_long_gcd():
    assert c.long_gcd(12, -18) == 6
    assert c.long_gcd(0, 0) == 0
    assert c.long_gcd(-5, 0) == 5
    assert c.long_gcd(2**100, 3 * 2**60) == 2**60


BIG, LITTLE, NATIVE, UNSIGNED, REJECT_NEGATIVE, ALLOW_INDEX = 0, 1, 3, 4, 8, 16


def twos(v, n, order):
    return (v % (1 << (8 * n))).to_bytes(n, order)


def test_long_as_native_bytes():
    if not AT_LEAST_313:
        return  # 3.13 API
    native = sys.byteorder
    values = [0, 1, -1, 127, 128, 255, 256, -128, -129, 2**31, -2**31, 2**63 - 1, 2**63, -2**63,
              2**64 - 1, 2**64, -2**64, 3**50, -3**50, 2**127, -2**127]
    for v in values:
        for n in (1, 2, 4, 8, 9, 16, 24):
            for flags, order in ((BIG, "big"), (LITTLE, "little"), (NATIVE, native), (-1, native)):
                r, data = c.long_as_native(v, n, flags)
                assert data == twos(v, n, order), (v, n, flags)
                fits = -(1 << (8 * n - 1)) <= v < (1 << (8 * n - 1))
                fits_unsigned = 0 <= v < (1 << (8 * n))
                if fits or (flags == -1 and fits_unsigned):
                    assert r <= n, (v, n, flags, r)
                else:
                    assert r > n, (v, n, flags, r)
            r, data = c.long_as_native(v, n, LITTLE | UNSIGNED)
            assert (r <= n) == (-(1 << (8 * n - 1)) <= v < (1 << (8 * n))), (v, n, r)
    # The size alone: enough for the value and its sign.
    for v in (2**100, -2**100, 2**64):
        r, _ = c.long_as_native(v, 0, -1)
        assert r >= (v.bit_length() + 8) // 8 and c.long_as_native(v, r, -1)[0] <= r
    raises_exact(ValueError, c.long_as_native, -1, 8, REJECT_NEGATIVE, match="Cannot convert negative int")
    assert c.long_as_native(1, 8, REJECT_NEGATIVE)[0] <= 8

    class Index:
        def __index__(self):
            return 258

    e = raises_exact(TypeError, c.long_as_native, Index(), 8, -1)
    assert str(e) == "expect int, got test_long_as_native_bytes.<locals>.Index"  # %T
    raises_exact(TypeError, c.long_as_native, 1.0, 8, BIG, match="expect int, got float")
    assert c.long_as_native(Index(), 2, BIG | ALLOW_INDEX) == (2, b"\x01\x02")


def test_long_from_native_bytes():
    if not AT_LEAST_313:
        return  # 3.13 API
    native = sys.byteorder
    for data in (b"", b"\x00", b"\xff", b"\x7f", b"\x80\x00", b"\x01\x02\x03", b"\xff" * 9, bytes(range(1, 20))):
        for flags, order in ((BIG, "big"), (LITTLE, "little"), (NATIVE, native), (-1, native)):
            assert c.long_from_native(data, flags, False) == int.from_bytes(data, order, signed=True), (data, flags)
            assert c.long_from_native(data, flags, True) == int.from_bytes(data, order), (data, flags)
        assert c.long_from_native(data, BIG | UNSIGNED, False) == int.from_bytes(data, "big")


def test_dict_helpers():
    d = {"a": 1, "b": 2}
    assert c.dict_pop(d, "a") == 1 and d == {"b": 2}
    assert c.dict_pop(d, "zz", 9) == 9 and d == {"b": 2}
    e = raises_exact(KeyError, c.dict_pop, d, "zz")
    assert e.args == ("zz",)
    assert c.dict_get_string({"a": 1}, "a") == 1
    assert c.dict_get_string({"a": 1}, "b") == "NULL"
    raises_exact(SystemError, c.dict_get_string, [], "a")
    if AT_LEAST_313:
        d = {"k": 3}
        assert c.dict_pop_string(d, "k") == (1, 3) and d == {}
        assert c.dict_pop_string(d, "k") == (0, None)


def test_casts():
    assert c.casts(2.5, b"xy", [1, 2, 3]) == (2.5, b"x", 3)


if __name__ == "__main__":
    harness.run(globals())
