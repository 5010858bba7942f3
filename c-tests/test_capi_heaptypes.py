"""Check for capi_heaptypes: heap types made from a PyType_Spec, their slots
and flags, heap subtypes, module association and module state, instances
holding their type, and heap types dying with their module."""

import contextlib
import gc
import struct
import importlib.machinery
import importlib.util
import sys
import weakref

import harness
from harness import raises_exact

import capi_heaptypes as c

Thing = c.Thing


def fresh_module():
    """A new module object from the same extension file and def (its own
    exec, state and types), not registered in sys.modules."""
    path = importlib.util.find_spec("capi_heaptypes").origin
    spec = importlib.util.spec_from_file_location("capi_heaptypes", path)
    assert isinstance(spec.loader, importlib.machinery.ExtensionFileLoader)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@contextlib.contextmanager
def gc_paused():
    """Collect leftovers from earlier tests, then keep the collector from
    running on its own, so counters move only when a test says so."""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class PlainPyThing(Thing):
    """A Python subclass that overrides nothing."""


class PyThing(Thing):
    """A Python subclass of the heap type."""

    def __init__(self, value=0):
        super().__init__(value)
        self.note = "py"


# ---- names, sizes, flags, doc --------------------------------------------


def test_names_from_dotted_spec_name():
    assert Thing.__module__ == "capi_heaptypes"
    assert Thing.__name__ == "Thing"
    assert Thing.__qualname__ == "Thing"
    assert c.type_names(Thing) == ("Thing", "Thing")
    assert repr(Thing) == "<class 'capi_heaptypes.Thing'>"


def test_heap_type_memory_has_names_and_module():
    # From a spec with a module: ht_module is that module.
    assert c.heap_fields(Thing) == ("Thing", "Thing", c)
    assert c.heap_fields(c.Mixin) == ("Mixin", "Mixin", None)


def test_python_class_memory_has_its_names():
    class Outer:
        class Inner:
            pass
    # A class made in Python is a heap type too, with no module of C's.
    assert c.heap_fields(Outer.Inner) == ("Inner", "test_python_class_memory_has_its_names.<locals>.Outer.Inner", None)
    assert c.heap_fields(PyThing) == ("PyThing", "PyThing", None)
    raises_exact(TypeError, c.heap_fields, int, match="not a heap type")


def test_deeper_dotted_name_splits_at_last_dot():
    assert c.Mixin.__module__ == "capi_heaptypes.mixins"
    assert c.Mixin.__name__ == "Mixin"
    assert c.Mixin.__qualname__ == "Mixin"
    assert c.type_names(c.Mixin) == ("Mixin", "Mixin")


def test_basicsize_and_itemsize_from_spec():
    assert Thing.__basicsize__ == c.THING_BASICSIZE
    assert Thing.__itemsize__ == 0
    assert c.Sub.__basicsize__ == c.SUB_BASICSIZE
    # basicsize 0 in the spec: the base's size
    assert c.Single.__basicsize__ == Thing.__basicsize__
    assert c.Mixin.__basicsize__ == object.__basicsize__


def test_flags_from_spec():
    f = c.type_flags(Thing)
    assert f == Thing.__flags__
    assert f & c.TPFLAGS_HEAPTYPE
    assert f & c.TPFLAGS_BASETYPE
    assert f & c.TPFLAGS_HAVE_GC
    assert not f & c.TPFLAGS_IMMUTABLETYPE
    assert not c.type_flags(c.Final) & c.TPFLAGS_BASETYPE
    assert c.type_flags(c.Frozen) & c.TPFLAGS_IMMUTABLETYPE
    assert not c.type_flags(c.VarThing) & c.TPFLAGS_HAVE_GC


def test_doc_slot_is_copied():
    assert Thing.__doc__ == "A heap type made from a PyType_Spec."
    # PyType_GetSlot(Py_tp_doc) gives the same text in the type's own copy
    assert c.doc_slot(Thing) == ("A heap type made from a PyType_Spec.", False)
    assert c.Sub.__doc__ == "Sub(Thing, Mixin)"


