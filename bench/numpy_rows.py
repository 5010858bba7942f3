"""numpy work on rustpy next to CPython: ns per op, interleaved, best of N.

    python3 bench/numpy_rows.py --rustpy target/numpy/venv/bin/python \
        --cpython /tmp/np313/bin/python [--repeat 3] [ROW ...]

Each interpreter needs numpy importable (rustpy: `make numpy`; CPython:
a venv with numpy's PyPI wheel of the same version). Every row runs in a
subprocess per interpreter, one interpreter after the other before the
next row, so machine noise hits both alike. The bulk rows measure numpy's
own C (the boundary is crossed once per call); the per-element rows measure
the boundary. Known difference: PyPI's wheel links OpenBLAS, a build here
without it uses numpy's lapack_lite, so `a @ b` compares two libraries.
"""

import argparse
import subprocess
import sys

SETUP = "import numpy as np; a = np.arange(10**6, dtype=np.float64); b = a[::-1].copy(); out = np.empty_like(a)"

# name: (setup, statement, operations per statement)
ROWS = {
    "add 10^6 out=": (SETUP, "np.add(a, b, out=out)", 1),
    "sin 10^6": (SETUP, "np.sin(a)", 1),
    "sum 10^6": (SETUP, "a.sum()", 1),
    "max 10^6": (SETUP, "a.max()", 1),
    "matmul 500x500": ("import numpy as np; m = np.ones((500, 500)); n = np.eye(500)", "m @ n", 1),
    "np.array([1.0,2.0,3.0])": ("import numpy as np", "np.array([1.0, 2.0, 3.0])", 1),
    "float(a[i]), per element": (SETUP, "for i in range(1000): float(a[i])", 1000),
    "list(np.arange(10^6)), per element": ("import numpy as np; r = np.arange(10**6)", "list(r)", 10**6),
}

CHILD = r"""
import sys, time
setup, stmt, per = sys.argv[1], sys.argv[2], int(sys.argv[3])
g = {}
exec(setup, g)
code = compile(stmt, "<row>", "exec")
# Enough calls for ~0.2 s, then the best of 5 such runs.
n = 1
while True:
    t = time.perf_counter(); [exec(code, g) for _ in range(n)]; t = time.perf_counter() - t
    if t > 0.2 or n > 10**6: break
    n *= 2
best = t
for _ in range(4):
    t = time.perf_counter(); [exec(code, g) for _ in range(n)]; best = min(best, time.perf_counter() - t)
print(best / n / per * 1e9)
"""


def measure(exe, row):
    setup, stmt, per = ROWS[row]
    out = subprocess.run([exe, "-c", CHILD, setup, stmt, str(per)], capture_output=True, text=True)
    if out.returncode != 0:
        return None, out.stderr.strip().splitlines()[-1:] or ["exit %d" % out.returncode]
    return float(out.stdout), None


def fmt(ns):
    if ns is None:
        return "failed"
    return "%.0f" % ns if ns >= 100 else "%.1f" % ns


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rustpy", required=True)
    ap.add_argument("--cpython", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("rows", nargs="*", default=list(ROWS))
    args = ap.parse_args()
    print("| row (ns/op) | CPython | rustpy | rustpy/CPython |")
    print("| --- | --- | --- | --- |")
    for row in args.rows:
        best = {"c": None, "r": None}
        errors = []
        for _ in range(args.repeat):
            for key, exe in (("c", args.cpython), ("r", args.rustpy)):
                ns, err = measure(exe, row)
                if err:
                    errors.append("%s: %s" % (exe, err[0]))
                elif best[key] is None or ns < best[key]:
                    best[key] = ns
        ratio = "%.2f" % (best["r"] / best["c"]) if best["r"] and best["c"] else "-"
        print("| %s | %s | %s | %s |" % (row, fmt(best["c"]), fmt(best["r"]), ratio), flush=True)
        for e in sorted(set(errors)):
            print("  " + e, file=sys.stderr)


if __name__ == "__main__":
    main()
