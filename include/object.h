/* Objects, type objects and reference counting.
 *
 * Reference-count rules of this layer (they match CPython 3.14 on 64-bit
 * platforms with the GIL):
 *   - ob_refcnt is the low 32 bits of the first word of every object.  The
 *     object is immortal when (int32_t)ob_refcnt < 0; Py_INCREF/Py_DECREF
 *     never touch an immortal object.
 *   - Statically initialised objects (PyObject_HEAD_INIT) start immortal with
 *     _Py_IMMORTAL_INITIAL_REFCNT.
 *   - Py_DECREF calls _Py_Dealloc() when the count drops to zero; the layer
 *     implements _Py_Dealloc.
 *   - ob_flags/ob_overflow stay zero on heap objects, as CPython keeps them:
 *     code built for 3.11's limited API and for 3.12/3.13 counts the whole
 *     64-bit word inline. */
#ifndef Py_OBJECT_H
#define Py_OBJECT_H

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Object headers                                                      */

#define _Py_IMMORTAL_INITIAL_REFCNT (3UL << 30)
#define _Py_IMMORTAL_MINIMUM_REFCNT (1UL << 31)
/* The count an immortal object is given (3.12's name). */
#define _Py_IMMORTAL_REFCNT _Py_IMMORTAL_INITIAL_REFCNT
#define _Py_STATICALLY_ALLOCATED_FLAG 4
#define _Py_IMMORTAL_FLAGS 1

#define _PyObject_MIN_ALIGNMENT 4

/* __extension__ keeps -pedantic C++ builds quiet about the anonymous
 * struct (a GNU extension in C++, standard in C11). */
struct _object {
    __extension__ union {
        int64_t ob_refcnt_full;         /* whole first word */
        __extension__ struct {
            uint32_t ob_refcnt;         /* the reference count proper */
            uint16_t ob_overflow;
            uint16_t ob_flags;
        };
    };
    PyTypeObject *ob_type;
};

typedef struct {
    PyObject ob_base;
    Py_ssize_t ob_size;         /* number of items in the variable part */
} PyVarObject;

/* Start of every object / every variable-size object. */
#define PyObject_HEAD PyObject ob_base;
#define PyObject_VAR_HEAD PyVarObject ob_base;
#define Py_INVALID_SIZE ((Py_ssize_t)-1)

/* Static initialisers.  Like CPython's, they end with a comma so that the
 * next field initialiser can follow directly. */
/* Only the reference-tracing builds have extra fields: nothing here. */
#define _PyObject_EXTRA_INIT

#define PyObject_HEAD_INIT(type) \
    { { _Py_IMMORTAL_INITIAL_REFCNT }, (type) },
#define PyVarObject_HEAD_INIT(type, size) \
    { PyObject_HEAD_INIT(type) (size) },

#define _PyObject_CAST(op) _Py_CAST(PyObject *, (op))
#define _PyVarObject_CAST(op) _Py_CAST(PyVarObject *, (op))

/* Identity. */
PyAPI_FUNC(int) Py_Is(PyObject *x, PyObject *y);
#define Py_Is(x, y) ((x) == (y))

/* ------------------------------------------------------------------ */
/* Header field access (always inline: these fields are real memory). */

static inline int _Py_IsImmortal(PyObject *op)
{
    return (int32_t)op->ob_refcnt < 0;
}
#define _Py_IsImmortal(op) _Py_IsImmortal(_PyObject_CAST(op))

/* The stable ABI has Py_REFCNT() and Py_TYPE() as functions too (3.14's
 * limited API calls them); the macros below shadow them. */
PyAPI_FUNC(Py_ssize_t) Py_REFCNT(PyObject *ob);
PyAPI_FUNC(PyTypeObject *) Py_TYPE(PyObject *ob);

/* Not an inline read: ob_refcnt holds C's references only, and the
 * function adds those the VM holds (a dict's, a variable's), so that code
 * taking a count of 1 to mean "nobody else has it" is right. */
#define Py_REFCNT(ob) (Py_REFCNT)(_PyObject_CAST(ob))

static inline PyTypeObject *_Py_TYPE(PyObject *ob)
{
    return ob->ob_type;
}
#define Py_TYPE(ob) _Py_TYPE(_PyObject_CAST(ob))

static inline Py_ssize_t _Py_SIZE(PyObject *ob)
{
    return ((PyVarObject *)ob)->ob_size;
}
#define Py_SIZE(ob) _Py_SIZE(_PyObject_CAST(ob))

static inline int _Py_IS_TYPE(PyObject *ob, PyTypeObject *type)
{
    return ob->ob_type == type;
}
#define Py_IS_TYPE(ob, type) _Py_IS_TYPE(_PyObject_CAST(ob), (type))

