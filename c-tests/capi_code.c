/* capi_code: code objects (code.h), evaluation (ceval.h: PyEval_EvalCodeEx,
 * trace and profile functions, slice indexes, compiler flags), frames
 * (pyframe.h, frameobject.h), generators (genobject.h), PEP 669 events
 * fired from C (monitoring.h), critical sections and PyMutex's inline fast
 * path, as C sees them. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>

#if PY_VERSION_HEX >= 0x030C0000
#  define REQUEST_EXTRA PyUnstable_Eval_RequestCodeExtraIndex
#  define GET_EXTRA PyUnstable_Code_GetExtra
#  define SET_EXTRA PyUnstable_Code_SetExtra
#else
#  define REQUEST_EXTRA _PyEval_RequestCodeExtraIndex
#  define GET_EXTRA _PyCode_GetExtra
#  define SET_EXTRA _PyCode_SetExtra
#endif

static PyObject *
code_arg(PyObject *obj)
{
    if (!PyCode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "a code object is required");
        return NULL;
    }
    return obj;
}

/* getters(code) -> (co_code, co_varnames, co_cellvars, co_freevars,
 * number of free variables, first free index or None before 3.13) */
static PyObject *
getters(PyObject *m, PyObject *arg)
{
    if (code_arg(arg) == NULL) {
        return NULL;
    }
    PyCodeObject *co = (PyCodeObject *)arg;
    PyObject *first_free;
#if PY_VERSION_HEX >= 0x030D0000
    first_free = PyLong_FromLong(PyUnstable_Code_GetFirstFree(co));
#else
    first_free = Py_NewRef(Py_None);
#endif
    return Py_BuildValue("(NNNNnN)", PyCode_GetCode(co), PyCode_GetVarnames(co),
                         PyCode_GetCellvars(co), PyCode_GetFreevars(co),
                         (Py_ssize_t)PyCode_GetNumFree(co), first_free);
}

/* getter_of_wrong_type(obj): PyCode_GetVarnames on what is not code */
static PyObject *
getter_of_wrong_type(PyObject *m, PyObject *arg)
{
    return PyCode_GetVarnames((PyCodeObject *)arg);
}

static PyObject *
addr2line(PyObject *m, PyObject *args)
{
    PyObject *co;
    int offset;
    if (!PyArg_ParseTuple(args, "Oi", &co, &offset) || code_arg(co) == NULL) {
        return NULL;
    }
    return PyLong_FromLong(PyCode_Addr2Line((PyCodeObject *)co, offset));
}

/* addr2location(code, offset) -> (result, start line, start column,
 * end line, end column) */
static PyObject *
addr2location(PyObject *m, PyObject *args)
{
    PyObject *co;
    int offset, sl = -7, sc = -7, el = -7, ec = -7;
    if (!PyArg_ParseTuple(args, "Oi", &co, &offset) || code_arg(co) == NULL) {
        return NULL;
    }
    int r = PyCode_Addr2Location((PyCodeObject *)co, offset, &sl, &sc, &el, &ec);
    return Py_BuildValue("(iiiii)", r, sl, sc, el, ec);
}

static PyObject *
optimize(PyObject *m, PyObject *co)
{
    return PyCode_Optimize(co, Py_None, Py_None, Py_None);
}

static PyObject *
constant_key(PyObject *m, PyObject *obj)
{
    return _PyCode_ConstantKey(obj);
}

/* ---- code extra ------------------------------------------------------ */

static Py_ssize_t extra_index = -1;
static int freed[4];            /* how often each tag was freed */
static int tags[4];             /* the data: pointers to these */

/* CPython also calls it for the NULL of a slot never set. */
static void
free_extra(void *p)
{
    if (p != NULL) {
        freed[(int *)p - tags]++;
    }
}

/* extra_index() -> the index this module requested (once) */
static PyObject *
get_extra_index(PyObject *m, PyObject *noargs)
{
    if (extra_index < 0) {
        extra_index = REQUEST_EXTRA(free_extra);
    }
    return PyLong_FromSsize_t(extra_index);
}

