/* capi_buffer: the buffer protocol (pybuffer.h, memoryobject.h) both ways.
 *
 * Exporters written in C: Buf, a heap type (PyType_FromSpec with
 * Py_bf_getbuffer / Py_bf_releasebuffer) over its own C array, 1-D, 2-D
 * (C order) or 1-D strided (every other item), format "B", "i" or "d",
 * honouring the request flags by hand and counting exports and releases; and
 * StaticBuf, a static PyTypeObject with tp_as_buffer whose getbuffer is
 * PyBuffer_FillInfo.
 *
 * Consumers written in C: PyObject_GetBuffer / PyBuffer_Release on any
 * object, a view held across calls, writes through a writable view,
 * PyObject_CheckBuffer, the PyBuffer_* helpers, PyObject_CopyData and the
 * PyMemoryView_From* / PyMemoryView_GetContiguous constructors.
 *
 * Checked by test_capi_buffer.py. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <stddef.h>
#include <string.h>

/* ---- Buf: a heap type exporting its own C array ------------------------ */

/* Per-export storage for shape and strides, as real exporters (NumPy) keep
 * it: allocated by getbuffer, found again through view->internal and freed
 * by releasebuffer. */
#define EXPORT_MAGIC 0x42554621u
typedef struct {
    unsigned int magic;
    Py_ssize_t shape[2];
    Py_ssize_t strides[2];
} ExportInfo;

typedef struct {
    PyObject_HEAD
    char *data;          /* PyMem_Malloc'd storage: nstored items */
    Py_ssize_t nstored;
    Py_ssize_t itemsize;
    char format[2];      /* "B", "i" or "d" */
    int readonly;
    int ndim;            /* 1 or 2 */
    Py_ssize_t shape[2]; /* logical shape: (n,) or (rows, cols) */
    Py_ssize_t step;     /* 1-D only: logical item i is stored item i*step */
    Py_ssize_t exports;      /* live exports */
    Py_ssize_t getbuffers;   /* successful getbuffer calls */
    Py_ssize_t releases;     /* releasebuffer calls */
    Py_ssize_t bad_releases; /* releasebuffer calls with a foreign internal */
} BufObject;

/* Buf deallocations, all instances and subclasses. */
static Py_ssize_t buf_deallocs = 0;

static PyObject *
buf_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"shape", "format", "readonly", "step", NULL};
    PyObject *shape;
    const char *format = "B";
    int readonly = 0;
    Py_ssize_t step = 1;
    Py_ssize_t rows = 0, cols = 0, n = 0;
    int ndim;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|spn:Buf", kwlist, &shape, &format,
                                     &readonly, &step)) {
        return NULL;
    }
    if (PyTuple_Check(shape)) {
        if (!PyArg_ParseTuple(shape, "nn:Buf shape", &rows, &cols)) {
            return NULL;
        }
        ndim = 2;
        if (rows < 0 || cols < 0 || step != 1) {
            PyErr_SetString(PyExc_ValueError, "Buf: bad 2-D shape or step");
            return NULL;
        }
    }
    else {
        n = PyLong_AsSsize_t(shape);
        if (n == -1 && PyErr_Occurred()) {
            return NULL;
        }
        ndim = 1;
        if (n < 0 || step < 1) {
            PyErr_SetString(PyExc_ValueError, "Buf: bad length or step");
            return NULL;
        }
    }
    Py_ssize_t itemsize;
    if (strcmp(format, "B") == 0) {
        itemsize = 1;
    }
    else if (strcmp(format, "i") == 0) {
        itemsize = sizeof(int);
    }
    else if (strcmp(format, "d") == 0) {
        itemsize = sizeof(double);
    }
    else {
        PyErr_SetString(PyExc_ValueError, "Buf: format must be 'B', 'i' or 'd'");
        return NULL;
    }
    allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
    BufObject *self = (BufObject *)alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->ndim = ndim;
    if (ndim == 2) {
        self->shape[0] = rows;
        self->shape[1] = cols;
        self->nstored = rows * cols;
        self->step = 1;
    }
    else {
        self->shape[0] = n;
        self->shape[1] = 0;
        self->nstored = n * step;
        self->step = step;
    }
    self->itemsize = itemsize;
    self->format[0] = format[0];
    self->format[1] = '\0';
    self->readonly = readonly;
    /* stored item k holds the value k */
    self->data = PyMem_Malloc(self->nstored * itemsize + 1);
    if (self->data == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t k = 0; k < self->nstored; k++) {
        char *p = self->data + k * itemsize;
        if (itemsize == 1) {
            *(unsigned char *)p = (unsigned char)k;
        }
        else if (self->format[0] == 'i') {
            int v = (int)k;
            memcpy(p, &v, sizeof v);
        }
        else {
            double v = (double)k;
            memcpy(p, &v, sizeof v);
        }
    }
    return (PyObject *)self;
}