/* Writes only the 32-bit count; immortal objects are left alone. */
static inline void _Py_SET_REFCNT(PyObject *ob, Py_ssize_t refcnt)
{
    if (_Py_IsImmortal(ob)) {
        return;
    }
    ob->ob_refcnt = (uint32_t)refcnt;
}
#define Py_SET_REFCNT(ob, refcnt) _Py_SET_REFCNT(_PyObject_CAST(ob), (refcnt))

static inline void _Py_SET_TYPE(PyObject *ob, PyTypeObject *type)
{
    ob->ob_type = type;
}
#define Py_SET_TYPE(ob, type) _Py_SET_TYPE(_PyObject_CAST(ob), (type))

static inline void _Py_SET_SIZE(PyVarObject *ob, Py_ssize_t size)
{
    ob->ob_size = size;
}
#define Py_SET_SIZE(ob, size) _Py_SET_SIZE(_PyVarObject_CAST(ob), (size))

/* ------------------------------------------------------------------ */
/* Slot function types                                                 */

typedef PyObject *(*unaryfunc)(PyObject *);
typedef PyObject *(*binaryfunc)(PyObject *, PyObject *);
typedef PyObject *(*ternaryfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*inquiry)(PyObject *);
typedef Py_ssize_t (*lenfunc)(PyObject *);
typedef PyObject *(*ssizeargfunc)(PyObject *, Py_ssize_t);
typedef PyObject *(*ssizessizeargfunc)(PyObject *, Py_ssize_t, Py_ssize_t);
typedef int (*ssizeobjargproc)(PyObject *, Py_ssize_t, PyObject *);
typedef int (*ssizessizeobjargproc)(PyObject *, Py_ssize_t, Py_ssize_t,
                                    PyObject *);
typedef int (*objobjargproc)(PyObject *, PyObject *, PyObject *);
typedef int (*objobjproc)(PyObject *, PyObject *);
typedef int (*visitproc)(PyObject *, void *);
typedef int (*traverseproc)(PyObject *, visitproc, void *);

typedef void (*freefunc)(void *);
typedef void (*destructor)(PyObject *);
typedef PyObject *(*getattrfunc)(PyObject *, char *);
typedef PyObject *(*getattrofunc)(PyObject *, PyObject *);
typedef int (*setattrfunc)(PyObject *, char *, PyObject *);
typedef int (*setattrofunc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*reprfunc)(PyObject *);
typedef Py_hash_t (*hashfunc)(PyObject *);
typedef PyObject *(*richcmpfunc)(PyObject *, PyObject *, int);
typedef PyObject *(*getiterfunc)(PyObject *);
typedef PyObject *(*iternextfunc)(PyObject *);
typedef PyObject *(*descrgetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*descrsetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*initproc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*newfunc)(PyTypeObject *, PyObject *, PyObject *);
typedef PyObject *(*allocfunc)(PyTypeObject *, Py_ssize_t);
typedef int (*printfunc)(PyObject *, FILE *, int);

typedef PyObject *(*vectorcallfunc)(PyObject *callable, PyObject *const *args,
                                    size_t nargsf, PyObject *kwnames);

/* Result of PyIter_Send() and of the am_send slot. */
typedef enum {
    PYGEN_RETURN = 0,
    PYGEN_ERROR = -1,
    PYGEN_NEXT = 1
} PySendResult;

typedef PySendResult (*sendfunc)(PyObject *iter, PyObject *value,
                                 PyObject **result);

/* ------------------------------------------------------------------ */
/* Protocol method tables                                              */

typedef struct {
    binaryfunc nb_add;
    binaryfunc nb_subtract;
    binaryfunc nb_multiply;
    binaryfunc nb_remainder;
    binaryfunc nb_divmod;
    ternaryfunc nb_power;
    unaryfunc nb_negative;
    unaryfunc nb_positive;
    unaryfunc nb_absolute;
    inquiry nb_bool;
    unaryfunc nb_invert;
    binaryfunc nb_lshift;
    binaryfunc nb_rshift;
    binaryfunc nb_and;
    binaryfunc nb_xor;
    binaryfunc nb_or;
    unaryfunc nb_int;
    void *nb_reserved;          /* was nb_long */
    unaryfunc nb_float;

    binaryfunc nb_inplace_add;
    binaryfunc nb_inplace_subtract;
    binaryfunc nb_inplace_multiply;
    binaryfunc nb_inplace_remainder;
    ternaryfunc nb_inplace_power;
    binaryfunc nb_inplace_lshift;
    binaryfunc nb_inplace_rshift;
    binaryfunc nb_inplace_and;
    binaryfunc nb_inplace_xor;
    binaryfunc nb_inplace_or;

    binaryfunc nb_floor_divide;
    binaryfunc nb_true_divide;
    binaryfunc nb_inplace_floor_divide;
    binaryfunc nb_inplace_true_divide;

    unaryfunc nb_index;

    binaryfunc nb_matrix_multiply;
    binaryfunc nb_inplace_matrix_multiply;
} PyNumberMethods;

