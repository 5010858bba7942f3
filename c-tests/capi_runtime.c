/* Import, capsules, and the smaller services real extensions lean on:
 * the recursion guard, errno errors, builtins, pointers as ints, a few
 * dict/str/list/mapping/object helpers. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>

static PyObject *
import_module(PyObject *self, PyObject *name)
{
    const char *s = PyUnicode_AsUTF8(name);
    return s == NULL ? NULL : PyImport_ImportModule(s);
}

static PyObject *
import_object(PyObject *self, PyObject *name)
{
    return PyImport_Import(name);
}

/* get_module(name) -> the module, or None if it is not imported */
static PyObject *
get_module(PyObject *self, PyObject *name)
{
    PyObject *m = PyImport_GetModule(name);
    if (m == NULL && !PyErr_Occurred()) {
        Py_RETURN_NONE;
    }
    return m;
}

static PyObject *
module_dict_is_sys_modules(PyObject *self, PyObject *ignored)
{
    PyObject *d = PyImport_GetModuleDict();
    PyObject *sys = PyImport_ImportModule("sys");
    if (sys == NULL) {
        return NULL;
    }
    PyObject *mods = PyObject_GetAttrString(sys, "modules");
    Py_DECREF(sys);
    if (mods == NULL) {
        return NULL;
    }
    int same = d == mods;
    Py_DECREF(mods);
    return PyBool_FromLong(same);
}

static PyObject *
builtins_is_builtins_dict(PyObject *self, PyObject *ignored)
{
    PyObject *b = PyEval_GetBuiltins();
    PyObject *mod = PyImport_ImportModule("builtins");
    if (mod == NULL) {
        return NULL;
    }
    int same = b == PyModule_GetDict(mod);
    Py_DECREF(mod);
    return PyBool_FromLong(same);
}

/* ---- capsules ---- */

static int payload = 1234;
static int destroyed = 0;

static void
destroy(PyObject *capsule)
{
    int *p = PyCapsule_GetPointer(capsule, "capi_runtime.payload");
    destroyed = p == &payload ? 1 : -1;
}

static PyObject *
make_capsule(PyObject *self, PyObject *ignored)
{
    destroyed = 0;
    return PyCapsule_New(&payload, "capi_runtime.payload", destroy);
}

static PyObject *
capsule_destroyed(PyObject *self, PyObject *ignored)
{
    return PyLong_FromLong(destroyed);
}

/* read_capsule(c, name) -> the int it points at */
static PyObject *
read_capsule(PyObject *self, PyObject *args)
{
    PyObject *c;
    const char *name;
    if (!PyArg_ParseTuple(args, "Oz", &c, &name)) {
        return NULL;
    }
    int *p = PyCapsule_GetPointer(c, name);
    return p == NULL ? NULL : PyLong_FromLong(*p);
}

static PyObject *
capsule_facts(PyObject *self, PyObject *c)
{
    static int ctx_value = 9;
    if (PyCapsule_SetContext(c, &ctx_value) < 0) {
        return NULL;
    }
    int *ctx = PyCapsule_GetContext(c);
    const char *name = PyCapsule_GetName(c);
    return Py_BuildValue("(iisii)", PyCapsule_IsValid(c, "capi_runtime.payload"),
                         PyCapsule_IsValid(c, "other"), name, ctx == NULL ? -1 : *ctx,
                         PyCapsule_CheckExact(c));
}

static PyObject *
capsule_import(PyObject *self, PyObject *name)
{
    const char *s = PyUnicode_AsUTF8(name);
    if (s == NULL) {
        return NULL;
    }
    int *p = PyCapsule_Import(s, 0);
    return p == NULL ? NULL : PyLong_FromLong(*p);
}

/* ---- small services ---- */

static int
recurse(int n)
{
    if (Py_EnterRecursiveCall(" in capi_runtime.recurse")) {
        return -1;
    }
    int r = n == 0 ? 0 : recurse(n - 1);
    Py_LeaveRecursiveCall();
    return r;
}

static PyObject *
recursion(PyObject *self, PyObject *arg)
{
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (recurse((int)n) < 0) {
        return NULL;
    }
    Py_RETURN_TRUE;
}

static PyObject *
errno_error(PyObject *self, PyObject *ignored)
{
    errno = ENOENT;
    return PyErr_SetFromErrno(PyExc_OSError);
}

static PyObject *
version(PyObject *self, PyObject *ignored)
{
    return PyLong_FromUnsignedLong(Py_Version);
}

static PyObject *
header_version(PyObject *self, PyObject *ignored)
{
    return PyLong_FromUnsignedLong(PY_VERSION_HEX);
}

