/* Reading and writing the marshal format, through RustPython's marshal
 * module: the same bytes as marshal.dumps/loads (CPython's format for
 * plain data; code objects are RustPython's own). Not included by
 * Python.h: include it after Python.h, as with CPython. */
#ifndef Py_MARSHAL_H
#define Py_MARSHAL_H
#ifdef __cplusplus
extern "C" {
#endif

/* The format version marshal.dumps writes by default (3.14's). */
#define Py_MARSHAL_VERSION 5

PyAPI_FUNC(PyObject *) PyMarshal_ReadObjectFromString(const char *data,
                                                      Py_ssize_t len);
PyAPI_FUNC(PyObject *) PyMarshal_WriteObjectToString(PyObject *value,
                                                     int version);

/* 32- and 16-bit little-endian integers; at end of file EOFError is set
 * and -1 returned. */
PyAPI_FUNC(long) PyMarshal_ReadLongFromFile(FILE *file);
PyAPI_FUNC(int) PyMarshal_ReadShortFromFile(FILE *file);
/* One object; the file is left just after it when it can seek, else at
 * its end. */
PyAPI_FUNC(PyObject *) PyMarshal_ReadObjectFromFile(FILE *file);
/* The object that is the rest of the file. */
PyAPI_FUNC(PyObject *) PyMarshal_ReadLastObjectFromFile(FILE *file);
PyAPI_FUNC(void) PyMarshal_WriteLongToFile(long value, FILE *file,
                                           int version);
/* An object that cannot be marshalled is not written, and not reported. */
PyAPI_FUNC(void) PyMarshal_WriteObjectToFile(PyObject *value, FILE *file,
                                             int version);

#ifdef __cplusplus
}
#endif
#endif /* !Py_MARSHAL_H */
