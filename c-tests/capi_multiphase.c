/* capi_multiphase: multi-phase init (PEP 489) with Py_mod_exec slots and
 * per-module state (m_size, PyModule_GetState).  Checked by
 * test_capi_multiphase.py, together with capi_multiphase_create,
 * capi_multiphase_badexec and capi_multiphase_badinit.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    long counter;
    long exec_calls;
    PyObject *name_at_exec; /* strong reference, released in m_free */
} capi_multiphase_state;

static struct PyModuleDef capi_multiphase_def;

static capi_multiphase_state *
get_state(PyObject *module)
{
    void *st = PyModule_GetState(module);
    if (st == NULL && !PyErr_Occurred()) {
        PyErr_SetString(PyExc_AssertionError, "PyModule_GetState returned NULL");
    }
    return (capi_multiphase_state *)st;
}

/* First exec slot: initialises the state and adds attributes. */
static int
exec_first(PyObject *module)
{
    capi_multiphase_state *st = get_state(module);
    if (st == NULL) {
        return -1;
    }
    st->counter = 100;
    st->exec_calls = 1;
    st->name_at_exec = PyObject_GetAttrString(module, "__name__");
    if (st->name_at_exec == NULL) {
        return -1;
    }
    if (PyModule_AddIntConstant(module, "ANSWER", 42) < 0) {
        return -1;
    }
    if (PyModule_AddStringConstant(module, "FLAVOR", "multi-phase") < 0) {
        return -1;
    }
    return 0;
}

/* Second exec slot: runs after the first and sees what it added. */
static int
exec_second(PyObject *module)
{
    capi_multiphase_state *st = get_state(module);
    if (st == NULL) {
        return -1;
    }
    st->exec_calls += 1;
    PyObject *answer = PyObject_GetAttrString(module, "ANSWER");
    if (answer == NULL) {
        return -1;
    }
    long v = PyLong_AsLong(answer);
    Py_DECREF(answer);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    return PyModule_AddIntConstant(module, "ANSWER_PLUS_ONE", v + 1);
}

static PyObject *
increment(PyObject *module, PyObject *ignored)
{
    capi_multiphase_state *st = get_state(module);
    if (st == NULL) {
        return NULL;
    }
    st->counter += 1;
    return PyLong_FromLong(st->counter);
}

static PyObject *
get_counter(PyObject *module, PyObject *ignored)
{
    capi_multiphase_state *st = get_state(module);
    if (st == NULL) {
        return NULL;
    }
    return PyLong_FromLong(st->counter);
}

static PyObject *
exec_calls(PyObject *module, PyObject *ignored)
{
    capi_multiphase_state *st = get_state(module);
    if (st == NULL) {
        return NULL;
    }
    return PyLong_FromLong(st->exec_calls);
}

static PyObject *
name_at_exec(PyObject *module, PyObject *ignored)
{
    capi_multiphase_state *st = get_state(module);
    if (st == NULL) {
        return NULL;
    }
    return Py_NewRef(st->name_at_exec);
}

/* Whether PyModule_GetDef(module) is this file's PyModuleDef. */
static PyObject *
def_matches(PyObject *module, PyObject *ignored)
{
    return PyBool_FromLong(PyModule_GetDef(module) == &capi_multiphase_def);
}

/* METH_O: whether `arg` is this very module object. */
static PyObject *
is_self(PyObject *module, PyObject *arg)
{
    return PyBool_FromLong(module == arg);
}

static int
capi_multiphase_traverse(PyObject *module, visitproc visit, void *arg)
{
    capi_multiphase_state *st = (capi_multiphase_state *)PyModule_GetState(module);
    if (st != NULL) {
        Py_VISIT(st->name_at_exec);
    }
    return 0;
}

static int
capi_multiphase_clear(PyObject *module)
{
    capi_multiphase_state *st = (capi_multiphase_state *)PyModule_GetState(module);
    if (st != NULL) {
        Py_CLEAR(st->name_at_exec);
    }
    return 0;
}

static void
capi_multiphase_free(void *module)
{
    capi_multiphase_clear((PyObject *)module);
}

static PyMethodDef capi_multiphase_methods[] = {
    {"increment", increment, METH_NOARGS, "Increment the counter in the module state."},
    {"get_counter", get_counter, METH_NOARGS, NULL},
    {"exec_calls", exec_calls, METH_NOARGS, NULL},
    {"name_at_exec", name_at_exec, METH_NOARGS, NULL},
    {"def_matches", def_matches, METH_NOARGS, NULL},
    {"is_self", is_self, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot capi_multiphase_slots[] = {
    {Py_mod_exec, exec_first},
    {Py_mod_exec, exec_second},
    {0, NULL},
};

static struct PyModuleDef capi_multiphase_def = {
    PyModuleDef_HEAD_INIT,
    "capi_multiphase",
    "Multi-phase test module.",
    sizeof(capi_multiphase_state),
    capi_multiphase_methods,
    capi_multiphase_slots,
    capi_multiphase_traverse,
    capi_multiphase_clear,
    capi_multiphase_free,
};

PyMODINIT_FUNC
PyInit_capi_multiphase(void)
{
    return PyModuleDef_Init(&capi_multiphase_def);
}
