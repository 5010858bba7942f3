"""Check for cyfeatures.pyx: Cython's generated code over the C-API.

The module is Cython 3 output built twice by tests/cython.rs: against
CPython 3.11's headers (the oracle: every check here passes there) and
against our include/, where Cython takes its Limited-API paths.  Checked:
basics (str/bytes/list/dict/tuple/set round trips, C integers to Python
ints and their overflow, cdef inline helpers, keyword arguments), cdef
classes (typed public/readonly attributes, __cinit__/__dealloc__,
properties, static/class methods, cpdef dispatch to overrides in a cdef
subclass and a Python subclass, rich comparison and hashing, sequence
slots), generators (send/throw/close, yield from, generator expressions),
closures and lambdas, exceptions (Cython's traceback entries name the .pyx
function, file and line; try/except/else/finally; chaining), typed
memoryviews (1-D and 2-D, read-only, slices, writes visible in Python) and
``with nogil`` blocks.
"""

import array
import gc
import os
import pickle
import subprocess
import sys
import traceback
import weakref

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # c-tests/, for harness

import harness
from harness import raises, raises_exact

import cyfeatures as cy

PYX = os.path.join(HERE, "cyfeatures.pyx")


def pyx_line(lineno):
    with open(PYX, encoding="utf-8") as f:
        return f.read().splitlines()[lineno - 1]


# ---------------------------------------------------------------- basics


def test_module():
    assert cy.__name__ == "cyfeatures"
    assert cy.__doc__.startswith("Cython features over the C-API")
    assert os.path.basename(cy.__file__).startswith("cyfeatures.")
    assert callable(cy.gen)
    assert cy.gen.__name__ == "gen"
    assert cy.Base.__module__ == "cyfeatures"
    assert cy.Base.__name__ == "Base"
    assert cy.Base.__qualname__ == "Base"
    assert cy.Base.__doc__ == "A cdef class with typed attributes."


def test_inline_helpers():
    assert cy.use_inline(5) == (5, 2.5)
    assert cy.use_inline(-3) == (0, -1.5)
    assert cy.use_inline(42) == (10, 21.0)


def test_roundtrip():
    for v in (None, True, 0, -1, 2**70, 1.5, "héllo", b"x\x00y", [1, 2], {"a": 1}, (1,), {3}):
        assert cy.roundtrip(v) is v


def test_str():
    assert cy.str_ops("a,bé,c") == ("A,BÉ,C!", 6, "c,éb,a", ["a", "bé", "c"])
    raises(TypeError, cy.str_ops, b"bytes")
    raises(TypeError, cy.str_ops, 1)


def test_bytes():
    assert cy.bytes_ops(b"abc") == (b"cba", 97, 3, b"abc!")
    raises(TypeError, cy.bytes_ops, "str")


def test_list():
    l = [1, 2]
    r = cy.list_ops(l)
    assert r == (["first", 1, 2, 2], [1, 2, 2], 4)
    assert r[0] is l
    assert l == ["first", 1, 2, 2]
    raises(TypeError, cy.list_ops, (1, 2))


def test_dict():
    d = {"b": 2, "a": 1}
    items, doubled, missing = cy.dict_ops(d)
    assert items == [("a", 1), ("added", 2), ("b", 2)]
    assert doubled == {"b": 4, "a": 2, "added": 4}
    assert list(doubled) == ["b", "a", "added"]
    assert missing == "dflt"
    assert d["added"] == 2


def test_tuple_set():
    assert cy.tuple_ops((7, 8, 9)) == ((7, 8, 9, 3), 7, [8, 9])
    doubled, fs = cy.set_ops({1, 2})
    assert doubled == {2, 4}
    assert fs == frozenset({1, 2, 99}) and type(fs) is frozenset


def test_c_integers():
    assert cy.c_int_sum(2**31 - 1, 1) == 2**31
    assert cy.c_int_sum(-(2**31), -1) == -(2**31) - 1
    raises_exact(OverflowError, cy.c_int_sum, 2**31, 0)
    raises_exact(TypeError, cy.c_int_sum, "1", 0)
    assert cy.as_long_long(2**63 - 1) == 2**63 - 1
    assert cy.as_long_long(-(2**63)) == -(2**63)
    raises_exact(OverflowError, cy.as_long_long, 2**63)
    assert cy.ull_max() == 2**64 - 1
    assert cy.ll_min() == -(2**63)
    assert cy.grow(100) == 2**100
    assert type(cy.grow(100)) is int


