/* capi_refcount: the reference-count model, seen from C, without
 * sys.getrefcount.  Checked by test_capi_refcount.py.
 *
 * Only relative counts are asserted for objects that Python also holds;
 * absolute counts only for objects C has just created and nobody else has
 * seen.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdarg.h>

#define ARG(i)                                  \
    PyObject *a##i = PyTuple_GetItem(args, i);  \
    if (a##i == NULL) {                         \
        return NULL;                            \
    }

/* A new n-tuple of C integers. */
static PyObject *
int_tuple(int n, ...)
{
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(va_arg(ap, Py_ssize_t));
        if (v == NULL) {
            va_end(ap);
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, v);
    }
    va_end(ap);
    return t;
}

/* Make and drop objects of several kinds, to disturb allocators, caches
 * and anything that might reuse memory. */
static int
churn(long n)
{
    for (long i = 0; i < n; i++) {
        PyObject *a = PyLong_FromLong(i + 1000000);
        if (a == NULL) {
            return -1;
        }
        PyObject *b = PyFloat_FromDouble((double)i + 0.5);
        if (b == NULL) {
            Py_DECREF(a);
            return -1;
        }
        PyObject *s = PyUnicode_FromFormat("churn %ld", i);
        if (s == NULL) {
            Py_DECREF(a);
            Py_DECREF(b);
            return -1;
        }
        PyObject *l = PyList_New(0);
        if (l == NULL || PyList_Append(l, a) < 0 || PyList_Append(l, s) < 0) {
            Py_XDECREF(l);
            Py_DECREF(a);
            Py_DECREF(b);
            Py_DECREF(s);
            return -1;
        }
        PyObject *t = PyTuple_New(1);
        if (t == NULL) {
            Py_DECREF(l);
            Py_DECREF(a);
            Py_DECREF(b);
            Py_DECREF(s);
            return -1;
        }
        PyTuple_SET_ITEM(t, 0, b); /* steals b */
        Py_DECREF(t);
        Py_DECREF(l);
        Py_DECREF(a);
        Py_DECREF(s);
    }
    return 0;
}

/* ---- counts of fresh objects ----------------------------------------- */

/* (count when made, after Py_INCREF, after Py_DECREF) for a fresh object;
 * the object is released. */
static PyObject *
counts_of(PyObject *o)
{
    if (o == NULL) {
        return NULL;
    }
    Py_ssize_t r1 = Py_REFCNT(o);
    Py_INCREF(o);
    Py_ssize_t r2 = Py_REFCNT(o);
    Py_DECREF(o);
    Py_ssize_t r3 = Py_REFCNT(o);
    Py_DECREF(o);
    return int_tuple(3, r1, r2, r3);
}

static PyObject *
fresh_list(PyObject *self, PyObject *ignored)
{
    return counts_of(PyList_New(0));
}

static PyObject *
fresh_dict(PyObject *self, PyObject *ignored)
{
    return counts_of(PyDict_New());
}

static PyObject *
fresh_tuple(PyObject *self, PyObject *ignored)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, PyFloat_FromDouble(1.25));
    PyTuple_SET_ITEM(t, 1, PyFloat_FromDouble(2.25));
    if (PyTuple_GET_ITEM(t, 0) == NULL || PyTuple_GET_ITEM(t, 1) == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    return counts_of(t);
}

static PyObject *
fresh_float(PyObject *self, PyObject *ignored)
{
    return counts_of(PyFloat_FromDouble(1234.5));
}

static PyObject *
fresh_int(PyObject *self, PyObject *ignored)
{
    return counts_of(PyLong_FromLongLong(1000000000000000LL + 7));
}

static PyObject *
fresh_str(PyObject *self, PyObject *ignored)
{
    return counts_of(PyUnicode_FromString("a string long enough not to be cached"));
}

static PyObject *
fresh_bytes(PyObject *self, PyObject *ignored)
{
    return counts_of(PyBytes_FromString("some bytes, long enough not to be cached"));
}

/* an instance made by calling a Python class from C */
static PyObject *
fresh_instance(PyObject *self, PyObject *cls)
{
    return counts_of(PyObject_CallNoArgs(cls));
}

/* ---- relative counts on objects Python holds ------------------------- */