static void
buf_dealloc(PyObject *op)
{
    BufObject *self = (BufObject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    buf_deallocs++;
    PyMem_Free(self->data);
    self->data = NULL;
    freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    tp_free(op);
    Py_DECREF(tp); /* a heap type's instances own a reference to it */
}

static int
buf_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    BufObject *self = (BufObject *)op;
    int c_contig = (self->ndim == 2 || self->step == 1 || self->shape[0] <= 1);
    int f_contig = self->ndim == 1 ? c_contig : (self->shape[0] <= 1 || self->shape[1] <= 1);

    view->obj = NULL;
    if ((flags & PyBUF_WRITABLE) && self->readonly) {
        PyErr_SetString(PyExc_BufferError, "Buf is read-only");
        return -1;
    }
    if ((flags & PyBUF_C_CONTIGUOUS) == PyBUF_C_CONTIGUOUS && !c_contig) {
        PyErr_SetString(PyExc_BufferError, "Buf is not C-contiguous");
        return -1;
    }
    if ((flags & PyBUF_F_CONTIGUOUS) == PyBUF_F_CONTIGUOUS && !f_contig) {
        PyErr_SetString(PyExc_BufferError, "Buf is not Fortran contiguous");
        return -1;
    }
    if ((flags & PyBUF_ANY_CONTIGUOUS) == PyBUF_ANY_CONTIGUOUS && !c_contig && !f_contig) {
        PyErr_SetString(PyExc_BufferError, "Buf is not contiguous");
        return -1;
    }
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES && !c_contig) {
        PyErr_SetString(PyExc_BufferError, "Buf needs strides");
        return -1;
    }
    ExportInfo *info = PyMem_Malloc(sizeof *info);
    if (info == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    info->magic = EXPORT_MAGIC;
    if (self->ndim == 2) {
        info->shape[0] = self->shape[0];
        info->shape[1] = self->shape[1];
        info->strides[0] = self->shape[1] * self->itemsize;
        info->strides[1] = self->itemsize;
    }
    else {
        info->shape[0] = self->shape[0];
        info->strides[0] = self->step * self->itemsize;
    }
    Py_ssize_t nitems = self->ndim == 2 ? self->shape[0] * self->shape[1] : self->shape[0];

    view->buf = self->data;
    view->len = nitems * self->itemsize;
    view->itemsize = self->itemsize;
    view->readonly = self->readonly;
    view->format = (flags & PyBUF_FORMAT) == PyBUF_FORMAT ? self->format : NULL;
    if ((flags & PyBUF_ND) == PyBUF_ND) {
        view->ndim = self->ndim;
        view->shape = info->shape;
    }
    else {
        /* contiguous (checked above), seen as flat bytes */
        view->ndim = 1;
        view->shape = NULL;
    }
    view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? info->strides : NULL;
    view->suboffsets = NULL;
    view->internal = info;
    view->obj = Py_NewRef(op);
    self->exports++;
    self->getbuffers++;
    return 0;
}

static void
buf_releasebuffer(PyObject *op, Py_buffer *view)
{
    BufObject *self = (BufObject *)op;
    ExportInfo *info = (ExportInfo *)view->internal;
    self->releases++;
    if (info == NULL || info->magic != EXPORT_MAGIC) {
        self->bad_releases++;
        return;
    }
    info->magic = 0;
    PyMem_Free(info);
    self->exports--;
}

/* Python value of stored item k */
static PyObject *
buf_item(BufObject *self, Py_ssize_t k)
{
    char *p = self->data + k * self->itemsize;
    if (self->format[0] == 'B') {
        return PyLong_FromLong(*(unsigned char *)p);
    }
    if (self->format[0] == 'i') {
        int v;
        memcpy(&v, p, sizeof v);
        return PyLong_FromLong(v);
    }
    double d;
    memcpy(&d, p, sizeof d);
    return PyFloat_FromDouble(d);
}

static int
buf_check_index(BufObject *self, Py_ssize_t k)
{
    if (k < 0 || k >= self->nstored) {
        PyErr_SetString(PyExc_IndexError, "Buf storage index out of range");
        return -1;
    }
    return 0;
}

/* get(k): stored item k, read by C */
static PyObject *
buf_get(PyObject *op, PyObject *arg)
{
    BufObject *self = (BufObject *)op;
    Py_ssize_t k = PyLong_AsSsize_t(arg);
    if (k == -1 && PyErr_Occurred()) {
        return NULL;
    }
    if (buf_check_index(self, k) < 0) {
        return NULL;
    }
    return buf_item(self, k);
}

/* set(k, value): stored item k, written by C */
static PyObject *
buf_set(PyObject *op, PyObject *args)
{
    BufObject *self = (BufObject *)op;
    Py_ssize_t k;
    PyObject *value;
    if (!PyArg_ParseTuple(args, "nO:set", &k, &value)) {
        return NULL;
    }
    if (buf_check_index(self, k) < 0) {
        return NULL;
    }
    char *p = self->data + k * self->itemsize;
    if (self->format[0] == 'd') {
        double d = PyFloat_AsDouble(value);
        if (d == -1.0 && PyErr_Occurred()) {
            return NULL;
        }
        memcpy(p, &d, sizeof d);
    }
    else {
        long v = PyLong_AsLong(value);
        if (v == -1 && PyErr_Occurred()) {
            return NULL;
        }
        if (self->format[0] == 'B') {
            *(unsigned char *)p = (unsigned char)v;
        }
        else {
            int iv = (int)v;
            memcpy(p, &iv, sizeof iv);
        }
    }
    Py_RETURN_NONE;
}

