/* The buffer protocol's functions that work on Py_buffer memory alone:
 * dispatch through tp_as_buffer (a C exporter is called directly; a VM
 * type's C face has the layer's bf_getbuffer/bf_releasebuffer, see
 * cpyext/pybuffer.rs), filling a simple view, contiguity, and copies.
 * Behaviour and messages are CPython's (Objects/abstract.c and
 * memoryobject.c, 3.12+ where it differs from 3.11). */
#include "Python.h"

#include <stdlib.h>
#include <string.h>

int
PyObject_CheckBuffer(PyObject *obj)
{
    PyBufferProcs *pb = obj == NULL ? NULL : Py_TYPE(obj)->tp_as_buffer;
    return pb != NULL && pb->bf_getbuffer != NULL;
}

int
PyObject_GetBuffer(PyObject *obj, Py_buffer *view, int flags)
{
    if (obj == NULL || view == NULL
        || flags == PyBUF_READ || flags == PyBUF_WRITE) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyBufferProcs *pb = Py_TYPE(obj)->tp_as_buffer;
    if (pb == NULL || pb->bf_getbuffer == NULL) {
        PyErr_Format(PyExc_TypeError,
                     "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    return pb->bf_getbuffer(obj, view, flags);
}

void
PyBuffer_Release(Py_buffer *view)
{
    PyObject *obj = view == NULL ? NULL : view->obj;
    if (obj == NULL) {
        return;
    }
    PyBufferProcs *pb = Py_TYPE(obj)->tp_as_buffer;
    if (pb != NULL && pb->bf_releasebuffer != NULL) {
        pb->bf_releasebuffer(obj, view);
    }
    view->obj = NULL;
    Py_DECREF(obj);
}

int
PyBuffer_FillInfo(Py_buffer *view, PyObject *obj, void *buf, Py_ssize_t len,
                  int readonly, int flags)
{
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError,
                        "PyBuffer_FillInfo: view==NULL argument is obsolete");
        return -1;
    }
    if (flags == PyBUF_READ || flags == PyBUF_WRITE) {
        PyErr_BadInternalCall();
        return -1;
    }
    if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && readonly == 1) {
        PyErr_SetString(PyExc_BufferError, "Object is not writable.");
        return -1;
    }
    view->obj = Py_XNewRef(obj);
    view->buf = buf;
    view->len = len;
    view->readonly = readonly;
    view->itemsize = 1;
    view->format = (flags & PyBUF_FORMAT) == PyBUF_FORMAT ? (char *)"B" : NULL;
    view->ndim = 1;
    view->shape = (flags & PyBUF_ND) == PyBUF_ND ? &view->len : NULL;
    view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? &view->itemsize : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

static int
is_c_contiguous(const Py_buffer *view)
{
    if (view->len == 0 || view->strides == NULL) {
        return 1;
    }
    Py_ssize_t sd = view->itemsize;
    for (int i = view->ndim - 1; i >= 0; i--) {
        Py_ssize_t dim = view->shape[i];
        if (dim > 1 && view->strides[i] != sd) {
            return 0;
        }
        sd *= dim;
    }
    return 1;
}

static int
is_fortran_contiguous(const Py_buffer *view)
{
    if (view->len == 0) {
        return 1;
    }
    if (view->strides == NULL) {
        /* C order: Fortran order too when at most one dimension is > 1. */
        if (view->ndim <= 1 || view->shape == NULL) {
            return 1;
        }
        int big = 0;
        for (int i = 0; i < view->ndim; i++) {
            big += view->shape[i] > 1;
        }
        return big <= 1;
    }
    Py_ssize_t sd = view->itemsize;
    for (int i = 0; i < view->ndim; i++) {
        Py_ssize_t dim = view->shape[i];
        if (dim > 1 && view->strides[i] != sd) {
            return 0;
        }
        sd *= dim;
    }
    return 1;
}

int
PyBuffer_IsContiguous(const Py_buffer *view, char order)
{
    if (view->suboffsets != NULL) {
        return 0;
    }
    switch (order) {
    case 'C':
        return is_c_contiguous(view);
    case 'F':
        return is_fortran_contiguous(view);
    case 'A':
        return is_c_contiguous(view) || is_fortran_contiguous(view);
    default:
        return 0;
    }
}

