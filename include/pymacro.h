/* Small utility macros of the C-API (CPython's pymacro.h). */
#ifndef Py_PYMACRO_H
#define Py_PYMACRO_H

#include <stddef.h>
#include <stdint.h>

#define Py_MIN(x, y) (((x) > (y)) ? (y) : (x))
#define Py_MAX(x, y) (((x) > (y)) ? (x) : (y))
#define Py_ABS(x) ((x) < 0 ? -(x) : (x))

#define _Py_XSTRINGIFY(x) #x
#define Py_STRINGIFY(x) _Py_XSTRINGIFY(x)

#define Py_MEMBER_SIZE(type, member) sizeof(((type *)0)->member)

#define Py_CHARMASK(c) ((unsigned char)((c) & 0xff))

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

#define Py_UNUSED(name) _unused_ ## name __attribute__((unused))

#define Py_UNREACHABLE() __builtin_unreachable()

/* Docstrings. */
#define PyDoc_VAR(name) static const char name[]
#define PyDoc_STRVAR(name, str) PyDoc_VAR(name) = PyDoc_STR(str)
#define PyDoc_STR(str) str

/* The struct of type `type` whose field `member` is at ptr. */
#define _Py_CONTAINER_OF(ptr, type, member) \
    (type *)((char *)(ptr) - offsetof(type, member))

/* The value of EXPR, not an lvalue: `_Py_RVALUE(x) = 1` does not compile. */
#define _Py_RVALUE(EXPR) ((void)0, (EXPR))

/* Whether the integer type is signed (`<= 0` keeps compilers from warning
 * that an unsigned comparison is always false). */
#define _Py_IS_TYPE_SIGNED(type) ((type)(-1) <= 0)

/* Version packing (PY_VERSION_HEX's form). The macros are what API users
 * get; the functions are the stable ABI's, for other languages: declared
 * first, so the macros shadow them. */
#include "exports.h"
#ifdef __cplusplus
extern "C" {
#endif
PyAPI_FUNC(uint32_t) Py_PACK_FULL_VERSION(int x, int y, int z, int level, int serial);
PyAPI_FUNC(uint32_t) Py_PACK_VERSION(int x, int y);
#ifdef __cplusplus
}
#endif
#define Py_PACK_FULL_VERSION _Py_PACK_FULL_VERSION
#define Py_PACK_VERSION(X, Y) Py_PACK_FULL_VERSION(X, Y, 0, 0, 0)

#endif /* !Py_PYMACRO_H */
