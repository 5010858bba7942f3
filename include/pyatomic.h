/* Atomic operations on plain C objects (CPython's pyatomic.h and
 * cpython/pyatomic.h, with 3.14's set of functions).
 *
 * Every function is static inline on the GCC/Clang `__atomic` builtins, the
 * only compilers these headers support. A function's name says its memory
 * order: `_relaxed`, `_acquire` (loads), `_release` (stores); a name without
 * one is sequentially consistent. The read-modify-write functions (add, and,
 * or, exchange) return the value the object held before; compare_exchange
 * returns 1 when *obj equalled *expected and was replaced by desired, else 0
 * after writing the value it found into *expected. The `_ptr` functions take
 * the address of a pointer variable as `void *`. */
#ifndef Py_ATOMIC_H
#define Py_ATOMIC_H

#include "pyport.h"

#ifdef __cplusplus
extern "C" {
#endif

#if !defined(__GNUC__) && !defined(__clang__)
#  error "pyatomic.h needs the GCC/Clang __atomic builtins"
#endif
#define _Py_USE_GCC_BUILTIN_ATOMICS 1

/* Generators for one function each; the full name is spelled out at every
 * use so that a search for it lands on its definition. */
#define _Py_CPYEXT_ATOMIC_RMW(fn, builtin, T) \
    static inline T fn(T *obj, T value) \
    { return builtin(obj, value, __ATOMIC_SEQ_CST); }
#define _Py_CPYEXT_ATOMIC_CAS(fn, T) \
    static inline int fn(T *obj, T *expected, T desired) \
    { return __atomic_compare_exchange_n(obj, expected, desired, 0, \
                                         __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); }
#define _Py_CPYEXT_ATOMIC_LOAD(fn, T, order) \
    static inline T fn(const T *obj) { return __atomic_load_n(obj, order); }
#define _Py_CPYEXT_ATOMIC_STORE(fn, T, order) \
    static inline void fn(T *obj, T value) { __atomic_store_n(obj, value, order); }
/* Floating-point objects: the generic builtins, which copy the bytes. */
#define _Py_CPYEXT_ATOMIC_LOAD_FP(fn, T, order) \
    static inline T fn(const T *obj) { T v; __atomic_load(obj, &v, order); return v; }
#define _Py_CPYEXT_ATOMIC_STORE_FP(fn, T, order) \
    static inline void fn(T *obj, T value) { __atomic_store(obj, &value, order); }

/* --- add: returns the previous value ------------------------------------ */
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_add_int, __atomic_fetch_add, int)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_add_int8, __atomic_fetch_add, int8_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_add_int16, __atomic_fetch_add, int16_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_add_int32, __atomic_fetch_add, int32_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_add_int64, __atomic_fetch_add, int64_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_add_intptr, __atomic_fetch_add, intptr_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_add_uint, __atomic_fetch_add, unsigned int)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_add_uint8, __atomic_fetch_add, uint8_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_add_uint16, __atomic_fetch_add, uint16_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_add_uint32, __atomic_fetch_add, uint32_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_add_uint64, __atomic_fetch_add, uint64_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_add_uintptr, __atomic_fetch_add, uintptr_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_add_ssize, __atomic_fetch_add, Py_ssize_t)

/* --- compare_exchange: 1 if swapped, else 0 and *expected updated ------- */
_Py_CPYEXT_ATOMIC_CAS(_Py_atomic_compare_exchange_int, int)
_Py_CPYEXT_ATOMIC_CAS(_Py_atomic_compare_exchange_int8, int8_t)
_Py_CPYEXT_ATOMIC_CAS(_Py_atomic_compare_exchange_int16, int16_t)
_Py_CPYEXT_ATOMIC_CAS(_Py_atomic_compare_exchange_int32, int32_t)
_Py_CPYEXT_ATOMIC_CAS(_Py_atomic_compare_exchange_int64, int64_t)
_Py_CPYEXT_ATOMIC_CAS(_Py_atomic_compare_exchange_intptr, intptr_t)
_Py_CPYEXT_ATOMIC_CAS(_Py_atomic_compare_exchange_uint, unsigned int)
_Py_CPYEXT_ATOMIC_CAS(_Py_atomic_compare_exchange_uint8, uint8_t)
_Py_CPYEXT_ATOMIC_CAS(_Py_atomic_compare_exchange_uint16, uint16_t)
_Py_CPYEXT_ATOMIC_CAS(_Py_atomic_compare_exchange_uint32, uint32_t)
_Py_CPYEXT_ATOMIC_CAS(_Py_atomic_compare_exchange_uint64, uint64_t)
_Py_CPYEXT_ATOMIC_CAS(_Py_atomic_compare_exchange_uintptr, uintptr_t)
_Py_CPYEXT_ATOMIC_CAS(_Py_atomic_compare_exchange_ssize, Py_ssize_t)

