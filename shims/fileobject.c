/* Py_UniversalNewlineFgets and the std printer (fileobject.h), plain C
 * over stdio and the descriptors, as in CPython. */

#include "Python.h"

#include <errno.h>
#include <unistd.h>

char *
Py_UniversalNewlineFgets(char *buf, int n, FILE *stream, PyObject *fobj)
{
    if (fobj != NULL) {
        errno = ENXIO;
        return NULL;
    }
    char *p = buf;
    int c;
    flockfile(stream);
    while (--n > 0 && (c = getc_unlocked(stream)) != EOF) {
        if (c == '\r') {
            /* "\r\n" and a lone "\r" both end the line as "\n". */
            c = getc_unlocked(stream);
            if (c != '\n') {
                ungetc(c, stream);
                c = '\n';
            }
        }
        *p++ = (char)c;
        if (c == '\n')
            break;
    }
    funlockfile(stream);
    *p = '\0';
    return p == buf ? NULL : buf;
}

/* The std printer: a minimal text stream writing straight to fd 1 or 2,
 * which CPython uses as sys.stderr before its io module is up and keeps
 * public. Text is written as UTF-8 (backslashreplace for what UTF-8
 * cannot hold); write returns the number of bytes written. */

typedef struct {
    PyObject_HEAD
    int fd;
} StdPrinter;

static PyObject *
stdprinter_write(PyObject *self, PyObject *args)
{
    PyObject *text;
    if (!PyArg_ParseTuple(args, "U", &text))
        return NULL;
    PyObject *bytes = PyUnicode_AsEncodedString(text, "utf-8", "backslashreplace");
    if (bytes == NULL)
        return NULL;
    const char *p = PyBytes_AS_STRING(bytes);
    Py_ssize_t left = PyBytes_GET_SIZE(bytes), written = 0;
    while (left > 0) {
        ssize_t n = write(((StdPrinter *)self)->fd, p + written, (size_t)left);
        if (n < 0) {
            if (errno == EINTR) {
                if (PyErr_CheckSignals() < 0) {
                    Py_DECREF(bytes);
                    return NULL;
                }
                continue;
            }
            /* Like CPython's: a non-blocking descriptor that is full
             * drops the text. */
            if (errno == EAGAIN)
                break;
            Py_DECREF(bytes);
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        written += n;
        left -= n;
    }
    Py_DECREF(bytes);
    return PyLong_FromSsize_t(written);
}

static PyObject *
stdprinter_fileno(PyObject *self, PyObject *Py_UNUSED(args))
{
    return PyLong_FromLong(((StdPrinter *)self)->fd);
}

static PyObject *
stdprinter_isatty(PyObject *self, PyObject *Py_UNUSED(args))
{
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = isatty(((StdPrinter *)self)->fd);
    Py_END_ALLOW_THREADS
    return PyBool_FromLong(r);
}

/* flush and close: nothing is buffered, and the descriptor is not ours. */
static PyObject *
stdprinter_noop(PyObject *Py_UNUSED(self), PyObject *Py_UNUSED(args))
{
    Py_RETURN_NONE;
}

static PyObject *
stdprinter_repr(PyObject *self)
{
    return PyUnicode_FromFormat("<stdprinter(fd=%d) object at %p>", ((StdPrinter *)self)->fd, self);
}

static PyObject *
stdprinter_closed(PyObject *Py_UNUSED(self), void *Py_UNUSED(closure))
{
    Py_RETURN_FALSE;
}

static PyObject *
stdprinter_mode(PyObject *Py_UNUSED(self), void *Py_UNUSED(closure))
{
    return PyUnicode_FromString("w");
}

static PyObject *
stdprinter_encoding(PyObject *Py_UNUSED(self), void *Py_UNUSED(closure))
{
    Py_RETURN_NONE;
}

static PyMethodDef stdprinter_methods[] = {
    {"close", stdprinter_noop, METH_NOARGS, NULL},
    {"flush", stdprinter_noop, METH_NOARGS, NULL},
    {"fileno", stdprinter_fileno, METH_NOARGS, NULL},
    {"isatty", stdprinter_isatty, METH_NOARGS, NULL},
    {"write", stdprinter_write, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef stdprinter_getsets[] = {
    {"closed", stdprinter_closed, NULL, NULL, NULL},
    {"encoding", stdprinter_encoding, NULL, NULL, NULL},
    {"mode", stdprinter_mode, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyStdPrinter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "stderrprinter",
    .tp_basicsize = sizeof(StdPrinter),
    .tp_dealloc = (destructor)PyObject_Free,
    .tp_repr = stdprinter_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = stdprinter_methods,
    .tp_getset = stdprinter_getsets,
};

/* NULL, without an exception, for a descriptor other than stdout's or
 * stderr's, as in CPython. */
PyObject *
PyFile_NewStdPrinter(int fd)
{
    if (fd != fileno(stdout) && fd != fileno(stderr))
        return NULL;
    if (PyType_Ready(&PyStdPrinter_Type) < 0)
        return NULL;
    StdPrinter *self = PyObject_New(StdPrinter, &PyStdPrinter_Type);
    if (self != NULL)
        self->fd = fd;
    return (PyObject *)self;
}
