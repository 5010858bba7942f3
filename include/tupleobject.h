/* tuple objects.  Items are stored in the object (ob_item), so the
 * GET/SET macros are inline. */
#ifndef Py_TUPLEOBJECT_H
#define Py_TUPLEOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    PyObject_VAR_HEAD
    Py_hash_t ob_hash;          /* cached hash, -1 if not computed (3.14) */
    PyObject *ob_item[1];       /* ob_size items */
} PyTupleObject;

PyAPI_DATA(PyTypeObject) PyTuple_Type;
PyAPI_DATA(PyTypeObject) PyTupleIter_Type;

#define PyTuple_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TUPLE_SUBCLASS)
#define PyTuple_CheckExact(op) Py_IS_TYPE((op), &PyTuple_Type)

PyAPI_FUNC(PyObject *) PyTuple_New(Py_ssize_t size);
PyAPI_FUNC(Py_ssize_t) PyTuple_Size(PyObject *p);
PyAPI_FUNC(PyObject *) PyTuple_GetItem(PyObject *p, Py_ssize_t pos);
PyAPI_FUNC(int) PyTuple_SetItem(PyObject *p, Py_ssize_t pos, PyObject *o);
PyAPI_FUNC(PyObject *) PyTuple_GetSlice(PyObject *p, Py_ssize_t low,
                                        Py_ssize_t high);
PyAPI_FUNC(PyObject *) PyTuple_Pack(Py_ssize_t n, ...);

#define _PyTuple_CAST(op) _Py_CAST(PyTupleObject *, (op))

#define PyTuple_GET_SIZE(op) Py_SIZE(op)
/* No bounds checks; the result is a borrowed reference (and an lvalue). */
#define PyTuple_GET_ITEM(op, index) (_PyTuple_CAST(op)->ob_item[(index)])

/* Only for filling brand-new tuples: steals a reference to value and does
 * not release the previous item. */
static inline void _PyTuple_SET_ITEM(PyObject *op, Py_ssize_t index,
                                     PyObject *value)
{
    ((PyTupleObject *)op)->ob_item[index] = value;
}
#define PyTuple_SET_ITEM(op, index, value) \
    _PyTuple_SET_ITEM(_PyObject_CAST(op), (index), _PyObject_CAST(value))

/* Resizes *p, a tuple only the caller holds (new items are NULL); on
 * failure *p is released and set to NULL. */
PyAPI_FUNC(int) _PyTuple_Resize(PyObject **p, Py_ssize_t newsize);

#define PyTuple_ITEMS(op) (_PyTuple_CAST(op)->ob_item)

#ifdef __cplusplus
}
#endif
#endif /* !Py_TUPLEOBJECT_H */
