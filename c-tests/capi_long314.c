/* capi_long314: the 3.14 int API of cpython/longobject.h and
 * cpython/longintrepr.h: sign tests, the native digit layout, digit export
 * and PyLongWriter. Built only for 3.14 and rustpy. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* (IsPositive, IsNegative, GetSign's sign) */
static PyObject *
signs(PyObject *m, PyObject *v)
{
    int pos = PyLong_IsPositive(v);
    if (pos < 0) {
        return NULL;
    }
    int neg = PyLong_IsNegative(v);
    int sign = 7;
    if (neg < 0 || PyLong_GetSign(v, &sign) < 0) {
        return NULL;
    }
    return Py_BuildValue("(iii)", pos, neg, sign);
}

static PyObject *
get_sign(PyObject *m, PyObject *v)
{
    int sign = 7;
    if (PyLong_GetSign(v, &sign) < 0) {
        return NULL;
    }
    return PyLong_FromLong(sign);
}

static PyObject *
is_negative(PyObject *m, PyObject *v)
{
    int r = PyLong_IsNegative(v);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *
native_layout(PyObject *m, PyObject *unused)
{
    const PyLongLayout *l = PyLong_GetNativeLayout();
    return Py_BuildValue("(iiii)", l->bits_per_digit, l->digit_size, l->digits_order, l->digit_endianness);
}

/* PyLong_Export: (value, negative, [digits]) and the value rebuilt from
 * the digits with the native layout; the export is then freed. */
static PyObject *
export(PyObject *m, PyObject *v)
{
    PyLongExport e;
    if (PyLong_Export(v, &e) < 0) {
        return NULL;
    }
    PyObject *digits = PyList_New(0);
    if (digits == NULL) {
        PyLong_FreeExport(&e);
        return NULL;
    }
    const PyLongLayout *layout = PyLong_GetNativeLayout();
    for (Py_ssize_t i = 0; e.digits != NULL && i < e.ndigits; i++) {
        uint32_t d = ((const uint32_t *)e.digits)[i];
        if (layout->digit_size != 4 || PyList_Append(digits, PyLong_FromUnsignedLong(d)) < 0) {
            break;
        }
    }
    PyObject *r = Py_BuildValue("(LiN)", (long long)e.value, e.negative, digits);
    PyLong_FreeExport(&e);
    if (e._reserved != 0) {
        Py_XDECREF(r);
        PyErr_SetString(PyExc_AssertionError, "FreeExport left _reserved set");
        return NULL;
    }
    return r;
}

/* An int through PyLongWriter from its digits (a list), or None when
 * discard asks for the writer to be discarded instead. */
static PyObject *
writer_build(PyObject *m, PyObject *args)
{
    int negative, discard = 0;
    PyObject *list;
    if (!PyArg_ParseTuple(args, "pO!|p", &negative, &PyList_Type, &list, &discard)) {
        return NULL;
    }
    void *digits = (void *)1;
    PyLongWriter *w = PyLongWriter_Create(negative, PyList_GET_SIZE(list), &digits);
    if (w == NULL) {
        if (digits != NULL) {
            PyErr_SetString(PyExc_AssertionError, "a failed Create left *digits set");
        }
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        ((uint32_t *)digits)[i] = (uint32_t)PyLong_AsUnsignedLong(PyList_GET_ITEM(list, i));
    }
    if (discard) {
        PyLongWriter_Discard(w);
        Py_RETURN_NONE;
    }
    return PyLongWriter_Finish(w);
}

static PyMethodDef methods[] = {
    {"signs", signs, METH_O, NULL},
    {"get_sign", get_sign, METH_O, NULL},
    {"is_negative", is_negative, METH_O, NULL},
    {"native_layout", native_layout, METH_NOARGS, NULL},
    {"export", export, METH_O, NULL},
    {"write", writer_build, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "capi_long314", NULL, 0, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_long314(void)
{
    return PyModule_Create(&def);
}
