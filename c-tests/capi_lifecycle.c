/* capi_lifecycle: the interpreter's configuration and life-cycle headers
 * as C sees them: initconfig.h, pylifecycle.h, pydebug.h, pymem.h,
 * pystate.h, pythonrun.h (FILE-based running), pytime.h, sysmodule.h,
 * import.h, marshal.h, fileobject.h, fileutils.h and pythread.h. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <marshal.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

/* The deprecated globals and path functions are what is tested. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

static FILE *
open_path(PyObject *path, const char *mode)
{
    const char *p = PyUnicode_AsUTF8(path);
    if (p == NULL)
        return NULL;
    FILE *fp = fopen(p, mode);
    if (fp == NULL)
        PyErr_SetFromErrnoWithFilename(PyExc_OSError, p);
    return fp;
}

/* ---- pythonrun.h ------------------------------------------------------ */

/* (PyRun_SimpleFileExFlags's result, whether the FILE's descriptor is
 * still open afterwards). */
static PyObject *
run_simple_file(PyObject *m, PyObject *args)
{
    PyObject *path;
    int closeit;
    if (!PyArg_ParseTuple(args, "Ui", &path, &closeit))
        return NULL;
    FILE *fp = open_path(path, "r");
    if (fp == NULL)
        return NULL;
    int fd = fileno(fp);
    int r = PyRun_SimpleFileExFlags(fp, PyUnicode_AsUTF8(path), closeit, NULL);
    int still_open = fcntl(fd, F_GETFD) != -1;
    if (!closeit)
        fclose(fp);
    return Py_BuildValue("(iO)", r, still_open ? Py_True : Py_False);
}

static PyObject *
run_simple_file_macro(PyObject *m, PyObject *path)
{
    FILE *fp = open_path(path, "r");
    if (fp == NULL)
        return NULL;
    int r = PyRun_SimpleFile(fp, PyUnicode_AsUTF8(path));
    fclose(fp);
    return PyLong_FromLong(r);
}

/* PyRun_FileExFlags (or PyRun_File when closeit is None). */
static PyObject *
run_file(PyObject *m, PyObject *args)
{
    PyObject *path, *globals, *locals, *closeit_obj;
    int start;
    if (!PyArg_ParseTuple(args, "UiOOO", &path, &start, &globals, &locals, &closeit_obj))
        return NULL;
    FILE *fp = open_path(path, "r");
    if (fp == NULL)
        return NULL;
    int fd = fileno(fp);
    PyObject *r;
    int closeit = closeit_obj == Py_None ? 0 : PyObject_IsTrue(closeit_obj);
    if (closeit_obj == Py_None)
        r = PyRun_File(fp, PyUnicode_AsUTF8(path), start, globals, locals);
    else
        r = PyRun_FileEx(fp, PyUnicode_AsUTF8(path), start, globals, locals, closeit);
    int still_open = fcntl(fd, F_GETFD) != -1;
    if (!closeit)
        fclose(fp);
    if (r == NULL)
        return NULL;
    return Py_BuildValue("(NO)", r, still_open ? Py_True : Py_False);
}

static PyObject *
run_any_file(PyObject *m, PyObject *path)
{
    FILE *fp = open_path(path, "r");
    if (fp == NULL)
        return NULL;
    return PyLong_FromLong(PyRun_AnyFileEx(fp, PyUnicode_AsUTF8(path), 1));
}

/* The results of PyRun_InteractiveOne until it reports the end of input. */
static PyObject *
run_interactive_one(PyObject *m, PyObject *path)
{
    FILE *fp = open_path(path, "r");
    if (fp == NULL)
        return NULL;
    PyObject *results = PyList_New(0);
    for (int i = 0; results != NULL && i < 50; i++) {
        int r = PyRun_InteractiveOne(fp, "<lines>");
        PyObject *v = PyLong_FromLong(r);
        if (v == NULL || PyList_Append(results, v) < 0)
            Py_CLEAR(results);
        Py_XDECREF(v);
        if (r != 0 && r != -1)
            break;
    }
    fclose(fp);
    return results;
}

static PyObject *
run_interactive_loop(PyObject *m, PyObject *path)
{
    FILE *fp = open_path(path, "r");
    if (fp == NULL)
        return NULL;
    int r = PyRun_InteractiveLoop(fp, "<loop>");
    fclose(fp);
    return PyLong_FromLong(r);
}

/* The lines PyOS_Readline reads from the file, up to its "" at the end. */
static PyObject *
readline_lines(PyObject *m, PyObject *path)
{
    FILE *fp = open_path(path, "r");
    if (fp == NULL)
        return NULL;
    PyObject *lines = PyList_New(0);
    while (lines != NULL) {
        char *line = PyOS_Readline(fp, stdout, "");
        if (line == NULL) {
            Py_CLEAR(lines);
            break;
        }
        PyObject *s = PyBytes_FromString(line);
        int end = line[0] == '\0';
        PyMem_Free(line);
        if (s == NULL || PyList_Append(lines, s) < 0)
            Py_CLEAR(lines);
        Py_XDECREF(s);
        if (end)
            break;
    }
    fclose(fp);
    return lines;
}

static PyObject *
run_string(PyObject *m, PyObject *args)
{
    const char *src;
    int start, with_flags;
    PyObject *globals, *locals;
    if (!PyArg_ParseTuple(args, "siOOp", &src, &start, &globals, &locals, &with_flags))
        return NULL;
    PyCompilerFlags flags = {0, PY_MINOR_VERSION};
    if (with_flags)
        return PyRun_StringFlags(src, start, globals, locals, &flags);
    return PyRun_String(src, start, globals, locals);
}

static PyObject *
run_simple_string(PyObject *m, PyObject *src)
{
    const char *s = PyUnicode_AsUTF8(src);
    return s == NULL ? NULL : PyLong_FromLong(PyRun_SimpleString(s));
}

static PyObject *
display(PyObject *m, PyObject *args)
{
    PyObject *value, *tb = NULL;
    int modern = 0;
    if (!PyArg_ParseTuple(args, "O|Op", &value, &tb, &modern))
        return NULL;
#if PY_VERSION_HEX >= 0x030C0000
    if (modern) {
        PyErr_DisplayException(value);
        Py_RETURN_NONE;
    }
#endif
    PyErr_Display(NULL, value, tb);
    Py_RETURN_NONE;
}

