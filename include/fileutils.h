/* Locale encoding of command-line and file-system strings, and fopen from
 * a path object. */
#ifndef Py_FILEUTILS_H
#define Py_FILEUTILS_H

#include <sys/stat.h>

#ifdef __cplusplus
extern "C" {
#endif

/* RustPython always runs in UTF-8 mode (sys.flags.utf8_mode is 1), so the
 * "locale encoding" here is UTF-8 with the surrogateescape error handler,
 * as CPython's in UTF-8 mode. Py_DecodeLocale's result is freed with
 * PyMem_RawFree, Py_EncodeLocale's with PyMem_Free. */
PyAPI_FUNC(wchar_t *) Py_DecodeLocale(const char *arg, size_t *size);
PyAPI_FUNC(char *) Py_EncodeLocale(const wchar_t *text, size_t *error_pos);

/* fopen() of a str, bytes or os.PathLike path, close-on-exec; NULL with
 * OSError set on failure. */
PyAPI_FUNC(FILE *) Py_fopen(PyObject *path, const char *mode);
PyAPI_FUNC(int) Py_fclose(FILE *file);

/* The 3.13 spelling, kept by 3.14 as an alias. */
Py_DEPRECATED(3.14) static inline FILE *
_Py_fopen_obj(PyObject *path, const char *mode)
{
    return Py_fopen(path, mode);
}

#ifdef __cplusplus
}
#endif
#endif /* !Py_FILEUTILS_H */
