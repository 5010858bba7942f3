/* A small C extension for the README's main job: built against include/,
 * imported by rustpy, exercising calls, ints, floats, strings, lists, tuples,
 * dicts and errors across the boundary, and a C type (Vec). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <structmember.h>

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

/* A C type: a 2-D vector with +, ==, repr, a method and members. */
typedef struct {
    PyObject_HEAD
    double x, y;
} VecObject;

static PyTypeObject VecType;

static PyObject *
vec_make(PyTypeObject *type, double x, double y)
{
    VecObject *v = (VecObject *)type->tp_alloc(type, 0);
    if (v != NULL) {
        v->x = x;
        v->y = y;
    }
    return (PyObject *)v;
}

static PyObject *
vec_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"x", "y", NULL};
    double x = 0, y = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|dd:Vec", kwlist, &x, &y))
        return NULL;
    return vec_make(type, x, y);
}

static PyObject *
vec_add(PyObject *a, PyObject *b)
{
    if (!PyObject_TypeCheck(a, &VecType) || !PyObject_TypeCheck(b, &VecType))
        Py_RETURN_NOTIMPLEMENTED;
    VecObject *p = (VecObject *)a, *q = (VecObject *)b;
    return vec_make(&VecType, p->x + q->x, p->y + q->y);
}

static PyObject *
vec_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyObject_TypeCheck(b, &VecType) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    VecObject *p = (VecObject *)a, *q = (VecObject *)b;
    int eq = p->x == q->x && p->y == q->y;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static PyObject *
vec_repr(PyObject *self)
{
    VecObject *v = (VecObject *)self;
    PyObject *x = PyFloat_FromDouble(v->x), *y = PyFloat_FromDouble(v->y);
    PyObject *r = (x && y) ? PyUnicode_FromFormat("Vec(%R, %R)", x, y) : NULL;
    Py_XDECREF(x);
    Py_XDECREF(y);
    return r;
}

static PyObject *
vec_length(PyObject *self, PyObject *unused)
{
    VecObject *v = (VecObject *)self;
    return PyFloat_FromDouble(sqrt(v->x * v->x + v->y * v->y));
}

static PyMethodDef vec_methods[] = {
    {"length", vec_length, METH_NOARGS, "length() -> the Euclidean norm"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef vec_members[] = {
    {"x", T_DOUBLE, offsetof(VecObject, x), 0, NULL},
    {"y", T_DOUBLE, offsetof(VecObject, y), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyNumberMethods vec_as_number = {.nb_add = vec_add};

static PyTypeObject VecType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Vec",
    .tp_basicsize = sizeof(VecObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Vec(x=0.0, y=0.0): a 2-D vector",
    .tp_new = vec_new,
    .tp_repr = vec_repr,
    .tp_richcompare = vec_richcompare,
    .tp_as_number = &vec_as_number,
    .tp_methods = vec_methods,
    .tp_members = vec_members,
};

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
    if (PyType_Ready(&VecType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&demo_module);
    if (m != NULL && (PyModule_AddStringConstant(m, "built_with", "include/ of cpyext") < 0 ||
                      PyModule_AddType(m, &VecType) < 0))
        Py_CLEAR(m);
    return m;
}
