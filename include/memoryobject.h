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

/* A memoryview here is the VM's object: its memory holds the Py_buffer it
 * looks at (view: its buf, obj, len, format, shape and strides), filled
 * when it first crosses into C; the other fields of the layout are not
 * kept, and there is no managed buffer object. */
typedef struct _PyManagedBufferObject _PyManagedBufferObject Py_CPYEXT_MISSING("a memoryview's export lives in the VM, not in a managed buffer object; use PyObject_GetBuffer on the memoryview");
typedef struct {
    PyObject_VAR_HEAD
    struct _PyManagedBufferObject *mbuf;
    Py_hash_t hash;
    int flags;
    Py_ssize_t exports;
    Py_buffer view;
    PyObject *weakreflist;
    Py_ssize_t ob_array[1];
} PyMemoryViewObject;
#define _PyMemoryView_CAST(op) ((PyMemoryViewObject *)(op))
static inline Py_buffer *PyMemoryView_GET_BUFFER(PyObject *op)
{
    return &_PyMemoryView_CAST(op)->view;
}
#define PyMemoryView_GET_BUFFER(op) PyMemoryView_GET_BUFFER(_PyObject_CAST(op))
static inline PyObject *PyMemoryView_GET_BASE(PyObject *op)
{
    return _PyMemoryView_CAST(op)->view.obj;
}
#define PyMemoryView_GET_BASE(op) PyMemoryView_GET_BASE(_PyObject_CAST(op))

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
