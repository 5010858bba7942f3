/* Argument parsing, value building and module helpers. */
#ifndef Py_MODSUPPORT_H
#define Py_MODSUPPORT_H

#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Argument parsing (implemented in the C shims). */
PyAPI_FUNC(int) PyArg_Parse(PyObject *args, const char *format, ...);
PyAPI_FUNC(int) PyArg_ParseTuple(PyObject *args, const char *format, ...);
PyAPI_FUNC(int) PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kw,
                                            const char *format,
                                            PY_CXX_CONST char *const *keywords,
                                            ...);
PyAPI_FUNC(int) PyArg_VaParse(PyObject *args, const char *format,
                              va_list vargs);
PyAPI_FUNC(int) PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kw,
                                              const char *format,
                                              PY_CXX_CONST char *const *keywords,
                                              va_list vargs);
PyAPI_FUNC(int) PyArg_ValidateKeywordArguments(PyObject *kw);
PyAPI_FUNC(int) PyArg_UnpackTuple(PyObject *args, const char *name,
                                  Py_ssize_t min, Py_ssize_t max, ...);

/* What an O& converter returns to be called again, with NULL, to clean
 * up when parsing fails later on. */
#define Py_CLEANUP_SUPPORTED 0x20000

/* Argument Clinic's parser: a static description of a function's
 * parameters (format with "|", "$", ":name"; keywords with "" for the
 * positional-only ones). The fields after custom_msg are CPython's
 * caches; the layer computes what it needs on each call. */
typedef struct {
    uint8_t v;
} _PyOnceFlag;

typedef struct _PyArg_Parser {
    const char *format;
    const char *const *keywords;
    const char *fname;
    const char *custom_msg;
    _PyOnceFlag once;
    int is_kwtuple_owned;
    int pos;
    int min;
    int max;
    PyObject *kwtuple;
    struct _PyArg_Parser *next;
} _PyArg_Parser;

PyAPI_FUNC(int) _PyArg_ParseTupleAndKeywordsFast(PyObject *args,
                                                 PyObject *kwargs,
                                                 struct _PyArg_Parser *parser,
                                                 ...);

/* Building values */
PyAPI_FUNC(PyObject *) Py_BuildValue(const char *format, ...);
PyAPI_FUNC(PyObject *) Py_VaBuildValue(const char *format, va_list vargs);

/* Adding objects to modules */
PyAPI_FUNC(int) PyModule_AddObjectRef(PyObject *module, const char *name,
                                      PyObject *value);
PyAPI_FUNC(int) PyModule_Add(PyObject *module, const char *name,
                             PyObject *value);
PyAPI_FUNC(int) PyModule_AddObject(PyObject *module, const char *name,
                                   PyObject *value);
PyAPI_FUNC(int) PyModule_AddIntConstant(PyObject *module, const char *name,
                                        long value);
PyAPI_FUNC(int) PyModule_AddStringConstant(PyObject *module,
                                           const char *name,
                                           const char *value);
PyAPI_FUNC(int) PyModule_AddType(PyObject *module, PyTypeObject *type);

#define PyModule_AddIntMacro(m, c) PyModule_AddIntConstant((m), #c, (c))
#define PyModule_AddStringMacro(m, c) PyModule_AddStringConstant((m), #c, (c))

PyAPI_FUNC(int) PyModule_SetDocString(PyObject *module, const char *doc);
PyAPI_FUNC(int) PyModule_AddFunctions(PyObject *module,
                                      PyMethodDef *functions);
PyAPI_FUNC(int) PyModule_ExecDef(PyObject *module, PyModuleDef *def);

/* Module creation */
#define PYTHON_API_VERSION 1013
#define PYTHON_API_STRING "1013"
#define PYTHON_ABI_VERSION 3
#define PYTHON_ABI_STRING "3"

PyAPI_FUNC(PyObject *) PyModule_Create2(PyModuleDef *def,
                                        int module_api_version);
#define PyModule_Create(module) \
    PyModule_Create2((module), PYTHON_API_VERSION)

PyAPI_FUNC(PyObject *) PyModule_FromDefAndSpec2(PyModuleDef *def,
                                                PyObject *spec,
                                                int module_api_version);
#define PyModule_FromDefAndSpec(module, spec) \
    PyModule_FromDefAndSpec2((module), (spec), PYTHON_API_VERSION)

#ifdef __cplusplus
}
#endif
#endif /* !Py_MODSUPPORT_H */
