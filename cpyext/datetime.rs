//! The datetime C-API (`datetime.h`): the C layouts of `date`, `datetime`,
//! `time` and `timedelta`, and the `datetime.datetime_CAPI` capsule.
//!
//! The VM's classes are RustPython's native `_datetime` (a port of CPython's
//! `_datetimemodule.c`, which `datetime.py` re-exports with `from _datetime
//! import *`); their payloads are private to RustPython's stdlib crate, so
//! the values are read through the classes' own descriptors.
//!
//! The capsule is set as `_datetime.datetime_CAPI` when `_datetime` is
//! executed (`overrides.rs` wraps its exec), as CPython's `_datetime` does;
//! `datetime.py`'s star import then makes it `datetime.datetime_CAPI`, which
//! is where `PyCapsule_Import` looks. The table it points at holds type
//! objects and UTC, which must be the faces the layer registers in `init`
//! (the static builtin types their faces refer to), so it is completed by
//! whichever of the two comes last: `_datetime`'s exec or `init`. C can
//! only read it after an extension has loaded, when both have run.

use crate::boundary::bad_internal_call;
use crate::ffi::{self, PyDateTime_CAPI, PyObject as CObject, PyTypeObject};
use crate::pystate::GilCell;
use crate::{c_slots, proxy, typeobject};
use rustpython_vm::{
    AsObject, Py, PyObject, PyObjectRef, PyRef, PyResult, VirtualMachine,
    builtins::{PyCapsule, PyDict, PyModule, PyStr, PyTuple, PyType, PyTypeRef},
    function::{FuncArgs, KwArgs},
};
use std::ffi::{CStr, c_char};
use std::sync::OnceLock;

/// The classes of `_datetime`, recorded when it is executed.
struct Classes {
    date: PyTypeRef,
    datetime: PyTypeRef,
    time: PyTypeRef,
    timedelta: PyTypeRef,
    tzinfo: PyTypeRef,
    timezone: PyTypeRef,
}

static CLASSES: OnceLock<Classes> = OnceLock::new();

const CAPSULE_NAME: &CStr = c"datetime.datetime_CAPI";

/// What the capsule points at; the types and UTC are null until [`complete`].
static CAPI: GilCell<PyDateTime_CAPI> = GilCell::new(PyDateTime_CAPI {
    DateType: std::ptr::null_mut(),
    DateTimeType: std::ptr::null_mut(),
    TimeType: std::ptr::null_mut(),
    DeltaType: std::ptr::null_mut(),
    TZInfoType: std::ptr::null_mut(),
    TimeZone_UTC: std::ptr::null_mut(),
    Date_FromDate: date_from_date,
    DateTime_FromDateAndTime: datetime_from_date_and_time,
    Time_FromTime: time_from_time,
    Delta_FromDelta: delta_from_delta,
    TimeZone_FromTimeZone: timezone_from_timezone,
    DateTime_FromTimestamp: datetime_from_timestamp,
    Date_FromTimestamp: date_from_timestamp,
    DateTime_FromDateAndTimeAndFold: datetime_from_date_and_time_and_fold,
    Time_FromTimeAndFold: time_from_time_and_fold,
});

#[derive(Clone, Copy)]
enum Kind {
    Date,
    DateTime,
    Time,
    Delta,
}

fn kind_of(cls: &Py<PyType>) -> Option<Kind> {
    let c = CLASSES.get()?;
    // datetime before date: it is date's subclass.
    if cls.fast_issubclass(&c.datetime) {
        Some(Kind::DateTime)
    } else if cls.fast_issubclass(&c.date) {
        Some(Kind::Date)
    } else if cls.fast_issubclass(&c.time) {
        Some(Kind::Time)
    } else if cls.fast_issubclass(&c.timedelta) {
        Some(Kind::Delta)
    } else {
        None
    }
}

/// `tp_basicsize` of the face of a datetime class (or a subclass): its
/// struct, so that C allocating or sizing one agrees with CPython.
pub fn basicsize(ty: &Py<PyType>) -> Option<usize> {
    Some(match kind_of(ty)? {
        Kind::Date => size_of::<ffi::PyDateTime_Date>(),
        Kind::DateTime => size_of::<ffi::PyDateTime_DateTime>(),
        Kind::Time => size_of::<ffi::PyDateTime_Time>(),
        Kind::Delta => size_of::<ffi::PyDateTime_Delta>(),
    })
}

