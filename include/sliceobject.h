/* slice objects and the Ellipsis singleton. */
#ifndef Py_SLICEOBJECT_H
#define Py_SLICEOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyObject) _Py_EllipsisObject;
#define Py_Ellipsis (&_Py_EllipsisObject)

/* CPython's layout, which the layer fills: C reads the parts as fields. */
typedef struct {
    PyObject_HEAD
    PyObject *start, *stop, *step;
} PySliceObject;

PyAPI_DATA(PyTypeObject) PySlice_Type;
PyAPI_DATA(PyTypeObject) PyEllipsis_Type;

#define PySlice_Check(op) Py_IS_TYPE((op), &PySlice_Type)

PyAPI_FUNC(PyObject *) PySlice_New(PyObject *start, PyObject *stop,
                                   PyObject *step);
/* slice(start, stop) */
PyAPI_FUNC(PyObject *) _PySlice_FromIndices(Py_ssize_t start, Py_ssize_t stop);
/* slice.indices(length), as new references to ints. */
PyAPI_FUNC(int) _PySlice_GetLongIndices(PySliceObject *self, PyObject *length,
                                        PyObject **start_ptr,
                                        PyObject **stop_ptr,
                                        PyObject **step_ptr);
PyAPI_FUNC(int) PySlice_GetIndices(PyObject *slice, Py_ssize_t length,
                                   Py_ssize_t *start, Py_ssize_t *stop,
                                   Py_ssize_t *step);
PyAPI_FUNC(int) PySlice_GetIndicesEx(PyObject *slice, Py_ssize_t length,
                                     Py_ssize_t *start, Py_ssize_t *stop,
                                     Py_ssize_t *step,
                                     Py_ssize_t *slicelength);
PyAPI_FUNC(int) PySlice_Unpack(PyObject *slice, Py_ssize_t *start,
                               Py_ssize_t *stop, Py_ssize_t *step);
PyAPI_FUNC(Py_ssize_t) PySlice_AdjustIndices(Py_ssize_t length,
                                             Py_ssize_t *start,
                                             Py_ssize_t *stop,
                                             Py_ssize_t step);

/* As in CPython, PySlice_GetIndicesEx is expanded into the two calls above
 * (the function also exists for callers that take its address). */
#define PySlice_GetIndicesEx(slice, length, start, stop, step, slicelen) \
    (PySlice_Unpack((slice), (start), (stop), (step)) < 0 ? \
     ((*(slicelen) = 0), -1) : \
     ((*(slicelen) = PySlice_AdjustIndices((length), (start), (stop), \
                                           *(step))), \
      0))

#ifdef __cplusplus
}
#endif
#endif /* !Py_SLICEOBJECT_H */
