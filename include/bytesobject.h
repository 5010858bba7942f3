/* bytes objects.  The character data is part of the object (ob_sval), so
 * PyBytes_AS_STRING and PyBytes_GET_SIZE are inline reads. */
#ifndef Py_BYTESOBJECT_H
#define Py_BYTESOBJECT_H

#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    PyObject_VAR_HEAD
    Py_hash_t ob_shash;         /* deprecated; -1 when not computed */
    char ob_sval[1];            /* ob_size + 1 bytes, NUL-terminated */
} PyBytesObject;

#define _PyBytes_CAST(op) _Py_CAST(PyBytesObject *, (op))

PyAPI_DATA(PyTypeObject) PyBytes_Type;
PyAPI_DATA(PyTypeObject) PyBytesIter_Type;

#define PyBytes_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_BYTES_SUBCLASS)
#define PyBytes_CheckExact(op) Py_IS_TYPE((op), &PyBytes_Type)

static inline char *_PyBytes_AS_STRING(PyObject *op)
{
    return ((PyBytesObject *)op)->ob_sval;
}
#define PyBytes_AS_STRING(op) _PyBytes_AS_STRING(_PyObject_CAST(op))
#define PyBytes_GET_SIZE(op) Py_SIZE(op)

PyAPI_FUNC(PyObject *) PyBytes_FromStringAndSize(const char *v,
                                                 Py_ssize_t len);
PyAPI_FUNC(PyObject *) PyBytes_FromString(const char *v);
PyAPI_FUNC(PyObject *) PyBytes_FromObject(PyObject *o);
PyAPI_FUNC(PyObject *) PyBytes_FromFormatV(const char *format,
                                           va_list vargs);
PyAPI_FUNC(PyObject *) PyBytes_FromFormat(const char *format, ...);
PyAPI_FUNC(Py_ssize_t) PyBytes_Size(PyObject *o);
PyAPI_FUNC(char *) PyBytes_AsString(PyObject *o);
PyAPI_FUNC(PyObject *) PyBytes_Repr(PyObject *o, int smartquotes);
PyAPI_FUNC(void) PyBytes_Concat(PyObject **bytes, PyObject *newpart);
PyAPI_FUNC(void) PyBytes_ConcatAndDel(PyObject **bytes, PyObject *newpart);
PyAPI_FUNC(PyObject *) PyBytes_DecodeEscape(const char *s, Py_ssize_t len,
                                            const char *errors,
                                            Py_ssize_t unused,
                                            const char *recode_encoding);
PyAPI_FUNC(int) PyBytes_AsStringAndSize(PyObject *obj, char **buffer,
                                        Py_ssize_t *length);
PyAPI_FUNC(PyObject *) PyBytes_Join(PyObject *sep, PyObject *iterable);
/* The name of PyBytes_Join before 3.14. */
PyAPI_FUNC(PyObject *) _PyBytes_Join(PyObject *sep, PyObject *iterable);
/* Private, but used by real code: resizes bytes the caller is building. */
PyAPI_FUNC(int) _PyBytes_Resize(PyObject **bytes, Py_ssize_t newsize);

#ifdef __cplusplus
}
#endif
#endif /* !Py_BYTESOBJECT_H */