static PyObject *
xoptions(PyObject *m, PyObject *unused)
{
    return Py_XNewRef(PySys_GetXOptions());
}

static PyObject *
compile_string_flags(PyObject *m, PyObject *src)
{
    const char *s = PyUnicode_AsUTF8(src);
    if (s == NULL)
        return NULL;
    PyCompilerFlags flags = {0, PY_MINOR_VERSION};
    return Py_CompileStringFlags(s, "<flags>", Py_eval_input, &flags);
}

/* ---- pytime.h --------------------------------------------------------- */

static PyObject *
clocks(PyObject *m, PyObject *unused)
{
#if PY_VERSION_HEX >= 0x030D0000
    PyTime_t mono1, mono2, perf1, perf2, now, raw_mono, raw_perf, raw_now;
    if (PyTime_Monotonic(&mono1) < 0 || PyTime_PerfCounter(&perf1) < 0
        || PyTime_Time(&now) < 0)
        return NULL;
    if (PyTime_MonotonicRaw(&raw_mono) < 0 || PyTime_PerfCounterRaw(&raw_perf) < 0
        || PyTime_TimeRaw(&raw_now) < 0)
        return PyErr_Format(PyExc_AssertionError, "a raw clock failed");
    usleep(2000);
    if (PyTime_Monotonic(&mono2) < 0 || PyTime_PerfCounter(&perf2) < 0)
        return NULL;
    return Py_BuildValue("(LLLLdLLL)", (long long)mono1, (long long)mono2,
                         (long long)perf1, (long long)perf2,
                         PyTime_AsSecondsDouble(now), (long long)raw_mono,
                         (long long)raw_perf, (long long)raw_now);
#else
    Py_RETURN_NONE;
#endif
}

static PyObject *
seconds_double(PyObject *m, PyObject *arg)
{
#if PY_VERSION_HEX >= 0x030D0000
    long long ns = PyLong_AsLongLong(arg);
    if (ns == -1 && PyErr_Occurred())
        return NULL;
    return Py_BuildValue("(dLL)", PyTime_AsSecondsDouble((PyTime_t)ns),
                         (long long)PyTime_MIN, (long long)PyTime_MAX);
#else
    Py_RETURN_NONE;
#endif
}

/* ---- fileutils.h ------------------------------------------------------ */

/* (text, size) or (None, size) on failure. */
static PyObject *
decode_locale(PyObject *m, PyObject *arg)
{
    const char *s = PyBytes_AsString(arg);
    if (s == NULL)
        return NULL;
    size_t size = 12345;
    wchar_t *w = Py_DecodeLocale(s, &size);
    if (w == NULL)
        return Py_BuildValue("(On)", Py_None, (Py_ssize_t)size);
    PyObject *text = PyUnicode_FromWideChar(w, -1);
    PyMem_RawFree(w);
    if (text == NULL)
        return NULL;
    return Py_BuildValue("(Nn)", text, (Py_ssize_t)size);
}

/* (bytes or None, error position as a signed number). */
static PyObject *
encode_locale(PyObject *m, PyObject *arg)
{
    wchar_t *w = PyUnicode_AsWideCharString(arg, NULL);
    if (w == NULL)
        return NULL;
    size_t pos = 12345;
    char *b = Py_EncodeLocale(w, &pos);
    char *b2 = Py_EncodeLocale(w, NULL);
    PyMem_Free(w);
    PyObject *bytes = b != NULL ? PyBytes_FromString(b) : Py_NewRef(Py_None);
    int same = (b == NULL) == (b2 == NULL) && (b == NULL || strcmp(b, b2) == 0);
    PyMem_Free(b);
    PyMem_Free(b2);
    if (bytes == NULL)
        return NULL;
    if (!same) {
        Py_DECREF(bytes);
        return PyErr_Format(PyExc_AssertionError, "error_pos NULL changed the result");
    }
    return Py_BuildValue("(Nn)", bytes, (Py_ssize_t)pos);
}

static PyObject *
universal_fgets(PyObject *m, PyObject *args)
{
    PyObject *path;
    int n;
    if (!PyArg_ParseTuple(args, "Ui", &path, &n))
        return NULL;
    FILE *fp = open_path(path, "rb");
    if (fp == NULL)
        return NULL;
    PyObject *lines = PyList_New(0);
    char buf[64];
    while (lines != NULL && Py_UniversalNewlineFgets(buf, n, fp, NULL) != NULL) {
        PyObject *s = PyBytes_FromString(buf);
        if (s == NULL || PyList_Append(lines, s) < 0)
            Py_CLEAR(lines);
        Py_XDECREF(s);
    }
    errno = 0;
    char *with_fobj = Py_UniversalNewlineFgets(buf, n, fp, Py_None);
    int err = errno;
    fclose(fp);
    if (lines == NULL)
        return NULL;
    return Py_BuildValue("(NOi)", lines, with_fobj == NULL ? Py_True : Py_False, err == ENXIO);
}

/* A std printer on the descriptor; None (after checking no exception is
 * set) when PyFile_NewStdPrinter refuses it. */
static PyObject *
std_printer(PyObject *m, PyObject *arg)
{
    int fd = (int)PyLong_AsLong(arg);
    if (fd == -1 && PyErr_Occurred())
        return NULL;
    PyObject *p = PyFile_NewStdPrinter(fd);
    if (p == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;
    }
    int exact = Py_IS_TYPE(p, &PyStdPrinter_Type);
    return Py_BuildValue("(Ni)", p, exact);
}

static PyObject *
open_code(PyObject *m, PyObject *path)
{
    return PyFile_OpenCodeObject(path);
}

static PyObject *
open_code_utf8(PyObject *m, PyObject *path)
{
    const char *p = PyUnicode_AsUTF8(path);
    return p == NULL ? NULL : PyFile_OpenCode(p);
}

static int open_code_calls = 0;

static PyObject *
counting_open_code(PyObject *path, void *data)
{
    open_code_calls++;
    return PyObject_CallFunction((PyObject *)data, "Os", path, "rb");
}

/* Sets the hook (data: the opener it delegates to); (result, calls so far). */
static PyObject *
set_open_code_hook(PyObject *m, PyObject *opener)
{
    Py_INCREF(opener); /* kept by the hook for the process */
    int r = PyFile_SetOpenCodeHook(counting_open_code, opener);
    if (r < 0) {
        Py_DECREF(opener);
        return NULL;
    }
    return PyLong_FromLong(r);
}

