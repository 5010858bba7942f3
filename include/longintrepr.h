/* Layout of int objects (CPython 3.12+ representation).
 *
 * An int is a sign/size tag followed by 30-bit digits, least significant
 * first.  lv_tag holds the number of digits shifted left by 3, and in its
 * low two bits the sign: 0 positive, 1 zero, 2 negative. */
#ifndef Py_LONGINTREPR_H
#define Py_LONGINTREPR_H
#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t digit;
typedef int32_t sdigit;
typedef uint64_t twodigits;
typedef int64_t stwodigits;

#define PyLong_SHIFT 30
#define _PyLong_DECIMAL_SHIFT 9
#define _PyLong_DECIMAL_BASE ((digit)1000000000)
#define PyLong_BASE ((digit)1 << PyLong_SHIFT)
#define PyLong_MASK ((digit)(PyLong_BASE - 1))

typedef struct _PyLongValue {
    uintptr_t lv_tag;           /* digit count << 3 | sign bits */
    digit ob_digit[1];
} _PyLongValue;

struct _longobject {
    PyObject_HEAD
    _PyLongValue long_value;
};

#define _PyLong_SIGN_MASK 3
#define _PyLong_NON_SIZE_BITS 3

/* Compact ints have at most one digit. */
static inline int PyUnstable_Long_IsCompact(const PyLongObject *op)
{
    return op->long_value.lv_tag < (2 << _PyLong_NON_SIZE_BITS);
}

static inline Py_ssize_t PyUnstable_Long_CompactValue(const PyLongObject *op)
{
    Py_ssize_t sign = 1 - (Py_ssize_t)(op->long_value.lv_tag & _PyLong_SIGN_MASK);
    return sign * (Py_ssize_t)op->long_value.ob_digit[0];
}

/* The private names of the two above. */
static inline int _PyLong_IsCompact(const PyLongObject *op)
{
    return PyUnstable_Long_IsCompact(op);
}
static inline Py_ssize_t _PyLong_CompactValue(const PyLongObject *op)
{
    return PyUnstable_Long_CompactValue(op);
}

/* An int of size digits for C to fill (digits, then lv_tag's sign) before
 * it is used; positive until then. */
PyAPI_FUNC(PyLongObject *) _PyLong_New(Py_ssize_t size);
/* The int of digit_count base-2**30 digits, least significant first. */
PyAPI_FUNC(PyLongObject *) _PyLong_FromDigits(int negative,
                                              Py_ssize_t digit_count,
                                              digit *digits);

#ifdef __cplusplus
}
#endif
#endif /* !Py_LONGINTREPR_H */
