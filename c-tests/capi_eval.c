/* capi_eval: compiling and running source from C, and the traceback and
 * handled-exception services that go with it.  Checked by test_capi_eval.py.
 *
 *   Py_CompileString, Py_CompileStringExFlags, Py_CompileStringObject
 *   PyEval_EvalCode
 *   PyTraceBack_Here, PyTraceBack_Print, PyTraceBack_Type
 *   PyErr_GetExcInfo, PyErr_SetExcInfo,
 *   PyErr_GetHandledException, PyErr_SetHandledException
 *   PyUnicode_DecodeASCII
 *   PyList_GetItemRef (3.13+)
 *
 * cython_frame() and cython_traceback() follow what Cython's
 * __Pyx_AddTraceback does under the limited API: compile "_getframe()" in
 * eval mode, give the code object the function's name and first line with
 * code.replace(), run it with {"_getframe": sys._getframe} as globals and
 * locals to get a frame object of that code, and PyTraceBack_Here() it.
 *
 * Where a C API can give NULL without an error (the exc-info getters), the
 * module's NULL object (capi_eval.NULL) stands for it, so that NULL and None
 * stay apart.
 *
 * Not tested, because CPython crashes or asserts: PyEval_EvalCode with a
 * non-code object, PyTraceBack_Here with no exception set or with a
 * non-frame, Py_CompileStringExFlags with a NULL filename, and a start
 * symbol other than Py_eval_input / Py_file_input / Py_single_input (the
 * parser reads before its token array: 3.13 segfaults once other code has
 * run, 3.11 gives a SyntaxError whose offset is garbage). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *NULL_MARK;   /* capi_eval.NULL */

static PyObject *
or_null_mark(PyObject *o)
{
    return o != NULL ? o : Py_NewRef(NULL_MARK);
}

/* ---- compiling -------------------------------------------------------- */

/* compile(source: bytes, filename: str, start) -> Py_CompileString */
static PyObject *
compile(PyObject *m, PyObject *args)
{
    const char *src, *filename;
    int start;
    if (!PyArg_ParseTuple(args, "ysi", &src, &filename, &start))
        return NULL;
    return Py_CompileString(src, filename, start);
}

/* compile_ex(source: bytes, filename: str, start, optimize=-1)
 *   -> Py_CompileStringExFlags(..., NULL flags, optimize) */
static PyObject *
compile_ex(PyObject *m, PyObject *args)
{
    const char *src, *filename;
    int start, optimize = -1;
    if (!PyArg_ParseTuple(args, "ysi|i", &src, &filename, &start, &optimize))
        return NULL;
    return Py_CompileStringExFlags(src, filename, start, NULL, optimize);
}

/* compile_object(source: bytes, filename: object, start, optimize=-1)
 *   -> Py_CompileStringObject(..., NULL flags, optimize) */
static PyObject *
compile_object(PyObject *m, PyObject *args)
{
    const char *src;
    PyObject *filename;
    int start, optimize = -1;
    if (!PyArg_ParseTuple(args, "yOi|i", &src, &filename, &start, &optimize))
        return NULL;
    return Py_CompileStringObject(src, filename, start, NULL, optimize);
}

/* ---- running ---------------------------------------------------------- */

/* eval_code(code, globals[, locals]) -> PyEval_EvalCode; locals omitted is
 * NULL.  Only code objects are passed (CPython does not check: it would
 * crash), so there is no PyCode_Check here (and no PyCode_Type in our
 * layer's headers). */
static PyObject *
eval_code(PyObject *m, PyObject *args)
{
    PyObject *code, *globals, *locals = NULL;
    if (!PyArg_ParseTuple(args, "OO|O", &code, &globals, &locals))
        return NULL;
    return PyEval_EvalCode(code, globals, locals);
}

/* run_source(source: bytes, filename, start, globals[, locals]):
 * Py_CompileString then PyEval_EvalCode, as an embedding C program does */
