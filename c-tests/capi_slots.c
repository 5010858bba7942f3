/* capi_slots: static types (PyTypeObject + PyType_Ready) that fill type
 * slots, and module functions that call slots directly through Py_TYPE(o).
 * Checked by test_capi_slots.py.
 *
 * Most slots append their name to a module-level list (slot_log()), so a
 * check can tell which slot ran, e.g. nb_inplace_add rather than nb_add. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stddef.h>
#include <string.h>

#define ARG(i)                                  \
    PyObject *a##i = PyTuple_GetItem(args, i);  \
    if (a##i == NULL) {                         \
        return NULL;                            \
    }

static PyObject *slot_log_list;    /* list of str, see slot_log() */
static PyObject *NULL_marker;      /* stands for a NULL argument */
static PyObject *EXHAUSTED_marker; /* tp_iternext/PyIter_Next returned NULL, no error */
static long finalized_count;       /* tp_finalize calls of Fin */

static int
log_slot(const char *name)
{
    PyObject *s = PyUnicode_FromString(name);
    if (s == NULL) {
        return -1;
    }
    int r = PyList_Append(slot_log_list, s);
    Py_DECREF(s);
    return r;
}

/* "name n": for slots that receive an index, the index as received */
static int
log_slot_n(const char *name, Py_ssize_t n)
{
    PyObject *s = PyUnicode_FromFormat("%s %zd", name, n);
    if (s == NULL) {
        return -1;
    }
    int r = PyList_Append(slot_log_list, s);
    Py_DECREF(s);
    return r;
}

/* "name detail" */
static int
log_slot2(const char *name, const char *detail)
{
    PyObject *s = PyUnicode_FromFormat("%s %s", name, detail);
    if (s == NULL) {
        return -1;
    }
    int r = PyList_Append(slot_log_list, s);
    Py_DECREF(s);
    return r;
}

static const char *
op_name(int op)
{
    switch (op) {
    case Py_LT: return "LT";
    case Py_LE: return "LE";
    case Py_EQ: return "EQ";
    case Py_NE: return "NE";
    case Py_GT: return "GT";
    case Py_GE: return "GE";
    }
    return "??";
}

static PyObject *
null_or(PyObject *o)
{
    return Py_NewRef(o == NULL ? NULL_marker : o);
}

/* ======================================================================
 * Num: a C long with every nb_* slot.  Binary slots accept a Num or an int
 * on either side (the int may be the LEFT operand: reflected dispatch calls
 * the Num's slot with the operands in their original order).  In-place
 * slots mutate self and return it, so `a += b` keeps a's identity.
 * ====================================================================== */

typedef struct {
    PyObject_HEAD
    long v;
} NumObject;

static PyTypeObject NumType;

static PyObject *
num_create(long v)
{
    NumObject *n = (NumObject *)NumType.tp_alloc(&NumType, 0);
    if (n != NULL) {
        n->v = v;
    }
    return (PyObject *)n;
}

static PyObject *
num_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    long v = 0;
    if (!PyArg_ParseTuple(args, "|l:Num", &v)) {
        return NULL;
    }
    NumObject *n = (NumObject *)type->tp_alloc(type, 0);
    if (n != NULL) {
        n->v = v;
    }
    return (PyObject *)n;
}

