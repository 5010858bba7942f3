/* capi_types: static extension types (static PyTypeObject + PyType_Ready).
 *
 * Types:
 *   Base -> Mid -> Leaf   a tp_base chain of three C types
 *   Point                 own tp_new/tp_init/tp_dealloc, every method flavour
 *   Vec                   var-sized (tp_itemsize), sq_length + METH_COEXIST
 *   Members               one PyMemberDef of every member type code
 *   GetSet                PyGetSetDef with closures, read-only, delete, errors
 *   Open                  tp_dictoffset + tp_weaklistoffset (GC)
 *   NoNew                 tp_new == NULL: not callable from Python
 *   Late                  readied on demand by ready_late()
 *
 * Every tp_dealloc bumps a per-type counter (dealloc_count(name)) so the
 * check script can see it ran exactly once per object.
 * Checked by test_capi_types.py.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

#include <math.h>
#include <stddef.h>

/* Tentative definitions: the types refer to each other before their
 * initialisers. */
static PyTypeObject BaseType;
static PyTypeObject MidType;
static PyTypeObject LeafType;
static PyTypeObject PointType;
static PyTypeObject VecType;
static PyTypeObject MembersType;
static PyTypeObject GetSetType;
static PyTypeObject OpenType;
static PyTypeObject NoNewType;
static PyTypeObject LateType;

/* ---- dealloc counters ------------------------------------------------ */

enum {
    K_BASE, K_MID, K_LEAF, K_POINT, K_VEC, K_MEMBERS, K_GETSET, K_OPEN,
    K_NONEW, K_LATE, K_COUNT
};

static const char *const kind_names[K_COUNT] = {
    "Base", "Mid", "Leaf", "Point", "Vec", "Members", "GetSet", "Open",
    "NoNew", "Late",
};

static PyTypeObject *const kind_types[K_COUNT] = {
    &BaseType, &MidType, &LeafType, &PointType, &VecType, &MembersType,
    &GetSetType, &OpenType, &NoNewType, &LateType,
};

static Py_ssize_t deallocs[K_COUNT];

/* Counts under the nearest static type on the tp_base chain, so an instance
 * of a Python subclass of Point counts as a Point (its base dealloc ran). */
static void
count_dealloc(PyObject *self)
{
    for (PyTypeObject *tp = Py_TYPE(self); tp != NULL; tp = tp->tp_base) {
        for (int k = 0; k < K_COUNT; k++) {
            if (kind_types[k] == tp) {
                deallocs[k]++;
                return;
            }
        }
    }
}

static PyObject *
dealloc_count(PyObject *module, PyObject *name)
{
    const char *s = PyUnicode_AsUTF8(name);
    if (s == NULL) {
        return NULL;
    }
    for (int k = 0; k < K_COUNT; k++) {
        if (strcmp(s, kind_names[k]) == 0) {
            return PyLong_FromSsize_t(deallocs[k]);
        }
    }
    PyErr_Format(PyExc_KeyError, "no counter for %R", name);
    return NULL;
}

/* ---- Base -> Mid -> Leaf --------------------------------------------- */

typedef struct {
    PyObject_HEAD
    long a;
} BaseObject;

typedef struct {
    BaseObject base;
    long b;
} MidObject;

typedef struct {
    MidObject mid;
    long c;
} LeafObject;

static int
base_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"a", NULL};
    long a = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|l:Base", kwlist, &a)) {
        return -1;
    }
    if (a < 0) {
        PyErr_SetString(PyExc_ValueError, "a must be >= 0");
        return -1;
    }
    ((BaseObject *)self)->a = a;
    return 0;
}

/* Chains to Base's tp_init for `a`, as a C subclass would. */
static int
mid_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"a", "b", NULL};
    long a = 0, b = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ll:Mid", kwlist, &a, &b)) {
        return -1;
    }
    PyObject *base_args = Py_BuildValue("(l)", a);
    if (base_args == NULL) {
        return -1;
    }
    int r = BaseType.tp_init(self, base_args, NULL);
    Py_DECREF(base_args);
    if (r < 0) {
        return -1;
    }
    ((MidObject *)self)->b = b;
    return 0;
}

