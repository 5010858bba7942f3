"""Check for capi_containers: PyTuple_*, PyList_*, PyDict_*."""

import harness
from harness import raises_exact

import capi_containers as c

BAD_INTERNAL_CALL = "bad argument to internal function"


class TupleSub(tuple):
    pass


class ListSub(list):
    pass


class DictSub(dict):
    pass


class BadEq:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        raise KeyError("from __eq__")


class BadHash:
    def __hash__(self):
        raise KeyError("from __hash__")


# ---- tuple ---------------------------------------------------------------


def test_tuple_new():
    t = c.tuple_new(5)
    assert type(t) is tuple
    assert t == (0, 1, 4, 9, 16)
    assert c.tuple_new(0) == ()
    assert c.tuple_new_macro(4) == (0, 1, 4, 9)
    big = c.tuple_new_macro(10000)
    assert len(big) == 10000 and big[-1] == 9999 ** 2


def test_tuple_get_item():
    o = object()
    t = (1, "a", o)
    assert c.tuple_get_item(t, 0) == 1
    assert c.tuple_get_item(t, 1) == "a"
    assert c.tuple_get_item(t, 2) is o
    assert c.tuple_get_item(TupleSub((5, 6)), 1) == 6
    assert c.tuple_get_item_macro(t, 2) is o
    assert c.tuple_get_item_macro(t, 0) == 1


def test_tuple_get_item_errors():
    raises_exact(IndexError, c.tuple_get_item, (1, 2), 2, match="tuple index out of range")
    # no negative indexing in the C-API
    raises_exact(IndexError, c.tuple_get_item, (1, 2), -1, match="tuple index out of range")
    raises_exact(IndexError, c.tuple_get_item, (), 0, match="tuple index out of range")
    # a list is not a tuple: PyErr_BadInternalCall
    raises_exact(SystemError, c.tuple_get_item, [1, 2], 0, match=BAD_INTERNAL_CALL)


def test_tuple_size():
    assert c.tuple_size(()) == 0
    assert c.tuple_size((1, 2, 3)) == 3
    assert c.tuple_size(TupleSub((1,))) == 1
    assert c.tuple_size_macro((1, 2)) == 2
    raises_exact(SystemError, c.tuple_size, [1], match=BAD_INTERNAL_CALL)


def test_tuple_set_item_errors():
    raises_exact(IndexError, c.tuple_set_item_out_of_range, match="tuple assignment index out of range")
    raises_exact(SystemError, c.tuple_set_item_non_tuple, [1], match=BAD_INTERNAL_CALL)


def test_tuple_check():
    assert c.tuple_check(()) == (True, True)
    assert c.tuple_check(TupleSub()) == (True, False)
    assert c.tuple_check([]) == (False, False)


# ---- list ----------------------------------------------------------------


def test_list_new():
    l = c.list_new(5)
    assert type(l) is list
    assert l == [0, 1, 2, 3, 4]
    assert c.list_new(0) == []
    assert c.list_new_append(5) == [0, 1, 2, 3, 4]
    assert c.list_new_append(0) == []
    assert c.list_new_append(10000) == list(range(10000))
    l = c.list_new(3)
    l.append(3)  # the list made in C is an ordinary list
    assert l == [0, 1, 2, 3]


def test_list_append_mutates_callers_list():
    l = [1]
    o = object()
    assert c.list_append(l, o) is None
    assert l == [1, o]
    assert l[1] is o
    c.list_append(l, l)  # a list containing itself
    assert l[2] is l
    sub = ListSub()
    c.list_append(sub, 5)
    assert sub == [5]
    raises_exact(SystemError, c.list_append, (), 1, match=BAD_INTERNAL_CALL)


def test_list_get_item():
    o = object()
    l = [1, o, "x"]
    assert c.list_get_item(l, 0) == 1
    assert c.list_get_item(l, 1) is o
    assert c.list_get_item_macro(l, 1) is o
    assert c.list_get_item_macro(l, 2) == "x"
    raises_exact(IndexError, c.list_get_item, l, 3, match="list index out of range")
    raises_exact(IndexError, c.list_get_item, l, -1, match="list index out of range")
    raises_exact(SystemError, c.list_get_item, (1,), 0, match=BAD_INTERNAL_CALL)


def test_list_sees_python_mutation():
    l = [1, 2]
    assert c.list_size(l) == 2
    l.append(3)
    assert c.list_size(l) == 3
    assert c.list_get_item_macro(l, 2) == 3
    l[0] = "first"
    assert c.list_get_item(l, 0) == "first"
    del l[0]
    assert c.list_get_item_macro(l, 0) == 2
    l.clear()
    assert c.list_size(l) == 0


def test_list_mutated_during_c_call():
    l = [1]
    before, after, last = c.list_size_around_call(l, lambda: l.extend([2, 3, "end"]))
    assert (before, after, last) == (1, 4, "end")
    before, after, last = c.list_size_around_call(l, l.clear)
    assert (before, after, last) == (4, 0, None)