/// `_datetime`'s exec, after the VM's own: records the classes and sets the
/// capsule.
pub fn module_exec(module: &Py<PyModule>, vm: &VirtualMachine) -> PyResult<()> {
    let m = module.as_object();
    let class = |name: &str| -> PyResult<PyTypeRef> {
        m.get_attr(vm.ctx.intern_str(name), vm)?
            .downcast::<PyType>()
            .map_err(|_| vm.new_system_error(format!("_datetime.{name} is not a class")))
    };
    let classes = Classes {
        date: class("date")?,
        datetime: class("datetime")?,
        time: class("time")?,
        timedelta: class("timedelta")?,
        tzinfo: class("tzinfo")?,
        timezone: class("timezone")?,
    };
    crate::pystate::enter(vm, || {
        // A second interpreter's `_datetime` has the same (static) classes.
        let _ = CLASSES.set(classes);
        let pointer = unsafe { CAPI.get() } as *mut PyDateTime_CAPI;
        let capsule = PyCapsule::new(pointer.cast(), Some(CAPSULE_NAME), None);
        let capsule = PyRef::new_ref(capsule, vm.ctx.types.capsule_type.to_owned(), None);
        m.set_attr("datetime_CAPI", capsule, vm)?;
        if crate::is_ready() { complete(vm) } else { Ok(()) }
    })
}

/// Fills the table's types and UTC, once both `_datetime` and the layer's
/// static objects exist (called by `init` and by [`module_exec`], with the
/// GIL held).
pub fn complete(vm: &VirtualMachine) -> PyResult<()> {
    let Some(c) = CLASSES.get() else { return Ok(()) };
    let capi = unsafe { CAPI.get() };
    if !capi.DateType.is_null() {
        return Ok(());
    }
    let utc = c.timezone.as_object().get_attr("utc", vm)?;
    // The table keeps its own reference, as CPython's does.
    capi.TimeZone_UTC = proxy::to_c_new(&utc, vm);
    capi.DateTimeType = proxy::type_as_c(&c.datetime, vm);
    capi.TimeType = proxy::type_as_c(&c.time, vm);
    capi.DeltaType = proxy::type_as_c(&c.timedelta, vm);
    capi.TZInfoType = proxy::type_as_c(&c.tzinfo, vm);
    // Last: it is what says the table is complete.
    capi.DateType = proxy::type_as_c(&c.date, vm);
    Ok(())
}

fn classes(vm: &VirtualMachine) -> PyResult<&'static Classes> {
    CLASSES.get().ok_or_else(|| vm.new_system_error("the datetime module is not imported"))
}

// ---------------------------------------------------------------------------
// Layout: CPython's structs, filled once when an object crosses (the
// objects are immutable).

pub static LAYOUT: proxy::Layout = proxy::Layout { flag: 0, create, realize: None, release: None };

/// Field `name` of `obj`, through `base`'s descriptor: a subclass that
/// shadows the name does not change what the struct holds, as in CPython.
fn field(base: &Py<PyType>, name: &str, obj: &PyObject, vm: &VirtualMachine) -> PyResult {
    let name = vm.ctx.intern_str(name);
    let descr = base.get_attr(name).ok_or_else(|| vm.new_attribute_error(name.as_str().to_owned()))?;
    vm.call_get_descriptor(&descr, obj).unwrap_or(Ok(descr))
}

fn int_fields<const N: usize>(base: &Py<PyType>, names: [&str; N], obj: &PyObject, vm: &VirtualMachine) -> PyResult<[i32; N]> {
    let mut out = [0; N];
    for (v, name) in out.iter_mut().zip(names) {
        *v = field(base, name, obj, vm)?.try_to_value(vm)?;
    }
    Ok(out)
}

/// `tzinfo` as the struct keeps it: `hastzinfo`, and a pointer whose
/// reference the proxy holds ([`proxy::Aux::Holds`]), as CPython's struct
/// holds one: C may keep what `PyDateTime_DATE_GET_TZINFO` gives it.
fn tzinfo_of(base: &Py<PyType>, obj: &PyObject, vm: &VirtualMachine) -> PyResult<Option<(proxy::CRef, *mut CObject)>> {
    let tz = field(base, "tzinfo", obj, vm)?;
    Ok((!vm.is_none(&tz)).then(|| proxy::CRef::new(&tz, vm)))
}

/// Records the tzinfo in the struct's fields and its reference beside it.
unsafe fn put_tzinfo(p: *mut CObject, tz: Option<(proxy::CRef, *mut CObject)>, hastzinfo: &mut c_char, field: &mut *mut CObject) {
    if let Some((held, ptr)) = tz {
        *hastzinfo = 1;
        *field = ptr;
        unsafe { proxy::set_aux(p, proxy::Aux::Holds(held)) };
    }
}

