/* PyArg_Parse* and PyArg_UnpackTuple.
 *
 * Variadic, so written in C. Objects are reached only through the public
 * C-API; '#' lengths are always Py_ssize_t (PY_SSIZE_T_CLEAN semantics, the
 * only ones 3.13+ has). Error texts follow CPython 3.11. */

#include "Python.h"
#include "sizet_alias.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#ifndef Py_CLEANUP_SUPPORTED
#define Py_CLEANUP_SUPPORTED 0x20000
#endif

#ifndef PyAPI_FUNC
#define PyAPI_FUNC(RTYPE) RTYPE
#endif

/* 3.13 changed the keyword list to `char * const *`. */
#if PY_VERSION_HEX >= 0x030D0000
typedef char *const *kwlist_t;
#else
typedef char **kwlist_t;
#endif

#define MAX_DEPTH 30 /* tuple nesting, as CPython */

typedef int (*converter_t)(PyObject *, void *);

typedef struct {
    converter_t fn;
    void *addr;
} Cleanup;

typedef struct {
    va_list ap;
    const char *f; /* format cursor */
    /* Path to a failing nested item: levels[d] is a 1-based index, 0 ends. */
    int levels[MAX_DEPTH + 2];
    char msg[256]; /* "must be X, not Y" when no Python error is set */
    Cleanup *cleanups;
    int ncleanups, capcleanups;
    Cleanup cleanup_store[4];
} Parser;

static void
parser_init(Parser *p, const char *format, va_list va)
{
    va_copy(p->ap, va);
    p->f = format;
    p->levels[0] = 0;
    p->msg[0] = '\0';
    p->cleanups = p->cleanup_store;
    p->ncleanups = 0;
    p->capcleanups = (int)(sizeof p->cleanup_store / sizeof p->cleanup_store[0]);
}

/* Ends a parse: on failure, lets O& converters that asked for it release
   what they produced for earlier arguments. */
static int
parser_finish(Parser *p, int ok)
{
    int i;
    if (!ok) {
        for (i = 0; i < p->ncleanups; i++)
            p->cleanups[i].fn(NULL, p->cleanups[i].addr);
    }
    if (p->cleanups != p->cleanup_store)
        PyMem_Free(p->cleanups);
    va_end(p->ap);
    return ok;
}

static int
add_cleanup(Parser *p, converter_t fn, void *addr)
{
    if (p->ncleanups == p->capcleanups) {
        int cap = p->capcleanups * 2;
        Cleanup *n = PyMem_Malloc((size_t)cap * sizeof(Cleanup));
        if (n == NULL)
            return -1;
        memcpy(n, p->cleanups, (size_t)p->ncleanups * sizeof(Cleanup));
        if (p->cleanups != p->cleanup_store)
            PyMem_Free(p->cleanups);
        p->cleanups = n;
        p->capcleanups = cap;
    }
    p->cleanups[p->ncleanups].fn = fn;
    p->cleanups[p->ncleanups].addr = addr;
    p->ncleanups++;
    return 0;
}

/* The one place that reads tp_name, so CPython's messages can name types
   exactly ("numpy.ndarray", not "ndarray"). */
static const char *
type_name(PyTypeObject *t)
{
    return t->tp_name;
}

static const char *
obj_type_name(PyObject *o)
{
    return o == Py_None ? "None" : type_name(Py_TYPE(o));
}

static int
is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A conversion failed with a Python error already set. */
static int
failed(Parser *p, int depth)
{
    p->levels[depth] = 0;
    p->msg[0] = '\0';
    return -1;
}

/* A conversion failed on the argument's type. An `expected` in
   parentheses is an internal problem and becomes a SystemError. */
static int
mismatch(Parser *p, int depth, const char *expected, PyObject *arg)
{
    p->levels[depth] = 0;
    if (expected[0] == '(')
        snprintf(p->msg, sizeof p->msg, "%.100s", expected);
    else
        snprintf(p->msg, sizeof p->msg, "must be %.50s, not %.50s",
                 expected, obj_type_name(arg));
    return -1;
}

static int
overflow(Parser *p, int depth, const char *what)
{
    PyErr_SetString(PyExc_OverflowError, what);
    return failed(p, depth);
}

/* PyLong_AsLong with CPython's range messages for the narrower signed
   units (`below`/`above` may be NULL when the range is a long's). */
static int
ranged_long(Parser *p, int depth, PyObject *arg, long lo, long hi,
            const char *below, const char *above, long *v)
{
    *v = PyLong_AsLong(arg);
    if (*v == -1 && PyErr_Occurred())
        return failed(p, depth);
    if (below != NULL && *v < lo)
        return overflow(p, depth, below);
    if (above != NULL && *v > hi)
        return overflow(p, depth, above);
    return 0;
}

/* The unsigned units: the int's low bits, without a range check. `k` and
   `K` (`int_only`) also refuse objects that are not ints. */
static int
masked(Parser *p, int depth, PyObject *arg, int int_only,
       unsigned long long *v)
{
    if (int_only && !PyLong_Check(arg))
        return mismatch(p, depth, "int", arg);
    *v = PyLong_AsUnsignedLongLongMask(arg);
    if (*v == (unsigned long long)-1 && PyErr_Occurred())
        return failed(p, depth);
    return 0;
}

