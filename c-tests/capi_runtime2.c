/* capi_runtime2: the runtime services C leans on: the version string, the
 * interpreter's state and dict, plain thread locks (used with the GIL
 * released), numbers from C strings (pystrtod.h, PyOS_strtol), and the
 * 3.13 constants and pointer hash. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <time.h>

static PyObject *
get_version(PyObject *m, PyObject *ignored)
{
    return PyUnicode_FromString(Py_GetVersion());
}

/* interpreter() -> (Get() == Main(), GetID(Get())) */
static PyObject *
interpreter(PyObject *m, PyObject *ignored)
{
    PyInterpreterState *interp = PyInterpreterState_Get();
    int64_t id = PyInterpreterState_GetID(interp);
    if (id < 0)
        return NULL;
    return Py_BuildValue("(OL)", interp == PyInterpreterState_Main() ? Py_True : Py_False, (long long)id);
}

static PyObject *
interpreter_id_of_null(PyObject *m, PyObject *ignored)
{
    int64_t id = PyInterpreterState_GetID(NULL);
    return id == -1 ? NULL : PyLong_FromLongLong(id);
}

/* interpreter_dict() -> the dict (a new reference to the borrowed one) */
static PyObject *
interpreter_dict(PyObject *m, PyObject *ignored)
{
    PyObject *d = PyInterpreterState_GetDict(PyInterpreterState_Get());
    if (d == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_AssertionError, "no interpreter dict");
        return NULL;
    }
    return Py_NewRef(d);
}

/* string_to_double(bytes, use_endptr, overflow_exception or None) ->
 * (exception or None, value, bytes read or None) */
static PyObject *
string_to_double(PyObject *m, PyObject *args)
{
    const char *s;
    int use_endptr;
    PyObject *overflow;
    if (!PyArg_ParseTuple(args, "ypO", &s, &use_endptr, &overflow))
        return NULL;
    char *end = (char *)"not set";
    double v = PyOS_string_to_double(s, use_endptr ? &end : NULL, overflow == Py_None ? NULL : overflow);
    PyObject *exc = Py_None;
    if (PyErr_Occurred()) {
        PyObject *type, *tb;
        PyErr_Fetch(&type, &exc, &tb);
        PyErr_NormalizeException(&type, &exc, &tb);
        Py_DECREF(type);
        Py_XDECREF(tb);
    }
    else {
        Py_INCREF(exc);
    }
    PyObject *used = use_endptr ? PyLong_FromSsize_t(end - s) : Py_NewRef(Py_None);
    PyObject *r = Py_BuildValue("(OdO)", exc, v, used);
    Py_DECREF(exc);
    Py_XDECREF(used);
    return r;
}

/* strtol(bytes, base) / strtoul(bytes, base) -> (value, bytes read, ERANGE?) */
static PyObject *
strtol_(PyObject *m, PyObject *args)
{
    const char *s;
    int base;
    if (!PyArg_ParseTuple(args, "yi", &s, &base))
        return NULL;
    char *end = NULL;
    errno = 0;
    long v = PyOS_strtol(s, &end, base);
    int range = errno == ERANGE;
    return Py_BuildValue("(lnO)", v, (Py_ssize_t)(end - s), range ? Py_True : Py_False);
}

static PyObject *
strtoul_(PyObject *m, PyObject *args)
{
    const char *s;
    int base;
    if (!PyArg_ParseTuple(args, "yi", &s, &base))
        return NULL;
    char *end = NULL;
    errno = 0;
    unsigned long v = PyOS_strtoul(s, &end, base);
    int range = errno == ERANGE;
    return Py_BuildValue("(knO)", v, (Py_ssize_t)(end - s), range ? Py_True : Py_False);
}

/* ---- thread locks ----------------------------------------------------- */

static double
now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* lock_protocol() -> what one thread sees of a lock, step by step */
static PyObject *
lock_protocol(PyObject *m, PyObject *ignored)
{
    PyThread_type_lock lock = PyThread_allocate_lock();
    if (lock == NULL)
        return PyErr_NoMemory();
    int first = PyThread_acquire_lock(lock, NOWAIT_LOCK);
    int again = PyThread_acquire_lock(lock, NOWAIT_LOCK);
    PyLockStatus zero = PyThread_acquire_lock_timed(lock, 0, 0);
    double t0 = now();
    PyLockStatus timed = PyThread_acquire_lock_timed(lock, 50000, 0);
    double waited = now() - t0;
    PyThread_release_lock(lock);
    int blocking = PyThread_acquire_lock(lock, WAIT_LOCK);
    PyThread_release_lock(lock);
    PyLockStatus forever = PyThread_acquire_lock_timed(lock, -1, 0);
    PyThread_release_lock(lock);
    PyLockStatus free_timed = PyThread_acquire_lock_timed(lock, 50000, 0);
    PyThread_release_lock(lock);
    PyThread_free_lock(lock);
    return Py_BuildValue("(iiiidiii)", first, again, (int)zero, (int)timed, waited, blocking, (int)forever,
                         (int)free_timed);
}

static void
free_lock_capsule(PyObject *cap)
{
    PyThread_free_lock(PyCapsule_GetPointer(cap, "capi_runtime2.lock"));
}