typedef struct {
    lenfunc sq_length;
    binaryfunc sq_concat;
    ssizeargfunc sq_repeat;
    ssizeargfunc sq_item;
    void *was_sq_slice;
    ssizeobjargproc sq_ass_item;
    void *was_sq_ass_slice;
    objobjproc sq_contains;

    binaryfunc sq_inplace_concat;
    ssizeargfunc sq_inplace_repeat;
} PySequenceMethods;

typedef struct {
    lenfunc mp_length;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript;
} PyMappingMethods;

typedef struct {
    unaryfunc am_await;
    unaryfunc am_aiter;
    unaryfunc am_anext;
    sendfunc am_send;
} PyAsyncMethods;

typedef struct {
    getbufferproc bf_getbuffer;
    releasebufferproc bf_releasebuffer;
} PyBufferProcs;

/* ------------------------------------------------------------------ */
/* The type object (CPython 3.14 layout, 416 bytes on 64-bit)          */

struct _typeobject {
    PyObject_VAR_HEAD
    const char *tp_name;                /* "module.name" */
    Py_ssize_t tp_basicsize, tp_itemsize;

    destructor tp_dealloc;
    Py_ssize_t tp_vectorcall_offset;
    getattrfunc tp_getattr;
    setattrfunc tp_setattr;
    PyAsyncMethods *tp_as_async;
    reprfunc tp_repr;

    PyNumberMethods *tp_as_number;
    PySequenceMethods *tp_as_sequence;
    PyMappingMethods *tp_as_mapping;

    hashfunc tp_hash;
    ternaryfunc tp_call;
    reprfunc tp_str;
    getattrofunc tp_getattro;
    setattrofunc tp_setattro;

    PyBufferProcs *tp_as_buffer;

    unsigned long tp_flags;

    const char *tp_doc;

    traverseproc tp_traverse;
    inquiry tp_clear;
    richcmpfunc tp_richcompare;
    Py_ssize_t tp_weaklistoffset;

    getiterfunc tp_iter;
    iternextfunc tp_iternext;

    PyMethodDef *tp_methods;
    PyMemberDef *tp_members;
    PyGetSetDef *tp_getset;
    PyTypeObject *tp_base;
    PyObject *tp_dict;
    descrgetfunc tp_descr_get;
    descrsetfunc tp_descr_set;
    Py_ssize_t tp_dictoffset;
    initproc tp_init;
    allocfunc tp_alloc;
    newfunc tp_new;
    freefunc tp_free;
    inquiry tp_is_gc;
    PyObject *tp_bases;
    PyObject *tp_mro;
    PyObject *tp_cache;                 /* unused */
    void *tp_subclasses;                /* runtime-private */
    PyObject *tp_weaklist;              /* runtime-private */
    destructor tp_del;

    unsigned int tp_version_tag;

    destructor tp_finalize;
    vectorcallfunc tp_vectorcall;

    unsigned char tp_watched;
    uint16_t tp_versions_used;
};

/* The type object of a heap type (PyType_FromSpec, and every class made in
 * Python), CPython 3.14's layout: the method tables follow the type, then
 * the name objects.  ht_name and ht_qualname are the type's __name__ and
 * __qualname__ as they were when C first saw the type. */
struct _specialization_cache {
    PyObject *getitem;                  /* runtime-private */
    uint32_t getitem_version;
    PyObject *init;
};

struct _dictkeysobject;

typedef struct _heaptypeobject {
    PyTypeObject ht_type;
    PyAsyncMethods as_async;
    PyNumberMethods as_number;
    PyMappingMethods as_mapping;
    PySequenceMethods as_sequence;
    PyBufferProcs as_buffer;
    PyObject *ht_name, *ht_slots, *ht_qualname;
    struct _dictkeysobject *ht_cached_keys;   /* runtime-private */
    PyObject *ht_module;
    char *_ht_tpname;
    void *ht_token;                     /* the Py_tp_token slot */
    struct _specialization_cache _spec_cache;  /* runtime-private */
} PyHeapTypeObject;

/* ------------------------------------------------------------------ */
/* Type creation from a spec                                           */

typedef struct {
    int slot;                   /* one of the Py_tp_*, Py_nb_*, ... ids */
    void *pfunc;
} PyType_Slot;

typedef struct {
    const char *name;
    int basicsize;
    int itemsize;
    unsigned int flags;
    PyType_Slot *slots;         /* terminated by a {0, NULL} entry */
} PyType_Spec;

PyAPI_FUNC(PyObject *) PyType_FromSpec(PyType_Spec *spec);
PyAPI_FUNC(PyObject *) PyType_FromSpecWithBases(PyType_Spec *spec,
                                                PyObject *bases);
