"""Check for capi_long: PyLong_*, PyFloat_*, PyBool_*."""

import math

import harness
from harness import raises_exact

import capi_long as c

SIZEOF_INT, SIZEOF_LONG, SIZEOF_LONG_LONG, SIZEOF_SIZE_T = c.c_sizes()
LONG_MIN = -(2 ** (8 * SIZEOF_LONG - 1))
LONG_MAX = 2 ** (8 * SIZEOF_LONG - 1) - 1
ULONG_MAX = 2 ** (8 * SIZEOF_LONG) - 1
LLONG_MIN = -(2 ** (8 * SIZEOF_LONG_LONG - 1))
LLONG_MAX = 2 ** (8 * SIZEOF_LONG_LONG - 1) - 1
ULLONG_MAX = 2 ** (8 * SIZEOF_LONG_LONG) - 1
SSIZE_MIN = -(2 ** (8 * SIZEOF_SIZE_T - 1))
SSIZE_MAX = 2 ** (8 * SIZEOF_SIZE_T - 1) - 1
SIZE_MAX = 2 ** (8 * SIZEOF_SIZE_T) - 1
INT_MAX = 2 ** (8 * SIZEOF_INT - 1) - 1
INT_MIN = -(2 ** (8 * SIZEOF_INT - 1))


class Index:
    """Has __index__ only."""

    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class Floaty:
    """Has __float__ only."""

    def __float__(self):
        return 2.5


class IntSub(int):
    pass


class FloatSub(float):
    def __float__(self):
        return 99.0


def exact_int(v, expected):
    assert type(v) is int, type(v)
    assert v == expected, (v, expected)


def test_sizes():
    assert SIZEOF_INT == 4
    assert SIZEOF_LONG in (4, 8)
    assert SIZEOF_LONG_LONG == 8
    assert SIZEOF_SIZE_T in (4, 8)


def test_from_long():
    vals = c.from_long()
    assert vals == (0, -42, 1000000007, LONG_MIN, LONG_MAX)
    for v in vals:
        assert type(v) is int


def test_from_unsigned_long():
    exact_int(c.from_unsigned_long(), ULONG_MAX)


def test_from_long_long():
    assert c.from_long_long() == (LLONG_MIN, LLONG_MAX, -1)


def test_from_unsigned_long_long():
    exact_int(c.from_unsigned_long_long(), ULLONG_MAX)


def test_from_ssize_t_size_t():
    assert c.from_ssize_t() == (SSIZE_MIN, SSIZE_MAX)
    exact_int(c.from_size_t(), SIZE_MAX)


def test_from_double():
    exact_int(c.from_double(1e20), 100000000000000000000)
    exact_int(c.from_double(-3.9), -3)
    exact_int(c.from_double(3.9), 3)
    exact_int(c.from_double(-0.0), 0)
    exact_int(c.from_double(2.0 ** 100), 2 ** 100)
    exact_int(c.from_double(-(2.0 ** 70)), -(2 ** 70))
    raises_exact(OverflowError, c.from_double, float("inf"), match="cannot convert float infinity to integer")
    raises_exact(OverflowError, c.from_double, float("-inf"), match="cannot convert float infinity to integer")
    raises_exact(ValueError, c.from_double, float("nan"), match="cannot convert float NaN to integer")


def test_from_string():
    assert c.from_string("12345", 10) == (12345, 5)
    assert c.from_string("0x1f", 0) == (31, 4)
    assert c.from_string("0xff", 16) == (255, 4)
    assert c.from_string("ff", 16) == (255, 2)
    assert c.from_string("-0b101", 0) == (-5, 6)
    assert c.from_string("0o17", 0) == (15, 4)
    assert c.from_string("  42  ", 10) == (42, 6)
    assert c.from_string("  -12 ", 10) == (-12, 6)
    assert c.from_string("1_000", 0) == (1000, 5)
    assert c.from_string("zz", 36) == (1295, 2)
    assert c.from_string("9" * 40, 10) == (10 ** 40 - 1, 40)
    assert c.from_string_nopend("12") == 12


def test_from_string_errors():
    raises_exact(ValueError, c.from_string, "12a", 10, match="invalid literal for int() with base 10: '12a'")
    raises_exact(ValueError, c.from_string, "", 10, match="invalid literal for int() with base 10: ''")
    raises_exact(ValueError, c.from_string, "12 34", 10, match="invalid literal for int() with base 10: '12 34'")
    raises_exact(ValueError, c.from_string, "017", 0, match="invalid literal for int() with base 0: '017'")
    raises_exact(ValueError, c.from_string, "0x", 16, match="invalid literal for int() with base 16: '0x'")
    raises_exact(ValueError, c.from_string_nopend, "x", match="invalid literal for int() with base 10: 'x'")
    raises_exact(ValueError, c.from_string, "1", 1, match="int() arg 2 must be >= 2 and <= 36")
    raises_exact(ValueError, c.from_string, "1", 37, match="int() arg 2 must be >= 2 and <= 36")


def test_big_int_from_c():
    v = c.two_pow_100()
    exact_int(v, 2 ** 100)
    assert v + 1 == 1267650600228229401496703205377
    assert v.bit_length() == 101


