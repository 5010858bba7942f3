/* Access to the sys module. */
#ifndef Py_SYSMODULE_H
#define Py_SYSMODULE_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(PyObject *) PySys_GetObject(const char *name);
PyAPI_FUNC(int) PySys_SetObject(const char *name, PyObject *v);
PyAPI_FUNC(PyObject *) PySys_GetXOptions(void);

PyAPI_FUNC(void) PySys_WriteStdout(const char *format, ...)
    __attribute__((format(printf, 1, 2)));
PyAPI_FUNC(void) PySys_WriteStderr(const char *format, ...)
    __attribute__((format(printf, 1, 2)));
PyAPI_FUNC(void) PySys_FormatStdout(const char *format, ...);
PyAPI_FUNC(void) PySys_FormatStderr(const char *format, ...);

PyAPI_FUNC(int) PySys_Audit(const char *event, const char *format, ...);
PyAPI_FUNC(int) PySys_AuditTuple(const char *event, PyObject *args);

#ifdef __cplusplus
}
#endif
#endif /* !Py_SYSMODULE_H */
