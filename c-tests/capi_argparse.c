/* capi_argparse: PyArg_ParseTuple, PyArg_ParseTupleAndKeywords,
 * PyArg_UnpackTuple and Py_BuildValue.  Checked by test_capi_argparse.py.
 *
 * The parse_* functions build their results with the concrete constructors
 * (not Py_BuildValue), so a parsing bug and a building bug never hide each
 * other.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <limits.h>
#include <stdarg.h>

/* A new n-tuple of the given references, stolen.  If any is NULL, all are
 * released and NULL is returned (the error is already set). */
static PyObject *
tuple_steal(int n, ...)
{
    PyObject *items[16];
    va_list ap;
    int failed = 0;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        items[i] = va_arg(ap, PyObject *);
        if (items[i] == NULL) {
            failed = 1;
        }
    }
    va_end(ap);
    PyObject *t = failed ? NULL : PyTuple_New(n);
    if (t == NULL) {
        for (int i = 0; i < n; i++) {
            Py_XDECREF(items[i]);
        }
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        PyTuple_SET_ITEM(t, i, items[i]);
    }
    return t;
}

static PyObject *
str_or_none(const char *s)
{
    if (s == NULL) {
        return Py_NewRef(Py_None);
    }
    return PyUnicode_FromString(s);
}

/* ---- PyArg_ParseTuple ------------------------------------------------ */

static PyObject *
parse_i(PyObject *self, PyObject *args)
{
    int i = -999;
    if (!PyArg_ParseTuple(args, "i:parse_i", &i)) {
        return NULL;
    }
    return PyLong_FromLong(i);
}

static PyObject *
parse_numbers(PyObject *self, PyObject *args)
{
    int i;
    long l;
    Py_ssize_t n;
    unsigned long k;
    unsigned long long K;
    double d;
    float f;
    if (!PyArg_ParseTuple(args, "ilnkKdf", &i, &l, &n, &k, &K, &d, &f)) {
        return NULL;
    }
    return tuple_steal(7, PyLong_FromLong(i), PyLong_FromLong(l),
                       PyLong_FromSsize_t(n), PyLong_FromUnsignedLong(k),
                       PyLong_FromUnsignedLongLong(K), PyFloat_FromDouble(d),
                       PyFloat_FromDouble((double)f));
}

/* b (unsigned char, range checked), h (short), I (unsigned int, no
 * overflow check), L (long long), C (str of length 1 -> int) */
static PyObject *
parse_small(PyObject *self, PyObject *args)
{
    unsigned char b;
    short h;
    unsigned int I;
    long long L;
    int C;
    if (!PyArg_ParseTuple(args, "bhILC", &b, &h, &I, &L, &C)) {
        return NULL;
    }
    return tuple_steal(5, PyLong_FromLong(b), PyLong_FromLong(h),
                       PyLong_FromUnsignedLong(I), PyLong_FromLongLong(L),
                       PyLong_FromLong(C));
}

static PyObject *
parse_s(PyObject *self, PyObject *args)
{
    const char *s = NULL;
    if (!PyArg_ParseTuple(args, "s:parse_s", &s)) {
        return NULL;
    }
    return PyUnicode_FromString(s);
}

/* s#: -> (bytes of the buffer, length) */
static PyObject *
parse_s_hash(PyObject *self, PyObject *args)
{
    const char *s = NULL;
    Py_ssize_t n = -1;
    if (!PyArg_ParseTuple(args, "s#", &s, &n)) {
        return NULL;
    }
    return tuple_steal(2, PyBytes_FromStringAndSize(s, n), PyLong_FromSsize_t(n));
}

static PyObject *
parse_z(PyObject *self, PyObject *args)
{
    const char *s = "not touched";
    if (!PyArg_ParseTuple(args, "z", &s)) {
        return NULL;
    }
    return str_or_none(s);
}

/* y#: -> (bytes of the buffer, length) */
static PyObject *
parse_y_hash(PyObject *self, PyObject *args)
{
    const char *s = NULL;
    Py_ssize_t n = -1;
    if (!PyArg_ParseTuple(args, "y#", &s, &n)) {
        return NULL;
    }
    return tuple_steal(2, PyBytes_FromStringAndSize(s, n), PyLong_FromSsize_t(n));
}

