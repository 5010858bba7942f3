"""Check for capi_steal: functions that steal a reference do so on every
path the documentation gives them, no more and no less.

PyList_SetItem and PyTuple_SetItem steal the item even when they fail;
PyErr_Restore steals type, value and traceback; PyModule_AddObject steals
only on success, PyModule_AddObjectRef never, PyModule_Add (3.13+) always.
A mistake is a leak or a double free in every extension that trusts the
contract.

Deaths of capi_steal.Sentinel objects are counted by their tp_dealloc
(c.deallocs()), so "released" is seen directly instead of through
reference counts, whose absolute values differ on rustpy.  The C functions
report deaths as deltas at each step; a leak shows as too few, a double
free as too many (or a crash)."""

import gc
import sys
import types

import harness

import capi_steal as c

Sentinel = c.Sentinel

BAD_INTERNAL_CALL = "bad argument to internal function"
NOT_A_MODULE = "PyModule_AddObjectRef() first argument must be a module"
NULL_WITHOUT_ERROR = (
    "PyModule_AddObjectRef() must be called with an exception raised if value is NULL"
)


def deaths_since(d0):
    return c.deallocs() - d0


_live_base = [0]


def settled(d0, expected):
    """At the end of a test: after a collection no sentinel dies late (a
    reference kept somewhere, freed on some later clear or collection), and
    no new one is left alive (a leak, wherever it happened)."""
    gc.collect()
    live, base = c.live(), _live_base[0]
    _live_base[0] = live  # a leak fails the test that made it, not all later ones
    assert deaths_since(d0) == expected, (deaths_since(d0), expected)
    assert live == base, "%d sentinels leaked" % (live - base)


def check_exc(e, exc_type, message=None, contains=None):
    assert type(e) is exc_type, "expected %s, got %r" % (exc_type.__name__, e)
    if message is not None:
        assert str(e) == message, str(e)
    if contains is not None:
        assert contains in str(e), str(e)


# rustpy: the item's proxy link, made owning again when C was handed the
# item as a borrowed result (PyList_GetItem, PyErr_Fetch's value), keeps a
# C-type instance until the next proxy sweep (gc.collect()) instead of
# freeing it with its container: the object model's rule 4a (proxy.rs).
LATE_FREE = (
    "an instance C borrowed is freed at the next proxy sweep, not with its container"
)


# ---- the sentinel itself --------------------------------------------------


def test_sentinel_death_is_counted():
    # the instrument every other test relies on
    d0 = c.deallocs()
    s = c.make_sentinel()
    assert type(s) is Sentinel
    assert deaths_since(d0) == 0 and c.live() == 1
    del s
    assert deaths_since(d0) == 1
    Sentinel()  # tp_new too; dropped at once
    settled(d0, 2)


# ---- PyList_SetItem -------------------------------------------------------


def test_list_setitem_success_list_owns_item():
    l = [None, None]
    d0 = c.deallocs()
    assert c.list_setitem(l, 1) == (0, 0, None)
    assert l[0] is None and type(l[1]) is Sentinel
    assert deaths_since(d0) == 0
    del l
    settled(d0, 1)


def test_list_setitem_list_subclass():
    # PyList_Check accepts subclasses
    class L(list):
        pass

    l = L([None])
    d0 = c.deallocs()
    assert c.list_setitem(l, 0) == (0, 0, None)
    assert type(l[0]) is Sentinel
    l[0] = None
    settled(d0, 1)


def test_list_setitem_releases_replaced_item():
    l = [c.make_sentinel()]  # the list holds the only reference
    d0 = c.deallocs()
    assert c.list_setitem(l, 0) == (0, 1, None)  # the old item died at once
    assert type(l[0]) is Sentinel
    l.clear()
    settled(d0, 2)


def test_list_setitem_owned_in_c():
    # made, filled and dropped in C: the list alone decides the lifetime
    d0 = c.deallocs()
    try:
        assert c.list_setitem_owned() == (0, 0, True, 1)
    finally:
        gc.collect()  # a late free must not count against the next test
    settled(d0, 1)


def test_list_setitem_bad_index_still_steals():
    # no negative indexing in the C API: -1 is out of range too
    for i in (1, 2, 100, -1, -2, sys.maxsize, -sys.maxsize - 1):
        l = [None]
        d0 = c.deallocs()
        rc, freed, e = c.list_setitem(l, i)
        assert (rc, freed) == (-1, 1), (i, rc, freed)
        check_exc(e, IndexError, "list assignment index out of range")
        assert l == [None]
        del l
        settled(d0, 1)


def test_list_setitem_not_a_list_still_steals():
    for target in ((None,), {}, object(), "text", 5, None):
        d0 = c.deallocs()
        rc, freed, e = c.list_setitem(target, 0)
        assert (rc, freed) == (-1, 1), (target, rc, freed)
        check_exc(e, SystemError, contains=BAD_INTERNAL_CALL)
        settled(d0, 1)


