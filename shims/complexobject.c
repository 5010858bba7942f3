/* Complex arithmetic on Py_complex values (_Py_c_*): pure C, with CPython
 * 3.14's results (infinities recovered in products and quotients) and the
 * errno it documents (EDOM for division by zero and for zero to a negative
 * or complex power, ERANGE when abs() overflows). */

#include "Python.h"

#include <errno.h>
#include <math.h>

Py_complex
_Py_c_sum(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real + b.real, a.imag + b.imag};
    return r;
}

Py_complex
_Py_c_diff(Py_complex a, Py_complex b)
{
    Py_complex r = {a.real - b.real, a.imag - b.imag};
    return r;
}

Py_complex
_Py_c_neg(Py_complex a)
{
    Py_complex r = {-a.real, -a.imag};
    return r;
}

/* Zero for a NaN, keeping its sign bit. */
static double
nan_to_zero(double x)
{
    return isnan(x) ? copysign(0.0, x) : x;
}

/* The plain product, with the infinities that came out as nan+nanj
 * recovered (C11 Annex G.5.1, as CPython 3.14). */
Py_complex
_Py_c_prod(Py_complex z, Py_complex w)
{
    double a = z.real, b = z.imag, c = w.real, d = w.imag;
    double ac = a * c, bd = b * d, ad = a * d, bc = b * c;
    Py_complex r = {ac - bd, ad + bc};
    if (isnan(r.real) && isnan(r.imag)) {
        int recalc = 0;
        if (isinf(a) || isinf(b)) {
            /* z is infinite: keep only the direction of its infinity */
            a = copysign(isinf(a) ? 1.0 : 0.0, a);
            b = copysign(isinf(b) ? 1.0 : 0.0, b);
            c = nan_to_zero(c);
            d = nan_to_zero(d);
            recalc = 1;
        }
        if (isinf(c) || isinf(d)) {
            c = copysign(isinf(c) ? 1.0 : 0.0, c);
            d = copysign(isinf(d) ? 1.0 : 0.0, d);
            a = nan_to_zero(a);
            b = nan_to_zero(b);
            recalc = 1;
        }
        if (!recalc && (isinf(ac) || isinf(bd) || isinf(ad) || isinf(bc))) {
            /* an overflow: the NaNs came from inf - inf */
            a = nan_to_zero(a);
            b = nan_to_zero(b);
            c = nan_to_zero(c);
            d = nan_to_zero(d);
            recalc = 1;
        }
        if (recalc) {
            r.real = Py_INFINITY * (a * c - b * d);
            r.imag = Py_INFINITY * (a * d + b * c);
        }
    }
    return r;
}

/* Smith's method: scale by the larger part of the divisor so that the
 * intermediate products stay in range. */
Py_complex
_Py_c_quot(Py_complex a, Py_complex b)
{
    Py_complex r;
    double br = fabs(b.real), bi = fabs(b.imag);
    if (br >= bi) {
        if (br == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
            return r;
        }
        double t = b.imag / b.real;
        double d = b.real + b.imag * t;
        r.real = (a.real + a.imag * t) / d;
        r.imag = (a.imag - a.real * t) / d;
    }
    else if (bi >= br) {
        double t = b.real / b.imag;
        double d = b.real * t + b.imag;
        r.real = (a.real * t + a.imag) / d;
        r.imag = (a.imag * t - a.real) / d;
    }
    else {
        /* a part of the divisor is a NaN */
        r.real = r.imag = Py_NAN;
    }
    /* An infinite or zero quotient that came out as nan+nanj (C11 Annex
     * G.5.2). */
    if (isnan(r.real) && isnan(r.imag)) {
        if ((isinf(a.real) || isinf(a.imag)) && isfinite(b.real) && isfinite(b.imag)) {
            double x = copysign(isinf(a.real) ? 1.0 : 0.0, a.real);
            double y = copysign(isinf(a.imag) ? 1.0 : 0.0, a.imag);
            r.real = Py_INFINITY * (x * b.real + y * b.imag);
            r.imag = Py_INFINITY * (y * b.real - x * b.imag);
        }
        else if ((isinf(br) || isinf(bi)) && isfinite(a.real) && isfinite(a.imag)) {
            double x = copysign(isinf(b.real) ? 1.0 : 0.0, b.real);
            double y = copysign(isinf(b.imag) ? 1.0 : 0.0, b.imag);
            r.real = 0.0 * (a.real * x + a.imag * y);
            r.imag = 0.0 * (a.imag * x - a.real * y);
        }
    }
    return r;
}

/* a**b in polar form. */
Py_complex
_Py_c_pow(Py_complex a, Py_complex b)
{
    Py_complex r;
    if (b.real == 0.0 && b.imag == 0.0) {
        r.real = 1.0;
        r.imag = 0.0;
    }
    else if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0) {
            errno = EDOM;
        }
        r.real = r.imag = 0.0;
    }
    else {
        double modulus = hypot(a.real, a.imag);
        double angle = atan2(a.imag, a.real);
        double len = pow(modulus, b.real);
        double phase = angle * b.real;
        if (b.imag != 0.0) {
            len *= exp(-angle * b.imag);
            phase += b.imag * log(modulus);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

double
_Py_c_abs(Py_complex z)
{
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        /* An infinite part wins over a NaN (C99). */
        if (isinf(z.real)) {
            errno = 0;
            return fabs(z.real);
        }
        if (isinf(z.imag)) {
            errno = 0;
            return fabs(z.imag);
        }
        return Py_NAN;
    }
    double result = hypot(z.real, z.imag);
    errno = isfinite(result) ? 0 : ERANGE;
    return result;
}
