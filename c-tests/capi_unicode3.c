/* capi_unicode3: PyUnicode codecs (UTF-7/16/32 with byte orders and
 * consumed counts, escapes, charmap, FS default), searching, comparison,
 * appending and wchar_t, as C calls them. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <wchar.h>

/* decode(kind, data, byteorder or None, stateful) -> (str, byteorder after,
 * consumed or None) */
static PyObject *
decode(PyObject *m, PyObject *args)
{
    const char *kind, *data;
    Py_ssize_t len;
    PyObject *order_obj;
    int stateful;
    if (!PyArg_ParseTuple(args, "sy#Op", &kind, &data, &len, &order_obj, &stateful)) {
        return NULL;
    }
    int order = 0;
    int *porder = NULL;
    if (order_obj != Py_None) {
        order = (int)PyLong_AsLong(order_obj);
        porder = &order;
    }
    Py_ssize_t consumed = -1;
    Py_ssize_t *pconsumed = stateful ? &consumed : NULL;
    PyObject *r;
    if (strcmp(kind, "utf16") == 0) {
        r = stateful ? PyUnicode_DecodeUTF16Stateful(data, len, NULL, porder, pconsumed)
                     : PyUnicode_DecodeUTF16(data, len, NULL, porder);
    }
    else if (strcmp(kind, "utf32") == 0) {
        r = stateful ? PyUnicode_DecodeUTF32Stateful(data, len, NULL, porder, pconsumed)
                     : PyUnicode_DecodeUTF32(data, len, NULL, porder);
    }
    else if (strcmp(kind, "utf7") == 0) {
        r = stateful ? PyUnicode_DecodeUTF7Stateful(data, len, NULL, pconsumed)
                     : PyUnicode_DecodeUTF7(data, len, NULL);
    }
    else if (strcmp(kind, "utf8") == 0) {
        r = PyUnicode_DecodeUTF8Stateful(data, len, "strict", pconsumed);
    }
    else if (strcmp(kind, "unicode_escape") == 0) {
        r = PyUnicode_DecodeUnicodeEscape(data, len, NULL);
    }
    else if (strcmp(kind, "raw_unicode_escape") == 0) {
        r = PyUnicode_DecodeRawUnicodeEscape(data, len, NULL);
    }
    else {
        r = PyUnicode_DecodeFSDefaultAndSize(data, len);
    }
    if (r == NULL) {
        return NULL;
    }
    PyObject *o = porder ? PyLong_FromLong(order) : Py_NewRef(Py_None);
    PyObject *c = stateful ? PyLong_FromSsize_t(consumed) : Py_NewRef(Py_None);
    return Py_BuildValue("(NNN)", r, o, c);
}

static PyObject *
encode(PyObject *m, PyObject *args)
{
    const char *kind;
    PyObject *s;
    if (!PyArg_ParseTuple(args, "sO", &kind, &s)) {
        return NULL;
    }
    if (strcmp(kind, "utf16") == 0) return PyUnicode_AsUTF16String(s);
    if (strcmp(kind, "utf32") == 0) return PyUnicode_AsUTF32String(s);
    if (strcmp(kind, "unicode_escape") == 0) return PyUnicode_AsUnicodeEscapeString(s);
    if (strcmp(kind, "raw_unicode_escape") == 0) return PyUnicode_AsRawUnicodeEscapeString(s);
    return PyUnicode_EncodeFSDefault(s);
}

static PyObject *
charmap(PyObject *m, PyObject *args)
{
    const char *data;
    Py_ssize_t len;
    PyObject *s, *mapping, *emapping;
    if (!PyArg_ParseTuple(args, "y#OOO", &data, &len, &mapping, &s, &emapping)) {
        return NULL;
    }
    return Py_BuildValue("(NN)",
        PyUnicode_DecodeCharmap(data, len, mapping == Py_None ? NULL : mapping, NULL),
        PyUnicode_AsCharmapString(s, emapping == Py_None ? NULL : emapping));
}

