/* capi_structseq: struct sequences (structseq.h) and _PyTuple_Resize
 * (cpython/tupleobject.h), as C makes and uses them. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Like os.stat_result: named and unnamed visible fields, then hidden ones. */
static PyStructSequence_Field static_fields[] = {
    {"a", "field a"},
    {"b", NULL},
    {NULL, NULL}, /* unnamed: set at init (PyStructSequence_UnnamedField) */
    {"c", "hidden c"},
    {"d", NULL},
    {NULL, NULL},
};

static PyStructSequence_Desc static_desc = {
    "capi_structseq.Static", "a static struct sequence", static_fields, 3,
};

static PyStructSequence_Field heap_fields[] = {
    {"x", NULL},
    {"y", NULL},
    {"z", "hidden z"},
    {NULL, NULL},
};

static PyStructSequence_Desc heap_desc = {
    "capi_structseq.Heap", NULL, heap_fields, 2,
};

static PyStructSequence_Field plain_fields[] = {
    {"only", NULL},
    {NULL, NULL},
};

static PyStructSequence_Desc plain_desc = {"Plain", NULL, plain_fields, 1};

static PyTypeObject StaticType;
static PyTypeObject *HeapType;

/* An instance of `type` from the items of the tuple `args`. */
static PyObject *
fill(PyTypeObject *type, PyObject *args)
{
    PyObject *obj = PyStructSequence_New(type);
    if (obj == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *v = PyTuple_GET_ITEM(args, i);
        if (v != Py_None) {
            PyStructSequence_SET_ITEM(obj, i, Py_NewRef(v));
        }
    }
    return obj;
}

static PyObject *
make_static(PyObject *m, PyObject *args)
{
    return fill(&StaticType, args);
}

static PyObject *
make_heap(PyObject *m, PyObject *args)
{
    return fill(HeapType, args);
}

/* Every stored field through PyStructSequence_GetItem, and Py_SIZE. */
static PyObject *
fields_of(PyObject *m, PyObject *args)
{
    PyObject *obj;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "On", &obj, &n)) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyStructSequence_GetItem(obj, i);
        if (PyList_Append(out, v == NULL ? Py_None : v) < 0) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return Py_BuildValue("(Nn)", out, Py_SIZE(obj));
}

static PyObject *
init_again(PyObject *m, PyObject *unused)
{
    if (PyStructSequence_InitType2(&StaticType, &static_desc) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
new_plain_type(PyObject *m, PyObject *unused)
{
    return (PyObject *)PyStructSequence_NewType(&plain_desc);
}

/* A tuple C alone holds (the items of `items`), resized to n, its new
 * slots filled with `fill`. */
static PyObject *
tuple_resize(PyObject *m, PyObject *args)
{
    PyObject *items, *filler;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "O!nO", &PyTuple_Type, &items, &n, &filler)) {
        return NULL;
    }
    Py_ssize_t old = PyTuple_GET_SIZE(items);
    PyObject *t = PyTuple_New(old);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < old; i++) {
        PyTuple_SET_ITEM(t, i, Py_NewRef(PyTuple_GET_ITEM(items, i)));
    }
    if (_PyTuple_Resize(&t, n) < 0) {
        return NULL;
    }
    for (Py_ssize_t i = old; i < n; i++) {
        if (PyTuple_GET_ITEM(t, i) != NULL) {
            Py_DECREF(t);
            PyErr_SetString(PyExc_AssertionError, "a new slot is not NULL");
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, Py_NewRef(filler));
    }
    return Py_BuildValue("(Nn)", t, PyTuple_GET_SIZE(t));
}

/* _PyTuple_Resize of an object the caller does not hold alone: the call
 * takes the extra reference given here, sets the pointer NULL and raises. */
static PyObject *
tuple_resize_held(PyObject *m, PyObject *args)
{
    PyObject *obj;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "On", &obj, &n)) {
        return NULL;
    }
    PyObject *p = Py_NewRef(obj);
    int r = _PyTuple_Resize(&p, n);
    if (r == 0) {
        return Py_BuildValue("(iN)", r, p);
    }
    if (p != NULL) {
        PyErr_SetString(PyExc_AssertionError, "the pointer was not set NULL");
    }
    return NULL;
}

static PyMethodDef methods[] = {
    {"make_static", make_static, METH_VARARGS, NULL},
    {"make_heap", make_heap, METH_VARARGS, NULL},
    {"fields_of", fields_of, METH_VARARGS, NULL},
    {"init_again", init_again, METH_NOARGS, NULL},
    {"new_plain_type", new_plain_type, METH_NOARGS, NULL},
    {"tuple_resize", tuple_resize, METH_VARARGS, NULL},
    {"tuple_resize_held", tuple_resize_held, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "capi_structseq", NULL, 0, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_structseq(void)
{
    static_fields[2].name = PyStructSequence_UnnamedField;
    if (PyStructSequence_InitType2(&StaticType, &static_desc) < 0) {
        return NULL;
    }
    HeapType = PyStructSequence_NewType(&heap_desc);
    if (HeapType == NULL) {
        return NULL;
    }
    PyObject *mod = PyModule_Create(&def);
    if (mod == NULL) {
        return NULL;
    }
    if (PyModule_AddObject(mod, "Static", Py_NewRef(&StaticType)) < 0 ||
        PyModule_AddObject(mod, "Heap", (PyObject *)HeapType) < 0) {
        Py_DECREF(mod);
        return NULL;
    }
    return mod;
}
