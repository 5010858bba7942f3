/* Basic types and portability macros of the C-API. */
#ifndef Py_PYPORT_H
#define Py_PYPORT_H

#include "pyconfig.h"
#include "exports.h"

#include <stddef.h>
#include <stdint.h>
#include <inttypes.h>
#include <limits.h>
#include <sys/types.h>          /* ssize_t */

/* ------------------------------------------------------------------ */
/* Casts.  _Py_CAST is a plain C cast in both languages (it must accept
 * casts that drop const, as CPython's does).                          */

#define _Py_CAST(type, expr) ((type)(expr))
#ifdef __cplusplus
#  define _Py_STATIC_CAST(type, expr) static_cast<type>(expr)
#else
#  define _Py_STATIC_CAST(type, expr) ((type)(expr))
#endif

#ifdef __cplusplus
#  define _Py_NULL nullptr
#else
#  define _Py_NULL NULL
#endif

/* Keyword list parameter of PyArg_ParseTupleAndKeywords(): const in C++. */
#ifndef PY_CXX_CONST
#  ifdef __cplusplus
#    define PY_CXX_CONST const
#  else
#    define PY_CXX_CONST
#  endif
#endif

/* ------------------------------------------------------------------ */
/* Integer types.                                                       */

typedef ssize_t Py_ssize_t;
typedef Py_ssize_t Py_hash_t;
typedef size_t Py_uhash_t;
#define SIZEOF_PY_HASH_T SIZEOF_SIZE_T
#define SIZEOF_PY_UHASH_T SIZEOF_SIZE_T
typedef intptr_t Py_intptr_t;
typedef uintptr_t Py_uintptr_t;
typedef Py_ssize_t Py_ssize_clean_t;

#define PY_SSIZE_T_MAX ((Py_ssize_t)(((size_t)-1) >> 1))
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)
#define PY_SIZE_MAX SIZE_MAX
/* The largest value of a Windows DWORD (32 bits unsigned). */
#define PY_DWORD_MAX 4294967295U

/* printf's length modifier for size_t and Py_ssize_t. */
#define PY_FORMAT_SIZE_T "z"

/* The bits of one digit of an int (longintrepr.h): 30 with 32-bit digits. */
#define PYLONG_BITS_IN_DIGIT 30

#define PY_UINT32_T uint32_t
#define PY_UINT64_T uint64_t
#define PY_INT32_T int32_t
#define PY_INT64_T int64_t

#define PY_LONG_LONG long long
#define PY_LLONG_MIN LLONG_MIN
#define PY_LLONG_MAX LLONG_MAX
#define PY_ULLONG_MAX ULLONG_MAX
#define Py_LL(x) x##LL
#define Py_ULL(x) Py_LL(x##U)

/* Width of a pid_t, for PyArg_Parse* format strings. */
#define _Py_PARSE_PID "i"
#define _Py_PARSE_INTPTR "l"
#define _Py_PARSE_UINTPTR "k"

/* ------------------------------------------------------------------ */
/* Declarations of API symbols.                                         */

#define PyAPI_FUNC(RTYPE) extern Py_EXPORTED_SYMBOL RTYPE
#define PyAPI_DATA(RTYPE) extern Py_EXPORTED_SYMBOL RTYPE

/* Marks a symbol cpyext declares but does not provide (cpyext/missing.h):
 * any use is a compile-time error carrying the reason. gcc before 12 has
 * only `error`, which catches calls. */
#if defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 12)
#  define Py_CPYEXT_MISSING(reason) __attribute__((unavailable(reason)))
#elif defined(__GNUC__)
#  define Py_CPYEXT_MISSING(reason) __attribute__((error(reason)))
#else
#  define Py_CPYEXT_MISSING(reason)
#endif

#ifdef __cplusplus
#  define PyMODINIT_FUNC extern "C" Py_EXPORTED_SYMBOL PyObject*
#else
#  define PyMODINIT_FUNC Py_EXPORTED_SYMBOL PyObject*
#endif

/* ------------------------------------------------------------------ */
/* Compiler attributes (GCC and Clang are the only supported compilers). */

#define Py_LOCAL(type) static type
#define Py_LOCAL_INLINE(type) static inline type
#define Py_ALWAYS_INLINE __attribute__((always_inline))
#define Py_NO_INLINE __attribute__((noinline))
#define _Py_NO_RETURN __attribute__((__noreturn__))
#define Py_GCC_ATTRIBUTE(x) __attribute__(x)
#define Py_ALIGNED(x) __attribute__((aligned(x)))
#define _Py_HOT_FUNCTION __attribute__((hot))
#define _Py_NO_SANITIZE_ADDRESS
#define _Py_NO_SANITIZE_THREAD
#define _Py_NO_SANITIZE_MEMORY

/* Deprecation markers are informational only here. */
#define Py_DEPRECATED(VERSION_UNUSED)
#define _Py_DEPRECATED_EXTERNALLY(version) Py_DEPRECATED(version)
#define _Py_COMP_DIAG_PUSH
#define _Py_COMP_DIAG_IGNORE_DEPR_DECLS
#define _Py_COMP_DIAG_POP

#define _Py_FALLTHROUGH __attribute__((fallthrough))

#ifdef __has_builtin
#  define _Py__has_builtin(x) __has_builtin(x)
#else
#  define _Py__has_builtin(x) 0
#endif

#define _Py_TYPEOF(expr) __typeof__(expr)

#define Py_VA_COPY va_copy

#define PY_BIG_ENDIAN 0
#define PY_LITTLE_ENDIAN 1

/* Extensions may start threads: the interpreter is built with them. */
#define Py_CAN_START_THREADS 1

/* ------------------------------------------------------------------ */
/* Integer arithmetic.                                                  */

/* Convert between integer widths; the value must fit. */
#define Py_SAFE_DOWNCAST(VALUE, WIDE, NARROW) _Py_CAST(NARROW, VALUE)

/* I >> J for a signed I: GCC and Clang shift in copies of the sign bit. */
#define Py_ARITHMETIC_RIGHT_SHIFT(TYPE, I, J) ((I) >> (J))

/* Its argument, after the macros in it are expanded. */
#define Py_FORCE_EXPANSION(X) X

#define Py_MEMCPY memcpy

#endif /* !Py_PYPORT_H */