void *
PyBuffer_GetPointer(const Py_buffer *view, const Py_ssize_t *indices)
{
    char *pointer = (char *)view->buf;
    for (int i = 0; i < view->ndim; i++) {
        Py_ssize_t stride = view->itemsize;
        if (view->strides != NULL) {
            stride = view->strides[i];
        }
        else if (view->shape != NULL) {
            /* Without strides the view is C-contiguous. */
            for (int k = i + 1; k < view->ndim; k++) {
                stride *= view->shape[k];
            }
        }
        pointer += stride * indices[i];
        if (view->suboffsets != NULL && view->suboffsets[i] >= 0) {
            pointer = *((char **)pointer) + view->suboffsets[i];
        }
    }
    return pointer;
}

void
PyBuffer_FillContiguousStrides(int nd, Py_ssize_t *shape, Py_ssize_t *strides,
                               int itemsize, char order)
{
    Py_ssize_t sd = itemsize;
    if (order == 'F') {
        for (int k = 0; k < nd; k++) {
            strides[k] = sd;
            sd *= shape[k];
        }
    }
    else {
        for (int k = nd - 1; k >= 0; k--) {
            strides[k] = sd;
            sd *= shape[k];
        }
    }
}

Py_ssize_t
PyBuffer_SizeFromFormat(const char *format)
{
    PyObject *module = PyImport_ImportModule("struct");
    if (module == NULL) {
        return -1;
    }
    PyObject *size = PyObject_CallMethod(module, "calcsize", "s", format);
    Py_DECREF(module);
    if (size == NULL) {
        return -1;
    }
    Py_ssize_t n = PyLong_AsSsize_t(size);
    Py_DECREF(size);
    return n;
}

/* Steps `index` to the next item of a view of `shape`: the last dimension
 * fastest for 'C', the first for 'F'. */
static void
next_index(int nd, Py_ssize_t *index, const Py_ssize_t *shape, char order)
{
    if (order == 'F') {
        for (int k = 0; k < nd; k++) {
            if (++index[k] < shape[k]) {
                return;
            }
            index[k] = 0;
        }
    }
    else {
        for (int k = nd - 1; k >= 0; k--) {
            if (++index[k] < shape[k]) {
                return;
            }
            index[k] = 0;
        }
    }
}

/* Copies between the items of `view` and the contiguous `buf` (`len`
 * bytes) in `order`: into `buf` when `to_buf`, else out of it. */
