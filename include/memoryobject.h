/* memoryview objects. */
#ifndef Py_MEMORYOBJECT_H
#define Py_MEMORYOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyMemoryView_Type;

#define PyMemoryView_Check(op) Py_IS_TYPE((op), &PyMemoryView_Type)

/* CPython's flag values for the fields of the layouts below. */
#define _Py_MANAGED_BUFFER_RELEASED 0x001
#define _Py_MANAGED_BUFFER_FREE_FORMAT 0x002
#define _Py_MEMORYVIEW_RELEASED 0x001
#define _Py_MEMORYVIEW_C 0x002
#define _Py_MEMORYVIEW_FORTRAN 0x004
#define _Py_MEMORYVIEW_SCALAR 0x008
#define _Py_MEMORYVIEW_PIL 0x010
#define _Py_MEMORYVIEW_RESTRICTED 0x020

/* A memoryview here is the VM's object: its memory holds no Py_buffer and
 * no managed buffer, so these layouts and the macros reading them cannot
 * be provided. */
typedef struct _PyManagedBufferObject _PyManagedBufferObject Py_CPYEXT_MISSING("a memoryview's export lives in the VM, not in a managed buffer object; use PyObject_GetBuffer on the memoryview");
typedef struct _PyMemoryViewObject PyMemoryViewObject Py_CPYEXT_MISSING("a memoryview's fields live in the VM, not in PyMemoryViewObject memory; use PyObject_GetBuffer and PyBuffer_Release");
#define _PyMemoryView_CAST(op) ((PyMemoryViewObject *)(op))
Py_CPYEXT_MISSING("a memoryview holds no Py_buffer in its memory here; use PyObject_GetBuffer(op, &view, flags) and PyBuffer_Release")
static inline Py_buffer *PyMemoryView_GET_BUFFER(PyObject *op)
{
    (void)op;
    return NULL;
}
Py_CPYEXT_MISSING("a memoryview holds no Py_buffer in its memory here; use PyObject_GetAttrString(op, \"obj\")")
static inline PyObject *PyMemoryView_GET_BASE(PyObject *op)
{
    (void)op;
    return NULL;
}

PyAPI_FUNC(PyObject *) PyMemoryView_FromObject(PyObject *base);
PyAPI_FUNC(PyObject *) PyMemoryView_FromMemory(char *mem, Py_ssize_t size,
                                               int flags);
PyAPI_FUNC(PyObject *) PyMemoryView_FromBuffer(const Py_buffer *info);
PyAPI_FUNC(PyObject *) PyMemoryView_GetContiguous(PyObject *base,
                                                  int buffertype,
                                                  char order);

#ifdef __cplusplus
}
#endif
#endif /* !Py_MEMORYOBJECT_H */
