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
