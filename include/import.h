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
PyAPI_FUNC(long) PyImport_GetMagicNumber(void);
PyAPI_FUNC(const char *) PyImport_GetMagicTag(void);

PyAPI_FUNC(int) PyImport_AppendInittab(const char *name,
                                       PyObject *(*initfunc)(void));

#ifdef __cplusplus
}
#endif
#endif /* !Py_IMPORT_H */
