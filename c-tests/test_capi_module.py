"""Check for capi_module: single-phase init, module constants, calling
conventions, arity errors, and the two SystemError cases of a bad return."""

import importlib.machinery
import os
import sys

import harness
from harness import raises, raises_exact

import capi_module as m


def test_module_identity():
    assert sys.modules["capi_module"] is m
    import capi_module as again

    assert again is m
    assert type(m).__name__ == "module"
    assert isinstance(m, type(sys))


def test_cfunction_getters():
    # This module's own C function, bound to the module.
    assert m.cfunction_info(m.cfunction_info) == (True, 0x0008, m)
    # Made with a NULL self: GetSelf is NULL (the attribute says None).
    f = m.make_unbound()
    assert m.cfunction_info(f) == (True, 0x0008, None)
    assert f.__self__ is None
    # Another C function is not this one.
    assert m.cfunction_info(m.noargs)[0] is False
    raises_exact(SystemError, m.cfunction_info, "not a function")
    raises_exact(SystemError, m.cfunction_info, lambda: None)


def test_static_cfunction():
    f = m.make_static()
    assert f(1, 2) == (True, (1, 2))
    raises_exact(ValueError, m.add_static_to_module, match="module functions cannot set METH_CLASS or METH_STATIC")


def test_name_doc():
    assert m.__name__ == "capi_module"
    assert m.__doc__ == "Single-phase test module for the c-tests."


def test_file_and_spec():
    f = m.__file__
    assert isinstance(f, str)
    assert os.path.isabs(f), f
    assert os.path.exists(f), f
    assert os.path.basename(f).startswith("capi_module."), f
    assert any(f.endswith(s) for s in importlib.machinery.EXTENSION_SUFFIXES), (
        f,
        importlib.machinery.EXTENSION_SUFFIXES,
    )
    assert m.__spec__ is not None
    assert m.__spec__.name == "capi_module"
    assert m.__spec__.origin == f
    assert m.__loader__ is m.__spec__.loader
    assert isinstance(m.__loader__, importlib.machinery.ExtensionFileLoader)


def test_constants():
    assert m.INT_CONST == 42 and type(m.INT_CONST) is int
    assert m.NEG_CONST == -7
    assert m.STR_CONST == "h\u00e9llo" and type(m.STR_CONST) is str
    assert m.CAPI_MODULE_MACRO == 1234
    assert m.OBJ_CONST == (1, "two")
    assert m.LIST_CONST == [] and type(m.LIST_CONST) is list
    assert m.NONE_CONST is None


def test_module_dict_contents():
    names = set(vars(m))
    for n in (
        "__name__", "__doc__", "__file__", "__spec__", "__loader__", "__package__",
        "noargs", "meth_o", "varargs", "varargs_kw", "fastcall", "fastcall_kw",
        "INT_CONST", "STR_CONST", "OBJ_CONST", "LIST_CONST", "CAPI_MODULE_MACRO",
    ):
        assert n in names, n
    assert m.__package__ == ""


def test_function_attributes():
    f = m.noargs
    assert type(f).__name__ == "builtin_function_or_method"
    assert f.__name__ == "noargs"
    assert f.__qualname__ == "noargs"
    assert f.__doc__ == "noargs doc"
    assert f.__module__ == "capi_module"
    assert f.__self__ is m
    assert m.fastcall_sum.__doc__ is None
    assert callable(f)
    assert "noargs" in repr(f)


def test_text_signature():
    f = m.with_signature
    assert f.__doc__ == "Has a text signature."
    assert f.__text_signature__ == "($module, a, b=1, /)"


def test_noargs():
    self_, was_null = m.noargs()
    assert self_ is m
    assert was_null is True


def test_noargs_arity():
    e = raises_exact(TypeError, m.noargs, 1)
    assert "noargs() takes no arguments (1 given)" in str(e), str(e)
    e = raises_exact(TypeError, m.noargs, 1, 2)
    assert "noargs() takes no arguments (2 given)" in str(e), str(e)
    raises_exact(TypeError, m.noargs, x=1, match="noargs() takes no keyword arguments")


def test_meth_o():
    o = object()
    self_, arg = m.meth_o(o)
    assert self_ is m
    assert arg is o
    lst = [1, 2]
    assert m.meth_o(lst)[1] is lst
    assert m.meth_o(None)[1] is None


def test_meth_o_arity():
    raises_exact(TypeError, m.meth_o, match="meth_o() takes exactly one argument (0 given)")
    raises_exact(TypeError, m.meth_o, 1, 2, match="meth_o() takes exactly one argument (2 given)")
    raises_exact(TypeError, m.meth_o, x=1, match="meth_o() takes no keyword arguments")


def test_varargs():
    assert m.varargs() == ()
    assert m.varargs(1) == (1,)
    o = object()
    r = m.varargs(1, "a", o)
    assert r == (1, "a", o)
    assert r[2] is o
    assert type(r) is tuple
    # a tuple subclass passed with * arrives as an exact tuple
    class T(tuple):
        pass

    assert m.varargs(*T((1, 2))) == (1, 2)
    assert m.varargs(*[5, 6, 7]) == (5, 6, 7)


