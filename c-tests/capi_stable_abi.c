/* capi_stable_abi: the functions and data of CPython's stable ABI that the
 * other families leave out: async iteration and sending, slices of
 * sequences, mapping key tests, bytes helpers, capsule destructors,
 * descriptors made from C, dict merges from pairs, int/float info, callable
 * iterators, module file names, os.fspath, the exception helpers (errno
 * with file names, import errors, simulated signals, syntax locations,
 * explicit warnings), the builtin iterator and view types, and the
 * abi_only symbols old binaries import (declared here as such a binary
 * declares them: the headers of 3.13+ no longer do). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <wchar.h>

/* The abi_only functions, and the deprecated ones still declared: using
 * them is the point. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

PyAPI_FUNC(PyObject *) PyCFunction_Call(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyEval_CallObjectWithKeywords(PyObject *callable, PyObject *args, PyObject *kwargs);
PyAPI_FUNC(PyObject *) PyEval_CallFunction(PyObject *callable, const char *format, ...);
PyAPI_FUNC(PyObject *) PyEval_CallMethod(PyObject *obj, const char *name, const char *format, ...);
PyAPI_FUNC(int) PyObject_CheckReadBuffer(PyObject *obj);
PyAPI_FUNC(int) PyObject_AsReadBuffer(PyObject *obj, const void **buffer, Py_ssize_t *buffer_len);
PyAPI_FUNC(int) PyObject_AsCharBuffer(PyObject *obj, const char **buffer, Py_ssize_t *buffer_len);
PyAPI_FUNC(int) PyObject_AsWriteBuffer(PyObject *obj, void **buffer, Py_ssize_t *buffer_len);
PyAPI_FUNC(void) PySys_AddWarnOption(const wchar_t *);
PyAPI_FUNC(void) PySys_AddWarnOptionUnicode(PyObject *);
PyAPI_FUNC(int) PySys_HasWarnOptions(void);
PyAPI_FUNC(void) PySys_AddXOption(const wchar_t *);
PyAPI_FUNC(void) PySys_SetPath(const wchar_t *);
PyAPI_FUNC(Py_ssize_t) PyUnicode_GetSize(PyObject *unicode);
PyAPI_FUNC(void) PyUnicode_InternImmortal(PyObject **);
PyAPI_FUNC(int) _PyState_AddModule(PyThreadState *tstate, PyObject *module, PyModuleDef *def);
PyAPI_FUNC(int) _Py_CheckRecursiveCall(PyThreadState *tstate, const char *where);
PyAPI_FUNC(void) PyEval_AcquireLock(void);
PyAPI_FUNC(void) PyEval_ReleaseLock(void);
PyAPI_DATA(int) _Py_SwappedOp[];

/* ---- async iteration and sending ------------------------------------ */

/* (PyAIter_Check(o), PyObject_GetAIter(o)) */
static PyObject *
aiter(PyObject *m, PyObject *o)
{
    int check = PyAIter_Check(o);
    PyObject *it = PyObject_GetAIter(o);
    if (it == NULL) {
        return NULL;
    }
    return Py_BuildValue("(iN)", check, it);
}

static PyObject *
aiter_check(PyObject *m, PyObject *o)
{
    return PyLong_FromLong(PyAIter_Check(o));
}

/* (result, value) of PyIter_Send(it, arg); NULL with the error for -1
 * (checked to come with a NULL value). */
static PyObject *
iter_send(PyObject *m, PyObject *args)
{
    PyObject *it, *arg, *value = Py_None;
    if (!PyArg_ParseTuple(args, "OO", &it, &arg)) {
        return NULL;
    }
    PySendResult r = PyIter_Send(it, arg, &value);
    if (r == PYGEN_ERROR) {
        if (value != NULL) {
            PyErr_SetString(PyExc_AssertionError, "PYGEN_ERROR with a value");
        }
        return NULL;
    }
    return Py_BuildValue("(iN)", (int)r, value);
}

