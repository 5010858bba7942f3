# cython: language_level=3
"""Cython features over the C-API: checked by test_cyfeatures.py, under
CPython 3.11 (the oracle) and under rustpy (built against include/, where
Cython takes its Limited-API paths)."""

# ---------------------------------------------------------------- basics

cdef inline int clamp(int v, int lo, int hi):
    if v < lo:
        return lo
    if v > hi:
        return hi
    return v


cdef inline double half(double x) nogil:
    return x / 2.0


def use_inline(int v):
    return clamp(v, 0, 10), half(v)


def roundtrip(x):
    return x


def str_ops(str s):
    return s.upper() + "!", len(s), s[::-1], s.split(",")


def bytes_ops(bytes b):
    return b[::-1], b[0], len(b), b + b"!"


def list_ops(list l):
    l.append(len(l))
    l.insert(0, "first")
    return l, l[1:], len(l)


def dict_ops(dict d):
    d["added"] = len(d)
    return sorted(d.items()), {k: v * 2 for k, v in d.items()}, d.get("missing", "dflt")


def tuple_ops(tuple t):
    a, *rest = t
    return t + (len(t),), a, rest


def set_ops(set s):
    return {x * 2 for x in s}, frozenset(s) | {99}


def c_int_sum(int a, int b):
    # C int arithmetic in C, the result converted to a Python int
    cdef long long r = <long long>a + b
    return r


def as_long_long(long long x):
    return x


def ull_max():
    cdef unsigned long long u = 18446744073709551615ULL
    return u


def ll_min():
    cdef long long m = 9223372036854775807LL
    m = -m - 1
    return m


def grow(int n):
    r = 1
    for i in range(n):
        r *= 2
    return r


def c_double(double x):
    return x * 2


def kwargs_func(a, b=2, *args, c=3, **kw):
    return a, b, args, c, sorted(kw.items())


def documented(a, b=1):
    """Returns its arguments."""
    return a, b


# ---------------------------------------------------------------- cdef classes

cdef int _cinits = 0
cdef int _deallocs = 0


def cinit_count():
    return _cinits


def dealloc_count():
    return _deallocs


cdef class Base:
    """A cdef class with typed attributes."""
    cdef public int x
    cdef readonly object tag
    cdef double _scale

    def __cinit__(self, *args, **kwargs):
        global _cinits
        _cinits += 1
        self._scale = 1.0

    def __init__(self, int x=0, tag=None):
        self.x = x
        self.tag = tag

    def __dealloc__(self):
        global _deallocs
        _deallocs += 1

    cpdef int value(self):
        return self.x

    def call_value(self):
        # a cpdef call from Cython: dispatches to overrides
        return self.value()

    cpdef str kind(self):
        return "Base"

    @property
    def scale(self):
        return self._scale

    @scale.setter
    def scale(self, double v):
        if v < 0:
            raise ValueError("negative scale")
        self._scale = v

    @scale.deleter
    def scale(self):
        self._scale = 1.0

    @staticmethod
    def make(int x):
        return Base(x, "made")

    @classmethod
    def cls_name(cls):
        return cls.__name__

    def __repr__(self):
        return "%s(x=%d, tag=%r)" % (type(self).__name__, self.x, self.tag)


cdef class Derived(Base):
    cdef public int y

    def __init__(self, int x=0, int y=0, tag=None):
        self.x = x
        self.tag = tag
        self.y = y

    cpdef int value(self):
        return self.x + self.y

    cpdef str kind(self):
        return "Derived<" + Base.kind(self) + ">"


cdef class Child(Base):
    """Its __init__ calls the base class's explicitly."""
    cdef public object extra

    def __init__(self, int x, extra):
        Base.__init__(self, x * 2, "child")
        self.extra = extra


cdef class GrandChild(Child):
    def __init__(self, int x):
        super().__init__(x + 1, "grand")


cdef int call_value_c(Base b):
    return b.value()


def value_via_c(Base b):
    return call_value_c(b)


cdef class Point:
    cdef readonly double px, py

    def __init__(self, px, py):
        self.px = px
        self.py = py

    def __richcmp__(self, other, int op):
        if not isinstance(other, Point):
            return NotImplemented
        cdef Point o = <Point>other
        a = (self.px, self.py)
        b = (o.px, o.py)
        if op == 0:
            return a < b
        if op == 1:
            return a <= b
        if op == 2:
            return a == b
        if op == 3:
            return a != b
        if op == 4:
            return a > b
        return a >= b

    def __hash__(self):
        return hash((self.px, self.py))

    def __add__(self, other):
        if isinstance(self, Point) and isinstance(other, Point):
            return Point(self.px + (<Point>other).px, self.py + (<Point>other).py)
        return NotImplemented

    def __repr__(self):
        return "Point(%r, %r)" % (self.px, self.py)


