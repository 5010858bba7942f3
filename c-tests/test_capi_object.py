"""Check for capi_object: PyObject_* (attributes, calls, repr/str, comparison,
truth, hash, length, items, isinstance/issubclass, type) and the singletons."""

import harness
from harness import raises_exact

import capi_object as c

LT, LE, EQ, NE, GT, GE = c.Py_LT, c.Py_LE, c.Py_EQ, c.Py_NE, c.Py_GT, c.Py_GE


class Plain:
    cls_attr = "class"

    def __init__(self):
        self.x = 1

    def method(self, a, b=2):
        return (self, a, b)


class Prop:
    @property
    def boom(self):
        raise ValueError("from property")

    @property
    def fine(self):
        return "fine"


class Recorder:
    def __init__(self):
        self.calls = []

    def __call__(self, *args, **kwargs):
        self.calls.append((args, kwargs))
        return ("called", args, kwargs)


class Cmp:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return ("lt", self.v, other.v)

    def __eq__(self, other):
        return "eq-result"

    __hash__ = None


class NoCmp:
    def __eq__(self, other):
        return NotImplemented


class BadBool:
    def __bool__(self):
        raise KeyError("from __bool__")


class LenZero:
    def __len__(self):
        return 0


class HashMinusOne:
    def __hash__(self):
        return -1


class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"

    def __subclasscheck__(cls, sub):
        return sub is int


class Magic(metaclass=Meta):
    pass


# ---- attributes ----------------------------------------------------------


def test_getattr():
    p = Plain()
    assert c.getattr(p, "x") == 1
    assert c.getattr(p, "cls_attr") == "class"
    assert c.getattr_string(p, "x") == 1
    m = c.getattr(p, "method")
    assert m(5) == (p, 5, 2)
    assert c.getattr(Plain, "cls_attr") == "class"
    assert c.getattr(1, "real") == 1
    assert c.getattr(Prop(), "fine") == "fine"


def test_getattr_errors():
    raises_exact(AttributeError, c.getattr, 1, "nope", match="'int' object has no attribute 'nope'")
    raises_exact(AttributeError, c.getattr_string, Plain(), "nope", match="'Plain' object has no attribute 'nope'")
    raises_exact(TypeError, c.getattr, 1, 5, match="attribute name must be string, not 'int'")
    raises_exact(ValueError, c.getattr_string, Prop(), "boom", match="from property")


def test_setattr():
    p = Plain()
    c.setattr(p, "y", [1])
    assert p.y == [1]
    c.setattr_string(p, "z", "zz")
    assert p.z == "zz"
    c.setattr(p, "x", None)
    assert p.x is None
    c.setattr_null(p, "y")
    assert not hasattr(p, "y")
    raises_exact(AttributeError, c.setattr_null, p, "y", match="y")
    raises_exact(AttributeError, c.setattr, 1, "x", 1, match="'int' object has no attribute 'x'")
    raises_exact(AttributeError, c.setattr, object(), "x", 1, match="'object' object has no attribute 'x'")
    raises_exact(TypeError, c.setattr, p, 5, 1, match="attribute name must be string, not 'int'")


def test_hasattr():
    p = Plain()
    assert c.hasattr(p, "x") == (1, True)
    assert c.hasattr(p, "nope") == (0, True)
    assert c.hasattr(Prop(), "fine") == (1, True)
    # exceptions raised while looking the attribute up are swallowed
    assert c.hasattr(Prop(), "boom") == (0, True)
    assert c.hasattr_string(p, "x") == 1
    assert c.hasattr_string(p, "nope") == 0


# ---- calls ---------------------------------------------------------------


def test_call():
    r = Recorder()
    assert c.call(r, (1, 2), None) == ("called", (1, 2), {})
    assert c.call(r, (), {"a": 1}) == ("called", (), {"a": 1})
    assert c.call(r, (1,), {}) == ("called", (1,), {})
    assert r.calls == [((1, 2), {}), ((), {"a": 1}), ((1,), {})]
    assert c.call(len, ((1, 2, 3),), None) == 3
    assert c.call(Plain, (), None).x == 1
    assert c.call(dict, (), {"k": "v"}) == {"k": "v"}


