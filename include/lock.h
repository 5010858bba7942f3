/* PyMutex: a one-byte lock (3.13). */
#ifndef Py_LOCK_H
#define Py_LOCK_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct PyMutex {
    uint8_t _bits;              /* zero-initialise; do not touch */
} PyMutex;

PyAPI_FUNC(void) PyMutex_Lock(PyMutex *m);
PyAPI_FUNC(void) PyMutex_Unlock(PyMutex *m);
PyAPI_FUNC(int) PyMutex_IsLocked(PyMutex *m);

#ifdef __cplusplus
}
#endif
#endif /* !Py_LOCK_H */