def test_varargs_rejects_keywords():
    raises_exact(TypeError, m.varargs, a=1, match="varargs() takes no keyword arguments")
    raises_exact(TypeError, m.varargs, 1, a=1, match="varargs() takes no keyword arguments")


def test_varargs_kw():
    args, kw = m.varargs_kw()
    assert args == ()
    # CPython documents kwargs as NULL or a dict when no keywords are passed
    assert kw is None or kw == {}, kw
    args, kw = m.varargs_kw(1, 2)
    assert args == (1, 2)
    assert kw is None or kw == {}, kw
    args, kw = m.varargs_kw(1, a=2, b="x")
    assert args == (1,)
    assert kw == {"a": 2, "b": "x"}
    assert type(kw) is dict
    assert list(kw) == ["a", "b"]
    args, kw = m.varargs_kw(**{"z": 1, "y": 2})
    assert args == ()
    assert kw == {"z": 1, "y": 2}


def test_varargs_kw_gets_a_fresh_dict():
    d = {"a": 1}
    args, kw = m.varargs_kw(**d)
    assert kw == d
    assert kw is not d


def test_fastcall():
    assert m.fastcall() == (0, ())
    assert m.fastcall(1) == (1, (1,))
    o = object()
    n, args = m.fastcall(o, "s", 3.5)
    assert n == 3
    assert args == (o, "s", 3.5)
    assert args[0] is o
    n, args = m.fastcall(*range(100))
    assert n == 100
    assert args == tuple(range(100))


def test_fastcall_rejects_keywords():
    raises_exact(TypeError, m.fastcall, a=1, match="fastcall() takes no keyword arguments")


def test_fastcall_sum():
    assert m.fastcall_sum() == 0
    assert m.fastcall_sum(1, 2, 3) == 6
    assert m.fastcall_sum(*range(1000)) == sum(range(1000))
    raises_exact(TypeError, m.fastcall_sum, 1, "x")


def test_fastcall_kw():
    n, pos, kwnames, kwvalues = m.fastcall_kw()
    assert (n, pos, kwvalues) == (0, (), ())
    assert kwnames is None or kwnames == (), kwnames
    n, pos, kwnames, kwvalues = m.fastcall_kw(1, 2)
    assert (n, pos, kwvalues) == (2, (1, 2), ())
    assert kwnames is None or kwnames == (), kwnames
    n, pos, kwnames, kwvalues = m.fastcall_kw(1, b=2, a=3)
    assert n == 1
    assert pos == (1,)
    assert kwnames == ("b", "a")
    assert kwvalues == (2, 3)
    n, pos, kwnames, kwvalues = m.fastcall_kw(**{"k": "v"})
    assert (n, pos, kwnames, kwvalues) == (0, (), ("k",), ("v",))
    o = object()
    n, pos, kwnames, kwvalues = m.fastcall_kw(*[o], x=o)
    assert pos[0] is o and kwvalues[0] is o


# CPython 3.11 checks a C function's result only on some call paths: a plain
# call site (PyObject_Vectorcall) checks it; f(*args) (PyObject_Call ->
# _PyVectorcall_Call) and specialized call instructions do not, and then the
# eval loop reports "error return without exception set" for NULL, while a
# value returned with an exception set goes unnoticed until later.  So these
# tests call the functions directly, each from its own call site, once.


def test_null_without_error():
    try:
        m.null_without_error()
    except SystemError as e:
        msg = str(e)
        assert (
            "null_without_error> returned NULL without setting an exception" in msg
            or "error return without exception set" in msg
        ), msg
    else:
        raise AssertionError("no SystemError")


def test_value_with_error():
    try:
        m.value_with_error()
    except SystemError as e:
        msg = str(e)
        assert "value_with_error> returned a result with an exception set" in msg, msg
        assert type(e.__cause__) is ValueError
        assert str(e.__cause__) == "set but not returned"
    else:
        raise AssertionError("no SystemError")


def test_error_indicator_clean_after_bad_returns():
    # after each bad return the next call works normally
    try:
        m.null_without_error()
    except SystemError:
        pass
    else:
        raise AssertionError("no SystemError")
    assert m.noargs()[0] is m
    try:
        m.value_with_error()
    except SystemError:
        pass
    else:
        raise AssertionError("no SystemError")
    assert m.meth_o(5)[1] == 5


def test_raise_value_error():
    e = raises_exact(ValueError, m.raise_value_error, "boom")
    assert str(e) == "boom"
    assert e.args == ("boom",)


