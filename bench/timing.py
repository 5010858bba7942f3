"""Times the crossing operations under the interpreter that runs it.

Run by bench/run.py, once per operation and interpreter, with the directory
holding that interpreter's build of the `crossing` module on PYTHONPATH:

    python timing.py OP [--scale S] [--repeats R]
        prints `RESULT OP <ns per op>` (best of R runs of the op's N * S
        iterations) or `ERROR OP <message>`
    python timing.py --memory N
        runs N crossings in both directions, twice (a Python loop and a C
        loop), and prints `MEM <phase> <iterations> <VmRSS kB> <max RSS kB>
        <live proxies or ->` at 0, N/10 and N iterations

run.py also imports this file (under CPython, without running anything) for
OPS, the table of operations, so the two never disagree.
"""

import sys
import time

perf_counter_ns = time.perf_counter_ns

ON_RUSTPY = sys.implementation.name == "rustpython"

# Items per list for the list operations.
LIST_N = 1000
# Items of the fresh list read once by "sum_list_fresh".
FRESH_N = 100_000


class Op:
    """One row of the table.

    key: the command-line name; label: what the table says; n: iterations at
    full size (chosen so one measurement takes ~0.2-0.5 s on release rustpy);
    unit: what one iteration is; ref: DESIGN.md's (CPython 3.11, PyPy cpyext)
    ns for this row, or None; run: fn(n) -> elapsed ns for n iterations.
    CHECKS[key], run before timing, tests the answers of the C functions the
    row uses."""

    def __init__(self, key, label, n, unit="op", ref=None):
        self.key = key
        self.label = label
        self.n = n
        self.unit = unit
        self.ref = ref
        self.run = None


OPS = []


def op(key, label, n, unit="op", ref=None):
    entry = Op(key, label, n, unit, ref)
    OPS.append(entry)

    def register(fn):
        entry.run = fn
        return fn

    return register


crossing = None  # imported by main(), so that run.py can import OPS alone


class Obj:
    def __init__(self):
        self.value = 42


def py_noargs():
    return None


def py_onearg(x):
    return x


def py_plus_one(x):
    return x + 1


# ---- Python calls C (the whole per-call cost, loop included) -------------


@op("noargs", "METH_NOARGS call", 2_000_000, ref=(31, 20))
def _(n):
    f = crossing.noargs
    r = range(n)
    t = perf_counter_ns()
    for _ in r:
        f()
    return perf_counter_ns() - t


@op("onearg", "METH_O call", 2_000_000)
def _(n):
    f = crossing.onearg
    x = 1
    r = range(n)
    t = perf_counter_ns()
    for _ in r:
        f(x)
    return perf_counter_ns() - t


@op("fastcall2", "METH_FASTCALL call, 2 args", 2_000_000)
def _(n):
    f = crossing.fastcall2
    x = 1
    y = 2
    r = range(n)
    t = perf_counter_ns()
    for _ in r:
        f(x, y)
    return perf_counter_ns() - t


@op("varargs_iis", 'METH_VARARGS call + PyArg_ParseTuple("iis")', 1_000_000)
def _(n):
    f = crossing.varargs_iis
    x = 1
    y = 2
    s = "abc"
    r = range(n)
    t = perf_counter_ns()
    for _ in r:
        f(x, y, s)
    return perf_counter_ns() - t


@op("new_int", "new int made in C, returned, dropped", 1_500_000)
def _(n):
    f = crossing.new_int
    r = range(n)
    t = perf_counter_ns()
    for _ in r:
        f()
    return perf_counter_ns() - t


@op("new_float", "new float made in C, returned, dropped", 1_500_000)
def _(n):
    f = crossing.new_float
    r = range(n)
    t = perf_counter_ns()
    for _ in r:
        f()
    return perf_counter_ns() - t


@op("drop_object", "drop(object()): new object passed to METH_O", 1_000_000)
def _(n):
    f = crossing.drop
    o = object
    r = range(n)
    t = perf_counter_ns()
    for _ in r:
        f(o())
    return perf_counter_ns() - t


# ---- loops inside C -------------------------------------------------------


@op("parse_loop", 'PyArg_ParseTuple("iis") in C', 6_000_000)
def _(n):
    args = (1, 2, "abc")
    t = perf_counter_ns()
    crossing.parse_loop(args, n)
    return perf_counter_ns() - t


@op("build_value", 'Py_BuildValue("(iis)") in C', 1_500_000, ref=(88, 982))
def _(n):
    t = perf_counter_ns()
    crossing.build_value_loop(n)
    return perf_counter_ns() - t


