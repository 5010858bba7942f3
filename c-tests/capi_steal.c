/* capi_steal: the functions that steal a reference, on their success and
 * their failure paths.  Checked by test_capi_steal.py.
 *
 *   PyList_SetItem, PyTuple_SetItem  steal the item always, even when they
 *                                    fail (bad index, wrong type, shared
 *                                    tuple), and release the item replaced
 *   PyErr_Restore                    steals type, value and traceback
 *   PyModule_AddObject               steals only on success
 *   PyModule_AddObjectRef            never steals
 *   PyModule_Add (3.13+)             steals always, even when it fails
 *
 * Getting this wrong is a leak or a double free in every extension that
 * follows the documented contract, so each path is checked.
 *
 * "Released" is observed through Sentinel, a static C type whose
 * tp_dealloc counts.  Absolute Py_REFCNT values are not asserted: on
 * rustpy ob_refcnt counts only C's references, so they differ from
 * CPython's for objects the VM also holds.  Each function records the
 * counter, makes a sentinel, performs the operation, drops exactly the
 * references the contract leaves to the caller, and reports how many
 * sentinels died at each step.  Too few is a leak; a double free shows as
 * too many (or a crash).
 *
 * Not tested, because CPython itself gives no contract to compare with:
 *   - PyErr_Restore(NULL, value, tb) with value or tb non-NULL, which the
 *     documentation forbids: 3.11 keeps value in the indicator (unseen by
 *     PyErr_Occurred) until the next clear; 3.12+ leaks it.
 *   - PyModule_AddObject*(mod, NULL, value): CPython crashes.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define ARG(i)                                  \
    PyObject *a##i = PyTuple_GetItem(args, i);  \
    if (a##i == NULL) {                         \
        return NULL;                            \
    }

/* ---- Sentinel: an object whose death is counted ----------------------- */

/* How many sentinels have been deallocated, read as deltas; and how many
 * made, so that live ones (a leak at the end) can be counted too. */
static Py_ssize_t deallocs = 0;
static Py_ssize_t made = 0;

static void
sentinel_dealloc(PyObject *op)
{
    deallocs++;
    /* static, non-GC, not a base type: no type reference to drop */
    Py_TYPE(op)->tp_free(op);
}

static PyObject *sentinel_new(PyTypeObject *type, PyObject *args, PyObject *kwds);

static PyTypeObject SentinelType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "capi_steal.Sentinel",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = sentinel_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "An object whose deallocation is counted.",
    .tp_new = sentinel_new,
};

static PyObject *
new_sentinel(void)
{
    PyObject *s = (PyObject *)PyObject_New(PyObject, &SentinelType);
    if (s != NULL) {
        made++;
    }
    return s;
}

/* Sentinel() from Python: counted like the ones C makes */
static PyObject *
sentinel_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return new_sentinel();
}

/* A heap exception type: unlike the builtin ones (immortal since 3.12)
 * its reference count moves, so a leaked or over-released type shows. */
static PyObject *StealError = NULL;

static PyObject *
get_deallocs(PyObject *self, PyObject *ignored)
{
    return PyLong_FromSsize_t(deallocs);
}

/* sentinels made and not yet deallocated */
static PyObject *
get_live(PyObject *self, PyObject *ignored)
{
    return PyLong_FromSsize_t(made - deallocs);
}

static PyObject *
make_sentinel(PyObject *self, PyObject *ignored)
{
    return new_sentinel();
}

/* The pending exception, normalized, as a new reference; None if none.
 * The indicator is clear afterwards. */
static PyObject *
take_exception(void)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) {
        Py_XDECREF(v);
        Py_XDECREF(tb);
        Py_RETURN_NONE;
    }
    PyErr_NormalizeException(&t, &v, &tb);
    Py_XDECREF(t);
    Py_XDECREF(tb);
    if (v == NULL) {
        Py_RETURN_NONE;
    }
    return v;
}

