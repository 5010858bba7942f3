/* The PyTime clocks (pytime.h) over clock_gettime: CLOCK_MONOTONIC for the
 * monotonic and performance counters (as CPython on Linux), CLOCK_REALTIME
 * for the system time. The *Raw forms need no GIL and set no exception. */

#include "Python.h"

#include <errno.h>
#include <time.h>

static int
read_clock(clockid_t clock, PyTime_t *result)
{
    struct timespec ts;
    if (clock_gettime(clock, &ts) != 0) {
        *result = 0;
        return -1;
    }
    /* Saturates rather than wrap, as CPython's conversions do. */
    if (ts.tv_sec > PyTime_MAX / 1000000000 - 1) {
        *result = PyTime_MAX;
        return -1;
    }
    if (ts.tv_sec < PyTime_MIN / 1000000000 + 1) {
        *result = PyTime_MIN;
        return -1;
    }
    *result = (PyTime_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    return 0;
}

static int
checked(clockid_t clock, PyTime_t *result)
{
    errno = 0;
    if (read_clock(clock, result) < 0) {
        if (errno != 0)
            PyErr_SetFromErrno(PyExc_OSError);
        else
            PyErr_SetString(PyExc_OverflowError,
                            "timestamp too large to convert to C PyTime_t");
        return -1;
    }
    return 0;
}

double
PyTime_AsSecondsDouble(PyTime_t t)
{
    /* Whole seconds and the rest apart, so large values lose no precision
     * beyond the double's own. */
    if (t % 1000000000 == 0)
        return (double)(t / 1000000000);
    return (double)t / 1e9;
}

int
PyTime_Monotonic(PyTime_t *result)
{
    return checked(CLOCK_MONOTONIC, result);
}

int
PyTime_PerfCounter(PyTime_t *result)
{
    return checked(CLOCK_MONOTONIC, result);
}

int
PyTime_Time(PyTime_t *result)
{
    return checked(CLOCK_REALTIME, result);
}

int
PyTime_MonotonicRaw(PyTime_t *result)
{
    return read_clock(CLOCK_MONOTONIC, result);
}

int
PyTime_PerfCounterRaw(PyTime_t *result)
{
    return read_clock(CLOCK_MONOTONIC, result);
}

int
PyTime_TimeRaw(PyTime_t *result)
{
    return read_clock(CLOCK_REALTIME, result);
}
