"""Check for capi_errors: the error indicator (PyErr_*), exception matching,
new exception types, and the PyExc_* data symbols."""

import builtins
import sys

import harness
from harness import raises_exact

import capi_errors as c


class MyValueError(ValueError):
    pass


def raiser(exc):
    def f():
        raise exc

    return f


# ---- setting -------------------------------------------------------------


def test_set_string():
    e = raises_exact(ValueError, c.set_string, ValueError, "bad value")
    assert e.args == ("bad value",)
    e = raises_exact(KeyError, c.set_string, KeyError, "h\u00e9")
    assert e.args == ("h\u00e9",)
    e = raises_exact(MyValueError, c.set_string, MyValueError, "mine")
    assert e.args == ("mine",)


def test_set_object():
    e = raises_exact(ValueError, c.set_object, ValueError, "msg")
    assert e.args == ("msg",)
    # a tuple value is the argument tuple
    e = raises_exact(KeyError, c.set_object, KeyError, ("a", 1))
    assert e.args == ("a", 1)
    # an instance of the type (or a subclass) is raised as is
    inst = MyValueError("inst")
    e = raises_exact(MyValueError, c.set_object, ValueError, inst)
    assert e is inst
    # an instance of an unrelated type becomes the single argument
    k = KeyError("x")
    e = raises_exact(ValueError, c.set_object, ValueError, k)
    assert e.args == (k,) and e.args[0] is k
    e = raises_exact(ValueError, c.set_object, ValueError, None)
    assert e.args == ()


def test_set_none():
    e = raises_exact(IndexError, c.set_none, IndexError)
    assert e.args == ()
    e = raises_exact(StopIteration, c.set_none, StopIteration)
    assert e.value is None


def test_set_non_exception_type():
    raises_exact(SystemError, c.set_string, int, "x", match="is not a BaseException subclass")
    raises_exact(SystemError, c.set_none, 5, match="is not a BaseException subclass")


def test_set_inside_except_chains_context():
    try:
        raise KeyError("outer")
    except KeyError as outer:
        e = raises_exact(ValueError, c.set_string, ValueError, "inner")
        assert e.__context__ is outer
        assert e.__cause__ is None


def test_occurred():
    t, clear = c.occurred_type(KeyError)
    assert t is KeyError
    assert clear is True
    t, _ = c.occurred_type(MyValueError)
    assert t is MyValueError
    assert c.occurred_is_null() is True


def test_occurred_ignores_handled_exception():
    try:
        raise ValueError("handled")
    except ValueError:
        assert c.occurred_is_null() is True


def test_clear():
    assert c.set_and_clear() is None
    assert c.restore_null_clears() is True


# ---- fetch / restore / normalize -----------------------------------------


def test_fetch_set_string():
    t, v, tb, clear = c.fetch_set_string(KeyError, "k")
    assert t is KeyError
    assert type(v) is KeyError
    assert v.args == ("k",)
    assert tb is None
    assert clear is True


def test_fetch_from_python_raise():
    err = MyValueError("py")
    t, v, tb = c.fetch_from_call(raiser(err))
    assert t is MyValueError
    assert v is err
    assert tb is not None
    assert type(tb).__name__ == "traceback"
    assert tb.tb_frame is not None


def test_fetch_restore_keeps_identity():
    err = KeyError("same")
    e = raises_exact(KeyError, c.fetch_restore_call, raiser(err))
    assert e is err
    assert e.__traceback__ is not None


def test_restore():
    e = raises_exact(ValueError, c.restore, ValueError, "msg")
    assert e.args == ("msg",)
    e = raises_exact(ValueError, c.restore, ValueError, ("a", 2))
    assert e.args == ("a", 2)
    e = raises_exact(ValueError, c.restore, ValueError, None)
    assert e.args == ()
    inst = MyValueError("x")
    e = raises_exact(MyValueError, c.restore, MyValueError, inst)
    assert e is inst


def test_normalize():
    t, v = c.normalize(KeyError, "k")
    assert t is KeyError and type(v) is KeyError and v.args == ("k",)
    t, v = c.normalize(KeyError, None)
    assert t is KeyError and type(v) is KeyError and v.args == ()
    t, v = c.normalize(ValueError, (1, 2))
    assert t is ValueError and v.args == (1, 2)
    inst = KeyError("x")
    # an instance of a subclass: the type becomes the instance's class
    t, v = c.normalize(LookupError, inst)
    assert t is KeyError and v is inst


# ---- GetRaisedException / SetRaisedException -----------------------------


def test_get_raised_exception():
    err = MyValueError("got")
    exc, clear = c.get_raised_from_call(raiser(err))
    assert exc is err
    assert clear is True
    assert exc.__traceback__ is not None
    exc = c.get_raised_set_string(KeyError, "k")
    assert type(exc) is KeyError and exc.args == ("k",)
    assert c.get_raised_none() is True