static PyObject *
open_code_hook_calls(PyObject *m, PyObject *unused)
{
    return PyLong_FromLong(open_code_calls);
}

/* ---- marshal.h -------------------------------------------------------- */

static PyObject *
marshal_dumps(PyObject *m, PyObject *args)
{
    PyObject *obj;
    int version;
    if (!PyArg_ParseTuple(args, "Oi", &obj, &version))
        return NULL;
    return PyMarshal_WriteObjectToString(obj, version);
}

static PyObject *
marshal_loads(PyObject *m, PyObject *data)
{
    char *buf;
    Py_ssize_t len;
    if (PyBytes_AsStringAndSize(data, &buf, &len) < 0)
        return NULL;
    return PyMarshal_ReadObjectFromString(buf, len);
}

/* Writes a long, then each object, to the file. */
static PyObject *
marshal_write_file(PyObject *m, PyObject *args)
{
    PyObject *path, *objs;
    long value;
    if (!PyArg_ParseTuple(args, "UlO!", &path, &value, &PyTuple_Type, &objs))
        return NULL;
    FILE *fp = open_path(path, "wb");
    if (fp == NULL)
        return NULL;
    PyMarshal_WriteLongToFile(value, fp, Py_MARSHAL_VERSION);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(objs); i++) {
        PyMarshal_WriteObjectToFile(PyTuple_GET_ITEM(objs, i), fp, Py_MARSHAL_VERSION);
        if (PyErr_Occurred()) {
            fclose(fp);
            return NULL;
        }
    }
    fclose(fp);
    Py_RETURN_NONE;
}

/* (long, short from the next two bytes, first object via
 * ReadObjectFromFile, the rest via ReadLastObjectFromFile). */
static PyObject *
marshal_read_file(PyObject *m, PyObject *path)
{
    FILE *fp = open_path(path, "rb");
    if (fp == NULL)
        return NULL;
    long value = PyMarshal_ReadLongFromFile(fp);
    PyObject *first = NULL, *last = NULL;
    if (value == -1 && PyErr_Occurred())
        goto done;
    first = PyMarshal_ReadObjectFromFile(fp);
    if (first == NULL)
        goto done;
    last = PyMarshal_ReadLastObjectFromFile(fp);
done:
    fclose(fp);
    if (last == NULL) {
        Py_XDECREF(first);
        return NULL;
    }
    return Py_BuildValue("(lNN)", value, first, last);
}

/* PyMarshal_ReadLongFromFile and ReadShortFromFile on the file's bytes. */
static PyObject *
marshal_read_ints(PyObject *m, PyObject *args)
{
    PyObject *path;
    int which;
    if (!PyArg_ParseTuple(args, "Ui", &path, &which))
        return NULL;
    FILE *fp = open_path(path, "rb");
    if (fp == NULL)
        return NULL;
    long v = which == 4 ? PyMarshal_ReadLongFromFile(fp) : PyMarshal_ReadShortFromFile(fp);
    fclose(fp);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(v);
}

/* ---- pythread.h ------------------------------------------------------- */

struct tls_check {
    int key;
    void *seen;
    int set;
    void *after_set;
};

static void *
tls_other_thread(void *arg)
{
    struct tls_check *c = arg;
    c->seen = PyThread_get_key_value(c->key);
    c->set = PyThread_set_key_value(c->key, (void *)0x5678);
    c->after_set = PyThread_get_key_value(c->key);
    return NULL;
}

/* Values are per thread: (main's value, other thread's first look, its set
 * result, its own value, main's value after, after delete_key_value). */
static PyObject *
tls_keys(PyObject *m, PyObject *unused)
{
    int key = PyThread_create_key();
    if (key == -1)
        return PyErr_Format(PyExc_AssertionError, "PyThread_create_key failed");
    void *initial = PyThread_get_key_value(key);
    int set = PyThread_set_key_value(key, (void *)0x1234);
    int again = PyThread_set_key_value(key, (void *)0x1235);
    void *mine = PyThread_get_key_value(key);
    struct tls_check c = {key, (void *)1, -2, NULL};
    pthread_t t;
    int started;
    Py_BEGIN_ALLOW_THREADS
    started = pthread_create(&t, NULL, tls_other_thread, &c) == 0;
    if (started)
        pthread_join(t, NULL);
    Py_END_ALLOW_THREADS
    if (!started)
        return PyErr_Format(PyExc_AssertionError, "no thread");
    void *mine_after = PyThread_get_key_value(key);
    PyThread_delete_key_value(key);
    void *deleted = PyThread_get_key_value(key);
    PyThread_delete_key(key);
    PyThread_ReInitTLS();
    return Py_BuildValue("(kiikkikkk)", (unsigned long)(uintptr_t)initial, set, again,
                         (unsigned long)(uintptr_t)mine, (unsigned long)(uintptr_t)c.seen,
                         c.set, (unsigned long)(uintptr_t)c.after_set,
                         (unsigned long)(uintptr_t)mine_after,
                         (unsigned long)(uintptr_t)deleted);
}

struct tss_check {
    Py_tss_t *key;
    void *seen;
    int set;
    void *after_set;
};

static void *
tss_other_thread(void *arg)
{
    struct tss_check *c = arg;
    c->seen = PyThread_tss_get(c->key);
    c->set = PyThread_tss_set(c->key, (void *)0x77);
    c->after_set = PyThread_tss_get(c->key);
    return NULL;
}

/* The PEP 539 API on an allocated key and a static one: (created flags
 * through the key's life, main's value, the other thread's first look,
 * its value, main's value after). */
