"""Check for capi_unicode_writer: PyUnicodeWriter (new in CPython 3.14).

c.run_steps(steps) applies each step to one writer and returns the finished
str with a log: 0 (or, for a stateful decode, the bytes consumed) per
successful step, the exception a failed step raised.  CPython documents
that a failed write leaves the writer unchanged, which the result shows.

The oracle is CPython 3.14 (tests/c_tests.rs, CPYTHON314_FAMILIES)."""

import harness

import capi_unicode_writer as c


def test_every_kind_of_write():
    text, log = c.run_steps([
        ("str", "ab"),
        ("char", 0x263A),
        ("utf8", "é".encode()),
        ("ascii", b"xyz"),
        ("ucs4", [0x1F600, 0x41]),
        ("wide", [0x48, 0x49, 0], -1),
        ("repr", "q"),
        ("repr",),
        ("substring", "[long]", 1, 5),
        ("format", "k", 7),
        ("str", 42),
    ], 8)
    assert text == "ab\u263aéxyz\U0001f600AHI'q'<NULL>longk=742", ascii(text)
    assert log == [0] * 11, log


def test_sizes_minus_one_read_to_the_terminator():
    text, log = c.run_steps([("utf8", b"var\x00zz", -1), ("ascii", b"=\x00x", -1), ("wide", [0x31, 0x32, 0], 1)])
    assert (text, log) == ("var=1", [0, 0, 0])


def test_failed_writes_leave_the_writer_unchanged():
    # Not here: WriteUCS4 of a value above U+10FFFF, which CPython 3.14 does
    # not check (it makes a str holding it); rustpy raises ValueError.
    text, log = c.run_steps([
        ("str", "ab"),
        ("char", 0x110000),
        ("utf8", b"x\xff"),
        ("substring", "abc", 2, 1),
        ("substring", "abc", 0, 4),
        ("substring", "abc", -1, 1),
        ("substring", b"abc", 0, 1),
        ("str", "!"),
    ])
    assert text == "ab!", ascii(text)
    kinds = [type(e) for e in log]
    assert kinds == [int, ValueError, UnicodeDecodeError, ValueError, ValueError, ValueError, TypeError, int], kinds
    assert str(log[1]) == "character must be in range(0x110000)", log[1]


def test_stateful_decoding_keeps_an_incomplete_sequence():
    text, log = c.run_steps([
        ("decode", b"ab\xe2\x82", None, True),
        ("decode", b"\xe2\x82\xac", None, True),
        ("decode", b"c\xff", "replace", False),
    ])
    assert text == "ab\u20acc\ufffd", ascii(text)
    assert log == [2, 3, 0], log


def test_create_rejects_a_negative_length():
    harness.raises_exact(ValueError, c.create_negative)


if __name__ == "__main__":
    harness.run(globals())