/* items(): every stored item, read by C */
static PyObject *
buf_items(PyObject *op, PyObject *ignored)
{
    BufObject *self = (BufObject *)op;
    PyObject *list = PyList_New(self->nstored);
    if (list == NULL) {
        return NULL;
    }
    for (Py_ssize_t k = 0; k < self->nstored; k++) {
        PyObject *v = buf_item(self, k);
        if (v == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, k, v);
    }
    return list;
}

/* raw(): the whole storage as bytes */
static PyObject *
buf_raw(PyObject *op, PyObject *ignored)
{
    BufObject *self = (BufObject *)op;
    return PyBytes_FromStringAndSize(self->data, self->nstored * self->itemsize);
}

static PyMethodDef buf_methods[] = {
    {"get", buf_get, METH_O, "Stored item k, read by C."},
    {"set", buf_set, METH_VARARGS, "Store a value at storage index k from C."},
    {"items", buf_items, METH_NOARGS, "All stored items, read by C."},
    {"raw", buf_raw, METH_NOARGS, "The storage as bytes."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef buf_members[] = {
    {"exports", T_PYSSIZET, offsetof(BufObject, exports), READONLY, "Live exports."},
    {"getbuffers", T_PYSSIZET, offsetof(BufObject, getbuffers), READONLY, NULL},
    {"releases", T_PYSSIZET, offsetof(BufObject, releases), READONLY, NULL},
    {"bad_releases", T_PYSSIZET, offsetof(BufObject, bad_releases), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyType_Slot buf_slots[] = {
    {Py_tp_new, buf_new},
    {Py_tp_dealloc, buf_dealloc},
    {Py_tp_methods, buf_methods},
    {Py_tp_members, buf_members},
    {Py_bf_getbuffer, buf_getbuffer},
    {Py_bf_releasebuffer, buf_releasebuffer},
    {Py_tp_doc, "Buf(shape, format='B', readonly=False, step=1): a C array exporter."},
    {0, NULL},
};

static PyType_Spec buf_spec = {
    .name = "capi_buffer.Buf",
    .basicsize = sizeof(BufObject),
    .itemsize = 0,
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .slots = buf_slots,
};

/* ---- StaticBuf: a static type whose getbuffer is PyBuffer_FillInfo ----- */

typedef struct {
    PyObject_HEAD
    char *data;
    Py_ssize_t len;
    int readonly;
    Py_ssize_t exports;
    Py_ssize_t getbuffers;
    Py_ssize_t releases;
} StaticBufObject;

static PyTypeObject StaticBufType;

static PyObject *
sbuf_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "readonly", NULL};
    const char *data;
    Py_ssize_t len;
    int readonly = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y#|p:StaticBuf", kwlist, &data, &len,
                                     &readonly)) {
        return NULL;
    }
    StaticBufObject *self = (StaticBufObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        return NULL;
    }
    self->data = PyMem_Malloc(len + 1);
    if (self->data == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    memcpy(self->data, data, len);
    self->len = len;
    self->readonly = readonly;
    return (PyObject *)self;
}

static void
sbuf_dealloc(PyObject *op)
{
    StaticBufObject *self = (StaticBufObject *)op;
    PyMem_Free(self->data);
    Py_TYPE(op)->tp_free(op);
}

static int
sbuf_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    StaticBufObject *self = (StaticBufObject *)op;
    view->obj = NULL;
    if (PyBuffer_FillInfo(view, op, self->data, self->len, self->readonly, flags) < 0) {
        return -1;
    }
    self->exports++;
    self->getbuffers++;
    return 0;
}

static void
sbuf_releasebuffer(PyObject *op, Py_buffer *view)
{
    StaticBufObject *self = (StaticBufObject *)op;
    self->exports--;
    self->releases++;
}

static PyObject *
sbuf_raw(PyObject *op, PyObject *ignored)
{
    StaticBufObject *self = (StaticBufObject *)op;
    return PyBytes_FromStringAndSize(self->data, self->len);
}

static PyObject *
sbuf_poke(PyObject *op, PyObject *args)
{
    StaticBufObject *self = (StaticBufObject *)op;
    Py_ssize_t i;
    int v;
    if (!PyArg_ParseTuple(args, "ni:poke", &i, &v)) {
        return NULL;
    }
    if (i < 0 || i >= self->len) {
        PyErr_SetString(PyExc_IndexError, "StaticBuf index out of range");
        return NULL;
    }
    self->data[i] = (char)v;
    Py_RETURN_NONE;
}

