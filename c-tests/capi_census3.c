/* capi_census3: contextvars (context.h), bound methods, sequence iterators,
 * reversed/GenericAlias, code and frame objects, PyMutex (3.13), managed
 * dicts (3.13), tracemalloc, the private int/bytes/dict/str helpers real
 * extensions use, and pyctype.h's tables. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>

/* CPython 3.13 declares these in its internal headers only. */
PyAPI_FUNC(int) _PyDict_SetItem_KnownHash(PyObject *mp, PyObject *key,
                                          PyObject *item, Py_hash_t hash);
#if PY_VERSION_HEX >= 0x030D0000
PyAPI_FUNC(int) _PyDict_SetItem_KnownHash_LockHeld(PyDictObject *mp,
                                                   PyObject *key,
                                                   PyObject *item,
                                                   Py_hash_t hash);
#endif

/* ---- context variables ---- */

static PyObject *
cv_new(PyObject *m, PyObject *args)
{
    const char *name;
    PyObject *def;
    if (!PyArg_ParseTuple(args, "sO", &name, &def))
        return NULL;
    return PyContextVar_New(name, def == Py_None ? NULL : def);
}

/* cv_get(var, default or None) -> ("value", v) or ("none",) */
static PyObject *
cv_get(PyObject *m, PyObject *args)
{
    PyObject *var, *def, *value = (PyObject *)1;
    if (!PyArg_ParseTuple(args, "OO", &var, &def))
        return NULL;
    if (PyContextVar_Get(var, def == Py_None ? NULL : def, &value) < 0)
        return NULL;
    if (value == NULL)
        return Py_BuildValue("(s)", "none");
    return Py_BuildValue("(sN)", "value", value);
}

static PyObject *
cv_set(PyObject *m, PyObject *args)
{
    PyObject *var, *v;
    if (!PyArg_ParseTuple(args, "OO", &var, &v))
        return NULL;
    return PyContextVar_Set(var, v);
}

