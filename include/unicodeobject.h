/* str objects.
 *
 * A str C sees has CPython's compact layout: a PyASCIIObject (ASCII text)
 * or PyCompactUnicodeObject header with the code points right after it, one,
 * two or four bytes each (its kind), NUL-terminated. So the inline macros
 * (PyUnicode_GET_LENGTH, KIND, DATA, READ, WRITE) read real memory. A str
 * made by PyUnicode_New may be filled with PyUnicode_WRITE until it is
 * handed to Python. */
#ifndef Py_UNICODEOBJECT_H
#define Py_UNICODEOBJECT_H

#include <stdarg.h>
#include <wchar.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t Py_UCS4;
typedef uint16_t Py_UCS2;
typedef uint8_t Py_UCS1;
typedef wchar_t Py_UNICODE;        /* deprecated */
typedef wchar_t PY_UNICODE_TYPE;   /* deprecated */

#define Py_UNICODE_SIZE SIZEOF_WCHAR_T
/* wchar_t holds UCS-4 on 64-bit Linux. */
#define Py_UNICODE_WIDE
#define Py_USING_UNICODE

/* Surrogate pairs (UTF-16 code units). */
static inline int Py_UNICODE_IS_SURROGATE(Py_UCS4 ch)
{
    return 0xD800 <= ch && ch <= 0xDFFF;
}
static inline int Py_UNICODE_IS_HIGH_SURROGATE(Py_UCS4 ch)
{
    return 0xD800 <= ch && ch <= 0xDBFF;
}
static inline int Py_UNICODE_IS_LOW_SURROGATE(Py_UCS4 ch)
{
    return 0xDC00 <= ch && ch <= 0xDFFF;
}
/* The code point of a high and a low surrogate. */
static inline Py_UCS4 Py_UNICODE_JOIN_SURROGATES(Py_UCS4 high, Py_UCS4 low)
{
    return 0x10000 + (((high & 0x3FF) << 10) | (low & 0x3FF));
}
/* The surrogates of a code point beyond the BMP. */
static inline Py_UCS4 Py_UNICODE_HIGH_SURROGATE(Py_UCS4 ch)
{
    return 0xD800 + ((ch - 0x10000) >> 10);
}
static inline Py_UCS4 Py_UNICODE_LOW_SURROGATE(Py_UCS4 ch)
{
    return 0xDC00 + (ch & 0x3FF);
}
#define Py_UNICODE_REPLACEMENT_CHARACTER ((Py_UCS4)0xFFFD)

/* ------------------------------------------------------------------ */
/* CPython's str layouts.                                               */

#define SSTATE_NOT_INTERNED 0
#define SSTATE_INTERNED_MORTAL 1
#define SSTATE_INTERNED_IMMORTAL 2
#define SSTATE_INTERNED_IMMORTAL_STATIC 3

typedef struct {
    PyObject_HEAD
    Py_ssize_t length;
    Py_hash_t hash;
    struct {
        unsigned int interned:2;
        unsigned int kind:3;
        unsigned int compact:1;
        unsigned int ascii:1;
        unsigned int statically_allocated:1;
        unsigned int :24;
    } state;
} PyASCIIObject;

typedef struct {
    PyASCIIObject _base;
    Py_ssize_t utf8_length;
    char *utf8;
} PyCompactUnicodeObject;

typedef struct {
    PyCompactUnicodeObject _base;
    union {
        void *any;
        Py_UCS1 *latin1;
        Py_UCS2 *ucs2;
        Py_UCS4 *ucs4;
    } data;
} PyUnicodeObject;

enum PyUnicode_Kind {
    PyUnicode_1BYTE_KIND = 1,
    PyUnicode_2BYTE_KIND = 2,
    PyUnicode_4BYTE_KIND = 4
};

/* ------------------------------------------------------------------ */

PyAPI_DATA(PyTypeObject) PyUnicode_Type;
PyAPI_DATA(PyTypeObject) PyUnicodeIter_Type;

#define PyUnicode_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_UNICODE_SUBCLASS)
#define PyUnicode_CheckExact(op) Py_IS_TYPE((op), &PyUnicode_Type)