def test_call_object():
    r = Recorder()
    assert c.call_object(r, None) == ("called", (), {})
    assert c.call_object(r, (1, "a")) == ("called", (1, "a"), {})
    raises_exact(TypeError, c.call_object, r, [1], match="argument list must be a tuple")


def test_call_one_arg_no_args():
    r = Recorder()
    o = object()
    res = c.call_one_arg(r, o)
    assert res == ("called", (o,), {})
    assert res[1][0] is o
    assert c.call_no_args(r) == ("called", (), {})
    p = Plain()
    assert c.call_one_arg(p.method, 9) == (p, 9, 2)
    assert c.call_no_args(list) == []
    assert c.call_one_arg(len, "abcd") == 4


def test_call_not_callable():
    raises_exact(TypeError, c.call_no_args, 1, match="'int' object is not callable")
    raises_exact(TypeError, c.call_one_arg, "s", 1, match="'str' object is not callable")
    raises_exact(TypeError, c.call, None, (), None, match="'NoneType' object is not callable")


def test_call_propagates_exception():
    err = ValueError("from python")

    def f(*args, **kwargs):
        raise err

    for call in (
        lambda: c.call(f, (), None),
        lambda: c.call(f, (1,), {"k": 2}),
        lambda: c.call_object(f, None),
        lambda: c.call_one_arg(f, 1),
        lambda: c.call_no_args(f),
    ):
        e = raises_exact(ValueError, call)
        assert e is err


def test_call_propagates_exception_subclass_and_base_exception():
    class MyErr(KeyError):
        pass

    def f():
        raise MyErr("mine")

    e = raises_exact(MyErr, c.call_no_args, f)
    assert e.args == ("mine",)

    def g():
        raise SystemExit(3)

    e = raises_exact(SystemExit, c.call_no_args, g)
    assert e.code == 3


def test_call_arity_error_from_callee():
    def two(a, b):
        return a + b

    raises_exact(TypeError, c.call_one_arg, two, 1, match="missing 1 required positional argument: 'b'")
    # The message is the callee's own (CPython's and RustPython's len() word it
    # differently); what the layer must do is let its TypeError through.
    e = raises_exact(TypeError, c.call_object, len, None)
    assert "len" in str(e)


def test_call_many_times():
    seen = []
    assert c.call_n_times(seen.append, 1000) is None
    assert seen == list(range(1000))
    assert c.call_n_times(lambda i: i * 2, 10) == 18


def test_nested_calls():
    # Python -> C -> Python -> C -> Python
    def inner(x):
        return x + 1

    def outer(x):
        return c.call_one_arg(inner, x) * 10

    assert c.call_one_arg(outer, 4) == 50


# ---- repr / str ----------------------------------------------------------


def test_repr_str():
    assert c.repr("a'b") == "\"a'b\""
    assert c.str("a'b") == "a'b"
    assert c.repr(1) == "1"
    assert c.str([1, "x"]) == "[1, 'x']"
    assert c.repr(None) == "None"
    assert c.str(b"x") == "b'x'"

    class R:
        def __repr__(self):
            return "R!"

    assert c.repr(R()) == "R!"
    assert c.str(R()) == "R!"  # str falls back to repr
    assert type(c.str(1.5)) is str


def test_repr_str_errors():
    class BadStr:
        def __str__(self):
            return 5

    class RaisingRepr:
        def __repr__(self):
            raise KeyError("from __repr__")

    raises_exact(TypeError, c.str, BadStr(), match="__str__ returned non-string (type int)")
    raises_exact(KeyError, c.repr, RaisingRepr(), match="from __repr__")


# ---- comparison ----------------------------------------------------------


