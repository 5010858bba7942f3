/* Bound methods (PyMethod) and instance methods. */
#ifndef Py_CLASSOBJECT_H
#define Py_CLASSOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyMethod_Type;
PyAPI_DATA(PyTypeObject) PyInstanceMethod_Type;

#define PyMethod_Check(op) Py_IS_TYPE((op), &PyMethod_Type)
#define PyInstanceMethod_Check(op) Py_IS_TYPE((op), &PyInstanceMethod_Type)

PyAPI_FUNC(PyObject *) PyMethod_New(PyObject *func, PyObject *self);
PyAPI_FUNC(PyObject *) PyMethod_Function(PyObject *meth);
PyAPI_FUNC(PyObject *) PyMethod_Self(PyObject *meth);
PyAPI_FUNC(PyObject *) PyInstanceMethod_New(PyObject *func);
PyAPI_FUNC(PyObject *) PyInstanceMethod_Function(PyObject *im);

/* Calls: method objects are VM objects. */
#define PyMethod_GET_FUNCTION(meth) PyMethod_Function(_PyObject_CAST(meth))
#define PyMethod_GET_SELF(meth) PyMethod_Self(_PyObject_CAST(meth))
#define PyInstanceMethod_GET_FUNCTION(meth) \
    PyInstanceMethod_Function(_PyObject_CAST(meth))

#ifdef __cplusplus
}
#endif
#endif /* !Py_CLASSOBJECT_H */