static int
bad_unit(Parser *p, const char *unit)
{
    size_t n = 1;
    if (unit[0] == 'e' && unit[1] != '\0')
        n++;
    while (unit[n] == '#' || unit[n] == '*')
        n++;
    if (unit[0] == '\0')
        PyErr_SetString(PyExc_SystemError,
                         "bad format string: format ended inside a unit");
    else
        PyErr_Format(PyExc_SystemError,
                     "format unit '%.*s' is not supported by PyArg_Parse*",
                     (int)n, unit);
    return failed(p, 0);
}

/* Appends to a fixed buffer, truncating safely. */
static void
bput(char *buf, size_t cap, size_t *len, const char *fmt, ...)
{
    va_list va;
    int n;
    if (*len + 1 >= cap)
        return;
    va_start(va, fmt);
    n = vsnprintf(buf + *len, cap - *len, fmt, va);
    va_end(va);
    if (n > 0)
        *len = (*len + (size_t)n < cap) ? *len + (size_t)n : cap - 1;
}

/* Raises the TypeError for a failed argument, unless the conversion already
   set an error. `levels` continues the item path after argument `iarg`. */
static void
report(const int *levels, Py_ssize_t iarg, const char *msg, const char *fname,
       const char *custom)
{
    PyObject *exc;
    char buf[512];
    size_t n = 0;
    int k;

    if (PyErr_Occurred())
        return;
    if (msg[0] == '\0')
        msg = "(unspecified)";
    exc = msg[0] == '(' ? PyExc_SystemError : PyExc_TypeError;
    if (custom != NULL) {
        PyErr_SetString(exc, custom);
        return;
    }
    if (fname != NULL)
        bput(buf, sizeof buf, &n, "%.200s() ", fname);
    if (iarg != 0) {
        bput(buf, sizeof buf, &n, "argument %zd", iarg);
        for (k = 0; k < MAX_DEPTH && levels[k] > 0 && n < 220; k++)
            bput(buf, sizeof buf, &n, ", item %d", levels[k] - 1);
    }
    else {
        bput(buf, sizeof buf, &n, "argument");
    }
    bput(buf, sizeof buf, &n, " %.256s", msg);
    buf[n] = '\0';
    PyErr_SetString(exc, buf);
}

static int convert_unit(Parser *p, PyObject *arg, int depth);

/* Number of units in a nested group; `f` is just past its '('. */
static int
count_group(const char *f)
{
    int level = 0, n = 0;
    for (;; f++) {
        char c = *f;
        if (c == '\0' || c == ':' || c == ';')
            return -1;
        if (c == '(') {
            if (level == 0)
                n++;
            level++;
        }
        else if (c == ')') {
            if (level == 0)
                return n;
            level--;
        }
        else if (level == 0 && is_alpha(c) && c != 'e') {
            n++;
        }
    }
}

static int
convert_group(Parser *p, PyObject *arg, int depth)
{
    int n = count_group(p->f), i;

    if (n < 0) {
        PyErr_SetString(PyExc_SystemError,
                        "missing ')' in getargs format");
        return failed(p, 0);
    }
    if (depth + 1 >= MAX_DEPTH) {
        PyErr_SetString(PyExc_SystemError, "too many tuple nesting levels "
                                           "in argument format string");
        return failed(p, 0);
    }
    if (arg == NULL) {
        for (i = 0; i < n; i++) {
            if (convert_unit(p, NULL, depth + 1) < 0)
                return -1;
        }
    }
    else {
        Py_ssize_t len;
        if (!PySequence_Check(arg) || PyBytes_Check(arg)) {
            p->levels[depth] = 0;
            snprintf(p->msg, sizeof p->msg,
                     "must be %d-item sequence, not %.50s", n,
                     obj_type_name(arg));
            return -1;
        }
        len = PySequence_Size(arg);
        if (len < 0)
            return failed(p, depth);
        if (len != n) {
            p->levels[depth] = 0;
            snprintf(p->msg, sizeof p->msg,
                     "must be sequence of length %d, not %zd", n, len);
            return -1;
        }
        for (i = 0; i < n; i++) {
            int r;
            PyObject *item = PySequence_GetItem(arg, i);
            if (item == NULL) {
                PyErr_Clear();
                p->levels[depth] = i + 1;
                p->levels[depth + 1] = 0;
                snprintf(p->msg, sizeof p->msg, "is not retrievable");
                return -1;
            }
            /* Like CPython, items stay borrowed from the sequence. */
            r = convert_unit(p, item, depth + 1);
            Py_DECREF(item);
            if (r < 0) {
                p->levels[depth] = i + 1;
                return -1;
            }
        }
    }
    if (*p->f != ')') {
        PyErr_SetString(PyExc_SystemError,
                        "missing ')' in getargs format");
        return failed(p, 0);
    }
    p->f++;
    return 0;
}

/* Pointer into a bytes object for y / y# / s# / z#. Without the buffer
   protocol only bytes qualify; other exporters get CPython's wording. */