static void
num_dealloc(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
num_repr(PyObject *self)
{
    return PyUnicode_FromFormat("Num(%ld)", ((NumObject *)self)->v);
}

static PyObject *
num_get_v(PyObject *self, void *closure)
{
    return PyLong_FromLong(((NumObject *)self)->v);
}

static PyGetSetDef num_getset[] = {
    {"v", num_get_v, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* 1: *out set; 0: not a Num or int (the slot returns NotImplemented);
 * -1: error (e.g. int too large for a C long) */
static int
as_long(PyObject *o, long *out)
{
    if (PyObject_TypeCheck(o, &NumType)) {
        *out = ((NumObject *)o)->v;
        return 1;
    }
    if (PyLong_Check(o)) {
        *out = PyLong_AsLong(o);
        return (*out == -1 && PyErr_Occurred()) ? -1 : 1;
    }
    return 0;
}

enum {
    OP_ADD, OP_SUB, OP_MUL, OP_REM, OP_LSHIFT, OP_RSHIFT,
    OP_AND, OP_XOR, OP_OR, OP_FLOORDIV, OP_MATMUL,
};

/* Python's floor semantics, so results can be compared with int's */
static long
floor_div(long a, long b)
{
    long q = a / b;
    if (a % b != 0 && ((a < 0) != (b < 0))) {
        q--;
    }
    return q;
}

static long
floor_mod(long a, long b)
{
    long r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        r += b;
    }
    return r;
}

static int
compute(int op, long a, long b, long *r)
{
    switch (op) {
    case OP_ADD: *r = a + b; return 0;
    case OP_SUB: *r = a - b; return 0;
    case OP_MUL: *r = a * b; return 0;
    /* matmul has no scalar meaning: a*b, told apart by the slot log */
    case OP_MATMUL: *r = a * b; return 0;
    case OP_AND: *r = a & b; return 0;
    case OP_XOR: *r = a ^ b; return 0;
    case OP_OR: *r = a | b; return 0;
    case OP_REM:
    case OP_FLOORDIV:
        if (b == 0) {
            PyErr_SetString(PyExc_ZeroDivisionError, "Num division by zero");
            return -1;
        }
        *r = op == OP_REM ? floor_mod(a, b) : floor_div(a, b);
        return 0;
    case OP_LSHIFT:
    case OP_RSHIFT:
        if (b < 0) {
            PyErr_SetString(PyExc_ValueError, "negative shift count");
            return -1;
        }
        if (op == OP_RSHIFT) {
            *r = b >= 63 ? (a < 0 ? -1 : 0) : a >> b;
            return 0;
        }
        if (b >= 63) {
            PyErr_SetString(PyExc_OverflowError, "Num shift too large");
            return -1;
        }
        *r = (long)((unsigned long)a << b);
        return 0;
    }
    PyErr_SetString(PyExc_SystemError, "bad Num op");
    return -1;
}

static PyObject *
num_binop(const char *slot, int op, PyObject *x, PyObject *y)
{
    long a, b, r;
    if (log_slot(slot) < 0) {
        return NULL;
    }
    int ka = as_long(x, &a);
    if (ka < 0) {
        return NULL;
    }
    int kb = as_long(y, &b);
    if (kb < 0) {
        return NULL;
    }
    if (!ka || !kb) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (compute(op, a, b, &r) < 0) {
        return NULL;
    }
    return num_create(r);
}

/* in-place slots are only reached with self (a Num) on the left */
static PyObject *
num_ibinop(const char *slot, int op, PyObject *x, PyObject *y)
{
    long b, r;
    if (log_slot(slot) < 0) {
        return NULL;
    }
    if (!PyObject_TypeCheck(x, &NumType)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int kb = as_long(y, &b);
    if (kb < 0) {
        return NULL;
    }
    if (!kb) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (compute(op, ((NumObject *)x)->v, b, &r) < 0) {
        return NULL;
    }
    ((NumObject *)x)->v = r;
    return Py_NewRef(x);
}

#define BINOP(fn, op)                                           \
    static PyObject *num_##fn(PyObject *x, PyObject *y)         \
    {                                                           \
        return num_binop("nb_" #fn, op, x, y);                  \
    }                                                           \
    static PyObject *num_inplace_##fn(PyObject *x, PyObject *y) \
    {                                                           \
        return num_ibinop("nb_inplace_" #fn, op, x, y);         \
    }

BINOP(add, OP_ADD)
BINOP(subtract, OP_SUB)
BINOP(multiply, OP_MUL)
BINOP(remainder, OP_REM)
BINOP(lshift, OP_LSHIFT)
BINOP(rshift, OP_RSHIFT)
BINOP(and, OP_AND)
BINOP(xor, OP_XOR)
BINOP(or, OP_OR)
BINOP(floor_divide, OP_FLOORDIV)
BINOP(matrix_multiply, OP_MATMUL)

static PyObject *
num_divmod(PyObject *x, PyObject *y)
{
    long a, b;
    if (log_slot("nb_divmod") < 0) {
        return NULL;
    }
    int ka = as_long(x, &a);
    if (ka < 0) {
        return NULL;
    }
    int kb = as_long(y, &b);
    if (kb < 0) {
        return NULL;
    }
    if (!ka || !kb) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (b == 0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "Num division by zero");
        return NULL;
    }
    return Py_BuildValue("(ll)", floor_div(a, b), floor_mod(a, b));
}

static PyObject *
true_divide(const char *slot, PyObject *x, PyObject *y)
{
    long a, b;
    if (log_slot(slot) < 0) {
        return NULL;
    }
    int ka = as_long(x, &a);
    if (ka < 0) {
        return NULL;
    }
    int kb = as_long(y, &b);
    if (kb < 0) {
        return NULL;
    }
    if (!ka || !kb) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (b == 0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "Num division by zero");
        return NULL;
    }
    return PyFloat_FromDouble((double)a / (double)b);
}

static PyObject *
num_true_divide(PyObject *x, PyObject *y)
{
    return true_divide("nb_true_divide", x, y);
}

/* a float result cannot live in a Num: returns the quotient like
 * nb_true_divide; the log tells the two apart */
static PyObject *
num_inplace_true_divide(PyObject *x, PyObject *y)
{
    return true_divide("nb_inplace_true_divide", x, y);
}

/* -1 error, 0 NotImplemented, 1 *r set.  z is Py_None for two-argument
 * pow() and for **= */
static int
power(PyObject *x, PyObject *y, PyObject *z, long *r)
{
    long a, b, m = 0;
    int ka = as_long(x, &a);
    if (ka < 0) {
        return -1;
    }
    int kb = as_long(y, &b);
    if (kb < 0) {
        return -1;
    }
    int km = 1;
    if (z != Py_None) {
        km = as_long(z, &m);
        if (km < 0) {
            return -1;
        }
    }
    if (!ka || !kb || !km) {
        return 0;
    }
    if (b < 0) {
        PyErr_SetString(PyExc_ValueError, "Num: negative exponent");
        return -1;
    }
    if (z != Py_None && m == 0) {
        PyErr_SetString(PyExc_ValueError, "Num: pow() modulus is zero");
        return -1;
    }
    long acc = 1;
    for (long i = 0; i < b; i++) {
        acc *= a;
        if (z != Py_None) {
            acc = floor_mod(acc, m);
        }
    }
    if (z != Py_None) {
        acc = floor_mod(acc, m); /* pow(x, 0, m) is 1 % m */
    }
    *r = acc;
    return 1;
}

static PyObject *
num_power(PyObject *x, PyObject *y, PyObject *z)
{
    long r;
    if (log_slot(z == Py_None ? "nb_power" : "nb_power mod") < 0) {
        return NULL;
    }
    int k = power(x, y, z, &r);
    if (k < 0) {
        return NULL;
    }
    if (k == 0) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return num_create(r);
}

static PyObject *
num_inplace_power(PyObject *x, PyObject *y, PyObject *z)
{
    long r;
    if (log_slot(z == Py_None ? "nb_inplace_power" : "nb_inplace_power mod") < 0) {
        return NULL;
    }
    if (!PyObject_TypeCheck(x, &NumType)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    int k = power(x, y, z, &r);
    if (k < 0) {
        return NULL;
    }
    if (k == 0) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    ((NumObject *)x)->v = r;
    return Py_NewRef(x);
}

#define UNOP(fn, expr)                              \
    static PyObject *num_##fn(PyObject *self)       \
    {                                               \
        long v = ((NumObject *)self)->v;            \
        if (log_slot("nb_" #fn) < 0) {              \
            return NULL;                            \
        }                                           \
        return expr;                                \
    }

UNOP(negative, num_create(-v))
UNOP(positive, num_create(v))
UNOP(absolute, num_create(v < 0 ? -v : v))
UNOP(invert, num_create(~v))
UNOP(int, PyLong_FromLong(v))
UNOP(float, PyFloat_FromDouble((double)v))
UNOP(index, PyLong_FromLong(v))

static int
num_bool(PyObject *self)
{
    if (log_slot("nb_bool") < 0) {
        return -1;
    }
    return ((NumObject *)self)->v != 0;
}

static PyNumberMethods num_as_number = {
    .nb_add = num_add,
    .nb_subtract = num_subtract,
    .nb_multiply = num_multiply,
    .nb_remainder = num_remainder,
    .nb_divmod = num_divmod,
    .nb_power = num_power,
    .nb_negative = num_negative,
    .nb_positive = num_positive,
    .nb_absolute = num_absolute,
    .nb_bool = num_bool,
    .nb_invert = num_invert,
    .nb_lshift = num_lshift,
    .nb_rshift = num_rshift,
    .nb_and = num_and,
    .nb_xor = num_xor,
    .nb_or = num_or,
    .nb_int = num_int,
    .nb_float = num_float,
    .nb_inplace_add = num_inplace_add,
    .nb_inplace_subtract = num_inplace_subtract,
    .nb_inplace_multiply = num_inplace_multiply,
    .nb_inplace_remainder = num_inplace_remainder,
    .nb_inplace_power = num_inplace_power,
    .nb_inplace_lshift = num_inplace_lshift,
    .nb_inplace_rshift = num_inplace_rshift,
    .nb_inplace_and = num_inplace_and,
    .nb_inplace_xor = num_inplace_xor,
    .nb_inplace_or = num_inplace_or,
    .nb_floor_divide = num_floor_divide,
    .nb_true_divide = num_true_divide,
    .nb_inplace_floor_divide = num_inplace_floor_divide,
    .nb_inplace_true_divide = num_inplace_true_divide,
    .nb_index = num_index,
    .nb_matrix_multiply = num_matrix_multiply,
    .nb_inplace_matrix_multiply = num_inplace_matrix_multiply,
};

static PyTypeObject NumType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.Num",
    .tp_basicsize = sizeof(NumObject),
    .tp_dealloc = num_dealloc,
    .tp_repr = num_repr,
    .tp_as_number = &num_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_getset = num_getset,
    .tp_new = num_new,
};

/* ======================================================================
 * Seq: a list behind the sequence slots only (no mapping slots, no
 * tp_iter), so [] and iteration go through sq_item.
 * ====================================================================== */

typedef struct {
    PyObject_HEAD
    PyObject *items; /* list */
} SeqObject;

static PyTypeObject SeqType;

/* list * n (PyNumber_Multiply: the abstract call the layer surely has) */
static PyObject *
list_repeat(PyObject *list, Py_ssize_t n)
{
    PyObject *k = PyLong_FromSsize_t(n);
    if (k == NULL) {
        return NULL;
    }
    PyObject *r = PyNumber_Multiply(list, k);
    Py_DECREF(k);
    return r;
}

static PyObject *
seq_wrap(PyObject *list)
{
    if (list == NULL) {
        return NULL;
    }
    SeqObject *s = (SeqObject *)SeqType.tp_alloc(&SeqType, 0);
    if (s == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    s->items = list;
    return (PyObject *)s;
}

static PyObject *
seq_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *init = NULL;
    if (!PyArg_ParseTuple(args, "|O:Seq", &init)) {
        return NULL;
    }
    PyObject *list = init == NULL ? PyList_New(0) : PySequence_List(init);
    if (list == NULL) {
        return NULL;
    }
    SeqObject *s = (SeqObject *)type->tp_alloc(type, 0);
    if (s == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    s->items = list;
    return (PyObject *)s;
}

static void
seq_dealloc(PyObject *self)
{
    Py_XDECREF(((SeqObject *)self)->items);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
seq_get_items(PyObject *self, void *closure)
{
    return Py_NewRef(((SeqObject *)self)->items);
}

static PyGetSetDef seq_getset[] = {
    {"items", seq_get_items, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define SEQ_ITEMS(o) (((SeqObject *)(o))->items)

static Py_ssize_t
seq_length(PyObject *self)
{
    if (log_slot("sq_length") < 0) {
        return -1;
    }
    return PyList_Size(SEQ_ITEMS(self));
}

/* only the left operand's sq_concat is ever called, so self is a Seq; a
 * result of NotImplemented would be returned as is, hence the TypeError */
static PyObject *
seq_concat(PyObject *self, PyObject *other)
{
    if (log_slot("sq_concat") < 0) {
        return NULL;
    }
    if (!PyObject_TypeCheck(other, &SeqType)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate Seq (not \"%s\") to Seq",
                     Py_TYPE(other)->tp_name);
        return NULL;
    }
    return seq_wrap(PySequence_Concat(SEQ_ITEMS(self), SEQ_ITEMS(other)));
}

static PyObject *
seq_repeat(PyObject *self, Py_ssize_t n)
{
    if (log_slot_n("sq_repeat", n) < 0) {
        return NULL;
    }
    return seq_wrap(list_repeat(SEQ_ITEMS(self), n));
}

/* logs the index as received: the caller, not the slot, adds len() to a
 * negative index */
static PyObject *
seq_item(PyObject *self, Py_ssize_t i)
{
    if (log_slot_n("sq_item", i) < 0) {
        return NULL;
    }
    if (i < 0 || i >= PyList_Size(SEQ_ITEMS(self))) {
        PyErr_SetString(PyExc_IndexError, "Seq index out of range");
        return NULL;
    }
    return Py_NewRef(PyList_GetItem(SEQ_ITEMS(self), i));
}

/* value NULL: delete */
static int
seq_ass_item(PyObject *self, Py_ssize_t i, PyObject *value)
{
    if (log_slot_n(value == NULL ? "sq_del_item" : "sq_ass_item", i) < 0) {
        return -1;
    }
    if (i < 0 || i >= PyList_Size(SEQ_ITEMS(self))) {
        PyErr_SetString(PyExc_IndexError, "Seq assignment index out of range");
        return -1;
    }
    if (value == NULL) {
        return PySequence_DelItem(SEQ_ITEMS(self), i);
    }
    return PyList_SetItem(SEQ_ITEMS(self), i, Py_NewRef(value));
}

static int
seq_contains(PyObject *self, PyObject *value)
{
    if (log_slot("sq_contains") < 0) {
        return -1;
    }
    return PySequence_Contains(SEQ_ITEMS(self), value);
}

static PyObject *
seq_inplace_concat(PyObject *self, PyObject *other)
{
    if (log_slot("sq_inplace_concat") < 0) {
        return NULL;
    }
    if (!PyObject_TypeCheck(other, &SeqType)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate Seq (not \"%s\") to Seq",
                     Py_TYPE(other)->tp_name);
        return NULL;
    }
    /* extend: assign to the empty slice at the end */
    Py_ssize_t n = PyList_Size(SEQ_ITEMS(self));
    if (PyList_SetSlice(SEQ_ITEMS(self), n, n, SEQ_ITEMS(other)) < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *
seq_inplace_repeat(PyObject *self, Py_ssize_t n)
{
    if (log_slot_n("sq_inplace_repeat", n) < 0) {
        return NULL;
    }
    PyObject *r = list_repeat(SEQ_ITEMS(self), n);
    if (r == NULL) {
        return NULL;
    }
    Py_SETREF(SEQ_ITEMS(self), r);
    return Py_NewRef(self);
}

static PySequenceMethods seq_as_sequence = {
    .sq_length = seq_length,
    .sq_concat = seq_concat,
    .sq_repeat = seq_repeat,
    .sq_item = seq_item,
    .sq_ass_item = seq_ass_item,
    .sq_contains = seq_contains,
    .sq_inplace_concat = seq_inplace_concat,
    .sq_inplace_repeat = seq_inplace_repeat,
};

static PyTypeObject SeqType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.Seq",
    .tp_basicsize = sizeof(SeqObject),
    .tp_dealloc = seq_dealloc,
    .tp_as_sequence = &seq_as_sequence,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_getset = seq_getset,
    .tp_new = seq_new,
};

/* ======================================================================
 * Map: a dict behind the mapping slots.  A slice key reaches mp_subscript
 * as a slice object; it answers ("slice", start, stop, step).
 * ====================================================================== */

typedef struct {
    PyObject_HEAD
    PyObject *data; /* dict */
} MapObject;

#define MAP_DATA(o) (((MapObject *)(o))->data)

static PyObject *
map_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!PyArg_ParseTuple(args, ":Map")) {
        return NULL;
    }
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    MapObject *m = (MapObject *)type->tp_alloc(type, 0);
    if (m == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    m->data = d;
    return (PyObject *)m;
}

static void
map_dealloc(PyObject *self)
{
    Py_XDECREF(MAP_DATA(self));
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
map_get_data(PyObject *self, void *closure)
{
    return Py_NewRef(MAP_DATA(self));
}

static PyGetSetDef map_getset[] = {
    {"data", map_get_data, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static Py_ssize_t
map_length(PyObject *self)
{
    if (log_slot("mp_length") < 0) {
        return -1;
    }
    return PyDict_Size(MAP_DATA(self));
}

/* KeyError(key) even when key is a tuple (PyErr_SetObject would unpack it) */
static void
set_key_error(PyObject *key)
{
    PyObject *e = PyObject_CallOneArg(PyExc_KeyError, key);
    if (e != NULL) {
        PyErr_SetObject(PyExc_KeyError, e);
        Py_DECREF(e);
    }
}

static PyObject *
map_subscript(PyObject *self, PyObject *key)
{
    if (log_slot("mp_subscript") < 0) {
        return NULL;
    }
    if (PySlice_Check(key)) {
        /* slice fields via attributes: PySliceObject is opaque in some layers */
        PyObject *start = PyObject_GetAttrString(key, "start");
        PyObject *stop = PyObject_GetAttrString(key, "stop");
        PyObject *step = PyObject_GetAttrString(key, "step");
        PyObject *r = NULL;
        if (start != NULL && stop != NULL && step != NULL) {
            r = Py_BuildValue("(sOOO)", "slice", start, stop, step);
        }
        Py_XDECREF(start);
        Py_XDECREF(stop);
        Py_XDECREF(step);
        return r;
    }
    PyObject *v = PyDict_GetItemWithError(MAP_DATA(self), key);
    if (v == NULL) {
        if (!PyErr_Occurred()) {
            set_key_error(key);
        }
        return NULL;
    }
    return Py_NewRef(v);
}

/* value NULL: delete */
static int
map_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    if (log_slot(value == NULL ? "mp_del_subscript" : "mp_ass_subscript") < 0) {
        return -1;
    }
    if (PySlice_Check(key)) {
        PyErr_SetString(PyExc_TypeError, "Map: slice assignment not supported");
        return -1;
    }
    if (value == NULL) {
        if (PyDict_Contains(MAP_DATA(self), key) == 0) {
            set_key_error(key);
            return -1;
        }
        return PyDict_DelItem(MAP_DATA(self), key);
    }
    return PyDict_SetItem(MAP_DATA(self), key, value);
}

static PyMappingMethods map_as_mapping = {
    .mp_length = map_length,
    .mp_subscript = map_subscript,
    .mp_ass_subscript = map_ass_subscript,
};

static PyTypeObject MapType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.Map",
    .tp_basicsize = sizeof(MapObject),
    .tp_dealloc = map_dealloc,
    .tp_as_mapping = &map_as_mapping,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_getset = map_getset,
    .tp_new = map_new,
};

/* ======================================================================
 * Call: tp_call -> ("tp_call", args, kwargs or {})
 * ====================================================================== */

static void
plain_dealloc(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
call_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    if (log_slot("tp_call") < 0) {
        return NULL;
    }
    /* kwargs may be NULL when there are no keyword arguments */
    PyObject *kw = kwargs == NULL ? PyDict_New() : PyDict_Copy(kwargs);
    if (kw == NULL) {
        return NULL;
    }
    PyObject *r = Py_BuildValue("(sOO)", "tp_call", args, kw);
    Py_DECREF(kw);
    return r;
}

static PyTypeObject CallType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.Call",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = plain_dealloc,
    .tp_call = call_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = PyType_GenericNew,
};

/* ======================================================================
 * VCall: per-instance vectorcallfunc at tp_vectorcall_offset.
 * VCall(tag, use_vectorcall=True); with use_vectorcall false the pointer
 * is NULL and calls fall back to tp_call.  Both answer
 * (which, tag, args tuple, kwargs dict).
 * ====================================================================== */

typedef struct {
    PyObject_HEAD
    vectorcallfunc vectorcall;
    PyObject *tag;
} VCallObject;

static PyObject *
vcall_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                 PyObject *kwnames)
{
    if (log_slot("vectorcall") < 0) {
        return NULL;
    }
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
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
    /* keyword values follow the positional ones, names in kwnames */
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t i = 0; i < nkw; i++) {
        if (PyDict_SetItem(kw, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
            Py_DECREF(pos);
            Py_DECREF(kw);
            return NULL;
        }
    }
    PyObject *r = Py_BuildValue("(sONN)", "vectorcall", ((VCallObject *)callable)->tag,
                                pos, kw);
    return r;
}

static PyObject *
vcall_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    if (log_slot("tp_call") < 0) {
        return NULL;
    }
    PyObject *kw = kwargs == NULL ? PyDict_New() : PyDict_Copy(kwargs);
    if (kw == NULL) {
        return NULL;
    }
    return Py_BuildValue("(sOON)", "tp_call", ((VCallObject *)self)->tag, args, kw);
}

static PyObject *
vcall_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *tag;
    int use = 1;
    if (!PyArg_ParseTuple(args, "O|p:VCall", &tag, &use)) {
        return NULL;
    }
    VCallObject *v = (VCallObject *)type->tp_alloc(type, 0);
    if (v == NULL) {
        return NULL;
    }
    v->vectorcall = use ? vcall_vectorcall : NULL;
    v->tag = Py_NewRef(tag);
    return (PyObject *)v;
}

static void
vcall_dealloc(PyObject *self)
{
    Py_XDECREF(((VCallObject *)self)->tag);
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject VCallType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.VCall",
    .tp_basicsize = sizeof(VCallObject),
    .tp_dealloc = vcall_dealloc,
    .tp_vectorcall_offset = offsetof(VCallObject, vectorcall),
    /* not PyVectorcall_Call: it would refuse instances whose pointer is NULL */
    .tp_call = vcall_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_new = vcall_new,
};

/* ======================================================================
 * Rep(x, mode=0): tp_repr / tp_str.  mode 0 formats, 1 returns x itself
 * (non-str results are the caller's to reject), 2 raises x (an exception
 * instance).
 * ====================================================================== */

typedef struct {
    PyObject_HEAD
    PyObject *x;
    int mode;
} RepObject;

static PyObject *
rep_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *x;
    int mode = 0;
    if (!PyArg_ParseTuple(args, "O|i:Rep", &x, &mode)) {
        return NULL;
    }
    RepObject *r = (RepObject *)type->tp_alloc(type, 0);
    if (r == NULL) {
        return NULL;
    }
    r->x = Py_NewRef(x);
    r->mode = mode;
    return (PyObject *)r;
}

static void
rep_dealloc(PyObject *self)
{
    Py_XDECREF(((RepObject *)self)->x);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
rep_common(PyObject *self, const char *slot, const char *fmt)
{
    RepObject *r = (RepObject *)self;
    if (log_slot(slot) < 0) {
        return NULL;
    }
    if (r->mode == 1) {
        return Py_NewRef(r->x);
    }
    if (r->mode == 2) {
        PyErr_SetObject((PyObject *)Py_TYPE(r->x), r->x);
        return NULL;
    }
    return PyUnicode_FromFormat(fmt, r->x);
}

static PyObject *
rep_repr(PyObject *self)
{
    return rep_common(self, "tp_repr", "Rep(%R)");
}

static PyObject *
rep_str(PyObject *self)
{
    return rep_common(self, "tp_str", "Rep-str:%S");
}

static PyTypeObject RepType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.Rep",
    .tp_basicsize = sizeof(RepObject),
    .tp_dealloc = rep_dealloc,
    .tp_repr = rep_repr,
    .tp_str = rep_str,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = rep_new,
};

/* ======================================================================
 * Hash(h): tp_hash returns h; h == -1 raises ValueError (-1 is the error
 * return of tp_hash).  Unhashable: tp_hash = PyObject_HashNotImplemented.
 * ====================================================================== */

typedef struct {
    PyObject_HEAD
    long h;
} HashObject;

static PyObject *
hash_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    long h;
    if (!PyArg_ParseTuple(args, "l:Hash", &h)) {
        return NULL;
    }
    HashObject *o = (HashObject *)type->tp_alloc(type, 0);
    if (o != NULL) {
        o->h = h;
    }
    return (PyObject *)o;
}

static Py_hash_t
hash_hash(PyObject *self)
{
    if (log_slot("tp_hash") < 0) {
        return -1;
    }
    long h = ((HashObject *)self)->h;
    if (h == -1) {
        PyErr_SetString(PyExc_ValueError, "Hash: -1 requested");
        return -1;
    }
    return (Py_hash_t)h;
}

static PyTypeObject HashType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.Hash",
    .tp_basicsize = sizeof(HashObject),
    .tp_dealloc = plain_dealloc,
    .tp_hash = hash_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = hash_new,
};

static PyTypeObject UnhashableType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.Unhashable",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = plain_dealloc,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

/* ======================================================================
 * Cmp(v): tp_richcompare on v against a Cmp or an int, NotImplemented
 * otherwise; logs "tp_richcompare <op>" with the op it RECEIVED (a
 * reflected call gets the swapped op).  No tp_hash.
 * NoCmp: tp_richcompare always NotImplemented; logs "NoCmp <op>".
 * ====================================================================== */

typedef struct {
    PyObject_HEAD
    long v;
} CmpObject;

static PyTypeObject CmpType;

static PyObject *
cmp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    long v;
    if (!PyArg_ParseTuple(args, "l:Cmp", &v)) {
        return NULL;
    }
    CmpObject *o = (CmpObject *)type->tp_alloc(type, 0);
    if (o != NULL) {
        o->v = v;
    }
    return (PyObject *)o;
}

static PyObject *
cmp_richcompare(PyObject *self, PyObject *other, int op)
{
    long a, b;
    if (log_slot2("tp_richcompare", op_name(op)) < 0) {
        return NULL;
    }
    if (!PyObject_TypeCheck(self, &CmpType)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    a = ((CmpObject *)self)->v;
    if (PyObject_TypeCheck(other, &CmpType)) {
        b = ((CmpObject *)other)->v;
    }
    else if (PyLong_Check(other)) {
        b = PyLong_AsLong(other);
        if (b == -1 && PyErr_Occurred()) {
            return NULL;
        }
    }
    else {
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_RETURN_RICHCOMPARE(a, b, op);
}

static PyTypeObject CmpType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.Cmp",
    .tp_basicsize = sizeof(CmpObject),
    .tp_dealloc = plain_dealloc,
    .tp_richcompare = cmp_richcompare,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_new = cmp_new,
};

static PyObject *
nocmp_richcompare(PyObject *self, PyObject *other, int op)
{
    if (log_slot2("NoCmp", op_name(op)) < 0) {
        return NULL;
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyTypeObject NoCmpType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.NoCmp",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = plain_dealloc,
    .tp_richcompare = nocmp_richcompare,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
};

/* ======================================================================
 * It(n, end=0, result=None): an iterator (tp_iter returns self) yielding
 * 0..n-1.  Then, on every further call, by `end`:
 *   0 return NULL with no exception set
 *   1 return NULL with StopIteration(result) set
 *   2 raise ValueError("It failed")
 *   3 raise StopAsyncIteration
 * ====================================================================== */

typedef struct {
    PyObject_HEAD
    long i, n;
    int end;
    PyObject *result;
} ItObject;

static PyTypeObject ItType;

static PyObject *
it_create(PyTypeObject *type, long n, int end, PyObject *result)
{
    ItObject *it = (ItObject *)type->tp_alloc(type, 0);
    if (it == NULL) {
        return NULL;
    }
    it->i = 0;
    it->n = n;
    it->end = end;
    it->result = Py_NewRef(result);
    return (PyObject *)it;
}

static PyObject *
it_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    long n;
    int end = 0;
    PyObject *result = Py_None;
    if (!PyArg_ParseTuple(args, "l|iO:It", &n, &end, &result)) {
        return NULL;
    }
    return it_create(type, n, end, result);
}

static void
it_dealloc(PyObject *self)
{
    Py_XDECREF(((ItObject *)self)->result);
    Py_TYPE(self)->tp_free(self);
}

static void
set_stop_iteration(PyObject *value)
{
    if (value == Py_None) {
        PyErr_SetNone(PyExc_StopIteration);
        return;
    }
    /* an instance, so a tuple value is not taken as constructor args */
    PyObject *e = PyObject_CallOneArg(PyExc_StopIteration, value);
    if (e != NULL) {
        PyErr_SetObject(PyExc_StopIteration, e);
        Py_DECREF(e);
    }
}

static PyObject *
it_iternext(PyObject *self)
{
    ItObject *it = (ItObject *)self;
    if (it->i < it->n) {
        return PyLong_FromLong(it->i++);
    }
    switch (it->end) {
    case 1:
        set_stop_iteration(it->result);
        break;
    case 2:
        PyErr_SetString(PyExc_ValueError, "It failed");
        break;
    case 3:
        PyErr_SetNone(PyExc_StopAsyncIteration);
        break;
    }
    return NULL;
}

static PyTypeObject ItType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.It",
    .tp_basicsize = sizeof(ItObject),
    .tp_dealloc = it_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = it_iternext,
    .tp_new = it_new,
};

/* ======================================================================
 * Attr: custom tp_getattro / tp_setattro over an instance dict
 * (tp_dictoffset).  "computed" is answered by getattro (42) and refused by
 * setattro; "log" is the per-instance list of (op, name) the two slots
 * saw; everything else goes to PyObject_GenericGetAttr/SetAttr.
 * ====================================================================== */

typedef struct {
    PyObject_HEAD
    PyObject *dict;
    PyObject *log;
} AttrObject;

static PyObject *
attr_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!PyArg_ParseTuple(args, ":Attr")) {
        return NULL;
    }
    AttrObject *a = (AttrObject *)type->tp_alloc(type, 0);
    if (a == NULL) {
        return NULL;
    }
    a->log = PyList_New(0);
    if (a->log == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    return (PyObject *)a;
}