def test_c_double():
    assert cy.c_double(1.25) == 2.5
    assert cy.c_double(3) == 6.0 and type(cy.c_double(3)) is float
    raises(TypeError, cy.c_double, "x")


def test_kwargs():
    assert cy.kwargs_func(1) == (1, 2, (), 3, [])
    assert cy.kwargs_func(1, 5, 6, 7, c=8, z=9, y=10) == (1, 5, (6, 7), 8, [("y", 10), ("z", 9)])
    assert cy.kwargs_func(b=0, a=1) == (1, 0, (), 3, [])
    raises(TypeError, cy.kwargs_func)
    raises(TypeError, cy.kwargs_func, 1, a=2)


def test_function_attributes():
    f = cy.documented
    assert f(5) == (5, 1)
    assert f.__doc__ == "Returns its arguments."
    assert f.__name__ == "documented" and f.__qualname__ == "documented"
    assert f.__module__ == "cyfeatures"
    assert f.__defaults__ == (1,)
    assert cy.Base.value.__qualname__ == "Base.value"
    assert cy.Base.value.__module__ == "cyfeatures"


def test_function_dict_weakref():
    f = cy.documented
    f.attr = 5
    assert f.attr == 5 and f.__dict__ == {"attr": 5}
    assert weakref.ref(f)() is f
    g = cy.gen(3)
    assert (g.__name__, g.__qualname__) == ("gen", "gen")
    assert weakref.ref(g)() is g


# ---------------------------------------------------------------- cdef classes


def test_typed_attributes():
    b = cy.Base(3, "t")
    assert b.x == 3
    assert b.tag == "t"
    b.x = 7
    assert b.x == 7
    raises_exact(TypeError, setattr, b, "x", "seven")
    raises_exact(OverflowError, setattr, b, "x", 2**40)
    raises(AttributeError, setattr, b, "tag", "other")
    assert b.tag == "t"
    # no __dict__: unknown attributes are refused
    raises(AttributeError, setattr, b, "nope", 1)
    # a private cdef attribute is invisible
    assert not hasattr(b, "_scale")
    assert repr(b) == "Base(x=7, tag='t')"


def test_properties():
    b = cy.Base()
    assert b.scale == 1.0
    b.scale = 2.5
    assert b.scale == 2.5
    e = raises_exact(ValueError, setattr, b, "scale", -1)
    assert str(e) == "negative scale"
    raises_exact(TypeError, setattr, b, "scale", "big")
    del b.scale
    assert b.scale == 1.0
    assert isinstance(cy.Base.__dict__["scale"], property) or hasattr(cy.Base.scale, "__get__")


def test_static_and_class_methods():
    m = cy.Base.make(4)
    assert type(m) is cy.Base and m.x == 4 and m.tag == "made"
    assert cy.Base.cls_name() == "Base"
    assert cy.Derived.cls_name() == "Derived"
    assert cy.Derived(1).cls_name() == "Derived"


def test_inheritance():
    d = cy.Derived(2, 3, "d")
    assert isinstance(d, cy.Base)
    assert issubclass(cy.Derived, cy.Base)
    assert cy.Derived.__mro__ == (cy.Derived, cy.Base, object)
    assert (d.x, d.y, d.tag) == (2, 3, "d")
    assert d.value() == 5
    assert cy.Base.value(d) == 2
    assert d.call_value() == 5
    assert cy.value_via_c(d) == 5
    assert d.kind() == "Derived<Base>"
    assert d.scale == 1.0
    assert repr(d) == "Derived(x=2, tag='d')"
    raises(TypeError, cy.value_via_c, object())
    assert cy.value_via_c(cy.Base(9)) == 9


def run_isolated(code):
    """Runs ``code`` (after ``import cyfeatures as cy``) in a fresh
    interpreter, so that a crash there fails this check only; returns its
    stdout."""
    prelude = "import sys; sys.path.insert(0, %r); import cyfeatures as cy\n" % os.path.dirname(cy.__file__)
    r = subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, "exit status %d\n%s%s" % (r.returncode, r.stdout, r.stderr)
    return r.stdout