static int
bytes_data(Parser *p, PyObject *arg, int depth, const char **out,
           Py_ssize_t *len)
{
    char *buf;
    if (PyBytes_Check(arg)) {
        if (PyBytes_AsStringAndSize(arg, &buf, len) < 0)
            return failed(p, depth);
        *out = buf;
        return 0;
    }
    if (PyByteArray_Check(arg))
        return mismatch(p, depth, "read-only bytes-like object", arg);
    PyErr_Format(PyExc_TypeError,
                 "a bytes-like object is required, not '%.100s'",
                 type_name(Py_TYPE(arg)));
    return failed(p, depth);
}

/* Releases a view `s*`/`y*`/`z*`/`w*` filled, when a later argument fails. */
static int
release_view(PyObject *unused, void *addr)
{
    (void)unused;
    PyBuffer_Release((Py_buffer *)addr);
    return 0;
}

/* s*, z*, y*, w* (p->f is at the '*'): a Py_buffer over `arg`, which the
   caller releases with PyBuffer_Release. `s*`/`z*` take a str as its UTF-8
   bytes; `z*` takes None as a NULL buffer; `w*` needs a writable buffer. */
static int
convert_buffer(Parser *p, PyObject *arg, int depth, char c)
{
    Py_buffer *view;

    p->f++;
    view = va_arg(p->ap, Py_buffer *);
    if (arg == NULL)
        return 0;
    if (c == 'z' && arg == Py_None) {
        PyBuffer_FillInfo(view, NULL, NULL, 0, 1, 0);
        return 0;
    }
    if ((c == 's' || c == 'z') && PyUnicode_Check(arg)) {
        Py_ssize_t len;
        const char *utf8 = PyUnicode_AsUTF8AndSize(arg, &len);
        if (utf8 == NULL)
            return failed(p, depth);
        PyBuffer_FillInfo(view, arg, (void *)utf8, len, 1, 0);
    }
    else if (c == 'w') {
        if (PyObject_GetBuffer(arg, view, PyBUF_WRITABLE) < 0) {
            PyErr_Clear();
            return mismatch(p, depth, "read-write bytes-like object", arg);
        }
    }
    else if (PyObject_GetBuffer(arg, view, PyBUF_SIMPLE) < 0) {
        return failed(p, depth);
    }
    if (!PyBuffer_IsContiguous(view, 'C')) {
        PyBuffer_Release(view);
        return mismatch(p, depth, "contiguous buffer", arg);
    }
    if (add_cleanup(p, release_view, view) < 0) {
        PyBuffer_Release(view);
        PyErr_NoMemory();
        return failed(p, depth);
    }
    return 0;
}

/* s, s#, z, z# */
static int
convert_text(Parser *p, PyObject *arg, int depth, char c, const char *unit)
{
    const char **out;
    Py_ssize_t *plen = NULL;
    Py_ssize_t len;
    const char *s;

    if (*p->f == '*')
        return convert_buffer(p, arg, depth, c);
    (void)unit;
    out = va_arg(p->ap, const char **);
    if (*p->f == '#') {
        p->f++;
        plen = va_arg(p->ap, Py_ssize_t *);
    }
    if (arg == NULL)
        return 0;
    if (c == 'z' && arg == Py_None) {
        *out = NULL;
        if (plen != NULL)
            *plen = 0;
        return 0;
    }
    if (PyUnicode_Check(arg)) {
        s = PyUnicode_AsUTF8AndSize(arg, &len);
        if (s == NULL)
            return failed(p, depth);
        if (plen == NULL && strlen(s) != (size_t)len) {
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            return failed(p, depth);
        }
        *out = s;
        if (plen != NULL)
            *plen = len;
        return 0;
    }
    if (plen == NULL)
        return mismatch(p, depth, c == 'z' ? "str or None" : "str", arg);
    if (bytes_data(p, arg, depth, &s, &len) < 0)
        return -1;
    *out = s;
    *plen = len;
    return 0;
}

/* y, y# */
static int
convert_bytes(Parser *p, PyObject *arg, int depth, const char *unit)
{
    const char **out;
    Py_ssize_t *plen = NULL;
    Py_ssize_t len;
    const char *s;

    if (*p->f == '*')
        return convert_buffer(p, arg, depth, 'y');
    (void)unit;
    out = va_arg(p->ap, const char **);
    if (*p->f == '#') {
        p->f++;
        plen = va_arg(p->ap, Py_ssize_t *);
    }
    if (arg == NULL)
        return 0;
    if (bytes_data(p, arg, depth, &s, &len) < 0)
        return -1;
    *out = s;
    if (plen != NULL) {
        *plen = len;
    }
    else if (strlen(s) != (size_t)len) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return failed(p, depth);
    }
    return 0;
}