static PyMethodDef sbuf_methods[] = {
    {"raw", sbuf_raw, METH_NOARGS, "The memory as bytes, read by C."},
    {"poke", sbuf_poke, METH_VARARGS, "Store one byte from C."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef sbuf_members[] = {
    {"exports", T_PYSSIZET, offsetof(StaticBufObject, exports), READONLY, NULL},
    {"getbuffers", T_PYSSIZET, offsetof(StaticBufObject, getbuffers), READONLY, NULL},
    {"releases", T_PYSSIZET, offsetof(StaticBufObject, releases), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyBufferProcs sbuf_as_buffer = {
    .bf_getbuffer = sbuf_getbuffer,
    .bf_releasebuffer = sbuf_releasebuffer,
};

static PyTypeObject StaticBufType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_buffer.StaticBuf",
    .tp_basicsize = sizeof(StaticBufObject),
    .tp_dealloc = sbuf_dealloc,
    .tp_as_buffer = &sbuf_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "StaticBuf(data, readonly=False): bytes exported by PyBuffer_FillInfo.",
    .tp_methods = sbuf_methods,
    .tp_members = sbuf_members,
    .tp_new = sbuf_new,
};

/* ---- consumers ----------------------------------------------------------- */

static PyObject *
ssize_tuple(int n, const Py_ssize_t *a)
{
    if (a == NULL) {
        Py_RETURN_NONE;
    }
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(a[i]);
        if (v == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

/* tuple of ints -> C array; returns the length or -1 */
static int
ssize_array(PyObject *seq, Py_ssize_t *out, int max)
{
    if (!PyTuple_Check(seq)) {
        PyErr_SetString(PyExc_TypeError, "expected a tuple");
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(seq);
    if (n > max) {
        PyErr_SetString(PyExc_ValueError, "tuple too long");
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        out[i] = PyLong_AsSsize_t(PyTuple_GET_ITEM(seq, i));
        if (out[i] == -1 && PyErr_Occurred()) {
            return -1;
        }
    }
    return (int)n;
}

/* Copy the view's items in logical (C) order into out, walking shape and
 * strides by hand. */
static void
copy_logical_rec(char *out, Py_ssize_t *pos, const char *p, const Py_buffer *v, int dim)
{
    if (dim == v->ndim) {
        memcpy(out + *pos, p, v->itemsize);
        *pos += v->itemsize;
        return;
    }
    for (Py_ssize_t i = 0; i < v->shape[dim]; i++) {
        copy_logical_rec(out, pos, p + i * v->strides[dim], v, dim + 1);
    }
}

static PyObject *
logical_bytes(const Py_buffer *v)
{
    PyObject *b = PyBytes_FromStringAndSize(NULL, v->len);
    if (b == NULL) {
        return NULL;
    }
    char *out = PyBytes_AS_STRING(b);
    if (v->shape == NULL || v->strides == NULL) {
        memcpy(out, v->buf, v->len);
    }
    else {
        Py_ssize_t pos = 0;
        copy_logical_rec(out, &pos, (const char *)v->buf, v, 0);
    }
    return b;
}

static int
set_item(PyObject *d, const char *key, PyObject *v)
{
    if (v == NULL) {
        return -1;
    }
    int r = PyDict_SetItemString(d, key, v);
    Py_DECREF(v);
    return r;
}

/* The fields of a filled view as a dict. */
static PyObject *
view_dict(const Py_buffer *v, PyObject *obj)
{
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    if (set_item(d, "len", PyLong_FromSsize_t(v->len)) < 0 ||
        set_item(d, "itemsize", PyLong_FromSsize_t(v->itemsize)) < 0 ||
        set_item(d, "readonly", PyLong_FromLong(v->readonly)) < 0 ||
        set_item(d, "ndim", PyLong_FromLong(v->ndim)) < 0 ||
        set_item(d, "format", v->format ? PyUnicode_FromString(v->format) : Py_NewRef(Py_None)) < 0 ||
        set_item(d, "shape", ssize_tuple(v->ndim, v->shape)) < 0 ||
        set_item(d, "strides", ssize_tuple(v->ndim, v->strides)) < 0 ||
        set_item(d, "suboffsets_null", PyBool_FromLong(v->suboffsets == NULL)) < 0 ||
        set_item(d, "obj_is", PyBool_FromLong(v->obj == obj)) < 0 ||
        set_item(d, "bytes", logical_bytes(v)) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

/* getbuffer_info(obj, flags): PyObject_GetBuffer, the view's fields, the
 * items as bytes (copied by C from buf), PyBuffer_Release. */
static PyObject *
getbuffer_info(PyObject *m, PyObject *args)
{
    PyObject *obj;
    int flags;
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "Oi", &obj, &flags)) {
        return NULL;
    }
    if (PyObject_GetBuffer(obj, &view, flags) < 0) {
        return NULL;
    }
    PyObject *d = view_dict(&view, obj);
    PyBuffer_Release(&view);
    return d;
}

/* buffer_address(obj, flags) -> (view.buf as an int, view.len) */
static PyObject *
buffer_address(PyObject *m, PyObject *args)
{
    PyObject *obj;
    int flags;
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "Oi", &obj, &flags)) {
        return NULL;
    }
    if (PyObject_GetBuffer(obj, &view, flags) < 0) {
        return NULL;
    }
    PyObject *r = Py_BuildValue("(Nn)", PyLong_FromVoidPtr(view.buf), view.len);
    PyBuffer_Release(&view);
    return r;
}

/* release_twice(obj): PyBuffer_Release clears view.obj, so a second call is
 * a no-op.  Returns whether view.obj was NULL after the first release. */
static PyObject *
release_twice(PyObject *m, PyObject *obj)
{
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    PyBuffer_Release(&view);
    int cleared = view.obj == NULL;
    PyBuffer_Release(&view);
    return PyBool_FromLong(cleared);
}

/* write_bytes(obj, offset, data): PyBUF_WRITABLE, memcpy at offset. */
static PyObject *
write_bytes(PyObject *m, PyObject *args)
{
    PyObject *obj;
    Py_ssize_t offset;
    const char *data;
    Py_ssize_t n;
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "Ony#", &obj, &offset, &data, &n)) {
        return NULL;
    }
    if (PyObject_GetBuffer(obj, &view, PyBUF_WRITABLE) < 0) {
        return NULL;
    }
    if (view.readonly) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_AssertionError, "writable request gave a readonly view");
        return NULL;
    }
    if (offset < 0 || offset + n > view.len) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_IndexError, "write out of range");
        return NULL;
    }
    memcpy((char *)view.buf + offset, data, n);
    PyBuffer_Release(&view);
    Py_RETURN_NONE;
}

