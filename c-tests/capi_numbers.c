/* capi_numbers: complex numbers (complexobject.h) and the IEEE packing of
 * floats (floatobject.h's PyFloat_Pack/Unpack, which msgpack and struct
 * use). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
complex_from_doubles(PyObject *m, PyObject *args)
{
    double re, im;
    if (!PyArg_ParseTuple(args, "dd", &re, &im))
        return NULL;
    return PyComplex_FromDoubles(re, im);
}

/* From a Py_complex by value, and back. */
static PyObject *
complex_roundtrip(PyObject *m, PyObject *args)
{
    Py_complex v;
    if (!PyArg_ParseTuple(args, "dd", &v.real, &v.imag))
        return NULL;
    PyObject *o = PyComplex_FromCComplex(v);
    if (o == NULL)
        return NULL;
    Py_complex back = PyComplex_AsCComplex(o);
    if (back.real == -1.0 && PyErr_Occurred()) {
        Py_DECREF(o);
        return NULL;
    }
    return Py_BuildValue("(N(dd))", o, back.real, back.imag);
}

/* (PyComplex_AsCComplex, RealAsDouble, ImagAsDouble) of o */
static PyObject *
complex_parts(PyObject *m, PyObject *o)
{
    Py_complex v = PyComplex_AsCComplex(o);
    if (v.real == -1.0 && PyErr_Occurred())
        return NULL;
    double re = PyComplex_RealAsDouble(o);
    if (re == -1.0 && PyErr_Occurred())
        return NULL;
    double im = PyComplex_ImagAsDouble(o);
    if (im == -1.0 && PyErr_Occurred())
        return NULL;
    return Py_BuildValue("((dd)dd)", v.real, v.imag, re, im);
}

/* pack(x, size, le) -> bytes; unpack(bytes, le) -> float */
static PyObject *
float_pack(PyObject *m, PyObject *args)
{
    double x;
    int size, le;
    char buf[8];
    if (!PyArg_ParseTuple(args, "dii", &x, &size, &le))
        return NULL;
    int r = size == 8 ? PyFloat_Pack8(x, buf, le) : PyFloat_Pack4(x, buf, le);
    if (r < 0)
        return NULL;
    return PyBytes_FromStringAndSize(buf, size);
}

static PyObject *
float_unpack(PyObject *m, PyObject *args)
{
    const char *p;
    Py_ssize_t n;
    int le;
    if (!PyArg_ParseTuple(args, "y#i", &p, &n, &le))
        return NULL;
    double x = n == 8 ? PyFloat_Unpack8(p, le) : PyFloat_Unpack4(p, le);
    if (x == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(x);
}

static PyMethodDef methods[] = {
    {"complex_from_doubles", complex_from_doubles, METH_VARARGS, NULL},
    {"complex_roundtrip", complex_roundtrip, METH_VARARGS, NULL},
    {"complex_parts", complex_parts, METH_O, NULL},
    {"float_pack", float_pack, METH_VARARGS, NULL},
    {"float_unpack", float_unpack, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "capi_numbers", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_capi_numbers(void)
{
    return PyModule_Create(&module);
}
