"""Check for capi_types: static extension types readied with PyType_Ready --
the Base -> Mid -> Leaf tp_base chain, tp_new/tp_init/tp_alloc/tp_dealloc/
tp_free, var-sized objects, every method flavour, every member type code,
getsets, tp_doc signatures, flags, instance dicts and weakrefs, and
subclassing the C types from Python."""

import gc
import struct
import sys
import warnings
import weakref

import harness
from harness import raises_exact

import capi_types as c

LONG_BITS = struct.calcsize("l") * 8
ULONG_MAX = 2 ** (struct.calcsize("L") * 8) - 1


def deallocs(name):
    # non-cyclic objects die at once; collect anyway so counts are settled
    gc.collect()
    return c.dealloc_count(name)


def flags(t):
    return c.type_flags(t)


class Marker:
    """Weakref-able object used to see when a C type drops its reference."""


class Mixin:
    def hello(self):
        return "hello from " + type(self).__name__

    def norm2(self):
        return "mixin"


class PDict(c.Point):
    pass


class PSlots(c.Point):
    __slots__ = ("a", "b")


class PInit(c.Point):
    def __init__(self, r):
        super().__init__(r, -r)
        self.r = r


class PScaled(c.Point):
    def norm2(self):
        return super().norm2() * 10


class PMixed(Mixin, c.Point):
    pass


class MidSub(c.Mid):
    pass


class BSub(c.Base):
    pass


# ---- PyType_Ready ---------------------------------------------------------


def test_ready_sets_tp_base():
    assert c.Point.__name__ == "Point"
    assert c.Point.__qualname__ == "Point"
    assert c.Point.__module__ == "capi_types"
    assert repr(c.Point) == "<class 'capi_types.Point'>"
    assert type(c.Point) is type
    assert c.Leaf.__module__ == "capi_types"
    assert c.Point.__base__ is object
    assert c.Point.__bases__ == (object,)
    assert c.base_ptr(c.Point) is object
    assert c.base_ptr(c.Open) is object
    assert c.Mid.__base__ is c.Base
    assert c.Leaf.__bases__ == (c.Mid,)
    assert c.base_ptr(c.Leaf) is c.Mid
    assert c.base_ptr(c.Mid) is c.Base
    assert c.base_ptr(c.Base) is object


def test_ready_readies_bases_once():
    # only PyType_Ready(&LeafType) had run when READY was sampled on Mid/Base
    assert c.READY_VIA_LEAF == (True, True)
    mro = c.Leaf.__mro__
    assert c.ready_again(c.Leaf) == 0
    assert c.ready_again(c.Point) == 0
    assert c.Leaf.__mro__ == mro


def test_ready_late_type():
    before = c.dealloc_count("Late")
    ready_before, base_null_before, rc, ready_after, base_is_object, Late = c.ready_late()
    assert ready_before is False
    assert base_null_before is True
    assert rc == 0
    assert ready_after is True
    assert base_is_object is True
    assert Late.__name__ == "Late" and Late.__module__ == "capi_types"
    assert Late.__base__ is object
    x = Late()
    assert type(x) is Late
    del x
    assert deallocs("Late") == before + 1
    assert c.ready_late()[0] is True


# ---- the Base -> Mid -> Leaf chain -------------------------------------------


def test_chain_mro():
    assert c.Base.__mro__ == (c.Base, object)
    assert c.Mid.__mro__ == (c.Mid, c.Base, object)
    assert c.Leaf.__mro__ == (c.Leaf, c.Mid, c.Base, object)


def test_chain_isinstance_issubclass():
    leaf = c.Leaf()
    for t in (c.Leaf, c.Mid, c.Base, object):
        assert isinstance(leaf, t)
        assert issubclass(c.Leaf, t)
    assert not isinstance(c.Base(), c.Mid)
    assert not issubclass(c.Base, c.Leaf)
    assert not issubclass(c.Point, c.Base)


def test_chain_c_subtype_checks():
    assert c.is_subtype(c.Leaf, c.Base) is True
    assert c.is_subtype(c.Leaf, c.Leaf) is True
    assert c.is_subtype(c.Leaf, object) is True
    assert c.is_subtype(c.Base, c.Leaf) is False
    assert c.is_subtype(c.Point, c.Base) is False
    assert c.is_subtype(MidSub, c.Base) is True
    assert c.type_check(c.Leaf(), c.Mid) is True
    assert c.type_check(c.Mid(), c.Leaf) is False
    assert c.type_check(MidSub(), c.Mid) is True
    assert c.is_base_instance(c.Leaf()) is True
    assert c.is_base_instance(MidSub()) is True
    assert c.is_base_instance(c.Point()) is False
    assert c.is_base_instance(5) is False


def test_chain_inherited_methods_and_members():
    leaf = c.Leaf(1, 2)
    leaf.c = 3
    assert (leaf.a, leaf.b, leaf.c) == (1, 2, 3)
    assert leaf.base_value() == 1
    assert leaf.mid_value() == 2
    assert leaf.leaf_sum() == 6
    assert leaf.who() == "Mid"
    assert c.Base.who(leaf) == "Base"
    assert c.Base(4).who() == "Base"
    raises_exact(AttributeError, getattr, c.Mid(), "leaf_sum")


def test_chain_descriptors_live_on_defining_type():
    assert "who" in c.Mid.__dict__
    assert "who" not in c.Leaf.__dict__
    assert c.Leaf.who is c.Mid.__dict__["who"]
    assert c.Leaf.who.__qualname__ == "Mid.who"
    assert c.Leaf.base_value.__qualname__ == "Base.base_value"
    assert c.Leaf.a.__objclass__ is c.Base
    assert c.Leaf.c.__objclass__ is c.Leaf


def test_chain_tp_new_and_tp_init_inheritance():
    # tp_new inherited (the base is not object): no __new__ of their own
    assert "__new__" in c.Base.__dict__
    assert "__new__" not in c.Mid.__dict__
    assert "__new__" not in c.Leaf.__dict__
    assert "__init__" in c.Base.__dict__
    assert "__init__" in c.Mid.__dict__
    assert "__init__" not in c.Leaf.__dict__
    assert c.slot_name(c.Mid, "tp_new") == "PyType_GenericNew"
    assert c.slot_name(c.Leaf, "tp_new") == "PyType_GenericNew"
    assert c.slot_name(c.Leaf, "tp_init") == "mid_init"
    assert c.slot_name(c.Leaf, "tp_dealloc") == "base_dealloc"
    assert c.slot_name(c.Leaf, "tp_repr") == "base_repr"
    assert c.slot_name(c.Leaf, "tp_richcompare") == "base_richcompare"