def test_set_raised_exception():
    err = ValueError("set")
    e = raises_exact(ValueError, c.set_raised, err)
    assert e is err
    e = raises_exact(MyValueError, c.get_set_raised_call, raiser(MyValueError("round trip")))
    assert e.args == ("round trip",)
    orig = KeyError("orig")
    e = raises_exact(KeyError, c.get_set_raised_call, raiser(orig))
    assert e is orig


# ---- matching ------------------------------------------------------------


def test_exception_matches():
    assert c.exception_matches(KeyError, KeyError) is True
    assert c.exception_matches(KeyError, LookupError) is True
    assert c.exception_matches(KeyError, Exception) is True
    assert c.exception_matches(KeyError, BaseException) is True
    assert c.exception_matches(KeyError, ValueError) is False
    assert c.exception_matches(LookupError, KeyError) is False
    assert c.exception_matches(KeyError, (ValueError, LookupError)) is True
    assert c.exception_matches(KeyError, (ValueError, TypeError)) is False
    assert c.exception_matches(KeyError, (ValueError, (TypeError, KeyError))) is True
    assert c.exception_matches(MyValueError, ValueError) is True
    assert c.exception_matches(SystemExit, Exception) is False
    assert c.exception_matches_unset(Exception) is False


def test_given_exception_matches():
    assert c.given_matches(KeyError, LookupError) is True
    assert c.given_matches(KeyError("x"), LookupError) is True  # instance given
    assert c.given_matches(KeyError("x"), (TypeError, KeyError)) is True
    assert c.given_matches(KeyError, TypeError) is False
    assert c.given_matches(ValueError("x"), ValueError) is True
    assert c.given_matches(MyValueError(), ValueError) is True
    assert c.given_matches(ValueError(), MyValueError) is False
    assert c.given_matches(KeyError, ()) is False


# ---- new exception types -------------------------------------------------


def test_new_exception_default_base():
    E = c.MyError
    assert isinstance(E, type)
    assert E.__name__ == "MyError"
    assert E.__qualname__ == "MyError"
    assert E.__module__ == "capi_errors"
    assert E.__bases__ == (Exception,)
    assert issubclass(E, Exception)
    assert E.__doc__ is None
    assert repr(E) == "<class 'capi_errors.MyError'>"


def test_new_exception_raise_and_catch():
    try:
        c.raise_my_error("from c")
    except c.MyError as e:
        assert type(e) is c.MyError
        assert e.args == ("from c",)
        assert str(e) == "from c"
    else:
        raise AssertionError("not raised")
    # Python can raise it and C-made code can catch it by identity
    e = raises_exact(c.MyError, c.set_string, c.MyError, "py")
    assert e.args == ("py",)


def test_new_exception_bases():
    assert c.SubError.__bases__ == (ValueError,)
    assert c.SubError.__module__ == "capi_errors"
    assert issubclass(c.SubError, ValueError)
    assert c.MultiError.__bases__ == (KeyError, TypeError)
    assert issubclass(c.MultiError, LookupError) and issubclass(c.MultiError, TypeError)
    try:
        c.set_none(c.MultiError)
    except TypeError as e:
        assert type(e) is c.MultiError
    else:
        raise AssertionError("not raised")


def test_new_exception_dict():
    assert c.DictError.extra == 5
    assert c.DictError.__bases__ == (Exception,)
    assert c.DictError.__module__ == "capi_errors"


def test_new_exception_with_doc():
    assert c.DocError.__doc__ == "Documented error."
    assert c.DocError.__bases__ == (RuntimeError,)
    assert c.DocError.__name__ == "DocError"


def test_new_exception_at_runtime():
    E = c.new_exception("pkg.mod.Runtime", None, None)
    assert E.__module__ == "pkg.mod"
    assert E.__name__ == "Runtime"
    assert E.__bases__ == (Exception,)
    E2 = c.new_exception("m.Two", (E, KeyError), {"attr": "a"})
    assert E2.__bases__ == (E, KeyError)
    assert E2.attr == "a"
    E3 = c.new_exception_with_doc("m.Three", None, KeyError, None)
    assert E3.__doc__ is None and E3.__bases__ == (KeyError,)
    E4 = c.new_exception_with_doc("m.Four", "Doc four.", None, {"x": 1})
    assert E4.__doc__ == "Doc four." and E4.x == 1 and E4.__bases__ == (Exception,)


def test_new_exception_bad_name():
    raises_exact(SystemError, c.new_exception, "nodot", None, None,
                 match="PyErr_NewException: name must be module.class")


# ---- helpers that raise --------------------------------------------------


def test_no_memory():
    e = raises_exact(MemoryError, c.no_memory)
    assert e.args == ()


def test_bad_argument():
    raises_exact(TypeError, c.bad_argument, match="bad argument type for built-in operation")


