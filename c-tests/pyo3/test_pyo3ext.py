"""Checks for pyo3ext, a small non-abi3 PyO3 (0.30) extension.

Run with the built module (pyo3ext.<EXT_SUFFIX>) on PYTHONPATH; see README.md.
The same file is the oracle under CPython: every check passes there.
"""

import gc
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))  # c-tests/, for harness

import harness
from harness import raises, raises_exact

import pyo3ext as m


def in_child(code):
    """Runs ``code`` (after ``import pyo3ext as m``) in a fresh interpreter, so
    that a crash there is one failed check, not the end of the run."""
    env = dict(os.environ)
    mod_dir = os.path.dirname(os.path.abspath(m.__file__))
    env["PYTHONPATH"] = os.pathsep.join([mod_dir, env.get("PYTHONPATH", "")])
    r = subprocess.run(
        [sys.executable, "-c", "import pyo3ext as m\n" + code],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    out = r.stdout.decode("utf-8", "replace")
    assert r.returncode == 0, "child exited with %d:\n%s" % (r.returncode, out[-2000:])
    return out


def test_module():
    assert m.__name__ == "pyo3ext"
    assert m.VERSION == "0.1"
    assert callable(m.double)
    assert m.double.__name__ == "double"


def test_counter_basic():
    c = m.Counter("a")
    assert c.count == 0
    assert c.name == "a"
    assert c.incr(3) == 3
    assert c.incr() == 4
    assert c.count == 4
    c.count = 10
    assert c.count == 10
    assert c.incr(by=5) == 15


def test_counter_repr_len():
    c = m.Counter("x", 3)
    assert repr(c) == 'Counter("x", 3)', repr(c)
    assert len(c) == 3
    c.count = -2
    assert len(c) == 0


def test_counter_type():
    c = m.Counter("a", count=2)
    assert type(c) is m.Counter
    assert isinstance(c, m.Counter)
    assert type(c).__name__ == "Counter"
    assert m.Counter.__module__ == "pyo3ext"


def test_counter_name_readonly():
    c = m.Counter("a")
    raises(AttributeError, setattr, c, "name", "b")
    assert c.name == "a"


def test_counter_set_wrong_type():
    c = m.Counter("a")
    raises(TypeError, setattr, c, "count", "nope")
    assert c.count == 0


def test_counter_errors():
    c = m.Counter("a")
    e = raises_exact(m.CounterError, c.incr, -1)
    assert "negative step -1" in str(e)
    raises(TypeError, m.Counter, match="missing 1 required positional argument")
    raises(TypeError, m.Counter, 1)


def test_counter_not_subclassable():
    def make():
        class Sub(m.Counter):
            pass

    raises(TypeError, make)


def test_counter_many():
    cs = [m.Counter(str(i), i) for i in range(200)]
    assert sum(c.count for c in cs) == sum(range(200))
    del cs
    gc.collect()


class PySub(m.Base):
    def hook(self, v):
        return v + 1

    def kind(self):
        return "sub:" + super().kind()


def test_base_direct():
    b = m.Base(4)
    assert b.value == 4
    assert b.run() == 40
    assert b.kind() == "base"


def test_python_subclass():
    s = PySub(4)
    assert isinstance(s, m.Base)
    assert type(s) is PySub
    assert s.value == 4
    assert s.run() == 5
    assert s.kind() == "sub:base"
    s.extra = "dict works"
    assert s.extra == "dict works"
    assert issubclass(PySub, m.Base)


def test_python_subclass_init():
    class WithInit(m.Base):
        def __init__(self, value, tag):
            self.tag = tag

        def __new__(cls, value, tag):
            return super().__new__(cls, value)

    w = WithInit(7, "t")
    assert w.value == 7
    assert w.tag == "t"
    assert w.run() == 70


def test_custom_exception():
    assert issubclass(m.CounterError, Exception)
    assert m.CounterError.__name__ == "CounterError"
    assert m.CounterError.__module__ == "pyo3ext"
    e = raises_exact(m.CounterError, m.raise_custom, "boom")
    assert str(e) == "boom"
    assert e.args == ("boom",)
    try:
        m.raise_custom("caught")
    except Exception as ex:
        assert type(ex) is m.CounterError


def test_value_error():
    assert m.checked_sqrt(9.0) == 3.0
    assert m.checked_sqrt(4) == 2.0
    e = raises_exact(ValueError, m.checked_sqrt, -1.0)
    assert str(e) == "negative value: -1"


def test_vec_extract():
    # Vec<i64> from a sequence goes through PyObject_GetIter; the error cases
    # return before a list is built.
    raises(TypeError, m.double, [1, "x"])
    raises(TypeError, m.double, "abc")  # str is refused as a Vec
    raises(OverflowError, m.double, [2**70])


def test_vec_roundtrip():
    # Returning a Vec builds the list with PyList_New + inline PyList_SET_ITEM.
    in_child(
        "assert m.double([1, 2, 3]) == [2, 4, 6]\n"
        "assert m.double([]) == []\n"
        "assert m.double((5, -6)) == [10, -12]\n"
        "r = m.double(list(range(1000)))\n"
        "assert type(r) is list and len(r) == 1000 and r[999] == 1998\n"
    )


def test_list_iter():
    # Iterating a PyList in Rust reads items with inline PyList_GET_ITEM.
    in_child(
        "assert m.sum_list([1, 2, 3]) == 6\n"
        "assert m.sum_list([]) == 0\n"
        "l = list(range(100)); l.append(5); assert m.sum_list(l) == 4955\n"
    )
    raises(TypeError, m.sum_list, (1, 2))


def test_list_len_after_python_change():
    assert m.list_len_around([1, 2], lambda l: None) == (2, 2)
    assert m.list_len_around([1, 2], lambda l: l.append(3)) == (2, 3)
    assert m.list_len_around([1, 2], lambda l: l.clear()) == (2, 0)


def test_hashmap_roundtrip():
    r = m.invert({"a": 1, "b": 2})
    assert r == {1: "a", 2: "b"}
    assert type(r) is dict
    assert m.invert({}) == {}
    raises(TypeError, m.invert, {1: 1})
    raises(TypeError, m.invert, [("a", 1)])


def test_dict_len():
    assert m.dict_len({}) == 0
    assert m.dict_len({"a": 1, "b": 2}) == 2
    d = dict.fromkeys(range(50))
    assert m.dict_len(d) == 50


def test_option():
    assert m.maybe_add_one(1) == 2
    assert m.maybe_add_one(None) is None
    assert m.maybe_add_one() is None


def test_tuple():
    assert m.swap((1, "a")) == ("a", 1)
    assert type(m.swap((1, "a"))) is tuple
    raises(TypeError, m.swap, (1, 2))
    raises(ValueError, m.swap, (1,), match="expected tuple of length 2")
    raises(TypeError, m.swap, 5)


def test_strings():
    assert m.greet("world") == "hello, world!"
    assert m.greet("héllo ☃") == "hello, héllo ☃!"
    assert m.upper("abc") == "ABC"
    assert m.upper("straße") == "STRASSE"
    raises(TypeError, m.greet, b"bytes")
    raises(TypeError, m.greet, 3)


def test_bytes():
    r = m.reverse_bytes(b"abc\x00d")
    assert r == b"d\x00cba"
    assert type(r) is bytes
    assert m.bytes_len(b"hello") == 5
    assert m.bytes_len([1, 2, 3]) == 3  # Vec<u8> from a sequence of ints
    raises(TypeError, m.reverse_bytes, "str")
    raises(TypeError, m.bytes_len, "str")


def test_callable():
    assert m.apply(lambda x: x * 3, 4) == 12
    assert m.apply(str, 5) == "5"
    raises(ZeroDivisionError, m.apply, lambda x: 1 // x, 0)
    assert m.call_with(lambda *a, **k: (a, k), 1, 2, z=3) == ((1, 2), {"z": 3})
    assert m.call_with(max, 3, 9, 4) == 9
    raises(TypeError, m.apply, 5, 1)


def test_kwargs_defaults():
    # Rust's Display for f64 prints 3.0 as "3".
    assert m.combine(1) == "3"
    assert m.combine(1, 3) == "4"
    assert m.combine(1, b=5) == "6"
    assert m.combine(a=1, scale=2.0) == "6"
    assert m.combine(1, 1, scale=0.25, label="x") == "x=0.5"
    assert m.combine(label="y", a=2, b=0) == "y=2"
    raises(TypeError, m.combine)
    raises(TypeError, m.combine, 1, 2, 3)  # scale is keyword-only
    raises(TypeError, m.combine, 1, bogus=1)
    raises(TypeError, m.combine, 1, a=2)


def test_refcounts_stable():
    # Round trips must not leak or over-release: repeat and collect.
    s = "keep-me"
    for _ in range(500):
        m.greet(s)
        m.upper(s)
        m.swap((1, s))
        m.apply(str, 3)
        m.Counter(s, 1).incr()
    gc.collect()
    assert s == "keep-me"
    if hasattr(sys, "getrefcount"):
        before = sys.getrefcount(s)
        for _ in range(100):
            m.swap((1, s))
            m.Counter(s).name
        gc.collect()
        assert sys.getrefcount(s) - before < 5


if __name__ == "__main__":
    harness.run(globals())
