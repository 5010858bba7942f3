/* PyObject_CallFunction / CallMethod / Call*ObjArgs, their PyEval_* forms
 * and PyTuple_Pack:
 * variadic, so written in C on PyObject_Call. */

#include "Python.h"
#include "sizet_alias.h"

#include <stdarg.h>

#ifndef PyAPI_FUNC
#define PyAPI_FUNC(RTYPE) RTYPE
#endif

static PyObject *
null_error(void)
{
    if (!PyErr_Occurred())
        PyErr_SetString(PyExc_SystemError,
                        "null argument to internal routine");
    return NULL;
}

/* A format building a tuple gives the positional arguments; any other
   single value is the one argument (so "O" with a tuple unpacks it, as in
   CPython). */
static PyObject *
call_va(PyObject *callable, const char *format, va_list va)
{
    PyObject *args, *r;

    if (format == NULL || *format == '\0') {
        args = PyTuple_New(0);
    }
    else {
        args = Py_VaBuildValue(format, va);
        if (args != NULL && !PyTuple_Check(args)) {
            PyObject *one = PyTuple_New(1);
            if (one == NULL) {
                Py_DECREF(args);
                return NULL;
            }
            PyTuple_SET_ITEM(one, 0, args);
            args = one;
        }
    }
    if (args == NULL)
        return NULL;
    r = PyObject_Call(callable, args, NULL);
    Py_DECREF(args);
    return r;
}

static PyObject *
call_method_va(PyObject *obj, const char *name, const char *format,
               va_list va)
{
    PyObject *callable, *r;

    if (obj == NULL || name == NULL)
        return null_error();
    callable = PyObject_GetAttrString(obj, name);
    if (callable == NULL)
        return NULL;
    if (!PyCallable_Check(callable)) {
        PyErr_Format(PyExc_TypeError, "attribute of type '%.200s' is not callable",
                     Py_TYPE(callable)->tp_name);
        Py_DECREF(callable);
        return NULL;
    }
    r = call_va(callable, format, va);
    Py_DECREF(callable);
    return r;
}

PyObject *
PyObject_CallFunction(PyObject *callable, const char *format, ...)
{
    va_list va;
    PyObject *r;
    if (callable == NULL)
        return null_error();
    va_start(va, format);
    r = call_va(callable, format, va);
    va_end(va);
    return r;
}

PyObject *
PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{
    va_list va;
    PyObject *r;
    va_start(va, format);
    r = call_method_va(obj, name, format, va);
    va_end(va);
    return r;
}

/* The old names, kept for binaries built against CPython before 3.9:
   since 3.9 exactly PyObject_CallFunction and PyObject_CallMethod.
   include/ does not declare them. */
PyObject *PyEval_CallFunction(PyObject *callable, const char *format, ...);
PyObject *PyEval_CallMethod(PyObject *obj, const char *name, const char *format, ...);

PyObject *
PyEval_CallFunction(PyObject *callable, const char *format, ...)
{
    va_list va;
    PyObject *r;
    if (callable == NULL)
        return null_error();
    va_start(va, format);
    r = call_va(callable, format, va);
    va_end(va);
    return r;
}

PyObject *
PyEval_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{
    va_list va;
    PyObject *r;
    va_start(va, format);
    r = call_method_va(obj, name, format, va);
    va_end(va);
    return r;
}

PyObject *
_PyObject_CallMethodId(PyObject *obj, _Py_Identifier *name,
                       const char *format, ...)
{
    va_list va;
    PyObject *attr, *callable, *r;

    if (obj == NULL || name == NULL)
        return null_error();
    attr = _PyUnicode_FromId(name); /* borrowed */
    if (attr == NULL)
        return NULL;
    callable = PyObject_GetAttr(obj, attr);
    if (callable == NULL)
        return NULL;
    va_start(va, format);
    r = call_va(callable, format, va);
    va_end(va);
    Py_DECREF(callable);
    return r;
}

PyObject *
_PyStack_AsDict(PyObject *const *values, PyObject *kwnames)
{
    Py_ssize_t i, n;
    PyObject *kwargs;

    if (values == NULL || kwnames == NULL || !PyTuple_Check(kwnames)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    n = PyTuple_GET_SIZE(kwnames);
    kwargs = PyDict_New();
    if (kwargs == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        if (PyDict_SetItem(kwargs, PyTuple_GET_ITEM(kwnames, i),
                           values[i]) < 0) {
            Py_DECREF(kwargs);
            return NULL;
        }
    }
    return kwargs;
}

/* Packs the NULL-terminated PyObject* arguments into a new tuple. */
static PyObject *
pack_objargs(va_list va)
{
    va_list count;
    Py_ssize_t n = 0, i;
    PyObject *t;

    va_copy(count, va);
    while (va_arg(count, PyObject *) != NULL)
        n++;
    va_end(count);
    t = PyTuple_New(n);
    if (t == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        PyObject *o = va_arg(va, PyObject *);
        Py_INCREF(o);
        PyTuple_SET_ITEM(t, i, o);
    }
    return t;
}

static PyObject *
call_objargs(PyObject *callable, va_list va)
{
    PyObject *args = pack_objargs(va), *r;
    if (args == NULL)
        return NULL;
    r = PyObject_Call(callable, args, NULL);
    Py_DECREF(args);
    return r;
}

PyObject *
PyObject_CallFunctionObjArgs(PyObject *callable, ...)
{
    va_list va;
    PyObject *r;
    if (callable == NULL)
        return null_error();
    va_start(va, callable);
    r = call_objargs(callable, va);
    va_end(va);
    return r;
}

PyObject *
PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...)
{
    va_list va;
    PyObject *callable, *r;
    if (obj == NULL || name == NULL)
        return null_error();
    callable = PyObject_GetAttr(obj, name);
    if (callable == NULL)
        return NULL;
    va_start(va, name);
    r = call_objargs(callable, va);
    va_end(va);
    Py_DECREF(callable);
    return r;
}

PyObject *
PyTuple_Pack(Py_ssize_t n, ...)
{
    va_list va;
    PyObject *t;
    Py_ssize_t i;

    if (n < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    t = PyTuple_New(n);
    if (t == NULL)
        return NULL;
    va_start(va, n);
    for (i = 0; i < n; i++) {
        PyObject *o = va_arg(va, PyObject *);
        if (o == NULL) {
            va_end(va);
            Py_DECREF(t);
            PyErr_SetString(PyExc_SystemError,
                            "NULL object passed to PyTuple_Pack");
            return NULL;
        }
        Py_INCREF(o);
        PyTuple_SET_ITEM(t, i, o);
    }
    va_end(va);
    return t;
}

SIZET_ALIAS(_PyObject_CallFunction_SizeT, PyObject_CallFunction);
SIZET_ALIAS(_PyObject_CallMethod_SizeT, PyObject_CallMethod);