/* set_extra(code, index, tag): tag -1 is NULL */
static PyObject *
set_extra(PyObject *m, PyObject *args)
{
    PyObject *co;
    Py_ssize_t index;
    int tag;
    if (!PyArg_ParseTuple(args, "Oni", &co, &index, &tag)) {
        return NULL;
    }
    if (SET_EXTRA(co, index, tag < 0 ? NULL : &tags[tag]) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* get_extra(code, index) -> tag, -1 for NULL */
static PyObject *
get_extra(PyObject *m, PyObject *args)
{
    PyObject *co;
    Py_ssize_t index;
    void *p = &p;
    if (!PyArg_ParseTuple(args, "On", &co, &index)) {
        return NULL;
    }
    if (GET_EXTRA(co, index, &p) < 0) {
        return NULL;
    }
    return PyLong_FromLong(p == NULL ? -1 : (int)((int *)p - tags));
}

static PyObject *
freed_counts(PyObject *m, PyObject *noargs)
{
    return Py_BuildValue("(iiii)", freed[0], freed[1], freed[2], freed[3]);
}

/* ---- ceval ----------------------------------------------------------- */

/* eval_code_ex(code, globals, locals, args, kwargs, defaults, kwdefs,
 * closure): None for NULL locals/kwdefs/closure */
static PyObject *
eval_code_ex(PyObject *m, PyObject *a)
{
    PyObject *co, *globals, *locals, *args, *kwargs, *defs, *kwdefs, *closure;
    if (!PyArg_ParseTuple(a, "OOOO!O!O!OO", &co, &globals, &locals, &PyTuple_Type, &args,
                          &PyDict_Type, &kwargs, &PyTuple_Type, &defs, &kwdefs, &closure)) {
        return NULL;
    }
    Py_ssize_t nkw = PyDict_Size(kwargs);
    PyObject **kws = PyMem_Malloc(sizeof(PyObject *) * (2 * nkw + 1));
    if (kws == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t pos = 0, i = 0;
    PyObject *k, *v;
    while (PyDict_Next(kwargs, &pos, &k, &v)) {
        kws[i++] = k;
        kws[i++] = v;
    }
    PyObject *r = PyEval_EvalCodeEx(
        co, globals, locals == Py_None ? NULL : locals,
        &PyTuple_GET_ITEM(args, 0), (int)PyTuple_GET_SIZE(args), kws, (int)nkw,
        &PyTuple_GET_ITEM(defs, 0), (int)PyTuple_GET_SIZE(defs),
        kwdefs == Py_None ? NULL : kwdefs, closure == Py_None ? NULL : closure);
    PyMem_Free(kws);
    return r;
}

/* slice_index(v, not_none) -> the index, or "unchanged" when *pi was left
 * alone */
static PyObject *
slice_index(PyObject *m, PyObject *args)
{
    PyObject *v;
    int not_none;
    if (!PyArg_ParseTuple(args, "Op", &v, &not_none)) {
        return NULL;
    }
    Py_ssize_t i = 424242;
    int ok = not_none ? _PyEval_SliceIndexNotNone(v, &i) : _PyEval_SliceIndex(v, &i);
    if (!ok) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_AssertionError, "0 without an exception");
        }
        return NULL;
    }
    if (ok != 1) {
        PyErr_SetString(PyExc_AssertionError, "success is not 1");
        return NULL;
    }
    if (i == 424242) {
        return PyUnicode_FromString("unchanged");
    }
    return PyLong_FromSsize_t(i);
}

/* merge_flags(cf_flags) -> (result, cf_flags after) */
static PyObject *
merge_flags(PyObject *m, PyObject *arg)
{
    PyCompilerFlags cf = {0, PY_MINOR_VERSION};
    cf.cf_flags = (int)PyLong_AsLong(arg);
    if (PyErr_Occurred()) {
        return NULL;
    }
    int r = PyEval_MergeCompilerFlags(&cf);
    return Py_BuildValue("(ii)", r, cf.cf_flags);
}

/* The C trace function: appends (what, frame's code name, arg) to the
 * list it was given; raises once `fail_on` names the code. */
static PyObject *fail_on;

