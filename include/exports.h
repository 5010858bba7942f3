/* Symbol visibility helpers.  On ELF every C-API symbol is looked up in the
 * global scope of the process at dlopen() time, so "import" and "export"
 * both mean default visibility. */
#ifndef Py_EXPORTS_H
#define Py_EXPORTS_H

#ifdef __cplusplus
extern "C" {
#endif

#define Py_IMPORTED_SYMBOL __attribute__((visibility("default")))
#define Py_EXPORTED_SYMBOL __attribute__((visibility("default")))
#define Py_LOCAL_SYMBOL    __attribute__((visibility("hidden")))

#ifdef __cplusplus
}
#endif
#endif /* !Py_EXPORTS_H */
