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

/* The fields a function is made from (a frame's constructor). */
typedef struct {
    PyObject *fc_globals;
    PyObject *fc_builtins;
    PyObject *fc_name;
    PyObject *fc_qualname;
    PyObject *fc_code;
    PyObject *fc_defaults;
    PyObject *fc_kwdefaults;
    PyObject *fc_closure;
} PyFrameConstructor;

/* A function is a VM object: its fields are reached through the calls
 * above, never through its memory. The declarations that need the struct
 * name its tag. */
#define _Py_CPYEXT_NO_FUNCTION_MEMORY \
    "rustpy's functions live in the VM, not in C memory: use PyFunction_Get*/Set*"
typedef struct _PyCpyextFunctionObject PyFunctionObject
    Py_CPYEXT_MISSING(_Py_CPYEXT_NO_FUNCTION_MEMORY);
#define _PyFunction_CAST(func) ((PyFunctionObject *)(func))
PyAPI_FUNC(void) PyFunction_SetVectorcall(struct _PyCpyextFunctionObject *func,
                                          vectorcallfunc vectorcall);
PyAPI_FUNC(int) PyFunction_SetClosure(PyObject *op, PyObject *closure);

/* Function watchers: the VM makes, changes and frees functions without
 * telling the layer. */
#define PY_FOREACH_FUNC_EVENT(V) \
    V(CREATE)                    \
    V(DESTROY)                   \
    V(MODIFY_CODE)               \
    V(MODIFY_DEFAULTS)           \
    V(MODIFY_KWDEFAULTS)
typedef enum {
    PyFunction_EVENT_CREATE,
    PyFunction_EVENT_DESTROY,
    PyFunction_EVENT_MODIFY_CODE,
    PyFunction_EVENT_MODIFY_DEFAULTS,
    PyFunction_EVENT_MODIFY_KWDEFAULTS
} PyFunction_WatchEvent;
typedef int (*PyFunction_WatchCallback)(PyFunction_WatchEvent event,
                                        struct _PyCpyextFunctionObject *func,
                                        PyObject *new_value);
PyAPI_FUNC(int) PyFunction_AddWatcher(PyFunction_WatchCallback callback);
PyAPI_FUNC(int) PyFunction_ClearWatcher(int watcher_id);

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
