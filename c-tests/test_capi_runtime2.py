"""Check for capi_runtime2: Py_GetVersion, PyInterpreterState_*, the
PyThread_* locks, PyOS_string_to_double, PyOS_strtol/strtoul, and the 3.13
Py_GetConstant/Py_GetConstantBorrowed and Py_HashPointer (which the module
built for CPython 3.11 lacks).

CPython's own rules checked here: PyOS_string_to_double takes no leading
whitespace, no underscores and no hex, stops an exponent without digits
before its 'e', and raises overflow_exception only for finite numbers too
large; PyOS_strtoul takes no sign, and in base 0 reads a leading zero as a
lone 0; PyOS_strtol makes every overflow LONG_MAX, negative ones too; a
PyThread lock may be released by a thread other than its holder."""

import math
import sys
import threading
import time

import harness
from harness import raises_exact

import capi_runtime2 as c


def test_version_is_sys_version():
    assert c.get_version() == sys.version


def test_interpreter_state():
    assert c.interpreter() == (True, 0)
    e = raises_exact(RuntimeError, c.interpreter_id_of_null)
    assert str(e) == "no interpreter provided", str(e)


def test_interpreter_dict():
    d = c.interpreter_dict()
    assert type(d) is dict
    assert d is c.interpreter_dict()
    assert d is not sys.modules and d is not globals()
    d["capi_runtime2.key"] = "value"
    assert c.interpreter_dict()["capi_runtime2.key"] == "value"


def to_double(s, endptr=True, overflow=None):
    return c.string_to_double(s, endptr, overflow)


def test_string_to_double_whole_strings():
    assert to_double(b"1.5", False) == (None, 1.5, None)
    assert to_double(b"-.5e-3", False) == (None, -0.0005, None)
    assert to_double(b"4.9e-324", False) == (None, 5e-324, None)
    # Correctly rounded, however many digits.
    assert to_double(b"0." + b"0" * 400 + b"1e400", False) == (None, 0.1, None)
    for bad in (b"1.5abc", b" 1.5", b"1.5 ", b"", b"1_000", b"0x10", b".", b"+", b"e5", b"infx"):
        exc, value, used = to_double(bad, False)
        assert type(exc) is ValueError and value == -1.0 and used is None, (bad, exc, value)
        assert str(exc) == "could not convert string to float: '%s'" % bad.decode(), str(exc)
    exc, _, _ = to_double(b"x" * 300, False)
    assert str(exc) == "could not convert string to float: '%s'" % ("x" * 200), str(exc)


def test_string_to_double_with_endptr():
    assert to_double(b"1.5abc") == (None, 1.5, 3)
    assert to_double(b"5.") == (None, 5.0, 2)
    assert to_double(b".5") == (None, 0.5, 2)
    assert to_double(b"1e") == (None, 1.0, 1)
    assert to_double(b"1e+") == (None, 1.0, 1)
    assert to_double(b"1E+5x") == (None, 100000.0, 4)
    assert to_double(b"0x10") == (None, 0.0, 1)
    assert to_double(b"1_000") == (None, 1.0, 1)
    # Nothing read: a ValueError, and endptr is the string itself.
    for bad in (b"", b" 1", b".", b"-", b"e5", b"abc"):
        exc, value, used = to_double(bad)
        assert type(exc) is ValueError and value == -1.0 and used == 0, (bad, exc, value, used)


def test_string_to_double_inf_and_nan():
    assert to_double(b"inf", False) == (None, math.inf, None)
    assert to_double(b"-Infinity", False) == (None, -math.inf, None)
    assert to_double(b"+iNf", False) == (None, math.inf, None)
    assert to_double(b"INFINITE") == (None, math.inf, 3)
    exc, v, used = to_double(b"nan", False)
    assert exc is None and math.isnan(v) and math.copysign(1, v) == 1
    exc, v, used = to_double(b"-NaN", False)
    assert exc is None and math.isnan(v) and math.copysign(1, v) == -1
    exc, v, used = to_double(b"nanny")
    assert exc is None and math.isnan(v) and used == 3
    # inf is no overflow.
    assert to_double(b"inf", False, OverflowError) == (None, math.inf, None)


