/* Case-insensitive comparison of C strings (CPython's pystrcmp.h). */
#ifndef Py_STRCMP_H
#define Py_STRCMP_H
#ifdef __cplusplus
extern "C" {
#endif

/* strcmp and strncmp (at most size bytes) with the ASCII letters folded to
 * lower case (Py_TOLOWER: locale-independent, other bytes as they are):
 * <0, 0 or >0, the difference of the first differing folded bytes. */
PyAPI_FUNC(int) PyOS_mystrnicmp(const char *a, const char *b, Py_ssize_t size);
PyAPI_FUNC(int) PyOS_mystricmp(const char *a, const char *b);

#define PyOS_strnicmp PyOS_mystrnicmp
#define PyOS_stricmp PyOS_mystricmp

#ifdef __cplusplus
}
#endif
#endif /* !Py_STRCMP_H */