PyAPI_FUNC(PyObject *) PyType_FromModuleAndSpec(PyObject *module,
                                                PyType_Spec *spec,
                                                PyObject *bases);
PyAPI_FUNC(PyObject *) PyType_FromMetaclass(PyTypeObject *metaclass,
                                            PyObject *module,
                                            PyType_Spec *spec,
                                            PyObject *bases);
PyAPI_FUNC(void *) PyType_GetSlot(PyTypeObject *type, int slot);
PyAPI_FUNC(PyObject *) PyType_GetModule(PyTypeObject *type);
PyAPI_FUNC(void *) PyType_GetModuleState(PyTypeObject *type);
PyAPI_FUNC(PyObject *) PyType_GetModuleByDef(PyTypeObject *type,
                                             PyModuleDef *def);
PyAPI_FUNC(PyObject *) PyType_GetName(PyTypeObject *type);
PyAPI_FUNC(PyObject *) PyType_GetQualName(PyTypeObject *type);
PyAPI_FUNC(PyObject *) PyType_GetFullyQualifiedName(PyTypeObject *type);
PyAPI_FUNC(PyObject *) PyType_GetModuleName(PyTypeObject *type);
PyAPI_FUNC(PyObject *) PyType_GetDict(PyTypeObject *type);
PyAPI_FUNC(void *) PyObject_GetTypeData(PyObject *obj, PyTypeObject *cls);
PyAPI_FUNC(Py_ssize_t) PyType_GetTypeDataSize(PyTypeObject *cls);
PyAPI_FUNC(void *) PyObject_GetItemData(PyObject *obj);
PyAPI_FUNC(int) PyType_GetBaseByToken(PyTypeObject *type, void *token,
                                      PyTypeObject **result);
PyAPI_FUNC(int) PyType_Freeze(PyTypeObject *type);

/* ------------------------------------------------------------------ */
/* Type objects and generic type operations                            */

PyAPI_FUNC(int) PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b);

static inline int _PyObject_TypeCheck(PyObject *ob, PyTypeObject *type)
{
    return Py_IS_TYPE(ob, type) || PyType_IsSubtype(Py_TYPE(ob), type);
}
#define PyObject_TypeCheck(ob, type) \
    _PyObject_TypeCheck(_PyObject_CAST(ob), (type))
#define _PyType_CAST(op) _Py_CAST(PyTypeObject *, (op))

PyAPI_DATA(PyTypeObject) PyType_Type;          /* 'type' */
PyAPI_DATA(PyTypeObject) PyBaseObject_Type;    /* 'object' */
PyAPI_DATA(PyTypeObject) PySuper_Type;         /* 'super' */

PyAPI_FUNC(unsigned long) PyType_GetFlags(PyTypeObject *type);
PyAPI_FUNC(int) PyType_Ready(PyTypeObject *type);
/* name looked up along type's MRO: borrowed, NULL without an exception. */
PyAPI_FUNC(PyObject *) _PyType_Lookup(PyTypeObject *type, PyObject *name);
PyAPI_FUNC(PyObject *) PyType_GenericAlloc(PyTypeObject *type,
                                           Py_ssize_t nitems);
PyAPI_FUNC(PyObject *) PyType_GenericNew(PyTypeObject *type, PyObject *args,
                                         PyObject *kwds);
PyAPI_FUNC(unsigned int) PyType_ClearCache(void);
PyAPI_FUNC(void) PyType_Modified(PyTypeObject *type);

/* The last dotted component of tp_name. */
PyAPI_FUNC(const char *) _PyType_Name(PyTypeObject *type);
/* _PyType_Lookup's result as a new reference. */
PyAPI_FUNC(PyObject *) _PyType_LookupRef(PyTypeObject *type, PyObject *name);
/* Always 1: a type's tp_version_tag is set when it crosses into C. */
PyAPI_FUNC(int) PyUnstable_Type_AssignVersionTag(PyTypeObject *type);

/* Type watchers: the VM changes types without telling the layer. */
typedef int (*PyType_WatchCallback)(PyTypeObject *type);
PyAPI_FUNC(int) PyType_AddWatcher(PyType_WatchCallback callback);
PyAPI_FUNC(int) PyType_ClearWatcher(int watcher_id);
PyAPI_FUNC(int) PyType_Watch(int watcher_id, PyObject *type);
PyAPI_FUNC(int) PyType_Unwatch(int watcher_id, PyObject *type);

/* ------------------------------------------------------------------ */
/* Generic object operations                                           */

PyAPI_FUNC(PyObject *) PyObject_Repr(PyObject *o);
PyAPI_FUNC(PyObject *) PyObject_Str(PyObject *o);
PyAPI_FUNC(PyObject *) PyObject_ASCII(PyObject *o);
PyAPI_FUNC(PyObject *) PyObject_Bytes(PyObject *o);
PyAPI_FUNC(PyObject *) PyObject_RichCompare(PyObject *o1, PyObject *o2,
                                            int opid);
