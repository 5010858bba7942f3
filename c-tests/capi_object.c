/* capi_object: the abstract object protocol (PyObject_*) and the singletons.
 * Checked by test_capi_object.py. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define ARG(i)                                  \
    PyObject *a##i = PyTuple_GetItem(args, i);  \
    if (a##i == NULL) {                         \
        return NULL;                            \
    }

static PyObject *
int_or_error(int r)
{
    if (r < 0) {
        return NULL;
    }
    return PyLong_FromLong(r);
}

/* ---- attributes ------------------------------------------------------ */

static PyObject *
getattr_(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    return PyObject_GetAttr(a0, a1);
}

static PyObject *
getattr_string(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    const char *name = PyUnicode_AsUTF8(a1);
    if (name == NULL) {
        return NULL;
    }
    return PyObject_GetAttrString(a0, name);
}

static PyObject *
setattr_(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1) ARG(2)
    if (PyObject_SetAttr(a0, a1, a2) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* PyObject_SetAttr with a NULL value deletes the attribute */
static PyObject *
setattr_null(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    if (PyObject_SetAttr(a0, a1, NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
setattr_string(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1) ARG(2)
    const char *name = PyUnicode_AsUTF8(a1);
    if (name == NULL) {
        return NULL;
    }
    if (PyObject_SetAttrString(a0, name, a2) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* -> (result, error indicator was clear afterwards) */
static PyObject *
hasattr_(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    int r = PyObject_HasAttr(a0, a1);
    int clear = PyErr_Occurred() == NULL;
    PyErr_Clear();
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, PyLong_FromLong(r));
    PyTuple_SET_ITEM(t, 1, PyBool_FromLong(clear));
    return t;
}

static PyObject *
hasattr_string(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    const char *name = PyUnicode_AsUTF8(a1);
    if (name == NULL) {
        return NULL;
    }
    int r = PyObject_HasAttrString(a0, name);
    PyErr_Clear();
    return PyLong_FromLong(r);
}

/* ---- calls ----------------------------------------------------------- */

/* call(f, args, kwargs_or_None): PyObject_Call */
static PyObject *
call(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1) ARG(2)
    return PyObject_Call(a0, a1, a2 == Py_None ? NULL : a2);
}

/* call_object(f, args_or_None): PyObject_CallObject */
static PyObject *
call_object(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    return PyObject_CallObject(a0, a1 == Py_None ? NULL : a1);
}

/* call_one_arg(f, x) */
static PyObject *
call_one_arg(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    return PyObject_CallOneArg(a0, a1);
}

static PyObject *
call_no_args(PyObject *self, PyObject *arg)
{
    return PyObject_CallNoArgs(arg);
}

/* call_n_times(f, n): calls f(i) for i in range(n), returns the last result */
static PyObject *
call_n_times(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    long n = PyLong_AsLong(a1);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *last = Py_NewRef(Py_None);
    for (long i = 0; i < n; i++) {
        PyObject *x = PyLong_FromLong(i);
        if (x == NULL) {
            Py_DECREF(last);
            return NULL;
        }
        PyObject *r = PyObject_CallOneArg(a0, x);
        Py_DECREF(x);
        if (r == NULL) {
            Py_DECREF(last);
            return NULL;
        }
        Py_SETREF(last, r);
    }
    return last;
}

/* ---- repr / str / compare / truth / hash / len ----------------------- */

static PyObject *
repr_(PyObject *self, PyObject *arg)
{
    return PyObject_Repr(arg);
}

static PyObject *
str_(PyObject *self, PyObject *arg)
{
    return PyObject_Str(arg);
}

/* rich_compare(a, b, op) */
static PyObject *
rich_compare(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1) ARG(2)
    long op = PyLong_AsLong(a2);
    if (op == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyObject_RichCompare(a0, a1, (int)op);
}

static PyObject *
rich_compare_bool(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1) ARG(2)
    long op = PyLong_AsLong(a2);
    if (op == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return int_or_error(PyObject_RichCompareBool(a0, a1, (int)op));
}

static PyObject *
is_true(PyObject *self, PyObject *arg)
{
    return int_or_error(PyObject_IsTrue(arg));
}

static PyObject *
not_(PyObject *self, PyObject *arg)
{
    return int_or_error(PyObject_Not(arg));
}

static PyObject *
hash_(PyObject *self, PyObject *arg)
{
    Py_hash_t h = PyObject_Hash(arg);
    if (h == -1) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_AssertionError, "-1 without an error");
        }
        return NULL;
    }
    return PyLong_FromSsize_t(h);
}

