/* capi_objects4: ordered dicts, the builtin iterator types, pickle
 * buffers, complex arithmetic (_Py_c_*), the private str writer
 * (_PyUnicodeWriter), the deprecated codec functions on str, surrogates,
 * and the private slice, bytes, int and dict helpers, as C uses them. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>

/* Some of these are deprecated (the str codec functions; the private
 * writer in 3.14): using them is the point. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

/* The raised exception, taken (PyErr_GetRaisedException is 3.12+). */
static PyObject *
take_exception(void)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    Py_XDECREF(type);
    Py_XDECREF(tb);
    return value;
}

/* ---- ordered dicts ---------------------------------------------------- */

/* Applies ("set", k, v) / ("del", k) steps to a new OrderedDict; returns
 * it with, per step, 0 or the exception raised. */
static PyObject *
odict_steps(PyObject *m, PyObject *steps)
{
    PyObject *od = PyODict_New();
    PyObject *log = PyList_New(0);
    if (od == NULL || log == NULL) {
        goto fail;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(steps); i++) {
        PyObject *step = PyList_GET_ITEM(steps, i);
        const char *op = PyUnicode_AsUTF8(PyTuple_GET_ITEM(step, 0));
        PyObject *key = PyTuple_GET_ITEM(step, 1);
        int r = strcmp(op, "set") == 0 ? PyODict_SetItem(od, key, PyTuple_GET_ITEM(step, 2))
                                       : PyODict_DelItem(od, key);
        PyObject *entry;
        if (r < 0) {
            entry = take_exception();
        }
        else {
            entry = PyLong_FromLong(r);
        }
        if (entry == NULL || PyList_Append(log, entry) < 0) {
            Py_XDECREF(entry);
            goto fail;
        }
        Py_DECREF(entry);
    }
    return Py_BuildValue("(NN)", od, log);
fail:
    Py_XDECREF(od);
    Py_XDECREF(log);
    return NULL;
}

/* The read macros on an OrderedDict: (check, check_exact, size, SIZE,
 * item or None, contains, item by C string or None). */
