/* int objects. */
#ifndef Py_LONGOBJECT_H
#define Py_LONGOBJECT_H

#include "longintrepr.h"

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_DATA(PyTypeObject) PyLong_Type;

#define PyLong_Check(op) \
    PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LONG_SUBCLASS)
#define PyLong_CheckExact(op) Py_IS_TYPE((op), &PyLong_Type)

/* C integer -> int */
PyAPI_FUNC(PyObject *) PyLong_FromLong(long v);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLong(unsigned long v);
PyAPI_FUNC(PyObject *) PyLong_FromSize_t(size_t v);
PyAPI_FUNC(PyObject *) PyLong_FromSsize_t(Py_ssize_t v);
PyAPI_FUNC(PyObject *) PyLong_FromLongLong(long long v);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLongLong(unsigned long long v);
PyAPI_FUNC(PyObject *) PyLong_FromInt32(int32_t value);
PyAPI_FUNC(PyObject *) PyLong_FromUInt32(uint32_t value);
PyAPI_FUNC(PyObject *) PyLong_FromInt64(int64_t value);
PyAPI_FUNC(PyObject *) PyLong_FromUInt64(uint64_t value);
PyAPI_FUNC(PyObject *) PyLong_FromDouble(double v);
PyAPI_FUNC(PyObject *) PyLong_FromVoidPtr(void *p);
PyAPI_FUNC(PyObject *) PyLong_FromString(const char *str, char **pend,
                                         int base);
PyAPI_FUNC(PyObject *) PyLong_FromUnicodeObject(PyObject *u, int base);

/* int -> C integer */
PyAPI_FUNC(long) PyLong_AsLong(PyObject *obj);
PyAPI_FUNC(long) PyLong_AsLongAndOverflow(PyObject *obj, int *overflow);
PyAPI_FUNC(int) PyLong_AsInt(PyObject *obj);
PyAPI_FUNC(long long) PyLong_AsLongLong(PyObject *obj);
PyAPI_FUNC(long long) PyLong_AsLongLongAndOverflow(PyObject *obj,
                                                   int *overflow);
PyAPI_FUNC(Py_ssize_t) PyLong_AsSsize_t(PyObject *pylong);
PyAPI_FUNC(size_t) PyLong_AsSize_t(PyObject *pylong);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLong(PyObject *pylong);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLong(PyObject *pylong);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLongMask(PyObject *obj);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLongMask(PyObject *obj);
PyAPI_FUNC(int) PyLong_AsInt32(PyObject *obj, int32_t *value);
PyAPI_FUNC(int) PyLong_AsUInt32(PyObject *obj, uint32_t *value);
PyAPI_FUNC(int) PyLong_AsInt64(PyObject *obj, int64_t *value);
PyAPI_FUNC(int) PyLong_AsUInt64(PyObject *obj, uint64_t *value);
PyAPI_FUNC(double) PyLong_AsDouble(PyObject *pylong);
PyAPI_FUNC(void *) PyLong_AsVoidPtr(PyObject *pylong);

#define PyLong_AS_LONG(op) PyLong_AsLong(op)

/* pid_t is an int on Linux. */
#define PyLong_FromPid PyLong_FromLong
#define PyLong_AsPid PyLong_AsInt

/* Sign tests (3.14) */
PyAPI_FUNC(int) PyLong_IsPositive(PyObject *obj);
PyAPI_FUNC(int) PyLong_IsNegative(PyObject *obj);
PyAPI_FUNC(int) PyLong_IsZero(PyObject *obj);
PyAPI_FUNC(int) PyLong_GetSign(PyObject *v, int *sign);

PyAPI_FUNC(PyObject *) PyLong_GetInfo(void);

/* Native-endian byte conversion (3.13) */
#define Py_ASNATIVEBYTES_DEFAULTS -1
#define Py_ASNATIVEBYTES_BIG_ENDIAN 0
#define Py_ASNATIVEBYTES_LITTLE_ENDIAN 1
#define Py_ASNATIVEBYTES_NATIVE_ENDIAN 3
#define Py_ASNATIVEBYTES_UNSIGNED_BUFFER 4
#define Py_ASNATIVEBYTES_REJECT_NEGATIVE 8
#define Py_ASNATIVEBYTES_ALLOW_INDEX 16

PyAPI_FUNC(Py_ssize_t) PyLong_AsNativeBytes(PyObject *v, void *buffer,
                                            Py_ssize_t n_bytes, int flags);
PyAPI_FUNC(PyObject *) PyLong_FromNativeBytes(const void *buffer,
                                              size_t n_bytes, int flags);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedNativeBytes(const void *buffer,
                                                      size_t n_bytes,
                                                      int flags);

/* Import/export of the digit array (3.14) */
typedef struct PyLongLayout {
    uint8_t bits_per_digit;
    uint8_t digit_size;
    int8_t digits_order;
    int8_t digit_endianness;
} PyLongLayout;

PyAPI_FUNC(const PyLongLayout *) PyLong_GetNativeLayout(void);

typedef struct PyLongExport {
    int64_t value;
    uint8_t negative;
    Py_ssize_t ndigits;
    const void *digits;
    Py_uintptr_t _reserved;
} PyLongExport;

PyAPI_FUNC(int) PyLong_Export(PyObject *obj, PyLongExport *export_long);
PyAPI_FUNC(void) PyLong_FreeExport(PyLongExport *export_long);

typedef struct PyLongWriter PyLongWriter;

PyAPI_FUNC(PyLongWriter *) PyLongWriter_Create(int negative,
                                               Py_ssize_t ndigits,
                                               void **digits);
PyAPI_FUNC(PyObject *) PyLongWriter_Finish(PyLongWriter *writer);
PyAPI_FUNC(void) PyLongWriter_Discard(PyLongWriter *writer);

/* String to C long conversion helpers */
/* The number of bits of |v| (0 for 0); private, but real code uses it. */
PyAPI_FUNC(int64_t) _PyLong_NumBits(PyObject *v);
Py_DEPRECATED(3.14) PyAPI_FUNC(int) _PyLong_Sign(PyObject *v);
/* Private, but used by real code (Cython, numpy): CPython 3.13's
 * signatures (_PyLong_AsByteArray gained with_exceptions in 3.13). */
PyAPI_FUNC(PyObject *) _PyLong_FromByteArray(const unsigned char *bytes,
                                             size_t n, int little_endian,
                                             int is_signed);
PyAPI_FUNC(int) _PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes,
                                    size_t n, int little_endian,
                                    int is_signed, int with_exceptions);
PyAPI_FUNC(PyObject *) _PyLong_Copy(PyLongObject *src);
/* The greatest common divisor of two ints (never negative). */
PyAPI_FUNC(PyObject *) _PyLong_GCD(PyObject *a, PyObject *b);

PyAPI_FUNC(unsigned long) PyOS_strtoul(const char *str, char **ptr, int base);
PyAPI_FUNC(long) PyOS_strtol(const char *str, char **ptr, int base);

#ifdef __cplusplus
}
#endif
#endif /* !Py_LONGOBJECT_H */
