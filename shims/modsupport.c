/* Py_BuildValue and Py_VaBuildValue.
 *
 * Variadic, so written in C on the public C-API. After a failure the rest
 * of the format is still walked so every 'N' argument is released, as
 * CPython promises; '#' lengths are Py_ssize_t. */

#include "Python.h"
#include "sizet_alias.h"

#include <stdarg.h>
#include <string.h>

#ifndef PyAPI_FUNC
#define PyAPI_FUNC(RTYPE) RTYPE
#endif

typedef PyObject *(*builder_t)(void *);

typedef struct {
    va_list ap;
    const char *f;
    int lost; /* an unknown unit was met: argument layout unknown */
} Builder;

enum { K_TUPLE, K_LIST, K_DICT };

static int
is_separator(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' ||
           c == ':';
}

/* Items at the current level before `end`, or -1 if it is never closed. */
static Py_ssize_t
count_items(const char *f, char end)
{
    Py_ssize_t n = 0;
    int level = 0;
    for (; level > 0 || *f != end; f++) {
        char c = *f;
        if (c == '\0')
            return -1;
        if (c == '(' || c == '[' || c == '{') {
            if (level == 0)
                n++;
            level++;
        }
        else if (c == ')' || c == ']' || c == '}') {
            level--;
        }
        else if (c != '#' && c != '&' && !is_separator(c)) {
            if (level == 0)
                n++;
        }
    }
    return n;
}

static PyObject *build_unit(Builder *b, int live);

static PyObject *
new_container(int kind, Py_ssize_t n)
{
    if (kind == K_TUPLE)
        return PyTuple_New(n);
    if (kind == K_LIST)
        return PyList_New(n);
    if (n % 2 != 0) {
        PyErr_SetString(PyExc_SystemError, "Bad dict format");
        return NULL;
    }
    return PyDict_New();
}

/* Builds n items into a new container closed by `end` ('\0' at top level).
   On any failure it keeps consuming the remaining items without building. */
static PyObject *
build_container(Builder *b, int kind, char end, Py_ssize_t n, int live)
{
    PyObject *obj = live ? new_container(kind, n) : NULL;
    PyObject *key = NULL;
    Py_ssize_t i;

    for (i = 0; i < n && !b->lost; i++) {
        PyObject *w = build_unit(b, obj != NULL);
        if (obj == NULL)
            continue;
        if (w == NULL) {
            Py_CLEAR(key);
            Py_CLEAR(obj);
            continue;
        }
        if (kind == K_TUPLE) {
            PyTuple_SET_ITEM(obj, i, w);
        }
        else if (kind == K_LIST) {
            if (PyList_SetItem(obj, i, w) < 0)
                Py_CLEAR(obj);
        }
        else if (key == NULL) {
            key = w;
        }
        else {
            int r = PyDict_SetItem(obj, key, w);
            Py_DECREF(w);
            Py_CLEAR(key);
            if (r < 0)
                Py_CLEAR(obj);
        }
    }
    Py_XDECREF(key);
    if (b->lost) {
        Py_XDECREF(obj);
        return NULL;
    }
    while (is_separator(*b->f))
        b->f++;
    if (*b->f != end) {
        if (obj != NULL) {
            Py_DECREF(obj);
            PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        }
        return NULL;
    }
    if (end != '\0')
        b->f++;
    return obj;
}

static PyObject *
build_group(Builder *b, int kind, char end, int live)
{
    Py_ssize_t n = count_items(b->f, end);
    if (n < 0) {
        if (live)
            PyErr_SetString(PyExc_SystemError, "unmatched paren in format");
        b->lost = 1;
        return NULL;
    }
    return build_container(b, kind, end, n, live);
}

static PyObject *
string_value(const char *s, Py_ssize_t n, int bytes)
{
    if (s == NULL)
        Py_RETURN_NONE;
    if (n < 0) {
        size_t m = strlen(s);
        if (m > (size_t)PY_SSIZE_T_MAX) {
            PyErr_SetString(PyExc_OverflowError,
                            bytes ? "string too long for Python bytes"
                                  : "string too long for Python string");
            return NULL;
        }
        n = (Py_ssize_t)m;
    }
    return bytes ? PyBytes_FromStringAndSize(s, n)
                 : PyUnicode_FromStringAndSize(s, n);
}

/* Builds one unit and returns a new reference (NULL with an error set).
   With live == 0 it only consumes the unit's arguments, releasing 'N'
   references, and returns NULL without touching the error state. */