def test_chain_init_chains_and_errors_propagate():
    leaf = c.Leaf(b=5)
    assert (leaf.a, leaf.b, leaf.c) == (0, 5, 0)
    before = deallocs("Leaf")
    # the ValueError comes from Base's tp_init, reached through Mid's
    raises_exact(ValueError, c.Leaf, -1, match="a must be >= 0")
    assert deallocs("Leaf") == before + 1
    raises_exact(TypeError, c.Leaf, 1, 2, 3, match="Mid() takes at most 2 arguments (3 given)")
    raises_exact(TypeError, c.Base, b=1, match="'b' is an invalid keyword argument for Base()")


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Point'); CPython uses tp_name ('capi_types.Point'), RustPython formats them from the heap type's name")
def test_chain_inherited_repr_and_richcompare():
    assert repr(c.Base()) == "<capi_types.Base a=0>"
    assert repr(c.Leaf(5)) == "<capi_types.Leaf a=5>"
    # a heap type's tp_name is its bare name
    assert repr(BSub(3)) == "<BSub a=3>"
    assert c.Leaf(1) == c.Base(1)
    assert c.Mid(1, 9) == c.Leaf(1, 0)
    assert c.Base(1) != c.Base(2)
    assert not (c.Base(1) == 1)
    assert c.Base(1) != 1
    raises_exact(
        TypeError,
        lambda: c.Base(1) < c.Base(2),
        match="'<' not supported between instances of 'capi_types.Base' and 'capi_types.Base'",
    )


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Point'); CPython uses tp_name ('capi_types.Point'), RustPython formats them from the heap type's name")
def test_chain_richcompare_without_hash_is_unhashable():
    assert c.Base.__dict__["__hash__"] is None
    raises_exact(TypeError, hash, c.Base(), match="unhashable type: 'capi_types.Base'")
    raises_exact(TypeError, hash, c.Leaf(), match="unhashable type: 'capi_types.Leaf'")
    p = c.Point()
    assert hash(p) == hash(p)


def test_chain_dealloc_counts_per_type():
    names = ("Base", "Mid", "Leaf")
    before = {k: deallocs(k) for k in names}
    objs = [c.Base(), c.Mid(), c.Mid(), c.Leaf(), c.Leaf(), c.Leaf()]
    assert {k: deallocs(k) for k in names} == before
    del objs
    assert {k: deallocs(k) - before[k] for k in names} == {"Base": 1, "Mid": 2, "Leaf": 3}


# ---- tp_new / tp_init / tp_alloc / tp_dealloc / tp_free ----------------------


def test_generic_new_zeroes_and_skips_init():
    b = c.Base.__new__(c.Base)
    assert type(b) is c.Base and b.a == 0
    leaf = c.Base.__new__(c.Leaf)
    assert type(leaf) is c.Leaf
    assert (leaf.a, leaf.b, leaf.c) == (0, 0, 0)
    g = c.generic_alloc(c.Leaf)
    assert type(g) is c.Leaf
    assert (g.a, g.b, g.c) == (0, 0, 0)


def test_own_tp_new_runs():
    assert c.slot_name(c.Point, "tp_new") == "point_new"
    assert c.slot_name(c.Point, "tp_alloc") == "PyType_GenericAlloc"
    p = c.Point.__new__(c.Point)
    assert p.tag == "fresh"
    assert (p.x, p.y) == (0.0, 0.0)
    assert c.Point(1, 2).tag == "fresh"
    # PyType_GenericAlloc alone: zero-filled, the tag is NULL
    g = c.generic_alloc(c.Point)
    assert g.tag is None
    assert c.point_fields(g) == (0.0, 0.0, ...)


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Point'); CPython uses tp_name ('capi_types.Point'), RustPython formats them from the heap type's name")
def test_tp_new_subtype_checks():
    raises_exact(
        TypeError,
        c.Point.__new__,
        c.Base,
        match="capi_types.Point.__new__(capi_types.Base): capi_types.Base is not a subtype of capi_types.Point",
    )
    raises_exact(TypeError, c.Base.__new__, c.Point, match="capi_types.Point is not a subtype of capi_types.Base")
    raises_exact(
        TypeError,
        object.__new__,
        c.Point,
        match="object.__new__(capi_types.Point) is not safe, use capi_types.Point.__new__()",
    )


def test_tp_init_args_and_kwargs():
    def xy(p):
        return (p.x, p.y)

    assert xy(c.Point()) == (0.0, 0.0)
    assert xy(c.Point(1)) == (1.0, 0.0)
    assert xy(c.Point(1, 2)) == (1.0, 2.0)
    assert xy(c.Point(y=3)) == (0.0, 3.0)
    assert xy(c.Point(1, y=2)) == (1.0, 2.0)
    assert xy(c.Point(y=2, x=1)) == (1.0, 2.0)
    assert type(c.Point(1).x) is float
    raises_exact(TypeError, c.Point, 1, 2, 3, match="Point() takes at most 2 arguments (3 given)")
    raises_exact(TypeError, c.Point, z=1, match="'z' is an invalid keyword argument for Point()")
    raises_exact(TypeError, c.Point, "a", match="must be real number, not str")
    raises_exact(TypeError, c.Point, 1, x=2, match="argument for Point() given by name ('x') and position (1)")


def test_tp_init_error_propagates_and_frees_object():
    before = deallocs("Point")
    raises_exact(ValueError, c.Point, float("inf"), 0, match="coordinates must be finite")
    raises_exact(ValueError, c.Point, 0, y=float("nan"), match="coordinates must be finite")
    assert deallocs("Point") == before + 2


def test_tp_init_called_again():
    p = c.Point(1, 2)
    p.__init__(5)
    assert (p.x, p.y) == (5.0, 0.0)
    raises_exact(ValueError, p.__init__, float("nan"))
    assert (p.x, p.y) == (5.0, 0.0)
    c.Point.__init__(p, 7, 8)
    assert (p.x, p.y) == (7.0, 8.0)


