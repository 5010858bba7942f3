/* Traceback objects. */
#ifndef Py_TRACEBACK_H
#define Py_TRACEBACK_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyTraceBack_Type;

#define PyTraceBack_Check(v) Py_IS_TYPE((v), &PyTraceBack_Type)

PyAPI_FUNC(int) PyTraceBack_Here(PyFrameObject *frame);
PyAPI_FUNC(int) PyTraceBack_Print(PyObject *tb, PyObject *file);

#ifdef __cplusplus
}
#endif
#endif /* !Py_TRACEBACK_H */