/* One view held across calls. */
static Py_buffer held;
static int holding = 0;

static PyObject *
hold(PyObject *m, PyObject *args)
{
    PyObject *obj;
    int flags;
    if (!PyArg_ParseTuple(args, "Oi", &obj, &flags)) {
        return NULL;
    }
    if (holding) {
        PyErr_SetString(PyExc_RuntimeError, "already holding a view");
        return NULL;
    }
    if (PyObject_GetBuffer(obj, &held, flags) < 0) {
        return NULL;
    }
    holding = 1;
    Py_RETURN_NONE;
}

static PyObject *
held_read(PyObject *m, PyObject *ignored)
{
    if (!holding) {
        PyErr_SetString(PyExc_RuntimeError, "no view held");
        return NULL;
    }
    return logical_bytes(&held);
}

static PyObject *
held_write(PyObject *m, PyObject *args)
{
    Py_ssize_t offset;
    const char *data;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "ny#", &offset, &data, &n)) {
        return NULL;
    }
    if (!holding || held.readonly || held.strides != NULL) {
        PyErr_SetString(PyExc_RuntimeError, "no writable simple view held");
        return NULL;
    }
    if (offset < 0 || offset + n > held.len) {
        PyErr_SetString(PyExc_IndexError, "write out of range");
        return NULL;
    }
    memcpy((char *)held.buf + offset, data, n);
    Py_RETURN_NONE;
}

static PyObject *
release_held(PyObject *m, PyObject *ignored)
{
    if (!holding) {
        PyErr_SetString(PyExc_RuntimeError, "no view held");
        return NULL;
    }
    holding = 0;
    PyBuffer_Release(&held);
    Py_RETURN_NONE;
}

static PyObject *
check_buffer(PyObject *m, PyObject *obj)
{
    return PyLong_FromLong(PyObject_CheckBuffer(obj));
}

static PyObject *
get_buf_deallocs(PyObject *m, PyObject *ignored)
{
    return PyLong_FromSsize_t(buf_deallocs);
}

/* ---- PyBuffer_* helpers -------------------------------------------------- */

static char fill_area[8] = "ABCDEFG";

/* fill_info(obj or None, readonly, flags): PyBuffer_FillInfo over a static C
 * array, on a view pre-filled with garbage; the fields, the change of obj's
 * reference count, then PyBuffer_Release. */
static PyObject *
fill_info(PyObject *m, PyObject *args)
{
    PyObject *obj;
    int readonly, flags;
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "Oii", &obj, &readonly, &flags)) {
        return NULL;
    }
    PyObject *o = obj == Py_None ? NULL : obj;
    Py_ssize_t before = o ? Py_REFCNT(o) : 0;
    memset(&view, 0x5a, sizeof view);
    if (PyBuffer_FillInfo(&view, o, fill_area, (Py_ssize_t)sizeof fill_area, readonly, flags) < 0) {
        return NULL;
    }
    Py_ssize_t during = o ? Py_REFCNT(o) : 0;
    PyObject *d = view_dict(&view, o);
    if (d == NULL ||
        set_item(d, "buf_ok", PyBool_FromLong(view.buf == (void *)fill_area)) < 0 ||
        set_item(d, "internal_null", PyBool_FromLong(view.internal == NULL)) < 0) {
        Py_XDECREF(d);
        PyBuffer_Release(&view);
        return NULL;
    }
    PyBuffer_Release(&view);
    Py_ssize_t after = o ? Py_REFCNT(o) : 0;
    if (set_item(d, "refcnt_delta", PyLong_FromSsize_t(during - before)) < 0 ||
        set_item(d, "refcnt_after", PyLong_FromSsize_t(after - before)) < 0 ||
        set_item(d, "obj_cleared", PyBool_FromLong(view.obj == NULL)) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

/* is_contiguous(obj, flags): PyBuffer_IsContiguous 'C', 'F', 'A' on the
 * view the exporter filled. */
static PyObject *
is_contiguous(PyObject *m, PyObject *args)
{
    PyObject *obj;
    int flags;
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "Oi", &obj, &flags)) {
        return NULL;
    }
    if (PyObject_GetBuffer(obj, &view, flags) < 0) {
        return NULL;
    }
    int c = PyBuffer_IsContiguous(&view, 'C');
    int f = PyBuffer_IsContiguous(&view, 'F');
    int a = PyBuffer_IsContiguous(&view, 'A');
    PyBuffer_Release(&view);
    return Py_BuildValue("(iii)", c, f, a);
}

