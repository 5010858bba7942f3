"""Check for capi_listmem: a list's ob_item and ob_size, read and written
inline by C, and what Python does to the list, each seen by the other."""

import gc
import weakref

import harness

import capi_listmem as c


def test_inline_reads_see_the_list():
    l = [1, "two", 3.0, None]
    assert c.inline_items(l) == (1, "two", 3.0, None)
    assert c.inline_items([]) == ()


def test_python_changes_are_seen_at_the_next_call():
    l = [3, 1, 2]
    assert c.inline_items(l) == (3, 1, 2)
    l.append(4)
    assert c.inline_items(l) == (3, 1, 2, 4)
    l.sort()
    assert c.inline_items(l) == (1, 2, 3, 4)
    del l[1:3]
    assert c.inline_items(l) == (1, 4)
    l.insert(0, "x")
    l.pop()
    assert c.inline_items(l) == ("x", 1)
    l.clear()
    assert c.inline_items(l) == ()
    l.extend(range(100))
    assert c.inline_items(l) == tuple(range(100))


def test_items_keep_their_identity():
    o = object()
    l = [o, o]
    t = c.inline_items(l)
    assert t[0] is o and t[1] is o


def test_a_list_filled_inline_is_what_python_gets():
    assert c.build_inline(5) == [0, 1, 4, 9, 16]
    assert c.build_inline(0) == []
    big = c.build_inline(1000)
    assert big[999] == 999 * 999 and len(big) == 1000


def test_api_changes_are_seen_inline():
    l = [1, 2]
    x = object()
    assert c.append_then_read(l, x) == (3, True)
    assert l == [1, 2, x]
    y = object()
    assert c.setitem_then_read(l, 0, y) is True
    assert l[0] is y


def test_a_list_c_filled_then_python_changed():
    def change(l):
        assert l == [10, 20]
        l.append(30)

    assert c.fill_pass_read(change) == (3, [10, 20, 30])


def test_a_list_holding_itself():
    l = [1]
    l.append(l)
    t = c.inline_items(l)
    assert t[0] == 1 and t[1] is l


def test_nested_lists_read_inline():
    assert c.first_of_first([[7, 8], [9]]) == 7
    # The same lists again, after a call that used them ended.
    l = [[1, 2], [3]]
    assert c.inline_items(l)[0] == [1, 2]
    assert c.first_of_first(l) == 1
    l[0].insert(0, 0)
    assert c.first_of_first(l) == 0


def test_a_callback_change_is_seen_inline_at_once():
    l = [1]
    assert c.callback_then_size(l, lambda l: l.extend([2, 3])) == 3
    assert c.callback_then_size(l, lambda l: l.clear()) == 0


def test_an_item_python_drops_after_c_returned_dies_then():
    import weakref

    class Item:
        pass

    o = Item()
    r = weakref.ref(o)
    l = [o]
    del o
    assert c.inline_items(l)[0] is r()
    l.clear()
    assert r() is None


def test_an_inline_write_to_a_python_list_is_seen():
    # what Cython's and cp314 code's fast path for l[i] = x does
    l = [1, 2, 3]
    c.set_inline(l, 1, "b")
    assert l == [1, "b", 3]
    assert c.inline_items(l) == (1, "b", 3)


def test_an_inline_write_survives_an_api_change():
    l = [1, 2, 3]
    c.set_inline_then_append(l, 0, "a", "d")
    assert l == ["a", 2, 3, "d"]


def test_the_old_item_of_an_inline_write_dies():
    class Item:
        pass
    old = Item()
    l = [old]
    r = weakref.ref(old)
    del old
    c.set_inline(l, 0, None)
    gc.collect()
    assert l == [None]
    assert r() is None


def test_a_list_holding_itself_through_a_tuple():
    l = []
    l.append((1, l))
    t = c.inline_items(l)
    assert t[0][0] == 1 and t[0][1] is l
    assert c.inline_items(l)[0][1] is l


if __name__ == "__main__":
    harness.run(globals())
