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

PyAPI_FUNC(void) PyErr_Print(void);
PyAPI_FUNC(void) PyErr_PrintEx(int set_sys_last_vars);
PyAPI_FUNC(void) PyErr_Display(PyObject *exc, PyObject *value,
                               PyObject *tb);
PyAPI_FUNC(void) PyErr_DisplayException(PyObject *exc);

#ifdef __cplusplus
}
#endif
#endif /* !Py_PYTHONRUN_H */