static PyObject *
build_unit(Builder *b, int live)
{
    for (;;) {
        char c = *b->f;
        if (c == '\0')
            goto bad;
        b->f++;
        switch (c) {
        case '(':
            return build_group(b, K_TUPLE, ')', live);
        case '[':
            return build_group(b, K_LIST, ']', live);
        case '{':
            return build_group(b, K_DICT, '}', live);

        case 'b':
        case 'B':
        case 'h':
        case 'i': {
            int v = va_arg(b->ap, int);
            return live ? PyLong_FromLong(v) : NULL;
        }
        case 'H': {
            unsigned int v = va_arg(b->ap, unsigned int);
            return live ? PyLong_FromLong((long)v) : NULL;
        }
        case 'I': {
            unsigned int v = va_arg(b->ap, unsigned int);
            return live ? PyLong_FromUnsignedLong(v) : NULL;
        }
        case 'l': {
            long v = va_arg(b->ap, long);
            return live ? PyLong_FromLong(v) : NULL;
        }
        case 'k': {
            unsigned long v = va_arg(b->ap, unsigned long);
            return live ? PyLong_FromUnsignedLong(v) : NULL;
        }
        case 'L': {
            long long v = va_arg(b->ap, long long);
            return live ? PyLong_FromLongLong(v) : NULL;
        }
        case 'K': {
            unsigned long long v = va_arg(b->ap, unsigned long long);
            return live ? PyLong_FromUnsignedLongLong(v) : NULL;
        }
        case 'n': {
            Py_ssize_t v = va_arg(b->ap, Py_ssize_t);
            return live ? PyLong_FromSsize_t(v) : NULL;
        }
        case 'p': {
            int v = va_arg(b->ap, int);
            return live ? PyBool_FromLong(v) : NULL;
        }
        case 'f':
        case 'd': {
            double v = va_arg(b->ap, double); /* float is promoted */
            return live ? PyFloat_FromDouble(v) : NULL;
        }
        case 'c': {
            char ch = (char)va_arg(b->ap, int);
            return live ? PyBytes_FromStringAndSize(&ch, 1) : NULL;
        }
        case 'C': {
            int v = va_arg(b->ap, int);
            return live ? PyUnicode_FromOrdinal(v) : NULL;
        }
        case 's':
        case 'z':
        case 'U': /* CPython keeps 'U' as an alias of 's' here */
        case 'y': {
            const char *s = va_arg(b->ap, const char *);
            Py_ssize_t n = -1;
            if (*b->f == '#') {
                b->f++;
                n = va_arg(b->ap, Py_ssize_t);
            }
            return live ? string_value(s, n, c == 'y') : NULL;
        }
        case 'N':
        case 'O':
        case 'S': {
            PyObject *o;
            if (*b->f == '&') {
                builder_t fn;
                void *arg;
                b->f++;
                fn = va_arg(b->ap, builder_t);
                arg = va_arg(b->ap, void *);
                if (!live)
                    return NULL; /* not called once the build has failed */
                if (fn == NULL) {
                    PyErr_SetString(PyExc_SystemError,
                                    "NULL converter passed to Py_BuildValue");
                    return NULL;
                }
                return fn(arg);
            }
            o = va_arg(b->ap, PyObject *);
            if (!live) {
                if (c == 'N')
                    Py_XDECREF(o);
                return NULL;
            }
            if (o == NULL) {
                /* Usually a failed call in the argument list: keep its error. */
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_SystemError,
                                    "NULL object passed to Py_BuildValue");
                return NULL;
            }
            if (c != 'N')
                Py_INCREF(o);
            return o;
        }
        default:
            if (is_separator(c))
                continue;
            b->f--;
            goto bad;
        }
    }
bad:
    if (live)
        PyErr_SetString(PyExc_SystemError,
                        "bad format char passed to Py_BuildValue");
    b->lost = 1;
    return NULL;
}

static PyObject *
build_value(const char *format, va_list va)
{
    Builder b;
    Py_ssize_t n;
    PyObject *r;

    if (format == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    n = count_items(format, '\0');
    if (n < 0) {
        PyErr_SetString(PyExc_SystemError, "unmatched paren in format");
        return NULL;
    }
    if (n == 0)
        Py_RETURN_NONE;
    va_copy(b.ap, va);
    b.f = format;
    b.lost = 0;
    if (n == 1)
        r = build_unit(&b, 1);
    else
        r = build_container(&b, K_TUPLE, '\0', n, 1);
    va_end(b.ap);
    return r;
}

PyObject *
Py_BuildValue(const char *format, ...)
{
    va_list va;
    PyObject *r;
    va_start(va, format);
    r = build_value(format, va);
    va_end(va);
    return r;
}

PyObject *
Py_VaBuildValue(const char *format, va_list va)
{
    return build_value(format, va);
}

SIZET_ALIAS(_Py_BuildValue_SizeT, Py_BuildValue);
SIZET_ALIAS(_Py_VaBuildValue_SizeT, Py_VaBuildValue);
