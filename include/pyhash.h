/* Hashing parameters and helpers. */
#ifndef Py_HASH_H
#define Py_HASH_H
#ifdef __cplusplus
extern "C" {
#endif

/* Numeric hashes are reduced modulo the Mersenne prime 2**61 - 1. */
#define PyHASH_BITS 61
#define PyHASH_MODULUS (((size_t)1 << PyHASH_BITS) - 1)
#define PyHASH_INF 314159
#define PyHASH_IMAG PyHASH_MULTIPLIER
#define PyHASH_MULTIPLIER 1000003UL


PyAPI_FUNC(Py_hash_t) Py_HashPointer(const void *ptr);
/* The hash of float(v); a NaN hashes as inst's address (3.10+). */
PyAPI_FUNC(Py_hash_t) _Py_HashDouble(PyObject *inst, double v);
PyAPI_FUNC(Py_hash_t) Py_HashBuffer(const void *ptr, Py_ssize_t len);

#ifdef __cplusplus
}
#endif
#endif /* !Py_HASH_H */
