/* capi_gc: the cyclic garbage collector seen from C (PyObject_GC_New,
 * PyObject_GC_NewVar, Track/UnTrack/Del, tp_traverse and tp_clear,
 * tp_finalize), weak references to C-type instances, exceptions made in C
 * (PyErr_NewException, a static subtype of Exception with a C field), and
 * that creating and dropping many C objects leaks nothing.
 * Checked by test_capi_gc.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <stddef.h>

/* Counters the check reads as deltas. */
static Py_ssize_t node_deallocs = 0;
static Py_ssize_t node_clears = 0;
static Py_ssize_t var_deallocs = 0;
static Py_ssize_t fin_finalizes = 0;
static Py_ssize_t fin_deallocs = 0;
static Py_ssize_t callback_calls = 0;
static Py_ssize_t callback_saw_dead = 0;

/* ---- Node: a GC type with one reference ------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *ref;         /* T_OBJECT member "ref", visited and cleared */
    PyObject *weakreflist; /* tp_weaklistoffset */
    long tag;
} NodeObject;

static PyTypeObject NodeType;

static int
node_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"tag", NULL};
    long tag = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|l:Node", kwlist, &tag)) {
        return -1;
    }
    ((NodeObject *)op)->tag = tag;
    return 0;
}

static int
node_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((NodeObject *)op)->ref);
    return 0;
}

/* Called by the collector to break cycles; counted so the check can see
 * the collector used it.  Dealloc clears the field itself, uncounted. */
static int
node_clear(PyObject *op)
{
    node_clears++;
    Py_CLEAR(((NodeObject *)op)->ref);
    return 0;
}

static void
node_dealloc(PyObject *op)
{
    NodeObject *self = (NodeObject *)op;
    /* Untrack first: the collector must not see a half-destroyed object. */
    PyObject_GC_UnTrack(op);
    if (self->weakreflist != NULL) {
        /* calls the callbacks of the weakrefs still alive; they see None */
        PyObject_ClearWeakRefs(op);
    }
    Py_CLEAR(self->ref);
    node_deallocs++;
    /* tp_free, not PyObject_GC_Del: a Python subclass may allocate
     * differently.  NodeType is static, so no type reference to drop here;
     * for Python subclasses subtype_dealloc drops it. */
    Py_TYPE(op)->tp_free(op);
}