def test_explicit_base_init():
    # Base.__init__(self, ...) in a cdef subclass runs Base's __init__ only
    # (where it recursed into Child's own __init__, this crashed: isolated)
    out = run_isolated(
        "c = cy.Child(3, 'e')\n"
        "print((c.x, c.tag, c.extra, c.value()))\n"
        # super().__init__ from a cdef grandchild: Child's, then Base's
        "g = cy.GrandChild(1)\n"
        "print((g.x, g.tag, g.extra, [t.__name__ for t in type(g).__mro__]))\n"
    )
    assert out.splitlines() == [
        "(6, 'child', 'e', 6)",
        "(4, 'child', 'grand', ['GrandChild', 'Child', 'Base', 'object'])",
    ], out


class PyDerived(cy.Derived):
    """A Python subclass overriding a cpdef method."""

    def __init__(self, x, y):
        super().__init__(x, y, "py")
        self.extra = "has a dict"

    def value(self):
        return 1000 + super().value()

    def kind(self):
        return "Py"


def test_python_subclass():
    p = PyDerived(1, 2)
    assert p.value() == 1003
    # cpdef calls from Cython find the Python override
    assert p.call_value() == 1003
    assert cy.value_via_c(p) == 1003
    assert p.kind() == "Py"
    assert p.extra == "has a dict"
    assert p.__dict__ == {"extra": "has a dict"}
    assert p.tag == "py"
    assert isinstance(p, cy.Base)
    assert PyDerived.cls_name() == "PyDerived"
    assert repr(p) == "PyDerived(x=1, tag='py')"


def test_cinit_dealloc():
    gc.collect()
    c0, d0 = cy.cinit_count(), cy.dealloc_count()
    objs = [cy.Base(i) for i in range(5)] + [cy.Derived(1, 2), PyDerived(3, 4)]
    assert cy.cinit_count() - c0 == 7
    assert cy.dealloc_count() == d0
    del objs
    gc.collect()
    assert cy.dealloc_count() - d0 == 7
    # a cycle through a Python subclass's __dict__
    p = PyDerived(0, 0)
    p.me = p
    del p
    gc.collect()
    assert cy.dealloc_count() - d0 == 8
    assert cy.cinit_count() - c0 == 8


def test_cinit_runs_before_init():
    # __new__ alone runs __cinit__: the C field is set
    b = cy.Base.__new__(cy.Base)
    assert b.scale == 1.0
    assert b.x == 0 and b.tag is None


def test_richcmp_hash():
    a, b, c = cy.Point(1, 2), cy.Point(1, 2), cy.Point(2, 0)
    assert a == b and not (a != b)
    assert a != c and not (a == c)
    assert a < c and a <= c and c > a and c >= a and a <= b and a >= b
    assert not (c < a)
    assert hash(a) == hash(b) == hash((1.0, 2.0))
    assert len({a, b, c}) == 2
    assert (a == 5) is False
    assert (a != "x") is True
    raises(TypeError, lambda: a < 5)
    assert sorted([c, a]) == [a, c]
    assert repr(a + c) == "Point(3.0, 2.0)"
    raises(TypeError, lambda: a + 1)
    assert (a.px, a.py) == (1.0, 2.0)
    raises(AttributeError, setattr, a, "px", 3)


def test_eq_lt():
    v1, v2, v3 = cy.Version(1, 2), cy.Version(1, 2), cy.Version(2, 0)
    assert v1 == v2 and v1 != v3
    assert v1 < v3 and not (v3 < v1)
    assert v3 > v1  # reflected __lt__
    assert (v1 == 3) is False
    raises(TypeError, lambda: v1 <= v3)
    # defining __eq__ without __hash__ makes it unhashable
    raises(TypeError, hash, v1)


def test_sequence_slots():
    s = cy.Seq(1, 2, 3)
    assert len(s) == 3
    assert s[0] == 1 and s[-1] == 3
    assert s[1:] == [2, 3]
    s[0] = 10
    assert list(s) == [10, 2, 3]
    assert 2 in s and 5 not in s
    assert bool(s) and not bool(cy.Seq())
    assert s(1, 2) == 5
    raises(IndexError, lambda: s[10])


