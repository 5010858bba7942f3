/* capi_heaptypes: heap types made from a PyType_Spec (PyType_FromSpec,
 * PyType_FromSpecWithBases, PyType_FromModuleAndSpec, PyType_FromMetaclass),
 * their slots, module association (PyType_GetModule, PyType_GetModuleState,
 * PyType_GetModuleByDef, METH_METHOD defining_class), reference counting of
 * the type by its instances, and the type's death with its module.  A
 * multi-phase module with state, so each module object has its own types.
 * Checked by test_capi_heaptypes.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <stddef.h>

typedef struct {
    long counter; /* incremented by Thing.bump() */
} heaptypes_state;

static struct PyModuleDef capi_heaptypes_def;

/* tp_dealloc calls of Thing and every subtype, from all module objects.  A C
 * static, not module state: when a module's cycle is collected the type's
 * module link (and MRO) may already be cleared when an instance dies, so the
 * dealloc must not look the module up. */
static Py_ssize_t thing_deallocs = 0;

/* ---- Thing ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    long value;
    PyObject *payload;     /* T_OBJECT_EX member; visited and cleared */
    PyObject *weakreflist; /* exposed through the __weaklistoffset__ member */
} ThingObject;

typedef struct {
    ThingObject thing;
    long extra;
} SubObject;

static void thing_dealloc(PyObject *op);

/* Whether op has Thing's layout: Thing, the types made from its spec and
 * every subtype (C or Python) all reach a type whose tp_dealloc is
 * thing_dealloc along tp_base. */
static int
is_thing(PyObject *op)
{
    PyTypeObject *t = Py_TYPE(op);
    while (t != NULL) {
        if (PyType_GetSlot(t, Py_tp_dealloc) == (void *)thing_dealloc) {
            return 1;
        }
        t = (PyTypeObject *)PyType_GetSlot(t, Py_tp_base);
    }
    return 0;
}

static PyObject *
thing_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    /* tp_alloc is PyType_GenericAlloc: it zero-fills, takes a reference to
     * the (heap) type and starts GC tracking. */
    allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
    ThingObject *self = (ThingObject *)alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->value = 0;
    return (PyObject *)self;
}

static int
thing_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"value", "payload", NULL};
    ThingObject *self = (ThingObject *)op;
    long value = 0;
    PyObject *payload = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|lO:Thing", kwlist, &value, &payload)) {
        return -1;
    }
    self->value = value;
    Py_XSETREF(self->payload, Py_XNewRef(payload));
    return 0;
}

static int
thing_traverse(PyObject *op, visitproc visit, void *arg)
{
    /* Since 3.9 instances of heap types must visit their type: they own a
     * reference to it. */
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(((ThingObject *)op)->payload);
    return 0;
}

static int
thing_clear(PyObject *op)
{
    Py_CLEAR(((ThingObject *)op)->payload);
    return 0;
}

static void
thing_dealloc(PyObject *op)
{
    ThingObject *self = (ThingObject *)op;
    /* Each instance of a heap type owns a reference to its type (taken by
     * PyType_GenericAlloc), which the instance's dealloc must release: the
     * runtime does not.  Python subclasses are no exception: subtype_dealloc
     * leaves the decref to a heap base's dealloc, so Py_TYPE(op) here may be
     * the subclass.  It is released last because tp_free is read from it and
     * the instance may hold the type's last reference. */
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    if (self->weakreflist != NULL) {
        PyObject_ClearWeakRefs(op);
    }
    (void)thing_clear(op);
    thing_deallocs++;
    freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    tp_free(op);
    Py_DECREF(tp);
}

static PyObject *
thing_repr(PyObject *op)
{
    return PyUnicode_FromFormat("Thing(%ld)", ((ThingObject *)op)->value);
}

/* 0: not a Thing or an int (NotImplemented), 1: *v set, -1: error */
static int
value_of(PyObject *op, long *v)
{
    if (is_thing(op)) {
        *v = ((ThingObject *)op)->value;
        return 1;
    }
    if (PyLong_Check(op)) {
        *v = PyLong_AsLong(op);
        return (*v == -1 && PyErr_Occurred()) ? -1 : 1;
    }
    return 0;
}