# ---- PyTuple_SetItem ------------------------------------------------------


def test_tuple_setitem_fresh_success():
    # held while the tuple lives, released with it
    for i in (0, 1):
        d0 = c.deallocs()
        assert c.tuple_setitem_fresh(i) == (0, 0, None, 1), i
        settled(d0, 1)


def test_tuple_setitem_returned_owned_by_python():
    d0 = c.deallocs()
    t, rc = c.tuple_setitem_returned()
    assert rc == 0
    assert type(t[0]) is Sentinel and t[1] is None
    assert deaths_since(d0) == 0
    del t
    settled(d0, 1)


def test_tuple_setitem_releases_replaced_item():
    d0 = c.deallocs()
    assert c.tuple_setitem_replace() == (1, 2)
    settled(d0, 2)


def test_tuple_setitem_bad_index_still_steals():
    for i in (2, 3, -1, -3, sys.maxsize, -sys.maxsize - 1):
        d0 = c.deallocs()
        rc, freed, e, after = c.tuple_setitem_fresh(i)
        assert (rc, freed, after) == (-1, 1, 1), (i, rc, freed, after)
        check_exc(e, IndexError, "tuple assignment index out of range")
        settled(d0, 1)


def test_tuple_setitem_shared_tuple_still_steals():
    # a tuple with a second reference may not change: SystemError, the
    # slot is left alone, and the item is released all the same
    d0 = c.deallocs()
    rc, freed, e, after, untouched = c.tuple_setitem_shared()
    assert (rc, freed, after, untouched) == (-1, 1, 1, True)
    check_exc(e, SystemError, contains=BAD_INTERNAL_CALL)
    settled(d0, 1)


def test_tuple_setitem_python_tuple_is_systemerror():
    # a tuple Python holds is never fresh: changing it would change an
    # immutable value others can see
    t = (None, None)
    d0 = c.deallocs()
    rc, freed, e = c.tuple_setitem(t, 0)
    assert (rc, freed) == (-1, 1)
    check_exc(e, SystemError, contains=BAD_INTERNAL_CALL)
    assert t == (None, None)
    settled(d0, 1)


def test_tuple_setitem_not_a_tuple_still_steals():
    for target in ([None], {}, object(), "text", None):
        d0 = c.deallocs()
        rc, freed, e = c.tuple_setitem(target, 0)
        assert (rc, freed) == (-1, 1), (target, rc, freed)
        check_exc(e, SystemError, contains=BAD_INTERNAL_CALL)
        settled(d0, 1)
    l = [None]
    c.tuple_setitem(l, 0)
    assert l == [None]


# ---- PyErr_Restore --------------------------------------------------------


def a_traceback():
    try:
        raise KeyError("for its traceback")
    except KeyError as e:
        return e.__traceback__


def test_restore_fetch_round_trip():
    # (deaths while set, PyErr_Occurred, same type, same value, no tb,
    #  deaths after fetch, deaths after drop, type refcount delta)
    d0 = c.deallocs()
    assert c.restore_fetch() == (0, True, True, True, True, 0, 1, 0)
    settled(d0, 1)


def test_restore_clear_releases_all():
    d0 = c.deallocs()
    assert c.restore_clear() == (0, 1, True, 0)
    settled(d0, 1)


def test_restore_with_traceback_fetch():
    tb = a_traceback()
    d0 = c.deallocs()
    # (same traceback fetched, deaths, traceback refcount delta, type delta)
    assert c.restore_traceback(tb, False) == (True, 1, 0, 0)
    settled(d0, 1)


def test_restore_with_traceback_clear():
    tb = a_traceback()
    d0 = c.deallocs()
    assert c.restore_traceback(tb, True) == (None, 1, 0, 0)
    settled(d0, 1)


def test_restore_releases_pending_exception():
    # a second Restore drops the first exception at once
    d0 = c.deallocs()
    assert c.restore_replaces() == (1, 2)
    settled(d0, 2)


def test_restore_null_clears_and_releases():
    d0 = c.deallocs()
    assert c.restore_null_clears() == (1, True)
    settled(d0, 1)


@harness.differs_on_rustpy(LATE_FREE)
def test_restore_unnormalized_value_fetch():
    # the value is the sentinel itself; normalized it becomes the args of
    # a StealError, and dies with it
    d0 = c.deallocs()
    try:
        assert c.restore_unnormalized(False) == (0, True, True, 1)
    finally:
        gc.collect()
    settled(d0, 1)


def test_restore_unnormalized_value_clear():
    d0 = c.deallocs()
    assert c.restore_unnormalized(True) == (0, None, None, 1)
    settled(d0, 1)


