/* Code objects: RustPython's own, read through their Python attributes.
 * PyCodeObject stays opaque: a VM code object has no CPython memory, so
 * the inline accessors CPython writes over its fields are functions here. */
#ifndef Py_CODE_H
#define Py_CODE_H
#ifdef __cplusplus
extern "C" {
#endif

/* How many monitoring events there are (CPython 3.14's numbering, the one
 * RustPython's sys.monitoring uses; see monitoring.h). */
#define _PY_MONITORING_LOCAL_EVENTS 11
#define _PY_MONITORING_UNGROUPED_EVENTS 16
#define _PY_MONITORING_EVENTS 19

/* Which tools want each event: one bit per tool. */
typedef struct _Py_LocalMonitors {
    uint8_t tools[_PY_MONITORING_LOCAL_EVENTS];
} _Py_LocalMonitors;

typedef struct _Py_GlobalMonitors {
    uint8_t tools[_PY_MONITORING_UNGROUPED_EVENTS];
} _Py_GlobalMonitors;

/* The parts of CPython's code object memory: none exists here. */
typedef Py_CPYEXT_MISSING("code objects are RustPython's: they have no CPython memory (use PyCode_GetCode and friends)")
    struct _PyCoCached _PyCoCached;
typedef Py_CPYEXT_MISSING("code objects are RustPython's: RustPython instruments its own bytecode for sys.monitoring")
    struct _PyCoLineInstrumentationData _PyCoLineInstrumentationData;
typedef Py_CPYEXT_MISSING("code objects are RustPython's: RustPython has no tier-2 optimizer and no executors")
    struct _PyExecutorArray _PyExecutorArray;
typedef Py_CPYEXT_MISSING("code objects are RustPython's: RustPython instruments its own bytecode for sys.monitoring")
    struct _PyCoMonitoringData _PyCoMonitoringData;
/* Incomplete: RustPython has no tier-2 optimizer and no executors. */
struct _PyExecutorObject;
typedef Py_CPYEXT_MISSING("code objects are RustPython's: they have no CPython memory layout")
    int _PyCpyext_NoCodeLayout;
/* A struct body with CPython's code object fields cannot exist here. */
#define _PyCode_DEF(SIZE) { _PyCpyext_NoCodeLayout _unavailable[(SIZE)]; }

PyAPI_DATA(PyTypeObject) PyCode_Type;

#define PyCode_Check(op) Py_IS_TYPE((op), &PyCode_Type)

/* co_flags bits (RustPython's code objects use the same bits). */
#define CO_OPTIMIZED 0x0001
#define CO_NEWLOCALS 0x0002
#define CO_VARARGS 0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED 0x0010
#define CO_GENERATOR 0x0020
#define CO_COROUTINE 0x0080
#define CO_ITERABLE_COROUTINE 0x0100
#define CO_ASYNC_GENERATOR 0x0200
#define CO_HAS_DOCSTRING 0x4000000
#define CO_METHOD 0x8000000

/* __future__ features, in co_flags and in PyCompilerFlags.cf_flags. */
#define CO_FUTURE_DIVISION 0x20000
#define CO_FUTURE_ABSOLUTE_IMPORT 0x40000
#define CO_FUTURE_WITH_STATEMENT 0x80000
#define CO_FUTURE_PRINT_FUNCTION 0x100000
#define CO_FUTURE_UNICODE_LITERALS 0x200000
#define CO_FUTURE_BARRY_AS_BDFL 0x400000
#define CO_FUTURE_GENERATOR_STOP 0x800000
#define CO_FUTURE_ANNOTATIONS 0x1000000
#define CO_NO_MONITORING_EVENTS 0x2000000

/* Defined when the parser needs a __future__ import for a keyword. */
#define PY_PARSER_REQUIRES_FUTURE_KEYWORD

#define CO_MAXBLOCKS 21

/* Free variables: how many, and where they start among the locals
 * (co_varnames and co_cellvars, a cell argument counted once). */
PyAPI_FUNC(Py_ssize_t) PyCode_GetNumFree(PyCodeObject *op);
PyAPI_FUNC(int) PyUnstable_Code_GetFirstFree(PyCodeObject *op);
Py_DEPRECATED(3.13) static inline int PyCode_GetFirstFree(PyCodeObject *op) {
    return PyUnstable_Code_GetFirstFree(op);
}

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

/* The old names of the two above (co_code is RustPython's bytecode). */
static inline PyCodeObject *PyCode_New(
    int argcount, int kwonlyargcount, int nlocals, int stacksize, int flags,
    PyObject *code, PyObject *consts, PyObject *names, PyObject *varnames,
    PyObject *freevars, PyObject *cellvars, PyObject *filename,
    PyObject *name, PyObject *qualname, int firstlineno,
    PyObject *linetable, PyObject *exceptiontable)
{
    return PyUnstable_Code_New(argcount, kwonlyargcount, nlocals, stacksize,
                               flags, code, consts, names, varnames, freevars,
                               cellvars, filename, name, qualname, firstlineno,
                               linetable, exceptiontable);
}

static inline PyCodeObject *PyCode_NewWithPosOnlyArgs(
    int argcount, int posonlyargcount, int kwonlyargcount, int nlocals,
    int stacksize, int flags, PyObject *code, PyObject *consts,
    PyObject *names, PyObject *varnames, PyObject *freevars,
    PyObject *cellvars, PyObject *filename, PyObject *name,
    PyObject *qualname, int firstlineno, PyObject *linetable,
    PyObject *exceptiontable)
{
    return PyUnstable_Code_NewWithPosOnlyArgs(
        argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags,
        code, consts, names, varnames, freevars, cellvars, filename, name,
        qualname, firstlineno, linetable, exceptiontable);
}

/* Line and position of the instruction at a byte offset (co_lines(),
 * co_positions()); a negative offset gives co_firstlineno. */
PyAPI_FUNC(int) PyCode_Addr2Line(PyCodeObject *co, int byte_offset);
PyAPI_FUNC(int) PyCode_Addr2Location(PyCodeObject *co, int byte_offset,
                                     int *start_line, int *start_column,
                                     int *end_line, int *end_column);

/* Code object watchers. */
#define PY_FOREACH_CODE_EVENT(V) \
    V(CREATE)                    \
    V(DESTROY)

typedef enum {
    PY_CODE_EVENT_CREATE,
    PY_CODE_EVENT_DESTROY
} PyCodeEvent;

typedef int (*PyCode_WatchCallback)(PyCodeEvent event, PyCodeObject *co);

PyAPI_FUNC(int) PyCode_AddWatcher(PyCode_WatchCallback callback);
PyAPI_FUNC(int) PyCode_ClearWatcher(int watcher_id);

/* CPython's walk over its co_linetable encoding: RustPython's line table
 * is its own. */
struct _opaque;                 /* incomplete: no line table walks here */
typedef Py_CPYEXT_MISSING("co_linetable is RustPython's encoding, not CPython's (use PyCode_Addr2Line)")
    struct _line_offsets PyCodeAddressRange;
PyAPI_FUNC(int) _PyCode_CheckLineNumber(int lasti, struct _line_offsets *bounds);

/* The key the compiler deduplicates constants by. */
PyAPI_FUNC(PyObject *) _PyCode_ConstantKey(PyObject *obj);

/* Returns `code` unchanged (as CPython has since 3.8). */
PyAPI_FUNC(PyObject *) PyCode_Optimize(PyObject *code, PyObject *consts,
                                       PyObject *names, PyObject *lnotab);

/* Per-code-object data of C tools (indexes from
 * PyUnstable_Eval_RequestCodeExtraIndex, in ceval.h). */
PyAPI_FUNC(int) PyUnstable_Code_GetExtra(PyObject *code, Py_ssize_t index,
                                         void **extra);
PyAPI_FUNC(int) PyUnstable_Code_SetExtra(PyObject *code, Py_ssize_t index,
                                         void *extra);
static inline int _PyCode_GetExtra(PyObject *code, Py_ssize_t index,
                                   void **extra) {
    return PyUnstable_Code_GetExtra(code, index, extra);
}
static inline int _PyCode_SetExtra(PyObject *code, Py_ssize_t index,
                                   void *extra) {
    return PyUnstable_Code_SetExtra(code, index, extra);
}

/* New references to co_code, co_varnames, co_cellvars, co_freevars. */
PyAPI_FUNC(PyObject *) PyCode_GetCode(PyCodeObject *code);
PyAPI_FUNC(PyObject *) PyCode_GetVarnames(PyCodeObject *code);
PyAPI_FUNC(PyObject *) PyCode_GetCellvars(PyCodeObject *code);
PyAPI_FUNC(PyObject *) PyCode_GetFreevars(PyCodeObject *code);

/* The entry kinds of CPython's co_linetable format (PEP 657). */
typedef enum _PyCodeLocationInfoKind {
    PY_CODE_LOCATION_INFO_SHORT0 = 0,
    PY_CODE_LOCATION_INFO_ONE_LINE0 = 10,
    PY_CODE_LOCATION_INFO_ONE_LINE1 = 11,
    PY_CODE_LOCATION_INFO_ONE_LINE2 = 12,
    PY_CODE_LOCATION_INFO_NO_COLUMNS = 13,
    PY_CODE_LOCATION_INFO_LONG = 14,
    PY_CODE_LOCATION_INFO_NONE = 15
} _PyCodeLocationInfoKind;

#ifdef __cplusplus
}
#endif
#endif /* !Py_CODE_H */