static void
attr_dealloc(PyObject *self)
{
    Py_XDECREF(((AttrObject *)self)->dict);
    Py_XDECREF(((AttrObject *)self)->log);
    Py_TYPE(self)->tp_free(self);
}

static int
attr_log(PyObject *self, const char *op, PyObject *name)
{
    PyObject *t = Py_BuildValue("(sO)", op, name);
    if (t == NULL) {
        return -1;
    }
    int r = PyList_Append(((AttrObject *)self)->log, t);
    Py_DECREF(t);
    return r;
}

static PyObject *
attr_getattro(PyObject *self, PyObject *name)
{
    if (PyUnicode_Check(name)) {
        if (PyUnicode_CompareWithASCIIString(name, "log") == 0) {
            return Py_NewRef(((AttrObject *)self)->log);
        }
        if (attr_log(self, "get", name) < 0) {
            return NULL;
        }
        if (PyUnicode_CompareWithASCIIString(name, "computed") == 0) {
            return PyLong_FromLong(42);
        }
    }
    return PyObject_GenericGetAttr(self, name);
}

/* value NULL: delete */
static int
attr_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    if (attr_log(self, value == NULL ? "del" : "set", name) < 0) {
        return -1;
    }
    if (PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, "computed") == 0) {
        PyErr_SetString(PyExc_AttributeError, value == NULL
                        ? "cannot delete 'computed'" : "'computed' is read-only");
        return -1;
    }
    return PyObject_GenericSetAttr(self, name, value);
}

