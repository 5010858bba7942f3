/* Python functions (the type only: their fields live in the VM),
 * classmethod and staticmethod. */
#ifndef Py_FUNCOBJECT_H
#define Py_FUNCOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyFunction_Type;
#define PyFunction_Check(op) Py_IS_TYPE((op), &PyFunction_Type)

PyAPI_FUNC(PyObject *) PyFunction_New(PyObject *code, PyObject *globals);
PyAPI_FUNC(PyObject *) PyFunction_NewWithQualName(PyObject *code,
                                                  PyObject *globals,
                                                  PyObject *qualname);
PyAPI_FUNC(PyObject *) PyFunction_GetCode(PyObject *op);
PyAPI_FUNC(PyObject *) PyFunction_GetGlobals(PyObject *op);
PyAPI_FUNC(PyObject *) PyFunction_GetModule(PyObject *op);
PyAPI_FUNC(PyObject *) PyFunction_GetDefaults(PyObject *op);
PyAPI_FUNC(int) PyFunction_SetDefaults(PyObject *op, PyObject *defaults);
PyAPI_FUNC(PyObject *) PyFunction_GetKwDefaults(PyObject *op);
PyAPI_FUNC(int) PyFunction_SetKwDefaults(PyObject *op, PyObject *defaults);
PyAPI_FUNC(PyObject *) PyFunction_GetClosure(PyObject *op);
PyAPI_FUNC(PyObject *) PyFunction_GetAnnotations(PyObject *op);
PyAPI_FUNC(int) PyFunction_SetAnnotations(PyObject *op, PyObject *annotations);

/* The fields live in the VM: the macros are the calls. */
#define PyFunction_GET_CODE(func) PyFunction_GetCode(_PyObject_CAST(func))
#define PyFunction_GET_GLOBALS(func) PyFunction_GetGlobals(_PyObject_CAST(func))
#define PyFunction_GET_MODULE(func) PyFunction_GetModule(_PyObject_CAST(func))
#define PyFunction_GET_DEFAULTS(func) PyFunction_GetDefaults(_PyObject_CAST(func))
#define PyFunction_GET_KW_DEFAULTS(func) PyFunction_GetKwDefaults(_PyObject_CAST(func))
#define PyFunction_GET_CLOSURE(func) PyFunction_GetClosure(_PyObject_CAST(func))
#define PyFunction_GET_ANNOTATIONS(func) PyFunction_GetAnnotations(_PyObject_CAST(func))

PyAPI_DATA(PyTypeObject) PyClassMethod_Type;
PyAPI_DATA(PyTypeObject) PyStaticMethod_Type;

PyAPI_FUNC(PyObject *) PyClassMethod_New(PyObject *callable);
PyAPI_FUNC(PyObject *) PyStaticMethod_New(PyObject *callable);

#ifdef __cplusplus
}
#endif
#endif /* !Py_FUNCOBJECT_H */