/* (rc, deaths when the call returned, exception or None, deaths after the
 * caller dropped what it still owns) */
static PyObject *
report(int rc, Py_ssize_t at_return, PyObject *exc, Py_ssize_t after)
{
    if (exc == NULL) {
        return NULL;
    }
    return Py_BuildValue("(inNn)", rc, at_return, exc, after);
}

/* ---- PyList_SetItem ---------------------------------------------------- */

/* setitem_new_sentinel(setter, (target, i)): setter(target, i, <new
 * sentinel>).  -> (rc, deaths at return, exception or None).  The caller
 * owns nothing afterwards, success or not. */
static PyObject *
setitem_new_sentinel(int (*setter)(PyObject *, Py_ssize_t, PyObject *), PyObject *args)
{
    ARG(0) ARG(1)
    Py_ssize_t i = PyLong_AsSsize_t(a1);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *s = new_sentinel();
    if (s == NULL) {
        return NULL;
    }
    Py_ssize_t d0 = deallocs;
    int rc = setter(a0, i, s);
    Py_ssize_t at_return = deallocs - d0;
    PyObject *exc = take_exception();
    if (exc == NULL) {
        return NULL;
    }
    return Py_BuildValue("(inN)", rc, at_return, exc);
}

/* list_setitem(target, i): PyList_SetItem(target, i, <new sentinel>). */
static PyObject *
list_setitem(PyObject *self, PyObject *args)
{
    return setitem_new_sentinel(PyList_SetItem, args);
}

/* A list made and dropped in C keeps the stolen item exactly as long as it
 * lives.  -> (rc, deaths while held, item is the sentinel, deaths after the
 * list is dropped) = (0, 0, True, 1) */
static PyObject *
list_setitem_owned(PyObject *self, PyObject *ignored)
{
    PyObject *l = PyList_New(2);
    if (l == NULL) {
        return NULL;
    }
    if (PyList_SetItem(l, 1, Py_NewRef(Py_None)) < 0) {
        Py_DECREF(l);
        return NULL;
    }
    PyObject *s = new_sentinel();
    if (s == NULL) {
        Py_DECREF(l);
        return NULL;
    }
    Py_ssize_t d0 = deallocs;
    int rc = PyList_SetItem(l, 0, s);
    Py_ssize_t held = deallocs - d0;
    int same = rc == 0 && PyList_GetItem(l, 0) == s;
    PyErr_Clear();
    Py_DECREF(l);
    return Py_BuildValue("(inNn)", rc, held, PyBool_FromLong(same), deallocs - d0);
}

/* ---- PyTuple_SetItem --------------------------------------------------- */

/* A fresh 2-tuple of None, only C has seen it. */
static PyObject *
fresh_pair(void)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, Py_NewRef(Py_None));
    PyTuple_SET_ITEM(t, 1, Py_NewRef(Py_None));
    return t;
}

/* tuple_setitem_fresh(i): PyTuple_SetItem(<fresh pair>, i, <sentinel>),
 * then drop the tuple.  -> report() */