static int
copy_items(Py_buffer *view, char *buf, Py_ssize_t len, char order, int to_buf)
{
    if (view->itemsize <= 0 || view->shape == NULL) {
        /* No shape: one contiguous dimension. */
        if (to_buf) {
            memcpy(buf, view->buf, len);
        }
        else {
            memcpy(view->buf, buf, len);
        }
        return 0;
    }
    Py_ssize_t *index = PyMem_Calloc(view->ndim > 0 ? view->ndim : 1, sizeof(Py_ssize_t));
    if (index == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t items = len / view->itemsize;
    for (Py_ssize_t n = 0; n < items; n++) {
        char *item = PyBuffer_GetPointer(view, index);
        if (to_buf) {
            memcpy(buf, item, view->itemsize);
        }
        else {
            memcpy(item, buf, view->itemsize);
        }
        buf += view->itemsize;
        next_index(view->ndim, index, view->shape, order);
    }
    PyMem_Free(index);
    return 0;
}

int
PyBuffer_ToContiguous(void *buf, const Py_buffer *src, Py_ssize_t len, char order)
{
    if (len != src->len) {
        PyErr_SetString(PyExc_ValueError, "PyBuffer_ToContiguous: len != view->len");
        return -1;
    }
    if (PyBuffer_IsContiguous(src, order)) {
        memcpy(buf, src->buf, len);
        return 0;
    }
    return copy_items((Py_buffer *)src, buf, len, order == 'F' ? 'F' : 'C', 1);
}

int
PyBuffer_FromContiguous(const Py_buffer *view, const void *buf, Py_ssize_t len,
                        char order)
{
    if (len > view->len) {
        len = view->len;
    }
    if (PyBuffer_IsContiguous(view, order)) {
        memcpy(view->buf, buf, len);
        return 0;
    }
    return copy_items((Py_buffer *)view, (char *)buf, len, order == 'F' ? 'F' : 'C', 0);
}

int
PyObject_CopyData(PyObject *dest, PyObject *src)
{
    if (!PyObject_CheckBuffer(dest) || !PyObject_CheckBuffer(src)) {
        PyErr_SetString(PyExc_TypeError,
                        "both destination and source must be bytes-like objects");
        return -1;
    }
    Py_buffer view_dest, view_src;
    if (PyObject_GetBuffer(dest, &view_dest, PyBUF_FULL) != 0) {
        return -1;
    }
    if (PyObject_GetBuffer(src, &view_src, PyBUF_FULL_RO) != 0) {
        PyBuffer_Release(&view_dest);
        return -1;
    }
    if (view_dest.len < view_src.len) {
        PyErr_SetString(PyExc_BufferError,
                        "destination is too small to receive data from source");
        PyBuffer_Release(&view_dest);
        PyBuffer_Release(&view_src);
        return -1;
    }
    int r = 0;
    char *tmp = PyMem_Malloc(view_src.len > 0 ? view_src.len : 1);
    if (tmp == NULL) {
        PyErr_NoMemory();
        r = -1;
    }
    else {
        r = PyBuffer_ToContiguous(tmp, &view_src, view_src.len, 'C');
        if (r == 0) {
            r = PyBuffer_FromContiguous(&view_dest, tmp, view_src.len, 'C');
        }
        PyMem_Free(tmp);
    }
    PyBuffer_Release(&view_dest);
    PyBuffer_Release(&view_src);
    return r;
}

/* The pre-3.0 buffer functions, kept for binaries built against CPython
 * before 3.10 (include/ does not declare them). As in CPython, the view is
 * released before they return: the pointer is valid only while the object
 * lives and does not resize. */
int PyObject_CheckReadBuffer(PyObject *obj);
int PyObject_AsReadBuffer(PyObject *obj, const void **buffer, Py_ssize_t *buffer_len);
int PyObject_AsCharBuffer(PyObject *obj, const char **buffer, Py_ssize_t *buffer_len);
int PyObject_AsWriteBuffer(PyObject *obj, void **buffer, Py_ssize_t *buffer_len);

int
PyObject_CheckReadBuffer(PyObject *obj)
{
    Py_buffer view;
    if (!PyObject_CheckBuffer(obj)) {
        return 0;
    }
    if (Py_TYPE(obj)->tp_as_buffer->bf_getbuffer(obj, &view, PyBUF_SIMPLE) == -1) {
        PyErr_Clear();
        return 0;
    }
    PyBuffer_Release(&view);
    return 1;
}

static int
as_read_buffer(PyObject *obj, const void **buffer, Py_ssize_t *buffer_len)
{
    Py_buffer view;
    if (obj == NULL || buffer == NULL || buffer_len == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        }
        return -1;
    }
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) != 0) {
        return -1;
    }
    *buffer = view.buf;
    *buffer_len = view.len;
    PyBuffer_Release(&view);
    return 0;
}

int
PyObject_AsReadBuffer(PyObject *obj, const void **buffer, Py_ssize_t *buffer_len)
{
    return as_read_buffer(obj, buffer, buffer_len);
}

int
PyObject_AsCharBuffer(PyObject *obj, const char **buffer, Py_ssize_t *buffer_len)
{
    return as_read_buffer(obj, (const void **)buffer, buffer_len);
}

int
PyObject_AsWriteBuffer(PyObject *obj, void **buffer, Py_ssize_t *buffer_len)
{
    Py_buffer view;
    if (obj == NULL || buffer == NULL || buffer_len == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        }
        return -1;
    }
    if (!PyObject_CheckBuffer(obj)
        || Py_TYPE(obj)->tp_as_buffer->bf_getbuffer(obj, &view, PyBUF_WRITABLE) != 0) {
        PyErr_Clear();
        PyErr_SetString(PyExc_TypeError, "expected a writable bytes-like object");
        return -1;
    }
    *buffer = view.buf;
    *buffer_len = view.len;
    PyBuffer_Release(&view);
    return 0;
}
