"""numpy on rustpy: a smoke test of what users do first, every result
checked against values recorded under CPython with numpy's official wheel.

    rustpy numpy-smoke/smoke.py              # check against expected.json
    python3.13 numpy-smoke/smoke.py --record  # write expected.json (CPython only)

Each check returns plain data (lists, strs, floats); results compare equal
to the recorded ones exactly. Results that depend on the BLAS/LAPACK build
(official wheels use OpenBLAS, a build without it numpy's lapack_lite) are
rounded, or checked as properties (A @ v == w * v), never taken from our own
output.
"""

import io
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected.json")
CHECKS = []


def check(fn):
    CHECKS.append(fn)
    return fn


def r(a, digits=10):
    """Rounded to `digits`, as a list (or a float)."""
    out = np.round(np.asarray(a, dtype=np.float64), digits) + 0.0  # no -0.0
    return out.tolist()


@check
def creation():
    return [
        np.array([1, 2, 3]).tolist(),
        str(np.array([1, 2, 3]).dtype),
        list(np.array([[1, 2], [3, 4], [5, 6]]).shape),
        np.array([[[1], [2]], [[3], [4]]]).tolist(),
        np.arange(10).tolist(),
        np.arange(1.0, 2.0, 0.25).tolist(),
        np.array(range(5)).tolist(),
        np.linspace(0, 1, 5).tolist(),
        np.zeros((2, 3)).tolist(),
        np.ones(3, dtype=np.int8).tolist(),
        np.full((2, 2), 7).tolist(),
        np.eye(3).tolist(),
        str(np.array([1, 2.5]).dtype),
        str(np.array([1, 2j]).dtype),
        str(np.array(["a", "bcd"]).dtype),
        str(np.array([True, False]).dtype),
    ]


@check
def dtypes():
    out = []
    for name in ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16",
                 "uint32", "uint64", "float16", "float32", "float64",
                 "complex64", "complex128"):
        a = np.array([0, 1, 2, 3], dtype=name)
        out.append([name, a.dtype.str, a.dtype.itemsize, a.dtype.kind, repr(a), repr(a.tolist())])
    out.append(repr(np.array([65504, 1e-4, 3.14159], dtype=np.float16).tolist()))
    out.append(repr(np.iinfo(np.int16).min) + " " + repr(np.iinfo(np.uint32).max))
    out.append(repr(np.finfo(np.float32).eps))
    out.append(repr(np.array([1, 2], dtype=np.uint8) - np.array([2, 1], dtype=np.uint8)))
    s = np.array(["x", "hello", "wörld"])
    out.append([s.dtype.str, s.tolist(), repr(s)])
    b = np.array([b"ab", b"c"])
    out.append([b.dtype.str, repr(b.tolist()), repr(b)])
    o = np.array([1, "a", None, [1, 2]], dtype=object)
    out.append([o.dtype.str, repr(o)])
    rec = np.array([(1, 2.5, b"xy"), (3, -1.0, b"z")], dtype=[("a", "i4"), ("b", "f8"), ("c", "S3")])
    out.append([str(rec.dtype), rec.dtype.itemsize, repr(rec), rec["b"].tolist(), repr(rec[1])])
    return out


@check
def shapes_and_indexing():
    a = np.arange(24).reshape(2, 3, 4)
    return [
        a.reshape(6, 4).tolist(),
        a.reshape(-1).tolist()[:5],
        a.transpose(2, 0, 1).shape,
        a.T.tolist(),
        a[1, 2, 3].item(),
        a[:, 1, ::2].tolist(),
        a[..., -1].tolist(),
        a[::-1, ::2].tolist(),
        a[[0, 1], [2, 0]].tolist(),
        a[a % 5 == 0].tolist(),
        np.arange(10)[np.array([True, False] * 5)].tolist(),
        (np.arange(3)[:, None] * np.arange(4)[None, :]).tolist(),
        (np.ones((2, 3)) + np.array([1, 2, 3])).tolist(),
        np.concatenate([np.arange(3), np.arange(2)]).tolist(),
        np.stack([np.arange(2), np.arange(2, 4)]).tolist(),
        np.squeeze(np.zeros((1, 3, 1))).shape,
        np.expand_dims(np.arange(3), 0).shape,
        np.where(np.arange(6) > 2, 1, -1).tolist(),
        a.strides,
        a[:, ::2].strides,
        a.flags["C_CONTIGUOUS"], a.T.flags["C_CONTIGUOUS"], a.T.flags["F_CONTIGUOUS"],
    ]