def test_pickle():
    p = pickle.loads(pickle.dumps(cy.Point(1.5, -2)))
    assert type(p) is cy.Point and (p.px, p.py) == (1.5, -2.0)
    # Cython's generated __reduce_cython__ refuses a class with __cinit__
    raises_exact(TypeError, pickle.dumps, cy.Base(4), match="non-trivial __cinit__")


# ---------------------------------------------------------------- generators, closures


def test_generator():
    g = cy.gen(5)
    assert iter(g) is g
    assert type(g).__name__ == "generator"
    assert next(g) == 0
    assert list(g) == [1, 4, 9, 16]
    assert list(cy.gen(0)) == []
    raises(StopIteration, next, g)
    assert sum(cy.gen(10)) == 285


def test_generator_expressions():
    assert cy.gen_sum(10) == 285
    assert cy.gen_odd(10) == [1, 3, 5, 7, 9]
    assert cy.comprehensions(4) == ([0, 1, 2, 3], {0: 0, 1: 1, 2: 4, 3: 9}, {0, 1, 2})


def test_generator_send_return():
    g = cy.echo()
    assert next(g) == "ready"
    assert g.send(3) == 6
    assert g.send("ab") == "abab"
    e = raises(StopIteration, g.send, None)
    assert e.value == [3, "ab"]


def test_yield_from():
    g = cy.delegate(3)
    assert next(g) == "ready"
    assert g.send(5) == 10
    assert g.send(None) == ("done", [5])
    assert list(g) == [0, 1, 4]


def test_generator_throw_close():
    log = []
    g = cy.guarded(log)
    assert next(g) == 1
    g.close()
    assert log == ["closed"]
    log = []
    g = cy.guarded(log)
    assert next(g) == 1
    raises_exact(KeyError, g.throw, KeyError("x"))
    assert log == ["closed"]
    raises(StopIteration, next, g)


def test_closures():
    add5 = cy.make_adder(5)
    assert add5(1) == 6 and add5(-5) == 0
    assert add5.__name__ == "add"
    assert add5.__qualname__ == "make_adder.<locals>.add"
    inc = cy.make_counter()
    assert [inc(), inc(), inc()] == [1, 2, 3]
    other = cy.make_counter()
    assert other() == 1 and inc() == 4
    triple = cy.make_mul(3)
    assert triple(4) == 12 and triple("ab") == "ababab"
    assert triple.__qualname__ == "make_mul.<locals>.<lambda>"
    assert cy.sort_by_key([("a", 3), ("b", 1), ("c", 2)]) == [("b", 1), ("c", 2), ("a", 3)]
    assert cy.closure_over_loop(3) == [0, 10, 20]


# ---------------------------------------------------------------- exceptions


def tb_entries(e):
    return [(os.path.basename(f.filename), f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)]


def test_exception_traceback():
    e = raises_exact(cy.CyError, cy.raise_value, 7)
    assert str(e) == "bad 7"
    assert isinstance(e, ValueError)
    assert cy.CyError.__module__ == "cyfeatures"
    entries = tb_entries(e)
    # Cython names its traceback entries module.function
    names = [n for _, n, _ in entries]
    assert "cyfeatures.raise_value" in names, entries
    fname, _, lineno = [t for t in entries if t[1] == "cyfeatures.raise_value"][0]
    assert fname == "cyfeatures.pyx", entries
    assert "raise CyError" in pyx_line(lineno), (lineno, pyx_line(lineno))


def test_exception_traceback_nested():
    e = raises_exact(cy.CyError, cy.outer_call, 1)
    entries = [t for t in tb_entries(e) if t[0] == "cyfeatures.pyx"]
    names = [n for _, n, _ in entries]
    assert names == ["cyfeatures.outer_call", "cyfeatures.raise_value"], entries
    assert "raise_value(x)" in pyx_line(entries[0][2])


