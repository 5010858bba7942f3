"""Check for capi_gc: GC allocation and tracking from C, tp_traverse and
tp_clear in cycle collection, finalizers, weak references to C objects,
exception types made in C, and that a million C objects leave no trace."""

import contextlib
import gc
import struct
import sys
import weakref

import harness
from harness import raises_exact

import capi_gc as c

Node = c.Node


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


def count(name):
    return c.counters()[name]


def rss_kb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS in /proc/self/status")


class P:
    pass


# ---- allocation and tracking ----------------------------------------------


def test_node_type_is_gc():
    assert Node.__flags__ & (1 << 14)  # Py_TPFLAGS_HAVE_GC
    assert Node.__basicsize__ == c.NODE_BASICSIZE
    assert c.VarNode.__flags__ & (1 << 14)


def test_gc_new_is_untracked_until_track():
    n = c.gc_new(5)
    assert type(n) is Node
    assert n.tag == 5 and n.ref is None
    assert gc.is_tracked(n) is False
    c.track(n)
    assert gc.is_tracked(n) is True


def test_untrack_and_track_again():
    n = c.gc_new_tracked(1)
    assert gc.is_tracked(n) is True
    c.untrack(n)
    assert gc.is_tracked(n) is False
    c.untrack(n)  # untracking an untracked object is allowed
    assert gc.is_tracked(n) is False
    c.track(n)
    assert gc.is_tracked(n) is True


def test_is_tracked_from_c_agrees_with_gc_module():
    n = c.gc_new(0)
    assert c.is_tracked(n) is False
    c.track(n)
    assert c.is_tracked(n) is True
    assert c.is_tracked(Node()) is True
    assert c.is_tracked(1) is False


def test_instances_made_from_python_are_tracked():
    # tp_new is PyType_GenericNew, whose PyType_GenericAlloc tracks
    n = Node(tag=3)
    assert gc.is_tracked(n) is True
    assert n.tag == 3


def test_gc_new_var():
    v = c.gc_new_var(4)
    assert type(v) is c.VarNode
    assert c.var_size(v) == 4
    assert len(v) == 4
    assert list(v) == [0, 1, 2, 3]
    assert gc.is_tracked(v) is True
    assert c.VarNode.__itemsize__ == struct.calcsize("P")  # one PyObject*
    assert len(c.gc_new_var(0)) == 0
    raises_exact(IndexError, lambda: v[4])


def test_gc_del_frees_without_dealloc():
    with gc_paused():
        before = count("node_deallocs")
        assert c.new_and_del() == 0
        assert count("node_deallocs") == before


# ---- traverse and clear in cycle collection -------------------------------


def test_two_node_cycle_is_collected():
    with gc_paused():
        d0 = count("node_deallocs")
        k0 = count("node_clears")
        a = Node()
        b = Node()
        a.ref = b
        b.ref = a
        del a, b
        assert count("node_deallocs") == d0  # refcounts alone cannot free them
        assert gc.collect() >= 2
        assert count("node_deallocs") == d0 + 2
        assert count("node_clears") > k0


def test_cycle_made_in_c_is_collected():
    with gc_paused():
        d0 = count("node_deallocs")
        r = c.two_node_cycle()
        assert r() is not None and r().ref.ref is r()
        gc.collect()
        assert r() is None
        assert count("node_deallocs") == d0 + 2


def test_cycle_with_python_object_is_collected():
    with gc_paused():
        d0 = count("node_deallocs")
        p = P()
        n = Node()
        n.ref = p
        p.n = n
        rp = weakref.ref(p)
        del p, n
        assert rp() is not None
        gc.collect()
        assert rp() is None
        assert count("node_deallocs") == d0 + 1


def test_self_cycle_is_collected():
    with gc_paused():
        d0 = count("node_deallocs")
        n = Node()
        n.ref = n
        del n
        assert count("node_deallocs") == d0
        gc.collect()
        assert count("node_deallocs") == d0 + 1


def test_var_node_cycle_is_collected():
    with gc_paused():
        d0 = count("var_deallocs")
        v = c.gc_new_var(2)
        v[0] = v
        assert v[0] is v
        del v
        assert count("var_deallocs") == d0
        gc.collect()
        assert count("var_deallocs") == d0 + 1