static PyObject *
tss_keys(PyObject *m, PyObject *unused)
{
    static Py_tss_t static_key = Py_tss_NEEDS_INIT;
    Py_tss_t *key = PyThread_tss_alloc();
    if (key == NULL)
        return PyErr_NoMemory();
    int before = PyThread_tss_is_created(key);
    int created = PyThread_tss_create(key) == 0 && PyThread_tss_create(key) == 0;
    int after = PyThread_tss_is_created(key);
    int set = PyThread_tss_set(key, (void *)0x66);
    void *mine = PyThread_tss_get(key);
    struct tss_check c = {key, (void *)1, -2, NULL};
    pthread_t t;
    int started;
    Py_BEGIN_ALLOW_THREADS
    started = pthread_create(&t, NULL, tss_other_thread, &c) == 0;
    if (started)
        pthread_join(t, NULL);
    Py_END_ALLOW_THREADS
    void *mine_after = PyThread_tss_get(key);
    PyThread_tss_delete(key);
    int deleted = PyThread_tss_is_created(key);
    PyThread_tss_free(key);
    int static_before = PyThread_tss_is_created(&static_key);
    int static_ok = PyThread_tss_create(&static_key) == 0 && PyThread_tss_is_created(&static_key)
                    && PyThread_tss_set(&static_key, (void *)0x5) == 0
                    && PyThread_tss_get(&static_key) == (void *)0x5;
    PyThread_tss_delete(&static_key);
    if (!started)
        return PyErr_Format(PyExc_AssertionError, "no thread");
    return Py_BuildValue("((iiii)ikkikii)", before, created, after, deleted, set,
                         (unsigned long)(uintptr_t)mine, (unsigned long)(uintptr_t)c.seen, c.set,
                         (unsigned long)(uintptr_t)c.after_set,
                         mine_after == (void *)0x66, static_before == 0 && static_ok);
}

struct started_thread {
    PyThread_type_lock done;
    unsigned long ident;
    int reached_exit;
    int after_exit;
};

static void
started_body(void *arg)
{
    struct started_thread *s = arg;
    s->ident = PyThread_get_thread_ident();
    s->reached_exit = 1;
    PyThread_release_lock(s->done);
    PyThread_exit_thread();
    s->after_exit = 1;
}

/* PyThread_start_new_thread: (returned ident matches the thread's own,
 * the thread ran, it ended at PyThread_exit_thread). */
static PyObject *
start_thread(PyObject *m, PyObject *unused)
{
    static struct started_thread s;
    s.done = PyThread_allocate_lock();
    if (s.done == NULL)
        return PyErr_NoMemory();
    PyThread_acquire_lock(s.done, WAIT_LOCK);
    s.reached_exit = s.after_exit = 0;
    unsigned long ident = PyThread_start_new_thread(started_body, &s);
    if (ident == PYTHREAD_INVALID_THREAD_ID) {
        PyThread_free_lock(s.done);
        return PyErr_Format(PyExc_AssertionError, "no thread");
    }
    Py_BEGIN_ALLOW_THREADS
    PyThread_acquire_lock(s.done, WAIT_LOCK);
    usleep(50000);
    Py_END_ALLOW_THREADS
    PyThread_free_lock(s.done);
    return Py_BuildValue("(iii)", ident == s.ident, s.reached_exit, s.after_exit);
}

static PyObject *
thread_identity(PyObject *m, PyObject *unused)
{
    PyThread_init_thread();
    return Py_BuildValue("(kk)", PyThread_get_thread_ident(), PyThread_get_thread_native_id());
}

/* (PyThread_GetInfo(), get_stacksize, set_stacksize(0), set_stacksize(1)
 * and whether that left an exception). */
static PyObject *
thread_info(PyObject *m, PyObject *unused)
{
    PyObject *info = PyThread_GetInfo();
    if (info == NULL)
        return NULL;
    size_t size = PyThread_get_stacksize();
    int zero = PyThread_set_stacksize(0);
    int tiny = PyThread_set_stacksize(1);
    int raised = PyErr_Occurred() != NULL;
    PyErr_Clear();
    return Py_BuildValue("(Nniii)", info, (Py_ssize_t)size, zero, tiny, raised);
}

static PyObject *
thread_constants(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("(Lk)", (long long)PY_TIMEOUT_MAX,
                         (unsigned long)PYTHREAD_INVALID_THREAD_ID);
}

/* ---- initconfig.h ----------------------------------------------------- */

static PyObject *
status_tuple(PyStatus s)
{
    return Py_BuildValue("(izziiii)", (int)s._type, s.func, s.err_msg, s.exitcode,
                         PyStatus_IsError(s), PyStatus_IsExit(s), PyStatus_Exception(s));
}

static PyObject *
statuses(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("(NNNN)", status_tuple(PyStatus_Ok()),
                         status_tuple(PyStatus_Error("boom")),
                         status_tuple(PyStatus_NoMemory()),
                         status_tuple(PyStatus_Exit(3)));
}

static PyObject *
list_items(PyWideStringList *l)
{
    PyObject *out = PyList_New(l->length);
    for (Py_ssize_t i = 0; out != NULL && i < l->length; i++) {
        PyObject *s = PyUnicode_FromWideChar(l->items[i], -1);
        if (s == NULL) {
            Py_CLEAR(out);
            break;
        }
        PyList_SET_ITEM(out, i, s);
    }
    return out;
}

static void
list_free(PyWideStringList *l)
{
    for (Py_ssize_t i = 0; i < l->length; i++)
        PyMem_RawFree(l->items[i]);
    PyMem_RawFree(l->items);
}

/* ops: (index or None for append, text) pairs; the resulting list and the
 * status of each operation. */
static PyObject *
wide_list(PyObject *m, PyObject *ops)
{
    PyWideStringList list = {0, NULL};
    PyObject *results = PyList_New(0);
    Py_ssize_t n = PySequence_Size(ops);
    for (Py_ssize_t i = 0; results != NULL && i < n; i++) {
        PyObject *op = PySequence_GetItem(ops, i);
        PyObject *index = op ? PyTuple_GetItem(op, 0) : NULL;
        wchar_t *w = index ? PyUnicode_AsWideCharString(PyTuple_GetItem(op, 1), NULL) : NULL;
        Py_XDECREF(op);
        if (w == NULL) {
            Py_CLEAR(results);
            break;
        }
        PyStatus s = index == Py_None ? PyWideStringList_Append(&list, w)
                                      : PyWideStringList_Insert(&list, PyLong_AsSsize_t(index), w);
        PyMem_Free(w);
        PyObject *t = status_tuple(s);
        if (t == NULL || PyList_Append(results, t) < 0)
            Py_CLEAR(results);
        Py_XDECREF(t);
    }
    PyObject *items = results ? list_items(&list) : NULL;
    list_free(&list);
    if (items == NULL) {
        Py_XDECREF(results);
        return NULL;
    }
    return Py_BuildValue("(NN)", items, results);
}

