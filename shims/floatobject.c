/* IEEE 754 half precision (PyFloat_Pack2/Unpack2, struct's 'e'): pure C,
 * rounding half to even as CPython does. */

#include "Python.h"

#include <math.h>

int
PyFloat_Pack2(double x, char *data, int le)
{
    unsigned char *p = (unsigned char *)data;
    unsigned short bits;
    int e, sign;
    if (x == 0.0) {
        sign = copysign(1.0, x) == -1.0;
        e = 0;
        bits = 0;
    }
    else if (isinf(x)) {
        sign = x < 0.0;
        e = 0x1f;
        bits = 0;
    }
    else if (isnan(x)) {
        sign = copysign(1.0, x) == -1.0;
        e = 0x1f;
        bits = 512; /* a quiet NaN */
    }
    else {
        sign = x < 0.0;
        if (sign) {
            x = -x;
        }
        double f = frexp(x, &e);
        /* f in [1, 2), x = f * 2**e */
        f *= 2.0;
        e--;
        if (e >= 16) {
            goto overflow;
        }
        else if (e < -25) {
            /* below half the smallest subnormal: zero */
            f = 0.0;
            e = 0;
        }
        else if (e < -14) {
            /* subnormal */
            f = ldexp(f, 14 + e);
            e = 0;
        }
        else {
            e += 15;
            f -= 1.0; /* the implicit leading bit */
        }
        f *= 1024.0;
        bits = (unsigned short)f;
        if (f - bits > 0.5 || (f - bits == 0.5 && bits % 2 == 1)) {
            if (++bits == 1024) {
                /* the rounding carried out of the mantissa */
                bits = 0;
                if (++e == 31) {
                    goto overflow;
                }
            }
        }
    }
    bits |= (unsigned short)((e << 10) | (sign << 15));
    if (le) {
        p[0] = (unsigned char)(bits & 0xff);
        p[1] = (unsigned char)(bits >> 8);
    }
    else {
        p[0] = (unsigned char)(bits >> 8);
        p[1] = (unsigned char)(bits & 0xff);
    }
    return 0;
overflow:
    PyErr_SetString(PyExc_OverflowError, "float too large to pack with e format");
    return -1;
}

double
PyFloat_Unpack2(const char *data, int le)
{
    const unsigned char *p = (const unsigned char *)data;
    unsigned int bits = le ? (unsigned int)(p[0] | (p[1] << 8)) : (unsigned int)((p[0] << 8) | p[1]);
    int sign = (bits >> 15) & 1;
    int e = (bits >> 10) & 0x1f;
    unsigned int f = bits & 0x3ff;
    if (e == 0x1f) {
        if (f == 0) {
            return sign ? -Py_INFINITY : Py_INFINITY;
        }
        return sign ? -Py_NAN : Py_NAN;
    }
    double x = (double)f / 1024.0;
    if (e == 0) {
        e = -14;
    }
    else {
        x += 1.0;
        e -= 15;
    }
    x = ldexp(x, e);
    return sign ? -x : x;
}
