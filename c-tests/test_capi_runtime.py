"""Check for capi_runtime: import, capsules, and small runtime services."""

import gc
import sys

import harness
from harness import raises, raises_exact

import capi_runtime as c


def test_import_module():
    import json

    assert c.import_module("json") is json
    # A dotted name gives the submodule itself, not the package.
    import os.path

    assert c.import_module("os.path") is os.path
    assert c.import_object("json") is json
    raises(ModuleNotFoundError, c.import_module, "no_such_module_here")


def test_get_module():
    assert c.get_module("sys") is sys
    assert c.get_module("surely_not_imported_module") is None


def test_module_dict_and_builtins():
    assert c.module_dict_is_sys_modules() is True
    assert c.builtins_is_builtins_dict() is True


def test_capsule_round_trip():
    cap = c.make_capsule()
    assert type(cap).__name__ == "PyCapsule"
    assert c.read_capsule(cap, "capi_runtime.payload") == 1234
    raises_exact(ValueError, c.read_capsule, cap, "wrong.name", match="incorrect name")
    raises_exact(ValueError, c.read_capsule, cap, None, match="incorrect name")
    raises_exact(ValueError, c.read_capsule, 42, "capi_runtime.payload")
    assert c.capsule_facts(cap) == (1, 0, "capi_runtime.payload", 9, 1)


def test_capsule_destructor_runs_when_it_dies():
    cap = c.make_capsule()
    assert c.capsule_destroyed() == 0
    del cap
    gc.collect()
    # The destructor saw the capsule whole: it read the pointer back.
    assert c.capsule_destroyed() == 1


def test_capsule_import():
    assert c.capsule_import("capi_runtime.payload") == 1234
    raises(AttributeError, c.capsule_import, "capi_runtime.nothing")


def test_recursion_guard():
    assert c.recursion(10) is True
    e = raises_exact(RecursionError, c.recursion, sys.getrecursionlimit() * 4)
    assert "maximum recursion depth exceeded" in str(e)
    # The guard unwound: shallow recursion works again.
    assert c.recursion(10) is True


def test_errno_error():
    e = raises_exact(FileNotFoundError, c.errno_error)
    assert e.errno == 2
    assert e.strerror == "No such file or directory"


def test_version():
    assert c.version() == c.header_version()
    assert c.version() >> 24 == 3


def test_void_ptr():
    assert c.void_ptr_roundtrip() is True


def test_setdefault():
    d = {"a": 1}
    assert c.setdefault(d, "a", 2) == 1
    assert c.setdefault(d, "b", 3) == 3
    assert d == {"a": 1, "b": 3}


def test_substring_and_from_object():
    assert c.substring("h\u00e9llo w\U0001F600rld", 1, 9) == "\u00e9llo w\U0001F600r"
    assert c.substring("abc", 1, 100) == "bc"

    class S(str):
        pass

    r = c.from_object(S("sub"))
    assert type(r) is str and r == "sub"
    s = "exact"
    assert c.from_object(s) is s
    raises_exact(TypeError, c.from_object, 5)


def test_list_set_slice():
    assert c.set_slice([1, 2, 3, 4], 1, 3, ["a"]) == [1, "a", 4]
    assert c.set_slice([1, 2, 3, 4], 1, 3, None) == [1, 4]
    assert c.set_slice([1, 2], 5, 9, [7, 8]) == [1, 2, 7, 8]


def test_mapping_lists():
    assert c.mapping_lists({"a": 1, "b": 2}) == (["a", "b"], [1, 2], [("a", 1), ("b", 2)])


def test_format_and_methods():
    assert c.format(3.14159, ".2f") == "3.14"
    assert c.format(255, "x") == "ff"
    assert c.call_method("a,b,c", "split", ",") == ["a", "b", "c"]
    assert c.call_method([3, 1, 2], "index", 1) == 1
    raises_exact(AttributeError, c.call_method, 5, "no_such_method")
    it = iter([1])
    assert c.self_iter_is_self(it) is True


if __name__ == "__main__":
    harness.run(globals())
