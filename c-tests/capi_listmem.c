/* A list's memory read and written inline, as code compiled against
 * CPython's headers does (cp314 wheels, pyo3-ffi, Cython's fast paths):
 * ob_item and ob_size directly, never through a function. */
#include <Python.h>

#define ITEMS(l) (((PyListObject *)(l))->ob_item)
#define SIZE(l) (((PyVarObject *)(l))->ob_size)

/* inline_items(l) -> tuple of ob_item[0 .. ob_size]. */
static PyObject *
inline_items(PyObject *self, PyObject *l)
{
    if (!PyList_Check(l)) {
        PyErr_SetString(PyExc_TypeError, "a list");
        return NULL;
    }
    Py_ssize_t n = SIZE(l);
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(t, i, Py_NewRef(ITEMS(l)[i]));
    }
    return t;
}

/* build_inline(n) -> [0, 1, 4, ...] filled by writing ob_item. */
static PyObject *
build_inline(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *l = PyList_New(n);
    if (l == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(i * i);
        if (v == NULL) {
            Py_DECREF(l);
            return NULL;
        }
        ITEMS(l)[i] = v;
    }
    return l;
}

/* append_then_read(l, x) -> (size read inline, last item is x). */
static PyObject *
append_then_read(PyObject *self, PyObject *args)
{
    PyObject *l, *x;
    if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &l, &x)) {
        return NULL;
    }
    if (PyList_Append(l, x) < 0) {
        return NULL;
    }
    Py_ssize_t n = SIZE(l);
    return Py_BuildValue("(nO)", n, ITEMS(l)[n - 1] == x ? Py_True : Py_False);
}

/* setitem_then_read(l, i, x) -> item i read inline is x. */
static PyObject *
setitem_then_read(PyObject *self, PyObject *args)
{
    PyObject *l, *x;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "O!nO", &PyList_Type, &l, &i, &x)) {
        return NULL;
    }
    if (PyList_SetItem(l, i, Py_NewRef(x)) < 0) {
        return NULL;
    }
    return PyBool_FromLong(ITEMS(l)[i] == x);
}

/* fill_pass_read(f): a list C fills inline, passes to f (which may change
 * it), then reads: -> (PyList_Size after, the list). */
static PyObject *
fill_pass_read(PyObject *self, PyObject *f)
{
    PyObject *l = PyList_New(2);
    if (l == NULL) {
        return NULL;
    }
    ITEMS(l)[0] = PyLong_FromLong(10);
    ITEMS(l)[1] = PyLong_FromLong(20);
    PyObject *r = PyObject_CallOneArg(f, l);
    if (r == NULL) {
        Py_DECREF(l);
        return NULL;
    }
    Py_DECREF(r);
    Py_ssize_t n = PyList_Size(l);
    return Py_BuildValue("(nN)", n, l);
}

/* callback_then_size(l, f): f(l) runs, then ob_size is read inline. */
static PyObject *
callback_then_size(PyObject *self, PyObject *args)
{
    PyObject *l, *f;
    if (!PyArg_ParseTuple(args, "O!O", &PyList_Type, &l, &f)) {
        return NULL;
    }
    PyObject *r = PyObject_CallOneArg(f, l);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    return PyLong_FromSsize_t(SIZE(l));
}

/* ob_item[i] = x written inline on the list l; -1 with IndexError when i
 * is out of range. */
static int
write_inline(PyObject *l, Py_ssize_t i, PyObject *x)
{
    if (i < 0 || i >= SIZE(l)) {
        PyErr_SetString(PyExc_IndexError, "out of range");
        return -1;
    }
    PyObject *old = ITEMS(l)[i];
    ITEMS(l)[i] = Py_NewRef(x);
    Py_DECREF(old);
    return 0;
}

/* set_inline(l, i, x): ob_item[i] = x written inline on a list Python has. */
static PyObject *
set_inline(PyObject *self, PyObject *args)
{
    PyObject *l, *x;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "O!nO", &PyList_Type, &l, &i, &x) || write_inline(l, i, x) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* set_inline_then_append(l, i, x, y): ob_item[i] = x inline, then
 * PyList_Append(l, y): both are in the list. */
static PyObject *
set_inline_then_append(PyObject *self, PyObject *args)
{
    PyObject *l, *x, *y;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "O!nOO", &PyList_Type, &l, &i, &x, &y) || write_inline(l, i, x) < 0 ||
        PyList_Append(l, y) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* first_of_first(l) -> l[0][0], both read inline. */
static PyObject *
first_of_first(PyObject *self, PyObject *l)
{
    PyObject *inner = ITEMS(l)[0];
    if (!PyList_Check(inner) || SIZE(inner) < 1) {
        PyErr_SetString(PyExc_TypeError, "a list of lists");
        return NULL;
    }
    return Py_NewRef(ITEMS(inner)[0]);
}

static PyMethodDef methods[] = {
    {"inline_items", inline_items, METH_O, NULL},
    {"build_inline", build_inline, METH_O, NULL},
    {"append_then_read", append_then_read, METH_VARARGS, NULL},
    {"setitem_then_read", setitem_then_read, METH_VARARGS, NULL},
    {"fill_pass_read", fill_pass_read, METH_O, NULL},
    {"callback_then_size", callback_then_size, METH_VARARGS, NULL},
    {"set_inline", set_inline, METH_VARARGS, NULL},
    {"set_inline_then_append", set_inline_then_append, METH_VARARGS, NULL},
    {"first_of_first", first_of_first, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "capi_listmem", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_capi_listmem(void)
{
    return PyModule_Create(&module);
}