/* O, O!, O& */
static int
convert_object(Parser *p, PyObject *arg, int depth)
{
    if (*p->f == '!') {
        PyTypeObject *type;
        PyObject **out;
        p->f++;
        type = va_arg(p->ap, PyTypeObject *);
        out = va_arg(p->ap, PyObject **);
        if (arg == NULL)
            return 0;
        if (type == NULL) {
            PyErr_SetString(PyExc_SystemError,
                            "NULL type passed to the O! format unit");
            return failed(p, depth);
        }
        if (!PyType_IsSubtype(Py_TYPE(arg), type))
            return mismatch(p, depth, type_name(type), arg);
        *out = arg;
        return 0;
    }
    if (*p->f == '&') {
        converter_t fn;
        void *addr;
        int r;
        p->f++;
        fn = va_arg(p->ap, converter_t);
        addr = va_arg(p->ap, void *);
        if (arg == NULL)
            return 0;
        if (fn == NULL) {
            PyErr_SetString(PyExc_SystemError,
                            "NULL converter passed to the O& format unit");
            return failed(p, depth);
        }
        r = fn(arg, addr);
        if (r == 0)
            return mismatch(p, depth, "(unspecified)", arg);
        if (r == Py_CLEANUP_SUPPORTED && add_cleanup(p, fn, addr) < 0) {
            fn(NULL, addr);
            PyErr_NoMemory();
            return failed(p, depth);
        }
        return 0;
    }
    {
        PyObject **out = va_arg(p->ap, PyObject **);
        if (arg != NULL)
            *out = arg;
        return 0;
    }
}

/* Frees a buffer `es`/`et` allocated, when a later argument fails. */
static int
free_encoded(PyObject *unused, void *addr)
{
    char **buffer = addr;
    (void)unused;
    PyMem_Free(*buffer);
    *buffer = NULL;
    return 0;
}

/* `es`, `et`, `es#`, `et#` (p->f is just past the 'e'): `arg` encoded with
   the given encoding (NULL: UTF-8) into a buffer the caller frees with
   PyMem_Free, or with '#' into the caller's buffer of *size bytes. `et`
   passes bytes and bytearray through as they are. */
static int
convert_encoded(Parser *p, PyObject *arg, int depth, const char *unit)
{
    char mode = *p->f;
    const char *encoding = va_arg(p->ap, const char *);
    char **buffer;
    Py_ssize_t *psize = NULL;
    PyObject *s;
    const char *data;
    Py_ssize_t size;

    if (mode != 's' && mode != 't')
        return bad_unit(p, unit);
    p->f++;
    buffer = va_arg(p->ap, char **);
    if (*p->f == '#') {
        p->f++;
        psize = va_arg(p->ap, Py_ssize_t *);
    }
    if (arg == NULL)
        return 0;
    if (buffer == NULL)
        return mismatch(p, depth, "(buffer is NULL)", arg);
    if (mode == 't' && (PyBytes_Check(arg) || PyByteArray_Check(arg))) {
        s = Py_NewRef(arg);
    }
    else if (PyUnicode_Check(arg)) {
        s = PyUnicode_AsEncodedString(arg, encoding != NULL ? encoding : "utf-8", NULL);
        if (s == NULL)
            return mismatch(p, depth, "(encoding failed)", arg);
    }
    else {
        return mismatch(p, depth, mode == 's' ? "str" : "str, bytes or bytearray", arg);
    }
    if (PyByteArray_Check(s)) {
        data = PyByteArray_AsString(s);
        size = PyByteArray_Size(s);
    }
    else {
        data = PyBytes_AsString(s);
        size = PyBytes_Size(s);
    }
    if (psize != NULL && *buffer != NULL) {
        if (size + 1 > *psize) {
            PyErr_Format(PyExc_ValueError,
                         "encoded string too long (%zd, maximum length %zd)",
                         size, *psize - 1);
            Py_DECREF(s);
            return failed(p, depth);
        }
    }
    else {
        if (psize == NULL && (Py_ssize_t)strlen(data) != size) {
            Py_DECREF(s);
            return mismatch(p, depth, "encoded string without null bytes", arg);
        }
        *buffer = PyMem_Malloc((size_t)size + 1);
        if (*buffer == NULL) {
            Py_DECREF(s);
            PyErr_NoMemory();
            return failed(p, depth);
        }
        if (add_cleanup(p, free_encoded, buffer) < 0) {
            PyMem_Free(*buffer);
            *buffer = NULL;
            Py_DECREF(s);
            PyErr_NoMemory();
            return failed(p, depth);
        }
    }
    memcpy(*buffer, data, (size_t)size + 1);
    if (psize != NULL)
        *psize = size;
    Py_DECREF(s);
    return 0;
}

/* Converts `arg` by the unit at p->f and stores through the unit's
   pointers; with arg == NULL only consumes the unit's variadic arguments
   (an optional argument that was not given). Returns 0, or -1 with either
   a Python error set or p->msg/p->levels describing a type mismatch. */