static PyObject *
tuple_setitem_fresh(PyObject *self, PyObject *arg)
{
    Py_ssize_t i = PyLong_AsSsize_t(arg);
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *t = fresh_pair();
    if (t == NULL) {
        return NULL;
    }
    PyObject *s = new_sentinel();
    if (s == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    Py_ssize_t d0 = deallocs;
    int rc = PyTuple_SetItem(t, i, s);
    Py_ssize_t at_return = deallocs - d0;
    PyObject *exc = take_exception();
    Py_DECREF(t);
    return report(rc, at_return, exc, deallocs - d0);
}

/* tuple_setitem_returned(): a fresh (sentinel, None) built with
 * PyTuple_SetItem and handed to Python, which then owns the only
 * reference.  -> (tuple, rc) */
static PyObject *
tuple_setitem_returned(PyObject *self, PyObject *ignored)
{
    PyObject *t = fresh_pair();
    if (t == NULL) {
        return NULL;
    }
    PyObject *s = new_sentinel();
    if (s == NULL) {
        Py_DECREF(t);
        return NULL;
    }
    int rc = PyTuple_SetItem(t, 0, s);
    if (rc < 0) {
        Py_DECREF(t);
        return NULL;
    }
    return Py_BuildValue("(Ni)", t, rc);
}

/* A tuple someone else also references may not be changed: CPython raises
 * SystemError, and the item is still stolen.  -> report() with the slot
 * left alone: (rc, deaths at return, exception, deaths after both
 * references are dropped, slot 0 is still None) */
static PyObject *
tuple_setitem_shared(PyObject *self, PyObject *ignored)
{
    PyObject *t = fresh_pair();
    if (t == NULL) {
        return NULL;
    }
    PyObject *other = Py_NewRef(t); /* the second owner */
    PyObject *s = new_sentinel();
    if (s == NULL) {
        Py_DECREF(t);
        Py_DECREF(other);
        return NULL;
    }
    Py_ssize_t d0 = deallocs;
    int rc = PyTuple_SetItem(t, 0, s);
    Py_ssize_t at_return = deallocs - d0;
    PyObject *exc = take_exception();
    int untouched = PyTuple_GET_ITEM(t, 0) == Py_None;
    Py_DECREF(t);
    Py_DECREF(other);
    if (exc == NULL) {
        return NULL;
    }
    return Py_BuildValue("(inNnN)", rc, at_return, exc, deallocs - d0,
                         PyBool_FromLong(untouched));
}

/* tuple_setitem(target, i): PyTuple_SetItem on an object Python holds
 * (so never a fresh tuple). */
static PyObject *
tuple_setitem(PyObject *self, PyObject *args)
{
    return setitem_new_sentinel(PyTuple_SetItem, args);
}

/* Setting a slot twice releases the first item at once.
 * -> (deaths after the second set, deaths after the tuple is dropped)
 *  = (1, 2) */
static PyObject *
tuple_setitem_replace(PyObject *self, PyObject *ignored)
{
    PyObject *t = fresh_pair();
    if (t == NULL) {
        return NULL;
    }
    Py_ssize_t d0 = deallocs;
    for (int k = 0; k < 2; k++) {
        PyObject *s = new_sentinel();
        if (s == NULL || PyTuple_SetItem(t, 0, s) < 0) {
            Py_DECREF(t);
            return NULL;
        }
    }
    Py_ssize_t replaced = deallocs - d0;
    Py_DECREF(t);
    return Py_BuildValue("(nn)", replaced, deallocs - d0);
}

/* ---- PyErr_Restore ----------------------------------------------------- */

/* A new StealError(<sentinel>): the exception owns the only reference to
 * the sentinel, so the sentinel dies with the exception. */
static PyObject *
error_holding_sentinel(void)
{
    PyObject *s = new_sentinel();
    if (s == NULL) {
        return NULL;
    }
    PyObject *e = PyObject_CallOneArg(StealError, s);
    Py_DECREF(s);
    return e;
}

/* Restore, then Fetch: the same objects come back, and once the fetched
 * references are dropped everything is gone.
 * -> (deaths while set, PyErr_Occurred() is the type, same type, same
 *     value, traceback NULL, deaths after fetch, deaths after drop,
 *     type refcount delta) = (0, True, True, True, True, 0, 1, 0) */
static PyObject *
restore_fetch(PyObject *self, PyObject *ignored)
{
    if (PyErr_Occurred()) {
        return NULL;
    }
    /* counted before the instance exists: a heap type's instance holds a
     * reference to it, released when the instance dies */
    Py_ssize_t r0 = Py_REFCNT(StealError);
    PyObject *v = error_holding_sentinel();
    if (v == NULL) {
        return NULL;
    }
    Py_ssize_t d0 = deallocs;
    PyErr_Restore(Py_NewRef(StealError), v, NULL); /* v is no longer ours */
    Py_ssize_t set = deallocs - d0;
    int occurred = PyErr_Occurred() == StealError;
    PyObject *ft, *fv, *ftb;
    PyErr_Fetch(&ft, &fv, &ftb);
    int same_type = ft == StealError;
    int same_value = fv == v;
    int no_tb = ftb == NULL;
    Py_ssize_t fetched = deallocs - d0;
    Py_XDECREF(ft);
    Py_XDECREF(fv);
    Py_XDECREF(ftb);
    return Py_BuildValue("(nNNNNnnn)", set, PyBool_FromLong(occurred),
                         PyBool_FromLong(same_type), PyBool_FromLong(same_value),
                         PyBool_FromLong(no_tb), fetched, deallocs - d0,
                         Py_REFCNT(StealError) - r0);
}

/* Restore, then PyErr_Clear releases all three.
 * -> (deaths while set, deaths after clear, indicator clear, type refcount
 *     delta) = (0, 1, True, 0) */
static PyObject *
restore_clear(PyObject *self, PyObject *ignored)
{
    if (PyErr_Occurred()) {
        return NULL;
    }
    /* counted before the instance exists: a heap type's instance holds a
     * reference to it, released when the instance dies */
    Py_ssize_t r0 = Py_REFCNT(StealError);
    PyObject *v = error_holding_sentinel();
    if (v == NULL) {
        return NULL;
    }
    Py_ssize_t d0 = deallocs;
    PyErr_Restore(Py_NewRef(StealError), v, NULL);
    Py_ssize_t set = deallocs - d0;
    PyErr_Clear();
    int clear = PyErr_Occurred() == NULL;
    return Py_BuildValue("(nnNn)", set, deallocs - d0, PyBool_FromLong(clear),
                         Py_REFCNT(StealError) - r0);
}

/* restore_traceback(tb, clear): Restore with a real traceback (one Python
 * made), then Fetch it back (clear false) or PyErr_Clear (clear true).
 * -> (fetched the same traceback (None when cleared), deaths after
 *     everything is dropped, traceback refcount delta, type refcount delta)
 *  = (True or None, 1, 0, 0) */
static PyObject *
restore_traceback(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1)
    int clear = PyObject_IsTrue(a1);
    if (clear < 0 || PyErr_Occurred()) {
        return NULL;
    }
    Py_ssize_t rt0 = Py_REFCNT(StealError); /* before the instance, as above */
    PyObject *v = error_holding_sentinel();
    if (v == NULL) {
        return NULL;
    }
    Py_ssize_t rb0 = Py_REFCNT(a0);
    Py_ssize_t d0 = deallocs;
    PyErr_Restore(Py_NewRef(StealError), v, Py_NewRef(a0));
    PyObject *same_tb;
    if (clear) {
        PyErr_Clear();
        same_tb = Py_NewRef(Py_None);
    }
    else {
        PyObject *ft, *fv, *ftb;
        PyErr_Fetch(&ft, &fv, &ftb);
        same_tb = PyBool_FromLong(ftb == a0);
        Py_XDECREF(ft);
        Py_XDECREF(fv);
        Py_XDECREF(ftb);
    }
    return Py_BuildValue("(Nnnn)", same_tb, deallocs - d0, Py_REFCNT(a0) - rb0,
                         Py_REFCNT(StealError) - rt0);
}