static PyObject *
run_source(PyObject *m, PyObject *args)
{
    const char *src, *filename;
    int start;
    PyObject *globals, *locals = NULL;
    if (!PyArg_ParseTuple(args, "ysiO|O", &src, &filename, &start, &globals, &locals))
        return NULL;
    PyObject *code = Py_CompileString(src, filename, start);
    if (code == NULL)
        return NULL;
    PyObject *r = PyEval_EvalCode(code, globals, locals);
    Py_DECREF(code);
    return r;
}

/* The code object Cython's limited-API traceback runs: "_getframe()" under
 * the function's name and line. */
static PyObject *
named_getframe_code(const char *filename, const char *funcname, int lineno)
{
    PyObject *code = Py_CompileString("_getframe()", filename, Py_eval_input);
    if (code == NULL)
        return NULL;
    PyObject *kw = Py_BuildValue("{s:i,s:s}", "co_firstlineno", lineno, "co_name", funcname);
    PyObject *replace = PyObject_GetAttrString(code, "replace");
    PyObject *empty = PyTuple_New(0);
    PyObject *r = NULL;
    if (kw != NULL && replace != NULL && empty != NULL)
        r = PyObject_Call(replace, empty, kw);
    Py_XDECREF(kw);
    Py_XDECREF(replace);
    Py_XDECREF(empty);
    Py_DECREF(code);
    return r;
}

/* A new frame object of that code, NULL with an exception on failure. */
static PyObject *
make_cython_frame(const char *filename, const char *funcname, int lineno)
{
    PyObject *code = named_getframe_code(filename, funcname, lineno);
    if (code == NULL)
        return NULL;
    PyObject *frame = NULL;
    PyObject *dict = PyDict_New();
    PyObject *getframe = PySys_GetObject("_getframe");   /* borrowed */
    if (dict != NULL && getframe != NULL && PyDict_SetItemString(dict, "_getframe", getframe) == 0)
        frame = PyEval_EvalCode(code, dict, dict);
    else if (getframe == NULL && !PyErr_Occurred())
        PyErr_SetString(PyExc_AssertionError, "no sys._getframe");
    Py_XDECREF(dict);
    Py_DECREF(code);
    return frame;
}

/* cython_code(filename, funcname, lineno) -> the renamed code object */
static PyObject *
cython_code(PyObject *m, PyObject *args)
{
    const char *filename, *funcname;
    int lineno;
    if (!PyArg_ParseTuple(args, "ssi", &filename, &funcname, &lineno))
        return NULL;
    return named_getframe_code(filename, funcname, lineno);
}

/* cython_frame(filename, funcname, lineno) -> the frame object */
static PyObject *
cython_frame(PyObject *m, PyObject *args)
{
    const char *filename, *funcname;
    int lineno;
    if (!PyArg_ParseTuple(args, "ssi", &filename, &funcname, &lineno))
        return NULL;
    return make_cython_frame(filename, funcname, lineno);
}

/* ---- tracebacks ------------------------------------------------------- */

/* raise_here(frames, type, message): PyErr_SetString(type, message), then
 * PyTraceBack_Here(frame) for each frame in order (innermost first, as an
 * exception unwinds); raises that exception.  Only frames are passed:
 * CPython does not check them. */
static PyObject *
raise_here(PyObject *m, PyObject *args)
{
    PyObject *frames, *type;
    const char *msg;
    if (!PyArg_ParseTuple(args, "O!Os", &PyTuple_Type, &frames, &type, &msg))
        return NULL;
    PyErr_SetString(type, msg);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(frames); i++) {
        if (PyTraceBack_Here((PyFrameObject *)PyTuple_GET_ITEM(frames, i)) < 0)
            return NULL;
    }
    return NULL;
}

/* call_then_here(callable, frame): callable(); if it raises,
 * PyTraceBack_Here(frame) and raise on, as Cython does when a Python
 * function it calls fails */
static PyObject *
call_then_here(PyObject *m, PyObject *args)
{
    PyObject *fn, *frame;
    if (!PyArg_ParseTuple(args, "OO", &fn, &frame))
        return NULL;
    PyObject *r = PyObject_CallNoArgs(fn);
    if (r != NULL)
        return r;
    PyTraceBack_Here((PyFrameObject *)frame);
    return NULL;
}

