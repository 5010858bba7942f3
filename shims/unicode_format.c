/* PyUnicode_FromFormat[V], PyBytes_FromFormat[V].
 *
 * Variadic, so written in C. The text is assembled as UTF-8 in a growable
 * buffer and decoded once at the end. Lone surrogates (from str arguments,
 * %c or %ls) are carried as "surrogatepass" UTF-8 and decoded the same way,
 * so they survive like in CPython. Conversions follow the 3.14 docs. */

#include "Python.h"

#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <wchar.h>

typedef struct {
    char *p;
    size_t len, cap;
    int surrogates;
    char store[256];
} Buf;

enum { LM_NONE, LM_L, LM_LL, LM_Z, LM_T, LM_J };

typedef struct {
    int left, zero, alt;
    Py_ssize_t width; /* -1: none */
    Py_ssize_t prec;  /* -1: none */
    int lm;
} Spec;

static void
buf_init(Buf *b)
{
    b->p = b->store;
    b->len = 0;
    b->cap = sizeof b->store;
    b->surrogates = 0;
}

static void
buf_free(Buf *b)
{
    if (b->p != b->store)
        PyMem_Free(b->p);
}

static int
buf_reserve(Buf *b, size_t extra)
{
    size_t need = b->len + extra, cap;
    char *n;

    if (need <= b->cap)
        return 0;
    if (need < b->len || need > (size_t)PY_SSIZE_T_MAX) {
        PyErr_NoMemory();
        return -1;
    }
    cap = b->cap;
    while (cap < need)
        cap = cap > (size_t)PY_SSIZE_T_MAX / 2 ? need : cap * 2;
    if (b->p == b->store) {
        n = PyMem_Malloc(cap);
        if (n != NULL)
            memcpy(n, b->p, b->len);
    }
    else {
        n = PyMem_Realloc(b->p, cap);
    }
    if (n == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->p = n;
    b->cap = cap;
    return 0;
}

static int
buf_put(Buf *b, const char *s, size_t n)
{
    if (buf_reserve(b, n) < 0)
        return -1;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

static int
buf_fill(Buf *b, char c, size_t n)
{
    if (buf_reserve(b, n) < 0)
        return -1;
    memset(b->p + b->len, c, n);
    b->len += n;
    return 0;
}

/* Encodes any code point up to U+10FFFF; surrogates get the 3-byte form. */
static size_t
utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int
is_surrogate(uint32_t cp)
{
    return cp >= 0xD800 && cp <= 0xDFFF;
}

static int
put_codepoint(Buf *b, uint32_t cp)
{
    char tmp[4];
    if (is_surrogate(cp))
        b->surrogates = 1;
    return buf_put(b, tmp, utf8_encode(cp, tmp));
}

/* Strict UTF-8: no overlongs, no surrogates, nothing above U+10FFFF. */
static int
utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t k;
        uint32_t cp;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            k = 1;
            cp = c & 0x1F;
        }
        else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
            cp = c & 0x0F;
        }
        else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
            cp = c & 0x07;
        }
        else {
            return 0;
        }
        if (n - i <= k)
            return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + j] & 0x3F);
        }
        if ((k == 2 && (cp < 0x800 || is_surrogate(cp))) ||
            (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        i += k + 1;
    }
    return 1;
}

