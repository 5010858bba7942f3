/* capi_errors: the error indicator and exception objects.
 * Checked by test_capi_errors.py. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define ARG(i)                                  \
    PyObject *a##i = PyTuple_GetItem(args, i);  \
    if (a##i == NULL) {                         \
        return NULL;                            \
    }

static PyObject *MyError;   /* capi_errors.MyError(Exception) */

static PyObject *
or_none(PyObject *o)
{
    return o != NULL ? o : Py_NewRef(Py_None);
}

/* ---- setting --------------------------------------------------------- */

/* set_string(type, msg) */
static PyObject *
set_string(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    const char *msg = PyUnicode_AsUTF8(a1);
    if (msg == NULL) {
        return NULL;
    }
    PyErr_SetString(a0, msg);
    return NULL;
}

/* set_object(type, value) */
static PyObject *
set_object(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    PyErr_SetObject(a0, a1);
    return NULL;
}

static PyObject *
set_none(PyObject *self, PyObject *arg)
{
    PyErr_SetNone(arg);
    return NULL;
}

/* occurred_type(type) -> (PyErr_Occurred() after PyErr_SetNone(type),
 *                         indicator clear after PyErr_Clear) */
static PyObject *
occurred_type(PyObject *self, PyObject *arg)
{
    PyErr_SetNone(arg);
    PyObject *t = PyErr_Occurred();
    if (t == NULL) {
        PyErr_SetString(PyExc_AssertionError, "PyErr_Occurred() is NULL after SetNone");
        return NULL;
    }
    Py_INCREF(t);
    PyErr_Clear();
    int clear = PyErr_Occurred() == NULL;
    PyObject *r = PyTuple_New(2);
    if (r == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    PyTuple_SET_ITEM(r, 0, t);
    PyTuple_SET_ITEM(r, 1, PyBool_FromLong(clear));
    return r;
}

/* Whether the indicator is clear on entry. */
static PyObject *
occurred_is_null(PyObject *self, PyObject *ignored)
{
    return PyBool_FromLong(PyErr_Occurred() == NULL);
}

/* Sets an error and clears it: returns None normally. */
static PyObject *
set_and_clear(PyObject *self, PyObject *ignored)
{
    PyErr_SetString(PyExc_RuntimeError, "to be cleared");
    PyErr_Clear();
    Py_RETURN_NONE;
}

/* ---- fetch / restore / normalize ------------------------------------- */

/* fetch_set_string(type, msg) -> (type, normalized value, tb or None,
 *                                 indicator clear after fetch) */
static PyObject *
fetch_set_string(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    const char *msg = PyUnicode_AsUTF8(a1);
    if (msg == NULL) {
        return NULL;
    }
    PyErr_SetString(a0, msg);
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    int clear = PyErr_Occurred() == NULL;
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *r = PyTuple_New(4);
    if (r == NULL) {
        Py_XDECREF(t);
        Py_XDECREF(v);
        Py_XDECREF(tb);
        return NULL;
    }
    PyTuple_SET_ITEM(r, 0, or_none(t));
    PyTuple_SET_ITEM(r, 1, or_none(v));
    PyTuple_SET_ITEM(r, 2, or_none(tb));
    PyTuple_SET_ITEM(r, 3, PyBool_FromLong(clear));
    return r;
}

/* fetch_from_call(fn) -> (type, normalized value, tb or None) of what fn()
 * raised; fn must raise */
static PyObject *
fetch_from_call(PyObject *self, PyObject *arg)
{
    PyObject *res = PyObject_CallNoArgs(arg);
    if (res != NULL) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_AssertionError, "fn did not raise");
        return NULL;
    }
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *r = PyTuple_New(3);
    if (r == NULL) {
        Py_XDECREF(t);
        Py_XDECREF(v);
        Py_XDECREF(tb);
        return NULL;
    }
    PyTuple_SET_ITEM(r, 0, or_none(t));
    PyTuple_SET_ITEM(r, 1, or_none(v));
    PyTuple_SET_ITEM(r, 2, or_none(tb));
    return r;
}

