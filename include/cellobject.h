/* Cell objects (a closure's variables). Their contents live in the VM, so
 * the GET/SET macros are calls; PyCell_SET, as CPython's, takes over the
 * caller's reference to the value. */
#ifndef Py_CELLOBJECT_H
#define Py_CELLOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyCell_Type;
#define PyCell_Check(op) Py_IS_TYPE((op), &PyCell_Type)

/* A cell's contents live in the VM, where closures read them. */
typedef struct _PyCpyextCellObject PyCellObject
    Py_CPYEXT_MISSING("rustpy's cells live in the VM, not in C memory: "
                      "use PyCell_GET/PyCell_SET");

PyAPI_FUNC(PyObject *) PyCell_New(PyObject *obj);
PyAPI_FUNC(PyObject *) PyCell_Get(PyObject *cell);
PyAPI_FUNC(int) PyCell_Set(PyObject *cell, PyObject *value);
/* The layer's: what the macros do. */
PyAPI_FUNC(PyObject *) _PyCpyext_CellGet(PyObject *cell);
PyAPI_FUNC(int) _PyCpyext_CellSet(PyObject *cell, PyObject *value);

#define PyCell_GET(op) _PyCpyext_CellGet(_PyObject_CAST(op))
#define PyCell_SET(op, v) ((void)_PyCpyext_CellSet(_PyObject_CAST(op), _PyObject_CAST(v)))

#ifdef __cplusplus
}
#endif
#endif /* !Py_CELLOBJECT_H */
