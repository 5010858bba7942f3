"""Check for capi_str_bytes: PyUnicode_* and PyBytes_*."""

import harness
from harness import raises_exact

import capi_str_bytes as c

TEXT = "h\u00e9llo \u20ac \U0001F600"
TEXT_UTF8 = TEXT.encode("utf-8")


class StrSub(str):
    pass


class BytesSub(bytes):
    pass


def test_from_string():
    s = c.str_ascii()
    assert type(s) is str and s == "hello"
    s = c.str_utf8()
    assert type(s) is str
    assert s == TEXT
    assert len(s) == 9
    assert c.str_empty() == ""


def test_from_string_stops_at_nul():
    assert c.str_from_cstring(b"ab\x00cd") == "ab"
    assert c.str_from_cstring(TEXT_UTF8) == TEXT


def test_from_string_invalid_utf8():
    e = raises_exact(UnicodeDecodeError, c.str_from_cstring, b"ok\xff")
    assert e.encoding == "utf-8"
    assert e.start == 2 and e.end == 3
    assert "invalid start byte" in str(e)
    e = raises_exact(UnicodeDecodeError, c.str_from_string_and_size, b"a\xe2\x82", 3)
    assert e.start == 1
    assert "unexpected end of data" in str(e)


def test_from_string_and_size():
    assert c.str_from_string_and_size(b"a\x00b", 3) == "a\x00b"
    assert len(c.str_from_string_and_size(b"a\x00b", 3)) == 3
    assert c.str_from_string_and_size(b"abcdef", 3) == "abc"
    assert c.str_from_string_and_size(b"abc", 0) == ""
    assert c.str_from_string_and_size(TEXT_UTF8, len(TEXT_UTF8)) == TEXT
    # cut in the middle of the 4-byte emoji
    raises_exact(UnicodeDecodeError, c.str_from_string_and_size, TEXT_UTF8, len(TEXT_UTF8) - 1)


def test_as_utf8():
    b = c.str_as_utf8("hello")
    assert type(b) is bytes and b == b"hello"
    assert c.str_as_utf8(TEXT) == TEXT_UTF8
    assert c.str_as_utf8("") == b""
    assert c.str_as_utf8(StrSub("sub")) == b"sub"
    if c.PY_VERSION_HEX >= 0x030D0000:
        # 3.13 made PyUnicode_AsUTF8 refuse strings with an embedded NUL
        raises_exact(ValueError, c.str_as_utf8, "a\x00b", match="embedded null character")
    else:
        # before 3.13 it gives the NUL-terminated buffer; reading it as a C
        # string stops at the embedded NUL
        assert c.str_as_utf8("a\x00b") == b"a"


def test_as_utf8_and_size():
    assert c.str_as_utf8_and_size("hello") == (b"hello", 5, True)
    assert c.str_as_utf8_and_size(TEXT) == (TEXT_UTF8, len(TEXT_UTF8), True)
    assert c.str_as_utf8_and_size("a\x00b") == (b"a\x00b", 3, True)
    assert c.str_as_utf8_and_size("") == (b"", 0, True)
    assert c.str_as_utf8_and_size("\U0010FFFF") == (b"\xf4\x8f\xbf\xbf", 4, True)
    assert c.str_as_utf8_and_null_size(TEXT) == TEXT_UTF8


def test_as_utf8_errors():
    raises_exact(TypeError, c.str_as_utf8, 1, match="bad argument type for built-in operation")
    raises_exact(TypeError, c.str_as_utf8, b"x", match="bad argument type for built-in operation")
    raises_exact(TypeError, c.str_as_utf8_and_size, 1, match="bad argument type for built-in operation")
    e = raises_exact(UnicodeEncodeError, c.str_as_utf8, "a\ud800")
    assert "surrogates not allowed" in str(e)
    assert e.start == 1
    raises_exact(UnicodeEncodeError, c.str_as_utf8_and_size, "\udfff")


def test_as_utf8_buffer_stays_valid():
    s = "stable " + "x" * 100 + " \u20ac"
    first, same = c.str_utf8_stays_valid(s)
    assert first == s.encode("utf-8")
    assert same is True


def test_get_length():
    assert c.str_get_length("") == 0
    assert c.str_get_length("hello") == 5
    assert c.str_get_length("h\u00e9llo") == 5
    assert c.str_get_length("\U0001F600") == 1
    assert c.str_get_length(TEXT) == 9
    assert c.str_get_length("a\x00b") == 3
    assert c.str_get_length("\U0001F600" * 1000) == 1000
    raises_exact(TypeError, c.str_get_length, b"x", match="bad argument type for built-in operation")
    raises_exact(TypeError, c.str_get_length, 5, match="bad argument type for built-in operation")


def test_str_check():
    assert c.str_check("x") == (True, True)
    assert c.str_check(StrSub("x")) == (True, False)
    assert c.str_check(b"x") == (False, False)
    assert c.str_check(None) == (False, False)


def test_format_ints():
    assert c.format_ints() == (
        "-5|7|-1234567890123|99|-9000000000000000000|-99|42|4000000000"
        "|18446744073709551615|12345|ff|0|0"
    )


def test_format_strings():
    assert c.format_strings() == "abc|h\u00e9|abc|short|A|\u20ac|%|100%|a\ufffdb"


def test_format_widths():
    assert c.format_widths() == "[   42][ -7][12345][x][]"


def test_format_objects():
    assert c.format_objects("x'y", "u") == "x'y|\"x'y\"|u|u|fallback"
    assert c.format_objects(12, "\u20ac") == "12|12|\u20ac|\u20ac|fallback"

    class O:
        def __str__(self):
            return "STR"

        def __repr__(self):
            return "REPR"

    assert c.format_objects(O(), "") == "STR|REPR|||fallback"
    assert c.format_objects([1, "a"], "z") == "[1, 'a']|[1, 'a']|z|z|fallback"
    raises_exact(TypeError, c.format_objects, 1, 2)