/* is_contiguous_raw(shape, strides or None, itemsize): the same on a view
 * built by hand (no memory behind it; only the layout is looked at). */
static PyObject *
is_contiguous_raw(PyObject *m, PyObject *args)
{
    PyObject *shape_t, *strides_t;
    Py_ssize_t itemsize;
    Py_ssize_t shape[8], strides[8];
    static char dummy[1];
    if (!PyArg_ParseTuple(args, "OOn", &shape_t, &strides_t, &itemsize)) {
        return NULL;
    }
    int ndim = ssize_array(shape_t, shape, 8);
    if (ndim < 0) {
        return NULL;
    }
    Py_buffer view;
    memset(&view, 0, sizeof view);
    view.buf = dummy;
    view.itemsize = itemsize;
    view.readonly = 1;
    view.ndim = ndim;
    view.format = "B";
    view.shape = shape;
    view.len = itemsize;
    for (int i = 0; i < ndim; i++) {
        view.len *= shape[i];
    }
    if (strides_t != Py_None) {
        if (ssize_array(strides_t, strides, 8) != ndim) {
            if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_ValueError, "strides and shape differ in length");
            }
            return NULL;
        }
        view.strides = strides;
    }
    return Py_BuildValue("(iii)", PyBuffer_IsContiguous(&view, 'C'),
                         PyBuffer_IsContiguous(&view, 'F'), PyBuffer_IsContiguous(&view, 'A'));
}

/* fill_strides(shape, itemsize, order): PyBuffer_FillContiguousStrides */
static PyObject *
fill_strides(PyObject *m, PyObject *args)
{
    PyObject *shape_t;
    int itemsize;
    int order; /* "C" converts a 1-character str to an int */
    Py_ssize_t shape[8], strides[8];
    if (!PyArg_ParseTuple(args, "OiC", &shape_t, &itemsize, &order)) {
        return NULL;
    }
    int ndim = ssize_array(shape_t, shape, 8);
    if (ndim < 0) {
        return NULL;
    }
    for (int i = 0; i < 8; i++) {
        strides[i] = -12345;
    }
    PyBuffer_FillContiguousStrides(ndim, shape, strides, itemsize, (char)order);
    if (ndim == 0) {
        return PyTuple_New(0);
    }
    return ssize_tuple(ndim, strides);
}

/* get_pointer(obj, indices): PyBuffer_GetPointer on a PyBUF_FULL_RO view;
 * returns (pointer - buf, the itemsize bytes there). */
static PyObject *
get_pointer(PyObject *m, PyObject *args)
{
    PyObject *obj, *idx_t;
    Py_ssize_t idx[8];
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "OO", &obj, &idx_t)) {
        return NULL;
    }
    int n = ssize_array(idx_t, idx, 8);
    if (n < 0) {
        return NULL;
    }
    if (PyObject_GetBuffer(obj, &view, PyBUF_FULL_RO) < 0) {
        return NULL;
    }
    if (n != view.ndim) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "need one index per dimension");
        return NULL;
    }
    char *p = PyBuffer_GetPointer(&view, idx);
    PyObject *r = Py_BuildValue("(ny#)", (Py_ssize_t)(p - (char *)view.buf), p, view.itemsize);
    PyBuffer_Release(&view);
    return r;
}

static PyObject *
size_from_format(PyObject *m, PyObject *args)
{
    const char *fmt;
    if (!PyArg_ParseTuple(args, "s", &fmt)) {
        return NULL;
    }
    Py_ssize_t n = PyBuffer_SizeFromFormat(fmt);
    if (n < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

/* to_contiguous(obj, order, len=-1): PyBuffer_ToContiguous from a
 * PyBUF_FULL_RO view into a fresh C array (len -1: view.len). */
static PyObject *
to_contiguous(PyObject *m, PyObject *args)
{
    PyObject *obj;
    int order; /* "C" converts a 1-character str to an int */
    Py_ssize_t len = -1;
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "OC|n", &obj, &order, &len)) {
        return NULL;
    }
    if (PyObject_GetBuffer(obj, &view, PyBUF_FULL_RO) < 0) {
        return NULL;
    }
    if (len < 0) {
        len = view.len;
    }
    Py_ssize_t alloc = len > view.len ? len : view.len;
    char *out = PyMem_Malloc(alloc + 1);
    if (out == NULL) {
        PyBuffer_Release(&view);
        return PyErr_NoMemory();
    }
    int r = PyBuffer_ToContiguous(out, &view, len, (char)order);
    PyBuffer_Release(&view);
    PyObject *res = r < 0 ? NULL : PyBytes_FromStringAndSize(out, len);
    PyMem_Free(out);
    return res;
}

