/* The GIL seen from C: Py_BEGIN_ALLOW_THREADS lets other threads run C code,
 * PyGILState_* nests on a thread Python started, and C calling back into
 * Python does not keep other threads out of C. */
#include <Python.h>
#include <unistd.h>

static volatile int flag = 0;

/* set_flag(): needs the GIL, like any C function called from Python. */
static PyObject *
set_flag(PyObject *self, PyObject *ignored)
{
    flag = 1;
    Py_RETURN_NONE;
}

static PyObject *
clear_flag(PyObject *self, PyObject *ignored)
{
    flag = 0;
    Py_RETURN_NONE;
}

/* wait_for_flag(): waits up to 10 s, with the GIL released, for another
 * thread to call set_flag(); True if it did. */
static PyObject *
wait_for_flag(PyObject *self, PyObject *ignored)
{
    int seen = 0;
    Py_BEGIN_ALLOW_THREADS
    for (int i = 0; i < 10000 && !seen; i++) {
        seen = flag;
        if (!seen) {
            usleep(1000);
        }
    }
    Py_END_ALLOW_THREADS
    return PyBool_FromLong(seen);
}

/* gilstate_nested() -> (check before, state of Ensure, check inside):
 * Ensure on a thread that holds the GIL already. */
static PyObject *
gilstate_nested(PyObject *self, PyObject *ignored)
{
    int before = PyGILState_Check();
    PyGILState_STATE st = PyGILState_Ensure();
    int inside = PyGILState_Check();
    PyObject *n = PyLong_FromLong(42);
    PyGILState_Release(st);
    if (n == NULL) {
        return NULL;
    }
    PyObject *r = Py_BuildValue("(iiiN)", before, st == PyGILState_LOCKED, inside, n);
    return r;
}

/* gilstate_after_release() -> (check while released, state of Ensure
 * there, value made while re-held): Ensure inside Py_BEGIN_ALLOW_THREADS. */
static PyObject *
gilstate_after_release(PyObject *self, PyObject *ignored)
{
    int released_check;
    int state_unlocked;
    PyObject *n;
    Py_BEGIN_ALLOW_THREADS
    released_check = PyGILState_Check();
    PyGILState_STATE st = PyGILState_Ensure();
    state_unlocked = st == PyGILState_UNLOCKED;
    n = PyLong_FromLong(7);
    PyGILState_Release(st);
    Py_END_ALLOW_THREADS
    if (n == NULL) {
        return NULL;
    }
    return Py_BuildValue("(iiN)", released_check, state_unlocked, n);
}

/* call(f) -> f(): C calling back into Python while holding the GIL. */
static PyObject *
call(PyObject *self, PyObject *f)
{
    return PyObject_CallNoArgs(f);
}

static PyMethodDef methods[] = {
    {"set_flag", set_flag, METH_NOARGS, NULL},
    {"clear_flag", clear_flag, METH_NOARGS, NULL},
    {"wait_for_flag", wait_for_flag, METH_NOARGS, NULL},
    {"gilstate_nested", gilstate_nested, METH_NOARGS, NULL},
    {"gilstate_after_release", gilstate_after_release, METH_NOARGS, NULL},
    {"call", call, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "capi_threads", NULL, 0, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_threads(void)
{
    return PyModule_Create(&def);
}