static PyMemberDef node_members[] = {
    {"ref", T_OBJECT, offsetof(NodeObject, ref), 0, "The referenced object."},
    {"tag", T_LONG, offsetof(NodeObject, tag), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_gc.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_dealloc = node_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "A GC-tracked node with one reference.",
    .tp_traverse = node_traverse,
    .tp_clear = node_clear,
    .tp_weaklistoffset = offsetof(NodeObject, weakreflist),
    .tp_members = node_members,
    .tp_init = node_init,
    .tp_new = PyType_GenericNew, /* PyType_GenericAlloc tracks the object */
};

/* A Node from PyObject_GC_New: the memory is not zeroed and the object is
 * not tracked. */
static NodeObject *
raw_node(long tag)
{
    NodeObject *n = PyObject_GC_New(NodeObject, &NodeType);
    if (n == NULL) {
        return NULL;
    }
    n->ref = NULL;
    n->weakreflist = NULL;
    n->tag = tag;
    return n;
}

/* gc_new(tag): an untracked Node */
static PyObject *
gc_new(PyObject *module, PyObject *arg)
{
    long tag = PyLong_AsLong(arg);
    if (tag == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return (PyObject *)raw_node(tag);
}

/* gc_new_tracked(tag): PyObject_GC_New then PyObject_GC_Track, the usual
 * pair once all fields are set */
static PyObject *
gc_new_tracked(PyObject *module, PyObject *arg)
{
    PyObject *n = gc_new(module, arg);
    if (n != NULL) {
        PyObject_GC_Track(n);
    }
    return n;
}

static int
check_node(PyObject *o)
{
    if (!PyObject_TypeCheck(o, &NodeType)) {
        PyErr_SetString(PyExc_TypeError, "a Node is required");
        return -1;
    }
    return 0;
}

/* track(node): only for an untracked node (tracking twice is a fatal error
 * in CPython), which the check guarantees. */
static PyObject *
track(PyObject *module, PyObject *o)
{
    if (check_node(o) < 0) {
        return NULL;
    }
    PyObject_GC_Track(o);
    Py_RETURN_NONE;
}

/* untrack(node): a no-op for an untracked object */
static PyObject *
untrack(PyObject *module, PyObject *o)
{
    if (check_node(o) < 0) {
        return NULL;
    }
    PyObject_GC_UnTrack(o);
    Py_RETURN_NONE;
}

static PyObject *
is_tracked(PyObject *module, PyObject *o)
{
    return PyBool_FromLong(PyObject_GC_IsTracked(o));
}

/* getattr_and_drop(o, name): PyObject_GetAttr, then let go of the result */
static PyObject *
getattr_and_drop(PyObject *module, PyObject *args)
{
    PyObject *o, *name;
    if (!PyArg_ParseTuple(args, "OU", &o, &name)) {
        return NULL;
    }
    PyObject *r = PyObject_GetAttr(o, name);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    Py_RETURN_NONE;
}

static PyObject *
is_finalized(PyObject *module, PyObject *o)
{
    return PyBool_FromLong(PyObject_GC_IsFinalized(o));
}

/* new_and_del(): the error path of a constructor: an object from
 * PyObject_GC_New that was never tracked nor handed out is released with
 * PyObject_GC_Del, so tp_dealloc does not run.  -> node_deallocs delta */
static PyObject *
new_and_del(PyObject *module, PyObject *ignored)
{
    Py_ssize_t before = node_deallocs;
    NodeObject *n = raw_node(0);
    if (n == NULL) {
        return NULL;
    }
    PyObject_GC_Del(n);
    return PyLong_FromSsize_t(node_deallocs - before);
}

/* churn(n): n times PyObject_GC_New + Track + Py_DECREF */
static PyObject *
churn(PyObject *module, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        NodeObject *node = raw_node((long)i);
        if (node == NULL) {
            return NULL;
        }
        PyObject_GC_Track(node);
        Py_DECREF(node);
    }
    Py_RETURN_NONE;
}

/* two_node_cycle(): a <-> b made in C, returned as a weakref to a; the
 * nodes themselves are only reachable from each other. */
static PyObject *
two_node_cycle(PyObject *module, PyObject *ignored)
{
    NodeObject *a = raw_node(1);
    if (a == NULL) {
        return NULL;
    }
    NodeObject *b = raw_node(2);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    a->ref = (PyObject *)b; /* steals b */
    b->ref = Py_NewRef((PyObject *)a);
    PyObject_GC_Track(a);
    PyObject_GC_Track(b);
    PyObject *r = PyWeakref_NewRef((PyObject *)a, NULL);
    Py_DECREF(a);
    return r;
}

static PyObject *
collect(PyObject *module, PyObject *ignored)
{
    return PyLong_FromSsize_t(PyGC_Collect());
}

/* gc_switch(on): PyGC_Enable/PyGC_Disable -> (previous state, now) */
static PyObject *
gc_switch(PyObject *module, PyObject *arg)
{
    int on = PyObject_IsTrue(arg);
    if (on < 0) {
        return NULL;
    }
    int was = on ? PyGC_Enable() : PyGC_Disable();
    return Py_BuildValue("(ii)", was, PyGC_IsEnabled());
}

/* ---- VarNode: a variable-size GC type (PyObject_GC_NewVar) ------------ */

typedef struct {
    PyObject_VAR_HEAD
    PyObject *items[1];
} VarNodeObject;

static int
var_traverse(PyObject *op, visitproc visit, void *arg)
{
    VarNodeObject *self = (VarNodeObject *)op;
    for (Py_ssize_t i = 0; i < Py_SIZE(op); i++) {
        Py_VISIT(self->items[i]);
    }
    return 0;
}

static int
var_clear(PyObject *op)
{
    VarNodeObject *self = (VarNodeObject *)op;
    for (Py_ssize_t i = 0; i < Py_SIZE(op); i++) {
        Py_CLEAR(self->items[i]);
    }
    return 0;
}

static void
var_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    (void)var_clear(op);
    var_deallocs++;
    PyObject_GC_Del(op);
}

static Py_ssize_t
var_length(PyObject *op)
{
    return Py_SIZE(op);
}

static PyObject *
var_item(PyObject *op, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "VarNode index out of range");
        return NULL;
    }
    PyObject *v = ((VarNodeObject *)op)->items[i];
    return Py_NewRef(v != NULL ? v : Py_None);
}

static int
var_ass_item(PyObject *op, Py_ssize_t i, PyObject *v)
{
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "VarNode index out of range");
        return -1;
    }
    Py_XSETREF(((VarNodeObject *)op)->items[i], Py_XNewRef(v));
    return 0;
}

