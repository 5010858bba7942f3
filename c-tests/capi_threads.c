/* The GIL seen from C: Py_BEGIN_ALLOW_THREADS lets other threads run C code,
 * PyGILState_* nests on a thread Python started, and C calling back into
 * Python does not keep other threads out of C. Threads C starts itself
 * (pthreads) get a thread state from PyGILState_Ensure and call Python. */
#include <Python.h>
#include <pthread.h>
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

/* What a thread C started did: called `callable(arg)`, kept the result
 * (or the exception's repr), and checked PyGILState_Check inside. */
struct c_thread_job {
    PyObject *callable;
    long arg;
    PyObject *result;
    int check_before;
    int check_inside;
    int unlocked;
};

static void *
c_thread_main(void *p)
{
    struct c_thread_job *job = p;
    job->check_before = PyGILState_Check();
    PyGILState_STATE st = PyGILState_Ensure();
    job->unlocked = st == PyGILState_UNLOCKED;
    job->check_inside = PyGILState_Check();
    PyObject *r = PyObject_CallFunction(job->callable, "l", job->arg);
    if (r == NULL) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyErr_NormalizeException(&type, &value, &tb);
        r = value != NULL ? PyObject_Repr(value) : NULL;
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        PyErr_Clear();
    }
    job->result = r;
    PyGILState_Release(st);
    return NULL;
}

/* run_in_c_threads(f, n) -> [(result, check before, state unlocked,
 * check inside) for each of n pthreads, each calling f(i)]: the threads
 * run at once, while this one waits with the GIL released. */
static PyObject *
run_in_c_threads(PyObject *self, PyObject *args)
{
    PyObject *f;
    int n;
    if (!PyArg_ParseTuple(args, "Oi", &f, &n)) {
        return NULL;
    }
    if (n < 1 || n > 8) {
        PyErr_SetString(PyExc_ValueError, "1 to 8 threads");
        return NULL;
    }
    struct c_thread_job jobs[8];
    pthread_t threads[8];
    int started = 0;
    for (int i = 0; i < n; i++) {
        jobs[i] = (struct c_thread_job){f, i, NULL, -1, -1, -1};
    }
    Py_BEGIN_ALLOW_THREADS
    for (; started < n; started++) {
        if (pthread_create(&threads[started], NULL, c_thread_main, &jobs[started]) != 0) {
            break;
        }
    }
    for (int i = 0; i < started; i++) {
        pthread_join(threads[i], NULL);
    }
    Py_END_ALLOW_THREADS
    if (started < n) {
        PyErr_SetString(PyExc_RuntimeError, "pthread_create failed");
    }
    PyObject *out = started == n ? PyList_New(n) : NULL;
    for (int i = 0; i < started; i++) {
        if (out != NULL && jobs[i].result != NULL) {
            PyList_SET_ITEM(out, i, Py_BuildValue("(Niii)", jobs[i].result, jobs[i].check_before,
                                                  jobs[i].unlocked, jobs[i].check_inside));
        }
        else {
            Py_XDECREF(jobs[i].result);
        }
    }
    return out;
}

static PyMethodDef methods[] = {
    {"run_in_c_threads", run_in_c_threads, METH_VARARGS, NULL},
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