static PyObject *
config_fields(PyConfig *c)
{
    return Py_BuildValue(
        "{si si si si si si si si si si si si si si}",
        "_config_init", c->_config_init, "isolated", c->isolated,
        "use_environment", c->use_environment, "dev_mode", c->dev_mode,
        "install_signal_handlers", c->install_signal_handlers,
        "use_hash_seed", c->use_hash_seed, "parse_argv", c->parse_argv,
        "site_import", c->site_import, "write_bytecode", c->write_bytecode,
        "user_site_directory", c->user_site_directory,
        "configure_c_stdio", c->configure_c_stdio,
        "buffered_stdio", c->buffered_stdio, "safe_path", c->safe_path,
        "pathconfig_warnings", c->pathconfig_warnings);
}

static PyObject *
pre_fields(PyPreConfig *c)
{
    return Py_BuildValue(
        "{si si si si si si si si si si}", "_config_init", c->_config_init,
        "parse_argv", c->parse_argv, "isolated", c->isolated,
        "use_environment", c->use_environment,
        "configure_locale", c->configure_locale,
        "coerce_c_locale", c->coerce_c_locale,
        "coerce_c_locale_warn", c->coerce_c_locale_warn,
        "utf8_mode", c->utf8_mode, "dev_mode", c->dev_mode,
        "allocator", c->allocator);
}

static PyObject *
config_defaults(PyObject *m, PyObject *unused)
{
    PyConfig python, isolated;
    PyPreConfig pre_python, pre_isolated;
    PyConfig_InitPythonConfig(&python);
    PyConfig_InitIsolatedConfig(&isolated);
    PyPreConfig_InitPythonConfig(&pre_python);
    PyPreConfig_InitIsolatedConfig(&pre_isolated);
    PyObject *r = Py_BuildValue("(NNNN)", config_fields(&python), config_fields(&isolated),
                                pre_fields(&pre_python), pre_fields(&pre_isolated));
    PyConfig_Clear(&python);
    PyConfig_Clear(&isolated);
    return r;
}

/* Sets strings and lists of a config, reads them back, clears it. */
static PyObject *
config_setters(PyObject *m, PyObject *unused)
{
    PyConfig c;
    PyConfig_InitIsolatedConfig(&c);
    PyObject *r = NULL;
    char *bytes_argv[] = {"prog", "a\xff", "\xc3\xa9"};
    wchar_t *wide_argv[] = {L"x", L"y"};
    wchar_t *opts[] = {L"default", L"error::DeprecationWarning"};
    PyStatus s1 = PyConfig_SetString(&c, &c.program_name, L"first");
    PyStatus s2 = PyConfig_SetString(&c, &c.program_name, L"second");
    PyStatus s3 = PyConfig_SetBytesString(&c, &c.home, "/h\xff");
    PyStatus s4 = PyConfig_SetBytesArgv(&c, 3, bytes_argv);
    PyObject *bargv = list_items(&c.argv);
    PyStatus s5 = PyConfig_SetArgv(&c, 2, wide_argv);
    PyStatus s6 = PyConfig_SetWideStringList(&c, &c.warnoptions, 2, opts);
    PyStatus s7 = PyConfig_SetString(&c, &c.home, NULL);
    if (bargv == NULL)
        goto done;
    PyObject *name = PyUnicode_FromWideChar(c.program_name, -1);
    PyObject *wargv = list_items(&c.argv), *warn = list_items(&c.warnoptions);
    PyObject *home = c.home == NULL ? Py_NewRef(Py_None) : PyUnicode_FromWideChar(c.home, -1);
    int ok = !PyStatus_Exception(s1) && !PyStatus_Exception(s2) && !PyStatus_Exception(s3)
             && !PyStatus_Exception(s4) && !PyStatus_Exception(s5)
             && !PyStatus_Exception(s6) && !PyStatus_Exception(s7);
    PyConfig_Clear(&c);
    int cleared = c.program_name == NULL && c.argv.length == 0 && c.argv.items == NULL
                  && c.warnoptions.length == 0;
    r = Py_BuildValue("(iNNNNNi)", ok, name, Py_NewRef(bargv), wargv, warn, home, cleared);
    Py_DECREF(bargv);
    return r;
done:
    PyConfig_Clear(&c);
    return r;
}

static PyObject *
bytes_string(PyObject *m, PyObject *unused)
{
    PyConfig c;
    PyConfig_InitPythonConfig(&c);
    PyStatus s = PyConfig_SetBytesString(&c, &c.home, "/h\xff");
    PyObject *home = c.home ? PyUnicode_FromWideChar(c.home, -1) : Py_NewRef(Py_None);
    PyConfig_Clear(&c);
    return Py_BuildValue("(iN)", PyStatus_Exception(s), home);
}

static PyObject *
argc_argv(PyObject *m, PyObject *unused)
{
    int argc = -1;
    wchar_t **argv = NULL;
    Py_GetArgcArgv(&argc, &argv);
    PyObject *out = PyList_New(0);
    for (int i = 0; out != NULL && i < argc; i++) {
        PyObject *s = PyUnicode_FromWideChar(argv[i], -1);
        if (s == NULL || PyList_Append(out, s) < 0)
            Py_CLEAR(out);
        Py_XDECREF(s);
    }
    return out;
}

/* ---- pylifecycle.h / pydebug.h --------------------------------------- */

static PyObject *
wide_or_none(const wchar_t *w)
{
    return w == NULL ? Py_NewRef(Py_None) : PyUnicode_FromWideChar(w, -1);
}

static PyObject *
path_config(PyObject *m, PyObject *unused)
{
    wchar_t *prefix = Py_GetPrefix();
    PyObject *r = Py_BuildValue("(NNNNNNi)", wide_or_none(Py_GetPath()), wide_or_none(prefix),
                                wide_or_none(Py_GetExecPrefix()),
                                wide_or_none(Py_GetProgramFullPath()),
                                wide_or_none(Py_GetProgramName()),
                                wide_or_none(Py_GetPythonHome()),
                                Py_GetPrefix() == prefix);
    return r;
}

static PyObject *
global_flags(PyObject *m, PyObject *unused)
{
    return Py_BuildValue(
        "{si si si si si si si si si si si si si si si si}", "debug", Py_DebugFlag,
        "verbose", Py_VerboseFlag, "quiet", Py_QuietFlag, "interactive", Py_InteractiveFlag,
        "inspect", Py_InspectFlag, "optimize", Py_OptimizeFlag, "no_site", Py_NoSiteFlag,
        "bytes_warning", Py_BytesWarningFlag, "frozen", Py_FrozenFlag,
        "ignore_environment", Py_IgnoreEnvironmentFlag,
        "dont_write_bytecode", Py_DontWriteBytecodeFlag, "no_user_site", Py_NoUserSiteDirectory,
        "unbuffered", Py_UnbufferedStdioFlag, "hash_randomization", Py_HashRandomizationFlag,
        "isolated", Py_IsolatedFlag, "utf8_mode", Py_UTF8Mode);
}

