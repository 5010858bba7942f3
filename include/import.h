/* The import system. */
#ifndef Py_IMPORT_H
#define Py_IMPORT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(PyObject *) PyImport_ImportModule(const char *name);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleNoBlock(const char *name);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevel(const char *name,
                                                  PyObject *globals,
                                                  PyObject *locals,
                                                  PyObject *fromlist,
                                                  int level);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevelObject(PyObject *name,
                                                        PyObject *globals,
                                                        PyObject *locals,
                                                        PyObject *fromlist,
                                                        int level);
#define PyImport_ImportModuleEx(n, g, l, f) \
    PyImport_ImportModuleLevel((n), (g), (l), (f), 0)
PyAPI_FUNC(PyObject *) PyImport_Import(PyObject *name);
PyAPI_FUNC(PyObject *) PyImport_ReloadModule(PyObject *m);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleAttr(PyObject *mod_name,
                                                 PyObject *attr_name);
PyAPI_FUNC(PyObject *) PyImport_ImportModuleAttrString(const char *mod_name,
                                                       const char *attr_name);

PyAPI_FUNC(PyObject *) PyImport_GetModuleDict(void);
PyAPI_FUNC(PyObject *) PyImport_GetModule(PyObject *name);
PyAPI_FUNC(PyObject *) PyImport_AddModuleRef(const char *name);
PyAPI_FUNC(PyObject *) PyImport_AddModuleObject(PyObject *name);
PyAPI_FUNC(PyObject *) PyImport_AddModule(const char *name);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModule(const char *name,
                                               PyObject *co);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleEx(const char *name,
                                                 PyObject *co,
                                                 const char *pathname);
/* Runs `co` as module `name` (sys.modules[name], made if missing): sets
 * __builtins__, and __file__, __cached__, __loader__ and __spec__ through
 * importlib's _fix_up_module (pathname NULL: co.co_filename). The module
 * is removed from sys.modules if the code fails. */
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleObject(PyObject *name,
                                                     PyObject *co,
                                                     PyObject *pathname,
                                                     PyObject *cpathname);
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleWithPathnames(
    const char *name, PyObject *co, const char *pathname,
    const char *cpathname);
/* sys.path_importer_cache[path], else the first sys.path_hooks entry that
 * accepts path (cached); None when none does. */
PyAPI_FUNC(PyObject *) PyImport_GetImporter(PyObject *path);
/* Runs a frozen module: 1, 0 when there is no such frozen module, or -1. */
PyAPI_FUNC(int) PyImport_ImportFrozenModuleObject(PyObject *name);
PyAPI_FUNC(int) PyImport_ImportFrozenModule(const char *name);

/* The built-in and frozen module tables, as CPython describes them. */
struct _inittab {
    const char *name;
    PyObject *(*initfunc)(void);
};
struct _frozen {
    const char *name;
    const unsigned char *code;
    int size;
    int is_package;
};
PyAPI_DATA(struct _inittab *) PyImport_Inittab;
PyAPI_DATA(const struct _frozen *) PyImport_FrozenModules;
PyAPI_FUNC(int) PyImport_ExtendInittab(struct _inittab *newtab);
PyAPI_FUNC(PyObject *) PyInit__imp(void);

PyAPI_FUNC(long) PyImport_GetMagicNumber(void);
PyAPI_FUNC(const char *) PyImport_GetMagicTag(void);

PyAPI_FUNC(int) PyImport_AppendInittab(const char *name,
                                       PyObject *(*initfunc)(void));

#ifdef __cplusplus
}
#endif
#endif /* !Py_IMPORT_H */
