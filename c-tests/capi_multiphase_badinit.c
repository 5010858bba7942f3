/* capi_multiphase_badinit: module init functions that fail.
 *
 * PyInit_capi_multiphase_badinit raises RuntimeError and returns NULL: the
 * import raises that RuntimeError.
 *
 * Loaded from the same shared object under other names (through
 * importlib.util.spec_from_file_location):
 *   PyInit_badinit_noerror returns NULL without an exception -> SystemError.
 *   PyInit_badinit_unreported returns a PyModuleDef with an exception set
 *   -> SystemError.
 *   PyInit_badinit_single returns a single-phase module: loading a second
 *   init function from one file works.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyMODINIT_FUNC
PyInit_capi_multiphase_badinit(void)
{
    PyErr_SetString(PyExc_RuntimeError, "init failed on purpose");
    return NULL;
}

PyMODINIT_FUNC
PyInit_badinit_noerror(void)
{
    return NULL;
}

static struct PyModuleDef unreported_def = {
    PyModuleDef_HEAD_INIT,
    "badinit_unreported",
    NULL,
    0,
    NULL,
    NULL,
    NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_badinit_unreported(void)
{
    PyObject *def = PyModuleDef_Init(&unreported_def);
    PyErr_SetString(PyExc_KeyError, "left behind");
    return def;
}

static struct PyModuleDef single_def = {
    PyModuleDef_HEAD_INIT,
    "badinit_single",
    "A good module living in a file named for a bad one.",
    -1,
    NULL,
    NULL,
    NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_badinit_single(void)
{
    PyObject *m = PyModule_Create(&single_def);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddIntConstant(m, "GOOD", 1) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