/* str objects are always "ready" (as in CPython 3.12+). */
static inline int _PyUnicode_READY(PyObject *Py_UNUSED(op))
{
    return 0;
}
#define PyUnicode_READY(op) _PyUnicode_READY(_PyObject_CAST(op))
static inline int _PyUnicode_IS_READY(PyObject *Py_UNUSED(op))
{
    return 1;
}
#define PyUnicode_IS_READY(op) _PyUnicode_IS_READY(_PyObject_CAST(op))

#define _PyASCIIObject_CAST(op) ((PyASCIIObject *)(op))
#define _PyCompactUnicodeObject_CAST(op) ((PyCompactUnicodeObject *)(op))
#define _PyUnicodeObject_CAST(op) ((PyUnicodeObject *)(op))

/* SSTATE_NOT_INTERNED or how the str is interned. */
static inline unsigned int PyUnicode_CHECK_INTERNED(PyObject *op)
{
    return _PyASCIIObject_CAST(op)->state.interned;
}
#define PyUnicode_CHECK_INTERNED(op) PyUnicode_CHECK_INTERNED(_PyObject_CAST(op))

static inline Py_ssize_t _PyUnicode_GET_LENGTH(PyObject *op)
{
    return _PyASCIIObject_CAST(op)->length;
}
#define PyUnicode_GET_LENGTH(op) _PyUnicode_GET_LENGTH(_PyObject_CAST(op))

static inline unsigned int _PyUnicode_IS_ASCII(PyObject *op)
{
    return _PyASCIIObject_CAST(op)->state.ascii;
}
#define PyUnicode_IS_ASCII(op) _PyUnicode_IS_ASCII(_PyObject_CAST(op))

static inline unsigned int _PyUnicode_IS_COMPACT(PyObject *op)
{
    return _PyASCIIObject_CAST(op)->state.compact;
}
#define PyUnicode_IS_COMPACT(op) _PyUnicode_IS_COMPACT(_PyObject_CAST(op))

static inline int _PyUnicode_IS_COMPACT_ASCII(PyObject *op)
{
    return _PyASCIIObject_CAST(op)->state.ascii && _PyUnicode_IS_COMPACT(op);
}
#define PyUnicode_IS_COMPACT_ASCII(op) _PyUnicode_IS_COMPACT_ASCII(_PyObject_CAST(op))

#define PyUnicode_KIND(op) (_PyASCIIObject_CAST(op)->state.kind)

/* A compact str's data follows its header; an instance of a C type that
 * adds fields to str (numpy's str_) is not compact: data.any points at it. */
static inline void *_PyUnicode_COMPACT_DATA(PyObject *op)
{
    if (_PyUnicode_IS_ASCII(op)) {
        return (void *)(_PyASCIIObject_CAST(op) + 1);
    }
    return (void *)(_PyCompactUnicodeObject_CAST(op) + 1);
}
static inline void *_PyUnicode_NONCOMPACT_DATA(PyObject *op)
{
    return _PyUnicodeObject_CAST(op)->data.any;
}
static inline void *_PyUnicode_DATA(PyObject *op)
{
    if (_PyUnicode_IS_COMPACT(op)) {
        return _PyUnicode_COMPACT_DATA(op);
    }
    return _PyUnicode_NONCOMPACT_DATA(op);
}
#define PyUnicode_DATA(op) _PyUnicode_DATA(_PyObject_CAST(op))

#define PyUnicode_1BYTE_DATA(op) ((Py_UCS1 *)PyUnicode_DATA(op))
#define PyUnicode_2BYTE_DATA(op) ((Py_UCS2 *)PyUnicode_DATA(op))
#define PyUnicode_4BYTE_DATA(op) ((Py_UCS4 *)PyUnicode_DATA(op))

static inline void PyUnicode_WRITE(int kind, void *data, Py_ssize_t index, Py_UCS4 value)
{
    if (kind == PyUnicode_1BYTE_KIND) {
        ((Py_UCS1 *)data)[index] = (Py_UCS1)value;
    } else if (kind == PyUnicode_2BYTE_KIND) {
        ((Py_UCS2 *)data)[index] = (Py_UCS2)value;
    } else {
        ((Py_UCS4 *)data)[index] = value;
    }
}
#define PyUnicode_WRITE(kind, data, index, value) \
    PyUnicode_WRITE((int)(kind), (void *)(data), (index), (Py_UCS4)(value))