/* cython_traceback(type, message, filename, funcname, lineno): the whole of
 * __Pyx_AddTraceback for a C-raised exception; raises it */
static PyObject *
cython_traceback(PyObject *m, PyObject *args)
{
    PyObject *type;
    const char *msg, *filename, *funcname;
    int lineno;
    if (!PyArg_ParseTuple(args, "Osssi", &type, &msg, &filename, &funcname, &lineno))
        return NULL;
    PyErr_SetString(type, msg);
    /* Cython's order: fetch, make the frame, restore, add the frame */
    PyObject *exc_type, *exc_value, *exc_tb;
    PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
    PyObject *frame = make_cython_frame(filename, funcname, lineno);
    if (frame == NULL) {
        Py_XDECREF(exc_type);
        Py_XDECREF(exc_value);
        Py_XDECREF(exc_tb);
        return NULL;   /* the error making the frame */
    }
    PyErr_Restore(exc_type, exc_value, exc_tb);
    PyTraceBack_Here((PyFrameObject *)frame);
    Py_DECREF(frame);
    return NULL;
}

/* print_tb(tb, file) -> PyTraceBack_Print's result (0), or its error */
static PyObject *
print_tb(PyObject *m, PyObject *args)
{
    PyObject *tb, *file;
    if (!PyArg_ParseTuple(args, "OO", &tb, &file))
        return NULL;
    int r = PyTraceBack_Print(tb, file);
    if (r < 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_AssertionError, "PyTraceBack_Print: -1 without an exception");
        return NULL;
    }
    if (PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(r);
}

static PyObject *
traceback_type(PyObject *m, PyObject *ignored)
{
    return Py_NewRef((PyObject *)&PyTraceBack_Type);
}

/* is_traceback(o) -> (PyObject_TypeCheck(o, &PyTraceBack_Type),
 *                     PyTraceBack_Check(o)) */
static PyObject *
is_traceback(PyObject *m, PyObject *o)
{
    return Py_BuildValue("(OO)", PyObject_TypeCheck(o, &PyTraceBack_Type) ? Py_True : Py_False,
                         PyTraceBack_Check(o) ? Py_True : Py_False);
}

/* ---- the handled exception -------------------------------------------- */

/* exc_info() -> PyErr_GetExcInfo's three, NULL as capi_eval.NULL */
static PyObject *
exc_info(PyObject *m, PyObject *ignored)
{
    PyObject *t = NULL, *v = NULL, *tb = NULL;
    PyErr_GetExcInfo(&t, &v, &tb);
    if (PyErr_Occurred()) {
        Py_XDECREF(t);
        Py_XDECREF(v);
        Py_XDECREF(tb);
        return NULL;
    }
    return Py_BuildValue("(NNN)", or_null_mark(t), or_null_mark(v), or_null_mark(tb));
}

/* handled() -> PyErr_GetHandledException(), NULL as capi_eval.NULL */
static PyObject *
handled(PyObject *m, PyObject *ignored)
{
    PyObject *e = PyErr_GetHandledException();
    if (e == NULL && PyErr_Occurred())
        return NULL;
    return or_null_mark(e);
}

/* while_raising(type, message) -> (exc_info(), handled()) read while an
 * exception of type is raised (the indicator set), then the indicator's
 * exception, fetched back: (info, handled, raised) */
static PyObject *
while_raising(PyObject *m, PyObject *args)
{
    PyObject *type;
    const char *msg;
    if (!PyArg_ParseTuple(args, "Os", &type, &msg))
        return NULL;
    PyErr_SetString(type, msg);
    PyObject *t, *v, *tb;
    PyErr_GetExcInfo(&t, &v, &tb);
    PyObject *h = PyErr_GetHandledException();
    PyObject *raised = PyErr_Occurred() ? Py_NewRef(PyErr_Occurred()) : NULL;
    PyErr_Clear();
    return Py_BuildValue("((NNN)NN)", or_null_mark(t), or_null_mark(v), or_null_mark(tb), or_null_mark(h),
                         or_null_mark(raised));
}

