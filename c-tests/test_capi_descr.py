"""Check for capi_descr: descriptors, builtin and bound methods, identifiers,
exception chaining and syntax locations, Argument Clinic's keyword parser,
the trashcan, and the old private names extensions still use.

CPython's rules checked here: an identifier's str is interned and made
once; PyDescr_IsData is "the type has tp_descr_set"; a descriptor's memory
holds its type and name; PyCMethod_Check is true exactly for METH_METHOD
functions; _PyErr_ChainExceptions1 sets the context of the exception being
raised (or raises its argument when none is); PyErr_ProgramTextObject is
NULL without an exception when there is no line; the trashcan lets a chain
of 100000 C containers be freed without the stack growing with it."""

import gc
import inspect
import sys
import tempfile

import harness
from harness import differs_on_rustpy, raises, raises_exact

import capi_descr as c

NEWER = sys.version_info >= (3, 12)


def test_identifier_is_interned_once():
    s, same, interned = c.id_fromid()
    assert s == "append" and type(s) is str
    assert same is True and interned is True


def test_identifier_call_and_getattr():
    items = []
    bound = c.id_call(items, 5)
    assert items == [5]
    bound(6)
    assert items == [5, 6]
    e = raises_exact(AttributeError, c.id_missing, 1)
    assert str(e) == "'int' object has no attribute 'no_such_attribute_here'"


def test_descr_is_data():
    assert c.descr_isdata(property()) == 1
    assert c.descr_isdata(int.__dict__["real"]) == 1  # getset
    assert c.descr_isdata(type.__dict__["__dictoffset__"]) == 1  # member
    assert c.descr_isdata(str.__dict__["upper"]) == 0  # method
    assert c.descr_isdata(dict.__dict__["fromkeys"]) == 0  # class method
    assert c.descr_isdata(lambda: 0) == 0
    assert c.descr_isdata(staticmethod(len)) == 0


def test_descr_type_and_name():
    assert c.descr_fields(str.__dict__["upper"]) == (str, "upper")
    assert c.descr_fields(int.__dict__["real"]) == (int, "real")
    assert c.descr_fields(type.__dict__["__dictoffset__"]) == (type, "__dictoffset__")
    assert c.descr_fields(dict.__dict__["fromkeys"]) == (dict, "fromkeys")
    assert c.descr_fields(list.__dict__["__len__"]) == (list, "__len__")


def test_descr_new_wrapper():
    d = c.descr_wrapper()
    assert d([1, 2, 3], 4) == 7
    assert d([], 0) == 0
    raises_exact(TypeError, d, 5, 1)
    e = raises_exact(TypeError, d, [1], x=1)
    assert str(e) == "wrapper len_plus() takes no keyword arguments"


class K:
    pass


def test_cmethod_check():
    f = c.cmethod_new(K)
    assert f() is K
    assert c.cmethod_check(f) == (True, True, K)
    assert c.cmethod_check(len) == (False, False, None)
    assert c.cmethod_check([].append) == (False, False, None)
    assert c.cmethod_check(5) == (False, False, None)
    holder = c.holder_type()
    bound = holder().defining
    assert bound() is holder
    assert c.cmethod_check(bound) == (True, True, holder)


class A:
    def m(self):
        return 1


def test_method_object_memory():
    a = A()
    func, self_, func_same, self_same = c.method_fields(a.m)
    assert func is A.m and self_ is a
    assert func_same is True and self_same is True
    raises_exact(TypeError, c.method_fields, len)


def test_chain_exceptions1():
    if not NEWER:
        return  # _PyErr_ChainExceptions1 is 3.12+
    e = c.chain(ValueError("v"), TypeError("t"))
    assert type(e) is ValueError and str(e) == "v"
    assert type(e.__context__) is TypeError and str(e.__context__) == "t"
    e = c.chain(None, TypeError("t"))
    assert type(e) is TypeError and e.__context__ is None
    assert c.chain(None, None) is None


