/* capi_str_bytes: str and bytes.  Checked by test_capi_str_bytes.py. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* ---- str ------------------------------------------------------------- */

static PyObject *
str_ascii(PyObject *self, PyObject *ignored)
{
    return PyUnicode_FromString("hello");
}

/* "h\u00e9llo \u20ac \U0001F600" from its UTF-8 bytes */
static PyObject *
str_utf8(PyObject *self, PyObject *ignored)
{
    return PyUnicode_FromString("h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80");
}

static PyObject *
str_empty(PyObject *self, PyObject *ignored)
{
    return PyUnicode_FromString("");
}

/* PyUnicode_FromString on the bytes of a bytes object (stops at a NUL). */
static PyObject *
str_from_cstring(PyObject *self, PyObject *arg)
{
    if (!PyBytes_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "need bytes");
        return NULL;
    }
    return PyUnicode_FromString(PyBytes_AS_STRING(arg));
}

/* str_from_string_and_size(b, n): the first n bytes of b decoded as UTF-8. */
static PyObject *
str_from_string_and_size(PyObject *self, PyObject *args)
{
    PyObject *b = PyTuple_GetItem(args, 0);
    if (b == NULL) {
        return NULL;
    }
    PyObject *nobj = PyTuple_GetItem(args, 1);
    if (nobj == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyLong_AsSsize_t(nobj);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (!PyBytes_Check(b) || n > PyBytes_GET_SIZE(b)) {
        PyErr_SetString(PyExc_TypeError, "need bytes and a size <= len");
        return NULL;
    }
    return PyUnicode_FromStringAndSize(PyBytes_AS_STRING(b), n);
}

/* PyUnicode_AsUTF8 -> bytes up to the first NUL. */
static PyObject *
str_as_utf8(PyObject *self, PyObject *arg)
{
    const char *s = PyUnicode_AsUTF8(arg);
    if (s == NULL) {
        return NULL;
    }
    return PyBytes_FromString(s);
}

/* PyUnicode_AsUTF8AndSize -> (bytes of the reported size, size,
 * buffer is NUL-terminated) */
static PyObject *
str_as_utf8_and_size(PyObject *self, PyObject *arg)
{
    Py_ssize_t size = -12345;
    const char *s = PyUnicode_AsUTF8AndSize(arg, &size);
    if (s == NULL) {
        return NULL;
    }
    PyObject *b = PyBytes_FromStringAndSize(s, size);
    if (b == NULL) {
        return NULL;
    }
    PyObject *t = PyTuple_New(3);
    PyObject *n = PyLong_FromSsize_t(size);
    if (t == NULL || n == NULL) {
        Py_XDECREF(t);
        Py_XDECREF(n);
        Py_DECREF(b);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, b);
    PyTuple_SET_ITEM(t, 1, n);
    PyTuple_SET_ITEM(t, 2, PyBool_FromLong(s[size] == '\0'));
    return t;
}

/* PyUnicode_AsUTF8AndSize with a NULL size pointer. */
static PyObject *
str_as_utf8_and_null_size(PyObject *self, PyObject *arg)
{
    const char *s = PyUnicode_AsUTF8AndSize(arg, NULL);
    if (s == NULL) {
        return NULL;
    }
    return PyBytes_FromString(s);
}

/* The buffer from PyUnicode_AsUTF8 stays valid while the str lives: take it,
 * make and drop other strings, take it again; return (first buffer's bytes,
 * both buffers hold the same text). */
static PyObject *
str_utf8_stays_valid(PyObject *self, PyObject *arg)
{
    const char *first = PyUnicode_AsUTF8(arg);
    if (first == NULL) {
        return NULL;
    }
    for (int i = 0; i < 1000; i++) {
        PyObject *tmp = PyUnicode_FromFormat("garbage %d", i);
        if (tmp == NULL) {
            return NULL;
        }
        if (PyUnicode_AsUTF8(tmp) == NULL) {
            Py_DECREF(tmp);
            return NULL;
        }
        Py_DECREF(tmp);
    }
    const char *second = PyUnicode_AsUTF8(arg);
    if (second == NULL) {
        return NULL;
    }
    PyObject *b = PyBytes_FromString(first);
    if (b == NULL) {
        return NULL;
    }
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        Py_DECREF(b);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, b);
    PyTuple_SET_ITEM(t, 1, PyBool_FromLong(strcmp(first, second) == 0));
    return t;
}