def test_reachable_from_live_root_is_not_collected():
    with gc_paused():
        d0 = count("node_deallocs")
        root = Node()
        a = Node()
        b = Node()
        a.ref = b
        b.ref = a
        root.ref = a
        del a, b
        gc.collect()
        assert count("node_deallocs") == d0
        assert root.ref.ref.ref is root.ref
        del root
        assert count("node_deallocs") == d0 + 1  # root alone, by refcount
        gc.collect()
        assert count("node_deallocs") == d0 + 3


def test_untracked_cycle_is_not_collected():
    with gc_paused():
        d0 = count("node_deallocs")
        n = c.gc_new(0)
        n.ref = n
        r = weakref.ref(n)
        del n
        gc.collect()
        # invisible to the collector: still alive
        n = r()
        assert n is not None
        assert count("node_deallocs") == d0
        n.ref = None
        del n
        assert r() is None
        assert count("node_deallocs") == d0 + 1


def test_get_referents_follows_traverse():
    n = Node()
    assert gc.get_referents(n) == []
    n.ref = None  # T_OBJECT stores None, which tp_traverse then visits
    assert gc.get_referents(n) == [None]
    x = object()
    n.ref = x
    assert gc.get_referents(n) == [x]
    del n.ref
    assert gc.get_referents(n) == []
    assert gc.get_referents(c.gc_new_var(3)) == [0, 1, 2]


@harness.differs_on_rustpy("gc.get_referrers scans the VM's objects, which do not see the references C objects hold")
def test_get_referrers_finds_node():
    x = P()
    n = Node()
    n.ref = x
    assert any(r is n for r in gc.get_referrers(x))


def test_pygc_collect_from_c():
    gc.collect()
    d0 = count("node_deallocs")
    r = c.two_node_cycle()
    assert gc.isenabled()
    assert c.collect() >= 2
    assert r() is None
    assert count("node_deallocs") == d0 + 2


def test_pygc_collect_does_nothing_while_disabled():
    with gc_paused():
        d0 = count("node_deallocs")
        r = c.two_node_cycle()
        # documented: PyGC_Collect collects only if the collector is enabled
        assert c.collect() == 0
        assert r() is not None
        assert count("node_deallocs") == d0
        gc.collect()
        assert r() is None
        assert count("node_deallocs") == d0 + 2


def test_pygc_enable_disable():
    assert gc.isenabled()
    try:
        assert c.gc_switch(False) == (1, 0)
        assert gc.isenabled() is False
        assert c.gc_switch(False) == (0, 0)
        assert c.gc_switch(True) == (0, 1)
        assert gc.isenabled() is True
    finally:
        gc.enable()


# ---- finalizers -----------------------------------------------------------


def test_del_of_python_subclass_runs_once_in_cycle():
    log = []

    class PNode(Node):
        def __del__(self):
            log.append(self.tag)

    with gc_paused():
        d0 = count("node_deallocs")
        p = PNode(tag=7)
        p.ref = p
        del p
        assert log == []
        gc.collect()
        assert log == [7]
        assert count("node_deallocs") == d0 + 1
        gc.collect()
        assert log == [7]


def test_del_of_python_subclass_runs_once_on_refcount_death():
    log = []

    class PNode(Node):
        def __del__(self):
            log.append(self.tag)

    with gc_paused():
        d0 = count("node_deallocs")
        p = PNode(tag=8)
        del p
        assert log == [8]
        assert count("node_deallocs") == d0 + 1


def test_resurrected_object_is_finalized_only_once():
    log = []
    keep = []

    class Phoenix(Node):
        def __del__(self):
            log.append(self.tag)
            keep.append(self)

    with gc_paused():
        d0 = count("node_deallocs")
        p = Phoenix(tag=9)
        p.ref = p
        assert c.is_finalized(p) is False
        del p
        gc.collect()
        assert log == [9] and len(keep) == 1
        assert c.is_finalized(keep[0]) is True
        assert count("node_deallocs") == d0
        r = weakref.ref(keep[0])
        keep.clear()
        gc.collect()
        assert r() is None
        assert log == [9]  # not run again
        assert count("node_deallocs") == d0 + 1


def test_c_tp_finalize_once_on_refcount_death():
    with gc_paused():
        f0 = count("fin_finalizes")
        d0 = count("fin_deallocs")
        f = c.FinNode()
        del f
        assert count("fin_finalizes") == f0 + 1
        assert count("fin_deallocs") == d0 + 1