/* Shared by the whole chain (Mid and Leaf inherit it). */
static void
base_dealloc(PyObject *self)
{
    count_dealloc(self);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
base_repr(PyObject *self)
{
    return PyUnicode_FromFormat("<%s a=%ld>", Py_TYPE(self)->tp_name,
                                ((BaseObject *)self)->a);
}

/* == / != on `a`; defined without tp_hash, so the type becomes unhashable. */
static PyObject *
base_richcompare(PyObject *x, PyObject *y, int op)
{
    if (!PyObject_TypeCheck(x, &BaseType) || !PyObject_TypeCheck(y, &BaseType)
        || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int eq = ((BaseObject *)x)->a == ((BaseObject *)y)->a;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

static PyObject *
base_value(PyObject *self, PyObject *ignored)
{
    return PyLong_FromLong(((BaseObject *)self)->a);
}

static PyObject *
base_who(PyObject *self, PyObject *ignored)
{
    return PyUnicode_FromString("Base");
}

/* METH_METHOD|METH_FASTCALL|METH_KEYWORDS, listed in both Base and Point:
 * -> (defining_class, nargs, kwnames or None) */
static PyObject *
defining(PyObject *self, PyTypeObject *cls, PyObject *const *args,
         size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    return Py_BuildValue("(OnO)", (PyObject *)cls, nargs,
                         kwnames != NULL ? kwnames : Py_None);
}

static PyObject *
mid_who(PyObject *self, PyObject *ignored)
{
    return PyUnicode_FromString("Mid");
}

static PyObject *
mid_value(PyObject *self, PyObject *ignored)
{
    return PyLong_FromLong(((MidObject *)self)->b);
}

/* Reads all three levels of the struct directly. */
static PyObject *
leaf_sum(PyObject *self, PyObject *ignored)
{
    LeafObject *o = (LeafObject *)self;
    return PyLong_FromLong(o->mid.base.a + o->mid.b + o->c);
}

static PyMethodDef base_methods[] = {
    {"base_value", base_value, METH_NOARGS, "Return a."},
    {"who", base_who, METH_NOARGS, "Base.who"},
    {"defining", (PyCFunction)(void (*)(void))defining,
     METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef mid_methods[] = {
    {"who", mid_who, METH_NOARGS, "Mid.who"},
    {"mid_value", mid_value, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef leaf_methods[] = {
    {"leaf_sum", leaf_sum, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef base_members[] = {
    {"a", T_LONG, offsetof(BaseObject, a), 0, NULL},
    {NULL},
};

static PyMemberDef mid_members[] = {
    {"b", T_LONG, offsetof(MidObject, b), 0, NULL},
    {NULL},
};

static PyMemberDef leaf_members[] = {
    {"c", T_LONG, offsetof(LeafObject, c), 0, NULL},
    {NULL},
};

/* tp_base set: base object; tp_new generic, so Mid and Leaf inherit it. */
static PyTypeObject BaseType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_types.Base",
    .tp_basicsize = sizeof(BaseObject),
    .tp_dealloc = base_dealloc,
    .tp_repr = base_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Root of the Base -> Mid -> Leaf chain.",
    .tp_richcompare = base_richcompare,
    .tp_methods = base_methods,
    .tp_members = base_members,
    .tp_init = base_init,
    .tp_new = PyType_GenericNew,
};

/* No tp_new, tp_dealloc, tp_repr, tp_doc: inherited (tp_new because the base
 * is not object). */
static PyTypeObject MidType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_types.Mid",
    .tp_basicsize = sizeof(MidObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = mid_methods,
    .tp_members = mid_members,
    .tp_base = &BaseType,
    .tp_init = mid_init,
};

/* No BASETYPE: Python cannot subclass it. */
static PyTypeObject LeafType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_types.Leaf",
    .tp_basicsize = sizeof(LeafObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Leaf doc",
    .tp_methods = leaf_methods,
    .tp_members = leaf_members,
    .tp_base = &MidType,
};

/* ---- Point ------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    double x;
    double y;
    PyObject *tag;
} PointObject;

static PyObject *
point_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PointObject *self = (PointObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    /* tp_alloc zero-filled x and y; the tag shows this tp_new ran. */
    self->tag = PyUnicode_FromString("fresh");
    if (self->tag == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int
point_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"x", "y", NULL};
    double x = 0.0, y = 0.0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|dd:Point", kwlist, &x, &y)) {
        return -1;
    }
    if (!isfinite(x) || !isfinite(y)) {
        PyErr_SetString(PyExc_ValueError, "coordinates must be finite");
        return -1;
    }
    ((PointObject *)self)->x = x;
    ((PointObject *)self)->y = y;
    return 0;
}

static void
point_dealloc(PyObject *self)
{
    count_dealloc(self);
    Py_CLEAR(((PointObject *)self)->tag);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
point_norm2(PyObject *self, PyObject *ignored)
{
    PointObject *p = (PointObject *)self;
    return PyFloat_FromDouble(p->x * p->x + p->y * p->y);
}

/* METH_O: a new instance of type(self) scaled by k */
static PyObject *
point_scaled(PyObject *self, PyObject *arg)
{
    PointObject *p = (PointObject *)self;
    double k = PyFloat_AsDouble(arg);
    if (k == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyObject_CallFunction((PyObject *)Py_TYPE(self), "dd", p->x * k,
                                 p->y * k);
}

/* METH_VARARGS: mutates in place */
static PyObject *
point_move(PyObject *self, PyObject *args)
{
    double dx, dy;
    if (!PyArg_ParseTuple(args, "dd:move", &dx, &dy)) {
        return NULL;
    }
    ((PointObject *)self)->x += dx;
    ((PointObject *)self)->y += dy;
    Py_RETURN_NONE;
}

/* METH_FASTCALL|METH_KEYWORDS: -> (tuple(positional), {kwname: value}) */
static PyObject *
point_describe(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
               PyObject *kwnames)
{
    PyObject *pos = PyTuple_New(nargs);
    if (pos == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyTuple_SET_ITEM(pos, i, Py_NewRef(args[i]));
    }
    PyObject *kw = PyDict_New();
    if (kw == NULL) {
        Py_DECREF(pos);
        return NULL;
    }
    Py_ssize_t nkw = kwnames != NULL ? PyTuple_GET_SIZE(kwnames) : 0;
    for (Py_ssize_t i = 0; i < nkw; i++) {
        /* keyword values follow the positional ones in args */
        if (PyDict_SetItem(kw, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
            Py_DECREF(pos);
            Py_DECREF(kw);
            return NULL;
        }
    }
    return Py_BuildValue("(NN)", pos, kw);
}

/* METH_CLASS|METH_NOARGS: the class it was reached through */
static PyObject *
point_kind(PyObject *cls, PyObject *ignored)
{
    return Py_NewRef(cls);
}

/* METH_CLASS|METH_O: cls(*t) */
static PyObject *
point_from_tuple(PyObject *cls, PyObject *t)
{
    if (!PyTuple_Check(t)) {
        PyErr_SetString(PyExc_TypeError, "from_tuple expects a tuple");
        return NULL;
    }
    return PyObject_CallObject(cls, t);
}

/* METH_STATIC|METH_VARARGS: -> (self is NULL, args) */
static PyObject *
point_static_probe(PyObject *self, PyObject *args)
{
    return Py_BuildValue("(OO)", self == NULL ? Py_True : Py_False, args);
}

static PyMethodDef point_methods[] = {
    {"norm2", point_norm2, METH_NOARGS,
     "norm2($self, /)\n--\n\nSquared distance from the origin."},
    {"scaled", point_scaled, METH_O, "A scaled copy."},
    {"move", point_move, METH_VARARGS, NULL},
    {"describe", (PyCFunction)(void (*)(void))point_describe,
     METH_FASTCALL | METH_KEYWORDS, "Echo the arguments."},
    {"kind", point_kind, METH_CLASS | METH_NOARGS, "The class."},
    {"from_tuple", point_from_tuple, METH_CLASS | METH_O, NULL},
    {"static_probe", point_static_probe, METH_STATIC | METH_VARARGS, NULL},
    {"defining", (PyCFunction)(void (*)(void))defining,
     METH_METHOD | METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef point_members[] = {
    {"x", T_DOUBLE, offsetof(PointObject, x), 0, "x coordinate"},
    {"y", T_DOUBLE, offsetof(PointObject, y), 0, "y coordinate"},
    {"tag", T_OBJECT, offsetof(PointObject, tag), 0, NULL},
    {NULL},
};

/* tp_base left NULL: PyType_Ready makes it object.  No dict, no weakrefs. */
static PyTypeObject PointType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_types.Point",
    .tp_basicsize = sizeof(PointObject),
    .tp_itemsize = 0,
    .tp_dealloc = point_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Point(x=0.0, y=0.0)\n--\n\nA point in the plane.",
    .tp_methods = point_methods,
    .tp_members = point_members,
    .tp_init = point_init,
    .tp_new = point_new,
};

/* ---- Vec: var-sized --------------------------------------------------- */

typedef struct {
    PyObject_VAR_HEAD
    long items[];
} VecObject;

static Py_ssize_t coexist_calls;

static PyObject *
vec_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "n:Vec", &n)) {
        return NULL;
    }
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "Vec size must be >= 0");
        return NULL;
    }
    /* PyType_GenericAlloc: room for n items, Py_SIZE set to n */
    VecObject *v = (VecObject *)type->tp_alloc(type, n);
    if (v == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        v->items[i] = (long)(i * i);
    }
    return (PyObject *)v;
}

static void
vec_dealloc(PyObject *self)
{
    count_dealloc(self);
    Py_TYPE(self)->tp_free(self);
}

static Py_ssize_t
vec_length(PyObject *self)
{
    return Py_SIZE(self);
}

static PyObject *
vec_item(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "Vec index out of range");
        return NULL;
    }
    return PyLong_FromLong(((VecObject *)self)->items[i]);
}

/* METH_COEXIST: replaces the sq_length wrapper as Vec.__len__; counts its
 * calls so the check can tell it from the slot. */
static PyObject *
vec_len_method(PyObject *self, PyObject *ignored)
{
    coexist_calls++;
    return PyLong_FromSsize_t(Py_SIZE(self));
}

static PyObject *
vec_tolist(PyObject *self, PyObject *ignored)
{
    PyObject *l = PyList_New(Py_SIZE(self));
    if (l == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *x = PyLong_FromLong(((VecObject *)self)->items[i]);
        if (x == NULL) {
            Py_DECREF(l);
            return NULL;
        }
        PyList_SET_ITEM(l, i, x);
    }
    return l;
}

static PyMethodDef vec_methods[] = {
    {"__len__", vec_len_method, METH_NOARGS | METH_COEXIST,
     "__len__ as a method (METH_COEXIST)"},
    {"tolist", vec_tolist, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PySequenceMethods vec_as_sequence = {
    .sq_length = vec_length,
    .sq_item = vec_item,
};

static PyTypeObject VecType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_types.Vec",
    .tp_basicsize = offsetof(VecObject, items),
    .tp_itemsize = sizeof(long),
    .tp_dealloc = vec_dealloc,
    .tp_as_sequence = &vec_as_sequence,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = vec_methods,
    .tp_new = vec_new,
};

/* ---- Members: every member type code ----------------------------------- */

typedef struct {
    PyObject_HEAD
    short s;
    int i;
    long l;
    float f;
    double d;
    char *str;
    PyObject *obj;
    PyObject *obj_ex;
    char ch;
    char byte;
    unsigned char ubyte;
    unsigned int uint;
    unsigned short ushort;
    unsigned long ulong;
    char boolean;
    long long ll;
    unsigned long long ull;
    Py_ssize_t ssz;
    char inplace[16];
    int ro_int;
    PyObject *ro_obj;
    int new_int;
} MembersObject;

/* Values set from C, read from Python. */
static PyObject *
members_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    MembersObject *m = (MembersObject *)type->tp_alloc(type, 0);
    if (m == NULL) {
        return NULL;
    }
    m->s = -300;
    m->i = -70000;
    m->l = -2000000000L;
    m->f = 1.5f;
    m->d = 2.25;
    m->str = "hello";
    m->obj = NULL;
    m->obj_ex = NULL;
    m->ch = 'c';
    m->byte = -5;
    m->ubyte = 250;
    m->uint = 4000000000U;
    m->ushort = 65000;
    m->ulong = 4000000001UL;
    m->boolean = 1;
    m->ll = -(1LL << 40);
    m->ull = (1ULL << 63) + 5;
    m->ssz = -12345;
    strcpy(m->inplace, "inplace");
    m->ro_int = 42;
    m->new_int = 7;
    m->ro_obj = PyUnicode_FromString("frozen");
    if (m->ro_obj == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    return (PyObject *)m;
}

static void
members_dealloc(PyObject *self)
{
    MembersObject *m = (MembersObject *)self;
    count_dealloc(self);
    Py_CLEAR(m->obj);
    Py_CLEAR(m->obj_ex);
    Py_CLEAR(m->ro_obj);
    Py_TYPE(self)->tp_free(self);
}

static PyMemberDef members_members[] = {
    {"s", T_SHORT, offsetof(MembersObject, s), 0, "a C short"},
    {"i", T_INT, offsetof(MembersObject, i), 0, NULL},
    {"l", T_LONG, offsetof(MembersObject, l), 0, NULL},
    {"f", T_FLOAT, offsetof(MembersObject, f), 0, NULL},
    {"d", T_DOUBLE, offsetof(MembersObject, d), 0, NULL},
    {"str", T_STRING, offsetof(MembersObject, str), 0, NULL},
    {"obj", T_OBJECT, offsetof(MembersObject, obj), 0, NULL},
    {"obj_ex", T_OBJECT_EX, offsetof(MembersObject, obj_ex), 0, NULL},
    {"ch", T_CHAR, offsetof(MembersObject, ch), 0, NULL},
    {"byte", T_BYTE, offsetof(MembersObject, byte), 0, NULL},
    {"ubyte", T_UBYTE, offsetof(MembersObject, ubyte), 0, NULL},
    {"uint", T_UINT, offsetof(MembersObject, uint), 0, NULL},
    {"ushort", T_USHORT, offsetof(MembersObject, ushort), 0, NULL},
    {"ulong", T_ULONG, offsetof(MembersObject, ulong), 0, NULL},
    {"boolean", T_BOOL, offsetof(MembersObject, boolean), 0, NULL},
    {"ll", T_LONGLONG, offsetof(MembersObject, ll), 0, NULL},
    {"ull", T_ULONGLONG, offsetof(MembersObject, ull), 0, NULL},
    {"ssz", T_PYSSIZET, offsetof(MembersObject, ssz), 0, NULL},
    {"inplace", T_STRING_INPLACE, offsetof(MembersObject, inplace), 0, NULL},
    {"ro_int", T_INT, offsetof(MembersObject, ro_int), READONLY, NULL},
    {"ro_obj", T_OBJECT, offsetof(MembersObject, ro_obj), READONLY, NULL},
#ifdef T_NONE
    /* always None; the offset is never read */
    {"nothing", T_NONE, offsetof(MembersObject, obj), READONLY, NULL},
#endif
#if PY_VERSION_HEX >= 0x030C0000
    {"new_int", Py_T_INT, offsetof(MembersObject, new_int), 0, NULL},
#endif
    {NULL},
};

static PyTypeObject MembersType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_types.Members",
    .tp_basicsize = sizeof(MembersObject),
    .tp_dealloc = members_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_members = members_members,
    .tp_new = members_new,
};

static int
check_members(PyObject *o)
{
    if (!PyObject_TypeCheck(o, &MembersType)) {
        PyErr_SetString(PyExc_TypeError, "expected a Members instance");
        return -1;
    }
    return 0;
}

/* NULL object fields are reported as Ellipsis, to tell them from None. */
static PyObject *
or_ellipsis(PyObject *o)
{
    return o != NULL ? o : Py_Ellipsis;
}

/* The C struct as C sees it. */
static PyObject *
members_raw(PyObject *module, PyObject *o)
{
    if (check_members(o) < 0) {
        return NULL;
    }
    MembersObject *m = (MembersObject *)o;
    return Py_BuildValue(
        "{s:h,s:i,s:l,s:d,s:d,s:z,s:O,s:O,s:i,s:i,s:i,s:k,s:i,s:k,s:i,s:L,s:K,"
        "s:n,s:s,s:i,s:O,s:i}",
        "s", m->s, "i", m->i, "l", m->l, "f", (double)m->f, "d", m->d,
        "str", m->str, "obj", or_ellipsis(m->obj), "obj_ex", or_ellipsis(m->obj_ex),
        "ch", (int)m->ch, "byte", (int)m->byte, "ubyte", (int)m->ubyte,
        "uint", (unsigned long)m->uint, "ushort", (int)m->ushort,
        "ulong", m->ulong, "boolean", (int)m->boolean, "ll", m->ll,
        "ull", m->ull, "ssz", m->ssz, "inplace", m->inplace,
        "ro_int", m->ro_int, "ro_obj", or_ellipsis(m->ro_obj),
        "new_int", m->new_int);
}

/* Overwrites every field from C; obj and obj_ex get `value`. */
static PyObject *
members_set_from_c(PyObject *module, PyObject *args)
{
    PyObject *o, *value;
    if (!PyArg_ParseTuple(args, "OO", &o, &value) || check_members(o) < 0) {
        return NULL;
    }
    MembersObject *m = (MembersObject *)o;
    m->s = 12345;
    m->i = 2147483647;
    m->l = 1234567890L;
    m->f = -0.25f;
    m->d = 1e300;
    m->str = NULL;
    Py_XSETREF(m->obj, Py_NewRef(value));
    Py_XSETREF(m->obj_ex, Py_NewRef(value));
    m->ch = 'Z';
    m->byte = 127;
    m->ubyte = 0;
    m->uint = 0;
    m->ushort = 1;
    m->ulong = 0;
    m->boolean = 0;
    m->ll = 9223372036854775807LL;
    m->ull = 18446744073709551615ULL;
    m->ssz = 0;
    strcpy(m->inplace, "changed");
    m->ro_int = -1;
    m->new_int = 8;
    Py_RETURN_NONE;
}

/* ---- GetSet ----------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    long vals[2];
    long deletes;
} GetSetObject;

/* closure is the index into vals */
static PyObject *
gs_get_val(PyObject *self, void *closure)
{
    return PyLong_FromLong(((GetSetObject *)self)->vals[(intptr_t)closure]);
}

/* value == NULL is `del obj.attr`: resets the slot and counts it. */
static int
gs_set_val(PyObject *self, PyObject *value, void *closure)
{
    GetSetObject *g = (GetSetObject *)self;
    if (value == NULL) {
        g->vals[(intptr_t)closure] = 0;
        g->deletes++;
        return 0;
    }
    long v = PyLong_AsLong(value);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    g->vals[(intptr_t)closure] = v;
    return 0;
}

static PyObject *
gs_get_total(PyObject *self, void *closure)
{
    GetSetObject *g = (GetSetObject *)self;
    return PyLong_FromLong(g->vals[0] + g->vals[1]);
}

static PyObject *
gs_get_broken(PyObject *self, void *closure)
{
    PyErr_SetString(PyExc_ValueError, "broken getter");
    return NULL;
}

/* refuses deletion and negative values */
static int
gs_set_strict(PyObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete strict");
        return -1;
    }
    long v = PyLong_AsLong(value);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (v < 0) {
        PyErr_SetString(PyExc_ValueError, "strict must be >= 0");
        return -1;
    }
    ((GetSetObject *)self)->vals[0] = v;
    return 0;
}

static PyGetSetDef getset_getsets[] = {
    {"first", gs_get_val, gs_set_val, "first slot", (void *)0},
    {"second", gs_get_val, gs_set_val, "second slot", (void *)1},
    {"total", gs_get_total, NULL, "first + second (read-only)", NULL},
    {"broken", gs_get_broken, NULL, NULL, NULL},
    {"strict", gs_get_val, gs_set_strict, NULL, (void *)0},
    {NULL},
};

static void
getset_dealloc(PyObject *self)
{
    count_dealloc(self);
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject GetSetType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_types.GetSet",
    .tp_basicsize = sizeof(GetSetObject),
    .tp_dealloc = getset_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getset = getset_getsets,
    .tp_new = PyType_GenericNew,
};

static PyObject *
getset_raw(PyObject *module, PyObject *o)
{
    if (!PyObject_TypeCheck(o, &GetSetType)) {
        PyErr_SetString(PyExc_TypeError, "expected a GetSet instance");
        return NULL;
    }
    GetSetObject *g = (GetSetObject *)o;
    return Py_BuildValue("(lll)", g->vals[0], g->vals[1], g->deletes);
}

/* ---- Open: instance dict + weakrefs ----------------------------------- */

typedef struct {
    PyObject_HEAD
    PyObject *dict;
    PyObject *weakreflist;
} OpenObject;

static int
open_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((OpenObject *)self)->dict);
    return 0;
}

