/* capi_datetime: the datetime C-API (datetime.h) as C extensions use it:
 * PyDateTime_IMPORT, the type checks, the field accessors (which read the
 * structs directly) and the constructors of the capsule's table. */
#include <Python.h>
#include <datetime.h>

/* checks(o): the ten Check/CheckExact macros, in the order date, datetime,
 * time, timedelta, tzinfo. */
static PyObject *
checks(PyObject *m, PyObject *o)
{
    return Py_BuildValue("(iiiiiiiiii)",
                         PyDate_Check(o), PyDate_CheckExact(o),
                         PyDateTime_Check(o), PyDateTime_CheckExact(o),
                         PyTime_Check(o), PyTime_CheckExact(o),
                         PyDelta_Check(o), PyDelta_CheckExact(o),
                         PyTZInfo_Check(o), PyTZInfo_CheckExact(o));
}

static PyObject *
date_fields(PyObject *m, PyObject *o)
{
    if (!PyDate_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "not a date");
        return NULL;
    }
    return Py_BuildValue("(iii)", PyDateTime_GET_YEAR(o), PyDateTime_GET_MONTH(o),
                         PyDateTime_GET_DAY(o));
}

/* (year, month, day, hour, minute, second, microsecond, fold, tzinfo) */
static PyObject *
datetime_fields(PyObject *m, PyObject *o)
{
    if (!PyDateTime_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "not a datetime");
        return NULL;
    }
    return Py_BuildValue("(iiiiiiiiO)", PyDateTime_GET_YEAR(o), PyDateTime_GET_MONTH(o),
                         PyDateTime_GET_DAY(o), PyDateTime_DATE_GET_HOUR(o),
                         PyDateTime_DATE_GET_MINUTE(o), PyDateTime_DATE_GET_SECOND(o),
                         PyDateTime_DATE_GET_MICROSECOND(o), PyDateTime_DATE_GET_FOLD(o),
                         PyDateTime_DATE_GET_TZINFO(o));
}

/* (hour, minute, second, microsecond, fold, tzinfo) */
static PyObject *
time_fields(PyObject *m, PyObject *o)
{
    if (!PyTime_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "not a time");
        return NULL;
    }
    return Py_BuildValue("(iiiiiO)", PyDateTime_TIME_GET_HOUR(o), PyDateTime_TIME_GET_MINUTE(o),
                         PyDateTime_TIME_GET_SECOND(o), PyDateTime_TIME_GET_MICROSECOND(o),
                         PyDateTime_TIME_GET_FOLD(o), PyDateTime_TIME_GET_TZINFO(o));
}

static PyObject *
delta_fields(PyObject *m, PyObject *o)
{
    if (!PyDelta_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "not a timedelta");
        return NULL;
    }
    return Py_BuildValue("(iii)", PyDateTime_DELTA_GET_DAYS(o), PyDateTime_DELTA_GET_SECONDS(o),
                         PyDateTime_DELTA_GET_MICROSECONDS(o));
}

/* The table's types and UTC, as objects. */
static PyObject *
capi_objects(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("(OOOOOO)", (PyObject *)PyDateTimeAPI->DateType,
                         (PyObject *)PyDateTimeAPI->DateTimeType,
                         (PyObject *)PyDateTimeAPI->TimeType,
                         (PyObject *)PyDateTimeAPI->DeltaType,
                         (PyObject *)PyDateTimeAPI->TZInfoType, PyDateTime_TimeZone_UTC);
}

/* tp_basicsize of each type beside the size of its struct. */
static PyObject *
sizes(PyObject *m, PyObject *unused)
{
    return Py_BuildValue("((nn)(nn)(nn)(nn)(nn))",
                         PyDateTimeAPI->DateType->tp_basicsize, (Py_ssize_t)sizeof(PyDateTime_Date),
                         PyDateTimeAPI->DateTimeType->tp_basicsize, (Py_ssize_t)sizeof(PyDateTime_DateTime),
                         PyDateTimeAPI->TimeType->tp_basicsize, (Py_ssize_t)sizeof(PyDateTime_Time),
                         PyDateTimeAPI->DeltaType->tp_basicsize, (Py_ssize_t)sizeof(PyDateTime_Delta),
                         PyDateTimeAPI->TZInfoType->tp_basicsize, (Py_ssize_t)sizeof(PyDateTime_TZInfo));
}