def test_restore_bad_traceback_is_released():
    # a traceback that is not a traceback object is released at once; what
    # is left pending changed in 3.12
    d0 = c.deallocs()
    at_return, exc_type, message, after = c.restore_bad_traceback()
    if c.PY_VERSION_HEX >= 0x030C0000:
        # rejected with TypeError: the value (and its sentinel) go too
        assert at_return == 2
        assert exc_type is TypeError
        assert message == "traceback must be a Traceback or None"
    else:
        # 3.11 drops just the traceback and keeps the exception
        assert at_return == 1
        assert exc_type is c.StealError
    assert after == 2
    settled(d0, 2)


# ---- PyModule_AddObject: steals only on success ---------------------------


class ModuleSub(types.ModuleType):
    pass


def check_add_success(add):
    for m in (types.ModuleType("target"), ModuleSub("target")):
        d0 = c.deallocs()
        # the caller dropped its share as the contract says: the module's
        # reference is the only one left
        assert add(m, b"s") == (0, 0, None, 0)
        assert type(m.s) is Sentinel
        del m.s
        settled(d0, 1)


def check_add_failures(add, stolen):
    """`stolen`: the function releases the value itself on failure, so the
    sentinel is dead when it returns; otherwise the caller's Py_DECREF
    frees it."""
    at_return = 1 if stolen else 0
    for target in ({}, object(), None, "module"):
        d0 = c.deallocs()
        rc, freed, e, after = add(target, b"s")
        assert (rc, freed, after) == (-1, at_return, 1), (target, rc, freed, after)
        check_exc(e, TypeError, NOT_A_MODULE)
        settled(d0, 1)
    # a name that is not UTF-8: the module is right, the dict store fails
    m = types.ModuleType("target")
    d0 = c.deallocs()
    rc, freed, e, after = add(m, b"\xff")
    assert (rc, freed, after) == (-1, at_return, 1), (rc, freed, after)
    check_exc(e, UnicodeDecodeError, contains="can't decode byte 0xff")
    assert not any(type(v) is Sentinel for v in vars(m).values())
    settled(d0, 1)


def test_add_object_success_module_owns():
    check_add_success(c.add_object)


def test_add_object_failure_caller_keeps():
    check_add_failures(c.add_object, stolen=False)


def test_add_object_module_made_in_c():
    d0 = c.deallocs()
    assert c.module_owns(c.ADD_OBJECT) == (0, 0, True, 1)
    settled(d0, 1)


# ---- PyModule_AddObjectRef: never steals ----------------------------------


def test_add_object_ref_success_caller_keeps():
    check_add_success(c.add_object_ref)


def test_add_object_ref_failure_caller_keeps():
    check_add_failures(c.add_object_ref, stolen=False)


def test_add_object_ref_module_made_in_c():
    d0 = c.deallocs()
    assert c.module_owns(c.ADD_OBJECT_REF) == (0, 0, True, 1)
    settled(d0, 1)


# ---- PyModule_Add (3.13+): always steals ----------------------------------


def has_add():
    if c.PY_VERSION_HEX < 0x030D0000:
        # PyModule_Add is new in 3.13: the module built against the
        # CPython 3.11 oracle's headers has no add.  Our layer (3.14 API)
        # runs these tests.
        assert not hasattr(c, "add")
        return False
    return True


def test_add_success_module_owns():
    if not has_add():
        return
    check_add_success(c.add)


def test_add_failure_still_steals():
    if not has_add():
        return
    check_add_failures(c.add, stolen=True)


def test_add_module_made_in_c():
    if not has_add():
        return
    d0 = c.deallocs()
    assert c.module_owns(c.ADD) == (0, 0, True, 1)
    settled(d0, 1)


# ---- a NULL value: nothing to steal, the error must be right ---------------


def null_value_functions():
    which = [c.ADD_OBJECT, c.ADD_OBJECT_REF]
    if has_add():
        which.append(c.ADD)
    return which


def test_add_null_value_keeps_the_pending_error():
    # the idiom PyModule_AddObject(m, name, PyLong_FromLong(...)): a failed
    # constructor's error is what the caller sees
    for which in null_value_functions():
        rc, e = c.add_null(which, types.ModuleType("target"), True)
        assert rc == -1, which
        check_exc(e, c.StealError, "from the constructor")


def test_add_null_value_without_error_is_systemerror():
    for which in null_value_functions():
        rc, e = c.add_null(which, types.ModuleType("target"), False)
        assert rc == -1, which
        check_exc(e, SystemError, NULL_WITHOUT_ERROR)


def test_add_null_value_to_non_module_is_typeerror():
    # CPython checks the module first: its TypeError replaces a pending
    # error
    for which in null_value_functions():
        for with_error in (False, True):
            rc, e = c.add_null(which, {}, with_error)
            assert rc == -1, which
            check_exc(e, TypeError, NOT_A_MODULE)


if __name__ == "__main__":
    harness.run(globals())
