"""Check for capi_stable_abi: the stable ABI's functions and data the other
families leave out, and the abi_only symbols old binaries import.

CPython's rules checked here: PyAIter_Check looks for __anext__ on the
type, PyObject_GetAIter calls the type's __aiter__ and refuses a result
that is no async iterator; PyIter_Send gives PYGEN_NEXT (1) with a yielded
value and PYGEN_RETURN (0) with a returned one (None for an exhausted
iterator), sending None to an iterator being next(); PyNumber_ToBase is
bin/oct/str/hex of __index__ and SystemError for another base; the slice
functions go through the mapping assignment (TypeError "doesn't support
slice assignment/deletion"); PyMapping_HasKey/HasKeyString never fail (3.13+
report the error as unraisable, naming the function and what to use
instead), the *WithError forms (3.13) fail for anything but KeyError;
PyDict_MergeFromSeq2 takes pairs, keeps existing keys unless told to
override, and names the bad element; PyBytes_Repr is repr() (smartquotes)
or always single quotes; PyBytes_Concat replaces *pv by *pv + w (clearing
it on failure or a NULL w, leaving a NULL *pv alone), ConcatAndDel also
releases w; PyBytes_DecodeEscape decodes a bytes literal's escapes with its
errors handling of a bad \\x and warns (DeprecationWarning) of the first
invalid escape; capsule destructors can be read, replaced and removed; C-made
method and class method descriptors and method-wrappers behave as the
builtin ones; PyFloat_GetInfo/PyLong_GetInfo are sys.float_info/int_info;
PyCallIter_New is iter(callable, sentinel); PyModule_GetFilename is
__file__'s UTF-8; PyOS_FSPath is os.fspath (looked up on the type); the
iterator and view type objects are the builtins' types; the errno
functions with file names, PyErr_SetImportError(Subclass), simulated
signals (the handler runs at the next check; ignored and default ones do
nothing; a number that is no signal is -1), syntax locations (filename,
line, column, the line's text, and msg/print_file_and_line for a
non-SyntaxError), PyErr_ProgramText, PyErr_WarnExplicit (the module from
the file name when NULL). abi_only: PyEval_CallObjectWithKeywords checks
its tuple and dict, PyCFunction_Call/PyEval_CallFunction/CallMethod are the
PyObject_* calls, the old buffer functions, the old sys option functions,
PySys_SetPath, PyUnicode_GetSize (3.12+: RuntimeError), InternImmortal,
_PyState_AddModule, _Py_CheckRecursiveCall, PyEval_ReleaseLock/AcquireLock,
_Py_SwappedOp and (3.12+) the PyVectorcall_NARGS function."""

import errno
import os
import pathlib
import signal
import sys
import tempfile
import types
import warnings

import harness
from harness import raises, raises_exact

import capi_stable_abi as c

CPYTHON = sys.implementation.name == "cpython"
AT_LEAST_312 = not CPYTHON or sys.version_info >= (3, 12)
AT_LEAST_313 = not CPYTHON or sys.version_info >= (3, 13)

PYGEN_RETURN, PYGEN_NEXT = 0, 1


class AsyncIter:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


def test_aiter():
    a = AsyncIter()
    assert c.aiter(a) == (1, a)

    class OnlyAIter:
        def __aiter__(self):
            return a

    assert c.aiter(OnlyAIter()) == (0, a)
    assert c.aiter_check(5) == 0 and c.aiter_check(AsyncIter) == 0

    async def agen():
        yield 1

    g = agen()
    assert c.aiter(g) == (1, g)
    raises_exact(TypeError, c.aiter, 5, match="'int' object is not an async iterable")

    class Bad:
        def __aiter__(self):
            return 5

    raises_exact(TypeError, c.aiter, Bad(), match="aiter() returned not an async iterator of type 'int'")


def test_iter_send():
    def gen():
        x = yield 1
        y = yield x * 2
        return y + 100

    g = gen()
    assert c.iter_send(g, None) == (PYGEN_NEXT, 1)
    assert c.iter_send(g, 5) == (PYGEN_NEXT, 10)
    assert c.iter_send(g, 7) == (PYGEN_RETURN, 107)
    it = iter([1, 2])
    assert c.iter_send(it, None) == (PYGEN_NEXT, 1)
    assert c.iter_send(it, None) == (PYGEN_NEXT, 2)
    assert c.iter_send(it, None) == (PYGEN_RETURN, None)
    raises_exact(AttributeError, c.iter_send, iter([1]), 5)

    def boom():
        raise ValueError("x")
        yield

    raises_exact(ValueError, c.iter_send, boom(), None)

    async def co():
        return 3

    assert c.iter_send(co(), None) == (PYGEN_RETURN, 3)