static PyObject *
str_get_length(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyUnicode_GetLength(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

/* -> (PyUnicode_Check, PyUnicode_CheckExact) */
static PyObject *
str_check(PyObject *self, PyObject *arg)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, PyBool_FromLong(PyUnicode_Check(arg)));
    PyTuple_SET_ITEM(t, 1, PyBool_FromLong(PyUnicode_CheckExact(arg)));
    return t;
}

/* ---- PyUnicode_FromFormat -------------------------------------------- */

static PyObject *
format_ints(PyObject *self, PyObject *ignored)
{
    return PyUnicode_FromFormat(
        "%d|%i|%ld|%li|%lld|%zd|%u|%lu|%llu|%zu|%x|%d|%ld",
        -5, 7, -1234567890123L, 99L, -9000000000000000000LL,
        (Py_ssize_t)-99, 42u, 4000000000UL, 18446744073709551615ULL,
        (size_t)12345, 255, 0, 0L);
}

static PyObject *
format_strings(PyObject *self, PyObject *ignored)
{
    return PyUnicode_FromFormat("%s|%s|%.3s|%.200s|%c|%c|%%|100%%|%s",
                                "abc", "h\xc3\xa9", "abcdef", "short",
                                (int)'A', 0x20AC, "a\xff" "b");
}

static PyObject *
format_widths(PyObject *self, PyObject *ignored)
{
    /* CPython 3.11 supports a width for integers (space padded) and a
     * precision for %s; the '-' and '0' flags and %s widths came in 3.12. */
    return PyUnicode_FromFormat("[%5d][%3ld][%2d][%.1s][%.0s]",
                                42, -7L, 12345, "xyz", "gone");
}

/* format_objects(a, u) -> "%S|%R|%U|%V|%V" with a, a, u, (u, "x"),
 * (NULL, "fallback") */
static PyObject *
format_objects(PyObject *self, PyObject *args)
{
    PyObject *a = PyTuple_GetItem(args, 0);
    if (a == NULL) {
        return NULL;
    }
    PyObject *u = PyTuple_GetItem(args, 1);
    if (u == NULL) {
        return NULL;
    }
    if (!PyUnicode_Check(u)) {
        PyErr_SetString(PyExc_TypeError, "second argument must be str");
        return NULL;
    }
    return PyUnicode_FromFormat("%S|%R|%U|%V|%V", a, a, u, u, "x",
                                (PyObject *)NULL, "fallback");
}

static PyObject *
format_ascii(PyObject *self, PyObject *arg)
{
    return PyUnicode_FromFormat("<%A>", arg);
}

static PyObject *
format_pointer(PyObject *self, PyObject *ignored)
{
    return PyUnicode_FromFormat("%p", (void *)self);
}

/* %R of an object whose __repr__ raises: the exception propagates */
static PyObject *
format_repr_of(PyObject *self, PyObject *arg)
{
    return PyUnicode_FromFormat("value=%R", arg);
}

/* ---- bytes ----------------------------------------------------------- */

static PyObject *
bytes_from_string(PyObject *self, PyObject *ignored)
{
    return PyBytes_FromString("abc\xff");
}

/* bytes_from_string_and_size(b, n): a new bytes of the first n bytes of b */
static PyObject *
bytes_from_string_and_size(PyObject *self, PyObject *args)
{
    PyObject *b = PyTuple_GetItem(args, 0);
    if (b == NULL) {
        return NULL;
    }
    PyObject *nobj = PyTuple_GetItem(args, 1);
    if (nobj == NULL) {
        return NULL;
    }
    Py_ssize_t n = PyLong_AsSsize_t(nobj);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (!PyBytes_Check(b) || n > PyBytes_GET_SIZE(b)) {
        PyErr_SetString(PyExc_TypeError, "need bytes and a size <= len");
        return NULL;
    }
    return PyBytes_FromStringAndSize(PyBytes_AS_STRING(b), n);
}

