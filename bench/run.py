"""The crossing benchmark: ns per op on CPython 3.11 and on rustpy, side by side.

    python3 bench/run.py --rustpy target/release/rustpy [--quick]
                         [--cpython python3] [--skip-memory] [OP ...]

Builds bench/crossing.c twice, against the CPython's own headers into
target/bench/cpython/ and against include/ into target/bench/rustpy/, runs
bench/timing.py under each interpreter (one subprocess per operation, so a
crash costs one row), and prints the table with the ratio rustpy/CPython and
DESIGN.md's reference numbers. Then runs 10**7 crossings in both directions
under each interpreter and prints RSS (and rustpy's live proxies) at 0, 10**6
and 10**7. --quick divides every N by 10 (and the memory run too) and takes
the best of 3 runs instead of 5.
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
import timing  # noqa: E402  (for OPS only; runs nothing)

MEMORY_N = 10**7


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def ask(exe, code):
    out = run([exe, "-c", code])
    if out.returncode != 0:
        sys.exit("`%s -c ...` failed:\n%s%s" % (exe, out.stdout, out.stderr))
    return out.stdout.split("\n")


def build(cc, include, suffix, out_dir):
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / ("crossing" + suffix)
    tmp = out_dir / (".crossing.%d.tmp.so" % os.getpid())
    cmd = [cc, "-shared", "-fPIC", "-O2", "-Wall", "-Werror", "-I" + str(include),
           *(["-undefined", "dynamic_lookup"] if sys.platform == "darwin" else []),
           str(BENCH / "crossing.c"), "-o", str(tmp)]
    res = run(cmd)
    if res.returncode != 0:
        tmp.unlink(missing_ok=True)
        sys.exit("building crossing.c failed:\n%s\n%s%s" % (" ".join(cmd), res.stdout, res.stderr))
    tmp.replace(out)
    return out


def env_for(module_dir):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(module_dir)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for k in ("PYTHONHOME", "PYTHONSTARTUP"):
        env.pop(k, None)
    return env


def describe_exit(code):
    if code < 0:
        try:
            import signal

            return "killed by %s" % signal.Signals(-code).name
        except ValueError:
            return "killed by signal %d" % -code
    return "exit status %d" % code


def time_op(exe, module_dir, key, scale, repeats):
    """-> (ns per op, None) or (None, error text)."""
    cmd = [exe, str(BENCH / "timing.py"), key, "--scale", str(scale), "--repeats", str(repeats)]
    res = run(cmd, env=env_for(module_dir), cwd=str(module_dir))
    for line in res.stdout.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[0] == "RESULT" and parts[1] == key:
            return float(parts[2]), None
        if len(parts) >= 2 and parts[0] == "ERROR" and parts[1] == key:
            return None, parts[2] if len(parts) == 3 else "error"
    tail = (res.stderr.strip().splitlines() or [""])[-1]
    return None, "%s %s" % (describe_exit(res.returncode), tail)


def memory(exe, module_dir, total):
    """-> list of (phase, iterations, VmRSS kB, max RSS kB, live proxies)."""
    res = run([exe, str(BENCH / "timing.py"), "--memory", str(total)],
              env=env_for(module_dir), cwd=str(module_dir))
    rows = []
    for line in res.stdout.splitlines():
        p = line.split()
        if len(p) == 6 and p[0] == "MEM":
            rows.append((p[1], int(p[2]), int(p[3]), int(p[4]), p[5]))
    err = None
    if res.returncode != 0:
        lines = (res.stdout + res.stderr).strip().splitlines()
        err = "%s %s" % (describe_exit(res.returncode), lines[-1] if lines else "")
    return rows, err


def fmt(x, width=8):
    if x is None:
        return "-".rjust(width)
    if x >= 100:
        return ("%.0f" % x).rjust(width)
    if x >= 10:
        return ("%.1f" % x).rjust(width)
    return ("%.2f" % x).rjust(width)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rustpy", required=True, help="the rustpy interpreter to measure")
    ap.add_argument("--cpython", default=sys.executable,
                    help="the CPython to compare with (default: the one running this)")
    ap.add_argument("--quick", action="store_true", help="N / 10, best of 3")
    ap.add_argument("--skip-memory", action="store_true", help="no memory run")
    ap.add_argument("ops", nargs="*", help="only these operations (default: all)")
    args = ap.parse_args()

    rustpy = str(Path(args.rustpy).resolve())
    cpython = args.cpython
    cc = os.environ.get("CC", "cc")
    scale = 0.1 if args.quick else 1.0
    repeats = 3 if args.quick else 5
    mem_n = MEMORY_N // 10 if args.quick else MEMORY_N

    cp_include, cp_suffix, cp_version, _ = ask(
        cpython,
        "import sys, sysconfig\n"
        "print(sysconfig.get_paths()['include'])\n"
        "print(sysconfig.get_config_var('EXT_SUFFIX'))\n"
        "print('%d.%d.%d' % sys.version_info[:3])",
    )
    rp_suffix, rp_include = ask(rustpy, "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX')); "
                                        "print(sysconfig.get_paths()['include'])")[:2]
    target = ROOT / "target" / "bench"
    build(cc, cp_include, cp_suffix, target / "cpython")
    build(cc, rp_include, rp_suffix, target / "rustpy")

    ops = timing.OPS
    if args.ops:
        unknown = [k for k in args.ops if k not in timing.OPS_BY_KEY]
        if unknown:
            sys.exit("unknown operations: %s (known: %s)"
                     % (" ".join(unknown), " ".join(o.key for o in ops)))
        ops = [timing.OPS_BY_KEY[k] for k in args.ops]

    print("crossing benchmark: ns per op, best of %d%s" % (repeats, ", --quick" if args.quick else ""))
    print("  CPython %s: %s" % (cp_version, cpython))
    print("  rustpy:      %s" % rustpy)
    print("  Python-side rows are whole loop iterations (loop + call + what crosses);")
    print("  C-side rows loop inside C. ref = DESIGN.md's CPython 3.11 (PyPy cpyext).")
    print()
    head = "%-50s %9s %9s %7s   %s" % ("op", "CPython", "rustpy", "ratio", "ref CPython (PyPy)")
    print(head)
    print("-" * len(head))
    errors = []
    for o in ops:
        cp, cp_err = time_op(cpython, target / "cpython", o.key, scale, repeats)
        rp, rp_err = time_op(rustpy, target / "rustpy", o.key, scale, repeats)
        ratio = "%7.2f" % (rp / cp) if cp and rp else "      -"
        ref = ""
        if o.ref:
            ref = "%g (%g)" % o.ref
        label = o.label + ("" if o.unit == "op" else " /" + o.unit)
        print("%-50s %s %s %s   %s" % (label, fmt(cp, 9), fmt(rp, 9), ratio, ref), flush=True)
        for who, err in (("CPython", cp_err), ("rustpy", rp_err)):
            if err:
                errors.append("%s under %s: %s" % (o.key, who, err))
    if errors:
        print()
        for e in errors:
            print("ERROR " + e)

    if args.skip_memory:
        return 1 if errors else 0
    print()
    print("memory: %d crossings each way, VmRSS / max RSS in MB, live proxies (rustpy)" % mem_n)
    print("  python-loop: new_int() and drop(object()) per iteration;"
          " c-loop: C new int -> Python x+1 -> C drops both")
    results = {}
    for who, exe, d in (("CPython", cpython, "cpython"), ("rustpy", rustpy, "rustpy")):
        rows, err = memory(exe, target / d, mem_n)
        results[who] = {(r[0], r[1]): r for r in rows}
        if err:
            errors.append("memory run under %s: %s" % (who, err))
    keys = []
    for who in ("CPython", "rustpy"):
        for k in results[who]:
            if k not in keys:
                keys.append(k)
    head = "%-12s %10s %18s %18s %12s" % ("phase", "iterations", "CPython RSS/max", "rustpy RSS/max",
                                          "live proxies")
    print(head)
    print("-" * len(head))

    def mb(r):
        if r is None:
            return "-".rjust(18)
        return ("%.1f / %.1f" % (r[2] / 1024, r[3] / 1024)).rjust(18)

    for k in keys:
        c = results["CPython"].get(k)
        r = results["rustpy"].get(k)
        print("%-12s %10d %s %s %12s" % (k[0], k[1], mb(c), mb(r), r[4] if r else "-"))
    for e in errors:
        if e.startswith("memory"):
            print("ERROR " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