/* Restoring over a pending exception releases the old one at once.
 * -> (deaths after the second restore, deaths after clear) = (1, 2) */
static PyObject *
restore_replaces(PyObject *self, PyObject *ignored)
{
    if (PyErr_Occurred()) {
        return NULL;
    }
    PyObject *first = error_holding_sentinel();
    if (first == NULL) {
        return NULL;
    }
    PyObject *second = error_holding_sentinel();
    if (second == NULL) {
        Py_DECREF(first);
        return NULL;
    }
    Py_ssize_t d0 = deallocs;
    PyErr_Restore(Py_NewRef(StealError), first, NULL);
    PyErr_Restore(Py_NewRef(StealError), second, NULL);
    Py_ssize_t replaced = deallocs - d0;
    PyErr_Clear();
    return Py_BuildValue("(nn)", replaced, deallocs - d0);
}

/* PyErr_Restore(NULL, NULL, NULL) clears a pending exception and releases
 * it.  -> (deaths, indicator clear) = (1, True) */
static PyObject *
restore_null_clears(PyObject *self, PyObject *ignored)
{
    if (PyErr_Occurred()) {
        return NULL;
    }
    PyObject *v = error_holding_sentinel();
    if (v == NULL) {
        return NULL;
    }
    Py_ssize_t d0 = deallocs;
    PyErr_Restore(Py_NewRef(StealError), v, NULL);
    PyErr_Restore(NULL, NULL, NULL);
    int clear = PyErr_Occurred() == NULL;
    return Py_BuildValue("(nN)", deallocs - d0, PyBool_FromLong(clear));
}

