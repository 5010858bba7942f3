/* capi_atomic: the atomics of pyatomic.h (3.13+; 3.14's additions under
 * 3.14 headers), pystrcmp.h, the hash parameters and functions of pyhash.h,
 * pydtrace.h's probes, the capsule headers py_curses.h and pyexpat.h, and
 * a few build facts of pyport.h and pyconfig.h. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pydtrace.h>
#include <expat.h>
#include <pyexpat.h>
#include <py_curses.h>

#include <pthread.h>
#include <string.h>

/* ---- atomics ---- */

#if PY_VERSION_HEX >= 0x030D0000

/* Every wrapper takes the call's argument tuple. The "S" forms convert
 * through long long, the "U" forms through unsigned long long; objects
 * live in the middle of a three-element array whose neighbours hold a
 * sentinel, so an operation of the wrong width shows. */
#define SENTINEL_BYTE 0xA5

#define NEIGHBOURS_INTACT(buf) \
    (memcmp(&(buf)[0], sentinel, sizeof((buf)[0])) == 0 \
     && memcmp(&(buf)[2], sentinel, sizeof((buf)[0])) == 0)

static const unsigned char sentinel[16] = {
    SENTINEL_BYTE, SENTINEL_BYTE, SENTINEL_BYTE, SENTINEL_BYTE,
    SENTINEL_BYTE, SENTINEL_BYTE, SENTINEL_BYTE, SENTINEL_BYTE,
    SENTINEL_BYTE, SENTINEL_BYTE, SENTINEL_BYTE, SENTINEL_BYTE,
    SENTINEL_BYTE, SENTINEL_BYTE, SENTINEL_BYTE, SENTINEL_BYTE,
};

/* (initial, operand) -> (returned, stored, neighbours intact) */
#define RMW(fn, T, CT, F) \
    static PyObject *w_##fn(PyObject *args) \
    { \
        CT a, b; \
        T buf[3]; \
        if (!PyArg_ParseTuple(args, F F, &a, &b)) return NULL; \
        memset(buf, SENTINEL_BYTE, sizeof buf); \
        buf[1] = (T)a; \
        T r = fn(&buf[1], (T)b); \
        return Py_BuildValue("(" F F "N)", (CT)r, (CT)buf[1], \
                             PyBool_FromLong(NEIGHBOURS_INTACT(buf))); \
    }
#define RMW_S(fn, T) RMW(fn, T, long long, "L")
#define RMW_U(fn, T) RMW(fn, T, unsigned long long, "K")