static size_t
utf8_chars(const char *s, size_t n)
{
    size_t i, c = 0;
    for (i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Byte length of the first `chars` code points of s[0:n]. */
static size_t
utf8_prefix(const char *s, size_t n, size_t chars)
{
    size_t i = 0;
    while (i < n && chars > 0) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        chars--;
    }
    return i;
}

/* s[0:n] is `chars` code points; pads it to the field width. */
static int
put_field(Buf *b, const char *s, size_t n, size_t chars, const Spec *sp)
{
    size_t pad = 0;
    if (sp->width > 0 && (size_t)sp->width > chars)
        pad = (size_t)sp->width - chars;
    if (!sp->left && pad > 0 && buf_fill(b, ' ', pad) < 0)
        return -1;
    if (buf_put(b, s, n) < 0)
        return -1;
    if (sp->left && pad > 0 && buf_fill(b, ' ', pad) < 0)
        return -1;
    return 0;
}

/* UTF-8 text whose precision counts code points. */
static int
put_text(Buf *b, const char *s, size_t n, const Spec *sp)
{
    if (sp->prec >= 0)
        n = utf8_prefix(s, n, (size_t)sp->prec);
    return put_field(b, s, n, utf8_chars(s, n), sp);
}

static int
put_str_object(Buf *b, PyObject *str, const Spec *sp)
{
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(str, &n);
    PyObject *bytes;
    char *bs;
    int r;

    if (s != NULL)
        return put_text(b, s, (size_t)n, sp);
    /* Most likely lone surrogates, which strict UTF-8 refuses. */
    PyErr_Clear();
    bytes = PyUnicode_AsEncodedString(str, "utf-8", "surrogatepass");
    if (bytes == NULL)
        return -1;
    if (PyBytes_AsStringAndSize(bytes, &bs, &n) < 0) {
        Py_DECREF(bytes);
        return -1;
    }
    b->surrogates = 1;
    r = put_text(b, bs, (size_t)n, sp);
    Py_DECREF(bytes);
    return r;
}

/* %S %R %A %U on a possibly non-str result; steals `obj`. */
static int
put_new_object(Buf *b, PyObject *obj, const Spec *sp)
{
    int r;
    if (obj == NULL)
        return -1;
    r = put_str_object(b, obj, sp);
    Py_DECREF(obj);
    return r;
}

/* %s: precision counts bytes; invalid UTF-8 is decoded with "replace". */
static int
put_cstr(Buf *b, const char *s, const Spec *sp)
{
    Spec whole = *sp;
    size_t n = 0;
    PyObject *u;

    if (s == NULL)
        s = "(null)";
    if (sp->prec >= 0) {
        while (n < (size_t)sp->prec && s[n] != '\0')
            n++;
    }
    else {
        n = strlen(s);
    }
    whole.prec = -1;
    if (utf8_valid((const unsigned char *)s, n))
        return put_text(b, s, n, &whole);
    if (n > (size_t)PY_SSIZE_T_MAX) {
        PyErr_NoMemory();
        return -1;
    }
    u = PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, "replace");
    return put_new_object(b, u, &whole);
}

/* %ls: precision counts wchar_t units. */
static int
put_wstr(Buf *b, const wchar_t *w, const Spec *sp)
{
    Spec whole = *sp;
    Buf tmp;
    size_t n = 0, i;
    int r;

    if (w == NULL)
        return put_cstr(b, NULL, sp);
    if (sp->prec >= 0) {
        while (n < (size_t)sp->prec && w[n] != 0)
            n++;
    }
    else {
        n = wcslen(w);
    }
    buf_init(&tmp);
    for (i = 0; i < n; i++) {
        uint32_t cp = (uint32_t)w[i];
        if (sizeof(wchar_t) == 2) {
            cp &= 0xFFFF;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n) {
                uint32_t lo = (uint32_t)w[i + 1] & 0xFFFF;
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i++;
                }
            }
        }
        if (cp > 0x10FFFF) {
            PyErr_Format(PyExc_ValueError,
                         "character U+%x is not in range [U+0000; U+10ffff]",
                         (unsigned int)cp);
            buf_free(&tmp);
            return -1;
        }
        if (put_codepoint(&tmp, cp) < 0) {
            buf_free(&tmp);
            return -1;
        }
    }
    if (tmp.surrogates)
        b->surrogates = 1;
    whole.prec = -1;
    r = put_text(b, tmp.p, tmp.len, &whole);
    buf_free(&tmp);
    return r;
}

