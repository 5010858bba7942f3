/* Thread and interpreter state.  Both structures are opaque here. */
#ifndef Py_PYSTATE_H
#define Py_PYSTATE_H
#ifdef __cplusplus
extern "C" {
#endif

#define MAX_CO_EXTRA_USERS 255

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

#ifdef __cplusplus
}
#endif
#endif /* !Py_PYSTATE_H */
