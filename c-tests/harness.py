"""A tiny dependency-free test runner for the c-tests check scripts.

Usage, at the end of a check script:

    if __name__ == "__main__":
        harness.run(globals())

Every function whose name starts with ``test_`` is called with no arguments,
in definition order.  A failure prints ``FAIL <name>`` and the traceback.  The
last line printed is exactly ``N passed, M failed`` (followed by
``, K skipped`` when tests marked ``differs_on_rustpy`` were skipped); the process exits with
status 1 if anything failed.
"""

import sys
import traceback


class HarnessFailure(AssertionError):
    pass


def raises(exc_type, fn, *args, match=None, **kw):
    """Call fn(*args, **kw); it must raise exc_type (exact type or a subclass,
    as with pytest.raises).  If ``match`` is given it must be a substring of
    str(exception).  Returns the exception."""
    try:
        fn(*args, **kw)
    except BaseException as e:  # noqa: BLE001 - we re-raise what doesn't match
        if not isinstance(e, exc_type):
            raise HarnessFailure(
                "expected %r, got %s: %s" % (exc_type, type(e).__name__, e)
            ) from e
        if match is not None and match not in str(e):
            raise HarnessFailure(
                "expected %s message containing %r, got %r"
                % (type(e).__name__, match, str(e))
            ) from e
        return e
    raise HarnessFailure("%r did not raise %r" % (fn, exc_type))


def raises_exact(exc_type, fn, *args, match=None, **kw):
    """Like raises(), but the exception's type must be exactly exc_type."""
    e = raises(exc_type, fn, *args, match=match, **kw)
    if type(e) is not exc_type:
        raise HarnessFailure(
            "expected exactly %s, got %s" % (exc_type.__name__, type(e).__name__)
        )
    return e


ON_RUSTPY = sys.implementation.name == "rustpython"


def differs_on_rustpy(reason):
    """Marks a test of CPython behaviour that our layer does not have yet.

    Under CPython the test runs as usual. Under rustpy it must still fail (so
    fixing the difference is noticed: the marker then has to go), and it is
    reported as skipped with ``reason``."""

    def mark(fn):
        fn.differs_on_rustpy = reason
        return fn

    return mark


def run(namespace):
    tests = [
        (name, obj)
        for name, obj in list(namespace.items())
        if name.startswith("test_") and callable(obj)
    ]
    only = sys.argv[1:]
    passed = failed = skipped = 0
    for name, fn in tests:
        if only and name not in only:
            continue
        reason = getattr(fn, "differs_on_rustpy", None)
        if ON_RUSTPY and reason is not None:
            try:
                fn()
            except BaseException as e:  # noqa: BLE001
                if isinstance(e, KeyboardInterrupt):
                    raise
                skipped += 1
                print("SKIP %s: differs on rustpy: %s" % (name, reason))
            else:
                failed += 1
                print("FAIL %s: passes on rustpy now; remove its differs_on_rustpy marker" % name)
            continue
        try:
            fn()
        except BaseException as e:  # noqa: BLE001
            if isinstance(e, KeyboardInterrupt):
                raise
            failed += 1
            print("FAIL %s" % name)
            traceback.print_exc(file=sys.stdout)
        else:
            passed += 1
    sys.stdout.flush()
    if skipped:
        print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    else:
        print("%d passed, %d failed" % (passed, failed))
    sys.stdout.flush()
    sys.exit(1 if failed else 0)