static int
put_integer(Buf *b, char conv, int neg, uintmax_t mag, const Spec *sp)
{
    const char *digit_set =
        conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
    char digits[sizeof(uintmax_t) * CHAR_BIT];
    size_t nd = 0, ndigits, body, pad = 0, i;

    do { /* at least one digit: "%.0d" of 0 is "0", unlike C */
        digits[nd++] = digit_set[mag % base];
        mag /= base;
    } while (mag != 0);
    ndigits = nd;
    if (sp->prec >= 0 && (size_t)sp->prec > ndigits)
        ndigits = (size_t)sp->prec;
    body = (size_t)neg + ndigits;
    if (sp->width > 0 && (size_t)sp->width > body) {
        /* Unlike C, '0' applies even when a precision is given. */
        if (sp->zero && !sp->left)
            ndigits += (size_t)sp->width - body;
        else
            pad = (size_t)sp->width - body;
    }
    if (buf_reserve(b, pad + (size_t)neg + ndigits) < 0)
        return -1;
    if (!sp->left)
        buf_fill(b, ' ', pad);
    if (neg)
        b->p[b->len++] = '-';
    buf_fill(b, '0', ndigits - nd);
    for (i = nd; i > 0; i--)
        b->p[b->len++] = digits[i - 1];
    if (sp->left)
        buf_fill(b, ' ', pad);
    return 0;
}

/* Module-qualified type name for %T and %N; `alt` uses ':' as separator.
   builtins and __main__ are left out, as CPython does. */
static int
put_type_name(Buf *b, PyObject *type, const Spec *sp)
{
    PyObject *qual, *mod;
    const char *q, *m = NULL;
    Py_ssize_t qn, mn = 0;
    Buf tmp;
    int r = -1;

    qual = PyObject_GetAttrString(type, "__qualname__");
    if (qual == NULL)
        return -1;
    q = PyUnicode_Check(qual) ? PyUnicode_AsUTF8AndSize(qual, &qn) : NULL;
    if (q == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "type __qualname__ is not a str");
        Py_DECREF(qual);
        return -1;
    }
    mod = PyObject_GetAttrString(type, "__module__");
    if (mod == NULL) {
        PyErr_Clear();
    }
    else if (PyUnicode_Check(mod)) {
        m = PyUnicode_AsUTF8AndSize(mod, &mn);
        if (m == NULL)
            PyErr_Clear();
        else if (strcmp(m, "builtins") == 0 || strcmp(m, "__main__") == 0)
            m = NULL;
    }
    buf_init(&tmp);
    if ((m == NULL || (buf_put(&tmp, m, (size_t)mn) == 0 &&
                       buf_put(&tmp, sp->alt ? ":" : ".", 1) == 0)) &&
        buf_put(&tmp, q, (size_t)qn) == 0)
        r = put_text(b, tmp.p, tmp.len, sp);
    buf_free(&tmp);
    Py_XDECREF(mod);
    Py_DECREF(qual);
    return r;
}

static int
null_object(const char *unit)
{
    PyErr_Format(PyExc_SystemError, "NULL object passed to %s", unit);
    return -1;
}

/* Reads a decimal field; -1 with ValueError when it cannot fit. */
static int
read_number(const char **pf, Py_ssize_t *out, const char *what)
{
    Py_ssize_t v = 0;
    while (**pf >= '0' && **pf <= '9') {
        int d = **pf - '0';
        if (v > (PY_SSIZE_T_MAX - d) / 10) {
            PyErr_Format(PyExc_ValueError, "%s too big", what);
            return -1;
        }
        v = v * 10 + d;
        (*pf)++;
    }
    *out = v;
    return 0;
}