def test_extension_in_a_package():
    # The same library, placed in a package, imports as pkg.capi_module
    # through the normal import system.
    import importlib
    import shutil
    import sys
    import tempfile

    src = m.__file__
    suffix = src[len(os.path.splitext(os.path.splitext(src)[0])[0]) :]
    assert suffix in importlib.machinery.EXTENSION_SUFFIXES
    with tempfile.TemporaryDirectory() as tmp:
        pkg = os.path.join(tmp, "cpyext_pkg")
        os.mkdir(pkg)
        open(os.path.join(pkg, "__init__.py"), "w").close()
        dest = os.path.join(pkg, os.path.basename(src))
        shutil.copy(src, dest)
        sys.path.insert(0, tmp)
        try:
            sub = importlib.import_module("cpyext_pkg.capi_module")
            assert sub.__name__ == "cpyext_pkg.capi_module"
            assert sub.__file__ == dest
            assert sub.__spec__.name == "cpyext_pkg.capi_module"
            assert sub.__spec__.origin == dest
            assert sub.__package__ == "cpyext_pkg"
            assert sub is not m
            assert sys.modules["cpyext_pkg"].capi_module is sub
        finally:
            sys.path.remove(tmp)
            for name in ("cpyext_pkg.capi_module", "cpyext_pkg"):
                sys.modules.pop(name, None)


def test_missing_symbol_is_an_import_error_naming_it():
    import importlib

    e = raises(ImportError, importlib.import_module, "capi_module_missing")
    assert "PyCpyext_NoSuchFunction" in str(e), str(e)
    assert "capi_module_missing" not in sys.modules

def test_every_missing_symbol_is_named_in_one_import_error():
    import importlib

    e = raises(ImportError, importlib.import_module, "capi_module_missing3")
    named = [n for n in ("PyCpyext_NoSuchOne", "PyCpyext_NoSuchTwo", "_PyCpyext_NoSuchThree") if n in str(e)]
    # CPython's message is dlopen's, which stops at the first missing symbol;
    # rustpy reads the module's symbol table first and names every one.
    assert len(named) == (3 if harness.ON_RUSTPY else 1), str(e)
    assert e.name == "capi_module_missing3", e.name
    assert "capi_module_missing3" not in sys.modules
    # The interpreter is unharmed: a good module imports after the failure.
    sys.modules.pop("capi_module", None)
    m = importlib.import_module("capi_module")
    assert m.__name__ == "capi_module"


def test_a_module_built_for_another_abi_is_refused_with_the_reason():
    import importlib
    import platform
    import shutil
    import tempfile

    machine = platform.machine()
    other = "aarch64" if machine != "aarch64" else "x86_64"
    # What each file name says it was built for (rustpy's words); CPython
    # finds none of them (ModuleNotFoundError, an ImportError too).
    builds = {
        "cpython-315-%s-linux-gnu" % machine: "CPython 3.15 (cp315)",
        "cpython-314t-%s-linux-gnu" % machine: "free-threaded CPython 3.14 (cp314t)",
        "cpython-314d-%s-linux-gnu" % machine: "debug build of CPython 3.14",
        "cpython-314-%s-linux-gnu" % other: "another platform (%s-linux-gnu" % other,
        "pypy311-pp73-%s-linux-gnu" % machine: "PyPy",
        "cpython-314-%s-linux-gnu" % machine: "version-specific ABI (cp314)",
    }
    with tempfile.TemporaryDirectory() as tmp:
        sys.path.insert(0, tmp)
        try:
            for i, (tag, said) in enumerate(builds.items()):
                name = "cpyext_other_abi%d" % i
                shutil.copy(m.__file__, os.path.join(tmp, "%s.%s.so" % (name, tag)))
                importlib.invalidate_caches()
                e = raises(ImportError, importlib.import_module, name)
                assert name not in sys.modules
                if harness.ON_RUSTPY:
                    assert said in str(e), str(e)
                    assert e.name == name and e.path.endswith(tag + ".so"), (e.name, e.path)
        finally:
            sys.path.remove(tmp)
    # A module that is nowhere stays a ModuleNotFoundError.
    raises(ModuleNotFoundError, importlib.import_module, "cpyext_nowhere_at_all")


def test_cp314_modules_load_when_asked_for():
    # rustpy's own opt-in (RUSTPY_CP314=1): CPython 3.11 never loads them.
    if not harness.ON_RUSTPY:
        return
    import platform
    import shutil
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        name = "capi_module.cpython-314-%s-linux-gnu.so" % platform.machine()
        shutil.copy(m.__file__, os.path.join(tmp, name))
        code = "import capi_module, importlib.machinery as im; print(capi_module.__file__); print(im.EXTENSION_SUFFIXES)"
        env = dict(os.environ, PYTHONPATH=tmp, RUSTPY_CP314="1")
        out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp, capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        path, suffixes = out.stdout.splitlines()
        assert path == os.path.join(tmp, name), path
        assert suffixes.index(".cpython-314-%s-linux-gnu.so" % platform.machine()) < suffixes.index(".abi3.so"), suffixes


if __name__ == "__main__":
    harness.run(globals())