/* a static type gets no __dict__ descriptor from PyType_Ready; this one
 * is read-only and creates the dict on first use */
static PyObject *
attr_get_dict(PyObject *self, void *closure)
{
    AttrObject *a = (AttrObject *)self;
    if (a->dict == NULL) {
        a->dict = PyDict_New();
        if (a->dict == NULL) {
            return NULL;
        }
    }
    return Py_NewRef(a->dict);
}

static PyGetSetDef attr_getset[] = {
    {"__dict__", attr_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* refcnt(o): Py_REFCNT(o) */
static PyObject *
refcnt(PyObject *m, PyObject *o)
{
    return PyLong_FromSsize_t(Py_REFCNT(o));
}

static PyTypeObject AttrType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.Attr",
    .tp_basicsize = sizeof(AttrObject),
    .tp_dealloc = attr_dealloc,
    .tp_getattro = attr_getattro,
    .tp_setattro = attr_setattro,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getset = attr_getset,
    .tp_dictoffset = offsetof(AttrObject, dict),
    .tp_new = attr_new,
};

/* ======================================================================
 * Descr: tp_descr_get answers ("get", obj, type) with c.NULL standing for
 * a NULL argument; tp_descr_set appends ("set", obj, value) or
 * ("del", obj) (value NULL) to its `log` list.
 * ====================================================================== */

typedef struct {
    PyObject_HEAD
    PyObject *log;
} DescrObject;

static PyObject *
descr_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!PyArg_ParseTuple(args, ":Descr")) {
        return NULL;
    }
    DescrObject *d = (DescrObject *)type->tp_alloc(type, 0);
    if (d == NULL) {
        return NULL;
    }
    d->log = PyList_New(0);
    if (d->log == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    return (PyObject *)d;
}