static PyObject *
search(PyObject *m, PyObject *args)
{
    PyObject *s, *sub;
    Py_ssize_t start, end;
    if (!PyArg_ParseTuple(args, "OOnn", &s, &sub, &start, &end)) {
        return NULL;
    }
    Py_ssize_t f = PyUnicode_Find(s, sub, start, end, 1);
    Py_ssize_t b = PyUnicode_Find(s, sub, start, end, -1);
    Py_ssize_t n = PyUnicode_Count(s, sub, start, end);
    if (f == -2 || b == -2 || n == -1) {
        return NULL;
    }
    return Py_BuildValue("(nnn)", f, b, n);
}

static PyObject *
pieces(PyObject *m, PyObject *args)
{
    PyObject *s, *sep;
    if (!PyArg_ParseTuple(args, "OO", &s, &sep)) {
        return NULL;
    }
    return Py_BuildValue("(NNNNN)", PyUnicode_RSplit(s, sep, 1), PyUnicode_Splitlines(s, 1),
                         PyUnicode_Partition(s, sep), PyUnicode_RPartition(s, sep),
                         PyUnicode_Translate(s, PyDict_New(), NULL));
}

static PyObject *
compare(PyObject *m, PyObject *args)
{
    PyObject *a, *b;
    int op;
    if (!PyArg_ParseTuple(args, "OOi", &a, &b, &op)) {
        return NULL;
    }
    return PyUnicode_RichCompare(a, b, op);
}

static PyObject *
predicates(PyObject *m, PyObject *args)
{
    PyObject *s;
    const char *utf8;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "Os#", &s, &utf8, &len)) {
        return NULL;
    }
#if PY_VERSION_HEX >= 0x030D0000
    int equal = PyUnicode_EqualToUTF8AndSize(s, utf8, len);
#else
    /* 3.13's; absent before. */
    int equal = -1;
#endif
    return Py_BuildValue("(ii)", PyUnicode_IsIdentifier(s), equal);
}

/* append(a, b, steal) -> the result of PyUnicode_Append(AndDel) on a new
 * reference to a. */
static PyObject *
append(PyObject *m, PyObject *args)
{
    PyObject *a, *b;
    int steal;
    if (!PyArg_ParseTuple(args, "OOp", &a, &b, &steal)) {
        return NULL;
    }
    Py_INCREF(a);
    if (steal) {
        Py_INCREF(b);
        PyUnicode_AppendAndDel(&a, b);
    }
    else {
        PyUnicode_Append(&a, b);
    }
    return a;
}

static PyObject *
wide(PyObject *m, PyObject *s)
{
    wchar_t buf[8];
    Py_ssize_t n = PyUnicode_AsWideChar(s, buf, 8);
    if (n < 0) {
        return NULL;
    }
    Py_ssize_t size;
    wchar_t *all = PyUnicode_AsWideCharString(s, &size);
    if (all == NULL) {
        return NULL;
    }
    PyObject *back = PyUnicode_FromWideChar(all, size);
    PyObject *head = PyUnicode_FromWideChar(buf, n < 8 ? -1 : 8);
    PyMem_Free(all);
    return Py_BuildValue("(nnNN)", n, size, back, head);
}

static PyObject *
default_encoding(PyObject *m, PyObject *ignored)
{
    return PyUnicode_FromString(PyUnicode_GetDefaultEncoding());
}

static PyMethodDef methods[] = {
    {"decode", decode, METH_VARARGS, NULL},
    {"encode", encode, METH_VARARGS, NULL},
    {"charmap", charmap, METH_VARARGS, NULL},
    {"search", search, METH_VARARGS, NULL},
    {"pieces", pieces, METH_VARARGS, NULL},
    {"compare", compare, METH_VARARGS, NULL},
    {"predicates", predicates, METH_VARARGS, NULL},
    {"append", append, METH_VARARGS, NULL},
    {"wide", wide, METH_O, NULL},
    {"default_encoding", default_encoding, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "capi_unicode3", NULL, 0, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_unicode3(void)
{
    return PyModule_Create(&def);
}