def test_list_set_item():
    l = [1, 2, 3]
    o = object()
    assert c.list_set_item(l, 1, o) is None
    assert l == [1, o, 3] and l[1] is o
    c.list_set_item_macro(l, 0, "m")
    assert l == ["m", o, 3]
    raises_exact(IndexError, c.list_set_item, l, 3, 0, match="list assignment index out of range")
    raises_exact(IndexError, c.list_set_item, l, -1, 0, match="list assignment index out of range")
    raises_exact(SystemError, c.list_set_item, (1,), 0, 0, match=BAD_INTERNAL_CALL)


def test_list_insert():
    l = [1, 2]
    c.list_insert(l, 1, "x")
    assert l == [1, "x", 2]
    c.list_insert(l, -1, "y")  # like list.insert: relative to the end
    assert l == [1, "x", "y", 2]
    c.list_insert(l, 100, "end")
    assert l == [1, "x", "y", 2, "end"]
    c.list_insert(l, -100, "start")
    assert l == ["start", 1, "x", "y", 2, "end"]
    raises_exact(SystemError, c.list_insert, (), 0, 1, match=BAD_INTERNAL_CALL)


def test_list_size():
    assert c.list_size([]) == 0
    assert c.list_size(list(range(1000))) == 1000
    assert c.list_size(ListSub([1, 2])) == 2
    raises_exact(SystemError, c.list_size, (1,), match=BAD_INTERNAL_CALL)


def test_list_as_tuple():
    o = object()
    t = c.list_as_tuple([1, o])
    assert type(t) is tuple
    assert t == (1, o) and t[1] is o
    assert c.list_as_tuple([]) == ()
    raises_exact(SystemError, c.list_as_tuple, (1,), match=BAD_INTERNAL_CALL)


def test_list_check():
    assert c.list_check([]) == (True, True)
    assert c.list_check(ListSub()) == (True, False)
    assert c.list_check(()) == (False, False)


# ---- dict ----------------------------------------------------------------


def test_dict_build():
    d = c.dict_build()
    assert type(d) is dict
    assert d == {"a": 1, 2: "b", "c": None}
    assert list(d) == ["a", 2, "c"]


def test_dict_set_item():
    d = {}
    o = object()
    c.dict_set_item(d, "k", o)
    c.dict_set_item(d, 1, "one")
    c.dict_set_item(d, (1, 2), None)
    assert d == {"k": o, 1: "one", (1, 2): None}
    assert d["k"] is o
    c.dict_set_item(d, "k", 5)  # overwrite keeps the position
    assert list(d.items())[0] == ("k", 5)
    c.dict_set_item_string(d, "s\u00e9", 7)
    assert d["s\u00e9"] == 7
    raises_exact(TypeError, c.dict_set_item, d, [], 1, match="unhashable type: 'list'")
    raises_exact(KeyError, c.dict_set_item, d, BadHash(), 1, match="from __hash__")
    raises_exact(SystemError, c.dict_set_item, [], 1, 1, match=BAD_INTERNAL_CALL)
    raises_exact(SystemError, c.dict_set_item_string, [], "a", 1, match=BAD_INTERNAL_CALL)
    sub = DictSub()
    c.dict_set_item(sub, "x", 1)
    assert sub == {"x": 1}


def test_dict_get_item():
    o = object()
    d = {"a": o, 1: None}
    assert c.dict_get_item(d, "a") == (True, o, True)
    assert c.dict_get_item(d, "a")[1] is o
    assert c.dict_get_item(d, 1) == (True, None, True)
    assert c.dict_get_item(d, "missing") == (False, None, True)
    assert c.dict_get_item(d, 1.0) == (True, None, True)  # 1.0 == 1


def test_dict_get_item_suppresses_errors():
    d = {1: 2}
    assert c.dict_get_item(d, []) == (False, None, True)
    assert c.dict_get_item(d, BadHash()) == (False, None, True)
    assert c.dict_get_item(d, BadEq()) == (False, None, True)
    assert c.dict_get_item([], 1) == (False, None, True)


def test_dict_get_item_string():
    d = {"k\u00e9y": 1}
    assert c.dict_get_item_string(d, "k\u00e9y") == 1
    assert c.dict_get_item_string(d, "nope") is None


def test_dict_get_item_with_error():
    o = object()
    d = {"a": o}
    assert c.dict_get_item_with_error(d, "a") == (True, o)
    assert c.dict_get_item_with_error(d, "b") == (False, None)
    raises_exact(TypeError, c.dict_get_item_with_error, d, [], match="unhashable type: 'list'")
    raises_exact(KeyError, c.dict_get_item_with_error, {1: 1}, BadEq(), match="from __eq__")
    raises_exact(KeyError, c.dict_get_item_with_error, {1: 1}, BadHash(), match="from __hash__")
    raises_exact(SystemError, c.dict_get_item_with_error, [], 1, match=BAD_INTERNAL_CALL)


