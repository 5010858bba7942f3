"""Check for capi_api314: PyIter_NextItem, PyLong_IsZero, PyUnicode_Equal
and Py_HashBuffer, new in CPython 3.14.

PyIter_NextItem wants an iterator, not an iterable, and sets *item to NULL
at the end and on errors; PyLong_IsZero takes only ints (no __index__);
Py_HashBuffer equals the hash of bytes holding the same bytes.

The oracle is CPython 3.14 (tests/c_tests.rs, CPYTHON314_FAMILIES)."""

import collections

import harness
from harness import raises_exact

import capi_api314 as c


def test_next_item():
    assert c.next_items(iter([1, "a", None])) == [1, "a", None]
    assert c.next_items(iter(())) == []

    def gen():
        yield 1
        yield 2
    assert c.next_items(gen()) == [1, 2]

    class Stops:
        def __iter__(self):
            return self

        def __next__(self):
            raise StopIteration("done")
    assert c.next_items(Stops()) == []


def test_next_item_errors():
    def fails():
        yield 1
        raise KeyError("from the iterator")
    e = raises_exact(KeyError, c.next_items, fails())
    assert e.args == ("from the iterator",)
    for iterable, name in (([1], "list"), (5, "int"), (collections.OrderedDict(), "collections.OrderedDict")):
        e = raises_exact(TypeError, c.next_items, iterable)
        assert str(e) == "expected an iterator, got '%s'" % name, str(e)

    # A class statement's type has a tp_iternext, which raises this.
    class Iterable:
        def __iter__(self):
            return iter(())

    class L(list):
        pass
    for o, name in ((Iterable(), "Iterable"), (L(), "L")):
        e = raises_exact(TypeError, c.next_items, o)
        assert str(e) == "'%s' object is not iterable" % name, str(e)


def test_long_is_zero():
    assert c.long_is_zero(0) == 1
    assert c.long_is_zero(-0) == 1
    assert c.long_is_zero(7) == 0
    assert c.long_is_zero(-(2 ** 100)) == 0
    assert c.long_is_zero(False) == 1
    assert c.long_is_zero(True) == 0

    class I(int):
        pass
    assert c.long_is_zero(I(0)) == 1

    class Index:
        def __index__(self):
            return 0
    # The type's fully qualified name (`%T`), without "__main__.".
    for o, name in ((0.0, "float"), ("0", "str"), (Index(), "test_long_is_zero.<locals>.Index")):
        e = raises_exact(TypeError, c.long_is_zero, o)
        assert str(e) == "expected int, got %s" % name, str(e)
    e = raises_exact(TypeError, c.long_is_zero, harness.HarnessFailure())
    assert str(e) == "expected int, got harness.HarnessFailure", str(e)


def test_unicode_equal():
    class S(str):
        def __eq__(self, other):
            return False
    assert c.unicode_equal("abc", "abc") == 1
    assert c.unicode_equal("abc", "abd") == 0
    assert c.unicode_equal("", "") == 1
    assert c.unicode_equal("\U0001f600", "\U0001f600") == 1
    # The characters are compared; a subclass's __eq__ is not called.
    assert c.unicode_equal(S("x"), "x") == 1
    e = raises_exact(TypeError, c.unicode_equal, b"abc", "abc")
    assert str(e) == "first argument must be str, not bytes", str(e)
    e = raises_exact(TypeError, c.unicode_equal, "abc", 5)
    assert str(e) == "second argument must be str, not int", str(e)


def test_hash_buffer():
    for data in (b"", b"a", b"hello world", bytes(range(256)) * 3):
        assert c.hash_buffer(data) == hash(data), data[:10]
        assert c.hash_buffer(bytearray(data)) == hash(data)
        assert c.hash_buffer(data) == hash(memoryview(data))
    assert c.hash_buffer(b"") == 0


def test_unique_refs():
    # An object Python names is not uniquely referenced; one C has just
    # made and not shared is. Deferred refcounting is a free-threaded
    # build's: 0 here.
    obj = object()
    held = [obj]
    assert c.unique_refs(obj) == (0, 0, 1, 0), c.unique_refs(obj)
    assert held[0] is obj


def test_mutex_is_locked():
    assert c.mutex_is_locked() == (0, 1, 0)


def test_type_freeze():
    class A:
        pass

    class B(A):
        pass

    e = raises_exact(TypeError, c.type_freeze, B)
    assert str(e) == "Creating immutable type B from mutable base test_type_freeze.<locals>.A", e
    assert c.type_freeze(A) is None
    e = raises_exact(TypeError, setattr, A, "x", 1)
    assert "immutable type" in str(e), e
    assert c.type_freeze(B) is None


if __name__ == "__main__":
    harness.run(globals())