/* set_handled(exc) -> PyErr_SetHandledException(exc); capi_eval.NULL is
 * NULL, None is passed as Py_None */
static PyObject *
set_handled(PyObject *m, PyObject *exc)
{
    PyErr_SetHandledException(exc == NULL_MARK ? NULL : exc);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

/* set_handled_then_read(exc) -> PyErr_SetHandledException(exc) then what
 * GetHandledException and GetExcInfo's value give, still in C */
static PyObject *
set_handled_then_read(PyObject *m, PyObject *exc)
{
    PyErr_SetHandledException(exc == NULL_MARK ? NULL : exc);
    if (PyErr_Occurred())
        return NULL;
    PyObject *h = PyErr_GetHandledException();
    PyObject *t, *v, *tb;
    PyErr_GetExcInfo(&t, &v, &tb);
    Py_XDECREF(t);
    Py_XDECREF(tb);
    return Py_BuildValue("(NN)", or_null_mark(h), or_null_mark(v));
}

/* set_exc_info(type, value, tb) -> the change in type's reference count
 * across the call (None for NULL): PyErr_SetExcInfo steals all three, and
 * the references it steals are made here, so the call is refcount-neutral
 * for a correct implementation: the type (unused since 3.11) and traceback
 * are released at once, the value is held as the handled exception.
 * capi_eval.NULL is NULL. */
static PyObject *
set_exc_info(PyObject *m, PyObject *args)
{
    PyObject *t, *v, *tb;
    if (!PyArg_ParseTuple(args, "OOO", &t, &v, &tb))
        return NULL;
    t = t == NULL_MARK ? NULL : t;
    v = v == NULL_MARK ? NULL : Py_NewRef(v);
    tb = tb == NULL_MARK ? NULL : Py_NewRef(tb);
    Py_ssize_t t0 = t != NULL ? Py_REFCNT(t) : 0;
    /* the caller's reference to t (its argument tuple) keeps it alive */
    PyErr_SetExcInfo(Py_XNewRef(t), v, tb);
    if (PyErr_Occurred())
        return NULL;
    if (t == NULL)
        Py_RETURN_NONE;
    return PyLong_FromSsize_t(Py_REFCNT(t) - t0);
}

/* save_call_restore(callable): the pattern Cython's __Pyx_ExceptionSave /
 * __Pyx_ExceptionReset use: GetExcInfo, call, SetExcInfo the saved three
 * back -> callable's result */
static PyObject *
save_call_restore(PyObject *m, PyObject *fn)
{
    PyObject *t, *v, *tb;
    PyErr_GetExcInfo(&t, &v, &tb);
    PyObject *r = PyObject_CallNoArgs(fn);
    if (r == NULL) {
        PyObject *et, *ev, *etb;
        PyErr_Fetch(&et, &ev, &etb);
        PyErr_SetExcInfo(t, v, tb);
        PyErr_Restore(et, ev, etb);
        return NULL;
    }
    PyErr_SetExcInfo(t, v, tb);
    return r;
}

/* ---- decoding ---------------------------------------------------------- */

/* decode_ascii(data: bytes, errors: str or None) -> PyUnicode_DecodeASCII
 * over the whole of data, errors None as NULL */
static PyObject *
decode_ascii(PyObject *m, PyObject *args)
{
    const char *data, *errors;
    Py_ssize_t len;
    if (!PyArg_ParseTuple(args, "y#z", &data, &len, &errors))
        return NULL;
    return PyUnicode_DecodeASCII(data, len, errors);
}

/* decode_ascii_prefix(data: bytes, n) -> PyUnicode_DecodeASCII of the first
 * n bytes only (strict) */
static PyObject *
decode_ascii_prefix(PyObject *m, PyObject *args)
{
    const char *data;
    Py_ssize_t len, n;
    if (!PyArg_ParseTuple(args, "y#n", &data, &len, &n))
        return NULL;
    if (n < 0 || n > len) {
        PyErr_SetString(PyExc_AssertionError, "n out of range");
        return NULL;
    }
    return PyUnicode_DecodeASCII(data, n, "strict");
}

/* ---- PyList_GetItemRef ------------------------------------------------- */

#if PY_VERSION_HEX >= 0x030D0000
/* get_item_ref(obj, i) -> PyList_GetItemRef */
static PyObject *
get_item_ref(PyObject *m, PyObject *args)
{
    PyObject *o;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "On", &o, &i))
        return NULL;
    return PyList_GetItemRef(o, i);
}