/* ---- numbers and sequences -------------------------------------------- */

static PyObject *
to_base(PyObject *m, PyObject *args)
{
    PyObject *n;
    int base;
    if (!PyArg_ParseTuple(args, "Oi", &n, &base)) {
        return NULL;
    }
    return PyNumber_ToBase(n, base);
}

/* PySequence_SetSlice(o, i, j, v); v None means NULL (deletion). */
static PyObject *
seq_set_slice(PyObject *m, PyObject *args)
{
    PyObject *o, *v;
    Py_ssize_t i, j;
    if (!PyArg_ParseTuple(args, "OnnO", &o, &i, &j, &v)) {
        return NULL;
    }
    if (PySequence_SetSlice(o, i, j, v == Py_None ? NULL : v) < 0) {
        return NULL;
    }
    return Py_NewRef(o);
}

static PyObject *
seq_del_slice(PyObject *m, PyObject *args)
{
    PyObject *o;
    Py_ssize_t i, j;
    if (!PyArg_ParseTuple(args, "Onn", &o, &i, &j)) {
        return NULL;
    }
    if (PySequence_DelSlice(o, i, j) < 0) {
        return NULL;
    }
    return Py_NewRef(o);
}

static PyObject *
seq_in(PyObject *m, PyObject *args)
{
    PyObject *o, *v;
    if (!PyArg_ParseTuple(args, "OO", &o, &v)) {
        return NULL;
    }
    int r = PySequence_In(o, v);
    if (r < 0) {
        return NULL;
    }
    return PyBool_FromLong(r);
}

/* ---- mappings ------------------------------------------------------------ */

/* (HasKey, HasKeyString), which never fail; the error is still set after
 * neither. */
static PyObject *
has_key(PyObject *m, PyObject *args)
{
    PyObject *o, *key;
    const char *skey;
    if (!PyArg_ParseTuple(args, "OOy", &o, &key, &skey)) {
        return NULL;
    }
    int a = PyMapping_HasKey(o, key);
    int b = PyMapping_HasKeyString(o, skey);
    if (PyErr_Occurred()) {
        return NULL;
    }
    return Py_BuildValue("(ii)", a, b);
}

#if PY_VERSION_HEX >= 0x030D0000
/* (HasKeyWithError, HasKeyStringWithError, GetOptionalItemString's
 * result and item or None); the first error raises. */
static PyObject *
has_key_with_error(PyObject *m, PyObject *args)
{
    PyObject *o, *key, *item = Py_None;
    const char *skey;
    if (!PyArg_ParseTuple(args, "OOy", &o, &key, &skey)) {
        return NULL;
    }
    int a = PyMapping_HasKeyWithError(o, key);
    if (a < 0) {
        return NULL;
    }
    int b = PyMapping_HasKeyStringWithError(o, skey);
    if (b < 0) {
        return NULL;
    }
    int c = PyMapping_GetOptionalItemString(o, skey, &item);
    if (c < 0) {
        return NULL;
    }
    return Py_BuildValue("(iiiN)", a, b, c, item == NULL ? Py_NewRef(Py_None) : item);
}

static PyObject *
has_attr_string_with_error(PyObject *m, PyObject *args)
{
    PyObject *o;
    const char *name;
    if (!PyArg_ParseTuple(args, "Oy", &o, &name)) {
        return NULL;
    }
    int r = PyObject_HasAttrStringWithError(o, name);
    if (r < 0) {
        return NULL;
    }
    return PyLong_FromLong(r);
}
#endif

static PyObject *
merge_seq2(PyObject *m, PyObject *args)
{
    PyObject *d, *seq;
    int override;
    if (!PyArg_ParseTuple(args, "OOi", &d, &seq, &override)) {
        return NULL;
    }
    if (PyDict_MergeFromSeq2(d, seq, override) < 0) {
        return NULL;
    }
    return Py_NewRef(d);
}

