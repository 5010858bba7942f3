"""Check for capi_census3: context variables, PyMethod_*, PySeqIter_New,
PyReversed_Type/Py_GenericAlias, PyCode_NewEmpty/PyFrame_New, PyMutex and
managed dicts (3.13), PyTraceMalloc_*, _PyLong_*ByteArray/_PyLong_Copy,
_PyBytes_Resize, _PyDict_SetItem_KnownHash(_LockHeld), _PyObject_GetDictPtr,
pyctype.h's tables and the str-building functions (PyUnicode_Resize,
CopyCharacters, WriteChar, Fill).

The functions of 3.13 are checked when the module has them (built against
3.13+ headers)."""

import contextvars
import gc
import sys
import threading
import time
import types

import harness
from harness import raises_exact

import capi_census3 as c

HAS_313 = hasattr(c, "mutex_lock")


# ---- context variables ----

def test_contextvar_get_default_and_missing():
    v = c.cv_new("v1", None)
    assert type(v) is contextvars.ContextVar and v.name == "v1"
    assert c.cv_get(v, None) == ("none",)
    assert c.cv_get(v, 5) == ("value", 5)
    w = c.cv_new("w1", "dflt")
    assert c.cv_get(w, None) == ("value", "dflt")
    assert c.cv_get(w, 7) == ("value", 7)
    assert w.get() == "dflt"
    e = raises_exact(TypeError, c.cv_get, "not a var", None)
    assert str(e) == "an instance of ContextVar was expected", str(e)


def test_contextvar_set_and_reset():
    v = c.cv_new("v2", None)

    def body():
        tok = c.cv_set(v, 1)
        assert type(tok) is contextvars.Token and tok.var is v
        assert tok.old_value is contextvars.Token.MISSING
        assert c.cv_get(v, None) == ("value", 1) and v.get() == 1
        tok2 = c.cv_set(v, 2)
        assert tok2.old_value == 1
        c.cv_reset(v, tok2)
        assert v.get() == 1
        raises_exact(RuntimeError, c.cv_reset, v, tok2)
        c.cv_reset(v, tok)
        assert c.cv_get(v, None) == ("none",)
        other = contextvars.ContextVar("other")
        t3 = other.set(0)
        raises_exact(ValueError, c.cv_reset, v, t3)
        e = raises_exact(TypeError, c.cv_reset, v, "tok")
        assert str(e) == "an instance of Token was expected", str(e)
        raises_exact(TypeError, c.cv_set, 3, 1)

    contextvars.copy_context().run(body)


def test_context_new_copy_current():
    v = contextvars.ContextVar("v3")
    ctx = c.ctx_new()
    assert type(ctx) is contextvars.Context and len(ctx) == 0

    def body():
        v.set("here")
        cur = c.ctx_copy_current()
        assert cur[v] == "here"
        cp = c.ctx_copy(cur)
        assert cp is not cur and cp[v] == "here"

    contextvars.copy_context().run(body)
    e = raises_exact(TypeError, c.ctx_copy, {})
    assert str(e) == "an instance of Context was expected", str(e)


def test_context_enter_exit():
    v = contextvars.ContextVar("v4", default="outer")
    ctx = contextvars.Context()
    ctx.run(v.set, "inner")

    seen = c.ctx_run_in(ctx, lambda: (v.get(), v.set("changed") and None, v.get()))
    assert seen == ("inner", None, "changed"), seen
    assert v.get() == "outer"
    assert ctx[v] == "changed"
    # entered and exited again, and run() still works afterwards
    c.ctx_enter(ctx)
    try:
        assert v.get() == "changed"
        e = raises_exact(RuntimeError, c.ctx_enter, ctx)
        assert "is already entered" in str(e), str(e)
        other = contextvars.Context()
        e = raises_exact(RuntimeError, c.ctx_exit, other)
        assert "has not been entered" in str(e), str(e)
    finally:
        c.ctx_exit(ctx)
    assert v.get() == "outer"
    assert ctx.run(v.get) == "changed"
    raises_exact(RuntimeError, c.ctx_exit, ctx)
    raises_exact(TypeError, c.ctx_enter, 1)