@check
def assignment():
    a = np.zeros(10, dtype=int)
    a[2:5] = 7
    a[[0, 9]] = [1, 2]
    a[a == 7] += 1
    b = np.arange(12).reshape(3, 4)
    b[:, 1] = -1
    b[b > 8] = 0
    return [a.tolist(), b.tolist()]


@check
def ufuncs():
    x = np.array([0.0, 0.5, 1.0, 2.0])
    out = np.empty(4)
    res = np.add(x, 1, out=out)
    w = np.full(4, -1.0)
    np.multiply(x, 10, out=w, where=x > 0.6)
    return [
        res is out,
        out.tolist(),
        w.tolist(),
        r(np.sin(x)), r(np.exp(x)), r(np.sqrt(x)), r(np.log1p(x)),
        np.maximum(x, 0.7).tolist(),
        (x ** 2).tolist(),
        (np.arange(5) // 2).tolist(),
        (np.arange(5) % 3).tolist(),
        np.add.reduce(np.arange(5)).item(),
        np.add.accumulate(np.arange(5)).tolist(),
        np.multiply.outer(np.arange(3), np.arange(3)).tolist(),
        np.isnan(np.array([1.0, np.nan])).tolist(),
        (np.array([1, 2, 3]) == np.array([1, 5, 3])).tolist(),
        np.negative(np.array([1, -2], dtype=np.int8)).tolist(),
    ]


@check
def reductions():
    a = np.arange(1, 13, dtype=np.float64).reshape(3, 4)
    return [
        a.sum().item(), a.sum(axis=0).tolist(), a.sum(axis=1).tolist(),
        a.prod(axis=0).tolist(), a.mean().item(), r(a.std()), r(a.var(axis=1)),
        a.min().item(), a.max(axis=1).tolist(), int(a.argmax()), a.argmin(axis=0).tolist(),
        a.cumsum().tolist(), np.cumprod(np.arange(1, 6)).tolist(),
        bool(np.all(a > 0)), bool(np.any(a > 11)), np.count_nonzero(a > 5),
        np.median(a).item(), r(np.percentile(a, [25, 75])),
        np.arange(10).sum(keepdims=True).shape,
    ]


@check
def linear_algebra():
    a = np.array([[4.0, 1.0, 2.0], [1.0, 3.0, 0.0], [2.0, 0.0, 5.0]])
    b = np.array([1.0, 2.0, 3.0])
    inv = np.linalg.inv(a)
    x = np.linalg.solve(a, b)
    w, v = np.linalg.eig(a)
    u, s, vt = np.linalg.svd(a)
    m = np.arange(6.0).reshape(2, 3)
    return [
        np.dot(np.arange(3), np.arange(3)).item(),
        (m @ m.T).tolist(),
        np.dot(m, np.ones(3)).tolist(),
        r(inv), r(inv @ a),
        r(x), r(a @ x),
        r(np.linalg.det(a)),
        r(np.sort(w)),
        bool(np.allclose(a @ v, v * w)),
        r(s),
        bool(np.allclose((u * s) @ vt, a)),
        r(np.linalg.norm(a)),
        np.linalg.matrix_rank(m).item(),
        r(np.linalg.eigvalsh(a)),
        r(np.trace(a)),
    ]


@check
def fft():
    x = np.array([1.0, 2.0, 0.0, -1.0, 3.0, 0.5, 0.0, 1.0])
    f = np.fft.fft(x)
    return [
        r(f.real, 9), r(f.imag, 9),
        r(np.fft.ifft(f).real, 9),
        r(np.abs(np.fft.rfft(x)), 9),
        np.fft.fftfreq(8).tolist(),
    ]


@check
def random():
    rng = np.random.default_rng(42)
    out = [
        rng.random(5).tolist(),
        rng.integers(0, 100, size=10).tolist(),
        rng.normal(size=4).tolist(),
        rng.standard_exponential(3).tolist(),
        rng.choice(10, size=5, replace=False).tolist(),
        rng.permutation(8).tolist(),
        rng.uniform(-1, 1, 3).tolist(),
        rng.poisson(3.0, 5).tolist(),
    ]
    legacy = np.random.RandomState(7)
    out.append(legacy.rand(3).tolist())
    out.append(legacy.randint(0, 10, 5).tolist())
    return out


@check
def sorting():
    a = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
    u, idx, inv, counts = np.unique(a, return_index=True, return_inverse=True, return_counts=True)
    return [
        np.sort(a).tolist(), np.argsort(a, kind="stable").tolist(),
        np.sort(np.array([[3, 1], [2, 5]]), axis=0).tolist(),
        u.tolist(), idx.tolist(), inv.tolist(), counts.tolist(),
        np.searchsorted(np.sort(a), [4, 10]).tolist(),
        np.sort(np.array(["pear", "apple", "fig"])).tolist(),
        np.argmax(a).item(),
    ]


@check
def buffers():
    raw = bytes(range(8))
    a = np.frombuffer(raw, dtype=np.uint8)
    b = np.frombuffer(raw, dtype="<u2")
    ba = bytearray(b"abcd")
    c = np.frombuffer(ba, dtype=np.uint8)
    c_writable = c.flags.writeable
    ba[0] = ord("z")
    arr = np.arange(6, dtype=np.int32).reshape(2, 3)
    m = memoryview(arr)
    back = np.asarray(m)
    m2 = memoryview(arr)
    m2[0, 0] = 42
    f = np.array([1.5, 2.5])
    mf = memoryview(f)
    return [
        a.tolist(), b.tolist(), a.flags.writeable, c_writable, c.tolist(),
        [m.format, m.itemsize, list(m.shape), list(m.strides), m.ndim, m.readonly, m.tolist()],
        bytes(m).hex(),
        back.tolist(), bool(np.shares_memory(back, arr)),
        arr[0, 0].item(),
        [mf.format, mf.tolist()],
        np.frombuffer(memoryview(b"\x00\x00\x80?"), dtype="<f4").tolist(),
        np.array(memoryview(b"xyz")).tolist(),
        bytes(np.array([1, 2], dtype="<i2")).hex(),
        arr[:, 1].tobytes().hex(),
    ]


@check
def printing():
    np.set_printoptions(precision=4)
    try:
        return [
            repr(np.arange(12).reshape(3, 4)),
            str(np.array([1.0, 2.5, np.pi])),
            repr(np.array([1e-10, 1.0, 1e10])),
            str(np.arange(2000)),
            repr(np.array([], dtype=float)),
            repr(np.array([1 + 2j, -1j])),
            np.array2string(np.array([[1, 2], [3, 4]]), separator=", "),
            repr(np.float64(0.1)), repr(np.int32(5)), str(np.float32(1 / 3)),
            repr(np.array([True, False])),
            repr(np.ma.masked_array([1, 2, 3], mask=[0, 1, 0])),
        ]
    finally:
        np.set_printoptions()


@check
def save_load():
    buf = io.BytesIO()
    a = np.arange(10, dtype=np.float32).reshape(2, 5)
    np.save(buf, a)
    size = buf.tell()
    buf.seek(0)
    b = np.load(buf)
    z = io.BytesIO()
    np.savez(z, x=np.arange(3), y=np.array(["a", "b"]))
    z.seek(0)
    with np.load(z) as data:
        files = sorted(data.files)
        x, y = data["x"].tolist(), data["y"].tolist()
    return [size, str(b.dtype), b.tolist(), bool(np.array_equal(a, b)), files, x, y]


@check
def objects():
    from fractions import Fraction

    o = np.array([Fraction(1, 3), Fraction(1, 6), Fraction(1, 2)], dtype=object)
    l = [1, 2]
    p = np.empty(2, dtype=object)
    p[0] = l
    p[1] = {"k": "v"}
    l.append(3)
    return [
        str(o.sum()), repr(o * 2), str(o.dtype),
        repr(p), p[0] is l,
        repr(np.array([None, "x", 1.5], dtype=object)),
        np.array([[1, 2], [3]], dtype=object).shape,
        repr(np.array(["abc", 1], dtype=object)[0].upper()),
    ]


@check
def array_interface():
    a = np.arange(6, dtype=np.int16).reshape(2, 3)
    ai = a.__array_interface__
    return [
        sorted(ai), ai["typestr"], list(ai["shape"]), ai["strides"], ai["version"],
        ai["data"][1],
        a[:, 1:].__array_interface__["strides"],
        isinstance(ai["data"][0], int),
    ]


@check
def errors():
    out = []
    for fn in (lambda: np.ones(3) + np.ones(4),
               lambda: np.arange(6).reshape(4, 2),
               lambda: np.zeros(3)[5],
               lambda: np.array([1, 2]).astype("no such type"),
               lambda: np.linalg.inv(np.zeros((2, 2))),
               lambda: np.dot(np.ones((2, 3)), np.ones((2, 3)))):
        try:
            fn()
            out.append(None)
        except Exception as e:
            out.append([type(e).__module__, type(e).__qualname__, str(e)])
    return out


@check
def scalars_and_conversions():
    a = np.arange(5, dtype=np.float64)
    return [
        float(a[3]), int(np.int64(7)), complex(np.complex64(1 + 2j)),
        [type(x).__name__ for x in (a[0], np.int8(1), np.uint64(2), np.bool_(True))],
        list(np.arange(4)) == [0, 1, 2, 3],
        np.float64(2.5).is_integer(), np.int64(2) ** 10,
        a.astype(np.int32).tolist(), np.array(["1", "2"]).astype(int).tolist(),
        (np.float32(0.1) + np.float64(0.2)).item(),
        np.asarray((1, 2, 3)).tolist(), np.array(5).ndim,
        len(np.arange(7)), 3 in np.arange(5), hash(np.int64(5)) == hash(5),
    ]


def results():
    out = {}
    for fn in CHECKS:
        # Through JSON, as the recorded values went: tuples become lists,
        # numpy scalars their repr (which names the type).
        out[fn.__name__] = json.loads(json.dumps(fn(), default=repr))
    return out


def main():
    got = results()
    if "--record" in sys.argv:
        if sys.implementation.name != "cpython":
            sys.exit("record under CPython with numpy's official wheel, never from our own output")
        made_by = "%s %s, numpy %s (%s)" % (sys.implementation.name, sys.version.split()[0], np.__version__, np.__file__)
        with open(EXPECTED, "w") as f:
            json.dump({"made_by": made_by, "results": got}, f, indent=1, sort_keys=True)
            f.write("\n")
        print("recorded %d checks in %s" % (len(got), EXPECTED))
        return
    with open(EXPECTED) as f:
        expected = json.load(f)
    if expected["results"].keys() != got.keys() or set(got) != {fn.__name__ for fn in CHECKS}:
        sys.exit("expected.json is for another version of this script: record it again")
    failed = 0
    for name, want in expected["results"].items():
        if got[name] == want:
            print("ok   ", name)
            continue
        failed += 1
        print("FAIL ", name)
        for i, (g, w) in enumerate(zip(got[name], want)):
            if g != w:
                print("   [%d] got      %r\n       expected %r" % (i, g, w))
    print("numpy %s: %d passed, %d failed (expected values: %s)"
          % (np.__version__, len(got) - failed, failed, expected["made_by"]))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
