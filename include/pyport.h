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
typedef intptr_t Py_intptr_t;
typedef uintptr_t Py_uintptr_t;
typedef Py_ssize_t Py_ssize_clean_t;

#define PY_SSIZE_T_MAX ((Py_ssize_t)(((size_t)-1) >> 1))
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)
#define PY_SIZE_MAX SIZE_MAX

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
#define _Py_COMP_DIAG_PUSH
#define _Py_COMP_DIAG_IGNORE_DEPR_DECLS
#define _Py_COMP_DIAG_POP

#define _Py_FALLTHROUGH __attribute__((fallthrough))

#define Py_UNUSED(name) _unused_ ## name __attribute__((unused))

#define Py_VA_COPY va_copy

#define PY_BIG_ENDIAN 0
#define PY_LITTLE_ENDIAN 1

/* ------------------------------------------------------------------ */
/* Small utility macros (CPython keeps these in pymacro.h).            */

#define Py_MIN(x, y) (((x) > (y)) ? (y) : (x))
#define Py_MAX(x, y) (((x) > (y)) ? (x) : (y))
#define Py_ABS(x) ((x) < 0 ? -(x) : (x))

#define _Py_XSTRINGIFY(x) #x
#define Py_STRINGIFY(x) _Py_XSTRINGIFY(x)

#define Py_MEMBER_SIZE(type, member) sizeof(((type *)0)->member)

#define Py_CHARMASK(c) ((unsigned char)((c) & 0xff))

/* Convert between integer widths; the value must fit. */
#define Py_SAFE_DOWNCAST(VALUE, WIDE, NARROW) _Py_CAST(NARROW, VALUE)

#define Py_ARRAY_LENGTH(array) (sizeof(array) / sizeof((array)[0]))

#ifdef __cplusplus
#  define Py_BUILD_ASSERT(cond) \
     do { static_assert((cond), #cond); } while (0)
#else
#  define Py_BUILD_ASSERT(cond) \
     do { _Static_assert((cond), #cond); } while (0)
#endif
#define Py_BUILD_ASSERT_EXPR(cond) (sizeof(char [1 - 2 * !(cond)]) - 1)

/* Rounding helpers; "a" must be a power of two. */
#define _Py_SIZE_ROUND_DOWN(n, a) ((size_t)(n) & ~(size_t)((a) - 1))
#define _Py_SIZE_ROUND_UP(n, a) \
    (((size_t)(n) + (size_t)((a) - 1)) & ~(size_t)((a) - 1))
#define _Py_ALIGN_DOWN(p, a) \
    ((void *)((uintptr_t)(p) & ~(uintptr_t)((a) - 1)))
#define _Py_ALIGN_UP(p, a) \
    ((void *)(((uintptr_t)(p) + (uintptr_t)((a) - 1)) & ~(uintptr_t)((a) - 1)))
#define _Py_IS_ALIGNED(p, a) (!((uintptr_t)(p) & (uintptr_t)((a) - 1)))

#define Py_UNREACHABLE() __builtin_unreachable()

/* Docstrings. */
#define PyDoc_VAR(name) static const char name[]
#define PyDoc_STRVAR(name, str) PyDoc_VAR(name) = PyDoc_STR(str)
#define PyDoc_STR(str) str

#define Py_MEMCPY memcpy

#endif /* !Py_PYPORT_H */