static PyObject *
getenv_(PyObject *m, PyObject *name)
{
    const char *n = PyUnicode_AsUTF8(name);
    if (n == NULL)
        return NULL;
    char *v = Py_GETENV(n);
    return v == NULL ? Py_NewRef(Py_None) : PyUnicode_DecodeFSDefault(v);
}

static int got_signal = 0;

static void
on_signal(int sig)
{
    got_signal = sig;
}

/* Installs a handler for SIGUSR2 with PyOS_setsig, raises the signal,
 * restores the old one: (getsig was the new one, the signal arrived,
 * setsig returned the old one back). */
static PyObject *
signals(PyObject *m, PyObject *unused)
{
    PyOS_sighandler_t old = PyOS_getsig(SIGUSR2);
    PyOS_sighandler_t prev = PyOS_setsig(SIGUSR2, on_signal);
    int installed = PyOS_getsig(SIGUSR2) == on_signal;
    got_signal = 0;
    raise(SIGUSR2);
    PyOS_sighandler_t back = PyOS_setsig(SIGUSR2, old);
    int bad = PyOS_getsig(-5) == SIG_ERR && PyOS_setsig(-5, on_signal) == SIG_ERR;
    return Py_BuildValue("(iiiii)", prev == old, installed, got_signal == SIGUSR2,
                         back == on_signal, bad);
}

static void
ll_exit_func(void)
{
    printf("ll exit\n");
    fflush(stdout);
}

static PyObject *
ll_at_exit(PyObject *m, PyObject *unused)
{
    return PyLong_FromLong(Py_AtExit(ll_exit_func));
}

static PyObject *
py_exit(PyObject *m, PyObject *status)
{
    Py_Exit((int)PyLong_AsLong(status));
}

static PyObject *
version_info(PyObject *m, PyObject *unused)
{
    Py_Initialize();
    Py_InitializeEx(0);
    return Py_BuildValue("(sssi)", Py_GetCopyright(), Py_GetBuildInfo(), Py_GetCompiler(),
                         Py_IsInitialized());
}

/* Does not return: exits for "exit", fails for "error". */
static PyObject *
exit_status(PyObject *m, PyObject *kind)
{
    fflush(stdout);
    if (PyUnicode_CompareWithASCIIString(kind, "exit") == 0)
        Py_ExitStatusException(PyStatus_Exit(3));
    Py_ExitStatusException(PyStatus_Error("status boom"));
}

static PyObject *
fd_is_interactive(PyObject *m, PyObject *path)
{
    FILE *fp = open_path(path, "r");
    if (fp == NULL)
        return NULL;
    int r = Py_FdIsInteractive(fp, "x.py");
    fclose(fp);
    return PyLong_FromLong(r);
}

#if PY_VERSION_HEX >= 0x030D0000
static void
print_at_exit(void *data)
{
    printf("at exit: %s\n", (const char *)data);
    fflush(stdout);
}
#endif

static PyObject *
at_exit(PyObject *m, PyObject *unused)
{
#if PY_VERSION_HEX >= 0x030D0000
    if (PyUnstable_AtExit(PyInterpreterState_Get(), print_at_exit, "cpyext data") < 0)
        return NULL;
    return Py_NewRef(Py_True);
#else
    Py_RETURN_NONE;
#endif
}

/* ---- pymem.h ---------------------------------------------------------- */

static PyObject *
allocators(PyObject *m, PyObject *unused)
{
    PyObject *out = PyList_New(0);
    PyMemAllocatorDomain domains[] = {PYMEM_DOMAIN_RAW, PYMEM_DOMAIN_MEM, PYMEM_DOMAIN_OBJ};
    for (int i = 0; out != NULL && i < 3; i++) {
        PyMemAllocatorEx a;
        memset(&a, 0xff, sizeof(a));
        PyMem_GetAllocator(domains[i], &a);
        char *p = a.malloc(a.ctx, 16);
        int ok = p != NULL;
        if (ok) {
            memset(p, 'x', 16);
            p = a.realloc(a.ctx, p, 64);
            ok = p != NULL && p[15] == 'x';
            a.free(a.ctx, p);
        }
        char *z = a.calloc(a.ctx, 4, 4);
        ok = ok && z != NULL && z[0] == 0 && z[15] == 0;
        a.free(a.ctx, z);
        PyObject *v = PyBool_FromLong(ok);
        if (PyList_Append(out, v) < 0)
            Py_CLEAR(out);
        Py_DECREF(v);
    }
    return out;
}

/* ---- pystate.h -------------------------------------------------------- */

static PyObject *
interpreters(PyObject *m, PyObject *unused)
{
    PyInterpreterState *head = PyInterpreterState_Head();
    int before = _PyInterpreterState_RequiresIDRef(head);
    _PyInterpreterState_RequireIDRef(head, 1);
    int set = _PyInterpreterState_RequiresIDRef(head);
    _PyInterpreterState_RequireIDRef(head, before);
    return Py_BuildValue("(iiii)", head == PyInterpreterState_Main(),
                         PyInterpreterState_Next(head) == NULL, before, set);
}

/* Calls f twice: inside two nested EnterTracing (after one LeaveTracing),
 * then after the second LeaveTracing. */
static PyObject *
call_untraced_then_traced(PyObject *m, PyObject *f)
{
    PyThreadState *ts = PyThreadState_Get();
    PyThreadState_EnterTracing(ts);
    PyThreadState_EnterTracing(ts);
    PyThreadState_LeaveTracing(ts);
    PyObject *a = PyObject_CallNoArgs(f);
    PyThreadState_LeaveTracing(ts);
    if (a == NULL)
        return NULL;
    PyObject *b = PyObject_CallNoArgs(f);
    if (b == NULL) {
        Py_DECREF(a);
        return NULL;
    }
    return Py_BuildValue("(NN)", a, b);
}

static PyObject *
current_frames(PyObject *m, PyObject *unused)
{
    return _PyThread_CurrentFrames();
}