static int
open_clear(PyObject *self)
{
    Py_CLEAR(((OpenObject *)self)->dict);
    return 0;
}

static void
open_dealloc(PyObject *self)
{
    OpenObject *o = (OpenObject *)self;
    PyObject_GC_UnTrack(self);
    count_dealloc(self);
    if (o->weakreflist != NULL) {
        PyObject_ClearWeakRefs(self);
    }
    Py_CLEAR(o->dict);
    Py_TYPE(self)->tp_free(self);
}

/* A static type gets no automatic __dict__ descriptor: declare it. */
static PyGetSetDef open_getsets[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL},
};

static PyTypeObject OpenType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_types.Open",
    .tp_basicsize = sizeof(OpenObject),
    .tp_dealloc = open_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = open_traverse,
    .tp_clear = open_clear,
    .tp_weaklistoffset = offsetof(OpenObject, weakreflist),
    .tp_getset = open_getsets,
    .tp_dictoffset = offsetof(OpenObject, dict),
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

/* the dict field itself (None while NULL) */
static PyObject *
open_dict(PyObject *module, PyObject *o)
{
    if (!PyObject_TypeCheck(o, &OpenType)) {
        PyErr_SetString(PyExc_TypeError, "expected an Open instance");
        return NULL;
    }
    PyObject *d = ((OpenObject *)o)->dict;
    return Py_NewRef(d != NULL ? d : Py_None);
}

