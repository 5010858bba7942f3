/* Built-in functions and methods defined in C (PyMethodDef). */
#ifndef Py_METHODOBJECT_H
#define Py_METHODOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyCFunction_Type;

#define PyCFunction_CheckExact(op) Py_IS_TYPE((op), &PyCFunction_Type)
#define PyCFunction_Check(op) PyObject_TypeCheck((op), &PyCFunction_Type)

/* C signatures of builtin functions, selected by ml_flags. */
typedef PyObject *(*PyCFunction)(PyObject *self, PyObject *args);
typedef PyObject *(*PyCFunctionFast)(PyObject *self, PyObject *const *args,
                                     Py_ssize_t nargs);
typedef PyObject *(*PyCFunctionWithKeywords)(PyObject *self, PyObject *args,
                                             PyObject *kwargs);
typedef PyObject *(*PyCFunctionFastWithKeywords)(PyObject *self,
                                                 PyObject *const *args,
                                                 Py_ssize_t nargs,
                                                 PyObject *kwnames);
typedef PyObject *(*PyCMethod)(PyObject *self, PyTypeObject *defining_class,
                               PyObject *const *args, size_t nargs,
                               PyObject *kwnames);

/* Old names of the fast-call signatures. */
typedef PyCFunctionFast _PyCFunctionFast;
typedef PyCFunctionFastWithKeywords _PyCFunctionFastWithKeywords;

/* Store any of the above in ml_meth without a cast warning. */
#define _PyCFunction_CAST(func) \
    _Py_CAST(PyCFunction, _Py_CAST(void (*)(void), (func)))
#define _PyCFunctionWithKeywords_CAST(func) \
    _Py_CAST(PyCFunctionWithKeywords, _Py_CAST(void (*)(void), (func)))

struct PyMethodDef {
    const char *ml_name;        /* Python-visible name */
    PyCFunction ml_meth;        /* implementation, cast to PyCFunction */
    int ml_flags;               /* METH_* calling convention and binding */
    const char *ml_doc;         /* __doc__, or NULL */
};

/* Calling conventions */
#define METH_VARARGS 0x0001
#define METH_KEYWORDS 0x0002
#define METH_NOARGS 0x0004
#define METH_O 0x0008
/* Binding (only for methods of types) */
#define METH_CLASS 0x0010
#define METH_STATIC 0x0020
/* Replace an existing slot wrapper of the same name */
#define METH_COEXIST 0x0040
#define METH_FASTCALL 0x0080
#define METH_STACKLESS 0x0000
/* Receives the defining class (PyCMethod); with FASTCALL|KEYWORDS */
#define METH_METHOD 0x0200

PyAPI_FUNC(PyCFunction) PyCFunction_GetFunction(PyObject *op);
PyAPI_FUNC(PyObject *) PyCFunction_GetSelf(PyObject *op);
PyAPI_FUNC(int) PyCFunction_GetFlags(PyObject *op);

/* A builtin function's memory, CPython 3.14's layout: the layer fills it
 * when the function crosses into C. */
typedef struct {
    PyObject_HEAD
    PyMethodDef *m_ml;
    PyObject *m_self;
    PyObject *m_module;
    PyObject *m_weakreflist;
    vectorcallfunc vectorcall;
} PyCFunctionObject;

/* A builtin function that receives its defining class (METH_METHOD). */
typedef struct {
    PyCFunctionObject func;
    PyTypeObject *mm_class;
} PyCMethodObject;

#define _PyCFunctionObject_CAST(func) ((PyCFunctionObject *)(func))
#define _PyCMethodObject_CAST(func) ((PyCMethodObject *)(func))

/* The accessors go through the functions, which know the interpreter's
 * own builtins (no C definition) from the functions C made. */
#define PyCFunction_GET_FUNCTION(func) \
    PyCFunction_GetFunction(_PyObject_CAST(func))
#define PyCFunction_GET_SELF(func) PyCFunction_GetSelf(_PyObject_CAST(func))
#define PyCFunction_GET_FLAGS(func) PyCFunction_GetFlags(_PyObject_CAST(func))

/* RustPython has one type for every builtin function: a METH_METHOD one
 * is told by its flags (CPython gives exactly those PyCMethod_Type). */
PyAPI_DATA(PyTypeObject) PyCMethod_Type;
#define PyCMethod_Check(op) \
    (PyCFunction_Check(op) && (PyCFunction_GET_FLAGS(op) & METH_METHOD))
#define PyCMethod_CheckExact(op) PyCMethod_Check(op)
/* The defining class of a METH_METHOD function, NULL for any other. */
#define PyCFunction_GET_CLASS(func) \
    ((PyCFunction_GET_FLAGS(func) & METH_METHOD) \
         ? _PyCMethodObject_CAST(func)->mm_class : _Py_NULL)

PyAPI_FUNC(PyObject *) PyCFunction_New(PyMethodDef *ml, PyObject *self);
PyAPI_FUNC(PyObject *) PyCFunction_NewEx(PyMethodDef *ml, PyObject *self,
                                         PyObject *module);
PyAPI_FUNC(PyObject *) PyCMethod_New(PyMethodDef *ml, PyObject *self,
                                     PyObject *module, PyTypeObject *cls);

#ifdef __cplusplus
}
#endif
#endif /* !Py_METHODOBJECT_H */