static PyObject *
trace_constants(PyObject *m, PyObject *unused)
{
    _PyErr_StackItem item = {NULL, NULL};
    (void)item;
    return Py_BuildValue("(iiiiiiii)", PyTrace_CALL, PyTrace_EXCEPTION, PyTrace_LINE,
                         PyTrace_RETURN, PyTrace_C_CALL, PyTrace_C_EXCEPTION,
                         PyTrace_C_RETURN, PyTrace_OPCODE);
}

/* ---- sysmodule.h ------------------------------------------------------ */

static PyObject *audit_seen = NULL;

static int
audit_hook(const char *event, PyObject *args, void *data)
{
    if (strncmp(event, "cpyext_test.", 12) != 0)
        return 0;
    if (strcmp(event, "cpyext_test.block") == 0) {
        PyErr_SetString(PyExc_RuntimeError, "blocked by the C hook");
        return -1;
    }
    PyObject *entry = Py_BuildValue("(sOs)", event, args, (const char *)data);
    if (entry == NULL)
        return -1;
    int r = PyList_Append(audit_seen, entry);
    Py_DECREF(entry);
    return r;
}

static PyObject *
add_audit_hook(PyObject *m, PyObject *unused)
{
    if (audit_seen == NULL && (audit_seen = PyList_New(0)) == NULL)
        return NULL;
    if (PySys_AddAuditHook(audit_hook, "the data") < 0)
        return NULL;
    return Py_NewRef(audit_seen);
}