def test_prep_reraise_star():
    if not NEWER:
        return  # PyUnstable_Exc_PrepReraiseStar is 3.12+
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except ExceptionGroup as caught:
        eg = caught
    assert c.reraise_star(eg, []) is None
    new = RuntimeError("new")
    assert c.reraise_star(eg, [new]) is new
    part = eg.split(ValueError)[0]
    r = c.reraise_star(eg, [part])
    assert type(r) is ExceptionGroup and [type(x) for x in r.exceptions] == [ValueError]
    raises_exact(TypeError, c.reraise_star, eg, (1,))


def test_program_text():
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("first\nsecond line\n\nlast")
        name = f.name
    got = [c.program_text(name, i) for i in range(-1, 7)]
    assert got == ["NULL", "NULL", "first\n", "second line\n", "\n", "last", "NULL", "NULL"]
    assert c.program_text(name + ".absent", 1) == "NULL"
    assert c.program_text(5, 1) == "NULL"


def location(exc, *args):
    e = c.syntax_location(exc, *args)
    keys = ("msg", "filename", "lineno", "offset", "end_lineno", "end_offset", "text",
            "print_file_and_line")
    return type(e), {k: getattr(e, k, "MISSING") for k in keys}


def test_ranged_syntax_location():
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write("first\nsecond line\n\nlast")
        name = f.name
    t, got = location(SyntaxError("bad"), name, 2, 3, 2, 5)
    assert t is SyntaxError
    assert got == {"msg": "bad", "filename": name, "lineno": 2, "offset": 3, "end_lineno": 2,
                   "end_offset": 5, "text": "second line\n", "print_file_and_line": None}
    t, got = location(SyntaxError("bad"), name, 1, -1, -1, -1)
    assert (got["offset"], got["end_lineno"], got["end_offset"], got["text"]) == (None, None, None, "first\n")
    # Not a SyntaxError: it gets msg and print_file_and_line as well.
    t, got = location(ValueError("v"), name, 4, 0, 4, 2)
    assert t is ValueError
    assert got == {"msg": "v", "filename": name, "lineno": 4, "offset": 0, "end_lineno": 4,
                   "end_offset": 2, "text": "last", "print_file_and_line": None}
    t, got = location(IndentationError("i"), None, 7, 2, 7, 3)
    assert t is IndentationError and got["filename"] is None and got["text"] is None
    assert got["msg"] == "i" and got["print_file_and_line"] is None


def test_fast_parser_values():
    assert c.fastfn(1) == (1, 7, "z")
    assert c.fastfn(1, 2) == (1, 2, "z")
    assert c.fastfn(1, b=3, c="q") == (1, 3, "q")
    assert c.fastfn("a", c="") == ("a", 7, "")


def test_fast_parser_errors():
    e = raises_exact(TypeError, c.fastfn)
    assert str(e) == "fastfn() takes at least 1 positional argument (0 given)"
    e = raises_exact(TypeError, c.fastfn, 1, 2, 3)
    assert str(e) == "fastfn() takes at most 2 positional arguments (3 given)"
    # CPython 3.13 reworded the unknown-keyword message.
    unknown = ("'x' is an invalid keyword argument for fastfn()",
               "fastfn() got an unexpected keyword argument 'x'")
    e = raises_exact(TypeError, c.fastfn, 1, x=1)
    assert str(e) in unknown, str(e)
    e = raises_exact(TypeError, c.fastfn, 1, a=1)  # positional-only
    assert str(e) in [u.replace("'x'", "'a'") for u in unknown], str(e)
    e = raises_exact(TypeError, c.fastfn, 1, 2, b=3)
    assert str(e) == "argument for fastfn() given by name ('b') and position (2)"
    e = raises_exact(TypeError, c.fastfn, 1, c=5)
    assert str(e) == "fastfn() argument 3 must be str, not int"
    raises_exact(TypeError, c.fastfn, 1, b="s")


def test_trashcan_in_c():
    n = 100000
    deallocs, depth = c.node_chain_drop(n)
    assert deallocs == n
    # Each deallocation nests in the one before unless the trashcan
    # defers it (CPython 3.13 defers near its C recursion limit, 10000).
    assert depth < n // 2, depth