def test_c_tp_finalize_once_in_cycle():
    with gc_paused():
        f0 = count("fin_finalizes")
        d0 = count("fin_deallocs")
        f = c.FinNode()
        f.ref = f
        del f
        assert count("fin_finalizes") == f0
        gc.collect()
        # the collector finalizes, then dealloc's own call is a no-op
        assert count("fin_finalizes") == f0 + 1
        assert count("fin_deallocs") == d0 + 1


# ---- weak references ------------------------------------------------------


def test_weakref_new_ref_without_callback():
    n = Node(tag=1)
    r = c.new_ref(n, None)
    assert type(r) is weakref.ref
    assert r() is n
    assert c.get_object(r) is n
    # without a callback the basic weakref is shared, as weakref.ref(n)
    assert weakref.ref(n) is r
    assert weakref.getweakrefcount(n) == 1


def test_weakref_new_ref_with_callback():
    calls = []
    n = Node()
    r = c.new_ref(n, calls.append)
    assert type(r) is weakref.ref
    assert r() is n
    assert r is not weakref.ref(n)
    with gc_paused():
        d0 = count("node_deallocs")
        del n
        assert count("node_deallocs") == d0 + 1
    assert calls == [r]
    assert r() is None


def test_weakref_callback_once_when_cycle_collected():
    calls = []
    with gc_paused():
        n = Node()
        n.ref = n
        r = c.new_ref(n, calls.append)
        r_py = weakref.ref(n, calls.append)
        del n
        assert calls == []
        gc.collect()
        assert len(calls) == 2
        assert any(x is r for x in calls) and any(x is r_py for x in calls)
        gc.collect()
        assert len(calls) == 2


def test_weakref_callback_written_in_c():
    calls0, dead0 = c.callback_counts()
    n = Node()
    r = c.new_ref_counting(n)
    assert r() is n
    del n
    assert c.callback_counts() == (calls0 + 1, dead0 + 1)
    with gc_paused():
        n = Node()
        n.ref = n
        r = c.new_ref_counting(n)
        del n
        gc.collect()
    assert r() is None
    assert c.callback_counts() == (calls0 + 2, dead0 + 2)


def test_dead_weakref_gives_none():
    n = Node()
    r = weakref.ref(n)
    assert c.get_object(r) is n
    del n  # tp_dealloc's PyObject_ClearWeakRefs kills r at once
    assert r() is None
    assert c.get_object(r) is None


def test_weakref_get_ref():
    if c.PY_VERSION_HEX < 0x030D0000:
        # PyWeakref_GetRef is new in 3.13: the module built against the
        # CPython 3.11 oracle's headers has no get_ref.  Our layer (3.14
        # API) runs this test.
        return
    n = Node()
    r = weakref.ref(n)
    assert c.get_ref(r) == (1, n)
    assert c.get_ref(r)[1] is n
    del n
    assert c.get_ref(r) == (0, None)
    raises_exact(TypeError, c.get_ref, 1)


def test_weakref_proxy():
    calls = []
    n = Node(tag=4)
    p = c.new_proxy(n, None)
    assert type(p) is weakref.ProxyType
    assert p.tag == 4
    p.tag = 5
    assert n.tag == 5
    p2 = c.new_proxy(n, calls.append)
    del n
    assert calls == [p2]
    raises_exact(ReferenceError, getattr, p, "tag")


@harness.differs_on_rustpy("error messages name a C type by its __name__; CPython uses tp_name (module.Name), RustPython formats them from the heap type's name")
def test_weakref_to_non_weakrefable_is_typeerror():
    raises_exact(TypeError, c.new_ref, 1, None, match="cannot create weak reference to 'int' object")
    raises_exact(TypeError, c.new_ref, c.gc_new_var(1), None,
                 match="cannot create weak reference to 'capi_gc.VarNode' object")
    raises_exact(TypeError, c.new_proxy, "s", None)


def test_weakref_get_object_of_non_weakref_is_error():
    raises_exact(SystemError, c.get_object, 1)


def test_weakref_to_python_subclass_of_node():
    class PNode(Node):
        pass

    calls = []
    n = PNode()
    r = c.new_ref(n, calls.append)
    assert r() is n
    del n
    assert calls == [r]
    assert r() is None