/* restore_unnormalized(clear): the value is not an exception instance
 * but the sentinel itself (legal: an unnormalized triple).  Fetched and
 * normalized it is StealError(sentinel); either way it is released.
 * -> (deaths while set, normalized is a StealError (None when cleared),
 *     its args are (sentinel,) (None when cleared), deaths at the end)
 *  = (0, True, True, 1) or (0, None, None, 1) */
static PyObject *
restore_unnormalized(PyObject *self, PyObject *arg)
{
    int clear = PyObject_IsTrue(arg);
    if (clear < 0 || PyErr_Occurred()) {
        return NULL;
    }
    PyObject *s = new_sentinel();
    if (s == NULL) {
        return NULL;
    }
    Py_ssize_t d0 = deallocs;
    PyErr_Restore(Py_NewRef(StealError), s, NULL); /* s is no longer ours */
    Py_ssize_t set = deallocs - d0;
    PyObject *is_inst, *args_ok;
    if (clear) {
        PyErr_Clear();
        is_inst = Py_NewRef(Py_None);
        args_ok = Py_NewRef(Py_None);
    }
    else {
        PyObject *ft, *fv, *ftb;
        PyErr_Fetch(&ft, &fv, &ftb);
        PyErr_NormalizeException(&ft, &fv, &ftb);
        int inst = fv != NULL && PyObject_TypeCheck(fv, (PyTypeObject *)StealError);
        int ok = 0;
        if (inst) {
            PyObject *eargs = PyObject_GetAttrString(fv, "args");
            if (eargs == NULL) {
                PyErr_Clear();
            }
            else {
                ok = PyTuple_Check(eargs) && PyTuple_GET_SIZE(eargs) == 1 &&
                     PyTuple_GET_ITEM(eargs, 0) == s;
                Py_DECREF(eargs);
            }
        }
        Py_XDECREF(ft);
        Py_XDECREF(fv);
        Py_XDECREF(ftb);
        is_inst = PyBool_FromLong(inst);
        args_ok = PyBool_FromLong(ok);
    }
    return Py_BuildValue("(nNNn)", set, is_inst, args_ok, deallocs - d0);
}

/* A traceback that is not one: 3.11 drops it silently and keeps the
 * exception; 3.12+ replaces the exception with TypeError.  Both release
 * it (and 3.12+ the rejected value too) before returning.
 * -> (deaths at return, type of the pending exception, its message,
 *     deaths after it is dropped) */
static PyObject *
restore_bad_traceback(PyObject *self, PyObject *ignored)
{
    if (PyErr_Occurred()) {
        return NULL;
    }
    PyObject *v = error_holding_sentinel();
    if (v == NULL) {
        return NULL;
    }
    PyObject *tb = new_sentinel();
    if (tb == NULL) {
        Py_DECREF(v);
        return NULL;
    }
    Py_ssize_t d0 = deallocs;
    PyErr_Restore(Py_NewRef(StealError), v, tb);
    Py_ssize_t at_return = deallocs - d0;
    PyObject *exc = take_exception();
    if (exc == NULL) {
        return NULL;
    }
    PyObject *type = Py_NewRef((PyObject *)Py_TYPE(exc));
    PyObject *msg = PyObject_Str(exc);
    Py_DECREF(exc);
    if (msg == NULL) {
        Py_DECREF(type);
        return NULL;
    }
    return Py_BuildValue("(nNNn)", at_return, type, msg, deallocs - d0);
}

