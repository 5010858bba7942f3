/* capi_descr: descriptors and methods as C sees them (PyDescr_*,
 * PyCMethod_*, PyMethodObject), identifiers (_Py_IDENTIFIER), exception
 * chaining and syntax-error locations, Argument Clinic's keyword parser,
 * the trashcan, and the older private names extensions still use. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#include <stddef.h>
#include <structmember.h>

/* ---- identifiers ---------------------------------------------------- */

_Py_IDENTIFIER(append);
_Py_static_string(PyId_nosuch, "no_such_attribute_here");

/* (str, same object on a second call, interned) */
static PyObject *
id_fromid(PyObject *m, PyObject *unused)
{
    PyObject *a = _PyUnicode_FromId(&PyId_append);
    PyObject *b = _PyUnicode_FromId(&PyId_append);
    if (a == NULL || b == NULL) {
        return NULL;
    }
    PyObject *fresh = PyUnicode_FromString("append");
    if (fresh == NULL) {
        return NULL;
    }
    PyUnicode_InternInPlace(&fresh);
    PyObject *r = Py_BuildValue("(OOO)", a, a == b ? Py_True : Py_False,
                                a == fresh ? Py_True : Py_False);
    Py_DECREF(fresh);
    return r;
}

/* id_call(list, item): _PyObject_CallMethodId(list, "append", item) and
 * the bound method _PyObject_GetAttrId gives. */
static PyObject *
id_call(PyObject *m, PyObject *args)
{
    PyObject *list, *item;
    if (!PyArg_ParseTuple(args, "OO", &list, &item)) {
        return NULL;
    }
    PyObject *r = _PyObject_CallMethodId(list, &PyId_append, "O", item);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    return _PyObject_GetAttrId(list, &PyId_append);
}

static PyObject *
id_missing(PyObject *m, PyObject *obj)
{
    return _PyObject_GetAttrId(obj, &PyId_nosuch);
}

/* ---- descriptors ---------------------------------------------------- */

static PyObject *
descr_isdata(PyObject *m, PyObject *d)
{
    return PyLong_FromLong(PyDescr_IsData(d));
}

/* (type, name) from the descriptor's memory */
static PyObject *
descr_fields(PyObject *m, PyObject *d)
{
    return Py_BuildValue("(OO)", (PyObject *)PyDescr_TYPE(d), PyDescr_NAME(d));
}

/* A slot wrapper: wrapped(self, args[0]) for a binaryfunc. */
static PyObject *
wrap_binary(PyObject *self, PyObject *args, void *wrapped)
{
    if (!PyTuple_Check(args) || PyTuple_GET_SIZE(args) != 1) {
        PyErr_SetString(PyExc_TypeError, "expected 1 argument");
        return NULL;
    }
    return ((binaryfunc)wrapped)(self, PyTuple_GET_ITEM(args, 0));
}

static PyObject *
len_plus(PyObject *self, PyObject *other)
{
    Py_ssize_t n = PyObject_Length(self);
    long k = PyLong_AsLong(other);
    if (n < 0 || (k == -1 && PyErr_Occurred())) {
        return NULL;
    }
    return PyLong_FromSsize_t(n + k);
}

static struct wrapperbase len_plus_base = {
    "len_plus", 0, NULL, wrap_binary, "len(self) + other", 0, NULL,
};

static PyObject *
descr_wrapper(PyObject *m, PyObject *unused)
{
    return PyDescr_NewWrapper(&PyList_Type, &len_plus_base, (void *)len_plus);
}

/* ---- builtin methods -------------------------------------------------- */

static PyObject *
cmethod_defining(PyObject *self, PyTypeObject *cls, PyObject *const *args,
                 Py_ssize_t nargs, PyObject *kwnames)
{
    return Py_NewRef((PyObject *)cls);
}

static PyMethodDef cmethod_def = {
    "defining", _PyCFunction_CAST(cmethod_defining),
    METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL,
};

