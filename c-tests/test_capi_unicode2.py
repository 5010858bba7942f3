"""Check for capi_unicode2: codecs by name, join/replace/contains/tailmatch/
find_char/format, UCS-4 copies and PyUnicode_FromKindAndData.

CPython's quirks checked here: PyUnicode_Join returns a lone exact str
itself and never looks at the separator for fewer than two items;
PyUnicode_FromEncodedObject decodes nothing to "" without looking the codec
up; PyUnicode_DecodeLatin1 ignores its error handler; PyUnicode_FindChar
reports errors as -2; PyUnicode_AsUCS4 zeroes buffer[0] when the string and
its 0 do not fit."""

import array
import sys

import harness
from harness import raises_exact

import capi_unicode2 as c

BAD_ARG = "bad argument type for built-in operation"


class S(str):
    pass


def test_as_ascii_and_latin1():
    assert c.as_ascii("abc") == b"abc"
    assert c.as_latin1("caf\xe9\xff") == b"caf\xe9\xff"
    assert type(c.as_ascii(S("x"))) is bytes
    e = raises_exact(UnicodeEncodeError, c.as_ascii, "x\xe9")
    assert str(e) == "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)", str(e)
    e = raises_exact(UnicodeEncodeError, c.as_latin1, "\u20ac")
    assert str(e) == "'latin-1' codec can't encode character '\\u20ac' in position 0: ordinal not in range(256)", str(e)
    for f in (c.as_ascii, c.as_latin1):
        e = raises_exact(TypeError, f, b"abc")
        assert str(e) == BAD_ARG, str(e)


def test_decode_latin1():
    assert c.decode_latin1(bytes(range(256)), None) == "".join(map(chr, range(256)))
    assert c.decode_latin1(b"", None) == ""
    # Latin-1 cannot fail: the handler's name is not even looked up.
    assert c.decode_latin1(b"\xe9", "no-such-handler") == "\xe9"


def test_decode_fs_default():
    assert sys.getfilesystemencoding() == "utf-8"
    assert sys.getfilesystemencodeerrors() == "surrogateescape"
    assert c.decode_fs_default(b"caf\xc3\xa9") == "caf\xe9"
    assert c.decode_fs_default(b"a\xffb") == "a\udcffb"
    # C passes a NUL-terminated string: the rest is not seen.
    assert c.decode_fs_default(b"ab\0cd") == "ab"


def test_from_encoded_object():
    assert c.from_encoded(b"caf\xc3\xa9", None, None) == "caf\xe9"
    assert c.from_encoded(bytearray(b"\xe9"), "latin-1", None) == "\xe9"
    assert c.from_encoded(memoryview(b"xyz")[1:], "ascii", None) == "yz"
    assert c.from_encoded(array.array("B", [104, 105]), "utf-8", None) == "hi"
    assert c.from_encoded(b"a\xffb", "utf-8", "replace") == "a\ufffdb"
    e = raises_exact(UnicodeDecodeError, c.from_encoded, b"a\xff", "utf-8", None)
    assert str(e) == "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte", str(e)
    # Nothing to decode: "" without a codec lookup.
    assert c.from_encoded(b"", "no-such-codec", None) == ""
    assert c.from_encoded(bytearray(), "no-such-codec", None) == ""
    raises_exact(LookupError, c.from_encoded, b"x", "no-such-codec", None)
    e = raises_exact(TypeError, c.from_encoded, "text", None, None)
    assert str(e) == "decoding str is not supported", str(e)
    e = raises_exact(TypeError, c.from_encoded, 5, None, None)
    assert str(e) == "decoding to str: need a bytes-like object, int found", str(e)
    e = raises_exact(LookupError, c.from_encoded, b"x", "base64", None)
    assert str(e) == "'base64' is not a text encoding; use codecs.decode() to handle arbitrary codecs", str(e)