static int
record(PyObject *obj, PyFrameObject *frame, int what, PyObject *arg)
{
    if (!PyFrame_Check(frame)) {
        PyErr_SetString(PyExc_AssertionError, "not a frame");
        return -1;
    }
    PyCodeObject *code = PyFrame_GetCode(frame);
    PyObject *name = PyObject_GetAttrString((PyObject *)code, "co_name");
    Py_DECREF(code);
    if (name == NULL) {
        return -1;
    }
    if (fail_on != NULL && what == PyTrace_CALL &&
        PyUnicode_Compare(name, fail_on) == 0) {
        Py_DECREF(name);
        PyErr_SetString(PyExc_KeyError, "from the trace function");
        return -1;
    }
    PyObject *item = Py_BuildValue("(iNO)", what, name, arg == NULL ? Py_None : arg);
    if (item == NULL) {
        return -1;
    }
    int r = PyList_Append(obj, item);
    Py_DECREF(item);
    return r;
}

/* set_hook(kind, list or None, fail_on or None): kind is "profile",
 * "trace", "profile_all" or "trace_all" */
static PyObject *
set_hook(PyObject *m, PyObject *args)
{
    const char *kind;
    PyObject *list, *fail;
    if (!PyArg_ParseTuple(args, "sOO", &kind, &list, &fail)) {
        return NULL;
    }
    Py_CLEAR(fail_on);
    if (fail != Py_None) {
        fail_on = Py_NewRef(fail);
    }
    Py_tracefunc func = list == Py_None ? NULL : record;
    PyObject *obj = list == Py_None ? NULL : list;
    if (strcmp(kind, "profile") == 0) {
        PyEval_SetProfile(func, obj);
    }
    else if (strcmp(kind, "trace") == 0) {
        PyEval_SetTrace(func, obj);
    }
#if PY_VERSION_HEX >= 0x030C0000
    else if (strcmp(kind, "profile_all") == 0) {
        PyEval_SetProfileAllThreads(func, obj);
    }
    else if (strcmp(kind, "trace_all") == 0) {
        PyEval_SetTraceAllThreads(func, obj);
    }
#endif
    else {
        PyErr_SetString(PyExc_ValueError, kind);
        return NULL;
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* running_frame() -> (PyEval_GetFrame(), PyEval_GetGlobals(),
 * PyEval_GetLocals() twice, and on 3.13 PyEval_GetFrameGlobals(),
 * PyEval_GetFrameBuiltins(), PyEval_GetFrameLocals() twice), of the
 * Python code calling it */
#if defined(__GNUC__)
#  pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
static PyObject *
running_frame(PyObject *m, PyObject *noargs)
{
    PyObject *frame = (PyObject *)PyEval_GetFrame();
    PyObject *globals = PyEval_GetGlobals();
    PyObject *locals1 = PyEval_GetLocals();
    PyObject *locals2 = PyEval_GetLocals();
    if (frame == NULL || globals == NULL || locals1 == NULL || locals2 == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_AssertionError, "NULL from a running frame");
        }
        return NULL;
    }
#if PY_VERSION_HEX >= 0x030D0000
    return Py_BuildValue("(OOOONNNN)", frame, globals, locals1, locals2,
                         PyEval_GetFrameGlobals(), PyEval_GetFrameBuiltins(),
                         PyEval_GetFrameLocals(), PyEval_GetFrameLocals());
#else
    return Py_BuildValue("(OOOO)", frame, globals, locals1, locals2);
#endif
}

/* code_new(code) -> a code object made by PyCode_NewWithPosOnlyArgs from
 * code's own attributes */