def test_dict_get_item_ref():
    o = object()
    d = {"a": o, "n": None}
    rc, v = c.dict_get_item_ref(d, "a")
    assert rc == 1 and v is o
    assert c.dict_get_item_ref(d, "n") == (1, None)
    assert c.dict_get_item_ref(d, "b") == (0, None)
    raises_exact(TypeError, c.dict_get_item_ref, d, [], match="unhashable type: 'list'")
    raises_exact(KeyError, c.dict_get_item_ref, {1: 1}, BadEq(), match="from __eq__")
    raises_exact(SystemError, c.dict_get_item_ref, [], 1, match=BAD_INTERNAL_CALL)


def test_dict_next_order():
    d = {}
    for k in ["z", 3, "a", (1,), None]:
        d[k] = str(k)
    assert c.dict_next(d) == list(d.items())
    del d[3]
    d[3] = "again"
    assert c.dict_next(d) == [("z", "z"), ("a", "a"), ((1,), "(1,)"), (None, "None"), (3, "again")]
    assert c.dict_next({}) == []
    assert c.dict_next_values_only({"x": 1, "y": 2}) == [1, 2]
    big = {i: i * 2 for i in range(5000)}
    assert c.dict_next(big) == list(big.items())
    # PyDict_Next on a non-dict yields nothing
    assert c.dict_next([1, 2]) == []


def test_dict_next_identity():
    k = ("key",)
    v = object()
    (pair,) = c.dict_next({k: v})
    assert pair[0] is k and pair[1] is v


def test_dict_size_keys_values_items():
    d = {"a": 1, "b": 2, "c": 3}
    assert c.dict_size(d) == 3
    assert c.dict_size({}) == 0
    keys = c.dict_keys(d)
    assert type(keys) is list and keys == ["a", "b", "c"]
    values = c.dict_values(d)
    assert type(values) is list and values == [1, 2, 3]
    items = c.dict_items(d)
    assert type(items) is list and items == [("a", 1), ("b", 2), ("c", 3)]
    for f in (c.dict_size, c.dict_keys, c.dict_values, c.dict_items):
        raises_exact(SystemError, f, [], match=BAD_INTERNAL_CALL)


def test_dict_del_item():
    d = {"a": 1, "b": 2}
    c.dict_del_item(d, "a")
    assert d == {"b": 2}
    e = raises_exact(KeyError, c.dict_del_item, d, "a")
    assert e.args == ("a",)
    raises_exact(TypeError, c.dict_del_item, d, [], match="unhashable type: 'list'")
    raises_exact(SystemError, c.dict_del_item, [], 1, match=BAD_INTERNAL_CALL)


def test_dict_contains():
    d = {"a": 1, None: 2}
    assert c.dict_contains(d, "a") is True
    assert c.dict_contains(d, None) is True
    assert c.dict_contains(d, "b") is False
    raises_exact(TypeError, c.dict_contains, d, [], match="unhashable type: 'list'")
    raises_exact(KeyError, c.dict_contains, {1: 1}, BadEq(), match="from __eq__")


def test_dict_mutation_visible_both_ways():
    d = {}
    c.dict_set_item(d, "x", 1)
    assert d["x"] == 1
    d["y"] = 2
    assert c.dict_size(d) == 2
    assert c.dict_get_item_with_error(d, "y") == (True, 2)
    del d["x"]
    assert c.dict_keys(d) == ["y"]


def test_dict_check():
    assert c.dict_check({}) == (True, True)
    assert c.dict_check(DictSub()) == (True, False)
    assert c.dict_check([]) == (False, False)


def test_sequence_fast_returns_lists_and_tuples_themselves():
    # CPython: an exact list or tuple is returned as is (so C sees a list
    # change while it holds it); anything else becomes a new list.
    l = [1, 2, 3]
    same, tp, before, after, by_index = c.seq_fast(l, lambda f: f.__setitem__(1, "x"))
    assert (same, tp) == (True, list)
    assert before == [1, 2, 3] and after == [1, "x", 3] and by_index == [1, "x", 3]
    assert l == [1, "x", 3]
    t = (4, 5)
    assert c.seq_fast(t, lambda f: None) == (True, tuple, [4, 5], [4, 5], [4, 5])
    same, tp, before, after, _ = c.seq_fast(range(3), lambda f: f.append(9))
    assert (same, tp, before) == (False, list, [0, 1, 2])
    assert after == [0, 1, 2, 9]  # the new list changed, not the range
    same, tp, before, _, _ = c.seq_fast(ListSub([7]), lambda f: None)
    assert (same, tp, before) == (False, list, [7])
    e = raises_exact(TypeError, c.seq_fast, 5, lambda f: None)
    assert str(e) == "seq_fast wants an iterable"


def test_sequence_get_item_of_bytes_is_an_int():
    assert c.seq_get_item(b"ab", 0) == 97
    assert c.seq_get_item(b"ab", -1) == 98
    assert c.seq_get_item(bytearray(b"xyz"), 2) == 122
    assert c.seq_get_item(bytearray(b"xyz"), -3) == 120
    raises_exact(IndexError, c.seq_get_item, b"ab", 2)
    raises_exact(IndexError, c.seq_get_item, b"ab", -3)
    assert c.seq_get_item([5, 6], -2) == 5
    assert c.seq_get_item("xy", 1) == "y"


if __name__ == "__main__":
    harness.run(globals())