PyAPI_FUNC(int) PyObject_RichCompareBool(PyObject *o1, PyObject *o2, int opid);
PyAPI_FUNC(PyObject *) PyObject_GetAttrString(PyObject *o,
                                              const char *attr_name);
PyAPI_FUNC(int) PyObject_SetAttrString(PyObject *o, const char *attr_name,
                                       PyObject *v);
PyAPI_FUNC(int) PyObject_DelAttrString(PyObject *o, const char *attr_name);
PyAPI_FUNC(int) PyObject_HasAttrString(PyObject *o, const char *attr_name);
PyAPI_FUNC(PyObject *) PyObject_GetAttr(PyObject *o, PyObject *attr_name);
PyAPI_FUNC(int) PyObject_GetOptionalAttr(PyObject *obj, PyObject *attr_name,
                                         PyObject **result);
PyAPI_FUNC(int) PyObject_GetOptionalAttrString(PyObject *obj,
                                               const char *attr_name,
                                               PyObject **result);
PyAPI_FUNC(int) PyObject_SetAttr(PyObject *o, PyObject *attr_name,
                                 PyObject *v);
PyAPI_FUNC(int) PyObject_DelAttr(PyObject *o, PyObject *attr_name);
PyAPI_FUNC(int) PyObject_HasAttr(PyObject *o, PyObject *attr_name);
PyAPI_FUNC(int) PyObject_HasAttrWithError(PyObject *o, PyObject *attr_name);
PyAPI_FUNC(int) PyObject_HasAttrStringWithError(PyObject *o,
                                                const char *attr_name);
PyAPI_FUNC(PyObject *) PyObject_SelfIter(PyObject *o);
PyAPI_FUNC(PyObject *) PyObject_GenericGetAttr(PyObject *o, PyObject *name);
PyAPI_FUNC(int) PyObject_GenericSetAttr(PyObject *o, PyObject *name,
                                        PyObject *value);
PyAPI_FUNC(PyObject *) PyObject_GenericGetDict(PyObject *o, void *context);
PyAPI_FUNC(int) PyObject_GenericSetDict(PyObject *o, PyObject *value,
                                        void *context);
PyAPI_FUNC(Py_hash_t) PyObject_Hash(PyObject *o);
PyAPI_FUNC(Py_hash_t) PyObject_HashNotImplemented(PyObject *o);
PyAPI_FUNC(int) PyObject_IsTrue(PyObject *o);
PyAPI_FUNC(int) PyObject_Not(PyObject *o);
PyAPI_FUNC(int) PyCallable_Check(PyObject *o);
PyAPI_FUNC(void) PyObject_ClearWeakRefs(PyObject *o);
PyAPI_FUNC(PyObject *) PyObject_Dir(PyObject *o);
PyAPI_FUNC(int) PyObject_Print(PyObject *o, FILE *fp, int flags);
PyAPI_FUNC(void) PyObject_CallFinalizer(PyObject *o);
PyAPI_FUNC(int) PyObject_CallFinalizerFromDealloc(PyObject *o);
PyAPI_FUNC(int) PyObject_VisitManagedDict(PyObject *obj, visitproc visit,
                                          void *arg);
PyAPI_FUNC(void) PyObject_ClearManagedDict(PyObject *obj);
/* Private, but used by real code: where obj's instance dict pointer is. */
PyAPI_FUNC(PyObject **) _PyObject_GetDictPtr(PyObject *obj);
/* Generic attribute access looking in `dict` instead of the instance
 * dict (NULL: the instance dict); `suppress` turns AttributeError into
 * NULL without an exception. */
PyAPI_FUNC(PyObject *) _PyObject_GenericGetAttrWithDict(PyObject *obj,
                                                        PyObject *name,
                                                        PyObject *dict,
                                                        int suppress);
PyAPI_FUNC(int) _PyObject_GenericSetAttrWithDict(PyObject *obj,
                                                 PyObject *name,
                                                 PyObject *value,
                                                 PyObject *dict);
PyAPI_FUNC(int) _PyObject_SetManagedDict(PyObject *obj, PyObject *new_dict);
/* "module.qualname()" for a callable, for error messages. */
PyAPI_FUNC(PyObject *) _PyObject_FunctionStr(PyObject *x);
/* Weak references live in the VM: nothing to clear in C memory. */
PyAPI_FUNC(void) PyUnstable_Object_ClearWeakRefsNoCallbacks(PyObject *obj);

/* Debugging aids: a description of an object on stderr; a function to
 * put a breakpoint on. */
PyAPI_FUNC(void) _PyObject_Dump(PyObject *op);
PyAPI_FUNC(void) _Py_BreakPoint(void);
/* Reports a failed assertion about obj (expr, msg, function may be NULL)
 * and aborts. */
