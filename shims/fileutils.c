/* Py_DecodeLocale/Py_EncodeLocale and Py_fopen (fileutils.h).
 *
 * RustPython runs in UTF-8 mode, so the locale codec is CPython's UTF-8
 * mode codec: UTF-8 with surrogateescape. Each byte that does not start a
 * valid UTF-8 sequence decodes to U+DC80..U+DCFF, and only those surrogates
 * encode back to a byte; any other surrogate (or a value above U+10FFFF)
 * cannot be encoded, and its index is the error position. */

#include "Python.h"

#include <errno.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at s (1..4), or 0. */
static int
utf8_sequence(const unsigned char *s, Py_UCS4 *ch)
{
    unsigned char c = s[0];
    int n;
    Py_UCS4 v, min;
    if (c < 0x80) {
        *ch = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    /* Overlong forms, encoded surrogates and values past U+10FFFF are
     * invalid in UTF-8. */
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *ch = v;
    return n;
}

wchar_t *
Py_DecodeLocale(const char *arg, size_t *size)
{
    size_t len = strlen(arg);
    if (len + 1 > PY_SSIZE_T_MAX / sizeof(wchar_t)) {
        if (size != NULL)
            *size = (size_t)-1;
        return NULL;
    }
    wchar_t *out = PyMem_RawMalloc((len + 1) * sizeof(wchar_t));
    if (out == NULL) {
        if (size != NULL)
            *size = (size_t)-1;
        return NULL;
    }
    const unsigned char *s = (const unsigned char *)arg;
    size_t n = 0;
    while (*s) {
        Py_UCS4 ch;
        int k = utf8_sequence(s, &ch);
        if (k == 0) {
            out[n++] = (wchar_t)(0xDC00 + *s);
            s++;
        } else {
            out[n++] = (wchar_t)ch;
            s += k;
        }
    }
    out[n] = L'\0';
    if (size != NULL)
        *size = n;
    return out;
}

char *
Py_EncodeLocale(const wchar_t *text, size_t *error_pos)
{
    size_t len = wcslen(text);
    if (error_pos != NULL)
        *error_pos = (size_t)-1;
    if (len + 1 > PY_SSIZE_T_MAX / 4)
        return NULL;
    unsigned char *out = PyMem_Malloc(len * 4 + 1);
    if (out == NULL)
        return NULL;
    unsigned char *p = out;
    for (size_t i = 0; i < len; i++) {
        Py_UCS4 ch = (Py_UCS4)text[i];
        if (ch >= 0xDC80 && ch <= 0xDCFF) {
            *p++ = (unsigned char)(ch - 0xDC00);
        } else if ((ch >= 0xD800 && ch <= 0xDFFF) || ch > 0x10FFFF) {
            PyMem_Free(out);
            if (error_pos != NULL)
                *error_pos = i;
            return NULL;
        } else if (ch < 0x80) {
            *p++ = (unsigned char)ch;
        } else if (ch < 0x800) {
            *p++ = (unsigned char)(0xC0 | (ch >> 6));
            *p++ = (unsigned char)(0x80 | (ch & 0x3F));
        } else if (ch < 0x10000) {
            *p++ = (unsigned char)(0xE0 | (ch >> 12));
            *p++ = (unsigned char)(0x80 | ((ch >> 6) & 0x3F));
            *p++ = (unsigned char)(0x80 | (ch & 0x3F));
        } else {
            *p++ = (unsigned char)(0xF0 | (ch >> 18));
            *p++ = (unsigned char)(0x80 | ((ch >> 12) & 0x3F));
            *p++ = (unsigned char)(0x80 | ((ch >> 6) & 0x3F));
            *p++ = (unsigned char)(0x80 | (ch & 0x3F));
        }
    }
    *p = '\0';
    return (char *)out;
}

FILE *
Py_fopen(PyObject *path, const char *mode)
{
    if (path == NULL || mode == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PySys_Audit("open", "Osi", path, mode, 0) < 0)
        return NULL;
    PyObject *os = PyImport_ImportModule("os");
    if (os == NULL)
        return NULL;
    PyObject *bytes = PyObject_CallMethod(os, "fsencode", "O", path);
    Py_DECREF(os);
    if (bytes == NULL)
        return NULL;
    const char *cpath = PyBytes_AS_STRING(bytes);
    if (strlen(cpath) != (size_t)PyBytes_GET_SIZE(bytes)) {
        Py_DECREF(bytes);
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return NULL;
    }
    /* "e": close-on-exec, as every file CPython opens. */
    size_t mlen = strlen(mode);
    char *cmode = PyMem_Malloc(mlen + 2);
    if (cmode == NULL) {
        Py_DECREF(bytes);
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(cmode, mode, mlen);
    cmode[mlen] = 'e';
    cmode[mlen + 1] = '\0';
    FILE *f;
    do {
        errno = 0;
        Py_BEGIN_ALLOW_THREADS
        f = fopen(cpath, cmode);
        Py_END_ALLOW_THREADS
    } while (f == NULL && errno == EINTR && PyErr_CheckSignals() == 0);
    PyMem_Free(cmode);
    if (f == NULL && !PyErr_Occurred())
        PyErr_SetFromErrnoWithFilename(PyExc_OSError, cpath);
    Py_DECREF(bytes);
    return f;
}

int
Py_fclose(FILE *file)
{
    return fclose(file);
}