/* ---- singletons, bytes ---------------------------------------------------- */

/* The functions, not the macros: (Py_IsTrue)(o), (Py_IsFalse)(o). */
static PyObject *
is_true_false(PyObject *m, PyObject *o)
{
    return Py_BuildValue("(ii)", (Py_IsTrue)(o), (Py_IsFalse)(o));
}

static PyObject *
bytes_repr(PyObject *m, PyObject *args)
{
    PyObject *b;
    int smart;
    if (!PyArg_ParseTuple(args, "Si", &b, &smart)) {
        return NULL;
    }
    return PyBytes_Repr(b, smart);
}

/* *pv = a copy of a (None: NULL), then PyBytes_Concat(pv, w) (w None:
 * NULL), or ConcatAndDel with a new reference to w when `del`. Returns
 * *pv, or None when it is NULL without an error. */
static PyObject *
bytes_concat(PyObject *m, PyObject *args)
{
    PyObject *a, *w;
    int del;
    if (!PyArg_ParseTuple(args, "OOp", &a, &w, &del)) {
        return NULL;
    }
    PyObject *v = a == Py_None ? NULL : PyBytes_FromStringAndSize(PyBytes_AsString(a), PyBytes_Size(a));
    if (a != Py_None && v == NULL) {
        return NULL;
    }
    PyObject *wp = w == Py_None ? NULL : w;
    if (del) {
        Py_XINCREF(wp);
        PyBytes_ConcatAndDel(&v, wp);
    }
    else {
        PyBytes_Concat(&v, wp);
    }
    if (v == NULL) {
        return PyErr_Occurred() ? NULL : Py_NewRef(Py_None);
    }
    return v;
}

/* PyBytes_Concat onto a bytes C holds alone (resized in place by CPython)
 * and then shares: (result, the shared one unchanged). */
static PyObject *
bytes_concat_shared(PyObject *m, PyObject *w)
{
    PyObject *v = PyBytes_FromString("abc");
    if (v == NULL) {
        return NULL;
    }
    PyBytes_Concat(&v, w);
    if (v == NULL) {
        return NULL;
    }
    PyObject *shared = Py_NewRef(v);
    PyBytes_Concat(&v, w);
    if (v == NULL) {
        Py_DECREF(shared);
        return NULL;
    }
    return Py_BuildValue("(NN)", v, shared);
}

static PyObject *
decode_escape(PyObject *m, PyObject *args)
{
    const char *s, *errors;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "y#z", &s, &n, &errors)) {
        return NULL;
    }
    return PyBytes_DecodeEscape(s, n, errors, 0, NULL);
}

/* ---- capsules ----------------------------------------------------------- */

static int destructor_runs = 0;

static void
count_destructor(PyObject *capsule)
{
    destructor_runs++;
}

static void
other_destructor(PyObject *capsule)
{
    destructor_runs += 100;
}

/* (destructor NULL before, no error, same one after Set, runs on death
 * (replacing the first), runs after SetDestructor(NULL)) */
static PyObject *
capsule_destructor(PyObject *m, PyObject *unused)
{
    static int target;
    PyObject *c = PyCapsule_New(&target, "capi_stable_abi.c", NULL);
    if (c == NULL) {
        return NULL;
    }
    int none_before = PyCapsule_GetDestructor(c) == NULL && !PyErr_Occurred();
    if (PyCapsule_SetDestructor(c, other_destructor) < 0
        || PyCapsule_SetDestructor(c, count_destructor) < 0) {
        Py_DECREF(c);
        return NULL;
    }
    int same = PyCapsule_GetDestructor(c) == count_destructor;
    destructor_runs = 0;
    Py_DECREF(c);
    int ran = destructor_runs;

    c = PyCapsule_New(&target, NULL, count_destructor);
    if (c == NULL) {
        return NULL;
    }
    if (PyCapsule_SetDestructor(c, NULL) < 0) {
        Py_DECREF(c);
        return NULL;
    }
    destructor_runs = 0;
    Py_DECREF(c);
    return Py_BuildValue("(iiii)", none_before, same, ran, destructor_runs);
}