static inline Py_UCS4 PyUnicode_READ(int kind, const void *data, Py_ssize_t index)
{
    if (kind == PyUnicode_1BYTE_KIND) {
        return ((const Py_UCS1 *)data)[index];
    }
    if (kind == PyUnicode_2BYTE_KIND) {
        return ((const Py_UCS2 *)data)[index];
    }
    return ((const Py_UCS4 *)data)[index];
}
#define PyUnicode_READ(kind, data, index) \
    PyUnicode_READ((int)(kind), (const void *)(data), (index))

static inline Py_UCS4 _PyUnicode_READ_CHAR(PyObject *op, Py_ssize_t index)
{
    return PyUnicode_READ(PyUnicode_KIND(op), PyUnicode_DATA(op), index);
}
#define PyUnicode_READ_CHAR(op, index) _PyUnicode_READ_CHAR(_PyObject_CAST(op), (index))

static inline Py_UCS4 _PyUnicode_MAX_CHAR_VALUE(PyObject *op)
{
    if (_PyUnicode_IS_ASCII(op)) {
        return 0x7fU;
    }
    if (PyUnicode_KIND(op) == PyUnicode_1BYTE_KIND) {
        return 0xffU;
    }
    if (PyUnicode_KIND(op) == PyUnicode_2BYTE_KIND) {
        return 0xffffU;
    }
    return 0x10ffffU;
}
#define PyUnicode_MAX_CHAR_VALUE(op) _PyUnicode_MAX_CHAR_VALUE(_PyObject_CAST(op))