def test_format_ascii():
    assert c.format_ascii("\u00e9\n") == "<'\\xe9\\n'>"
    assert c.format_ascii(5) == "<5>"


def test_format_pointer():
    p = c.format_pointer()
    assert type(p) is str
    assert p.startswith("0x"), p
    int(p, 16)


def test_format_propagates_repr_error():
    class Bad:
        def __repr__(self):
            raise KeyError("from repr")

    e = raises_exact(KeyError, c.format_repr_of, Bad())
    assert e.args == ("from repr",)
    assert c.format_repr_of("q") == "value='q'"


def test_bytes_from_string():
    b = c.bytes_from_string()
    assert type(b) is bytes
    assert b == b"abc\xff"


def test_bytes_from_string_and_size():
    assert c.bytes_from_string_and_size(b"a\x00b\x00", 4) == b"a\x00b\x00"
    assert c.bytes_from_string_and_size(b"abcdef", 2) == b"ab"
    assert c.bytes_from_string_and_size(b"abc", 0) == b""
    data = bytes(range(256))
    assert c.bytes_from_string_and_size(data, 256) == data


def test_bytes_fill_through_as_string():
    b = c.bytes_fill(10)
    assert type(b) is bytes
    assert b == b"abc\x00efghij"
    big = c.bytes_fill(100000)
    assert big == bytes(0 if i % 7 == 3 else ord("a") + i % 26 for i in range(100000))
    assert c.bytes_fill(0) == b""


def test_bytes_as_string():
    assert c.bytes_as_string(b"hello") == b"hello"
    assert c.bytes_as_string(b"ab\x00cd") == b"ab"
    assert c.bytes_as_string(b"") == b""
    assert c.bytes_as_string(BytesSub(b"sub")) == b"sub"
    raises_exact(TypeError, c.bytes_as_string, "x", match="expected bytes, str found")
    raises_exact(TypeError, c.bytes_as_string, bytearray(b"x"), match="expected bytes, bytearray found")


def test_bytes_as_string_and_size():
    assert c.bytes_as_string_and_size(b"a\x00b\x00") == (b"a\x00b\x00", 4)
    assert c.bytes_as_string_and_size(b"") == (b"", 0)
    data = bytes(range(256)) * 10
    assert c.bytes_as_string_and_size(data) == (data, 2560)
    raises_exact(TypeError, c.bytes_as_string_and_size, "x", match="expected bytes, str found")


def test_bytes_as_string_and_size_null_len():
    assert c.bytes_as_string_no_len(b"abc") == b"abc"
    raises_exact(ValueError, c.bytes_as_string_no_len, b"a\x00b", match="embedded null byte")


def test_bytes_size():
    assert c.bytes_size(b"") == 0
    assert c.bytes_size(b"a\x00b") == 3
    assert c.bytes_size(b"x" * 1000) == 1000
    raises_exact(TypeError, c.bytes_size, "x", match="expected bytes, str found")
    raises_exact(TypeError, c.bytes_size, memoryview(b"x"), match="expected bytes, memoryview found")


def test_bytes_macros():
    assert c.bytes_macros(b"a\x00b") == (3, b"a\x00b", True)
    assert c.bytes_macros(b"") == (0, b"", True)
    assert c.bytes_macros(BytesSub(b"xy")) == (2, b"xy", True)


def test_bytes_check():
    assert c.bytes_check(b"") == (True, True)
    assert c.bytes_check(BytesSub(b"")) == (True, False)
    assert c.bytes_check(bytearray()) == (False, False)
    assert c.bytes_check("") == (False, False)


def test_str_layout_macros():
    for text, kind, ascii, maxchar in (
        ("hello", 1, 1, 0x7F),
        ("", 1, 1, 0x7F),
        ("caf\u00e9", 1, 0, 0xFF),
        ("\u20ac uro", 2, 0, 0xFFFF),
        ("emoji \U0001F600", 4, 0, 0x10FFFF),
    ):
        assert c.str_layout(text) == (len(text), kind, ascii, maxchar, [ord(ch) for ch in text]), text


def test_str_built_in_c():
    for text, maxchar in (("abc", 0x7F), ("d\u00e9j\u00e0", 0xFF), ("\u20ac\u0100", 0xFFFF), ("x\U0001F600y", 0x10FFFF)):
        s = c.build_str([ord(ch) for ch in text], maxchar)
        assert type(s) is str and s == text, (s, text)
        assert len(s) == len(text)
        assert c.str_layout(s)[4] == [ord(ch) for ch in text]
    assert c.build_str([], 0x7F) == ""
    raises_exact(SystemError, c.build_str, [65], 0x110000)

def test_decode_by_encoding_name():
    assert c.str_decode("é€".encode()) == "é€"
    assert c.str_decode(b"\xe9", "latin-1") == "é"
    assert c.str_decode(b"a\xff", "ascii", "replace") == "a\ufffd"
    raises_exact(UnicodeDecodeError, c.str_decode, b"\xff", "utf-8")
    raises_exact(LookupError, c.str_decode, b"x", "no-such-codec")
    # No bytes: "" without a codec lookup.
    assert c.str_decode(b"", "no-such-codec") == ""
    e = raises_exact(LookupError, c.str_decode, b"x", "hex_codec")
    assert str(e) == "'hex_codec' is not a text encoding; use codecs.decode() to handle arbitrary codecs", str(e)


if __name__ == "__main__":
    harness.run(globals())