static int
convert_unit(Parser *p, PyObject *arg, int depth)
{
    const char *unit = p->f;
    char c = *p->f;

    if (c == '\0')
        return bad_unit(p, unit);
    p->f++;

    switch (c) {
    case '(':
        return convert_group(p, arg, depth);

    case 'b': {
        char *out = va_arg(p->ap, char *);
        long v;
        if (arg == NULL)
            return 0;
        if (ranged_long(p, depth, arg, 0, UCHAR_MAX,
                        "unsigned byte integer is less than minimum",
                        "unsigned byte integer is greater than maximum", &v) < 0)
            return -1;
        *out = (char)v;
        return 0;
    }
    case 'B': {
        unsigned char *out = va_arg(p->ap, unsigned char *);
        unsigned long long v;
        if (arg == NULL)
            return 0;
        if (masked(p, depth, arg, 0, &v) < 0)
            return -1;
        *out = (unsigned char)v;
        return 0;
    }
    case 'h': {
        short *out = va_arg(p->ap, short *);
        long v;
        if (arg == NULL)
            return 0;
        if (ranged_long(p, depth, arg, SHRT_MIN, SHRT_MAX,
                        "signed short integer is less than minimum",
                        "signed short integer is greater than maximum", &v) < 0)
            return -1;
        *out = (short)v;
        return 0;
    }
    case 'H': {
        unsigned short *out = va_arg(p->ap, unsigned short *);
        unsigned long long v;
        if (arg == NULL)
            return 0;
        if (masked(p, depth, arg, 0, &v) < 0)
            return -1;
        *out = (unsigned short)v;
        return 0;
    }
    case 'i': {
        int *out = va_arg(p->ap, int *);
        long v;
        if (arg == NULL)
            return 0;
        if (ranged_long(p, depth, arg, INT_MIN, INT_MAX,
                        "signed integer is less than minimum",
                        "signed integer is greater than maximum", &v) < 0)
            return -1;
        *out = (int)v;
        return 0;
    }
    case 'I': {
        unsigned int *out = va_arg(p->ap, unsigned int *);
        unsigned long long v;
        if (arg == NULL)
            return 0;
        if (masked(p, depth, arg, 0, &v) < 0)
            return -1;
        *out = (unsigned int)v;
        return 0;
    }
    case 'l': {
        long *out = va_arg(p->ap, long *);
        if (arg == NULL)
            return 0;
        return ranged_long(p, depth, arg, LONG_MIN, LONG_MAX, NULL, NULL, out);
    }
    case 'k': {
        unsigned long *out = va_arg(p->ap, unsigned long *);
        unsigned long long v;
        if (arg == NULL)
            return 0;
        if (masked(p, depth, arg, 1, &v) < 0)
            return -1;
        *out = (unsigned long)v;
        return 0;
    }
    case 'L': {
        long long *out = va_arg(p->ap, long long *);
        long long v;
        if (arg == NULL)
            return 0;
        v = PyLong_AsLongLong(arg);
        if (v == -1 && PyErr_Occurred())
            return failed(p, depth);
        *out = v;
        return 0;
    }
    case 'K': {
        unsigned long long *out = va_arg(p->ap, unsigned long long *);
        if (arg == NULL)
            return 0;
        return masked(p, depth, arg, 1, out);
    }
    case 'n': {
        Py_ssize_t *out = va_arg(p->ap, Py_ssize_t *);
        Py_ssize_t v;
        PyObject *index;
        if (arg == NULL)
            return 0;
        index = PyNumber_Index(arg);
        if (index == NULL)
            return failed(p, depth);
        v = PyLong_AsSsize_t(index);
        Py_DECREF(index);
        if (v == -1 && PyErr_Occurred())
            return failed(p, depth);
        *out = v;
        return 0;
    }
    case 'c': {
        char *out = va_arg(p->ap, char *);
        if (arg == NULL)
            return 0;
        if (PyBytes_Check(arg) && PyBytes_Size(arg) == 1) {
            *out = PyBytes_AsString(arg)[0];
            return 0;
        }
        if (PyByteArray_Check(arg) && PyByteArray_Size(arg) == 1) {
            *out = PyByteArray_AsString(arg)[0];
            return 0;
        }
        return mismatch(p, depth, "a byte string of length 1", arg);
    }
    case 'C': {
        int *out = va_arg(p->ap, int *);
        Py_UCS4 ch;
        if (arg == NULL)
            return 0;
        if (!PyUnicode_Check(arg) || PyUnicode_GetLength(arg) != 1)
            return mismatch(p, depth, "a unicode character", arg);
        ch = PyUnicode_ReadChar(arg, 0);
        if (ch == (Py_UCS4)-1 && PyErr_Occurred())
            return failed(p, depth);
        *out = (int)ch;
        return 0;
    }
    case 'p': {
        int *out = va_arg(p->ap, int *);
        int v;
        if (arg == NULL)
            return 0;
        v = PyObject_IsTrue(arg);
        if (v < 0)
            return failed(p, depth);
        *out = v;
        return 0;
    }
    case 'f': {
        float *out = va_arg(p->ap, float *);
        double v;
        if (arg == NULL)
            return 0;
        v = PyFloat_AsDouble(arg);
        if (v == -1.0 && PyErr_Occurred())
            return failed(p, depth);
        *out = (float)v;
        return 0;
    }
    case 'd': {
        double *out = va_arg(p->ap, double *);
        double v;
        if (arg == NULL)
            return 0;
        v = PyFloat_AsDouble(arg);
        if (v == -1.0 && PyErr_Occurred())
            return failed(p, depth);
        *out = v;
        return 0;
    }
    case 's':
    case 'z':
        return convert_text(p, arg, depth, c, unit);
    case 'y':
        return convert_bytes(p, arg, depth, unit);
    case 'S':
    case 'Y':
    case 'U': {
        PyObject **out = va_arg(p->ap, PyObject **);
        if (arg == NULL)
            return 0;
        if (c == 'S' && !PyBytes_Check(arg))
            return mismatch(p, depth, "bytes", arg);
        if (c == 'Y' && !PyByteArray_Check(arg))
            return mismatch(p, depth, "bytearray", arg);
        if (c == 'U' && !PyUnicode_Check(arg))
            return mismatch(p, depth, "str", arg);
        *out = arg;
        return 0;
    }
    case 'O':
        return convert_object(p, arg, depth);
    case 'e':
        return convert_encoded(p, arg, depth, unit);
    case 'w':
        if (*p->f != '*')
            return bad_unit(p, unit);
        return convert_buffer(p, arg, depth, 'w');

    default:
        /* D and removed units (u, Z). */
        return bad_unit(p, unit);
    }
}