/* -> deltas after Py_INCREF, Py_DECREF, Py_IncRef, Py_DecRef, Py_NewRef,
 *    Py_XINCREF, Py_XDECREF: (1, 0, 1, 0, 1, 1, 0) */
static PyObject *
incref_deltas(PyObject *self, PyObject *x)
{
    Py_ssize_t r0 = Py_REFCNT(x);
    Py_INCREF(x);
    Py_ssize_t d1 = Py_REFCNT(x) - r0;
    Py_DECREF(x);
    Py_ssize_t d2 = Py_REFCNT(x) - r0;
    Py_IncRef(x);
    Py_ssize_t d3 = Py_REFCNT(x) - r0;
    Py_DecRef(x);
    Py_ssize_t d4 = Py_REFCNT(x) - r0;
    PyObject *n = Py_NewRef(x);
    Py_ssize_t d5 = Py_REFCNT(x) - r0;
    Py_DECREF(n);
    Py_XINCREF(x);
    Py_ssize_t d6 = Py_REFCNT(x) - r0;
    Py_XDECREF(x);
    Py_ssize_t d7 = Py_REFCNT(x) - r0;
    return int_tuple(7, d1, d2, d3, d4, d5, d6, d7);
}

/* Py_XDECREF(NULL), Py_XINCREF(NULL), Py_DecRef(NULL), Py_IncRef(NULL)
 * are no-ops; Py_CLEAR sets NULL; Py_SETREF replaces */
static PyObject *
null_safe_macros(PyObject *self, PyObject *ignored)
{
    PyObject *nothing = NULL;
    Py_XINCREF(nothing);
    Py_XDECREF(nothing);
    Py_IncRef(NULL);
    Py_DecRef(NULL);
    PyObject *o = PyList_New(0);
    if (o == NULL) {
        return NULL;
    }
    Py_CLEAR(o);
    int cleared = o == NULL;
    Py_CLEAR(o); /* clearing NULL again is fine */
    PyObject *p = PyList_New(0);
    if (p == NULL) {
        return NULL;
    }
    Py_SETREF(p, PyDict_New());
    if (p == NULL) {
        return NULL;
    }
    int is_dict = PyDict_CheckExact(p);
    Py_DECREF(p);
    return PyBool_FromLong(cleared && is_dict);
}

/* ---- stealing and not stealing --------------------------------------- */

/* PyList_SetItem steals: ((count inside the list, count after the list is
 * gone), value still readable) -> ((2, 1), 2.5) */
static PyObject *
list_setitem_steals(PyObject *self, PyObject *ignored)
{
    PyObject *x = PyFloat_FromDouble(2.5);
    if (x == NULL) {
        return NULL;
    }
    Py_INCREF(x); /* ours, kept across the list's death */
    PyObject *l = PyList_New(1);
    if (l == NULL) {
        Py_DECREF(x);
        Py_DECREF(x);
        return NULL;
    }
    if (PyList_SetItem(l, 0, x) < 0) { /* steals one reference */
        Py_DECREF(l);
        Py_DECREF(x);
        return NULL;
    }
    Py_ssize_t inside = Py_REFCNT(x);
    Py_DECREF(l);
    Py_ssize_t after = Py_REFCNT(x);
    double v = PyFloat_AsDouble(x);
    Py_DECREF(x);
    PyObject *counts = int_tuple(2, inside, after);
    if (counts == NULL) {
        return NULL;
    }
    PyObject *value = PyFloat_FromDouble(v);
    if (value == NULL) {
        Py_DECREF(counts);
        return NULL;
    }
    PyObject *out = PyTuple_New(2);
    if (out == NULL) {
        Py_DECREF(counts);
        Py_DECREF(value);
        return NULL;
    }
    PyTuple_SET_ITEM(out, 0, counts);
    PyTuple_SET_ITEM(out, 1, value);
    return out;
}

