/* Prints the layout of every public struct declared in include/, for
 * tests/layout.rs, which compiles this file against include/ and compares
 * the numbers with cpyext::ffi (our Rust views) and with pyo3-ffi
 * (CPython 3.14's layouts).
 *
 * Output, one line each:
 *   struct NAME SIZE ALIGN
 *   field NAME FIELD OFFSET SIZE
 * FIELD may be a path into a nested struct (long_value.lv_tag).  Members of
 * an anonymous union/struct are listed under the enclosing struct, as C
 * names them.
 *
 * Every member must be listed: the Rust side checks that the listed fields
 * leave no hole as large as the struct's alignment, which a forgotten member
 * would. */
#include <Python.h>
#include <datetime.h>
#include <stddef.h>
#include <stdio.h>

#define STRUCT(T) \
    printf("struct %s %zu %zu\n", #T, sizeof(T), (size_t)_Alignof(T))
#define FIELD(T, f) \
    printf("field %s %s %zu %zu\n", #T, #f, offsetof(T, f), sizeof(((T *)0)->f))

/* CPython names this struct by its tag only. */
typedef struct _specialization_cache _specialization_cache;
typedef struct wrapperbase wrapperbase;

int main(void)
{
    /* object.h: object headers */
    STRUCT(PyObject);
    FIELD(PyObject, ob_refcnt_full);
    FIELD(PyObject, ob_refcnt);
    FIELD(PyObject, ob_overflow);
    FIELD(PyObject, ob_flags);
    FIELD(PyObject, ob_type);

    STRUCT(PyVarObject);
    FIELD(PyVarObject, ob_base);
    FIELD(PyVarObject, ob_size);

    /* object.h: the type object */
    STRUCT(PyTypeObject);
    FIELD(PyTypeObject, ob_base);
    FIELD(PyTypeObject, tp_name);
    FIELD(PyTypeObject, tp_basicsize);
    FIELD(PyTypeObject, tp_itemsize);
    FIELD(PyTypeObject, tp_dealloc);
    FIELD(PyTypeObject, tp_vectorcall_offset);
    FIELD(PyTypeObject, tp_getattr);
    FIELD(PyTypeObject, tp_setattr);
    FIELD(PyTypeObject, tp_as_async);
    FIELD(PyTypeObject, tp_repr);
    FIELD(PyTypeObject, tp_as_number);
    FIELD(PyTypeObject, tp_as_sequence);
    FIELD(PyTypeObject, tp_as_mapping);
    FIELD(PyTypeObject, tp_hash);
    FIELD(PyTypeObject, tp_call);
    FIELD(PyTypeObject, tp_str);
    FIELD(PyTypeObject, tp_getattro);
    FIELD(PyTypeObject, tp_setattro);
    FIELD(PyTypeObject, tp_as_buffer);
    FIELD(PyTypeObject, tp_flags);
    FIELD(PyTypeObject, tp_doc);
    FIELD(PyTypeObject, tp_traverse);
    FIELD(PyTypeObject, tp_clear);
    FIELD(PyTypeObject, tp_richcompare);
    FIELD(PyTypeObject, tp_weaklistoffset);
    FIELD(PyTypeObject, tp_iter);
    FIELD(PyTypeObject, tp_iternext);
    FIELD(PyTypeObject, tp_methods);
    FIELD(PyTypeObject, tp_members);
    FIELD(PyTypeObject, tp_getset);
    FIELD(PyTypeObject, tp_base);
    FIELD(PyTypeObject, tp_dict);
    FIELD(PyTypeObject, tp_descr_get);
    FIELD(PyTypeObject, tp_descr_set);
    FIELD(PyTypeObject, tp_dictoffset);
    FIELD(PyTypeObject, tp_init);
    FIELD(PyTypeObject, tp_alloc);
    FIELD(PyTypeObject, tp_new);
    FIELD(PyTypeObject, tp_free);
    FIELD(PyTypeObject, tp_is_gc);
    FIELD(PyTypeObject, tp_bases);
    FIELD(PyTypeObject, tp_mro);
    FIELD(PyTypeObject, tp_cache);
    FIELD(PyTypeObject, tp_subclasses);
    FIELD(PyTypeObject, tp_weaklist);
    FIELD(PyTypeObject, tp_del);
    FIELD(PyTypeObject, tp_version_tag);
    FIELD(PyTypeObject, tp_finalize);
    FIELD(PyTypeObject, tp_vectorcall);
    FIELD(PyTypeObject, tp_watched);
    FIELD(PyTypeObject, tp_versions_used);

    /* object.h: protocol method tables */
    STRUCT(PyNumberMethods);
    FIELD(PyNumberMethods, nb_add);
    FIELD(PyNumberMethods, nb_subtract);
    FIELD(PyNumberMethods, nb_multiply);
    FIELD(PyNumberMethods, nb_remainder);
    FIELD(PyNumberMethods, nb_divmod);
    FIELD(PyNumberMethods, nb_power);
    FIELD(PyNumberMethods, nb_negative);
    FIELD(PyNumberMethods, nb_positive);
    FIELD(PyNumberMethods, nb_absolute);
    FIELD(PyNumberMethods, nb_bool);
    FIELD(PyNumberMethods, nb_invert);
    FIELD(PyNumberMethods, nb_lshift);
    FIELD(PyNumberMethods, nb_rshift);
    FIELD(PyNumberMethods, nb_and);
    FIELD(PyNumberMethods, nb_xor);
    FIELD(PyNumberMethods, nb_or);
    FIELD(PyNumberMethods, nb_int);
    FIELD(PyNumberMethods, nb_reserved);
    FIELD(PyNumberMethods, nb_float);
    FIELD(PyNumberMethods, nb_inplace_add);
    FIELD(PyNumberMethods, nb_inplace_subtract);
    FIELD(PyNumberMethods, nb_inplace_multiply);
    FIELD(PyNumberMethods, nb_inplace_remainder);
    FIELD(PyNumberMethods, nb_inplace_power);
    FIELD(PyNumberMethods, nb_inplace_lshift);
    FIELD(PyNumberMethods, nb_inplace_rshift);
    FIELD(PyNumberMethods, nb_inplace_and);
    FIELD(PyNumberMethods, nb_inplace_xor);
    FIELD(PyNumberMethods, nb_inplace_or);
    FIELD(PyNumberMethods, nb_floor_divide);
    FIELD(PyNumberMethods, nb_true_divide);
    FIELD(PyNumberMethods, nb_inplace_floor_divide);
    FIELD(PyNumberMethods, nb_inplace_true_divide);
    FIELD(PyNumberMethods, nb_index);
    FIELD(PyNumberMethods, nb_matrix_multiply);
    FIELD(PyNumberMethods, nb_inplace_matrix_multiply);

    STRUCT(PySequenceMethods);
    FIELD(PySequenceMethods, sq_length);
    FIELD(PySequenceMethods, sq_concat);
    FIELD(PySequenceMethods, sq_repeat);
    FIELD(PySequenceMethods, sq_item);
    FIELD(PySequenceMethods, was_sq_slice);
    FIELD(PySequenceMethods, sq_ass_item);
    FIELD(PySequenceMethods, was_sq_ass_slice);
    FIELD(PySequenceMethods, sq_contains);
    FIELD(PySequenceMethods, sq_inplace_concat);
    FIELD(PySequenceMethods, sq_inplace_repeat);

    STRUCT(PyMappingMethods);
    FIELD(PyMappingMethods, mp_length);
    FIELD(PyMappingMethods, mp_subscript);
    FIELD(PyMappingMethods, mp_ass_subscript);

    STRUCT(PyAsyncMethods);
    FIELD(PyAsyncMethods, am_await);
    FIELD(PyAsyncMethods, am_aiter);
    FIELD(PyAsyncMethods, am_anext);
    FIELD(PyAsyncMethods, am_send);

    STRUCT(_specialization_cache);
    FIELD(_specialization_cache, getitem);
    FIELD(_specialization_cache, getitem_version);
    FIELD(_specialization_cache, init);

    STRUCT(PyHeapTypeObject);
    FIELD(PyHeapTypeObject, ht_type);
    FIELD(PyHeapTypeObject, as_async);
    FIELD(PyHeapTypeObject, as_number);
    FIELD(PyHeapTypeObject, as_mapping);
    FIELD(PyHeapTypeObject, as_sequence);
    FIELD(PyHeapTypeObject, as_buffer);
    FIELD(PyHeapTypeObject, ht_name);
    FIELD(PyHeapTypeObject, ht_slots);
    FIELD(PyHeapTypeObject, ht_qualname);
    FIELD(PyHeapTypeObject, ht_cached_keys);
    FIELD(PyHeapTypeObject, ht_module);
    FIELD(PyHeapTypeObject, _ht_tpname);
    FIELD(PyHeapTypeObject, ht_token);
    FIELD(PyHeapTypeObject, _spec_cache);

    STRUCT(PyBufferProcs);
    FIELD(PyBufferProcs, bf_getbuffer);
    FIELD(PyBufferProcs, bf_releasebuffer);

    /* object.h: type creation from a spec */
    STRUCT(PyType_Slot);
    FIELD(PyType_Slot, slot);
    FIELD(PyType_Slot, pfunc);

    STRUCT(PyType_Spec);
    FIELD(PyType_Spec, name);
    FIELD(PyType_Spec, basicsize);
    FIELD(PyType_Spec, itemsize);
    FIELD(PyType_Spec, flags);
    FIELD(PyType_Spec, slots);

    /* methodobject.h */
    STRUCT(PyMethodDef);
    FIELD(PyMethodDef, ml_name);
    FIELD(PyMethodDef, ml_meth);
    FIELD(PyMethodDef, ml_flags);
    FIELD(PyMethodDef, ml_doc);

    /* descrobject.h */
    STRUCT(PyMemberDef);
    FIELD(PyMemberDef, name);
    FIELD(PyMemberDef, type);
    FIELD(PyMemberDef, offset);
    FIELD(PyMemberDef, flags);
    FIELD(PyMemberDef, doc);

    STRUCT(PyGetSetDef);
    FIELD(PyGetSetDef, name);
    FIELD(PyGetSetDef, get);
    FIELD(PyGetSetDef, set);
    FIELD(PyGetSetDef, doc);
    FIELD(PyGetSetDef, closure);

    /* moduleobject.h */
    STRUCT(PyModuleDef_Base);
    FIELD(PyModuleDef_Base, ob_base);
    FIELD(PyModuleDef_Base, m_init);
    FIELD(PyModuleDef_Base, m_index);
    FIELD(PyModuleDef_Base, m_copy);

    STRUCT(PyModuleDef_Slot);
    FIELD(PyModuleDef_Slot, slot);
    FIELD(PyModuleDef_Slot, value);

    STRUCT(PyModuleDef);
    FIELD(PyModuleDef, m_base);
    FIELD(PyModuleDef, m_name);
    FIELD(PyModuleDef, m_doc);
    FIELD(PyModuleDef, m_size);
    FIELD(PyModuleDef, m_methods);
    FIELD(PyModuleDef, m_slots);
    FIELD(PyModuleDef, m_traverse);
    FIELD(PyModuleDef, m_clear);
    FIELD(PyModuleDef, m_free);

    /* pybuffer.h */
    STRUCT(PyDictObject);
    FIELD(PyDictObject, ob_base);
    FIELD(PyDictObject, ma_used);
    FIELD(PyDictObject, _ma_watcher_tag);
    FIELD(PyDictObject, ma_keys);
    FIELD(PyDictObject, ma_values);
    STRUCT(PyByteArrayObject);
    FIELD(PyByteArrayObject, ob_base);
    FIELD(PyByteArrayObject, ob_alloc);
    FIELD(PyByteArrayObject, ob_bytes);
    FIELD(PyByteArrayObject, ob_start);
    FIELD(PyByteArrayObject, ob_exports);
    STRUCT(PyCFunctionObject);
    FIELD(PyCFunctionObject, ob_base);
    FIELD(PyCFunctionObject, m_ml);
    FIELD(PyCFunctionObject, m_self);
    FIELD(PyCFunctionObject, m_module);
    FIELD(PyCFunctionObject, m_weakreflist);
    FIELD(PyCFunctionObject, vectorcall);
    STRUCT(PyCMethodObject);
    FIELD(PyCMethodObject, func);
    FIELD(PyCMethodObject, mm_class);
    STRUCT(PyDescrObject);
    FIELD(PyDescrObject, ob_base);
    FIELD(PyDescrObject, d_type);
    FIELD(PyDescrObject, d_name);
    FIELD(PyDescrObject, d_qualname);
    STRUCT(PyMethodObject);
    FIELD(PyMethodObject, ob_base);
    FIELD(PyMethodObject, im_func);
    FIELD(PyMethodObject, im_self);
    FIELD(PyMethodObject, im_weakreflist);
    FIELD(PyMethodObject, vectorcall);
    STRUCT(wrapperbase);
    FIELD(wrapperbase, name);
    FIELD(wrapperbase, offset);
    FIELD(wrapperbase, function);
    FIELD(wrapperbase, wrapper);
    FIELD(wrapperbase, doc);
    FIELD(wrapperbase, flags);
    FIELD(wrapperbase, name_strobj);
    STRUCT(Py_buffer);
    FIELD(Py_buffer, buf);
    FIELD(Py_buffer, obj);
    FIELD(Py_buffer, len);
    FIELD(Py_buffer, itemsize);
    FIELD(Py_buffer, readonly);
    FIELD(Py_buffer, ndim);
    FIELD(Py_buffer, format);
    FIELD(Py_buffer, shape);
    FIELD(Py_buffer, strides);
    FIELD(Py_buffer, suboffsets);
    FIELD(Py_buffer, internal);

    /* Concrete objects whose memory extensions read through macros. */
    STRUCT(PyTupleObject);
    FIELD(PyTupleObject, ob_base);
    FIELD(PyTupleObject, ob_hash);
    FIELD(PyTupleObject, ob_item);

    STRUCT(PyListObject);
    FIELD(PyListObject, ob_base);
    FIELD(PyListObject, ob_item);
    FIELD(PyListObject, allocated);

    STRUCT(PyFloatObject);
    FIELD(PyFloatObject, ob_base);
    FIELD(PyFloatObject, ob_fval);

    STRUCT(_PyLongValue);
    FIELD(_PyLongValue, lv_tag);
    FIELD(_PyLongValue, ob_digit);

    STRUCT(PyLongObject);
    FIELD(PyLongObject, ob_base);
    FIELD(PyLongObject, long_value);
    FIELD(PyLongObject, long_value.lv_tag);
    FIELD(PyLongObject, long_value.ob_digit);

    STRUCT(PyBytesObject);
    FIELD(PyBytesObject, ob_base);
    FIELD(PyBytesObject, ob_shash);
    FIELD(PyBytesObject, ob_sval);

    STRUCT(Py_complex);
    FIELD(Py_complex, real);
    FIELD(Py_complex, imag);

    STRUCT(PyComplexObject);
    FIELD(PyComplexObject, ob_base);
    FIELD(PyComplexObject, cval);

    /* Declared for reference (CPython's layouts); our macros call into the
     * layer instead of reading them. */
    STRUCT(PyASCIIObject);
    FIELD(PyASCIIObject, ob_base);
    FIELD(PyASCIIObject, length);
    FIELD(PyASCIIObject, hash);
    FIELD(PyASCIIObject, state);

    STRUCT(PyCompactUnicodeObject);
    FIELD(PyCompactUnicodeObject, _base);
    FIELD(PyCompactUnicodeObject, utf8_length);
    FIELD(PyCompactUnicodeObject, utf8);

    STRUCT(PyUnicodeObject);
    FIELD(PyUnicodeObject, _base);
    FIELD(PyUnicodeObject, data);

    STRUCT(PySliceObject);
    FIELD(PySliceObject, ob_base);
    FIELD(PySliceObject, start);
    FIELD(PySliceObject, stop);
    FIELD(PySliceObject, step);

    /* Small public structs that extensions allocate themselves. */
    STRUCT(PyCompilerFlags);
    FIELD(PyCompilerFlags, cf_flags);
    FIELD(PyCompilerFlags, cf_feature_version);

    STRUCT(Py_tss_t);
    FIELD(Py_tss_t, _is_initialized);
    FIELD(Py_tss_t, _key);

    STRUCT(PyMutex);
    FIELD(PyMutex, _bits);


    /* datetime.h: the accessor macros read these directly. */
    STRUCT(PyDateTime_Delta);
    FIELD(PyDateTime_Delta, ob_base);
    FIELD(PyDateTime_Delta, hashcode);
    FIELD(PyDateTime_Delta, days);
    FIELD(PyDateTime_Delta, seconds);
    FIELD(PyDateTime_Delta, microseconds);

    STRUCT(PyDateTime_TZInfo);
    FIELD(PyDateTime_TZInfo, ob_base);

    STRUCT(_PyDateTime_BaseTZInfo);
    FIELD(_PyDateTime_BaseTZInfo, ob_base);
    FIELD(_PyDateTime_BaseTZInfo, hashcode);
    FIELD(_PyDateTime_BaseTZInfo, hastzinfo);

    STRUCT(_PyDateTime_BaseTime);
    FIELD(_PyDateTime_BaseTime, ob_base);
    FIELD(_PyDateTime_BaseTime, hashcode);
    FIELD(_PyDateTime_BaseTime, hastzinfo);
    FIELD(_PyDateTime_BaseTime, data);

    STRUCT(PyDateTime_Time);
    FIELD(PyDateTime_Time, ob_base);
    FIELD(PyDateTime_Time, hashcode);
    FIELD(PyDateTime_Time, hastzinfo);
    FIELD(PyDateTime_Time, data);
    FIELD(PyDateTime_Time, fold);
    FIELD(PyDateTime_Time, tzinfo);

    STRUCT(PyDateTime_Date);
    FIELD(PyDateTime_Date, ob_base);
    FIELD(PyDateTime_Date, hashcode);
    FIELD(PyDateTime_Date, hastzinfo);
    FIELD(PyDateTime_Date, data);

    STRUCT(_PyDateTime_BaseDateTime);
    FIELD(_PyDateTime_BaseDateTime, ob_base);
    FIELD(_PyDateTime_BaseDateTime, hashcode);
    FIELD(_PyDateTime_BaseDateTime, hastzinfo);
    FIELD(_PyDateTime_BaseDateTime, data);

    STRUCT(PyDateTime_DateTime);
    FIELD(PyDateTime_DateTime, ob_base);
    FIELD(PyDateTime_DateTime, hashcode);
    FIELD(PyDateTime_DateTime, hastzinfo);
    FIELD(PyDateTime_DateTime, data);
    FIELD(PyDateTime_DateTime, fold);
    FIELD(PyDateTime_DateTime, tzinfo);

    STRUCT(PyDateTime_CAPI);
    FIELD(PyDateTime_CAPI, DateType);
    FIELD(PyDateTime_CAPI, DateTimeType);
    FIELD(PyDateTime_CAPI, TimeType);
    FIELD(PyDateTime_CAPI, DeltaType);
    FIELD(PyDateTime_CAPI, TZInfoType);
    FIELD(PyDateTime_CAPI, TimeZone_UTC);
    FIELD(PyDateTime_CAPI, Date_FromDate);
    FIELD(PyDateTime_CAPI, DateTime_FromDateAndTime);
    FIELD(PyDateTime_CAPI, Time_FromTime);
    FIELD(PyDateTime_CAPI, Delta_FromDelta);
    FIELD(PyDateTime_CAPI, TimeZone_FromTimeZone);
    FIELD(PyDateTime_CAPI, DateTime_FromTimestamp);
    FIELD(PyDateTime_CAPI, Date_FromTimestamp);
    FIELD(PyDateTime_CAPI, DateTime_FromDateAndTimeAndFold);
    FIELD(PyDateTime_CAPI, Time_FromTimeAndFold);

    return 0;
}