static PyObject *
code_new(PyObject *m, PyObject *co)
{
    int argcount, posonly, kwonly, nlocals, stacksize, flags, firstlineno;
    PyObject *code = NULL, *consts = NULL, *names = NULL, *varnames = NULL, *freevars = NULL,
             *cellvars = NULL, *filename = NULL, *name = NULL, *qualname = NULL,
             *linetable = NULL, *exctable = NULL, *r = NULL;
    PyObject *ints = PyObject_CallMethod(
        m, "_code_ints", "O", co);
    if (ints == NULL || !PyArg_ParseTuple(ints, "iiiiiii", &argcount, &posonly, &kwonly,
                                          &nlocals, &stacksize, &flags, &firstlineno)) {
        Py_XDECREF(ints);
        return NULL;
    }
    Py_DECREF(ints);
    if ((code = PyObject_GetAttrString(co, "co_code")) == NULL ||
        (consts = PyObject_GetAttrString(co, "co_consts")) == NULL ||
        (names = PyObject_GetAttrString(co, "co_names")) == NULL ||
        (varnames = PyObject_GetAttrString(co, "co_varnames")) == NULL ||
        (freevars = PyObject_GetAttrString(co, "co_freevars")) == NULL ||
        (cellvars = PyObject_GetAttrString(co, "co_cellvars")) == NULL ||
        (filename = PyObject_GetAttrString(co, "co_filename")) == NULL ||
        (name = PyObject_GetAttrString(co, "co_name")) == NULL ||
        (qualname = PyObject_GetAttrString(co, "co_qualname")) == NULL ||
        (linetable = PyObject_GetAttrString(co, "co_linetable")) == NULL ||
        (exctable = PyObject_GetAttrString(co, "co_exceptiontable")) == NULL) {
        goto done;
    }
    r = (PyObject *)PyCode_NewWithPosOnlyArgs(
        argcount, posonly, kwonly, nlocals, stacksize, flags, code, consts, names, varnames,
        freevars, cellvars, filename, name, qualname, firstlineno, linetable, exctable);
done:
    Py_XDECREF(code);
    Py_XDECREF(consts);
    Py_XDECREF(names);
    Py_XDECREF(varnames);
    Py_XDECREF(freevars);
    Py_XDECREF(cellvars);
    Py_XDECREF(filename);
    Py_XDECREF(name);
    Py_XDECREF(qualname);
    Py_XDECREF(linetable);
    Py_XDECREF(exctable);
    return r;
}

/* func_name(obj) -> (PyEval_GetFuncName, PyEval_GetFuncDesc) */
static PyObject *
func_name(PyObject *m, PyObject *obj)
{
    return Py_BuildValue("(ss)", PyEval_GetFuncName(obj), PyEval_GetFuncDesc(obj));
}

/* recursion_limit(new) -> (limit before, limit after Py_SetRecursionLimit) */
static PyObject *
recursion_limit(PyObject *m, PyObject *arg)
{
    int before = Py_GetRecursionLimit();
    Py_SetRecursionLimit((int)PyLong_AsLong(arg));
    if (PyErr_Occurred()) {
        return NULL;
    }
    return Py_BuildValue("(ii)", before, Py_GetRecursionLimit());
}

static PyObject *
make_pending_calls(PyObject *m, PyObject *noargs)
{
    return PyLong_FromLong(Py_MakePendingCalls());
}

/* ---- frames ---------------------------------------------------------- */

#if PY_VERSION_HEX >= 0x030C0000
/* get_var(frame, name): by object; get_var_string(frame, name): by C
 * string */
static PyObject *
get_var(PyObject *m, PyObject *args)
{
    PyObject *frame, *name;
    if (!PyArg_ParseTuple(args, "O!O", &PyFrame_Type, &frame, &name)) {
        return NULL;
    }
    return PyFrame_GetVar((PyFrameObject *)frame, name);
}

static PyObject *
get_var_string(PyObject *m, PyObject *args)
{
    PyObject *frame;
    const char *name;
    if (!PyArg_ParseTuple(args, "O!s", &PyFrame_Type, &frame, &name)) {
        return NULL;
    }
    return PyFrame_GetVarString((PyFrameObject *)frame, name);
}
#endif

/* fast_to_locals(frame) -> PyFrame_FastToLocalsWithError's result, after
 * PyFrame_FastToLocals and PyFrame_LocalsToFast(frame, 0) */
static PyObject *
fast_to_locals(PyObject *m, PyObject *frame)
{
    if (!PyFrame_Check(frame)) {
        PyErr_SetString(PyExc_TypeError, "a frame is required");
        return NULL;
    }
    int r = PyFrame_FastToLocalsWithError((PyFrameObject *)frame);
    if (r < 0) {
        return NULL;
    }
    PyFrame_FastToLocals((PyFrameObject *)frame);
    PyFrame_LocalsToFast((PyFrameObject *)frame, 0);
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLong(r);
}

/* ---- generators ------------------------------------------------------ */

/* gen_checks(obj) -> (PyGen_Check, PyGen_CheckExact, PyCoro_CheckExact,
 * PyAsyncGen_CheckExact, PyAsyncGenASend_CheckExact) */
#ifndef PyAsyncGenASend_CheckExact
#  define PyAsyncGenASend_CheckExact(op) Py_IS_TYPE((op), &_PyAsyncGenASend_Type)
#endif

