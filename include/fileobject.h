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

/* fgets that reads "\r" and "\r\n" as "\n"; NULL at end of file. fobj
 * must be NULL (else NULL with errno ENXIO), as in CPython 3. */
PyAPI_FUNC(char *) Py_UniversalNewlineFgets(char *buf, int n, FILE *stream,
                                           PyObject *fobj);

/* A minimal text stream on fd 1 or 2 (NULL, no exception, for another
 * descriptor): CPython's preliminary sys.stderr. write(str) writes UTF-8
 * (backslashreplace) and returns the bytes written. */
PyAPI_FUNC(PyObject *) PyFile_NewStdPrinter(int fd);
PyAPI_DATA(PyTypeObject) PyStdPrinter_Type;

/* Opening source and bytecode files for reading: io.open_code(path). A hook
 * set once with PyFile_SetOpenCodeHook replaces it, for io.open_code and
 * the import system as well (audit event "setopencodehook"); a second one
 * is refused with SystemError. */
typedef PyObject *(*Py_OpenCodeHookFunction)(PyObject *, void *);
PyAPI_FUNC(PyObject *) PyFile_OpenCode(const char *utf8path);
PyAPI_FUNC(PyObject *) PyFile_OpenCodeObject(PyObject *path);
PyAPI_FUNC(int) PyFile_SetOpenCodeHook(Py_OpenCodeHookFunction hook,
                                       void *userData);

/* Deprecated globals describing the file system encoding. */
PyAPI_DATA(const char *) Py_FileSystemDefaultEncoding;
PyAPI_DATA(const char *) Py_FileSystemDefaultEncodeErrors;
PyAPI_DATA(int) Py_HasFileSystemDefaultEncoding;
/* 1: RustPython always runs in UTF-8 mode (PEP 540). */
PyAPI_DATA(int) Py_UTF8Mode;

#ifdef __cplusplus
}
#endif
#endif /* !Py_FILEOBJECT_H */