/* get_item_ref_owned(list, i) -> (item, refcount delta across the call,
 * refcount delta after the caller's Py_DECREF): a new reference is +1 then
 * 0 */
static PyObject *
get_item_ref_owned(PyObject *m, PyObject *args)
{
    PyObject *l;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "O!n", &PyList_Type, &l, &i))
        return NULL;
    PyObject *borrowed = PyList_GetItem(l, i);
    if (borrowed == NULL)
        return NULL;
    Py_ssize_t r0 = Py_REFCNT(borrowed);
    PyObject *r = PyList_GetItemRef(l, i);
    if (r == NULL)
        return NULL;
    Py_ssize_t held = Py_REFCNT(borrowed) - r0;
    int same = r == borrowed;
    Py_DECREF(r);
    Py_ssize_t after = Py_REFCNT(borrowed) - r0;
    return Py_BuildValue("(Onn)", same ? Py_True : Py_False, held, after);
}
#endif

static PyMethodDef methods[] = {
    {"compile", compile, METH_VARARGS, NULL},
    {"compile_ex", compile_ex, METH_VARARGS, NULL},
    {"compile_object", compile_object, METH_VARARGS, NULL},
    {"eval_code", eval_code, METH_VARARGS, NULL},
    {"run_source", run_source, METH_VARARGS, NULL},
    {"cython_code", cython_code, METH_VARARGS, NULL},
    {"cython_frame", cython_frame, METH_VARARGS, NULL},
    {"raise_here", raise_here, METH_VARARGS, NULL},
    {"call_then_here", call_then_here, METH_VARARGS, NULL},
    {"cython_traceback", cython_traceback, METH_VARARGS, NULL},
    {"print_tb", print_tb, METH_VARARGS, NULL},
    {"traceback_type", traceback_type, METH_NOARGS, NULL},
    {"is_traceback", is_traceback, METH_O, NULL},
    {"exc_info", exc_info, METH_NOARGS, NULL},
    {"handled", handled, METH_NOARGS, NULL},
    {"while_raising", while_raising, METH_VARARGS, NULL},
    {"set_handled", set_handled, METH_O, NULL},
    {"set_handled_then_read", set_handled_then_read, METH_O, NULL},
    {"set_exc_info", set_exc_info, METH_VARARGS, NULL},
    {"save_call_restore", save_call_restore, METH_O, NULL},
    {"decode_ascii", decode_ascii, METH_VARARGS, NULL},
    {"decode_ascii_prefix", decode_ascii_prefix, METH_VARARGS, NULL},
#if PY_VERSION_HEX >= 0x030D0000
    {"get_item_ref", get_item_ref, METH_VARARGS, NULL},
    {"get_item_ref_owned", get_item_ref_owned, METH_VARARGS, NULL},
#endif
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "capi_eval", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_capi_eval(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    if (NULL_MARK == NULL) {
        NULL_MARK = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
        if (NULL_MARK == NULL) {
            Py_DECREF(m);
            return NULL;
        }
    }
    if (PyModule_AddObject(m, "NULL", Py_NewRef(NULL_MARK)) < 0 ||
        PyModule_AddIntConstant(m, "PY_VERSION_HEX", PY_VERSION_HEX) < 0 ||
        PyModule_AddIntConstant(m, "SINGLE_INPUT", Py_single_input) < 0 ||
        PyModule_AddIntConstant(m, "FILE_INPUT", Py_file_input) < 0 ||
        PyModule_AddIntConstant(m, "EVAL_INPUT", Py_eval_input) < 0)
        Py_CLEAR(m);
    return m;
}
