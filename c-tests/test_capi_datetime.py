"""Check for capi_datetime: the datetime C-API (datetime.h).

The accessor macros read the structs directly, so the values must be in
the objects' C memory when they reach C; the table's constructors raise the
errors datetime's own constructors raise; PyDelta_FromDSU normalizes."""

import datetime
import gc
import os
import subprocess
import sys
from datetime import date, time, timedelta, timezone, tzinfo

import harness
from harness import differs_on_rustpy, raises_exact

import capi_datetime as c

dt = datetime.datetime
UTC = timezone.utc
EST = timezone(timedelta(hours=-5), "EST")


class MyDate(date):
    pass


class MyDateTime(dt):
    pass


class MyTime(time):
    pass


class MyDelta(timedelta):
    pass


class MyTZ(tzinfo):
    def utcoffset(self, d):
        return timedelta(hours=1)


class Shadowed(date):
    """A subclass whose attributes hide the fields: C reads the struct."""

    year = property(lambda self: 1)
    month = 7


class Inits(dt):
    """CPython's constructors make the instance without running these."""

    def __new__(cls, *args, **kwargs):
        raise AssertionError("__new__ ran")

    def __init__(self, *args, **kwargs):
        raise AssertionError("__init__ ran")


def test_capsule():
    import _datetime

    capsule = datetime.datetime_CAPI
    assert type(capsule).__name__ == "PyCapsule", type(capsule)
    assert _datetime.datetime_CAPI is capsule
    assert c.reimport() is True


@differs_on_rustpy("RustPython's capsule repr does not name the capsule")
def test_capsule_repr():
    assert "datetime.datetime_CAPI" in repr(datetime.datetime_CAPI), repr(datetime.datetime_CAPI)


