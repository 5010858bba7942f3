/* File helpers. */
#ifndef Py_FILEOBJECT_H
#define Py_FILEOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#define PY_STDIOTEXTMODE "b"

PyAPI_FUNC(PyObject *) PyFile_FromFd(int fd, const char *name,
                                     const char *mode, int buffering,
                                     const char *encoding,
                                     const char *errors,
                                     const char *newline, int closefd);
PyAPI_FUNC(PyObject *) PyFile_GetLine(PyObject *p, int n);
PyAPI_FUNC(int) PyFile_WriteObject(PyObject *obj, PyObject *p, int flags);
PyAPI_FUNC(int) PyFile_WriteString(const char *s, PyObject *p);
PyAPI_FUNC(int) PyObject_AsFileDescriptor(PyObject *o);

/* Deprecated globals describing the file system encoding. */
PyAPI_DATA(const char *) Py_FileSystemDefaultEncoding;
PyAPI_DATA(const char *) Py_FileSystemDefaultEncodeErrors;
PyAPI_DATA(int) Py_HasFileSystemDefaultEncoding;

#ifdef __cplusplus
}
#endif
#endif /* !Py_FILEOBJECT_H */
