/* Frame creation.  Not included by Python.h (as in CPython). */
#ifndef Py_FRAMEOBJECT_H
#define Py_FRAMEOBJECT_H

#include "Python.h"

#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(PyFrameObject *) PyFrame_New(PyThreadState *tstate,
                                        PyCodeObject *code,
                                        PyObject *globals,
                                        PyObject *locals);

/* f_locals writes through to the frame's variables (PEP 667, as RustPython
 * 0.6 and CPython 3.13 do), so these have nothing to copy. */
PyAPI_FUNC(void) PyFrame_LocalsToFast(PyFrameObject *f, int clear);
PyAPI_FUNC(int) PyFrame_FastToLocalsWithError(PyFrameObject *f);
PyAPI_FUNC(void) PyFrame_FastToLocals(PyFrameObject *f);

/* Whether C entered the evaluation loop for this frame. */
PyAPI_FUNC(int) _PyFrame_IsEntryFrame(PyFrameObject *frame);

/* f_locals of a function frame: the VM's FrameLocalsProxy, whose memory is
 * its own. */
typedef Py_CPYEXT_MISSING("frame locals proxies are RustPython's FrameLocalsProxy objects: they have no CPython memory (use PyFrame_GetLocals)")
    struct _PyCpyext_FrameLocalsProxy PyFrameLocalsProxyObject;

#ifdef __cplusplus
}
#endif
#endif /* !Py_FRAMEOBJECT_H */
