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

#ifdef __cplusplus
}
#endif
#endif /* !Py_FRAMEOBJECT_H */