/* nb_add gets the operands in source order, for Thing + x and x + Thing. */
static PyObject *
thing_add(PyObject *a, PyObject *b)
{
    long va, vb;
    int ra = value_of(a, &va);
    if (ra < 0) {
        return NULL;
    }
    int rb = value_of(b, &vb);
    if (rb < 0) {
        return NULL;
    }
    if (ra == 0 || rb == 0) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyLong_FromLong(va + vb);
}

/* len() is the value; a C sq_length reports errors by returning -1 with
 * an exception set, so a negative value has to raise here. */
static Py_ssize_t
thing_length(PyObject *op)
{
    long v = ((ThingObject *)op)->value;
    if (v < 0) {
        PyErr_SetString(PyExc_ValueError, "negative Thing has no length");
        return -1;
    }
    return v;
}

static PyObject *
thing_subscript(PyObject *op, PyObject *key)
{
    if (!PyLong_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "Thing indices must be integers");
        return NULL;
    }
    long k = PyLong_AsLong(key);
    if (k == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLong(((ThingObject *)op)->value * k);
}

static PyObject *
thing_get_doubled(PyObject *op, void *closure)
{
    return PyLong_FromLong(((ThingObject *)op)->value * 2);
}

static int
thing_set_doubled(PyObject *op, PyObject *v, void *closure)
{
    if (v == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete doubled");
        return -1;
    }
    long d = PyLong_AsLong(v);
    if (d == -1 && PyErr_Occurred()) {
        return -1;
    }
    ((ThingObject *)op)->value = d / 2;
    return 0;
}

/* bump(by=1): adds to the counter in the state of the module that defined
 * the method's class, found through defining_class (METH_METHOD), which is
 * that class even when self is an instance of a subclass. */