def test_context_exit_not_on_top():
    a, b = contextvars.Context(), contextvars.Context()
    c.ctx_enter(a)
    c.ctx_enter(b)
    try:
        e = raises_exact(RuntimeError, c.ctx_exit, a)
        assert "different context" in str(e), str(e)
    finally:
        c.ctx_exit(b)
        c.ctx_exit(a)


def test_context_types():
    v = contextvars.ContextVar("v5")
    tok = v.set(1)
    v.reset(tok)
    r = c.ctx_types(contextvars.Context(), v, tok)
    assert r[:3] == (1, 1, 1), r
    assert r[3] is contextvars.Context
    assert r[4] is contextvars.ContextVar
    assert r[5] is contextvars.Token


# ---- bound methods ----

class K:
    def f(self, x=0):
        return (self, x)


def test_method_new_and_parts():
    k = K()
    m = c.method_new(K.f, k)
    assert type(m) is types.MethodType
    assert m(3) == (k, 3)
    assert m.__func__ is K.f and m.__self__ is k
    f, s, f2, same = c.method_parts(m)
    assert f is K.f and s is k and f2 is K.f and same == 1
    m2 = c.method_new(len, "abc")
    assert m2() == 3
    raises_exact(SystemError, c.method_parts, K.f)
    raises_exact(SystemError, c.method_self, k.f.__func__)
    raises_exact(SystemError, c.method_self, len)


# ---- iterators, reversed, GenericAlias ----

class OnlyGetItem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


class BothIterAndGetItem(list):
    def __iter__(self):
        return iter(["from __iter__"])


def test_seqiter():
    it = c.seqiter_new(OnlyGetItem())
    assert c.seqiter_check(it)
    assert list(it) == [0, 10, 20]
    assert list(c.seqiter_new(BothIterAndGetItem([1, 2]))) == [1, 2]
    assert list(c.seqiter_new("ab")) == ["a", "b"]
    assert type(c.seqiter_new([1])) is type(iter(OnlyGetItem()))
    assert not c.seqiter_check(iter([1]))
    raises_exact(SystemError, c.seqiter_new, 5)
    raises_exact(SystemError, c.seqiter_new, {1: 2})


def test_reversed_and_enum_types():
    # The type of reversed(seq) for a sequence without __reversed__
    # (RustPython's builtin `reversed` is a function making one).
    class Seq:
        def __len__(self):
            return 2

        def __getitem__(self, i):
            return i

    assert type(reversed(Seq())) is c.reversed_type()
    assert c.reversed_type().__name__ == "reversed"
    assert list(reversed(Seq())) == [1, 0]
    assert c.enum_type() is enumerate
    # C calls the type as CPython's `reversed` (wrapt's ObjectProxy does):
    # __reversed__ first, else the sequence protocol.
    R = c.reversed_type()
    assert list(R(Seq())) == [1, 0]
    assert list(R([1, 2, 3])) == [3, 2, 1]
    assert list(R(range(3))) == [2, 1, 0]
    raises_exact(TypeError, R)
    raises_exact(TypeError, R, [1], [2])
    raises_exact(TypeError, R, 5)


def test_generic_alias():
    g = c.generic_alias(list, int)
    assert type(g) is types.GenericAlias and g.__origin__ is list
    assert g.__args__ == (int,)
    g2 = c.generic_alias(dict, (str, int))
    assert g2 == dict[str, int] and g2.__args__ == (str, int)
    assert c.generic_alias_type() is types.GenericAlias


# ---- code and frames ----

def test_code_new_empty():
    co = c.code_new_empty("file.pyx", "func", 42)
    assert type(co) is types.CodeType
    assert co.co_filename == "file.pyx" and co.co_name == "func"
    assert co.co_firstlineno == 42
    assert co.co_argcount == 0 and co.co_kwonlyargcount == 0


def test_frame_new():
    co = c.code_new_empty("frames.pyx", "fn", 7)
    g = {"__name__": "fake"}
    f, fcode, fglobals, line = c.frame_new(co, g)
    assert type(f) is types.FrameType
    assert fcode is f.f_code
    assert fcode.co_filename == "frames.pyx" and fcode.co_name == "fn"
    assert fcode.co_firstlineno == 7
    assert fglobals is g and f.f_globals is g
    assert line == 7 and f.f_lineno == 7, (line, f.f_lineno)