/* from_contiguous(obj, data, order): PyBuffer_FromContiguous into a
 * PyBUF_FULL (writable) view. */
static PyObject *
from_contiguous(PyObject *m, PyObject *args)
{
    PyObject *obj;
    const char *data;
    Py_ssize_t n;
    int order; /* "C" converts a 1-character str to an int */
    Py_buffer view;
    if (!PyArg_ParseTuple(args, "Oy#C", &obj, &data, &n, &order)) {
        return NULL;
    }
    if (PyObject_GetBuffer(obj, &view, PyBUF_FULL) < 0) {
        return NULL;
    }
    int r = PyBuffer_FromContiguous(&view, data, n, (char)order);
    PyBuffer_Release(&view);
    if (r < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
copy_data(PyObject *m, PyObject *args)
{
    PyObject *dest, *src;
    if (!PyArg_ParseTuple(args, "OO", &dest, &src)) {
        return NULL;
    }
    if (PyObject_CopyData(dest, src) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* memoryview_view(m) -> (base, len, itemsize, ndim, format, shape, strides,
 * readonly, first byte) read from the memoryview's own Py_buffer, as numpy
 * does */
static PyObject *
memoryview_view(PyObject *self, PyObject *m)
{
    if (!PyMemoryView_Check(m)) {
        PyErr_SetString(PyExc_TypeError, "a memoryview");
        return NULL;
    }
    Py_buffer *v = PyMemoryView_GET_BUFFER(m);
    PyObject *shape = PyTuple_New(v->ndim), *strides = PyTuple_New(v->ndim);
    if (shape == NULL || strides == NULL) {
        Py_XDECREF(shape);
        Py_XDECREF(strides);
        return NULL;
    }
    for (int i = 0; i < v->ndim; i++) {
        PyTuple_SET_ITEM(shape, i, PyLong_FromSsize_t(v->shape[i]));
        PyTuple_SET_ITEM(strides, i, PyLong_FromSsize_t(v->strides[i]));
    }
    PyObject *base = PyMemoryView_GET_BASE(m);
    return Py_BuildValue("(OnniyNNii)", base ? base : Py_None, v->len, v->itemsize, v->ndim, v->format,
                         shape, strides, v->readonly, v->len > 0 ? ((unsigned char *)v->buf)[0] : -1);
}

/* ---- memoryview constructors --------------------------------------------- */

static PyObject *
mv_from_object(PyObject *m, PyObject *obj)
{
    return PyMemoryView_FromObject(obj);
}

/* A static C array behind PyMemoryView_FromMemory views. */
static char mem_area[16];

static PyObject *
mv_from_memory(PyObject *m, PyObject *args)
{
    int flags;
    if (!PyArg_ParseTuple(args, "i", &flags)) {
        return NULL;
    }
    return PyMemoryView_FromMemory(mem_area, (Py_ssize_t)sizeof mem_area, flags);
}

static PyObject *
mem_get(PyObject *m, PyObject *ignored)
{
    return PyBytes_FromStringAndSize(mem_area, (Py_ssize_t)sizeof mem_area);
}

static PyObject *
mem_set(PyObject *m, PyObject *args)
{
    Py_ssize_t offset;
    const char *data;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "ny#", &offset, &data, &n)) {
        return NULL;
    }
    if (offset < 0 || offset + n > (Py_ssize_t)sizeof mem_area) {
        PyErr_SetString(PyExc_IndexError, "write out of range");
        return NULL;
    }
    memcpy(mem_area + offset, data, n);
    Py_RETURN_NONE;
}

/* Static memory behind PyMemoryView_FromBuffer views: the Py_buffer's shape,
 * strides and format must outlive the memoryview. */
static char frombuf_area[8];
static int int_area[6];
static Py_ssize_t int_shape[2] = {2, 3};
static Py_ssize_t int_strides[2] = {3 * sizeof(int), sizeof(int)};
static char int_format[] = "i";

/* mv_from_buffer(kind): 0 a read-only and 1 a writable byte view made by
 * PyBuffer_FillInfo(obj=NULL) over frombuf_area; 2 a 2-D "i" view over
 * int_area built by hand; 3 a view whose buf is NULL. */
static PyObject *
mv_from_buffer(PyObject *m, PyObject *args)
{
    int kind;
    Py_buffer info;
    if (!PyArg_ParseTuple(args, "i", &kind)) {
        return NULL;
    }
    if (kind == 0 || kind == 1) {
        if (PyBuffer_FillInfo(&info, NULL, frombuf_area, (Py_ssize_t)sizeof frombuf_area,
                              kind == 0, PyBUF_FULL_RO) < 0) {
            return NULL;
        }
    }
    else if (kind == 2) {
        memset(&info, 0, sizeof info);
        info.buf = int_area;
        info.obj = NULL;
        info.len = sizeof int_area;
        info.itemsize = sizeof(int);
        info.readonly = 0;
        info.ndim = 2;
        info.format = int_format;
        info.shape = int_shape;
        info.strides = int_strides;
    }
    else {
        if (PyBuffer_FillInfo(&info, NULL, NULL, 0, 1, PyBUF_FULL_RO) < 0) {
            return NULL;
        }
    }
    return PyMemoryView_FromBuffer(&info);
}

static PyObject *
frombuf_get(PyObject *m, PyObject *ignored)
{
    return PyBytes_FromStringAndSize(frombuf_area, (Py_ssize_t)sizeof frombuf_area);
}

static PyObject *
frombuf_set(PyObject *m, PyObject *args)
{
    const char *data;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "y#", &data, &n)) {
        return NULL;
    }
    if (n > (Py_ssize_t)sizeof frombuf_area) {
        PyErr_SetString(PyExc_IndexError, "too long");
        return NULL;
    }
    memcpy(frombuf_area, data, n);
    Py_RETURN_NONE;
}