static PySequenceMethods var_as_sequence = {
    .sq_length = var_length,
    .sq_item = var_item,
    .sq_ass_item = var_ass_item,
};

static PyTypeObject VarNodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_gc.VarNode",
    .tp_basicsize = offsetof(VarNodeObject, items),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = var_dealloc,
    .tp_as_sequence = &var_as_sequence,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "A variable-size GC object (made only from C).",
    .tp_traverse = var_traverse,
    .tp_clear = var_clear,
};

/* gc_new_var(n): PyObject_GC_NewVar with n items, item i = i, tracked */
static PyObject *
gc_new_var(PyObject *module, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    VarNodeObject *v = PyObject_GC_NewVar(VarNodeObject, &VarNodeType, n);
    if (v == NULL) {
        return NULL;
    }
    /* PyObject_GC_NewVar sets ob_size but leaves the items uninitialised */
    for (Py_ssize_t i = 0; i < n; i++) {
        v->items[i] = NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        v->items[i] = PyLong_FromSsize_t(i);
        if (v->items[i] == NULL) {
            Py_DECREF(v);
            return NULL;
        }
    }
    PyObject_GC_Track(v);
    return (PyObject *)v;
}

/* -> Py_SIZE(v) as C sees it */
static PyObject *
var_size(PyObject *module, PyObject *v)
{
    if (!PyObject_TypeCheck(v, &VarNodeType)) {
        PyErr_SetString(PyExc_TypeError, "a VarNode is required");
        return NULL;
    }
    return PyLong_FromSsize_t(Py_SIZE(v));
}

/* ---- FinNode: a C tp_finalize ----------------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *ref;
} FinNodeObject;

static int
fin_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((FinNodeObject *)op)->ref);
    return 0;
}

static int
fin_clear(PyObject *op)
{
    Py_CLEAR(((FinNodeObject *)op)->ref);
    return 0;
}

/* Must not raise; it runs at most once per object (PEP 442). */
static void
fin_finalize(PyObject *op)
{
    fin_finalizes++;
}

static void
fin_dealloc(PyObject *op)
{
    /* A type with tp_finalize calls it from tp_dealloc itself, while the
     * object is still tracked; the call does nothing if the collector
     * already finalized the object. */
    if (PyObject_CallFinalizerFromDealloc(op) < 0) {
        return; /* resurrected */
    }
    PyObject_GC_UnTrack(op);
    (void)fin_clear(op);
    fin_deallocs++;
    Py_TYPE(op)->tp_free(op);
}