def test_tp_dealloc_once_after_del_and_releases_fields():
    before = deallocs("Point")
    p = c.Point()
    m = Marker()
    r = weakref.ref(m)
    p.tag = m
    del m
    assert r() is not None
    assert c.dealloc_count("Point") == before
    del p
    assert c.dealloc_count("Point") == before + 1
    assert r() is None
    assert deallocs("Point") == before + 1


def test_tp_free_and_tp_alloc_slots():
    for t in (c.Base, c.Mid, c.Leaf, c.Point, c.Vec, c.NoNew):
        assert c.slot_name(t, "tp_alloc") == "PyType_GenericAlloc", t
        assert c.slot_name(t, "tp_free") == "PyObject_Free", t
    assert c.slot_name(c.Open, "tp_free") == "PyObject_GC_Del"
    assert c.slot_name(c.Point, "tp_dealloc") == "point_dealloc"
    assert c.slot_name(c.Point, "tp_init") == "point_init"


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Point'); CPython uses tp_name ('capi_types.Point'), RustPython formats them from the heap type's name")
def test_nonew_cannot_be_instantiated():
    raises_exact(TypeError, c.NoNew, match="cannot create 'capi_types.NoNew' instances")
    assert "__new__" not in c.NoNew.__dict__
    assert c.slot_name(c.NoNew, "tp_new") is None
    assert flags(c.NoNew) & c.Py_TPFLAGS_DISALLOW_INSTANTIATION
    raises_exact(TypeError, object.__new__, c.NoNew, match="object.__new__(capi_types.NoNew) is not safe")


def test_nonew_made_from_c():
    before = deallocs("NoNew")
    x = c.make_nonew(7)
    assert type(x) is c.NoNew
    assert x.token == 7
    raises_exact(AttributeError, setattr, x, "token", 8, match="readonly attribute")
    del x
    assert deallocs("NoNew") == before + 1


# ---- var-sized objects -------------------------------------------------------


def test_var_layout():
    basicsize, itemsize = c.vec_layout()
    assert c.Vec.__basicsize__ == basicsize
    assert c.Vec.__itemsize__ == itemsize
    assert itemsize == struct.calcsize("l")
    # PyObject_VAR_HEAD: refcount, type, ob_size
    assert basicsize == 3 * struct.calcsize("P")


def test_var_new_via_tp_alloc():
    v = c.Vec(5)
    assert len(v) == 5
    assert c.vec_size(v) == 5
    assert c.vec_items(v) == [0, 1, 4, 9, 16]
    assert v.tolist() == [0, 1, 4, 9, 16]
    assert v[3] == 9
    assert v[-1] == 16
    assert list(v) == [0, 1, 4, 9, 16]
    raises_exact(IndexError, lambda: v[5], match="Vec index out of range")
    v = c.Vec(0)
    assert len(v) == 0 and c.vec_size(v) == 0
    assert v.tolist() == []
    assert not v
    raises_exact(ValueError, c.Vec, -1, match="Vec size must be >= 0")
    raises_exact(TypeError, c.Vec, "a", match="'str' object cannot be interpreted as an integer")


def test_var_newvar_and_generic_alloc_from_c():
    v = c.vec_from_list([5, -6, 7, 2**31])
    assert type(v) is c.Vec
    assert c.vec_size(v) == 4
    assert len(v) == 4
    assert c.vec_items(v) == [5, -6, 7, 2**31]
    assert v[1] == -6
    before = deallocs("Vec")
    raises_exact(TypeError, c.vec_from_list, [1, "x"])
    assert deallocs("Vec") == before + 1
    v = c.vec_alloc(4)
    assert type(v) is c.Vec
    assert c.vec_size(v) == 4
    assert v.tolist() == [0, 0, 0, 0]


def test_var_dealloc_counts():
    before = deallocs("Vec")
    vs = [c.Vec(n) for n in range(50)] + [c.vec_from_list([1] * n) for n in range(50)]
    assert [len(v) for v in vs] == list(range(50)) * 2
    del vs
    assert deallocs("Vec") == before + 100


# ---- tp_methods --------------------------------------------------------------


def test_meth_noargs_o_varargs():
    p = c.Point(3, 4)
    assert p.norm2() == 25.0
    q = p.scaled(2)
    assert type(q) is c.Point
    assert (q.x, q.y) == (6.0, 8.0)
    assert p.move(1, -1) is None
    assert (p.x, p.y) == (4.0, 3.0)
    p = c.Point()
    raises_exact(TypeError, p.norm2, 1, match="Point.norm2() takes no arguments (1 given)")
    raises_exact(TypeError, p.scaled, match="Point.scaled() takes exactly one argument (0 given)")
    raises_exact(TypeError, p.scaled, "x", match="must be real number, not str")
    raises_exact(TypeError, p.move, 1, match="move() takes exactly 2 arguments (1 given)")


def test_meth_fastcall_keywords():
    p = c.Point()
    assert p.describe() == ((), {})
    assert p.describe(1, "a") == ((1, "a"), {})
    assert p.describe(1, "a", k=3, j=None) == ((1, "a"), {"k": 3, "j": None})
    assert p.describe(k=[]) == ((), {"k": []})
    assert p.describe(*range(10)) == (tuple(range(10)), {})
    assert c.Point.describe(p, 1, z=2) == ((1,), {"z": 2})


@harness.differs_on_rustpy("tp_members become getset descriptors (RustPython's member_descriptor reads VM object memory, not C memory)")
def test_meth_descriptor_kinds():
    d = c.Point.__dict__
    assert type(d["norm2"]).__name__ == "method_descriptor"
    assert type(d["describe"]).__name__ == "method_descriptor"
    assert type(d["defining"]).__name__ == "method_descriptor"
    assert type(d["kind"]).__name__ == "classmethod_descriptor"
    assert type(d["static_probe"]) is staticmethod
    assert type(d["x"]).__name__ == "member_descriptor"
    assert type(d["__init__"]).__name__ == "wrapper_descriptor"


def test_meth_class_receives_type():
    assert c.Point.kind() is c.Point
    assert c.Point(1, 2).kind() is c.Point
    assert c.Point.kind.__self__ is c.Point
    q = c.Point.from_tuple((1, 2))
    assert type(q) is c.Point and (q.x, q.y) == (1.0, 2.0)
    r = c.Point(0, 0).from_tuple((5,))
    assert type(r) is c.Point and r.x == 5.0
    raises_exact(TypeError, c.Point.from_tuple, [1], match="from_tuple expects a tuple")
    raises_exact(TypeError, c.Point.kind, 1, match="Point.kind() takes no arguments (1 given)")