/* Formats one conversion starting just after '%'; advances *pf past it. */
static int
format_one(Buf *b, const char **pf, va_list *ap)
{
    const char *start = *pf - 1;
    const char *f = *pf;
    Spec sp;
    char conv;

    sp.left = sp.zero = sp.alt = 0;
    sp.width = sp.prec = -1;
    sp.lm = LM_NONE;

    for (;; f++) {
        if (*f == '-')
            sp.left = 1;
        else if (*f == '0')
            sp.zero = 1;
        else if (*f == '#')
            sp.alt = 1;
        else
            break;
    }
    if (*f == '*') {
        int w = va_arg(*ap, int);
        f++;
        if (w < 0) {
            sp.left = 1;
            sp.width = w == INT_MIN ? (Py_ssize_t)INT_MAX + 1 : -(Py_ssize_t)w;
        }
        else {
            sp.width = w;
        }
    }
    else if (*f >= '0' && *f <= '9') {
        if (read_number(&f, &sp.width, "width") < 0)
            return -1;
    }
    if (*f == '.') {
        f++;
        if (*f == '*') {
            int p = va_arg(*ap, int);
            f++;
            sp.prec = p < 0 ? -1 : p;
        }
        else if (read_number(&f, &sp.prec, "precision") < 0) {
            return -1;
        }
    }
    if (*f == 'l') {
        f++;
        sp.lm = LM_L;
        if (*f == 'l') {
            f++;
            sp.lm = LM_LL;
        }
    }
    else if (*f == 'z') {
        f++;
        sp.lm = LM_Z;
    }
    else if (*f == 't') {
        f++;
        sp.lm = LM_T;
    }
    else if (*f == 'j') {
        f++;
        sp.lm = LM_J;
    }
    conv = *f;
    if (conv != '\0')
        f++;
    *pf = f;

    switch (conv) {
    case 'd':
    case 'i': {
        intmax_t v;
        switch (sp.lm) {
        case LM_L: v = va_arg(*ap, long); break;
        case LM_LL: v = va_arg(*ap, long long); break;
        case LM_Z: v = va_arg(*ap, Py_ssize_t); break;
        case LM_T: v = va_arg(*ap, ptrdiff_t); break;
        case LM_J: v = va_arg(*ap, intmax_t); break;
        default: v = va_arg(*ap, int); break;
        }
        return put_integer(b, conv, v < 0,
                           v < 0 ? (uintmax_t)0 - (uintmax_t)v : (uintmax_t)v,
                           &sp);
    }
    case 'u':
    case 'o':
    case 'x':
    case 'X': {
        uintmax_t v;
        switch (sp.lm) {
        case LM_L: v = va_arg(*ap, unsigned long); break;
        case LM_LL: v = va_arg(*ap, unsigned long long); break;
        case LM_Z: v = va_arg(*ap, size_t); break;
        case LM_T: v = (size_t)va_arg(*ap, ptrdiff_t); break;
        case LM_J: v = va_arg(*ap, uintmax_t); break;
        default: v = va_arg(*ap, unsigned int); break;
        }
        return put_integer(b, conv, 0, v, &sp);
    }
    case 's':
        if (sp.lm == LM_L)
            return put_wstr(b, va_arg(*ap, const wchar_t *), &sp);
        if (sp.lm != LM_NONE)
            break;
        return put_cstr(b, va_arg(*ap, const char *), &sp);
    case 'V': {
        PyObject *obj;
        const void *str;
        if (sp.lm != LM_NONE && sp.lm != LM_L)
            break;
        obj = va_arg(*ap, PyObject *);
        str = va_arg(*ap, const void *);
        if (obj != NULL) {
            if (!PyUnicode_Check(obj))
                return put_new_object(b, PyObject_Str(obj), &sp);
            return put_str_object(b, obj, &sp);
        }
        if (str == NULL)
            return null_object("%V");
        if (sp.lm == LM_L)
            return put_wstr(b, (const wchar_t *)str, &sp);
        return put_cstr(b, (const char *)str, &sp);
    }
    default:
        if (sp.lm != LM_NONE)
            break;
        switch (conv) {
        case 'c': {
            int ch = va_arg(*ap, int);
            if (ch < 0 || ch > 0x10FFFF) {
                PyErr_SetString(PyExc_OverflowError,
                                "character argument not in range(0x110000)");
                return -1;
            }
            /* Width and precision are ignored, as in CPython. */
            return put_codepoint(b, (uint32_t)ch);
        }
        case 'p': {
            /* CPython's form: 0x and lower-case hex. */
            uintptr_t v = (uintptr_t)va_arg(*ap, void *);
            char tmp[2 + sizeof(uintptr_t) * 2];
            char rev[sizeof(uintptr_t) * 2];
            size_t n = 0, k = 0;
            do {
                rev[n++] = "0123456789abcdef"[v & 0xF];
                v >>= 4;
            } while (v != 0);
            tmp[k++] = '0';
            tmp[k++] = 'x';
            while (n > 0)
                tmp[k++] = rev[--n];
            return put_field(b, tmp, k, k, &sp);
        }
        case 'U': {
            PyObject *obj = va_arg(*ap, PyObject *);
            if (obj == NULL)
                return null_object("%U");
            if (!PyUnicode_Check(obj))
                return put_new_object(b, PyObject_Str(obj), &sp);
            return put_str_object(b, obj, &sp);
        }
        case 'S':
        case 'R':
        case 'A': {
            PyObject *obj = va_arg(*ap, PyObject *);
            if (obj == NULL) /* CPython's str()/repr() of NULL */
                return put_text(b, "<NULL>", 6, &sp);
            return put_new_object(b,
                                  conv == 'S'   ? PyObject_Str(obj)
                                  : conv == 'R' ? PyObject_Repr(obj)
                                                : PyObject_ASCII(obj),
                                  &sp);
        }
        case 'T': {
            PyObject *obj = va_arg(*ap, PyObject *);
            if (obj == NULL)
                return put_text(b, "<NULL>", 6, &sp);
            return put_type_name(b, (PyObject *)Py_TYPE(obj), &sp);
        }
        case 'N': {
            PyObject *type = va_arg(*ap, PyObject *);
            if (type == NULL)
                return null_object("%N");
            if (!PyType_Check(type)) {
                PyErr_SetString(PyExc_TypeError, "%N argument must be a type");
                return -1;
            }
            return put_type_name(b, type, &sp);
        }
        }
        break;
    }
    PyErr_Format(PyExc_SystemError, "invalid format string: %s", start);
    return -1;
}

