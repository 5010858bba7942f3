/* Struct sequences: tuple subclasses with named fields, described by C.
 * An instance is laid out as a tuple holding every field; its Py_SIZE is
 * the number of visible fields (n_in_sequence). */
#ifndef Py_STRUCTSEQ_H
#define Py_STRUCTSEQ_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct PyStructSequence_Field {
    const char *name;           /* NULL ends the list */
    const char *doc;
} PyStructSequence_Field;

typedef struct PyStructSequence_Desc {
    const char *name;           /* "module.name" */
    const char *doc;
    PyStructSequence_Field *fields;
    int n_in_sequence;          /* the visible fields, which come first */
} PyStructSequence_Desc;

/* A field named with this pointer has no name (index access only). */
PyAPI_DATA(const char * const) PyStructSequence_UnnamedField;

PyAPI_FUNC(void) PyStructSequence_InitType(PyTypeObject *type,
                                           PyStructSequence_Desc *desc);
PyAPI_FUNC(int) PyStructSequence_InitType2(PyTypeObject *type,
                                           PyStructSequence_Desc *desc);
PyAPI_FUNC(PyTypeObject *) PyStructSequence_NewType(PyStructSequence_Desc *desc);

PyAPI_FUNC(PyObject *) PyStructSequence_New(PyTypeObject *type);

/* Steals value; for filling a new instance. */
PyAPI_FUNC(void) PyStructSequence_SetItem(PyObject *p, Py_ssize_t pos,
                                          PyObject *o);
PyAPI_FUNC(PyObject *) PyStructSequence_GetItem(PyObject *p, Py_ssize_t pos);

typedef PyTupleObject PyStructSequence;
#define PyStructSequence_SET_ITEM PyStructSequence_SetItem
#define PyStructSequence_GET_ITEM PyStructSequence_GetItem

#ifdef __cplusplus
}
#endif
#endif /* !Py_STRUCTSEQ_H */
