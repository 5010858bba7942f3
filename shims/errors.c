/* PyErr_Format family and formatted warnings: variadic, so written in C.
 * The message is built by PyUnicode_FromFormatV and handed to the
 * non-variadic API. */

#include "Python.h"

#include <stdarg.h>
#include <string.h>

PyObject *
PyErr_FormatV(PyObject *exception, const char *format, va_list vargs)
{
    PyObject *msg;

    /* A pending error must not leak into the formatting (%R runs code);
       CPython clears it the same way. */
    PyErr_Clear();
    if (exception == NULL || format == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    msg = PyUnicode_FromFormatV(format, vargs);
    if (msg != NULL) {
        PyErr_SetObject(exception, msg);
        Py_DECREF(msg);
    }
    return NULL;
}

PyObject *
PyErr_Format(PyObject *exception, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyErr_FormatV(exception, format, va);
    va_end(va);
    return NULL;
}

static int
warn_formatted(PyObject *category, Py_ssize_t stack_level,
               const char *format, va_list va)
{
    PyObject *msg;
    const char *text;
    int r = -1;

    if (format == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    msg = PyUnicode_FromFormatV(format, va);
    if (msg == NULL)
        return -1;
    text = PyUnicode_AsUTF8AndSize(msg, NULL);
    if (text != NULL)
        r = PyErr_WarnEx(category, text, stack_level);
    Py_DECREF(msg);
    return r;
}

int
PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level,
                 const char *format, ...)
{
    va_list va;
    int r;
    va_start(va, format);
    r = warn_formatted(category, stack_level, format, va);
    va_end(va);
    return r;
}

/* The formatted message handed to PyErr_WarnExplicitObject. */
int
PyErr_WarnExplicitFormat(PyObject *category, const char *filename,
                         int lineno, const char *module, PyObject *registry,
                         const char *format, ...)
{
    va_list va;
    PyObject *msg, *fileobj, *modobj = NULL;
    int r = -1;

    if (format == NULL || filename == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    va_start(va, format);
    msg = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (msg == NULL)
        return -1;
    fileobj = PyUnicode_DecodeFSDefault(filename);
    if (module != NULL)
        modobj = PyUnicode_FromString(module);
    if (fileobj != NULL && (module == NULL || modobj != NULL))
        r = PyErr_WarnExplicitObject(category, msg, fileobj, lineno, modobj,
                                     registry);
    Py_XDECREF(modobj);
    Py_XDECREF(fileobj);
    Py_DECREF(msg);
    return r;
}

/* `source` only feeds tracemalloc's "object allocated at" note, which
   PyErr_WarnEx cannot carry; the warning itself is the same. */
int
PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level,
                      const char *format, ...)
{
    va_list va;
    int r;
    (void)source;
    va_start(va, format);
    r = warn_formatted(PyExc_ResourceWarning, stack_level, format, va);
    va_end(va);
    return r;
}

/* The public API cannot hand a message to sys.unraisablehook, so the
   message is written to sys.stderr first ("<msg>:", as the default hook
   prints it) and the exception is then reported without an object. */
void
PyErr_FormatUnraisable(const char *format, ...)
{
    va_list va;
    PyObject *exc, *msg = NULL;

    if (!PyErr_Occurred())
        return;
    if (format != NULL) {
        exc = PyErr_GetRaisedException();
        va_start(va, format);
        msg = PyUnicode_FromFormatV(format, va);
        va_end(va);
        PyErr_SetRaisedException(exc);
    }
    if (msg != NULL) {
        PySys_FormatStderr("%U:\n", msg);
        Py_DECREF(msg);
    }
    PyErr_WriteUnraisable(Py_None);
}
