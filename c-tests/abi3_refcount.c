/* An abi3 module as most wheels on PyPI are: built once against CPython
 * 3.11's own headers with the limited API of 3.6 (cp36-abi3), so that
 * Py_INCREF/Py_DECREF and Py_REFCNT are inline reads and writes of the
 * whole 64-bit refcount word.  The same file is loaded by CPython 3.11 and
 * by rustpy, unmodified. */
#define Py_LIMITED_API 0x03060000
#include <Python.h>

/* The first word of the object, as this module's inline code sees it. */
static Py_ssize_t word(PyObject *o) { return o->ob_refcnt; }

/* word(o): the refcount word. */
static PyObject *word_of(PyObject *self, PyObject *o)
{
    return PyLong_FromSsize_t(word(o));
}

/* incdec(o, n): n inline increments then n inline decrements; returns what
 * the word changed by after each half. */
static PyObject *incdec(PyObject *self, PyObject *args)
{
    PyObject *o;
    Py_ssize_t n, i;
    if (!PyArg_ParseTuple(args, "On", &o, &n))
        return NULL;
    Py_ssize_t before = word(o);
    for (i = 0; i < n; i++)
        Py_INCREF(o);
    Py_ssize_t up = word(o) - before;
    for (i = 0; i < n; i++)
        Py_DECREF(o);
    return Py_BuildValue("nn", up, word(o) - before);
}

/* A reference this module keeps, released inline by release(). */
static PyObject *held;

static PyObject *hold(PyObject *self, PyObject *o)
{
    Py_INCREF(o);
    Py_XDECREF(held);
    held = o;
    Py_RETURN_NONE;
}

static PyObject *release(PyObject *self, PyObject *unused)
{
    PyObject *o = held;
    held = NULL;
    Py_XDECREF(o);
    Py_RETURN_NONE;
}

/* churn(n): n ints made here and let go inline. */
static PyObject *churn(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg), i;
    if (n == -1 && PyErr_Occurred())
        return NULL;
    for (i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(1000000 + i);
        PyObject *s = PyUnicode_FromFormat("s%zd", i);
        if (v == NULL || s == NULL) {
            Py_XDECREF(v);
            Py_XDECREF(s);
            return NULL;
        }
        Py_INCREF(v);
        Py_DECREF(v);
        Py_DECREF(v);
        Py_DECREF(s);
    }
    Py_RETURN_NONE;
}

/* ---- a heap type whose deaths are counted ---- */

static Py_ssize_t deaths;

typedef struct {
    PyObject_HEAD
    Py_ssize_t value;
} Counted;

static void counted_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    freefunc free_fn = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    deaths++;
    free_fn(self);
    Py_DECREF(tp);
}

static PyType_Slot counted_slots[] = {
    {Py_tp_dealloc, counted_dealloc},
    {Py_tp_new, PyType_GenericNew},
    {0, NULL},
};

static PyType_Spec counted_spec = {
    "abi3_refcount.Counted", sizeof(Counted), 0, Py_TPFLAGS_DEFAULT, counted_slots,
};

static PyObject *counted_type;

static PyObject *get_deaths(PyObject *self, PyObject *unused)
{
    return PyLong_FromSsize_t(deaths);
}

/* touch(o): what extension code does to an argument it keeps for a while:
 * a few inline increments and decrements. */
static PyObject *touch(PyObject *self, PyObject *o)
{
    Py_INCREF(o);
    Py_INCREF(o);
    Py_DECREF(o);
    Py_INCREF(o);
    Py_DECREF(o);
    Py_DECREF(o);
    Py_RETURN_NONE;
}

/* make_and_drop(n): n instances made here (through the type, as Python
 * would) and let go inline; the deaths count says whether each was freed. */
static PyObject *make_and_drop(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg), i;
    if (n == -1 && PyErr_Occurred())
        return NULL;
    for (i = 0; i < n; i++) {
        PyObject *o = PyObject_CallObject(counted_type, NULL);
        if (o == NULL)
            return NULL;
        Py_INCREF(o);
        Py_DECREF(o);
        Py_DECREF(o);
    }
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"word", word_of, METH_O, NULL},
    {"incdec", incdec, METH_VARARGS, NULL},
    {"hold", hold, METH_O, NULL},
    {"release", release, METH_NOARGS, NULL},
    {"churn", churn, METH_O, NULL},
    {"deaths", get_deaths, METH_NOARGS, NULL},
    {"touch", touch, METH_O, NULL},
    {"make_and_drop", make_and_drop, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "abi3_refcount", NULL, -1, methods,
};

PyMODINIT_FUNC PyInit_abi3_refcount(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    counted_type = PyType_FromSpec(&counted_spec);
    if (counted_type == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(counted_type);
    if (PyModule_AddObject(m, "Counted", counted_type) < 0) {
        Py_DECREF(counted_type);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