def test_to_base():
    class Index:
        def __index__(self):
            return 7

    for n in (10, -10, 255, 0, True, 2**100, -2**70):
        assert c.to_base(n, 2) == bin(n)
        assert c.to_base(n, 8) == oct(n)
        assert c.to_base(n, 10) == str(int(n))
        assert c.to_base(n, 16) == hex(n)
    assert c.to_base(Index(), 2) == "0b111"
    raises_exact(SystemError, c.to_base, 5, 3, match="PyNumber_ToBase: base must be 2, 8, 10 or 16")
    raises_exact(TypeError, c.to_base, 1.5, 2)


def test_sequence_slices():
    lst = [1, 2, 3, 4]
    assert c.seq_set_slice(lst, 1, 3, ["x"]) is lst and lst == [1, "x", 4]
    lst = [1, 2, 3, 4]
    assert c.seq_set_slice(lst, 1, 3, None) == [1, 4]
    lst = [1, 2, 3, 4]
    assert c.seq_del_slice(lst, -3, 100) == [1]
    ba = bytearray(b"abcd")
    assert c.seq_set_slice(ba, 0, 2, b"XYZ") == bytearray(b"XYZcd")

    keys = []

    class Recorder:
        def __setitem__(self, key, value):
            keys.append((key, value))

        def __delitem__(self, key):
            keys.append((key,))

    r = Recorder()
    c.seq_set_slice(r, 2, 5, "v")
    c.seq_del_slice(r, 0, 1)
    assert keys == [(slice(2, 5, None), "v"), (slice(0, 1, None),)]
    raises_exact(TypeError, c.seq_set_slice, (1, 2), 0, 1, [5], match="'tuple' object doesn't support slice assignment")
    raises_exact(TypeError, c.seq_del_slice, (1,), 0, 1, match="'tuple' object doesn't support slice deletion")
    raises_exact(TypeError, c.seq_set_slice, 5, 0, 1, [1], match="'int' object doesn't support slice assignment")
    if AT_LEAST_312:  # slices are hashable since 3.12
        e = raises_exact(KeyError, c.seq_del_slice, {}, 0, 1)
        assert e.args == (slice(0, 1, None),)


def test_sequence_in():
    assert c.seq_in([1, 2], 2) is True and c.seq_in([1], 3) is False
    assert c.seq_in("abc", "bc") is True
    raises_exact(TypeError, c.seq_in, 5, 1)


def test_has_key():
    assert c.has_key({"a": 1}, "a", b"a") == (1, 1)
    assert c.has_key({"a": 1}, "b", b"b") == (0, 0)
    seen = []
    old = sys.unraisablehook
    sys.unraisablehook = seen.append
    try:
        assert c.has_key([5, 6], 1, b"x") == (1, 0)
        assert c.has_key({}, [], b"\xff") == (0, 0)
    finally:
        sys.unraisablehook = old
    if not AT_LEAST_313:
        assert seen == []  # 3.11 cleared the errors silently
        return
    assert [type(u.exc_value) for u in seen] == [TypeError, TypeError, UnicodeDecodeError]
    seen = seen[1:]
    assert seen[0].err_msg == ("Exception ignored in PyMapping_HasKey(); consider using "
                               "PyMapping_HasKeyWithError(), PyMapping_GetOptionalItem() or PyObject_GetItem()")
    assert seen[1].err_msg == ("Exception ignored in PyMapping_HasKeyString(); consider using "
                               "PyMapping_HasKeyStringWithError(), PyMapping_GetOptionalItemString() or "
                               "PyMapping_GetItemString()")
    assert seen[0].object is None


def test_has_key_with_error():
    if not AT_LEAST_313:
        return  # 3.13 API
    assert c.has_key_with_error({"a": 1}, "a", b"a") == (1, 1, 1, 1)
    assert c.has_key_with_error({"a": 1}, "b", b"b") == (0, 0, 0, None)

    class Missing(dict):
        def __missing__(self, key):
            raise KeyError(key)

    assert c.has_key_with_error(Missing(k=2), "z", b"k") == (0, 1, 1, 2)
    raises_exact(TypeError, c.has_key_with_error, {}, [], b"a")
    raises_exact(IndexError, c.has_key_with_error, [1], 5, b"a")
    raises_exact(UnicodeDecodeError, c.has_key_with_error, {}, "a", b"\xff")