/* Creation */
PyAPI_FUNC(PyObject *) PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar);
PyAPI_FUNC(PyObject *) PyUnicode_FromStringAndSize(const char *str,
                                                   Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_FromString(const char *str);
PyAPI_FUNC(PyObject *) PyUnicode_FromKindAndData(int kind, const void *buffer,
                                                 Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_FromWideChar(const wchar_t *wstr,
                                              Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_FromOrdinal(int ordinal);
PyAPI_FUNC(PyObject *) PyUnicode_FromObject(PyObject *obj);
PyAPI_FUNC(PyObject *) PyUnicode_FromEncodedObject(PyObject *obj,
                                                   const char *encoding,
                                                   const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_FromFormat(const char *format, ...);
PyAPI_FUNC(PyObject *) PyUnicode_FromFormatV(const char *format,
                                             va_list vargs);
PyAPI_FUNC(PyObject *) PyUnicode_Substring(PyObject *str, Py_ssize_t start,
                                           Py_ssize_t end);

/* Interning */
PyAPI_FUNC(void) PyUnicode_InternInPlace(PyObject **p_unicode);
PyAPI_FUNC(PyObject *) PyUnicode_InternFromString(const char *str);

/* Access */
PyAPI_FUNC(Py_ssize_t) PyUnicode_GetLength(PyObject *unicode);
PyAPI_FUNC(Py_UCS4) PyUnicode_ReadChar(PyObject *unicode, Py_ssize_t index);
PyAPI_FUNC(int) PyUnicode_WriteChar(PyObject *unicode, Py_ssize_t index,
                                    Py_UCS4 character);
PyAPI_FUNC(int) PyUnicode_Resize(PyObject **unicode, Py_ssize_t length);
PyAPI_FUNC(Py_ssize_t) PyUnicode_CopyCharacters(PyObject *to,
                                                Py_ssize_t to_start,
                                                PyObject *from,
                                                Py_ssize_t from_start,
                                                Py_ssize_t how_many);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Fill(PyObject *unicode, Py_ssize_t start,
                                      Py_ssize_t length, Py_UCS4 fill_char);
PyAPI_FUNC(Py_UCS4 *) PyUnicode_AsUCS4(PyObject *unicode, Py_UCS4 *buffer,
                                       Py_ssize_t buflen, int copy_null);
PyAPI_FUNC(Py_UCS4 *) PyUnicode_AsUCS4Copy(PyObject *unicode);
PyAPI_FUNC(Py_ssize_t) PyUnicode_AsWideChar(PyObject *unicode, wchar_t *wstr,
                                            Py_ssize_t size);
PyAPI_FUNC(wchar_t *) PyUnicode_AsWideCharString(PyObject *unicode,
                                                 Py_ssize_t *size);

/* UTF-8 views (cached by the str object, valid while it lives) */
PyAPI_FUNC(const char *) PyUnicode_AsUTF8(PyObject *unicode);
/* The old private name of PyUnicode_AsUTF8. */
#define _PyUnicode_AsString PyUnicode_AsUTF8
PyAPI_FUNC(const char *) PyUnicode_AsUTF8AndSize(PyObject *unicode,
                                                 Py_ssize_t *size);

/* Codecs */
PyAPI_FUNC(PyObject *) PyUnicode_Decode(const char *str, Py_ssize_t size,
                                        const char *encoding,
                                        const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsEncodedString(PyObject *unicode,
                                                 const char *encoding,
                                                 const char *errors);
/* Deprecated (removed in 3.15): the codec registry on a str, any result
 * (Object) or a str result only (Unicode). */
Py_DEPRECATED(3.6) PyAPI_FUNC(PyObject *) PyUnicode_AsEncodedObject(
    PyObject *unicode, const char *encoding, const char *errors);
Py_DEPRECATED(3.6) PyAPI_FUNC(PyObject *) PyUnicode_AsEncodedUnicode(
    PyObject *unicode, const char *encoding, const char *errors);
Py_DEPRECATED(3.6) PyAPI_FUNC(PyObject *) PyUnicode_AsDecodedObject(
    PyObject *unicode, const char *encoding, const char *errors);
Py_DEPRECATED(3.6) PyAPI_FUNC(PyObject *) PyUnicode_AsDecodedUnicode(
    PyObject *unicode, const char *encoding, const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF8(const char *str, Py_ssize_t size,
                                            const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF8Stateful(const char *str,
                                                    Py_ssize_t size,
                                                    const char *errors,
                                                    Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF8String(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF16(const char *str, Py_ssize_t size,
                                             const char *errors,
                                             int *byteorder);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF16String(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF32(const char *str, Py_ssize_t size,
                                             const char *errors,
                                             int *byteorder);
PyAPI_FUNC(PyObject *) PyUnicode_AsUTF32String(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF16Stateful(const char *str,
                                                     Py_ssize_t size,
                                                     const char *errors,
                                                     int *byteorder,
                                                     Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF32Stateful(const char *str,
                                                     Py_ssize_t size,
                                                     const char *errors,
                                                     int *byteorder,
                                                     Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF7(const char *str, Py_ssize_t size,
                                            const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUTF7Stateful(const char *str,
                                                    Py_ssize_t size,
                                                    const char *errors,
                                                    Py_ssize_t *consumed);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeCharmap(const char *str,
                                               Py_ssize_t size,
                                               PyObject *mapping,
                                               const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsCharmapString(PyObject *unicode,
                                                 PyObject *mapping);
PyAPI_FUNC(PyObject *) PyUnicode_BuildEncodingMap(PyObject *string);
PyAPI_FUNC(PyObject *) PyUnicode_Translate(PyObject *str, PyObject *table,
                                           const char *errors);
PyAPI_FUNC(const char *) PyUnicode_GetDefaultEncoding(void);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeLatin1(const char *str,
                                              Py_ssize_t size,
                                              const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsLatin1String(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeASCII(const char *str, Py_ssize_t size,
                                             const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsASCIIString(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeUnicodeEscape(const char *str,
                                                     Py_ssize_t size,
                                                     const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsUnicodeEscapeString(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeRawUnicodeEscape(const char *str,
                                                        Py_ssize_t size,
                                                        const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsRawUnicodeEscapeString(PyObject *unicode);

/* File system encoding and locale */
PyAPI_FUNC(PyObject *) PyUnicode_DecodeFSDefault(const char *str);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeFSDefaultAndSize(const char *str,
                                                        Py_ssize_t size);
PyAPI_FUNC(PyObject *) PyUnicode_EncodeFSDefault(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeLocale(const char *str,
                                              const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_DecodeLocaleAndSize(const char *str,
                                                     Py_ssize_t length,
                                                     const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_EncodeLocale(PyObject *unicode,
                                              const char *errors);
PyAPI_FUNC(int) PyUnicode_FSConverter(PyObject *obj, void *result);
PyAPI_FUNC(int) PyUnicode_FSDecoder(PyObject *obj, void *result);

/* Operations */
PyAPI_FUNC(PyObject *) PyUnicode_Concat(PyObject *left, PyObject *right);
PyAPI_FUNC(void) PyUnicode_Append(PyObject **pleft, PyObject *right);
PyAPI_FUNC(void) PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right);
PyAPI_FUNC(PyObject *) PyUnicode_Split(PyObject *unicode, PyObject *sep,
                                       Py_ssize_t maxsplit);
PyAPI_FUNC(PyObject *) PyUnicode_RSplit(PyObject *unicode, PyObject *sep,
                                        Py_ssize_t maxsplit);
PyAPI_FUNC(PyObject *) PyUnicode_Splitlines(PyObject *unicode, int keepends);
PyAPI_FUNC(PyObject *) PyUnicode_Partition(PyObject *unicode, PyObject *sep);
PyAPI_FUNC(PyObject *) PyUnicode_RPartition(PyObject *unicode, PyObject *sep);
PyAPI_FUNC(PyObject *) PyUnicode_Join(PyObject *separator, PyObject *seq);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Tailmatch(PyObject *unicode,
                                           PyObject *substr,
                                           Py_ssize_t start, Py_ssize_t end,
                                           int direction);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Find(PyObject *unicode, PyObject *substr,
                                      Py_ssize_t start, Py_ssize_t end,
                                      int direction);
PyAPI_FUNC(Py_ssize_t) PyUnicode_FindChar(PyObject *unicode, Py_UCS4 ch,
                                          Py_ssize_t start, Py_ssize_t end,
                                          int direction);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Count(PyObject *unicode, PyObject *substr,
                                       Py_ssize_t start, Py_ssize_t end);
PyAPI_FUNC(PyObject *) PyUnicode_Replace(PyObject *unicode, PyObject *substr,
                                         PyObject *replstr,
                                         Py_ssize_t maxcount);
PyAPI_FUNC(int) PyUnicode_Compare(PyObject *left, PyObject *right);
PyAPI_FUNC(int) PyUnicode_CompareWithASCIIString(PyObject *unicode,
                                                 const char *string);
PyAPI_FUNC(int) PyUnicode_EqualToUTF8(PyObject *unicode, const char *string);
PyAPI_FUNC(int) PyUnicode_EqualToUTF8AndSize(PyObject *unicode,
                                             const char *string,
                                             Py_ssize_t size);
PyAPI_FUNC(int) PyUnicode_Equal(PyObject *a, PyObject *b);
PyAPI_FUNC(PyObject *) PyUnicode_RichCompare(PyObject *left, PyObject *right,
                                             int op);
PyAPI_FUNC(PyObject *) PyUnicode_Format(PyObject *format, PyObject *args);
PyAPI_FUNC(int) PyUnicode_Contains(PyObject *container, PyObject *element);
PyAPI_FUNC(int) PyUnicode_IsIdentifier(PyObject *unicode);

/* ------------------------------------------------------------------ */
/* PyUnicodeWriter (3.14)                                              */

typedef struct PyUnicodeWriter PyUnicodeWriter;

PyAPI_FUNC(PyUnicodeWriter *) PyUnicodeWriter_Create(Py_ssize_t length);
PyAPI_FUNC(PyObject *) PyUnicodeWriter_Finish(PyUnicodeWriter *writer);
PyAPI_FUNC(void) PyUnicodeWriter_Discard(PyUnicodeWriter *writer);
PyAPI_FUNC(int) PyUnicodeWriter_WriteChar(PyUnicodeWriter *writer,
                                          Py_UCS4 ch);
PyAPI_FUNC(int) PyUnicodeWriter_WriteUTF8(PyUnicodeWriter *writer,
                                          const char *str, Py_ssize_t size);
PyAPI_FUNC(int) PyUnicodeWriter_WriteASCII(PyUnicodeWriter *writer,
                                           const char *str, Py_ssize_t size);
PyAPI_FUNC(int) PyUnicodeWriter_WriteWideChar(PyUnicodeWriter *writer,
                                              const wchar_t *str,
                                              Py_ssize_t size);
PyAPI_FUNC(int) PyUnicodeWriter_WriteUCS4(PyUnicodeWriter *writer,
                                          Py_UCS4 *str, Py_ssize_t size);
PyAPI_FUNC(int) PyUnicodeWriter_WriteStr(PyUnicodeWriter *writer,
                                         PyObject *obj);
PyAPI_FUNC(int) PyUnicodeWriter_WriteRepr(PyUnicodeWriter *writer,
                                          PyObject *obj);
PyAPI_FUNC(int) PyUnicodeWriter_WriteSubstring(PyUnicodeWriter *writer,
                                               PyObject *str,
                                               Py_ssize_t start,
                                               Py_ssize_t end);
PyAPI_FUNC(int) PyUnicodeWriter_Format(PyUnicodeWriter *writer,
                                       const char *format, ...);
PyAPI_FUNC(int) PyUnicodeWriter_DecodeUTF8Stateful(PyUnicodeWriter *writer,
                                                   const char *string,
                                                   Py_ssize_t length,
                                                   const char *errors,
                                                   Py_ssize_t *consumed);

/* ------------------------------------------------------------------ */
/* _PyUnicodeWriter: the private writer of CPython 3.13 and earlier
 * (deprecated in 3.14 for PyUnicodeWriter),
 * whose buffer C may fill directly (PyUnicode_WRITE into data after
 * _PyUnicodeWriter_Prepare). The buffer is a str from PyUnicode_New that
 * only the writer holds; Finish makes the result from it. */

typedef struct {
    PyObject *buffer;
    void *data;
    int kind;
    Py_UCS4 maxchar;
    Py_ssize_t size;
    Py_ssize_t pos;
    Py_ssize_t min_length;      /* allocate at least this many characters */
    Py_UCS4 min_char;           /* and room for at least this character */
    unsigned char overallocate; /* grow by more than asked */
    unsigned char readonly;     /* never set here: the buffer is always ours */
} _PyUnicodeWriter;

Py_DEPRECATED(3.14) PyAPI_FUNC(void) _PyUnicodeWriter_Init(_PyUnicodeWriter *writer);
/* Room for length more characters up to maxchar: 0, or -1 with an error. */
Py_DEPRECATED(3.14) PyAPI_FUNC(int) _PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter *writer,
                                                 Py_ssize_t length,
                                                 Py_UCS4 maxchar);
#define _PyUnicodeWriter_Prepare(WRITER, LENGTH, MAXCHAR)                  \
    (((MAXCHAR) <= (WRITER)->maxchar                                     \
      && (LENGTH) <= (WRITER)->size - (WRITER)->pos)                     \
         ? 0                                                             \
         : (((LENGTH) == 0)                                              \
                ? 0                                                      \
                : _PyUnicodeWriter_PrepareInternal((WRITER), (LENGTH),   \
                                                   (MAXCHAR))))
Py_DEPRECATED(3.14) PyAPI_FUNC(int) _PyUnicodeWriter_PrepareKindInternal(_PyUnicodeWriter *writer,
                                                     int kind);
#define _PyUnicodeWriter_PrepareKind(WRITER, KIND)                         \
    ((KIND) <= (WRITER)->kind                                            \
         ? 0                                                             \
         : _PyUnicodeWriter_PrepareKindInternal((WRITER), (KIND)))
Py_DEPRECATED(3.14) PyAPI_FUNC(int) _PyUnicodeWriter_WriteChar(_PyUnicodeWriter *writer,
                                           Py_UCS4 ch);
Py_DEPRECATED(3.14) PyAPI_FUNC(int) _PyUnicodeWriter_WriteStr(_PyUnicodeWriter *writer,
                                          PyObject *str);
Py_DEPRECATED(3.14) PyAPI_FUNC(int) _PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *writer,
                                                PyObject *str,
                                                Py_ssize_t start,
                                                Py_ssize_t end);
Py_DEPRECATED(3.14) PyAPI_FUNC(int) _PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *writer,
                                                  const char *str,
                                                  Py_ssize_t len);
Py_DEPRECATED(3.14) PyAPI_FUNC(int) _PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *writer,
                                                   const char *str,
                                                   Py_ssize_t len);
/* The str written; the writer is then empty. */
Py_DEPRECATED(3.14) PyAPI_FUNC(PyObject *) _PyUnicodeWriter_Finish(_PyUnicodeWriter *writer);
Py_DEPRECATED(3.14) PyAPI_FUNC(void) _PyUnicodeWriter_Dealloc(_PyUnicodeWriter *writer);

/* ------------------------------------------------------------------ */
/* Character properties (private, but Py_UNICODE_IS* expand to them)   */

PyAPI_FUNC(int) _PyUnicode_IsLowercase(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsUppercase(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsTitlecase(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsWhitespace(const Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsLinebreak(const Py_UCS4 ch);
PyAPI_FUNC(Py_UCS4) _PyUnicode_ToLowercase(Py_UCS4 ch);
PyAPI_FUNC(Py_UCS4) _PyUnicode_ToUppercase(Py_UCS4 ch);
PyAPI_FUNC(Py_UCS4) _PyUnicode_ToTitlecase(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_ToDecimalDigit(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_ToDigit(Py_UCS4 ch);
PyAPI_FUNC(double) _PyUnicode_ToNumeric(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsDecimalDigit(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsDigit(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsNumeric(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsPrintable(Py_UCS4 ch);
PyAPI_FUNC(int) _PyUnicode_IsAlpha(Py_UCS4 ch);

PyAPI_DATA(const unsigned char) _Py_ascii_whitespace[];

static inline int Py_UNICODE_ISSPACE(Py_UCS4 ch) {
    if (ch < 128) {
        return _Py_ascii_whitespace[ch];
    }
    return _PyUnicode_IsWhitespace(ch);
}

#define Py_UNICODE_ISLOWER(ch) _PyUnicode_IsLowercase(ch)
#define Py_UNICODE_ISUPPER(ch) _PyUnicode_IsUppercase(ch)
#define Py_UNICODE_ISTITLE(ch) _PyUnicode_IsTitlecase(ch)
#define Py_UNICODE_ISLINEBREAK(ch) _PyUnicode_IsLinebreak(ch)
#define Py_UNICODE_TOLOWER(ch) _PyUnicode_ToLowercase(ch)
#define Py_UNICODE_TOUPPER(ch) _PyUnicode_ToUppercase(ch)
#define Py_UNICODE_TOTITLE(ch) _PyUnicode_ToTitlecase(ch)
#define Py_UNICODE_ISDECIMAL(ch) _PyUnicode_IsDecimalDigit(ch)
#define Py_UNICODE_ISDIGIT(ch) _PyUnicode_IsDigit(ch)
#define Py_UNICODE_ISNUMERIC(ch) _PyUnicode_IsNumeric(ch)
#define Py_UNICODE_ISPRINTABLE(ch) _PyUnicode_IsPrintable(ch)
#define Py_UNICODE_TODECIMAL(ch) _PyUnicode_ToDecimalDigit(ch)
#define Py_UNICODE_TODIGIT(ch) _PyUnicode_ToDigit(ch)
#define Py_UNICODE_TONUMERIC(ch) _PyUnicode_ToNumeric(ch)
#define Py_UNICODE_ISALPHA(ch) _PyUnicode_IsAlpha(ch)

static inline int Py_UNICODE_ISALNUM(Py_UCS4 ch) {
    return (Py_UNICODE_ISALPHA(ch) || Py_UNICODE_ISDECIMAL(ch)
            || Py_UNICODE_ISDIGIT(ch) || Py_UNICODE_ISNUMERIC(ch));
}

#ifdef __cplusplus
}
#endif
#endif /* !Py_UNICODEOBJECT_H */
