/* Extensions built with PY_SSIZE_T_CLEAN against CPython <= 3.12 headers
 * import the _SizeT names of the variadic APIs. Our `#` units always take
 * Py_ssize_t, so each is the same function under a second name: an alias,
 * defined in the file that defines its target. build.rs lists these names. */
#ifndef CPYEXT_SIZET_ALIAS_H
#define CPYEXT_SIZET_ALIAS_H
#define SIZET_ALIAS(name, target) \
    extern __typeof__(target) name __attribute__((alias(#target)))
#endif
