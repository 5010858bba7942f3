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

/* A C audit hook: called for every audit event with its name, its
 * arguments (a tuple) and userData; -1 with an exception aborts the event.
 * Installed through sys.addaudithook, so it runs in turn with the Python
 * hooks. */
typedef int (*Py_AuditHookFunction)(const char *, PyObject *, void *);
PyAPI_FUNC(int) PySys_AddAuditHook(Py_AuditHookFunction hook, void *userData);

/* sys.argv from C (deprecated since 3.11). With updatepath, the script's
 * directory (argv[0]'s, after its symlinks; the current directory for
 * "-m"; "" for "-c" or a bare name) goes first in sys.path; PySys_SetArgv
 * updates the path unless -I. */
Py_DEPRECATED(3.11) PyAPI_FUNC(void) PySys_SetArgv(int argc, wchar_t **argv);
Py_DEPRECATED(3.11) PyAPI_FUNC(void) PySys_SetArgvEx(int argc, wchar_t **argv,
                                                     int updatepath);
/* Empties sys.warnoptions. */
Py_DEPRECATED(3.13) PyAPI_FUNC(void) PySys_ResetWarnOptions(void);

/* The perf map and trampoline (Linux perf profiling of Python frames):
 * RustPython has no perf trampoline (see cpyext/missing.h). */
typedef struct {
    FILE *perf_map;
    PyThread_type_lock map_lock;
} PerfMapState;
PyAPI_FUNC(int) PyUnstable_PerfMapState_Init(void);
PyAPI_FUNC(int) PyUnstable_WritePerfMapEntry(const void *code_addr,
                                             unsigned int code_size,
                                             const char *entry_name);
PyAPI_FUNC(void) PyUnstable_PerfMapState_Fini(void);
PyAPI_FUNC(int) PyUnstable_CopyPerfMapFile(const char *parent_filename);
PyAPI_FUNC(int) PyUnstable_PerfTrampoline_CompileCode(PyCodeObject *code);
PyAPI_FUNC(int) PyUnstable_PerfTrampoline_SetPersistAfterFork(int enable);

#ifdef __cplusplus
}
#endif
#endif /* !Py_SYSMODULE_H */