# ---- exceptions made in C -------------------------------------------------


def test_new_exception_default_base():
    E = c.MyError
    assert E.__bases__ == (Exception,)
    assert E.__module__ == "capi_gc"
    assert E.__name__ == "MyError"
    assert E.__qualname__ == "MyError"
    assert E.__doc__ is None
    e = E("a", 1)
    assert e.args == ("a", 1)
    assert isinstance(e, Exception)


def test_new_exception_tuple_of_bases():
    M = c.MultiError
    assert M.__bases__ == (c.MyError, ValueError)
    assert M.__mro__ == (M, c.MyError, ValueError, Exception, BaseException, object)
    e = raises_exact(M, c.raise_with, M, "both")
    assert isinstance(e, ValueError) and isinstance(e, c.MyError)
    assert str(e) == "both"


def test_new_exception_single_base_from_python():
    E = c.new_exception("pkg.sub.Err", KeyError, None)
    assert E.__mro__[:2] == (E, KeyError)
    assert E.__module__ == "pkg.sub"
    assert E.__name__ == "Err"
    raises_exact(E, c.raise_with, E, "k")


def test_new_exception_dict_attribute_and_method():
    D = c.DictError
    assert D.__bases__ == (Exception,)
    assert D.code == 7
    e = D("x", 2)
    assert e.code == 7
    assert e.describe() == "described ('x', 2)"
    d = {"flag": True}
    E = c.new_exception("m.E", None, d)
    assert E.flag is True


def test_new_exception_with_doc():
    assert c.DocError.__doc__ == "Raised with a docstring."
    assert c.DocError.__bases__ == (LookupError,)
    assert c.DocError.__module__ == "capi_gc"
    E = c.new_exception_with_doc("m.Doc", "the doc", None, None)
    assert E.__doc__ == "the doc" and E.__bases__ == (Exception,)
    E = c.new_exception_with_doc("m.NoDoc", None, (TypeError,), None)
    assert E.__doc__ is None and E.__bases__ == (TypeError,)


def test_new_exception_name_needs_a_dot():
    raises_exact(SystemError, c.new_exception, "nodot", None, None,
                 match="PyErr_NewException: name must be module.class")


def test_raise_from_c_and_catch_in_python():
    e = raises_exact(c.MyError, c.raise_my_error, "from C")
    assert str(e) == "from C"
    assert e.args == ("from C",)
    try:
        c.raise_my_error("again")
    except Exception as e2:
        assert type(e2) is c.MyError
    else:
        raise AssertionError("no exception")


def test_exception_matches_in_c():
    def raiser(exc):
        def f():
            raise exc("x")

        return f

    class PySub(c.MyError):
        pass

    assert c.catches_my_error(raiser(c.MyError)) is True
    assert c.catches_my_error(raiser(PySub)) is True
    assert c.catches_my_error(raiser(c.MultiError)) is True
    assert c.catches_my_error(lambda: None) is False
    raises_exact(ValueError, c.catches_my_error, raiser(ValueError))
    assert c.catches(raiser(c.MultiError), ValueError) is True
    assert c.catches(raiser(c.MyError), (KeyError, c.MyError)) is True
    raises_exact(c.MyError, c.catches, raiser(c.MyError), ValueError)


# ---- a static subtype of Exception with a C field --------------------------


@harness.differs_on_rustpy("BaseException.__basicsize__ is RustPython's own size, not sizeof(PyBaseExceptionObject)")
def test_static_exception_type_layout():
    R = c.RichError
    assert R.__bases__ == (Exception,)
    assert R.__module__ == "capi_gc"
    assert R.__name__ == "RichError"
    assert R.__doc__ == "An exception type with a C field."
    # the runtime's BaseException layout is the one PyBaseExceptionObject
    # describes, and ours extends it
    assert c.BASE_EXCEPTION_SIZE == BaseException.__basicsize__
    assert R.__basicsize__ == c.RICH_BASICSIZE
    assert R.__basicsize__ > BaseException.__basicsize__
    assert R.__flags__ & (1 << 30)  # Py_TPFLAGS_BASE_EXC_SUBCLASS, inherited