/* ---- PyModule_AddObject, PyModule_AddObjectRef, PyModule_Add ---------- */

enum { ADD_OBJECT, ADD_OBJECT_REF, ADD };

static int
add_with(int which, PyObject *mod, const char *name, PyObject *value)
{
    switch (which) {
    case ADD_OBJECT:
        return PyModule_AddObject(mod, name, value);
    case ADD_OBJECT_REF:
        return PyModule_AddObjectRef(mod, name, value);
#if PY_VERSION_HEX >= 0x030D0000
    case ADD:
        return PyModule_Add(mod, name, value);
#endif
    default:
        Py_XDECREF(value);
        PyErr_SetString(PyExc_SystemError, "no such function in these headers");
        return -1;
    }
}

/* Add a sentinel under `name` (bytes) to `target` the way a correct
 * caller would, dropping afterwards what the contract leaves to it:
 * AddObject: the value on failure only; AddObjectRef: always; Add: never.
 * -> report() */
static PyObject *
add_sentinel(int which, PyObject *args)
{
    ARG(0) ARG(1)
    const char *name = PyBytes_AsString(a1);
    if (name == NULL) {
        return NULL;
    }
    PyObject *s = new_sentinel();
    if (s == NULL) {
        return NULL;
    }
    Py_ssize_t d0 = deallocs;
    int rc = add_with(which, a0, name, s);
    Py_ssize_t at_return = deallocs - d0;
    PyObject *exc = take_exception();
    if (which == ADD_OBJECT_REF || (which == ADD_OBJECT && rc < 0)) {
        Py_DECREF(s);
    }
    return report(rc, at_return, exc, deallocs - d0);
}

/* add_object(target, name) */
static PyObject *
add_object(PyObject *self, PyObject *args)
{
    return add_sentinel(ADD_OBJECT, args);
}

/* add_object_ref(target, name) */
static PyObject *
add_object_ref(PyObject *self, PyObject *args)
{
    return add_sentinel(ADD_OBJECT_REF, args);
}

#if PY_VERSION_HEX >= 0x030D0000
/* add(target, name) */
static PyObject *
add(PyObject *self, PyObject *args)
{
    return add_sentinel(ADD, args);
}
#endif

/* add_null(which, target, with_error): value NULL, as when a constructor's
 * result is passed straight in.  with_error: set StealError("from the
 * constructor") first, as the failed constructor would have.
 * -> (rc, pending exception) */
static PyObject *
add_null(PyObject *self, PyObject *args)
{
    ARG(0) ARG(1) ARG(2)
    int which = (int)PyLong_AsLong(a0);
    if (which == -1 && PyErr_Occurred()) {
        return NULL;
    }
    int with_error = PyObject_IsTrue(a2);
    if (with_error < 0) {
        return NULL;
    }
    if (with_error) {
        PyErr_SetString(StealError, "from the constructor");
    }
    int rc = add_with(which, a1, "nothing", NULL);
    PyObject *exc = take_exception();
    if (exc == NULL) {
        return NULL;
    }
    return Py_BuildValue("(iN)", rc, exc);
}

/* module_owns(which): add to a module made in C, drop the caller's share,
 * then the module.  -> (rc, deaths while the module lives, the module's
 * attribute is the sentinel, deaths after the module is dropped)
 *  = (0, 0, True, 1) */
