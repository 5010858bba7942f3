/* Module objects and module definitions. */
#ifndef Py_MODULEOBJECT_H
#define Py_MODULEOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyModule_Type;
PyAPI_DATA(PyTypeObject) PyModuleDef_Type;

#define PyModule_Check(op) PyObject_TypeCheck((op), &PyModule_Type)
#define PyModule_CheckExact(op) Py_IS_TYPE((op), &PyModule_Type)

PyAPI_FUNC(PyObject *) PyModule_NewObject(PyObject *name);
PyAPI_FUNC(PyObject *) PyModule_New(const char *name);
PyAPI_FUNC(PyObject *) PyModule_GetDict(PyObject *module);
PyAPI_FUNC(PyObject *) PyModule_GetNameObject(PyObject *module);
PyAPI_FUNC(const char *) PyModule_GetName(PyObject *module);
PyAPI_FUNC(const char *) PyModule_GetFilename(PyObject *module);
PyAPI_FUNC(PyObject *) PyModule_GetFilenameObject(PyObject *module);
PyAPI_FUNC(PyModuleDef *) PyModule_GetDef(PyObject *module);
PyAPI_FUNC(void *) PyModule_GetState(PyObject *module);
PyAPI_FUNC(PyObject *) PyModuleDef_Init(PyModuleDef *def);

/* Header of a module definition. */
typedef struct PyModuleDef_Base {
    PyObject_HEAD
    PyObject *(*m_init)(void);  /* set for single-phase init modules */
    Py_ssize_t m_index;         /* index in the interpreter's module table */
    PyObject *m_copy;           /* copy of the module dict (single-phase) */
} PyModuleDef_Base;

#define PyModuleDef_HEAD_INIT { \
    PyObject_HEAD_INIT(_Py_NULL) \
    _Py_NULL, \
    0, \
    _Py_NULL, \
}

/* Multi-phase initialisation slots. */
struct PyModuleDef_Slot {
    int slot;
    void *value;
};

#define Py_mod_create 1
#define Py_mod_exec 2
#define Py_mod_multiple_interpreters 3
#define Py_mod_gil 4
#define _Py_mod_LAST_SLOT 4

/* Values of Py_mod_multiple_interpreters */
#define Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED ((void *)0)
#define Py_MOD_MULTIPLE_INTERPRETERS_SUPPORTED ((void *)1)
#define Py_MOD_PER_INTERPRETER_GIL_SUPPORTED ((void *)2)

/* Values of Py_mod_gil */
#define Py_MOD_GIL_USED ((void *)0)
#define Py_MOD_GIL_NOT_USED ((void *)1)

struct PyModuleDef {
    PyModuleDef_Base m_base;
    const char *m_name;
    const char *m_doc;
    Py_ssize_t m_size;          /* size of the module state, or -1 */
    PyMethodDef *m_methods;
    PyModuleDef_Slot *m_slots;  /* NULL for single-phase init */
    traverseproc m_traverse;
    inquiry m_clear;
    freefunc m_free;
};

#ifdef __cplusplus
}
#endif
#endif /* !Py_MODULEOBJECT_H */
