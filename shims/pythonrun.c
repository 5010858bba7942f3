/* Running files and interactive input from a C FILE (pythonrun.h), and
 * PyOS_Readline.
 *
 * A file is read to its end and compiled as one source, so a coding cookie
 * is honoured as CPython's tokenizer does; `closeit` closes the FILE once
 * read. Interactive input is read a line at a time with PyOS_Readline
 * (prompts sys.ps1 and sys.ps2) until `codeop.compile_command` says the
 * statement is complete, as the REPL decides; it then runs in __main__.
 * A source file is always run as source: RustPython cannot run CPython's
 * .pyc files. The compiler flags are not read (the VM's compiler takes only
 * its own). */

#include "Python.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* CPython's errcode.h: what PyRun_InteractiveOne returns at end of input. */
#define E_EOF 11

/* ---------------------------------------------------------------- */
/* PyOS_Readline                                                     */

int (*PyOS_InputHook)(void) = NULL;

/* A line of `in` (with its newline) in PyMem_RawMalloc memory, "" at end
 * of file, NULL on an interrupt (exception set) or no memory. The prompt
 * goes to stderr, as CPython's stdio reader writes it. Runs without the GIL
 * and takes it only to check signals. */
static char *
stdio_readline(FILE *in, FILE *out, const char *prompt)
{
    size_t size = 128, len = 0;
    char *buf = PyMem_RawMalloc(size);
    if (buf == NULL)
        return NULL;
    fflush(out);
    if (prompt != NULL)
        fputs(prompt, stderr);
    fflush(stderr);
    for (;;) {
        if (PyOS_InputHook != NULL)
            (void)PyOS_InputHook();
        errno = 0;
        clearerr(in);
        if (fgets(buf + len, (int)(size - len), in) == NULL) {
            if (errno == EINTR) {
                PyGILState_STATE g = PyGILState_Ensure();
                int failed = PyErr_CheckSignals();
                PyGILState_Release(g);
                if (failed < 0) {
                    PyMem_RawFree(buf);
                    return NULL;
                }
                continue;
            }
            buf[len] = '\0';
            return buf;
        }
        len += strlen(buf + len);
        if (len > 0 && buf[len - 1] == '\n')
            return buf;
        if (size - len > 1)
            continue;
        char *bigger = PyMem_RawRealloc(buf, size * 2);
        if (bigger == NULL) {
            PyMem_RawFree(buf);
            return NULL;
        }
        buf = bigger;
        size *= 2;
    }
}

char *(*PyOS_ReadlineFunctionPointer)(FILE *, FILE *, const char *) = stdio_readline;

char *
PyOS_Readline(FILE *sys_stdin, FILE *sys_stdout, const char *prompt)
{
    /* The hook (the readline module's) serves terminals only, as in
     * CPython; anything else is read with plain stdio. */
    char *(*reader)(FILE *, FILE *, const char *) = stdio_readline;
    if (PyOS_ReadlineFunctionPointer != NULL
        && isatty(fileno(sys_stdin)) && isatty(fileno(sys_stdout)))
        reader = PyOS_ReadlineFunctionPointer;
    char *raw;
    Py_BEGIN_ALLOW_THREADS
    raw = reader(sys_stdin, sys_stdout, prompt);
    Py_END_ALLOW_THREADS
    if (raw == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetNone(PyExc_KeyboardInterrupt);
        return NULL;
    }
    /* The caller frees with PyMem_Free. */
    size_t n = strlen(raw) + 1;
    char *line = PyMem_Malloc(n);
    if (line != NULL)
        memcpy(line, raw, n);
    else
        PyErr_NoMemory();
    PyMem_RawFree(raw);
    return line;
}

/* ---------------------------------------------------------------- */
/* Strings                                                           */

/* Runs compiled code as every PyRun_* does: globals get __builtins__ (the
 * builtins' dict) when they lack it. */
