"""Check for capi_threads: the GIL from C. Each wait in C gives up after 10 s
and reports failure, so a GIL that is not released fails the check instead
of hanging it."""

import threading

import harness

import capi_threads as c


def test_allow_threads_lets_another_thread_into_c():
    c.clear_flag()
    result = []
    t = threading.Thread(target=lambda: result.append(c.wait_for_flag()))
    t.start()
    # The waiting thread is inside Py_BEGIN_ALLOW_THREADS: this call into C
    # must get the GIL.
    c.set_flag()
    t.join()
    assert result == [True]


def test_gilstate_ensure_nests_on_a_python_thread():
    assert c.gilstate_nested() == (1, 1, 1, 42)


def test_threads_c_started_call_python():
    seen = []

    def work(i):
        import threading
        seen.append(i)
        return (i * i, threading.current_thread() is not threading.main_thread())

    out = c.run_in_c_threads(work, 4)
    assert [r[0] for r in out] == [(i * i, True) for i in range(4)], out
    # Before Ensure a new thread holds nothing; Ensure says it was unlocked.
    assert all(r[1:] == (0, 1, 1) for r in out), out
    assert sorted(seen) == [0, 1, 2, 3]


def test_exception_in_a_thread_c_started():
    def fail(i):
        raise ValueError("bad %d" % i)

    out = c.run_in_c_threads(fail, 2)
    assert [r[0] for r in out] == ["ValueError('bad 0')", "ValueError('bad 1')"], out


def test_c_threads_again_after_they_exited():
    for _ in range(3):
        assert [r[0] for r in c.run_in_c_threads(lambda i: i + 1, 3)] == [1, 2, 3]


def test_gilstate_ensure_after_allow_threads():
    assert c.gilstate_after_release() == (0, 1, 7)


def test_python_called_from_c_does_not_keep_other_threads_out_of_c():
    c.clear_flag()

    def callback():
        # C is below us, in PyObject_CallNoArgs. Another thread calling C must
        # not wait for it to return.
        t = threading.Thread(target=c.set_flag)
        t.start()
        t.join(10)
        return not t.is_alive()

    assert c.call(callback) is True


def test_threads_in_c_at_once():
    c.clear_flag()
    results = []
    waiters = [threading.Thread(target=lambda: results.append(c.wait_for_flag())) for _ in range(3)]
    for t in waiters:
        t.start()
    c.set_flag()
    for t in waiters:
        t.join()
    assert results == [True, True, True]


if __name__ == "__main__":
    harness.run(globals())
