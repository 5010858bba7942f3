/* capi_module: single-phase module init and the calling conventions of
 * module-level functions.
 *
 * Every function echoes what it received so the check script can assert what
 * the C side saw.  Checked by test_capi_module.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define CAPI_MODULE_MACRO 1234

/* A new 2-tuple (a, b); does not steal. */
static PyObject *
pair(PyObject *a, PyObject *b)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, Py_NewRef(a));
    PyTuple_SET_ITEM(t, 1, Py_NewRef(b));
    return t;
}

/* METH_NOARGS: `ignored` is always NULL.  Returns (self, ignored is NULL). */
static PyObject *
noargs(PyObject *self, PyObject *ignored)
{
    return pair(self, ignored == NULL ? Py_True : Py_False);
}

/* METH_O: returns (self, arg), so identity of both can be checked. */
static PyObject *
meth_o(PyObject *self, PyObject *arg)
{
    return pair(self, arg);
}

/* METH_VARARGS: returns the args object itself. */
static PyObject *
varargs(PyObject *self, PyObject *args)
{
    if (!PyTuple_CheckExact(args)) {
        PyErr_SetString(PyExc_AssertionError, "args is not an exact tuple");
        return NULL;
    }
    return Py_NewRef(args);
}

/* METH_VARARGS|METH_KEYWORDS: returns (args, kwargs or None). */
static PyObject *
varargs_kw(PyObject *self, PyObject *args, PyObject *kwargs)
{
    if (!PyTuple_CheckExact(args)) {
        PyErr_SetString(PyExc_AssertionError, "args is not an exact tuple");
        return NULL;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_AssertionError, "kwargs is not a dict");
        return NULL;
    }
    return pair(args, kwargs != NULL ? kwargs : Py_None);
}

static PyObject *
tuple_from_array(PyObject *const *items, Py_ssize_t n)
{
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (items[i] == NULL) {
            Py_DECREF(t);
            PyErr_SetString(PyExc_AssertionError, "NULL in argument vector");
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, Py_NewRef(items[i]));
    }
    return t;
}

/* METH_FASTCALL: returns (nargs, tuple(args)). */
static PyObject *
fastcall(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *t = tuple_from_array(args, nargs);
    if (t == NULL) {
        return NULL;
    }
    PyObject *n = PyLong_FromSsize_t(nargs);
    if (n == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    PyObject *r = PyTuple_New(2);
    if (r == NULL) {
        Py_DECREF(t);
        Py_DECREF(n);
        return NULL;
    }
    PyTuple_SET_ITEM(r, 0, n);
    PyTuple_SET_ITEM(r, 1, t);
    return r;
}

/* METH_FASTCALL|METH_KEYWORDS: returns
 * (nargs, tuple(positional), kwnames-or-None, tuple(keyword values)). */
static PyObject *
fastcall_kw(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
            PyObject *kwnames)
{
    Py_ssize_t nkw = 0;
    if (kwnames != NULL) {
        if (!PyTuple_CheckExact(kwnames)) {
            PyErr_SetString(PyExc_AssertionError, "kwnames is not a tuple");
            return NULL;
        }
        nkw = PyTuple_GET_SIZE(kwnames);
        for (Py_ssize_t i = 0; i < nkw; i++) {
            if (!PyUnicode_Check(PyTuple_GET_ITEM(kwnames, i))) {
                PyErr_SetString(PyExc_AssertionError, "keyword name is not a str");
                return NULL;
            }
        }
    }
    PyObject *pos = tuple_from_array(args, nargs);
    if (pos == NULL) {
        return NULL;
    }
    PyObject *kwvalues = tuple_from_array(args + nargs, nkw);
    if (kwvalues == NULL) {
        Py_DECREF(pos);
        return NULL;
    }
    PyObject *n = PyLong_FromSsize_t(nargs);
    if (n == NULL) {
        Py_DECREF(pos);
        Py_DECREF(kwvalues);
        return NULL;
    }
    PyObject *r = PyTuple_New(4);
    if (r == NULL) {
        Py_DECREF(pos);
        Py_DECREF(kwvalues);
        Py_DECREF(n);
        return NULL;
    }
    PyTuple_SET_ITEM(r, 0, n);
    PyTuple_SET_ITEM(r, 1, pos);
    PyTuple_SET_ITEM(r, 2, Py_NewRef(kwnames != NULL ? kwnames : Py_None));
    PyTuple_SET_ITEM(r, 3, kwvalues);
    return r;
}

/* Returns NULL without setting an exception: the caller sees SystemError. */
static PyObject *
null_without_error(PyObject *self, PyObject *ignored)
{
    return NULL;
}

/* Sets an exception but returns a value: the caller sees SystemError. */
static PyObject *
value_with_error(PyObject *self, PyObject *ignored)
{
    PyErr_SetString(PyExc_ValueError, "set but not returned");
    Py_RETURN_NONE;
}

/* Raises normally, for contrast with the two above. */
static PyObject *
raise_value_error(PyObject *self, PyObject *arg)
{
    PyErr_SetObject(PyExc_ValueError, arg);
    return NULL;
}

static PyObject *
with_signature(PyObject *self, PyObject *args)
{
    Py_RETURN_NONE;
}

/* Sum of the C longs of all positional args: a FASTCALL function doing work. */
static PyObject *
fastcall_sum(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    long total = 0;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        long v = PyLong_AsLong(args[i]);
        if (v == -1 && PyErr_Occurred()) {
            return NULL;
        }
        total += v;
    }
    return PyLong_FromLong(total);
}

