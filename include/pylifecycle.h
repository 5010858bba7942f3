/* Interpreter start-up, shutdown and version information. */
#ifndef Py_PYLIFECYCLE_H
#define Py_PYLIFECYCLE_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(void) Py_Initialize(void);
PyAPI_FUNC(void) Py_InitializeEx(int initsigs);
PyAPI_FUNC(void) Py_Finalize(void);
PyAPI_FUNC(int) Py_FinalizeEx(void);
PyAPI_FUNC(int) Py_IsInitialized(void);
PyAPI_FUNC(int) Py_IsFinalizing(void);

PyAPI_FUNC(int) Py_AtExit(void (*func)(void));
PyAPI_FUNC(void) _Py_NO_RETURN Py_Exit(int status);

PyAPI_FUNC(const char *) Py_GetVersion(void);
PyAPI_FUNC(const char *) Py_GetPlatform(void);
PyAPI_FUNC(const char *) Py_GetCopyright(void);
PyAPI_FUNC(const char *) Py_GetCompiler(void);
PyAPI_FUNC(const char *) Py_GetBuildInfo(void);

/* PY_VERSION_HEX of the running interpreter. */
PyAPI_DATA(const unsigned long) Py_Version;

#ifdef __cplusplus
}
#endif
#endif /* !Py_PYLIFECYCLE_H */
