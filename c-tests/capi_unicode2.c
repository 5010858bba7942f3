/* capi_unicode2: more of unicodeobject.h: codecs by name (ASCII, Latin-1,
 * the file system's, any bytes-like object), joining, replacing,
 * searching, %-formatting, UCS-4 copies and strs from raw code units. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* None as NULL, for the optional C string arguments */
static int
opt_str(PyObject *o, const char **out)
{
    if (o == Py_None) {
        *out = NULL;
        return 1;
    }
    *out = PyUnicode_AsUTF8(o);
    return *out != NULL;
}

static PyObject *
as_ascii(PyObject *m, PyObject *o)
{
    return PyUnicode_AsASCIIString(o);
}

static PyObject *
as_latin1(PyObject *m, PyObject *o)
{
    return PyUnicode_AsLatin1String(o);
}

/* decode_latin1(bytes, errors or None) */
static PyObject *
decode_latin1(PyObject *m, PyObject *args)
{
    const char *s, *errors;
    Py_ssize_t n;
    PyObject *e;
    if (!PyArg_ParseTuple(args, "y#O", &s, &n, &e) || !opt_str(e, &errors))
        return NULL;
    return PyUnicode_DecodeLatin1(s, n, errors);
}

/* decode_fs_default(bytes): up to the first NUL, as C passes it */
static PyObject *
decode_fs_default(PyObject *m, PyObject *b)
{
    if (!PyBytes_Check(b)) {
        PyErr_SetString(PyExc_TypeError, "bytes expected");
        return NULL;
    }
    return PyUnicode_DecodeFSDefault(PyBytes_AS_STRING(b));
}

/* from_encoded(obj, encoding or None, errors or None) */
static PyObject *
from_encoded(PyObject *m, PyObject *args)
{
    PyObject *o, *e, *r;
    const char *encoding, *errors;
    if (!PyArg_ParseTuple(args, "OOO", &o, &e, &r) || !opt_str(e, &encoding) || !opt_str(r, &errors))
        return NULL;
    return PyUnicode_FromEncodedObject(o, encoding, errors);
}

/* join(separator or None, seq) */
static PyObject *
join(PyObject *m, PyObject *args)
{
    PyObject *sep, *seq;
    if (!PyArg_ParseTuple(args, "OO", &sep, &seq))
        return NULL;
    return PyUnicode_Join(sep == Py_None ? NULL : sep, seq);
}

static PyObject *
replace(PyObject *m, PyObject *args)
{
    PyObject *s, *old, *new;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "OOOn", &s, &old, &new, &n))
        return NULL;
    return PyUnicode_Replace(s, old, new, n);
}