# ---- slots ----------------------------------------------------------------


def test_new_and_init_slots():
    assert Thing().value == 0
    assert Thing(5).value == 5
    payload = ["p"]
    t = Thing(value=3, payload=payload)
    assert t.value == 3
    assert t.payload is payload
    assert type(t) is Thing


def test_init_rejects_bad_arguments():
    raises_exact(TypeError, Thing, "x")
    raises_exact(TypeError, Thing, 1, 2, 3)
    raises_exact(TypeError, Thing, nope=1)


def test_members():
    t = Thing(1)
    t.value = 9
    assert t.value == 9
    raises_exact(TypeError, setattr, t, "value", "nine")
    # T_OBJECT_EX: unset reads as AttributeError, del empties it again
    raises_exact(AttributeError, getattr, t, "payload")
    t.payload = "x"
    assert t.payload == "x"
    del t.payload
    raises_exact(AttributeError, getattr, t, "payload")
    assert Thing.value.__doc__ == "The value."


def test_getset():
    t = Thing(4)
    assert t.doubled == 8
    t.doubled = 10
    assert t.value == 5
    raises_exact(TypeError, delattr, t, "doubled", match="cannot delete doubled")
    assert Thing.doubled.__doc__ == "Twice the value."


def test_repr_slot():
    assert repr(Thing(7)) == "Thing(7)"
    assert str(Thing(-2)) == "Thing(-2)"
    assert repr(c.Single(3)) == "Single(3)"


def test_nb_add_slot_both_orders():
    assert Thing(2) + 3 == 5
    assert 3 + Thing(2) == 5
    assert Thing(2) + Thing(5) == 7
    raises_exact(TypeError, lambda: Thing(1) + "x")
    raises_exact(TypeError, lambda: "x" + Thing(1))


def test_sq_length_slot():
    assert len(Thing(4)) == 4
    assert len(Thing(0)) == 0
    raises_exact(ValueError, len, Thing(-1), match="negative Thing has no length")


def test_mp_subscript_slot():
    assert Thing(3)[2] == 6
    assert Thing(3)[-1] == -3
    raises_exact(TypeError, lambda: Thing(3)["a"], match="Thing indices must be integers")


def test_instances_have_no_dict():
    t = Thing(1)
    raises_exact(AttributeError, setattr, t, "x", 1)
    assert not hasattr(t, "__dict__")
    # a Python subclass adds one
    p = PyThing(1)
    p.x = 1
    assert p.__dict__ == {"note": "py", "x": 1}


def test_get_slot_returns_spec_pointers():
    for slot in ("Py_tp_new", "Py_tp_init", "Py_tp_dealloc", "Py_tp_traverse",
                 "Py_tp_clear", "Py_tp_methods", "Py_tp_getset", "Py_tp_repr",
                 "Py_nb_add", "Py_sq_length", "Py_mp_subscript"):
        assert c.slot_is_spec(Thing, getattr(c, slot)) is True, slot


def test_get_slot_inherited_by_subtypes():
    for t in (c.Sub, c.Single, PlainPyThing):
        for slot in ("Py_tp_new", "Py_tp_init", "Py_nb_add", "Py_sq_length",
                     "Py_mp_subscript"):
            assert c.slot_is_spec(t, getattr(c, slot)) is True, (t, slot)
    # C subtypes without fields of their own inherit traverse too (a Python
    # subclass gets the runtime's, which also visits its __dict__)
    assert c.slot_is_spec(c.Sub, c.Py_tp_traverse) is True
    assert c.slot_is_spec(c.Single, c.Py_tp_traverse) is True
    assert c.slot_is_spec(c.Sub, c.Py_tp_repr) is True
    assert c.slot_is_spec(PlainPyThing, c.Py_tp_repr) is True
    # Single's own repr, a Python __init__ and a Python __repr__ replace
    # the slot
    assert c.slot_is_spec(c.Single, c.Py_tp_repr) is False
    assert c.slot_is_spec(PyThing, c.Py_tp_init) is False

    class WithRepr(Thing):
        def __repr__(self):
            return "WithRepr"

    assert c.slot_is_spec(WithRepr, c.Py_tp_repr) is False
    assert repr(WithRepr()) == "WithRepr"