def test_big_int_into_c():
    big = 2 ** 200
    assert c.as_double(big) == 2.0 ** 200
    assert c.float_as_double(big) == 2.0 ** 200
    assert c.as_long_and_overflow(big) == (-1, 1)
    assert c.as_long_and_overflow(-big) == (-1, -1)
    raises_exact(OverflowError, c.as_long, big)
    raises_exact(OverflowError, c.as_unsigned_long_long, big)
    raises_exact(OverflowError, c.as_unsigned_long_long, -big)


def test_as_long():
    for v in (0, 1, -1, 12345, LONG_MIN, LONG_MAX):
        exact_int(c.as_long(v), v)
    exact_int(c.as_long(True), 1)
    exact_int(c.as_long(False), 0)
    exact_int(c.as_long(IntSub(5)), 5)
    exact_int(c.as_long(Index(7)), 7)


def test_as_long_errors():
    raises_exact(OverflowError, c.as_long, LONG_MAX + 1, match="Python int too large to convert to C long")
    raises_exact(OverflowError, c.as_long, LONG_MIN - 1, match="Python int too large to convert to C long")
    raises_exact(TypeError, c.as_long, "x", match="'str' object cannot be interpreted as an integer")
    raises_exact(TypeError, c.as_long, 3.5, match="'float' object cannot be interpreted as an integer")
    raises_exact(TypeError, c.as_long, None, match="'NoneType' object cannot be interpreted as an integer")


def test_as_long_long():
    for v in (0, -1, LLONG_MIN, LLONG_MAX):
        exact_int(c.as_long_long(v), v)
    exact_int(c.as_long_long(Index(-9)), -9)
    raises_exact(OverflowError, c.as_long_long, LLONG_MAX + 1, match="int too big to convert")
    raises_exact(OverflowError, c.as_long_long, LLONG_MIN - 1, match="int too big to convert")
    raises_exact(TypeError, c.as_long_long, "x", match="'str' object cannot be interpreted as an integer")


def test_as_unsigned_long():
    for v in (0, 1, ULONG_MAX, LONG_MAX + 1):
        exact_int(c.as_unsigned_long(v), v)
    exact_int(c.as_unsigned_long(True), 1)
    raises_exact(OverflowError, c.as_unsigned_long, -1, match="can't convert negative value to unsigned int")
    raises_exact(OverflowError, c.as_unsigned_long, ULONG_MAX + 1, match="Python int too large to convert to C unsigned long")
    # PyLong_AsUnsignedLong does not use __index__
    raises_exact(TypeError, c.as_unsigned_long, Index(3), match="an integer is required")
    raises_exact(TypeError, c.as_unsigned_long, "x", match="an integer is required")
    raises_exact(TypeError, c.as_unsigned_long, 3.5, match="an integer is required")


def test_as_unsigned_long_long():
    for v in (0, ULLONG_MAX, LLONG_MAX + 1):
        exact_int(c.as_unsigned_long_long(v), v)
    raises_exact(OverflowError, c.as_unsigned_long_long, -1, match="can't convert negative int to unsigned")
    raises_exact(OverflowError, c.as_unsigned_long_long, ULLONG_MAX + 1, match="int too big to convert")
    raises_exact(TypeError, c.as_unsigned_long_long, Index(3), match="an integer is required")
    raises_exact(TypeError, c.as_unsigned_long_long, "x", match="an integer is required")


def test_as_ssize_t():
    for v in (0, -5, SSIZE_MIN, SSIZE_MAX):
        exact_int(c.as_ssize_t(v), v)
    exact_int(c.as_ssize_t(IntSub(-3)), -3)
    raises_exact(OverflowError, c.as_ssize_t, SSIZE_MAX + 1, match="Python int too large to convert to C ssize_t")
    raises_exact(OverflowError, c.as_ssize_t, SSIZE_MIN - 1, match="Python int too large to convert to C ssize_t")
    raises_exact(TypeError, c.as_ssize_t, Index(3), match="an integer is required")
    raises_exact(TypeError, c.as_ssize_t, "x", match="an integer is required")


def test_as_size_t():
    for v in (0, 5, SIZE_MAX):
        exact_int(c.as_size_t(v), v)
    raises_exact(OverflowError, c.as_size_t, -1, match="can't convert negative value to size_t")
    raises_exact(OverflowError, c.as_size_t, SIZE_MAX + 1, match="Python int too large to convert to C size_t")
    raises_exact(TypeError, c.as_size_t, Index(3), match="an integer is required")
    raises_exact(TypeError, c.as_size_t, "x", match="an integer is required")


def test_as_int():
    for v in (0, -1, INT_MAX, INT_MIN):
        exact_int(c.as_int(v), v)
    raises_exact(OverflowError, c.as_int, INT_MAX + 1, match="Python int too large to convert to C int")
    raises_exact(OverflowError, c.as_int, INT_MIN - 1, match="Python int too large to convert to C int")


