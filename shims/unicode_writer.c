/* _PyUnicodeWriter, the private str builder of CPython 3.13 and earlier:
 * pure C over the public str API. The writer's
 * buffer is a str from PyUnicode_New that only the writer holds, so C may
 * write into its data as CPython allows; it never crosses to Python, and
 * Finish makes the result from its characters. */

#include "Python.h"

#include <string.h>

/* How much a growing buffer adds beyond what is asked (CPython's 25%). */
#define OVERALLOCATE_DIVISOR 4

static Py_UCS4
kind_maxchar(int kind)
{
    return kind == PyUnicode_1BYTE_KIND ? 0xff : kind == PyUnicode_2BYTE_KIND ? 0xffff : 0x10ffff;
}

/* Reads the buffer's shape into the writer's public fields. */
static void
writer_update(_PyUnicodeWriter *w)
{
    w->data = PyUnicode_DATA(w->buffer);
    w->kind = PyUnicode_KIND(w->buffer);
    w->maxchar = PyUnicode_MAX_CHAR_VALUE(w->buffer);
    w->size = PyUnicode_GET_LENGTH(w->buffer);
}

void
_PyUnicodeWriter_Init(_PyUnicodeWriter *writer)
{
    memset(writer, 0, sizeof(*writer));
    /* kind 0 (below PyUnicode_1BYTE_KIND) until there is a buffer, so that
       PrepareKind always allocates one */
    writer->min_char = 127;
}

int
_PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter *writer, Py_ssize_t length, Py_UCS4 maxchar)
{
    if (length < 0 || length > PY_SSIZE_T_MAX - writer->pos) {
        PyErr_NoMemory();
        return -1;
    }
    if (maxchar > 0x10ffff) {
        /* CPython's message: its PyUnicode_New refuses the character. */
        PyErr_SetString(PyExc_SystemError, "invalid maximum character passed to PyUnicode_New");
        return -1;
    }
    Py_ssize_t need = writer->pos + length;
    if (writer->buffer != NULL && need <= writer->size && maxchar <= writer->maxchar) {
        return 0;
    }
    Py_ssize_t size = need;
    if (writer->buffer != NULL && size < writer->size) {
        size = writer->size;
    }
    else if (writer->overallocate && size <= PY_SSIZE_T_MAX - size / OVERALLOCATE_DIVISOR) {
        size += size / OVERALLOCATE_DIVISOR;
    }
    if (size < writer->min_length) {
        size = writer->min_length;
    }
    if (maxchar < writer->min_char) {
        maxchar = writer->min_char;
    }
    if (writer->buffer != NULL && maxchar < writer->maxchar) {
        maxchar = writer->maxchar;
    }
    PyObject *buffer = PyUnicode_New(size, maxchar);
    if (buffer == NULL) {
        return -1;
    }
    if (writer->buffer != NULL) {
        int kind = PyUnicode_KIND(buffer);
        void *data = PyUnicode_DATA(buffer);
        for (Py_ssize_t i = 0; i < writer->pos; i++) {
            PyUnicode_WRITE(kind, data, i, PyUnicode_READ(writer->kind, writer->data, i));
        }
        Py_DECREF(writer->buffer);
    }
    writer->buffer = buffer;
    writer_update(writer);
    return 0;
}

int
_PyUnicodeWriter_PrepareKindInternal(_PyUnicodeWriter *writer, int kind)
{
    if (kind != PyUnicode_1BYTE_KIND && kind != PyUnicode_2BYTE_KIND && kind != PyUnicode_4BYTE_KIND) {
        PyErr_Format(PyExc_SystemError, "invalid str kind %d", kind);
        return -1;
    }
    return _PyUnicodeWriter_PrepareInternal(writer, 0, kind_maxchar(kind));
}

int
_PyUnicodeWriter_WriteChar(_PyUnicodeWriter *writer, Py_UCS4 ch)
{
    /* A character beyond U+10FFFF fails in Prepare, as in CPython. */
    if (_PyUnicodeWriter_Prepare(writer, 1, ch) < 0) {
        return -1;
    }
    PyUnicode_WRITE(writer->kind, writer->data, writer->pos, ch);
    writer->pos++;
    return 0;
}

int
_PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *writer, PyObject *str, Py_ssize_t start, Py_ssize_t end)
{
    if (str == NULL || !PyUnicode_Check(str)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (start < 0 || start > end || end > len) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (start == end) {
        return 0;
    }
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    Py_UCS4 maxchar = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch > maxchar) {
            maxchar = ch;
        }
    }
    if (_PyUnicodeWriter_Prepare(writer, end - start, maxchar) < 0) {
        return -1;
    }
    for (Py_ssize_t i = start; i < end; i++) {
        PyUnicode_WRITE(writer->kind, writer->data, writer->pos++, PyUnicode_READ(kind, data, i));
    }
    return 0;
}

int
_PyUnicodeWriter_WriteStr(_PyUnicodeWriter *writer, PyObject *str)
{
    if (str == NULL || !PyUnicode_Check(str)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return _PyUnicodeWriter_WriteSubstring(writer, str, 0, PyUnicode_GET_LENGTH(str));
}

int
_PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *writer, const char *str, Py_ssize_t len)
{
    if (str == NULL || len < 0) {
        PyErr_BadInternalCall();
        return -1;
    }
    const unsigned char *s = (const unsigned char *)str;
    Py_UCS4 maxchar = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (s[i] > maxchar) {
            maxchar = s[i];
        }
    }
    if (_PyUnicodeWriter_Prepare(writer, len, maxchar) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        PyUnicode_WRITE(writer->kind, writer->data, writer->pos++, s[i]);
    }
    return 0;
}

/* len -1: up to the NUL. Bytes beyond ASCII are taken as Latin-1, so that
 * a wrong caller gets wrong text, never a broken str. */
int
_PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *writer, const char *str, Py_ssize_t len)
{
    if (str != NULL && len == -1) {
        len = (Py_ssize_t)strlen(str);
    }
    return _PyUnicodeWriter_WriteLatin1String(writer, str, len);
}

PyObject *
_PyUnicodeWriter_Finish(_PyUnicodeWriter *writer)
{
    PyObject *result;
    if (writer->buffer == NULL || writer->pos == 0) {
        result = PyUnicode_New(0, 0);
    }
    else {
        result = PyUnicode_FromKindAndData(writer->kind, writer->data, writer->pos);
    }
    _PyUnicodeWriter_Dealloc(writer);
    return result;
}

void
_PyUnicodeWriter_Dealloc(_PyUnicodeWriter *writer)
{
    Py_CLEAR(writer->buffer);
    writer->data = NULL;
    writer->size = writer->pos = 0;
    writer->kind = 0;
    writer->maxchar = 0;
}
