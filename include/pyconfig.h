/* Build configuration for extensions compiled against the RustPython cpyext
 * headers.  Sizes follow the target's data model as the compiler's own
 * macros name it, so the same file is right for LP64 (Linux, macOS) and
 * LLP64 (64-bit Windows), and for each half of a macOS universal2 build
 * (compiled once per architecture); sysconfig's SIZEOF_* report the same values
 * (tests/install.rs compiles a probe to check).  The HAVE_* macros below
 * describe the C library and are limited to ones true on glibc, musl and
 * macOS's libSystem. */
#ifndef Py_PYCONFIG_H
#define Py_PYCONFIG_H

#ifdef __cplusplus
extern "C" {
#endif

#if !defined(_WIN64) && !defined(__LP64__)
#  error "the cpyext headers target 64-bit platforms only (LP64 or LLP64)"
#endif

/* CPython's own pyconfig.h turns on the GNU extensions of the C library;
 * extensions built against it may rely on that. */
#if defined(__linux__) && !defined(_GNU_SOURCE)
#  define _GNU_SOURCE 1
#endif

#define SIZEOF_SHORT 2
#define SIZEOF_INT 4
#if defined(_WIN64)
#  define SIZEOF_LONG 4
#  define ALIGNOF_LONG 4
#  define SIZEOF_WCHAR_T 2
#  define SIZEOF_TIME_T 8
#  define SIZEOF_LONG_DOUBLE 8
#else
#  define SIZEOF_LONG 8
#  define ALIGNOF_LONG 8
#  define SIZEOF_WCHAR_T 4
#  define SIZEOF_TIME_T 8
/* x87's 80 bits padded to 16 bytes, AArch64 Linux's binary128; Apple's
 * arm64 makes long double a double. */
#  if defined(__APPLE__) && defined(__aarch64__)
#    define SIZEOF_LONG_DOUBLE 8
#  else
#    define SIZEOF_LONG_DOUBLE 16
#  endif
#endif
#define SIZEOF_LONG_LONG 8
#define SIZEOF_VOID_P 8
#define SIZEOF_SIZE_T 8
#define SIZEOF_UINTPTR_T 8
#define SIZEOF_OFF_T 8
#define SIZEOF_PID_T 4
#define SIZEOF_PTHREAD_T 8
#if defined(__APPLE__)
#  define SIZEOF_PTHREAD_KEY_T 8
#else
#  define SIZEOF_PTHREAD_KEY_T 4
#endif
#define SIZEOF_FLOAT 4
#define SIZEOF_DOUBLE 8
#define SIZEOF__BOOL 1
#define ALIGNOF_SIZE_T 8
#if defined(__APPLE__) && defined(__aarch64__)
#  define ALIGNOF_MAX_ALIGN_T 8
#else
#  define ALIGNOF_MAX_ALIGN_T 16
#endif

#define HAVE_STDARG_PROTOTYPES 1
#define HAVE_LONG_LONG 1
#define HAVE_LONG_DOUBLE 1
#define HAVE_UINTPTR_T 1
#define HAVE_SSIZE_T 1
#define HAVE_WCHAR_H 1
#define HAVE_STDINT_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_STDDEF_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRING_H 1
#define HAVE_STRINGS_H 1
#define HAVE_ERRNO_H 1
#define HAVE_FCNTL_H 1
#define HAVE_UNISTD_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_PTHREAD_H 1
#define HAVE_DLFCN_H 1
#define HAVE_DLOPEN 1
#define HAVE_DYNAMIC_LOADING 1
#define HAVE_CLOCK_GETTIME 1
#define HAVE_STRDUP 1

#define WITH_THREAD 1
#define WITH_DOC_STRINGS 1
#define PY_HAVE_THREAD_NATIVE_ID 1

/* IEEE 754 doubles, little endian. */
#define DOUBLE_IS_LITTLE_ENDIAN_IEEE754 1
#define PY_FLOAT_LITTLE_ENDIAN 1

/* fpos_t: glibc's and musl's hold a multibyte conversion state beside the
 * offset; macOS's and Windows's are a 64-bit offset. */
#if defined(__APPLE__) || defined(_WIN64)
#  define SIZEOF_FPOS_T 8
#else
#  define SIZEOF_FPOS_T 16
#endif

/* Facts of the interpreter's build, as CPython's configure records them.
 *
 * The interpreter is one executable that exports the C-API itself; there
 * is no libpython shared library (sysconfig's Py_ENABLE_SHARED is 0), so
 * Py_ENABLE_SHARED is left undefined, which is how CPython's pyconfig.h
 * says "static". Not a macOS framework build: the framework name is empty. */
#define _PYTHONFRAMEWORK ""

/* RustPython's own modules implement every hashlib algorithm family
 * (_md5, _sha1, _sha256/_sha512, _sha3, _blake2), whatever OpenSSL has. */
#define PY_BUILTIN_HASHLIB_HASHES "md5,sha1,sha2,sha3,blake2"

/* Its ssl module (on OpenSSL) leaves a new context's cipher list as
 * OpenSSL's default: CPython's setting 2, not 1 (Python's own list). */
#define PY_SSL_DEFAULT_CIPHERS 2

/* PEP 11's tiers rank CPython's platforms; 0 is "not a supported CPython
 * platform", which a RustPython-based interpreter is not. */
#define PY_SUPPORT_TIER 0

/* Left undefined because they are false of this build:
 * - PY_COERCE_C_LOCALE: start-up leaves the C locale as it is (PEP 538's
 *   coercion is CPython's);
 * - PY_HAVE_PERF_TRAMPOLINE: there is no perf trampoline
 *   (sys.activate_stack_trampoline does not exist);
 * - PY_SQLITE_HAVE_SERIALIZE, PY_SQLITE_ENABLE_LOAD_EXTENSION: the build has
 *   no _sqlite3 module;
 * - Py_RL_STARTUP_HOOK_TAKES_ARGS: the build has no readline module. */

#ifdef __cplusplus
}
#endif
#endif /* !Py_PYCONFIG_H */