static PyObject *
open_has_weakrefs(PyObject *module, PyObject *o)
{
    if (!PyObject_TypeCheck(o, &OpenType)) {
        PyErr_SetString(PyExc_TypeError, "expected an Open instance");
        return NULL;
    }
    return PyBool_FromLong(((OpenObject *)o)->weakreflist != NULL);
}

/* ---- NoNew: no tp_new, base object ------------------------------------ */

typedef struct {
    PyObject_HEAD
    long token;
} NoNewObject;

static void
nonew_dealloc(PyObject *self)
{
    count_dealloc(self);
    Py_TYPE(self)->tp_free(self);
}

static PyMemberDef nonew_members[] = {
    {"token", T_LONG, offsetof(NoNewObject, token), READONLY, NULL},
    {NULL},
};

static PyTypeObject NoNewType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_types.NoNew",
    .tp_basicsize = sizeof(NoNewObject),
    .tp_dealloc = nonew_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_members = nonew_members,
};

/* the only way to get one: PyObject_New from C */
static PyObject *
make_nonew(PyObject *module, PyObject *arg)
{
    long token = PyLong_AsLong(arg);
    if (token == -1 && PyErr_Occurred()) {
        return NULL;
    }
    NoNewObject *o = PyObject_New(NoNewObject, &NoNewType);
    if (o == NULL) {
        return NULL;
    }
    o->token = token;
    return (PyObject *)o;
}

