/* Interpreter statistics (CPython's pystats.h). This build is not a
 * Py_STATS build, so the counters compile to nothing. */
#ifndef Py_PYSTATS_H
#define Py_PYSTATS_H

#define _Py_INCREF_STAT_INC() ((void)0)
#define _Py_DECREF_STAT_INC() ((void)0)
#define _Py_INCREF_IMMORTAL_STAT_INC() ((void)0)
#define _Py_DECREF_IMMORTAL_STAT_INC() ((void)0)

#endif /* !Py_PYSTATS_H */