def test_rich_compare():
    assert c.rich_compare(1, 2, LT) is True
    assert c.rich_compare(1, 2, LE) is True
    assert c.rich_compare(1, 2, EQ) is False
    assert c.rich_compare(1, 2, NE) is True
    assert c.rich_compare(1, 2, GT) is False
    assert c.rich_compare(2, 2, GE) is True
    assert c.rich_compare("a", "b", LT) is True
    # results are not coerced to bool
    assert c.rich_compare(Cmp(1), Cmp(2), LT) == ("lt", 1, 2)
    assert c.rich_compare(Cmp(1), Cmp(2), EQ) == "eq-result"
    # reflected: 2 > Cmp is answered by Cmp.__lt__
    assert c.rich_compare(Cmp(2), Cmp(1), GT) == ("lt", 1, 2)
    # == falls back to identity when both sides return NotImplemented
    a = NoCmp()
    assert c.rich_compare(a, a, EQ) is True
    assert c.rich_compare(a, NoCmp(), EQ) is False
    assert c.rich_compare(a, NoCmp(), NE) is True


def test_rich_compare_errors():
    raises_exact(TypeError, c.rich_compare, 1, "a", LT, match="'<' not supported between instances of 'int' and 'str'")
    raises_exact(TypeError, c.rich_compare_bool, 1, "a", GE, match="'>=' not supported between instances of 'int' and 'str'")


def test_rich_compare_bool():
    assert c.rich_compare_bool(1, 1, EQ) == 1
    assert c.rich_compare_bool(1, 2, EQ) == 0
    assert c.rich_compare_bool(1, 2, LT) == 1
    assert c.rich_compare_bool(Cmp(1), Cmp(2), EQ) == 1  # "eq-result" is truthy
    # identity implies equality for Py_EQ / Py_NE, even for NaN
    nan = float("nan")
    assert c.rich_compare_bool(nan, nan, EQ) == 1
    assert c.rich_compare_bool(nan, nan, NE) == 0
    assert c.rich_compare(nan, nan, EQ) is False
    assert c.rich_compare_bool(nan, float("nan"), EQ) == 0


# ---- truth / hash / len --------------------------------------------------


def test_is_true_not():
    for v, t in [(0, 0), (1, 1), ("", 0), ("x", 1), ([], 0), ([0], 1), (None, 0),
                 (LenZero(), 0), (object(), 1), (0.0, 0), (True, 1), (False, 0)]:
        assert c.is_true(v) == t, (v, t)
        assert c.not_(v) == 1 - t, (v, t)
    raises_exact(KeyError, c.is_true, BadBool(), match="from __bool__")
    raises_exact(KeyError, c.not_, BadBool(), match="from __bool__")


def test_hash():
    assert c.hash(1) == 1
    assert c.hash(12345) == hash(12345)
    assert c.hash("abc") == hash("abc")
    assert c.hash((1, "a")) == hash((1, "a"))
    assert c.hash(1.5) == hash(1.5)
    o = object()
    assert c.hash(o) == hash(o)
    assert c.hash(-1) == -2
    assert c.hash(HashMinusOne()) == -2
    raises_exact(TypeError, c.hash, [], match="unhashable type: 'list'")
    raises_exact(TypeError, c.hash, {}, match="unhashable type: 'dict'")
    raises_exact(TypeError, c.hash, Cmp(1), match="unhashable type: 'Cmp'")


def test_length_size():
    assert c.length([1, 2, 3]) == 3
    assert c.size("abcd") == 4
    assert c.length({}) == 0
    assert c.size(LenZero()) == 0
    assert c.length(range(10)) == 10
    raises_exact(TypeError, c.length, 1, match="object of type 'int' has no len()")
    raises_exact(TypeError, c.size, None, match="object of type 'NoneType' has no len()")


# ---- items ---------------------------------------------------------------