static const char *
name_or_function(const char *fname)
{
    return fname == NULL ? "function" : fname;
}

static const char *
parens(const char *fname)
{
    return fname == NULL ? "" : "()";
}

/* Counts the top-level units of a PyArg_Parse/ParseTuple format and finds
   its ':name' or ';message' tail. */
static int
scan_format(const char *format, int *pmin, int *pmax, const char **fname,
            const char **custom)
{
    int level = 0, min = -1, max = 0;
    const char *f;

    *fname = NULL;
    *custom = NULL;
    for (f = format; *f != '\0'; f++) {
        char c = *f;
        if (c == ':') {
            *fname = f + 1;
            break;
        }
        if (c == ';') {
            *custom = f + 1;
            break;
        }
        if (c == '(') {
            if (level == 0)
                max++;
            if (++level >= MAX_DEPTH) {
                PyErr_SetString(PyExc_SystemError, "too many tuple nesting "
                                "levels in argument format string");
                return -1;
            }
        }
        else if (c == ')') {
            if (level == 0) {
                PyErr_SetString(PyExc_SystemError,
                                "excess ')' in getargs format");
                return -1;
            }
            level--;
        }
        else if (level == 0) {
            if (c == '|')
                min = max;
            else if (is_alpha(c) && c != 'e')
                max++;
        }
    }
    if (level != 0) {
        PyErr_SetString(PyExc_SystemError, "missing ')' in getargs format");
        return -1;
    }
    *pmin = min < 0 ? max : min;
    *pmax = max;
    return 0;
}

/* compat: PyArg_Parse, where `args` is the single argument itself. */
static int
parse_positional(PyObject *args, const char *format, va_list va, int compat)
{
    Parser p;
    int min, max;
    const char *fname, *custom;
    Py_ssize_t i, nargs;

    if (format == NULL) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (scan_format(format, &min, &max, &fname, &custom) < 0)
        return 0;
    parser_init(&p, format, va);

    if (compat) {
        if (max == 0) {
            if (args == NULL)
                return parser_finish(&p, 1);
            PyErr_Format(PyExc_TypeError, "%.200s%s takes no arguments",
                         name_or_function(fname), parens(fname));
            return parser_finish(&p, 0);
        }
        if (min != 1 || max != 1) {
            PyErr_SetString(PyExc_SystemError,
                            "old style getargs format uses new features");
            return parser_finish(&p, 0);
        }
        if (args == NULL) {
            PyErr_Format(PyExc_TypeError,
                         "%.200s%s takes at least one argument",
                         name_or_function(fname), parens(fname));
            return parser_finish(&p, 0);
        }
        if (convert_unit(&p, args, 0) < 0) {
            report(p.levels + 1, p.levels[0], p.msg, fname, custom);
            return parser_finish(&p, 0);
        }
        return parser_finish(&p, 1);
    }

    if (args == NULL) {
        PyErr_BadInternalCall();
        return parser_finish(&p, 0);
    }
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError,
                        "new style getargs format but argument is not a tuple");
        return parser_finish(&p, 0);
    }
    nargs = PyTuple_GET_SIZE(args);
    if (nargs < min || nargs > max) {
        if (custom != NULL) {
            PyErr_SetString(PyExc_TypeError, custom);
        }
        else {
            int n = nargs < min ? min : max;
            PyErr_Format(PyExc_TypeError,
                         "%.150s%s takes %s %d argument%s (%zd given)",
                         name_or_function(fname), parens(fname),
                         min == max ? "exactly"
                                    : (nargs < min ? "at least" : "at most"),
                         n, n == 1 ? "" : "s", nargs);
        }
        return parser_finish(&p, 0);
    }
    for (i = 0; i < nargs; i++) {
        if (*p.f == '|')
            p.f++;
        if (convert_unit(&p, PyTuple_GET_ITEM(args, i), 0) < 0) {
            report(p.levels, i + 1, p.msg, fname, custom);
            return parser_finish(&p, 0);
        }
    }
    {
        char c = *p.f;
        if (c != '\0' && !is_alpha(c) && c != '(' && c != '|' && c != ':' &&
            c != ';') {
            PyErr_Format(PyExc_SystemError, "bad format string: %.200s",
                         format);
            return parser_finish(&p, 0);
        }
    }
    return parser_finish(&p, 1);
}

int
PyArg_Parse(PyObject *args, const char *format, ...)
{
    va_list va;
    int r;
    va_start(va, format);
    r = parse_positional(args, format, va, 1);
    va_end(va);
    return r;
}

int
PyArg_ParseTuple(PyObject *args, const char *format, ...)
{
    va_list va;
    int r;
    va_start(va, format);
    r = parse_positional(args, format, va, 0);
    va_end(va);
    return r;
}