/* fetch_restore_call(fn): fn() raises; fetch, normalize, restore, re-raise */
static PyObject *
fetch_restore_call(PyObject *self, PyObject *arg)
{
    PyObject *res = PyObject_CallNoArgs(arg);
    if (res != NULL) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_AssertionError, "fn did not raise");
        return NULL;
    }
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (PyErr_Occurred()) {
        PyErr_SetString(PyExc_AssertionError, "indicator set after fetch");
        return NULL;
    }
    PyErr_NormalizeException(&t, &v, &tb);
    PyErr_Restore(t, v, tb);
    return NULL;
}

/* restore(type, value): PyErr_Restore with new references, no traceback */
static PyObject *
restore(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    PyErr_Restore(Py_NewRef(a0), a1 == Py_None ? NULL : Py_NewRef(a1), NULL);
    return NULL;
}

/* PyErr_Restore(NULL, NULL, NULL) clears the indicator */
static PyObject *
restore_null_clears(PyObject *self, PyObject *ignored)
{
    PyErr_SetString(PyExc_ValueError, "x");
    PyErr_Restore(NULL, NULL, NULL);
    return PyBool_FromLong(PyErr_Occurred() == NULL);
}

/* normalize(type, value) -> (type, value) after PyErr_NormalizeException */
static PyObject *
normalize(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    PyObject *t = Py_NewRef(a0);
    PyObject *v = a1 == Py_None ? NULL : Py_NewRef(a1);
    PyObject *tb = NULL;
    PyErr_NormalizeException(&t, &v, &tb);
    if (PyErr_Occurred()) {
        Py_XDECREF(t);
        Py_XDECREF(v);
        Py_XDECREF(tb);
        return NULL;
    }
    Py_XDECREF(tb);
    PyObject *r = PyTuple_New(2);
    if (r == NULL) {
        Py_XDECREF(t);
        Py_XDECREF(v);
        return NULL;
    }
    PyTuple_SET_ITEM(r, 0, or_none(t));
    PyTuple_SET_ITEM(r, 1, or_none(v));
    return r;
}

/* ---- GetRaisedException / SetRaisedException (3.12+) ----------------- */

static PyObject *
get_raised(void)
{
#if PY_VERSION_HEX >= 0x030C0000
    return PyErr_GetRaisedException();
#else
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) {
        return NULL;
    }
    PyErr_NormalizeException(&t, &v, &tb);
    if (tb != NULL) {
        PyException_SetTraceback(v, tb);
    }
    Py_XDECREF(t);
    Py_XDECREF(tb);
    return v;
#endif
}

static void
set_raised(PyObject *exc) /* steals */
{
#if PY_VERSION_HEX >= 0x030C0000
    PyErr_SetRaisedException(exc);
#else
    if (exc == NULL) {
        PyErr_Restore(NULL, NULL, NULL);
        return;
    }
    PyObject *t = Py_NewRef((PyObject *)Py_TYPE(exc));
    PyObject *tb = PyException_GetTraceback(exc);
    PyErr_Restore(t, exc, tb);
#endif
}

/* get_raised_from_call(fn) -> (exception fn raised, indicator clear after) */
static PyObject *
get_raised_from_call(PyObject *self, PyObject *arg)
{
    PyObject *res = PyObject_CallNoArgs(arg);
    if (res != NULL) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_AssertionError, "fn did not raise");
        return NULL;
    }
    PyObject *exc = get_raised();
    if (exc == NULL) {
        PyErr_SetString(PyExc_AssertionError, "no raised exception");
        return NULL;
    }
    int clear = PyErr_Occurred() == NULL;
    PyObject *r = PyTuple_New(2);
    if (r == NULL) {
        Py_DECREF(exc);
        return NULL;
    }
    PyTuple_SET_ITEM(r, 0, exc);
    PyTuple_SET_ITEM(r, 1, PyBool_FromLong(clear));
    return r;
}

/* get_raised_set_string(type, msg) -> the exception object made from a
 * PyErr_SetString (always an instance) */
static PyObject *
get_raised_set_string(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    const char *msg = PyUnicode_AsUTF8(a1);
    if (msg == NULL) {
        return NULL;
    }
    PyErr_SetString(a0, msg);
    PyObject *exc = get_raised();
    if (exc == NULL) {
        PyErr_SetString(PyExc_AssertionError, "no raised exception");
        return NULL;
    }
    return exc;
}