def test_get_slot_unset_is_null_and_bad_slot_is_error():
    assert c.slot_is_null(Thing, c.Py_tp_iter) is True
    assert c.slot_is_null(Thing, c.Py_tp_call) is True
    assert c.slot_is_null(Thing, c.Py_nb_multiply) is True
    assert c.slot_is_null(Thing, c.Py_tp_repr) is False
    raises_exact(SystemError, c.slot_is_null, Thing, 1000)


# ---- PyType_FromSpec / PyType_FromSpecWithBases ---------------------------


def test_from_spec_makes_a_new_type_each_call():
    a = c.from_spec()
    b = c.from_spec()
    assert a is not b and a is not Thing
    assert a.__name__ == "Thing" and a.__module__ == "capi_heaptypes"
    assert repr(a(4)) == "Thing(4)"
    assert a(2) + 1 == 3
    assert not isinstance(a(1), Thing)
    assert not isinstance(Thing(1), a)


def test_from_spec_type_has_no_module():
    a = c.from_spec()
    raises_exact(TypeError, c.type_module, a, match="has no associated module")
    raises_exact(TypeError, c.type_state_counter, a)
    raises_exact(TypeError, c.module_by_def, a)
    # bump() needs the defining class's module
    raises_exact(TypeError, a(1).bump)


def test_heap_subtype_with_bases_tuple():
    Sub = c.Sub
    assert Sub.__mro__ == (Sub, Thing, c.Mixin, object)
    assert Sub.__bases__ == (Thing, c.Mixin)
    assert Sub.__base__ is Thing
    s = Sub(4)
    assert isinstance(s, Thing) and isinstance(s, c.Mixin)
    assert s.value == 4
    assert s.extra == 0
    s.extra = 11
    assert s.extra == 11 and s.value == 4
    assert s.hello() == "hello from Mixin"
    assert repr(s) == "Thing(4)"
    assert s + 1 == 5
    assert c.type_flags(Sub) & c.TPFLAGS_HAVE_GC  # inherited with traverse


def test_heap_subtype_with_single_base():
    Single = c.Single
    assert Single.__bases__ == (Thing,)
    assert Single.__mro__ == (Single, Thing, object)
    assert Single(2).doubled == 4


def test_from_spec_with_bases_at_runtime():
    d1 = c.subtype_of(Thing)
    assert d1.__bases__ == (Thing,)
    d2 = c.subtype_of((Thing, c.Mixin))
    assert d2.__mro__ == (d2, Thing, c.Mixin, object)
    assert d2.__doc__ == "made by PyType_FromSpecWithBases"
    assert d2(3).value == 3 and d2(3).hello() == "hello from Mixin"


def test_base_without_basetype_flag_is_rejected_from_c():
    raises_exact(TypeError, c.subtype_of, c.Final,
                 match="type 'capi_heaptypes.Final' is not an acceptable base type")


def test_python_subclass_of_basetype():
    p = PyThing(6)
    assert isinstance(p, Thing)
    assert p.value == 6 and p.note == "py"
    assert repr(p) == "Thing(6)"
    assert len(p) == 6
    assert PyThing.__mro__ == (PyThing, Thing, object)
    assert PyThing.__module__ == __name__

    class FromSub(c.Sub):
        pass

    assert FromSub(1).hello() == "hello from Mixin"


@harness.differs_on_rustpy("error messages name a C type by its __name__; CPython uses tp_name (module.Name), RustPython formats them from the heap type's name")
def test_python_subclass_of_final_type_is_typeerror():
    def subclass():
        class X(c.Final):
            pass

    raises_exact(TypeError, subclass,
                 match="type 'capi_heaptypes.Final' is not an acceptable base type")
    assert type(c.Final()) is c.Final


