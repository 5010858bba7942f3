/* Generators, coroutines and async generators: the VM's own objects. */
#ifndef Py_GENOBJECT_H
#define Py_GENOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

/* Opaque: the VM's generators have no CPython memory (gi_frame, gi_code
 * and the rest are their Python attributes). */
typedef struct _PyCpyext_GenObject PyGenObject;
typedef struct _PyCpyext_CoroObject PyCoroObject;
typedef struct _PyCpyext_AsyncGenObject PyAsyncGenObject;

PyAPI_DATA(PyTypeObject) PyGen_Type;
PyAPI_DATA(PyTypeObject) PyCoro_Type;
PyAPI_DATA(PyTypeObject) PyAsyncGen_Type;
PyAPI_DATA(PyTypeObject) _PyAsyncGenASend_Type;

#define PyGen_Check(op) PyObject_TypeCheck((op), &PyGen_Type)
#define PyGen_CheckExact(op) Py_IS_TYPE((op), &PyGen_Type)
#define PyCoro_CheckExact(op) Py_IS_TYPE((op), &PyCoro_Type)
#define PyAsyncGen_CheckExact(op) Py_IS_TYPE((op), &PyAsyncGen_Type)
#define PyAsyncGenASend_CheckExact(op) Py_IS_TYPE((op), &_PyAsyncGenASend_Type)

/* A new reference to the generator's code (gi_code). */
PyAPI_FUNC(PyCodeObject *) PyGen_GetCode(PyGenObject *gen);

/* Generators made from a frame: RustPython makes them only by calling a
 * generator function. */
PyAPI_FUNC(PyObject *) PyGen_New(PyFrameObject *frame);
PyAPI_FUNC(PyObject *) PyGen_NewWithQualName(PyFrameObject *frame,
                                             PyObject *name,
                                             PyObject *qualname);
PyAPI_FUNC(PyObject *) PyCoro_New(PyFrameObject *frame, PyObject *name,
                                  PyObject *qualname);
PyAPI_FUNC(PyObject *) PyAsyncGen_New(PyFrameObject *frame, PyObject *name,
                                      PyObject *qualname);

#ifdef __cplusplus
}
#endif
#endif /* !Py_GENOBJECT_H */