/* With no error set, GetRaisedException returns NULL. */
static PyObject *
get_raised_none(PyObject *self, PyObject *ignored)
{
    PyObject *exc = get_raised();
    if (exc != NULL) {
        Py_DECREF(exc);
        Py_RETURN_FALSE;
    }
    return PyBool_FromLong(PyErr_Occurred() == NULL);
}

/* set_raised(exc): raises exc itself */
static PyObject *
set_raised_(PyObject *self, PyObject *arg)
{
    set_raised(Py_NewRef(arg));
    return NULL;
}

/* get_set_raised_call(fn): fn() raises; take the exception and put it back */
static PyObject *
get_set_raised_call(PyObject *self, PyObject *arg)
{
    PyObject *res = PyObject_CallNoArgs(arg);
    if (res != NULL) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_AssertionError, "fn did not raise");
        return NULL;
    }
    PyObject *exc = get_raised();
    if (PyErr_Occurred()) {
        Py_XDECREF(exc);
        return NULL;
    }
    set_raised(exc);
    return NULL;
}

/* ---- matching -------------------------------------------------------- */

/* exception_matches(raise_type, match) */
static PyObject *
exception_matches(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    PyErr_SetNone(a0);
    int r = PyErr_ExceptionMatches(a1);
    PyErr_Clear();
    return PyBool_FromLong(r);
}

/* PyErr_ExceptionMatches with nothing set */
static PyObject *
exception_matches_unset(PyObject *self, PyObject *arg)
{
    return PyBool_FromLong(PyErr_ExceptionMatches(arg));
}

/* given_matches(given, exc) */
static PyObject *
given_matches(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    return PyBool_FromLong(PyErr_GivenExceptionMatches(a0, a1));
}

/* ---- new exception types --------------------------------------------- */

/* new_exception(name, base_or_None, dict_or_None) */
static PyObject *
new_exception(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1) ARG(2)
    const char *name = PyUnicode_AsUTF8(a0);
    if (name == NULL) {
        return NULL;
    }
    return PyErr_NewException(name, a1 == Py_None ? NULL : a1,
                              a2 == Py_None ? NULL : a2);
}

/* new_exception_with_doc(name, doc_or_None, base_or_None, dict_or_None) */
static PyObject *
new_exception_with_doc(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1) ARG(2) ARG(3)
    const char *name = PyUnicode_AsUTF8(a0);
    if (name == NULL) {
        return NULL;
    }
    const char *doc = NULL;
    if (a1 != Py_None) {
        doc = PyUnicode_AsUTF8(a1);
        if (doc == NULL) {
            return NULL;
        }
    }
    return PyErr_NewExceptionWithDoc(name, doc, a2 == Py_None ? NULL : a2,
                                     a3 == Py_None ? NULL : a3);
}

static PyObject *
raise_my_error(PyObject *self, PyObject *arg)
{
    PyErr_SetObject(MyError, arg);
    return NULL;
}

/* ---- helpers that raise ---------------------------------------------- */

static PyObject *
no_memory(PyObject *self, PyObject *ignored)
{
    PyObject *r = PyErr_NoMemory();
    if (r != NULL) {
        PyErr_SetString(PyExc_AssertionError, "PyErr_NoMemory returned non-NULL");
    }
    return NULL;
}

static PyObject *
bad_argument(PyObject *self, PyObject *ignored)
{
    int r = PyErr_BadArgument();
    if (r != 0) {
        PyErr_SetString(PyExc_AssertionError, "PyErr_BadArgument returned non-zero");
    }
    return NULL;
}

/* format_error(obj) -> raises ValueError with a formatted message */
static PyObject *
format_error(PyObject *self, PyObject *arg)
{
    PyObject *r = PyErr_Format(PyExc_ValueError, "%s-%d-%R-%S-%zd-%c-%%-%.3s",
                               "txt", 42, arg, arg, (Py_ssize_t)-3, 'z', "abcdef");
    if (r != NULL) {
        PyErr_SetString(PyExc_AssertionError, "PyErr_Format returned non-NULL");
    }
    return NULL;
}