# ---- module association ---------------------------------------------------


def test_get_module_is_the_module():
    assert c.type_module(Thing) is c
    assert c.type_module(c.Final) is c
    assert c.type_module(c.VarThing) is c


def test_get_module_without_module_is_typeerror():
    # made by PyType_FromSpec(WithBases): no module of their own
    raises_exact(TypeError, c.type_module, c.Mixin)
    raises_exact(TypeError, c.type_module, c.Sub)
    raises_exact(TypeError, c.type_module, PyThing)
    raises_exact(TypeError, c.type_module, int, match="is not a heap type")


def test_module_state_counter_via_defining_class():
    start = c.counter()
    assert Thing(1).bump() == start + 1
    assert Thing(1).bump(5) == start + 6
    assert Thing(1).bump(by=2) == start + 8
    assert c.counter() == start + 8
    # subclass instances reach the same state through defining_class
    assert PyThing(1).bump() == start + 9
    assert c.Sub(1).bump() == start + 10
    assert c.type_state_counter(Thing) == start + 10


def test_method_argument_errors():
    raises_exact(TypeError, Thing(1).bump, 1, 2)
    raises_exact(TypeError, Thing(1).bump, step=1)
    raises_exact(TypeError, Thing(1).bump, "one")
    raises_exact(TypeError, Thing(1).where, 1)


def test_defining_class_is_the_defining_type():
    for obj in (Thing(1), PyThing(1), c.Sub(1), c.Single(1)):
        cls, mod, by_cls, by_type = obj.where()
        assert cls is Thing, type(obj)
        assert mod is c and by_cls is c and by_type is c


def test_get_module_by_def_walks_the_mro():
    assert c.module_by_def(Thing) is c
    assert c.module_by_def(c.Sub) is c
    assert c.module_by_def(PyThing) is c

    class Deeper(PyThing):
        pass

    assert c.module_by_def(Deeper) is c
    raises_exact(TypeError, c.module_by_def, int, match="No superclass of 'int' has the given module")
    raises_exact(TypeError, c.module_by_def, c.Mixin)


def test_get_module_state_from_type():
    assert c.type_state_counter(Thing) == c.counter()
    Thing(0).bump(3)
    assert c.type_state_counter(Thing) == c.counter()
    assert c.type_state_counter(c.Frozen) == c.counter()


# ---- instances and the type's reference count -----------------------------


def test_dealloc_runs_exactly_once():
    for cls in (Thing, c.Sub, c.Single, PyThing):
        with gc_paused():
            before = c.thing_deallocs()
            obj = cls(1)
            assert c.thing_deallocs() == before
            del obj
            assert c.thing_deallocs() == before + 1, cls
            gc.collect()
            assert c.thing_deallocs() == before + 1, cls


def test_self_cycle_through_payload_is_collected():
    with gc_paused():
        before = c.thing_deallocs()
        t = Thing(1)
        t.payload = t
        r = weakref.ref(t)
        del t
        assert c.thing_deallocs() == before
        gc.collect()
        assert r() is None
        assert c.thing_deallocs() == before + 1


def test_traverse_visits_type_and_payload():
    assert gc.is_tracked(Thing(1))
    payload = object()
    assert gc.get_referents(Thing(1, payload)) == [Thing, payload]
    assert gc.get_referents(Thing(1)) == [Thing]


def test_type_refcount_rises_per_instance():
    with gc_paused():
        before = sys.getrefcount(Thing)
        objs = [Thing(i) for i in range(10)]
        assert sys.getrefcount(Thing) - before == 10
        del objs[:4]
        assert sys.getrefcount(Thing) - before == 6
        del objs
        assert sys.getrefcount(Thing) == before


