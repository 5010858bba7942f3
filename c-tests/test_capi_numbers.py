"""Check for capi_numbers: PyComplex_* (Py_complex by value; objects
converted through __complex__, else __float__/__index__) and
PyFloat_Pack4/8 / Unpack4/8, compared with struct's packing.

PyComplex_RealAsDouble/ImagAsDouble use __complex__ since CPython 3.13
(3.11 goes straight to __float__): the family is also checked under 3.13,
and rustpy has 3.14's behaviour."""

import math
import struct
import sys

import harness
from harness import raises_exact

import capi_numbers as c


def test_complex_made_from_doubles():
    z = c.complex_from_doubles(1.5, -2.0)
    assert type(z) is complex and z == complex(1.5, -2.0)
    o, back = c.complex_roundtrip(3.0, 4.0)
    assert o == 3 + 4j and back == (3.0, 4.0)


def test_complex_parts_of_every_kind():
    assert c.complex_parts(1 + 2j) == ((1.0, 2.0), 1.0, 2.0)

    class C(complex):
        pass
    assert c.complex_parts(C(5, 6)) == ((5.0, 6.0), 5.0, 6.0)

    class HasComplex:
        def __complex__(self):
            return 7 - 1j
    if sys.version_info >= (3, 13) or harness.ON_RUSTPY:
        assert c.complex_parts(HasComplex()) == ((7.0, -1.0), 7.0, -1.0)
    else:
        e = raises_exact(TypeError, c.complex_parts, HasComplex())
        assert str(e) == "must be real number, not HasComplex", str(e)
    # No __complex__: a float's value, imaginary part 0.
    assert c.complex_parts(2.5) == ((2.5, 0.0), 2.5, 0.0)
    assert c.complex_parts(3) == ((3.0, 0.0), 3.0, 0.0)

    class Bad:
        def __complex__(self):
            return 1.0
    e = raises_exact(TypeError, c.complex_parts, Bad())
    assert "__complex__ returned non-complex (type float)" in str(e), str(e)
    raises_exact(TypeError, c.complex_parts, "1+2j")


def test_pack_like_struct():
    for x in (0.0, -0.0, 1.5, -2.25e300, math.inf, 1e-310):
        assert c.float_pack(x, 8, 1) == struct.pack("<d", x)
        assert c.float_pack(x, 8, 0) == struct.pack(">d", x)
    for x in (0.0, 1.5, -3.25, 1e38, math.inf):
        assert c.float_pack(x, 4, 1) == struct.pack("<f", x)
        assert c.float_pack(x, 4, 0) == struct.pack(">f", x)
    assert math.isnan(struct.unpack("<d", c.float_pack(math.nan, 8, 1))[0])
    e = raises_exact(OverflowError, c.float_pack, 1e300, 4, 1)
    assert str(e) == "float too large to pack with f format", str(e)


def test_unpack_like_struct():
    for x in (0.5, -7.0, 1e300):
        assert c.float_unpack(struct.pack("<d", x), 1) == x
        assert c.float_unpack(struct.pack(">d", x), 0) == x
    assert c.float_unpack(struct.pack("<f", 0.1), 1) == struct.unpack("<f", struct.pack("<f", 0.1))[0]
    assert c.float_unpack(struct.pack(">f", -2.5), 0) == -2.5


if __name__ == "__main__":
    harness.run(globals())