/* PyBytes_FromStringAndSize(NULL, n) then filled through PyBytes_AS_STRING */
static PyObject *
bytes_fill(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *b = PyBytes_FromStringAndSize(NULL, n);
    if (b == NULL) {
        return NULL;
    }
    char *p = PyBytes_AS_STRING(b);
    for (Py_ssize_t i = 0; i < n; i++) {
        p[i] = (char)(i % 7 == 3 ? 0 : 'a' + (i % 26));
    }
    return b;
}

/* PyBytes_AsString -> bytes up to the first NUL */
static PyObject *
bytes_as_string(PyObject *self, PyObject *arg)
{
    const char *s = PyBytes_AsString(arg);
    if (s == NULL) {
        return NULL;
    }
    return PyBytes_FromString(s);
}

/* PyBytes_AsStringAndSize -> (copy of the buffer, size) */
static PyObject *
bytes_as_string_and_size(PyObject *self, PyObject *arg)
{
    char *s = NULL;
    Py_ssize_t n = -12345;
    if (PyBytes_AsStringAndSize(arg, &s, &n) < 0) {
        return NULL;
    }
    PyObject *b = PyBytes_FromStringAndSize(s, n);
    PyObject *size = PyLong_FromSsize_t(n);
    PyObject *t = NULL;
    if (b && size) {
        t = PyTuple_New(2);
    }
    if (t == NULL) {
        Py_XDECREF(b);
        Py_XDECREF(size);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, b);
    PyTuple_SET_ITEM(t, 1, size);
    return t;
}

/* PyBytes_AsStringAndSize with a NULL length: refuses embedded NULs */
static PyObject *
bytes_as_string_no_len(PyObject *self, PyObject *arg)
{
    char *s = NULL;
    if (PyBytes_AsStringAndSize(arg, &s, NULL) < 0) {
        return NULL;
    }
    return PyBytes_FromString(s);
}

static PyObject *
bytes_size(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyBytes_Size(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

/* -> (PyBytes_GET_SIZE, bytes(PyBytes_AS_STRING up to GET_SIZE), the buffer
 * is NUL-terminated) */
static PyObject *
bytes_macros(PyObject *self, PyObject *arg)
{
    if (!PyBytes_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "need bytes");
        return NULL;
    }
    Py_ssize_t n = PyBytes_GET_SIZE(arg);
    const char *p = PyBytes_AS_STRING(arg);
    PyObject *size = PyLong_FromSsize_t(n);
    PyObject *copy = PyBytes_FromStringAndSize(p, n);
    PyObject *t = NULL;
    if (size && copy) {
        t = PyTuple_New(3);
    }
    if (t == NULL) {
        Py_XDECREF(size);
        Py_XDECREF(copy);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, size);
    PyTuple_SET_ITEM(t, 1, copy);
    PyTuple_SET_ITEM(t, 2, PyBool_FromLong(p[n] == '\0'));
    return t;
}

/* -> (PyBytes_Check, PyBytes_CheckExact) */
static PyObject *
bytes_check(PyObject *self, PyObject *arg)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, PyBool_FromLong(PyBytes_Check(arg)));
    PyTuple_SET_ITEM(t, 1, PyBool_FromLong(PyBytes_CheckExact(arg)));
    return t;
}

/* str_layout(s) -> (GET_LENGTH, KIND, IS_ASCII, MAX_CHAR_VALUE, code points
 * read with READ_CHAR and with READ over DATA): the inline macros read the
 * object's own memory. */