/* PyTuple_SetItem steals: -> (2, 1) */
static PyObject *
tuple_setitem_steals(PyObject *self, PyObject *ignored)
{
    PyObject *x = PyUnicode_FromString("a string that is not interned at all");
    if (x == NULL) {
        return NULL;
    }
    Py_INCREF(x);
    PyObject *t = PyTuple_New(1);
    if (t == NULL) {
        Py_DECREF(x);
        Py_DECREF(x);
        return NULL;
    }
    if (PyTuple_SetItem(t, 0, x) < 0) {
        Py_DECREF(t);
        Py_DECREF(x);
        return NULL;
    }
    Py_ssize_t inside = Py_REFCNT(x);
    Py_DECREF(t);
    Py_ssize_t after = Py_REFCNT(x);
    Py_DECREF(x);
    return int_tuple(2, inside, after);
}

/* PyList_Append and PyDict_SetItem do not steal:
 * -> (after append, after list dies, after dict set (value), after dict
 *     dies (value), key after set, key after dict dies) = (2, 1, 2, 1, 2, 1) */
static PyObject *
append_setitem_do_not_steal(PyObject *self, PyObject *ignored)
{
    PyObject *x = PyFloat_FromDouble(3.5);
    PyObject *k = PyUnicode_FromString("a key that is not interned");
    PyObject *l = PyList_New(0);
    PyObject *d = PyDict_New();
    if (x == NULL || k == NULL || l == NULL || d == NULL) {
        goto error;
    }
    if (PyList_Append(l, x) < 0) {
        goto error;
    }
    Py_ssize_t r1 = Py_REFCNT(x);
    Py_CLEAR(l);
    Py_ssize_t r2 = Py_REFCNT(x);
    if (PyDict_SetItem(d, k, x) < 0) {
        goto error;
    }
    Py_ssize_t r3 = Py_REFCNT(x);
    Py_ssize_t k1 = Py_REFCNT(k);
    Py_CLEAR(d);
    Py_ssize_t r4 = Py_REFCNT(x);
    Py_ssize_t k2 = Py_REFCNT(k);
    Py_DECREF(x);
    Py_DECREF(k);
    return int_tuple(6, r1, r2, r3, r4, k1, k2);

error:
    Py_XDECREF(x);
    Py_XDECREF(k);
    Py_XDECREF(l);
    Py_XDECREF(d);
    return NULL;
}

/* Py_BuildValue "O" adds a reference, "N" takes ours: -> (2, 1, 1) */
static PyObject *
buildvalue_O_N(PyObject *self, PyObject *ignored)
{
    PyObject *x = PyFloat_FromDouble(4.5);
    if (x == NULL) {
        return NULL;
    }
    PyObject *t = Py_BuildValue("(O)", x);
    if (t == NULL) {
        Py_DECREF(x);
        return NULL;
    }
    Py_ssize_t with_O = Py_REFCNT(x);
    Py_DECREF(t);
    Py_ssize_t after_O = Py_REFCNT(x);
    t = Py_BuildValue("(N)", x); /* x now belongs to t */
    if (t == NULL) {
        return NULL;
    }
    Py_ssize_t with_N = Py_REFCNT(x);
    Py_DECREF(t);
    return int_tuple(3, with_O, after_O, with_N);
}

/* ---- borrowed references --------------------------------------------- */

/* borrowed_tuple_item(t, i) -> (same pointer both times, the item) */
static PyObject *
borrowed_tuple_item(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    Py_ssize_t i = PyLong_AsSsize_t(a1);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *a = PyTuple_GetItem(a0, i);
    if (a == NULL) {
        return NULL;
    }
    if (churn(1000) < 0) {
        return NULL;
    }
    PyObject *b = PyTuple_GetItem(a0, i);
    if (b == NULL) {
        return NULL;
    }
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, PyBool_FromLong(a == b));
    PyTuple_SET_ITEM(t, 1, Py_NewRef(a));
    return t;
}

/* borrowed_list_item(l, i, collect): borrow, run collect() (e.g.
 * gc.collect) and churn, borrow again -> (same pointer, the first item,
 * PyFloat_AsDouble of the first borrowed pointer) */
static PyObject *
borrowed_list_item(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1) ARG(2)
    Py_ssize_t i = PyLong_AsSsize_t(a1);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *a = PyList_GetItem(a0, i);
    if (a == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_CallNoArgs(a2);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    if (churn(1000) < 0) {
        return NULL;
    }
    PyObject *b = PyList_GetItem(a0, i);
    if (b == NULL) {
        return NULL;
    }
    double v = PyFloat_AsDouble(a);
    if (v == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *t = PyTuple_New(3);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, PyBool_FromLong(a == b));
    PyTuple_SET_ITEM(t, 1, Py_NewRef(a));
    PyTuple_SET_ITEM(t, 2, PyFloat_FromDouble(v));
    return t;
}

