/* An extension that needs three C-API functions no interpreter has: the
 * import must fail with one ImportError, and on rustpy that error names all
 * three (dlopen would stop at the first). Declared here, not in any header. */
#include <Python.h>

extern PyObject *PyCpyext_NoSuchOne(void);
extern PyObject *PyCpyext_NoSuchTwo(PyObject *);
extern int _PyCpyext_NoSuchThree(void);

static struct PyModuleDef missing3_def = {
    PyModuleDef_HEAD_INIT, "capi_module_missing3", NULL, 0, NULL, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_module_missing3(void)
{
    PyObject *m = PyModule_Create(&missing3_def);
    if (m != NULL && _PyCpyext_NoSuchThree() < 0) {
        PyModule_AddObjectRef(m, "never", PyCpyext_NoSuchTwo(PyCpyext_NoSuchOne()));
    }
    return m;
}
