"""Check for capi_sets_slices: PySet_* / PyFrozenSet_New and PySlice_*.

A wrong-typed set argument is PyErr_BadInternalCall's SystemError in
CPython (not a TypeError); PySlice_Unpack clamps huge indices to
Py_ssize_t and fills in None; PySlice_AdjustIndices is plain arithmetic."""

import sys

import harness
from harness import raises_exact

import capi_sets_slices as c

MAX = sys.maxsize
MIN = -sys.maxsize - 1


def test_set_new():
    s = c.set_new([1, 2, 2], False)
    assert type(s) is set and s == {1, 2}
    assert c.set_new(None, False) == set()
    f = c.set_new("abca", True)
    assert type(f) is frozenset and f == frozenset("abc")
    assert c.set_new(None, True) == frozenset()
    raises_exact(TypeError, c.set_new, 5, False)


def test_size_and_contains():
    assert c.set_size({1, 2, 3}) == 3
    assert c.set_size(frozenset()) == 0
    assert c.set_contains({1, 2}, 2) == 1
    assert c.set_contains(frozenset([1]), 3) == 0
    e = raises_exact(TypeError, c.set_contains, {1}, [])
    assert "unhashable" in str(e), e
    raises_exact(SystemError, c.set_size, [1, 2])
    raises_exact(SystemError, c.set_contains, [1], 1)


def test_add_discard_clear_pop():
    s = set()
    c.set_add(s, "a")
    c.set_add(s, "b")
    c.set_add(s, "a")
    assert s == {"a", "b"}
    assert c.set_discard(s, "a") == 1
    assert c.set_discard(s, "zz") == 0
    assert s == {"b"}
    assert c.set_pop(s) == "b"
    e = raises_exact(KeyError, c.set_pop, s)
    assert str(e) == "'pop from an empty set'", str(e)
    s.update([1, 2])
    c.set_clear(s)
    assert s == set()
    raises_exact(TypeError, c.set_add, s, [])
    raises_exact(SystemError, c.set_add, [], 1)
    raises_exact(SystemError, c.set_discard, frozenset([1]), 1)
    raises_exact(SystemError, c.set_clear, {1: 2})


def test_add_on_a_set_subclass():
    class S(set):
        pass
    s = S()
    c.set_add(s, 1)
    assert s == {1}


def test_slice_new():
    assert c.slice_new(1, 5, 2) == slice(1, 5, 2)
    assert c.slice_new(None, None, None) == slice(None)
    assert c.slice_new("a", [], 3) == slice("a", [], 3)


def test_slice_unpack():
    assert c.slice_unpack(slice(1, 10, 3)) == (1, 10, 3)
    assert c.slice_unpack(slice(None)) == (0, MAX, 1)
    assert c.slice_unpack(slice(None, None, -1)) == (MAX, MIN, -1)
    assert c.slice_unpack(slice(-5, 10 ** 30, 1)) == (-5, MAX, 1)
    assert c.slice_unpack(slice(-10 ** 30, 2, -(10 ** 30))) == (MIN, 2, -MAX)
    assert c.slice_unpack(slice(True, 3)) == (1, 3, 1)
    e = raises_exact(ValueError, c.slice_unpack, slice(1, 2, 0))
    assert str(e) == "slice step cannot be zero"
    e = raises_exact(TypeError, c.slice_unpack, slice("a", 2))
    assert str(e) == "slice indices must be integers or None or have an __index__ method", str(e)


def test_slice_adjust_matches_slice_indices():
    for length in (0, 1, 5):
        for sl in (slice(None), slice(1, 4), slice(-2, None), slice(None, None, -1),
                   slice(10, -10, -2), slice(-100, 100, 3), slice(3, 1)):
            start, stop, step = c.slice_unpack(sl)
            got = c.slice_adjust(length, start, stop, step)
            want = sl.indices(length)
            assert got[:2] == want[:2], (sl, length, got, want)
            assert got[2] == len(range(*want)), (sl, length, got)


def test_get_indices_ex():
    assert c.slice_indices_ex(slice(1, None, 2), 10) == (1, 10, 2, 5)
    assert c.slice_indices_ex(slice(None, None, -3), 7) == (6, -1, -3, 3)
    raises_exact(ValueError, c.slice_indices_ex, slice(0, 1, 0), 4)


if __name__ == "__main__":
    harness.run(globals())
