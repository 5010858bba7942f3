/* capi_object2: more of object.h and abstract.h (bytes(), dir(), length
 * hints, sequence repetition, the repr recursion guard, optional lookups),
 * exception chaining and errno errors (pyerrors.h), and renaming capsules. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>

static PyObject *
object_bytes(PyObject *m, PyObject *o)
{
    return PyObject_Bytes(o);
}

static PyObject *
object_bytes_null(PyObject *m, PyObject *ignored)
{
    return PyObject_Bytes(NULL);
}

static PyObject *
bytes_from_object(PyObject *m, PyObject *o)
{
    return PyBytes_FromObject(o);
}

static PyObject *
object_dir(PyObject *m, PyObject *o)
{
    return PyObject_Dir(o);
}

/* dir() of the calling Python frame's locals */
static PyObject *
object_dir_null(PyObject *m, PyObject *ignored)
{
    return PyObject_Dir(NULL);
}

static PyObject *
length_hint(PyObject *m, PyObject *args)
{
    PyObject *o;
    Py_ssize_t dflt;
    if (!PyArg_ParseTuple(args, "On", &o, &dflt))
        return NULL;
    Py_ssize_t n = PyObject_LengthHint(o, dflt);
    return n == -1 && PyErr_Occurred() ? NULL : PyLong_FromSsize_t(n);
}

static PyObject *
seq_repeat(PyObject *m, PyObject *args)
{
    PyObject *o;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "On", &o, &n))
        return NULL;
    return PySequence_Repeat(o, n);
}

static PyObject *
seq_inplace_repeat(PyObject *m, PyObject *args)
{
    PyObject *o;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "On", &o, &n))
        return NULL;
    return PySequence_InPlaceRepeat(o, n);
}

static PyObject *
seq_inplace_concat(PyObject *m, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b))
        return NULL;
    return PySequence_InPlaceConcat(a, b);
}

static PyObject *
repr_enter(PyObject *m, PyObject *o)
{
    int r = Py_ReprEnter(o);
    return r < 0 ? NULL : PyLong_FromLong(r);
}

static PyObject *
repr_leave(PyObject *m, PyObject *o)
{
    Py_ReprLeave(o);
    Py_RETURN_NONE;
}

/* guarded_repr(o, f): f() inside Py_ReprEnter(o)/Py_ReprLeave(o), the way a
 * container's tp_repr recurses; "<...>" when o is being repr'd already. The
 * leave runs with f's exception pending, which must survive it. */
static PyObject *
guarded_repr(PyObject *m, PyObject *args)
{
    PyObject *o, *f;
    if (!PyArg_ParseTuple(args, "OO", &o, &f))
        return NULL;
    int r = Py_ReprEnter(o);
    if (r != 0)
        return r > 0 ? PyUnicode_FromString("<...>") : NULL;
    PyObject *result = PyObject_CallNoArgs(f);
    Py_ReprLeave(o);
    return result;
}

static PyObject *
exc_cause(PyObject *m, PyObject *e)
{
    PyObject *c = PyException_GetCause(e);
    if (c == NULL && !PyErr_Occurred())
        Py_RETURN_NONE;
    return c;
}

static PyObject *
exc_context(PyObject *m, PyObject *e)
{
    PyObject *c = PyException_GetContext(e);
    if (c == NULL && !PyErr_Occurred())
        Py_RETURN_NONE;
    return c;
}

/* exc_set_context(e, ctx or None): None passes NULL; the call steals */
static PyObject *
exc_set_context(PyObject *m, PyObject *args)
{
    PyObject *e, *ctx;
    if (!PyArg_ParseTuple(args, "OO", &e, &ctx))
        return NULL;
    PyException_SetContext(e, ctx == Py_None ? NULL : Py_NewRef(ctx));
    Py_RETURN_NONE;
}