/* (initial, expected, desired) -> (result, stored, expected after) */
#define CAS(fn, T, CT, F) \
    static PyObject *w_##fn(PyObject *args) \
    { \
        CT a, e, d; \
        T buf[3]; \
        if (!PyArg_ParseTuple(args, F F F, &a, &e, &d)) return NULL; \
        memset(buf, SENTINEL_BYTE, sizeof buf); \
        buf[1] = (T)a; \
        T expected = (T)e; \
        int r = fn(&buf[1], &expected, (T)d); \
        if (!NEIGHBOURS_INTACT(buf)) { \
            PyErr_SetString(PyExc_AssertionError, #fn " wrote outside its object"); \
            return NULL; \
        } \
        return Py_BuildValue("(i" F F ")", r, (CT)buf[1], (CT)expected); \
    }
#define CAS_S(fn, T) CAS(fn, T, long long, "L")
#define CAS_U(fn, T) CAS(fn, T, unsigned long long, "K")

/* (value) -> the load of an object holding value */
#define LOAD(fn, T, CT, F) \
    static PyObject *w_##fn(PyObject *args) \
    { \
        CT v; \
        T buf[3]; \
        if (!PyArg_ParseTuple(args, F, &v)) return NULL; \
        memset(buf, SENTINEL_BYTE, sizeof buf); \
        buf[1] = (T)v; \
        return Py_BuildValue(F, (CT)fn(&buf[1])); \
    }
#define LOAD_S(fn, T) LOAD(fn, T, long long, "L")
#define LOAD_U(fn, T) LOAD(fn, T, unsigned long long, "K")
#define LOAD_F(fn, T) LOAD(fn, T, double, "d")

/* (value) -> (what the object holds after the store, neighbours intact) */
#define STORE(fn, T, CT, F) \
    static PyObject *w_##fn(PyObject *args) \
    { \
        CT v; \
        T buf[3]; \
        if (!PyArg_ParseTuple(args, F, &v)) return NULL; \
        memset(buf, SENTINEL_BYTE, sizeof buf); \
        fn(&buf[1], (T)v); \
        return Py_BuildValue("(" F "N)", (CT)buf[1], \
                             PyBool_FromLong(NEIGHBOURS_INTACT(buf))); \
    }
#define STORE_S(fn, T) STORE(fn, T, long long, "L")
#define STORE_U(fn, T) STORE(fn, T, unsigned long long, "K")
#define STORE_F(fn, T) STORE(fn, T, double, "d")

/* The pointer functions take the address of a void * variable; Python
 * passes and gets addresses as ints. */
#define PTR_XCHG(fn, T_unused) \
    static PyObject *w_##fn(PyObject *args) \
    { \
        unsigned long long a, b; \
        void *buf[3]; \
        if (!PyArg_ParseTuple(args, "KK", &a, &b)) return NULL; \
        memset(buf, SENTINEL_BYTE, sizeof buf); \
        buf[1] = (void *)(uintptr_t)a; \
        void *r = fn(&buf[1], (void *)(uintptr_t)b); \
        return Py_BuildValue("(KKN)", (unsigned long long)(uintptr_t)r, \
                             (unsigned long long)(uintptr_t)buf[1], \
                             PyBool_FromLong(NEIGHBOURS_INTACT(buf))); \
    }
#define PTR_CAS(fn, T_unused) \
    static PyObject *w_##fn(PyObject *args) \
    { \
        unsigned long long a, e, d; \
        void *buf[3]; \
        if (!PyArg_ParseTuple(args, "KKK", &a, &e, &d)) return NULL; \
        memset(buf, SENTINEL_BYTE, sizeof buf); \
        buf[1] = (void *)(uintptr_t)a; \
        void *expected = (void *)(uintptr_t)e; \
        int r = fn(&buf[1], &expected, (void *)(uintptr_t)d); \
        return Py_BuildValue("(iKK)", r, (unsigned long long)(uintptr_t)buf[1], \
                             (unsigned long long)(uintptr_t)expected); \
    }
#define PTR_LOAD(fn, T_unused) \
    static PyObject *w_##fn(PyObject *args) \
    { \
        unsigned long long v; \
        void *buf[3]; \
        if (!PyArg_ParseTuple(args, "K", &v)) return NULL; \
        memset(buf, SENTINEL_BYTE, sizeof buf); \
        buf[1] = (void *)(uintptr_t)v; \
        return Py_BuildValue("K", (unsigned long long)(uintptr_t)fn(&buf[1])); \
    }
#define PTR_STORE(fn, T_unused) \
    static PyObject *w_##fn(PyObject *args) \
    { \
        unsigned long long v; \
        void *buf[3]; \
        if (!PyArg_ParseTuple(args, "K", &v)) return NULL; \
        memset(buf, SENTINEL_BYTE, sizeof buf); \
        fn(&buf[1], (void *)(uintptr_t)v); \
        return Py_BuildValue("(KN)", (unsigned long long)(uintptr_t)buf[1], \
                             PyBool_FromLong(NEIGHBOURS_INTACT(buf))); \
    }

/* The functions of CPython 3.13's cpython/pyatomic.h. */
#define ATOMICS_313(X) \
    X(RMW_S, _Py_atomic_add_int, int) \
    X(RMW_S, _Py_atomic_add_int8, int8_t) \
    X(RMW_S, _Py_atomic_add_int16, int16_t) \
    X(RMW_S, _Py_atomic_add_int32, int32_t) \
    X(RMW_S, _Py_atomic_add_int64, int64_t) \
    X(RMW_S, _Py_atomic_add_intptr, intptr_t) \
    X(RMW_U, _Py_atomic_add_uint, unsigned int) \
    X(RMW_U, _Py_atomic_add_uint8, uint8_t) \
    X(RMW_U, _Py_atomic_add_uint16, uint16_t) \
    X(RMW_U, _Py_atomic_add_uint32, uint32_t) \
    X(RMW_U, _Py_atomic_add_uint64, uint64_t) \
    X(RMW_U, _Py_atomic_add_uintptr, uintptr_t) \
    X(RMW_S, _Py_atomic_add_ssize, Py_ssize_t) \
    X(CAS_S, _Py_atomic_compare_exchange_int, int) \
    X(CAS_S, _Py_atomic_compare_exchange_int8, int8_t) \
    X(CAS_S, _Py_atomic_compare_exchange_int16, int16_t) \
    X(CAS_S, _Py_atomic_compare_exchange_int32, int32_t) \
    X(CAS_S, _Py_atomic_compare_exchange_int64, int64_t) \
    X(CAS_S, _Py_atomic_compare_exchange_intptr, intptr_t) \
    X(CAS_U, _Py_atomic_compare_exchange_uint, unsigned int) \
    X(CAS_U, _Py_atomic_compare_exchange_uint8, uint8_t) \
    X(CAS_U, _Py_atomic_compare_exchange_uint16, uint16_t) \
    X(CAS_U, _Py_atomic_compare_exchange_uint32, uint32_t) \
    X(CAS_U, _Py_atomic_compare_exchange_uint64, uint64_t) \
    X(CAS_U, _Py_atomic_compare_exchange_uintptr, uintptr_t) \
    X(CAS_S, _Py_atomic_compare_exchange_ssize, Py_ssize_t) \
    X(PTR_CAS, _Py_atomic_compare_exchange_ptr, void *) \
    X(RMW_S, _Py_atomic_exchange_int, int) \
    X(RMW_S, _Py_atomic_exchange_int8, int8_t) \
    X(RMW_S, _Py_atomic_exchange_int16, int16_t) \
    X(RMW_S, _Py_atomic_exchange_int32, int32_t) \
    X(RMW_S, _Py_atomic_exchange_int64, int64_t) \
    X(RMW_S, _Py_atomic_exchange_intptr, intptr_t) \
    X(RMW_U, _Py_atomic_exchange_uint, unsigned int) \
    X(RMW_U, _Py_atomic_exchange_uint8, uint8_t) \
    X(RMW_U, _Py_atomic_exchange_uint16, uint16_t) \
    X(RMW_U, _Py_atomic_exchange_uint32, uint32_t) \
    X(RMW_U, _Py_atomic_exchange_uint64, uint64_t) \
    X(RMW_U, _Py_atomic_exchange_uintptr, uintptr_t) \
    X(RMW_S, _Py_atomic_exchange_ssize, Py_ssize_t) \
    X(PTR_XCHG, _Py_atomic_exchange_ptr, void *) \
    X(RMW_U, _Py_atomic_and_uint8, uint8_t) \
    X(RMW_U, _Py_atomic_and_uint16, uint16_t) \
    X(RMW_U, _Py_atomic_and_uint32, uint32_t) \
    X(RMW_U, _Py_atomic_and_uint64, uint64_t) \
    X(RMW_U, _Py_atomic_and_uintptr, uintptr_t) \
    X(RMW_U, _Py_atomic_or_uint8, uint8_t) \
    X(RMW_U, _Py_atomic_or_uint16, uint16_t) \
    X(RMW_U, _Py_atomic_or_uint32, uint32_t) \
    X(RMW_U, _Py_atomic_or_uint64, uint64_t) \
    X(RMW_U, _Py_atomic_or_uintptr, uintptr_t) \
    X(LOAD_S, _Py_atomic_load_int, int) \
    X(LOAD_S, _Py_atomic_load_int8, int8_t) \
    X(LOAD_S, _Py_atomic_load_int16, int16_t) \
    X(LOAD_S, _Py_atomic_load_int32, int32_t) \
    X(LOAD_S, _Py_atomic_load_int64, int64_t) \
    X(LOAD_S, _Py_atomic_load_intptr, intptr_t) \
    X(LOAD_U, _Py_atomic_load_uint8, uint8_t) \
    X(LOAD_U, _Py_atomic_load_uint16, uint16_t) \
    X(LOAD_U, _Py_atomic_load_uint32, uint32_t) \
    X(LOAD_U, _Py_atomic_load_uint64, uint64_t) \
    X(LOAD_U, _Py_atomic_load_uintptr, uintptr_t) \
    X(LOAD_U, _Py_atomic_load_uint, unsigned int) \
    X(LOAD_S, _Py_atomic_load_ssize, Py_ssize_t) \
    X(PTR_LOAD, _Py_atomic_load_ptr, void *) \
    X(LOAD_S, _Py_atomic_load_int_relaxed, int) \
    X(LOAD_S, _Py_atomic_load_int8_relaxed, int8_t) \
    X(LOAD_S, _Py_atomic_load_int16_relaxed, int16_t) \
    X(LOAD_S, _Py_atomic_load_int32_relaxed, int32_t) \
    X(LOAD_S, _Py_atomic_load_int64_relaxed, int64_t) \
    X(LOAD_S, _Py_atomic_load_intptr_relaxed, intptr_t) \
    X(LOAD_U, _Py_atomic_load_uint8_relaxed, uint8_t) \
    X(LOAD_U, _Py_atomic_load_uint16_relaxed, uint16_t) \
    X(LOAD_U, _Py_atomic_load_uint32_relaxed, uint32_t) \
    X(LOAD_U, _Py_atomic_load_uint64_relaxed, uint64_t) \
    X(LOAD_U, _Py_atomic_load_uintptr_relaxed, uintptr_t) \
    X(LOAD_U, _Py_atomic_load_uint_relaxed, unsigned int) \
    X(LOAD_S, _Py_atomic_load_ssize_relaxed, Py_ssize_t) \
    X(PTR_LOAD, _Py_atomic_load_ptr_relaxed, void *) \
    X(LOAD_U, _Py_atomic_load_ullong_relaxed, unsigned long long) \
    X(STORE_S, _Py_atomic_store_int, int) \
    X(STORE_S, _Py_atomic_store_int8, int8_t) \
    X(STORE_S, _Py_atomic_store_int16, int16_t) \
    X(STORE_S, _Py_atomic_store_int32, int32_t) \
    X(STORE_S, _Py_atomic_store_int64, int64_t) \
    X(STORE_S, _Py_atomic_store_intptr, intptr_t) \
    X(STORE_U, _Py_atomic_store_uint8, uint8_t) \
    X(STORE_U, _Py_atomic_store_uint16, uint16_t) \
    X(STORE_U, _Py_atomic_store_uint32, uint32_t) \
    X(STORE_U, _Py_atomic_store_uint64, uint64_t) \
    X(STORE_U, _Py_atomic_store_uintptr, uintptr_t) \
    X(STORE_U, _Py_atomic_store_uint, unsigned int) \
    X(PTR_STORE, _Py_atomic_store_ptr, void *) \
    X(STORE_S, _Py_atomic_store_ssize, Py_ssize_t) \
    X(STORE_S, _Py_atomic_store_int_relaxed, int) \
    X(STORE_S, _Py_atomic_store_int8_relaxed, int8_t) \
    X(STORE_S, _Py_atomic_store_int16_relaxed, int16_t) \
    X(STORE_S, _Py_atomic_store_int32_relaxed, int32_t) \
    X(STORE_S, _Py_atomic_store_int64_relaxed, int64_t) \
    X(STORE_S, _Py_atomic_store_intptr_relaxed, intptr_t) \
    X(STORE_U, _Py_atomic_store_uint8_relaxed, uint8_t) \
    X(STORE_U, _Py_atomic_store_uint16_relaxed, uint16_t) \
    X(STORE_U, _Py_atomic_store_uint32_relaxed, uint32_t) \
    X(STORE_U, _Py_atomic_store_uint64_relaxed, uint64_t) \
    X(STORE_U, _Py_atomic_store_uintptr_relaxed, uintptr_t) \
    X(STORE_U, _Py_atomic_store_uint_relaxed, unsigned int) \
    X(PTR_STORE, _Py_atomic_store_ptr_relaxed, void *) \
    X(STORE_S, _Py_atomic_store_ssize_relaxed, Py_ssize_t) \
    X(STORE_U, _Py_atomic_store_ullong_relaxed, unsigned long long) \
    X(PTR_LOAD, _Py_atomic_load_ptr_acquire, void *) \
    X(LOAD_U, _Py_atomic_load_uintptr_acquire, uintptr_t) \
    X(PTR_STORE, _Py_atomic_store_ptr_release, void *) \
    X(STORE_U, _Py_atomic_store_uintptr_release, uintptr_t) \
    X(STORE_S, _Py_atomic_store_ssize_release, Py_ssize_t) \
    X(STORE_S, _Py_atomic_store_int_release, int) \
    X(LOAD_S, _Py_atomic_load_int_acquire, int) \
    X(STORE_U, _Py_atomic_store_uint32_release, uint32_t) \
    X(STORE_U, _Py_atomic_store_uint64_release, uint64_t) \
    X(LOAD_U, _Py_atomic_load_uint64_acquire, uint64_t) \
    X(LOAD_U, _Py_atomic_load_uint32_acquire, uint32_t) \
    X(LOAD_S, _Py_atomic_load_ssize_acquire, Py_ssize_t)

/* What CPython 3.14 added. */
#if PY_VERSION_HEX >= 0x030E0000
#define ATOMICS_314(X) \
    X(LOAD_S, _Py_atomic_load_char_relaxed, char) \
    X(LOAD_U, _Py_atomic_load_uchar_relaxed, unsigned char) \
    X(LOAD_S, _Py_atomic_load_short_relaxed, short) \
    X(LOAD_U, _Py_atomic_load_ushort_relaxed, unsigned short) \
    X(LOAD_S, _Py_atomic_load_long_relaxed, long) \
    X(LOAD_S, _Py_atomic_load_llong_relaxed, long long) \
    X(LOAD_F, _Py_atomic_load_float_relaxed, float) \
    X(LOAD_F, _Py_atomic_load_double_relaxed, double) \
    X(STORE_S, _Py_atomic_store_char_relaxed, char) \
    X(STORE_U, _Py_atomic_store_uchar_relaxed, unsigned char) \
    X(STORE_S, _Py_atomic_store_short_relaxed, short) \
    X(STORE_U, _Py_atomic_store_ushort_relaxed, unsigned short) \
    X(STORE_S, _Py_atomic_store_long_relaxed, long) \
    X(STORE_S, _Py_atomic_store_llong_relaxed, long long) \
    X(STORE_F, _Py_atomic_store_float_relaxed, float) \
    X(STORE_F, _Py_atomic_store_double_relaxed, double) \
    X(STORE_U, _Py_atomic_store_uint_release, unsigned int)
#else
#define ATOMICS_314(X)
#endif

#define DEFINE_WRAPPER(kind, fn, T) kind(fn, T)
ATOMICS_313(DEFINE_WRAPPER)
ATOMICS_314(DEFINE_WRAPPER)

/* The macros: unsigned long through the fixed width of its size, and
 * (3.14) the consume load. */
static PyObject *
w_ulong(PyObject *args)
{
    unsigned long a, b;
    if (!PyArg_ParseTuple(args, "kk", &a, &b))
        return NULL;
    unsigned long obj = 0, obj2 = 0;
    _Py_atomic_store_ulong(&obj, a);
    _Py_atomic_store_ulong_relaxed(&obj2, b);
    return Py_BuildValue("(kkkk)", obj, obj2, (unsigned long)_Py_atomic_load_ulong(&obj),
                         (unsigned long)_Py_atomic_load_ulong_relaxed(&obj2));
}

#if PY_VERSION_HEX >= 0x030E0000
PTR_LOAD(_Py_atomic_load_ptr_consume, void *)
#endif

struct atomic_entry {
    const char *name;
    PyObject *(*fn)(PyObject *args);
};

#define ENTRY(kind, fn, T) {#fn, w_##fn},
static const struct atomic_entry atomic_entries[] = {
    ATOMICS_313(ENTRY)
    ATOMICS_314(ENTRY)
#if PY_VERSION_HEX >= 0x030E0000
    {"_Py_atomic_load_ptr_consume", w__Py_atomic_load_ptr_consume},
#endif
    {"_Py_atomic_load_ulong", w_ulong},
    {NULL, NULL},
};

static PyObject *
atomic_names(PyObject *m, PyObject *unused)
{
    PyObject *names = PyList_New(0);
    if (names == NULL)
        return NULL;
    for (const struct atomic_entry *e = atomic_entries; e->name; e++) {
        PyObject *s = PyUnicode_FromString(e->name);
        if (s == NULL || PyList_Append(names, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(names);
            return NULL;
        }
        Py_DECREF(s);
    }
    return names;
}

/* atomic(name, *args): the wrapper of the function called name. */
static PyObject *
atomic_call(PyObject *m, PyObject *args)
{
    Py_ssize_t n = PyTuple_Size(args);
    if (n < 1) {
        PyErr_SetString(PyExc_TypeError, "atomic() needs a function name");
        return NULL;
    }
    const char *name = PyUnicode_AsUTF8(PyTuple_GET_ITEM(args, 0));
    if (name == NULL)
        return NULL;
    for (const struct atomic_entry *e = atomic_entries; e->name; e++) {
        if (strcmp(e->name, name) == 0) {
            PyObject *rest = PyTuple_GetSlice(args, 1, n);
            if (rest == NULL)
                return NULL;
            PyObject *r = e->fn(rest);
            Py_DECREF(rest);
            return r;
        }
    }
    PyErr_Format(PyExc_KeyError, "no wrapper for %s", name);
    return NULL;
}

static void
atomic_fences(void)
{
    _Py_atomic_fence_seq_cst();
    _Py_atomic_fence_acquire();
    _Py_atomic_fence_release();
}

/* Two threads add 1 to one counter `per_thread` times each, starting
 * together; every add's previous value is a ticket, which must be unique. */
struct race {
    Py_ssize_t counter;
    Py_ssize_t per_thread;
    unsigned char *seen;
    Py_ssize_t duplicates;
    int ready;
};

static void *
race_thread(void *arg)
{
    struct race *r = (struct race *)arg;
    _Py_atomic_add_int(&r->ready, 1);
    while (_Py_atomic_load_int_acquire(&r->ready) < 2)
        ;
    for (Py_ssize_t i = 0; i < r->per_thread; i++) {
        Py_ssize_t ticket = _Py_atomic_add_ssize(&r->counter, 1);
        if (_Py_atomic_exchange_uint8(&r->seen[ticket], 1) != 0)
            _Py_atomic_add_ssize(&r->duplicates, 1);
    }
    return NULL;
}

/* add_race(per_thread) -> (final counter, duplicate tickets, missing tickets) */
static PyObject *
add_race(PyObject *m, PyObject *arg)
{
    struct race r = {0, PyLong_AsSsize_t(arg), NULL, 0, 0};
    if (r.per_thread < 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "per_thread must not be negative");
        return NULL;
    }
    r.seen = (unsigned char *)PyMem_Calloc((size_t)(2 * r.per_thread + 1), 1);
    if (r.seen == NULL)
        return PyErr_NoMemory();
    pthread_t t[2];
    int started = 0;
    Py_BEGIN_ALLOW_THREADS
    atomic_fences();
    for (; started < 2; started++) {
        if (pthread_create(&t[started], NULL, race_thread, &r) != 0) {
            /* Let a thread that did start stop waiting for its partner. */
            _Py_atomic_add_int(&r.ready, 2);
            break;
        }
    }
    for (int i = 0; i < started; i++)
        pthread_join(t[i], NULL);
    Py_END_ALLOW_THREADS
    if (started != 2) {
        PyMem_Free(r.seen);
        PyErr_SetString(PyExc_RuntimeError, "could not start the racing threads");
        return NULL;
    }
    Py_ssize_t missing = 0;
    for (Py_ssize_t i = 0; i < 2 * r.per_thread; i++)
        missing += !r.seen[i];
    PyMem_Free(r.seen);
    return Py_BuildValue("(nnn)", _Py_atomic_load_ssize(&r.counter), r.duplicates, missing);
}

#endif /* 3.13+ */

/* ---- pystrcmp.h ---- */

static PyObject *
stricmp(PyObject *m, PyObject *args)
{
    const char *a, *b;
    if (!PyArg_ParseTuple(args, "yy", &a, &b))
        return NULL;
    return Py_BuildValue("(ii)", PyOS_mystricmp(a, b), PyOS_stricmp(a, b));
}

static PyObject *
strnicmp(PyObject *m, PyObject *args)
{
    const char *a, *b;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "yyn", &a, &b, &n))
        return NULL;
    return Py_BuildValue("(ii)", PyOS_mystrnicmp(a, b, n), PyOS_strnicmp(a, b, n));
}

