/* crossing: the operations of the crossing benchmark (bench/run.py).
 *
 * The same source is built against CPython 3.11's headers and against
 * include/, and timed by bench/timing.py under each interpreter.
 *
 * Two kinds of function:
 *   - trivial functions that Python calls in a loop (the cost measured is the
 *     call across the boundary, plus whatever crosses with it);
 *   - *_loop functions that repeat one C-side operation n times inside C, so
 *     the Python call that starts them is negligible.
 *
 * Every C loop checks every result, so a wrong answer is an error rather
 * than a fast number.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

/* The attribute name getattr_loop reads, interned once at import. */
static PyObject *value_name = NULL;

/* A source of distinct ints and floats beyond any small-int cache, so that
 * new_int()/new_float() return a fresh object on every call. */
static long next_value = 1000000;

static int
get_count(PyObject *arg, Py_ssize_t *n)
{
    *n = PyLong_AsSsize_t(arg);
    if (*n == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (*n < 0) {
        PyErr_SetString(PyExc_ValueError, "count must be >= 0");
        return -1;
    }
    return 0;
}

/* ---- called from a Python loop ---------------------------------------- */

/* METH_NOARGS: noargs() -> None */
static PyObject *
noargs(PyObject *module, PyObject *unused)
{
    Py_RETURN_NONE;
}

/* METH_O: onearg(x) -> None */
static PyObject *
onearg(PyObject *module, PyObject *arg)
{
    Py_RETURN_NONE;
}

/* METH_FASTCALL: fastcall2(a, b) -> None */
static PyObject *
fastcall2(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "fastcall2 takes exactly 2 arguments");
        return NULL;
    }
    Py_RETURN_NONE;
}

/* METH_VARARGS: varargs_iis(i, j, s) -> None, through PyArg_ParseTuple. */
static PyObject *
varargs_iis(PyObject *module, PyObject *args)
{
    int i, j;
    const char *s;
    if (!PyArg_ParseTuple(args, "iis:varargs_iis", &i, &j, &s)) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* METH_NOARGS: new_int() -> a new int made in C. */
static PyObject *
new_int(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(next_value++);
}

/* METH_NOARGS: new_float() -> a new float made in C. */
static PyObject *
new_float(PyObject *module, PyObject *unused)
{
    return PyFloat_FromDouble((double)(next_value++) + 0.5);
}

/* METH_O: drop(x) -> None.  Takes a reference to x and drops it, as a C
 * function that stores an argument and later releases it would. */
static PyObject *
drop(PyObject *module, PyObject *arg)
{
    Py_INCREF(arg);
    Py_DECREF(arg);
    Py_RETURN_NONE;
}

/* ---- loops inside C ----------------------------------------------------- */

/* parse_loop(args_tuple, n) -> None: PyArg_ParseTuple(args, "iis") n times. */
static PyObject *
parse_loop(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t n;
    if (nargs != 2 || !PyTuple_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "parse_loop(tuple, n)");
        return NULL;
    }
    if (get_count(args[1], &n) < 0) {
        return NULL;
    }
    long check = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        int i, j;
        const char *s;
        if (!PyArg_ParseTuple(args[0], "iis:parse_loop", &i, &j, &s)) {
            return NULL;
        }
        check += i + j + s[0];
    }
    return PyLong_FromLong(check);
}

/* build_value_loop(n) -> the last tuple: Py_BuildValue("(iis)") n times. */
static PyObject *
build_value_loop(PyObject *module, PyObject *arg)
{
    Py_ssize_t n;
    if (get_count(arg, &n) < 0) {
        return NULL;
    }
    PyObject *last = Py_BuildValue("(iis)", -1, -1, "none");
    for (Py_ssize_t k = 0; last != NULL && k < n; k++) {
        PyObject *t = Py_BuildValue("(iis)", (int)k, (int)(k + 1), "abc");
        Py_DECREF(last);
        last = t;
    }
    return last;
}

/* sum_list_loop(list, reps) -> sum of the list's ints, computed reps times
 * with PyList_GET_ITEM + PyLong_AsLong (the result is one sum). */