def test_join():
    assert c.join("-", ["a", "b", "c"]) == "a-b-c"
    assert c.join(None, ("a", "b")) == "a b"
    assert c.join(", ", iter(["x", S("y")])) == "x, y"
    assert c.join("", "abc") == "abc"
    s = "only"
    assert c.join("-", [s]) is s
    r = c.join("-", [S("sub")])
    assert r == "sub" and type(r) is str
    # Fewer than two items: the separator is never checked.
    assert c.join(5, []) == ""
    assert c.join(5, ["one"]) == "one"
    e = raises_exact(TypeError, c.join, 5, ["a", "b"])
    assert str(e) == "separator: expected str instance, int found", str(e)
    e = raises_exact(TypeError, c.join, "-", ["a", 2])
    assert str(e) == "sequence item 1: expected str instance, int found", str(e)
    e = raises_exact(TypeError, c.join, "-", 42)
    assert str(e) == "can only join an iterable", str(e)


def test_replace():
    assert c.replace("aaaa", "a", "b", -1) == "bbbb"
    assert c.replace("aaaa", "a", "b", 2) == "bbaa"
    assert c.replace("aaaa", "a", "b", 0) == "aaaa"
    assert c.replace("abc", "", "-", -1) == "-a-b-c-"
    r = c.replace(S("xax"), "a", "-", -1)
    assert r == "x-x" and type(r) is str
    for args in ((b"a", "a", "b"), ("a", 1, "b"), ("a", "a", None)):
        e = raises_exact(TypeError, c.replace, *args, -1)
        assert str(e).startswith("must be str, not "), str(e)


def test_contains():
    assert c.contains("hello", "ell") is True
    assert c.contains("hello", "") is True
    assert c.contains("hello", "lo!") is False
    assert c.contains("\U0001f600x", "x") is True
    e = raises_exact(TypeError, c.contains, "abc", 1)
    assert str(e) == "'in <string>' requires string as left operand, not int", str(e)
    e = raises_exact(TypeError, c.contains, ["abc"], "a")
    assert str(e) == "must be str, not list", str(e)


PREFIX, SUFFIX = -1, 1


def test_tailmatch():
    big = sys.maxsize
    assert c.tailmatch("hello", "he", 0, big, PREFIX) == 1
    assert c.tailmatch("hello", "lo", 0, big, SUFFIX) == 1
    assert c.tailmatch("hello", "lo", 0, big, PREFIX) == 0
    assert c.tailmatch("hello", "ll", 2, 4, PREFIX) == 1
    assert c.tailmatch("hello", "ll", 0, 4, SUFFIX) == 1
    assert c.tailmatch("hello", "el", -4, -2, PREFIX) == 1
    assert c.tailmatch("h\xe9\u20acl\U0001f600", "\u20acl", 2, big, PREFIX) == 1
    assert c.tailmatch("h\xe9\u20acl\U0001f600", "l\U0001f600", 0, big, SUFFIX) == 1
    # The empty string matches inside the bounds, not past the end.
    assert c.tailmatch("abc", "", 3, big, PREFIX) == 1
    assert c.tailmatch("abc", "", 4, big, PREFIX) == 0
    assert c.tailmatch("ab", "abc", 0, big, PREFIX) == 0
    # The same as str.startswith/endswith with those bounds.
    for sub in ("", "a", "ab", "ba", "b"):
        for start in (-9, -1, 0, 1, 2, 5):
            for end in (-9, -1, 0, 2, 3, 9):
                assert c.tailmatch("abab", sub, start, end, PREFIX) == "abab".startswith(sub, start, end)
                assert c.tailmatch("abab", sub, start, end, SUFFIX) == "abab".endswith(sub, start, end)
    e = raises_exact(TypeError, c.tailmatch, "abc", b"a", 0, 3, PREFIX)
    assert str(e) == "must be str, not bytes", str(e)