def test_traceback_from_frame_new():
    co = c.code_new_empty("tb.pyx", "cyfunc", 12)
    try:
        c.traceback_here(co, {"__name__": "m"})
    except RuntimeError as e:
        tb = e.__traceback__
        while tb.tb_next is not None:
            tb = tb.tb_next
        assert tb.tb_frame.f_code.co_name == "cyfunc"
        assert tb.tb_frame.f_code.co_filename == "tb.pyx"
        assert tb.tb_lineno == 12, tb.tb_lineno
    else:
        raise AssertionError("no exception")


def test_code_new_with_posonly():
    if not HAS_313:
        return
    co = c.code_new_posonly(1, 2, "pos", "p.py", 3)
    assert type(co) is types.CodeType
    assert co.co_posonlyargcount == 1 and co.co_argcount == 2
    assert co.co_varnames == ("a", "b") and co.co_nlocals == 2
    assert co.co_name == "pos" and co.co_qualname == "pos"
    assert co.co_filename == "p.py" and co.co_firstlineno == 3


# ---- PyMutex (3.13) ----

def test_mutex_lock_unlock():
    if not HAS_313:
        return
    assert c.mutex_bits() == 0
    c.mutex_lock()
    assert c.mutex_bits() == 1
    c.mutex_unlock()
    assert c.mutex_bits() == 0


