/* Object memory: allocation, initialisation, garbage-collector support. */
#ifndef Py_OBJIMPL_H
#define Py_OBJIMPL_H
#ifdef __cplusplus
extern "C" {
#endif

/* "Object" domain allocator. */
PyAPI_FUNC(void *) PyObject_Malloc(size_t size);
PyAPI_FUNC(void *) PyObject_Calloc(size_t nelem, size_t elsize);
PyAPI_FUNC(void *) PyObject_Realloc(void *ptr, size_t new_size);
PyAPI_FUNC(void) PyObject_Free(void *ptr);

#define PyObject_MALLOC PyObject_Malloc
#define PyObject_REALLOC PyObject_Realloc
#define PyObject_FREE PyObject_Free
#define PyObject_Del PyObject_Free
#define PyObject_DEL PyObject_Free

/* Initialise the header of already-allocated memory. */
PyAPI_FUNC(PyObject *) PyObject_Init(PyObject *op, PyTypeObject *type);
PyAPI_FUNC(PyVarObject *) PyObject_InitVar(PyVarObject *op,
                                           PyTypeObject *type,
                                           Py_ssize_t size);
#define PyObject_INIT(op, typeobj) \
    PyObject_Init(_PyObject_CAST(op), (typeobj))
#define PyObject_INIT_VAR(op, typeobj, size) \
    PyObject_InitVar(_PyVarObject_CAST(op), (typeobj), (size))

/* Allocate and initialise an object of a non-GC type. */
PyAPI_FUNC(PyObject *) _PyObject_New(PyTypeObject *type);
PyAPI_FUNC(PyVarObject *) _PyObject_NewVar(PyTypeObject *type,
                                           Py_ssize_t nitems);
#define PyObject_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define PyObject_NewVar(type, typeobj, n) \
    ((type *)_PyObject_NewVar((typeobj), (n)))
#define PyObject_NEW PyObject_New
#define PyObject_NEW_VAR PyObject_NewVar

/* Size of an instance of a type (with n items for variable-size types). */
static inline size_t _PyObject_SIZE(PyTypeObject *type)
{
    return (size_t)type->tp_basicsize;
}
static inline size_t _PyObject_VAR_SIZE(PyTypeObject *type, Py_ssize_t nitems)
{
    size_t size = (size_t)type->tp_basicsize;
    size += (size_t)nitems * (size_t)type->tp_itemsize;
    return _Py_SIZE_ROUND_UP(size, SIZEOF_VOID_P);
}

/* Garbage collector control. */
PyAPI_FUNC(Py_ssize_t) PyGC_Collect(void);
PyAPI_FUNC(int) PyGC_Enable(void);
PyAPI_FUNC(int) PyGC_Disable(void);
PyAPI_FUNC(int) PyGC_IsEnabled(void);

#define PyType_IS_GC(t) PyType_HasFeature((t), Py_TPFLAGS_HAVE_GC)
PyAPI_FUNC(int) PyObject_IS_GC(PyObject *obj);

/* Objects of GC types. */
PyAPI_FUNC(PyObject *) _PyObject_GC_New(PyTypeObject *type);
PyAPI_FUNC(PyVarObject *) _PyObject_GC_NewVar(PyTypeObject *type,
                                              Py_ssize_t nitems);
#define PyObject_GC_New(type, typeobj) ((type *)_PyObject_GC_New(typeobj))
#define PyObject_GC_NewVar(type, typeobj, n) \
    ((type *)_PyObject_GC_NewVar((typeobj), (n)))

/* Resizes a variable-size GC object that nothing else holds yet (before
 * PyObject_GC_Track, before it crossed into the interpreter). */
PyAPI_FUNC(PyVarObject *) _PyObject_GC_Resize(PyVarObject *op,
                                              Py_ssize_t nitems);
#define PyObject_GC_Resize(type, op, n) \
    ((type *)_PyObject_GC_Resize(_PyVarObject_CAST(op), (n)))
/* A GC object with extra_size zeroed bytes after tp_basicsize. */
PyAPI_FUNC(PyObject *) PyUnstable_Object_GC_NewWithExtraData(
    PyTypeObject *type, size_t extra_size);

/* Calls callback(obj, arg) on each object the collector tracks, until it
 * returns 0. */
typedef int (*gcvisitobjects_t)(PyObject *obj, void *arg);
PyAPI_FUNC(void) PyUnstable_GC_VisitObjects(gcvisitobjects_t callback,
                                            void *arg);

/* Whether instances of the type can be weakly referenced, and where a C
 * instance has its tp_weaklistoffset field (NULL for other objects). The
 * field stays NULL: the VM keeps every object's weak references, which
 * is why PyObject_ClearWeakRefs has nothing to clear either. */
PyAPI_FUNC(int) PyType_SUPPORTS_WEAKREFS(PyTypeObject *type);
PyAPI_FUNC(PyObject **) PyObject_GET_WEAKREFS_LISTPTR(PyObject *op);

/* The allocator of pymalloc's arenas. */
typedef struct {
    void *ctx;
    void *(*alloc)(void *ctx, size_t size);
    void (*free)(void *ctx, void *ptr, size_t size);
} PyObjectArenaAllocator;
PyAPI_FUNC(void) PyObject_GetArenaAllocator(PyObjectArenaAllocator *allocator);
PyAPI_FUNC(void) PyObject_SetArenaAllocator(PyObjectArenaAllocator *allocator);

PyAPI_FUNC(void) PyObject_GC_Track(void *op);
PyAPI_FUNC(void) PyObject_GC_UnTrack(void *op);
PyAPI_FUNC(void) PyObject_GC_Del(void *op);
PyAPI_FUNC(int) PyObject_GC_IsTracked(PyObject *op);
PyAPI_FUNC(int) PyObject_GC_IsFinalized(PyObject *op);

/* For tp_traverse implementations whose parameters are named
 * "visit" and "arg". */
#define Py_VISIT(op) \
    do { \
        if (op) { \
            int _py_visit_ret = visit(_PyObject_CAST(op), arg); \
            if (_py_visit_ret) { \
                return _py_visit_ret; \
            } \
        } \
    } while (0)

#ifdef __cplusplus
}
#endif
#endif /* !Py_OBJIMPL_H */
