/* Interfaces to the evaluation loop: globals of the running frame,
 * recursion guards and releasing the GIL. */
#ifndef Py_CEVAL_H
#define Py_CEVAL_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(PyObject *) PyEval_EvalCode(PyObject *co, PyObject *globals,
                                       PyObject *locals);
/* Calls a function made of `co` with these globals, defaults, keyword
 * defaults and closure, with the positional arguments and the keyword
 * (name, value) pairs; `locals` is for code without CO_NEWLOCALS. */
PyAPI_FUNC(PyObject *) PyEval_EvalCodeEx(PyObject *co, PyObject *globals,
                                         PyObject *locals,
                                         PyObject *const *args, int argc,
                                         PyObject *const *kwds, int kwdc,
                                         PyObject *const *defs, int defc,
                                         PyObject *kwdefs, PyObject *closure);
/* Running a frame object: RustPython runs frames only inside its own
 * calls. */
PyAPI_FUNC(PyObject *) PyEval_EvalFrame(PyFrameObject *f);
PyAPI_FUNC(PyObject *) PyEval_EvalFrameEx(PyFrameObject *f, int exc);

/* Borrowed references to the current frame's namespaces. */
PyAPI_FUNC(PyObject *) PyEval_GetBuiltins(void);
PyAPI_FUNC(PyObject *) PyEval_GetGlobals(void);
PyAPI_FUNC(PyObject *) PyEval_GetLocals(void);
PyAPI_FUNC(PyFrameObject *) PyEval_GetFrame(void);
/* New references (3.13). */
PyAPI_FUNC(PyObject *) PyEval_GetFrameBuiltins(void);
PyAPI_FUNC(PyObject *) PyEval_GetFrameGlobals(void);
PyAPI_FUNC(PyObject *) PyEval_GetFrameLocals(void);

PyAPI_FUNC(const char *) PyEval_GetFuncName(PyObject *func);
PyAPI_FUNC(const char *) PyEval_GetFuncDesc(PyObject *func);

PyAPI_FUNC(int) Py_AddPendingCall(int (*func)(void *), void *arg);
PyAPI_FUNC(int) Py_MakePendingCalls(void);

PyAPI_FUNC(void) Py_SetRecursionLimit(int new_limit);
PyAPI_FUNC(int) Py_GetRecursionLimit(void);

/* Functions here, not macros. */
PyAPI_FUNC(int) Py_EnterRecursiveCall(const char *where);
PyAPI_FUNC(void) Py_LeaveRecursiveCall(void);

/* The GIL */
PyAPI_FUNC(PyThreadState *) PyEval_SaveThread(void);
PyAPI_FUNC(void) PyEval_RestoreThread(PyThreadState *tstate);
PyAPI_FUNC(void) PyEval_AcquireThread(PyThreadState *tstate);
PyAPI_FUNC(void) PyEval_ReleaseThread(PyThreadState *tstate);
PyAPI_FUNC(int) PyEval_ThreadsInitialized(void);
PyAPI_FUNC(void) PyEval_InitThreads(void);

#define Py_BEGIN_ALLOW_THREADS { \
    PyThreadState *_save; \
    _save = PyEval_SaveThread();
#define Py_BLOCK_THREADS PyEval_RestoreThread(_save);
#define Py_UNBLOCK_THREADS _save = PyEval_SaveThread();
#define Py_END_ALLOW_THREADS PyEval_RestoreThread(_save); \
    }

/* The conversion and format-spec bits of the FORMAT_VALUE instruction. */
#define FVC_MASK 0x3
#define FVC_NONE 0x0
#define FVC_STR 0x1
#define FVC_REPR 0x2
#define FVC_ASCII 0x3
#define FVS_MASK 0x4
#define FVS_HAVE_SPEC 0x4

/* C trace and profile functions, over sys.settrace and sys.setprofile
 * (threading.settrace_all_threads and setprofile_all_threads for the
 * AllThreads forms); NULL removes them. */
PyAPI_FUNC(void) PyEval_SetProfile(Py_tracefunc func, PyObject *obj);
PyAPI_FUNC(void) PyEval_SetProfileAllThreads(Py_tracefunc func, PyObject *obj);
PyAPI_FUNC(void) PyEval_SetTrace(Py_tracefunc func, PyObject *obj);
PyAPI_FUNC(void) PyEval_SetTraceAllThreads(Py_tracefunc func, PyObject *obj);

/* Adds the __future__ flags of the running code to cf; 1 if any flag is
 * set. */
PyAPI_FUNC(int) PyEval_MergeCompilerFlags(PyCompilerFlags *cf);

/* PEP 523 frame evaluation: RustPython's evaluation loop is its own. */
struct _PyInterpreterFrame;
PyAPI_FUNC(PyObject *) _PyEval_EvalFrameDefault(PyThreadState *tstate,
                                                struct _PyInterpreterFrame *f,
                                                int exc);

/* An index for PyUnstable_Code_GetExtra/SetExtra; `free` (may be NULL)
 * releases a code object's data when the code object goes; -1 when all
 * indexes are taken. */
PyAPI_FUNC(Py_ssize_t) PyUnstable_Eval_RequestCodeExtraIndex(freefunc free);
static inline Py_ssize_t _PyEval_RequestCodeExtraIndex(freefunc free) {
    return PyUnstable_Eval_RequestCodeExtraIndex(free);
}

/* A slice index: None leaves *pi alone (the NotNone form refuses it),
 * __index__ values are clipped to Py_ssize_t; 1 on success, 0 with
 * TypeError or the __index__ error. */
PyAPI_FUNC(int) _PyEval_SliceIndex(PyObject *v, Py_ssize_t *pi);
PyAPI_FUNC(int) _PyEval_SliceIndexNotNone(PyObject *v, Py_ssize_t *pi);

#ifdef __cplusplus
}
#endif
#endif /* !Py_CEVAL_H */
