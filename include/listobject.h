/* list objects.  Every accessor here, including the GET/SET macros, is a
 * call into the layer, which is always right; the memory is CPython's too,
 * for code compiled against CPython's headers (cpyext/listobject.rs). */
#ifndef Py_LISTOBJECT_H
#define Py_LISTOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

/* CPython's layout, ob_item holding counted references.  A list C made
 * (PyList_New) is this memory alone until Python has it; a list Python has
 * keeps ob_size and ob_item equal to its items each time it crosses into C
 * and after each change C makes through these functions. */
typedef struct {
    PyObject_VAR_HEAD
    PyObject **ob_item;
    Py_ssize_t allocated;
} PyListObject;

#define _PyList_CAST(op) _Py_CAST(PyListObject *, (op))

PyAPI_DATA(PyTypeObject) PyList_Type;
PyAPI_DATA(PyTypeObject) PyListIter_Type;
PyAPI_DATA(PyTypeObject) PyListRevIter_Type;

#define PyList_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LIST_SUBCLASS)
#define PyList_CheckExact(op) Py_IS_TYPE((op), &PyList_Type)

PyAPI_FUNC(PyObject *) PyList_New(Py_ssize_t len);
PyAPI_FUNC(Py_ssize_t) PyList_Size(PyObject *list);
PyAPI_FUNC(PyObject *) PyList_GetItem(PyObject *list, Py_ssize_t index);
PyAPI_FUNC(PyObject *) PyList_GetItemRef(PyObject *list, Py_ssize_t index);
/* The layer's: ob_item filled with the items, as borrowed references. */
PyAPI_FUNC(PyObject **) _PyCpyext_ListItems(PyObject *list);
PyAPI_FUNC(int) PyList_SetItem(PyObject *list, Py_ssize_t index,
                               PyObject *item);
PyAPI_FUNC(int) PyList_Insert(PyObject *list, Py_ssize_t index,
                              PyObject *item);
PyAPI_FUNC(int) PyList_Append(PyObject *list, PyObject *item);
PyAPI_FUNC(PyObject *) PyList_GetSlice(PyObject *list, Py_ssize_t low,
                                       Py_ssize_t high);
PyAPI_FUNC(int) PyList_SetSlice(PyObject *list, Py_ssize_t low,
                                Py_ssize_t high, PyObject *itemlist);
PyAPI_FUNC(int) PyList_Extend(PyObject *list, PyObject *iterable);
PyAPI_FUNC(int) PyList_Clear(PyObject *list);
PyAPI_FUNC(int) PyList_Sort(PyObject *list);
PyAPI_FUNC(int) PyList_Reverse(PyObject *list);
PyAPI_FUNC(PyObject *) PyList_AsTuple(PyObject *list);

/* Calls, so that nothing reads list storage that lives in the VM. */
#define PyList_GET_SIZE(op) PyList_Size(_PyObject_CAST(op))
#define PyList_GET_ITEM(op, index) PyList_GetItem(_PyObject_CAST(op), (index))
#define PyList_SET_ITEM(op, index, value) \
    ((void)PyList_SetItem(_PyObject_CAST(op), (index), _PyObject_CAST(value)))

#ifdef __cplusplus
}
#endif
#endif /* !Py_LISTOBJECT_H */