def test_subclass_instances_hold_their_own_type():
    with gc_paused():
        before_thing = sys.getrefcount(Thing)
        before_sub = sys.getrefcount(PyThing)
        objs = [PyThing(i) for i in range(5)]
        assert sys.getrefcount(PyThing) - before_sub == 5
        assert sys.getrefcount(Thing) == before_thing
        del objs
        assert sys.getrefcount(PyThing) == before_sub


def test_weakref_via_weaklistoffset_member():
    t = Thing(1)
    r = weakref.ref(t)
    assert r() is t
    del t
    assert r() is None
    raises_exact(TypeError, weakref.ref, c.Final())


def test_var_sized_heap_type():
    V = c.VarThing
    assert V.__basicsize__ == c.VAR_BASICSIZE
    assert V.__itemsize__ == c.VAR_ITEMSIZE
    v = V(4)
    assert len(v) == 4
    assert list(v) == [0, 1, 4, 9]
    assert v.__sizeof__() == V.__basicsize__ + 4 * V.__itemsize__
    assert len(V(0)) == 0
    raises_exact(IndexError, lambda: v[4])


# ---- heap types and module objects ----------------------------------------


def test_fresh_module_has_its_own_types_and_state():
    m = fresh_module()
    assert m is not c and sys.modules["capi_heaptypes"] is c
    assert m.Thing is not Thing
    assert m.Thing.__module__ == "capi_heaptypes"
    assert c.type_module(m.Thing) is m
    assert m.type_module(m.Thing) is m
    before = c.counter()
    assert m.counter() == 0
    assert m.Thing(1).bump() == 1
    assert m.Thing(1).bump() == 2
    assert c.counter() == before
    assert m.Thing(1).where()[1:] == (m, m, m)
    assert not isinstance(m.Thing(1), Thing)


@harness.differs_on_rustpy('type objects are immortal: a heap type (and so its module) is never freed')
def test_heap_types_die_with_their_module():
    m = fresh_module()
    r_type = weakref.ref(m.Thing)
    r_sub = weakref.ref(m.Sub)
    r_mod = weakref.ref(m)
    del m
    # the module and its types reference each other (type -> module through
    # PyType_FromModuleAndSpec, module -> type through its dict): a cycle
    gc.collect()
    assert r_mod() is None
    assert r_type() is None
    assert r_sub() is None


@harness.differs_on_rustpy('type objects are immortal: a heap type (and so its module) is never freed')
def test_live_instance_keeps_type_and_module_alive():
    m = fresh_module()
    t = m.Thing(3)
    r_type = weakref.ref(m.Thing)
    r_mod = weakref.ref(m)
    del m
    gc.collect()
    assert r_type() is type(t)
    assert r_mod() is not None
    assert t.bump() == 1  # the module state is still there
    assert t.where()[1] is r_mod()
    before = c.thing_deallocs()
    del t
    gc.collect()
    assert c.thing_deallocs() == before + 1
    assert r_type() is None
    assert r_mod() is None


# ---- mutability -----------------------------------------------------------


def test_mutable_heap_type_attributes():
    t = c.from_spec()
    t.x = 1
    assert t.x == 1 and t(0).x == 1
    t.value_twice = property(lambda self: self.value * 2)
    assert t(4).value_twice == 8
    del t.x
    assert not hasattr(t, "x")


@harness.differs_on_rustpy("error messages name a C type by its __name__; CPython uses tp_name (module.Name), RustPython formats them from the heap type's name")
def test_immutable_type_rejects_attribute_assignment():
    F = c.Frozen
    raises_exact(TypeError, setattr, F, "x", 1,
                 match="cannot set 'x' attribute of immutable type 'capi_heaptypes.Frozen'")
    raises_exact(TypeError, delattr, F, "__doc__")
    assert not hasattr(F, "x")
    assert F.__doc__ == "attributes cannot be set"


def test_immutable_flag_not_inherited_by_python_subclass():
    class Sub(c.Frozen):
        pass

    Sub.x = 1
    assert Sub.x == 1
    assert not Sub.__flags__ & c.TPFLAGS_IMMUTABLETYPE