/* GetDestructor (get true) or SetDestructor on o, which is no capsule. */
static PyObject *
capsule_destructor_of(PyObject *m, PyObject *args)
{
    PyObject *o;
    int get;
    if (!PyArg_ParseTuple(args, "Op", &o, &get)) {
        return NULL;
    }
    if (get) {
        if (PyCapsule_GetDestructor(o) == NULL && PyErr_Occurred()) {
            return NULL;
        }
    }
    else if (PyCapsule_SetDestructor(o, count_destructor) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- descriptors made from C -------------------------------------------- */

static PyObject *
echo(PyObject *self, PyObject *arg)
{
    return PyTuple_Pack(2, self, arg);
}

static PyMethodDef echo_def = {"echo", echo, METH_O, "echo(x) -> (self, x)"};

/* A method descriptor (class false) or class method descriptor of `type`
 * for echo. */
static PyObject *
descr_new(PyObject *m, PyObject *args)
{
    PyObject *type;
    int cls;
    if (!PyArg_ParseTuple(args, "O!p", &PyType_Type, &type, &cls)) {
        return NULL;
    }
    return cls ? PyDescr_NewClassMethod((PyTypeObject *)type, &echo_def)
               : PyDescr_NewMethod((PyTypeObject *)type, &echo_def);
}

static PyObject *
wrapper_new(PyObject *m, PyObject *args)
{
    PyObject *d, *self;
    if (!PyArg_ParseTuple(args, "OO", &d, &self)) {
        return NULL;
    }
    return PyWrapper_New(d, self);
}

/* ---- objects of the runtime ---------------------------------------------- */

static PyObject *
infos(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("(NN)", PyFloat_GetInfo(), PyLong_GetInfo());
}

static PyObject *
call_iter(PyObject *m, PyObject *args)
{
    PyObject *callable, *sentinel;
    if (!PyArg_ParseTuple(args, "OO", &callable, &sentinel)) {
        return NULL;
    }
    return PyCallIter_New(callable, sentinel);
}

static PyObject *
module_filename(PyObject *m, PyObject *module)
{
    const char *name = PyModule_GetFilename(module);
    if (name == NULL) {
        return NULL;
    }
    return PyBytes_FromString(name);
}

static PyObject *
fspath(PyObject *m, PyObject *o)
{
    return PyOS_FSPath(o);
}

/* The builtin iterator and view types' objects, in a fixed order. */
static PyObject *
iter_types(PyObject *m, PyObject *unused)
{
    PyTypeObject *types[] = {
        &PyByteArrayIter_Type, &PyBytesIter_Type, &PyDictKeys_Type, &PyDictValues_Type,
        &PyDictItems_Type, &PyDictIterKey_Type, &PyDictIterValue_Type, &PyDictIterItem_Type,
        &PyDictRevIterKey_Type, &PyDictRevIterValue_Type, &PyDictRevIterItem_Type,
        &PyListIter_Type, &PyListRevIter_Type, &PyTupleIter_Type, &PySetIter_Type,
        &PyRangeIter_Type, &PyLongRangeIter_Type,
    };
    Py_ssize_t n = (Py_ssize_t)Py_ARRAY_LENGTH(types);
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyTuple_SET_ITEM(t, i, Py_NewRef((PyObject *)types[i]));
    }
    return t;
}

/* ---- exceptions ------------------------------------------------------------ */

static PyObject *
exc_class_name(PyObject *m, PyObject *cls)
{
    return PyUnicode_FromString(PyExceptionClass_Name(cls));
}

#if PY_VERSION_HEX >= 0x030C0000
/* (args before, args after PyException_SetArgs(e, args)) */
static PyObject *
exc_args(PyObject *m, PyObject *a)
{
    PyObject *e, *args;
    if (!PyArg_ParseTuple(a, "OO", &e, &args)) {
        return NULL;
    }
    PyObject *before = PyException_GetArgs(e);
    if (before == NULL) {
        return NULL;
    }
    PyException_SetArgs(e, args);
    if (PyErr_Occurred()) {
        Py_DECREF(before);
        return NULL;
    }
    return Py_BuildValue("(NN)", before, PyException_GetArgs(e));
}
#endif

/* Raises type from errno `code` with the file names (None: NULL). */
static PyObject *
errno_filenames(PyObject *m, PyObject *args)
{
    PyObject *type, *f1, *f2;
    int code, two;
    if (!PyArg_ParseTuple(args, "OiOOp", &type, &code, &f1, &f2, &two)) {
        return NULL;
    }
    errno = code;
    if (two) {
        return PyErr_SetFromErrnoWithFilenameObjects(type, f1 == Py_None ? NULL : f1, f2 == Py_None ? NULL : f2);
    }
    return PyErr_SetFromErrnoWithFilenameObject(type, f1 == Py_None ? NULL : f1);
}

/* Raises PyErr_SetImportError(Subclass); None arguments are NULL. */
static PyObject *
import_error(PyObject *m, PyObject *args)
{
    PyObject *exc, *msg, *name, *path;
    if (!PyArg_ParseTuple(args, "OOOO", &exc, &msg, &name, &path)) {
        return NULL;
    }
#define OR_NULL(o) ((o) == Py_None ? NULL : (o))
    PyObject *r = exc == Py_None ? PyErr_SetImportError(OR_NULL(msg), OR_NULL(name), OR_NULL(path))
                                 : PyErr_SetImportErrorSubclass(exc, OR_NULL(msg), OR_NULL(name), OR_NULL(path));
#undef OR_NULL
    if (r != NULL || !PyErr_Occurred()) {
        PyErr_SetString(PyExc_AssertionError, "no error set");
    }
    return NULL;
}

/* (PyErr_SetInterruptEx(signum), PyErr_CheckSignals()): the handler runs
 * in the check; its error raises. signum -1: PyErr_SetInterrupt(). */
static PyObject *
interrupt(PyObject *m, PyObject *arg)
{
    int signum = (int)PyLong_AsLong(arg);
    if (signum == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int r = 0;
    if (signum == -1) {
        PyErr_SetInterrupt();
    }
    else {
        r = PyErr_SetInterruptEx(signum);
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    if (PyErr_CheckSignals() < 0) {
        return NULL;
    }
    return PyLong_FromLong(r);
}

/* Raises `type(msg)` located by PyErr_SyntaxLocationEx(filename, line,
 * col), or PyErr_SyntaxLocation when col is None. filename None: NULL. */
static PyObject *
syntax_location(PyObject *m, PyObject *args)
{
    PyObject *type, *msg, *col;
    const char *filename;
    int line;
    if (!PyArg_ParseTuple(args, "OOziO", &type, &msg, &filename, &line, &col)) {
        return NULL;
    }
    PyErr_SetObject(type, msg);
    if (col == Py_None) {
        PyErr_SyntaxLocation(filename, line);
    }
    else {
        PyErr_SyntaxLocationEx(filename, line, (int)PyLong_AsLong(col));
    }
    return NULL;
}

/* PyErr_ProgramText, None for NULL (checked to come without an error). */
static PyObject *
program_text(PyObject *m, PyObject *args)
{
    const char *filename;
    int line;
    if (!PyArg_ParseTuple(args, "zi", &filename, &line)) {
        return NULL;
    }
    PyObject *r = PyErr_ProgramText(filename, line);
    if (r == NULL && !PyErr_Occurred()) {
        Py_RETURN_NONE;
    }
    return r;
}

static PyObject *
warn_explicit(PyObject *m, PyObject *args)
{
    PyObject *category, *registry;
    const char *msg, *filename, *module;
    int line;
    if (!PyArg_ParseTuple(args, "OsyizO", &category, &msg, &filename, &line, &module, &registry)) {
        return NULL;
    }
    if (PyErr_WarnExplicit(category == Py_None ? NULL : category, msg, filename, line, module,
                           registry == Py_None ? NULL : registry) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* ---- abi_only --------------------------------------------------------------- */

/* PyEval_CallObjectWithKeywords(f, args, kwargs); None arguments are NULL. */
static PyObject *
call_object_with_keywords(PyObject *m, PyObject *args)
{
    PyObject *f, *a, *kw;
    if (!PyArg_ParseTuple(args, "OOO", &f, &a, &kw)) {
        return NULL;
    }
    return PyEval_CallObjectWithKeywords(f, a == Py_None ? NULL : a, kw == Py_None ? NULL : kw);
}

/* PyCFunction_Call(f, args, kwargs); kwargs None is NULL. */
static PyObject *
cfunction_call(PyObject *m, PyObject *args)
{
    PyObject *f, *a, *kw;
    if (!PyArg_ParseTuple(args, "OOO", &f, &a, &kw)) {
        return NULL;
    }
    return PyCFunction_Call(f, a, kw == Py_None ? NULL : kw);
}

/* PyEval_CallFunction(f, "(ii)"/"i", ...) and PyEval_CallMethod(o, name, "i", 3) */
static PyObject *
eval_call_function(PyObject *m, PyObject *args)
{
    PyObject *f, *o;
    const char *name;
    if (!PyArg_ParseTuple(args, "OOs", &f, &o, &name)) {
        return NULL;
    }
    PyObject *a = PyEval_CallFunction(f, "(ii)", 1, 2);
    if (a == NULL) {
        return NULL;
    }
    PyObject *b = PyEval_CallFunction(f, "i", 7);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    PyObject *c = PyEval_CallMethod(o, name, "i", 3);
    if (c == NULL) {
        Py_DECREF(a);
        Py_DECREF(b);
        return NULL;
    }
    return Py_BuildValue("(NNN)", a, b, c);
}

/* (CheckReadBuffer, AsReadBuffer's and AsCharBuffer's bytes, AsWriteBuffer
 * writing 'X' at the start); the first failure raises. */
static PyObject *
old_buffers(PyObject *m, PyObject *args)
{
    PyObject *o;
    int write;
    if (!PyArg_ParseTuple(args, "Op", &o, &write)) {
        return NULL;
    }
    int check = PyObject_CheckReadBuffer(o);
    const void *rb;
    const char *cb;
    Py_ssize_t rn, cn;
    if (PyObject_AsReadBuffer(o, &rb, &rn) < 0 || PyObject_AsCharBuffer(o, &cb, &cn) < 0) {
        return NULL;
    }
    PyObject *r = Py_BuildValue("(iy#y#)", check, (const char *)rb, rn, cb, cn);
    if (r != NULL && write) {
        void *wb;
        Py_ssize_t wn;
        if (PyObject_AsWriteBuffer(o, &wb, &wn) < 0) {
            Py_DECREF(r);
            return NULL;
        }
        if (wn > 0) {
            ((char *)wb)[0] = 'X';
        }
    }
    return r;
}

static PyObject *
check_read_buffer(PyObject *m, PyObject *o)
{
    int r = PyObject_CheckReadBuffer(o);
    if (PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLong(r);
}

static PyObject *
as_write_buffer(PyObject *m, PyObject *o)
{
    void *wb;
    Py_ssize_t wn;
    if (PyObject_AsWriteBuffer(o, &wb, &wn) < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(wn);
}

/* The old sys functions: adds `warn` (wchar_t) and `warn_u` (str) warning
 * options and the -X options "name=value" and "flag"; returns
 * (HasWarnOptions before, after). */
static PyObject *
old_sys(PyObject *m, PyObject *args)
{
    PyObject *warn, *warn_u;
    if (!PyArg_ParseTuple(args, "UU", &warn, &warn_u)) {
        return NULL;
    }
    int before = PySys_HasWarnOptions();
    wchar_t *w = PyUnicode_AsWideCharString(warn, NULL);
    if (w == NULL) {
        return NULL;
    }
    PySys_AddWarnOption(w);
    PyMem_Free(w);
    PySys_AddWarnOptionUnicode(warn_u);
    PySys_AddXOption(L"capi_stable_abi=yes");
    PySys_AddXOption(L"capi_stable_abi_flag");
    if (PyErr_Occurred()) {
        return NULL;
    }
    return Py_BuildValue("(ii)", before, PySys_HasWarnOptions());
}

static PyObject *
set_path(PyObject *m, PyObject *path)
{
    wchar_t *w = PyUnicode_AsWideCharString(path, NULL);
    if (w == NULL) {
        return NULL;
    }
    PySys_SetPath(w);
    PyMem_Free(w);
    if (PyErr_Occurred()) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
unicode_get_size(PyObject *m, PyObject *s)
{
    Py_ssize_t n = PyUnicode_GetSize(s);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

/* (the str PyUnicode_InternImmortal leaves, its identity with the
 * interned copy of an equal str) */
static PyObject *
intern_immortal(PyObject *m, PyObject *s)
{
    PyObject *a = PyUnicode_FromObject(s);
    if (a == NULL) {
        return NULL;
    }
    PyUnicode_InternImmortal(&a);
    PyObject *b = PyUnicode_FromObject(s);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    PyUnicode_InternInPlace(&b);
    int same = a == b;
    Py_DECREF(b);
    return Py_BuildValue("(Ni)", a, same);
}

static PyModuleDef state_def = {
    PyModuleDef_HEAD_INIT, "capi_stable_abi_state", NULL, -1, NULL, NULL, NULL, NULL, NULL,
};

/* _PyState_AddModule(tstate, module, &state_def), then
 * PyState_FindModule(&state_def) is module. The definition is initialized
 * first, as importing it would. */
static PyObject *
state_add_module(PyObject *m, PyObject *module)
{
    if (PyModuleDef_Init(&state_def) == NULL) {
        return NULL;
    }
    if (_PyState_AddModule(PyThreadState_Get(), module, &state_def) < 0) {
        return NULL;
    }
    PyObject *found = PyState_FindModule(&state_def);
    if (found == NULL && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(found == module);
}

/* _Py_CheckRecursiveCall at this (shallow) depth. */
static PyObject *
check_recursive_call(PyObject *m, PyObject *unused)
{
    int r = _Py_CheckRecursiveCall(PyThreadState_Get(), " in capi_stable_abi");
    if (r < 0) {
        return NULL;
    }
    return PyLong_FromLong(r);
}

/* Gives up the GIL with PyEval_ReleaseLock and takes it back with
 * PyEval_AcquireLock; then calls f. */
static PyObject *
release_acquire_lock(PyObject *m, PyObject *f)
{
    PyEval_ReleaseLock();
    PyEval_AcquireLock();
    return PyObject_CallNoArgs(f);
}

static PyObject *
swapped_ops(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("(iiiiii)", _Py_SwappedOp[Py_LT], _Py_SwappedOp[Py_LE], _Py_SwappedOp[Py_EQ],
                         _Py_SwappedOp[Py_NE], _Py_SwappedOp[Py_GT], _Py_SwappedOp[Py_GE]);
}

#if PY_VERSION_HEX >= 0x030C0000
/* The function, not the macro. */
static PyObject *
vectorcall_nargs(PyObject *m, PyObject *arg)
{
    size_t n = PyLong_AsSize_t(arg);
    if (n == (size_t)-1 && PyErr_Occurred()) {
        return NULL;
    }
    return Py_BuildValue("(nn)", (PyVectorcall_NARGS)(n), (PyVectorcall_NARGS)(n | PY_VECTORCALL_ARGUMENTS_OFFSET));
}
#endif

static PyMethodDef methods[] = {
    {"aiter", aiter, METH_O, NULL},
    {"aiter_check", aiter_check, METH_O, NULL},
    {"iter_send", iter_send, METH_VARARGS, NULL},
    {"to_base", to_base, METH_VARARGS, NULL},
    {"seq_set_slice", seq_set_slice, METH_VARARGS, NULL},
    {"seq_del_slice", seq_del_slice, METH_VARARGS, NULL},
    {"seq_in", seq_in, METH_VARARGS, NULL},
    {"has_key", has_key, METH_VARARGS, NULL},
#if PY_VERSION_HEX >= 0x030D0000
    {"has_key_with_error", has_key_with_error, METH_VARARGS, NULL},
    {"has_attr_string_with_error", has_attr_string_with_error, METH_VARARGS, NULL},
#endif
    {"merge_seq2", merge_seq2, METH_VARARGS, NULL},
    {"is_true_false", is_true_false, METH_O, NULL},
    {"bytes_repr", bytes_repr, METH_VARARGS, NULL},
    {"bytes_concat", bytes_concat, METH_VARARGS, NULL},
    {"bytes_concat_shared", bytes_concat_shared, METH_O, NULL},
    {"decode_escape", decode_escape, METH_VARARGS, NULL},
    {"capsule_destructor", capsule_destructor, METH_NOARGS, NULL},
    {"capsule_destructor_of", capsule_destructor_of, METH_VARARGS, NULL},
    {"descr_new", descr_new, METH_VARARGS, NULL},
    {"wrapper_new", wrapper_new, METH_VARARGS, NULL},
    {"infos", infos, METH_NOARGS, NULL},
    {"call_iter", call_iter, METH_VARARGS, NULL},
    {"module_filename", module_filename, METH_O, NULL},
    {"fspath", fspath, METH_O, NULL},
    {"iter_types", iter_types, METH_NOARGS, NULL},
    {"exc_class_name", exc_class_name, METH_O, NULL},
#if PY_VERSION_HEX >= 0x030C0000
    {"exc_args", exc_args, METH_VARARGS, NULL},
    {"vectorcall_nargs", vectorcall_nargs, METH_O, NULL},
#endif
    {"errno_filenames", errno_filenames, METH_VARARGS, NULL},
    {"import_error", import_error, METH_VARARGS, NULL},
    {"interrupt", interrupt, METH_O, NULL},
    {"syntax_location", syntax_location, METH_VARARGS, NULL},
    {"program_text", program_text, METH_VARARGS, NULL},
    {"warn_explicit", warn_explicit, METH_VARARGS, NULL},
    {"call_object_with_keywords", call_object_with_keywords, METH_VARARGS, NULL},
    {"cfunction_call", cfunction_call, METH_VARARGS, NULL},
    {"eval_call_function", eval_call_function, METH_VARARGS, NULL},
    {"old_buffers", old_buffers, METH_VARARGS, NULL},
    {"check_read_buffer", check_read_buffer, METH_O, NULL},
    {"as_write_buffer", as_write_buffer, METH_O, NULL},
    {"old_sys", old_sys, METH_VARARGS, NULL},
    {"set_path", set_path, METH_O, NULL},
    {"unicode_get_size", unicode_get_size, METH_O, NULL},
    {"intern_immortal", intern_immortal, METH_O, NULL},
    {"state_add_module", state_add_module, METH_O, NULL},
    {"check_recursive_call", check_recursive_call, METH_NOARGS, NULL},
    {"release_acquire_lock", release_acquire_lock, METH_O, NULL},
    {"swapped_ops", swapped_ops, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "capi_stable_abi", NULL, 0, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_stable_abi(void)
{
    return PyModule_Create(&def);
}