static PyObject *
gen_checks(PyObject *m, PyObject *o)
{
    return Py_BuildValue("(iiiii)", PyGen_Check(o), PyGen_CheckExact(o), PyCoro_CheckExact(o),
                         PyAsyncGen_CheckExact(o), PyAsyncGenASend_CheckExact(o));
}

#if PY_VERSION_HEX >= 0x030D0000
/* executable_kinds() -> PyUnstable_ExecutableKinds, NULL as None */
static PyObject *
executable_kinds(PyObject *m, PyObject *noargs)
{
    PyObject *out = PyTuple_New(PyUnstable_EXECUTABLE_KINDS + 1);
    if (out == NULL) {
        return NULL;
    }
    for (int i = 0; i <= PyUnstable_EXECUTABLE_KINDS; i++) {
        const PyTypeObject *t = PyUnstable_ExecutableKinds[i];
        PyTuple_SET_ITEM(out, i, Py_NewRef(t == NULL ? Py_None : (PyObject *)t));
    }
    return out;
}
#endif

/* gen_types() -> (PyGen_Type, PyCoro_Type, PyAsyncGen_Type) */
static PyObject *
gen_types(PyObject *m, PyObject *noargs)
{
    return Py_BuildValue("(OOO)", (PyObject *)&PyGen_Type, (PyObject *)&PyCoro_Type,
                         (PyObject *)&PyAsyncGen_Type);
}

#if PY_VERSION_HEX >= 0x030C0000
static PyObject *
gen_get_code(PyObject *m, PyObject *gen)
{
    if (!PyGen_Check(gen)) {
        PyErr_SetString(PyExc_TypeError, "a generator is required");
        return NULL;
    }
    return (PyObject *)PyGen_GetCode((PyGenObject *)gen);
}
#endif

/* ---- 3.13: critical sections, PyMutex, monitoring --------------------- */

#if PY_VERSION_HEX >= 0x030D0000
/* critical_sections(a, b) -> a + b, computed inside nested sections */
static PyObject *
critical_sections(PyObject *m, PyObject *args)
{
    PyObject *a, *b, *r = NULL;
    if (!PyArg_ParseTuple(args, "OO", &a, &b)) {
        return NULL;
    }
    /* Storage for the direct calls: the default build declares the
     * structs without a body. */
    union { void *p[4]; char c[64]; } cs1, cs2;
    Py_BEGIN_CRITICAL_SECTION(a);
    Py_BEGIN_CRITICAL_SECTION2(a, b);
    PyCriticalSection_Begin((PyCriticalSection *)&cs1, a);
    PyCriticalSection2_Begin((PyCriticalSection2 *)&cs2, b, a);
    Py_BEGIN_CRITICAL_SECTION(a);
    r = PyNumber_Add(a, b);
    Py_END_CRITICAL_SECTION();
    PyCriticalSection2_End((PyCriticalSection2 *)&cs2);
    PyCriticalSection_End((PyCriticalSection *)&cs1);
    Py_END_CRITICAL_SECTION2();
    Py_END_CRITICAL_SECTION();
    return r;
}

/* mutex_bits() -> the byte of a PyMutex: fresh, locked, unlocked, and
 * _Py_LOCKED, _Py_UNLOCKED */
static PyObject *
mutex_bits(PyObject *m, PyObject *noargs)
{
    PyMutex mu = {0};
    int fresh = mu._bits;
    PyMutex_Lock(&mu);
    int locked = mu._bits;
    PyMutex_Unlock(&mu);
    int unlocked = mu._bits;
    return Py_BuildValue("(iiiii)", fresh, locked, unlocked, _Py_LOCKED, _Py_UNLOCKED);
}

