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

/* A bound method's memory, CPython's layout: the layer fills it when the
 * method crosses into C (a method never changes what it binds). */
typedef struct {
    PyObject_HEAD
    PyObject *im_func;
    PyObject *im_self;
    PyObject *im_weakreflist;
    vectorcallfunc vectorcall;
} PyMethodObject;
#define _PyMethod_CAST(meth) _Py_CAST(PyMethodObject *, (meth))

/* Instance methods are a Python class of the layer's (RustPython has no
 * such type): no C memory of theirs to read. */
typedef struct _PyCpyextInstanceMethodObject PyInstanceMethodObject
    Py_CPYEXT_MISSING("rustpy's instance methods are VM objects: "
                      "use PyInstanceMethod_GET_FUNCTION");
#define _PyInstanceMethod_CAST(meth) ((PyInstanceMethodObject *)(meth))

/* Calls, which check their argument; the memory holds the same. */
#define PyMethod_GET_FUNCTION(meth) PyMethod_Function(_PyObject_CAST(meth))
#define PyMethod_GET_SELF(meth) PyMethod_Self(_PyObject_CAST(meth))
#define PyInstanceMethod_GET_FUNCTION(meth) \
    PyInstanceMethod_Function(_PyObject_CAST(meth))

#ifdef __cplusplus
}
#endif
#endif /* !Py_CLASSOBJECT_H */
