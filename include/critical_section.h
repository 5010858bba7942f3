/* Per-object critical sections.  With a GIL they do nothing, as in
 * CPython's default (non-free-threaded) build: the macros are plain blocks
 * and the functions return at once.  The structs have the free-threaded
 * layout so that C can declare one for the functions. */
#ifndef Py_CRITICAL_SECTION_H
#define Py_CRITICAL_SECTION_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct PyCriticalSection {
    uintptr_t _cs_prev;
    PyMutex *_cs_mutex;
} PyCriticalSection;

typedef struct PyCriticalSection2 {
    PyCriticalSection _cs_base;
    PyMutex *_cs_mutex2;
} PyCriticalSection2;

PyAPI_FUNC(void) PyCriticalSection_Begin(PyCriticalSection *c, PyObject *op);
PyAPI_FUNC(void) PyCriticalSection_End(PyCriticalSection *c);
PyAPI_FUNC(void) PyCriticalSection2_Begin(PyCriticalSection2 *c, PyObject *a,
                                          PyObject *b);
PyAPI_FUNC(void) PyCriticalSection2_End(PyCriticalSection2 *c);

#define Py_BEGIN_CRITICAL_SECTION(op) {
#define Py_END_CRITICAL_SECTION() }
#define Py_BEGIN_CRITICAL_SECTION2(a, b) {
#define Py_END_CRITICAL_SECTION2() }
#define Py_BEGIN_CRITICAL_SECTION_MUTEX(mutex) {
#define Py_BEGIN_CRITICAL_SECTION2_MUTEX(m1, m2) {

#ifdef __cplusplus
}
#endif
#endif /* !Py_CRITICAL_SECTION_H */
