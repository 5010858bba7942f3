/* PyMutex: a one-byte lock (3.13). */
#ifndef Py_LOCK_H
#define Py_LOCK_H
#ifdef __cplusplus
extern "C" {
#endif

#define _Py_UNLOCKED 0
#define _Py_LOCKED 1

typedef struct PyMutex {
    uint8_t _bits;              /* zero-initialise; do not touch */
} PyMutex;

PyAPI_FUNC(void) PyMutex_Lock(PyMutex *m);
PyAPI_FUNC(void) PyMutex_Unlock(PyMutex *m);
PyAPI_FUNC(int) PyMutex_IsLocked(PyMutex *m);

/* The fast paths, as CPython inlines them: one compare-and-swap, the
 * exported functions only when another thread holds the lock or waits. */
static inline void _PyMutex_Lock(PyMutex *m)
{
    uint8_t expected = _Py_UNLOCKED;
    if (!__atomic_compare_exchange_n(&m->_bits, &expected, (uint8_t)_Py_LOCKED,
                                     0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        PyMutex_Lock(m);
    }
}
#define PyMutex_Lock _PyMutex_Lock

static inline void _PyMutex_Unlock(PyMutex *m)
{
    uint8_t expected = _Py_LOCKED;
    if (!__atomic_compare_exchange_n(&m->_bits, &expected, (uint8_t)_Py_UNLOCKED,
                                     0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        PyMutex_Unlock(m);
    }
}
#define PyMutex_Unlock _PyMutex_Unlock

#ifdef __cplusplus
}
#endif
#endif /* !Py_LOCK_H */