def test_string_to_double_overflow():
    exc, value, used = to_double(b"1e500", False, OverflowError)
    assert type(exc) is OverflowError and value == -1.0, (exc, value)
    assert str(exc) == "value too large to convert to float: '1e500'", str(exc)
    exc, value, used = to_double(b"-1e500x", True, ValueError)
    assert type(exc) is ValueError and used == 6, (exc, used)
    assert str(exc) == "value too large to convert to float: '-1e500x'", str(exc)
    # Without an exception to raise: the infinity.
    assert to_double(b"1e500", False) == (None, math.inf, None)
    assert to_double(b"-1e500", False) == (None, -math.inf, None)
    # Underflow is no error.
    assert to_double(b"1e-500", False, OverflowError) == (None, 0.0, None)


def test_strtoul():
    assert c.strtoul(b"123", 10) == (123, 3, False)
    assert c.strtoul(b" \t\n42xyz", 10) == (42, 5, False)
    assert c.strtoul(b"z", 36) == (35, 1, False)
    assert c.strtoul(b"ff", 16) == (255, 2, False)
    # No sign: nothing is read past the whitespace.
    assert c.strtoul(b"-5", 10) == (0, 0, False)
    assert c.strtoul(b"  -5", 10) == (0, 2, False)
    # Python's prefixes, in base 0 or their own base.
    assert c.strtoul(b"0x1F", 0) == (31, 4, False)
    assert c.strtoul(b"0X1f", 16) == (31, 4, False)
    assert c.strtoul(b"0o17", 0) == (15, 4, False)
    assert c.strtoul(b"0O17", 8) == (15, 4, False)
    assert c.strtoul(b"0b101", 0) == (5, 5, False)
    assert c.strtoul(b"0b101", 2) == (5, 5, False)
    assert c.strtoul(b"0b101", 16) == (0xB101, 5, False)
    # A prefix without a digit after it: 0, read up to the prefix's letter.
    assert c.strtoul(b"0xg", 0) == (0, 1, False)
    assert c.strtoul(b"0b2", 0) == (0, 1, False)
    assert c.strtoul(b"0x", 16) == (0, 1, False)
    # Base 0: a leading zero is a lone 0; more zeros and spaces are skipped.
    assert c.strtoul(b"017", 0) == (0, 1, False)
    assert c.strtoul(b"000  x", 0) == (0, 5, False)
    assert c.strtoul(b"0", 0) == (0, 1, False)
    assert c.strtoul(b"017", 10) == (17, 3, False)
    # Bases out of range read nothing.
    assert c.strtoul(b"  12", 1) == (0, 2, False)
    assert c.strtoul(b"12", 37) == (0, 0, False)
    assert c.strtoul(b"18446744073709551615", 10) == (c.ULONG_MAX, 20, False)
    assert c.strtoul(b"18446744073709551616", 10) == (c.ULONG_MAX, 20, True)
    assert c.strtoul(b"99999999999999999999999abc", 10) == (c.ULONG_MAX, 23, True)
    assert c.strtoul(b"0x" + b"f" * 17, 0) == (c.ULONG_MAX, 19, True)


def test_strtol():
    LONG_MAX = c.LONG_MAX
    assert c.strtol(b"-123", 10) == (-123, 4, False)
    assert c.strtol(b" +7!", 10) == (7, 3, False)
    assert c.strtol(b"-0x10", 0) == (-16, 5, False)
    assert c.strtol(b"abc", 10) == (0, 0, False)
    # The sign, then whitespace again; a lone sign is read.
    assert c.strtol(b"- 5", 10) == (-5, 3, False)
    assert c.strtol(b"-", 10) == (0, 1, False)
    assert c.strtol(b"9223372036854775807", 10) == (LONG_MAX, 19, False)
    assert c.strtol(b"-9223372036854775808", 10) == (-LONG_MAX - 1, 20, False)
    assert c.strtol(b"9223372036854775808", 10) == (LONG_MAX, 19, True)
    # Negative overflow is LONG_MAX too.
    assert c.strtol(b"-9223372036854775809", 10) == (LONG_MAX, 20, True)
    assert c.strtol(b"-99999999999999999999999", 10) == (LONG_MAX, 24, True)


