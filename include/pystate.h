/* Thread and interpreter state.  The interpreter state is opaque; of the
 * thread state, the public prefix of CPython 3.14's struct _ts is declared
 * (code reading further fields fails to compile rather than read past it). */
#ifndef Py_PYSTATE_H
#define Py_PYSTATE_H
#ifdef __cplusplus
extern "C" {
#endif

#define MAX_CO_EXTRA_USERS 255

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

PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Get(void);
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_Main(void);
PyAPI_FUNC(int64_t) PyInterpreterState_GetID(PyInterpreterState *interp);
PyAPI_FUNC(PyObject *) PyInterpreterState_GetDict(PyInterpreterState *interp);

/* Per-interpreter module lookup for single-phase modules. */
PyAPI_FUNC(int) PyState_AddModule(PyObject *module, PyModuleDef *def);
PyAPI_FUNC(int) PyState_RemoveModule(PyModuleDef *def);
PyAPI_FUNC(PyObject *) PyState_FindModule(PyModuleDef *def);

PyAPI_FUNC(PyThreadState *) PyThreadState_New(PyInterpreterState *interp);
PyAPI_FUNC(void) PyThreadState_Clear(PyThreadState *tstate);
PyAPI_FUNC(void) PyThreadState_Delete(PyThreadState *tstate);
PyAPI_FUNC(PyThreadState *) PyThreadState_Get(void);
PyAPI_FUNC(PyThreadState *) PyThreadState_GetUnchecked(void);
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

/* A C trace or profile function (PyEval_SetTrace/SetProfile, in ceval.h):
 * called with its object, the frame, what happened and that event's
 * argument, as sys.settrace's functions are; nonzero is an error. */
typedef int (*Py_tracefunc)(PyObject *obj, PyFrameObject *frame, int what,
                            PyObject *arg);

#define PyTrace_CALL 0
#define PyTrace_EXCEPTION 1
#define PyTrace_LINE 2
#define PyTrace_RETURN 3
#define PyTrace_C_CALL 4
#define PyTrace_C_EXCEPTION 5
#define PyTrace_C_RETURN 6
#define PyTrace_OPCODE 7

#ifdef __cplusplus
}
#endif
#endif /* !Py_PYSTATE_H */