def test_cdef_except_traceback():
    assert cy.check(4) == 8
    e = raises_exact(ValueError, cy.check, -2)
    assert str(e) == "negative: -2"
    entries = [t for t in tb_entries(e) if t[0] == "cyfeatures.pyx"]
    names = [n for _, n, _ in entries]
    assert names == ["cyfeatures.check", "cyfeatures._check"], entries
    assert "raise ValueError" in pyx_line(entries[1][2])


def test_try_except_finally():
    assert cy.try_flow(0) == ["try", "no error", "else", "finally"]
    assert cy.try_flow(1) == ["try", "except KeyError 'k'", "finally"]
    assert cy.try_flow(2) == ["try", "except TypeError", "finally"]
    log = []
    raises_exact(IndexError, cy.reraise_in_finally, log)
    assert log == ["finally ran"]
    # the exception handled inside Cython is cleared afterwards
    assert sys.exc_info() == (None, None, None)


def test_exception_cause():
    e = raises_exact(RuntimeError, cy.wrap_error)
    assert type(e.__cause__) is KeyError and e.__suppress_context__
    assert str(e.__cause__) == "'missing'"


def test_exception_context():
    # raising while handling an exception makes it the new one's __context__
    e = raises_exact(LookupError, cy.implicit_context)
    assert type(e.__context__) is ZeroDivisionError and e.__cause__ is None
    assert not e.__suppress_context__
    e = raises_exact(RuntimeError, cy.wrap_error)
    assert e.__context__ is e.__cause__


def test_catch_python_exceptions():
    def boom():
        raise KeyError("py")

    assert cy.catch_python(boom) == ("KeyError", "'py'")
    assert cy.catch_python(lambda: None) is None
    assert cy.exc_info_inside() == ("FileNotFoundError", 2, True)


# ---------------------------------------------------------------- memoryviews, nogil


def test_memoryview_double_array():
    a = array.array("d", [1.5, 2.5, 3.0])
    assert cy.total(a) == 7.0
    cy.scale(a, 2)
    assert a.tolist() == [3.0, 5.0, 6.0]
    assert cy.total_every_other(array.array("d", [1, 10, 2, 20, 3])) == 6.0
    assert cy.total(array.array("d")) == 0.0
    assert cy.total(memoryview(a)[1:]) == 11.0


def test_memoryview_wrong_type():
    raises(ValueError, cy.total, array.array("i", [1, 2]))  # "Buffer dtype mismatch"
    raises(TypeError, cy.total, [1.0, 2.0])  # not a buffer
    raises(ValueError, cy.total, memoryview(bytearray(16)).cast("d", (1, 2)))  # wrong ndim


def test_memoryview_bytearray_writes():
    b = bytearray(b"abcdef")
    assert cy.fill(b, 0x7A) == 6
    assert b == bytearray(b"zzzzzz")
    b = bytearray(b"abcdef")
    assert cy.fill_slice(b, ord("-")) == 6
    assert b == bytearray(b"a--def")
    raises(OverflowError, cy.fill, bytearray(1), 2**40)


def test_memoryview_readonly():
    assert cy.ro_sum(b"\x01\x02\xff") == 258
    assert cy.ro_sum(bytearray(b"\x05")) == 5
    # a writable view of bytes is refused
    raises((BufferError, ValueError, TypeError), cy.fill, b"abc", 1)


def test_memoryview_2d():
    buf = bytearray(24)
    m = memoryview(buf).cast("i", (2, 3))
    assert cy.info2d(m) == (2, 3, 12, 4, 2)
    cy.set2d(m)
    assert m.tolist() == [[0, 1, 2], [10, 11, 12]]
    assert array.array("i", bytes(buf)).tolist() == [0, 1, 2, 10, 11, 12]
    assert cy.sum2d(m) == (0 + 1 + 2) + 2 * (10 + 11 + 12)
    assert cy.col_sum(m, 1) == 12
    raises(ValueError, cy.sum2d, memoryview(bytearray(24)).cast("d", (3,)))


def test_nogil():
    a = array.array("d", [0.5] * 8)
    assert cy.total_nogil(a) == 4.0
    assert cy.total_nogil(memoryview(a)[::2]) == 2.0
    assert cy.nogil_loop(1000) == 499500
    assert cy.nogil_with_gil(21) == [42]


if __name__ == "__main__":
    harness.run(globals())
