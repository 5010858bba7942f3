/* capi_multiphase_create: multi-phase init with a Py_mod_create slot.
 *
 * The create slot makes the module itself with PyModule_New (the spec's
 * name), records the spec it was given, and the import machinery then adds
 * m_methods and m_doc to it and runs the exec slot.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static struct PyModuleDef capi_multiphase_create_def;

static int create_calls = 0;

static PyObject *
create_module(PyObject *spec, PyModuleDef *def)
{
    if (def != &capi_multiphase_create_def) {
        PyErr_SetString(PyExc_AssertionError, "create slot got the wrong def");
        return NULL;
    }
    PyObject *name = PyObject_GetAttrString(spec, "name");
    if (name == NULL) {
        return NULL;
    }
    const char *cname = PyUnicode_AsUTF8(name);
    if (cname == NULL) {
        Py_DECREF(name);
        return NULL;
    }
    PyObject *module = PyModule_New(cname);
    Py_DECREF(name);
    if (module == NULL) {
        return NULL;
    }
    create_calls += 1;
    if (PyModule_AddObjectRef(module, "SPEC_SEEN", spec) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    if (PyModule_AddIntConstant(module, "CREATED_BY_SLOT", 1) < 0) {
        Py_DECREF(module);
        return NULL;
    }
    return module;
}

static int
exec_module(PyObject *module)
{
    PyObject *created = PyObject_GetAttrString(module, "CREATED_BY_SLOT");
    if (created == NULL) {
        return -1;
    }
    Py_DECREF(created);
    return PyModule_AddIntConstant(module, "EXEC_SAW_CREATED", 1);
}

static PyObject *
get_create_calls(PyObject *module, PyObject *ignored)
{
    return PyLong_FromLong(create_calls);
}

static PyObject *
get_self(PyObject *module, PyObject *ignored)
{
    return Py_NewRef(module);
}

static PyObject *
def_matches(PyObject *module, PyObject *ignored)
{
    return PyBool_FromLong(PyModule_GetDef(module) == &capi_multiphase_create_def);
}

static PyMethodDef capi_multiphase_create_methods[] = {
    {"create_calls", get_create_calls, METH_NOARGS, NULL},
    {"get_self", get_self, METH_NOARGS, NULL},
    {"def_matches", def_matches, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot capi_multiphase_create_slots[] = {
    {Py_mod_create, create_module},
    {Py_mod_exec, exec_module},
    {0, NULL},
};

static struct PyModuleDef capi_multiphase_create_def = {
    PyModuleDef_HEAD_INIT,
    "capi_multiphase_create",
    "Module made by a Py_mod_create slot.",
    0,
    capi_multiphase_create_methods,
    capi_multiphase_create_slots,
    NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_multiphase_create(void)
{
    return PyModuleDef_Init(&capi_multiphase_create_def);
}
