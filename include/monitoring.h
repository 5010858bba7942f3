/* PEP 669 monitoring from C (sys.monitoring), over RustPython's own
 * sys.monitoring: a C event reaches the callbacks registered with
 * sys.monitoring.register_callback by the tools whose global events
 * (sys.monitoring.set_events) include it, as in CPython.  Event numbers are
 * CPython 3.14's, which RustPython uses. */
#ifndef Py_MONITORING_H
#define Py_MONITORING_H
#ifdef __cplusplus
extern "C" {
#endif

/* Local events (instrumented in bytecode). */
#define PY_MONITORING_EVENT_PY_START 0
#define PY_MONITORING_EVENT_PY_RESUME 1
#define PY_MONITORING_EVENT_PY_RETURN 2
#define PY_MONITORING_EVENT_PY_YIELD 3
#define PY_MONITORING_EVENT_CALL 4
#define PY_MONITORING_EVENT_LINE 5
#define PY_MONITORING_EVENT_INSTRUCTION 6
#define PY_MONITORING_EVENT_JUMP 7
#define PY_MONITORING_EVENT_BRANCH_LEFT 8
#define PY_MONITORING_EVENT_BRANCH_RIGHT 9
#define PY_MONITORING_EVENT_STOP_ITERATION 10

#define PY_MONITORING_IS_INSTRUMENTED_EVENT(ev) \
    ((ev) < _PY_MONITORING_LOCAL_EVENTS)

/* Other events, mainly exceptions. */
#define PY_MONITORING_EVENT_RAISE 11
#define PY_MONITORING_EVENT_EXCEPTION_HANDLED 12
#define PY_MONITORING_EVENT_PY_UNWIND 13
#define PY_MONITORING_EVENT_PY_THROW 14
#define PY_MONITORING_EVENT_RERAISE 15

/* Ancillary events. */
#define PY_MONITORING_EVENT_C_RETURN 16
#define PY_MONITORING_EVENT_C_RAISE 17
#define PY_MONITORING_EVENT_BRANCH 18

/* active: the tools (one bit each) that want the event. */
typedef struct _PyMonitoringState {
    uint8_t active;
    uint8_t opaque;
} PyMonitoringState;

/* Fills state_array[i].active with the tools that want event_types[i]
 * now; *version says when the states were last filled. */
PyAPI_FUNC(int) PyMonitoring_EnterScope(PyMonitoringState *state_array,
                                        uint64_t *version,
                                        const uint8_t *event_types,
                                        Py_ssize_t length);
PyAPI_FUNC(int) PyMonitoring_ExitScope(void);

PyAPI_FUNC(int) _PyMonitoring_FirePyStartEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset);
PyAPI_FUNC(int) _PyMonitoring_FirePyResumeEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset);
PyAPI_FUNC(int) _PyMonitoring_FirePyReturnEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *retval);
PyAPI_FUNC(int) _PyMonitoring_FirePyYieldEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *retval);
PyAPI_FUNC(int) _PyMonitoring_FireCallEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *callable, PyObject *arg0);
PyAPI_FUNC(int) _PyMonitoring_FireLineEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, int lineno);
PyAPI_FUNC(int) _PyMonitoring_FireJumpEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *target_offset);
/* Deprecated in 3.14: fires BRANCH_RIGHT. */
PyAPI_FUNC(int) _PyMonitoring_FireBranchEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *target_offset);
PyAPI_FUNC(int) _PyMonitoring_FireBranchLeftEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *target_offset);
PyAPI_FUNC(int) _PyMonitoring_FireBranchRightEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *target_offset);
PyAPI_FUNC(int) _PyMonitoring_FireCReturnEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *retval);
PyAPI_FUNC(int) _PyMonitoring_FirePyThrowEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset);
PyAPI_FUNC(int) _PyMonitoring_FireRaiseEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset);
PyAPI_FUNC(int) _PyMonitoring_FireReraiseEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset);
PyAPI_FUNC(int) _PyMonitoring_FireExceptionHandledEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset);
PyAPI_FUNC(int) _PyMonitoring_FireCRaiseEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset);
PyAPI_FUNC(int) _PyMonitoring_FirePyUnwindEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset);
PyAPI_FUNC(int) _PyMonitoring_FireStopIterationEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *value);

