"""Check for capi_funcs: PyFunction_*, PyCell_* and PyCodec_*.

CPython's rules checked here: a function's missing defaults, keyword
defaults, closure and annotations read as NULL (no exception) from C;
setting defaults to a non-tuple is SystemError "non-tuple default args";
PyCell_Get of an empty cell is NULL without an exception; a wrong-typed
function or cell argument is PyErr_BadInternalCall's SystemError;
PyCodec_KnownEncoding never raises; errors=NULL is "strict"."""

import codecs
import io

import harness
from harness import raises_exact

import capi_funcs as c


def sample(a, b=2, *, k=3):
    return a + b + k


def with_closure():
    x = 5

    def inner():
        return x

    return inner


def test_function_fields():
    code, globs, module, defaults, kwdefaults, closure, annotations = c.func_fields(sample)
    assert code is sample.__code__
    assert globs is globals()
    assert module == __name__
    assert defaults == (2,)
    assert kwdefaults == {"k": 3}
    assert closure == "NULL"
    inner = with_closure()
    fields = c.func_fields(inner)
    assert fields[3] == "NULL" and fields[4] == "NULL"
    assert type(fields[5]) is tuple and fields[5][0].cell_contents == 5


def test_function_macros_and_check():
    code, defaults, globs = c.func_macros(sample)
    assert code is sample.__code__ and defaults == (2,) and globs is globals()
    assert c.func_check(sample) is True
    assert c.func_check(len) is False
    assert c.func_check(lambda: 0) is True
    raises_exact(SystemError, c.func_fields, len)


def test_function_new():
    g = {"y": 10}
    f = c.func_new(compile("y", "<f>", "eval"), g)
    assert f() == 10
    assert f.__name__ == "<module>" and f.__globals__ is g
    f2 = c.func_new(compile("y", "<f>", "eval"), g, "Q.name")
    assert f2.__qualname__ == "Q.name"
    raises_exact(SystemError, c.func_new, compile("1", "<f>", "eval"), [])


def test_function_setters():
    def f(a, b=1):
        return a + b

    c.func_set(f, "defaults", (10,))
    assert f.__defaults__ == (10,) and f(1) == 11
    c.func_set(f, "defaults", None)
    assert f.__defaults__ is None
    e = raises_exact(SystemError, c.func_set, f, "defaults", [1])
    assert "non-tuple default args" in str(e), e
    raises_exact(SystemError, c.func_set_null, f)
    c.func_set(f, "kwdefaults", {"z": 1})
    assert f.__kwdefaults__ == {"z": 1}
    raises_exact(SystemError, c.func_set, f, "kwdefaults", (1,))
    c.func_set(f, "annotations", {"a": int})
    assert f.__annotations__ == {"a": int}
    raises_exact(SystemError, c.func_set, f, "annotations", 5)
    raises_exact(SystemError, c.func_set, len, "defaults", ())


def test_classmethod_staticmethod():
    cm, sm = c.class_static(sample)
    assert type(cm) is classmethod and cm.__func__ is sample
    assert type(sm) is staticmethod and sm.__func__ is sample


def test_cells():
    cell = c.cell_new(7)
    assert type(cell).__name__ == "cell"
    assert c.cell_get(cell) == 7
    c.cell_set(cell, "x")
    assert cell.cell_contents == "x"
    c.cell_set(cell, None)
    assert c.cell_get(cell) == "NULL"
    c.cell_set(cell, None)
    empty = c.cell_new()
    assert c.cell_get(empty) == "NULL"
    assert c.cell_macros(empty, [1]) == [1]
    assert c.cell_macros(empty, (2,)) == (2,)
    raises_exact(SystemError, c.cell_get, [1])
    raises_exact(SystemError, c.cell_set, 5, 1)
    closure_cell = with_closure().__closure__[0]
    assert c.cell_get(closure_cell) == 5


def test_codec_encode_decode():
    assert c.codec_encode("h\u00e9", "utf-8") == b"h\xc3\xa9"
    assert c.codec_encode("h\u00e9", "ascii", "replace") == b"h?"
    assert c.codec_decode(b"h\xc3\xa9", "utf-8") == "h\u00e9"
    assert c.codec_decode(b"68656c6c6f", "hex") == b"hello"
    raises_exact(UnicodeEncodeError, c.codec_encode, "\u00e9", "ascii")
    raises_exact(LookupError, c.codec_encode, "x", "no-such-codec")


def test_known_encoding():
    assert c.codec_known("utf-8") == 1
    assert c.codec_known("latin-1") == 1
    assert c.codec_known("no-such-codec") == 0


def test_codec_objects():
    enc, dec, e, d = c.codec_objects("utf-8")
    # (RustPython's utf_8_encode counts the characters it consumed in
    # bytes; the encoded bytes are what this checks.)
    assert enc("\u00e9")[0] == b"\xc3\xa9"
    assert dec(b"\xc3\xa9") == ("\u00e9", 2)
    assert e == b"\xc3\xa9" and d == "\u00e9"
    w = c.codec_stream("utf-8", io.BytesIO(), True)
    w.write("\u00e9")
    assert w.stream.getvalue() == b"\xc3\xa9"
    r = c.codec_stream("ascii", io.BytesIO(b"a\xffb"), False)
    assert r.read() == "a\ufffdb"


def test_register_and_unregister():
    def search(name):
        if name == "cpyext_test_rot":
            return codecs.lookup("rot13")
        return None

    c.codec_register(search)
    try:
        assert c.codec_known("cpyext_test_rot") == 1
        assert c.codec_encode("abc", "cpyext_test_rot") == "nop"
    finally:
        c.codec_unregister(search)


def test_error_handlers():
    def handler(exc):
        return ("<%d>" % exc.start, exc.end)

    c.codec_register_error("cpyext_test_handler", handler)
    assert c.codec_lookup_error("cpyext_test_handler") is handler
    assert "\u00e9x".encode("ascii", "cpyext_test_handler") == b"<0>x"
    assert c.codec_lookup_error() is codecs.lookup_error("strict")
    raises_exact(LookupError, c.codec_lookup_error, "no-such-handler")
    exc = UnicodeEncodeError("ascii", "a\u00e9b", 1, 2, "nope")
    assert c.codec_handler("ignore", exc) == ("", 2)
    assert c.codec_handler("replace", exc) == ("?", 2)
    assert c.codec_handler("xmlcharrefreplace", exc) == ("&#233;", 2)
    assert c.codec_handler("backslashreplace", exc) == ("\\xe9", 2)
    assert c.codec_handler("namereplace", exc) == ("\\N{LATIN SMALL LETTER E WITH ACUTE}", 2)
    raises_exact(UnicodeEncodeError, c.codec_handler, "strict", exc)


if __name__ == "__main__":
    harness.run(globals())