static PyObject *
odict_reads(PyObject *m, PyObject *args)
{
    PyObject *od, *key;
    const char *skey;
    if (!PyArg_ParseTuple(args, "OOs", &od, &key, &skey)) {
        return NULL;
    }
    PyObject *item = PyODict_GetItemWithError(od, key);
    if (item == NULL && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *sitem = PyODict_GetItemString(od, skey);
    int contains = PyODict_Contains(od, key);
    if (contains < 0) {
        return NULL;
    }
    return Py_BuildValue("(iinnOiO)", PyODict_Check(od), PyODict_CheckExact(od), PyODict_Size(od),
                         PyODict_SIZE(od), item ? item : Py_None, contains, sitem ? sitem : Py_None);
}

static PyObject *
odict_types(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("(OOOOO)", &PyODict_Type, &PyODictIter_Type, &PyODictKeys_Type,
                         &PyODictItems_Type, &PyODictValues_Type);
}

static PyObject *
builtin_types(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("(OOO)", &PyFilter_Type, &PyMap_Type, &PyZip_Type);
}

/* ---- pickle buffers --------------------------------------------------- */

/* (is PickleBuffer, bytes of its buffer, len, readonly, ndim, itemsize) */
static PyObject *
picklebuf_view(PyObject *m, PyObject *obj)
{
    const Py_buffer *view = PyPickleBuffer_GetBuffer(obj);
    if (view == NULL) {
        return NULL;
    }
    /* A second call gives the same, still valid view. */
    if (PyPickleBuffer_GetBuffer(obj) != view) {
        PyErr_SetString(PyExc_AssertionError, "a second GetBuffer gave another view");
        return NULL;
    }
    return Py_BuildValue("(iy#niin)", PyPickleBuffer_Check(obj), (const char *)view->buf, view->len,
                         view->len, view->readonly, view->ndim, view->itemsize);
}

static PyObject *
picklebuf_new(PyObject *m, PyObject *obj)
{
    return PyPickleBuffer_FromObject(obj);
}

static PyObject *
picklebuf_release(PyObject *m, PyObject *obj)
{
    if (PyPickleBuffer_Release(obj) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *
picklebuf_check(PyObject *m, PyObject *obj)
{
    return PyBool_FromLong(PyPickleBuffer_Check(obj));
}

/* ---- complex arithmetic ----------------------------------------------- */

/* (op, a, b): the result and errno as (complex or float, errno). The
 * complex numbers pass as their parts. */
static PyObject *
c_arith(PyObject *m, PyObject *args)
{
    const char *op;
    PyObject *ca, *cb = NULL;
    Py_complex b = {0.0, 0.0}, r;
    if (!PyArg_ParseTuple(args, "sO!|O!", &op, &PyComplex_Type, &ca, &PyComplex_Type, &cb)) {
        return NULL;
    }
    Py_complex a = {PyComplex_RealAsDouble(ca), PyComplex_ImagAsDouble(ca)};
    if (cb != NULL) {
        b.real = PyComplex_RealAsDouble(cb);
        b.imag = PyComplex_ImagAsDouble(cb);
    }
    errno = 0;
    if (strcmp(op, "abs") == 0) {
        double v = _Py_c_abs(a);
        int e = errno;
        return Py_BuildValue("(di)", v, e);
    }
    if (strcmp(op, "sum") == 0) r = _Py_c_sum(a, b);
    else if (strcmp(op, "diff") == 0) r = _Py_c_diff(a, b);
    else if (strcmp(op, "neg") == 0) r = _Py_c_neg(a);
    else if (strcmp(op, "prod") == 0) r = _Py_c_prod(a, b);
    else if (strcmp(op, "quot") == 0) r = _Py_c_quot(a, b);
    else if (strcmp(op, "pow") == 0) r = _Py_c_pow(a, b);
    else {
        PyErr_SetString(PyExc_ValueError, op);
        return NULL;
    }
    int e = errno;
    return Py_BuildValue("(Ni)", PyComplex_FromDoubles(r.real, r.imag), e);
}

/* ---- the private str writer ------------------------------------------- */

/* Applies (op, *args) steps to one _PyUnicodeWriter and finishes it:
 * ("ascii", bytes), ("latin1", bytes), ("char", int), ("str", s),
 * ("sub", s, start, end), ("raw", [code points]) (Prepare, then
 * PyUnicode_WRITE into the buffer), ("kind", kind), ("overallocate",),
 * ("min_length", n). A failing step ends the run: the writer is
 * deallocated and the exception returned. */
static PyObject *
writer_run(PyObject *m, PyObject *steps)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(steps); i++) {
        PyObject *t = PyList_GET_ITEM(steps, i);
        const char *op = PyUnicode_AsUTF8(PyTuple_GET_ITEM(t, 0));
        PyObject *a = PyTuple_GET_SIZE(t) > 1 ? PyTuple_GET_ITEM(t, 1) : NULL;
        int r = 0;
        if (strcmp(op, "ascii") == 0) {
            r = _PyUnicodeWriter_WriteASCIIString(&w, PyBytes_AS_STRING(a), PyBytes_GET_SIZE(a));
        }
        else if (strcmp(op, "ascii_nul") == 0) {
            r = _PyUnicodeWriter_WriteASCIIString(&w, PyBytes_AS_STRING(a), -1);
        }
        else if (strcmp(op, "latin1") == 0) {
            r = _PyUnicodeWriter_WriteLatin1String(&w, PyBytes_AS_STRING(a), PyBytes_GET_SIZE(a));
        }
        else if (strcmp(op, "char") == 0) {
            r = _PyUnicodeWriter_WriteChar(&w, (Py_UCS4)PyLong_AsUnsignedLong(a));
        }
        else if (strcmp(op, "str") == 0) {
            r = _PyUnicodeWriter_WriteStr(&w, a);
        }
        else if (strcmp(op, "sub") == 0) {
            r = _PyUnicodeWriter_WriteSubstring(&w, a, PyLong_AsSsize_t(PyTuple_GET_ITEM(t, 2)),
                                                PyLong_AsSsize_t(PyTuple_GET_ITEM(t, 3)));
        }
        else if (strcmp(op, "raw") == 0) {
            Py_ssize_t n = PyList_GET_SIZE(a);
            Py_UCS4 maxchar = 0;
            for (Py_ssize_t k = 0; k < n; k++) {
                Py_UCS4 ch = (Py_UCS4)PyLong_AsUnsignedLong(PyList_GET_ITEM(a, k));
                if (ch > maxchar) {
                    maxchar = ch;
                }
            }
            r = _PyUnicodeWriter_Prepare(&w, n, maxchar);
            if (r == 0) {
                if (w.size - w.pos < n || w.maxchar < maxchar) {
                    PyErr_SetString(PyExc_AssertionError, "Prepare left too little room");
                    r = -1;
                }
                for (Py_ssize_t k = 0; r == 0 && k < n; k++) {
                    PyUnicode_WRITE(w.kind, w.data, w.pos,
                                    (Py_UCS4)PyLong_AsUnsignedLong(PyList_GET_ITEM(a, k)));
                    w.pos++;
                }
            }
        }
        else if (strcmp(op, "kind") == 0) {
            int kind = (int)PyLong_AsLong(a);
            r = _PyUnicodeWriter_PrepareKind(&w, kind);
            if (r == 0 && w.kind < kind) {
                PyErr_SetString(PyExc_AssertionError, "PrepareKind left a smaller kind");
                r = -1;
            }
        }
        else if (strcmp(op, "overallocate") == 0) {
            w.overallocate = 1;
        }
        else if (strcmp(op, "min_length") == 0) {
            w.min_length = PyLong_AsSsize_t(a);
        }
        if (r < 0) {
            _PyUnicodeWriter_Dealloc(&w);
            return take_exception();
        }
    }
    return _PyUnicodeWriter_Finish(&w);
}

/* A writer abandoned half way: Dealloc releases it, and a new one works. */
static PyObject *
writer_dealloc(PyObject *m, PyObject *s)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    if (_PyUnicodeWriter_WriteStr(&w, s) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    _PyUnicodeWriter_Dealloc(&w);
    _PyUnicodeWriter_Init(&w);
    if (_PyUnicodeWriter_WriteChar(&w, 'x') < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

/* ---- str helpers ------------------------------------------------------ */

static PyObject *
str_codec(PyObject *m, PyObject *args)
{
    const char *which, *encoding, *errors = NULL;
    PyObject *obj;
    if (!PyArg_ParseTuple(args, "sOz|z", &which, &obj, &encoding, &errors)) {
        return NULL;
    }
    if (strcmp(which, "encoded_object") == 0) return PyUnicode_AsEncodedObject(obj, encoding, errors);
    if (strcmp(which, "encoded_unicode") == 0) return PyUnicode_AsEncodedUnicode(obj, encoding, errors);
    if (strcmp(which, "decoded_object") == 0) return PyUnicode_AsDecodedObject(obj, encoding, errors);
    return PyUnicode_AsDecodedUnicode(obj, encoding, errors);
}

/* For a code point: (is surrogate, is high, is low, high, low, joined) of
 * its surrogate pair (the pair parts for one beyond the BMP). */
static PyObject *
surrogates(PyObject *m, PyObject *arg)
{
    Py_UCS4 ch = (Py_UCS4)PyLong_AsUnsignedLong(arg);
    if (ch == (Py_UCS4)-1 && PyErr_Occurred()) {
        return NULL;
    }
    if (ch < 0x10000) {
        return Py_BuildValue("(iii)", Py_UNICODE_IS_SURROGATE(ch), Py_UNICODE_IS_HIGH_SURROGATE(ch),
                             Py_UNICODE_IS_LOW_SURROGATE(ch));
    }
    Py_UCS4 hi = Py_UNICODE_HIGH_SURROGATE(ch), lo = Py_UNICODE_LOW_SURROGATE(ch);
    return Py_BuildValue("(kkiik)", (unsigned long)hi, (unsigned long)lo, Py_UNICODE_IS_HIGH_SURROGATE(hi),
                         Py_UNICODE_IS_LOW_SURROGATE(lo), (unsigned long)Py_UNICODE_JOIN_SURROGATES(hi, lo));
}

/* _PyUnicode_FromId twice on one identifier: the same interned str. */
static PyObject *
from_id(PyObject *m, PyObject *unused)
{
#ifdef _Py_IDENTIFIER
    _Py_IDENTIFIER(capi_objects4_name);
    PyObject *a = _PyUnicode_FromId(&PyId_capi_objects4_name);
    PyObject *b = _PyUnicode_FromId(&PyId_capi_objects4_name);
    if (a == NULL || b == NULL) {
        return NULL;
    }
    return Py_BuildValue("(Oi)", a, a == b);
#else
    Py_RETURN_NONE;
#endif
}

/* A converter called directly: (result code, value or None); then its
 * cleanup call (NULL object) leaves NULL behind. */
static PyObject *
fs_convert(PyObject *m, PyObject *args)
{
    const char *which;
    PyObject *obj, *out = NULL;
    if (!PyArg_ParseTuple(args, "sO", &which, &obj)) {
        return NULL;
    }
    int (*conv)(PyObject *, void *) = which[0] == 'c' ? PyUnicode_FSConverter : PyUnicode_FSDecoder;
    int r = conv(obj, &out);
    if (r == 0) {
        return NULL;
    }
    PyObject *value = Py_NewRef(out);
    if (conv(NULL, &out) != 1 || out != NULL) {
        Py_DECREF(value);
        PyErr_SetString(PyExc_AssertionError, "the cleanup call did not release the result");
        return NULL;
    }
    return Py_BuildValue("(iN)", r, value);
}

/* The converters through PyArg_ParseTuple's O&. */
static PyObject *
fs_parse(PyObject *m, PyObject *args)
{
    PyObject *b = NULL, *s = NULL;
    if (!PyArg_ParseTuple(args, "O&O&", PyUnicode_FSConverter, &b, PyUnicode_FSDecoder, &s)) {
        return NULL;
    }
    return Py_BuildValue("(NN)", b, s);
}

/* PyFloat_Pack2 then PyFloat_Unpack2: (little-endian bytes, big-endian
 * bytes, unpacked). */
static PyObject *
float_pack2(PyObject *m, PyObject *arg)
{
    double x = PyFloat_AsDouble(arg);
    if (x == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    char le[2], be[2];
    if (PyFloat_Pack2(x, le, 1) < 0 || PyFloat_Pack2(x, be, 0) < 0) {
        return NULL;
    }
    double back = PyFloat_Unpack2(le, 1);
    if (back != PyFloat_Unpack2(be, 0) && !(back != back)) {
        PyErr_SetString(PyExc_AssertionError, "the two byte orders disagree");
        return NULL;
    }
    return Py_BuildValue("(y#y#d)", le, (Py_ssize_t)2, be, (Py_ssize_t)2, back);
}

static PyObject *
unicode_iter_type(PyObject *m, PyObject *unused)
{
    return Py_NewRef((PyObject *)&PyUnicodeIter_Type);
}

/* ---- slices, bytes, ints, dicts --------------------------------------- */

static PyObject *
slice_from_indices(PyObject *m, PyObject *args)
{
    Py_ssize_t a, b;
    if (!PyArg_ParseTuple(args, "nn", &a, &b)) {
        return NULL;
    }
    return _PySlice_FromIndices(a, b);
}

static PyObject *
slice_long_indices(PyObject *m, PyObject *args)
{
    PyObject *s, *length, *start, *stop, *step;
    if (!PyArg_ParseTuple(args, "O!O", &PySlice_Type, &s, &length)) {
        return NULL;
    }
    if (_PySlice_GetLongIndices((PySliceObject *)s, length, &start, &stop, &step) < 0) {
        return NULL;
    }
    return Py_BuildValue("(NNN)", start, stop, step);
}

/* PySlice_GetIndices: (result, exception or None, start, stop, step). */
static PyObject *
slice_get_indices(PyObject *m, PyObject *args)
{
    PyObject *s;
    Py_ssize_t length, start = -7, stop = -7, step = -7;
    if (!PyArg_ParseTuple(args, "On", &s, &length)) {
        return NULL;
    }
    int r = PySlice_GetIndices(s, length, &start, &stop, &step);
    PyObject *exc = take_exception();
    return Py_BuildValue("(iNnnn)", r, exc ? exc : Py_NewRef(Py_None), start, stop, step);
}

static PyObject *
bytes_join(PyObject *m, PyObject *args)
{
    PyObject *sep, *items;
    if (!PyArg_ParseTuple(args, "SO", &sep, &items)) {
        return NULL;
    }
    return _PyBytes_Join(sep, items);
}

/* An int C fills digit by digit through _PyLong_New. */
static PyObject *
long_from_new(PyObject *m, PyObject *args)
{
    PyObject *digits;
    int negative;
    if (!PyArg_ParseTuple(args, "O!p", &PyList_Type, &digits, &negative)) {
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(digits);
    PyLongObject *v = _PyLong_New(n);
    if (v == NULL) {
        return NULL;
    }
    digit *out;
#if PY_VERSION_HEX >= 0x030C0000
    out = v->long_value.ob_digit;
    v->long_value.lv_tag = n == 0 ? 1 : ((uintptr_t)n << 3) | (negative ? 2 : 0);
#else
    out = v->ob_digit;
    Py_SET_SIZE(v, negative ? -n : n);
#endif
    for (Py_ssize_t i = 0; i < n; i++) {
        out[i] = (digit)PyLong_AsUnsignedLong(PyList_GET_ITEM(digits, i));
    }
    return (PyObject *)v;
}

static PyObject *
long_from_digits(PyObject *m, PyObject *args)
{
#if PY_VERSION_HEX >= 0x030C0000
    PyObject *list;
    int negative;
    if (!PyArg_ParseTuple(args, "O!p", &PyList_Type, &list, &negative)) {
        return NULL;
    }
    digit d[8];
    Py_ssize_t n = PyList_GET_SIZE(list);
    for (Py_ssize_t i = 0; i < n && i < 8; i++) {
        d[i] = (digit)PyLong_AsUnsignedLong(PyList_GET_ITEM(list, i));
    }
    return (PyObject *)_PyLong_FromDigits(negative, n, d);
#else
    Py_RETURN_NONE;
#endif
}

/* (compact, compact value or None) of an int (3.12+). */
static PyObject *
long_compact(PyObject *m, PyObject *v)
{
#if PY_VERSION_HEX >= 0x030C0000
    const PyLongObject *l = (const PyLongObject *)v;
    if (_PyLong_IsCompact(l)) {
        return Py_BuildValue("(On)", Py_True, _PyLong_CompactValue(l));
    }
    return Py_BuildValue("(OO)", Py_False, Py_None);
#else
    Py_RETURN_NONE;
#endif
}

/* PyLong_AsNativeBytes (3.13): (result, the n bytes written); n 0 passes
 * a NULL buffer. */
static PyObject *
long_as_native(PyObject *m, PyObject *args)
{
#if PY_VERSION_HEX >= 0x030D0000
    PyObject *v;
    Py_ssize_t n;
    int flags;
    if (!PyArg_ParseTuple(args, "Oni", &v, &n, &flags)) {
        return NULL;
    }
    unsigned char buf[64];
    memset(buf, 0xA5, sizeof(buf));
    Py_ssize_t r = PyLong_AsNativeBytes(v, n ? buf : NULL, n, flags);
    if (r < 0) {
        return NULL;
    }
    return Py_BuildValue("(ny#)", r, (const char *)buf, n);
#else
    Py_RETURN_NONE;
#endif
}

/* PyLong_From[Unsigned]NativeBytes (3.13). */
static PyObject *
long_from_native(PyObject *m, PyObject *args)
{
#if PY_VERSION_HEX >= 0x030D0000
    const char *data;
    Py_ssize_t n;
    int flags, is_unsigned;
    if (!PyArg_ParseTuple(args, "y#ip", &data, &n, &flags, &is_unsigned)) {
        return NULL;
    }
    return is_unsigned ? PyLong_FromUnsignedNativeBytes(data, (size_t)n, flags)
                       : PyLong_FromNativeBytes(data, (size_t)n, flags);
#else
    Py_RETURN_NONE;
#endif
}

static PyObject *
long_gcd(PyObject *m, PyObject *args)
{
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "O!O!", &PyLong_Type, &a, &PyLong_Type, &b)) {
        return NULL;
    }
    return _PyLong_GCD(a, b);
}

static PyObject *
dict_pop(PyObject *m, PyObject *args)
{
    PyObject *d, *key, *dflt = NULL;
    if (!PyArg_ParseTuple(args, "O!O|O", &PyDict_Type, &d, &key, &dflt)) {
        return NULL;
    }
    return _PyDict_Pop(d, key, dflt);
}

/* The item or "NULL" (no error) or the error. */
static PyObject *
dict_get_string(PyObject *m, PyObject *args)
{
    PyObject *d;
    const char *key;
    if (!PyArg_ParseTuple(args, "Os", &d, &key)) {
        return NULL;
    }
    PyObject *v = _PyDict_GetItemStringWithError(d, key);
    if (v == NULL) {
        return PyErr_Occurred() ? NULL : PyUnicode_FromString("NULL");
    }
    return Py_NewRef(v);
}

/* PyDict_PopString (3.13): (found, value or None). */
static PyObject *
dict_pop_string(PyObject *m, PyObject *args)
{
#if PY_VERSION_HEX >= 0x030D0000
    PyObject *d, *v;
    const char *key;
    if (!PyArg_ParseTuple(args, "Os", &d, &key)) {
        return NULL;
    }
    int r = PyDict_PopString(d, key, &v);
    if (r < 0) {
        return NULL;
    }
    return Py_BuildValue("(iN)", r, v ? v : Py_NewRef(Py_None));
#else
    Py_RETURN_NONE;
#endif
}

/* The real layouts the cast macros name: (float value, bytes' first byte). */
static PyObject *
casts(PyObject *m, PyObject *args)
{
    PyObject *f, *b, *l;
    if (!PyArg_ParseTuple(args, "O!O!O!", &PyFloat_Type, &f, &PyBytes_Type, &b, &PyList_Type, &l)) {
        return NULL;
    }
#if PY_VERSION_HEX < 0x030C0000
#define _PyFloat_CAST(op) ((PyFloatObject *)(op)) /* 3.12+ */
#endif
    return Py_BuildValue("(dcn)", _PyFloat_CAST(f)->ob_fval, _PyBytes_CAST(b)->ob_sval[0],
                         Py_SIZE(_PyList_CAST(l)));
}

static PyMethodDef methods[] = {
    {"odict_steps", odict_steps, METH_O, NULL},
    {"odict_reads", odict_reads, METH_VARARGS, NULL},
    {"odict_types", odict_types, METH_NOARGS, NULL},
    {"builtin_types", builtin_types, METH_NOARGS, NULL},
    {"picklebuf_view", picklebuf_view, METH_O, NULL},
    {"picklebuf_new", picklebuf_new, METH_O, NULL},
    {"picklebuf_release", picklebuf_release, METH_O, NULL},
    {"picklebuf_check", picklebuf_check, METH_O, NULL},
    {"c_arith", c_arith, METH_VARARGS, NULL},
    {"writer_run", writer_run, METH_O, NULL},
    {"writer_dealloc", writer_dealloc, METH_O, NULL},
    {"str_codec", str_codec, METH_VARARGS, NULL},
    {"surrogates", surrogates, METH_O, NULL},
    {"from_id", from_id, METH_NOARGS, NULL},
    {"fs_convert", fs_convert, METH_VARARGS, NULL},
    {"fs_parse", fs_parse, METH_VARARGS, NULL},
    {"float_pack2", float_pack2, METH_O, NULL},
    {"unicode_iter_type", unicode_iter_type, METH_NOARGS, NULL},
    {"slice_from_indices", slice_from_indices, METH_VARARGS, NULL},
    {"slice_long_indices", slice_long_indices, METH_VARARGS, NULL},
    {"slice_get_indices", slice_get_indices, METH_VARARGS, NULL},
    {"bytes_join", bytes_join, METH_VARARGS, NULL},
    {"long_from_new", long_from_new, METH_VARARGS, NULL},
    {"long_from_digits", long_from_digits, METH_VARARGS, NULL},
    {"long_compact", long_compact, METH_O, NULL},
    {"long_gcd", long_gcd, METH_VARARGS, NULL},
    {"long_as_native", long_as_native, METH_VARARGS, NULL},
    {"long_from_native", long_from_native, METH_VARARGS, NULL},
    {"dict_pop", dict_pop, METH_VARARGS, NULL},
    {"dict_get_string", dict_get_string, METH_VARARGS, NULL},
    {"dict_pop_string", dict_pop_string, METH_VARARGS, NULL},
    {"casts", casts, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "capi_objects4", NULL, 0, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC
PyInit_capi_objects4(void)
{
    return PyModule_Create(&def);
}
