/* Hashing parameters and helpers (CPython's pyhash.h and cpython/pyhash.h).
 * The values are RustPython's, which sys.hash_info reports. */
#ifndef Py_HASH_H
#define Py_HASH_H
#ifdef __cplusplus
extern "C" {
#endif

/* The algorithms CPython's configure can pick; RustPython hashes str and
 * bytes with SipHash-2-4 and has no small-string shortcut (cutoff 0). */
#define Py_HASH_EXTERNAL 0
#define Py_HASH_SIPHASH24 1
#define Py_HASH_FNV 2
#define Py_HASH_SIPHASH13 3
#define Py_HASH_ALGORITHM Py_HASH_SIPHASH24
#define Py_HASH_CUTOFF 0

/* Numeric hashes are reduced modulo the Mersenne prime 2**61 - 1. */
#define PyHASH_MULTIPLIER 1000003UL
#define PyHASH_BITS 61
#define PyHASH_MODULUS (((size_t)1 << PyHASH_BITS) - 1)
#define PyHASH_INF 314159
#define PyHASH_IMAG PyHASH_MULTIPLIER

/* The 3.12 spellings. */
#define _PyHASH_MULTIPLIER PyHASH_MULTIPLIER
#define _PyHASH_BITS PyHASH_BITS
#define _PyHASH_MODULUS PyHASH_MODULUS
#define _PyHASH_INF PyHASH_INF
#define _PyHASH_IMAG PyHASH_IMAG

/* The string hash: `hash(p, n)` is hash(bytes) of those n bytes (0 for
 * n == 0, as hash(b"") is), computed by the VM, which keeps the key: call
 * it with the GIL held. name, hash_bits and seed_bits are sys.hash_info's
 * algorithm, hash_bits and seed_bits. */
typedef struct {
    Py_hash_t (*const hash)(const void *, Py_ssize_t);
    const char *name;
    const int hash_bits;
    const int seed_bits;
} PyHash_FuncDef;

PyAPI_FUNC(PyHash_FuncDef *) PyHash_GetFuncDef(void);

PyAPI_FUNC(Py_hash_t) Py_HashPointer(const void *ptr);
/* object.__hash__(obj): the hash of an object without its own. */
PyAPI_FUNC(Py_hash_t) PyObject_GenericHash(PyObject *obj);
/* The hash of float(v); a NaN hashes as inst's address (3.10+). */
PyAPI_FUNC(Py_hash_t) _Py_HashDouble(PyObject *inst, double v);
PyAPI_FUNC(Py_hash_t) Py_HashBuffer(const void *ptr, Py_ssize_t len);

/* The pre-3.13 name of Py_HashPointer. */
Py_DEPRECATED(3.14) static inline Py_hash_t
_Py_HashPointer(const void *ptr)
{
    return Py_HashPointer(ptr);
}

#ifdef __cplusplus
}
#endif
#endif /* !Py_HASH_H */
