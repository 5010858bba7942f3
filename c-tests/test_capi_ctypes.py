"""Check for capi_ctypes: ctypes over the C-API.

ctypes.pythonapi calls C-API functions with the GIL held (PyDLL): py_object
arguments and results cross as objects, and an exception the function sets
is raised. CFUNCTYPE callbacks are passed to C with and without argtypes,
with int and with pointer arguments (qsort's comparator)."""

import ctypes

import harness
from harness import raises_exact

import capi_ctypes as c

lib = ctypes.CDLL(c.__file__)
api = ctypes.pythonapi


def fn(name, restype, *argtypes):
    f = getattr(api, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


def test_py_object_result():
    assert fn("PyLong_FromLong", ctypes.py_object, ctypes.c_long)(42) == 42
    s = fn("PyUnicode_FromString", ctypes.py_object, ctypes.c_char_p)(b"h\xc3\xa9")
    assert s == "h\u00e9" and type(s) is str


def test_py_object_arguments():
    assert fn("PyObject_Repr", ctypes.py_object, ctypes.py_object)([1, "a"]) == "[1, 'a']"
    lst = [1]
    assert fn("PyList_Append", ctypes.c_int, ctypes.py_object, ctypes.py_object)(lst, "x") == 0
    assert lst == [1, "x"]
    d = {}
    set_item = fn("PyDict_SetItemString", ctypes.c_int, ctypes.py_object, ctypes.c_char_p, ctypes.py_object)
    assert set_item(d, b"k", (1, 2)) == 0
    assert d == {"k": (1, 2)}
    assert fn("PyObject_Length", ctypes.c_ssize_t, ctypes.py_object)(d) == 1


def test_same_object_back():
    o = object()
    ident = fn("PyObject_GetAttrString", ctypes.py_object, ctypes.py_object, ctypes.c_char_p)
    assert ident(o, b"__class__") is object
    cell = [o]
    get_item = fn("PyList_GetItem", ctypes.c_void_p, ctypes.py_object, ctypes.c_ssize_t)
    assert get_item(cell, 0) != 0


def test_exception_set_by_the_function_is_raised():
    as_long = fn("PyLong_AsLong", ctypes.c_long, ctypes.py_object)
    assert as_long(10**3) == 1000
    e = raises_exact(TypeError, as_long, "x")
    assert "cannot be interpreted as an integer" in str(e), e
    raises_exact(OverflowError, as_long, 10**40)
    get_attr = fn("PyObject_GetAttrString", ctypes.py_object, ctypes.py_object, ctypes.c_char_p)
    raises_exact(AttributeError, get_attr, 1, b"no_such_attribute")


def test_callback_without_argtypes():
    BINOP = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_int)
    assert lib.ct_apply(BINOP(lambda a, b: a * b), 6, 7) == 42
    calls = []

    def record(a, b):
        calls.append((a, b))
        return a + b

    assert lib.ct_apply_twice(BINOP(record), 5) == 15
    assert calls == [(5, 5), (10, 5)]


def test_callback_with_argtypes():
    BINOP = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_int, ctypes.c_int)
    apply = lib.ct_apply
    apply.argtypes = [BINOP, ctypes.c_int, ctypes.c_int]
    apply.restype = ctypes.c_int
    assert apply(BINOP(lambda a, b: a - b), 10, 3) == 7


def test_callback_with_pointer_arguments():
    CMP = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int))
    seen = []

    def cmp(a, b):
        seen.append(type(a))
        return a[0] - b[0]

    xs = (ctypes.c_int * 5)(5, 1, 7, -3, 99)
    assert lib.ct_min_index(xs, 5, CMP(cmp)) == 3
    assert seen and all(t is ctypes.POINTER(ctypes.c_int) for t in seen), seen


def test_qsort():
    libc = ctypes.CDLL(None)
    CMP = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int))

    def cmp(a, b):
        return a[0] - b[0]

    xs = (ctypes.c_int * 5)(5, 1, 7, 33, 99)
    libc.qsort(xs, 5, ctypes.sizeof(ctypes.c_int), CMP(cmp))
    assert list(xs) == [1, 5, 7, 33, 99]
    ys = (ctypes.c_int * 4)(4, 3, 2, 1)
    qsort = libc.qsort
    qsort.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_size_t, CMP]
    qsort.restype = None
    qsort(ys, 4, ctypes.sizeof(ctypes.c_int), CMP(cmp))
    assert list(ys) == [1, 2, 3, 4]


if __name__ == "__main__":
    harness.run(globals())