PyAPI_FUNC(void) _Py_NO_RETURN _PyObject_AssertFailed(
    PyObject *obj, const char *expr, const char *msg, const char *file,
    int line, const char *function);
#ifdef NDEBUG
#  define _PyObject_ASSERT_FROM(obj, expr, msg, filename, lineno, func) \
    ((void)0)
#else
#  define _PyObject_ASSERT_FROM(obj, expr, msg, filename, lineno, func) \
    ((expr) ? (void)(0) \
            : _PyObject_AssertFailed((obj), Py_STRINGIFY(expr), (msg), \
                                     (filename), (lineno), (func)))
#endif
#define _PyObject_ASSERT_WITH_MSG(obj, expr, msg) \
    _PyObject_ASSERT_FROM((obj), expr, (msg), __FILE__, __LINE__, __func__)
#define _PyObject_ASSERT(obj, expr) _PyObject_ASSERT_WITH_MSG((obj), expr, NULL)
#define _PyObject_ASSERT_FAILED_MSG(obj, msg) \
    _PyObject_AssertFailed((obj), NULL, (msg), __FILE__, __LINE__, __func__)

/* Identifiers: a static C string whose interned str is made once, on
 * first use, and kept for the life of the process. */
typedef struct _Py_Identifier {
    const char *string;
    Py_ssize_t index;           /* -1 until first use */
    struct {
        uint8_t v;
    } mutex;
} _Py_Identifier;

#define _Py_static_string_init(value) { (value), -1, { 0 } }
#define _Py_static_string(varname, value) \
    static _Py_Identifier varname = _Py_static_string_init(value)
#define _Py_IDENTIFIER(varname) _Py_static_string(PyId_##varname, #varname)

/* The identifier's interned str, borrowed (the layer keeps it). */
PyAPI_FUNC(PyObject *) _PyUnicode_FromId(_Py_Identifier *id);
PyAPI_FUNC(PyObject *) _PyObject_GetAttrId(PyObject *obj,
                                           _Py_Identifier *name);

/* Reference tracers: objects the VM makes and frees are not reported. */
typedef enum {
    PyRefTracer_CREATE = 0,
    PyRefTracer_DESTROY = 1
} PyRefTracerEvent;
typedef int (*PyRefTracer)(PyObject *obj, PyRefTracerEvent event, void *data);
PyAPI_FUNC(int) PyRefTracer_SetTracer(PyRefTracer tracer, void *data);
PyAPI_FUNC(PyRefTracer) PyRefTracer_GetTracer(void **data);

/* Guards for recursive reprs of containers. */
PyAPI_FUNC(int) Py_ReprEnter(PyObject *o);
PyAPI_FUNC(void) Py_ReprLeave(PyObject *o);

/* Unstable reference-count queries (3.14). */
PyAPI_FUNC(int) PyUnstable_IsImmortal(PyObject *op);
PyAPI_FUNC(int) PyUnstable_Object_IsUniquelyReferenced(PyObject *op);
PyAPI_FUNC(int) PyUnstable_Object_IsUniqueReferencedTemporary(PyObject *op);
PyAPI_FUNC(int) PyUnstable_Object_EnableDeferredRefcount(PyObject *op);
PyAPI_FUNC(int) PyUnstable_TryIncRef(PyObject *op);
PyAPI_FUNC(void) PyUnstable_EnableTryIncRef(PyObject *op);

#define Py_PRINT_RAW 1          /* PyObject_Print: str() instead of repr() */

/* ------------------------------------------------------------------ */
/* tp_flags bits                                                       */

#define Py_TPFLAGS_HAVE_FINALIZE (1UL << 0)
#define _Py_TPFLAGS_STATIC_BUILTIN (1UL << 1)
#define Py_TPFLAGS_INLINE_VALUES (1UL << 2)
#define Py_TPFLAGS_MANAGED_WEAKREF (1UL << 3)
#define Py_TPFLAGS_MANAGED_DICT (1UL << 4)
#define Py_TPFLAGS_PREHEADER \
    (Py_TPFLAGS_MANAGED_WEAKREF | Py_TPFLAGS_MANAGED_DICT)
#define Py_TPFLAGS_SEQUENCE (1UL << 5)
#define Py_TPFLAGS_MAPPING (1UL << 6)
#define Py_TPFLAGS_DISALLOW_INSTANTIATION (1UL << 7)
#define Py_TPFLAGS_IMMUTABLETYPE (1UL << 8)
#define Py_TPFLAGS_HEAPTYPE (1UL << 9)
#define Py_TPFLAGS_BASETYPE (1UL << 10)
#define Py_TPFLAGS_HAVE_VECTORCALL (1UL << 11)
#define _Py_TPFLAGS_HAVE_VECTORCALL Py_TPFLAGS_HAVE_VECTORCALL
#define Py_TPFLAGS_READY (1UL << 12)
#define Py_TPFLAGS_READYING (1UL << 13)
#define Py_TPFLAGS_HAVE_GC (1UL << 14)
#define Py_TPFLAGS_HAVE_STACKLESS_EXTENSION 0
#define Py_TPFLAGS_METHOD_DESCRIPTOR (1UL << 17)
#define Py_TPFLAGS_HAVE_VERSION_TAG (1UL << 18)
#define Py_TPFLAGS_VALID_VERSION_TAG (1UL << 19)
#define Py_TPFLAGS_IS_ABSTRACT (1UL << 20)
#define _Py_TPFLAGS_MATCH_SELF (1UL << 22)
#define Py_TPFLAGS_ITEMS_AT_END (1UL << 23)

