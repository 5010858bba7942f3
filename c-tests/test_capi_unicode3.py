"""Check for capi_unicode3: PyUnicode codecs, searching, comparison,
appending and wchar_t.

CPython's rules checked here: a UTF-16/32 byte order of 0 (or NULL) reads
a BOM and the order found is written back; -1/1 keep a BOM as U+FEFF; a
stateful decode leaves an incomplete character unconsumed; a NULL charmap
is Latin-1; PyUnicode_Find is -1 when absent; PyUnicode_RichCompare of a
non-str is NotImplemented; PyUnicode_Append to a non-str fails with
SystemError and leaves NULL."""

import sys

import harness
from harness import raises_exact

import capi_unicode3 as c

BOM16 = b"\xff\xfe"


def test_utf16():
    assert c.decode("utf16", BOM16 + b"a\x00b\x00", 0, False) == ("ab", -1, None)
    assert c.decode("utf16", b"\xfe\xff\x00a", 0, False) == ("a", 1, None)
    assert c.decode("utf16", BOM16 + b"a\x00", -1, False)[0] == "\ufeffa"
    assert c.decode("utf16", b"\x00a\x00b", 1, False) == ("ab", 1, None)
    # NULL byte order: a BOM is read and dropped.
    assert c.decode("utf16", BOM16 + b"a\x00", None, False) == ("a", None, None)
    assert c.decode("utf16", BOM16 + b"a\x00b", 0, True) == ("a", -1, 4)
    raises_exact(UnicodeDecodeError, c.decode, "utf16", BOM16 + b"a\x00b", 0, False)


def test_utf32_utf7_utf8():
    data = b"\xff\xfe\x00\x00a\x00\x00\x00"
    assert c.decode("utf32", data, 0, False) == ("a", -1, None)
    assert c.decode("utf32", data + b"b\x00", 0, True) == ("a", -1, 8)
    assert c.decode("utf7", b"a+AOk-", None, False)[0] == "a\u00e9"
    assert c.decode("utf8", b"a\xc3", None, True) == ("a", None, 1)
    raises_exact(UnicodeDecodeError, c.decode, "utf8", b"a\xc3", None, False)


def test_escapes_and_fs():
    assert c.decode("unicode_escape", b"a\\n\\u00e9", None, False)[0] == "a\n\u00e9"
    assert c.decode("raw_unicode_escape", b"a\\n\\u00e9", None, False)[0] == "a\\n\u00e9"
    assert c.encode("unicode_escape", "a\n\u00e9") == b"a\\n\\xe9"
    assert c.encode("raw_unicode_escape", "a\u00e9\u20ac") == b"a\xe9\\u20ac"
    assert c.decode("fs", b"a\xffb", None, False)[0] == "a\udcffb"
    assert c.encode("fs", "a\udcffb") == b"a\xffb"
    assert c.encode("utf16", "a") == "a".encode("utf-16")
    assert c.encode("utf32", "a") == "a".encode("utf-32")
    e = raises_exact(TypeError, c.encode, "utf16", b"x")
    assert str(e) == "bad argument type for built-in operation", e


def test_charmap():
    assert c.charmap(b"ab", {97: "x", 98: "yz"}, "ab", {97: 65, 98: 66}) == ("xyz", b"AB")
    # A NULL mapping decodes Latin-1, but encoding needs a mapping.
    assert c.charmap(b"\xe9", None, "\u00e9", {0xE9: 0xE9}) == ("\u00e9", b"\xe9")
    raises_exact(TypeError, c.charmap, b"", None, "a", None)
    raises_exact(UnicodeDecodeError, c.charmap, b"ab", {97: "x"}, "a", {97: 1})
    raises_exact(UnicodeEncodeError, c.charmap, b"", None, "\u20ac", {97: 1})


def test_search():
    assert c.search("abcabc", "bc", 0, sys.maxsize) == (1, 4, 2)
    assert c.search("abcabc", "bc", 2, 6) == (4, 4, 1)
    assert c.search("abc", "z", 0, 3) == (-1, -1, 0)
    raises_exact(TypeError, c.search, "abc", 1, 0, 3)


def test_pieces():
    rsplit, lines, part, rpart, same = c.pieces("a,b,c\nd", ",")
    assert rsplit == ["a,b", "c\nd"]
    assert lines == ["a,b,c\n", "d"]
    assert part == ("a", ",", "b,c\nd")
    assert rpart == ("a,b", ",", "c\nd")
    assert same == "a,b,c\nd"


def test_compare():
    assert c.compare("a", "b", 0) is True
    assert c.compare("a", "b", 2) is False
    assert c.compare("b", "a", 4) is True
    assert c.compare("a", 1, 2) is NotImplemented


def test_predicates_and_default_encoding():
    # PyUnicode_EqualToUTF8AndSize is 3.13's: -1 when built for older.
    eq = lambda r: r if sys.version_info >= (3, 13) else (r[0], -1)
    assert c.predicates("abc_1", b"abc_1") == eq((1, 1))
    assert c.predicates("1abc", b"1abd") == eq((0, 0))
    assert c.predicates("\u00e9", "\u00e9".encode()) == eq((1, 1))
    assert c.default_encoding() == "utf-8"


def test_append():
    assert c.append("ab", "cd", False) == "abcd"
    assert c.append("ab", "cd", True) == "abcd"
    raises_exact(SystemError, c.append, "ab", 1, False)


def test_wide():
    n, size, back, head = c.wide("h\u00e9\U0001f600")
    assert back == "h\u00e9\U0001f600" and head == "h\u00e9\U0001f600"
    assert size == n == (4 if sys.platform == "win32" else 3)
    n, size, back, head = c.wide("0123456789")
    assert (n, size, back, head) == (8, 10, "0123456789", "01234567")


if __name__ == "__main__":
    harness.run(globals())
