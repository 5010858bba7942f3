/* capi_funcs: Python functions (funcobject.h), cells (cellobject.h) and
 * the codec registry (codecs.h), as C sees them. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* A borrowed result as a new reference, NULL as the string "NULL". */
static PyObject *
shown(PyObject *borrowed)
{
    if (borrowed == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        return PyUnicode_FromString("NULL");
    }
    return Py_NewRef(borrowed);
}

static PyObject *
func_new(PyObject *m, PyObject *args)
{
    PyObject *code, *globals, *qualname = NULL;
    if (!PyArg_ParseTuple(args, "OO|O", &code, &globals, &qualname)) {
        return NULL;
    }
    if (qualname == NULL) {
        return PyFunction_New(code, globals);
    }
    return PyFunction_NewWithQualName(code, globals, qualname == Py_None ? NULL : qualname);
}

static PyObject *
func_fields(PyObject *m, PyObject *f)
{
    PyObject *out = PyTuple_New(7);
    if (out == NULL) {
        return NULL;
    }
    PyObject *(*getters[7])(PyObject *) = {
        PyFunction_GetCode, PyFunction_GetGlobals, PyFunction_GetModule,
        PyFunction_GetDefaults, PyFunction_GetKwDefaults,
        PyFunction_GetClosure, PyFunction_GetAnnotations,
    };
    for (int i = 0; i < 7; i++) {
        PyObject *v = shown(getters[i](f));
        if (v == NULL) {
            Py_DECREF(out);
            return NULL;
        }
        PyTuple_SET_ITEM(out, i, v);
    }
    return out;
}

static PyObject *
func_macros(PyObject *m, PyObject *f)
{
    return Py_BuildValue("(NNN)", shown(PyFunction_GET_CODE(f)), shown(PyFunction_GET_DEFAULTS(f)),
                         shown(PyFunction_GET_GLOBALS(f)));
}

/* func_set(f, which, value): which is "defaults", "kwdefaults" or
 * "annotations"; func_set_null(f, which) passes NULL. */