int
PyArg_VaParse(PyObject *args, const char *format, va_list va)
{
    return parse_positional(args, format, va, 0);
}

/* Index of the str `key` among the keyword names kwlist[pos:len], or -1. */
static int
keyword_index(PyObject *key, kwlist_t kwlist, int pos, int len)
{
    Py_ssize_t n;
    const char *s;
    int i;

    if (!PyUnicode_Check(key))
        return -1;
    s = PyUnicode_AsUTF8AndSize(key, &n);
    if (s == NULL) {
        /* Unencodable (lone surrogates): cannot equal a C name. */
        PyErr_Clear();
        return -1;
    }
    for (i = pos; i < len; i++) {
        if (strlen(kwlist[i]) == (size_t)n && memcmp(kwlist[i], s, (size_t)n) == 0)
            return i;
    }
    return -1;
}

static int
is_format_end(char c)
{
    return c == '\0' || c == ';' || c == ':';
}

static int
parse_keywords(PyObject *args, PyObject *kwargs, const char *format,
               kwlist_t kwlist, va_list va)
{
    Parser p;
    const char *fname, *custom;
    int pos, len, i, min = INT_MAX, max = INT_MAX, skip = 0, ok = 0;
    Py_ssize_t nargs, nkw, remaining;
    PyObject *kwv_store[16];
    PyObject **kwv = kwv_store;

    if (args == NULL || !PyTuple_Check(args) ||
        (kwargs != NULL && !PyDict_Check(kwargs)) || format == NULL ||
        kwlist == NULL) {
        PyErr_BadInternalCall();
        return 0;
    }

    /* ':name' and ';message' are mutually exclusive. */
    fname = strchr(format, ':');
    if (fname != NULL) {
        fname++;
        custom = NULL;
    }
    else {
        custom = strchr(format, ';');
        if (custom != NULL)
            custom++;
    }

    /* Leading empty names are positional-only parameters. */
    for (pos = 0; kwlist[pos] != NULL && kwlist[pos][0] == '\0'; pos++)
        ;
    for (len = pos; kwlist[len] != NULL; len++) {
        if (kwlist[len][0] == '\0') {
            PyErr_SetString(PyExc_SystemError, "Empty keyword parameter name");
            return 0;
        }
    }

    nargs = PyTuple_GET_SIZE(args);
    nkw = kwargs == NULL ? 0 : PyDict_Size(kwargs);
    if (nargs + nkw > len) {
        /* "keyword" when nargs == 0 keeps the message right (bpo-31229). */
        PyErr_Format(PyExc_TypeError,
                     "%.200s%s takes at most %d %sargument%s (%zd given)",
                     name_or_function(fname), parens(fname), len,
                     nargs == 0 ? "keyword " : "", len == 1 ? "" : "s",
                     nargs + nkw);
        return 0;
    }

    /* One pass over the dict instead of one lookup per parameter. */
    if (nkw > 0) {
        Py_ssize_t it = 0;
        PyObject *key, *value;
        if ((size_t)len > sizeof kwv_store / sizeof kwv_store[0]) {
            kwv = PyMem_Malloc((size_t)len * sizeof(PyObject *));
            if (kwv == NULL) {
                PyErr_NoMemory();
                return 0;
            }
        }
        for (i = 0; i < len; i++)
            kwv[i] = NULL;
        while (PyDict_Next(kwargs, &it, &key, &value)) {
            int k = keyword_index(key, kwlist, pos, len);
            if (k >= 0)
                kwv[k] = value;
        }
    }
    remaining = nkw;

    parser_init(&p, format, va);
    for (i = 0; i < len; i++) {
        PyObject *arg = NULL;

        if (*p.f == '|') {
            if (min != INT_MAX) {
                PyErr_SetString(PyExc_SystemError,
                                "Invalid format string (| specified twice)");
                goto done;
            }
            min = i;
            p.f++;
            if (max != INT_MAX) {
                PyErr_SetString(PyExc_SystemError,
                                "Invalid format string ($ before |)");
                goto done;
            }
        }
        if (*p.f == '$') {
            if (max != INT_MAX) {
                PyErr_SetString(PyExc_SystemError,
                                "Invalid format string ($ specified twice)");
                goto done;
            }
            max = i;
            p.f++;
            if (max < pos) {
                PyErr_SetString(PyExc_SystemError,
                                "Empty parameter name after $");
                goto done;
            }
            if (skip)
                break; /* report the missing positional argument below */
            if (max < nargs) {
                if (max == 0)
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s takes no positional arguments",
                                 name_or_function(fname), parens(fname));
                else
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s takes %s %d positional argument%s"
                                 " (%zd given)",
                                 name_or_function(fname), parens(fname),
                                 min != INT_MAX ? "at most" : "exactly", max,
                                 max == 1 ? "" : "s", nargs);
                goto done;
            }
        }
        if (is_format_end(*p.f)) {
            PyErr_Format(PyExc_SystemError,
                         "More keyword list entries (%d) than format "
                         "specifiers (%d)", len, i);
            goto done;
        }
        if (!skip) {
            if (i < nargs) {
                arg = PyTuple_GET_ITEM(args, i);
            }
            else if (remaining > 0 && i >= pos && kwv[i] != NULL) {
                arg = kwv[i];
                remaining--;
            }
            if (arg != NULL) {
                if (convert_unit(&p, arg, 0) < 0) {
                    report(p.levels, i + 1, p.msg, fname, custom);
                    goto done;
                }
                continue;
            }
            if (i < min) {
                if (i < pos) {
                    /* The message needs min and max: defer it. */
                    skip = 1;
                }
                else {
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s missing required argument '%s' "
                                 "(pos %d)",
                                 name_or_function(fname), parens(fname),
                                 kwlist[i], i + 1);
                    goto done;
                }
            }
            if (remaining == 0 && !skip) {
                ok = 1; /* nothing left to assign */
                goto done;
            }
        }
        if (convert_unit(&p, NULL, 0) < 0)
            goto done;
    }

    if (skip) {
        int need = pos < min ? pos : min;
        PyErr_Format(PyExc_TypeError,
                     "%.200s%s takes %s %d positional argument%s (%zd given)",
                     name_or_function(fname), parens(fname),
                     need < i ? "at least" : "exactly", need,
                     need == 1 ? "" : "s", nargs);
        goto done;
    }
    if (!is_format_end(*p.f) && *p.f != '|' && *p.f != '$') {
        PyErr_Format(PyExc_SystemError,
                     "more argument specifiers than keyword list entries "
                     "(remaining format:'%s')", p.f);
        goto done;
    }
    if (remaining > 0) {
        Py_ssize_t it = 0;
        PyObject *key, *value;
        for (i = pos; i < nargs; i++) {
            if (kwv[i] != NULL) {
                PyErr_Format(PyExc_TypeError,
                             "argument for %.200s%s given by name ('%s') "
                             "and position (%d)",
                             name_or_function(fname), parens(fname),
                             kwlist[i], i + 1);
                goto done;
            }
        }
        while (PyDict_Next(kwargs, &it, &key, &value)) {
            if (!PyUnicode_Check(key)) {
                PyErr_SetString(PyExc_TypeError, "keywords must be strings");
                goto done;
            }
            if (keyword_index(key, kwlist, pos, len) < 0) {
                PyErr_Format(PyExc_TypeError,
                             "'%U' is an invalid keyword argument for "
                             "%.200s%s",
                             key, fname == NULL ? "this function" : fname,
                             parens(fname));
                goto done;
            }
        }
    }
    ok = 1;