static inline int
_Py_atomic_compare_exchange_ptr(void *obj, void *expected, void *desired)
{
    return __atomic_compare_exchange_n((void **)obj, (void **)expected, desired, 0,
                                       __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

/* --- exchange: returns the previous value ------------------------------- */
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_exchange_int, __atomic_exchange_n, int)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_exchange_int8, __atomic_exchange_n, int8_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_exchange_int16, __atomic_exchange_n, int16_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_exchange_int32, __atomic_exchange_n, int32_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_exchange_int64, __atomic_exchange_n, int64_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_exchange_intptr, __atomic_exchange_n, intptr_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_exchange_uint, __atomic_exchange_n, unsigned int)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_exchange_uint8, __atomic_exchange_n, uint8_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_exchange_uint16, __atomic_exchange_n, uint16_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_exchange_uint32, __atomic_exchange_n, uint32_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_exchange_uint64, __atomic_exchange_n, uint64_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_exchange_uintptr, __atomic_exchange_n, uintptr_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_exchange_ssize, __atomic_exchange_n, Py_ssize_t)

static inline void *
_Py_atomic_exchange_ptr(void *obj, void *value)
{
    return __atomic_exchange_n((void **)obj, value, __ATOMIC_SEQ_CST);
}

/* --- and / or: return the previous value -------------------------------- */
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_and_uint8, __atomic_fetch_and, uint8_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_and_uint16, __atomic_fetch_and, uint16_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_and_uint32, __atomic_fetch_and, uint32_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_and_uint64, __atomic_fetch_and, uint64_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_and_uintptr, __atomic_fetch_and, uintptr_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_or_uint8, __atomic_fetch_or, uint8_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_or_uint16, __atomic_fetch_or, uint16_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_or_uint32, __atomic_fetch_or, uint32_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_or_uint64, __atomic_fetch_or, uint64_t)
_Py_CPYEXT_ATOMIC_RMW(_Py_atomic_or_uintptr, __atomic_fetch_or, uintptr_t)

/* --- loads --------------------------------------------------------------- */
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_int, int, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_int8, int8_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_int16, int16_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_int32, int32_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_int64, int64_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_intptr, intptr_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uint8, uint8_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uint16, uint16_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uint32, uint32_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uint64, uint64_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uintptr, uintptr_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uint, unsigned int, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_ssize, Py_ssize_t, __ATOMIC_SEQ_CST)

static inline void *
_Py_atomic_load_ptr(const void *obj)
{
    return (void *)__atomic_load_n((void *const *)obj, __ATOMIC_SEQ_CST);
}

_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_int_relaxed, int, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_char_relaxed, char, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uchar_relaxed, unsigned char, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_short_relaxed, short, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_ushort_relaxed, unsigned short, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_long_relaxed, long, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_llong_relaxed, long long, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_ullong_relaxed, unsigned long long, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_int8_relaxed, int8_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_int16_relaxed, int16_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_int32_relaxed, int32_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_int64_relaxed, int64_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_intptr_relaxed, intptr_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uint8_relaxed, uint8_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uint16_relaxed, uint16_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uint32_relaxed, uint32_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uint64_relaxed, uint64_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uintptr_relaxed, uintptr_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uint_relaxed, unsigned int, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_ssize_relaxed, Py_ssize_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD_FP(_Py_atomic_load_float_relaxed, float, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_LOAD_FP(_Py_atomic_load_double_relaxed, double, __ATOMIC_RELAXED)

static inline void *
_Py_atomic_load_ptr_relaxed(const void *obj)
{
    return (void *)__atomic_load_n((void *const *)obj, __ATOMIC_RELAXED);
}

_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_int_acquire, int, __ATOMIC_ACQUIRE)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uint32_acquire, uint32_t, __ATOMIC_ACQUIRE)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uint64_acquire, uint64_t, __ATOMIC_ACQUIRE)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_uintptr_acquire, uintptr_t, __ATOMIC_ACQUIRE)
_Py_CPYEXT_ATOMIC_LOAD(_Py_atomic_load_ssize_acquire, Py_ssize_t, __ATOMIC_ACQUIRE)

static inline void *
_Py_atomic_load_ptr_acquire(const void *obj)
{
    return (void *)__atomic_load_n((void *const *)obj, __ATOMIC_ACQUIRE);
}

