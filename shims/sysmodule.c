/* PySys_Write*, PySys_Format* and PySys_Audit: variadic, so written in C.
 * Output goes to sys.stdout / sys.stderr, falling back to the C streams
 * when those are missing or fail; a pending exception is preserved. */

#include "Python.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* 0 if `text` (a str) was written to sys.<name>. */
static int
write_to_sys(const char *name, PyObject *text)
{
    PyObject *file = PySys_GetObject(name), *r;
    if (file == NULL || file == Py_None)
        return -1;
    r = PyObject_CallMethod(file, "write", "O", text);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

static void
write_cstr(const char *name, FILE *fp, const char *text)
{
    PyObject *s = PyUnicode_FromString(text);
    if (s == NULL || write_to_sys(name, s) < 0) {
        PyErr_Clear();
        fputs(text, fp);
    }
    Py_XDECREF(s);
}

/* CPython's contract: at most 1000 bytes, then "... truncated". */
static void
sys_write(const char *name, FILE *fp, const char *format, va_list va)
{
    PyObject *exc = PyErr_GetRaisedException();
    char buffer[1001];
    int n = PyOS_vsnprintf(buffer, sizeof buffer, format, va);

    write_cstr(name, fp, buffer);
    if (n < 0 || (size_t)n >= sizeof buffer)
        write_cstr(name, fp, "... truncated");
    PyErr_SetRaisedException(exc);
}

static void
sys_format(const char *name, FILE *fp, const char *format, va_list va)
{
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *msg = PyUnicode_FromFormatV(format, va);

    if (msg != NULL && write_to_sys(name, msg) < 0) {
        const char *utf8 = PyUnicode_AsUTF8AndSize(msg, NULL);
        PyErr_Clear();
        if (utf8 != NULL)
            fputs(utf8, fp);
    }
    Py_XDECREF(msg);
    PyErr_SetRaisedException(exc);
}

void
PySys_WriteStdout(const char *format, ...)
{
    va_list va;
    if (format == NULL)
        return;
    va_start(va, format);
    sys_write("stdout", stdout, format, va);
    va_end(va);
}

void
PySys_WriteStderr(const char *format, ...)
{
    va_list va;
    if (format == NULL)
        return;
    va_start(va, format);
    sys_write("stderr", stderr, format, va);
    va_end(va);
}

void
PySys_FormatStdout(const char *format, ...)
{
    va_list va;
    if (format == NULL)
        return;
    va_start(va, format);
    sys_format("stdout", stdout, format, va);
    va_end(va);
}

void
PySys_FormatStderr(const char *format, ...)
{
    va_list va;
    if (format == NULL)
        return;
    va_start(va, format);
    sys_format("stderr", stderr, format, va);
    va_end(va);
}

/* The arguments are always built (CPython skips that when no hook is
   installed), which is why the docs forbid 'N' here. */
int
PySys_Audit(const char *event, const char *format, ...)
{
    va_list va;
    PyObject *args;
    int r;

    if (event == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (format == NULL || *format == '\0') {
        args = PyTuple_New(0);
    }
    else {
        va_start(va, format);
        args = Py_VaBuildValue(format, va);
        va_end(va);
        if (args != NULL && !PyTuple_Check(args)) {
            PyObject *one = PyTuple_New(1);
            if (one == NULL) {
                Py_DECREF(args);
                return -1;
            }
            PyTuple_SET_ITEM(one, 0, args);
            args = one;
        }
    }
    if (args == NULL)
        return -1;
    r = PySys_AuditTuple(event, args);
    Py_DECREF(args);
    return r;
}