static PyObject *
eval_code(PyObject *code, PyObject *globals, PyObject *locals)
{
    if (globals != NULL && PyDict_Check(globals)) {
        PyObject *b;
        if (PyDict_GetItemStringRef(globals, "__builtins__", &b) < 0)
            return NULL;
        if (b == NULL) {
            PyObject *builtins = PyImport_ImportModule("builtins");
            int r = builtins != NULL
                ? PyDict_SetItemString(globals, "__builtins__", PyModule_GetDict(builtins)) : -1;
            Py_XDECREF(builtins);
            if (r < 0)
                return NULL;
        }
        Py_XDECREF(b);
    }
    return PyEval_EvalCode(code, globals, locals);
}

PyObject *
PyRun_StringFlags(const char *str, int start, PyObject *globals,
                  PyObject *locals, PyCompilerFlags *flags)
{
    PyObject *code = Py_CompileStringExFlags(str, "<string>", start, flags, -1);
    if (code == NULL)
        return NULL;
    PyObject *result = eval_code(code, globals, locals);
    Py_DECREF(code);
    return result;
}

static PyObject *main_dict(void);

/* Runs in __main__; an error is printed: 0, or -1. */
int
PyRun_SimpleStringFlags(const char *command, PyCompilerFlags *flags)
{
    PyObject *d = main_dict();
    PyObject *v = d != NULL ? PyRun_StringFlags(command, Py_file_input, d, d, flags) : NULL;
    if (v == NULL) {
        PyErr_Print();
        return -1;
    }
    Py_DECREF(v);
    return 0;
}

/* ---------------------------------------------------------------- */
/* Files                                                             */

/* The rest of `fp` as a NUL-terminated string; NULL with an exception. */
static char *
read_all(FILE *fp, size_t *length)
{
    size_t size = 4096, len = 0, n;
    char *buf = PyMem_Malloc(size);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    while ((n = fread(buf + len, 1, size - len - 1, fp)) > 0) {
        len += n;
        if (size - len > 1)
            continue;
        char *bigger = PyMem_Realloc(buf, size * 2);
        if (bigger == NULL) {
            PyMem_Free(buf);
            PyErr_NoMemory();
            return NULL;
        }
        buf = bigger;
        size *= 2;
    }
    if (ferror(fp)) {
        PyMem_Free(buf);
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    buf[len] = '\0';
    *length = len;
    return buf;
}

static PyObject *
run_file(FILE *fp, PyObject *filename, int start, PyObject *globals,
         PyObject *locals, int closeit)
{
    size_t len;
    char *source = read_all(fp, &len);
    if (closeit)
        fclose(fp);
    if (source == NULL)
        return NULL;
    if (strlen(source) != len) {
        PyMem_Free(source);
        PyErr_SetString(PyExc_SyntaxError,
                        "source code cannot contain null bytes");
        return NULL;
    }
    PyObject *code = Py_CompileStringObject(source, filename, start, NULL, -1);
    PyMem_Free(source);
    if (code == NULL)
        return NULL;
    PyObject *result = eval_code(code, globals, locals);
    Py_DECREF(code);
    return result;
}

PyObject *
PyRun_FileExFlags(FILE *fp, const char *filename, int start,
                  PyObject *globals, PyObject *locals, int closeit,
                  PyCompilerFlags *flags)
{
    (void)flags;
    PyObject *name = PyUnicode_DecodeFSDefault(filename);
    if (name == NULL) {
        if (closeit)
            fclose(fp);
        return NULL;
    }
    PyObject *result = run_file(fp, name, start, globals, locals, closeit);
    Py_DECREF(name);
    return result;
}

static void
flush_io(void)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    const char *names[] = {"stderr", "stdout"};
    for (int i = 0; i < 2; i++) {
        PyObject *f = PySys_GetObject(names[i]);
        if (f != NULL && f != Py_None) {
            PyObject *r = PyObject_CallMethod(f, "flush", NULL);
            if (r == NULL)
                PyErr_Clear();
            Py_XDECREF(r);
        }
    }
    PyErr_Restore(type, value, tb);
}