/* A METH_METHOD function of `cls`, made as PyCMethod_New makes them. */
static PyObject *
cmethod_new(PyObject *m, PyObject *cls)
{
    if (!PyType_Check(cls)) {
        PyErr_SetString(PyExc_TypeError, "expected a type");
        return NULL;
    }
    return PyCMethod_New(&cmethod_def, cls, NULL, (PyTypeObject *)cls);
}

/* A heap type with a METH_METHOD method, bound as a PyCMethod. */
static PyMethodDef holder_methods[] = {
    {"defining", _PyCFunction_CAST(cmethod_defining),
     METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot holder_slots[] = {
    {Py_tp_methods, holder_methods},
    {0, NULL},
};

static PyType_Spec holder_spec = {
    "capi_descr.Holder", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, holder_slots,
};

static PyObject *
holder_type(PyObject *m, PyObject *unused)
{
    return PyType_FromSpec(&holder_spec);
}

/* (PyCMethod_Check, PyCMethod_CheckExact, PyCFunction_GET_CLASS or None) */
static PyObject *
cmethod_check(PyObject *m, PyObject *f)
{
    PyObject *cls = Py_None;
    if (PyCFunction_Check(f) && PyCFunction_GET_CLASS(f) != NULL) {
        cls = (PyObject *)PyCFunction_GET_CLASS(f);
    }
    if (PyErr_Occurred()) {
        return NULL;
    }
    return Py_BuildValue("(OOO)", PyCMethod_Check(f) ? Py_True : Py_False,
                         PyCMethod_CheckExact(f) ? Py_True : Py_False, cls);
}

/* (im_func is PyMethod_GET_FUNCTION, im_self is PyMethod_GET_SELF) */
static PyObject *
method_fields(PyObject *m, PyObject *meth)
{
    if (!PyMethod_Check(meth)) {
        PyErr_SetString(PyExc_TypeError, "expected a bound method");
        return NULL;
    }
#if PY_VERSION_HEX >= 0x030C0000
    PyMethodObject *mo = _PyMethod_CAST(meth);
#else
    PyMethodObject *mo = (PyMethodObject *)meth; /* 3.11 has no _PyMethod_CAST */
#endif
    return Py_BuildValue("(OOOO)", mo->im_func, mo->im_self,
                         mo->im_func == PyMethod_GET_FUNCTION(meth) ? Py_True : Py_False,
                         mo->im_self == PyMethod_GET_SELF(meth) ? Py_True : Py_False);
}

/* ---- exceptions ----------------------------------------------------- */

/* chain(current, exc): with `current` raised (None: nothing raised),
 * _PyErr_ChainExceptions1(exc); returns what is raised then. */
static PyObject *
chain(PyObject *m, PyObject *args)
{
#if PY_VERSION_HEX >= 0x030C0000
    PyObject *current, *exc;
    if (!PyArg_ParseTuple(args, "OO", &current, &exc)) {
        return NULL;
    }
    if (current != Py_None) {
        PyErr_SetRaisedException(Py_NewRef(current));
    }
    _PyErr_ChainExceptions1(exc == Py_None ? NULL : Py_NewRef(exc));
    PyObject *raised = PyErr_GetRaisedException();
    return raised != NULL ? raised : Py_NewRef(Py_None);
#else
    PyErr_SetString(PyExc_NotImplementedError, "3.12+");
    return NULL;
#endif
}

/* program_text(filename, lineno): the str, or "NULL" (no exception) */
static PyObject *
program_text(PyObject *m, PyObject *args)
{
    PyObject *filename;
    int lineno;
    if (!PyArg_ParseTuple(args, "Oi", &filename, &lineno)) {
        return NULL;
    }
    PyObject *r = PyErr_ProgramTextObject(filename, lineno);
    if (r == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        return PyUnicode_FromString("NULL");
    }
    return r;
}

/* syntax_location(exc, filename, lineno, col, end_lineno, end_col): the
 * exception raised after PyErr_RangedSyntaxLocationObject. */
static PyObject *
syntax_location(PyObject *m, PyObject *args)
{
    PyObject *exc, *filename;
    int lineno, col, end_lineno, end_col;
    if (!PyArg_ParseTuple(args, "OOiiii", &exc, &filename, &lineno, &col,
                          &end_lineno, &end_col)) {
        return NULL;
    }
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    PyErr_RangedSyntaxLocationObject(filename == Py_None ? NULL : filename,
                                     lineno, col, end_lineno, end_col);
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    Py_XDECREF(type);
    Py_XDECREF(tb);
    return value;
}

static PyObject *
reraise_star(PyObject *m, PyObject *args)
{
#if PY_VERSION_HEX >= 0x030C0000
    PyObject *orig, *excs;
    if (!PyArg_ParseTuple(args, "OO", &orig, &excs)) {
        return NULL;
    }
    return PyUnstable_Exc_PrepReraiseStar(orig, excs);
#else
    PyErr_SetString(PyExc_NotImplementedError, "3.12+");
    return NULL;
#endif
}

/* ---- Argument Clinic's parser ---------------------------------------- */

static const char *const fast_keywords[] = {"", "b", "c", NULL};
static _PyArg_Parser fast_parser = {
    .format = "O|i$s:fastfn",
    .keywords = fast_keywords,
};

/* fastfn(a, /, b=7, *, c="z") -> (a, b, c) */
static PyObject *
fastfn(PyObject *m, PyObject *args, PyObject *kwargs)
{
    PyObject *a;
    int b = 7;
    const char *c = "z";
    if (!_PyArg_ParseTupleAndKeywordsFast(args, kwargs, &fast_parser, &a, &b, &c)) {
        return NULL;
    }
    return Py_BuildValue("(Ois)", a, b, c);
}

/* ---- the trashcan --------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *next;
} NodeObject;

static Py_ssize_t node_deallocs;
static Py_ssize_t node_depth, node_max_depth;

static void
node_dealloc(NodeObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_TRASHCAN_BEGIN(self, node_dealloc)
    node_deallocs++;
    if (++node_depth > node_max_depth) {
        node_max_depth = node_depth;
    }
    Py_CLEAR(self->next);
    node_depth--;
    PyObject_GC_Del(self);
    Py_TRASHCAN_END
}

static int
node_traverse(NodeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->next);
    return 0;
}

static PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_descr.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_dealloc = (destructor)node_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)node_traverse,
};

/* A chain of n nodes, each holding the next. */
static PyObject *
node_chain(PyObject *m, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *head = NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        NodeObject *node = PyObject_GC_New(NodeObject, &NodeType);
        if (node == NULL) {
            Py_XDECREF(head);
            return NULL;
        }
        node->next = head;
        PyObject_GC_Track(node);
        head = (PyObject *)node;
    }
    return head != NULL ? head : Py_NewRef(Py_None);
}

/* Builds and frees a chain of n nodes in C: (deallocs, deepest nesting) */
static PyObject *
node_chain_drop(PyObject *m, PyObject *arg)
{
    node_deallocs = 0;
    node_max_depth = 0;
    PyObject *head = node_chain(m, arg);
    if (head == NULL) {
        return NULL;
    }
    Py_DECREF(head);
    return Py_BuildValue("(nn)", node_deallocs, node_max_depth);
}

static PyObject *
node_stats(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("(nn)", node_deallocs, node_max_depth);
}

static PyObject *
node_reset(PyObject *m, PyObject *unused)
{
    node_deallocs = 0;
    node_max_depth = 0;
    Py_RETURN_NONE;
}

/* ---- objects and types ---------------------------------------------- */

typedef struct {
    PyObject_HEAD
    int value;
} PlainObject;

static PyTypeObject PlainType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_descr.deep.Plain",
    .tp_basicsize = sizeof(PlainObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* PyObject_NEW: (type is Plain, refcount, value) */
static PyObject *
object_new_macro(PyObject *m, PyObject *unused)
{
    PlainObject *p = PyObject_NEW(PlainObject, &PlainType);
    if (p == NULL) {
        return NULL;
    }
    p->value = 42;
    PyObject *r = Py_BuildValue("(Oni)", Py_IS_TYPE(p, &PlainType) ? Py_True : Py_False,
                                Py_REFCNT(p), p->value);
    Py_DECREF(p);
    return r;
}

/* (_PyType_Name of int, of Plain, of the argument's type) */
static PyObject *
type_names(PyObject *m, PyObject *obj)
{
    return Py_BuildValue("(sss)", _PyType_Name(&PyLong_Type), _PyType_Name(&PlainType),
                         _PyType_Name(Py_TYPE(obj)));
}

static PyObject *
function_str(PyObject *m, PyObject *obj)
{
    return _PyObject_FunctionStr(obj);
}

/* generic_getattr(obj, name, dict_or_None, suppress): "NULL" for NULL
 * without an exception */
static PyObject *
generic_getattr(PyObject *m, PyObject *args)
{
    PyObject *obj, *name, *dict;
    int suppress;
    if (!PyArg_ParseTuple(args, "OOOi", &obj, &name, &dict, &suppress)) {
        return NULL;
    }
    PyObject *r = _PyObject_GenericGetAttrWithDict(obj, name, dict == Py_None ? NULL : dict,
                                                   suppress);
    if (r == NULL && !PyErr_Occurred()) {
        return PyUnicode_FromString("NULL");
    }
    return r;
}

static PyObject *
generic_setattr(PyObject *m, PyObject *args)
{
    PyObject *obj, *name, *value, *dict;
    if (!PyArg_ParseTuple(args, "OOOO", &obj, &name, &value, &dict)) {
        return NULL;
    }
    if (_PyObject_GenericSetAttrWithDict(obj, name, value == Py_None ? NULL : value,
                                         dict == Py_None ? NULL : dict) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* stack_as_dict(values_tuple, kwnames) */
static PyObject *
stack_as_dict(PyObject *m, PyObject *args)
{
    PyObject *values, *kwnames;
    if (!PyArg_ParseTuple(args, "O!O!", &PyTuple_Type, &values, &PyTuple_Type, &kwnames)) {
        return NULL;
    }
    return _PyStack_AsDict(&PyTuple_GET_ITEM(values, 0), kwnames);
}

static PyObject *
hexdigits(PyObject *m, PyObject *unused)
{
    return PyUnicode_FromString(Py_hexdigits);
}

/* A variable-size GC type, for PyObject_GC_Resize. */
typedef struct {
    PyObject_VAR_HEAD
    PyObject *items[1];
} VecObject;

static void
vec_dealloc(VecObject *self)
{
    PyObject_GC_UnTrack(self);
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        Py_XDECREF(self->items[i]);
    }
    PyObject_GC_Del(self);
}

static int
vec_traverse(VecObject *self, visitproc visit, void *arg)
{
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        Py_VISIT(self->items[i]);
    }
    return 0;
}

static PyTypeObject VecType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_descr.Vec",
    .tp_basicsize = sizeof(VecObject) - sizeof(PyObject *),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = (destructor)vec_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)vec_traverse,
};