/* Fast subclass checks for the core builtin types. */
#define Py_TPFLAGS_LONG_SUBCLASS (1UL << 24)
#define Py_TPFLAGS_LIST_SUBCLASS (1UL << 25)
#define Py_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#define Py_TPFLAGS_BYTES_SUBCLASS (1UL << 27)
#define Py_TPFLAGS_UNICODE_SUBCLASS (1UL << 28)
#define Py_TPFLAGS_DICT_SUBCLASS (1UL << 29)
#define Py_TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#define Py_TPFLAGS_TYPE_SUBCLASS (1UL << 31)

#define Py_TPFLAGS_DEFAULT \
    (Py_TPFLAGS_HAVE_STACKLESS_EXTENSION | Py_TPFLAGS_HAVE_VERSION_TAG | 0)

/* ------------------------------------------------------------------ */
/* Reference counting                                                  */

PyAPI_FUNC(void) _Py_Dealloc(PyObject *op);
PyAPI_FUNC(void) Py_IncRef(PyObject *op);
PyAPI_FUNC(void) Py_DecRef(PyObject *op);
/* As Py_IncRef/Py_DecRef, for an object that is not NULL. */
PyAPI_FUNC(void) _Py_IncRef(PyObject *op);
PyAPI_FUNC(void) _Py_DecRef(PyObject *op);
/* Py_SET_REFCNT as a function. */
PyAPI_FUNC(void) _Py_SetRefcnt(PyObject *ob, Py_ssize_t refcnt);
/* A count of 1 for memory being made into an object (a free list's), or
 * brought back to life in its deallocator. */
PyAPI_FUNC(void) _Py_NewReference(PyObject *op);
PyAPI_FUNC(void) _Py_NewReferenceNoTotal(PyObject *op);
PyAPI_FUNC(void) _Py_ResurrectReference(PyObject *op);

static inline void Py_INCREF(PyObject *op)
{
    uint32_t cur = op->ob_refcnt;
    if ((int32_t)cur < 0) {
        return;                 /* immortal */
    }
    op->ob_refcnt = cur + 1;
}
#define Py_INCREF(op) Py_INCREF(_PyObject_CAST(op))

static inline void Py_DECREF(PyObject *op)
{
    if (_Py_IsImmortal(op)) {
        return;
    }
    if (--op->ob_refcnt == 0) {
        _Py_Dealloc(op);
    }
}
#define Py_DECREF(op) Py_DECREF(_PyObject_CAST(op))

static inline void Py_XINCREF(PyObject *op)
{
    if (op != _Py_NULL) {
        Py_INCREF(op);
    }
}
#define Py_XINCREF(op) Py_XINCREF(_PyObject_CAST(op))

static inline void Py_XDECREF(PyObject *op)
{
    if (op != _Py_NULL) {
        Py_DECREF(op);
    }
}
#define Py_XDECREF(op) Py_XDECREF(_PyObject_CAST(op))

static inline PyObject *_Py_NewRef(PyObject *obj)
{
    Py_INCREF(obj);
    return obj;
}
static inline PyObject *_Py_XNewRef(PyObject *obj)
{
    Py_XINCREF(obj);
    return obj;
}
PyAPI_FUNC(PyObject *) Py_NewRef(PyObject *obj);
PyAPI_FUNC(PyObject *) Py_XNewRef(PyObject *obj);
#define Py_NewRef(obj) _Py_NewRef(_PyObject_CAST(obj))
#define Py_XNewRef(obj) _Py_XNewRef(_PyObject_CAST(obj))

/* Set the variable to NULL before dropping the reference, so a destructor
 * running under Py_DECREF never sees the stale pointer. */
#define Py_CLEAR(op) \
    do { \
        __typeof__(op) *_py_clear_ptr = &(op); \
        __typeof__(op) _py_clear_old = *_py_clear_ptr; \
        if (_py_clear_old != _Py_NULL) { \
            *_py_clear_ptr = _Py_NULL; \
            Py_DECREF(_py_clear_old); \
        } \
    } while (0)

