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

Py_CPYEXT_MISSING("PyObject_LengthHint is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_ssize_t) (PyObject_LengthHint)(PyObject *o, Py_ssize_t defaultvalue);
Py_CPYEXT_MISSING("PyObject_GetAIter is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyObject_GetAIter)(PyObject *o);
Py_CPYEXT_MISSING("PyAIter_Check is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyAIter_Check)(PyObject *o);
Py_CPYEXT_MISSING("PyIter_NextItem is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyIter_NextItem)(PyObject *iter, PyObject **item);
Py_CPYEXT_MISSING("PyIter_Send is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PySendResult) (PyIter_Send)(PyObject *iter, PyObject *arg, PyObject **presult);
Py_CPYEXT_MISSING("PyNumber_ToBase is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyNumber_ToBase)(PyObject *n, int base);
Py_CPYEXT_MISSING("PySequence_Repeat is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PySequence_Repeat)(PyObject *o, Py_ssize_t count);
Py_CPYEXT_MISSING("PySequence_SetSlice is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PySequence_SetSlice)(PyObject *o, Py_ssize_t i1, Py_ssize_t i2, PyObject *v);
Py_CPYEXT_MISSING("PySequence_DelSlice is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PySequence_DelSlice)(PyObject *o, Py_ssize_t i1, Py_ssize_t i2);
Py_CPYEXT_MISSING("PySequence_In is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PySequence_In)(PyObject *o, PyObject *value);
Py_CPYEXT_MISSING("PySequence_InPlaceConcat is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PySequence_InPlaceConcat)(PyObject *o1, PyObject *o2);
Py_CPYEXT_MISSING("PySequence_InPlaceRepeat is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PySequence_InPlaceRepeat)(PyObject *o, Py_ssize_t count);
Py_CPYEXT_MISSING("PyMapping_Length is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_ssize_t) (PyMapping_Length)(PyObject *o);
Py_CPYEXT_MISSING("PyMapping_HasKeyString is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyMapping_HasKeyString)(PyObject *o, const char *key);
Py_CPYEXT_MISSING("PyMapping_HasKey is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyMapping_HasKey)(PyObject *o, PyObject *key);
Py_CPYEXT_MISSING("PyMapping_HasKeyWithError is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyMapping_HasKeyWithError)(PyObject *o, PyObject *key);
Py_CPYEXT_MISSING("PyMapping_HasKeyStringWithError is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyMapping_HasKeyStringWithError)(PyObject *o, const char *key);
Py_CPYEXT_MISSING("PyMapping_GetOptionalItem is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyMapping_GetOptionalItem)(PyObject *obj, PyObject *key, PyObject **result);
Py_CPYEXT_MISSING("PyMapping_GetOptionalItemString is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyMapping_GetOptionalItemString)(PyObject *obj, const char *key, PyObject **result);
Py_CPYEXT_MISSING("Py_IsTrue is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (Py_IsTrue)(PyObject *x);
Py_CPYEXT_MISSING("Py_IsFalse is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (Py_IsFalse)(PyObject *x);
Py_CPYEXT_MISSING("PyByteArrayIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyByteArrayIter_Type;
Py_CPYEXT_MISSING("PyByteArray_FromObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyByteArray_FromObject)(PyObject *o);
Py_CPYEXT_MISSING("PyByteArray_Concat is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyByteArray_Concat)(PyObject *a, PyObject *b);
Py_CPYEXT_MISSING("PyByteArray_Resize is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyByteArray_Resize)(PyObject *bytearray, Py_ssize_t len);
Py_CPYEXT_MISSING("PyBytesIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyBytesIter_Type;
Py_CPYEXT_MISSING("PyBytes_Repr is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyBytes_Repr)(PyObject *o, int smartquotes);
Py_CPYEXT_MISSING("PyBytes_Concat is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyBytes_Concat)(PyObject **bytes, PyObject *newpart);
Py_CPYEXT_MISSING("PyBytes_ConcatAndDel is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyBytes_ConcatAndDel)(PyObject **bytes, PyObject *newpart);
Py_CPYEXT_MISSING("PyBytes_DecodeEscape is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyBytes_DecodeEscape)(const char *s, Py_ssize_t len, const char *errors, Py_ssize_t unused, const char *recode_encoding);
Py_CPYEXT_MISSING("PyBytes_Join is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyBytes_Join)(PyObject *sep, PyObject *iterable);
Py_CPYEXT_MISSING("PyEval_EvalCode is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyEval_EvalCode)(PyObject *co, PyObject *globals, PyObject *locals);
Py_CPYEXT_MISSING("PyEval_GetGlobals is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyEval_GetGlobals)(void);
Py_CPYEXT_MISSING("PyEval_GetLocals is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyEval_GetLocals)(void);
Py_CPYEXT_MISSING("PyEval_GetFrame is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyFrameObject *) (PyEval_GetFrame)(void);
Py_CPYEXT_MISSING("PyEval_GetFrameBuiltins is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyEval_GetFrameBuiltins)(void);
Py_CPYEXT_MISSING("PyEval_GetFrameGlobals is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyEval_GetFrameGlobals)(void);
Py_CPYEXT_MISSING("PyEval_GetFrameLocals is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyEval_GetFrameLocals)(void);
Py_CPYEXT_MISSING("PyEval_GetFuncName is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) (PyEval_GetFuncName)(PyObject *func);
Py_CPYEXT_MISSING("PyEval_GetFuncDesc is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) (PyEval_GetFuncDesc)(PyObject *func);
Py_CPYEXT_MISSING("Py_AddPendingCall is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (Py_AddPendingCall)(int (*func)(void *), void *arg);
Py_CPYEXT_MISSING("Py_MakePendingCalls is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (Py_MakePendingCalls)(void);
Py_CPYEXT_MISSING("Py_SetRecursionLimit is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (Py_SetRecursionLimit)(int new_limit);
Py_CPYEXT_MISSING("Py_GetRecursionLimit is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (Py_GetRecursionLimit)(void);
Py_CPYEXT_MISSING("PyEval_AcquireThread is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyEval_AcquireThread)(PyThreadState *tstate);
Py_CPYEXT_MISSING("PyEval_ReleaseThread is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyEval_ReleaseThread)(PyThreadState *tstate);
Py_CPYEXT_MISSING("PyEval_ThreadsInitialized is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyEval_ThreadsInitialized)(void);
Py_CPYEXT_MISSING("PyInstanceMethod_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyInstanceMethod_Type;
Py_CPYEXT_MISSING("PyMethod_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyMethod_New)(PyObject *func, PyObject *self);
Py_CPYEXT_MISSING("PyMethod_Function is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyMethod_Function)(PyObject *meth);
Py_CPYEXT_MISSING("PyMethod_Self is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyMethod_Self)(PyObject *meth);
Py_CPYEXT_MISSING("PyCode_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyCode_Type;
Py_CPYEXT_MISSING("PyCode_NewEmpty is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyCodeObject *) (PyCode_NewEmpty)(const char *filename, const char *funcname, int firstlineno);
Py_CPYEXT_MISSING("PyUnstable_Code_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyCodeObject *) (PyUnstable_Code_New)(int argcount, int kwonlyargcount, int nlocals, int stacksize, int flags, PyObject *code, PyObject *consts, PyObject *names, PyObject *varnames, PyObject *freevars, PyObject *cellvars, PyObject *filename, PyObject *name, PyObject *qualname, int firstlineno, PyObject *linetable, PyObject *exceptiontable);
Py_CPYEXT_MISSING("PyUnstable_Code_NewWithPosOnlyArgs is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyCodeObject *) (PyUnstable_Code_NewWithPosOnlyArgs)(int argcount, int posonlyargcount, int kwonlyargcount, int nlocals, int stacksize, int flags, PyObject *code, PyObject *consts, PyObject *names, PyObject *varnames, PyObject *freevars, PyObject *cellvars, PyObject *filename, PyObject *name, PyObject *qualname, int firstlineno, PyObject *linetable, PyObject *exceptiontable);
Py_CPYEXT_MISSING("PyCode_Addr2Line is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyCode_Addr2Line)(PyCodeObject *co, int byte_offset);
Py_CPYEXT_MISSING("PyComplex_FromCComplex is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyComplex_FromCComplex)(Py_complex v);
Py_CPYEXT_MISSING("PyComplex_AsCComplex is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_complex) (PyComplex_AsCComplex)(PyObject *op);
Py_CPYEXT_MISSING("PyComplex_FromDoubles is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyComplex_FromDoubles)(double real, double imag);
Py_CPYEXT_MISSING("PyComplex_RealAsDouble is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(double) (PyComplex_RealAsDouble)(PyObject *op);
Py_CPYEXT_MISSING("PyComplex_ImagAsDouble is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(double) (PyComplex_ImagAsDouble)(PyObject *op);
Py_CPYEXT_MISSING("PyContext_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyContext_Type;
Py_CPYEXT_MISSING("PyContextVar_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyContextVar_Type;
Py_CPYEXT_MISSING("PyContextToken_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyContextToken_Type;
Py_CPYEXT_MISSING("PyContext_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyContext_New)(void);
Py_CPYEXT_MISSING("PyContext_Copy is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyContext_Copy)(PyObject *ctx);
Py_CPYEXT_MISSING("PyContext_CopyCurrent is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyContext_CopyCurrent)(void);
Py_CPYEXT_MISSING("PyContext_Enter is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyContext_Enter)(PyObject *ctx);
Py_CPYEXT_MISSING("PyContext_Exit is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyContext_Exit)(PyObject *ctx);
Py_CPYEXT_MISSING("PyContextVar_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyContextVar_New)(const char *name, PyObject *def);
Py_CPYEXT_MISSING("PyContextVar_Get is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyContextVar_Get)(PyObject *var, PyObject *default_value, PyObject **value);
Py_CPYEXT_MISSING("PyContextVar_Set is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyContextVar_Set)(PyObject *var, PyObject *value);
Py_CPYEXT_MISSING("PyContextVar_Reset is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyContextVar_Reset)(PyObject *var, PyObject *token);
Py_CPYEXT_MISSING("PyDescr_NewMethod is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyDescr_NewMethod)(PyTypeObject *type, PyMethodDef *meth);
Py_CPYEXT_MISSING("PyDescr_NewClassMethod is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyDescr_NewClassMethod)(PyTypeObject *type, PyMethodDef *meth);
Py_CPYEXT_MISSING("PyWrapper_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyWrapper_New)(PyObject *d, PyObject *self);
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
Py_CPYEXT_MISSING("PyDict_MergeFromSeq2 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyDict_MergeFromSeq2)(PyObject *d, PyObject *seq2, int override);
Py_CPYEXT_MISSING("PyDict_PopString is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyDict_PopString)(PyObject *dict, const char *key, PyObject **result);
Py_CPYEXT_MISSING("PyEnum_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyEnum_Type;
Py_CPYEXT_MISSING("PyReversed_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyReversed_Type;
Py_CPYEXT_MISSING("PyFile_FromFd is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyFile_FromFd)(int fd, const char *name, const char *mode, int buffering, const char *encoding, const char *errors, const char *newline, int closefd);
Py_CPYEXT_MISSING("PyFile_GetLine is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyFile_GetLine)(PyObject *p, int n);
Py_CPYEXT_MISSING("PyFile_WriteObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyFile_WriteObject)(PyObject *obj, PyObject *p, int flags);
Py_CPYEXT_MISSING("PyFile_WriteString is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyFile_WriteString)(const char *s, PyObject *p);
Py_CPYEXT_MISSING("PyObject_AsFileDescriptor is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyObject_AsFileDescriptor)(PyObject *o);
Py_CPYEXT_MISSING("Py_FileSystemDefaultEncoding is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(const char *) Py_FileSystemDefaultEncoding;
Py_CPYEXT_MISSING("Py_FileSystemDefaultEncodeErrors is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(const char *) Py_FileSystemDefaultEncodeErrors;
Py_CPYEXT_MISSING("Py_HasFileSystemDefaultEncoding is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(int) Py_HasFileSystemDefaultEncoding;
Py_CPYEXT_MISSING("PyFloat_GetInfo is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyFloat_GetInfo)(void);
Py_CPYEXT_MISSING("PyFloat_Pack2 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyFloat_Pack2)(double x, char *p, int le);
Py_CPYEXT_MISSING("PyFloat_Pack4 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyFloat_Pack4)(double x, char *p, int le);
Py_CPYEXT_MISSING("PyFloat_Pack8 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyFloat_Pack8)(double x, char *p, int le);
Py_CPYEXT_MISSING("PyFloat_Unpack2 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(double) (PyFloat_Unpack2)(const char *p, int le);
Py_CPYEXT_MISSING("PyFloat_Unpack4 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(double) (PyFloat_Unpack4)(const char *p, int le);
Py_CPYEXT_MISSING("PyFloat_Unpack8 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(double) (PyFloat_Unpack8)(const char *p, int le);
Py_CPYEXT_MISSING("PyFrame_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyFrameObject *) (PyFrame_New)(PyThreadState *tstate, PyCodeObject *code, PyObject *globals, PyObject *locals);
Py_CPYEXT_MISSING("PyClassMethod_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyClassMethod_New)(PyObject *callable);
Py_CPYEXT_MISSING("PyStaticMethod_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyStaticMethod_New)(PyObject *callable);
Py_CPYEXT_MISSING("Py_GenericAlias is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (Py_GenericAlias)(PyObject *origin, PyObject *args);
Py_CPYEXT_MISSING("Py_GenericAliasType is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) Py_GenericAliasType;
Py_CPYEXT_MISSING("PyImport_ImportModuleNoBlock is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyImport_ImportModuleNoBlock)(const char *name);
Py_CPYEXT_MISSING("PyImport_ImportModuleLevel is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyImport_ImportModuleLevel)(const char *name, PyObject *globals, PyObject *locals, PyObject *fromlist, int level);
Py_CPYEXT_MISSING("PyImport_ReloadModule is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyImport_ReloadModule)(PyObject *m);
Py_CPYEXT_MISSING("PyImport_ImportModuleAttr is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyImport_ImportModuleAttr)(PyObject *mod_name, PyObject *attr_name);
Py_CPYEXT_MISSING("PyImport_ImportModuleAttrString is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyImport_ImportModuleAttrString)(const char *mod_name, const char *attr_name);
Py_CPYEXT_MISSING("PyImport_AddModuleObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyImport_AddModuleObject)(PyObject *name);
Py_CPYEXT_MISSING("PyImport_AddModule is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyImport_AddModule)(const char *name);
Py_CPYEXT_MISSING("PyImport_ExecCodeModule is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyImport_ExecCodeModule)(const char *name, PyObject *co);
Py_CPYEXT_MISSING("PyImport_ExecCodeModuleEx is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyImport_ExecCodeModuleEx)(const char *name, PyObject *co, const char *pathname);
Py_CPYEXT_MISSING("PyImport_GetMagicNumber is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(long) (PyImport_GetMagicNumber)(void);
Py_CPYEXT_MISSING("PyImport_GetMagicTag is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) (PyImport_GetMagicTag)(void);
Py_CPYEXT_MISSING("PyImport_AppendInittab is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyImport_AppendInittab)(const char *name, PyObject *(*initfunc)(void));
Py_CPYEXT_MISSING("PySeqIter_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PySeqIter_New)(PyObject *seq);
Py_CPYEXT_MISSING("PyCallIter_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyCallIter_New)(PyObject *callable, PyObject *sentinel);
Py_CPYEXT_MISSING("PyListIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyListIter_Type;
Py_CPYEXT_MISSING("PyListRevIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyListRevIter_Type;
Py_CPYEXT_MISSING("PyList_GetItemRef is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyList_GetItemRef)(PyObject *list, Py_ssize_t index);
Py_CPYEXT_MISSING("PyList_Clear is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyList_Clear)(PyObject *list);
Py_CPYEXT_MISSING("PyMutex_Lock is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyMutex_Lock)(PyMutex *m);
Py_CPYEXT_MISSING("PyMutex_Unlock is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyMutex_Unlock)(PyMutex *m);
Py_CPYEXT_MISSING("PyMutex_IsLocked is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyMutex_IsLocked)(PyMutex *m);
Py_CPYEXT_MISSING("PyLong_AsInt32 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyLong_AsInt32)(PyObject *obj, int32_t *value);
Py_CPYEXT_MISSING("PyLong_AsUInt32 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyLong_AsUInt32)(PyObject *obj, uint32_t *value);
Py_CPYEXT_MISSING("PyLong_AsInt64 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyLong_AsInt64)(PyObject *obj, int64_t *value);
Py_CPYEXT_MISSING("PyLong_AsUInt64 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyLong_AsUInt64)(PyObject *obj, uint64_t *value);
Py_CPYEXT_MISSING("PyLong_IsPositive is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyLong_IsPositive)(PyObject *obj);
Py_CPYEXT_MISSING("PyLong_IsNegative is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyLong_IsNegative)(PyObject *obj);
Py_CPYEXT_MISSING("PyLong_IsZero is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyLong_IsZero)(PyObject *obj);
Py_CPYEXT_MISSING("PyLong_GetSign is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyLong_GetSign)(PyObject *v, int *sign);
Py_CPYEXT_MISSING("PyLong_GetInfo is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyLong_GetInfo)(void);
Py_CPYEXT_MISSING("PyLong_AsNativeBytes is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_ssize_t) (PyLong_AsNativeBytes)(PyObject *v, void *buffer, Py_ssize_t n_bytes, int flags);
Py_CPYEXT_MISSING("PyLong_FromNativeBytes is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyLong_FromNativeBytes)(const void *buffer, size_t n_bytes, int flags);
Py_CPYEXT_MISSING("PyLong_FromUnsignedNativeBytes is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyLong_FromUnsignedNativeBytes)(const void *buffer, size_t n_bytes, int flags);
Py_CPYEXT_MISSING("PyLong_GetNativeLayout is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const PyLongLayout *) (PyLong_GetNativeLayout)(void);
Py_CPYEXT_MISSING("PyLong_Export is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyLong_Export)(PyObject *obj, PyLongExport *export_long);
Py_CPYEXT_MISSING("PyLong_FreeExport is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyLong_FreeExport)(PyLongExport *export_long);
Py_CPYEXT_MISSING("PyLongWriter_Create is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyLongWriter *) (PyLongWriter_Create)(int negative, Py_ssize_t ndigits, void **digits);
Py_CPYEXT_MISSING("PyLongWriter_Finish is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyLongWriter_Finish)(PyLongWriter *writer);
Py_CPYEXT_MISSING("PyLongWriter_Discard is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyLongWriter_Discard)(PyLongWriter *writer);
Py_CPYEXT_MISSING("PyOS_strtoul is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(unsigned long) (PyOS_strtoul)(const char *str, char **ptr, int base);
Py_CPYEXT_MISSING("PyOS_strtol is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(long) (PyOS_strtol)(const char *str, char **ptr, int base);
Py_CPYEXT_MISSING("PyMemoryView_FromObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyMemoryView_FromObject)(PyObject *base);
Py_CPYEXT_MISSING("PyMemoryView_FromMemory is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyMemoryView_FromMemory)(char *mem, Py_ssize_t size, int flags);
Py_CPYEXT_MISSING("PyMemoryView_FromBuffer is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyMemoryView_FromBuffer)(const Py_buffer *info);
Py_CPYEXT_MISSING("PyMemoryView_GetContiguous is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyMemoryView_GetContiguous)(PyObject *base, int buffertype, char order);
Py_CPYEXT_MISSING("PyCFunction_GetFunction is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyCFunction) (PyCFunction_GetFunction)(PyObject *op);
Py_CPYEXT_MISSING("PyCFunction_GetSelf is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyCFunction_GetSelf)(PyObject *op);
Py_CPYEXT_MISSING("PyCFunction_GetFlags is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyCFunction_GetFlags)(PyObject *op);
Py_CPYEXT_MISSING("PyCMethod_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyCMethod_New)(PyMethodDef *ml, PyObject *self, PyObject *module, PyTypeObject *cls);
Py_CPYEXT_MISSING("PyModule_GetFilename is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) (PyModule_GetFilename)(PyObject *module);
Py_CPYEXT_MISSING("PyType_GetBaseByToken is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyType_GetBaseByToken)(PyTypeObject *type, void *token, PyTypeObject **result);
Py_CPYEXT_MISSING("PyType_Freeze is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyType_Freeze)(PyTypeObject *type);
Py_CPYEXT_MISSING("PyObject_Bytes is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyObject_Bytes)(PyObject *o);
Py_CPYEXT_MISSING("PyObject_GetOptionalAttrString is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyObject_GetOptionalAttrString)(PyObject *obj, const char *attr_name, PyObject **result);
Py_CPYEXT_MISSING("PyObject_HasAttrStringWithError is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyObject_HasAttrStringWithError)(PyObject *o, const char *attr_name);
Py_CPYEXT_MISSING("PyObject_Dir is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyObject_Dir)(PyObject *o);
Py_CPYEXT_MISSING("PyObject_VisitManagedDict is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyObject_VisitManagedDict)(PyObject *obj, visitproc visit, void *arg);
Py_CPYEXT_MISSING("PyObject_ClearManagedDict is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyObject_ClearManagedDict)(PyObject *obj);
Py_CPYEXT_MISSING("Py_ReprEnter is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (Py_ReprEnter)(PyObject *o);
Py_CPYEXT_MISSING("Py_ReprLeave is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (Py_ReprLeave)(PyObject *o);
Py_CPYEXT_MISSING("PyUnstable_IsImmortal is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnstable_IsImmortal)(PyObject *op);
Py_CPYEXT_MISSING("PyUnstable_Object_IsUniquelyReferenced is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnstable_Object_IsUniquelyReferenced)(PyObject *op);
Py_CPYEXT_MISSING("PyUnstable_Object_IsUniqueReferencedTemporary is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnstable_Object_IsUniqueReferencedTemporary)(PyObject *op);
Py_CPYEXT_MISSING("PyUnstable_Object_EnableDeferredRefcount is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnstable_Object_EnableDeferredRefcount)(PyObject *op);
Py_CPYEXT_MISSING("PyUnstable_TryIncRef is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnstable_TryIncRef)(PyObject *op);
Py_CPYEXT_MISSING("PyUnstable_EnableTryIncRef is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyUnstable_EnableTryIncRef)(PyObject *op);
Py_CPYEXT_MISSING("Py_GetConstant is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (Py_GetConstant)(unsigned int constant_id);
Py_CPYEXT_MISSING("Py_GetConstantBorrowed is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (Py_GetConstantBorrowed)(unsigned int constant_id);
Py_CPYEXT_MISSING("PyOS_FSPath is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyOS_FSPath)(PyObject *path);
Py_CPYEXT_MISSING("PyObject_CheckBuffer is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyObject_CheckBuffer)(PyObject *obj);
Py_CPYEXT_MISSING("PyObject_GetBuffer is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyObject_GetBuffer)(PyObject *obj, Py_buffer *view, int flags);
Py_CPYEXT_MISSING("PyBuffer_GetPointer is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void *) (PyBuffer_GetPointer)(const Py_buffer *view, const Py_ssize_t *indices);
Py_CPYEXT_MISSING("PyBuffer_SizeFromFormat is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_ssize_t) (PyBuffer_SizeFromFormat)(const char *format);
Py_CPYEXT_MISSING("PyBuffer_ToContiguous is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyBuffer_ToContiguous)(void *buf, const Py_buffer *view, Py_ssize_t len, char order);
Py_CPYEXT_MISSING("PyBuffer_FromContiguous is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyBuffer_FromContiguous)(const Py_buffer *view, const void *buf, Py_ssize_t len, char order);
Py_CPYEXT_MISSING("PyObject_CopyData is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyObject_CopyData)(PyObject *dest, PyObject *src);
Py_CPYEXT_MISSING("PyBuffer_IsContiguous is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyBuffer_IsContiguous)(const Py_buffer *view, char fort);
Py_CPYEXT_MISSING("PyBuffer_FillContiguousStrides is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyBuffer_FillContiguousStrides)(int ndims, Py_ssize_t *shape, Py_ssize_t *strides, int itemsize, char order);
Py_CPYEXT_MISSING("PyBuffer_FillInfo is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyBuffer_FillInfo)(Py_buffer *view, PyObject *o, void *buf, Py_ssize_t len, int readonly, int flags);
Py_CPYEXT_MISSING("PyBuffer_Release is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyBuffer_Release)(Py_buffer *view);
Py_CPYEXT_MISSING("PyCapsule_GetDestructor is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyCapsule_Destructor) (PyCapsule_GetDestructor)(PyObject *capsule);
Py_CPYEXT_MISSING("PyCapsule_SetDestructor is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyCapsule_SetDestructor)(PyObject *capsule, PyCapsule_Destructor destructor);
Py_CPYEXT_MISSING("PyCapsule_SetName is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyCapsule_SetName)(PyObject *capsule, const char *name);
Py_CPYEXT_MISSING("PyErr_GetHandledException is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyErr_GetHandledException)(void);
Py_CPYEXT_MISSING("PyErr_SetHandledException is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyErr_SetHandledException)(PyObject *exc);
Py_CPYEXT_MISSING("PyErr_GetExcInfo is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyErr_GetExcInfo)(PyObject **ptype, PyObject **pvalue, PyObject **ptraceback);
Py_CPYEXT_MISSING("PyErr_SetExcInfo is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyErr_SetExcInfo)(PyObject *type, PyObject *value, PyObject *traceback);
Py_CPYEXT_MISSING("PyException_GetCause is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyException_GetCause)(PyObject *ex);
Py_CPYEXT_MISSING("PyException_GetContext is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyException_GetContext)(PyObject *ex);
Py_CPYEXT_MISSING("PyException_SetContext is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyException_SetContext)(PyObject *ex, PyObject *context);
Py_CPYEXT_MISSING("PyException_GetArgs is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyException_GetArgs)(PyObject *ex);
Py_CPYEXT_MISSING("PyException_SetArgs is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyException_SetArgs)(PyObject *ex, PyObject *args);
Py_CPYEXT_MISSING("PyExceptionClass_Name is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) (PyExceptionClass_Name)(PyObject *exc);
Py_CPYEXT_MISSING("PyErr_SetFromErrnoWithFilenameObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyErr_SetFromErrnoWithFilenameObject)(PyObject *type, PyObject *filenameObject);
Py_CPYEXT_MISSING("PyErr_SetFromErrnoWithFilenameObjects is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyErr_SetFromErrnoWithFilenameObjects)(PyObject *type, PyObject *filenameObject, PyObject *filenameObject2);
Py_CPYEXT_MISSING("PyErr_SetFromErrnoWithFilename is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyErr_SetFromErrnoWithFilename)(PyObject *type, const char *filename);
Py_CPYEXT_MISSING("PyErr_SetImportError is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyErr_SetImportError)(PyObject *msg, PyObject *name, PyObject *path);
Py_CPYEXT_MISSING("PyErr_SetImportErrorSubclass is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyErr_SetImportErrorSubclass)(PyObject *exception, PyObject *msg, PyObject *name, PyObject *path);
Py_CPYEXT_MISSING("PyErr_SetInterrupt is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyErr_SetInterrupt)(void);
Py_CPYEXT_MISSING("PyErr_SetInterruptEx is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyErr_SetInterruptEx)(int signum);
Py_CPYEXT_MISSING("PyErr_SyntaxLocation is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyErr_SyntaxLocation)(const char *filename, int lineno);
Py_CPYEXT_MISSING("PyErr_SyntaxLocationEx is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyErr_SyntaxLocationEx)(const char *filename, int lineno, int col_offset);
Py_CPYEXT_MISSING("PyErr_SyntaxLocationObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyErr_SyntaxLocationObject)(PyObject *filename, int lineno, int col_offset);
Py_CPYEXT_MISSING("PyErr_ProgramText is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyErr_ProgramText)(const char *filename, int lineno);
Py_CPYEXT_MISSING("PyUnicodeDecodeError_Create is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicodeDecodeError_Create)(const char *encoding, const char *object, Py_ssize_t length, Py_ssize_t start, Py_ssize_t end, const char *reason);
Py_CPYEXT_MISSING("PyUnicodeEncodeError_GetEncoding is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicodeEncodeError_GetEncoding)(PyObject *exc);
Py_CPYEXT_MISSING("PyUnicodeDecodeError_GetEncoding is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicodeDecodeError_GetEncoding)(PyObject *exc);
Py_CPYEXT_MISSING("PyUnicodeEncodeError_GetObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicodeEncodeError_GetObject)(PyObject *exc);
Py_CPYEXT_MISSING("PyUnicodeDecodeError_GetObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicodeDecodeError_GetObject)(PyObject *exc);
Py_CPYEXT_MISSING("PyUnicodeTranslateError_GetObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicodeTranslateError_GetObject)(PyObject *exc);
Py_CPYEXT_MISSING("PyUnicodeEncodeError_GetStart is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicodeEncodeError_GetStart)(PyObject *exc, Py_ssize_t *start);
Py_CPYEXT_MISSING("PyUnicodeDecodeError_GetStart is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicodeDecodeError_GetStart)(PyObject *exc, Py_ssize_t *start);
Py_CPYEXT_MISSING("PyUnicodeEncodeError_GetEnd is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicodeEncodeError_GetEnd)(PyObject *exc, Py_ssize_t *end);
Py_CPYEXT_MISSING("PyUnicodeDecodeError_GetEnd is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicodeDecodeError_GetEnd)(PyObject *exc, Py_ssize_t *end);
Py_CPYEXT_MISSING("PyUnicodeEncodeError_GetReason is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicodeEncodeError_GetReason)(PyObject *exc);
Py_CPYEXT_MISSING("PyUnicodeDecodeError_GetReason is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicodeDecodeError_GetReason)(PyObject *exc);
Py_CPYEXT_MISSING("PyFrame_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyFrame_Type;
Py_CPYEXT_MISSING("PyFrame_GetLineNumber is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyFrame_GetLineNumber)(PyFrameObject *frame);
Py_CPYEXT_MISSING("PyFrame_GetCode is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyCodeObject *) (PyFrame_GetCode)(PyFrameObject *frame);
Py_CPYEXT_MISSING("PyFrame_GetBack is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyFrameObject *) (PyFrame_GetBack)(PyFrameObject *frame);
Py_CPYEXT_MISSING("PyFrame_GetLocals is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyFrame_GetLocals)(PyFrameObject *frame);
Py_CPYEXT_MISSING("PyFrame_GetGlobals is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyFrame_GetGlobals)(PyFrameObject *frame);
Py_CPYEXT_MISSING("PyFrame_GetBuiltins is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyFrame_GetBuiltins)(PyFrameObject *frame);
Py_CPYEXT_MISSING("PyFrame_GetGenerator is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyFrame_GetGenerator)(PyFrameObject *frame);
Py_CPYEXT_MISSING("PyFrame_GetLasti is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyFrame_GetLasti)(PyFrameObject *frame);
Py_CPYEXT_MISSING("Py_HashPointer is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_hash_t) (Py_HashPointer)(const void *ptr);
Py_CPYEXT_MISSING("Py_HashBuffer is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_hash_t) (Py_HashBuffer)(const void *ptr, Py_ssize_t len);
Py_CPYEXT_MISSING("Py_Initialize is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (Py_Initialize)(void);
Py_CPYEXT_MISSING("Py_InitializeEx is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (Py_InitializeEx)(int initsigs);
Py_CPYEXT_MISSING("Py_Finalize is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (Py_Finalize)(void);
Py_CPYEXT_MISSING("Py_FinalizeEx is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (Py_FinalizeEx)(void);
Py_CPYEXT_MISSING("Py_IsFinalizing is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (Py_IsFinalizing)(void);
Py_CPYEXT_MISSING("Py_AtExit is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (Py_AtExit)(void (*func)(void));
Py_CPYEXT_MISSING("Py_Exit is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (Py_Exit)(int status);
Py_CPYEXT_MISSING("Py_GetVersion is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) (Py_GetVersion)(void);
Py_CPYEXT_MISSING("Py_GetPlatform is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) (Py_GetPlatform)(void);
Py_CPYEXT_MISSING("Py_GetCopyright is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) (Py_GetCopyright)(void);
Py_CPYEXT_MISSING("Py_GetCompiler is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) (Py_GetCompiler)(void);
Py_CPYEXT_MISSING("Py_GetBuildInfo is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(const char *) (Py_GetBuildInfo)(void);
Py_CPYEXT_MISSING("PyInterpreterState_Get is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyInterpreterState *) (PyInterpreterState_Get)(void);
Py_CPYEXT_MISSING("PyInterpreterState_Main is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyInterpreterState *) (PyInterpreterState_Main)(void);
Py_CPYEXT_MISSING("PyInterpreterState_GetID is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int64_t) (PyInterpreterState_GetID)(PyInterpreterState *interp);
Py_CPYEXT_MISSING("PyInterpreterState_GetDict is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyInterpreterState_GetDict)(PyInterpreterState *interp);
Py_CPYEXT_MISSING("PyState_AddModule is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyState_AddModule)(PyObject *module, PyModuleDef *def);
Py_CPYEXT_MISSING("PyState_RemoveModule is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyState_RemoveModule)(PyModuleDef *def);
Py_CPYEXT_MISSING("PyState_FindModule is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyState_FindModule)(PyModuleDef *def);
Py_CPYEXT_MISSING("PyThreadState_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyThreadState *) (PyThreadState_New)(PyInterpreterState *interp);
Py_CPYEXT_MISSING("PyThreadState_Clear is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyThreadState_Clear)(PyThreadState *tstate);
Py_CPYEXT_MISSING("PyThreadState_Delete is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyThreadState_Delete)(PyThreadState *tstate);
Py_CPYEXT_MISSING("PyThreadState_Swap is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyThreadState *) (PyThreadState_Swap)(PyThreadState *tstate);
Py_CPYEXT_MISSING("PyThreadState_GetDict is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyThreadState_GetDict)(void);
Py_CPYEXT_MISSING("PyThreadState_SetAsyncExc is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyThreadState_SetAsyncExc)(unsigned long id, PyObject *exc);
Py_CPYEXT_MISSING("PyThreadState_GetInterpreter is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyInterpreterState *) (PyThreadState_GetInterpreter)(PyThreadState *tstate);
Py_CPYEXT_MISSING("PyThreadState_GetFrame is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyFrameObject *) (PyThreadState_GetFrame)(PyThreadState *tstate);
Py_CPYEXT_MISSING("PyThreadState_GetID is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(uint64_t) (PyThreadState_GetID)(PyThreadState *tstate);
Py_CPYEXT_MISSING("PyOS_string_to_double is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(double) (PyOS_string_to_double)(const char *str, char **endptr, PyObject *overflow_exception);
Py_CPYEXT_MISSING("PyOS_double_to_string is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(char *) (PyOS_double_to_string)(double val, char format_code, int precision, int flags, int *type);
Py_CPYEXT_MISSING("Py_CompileString is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (Py_CompileString)(const char *str, const char *filename, int start);
Py_CPYEXT_MISSING("Py_CompileStringExFlags is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (Py_CompileStringExFlags)(const char *str, const char *filename, int start, PyCompilerFlags *flags, int optimize);
Py_CPYEXT_MISSING("Py_CompileStringObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (Py_CompileStringObject)(const char *str, PyObject *filename, int start, PyCompilerFlags *flags, int optimize);
Py_CPYEXT_MISSING("PyRun_StringFlags is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyRun_StringFlags)(const char *str, int start, PyObject *globals, PyObject *locals, PyCompilerFlags *flags);
Py_CPYEXT_MISSING("PyRun_SimpleStringFlags is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyRun_SimpleStringFlags)(const char *command, PyCompilerFlags *flags);
Py_CPYEXT_MISSING("PyErr_Display is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyErr_Display)(PyObject *exc, PyObject *value, PyObject *tb);
Py_CPYEXT_MISSING("PyErr_DisplayException is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyErr_DisplayException)(PyObject *exc);
Py_CPYEXT_MISSING("PyThread_init_thread is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyThread_init_thread)(void);
Py_CPYEXT_MISSING("PyThread_start_new_thread is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(unsigned long) (PyThread_start_new_thread)(void (*func)(void *), void *arg);
Py_CPYEXT_MISSING("PyThread_exit_thread is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyThread_exit_thread)(void);
Py_CPYEXT_MISSING("PyThread_get_thread_ident is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(unsigned long) (PyThread_get_thread_ident)(void);
Py_CPYEXT_MISSING("PyThread_get_thread_native_id is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(unsigned long) (PyThread_get_thread_native_id)(void);
Py_CPYEXT_MISSING("PyThread_allocate_lock is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyThread_type_lock) (PyThread_allocate_lock)(void);
Py_CPYEXT_MISSING("PyThread_free_lock is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyThread_free_lock)(PyThread_type_lock lock);
Py_CPYEXT_MISSING("PyThread_acquire_lock is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyThread_acquire_lock)(PyThread_type_lock lock, int waitflag);
Py_CPYEXT_MISSING("PyThread_acquire_lock_timed is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyLockStatus) (PyThread_acquire_lock_timed)(PyThread_type_lock lock, PY_TIMEOUT_T microseconds, int intr_flag);
Py_CPYEXT_MISSING("PyThread_release_lock is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyThread_release_lock)(PyThread_type_lock lock);
Py_CPYEXT_MISSING("PyThread_get_stacksize is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(size_t) (PyThread_get_stacksize)(void);
Py_CPYEXT_MISSING("PyThread_set_stacksize is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyThread_set_stacksize)(size_t size);
Py_CPYEXT_MISSING("PyThread_GetInfo is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyThread_GetInfo)(void);
Py_CPYEXT_MISSING("PyThread_tss_alloc is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_tss_t *) (PyThread_tss_alloc)(void);
Py_CPYEXT_MISSING("PyThread_tss_free is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyThread_tss_free)(Py_tss_t *key);
Py_CPYEXT_MISSING("PyThread_tss_is_created is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyThread_tss_is_created)(Py_tss_t *key);
Py_CPYEXT_MISSING("PyThread_tss_create is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyThread_tss_create)(Py_tss_t *key);
Py_CPYEXT_MISSING("PyThread_tss_delete is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyThread_tss_delete)(Py_tss_t *key);
Py_CPYEXT_MISSING("PyThread_tss_set is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyThread_tss_set)(Py_tss_t *key, void *value);
Py_CPYEXT_MISSING("PyThread_tss_get is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void *) (PyThread_tss_get)(Py_tss_t *key);
Py_CPYEXT_MISSING("PyRangeIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyRangeIter_Type;
Py_CPYEXT_MISSING("PyLongRangeIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyLongRangeIter_Type;
Py_CPYEXT_MISSING("PySetIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PySetIter_Type;
Py_CPYEXT_MISSING("PySet_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PySet_New)(PyObject *iterable);
Py_CPYEXT_MISSING("PyFrozenSet_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyFrozenSet_New)(PyObject *iterable);
Py_CPYEXT_MISSING("PySet_Add is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PySet_Add)(PyObject *set, PyObject *key);
Py_CPYEXT_MISSING("PySet_Clear is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PySet_Clear)(PyObject *set);
Py_CPYEXT_MISSING("PySet_Contains is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PySet_Contains)(PyObject *anyset, PyObject *key);
Py_CPYEXT_MISSING("PySet_Discard is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PySet_Discard)(PyObject *set, PyObject *key);
Py_CPYEXT_MISSING("PySet_Pop is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PySet_Pop)(PyObject *set);
Py_CPYEXT_MISSING("PySet_Size is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_ssize_t) (PySet_Size)(PyObject *anyset);
Py_CPYEXT_MISSING("PySlice_New is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PySlice_New)(PyObject *start, PyObject *stop, PyObject *step);
Py_CPYEXT_MISSING("PySlice_GetIndices is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PySlice_GetIndices)(PyObject *slice, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step);
Py_CPYEXT_MISSING("PySlice_GetIndicesEx is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PySlice_GetIndicesEx)(PyObject *slice, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step, Py_ssize_t *slicelength);
Py_CPYEXT_MISSING("PySlice_Unpack is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PySlice_Unpack)(PyObject *slice, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step);
Py_CPYEXT_MISSING("PySlice_AdjustIndices is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_ssize_t) (PySlice_AdjustIndices)(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t step);
Py_CPYEXT_MISSING("PySys_GetXOptions is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PySys_GetXOptions)(void);
Py_CPYEXT_MISSING("PyTraceBack_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyTraceBack_Type;
Py_CPYEXT_MISSING("PyTraceBack_Here is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyTraceBack_Here)(PyFrameObject *frame);
Py_CPYEXT_MISSING("PyTraceBack_Print is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyTraceBack_Print)(PyObject *tb, PyObject *file);
Py_CPYEXT_MISSING("PyTraceMalloc_Track is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyTraceMalloc_Track)(unsigned int domain, uintptr_t ptr, size_t size);
Py_CPYEXT_MISSING("PyTraceMalloc_Untrack is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyTraceMalloc_Untrack)(unsigned int domain, uintptr_t ptr);
Py_CPYEXT_MISSING("PyTupleIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyTupleIter_Type;
Py_CPYEXT_MISSING("PyUnicodeIter_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyUnicodeIter_Type;
Py_CPYEXT_MISSING("PyUnicode_FromKindAndData is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_FromKindAndData)(int kind, const void *buffer, Py_ssize_t size);
Py_CPYEXT_MISSING("PyUnicode_FromWideChar is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_FromWideChar)(const wchar_t *wstr, Py_ssize_t size);
Py_CPYEXT_MISSING("PyUnicode_FromEncodedObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_FromEncodedObject)(PyObject *obj, const char *encoding, const char *errors);
Py_CPYEXT_MISSING("PyUnicode_WriteChar is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicode_WriteChar)(PyObject *unicode, Py_ssize_t index, Py_UCS4 character);
Py_CPYEXT_MISSING("PyUnicode_Resize is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicode_Resize)(PyObject **unicode, Py_ssize_t length);
Py_CPYEXT_MISSING("PyUnicode_CopyCharacters is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_ssize_t) (PyUnicode_CopyCharacters)(PyObject *to, Py_ssize_t to_start, PyObject *from, Py_ssize_t from_start, Py_ssize_t how_many);
Py_CPYEXT_MISSING("PyUnicode_Fill is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_ssize_t) (PyUnicode_Fill)(PyObject *unicode, Py_ssize_t start, Py_ssize_t length, Py_UCS4 fill_char);
Py_CPYEXT_MISSING("PyUnicode_AsUCS4 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_UCS4 *) (PyUnicode_AsUCS4)(PyObject *unicode, Py_UCS4 *buffer, Py_ssize_t buflen, int copy_null);
Py_CPYEXT_MISSING("PyUnicode_AsUCS4Copy is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_UCS4 *) (PyUnicode_AsUCS4Copy)(PyObject *unicode);
Py_CPYEXT_MISSING("PyUnicode_AsWideChar is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_ssize_t) (PyUnicode_AsWideChar)(PyObject *unicode, wchar_t *wstr, Py_ssize_t size);
Py_CPYEXT_MISSING("PyUnicode_AsWideCharString is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(wchar_t *) (PyUnicode_AsWideCharString)(PyObject *unicode, Py_ssize_t *size);
Py_CPYEXT_MISSING("PyUnicode_Decode is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_Decode)(const char *str, Py_ssize_t size, const char *encoding, const char *errors);
Py_CPYEXT_MISSING("PyUnicode_DecodeUTF8Stateful is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_DecodeUTF8Stateful)(const char *str, Py_ssize_t size, const char *errors, Py_ssize_t *consumed);
Py_CPYEXT_MISSING("PyUnicode_DecodeUTF16 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_DecodeUTF16)(const char *str, Py_ssize_t size, const char *errors, int *byteorder);
Py_CPYEXT_MISSING("PyUnicode_AsUTF16String is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_AsUTF16String)(PyObject *unicode);
Py_CPYEXT_MISSING("PyUnicode_DecodeUTF32 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_DecodeUTF32)(const char *str, Py_ssize_t size, const char *errors, int *byteorder);
Py_CPYEXT_MISSING("PyUnicode_AsUTF32String is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_AsUTF32String)(PyObject *unicode);
Py_CPYEXT_MISSING("PyUnicode_DecodeLatin1 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_DecodeLatin1)(const char *str, Py_ssize_t size, const char *errors);
Py_CPYEXT_MISSING("PyUnicode_AsLatin1String is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_AsLatin1String)(PyObject *unicode);
Py_CPYEXT_MISSING("PyUnicode_DecodeASCII is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_DecodeASCII)(const char *str, Py_ssize_t size, const char *errors);
Py_CPYEXT_MISSING("PyUnicode_AsASCIIString is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_AsASCIIString)(PyObject *unicode);
Py_CPYEXT_MISSING("PyUnicode_DecodeUnicodeEscape is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_DecodeUnicodeEscape)(const char *str, Py_ssize_t size, const char *errors);
Py_CPYEXT_MISSING("PyUnicode_AsUnicodeEscapeString is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_AsUnicodeEscapeString)(PyObject *unicode);
Py_CPYEXT_MISSING("PyUnicode_DecodeRawUnicodeEscape is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_DecodeRawUnicodeEscape)(const char *str, Py_ssize_t size, const char *errors);
Py_CPYEXT_MISSING("PyUnicode_AsRawUnicodeEscapeString is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_AsRawUnicodeEscapeString)(PyObject *unicode);
Py_CPYEXT_MISSING("PyUnicode_DecodeFSDefault is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_DecodeFSDefault)(const char *str);
Py_CPYEXT_MISSING("PyUnicode_DecodeFSDefaultAndSize is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_DecodeFSDefaultAndSize)(const char *str, Py_ssize_t size);
Py_CPYEXT_MISSING("PyUnicode_EncodeFSDefault is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_EncodeFSDefault)(PyObject *unicode);
Py_CPYEXT_MISSING("PyUnicode_DecodeLocale is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_DecodeLocale)(const char *str, const char *errors);
Py_CPYEXT_MISSING("PyUnicode_DecodeLocaleAndSize is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_DecodeLocaleAndSize)(const char *str, Py_ssize_t length, const char *errors);
Py_CPYEXT_MISSING("PyUnicode_EncodeLocale is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_EncodeLocale)(PyObject *unicode, const char *errors);
Py_CPYEXT_MISSING("PyUnicode_FSConverter is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicode_FSConverter)(PyObject *obj, void *result);
Py_CPYEXT_MISSING("PyUnicode_FSDecoder is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicode_FSDecoder)(PyObject *obj, void *result);
Py_CPYEXT_MISSING("PyUnicode_Append is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyUnicode_Append)(PyObject **pleft, PyObject *right);
Py_CPYEXT_MISSING("PyUnicode_AppendAndDel is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyUnicode_AppendAndDel)(PyObject **pleft, PyObject *right);
Py_CPYEXT_MISSING("PyUnicode_Split is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_Split)(PyObject *unicode, PyObject *sep, Py_ssize_t maxsplit);
Py_CPYEXT_MISSING("PyUnicode_RSplit is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_RSplit)(PyObject *unicode, PyObject *sep, Py_ssize_t maxsplit);
Py_CPYEXT_MISSING("PyUnicode_Splitlines is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_Splitlines)(PyObject *unicode, int keepends);
Py_CPYEXT_MISSING("PyUnicode_Partition is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_Partition)(PyObject *unicode, PyObject *sep);
Py_CPYEXT_MISSING("PyUnicode_RPartition is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_RPartition)(PyObject *unicode, PyObject *sep);
Py_CPYEXT_MISSING("PyUnicode_Join is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_Join)(PyObject *separator, PyObject *seq);
Py_CPYEXT_MISSING("PyUnicode_Tailmatch is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_ssize_t) (PyUnicode_Tailmatch)(PyObject *unicode, PyObject *substr, Py_ssize_t start, Py_ssize_t end, int direction);
Py_CPYEXT_MISSING("PyUnicode_Find is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_ssize_t) (PyUnicode_Find)(PyObject *unicode, PyObject *substr, Py_ssize_t start, Py_ssize_t end, int direction);
Py_CPYEXT_MISSING("PyUnicode_FindChar is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_ssize_t) (PyUnicode_FindChar)(PyObject *unicode, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction);
Py_CPYEXT_MISSING("PyUnicode_Count is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(Py_ssize_t) (PyUnicode_Count)(PyObject *unicode, PyObject *substr, Py_ssize_t start, Py_ssize_t end);
Py_CPYEXT_MISSING("PyUnicode_Replace is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_Replace)(PyObject *unicode, PyObject *substr, PyObject *replstr, Py_ssize_t maxcount);
Py_CPYEXT_MISSING("PyUnicode_EqualToUTF8AndSize is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicode_EqualToUTF8AndSize)(PyObject *unicode, const char *string, Py_ssize_t size);
Py_CPYEXT_MISSING("PyUnicode_Equal is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicode_Equal)(PyObject *a, PyObject *b);
Py_CPYEXT_MISSING("PyUnicode_RichCompare is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_RichCompare)(PyObject *left, PyObject *right, int op);
Py_CPYEXT_MISSING("PyUnicode_Format is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicode_Format)(PyObject *format, PyObject *args);
Py_CPYEXT_MISSING("PyUnicode_Contains is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicode_Contains)(PyObject *container, PyObject *element);
Py_CPYEXT_MISSING("PyUnicode_IsIdentifier is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicode_IsIdentifier)(PyObject *unicode);
Py_CPYEXT_MISSING("PyUnicodeWriter_Create is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyUnicodeWriter *) (PyUnicodeWriter_Create)(Py_ssize_t length);
Py_CPYEXT_MISSING("PyUnicodeWriter_Finish is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(PyObject *) (PyUnicodeWriter_Finish)(PyUnicodeWriter *writer);
Py_CPYEXT_MISSING("PyUnicodeWriter_Discard is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(void) (PyUnicodeWriter_Discard)(PyUnicodeWriter *writer);
Py_CPYEXT_MISSING("PyUnicodeWriter_WriteChar is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicodeWriter_WriteChar)(PyUnicodeWriter *writer, Py_UCS4 ch);
Py_CPYEXT_MISSING("PyUnicodeWriter_WriteUTF8 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicodeWriter_WriteUTF8)(PyUnicodeWriter *writer, const char *str, Py_ssize_t size);
Py_CPYEXT_MISSING("PyUnicodeWriter_WriteASCII is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicodeWriter_WriteASCII)(PyUnicodeWriter *writer, const char *str, Py_ssize_t size);
Py_CPYEXT_MISSING("PyUnicodeWriter_WriteWideChar is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicodeWriter_WriteWideChar)(PyUnicodeWriter *writer, const wchar_t *str, Py_ssize_t size);
Py_CPYEXT_MISSING("PyUnicodeWriter_WriteUCS4 is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicodeWriter_WriteUCS4)(PyUnicodeWriter *writer, Py_UCS4 *str, Py_ssize_t size);
Py_CPYEXT_MISSING("PyUnicodeWriter_WriteStr is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicodeWriter_WriteStr)(PyUnicodeWriter *writer, PyObject *obj);
Py_CPYEXT_MISSING("PyUnicodeWriter_WriteRepr is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicodeWriter_WriteRepr)(PyUnicodeWriter *writer, PyObject *obj);
Py_CPYEXT_MISSING("PyUnicodeWriter_WriteSubstring is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicodeWriter_WriteSubstring)(PyUnicodeWriter *writer, PyObject *str, Py_ssize_t start, Py_ssize_t end);
Py_CPYEXT_MISSING("PyUnicodeWriter_Format is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicodeWriter_Format)(PyUnicodeWriter *writer, const char *format, ...);
Py_CPYEXT_MISSING("PyUnicodeWriter_DecodeUTF8Stateful is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyUnicodeWriter_DecodeUTF8Stateful)(PyUnicodeWriter *writer, const char *string, Py_ssize_t length, const char *errors, Py_ssize_t *consumed);
Py_CPYEXT_MISSING("PyErr_WarnExplicit is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyErr_WarnExplicit)(PyObject *category, const char *message, const char *filename, int lineno, const char *module, PyObject *registry);
Py_CPYEXT_MISSING("PyErr_WarnExplicitObject is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) (PyErr_WarnExplicitObject)(PyObject *category, PyObject *message, PyObject *filename, int lineno, PyObject *module, PyObject *registry);

#ifdef __cplusplus
}
#endif
#endif /* !Py_CPYEXT_MISSING_H */
