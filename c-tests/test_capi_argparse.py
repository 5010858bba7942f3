"""Check for capi_argparse: PyArg_ParseTuple(AndKeywords), PyArg_UnpackTuple,
Py_BuildValue."""

import math

import harness
from harness import raises_exact

import capi_argparse as c

ULONG_MAX = 2 ** 64 - 1  # LP64 (x86_64 Linux)
LONG_MAX = 2 ** 63 - 1
LLONG_MIN = -(2 ** 63)


class Index:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


# ---- PyArg_ParseTuple: numbers -------------------------------------------


def test_parse_i():
    assert c.parse_i(5) == 5
    assert c.parse_i(-2 ** 31) == -2 ** 31
    assert c.parse_i(2 ** 31 - 1) == 2 ** 31 - 1
    assert c.parse_i(True) == 1
    assert c.parse_i(Index(9)) == 9


def test_parse_i_errors():
    raises_exact(OverflowError, c.parse_i, 2 ** 31, match="signed integer is greater than maximum")
    raises_exact(OverflowError, c.parse_i, -2 ** 31 - 1, match="signed integer is less than minimum")
    raises_exact(TypeError, c.parse_i, 1.5, match="'float' object cannot be interpreted as an integer")
    raises_exact(TypeError, c.parse_i, "x", match="'str' object cannot be interpreted as an integer")
    raises_exact(TypeError, c.parse_i, match="parse_i() takes exactly 1 argument (0 given)")
    raises_exact(TypeError, c.parse_i, 1, 2, match="parse_i() takes exactly 1 argument (2 given)")


def test_parse_numbers():
    r = c.parse_numbers(1, -2, 3, 4, 5, 1.5, 0.25)
    assert r == (1, -2, 3, 4, 5, 1.5, 0.25)
    assert type(r[5]) is float and type(r[6]) is float
    # d and f accept ints and objects with __index__
    assert c.parse_numbers(1, 2, 3, 4, 5, 6, Index(7))[5:] == (6.0, 7.0)
    # k and K do no overflow checking: they mask
    assert c.parse_numbers(0, 0, 0, -1, -1, 0, 0)[3:5] == (ULONG_MAX, 2 ** 64 - 1)
    assert c.parse_numbers(0, 0, 0, 2 ** 64, 2 ** 64 + 5, 0, 0)[3:5] == (0, 5)
    # f: a double too large for a C float becomes inf
    assert math.isinf(c.parse_numbers(0, 0, 0, 0, 0, 0, 1e300)[6])


def test_parse_numbers_errors():
    raises_exact(OverflowError, c.parse_numbers, 0, LONG_MAX + 1, 0, 0, 0, 0, 0,
                 match="Python int too large to convert to C long")
    raises_exact(OverflowError, c.parse_numbers, 0, 0, 2 ** 63, 0, 0, 0, 0,
                 match="Python int too large to convert to C ssize_t")
    # k does not take a float
    raises_exact(TypeError, c.parse_numbers, 0, 0, 0, 1.5, 0, 0, 0, match="argument 4 must be int, not float")
    raises_exact(TypeError, c.parse_numbers, 0, 0, 0, 0, 0, "x", 0, match="must be real number, not str")
    raises_exact(TypeError, c.parse_numbers, 1, 2, 3, match="function takes exactly 7 arguments (3 given)")


def test_parse_small_units():
    assert c.parse_small(255, -32768, 2 ** 32 + 1, -1, "\u20ac") == (255, -32768, 1, -1, 0x20AC)
    assert c.parse_small(0, 32767, -1, LLONG_MIN, "a") == (0, 32767, 2 ** 32 - 1, LLONG_MIN, 97)
    raises_exact(OverflowError, c.parse_small, 256, 0, 0, 0, "a", match="unsigned byte integer is greater than maximum")
    raises_exact(OverflowError, c.parse_small, -1, 0, 0, 0, "a", match="unsigned byte integer is less than minimum")
    raises_exact(OverflowError, c.parse_small, 0, 2 ** 15, 0, 0, "a", match="signed short integer is greater than maximum")
    raises_exact(OverflowError, c.parse_small, 0, 0, 0, 2 ** 63, "a")
    raises_exact(TypeError, c.parse_small, 0, 0, 0, 0, "ab", match="argument 5 must be a unicode character, not str")


# ---- strings and bytes ---------------------------------------------------


def test_parse_s():
    assert c.parse_s("h\u00e9llo") == "h\u00e9llo"
    assert c.parse_s("") == ""
    assert c.parse_s("\U0001F600") == "\U0001F600"
    raises_exact(ValueError, c.parse_s, "a\x00b", match="embedded null character")
    raises_exact(TypeError, c.parse_s, b"x", match="parse_s() argument 1 must be str, not bytes")
    raises_exact(TypeError, c.parse_s, None, match="parse_s() argument 1 must be str, not None")
    raises_exact(UnicodeEncodeError, c.parse_s, "\ud800")