def test_static_exception_raised_from_c():
    e = raises_exact(c.RichError, c.raise_rich, "boom", 42)
    assert e.code == 42
    assert c.rich_code(e) == 42
    assert str(e) == "boom"
    assert e.args == ("boom",)
    assert repr(e) == "RichError('boom')"
    assert e.__traceback__ is not None
    e.code = 43
    assert c.rich_code(e) == 43


def test_static_exception_from_non_instance_value():
    # PyErr_SetObject with a plain value: caught as RichError(value)
    e = raises_exact(c.RichError, c.raise_rich_value, "v")
    assert e.args == ("v",) and e.code == 0
    e = raises_exact(c.RichError, c.raise_rich_value, ("a", 1))
    assert e.args == ("a", 1)


def test_static_exception_made_in_python():
    e = c.RichError("p", 1)
    assert e.args == ("p", 1) and e.code == 0
    e.code = 5
    assert c.rich_code(e) == 5
    e.note = "has a __dict__"
    assert e.note == "has a __dict__"


def test_static_exception_subclassed_in_python():
    class Mine(c.RichError):
        def __init__(self, msg, code):
            super().__init__(msg)
            self.code = code

    try:
        raise Mine("m", 9)
    except c.RichError as e:
        assert type(e) is Mine
        assert e.code == 9 and c.rich_code(e) == 9
        assert e.args == ("m",)
    assert c.catches(lambda: c.raise_rich("r", 1), Exception) is True


# ---- a million objects ----------------------------------------------------

MILLION = 10 ** 6
# A Node is 40 bytes plus the GC header, so leaking every one of a million
# would add well over 50 MB; 20 MB leaves room for allocator and arena
# noise between two equal rounds.
RSS_GROWTH_LIMIT_KB = 20 * 1024


def test_cycles_made_on_threads_are_collected():
    # Several threads make C-C and C-Python cycles while others collect:
    # every node is deallocated exactly once, and nothing deadlocks.
    import threading

    class P:
        pass

    def work(rounds):
        for i in range(rounds):
            a, b = Node(), Node()
            a.ref, b.ref = b, a
            p, n = P(), Node()
            n.ref, p.n = p, n
            if i % 100 == 0:
                gc.collect()

    with gc_paused():
        d0 = count("node_deallocs")
        threads = [threading.Thread(target=work, args=(500,)) for _ in range(4)]
        for t in threads:
            t.start()
        for _ in range(10):
            gc.collect()
        for t in threads:
            t.join()
        gc.collect()
        assert count("node_deallocs") == d0 + 4 * 500 * 3


def test_million_nodes_from_c():
    gc.collect()  # no earlier garbage left for an automatic collection
    d0 = count("node_deallocs")
    c.churn(MILLION)
    assert count("node_deallocs") == d0 + MILLION
    rss1 = rss_kb()
    c.churn(MILLION)
    assert count("node_deallocs") == d0 + 2 * MILLION
    rss2 = rss_kb()
    assert rss2 - rss1 < RSS_GROWTH_LIMIT_KB, (rss1, rss2)


def test_million_nodes_from_python():
    gc.collect()  # no earlier garbage left for an automatic collection
    d0 = count("node_deallocs")
    for _ in range(MILLION):
        Node()
    assert count("node_deallocs") == d0 + MILLION
    rss1 = rss_kb()
    for _ in range(MILLION):
        Node()
    assert count("node_deallocs") == d0 + 2 * MILLION
    rss2 = rss_kb()
    assert rss2 - rss1 < RSS_GROWTH_LIMIT_KB, (rss1, rss2)


def test_getsizeof_counts_the_gc_header():
    # CPython: __sizeof__ plus the GC header (two pointers) for a collected type.
    n = c.gc_new(5)
    assert n.__sizeof__() == Node.__basicsize__
    assert sys.getsizeof(n) == n.__sizeof__() + 2 * struct.calcsize("P")


def test_cycle_through_objects_c_was_only_lent_is_collected():
    # A bound method C was lent (an argument) or got and let go of
    # (PyObject_GetAttr) does not keep its cycle alive.
    class Holder:
        def meth(self):
            return ()

    for lend in (lambda h: c.is_tracked(h.keep), lambda h: c.getattr_and_drop(h, "keep")):
        h = Holder()
        h.keep = h.meth
        lend(h)
        r = weakref.ref(h)
        del h
        gc.collect()
        assert r() is None


if __name__ == "__main__":
    harness.run(globals())