@op(
    "sum_list",
    "PyList_GET_ITEM + PyLong_AsLong",
    5_000_000,
    unit="item",
    ref=(3.8, 25),
)
def _(n):
    lst = list(range(LIST_N))
    reps = max(1, n // LIST_N)
    crossing.sum_list_loop(lst, 1)  # the list's items have crossed before
    t = perf_counter_ns()
    crossing.sum_list_loop(lst, reps)
    return (perf_counter_ns() - t) * n // (reps * LIST_N)


@op("sum_list_fresh", "same, first crossing of each item", 500_000, unit="item")
def _(n):
    # Reads each int of a list C has never seen: on rustpy every item gets
    # its PyObject* here. The list is made outside the timing.
    total = 0
    done = 0
    while done < n:
        k = min(FRESH_N, n - done)
        lst = [i + 1_000_000 for i in range(k)]
        t = perf_counter_ns()
        crossing.sum_list_loop(lst, 1)
        total += perf_counter_ns() - t
        del lst
        done += k
    return total


@op("build_list", "building a list of new ints", 2_000_000, unit="item", ref=(32, 367))
def _(n):
    reps = max(1, n // LIST_N)
    t = perf_counter_ns()
    crossing.build_list_loop(LIST_N, reps)
    return (perf_counter_ns() - t) * n // (reps * LIST_N)


@op("call_noargs", "C calls a Python function (CallNoArgs)", 3_000_000, ref=(38, 320))
def _(n):
    t = perf_counter_ns()
    crossing.call_noargs_loop(py_noargs, n)
    return perf_counter_ns() - t


@op("call_onearg", "C calls a Python function (CallOneArg)", 3_000_000)
def _(n):
    t = perf_counter_ns()
    crossing.call_onearg_loop(py_onearg, 5, n)
    return perf_counter_ns() - t


@op("getattr", "PyObject_GetAttr from C (instance attribute)", 6_000_000, ref=(11, 63))
def _(n):
    o = Obj()
    t = perf_counter_ns()
    crossing.getattr_loop(o, n)
    return perf_counter_ns() - t


@op("roundtrip", "C: new int -> Python x+1 -> new int back, dropped", 1_500_000)
def _(n):
    t = perf_counter_ns()
    crossing.roundtrip_loop(py_plus_one, n)
    return perf_counter_ns() - t


# ---- context: the same loops without C -----------------------------------


# ---- a C type -----------------------------------------------------------


@op("ctype_new", "C type: Point(1, 2) made in Python, dropped", 1_000_000)
def _(n):
    P = crossing.Point
    r = range(n)
    t = perf_counter_ns()
    for _ in r:
        P(1.0, 2.0)
    return perf_counter_ns() - t


@op("ctype_new_c", "C type: instance made and dropped in C", 5_000_000)
def _(n):
    t = perf_counter_ns()
    crossing.point_new_loop(n)
    return perf_counter_ns() - t


@op("ctype_method", "C type: METH_NOARGS method call", 2_000_000)
def _(n):
    p = crossing.Point(1.0, 2.0)
    r = range(n)
    t = perf_counter_ns()
    for _ in r:
        p.norm2()
    return perf_counter_ns() - t


@op("ctype_member", "C type: T_DOUBLE member read", 2_000_000)
def _(n):
    p = crossing.Point(1.0, 2.0)
    r = range(n)
    t = perf_counter_ns()
    for _ in r:
        p.x
    return perf_counter_ns() - t


@op("ctype_add", "C type: p + p (nb_add, new instance)", 1_000_000)
def _(n):
    p = crossing.Point(1.0, 2.0)
    r = range(n)
    t = perf_counter_ns()
    for _ in r:
        p + p
    return perf_counter_ns() - t


@op("py_loop", "(context) empty Python for-loop", 8_000_000)
def _(n):
    r = range(n)
    t = perf_counter_ns()
    for _ in r:
        pass
    return perf_counter_ns() - t


@op("py_call", "(context) Python calls def f(): return None", 2_500_000)
def _(n):
    f = py_noargs
    r = range(n)
    t = perf_counter_ns()
    for _ in r:
        f()
    return perf_counter_ns() - t


OPS_BY_KEY = {o.key: o for o in OPS}


# ---- correctness, checked before any timing --------------------------------


def _new_int_ok(c):
    a, b = c.new_int(), c.new_int()
    return type(a) is int and b == a + 1


def _new_float_ok(c):
    a = c.new_int()
    f = c.new_float()
    return type(f) is float and f == a + 1.5


# key -> fn(crossing module) -> True when the row's C functions answer right.
CHECKS = {
    "noargs": lambda c: c.noargs() is None,
    "onearg": lambda c: c.onearg(object()) is None,
    "fastcall2": lambda c: c.fastcall2(1, 2) is None,
    "varargs_iis": lambda c: c.varargs_iis(1, 2, "abc") is None,
    "new_int": _new_int_ok,
    "new_float": _new_float_ok,
    "drop_object": lambda c: c.drop(object()) is None,
    "parse_loop": lambda c: c.parse_loop((1, 2, "abc"), 3) == 3 * (1 + 2 + ord("a")),
    "build_value": lambda c: c.build_value_loop(5) == (4, 5, "abc"),
    "sum_list": lambda c: c.sum_list_loop(list(range(LIST_N)), 3)
    == LIST_N * (LIST_N - 1) // 2,
    "sum_list_fresh": lambda c: c.sum_list_loop([i + 10**6 for i in range(10)], 1)
    == 10 * 10**6 + 45,
    "build_list": lambda c: c.build_list_loop(4, 2)
    == [1_000_000, 1_000_001, 1_000_002, 1_000_003],
    "call_noargs": lambda c: c.call_noargs_loop(py_noargs, 3) is None,
    "call_onearg": lambda c: c.call_onearg_loop(py_onearg, 7, 3) == 7,
    "getattr": lambda c: c.getattr_loop(Obj(), 3) == 42,
    "roundtrip": lambda c: c.roundtrip_loop(py_plus_one, 3) is None,
    "ctype_new": lambda c: c.Point(1.0, 2.0).norm2() == 5.0,
    "ctype_new_c": lambda c: c.point_new_loop(3) is None,
    "ctype_method": lambda c: c.Point(3.0, 4.0).norm2() == 25.0,
    "ctype_member": lambda c: c.Point(1.5, 2.0).x == 1.5,
    "ctype_add": lambda c: (c.Point(1.0, 2.0) + c.Point(3.0, 4.0)).y == 6.0,
}


# ---- memory ----------------------------------------------------------------


def rss_kb():
    """(current VmRSS, max RSS so far), both in kB."""
    cur = -1
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    cur = int(line.split()[1])
                    break
    except OSError:
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except ImportError:
        peak = -1
    return cur, peak


def mem_line(phase, done):
    cur, peak = rss_kb()
    if ON_RUSTPY:
        import _cpyext

        live = str(_cpyext.live_proxies())
    else:
        live = "-"
    print("MEM %s %d %d %d %s" % (phase, done, cur, peak, live), flush=True)


def memory(total):
    """Both directions, twice: in a Python loop, each iteration takes a new int
    from C (new_int) and gives C a new object (drop(object())); in a C loop
    (roundtrip_loop), C makes a new int, hands it to Python, and drops the new
    int Python returns. Then total/10 instances of a C type from Python (in
    lists of 1000) and as many from C."""
    checkpoints = [0, total // 10, total]
    new_int = crossing.new_int
    drop = crossing.drop
    o = object

    done = 0
    for cp in checkpoints:
        r = range(cp - done)
        for _ in r:
            new_int()
            drop(o())
        done = cp
        mem_line("python-loop", done)

    done = 0
    for cp in checkpoints:
        crossing.roundtrip_loop(py_plus_one, cp - done)
        done = cp
        mem_line("c-loop", done)

    # A C type's instances, made and dropped from Python and from C: every
    # one must be deallocated (checked; the run fails otherwise).
    before = crossing.point_deallocs()
    made = 0
    P = crossing.Point
    for phase, make in (("ctype-py", lambda k: [P(1.0, 2.0) for _ in range(k)] and None),
                        ("ctype-c", crossing.point_new_loop)):
        done = 0
        for cp in (0, total // 100, total // 10):
            step = cp - done
            while step:
                chunk = min(step, 1000)
                make(chunk)
                step -= chunk
            made += cp - done
            done = cp
            mem_line(phase, done)
    dead = crossing.point_deallocs() - before
    if dead != made:
        raise SystemExit("ERROR C type: %d instances made, %d deallocated" % (made, dead))

    if ON_RUSTPY:
        import _cpyext

        _cpyext.sweep()
        mem_line("after-sweep", done)


def main(argv):
    global crossing
    scale = 1.0
    repeats = 5
    memory_n = None
    keys = []
    it = iter(argv)
    for a in it:
        if a == "--scale":
            scale = float(next(it))
        elif a == "--repeats":
            repeats = int(next(it))
        elif a == "--memory":
            memory_n = int(next(it))
        elif a == "--list":
            for o in OPS:
                print(o.key)
            return 0
        else:
            keys.append(a)

    import crossing as mod

    crossing = mod
    if memory_n is not None:
        for key in ("new_int", "drop_object", "roundtrip"):
            if not CHECKS[key](crossing):
                print("ERROR %s wrong result" % key, flush=True)
                return 1
        memory(memory_n)
        return 0
    for key in keys or [o.key for o in OPS]:
        entry = OPS_BY_KEY.get(key)
        if entry is None:
            print("ERROR %s unknown operation" % key, flush=True)
            continue
        n = max(1, int(entry.n * scale))
        try:
            if key in CHECKS and not CHECKS[key](crossing):
                print("ERROR %s wrong result" % key, flush=True)
                continue
            entry.run(max(1, n // 100))  # warm up
            best = min(entry.run(n) for _ in range(repeats))
        except Exception as e:  # noqa: BLE001 - reported in the table
            print("ERROR %s %s: %s" % (key, type(e).__name__, e), flush=True)
            continue
        print("RESULT %s %.3f" % (key, best / n), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