static PyObject *
cv_reset(PyObject *m, PyObject *args)
{
    PyObject *var, *tok;
    if (!PyArg_ParseTuple(args, "OO", &var, &tok))
        return NULL;
    if (PyContextVar_Reset(var, tok) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
ctx_new(PyObject *m, PyObject *unused)
{
    return PyContext_New();
}

static PyObject *
ctx_copy(PyObject *m, PyObject *ctx)
{
    return PyContext_Copy(ctx);
}

static PyObject *
ctx_copy_current(PyObject *m, PyObject *unused)
{
    return PyContext_CopyCurrent();
}

static PyObject *
ctx_enter(PyObject *m, PyObject *ctx)
{
    if (PyContext_Enter(ctx) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
ctx_exit(PyObject *m, PyObject *ctx)
{
    if (PyContext_Exit(ctx) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ctx_run_in(ctx, fn): enter ctx, call fn(), exit; returns fn's result */
static PyObject *
ctx_run_in(PyObject *m, PyObject *args)
{
    PyObject *ctx, *fn;
    if (!PyArg_ParseTuple(args, "OO", &ctx, &fn))
        return NULL;
    if (PyContext_Enter(ctx) < 0)
        return NULL;
    PyObject *r = PyObject_CallNoArgs(fn);
    if (PyContext_Exit(ctx) < 0) {
        Py_XDECREF(r);
        return NULL;
    }
    return r;
}

static PyObject *
ctx_types(PyObject *m, PyObject *args)
{
    PyObject *ctx, *var, *tok;
    if (!PyArg_ParseTuple(args, "OOO", &ctx, &var, &tok))
        return NULL;
    return Py_BuildValue("(iiiOOO)", PyContext_CheckExact(ctx),
                         PyContextVar_CheckExact(var),
                         PyContextToken_CheckExact(tok),
                         (PyObject *)&PyContext_Type,
                         (PyObject *)&PyContextVar_Type,
                         (PyObject *)&PyContextToken_Type);
}

/* ---- bound methods ---- */

static PyObject *
method_new(PyObject *m, PyObject *args)
{
    PyObject *f, *s;
    if (!PyArg_ParseTuple(args, "OO", &f, &s))
        return NULL;
    return PyMethod_New(f, s);
}

static PyObject *
method_parts(PyObject *m, PyObject *meth)
{
    PyObject *f = PyMethod_Function(meth);
    if (f == NULL)
        return NULL;
    PyObject *s = PyMethod_Self(meth);
    if (s == NULL)
        return NULL;
    return Py_BuildValue("(OOOi)", f, s, PyMethod_GET_FUNCTION(meth),
                         PyMethod_GET_SELF(meth) == s);
}

static PyObject *
method_self(PyObject *m, PyObject *meth)
{
    PyObject *s = PyMethod_Self(meth);
    return Py_XNewRef(s);
}

/* ---- iterators, reversed, GenericAlias ---- */

static PyObject *
seqiter_new(PyObject *m, PyObject *seq)
{
    return PySeqIter_New(seq);
}

static PyObject *
seqiter_check(PyObject *m, PyObject *it)
{
    return PyBool_FromLong(PySeqIter_Check(it));
}

static PyObject *
reversed_type(PyObject *m, PyObject *unused)
{
    return Py_NewRef((PyObject *)&PyReversed_Type);
}

static PyObject *
enum_type(PyObject *m, PyObject *unused)
{
    return Py_NewRef((PyObject *)&PyEnum_Type);
}

static PyObject *
generic_alias(PyObject *m, PyObject *args)
{
    PyObject *o, *a;
    if (!PyArg_ParseTuple(args, "OO", &o, &a))
        return NULL;
    return Py_GenericAlias(o, a);
}

static PyObject *
generic_alias_type(PyObject *m, PyObject *unused)
{
    return Py_NewRef((PyObject *)&Py_GenericAliasType);
}

/* ---- code and frames ---- */

static PyObject *
code_new_empty(PyObject *m, PyObject *args)
{
    const char *file, *func;
    int line;
    if (!PyArg_ParseTuple(args, "ssi", &file, &func, &line))
        return NULL;
    PyCodeObject *co = PyCode_NewEmpty(file, func, line);
    if (co == NULL)
        return NULL;
    if (!PyCode_Check((PyObject *)co)) {
        Py_DECREF(co);
        PyErr_SetString(PyExc_AssertionError, "not PyCode_Check");
        return NULL;
    }
    return (PyObject *)co;
}

/* frame_new(code, globals) -> (frame, code, globals, lineno, back is None) */
static PyObject *
frame_new(PyObject *m, PyObject *args)
{
    PyObject *code, *globals;
    if (!PyArg_ParseTuple(args, "OO", &code, &globals))
        return NULL;
    PyFrameObject *f = PyFrame_New(PyThreadState_Get(), (PyCodeObject *)code,
                                   globals, NULL);
    if (f == NULL)
        return NULL;
    PyCodeObject *fc = PyFrame_GetCode(f);
    PyObject *g = PyFrame_GetGlobals(f);
    PyObject *b = PyFrame_GetBuiltins(f);
    int line = PyFrame_GetLineNumber(f);
    if (fc == NULL || g == NULL || b == NULL) {
        Py_XDECREF(fc);
        Py_XDECREF(g);
        Py_XDECREF(b);
        Py_DECREF(f);
        return NULL;
    }
    Py_DECREF(b);
    return Py_BuildValue("(NNNi)", (PyObject *)f, (PyObject *)fc, g, line);
}

/* traceback_here(code, globals): raise RuntimeError with a traceback entry
 * for a frame made by PyFrame_New (what Cython does) */
static PyObject *
traceback_here(PyObject *m, PyObject *args)
{
    PyObject *code, *globals;
    if (!PyArg_ParseTuple(args, "OO", &code, &globals))
        return NULL;
    PyFrameObject *f = PyFrame_New(PyThreadState_Get(), (PyCodeObject *)code,
                                   globals, NULL);
    if (f == NULL)
        return NULL;
    PyErr_SetString(PyExc_RuntimeError, "from C");
    PyTraceBack_Here(f);
    Py_DECREF(f);
    return NULL;
}

#if PY_VERSION_HEX >= 0x030D0000
/* code_new_posonly(posonly, argcount, name, filename, firstlineno) */
static PyObject *
code_new_posonly(PyObject *m, PyObject *args)
{
    int posonly, argc, line;
    PyObject *name, *filename;
    if (!PyArg_ParseTuple(args, "iiUUi", &posonly, &argc, &name, &filename, &line))
        return NULL;
    PyObject *empty = PyBytes_FromStringAndSize(NULL, 0);
    PyObject *t = PyTuple_New(0);
    PyObject *vars = Py_BuildValue("(ss)", "a", "b");
    PyCodeObject *co = NULL;
    if (empty && t && vars)
        co = PyUnstable_Code_NewWithPosOnlyArgs(
            argc, posonly, 0, 2, 0, 0, empty, t, t, vars, t, t, filename,
            name, name, line, empty, empty);
    Py_XDECREF(empty);
    Py_XDECREF(t);
    Py_XDECREF(vars);
    return (PyObject *)co;
}
#endif

/* ---- PyMutex (3.13) ---- */

#if PY_VERSION_HEX >= 0x030D0000
static PyMutex the_mutex;
static long counter;

static PyObject *
mutex_lock(PyObject *m, PyObject *unused)
{
    PyMutex_Lock(&the_mutex);
    Py_RETURN_NONE;
}

static PyObject *
mutex_unlock(PyObject *m, PyObject *unused)
{
    PyMutex_Unlock(&the_mutex);
    Py_RETURN_NONE;
}

static PyObject *
mutex_bits(PyObject *m, PyObject *unused)
{
    return PyLong_FromLong(the_mutex._bits & 1);
}

/* mutex_count(n): n times lock, counter += 1 (non-atomically, with the GIL
 * given up around it), unlock; returns the counter. Threads running this
 * together lose no increments only if the mutex excludes them. */
static PyObject *
mutex_count(PyObject *m, PyObject *arg)
{
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    long c;
    Py_BEGIN_ALLOW_THREADS
    for (long i = 0; i < n; i++) {
        PyMutex_Lock(&the_mutex);
        volatile long v = counter;
        v = v + 1;
        counter = v;
        PyMutex_Unlock(&the_mutex);
    }
    c = counter;
    Py_END_ALLOW_THREADS
    return PyLong_FromLong(c);
}

/* mutex_hold_then_call(fn): lock with the GIL held, call fn() (which starts
 * a thread that waits for the mutex: it must not hold the GIL meanwhile),
 * unlock after fn returns. */
static PyObject *
mutex_hold_then_call(PyObject *m, PyObject *fn)
{
    PyMutex_Lock(&the_mutex);
    PyObject *r = PyObject_CallNoArgs(fn);
    PyMutex_Unlock(&the_mutex);
    return r;
}
#endif

/* ---- managed dicts (3.13) ---- */

#if PY_VERSION_HEX >= 0x030D0000
typedef struct {
    PyObject_HEAD
} MDObject;

static int
md_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    return PyObject_VisitManagedDict(self, visit, arg);
}

static int
md_clear(PyObject *self)
{
    PyObject_ClearManagedDict(self);
    return 0;
}

static void
md_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject_GC_UnTrack(self);
    PyObject_ClearManagedDict(self);
    tp->tp_free(self);
    Py_DECREF(tp);
}

static PyType_Slot md_slots[] = {
    {Py_tp_traverse, md_traverse},
    {Py_tp_clear, md_clear},
    {Py_tp_dealloc, md_dealloc},
    {0, NULL},
};

static PyType_Spec md_spec = {
    "capi_census3.MD", sizeof(MDObject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MANAGED_DICT,
    md_slots,
};

static int
collect_visit(PyObject *o, void *arg)
{
    return PyList_Append((PyObject *)arg, o);
}

/* visit_managed(obj) -> list of what PyObject_VisitManagedDict visits */
static PyObject *
visit_managed(PyObject *m, PyObject *obj)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    if (PyObject_VisitManagedDict(obj, collect_visit, list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

static PyObject *
clear_managed(PyObject *m, PyObject *obj)
{
    PyObject_ClearManagedDict(obj);
    Py_RETURN_NONE;
}
#endif

/* ---- tracemalloc ---- */

static PyObject *
tracemalloc_calls(PyObject *m, PyObject *unused)
{
    static char block[16];
    int a = PyTraceMalloc_Track(7, (uintptr_t)block, sizeof block);
    int b = PyTraceMalloc_Untrack(7, (uintptr_t)block);
    return Py_BuildValue("(ii)", a, b);
}

/* ---- private int, bytes, dict, object helpers ---- */

static PyObject *
long_from_bytes(PyObject *m, PyObject *args)
{
    const char *data;
    Py_ssize_t n;
    int le, sig;
    if (!PyArg_ParseTuple(args, "y#pp", &data, &n, &le, &sig))
        return NULL;
    return _PyLong_FromByteArray((const unsigned char *)data, (size_t)n, le, sig);
}

/* long_as_bytes(v, n, little_endian, signed, with_exceptions) ->
 * (status, bytes, exception set) ; the buffer starts as 0xAA bytes */
static PyObject *
long_as_bytes(PyObject *m, PyObject *args)
{
    PyObject *v;
    Py_ssize_t n;
    int le, sig, exc;
    if (!PyArg_ParseTuple(args, "Onppp", &v, &n, &le, &sig, &exc))
        return NULL;
    unsigned char buf[64];
    if (n > 64)
        n = 64;
    memset(buf, 0xAA, sizeof buf);
#if PY_VERSION_HEX >= 0x030D0000
    int r = _PyLong_AsByteArray((PyLongObject *)v, buf, (size_t)n, le, sig, exc);
#else
    int r = _PyLong_AsByteArray((PyLongObject *)v, buf, (size_t)n, le, sig);
    (void)exc;
#endif
    if (r < 0 && PyErr_Occurred())
        return NULL;
    return Py_BuildValue("(iy#)", r, (const char *)buf, n);
}

static PyObject *
long_copy(PyObject *m, PyObject *v)
{
    return _PyLong_Copy((PyLongObject *)v);
}

/* bytes_resize(data, newsize, share): bytes made by C from data, resized;
 * with share, Python holds the bytes first (a second reference) */
static PyObject *
bytes_resize(PyObject *m, PyObject *args)
{
    const char *data;
    Py_ssize_t n, newsize;
    int share;
    if (!PyArg_ParseTuple(args, "y#np", &data, &n, &newsize, &share))
        return NULL;
    PyObject *b = PyBytes_FromStringAndSize(NULL, n);
    if (b == NULL)
        return NULL;
    memcpy(PyBytes_AS_STRING(b), data, n);
    PyObject *held = NULL;
    if (share) {
        held = Py_NewRef(b);
        /* Python sees it */
        PyObject *r = PyObject_Repr(held);
        Py_XDECREF(r);
    }
    if (_PyBytes_Resize(&b, newsize) < 0) {
        Py_XDECREF(held);
        if (b != NULL) {
            PyErr_SetString(PyExc_AssertionError, "*bytes not NULL on failure");
        }
        return NULL;
    }
    if (newsize > n)
        memset(PyBytes_AS_STRING(b) + n, 'z', newsize - n);
    PyObject *r = held ? Py_BuildValue("(NN)", b, held) : Py_BuildValue("(N)", b);
    return r;
}

/* bytes_resize_bad(obj, newsize): _PyBytes_Resize on a new ref to obj */
static PyObject *
bytes_resize_bad(PyObject *m, PyObject *args)
{
    PyObject *o;
    Py_ssize_t newsize;
    if (!PyArg_ParseTuple(args, "On", &o, &newsize))
        return NULL;
    Py_INCREF(o);
    if (_PyBytes_Resize(&o, newsize) < 0) {
        if (o != NULL) {
            PyErr_SetString(PyExc_AssertionError, "*bytes not NULL on failure");
        }
        return NULL;
    }
    return o;
}

static PyObject *
dict_set_known_hash(PyObject *m, PyObject *args)
{
    PyObject *d, *k, *v;
    int lock_held;
    if (!PyArg_ParseTuple(args, "OOOp", &d, &k, &v, &lock_held))
        return NULL;
    Py_hash_t h = PyObject_Hash(k);
    if (h == -1)
        return NULL;
    int r;
#if PY_VERSION_HEX >= 0x030D0000
    if (lock_held)
        r = _PyDict_SetItem_KnownHash_LockHeld((PyDictObject *)d, k, v, h);
    else
#endif
        r = _PyDict_SetItem_KnownHash(d, k, v, h);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* dict_ptr(obj) -> None (no dict pointer), or what *ptr holds (None for
 * NULL), after checking a second call gives the same pointer */
static PyObject *
dict_ptr(PyObject *m, PyObject *obj)
{
    PyObject **p = _PyObject_GetDictPtr(obj);
    if (p == NULL) {
        if (PyErr_Occurred())
            return NULL;
        return Py_BuildValue("(s)", "null");
    }
    if (_PyObject_GetDictPtr(obj) != p) {
        PyErr_SetString(PyExc_AssertionError, "the pointer moved");
        return NULL;
    }
    return Py_BuildValue("(sO)", "ptr", *p ? *p : Py_None);
}

/* ---- pyctype.h ---- */

static PyObject *
ctype_tables(PyObject *m, PyObject *unused)
{
    PyObject *flags = PyBytes_FromStringAndSize(NULL, 256);
    PyObject *lower = PyBytes_FromStringAndSize(NULL, 256);
    PyObject *upper = PyBytes_FromStringAndSize(NULL, 256);
    if (!flags || !lower || !upper) {
        Py_XDECREF(flags);
        Py_XDECREF(lower);
        Py_XDECREF(upper);
        return NULL;
    }
    for (int c = 0; c < 256; c++) {
        PyBytes_AS_STRING(flags)[c] = (char)_Py_ctype_table[c];
        PyBytes_AS_STRING(lower)[c] = (char)Py_TOLOWER(c);
        PyBytes_AS_STRING(upper)[c] = (char)Py_TOUPPER(c);
    }
    int macros = (Py_ISALPHA('a') != 0) + 2 * (Py_ISDIGIT('7') != 0) +
                 4 * (Py_ISSPACE('\v') != 0) + 8 * (Py_ISXDIGIT('g') == 0) +
                 16 * (Py_ISUPPER('Q') != 0) + 32 * (Py_ISLOWER('Q') == 0) +
                 64 * (Py_ISALNUM('_') == 0);
    return Py_BuildValue("(NNNi)", flags, lower, upper, macros);
}

/* ---- str C is building ---- */

/* str_build(text, newlen): PyUnicode_New of text's kind, CopyCharacters
 * of text into it, PyUnicode_Resize to newlen, Fill the added tail with
 * '#' (when it is ASCII-compatible), WriteChar 'A' at 0 */
static PyObject *
str_build(PyObject *m, PyObject *args)
{
    PyObject *text;
    Py_ssize_t newlen;
    if (!PyArg_ParseTuple(args, "Un", &text, &newlen))
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    PyObject *u = PyUnicode_New(n, PyUnicode_MAX_CHAR_VALUE(text));
    if (u == NULL)
        return NULL;
    Py_ssize_t copied = PyUnicode_CopyCharacters(u, 0, text, 0, n);
    if (copied < 0) {
        Py_DECREF(u);
        return NULL;
    }
    if (PyUnicode_Resize(&u, newlen) < 0) {
        Py_XDECREF(u);
        return NULL;
    }
    Py_ssize_t filled = 0;
    if (newlen > n) {
        filled = PyUnicode_Fill(u, n, newlen - n, '#');
        if (filled < 0) {
            Py_DECREF(u);
            return NULL;
        }
    }
    if (newlen > 0 && PyUnicode_WriteChar(u, 0, 'A') < 0) {
        Py_DECREF(u);
        return NULL;
    }
    return Py_BuildValue("(Nnn)", u, copied, filled);
}

/* str_copy(to_len, maxchar, from, to_start, from_start, how_many):
 * CopyCharacters into a fresh PyUnicode_New(to_len, maxchar) filled with
 * '.'; -> (result str, returned count) */
static PyObject *
str_copy(PyObject *m, PyObject *args)
{
    Py_ssize_t to_len, to_start, from_start, how_many;
    unsigned int maxchar;
    PyObject *from;
    if (!PyArg_ParseTuple(args, "nIOnnn", &to_len, &maxchar, &from, &to_start,
                          &from_start, &how_many))
        return NULL;
    PyObject *u = PyUnicode_New(to_len, maxchar);
    if (u == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < to_len; i++)
        PyUnicode_WRITE(PyUnicode_KIND(u), PyUnicode_DATA(u), i, '.');
    Py_ssize_t r = PyUnicode_CopyCharacters(u, to_start, from, from_start, how_many);
    if (r < 0) {
        Py_DECREF(u);
        return NULL;
    }
    return Py_BuildValue("(Nn)", u, r);
}

/* str_modify_used(s, which): modify a str Python has: 0 CopyCharacters,
 * 1 WriteChar, 2 Fill */
static PyObject *
str_modify_used(PyObject *m, PyObject *args)
{
    PyObject *s;
    int which;
    if (!PyArg_ParseTuple(args, "Ui", &s, &which))
        return NULL;
    Py_ssize_t r;
    if (which == 0)
        r = PyUnicode_CopyCharacters(s, 0, s, 1, 1);
    else if (which == 1)
        r = PyUnicode_WriteChar(s, 0, 'x');
    else
        r = PyUnicode_Fill(s, 0, 1, 'x');
    if (r < 0)
        return NULL;
    return PyLong_FromSsize_t(r);
}

/* str_resize_used(s, n): PyUnicode_Resize of a new reference to s */
static PyObject *
str_resize_used(PyObject *m, PyObject *args)
{
    PyObject *s;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "On", &s, &n))
        return NULL;
    Py_INCREF(s);
    if (PyUnicode_Resize(&s, n) < 0) {
        Py_DECREF(s);
        return NULL;
    }
    return s;
}

static PyMethodDef methods[] = {
    {"cv_new", cv_new, METH_VARARGS, NULL},
    {"cv_get", cv_get, METH_VARARGS, NULL},
    {"cv_set", cv_set, METH_VARARGS, NULL},
    {"cv_reset", cv_reset, METH_VARARGS, NULL},
    {"ctx_new", ctx_new, METH_NOARGS, NULL},
    {"ctx_copy", ctx_copy, METH_O, NULL},
    {"ctx_copy_current", ctx_copy_current, METH_NOARGS, NULL},
    {"ctx_enter", ctx_enter, METH_O, NULL},
    {"ctx_exit", ctx_exit, METH_O, NULL},
    {"ctx_run_in", ctx_run_in, METH_VARARGS, NULL},
    {"ctx_types", ctx_types, METH_VARARGS, NULL},
    {"method_new", method_new, METH_VARARGS, NULL},
    {"method_parts", method_parts, METH_O, NULL},
    {"method_self", method_self, METH_O, NULL},
    {"seqiter_new", seqiter_new, METH_O, NULL},
    {"seqiter_check", seqiter_check, METH_O, NULL},
    {"reversed_type", reversed_type, METH_NOARGS, NULL},
    {"enum_type", enum_type, METH_NOARGS, NULL},
    {"generic_alias", generic_alias, METH_VARARGS, NULL},
    {"generic_alias_type", generic_alias_type, METH_NOARGS, NULL},
    {"code_new_empty", code_new_empty, METH_VARARGS, NULL},
    {"frame_new", frame_new, METH_VARARGS, NULL},
    {"traceback_here", traceback_here, METH_VARARGS, NULL},
#if PY_VERSION_HEX >= 0x030D0000
    {"code_new_posonly", code_new_posonly, METH_VARARGS, NULL},
    {"mutex_lock", mutex_lock, METH_NOARGS, NULL},
    {"mutex_unlock", mutex_unlock, METH_NOARGS, NULL},
    {"mutex_bits", mutex_bits, METH_NOARGS, NULL},
    {"mutex_count", mutex_count, METH_O, NULL},
    {"mutex_hold_then_call", mutex_hold_then_call, METH_O, NULL},
    {"visit_managed", visit_managed, METH_O, NULL},
    {"clear_managed", clear_managed, METH_O, NULL},
#endif
    {"tracemalloc_calls", tracemalloc_calls, METH_NOARGS, NULL},
    {"long_from_bytes", long_from_bytes, METH_VARARGS, NULL},
    {"long_as_bytes", long_as_bytes, METH_VARARGS, NULL},
    {"long_copy", long_copy, METH_O, NULL},
    {"bytes_resize", bytes_resize, METH_VARARGS, NULL},
    {"bytes_resize_bad", bytes_resize_bad, METH_VARARGS, NULL},
    {"dict_set_known_hash", dict_set_known_hash, METH_VARARGS, NULL},
    {"dict_ptr", dict_ptr, METH_O, NULL},
    {"ctype_tables", ctype_tables, METH_NOARGS, NULL},
    {"str_build", str_build, METH_VARARGS, NULL},
    {"str_copy", str_copy, METH_VARARGS, NULL},
    {"str_modify_used", str_modify_used, METH_VARARGS, NULL},
    {"str_resize_used", str_resize_used, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "capi_census3", NULL, -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_census3(void)
{
    PyObject *m = PyModule_Create(&moduledef);
    if (m == NULL)
        return NULL;
#if PY_VERSION_HEX >= 0x030D0000
    PyObject *md = PyType_FromSpec(&md_spec);
    if (md == NULL || PyModule_AddObject(m, "MD", md) < 0) {
        Py_XDECREF(md);
        Py_DECREF(m);
        return NULL;
    }
#endif
    return m;
}