static PyObject *
lock_new(PyObject *m, PyObject *ignored)
{
    PyThread_type_lock lock = PyThread_allocate_lock();
    if (lock == NULL)
        return PyErr_NoMemory();
    return PyCapsule_New(lock, "capi_runtime2.lock", free_lock_capsule);
}

/* lock_acquire(lock, microseconds) -> PyLockStatus, waiting with the GIL
 * released (-1 waits for as long as it takes) */
static PyObject *
lock_acquire(PyObject *m, PyObject *args)
{
    PyObject *cap;
    long long us;
    if (!PyArg_ParseTuple(args, "OL", &cap, &us))
        return NULL;
    PyThread_type_lock lock = PyCapsule_GetPointer(cap, "capi_runtime2.lock");
    if (lock == NULL)
        return NULL;
    PyLockStatus r;
    Py_BEGIN_ALLOW_THREADS
    r = PyThread_acquire_lock_timed(lock, us, 0);
    Py_END_ALLOW_THREADS
    return PyLong_FromLong(r);
}

/* lock_release(lock), with the GIL released too */
static PyObject *
lock_release(PyObject *m, PyObject *cap)
{
    PyThread_type_lock lock = PyCapsule_GetPointer(cap, "capi_runtime2.lock");
    if (lock == NULL)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    PyThread_release_lock(lock);
    Py_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

#if PY_VERSION_HEX >= 0x030D0000
/* constants(borrowed) -> the objects of every Py_CONSTANT_* */
static PyObject *
constants(PyObject *m, PyObject *borrowed)
{
    static const unsigned int ids[] = {
        Py_CONSTANT_NONE, Py_CONSTANT_FALSE, Py_CONSTANT_TRUE, Py_CONSTANT_ELLIPSIS,
        Py_CONSTANT_NOT_IMPLEMENTED, Py_CONSTANT_ZERO, Py_CONSTANT_ONE, Py_CONSTANT_EMPTY_STR,
        Py_CONSTANT_EMPTY_BYTES, Py_CONSTANT_EMPTY_TUPLE,
    };
    int b = PyObject_IsTrue(borrowed);
    PyObject *l = PyList_New(0);
    for (size_t i = 0; l != NULL && i < sizeof(ids) / sizeof(ids[0]); i++) {
        PyObject *o = b ? Py_XNewRef(Py_GetConstantBorrowed(ids[i])) : Py_GetConstant(ids[i]);
        if (o == NULL || PyList_Append(l, o) < 0)
            Py_CLEAR(l);
        Py_XDECREF(o);
    }
    return l;
}

static PyObject *
constant(PyObject *m, PyObject *args)
{
    unsigned int id;
    int borrowed;
    if (!PyArg_ParseTuple(args, "Ip", &id, &borrowed))
        return NULL;
    return borrowed ? Py_XNewRef(Py_GetConstantBorrowed(id)) : Py_GetConstant(id);
}

static PyObject *
hash_pointer(PyObject *m, PyObject *p)
{
    void *ptr = PyLong_AsVoidPtr(p);
    if (ptr == NULL && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(Py_HashPointer(ptr));
}
#endif

/* lifecycle() -> (Py_IsFinalizing() or -1 before 3.13, Py_GetPlatform()) */
static PyObject *
lifecycle(PyObject *m, PyObject *ignored)
{
#if PY_VERSION_HEX >= 0x030D0000
    int finalizing = Py_IsFinalizing();
#else
    int finalizing = -1;
#endif
    return Py_BuildValue("(is)", finalizing, Py_GetPlatform());
}

static PyMethodDef methods[] = {
    {"lifecycle", lifecycle, METH_NOARGS, NULL},
    {"get_version", get_version, METH_NOARGS, NULL},
    {"interpreter", interpreter, METH_NOARGS, NULL},
    {"interpreter_id_of_null", interpreter_id_of_null, METH_NOARGS, NULL},
    {"interpreter_dict", interpreter_dict, METH_NOARGS, NULL},
    {"string_to_double", string_to_double, METH_VARARGS, NULL},
    {"strtol", strtol_, METH_VARARGS, NULL},
    {"strtoul", strtoul_, METH_VARARGS, NULL},
    {"lock_protocol", lock_protocol, METH_NOARGS, NULL},
    {"lock_new", lock_new, METH_NOARGS, NULL},
    {"lock_acquire", lock_acquire, METH_VARARGS, NULL},
    {"lock_release", lock_release, METH_O, NULL},
#if PY_VERSION_HEX >= 0x030D0000
    {"constants", constants, METH_O, NULL},
    {"constant", constant, METH_VARARGS, NULL},
    {"hash_pointer", hash_pointer, METH_O, NULL},
#endif
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "capi_runtime2", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_capi_runtime2(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && (PyModule_AddIntConstant(m, "PY_VERSION_HEX", PY_VERSION_HEX) < 0 ||
                      PyModule_AddIntConstant(m, "LONG_MAX", LONG_MAX) < 0 ||
                      PyModule_AddObject(m, "ULONG_MAX", PyLong_FromUnsignedLong(ULONG_MAX)) < 0))
        Py_CLEAR(m);
    return m;
}