/* A second PyDateTime_IMPORT gives the same table. */
static PyObject *
reimport(PyObject *m, PyObject *unused)
{
    PyDateTime_CAPI *first = PyDateTimeAPI;
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL)
        return NULL;
    return PyBool_FromLong(PyDateTimeAPI == first);
}

static PyObject *
new_date(PyObject *m, PyObject *args)
{
    int y, mo, d;
    if (!PyArg_ParseTuple(args, "iii", &y, &mo, &d))
        return NULL;
    return PyDate_FromDate(y, mo, d);
}

static PyObject *
new_datetime(PyObject *m, PyObject *args)
{
    int y, mo, d, h, mi, s, us;
    if (!PyArg_ParseTuple(args, "iiiiiii", &y, &mo, &d, &h, &mi, &s, &us))
        return NULL;
    return PyDateTime_FromDateAndTime(y, mo, d, h, mi, s, us);
}

static PyObject *
new_datetime_fold(PyObject *m, PyObject *args)
{
    int y, mo, d, h, mi, s, us, fold;
    if (!PyArg_ParseTuple(args, "iiiiiiii", &y, &mo, &d, &h, &mi, &s, &us, &fold))
        return NULL;
    return PyDateTime_FromDateAndTimeAndFold(y, mo, d, h, mi, s, us, fold);
}

/* The table's constructor itself: a tzinfo and a type of the caller's. */
static PyObject *
new_datetime_ex(PyObject *m, PyObject *args)
{
    int y, mo, d, h, mi, s, us, fold;
    PyObject *tz;
    PyTypeObject *type;
    if (!PyArg_ParseTuple(args, "iiiiiiiOiO!", &y, &mo, &d, &h, &mi, &s, &us, &tz, &fold,
                          &PyType_Type, &type))
        return NULL;
    return PyDateTimeAPI->DateTime_FromDateAndTimeAndFold(y, mo, d, h, mi, s, us, tz, fold, type);
}

static PyObject *
new_time(PyObject *m, PyObject *args)
{
    int h, mi, s, us;
    if (!PyArg_ParseTuple(args, "iiii", &h, &mi, &s, &us))
        return NULL;
    return PyTime_FromTime(h, mi, s, us);
}

static PyObject *
new_time_fold(PyObject *m, PyObject *args)
{
    int h, mi, s, us, fold;
    if (!PyArg_ParseTuple(args, "iiiii", &h, &mi, &s, &us, &fold))
        return NULL;
    return PyTime_FromTimeAndFold(h, mi, s, us, fold);
}

static PyObject *
new_time_ex(PyObject *m, PyObject *args)
{
    int h, mi, s, us, fold;
    PyObject *tz;
    PyTypeObject *type;
    if (!PyArg_ParseTuple(args, "iiiiOiO!", &h, &mi, &s, &us, &tz, &fold, &PyType_Type, &type))
        return NULL;
    return PyDateTimeAPI->Time_FromTimeAndFold(h, mi, s, us, tz, fold, type);
}

static PyObject *
new_delta(PyObject *m, PyObject *args)
{
    int d, s, us;
    if (!PyArg_ParseTuple(args, "iii", &d, &s, &us))
        return NULL;
    return PyDelta_FromDSU(d, s, us);
}

static PyObject *
new_date_ex(PyObject *m, PyObject *args)
{
    int y, mo, d;
    PyTypeObject *type;
    if (!PyArg_ParseTuple(args, "iiiO!", &y, &mo, &d, &PyType_Type, &type))
        return NULL;
    return PyDateTimeAPI->Date_FromDate(y, mo, d, type);
}

static PyObject *
new_timezone(PyObject *m, PyObject *offset)
{
    return PyTimeZone_FromOffset(offset);
}

static PyObject *
new_timezone_named(PyObject *m, PyObject *args)
{
    PyObject *offset, *name;
    if (!PyArg_ParseTuple(args, "OO", &offset, &name))
        return NULL;
    return PyTimeZone_FromOffsetAndName(offset, name);
}

static PyObject *
datetime_from_timestamp(PyObject *m, PyObject *args)
{
    return PyDateTime_FromTimestamp(args);
}

/* (args tuple, kwargs dict) for the table's function itself. */
static PyObject *
datetime_from_timestamp_kw(PyObject *m, PyObject *args)
{
    PyObject *a, *kw;
    if (!PyArg_ParseTuple(args, "O!O!", &PyTuple_Type, &a, &PyDict_Type, &kw))
        return NULL;
    return PyDateTimeAPI->DateTime_FromTimestamp((PyObject *)PyDateTimeAPI->DateTimeType, a, kw);
}

