/* Version of the C-API these headers describe: CPython 3.14.0, final. */
#ifndef Py_PATCHLEVEL_H
#define Py_PATCHLEVEL_H

#ifdef __cplusplus
extern "C" {
#endif

#define PY_RELEASE_LEVEL_ALPHA  0xA
#define PY_RELEASE_LEVEL_BETA   0xB
#define PY_RELEASE_LEVEL_GAMMA  0xC     /* release candidate */
#define PY_RELEASE_LEVEL_FINAL  0xF

#define PY_MAJOR_VERSION        3
#define PY_MINOR_VERSION        14
#define PY_MICRO_VERSION        0
#define PY_RELEASE_LEVEL        PY_RELEASE_LEVEL_FINAL
#define PY_RELEASE_SERIAL       0

#define PY_VERSION              "3.14.0"

/* 0xMMmmuuLS: major, minor, micro, level, serial. */
#define PY_VERSION_HEX 0x030E00F0

/* Build a version number in the PY_VERSION_HEX format. */
#define _Py_PACK_FULL_VERSION(X, Y, Z, LEVEL, SERIAL) \
    ((((X) & 0xff) << 24) | (((Y) & 0xff) << 16) | (((Z) & 0xff) << 8) | \
     (((LEVEL) & 0xf) << 4) | (((SERIAL) & 0xf) << 0))
/* Py_PACK_FULL_VERSION and Py_PACK_VERSION: in pymacro.h. */

#ifdef __cplusplus
}
#endif
#endif /* !Py_PATCHLEVEL_H */