def test_meth_class_via_python_subclass():
    assert PDict.kind() is PDict
    assert PDict(1).kind() is PDict
    assert PInit.kind() is PInit
    q = PInit.from_tuple((3,))
    assert type(q) is PInit
    assert (q.x, q.y, q.r) == (3.0, -3.0, 3)


def test_meth_static_self_is_null():
    assert c.Point.static_probe(1, 2) == (True, (1, 2))
    assert c.Point().static_probe() == (True, ())
    assert PDict.static_probe("x") == (True, ("x",))
    assert c.Point.static_probe.__self__ is None


def test_meth_method_receives_defining_class():
    p = c.Point()
    assert p.defining() == (c.Point, 0, None)
    assert p.defining(1, k=2) == (c.Point, 1, ("k",))
    assert PDict().defining() == (c.Point, 0, None)
    assert PMixed().defining(1, 2) == (c.Point, 2, None)
    # the same C function, listed in Base's table
    assert c.Leaf().defining() == (c.Base, 0, None)
    assert MidSub().defining(x=1) == (c.Base, 0, ("x",))


def test_meth_coexist_next_to_sq_length():
    d = c.Vec.__dict__["__len__"]
    assert type(d).__name__ == "method_descriptor"
    assert d.__doc__ == "__len__ as a method (METH_COEXIST)"
    v = c.Vec(3)
    before = c.coexist_calls()
    assert len(v) == 3
    assert c.coexist_calls() == before  # len() went to sq_length
    assert v.__len__() == 3
    assert c.Vec.__len__(v) == 3
    assert c.coexist_calls() == before + 2


def test_meth_names_qualnames_docs():
    m = c.Point.norm2
    assert m.__name__ == "norm2"
    assert m.__qualname__ == "Point.norm2"
    assert m.__doc__ == "Squared distance from the origin."
    assert m.__text_signature__ == "($self, /)"
    assert c.Point.scaled.__doc__ == "A scaled copy."
    assert c.Point.scaled.__text_signature__ is None
    assert c.Point.move.__doc__ is None
    assert c.Point.kind.__qualname__ == "Point.kind"
    p = c.Point()
    bound = p.norm2
    assert bound.__self__ is p
    assert bound.__name__ == "norm2"
    assert bound.__qualname__ == "Point.norm2"


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Point'); CPython uses tp_name ('capi_types.Point'), RustPython formats them from the heap type's name")
def test_meth_descriptor_rejects_wrong_self():
    raises_exact(
        TypeError,
        c.Point.norm2,
        c.Base(),
        match="descriptor 'norm2' for 'capi_types.Point' objects doesn't apply to a 'capi_types.Base' object",
    )
    raises_exact(TypeError, c.Point.x.__get__, c.Base(), match="doesn't apply to a 'capi_types.Base' object")


# ---- tp_members ----------------------------------------------------------------


def test_members_values_set_from_c_in_tp_new():
    m = c.Members()
    assert m.s == -300
    assert m.i == -70000
    assert m.l == -2000000000
    assert m.f == 1.5
    assert m.d == 2.25
    assert m.str == "hello"
    assert m.obj is None
    assert m.ch == "c"
    assert m.byte == -5
    assert m.ubyte == 250
    assert m.uint == 4000000000
    assert m.ushort == 65000
    assert m.ulong == 4000000001
    assert m.boolean is True
    assert m.ll == -(2**40)
    assert m.ull == 2**63 + 5
    assert m.ssz == -12345
    assert m.inplace == "inplace"
    assert m.ro_int == 42
    assert m.ro_obj == "frozen"
    raises_exact(AttributeError, getattr, m, "obj_ex", match="'capi_types.Members' object has no attribute 'obj_ex'")


def test_members_set_from_python_seen_by_c():
    m = c.Members()
    obj = [1]
    m.s = -32768
    m.i = 123
    m.l = -(2**31)
    m.f = 0.5
    m.d = -1.25
    m.obj = obj
    m.obj_ex = "ex"
    m.ch = "Q"
    m.byte = -128
    m.ubyte = 255
    m.uint = 2**32 - 1
    m.ushort = 0
    m.ulong = 2**32
    m.boolean = False
    m.ll = -(2**63)
    m.ull = 2**64 - 1
    m.ssz = 2**40
    raw = c.members_raw(m)
    assert raw["s"] == -32768
    assert raw["i"] == 123
    assert raw["l"] == -(2**31)
    assert raw["f"] == 0.5
    assert raw["d"] == -1.25
    assert raw["obj"] is obj
    assert raw["obj_ex"] == "ex"
    assert raw["ch"] == ord("Q")
    assert raw["byte"] == -128
    assert raw["ubyte"] == 255
    assert raw["uint"] == 2**32 - 1
    assert raw["ushort"] == 0
    assert raw["ulong"] == 2**32
    assert raw["boolean"] == 0
    assert raw["ll"] == -(2**63)
    assert raw["ull"] == 2**64 - 1
    assert raw["ssz"] == 2**40
    # and Python reads back what it wrote
    assert (m.s, m.i, m.ch, m.boolean, m.ull) == (-32768, 123, "Q", False, 2**64 - 1)


def test_members_set_from_c_seen_by_python():
    m = c.Members()
    value = ("v",)
    c.members_set_from_c(m, value)
    assert m.s == 12345
    assert m.i == 2**31 - 1
    assert m.l == 1234567890
    assert m.f == -0.25
    assert m.d == 1e300
    assert m.str is None  # a NULL char* reads as None
    assert m.obj is value
    assert m.obj_ex is value
    assert m.ch == "Z"
    assert m.byte == 127
    assert m.ubyte == 0
    assert m.uint == 0
    assert m.ushort == 1
    assert m.ulong == 0
    assert m.boolean is False
    assert m.ll == 2**63 - 1
    assert m.ull == 2**64 - 1
    assert m.ssz == 0
    assert m.inplace == "changed"
    assert m.ro_int == -1