static void
descr_dealloc(PyObject *self)
{
    Py_XDECREF(((DescrObject *)self)->log);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (log_slot("tp_descr_get") < 0) {
        return NULL;
    }
    PyObject *o = null_or(obj);
    PyObject *t = null_or(type);
    return Py_BuildValue("(sNN)", "get", o, t);
}

static int
descr_set(PyObject *self, PyObject *obj, PyObject *value)
{
    if (log_slot("tp_descr_set") < 0) {
        return -1;
    }
    PyObject *e = value == NULL ? Py_BuildValue("(sN)", "del", null_or(obj))
                                : Py_BuildValue("(sNO)", "set", null_or(obj), value);
    if (e == NULL) {
        return -1;
    }
    int r = PyList_Append(((DescrObject *)self)->log, e);
    Py_DECREF(e);
    return r;
}

static PyObject *
descr_get_log(PyObject *self, void *closure)
{
    return Py_NewRef(((DescrObject *)self)->log);
}

static PyGetSetDef descr_getset[] = {
    {"log", descr_get_log, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject DescrType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.Descr",
    .tp_basicsize = sizeof(DescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getset = descr_getset,
    .tp_descr_get = descr_get,
    .tp_descr_set = descr_set,
    .tp_new = descr_new,
};

/* ======================================================================
 * Awaitable(n, result=None, kind=0): am_await returns It(n, end=1, result)
 * (so `await` yields 0..n-1 and evaluates to result); kind 1 returns the
 * int 5 instead (not an iterator), kind 2 an It that fails (end=2).
 * AIter(n): am_aiter returns self; am_anext returns Awaitable(1, 10*i) for
 * i < n, then raises StopAsyncIteration itself.
 * ====================================================================== */

typedef struct {
    PyObject_HEAD
    long n;
    PyObject *result;
    int kind;
} AwaitableObject;

static PyTypeObject AwaitableType;

static PyObject *
awaitable_create(PyTypeObject *type, long n, PyObject *result, int kind)
{
    AwaitableObject *a = (AwaitableObject *)type->tp_alloc(type, 0);
    if (a == NULL) {
        return NULL;
    }
    a->n = n;
    a->result = Py_NewRef(result);
    a->kind = kind;
    return (PyObject *)a;
}

static PyObject *
awaitable_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    long n;
    PyObject *result = Py_None;
    int kind = 0;
    if (!PyArg_ParseTuple(args, "l|Oi:Awaitable", &n, &result, &kind)) {
        return NULL;
    }
    return awaitable_create(type, n, result, kind);
}

static void
awaitable_dealloc(PyObject *self)
{
    Py_XDECREF(((AwaitableObject *)self)->result);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *
awaitable_await(PyObject *self)
{
    AwaitableObject *a = (AwaitableObject *)self;
    if (log_slot("am_await") < 0) {
        return NULL;
    }
    if (a->kind == 1) {
        return PyLong_FromLong(5);
    }
    return it_create(&ItType, a->n, a->kind == 2 ? 2 : 1, a->result);
}

static PyAsyncMethods awaitable_as_async = {
    .am_await = awaitable_await,
};

static PyTypeObject AwaitableType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.Awaitable",
    .tp_basicsize = sizeof(AwaitableObject),
    .tp_dealloc = awaitable_dealloc,
    .tp_as_async = &awaitable_as_async,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = awaitable_new,
};

typedef struct {
    PyObject_HEAD
    long i, n;
} AIterObject;

static PyObject *
aiter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    long n;
    if (!PyArg_ParseTuple(args, "l:AIter", &n)) {
        return NULL;
    }
    AIterObject *a = (AIterObject *)type->tp_alloc(type, 0);
    if (a != NULL) {
        a->i = 0;
        a->n = n;
    }
    return (PyObject *)a;
}