/// Big-endian, as CPython packs them.
fn put_time(data: &mut [u8], h: i32, m: i32, s: i32, us: i32) {
    data[0] = h as u8;
    data[1] = m as u8;
    data[2] = s as u8;
    data[3] = (us >> 16) as u8;
    data[4] = (us >> 8) as u8;
    data[5] = us as u8;
}

fn put_date(data: &mut [u8], y: i32, m: i32, d: i32) {
    data[0] = (y >> 8) as u8;
    data[1] = y as u8;
    data[2] = m as u8;
    data[3] = d as u8;
}

const DATE: [&str; 3] = ["year", "month", "day"];
const TIME: [&str; 5] = ["hour", "minute", "second", "microsecond", "fold"];

fn create(obj: &PyObject, tp: *mut PyTypeObject, vm: &VirtualMachine) -> Option<*mut CObject> {
    let kind = kind_of(obj.class())?;
    let c = CLASSES.get()?;
    // The descriptors of the VM's own classes cannot fail on their
    // instances; if one did, the generic path would give zeroed fields.
    let p = unsafe {
        match kind {
            Kind::Date => {
                let [y, m, d] = int_fields(&c.date, DATE, obj, vm).ok()?;
                let p = proxy::alloc(size_of::<ffi::PyDateTime_Date>(), tp);
                if let Some(s) = (p as *mut ffi::PyDateTime_Date).as_mut() {
                    s.hashcode = -1;
                    put_date(&mut s.data, y, m, d);
                }
                p
            }
            Kind::DateTime => {
                let [y, m, d] = int_fields(&c.datetime, DATE, obj, vm).ok()?;
                let [hh, mm, ss, us, fold] = int_fields(&c.datetime, TIME, obj, vm).ok()?;
                let tz = tzinfo_of(&c.datetime, obj, vm).ok()?;
                let p = proxy::alloc(size_of::<ffi::PyDateTime_DateTime>(), tp);
                if let Some(s) = (p as *mut ffi::PyDateTime_DateTime).as_mut() {
                    s.hashcode = -1;
                    put_date(&mut s.data[..4], y, m, d);
                    put_time(&mut s.data[4..], hh, mm, ss, us);
                    s.fold = fold as u8;
                    put_tzinfo(p, tz, &mut s.hastzinfo, &mut s.tzinfo);
                }
                p
            }
            Kind::Time => {
                let [hh, mm, ss, us, fold] = int_fields(&c.time, TIME, obj, vm).ok()?;
                let tz = tzinfo_of(&c.time, obj, vm).ok()?;
                let p = proxy::alloc(size_of::<ffi::PyDateTime_Time>(), tp);
                if let Some(s) = (p as *mut ffi::PyDateTime_Time).as_mut() {
                    s.hashcode = -1;
                    put_time(&mut s.data, hh, mm, ss, us);
                    s.fold = fold as u8;
                    put_tzinfo(p, tz, &mut s.hastzinfo, &mut s.tzinfo);
                }
                p
            }
            Kind::Delta => {
                let dsu = int_fields(&c.timedelta, ["days", "seconds", "microseconds"], obj, vm).ok()?;
                let p = proxy::alloc(size_of::<ffi::PyDateTime_Delta>(), tp);
                if let Some(s) = (p as *mut ffi::PyDateTime_Delta).as_mut() {
                    s.hashcode = -1;
                    [s.days, s.seconds, s.microseconds] = dsu;
                }
                p
            }
        }
    };
    Some(p)
}

// ---------------------------------------------------------------------------
// The constructors of the table. CPython's make an instance of the given
// type without running a subclass's `__new__` or `__init__`, so these call
// the base class's `__new__` with it; the VM's constructors check the
// arguments (and raise CPython's errors).

fn construct(base: &Py<PyType>, tp: *mut PyTypeObject, args: Vec<PyObjectRef>, kwargs: KwArgs, vm: &VirtualMachine) -> PyResult {
    if tp.is_null() {
        return Err(bad_internal_call(vm));
    }
    let cls = typeobject::vm_type(tp, vm)?;
    let mut args = FuncArgs::new(args, kwargs);
    args.prepend_arg(cls.into());
    base.as_object().get_attr(vm.ctx.intern_str("__new__"), vm)?.call(args, vm)
}

fn ints(values: &[i32], vm: &VirtualMachine) -> Vec<PyObjectRef> {
    values.iter().map(|&v| vm.ctx.new_int(v).into()).collect()
}

fn fold_kwarg(fold: i32, vm: &VirtualMachine) -> KwArgs {
    [("fold".to_owned(), vm.ctx.new_int(fold).into())].into_iter().collect()
}