/* ---- pyhash.h ---- */

static PyObject *
hash_macros(PyObject *m, PyObject *unused)
{
    return Py_BuildValue(
        "{s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:n,s:i,s:k,s:i,s:i}",
        "ALGORITHM", Py_HASH_ALGORITHM, "CUTOFF", Py_HASH_CUTOFF,
        "EXTERNAL", Py_HASH_EXTERNAL, "SIPHASH24", Py_HASH_SIPHASH24,
        "FNV", Py_HASH_FNV, "SIPHASH13", Py_HASH_SIPHASH13,
        "BITS", _PyHASH_BITS, "MODULUS", (Py_ssize_t)_PyHASH_MODULUS,
        "INF", _PyHASH_INF, "MULTIPLIER", (unsigned long)_PyHASH_MULTIPLIER,
        "IMAG", (int)_PyHASH_IMAG, "SIZEOF_PY_HASH_T", SIZEOF_PY_HASH_T);
}

#if PY_VERSION_HEX >= 0x030D0000
/* The 3.13 spellings, which must agree with the old ones. */
static PyObject *
hash_macros_313(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("{s:i,s:n,s:i,s:k,s:i}", "BITS", PyHASH_BITS,
                         "MODULUS", (Py_ssize_t)PyHASH_MODULUS, "INF", PyHASH_INF,
                         "MULTIPLIER", (unsigned long)PyHASH_MULTIPLIER,
                         "IMAG", (int)PyHASH_IMAG);
}

