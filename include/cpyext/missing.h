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

#ifndef PyEval_EvalFrame
Py_CPYEXT_MISSING("PyEval_EvalFrame is not provided by cpyext: RustPython runs a frame only inside the call that created it: a frame object cannot be run (again) from C (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyEval_EvalFrame(PyFrameObject *f);
#endif
#ifndef PyEval_EvalFrameEx
Py_CPYEXT_MISSING("PyEval_EvalFrameEx is not provided by cpyext: RustPython runs a frame only inside the call that created it: a frame object cannot be run (again) from C (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyEval_EvalFrameEx(PyFrameObject *f, int exc);
#endif
#ifndef Py_AddPendingCall
Py_CPYEXT_MISSING("Py_AddPendingCall is not provided by cpyext: RustPython's evaluation loop has no hook to run C callbacks between instructions (see docs/capi.md)")
PyAPI_FUNC(int) Py_AddPendingCall(int (*func)(void *), void *arg);
#endif
#ifndef PyEval_AcquireThread
Py_CPYEXT_MISSING("PyEval_AcquireThread is not provided by cpyext: thread states are per OS thread here: a thread gets its own from PyGILState_Ensure (see docs/capi.md)")
PyAPI_FUNC(void) PyEval_AcquireThread(PyThreadState *tstate);
#endif
#ifndef PyEval_ReleaseThread
Py_CPYEXT_MISSING("PyEval_ReleaseThread is not provided by cpyext: thread states are per OS thread here: a thread gets its own from PyGILState_Ensure (see docs/capi.md)")
PyAPI_FUNC(void) PyEval_ReleaseThread(PyThreadState *tstate);
#endif
#ifndef _PyEval_EvalFrameDefault
Py_CPYEXT_MISSING("_PyEval_EvalFrameDefault is not provided by cpyext: RustPython's evaluation loop and frames are its own: there is no _PyInterpreterFrame and no PEP 523 frame evaluation (see docs/capi.md)")
PyAPI_FUNC(PyObject *) _PyEval_EvalFrameDefault(PyThreadState *tstate, struct _PyInterpreterFrame *f, int exc);
#endif
Py_CPYEXT_MISSING("PyInstanceMethod_Type is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyInstanceMethod_Type;
#ifndef PyCode_AddWatcher
Py_CPYEXT_MISSING("PyCode_AddWatcher is not provided by cpyext: RustPython does not report when code objects are created or destroyed (see docs/capi.md)")
PyAPI_FUNC(int) PyCode_AddWatcher(PyCode_WatchCallback callback);
#endif
#ifndef PyCode_ClearWatcher
Py_CPYEXT_MISSING("PyCode_ClearWatcher is not provided by cpyext: RustPython does not report when code objects are created or destroyed (see docs/capi.md)")
PyAPI_FUNC(int) PyCode_ClearWatcher(int watcher_id);
#endif
#ifndef _PyCode_CheckLineNumber
Py_CPYEXT_MISSING("_PyCode_CheckLineNumber is not provided by cpyext: co_linetable is RustPython's encoding, not CPython's: PyCodeAddressRange cannot walk it (use PyCode_Addr2Line) (see docs/capi.md)")
PyAPI_FUNC(int) _PyCode_CheckLineNumber(int lasti, struct _line_offsets *bounds);
#endif
#ifndef PyCompile_OpcodeStackEffect
Py_CPYEXT_MISSING("PyCompile_OpcodeStackEffect is not provided by cpyext: RustPython's bytecode is its own: CPython's opcode numbers mean nothing to it (see docs/capi.md)")
PyAPI_FUNC(int) PyCompile_OpcodeStackEffect(int opcode, int oparg);
#endif
#ifndef PyCompile_OpcodeStackEffectWithJump
Py_CPYEXT_MISSING("PyCompile_OpcodeStackEffectWithJump is not provided by cpyext: RustPython's bytecode is its own: CPython's opcode numbers mean nothing to it (see docs/capi.md)")
PyAPI_FUNC(int) PyCompile_OpcodeStackEffectWithJump(int opcode, int oparg, int jump);
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
#ifndef _PyFrame_IsEntryFrame
Py_CPYEXT_MISSING("_PyFrame_IsEntryFrame is not provided by cpyext: RustPython's frames do not record whether C entered the evaluation loop for them (see docs/capi.md)")
PyAPI_FUNC(int) _PyFrame_IsEntryFrame(PyFrameObject *frame);
#endif
#ifndef PyFunction_SetVectorcall
Py_CPYEXT_MISSING("PyFunction_SetVectorcall is not provided by cpyext: rustpy's functions are VM objects the VM calls itself: they have no vectorcall to replace (see docs/capi.md)")
PyAPI_FUNC(void) PyFunction_SetVectorcall(struct _PyCpyextFunctionObject *func, vectorcallfunc vectorcall);
#endif
#ifndef PyFunction_SetClosure
Py_CPYEXT_MISSING("PyFunction_SetClosure is not provided by cpyext: a RustPython function's closure is fixed when the function is made (types.FunctionType takes one) (see docs/capi.md)")
PyAPI_FUNC(int) PyFunction_SetClosure(PyObject *op, PyObject *closure);
#endif
#ifndef PyFunction_AddWatcher
Py_CPYEXT_MISSING("PyFunction_AddWatcher is not provided by cpyext: the VM makes, changes and frees functions without reporting it to the layer (see docs/capi.md)")
PyAPI_FUNC(int) PyFunction_AddWatcher(PyFunction_WatchCallback callback);
#endif
#ifndef PyFunction_ClearWatcher
Py_CPYEXT_MISSING("PyFunction_ClearWatcher is not provided by cpyext: the VM makes, changes and frees functions without reporting it to the layer (see docs/capi.md)")
PyAPI_FUNC(int) PyFunction_ClearWatcher(int watcher_id);
#endif
#ifndef PyGen_New
Py_CPYEXT_MISSING("PyGen_New is not provided by cpyext: RustPython makes a generator only by calling a generator function: a frame cannot become one (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyGen_New(PyFrameObject *frame);
#endif
#ifndef PyGen_NewWithQualName
Py_CPYEXT_MISSING("PyGen_NewWithQualName is not provided by cpyext: RustPython makes a generator only by calling a generator function: a frame cannot become one (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyGen_NewWithQualName(PyFrameObject *frame, PyObject *name, PyObject *qualname);
#endif
#ifndef PyCoro_New
Py_CPYEXT_MISSING("PyCoro_New is not provided by cpyext: RustPython makes a coroutine only by calling a coroutine function: a frame cannot become one (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyCoro_New(PyFrameObject *frame, PyObject *name, PyObject *qualname);
#endif
#ifndef PyAsyncGen_New
Py_CPYEXT_MISSING("PyAsyncGen_New is not provided by cpyext: RustPython makes an async generator only by calling an async generator function: a frame cannot become one (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyAsyncGen_New(PyFrameObject *frame, PyObject *name, PyObject *qualname);
#endif
Py_CPYEXT_MISSING("PyImport_Inittab is not provided by cpyext: rustpy cannot be embedded: RustPython's built-in and frozen module tables are fixed when it starts, before any C code runs (see docs/capi.md)")
PyAPI_DATA(struct _inittab *) PyImport_Inittab;
Py_CPYEXT_MISSING("PyImport_FrozenModules is not provided by cpyext: rustpy cannot be embedded: RustPython's built-in and frozen module tables are fixed when it starts, before any C code runs (see docs/capi.md)")
PyAPI_DATA(const struct _frozen *) PyImport_FrozenModules;
#ifndef PyImport_ExtendInittab
Py_CPYEXT_MISSING("PyImport_ExtendInittab is not provided by cpyext: must be called before Py_Initialize(), and rustpy cannot be embedded: RustPython's built-in module table is fixed when it starts (see docs/capi.md)")
PyAPI_FUNC(int) PyImport_ExtendInittab(struct _inittab *newtab);
#endif
#ifndef PyInit__imp
Py_CPYEXT_MISSING("PyInit__imp is not provided by cpyext: removed from CPython 3.14's public headers, whose C-API cpyext provides; RustPython's _imp is its own built-in module (import _imp) (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyInit__imp(void);
#endif
#ifndef PyImport_AppendInittab
Py_CPYEXT_MISSING("PyImport_AppendInittab is not provided by cpyext: must be called before Py_Initialize(), and rustpy cannot be embedded: RustPython's built-in module table is fixed when it starts (see docs/capi.md)")
PyAPI_FUNC(int) PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void));
#endif
#ifndef PyConfig_Read
Py_CPYEXT_MISSING("PyConfig_Read is not provided by cpyext: rustpy cannot be embedded: RustPython owns interpreter start-up and computes its own configuration; C extensions run inside an interpreter already started (see docs/capi.md)")
PyAPI_FUNC(PyStatus) PyConfig_Read(PyConfig *config);
#endif
#ifndef PyOS_InterruptOccurred
Py_CPYEXT_MISSING("PyOS_InterruptOccurred is not provided by cpyext: RustPython keeps the record of received signals inside its signal module, with no entry point C can read or clear it through (see docs/capi.md)")
PyAPI_FUNC(int) PyOS_InterruptOccurred(void);
#endif
#ifndef PyOS_BeforeFork
Py_CPYEXT_MISSING("PyOS_BeforeFork is not provided by cpyext: RustPython prepares for fork() and repairs its own state after it (import lock, stopping other threads, locks, signal state) inside its os.fork, with no entry point C can call (see docs/capi.md)")
PyAPI_FUNC(void) PyOS_BeforeFork(void);
#endif
#ifndef PyOS_AfterFork_Parent
Py_CPYEXT_MISSING("PyOS_AfterFork_Parent is not provided by cpyext: RustPython prepares for fork() and repairs its own state after it (import lock, stopping other threads, locks, signal state) inside its os.fork, with no entry point C can call (see docs/capi.md)")
PyAPI_FUNC(void) PyOS_AfterFork_Parent(void);
#endif
#ifndef PyOS_AfterFork_Child
Py_CPYEXT_MISSING("PyOS_AfterFork_Child is not provided by cpyext: RustPython prepares for fork() and repairs its own state after it (import lock, stopping other threads, locks, signal state) inside its os.fork, with no entry point C can call (see docs/capi.md)")
PyAPI_FUNC(void) PyOS_AfterFork_Child(void);
#endif
#ifndef PyOS_AfterFork
Py_CPYEXT_MISSING("PyOS_AfterFork is not provided by cpyext: RustPython prepares for fork() and repairs its own state after it (import lock, stopping other threads, locks, signal state) inside its os.fork, with no entry point C can call (see docs/capi.md)")
PyAPI_FUNC(void) PyOS_AfterFork(void);
#endif
#ifndef PyList_Clear
Py_CPYEXT_MISSING("PyList_Clear is not provided by cpyext: not implemented yet (see docs/capi.md)")
PyAPI_FUNC(int) PyList_Clear(PyObject *list);
#endif
Py_CPYEXT_MISSING("PyCMethod_Type is not provided by cpyext: RustPython has one type for every builtin function; PyCMethod_Check tests METH_METHOD instead (see docs/capi.md)")
PyAPI_DATA(PyTypeObject) PyCMethod_Type;
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
#ifndef PyType_AddWatcher
Py_CPYEXT_MISSING("PyType_AddWatcher is not provided by cpyext: the VM changes types without reporting it to the layer (see docs/capi.md)")
PyAPI_FUNC(int) PyType_AddWatcher(PyType_WatchCallback callback);
#endif
#ifndef PyType_ClearWatcher
Py_CPYEXT_MISSING("PyType_ClearWatcher is not provided by cpyext: the VM changes types without reporting it to the layer (see docs/capi.md)")
PyAPI_FUNC(int) PyType_ClearWatcher(int watcher_id);
#endif
#ifndef PyType_Watch
Py_CPYEXT_MISSING("PyType_Watch is not provided by cpyext: the VM changes types without reporting it to the layer (see docs/capi.md)")
PyAPI_FUNC(int) PyType_Watch(int watcher_id, PyObject *type);
#endif
#ifndef PyType_Unwatch
Py_CPYEXT_MISSING("PyType_Unwatch is not provided by cpyext: the VM changes types without reporting it to the layer (see docs/capi.md)")
PyAPI_FUNC(int) PyType_Unwatch(int watcher_id, PyObject *type);
#endif
#ifndef PyRefTracer_SetTracer
Py_CPYEXT_MISSING("PyRefTracer_SetTracer is not provided by cpyext: the VM makes and frees its objects without reporting it to the layer (see docs/capi.md)")
PyAPI_FUNC(int) PyRefTracer_SetTracer(PyRefTracer tracer, void *data);
#endif
#ifndef PyRefTracer_GetTracer
Py_CPYEXT_MISSING("PyRefTracer_GetTracer is not provided by cpyext: the VM makes and frees its objects without reporting it to the layer (see docs/capi.md)")
PyAPI_FUNC(PyRefTracer) PyRefTracer_GetTracer(void **data);
#endif
#ifndef PyObject_GetArenaAllocator
Py_CPYEXT_MISSING("PyObject_GetArenaAllocator is not provided by cpyext: rustpy's object allocator has no pymalloc arenas (see docs/capi.md)")
PyAPI_FUNC(void) PyObject_GetArenaAllocator(PyObjectArenaAllocator *allocator);
#endif
#ifndef PyObject_SetArenaAllocator
Py_CPYEXT_MISSING("PyObject_SetArenaAllocator is not provided by cpyext: rustpy's object allocator has no pymalloc arenas (see docs/capi.md)")
PyAPI_FUNC(void) PyObject_SetArenaAllocator(PyObjectArenaAllocator *allocator);
#endif
#ifndef PyFrame_GetGenerator
Py_CPYEXT_MISSING("PyFrame_GetGenerator is not provided by cpyext: RustPython's frames do not know the generator they run (their f_generator is None) (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyFrame_GetGenerator(PyFrameObject *frame);
#endif
#ifndef PyUnstable_InterpreterFrame_GetCode
Py_CPYEXT_MISSING("PyUnstable_InterpreterFrame_GetCode is not provided by cpyext: RustPython's frames are its own: there is no _PyInterpreterFrame (use PyFrame_GetCode) (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyUnstable_InterpreterFrame_GetCode(struct _PyInterpreterFrame *frame);
#endif
#ifndef PyUnstable_InterpreterFrame_GetLasti
Py_CPYEXT_MISSING("PyUnstable_InterpreterFrame_GetLasti is not provided by cpyext: RustPython's frames are its own: there is no _PyInterpreterFrame (use PyFrame_GetLasti) (see docs/capi.md)")
PyAPI_FUNC(int) PyUnstable_InterpreterFrame_GetLasti(struct _PyInterpreterFrame *frame);
#endif
#ifndef PyUnstable_InterpreterFrame_GetLine
Py_CPYEXT_MISSING("PyUnstable_InterpreterFrame_GetLine is not provided by cpyext: RustPython's frames are its own: there is no _PyInterpreterFrame (use PyFrame_GetLineNumber) (see docs/capi.md)")
PyAPI_FUNC(int) PyUnstable_InterpreterFrame_GetLine(struct _PyInterpreterFrame *frame);
#endif
#ifndef Py_Finalize
Py_CPYEXT_MISSING("Py_Finalize is not provided by cpyext: the interpreter C runs in is RustPython's, which finalizes it when rustpy exits; C cannot end it early (see docs/capi.md)")
PyAPI_FUNC(void) Py_Finalize(void);
#endif
#ifndef Py_FinalizeEx
Py_CPYEXT_MISSING("Py_FinalizeEx is not provided by cpyext: the interpreter C runs in is RustPython's, which finalizes it when rustpy exits; C cannot end it early (see docs/capi.md)")
PyAPI_FUNC(int) Py_FinalizeEx(void);
#endif
#ifndef Py_NewInterpreter
Py_CPYEXT_MISSING("Py_NewInterpreter is not provided by cpyext: rustpy runs one interpreter: RustPython has no sub-interpreters C can create or end (see docs/capi.md)")
PyAPI_FUNC(PyThreadState *) Py_NewInterpreter(void);
#endif
#ifndef Py_EndInterpreter
Py_CPYEXT_MISSING("Py_EndInterpreter is not provided by cpyext: rustpy runs one interpreter: RustPython has no sub-interpreters C can create or end (see docs/capi.md)")
PyAPI_FUNC(void) Py_EndInterpreter(PyThreadState *tstate);
#endif
#ifndef Py_Main
Py_CPYEXT_MISSING("Py_Main is not provided by cpyext: rustpy cannot be embedded: RustPython owns interpreter start-up, and C extensions run inside an interpreter already started (see docs/capi.md)")
PyAPI_FUNC(int) Py_Main(int argc, wchar_t **argv);
#endif
#ifndef Py_BytesMain
Py_CPYEXT_MISSING("Py_BytesMain is not provided by cpyext: rustpy cannot be embedded: RustPython owns interpreter start-up, and C extensions run inside an interpreter already started (see docs/capi.md)")
PyAPI_FUNC(int) Py_BytesMain(int argc, char **argv);
#endif
#ifndef Py_FrozenMain
Py_CPYEXT_MISSING("Py_FrozenMain is not provided by cpyext: rustpy cannot be embedded: RustPython owns interpreter start-up, and C extensions run inside an interpreter already started (see docs/capi.md)")
PyAPI_FUNC(int) Py_FrozenMain(int argc, char **argv);
#endif
#ifndef Py_PreInitialize
Py_CPYEXT_MISSING("Py_PreInitialize is not provided by cpyext: rustpy cannot be embedded: RustPython owns interpreter start-up, and C extensions run inside an interpreter already started (see docs/capi.md)")
PyAPI_FUNC(PyStatus) Py_PreInitialize(const PyPreConfig *src_config);
#endif
#ifndef Py_PreInitializeFromBytesArgs
Py_CPYEXT_MISSING("Py_PreInitializeFromBytesArgs is not provided by cpyext: rustpy cannot be embedded: RustPython owns interpreter start-up, and C extensions run inside an interpreter already started (see docs/capi.md)")
PyAPI_FUNC(PyStatus) Py_PreInitializeFromBytesArgs(const PyPreConfig *src_config, Py_ssize_t argc, char **argv);
#endif
#ifndef Py_PreInitializeFromArgs
Py_CPYEXT_MISSING("Py_PreInitializeFromArgs is not provided by cpyext: rustpy cannot be embedded: RustPython owns interpreter start-up, and C extensions run inside an interpreter already started (see docs/capi.md)")
PyAPI_FUNC(PyStatus) Py_PreInitializeFromArgs(const PyPreConfig *src_config, Py_ssize_t argc, wchar_t **argv);
#endif
#ifndef Py_InitializeFromConfig
Py_CPYEXT_MISSING("Py_InitializeFromConfig is not provided by cpyext: rustpy cannot be embedded: RustPython owns interpreter start-up, and C extensions run inside an interpreter already started (see docs/capi.md)")
PyAPI_FUNC(PyStatus) Py_InitializeFromConfig(const PyConfig *config);
#endif
#ifndef _Py_InitializeMain
Py_CPYEXT_MISSING("_Py_InitializeMain is not provided by cpyext: removed in CPython 3.14, whose C-API cpyext provides; and rustpy cannot be embedded: RustPython owns interpreter start-up (see docs/capi.md)")
PyAPI_FUNC(PyStatus) _Py_InitializeMain(void);
#endif
#ifndef Py_RunMain
Py_CPYEXT_MISSING("Py_RunMain is not provided by cpyext: rustpy cannot be embedded: RustPython owns interpreter start-up, and C extensions run inside an interpreter already started (see docs/capi.md)")
PyAPI_FUNC(int) Py_RunMain(void);
#endif
#ifndef Py_NewInterpreterFromConfig
Py_CPYEXT_MISSING("Py_NewInterpreterFromConfig is not provided by cpyext: rustpy runs one interpreter: RustPython has no sub-interpreters C can create or end (see docs/capi.md)")
PyAPI_FUNC(PyStatus) Py_NewInterpreterFromConfig(PyThreadState **tstate_p, const PyInterpreterConfig *config);
#endif
#ifndef Py_SetProgramName
Py_CPYEXT_MISSING("Py_SetProgramName is not provided by cpyext: must be called before Py_Initialize(), and rustpy cannot be embedded: RustPython owns interpreter start-up and sets the path configuration itself (see docs/capi.md)")
PyAPI_FUNC(void) Py_SetProgramName(const wchar_t *name);
#endif
#ifndef Py_SetPythonHome
Py_CPYEXT_MISSING("Py_SetPythonHome is not provided by cpyext: must be called before Py_Initialize(), and rustpy cannot be embedded: RustPython owns interpreter start-up and sets the path configuration itself (see docs/capi.md)")
PyAPI_FUNC(void) Py_SetPythonHome(const wchar_t *home);
#endif
#ifndef Py_SetPath
Py_CPYEXT_MISSING("Py_SetPath is not provided by cpyext: must be called before Py_Initialize(), and rustpy cannot be embedded: RustPython owns interpreter start-up and sets the path configuration itself (see docs/capi.md)")
PyAPI_FUNC(void) Py_SetPath(const wchar_t *path);
#endif
#ifndef PyMem_SetAllocator
Py_CPYEXT_MISSING("PyMem_SetAllocator is not provided by cpyext: cpyext's allocators are fixed: PyMem_* and PyObject_Malloc call malloc and the layer's object-block allocator directly, not through a replaceable table (see docs/capi.md)")
PyAPI_FUNC(void) PyMem_SetAllocator(PyMemAllocatorDomain domain, PyMemAllocatorEx *allocator);
#endif
#ifndef PyMem_SetupDebugHooks
Py_CPYEXT_MISSING("PyMem_SetupDebugHooks is not provided by cpyext: cpyext's allocators are fixed: PyMem_* and PyObject_Malloc call malloc and the layer's object-block allocator directly, so no debug hooks can be put in front of them (see docs/capi.md)")
PyAPI_FUNC(void) PyMem_SetupDebugHooks(void);
#endif
#ifndef PyInterpreterState_New
Py_CPYEXT_MISSING("PyInterpreterState_New is not provided by cpyext: rustpy runs one interpreter: RustPython has no sub-interpreters C can create or end (see docs/capi.md)")
PyAPI_FUNC(PyInterpreterState *) PyInterpreterState_New(void);
#endif
#ifndef PyInterpreterState_Clear
Py_CPYEXT_MISSING("PyInterpreterState_Clear is not provided by cpyext: rustpy runs one interpreter: RustPython has no sub-interpreters C can create or end (see docs/capi.md)")
PyAPI_FUNC(void) PyInterpreterState_Clear(PyInterpreterState *interp);
#endif
#ifndef PyInterpreterState_Delete
Py_CPYEXT_MISSING("PyInterpreterState_Delete is not provided by cpyext: rustpy runs one interpreter: RustPython has no sub-interpreters C can create or end (see docs/capi.md)")
PyAPI_FUNC(void) PyInterpreterState_Delete(PyInterpreterState *interp);
#endif
#ifndef PyInterpreterState_ThreadHead
Py_CPYEXT_MISSING("PyInterpreterState_ThreadHead is not provided by cpyext: cpyext keeps no list of thread states: each OS thread's state is its own, made on first use, so they cannot be walked (see docs/capi.md)")
PyAPI_FUNC(PyThreadState *) PyInterpreterState_ThreadHead(PyInterpreterState *interp);
#endif
#ifndef PyThreadState_Next
Py_CPYEXT_MISSING("PyThreadState_Next is not provided by cpyext: cpyext keeps no list of thread states: each OS thread's state is its own, made on first use, so they cannot be walked (see docs/capi.md)")
PyAPI_FUNC(PyThreadState *) PyThreadState_Next(PyThreadState *tstate);
#endif
#ifndef PyUnstable_InterpreterState_GetMainModule
Py_CPYEXT_MISSING("PyUnstable_InterpreterState_GetMainModule is not provided by cpyext: removed from CPython 3.14's public headers, whose C-API cpyext provides (use PyImport_AddModuleRef(\"__main__\")) (see docs/capi.md)")
PyAPI_FUNC(PyObject *) PyUnstable_InterpreterState_GetMainModule(PyInterpreterState *interp);
#endif
#ifndef _PyInterpreterState_GetEvalFrameFunc
Py_CPYEXT_MISSING("_PyInterpreterState_GetEvalFrameFunc is not provided by cpyext: RustPython's eval loop cannot be replaced from C (see docs/capi.md)")
PyAPI_FUNC(void *) _PyInterpreterState_GetEvalFrameFunc(PyInterpreterState *interp);
#endif
#ifndef _PyInterpreterState_SetEvalFrameFunc
Py_CPYEXT_MISSING("_PyInterpreterState_SetEvalFrameFunc is not provided by cpyext: RustPython's eval loop cannot be replaced from C (see docs/capi.md)")
PyAPI_FUNC(void) _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState *interp, void *eval_frame);
#endif
#ifndef _PyThreadState_Prealloc
Py_CPYEXT_MISSING("_PyThreadState_Prealloc is not provided by cpyext: thread states are per OS thread here: a thread gets its own from PyGILState_Ensure (see docs/capi.md)")
PyAPI_FUNC(PyThreadState *) _PyThreadState_Prealloc(PyInterpreterState *interp);
#endif
#ifndef _PyThreadState_Init
Py_CPYEXT_MISSING("_PyThreadState_Init is not provided by cpyext: thread states are per OS thread here: a thread gets its own from PyGILState_Ensure (see docs/capi.md)")
PyAPI_FUNC(void) _PyThreadState_Init(PyThreadState *tstate);
#endif
#ifndef PyThreadState_New
Py_CPYEXT_MISSING("PyThreadState_New is not provided by cpyext: thread states are per OS thread here: a thread gets its own from PyGILState_Ensure (see docs/capi.md)")
PyAPI_FUNC(PyThreadState *) PyThreadState_New(PyInterpreterState *interp);
#endif
#ifndef PyThreadState_DeleteCurrent
Py_CPYEXT_MISSING("PyThreadState_DeleteCurrent is not provided by cpyext: thread states are per OS thread here: a thread gets its own from PyGILState_Ensure (see docs/capi.md)")
PyAPI_FUNC(void) PyThreadState_DeleteCurrent(void);
#endif
#ifndef PyThreadState_Swap
Py_CPYEXT_MISSING("PyThreadState_Swap is not provided by cpyext: thread states are per OS thread here: a thread gets its own from PyGILState_Ensure (see docs/capi.md)")
PyAPI_FUNC(PyThreadState *) PyThreadState_Swap(PyThreadState *tstate);
#endif
#ifndef PyThreadState_SetAsyncExc
Py_CPYEXT_MISSING("PyThreadState_SetAsyncExc is not provided by cpyext: RustPython cannot raise an exception in another running thread: its threads check no pending asynchronous exception (see docs/capi.md)")
PyAPI_FUNC(int) PyThreadState_SetAsyncExc(unsigned long id, PyObject *exc);
#endif
#ifndef PyUnstable_PerfMapState_Init
Py_CPYEXT_MISSING("PyUnstable_PerfMapState_Init is not provided by cpyext: RustPython has no perf trampoline and writes no perf map: its frames are not native code perf can attribute (see docs/capi.md)")
PyAPI_FUNC(int) PyUnstable_PerfMapState_Init(void);
#endif
#ifndef PyUnstable_WritePerfMapEntry
Py_CPYEXT_MISSING("PyUnstable_WritePerfMapEntry is not provided by cpyext: RustPython has no perf trampoline and writes no perf map: its frames are not native code perf can attribute (see docs/capi.md)")
PyAPI_FUNC(int) PyUnstable_WritePerfMapEntry(const void *code_addr, unsigned int code_size, const char *entry_name);
#endif
#ifndef PyUnstable_PerfMapState_Fini
Py_CPYEXT_MISSING("PyUnstable_PerfMapState_Fini is not provided by cpyext: RustPython has no perf trampoline and writes no perf map: its frames are not native code perf can attribute (see docs/capi.md)")
PyAPI_FUNC(void) PyUnstable_PerfMapState_Fini(void);
#endif
#ifndef PyUnstable_CopyPerfMapFile
Py_CPYEXT_MISSING("PyUnstable_CopyPerfMapFile is not provided by cpyext: RustPython has no perf trampoline and writes no perf map: its frames are not native code perf can attribute (see docs/capi.md)")
PyAPI_FUNC(int) PyUnstable_CopyPerfMapFile(const char *parent_filename);
#endif
#ifndef PyUnstable_PerfTrampoline_CompileCode
Py_CPYEXT_MISSING("PyUnstable_PerfTrampoline_CompileCode is not provided by cpyext: RustPython has no perf trampoline and writes no perf map: its frames are not native code perf can attribute (see docs/capi.md)")
PyAPI_FUNC(int) PyUnstable_PerfTrampoline_CompileCode(PyCodeObject *code);
#endif
#ifndef PyUnstable_PerfTrampoline_SetPersistAfterFork
Py_CPYEXT_MISSING("PyUnstable_PerfTrampoline_SetPersistAfterFork is not provided by cpyext: RustPython has no perf trampoline and writes no perf map: its frames are not native code perf can attribute (see docs/capi.md)")
PyAPI_FUNC(int) PyUnstable_PerfTrampoline_SetPersistAfterFork(int enable);
#endif
#ifndef _PyWeakref_ClearRef
Py_CPYEXT_MISSING("_PyWeakref_ClearRef is not provided by cpyext: RustPython clears a weak reference only when its referent dies; one cannot be cleared on its own (see docs/capi.md)")
PyAPI_FUNC(void) _PyWeakref_ClearRef(PyWeakReference *self);
#endif

#ifdef __cplusplus
}
#endif
#endif /* !Py_CPYEXT_MISSING_H */