static PyObject *
str_layout(PyObject *self, PyObject *s)
{
    if (!PyUnicode_Check(s)) {
        PyErr_SetString(PyExc_TypeError, "str expected");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    PyObject *chars = PyList_New(n);
    if (chars == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 a = PyUnicode_READ_CHAR(s, i);
        Py_UCS4 b = PyUnicode_READ(kind, data, i);
        if (a != b) {
            Py_DECREF(chars);
            PyErr_SetString(PyExc_AssertionError, "READ_CHAR and READ disagree");
            return NULL;
        }
        PyList_SET_ITEM(chars, i, PyLong_FromUnsignedLong(a));
    }
    return Py_BuildValue("(nikkN)", n, kind, (unsigned long)PyUnicode_IS_ASCII(s),
                         (unsigned long)PyUnicode_MAX_CHAR_VALUE(s), chars);
}

/* build_str(code points, maxchar) -> str made with PyUnicode_New and filled
 * with PyUnicode_WRITE */
static PyObject *
build_str(PyObject *self, PyObject *args)
{
    PyObject *points;
    unsigned long maxchar;
    if (!PyArg_ParseTuple(args, "O!k", &PyList_Type, &points, &maxchar)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(points);
    PyObject *s = PyUnicode_New(n, (Py_UCS4)maxchar);
    if (s == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(s);
    void *data = PyUnicode_DATA(s);
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned long c = PyLong_AsUnsignedLong(PyList_GET_ITEM(points, i));
        if (c == (unsigned long)-1 && PyErr_Occurred()) {
            Py_DECREF(s);
            return NULL;
        }
        PyUnicode_WRITE(kind, data, i, c);
    }
    return s;
}

/* PyUnicode_Decode(bytes, encoding or None, errors or None) */
static PyObject *
str_decode(PyObject *self, PyObject *args)
{
    const char *data, *encoding = NULL, *errors = NULL;
    Py_ssize_t size;
    if (!PyArg_ParseTuple(args, "y#|zz", &data, &size, &encoding, &errors)) {
        return NULL;
    }
    return PyUnicode_Decode(data, size, encoding, errors);
}

static PyMethodDef capi_str_bytes_methods[] = {
    {"str_decode", str_decode, METH_VARARGS, NULL},
    {"str_layout", str_layout, METH_O, NULL},
    {"build_str", build_str, METH_VARARGS, NULL},
    {"str_ascii", str_ascii, METH_NOARGS, NULL},
    {"str_utf8", str_utf8, METH_NOARGS, NULL},
    {"str_empty", str_empty, METH_NOARGS, NULL},
    {"str_from_cstring", str_from_cstring, METH_O, NULL},
    {"str_from_string_and_size", str_from_string_and_size, METH_VARARGS, NULL},
    {"str_as_utf8", str_as_utf8, METH_O, NULL},
    {"str_as_utf8_and_size", str_as_utf8_and_size, METH_O, NULL},
    {"str_as_utf8_and_null_size", str_as_utf8_and_null_size, METH_O, NULL},
    {"str_utf8_stays_valid", str_utf8_stays_valid, METH_O, NULL},
    {"str_get_length", str_get_length, METH_O, NULL},
    {"str_check", str_check, METH_O, NULL},
    {"format_ints", format_ints, METH_NOARGS, NULL},
    {"format_strings", format_strings, METH_NOARGS, NULL},
    {"format_widths", format_widths, METH_NOARGS, NULL},
    {"format_objects", format_objects, METH_VARARGS, NULL},
    {"format_ascii", format_ascii, METH_O, NULL},
    {"format_pointer", format_pointer, METH_NOARGS, NULL},
    {"format_repr_of", format_repr_of, METH_O, NULL},
    {"bytes_from_string", bytes_from_string, METH_NOARGS, NULL},
    {"bytes_from_string_and_size", bytes_from_string_and_size, METH_VARARGS, NULL},
    {"bytes_fill", bytes_fill, METH_O, NULL},
    {"bytes_as_string", bytes_as_string, METH_O, NULL},
    {"bytes_as_string_and_size", bytes_as_string_and_size, METH_O, NULL},
    {"bytes_as_string_no_len", bytes_as_string_no_len, METH_O, NULL},
    {"bytes_size", bytes_size, METH_O, NULL},
    {"bytes_macros", bytes_macros, METH_O, NULL},
    {"bytes_check", bytes_check, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_str_bytes_def = {
    PyModuleDef_HEAD_INIT, "capi_str_bytes", NULL, -1, capi_str_bytes_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_str_bytes(void)
{
    PyObject *m = PyModule_Create(&capi_str_bytes_def);
    /* The headers' version decides behaviour that changed across versions. */
    if (m != NULL && PyModule_AddIntConstant(m, "PY_VERSION_HEX", PY_VERSION_HEX) < 0) {
        Py_CLEAR(m);
    }
    return m;
}