static int
event_number(const char *name)
{
    static const struct { const char *name; int event; } events[] = {
        {"PY_START", PY_MONITORING_EVENT_PY_START},
        {"PY_RESUME", PY_MONITORING_EVENT_PY_RESUME},
        {"PY_RETURN", PY_MONITORING_EVENT_PY_RETURN},
        {"PY_YIELD", PY_MONITORING_EVENT_PY_YIELD},
        {"CALL", PY_MONITORING_EVENT_CALL},
        {"LINE", PY_MONITORING_EVENT_LINE},
        {"JUMP", PY_MONITORING_EVENT_JUMP},
        {"STOP_ITERATION", PY_MONITORING_EVENT_STOP_ITERATION},
        {"RAISE", PY_MONITORING_EVENT_RAISE},
        {"EXCEPTION_HANDLED", PY_MONITORING_EVENT_EXCEPTION_HANDLED},
        {"PY_UNWIND", PY_MONITORING_EVENT_PY_UNWIND},
        {"PY_THROW", PY_MONITORING_EVENT_PY_THROW},
        {"RERAISE", PY_MONITORING_EVENT_RERAISE},
        {"C_RETURN", PY_MONITORING_EVENT_C_RETURN},
        {"C_RAISE", PY_MONITORING_EVENT_C_RAISE},
    };
    for (size_t i = 0; i < sizeof(events) / sizeof(events[0]); i++) {
        if (strcmp(events[i].name, name) == 0) {
            return events[i].event;
        }
    }
    PyErr_SetString(PyExc_ValueError, name);
    return -1;
}

/* fire(event name, codelike, offset, arg) -> (active before, active
 * after); exception events first raise `arg` (an exception instance) and
 * report it still raised afterwards as a third item. */
static PyObject *
fire(PyObject *m, PyObject *args)
{
    const char *name;
    PyObject *codelike, *arg;
    int offset;
    if (!PyArg_ParseTuple(args, "sOiO", &name, &codelike, &offset, &arg)) {
        return NULL;
    }
    int event = event_number(name);
    if (event < 0) {
        return NULL;
    }
    uint8_t ev = (uint8_t)event;
    PyMonitoringState state = {0, 0};
    uint64_t version = 0;
    if (PyMonitoring_EnterScope(&state, &version, &ev, 1) < 0) {
        return NULL;
    }
    int before = state.active, r;
    switch (event) {
    case PY_MONITORING_EVENT_PY_START:
        r = PyMonitoring_FirePyStartEvent(&state, codelike, offset);
        break;
    case PY_MONITORING_EVENT_PY_RESUME:
        r = PyMonitoring_FirePyResumeEvent(&state, codelike, offset);
        break;
    case PY_MONITORING_EVENT_PY_RETURN:
        r = PyMonitoring_FirePyReturnEvent(&state, codelike, offset, arg);
        break;
    case PY_MONITORING_EVENT_PY_YIELD:
        r = PyMonitoring_FirePyYieldEvent(&state, codelike, offset, arg);
        break;
    case PY_MONITORING_EVENT_CALL:
        r = PyMonitoring_FireCallEvent(&state, codelike, offset, arg, Py_None);
        break;
    case PY_MONITORING_EVENT_LINE:
        r = PyMonitoring_FireLineEvent(&state, codelike, offset, (int)PyLong_AsLong(arg));
        break;
    case PY_MONITORING_EVENT_JUMP:
        r = PyMonitoring_FireJumpEvent(&state, codelike, offset, arg);
        break;
    case PY_MONITORING_EVENT_C_RETURN:
        r = PyMonitoring_FireCReturnEvent(&state, codelike, offset, arg);
        break;
    case PY_MONITORING_EVENT_STOP_ITERATION:
        r = PyMonitoring_FireStopIterationEvent(&state, codelike, offset, arg);
        break;
    default:
        PyErr_SetObject((PyObject *)Py_TYPE(arg), arg);
        switch (event) {
        case PY_MONITORING_EVENT_RAISE:
            r = PyMonitoring_FireRaiseEvent(&state, codelike, offset);
            break;
        case PY_MONITORING_EVENT_EXCEPTION_HANDLED:
            r = PyMonitoring_FireExceptionHandledEvent(&state, codelike, offset);
            break;
        case PY_MONITORING_EVENT_PY_UNWIND:
            r = PyMonitoring_FirePyUnwindEvent(&state, codelike, offset);
            break;
        case PY_MONITORING_EVENT_PY_THROW:
            r = PyMonitoring_FirePyThrowEvent(&state, codelike, offset);
            break;
        case PY_MONITORING_EVENT_RERAISE:
            r = PyMonitoring_FireReraiseEvent(&state, codelike, offset);
            break;
        default:
            r = PyMonitoring_FireCRaiseEvent(&state, codelike, offset);
            break;
        }
        if (r < 0) {
            return NULL;
        }
        PyObject *still = PyErr_GetRaisedException();
        PyObject *out = Py_BuildValue("(iiO)", before, state.active, still ? still : Py_None);
        Py_XDECREF(still);
        return out;
    }
    if (r < 0) {
        return NULL;
    }
    if (PyMonitoring_ExitScope() < 0) {
        return NULL;
    }
    return Py_BuildValue("(ii)", before, state.active);
}
#endif

