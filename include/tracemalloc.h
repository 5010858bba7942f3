/* Reporting allocations to tracemalloc. */
#ifndef Py_TRACEMALLOC_H
#define Py_TRACEMALLOC_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(int) PyTraceMalloc_Track(unsigned int domain, uintptr_t ptr,
                                    size_t size);
PyAPI_FUNC(int) PyTraceMalloc_Untrack(unsigned int domain, uintptr_t ptr);

#ifdef __cplusplus
}
#endif
#endif /* !Py_TRACEMALLOC_H */