/* ---- Late: not readied at import --------------------------------------- */

static void
late_dealloc(PyObject *self)
{
    count_dealloc(self);
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject LateType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_types.Late",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = late_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

/* -> (READY before, tp_base NULL before, PyType_Ready result, READY after,
 *     tp_base is object after, the type) */
static PyObject *
ready_late(PyObject *module, PyObject *ignored)
{
    int ready_before = (LateType.tp_flags & Py_TPFLAGS_READY) != 0;
    int base_null_before = LateType.tp_base == NULL;
    int r = PyType_Ready(&LateType);
    if (r < 0) {
        return NULL;
    }
    return Py_BuildValue("(OOiOOO)", ready_before ? Py_True : Py_False,
                         base_null_before ? Py_True : Py_False, r,
                         PyType_HasFeature(&LateType, Py_TPFLAGS_READY) ? Py_True : Py_False,
                         LateType.tp_base == &PyBaseObject_Type ? Py_True : Py_False,
                         (PyObject *)&LateType);
}

/* ---- type queries ------------------------------------------------------ */

static int
check_type(PyObject *t)
{
    if (!PyType_Check(t)) {
        PyErr_SetString(PyExc_TypeError, "expected a type");
        return -1;
    }
    return 0;
}

static PyObject *
is_subtype(PyObject *module, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b) || check_type(a) < 0
        || check_type(b) < 0) {
        return NULL;
    }
    return PyBool_FromLong(PyType_IsSubtype((PyTypeObject *)a, (PyTypeObject *)b));
}

static PyObject *
type_check(PyObject *module, PyObject *args)
{
    PyObject *o, *t;
    if (!PyArg_ParseTuple(args, "OO", &o, &t) || check_type(t) < 0) {
        return NULL;
    }
    return PyBool_FromLong(PyObject_TypeCheck(o, (PyTypeObject *)t));
}

/* PyObject_TypeCheck against the static type's address */
static PyObject *
is_base_instance(PyObject *module, PyObject *o)
{
    return PyBool_FromLong(PyObject_TypeCheck(o, &BaseType));
}

static PyObject *
type_flags(PyObject *module, PyObject *t)
{
    if (check_type(t) < 0) {
        return NULL;
    }
    return PyLong_FromUnsignedLong(PyType_GetFlags((PyTypeObject *)t));
}

static PyObject *
has_feature(PyObject *module, PyObject *args)
{
    PyObject *t;
    unsigned long flag;
    if (!PyArg_ParseTuple(args, "Ok", &t, &flag) || check_type(t) < 0) {
        return NULL;
    }
    return PyBool_FromLong(PyType_HasFeature((PyTypeObject *)t, flag));
}

/* tp_base as C sees it (None while NULL) */
static PyObject *
base_ptr(PyObject *module, PyObject *t)
{
    if (check_type(t) < 0) {
        return NULL;
    }
    PyTypeObject *b = ((PyTypeObject *)t)->tp_base;
    return Py_NewRef(b != NULL ? (PyObject *)b : Py_None);
}

