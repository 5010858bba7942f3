/* capi_unicode_writer: PyUnicodeWriter (CPython 3.14), building a str
 * piece by piece.  run_steps(steps) applies each (op, *args) step to one writer
 * and returns (result, log): the finished str and, per step, 0 or the
 * exception it raised, so a failing step's effect (none, by the
 * documentation) shows in the result.  Built only for 3.14 and rustpy. */
#include <Python.h>
#include <wchar.h>

/* One step; -1 with an exception set when the step fails. */
static int
step(PyUnicodeWriter *w, PyObject *t, Py_ssize_t *consumed)
{
    const char *op;
    PyObject *a = NULL, *b = NULL, *c = NULL;
    if (!PyArg_ParseTuple(t, "s|OOO", &op, &a, &b, &c)) {
        return -1;
    }
    if (strcmp(op, "char") == 0) {
        return PyUnicodeWriter_WriteChar(w, (Py_UCS4)PyLong_AsUnsignedLong(a));
    }
    if (strcmp(op, "utf8") == 0 || strcmp(op, "ascii") == 0) {
        /* (op, bytes[, size]): size -1 reads up to the NUL */
        Py_ssize_t size = b ? PyLong_AsSsize_t(b) : PyBytes_GET_SIZE(a);
        const char *s = PyBytes_AS_STRING(a);
        return op[0] == 'u' ? PyUnicodeWriter_WriteUTF8(w, s, size)
                            : PyUnicodeWriter_WriteASCII(w, s, size);
    }
    if (strcmp(op, "wide") == 0) {
        /* (op, [code units], size) */
        Py_ssize_t n = PyList_GET_SIZE(a);
        wchar_t buf[64] = {0};
        for (Py_ssize_t i = 0; i < n && i < 63; i++) {
            buf[i] = (wchar_t)PyLong_AsLong(PyList_GET_ITEM(a, i));
        }
        return PyUnicodeWriter_WriteWideChar(w, buf, PyLong_AsSsize_t(b));
    }
    if (strcmp(op, "ucs4") == 0) {
        /* (op, [code points]) */
        Py_ssize_t n = PyList_GET_SIZE(a);
        Py_UCS4 buf[64] = {0};
        for (Py_ssize_t i = 0; i < n && i < 64; i++) {
            buf[i] = (Py_UCS4)PyLong_AsUnsignedLong(PyList_GET_ITEM(a, i));
        }
        return PyUnicodeWriter_WriteUCS4(w, buf, n);
    }
    if (strcmp(op, "str") == 0) {
        return PyUnicodeWriter_WriteStr(w, a);
    }
    if (strcmp(op, "repr") == 0) {
        /* (op,) writes the repr of NULL */
        return PyUnicodeWriter_WriteRepr(w, a);
    }
    if (strcmp(op, "substring") == 0) {
        return PyUnicodeWriter_WriteSubstring(w, a, PyLong_AsSsize_t(b), PyLong_AsSsize_t(c));
    }
    if (strcmp(op, "format") == 0) {
        /* (op, str, int) through "%U=%d" */
        return PyUnicodeWriter_Format(w, "%U=%d", a, (int)PyLong_AsLong(b));
    }
    if (strcmp(op, "decode") == 0) {
        /* (op, bytes, errors, stateful) */
        const char *errors = b == NULL || b == Py_None ? NULL : PyUnicode_AsUTF8(b);
        int stateful = c != NULL && PyObject_IsTrue(c);
        return PyUnicodeWriter_DecodeUTF8Stateful(w, PyBytes_AS_STRING(a), PyBytes_GET_SIZE(a), errors,
                                                  stateful ? consumed : NULL);
    }
    PyErr_Format(PyExc_ValueError, "unknown step %s", op);
    return -1;
}

static PyObject *
run_steps(PyObject *module, PyObject *args)
{
    PyObject *steps;
    Py_ssize_t length = 0;
    if (!PyArg_ParseTuple(args, "O!|n", &PyList_Type, &steps, &length)) {
        return NULL;
    }
    PyUnicodeWriter *w = PyUnicodeWriter_Create(length);
    if (w == NULL) {
        return NULL;
    }
    PyObject *log = PyList_New(0);
    if (log == NULL) {
        PyUnicodeWriter_Discard(w);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(steps); i++) {
        Py_ssize_t consumed = -2;
        PyObject *entry;
        if (step(w, PyList_GET_ITEM(steps, i), &consumed) < 0) {
            entry = PyErr_GetRaisedException();
        } else if (consumed != -2) {
            entry = PyLong_FromSsize_t(consumed);
        } else {
            entry = PyLong_FromLong(0);
        }
        if (entry == NULL || PyList_Append(log, entry) < 0) {
            Py_XDECREF(entry);
            Py_DECREF(log);
            PyUnicodeWriter_Discard(w);
            return NULL;
        }
        Py_DECREF(entry);
    }
    PyObject *result = PyUnicodeWriter_Finish(w);
    if (result == NULL) {
        Py_DECREF(log);
        return NULL;
    }
    return Py_BuildValue("(NN)", result, log);
}

/* Create with a negative length fails; Discard(NULL) does nothing. */
static PyObject *
create_negative(PyObject *module, PyObject *unused)
{
    PyUnicodeWriter_Discard(NULL);
    PyUnicodeWriter *w = PyUnicodeWriter_Create(-1);
    if (w != NULL) {
        PyUnicodeWriter_Discard(w);
        Py_RETURN_NONE;
    }
    return NULL;
}

static PyMethodDef methods[] = {
    {"run_steps", run_steps, METH_VARARGS, NULL},
    {"create_negative", create_negative, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_unicode_writer", NULL, -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_unicode_writer(void)
{
    return PyModule_Create(&module);
}