def test_has_attr_string_with_error():
    if not AT_LEAST_313:
        return  # 3.13 API

    class A:
        x = 1

        @property
        def boom(self):
            raise ValueError("boom")

    assert c.has_attr_string_with_error(A(), b"x") == 1
    assert c.has_attr_string_with_error(A(), b"y") == 0
    raises_exact(ValueError, c.has_attr_string_with_error, A(), b"boom")
    raises_exact(UnicodeDecodeError, c.has_attr_string_with_error, A(), b"\xff")


def test_merge_seq2():
    d = {"a": 1}
    assert c.merge_seq2(d, [("a", 2), ("b", 3)], 0) is d and d == {"a": 1, "b": 3}
    c.merge_seq2(d, [("a", 2), ["b", 4]], 1)
    assert d == {"a": 2, "b": 4}
    c.merge_seq2(d, iter(["xy"]), 1)
    assert d["x"] == "y"
    e = raises_exact(ValueError, c.merge_seq2, {}, [(1, 2, 3)], 1)
    assert str(e) == "dictionary update sequence element #0 has length 3; 2 is required"
    raises_exact(TypeError, c.merge_seq2, {}, [(1, 2), 5], 1,
                 match="cannot convert dictionary update sequence element #1 to a sequence")
    raises_exact(TypeError, c.merge_seq2, {}, 5, 1)
    d = {}
    raises_exact(ValueError, c.merge_seq2, d, [(1, 2), (3,)], 1)
    assert d == {1: 2}


def test_is_true_false():
    assert c.is_true_false(True) == (1, 0)
    assert c.is_true_false(False) == (0, 1)
    assert c.is_true_false(1) == (0, 0) and c.is_true_false(None) == (0, 0)


def test_bytes_repr():
    for b in (b"", b"abc", b"it's", b'say "hi"', b"both ' \"", b"\\\t\n\r", bytes(range(256))):
        assert c.bytes_repr(b, 1) == repr(b), b
    assert c.bytes_repr(b"it's", 0) == "b'it\\'s'"
    assert c.bytes_repr(b'"', 0) == "b'\"'"


def test_bytes_concat():
    assert c.bytes_concat(b"ab", b"cd", False) == b"abcd"
    assert c.bytes_concat(b"ab", bytearray(b"cd"), False) == b"abcd"
    assert c.bytes_concat(b"ab", memoryview(b"cd"), True) == b"abcd"
    assert c.bytes_concat(b"", b"", False) == b""
    assert c.bytes_concat(None, b"x", False) is None
    assert c.bytes_concat(b"ab", None, False) is None
    assert c.bytes_concat(b"ab", None, True) is None
    raises_exact(TypeError, c.bytes_concat, b"ab", "cd", False, match="can't concat str to bytes")
    raises_exact(TypeError, c.bytes_concat, b"ab", 5, True, match="can't concat int to bytes")
    assert c.bytes_concat_shared(b"de") == (b"abcdede", b"abcde")


def test_decode_escape():
    assert c.decode_escape(b"a\\nb\\t\\\\\\'\\\"\\x41\\101\\0\\a\\b\\f\\v\\r", None) == b"a\nb\t\\'\"AA\0\a\b\f\v\r"
    assert c.decode_escape(b"line\\\ncontinued", None) == b"linecontinued"
    raises_exact(ValueError, c.decode_escape, b"ab\\x4", None, match="invalid \\x escape at position 2")
    raises_exact(ValueError, c.decode_escape, b"ab\\x4", "strict", match="invalid \\x escape at position 2")
    raises_exact(ValueError, c.decode_escape, b"abc\\", None, match="Trailing \\ in string")
    assert c.decode_escape(b"a\\x4zb", "replace") == b"a?zb"
    assert c.decode_escape(b"a\\x4zb", "ignore") == b"azb"
    assert c.decode_escape(b"a\\xzb", "replace") == b"a?zb"
    raises_exact(ValueError, c.decode_escape, b"\\xq", "bogus", match="decoding error; unknown error handling code: bogus")
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        assert c.decode_escape(b"\\q\\777", None) == b"\\q\xff"
        n = len(w)
        assert c.decode_escape(b"x\\777", None) == b"x\xff"
    # The first invalid escape only; the messages are 3.14's (its check).
    assert n == 1 and len(w) == 2 and all(x.category is DeprecationWarning for x in w)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        raises_exact(DeprecationWarning, c.decode_escape, b"\\q", None)


