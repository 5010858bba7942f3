/* float objects. */
#ifndef Py_FLOATOBJECT_H
#define Py_FLOATOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
    PyObject_HEAD
    double ob_fval;
} PyFloatObject;

#define _PyFloat_CAST(op) _Py_CAST(PyFloatObject *, (op))

PyAPI_DATA(PyTypeObject) PyFloat_Type;

#define PyFloat_Check(op) PyObject_TypeCheck((op), &PyFloat_Type)
#define PyFloat_CheckExact(op) Py_IS_TYPE((op), &PyFloat_Type)

/* Reads the value field directly (a float's value never changes). */
static inline double _PyFloat_AS_DOUBLE(PyObject *op)
{
    return ((PyFloatObject *)op)->ob_fval;
}
#define PyFloat_AS_DOUBLE(op) _PyFloat_AS_DOUBLE(_PyObject_CAST(op))

#define Py_RETURN_NAN return PyFloat_FromDouble(Py_NAN)
#define Py_RETURN_INF(sign) \
    do { \
        if (copysign(1., (sign)) == 1.) { \
            return PyFloat_FromDouble(Py_HUGE_VAL); \
        } \
        else { \
            return PyFloat_FromDouble(-Py_HUGE_VAL); \
        } \
    } while (0)

PyAPI_FUNC(double) PyFloat_GetMax(void);
PyAPI_FUNC(double) PyFloat_GetMin(void);
PyAPI_FUNC(PyObject *) PyFloat_GetInfo(void);
PyAPI_FUNC(PyObject *) PyFloat_FromString(PyObject *str);
PyAPI_FUNC(PyObject *) PyFloat_FromDouble(double v);
PyAPI_FUNC(double) PyFloat_AsDouble(PyObject *pyfloat);

/* IEEE 754 packing: le != 0 selects little-endian byte order. */
PyAPI_FUNC(int) PyFloat_Pack2(double x, char *p, int le);
PyAPI_FUNC(int) PyFloat_Pack4(double x, char *p, int le);
PyAPI_FUNC(int) PyFloat_Pack8(double x, char *p, int le);
PyAPI_FUNC(double) PyFloat_Unpack2(const char *p, int le);
PyAPI_FUNC(double) PyFloat_Unpack4(const char *p, int le);
PyAPI_FUNC(double) PyFloat_Unpack8(const char *p, int le);

#ifdef __cplusplus
}
#endif
#endif /* !Py_FLOATOBJECT_H */