PyObject *
PyUnicode_FromFormatV(const char *format, va_list vargs)
{
    Buf b;
    va_list ap;
    const char *f = format;
    PyObject *r = NULL;

    if (format == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    buf_init(&b);
    va_copy(ap, vargs);
    while (*f != '\0') {
        if (*f == '%' && f[1] == '%') {
            if (buf_put(&b, "%", 1) < 0)
                goto done;
            f += 2;
        }
        else if (*f == '%') {
            f++;
            if (format_one(&b, &f, &ap) < 0)
                goto done;
        }
        else {
            const char *run = f;
            while (*f != '\0' && *f != '%') {
                if ((unsigned char)*f > 127) {
                    PyErr_Format(PyExc_ValueError,
                                 "PyUnicode_FromFormatV() expects an "
                                 "ASCII-encoded format string, got a "
                                 "non-ASCII byte: 0x%02x",
                                 (unsigned int)(unsigned char)*f);
                    goto done;
                }
                f++;
            }
            if (buf_put(&b, run, (size_t)(f - run)) < 0)
                goto done;
        }
    }
    if (b.surrogates)
        r = PyUnicode_DecodeUTF8(b.p, (Py_ssize_t)b.len, "surrogatepass");
    else
        r = PyUnicode_FromStringAndSize(b.p, (Py_ssize_t)b.len);
done:
    va_end(ap);
    buf_free(&b);
    return r;
}

PyObject *
PyUnicode_FromFormat(const char *format, ...)
{
    va_list va;
    PyObject *r;
    va_start(va, format);
    r = PyUnicode_FromFormatV(format, va);
    va_end(va);
    return r;
}

/* PyBytes_FromFormatV keeps CPython's smaller, older dialect: widths are
   ignored, "%.Ns" limits bytes (N <= 0 means no limit), l and z only with
   d/u, and an unknown conversion copies the rest of the format verbatim. */
PyObject *
PyBytes_FromFormatV(const char *format, va_list vargs)
{
    Buf b;
    va_list ap;
    const char *f = format;
    PyObject *r = NULL;

    if (format == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    buf_init(&b);
    va_copy(ap, vargs);
    while (*f != '\0') {
        const char *start = f;
        char num[3 * sizeof(uintmax_t) + 4];
        int n = -1, lm = LM_NONE;
        Py_ssize_t prec = 0;

        if (*f != '%') {
            while (*f != '\0' && *f != '%')
                f++;
            if (buf_put(&b, start, (size_t)(f - start)) < 0)
                goto done;
            continue;
        }
        f++;
        while (*f >= '0' && *f <= '9')
            f++;
        if (*f == '.') {
            f++;
            for (; *f >= '0' && *f <= '9'; f++) {
                if (prec < PY_SSIZE_T_MAX / 10 - 9)
                    prec = prec * 10 + (*f - '0');
            }
        }
        while (*f != '\0' && *f != '%' &&
               !((*f >= 'a' && *f <= 'z') || (*f >= 'A' && *f <= 'Z')))
            f++;
        if ((*f == 'l' || *f == 'z') && (f[1] == 'd' || f[1] == 'u')) {
            lm = *f == 'l' ? LM_L : LM_Z;
            f++;
        }
        switch (*f) {
        case '%':
            n = snprintf(num, sizeof num, "%%");
            break;
        case 'c': {
            int c = va_arg(ap, int);
            if (c < 0 || c > 255) {
                PyErr_SetString(PyExc_OverflowError,
                                "PyBytes_FromFormatV(): %c format expects an "
                                "integer in range [0; 255]");
                goto done;
            }
            num[0] = (char)c;
            n = 1;
            break;
        }
        case 'd':
            if (lm == LM_L)
                n = snprintf(num, sizeof num, "%ld", va_arg(ap, long));
            else if (lm == LM_Z)
                n = snprintf(num, sizeof num, "%zd", va_arg(ap, Py_ssize_t));
            else
                n = snprintf(num, sizeof num, "%d", va_arg(ap, int));
            break;
        case 'u':
            if (lm == LM_L)
                n = snprintf(num, sizeof num, "%lu", va_arg(ap, unsigned long));
            else if (lm == LM_Z)
                n = snprintf(num, sizeof num, "%zu", va_arg(ap, size_t));
            else
                n = snprintf(num, sizeof num, "%u", va_arg(ap, unsigned int));
            break;
        case 'i':
            n = snprintf(num, sizeof num, "%i", va_arg(ap, int));
            break;
        case 'x':
            n = snprintf(num, sizeof num, "%x", va_arg(ap, unsigned int));
            break;
        case 'p':
            n = snprintf(num, sizeof num, "0x%jx",
                         (uintmax_t)(uintptr_t)va_arg(ap, void *));
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            size_t len = 0;
            if (s == NULL)
                s = "(null)";
            if (prec <= 0)
                len = strlen(s);
            else
                while (len < (size_t)prec && s[len] != '\0')
                    len++;
            if (buf_put(&b, s, len) < 0)
                goto done;
            break;
        }
        default:
            if (buf_put(&b, start, strlen(start)) < 0)
                goto done;
            goto finish;
        }
        if (n > 0 && buf_put(&b, num, (size_t)n) < 0)
            goto done;
        f++;
    }
finish:
    r = PyBytes_FromStringAndSize(b.p, (Py_ssize_t)b.len);
done:
    va_end(ap);
    buf_free(&b);
    return r;
}

PyObject *
PyBytes_FromFormat(const char *format, ...)
{
    va_list va;
    PyObject *r;
    va_start(va, format);
    r = PyBytes_FromFormatV(format, va);
    va_end(va);
    return r;
}

/* Formats as PyUnicode_FromFormat does and writes the result: on error the
 * writer is unchanged, as CPython documents. */
int
PyUnicodeWriter_Format(PyUnicodeWriter *writer, const char *format, ...)
{
    va_list va;
    PyObject *s;
    int r;
    va_start(va, format);
    s = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (s == NULL)
        return -1;
    r = PyUnicodeWriter_WriteStr(writer, s);
    Py_DECREF(s);
    return r;
}