def test_capsule_destructor():
    assert c.capsule_destructor() == (1, 1, 1, 0)
    raises_exact(ValueError, c.capsule_destructor_of, 5, True,
                 match="PyCapsule_GetDestructor called with invalid PyCapsule object")
    raises_exact(ValueError, c.capsule_destructor_of, 5, False,
                 match="PyCapsule_SetDestructor called with invalid PyCapsule object")


def test_descriptors():
    d = c.descr_new(list, False)
    assert type(d) is type(list.append)
    assert d.__name__ == "echo" and d.__objclass__ is list and d.__doc__ == "echo(x) -> (self, x)"
    lst = [1]
    r = d(lst, 5)
    assert r[0] is lst and r[1] == 5
    r = d.__get__(lst)(6)
    assert r[0] is lst and r[1] == 6
    raises(TypeError, d, 5, 6)
    cd = c.descr_new(dict, True)
    assert type(cd) is type(dict.__dict__["fromkeys"])
    assert cd.__get__(None, dict)(7) == (dict, 7)

    class D(dict):
        pass

    assert cd.__get__(D())(8) == (D, 8)


def test_wrapper_new():
    w = c.wrapper_new(int.__dict__["__add__"], 5)
    assert type(w) is type((5).__add__)
    assert w(3) == 8 and w.__self__ == 5
    r = c.wrapper_new(object.__dict__["__repr__"], "s")
    assert r() == object.__repr__("s")


def test_infos():
    fi, li = c.infos()
    assert type(fi) is type(sys.float_info) and fi == sys.float_info
    assert type(li) is type(sys.int_info) and li == sys.int_info


def test_call_iter():
    it = c.call_iter(iter([1, 2, 3, None, 4]).__next__, None)
    assert type(it) is type(iter(int, 0))
    assert list(it) == [1, 2, 3]


def test_module_filename():
    m = types.ModuleType("m")
    raises_exact(SystemError, c.module_filename, m, match="module filename missing")
    m.__file__ = "/x/\xe9.py"
    assert c.module_filename(m) == "/x/\xe9.py".encode()
    m.__file__ = 5
    raises_exact(SystemError, c.module_filename, m, match="module filename missing")
    raises_exact(TypeError, c.module_filename, 5)


def test_fspath():
    assert c.fspath("a") == "a" and c.fspath(b"b") == b"b"
    assert c.fspath(pathlib.PurePosixPath("x/y")) == "x/y"

    class StrSub(str):
        pass

    s = StrSub("q")
    assert c.fspath(s) is s
    raises_exact(TypeError, c.fspath, 5, match="expected str, bytes or os.PathLike object, not int")

    class Bad:
        def __fspath__(self):
            return 5

    raises_exact(TypeError, c.fspath, Bad(), match="expected Bad.__fspath__() to return str or bytes, not int")

    class OnInstance:
        pass

    o = OnInstance()
    o.__fspath__ = lambda: "x"
    raises_exact(TypeError, c.fspath, o, match="expected str, bytes or os.PathLike object, not OnInstance")


def test_iter_types():
    expected = (
        type(iter(bytearray())), type(iter(b"")), type({}.keys()), type({}.values()), type({}.items()),
        type(iter({})), type(iter({}.values())), type(iter({}.items())),
        type(reversed({})), type(reversed({}.values())), type(reversed({}.items())),
        type(iter([])), type(reversed([])), type(iter(())), type(iter(set())),
        type(iter(range(1))), type(iter(range(2**70))),
    )
    assert c.iter_types() == expected


def test_exception_helpers():
    class E(Exception):
        pass

    assert c.exc_class_name(ValueError) == "ValueError"
    assert c.exc_class_name(OSError) == "OSError"
    assert c.exc_class_name(E) == "E"
    if AT_LEAST_312:  # PyException_GetArgs/SetArgs: 3.12
        e = ValueError(1, 2)
        assert c.exc_args(e, (3,)) == ((1, 2), (3,)) and e.args == (3,)


