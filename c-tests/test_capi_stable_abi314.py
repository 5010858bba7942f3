"""Check for capi_stable_abi314: PyLong_AsInt32/UInt32/Int64/UInt64,
PyType_GetBaseByToken, and the functions behind Py_TYPE, Py_REFCNT,
Py_PACK_FULL_VERSION and Py_PACK_VERSION (CPython 3.14).

CPython's rules checked here: the fixed-width conversions take __index__,
are OverflowError "Python int too large to convert to C <type>" out of
range and, unsigned, ValueError for a negative value; PyType_GetBaseByToken
finds the first type of the MRO with the token (a Py_tp_token of
Py_TP_USE_SPEC is the spec's address), 0 and NULL for none and for any
static type, SystemError for a NULL token, TypeError for a non-type, and
accepts a NULL result pointer; the functions return what the macros do;
PyBytes_DecodeEscape's DeprecationWarning reads 'b"\\q" is an invalid escape
sequence. ...' (an octal one above 0o377: 'b"\\777" is an invalid octal
escape sequence. ...')."""

import warnings

import harness
from harness import raises_exact

import capi_stable_abi314 as c

INT32, UINT32, INT64, UINT64 = range(4)


class Index:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


def test_fixed_width():
    for kind, bits, signed, name in ((INT32, 32, True, "C int32_t"), (UINT32, 32, False, "C uint32_t"),
                                     (INT64, 64, True, "C int64_t"), (UINT64, 64, False, "C uint64_t")):
        lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
        for v in (0, 1, lo, hi, True):
            assert c.as_fixed(kind, v) == v, (kind, v)
        assert c.as_fixed(kind, Index(5)) == 5
        raises_exact(OverflowError, c.as_fixed, kind, hi + 1, match="Python int too large to convert to " + name)
        raises_exact(OverflowError, c.as_fixed, kind, 2**200, match="Python int too large to convert to " + name)
        if signed:
            raises_exact(OverflowError, c.as_fixed, kind, lo - 1, match="Python int too large to convert to " + name)
        else:
            raises_exact(ValueError, c.as_fixed, kind, -1, match="Cannot convert negative int")
            raises_exact(ValueError, c.as_fixed, kind, -2**200, match="Cannot convert negative int")
        raises_exact(TypeError, c.as_fixed, kind, 1.5)
        raises_exact(TypeError, c.as_fixed, kind, "1")


def test_base_by_token():
    Base, Sub = c.token_types()

    class PySub(Sub):
        pass

    class Plain:
        pass

    assert c.base_by_token(Base, 0, True) == (1, Base)
    assert c.base_by_token(Sub, 0, True) == (1, Base)
    assert c.base_by_token(PySub, 0, True) == (1, Base)
    assert c.base_by_token(PySub, 0, False) == (1, None)
    assert c.base_by_token(PySub, 1, True) == (0, None)
    assert c.base_by_token(int, 0, True) == (0, None)
    assert c.base_by_token(Plain, 0, True) == (0, None)
    raises_exact(SystemError, c.base_by_token, Base, 2, True, match="PyType_GetBaseByToken called with token=NULL")
    raises_exact(TypeError, c.base_by_token, 5, 0, True, match="expected a type, got a 'int' object")


def test_type_refcnt_functions():
    for o in (5, "s", [], object(), None, c):
        assert c.type_refcnt(o) == (1, 1)


def test_pack_functions():
    def packed(x, y, z, level, serial):
        return ((x & 0xFF) << 24) | ((y & 0xFF) << 16) | ((z & 0xFF) << 8) | ((level & 0xF) << 4) | (serial & 0xF)

    for args in ((3, 14, 0, 0xF, 0), (3, 14, 1, 0xA, 2), (0x1FF, 0x1FF, 0x1FF, 0x1F, 0x1F), (0, 0, 0, 0, 0)):
        assert c.pack(*args) == (packed(*args), packed(args[0], args[1], 0, 0, 0), 1), args


def test_decode_escape_warnings():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        assert c.decode_escape(b"\\q\\z") == b"\\q\\z"
        assert c.decode_escape(b"x\\777") == b"x\xff"
    assert [x.category for x in w] == [DeprecationWarning, DeprecationWarning]
    assert str(w[0].message) == 'b"\\q" is an invalid escape sequence. Such sequences will not work in the future. '
    assert str(w[1].message) == 'b"\\777" is an invalid octal escape sequence. Such sequences will not work in the future. '


if __name__ == "__main__":
    harness.run(globals())