static PyObject *
length(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyObject_Length(arg);
    if (n < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *
size(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyObject_Size(arg);
    if (n < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

/* ---- items ----------------------------------------------------------- */

static PyObject *
getitem(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    return PyObject_GetItem(a0, a1);
}

static PyObject *
setitem(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1) ARG(2)
    if (PyObject_SetItem(a0, a1, a2) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
delitem(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    if (PyObject_DelItem(a0, a1) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- types ----------------------------------------------------------- */

static PyObject *
isinstance_(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    return int_or_error(PyObject_IsInstance(a0, a1));
}

static PyObject *
issubclass_(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    return int_or_error(PyObject_IsSubclass(a0, a1));
}

static PyObject *
type_(PyObject *self, PyObject *arg)
{
    return PyObject_Type(arg);
}

/* -> (Py_TYPE(x) is PyObject_Type(x), Py_IS_TYPE(x, Py_TYPE(x))) */
static PyObject *
py_type_agrees(PyObject *self, PyObject *arg)
{
    PyObject *t = PyObject_Type(arg);
    if (t == NULL) {
        return NULL;
    }
    int same = (PyObject *)Py_TYPE(arg) == t;
    Py_DECREF(t);
    PyObject *r = PyTuple_New(2);
    if (r == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(r, 0, PyBool_FromLong(same));
    PyTuple_SET_ITEM(r, 1, PyBool_FromLong(Py_IS_TYPE(arg, Py_TYPE(arg))));
    return r;
}

/* Py_TYPE(x) returned as an object */
static PyObject *
py_type(PyObject *self, PyObject *arg)
{
    return Py_NewRef((PyObject *)Py_TYPE(arg));
}

/* ---- singletons ------------------------------------------------------ */

/* (None, True, False, NotImplemented, Ellipsis) as C knows them */
static PyObject *
singletons(PyObject *self, PyObject *ignored)
{
    PyObject *t = PyTuple_New(5);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, Py_NewRef(Py_None));
    PyTuple_SET_ITEM(t, 1, Py_NewRef(Py_True));
    PyTuple_SET_ITEM(t, 2, Py_NewRef(Py_False));
    PyTuple_SET_ITEM(t, 3, Py_NewRef(Py_NotImplemented));
    PyTuple_SET_ITEM(t, 4, Py_NewRef(Py_Ellipsis));
    return t;
}

/* which singleton x is, by pointer: 0 None, 1 True, 2 False,
 * 3 NotImplemented, 4 Ellipsis, -1 none of them */
static PyObject *
which_singleton(PyObject *self, PyObject *arg)
{
    long r = -1;
    if (arg == Py_None) {
        r = 0;
    }
    else if (arg == Py_True) {
        r = 1;
    }
    else if (arg == Py_False) {
        r = 2;
    }
    else if (arg == Py_NotImplemented) {
        r = 3;
    }
    else if (arg == Py_Ellipsis) {
        r = 4;
    }
    return PyLong_FromLong(r);
}

static PyObject *
return_none(PyObject *self, PyObject *ignored)
{
    Py_RETURN_NONE;
}

static PyObject *
return_not_implemented(PyObject *self, PyObject *ignored)
{
    Py_RETURN_NOTIMPLEMENTED;
}

/* -> (Py_IsNone, Py_IsTrue, Py_IsFalse) (3.10+) */
static PyObject *
is_checks(PyObject *self, PyObject *arg)
{
    PyObject *t = PyTuple_New(3);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, PyBool_FromLong(Py_IsNone(arg)));
    PyTuple_SET_ITEM(t, 1, PyBool_FromLong(Py_IsTrue(arg)));
    PyTuple_SET_ITEM(t, 2, PyBool_FromLong(Py_IsFalse(arg)));
    return t;
}

static PyMethodDef capi_object_methods[] = {
    {"getattr", getattr_, METH_VARARGS, NULL},
    {"getattr_string", getattr_string, METH_VARARGS, NULL},
    {"setattr", setattr_, METH_VARARGS, NULL},
    {"setattr_null", setattr_null, METH_VARARGS, NULL},
    {"setattr_string", setattr_string, METH_VARARGS, NULL},
    {"hasattr", hasattr_, METH_VARARGS, NULL},
    {"hasattr_string", hasattr_string, METH_VARARGS, NULL},
    {"call", call, METH_VARARGS, NULL},
    {"call_object", call_object, METH_VARARGS, NULL},
    {"call_one_arg", call_one_arg, METH_VARARGS, NULL},
    {"call_no_args", call_no_args, METH_O, NULL},
    {"call_n_times", call_n_times, METH_VARARGS, NULL},
    {"repr", repr_, METH_O, NULL},
    {"str", str_, METH_O, NULL},
    {"rich_compare", rich_compare, METH_VARARGS, NULL},
    {"rich_compare_bool", rich_compare_bool, METH_VARARGS, NULL},
    {"is_true", is_true, METH_O, NULL},
    {"not_", not_, METH_O, NULL},
    {"hash", hash_, METH_O, NULL},
    {"length", length, METH_O, NULL},
    {"size", size, METH_O, NULL},
    {"getitem", getitem, METH_VARARGS, NULL},
    {"setitem", setitem, METH_VARARGS, NULL},
    {"delitem", delitem, METH_VARARGS, NULL},
    {"isinstance", isinstance_, METH_VARARGS, NULL},
    {"issubclass", issubclass_, METH_VARARGS, NULL},
    {"type", type_, METH_O, NULL},
    {"py_type_agrees", py_type_agrees, METH_O, NULL},
    {"py_type", py_type, METH_O, NULL},
    {"singletons", singletons, METH_NOARGS, NULL},
    {"which_singleton", which_singleton, METH_O, NULL},
    {"return_none", return_none, METH_NOARGS, NULL},
    {"return_not_implemented", return_not_implemented, METH_NOARGS, NULL},
    {"is_checks", is_checks, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_object_def = {
    PyModuleDef_HEAD_INIT, "capi_object", NULL, -1, capi_object_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_object(void)
{
    PyObject *m = PyModule_Create(&capi_object_def);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddIntMacro(m, Py_LT) < 0 || PyModule_AddIntMacro(m, Py_LE) < 0
        || PyModule_AddIntMacro(m, Py_EQ) < 0 || PyModule_AddIntMacro(m, Py_NE) < 0
        || PyModule_AddIntMacro(m, Py_GT) < 0 || PyModule_AddIntMacro(m, Py_GE) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