def test_errno_filenames():
    e = raises_exact(FileNotFoundError, c.errno_filenames, OSError, errno.ENOENT, "f", None, False)
    assert (e.errno, e.strerror, e.filename, e.filename2) == (errno.ENOENT, os.strerror(errno.ENOENT), "f", None)
    e = raises_exact(PermissionError, c.errno_filenames, OSError, errno.EACCES, None, None, False)
    assert e.filename is None and e.args == (errno.EACCES, os.strerror(errno.EACCES))
    e = raises_exact(FileExistsError, c.errno_filenames, OSError, errno.EEXIST, "a", "b", True)
    assert (e.filename, e.filename2) == ("a", "b")
    e = raises_exact(FileExistsError, c.errno_filenames, OSError, errno.EEXIST, "a", None, True)
    assert (e.filename, e.filename2) == ("a", None)

    class MyErr(OSError):
        pass

    e = raises_exact(MyErr, c.errno_filenames, MyErr, errno.ENOENT, "g", None, True)
    assert e.errno == errno.ENOENT and e.filename == "g"
    e = raises_exact(OSError, c.errno_filenames, OSError, 0, "f", None, False)
    assert e.args == (0, "Error") and e.filename == "f"


def test_import_error():
    e = raises_exact(ImportError, c.import_error, None, "msg", "nm", "pth")
    assert (e.msg, e.name, e.path, e.args) == ("msg", "nm", "pth", ("msg",))
    e = raises_exact(ImportError, c.import_error, None, "msg", None, None)
    assert e.name is None and e.path is None
    if AT_LEAST_312:  # name_from: 3.12
        assert e.name_from is None
    raises_exact(TypeError, c.import_error, None, None, "n", "p", match="expected a message argument")
    e = raises_exact(ModuleNotFoundError, c.import_error, ModuleNotFoundError, "m", "n", "p")
    assert (e.msg, e.name, e.path) == ("m", "n", "p")
    raises_exact(TypeError, c.import_error, ValueError, "m", "n", "p", match="expected a subclass of ImportError")


def test_interrupt():
    got = []
    old = signal.signal(signal.SIGUSR1, lambda signum, frame: got.append(signum))
    try:
        assert c.interrupt(signal.SIGUSR1) == 0 and got == [signal.SIGUSR1]
        signal.signal(signal.SIGUSR1, signal.SIG_IGN)
        assert c.interrupt(signal.SIGUSR1) == 0
        signal.signal(signal.SIGUSR1, signal.SIG_DFL)
        assert c.interrupt(signal.SIGUSR1) == 0
        assert got == [signal.SIGUSR1]

        def fail(signum, frame):
            raise ValueError("from the handler")

        signal.signal(signal.SIGUSR1, fail)
        raises_exact(ValueError, c.interrupt, signal.SIGUSR1, match="from the handler")
    finally:
        signal.signal(signal.SIGUSR1, old)
    assert c.interrupt(0) == -1 and c.interrupt(100000) == -1
    raises_exact(KeyboardInterrupt, c.interrupt, -1)