/* A Vec of 2 items resized to n (the new ones filled with None):
 * (size, items as a list) */
static PyObject *
vec_resize(PyObject *m, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    VecObject *v = PyObject_GC_NewVar(VecObject, &VecType, 2);
    if (v == NULL) {
        return NULL;
    }
    v->items[0] = PyLong_FromLong(10);
    v->items[1] = PyLong_FromLong(11);
    VecObject *w = PyObject_GC_Resize(VecObject, v, n);
    if (w == NULL) {
        Py_DECREF(v);
        return NULL;
    }
    for (Py_ssize_t i = 2; i < n; i++) {
        w->items[i] = Py_NewRef(Py_None);
    }
    PyObject *list = PyList_New(0);
    for (Py_ssize_t i = 0; list != NULL && i < Py_SIZE(w); i++) {
        if (PyList_Append(list, w->items[i]) < 0) {
            Py_CLEAR(list);
        }
    }
    Py_ssize_t size = Py_SIZE(w);
    Py_DECREF(w);
    if (list == NULL) {
        return NULL;
    }
    return Py_BuildValue("(nN)", size, list);
}

#if PY_VERSION_HEX >= 0x030C0000
static int
visit_find(PyObject *obj, void *arg)
{
    PyObject **target = (PyObject **)arg;
    if (obj == target[0]) {
        target[1] = Py_True;
        return 0;
    }
    return 1;
}
#endif

