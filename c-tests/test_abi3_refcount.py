"""Check for abi3_refcount: a module built with CPython 3.11's own headers
for the 3.6 limited API (cp36-abi3, as most abi3 wheels are), loaded
unmodified; its inline Py_INCREF/Py_DECREF count the whole 64-bit refcount
word of every object the interpreter hands it."""

import gc
import os
import sys
import weakref

import harness
from harness import ON_RUSTPY

import abi3_refcount as m


class Plain:
    pass


def samples():
    """One object of each kind C is commonly given."""
    return [
        12345678901, "a str", "ünïcode", (1, 2), [1], {"k": 1}, {1, 2}, 1.5, b"bytes", bytearray(b"x"),
        m.Counted(), Plain(), Plain().__init__, sys, object(), len, range(3), None, True, Plain, int,
    ]


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_loaded_from_the_abi3_file():
    assert m.__file__.endswith(".abi3.so"), m.__file__


def test_refcount_word_holds_only_the_count():
    # CPython 3.11 keeps the whole word as the count; 3.12+ keeps the top
    # half of heap objects zero for exactly this module's inline code.
    for o in samples():
        w = m.word(o)
        assert 0 <= w < 2**32, (type(o), hex(w))


def test_inline_increments_and_decrements_balance():
    for o in samples():
        assert m.incdec(o, 1000) == (1000, 0), type(o)


def test_a_held_reference_keeps_an_object_and_its_release_frees_it():
    o = Plain()
    r = weakref.ref(o)
    m.hold(o)
    del o
    gc.collect()
    assert r() is not None
    m.release()
    assert r() is None


def test_a_held_instance_dies_at_the_inline_release():
    c = m.Counted()
    before = m.deaths()
    m.hold(c)
    del c
    gc.collect()
    assert m.deaths() == before
    m.release()
    assert m.deaths() == before + 1


def test_a_million_instances_through_inline_counts_all_die():
    n = 10**6
    before = m.deaths()
    m.make_and_drop(1000)
    rss = rss_bytes()
    m.make_and_drop(n)
    grown = rss_bytes() - rss
    assert m.deaths() - before == n + 1000
    # Each instance leaked would keep far more than 16 bytes.
    assert grown < 16 * n, grown


def test_instances_python_makes_die_after_inline_touches():
    n = 10**5
    before = m.deaths()
    for _ in range(n):
        m.touch(m.Counted())
    assert m.deaths() - before == n


def test_objects_made_and_let_go_inline_are_freed():
    m.churn(1000)
    rss = rss_bytes()
    live = _live()
    m.churn(10**6)
    assert rss_bytes() - rss < 16 * 10**6
    assert _live() <= live + 100, (live, _live())


def _live():
    if not ON_RUSTPY:
        return 0
    import _cpyext

    return _cpyext.live_proxies()


if __name__ == "__main__":
    harness.run(globals())
