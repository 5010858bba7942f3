/* Signal handlers, Py_FdIsInteractive and Py_ExitStatusException
 * (pylifecycle.h): plain C over the C library, as in CPython. */

#include "Python.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

PyOS_sighandler_t
PyOS_getsig(int sig)
{
    struct sigaction context;
    if (sigaction(sig, NULL, &context) == -1)
        return SIG_ERR;
    return context.sa_handler;
}

/* SA_ONSTACK, as CPython: a handler may run on an alternate stack that
 * faulthandler or a Go runtime installed. */
PyOS_sighandler_t
PyOS_setsig(int sig, PyOS_sighandler_t handler)
{
    struct sigaction context, old;
    context.sa_handler = handler;
    sigemptyset(&context.sa_mask);
    context.sa_flags = SA_ONSTACK;
    if (sigaction(sig, &context, &old) == -1)
        return SIG_ERR;
    return old.sa_handler;
}

int
Py_FdIsInteractive(FILE *fp, const char *filename)
{
    if (isatty(fileno(fp)))
        return 1;
    if (!Py_InteractiveFlag)
        return 0;
    return filename == NULL || strcmp(filename, "<stdin>") == 0
           || strcmp(filename, "???") == 0;
}

/* An error status is reported as a fatal error that exits with status 1
 * (not abort), as CPython's does. */
void
Py_ExitStatusException(PyStatus err)
{
    if (PyStatus_IsExit(err))
        exit(err.exitcode);
    if (PyStatus_IsError(err)) {
        fflush(stdout);
        fprintf(stderr, "Fatal Python error: %s%s%s\n", err.func ? err.func : "",
                err.func ? ": " : "", err.err_msg ? err.err_msg : "<message not set>");
        fflush(stderr);
        exit(1);
    }
    Py_FatalError("Py_ExitStatusException() must not be called on success");
}