static PyObject *
sum_list_loop(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t reps;
    if (nargs != 2 || !PyList_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "sum_list_loop(list, reps)");
        return NULL;
    }
    if (get_count(args[1], &reps) < 0) {
        return NULL;
    }
    PyObject *list = args[0];
    Py_ssize_t n = PyList_GET_SIZE(list);
    long total = 0;
    for (Py_ssize_t r = 0; r < reps; r++) {
        long sum = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            long v = PyLong_AsLong(PyList_GET_ITEM(list, i));
            if (v == -1 && PyErr_Occurred()) {
                return NULL;
            }
            sum += v;
        }
        if (r > 0 && sum != total) {
            PyErr_SetString(PyExc_AssertionError, "sum_list_loop: sums differ");
            return NULL;
        }
        total = sum;
    }
    return PyLong_FromLong(total);
}

/* build_list_loop(n, reps) -> the last list: reps times, a new list of the
 * n new ints 1000000..1000000+n-1 (PyList_New + PyList_SET_ITEM of
 * PyLong_FromLong); every list but the last is dropped in C. */
static PyObject *
build_list_loop(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t n, reps;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "build_list_loop(n, reps)");
        return NULL;
    }
    if (get_count(args[0], &n) < 0 || get_count(args[1], &reps) < 0) {
        return NULL;
    }
    PyObject *list = NULL;
    for (Py_ssize_t r = 0; r < reps || list == NULL; r++) {
        Py_XDECREF(list);
        list = PyList_New(n);
        if (list == NULL) {
            return NULL;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *v = PyLong_FromLong(1000000 + (long)i);
            if (v == NULL) {
                Py_DECREF(list);
                return NULL;
            }
            PyList_SET_ITEM(list, i, v);
        }
    }
    return list;
}

/* call_noargs_loop(f, n) -> f's last result: PyObject_CallNoArgs(f) n times. */
static PyObject *
call_noargs_loop(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t n;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "call_noargs_loop(f, n)");
        return NULL;
    }
    if (get_count(args[1], &n) < 0) {
        return NULL;
    }
    PyObject *last = Py_NewRef(Py_None);
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *r = PyObject_CallNoArgs(args[0]);
        if (r == NULL) {
            Py_DECREF(last);
            return NULL;
        }
        Py_DECREF(last);
        last = r;
    }
    return last;
}

/* call_onearg_loop(f, x, n) -> f's last result: PyObject_CallOneArg(f, x)
 * n times. */
static PyObject *
call_onearg_loop(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t n;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "call_onearg_loop(f, x, n)");
        return NULL;
    }
    if (get_count(args[2], &n) < 0) {
        return NULL;
    }
    PyObject *last = Py_NewRef(Py_None);
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *r = PyObject_CallOneArg(args[0], args[1]);
        if (r == NULL) {
            Py_DECREF(last);
            return NULL;
        }
        Py_DECREF(last);
        last = r;
    }
    return last;
}

/* getattr_loop(obj, n) -> obj.value: PyObject_GetAttr(obj, "value") n times,
 * with the name interned once at import. */
static PyObject *
getattr_loop(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t n;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "getattr_loop(obj, n)");
        return NULL;
    }
    if (get_count(args[1], &n) < 0) {
        return NULL;
    }
    PyObject *last = PyObject_GetAttr(args[0], value_name);
    for (Py_ssize_t k = 0; last != NULL && k < n; k++) {
        PyObject *v = PyObject_GetAttr(args[0], value_name);
        Py_DECREF(last);
        last = v;
    }
    return last;
}

/* roundtrip_loop(f, n) -> None: n times, C makes a new int, passes it to
 * the Python function f, and drops both it and f's result.  With f returning
 * a new object, objects cross in both directions and none survives. */
static PyObject *
roundtrip_loop(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t n;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "roundtrip_loop(f, n)");
        return NULL;
    }
    if (get_count(args[1], &n) < 0) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *x = PyLong_FromLong(next_value++);
        if (x == NULL) {
            return NULL;
        }
        PyObject *r = PyObject_CallOneArg(args[0], x);
        Py_DECREF(x);
        if (r == NULL) {
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_RETURN_NONE;
}

/* ---- a C type: Point(x, y) ------------------------------------------ */

typedef struct {
    PyObject_HEAD
    double x, y;
} PointObject;

static PyTypeObject PointType;
/* Every tp_dealloc, so a run can check each instance died exactly once. */
static long long point_deallocs;

static PyObject *
point_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    double x = 0, y = 0;
    if (!PyArg_ParseTuple(args, "|dd", &x, &y)) {
        return NULL;
    }
    PointObject *p = (PointObject *)type->tp_alloc(type, 0);
    if (p != NULL) {
        p->x = x;
        p->y = y;
    }
    return (PyObject *)p;
}