/* PyCFunction_GetFunction/GetFlags/GetSelf of f: (is it this very C
 * function, its flags, its self or None for NULL). */
static PyObject *cfunction_info(PyObject *module, PyObject *f);

static PyMethodDef unbound_def = {"unbound", (PyCFunction)cfunction_info, METH_O, NULL};

static PyObject *
cfunction_info(PyObject *module, PyObject *f)
{
    PyCFunction fn = PyCFunction_GetFunction(f);
    if (fn == NULL) {
        return NULL;
    }
    int flags = PyCFunction_GetFlags(f);
    PyObject *self = PyCFunction_GetSelf(f);
    return Py_BuildValue("(OiO)", fn == (PyCFunction)cfunction_info ? Py_True : Py_False, flags,
                         self ? self : Py_None);
}

/* A function made with a NULL self. */
static PyObject *
make_unbound(PyObject *module, PyObject *unused)
{
    return PyCFunction_New(&unbound_def, NULL);
}

/* What a METH_STATIC function receives: (self is NULL, args). */
static PyObject *
static_probe(PyObject *self, PyObject *args)
{
    return Py_BuildValue("(OO)", self == NULL ? Py_True : Py_False, args);
}

static PyMethodDef static_def = {"static_probe", static_probe, METH_STATIC | METH_VARARGS, NULL};

/* PyCFunction_NewEx takes METH_STATIC (PyO3 makes static methods so). */
static PyObject *
make_static(PyObject *module, PyObject *unused)
{
    return PyCFunction_NewEx(&static_def, NULL, NULL);
}

static PyMethodDef static_in_table[] = {
    {"static_probe", static_probe, METH_STATIC | METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* A module's function table may not: PyModule_AddFunctions fails. */
static PyObject *
add_static_to_module(PyObject *module, PyObject *unused)
{
    PyObject *fresh = PyModule_New("fresh");
    if (fresh == NULL) {
        return NULL;
    }
    int r = PyModule_AddFunctions(fresh, static_in_table);
    Py_DECREF(fresh);
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef capi_module_methods[] = {
    {"cfunction_info", cfunction_info, METH_O, NULL},
    {"make_static", make_static, METH_NOARGS, NULL},
    {"add_static_to_module", add_static_to_module, METH_NOARGS, NULL},
    {"make_unbound", make_unbound, METH_NOARGS, NULL},
    {"noargs", noargs, METH_NOARGS, "noargs doc"},
    {"meth_o", meth_o, METH_O, "meth_o doc"},
    {"varargs", varargs, METH_VARARGS, "varargs doc"},
    {"varargs_kw", (PyCFunction)(void (*)(void))varargs_kw,
     METH_VARARGS | METH_KEYWORDS, "varargs_kw doc"},
    {"fastcall", (PyCFunction)(void (*)(void))fastcall, METH_FASTCALL,
     "fastcall doc"},
    {"fastcall_kw", (PyCFunction)(void (*)(void))fastcall_kw,
     METH_FASTCALL | METH_KEYWORDS, "fastcall_kw doc"},
    {"fastcall_sum", (PyCFunction)(void (*)(void))fastcall_sum, METH_FASTCALL,
     NULL},
    {"null_without_error", null_without_error, METH_NOARGS, NULL},
    {"value_with_error", value_with_error, METH_NOARGS, NULL},
    {"raise_value_error", raise_value_error, METH_O, NULL},
    {"with_signature", with_signature, METH_VARARGS,
     "with_signature($module, a, b=1, /)\n--\n\nHas a text signature."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_module_def = {
    PyModuleDef_HEAD_INIT,
    "capi_module",
    "Single-phase test module for the c-tests.",
    -1,
    capi_module_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_module(void)
{
    PyObject *m = PyModule_Create(&capi_module_def);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddIntConstant(m, "INT_CONST", 42) < 0) {
        goto error;
    }
    if (PyModule_AddIntConstant(m, "NEG_CONST", -7) < 0) {
        goto error;
    }
    if (PyModule_AddStringConstant(m, "STR_CONST", "h\xc3\xa9llo") < 0) {
        goto error;
    }
    if (PyModule_AddIntMacro(m, CAPI_MODULE_MACRO) < 0) {
        goto error;
    }
    /* AddObjectRef does not steal: we drop our own reference afterwards. */
    PyObject *one = PyLong_FromLong(1);
    if (one == NULL) {
        goto error;
    }
    PyObject *two = PyUnicode_FromString("two");
    if (two == NULL) {
        Py_DECREF(one);
        goto error;
    }
    PyObject *obj = pair(one, two);
    Py_DECREF(one);
    Py_DECREF(two);
    if (obj == NULL) {
        goto error;
    }
    if (PyModule_AddObjectRef(m, "OBJ_CONST", obj) < 0) {
        Py_DECREF(obj);
        goto error;
    }
    Py_DECREF(obj);
    /* AddObject steals the reference on success. */
    PyObject *lst = PyList_New(0);
    if (lst == NULL) {
        goto error;
    }
    if (PyModule_AddObject(m, "LIST_CONST", lst) < 0) {
        Py_DECREF(lst);
        goto error;
    }
    if (PyModule_AddObjectRef(m, "NONE_CONST", Py_None) < 0) {
        goto error;
    }
    return m;

error:
    Py_DECREF(m);
    return NULL;
}
