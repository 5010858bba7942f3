/* capi_containers: tuple, list, dict.  Checked by test_capi_containers.py. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
get_index(PyObject *args, Py_ssize_t pos, Py_ssize_t *out)
{
    PyObject *o = PyTuple_GetItem(args, pos);
    if (o == NULL) {
        return -1;
    }
    *out = PyLong_AsSsize_t(o);
    if (*out == -1 && PyErr_Occurred()) {
        return -1;
    }
    return 0;
}

/* a new 2-tuple, stealing both (either may be NULL: then NULL is returned) */
static PyObject *
steal_pair(PyObject *a, PyObject *b)
{
    if (a == NULL || b == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        return NULL;
    }
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(a);
        Py_DECREF(b);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, a);
    PyTuple_SET_ITEM(t, 1, b);
    return t;
}

/* ---- tuple ----------------------------------------------------------- */

/* tuple_new(n) -> (0, 1, 4, ..., (n-1)**2) through PyTuple_SetItem */
static PyObject *
tuple_new(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(i * i);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        if (PyTuple_SetItem(t, i, v) < 0) {
            Py_DECREF(t);
            return NULL;
        }
    }
    return t;
}

/* same through PyTuple_SET_ITEM */
static PyObject *
tuple_new_macro(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(i * i);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

/* tuple_get_item(t, i): PyTuple_GetItem (borrowed), returned as new ref */
static PyObject *
tuple_get_item(PyObject *self, PyObject *args)
{
    Py_ssize_t i;
    PyObject *t = PyTuple_GetItem(args, 0);
    if (t == NULL || get_index(args, 1, &i) < 0) {
        return NULL;
    }
    PyObject *item = PyTuple_GetItem(t, i);
    if (item == NULL) {
        return NULL;
    }
    return Py_NewRef(item);
}

/* tuple_get_item_macro(t, i): PyTuple_GET_ITEM (the caller keeps i valid) */
static PyObject *
tuple_get_item_macro(PyObject *self, PyObject *args)
{
    Py_ssize_t i;
    PyObject *t = PyTuple_GetItem(args, 0);
    if (t == NULL || get_index(args, 1, &i) < 0) {
        return NULL;
    }
    if (!PyTuple_Check(t) || i < 0 || i >= PyTuple_GET_SIZE(t)) {
        PyErr_SetString(PyExc_AssertionError, "bad test call");
        return NULL;
    }
    return Py_NewRef(PyTuple_GET_ITEM(t, i));
}

static PyObject *
tuple_size(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyTuple_Size(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *
tuple_size_macro(PyObject *self, PyObject *arg)
{
    if (!PyTuple_Check(arg)) {
        PyErr_SetString(PyExc_AssertionError, "bad test call");
        return NULL;
    }
    return PyLong_FromSsize_t(PyTuple_GET_SIZE(arg));
}

/* PyTuple_SetItem out of range on a fresh tuple: IndexError; the item's
 * reference is stolen even on failure. */
static PyObject *
tuple_set_item_out_of_range(PyObject *self, PyObject *ignored)
{
    PyObject *t = PyTuple_New(1);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, Py_NewRef(Py_None));
    PyObject *v = PyLong_FromLong(5);
    if (v == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    int r = PyTuple_SetItem(t, 1, v); /* steals v */
    Py_DECREF(t);
    if (r == 0) {
        PyErr_SetString(PyExc_AssertionError, "SetItem out of range succeeded");
        return NULL;
    }
    return NULL;
}

/* PyTuple_SetItem on a non-tuple: SystemError */
static PyObject *
tuple_set_item_non_tuple(PyObject *self, PyObject *arg)
{
    int r = PyTuple_SetItem(arg, 0, Py_NewRef(Py_None));
    if (r == 0) {
        PyErr_SetString(PyExc_AssertionError, "SetItem on non-tuple succeeded");
    }
    return NULL;
}

/* -> (PyTuple_Check, PyTuple_CheckExact) */
static PyObject *
tuple_check(PyObject *self, PyObject *arg)
{
    return steal_pair(PyBool_FromLong(PyTuple_Check(arg)),
                      PyBool_FromLong(PyTuple_CheckExact(arg)));
}

/* ---- list ------------------------------------------------------------ */

/* list_new(n) -> [0, 1, ..., n-1] through PyList_SET_ITEM on a fresh list */
static PyObject *
list_new(PyObject *self, PyObject *arg)
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
        PyObject *v = PyLong_FromSsize_t(i);
        if (v == NULL) {
            Py_DECREF(l);
            return NULL;
        }
        PyList_SET_ITEM(l, i, v);
    }
    return l;
}

/* list_new_append(n) -> [0, ..., n-1] through PyList_New(0) + PyList_Append */
static PyObject *
list_new_append(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *l = PyList_New(0);
    if (l == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(i);
        if (v == NULL) {
            Py_DECREF(l);
            return NULL;
        }
        int r = PyList_Append(l, v); /* does not steal */
        Py_DECREF(v);
        if (r < 0) {
            Py_DECREF(l);
            return NULL;
        }
    }
    return l;
}

/* list_append(l, x): appends to the caller's list */
static PyObject *
list_append(PyObject *self, PyObject *args)
{
    PyObject *l = PyTuple_GetItem(args, 0);
    PyObject *x = PyTuple_GetItem(args, 1);
    if (l == NULL || x == NULL) {
        return NULL;
    }
    if (PyList_Append(l, x) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
list_get_item(PyObject *self, PyObject *args)
{
    Py_ssize_t i;
    PyObject *l = PyTuple_GetItem(args, 0);
    if (l == NULL || get_index(args, 1, &i) < 0) {
        return NULL;
    }
    PyObject *item = PyList_GetItem(l, i);
    if (item == NULL) {
        return NULL;
    }
    return Py_NewRef(item);
}

static PyObject *
list_get_item_macro(PyObject *self, PyObject *args)
{
    Py_ssize_t i;
    PyObject *l = PyTuple_GetItem(args, 0);
    if (l == NULL || get_index(args, 1, &i) < 0) {
        return NULL;
    }
    if (!PyList_Check(l) || i < 0 || i >= PyList_GET_SIZE(l)) {
        PyErr_SetString(PyExc_AssertionError, "bad test call");
        return NULL;
    }
    return Py_NewRef(PyList_GET_ITEM(l, i));
}

/* list_set_item(l, i, x): PyList_SetItem (steals a new reference to x) */
static PyObject *
list_set_item(PyObject *self, PyObject *args)
{
    Py_ssize_t i;
    PyObject *l = PyTuple_GetItem(args, 0);
    PyObject *x = PyTuple_GetItem(args, 2);
    if (l == NULL || x == NULL || get_index(args, 1, &i) < 0) {
        return NULL;
    }
    if (PyList_SetItem(l, i, Py_NewRef(x)) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* list_set_item_macro(l, i, x): PyList_SET_ITEM over an existing item,
 * releasing the old one by hand as the documentation requires */
static PyObject *
list_set_item_macro(PyObject *self, PyObject *args)
{
    Py_ssize_t i;
    PyObject *l = PyTuple_GetItem(args, 0);
    PyObject *x = PyTuple_GetItem(args, 2);
    if (l == NULL || x == NULL || get_index(args, 1, &i) < 0) {
        return NULL;
    }
    if (!PyList_Check(l) || i < 0 || i >= PyList_GET_SIZE(l)) {
        PyErr_SetString(PyExc_AssertionError, "bad test call");
        return NULL;
    }
    PyObject *old = PyList_GET_ITEM(l, i);
    PyList_SET_ITEM(l, i, Py_NewRef(x));
    Py_DECREF(old);
    Py_RETURN_NONE;
}

/* list_insert(l, i, x) */
static PyObject *
list_insert(PyObject *self, PyObject *args)
{
    Py_ssize_t i;
    PyObject *l = PyTuple_GetItem(args, 0);
    PyObject *x = PyTuple_GetItem(args, 2);
    if (l == NULL || x == NULL || get_index(args, 1, &i) < 0) {
        return NULL;
    }
    if (PyList_Insert(l, i, x) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
list_size(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyList_Size(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *
list_as_tuple(PyObject *self, PyObject *arg)
{
    return PyList_AsTuple(arg);
}

/* list_size_around_call(l, fn): size before, fn() (which may mutate l),
 * size after and the last item seen through PyList_GET_ITEM afterwards. */
static PyObject *
list_size_around_call(PyObject *self, PyObject *args)
{
    PyObject *l = PyTuple_GetItem(args, 0);
    PyObject *fn = PyTuple_GetItem(args, 1);
    if (l == NULL || fn == NULL) {
        return NULL;
    }
    Py_ssize_t before = PyList_Size(l);
    if (before < 0) {
        return NULL;
    }
    PyObject *r = PyObject_CallNoArgs(fn);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    Py_ssize_t after = PyList_GET_SIZE(l);
    PyObject *last = after > 0 ? PyList_GET_ITEM(l, after - 1) : Py_None;
    PyObject *t = PyTuple_New(3);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, PyLong_FromSsize_t(before));
    PyTuple_SET_ITEM(t, 1, PyLong_FromSsize_t(after));
    PyTuple_SET_ITEM(t, 2, Py_NewRef(last));
    return t;
}

/* -> (PyList_Check, PyList_CheckExact) */
static PyObject *
list_check(PyObject *self, PyObject *arg)
{
    return steal_pair(PyBool_FromLong(PyList_Check(arg)),
                      PyBool_FromLong(PyList_CheckExact(arg)));
}

/* ---- dict ------------------------------------------------------------ */

/* {"a": 1, 2: "b", "c": None} via PyDict_SetItemString / PyDict_SetItem */
static PyObject *
dict_build(PyObject *self, PyObject *ignored)
{
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    PyObject *one = PyLong_FromLong(1);
    PyObject *two = PyLong_FromLong(2);
    PyObject *b = PyUnicode_FromString("b");
    PyObject *c = PyUnicode_FromString("c");
    int ok = one && two && b && c
             && PyDict_SetItemString(d, "a", one) == 0
             && PyDict_SetItem(d, two, b) == 0
             && PyDict_SetItem(d, c, Py_None) == 0;
    Py_XDECREF(one);
    Py_XDECREF(two);
    Py_XDECREF(b);
    Py_XDECREF(c);
    if (!ok) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

/* dict_set_item(d, k, v) */
static PyObject *
dict_set_item(PyObject *self, PyObject *args)
{
    PyObject *d = PyTuple_GetItem(args, 0);
    PyObject *k = PyTuple_GetItem(args, 1);
    PyObject *v = PyTuple_GetItem(args, 2);
    if (d == NULL || k == NULL || v == NULL) {
        return NULL;
    }
    if (PyDict_SetItem(d, k, v) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* dict_set_item_string(d, k: str, v) */
static PyObject *
dict_set_item_string(PyObject *self, PyObject *args)
{
    PyObject *d = PyTuple_GetItem(args, 0);
    PyObject *k = PyTuple_GetItem(args, 1);
    PyObject *v = PyTuple_GetItem(args, 2);
    if (d == NULL || k == NULL || v == NULL) {
        return NULL;
    }
    const char *key = PyUnicode_AsUTF8(k);
    if (key == NULL) {
        return NULL;
    }
    if (PyDict_SetItemString(d, key, v) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* dict_get_item(d, k) -> (found, value or None, error indicator was clear) */
static PyObject *
dict_get_item(PyObject *self, PyObject *args)
{
    PyObject *d = PyTuple_GetItem(args, 0);
    PyObject *k = PyTuple_GetItem(args, 1);
    if (d == NULL || k == NULL) {
        return NULL;
    }
    PyObject *v = PyDict_GetItem(d, k); /* borrowed, suppresses errors */
    int clear = PyErr_Occurred() == NULL;
    PyErr_Clear();
    PyObject *t = PyTuple_New(3);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, PyBool_FromLong(v != NULL));
    PyTuple_SET_ITEM(t, 1, Py_NewRef(v != NULL ? v : Py_None));
    PyTuple_SET_ITEM(t, 2, PyBool_FromLong(clear));
    return t;
}

/* dict_get_item_string(d, k: str) -> value or None */
static PyObject *
dict_get_item_string(PyObject *self, PyObject *args)
{
    PyObject *d = PyTuple_GetItem(args, 0);
    PyObject *k = PyTuple_GetItem(args, 1);
    if (d == NULL || k == NULL) {
        return NULL;
    }
    const char *key = PyUnicode_AsUTF8(k);
    if (key == NULL) {
        return NULL;
    }
    PyObject *v = PyDict_GetItemString(d, key);
    return Py_NewRef(v != NULL ? v : Py_None);
}

/* dict_get_item_with_error(d, k) -> (found, value or None), or raises */
static PyObject *
dict_get_item_with_error(PyObject *self, PyObject *args)
{
    PyObject *d = PyTuple_GetItem(args, 0);
    PyObject *k = PyTuple_GetItem(args, 1);
    if (d == NULL || k == NULL) {
        return NULL;
    }
    PyObject *v = PyDict_GetItemWithError(d, k);
    if (v == NULL && PyErr_Occurred()) {
        return NULL;
    }
    return steal_pair(PyBool_FromLong(v != NULL), Py_NewRef(v != NULL ? v : Py_None));
}

/* dict_get_item_ref(d, k) -> (return code 1/0, value or None), or raises.
 * PyDict_GetItemRef is 3.13+; older CPython gets the same contract from
 * PyDict_GetItemWithError plus an incref. */
static PyObject *
dict_get_item_ref(PyObject *self, PyObject *args)
{
    PyObject *d = PyTuple_GetItem(args, 0);
    PyObject *k = PyTuple_GetItem(args, 1);
    if (d == NULL || k == NULL) {
        return NULL;
    }
    PyObject *v = (PyObject *)0x1; /* must be overwritten */
#if PY_VERSION_HEX >= 0x030D0000
    int rc = PyDict_GetItemRef(d, k, &v);
#else
    int rc;
    if (!PyDict_Check(d)) {
        PyErr_BadInternalCall();
        v = NULL;
        rc = -1;
    }
    else {
        v = PyDict_GetItemWithError(d, k);
        if (v != NULL) {
            Py_INCREF(v);
            rc = 1;
        }
        else {
            rc = PyErr_Occurred() ? -1 : 0;
        }
    }
#endif
    if (rc < 0) {
        if (v != NULL) {
            PyErr_SetString(PyExc_AssertionError, "*result not NULL on error");
        }
        return NULL;
    }
    if ((rc == 0) != (v == NULL)) {
        PyErr_SetString(PyExc_AssertionError, "return code and *result disagree");
        Py_XDECREF(v);
        return NULL;
    }
    return steal_pair(PyLong_FromLong(rc), v != NULL ? v : Py_NewRef(Py_None));
}

/* dict_next(d) -> [(k, v), ...] in PyDict_Next order */
static PyObject *
dict_next(PyObject *self, PyObject *arg)
{
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(arg, &pos, &k, &v)) {
        PyObject *pair = steal_pair(Py_NewRef(k), Py_NewRef(v));
        if (pair == NULL || PyList_Append(out, pair) < 0) {
            Py_XDECREF(pair);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(pair);
    }
    return out;
}

/* dict_next_values_only(d) -> [v, ...], with NULL key pointer */
static PyObject *
dict_next_values_only(PyObject *self, PyObject *arg)
{
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    Py_ssize_t pos = 0;
    PyObject *v;
    while (PyDict_Next(arg, &pos, NULL, &v)) {
        if (PyList_Append(out, v) < 0) {
            Py_DECREF(out);
            return NULL;
        }
    }
    return out;
}

static PyObject *
dict_size(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyDict_Size(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *
dict_keys(PyObject *self, PyObject *arg)
{
    return PyDict_Keys(arg);
}

static PyObject *
dict_values(PyObject *self, PyObject *arg)
{
    return PyDict_Values(arg);
}

static PyObject *
dict_items(PyObject *self, PyObject *arg)
{
    return PyDict_Items(arg);
}

static PyObject *
dict_del_item(PyObject *self, PyObject *args)
{
    PyObject *d = PyTuple_GetItem(args, 0);
    PyObject *k = PyTuple_GetItem(args, 1);
    if (d == NULL || k == NULL) {
        return NULL;
    }
    if (PyDict_DelItem(d, k) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
dict_contains(PyObject *self, PyObject *args)
{
    PyObject *d = PyTuple_GetItem(args, 0);
    PyObject *k = PyTuple_GetItem(args, 1);
    if (d == NULL || k == NULL) {
        return NULL;
    }
    int r = PyDict_Contains(d, k);
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

/* -> (PyDict_Check, PyDict_CheckExact) */
static PyObject *
dict_check(PyObject *self, PyObject *arg)
{
    return steal_pair(PyBool_FromLong(PyDict_Check(arg)),
                      PyBool_FromLong(PyDict_CheckExact(arg)));
}

/* seq_fast(o, call) -> (fast is o, type of fast, items through
 * PySequence_Fast_ITEMS before and after call(o) ran, and through
 * PySequence_Fast_GET_ITEM after).  The items are read again after the
 * call, as C holding a list it was given does. */
static PyObject *
seq_fast(PyObject *self, PyObject *args)
{
    PyObject *o, *call, *fast, *before, *after, *by_index, *r;
    if (!PyArg_ParseTuple(args, "OO", &o, &call)) {
        return NULL;
    }
    fast = PySequence_Fast(o, "seq_fast wants an iterable");
    if (fast == NULL) {
        return NULL;
    }
    before = PyList_New(PySequence_Fast_GET_SIZE(fast));
    if (before == NULL) {
        Py_DECREF(fast);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(fast); i++) {
        PyList_SET_ITEM(before, i, Py_NewRef(PySequence_Fast_ITEMS(fast)[i]));
    }
    r = PyObject_CallOneArg(call, fast);
    if (r == NULL) {
        Py_DECREF(fast);
        Py_DECREF(before);
        return NULL;
    }
    Py_DECREF(r);
    after = PyList_New(PySequence_Fast_GET_SIZE(fast));
    by_index = PyList_New(PySequence_Fast_GET_SIZE(fast));
    if (after == NULL || by_index == NULL) {
        Py_XDECREF(after);
        Py_XDECREF(by_index);
        Py_DECREF(fast);
        Py_DECREF(before);
        return NULL;
    }
    PyObject **items = PySequence_Fast_ITEMS(fast);
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(fast); i++) {
        PyList_SET_ITEM(after, i, Py_NewRef(items[i]));
        PyList_SET_ITEM(by_index, i, Py_NewRef(PySequence_Fast_GET_ITEM(fast, i)));
    }
    r = Py_BuildValue("(OONNN)", fast == o ? Py_True : Py_False, (PyObject *)Py_TYPE(fast),
                      before, after, by_index);
    Py_DECREF(fast);
    return r;
}

/* PySequence_GetItem(o, i) */
static PyObject *
seq_get_item(PyObject *self, PyObject *args)
{
    PyObject *o;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "On", &o, &i)) {
        return NULL;
    }
    return PySequence_GetItem(o, i);
}

static PyMethodDef capi_containers_methods[] = {
    {"tuple_new", tuple_new, METH_O, NULL},
    {"tuple_new_macro", tuple_new_macro, METH_O, NULL},
    {"tuple_get_item", tuple_get_item, METH_VARARGS, NULL},
    {"tuple_get_item_macro", tuple_get_item_macro, METH_VARARGS, NULL},
    {"tuple_size", tuple_size, METH_O, NULL},
    {"tuple_size_macro", tuple_size_macro, METH_O, NULL},
    {"tuple_set_item_out_of_range", tuple_set_item_out_of_range, METH_NOARGS, NULL},
    {"tuple_set_item_non_tuple", tuple_set_item_non_tuple, METH_O, NULL},
    {"tuple_check", tuple_check, METH_O, NULL},
    {"list_new", list_new, METH_O, NULL},
    {"list_new_append", list_new_append, METH_O, NULL},
    {"list_append", list_append, METH_VARARGS, NULL},
    {"list_get_item", list_get_item, METH_VARARGS, NULL},
    {"list_get_item_macro", list_get_item_macro, METH_VARARGS, NULL},
    {"list_set_item", list_set_item, METH_VARARGS, NULL},
    {"list_set_item_macro", list_set_item_macro, METH_VARARGS, NULL},
    {"list_insert", list_insert, METH_VARARGS, NULL},
    {"list_size", list_size, METH_O, NULL},
    {"list_as_tuple", list_as_tuple, METH_O, NULL},
    {"list_size_around_call", list_size_around_call, METH_VARARGS, NULL},
    {"list_check", list_check, METH_O, NULL},
    {"dict_build", dict_build, METH_NOARGS, NULL},
    {"dict_set_item", dict_set_item, METH_VARARGS, NULL},
    {"dict_set_item_string", dict_set_item_string, METH_VARARGS, NULL},
    {"dict_get_item", dict_get_item, METH_VARARGS, NULL},
    {"dict_get_item_string", dict_get_item_string, METH_VARARGS, NULL},
    {"dict_get_item_with_error", dict_get_item_with_error, METH_VARARGS, NULL},
    {"dict_get_item_ref", dict_get_item_ref, METH_VARARGS, NULL},
    {"dict_next", dict_next, METH_O, NULL},
    {"dict_next_values_only", dict_next_values_only, METH_O, NULL},
    {"dict_size", dict_size, METH_O, NULL},
    {"dict_keys", dict_keys, METH_O, NULL},
    {"dict_values", dict_values, METH_O, NULL},
    {"dict_items", dict_items, METH_O, NULL},
    {"dict_del_item", dict_del_item, METH_VARARGS, NULL},
    {"dict_contains", dict_contains, METH_VARARGS, NULL},
    {"dict_check", dict_check, METH_O, NULL},
    {"seq_fast", seq_fast, METH_VARARGS, NULL},
    {"seq_get_item", seq_get_item, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_containers_def = {
    PyModuleDef_HEAD_INIT, "capi_containers", NULL, -1, capi_containers_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_containers(void)
{
    return PyModule_Create(&capi_containers_def);
}