/* PyType_Ready on a type that is already ready is a no-op returning 0 */
static PyObject *
ready_again(PyObject *module, PyObject *t)
{
    if (check_type(t) < 0) {
        return NULL;
    }
    int r = PyType_Ready((PyTypeObject *)t);
    if (r < 0) {
        return NULL;
    }
    return PyLong_FromLong(r);
}

typedef void (*anyfunc)(void);

/* the functions a slot may hold, by name */
static const struct {
    const char *name;
    anyfunc fn;
} known_funcs[] = {
    {"base_init", (anyfunc)base_init},
    {"mid_init", (anyfunc)mid_init},
    {"point_init", (anyfunc)point_init},
    {"point_new", (anyfunc)point_new},
    {"base_dealloc", (anyfunc)base_dealloc},
    {"point_dealloc", (anyfunc)point_dealloc},
    {"base_repr", (anyfunc)base_repr},
    {"base_richcompare", (anyfunc)base_richcompare},
    {"PyType_GenericNew", (anyfunc)PyType_GenericNew},
    {"PyType_GenericAlloc", (anyfunc)PyType_GenericAlloc},
    {"PyObject_Free", (anyfunc)PyObject_Free},
    {"PyObject_GC_Del", (anyfunc)PyObject_GC_Del},
};

/* slot_name(T, "tp_init") -> name of the function in that slot, None for
 * NULL, "other" for anything not ours / not listed. */
static PyObject *
slot_name(PyObject *module, PyObject *args)
{
    PyObject *t;
    const char *slot;
    if (!PyArg_ParseTuple(args, "Os", &t, &slot) || check_type(t) < 0) {
        return NULL;
    }
    PyTypeObject *tp = (PyTypeObject *)t;
    anyfunc fn;
    if (strcmp(slot, "tp_init") == 0) {
        fn = (anyfunc)tp->tp_init;
    }
    else if (strcmp(slot, "tp_new") == 0) {
        fn = (anyfunc)tp->tp_new;
    }
    else if (strcmp(slot, "tp_alloc") == 0) {
        fn = (anyfunc)tp->tp_alloc;
    }
    else if (strcmp(slot, "tp_free") == 0) {
        fn = (anyfunc)tp->tp_free;
    }
    else if (strcmp(slot, "tp_dealloc") == 0) {
        fn = (anyfunc)tp->tp_dealloc;
    }
    else if (strcmp(slot, "tp_repr") == 0) {
        fn = (anyfunc)tp->tp_repr;
    }
    else if (strcmp(slot, "tp_richcompare") == 0) {
        fn = (anyfunc)tp->tp_richcompare;
    }
    else {
        PyErr_Format(PyExc_ValueError, "unknown slot %s", slot);
        return NULL;
    }
    if (fn == NULL) {
        Py_RETURN_NONE;
    }
    for (size_t i = 0; i < sizeof(known_funcs) / sizeof(known_funcs[0]); i++) {
        if (known_funcs[i].fn == fn) {
            return PyUnicode_FromString(known_funcs[i].name);
        }
    }
    return PyUnicode_FromString("other");
}

/* PyType_GenericAlloc(T, 0) without tp_new/tp_init: all fields zero.  Only
 * for the Base chain and Point, whose zeroed state is valid. */
static PyObject *
generic_alloc(PyObject *module, PyObject *t)
{
    if (check_type(t) < 0) {
        return NULL;
    }
    PyTypeObject *tp = (PyTypeObject *)t;
    if (!PyType_IsSubtype(tp, &BaseType) && !PyType_IsSubtype(tp, &PointType)) {
        PyErr_SetString(PyExc_TypeError, "only for Base and Point types");
        return NULL;
    }
    return PyType_GenericAlloc(tp, 0);
}

/* ---- Point from C ------------------------------------------------------ */

/* calls the type object, as Python code would */
static PyObject *
point_via_call(PyObject *module, PyObject *args)
{
    return PyObject_CallObject((PyObject *)&PointType, args);
}

/* PyObject_New does not zero the struct nor run tp_new/tp_init: every field
 * is set here. */
static PyObject *
point_via_new(PyObject *module, PyObject *args)
{
    double x, y;
    if (!PyArg_ParseTuple(args, "dd", &x, &y)) {
        return NULL;
    }
    PointObject *p = PyObject_New(PointObject, &PointType);
    if (p == NULL) {
        return NULL;
    }
    p->x = x;
    p->y = y;
    p->tag = NULL;
    return (PyObject *)p;
}

static int
check_point(PyObject *o)
{
    if (!PyObject_TypeCheck(o, &PointType)) {
        PyErr_SetString(PyExc_TypeError, "expected a Point");
        return -1;
    }
    return 0;
}

/* -> (x, y, tag) read from the struct; a NULL tag reads as Ellipsis */
static PyObject *
point_fields(PyObject *module, PyObject *o)
{
    if (check_point(o) < 0) {
        return NULL;
    }
    PointObject *p = (PointObject *)o;
    return Py_BuildValue("(ddO)", p->x, p->y, or_ellipsis(p->tag));
}

static PyObject *
point_set(PyObject *module, PyObject *args)
{
    PyObject *o;
    double x, y;
    if (!PyArg_ParseTuple(args, "Odd", &o, &x, &y) || check_point(o) < 0) {
        return NULL;
    }
    ((PointObject *)o)->x = x;
    ((PointObject *)o)->y = y;
    Py_RETURN_NONE;
}

/* n times PyObject_New + Py_DECREF */
static PyObject *
churn_new(PyObject *module, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PointObject *p = PyObject_New(PointObject, &PointType);
        if (p == NULL) {
            return NULL;
        }
        p->x = (double)i;
        p->y = 0.0;
        p->tag = NULL;
        Py_DECREF(p);
    }
    Py_RETURN_NONE;
}

/* n times Point(i, 1.0) through the type's tp_call */
static PyObject *
churn_call(PyObject *module, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *p = PyObject_CallFunction((PyObject *)&PointType, "dd",
                                            (double)i, 1.0);
        if (p == NULL) {
            return NULL;
        }
        Py_DECREF(p);
    }
    Py_RETURN_NONE;
}

/* ---- Vec from C --------------------------------------------------------- */

/* PyObject_NewVar(VecObject, &VecType, len(list)); items filled here since
 * PyObject_NewVar does not zero them. */