cdef class Version:
    cdef readonly int major, minor

    def __init__(self, int major, int minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.major == (<Version>other).major and self.minor == (<Version>other).minor

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) < ((<Version>other).major, (<Version>other).minor)


cdef class Seq:
    """Sequence and number protocol slots."""
    cdef list items

    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __contains__(self, v):
        return v in self.items

    def __iter__(self):
        return iter(self.items)

    def __bool__(self):
        return bool(self.items)

    def __call__(self, *args):
        return len(args) + len(self.items)


# ---------------------------------------------------------------- generators, closures

def gen(n):
    for i in range(n):
        yield i * i


def gen_sum(n):
    return sum(i * i for i in range(n))


def gen_odd(n):
    return list(i for i in range(n) if i % 2)


def comprehensions(n):
    return [i for i in range(n)], {i: i * i for i in range(n)}, {i % 3 for i in range(n)}


def echo():
    received = []
    x = yield "ready"
    while x is not None:
        received.append(x)
        x = yield x * 2
    return received


def delegate(n):
    result = yield from echo()
    yield ("done", result)
    yield from gen(n)


def guarded(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("closed")


def make_adder(k):
    def add(x):
        return x + k
    return add


def make_counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count
    return inc


def make_mul(k):
    return lambda x: x * k


def sort_by_key(items):
    return sorted(items, key=lambda t: t[1])


def closure_over_loop(n):
    return [(lambda i=i: i * 10)() for i in range(n)]


# ---------------------------------------------------------------- exceptions

class CyError(ValueError):
    pass


def raise_value(x):
    raise CyError("bad %s" % x)


def outer_call(x):
    return raise_value(x) + 1


cdef int _check(int v) except -1:
    if v < 0:
        raise ValueError("negative: %d" % v)
    return v * 2


def check(int v):
    return _check(v)


def try_flow(int mode):
    log = []
    try:
        log.append("try")
        if mode == 1:
            raise KeyError("k")
        if mode == 2:
            raise TypeError("t")
        log.append("no error")
    except KeyError as e:
        log.append("except KeyError %s" % e)
    except TypeError:
        log.append("except TypeError")
        return log
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log


def wrap_error():
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e


def implicit_context():
    try:
        1 / 0
    except ZeroDivisionError:
        raise LookupError("during handling")


def catch_python(f):
    try:
        f()
    except Exception as e:
        return type(e).__name__, str(e)
    return None


def reraise_in_finally(log):
    try:
        raise IndexError("i")
    finally:
        log.append("finally ran")


def exc_info_inside():
    import sys
    try:
        raise OSError(2, "nope")
    except OSError:
        t, v, tb = sys.exc_info()
        return t.__name__, v.errno, tb is not None


# ---------------------------------------------------------------- memoryviews, nogil

def total(double[:] v):
    cdef double t = 0
    cdef Py_ssize_t i
    for i in range(v.shape[0]):
        t += v[i]
    return t


def fill(unsigned char[:] b, int x):
    cdef Py_ssize_t i
    for i in range(b.shape[0]):
        b[i] = x
    return b.shape[0]


def fill_slice(unsigned char[:] b, int x):
    b[1:3] = x
    return b.shape[0]


def scale(double[:] v, double k):
    cdef Py_ssize_t i
    for i in range(v.shape[0]):
        v[i] *= k


def total_every_other(double[:] v):
    return total(v[::2])


def ro_sum(const unsigned char[:] b):
    cdef long t = 0
    cdef Py_ssize_t i
    for i in range(b.shape[0]):
        t += b[i]
    return t


def info2d(int[:, :] m):
    return m.shape[0], m.shape[1], m.strides[0], m.strides[1], m.ndim


def sum2d(int[:, :] m):
    cdef long t = 0
    cdef Py_ssize_t i, j
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            t += m[i, j] * (i + 1)
    return t


def set2d(int[:, :] m):
    cdef Py_ssize_t i, j
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            m[i, j] = <int>(i * 10 + j)


def col_sum(int[:, :] m, Py_ssize_t j):
    cdef int[:] col = m[:, j]
    cdef long t = 0
    cdef Py_ssize_t i
    for i in range(col.shape[0]):
        t += col[i]
    return t


cdef double s(double[:] v) noexcept nogil:
    cdef double t = 0
    cdef Py_ssize_t i
    for i in range(v.shape[0]):
        t += v[i]
    return t


def total_nogil(double[:] v):
    cdef double r
    with nogil:
        r = s(v)
        r = r + half(r) - half(r)
    return r


def nogil_loop(int n):
    cdef long long acc = 0
    cdef int i
    with nogil:
        for i in range(n):
            acc += i
    return acc


def nogil_with_gil(int n):
    cdef int r = 0
    with nogil:
        r = n * 2
        with gil:
            out = [r]
    return out