def test_members_float_is_single_precision():
    m = c.Members()
    m.f = 0.1
    single = struct.unpack("f", struct.pack("f", 0.1))[0]
    assert single != 0.1
    assert m.f == single
    assert c.members_raw(m)["f"] == single
    m.d = 0.1
    assert m.d == 0.1
    m.f = 3
    assert m.f == 3.0 and type(m.f) is float


def set_warns(obj, name, value):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        setattr(obj, name, value)
    return [(x.category, str(x.message)) for x in w]


def test_members_out_of_range_warns_and_wraps():
    m = c.Members()
    assert set_warns(m, "s", 32767) == []
    assert (RuntimeWarning, "Truncation of value to short") in set_warns(m, "s", 40000)
    assert m.s == 40000 - 2**16
    assert (RuntimeWarning, "Truncation of value to unsigned short") in set_warns(m, "ushort", 70000)
    assert m.ushort == 70000 - 2**16
    assert (RuntimeWarning, "Truncation of value to char") in set_warns(m, "byte", 200)
    assert m.byte == 200 - 256
    assert (RuntimeWarning, "Truncation of value to unsigned char") in set_warns(m, "ubyte", -1)
    assert m.ubyte == 255
    assert (RuntimeWarning, "Truncation of value to int") in set_warns(m, "i", 2**31)
    assert m.i == -(2**31)
    m = c.Members()
    assert (RuntimeWarning, "Writing negative value into unsigned field") in set_warns(m, "uint", -1)
    assert m.uint == 2**32 - 1
    assert (RuntimeWarning, "Writing negative value into unsigned field") in set_warns(m, "ulong", -1)
    assert m.ulong == ULONG_MAX


def test_members_overflow_errors():
    m = c.Members()
    raises_exact(OverflowError, setattr, m, "l", 2 ** (LONG_BITS - 1), match="Python int too large to convert to C long")
    raises_exact(OverflowError, setattr, m, "ssz", 2**63, match="Python int too large to convert to C ssize_t")
    raises_exact(OverflowError, setattr, m, "ll", 2**63)
    raises_exact(OverflowError, setattr, m, "ull", 2**64)
    raises_exact(OverflowError, setattr, m, "ull", -1, match="can't convert negative int to unsigned")
    raises_exact(OverflowError, setattr, m, "ulong", ULONG_MAX + 1)


def test_members_wrong_type_errors():
    m = c.Members()
    raises_exact(TypeError, setattr, m, "i", "x", match="'str' object cannot be interpreted as an integer")
    raises_exact(TypeError, setattr, m, "i", 1.5, match="'float' object cannot be interpreted as an integer")
    raises_exact(TypeError, setattr, m, "ll", "x", match="'str' object cannot be interpreted as an integer")
    raises_exact(TypeError, setattr, m, "ssz", 1.5, match="an integer is required")
    raises_exact(TypeError, setattr, m, "d", "x", match="must be real number, not str")
    raises_exact(TypeError, setattr, m, "f", "x", match="must be real number, not str")
    raises_exact(TypeError, setattr, m, "boolean", 1, match="attribute value type must be bool")
    raises_exact(TypeError, setattr, m, "ch", "ab", match="bad argument type for built-in operation")
    raises_exact(TypeError, setattr, m, "ch", 5, match="bad argument type for built-in operation")
    raises_exact(TypeError, setattr, m, "ch", "\u00e9")  # two bytes in UTF-8
    # the failed sets left these alone
    assert m.i == -70000
    assert m.boolean is True
    assert m.ch == "c"
    m = c.Members()
    m.boolean = False
    assert m.boolean is False
    m.boolean = True
    assert m.boolean is True and c.members_raw(m)["boolean"] == 1
    m.ch = "x"
    assert m.ch == "x" and c.members_raw(m)["ch"] == ord("x")


def test_members_readonly():
    m = c.Members()
    raises_exact(AttributeError, setattr, m, "ro_int", 1, match="readonly attribute")
    raises_exact(AttributeError, delattr, m, "ro_int", match="readonly attribute")
    raises_exact(AttributeError, setattr, m, "ro_obj", 1, match="readonly attribute")
    raises_exact(AttributeError, delattr, m, "ro_obj", match="readonly attribute")
    assert (m.ro_int, m.ro_obj) == (42, "frozen")
    m = c.Members()
    raises_exact(TypeError, setattr, m, "str", "x", match="readonly attribute")
    raises_exact(TypeError, setattr, m, "inplace", "x", match="readonly attribute")
    assert (m.str, m.inplace) == ("hello", "inplace")


def test_members_object_set_delete():
    m = c.Members()
    assert m.obj is None and c.members_raw(m)["obj"] is ...
    mark = Marker()
    r = weakref.ref(mark)
    m.obj = mark
    del mark
    assert m.obj is r()
    assert c.members_raw(m)["obj"] is r()
    del m.obj  # T_OBJECT: back to NULL, reads None
    assert r() is None
    assert m.obj is None and c.members_raw(m)["obj"] is ...
    del m.obj  # deleting a NULL T_OBJECT is fine
    m.obj = None
    assert m.obj is None and c.members_raw(m)["obj"] is None


def test_members_object_ex():
    m = c.Members()
    assert not hasattr(m, "obj_ex")
    m.obj_ex = None
    assert m.obj_ex is None
    m.obj_ex = 5
    assert m.obj_ex == 5
    del m.obj_ex
    assert c.members_raw(m)["obj_ex"] is ...
    raises_exact(AttributeError, getattr, m, "obj_ex", match="'capi_types.Members' object has no attribute 'obj_ex'")
    raises_exact(AttributeError, delattr, m, "obj_ex", match="obj_ex")


def test_members_delete_numeric_refused():
    m = c.Members()
    for name in ("s", "i", "l", "f", "d", "ch", "byte", "ubyte", "uint", "ushort", "ulong",
                 "boolean", "ll", "ull", "ssz", "str", "inplace"):
        raises_exact(TypeError, delattr, m, name, match="can't delete numeric/char attribute")
    assert m.i == -70000


def test_members_dealloc_releases_objects():
    before = deallocs("Members")
    m = c.Members()
    a, b = Marker(), Marker()
    ra, rb = weakref.ref(a), weakref.ref(b)
    m.obj = a
    m.obj_ex = b
    del a, b
    assert ra() is not None and rb() is not None
    del m
    assert ra() is None and rb() is None
    assert deallocs("Members") == before + 1


