"""Check for capi_structseq: struct sequences and _PyTuple_Resize.

CPython's rules checked here: a struct sequence type is a tuple subclass
named by its descriptor ("module.name"; no dot means builtins); an instance
holds every field but its length, iteration, indexing, comparison and hash
see only the n_in_sequence visible ones; every named field, hidden or not,
is a read-only attribute (a hidden field C left NULL reads None); repr names
the visible fields with the names of the named fields in order; the
constructor takes n_in_sequence..n_fields items and a dict of hidden fields;
__reduce__ gives (type, (visible, hidden dict)); InitType2 of a readied type
is SystemError. _PyTuple_Resize grows (new items NULL) and shrinks a tuple
C holds alone, and for anything else releases the pointer, sets it NULL and
raises SystemError."""

import pickle
import sys
import time

import harness
from harness import raises, raises_exact

import capi_structseq as c

Static = c.Static
Heap = c.Heap


def test_type_identity():
    assert Static.__name__ == "Static" and Static.__module__ == "capi_structseq"
    assert Static.__doc__ == "a static struct sequence"
    assert Heap.__name__ == "Heap" and Heap.__module__ == "capi_structseq"
    assert issubclass(Static, tuple) and issubclass(Heap, tuple)
    assert (Static.n_fields, Static.n_sequence_fields, Static.n_unnamed_fields) == (5, 3, 1)
    assert (Heap.n_fields, Heap.n_sequence_fields, Heap.n_unnamed_fields) == (3, 2, 0)
    assert Static.__match_args__ == ("a", "b")
    assert Heap.__match_args__ == ("x", "y")
    assert Static.a.__doc__ == "field a" and Heap.z.__doc__ == "hidden z"


def test_instance_from_c():
    s = c.make_static(1, 2, 3, 4, 5)
    assert type(s) is Static and isinstance(s, tuple)
    assert len(s) == 3 and tuple(s) == (1, 2, 3) and list(s) == [1, 2, 3]
    assert (s.a, s.b, s.c, s.d) == (1, 2, 4, 5)
    assert s[0] == 1 and s[2] == 3 and s[-1] == 3 and s[:2] == (1, 2)
    raises_exact(IndexError, lambda: s[3])
    assert s == (1, 2, 3) and hash(s) == hash((1, 2, 3))
    assert 3 in s and 4 not in s
    a, b, u = s
    assert (a, b, u) == (1, 2, 3)
    raises(AttributeError, setattr, s, "a", 0)
    raises(AttributeError, setattr, s, "c", 0)


def test_repr():
    # The third visible field is unnamed: it takes the name of the third
    # named field (c), as CPython's repr does.
    assert repr(c.make_static(1, 2, 3, 4, 5)) == "capi_structseq.Static(a=1, b=2, c=3)"
    assert repr(c.make_heap(1, "q", 7)) == "capi_structseq.Heap(x=1, y='q')"


def test_c_sees_every_field():
    s = c.make_static(1, 2, 3, 4, 5)
    assert c.fields_of(s, 5) == ([1, 2, 3, 4, 5], 3)
    h = Heap((1, 2), {"z": 9})
    assert c.fields_of(h, 3) == ([1, 2, 9], 2)


def test_c_reads_builtin_struct_sequences():
    # The hidden fields follow the visible ones, as C indexes them.
    t = time.gmtime(0)
    assert c.fields_of(t, 11)[0] == [1970, 1, 1, 0, 0, 0, 3, 1, 0, t.tm_zone, 0]


def test_hidden_field_left_null_is_none():
    h = c.make_heap(1, 2, None)
    assert h.z is None and tuple(h) == (1, 2)


def test_constructor():
    s = Static((1, 2, 3))
    assert tuple(s) == (1, 2, 3) and s.c is None and s.d is None
    s = Static([1, 2, 3, 4])
    assert s.c == 4 and s.d is None
    s = Static((1, 2, 3), {"d": 9})
    assert s.c is None and s.d == 9
    s = Static(iter(range(5)))
    assert (s.c, s.d) == (3, 4)
    raises_exact(TypeError, Static, (1, 2), match="capi_structseq.Static() takes an at least 3-sequence (2-sequence given)")
    raises_exact(TypeError, Static, range(6), match="capi_structseq.Static() takes an at most 5-sequence (6-sequence given)")
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 13):
        # 3.13 rejects names that are no hidden field's; 3.11 ignores them.
        raises_exact(TypeError, Static, (1, 2, 3), {"zz": 1}, match="capi_structseq.Static() got duplicate or unexpected field name(s)")
    raises_exact(TypeError, Static, (1, 2, 3), [1], match="capi_structseq.Static() takes a dict as second arg, if any")
    raises_exact(TypeError, Static, 5, match="constructor requires a sequence")
    plain = c.new_plain_type()
    raises_exact(TypeError, plain, (1, 2), match="Plain() takes a 1-sequence (2-sequence given)")


def test_no_dot_no_module():
    plain = c.new_plain_type()
    assert plain.__name__ == "Plain"
    raises_exact(AttributeError, getattr, plain, "__module__")
    assert repr(plain((5,))) == "Plain(only=5)"


def test_reduce_and_pickle():
    h = c.make_heap(1, 2, 3)
    assert h.__reduce__() == (Heap, ((1, 2), {"z": 3}))
    back = pickle.loads(pickle.dumps(h))
    assert type(back) is Heap and tuple(back) == (1, 2) and back.z == 3
    s = c.make_static(1, 2, 3, 4, 5)
    assert s.__reduce__() == (Static, ((1, 2, 3), {"c": 4, "d": 5}))


def test_replace():
    if sys.implementation.name == "cpython" and sys.version_info < (3, 13):
        return  # __replace__ is new in 3.13
    h = c.make_heap(1, 2, 3)
    r = h.__replace__(y=20, z=30)
    assert type(r) is Heap and tuple(r) == (1, 20) and r.z == 30
    raises_exact(TypeError, h.__replace__, w=1, match="Got unexpected field name(s): ['w']")
    s = c.make_static(1, 2, 3, 4, 5)
    raises_exact(TypeError, s.__replace__, a=1, match="__replace__() is not supported for capi_structseq.Static because it has unnamed field(s)")


def test_init_type_twice():
    raises_exact(SystemError, c.init_again)


def test_tuple_resize():
    assert c.tuple_resize((1, 2), 4, "n") == ((1, 2, "n", "n"), 4)
    assert c.tuple_resize((1, 2, 3, 4), 2, None) == ((1, 2), 2)
    assert c.tuple_resize((1, 2), 2, None) == ((1, 2), 2)
    assert c.tuple_resize((), 3, 0) == ((0, 0, 0), 3)
    assert c.tuple_resize((1, 2), 0, None) == ((), 0)
    big = tuple(range(100))
    assert c.tuple_resize(big, 300, -1) == (big + (-1,) * 200, 300)


def test_tuple_resize_refuses():
    t = (1, 2, 3)
    raises_exact(SystemError, c.tuple_resize_held, t, 5)
    assert t == (1, 2, 3)
    raises_exact(SystemError, c.tuple_resize_held, [1, 2], 1)
    raises_exact(SystemError, c.tuple_resize_held, c.make_heap(1, 2, 3), 1)


if __name__ == "__main__":
    harness.run(globals())