/// `fromtimestamp` of `base` bound to `cls` (CPython calls its own, not an
/// override in `cls`), called with the tuple `args` and the dict `kwargs`.
fn from_timestamp(base: &Py<PyType>, cls: PyObjectRef, args: PyObjectRef, kwargs: Option<PyObjectRef>, vm: &VirtualMachine) -> PyResult {
    let args = args.downcast::<PyTuple>().map_err(|_| bad_internal_call(vm))?;
    let kwargs: KwArgs = match kwargs {
        None => KwArgs::default(),
        Some(k) => {
            let k = k.downcast::<PyDict>().map_err(|_| bad_internal_call(vm))?;
            let keyword = |key: PyObjectRef| key.downcast::<PyStr>().map(|s| s.as_wtf8().to_owned()).map_err(|_| vm.new_type_error("keywords must be strings"));
            k.into_iter().map(|(key, value)| Ok((keyword(key)?, value))).collect::<PyResult<_>>()?
        }
    };
    let name = vm.ctx.intern_str("fromtimestamp");
    let descr = base.get_attr(name).ok_or_else(|| vm.new_attribute_error("fromtimestamp"))?;
    let method = vm.call_get_descriptor_specific(&descr, None, Some(&cls)).unwrap_or(Ok(descr))?;
    method.call(FuncArgs::new(args.as_slice().to_vec(), kwargs), vm)
}

c_slots! {
    fn date_from_date(vm, year: i32, month: i32, day: i32, tp: *mut PyTypeObject) -> PyObjectRef {
        construct(&classes(vm)?.date, tp, ints(&[year, month, day], vm), KwArgs::default(), vm)
    }

    fn datetime_from_date_and_time(vm, year: i32, month: i32, day: i32, hour: i32, minute: i32, second: i32, usecond: i32, tzinfo: PyObjectRef, tp: *mut PyTypeObject) -> PyObjectRef {
        let mut args = ints(&[year, month, day, hour, minute, second, usecond], vm);
        args.push(tzinfo);
        construct(&classes(vm)?.datetime, tp, args, KwArgs::default(), vm)
    }

    fn datetime_from_date_and_time_and_fold(vm, year: i32, month: i32, day: i32, hour: i32, minute: i32, second: i32, usecond: i32, tzinfo: PyObjectRef, fold: i32, tp: *mut PyTypeObject) -> PyObjectRef {
        let mut args = ints(&[year, month, day, hour, minute, second, usecond], vm);
        args.push(tzinfo);
        construct(&classes(vm)?.datetime, tp, args, fold_kwarg(fold, vm), vm)
    }

    fn time_from_time(vm, hour: i32, minute: i32, second: i32, usecond: i32, tzinfo: PyObjectRef, tp: *mut PyTypeObject) -> PyObjectRef {
        let mut args = ints(&[hour, minute, second, usecond], vm);
        args.push(tzinfo);
        construct(&classes(vm)?.time, tp, args, KwArgs::default(), vm)
    }

    fn time_from_time_and_fold(vm, hour: i32, minute: i32, second: i32, usecond: i32, tzinfo: PyObjectRef, fold: i32, tp: *mut PyTypeObject) -> PyObjectRef {
        let mut args = ints(&[hour, minute, second, usecond], vm);
        args.push(tzinfo);
        construct(&classes(vm)?.time, tp, args, fold_kwarg(fold, vm), vm)
    }

    /// With `normalize` 0 CPython trusts the values to be normalized
    /// already, and normalizing them changes nothing: one path serves both.
    fn delta_from_delta(vm, days: i32, seconds: i32, useconds: i32, normalize: i32, tp: *mut PyTypeObject) -> PyObjectRef {
        construct(&classes(vm)?.timedelta, tp, ints(&[days, seconds, useconds], vm), KwArgs::default(), vm)
    }

    /// `name` NULL: `timezone(offset)`, which is UTC itself for a zero offset.
    fn timezone_from_timezone(vm, offset: PyObjectRef, name: Option<PyObjectRef>) -> PyObjectRef {
        let timezone = classes(vm)?.timezone.as_object();
        match name {
            Some(name) => timezone.call((offset, name), vm),
            None => timezone.call((offset,), vm),
        }
    }

    fn datetime_from_timestamp(vm, cls: PyObjectRef, args: PyObjectRef, kwargs: Option<PyObjectRef>) -> PyObjectRef {
        from_timestamp(&classes(vm)?.datetime, cls, args, kwargs, vm)
    }

    fn date_from_timestamp(vm, cls: PyObjectRef, args: PyObjectRef) -> PyObjectRef {
        from_timestamp(&classes(vm)?.date, cls, args, None, vm)
    }
}