/* __main__'s dict, borrowed (__main__ is kept by sys.modules). */
static PyObject *
main_dict(void)
{
    PyObject *m = PyImport_AddModuleRef("__main__");
    if (m == NULL)
        return NULL;
    PyObject *d = PyModule_GetDict(m);
    Py_DECREF(m);
    return d;
}

/* Runs the file in __main__ with __file__ (and __cached__ = None) set for
 * the run when __main__ had none; errors are printed. 0, or -1. */
int
PyRun_SimpleFileExFlags(FILE *fp, const char *filename, int closeit,
                        PyCompilerFlags *flags)
{
    (void)flags;
    int ret = -1, set_file_name = 0;
    PyObject *name = PyUnicode_DecodeFSDefault(filename), *d = NULL, *file;
    if (name == NULL || (d = main_dict()) == NULL)
        goto fail_unread;
    Py_INCREF(d);
    if (PyDict_GetItemStringRef(d, "__file__", &file) < 0)
        goto fail_unread;
    if (file == NULL) {
        if (PyDict_SetItemString(d, "__file__", name) < 0
            || PyDict_SetItemString(d, "__cached__", Py_None) < 0)
            goto fail_unread;
        set_file_name = 1;
    }
    Py_XDECREF(file);
    PyObject *v = run_file(fp, name, Py_file_input, d, d, closeit);
    flush_io();
    if (v == NULL)
        PyErr_Print();
    else
        ret = 0;
    Py_XDECREF(v);
    goto done;
fail_unread:
    if (closeit)
        fclose(fp);
    PyErr_Print();
done:
    if (set_file_name) {
        if (PyDict_DelItemString(d, "__file__") < 0)
            PyErr_Clear();
        if (PyDict_DelItemString(d, "__cached__") < 0)
            PyErr_Clear();
    }
    Py_XDECREF(d);
    Py_XDECREF(name);
    return ret;
}

/* ---------------------------------------------------------------- */
/* Interactive input                                                 */

/* str(sys.<name>) as UTF-8 (a new reference in *keep), or `fallback`. */
static const char *
prompt_of(const char *name, const char *fallback, PyObject **keep)
{
    *keep = NULL;
    PyObject *v = PySys_GetObject(name);
    if (v == NULL)
        return fallback;
    *keep = PyObject_Str(v);
    const char *s = *keep != NULL ? PyUnicode_AsUTF8(*keep) : NULL;
    if (s == NULL) {
        PyErr_Clear();
        return fallback;
    }
    return s;
}

/* One statement: 0 when it ran, -1 with an exception, E_EOF at the end of
 * input before any line of it. */
static int
interactive_one(FILE *fp, PyObject *filename)
{
    PyObject *codeop = PyImport_ImportModule("codeop");
    if (codeop == NULL)
        return -1;
    PyObject *lines = PyList_New(0), *code = NULL;
    int ret = -1;
    if (lines == NULL)
        goto done;
    for (;;) {
        PyObject *keep;
        const char *prompt = PyList_GET_SIZE(lines) == 0
            ? prompt_of("ps1", "", &keep) : prompt_of("ps2", "", &keep);
        char *line = PyOS_Readline(fp, stdout, prompt);
        Py_XDECREF(keep);
        if (line == NULL)
            goto done;
        int eof = line[0] == '\0';
        size_t n = strlen(line);
        if (n > 0 && line[n - 1] == '\n')
            line[--n] = '\0';
        if (eof && PyList_GET_SIZE(lines) == 0) {
            PyMem_Free(line);
            ret = E_EOF;
            goto done;
        }
        PyObject *text = PyUnicode_DecodeUTF8(line, (Py_ssize_t)n, "surrogateescape");
        PyMem_Free(line);
        if (text == NULL || (!eof && PyList_Append(lines, text) < 0)) {
            Py_XDECREF(text);
            goto done;
        }
        Py_DECREF(text);
        PyObject *nl = PyUnicode_FromString("\n");
        PyObject *source = nl != NULL ? PyUnicode_Join(nl, lines) : NULL;
        Py_XDECREF(nl);
        if (source == NULL)
            goto done;
        /* At end of input the statement is whatever was read. */
        if (eof)
            code = Py_CompileStringObject(PyUnicode_AsUTF8(source), filename,
                                          Py_single_input, NULL, -1);
        else
            code = PyObject_CallMethod(codeop, "compile_command", "OOs",
                                       source, filename, "single");
        Py_DECREF(source);
        if (code == NULL)
            goto done;
        if (code != Py_None)
            break;
        Py_CLEAR(code);
    }
    PyObject *d = main_dict();
    PyObject *v = d != NULL ? eval_code(code, d, d) : NULL;
    if (v != NULL) {
        Py_DECREF(v);
        flush_io();
        ret = 0;
    }
done:
    Py_XDECREF(code);
    Py_XDECREF(lines);
    Py_DECREF(codeop);
    return ret;
}