/* Replace dst by src (a new reference) and release the old value. */
#define Py_SETREF(dst, src) \
    do { \
        __typeof__(dst) *_py_setref_ptr = &(dst); \
        __typeof__(dst) _py_setref_old = *_py_setref_ptr; \
        *_py_setref_ptr = (src); \
        Py_DECREF(_py_setref_old); \
    } while (0)

#define Py_XSETREF(dst, src) \
    do { \
        __typeof__(dst) *_py_setref_ptr = &(dst); \
        __typeof__(dst) _py_setref_old = *_py_setref_ptr; \
        *_py_setref_ptr = (src); \
        Py_XDECREF(_py_setref_old); \
    } while (0)

/* Deep-dealloc protection lives in _Py_Dealloc, as in CPython 3.14: a
 * deallocation nested too deeply is deferred until the outermost one
 * returns. The markers remain for the code written for older versions. */
Py_CPYEXT_MISSING("Py_TRASHCAN_HEADROOM is gone in CPython 3.14: the trashcan "
                  "runs inside _Py_Dealloc, with a depth of its own")
extern const int _Py_cpyext_trashcan_headroom;
#define Py_TRASHCAN_HEADROOM _Py_cpyext_trashcan_headroom
PyAPI_FUNC(void) _PyTrash_thread_deposit_object(PyThreadState *tstate,
                                                PyObject *op);
PyAPI_FUNC(void) _PyTrash_thread_destroy_chain(PyThreadState *tstate);
PyAPI_FUNC(int) _PyTrash_begin(PyThreadState *tstate, PyObject *op);
PyAPI_FUNC(void) _PyTrash_end(PyThreadState *tstate);
#define Py_TRASHCAN_BEGIN(op, dealloc)
#define Py_TRASHCAN_END

/* ------------------------------------------------------------------ */
/* Singletons                                                          */

PyAPI_DATA(PyObject) _Py_NoneStruct;
PyAPI_DATA(PyObject) _Py_NotImplementedStruct;
PyAPI_DATA(PyTypeObject) _PyNone_Type;
PyAPI_DATA(PyTypeObject) _PyNotImplemented_Type;

#define Py_None (&_Py_NoneStruct)
#define Py_NotImplemented (&_Py_NotImplementedStruct)

PyAPI_FUNC(int) Py_IsNone(PyObject *x);
#define Py_IsNone(x) Py_Is((x), Py_None)

#define Py_RETURN_NONE return Py_NewRef(Py_None)
#define Py_RETURN_NOTIMPLEMENTED return Py_NewRef(Py_NotImplemented)

/* Constants for Py_GetConstant() / Py_GetConstantBorrowed(). */
#define Py_CONSTANT_NONE 0
#define Py_CONSTANT_FALSE 1
#define Py_CONSTANT_TRUE 2
#define Py_CONSTANT_ELLIPSIS 3
#define Py_CONSTANT_NOT_IMPLEMENTED 4
#define Py_CONSTANT_ZERO 5
#define Py_CONSTANT_ONE 6
#define Py_CONSTANT_EMPTY_STR 7
#define Py_CONSTANT_EMPTY_BYTES 8
#define Py_CONSTANT_EMPTY_TUPLE 9

PyAPI_FUNC(PyObject *) Py_GetConstant(unsigned int constant_id);
PyAPI_FUNC(PyObject *) Py_GetConstantBorrowed(unsigned int constant_id);

/* ------------------------------------------------------------------ */
/* Rich comparison                                                     */

#define Py_LT 0
#define Py_LE 1
#define Py_EQ 2
#define Py_NE 3
#define Py_GT 4
#define Py_GE 5

/* Return the result of comparing two C values with a rich-compare op.
 * Uses Py_True/Py_False, which boolobject.h defines. */
#define Py_RETURN_RICHCOMPARE(val1, val2, op) \
    do { \
        switch (op) { \
        case Py_EQ: if ((val1) == (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE; \
        case Py_NE: if ((val1) != (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE; \
        case Py_LT: if ((val1) < (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE; \
        case Py_GT: if ((val1) > (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE; \
        case Py_LE: if ((val1) <= (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE; \
        case Py_GE: if ((val1) >= (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE; \
        default: Py_UNREACHABLE(); \
        } \
    } while (0)

/* ------------------------------------------------------------------ */
/* Feature and subclass tests on tp_flags (inline reads)               */

static inline int PyType_HasFeature(PyTypeObject *type, unsigned long feature)
{
    return (type->tp_flags & feature) != 0;
}

#define PyType_FastSubclass(type, flag) PyType_HasFeature((type), (flag))

static inline int _PyType_Check(PyObject *op)
{
    return PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TYPE_SUBCLASS);
}
#define PyType_Check(op) _PyType_Check(_PyObject_CAST(op))

#define PyType_CheckExact(op) Py_IS_TYPE((op), &PyType_Type)

#ifdef __cplusplus
}
#endif
#endif /* !Py_OBJECT_H */
