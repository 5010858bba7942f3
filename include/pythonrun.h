/* Compiling and running source code; printing exceptions. */
#ifndef Py_PYTHONRUN_H
#define Py_PYTHONRUN_H
#ifdef __cplusplus
extern "C" {
#endif

/* The start symbols are in compile.h, as in CPython. */
#include "compile.h"

typedef struct {
    int cf_flags;               /* PyCF_* / CO_FUTURE_* bits */
    int cf_feature_version;     /* minor Python version (PyCF_ONLY_AST) */
} PyCompilerFlags;

#define PyCF_ONLY_AST 0x0400
#define PyCF_IGNORE_COOKIE 0x0800
#define PyCF_TYPE_COMMENTS 0x1000
#define PyCF_ALLOW_TOP_LEVEL_AWAIT 0x2000
#define PyCF_ALLOW_INCOMPLETE_INPUT 0x4000
#define PyCF_OPTIMIZED_AST (0x8000 | PyCF_ONLY_AST)

PyAPI_FUNC(PyObject *) Py_CompileString(const char *str, const char *filename,
                                        int start);
PyAPI_FUNC(PyObject *) Py_CompileStringExFlags(const char *str,
                                               const char *filename,
                                               int start,
                                               PyCompilerFlags *flags,
                                               int optimize);
PyAPI_FUNC(PyObject *) Py_CompileStringObject(const char *str,
                                              PyObject *filename, int start,
                                              PyCompilerFlags *flags,
                                              int optimize);

PyAPI_FUNC(PyObject *) PyRun_StringFlags(const char *str, int start,
                                         PyObject *globals, PyObject *locals,
                                         PyCompilerFlags *flags);
PyAPI_FUNC(int) PyRun_SimpleStringFlags(const char *command,
                                        PyCompilerFlags *flags);
#define PyRun_String(str, s, g, l) PyRun_StringFlags((str), (s), (g), (l), _Py_NULL)
#define PyRun_SimpleString(s) PyRun_SimpleStringFlags((s), _Py_NULL)
#define Py_CompileStringFlags(str, p, s, f) \
    Py_CompileStringExFlags((str), (p), (s), (f), -1)

/* Running a C FILE: it is read to its end and run as one source (a coding
 * cookie is honoured; a .pyc is not recognised: RustPython cannot run
 * CPython's bytecode); `closeit` closes it once read. The compiler flags
 * are not read. The Simple and AnyFile forms run in __main__ and print
 * errors (0 or -1). The Interactive forms read statements with
 * PyOS_Readline (prompts sys.ps1/sys.ps2), each run in __main__ once
 * complete; InteractiveOne returns 0, -1 (error printed) or 11 (E_EOF) at
 * the end of input. */
PyAPI_FUNC(PyObject *) PyRun_FileExFlags(FILE *fp, const char *filename,
                                         int start, PyObject *globals,
                                         PyObject *locals, int closeit,
                                         PyCompilerFlags *flags);
PyAPI_FUNC(int) PyRun_SimpleFileExFlags(FILE *fp, const char *filename,
                                        int closeit, PyCompilerFlags *flags);
PyAPI_FUNC(int) PyRun_AnyFileExFlags(FILE *fp, const char *filename,
                                     int closeit, PyCompilerFlags *flags);
PyAPI_FUNC(int) PyRun_InteractiveOneFlags(FILE *fp, const char *filename,
                                          PyCompilerFlags *flags);
PyAPI_FUNC(int) PyRun_InteractiveOneObject(FILE *fp, PyObject *filename,
                                           PyCompilerFlags *flags);
PyAPI_FUNC(int) PyRun_InteractiveLoopFlags(FILE *fp, const char *filename,
                                           PyCompilerFlags *flags);

#define PyRun_AnyFile(fp, name) PyRun_AnyFileExFlags((fp), (name), 0, _Py_NULL)
#define PyRun_AnyFileEx(fp, name, closeit) \
    PyRun_AnyFileExFlags((fp), (name), (closeit), _Py_NULL)
#define PyRun_AnyFileFlags(fp, name, flags) \
    PyRun_AnyFileExFlags((fp), (name), 0, (flags))
#define PyRun_SimpleFile(f, p) PyRun_SimpleFileExFlags((f), (p), 0, _Py_NULL)
#define PyRun_SimpleFileEx(f, p, c) PyRun_SimpleFileExFlags((f), (p), (c), _Py_NULL)
#define PyRun_InteractiveOne(f, p) PyRun_InteractiveOneFlags((f), (p), _Py_NULL)
#define PyRun_InteractiveLoop(f, p) PyRun_InteractiveLoopFlags((f), (p), _Py_NULL)
#define PyRun_File(fp, p, s, g, l) \
    PyRun_FileExFlags((fp), (p), (s), (g), (l), 0, _Py_NULL)
#define PyRun_FileEx(fp, p, s, g, l, c) \
    PyRun_FileExFlags((fp), (p), (s), (g), (l), (c), _Py_NULL)
#define PyRun_FileFlags(fp, p, s, g, l, flags) \
    PyRun_FileExFlags((fp), (p), (s), (g), (l), 0, (flags))

/* A line from sys_stdin (prompt on stderr), in PyMem_Malloc memory: "" at
 * the end of input, NULL with KeyboardInterrupt or MemoryError set. It
 * reads through PyOS_ReadlineFunctionPointer when both streams are
 * terminals (PyMem_RawMalloc'd result), and calls PyOS_InputHook while
 * waiting. RustPython's own input() and REPL do not read through them. */
PyAPI_FUNC(char *) PyOS_Readline(FILE *sys_stdin, FILE *sys_stdout,
                                 const char *prompt);
typedef char *(*_PyCpyext_ReadlineFunction)(FILE *, FILE *, const char *);
typedef int (*_PyCpyext_InputHook)(void);
PyAPI_DATA(_PyCpyext_ReadlineFunction) PyOS_ReadlineFunctionPointer;
PyAPI_DATA(_PyCpyext_InputHook) PyOS_InputHook;

/* Stack headroom, in pointers, that PyOS_CheckStack keeps (Windows only). */
#define PYOS_STACK_MARGIN 2048

PyAPI_FUNC(void) PyErr_Print(void);
PyAPI_FUNC(void) PyErr_PrintEx(int set_sys_last_vars);
PyAPI_FUNC(void) PyErr_Display(PyObject *exc, PyObject *value,
                               PyObject *tb);
PyAPI_FUNC(void) PyErr_DisplayException(PyObject *exc);

#ifdef __cplusplus
}
#endif
#endif /* !Py_PYTHONRUN_H */
