/* Raw and "mem" domain allocators. */
#ifndef Py_PYMEM_H
#define Py_PYMEM_H
#ifdef __cplusplus
extern "C" {
#endif

/* Raw domain: thread-safe, usable without the GIL. */
PyAPI_FUNC(void *) PyMem_RawMalloc(size_t size);
PyAPI_FUNC(void *) PyMem_RawCalloc(size_t nelem, size_t elsize);
PyAPI_FUNC(void *) PyMem_RawRealloc(void *ptr, size_t new_size);
PyAPI_FUNC(void) PyMem_RawFree(void *ptr);

/* Mem domain: requires the GIL. */
PyAPI_FUNC(void *) PyMem_Malloc(size_t size);
PyAPI_FUNC(void *) PyMem_Calloc(size_t nelem, size_t elsize);
PyAPI_FUNC(void *) PyMem_Realloc(void *ptr, size_t new_size);
PyAPI_FUNC(void) PyMem_Free(void *ptr);

/* Typed helpers; they return NULL when n * sizeof(type) would overflow. */
#define PyMem_New(type, n) \
    (((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type)) ? NULL : \
     ((type *)PyMem_Malloc((n) * sizeof(type))))
#define PyMem_Resize(p, type, n) \
    ((p) = ((size_t)(n) > PY_SSIZE_T_MAX / sizeof(type)) ? NULL : \
     (type *)PyMem_Realloc((p), (n) * sizeof(type)))
#define PyMem_Del PyMem_Free

/* Old spellings, now plain aliases. */
#define PyMem_MALLOC(n) PyMem_Malloc((n))
#define PyMem_REALLOC(p, n) PyMem_Realloc((p), (n))
#define PyMem_FREE(p) PyMem_Free((p))
#define PyMem_NEW(type, n) PyMem_New(type, (n))
#define PyMem_RESIZE(p, type, n) PyMem_Resize((p), type, (n))
#define PyMem_DEL(p) PyMem_Free((p))

#ifdef __cplusplus
}
#endif
#endif /* !Py_PYMEM_H */