def test_getitem_setitem_delitem():
    l = [1, 2, 3]
    assert c.getitem(l, 0) == 1
    assert c.getitem(l, -1) == 3
    assert c.getitem(l, slice(1, None)) == [2, 3]
    c.setitem(l, 0, "a")
    assert l == ["a", 2, 3]
    c.delitem(l, 1)
    assert l == ["a", 3]
    d = {}
    c.setitem(d, "k", "v")
    assert d == {"k": "v"}
    assert c.getitem(d, "k") == "v"
    c.delitem(d, "k")
    assert d == {}

    class G:
        def __getitem__(self, k):
            return ("got", k)

    assert c.getitem(G(), (1, 2)) == ("got", (1, 2))


def test_item_errors():
    e = raises_exact(KeyError, c.getitem, {}, "k")
    assert e.args == ("k",)
    raises_exact(KeyError, c.delitem, {}, "k")
    raises_exact(IndexError, c.getitem, [], 0, match="list index out of range")
    raises_exact(TypeError, c.getitem, 1, 0, match="'int' object is not subscriptable")
    raises_exact(TypeError, c.setitem, (), 0, 1, match="'tuple' object does not support item assignment")
    raises_exact(TypeError, c.delitem, (), 0, match="'tuple' object doesn't support item deletion")
    raises_exact(TypeError, c.setitem, {}, [], 1, match="unhashable type: 'list'")


# ---- isinstance / issubclass / type --------------------------------------


def test_isinstance():
    assert c.isinstance(1, int) == 1
    assert c.isinstance(True, int) == 1
    assert c.isinstance(1, str) == 0
    assert c.isinstance(1, (str, int)) == 1
    assert c.isinstance(1, (str, (bytes, int))) == 1
    assert c.isinstance(1, ()) == 0
    assert c.isinstance("magic", Magic) == 1
    assert c.isinstance("other", Magic) == 0
    assert c.isinstance(Plain(), object) == 1
    raises_exact(TypeError, c.isinstance, 1, 1, match="isinstance() arg 2 must be a type, a tuple of types, or a union")


def test_issubclass():
    assert c.issubclass(bool, int) == 1
    assert c.issubclass(int, bool) == 0
    assert c.issubclass(KeyError, (ValueError, LookupError)) == 1
    assert c.issubclass(int, Magic) == 1
    assert c.issubclass(str, Magic) == 0
    raises_exact(TypeError, c.issubclass, 1, int, match="issubclass() arg 1 must be a class")
    raises_exact(TypeError, c.issubclass, int, 1, match="issubclass() arg 2 must be a class, a tuple of classes, or a union")


def test_type():
    assert c.type(1) is int
    assert c.type("s") is str
    assert c.type(Plain()) is Plain
    assert c.type(int) is type
    assert c.type(Magic) is Meta
    assert c.type(None) is type(None)
    for v in (1, "s", 1.5, [], {}, (), None, Plain(), Plain, True, b"", 2 ** 100):
        assert c.py_type(v) is type(v), v
        assert c.py_type_agrees(v) == (True, True), v


# ---- singletons ----------------------------------------------------------


def test_singletons():
    n, t, f, ni, el = c.singletons()
    assert n is None
    assert t is True
    assert f is False
    assert ni is NotImplemented
    assert el is Ellipsis
    assert c.return_none() is None
    assert c.return_not_implemented() is NotImplemented


def test_singletons_into_c():
    assert c.which_singleton(None) == 0
    assert c.which_singleton(True) == 1
    assert c.which_singleton(False) == 2
    assert c.which_singleton(NotImplemented) == 3
    assert c.which_singleton(...) == 4
    assert c.which_singleton(0) == -1
    assert c.which_singleton(1) == -1
    assert c.which_singleton([].append(1)) == 0
    assert c.which_singleton(1 < 2) == 1
    assert c.is_checks(None) == (True, False, False)
    assert c.is_checks(True) == (False, True, False)
    assert c.is_checks(False) == (False, False, True)
    assert c.is_checks(0) == (False, False, False)


if __name__ == "__main__":
    harness.run(globals())