/* borrowed_dict_item(d, k, collect) -> (same pointer, the item, its str) */
static PyObject *
borrowed_dict_item(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1) ARG(2)
    PyObject *a = PyDict_GetItemWithError(a0, a1);
    if (a == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetObject(PyExc_KeyError, a1);
        }
        return NULL;
    }
    PyObject *r = PyObject_CallNoArgs(a2);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    if (churn(1000) < 0) {
        return NULL;
    }
    PyObject *b = PyDict_GetItem(a0, a1);
    PyObject *s = PyObject_Str(a);
    if (s == NULL) {
        return NULL;
    }
    PyObject *t = PyTuple_New(3);
    if (t == NULL) {
        Py_DECREF(s);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, PyBool_FromLong(a == b));
    PyTuple_SET_ITEM(t, 1, Py_NewRef(a));
    PyTuple_SET_ITEM(t, 2, s);
    return t;
}

/* A tuple made and held only by C: its borrowed item stays valid while the
 * tuple lives. -> the item's value read after churning */
static PyObject *
borrowed_from_c_tuple(PyObject *self, PyObject *ignored)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, PyLong_FromLongLong(12345678901LL));
    PyTuple_SET_ITEM(t, 1, PyUnicode_FromString("second item"));
    if (PyTuple_GET_ITEM(t, 0) == NULL || PyTuple_GET_ITEM(t, 1) == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    PyObject *item = PyTuple_GET_ITEM(t, 0);
    PyObject *item2 = PyTuple_GetItem(t, 1);
    if (churn(1000) < 0) {
        Py_DECREF(t);
        return NULL;
    }
    long long v = PyLong_AsLongLong(item);
    PyObject *s = Py_NewRef(item2);
    Py_DECREF(t);
    if (v == -1 && PyErr_Occurred()) {
        Py_DECREF(s);
        return NULL;
    }
    PyObject *vo = PyLong_FromLongLong(v);
    if (vo == NULL) {
        Py_DECREF(s);
        return NULL;
    }
    PyObject *r = PyTuple_New(2);
    if (r == NULL) {
        Py_DECREF(vo);
        Py_DECREF(s);
        return NULL;
    }
    PyTuple_SET_ITEM(r, 0, vo);
    PyTuple_SET_ITEM(r, 1, s);
    return r;
}

/* Sum of a list of ints through borrowed PyList_GET_ITEM */
static PyObject *
sum_borrowed(PyObject *self, PyObject *arg)
{
    if (!PyList_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "need a list");
        return NULL;
    }
    long long total = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(arg); i++) {
        long v = PyLong_AsLong(PyList_GET_ITEM(arg, i));
        if (v == -1 && PyErr_Occurred()) {
            return NULL;
        }
        total += v;
    }
    return PyLong_FromLongLong(total);
}

/* refcnt(o) -> Py_REFCNT(o), which counts every holder of o */
static PyObject *
refcnt(PyObject *self, PyObject *o)
{
    return PyLong_FromSsize_t(Py_REFCNT(o));
}

/* held_by_dict(d, key) -> (count of a new float, the same once d[key]
 * holds it, and once d lets go): (1, 2, 1) */
static PyObject *
held_by_dict(PyObject *self, PyObject *args)
{
    PyObject *d, *key;
    if (!PyArg_ParseTuple(args, "O!O", &PyDict_Type, &d, &key)) {
        return NULL;
    }
    PyObject *x = PyFloat_FromDouble(6.25);
    if (x == NULL) {
        return NULL;
    }
    Py_ssize_t fresh = Py_REFCNT(x);
    if (PyDict_SetItem(d, key, x) < 0) {
        Py_DECREF(x);
        return NULL;
    }
    Py_ssize_t held = Py_REFCNT(x);
    if (PyDict_DelItem(d, key) < 0) {
        Py_DECREF(x);
        return NULL;
    }
    Py_ssize_t released = Py_REFCNT(x);
    Py_DECREF(x);
    return int_tuple(3, fresh, held, released);
}

