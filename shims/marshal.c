/* The marshal C-API (marshal.h) over RustPython's marshal module, so C and
 * Python read and write the same bytes; the bare integers are written by
 * hand, in marshal's little-endian form. */

#include "Python.h"
#include "marshal.h"

#include <string.h>

static PyObject *
marshal_call(const char *method, const char *format, ...)
{
    PyObject *marshal = PyImport_ImportModule("marshal");
    if (marshal == NULL)
        return NULL;
    PyObject *fn = PyObject_GetAttrString(marshal, method);
    Py_DECREF(marshal);
    if (fn == NULL)
        return NULL;
    va_list va;
    va_start(va, format);
    PyObject *args = Py_VaBuildValue(format, va);
    va_end(va);
    PyObject *r = args != NULL ? PyObject_CallObject(fn, args) : NULL;
    Py_XDECREF(args);
    Py_DECREF(fn);
    return r;
}

PyObject *
PyMarshal_ReadObjectFromString(const char *data, Py_ssize_t len)
{
    return marshal_call("loads", "(y#)", data, len);
}

PyObject *
PyMarshal_WriteObjectToString(PyObject *value, int version)
{
    return marshal_call("dumps", "(Oi)", value, version);
}

static void
eof_error(void)
{
    PyErr_SetString(PyExc_EOFError, "EOF read where object expected");
}

long
PyMarshal_ReadLongFromFile(FILE *file)
{
    unsigned char b[4];
    if (fread(b, 1, 4, file) != 4) {
        eof_error();
        return -1;
    }
    uint32_t v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16
                 | (uint32_t)b[3] << 24;
    return (long)(int32_t)v;
}

int
PyMarshal_ReadShortFromFile(FILE *file)
{
    unsigned char b[2];
    if (fread(b, 1, 2, file) != 2) {
        eof_error();
        return -1;
    }
    return (int)(int16_t)(uint16_t)(b[0] | b[1] << 8);
}

/* The rest of the file, as bytes. */
static PyObject *
read_rest(FILE *file)
{
    size_t size = 4096, len = 0, n;
    char *buf = PyMem_Malloc(size);
    if (buf == NULL)
        return PyErr_NoMemory();
    while ((n = fread(buf + len, 1, size - len, file)) > 0) {
        len += n;
        if (len < size)
            continue;
        char *bigger = PyMem_Realloc(buf, size * 2);
        if (bigger == NULL) {
            PyMem_Free(buf);
            return PyErr_NoMemory();
        }
        buf = bigger;
        size *= 2;
    }
    PyObject *bytes = PyBytes_FromStringAndSize(buf, (Py_ssize_t)len);
    PyMem_Free(buf);
    return bytes;
}

PyObject *
PyMarshal_ReadLastObjectFromFile(FILE *file)
{
    PyObject *data = read_rest(file);
    if (data == NULL)
        return NULL;
    PyObject *r = marshal_call("loads", "(O)", data);
    Py_DECREF(data);
    return r;
}

/* marshal.load on the rest of the file, which reports how much it used;
 * the file is then put back just after the object. */
PyObject *
PyMarshal_ReadObjectFromFile(FILE *file)
{
    long start = ftell(file);
    PyObject *data = read_rest(file);
    if (data == NULL)
        return NULL;
    PyObject *io = PyImport_ImportModule("io");
    PyObject *stream = io != NULL ? PyObject_CallMethod(io, "BytesIO", "O", data) : NULL;
    Py_XDECREF(io);
    Py_DECREF(data);
    if (stream == NULL)
        return NULL;
    PyObject *r = marshal_call("load", "(O)", stream);
    if (r != NULL && start >= 0) {
        PyObject *pos = PyObject_CallMethod(stream, "tell", NULL);
        long used = pos != NULL ? PyLong_AsLong(pos) : -1;
        Py_XDECREF(pos);
        if (used < 0 || fseek(file, start + used, SEEK_SET) != 0)
            PyErr_Clear();
    }
    Py_DECREF(stream);
    return r;
}

void
PyMarshal_WriteLongToFile(long value, FILE *file, int version)
{
    (void)version;
    unsigned char b[4];
    uint32_t v = (uint32_t)value;
    for (int i = 0; i < 4; i++)
        b[i] = (unsigned char)(v >> (8 * i));
    fwrite(b, 1, 4, file);
}

/* As in CPython, an object that cannot be marshalled is not reported. */
void
PyMarshal_WriteObjectToFile(PyObject *value, FILE *file, int version)
{
    PyObject *data = PyMarshal_WriteObjectToString(value, version);
    if (data == NULL) {
        PyErr_Clear();
        return;
    }
    fwrite(PyBytes_AS_STRING(data), 1, (size_t)PyBytes_GET_SIZE(data), file);
    Py_DECREF(data);
}