def test_members_t_none_and_py_t_names():
    m = c.Members()
    if c.HAS_T_NONE:
        assert m.nothing is None
        m.obj = 5  # the offset it names is never read
        assert m.nothing is None
        raises_exact(AttributeError, setattr, m, "nothing", 1, match="readonly attribute")
    else:
        assert not hasattr(m, "nothing")
    m = c.Members()
    if c.HAS_PY_T_NAMES:
        assert m.new_int == 7
        m.new_int = 9
        assert c.members_raw(m)["new_int"] == 9
    else:
        assert not hasattr(m, "new_int")
        assert c.members_raw(m)["new_int"] == 7


@harness.differs_on_rustpy("tp_members become getset descriptors (RustPython's member_descriptor reads VM object memory, not C memory)")
def test_members_descriptors():
    d = c.Members.__dict__["s"]
    assert type(d).__name__ == "member_descriptor"
    assert c.Members.s is d
    assert d.__name__ == "s"
    assert d.__objclass__ is c.Members
    assert d.__doc__ == "a C short"
    assert c.Members.i.__doc__ is None
    assert c.Point.x.__doc__ == "x coordinate"


# ---- tp_getset -----------------------------------------------------------------


def test_getset_closure_selects_field():
    g = c.GetSet()
    assert (g.first, g.second, g.total) == (0, 0, 0)
    g.first = 5
    g.second = 7
    assert (g.first, g.second, g.total) == (5, 7, 12)
    assert c.getset_raw(g) == (5, 7, 0)
    raises_exact(TypeError, setattr, g, "first", "x", match="'str' object cannot be interpreted as an integer")
    assert c.getset_raw(g) == (5, 7, 0)


def test_getset_setter_gets_null_on_delete_and_errors_propagate():
    g = c.GetSet()
    g.first, g.second = 1, 2
    del g.first
    assert c.getset_raw(g) == (0, 2, 1)
    del g.second
    assert c.getset_raw(g) == (0, 0, 2)
    del g.second
    assert c.getset_raw(g) == (0, 0, 3)
    g = c.GetSet()
    g.strict = 4
    assert g.first == 4
    raises_exact(TypeError, delattr, g, "strict", match="cannot delete strict")
    raises_exact(ValueError, setattr, g, "strict", -1, match="strict must be >= 0")
    assert c.getset_raw(g) == (4, 0, 0)


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Point'); CPython uses tp_name ('capi_types.Point'), RustPython formats them from the heap type's name")
def test_getset_readonly():
    g = c.GetSet()
    raises_exact(
        AttributeError, setattr, g, "total", 1,
        match="attribute 'total' of 'capi_types.GetSet' objects is not writable",
    )
    raises_exact(
        AttributeError, delattr, g, "total",
        match="attribute 'total' of 'capi_types.GetSet' objects is not writable",
    )


def test_getset_getter_error_propagates():
    g = c.GetSet()
    raises_exact(ValueError, getattr, g, "broken", match="broken getter")
    raises_exact(ValueError, getattr, g, "broken", None)
    # hasattr swallows only AttributeError
    raises_exact(ValueError, hasattr, g, "broken")


def test_getset_descriptor_doc():
    d = c.GetSet.__dict__["first"]
    assert type(d).__name__ == "getset_descriptor"
    assert c.GetSet.first is d
    assert d.__name__ == "first"
    assert d.__objclass__ is c.GetSet
    assert d.__doc__ == "first slot"
    assert c.GetSet.second.__doc__ == "second slot"
    assert c.GetSet.total.__doc__ == "first + second (read-only)"
    assert c.GetSet.broken.__doc__ is None


# ---- tp_doc --------------------------------------------------------------------


def test_tp_doc():
    assert c.Point.__doc__ == "A point in the plane."
    assert c.Point.__text_signature__ == "(x=0.0, y=0.0)"
    assert c.Base.__doc__ == "Root of the Base -> Mid -> Leaf chain."
    assert c.Base.__text_signature__ is None
    assert c.Leaf.__doc__ == "Leaf doc"
    # tp_doc NULL: __doc__ is None, not inherited from Base
    assert c.Mid.__dict__["__doc__"] is None
    assert c.Mid.__doc__ is None


# ---- tp_flags ------------------------------------------------------------------


@harness.differs_on_rustpy("__flags__ is the VM type's flag word, not tp_flags")
def test_flags_static_types():
    f = flags(c.Point)
    assert f == c.Point.__flags__
    assert f & c.Py_TPFLAGS_DEFAULT == c.Py_TPFLAGS_DEFAULT
    assert f & c.Py_TPFLAGS_BASETYPE
    assert f & c.Py_TPFLAGS_READY
    assert f & c.Py_TPFLAGS_IMMUTABLETYPE
    assert not f & c.Py_TPFLAGS_HEAPTYPE
    assert not f & c.Py_TPFLAGS_HAVE_GC
    assert not flags(c.Leaf) & c.Py_TPFLAGS_BASETYPE
    assert flags(c.Open) & c.Py_TPFLAGS_HAVE_GC
    assert flags(c.Mid) & c.Py_TPFLAGS_BASETYPE
    names = ("DEFAULT", "BASETYPE", "READY", "HEAPTYPE", "HAVE_GC", "IMMUTABLETYPE",
             "DISALLOW_INSTANTIATION")
    for t in (c.Point, c.Leaf, c.Open, c.NoNew, c.Vec, PDict):
        f = flags(t)
        for n in names:
            bit = getattr(c, "Py_TPFLAGS_" + n)
            if bit:
                assert c.has_feature(t, bit) == bool(f & bit), (t, n)