static PyObject *
generic_hash(PyObject *m, PyObject *o)
{
    Py_hash_t h = PyObject_GenericHash(o);
    if (h == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(h);
}

static PyObject *
generic_hash_null(PyObject *m, PyObject *unused)
{
    Py_hash_t h = PyObject_GenericHash(NULL);
    if (h == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(h);
}
#endif

static PyObject *
funcdef(PyObject *m, PyObject *unused)
{
    PyHash_FuncDef *d = PyHash_GetFuncDef();
    return Py_BuildValue("(sii)", d->name, d->hash_bits, d->seed_bits);
}

static PyObject *
funcdef_hash(PyObject *m, PyObject *arg)
{
    char *p;
    Py_ssize_t n;
    if (PyBytes_AsStringAndSize(arg, &p, &n) < 0)
        return NULL;
    return PyLong_FromSsize_t(PyHash_GetFuncDef()->hash(p, n));
}

/* hash_pointer(address) -> (_Py_HashPointer, Py_HashPointer on 3.13+) */
static PyObject *
hash_pointer(PyObject *m, PyObject *arg)
{
    size_t address = PyLong_AsSize_t(arg);
    if (address == (size_t)-1 && PyErr_Occurred())
        return NULL;
    const void *p = (const void *)(uintptr_t)address;
#if PY_VERSION_HEX >= 0x030D0000
    Py_hash_t new_name = Py_HashPointer(p);
#else
    Py_hash_t new_name = _Py_HashPointer(p);
#endif
    /* The old name, deprecated in 3.14, still works. */
_Py_COMP_DIAG_PUSH
_Py_COMP_DIAG_IGNORE_DEPR_DECLS
    Py_hash_t old_name = _Py_HashPointer(p);
_Py_COMP_DIAG_POP
    return Py_BuildValue("(nn)", old_name, new_name);
}

/* ---- pydtrace.h ---- */

static PyObject *
dtrace(PyObject *m, PyObject *unused)
{
    /* The probes compile and do nothing. */
    PyDTrace_LINE("f.py", "f", 1);
    PyDTrace_FUNCTION_ENTRY("f.py", "f", 1);
    PyDTrace_FUNCTION_RETURN("f.py", "f", 1);
    PyDTrace_GC_START(0);
    PyDTrace_GC_DONE(0);
    PyDTrace_INSTANCE_NEW_START(0);
    PyDTrace_INSTANCE_NEW_DONE(0);
    PyDTrace_INSTANCE_DELETE_START(0);
    PyDTrace_INSTANCE_DELETE_DONE(0);
    PyDTrace_IMPORT_FIND_LOAD_START("m");
    PyDTrace_IMPORT_FIND_LOAD_DONE("m", 1);
    PyDTrace_AUDIT("event", NULL);
    return Py_BuildValue(
        "{s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i}",
        "LINE", PyDTrace_LINE_ENABLED(),
        "FUNCTION_ENTRY", PyDTrace_FUNCTION_ENTRY_ENABLED(),
        "FUNCTION_RETURN", PyDTrace_FUNCTION_RETURN_ENABLED(),
        "GC_START", PyDTrace_GC_START_ENABLED(),
        "GC_DONE", PyDTrace_GC_DONE_ENABLED(),
        "INSTANCE_NEW_START", PyDTrace_INSTANCE_NEW_START_ENABLED(),
        "INSTANCE_NEW_DONE", PyDTrace_INSTANCE_NEW_DONE_ENABLED(),
        "INSTANCE_DELETE_START", PyDTrace_INSTANCE_DELETE_START_ENABLED(),
        "INSTANCE_DELETE_DONE", PyDTrace_INSTANCE_DELETE_DONE_ENABLED(),
        "IMPORT_FIND_LOAD_START", PyDTrace_IMPORT_FIND_LOAD_START_ENABLED(),
        "IMPORT_FIND_LOAD_DONE", PyDTrace_IMPORT_FIND_LOAD_DONE_ENABLED(),
        "AUDIT", PyDTrace_AUDIT_ENABLED());
}

/* ---- the capsules of _curses and pyexpat ---- */

/* The name of the window type the _curses capsule provides. */
static PyObject *
curses_capsule(PyObject *m, PyObject *unused)
{
    import_curses();
    if (PyCurses_API == NULL)
        return NULL;
    return Py_BuildValue("(si)", PyCursesWindow_Type.tp_name, PyCurses_API_pointers);
}

/* (magic, whether its size covers the fields up to SetHashSalt) */
static PyObject *
expat_capsule(PyObject *m, PyObject *unused)
{
    struct PyExpat_CAPI *capi = (struct PyExpat_CAPI *)PyCapsule_Import(PyExpat_CAPSULE_NAME, 0);
    if (capi == NULL)
        return NULL;
    int covers = capi->size >= (int)offsetof(struct PyExpat_CAPI, SetHashSalt);
    return Py_BuildValue("(ssN)", capi->magic, PyExpat_CAPI_MAGIC, PyBool_FromLong(covers));
}

/* ---- pyport.h, pymacro.h and pyconfig.h facts ---- */

struct outer {
    int a;
    double inner;
};

static PyObject *
port_facts(PyObject *m, PyObject *unused)
{
    char buf[32];
    PyOS_snprintf(buf, sizeof buf, "%" PY_FORMAT_SIZE_T "d", (Py_ssize_t)-5);
    int x = 41;
#ifdef Py_ENABLE_SHARED
    int shared = 1;
#else
    int shared = 0;
#endif
    return Py_BuildValue(
        "{s:i,s:i,s:s,s:i,s:i,s:k,s:s,s:s,s:i,s:i}",
        "PYLONG_BITS_IN_DIGIT", PYLONG_BITS_IN_DIGIT,
        "RIGHT_SHIFT", (int)Py_ARITHMETIC_RIGHT_SHIFT(int, -9, 1),
        "FORMAT_SIZE_T", buf,
        "RVALUE", _Py_RVALUE(x + 1),
        "SIZEOF_FPOS_T", SIZEOF_FPOS_T,
        "DWORD_MAX", (unsigned long)PY_DWORD_MAX,
        "PYTHONFRAMEWORK", _PYTHONFRAMEWORK,
        "BUILTIN_HASHLIB_HASHES", PY_BUILTIN_HASHLIB_HASHES,
        "ENABLE_SHARED", shared,
        "SSL_DEFAULT_CIPHERS", PY_SSL_DEFAULT_CIPHERS);
}

#if PY_VERSION_HEX >= 0x030D0000
static PyObject *
port_facts_313(PyObject *m, PyObject *unused)
{
    struct outer o;
    struct outer *back = _Py_CONTAINER_OF(&o.inner, struct outer, inner);
    return Py_BuildValue("{s:N,s:i,s:i,s:i}",
                         "CONTAINER_OF", PyBool_FromLong(back == &o),
                         "SIGNED_INT", (int)_Py_IS_TYPE_SIGNED(int),
                         "SIGNED_UNSIGNED", (int)_Py_IS_TYPE_SIGNED(unsigned int),
                         "SIGNED_SIZE_T", (int)_Py_IS_TYPE_SIGNED(size_t));
}
#endif

static PyMethodDef methods[] = {
#if PY_VERSION_HEX >= 0x030D0000
    {"atomic_names", atomic_names, METH_NOARGS, NULL},
    {"atomic", atomic_call, METH_VARARGS, NULL},
    {"add_race", add_race, METH_O, NULL},
    {"hash_macros_313", hash_macros_313, METH_NOARGS, NULL},
    {"generic_hash", generic_hash, METH_O, NULL},
    {"generic_hash_null", generic_hash_null, METH_NOARGS, NULL},
    {"port_facts_313", port_facts_313, METH_NOARGS, NULL},
#endif
    {"stricmp", stricmp, METH_VARARGS, NULL},
    {"strnicmp", strnicmp, METH_VARARGS, NULL},
    {"hash_macros", hash_macros, METH_NOARGS, NULL},
    {"funcdef", funcdef, METH_NOARGS, NULL},
    {"funcdef_hash", funcdef_hash, METH_O, NULL},
    {"hash_pointer", hash_pointer, METH_O, NULL},
    {"dtrace", dtrace, METH_NOARGS, NULL},
    {"curses_capsule", curses_capsule, METH_NOARGS, NULL},
    {"expat_capsule", expat_capsule, METH_NOARGS, NULL},
    {"port_facts", port_facts, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_atomic", NULL, -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_atomic(void)
{
    return PyModule_Create(&module);
}