static PyMemberDef fin_members[] = {
    {"ref", T_OBJECT, offsetof(FinNodeObject, ref), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject FinNodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_gc.FinNode",
    .tp_basicsize = sizeof(FinNodeObject),
    .tp_dealloc = fin_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "A GC type with a C tp_finalize.",
    .tp_traverse = fin_traverse,
    .tp_clear = fin_clear,
    .tp_members = fin_members,
    .tp_new = PyType_GenericNew,
    .tp_finalize = fin_finalize,
};

/* ---- weak references -------------------------------------------------- */

/* new_ref(obj, callback_or_None): PyWeakref_NewRef */
static PyObject *
new_ref(PyObject *module, PyObject *args)
{
    PyObject *obj, *cb;
    if (!PyArg_ParseTuple(args, "OO", &obj, &cb)) {
        return NULL;
    }
    return PyWeakref_NewRef(obj, cb == Py_None ? NULL : cb);
}

/* new_proxy(obj, callback_or_None): PyWeakref_NewProxy */
static PyObject *
new_proxy(PyObject *module, PyObject *args)
{
    PyObject *obj, *cb;
    if (!PyArg_ParseTuple(args, "OO", &obj, &cb)) {
        return NULL;
    }
    return PyWeakref_NewProxy(obj, cb == Py_None ? NULL : cb);
}

/* A weakref callback written in C: counts calls, and whether the weakref
 * it got is already dead (it must be). */
static PyObject *
counting_callback(PyObject *module, PyObject *wr)
{
    callback_calls++;
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
    if (PyWeakref_Check(wr) && PyWeakref_GetObject(wr) == Py_None) {
        callback_saw_dead++;
    }
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    Py_RETURN_NONE;
}

/* new_ref_counting(obj): PyWeakref_NewRef with the C callback above */
static PyObject *
new_ref_counting(PyObject *module, PyObject *obj)
{
    PyObject *cb = PyObject_GetAttrString(module, "counting_callback");
    if (cb == NULL) {
        return NULL;
    }
    PyObject *r = PyWeakref_NewRef(obj, cb);
    Py_DECREF(cb);
    return r;
}

static PyObject *
callback_counts(PyObject *module, PyObject *ignored)
{
    return Py_BuildValue("(nn)", callback_calls, callback_saw_dead);
}

/* get_object(ref): PyWeakref_GetObject, a borrowed reference (None once
 * the referent is dead).  Deprecated in 3.13 but still the 3.11 way. */
static PyObject *
get_object(PyObject *module, PyObject *ref)
{
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
    PyObject *o = PyWeakref_GetObject(ref);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
    return Py_XNewRef(o);
}

#if PY_VERSION_HEX >= 0x030D0000
/* get_ref(ref): PyWeakref_GetRef (3.13+) -> (result, object or None) */
static PyObject *
get_ref(PyObject *module, PyObject *ref)
{
    PyObject *obj = NULL;
    int r = PyWeakref_GetRef(ref, &obj);
    if (r < 0) {
        return NULL;
    }
    return Py_BuildValue("(iN)", r, obj != NULL ? obj : Py_NewRef(Py_None));
}
#endif

/* ---- exceptions ------------------------------------------------------- */

static PyObject *MyError;    /* PyErr_NewException, base NULL */
static PyObject *MultiError; /* bases (MyError, ValueError) */
static PyObject *DictError;  /* with a dict of attributes */
static PyObject *DocError;   /* PyErr_NewExceptionWithDoc */

/* RichError: a static type deriving from Exception with a C field. */
typedef struct {
    PyBaseExceptionObject base;
    long code;
} RichErrorObject;

static PyMemberDef rich_members[] = {
    {"code", T_LONG, offsetof(RichErrorObject, code), 0, "A C long field."},
    {NULL, 0, 0, 0, NULL},
};

/* Only the layout is ours: HAVE_GC, traverse, clear, dealloc, new, init,
 * str are inherited from Exception (the extra field holds no reference).
 * tp_base is set in module init: PyExc_Exception is a variable of the
 * runtime, not an address constant usable in a static initialiser. */
static PyTypeObject RichErrorType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_gc.RichError",
    .tp_basicsize = sizeof(RichErrorObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "An exception type with a C field.",
    .tp_members = rich_members,
};

/* new_exception(name, base_or_None, dict_or_None) */
static PyObject *
new_exception(PyObject *module, PyObject *args)
{
    const char *name;
    PyObject *base, *dict;
    if (!PyArg_ParseTuple(args, "sOO", &name, &base, &dict)) {
        return NULL;
    }
    return PyErr_NewException(name, base == Py_None ? NULL : base,
                              dict == Py_None ? NULL : dict);
}

/* new_exception_with_doc(name, doc_or_None, base_or_None, dict_or_None) */
static PyObject *
new_exception_with_doc(PyObject *module, PyObject *args)
{
    const char *name;
    PyObject *doc, *base, *dict;
    if (!PyArg_ParseTuple(args, "sOOO", &name, &doc, &base, &dict)) {
        return NULL;
    }
    const char *cdoc = NULL;
    if (doc != Py_None) {
        cdoc = PyUnicode_AsUTF8(doc);
        if (cdoc == NULL) {
            return NULL;
        }
    }
    return PyErr_NewExceptionWithDoc(name, cdoc, base == Py_None ? NULL : base,
                                     dict == Py_None ? NULL : dict);
}

/* raise_with(exc_type, message): PyErr_SetString */
static PyObject *
raise_with(PyObject *module, PyObject *args)
{
    PyObject *type;
    const char *msg;
    if (!PyArg_ParseTuple(args, "Os", &type, &msg)) {
        return NULL;
    }
    PyErr_SetString(type, msg);
    return NULL;
}

static PyObject *
raise_my_error(PyObject *module, PyObject *arg)
{
    const char *msg = PyUnicode_AsUTF8(arg);
    if (msg == NULL) {
        return NULL;
    }
    PyErr_SetString(MyError, msg);
    return NULL;
}

/* catches(fn, exc_type): calls fn(); -> True if it raised something
 * matching exc_type (PyErr_ExceptionMatches; then cleared), False if it
 * returned; any other exception propagates. */
static PyObject *
catches(PyObject *module, PyObject *args)
{
    PyObject *fn, *type;
    if (!PyArg_ParseTuple(args, "OO", &fn, &type)) {
        return NULL;
    }
    PyObject *r = PyObject_CallNoArgs(fn);
    if (r != NULL) {
        Py_DECREF(r);
        Py_RETURN_FALSE;
    }
    if (PyErr_ExceptionMatches(type)) {
        PyErr_Clear();
        Py_RETURN_TRUE;
    }
    return NULL;
}

/* catches_my_error(fn): as catches() with the module's MyError, which C
 * code names directly */
static PyObject *
catches_my_error(PyObject *module, PyObject *fn)
{
    PyObject *r = PyObject_CallNoArgs(fn);
    if (r != NULL) {
        Py_DECREF(r);
        Py_RETURN_FALSE;
    }
    if (PyErr_ExceptionMatches(MyError)) {
        PyErr_Clear();
        Py_RETURN_TRUE;
    }
    return NULL;
}

/* raise_rich(message, code): a RichError instance with the C field set,
 * raised with PyErr_SetObject */
static PyObject *
raise_rich(PyObject *module, PyObject *args)
{
    PyObject *msg;
    long code;
    if (!PyArg_ParseTuple(args, "Ul", &msg, &code)) {
        return NULL;
    }
    PyObject *e = PyObject_CallOneArg((PyObject *)&RichErrorType, msg);
    if (e == NULL) {
        return NULL;
    }
    ((RichErrorObject *)e)->code = code;
    PyErr_SetObject((PyObject *)&RichErrorType, e);
    Py_DECREF(e);
    return NULL;
}

/* raise_rich_value(value): PyErr_SetObject with a value that is not an
 * instance; the runtime calls RichError(value) when it is caught */
static PyObject *
raise_rich_value(PyObject *module, PyObject *value)
{
    PyErr_SetObject((PyObject *)&RichErrorType, value);
    return NULL;
}

/* rich_code(e): the C field read from C */
static PyObject *
rich_code(PyObject *module, PyObject *e)
{
    if (!PyObject_TypeCheck(e, &RichErrorType)) {
        PyErr_SetString(PyExc_TypeError, "a RichError is required");
        return NULL;
    }
    return PyLong_FromLong(((RichErrorObject *)e)->code);
}

/* The function put (as an instance method) in DictError's dict. */
static PyObject *
describe(PyObject *module, PyObject *exc)
{
    PyObject *args = PyObject_GetAttrString(exc, "args");
    if (args == NULL) {
        return NULL;
    }
    PyObject *r = PyUnicode_FromFormat("described %R", args);
    Py_DECREF(args);
    return r;
}

static PyMethodDef describe_def = {"describe", describe, METH_O, NULL};

/* ---- module ----------------------------------------------------------- */

static PyObject *
counters(PyObject *module, PyObject *ignored)
{
    return Py_BuildValue("{snsnsnsnsn}", "node_deallocs", node_deallocs,
                         "node_clears", node_clears, "var_deallocs", var_deallocs,
                         "fin_finalizes", fin_finalizes, "fin_deallocs", fin_deallocs);
}

static PyMethodDef capi_gc_methods[] = {
    {"counters", counters, METH_NOARGS, NULL},
    {"gc_new", gc_new, METH_O, NULL},
    {"gc_new_tracked", gc_new_tracked, METH_O, NULL},
    {"gc_new_var", gc_new_var, METH_O, NULL},
    {"var_size", var_size, METH_O, NULL},
    {"track", track, METH_O, NULL},
    {"untrack", untrack, METH_O, NULL},
    {"is_tracked", is_tracked, METH_O, NULL},
    {"getattr_and_drop", getattr_and_drop, METH_VARARGS, NULL},
    {"is_finalized", is_finalized, METH_O, NULL},
    {"new_and_del", new_and_del, METH_NOARGS, NULL},
    {"churn", churn, METH_O, NULL},
    {"two_node_cycle", two_node_cycle, METH_NOARGS, NULL},
    {"collect", collect, METH_NOARGS, NULL},
    {"gc_switch", gc_switch, METH_O, NULL},
    {"new_ref", new_ref, METH_VARARGS, NULL},
    {"new_proxy", new_proxy, METH_VARARGS, NULL},
    {"counting_callback", counting_callback, METH_O, NULL},
    {"new_ref_counting", new_ref_counting, METH_O, NULL},
    {"callback_counts", callback_counts, METH_NOARGS, NULL},
    {"get_object", get_object, METH_O, NULL},
#if PY_VERSION_HEX >= 0x030D0000
    {"get_ref", get_ref, METH_O, NULL},
#endif
    {"new_exception", new_exception, METH_VARARGS, NULL},
    {"new_exception_with_doc", new_exception_with_doc, METH_VARARGS, NULL},
    {"raise_with", raise_with, METH_VARARGS, NULL},
    {"raise_my_error", raise_my_error, METH_O, NULL},
    {"catches", catches, METH_VARARGS, NULL},
    {"catches_my_error", catches_my_error, METH_O, NULL},
    {"raise_rich", raise_rich, METH_VARARGS, NULL},
    {"raise_rich_value", raise_rich_value, METH_O, NULL},
    {"rich_code", rich_code, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_gc_def = {
    PyModuleDef_HEAD_INIT,
    "capi_gc",
    "GC, weak references and exception types from C.",
    -1,
    capi_gc_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

/* DictError's dict: a plain attribute and a method.  A builtin function is
 * not a descriptor, so it is wrapped with PyInstanceMethod_New to bind to
 * the exception instance like a Python function would. */
static PyObject *
make_dict_error(PyObject *module)
{
    PyObject *dict = PyDict_New();
    if (dict == NULL) {
        return NULL;
    }
    PyObject *func = PyCFunction_New(&describe_def, module);
    PyObject *meth = func == NULL ? NULL : PyInstanceMethod_New(func);
    Py_XDECREF(func);
    PyObject *code = PyLong_FromLong(7);
    PyObject *result = NULL;
    if (meth != NULL && code != NULL &&
        PyDict_SetItemString(dict, "describe", meth) == 0 &&
        PyDict_SetItemString(dict, "code", code) == 0) {
        result = PyErr_NewException("capi_gc.DictError", NULL, dict);
    }
    Py_XDECREF(meth);
    Py_XDECREF(code);
    Py_DECREF(dict);
    return result;
}

static int
add_exceptions(PyObject *m)
{
    MyError = PyErr_NewException("capi_gc.MyError", NULL, NULL);
    if (MyError == NULL || PyModule_AddObjectRef(m, "MyError", MyError) < 0) {
        return -1;
    }
    PyObject *bases = PyTuple_Pack(2, MyError, PyExc_ValueError);
    if (bases == NULL) {
        return -1;
    }
    MultiError = PyErr_NewException("capi_gc.MultiError", bases, NULL);
    Py_DECREF(bases);
    if (MultiError == NULL || PyModule_AddObjectRef(m, "MultiError", MultiError) < 0) {
        return -1;
    }
    DictError = make_dict_error(m);
    if (DictError == NULL || PyModule_AddObjectRef(m, "DictError", DictError) < 0) {
        return -1;
    }
    DocError = PyErr_NewExceptionWithDoc("capi_gc.DocError", "Raised with a docstring.",
                                         PyExc_LookupError, NULL);
    if (DocError == NULL || PyModule_AddObjectRef(m, "DocError", DocError) < 0) {
        return -1;
    }
    RichErrorType.tp_base = (PyTypeObject *)PyExc_Exception;
    if (PyType_Ready(&RichErrorType) < 0 ||
        PyModule_AddObjectRef(m, "RichError", (PyObject *)&RichErrorType) < 0) {
        return -1;
    }
    return 0;
}

PyMODINIT_FUNC
PyInit_capi_gc(void)
{
    if (PyType_Ready(&NodeType) < 0 || PyType_Ready(&VarNodeType) < 0 ||
        PyType_Ready(&FinNodeType) < 0) {
        return NULL;
    }
    PyObject *m = PyModule_Create(&capi_gc_def);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Node", (PyObject *)&NodeType) < 0 ||
        PyModule_AddObjectRef(m, "VarNode", (PyObject *)&VarNodeType) < 0 ||
        PyModule_AddObjectRef(m, "FinNode", (PyObject *)&FinNodeType) < 0 ||
        add_exceptions(m) < 0 ||
        PyModule_AddIntConstant(m, "PY_VERSION_HEX", PY_VERSION_HEX) < 0 ||
        PyModule_AddIntConstant(m, "NODE_BASICSIZE", (long)sizeof(NodeObject)) < 0 ||
        PyModule_AddIntConstant(m, "RICH_BASICSIZE", (long)sizeof(RichErrorObject)) < 0 ||
        PyModule_AddIntConstant(m, "BASE_EXCEPTION_SIZE",
                                (long)sizeof(PyBaseExceptionObject)) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
