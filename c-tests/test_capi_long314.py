"""Check for capi_long314: PyLong_IsPositive/IsNegative/GetSign,
PyLong_GetNativeLayout, PyLong_Export/FreeExport and PyLongWriter (3.14).

CPython's rules checked here: the sign functions accept only ints (bool
included; anything else is TypeError naming its type); the native layout is 30-bit digits in 4 bytes, least significant
first; an int64 exports as its value, anything larger as its digits and
sign; a writer of ndigits <= 0 is ValueError "ndigits must be positive";
Finish drops leading zero digits (an all-zero writer gives 0)."""

import sys

import harness
from harness import raises_exact

import capi_long314 as c


def digits_of(v):
    v = abs(v)
    out = []
    while v:
        out.append(v & (2**30 - 1))
        v >>= 30
    return out


def test_signs():
    assert c.signs(5) == (1, 0, 1)
    assert c.signs(-5) == (0, 1, -1)
    assert c.signs(0) == (0, 0, 0)
    assert c.signs(2**100) == (1, 0, 1) and c.signs(-(2**100)) == (0, 1, -1)
    assert c.signs(True) == (1, 0, 1)
    raises_exact(TypeError, c.signs, 1.5, match="expected int, got float")
    raises_exact(TypeError, c.is_negative, "1", match="expected int, got str")
    raises_exact(TypeError, c.get_sign, 1.5, match="expect int, got float")


def test_native_layout():
    endian = -1 if sys.byteorder == "little" else 1
    assert c.native_layout() == (30, 4, -1, endian)


def test_export():
    assert c.export(0) == (0, 0, [])
    assert c.export(-7) == (-7, 0, [])
    assert c.export(2**63 - 1) == (2**63 - 1, 0, [])
    assert c.export(-(2**63)) == (-(2**63), 0, [])
    for v in (2**63, -(2**63) - 1, 2**200 + 12345, -(3**100)):
        value, negative, digits = c.export(v)
        assert value == 0 and negative == (v < 0) and digits == digits_of(v), v
    raises_exact(TypeError, c.export, 1.0, match="expect int, got float")


def test_writer():
    assert c.write(False, [5]) == 5
    assert c.write(True, [1, 1]) == -(1 + 2**30)
    assert c.write(False, digits_of(2**200 + 7)) == 2**200 + 7
    assert c.write(True, digits_of(3**90)) == -(3**90)
    assert c.write(False, [3, 0, 0]) == 3
    assert c.write(True, [0, 0]) == 0
    v = c.write(False, [2**30 - 1, 1])
    assert type(v) is int and v == 2**31 - 1 and v + 1 == 2**31
    assert c.write(False, [9], True) is None
    raises_exact(ValueError, c.write, False, [], match="ndigits must be positive")


if __name__ == "__main__":
    harness.run(globals())