def test_find_char():
    s = "abcab\u20ac\U0001f600b"
    big = sys.maxsize
    assert c.find_char(s, ord("b"), 0, big, 1) == 1
    assert c.find_char(s, ord("b"), 0, big, -1) == 7
    assert c.find_char(s, ord("b"), 2, 7, 1) == 4
    assert c.find_char(s, ord("b"), 2, 4, -1) == -1
    assert c.find_char(s, 0x1F600, -3, big, 1) == 6
    assert c.find_char(s, 0x20AC, 0, -3, 1) == -1
    assert c.find_char(s, ord("z"), 0, big, 1) == -1
    assert c.find_char(s, ord("a"), 5, 2, 1) == -1
    # A char wider than the string's kind is simply not there.
    assert c.find_char("abc", 0x161, 0, big, 1) == -1
    for start in range(-10, 10):
        for end in range(-10, 10):
            assert c.find_char(s, ord("b"), start, end, 1) == s.find("b", start, end)
            assert c.find_char(s, ord("b"), start, end, -1) == s.rfind("b", start, end)


def test_format():
    assert c.format("%s-%d-%r", ("a", 3, "b")) == "a-3-'b'"
    assert c.format("%(x)s", {"x": 1}) == "1"
    assert c.format("%s", 5) == "5"
    assert c.format(S("%s!"), ("x",)) == "x!"
    e = raises_exact(TypeError, c.format, "%d", ("x",))
    assert str(e) == "%d format: a real number is required, not str", str(e)
    e = raises_exact(TypeError, c.format, "%s %s", ("x",))
    assert str(e) == "not enough arguments for format string", str(e)
    e = raises_exact(TypeError, c.format, b"%s", ("x",))
    assert str(e) == "must be str, not bytes", str(e)


def test_as_ucs4():
    U = c.UNTOUCHED
    s = "a\xe9\u20ac\U0001f600"
    points = [0x61, 0xE9, 0x20AC, 0x1F600]
    assert c.as_ucs4(s, 5, True) == (None, points + [0, U, U])
    assert c.as_ucs4(s, 4, False) == (None, points + [U, U])
    assert c.as_ucs4("", 1, True) == (None, [0, U, U])
    assert c.as_ucs4("", 0, False) == (None, [U, U])
    # Too small: SystemError, and buffer[0] zeroed when a 0 was asked for.
    exc, buf = c.as_ucs4(s, 4, True)
    assert type(exc) is SystemError and str(exc) == "string is longer than the buffer", exc
    assert buf == [0, U, U, U, U, U], buf
    exc, buf = c.as_ucs4(s, 3, False)
    assert type(exc) is SystemError and buf == [U] * 5, (exc, buf)
    exc, buf = c.as_ucs4(s, 0, True)
    assert type(exc) is SystemError and buf == [U, U], (exc, buf)


def test_as_ucs4_copy():
    assert c.as_ucs4_copy("a\xe9\u20ac\U0001f600") == [0x61, 0xE9, 0x20AC, 0x1F600, 0]
    assert c.as_ucs4_copy("") == [0]
    assert c.as_ucs4_copy(S("x\ud800")) == [0x78, 0xD800, 0]


def test_from_kind_and_data():
    k1, k2, k4 = c.kinds()
    assert (k1, k2, k4) == (1, 2, 4)
    assert c.from_kind_and_data(k1, b"caf\xe9", 4) == "caf\xe9"
    assert c.from_kind_and_data(k1, b"abcdef", 3) == "abc"
    assert c.from_kind_and_data(k2, array.array("H", [0x41, 0x20AC]).tobytes(), 2) == "A\u20ac"
    # UCS-2, not UTF-16: a surrogate pair stays two code points.
    s = c.from_kind_and_data(k2, array.array("H", [0xD83D, 0xDE00]).tobytes(), 2)
    assert s == "\ud83d\ude00" and len(s) == 2, ascii(s)
    s = c.from_kind_and_data(k4, array.array("I", [0x1F600, 0x61]).tobytes(), 2)
    assert s == "\U0001f600a", ascii(s)
    assert c.from_kind_and_data(k4, b"", 0) == ""
    # Beyond U+10FFFF. (With more code units CPython's scan for the widest
    # stops at U+10FFFF and it builds an invalid str; we raise for those too.)
    e = raises_exact(SystemError, c.from_kind_and_data, k4, array.array("I", [0x110000]).tobytes(), 1)
    assert str(e) == "invalid maximum character passed to PyUnicode_New", str(e)
    e = raises_exact(SystemError, c.from_kind_and_data, 3, b"abc", 1)
    assert str(e) == "invalid kind", str(e)
    e = raises_exact(ValueError, c.from_kind_and_data, k1, b"abc", -1)
    assert str(e) == "size must be positive", str(e)


