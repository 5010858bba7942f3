/* capi_sets_slices: set/frozenset (setobject.h) and slices (sliceobject.h)
 * as C code uses them. */
#include <Python.h>

/* set_new(iterable or None, frozen): PySet_New / PyFrozenSet_New; None
 * passes NULL. */
static PyObject *
set_new(PyObject *m, PyObject *args)
{
    PyObject *it;
    int frozen;
    if (!PyArg_ParseTuple(args, "Op", &it, &frozen))
        return NULL;
    if (it == Py_None)
        it = NULL;
    return frozen ? PyFrozenSet_New(it) : PySet_New(it);
}

static PyObject *
set_size(PyObject *m, PyObject *s)
{
    Py_ssize_t n = PySet_Size(s);
    return n < 0 ? NULL : PyLong_FromSsize_t(n);
}

static PyObject *
set_contains(PyObject *m, PyObject *args)
{
    PyObject *s, *k;
    if (!PyArg_ParseTuple(args, "OO", &s, &k))
        return NULL;
    int r = PySet_Contains(s, k);
    return r < 0 ? NULL : PyLong_FromLong(r);
}

static PyObject *
set_add(PyObject *m, PyObject *args)
{
    PyObject *s, *k;
    if (!PyArg_ParseTuple(args, "OO", &s, &k))
        return NULL;
    if (PySet_Add(s, k) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
set_discard(PyObject *m, PyObject *args)
{
    PyObject *s, *k;
    if (!PyArg_ParseTuple(args, "OO", &s, &k))
        return NULL;
    int r = PySet_Discard(s, k);
    return r < 0 ? NULL : PyLong_FromLong(r);
}

static PyObject *
set_clear(PyObject *m, PyObject *s)
{
    if (PySet_Clear(s) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
set_pop(PyObject *m, PyObject *s)
{
    return PySet_Pop(s);
}

/* slice_new(start, stop, step): NULL for each None */
static PyObject *
slice_new(PyObject *m, PyObject *args)
{
    PyObject *a, *b, *c;
    if (!PyArg_ParseTuple(args, "OOO", &a, &b, &c))
        return NULL;
    return PySlice_New(a == Py_None ? NULL : a, b == Py_None ? NULL : b, c == Py_None ? NULL : c);
}

static PyObject *
slice_unpack(PyObject *m, PyObject *s)
{
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(s, &start, &stop, &step) < 0)
        return NULL;
    return Py_BuildValue("(nnn)", start, stop, step);
}

static PyObject *
slice_adjust(PyObject *m, PyObject *args)
{
    Py_ssize_t length, start, stop, step;
    if (!PyArg_ParseTuple(args, "nnnn", &length, &start, &stop, &step))
        return NULL;
    Py_ssize_t n = PySlice_AdjustIndices(length, &start, &stop, step);
    return Py_BuildValue("(nnn)", start, stop, n);
}

/* The macro form and the exported function alike. */
static PyObject *
slice_indices_ex(PyObject *m, PyObject *args)
{
    PyObject *s;
    Py_ssize_t length, start, stop, step, n;
    if (!PyArg_ParseTuple(args, "On", &s, &length))
        return NULL;
    if (PySlice_GetIndicesEx(s, length, &start, &stop, &step, &n) < 0)
        return NULL;
    Py_ssize_t start2, stop2, step2, n2;
    /* CPython deprecates calling the function itself: the macro is the API. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    if ((PySlice_GetIndicesEx)(s, length, &start2, &stop2, &step2, &n2) < 0)
        return NULL;
#pragma GCC diagnostic pop
    if (start != start2 || stop != stop2 || step != step2 || n != n2) {
        PyErr_SetString(PyExc_AssertionError, "macro and function disagree");
        return NULL;
    }
    return Py_BuildValue("(nnnn)", start, stop, step, n);
}

static PyMethodDef methods[] = {
    {"set_new", set_new, METH_VARARGS, NULL},
    {"set_size", set_size, METH_O, NULL},
    {"set_contains", set_contains, METH_VARARGS, NULL},
    {"set_add", set_add, METH_VARARGS, NULL},
    {"set_discard", set_discard, METH_VARARGS, NULL},
    {"set_clear", set_clear, METH_O, NULL},
    {"set_pop", set_pop, METH_O, NULL},
    {"slice_new", slice_new, METH_VARARGS, NULL},
    {"slice_unpack", slice_unpack, METH_O, NULL},
    {"slice_adjust", slice_adjust, METH_VARARGS, NULL},
    {"slice_indices_ex", slice_indices_ex, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "capi_sets_slices", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_capi_sets_slices(void)
{
    return PyModule_Create(&module);
}