static PyObject *
func_set(PyObject *m, PyObject *args)
{
    PyObject *f, *value;
    const char *which;
    if (!PyArg_ParseTuple(args, "OsO", &f, &which, &value)) {
        return NULL;
    }
    PyObject *v = value;
    int r;
    if (strcmp(which, "defaults") == 0) {
        r = PyFunction_SetDefaults(f, v);
    }
    else if (strcmp(which, "kwdefaults") == 0) {
        r = PyFunction_SetKwDefaults(f, v);
    }
    else {
        r = PyFunction_SetAnnotations(f, v);
    }
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
func_set_null(PyObject *m, PyObject *f)
{
    if (PyFunction_SetDefaults(f, NULL) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
func_check(PyObject *m, PyObject *o)
{
    return PyBool_FromLong(PyFunction_Check(o));
}

static PyObject *
class_static(PyObject *m, PyObject *f)
{
    return Py_BuildValue("(NN)", PyClassMethod_New(f), PyStaticMethod_New(f));
}

static PyObject *
cell_new(PyObject *m, PyObject *args)
{
    PyObject *o = NULL;
    if (!PyArg_ParseTuple(args, "|O", &o)) {
        return NULL;
    }
    return PyCell_New(o);
}

static PyObject *
cell_get(PyObject *m, PyObject *c)
{
    PyObject *v = PyCell_Get(c);
    if (v == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        return PyUnicode_FromString("NULL");
    }
    return v;
}

/* cell_set(c, v): v None empties the cell. */
static PyObject *
cell_set(PyObject *m, PyObject *args)
{
    PyObject *c, *v;
    if (!PyArg_ParseTuple(args, "OO", &c, &v)) {
        return NULL;
    }
    if (PyCell_Set(c, v == Py_None ? NULL : v) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* cell_macros(c, v): PyCell_SET(c, new ref to v), then PyCell_GET. */
static PyObject *
cell_macros(PyObject *m, PyObject *args)
{
    PyObject *c, *v;
    if (!PyArg_ParseTuple(args, "OO", &c, &v)) {
        return NULL;
    }
    if (!PyCell_Check(c)) {
        PyErr_SetString(PyExc_TypeError, "not a cell");
        return NULL;
    }
    PyObject *old = PyCell_GET(c);
    Py_INCREF(v);
    PyCell_SET(c, v);
    /* CPython's PyCell_SET does not release the old value: the caller does. */
    Py_XDECREF(old);
    return shown(PyCell_GET(c));
}

static PyObject *
codec_encode(PyObject *m, PyObject *args)
{
    PyObject *o;
    const char *enc, *errors = NULL;
    if (!PyArg_ParseTuple(args, "Os|z", &o, &enc, &errors)) {
        return NULL;
    }
    return PyCodec_Encode(o, enc, errors);
}

static PyObject *
codec_decode(PyObject *m, PyObject *args)
{
    PyObject *o;
    const char *enc, *errors = NULL;
    if (!PyArg_ParseTuple(args, "Os|z", &o, &enc, &errors)) {
        return NULL;
    }
    return PyCodec_Decode(o, enc, errors);
}

static PyObject *
codec_known(PyObject *m, PyObject *args)
{
    const char *enc;
    if (!PyArg_ParseTuple(args, "s", &enc)) {
        return NULL;
    }
    return PyLong_FromLong(PyCodec_KnownEncoding(enc));
}

/* codec_objects(enc) -> (encoder, decoder, incremental encoder's encode("é"),
 * incremental decoder's decode(b"\xc3\xa9")). */
static PyObject *
codec_objects(PyObject *m, PyObject *args)
{
    const char *enc;
    if (!PyArg_ParseTuple(args, "s", &enc)) {
        return NULL;
    }
    PyObject *ie = PyCodec_IncrementalEncoder(enc, NULL);
    PyObject *id = PyCodec_IncrementalDecoder(enc, "strict");
    if (ie == NULL || id == NULL) {
        Py_XDECREF(ie);
        Py_XDECREF(id);
        return NULL;
    }
    PyObject *e = PyObject_CallMethod(ie, "encode", "s", "\xc3\xa9");
    PyObject *d = PyObject_CallMethod(id, "decode", "y", "\xc3\xa9");
    Py_DECREF(ie);
    Py_DECREF(id);
    if (e == NULL || d == NULL) {
        Py_XDECREF(e);
        Py_XDECREF(d);
        return NULL;
    }
    return Py_BuildValue("(NNNN)", PyCodec_Encoder(enc), PyCodec_Decoder(enc), e, d);
}

static PyObject *
codec_stream(PyObject *m, PyObject *args)
{
    const char *enc;
    PyObject *stream;
    int writer;
    if (!PyArg_ParseTuple(args, "sOp", &enc, &stream, &writer)) {
        return NULL;
    }
    return writer ? PyCodec_StreamWriter(enc, stream, NULL) : PyCodec_StreamReader(enc, stream, "replace");
}

static PyObject *
codec_register(PyObject *m, PyObject *f)
{
    if (PyCodec_Register(f) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
codec_unregister(PyObject *m, PyObject *f)
{
    if (PyCodec_Unregister(f) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
codec_register_error(PyObject *m, PyObject *args)
{
    const char *name;
    PyObject *f;
    if (!PyArg_ParseTuple(args, "sO", &name, &f)) {
        return NULL;
    }
    if (PyCodec_RegisterError(name, f) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
codec_lookup_error(PyObject *m, PyObject *args)
{
    const char *name = NULL;
    if (!PyArg_ParseTuple(args, "|z", &name)) {
        return NULL;
    }
    return PyCodec_LookupError(name);
}

/* codec_handler(name, exc): the named PyCodec_*Errors on exc. */
static PyObject *
codec_handler(PyObject *m, PyObject *args)
{
    const char *name;
    PyObject *exc;
    if (!PyArg_ParseTuple(args, "sO", &name, &exc)) {
        return NULL;
    }
    if (strcmp(name, "strict") == 0) return PyCodec_StrictErrors(exc);
    if (strcmp(name, "ignore") == 0) return PyCodec_IgnoreErrors(exc);
    if (strcmp(name, "replace") == 0) return PyCodec_ReplaceErrors(exc);
    if (strcmp(name, "xmlcharrefreplace") == 0) return PyCodec_XMLCharRefReplaceErrors(exc);
    if (strcmp(name, "backslashreplace") == 0) return PyCodec_BackslashReplaceErrors(exc);
    return PyCodec_NameReplaceErrors(exc);
}

static PyMethodDef methods[] = {
    {"func_new", func_new, METH_VARARGS, NULL},
    {"func_fields", func_fields, METH_O, NULL},
    {"func_macros", func_macros, METH_O, NULL},
    {"func_set", func_set, METH_VARARGS, NULL},
    {"func_set_null", func_set_null, METH_O, NULL},
    {"func_check", func_check, METH_O, NULL},
    {"class_static", class_static, METH_O, NULL},
    {"cell_new", cell_new, METH_VARARGS, NULL},
    {"cell_get", cell_get, METH_O, NULL},
    {"cell_set", cell_set, METH_VARARGS, NULL},
    {"cell_macros", cell_macros, METH_VARARGS, NULL},
    {"codec_encode", codec_encode, METH_VARARGS, NULL},
    {"codec_decode", codec_decode, METH_VARARGS, NULL},
    {"codec_known", codec_known, METH_VARARGS, NULL},
    {"codec_objects", codec_objects, METH_VARARGS, NULL},
    {"codec_stream", codec_stream, METH_VARARGS, NULL},
    {"codec_register", codec_register, METH_O, NULL},
    {"codec_unregister", codec_unregister, METH_O, NULL},
    {"codec_register_error", codec_register_error, METH_VARARGS, NULL},
    {"codec_lookup_error", codec_lookup_error, METH_VARARGS, NULL},
    {"codec_handler", codec_handler, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "capi_funcs", NULL, 0, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_funcs(void)
{
    return PyModule_Create(&def);
}
