/* capi_multiphase_badexec: multi-phase modules whose exec slot fails.
 *
 * PyInit_capi_multiphase_badexec: the exec slot raises ValueError and
 * returns -1, so the import raises that ValueError.
 *
 * PyInit_badexec_noerror (same shared object, loaded under the name
 * "badexec_noerror" through importlib.util.spec_from_file_location): the exec
 * slot returns -1 without setting an exception, so the import raises
 * SystemError.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
exec_fails(PyObject *module)
{
    if (PyModule_AddIntConstant(module, "PARTIAL", 1) < 0) {
        return -1;
    }
    PyErr_SetString(PyExc_ValueError, "exec slot failed on purpose");
    return -1;
}

static int
exec_fails_silently(PyObject *module)
{
    return -1;
}

static PyModuleDef_Slot badexec_slots[] = {
    {Py_mod_exec, exec_fails},
    {0, NULL},
};

static struct PyModuleDef badexec_def = {
    PyModuleDef_HEAD_INIT,
    "capi_multiphase_badexec",
    NULL,
    0,
    NULL,
    badexec_slots,
    NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_multiphase_badexec(void)
{
    return PyModuleDef_Init(&badexec_def);
}

static PyModuleDef_Slot noerror_slots[] = {
    {Py_mod_exec, exec_fails_silently},
    {0, NULL},
};

static struct PyModuleDef noerror_def = {
    PyModuleDef_HEAD_INIT,
    "badexec_noerror",
    NULL,
    0,
    NULL,
    noerror_slots,
    NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_badexec_noerror(void)
{
    return PyModuleDef_Init(&noerror_def);
}