def test_parse_s_hash():
    assert c.parse_s_hash("a\x00\u00e9") == (b"a\x00\xc3\xa9", 4)
    assert c.parse_s_hash(b"a\x00b") == (b"a\x00b", 3)
    assert c.parse_s_hash("") == (b"", 0)
    raises_exact(TypeError, c.parse_s_hash, bytearray(b"x"),
                 match="argument 1 must be read-only bytes-like object, not bytearray")
    raises_exact(TypeError, c.parse_s_hash, 1, match="a bytes-like object is required, not 'int'")


def test_parse_z():
    assert c.parse_z(None) is None
    assert c.parse_z("x") == "x"
    raises_exact(TypeError, c.parse_z, 1, match="argument 1 must be str or None, not int")


def test_parse_y_hash():
    assert c.parse_y_hash(b"a\x00") == (b"a\x00", 2)
    assert c.parse_y_hash(b"") == (b"", 0)
    assert c.parse_y_hash(bytes(range(256))) == (bytes(range(256)), 256)
    raises_exact(TypeError, c.parse_y_hash, "s", match="a bytes-like object is required, not 'str'")
    raises_exact(TypeError, c.parse_y_hash, bytearray(b"ba"),
                 match="argument 1 must be read-only bytes-like object, not bytearray")


# ---- objects -------------------------------------------------------------


def test_parse_O():
    o = object()
    assert c.parse_O(o) is o
    assert c.parse_O(None) is None
    raises_exact(TypeError, c.parse_O, match="function takes exactly 1 argument (0 given)")


def test_parse_O_bang():
    l = [1]
    assert c.parse_O_bang(l) is l

    class L(list):
        pass

    sub = L()
    assert c.parse_O_bang(sub) is sub
    raises_exact(TypeError, c.parse_O_bang, 1, match="argument 1 must be list, not int")
    raises_exact(TypeError, c.parse_O_bang, (), match="argument 1 must be list, not tuple")


def test_parse_O_amp():
    assert c.parse_O_amp(4) == 8
    raises_exact(ValueError, c.parse_O_amp, -1, match="converter wants a non-negative int")
    raises_exact(TypeError, c.parse_O_amp, "x", match="'str' object cannot be interpreted as an integer")


def test_parse_p():
    assert c.parse_p([]) == 0
    assert c.parse_p([0]) == 1
    assert c.parse_p(None) == 0
    assert c.parse_p("x") == 1
    assert c.parse_p(0.0) == 0

    class Bad:
        def __bool__(self):
            raise KeyError("from __bool__")

    raises_exact(KeyError, c.parse_p, Bad())


def test_parse_nested():
    assert c.parse_nested((1, 2), "s") == (1, 2, "s")
    raises_exact(TypeError, c.parse_nested, 1, "s", match="argument 1 must be 2-item sequence, not int")
    raises_exact(TypeError, c.parse_nested, (1, 2, 3), "s", match="argument 1 must be sequence of length 2, not 3")
    raises_exact(TypeError, c.parse_nested, (1,), "s", match="argument 1 must be sequence of length 2, not 1")
    raises_exact(TypeError, c.parse_nested, (1, "x"), "s", match="'str' object cannot be interpreted as an integer")


# ---- optional, names, messages -------------------------------------------


def test_parse_optional():
    assert c.parse_optional(1) == (1, 7, "default")
    assert c.parse_optional(1, 2) == (1, 2, "default")
    assert c.parse_optional(1, 2, "s") == (1, 2, "s")
    raises_exact(TypeError, c.parse_optional, match="function takes at least 1 argument (0 given)")
    raises_exact(TypeError, c.parse_optional, 1, 2, "s", 4, match="function takes at most 3 arguments (4 given)")


def test_parse_named():
    assert c.parse_named(1, 2) == (1, 2)
    raises_exact(TypeError, c.parse_named, 1, match="named_func() takes exactly 2 arguments (1 given)")
    raises_exact(TypeError, c.parse_named, 1, 2, 3, match="named_func() takes exactly 2 arguments (3 given)")
    raises_exact(TypeError, c.parse_named, match="named_func() takes exactly 2 arguments (0 given)")
    raises_exact(TypeError, c.parse_nothing, 1, match="parse_nothing() takes exactly 0 arguments (1 given)")
    assert c.parse_nothing() is None


def test_parse_message():
    assert c.parse_message(3) == 3
    e = raises_exact(TypeError, c.parse_message)
    assert str(e) == "custom message"
    e = raises_exact(TypeError, c.parse_message, 1, 2)
    assert str(e) == "custom message"
    # a conversion error keeps its own message
    raises_exact(TypeError, c.parse_message, "x", match="'str' object cannot be interpreted as an integer")


# ---- PyArg_ParseTupleAndKeywords -----------------------------------------


def test_parse_kw():
    assert c.parse_kw(1, 2) == (1, 2, 3, 4)
    assert c.parse_kw(1, 2, 5) == (1, 2, 5, 4)
    assert c.parse_kw(1, b=2, d=9) == (1, 2, 3, 9)
    assert c.parse_kw(a=1, b=2, c=3, d=4) == (1, 2, 3, 4)
    assert c.parse_kw(d=0, c=1, b=2, a=3) == (3, 2, 1, 0)
    assert c.parse_kw(*(1, 2), **{"c": 6}) == (1, 2, 6, 4)