static PyObject *
thing_bump(PyObject *self, PyTypeObject *defining_class, PyObject *const *args,
           Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_Size(kwnames);
    if (nargs + nkw > 1) {
        PyErr_SetString(PyExc_TypeError, "bump() takes at most 1 argument");
        return NULL;
    }
    if (nkw == 1 &&
        PyUnicode_CompareWithASCIIString(PyTuple_GetItem(kwnames, 0), "by") != 0) {
        PyErr_SetString(PyExc_TypeError, "bump() got an unexpected keyword argument");
        return NULL;
    }
    long by = 1;
    if (nargs + nkw == 1) {
        by = PyLong_AsLong(args[0]);
        if (by == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    heaptypes_state *st = (heaptypes_state *)PyType_GetModuleState(defining_class);
    if (st == NULL) {
        return NULL;
    }
    st->counter += by;
    return PyLong_FromLong(st->counter);
}

/* -> (defining_class, PyType_GetModule(defining_class),
 *     PyType_GetModuleByDef(defining_class), PyType_GetModuleByDef(type(self))) */
static PyObject *
thing_where(PyObject *self, PyTypeObject *defining_class, PyObject *const *args,
            Py_ssize_t nargs, PyObject *kwnames)
{
    if (nargs != 0 || (kwnames != NULL && PyTuple_Size(kwnames) != 0)) {
        PyErr_SetString(PyExc_TypeError, "where() takes no arguments");
        return NULL;
    }
    PyObject *mod = PyType_GetModule(defining_class); /* borrowed */
    if (mod == NULL) {
        return NULL;
    }
    PyObject *by_cls = PyType_GetModuleByDef(defining_class, &capi_heaptypes_def);
    if (by_cls == NULL) {
        return NULL;
    }
    PyObject *by_type = PyType_GetModuleByDef(Py_TYPE(self), &capi_heaptypes_def);
    if (by_type == NULL) {
        return NULL;
    }
    return Py_BuildValue("(OOOO)", (PyObject *)defining_class, mod, by_cls, by_type);
}

static PyMethodDef thing_methods[] = {
    {"bump", (PyCFunction)(void (*)(void))thing_bump,
     METH_METHOD | METH_FASTCALL | METH_KEYWORDS, "Add to the module's counter."},
    {"where", (PyCFunction)(void (*)(void))thing_where,
     METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef thing_members[] = {
    {"value", T_LONG, offsetof(ThingObject, value), 0, "The value."},
    {"payload", T_OBJECT_EX, offsetof(ThingObject, payload), 0, NULL},
    /* how heap types declare their weakref slot (before 3.12's
     * Py_TPFLAGS_MANAGED_WEAKREF, still accepted) */
    {"__weaklistoffset__", T_PYSSIZET, offsetof(ThingObject, weakreflist), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef thing_getset[] = {
    {"doubled", thing_get_doubled, thing_set_doubled, "Twice the value.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const char thing_doc[] = "A heap type made from a PyType_Spec.";

static PyType_Slot thing_slots[] = {
    {Py_tp_new, thing_new},
    {Py_tp_init, thing_init},
    {Py_tp_dealloc, thing_dealloc},
    {Py_tp_traverse, thing_traverse},
    {Py_tp_clear, thing_clear},
    {Py_tp_methods, thing_methods},
    {Py_tp_members, thing_members},
    {Py_tp_getset, thing_getset},
    {Py_tp_repr, thing_repr},
    {Py_nb_add, thing_add},
    {Py_sq_length, thing_length},
    {Py_mp_subscript, thing_subscript},
    {Py_tp_doc, (void *)thing_doc},
    {0, NULL},
};

static PyType_Spec thing_spec = {
    .name = "capi_heaptypes.Thing",
    .basicsize = sizeof(ThingObject),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .slots = thing_slots,
};

/* ---- Roomy: a heap type whose instances keep their dict in C -------- */

typedef struct {
    PyObject_HEAD
    PyObject *dict;
} RoomyObject;

static int
roomy_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(op));
    Py_VISIT(((RoomyObject *)op)->dict);
    return 0;
}

static int
roomy_clear(PyObject *op)
{
    Py_CLEAR(((RoomyObject *)op)->dict);
    return 0;
}

static void
roomy_dealloc(PyObject *op)
{
    PyTypeObject *tp = Py_TYPE(op);
    PyObject_GC_UnTrack(op);
    roomy_clear(op);
    tp->tp_free(op);
    Py_DECREF(tp);
}

/* own_dict(): the dict field itself, None while it is NULL */
static PyObject *
roomy_own_dict(PyObject *self, PyObject *unused)
{
    PyObject *d = ((RoomyObject *)self)->dict;
    return Py_NewRef(d != NULL ? d : Py_None);
}

static PyMethodDef roomy_methods[] = {
    {"own_dict", roomy_own_dict, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef roomy_members[] = {
    /* how heap types declare their dict slot (wrapt's ObjectProxy does) */
    {"__dictoffset__", T_PYSSIZET, offsetof(RoomyObject, dict), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot roomy_slots[] = {
    {Py_tp_dealloc, roomy_dealloc},
    {Py_tp_traverse, roomy_traverse},
    {Py_tp_clear, roomy_clear},
    {Py_tp_methods, roomy_methods},
    {Py_tp_members, roomy_members},
    {0, NULL},
};

static PyType_Spec roomy_spec = {
    .name = "capi_heaptypes.Roomy",
    .basicsize = sizeof(RoomyObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .slots = roomy_slots,
};

/* ---- Mixin, Sub, Single: heap subtypes -------------------------------- */

static PyObject *
mixin_hello(PyObject *self, PyObject *ignored)
{
    return PyUnicode_FromString("hello from Mixin");
}

static PyMethodDef mixin_methods[] = {
    {"hello", mixin_hello, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot mixin_slots[] = {
    {Py_tp_methods, mixin_methods},
    {0, NULL},
};

/* basicsize 0: the layout of the base (object) */
static PyType_Spec mixin_spec = {
    .name = "capi_heaptypes.mixins.Mixin",
    .basicsize = 0,
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .slots = mixin_slots,
};

static PyMemberDef sub_members[] = {
    {"extra", T_LONG, offsetof(SubObject, extra), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* Everything else (new, init, dealloc, traverse, HAVE_GC, the number,
 * sequence and mapping slots) is inherited from Thing. */
static PyType_Slot sub_slots[] = {
    {Py_tp_members, sub_members},
    {Py_tp_doc, "Sub(Thing, Mixin)"},
    {0, NULL},
};

static PyType_Spec sub_spec = {
    .name = "capi_heaptypes.Sub",
    .basicsize = sizeof(SubObject),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .slots = sub_slots,
};

static PyObject *
single_repr(PyObject *op)
{
    return PyUnicode_FromFormat("Single(%ld)", ((ThingObject *)op)->value);
}

static PyType_Slot single_slots[] = {
    {Py_tp_repr, single_repr},
    {0, NULL},
};

static PyType_Spec single_spec = {
    .name = "capi_heaptypes.Single",
    .basicsize = 0,
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .slots = single_slots,
};

/* made on demand by subtype_of() */
static PyType_Slot dyn_slots[] = {
    {Py_tp_doc, "made by PyType_FromSpecWithBases"},
    {0, NULL},
};

static PyType_Spec dyn_spec = {
    .name = "capi_heaptypes.Dyn",
    .basicsize = 0,
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .slots = dyn_slots,
};

/* ---- Final (no BASETYPE) and Frozen (IMMUTABLETYPE) ------------------- */

static PyType_Slot final_slots[] = {
    {Py_tp_doc, "cannot be subclassed"},
    {0, NULL},
};

static PyType_Spec final_spec = {
    .name = "capi_heaptypes.Final",
    .basicsize = 0,
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = final_slots,
};

static PyType_Slot frozen_slots[] = {
    {Py_tp_doc, "attributes cannot be set"},
    {0, NULL},
};

static PyType_Spec frozen_spec = {
    .name = "capi_heaptypes.Frozen",
    .basicsize = 0,
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = frozen_slots,
};

/* ---- VarThing: a variable-size heap type ------------------------------ */

typedef struct {
    PyObject_VAR_HEAD
    long items[1];
} VarThingObject;

/* VarThing(n): n items, item i == i * i */
static PyObject *
var_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "n:VarThing", &n)) {
        return NULL;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "negative size");
        return NULL;
    }
    /* GenericAlloc sizes the block from basicsize + (n + 1) * itemsize and
     * sets ob_size to n */
    allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
    VarThingObject *self = (VarThingObject *)alloc(type, n);
    if (self == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        self->items[i] = (long)(i * i);
    }
    return (PyObject *)self;
}

static void
var_dealloc(PyObject *op)
{
    /* see thing_dealloc for why the type is released, and last */
    PyTypeObject *tp = Py_TYPE(op);
    freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    tp_free(op);
    Py_DECREF(tp);
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
        PyErr_SetString(PyExc_IndexError, "VarThing index out of range");
        return NULL;
    }
    return PyLong_FromLong(((VarThingObject *)op)->items[i]);
}

static PyType_Slot var_slots[] = {
    {Py_tp_new, var_new},
    {Py_tp_dealloc, var_dealloc},
    {Py_sq_length, var_length},
    {Py_sq_item, var_item},
    {0, NULL},
};

static PyType_Spec var_spec = {
    .name = "capi_heaptypes.VarThing",
    .basicsize = offsetof(VarThingObject, items),
    .itemsize = sizeof(long),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = var_slots,
};

/* ---- module functions ------------------------------------------------- */

static int
check_type(PyObject *t)
{
    if (!PyType_Check(t)) {
        PyErr_SetString(PyExc_TypeError, "a type is required");
        return -1;
    }
    return 0;
}

static PyObject *
counter(PyObject *module, PyObject *ignored)
{
    heaptypes_state *st = (heaptypes_state *)PyModule_GetState(module);
    if (st == NULL) {
        return NULL;
    }
    return PyLong_FromLong(st->counter);
}

static PyObject *
get_thing_deallocs(PyObject *module, PyObject *ignored)
{
    return PyLong_FromSsize_t(thing_deallocs);
}

/* A new type from thing_spec with no module, on every call. */
static PyObject *
from_spec(PyObject *module, PyObject *ignored)
{
    return PyType_FromSpec(&thing_spec);
}

/* sized_type(n): a new base type whose instances are n bytes (head and
 * padding), with no slots of its own. */
static PyObject *
sized_type(PyObject *module, PyObject *arg)
{
    static PyType_Slot sized_slots[] = {{0, NULL}};
    static PyType_Spec sized_spec = {
        .name = "capi_heaptypes.Sized",
        .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
        .slots = sized_slots,
    };
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (n < (long)sizeof(PyObject) || n > 4096) {
        PyErr_SetString(PyExc_ValueError, "size out of range");
        return NULL;
    }
    sized_spec.basicsize = (int)n;
    return PyType_FromSpec(&sized_spec);
}

/* subtype_of(bases): PyType_FromSpecWithBases with a type or a tuple */
static PyObject *
subtype_of(PyObject *module, PyObject *bases)
{
    return PyType_FromSpecWithBases(&dyn_spec, bases);
}

static PyObject *
type_module(PyObject *module, PyObject *t)
{
    if (check_type(t) < 0) {
        return NULL;
    }
    return Py_XNewRef(PyType_GetModule((PyTypeObject *)t));
}

static PyObject *
type_state_counter(PyObject *module, PyObject *t)
{
    if (check_type(t) < 0) {
        return NULL;
    }
    heaptypes_state *st = (heaptypes_state *)PyType_GetModuleState((PyTypeObject *)t);
    if (st == NULL) {
        return NULL;
    }
    return PyLong_FromLong(st->counter);
}

static PyObject *
module_by_def(PyObject *module, PyObject *t)
{
    if (check_type(t) < 0) {
        return NULL;
    }
    return Py_XNewRef(PyType_GetModuleByDef((PyTypeObject *)t, &capi_heaptypes_def));
}

/* -> (PyType_GetName(t), PyType_GetQualName(t)) */
static PyObject *
type_names(PyObject *module, PyObject *t)
{
    if (check_type(t) < 0) {
        return NULL;
    }
    PyObject *name = PyType_GetName((PyTypeObject *)t);
    if (name == NULL) {
        return NULL;
    }
    PyObject *qualname = PyType_GetQualName((PyTypeObject *)t);
    if (qualname == NULL) {
        Py_DECREF(name);
        return NULL;
    }
    return Py_BuildValue("(NN)", name, qualname);
}

static PyObject *
type_flags(PyObject *module, PyObject *t)
{
    if (check_type(t) < 0) {
        return NULL;
    }
    return PyLong_FromUnsignedLong(PyType_GetFlags((PyTypeObject *)t));
}

static int
type_and_slot(PyObject *args, PyTypeObject **t, int *slot)
{
    PyObject *o;
    if (!PyArg_ParseTuple(args, "Oi", &o, slot)) {
        return -1;
    }
    if (check_type(o) < 0) {
        return -1;
    }
    *t = (PyTypeObject *)o;
    return 0;
}

/* slot_is_spec(t, slot): PyType_GetSlot(t, slot) is the pointer thing_slots
 * gives for that slot */
static PyObject *
slot_is_spec(PyObject *module, PyObject *args)
{
    PyTypeObject *t;
    int slot;
    if (type_and_slot(args, &t, &slot) < 0) {
        return NULL;
    }
    void *expected = NULL;
    for (PyType_Slot *s = thing_slots; s->slot != 0; s++) {
        if (s->slot == slot) {
            expected = s->pfunc;
        }
    }
    if (expected == NULL) {
        PyErr_SetString(PyExc_ValueError, "slot not in thing_slots");
        return NULL;
    }
    void *got = PyType_GetSlot(t, slot);
    if (got == NULL && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(got == expected);
}

/* slot_is_null(t, slot): PyType_GetSlot returned NULL without an error */
static PyObject *
slot_is_null(PyObject *module, PyObject *args)
{
    PyTypeObject *t;
    int slot;
    if (type_and_slot(args, &t, &slot) < 0) {
        return NULL;
    }
    void *got = PyType_GetSlot(t, slot);
    if (got == NULL && PyErr_Occurred()) {
        return NULL;
    }
    return PyBool_FromLong(got == NULL);
}

/* -> (text of the Py_tp_doc slot, whether it is thing_doc's own storage) */
static PyObject *
doc_slot(PyObject *module, PyObject *t)
{
    if (check_type(t) < 0) {
        return NULL;
    }
    const char *doc = (const char *)PyType_GetSlot((PyTypeObject *)t, Py_tp_doc);
    if (doc == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    return Py_BuildValue("(sO)", doc, doc == thing_doc ? Py_True : Py_False);
}

#if PY_VERSION_HEX >= 0x030C0000
/* from_metaclass(meta): PyType_FromMetaclass (3.12+) with this module */
static PyObject *
from_metaclass(PyObject *module, PyObject *meta)
{
    if (check_type(meta) < 0) {
        return NULL;
    }
    return PyType_FromMetaclass((PyTypeObject *)meta, module, &thing_spec, NULL);
}
#endif

#if PY_VERSION_HEX >= 0x030C0000
/* ---- 3.12 type data: a spec with a negative basicsize ----------------- */

/* Extra extends Thing by its own data, found with PyObject_GetTypeData
 * (the extension does not know Thing's layout). */
typedef struct {
    long a;
    long b;
} ExtraData;

static PyType_Slot extra_slots[] = {
    {Py_tp_doc, "Thing with type data"},
    {0, NULL},
};

static PyType_Spec extra_spec = {
    .name = "capi_heaptypes.Extra",
    .basicsize = -(int)sizeof(ExtraData),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .slots = extra_slots,
};

/* make_extra(): the type, made from Thing */
static PyObject *
make_extra(PyObject *module, PyObject *unused)
{
    PyObject *thing = PyObject_GetAttrString(module, "Thing");
    if (thing == NULL) {
        return NULL;
    }
    PyObject *t = PyType_FromMetaclass(NULL, module, &extra_spec, thing);
    Py_DECREF(thing);
    return t;
}

/* extra_data(obj, cls[, a, b]): sets then reads cls's data of obj */
static PyObject *
extra_data(PyObject *module, PyObject *args)
{
    PyObject *obj, *cls;
    long a = 0, b = 0;
    int n = (int)PyTuple_GET_SIZE(args);
    if (!PyArg_ParseTuple(args, "OO|ll", &obj, &cls, &a, &b) || check_type(cls) < 0) {
        return NULL;
    }
    ExtraData *d = PyObject_GetTypeData(obj, (PyTypeObject *)cls);
    if (d == NULL) {
        return NULL;
    }
    if (n == 4) {
        d->a = a;
        d->b = b;
    }
    return Py_BuildValue("(ll)", d->a, d->b);
}

static PyObject *
type_data_size(PyObject *module, PyObject *cls)
{
    if (check_type(cls) < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(PyType_GetTypeDataSize((PyTypeObject *)cls));
}
#endif

/* What the PyHeapTypeObject memory of a heap type says, read as C code
 * reads it (simplejson takes ht_name for error messages): (ht_name,
 * ht_qualname, ht_module), None for a NULL field. */
static PyObject *
heap_fields(PyObject *module, PyObject *cls)
{
    if (check_type(cls) < 0) {
        return NULL;
    }
    if (!PyType_HasFeature((PyTypeObject *)cls, Py_TPFLAGS_HEAPTYPE)) {
        PyErr_SetString(PyExc_TypeError, "not a heap type");
        return NULL;
    }
    PyHeapTypeObject *ht = (PyHeapTypeObject *)cls;
    PyObject *name = ht->ht_name ? ht->ht_name : Py_None;
    PyObject *qualname = ht->ht_qualname ? ht->ht_qualname : Py_None;
    PyObject *mod = ht->ht_module ? ht->ht_module : Py_None;
    return PyTuple_Pack(3, name, qualname, mod);
}

static PyMethodDef capi_heaptypes_methods[] = {
    {"heap_fields", heap_fields, METH_O, NULL},
    {"counter", counter, METH_NOARGS, NULL},
    {"thing_deallocs", get_thing_deallocs, METH_NOARGS, NULL},
    {"from_spec", from_spec, METH_NOARGS, NULL},
    {"subtype_of", subtype_of, METH_O, NULL},
    {"sized_type", sized_type, METH_O, NULL},
    {"type_module", type_module, METH_O, NULL},
    {"type_state_counter", type_state_counter, METH_O, NULL},
    {"module_by_def", module_by_def, METH_O, NULL},
    {"type_names", type_names, METH_O, NULL},
    {"type_flags", type_flags, METH_O, NULL},
    {"slot_is_spec", slot_is_spec, METH_VARARGS, NULL},
    {"slot_is_null", slot_is_null, METH_VARARGS, NULL},
    {"doc_slot", doc_slot, METH_O, NULL},
#if PY_VERSION_HEX >= 0x030C0000
    {"from_metaclass", from_metaclass, METH_O, NULL},
    {"make_extra", make_extra, METH_NOARGS, NULL},
    {"extra_data", extra_data, METH_VARARGS, NULL},
    {"type_data_size", type_data_size, METH_O, NULL},
#endif
    {NULL, NULL, 0, NULL},
};

/* ---- module init ------------------------------------------------------ */

/* Adds the type under its short name and drops the caller's reference. */
static int
add_type(PyObject *module, PyObject *type)
{
    if (type == NULL) {
        return -1;
    }
    int r = PyModule_AddType(module, (PyTypeObject *)type);
    Py_DECREF(type);
    return r;
}

static int
add_int(PyObject *module, const char *name, long v)
{
    return PyModule_AddIntConstant(module, name, v);
}

static int
capi_heaptypes_exec(PyObject *module)
{
    heaptypes_state *st = (heaptypes_state *)PyModule_GetState(module);
    if (st == NULL) {
        return -1;
    }
    st->counter = 0;

    /* Thing, Final, Frozen and VarThing belong to this module object:
     * PyType_GetModule and PyType_GetModuleState find it from the type.
     * After add_type the module holds the only reference we rely on, so
     * `thing` and `mixin` are borrowed from then on. */
    PyObject *thing = PyType_FromModuleAndSpec(module, &thing_spec, NULL);
    if (add_type(module, thing) < 0) {
        return -1;
    }
    PyObject *mixin = PyType_FromSpec(&mixin_spec);
    if (add_type(module, mixin) < 0) {
        return -1;
    }
    PyObject *bases = PyTuple_Pack(2, thing, mixin);
    if (bases == NULL) {
        return -1;
    }
    PyObject *sub = PyType_FromSpecWithBases(&sub_spec, bases);
    Py_DECREF(bases);
    if (add_type(module, sub) < 0) {
        return -1;
    }
    /* a single base may be given as the type itself */
    if (add_type(module, PyType_FromSpecWithBases(&single_spec, thing)) < 0 ||
        add_type(module, PyType_FromModuleAndSpec(module, &final_spec, NULL)) < 0 ||
        add_type(module, PyType_FromModuleAndSpec(module, &frozen_spec, NULL)) < 0 ||
        add_type(module, PyType_FromModuleAndSpec(module, &var_spec, NULL)) < 0 ||
        add_type(module, PyType_FromModuleAndSpec(module, &roomy_spec, NULL)) < 0) {
        return -1;
    }

    if (add_int(module, "PY_VERSION_HEX", PY_VERSION_HEX) < 0 ||
        add_int(module, "THING_BASICSIZE", (long)sizeof(ThingObject)) < 0 ||
        add_int(module, "SUB_BASICSIZE", (long)sizeof(SubObject)) < 0 ||
        add_int(module, "VAR_BASICSIZE", (long)offsetof(VarThingObject, items)) < 0 ||
        add_int(module, "VAR_ITEMSIZE", (long)sizeof(long)) < 0 ||
        add_int(module, "TPFLAGS_HEAPTYPE", (long)Py_TPFLAGS_HEAPTYPE) < 0 ||
        add_int(module, "TPFLAGS_BASETYPE", (long)Py_TPFLAGS_BASETYPE) < 0 ||
        add_int(module, "TPFLAGS_HAVE_GC", (long)Py_TPFLAGS_HAVE_GC) < 0 ||
        add_int(module, "TPFLAGS_IMMUTABLETYPE", (long)Py_TPFLAGS_IMMUTABLETYPE) < 0 ||
        add_int(module, "Py_tp_new", Py_tp_new) < 0 ||
        add_int(module, "Py_tp_init", Py_tp_init) < 0 ||
        add_int(module, "Py_tp_dealloc", Py_tp_dealloc) < 0 ||
        add_int(module, "Py_tp_traverse", Py_tp_traverse) < 0 ||
        add_int(module, "Py_tp_clear", Py_tp_clear) < 0 ||
        add_int(module, "Py_tp_methods", Py_tp_methods) < 0 ||
        add_int(module, "Py_tp_getset", Py_tp_getset) < 0 ||
        add_int(module, "Py_tp_repr", Py_tp_repr) < 0 ||
        add_int(module, "Py_tp_iter", Py_tp_iter) < 0 ||
        add_int(module, "Py_tp_call", Py_tp_call) < 0 ||
        add_int(module, "Py_nb_add", Py_nb_add) < 0 ||
        add_int(module, "Py_nb_multiply", Py_nb_multiply) < 0 ||
        add_int(module, "Py_sq_length", Py_sq_length) < 0 ||
        add_int(module, "Py_mp_subscript", Py_mp_subscript) < 0) {
        return -1;
    }
    return 0;
}

static PyModuleDef_Slot capi_heaptypes_slots[] = {
    {Py_mod_exec, capi_heaptypes_exec},
    {0, NULL},
};

static struct PyModuleDef capi_heaptypes_def = {
    PyModuleDef_HEAD_INIT,
    "capi_heaptypes",
    "Heap types made from PyType_Spec.",
    sizeof(heaptypes_state),
    capi_heaptypes_methods,
    capi_heaptypes_slots,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC
PyInit_capi_heaptypes(void)
{
    return PyModuleDef_Init(&capi_heaptypes_def);
}