int
PyRun_InteractiveOneObject(FILE *fp, PyObject *filename, PyCompilerFlags *flags)
{
    (void)flags;
    int ret = interactive_one(fp, filename);
    if (ret == -1) {
        PyErr_Print();
        flush_io();
    }
    return ret;
}

int
PyRun_InteractiveOneFlags(FILE *fp, const char *filename, PyCompilerFlags *flags)
{
    PyObject *name = PyUnicode_DecodeFSDefault(filename);
    if (name == NULL) {
        PyErr_Print();
        return -1;
    }
    int ret = PyRun_InteractiveOneObject(fp, name, flags);
    Py_DECREF(name);
    return ret;
}

/* Statements until end of input, each error printed; sys.ps1 and sys.ps2
 * default to ">>> " and "... ". 0 at the end of input. */
int
PyRun_InteractiveLoopFlags(FILE *fp, const char *filename, PyCompilerFlags *flags)
{
    (void)flags;
    const char *names[2] = {"ps1", "ps2"}, *defaults[2] = {">>> ", "... "};
    for (int i = 0; i < 2; i++) {
        if (PySys_GetObject(names[i]) != NULL)
            continue;
        PyObject *v = PyUnicode_FromString(defaults[i]);
        if (v == NULL || PySys_SetObject(names[i], v) < 0)
            PyErr_Clear();
        Py_XDECREF(v);
    }
    PyObject *name = PyUnicode_DecodeFSDefault(filename);
    if (name == NULL) {
        PyErr_Print();
        return -1;
    }
    int ret, nomem = 0, err = 0;
    do {
        ret = interactive_one(fp, name);
        if (ret == -1 && PyErr_Occurred()) {
            /* Give up after a run of MemoryErrors, as CPython does. */
            if (PyErr_ExceptionMatches(PyExc_MemoryError)) {
                if (++nomem > 16) {
                    PyErr_Clear();
                    err = -1;
                    break;
                }
            } else {
                nomem = 0;
            }
            PyErr_Print();
            flush_io();
        } else {
            nomem = 0;
        }
    } while (ret != E_EOF);
    Py_DECREF(name);
    return err;
}

int
PyRun_AnyFileExFlags(FILE *fp, const char *filename, int closeit,
                     PyCompilerFlags *flags)
{
    if (filename == NULL)
        filename = "???";
    if (Py_FdIsInteractive(fp, filename)) {
        int err = PyRun_InteractiveLoopFlags(fp, filename, flags);
        if (closeit)
            fclose(fp);
        return err;
    }
    return PyRun_SimpleFileExFlags(fp, filename, closeit, flags);
}

/* ---------------------------------------------------------------- */
/* The function flavors of the macros, which CPython also exports for
 * callers that do not use the headers (ctypes' pythonapi).           */