static PyObject *
date_from_timestamp(PyObject *m, PyObject *args)
{
    return PyDate_FromTimestamp(args);
}

/* Built in C and read back in C at once: its fields, no Python between. */
static PyObject *
made_in_c(PyObject *m, PyObject *unused)
{
    PyObject *dt = PyDateTime_FromDateAndTimeAndFold(2001, 2, 3, 4, 5, 6, 654321, 1);
    if (dt == NULL)
        return NULL;
    PyObject *delta = PyDelta_FromDSU(-1, 0, 1);
    if (delta == NULL) {
        Py_DECREF(dt);
        return NULL;
    }
    PyObject *r = Py_BuildValue("(iiiiiiiiiii)", PyDateTime_GET_YEAR(dt), PyDateTime_GET_MONTH(dt),
                                PyDateTime_GET_DAY(dt), PyDateTime_DATE_GET_HOUR(dt),
                                PyDateTime_DATE_GET_MINUTE(dt), PyDateTime_DATE_GET_SECOND(dt),
                                PyDateTime_DATE_GET_MICROSECOND(dt), PyDateTime_DATE_GET_FOLD(dt),
                                PyDateTime_DELTA_GET_DAYS(delta), PyDateTime_DELTA_GET_SECONDS(delta),
                                PyDateTime_DELTA_GET_MICROSECONDS(delta));
    Py_DECREF(dt);
    Py_DECREF(delta);
    return r;
}

/* keep_tzinfo(datetime): keeps the tzinfo the accessor gives (a borrowed
 * reference, made C's own); kept() hands it back and lets go. */
static PyObject *kept_tzinfo;

static PyObject *
keep_tzinfo(PyObject *m, PyObject *o)
{
    if (!PyDateTime_Check(o)) {
        PyErr_SetString(PyExc_TypeError, "not a datetime");
        return NULL;
    }
    Py_XSETREF(kept_tzinfo, Py_NewRef(PyDateTime_DATE_GET_TZINFO(o)));
    Py_RETURN_NONE;
}

static PyObject *
kept(PyObject *m, PyObject *unused)
{
    PyObject *r = kept_tzinfo;
    kept_tzinfo = NULL;
    return r != NULL ? r : Py_NewRef(Py_None);
}

static PyMethodDef methods[] = {
    {"keep_tzinfo", keep_tzinfo, METH_O, NULL},
    {"kept", kept, METH_NOARGS, NULL},
    {"checks", checks, METH_O, NULL},
    {"date_fields", date_fields, METH_O, NULL},
    {"datetime_fields", datetime_fields, METH_O, NULL},
    {"time_fields", time_fields, METH_O, NULL},
    {"delta_fields", delta_fields, METH_O, NULL},
    {"capi_objects", capi_objects, METH_NOARGS, NULL},
    {"sizes", sizes, METH_NOARGS, NULL},
    {"reimport", reimport, METH_NOARGS, NULL},
    {"new_date", new_date, METH_VARARGS, NULL},
    {"new_date_ex", new_date_ex, METH_VARARGS, NULL},
    {"new_datetime", new_datetime, METH_VARARGS, NULL},
    {"new_datetime_fold", new_datetime_fold, METH_VARARGS, NULL},
    {"new_datetime_ex", new_datetime_ex, METH_VARARGS, NULL},
    {"new_time", new_time, METH_VARARGS, NULL},
    {"new_time_fold", new_time_fold, METH_VARARGS, NULL},
    {"new_time_ex", new_time_ex, METH_VARARGS, NULL},
    {"new_delta", new_delta, METH_VARARGS, NULL},
    {"new_timezone", new_timezone, METH_O, NULL},
    {"new_timezone_named", new_timezone_named, METH_VARARGS, NULL},
    {"datetime_from_timestamp", datetime_from_timestamp, METH_VARARGS, NULL},
    {"datetime_from_timestamp_kw", datetime_from_timestamp_kw, METH_VARARGS, NULL},
    {"date_from_timestamp", date_from_timestamp, METH_VARARGS, NULL},
    {"made_in_c", made_in_c, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "capi_datetime", NULL, -1, methods,
};

PyMODINIT_FUNC
PyInit_capi_datetime(void)
{
    /* As extensions do: the table is imported once, at module init. */
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL)
        return NULL;
    return PyModule_Create(&module);
}