static PyObject *
aiter_aiter(PyObject *self)
{
    if (log_slot("am_aiter") < 0) {
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *
aiter_anext(PyObject *self)
{
    AIterObject *a = (AIterObject *)self;
    if (log_slot("am_anext") < 0) {
        return NULL;
    }
    if (a->i >= a->n) {
        PyErr_SetNone(PyExc_StopAsyncIteration);
        return NULL;
    }
    PyObject *v = PyLong_FromLong(10 * a->i++);
    if (v == NULL) {
        return NULL;
    }
    PyObject *r = awaitable_create(&AwaitableType, 1, v, 0);
    Py_DECREF(v);
    return r;
}

static PyAsyncMethods aiter_as_async = {
    .am_aiter = aiter_aiter,
    .am_anext = aiter_anext,
};

static PyTypeObject AIterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.AIter",
    .tp_basicsize = sizeof(AIterObject),
    .tp_dealloc = plain_dealloc,
    .tp_as_async = &aiter_as_async,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = aiter_new,
};

/* ======================================================================
 * Fin: tp_finalize counts its calls (finalized()).  A static type's
 * tp_dealloc must run the finalizer itself; for a Python subclass
 * subtype_dealloc already ran it and the GC "finalized" bit makes this
 * second call a no-op.
 * ====================================================================== */

static void
fin_finalize(PyObject *self)
{
    /* touches no Python state, so the error indicator needs no saving */
    finalized_count++;
}

static void
fin_dealloc(PyObject *self)
{
    if (PyObject_CallFinalizerFromDealloc(self) < 0) {
        return; /* resurrected */
    }
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject FinType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_slots.Fin",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = fin_dealloc,
    /* ignored since 3.8, harmless */
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_FINALIZE,
    .tp_new = PyType_GenericNew,
    .tp_finalize = fin_finalize,
};

/* ======================================================================
 * Module functions
 * ====================================================================== */

/* the slot log since the last call; clears it */
static PyObject *
slot_log(PyObject *self, PyObject *ignored)
{
    PyObject *fresh = PyList_New(0);
    if (fresh == NULL) {
        return NULL;
    }
    PyObject *old = slot_log_list;
    slot_log_list = fresh;
    return old;
}

static PyObject *
finalized(PyObject *self, PyObject *ignored)
{
    return PyLong_FromLong(finalized_count);
}

/* vectorcall_call(obj, args_tuple, kwargs_dict_or_None) */
static PyObject *
vectorcall_call(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1) ARG(2)
    return PyVectorcall_Call(a0, a1, a2 == Py_None ? NULL : a2);
}

/* object_vectorcall(obj, args_tuple, kwargs_dict_or_None): builds the
 * argument array (with the spare leading slot PY_VECTORCALL_ARGUMENTS_OFFSET
 * permits the callee to use) and kwnames, then PyObject_Vectorcall */