def test_extension_before_datetime():
    """The table is complete when the extension's PyDateTime_IMPORT is what
    first imports datetime (this script imported datetime first)."""
    code = (
        "import sys; assert 'datetime' not in sys.modules\n"
        "import capi_datetime as c, datetime as d\n"
        "assert c.capi_objects()[:5] == (d.date, d.datetime, d.time, d.timedelta, d.tzinfo)\n"
        "assert c.capi_objects()[5] is d.timezone.utc\n"
        "print(c.date_fields(d.date(2020, 1, 2)), c.delta_fields(d.timedelta(-1)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.strip() == "(2020, 1, 2) (-1, 0, 0)", out.stdout


def test_capi_objects():
    assert c.capi_objects() == (date, dt, time, timedelta, tzinfo, UTC)
    assert c.capi_objects()[5] is UTC


def test_basicsize_is_the_struct():
    for basicsize, struct in c.sizes():
        assert basicsize == struct, c.sizes()


def bits(date_=0, dt_=0, time_=0, delta=0, tz=0):
    return (date_ & 1, date_ >> 1, dt_ & 1, dt_ >> 1, time_ & 1, time_ >> 1,
            delta & 1, delta >> 1, tz & 1, tz >> 1)


def test_checks():
    # 3: Check and CheckExact; 1: Check only.
    assert c.checks(date(2020, 1, 2)) == bits(date_=3)
    assert c.checks(MyDate(2020, 1, 2)) == bits(date_=1)
    assert c.checks(dt(2020, 1, 2)) == bits(date_=1, dt_=3)
    assert c.checks(MyDateTime(2020, 1, 2)) == bits(date_=1, dt_=1)
    assert c.checks(time(1)) == bits(time_=3)
    assert c.checks(MyTime(1)) == bits(time_=1)
    assert c.checks(timedelta(1)) == bits(delta=3)
    assert c.checks(MyDelta(1)) == bits(delta=1)
    assert c.checks(tzinfo()) == bits(tz=3)
    assert c.checks(UTC) == bits(tz=1)
    assert c.checks(MyTZ()) == bits(tz=1)
    for other in (1, 1.5, "2020-01-02", None, object(), (2020, 1, 2), date, dt):
        assert c.checks(other) == bits(), other


def test_date_fields():
    assert c.date_fields(date(2024, 2, 29)) == (2024, 2, 29)
    assert c.date_fields(date(1, 1, 1)) == (1, 1, 1)
    assert c.date_fields(date(9999, 12, 31)) == (9999, 12, 31)
    assert c.date_fields(MyDate(1999, 12, 31)) == (1999, 12, 31)
    assert c.date_fields(Shadowed(2010, 3, 4)) == (2010, 3, 4)
    # date's accessors apply to datetimes.
    assert c.date_fields(dt(2300, 11, 30, 12)) == (2300, 11, 30)


def test_datetime_fields():
    d = dt(2024, 12, 31, 23, 59, 58, 999999)
    assert c.datetime_fields(d) == (2024, 12, 31, 23, 59, 58, 999999, 0, None)
    assert c.datetime_fields(d) == c.datetime_fields(d)
    aware = dt(2021, 11, 7, 1, 30, 0, 123456, tzinfo=EST, fold=1)
    fields = c.datetime_fields(aware)
    assert fields == (2021, 11, 7, 1, 30, 0, 123456, 1, EST), fields
    assert fields[8] is EST
    assert c.datetime_fields(dt(1, 1, 1)) == (1, 1, 1, 0, 0, 0, 0, 0, None)
    sub = MyDateTime(2000, 6, 15, 7, 8, 9, 65536, tzinfo=UTC)
    assert c.datetime_fields(sub) == (2000, 6, 15, 7, 8, 9, 65536, 0, UTC)
    tz = MyTZ()
    assert c.datetime_fields(dt(2000, 1, 1, tzinfo=tz))[8] is tz


def test_time_fields():
    assert c.time_fields(time(23, 59, 59, 999999)) == (23, 59, 59, 999999, 0, None)
    assert c.time_fields(time()) == (0, 0, 0, 0, 0, None)
    aware = time(1, 2, 3, 4, tzinfo=UTC, fold=1)
    fields = c.time_fields(aware)
    assert fields == (1, 2, 3, 4, 1, UTC), fields
    assert fields[5] is UTC
    assert c.time_fields(MyTime(12, 0, 0, 256, tzinfo=EST)) == (12, 0, 0, 256, 0, EST)


def test_delta_fields():
    assert c.delta_fields(timedelta(1, 2, 3)) == (1, 2, 3)
    assert c.delta_fields(timedelta(-1)) == (-1, 0, 0)
    # Normalised: only days is negative.
    assert c.delta_fields(timedelta(microseconds=-1)) == (-1, 86399, 999999)
    assert c.delta_fields(timedelta(hours=-25, seconds=0.5)) == (-2, 82800, 500000)
    top = timedelta.max
    assert c.delta_fields(top) == (999999999, 86399, 999999)
    assert c.delta_fields(timedelta.min) == (-999999999, 0, 0)
    assert c.delta_fields(MyDelta(weeks=1, minutes=1)) == (7, 60, 0)
    assert c.delta_fields(dt(2000, 1, 2) - dt(2000, 1, 1, 12)) == (0, 43200, 0)


def test_kept_tzinfo_outlives_its_datetime():
    # A Python tzinfo can be weakly referenced, which lets the layer hold it
    # weakly when C is not counting it.
    tz = MyTZ()
    tz.label = "kept"
    d = dt(2000, 1, 1, tzinfo=tz)
    # Crossing and back first: C counted tz and let go of it.
    assert c.datetime_fields(d)[8] is tz
    c.keep_tzinfo(d)
    del d, tz
    gc.collect()
    tz = c.kept()
    assert type(tz) is MyTZ and tz.label == "kept"


def test_wrong_objects_are_refused():
    raises_exact(TypeError, c.date_fields, time(1))
    raises_exact(TypeError, c.datetime_fields, date(2000, 1, 1))
    raises_exact(TypeError, c.time_fields, dt(2000, 1, 1))
    raises_exact(TypeError, c.delta_fields, 5)


def test_new_date():
    d = c.new_date(2024, 2, 29)
    assert type(d) is date and d == date(2024, 2, 29)
    e = raises_exact(ValueError, c.new_date, 2000, 13, 1)
    assert "month" in str(e), e
    raises_exact(ValueError, c.new_date, 2023, 2, 29)
    raises_exact(ValueError, c.new_date, 0, 1, 1)
    raises_exact(ValueError, c.new_date, 10000, 1, 1)
    sub = c.new_date_ex(2000, 1, 2, MyDate)
    assert type(sub) is MyDate and sub == date(2000, 1, 2)


def test_new_datetime():
    d = c.new_datetime(2024, 12, 31, 23, 59, 58, 999999)
    assert type(d) is dt and d == dt(2024, 12, 31, 23, 59, 58, 999999)
    assert d.tzinfo is None and d.fold == 0
    raises_exact(ValueError, c.new_datetime, 2000, 13, 1, 0, 0, 0, 0)
    raises_exact(ValueError, c.new_datetime, 2000, 1, 1, 24, 0, 0, 0)
    raises_exact(ValueError, c.new_datetime, 2000, 1, 1, 0, 60, 0, 0)
    raises_exact(ValueError, c.new_datetime, 2000, 1, 1, 0, 0, 0, 1000000)
    f = c.new_datetime_fold(2021, 11, 7, 1, 30, 0, 0, 1)
    assert f.fold == 1 and f == dt(2021, 11, 7, 1, 30)
    raises_exact(ValueError, c.new_datetime_fold, 2021, 11, 7, 1, 30, 0, 0, 2)


def test_new_datetime_ex():
    d = c.new_datetime_ex(2021, 11, 7, 1, 30, 0, 5, EST, 1, dt)
    assert d == dt(2021, 11, 7, 1, 30, 0, 5, tzinfo=EST) and d.tzinfo is EST and d.fold == 1
    sub = c.new_datetime_ex(2000, 1, 1, 0, 0, 0, 0, None, 0, MyDateTime)
    assert type(sub) is MyDateTime
    skipped = c.new_datetime_ex(2000, 1, 1, 0, 0, 0, 0, None, 0, Inits)
    assert type(skipped) is Inits and skipped.year == 2000
    raises_exact(TypeError, c.new_datetime_ex, 2000, 1, 1, 0, 0, 0, 0, "UTC", 0, dt)


def test_new_time():
    t = c.new_time(23, 59, 59, 999999)
    assert type(t) is time and t == time(23, 59, 59, 999999) and t.tzinfo is None
    raises_exact(ValueError, c.new_time, 24, 0, 0, 0)
    raises_exact(ValueError, c.new_time, 0, 0, 60, 0)
    raises_exact(ValueError, c.new_time, 0, 0, 0, -1)
    f = c.new_time_fold(1, 2, 3, 4, 1)
    assert f.fold == 1 and f == time(1, 2, 3, 4)
    raises_exact(ValueError, c.new_time_fold, 1, 2, 3, 4, -1)
    aware = c.new_time_ex(5, 6, 7, 8, UTC, 1, MyTime)
    assert type(aware) is MyTime and aware.tzinfo is UTC and aware.fold == 1
    raises_exact(TypeError, c.new_time_ex, 5, 6, 7, 8, 5, 0, time)


def test_new_delta_normalises():
    assert c.new_delta(1, 2, 3) == timedelta(1, 2, 3)
    d = c.new_delta(0, 2 * 86400 + 5, 2000001)
    assert type(d) is timedelta and d == timedelta(2, 7, 1)
    assert c.delta_fields(d) == (2, 7, 1)
    assert c.delta_fields(c.new_delta(0, 0, -1)) == (-1, 86399, 999999)
    assert c.delta_fields(c.new_delta(1, -1, 0)) == (0, 86399, 0)
    assert c.new_delta(999999999, 86399, 999999) == timedelta.max
    raises_exact(OverflowError, c.new_delta, 1000000000, 0, 0)
    raises_exact(OverflowError, c.new_delta, 999999999, 86400, 0)


def test_made_in_c():
    assert c.made_in_c() == (2001, 2, 3, 4, 5, 6, 654321, 1, -1, 0, 1)


def test_timezone():
    five = c.new_timezone(timedelta(hours=5))
    assert type(five) is timezone and five == timezone(timedelta(hours=5))
    assert five.utcoffset(None) == timedelta(hours=5)
    assert c.new_timezone(timedelta(0)) is UTC
    named = c.new_timezone_named(timedelta(hours=-3), "BRT")
    assert named.tzname(None) == "BRT" and named.utcoffset(None) == timedelta(hours=-3)
    assert c.new_timezone_named(timedelta(0), "Z").tzname(None) == "Z"
    raises_exact(ValueError, c.new_timezone, timedelta(hours=24))
    raises_exact(ValueError, c.new_timezone_named, timedelta(hours=-24), "far")


def test_from_timestamp():
    d = c.datetime_from_timestamp(0)
    assert type(d) is dt and d == dt.fromtimestamp(0)
    assert c.datetime_from_timestamp(86400.5, UTC) == dt(1970, 1, 2, 0, 0, 0, 500000, tzinfo=UTC)
    assert c.datetime_from_timestamp_kw((0,), {"tz": UTC}) == dt(1970, 1, 1, tzinfo=UTC)
    assert c.datetime_from_timestamp_kw((), {"timestamp": 60}) == dt.fromtimestamp(60)
    raises_exact(TypeError, c.datetime_from_timestamp, "x")
    raises_exact(TypeError, c.datetime_from_timestamp)
    raises_exact(TypeError, c.datetime_from_timestamp, 0, UTC, 1)
    raises_exact(TypeError, c.datetime_from_timestamp, 0, "UTC")
    day = c.date_from_timestamp(365 * 86400)
    assert type(day) is date and day == date.fromtimestamp(365 * 86400)
    raises_exact(TypeError, c.date_from_timestamp)
    raises_exact(TypeError, c.date_from_timestamp, 0, 1)
    raises_exact(TypeError, c.date_from_timestamp, "x")


def test_utc():
    assert c.capi_objects()[5] is timezone.utc
    assert datetime.UTC is timezone.utc


if __name__ == "__main__":
    harness.run(globals())
