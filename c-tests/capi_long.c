/* capi_long: int, float and bool conversions.  Checked by test_capi_long.py.
 *
 * The as_* functions convert their argument with one PyLong_As* / PyFloat_As*
 * call and return the C value converted back, so the check sees exactly what
 * C got (and the error, if the conversion failed).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>

/* ---- PyLong_From* on C limits ---------------------------------------- */

static PyObject *
from_long(PyObject *self, PyObject *ignored)
{
    PyObject *t = PyTuple_New(5);
    if (t == NULL) {
        return NULL;
    }
    long vals[5] = {0, -42, 1000000007L, LONG_MIN, LONG_MAX};
    for (int i = 0; i < 5; i++) {
        PyObject *v = PyLong_FromLong(vals[i]);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

static PyObject *
from_unsigned_long(PyObject *self, PyObject *ignored)
{
    return PyLong_FromUnsignedLong(ULONG_MAX);
}

static PyObject *
from_long_long(PyObject *self, PyObject *ignored)
{
    PyObject *a = PyLong_FromLongLong(LLONG_MIN);
    PyObject *b = PyLong_FromLongLong(LLONG_MAX);
    PyObject *c = PyLong_FromLongLong(-1);
    PyObject *t = NULL;
    if (a && b && c) {
        t = PyTuple_New(3);
    }
    if (t == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        Py_XDECREF(c);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, a);
    PyTuple_SET_ITEM(t, 1, b);
    PyTuple_SET_ITEM(t, 2, c);
    return t;
}

static PyObject *
from_unsigned_long_long(PyObject *self, PyObject *ignored)
{
    return PyLong_FromUnsignedLongLong(ULLONG_MAX);
}

static PyObject *
from_ssize_t(PyObject *self, PyObject *ignored)
{
    PyObject *a = PyLong_FromSsize_t(PY_SSIZE_T_MIN);
    PyObject *b = PyLong_FromSsize_t(PY_SSIZE_T_MAX);
    PyObject *t = NULL;
    if (a && b) {
        t = PyTuple_New(2);
    }
    if (t == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, a);
    PyTuple_SET_ITEM(t, 1, b);
    return t;
}

static PyObject *
from_size_t(PyObject *self, PyObject *ignored)
{
    return PyLong_FromSize_t(SIZE_MAX);
}

/* Sizes of the C types, so the check computes the limits. */
static PyObject *
c_sizes(PyObject *self, PyObject *ignored)
{
    PyObject *t = PyTuple_New(4);
    if (t == NULL) {
        return NULL;
    }
    size_t sizes[4] = {sizeof(int), sizeof(long), sizeof(long long), sizeof(size_t)};
    for (int i = 0; i < 4; i++) {
        PyObject *v = PyLong_FromSize_t(sizes[i]);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

/* METH_O: PyLong_FromDouble(PyFloat_AsDouble(x)). */
static PyObject *
from_double(PyObject *self, PyObject *arg)
{
    double d = PyFloat_AsDouble(arg);
    if (d == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromDouble(d);
}

/* from_string(s, base) -> (value, number of chars consumed via pend) */
static PyObject *
from_string(PyObject *self, PyObject *args)
{
    if (PyTuple_Size(args) != 2) {
        PyErr_SetString(PyExc_TypeError, "from_string(s, base)");
        return NULL;
    }
    const char *s = PyUnicode_AsUTF8(PyTuple_GetItem(args, 0));
    if (s == NULL) {
        return NULL;
    }
    long base = PyLong_AsLong(PyTuple_GetItem(args, 1));
    if (base == -1 && PyErr_Occurred()) {
        return NULL;
    }
    char *end = NULL;
    PyObject *v = PyLong_FromString(s, &end, (int)base);
    if (v == NULL) {
        return NULL;
    }
    PyObject *consumed = PyLong_FromSsize_t((Py_ssize_t)(end - s));
    if (consumed == NULL) {
        Py_DECREF(v);
        return NULL;
    }
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(v);
        Py_DECREF(consumed);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, v);
    PyTuple_SET_ITEM(t, 1, consumed);
    return t;
}

/* PyLong_FromString with a NULL pend. */
static PyObject *
from_string_nopend(PyObject *self, PyObject *arg)
{
    const char *s = PyUnicode_AsUTF8(arg);
    if (s == NULL) {
        return NULL;
    }
    return PyLong_FromString(s, NULL, 10);
}

/* 2**100 made in C from its decimal digits. */
static PyObject *
two_pow_100(PyObject *self, PyObject *ignored)
{
    return PyLong_FromString("1267650600228229401496703205376", NULL, 10);
}

/* ---- PyLong_As* ------------------------------------------------------ */

static PyObject *
as_long(PyObject *self, PyObject *arg)
{
    long v = PyLong_AsLong(arg);
    if (v == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLong(v);
}

static PyObject *
as_long_long(PyObject *self, PyObject *arg)
{
    long long v = PyLong_AsLongLong(arg);
    if (v == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLongLong(v);
}

static PyObject *
as_unsigned_long(PyObject *self, PyObject *arg)
{
    unsigned long v = PyLong_AsUnsignedLong(arg);
    if (v == (unsigned long)-1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromUnsignedLong(v);
}

static PyObject *
as_unsigned_long_long(PyObject *self, PyObject *arg)
{
    unsigned long long v = PyLong_AsUnsignedLongLong(arg);
    if (v == (unsigned long long)-1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromUnsignedLongLong(v);
}

static PyObject *
as_ssize_t(PyObject *self, PyObject *arg)
{
    Py_ssize_t v = PyLong_AsSsize_t(arg);
    if (v == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(v);
}

static PyObject *
as_size_t(PyObject *self, PyObject *arg)
{
    size_t v = PyLong_AsSize_t(arg);
    if (v == (size_t)-1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSize_t(v);
}

static PyObject *
as_double(PyObject *self, PyObject *arg)
{
    double v = PyLong_AsDouble(arg);
    if (v == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyFloat_FromDouble(v);
}

/* -> (value, overflow) */
static PyObject *
as_long_and_overflow(PyObject *self, PyObject *arg)
{
    int overflow = 12345;
    long v = PyLong_AsLongAndOverflow(arg, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *a = PyLong_FromLong(v);
    PyObject *b = PyLong_FromLong(overflow);
    PyObject *t = NULL;
    if (a && b) {
        t = PyTuple_New(2);
    }
    if (t == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, a);
    PyTuple_SET_ITEM(t, 1, b);
    return t;
}

/* The int conversion of a C int (PyLong_AsInt is 3.13+). */
static PyObject *
as_int(PyObject *self, PyObject *arg)
{
#if PY_VERSION_HEX >= 0x030D0000
    int v = PyLong_AsInt(arg);
    if (v == -1 && PyErr_Occurred()) {
        return NULL;
    }
#else
    long lv = PyLong_AsLong(arg);
    if (lv == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (lv > INT_MAX || lv < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError,
                        "Python int too large to convert to C int");
        return NULL;
    }
    int v = (int)lv;
#endif
    return PyLong_FromLong(v);
}

/* -> (PyLong_Check, PyLong_CheckExact) */
static PyObject *
long_check(PyObject *self, PyObject *arg)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, PyBool_FromLong(PyLong_Check(arg)));
    PyTuple_SET_ITEM(t, 1, PyBool_FromLong(PyLong_CheckExact(arg)));
    return t;
}

/* ---- float ----------------------------------------------------------- */

/* Fixed C doubles: (1.5, -0.0, 1e300, DBL_MAX, DBL_MIN, inf, -inf, nan) */
static PyObject *
float_values(PyObject *self, PyObject *ignored)
{
    double vals[8] = {1.5, -0.0, 1e300, DBL_MAX, DBL_MIN, INFINITY, -INFINITY, NAN};
    PyObject *t = PyTuple_New(8);
    if (t == NULL) {
        return NULL;
    }
    for (int i = 0; i < 8; i++) {
        PyObject *v = PyFloat_FromDouble(vals[i]);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

static PyObject *
float_as_double(PyObject *self, PyObject *arg)
{
    double v = PyFloat_AsDouble(arg);
    if (v == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyFloat_FromDouble(v);
}

/* PyFloat_AS_DOUBLE on a float (checked with PyFloat_Check first). */
static PyObject *
float_as_double_macro(PyObject *self, PyObject *arg)
{
    if (!PyFloat_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "need a float");
        return NULL;
    }
    return PyFloat_FromDouble(PyFloat_AS_DOUBLE(arg) * 2.0);
}

/* -> (PyFloat_Check, PyFloat_CheckExact) */
static PyObject *
float_check(PyObject *self, PyObject *arg)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, PyBool_FromLong(PyFloat_Check(arg)));
    PyTuple_SET_ITEM(t, 1, PyBool_FromLong(PyFloat_CheckExact(arg)));
    return t;
}

/* ---- bool ------------------------------------------------------------ */

static PyObject *
bool_from_long(PyObject *self, PyObject *arg)
{
    long v = PyLong_AsLong(arg);
    if (v == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(v);
}

/* -> (Py_True, Py_False) as C knows them */
static PyObject *
bool_singletons(PyObject *self, PyObject *ignored)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        return NULL;
    }
    Py_INCREF(Py_True);
    PyTuple_SET_ITEM(t, 0, Py_True);
    Py_INCREF(Py_False);
    PyTuple_SET_ITEM(t, 1, Py_False);
    return t;
}

/* -> (arg is Py_True, arg is Py_False, PyBool_Check(arg)) */
static PyObject *
bool_identity(PyObject *self, PyObject *arg)
{
    PyObject *t = PyTuple_New(3);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, PyBool_FromLong(arg == Py_True));
    PyTuple_SET_ITEM(t, 1, PyBool_FromLong(arg == Py_False));
    PyTuple_SET_ITEM(t, 2, PyBool_FromLong(PyBool_Check(arg)));
    return t;
}

static PyObject *
return_true(PyObject *self, PyObject *ignored)
{
    Py_RETURN_TRUE;
}

static PyObject *
return_false(PyObject *self, PyObject *ignored)
{
    Py_RETURN_FALSE;
}

/* Sum of PyLong_AsLong over a list, from C. */
static PyObject *
sum_list(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyList_Size(arg);
    if (n < 0) {
        return NULL;
    }
    long long total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        long v = PyLong_AsLong(PyList_GET_ITEM(arg, i));
        if (v == -1 && PyErr_Occurred()) {
            return NULL;
        }
        total += v;
    }
    return PyLong_FromLongLong(total);
}

/* compact(x) -> (is_compact, value if compact else None). 3.12+ headers
 * read the int's layout inline; with older headers the answer is computed
 * through the API, so the check states the same facts either way. */
static PyObject *
compact(PyObject *self, PyObject *x)
{
    if (!PyLong_Check(x)) {
        PyErr_SetString(PyExc_TypeError, "int expected");
        return NULL;
    }
#if PY_VERSION_HEX >= 0x030C0000
    const PyLongObject *l = (const PyLongObject *)x;
    if (PyUnstable_Long_IsCompact(l)) {
        return Py_BuildValue("(On)", Py_True, PyUnstable_Long_CompactValue(l));
    }
    return Py_BuildValue("(OO)", Py_False, Py_None);
#else
    int overflow;
    long v = PyLong_AsLongAndOverflow(x, &overflow);
    if (v == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (!overflow && v > -(1L << 30) && v < (1L << 30)) {
        return Py_BuildValue("(Ol)", Py_True, v);
    }
    return Py_BuildValue("(OO)", Py_False, Py_None);
#endif
}

static PyMethodDef capi_long_methods[] = {
    {"compact", compact, METH_O, NULL},
    {"from_long", from_long, METH_NOARGS, NULL},
    {"from_unsigned_long", from_unsigned_long, METH_NOARGS, NULL},
    {"from_long_long", from_long_long, METH_NOARGS, NULL},
    {"from_unsigned_long_long", from_unsigned_long_long, METH_NOARGS, NULL},
    {"from_ssize_t", from_ssize_t, METH_NOARGS, NULL},
    {"from_size_t", from_size_t, METH_NOARGS, NULL},
    {"c_sizes", c_sizes, METH_NOARGS, NULL},
    {"from_double", from_double, METH_O, NULL},
    {"from_string", from_string, METH_VARARGS, NULL},
    {"from_string_nopend", from_string_nopend, METH_O, NULL},
    {"two_pow_100", two_pow_100, METH_NOARGS, NULL},
    {"as_long", as_long, METH_O, NULL},
    {"as_long_long", as_long_long, METH_O, NULL},
    {"as_unsigned_long", as_unsigned_long, METH_O, NULL},
    {"as_unsigned_long_long", as_unsigned_long_long, METH_O, NULL},
    {"as_ssize_t", as_ssize_t, METH_O, NULL},
    {"as_size_t", as_size_t, METH_O, NULL},
    {"as_double", as_double, METH_O, NULL},
    {"as_long_and_overflow", as_long_and_overflow, METH_O, NULL},
    {"as_int", as_int, METH_O, NULL},
    {"long_check", long_check, METH_O, NULL},
    {"float_values", float_values, METH_NOARGS, NULL},
    {"float_as_double", float_as_double, METH_O, NULL},
    {"float_as_double_macro", float_as_double_macro, METH_O, NULL},
    {"float_check", float_check, METH_O, NULL},
    {"bool_from_long", bool_from_long, METH_O, NULL},
    {"bool_singletons", bool_singletons, METH_NOARGS, NULL},
    {"bool_identity", bool_identity, METH_O, NULL},
    {"return_true", return_true, METH_NOARGS, NULL},
    {"return_false", return_false, METH_NOARGS, NULL},
    {"sum_list", sum_list, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_long_def = {
    PyModuleDef_HEAD_INIT, "capi_long", NULL, -1, capi_long_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_long(void)
{
    return PyModule_Create(&capi_long_def);
}
