/* pickle.PickleBuffer: a buffer the pickler may send out of band. */
#ifndef Py_PICKLEBUFOBJECT_H
#define Py_PICKLEBUFOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyPickleBuffer_Type;

#define PyPickleBuffer_Check(op) Py_IS_TYPE((op), &PyPickleBuffer_Type)

/* A PickleBuffer over obj's buffer. */
PyAPI_FUNC(PyObject *) PyPickleBuffer_FromObject(PyObject *obj);
/* Its buffer, valid until PyPickleBuffer_Release or the object's death. */
PyAPI_FUNC(const Py_buffer *) PyPickleBuffer_GetBuffer(PyObject *obj);
PyAPI_FUNC(int) PyPickleBuffer_Release(PyObject *obj);

#ifdef __cplusplus
}
#endif
#endif /* !Py_PICKLEBUFOBJECT_H */