static PyObject *
set_argv(PyObject *m, PyObject *args)
{
    PyObject *list;
    int updatepath;
    if (!PyArg_ParseTuple(args, "O!i", &PyList_Type, &list, &updatepath))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(list);
    wchar_t **argv = PyMem_Calloc((size_t)n + 1, sizeof(wchar_t *));
    if (argv == NULL)
        return PyErr_NoMemory();
    Py_ssize_t made = 0;
    for (; made < n; made++) {
        argv[made] = PyUnicode_AsWideCharString(PyList_GET_ITEM(list, made), NULL);
        if (argv[made] == NULL)
            break;
    }
    if (made == n) {
        if (updatepath < 0)
            PySys_SetArgv((int)n, argv);
        else
            PySys_SetArgvEx((int)n, argv, updatepath);
    }
    for (Py_ssize_t i = 0; i < made; i++)
        PyMem_Free(argv[i]);
    PyMem_Free(argv);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *
reset_warn_options(PyObject *m, PyObject *unused)
{
    PySys_ResetWarnOptions();
    Py_RETURN_NONE;
}

/* ---- import.h --------------------------------------------------------- */

static PyObject *
exec_code_module(PyObject *m, PyObject *args)
{
    PyObject *name, *code, *pathname = NULL, *cpathname = NULL;
    if (!PyArg_ParseTuple(args, "OO|OO", &name, &code, &pathname, &cpathname))
        return NULL;
    return PyImport_ExecCodeModuleObject(name, code, pathname == Py_None ? NULL : pathname,
                                         cpathname == Py_None ? NULL : cpathname);
}

static PyObject *
exec_code_module_paths(PyObject *m, PyObject *args)
{
    const char *name, *pathname, *cpathname;
    PyObject *code;
    if (!PyArg_ParseTuple(args, "sOzz", &name, &code, &pathname, &cpathname))
        return NULL;
    return PyImport_ExecCodeModuleWithPathnames(name, code, pathname, cpathname);
}

/* (NoBlock, Level, AttrString(name, attr), Attr(name, attr)). */
static PyObject *
import_variants(PyObject *m, PyObject *args)
{
    const char *name, *attr;
    if (!PyArg_ParseTuple(args, "ss", &name, &attr))
        return NULL;
    PyObject *a = PyImport_ImportModuleNoBlock(name);
    PyObject *b = a ? PyImport_ImportModuleLevel(name, NULL, NULL, NULL, 0) : NULL;
    PyObject *c = NULL, *d = NULL;
#if PY_VERSION_HEX >= 0x030E0000
    c = b ? PyImport_ImportModuleAttrString(name, attr) : NULL;
    PyObject *n = c ? PyUnicode_FromString(name) : NULL, *at = n ? PyUnicode_FromString(attr) : NULL;
    d = at ? PyImport_ImportModuleAttr(n, at) : NULL;
    Py_XDECREF(n);
    Py_XDECREF(at);
#else
    c = b ? Py_NewRef(Py_None) : NULL;
    d = c ? Py_NewRef(Py_None) : NULL;
#endif
    if (d == NULL) {
        Py_XDECREF(a);
        Py_XDECREF(b);
        Py_XDECREF(c);
        return NULL;
    }
    return Py_BuildValue("(NNNN)", a, b, c, d);
}

static PyObject *
reload_module(PyObject *m, PyObject *module)
{
    return PyImport_ReloadModule(module);
}

/* (AddModule(name), AddModuleObject(name)), both borrowed. */
static PyObject *
add_module(PyObject *m, PyObject *name)
{
    const char *n = PyUnicode_AsUTF8(name);
    if (n == NULL)
        return NULL;
    PyObject *a = PyImport_AddModule(n);
    if (a == NULL)
        return NULL;
    PyObject *b = PyImport_AddModuleObject(name);
    if (b == NULL)
        return NULL;
    return Py_BuildValue("(OO)", a, b);
}

static PyObject *
exec_code_module_plain(PyObject *m, PyObject *args)
{
    const char *name, *pathname = NULL;
    PyObject *code;
    if (!PyArg_ParseTuple(args, "sO|z", &name, &code, &pathname))
        return NULL;
    if (PyTuple_GET_SIZE(args) == 2)
        return PyImport_ExecCodeModule(name, code);
    return PyImport_ExecCodeModuleEx(name, code, pathname);
}

static PyObject *
magic(PyObject *m, PyObject *unused)
{
    long number = PyImport_GetMagicNumber();
    if (number == -1 && PyErr_Occurred())
        return NULL;
    const char *tag = PyImport_GetMagicTag();
    return Py_BuildValue("(ls)", number, tag);
}

static PyObject *
get_importer(PyObject *m, PyObject *path)
{
    return PyImport_GetImporter(path);
}

static PyObject *
import_frozen(PyObject *m, PyObject *name)
{
    const char *n = PyUnicode_AsUTF8(name);
    if (n == NULL)
        return NULL;
    int a = PyImport_ImportFrozenModule(n);
    if (a < 0)
        return NULL;
    int b = PyImport_ImportFrozenModuleObject(name);
    if (b < 0)
        return NULL;
    return Py_BuildValue("(ii)", a, b);
}

static struct PyModuleDef module;
static struct PyModuleDef other_def = {
    PyModuleDef_HEAD_INIT, "capi_lifecycle_other", NULL, -1, NULL,
};

static PyObject *
borrowed_or_none(PyObject *o)
{
    if (o == NULL && PyErr_Occurred())
        return NULL;
    return Py_NewRef(o ? o : Py_None);
}

/* PyState_FindModule of this module's own definition (recorded by its
 * import), then Add/Find/Remove/Find/Remove on another definition. */
static PyObject *
state_modules(PyObject *m, PyObject *unused)
{
    PyObject *self = borrowed_or_none(PyState_FindModule(&module));
    if (self == NULL)
        return NULL;
    PyObject *other = PyModule_Create(&other_def);
    if (other == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    PyObject *before = borrowed_or_none(PyState_FindModule(&other_def));
    int added = PyState_AddModule(other, &other_def);
    PyObject *found = borrowed_or_none(PyState_FindModule(&other_def));
    int removed = PyState_RemoveModule(&other_def);
    PyObject *after = borrowed_or_none(PyState_FindModule(&other_def));
    int again = PyState_RemoveModule(&other_def);
    int found_other = found == other;
    Py_DECREF(other);
    if (before == NULL || found == NULL || after == NULL) {
        Py_XDECREF(before);
        Py_XDECREF(found);
        Py_XDECREF(after);
        Py_DECREF(self);
        return NULL;
    }
    Py_DECREF(found);
    return Py_BuildValue("(NNiiiNi)", self, before, added, found_other, removed, after, again);
}

static PyMethodDef methods[] = {
    {"state_modules", state_modules, METH_NOARGS, NULL},
    {"run_simple_file", run_simple_file, METH_VARARGS, NULL},
    {"run_simple_file_macro", run_simple_file_macro, METH_O, NULL},
    {"run_file", run_file, METH_VARARGS, NULL},
    {"run_any_file", run_any_file, METH_O, NULL},
    {"run_interactive_one", run_interactive_one, METH_O, NULL},
    {"run_interactive_loop", run_interactive_loop, METH_O, NULL},
    {"readline_lines", readline_lines, METH_O, NULL},
    {"compile_string_flags", compile_string_flags, METH_O, NULL},
    {"run_string", run_string, METH_VARARGS, NULL},
    {"run_simple_string", run_simple_string, METH_O, NULL},
    {"display", display, METH_VARARGS, NULL},
    {"xoptions", xoptions, METH_NOARGS, NULL},
    {"clocks", clocks, METH_NOARGS, NULL},
    {"seconds_double", seconds_double, METH_O, NULL},
    {"decode_locale", decode_locale, METH_O, NULL},
    {"encode_locale", encode_locale, METH_O, NULL},
    {"universal_fgets", universal_fgets, METH_VARARGS, NULL},
    {"std_printer", std_printer, METH_O, NULL},
    {"open_code", open_code, METH_O, NULL},
    {"open_code_utf8", open_code_utf8, METH_O, NULL},
    {"set_open_code_hook", set_open_code_hook, METH_O, NULL},
    {"open_code_hook_calls", open_code_hook_calls, METH_NOARGS, NULL},
    {"marshal_dumps", marshal_dumps, METH_VARARGS, NULL},
    {"marshal_loads", marshal_loads, METH_O, NULL},
    {"marshal_write_file", marshal_write_file, METH_VARARGS, NULL},
    {"marshal_read_file", marshal_read_file, METH_O, NULL},
    {"marshal_read_ints", marshal_read_ints, METH_VARARGS, NULL},
    {"tls_keys", tls_keys, METH_NOARGS, NULL},
    {"thread_constants", thread_constants, METH_NOARGS, NULL},
    {"tss_keys", tss_keys, METH_NOARGS, NULL},
    {"start_thread", start_thread, METH_NOARGS, NULL},
    {"thread_identity", thread_identity, METH_NOARGS, NULL},
    {"thread_info", thread_info, METH_NOARGS, NULL},
    {"statuses", statuses, METH_NOARGS, NULL},
    {"wide_list", wide_list, METH_O, NULL},
    {"config_defaults", config_defaults, METH_NOARGS, NULL},
    {"config_setters", config_setters, METH_NOARGS, NULL},
    {"bytes_string", bytes_string, METH_NOARGS, NULL},
    {"argc_argv", argc_argv, METH_NOARGS, NULL},
    {"path_config", path_config, METH_NOARGS, NULL},
    {"global_flags", global_flags, METH_NOARGS, NULL},
    {"getenv", getenv_, METH_O, NULL},
    {"signals", signals, METH_NOARGS, NULL},
    {"exit_status", exit_status, METH_O, NULL},
    {"ll_at_exit", ll_at_exit, METH_NOARGS, NULL},
    {"py_exit", py_exit, METH_O, NULL},
    {"version_info", version_info, METH_NOARGS, NULL},
    {"fd_is_interactive", fd_is_interactive, METH_O, NULL},
    {"at_exit", at_exit, METH_NOARGS, NULL},
    {"allocators", allocators, METH_NOARGS, NULL},
    {"interpreters", interpreters, METH_NOARGS, NULL},
    {"call_untraced_then_traced", call_untraced_then_traced, METH_O, NULL},
    {"current_frames", current_frames, METH_NOARGS, NULL},
    {"trace_constants", trace_constants, METH_NOARGS, NULL},
    {"add_audit_hook", add_audit_hook, METH_NOARGS, NULL},
    {"set_argv", set_argv, METH_VARARGS, NULL},
    {"reset_warn_options", reset_warn_options, METH_NOARGS, NULL},
    {"exec_code_module", exec_code_module, METH_VARARGS, NULL},
    {"exec_code_module_paths", exec_code_module_paths, METH_VARARGS, NULL},
    {"get_importer", get_importer, METH_O, NULL},
    {"import_variants", import_variants, METH_VARARGS, NULL},
    {"reload_module", reload_module, METH_O, NULL},
    {"add_module", add_module, METH_O, NULL},
    {"exec_code_module_plain", exec_code_module_plain, METH_VARARGS, NULL},
    {"magic", magic, METH_NOARGS, NULL},
    {"import_frozen", import_frozen, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_lifecycle", NULL, -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_lifecycle(void)
{
    return PyModule_Create(&module);
}