/* format_error_type(type, str) -> raises type("<%U>") */
static PyObject *
format_error_type(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    return PyErr_Format(a0, "<%U>", a1);
}

/* ---- PyExc_* data symbols -------------------------------------------- */

#define EXC(n) {#n, &PyExc_##n}

static struct {
    const char *name;
    PyObject **exc;
} exc_table[] = {
    EXC(BaseException), EXC(Exception), EXC(BaseExceptionGroup),
    EXC(StopAsyncIteration), EXC(StopIteration), EXC(GeneratorExit),
    EXC(ArithmeticError), EXC(LookupError), EXC(AssertionError),
    EXC(AttributeError), EXC(BufferError), EXC(EOFError),
    EXC(FloatingPointError), EXC(OSError), EXC(ImportError),
    EXC(ModuleNotFoundError), EXC(IndexError), EXC(KeyError),
    EXC(KeyboardInterrupt), EXC(MemoryError), EXC(NameError),
    EXC(OverflowError), EXC(RuntimeError), EXC(RecursionError),
    EXC(NotImplementedError), EXC(SyntaxError), EXC(IndentationError),
    EXC(TabError), EXC(ReferenceError), EXC(SystemError), EXC(SystemExit),
    EXC(TypeError), EXC(UnboundLocalError), EXC(UnicodeError),
    EXC(UnicodeEncodeError), EXC(UnicodeDecodeError),
    EXC(UnicodeTranslateError), EXC(ValueError), EXC(ZeroDivisionError),
    EXC(BlockingIOError), EXC(BrokenPipeError), EXC(ChildProcessError),
    EXC(ConnectionError), EXC(ConnectionAbortedError),
    EXC(ConnectionRefusedError), EXC(ConnectionResetError),
    EXC(FileExistsError), EXC(FileNotFoundError), EXC(InterruptedError),
    EXC(IsADirectoryError), EXC(NotADirectoryError), EXC(PermissionError),
    EXC(ProcessLookupError), EXC(TimeoutError), EXC(EnvironmentError),
    EXC(IOError), EXC(Warning), EXC(UserWarning), EXC(EncodingWarning),
    EXC(DeprecationWarning), EXC(PendingDeprecationWarning),
    EXC(SyntaxWarning), EXC(RuntimeWarning), EXC(FutureWarning),
    EXC(ImportWarning), EXC(UnicodeWarning), EXC(BytesWarning),
    EXC(ResourceWarning),
#if PY_VERSION_HEX >= 0x030D0000
    EXC(PythonFinalizationError),
#endif
    {NULL, NULL},
};