/* The tools see the event only when one wants it. */
static inline int PyMonitoring_FirePyStartEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset)
{
    return state->active ? _PyMonitoring_FirePyStartEvent(state, codelike, offset) : 0;
}

static inline int PyMonitoring_FirePyResumeEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset)
{
    return state->active ? _PyMonitoring_FirePyResumeEvent(state, codelike, offset) : 0;
}

static inline int PyMonitoring_FirePyReturnEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *retval)
{
    return state->active ? _PyMonitoring_FirePyReturnEvent(state, codelike, offset, retval) : 0;
}

static inline int PyMonitoring_FirePyYieldEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *retval)
{
    return state->active ? _PyMonitoring_FirePyYieldEvent(state, codelike, offset, retval) : 0;
}

static inline int PyMonitoring_FireCallEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *callable, PyObject *arg0)
{
    return state->active ? _PyMonitoring_FireCallEvent(state, codelike, offset, callable, arg0) : 0;
}

static inline int PyMonitoring_FireLineEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, int lineno)
{
    return state->active ? _PyMonitoring_FireLineEvent(state, codelike, offset, lineno) : 0;
}

static inline int PyMonitoring_FireJumpEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *target_offset)
{
    return state->active ? _PyMonitoring_FireJumpEvent(state, codelike, offset, target_offset) : 0;
}

static inline int PyMonitoring_FireBranchEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *target_offset)
{
    return state->active ? _PyMonitoring_FireBranchEvent(state, codelike, offset, target_offset) : 0;
}

static inline int PyMonitoring_FireBranchLeftEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *target_offset)
{
    return state->active ? _PyMonitoring_FireBranchLeftEvent(state, codelike, offset, target_offset) : 0;
}

static inline int PyMonitoring_FireBranchRightEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *target_offset)
{
    return state->active ? _PyMonitoring_FireBranchRightEvent(state, codelike, offset, target_offset) : 0;
}

static inline int PyMonitoring_FireCReturnEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *retval)
{
    return state->active ? _PyMonitoring_FireCReturnEvent(state, codelike, offset, retval) : 0;
}

static inline int PyMonitoring_FirePyThrowEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset)
{
    return state->active ? _PyMonitoring_FirePyThrowEvent(state, codelike, offset) : 0;
}

static inline int PyMonitoring_FireRaiseEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset)
{
    return state->active ? _PyMonitoring_FireRaiseEvent(state, codelike, offset) : 0;
}

static inline int PyMonitoring_FireReraiseEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset)
{
    return state->active ? _PyMonitoring_FireReraiseEvent(state, codelike, offset) : 0;
}

static inline int PyMonitoring_FireExceptionHandledEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset)
{
    return state->active ? _PyMonitoring_FireExceptionHandledEvent(state, codelike, offset) : 0;
}

static inline int PyMonitoring_FireCRaiseEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset)
{
    return state->active ? _PyMonitoring_FireCRaiseEvent(state, codelike, offset) : 0;
}

static inline int PyMonitoring_FirePyUnwindEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset)
{
    return state->active ? _PyMonitoring_FirePyUnwindEvent(state, codelike, offset) : 0;
}

static inline int PyMonitoring_FireStopIterationEvent(PyMonitoringState *state, PyObject *codelike, int32_t offset, PyObject *value)
{
    return state->active ? _PyMonitoring_FireStopIterationEvent(state, codelike, offset, value) : 0;
}

#ifdef __cplusplus
}
#endif
#endif /* !Py_MONITORING_H */