static PyObject *
int_area_get(PyObject *m, PyObject *ignored)
{
    return Py_BuildValue("[iiiiii]", int_area[0], int_area[1], int_area[2], int_area[3],
                         int_area[4], int_area[5]);
}

static PyObject *
int_area_set(PyObject *m, PyObject *args)
{
    if (!PyArg_ParseTuple(args, "iiiiii", &int_area[0], &int_area[1], &int_area[2],
                          &int_area[3], &int_area[4], &int_area[5])) {
        return NULL;
    }
    Py_RETURN_NONE;
}

/* mv_get_contiguous(obj, buffertype, order) */
static PyObject *
mv_get_contiguous(PyObject *m, PyObject *args)
{
    PyObject *obj;
    int buffertype;
    int order; /* "C" converts a 1-character str to an int */
    if (!PyArg_ParseTuple(args, "OiC", &obj, &buffertype, &order)) {
        return NULL;
    }
    return PyMemoryView_GetContiguous(obj, buffertype, (char)order);
}

static PyMethodDef methods[] = {
    {"memoryview_view", memoryview_view, METH_O, NULL},
    {"getbuffer_info", getbuffer_info, METH_VARARGS, NULL},
    {"buffer_address", buffer_address, METH_VARARGS, NULL},
    {"release_twice", release_twice, METH_O, NULL},
    {"write_bytes", write_bytes, METH_VARARGS, NULL},
    {"hold", hold, METH_VARARGS, NULL},
    {"held_read", held_read, METH_NOARGS, NULL},
    {"held_write", held_write, METH_VARARGS, NULL},
    {"release_held", release_held, METH_NOARGS, NULL},
    {"check_buffer", check_buffer, METH_O, NULL},
    {"buf_deallocs", get_buf_deallocs, METH_NOARGS, NULL},
    {"fill_info", fill_info, METH_VARARGS, NULL},
    {"is_contiguous", is_contiguous, METH_VARARGS, NULL},
    {"is_contiguous_raw", is_contiguous_raw, METH_VARARGS, NULL},
    {"fill_strides", fill_strides, METH_VARARGS, NULL},
    {"get_pointer", get_pointer, METH_VARARGS, NULL},
    {"size_from_format", size_from_format, METH_VARARGS, NULL},
    {"to_contiguous", to_contiguous, METH_VARARGS, NULL},
    {"from_contiguous", from_contiguous, METH_VARARGS, NULL},
    {"copy_data", copy_data, METH_VARARGS, NULL},
    {"mv_from_object", mv_from_object, METH_O, NULL},
    {"mv_from_memory", mv_from_memory, METH_VARARGS, NULL},
    {"mem_get", mem_get, METH_NOARGS, NULL},
    {"mem_set", mem_set, METH_VARARGS, NULL},
    {"mv_from_buffer", mv_from_buffer, METH_VARARGS, NULL},
    {"frombuf_get", frombuf_get, METH_NOARGS, NULL},
    {"frombuf_set", frombuf_set, METH_VARARGS, NULL},
    {"int_area_get", int_area_get, METH_NOARGS, NULL},
    {"int_area_set", int_area_set, METH_VARARGS, NULL},
    {"mv_get_contiguous", mv_get_contiguous, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "capi_buffer", NULL, -1, methods};

PyMODINIT_FUNC
PyInit_capi_buffer(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m == NULL) {
        return NULL;
    }
    PyObject *buf_type = PyType_FromSpec(&buf_spec);
    if (buf_type == NULL || PyModule_AddObjectRef(m, "Buf", buf_type) < 0) {
        Py_XDECREF(buf_type);
        Py_DECREF(m);
        return NULL;
    }
    Py_DECREF(buf_type);
    if (PyType_Ready(&StaticBufType) < 0 ||
        PyModule_AddObjectRef(m, "StaticBuf", (PyObject *)&StaticBufType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddIntMacro(m, PyBUF_SIMPLE) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_WRITABLE) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_FORMAT) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_ND) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_STRIDES) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_C_CONTIGUOUS) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_F_CONTIGUOUS) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_ANY_CONTIGUOUS) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_INDIRECT) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_CONTIG) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_CONTIG_RO) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_STRIDED) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_STRIDED_RO) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_RECORDS) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_RECORDS_RO) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_FULL) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_FULL_RO) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_READ) < 0 ||
        PyModule_AddIntMacro(m, PyBUF_WRITE) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
