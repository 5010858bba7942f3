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

/* The interpreter is initialized whenever C code runs, and CPython's
 * Py_Initialize is a no-op on an initialized interpreter. */
void
Py_Initialize(void)
{
}

void
Py_InitializeEx(int initsigs)
{
    (void)initsigs;
}

/* CPython keeps at most 32 such functions and runs them, last registered
 * first, after finalization; here they run at process exit (the C
 * library's atexit), after RustPython's own. */
#define NEXITFUNCS 32

int
Py_AtExit(void (*func)(void))
{
    static int registered = 0;
    if (registered >= NEXITFUNCS || atexit(func) != 0)
        return -1;
    registered++;
    return 0;
}

/* What finalizing does that C code and Python code can see: the atexit
 * callbacks run and sys.stdout/sys.stderr are flushed; then the process
 * exits with `status`. RustPython's own teardown does not run. */
void
Py_Exit(int status)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *atexit_mod = PyImport_ImportModule("atexit");
    PyObject *r = atexit_mod != NULL ? PyObject_CallMethod(atexit_mod, "_run_exitfuncs", NULL) : NULL;
    Py_XDECREF(r);
    Py_XDECREF(atexit_mod);
    if (PyErr_Occurred())
        PyErr_Clear();
    const char *names[] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        PyObject *f = PySys_GetObject(names[i]);
        if (f != NULL && f != Py_None) {
            r = PyObject_CallMethod(f, "flush", NULL);
            Py_XDECREF(r);
            PyErr_Clear();
        }
    }
    PyGILState_Release(g);
    fflush(NULL);
    exit(status);
}
