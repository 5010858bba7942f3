/* Per-object critical sections.  With a GIL they reduce to plain blocks,
 * as in CPython's default (non-free-threaded) build. */
#ifndef Py_CRITICAL_SECTION_H
#define Py_CRITICAL_SECTION_H

#ifdef __cplusplus
extern "C" {
#endif

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