/* Whether PyUnstable_GC_VisitObjects reaches `obj`. */
static PyObject *
gc_visit_finds(PyObject *m, PyObject *obj)
{
#if PY_VERSION_HEX >= 0x030C0000
    PyObject *target[2] = {obj, Py_False};
    PyUnstable_GC_VisitObjects(visit_find, target);
    return Py_NewRef(target[1]);
#else
    PyErr_SetString(PyExc_NotImplementedError, "3.12+");
    return NULL;
#endif
}

/* warn_explicit(category, filename, lineno, module_or_None, n): the
 * message is formatted from n */
static PyObject *
warn_explicit(PyObject *m, PyObject *args)
{
    PyObject *category, *module;
    const char *filename;
    int lineno, n;
    if (!PyArg_ParseTuple(args, "OsiOi", &category, &filename, &lineno, &module, &n)) {
        return NULL;
    }
    const char *mod = NULL;
    if (module != Py_None && (mod = PyUnicode_AsUTF8(module)) == NULL) {
        return NULL;
    }
    if (PyErr_WarnExplicitFormat(category, filename, lineno, mod, NULL,
                                 "value %d is %s", n, n > 0 ? "positive" : "not positive") < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
supports_weakrefs(PyObject *m, PyObject *type)
{
    if (!PyType_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "expected a type");
        return NULL;
    }
    return PyBool_FromLong(PyType_SUPPORTS_WEAKREFS((PyTypeObject *)type));
}

/* set_wakeup_fd(fd) -> the previous one */
static PyObject *
set_wakeup_fd(PyObject *m, PyObject *arg)
{
    int fd = (int)PyLong_AsLong(arg);
    if (fd == -1 && PyErr_Occurred()) {
        return NULL;
    }
#if PY_VERSION_HEX >= 0x030C0000
    int old = PySignal_SetWakeupFd(fd);
    if (old == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLong(old);
#else
    PyErr_SetString(PyExc_NotImplementedError, "3.11's libpython does not export it");
    return NULL;
#endif
}

/* A Node with 64 extra bytes: (they are zero, the node is a Node) */
static PyObject *
new_with_extra(PyObject *m, PyObject *unused)
{
#if PY_VERSION_HEX >= 0x030C0000
    NodeObject *node = (NodeObject *)PyUnstable_Object_GC_NewWithExtraData(&NodeType, 64);
    if (node == NULL) {
        return NULL;
    }
    node->next = NULL;
    const unsigned char *extra = (const unsigned char *)node + sizeof(NodeObject);
    int zero = 1;
    for (int i = 0; i < 64; i++) {
        zero &= extra[i] == 0;
    }
    PyObject_GC_Track(node);
    PyObject *r = Py_BuildValue("(OO)", zero ? Py_True : Py_False,
                                Py_IS_TYPE(node, &NodeType) ? Py_True : Py_False);
    Py_DECREF(node);
    return r;
#else
    PyErr_SetString(PyExc_NotImplementedError, "3.12+");
    return NULL;
#endif
}

/* The counts a fresh list goes through: _Py_IncRef, _Py_DecRef,
 * _Py_SetRefcnt, _Py_NewReference (on a count of 0, as a free list's). */
static PyObject *
refcount_calls(PyObject *m, PyObject *unused)
{
    PyObject *o = PyList_New(0);
    if (o == NULL) {
        return NULL;
    }
    Py_ssize_t counts[5];
    counts[0] = Py_REFCNT(o);
    _Py_IncRef(o);
    counts[1] = Py_REFCNT(o);
    _Py_DecRef(o);
    counts[2] = Py_REFCNT(o);
#if PY_VERSION_HEX >= 0x030D0000
    _Py_SetRefcnt(o, 7);
#else
    Py_SET_REFCNT(o, 7); /* _Py_SetRefcnt is 3.13+ */
#endif
    counts[3] = Py_REFCNT(o);
    Py_SET_REFCNT(o, 0);
    _Py_NewReference(o);
    counts[4] = Py_REFCNT(o);
    Py_DECREF(o);
    /* Immortal objects keep their count. */
    Py_ssize_t none_before = Py_REFCNT(Py_None);
    _Py_IncRef(Py_None);
    Py_ssize_t none_after = Py_REFCNT(Py_None);
    _Py_DecRef(Py_None);
    return Py_BuildValue("(nnnnnO)", counts[0], counts[1], counts[2], counts[3], counts[4],
                         none_before == none_after ? Py_True : Py_False);
}

/* set_managed_dict(obj, dict): _PyObject_SetManagedDict (3.13+) */
static PyObject *
set_managed_dict(PyObject *m, PyObject *args)
{
#if PY_VERSION_HEX >= 0x030D0000
    PyObject *obj, *dict;
    if (!PyArg_ParseTuple(args, "OO!", &obj, &PyDict_Type, &dict)) {
        return NULL;
    }
    if (_PyObject_SetManagedDict(obj, dict) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
#else
    PyErr_SetString(PyExc_NotImplementedError, "3.13+");
    return NULL;
#endif
}

/* type_lookup(type, name): _PyType_LookupRef (3.13+), "NULL" for none;
 * and PyUnstable_Type_AssignVersionTag (3.12+) */
static PyObject *
type_lookup(PyObject *m, PyObject *args)
{
#if PY_VERSION_HEX >= 0x030D0000
    PyObject *type, *name;
    if (!PyArg_ParseTuple(args, "O!O", &PyType_Type, &type, &name)) {
        return NULL;
    }
    PyObject *r = _PyType_LookupRef((PyTypeObject *)type, name);
    if (r == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        r = PyUnicode_FromString("NULL");
    }
    return Py_BuildValue("(Ni)", r, PyUnstable_Type_AssignVersionTag((PyTypeObject *)type));
#else
    PyErr_SetString(PyExc_NotImplementedError, "3.13+");
    return NULL;
#endif
}

typedef struct {
    PyObject_HEAD
    PyObject *weakreflist;
} WeakableObject;

static void
weakable_dealloc(WeakableObject *self)
{
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs((PyObject *)self);
    }
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject WeakableType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_descr.Weakable",
    .tp_basicsize = sizeof(WeakableObject),
    .tp_dealloc = (destructor)weakable_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_weaklistoffset = offsetof(WeakableObject, weakreflist),
    .tp_new = PyType_GenericNew,
};

/* Whether PyObject_GET_WEAKREFS_LISTPTR of a Weakable is its field. */
static PyObject *
weaklist_ptr(PyObject *m, PyObject *obj)
{
    if (!PyObject_TypeCheck(obj, &WeakableType)) {
        PyErr_SetString(PyExc_TypeError, "expected a Weakable");
        return NULL;
    }
    PyObject **p = PyObject_GET_WEAKREFS_LISTPTR(obj);
    return PyBool_FromLong(p == &((WeakableObject *)obj)->weakreflist);
}

/* A type whose descriptors' definitions C reads back through their
 * memory, as numpy's add_docstring does. */
typedef struct {
    PyObject_HEAD
    int n;
} DocumentedObject;

static PyObject *
documented_twice(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(2 * ((DocumentedObject *)self)->n);
}

static PyObject *
documented_get(PyObject *self, void *closure)
{
    return PyLong_FromLong(((DocumentedObject *)self)->n);
}

static PyMethodDef documented_methods[] = {
    {"twice", documented_twice, METH_NOARGS, NULL},
    {NULL},
};

static PyGetSetDef documented_getset[] = {
    {"value", documented_get, NULL, "the value", NULL},
    {NULL},
};

static PyMemberDef documented_members[] = {
    {"n", T_INT, offsetof(DocumentedObject, n), READONLY, "the count"},
    {NULL},
};

static PyTypeObject DocumentedType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_descr.Documented",
    .tp_basicsize = sizeof(DocumentedObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = PyType_GenericNew,
    .tp_methods = documented_methods,
    .tp_getset = documented_getset,
    .tp_members = documented_members,
};

/* A statically allocated instance, as numpy's builtin dtypes are. */
static DocumentedObject static_documented = {PyObject_HEAD_INIT(&DocumentedType) 21};

static PyObject *
static_instance(PyObject *m, PyObject *unused)
{
    return Py_NewRef((PyObject *)&static_documented);
}

/* definition_of(descr) -> (name, doc) read from the definition in the
 * descriptor's memory, or None for a descriptor of another kind */
static PyObject *
definition_of(PyObject *m, PyObject *d)
{
    const char *name, *doc;
    if (Py_TYPE(d) == &PyMethodDescr_Type) {
        PyMethodDef *def = ((PyMethodDescrObject *)d)->d_method;
        if (def == NULL) {
            Py_RETURN_NONE;
        }
        name = def->ml_name;
        doc = def->ml_doc;
    }
    else if (Py_TYPE(d) == &PyGetSetDescr_Type) {
        PyGetSetDef *def = ((PyGetSetDescrObject *)d)->d_getset;
        name = def->name;
        doc = def->doc;
    }
    else if (Py_TYPE(d) == &PyMemberDescr_Type) {
        PyMemberDef *def = ((PyMemberDescrObject *)d)->d_member;
        if (def == NULL) {
            Py_RETURN_NONE;
        }
        name = def->name;
        doc = def->doc;
    }
    else {
        Py_RETURN_NONE;
    }
    return Py_BuildValue("(sz)", name, doc);
}

/* the definitions of Documented's method and getset are its own tables */
static PyObject *
definitions_are_the_tables(PyObject *m, PyObject *unused)
{
    PyObject *dict = DocumentedType.tp_dict;
    PyObject *meth = PyDict_GetItemString(dict, "twice");
    PyObject *getset = PyDict_GetItemString(dict, "value");
    if (meth == NULL || getset == NULL) {
        PyErr_SetString(PyExc_KeyError, "twice or value");
        return NULL;
    }
    return Py_BuildValue("(ii)", ((PyMethodDescrObject *)meth)->d_method == &documented_methods[0],
                         ((PyGetSetDescrObject *)getset)->d_getset == &documented_getset[0]);
}

/* set_method_doc(callable, doc): what numpy's add_docstring does, writing
 * the doc into the method descriptor's or builtin function's definition
 * after it exists (the copy lives as long as the process, as numpy's does
 * by holding the str) */
static PyObject *
set_method_doc(PyObject *m, PyObject *args)
{
    PyObject *obj;
    const char *doc;
    if (!PyArg_ParseTuple(args, "Os:set_method_doc", &obj, &doc)) {
        return NULL;
    }
    PyMethodDef *def;
    if (Py_TYPE(obj) == &PyMethodDescr_Type) {
        def = ((PyMethodDescrObject *)obj)->d_method;
    }
    else if (PyCFunction_Check(obj)) {
        def = ((PyCFunctionObject *)obj)->m_ml;
    }
    else {
        PyErr_SetString(PyExc_TypeError, "set_method_doc: not a C method or function");
        return NULL;
    }
    char *copy = strdup(doc);
    if (copy == NULL) {
        return PyErr_NoMemory();
    }
    def->ml_doc = copy;
    Py_RETURN_NONE;
}

static PyObject *
undocumented(PyObject *m, PyObject *args)
{
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"set_method_doc", set_method_doc, METH_VARARGS, NULL},
    {"undocumented", undocumented, METH_VARARGS, NULL},
    {"definition_of", definition_of, METH_O, NULL},
    {"static_instance", static_instance, METH_NOARGS, NULL},
    {"definitions_are_the_tables", definitions_are_the_tables, METH_NOARGS, NULL},
    {"set_managed_dict", set_managed_dict, METH_VARARGS, NULL},
    {"type_lookup", type_lookup, METH_VARARGS, NULL},
    {"weaklist_ptr", weaklist_ptr, METH_O, NULL},
    {"refcount_calls", refcount_calls, METH_NOARGS, NULL},
    {"warn_explicit", warn_explicit, METH_VARARGS, NULL},
    {"supports_weakrefs", supports_weakrefs, METH_O, NULL},
    {"set_wakeup_fd", set_wakeup_fd, METH_O, NULL},
    {"new_with_extra", new_with_extra, METH_NOARGS, NULL},
    {"id_fromid", id_fromid, METH_NOARGS, NULL},
    {"id_call", id_call, METH_VARARGS, NULL},
    {"id_missing", id_missing, METH_O, NULL},
    {"descr_isdata", descr_isdata, METH_O, NULL},
    {"descr_fields", descr_fields, METH_O, NULL},
    {"descr_wrapper", descr_wrapper, METH_NOARGS, NULL},
    {"cmethod_new", cmethod_new, METH_O, NULL},
    {"cmethod_check", cmethod_check, METH_O, NULL},
    {"holder_type", holder_type, METH_NOARGS, NULL},
    {"method_fields", method_fields, METH_O, NULL},
    {"chain", chain, METH_VARARGS, NULL},
    {"program_text", program_text, METH_VARARGS, NULL},
    {"syntax_location", syntax_location, METH_VARARGS, NULL},
    {"reraise_star", reraise_star, METH_VARARGS, NULL},
    {"fastfn", _PyCFunction_CAST(fastfn), METH_VARARGS | METH_KEYWORDS, NULL},
    {"node_chain", node_chain, METH_O, NULL},
    {"node_chain_drop", node_chain_drop, METH_O, NULL},
    {"node_stats", node_stats, METH_NOARGS, NULL},
    {"node_reset", node_reset, METH_NOARGS, NULL},
    {"object_new_macro", object_new_macro, METH_NOARGS, NULL},
    {"type_names", type_names, METH_O, NULL},
    {"function_str", function_str, METH_O, NULL},
    {"generic_getattr", generic_getattr, METH_VARARGS, NULL},
    {"generic_setattr", generic_setattr, METH_VARARGS, NULL},
    {"stack_as_dict", stack_as_dict, METH_VARARGS, NULL},
    {"hexdigits", hexdigits, METH_NOARGS, NULL},
    {"vec_resize", vec_resize, METH_O, NULL},
    {"gc_visit_finds", gc_visit_finds, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "capi_descr", NULL, 0, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_descr(void)
{
    if (PyType_Ready(&NodeType) < 0 || PyType_Ready(&PlainType) < 0 ||
        PyType_Ready(&VecType) < 0 || PyType_Ready(&WeakableType) < 0 ||
        PyType_Ready(&DocumentedType) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&def);
    if (m != NULL && (PyModule_AddObjectRef(m, "Weakable", (PyObject *)&WeakableType) < 0 ||
                      PyModule_AddObjectRef(m, "Documented", (PyObject *)&DocumentedType) < 0)) {
        Py_CLEAR(m);
    }
    return m;
}
