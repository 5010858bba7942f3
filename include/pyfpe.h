/* Floating-point exception protection (CPython's cpython/pyfpe.h): gone
 * since CPython 3.7 dropped --with-fpectl; the macros remain and do
 * nothing, for the code that still uses them. */
#ifndef Py_PYFPE_H
#define Py_PYFPE_H

#define PyFPE_START_PROTECT(err_string, leave_stmt)
#define PyFPE_END_PROTECT(v)

#endif /* !Py_PYFPE_H */