# ---- PyType_FromMetaclass -------------------------------------------------


def test_from_metaclass():
    if c.PY_VERSION_HEX < 0x030C0000:
        # PyType_FromMetaclass is new in 3.12: the module built against the
        # CPython 3.11 oracle's headers has no from_metaclass.  Our layer
        # (3.14 API) runs this test.
        return

    class Meta(type):
        def describe(cls):
            return "meta:" + cls.__name__

    T = c.from_metaclass(Meta)
    assert type(T) is Meta
    assert T.describe() == "meta:Thing"
    assert T.__module__ == "capi_heaptypes"
    assert c.type_module(T) is c
    assert repr(T(2)) == "Thing(2)"
    assert T(1).bump() == c.counter()


def test_type_data_of_a_negative_basicsize_spec():
    if c.PY_VERSION_HEX < 0x030C0000:
        # PyObject_GetTypeData and negative spec basicsizes are new in 3.12:
        # the module built against the CPython 3.11 oracle's headers has no
        # make_extra.  Our layer (3.14 API) runs this test.
        return
    Extra = c.make_extra()
    assert Extra.__base__ is Thing
    assert c.type_data_size(Extra) >= 2 * struct.calcsize("l")
    assert c.type_data_size(Extra) < 2 * struct.calcsize("l") + 16  # padding only
    e = Extra(5)
    assert e.value == 5 and repr(e) == "Thing(5)"  # Thing's data is untouched
    assert c.extra_data(e, Extra) == (0, 0)
    assert c.extra_data(e, Extra, 7, -3) == (7, -3)
    assert e.value == 5

    class PyExtra(Extra):
        pass

    p = PyExtra(1)
    assert c.extra_data(p, Extra, 1, 2) == (1, 2)
    assert p.value == 1


def test_python_subclass_keeps_the_c_dict():
    # A subclass of a type with a dict slot adds no dict of its own: its
    # attributes live in the dict C keeps at __dictoffset__.
    class RoomySub(c.Roomy):
        def __init__(self):
            self.tag = "set in Python"

    assert c.Roomy.__dictoffset__ != 0
    assert RoomySub.__dictoffset__ == c.Roomy.__dictoffset__
    r = c.Roomy()
    r.x = 1
    assert r.own_dict() == {"x": 1} and r.x == 1
    s = RoomySub()
    s.y = 2
    assert s.own_dict() == {"tag": "set in Python", "y": 2}
    object.__setattr__(s, "z", 3)
    assert s.own_dict()["z"] == 3


def test_best_base_of_a_class_with_a_python_mixin_first():
    # A base that adds C fields decides the layout, wherever it is listed:
    # it is __base__, and instances are made by its tp_new.
    class Mixin:
        pass

    for n in range(24, 81, 8):
        base = c.sized_type(n)
        assert base.__basicsize__ == n
        derived = type("Derived", (Mixin, base), {})
        assert derived.__base__ is base, n
        assert isinstance(derived(), base)


def test_object_new_makes_instances_of_a_type_without_tp_new():
    # Roomy inherits object's tp_new, so object.__new__ is its constructor,
    # from Python too (zope.interface builds its classes so): the instance
    # has Roomy's C memory.
    r = object.__new__(c.Roomy)
    r.y = 2
    assert type(r) is c.Roomy and r.own_dict() == {"y": 2}

    class Sub(c.Roomy):
        def __new__(cls):
            return super().__new__(cls)

    s = Sub()
    s.x = 1
    assert s.own_dict() == {"x": 1}
    raises_exact(TypeError, object.__new__, c.Thing)


def test_classes_made_before_any_extension_loaded_still_construct():
    # importlib's loaders exist before the first extension loads (and
    # importlib calls Loader.__new__(Loader) to import a namespace package).
    import importlib.machinery

    for cls in (importlib.machinery.SourceFileLoader, importlib.machinery.ModuleSpec):
        assert type(cls.__new__(cls)) is cls


if __name__ == "__main__":
    harness.run(globals())