/* A load ordered before the loads that depend on its value: compilers
 * implement "consume" as "acquire", which is what this is. */
#define _Py_atomic_load_ptr_consume _Py_atomic_load_ptr_acquire

/* --- stores -------------------------------------------------------------- */
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_int, int, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_int8, int8_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_int16, int16_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_int32, int32_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_int64, int64_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_intptr, intptr_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uint8, uint8_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uint16, uint16_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uint32, uint32_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uint64, uint64_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uintptr, uintptr_t, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uint, unsigned int, __ATOMIC_SEQ_CST)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_ssize, Py_ssize_t, __ATOMIC_SEQ_CST)

static inline void
_Py_atomic_store_ptr(void *obj, void *value)
{
    __atomic_store_n((void **)obj, value, __ATOMIC_SEQ_CST);
}

_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_int_relaxed, int, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_char_relaxed, char, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uchar_relaxed, unsigned char, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_short_relaxed, short, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_ushort_relaxed, unsigned short, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_long_relaxed, long, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_llong_relaxed, long long, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_ullong_relaxed, unsigned long long, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_int8_relaxed, int8_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_int16_relaxed, int16_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_int32_relaxed, int32_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_int64_relaxed, int64_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_intptr_relaxed, intptr_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uint8_relaxed, uint8_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uint16_relaxed, uint16_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uint32_relaxed, uint32_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uint64_relaxed, uint64_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uintptr_relaxed, uintptr_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uint_relaxed, unsigned int, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_ssize_relaxed, Py_ssize_t, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE_FP(_Py_atomic_store_float_relaxed, float, __ATOMIC_RELAXED)
_Py_CPYEXT_ATOMIC_STORE_FP(_Py_atomic_store_double_relaxed, double, __ATOMIC_RELAXED)

static inline void
_Py_atomic_store_ptr_relaxed(void *obj, void *value)
{
    __atomic_store_n((void **)obj, value, __ATOMIC_RELAXED);
}

_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_int_release, int, __ATOMIC_RELEASE)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uint_release, unsigned int, __ATOMIC_RELEASE)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uint32_release, uint32_t, __ATOMIC_RELEASE)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uint64_release, uint64_t, __ATOMIC_RELEASE)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_uintptr_release, uintptr_t, __ATOMIC_RELEASE)
_Py_CPYEXT_ATOMIC_STORE(_Py_atomic_store_ssize_release, Py_ssize_t, __ATOMIC_RELEASE)

static inline void
_Py_atomic_store_ptr_release(void *obj, void *value)
{
    __atomic_store_n((void **)obj, value, __ATOMIC_RELEASE);
}

/* --- fences -------------------------------------------------------------- */
static inline void _Py_atomic_fence_seq_cst(void) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }
static inline void _Py_atomic_fence_acquire(void) { __atomic_thread_fence(__ATOMIC_ACQUIRE); }
static inline void _Py_atomic_fence_release(void) { __atomic_thread_fence(__ATOMIC_RELEASE); }

#undef _Py_CPYEXT_ATOMIC_RMW
#undef _Py_CPYEXT_ATOMIC_CAS
#undef _Py_CPYEXT_ATOMIC_LOAD
#undef _Py_CPYEXT_ATOMIC_STORE
#undef _Py_CPYEXT_ATOMIC_LOAD_FP
#undef _Py_CPYEXT_ATOMIC_STORE_FP

/* unsigned long: the fixed-width functions of its size. */
#if SIZEOF_LONG == 8
#  define _Py_atomic_load_ulong(p) _Py_atomic_load_uint64((uint64_t *)(p))
#  define _Py_atomic_load_ulong_relaxed(p) _Py_atomic_load_uint64_relaxed((uint64_t *)(p))
#  define _Py_atomic_store_ulong(p, v) _Py_atomic_store_uint64((uint64_t *)(p), (v))
#  define _Py_atomic_store_ulong_relaxed(p, v) _Py_atomic_store_uint64_relaxed((uint64_t *)(p), (v))
#else
#  define _Py_atomic_load_ulong(p) _Py_atomic_load_uint32((uint32_t *)(p))
#  define _Py_atomic_load_ulong_relaxed(p) _Py_atomic_load_uint32_relaxed((uint32_t *)(p))
#  define _Py_atomic_store_ulong(p, v) _Py_atomic_store_uint32((uint32_t *)(p), (v))
#  define _Py_atomic_store_ulong_relaxed(p, v) _Py_atomic_store_uint32_relaxed((uint32_t *)(p), (v))
#endif

#ifdef __cplusplus
}
#endif
#endif /* !Py_ATOMIC_H */