def test_trashcan_from_python():
    n = 100000
    c.node_reset()
    head = c.node_chain(n)
    del head
    deallocs, depth = c.node_stats()
    assert deallocs == n
    assert depth < n // 2, depth


def test_object_new_macro():
    assert c.object_new_macro() == (True, 1, 42)


def test_type_name():
    assert c.type_names(1.5) == ("int", "Plain", "float")
    assert c.type_names(c.node_chain(1))[2] == "Node"


def plain_function():
    pass


class Q:
    def meth(self):
        pass


def test_function_str():
    assert c.function_str(len) == "len()"
    assert c.function_str(plain_function) == __name__ + ".plain_function()"
    assert c.function_str(Q.meth) == __name__ + ".Q.meth()"
    assert c.function_str([].append) == "list.append()"
    assert c.function_str(Q) == __name__ + ".Q()"
    assert c.function_str(5) == "5"


class O:
    pass


def test_generic_getattr_with_dict():
    o = O()
    o.x = 1
    assert c.generic_getattr(o, "x", None, 0) == 1
    assert c.generic_getattr(o, "x", {"x": 2}, 0) == 2
    assert c.generic_getattr(o, "y", {}, 1) == "NULL"
    e = raises_exact(AttributeError, c.generic_getattr, o, "y", {}, 0)
    assert str(e) == "'O' object has no attribute 'y'"
    e = raises_exact(TypeError, c.generic_getattr, o, 5, None, 0)
    assert str(e) == "attribute name must be string, not 'int'"
    # A data descriptor of the type wins over the dict.
    assert c.generic_getattr(o, "__class__", {"__class__": 1}, 0) is O


def test_generic_setattr_with_dict():
    o = O()
    o.x = 1
    d = {}
    c.generic_setattr(o, "z", 3, d)
    assert d == {"z": 3} and o.__dict__ == {"x": 1}
    c.generic_setattr(o, "z", None, d)
    assert d == {}
    e = raises_exact(AttributeError, c.generic_setattr, o, "z", None, d)
    assert str(e) == "'O' object has no attribute 'z'"
    c.generic_setattr(o, "w", 4, None)
    assert o.w == 4


def test_stack_as_dict_and_hexdigits():
    assert c.stack_as_dict((1, 2), ("a", "b")) == {"a": 1, "b": 2}
    assert c.stack_as_dict((), ()) == {}
    assert c.hexdigits() == "0123456789abcdef"


def test_gc_resize():
    assert c.vec_resize(5) == (5, [10, 11, None, None, None])
    assert c.vec_resize(1) == (1, [10])


def test_gc_visit_objects():
    if not NEWER:
        return  # PyUnstable_GC_VisitObjects is 3.12+
    tracked = [1, 2]
    assert c.gc_visit_finds(tracked) is True
    assert c.gc_visit_finds(12345) is False