/* exc_names() -> [name, ...] of every PyExc_* in the table */
static PyObject *
exc_names(PyObject *self, PyObject *ignored)
{
    PyObject *l = PyList_New(0);
    if (l == NULL) {
        return NULL;
    }
    for (int i = 0; exc_table[i].name != NULL; i++) {
        PyObject *s = PyUnicode_FromString(exc_table[i].name);
        if (s == NULL || PyList_Append(l, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(l);
            return NULL;
        }
        Py_DECREF(s);
    }
    return l;
}

/* exc_by_name(name) -> *PyExc_<name> */
static PyObject *
exc_by_name(PyObject *self, PyObject *arg)
{
    const char *name = PyUnicode_AsUTF8(arg);
    if (name == NULL) {
        return NULL;
    }
    for (int i = 0; exc_table[i].name != NULL; i++) {
        if (strcmp(exc_table[i].name, name) == 0) {
            PyObject *e = *exc_table[i].exc;
            if (e == NULL) {
                PyErr_Format(PyExc_AssertionError, "PyExc_%s is NULL", name);
                return NULL;
            }
            return Py_NewRef(e);
        }
    }
    PyErr_Format(PyExc_KeyError, "no PyExc_%s in the table", name);
    return NULL;
}

/* unicode_error_info(exc, kind) -> (encoding or None, object, start, end,
 * reason) by the getters of kind "encode", "decode" or "translate". */
static PyObject *
unicode_error_info(PyObject *m, PyObject *args)
{
    PyObject *exc;
    const char *kind;
    if (!PyArg_ParseTuple(args, "Os", &exc, &kind)) {
        return NULL;
    }
    Py_ssize_t start, end;
    PyObject *encoding = NULL, *object, *reason;
    if (strcmp(kind, "encode") == 0) {
        encoding = PyUnicodeEncodeError_GetEncoding(exc);
        object = PyUnicodeEncodeError_GetObject(exc);
        if (encoding == NULL || object == NULL
            || PyUnicodeEncodeError_GetStart(exc, &start) < 0
            || PyUnicodeEncodeError_GetEnd(exc, &end) < 0) {
            goto fail;
        }
        reason = PyUnicodeEncodeError_GetReason(exc);
    }
    else if (strcmp(kind, "decode") == 0) {
        encoding = PyUnicodeDecodeError_GetEncoding(exc);
        object = PyUnicodeDecodeError_GetObject(exc);
        if (encoding == NULL || object == NULL
            || PyUnicodeDecodeError_GetStart(exc, &start) < 0
            || PyUnicodeDecodeError_GetEnd(exc, &end) < 0) {
            goto fail;
        }
        reason = PyUnicodeDecodeError_GetReason(exc);
    }
    else {
        encoding = Py_NewRef(Py_None);
        object = PyUnicodeTranslateError_GetObject(exc);
        if (object == NULL
            || PyUnicodeTranslateError_GetStart(exc, &start) < 0
            || PyUnicodeTranslateError_GetEnd(exc, &end) < 0) {
            goto fail;
        }
        reason = PyUnicodeTranslateError_GetReason(exc);
    }
    if (reason == NULL) {
        goto fail;
    }
    return Py_BuildValue("(NNnnN)", encoding, object, start, end, reason);
fail:
    Py_XDECREF(encoding);
    return NULL;
}

/* unicode_error_set(exc, kind, start, end, reason) */
static PyObject *
unicode_error_set(PyObject *m, PyObject *args)
{
    PyObject *exc;
    const char *kind, *reason;
    Py_ssize_t start, end;
    if (!PyArg_ParseTuple(args, "Osnns", &exc, &kind, &start, &end, &reason)) {
        return NULL;
    }
    int r;
    if (strcmp(kind, "encode") == 0) {
        r = PyUnicodeEncodeError_SetStart(exc, start) | PyUnicodeEncodeError_SetEnd(exc, end)
            | PyUnicodeEncodeError_SetReason(exc, reason);
    }
    else if (strcmp(kind, "decode") == 0) {
        r = PyUnicodeDecodeError_SetStart(exc, start) | PyUnicodeDecodeError_SetEnd(exc, end)
            | PyUnicodeDecodeError_SetReason(exc, reason);
    }
    else {
        r = PyUnicodeTranslateError_SetStart(exc, start) | PyUnicodeTranslateError_SetEnd(exc, end)
            | PyUnicodeTranslateError_SetReason(exc, reason);
    }
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
decode_error_create(PyObject *m, PyObject *args)
{
    const char *encoding, *reason;
    const char *data;
    Py_ssize_t len, start, end;
    if (!PyArg_ParseTuple(args, "sy#nns", &encoding, &data, &len, &start, &end, &reason)) {
        return NULL;
    }
    return PyUnicodeDecodeError_Create(encoding, data, len, start, end, reason);
}

static PyMethodDef capi_errors_methods[] = {
    {"unicode_error_info", unicode_error_info, METH_VARARGS, NULL},
    {"unicode_error_set", unicode_error_set, METH_VARARGS, NULL},
    {"decode_error_create", decode_error_create, METH_VARARGS, NULL},
    {"set_string", set_string, METH_VARARGS, NULL},
    {"set_object", set_object, METH_VARARGS, NULL},
    {"set_none", set_none, METH_O, NULL},
    {"occurred_type", occurred_type, METH_O, NULL},
    {"occurred_is_null", occurred_is_null, METH_NOARGS, NULL},
    {"set_and_clear", set_and_clear, METH_NOARGS, NULL},
    {"fetch_set_string", fetch_set_string, METH_VARARGS, NULL},
    {"fetch_from_call", fetch_from_call, METH_O, NULL},
    {"fetch_restore_call", fetch_restore_call, METH_O, NULL},
    {"restore", restore, METH_VARARGS, NULL},
    {"restore_null_clears", restore_null_clears, METH_NOARGS, NULL},
    {"normalize", normalize, METH_VARARGS, NULL},
    {"get_raised_from_call", get_raised_from_call, METH_O, NULL},
    {"get_raised_set_string", get_raised_set_string, METH_VARARGS, NULL},
    {"get_raised_none", get_raised_none, METH_NOARGS, NULL},
    {"set_raised", set_raised_, METH_O, NULL},
    {"get_set_raised_call", get_set_raised_call, METH_O, NULL},
    {"exception_matches", exception_matches, METH_VARARGS, NULL},
    {"exception_matches_unset", exception_matches_unset, METH_O, NULL},
    {"given_matches", given_matches, METH_VARARGS, NULL},
    {"new_exception", new_exception, METH_VARARGS, NULL},
    {"new_exception_with_doc", new_exception_with_doc, METH_VARARGS, NULL},
    {"raise_my_error", raise_my_error, METH_O, NULL},
    {"no_memory", no_memory, METH_NOARGS, NULL},
    {"bad_argument", bad_argument, METH_NOARGS, NULL},
    {"format_error", format_error, METH_O, NULL},
    {"format_error_type", format_error_type, METH_VARARGS, NULL},
    {"exc_names", exc_names, METH_NOARGS, NULL},
    {"exc_by_name", exc_by_name, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_errors_def = {
    PyModuleDef_HEAD_INIT, "capi_errors", NULL, -1, capi_errors_methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_errors(void)
{
    PyObject *m = PyModule_Create(&capi_errors_def);
    if (m == NULL) {
        return NULL;
    }
    PyObject *sub = NULL, *bases = NULL, *multi = NULL, *dict = NULL;
    PyObject *dicterr = NULL, *docerr = NULL, *five = NULL;

    MyError = PyErr_NewException("capi_errors.MyError", NULL, NULL);
    if (MyError == NULL || PyModule_AddObjectRef(m, "MyError", MyError) < 0) {
        goto error;
    }
    sub = PyErr_NewException("capi_errors.SubError", PyExc_ValueError, NULL);
    if (sub == NULL || PyModule_AddObjectRef(m, "SubError", sub) < 0) {
        goto error;
    }
    bases = PyTuple_New(2);
    if (bases == NULL) {
        goto error;
    }
    PyTuple_SET_ITEM(bases, 0, Py_NewRef(PyExc_KeyError));
    PyTuple_SET_ITEM(bases, 1, Py_NewRef(PyExc_TypeError));
    multi = PyErr_NewException("capi_errors.MultiError", bases, NULL);
    if (multi == NULL || PyModule_AddObjectRef(m, "MultiError", multi) < 0) {
        goto error;
    }
    dict = PyDict_New();
    five = PyLong_FromLong(5);
    if (dict == NULL || five == NULL || PyDict_SetItemString(dict, "extra", five) < 0) {
        goto error;
    }
    dicterr = PyErr_NewException("capi_errors.DictError", NULL, dict);
    if (dicterr == NULL || PyModule_AddObjectRef(m, "DictError", dicterr) < 0) {
        goto error;
    }
    docerr = PyErr_NewExceptionWithDoc("capi_errors.DocError", "Documented error.",
                                       PyExc_RuntimeError, NULL);
    if (docerr == NULL || PyModule_AddObjectRef(m, "DocError", docerr) < 0) {
        goto error;
    }
    Py_DECREF(sub);
    Py_DECREF(bases);
    Py_DECREF(multi);
    Py_DECREF(dict);
    Py_DECREF(five);
    Py_DECREF(dicterr);
    Py_DECREF(docerr);
    return m; /* MyError keeps its own reference in the static */

error:
    Py_XDECREF(sub);
    Py_XDECREF(bases);
    Py_XDECREF(multi);
    Py_XDECREF(dict);
    Py_XDECREF(five);
    Py_XDECREF(dicterr);
    Py_XDECREF(docerr);
    Py_CLEAR(MyError);
    Py_DECREF(m);
    return NULL;
}