/* O: the object itself (borrowed from args) */
static PyObject *
parse_O(PyObject *self, PyObject *args)
{
    PyObject *o = NULL;
    if (!PyArg_ParseTuple(args, "O", &o)) {
        return NULL;
    }
    return Py_NewRef(o);
}

/* O!: a list */
static PyObject *
parse_O_bang(PyObject *self, PyObject *args)
{
    PyObject *o = NULL;
    if (!PyArg_ParseTuple(args, "O!", &PyList_Type, &o)) {
        return NULL;
    }
    return Py_NewRef(o);
}

/* converter for O&: an int, doubled into a long */
static int
double_it(PyObject *obj, void *out)
{
    long v = PyLong_AsLong(obj);
    if (v == -1 && PyErr_Occurred()) {
        return 0;
    }
    if (v < 0) {
        PyErr_SetString(PyExc_ValueError, "converter wants a non-negative int");
        return 0;
    }
    *(long *)out = 2 * v;
    return 1;
}

static PyObject *
parse_O_amp(PyObject *self, PyObject *args)
{
    long v = 0;
    if (!PyArg_ParseTuple(args, "O&", double_it, &v)) {
        return NULL;
    }
    return PyLong_FromLong(v);
}

static PyObject *
parse_p(PyObject *self, PyObject *args)
{
    int p = -1;
    if (!PyArg_ParseTuple(args, "p", &p)) {
        return NULL;
    }
    return PyLong_FromLong(p);
}

/* (ii)s */
static PyObject *
parse_nested(PyObject *self, PyObject *args)
{
    int a, b;
    const char *s;
    if (!PyArg_ParseTuple(args, "(ii)s", &a, &b, &s)) {
        return NULL;
    }
    return tuple_steal(3, PyLong_FromLong(a), PyLong_FromLong(b), PyUnicode_FromString(s));
}

/* i|is: optional arguments keep their C defaults */
static PyObject *
parse_optional(PyObject *self, PyObject *args)
{
    int a, b = 7;
    const char *s = "default";
    if (!PyArg_ParseTuple(args, "i|is", &a, &b, &s)) {
        return NULL;
    }
    return tuple_steal(3, PyLong_FromLong(a), PyLong_FromLong(b), PyUnicode_FromString(s));
}

/* ii:named_func */
static PyObject *
parse_named(PyObject *self, PyObject *args)
{
    int a, b;
    if (!PyArg_ParseTuple(args, "ii:named_func", &a, &b)) {
        return NULL;
    }
    return tuple_steal(2, PyLong_FromLong(a), PyLong_FromLong(b));
}

/* i;custom message */
static PyObject *
parse_message(PyObject *self, PyObject *args)
{
    int a;
    if (!PyArg_ParseTuple(args, "i;custom message", &a)) {
        return NULL;
    }
    return PyLong_FromLong(a);
}

/* no arguments at all: "" */
static PyObject *
parse_nothing(PyObject *self, PyObject *args)
{
    if (!PyArg_ParseTuple(args, ":parse_nothing")) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- PyArg_ParseTupleAndKeywords ------------------------------------- */

/* kwfunc(a, b, c=3, *, d=4) via "ii|i$i:kwfunc" */
static PyObject *
parse_kw(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"a", "b", "c", "d", NULL};
    int a, b, c = 3, d = 4;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "ii|i$i:kwfunc", kwlist,
                                     &a, &b, &c, &d)) {
        return NULL;
    }
    return tuple_steal(4, PyLong_FromLong(a), PyLong_FromLong(b),
                       PyLong_FromLong(c), PyLong_FromLong(d));
}

/* posonly(x, /, y=None) via "O|O:posonly" with an empty name for x */
static PyObject *
parse_kw_posonly(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "y", NULL};
    PyObject *x, *y = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|O:posonly", kwlist, &x, &y)) {
        return NULL;
    }
    return tuple_steal(2, Py_NewRef(x), Py_NewRef(y));
}