def test_flags_python_subclass():
    f = flags(PDict)
    assert f & c.Py_TPFLAGS_HEAPTYPE
    assert f & c.Py_TPFLAGS_BASETYPE
    assert f & c.Py_TPFLAGS_READY
    assert f & c.Py_TPFLAGS_HAVE_GC  # it added a __dict__
    assert not f & c.Py_TPFLAGS_IMMUTABLETYPE


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Point'); CPython uses tp_name ('capi_types.Point'), RustPython formats them from the heap type's name")
def test_not_acceptable_base_type():
    for t in (c.Leaf, c.Vec, c.NoNew):
        raises_exact(TypeError, type, "S", (t,), {}, match="is not an acceptable base type")
    raises_exact(TypeError, type, "S", (c.Leaf,), {}, match="type 'capi_types.Leaf' is not an acceptable base type")

    def subclass_in_class_statement():
        class S(c.Leaf):
            pass

    raises_exact(TypeError, subclass_in_class_statement, match="is not an acceptable base type")


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Point'); CPython uses tp_name ('capi_types.Point'), RustPython formats them from the heap type's name")
def test_static_type_is_immutable():
    raises_exact(
        TypeError, setattr, c.Point, "foo", 1,
        match="cannot set 'foo' attribute of immutable type 'capi_types.Point'",
    )
    raises_exact(TypeError, delattr, c.Point, "norm2", match="immutable type 'capi_types.Point'")
    assert c.Point.norm2.__name__ == "norm2"
    PDict.foo = 1  # a heap subclass is mutable
    assert PDict().foo == 1
    del PDict.foo
    assert not hasattr(PDict, "foo")


# ---- tp_dictoffset / tp_weaklistoffset -----------------------------------------


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Point'); CPython uses tp_name ('capi_types.Point'), RustPython formats them from the heap type's name")
def test_no_dict_no_weakref():
    p = c.Point()
    raises_exact(AttributeError, setattr, p, "foo", 1, match="'capi_types.Point' object has no attribute 'foo'")
    raises_exact(AttributeError, getattr, p, "__dict__")
    raises_exact(TypeError, weakref.ref, p, match="cannot create weak reference to 'capi_types.Point' object")


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Point'); CPython uses tp_name ('capi_types.Point'), RustPython formats them from the heap type's name")
def test_dictoffset_instance_dict():
    o = c.Open()
    o.x = 1
    o.y = "two"
    assert (o.x, o.y) == (1, "two")
    assert o.__dict__ == {"x": 1, "y": "two"}
    assert c.open_dict(o) is o.__dict__
    assert vars(o) is o.__dict__
    del o.x
    assert o.__dict__ == {"y": "two"}
    raises_exact(AttributeError, getattr, o, "x", match="'capi_types.Open' object has no attribute 'x'")
    assert type(c.Open.__dict__["__dict__"]).__name__ == "getset_descriptor"
    o = c.Open()
    o.y = 2
    d = {"z": 3}
    o.__dict__ = d
    assert c.open_dict(o) is d
    assert o.z == 3
    assert not hasattr(o, "y")
    raises_exact(TypeError, setattr, o, "__dict__", 5, match="__dict__ must be set to a dictionary, not a 'int'")
    raises_exact(TypeError, delattr, o, "__dict__", match="cannot delete __dict__")


@harness.differs_on_rustpy('weak references live on the VM wrapper; the C field at tp_weaklistoffset stays NULL')
def test_weaklistoffset_weakref_dies_with_object():
    o = c.Open()
    assert not c.open_has_weakrefs(o)
    called = []
    r = weakref.ref(o, called.append)
    assert r() is o
    assert c.open_has_weakrefs(o)
    assert weakref.getweakrefcount(o) == 1
    before = deallocs("Open")
    del o
    assert r() is None
    assert called == [r]
    assert deallocs("Open") == before + 1


def test_dict_cycle_collected():
    before = deallocs("Open")
    o = c.Open()
    o.me = o
    r = weakref.ref(o)
    del o
    gc.collect()
    assert r() is None
    assert deallocs("Open") == before + 1


# ---- subclassing from Python ---------------------------------------------------


def test_python_subclass_dict_and_weakref():
    p = PDict(1, 2)
    p.extra = [1]
    assert p.__dict__ == {"extra": [1]}
    assert (p.x, p.y, p.tag) == (1.0, 2.0, "fresh")
    r = weakref.ref(p)
    assert r() is p
    before = deallocs("Point")
    del p
    assert r() is None
    assert deallocs("Point") == before + 1


def test_python_subclass_inherits_c_slots():
    assert c.slot_name(PDict, "tp_new") == "point_new"
    assert c.slot_name(PDict, "tp_init") == "point_init"
    assert c.slot_name(PDict, "tp_alloc") == "PyType_GenericAlloc"
    assert c.slot_name(PDict, "tp_free") == "PyObject_GC_Del"
    assert PDict.__base__ is c.Point
    assert PDict.__mro__ == (PDict, c.Point, object)


@harness.differs_on_rustpy('__basicsize__ of a Python subclass with __slots__ does not count the slots (RustPython keeps them outside the instance)')
def test_python_subclass_slots():
    s = PSlots(1, 2)
    s.a, s.b = 10, 20
    assert (s.a, s.b) == (10, 20)
    assert not hasattr(s, "__dict__")
    raises_exact(AttributeError, setattr, s, "z", 1, match="'PSlots' object has no attribute 'z'")
    raises_exact(TypeError, weakref.ref, s, match="cannot create weak reference to 'PSlots' object")
    assert c.point_fields(s) == (1.0, 2.0, "fresh")
    assert PSlots.__basicsize__ == c.Point.__basicsize__ + 2 * struct.calcsize("P")
    del s.a
    raises_exact(AttributeError, getattr, s, "a")


def test_python_subclass_super_init_reaches_c():
    p = PInit(2)
    assert (p.x, p.y, p.r) == (2.0, -2.0, 2)
    assert c.point_fields(p) == (2.0, -2.0, "fresh")
    assert c.slot_name(PInit, "tp_init") == "other"
    raises_exact(ValueError, PInit, float("nan"), match="coordinates must be finite")
    raises_exact(TypeError, PInit, 1, 2)


def test_python_subclass_override_calls_c_via_super():
    p = PScaled(1, 2)
    assert p.norm2() == 50.0
    assert c.Point.norm2(p) == 5.0
    q = p.scaled(2)  # the C method calls type(self)
    assert type(q) is PScaled
    assert q.norm2() == 200.0


def test_python_subclass_with_mixin():
    assert PMixed.__mro__ == (PMixed, Mixin, c.Point, object)
    assert PMixed.__base__ is c.Point
    m = PMixed(3, 4)
    assert isinstance(m, c.Point) and isinstance(m, Mixin)
    assert m.hello() == "hello from PMixed"
    assert m.norm2() == "mixin"  # Mixin comes first in the MRO
    assert c.Point.norm2(m) == 25.0
    assert c.point_fields(m) == (3.0, 4.0, "fresh")
    m.extra = 1
    assert m.extra == 1
    before = deallocs("Point")
    del m
    assert deallocs("Point") == before + 1


