/* Locale-independent conversions between strings and doubles. */
#ifndef Py_STRTOD_H
#define Py_STRTOD_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(double) PyOS_string_to_double(const char *str, char **endptr,
                                         PyObject *overflow_exception);

/* Result must be released with PyMem_Free(). */
PyAPI_FUNC(char *) PyOS_double_to_string(double val, char format_code,
                                         int precision, int flags,
                                         int *type);

/* flags */
#define Py_DTSF_SIGN 0x01
#define Py_DTSF_ADD_DOT_0 0x02
#define Py_DTSF_ALT 0x04
#define Py_DTSF_NO_NEG_0 0x08

/* *type */
#define Py_DTST_FINITE 0
#define Py_DTST_INFINITE 1
#define Py_DTST_NAN 2

#ifdef __cplusplus
}
#endif
#endif /* !Py_STRTOD_H */
