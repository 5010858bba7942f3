/* Code objects (opaque here). */
#ifndef Py_CODE_H
#define Py_CODE_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyCode_Type;

#define PyCode_Check(op) Py_IS_TYPE((op), &PyCode_Type)

/* co_flags bits */
#define CO_OPTIMIZED 0x0001
#define CO_NEWLOCALS 0x0002
#define CO_VARARGS 0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED 0x0010
#define CO_GENERATOR 0x0020
#define CO_COROUTINE 0x0080
#define CO_ITERABLE_COROUTINE 0x0100
#define CO_ASYNC_GENERATOR 0x0200

PyAPI_FUNC(PyCodeObject *) PyCode_NewEmpty(const char *filename,
                                           const char *funcname,
                                           int firstlineno);
PyAPI_FUNC(PyCodeObject *) PyUnstable_Code_New(
    int argcount, int kwonlyargcount, int nlocals, int stacksize, int flags,
    PyObject *code, PyObject *consts, PyObject *names, PyObject *varnames,
    PyObject *freevars, PyObject *cellvars, PyObject *filename,
    PyObject *name, PyObject *qualname, int firstlineno,
    PyObject *linetable, PyObject *exceptiontable);
PyAPI_FUNC(PyCodeObject *) PyUnstable_Code_NewWithPosOnlyArgs(
    int argcount, int posonlyargcount, int kwonlyargcount, int nlocals,
    int stacksize, int flags, PyObject *code, PyObject *consts,
    PyObject *names, PyObject *varnames, PyObject *freevars,
    PyObject *cellvars, PyObject *filename, PyObject *name,
    PyObject *qualname, int firstlineno, PyObject *linetable,
    PyObject *exceptiontable);
PyAPI_FUNC(int) PyCode_Addr2Line(PyCodeObject *co, int byte_offset);

#ifdef __cplusplus
}
#endif
#endif /* !Py_CODE_H */
