/* PyStatus, PyWideStringList, PyPreConfig and PyConfig helpers
 * (initconfig.h): they only fill and release the structures, so they work
 * as in CPython. The defaults are CPython 3.14's (checked field by field
 * against its PyConfig_Init*Config). No interpreter is started from them:
 * PyConfig_Read and Py_InitializeFromConfig are embedding. */

#include "Python.h"

#include <string.h>
#include <wchar.h>

/* _PyConfigInitEnum */
#define CONFIG_INIT_COMPAT 1
#define CONFIG_INIT_PYTHON 2
#define CONFIG_INIT_ISOLATED 3

PyStatus
PyStatus_Ok(void)
{
    PyStatus s = {_PyStatus_TYPE_OK, NULL, NULL, 0};
    return s;
}

PyStatus
PyStatus_Error(const char *err_msg)
{
    PyStatus s = {_PyStatus_TYPE_ERROR, NULL, err_msg, 0};
    return s;
}

PyStatus
PyStatus_NoMemory(void)
{
    return PyStatus_Error("memory allocation failed");
}

PyStatus
PyStatus_Exit(int exitcode)
{
    PyStatus s = {_PyStatus_TYPE_EXIT, NULL, NULL, exitcode};
    return s;
}

int
PyStatus_IsError(PyStatus err)
{
    return err._type == _PyStatus_TYPE_ERROR;
}

int
PyStatus_IsExit(PyStatus err)
{
    return err._type == _PyStatus_TYPE_EXIT;
}

int
PyStatus_Exception(PyStatus err)
{
    return err._type != _PyStatus_TYPE_OK;
}

static PyStatus
error_in(const char *func, const char *msg)
{
    PyStatus s = {_PyStatus_TYPE_ERROR, func, msg, 0};
    return s;
}

static wchar_t *
wide_copy(const wchar_t *s)
{
    size_t n = wcslen(s) + 1;
    wchar_t *copy = PyMem_RawMalloc(n * sizeof(wchar_t));
    if (copy != NULL)
        memcpy(copy, s, n * sizeof(wchar_t));
    return copy;
}

static void
list_clear(PyWideStringList *list)
{
    for (Py_ssize_t i = 0; i < list->length; i++)
        PyMem_RawFree(list->items[i]);
    PyMem_RawFree(list->items);
    list->length = 0;
    list->items = NULL;
}

PyStatus
PyWideStringList_Insert(PyWideStringList *list, Py_ssize_t index,
                        const wchar_t *item)
{
    if (index < 0)
        return error_in("PyWideStringList_Insert",
                        "PyWideStringList_Insert index must be >= 0");
    if (index > list->length)
        index = list->length;
    if ((size_t)list->length >= PY_SSIZE_T_MAX / sizeof(wchar_t *))
        return PyStatus_NoMemory();
    wchar_t *copy = wide_copy(item);
    if (copy == NULL)
        return PyStatus_NoMemory();
    wchar_t **items = PyMem_RawRealloc(
        list->items, (size_t)(list->length + 1) * sizeof(wchar_t *));
    if (items == NULL) {
        PyMem_RawFree(copy);
        return PyStatus_NoMemory();
    }
    memmove(&items[index + 1], &items[index],
            (size_t)(list->length - index) * sizeof(wchar_t *));
    items[index] = copy;
    list->items = items;
    list->length++;
    return PyStatus_Ok();
}

PyStatus
PyWideStringList_Append(PyWideStringList *list, const wchar_t *item)
{
    return PyWideStringList_Insert(list, list->length, item);
}

/* Replaces `list` with copies of `items`; `list` is unchanged on failure. */
static PyStatus
list_set(PyWideStringList *list, Py_ssize_t length, wchar_t *const *items)
{
    PyWideStringList copy = {0, NULL};
    for (Py_ssize_t i = 0; i < length; i++) {
        PyStatus s = PyWideStringList_Append(&copy, items[i]);
        if (PyStatus_Exception(s)) {
            list_clear(&copy);
            return s;
        }
    }
    list_clear(list);
    *list = copy;
    return PyStatus_Ok();
}

void
PyPreConfig_InitPythonConfig(PyPreConfig *config)
{
    memset(config, 0, sizeof(*config));
    config->_config_init = CONFIG_INIT_PYTHON;
    config->parse_argv = 1;
    config->use_environment = 1;
    config->configure_locale = 1;
    config->coerce_c_locale = -1;
    config->coerce_c_locale_warn = -1;
    config->utf8_mode = -1;
    config->dev_mode = -1;
    config->allocator = PYMEM_ALLOCATOR_NOT_SET;
}

void
PyPreConfig_InitIsolatedConfig(PyPreConfig *config)
{
    memset(config, 0, sizeof(*config));
    config->_config_init = CONFIG_INIT_ISOLATED;
    config->isolated = 1;
    config->allocator = PYMEM_ALLOCATOR_NOT_SET;
}

/* What both configurations start from. */
static void
config_defaults(PyConfig *config)
{
    memset(config, 0, sizeof(*config));
    config->_config_init = CONFIG_INIT_COMPAT;
    config->use_environment = 1;
    config->dev_mode = -1;
    config->install_signal_handlers = 1;
    config->use_hash_seed = -1;
    config->faulthandler = -1;
    config->tracemalloc = -1;
    config->perf_profiling = -1;
    config->remote_debug = -1;
    config->import_time = -1;
    config->code_debug_ranges = 1;
    config->site_import = 1;
    config->write_bytecode = 1;
    config->user_site_directory = 1;
    config->buffered_stdio = 1;
    config->use_frozen_modules = 1;
    config->int_max_str_digits = -1;
    config->cpu_count = -1;
    config->pathconfig_warnings = 1;
    config->_install_importlib = 1;
    config->_init_main = 1;
}

