/* PyOS_mystricmp / PyOS_mystrnicmp: pure C on two byte strings, with the
 * ASCII-only case folding of pyctype.h. */

#include "Python.h"

int
PyOS_mystrnicmp(const char *a, const char *b, Py_ssize_t size)
{
    const unsigned char *p = (const unsigned char *)a;
    const unsigned char *q = (const unsigned char *)b;
    if (size == 0) {
        return 0;
    }
    /* Stop at the last byte allowed, a difference, or the end of both; a
     * negative size compares the first bytes only, as CPython's does. */
    while (--size > 0 && *p != '\0' && Py_TOLOWER(*p) == Py_TOLOWER(*q)) {
        p++;
        q++;
    }
    return Py_TOLOWER(*p) - Py_TOLOWER(*q);
}

int
PyOS_mystricmp(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a;
    const unsigned char *q = (const unsigned char *)b;
    while (*p != '\0' && Py_TOLOWER(*p) == Py_TOLOWER(*q)) {
        p++;
        q++;
    }
    return Py_TOLOWER(*p) - Py_TOLOWER(*q);
}
