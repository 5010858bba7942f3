/* Threads C starts itself, thread identity and thread-specific storage
 * (pythread.h): plain pthreads, as CPython's thread_pthread.h. In C so that
 * PyThread_exit_thread's pthread_exit unwinds only C frames. The stack
 * size is _thread.stack_size()'s, which threading uses too. */

#include "Python.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

void
PyThread_init_thread(void)
{
}

unsigned long
PyThread_get_thread_ident(void)
{
    return (unsigned long)pthread_self();
}

unsigned long
PyThread_get_thread_native_id(void)
{
    return (unsigned long)syscall(SYS_gettid);
}

struct bootstate {
    void (*func)(void *);
    void *arg;
};

static void *
bootstrap(void *raw)
{
    struct bootstate boot = *(struct bootstate *)raw;
    PyMem_RawFree(raw);
    boot.func(boot.arg);
    return NULL;
}

/* _thread.stack_size(), asked with the GIL taken for the question. */
static PyObject *
call_stack_size(PyObject *size)
{
    PyObject *thread = PyImport_ImportModule("_thread");
    if (thread == NULL)
        return NULL;
    PyObject *r = size == NULL ? PyObject_CallMethod(thread, "stack_size", NULL)
                               : PyObject_CallMethod(thread, "stack_size", "O", size);
    Py_DECREF(thread);
    return r;
}

size_t
PyThread_get_stacksize(void)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *r = call_stack_size(NULL);
    size_t size = r != NULL ? PyLong_AsSize_t(r) : 0;
    if (PyErr_Occurred()) {
        PyErr_Clear();
        size = 0;
    }
    Py_XDECREF(r);
    PyGILState_Release(g);
    return size;
}

/* 0, or -1 for a size _thread.stack_size refuses (no exception set). */
int
PyThread_set_stacksize(size_t size)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *n = PyLong_FromSize_t(size);
    PyObject *r = n != NULL ? call_stack_size(n) : NULL;
    Py_XDECREF(n);
    int status = r != NULL ? 0 : -1;
    Py_XDECREF(r);
    if (status < 0)
        PyErr_Clear();
    PyGILState_Release(g);
    return status;
}

/* A detached thread running func(arg); its ident, or
 * PYTHREAD_INVALID_THREAD_ID when it cannot start. */
unsigned long
PyThread_start_new_thread(void (*func)(void *), void *arg)
{
    size_t stacksize = PyThread_get_stacksize();
    struct bootstate *boot = PyMem_RawMalloc(sizeof(*boot));
    if (boot == NULL)
        return PYTHREAD_INVALID_THREAD_ID;
    boot->func = func;
    boot->arg = arg;
    pthread_attr_t attrs;
    pthread_t th;
    if (pthread_attr_init(&attrs) != 0) {
        PyMem_RawFree(boot);
        return PYTHREAD_INVALID_THREAD_ID;
    }
    if (stacksize != 0 && pthread_attr_setstacksize(&attrs, stacksize) != 0) {
        pthread_attr_destroy(&attrs);
        PyMem_RawFree(boot);
        return PYTHREAD_INVALID_THREAD_ID;
    }
    pthread_attr_setscope(&attrs, PTHREAD_SCOPE_SYSTEM);
    int failed = pthread_create(&th, &attrs, bootstrap, boot);
    pthread_attr_destroy(&attrs);
    if (failed) {
        PyMem_RawFree(boot);
        return PYTHREAD_INVALID_THREAD_ID;
    }
    pthread_detach(th);
    return (unsigned long)th;
}

void
PyThread_exit_thread(void)
{
    pthread_exit(0);
}

/* sys.thread_info. */
PyObject *
PyThread_GetInfo(void)
{
    PyObject *info = PySys_GetObject("thread_info");
    if (info == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "lost sys.thread_info");
        return NULL;
    }
    return Py_NewRef(info);
}

/* PEP 539 thread-specific storage over a pthread key. */

Py_tss_t *
PyThread_tss_alloc(void)
{
    Py_tss_t *key = PyMem_RawMalloc(sizeof(Py_tss_t));
    if (key != NULL) {
        key->_is_initialized = 0;
        key->_key = 0;
    }
    return key;
}

void
PyThread_tss_free(Py_tss_t *key)
{
    if (key != NULL) {
        PyThread_tss_delete(key);
        PyMem_RawFree(key);
    }
}

int
PyThread_tss_is_created(Py_tss_t *key)
{
    return key->_is_initialized;
}

int
PyThread_tss_create(Py_tss_t *key)
{
    if (key->_is_initialized)
        return 0;
    if (pthread_key_create(&key->_key, NULL) != 0)
        return -1;
    key->_is_initialized = 1;
    return 0;
}

void
PyThread_tss_delete(Py_tss_t *key)
{
    if (!key->_is_initialized)
        return;
    pthread_key_delete(key->_key);
    key->_is_initialized = 0;
}

int
PyThread_tss_set(Py_tss_t *key, void *value)
{
    return pthread_setspecific(key->_key, value) != 0 ? -1 : 0;
}

void *
PyThread_tss_get(Py_tss_t *key)
{
    return pthread_getspecific(key->_key);
}
