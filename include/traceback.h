/* Traceback objects. */
#ifndef Py_TRACEBACK_H
#define Py_TRACEBACK_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyTraceBack_Type;

#define PyTraceBack_Check(v) Py_IS_TYPE((v), &PyTraceBack_Type)

/* tb_next, tb_frame, tb_lasti, tb_lineno are the VM traceback's Python
 * attributes: it has no such memory. */
typedef Py_CPYEXT_MISSING("tracebacks are RustPython's: they have no CPython memory (read tb_next, tb_frame, tb_lasti, tb_lineno as attributes)")
    struct _traceback PyTracebackObject;

PyAPI_FUNC(int) PyTraceBack_Here(PyFrameObject *frame);
PyAPI_FUNC(int) PyTraceBack_Print(PyObject *tb, PyObject *file);

#ifdef __cplusplus
}
#endif
#endif /* !Py_TRACEBACK_H */