def test_syntax_location():
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False, encoding="utf-8") as f:
        f.write("line one\n  line two\nthree")
    name = f.name
    try:
        fields = lambda e: (e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
        e = raises_exact(SyntaxError, c.syntax_location, SyntaxError, "bad", name, 2, 4)
        assert fields(e) == ("bad", name, 2, 4, "  line two\n", 2, None)
        e = raises_exact(SyntaxError, c.syntax_location, SyntaxError, "bad", name, 3, None)
        assert fields(e) == ("bad", name, 3, None, "three", 3, None)
        e = raises_exact(SyntaxError, c.syntax_location, SyntaxError, "bad", None, 5, 1)
        assert fields(e) == ("bad", None, 5, 1, None, 5, None)
        e = raises_exact(SyntaxError, c.syntax_location, SyntaxError, "bad", "/nonexistent/x.py", 1, 1)
        assert fields(e) == ("bad", "/nonexistent/x.py", 1, 1, None, 1, None)
        e = raises_exact(ValueError, c.syntax_location, ValueError, "v", name, 1, 0)
        assert (e.lineno, e.offset, e.msg, e.filename, e.text) == (1, 0, "v", name, "line one\n")
        assert e.print_file_and_line is None and e.args == ("v",)
        assert c.program_text(name, 2) == "  line two\n"
        assert c.program_text(name, 3) == "three"
        assert c.program_text(name, 4) is None and c.program_text(name, 0) is None
        assert c.program_text(None, 1) is None and c.program_text("/nonexistent", 1) is None
    finally:
        os.unlink(name)


def test_warn_explicit():
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        c.warn_explicit(UserWarning, "hello", b"file.py", 7, "mod", None)
        c.warn_explicit(None, "two", b"f2.py", 8, None, None)
        c.warn_explicit(UserWarning, "three", b"f3.py", 9, "m3", {})
    assert [(x.category, str(x.message), x.filename, x.lineno) for x in w] == [
        (UserWarning, "hello", "file.py", 7), (RuntimeWarning, "two", "f2.py", 8), (UserWarning, "three", "f3.py", 9)]
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", module="skipme")
        c.warn_explicit(UserWarning, "x", b"skipme.py", 1, None, None)
        c.warn_explicit(UserWarning, "y", b"keep.py", 1, None, None)
        c.warn_explicit(UserWarning, "z", b"other.py", 1, "skipme", None)
    assert [str(x.message) for x in w] == ["y"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        raises_exact(UserWarning, c.warn_explicit, UserWarning, "hello", b"file.py", 7, "mod", None)


def test_old_calls():
    def f(*a, **k):
        return a, k

    assert c.call_object_with_keywords(f, (1, 2), {"x": 3}) == ((1, 2), {"x": 3})
    assert c.call_object_with_keywords(f, None, None) == ((), {})
    assert c.call_object_with_keywords(f, None, {"y": 1}) == ((), {"y": 1})
    raises_exact(TypeError, c.call_object_with_keywords, f, [1], None, match="argument list must be a tuple")
    raises_exact(TypeError, c.call_object_with_keywords, f, (1,), [], match="keyword list must be a dictionary")
    assert c.cfunction_call(len, ([1, 2],), None) == 2
    assert c.cfunction_call(f, (1,), {"k": 2}) == ((1,), {"k": 2})
    assert c.eval_call_function(f, [1, 2, 3], "index") == (((1, 2), {}), ((7,), {}), 2)
    raises_exact(AttributeError, c.eval_call_function, f, [3], "nosuch")


def test_old_buffers():
    assert c.old_buffers(b"abc", False) == (1, b"abc", b"abc")
    ba = bytearray(b"xyz")
    assert c.old_buffers(ba, True) == (1, b"xyz", b"xyz") and ba == bytearray(b"Xyz")
    assert c.old_buffers(memoryview(b"mv"), False) == (1, b"mv", b"mv")
    assert c.check_read_buffer(5) == 0 and c.check_read_buffer("str") == 0
    raises_exact(TypeError, c.old_buffers, 5, False, match="a bytes-like object is required, not 'int'")
    raises_exact(TypeError, c.as_write_buffer, b"abc", match="expected a writable bytes-like object")
    raises_exact(TypeError, c.as_write_buffer, 5, match="expected a writable bytes-like object")
    assert c.as_write_buffer(bytearray(4)) == 4


def test_old_sys():
    saved = list(sys.warnoptions), dict(sys._xoptions)
    try:
        del sys.warnoptions[:]
        assert c.old_sys("ignore::DeprecationWarning", "error::UserWarning") == (0, 1)
        assert sys.warnoptions == ["ignore::DeprecationWarning", "error::UserWarning"]
        assert sys._xoptions["capi_stable_abi"] == "yes" and sys._xoptions["capi_stable_abi_flag"] is True
    finally:
        sys.warnoptions[:] = saved[0]
        sys._xoptions.clear()
        sys._xoptions.update(saved[1])


def test_set_path():
    old = sys.path[:]
    try:
        c.set_path("/a:/b::c")
        assert sys.path == ["/a", "/b", "", "c"]
    finally:
        sys.path[:] = old


def test_unicode_get_size():
    if not AT_LEAST_312:
        return  # 3.11 still had Py_UNICODE and gave its size
    raises_exact(RuntimeError, c.unicode_get_size, "abc", match="PyUnicode_GetSize has been removed.")


def test_intern_immortal():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # 3.11 warned at run time
        s, same = c.intern_immortal("".join(["capi", "_stable"]))
    assert s == "capi_stable" and same == 1


def test_state_add_module():
    m = types.ModuleType("capi_stable_abi_state")
    assert c.state_add_module(m) is True


def test_check_recursive_call():
    assert c.check_recursive_call() == 0


def test_release_acquire_lock():
    assert c.release_acquire_lock(lambda: 42) == 42


def test_swapped_ops():
    # Py_LT..Py_GE are 0..5; each becomes its mirror with operands swapped.
    LT, LE, EQ, NE, GT, GE = range(6)
    assert c.swapped_ops() == (GT, GE, EQ, NE, LT, LE)


def test_vectorcall_nargs_function():
    if not AT_LEAST_312:
        return  # exported as a function since 3.12
    assert c.vectorcall_nargs(5) == (5, 5)
    assert c.vectorcall_nargs(0) == (0, 0)


if __name__ == "__main__":
    harness.run(globals())