/* ---- identity -------------------------------------------------------- */

static PyObject *
same(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    return PyBool_FromLong(a0 == a1);
}

static PyObject *
ptr_of(PyObject *self, PyObject *arg)
{
    return PyLong_FromSsize_t((Py_ssize_t)arg);
}

/* getattr_twice_same(o, name) -> both PyObject_GetAttr results are one
 * pointer */
static PyObject *
getattr_twice_same(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    PyObject *a = PyObject_GetAttr(a0, a1);
    if (a == NULL) {
        return NULL;
    }
    PyObject *b = PyObject_GetAttr(a0, a1);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    int r = a == b;
    Py_DECREF(a);
    Py_DECREF(b);
    return PyBool_FromLong(r);
}

/* -> (a new list, its address) */
static PyObject *
list_and_ptr(PyObject *self, PyObject *ignored)
{
    PyObject *l = PyList_New(0);
    if (l == NULL) {
        return NULL;
    }
    PyObject *p = PyLong_FromSsize_t((Py_ssize_t)l);
    if (p == NULL) {
        Py_DECREF(l);
        return NULL;
    }
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(l);
        Py_DECREF(p);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, l);
    PyTuple_SET_ITEM(t, 1, p);
    return t;
}

/* ---- lifetime -------------------------------------------------------- */

/* create_and_drop(cls): cls() made and released in C */
static PyObject *
create_and_drop(PyObject *self, PyObject *cls)
{
    PyObject *o = PyObject_CallNoArgs(cls);
    if (o == NULL) {
        return NULL;
    }
    Py_DECREF(o);
    Py_RETURN_NONE;
}

