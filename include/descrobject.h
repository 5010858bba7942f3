/* Descriptors: getset and member definitions, descriptor types. */
#ifndef Py_DESCROBJECT_H
#define Py_DESCROBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

typedef PyObject *(*getter)(PyObject *self, void *closure);
typedef int (*setter)(PyObject *self, PyObject *value, void *closure);

struct PyGetSetDef {
    const char *name;
    getter get;
    setter set;                 /* NULL for read-only attributes */
    const char *doc;
    void *closure;              /* passed to get and set */
};

PyAPI_DATA(PyTypeObject) PyClassMethodDescr_Type;
PyAPI_DATA(PyTypeObject) PyGetSetDescr_Type;
PyAPI_DATA(PyTypeObject) PyMemberDescr_Type;
PyAPI_DATA(PyTypeObject) PyMethodDescr_Type;
PyAPI_DATA(PyTypeObject) PyWrapperDescr_Type;
PyAPI_DATA(PyTypeObject) PyDictProxy_Type;
PyAPI_DATA(PyTypeObject) PyProperty_Type;

PyAPI_FUNC(PyObject *) PyDescr_NewMethod(PyTypeObject *type,
                                         PyMethodDef *meth);
PyAPI_FUNC(PyObject *) PyDescr_NewClassMethod(PyTypeObject *type,
                                              PyMethodDef *meth);
PyAPI_FUNC(PyObject *) PyDescr_NewMember(PyTypeObject *type,
                                         PyMemberDef *meth);
PyAPI_FUNC(PyObject *) PyDescr_NewGetSet(PyTypeObject *type,
                                         PyGetSetDef *getset);
PyAPI_FUNC(PyObject *) PyDictProxy_New(PyObject *mapping);
PyAPI_FUNC(PyObject *) PyWrapper_New(PyObject *d, PyObject *self);

/* An attribute stored at a fixed offset in the instance. */
struct PyMemberDef {
    const char *name;
    int type;                   /* Py_T_* */
    Py_ssize_t offset;
    int flags;                  /* Py_READONLY, ... */
    const char *doc;
};

/* Member types */
#define Py_T_SHORT 0
#define Py_T_INT 1
#define Py_T_LONG 2
#define Py_T_FLOAT 3
#define Py_T_DOUBLE 4
#define Py_T_STRING 5
#define _Py_T_OBJECT 6          /* deprecated: NULL reads as None */
#define Py_T_CHAR 7
#define Py_T_BYTE 8
#define Py_T_UBYTE 9
#define Py_T_USHORT 10
#define Py_T_UINT 11
#define Py_T_ULONG 12
#define Py_T_STRING_INPLACE 13
#define Py_T_BOOL 14
#define Py_T_OBJECT_EX 16       /* NULL reads raise AttributeError */
#define Py_T_LONGLONG 17
#define Py_T_ULONGLONG 18
#define Py_T_PYSSIZET 19
#define _Py_T_NONE 20           /* deprecated: always None */

/* Member flags */
#define Py_READONLY 1
#define Py_AUDIT_READ 2
#define _Py_WRITE_RESTRICTED 4  /* deprecated, no effect */
#define Py_RELATIVE_OFFSET 8

/* Slot wrappers: a C slot function exposed as a method of its type. */
typedef PyObject *(*wrapperfunc)(PyObject *self, PyObject *args,
                                 void *wrapped);
typedef PyObject *(*wrapperfunc_kwds)(PyObject *self, PyObject *args,
                                      void *wrapped, PyObject *kwds);

struct wrapperbase {
    const char *name;
    int offset;
    void *function;
    wrapperfunc wrapper;
    const char *doc;
    int flags;                  /* PyWrapperFlag_* */
    PyObject *name_strobj;
};

#define PyWrapperFlag_KEYWORDS 1 /* wrapper is a wrapperfunc_kwds */

/* The common head of the descriptor objects. A descriptor's memory, when
 * it crosses into C, holds its type and name (d_qualname stays NULL, as
 * CPython's until __qualname__ is first asked for). */
typedef struct {
    PyObject_HEAD
    PyTypeObject *d_type;
    PyObject *d_name;
    PyObject *d_qualname;
} PyDescrObject;

#define PyDescr_COMMON PyDescrObject d_common
#define PyDescr_TYPE(x) (((PyDescrObject *)(x))->d_type)
#define PyDescr_NAME(x) (((PyDescrObject *)(x))->d_name)

/* A descriptor is a VM object: the fields after the head that C can use
 * are the definition C gave, which d_method and d_getset point at for the
 * descriptors of C types (tp_methods, tp_getset, PyDescr_NewMethod/
 * NewGetSet; a tp_members entry is a getset descriptor here, and its
 * d_getset a PyGetSetDef with the member's name and doc). They, and
 * d_member, are NULL in the VM's own descriptors (a Python class's
 * __slots__ members); the rest is the interpreter's. */
#define _Py_CPYEXT_DESCR_FIELD \
    Py_CPYEXT_MISSING("rustpy keeps a descriptor's definition in the VM; " \
                      "only PyDescr_TYPE/PyDescr_NAME are in its memory")

typedef struct {
    PyDescr_COMMON;
    PyMethodDef *d_method;
    vectorcallfunc vectorcall _Py_CPYEXT_DESCR_FIELD;
} PyMethodDescrObject;

typedef struct {
    PyDescr_COMMON;
    PyMemberDef *d_member;
} PyMemberDescrObject;

typedef struct {
    PyDescr_COMMON;
    PyGetSetDef *d_getset;
} PyGetSetDescrObject;

typedef struct {
    PyDescr_COMMON;
    struct wrapperbase *d_base _Py_CPYEXT_DESCR_FIELD;
    void *d_wrapped _Py_CPYEXT_DESCR_FIELD;
} PyWrapperDescrObject;

PyAPI_FUNC(PyObject *) PyDescr_NewWrapper(PyTypeObject *type,
                                          struct wrapperbase *base,
                                          void *wrapped);
PyAPI_FUNC(int) PyDescr_IsData(PyObject *descr);

PyAPI_FUNC(PyObject *) PyMember_GetOne(const char *obj_addr,
                                       PyMemberDef *member);
PyAPI_FUNC(int) PyMember_SetOne(char *obj_addr, PyMemberDef *member,
                                PyObject *o);

#ifdef __cplusplus
}
#endif
#endif /* !Py_DESCROBJECT_H */