/* errno_error(code, filename or None, type): raises type for errno `code` */
static PyObject *
errno_error(PyObject *m, PyObject *args)
{
    int code;
    PyObject *filename, *type;
    if (!PyArg_ParseTuple(args, "iOO", &code, &filename, &type))
        return NULL;
    const char *name = NULL;
    if (filename != Py_None && (name = PyBytes_AsString(filename)) == NULL)
        return NULL;
    errno = code;
    PyObject *r = PyErr_SetFromErrnoWithFilename(type, name);
    if (r != NULL || !PyErr_Occurred()) {
        PyErr_SetString(PyExc_AssertionError, "expected NULL with an exception");
        return NULL;
    }
    return NULL;
}

static int capsule_target;

static const char *const capsule_names[] = {"capi_object2.first", "capi_object2.second"};

/* capsule_new(name index or None) */
static PyObject *
capsule_new(PyObject *m, PyObject *i)
{
    const char *name = i == Py_None ? NULL : capsule_names[PyLong_AsLong(i) & 1];
    return PyCapsule_New(&capsule_target, name, NULL);
}

/* capsule_rename(capsule, name index or None) */
static PyObject *
capsule_rename(PyObject *m, PyObject *args)
{
    PyObject *cap, *i;
    if (!PyArg_ParseTuple(args, "OO", &cap, &i))
        return NULL;
    const char *name = i == Py_None ? NULL : capsule_names[PyLong_AsLong(i) & 1];
    if (PyCapsule_SetName(cap, name) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* capsule_name(capsule) -> the name, or None for NULL */
static PyObject *
capsule_name(PyObject *m, PyObject *cap)
{
    const char *name = PyCapsule_GetName(cap);
    if (name == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;
    }
    return PyUnicode_FromString(name);
}

/* capsule_check(capsule, name or None) -> (IsValid, GetPointer finds it) */
static PyObject *
capsule_check(PyObject *m, PyObject *args)
{
    PyObject *cap, *n;
    if (!PyArg_ParseTuple(args, "OO", &cap, &n))
        return NULL;
    const char *name = n == Py_None ? NULL : PyUnicode_AsUTF8(n);
    if (n != Py_None && name == NULL)
        return NULL;
    int valid = PyCapsule_IsValid(cap, name);
    void *p = PyCapsule_GetPointer(cap, name);
    if (p == NULL)
        PyErr_Clear();
    return Py_BuildValue("(OO)", valid ? Py_True : Py_False, p == &capsule_target ? Py_True : Py_False);
}

#if PY_VERSION_HEX >= 0x030D0000
/* the (result, value or None) of a GetOptional* call */
static PyObject *
optional(int r, PyObject *value)
{
    if (r < 0) {
        if (value != NULL) {
            PyErr_SetString(PyExc_AssertionError, "-1 with a result");
            Py_DECREF(value);
        }
        return NULL;
    }
    if ((r == 1) != (value != NULL)) {
        PyErr_SetString(PyExc_AssertionError, "result and value disagree");
        Py_XDECREF(value);
        return NULL;
    }
    PyObject *t = Py_BuildValue("(iO)", r, value ? value : Py_None);
    Py_XDECREF(value);
    return t;
}

#define SENTINEL ((PyObject *)&capsule_target)

static PyObject *
optional_attr_string(PyObject *m, PyObject *args)
{
    PyObject *o, *value = SENTINEL;
    const char *name;
    if (!PyArg_ParseTuple(args, "Os", &o, &name))
        return NULL;
    int r = PyObject_GetOptionalAttrString(o, name, &value);
    return optional(r, value);
}

static PyObject *
optional_item(PyObject *m, PyObject *args)
{
    PyObject *o, *key, *value = SENTINEL;
    if (!PyArg_ParseTuple(args, "OO", &o, &key))
        return NULL;
    int r = PyMapping_GetOptionalItem(o, key, &value);
    return optional(r, value);
}
#endif

/* Private functions real code calls (the census's): */

/* _PyType_Lookup(type, name): borrowed, or None for NULL (no exception). */
static PyObject *
type_lookup(PyObject *m, PyObject *args)
{
    PyObject *type, *name;
    if (!PyArg_ParseTuple(args, "O!O", &PyType_Type, &type, &name))
        return NULL;
    PyObject *r = _PyType_Lookup((PyTypeObject *)type, name);
    if (PyErr_Occurred())
        return NULL;
    return Py_NewRef(r ? r : Py_None);
}

static PyObject *
dict_known_hash(PyObject *m, PyObject *args)
{
    PyObject *d, *key;
    if (!PyArg_ParseTuple(args, "O!O", &PyDict_Type, &d, &key))
        return NULL;
    Py_hash_t h = PyObject_Hash(key);
    if (h == -1)
        return NULL;
    PyObject *fresh = _PyDict_NewPresized(100);
    if (fresh == NULL)
        return NULL;
    int empty = PyDict_Size(fresh) == 0;
    Py_DECREF(fresh);
    PyObject *r = _PyDict_GetItem_KnownHash(d, key, h);
    if (r == NULL && PyErr_Occurred())
        return NULL;
    return Py_BuildValue("(Oi)", r ? r : Py_None, empty);
}

/* _Py_HashDouble(obj, v): a NaN hashes by obj's address */
static PyObject *
hash_double(PyObject *m, PyObject *args)
{
    double v;
    PyObject *obj;
    if (!PyArg_ParseTuple(args, "dO", &v, &obj))
        return NULL;
    return PyLong_FromSsize_t(_Py_HashDouble(obj, v));
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static PyObject *
long_sign(PyObject *m, PyObject *v)
{
    if (!PyLong_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "not an int");
        return NULL;
    }
    return PyLong_FromLong(_PyLong_Sign(v));
}
#pragma GCC diagnostic pop

static PyObject *
bad_internal_call(PyObject *m, PyObject *unused)
{
    _PyErr_BadInternalCall("f.c", 7);
    return NULL;
}

static PyMethodDef methods[] = {
    {"type_lookup", type_lookup, METH_VARARGS, NULL},
    {"dict_known_hash", dict_known_hash, METH_VARARGS, NULL},
    {"hash_double", hash_double, METH_VARARGS, NULL},
    {"long_sign", long_sign, METH_O, NULL},
    {"bad_internal_call", bad_internal_call, METH_NOARGS, NULL},
    {"object_bytes", object_bytes, METH_O, NULL},
    {"object_bytes_null", object_bytes_null, METH_NOARGS, NULL},
    {"bytes_from_object", bytes_from_object, METH_O, NULL},
    {"object_dir", object_dir, METH_O, NULL},
    {"object_dir_null", object_dir_null, METH_NOARGS, NULL},
    {"length_hint", length_hint, METH_VARARGS, NULL},
    {"seq_repeat", seq_repeat, METH_VARARGS, NULL},
    {"seq_inplace_repeat", seq_inplace_repeat, METH_VARARGS, NULL},
    {"seq_inplace_concat", seq_inplace_concat, METH_VARARGS, NULL},
    {"repr_enter", repr_enter, METH_O, NULL},
    {"repr_leave", repr_leave, METH_O, NULL},
    {"guarded_repr", guarded_repr, METH_VARARGS, NULL},
    {"exc_cause", exc_cause, METH_O, NULL},
    {"exc_context", exc_context, METH_O, NULL},
    {"exc_set_context", exc_set_context, METH_VARARGS, NULL},
    {"errno_error", errno_error, METH_VARARGS, NULL},
    {"capsule_new", capsule_new, METH_O, NULL},
    {"capsule_rename", capsule_rename, METH_VARARGS, NULL},
    {"capsule_name", capsule_name, METH_O, NULL},
    {"capsule_check", capsule_check, METH_VARARGS, NULL},
#if PY_VERSION_HEX >= 0x030D0000
    {"optional_attr_string", optional_attr_string, METH_VARARGS, NULL},
    {"optional_item", optional_item, METH_VARARGS, NULL},
#endif
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "capi_object2", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_capi_object2(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddIntConstant(m, "PY_VERSION_HEX", PY_VERSION_HEX) < 0)
        Py_CLEAR(m);
    return m;
}