@harness.differs_on_rustpy("RustPython 0.6 says 'instance layout conflict'; CPython 3.11 says 'lay-out'")
def test_multiple_c_bases():
    raises_exact(TypeError, type, "X", (c.Point, c.Base), {}, match="multiple bases have instance lay-out conflict")
    raises_exact(TypeError, type, "X", (c.Open, c.Point), {})
    MB = type("MB", (c.Mid, c.Base), {})
    assert MB.__mro__ == (MB, c.Mid, c.Base, object)
    x = MB(1, 2)
    assert (x.a, x.b) == (1, 2)
    assert x.who() == "Mid"


# ---- instances made from C -----------------------------------------------------


def test_instances_from_c_are_the_same_kind():
    before = deallocs("Point")
    a = c.point_via_call(3.0, 4.0)
    b = c.point_via_new(3.0, 4.0)
    d = c.Point(3.0, 4.0)
    assert type(a) is type(b) is type(d) is c.Point
    assert a.norm2() == b.norm2() == d.norm2() == 25.0
    assert a.tag == "fresh"  # the call ran tp_new
    assert b.tag is None  # PyObject_New did not
    assert c.point_fields(b) == (3.0, 4.0, ...)
    b.move(1, 1)
    assert (b.x, b.y) == (4.0, 5.0)
    del a, b, d
    assert deallocs("Point") == before + 3
    p = c.point_via_call(1)
    assert (p.x, p.y) == (1.0, 0.0)
    raises_exact(ValueError, c.point_via_call, float("inf"))
    raises_exact(TypeError, c.point_via_call, "a", match="must be real number, not str")


def test_c_struct_access_both_ways():
    p = c.Point()
    t = object()
    p.x = 1.5
    p.y = -2
    p.tag = t
    assert c.point_fields(p) == (1.5, -2.0, t)
    del p.tag
    assert c.point_fields(p) == (1.5, -2.0, ...)
    raises_exact(TypeError, c.point_fields, c.Base(), match="expected a Point")
    p = c.Point(1, 1)
    c.point_set(p, 7, 8)
    assert (p.x, p.y) == (7.0, 8.0)
    assert p.norm2() == 113.0
    s = PDict()
    c.point_set(s, -1, 0.5)
    assert (s.x, s.y) == (-1.0, 0.5)


# ---- many instances --------------------------------------------------------------


def test_tp_dict_is_the_namespace():
    # C reads a type's attributes from tp_dict and stores into it (Cython's
    # vtable capsule), then calls PyType_Modified.
    assert c.tp_dict_get(c.Point, "norm2") is c.Point.__dict__["norm2"]
    assert c.tp_dict_get(c.Point, "no_such_attribute") is None
    marker = object()
    c.set_in_tp_dict(c.Point, "__c_stored__", marker)
    assert c.Point.__c_stored__ is marker
    assert c.Point(1, 2).__c_stored__ is marker

    class Sub(c.Point):
        pass

    assert Sub.__c_stored__ is marker
    assert c.tp_dict_get(Sub, "__c_stored__") is None  # not in Sub's own dict


def test_tp_bases_and_tp_mro():
    class Py(c.Mid):
        pass

    class Mixed(Py, Mixin):
        pass

    for t in (c.Leaf, c.Point, Py, Mixed, int, object):
        bases, mro = c.tp_bases_mro(t)
        assert bases == t.__bases__, t
        assert mro == t.__mro__, t


def test_churn_python_1e5():
    before = deallocs("Point")
    for i in range(100000):
        c.Point(i, 1.0)
    assert deallocs("Point") == before + 100000
    before = deallocs("Point")
    for i in range(10000):
        p = PDict(i)
        p.extra = i
    del p
    assert deallocs("Point") == before + 10000


def test_churn_c_1e5():
    before = deallocs("Point")
    c.churn_new(100000)
    assert deallocs("Point") == before + 100000
    before = deallocs("Point")
    c.churn_call(100000)
    assert deallocs("Point") == before + 100000


def test_getsizeof_of_a_c_object_without_gc_is_its_sizeof():
    # CPython adds the GC header only for collected types; Point is not one.
    p = c.Point()
    assert not c.Point.__flags__ & (1 << 14)
    assert p.__sizeof__() == c.Point.__basicsize__
    assert sys.getsizeof(p) == p.__sizeof__()


def test_c_type_new_calls_its_vm_base_new():
    # numpy's float64: tp_new calls PyFloat_Type.tp_new(type, ...)
    f = c.MyFloat(2.5)
    assert (type(f), f, f.doubled, isinstance(f, float), f + 1) == (c.MyFloat, 2.5, 5.0, True, 3.5)
    assert c.MyFloat("1.25").is_integer() is False

    class Sub(c.MyFloat):
        pass

    s = Sub(4)
    assert (type(s), s, s.doubled) == (Sub, 4.0, 8.0)


@harness.differs_on_rustpy("a VM float has float's size: a C type adding fields to float cannot be made by float's tp_new")
def test_c_type_adding_fields_to_float():
    assert c.BigFloat(1.5) == 1.5


def test_c_type_adding_fields_to_str():
    # numpy's str_: str's tp_new makes it, its fields follow PyUnicodeObject
    t = c.TaggedStr("h\u00e9llo")
    assert (type(t), t, isinstance(t, str)) == (c.TaggedStr, "h\u00e9llo", True)
    assert t.fields == (50, ord("h"), ord("o"), 0)
    assert t.upper() == "H\u00c9LLO" and t + "!" == "h\u00e9llo!"
    w = c.TaggedStr("\U0001f600x")
    assert w.fields == (20, 0x1F600, ord("x"), 0)
    assert c.TaggedStr().fields == (0, 0, 0, 0)
    # its tp_richcompare calls str's, as numpy's str_ does
    assert (t == "h\u00e9llo", t != "x", c.TaggedStr("a") < "b", t == 3) == (True, True, True, False)


def test_number_slot_from_a_later_base():
    s = c.StrInt("ab")
    assert (s, isinstance(s, str), int(s)) == ("ab", True, 42)
    assert [t.__name__ for t in type(s).__mro__] == ["StrInt", "str", "IntLike", "object"]


if __name__ == "__main__":
    harness.run(globals())