static PyObject *
vec_from_list(PyObject *module, PyObject *list)
{
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "expected a list");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(list);
    VecObject *v = PyObject_NewVar(VecObject, &VecType, n);
    if (v == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        long x = PyLong_AsLong(PyList_GET_ITEM(list, i));
        if (x == -1 && PyErr_Occurred()) {
            /* make the rest valid before the dealloc */
            for (; i < n; i++) {
                v->items[i] = 0;
            }
            Py_DECREF(v);
            return NULL;
        }
        v->items[i] = x;
    }
    return (PyObject *)v;
}

static PyObject *
vec_alloc(PyObject *module, PyObject *arg)
{
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyType_GenericAlloc(&VecType, n);
}

static PyObject *
vec_size(PyObject *module, PyObject *o)
{
    return PyLong_FromSsize_t(Py_SIZE(o));
}

/* the trailing array read directly */
static PyObject *
vec_items(PyObject *module, PyObject *o)
{
    if (!PyObject_TypeCheck(o, &VecType)) {
        PyErr_SetString(PyExc_TypeError, "expected a Vec");
        return NULL;
    }
    return vec_tolist(o, NULL);
}

/* -> (offsetof(VecObject, items), sizeof(long)) */
static PyObject *
vec_layout(PyObject *module, PyObject *ignored)
{
    return Py_BuildValue("(nn)", (Py_ssize_t)offsetof(VecObject, items),
                         (Py_ssize_t)sizeof(long));
}

static PyObject *
get_coexist_calls(PyObject *module, PyObject *ignored)
{
    return PyLong_FromSsize_t(coexist_calls);
}

/* ---- tp_dict: the type's namespace, as Cython uses it ---------------- */

/* set_in_tp_dict(type, name, value): what Cython's __Pyx_SetVtable does, a
 * store into tp_dict followed by PyType_Modified. */
static PyObject *
set_in_tp_dict(PyObject *self, PyObject *args)
{
    PyObject *type, *name, *value;
    if (!PyArg_ParseTuple(args, "O!UO", &PyType_Type, &type, &name, &value)) {
        return NULL;
    }
    PyObject *dict = ((PyTypeObject *)type)->tp_dict;
    if (dict == NULL || !PyDict_Check(dict)) {
        PyErr_SetString(PyExc_SystemError, "tp_dict is not a dict");
        return NULL;
    }
    if (PyDict_SetItem(dict, name, value) < 0) {
        return NULL;
    }
    PyType_Modified((PyTypeObject *)type);
    Py_RETURN_NONE;
}

/* tp_dict_get(type, name): the entry of tp_dict, or None. */
static PyObject *
tp_dict_get(PyObject *self, PyObject *args)
{
    PyObject *type, *name;
    if (!PyArg_ParseTuple(args, "O!U", &PyType_Type, &type, &name)) {
        return NULL;
    }
    PyObject *dict = ((PyTypeObject *)type)->tp_dict;
    if (dict == NULL) {
        PyErr_SetString(PyExc_SystemError, "tp_dict is NULL");
        return NULL;
    }
    PyObject *v = PyDict_GetItemWithError(dict, name);
    if (v == NULL && PyErr_Occurred()) {
        return NULL;
    }
    return Py_NewRef(v != NULL ? v : Py_None);
}

/* tp_bases_mro(type): the type's tp_bases and tp_mro, as C reads them. */
static PyObject *
tp_bases_mro(PyObject *self, PyObject *type)
{
    if (!PyType_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "a type is required");
        return NULL;
    }
    PyTypeObject *t = (PyTypeObject *)type;
    if (t->tp_bases == NULL || t->tp_mro == NULL) {
        PyErr_SetString(PyExc_SystemError, "tp_bases or tp_mro is NULL");
        return NULL;
    }
    return PyTuple_Pack(2, t->tp_bases, t->tp_mro);
}

static PyMethodDef capi_types_methods[] = {
    {"tp_bases_mro", tp_bases_mro, METH_O, NULL},
    {"set_in_tp_dict", set_in_tp_dict, METH_VARARGS, NULL},
    {"tp_dict_get", tp_dict_get, METH_VARARGS, NULL},
    {"dealloc_count", dealloc_count, METH_O, NULL},
    {"coexist_calls", get_coexist_calls, METH_NOARGS, NULL},
    {"members_raw", members_raw, METH_O, NULL},
    {"members_set_from_c", members_set_from_c, METH_VARARGS, NULL},
    {"getset_raw", getset_raw, METH_O, NULL},
    {"open_dict", open_dict, METH_O, NULL},
    {"open_has_weakrefs", open_has_weakrefs, METH_O, NULL},
    {"make_nonew", make_nonew, METH_O, NULL},
    {"ready_late", ready_late, METH_NOARGS, NULL},
    {"is_subtype", is_subtype, METH_VARARGS, NULL},
    {"type_check", type_check, METH_VARARGS, NULL},
    {"is_base_instance", is_base_instance, METH_O, NULL},
    {"type_flags", type_flags, METH_O, NULL},
    {"has_feature", has_feature, METH_VARARGS, NULL},
    {"base_ptr", base_ptr, METH_O, NULL},
    {"ready_again", ready_again, METH_O, NULL},
    {"slot_name", slot_name, METH_VARARGS, NULL},
    {"generic_alloc", generic_alloc, METH_O, NULL},
    {"point_via_call", point_via_call, METH_VARARGS, NULL},
    {"point_via_new", point_via_new, METH_VARARGS, NULL},
    {"point_fields", point_fields, METH_O, NULL},
    {"point_set", point_set, METH_VARARGS, NULL},
    {"churn_new", churn_new, METH_O, NULL},
    {"churn_call", churn_call, METH_O, NULL},
    {"vec_from_list", vec_from_list, METH_O, NULL},
    {"vec_alloc", vec_alloc, METH_O, NULL},
    {"vec_size", vec_size, METH_O, NULL},
    {"vec_items", vec_items, METH_O, NULL},
    {"vec_layout", vec_layout, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_types_def = {
    PyModuleDef_HEAD_INIT, "capi_types", NULL, -1, capi_types_methods,
    NULL, NULL, NULL, NULL,
};

/* C types with float as their base whose tp_new calls float's, as numpy's
 * float64 does (its instances have float's layout); BigFloat adds a field. */
typedef struct {
    PyFloatObject base;
    int made_by_c;
} BigFloatObject;

static PyTypeObject BigFloatType;

static PyObject *
myfloat_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *self = PyFloat_Type.tp_new(type, args, kwds);
    if (self != NULL && type == &BigFloatType) {
        ((BigFloatObject *)self)->made_by_c = 7;
    }
    return self;
}

static PyObject *
myfloat_doubled(PyObject *self, void *closure)
{
    return PyFloat_FromDouble(2 * PyFloat_AS_DOUBLE(self));
}

static PyGetSetDef myfloat_getset[] = {
    {"doubled", myfloat_doubled, NULL, NULL, NULL},
    {NULL},
};

static PyTypeObject MyFloatType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_types.MyFloat",
    .tp_basicsize = sizeof(PyFloatObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = myfloat_new,
    .tp_getset = myfloat_getset,
};

/* A C type adding fields to str, made by str's tp_new, as numpy's str_:
 * its C field follows CPython's PyUnicodeObject. */
typedef struct {
    PyUnicodeObject base;
    Py_ssize_t tag;
} TaggedStrObject;

static PyObject *
taggedstr_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *self = PyUnicode_Type.tp_new(type, args, kwds);
    if (self != NULL) {
        ((TaggedStrObject *)self)->tag = PyUnicode_GET_LENGTH(self) * 10;
    }
    return self;
}

