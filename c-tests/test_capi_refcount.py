"""Check for capi_refcount: the reference-count model seen from C (no
sys.getrefcount), borrowed references, identity across the boundary, and
that objects die when their last reference goes."""

import gc
import os
import weakref

import harness

import capi_refcount as c


class Tracked:
    """Appends its id tag to `died` when finalized."""

    died = []
    counter = 0

    def __init__(self):
        Tracked.counter += 1
        self.tag = Tracked.counter

    def __del__(self):
        Tracked.died.append(self.tag)


def last_tag():
    return Tracked.counter


# ---- counts of fresh objects ---------------------------------------------


def test_fresh_object_counts():
    for name in ("fresh_list", "fresh_dict", "fresh_tuple", "fresh_float",
                 "fresh_int", "fresh_str", "fresh_bytes"):
        assert getattr(c, name)() == (1, 2, 1), name


def test_fresh_instance_count():
    class Plain:
        pass

    assert c.fresh_instance(Plain) == (1, 2, 1)
    assert c.fresh_instance(list) == (1, 2, 1)


def test_incref_deltas():
    # only deltas: the absolute count of an object Python holds is not
    # something C should rely on
    for o in (object(), [1], {"a": 1}, 10 ** 20, "some text " * 3, Tracked()):
        assert c.incref_deltas(o) == (1, 0, 1, 0, 1, 1, 0), o


def test_null_safe_macros():
    assert c.null_safe_macros() is True


# ---- stealing ------------------------------------------------------------


def test_list_setitem_steals():
    assert c.list_setitem_steals() == ((2, 1), 2.5)


def test_tuple_setitem_steals():
    assert c.tuple_setitem_steals() == (2, 1)


def test_append_does_not_steal():
    # A list C made holds its items in its memory, counted as CPython's.
    assert c.append_setitem_do_not_steal()[:2] == (2, 1)


def test_dict_setitem_does_not_steal():
    assert c.append_setitem_do_not_steal()[2:] == (2, 1, 2, 1)


def test_held_by_a_python_dict():
    d = {}
    assert c.held_by_dict(d, "key") == (1, 2, 1)
    assert d == {}


def test_count_includes_python_holders():
    # a variable here and the call's argument: at least 2, as in CPython;
    # each further holder adds exactly one
    o = object()
    alone = c.refcnt(o)
    assert alone >= 2
    d = {"k": o}
    in_dict = c.refcnt(o)
    l = [o, o]
    assert (in_dict - alone, c.refcnt(o) - in_dict) == (1, 2)
    del d, l
    assert c.refcnt(o) == alone


def test_getrefcount_counts_what_c_holds():
    import sys

    o = object()
    before = sys.getrefcount(o)
    c.store(o)
    assert sys.getrefcount(o) == before + 1
    c.release()
    assert sys.getrefcount(o) == before


def test_buildvalue_O_adds_N_takes():
    assert c.buildvalue_O_N() == (2, 1, 1)


# ---- borrowed references -------------------------------------------------


def test_borrowed_tuple_item_stays_valid():
    o = object()
    t = (1, o, "x" * 50)
    same, item = c.borrowed_tuple_item(t, 1)
    assert same is True
    assert item is o
    same, item = c.borrowed_tuple_item(t, 2)
    assert same is True and item == "x" * 50


def test_borrowed_list_item_survives_gc():
    # items made by Python that C has never seen before
    l = [float(i) + 0.5 for i in range(20)]
    same, item, value = c.borrowed_list_item(l, 7, gc.collect)
    assert same is True
    assert item is l[7]
    assert value == 7.5
    # again, the item now has been seen by C once already
    same, item, value = c.borrowed_list_item(l, 7, gc.collect)
    assert same is True and item is l[7] and value == 7.5


def test_borrowed_list_item_python_only_reference():
    # the list is the only holder of its items
    l = [float(i) * 3 for i in range(5)]
    same, item, value = c.borrowed_list_item(l, 4, lambda: None)
    assert same is True and value == 12.0


def test_borrowed_dict_item_survives_gc():
    d = {"k": [1, 2, 3], "other": None}
    same, item, s = c.borrowed_dict_item(d, "k", gc.collect)
    assert same is True
    assert item is d["k"]
    assert s == "[1, 2, 3]"


def test_borrowed_from_c_tuple():
    assert c.borrowed_from_c_tuple() == (12345678901, "second item")


def test_sum_borrowed():
    l = list(range(100000))
    assert c.sum_borrowed(l) == sum(l)
    assert c.sum_borrowed(l) == sum(l)


# ---- identity ------------------------------------------------------------


