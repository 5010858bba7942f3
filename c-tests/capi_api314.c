/* capi_api314: small APIs new in CPython 3.14: PyIter_NextItem,
 * PyLong_IsZero, PyUnicode_Equal, Py_HashBuffer. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* next_items(it) -> every item PyIter_NextItem gives, until it returns 0 */
static PyObject *
next_items(PyObject *m, PyObject *it)
{
    PyObject *items = PyList_New(0), *item = Py_None;
    if (items == NULL)
        return NULL;
    int r;
    while ((r = PyIter_NextItem(it, &item)) == 1) {
        int failed = PyList_Append(items, item);
        Py_DECREF(item);
        if (failed) {
            Py_DECREF(items);
            return NULL;
        }
        item = Py_None;
    }
    if (item != NULL) {
        PyErr_SetString(PyExc_AssertionError, "*item not set to NULL");
        r = -1;
    }
    if (r < 0) {
        Py_DECREF(items);
        return NULL;
    }
    return items;
}

static PyObject *
long_is_zero(PyObject *m, PyObject *o)
{
    int r = PyLong_IsZero(o);
    return r < 0 ? NULL : PyLong_FromLong(r);
}

static PyObject *
unicode_equal(PyObject *m, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    int r = PyUnicode_Equal(a, b);
    return r < 0 ? NULL : PyLong_FromLong(r);
}

/* hash_buffer(bytes or bytearray): the hash of its bytes */
static PyObject *
hash_buffer(PyObject *m, PyObject *o)
{
    const char *data = PyBytes_Check(o) ? PyBytes_AsString(o) : PyByteArray_AsString(o);
    if (data == NULL)
        return NULL;
    Py_ssize_t n = PyBytes_Check(o) ? PyBytes_Size(o) : PyByteArray_Size(o);
    return PyLong_FromSsize_t(Py_HashBuffer(data, n));
}

/* unique_refs(obj) -> (IsUniquelyReferenced(obj),
 *   IsUniqueReferencedTemporary(obj), IsUniquelyReferenced(a tuple C just
 *   made), EnableDeferredRefcount(obj)) */
static PyObject *
unique_refs(PyObject *m, PyObject *obj)
{
    PyObject *fresh = PyTuple_New(1);
    if (fresh == NULL)
        return NULL;
    PyTuple_SET_ITEM(fresh, 0, Py_NewRef(Py_None));
    int fresh_unique = PyUnstable_Object_IsUniquelyReferenced(fresh);
    Py_DECREF(fresh);
    return Py_BuildValue("(iiii)", PyUnstable_Object_IsUniquelyReferenced(obj),
                         PyUnstable_Object_IsUniqueReferencedTemporary(obj),
                         fresh_unique,
                         PyUnstable_Object_EnableDeferredRefcount(obj));
}

/* mutex_is_locked() -> (before, while locked, after) */
static PyObject *
mutex_is_locked(PyObject *m, PyObject *unused)
{
    static PyMutex mu;
    int before = PyMutex_IsLocked(&mu);
    PyMutex_Lock(&mu);
    int during = PyMutex_IsLocked(&mu);
    PyMutex_Unlock(&mu);
    return Py_BuildValue("(iii)", before, during, PyMutex_IsLocked(&mu));
}

/* type_freeze(type) -> None, or the error PyType_Freeze sets. */
static PyObject *
type_freeze(PyObject *m, PyObject *type)
{
    if (!PyType_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "not a type");
        return NULL;
    }
    if (PyType_Freeze((PyTypeObject *)type) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"type_freeze", type_freeze, METH_O, NULL},
    {"unique_refs", unique_refs, METH_O, NULL},
    {"mutex_is_locked", mutex_is_locked, METH_NOARGS, NULL},
    {"next_items", next_items, METH_O, NULL},
    {"long_is_zero", long_is_zero, METH_O, NULL},
    {"unicode_equal", unicode_equal, METH_VARARGS, NULL},
    {"hash_buffer", hash_buffer, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "capi_api314", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_capi_api314(void)
{
    return PyModule_Create(&module);
}