def test_long_as_double():
    v = c.as_double(2 ** 53)
    assert type(v) is float and v == 9007199254740992.0
    assert c.as_double(-3) == -3.0
    assert c.as_double(True) == 1.0
    raises_exact(OverflowError, c.as_double, 2 ** 1024, match="int too large to convert to float")
    # PyLong_AsDouble wants an int: no __index__, no float
    raises_exact(TypeError, c.as_double, 3.5, match="an integer is required")
    raises_exact(TypeError, c.as_double, Index(3), match="an integer is required")
    raises_exact(TypeError, c.as_double, "x", match="an integer is required")


def test_as_long_and_overflow():
    assert c.as_long_and_overflow(5) == (5, 0)
    assert c.as_long_and_overflow(-5) == (-5, 0)
    assert c.as_long_and_overflow(LONG_MAX) == (LONG_MAX, 0)
    assert c.as_long_and_overflow(LONG_MIN) == (LONG_MIN, 0)
    assert c.as_long_and_overflow(LONG_MAX + 1) == (-1, 1)
    assert c.as_long_and_overflow(LONG_MIN - 1) == (-1, -1)
    assert c.as_long_and_overflow(2 ** 64) == (-1, 1)
    assert c.as_long_and_overflow(-(2 ** 64)) == (-1, -1)
    assert c.as_long_and_overflow(Index(7)) == (7, 0)
    raises_exact(TypeError, c.as_long_and_overflow, "x", match="'str' object cannot be interpreted as an integer")


def test_long_check():
    assert c.long_check(1) == (True, True)
    assert c.long_check(2 ** 100) == (True, True)
    assert c.long_check(True) == (True, False)
    assert c.long_check(IntSub(3)) == (True, False)
    assert c.long_check(1.0) == (False, False)
    assert c.long_check("1") == (False, False)
    assert c.long_check(Index(1)) == (False, False)


def test_float_values():
    vals = c.float_values()
    for v in vals:
        assert type(v) is float
    one_five, neg_zero, big, dmax, dmin, inf, ninf, nan = vals
    assert one_five == 1.5
    assert neg_zero == 0.0 and math.copysign(1.0, neg_zero) == -1.0
    assert big == 1e300
    assert dmax == 1.7976931348623157e308
    assert dmin == 2.2250738585072014e-308
    assert inf == float("inf")
    assert ninf == float("-inf")
    assert math.isnan(nan)


def test_float_as_double():
    assert c.float_as_double(1.25) == 1.25
    v = c.float_as_double(3)
    assert type(v) is float and v == 3.0
    assert c.float_as_double(True) == 1.0
    assert c.float_as_double(Floaty()) == 2.5
    assert c.float_as_double(Index(7)) == 7.0
    # a float subclass is read directly; its __float__ is not called
    assert c.float_as_double(FloatSub(1.5)) == 1.5
    assert math.isnan(c.float_as_double(float("nan")))
    assert math.copysign(1.0, c.float_as_double(-0.0)) == -1.0


def test_float_as_double_errors():
    raises_exact(TypeError, c.float_as_double, "x", match="must be real number, not str")
    raises_exact(TypeError, c.float_as_double, None, match="must be real number, not NoneType")
    raises_exact(OverflowError, c.float_as_double, 2 ** 1024, match="int too large to convert to float")


def test_float_macro_and_check():
    assert c.float_as_double_macro(1.25) == 2.5
    assert c.float_as_double_macro(FloatSub(2.0)) == 4.0
    assert c.float_check(1.0) == (True, True)
    assert c.float_check(FloatSub(1.0)) == (True, False)
    assert c.float_check(1) == (False, False)
    assert c.float_check(Floaty()) == (False, False)


def test_float_identity_round_trip():
    x = 1.0 / 3.0
    assert c.float_as_double(x) == x
    assert c.float_as_double_macro(x) == 2 * x


def test_bool_from_long():
    assert c.bool_from_long(0) is False
    assert c.bool_from_long(1) is True
    assert c.bool_from_long(-7) is True
    assert c.bool_from_long(LONG_MAX) is True


def test_bool_singletons():
    t, f = c.bool_singletons()
    assert t is True
    assert f is False
    assert c.return_true() is True
    assert c.return_false() is False
    assert c.bool_identity(True) == (True, False, True)
    assert c.bool_identity(False) == (False, True, True)
    assert c.bool_identity(1) == (False, False, False)
    assert c.bool_identity(0) == (False, False, False)
    assert c.bool_identity(1 == 1) == (True, False, True)
    assert c.bool_identity(None) == (False, False, False)


def test_sum_list():
    lst = list(range(-500, 10000))
    assert c.sum_list(lst) == sum(lst)
    assert c.sum_list([]) == 0
    raises_exact(TypeError, c.sum_list, [1, "2"])


def test_compact_layout():
    # An int's memory has CPython 3.12+'s layout: small values are compact
    # (one 30-bit digit) and their value is read inline.
    for v in (0, 1, -1, 5, -5, 2**30 - 1, -(2**30 - 1), 123456789):
        assert c.compact(v) == (True, v), v
    for v in (2**30, -(2**30), 2**62, 2**100, -(2**100)):
        assert c.compact(v) == (False, None), v
    assert c.compact(True) == (True, 1)

if __name__ == "__main__":
    harness.run(globals())
