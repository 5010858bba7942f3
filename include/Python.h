/* Entry point of the C-API of the RustPython cpyext layer.
 *
 * Extensions include this header first; it includes every header of the
 * API (structmember.h, frameobject.h and marshal.h excepted, as in CPython)
 * and the C library headers that CPython's Python.h makes available. */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H

#include "patchlevel.h"
#include "pyconfig.h"

/* C library */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>
#include <wchar.h>

/* Core definitions */
#include "pyport.h"
#include "pymacro.h"
#include "exports.h"
#include "pymath.h"
#include "pymem.h"
#include "pytypedefs.h"
#include "pybuffer.h"
#include "pystats.h"
#include "pyatomic.h"
#include "object.h"
#include "typeslots.h"
#include "objimpl.h"
#include "pyhash.h"
#include "pydebug.h"
#include "pyctype.h"
#include "lock.h"
#include "critical_section.h"

/* Object types */
#include "descrobject.h"
#include "bytearrayobject.h"
#include "bytesobject.h"
#include "unicodeobject.h"
#include "longobject.h"
#include "boolobject.h"
#include "floatobject.h"
#include "complexobject.h"
#include "rangeobject.h"
#include "memoryobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "odictobject.h"
#include "enumobject.h"
#include "setobject.h"
#include "methodobject.h"
#include "moduleobject.h"
#include "monitoring.h"
#include "funcobject.h"
#include "cellobject.h"
#include "classobject.h"
#include "fileobject.h"
#include "pycapsule.h"
#include "code.h"
#include "pyframe.h"
#include "traceback.h"
#include "sliceobject.h"
#include "genericaliasobject.h"
#include "iterobject.h"
#include "weakrefobject.h"
#include "structseq.h"
#include "picklebufobject.h"
#include "context.h"
#include "initconfig.h"
#include "pytime.h"

/* Runtime services */
#include "pyerrors.h"
#include "codecs.h"
#include "warnings.h"
#include "pythread.h"
#include "pystate.h"
#include "genobject.h"
#include "modsupport.h"
#include "pythonrun.h"
#include "pylifecycle.h"
#include "ceval.h"
#include "sysmodule.h"
#include "osmodule.h"
#include "intrcheck.h"
#include "import.h"
#include "abstract.h"
#include "pystrtod.h"
#include "pystrcmp.h"
#include "pyfpe.h"
#include "fileutils.h"
#include "bltinmodule.h"
#include "tracemalloc.h"

/* Code Cython generates takes Cython's Limited-API paths, which use only
 * the C-API: its CPython paths read CPython's internal structures (frames
 * and thread states from Include/internal, the PyCFunctionObject of every
 * builtin function). Cython decides after including this header, so
 * defining it here changes no other code and warns of nothing. */
#ifndef CYTHON_LIMITED_API
#define CYTHON_LIMITED_API 1
#endif

/* Last: what cpyext does not provide, generated from cpyext/capi.decl. */
#include "cpyext/missing.h"

#endif /* !Py_PYTHON_H */
