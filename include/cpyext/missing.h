/* Generated from cpyext/capi.decl by build.rs; do not edit (tests/capi_table.rs
 * checks it, CPYEXT_BLESS=1 cargo build rewrites it).
 *
 * Every function include/ declares that cpyext does not provide yet,
 * declared again so that a call to it fails at compile time with the
 * reason, instead of at import. */
#ifndef Py_CPYEXT_MISSING_H
#define Py_CPYEXT_MISSING_H
#ifdef __cplusplus
extern "C" {
#endif

#ifndef PyObject_GetAIter
Py_CPYEXT_MISSING("PyObject_GetAIter is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyObject_GetAIter(PyObject *o);
#endif
#ifndef PyAIter_Check
Py_CPYEXT_MISSING("PyAIter_Check is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyAIter_Check(PyObject *o);
#endif
#ifndef PyIter_Send
Py_CPYEXT_MISSING("PyIter_Send is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PySendResult) PyIter_Send(PyObject *iter, PyObject *arg, PyObject **presult);
#endif
#ifndef PyNumber_ToBase
Py_CPYEXT_MISSING("PyNumber_ToBase is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyNumber_ToBase(PyObject *n, int base);
#endif
#ifndef PySequence_SetSlice
Py_CPYEXT_MISSING("PySequence_SetSlice is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PySequence_SetSlice(PyObject *o, Py_ssize_t i1, Py_ssize_t i2, PyObject *v);
#endif
#ifndef PySequence_DelSlice
Py_CPYEXT_MISSING("PySequence_DelSlice is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PySequence_DelSlice(PyObject *o, Py_ssize_t i1, Py_ssize_t i2);
#endif
#ifndef PySequence_In
Py_CPYEXT_MISSING("PySequence_In is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PySequence_In(PyObject *o, PyObject *value);
#endif
#ifndef PyMapping_HasKeyString
Py_CPYEXT_MISSING("PyMapping_HasKeyString is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyMapping_HasKeyString(PyObject *o, const char *key);
#endif
#ifndef PyMapping_HasKey
Py_CPYEXT_MISSING("PyMapping_HasKey is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyMapping_HasKey(PyObject *o, PyObject *key);
#endif
#ifndef PyMapping_HasKeyWithError
Py_CPYEXT_MISSING("PyMapping_HasKeyWithError is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyMapping_HasKeyWithError(PyObject *o, PyObject *key);
#endif
#ifndef PyMapping_HasKeyStringWithError
Py_CPYEXT_MISSING("PyMapping_HasKeyStringWithError is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyMapping_HasKeyStringWithError(PyObject *o, const char *key);
#endif
#ifndef PyMapping_GetOptionalItemString
Py_CPYEXT_MISSING("PyMapping_GetOptionalItemString is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyMapping_GetOptionalItemString(PyObject *obj, const char *key, PyObject **result);
#endif
#ifndef Py_IsTrue
Py_CPYEXT_MISSING("Py_IsTrue is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) Py_IsTrue(PyObject *x);
#endif
#ifndef Py_IsFalse
Py_CPYEXT_MISSING("Py_IsFalse is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) Py_IsFalse(PyObject *x);
#endif
Py_CPYEXT_MISSING("PyByteArrayIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyByteArrayIter_Type;
Py_CPYEXT_MISSING("PyBytesIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyBytesIter_Type;
#ifndef PyBytes_Repr
Py_CPYEXT_MISSING("PyBytes_Repr is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyBytes_Repr(PyObject *o, int smartquotes);
#endif
#ifndef PyBytes_Concat
Py_CPYEXT_MISSING("PyBytes_Concat is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) PyBytes_Concat(PyObject **bytes, PyObject *newpart);
#endif
#ifndef PyBytes_ConcatAndDel
Py_CPYEXT_MISSING("PyBytes_ConcatAndDel is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) PyBytes_ConcatAndDel(PyObject **bytes, PyObject *newpart);
#endif
#ifndef PyBytes_DecodeEscape
Py_CPYEXT_MISSING("PyBytes_DecodeEscape is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyBytes_DecodeEscape(const char *s, Py_ssize_t len, const char *errors, Py_ssize_t unused, const char *recode_encoding);
#endif
#ifndef PyEval_GetGlobals
Py_CPYEXT_MISSING("PyEval_GetGlobals is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyEval_GetGlobals(void);
#endif
#ifndef PyEval_GetLocals
Py_CPYEXT_MISSING("PyEval_GetLocals is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyEval_GetLocals(void);
#endif
#ifndef PyEval_GetFrame
Py_CPYEXT_MISSING("PyEval_GetFrame is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyFrameObject *) PyEval_GetFrame(void);
#endif
#ifndef PyEval_GetFrameBuiltins
Py_CPYEXT_MISSING("PyEval_GetFrameBuiltins is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyEval_GetFrameBuiltins(void);
#endif
#ifndef PyEval_GetFrameGlobals
Py_CPYEXT_MISSING("PyEval_GetFrameGlobals is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyEval_GetFrameGlobals(void);
#endif
#ifndef PyEval_GetFrameLocals
Py_CPYEXT_MISSING("PyEval_GetFrameLocals is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyEval_GetFrameLocals(void);
#endif
#ifndef PyEval_GetFuncName
Py_CPYEXT_MISSING("PyEval_GetFuncName is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) PyEval_GetFuncName(PyObject *func);
#endif
#ifndef PyEval_GetFuncDesc
Py_CPYEXT_MISSING("PyEval_GetFuncDesc is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) PyEval_GetFuncDesc(PyObject *func);
#endif
#ifndef Py_AddPendingCall
Py_CPYEXT_MISSING("Py_AddPendingCall is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) Py_AddPendingCall(int (*func)(void *), void *arg);
#endif
#ifndef Py_MakePendingCalls
Py_CPYEXT_MISSING("Py_MakePendingCalls is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) Py_MakePendingCalls(void);
#endif
#ifndef Py_SetRecursionLimit
Py_CPYEXT_MISSING("Py_SetRecursionLimit is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) Py_SetRecursionLimit(int new_limit);
#endif
#ifndef Py_GetRecursionLimit
Py_CPYEXT_MISSING("Py_GetRecursionLimit is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) Py_GetRecursionLimit(void);
#endif
#ifndef PyEval_AcquireThread
Py_CPYEXT_MISSING("PyEval_AcquireThread is not provided by cpyext: thread states are per OS thread here: a thread gets its own from PyGILState_Ensure (see docs/capi.md)")
PyAPI_FUNC(void) PyEval_AcquireThread(PyThreadState *tstate);
#endif
#ifndef PyEval_ReleaseThread
Py_CPYEXT_MISSING("PyEval_ReleaseThread is not provided by cpyext: thread states are per OS thread here: a thread gets its own from PyGILState_Ensure (see docs/capi.md)")
PyAPI_FUNC(void) PyEval_ReleaseThread(PyThreadState *tstate);
#endif
#ifndef PyEval_ThreadsInitialized
Py_CPYEXT_MISSING("PyEval_ThreadsInitialized is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyEval_ThreadsInitialized(void);
#endif
Py_CPYEXT_MISSING("PyInstanceMethod_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyInstanceMethod_Type;
#ifndef PyCode_Addr2Line
Py_CPYEXT_MISSING("PyCode_Addr2Line is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyCode_Addr2Line(PyCodeObject *co, int byte_offset);
#endif
#ifndef PyDescr_NewMethod
Py_CPYEXT_MISSING("PyDescr_NewMethod is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyDescr_NewMethod(PyTypeObject *type, PyMethodDef *meth);
#endif
#ifndef PyDescr_NewClassMethod
Py_CPYEXT_MISSING("PyDescr_NewClassMethod is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyDescr_NewClassMethod(PyTypeObject *type, PyMethodDef *meth);
#endif
#ifndef PyWrapper_New
Py_CPYEXT_MISSING("PyWrapper_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyWrapper_New(PyObject *d, PyObject *self);
#endif
Py_CPYEXT_MISSING("PyDictKeys_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyDictKeys_Type;
Py_CPYEXT_MISSING("PyDictValues_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyDictValues_Type;
Py_CPYEXT_MISSING("PyDictItems_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyDictItems_Type;
Py_CPYEXT_MISSING("PyDictIterKey_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyDictIterKey_Type;
Py_CPYEXT_MISSING("PyDictIterValue_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyDictIterValue_Type;
Py_CPYEXT_MISSING("PyDictIterItem_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyDictIterItem_Type;
Py_CPYEXT_MISSING("PyDictRevIterKey_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyDictRevIterKey_Type;
Py_CPYEXT_MISSING("PyDictRevIterValue_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyDictRevIterValue_Type;
Py_CPYEXT_MISSING("PyDictRevIterItem_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyDictRevIterItem_Type;
#ifndef PyDict_MergeFromSeq2
Py_CPYEXT_MISSING("PyDict_MergeFromSeq2 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyDict_MergeFromSeq2(PyObject *d, PyObject *seq2, int override);
#endif
#ifndef PyDict_AddWatcher
Py_CPYEXT_MISSING("PyDict_AddWatcher is not provided by cpyext: RustPython's dicts have no mutation hooks: a dict watcher would never be called (see docs/capi.md)")
PyAPI_FUNC(int) PyDict_AddWatcher(PyDict_WatchCallback callback);
#endif
#ifndef PyDict_ClearWatcher
Py_CPYEXT_MISSING("PyDict_ClearWatcher is not provided by cpyext: RustPython's dicts have no mutation hooks: a dict watcher would never be called (see docs/capi.md)")
PyAPI_FUNC(int) PyDict_ClearWatcher(int watcher_id);
#endif
#ifndef PyDict_Watch
Py_CPYEXT_MISSING("PyDict_Watch is not provided by cpyext: RustPython's dicts have no mutation hooks: a dict watcher would never be called (see docs/capi.md)")
PyAPI_FUNC(int) PyDict_Watch(int watcher_id, PyObject *dict);
#endif
#ifndef PyDict_Unwatch
Py_CPYEXT_MISSING("PyDict_Unwatch is not provided by cpyext: RustPython's dicts have no mutation hooks: a dict watcher would never be called (see docs/capi.md)")
PyAPI_FUNC(int) PyDict_Unwatch(int watcher_id, PyObject *dict);
#endif
#ifndef PyFloat_GetInfo
Py_CPYEXT_MISSING("PyFloat_GetInfo is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyFloat_GetInfo(void);
#endif
#ifndef PyImport_ImportModuleNoBlock
Py_CPYEXT_MISSING("PyImport_ImportModuleNoBlock is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyImport_ImportModuleNoBlock(const char *name);
#endif
#ifndef PyImport_ImportModuleLevel
Py_CPYEXT_MISSING("PyImport_ImportModuleLevel is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyImport_ImportModuleLevel(const char *name, PyObject *globals, PyObject *locals, PyObject *fromlist, int level);
#endif
#ifndef PyImport_ReloadModule
Py_CPYEXT_MISSING("PyImport_ReloadModule is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyImport_ReloadModule(PyObject *m);
#endif
#ifndef PyImport_ImportModuleAttr
Py_CPYEXT_MISSING("PyImport_ImportModuleAttr is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyImport_ImportModuleAttr(PyObject *mod_name, PyObject *attr_name);
#endif
#ifndef PyImport_ImportModuleAttrString
Py_CPYEXT_MISSING("PyImport_ImportModuleAttrString is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyImport_ImportModuleAttrString(const char *mod_name, const char *attr_name);
#endif
#ifndef PyImport_AddModuleObject
Py_CPYEXT_MISSING("PyImport_AddModuleObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyImport_AddModuleObject(PyObject *name);
#endif
#ifndef PyImport_AddModule
Py_CPYEXT_MISSING("PyImport_AddModule is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyImport_AddModule(const char *name);
#endif
#ifndef PyImport_ExecCodeModule
Py_CPYEXT_MISSING("PyImport_ExecCodeModule is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModule(const char *name, PyObject *co);
#endif
#ifndef PyImport_ExecCodeModuleEx
Py_CPYEXT_MISSING("PyImport_ExecCodeModuleEx is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyImport_ExecCodeModuleEx(const char *name, PyObject *co, const char *pathname);
#endif
#ifndef PyImport_GetMagicNumber
Py_CPYEXT_MISSING("PyImport_GetMagicNumber is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(long) PyImport_GetMagicNumber(void);
#endif
#ifndef PyImport_GetMagicTag
Py_CPYEXT_MISSING("PyImport_GetMagicTag is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) PyImport_GetMagicTag(void);
#endif
#ifndef PyImport_AppendInittab
Py_CPYEXT_MISSING("PyImport_AppendInittab is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void));
#endif
#ifndef PyCallIter_New
Py_CPYEXT_MISSING("PyCallIter_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyCallIter_New(PyObject *callable, PyObject *sentinel);
#endif
Py_CPYEXT_MISSING("PyListIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyListIter_Type;
Py_CPYEXT_MISSING("PyListRevIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyListRevIter_Type;
#ifndef PyList_Clear
Py_CPYEXT_MISSING("PyList_Clear is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyList_Clear(PyObject *list);
#endif
#ifndef PyLong_AsInt32
Py_CPYEXT_MISSING("PyLong_AsInt32 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyLong_AsInt32(PyObject *obj, int32_t *value);
#endif
#ifndef PyLong_AsUInt32
Py_CPYEXT_MISSING("PyLong_AsUInt32 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyLong_AsUInt32(PyObject *obj, uint32_t *value);
#endif
#ifndef PyLong_AsInt64
Py_CPYEXT_MISSING("PyLong_AsInt64 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyLong_AsInt64(PyObject *obj, int64_t *value);
#endif
#ifndef PyLong_AsUInt64
Py_CPYEXT_MISSING("PyLong_AsUInt64 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyLong_AsUInt64(PyObject *obj, uint64_t *value);
#endif
#ifndef PyLong_GetInfo
Py_CPYEXT_MISSING("PyLong_GetInfo is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyLong_GetInfo(void);
#endif
#ifndef PyModule_GetFilename
Py_CPYEXT_MISSING("PyModule_GetFilename is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) PyModule_GetFilename(PyObject *module);
#endif
#ifndef PyType_GetBaseByToken
Py_CPYEXT_MISSING("PyType_GetBaseByToken is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyType_GetBaseByToken(PyTypeObject *type, void *token, PyTypeObject **result);
#endif
#ifndef PyObject_HasAttrStringWithError
Py_CPYEXT_MISSING("PyObject_HasAttrStringWithError is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyObject_HasAttrStringWithError(PyObject *o, const char *attr_name);
#endif
#ifndef PyUnstable_IsImmortal
Py_CPYEXT_MISSING("PyUnstable_IsImmortal is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyUnstable_IsImmortal(PyObject *op);
#endif
#ifndef PyUnstable_TryIncRef
Py_CPYEXT_MISSING("PyUnstable_TryIncRef is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyUnstable_TryIncRef(PyObject *op);
#endif
#ifndef PyUnstable_EnableTryIncRef
Py_CPYEXT_MISSING("PyUnstable_EnableTryIncRef is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) PyUnstable_EnableTryIncRef(PyObject *op);
#endif
#ifndef PyOS_FSPath
Py_CPYEXT_MISSING("PyOS_FSPath is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyOS_FSPath(PyObject *path);
#endif
#ifndef PyCapsule_GetDestructor
Py_CPYEXT_MISSING("PyCapsule_GetDestructor is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyCapsule_Destructor) PyCapsule_GetDestructor(PyObject *capsule);
#endif
#ifndef PyCapsule_SetDestructor
Py_CPYEXT_MISSING("PyCapsule_SetDestructor is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyCapsule_SetDestructor(PyObject *capsule, PyCapsule_Destructor destructor);
#endif
#ifndef PyException_GetArgs
Py_CPYEXT_MISSING("PyException_GetArgs is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyException_GetArgs(PyObject *ex);
#endif
#ifndef PyException_SetArgs
Py_CPYEXT_MISSING("PyException_SetArgs is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) PyException_SetArgs(PyObject *ex, PyObject *args);
#endif
#ifndef PyExceptionClass_Name
Py_CPYEXT_MISSING("PyExceptionClass_Name is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) PyExceptionClass_Name(PyObject *exc);
#endif
#ifndef PyErr_SetFromErrnoWithFilenameObject
Py_CPYEXT_MISSING("PyErr_SetFromErrnoWithFilenameObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyErr_SetFromErrnoWithFilenameObject(PyObject *type, PyObject *filenameObject);
#endif
#ifndef PyErr_SetFromErrnoWithFilenameObjects
Py_CPYEXT_MISSING("PyErr_SetFromErrnoWithFilenameObjects is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyErr_SetFromErrnoWithFilenameObjects(PyObject *type, PyObject *filenameObject, PyObject *filenameObject2);
#endif
#ifndef PyErr_SetImportError
Py_CPYEXT_MISSING("PyErr_SetImportError is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyErr_SetImportError(PyObject *msg, PyObject *name, PyObject *path);
#endif
#ifndef PyErr_SetImportErrorSubclass
Py_CPYEXT_MISSING("PyErr_SetImportErrorSubclass is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyErr_SetImportErrorSubclass(PyObject *exception, PyObject *msg, PyObject *name, PyObject *path);
#endif
#ifndef PyErr_SetInterrupt
Py_CPYEXT_MISSING("PyErr_SetInterrupt is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) PyErr_SetInterrupt(void);
#endif
#ifndef PyErr_SetInterruptEx
Py_CPYEXT_MISSING("PyErr_SetInterruptEx is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyErr_SetInterruptEx(int signum);
#endif
#ifndef PyErr_SyntaxLocation
Py_CPYEXT_MISSING("PyErr_SyntaxLocation is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) PyErr_SyntaxLocation(const char *filename, int lineno);
#endif
#ifndef PyErr_SyntaxLocationEx
Py_CPYEXT_MISSING("PyErr_SyntaxLocationEx is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) PyErr_SyntaxLocationEx(const char *filename, int lineno, int col_offset);
#endif
#ifndef PyErr_SyntaxLocationObject
Py_CPYEXT_MISSING("PyErr_SyntaxLocationObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) PyErr_SyntaxLocationObject(PyObject *filename, int lineno, int col_offset);
#endif
#ifndef PyErr_ProgramText
Py_CPYEXT_MISSING("PyErr_ProgramText is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyErr_ProgramText(const char *filename, int lineno);
#endif
#ifndef PyFrame_GetGenerator
Py_CPYEXT_MISSING("PyFrame_GetGenerator is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyFrame_GetGenerator(PyFrameObject *frame);
#endif
#ifndef Py_Initialize
Py_CPYEXT_MISSING("Py_Initialize is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) Py_Initialize(void);
#endif
#ifndef Py_InitializeEx
Py_CPYEXT_MISSING("Py_InitializeEx is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) Py_InitializeEx(int initsigs);
#endif
#ifndef Py_Finalize
Py_CPYEXT_MISSING("Py_Finalize is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) Py_Finalize(void);
#endif
#ifndef Py_FinalizeEx
Py_CPYEXT_MISSING("Py_FinalizeEx is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) Py_FinalizeEx(void);
#endif
#ifndef Py_AtExit
Py_CPYEXT_MISSING("Py_AtExit is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) Py_AtExit(void (*func)(void));
#endif
#ifndef Py_Exit
Py_CPYEXT_MISSING("Py_Exit is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) Py_Exit(int status);
#endif
#ifndef Py_GetCopyright
Py_CPYEXT_MISSING("Py_GetCopyright is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) Py_GetCopyright(void);
#endif
#ifndef Py_GetCompiler
Py_CPYEXT_MISSING("Py_GetCompiler is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) Py_GetCompiler(void);
#endif
#ifndef Py_GetBuildInfo
Py_CPYEXT_MISSING("Py_GetBuildInfo is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) Py_GetBuildInfo(void);
#endif
#ifndef PyState_AddModule
Py_CPYEXT_MISSING("PyState_AddModule is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyState_AddModule(PyObject *module, PyModuleDef *def);
#endif
#ifndef PyState_RemoveModule
Py_CPYEXT_MISSING("PyState_RemoveModule is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyState_RemoveModule(PyModuleDef *def);
#endif
#ifndef PyState_FindModule
Py_CPYEXT_MISSING("PyState_FindModule is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyState_FindModule(PyModuleDef *def);
#endif
#ifndef PyThreadState_New
Py_CPYEXT_MISSING("PyThreadState_New is not provided by cpyext: thread states are per OS thread here: a thread gets its own from PyGILState_Ensure (see docs/capi.md)")
PyAPI_FUNC(PyThreadState *) PyThreadState_New(PyInterpreterState *interp);
#endif
#ifndef PyThreadState_Swap
Py_CPYEXT_MISSING("PyThreadState_Swap is not provided by cpyext: thread states are per OS thread here: a thread gets its own from PyGILState_Ensure (see docs/capi.md)")
PyAPI_FUNC(PyThreadState *) PyThreadState_Swap(PyThreadState *tstate);
#endif
#ifndef PyThreadState_SetAsyncExc
Py_CPYEXT_MISSING("PyThreadState_SetAsyncExc is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyThreadState_SetAsyncExc(unsigned long id, PyObject *exc);
#endif
#ifndef PyRun_StringFlags
Py_CPYEXT_MISSING("PyRun_StringFlags is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyRun_StringFlags(const char *str, int start, PyObject *globals, PyObject *locals, PyCompilerFlags *flags);
#endif
#ifndef PyRun_SimpleStringFlags
Py_CPYEXT_MISSING("PyRun_SimpleStringFlags is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyRun_SimpleStringFlags(const char *command, PyCompilerFlags *flags);
#endif
#ifndef PyErr_Display
Py_CPYEXT_MISSING("PyErr_Display is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) PyErr_Display(PyObject *exc, PyObject *value, PyObject *tb);
#endif
#ifndef PyErr_DisplayException
Py_CPYEXT_MISSING("PyErr_DisplayException is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) PyErr_DisplayException(PyObject *exc);
#endif
#ifndef PyThread_init_thread
Py_CPYEXT_MISSING("PyThread_init_thread is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) PyThread_init_thread(void);
#endif
#ifndef PyThread_start_new_thread
Py_CPYEXT_MISSING("PyThread_start_new_thread is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(unsigned long) PyThread_start_new_thread(void (*func)(void *), void *arg);
#endif
#ifndef PyThread_exit_thread
Py_CPYEXT_MISSING("PyThread_exit_thread is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) PyThread_exit_thread(void);
#endif
#ifndef PyThread_get_thread_ident
Py_CPYEXT_MISSING("PyThread_get_thread_ident is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(unsigned long) PyThread_get_thread_ident(void);
#endif
#ifndef PyThread_get_thread_native_id
Py_CPYEXT_MISSING("PyThread_get_thread_native_id is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(unsigned long) PyThread_get_thread_native_id(void);
#endif
#ifndef PyThread_get_stacksize
Py_CPYEXT_MISSING("PyThread_get_stacksize is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(size_t) PyThread_get_stacksize(void);
#endif
#ifndef PyThread_set_stacksize
Py_CPYEXT_MISSING("PyThread_set_stacksize is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyThread_set_stacksize(size_t size);
#endif
#ifndef PyThread_GetInfo
Py_CPYEXT_MISSING("PyThread_GetInfo is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyThread_GetInfo(void);
#endif
#ifndef PyThread_tss_alloc
Py_CPYEXT_MISSING("PyThread_tss_alloc is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_tss_t *) PyThread_tss_alloc(void);
#endif
#ifndef PyThread_tss_free
Py_CPYEXT_MISSING("PyThread_tss_free is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) PyThread_tss_free(Py_tss_t *key);
#endif
#ifndef PyThread_tss_is_created
Py_CPYEXT_MISSING("PyThread_tss_is_created is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyThread_tss_is_created(Py_tss_t *key);
#endif
#ifndef PyThread_tss_create
Py_CPYEXT_MISSING("PyThread_tss_create is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyThread_tss_create(Py_tss_t *key);
#endif
#ifndef PyThread_tss_delete
Py_CPYEXT_MISSING("PyThread_tss_delete is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) PyThread_tss_delete(Py_tss_t *key);
#endif
#ifndef PyThread_tss_set
Py_CPYEXT_MISSING("PyThread_tss_set is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyThread_tss_set(Py_tss_t *key, void *value);
#endif
#ifndef PyThread_tss_get
Py_CPYEXT_MISSING("PyThread_tss_get is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void *) PyThread_tss_get(Py_tss_t *key);
#endif
Py_CPYEXT_MISSING("PyRangeIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyRangeIter_Type;
Py_CPYEXT_MISSING("PyLongRangeIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyLongRangeIter_Type;
Py_CPYEXT_MISSING("PySetIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PySetIter_Type;
#ifndef PySys_GetXOptions
Py_CPYEXT_MISSING("PySys_GetXOptions is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PySys_GetXOptions(void);
#endif
Py_CPYEXT_MISSING("PyTupleIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyTupleIter_Type;
#ifndef PyErr_WarnExplicit
Py_CPYEXT_MISSING("PyErr_WarnExplicit is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyErr_WarnExplicit(PyObject *category, const char *message, const char *filename, int lineno, const char *module, PyObject *registry);
#endif
#ifndef PyErr_WarnExplicitObject
Py_CPYEXT_MISSING("PyErr_WarnExplicitObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyErr_WarnExplicitObject(PyObject *category, PyObject *message, PyObject *filename, int lineno, PyObject *module, PyObject *registry);
#endif
#ifndef _PyWeakref_ClearRef
Py_CPYEXT_MISSING("_PyWeakref_ClearRef is not provided by cpyext: RustPython clears a weak reference only when its referent dies; one cannot be cleared on its own (see docs/capi.md)")
PyAPI_FUNC(void) _PyWeakref_ClearRef(PyWeakReference *self);
#endif

#ifdef __cplusplus
}
#endif
#endif /* !Py_CPYEXT_MISSING_H */