static PyObject *
void_ptr_roundtrip(PyObject *self, PyObject *ignored)
{
    PyObject *i = PyLong_FromVoidPtr(&payload);
    if (i == NULL) {
        return NULL;
    }
    void *p = PyLong_AsVoidPtr(i);
    Py_DECREF(i);
    if (p == NULL && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(p == &payload);
}

/* setdefault(d, k, v) -> the value now at k (borrowed from d) */
static PyObject *
setdefault(PyObject *self, PyObject *args)
{
    PyObject *d, *k, *v;
    if (!PyArg_ParseTuple(args, "OOO", &d, &k, &v)) {
        return NULL;
    }
    return Py_XNewRef(PyDict_SetDefault(d, k, v));
}

static PyObject *
substring(PyObject *self, PyObject *args)
{
    PyObject *s;
    Py_ssize_t a, b;
    if (!PyArg_ParseTuple(args, "Unn", &s, &a, &b)) {
        return NULL;
    }
    return PyUnicode_Substring(s, a, b);
}

static PyObject *
from_object(PyObject *self, PyObject *o)
{
    return PyUnicode_FromObject(o);
}

/* set_slice(l, a, b, items or None) -> l after l[a:b] = items (or del) */
static PyObject *
set_slice(PyObject *self, PyObject *args)
{
    PyObject *l, *items;
    Py_ssize_t a, b;
    if (!PyArg_ParseTuple(args, "OnnO", &l, &a, &b, &items)) {
        return NULL;
    }
    if (PyList_SetSlice(l, a, b, items == Py_None ? NULL : items) < 0) {
        return NULL;
    }
    return Py_NewRef(l);
}

static PyObject *
mapping_lists(PyObject *self, PyObject *m)
{
    return Py_BuildValue("(NNN)", PyMapping_Keys(m), PyMapping_Values(m), PyMapping_Items(m));
}

static PyObject *
format(PyObject *self, PyObject *args)
{
    PyObject *o, *spec;
    if (!PyArg_ParseTuple(args, "OU", &o, &spec)) {
        return NULL;
    }
    return PyObject_Format(o, spec);
}

/* call_method(o, name, *args) through PyObject_VectorcallMethod */
static PyObject *
call_method(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 2) {
        PyErr_SetString(PyExc_TypeError, "call_method(o, name, *args)");
        return NULL;
    }
    PyObject *stack[8];
    if (nargs > 8) {
        PyErr_SetString(PyExc_TypeError, "too many arguments");
        return NULL;
    }
    stack[0] = args[0];
    for (Py_ssize_t i = 2; i < nargs; i++) {
        stack[i - 1] = args[i];
    }
    return PyObject_VectorcallMethod(args[1], stack, (size_t)(nargs - 1), NULL);
}

static PyObject *
self_iter_is_self(PyObject *self, PyObject *o)
{
    PyObject *r = PyObject_SelfIter(o);
    if (r == NULL) {
        return NULL;
    }
    int same = r == o;
    Py_DECREF(r);
    return PyBool_FromLong(same);
}

static PyMethodDef methods[] = {
    {"import_module", import_module, METH_O, NULL},
    {"import_object", import_object, METH_O, NULL},
    {"get_module", get_module, METH_O, NULL},
    {"module_dict_is_sys_modules", module_dict_is_sys_modules, METH_NOARGS, NULL},
    {"builtins_is_builtins_dict", builtins_is_builtins_dict, METH_NOARGS, NULL},
    {"make_capsule", make_capsule, METH_NOARGS, NULL},
    {"capsule_destroyed", capsule_destroyed, METH_NOARGS, NULL},
    {"read_capsule", read_capsule, METH_VARARGS, NULL},
    {"capsule_facts", capsule_facts, METH_O, NULL},
    {"capsule_import", capsule_import, METH_O, NULL},
    {"recursion", recursion, METH_O, NULL},
    {"errno_error", errno_error, METH_NOARGS, NULL},
    {"version", version, METH_NOARGS, NULL},
    {"header_version", header_version, METH_NOARGS, NULL},
    {"void_ptr_roundtrip", void_ptr_roundtrip, METH_NOARGS, NULL},
    {"setdefault", setdefault, METH_VARARGS, NULL},
    {"substring", substring, METH_VARARGS, NULL},
    {"from_object", from_object, METH_O, NULL},
    {"set_slice", set_slice, METH_VARARGS, NULL},
    {"mapping_lists", mapping_lists, METH_O, NULL},
    {"format", format, METH_VARARGS, NULL},
    {"call_method", (PyCFunction)(void (*)(void))call_method, METH_FASTCALL, NULL},
    {"self_iter_is_self", self_iter_is_self, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "capi_runtime", NULL, 0, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_runtime(void)
{
    PyObject *m = PyModule_Create(&def);
    if (m == NULL) {
        return NULL;
    }
    /* A capsule other modules can PyCapsule_Import as capi_runtime.payload. */
    PyObject *cap = PyCapsule_New(&payload, "capi_runtime.payload", NULL);
    if (cap == NULL || PyModule_AddObject(m, "payload", cap) < 0) {
        Py_XDECREF(cap);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