static PyObject *
contains(PyObject *m, PyObject *args)
{
    PyObject *c, *e;
    if (!PyArg_ParseTuple(args, "OO", &c, &e))
        return NULL;
    int r = PyUnicode_Contains(c, e);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *
tailmatch(PyObject *m, PyObject *args)
{
    PyObject *s, *sub;
    Py_ssize_t start, end;
    int direction;
    if (!PyArg_ParseTuple(args, "OOnni", &s, &sub, &start, &end, &direction))
        return NULL;
    Py_ssize_t r = PyUnicode_Tailmatch(s, sub, start, end, direction);
    return r == -1 ? NULL : PyLong_FromSsize_t(r);
}

/* find_char(s, ch, start, end, direction): -1 is "not found", -2 an error */
static PyObject *
find_char(PyObject *m, PyObject *args)
{
    PyObject *s;
    unsigned int ch;
    Py_ssize_t start, end;
    int direction;
    if (!PyArg_ParseTuple(args, "OInni", &s, &ch, &start, &end, &direction))
        return NULL;
    Py_ssize_t r = PyUnicode_FindChar(s, (Py_UCS4)ch, start, end, direction);
    return r == -2 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *
format(PyObject *m, PyObject *args)
{
    PyObject *f, *a;
    if (!PyArg_ParseTuple(args, "OO", &f, &a))
        return NULL;
    return PyUnicode_Format(f, a);
}

static PyObject *
ucs4_list(const Py_UCS4 *buf, Py_ssize_t n)
{
    PyObject *l = PyList_New(n);
    for (Py_ssize_t i = 0; l != NULL && i < n; i++) {
        PyObject *v = PyLong_FromUnsignedLong(buf[i]);
        if (v == NULL) {
            Py_CLEAR(l);
            break;
        }
        PyList_SET_ITEM(l, i, v);
    }
    return l;
}

#define UNTOUCHED 0xABCDu

/* the pending exception, cleared (PyErr_GetRaisedException is 3.12+) */
static PyObject *
take_exception(void)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (type == NULL)
        return NULL;
    PyErr_NormalizeException(&type, &value, &tb);
    Py_DECREF(type);
    Py_XDECREF(tb);
    return value;
}

/* as_ucs4(s, buflen, copy_null) -> (exception or None, the whole buffer):
 * a buffer of buflen + 2 slots (all UNTOUCHED) of which AsUCS4 is told
 * of buflen, so that writing past them shows. */
static PyObject *
as_ucs4(PyObject *m, PyObject *args)
{
    PyObject *s;
    Py_ssize_t buflen;
    int copy_null;
    if (!PyArg_ParseTuple(args, "Onp", &s, &buflen, &copy_null))
        return NULL;
    Py_UCS4 buf[64];
    if (buflen < 0 || buflen + 2 > 64) {
        PyErr_SetString(PyExc_ValueError, "buflen out of range");
        return NULL;
    }
    for (int i = 0; i < 64; i++)
        buf[i] = UNTOUCHED;
    Py_UCS4 *r = PyUnicode_AsUCS4(s, buf, buflen, copy_null);
    PyObject *exc = Py_None;
    if (r == NULL) {
        exc = take_exception();
        if (exc == NULL) {
            PyErr_SetString(PyExc_AssertionError, "NULL without an exception");
            return NULL;
        }
    }
    else if (r != buf) {
        PyErr_SetString(PyExc_AssertionError, "AsUCS4 did not return the buffer");
        return NULL;
    }
    else {
        Py_INCREF(exc);
    }
    PyObject *l = ucs4_list(buf, buflen + 2);
    PyObject *t = l == NULL ? NULL : PyTuple_Pack(2, exc, l);
    Py_DECREF(exc);
    Py_XDECREF(l);
    return t;
}

/* as_ucs4_copy(s) -> the code points and the terminating 0 */
static PyObject *
as_ucs4_copy(PyObject *m, PyObject *s)
{
    Py_UCS4 *p = PyUnicode_AsUCS4Copy(s);
    if (p == NULL)
        return NULL;
    PyObject *l = ucs4_list(p, PyUnicode_GetLength(s) + 1);
    PyMem_Free(p);
    return l;
}

/* from_kind_and_data(kind, raw bytes, size) */
static PyObject *
from_kind_and_data(PyObject *m, PyObject *args)
{
    int kind;
    const char *data;
    Py_ssize_t n, size;
    if (!PyArg_ParseTuple(args, "iy#n", &kind, &data, &n, &size))
        return NULL;
    /* a copy with the widest alignment, as a real buffer of code units has */
    Py_UCS4 buf[64];
    if (n > (Py_ssize_t)sizeof(buf)) {
        PyErr_SetString(PyExc_ValueError, "data too long");
        return NULL;
    }
    memcpy(buf, data, n);
    return PyUnicode_FromKindAndData(kind, buf, size);
}

static PyObject *
kinds(PyObject *m, PyObject *ignored)
{
    return Py_BuildValue("(iii)", PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND, PyUnicode_4BYTE_KIND);
}

/* Every character property macro of unicodeobject.h for one code point.
 * CPython 3.11 marks the case mappings deprecated; 3.14 no longer does. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static PyObject *
char_props(PyObject *m, PyObject *arg)
{
    unsigned long v = PyLong_AsUnsignedLong(arg);
    if (v == (unsigned long)-1 && PyErr_Occurred())
        return NULL;
    Py_UCS4 ch = (Py_UCS4)v;
    return Py_BuildValue("(iiiiiIIIiidiiiiii)",
        Py_UNICODE_ISLOWER(ch), Py_UNICODE_ISUPPER(ch), Py_UNICODE_ISTITLE(ch),
        Py_UNICODE_ISSPACE(ch), Py_UNICODE_ISLINEBREAK(ch),
        (unsigned int)Py_UNICODE_TOLOWER(ch), (unsigned int)Py_UNICODE_TOUPPER(ch),
        (unsigned int)Py_UNICODE_TOTITLE(ch),
        Py_UNICODE_TODECIMAL(ch), Py_UNICODE_TODIGIT(ch), Py_UNICODE_TONUMERIC(ch),
        Py_UNICODE_ISDECIMAL(ch), Py_UNICODE_ISDIGIT(ch), Py_UNICODE_ISNUMERIC(ch),
        Py_UNICODE_ISPRINTABLE(ch), Py_UNICODE_ISALPHA(ch), Py_UNICODE_ISALNUM(ch));
}
#pragma GCC diagnostic pop

static PyMethodDef methods[] = {
    {"char_props", char_props, METH_O, NULL},
    {"as_ascii", as_ascii, METH_O, NULL},
    {"as_latin1", as_latin1, METH_O, NULL},
    {"decode_latin1", decode_latin1, METH_VARARGS, NULL},
    {"decode_fs_default", decode_fs_default, METH_O, NULL},
    {"from_encoded", from_encoded, METH_VARARGS, NULL},
    {"join", join, METH_VARARGS, NULL},
    {"replace", replace, METH_VARARGS, NULL},
    {"contains", contains, METH_VARARGS, NULL},
    {"tailmatch", tailmatch, METH_VARARGS, NULL},
    {"find_char", find_char, METH_VARARGS, NULL},
    {"format", format, METH_VARARGS, NULL},
    {"as_ucs4", as_ucs4, METH_VARARGS, NULL},
    {"as_ucs4_copy", as_ucs4_copy, METH_O, NULL},
    {"from_kind_and_data", from_kind_and_data, METH_VARARGS, NULL},
    {"kinds", kinds, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "capi_unicode2", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_capi_unicode2(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddIntConstant(m, "UNTOUCHED", UNTOUCHED) < 0)
        Py_CLEAR(m);
    return m;
}