def test_format():
    e = raises_exact(ValueError, c.format_error, [1, "a"])
    assert str(e) == "txt-42-[1, 'a']-[1, 'a']--3-z-%-abc"
    assert e.args == ("txt-42-[1, 'a']-[1, 'a']--3-z-%-abc",)

    class RS:
        def __repr__(self):
            return "R"

        def __str__(self):
            return "S"

    e = raises_exact(ValueError, c.format_error, RS())
    assert str(e) == "txt-42-R-S--3-z-%-abc"
    e = raises_exact(KeyError, c.format_error_type, KeyError, "\u20ac")
    assert e.args == ("<\u20ac>",)
    e = raises_exact(c.MyError, c.format_error_type, c.MyError, "x")
    assert e.args == ("<x>",)


# ---- PyExc_* -------------------------------------------------------------

EXPECTED_EXC_NAMES = [
    "BaseException", "Exception", "BaseExceptionGroup", "StopAsyncIteration",
    "StopIteration", "GeneratorExit", "ArithmeticError", "LookupError",
    "AssertionError", "AttributeError", "BufferError", "EOFError",
    "FloatingPointError", "OSError", "ImportError", "ModuleNotFoundError",
    "IndexError", "KeyError", "KeyboardInterrupt", "MemoryError", "NameError",
    "OverflowError", "RuntimeError", "RecursionError", "NotImplementedError",
    "SyntaxError", "IndentationError", "TabError", "ReferenceError",
    "SystemError", "SystemExit", "TypeError", "UnboundLocalError",
    "UnicodeError", "UnicodeEncodeError", "UnicodeDecodeError",
    "UnicodeTranslateError", "ValueError", "ZeroDivisionError",
    "BlockingIOError", "BrokenPipeError", "ChildProcessError",
    "ConnectionError", "ConnectionAbortedError", "ConnectionRefusedError",
    "ConnectionResetError", "FileExistsError", "FileNotFoundError",
    "InterruptedError", "IsADirectoryError", "NotADirectoryError",
    "PermissionError", "ProcessLookupError", "TimeoutError",
    "EnvironmentError", "IOError", "Warning", "UserWarning",
    "EncodingWarning", "DeprecationWarning", "PendingDeprecationWarning",
    "SyntaxWarning", "RuntimeWarning", "FutureWarning", "ImportWarning",
    "UnicodeWarning", "BytesWarning", "ResourceWarning",
]


def test_exc_table_complete():
    names = c.exc_names()
    for n in EXPECTED_EXC_NAMES:
        assert n in names, n


def test_exc_objects_are_the_builtins():
    bad = []
    for n in c.exc_names():
        obj = c.exc_by_name(n)
        if obj is not getattr(builtins, n):
            bad.append(n)
    assert not bad, bad
    assert c.exc_by_name("EnvironmentError") is OSError
    assert c.exc_by_name("IOError") is OSError


def test_exc_objects_raise_and_catch():
    for n in ("ValueError", "KeyError", "OSError", "StopIteration", "BaseException"):
        exc_type = c.exc_by_name(n)
        e = raises_exact(exc_type, c.set_none, exc_type)
        assert type(e) is getattr(builtins, n)


def test_sys_exc_info_clean_afterwards():
    assert sys.exc_info() == (None, None, None)


def test_unicode_error_accessors():
    e = UnicodeEncodeError("ascii", "a\u00e9b", 1, 2, "nope")
    assert c.unicode_error_info(e, "encode") == ("ascii", "a\u00e9b", 1, 2, "nope")
    d = UnicodeDecodeError("utf-8", b"a\xffb", 1, 2, "bad")
    assert c.unicode_error_info(d, "decode") == ("utf-8", b"a\xffb", 1, 2, "bad")
    t = UnicodeTranslateError("xyz", 0, 1, "why")
    assert c.unicode_error_info(t, "translate") == (None, "xyz", 0, 1, "why")
    # start and end are clamped into the object, as CPython does.
    c.unicode_error_set(e, "encode", 10, 0, "changed")
    assert (e.start, e.end, e.reason) == (10, 0, "changed")
    assert c.unicode_error_info(e, "encode")[2:] == (2, 1, "changed")
    c.unicode_error_set(d, "decode", -5, 99, "r")
    assert c.unicode_error_info(d, "decode")[2:] == (0, 3, "r")
    c.unicode_error_set(t, "translate", 1, 2, "w")
    assert (t.start, t.end, t.reason) == (1, 2, "w")
    e.object = b"not str"
    err = raises_exact(TypeError, c.unicode_error_info, e, "encode")
    assert "object attribute must be unicode" in str(err), err
    d.object = "not bytes"
    err = raises_exact(TypeError, c.unicode_error_info, d, "decode")
    assert "object attribute must be bytes" in str(err), err


def test_decode_error_create():
    e = c.decode_error_create("utf-8", b"ab\xff", 2, 3, "invalid start byte")
    assert type(e) is UnicodeDecodeError
    assert (e.encoding, e.object, e.start, e.end, e.reason) == ("utf-8", b"ab\xff", 2, 3, "invalid start byte")


if __name__ == "__main__":
    harness.run(globals())