#undef PyRun_String
#undef PyRun_SimpleString
#undef PyRun_AnyFile
#undef PyRun_AnyFileEx
#undef PyRun_AnyFileFlags
#undef PyRun_SimpleFile
#undef PyRun_SimpleFileEx
#undef PyRun_InteractiveOne
#undef PyRun_InteractiveLoop
#undef PyRun_File
#undef PyRun_FileEx
#undef PyRun_FileFlags

PyAPI_FUNC(PyObject *) PyRun_String(const char *str, int s, PyObject *g, PyObject *l);
PyAPI_FUNC(int) PyRun_SimpleString(const char *s);
PyAPI_FUNC(int) PyRun_AnyFile(FILE *fp, const char *name);
PyAPI_FUNC(int) PyRun_AnyFileEx(FILE *fp, const char *name, int closeit);
PyAPI_FUNC(int) PyRun_AnyFileFlags(FILE *fp, const char *name, PyCompilerFlags *flags);
PyAPI_FUNC(int) PyRun_SimpleFile(FILE *f, const char *p);
PyAPI_FUNC(int) PyRun_SimpleFileEx(FILE *f, const char *p, int c);
PyAPI_FUNC(int) PyRun_InteractiveOne(FILE *f, const char *p);
PyAPI_FUNC(int) PyRun_InteractiveLoop(FILE *f, const char *p);
PyAPI_FUNC(PyObject *) PyRun_File(FILE *fp, const char *p, int s, PyObject *g, PyObject *l);
PyAPI_FUNC(PyObject *) PyRun_FileEx(FILE *fp, const char *p, int s, PyObject *g, PyObject *l, int c);
PyAPI_FUNC(PyObject *) PyRun_FileFlags(FILE *fp, const char *p, int s, PyObject *g, PyObject *l, PyCompilerFlags *flags);

PyObject *
PyRun_String(const char *str, int s, PyObject *g, PyObject *l)
{
    return PyRun_StringFlags(str, s, g, l, NULL);
}

int
PyRun_SimpleString(const char *s)
{
    return PyRun_SimpleStringFlags(s, NULL);
}

int
PyRun_AnyFile(FILE *fp, const char *name)
{
    return PyRun_AnyFileExFlags(fp, name, 0, NULL);
}

int
PyRun_AnyFileEx(FILE *fp, const char *name, int closeit)
{
    return PyRun_AnyFileExFlags(fp, name, closeit, NULL);
}

int
PyRun_AnyFileFlags(FILE *fp, const char *name, PyCompilerFlags *flags)
{
    return PyRun_AnyFileExFlags(fp, name, 0, flags);
}

int
PyRun_SimpleFile(FILE *f, const char *p)
{
    return PyRun_SimpleFileExFlags(f, p, 0, NULL);
}

int
PyRun_SimpleFileEx(FILE *f, const char *p, int c)
{
    return PyRun_SimpleFileExFlags(f, p, c, NULL);
}

int
PyRun_InteractiveOne(FILE *f, const char *p)
{
    return PyRun_InteractiveOneFlags(f, p, NULL);
}

int
PyRun_InteractiveLoop(FILE *f, const char *p)
{
    return PyRun_InteractiveLoopFlags(f, p, NULL);
}

PyObject *
PyRun_File(FILE *fp, const char *p, int s, PyObject *g, PyObject *l)
{
    return PyRun_FileExFlags(fp, p, s, g, l, 0, NULL);
}

PyObject *
PyRun_FileEx(FILE *fp, const char *p, int s, PyObject *g, PyObject *l, int c)
{
    return PyRun_FileExFlags(fp, p, s, g, l, c, NULL);
}

PyObject *
PyRun_FileFlags(FILE *fp, const char *p, int s, PyObject *g, PyObject *l,
                PyCompilerFlags *flags)
{
    return PyRun_FileExFlags(fp, p, s, g, l, 0, flags);
}