/* create_pass_drop(cls, fn): o = cls(); fn(o); release o */
static PyObject *
create_pass_drop(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    PyObject *o = PyObject_CallNoArgs(a0);
    if (o == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_CallOneArg(a1, o);
    Py_DECREF(o);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    Py_RETURN_NONE;
}

/* create_weakref_drop(cls, factory): o = cls(); w = factory(o); release o;
 * return w */
static PyObject *
create_weakref_drop(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    PyObject *o = PyObject_CallNoArgs(a0);
    if (o == NULL) {
        return NULL;
    }
    PyObject *w = PyObject_CallOneArg(a1, o);
    Py_DECREF(o);
    return w;
}

/* create_in_containers_drop(cls, probe): o = cls() goes into a list and a
 * tuple made in C; C drops its own reference, calls probe() while the
 * containers hold o, then drops the containers. */
static PyObject *
create_in_containers_drop(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    PyObject *o = PyObject_CallNoArgs(a0);
    if (o == NULL) {
        return NULL;
    }
    PyObject *l = PyList_New(0);
    if (l == NULL || PyList_Append(l, o) < 0) {
        Py_XDECREF(l);
        Py_DECREF(o);
        return NULL;
    }
    PyObject *t = PyTuple_New(1);
    if (t == NULL) {
        Py_DECREF(l);
        Py_DECREF(o);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, o); /* steals our reference */
    PyObject *r = PyObject_CallNoArgs(a1);
    Py_DECREF(t);
    if (r == NULL) {
        Py_DECREF(l);
        return NULL;
    }
    Py_DECREF(r);
    PyObject *r2 = PyObject_CallNoArgs(a1);
    Py_DECREF(l);
    if (r2 == NULL) {
        return NULL;
    }
    return r2; /* what probe() said while only the list held o */
}

/* make_instance(cls) -> cls(), returned to Python */
static PyObject *
make_instance(PyObject *self, PyObject *cls)
{
    return PyObject_CallNoArgs(cls);
}

static PyObject *stored = NULL;

/* store(o): C keeps a strong reference to o */
static PyObject *
store(PyObject *self, PyObject *arg)
{
    Py_XSETREF(stored, Py_NewRef(arg));
    Py_RETURN_NONE;
}

/* release(): C drops what it stored */
static PyObject *
release(PyObject *self, PyObject *ignored)
{
    Py_CLEAR(stored);
    Py_RETURN_NONE;
}

/* stored_is(o) */
static PyObject *
stored_is(PyObject *self, PyObject *arg)
{
    return PyBool_FromLong(stored == arg);
}

/* churn(n): n rounds of making and dropping objects */
static PyObject *
churn_(PyObject *self, PyObject *arg)
{
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (churn(n) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* churn_calls(fn, n): n calls fn(i), results dropped */
static PyObject *
churn_calls(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    long n = PyLong_AsLong(a1);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    for (long i = 0; i < n; i++) {
        PyObject *x = PyLong_FromLong(i);
        if (x == NULL) {
            return NULL;
        }
        PyObject *r = PyObject_CallOneArg(a0, x);
        Py_DECREF(x);
        if (r == NULL) {
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_RETURN_NONE;
}

/* The boundary in both directions, for the steady-state memory check:
 * new_float(x) makes a float in C for Python to drop; drop(o) takes one
 * Python object and lets it go. */
static PyObject *
new_float(PyObject *self, PyObject *arg)
{
    double x = PyFloat_AsDouble(arg);
    if (x == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyFloat_FromDouble(x + 0.5);
}

static PyObject *
drop(PyObject *self, PyObject *arg)
{
    Py_RETURN_NONE;
}

static PyMethodDef capi_refcount_methods[] = {
    {"new_float", new_float, METH_O, NULL},
    {"drop", drop, METH_O, NULL},
    {"fresh_list", fresh_list, METH_NOARGS, NULL},
    {"fresh_dict", fresh_dict, METH_NOARGS, NULL},
    {"fresh_tuple", fresh_tuple, METH_NOARGS, NULL},
    {"fresh_float", fresh_float, METH_NOARGS, NULL},
    {"fresh_int", fresh_int, METH_NOARGS, NULL},
    {"fresh_str", fresh_str, METH_NOARGS, NULL},
    {"fresh_bytes", fresh_bytes, METH_NOARGS, NULL},
    {"fresh_instance", fresh_instance, METH_O, NULL},
    {"incref_deltas", incref_deltas, METH_O, NULL},
    {"null_safe_macros", null_safe_macros, METH_NOARGS, NULL},
    {"list_setitem_steals", list_setitem_steals, METH_NOARGS, NULL},
    {"tuple_setitem_steals", tuple_setitem_steals, METH_NOARGS, NULL},
    {"append_setitem_do_not_steal", append_setitem_do_not_steal, METH_NOARGS, NULL},
    {"buildvalue_O_N", buildvalue_O_N, METH_NOARGS, NULL},
    {"borrowed_tuple_item", borrowed_tuple_item, METH_VARARGS, NULL},
    {"borrowed_list_item", borrowed_list_item, METH_VARARGS, NULL},
    {"borrowed_dict_item", borrowed_dict_item, METH_VARARGS, NULL},
    {"borrowed_from_c_tuple", borrowed_from_c_tuple, METH_NOARGS, NULL},
    {"sum_borrowed", sum_borrowed, METH_O, NULL},
    {"refcnt", refcnt, METH_O, NULL},
    {"held_by_dict", held_by_dict, METH_VARARGS, NULL},
    {"same", same, METH_VARARGS, NULL},
    {"ptr_of", ptr_of, METH_O, NULL},
    {"getattr_twice_same", getattr_twice_same, METH_VARARGS, NULL},
    {"list_and_ptr", list_and_ptr, METH_NOARGS, NULL},
    {"create_and_drop", create_and_drop, METH_O, NULL},
    {"create_pass_drop", create_pass_drop, METH_VARARGS, NULL},
    {"create_weakref_drop", create_weakref_drop, METH_VARARGS, NULL},
    {"create_in_containers_drop", create_in_containers_drop, METH_VARARGS, NULL},
    {"make_instance", make_instance, METH_O, NULL},
    {"store", store, METH_O, NULL},
    {"release", release, METH_NOARGS, NULL},
    {"stored_is", stored_is, METH_O, NULL},
    {"churn", churn_, METH_O, NULL},
    {"churn_calls", churn_calls, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_refcount_def = {
    PyModuleDef_HEAD_INIT, "capi_refcount", NULL, -1, capi_refcount_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_refcount(void)
{
    return PyModule_Create(&capi_refcount_def);
}