def test_mutex_excludes_threads():
    if not HAS_313:
        return
    n, k = 20000, 4
    start = c.mutex_count(0)
    threads = [threading.Thread(target=c.mutex_count, args=(n,)) for _ in range(k)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert c.mutex_count(0) == start + n * k
    assert c.mutex_bits() == 0


def test_mutex_waiter_does_not_hold_the_gil():
    if not HAS_313:
        return
    done = []
    box = {}

    def waiter():
        c.mutex_lock()
        done.append(time.monotonic())
        c.mutex_unlock()

    def while_locked():
        t = threading.Thread(target=waiter)
        box["t"] = t
        t.start()
        # The waiter blocks on the mutex; this thread (holding the mutex)
        # must still be able to run Python meanwhile.
        time.sleep(0.2)
        assert not done
        box["released"] = time.monotonic()

    c.mutex_hold_then_call(while_locked)
    box["t"].join(10)
    assert done and done[0] >= box["released"]
    assert c.mutex_bits() == 0


# ---- managed dicts (3.13) ----

def test_managed_dict_visit_and_clear():
    if not HAS_313:
        return
    o = c.MD()
    o.x = 1
    # The dict, or (CPython 3.13, whose instance keeps inline values until
    # a dict is asked for) the values themselves.
    seen = c.visit_managed(o)
    assert seen in ([{"x": 1}], [1]), seen
    d = seen[0]
    c.clear_managed(o)
    assert not hasattr(o, "x")
    if isinstance(d, dict):
        assert d == {"x": 1}
    assert c.visit_managed(1) == []


def test_managed_dict_cycle_collected():
    if not HAS_313:
        return
    import weakref

    class Sentinel:
        pass

    o = c.MD()
    o.me = o
    o.s = Sentinel()
    r = weakref.ref(o.s)
    del o
    gc.collect()
    gc.collect()
    assert r() is None


# ---- tracemalloc ----

def test_tracemalloc_not_tracing():
    assert c.tracemalloc_calls() == (-2, -2)


# ---- ints ----

def test_long_from_byte_array():
    assert c.long_from_bytes(b"\x01\x02", True, False) == 0x0201
    assert c.long_from_bytes(b"\x01\x02", False, False) == 0x0102
    assert c.long_from_bytes(b"\xff\xff", True, True) == -1
    assert c.long_from_bytes(b"\xff\xff", True, False) == 0xFFFF
    assert c.long_from_bytes(b"\x80" + b"\x00" * 9, False, True) == -(1 << 79)
    assert c.long_from_bytes(b"", True, True) == 0


def test_long_as_byte_array():
    assert c.long_as_bytes(0x0102, 4, True, False, True) == (0, b"\x02\x01\x00\x00")
    assert c.long_as_bytes(0x0102, 4, False, False, True) == (0, b"\x00\x00\x01\x02")
    assert c.long_as_bytes(-2, 3, True, True, True) == (0, b"\xfe\xff\xff")
    assert c.long_as_bytes(255, 1, True, False, True) == (0, b"\xff")
    assert c.long_as_bytes(-128, 1, True, True, True) == (0, b"\x80")
    big = (1 << 100) + 0x0304
    assert c.long_as_bytes(big, 16, True, False, True)[1][:2] == b"\x04\x03"
    e = raises_exact(OverflowError, c.long_as_bytes, 256, 1, True, False, True)
    assert str(e) == "int too big to convert", str(e)
    raises_exact(OverflowError, c.long_as_bytes, 128, 1, True, True, True)
    raises_exact(OverflowError, c.long_as_bytes, -129, 1, True, True, True)
    e = raises_exact(OverflowError, c.long_as_bytes, -1, 2, True, False, True)
    assert str(e) == "can't convert negative int to unsigned", str(e)


def test_long_as_byte_array_without_exceptions():
    if not HAS_313:
        return
    # 3.13: with_exceptions=0 returns -1 and sets nothing; the low bytes
    # are written on overflow, nothing for a negative unsigned.
    assert c.long_as_bytes(0x1234, 1, True, False, False) == (-1, b"\x34")
    assert c.long_as_bytes(-1, 2, True, False, False) == (-1, b"\xaa\xaa")


def test_long_copy():
    class I(int):
        pass

    x = c.long_copy(I(12345678901234567890))
    assert type(x) is int and x == 12345678901234567890
    assert c.long_copy(-5) == -5


# ---- bytes ----

def test_bytes_resize_sole_reference():
    (b,) = c.bytes_resize(b"hello", 3, False)
    assert b == b"hel"
    (b,) = c.bytes_resize(b"hello", 8, False)
    assert b == b"hellozzz"
    (b,) = c.bytes_resize(b"hello", 0, False)
    assert b == b""
    (b,) = c.bytes_resize(b"", 2, False)
    assert b == b"zz"
    (b,) = c.bytes_resize(b"same", 4, False)
    assert b == b"same"
    big = bytes(range(256)) * 8
    (b,) = c.bytes_resize(big, 4000, False)
    assert b == big + b"z" * (4000 - len(big))
    (b,) = c.bytes_resize(big, 1000, False)
    assert b == big[:1000]


def test_bytes_resize_errors():
    raises_exact(SystemError, c.bytes_resize_bad, "str", 2)
    raises_exact(SystemError, c.bytes_resize_bad, bytearray(b"ab"), 2)
    raises_exact(SystemError, c.bytes_resize, b"abc", -1, False)


def test_bytes_resize_shared():
    if not HAS_313:
        return
    # 3.13: a bytes someone else holds is copied, the other holder's is kept.
    b, held = c.bytes_resize(b"hello", 7, True)
    assert b == b"hellozz" and held == b"hello"
    b, held = c.bytes_resize(b"hello", 2, True)
    assert b == b"he" and held == b"hello"


# ---- dicts ----

def test_dict_set_item_known_hash():
    d = {}
    c.dict_set_known_hash(d, "k", 1, False)
    assert d == {"k": 1}
    if HAS_313:
        c.dict_set_known_hash(d, "j", 2, True)
        assert d == {"k": 1, "j": 2}
    raises_exact(TypeError, c.dict_set_known_hash, d, [], 1, False)


class WithDict:
    pass


class Slotted:
    __slots__ = ("a",)


def test_get_dict_ptr():
    assert c.dict_ptr(1) == ("null",)
    assert c.dict_ptr("s") == ("null",)
    assert c.dict_ptr(Slotted()) == ("null",)
    o = WithDict()
    o.a = 1
    kind, d = c.dict_ptr(o)
    assert kind == "ptr" and d is o.__dict__
    kind, d = c.dict_ptr(WithDict)
    assert kind == "ptr" and d["__module__"] == __name__
    o.__dict__ = {"b": 2}
    kind, d = c.dict_ptr(o)
    assert d == {"b": 2}


# ---- pyctype.h ----

def test_ctype_tables():
    flags, lower, upper, macros = c.ctype_tables()
    assert macros == 127, macros
    for i in range(256):
        ch = chr(i)
        ascii_ = i < 128
        want = 0
        if ascii_ and ch.islower():
            want |= 0x01
        if ascii_ and ch.isupper():
            want |= 0x02
        if ascii_ and ch.isdigit():
            want |= 0x04
        if ascii_ and ch in " \t\n\v\f\r":
            want |= 0x08
        if ascii_ and ch in "0123456789abcdefABCDEF":
            want |= 0x10
        assert flags[i] == want, (i, flags[i], want)
        assert lower[i] == (ord(ch.lower()) if ascii_ else i), i
        assert upper[i] == (ord(ch.upper()) if ascii_ else i), i


# ---- str C is building ----

def test_str_build():
    assert c.str_build("hello", 3) == ("Ael", 5, 0)
    assert c.str_build("hello", 8) == ("Aello###", 5, 3)
    assert c.str_build("h\xe9llo", 6) == ("A\xe9llo#", 5, 1)
    assert c.str_build("\u20ac\u20ac", 3) == ("A\u20ac#", 2, 1)
    # A UCS4 str holding only ASCII now (what C made): CPython's == compares
    # the kinds too, so compare the code points.
    s, copied, filled = c.str_build("\U0001f600x", 2)
    assert [ord(ch) for ch in s] == [65, 120] and (copied, filled) == (2, 0)
    assert c.str_build("abc", 0) == ("", 3, 0)


def test_str_copy():
    assert c.str_copy(5, 127, "abc", 1, 0, 10) == (".abc.", 3)
    assert c.str_copy(4, 127, "abcdef", 0, 4, 3) == ("ef..", 2)
    assert c.str_copy(3, 0xFFFF, "\xe9\u20ac", 0, 0, 2) == ("\xe9\u20ac.", 2)
    assert c.str_copy(3, 127, "abc", 3, 0, 0) == ("...", 0)
    e = raises_exact(SystemError, c.str_copy, 2, 127, "abc", 0, 0, 3)
    assert str(e) == "Cannot write 3 characters at 0 in a string of 2 characters", str(e)
    e = raises_exact(SystemError, c.str_copy, 3, 127, "a\xe9", 0, 0, 2)
    assert str(e) == "Cannot copy latin1 characters into a string of ascii characters", str(e)
    e = raises_exact(SystemError, c.str_copy, 3, 255, "\u20ac", 0, 0, 1)
    assert str(e) == "Cannot copy UCS2 characters into a string of latin1 characters", str(e)
    # narrower characters of a wider str are fine
    assert c.str_copy(2, 127, "a\u20ac", 0, 0, 1) == ("a.", 1)
    raises_exact(IndexError, c.str_copy, 3, 127, "abc", 4, 0, 1)
    raises_exact(IndexError, c.str_copy, 3, 127, "abc", 0, 4, 1)
    e = raises_exact(SystemError, c.str_copy, 3, 127, "abc", 0, 0, -1)
    assert str(e) == "how_many cannot be negative", str(e)
    raises_exact(SystemError, c.str_copy, 3, 127, b"abc", 0, 0, 1)


def test_str_modify_used():
    s = "".join(["ab", "cd"])
    for which in range(3):
        e = raises_exact(SystemError, c.str_modify_used, s, which)
        assert str(e) == "Cannot modify a string currently used", str(e)
    assert s == "abcd"


def test_str_resize_used():
    s = "".join(["ab", "cd"])
    assert c.str_resize_used(s, 2) == "ab"
    assert s == "abcd"
    r = c.str_resize_used(s, 6)
    assert len(r) == 6 and r[:4] == "abcd"
    assert c.str_resize_used(s, 4) is s
    raises_exact(SystemError, c.str_resize_used, b"ab", 1)
    raises_exact(SystemError, c.str_resize_used, s, -1)


if __name__ == "__main__":
    harness.run(globals())