def test_warn_explicit_format():
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c.warn_explicit(UserWarning, "somefile.py", 12, "somemod", 3)
        c.warn_explicit(RuntimeWarning, "other.py", 1, None, 0)
    assert [(w.category, str(w.message), w.filename, w.lineno) for w in caught] == [
        (UserWarning, "value 3 is positive", "somefile.py", 12),
        (RuntimeWarning, "value 0 is not positive", "other.py", 1),
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        e = raises_exact(UserWarning, c.warn_explicit, UserWarning, "f.py", 2, "m", 5)
        assert str(e) == "value 5 is positive"


class Weak:
    pass


class NoWeak:
    __slots__ = ()


def test_supports_weakrefs():
    assert c.supports_weakrefs(Weak) is True
    assert c.supports_weakrefs(NoWeak) is False
    assert c.supports_weakrefs(int) is False
    assert c.supports_weakrefs(type) is True


def test_set_wakeup_fd():
    if not NEWER:
        return  # CPython 3.11 declares PySignal_SetWakeupFd but does not export it
    import os
    import signal

    r, w = os.pipe()
    os.set_blocking(w, False)
    try:
        previous = signal.set_wakeup_fd(-1)
        assert c.set_wakeup_fd(w) == -1
        assert signal.set_wakeup_fd(-1) == w
        assert c.set_wakeup_fd(-1) == -1
        signal.set_wakeup_fd(previous)
    finally:
        os.close(r)
        os.close(w)


def test_gc_new_with_extra_data():
    if not NEWER:
        return  # PyUnstable_Object_GC_NewWithExtraData is 3.12+
    assert c.new_with_extra() == (True, True)


def test_refcount_functions():
    *counts, immortal_unchanged = c.refcount_calls()
    assert counts == [1, 2, 1, 7, 1]
    # CPython 3.11 has no immortal objects.
    assert immortal_unchanged is (sys.version_info >= (3, 12))


def test_set_managed_dict():
    if sys.version_info < (3, 13):
        return  # _PyObject_SetManagedDict is 3.13+
    o = O()
    o.x = 1
    c.set_managed_dict(o, {"a": 2})
    assert o.a == 2 and not hasattr(o, "x")


def test_type_lookup_ref():
    if sys.version_info < (3, 13):
        return  # _PyType_LookupRef is 3.13+
    assert c.type_lookup(Q, "meth") == (Q.__dict__["meth"], 1)
    assert c.type_lookup(bool, "bit_length") == (int.__dict__["bit_length"], 1)
    assert c.type_lookup(Q, "absent") == ("NULL", 1)


def test_weakrefs_list_pointer():
    import weakref

    w = c.Weakable()
    r = weakref.ref(w)
    assert r() is w
    assert c.weaklist_ptr(w) is True
    del w
    assert r() is None


def test_descriptor_definitions_in_memory():
    # what numpy's add_docstring reads (and writes) through d_method and
    # d_getset; a tp_members entry is a getset descriptor on rustpy, whose
    # d_getset carries the member's name and doc
    D = c.Documented
    assert c.definitions_are_the_tables() == (1, 1)
    assert c.definition_of(D.__dict__["twice"]) == ("twice", None)
    assert c.definition_of(D.__dict__["value"]) == ("value", "the value")
    assert c.definition_of(D.__dict__["n"]) == ("n", "the count")
    assert c.definition_of(len) is None
    assert D().twice() == 0


def test_doc_written_into_definition():
    # numpy's add_docstring writes ml_doc after the method exists; __doc__
    # and __text_signature__ read the definition when asked
    D = c.Documented
    assert D.twice.__doc__ is None
    c.set_method_doc(D.__dict__["twice"], "twice($self, /)\n--\n\nTwice the count.")
    assert D.twice.__doc__ == "Twice the count."
    assert D.twice.__text_signature__ == "($self, /)"
    assert D().twice.__doc__ == "Twice the count."
    assert c.undocumented.__doc__ is None
    assert c.undocumented.__text_signature__ is None
    c.set_method_doc(c.undocumented, "undocumented(x, y=1)\n--\n\nNo doc at first.")
    assert c.undocumented.__doc__ == "No doc at first."
    assert str(inspect.signature(c.undocumented)) == "(x, y=1)"
    c.set_method_doc(c.undocumented, "no signature here")
    assert c.undocumented.__doc__ == "no signature here"
    assert c.undocumented.__text_signature__ is None
    raises(TypeError, c.set_method_doc, 42, "x")


@differs_on_rustpy("the VM's own method descriptors have no PyMethodDef: d_method is NULL")
def test_builtin_method_descriptor_definition():
    assert c.definition_of(list.__dict__["append"])[0] == "append"


def test_static_instance_of_a_c_type():
    s = c.static_instance()
    assert type(s) is c.Documented
    assert (s.n, s.value, s.twice()) == (21, 21, 42)
    assert c.static_instance() is s
    del s
    gc.collect()
    assert c.static_instance().twice() == 42


def test_flags_of_c_types():
    # numpy tells its static types from Python classes by Py_TPFLAGS_HEAPTYPE
    HEAPTYPE, READY = 1 << 9, 1 << 12
    assert c.Documented.__flags__ & (HEAPTYPE | READY) == READY
    assert c.holder_type().__flags__ & HEAPTYPE

    class Sub(c.Documented):
        pass

    assert Sub.__flags__ & HEAPTYPE


if __name__ == "__main__":
    harness.run(globals())