/* (tag, first and last code points read inline, compact) */
static PyObject *
taggedstr_fields(PyObject *self, void *closure)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(self);
    Py_UCS4 first = n ? PyUnicode_READ_CHAR(self, 0) : 0;
    Py_UCS4 last = n ? PyUnicode_READ(PyUnicode_KIND(self), PyUnicode_DATA(self), n - 1) : 0;
    return Py_BuildValue("(nIIi)", ((TaggedStrObject *)self)->tag, (unsigned int)first,
                         (unsigned int)last, (int)PyUnicode_IS_COMPACT(self));
}

/* compares through str's slot, as numpy's str_ does */
static PyObject *
taggedstr_richcompare(PyObject *a, PyObject *b, int op)
{
    return PyUnicode_Type.tp_richcompare(a, b, op);
}

static PyGetSetDef taggedstr_getset[] = {
    {"fields", taggedstr_fields, NULL, NULL, NULL},
    {NULL},
};

static PyTypeObject TaggedStrType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_types.TaggedStr",
    .tp_basicsize = sizeof(TaggedStrObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = taggedstr_new,
    .tp_richcompare = taggedstr_richcompare,
    .tp_getset = taggedstr_getset,
};

/* StrInt(str, IntLike): its nb_int comes from its second base, past str,
 * as numpy's str_ takes nb_int from its generic. */
static PyObject *
intlike_int(PyObject *self)
{
    return PyLong_FromLong(42);
}

static PyNumberMethods intlike_as_number = {.nb_int = intlike_int};

static PyTypeObject IntLikeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_types.IntLike",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_as_number = &intlike_as_number,
};

static PyNumberMethods strint_as_number;

static PyTypeObject StrIntType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_types.StrInt",
    .tp_basicsize = sizeof(TaggedStrObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = taggedstr_new,
    .tp_as_number = &strint_as_number,
};

static PyTypeObject BigFloatType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_types.BigFloat",
    .tp_basicsize = sizeof(BigFloatObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = myfloat_new,
};

PyMODINIT_FUNC
PyInit_capi_types(void)
{
    /* Readying Leaf first must ready its bases Mid and Base too. */
    if (PyType_Ready(&LeafType) < 0) {
        return NULL;
    }
    MyFloatType.tp_base = &PyFloat_Type;
    BigFloatType.tp_base = &PyFloat_Type;
    TaggedStrType.tp_base = &PyUnicode_Type;
    if (PyType_Ready(&IntLikeType) < 0) {
        return NULL;
    }
    StrIntType.tp_base = &PyUnicode_Type;
    StrIntType.tp_bases = PyTuple_Pack(2, (PyObject *)&PyUnicode_Type, (PyObject *)&IntLikeType);
    if (StrIntType.tp_bases == NULL) {
        return NULL;
    }
    int mid_ready = PyType_HasFeature(&MidType, Py_TPFLAGS_READY);
    int base_ready = PyType_HasFeature(&BaseType, Py_TPFLAGS_READY);

    PyTypeObject *types[] = {
        &BaseType, &MidType, &LeafType, &PointType, &VecType, &MembersType,
        &GetSetType, &OpenType, &NoNewType, &MyFloatType, &BigFloatType,
        &TaggedStrType, &StrIntType,
    };
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (PyType_Ready(types[i]) < 0) {
            return NULL;
        }
    }

    PyObject *m = PyModule_Create(&capi_types_def);
    if (m == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        /* adds under the name after the last dot of tp_name */
        if (PyModule_AddType(m, types[i]) < 0) {
            goto error;
        }
    }
    PyObject *rv = Py_BuildValue("(OO)", mid_ready ? Py_True : Py_False,
                                 base_ready ? Py_True : Py_False);
    if (rv == NULL || PyModule_AddObject(m, "READY_VIA_LEAF", rv) < 0) {
        Py_XDECREF(rv);
        goto error;
    }
#ifdef T_NONE
    int has_t_none = 1;
#else
    int has_t_none = 0;
#endif
    if (PyModule_AddIntConstant(m, "HAS_T_NONE", has_t_none) < 0
        || PyModule_AddIntConstant(m, "HAS_PY_T_NAMES",
                                   PY_VERSION_HEX >= 0x030C0000) < 0
        || PyModule_AddIntMacro(m, Py_TPFLAGS_DEFAULT) < 0
        || PyModule_AddIntMacro(m, Py_TPFLAGS_BASETYPE) < 0
        || PyModule_AddIntMacro(m, Py_TPFLAGS_READY) < 0
        || PyModule_AddIntMacro(m, Py_TPFLAGS_HEAPTYPE) < 0
        || PyModule_AddIntMacro(m, Py_TPFLAGS_HAVE_GC) < 0
        || PyModule_AddIntMacro(m, Py_TPFLAGS_IMMUTABLETYPE) < 0
        || PyModule_AddIntMacro(m, Py_TPFLAGS_DISALLOW_INSTANTIATION) < 0) {
        goto error;
    }
    return m;

error:
    Py_DECREF(m);
    return NULL;
}