done:
    if (kwv != kwv_store)
        PyMem_Free(kwv);
    return parser_finish(&p, ok);
}

int
PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kwargs,
                            const char *format, kwlist_t kwlist, ...)
{
    va_list va;
    int r;
    va_start(va, kwlist);
    r = parse_keywords(args, kwargs, format, kwlist, va);
    va_end(va);
    return r;
}

int
PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kwargs,
                              const char *format, kwlist_t kwlist, va_list va)
{
    return parse_keywords(args, kwargs, format, kwlist, va);
}

/* Argument Clinic's parser: its format and keywords are those of
   PyArg_ParseTupleAndKeywords. */
int
_PyArg_ParseTupleAndKeywordsFast(PyObject *args, PyObject *kwargs,
                                 struct _PyArg_Parser *parser, ...)
{
    va_list va;
    int r;
    if (parser == NULL) {
        PyErr_BadInternalCall();
        return 0;
    }
    va_start(va, parser);
    r = parse_keywords(args, kwargs, parser->format,
                       (kwlist_t)parser->keywords, va);
    va_end(va);
    return r;
}

int
PyArg_ValidateKeywordArguments(PyObject *kwargs)
{
    Py_ssize_t it = 0;
    PyObject *key, *value;

    if (kwargs == NULL || !PyDict_Check(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    while (PyDict_Next(kwargs, &it, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return 0;
        }
    }
    return 1;
}

int
PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min,
                  Py_ssize_t max, ...)
{
    va_list va;
    Py_ssize_t i, n;

    if (args == NULL || min < 0 || min > max) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError,
                        "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    n = PyTuple_GET_SIZE(args);
    if (n < min || n > max) {
        Py_ssize_t want = n < min ? min : max;
        const char *bound =
            min == max ? "" : (n < min ? "at least " : "at most ");
        if (name != NULL)
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, "
                         "got %zd", name, bound, want, want == 1 ? "" : "s", n);
        else
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd "
                         "element%s, but has %zd", bound, want,
                         want == 1 ? "" : "s", n);
        return 0;
    }
    va_start(va, max);
    for (i = 0; i < n; i++) {
        PyObject **out = va_arg(va, PyObject **);
        *out = PyTuple_GET_ITEM(args, i);
    }
    va_end(va);
    return 1;
}

SIZET_ALIAS(_PyArg_Parse_SizeT, PyArg_Parse);
SIZET_ALIAS(_PyArg_ParseTuple_SizeT, PyArg_ParseTuple);
SIZET_ALIAS(_PyArg_VaParse_SizeT, PyArg_VaParse);
SIZET_ALIAS(_PyArg_ParseTupleAndKeywords_SizeT, PyArg_ParseTupleAndKeywords);
SIZET_ALIAS(_PyArg_VaParseTupleAndKeywords_SizeT, PyArg_VaParseTupleAndKeywords);