/* strings by keyword: "s|zs#" */
static PyObject *
parse_kw_strings(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"s", "z", "sh", NULL};
    const char *s, *z = "unset", *sh = "unset";
    Py_ssize_t shlen = 5;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "s|zs#", kwlist,
                                     &s, &z, &sh, &shlen)) {
        return NULL;
    }
    return tuple_steal(3, PyUnicode_FromString(s), str_or_none(z),
                       PyUnicode_FromStringAndSize(sh, shlen));
}

/* ---- PyArg_UnpackTuple ----------------------------------------------- */

static PyObject *
unpack(PyObject *self, PyObject *args)
{
    PyObject *a = NULL, *b = NULL, *c = NULL;
    if (!PyArg_UnpackTuple(args, "unpack", 1, 3, &a, &b, &c)) {
        return NULL;
    }
    return tuple_steal(3, Py_NewRef(a), Py_NewRef(b ? b : Py_None),
                       Py_NewRef(c ? c : Py_None));
}

/* ---- Py_BuildValue --------------------------------------------------- */

static PyObject *
build_int(PyObject *self, PyObject *ignored)
{
    return Py_BuildValue("i", 5);
}

static PyObject *
build_empty(PyObject *self, PyObject *ignored)
{
    return Py_BuildValue("");
}

static PyObject *
build_single_tuple(PyObject *self, PyObject *ignored)
{
    return Py_BuildValue("(i)", 5);
}

static PyObject *
build_two(PyObject *self, PyObject *ignored)
{
    return Py_BuildValue("ii", 1, 2);
}

static PyObject *
build_scalars(PyObject *self, PyObject *ignored)
{
    return Py_BuildValue("(ilndfkKLbhIB)", -1, LONG_MAX, (Py_ssize_t)-5, 2.5,
                         (double)0.25f, ULONG_MAX, ULLONG_MAX, LLONG_MIN,
                         (int)-3, (int)300, (unsigned int)4000000000u, (int)200);
}

static PyObject *
build_strings(PyObject *self, PyObject *ignored)
{
    return Py_BuildValue("(ss#zzs#yy#cC)", "h\xc3\xa9llo", "a\0b", (Py_ssize_t)3,
                         (char *)NULL, "zz", (char *)NULL, (Py_ssize_t)0,
                         "raw", "x\0y", (Py_ssize_t)3, (int)'q', (int)0x20AC);
}

static PyObject *
build_s_null(PyObject *self, PyObject *ignored)
{
    return Py_BuildValue("s", (char *)NULL);
}

static PyObject *
build_bad_utf8(PyObject *self, PyObject *ignored)
{
    return Py_BuildValue("s", "ok\xff");
}

/* build_O(x) -> x itself */
static PyObject *
build_O(PyObject *self, PyObject *arg)
{
    return Py_BuildValue("O", arg);
}

/* build_O_tuple(x) -> (x, x) */
static PyObject *
build_O_tuple(PyObject *self, PyObject *arg)
{
    return Py_BuildValue("(OO)", arg, arg);
}

/* N steals: a new list goes in, nothing else holds it */
static PyObject *
build_N(PyObject *self, PyObject *ignored)
{
    PyObject *l = PyList_New(0);
    if (l == NULL) {
        return NULL;
    }
    return Py_BuildValue("(Ni)", l, 1);
}

static PyObject *
make_obj(void *p)
{
    return PyLong_FromLong(*(long *)p * 3);
}

static PyObject *
build_O_amp(PyObject *self, PyObject *ignored)
{
    long v = 14;
    return Py_BuildValue("(O&)", make_obj, &v);
}

static PyObject *
build_containers(PyObject *self, PyObject *ignored)
{
    return Py_BuildValue("(()[]{}[i,i]{s:i,s:i})", 1, 2, "a", 1, "b", 2);
}

static PyObject *
build_nested(PyObject *self, PyObject *arg)
{
    return Py_BuildValue("(i(ss)[d, [i]]{s:O, i:(i)})", 1, "x", "y", 0.5, 7,
                         "obj", arg, 9, 10);
}