def test_lock_protocol():
    first, again, zero, timed, waited, blocking, forever, free_timed = c.lock_protocol()
    assert (first, again) == (1, 0)
    # PyLockStatus: PY_LOCK_FAILURE 0, PY_LOCK_ACQUIRED 1.
    assert (zero, timed) == (0, 0)
    assert waited >= 0.045, waited
    assert (blocking, forever, free_timed) == (1, 1, 1)


def test_lock_waits_without_the_gil_and_any_thread_releases_it():
    lock = c.lock_new()
    assert c.lock_acquire(lock, 0) == 1
    got = []
    waiter = threading.Thread(target=lambda: got.append(c.lock_acquire(lock, -1)))
    waiter.start()
    time.sleep(0.2)
    # The waiter blocks in C with the GIL released: this thread runs on.
    assert waiter.is_alive() and got == []
    c.lock_release(lock)
    waiter.join(30)
    assert got == [1]
    # The waiter took it and is gone; this thread releases it.
    assert c.lock_acquire(lock, 0) == 0
    c.lock_release(lock)
    assert c.lock_acquire(lock, 0) == 1
    c.lock_release(lock)


def test_timed_wait_ends_when_released():
    lock = c.lock_new()
    assert c.lock_acquire(lock, 0) == 1
    got = []
    waiter = threading.Thread(target=lambda: got.append(c.lock_acquire(lock, 30_000_000)))
    waiter.start()
    time.sleep(0.1)
    start = time.monotonic()
    c.lock_release(lock)
    waiter.join(30)
    assert got == [1] and time.monotonic() - start < 10


def has_313_apis():
    if c.PY_VERSION_HEX < 0x030D0000:
        # New in 3.13: absent from the module built for the 3.11 oracle.
        assert not hasattr(c, "constants")
        return False
    return True


CONSTANTS = [None, False, True, Ellipsis, NotImplemented, 0, 1, "", b"", ()]


def test_constants():
    if not has_313_apis():
        return
    for borrowed in (False, True):
        got = c.constants(borrowed)
        assert got == CONSTANTS, got
        assert [type(o) for o in got] == [type(o) for o in CONSTANTS]
        for o, want in zip(got[:5], CONSTANTS[:5]):
            assert o is want
    assert all(a is b for a, b in zip(c.constants(False), c.constants(True)))
    for borrowed in (False, True):
        raises_exact(SystemError, c.constant, 10, borrowed)
        raises_exact(SystemError, c.constant, 2 ** 32 - 1, borrowed)


def rotated(p):
    h = ((p >> 4) | (p << 60)) & (2 ** 64 - 1)
    return h - 2 ** 64 if h >= 2 ** 63 else h


def test_hash_pointer():
    if not has_313_apis():
        return
    for p in (0, 0x10, 0x12345670, 0x1234567F, 0x7FFF_FFFF_FFF0):
        assert c.hash_pointer(p) == rotated(p), hex(p)
    assert c.hash_pointer(0x1234567F) < 0
    # All bits set hashes to -1, the error value: -2 instead.
    assert c.hash_pointer(2 ** 64 - 1) == -2


def test_lifecycle():
    finalizing, platform = c.lifecycle()
    # Py_IsFinalizing is 3.13's: -1 when built for older.
    assert finalizing == (0 if sys.version_info >= (3, 13) else -1)
    assert platform == sys.platform


if __name__ == "__main__":
    harness.run(globals())
