/* capi_stable_abi314: the stable ABI's functions new in CPython 3.14: the
 * fixed-width int conversions, PyType_GetBaseByToken, and the functions
 * the Py_TYPE, Py_REFCNT and Py_PACK_*VERSION macros shadow; and what 3.14
 * changed of an older one (PyBytes_DecodeEscape's warnings). Built only for
 * 3.14 and rustpy. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* as_fixed(kind, o): PyLong_As{Int32,UInt32,Int64,UInt64}(o) for kind
 * 0..3; the error raises. */
static PyObject *
as_fixed(PyObject *m, PyObject *args)
{
    int kind;
    PyObject *o;
    if (!PyArg_ParseTuple(args, "iO", &kind, &o)) {
        return NULL;
    }
    int32_t i32 = 7;
    uint32_t u32 = 7;
    int64_t i64 = 7;
    uint64_t u64 = 7;
    switch (kind) {
    case 0:
        return PyLong_AsInt32(o, &i32) < 0 ? NULL : PyLong_FromLong(i32);
    case 1:
        return PyLong_AsUInt32(o, &u32) < 0 ? NULL : PyLong_FromUnsignedLong(u32);
    case 2:
        return PyLong_AsInt64(o, &i64) < 0 ? NULL : PyLong_FromLongLong(i64);
    default:
        return PyLong_AsUInt64(o, &u64) < 0 ? NULL : PyLong_FromUnsignedLongLong(u64);
    }
}

static PyType_Slot base_slots[] = {
    {Py_tp_token, Py_TP_USE_SPEC},
    {0, NULL},
};

static PyType_Spec base_spec = {
    "capi_stable_abi314.TokenBase", sizeof(PyObject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, base_slots,
};

static PyType_Slot sub_slots[] = {{0, NULL}};

static PyType_Spec sub_spec = {
    "capi_stable_abi314.TokenSub", sizeof(PyObject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, sub_slots,
};

static int other_token;

/* (TokenBase, TokenSub(TokenBase)): the base's token is its spec. */
static PyObject *
token_types(PyObject *m, PyObject *unused)
{
    PyObject *base = PyType_FromSpec(&base_spec);
    if (base == NULL) {
        return NULL;
    }
    PyObject *sub = PyType_FromSpecWithBases(&sub_spec, base);
    if (sub == NULL) {
        Py_DECREF(base);
        return NULL;
    }
    return Py_BuildValue("(NN)", base, sub);
}

/* (result, *result or None) of PyType_GetBaseByToken(type, token): token 0
 * is the base's spec, 1 another, 2 NULL; `with_result` false passes a NULL
 * result pointer. */
static PyObject *
base_by_token(PyObject *m, PyObject *args)
{
    PyObject *type;
    int which, with_result;
    if (!PyArg_ParseTuple(args, "Oip", &type, &which, &with_result)) {
        return NULL;
    }
    void *token = which == 0 ? (void *)&base_spec : which == 1 ? (void *)&other_token : NULL;
    PyTypeObject *found = (PyTypeObject *)Py_None;
    int r = PyType_GetBaseByToken((PyTypeObject *)type, token, with_result ? &found : NULL);
    if (r < 0) {
        if (with_result && found != NULL) {
            PyErr_SetString(PyExc_AssertionError, "-1 with a result");
        }
        return NULL;
    }
    if (!with_result) {
        return Py_BuildValue("(iO)", r, Py_None);
    }
    if (r == 0 && found != NULL) {
        PyErr_SetString(PyExc_AssertionError, "0 with a result");
        return NULL;
    }
    return Py_BuildValue("(iN)", r, found == NULL ? Py_NewRef(Py_None) : (PyObject *)found);
}

/* ((Py_TYPE)(o) is Py_TYPE(o), (Py_REFCNT)(o) == Py_REFCNT(o)): the
 * functions, against the macros. */
static PyObject *
type_refcnt(PyObject *m, PyObject *o)
{
    return Py_BuildValue("(ii)", (Py_TYPE)(o) == Py_TYPE(o), (Py_REFCNT)(o) == Py_REFCNT(o));
}

/* The macros' packing, for `pack` to compare the functions with. */
static uint32_t
full_macro(int x, int y, int z, int level, int serial)
{
    return Py_PACK_FULL_VERSION(x, y, z, level, serial);
}

static uint32_t
short_macro(int x, int y)
{
    return Py_PACK_VERSION(x, y);
}

/* From here on the names are the functions the header declared. */
#undef Py_PACK_FULL_VERSION
#undef Py_PACK_VERSION

/* (Py_PACK_FULL_VERSION(...), Py_PACK_VERSION(x, y)), the functions, and
 * whether the macros agree. */
static PyObject *
pack(PyObject *m, PyObject *args)
{
    int x, y, z, level, serial;
    if (!PyArg_ParseTuple(args, "iiiii", &x, &y, &z, &level, &serial)) {
        return NULL;
    }
    uint32_t full = Py_PACK_FULL_VERSION(x, y, z, level, serial);
    uint32_t short_ = Py_PACK_VERSION(x, y);
    int agree = full == full_macro(x, y, z, level, serial) && short_ == short_macro(x, y);
    return Py_BuildValue("(kki)", (unsigned long)full, (unsigned long)short_, agree);
}

static PyObject *
decode_escape(PyObject *m, PyObject *arg)
{
    const char *s;
    Py_ssize_t n;
    if (!PyArg_Parse(arg, "y#", &s, &n)) {
        return NULL;
    }
    return PyBytes_DecodeEscape(s, n, NULL, 0, NULL);
}

static PyMethodDef methods[] = {
    {"decode_escape", decode_escape, METH_O, NULL},
    {"as_fixed", as_fixed, METH_VARARGS, NULL},
    {"token_types", token_types, METH_NOARGS, NULL},
    {"base_by_token", base_by_token, METH_VARARGS, NULL},
    {"type_refcnt", type_refcnt, METH_O, NULL},
    {"pack", pack, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "capi_stable_abi314", NULL, 0, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_stable_abi314(void)
{
    return PyModule_Create(&def);
}
