/* Thread and interpreter state.  The interpreter state is opaque; of the
 * thread state, the public prefix of CPython 3.14's struct _ts is declared
 * (code reading further fields fails to compile rather than read past it). */
#ifndef Py_PYSTATE_H
#define Py_PYSTATE_H
#ifdef __cplusplus
extern "C" {
#endif

#define MAX_CO_EXTRA_USERS 255

/* A trace or profile function (sys.settrace/setprofile from C): -1 with an
 * exception set, or 0. */
typedef int (*Py_tracefunc)(PyObject *, PyFrameObject *, int, PyObject *);

/* Its `what` argument. */
#define PyTrace_CALL 0
#define PyTrace_EXCEPTION 1
#define PyTrace_LINE 2
#define PyTrace_RETURN 3
#define PyTrace_C_CALL 4
#define PyTrace_C_EXCEPTION 5
#define PyTrace_C_RETURN 6
#define PyTrace_OPCODE 7

/* CPython's exception-state stack entry and frame data-stack chunk, for
 * code that names the types; the layer's thread state holds neither (the
 * VM keeps its own). */
typedef struct _err_stackitem {
    PyObject *exc_value;
    struct _err_stackitem *previous_item;
} _PyErr_StackItem;

typedef struct _stack_chunk {
    struct _stack_chunk *previous;
    size_t size;
    size_t top;
    PyObject *data[1];
} _PyStackChunk;

struct _ts {
    PyThreadState *prev;
    PyThreadState *next;
    PyInterpreterState *interp;
    uintptr_t eval_breaker;
    struct {
        unsigned int initialized:1;
        unsigned int bound:1;
        unsigned int unbound:1;
        unsigned int bound_gilstate:1;
        unsigned int active:1;
        unsigned int finalizing:1;
        unsigned int cleared:1;
        unsigned int finalized:1;
        unsigned int :24;
    } _status;
};

PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_New(void);
PyAPI_FUNC(void) PyInterpreterState_Clear(PyInterpreterState *interp);
PyAPI_FUNC(void) PyInterpreterState_Delete(PyInterpreterState *interp);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Get(void);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Main(void);
PyAPI_FUNC(int64_t) PyInterpreterState_GetID(PyInterpreterState *interp);
PyAPI_FUNC(PyObject *) PyInterpreterState_GetDict(PyInterpreterState *interp);

/* The interpreters, first to last: there is one, the main interpreter. */
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Head(void);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Next(PyInterpreterState *interp);
PyAPI_FUNC(PyThreadState *) PyInterpreterState_ThreadHead(PyInterpreterState *interp);
PyAPI_FUNC(PyThreadState *) PyThreadState_Next(PyThreadState *tstate);

PyAPI_FUNC(int) _PyInterpreterState_RequiresIDRef(PyInterpreterState *interp);
PyAPI_FUNC(void) _PyInterpreterState_RequireIDRef(PyInterpreterState *interp, int required);
PyAPI_FUNC(PyObject *) PyUnstable_InterpreterState_GetMainModule(PyInterpreterState *interp);

/* Frame evaluation: RustPython's eval loop cannot be replaced. */
struct _PyInterpreterFrame;
typedef PyObject *(*_PyFrameEvalFunction)(PyThreadState *tstate,
                                          struct _PyInterpreterFrame *frame,
                                          int throwflag)
    Py_CPYEXT_MISSING("_PyFrameEvalFunction: RustPython's eval loop cannot be replaced from C");
PyAPI_FUNC(void *) _PyInterpreterState_GetEvalFrameFunc(PyInterpreterState *interp);
PyAPI_FUNC(void) _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState *interp, void *eval_frame);

/* Removed from CPython 3.14, whose C-API this is. */
Py_CPYEXT_MISSING("Py_C_RECURSION_LIMIT was removed in CPython 3.14, whose C-API cpyext provides")
extern int _Py_CPYEXT_C_RECURSION_LIMIT_REMOVED;
#define Py_C_RECURSION_LIMIT _Py_CPYEXT_C_RECURSION_LIMIT_REMOVED

/* Per-interpreter module lookup for single-phase modules. */
PyAPI_FUNC(int) PyState_AddModule(PyObject *module, PyModuleDef *def);
PyAPI_FUNC(int) PyState_RemoveModule(PyModuleDef *def);
PyAPI_FUNC(PyObject *) PyState_FindModule(PyModuleDef *def);

PyAPI_FUNC(PyThreadState *) PyThreadState_New(PyInterpreterState *interp);
PyAPI_FUNC(void) PyThreadState_Clear(PyThreadState *tstate);
PyAPI_FUNC(void) PyThreadState_Delete(PyThreadState *tstate);
PyAPI_FUNC(PyThreadState *) PyThreadState_Get(void);
PyAPI_FUNC(PyThreadState *) PyThreadState_GetUnchecked(void);
/* The old name, kept by 3.14 as a deprecated alias. */
Py_DEPRECATED(3.14) static inline PyThreadState *
_PyThreadState_UncheckedGet(void)
{
    return PyThreadState_GetUnchecked();
}
PyAPI_FUNC(void) PyThreadState_DeleteCurrent(void);

/* Tracing and profiling off, then back on if a trace or profile function
 * is set; for the calling thread's own state. */
PyAPI_FUNC(void) PyThreadState_EnterTracing(PyThreadState *tstate);
PyAPI_FUNC(void) PyThreadState_LeaveTracing(PyThreadState *tstate);

/* sys._current_frames(): thread id -> its innermost frame. */
PyAPI_FUNC(PyObject *) _PyThread_CurrentFrames(void);
PyAPI_FUNC(PyThreadState *) PyThreadState_Swap(PyThreadState *tstate);
PyAPI_FUNC(PyObject *) PyThreadState_GetDict(void);
PyAPI_FUNC(int) PyThreadState_SetAsyncExc(unsigned long id, PyObject *exc);
PyAPI_FUNC(PyInterpreterState *) PyThreadState_GetInterpreter(
    PyThreadState *tstate);
PyAPI_FUNC(PyFrameObject *) PyThreadState_GetFrame(PyThreadState *tstate);
PyAPI_FUNC(uint64_t) PyThreadState_GetID(PyThreadState *tstate);

#define PyThreadState_GET() PyThreadState_Get()

/* Threads created outside Python */
typedef enum {
    PyGILState_LOCKED,
    PyGILState_UNLOCKED
} PyGILState_STATE;

PyAPI_FUNC(PyGILState_STATE) PyGILState_Ensure(void);
PyAPI_FUNC(void) PyGILState_Release(PyGILState_STATE state);
PyAPI_FUNC(PyThreadState *) PyGILState_GetThisThreadState(void);
PyAPI_FUNC(int) PyGILState_Check(void);

#ifdef __cplusplus
}
#endif
#endif /* !Py_PYSTATE_H */