static void
point_dealloc(PyObject *self)
{
    point_deallocs++;
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
point_norm2(PyObject *self, PyObject *unused)
{
    PointObject *p = (PointObject *)self;
    return PyFloat_FromDouble(p->x * p->x + p->y * p->y);
}

static PyObject *
point_add(PyObject *a, PyObject *b)
{
    if (!PyObject_TypeCheck(a, &PointType) || !PyObject_TypeCheck(b, &PointType)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    PointObject *r = (PointObject *)PointType.tp_alloc(&PointType, 0);
    if (r != NULL) {
        r->x = ((PointObject *)a)->x + ((PointObject *)b)->x;
        r->y = ((PointObject *)a)->y + ((PointObject *)b)->y;
    }
    return (PyObject *)r;
}

static PyMemberDef point_members[] = {
    {"x", T_DOUBLE, offsetof(PointObject, x), 0, NULL},
    {"y", T_DOUBLE, offsetof(PointObject, y), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef point_methods[] = {
    {"norm2", point_norm2, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods point_as_number = {
    .nb_add = point_add,
};

static PyTypeObject PointType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "crossing.Point",
    .tp_basicsize = sizeof(PointObject),
    .tp_dealloc = point_dealloc,
    .tp_as_number = &point_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = point_methods,
    .tp_members = point_members,
    .tp_new = point_new,
};

/* point_new_loop(n): n Points made and dropped in C. */
static PyObject *
point_new_loop(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PointObject *p = PyObject_New(PointObject, &PointType);
        if (p == NULL) {
            return NULL;
        }
        p->x = (double)i;
        p->y = 0;
        Py_DECREF(p);
    }
    Py_RETURN_NONE;
}

static PyObject *
get_point_deallocs(PyObject *self, PyObject *unused)
{
    return PyLong_FromLongLong(point_deallocs);
}

#define FAST(f) ((PyCFunction)(void (*)(void))(f))

static PyMethodDef crossing_methods[] = {
    {"noargs", noargs, METH_NOARGS, "noargs() -> None"},
    {"onearg", onearg, METH_O, "onearg(x) -> None"},
    {"fastcall2", FAST(fastcall2), METH_FASTCALL, "fastcall2(a, b) -> None"},
    {"varargs_iis", varargs_iis, METH_VARARGS, "varargs_iis(i, j, s) -> None"},
    {"new_int", new_int, METH_NOARGS, "new_int() -> a new int"},
    {"new_float", new_float, METH_NOARGS, "new_float() -> a new float"},
    {"drop", drop, METH_O, "drop(x) -> None"},
    {"parse_loop", FAST(parse_loop), METH_FASTCALL, "parse_loop(args, n)"},
    {"build_value_loop", build_value_loop, METH_O, "build_value_loop(n)"},
    {"sum_list_loop", FAST(sum_list_loop), METH_FASTCALL, "sum_list_loop(list, reps)"},
    {"build_list_loop", FAST(build_list_loop), METH_FASTCALL, "build_list_loop(n, reps)"},
    {"call_noargs_loop", FAST(call_noargs_loop), METH_FASTCALL, "call_noargs_loop(f, n)"},
    {"call_onearg_loop", FAST(call_onearg_loop), METH_FASTCALL, "call_onearg_loop(f, x, n)"},
    {"getattr_loop", FAST(getattr_loop), METH_FASTCALL, "getattr_loop(obj, n)"},
    {"roundtrip_loop", FAST(roundtrip_loop), METH_FASTCALL, "roundtrip_loop(f, n)"},
    {"point_new_loop", point_new_loop, METH_O, "point_new_loop(n)"},
    {"point_deallocs", get_point_deallocs, METH_NOARGS, "point_deallocs() -> count"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef crossing_module = {
    PyModuleDef_HEAD_INIT, "crossing", "Operations of the crossing benchmark.", -1,
    crossing_methods,
};

PyMODINIT_FUNC
PyInit_crossing(void)
{
    if (value_name == NULL) {
        value_name = PyUnicode_InternFromString("value");
        if (value_name == NULL) {
            return NULL;
        }
    }
    if (PyType_Ready(&PointType) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&crossing_module);
    if (m != NULL && PyModule_AddObjectRef(m, "Point", (PyObject *)&PointType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
