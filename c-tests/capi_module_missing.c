/* An extension that needs a C-API function no interpreter has: importing it
 * must raise ImportError naming the symbol, never crash. */
#include <Python.h>

extern PyObject *PyCpyext_NoSuchFunction(void);

static struct PyModuleDef missing_def = {
    PyModuleDef_HEAD_INIT, "capi_module_missing", NULL, 0, NULL, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_module_missing(void)
{
    PyObject *m = PyModule_Create(&missing_def);
    if (m != NULL && PyModule_AddObjectRef(m, "never", PyCpyext_NoSuchFunction()) < 0) {
        Py_CLEAR(m);
    }
    return m;
}
