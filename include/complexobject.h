/* complex objects. */
#ifndef Py_COMPLEXOBJECT_H
#define Py_COMPLEXOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    double real;
    double imag;
} Py_complex;

typedef struct {
    PyObject_HEAD
    Py_complex cval;
} PyComplexObject;

PyAPI_DATA(PyTypeObject) PyComplex_Type;

#define PyComplex_Check(op) PyObject_TypeCheck((op), &PyComplex_Type)
#define PyComplex_CheckExact(op) Py_IS_TYPE((op), &PyComplex_Type)

/* Arithmetic on Py_complex values; errno is EDOM for a division by zero
 * and zero to a negative or complex power, ERANGE when abs overflows. */
PyAPI_FUNC(Py_complex) _Py_c_sum(Py_complex left, Py_complex right);
PyAPI_FUNC(Py_complex) _Py_c_diff(Py_complex left, Py_complex right);
PyAPI_FUNC(Py_complex) _Py_c_neg(Py_complex complex);
PyAPI_FUNC(Py_complex) _Py_c_prod(Py_complex left, Py_complex right);
PyAPI_FUNC(Py_complex) _Py_c_quot(Py_complex dividend, Py_complex divisor);
PyAPI_FUNC(Py_complex) _Py_c_pow(Py_complex num, Py_complex exp);
PyAPI_FUNC(double) _Py_c_abs(Py_complex arg);

PyAPI_FUNC(PyObject *) PyComplex_FromCComplex(Py_complex v);
PyAPI_FUNC(Py_complex) PyComplex_AsCComplex(PyObject *op);
PyAPI_FUNC(PyObject *) PyComplex_FromDoubles(double real, double imag);
PyAPI_FUNC(double) PyComplex_RealAsDouble(PyObject *op);
PyAPI_FUNC(double) PyComplex_ImagAsDouble(PyObject *op);

#ifdef __cplusplus
}
#endif
#endif /* !Py_COMPLEXOBJECT_H */
