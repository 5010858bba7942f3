/* DTrace/SystemTap probes (CPython's pydtrace.h). The interpreter has no
 * static probes: every _ENABLED() test is 0 and every probe does nothing,
 * as in a CPython built without --with-dtrace. */
#ifndef Py_DTRACE_H
#define Py_DTRACE_H

#include "pyport.h"

#ifdef __cplusplus
extern "C" {
#endif

static inline void PyDTrace_LINE(const char *arg0, const char *arg1, int arg2)
{ (void)arg0; (void)arg1; (void)arg2; }
static inline void PyDTrace_FUNCTION_ENTRY(const char *arg0, const char *arg1, int arg2)
{ (void)arg0; (void)arg1; (void)arg2; }
static inline void PyDTrace_FUNCTION_RETURN(const char *arg0, const char *arg1, int arg2)
{ (void)arg0; (void)arg1; (void)arg2; }
static inline void PyDTrace_GC_START(int arg0) { (void)arg0; }
static inline void PyDTrace_GC_DONE(Py_ssize_t arg0) { (void)arg0; }
static inline void PyDTrace_INSTANCE_NEW_START(int arg0) { (void)arg0; }
static inline void PyDTrace_INSTANCE_NEW_DONE(int arg0) { (void)arg0; }
static inline void PyDTrace_INSTANCE_DELETE_START(int arg0) { (void)arg0; }
static inline void PyDTrace_INSTANCE_DELETE_DONE(int arg0) { (void)arg0; }
static inline void PyDTrace_IMPORT_FIND_LOAD_START(const char *arg0) { (void)arg0; }
static inline void PyDTrace_IMPORT_FIND_LOAD_DONE(const char *arg0, int arg1)
{ (void)arg0; (void)arg1; }
static inline void PyDTrace_AUDIT(const char *arg0, void *arg1) { (void)arg0; (void)arg1; }

static inline int PyDTrace_LINE_ENABLED(void) { return 0; }
static inline int PyDTrace_FUNCTION_ENTRY_ENABLED(void) { return 0; }
static inline int PyDTrace_FUNCTION_RETURN_ENABLED(void) { return 0; }
static inline int PyDTrace_GC_START_ENABLED(void) { return 0; }
static inline int PyDTrace_GC_DONE_ENABLED(void) { return 0; }
static inline int PyDTrace_INSTANCE_NEW_START_ENABLED(void) { return 0; }
static inline int PyDTrace_INSTANCE_NEW_DONE_ENABLED(void) { return 0; }
static inline int PyDTrace_INSTANCE_DELETE_START_ENABLED(void) { return 0; }
static inline int PyDTrace_INSTANCE_DELETE_DONE_ENABLED(void) { return 0; }
static inline int PyDTrace_IMPORT_FIND_LOAD_START_ENABLED(void) { return 0; }
static inline int PyDTrace_IMPORT_FIND_LOAD_DONE_ENABLED(void) { return 0; }
static inline int PyDTrace_AUDIT_ENABLED(void) { return 0; }

#ifdef __cplusplus
}
#endif
#endif /* !Py_DTRACE_H */