static PyObject *
module_owns(PyObject *self, PyObject *arg)
{
    int which = (int)PyLong_AsLong(arg);
    if (which == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *m = PyModule_New("capi_steal_scratch");
    if (m == NULL) {
        return NULL;
    }
    PyObject *s = new_sentinel();
    if (s == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    Py_ssize_t d0 = deallocs;
    int rc = add_with(which, m, "s", s);
    if (rc < 0) {
        if (which == ADD_OBJECT) {
            Py_DECREF(s);
        }
        Py_DECREF(m);
        return NULL;
    }
    if (which == ADD_OBJECT_REF) {
        Py_DECREF(s);
    }
    Py_ssize_t held = deallocs - d0;
    PyObject *got = PyObject_GetAttrString(m, "s");
    int same = got == s;
    Py_XDECREF(got);
    PyErr_Clear();
    Py_DECREF(m);
    return Py_BuildValue("(inNn)", rc, held, PyBool_FromLong(same), deallocs - d0);
}

/* ---- module ------------------------------------------------------------ */

static PyMethodDef steal_methods[] = {
    {"deallocs", get_deallocs, METH_NOARGS, NULL},
    {"live", get_live, METH_NOARGS, NULL},
    {"make_sentinel", make_sentinel, METH_NOARGS, NULL},
    {"list_setitem", list_setitem, METH_VARARGS, NULL},
    {"list_setitem_owned", list_setitem_owned, METH_NOARGS, NULL},
    {"tuple_setitem_fresh", tuple_setitem_fresh, METH_O, NULL},
    {"tuple_setitem_returned", tuple_setitem_returned, METH_NOARGS, NULL},
    {"tuple_setitem_shared", tuple_setitem_shared, METH_NOARGS, NULL},
    {"tuple_setitem", tuple_setitem, METH_VARARGS, NULL},
    {"tuple_setitem_replace", tuple_setitem_replace, METH_NOARGS, NULL},
    {"restore_fetch", restore_fetch, METH_NOARGS, NULL},
    {"restore_clear", restore_clear, METH_NOARGS, NULL},
    {"restore_traceback", restore_traceback, METH_VARARGS, NULL},
    {"restore_replaces", restore_replaces, METH_NOARGS, NULL},
    {"restore_null_clears", restore_null_clears, METH_NOARGS, NULL},
    {"restore_unnormalized", restore_unnormalized, METH_O, NULL},
    {"restore_bad_traceback", restore_bad_traceback, METH_NOARGS, NULL},
    {"add_object", add_object, METH_VARARGS, NULL},
    {"add_object_ref", add_object_ref, METH_VARARGS, NULL},
#if PY_VERSION_HEX >= 0x030D0000
    {"add", add, METH_VARARGS, NULL},
#endif
    {"add_null", add_null, METH_VARARGS, NULL},
    {"module_owns", module_owns, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef steal_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "capi_steal",
    .m_doc = "Reference stealing on success and failure paths.",
    .m_size = -1,
    .m_methods = steal_methods,
};

PyMODINIT_FUNC
PyInit_capi_steal(void)
{
    if (PyType_Ready(&SentinelType) < 0) {
        return NULL;
    }
    if (StealError == NULL) {
        /* kept for the process's life: the functions use it directly */
        StealError = PyErr_NewException("capi_steal.StealError", NULL, NULL);
        if (StealError == NULL) {
            return NULL;
        }
    }
    PyObject *m = PyModule_Create(&steal_def);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Sentinel", (PyObject *)&SentinelType) < 0 ||
        PyModule_AddObjectRef(m, "StealError", StealError) < 0 ||
        PyModule_AddIntConstant(m, "PY_VERSION_HEX", PY_VERSION_HEX) < 0 ||
        PyModule_AddIntConstant(m, "ADD_OBJECT", ADD_OBJECT) < 0 ||
        PyModule_AddIntConstant(m, "ADD_OBJECT_REF", ADD_OBJECT_REF) < 0 ||
        PyModule_AddIntConstant(m, "ADD", ADD) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
