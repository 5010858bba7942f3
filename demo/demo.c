/* A small C extension for the README's main job: built against include/,
 * imported by rustpy, exercising calls, ints, floats, strings, lists, tuples,
 * dicts and errors across the boundary. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* primes(n) -> list of the primes below n (sieve in C). */
static PyObject *
primes(PyObject *module, PyObject *arg)
{
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "n must be >= 0");
        return NULL;
    }
    char *composite = PyMem_Calloc((size_t)n + 1, 1);
    if (composite == NULL)
        return PyErr_NoMemory();
    PyObject *result = PyList_New(0);
    for (long i = 2; result != NULL && i < n; i++) {
        if (composite[i])
            continue;
        for (long j = i * i; j < n; j += i)
            composite[j] = 1;
        PyObject *p = PyLong_FromLong(i);
        if (p == NULL || PyList_Append(result, p) < 0)
            Py_CLEAR(result);
        Py_XDECREF(p);
    }
    PyMem_Free(composite);
    return result;
}

/* stats(iterable of numbers) -> {'n': ..., 'mean': ..., 'min': ..., 'max': ...} */
static PyObject *
stats(PyObject *module, PyObject *arg)
{
    PyObject *it = PyObject_GetIter(arg);
    if (it == NULL)
        return NULL;
    Py_ssize_t n = 0;
    double sum = 0, lo = 0, hi = 0;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        double x = PyFloat_AsDouble(item);
        Py_DECREF(item);
        if (x == -1.0 && PyErr_Occurred()) {
            Py_DECREF(it);
            return NULL;
        }
        if (n == 0 || x < lo)
            lo = x;
        if (n == 0 || x > hi)
            hi = x;
        sum += x;
        n++;
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    if (n == 0) {
        PyErr_SetString(PyExc_ValueError, "stats() of an empty sequence");
        return NULL;
    }
    return Py_BuildValue("{s:n,s:d,s:d,s:d}", "n", n, "mean", sum / n, "min", lo, "max", hi);
}

/* greet(name, times=1) -> str */
static PyObject *
greet(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"name", "times", NULL};
    const char *name;
    int times = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "s|i:greet", keywords, &name, &times))
        return NULL;
    return PyUnicode_FromFormat("hello, %s, from C (x%d)", name, times);
}

static PyMethodDef demo_methods[] = {
    {"primes", primes, METH_O, "primes(n) -> list of the primes below n"},
    {"stats", stats, METH_O, "stats(numbers) -> dict of n, mean, min, max"},
    {"greet", (PyCFunction)(void (*)(void))greet, METH_VARARGS | METH_KEYWORDS, "greet(name, times=1)"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef demo_module = {
    PyModuleDef_HEAD_INIT, "demo", "A C extension module loaded by rustpy.", 0, demo_methods,
};

PyMODINIT_FUNC
PyInit_demo(void)
{
    PyObject *m = PyModule_Create(&demo_module);
    if (m != NULL && PyModule_AddStringConstant(m, "built_with", "include/ of cpyext") < 0)
        Py_CLEAR(m);
    return m;
}