static PyObject *
build_spaced(PyObject *self, PyObject *ignored)
{
    /* space, tab, comma and colon separate units and are otherwise ignored
     * (CPython 3.11 rejects a space right before a closing bracket) */
    return Py_BuildValue("([i, i], (i\ti), {s: i}, i)", 1, 2, 3, 4, "k", 5, 6);
}

static PyObject *
build_list_top(PyObject *self, PyObject *ignored)
{
    return Py_BuildValue("[is]", 1, "two");
}

static PyObject *
build_dict_top(PyObject *self, PyObject *ignored)
{
    return Py_BuildValue("{s:i,s:s}", "one", 1, "two", "2");
}

/* "O" with a NULL object and no error set: SystemError */
static PyObject *
build_O_null(PyObject *self, PyObject *ignored)
{
    return Py_BuildValue("(iO)", 1, (PyObject *)NULL);
}

/* "O" with a NULL object while an error is set: that error stays */
static PyObject *
build_O_null_with_error(PyObject *self, PyObject *ignored)
{
    PyErr_SetString(PyExc_KeyError, "earlier failure");
    return Py_BuildValue("(iO)", 1, (PyObject *)NULL);
}

static PyMethodDef capi_argparse_methods[] = {
    {"parse_i", parse_i, METH_VARARGS, NULL},
    {"parse_numbers", parse_numbers, METH_VARARGS, NULL},
    {"parse_small", parse_small, METH_VARARGS, NULL},
    {"parse_s", parse_s, METH_VARARGS, NULL},
    {"parse_s_hash", parse_s_hash, METH_VARARGS, NULL},
    {"parse_z", parse_z, METH_VARARGS, NULL},
    {"parse_y_hash", parse_y_hash, METH_VARARGS, NULL},
    {"parse_O", parse_O, METH_VARARGS, NULL},
    {"parse_O_bang", parse_O_bang, METH_VARARGS, NULL},
    {"parse_O_amp", parse_O_amp, METH_VARARGS, NULL},
    {"parse_p", parse_p, METH_VARARGS, NULL},
    {"parse_nested", parse_nested, METH_VARARGS, NULL},
    {"parse_optional", parse_optional, METH_VARARGS, NULL},
    {"parse_named", parse_named, METH_VARARGS, NULL},
    {"parse_message", parse_message, METH_VARARGS, NULL},
    {"parse_nothing", parse_nothing, METH_VARARGS, NULL},
    {"parse_kw", (PyCFunction)(void (*)(void))parse_kw,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"parse_kw_posonly", (PyCFunction)(void (*)(void))parse_kw_posonly,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"parse_kw_strings", (PyCFunction)(void (*)(void))parse_kw_strings,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"unpack", unpack, METH_VARARGS, NULL},
    {"build_int", build_int, METH_NOARGS, NULL},
    {"build_empty", build_empty, METH_NOARGS, NULL},
    {"build_single_tuple", build_single_tuple, METH_NOARGS, NULL},
    {"build_two", build_two, METH_NOARGS, NULL},
    {"build_scalars", build_scalars, METH_NOARGS, NULL},
    {"build_strings", build_strings, METH_NOARGS, NULL},
    {"build_s_null", build_s_null, METH_NOARGS, NULL},
    {"build_bad_utf8", build_bad_utf8, METH_NOARGS, NULL},
    {"build_O", build_O, METH_O, NULL},
    {"build_O_tuple", build_O_tuple, METH_O, NULL},
    {"build_N", build_N, METH_NOARGS, NULL},
    {"build_O_amp", build_O_amp, METH_NOARGS, NULL},
    {"build_containers", build_containers, METH_NOARGS, NULL},
    {"build_nested", build_nested, METH_O, NULL},
    {"build_spaced", build_spaced, METH_NOARGS, NULL},
    {"build_list_top", build_list_top, METH_NOARGS, NULL},
    {"build_dict_top", build_dict_top, METH_NOARGS, NULL},
    {"build_O_null", build_O_null, METH_NOARGS, NULL},
    {"build_O_null_with_error", build_O_null_with_error, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_argparse_def = {
    PyModuleDef_HEAD_INIT, "capi_argparse", NULL, -1, capi_argparse_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_argparse(void)
{
    return PyModule_Create(&capi_argparse_def);
}