def test_same_object_same_pointer():
    o = object()
    assert c.same(o, o) is True
    assert c.same(o, object()) is False
    l = [1]
    assert c.same(l, l) is True
    s = "text"
    assert c.same(s, s) is True
    big = 10 ** 30
    assert c.same(big, big) is True
    f = 1.5
    assert c.same(f, f) is True
    assert c.same(None, None) is True
    assert c.same(c, c) is True
    assert c.same(int, int) is True


def test_pointer_stable_across_calls():
    o = object()
    p = c.ptr_of(o)
    assert isinstance(p, int) and p != 0
    for _ in range(10):
        c.churn(100)
        assert c.ptr_of(o) == p
    other = object()
    assert c.ptr_of(other) != p
    items = [[i] for i in range(100)]
    ptrs = [c.ptr_of(x) for x in items]
    assert len(set(ptrs)) == 100
    assert [c.ptr_of(x) for x in items] == ptrs


def test_getattr_twice_same_pointer():
    class A:
        pass

    a = A()
    a.attr = [1, 2]
    assert c.getattr_twice_same(a, "attr") is True
    assert c.getattr_twice_same(A, "__name__") is True
    assert c.getattr_twice_same(c, "same") is True


def test_c_object_round_trip_identity():
    l, p = c.list_and_ptr()
    assert type(l) is list
    assert c.ptr_of(l) == p
    l.append(1)
    assert c.ptr_of(l) == p
    assert c.same(l, l) is True


# ---- lifetime ------------------------------------------------------------


def test_created_and_dropped_in_c_is_freed():
    before = len(Tracked.died)
    c.create_and_drop(Tracked)
    assert len(Tracked.died) == before + 1
    assert Tracked.died[-1] == last_tag()


def test_created_passed_and_dropped_is_freed():
    seen = []
    before = len(Tracked.died)
    c.create_pass_drop(Tracked, lambda o: seen.append(o.tag))
    # seen holds the tag, not the object
    assert seen == [last_tag()]
    assert len(Tracked.died) == before + 1
    assert Tracked.died[-1] == last_tag()


def test_kept_by_python_is_not_freed():
    keep = []
    before = len(Tracked.died)
    c.create_pass_drop(Tracked, keep.append)
    assert len(Tracked.died) == before
    assert isinstance(keep[0], Tracked)
    tag = keep[0].tag
    keep.clear()
    assert Tracked.died[-1] == tag


def test_weakref_dies_with_c_reference():
    called = []
    w = c.create_weakref_drop(Tracked, lambda o: weakref.ref(o, called.append))
    assert isinstance(w, weakref.ref)
    assert w() is None
    assert called == [w]


def test_containers_made_in_c_keep_and_free():
    before = len(Tracked.died)
    alive_while_held = c.create_in_containers_drop(Tracked, lambda: len(Tracked.died))
    assert alive_while_held == before
    assert len(Tracked.died) == before + 1


def test_returned_to_python_then_dropped_is_freed():
    before = len(Tracked.died)
    c.make_instance(Tracked)
    assert len(Tracked.died) == before + 1
    o = c.make_instance(Tracked)
    assert len(Tracked.died) == before + 1
    tag = o.tag
    del o
    assert Tracked.died[-1] == tag


def test_c_reference_keeps_python_object_alive():
    o = Tracked()
    tag = o.tag
    w = weakref.ref(o)
    c.store(o)
    del o
    gc.collect()
    assert w() is not None
    assert tag not in Tracked.died
    assert c.stored_is(w()) is True
    c.release()
    assert w() is None
    assert Tracked.died[-1] == tag


def rss_kib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)


def test_steady_state_memory_is_flat():
    class Fresh:
        pass

    def crossings(n):
        for i in range(n):
            c.drop(Fresh())  # Python -> C, dropped by both
            c.new_float(i)  # C -> Python, dropped by both
            c.drop([i])

    crossings(50000)
    gc.collect()
    before = rss_kib()
    crossings(200000)
    gc.collect()
    grown = rss_kib() - before
    # 600000 crossings: anything kept per crossing would be tens of MB.
    assert grown < 8 * 1024, "RSS grew by %d KiB" % grown
    if harness.ON_RUSTPY:
        import _cpyext

        # Proxies both sides let go of are swept as the table grows, so the
        # table stays bounded instead of growing with the crossings.
        assert _cpyext.live_proxies() < 20000, _cpyext.live_proxies()


def test_many_objects():
    c.churn(100000)
    c.churn_calls(lambda i: [i, str(i)], 100000)


if __name__ == "__main__":
    harness.run(globals())