static PyObject *
object_vectorcall(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1) ARG(2)
    if (!PyTuple_Check(a1) || (a2 != Py_None && !PyDict_Check(a2))) {
        PyErr_SetString(PyExc_TypeError, "object_vectorcall(obj, tuple, dict|None)");
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(a1);
    Py_ssize_t nkw = a2 == Py_None ? 0 : PyDict_Size(a2);
    PyObject **stack = PyMem_Malloc((1 + nargs + nkw) * sizeof(PyObject *));
    if (stack == NULL) {
        return PyErr_NoMemory();
    }
    PyObject *kwnames = NULL;
    stack[0] = NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        stack[1 + i] = PyTuple_GET_ITEM(a1, i);
    }
    if (nkw > 0) {
        kwnames = PyTuple_New(nkw);
        if (kwnames == NULL) {
            PyMem_Free(stack);
            return NULL;
        }
        Py_ssize_t pos = 0, j = 0;
        PyObject *k, *v;
        while (PyDict_Next(a2, &pos, &k, &v)) {
            PyTuple_SET_ITEM(kwnames, j, Py_NewRef(k));
            stack[1 + nargs + j] = v;
            j++;
        }
    }
    PyObject *r = PyObject_Vectorcall(a0, stack + 1,
                                      (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    Py_XDECREF(kwnames);
    PyMem_Free(stack);
    return r;
}

/* PyIter_Next once: the item, or EXHAUSTED (NULL without error) */
static PyObject *
pyiter_next(PyObject *self, PyObject *it)
{
    PyObject *r = PyIter_Next(it);
    if (r == NULL && !PyErr_Occurred()) {
        return Py_NewRef(EXHAUSTED_marker);
    }
    return r;
}

/* PyIter_Next until NULL: the list of items, or the error */
static PyObject *
pyiter_drain(PyObject *self, PyObject *it)
{
    PyObject *list = PyList_New(0);
    if (list == NULL) {
        return NULL;
    }
    PyObject *x;
    while ((x = PyIter_Next(it)) != NULL) {
        int r = PyList_Append(list, x);
        Py_DECREF(x);
        if (r < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    if (PyErr_Occurred()) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

/* PySequence_GetItem: the abstract call that adjusts a negative index */
static PyObject *
sequence_getitem(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    Py_ssize_t i = PyLong_AsSsize_t(a1);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PySequence_GetItem(a0, i);
}

/* ---- direct slot calls through Py_TYPE(o) ---------------------------- */

static PyObject *
no_slot(const char *name)
{
    PyErr_Format(PyExc_LookupError, "slot %s is NULL", name);
    return NULL;
}

static PyObject *
slot_add(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    PyNumberMethods *nb = Py_TYPE(a0)->tp_as_number;
    if (nb == NULL || nb->nb_add == NULL) {
        return no_slot("nb_add");
    }
    return nb->nb_add(a0, a1);
}

static PyObject *
slot_repr(PyObject *self, PyObject *o)
{
    if (Py_TYPE(o)->tp_repr == NULL) {
        return no_slot("tp_repr");
    }
    return Py_TYPE(o)->tp_repr(o);
}

static PyObject *
slot_str(PyObject *self, PyObject *o)
{
    if (Py_TYPE(o)->tp_str == NULL) {
        return no_slot("tp_str");
    }
    return Py_TYPE(o)->tp_str(o);
}

static PyObject *
slot_hash(PyObject *self, PyObject *o)
{
    if (Py_TYPE(o)->tp_hash == NULL) {
        return no_slot("tp_hash");
    }
    Py_hash_t h = Py_TYPE(o)->tp_hash(o);
    if (h == -1) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_AssertionError, "tp_hash gave -1 without an error");
        }
        return NULL;
    }
    return PyLong_FromSsize_t(h);
}

static PyObject *
slot_sq_length(PyObject *self, PyObject *o)
{
    PySequenceMethods *sq = Py_TYPE(o)->tp_as_sequence;
    if (sq == NULL || sq->sq_length == NULL) {
        return no_slot("sq_length");
    }
    Py_ssize_t n = sq->sq_length(o);
    if (n < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *
slot_mp_length(PyObject *self, PyObject *o)
{
    PyMappingMethods *mp = Py_TYPE(o)->tp_as_mapping;
    if (mp == NULL || mp->mp_length == NULL) {
        return no_slot("mp_length");
    }
    Py_ssize_t n = mp->mp_length(o);
    if (n < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

/* sq_item directly: no negative-index adjustment */
static PyObject *
slot_sq_item(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    Py_ssize_t i = PyLong_AsSsize_t(a1);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PySequenceMethods *sq = Py_TYPE(a0)->tp_as_sequence;
    if (sq == NULL || sq->sq_item == NULL) {
        return no_slot("sq_item");
    }
    return sq->sq_item(a0, i);
}

static PyObject *
slot_mp_subscript(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    PyMappingMethods *mp = Py_TYPE(a0)->tp_as_mapping;
    if (mp == NULL || mp->mp_subscript == NULL) {
        return no_slot("mp_subscript");
    }
    return mp->mp_subscript(a0, a1);
}

/* slot_call(o, args_tuple, kwargs_dict_or_None) */
static PyObject *
slot_call(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1) ARG(2)
    if (Py_TYPE(a0)->tp_call == NULL) {
        return no_slot("tp_call");
    }
    return Py_TYPE(a0)->tp_call(a0, a1, a2 == Py_None ? NULL : a2);
}

static PyObject *
slot_richcompare(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1) ARG(2)
    long op = PyLong_AsLong(a2);
    if (op == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (Py_TYPE(a0)->tp_richcompare == NULL) {
        return no_slot("tp_richcompare");
    }
    return Py_TYPE(a0)->tp_richcompare(a0, a1, (int)op);
}

static PyObject *
slot_iter(PyObject *self, PyObject *o)
{
    if (Py_TYPE(o)->tp_iter == NULL) {
        return no_slot("tp_iter");
    }
    return Py_TYPE(o)->tp_iter(o);
}

/* tp_iternext directly: the item, EXHAUSTED for NULL without an error,
 * or the error (a StopIteration set by the slot included) */
static PyObject *
slot_iternext(PyObject *self, PyObject *o)
{
    if (Py_TYPE(o)->tp_iternext == NULL) {
        return no_slot("tp_iternext");
    }
    PyObject *r = Py_TYPE(o)->tp_iternext(o);
    if (r == NULL && !PyErr_Occurred()) {
        return Py_NewRef(EXHAUSTED_marker);
    }
    return r;
}

/* has_slot(o, name): whether Py_TYPE(o) fills the named slot */
static PyObject *
has_slot(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    const char *name = PyUnicode_AsUTF8(a1);
    if (name == NULL) {
        return NULL;
    }
    PyTypeObject *t = Py_TYPE(a0);
    PyNumberMethods *nb = t->tp_as_number;
    PySequenceMethods *sq = t->tp_as_sequence;
    PyMappingMethods *mp = t->tp_as_mapping;
    PyAsyncMethods *am = t->tp_as_async;
    int r;
#define NB(f) (nb != NULL && nb->f != NULL)
#define SQ(f) (sq != NULL && sq->f != NULL)
#define MP(f) (mp != NULL && mp->f != NULL)
#define AM(f) (am != NULL && am->f != NULL)
#define IS(s) (strcmp(name, s) == 0)
    if (IS("nb_add")) r = NB(nb_add);
    else if (IS("nb_multiply")) r = NB(nb_multiply);
    else if (IS("nb_remainder")) r = NB(nb_remainder);
    else if (IS("nb_bool")) r = NB(nb_bool);
    else if (IS("nb_index")) r = NB(nb_index);
    else if (IS("nb_int")) r = NB(nb_int);
    else if (IS("nb_float")) r = NB(nb_float);
    else if (IS("nb_inplace_add")) r = NB(nb_inplace_add);
    else if (IS("sq_length")) r = SQ(sq_length);
    else if (IS("sq_concat")) r = SQ(sq_concat);
    else if (IS("sq_repeat")) r = SQ(sq_repeat);
    else if (IS("sq_item")) r = SQ(sq_item);
    else if (IS("sq_ass_item")) r = SQ(sq_ass_item);
    else if (IS("sq_contains")) r = SQ(sq_contains);
    else if (IS("mp_length")) r = MP(mp_length);
    else if (IS("mp_subscript")) r = MP(mp_subscript);
    else if (IS("mp_ass_subscript")) r = MP(mp_ass_subscript);
    else if (IS("am_await")) r = AM(am_await);
    else if (IS("am_aiter")) r = AM(am_aiter);
    else if (IS("am_anext")) r = AM(am_anext);
    else if (IS("tp_call")) r = t->tp_call != NULL;
    else if (IS("tp_repr")) r = t->tp_repr != NULL;
    else if (IS("tp_str")) r = t->tp_str != NULL;
    else if (IS("tp_hash")) r = t->tp_hash != NULL;
    else if (IS("tp_richcompare")) r = t->tp_richcompare != NULL;
    else if (IS("tp_iter")) r = t->tp_iter != NULL;
    else if (IS("tp_iternext")) r = t->tp_iternext != NULL;
    else if (IS("tp_getattro")) r = t->tp_getattro != NULL;
    else if (IS("tp_setattro")) r = t->tp_setattro != NULL;
    else if (IS("tp_descr_get")) r = t->tp_descr_get != NULL;
    else if (IS("tp_descr_set")) r = t->tp_descr_set != NULL;
    else if (IS("tp_finalize")) r = t->tp_finalize != NULL;
    else {
        PyErr_Format(PyExc_ValueError, "unknown slot %s", name);
        return NULL;
    }
#undef NB
#undef SQ
#undef MP
#undef AM
#undef IS
    return PyBool_FromLong(r);
}

static PyObject *
hash_is_not_implemented(PyObject *self, PyObject *o)
{
    return PyBool_FromLong(Py_TYPE(o)->tp_hash == PyObject_HashNotImplemented);
}

/* ---- type object fields ---------------------------------------------- */

static PyObject *
type_name(PyObject *self, PyObject *o)
{
    return PyUnicode_FromString(Py_TYPE(o)->tp_name);
}

static PyObject *
basicsize(PyObject *self, PyObject *o)
{
    return PyLong_FromSsize_t(Py_TYPE(o)->tp_basicsize);
}

/* {flag name: PyType_HasFeature(Py_TYPE(o), flag)} */
static PyObject *
type_flags(PyObject *self, PyObject *o)
{
    static const struct {
        const char *name;
        unsigned long flag;
    } flags[] = {
        {"HEAPTYPE", Py_TPFLAGS_HEAPTYPE},
        {"BASETYPE", Py_TPFLAGS_BASETYPE},
        {"READY", Py_TPFLAGS_READY},
        {"HAVE_GC", Py_TPFLAGS_HAVE_GC},
        {"HAVE_VECTORCALL", Py_TPFLAGS_HAVE_VECTORCALL},
        {"LONG_SUBCLASS", Py_TPFLAGS_LONG_SUBCLASS},
        {"LIST_SUBCLASS", Py_TPFLAGS_LIST_SUBCLASS},
        {"TUPLE_SUBCLASS", Py_TPFLAGS_TUPLE_SUBCLASS},
        {"BYTES_SUBCLASS", Py_TPFLAGS_BYTES_SUBCLASS},
        {"UNICODE_SUBCLASS", Py_TPFLAGS_UNICODE_SUBCLASS},
        {"DICT_SUBCLASS", Py_TPFLAGS_DICT_SUBCLASS},
        {"BASE_EXC_SUBCLASS", Py_TPFLAGS_BASE_EXC_SUBCLASS},
        {"TYPE_SUBCLASS", Py_TPFLAGS_TYPE_SUBCLASS},
    };
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
        PyObject *b = PyBool_FromLong(PyType_HasFeature(Py_TYPE(o), flags[i].flag));
        if (PyDict_SetItemString(d, flags[i].name, b) < 0) {
            Py_DECREF(b);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(b);
    }
    return d;
}

static const struct {
    const char *name;
    PyTypeObject *type;
} builtin_type_table[] = {
    {"int", &PyLong_Type},
    {"list", &PyList_Type},
    {"dict", &PyDict_Type},
    {"str", &PyUnicode_Type},
    {"tuple", &PyTuple_Type},
    {"float", &PyFloat_Type},
    {"bool", &PyBool_Type},
    {"type", &PyType_Type},
    {"object", &PyBaseObject_Type},
    {"bytes", &PyBytes_Type},
    {"bytearray", &PyByteArray_Type},
    {"set", &PySet_Type},
    {"frozenset", &PyFrozenSet_Type},
    {"complex", &PyComplex_Type},
    {"slice", &PySlice_Type},
    {"range", &PyRange_Type},
};

#define N_BUILTIN_TYPES (sizeof(builtin_type_table) / sizeof(builtin_type_table[0]))

/* {name: &Py<Name>_Type} */
static PyObject *
builtin_types(PyObject *self, PyObject *ignored)
{
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < N_BUILTIN_TYPES; i++) {
        if (PyDict_SetItemString(d, builtin_type_table[i].name,
                                 (PyObject *)builtin_type_table[i].type) < 0) {
            Py_DECREF(d);
            return NULL;
        }
    }
    return d;
}

/* type_is(o, name): (PyObject *)Py_TYPE(o) == (PyObject *)&Py<Name>_Type */
static PyObject *
type_is(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    const char *name = PyUnicode_AsUTF8(a1);
    if (name == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < N_BUILTIN_TYPES; i++) {
        if (strcmp(name, builtin_type_table[i].name) == 0) {
            return PyBool_FromLong((PyObject *)Py_TYPE(a0)
                                   == (PyObject *)builtin_type_table[i].type);
        }
    }
    PyErr_Format(PyExc_ValueError, "unknown type %s", name);
    return NULL;
}

/* sequence_check(o): PySequence_Check(o), CPython's test of sq_item */
static PyObject *
sequence_check(PyObject *self, PyObject *o)
{
    return PyBool_FromLong(PySequence_Check(o));
}

static PyMethodDef capi_slots_methods[] = {
    {"sequence_check", sequence_check, METH_O, NULL},
    {"refcnt", refcnt, METH_O, NULL},
    {"slot_log", slot_log, METH_NOARGS, NULL},
    {"finalized", finalized, METH_NOARGS, NULL},
    {"vectorcall_call", vectorcall_call, METH_VARARGS, NULL},
    {"object_vectorcall", object_vectorcall, METH_VARARGS, NULL},
    {"pyiter_next", pyiter_next, METH_O, NULL},
    {"pyiter_drain", pyiter_drain, METH_O, NULL},
    {"sequence_getitem", sequence_getitem, METH_VARARGS, NULL},
    {"slot_add", slot_add, METH_VARARGS, NULL},
    {"slot_repr", slot_repr, METH_O, NULL},
    {"slot_str", slot_str, METH_O, NULL},
    {"slot_hash", slot_hash, METH_O, NULL},
    {"slot_sq_length", slot_sq_length, METH_O, NULL},
    {"slot_mp_length", slot_mp_length, METH_O, NULL},
    {"slot_sq_item", slot_sq_item, METH_VARARGS, NULL},
    {"slot_mp_subscript", slot_mp_subscript, METH_VARARGS, NULL},
    {"slot_call", slot_call, METH_VARARGS, NULL},
    {"slot_richcompare", slot_richcompare, METH_VARARGS, NULL},
    {"slot_iter", slot_iter, METH_O, NULL},
    {"slot_iternext", slot_iternext, METH_O, NULL},
    {"has_slot", has_slot, METH_VARARGS, NULL},
    {"hash_is_not_implemented", hash_is_not_implemented, METH_O, NULL},
    {"type_name", type_name, METH_O, NULL},
    {"basicsize", basicsize, METH_O, NULL},
    {"type_flags", type_flags, METH_O, NULL},
    {"builtin_types", builtin_types, METH_NOARGS, NULL},
    {"type_is", type_is, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef capi_slots_def = {
    PyModuleDef_HEAD_INIT, "capi_slots", NULL, -1, capi_slots_methods,
    NULL, NULL, NULL, NULL,
};

static PyTypeObject *all_types[] = {
    &NumType, &SeqType, &MapType, &CallType, &VCallType, &RepType,
    &HashType, &UnhashableType, &CmpType, &NoCmpType, &ItType, &AttrType,
    &DescrType, &AwaitableType, &AIterType, &FinType,
};

PyMODINIT_FUNC
PyInit_capi_slots(void)
{
    for (size_t i = 0; i < sizeof(all_types) / sizeof(all_types[0]); i++) {
        if (PyType_Ready(all_types[i]) < 0) {
            return NULL;
        }
    }
    if (slot_log_list == NULL) {
        slot_log_list = PyList_New(0);
        NULL_marker = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
        EXHAUSTED_marker = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
        if (slot_log_list == NULL || NULL_marker == NULL || EXHAUSTED_marker == NULL) {
            return NULL;
        }
    }
    PyObject *m = PyModule_Create(&capi_slots_def);
    if (m == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < sizeof(all_types) / sizeof(all_types[0]); i++) {
        /* tp_name is "capi_slots.X": add it as X */
        const char *dot = strrchr(all_types[i]->tp_name, '.');
        if (PyModule_AddObjectRef(m, dot + 1, (PyObject *)all_types[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    if (PyModule_AddObjectRef(m, "NULL", NULL_marker) < 0
        || PyModule_AddObjectRef(m, "EXHAUSTED", EXHAUSTED_marker) < 0
        || PyModule_AddIntConstant(m, "NUM_BASICSIZE", (long)sizeof(NumObject)) < 0
        || PyModule_AddIntMacro(m, Py_LT) < 0 || PyModule_AddIntMacro(m, Py_LE) < 0
        || PyModule_AddIntMacro(m, Py_EQ) < 0 || PyModule_AddIntMacro(m, Py_NE) < 0
        || PyModule_AddIntMacro(m, Py_GT) < 0 || PyModule_AddIntMacro(m, Py_GE) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