# Py_UNICODE_IS*/TO* of one character: lower, upper, title, space,
# linebreak, tolower, toupper, totitle, todecimal, todigit, tonumeric,
# decimal, digit, numeric, printable, alpha, alnum (CPython 3.11's values;
# the case mappings are the first character of the full mapping: ß -> S).
CHAR_PROPS = {
    0x41: (0, 1, 0, 0, 0, 0x61, 0x41, 0x41, -1, -1, -1.0, 0, 0, 0, 1, 1, 1),
    0x61: (1, 0, 0, 0, 0, 0x61, 0x41, 0x41, -1, -1, -1.0, 0, 0, 0, 1, 1, 1),
    0x35: (0, 0, 0, 0, 0, 0x35, 0x35, 0x35, 5, 5, 5.0, 1, 1, 1, 1, 0, 1),
    0x20: (0, 0, 0, 1, 0, 0x20, 0x20, 0x20, -1, -1, -1.0, 0, 0, 0, 1, 0, 0),
    0x1C: (0, 0, 0, 1, 1, 0x1C, 0x1C, 0x1C, -1, -1, -1.0, 0, 0, 0, 0, 0, 0),
    0x85: (0, 0, 0, 1, 1, 0x85, 0x85, 0x85, -1, -1, -1.0, 0, 0, 0, 0, 0, 0),
    0xA0: (0, 0, 0, 1, 0, 0xA0, 0xA0, 0xA0, -1, -1, -1.0, 0, 0, 0, 0, 0, 0),
    0x1C5: (0, 0, 1, 0, 0, 0x1C6, 0x1C4, 0x1C5, -1, -1, -1.0, 0, 0, 0, 1, 1, 1),
    0x130: (0, 1, 0, 0, 0, 0x69, 0x130, 0x130, -1, -1, -1.0, 0, 0, 0, 1, 1, 1),
    0xDF: (1, 0, 0, 0, 0, 0xDF, 0x53, 0x53, -1, -1, -1.0, 0, 0, 0, 1, 1, 1),
    0x2028: (0, 0, 0, 1, 1, 0x2028, 0x2028, 0x2028, -1, -1, -1.0, 0, 0, 0, 0, 0, 0),
    0x660: (0, 0, 0, 0, 0, 0x660, 0x660, 0x660, 0, 0, 0.0, 1, 1, 1, 1, 0, 1),
    0xB2: (0, 0, 0, 0, 0, 0xB2, 0xB2, 0xB2, -1, 2, 2.0, 0, 1, 1, 1, 0, 1),
    0x2155: (0, 0, 0, 0, 0, 0x2155, 0x2155, 0x2155, -1, -1, 0.2, 0, 0, 1, 1, 0, 1),
    0x3000: (0, 0, 0, 1, 0, 0x3000, 0x3000, 0x3000, -1, -1, -1.0, 0, 0, 0, 0, 0, 0),
    0xFFFF: (0, 0, 0, 0, 0, 0xFFFF, 0xFFFF, 0xFFFF, -1, -1, -1.0, 0, 0, 0, 0, 0, 0),
    # Past the last code point: no properties, mapped to itself.
    0x110000: (0, 0, 0, 0, 0, 0x110000, 0x110000, 0x110000, -1, -1, -1.0, 0, 0, 0, 0, 0, 0),
}


def test_character_property_macros():
    for ch, want in CHAR_PROPS.items():
        got = c.char_props(ch)
        assert got == want, (hex(ch), got, want)


if __name__ == "__main__":
    harness.run(globals())