def test_parse_kw_errors():
    raises_exact(TypeError, c.parse_kw, 1, match="kwfunc() missing required argument 'b' (pos 2)")
    raises_exact(TypeError, c.parse_kw, b=1, match="kwfunc() missing required argument 'a' (pos 1)")
    raises_exact(TypeError, c.parse_kw, 1, 2, 3, 4, match="kwfunc() takes at most 3 positional arguments (4 given)")
    e = raises_exact(TypeError, c.parse_kw, 1, 2, zz=1)
    # CPython 3.11 text, and the text CPython 3.13+ uses
    assert str(e) in (
        "'zz' is an invalid keyword argument for kwfunc()",
        "kwfunc() got an unexpected keyword argument 'zz'",
    ), str(e)
    raises_exact(TypeError, c.parse_kw, 1, 2, a=1, match="argument for kwfunc() given by name ('a') and position (1)")
    raises_exact(TypeError, c.parse_kw, 1, "x", match="'str' object cannot be interpreted as an integer")
    raises_exact(TypeError, c.parse_kw, 1, 2, d="x", match="'str' object cannot be interpreted as an integer")


def test_parse_kw_posonly():
    assert c.parse_kw_posonly(1) == (1, None)
    assert c.parse_kw_posonly(1, y=2) == (1, 2)
    assert c.parse_kw_posonly(1, 2) == (1, 2)
    raises_exact(TypeError, c.parse_kw_posonly, match="posonly() takes at least 1 positional argument (0 given)")
    raises_exact(TypeError, c.parse_kw_posonly, 1, 2, 3, match="posonly() takes at most 2 arguments (3 given)")


def test_parse_kw_strings():
    assert c.parse_kw_strings("a") == ("a", "unset", "unset")
    assert c.parse_kw_strings(s="a", z=None, sh="q\x00r") == ("a", None, "q\x00r")
    assert c.parse_kw_strings("a", sh=b"xy") == ("a", "unset", "xy")
    raises_exact(TypeError, c.parse_kw_strings, z="zz", match="function missing required argument 's' (pos 1)")


# ---- PyArg_UnpackTuple ---------------------------------------------------


def test_unpack():
    o = object()
    assert c.unpack(1) == (1, None, None)
    assert c.unpack(1, 2) == (1, 2, None)
    r = c.unpack(o, 2, 3)
    assert r == (o, 2, 3) and r[0] is o
    raises_exact(TypeError, c.unpack, match="unpack expected at least 1 argument, got 0")
    raises_exact(TypeError, c.unpack, 1, 2, 3, 4, match="unpack expected at most 3 arguments, got 4")


# ---- Py_BuildValue -------------------------------------------------------


def test_build_single_and_empty():
    assert c.build_int() == 5 and type(c.build_int()) is int
    assert c.build_empty() is None
    assert c.build_single_tuple() == (5,)
    assert c.build_two() == (1, 2)


def test_build_scalars():
    r = c.build_scalars()
    assert r == (-1, LONG_MAX, -5, 2.5, 0.25, ULONG_MAX, 2 ** 64 - 1, LLONG_MIN, -3, 300, 4000000000, 200)
    assert type(r[3]) is float and type(r[4]) is float


def test_build_strings():
    r = c.build_strings()
    assert r == ("h\u00e9llo", "a\x00b", None, "zz", None, b"raw", b"x\x00y", b"q", "\u20ac")
    assert type(r[5]) is bytes and type(r[7]) is bytes
    assert c.build_s_null() is None


def test_build_bad_utf8():
    e = raises_exact(UnicodeDecodeError, c.build_bad_utf8)
    assert e.start == 2


def test_build_objects():
    o = object()
    assert c.build_O(o) is o
    t = c.build_O_tuple(o)
    assert t == (o, o) and t[0] is o and t[1] is o
    l, one = c.build_N()
    assert l == [] and type(l) is list and one == 1
    assert c.build_O_amp() == (42,)


def test_build_containers():
    r = c.build_containers()
    assert r == ((), [], {}, [1, 2], {"a": 1, "b": 2})
    assert [type(x) for x in r] == [tuple, list, dict, list, dict]
    assert c.build_list_top() == [1, "two"]
    assert c.build_dict_top() == {"one": 1, "two": "2"}


def test_build_nested():
    o = object()
    r = c.build_nested(o)
    assert r == (1, ("x", "y"), [0.5, [7]], {"obj": o, 9: (10,)})
    assert r[3]["obj"] is o


def test_build_separators():
    assert c.build_spaced() == ([1, 2], (3, 4), {"k": 5}, 6)


def test_build_null_object():
    raises_exact(SystemError, c.build_O_null, match="NULL object passed to Py_BuildValue")
    e = raises_exact(KeyError, c.build_O_null_with_error)
    assert e.args == ("earlier failure",)


if __name__ == "__main__":
    harness.run(globals())