static PyMethodDef methods[] = {
    {"getters", getters, METH_O, NULL},
    {"getter_of_wrong_type", getter_of_wrong_type, METH_O, NULL},
    {"addr2line", addr2line, METH_VARARGS, NULL},
    {"addr2location", addr2location, METH_VARARGS, NULL},
    {"optimize", optimize, METH_O, NULL},
    {"constant_key", constant_key, METH_O, NULL},
    {"extra_index", get_extra_index, METH_NOARGS, NULL},
    {"set_extra", set_extra, METH_VARARGS, NULL},
    {"get_extra", get_extra, METH_VARARGS, NULL},
    {"freed_counts", freed_counts, METH_NOARGS, NULL},
    {"eval_code_ex", eval_code_ex, METH_VARARGS, NULL},
    {"slice_index", slice_index, METH_VARARGS, NULL},
    {"merge_flags", merge_flags, METH_O, NULL},
    {"set_hook", set_hook, METH_VARARGS, NULL},
    {"fast_to_locals", fast_to_locals, METH_O, NULL},
    {"running_frame", running_frame, METH_NOARGS, NULL},
    {"func_name", func_name, METH_O, NULL},
    {"code_new", code_new, METH_O, NULL},
    {"recursion_limit", recursion_limit, METH_O, NULL},
    {"make_pending_calls", make_pending_calls, METH_NOARGS, NULL},
    {"gen_checks", gen_checks, METH_O, NULL},
    {"gen_types", gen_types, METH_NOARGS, NULL},
#if PY_VERSION_HEX >= 0x030C0000
    {"get_var", get_var, METH_VARARGS, NULL},
    {"get_var_string", get_var_string, METH_VARARGS, NULL},
    {"gen_get_code", gen_get_code, METH_O, NULL},
#endif
#if PY_VERSION_HEX >= 0x030D0000
    {"critical_sections", critical_sections, METH_VARARGS, NULL},
    {"executable_kinds", executable_kinds, METH_NOARGS, NULL},
    {"mutex_bits", mutex_bits, METH_NOARGS, NULL},
    {"fire", fire, METH_VARARGS, NULL},
#endif
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_code", NULL, -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_code(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddIntConstant(m, "PY_VERSION_HEX", PY_VERSION_HEX) < 0 ||
        PyModule_AddIntConstant(m, "CO_FUTURE_ANNOTATIONS", CO_FUTURE_ANNOTATIONS) < 0 ||
        PyModule_AddIntConstant(m, "CO_FUTURE_DIVISION", CO_FUTURE_DIVISION) < 0 ||
        PyModule_AddIntConstant(m, "CO_GENERATOR", CO_GENERATOR) < 0 ||
        PyModule_AddIntConstant(m, "CO_COROUTINE", CO_COROUTINE) < 0 ||
        PyModule_AddIntConstant(m, "CO_NEWLOCALS", CO_NEWLOCALS) < 0 ||
        PyModule_AddIntConstant(m, "PyCF_MASK", PyCF_MASK) < 0 ||
        PyModule_AddIntConstant(m, "PyTrace_CALL", PyTrace_CALL) < 0 ||
        PyModule_AddIntConstant(m, "PyTrace_RETURN", PyTrace_RETURN) < 0 ||
        PyModule_AddIntConstant(m, "PyTrace_LINE", PyTrace_LINE) < 0 ||
        PyModule_AddIntConstant(m, "PyTrace_C_CALL", PyTrace_C_CALL) < 0 ||
        PyModule_AddIntConstant(m, "FVC_MASK", FVC_MASK) < 0 ||
        PyModule_AddIntConstant(m, "FVC_REPR", FVC_REPR) < 0 ||
        PyModule_AddIntConstant(m, "FVS_HAVE_SPEC", FVS_HAVE_SPEC) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
