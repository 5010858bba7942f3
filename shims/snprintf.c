/* PyOS_snprintf / PyOS_vsnprintf: variadic, so written in C. The C
 * library's vsnprintf, plus CPython's promise that the output is always
 * NUL-terminated. */

#include "Python.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>

int
PyOS_vsnprintf(char *str, size_t size, const char *format, va_list va)
{
    int len;
    if (format == NULL || (str == NULL && size > 0))
        return -1;
    if (size > (size_t)INT_MAX - 1) {
        len = -666; /* CPython's sentinel for an absurd size */
    }
    else {
        len = vsnprintf(str, size, format, va);
    }
    if (size > 0)
        str[size - 1] = '\0';
    return len;
}

int
PyOS_snprintf(char *str, size_t size, const char *format, ...)
{
    va_list va;
    int r;
    va_start(va, format);
    r = PyOS_vsnprintf(str, size, format, va);
    va_end(va);
    return r;
}