void
PyConfig_InitPythonConfig(PyConfig *config)
{
    config_defaults(config);
    config->_config_init = CONFIG_INIT_PYTHON;
    config->parse_argv = 1;
    config->configure_c_stdio = 1;
}

void
PyConfig_InitIsolatedConfig(PyConfig *config)
{
    config_defaults(config);
    config->_config_init = CONFIG_INIT_ISOLATED;
    config->isolated = 1;
    config->use_environment = 0;
    config->dev_mode = 0;
    config->install_signal_handlers = 0;
    config->use_hash_seed = 0;
    config->tracemalloc = 0;
    config->perf_profiling = 0;
    config->user_site_directory = 0;
    config->safe_path = 1;
    config->int_max_str_digits = 4300;
    config->pathconfig_warnings = 0;
}

void
PyConfig_Clear(PyConfig *config)
{
    wchar_t **strings[] = {
        &config->dump_refs_file, &config->filesystem_encoding,
        &config->filesystem_errors, &config->pycache_prefix,
        &config->stdio_encoding, &config->stdio_errors,
        &config->check_hash_pycs_mode, &config->program_name,
        &config->pythonpath_env, &config->home, &config->platlibdir,
        &config->stdlib_dir, &config->executable, &config->base_executable,
        &config->prefix, &config->base_prefix, &config->exec_prefix,
        &config->base_exec_prefix, &config->run_command, &config->run_module,
        &config->run_filename, &config->sys_path_0,
    };
    for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++) {
        PyMem_RawFree(*strings[i]);
        *strings[i] = NULL;
    }
    list_clear(&config->orig_argv);
    list_clear(&config->argv);
    list_clear(&config->xoptions);
    list_clear(&config->warnoptions);
    list_clear(&config->module_search_paths);
}

PyStatus
PyConfig_SetString(PyConfig *config, wchar_t **config_str, const wchar_t *str)
{
    (void)config;
    wchar_t *copy = NULL;
    if (str != NULL) {
        copy = wide_copy(str);
        if (copy == NULL)
            return PyStatus_NoMemory();
    }
    PyMem_RawFree(*config_str);
    *config_str = copy;
    return PyStatus_Ok();
}

/* Decoded with Py_DecodeLocale; `what` names the value in the error. */
static PyStatus
decode(const char *str, const char *what, wchar_t **result)
{
    size_t len;
    *result = Py_DecodeLocale(str, &len);
    if (*result != NULL)
        return PyStatus_Ok();
    if (len == (size_t)-2)
        return error_in("PyConfig_SetBytesString", what);
    return PyStatus_NoMemory();
}

PyStatus
PyConfig_SetBytesString(PyConfig *config, wchar_t **config_str,
                        const char *str)
{
    (void)config;
    wchar_t *decoded = NULL;
    if (str != NULL) {
        PyStatus s = decode(str, "cannot decode string", &decoded);
        if (PyStatus_Exception(s))
            return s;
    }
    PyMem_RawFree(*config_str);
    *config_str = decoded;
    return PyStatus_Ok();
}

PyStatus
PyConfig_SetArgv(PyConfig *config, Py_ssize_t argc, wchar_t *const *argv)
{
    return list_set(&config->argv, argc, argv);
}

PyStatus
PyConfig_SetBytesArgv(PyConfig *config, Py_ssize_t argc, char *const *argv)
{
    PyWideStringList decoded = {0, NULL};
    for (Py_ssize_t i = 0; i < argc; i++) {
        wchar_t *arg;
        PyStatus s = decode(argv[i], "cannot decode command line argument",
                            &arg);
        if (!PyStatus_Exception(s)) {
            s = PyWideStringList_Append(&decoded, arg);
            PyMem_RawFree(arg);
        }
        if (PyStatus_Exception(s)) {
            list_clear(&decoded);
            return s;
        }
    }
    list_clear(&config->argv);
    config->argv = decoded;
    return PyStatus_Ok();
}

PyStatus
PyConfig_SetWideStringList(PyConfig *config, PyWideStringList *list,
                           Py_ssize_t length, wchar_t **items)
{
    (void)config;
    return list_set(list, length, items);
}

/* Made once from sys.orig_argv and kept for the process, as CPython keeps
 * its copy of the command line. */
void
Py_GetArgcArgv(int *argc, wchar_t ***argv)
{
    static PyWideStringList args = {0, NULL};
    static int made = 0;
    if (!made) {
        PyObject *orig = PySys_GetObject("orig_argv");
        Py_ssize_t n = orig != NULL && PyList_Check(orig) ? PyList_Size(orig) : 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            wchar_t *w = PyUnicode_AsWideCharString(PyList_GetItem(orig, i), NULL);
            if (w == NULL) {
                PyErr_Clear();
                continue;
            }
            PyStatus s = PyWideStringList_Append(&args, w);
            PyMem_Free(w);
            if (PyStatus_Exception(s))
                break;
        }
        made = 1;
    }
    *argc = (int)args.length;
    *argv = args.items;
}
