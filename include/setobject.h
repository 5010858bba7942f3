/* set and frozenset objects (state in the VM; all calls). */
#ifndef Py_SETOBJECT_H
#define Py_SETOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PySet_Type;
PyAPI_DATA(PyTypeObject) PyFrozenSet_Type;
PyAPI_DATA(PyTypeObject) PySetIter_Type;

PyAPI_FUNC(PyObject *) PySet_New(PyObject *iterable);
PyAPI_FUNC(PyObject *) PyFrozenSet_New(PyObject *iterable);
PyAPI_FUNC(int) PySet_Add(PyObject *set, PyObject *key);
PyAPI_FUNC(int) PySet_Clear(PyObject *set);
PyAPI_FUNC(int) PySet_Contains(PyObject *anyset, PyObject *key);
PyAPI_FUNC(int) PySet_Discard(PyObject *set, PyObject *key);
PyAPI_FUNC(PyObject *) PySet_Pop(PyObject *set);
PyAPI_FUNC(Py_ssize_t) PySet_Size(PyObject *anyset);

/* The size of CPython's inline table. */
#define PySet_MINSIZE 8

/* A set's memory holds no table here (its items are the VM's): these
 * layouts cannot be read. */
typedef struct {
    PyObject *key;
    Py_hash_t hash;
} setentry Py_CPYEXT_MISSING("a set's items live in the VM, not in a setentry table; use PySet_Contains or iterate the set");
typedef struct _setobject PySetObject Py_CPYEXT_MISSING("a set's fields live in the VM, not in PySetObject memory; use the PySet_* functions");
#define _PySet_CAST(so) ((PySetObject *)(so))

#define PySet_GET_SIZE(so) PySet_Size(_PyObject_CAST(so))

#define PyFrozenSet_CheckExact(ob) Py_IS_TYPE((ob), &PyFrozenSet_Type)
#define PyFrozenSet_Check(ob) PyObject_TypeCheck((ob), &PyFrozenSet_Type)
#define PySet_CheckExact(op) Py_IS_TYPE((op), &PySet_Type)
#define PySet_Check(ob) PyObject_TypeCheck((ob), &PySet_Type)
#define PyAnySet_CheckExact(ob) \
    (PySet_CheckExact(ob) || PyFrozenSet_CheckExact(ob))
#define PyAnySet_Check(ob) (PySet_Check(ob) || PyFrozenSet_Check(ob))

#ifdef __cplusplus
}
#endif
#endif /* !Py_SETOBJECT_H */
