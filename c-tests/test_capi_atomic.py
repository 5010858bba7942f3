"""Check for capi_atomic: pyatomic.h, pystrcmp.h, pyhash.h, pydtrace.h, the
_curses and pyexpat capsules, and build facts of pyport.h/pyconfig.h.

The atomics are public from CPython 3.13 (3.11 keeps them in its internal
headers, so under 3.11 those checks are skipped, saying so); 3.14's
additions are checked when the module was built against 3.14 headers
(ours). Each atomic is checked on the values it returns and stores,
including wrap-around at its width, compare_exchange's failure path (which
writes the current value into *expected), and that it touches no byte
beside its object. The hash checks take sys.hash_info and hash() as the
truth: the headers must describe the interpreter they run under."""

import importlib
import math
import struct
import sys
import sysconfig

import harness
from harness import raises

import capi_atomic as c

HAS_ATOMICS = hasattr(c, "atomic")
HEADERS_314 = sys.version_info >= (3, 14)
SKIP_311 = "skipped: CPython 3.11 keeps pyatomic.h internal (public from 3.13)"


def skip_without_atomics():
    if not HAS_ATOMICS:
        print("%s: %s" % (sys._getframe(1).f_code.co_name, SKIP_311))
        return True
    return False


# ---- the types: suffix -> (bits, signed) ----

BITS = {
    "int": struct.calcsize("i") * 8, "uint": struct.calcsize("I") * 8,
    "int8": 8, "int16": 16, "int32": 32, "int64": 64,
    "uint8": 8, "uint16": 16, "uint32": 32, "uint64": 64,
    "intptr": struct.calcsize("P") * 8, "uintptr": struct.calcsize("P") * 8,
    "ssize": struct.calcsize("n") * 8, "ullong": struct.calcsize("Q") * 8,
    "char": 8, "uchar": 8, "short": struct.calcsize("h") * 8,
    "ushort": struct.calcsize("H") * 8, "long": struct.calcsize("l") * 8,
    "llong": struct.calcsize("q") * 8,
}
UNSIGNED = {"uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "ullong", "uchar", "ushort"}

INTS = ["int", "int8", "int16", "int32", "int64", "intptr", "uint", "uint8",
        "uint16", "uint32", "uint64", "uintptr", "ssize"]
FIXED = ["int", "int8", "int16", "int32", "int64", "intptr", "uint8", "uint16",
         "uint32", "uint64", "uintptr", "uint", "ssize"]
BITWISE = ["uint8", "uint16", "uint32", "uint64", "uintptr"]


def wrap(v, t):
    bits = BITS[t]
    v %= 1 << bits
    if t not in UNSIGNED and v >= 1 << (bits - 1):
        v -= 1 << bits
    return v


def limits(t):
    bits = BITS[t]
    if t in UNSIGNED:
        return 0, (1 << bits) - 1
    if t == "char":  # char's signedness is the platform's: stay in 0..127
        return 0, 127
    return -(1 << (bits - 1)), (1 << (bits - 1)) - 1


def expected_names():
    names = set()
    for t in INTS:
        names |= {"_Py_atomic_add_" + t, "_Py_atomic_compare_exchange_" + t,
                  "_Py_atomic_exchange_" + t}
    for t in BITWISE:
        names |= {"_Py_atomic_and_" + t, "_Py_atomic_or_" + t}
    for t in FIXED + ["ptr"]:
        names |= {"_Py_atomic_load_" + t, "_Py_atomic_load_%s_relaxed" % t,
                  "_Py_atomic_store_" + t, "_Py_atomic_store_%s_relaxed" % t}
    names |= {"_Py_atomic_compare_exchange_ptr", "_Py_atomic_exchange_ptr",
              "_Py_atomic_load_ullong_relaxed", "_Py_atomic_store_ullong_relaxed",
              "_Py_atomic_load_ulong"}
    names |= {"_Py_atomic_load_%s_acquire" % t for t in ("ptr", "uintptr", "int", "uint64", "uint32", "ssize")}
    names |= {"_Py_atomic_store_%s_release" % t for t in ("ptr", "uintptr", "ssize", "int", "uint32", "uint64")}
    if HEADERS_314:
        for t in ("char", "uchar", "short", "ushort", "long", "llong", "float", "double"):
            names |= {"_Py_atomic_load_%s_relaxed" % t, "_Py_atomic_store_%s_relaxed" % t}
        names |= {"_Py_atomic_store_uint_release", "_Py_atomic_load_ptr_consume"}
    return names


def atomic_names():
    return set(c.atomic_names())


# ---- atomics ----

def test_every_atomic_has_its_check():
    if skip_without_atomics():
        return
    assert atomic_names() == expected_names(), (
        sorted(atomic_names() ^ expected_names()))


def test_add_returns_previous_and_wraps():
    if skip_without_atomics():
        return
    for t in INTS:
        lo, hi = limits(t)
        name = "_Py_atomic_add_" + t
        for initial, operand in [(5, 3), (0, 0), (hi, 1), (lo, -1 if t not in UNSIGNED else hi),
                                 (hi - 2, 7), (lo, lo)]:
            operand = wrap(operand, t)
            got = c.atomic(name, initial, operand)
            assert got == (initial, wrap(initial + operand, t), True), (name, initial, operand, got)


def test_exchange_returns_previous():
    if skip_without_atomics():
        return
    for t in INTS:
        lo, hi = limits(t)
        name = "_Py_atomic_exchange_" + t
        for initial, new in [(1, 2), (lo, hi), (hi, lo), (0, 0)]:
            got = c.atomic(name, initial, new)
            assert got == (initial, new, True), (name, initial, new, got)


def test_and_or_return_previous():
    if skip_without_atomics():
        return
    for t in BITWISE:
        top = 1 << (BITS[t] - 1)
        full = (1 << BITS[t]) - 1
        for a, b in [(0b1100, 0b1010), (full, top), (top | 1, 1), (0, full)]:
            got = c.atomic("_Py_atomic_and_" + t, a, b)
            assert got == (a, a & b, True), (t, "and", a, b, got)
            got = c.atomic("_Py_atomic_or_" + t, a, b)
            assert got == (a, a | b, True), (t, "or", a, b, got)


def test_compare_exchange_success_and_failure():
    if skip_without_atomics():
        return
    for t in INTS:
        lo, hi = limits(t)
        name = "_Py_atomic_compare_exchange_" + t
        for current, other, desired in [(7, 5, 9), (lo, hi, 0), (hi, lo, 1)]:
            # current == expected: swapped, expected left as it was.
            assert c.atomic(name, current, current, desired) == (1, desired, current), name
            # current != expected: not swapped, current written to expected.
            assert c.atomic(name, current, other, desired) == (0, current, current), name


def test_loads_of_every_width():
    if skip_without_atomics():
        return
    loads = sorted(n for n in atomic_names() if n.startswith("_Py_atomic_load_")
                   and not n.startswith(("_Py_atomic_load_ptr", "_Py_atomic_load_ulong"))
                   and "float" not in n and "double" not in n)
    assert len(loads) >= 32, loads
    for name in loads:
        t = name[len("_Py_atomic_load_"):].replace("_relaxed", "").replace("_acquire", "")
        lo, hi = limits(t)
        for v in (lo, hi, 0, 1, wrap(0x5A5A5A5A5A5A5A5A, t) if t != "char" else 0x5A):
            assert c.atomic(name, v) == v, (name, v)


def test_stores_of_every_width():
    if skip_without_atomics():
        return
    stores = sorted(n for n in atomic_names() if n.startswith("_Py_atomic_store_")
                    and not n.startswith("_Py_atomic_store_ptr")
                    and "float" not in n and "double" not in n)
    assert len(stores) >= 32, stores
    for name in stores:
        t = name[len("_Py_atomic_store_"):].replace("_relaxed", "").replace("_release", "")
        lo, hi = limits(t)
        for v in (lo, hi, 0, 1):
            assert c.atomic(name, v) == (v, True), (name, v)


def test_pointer_atomics():
    if skip_without_atomics():
        return
    a, b, d = 0x1000, 0x7FFFDEADBEE0, (1 << 64) - 16
    assert c.atomic("_Py_atomic_exchange_ptr", a, b) == (a, b, True)
    assert c.atomic("_Py_atomic_compare_exchange_ptr", a, a, d) == (1, d, a)
    assert c.atomic("_Py_atomic_compare_exchange_ptr", a, b, d) == (0, a, a)
    loads = ["_Py_atomic_load_ptr", "_Py_atomic_load_ptr_relaxed", "_Py_atomic_load_ptr_acquire"]
    if HEADERS_314:
        loads.append("_Py_atomic_load_ptr_consume")
    for name in loads:
        for v in (0, a, b, d):
            assert c.atomic(name, v) == v, (name, v)
    for name in ("_Py_atomic_store_ptr", "_Py_atomic_store_ptr_relaxed", "_Py_atomic_store_ptr_release"):
        for v in (0, a, d):
            assert c.atomic(name, v) == (v, True), (name, v)


def test_float_atomics_314():
    if skip_without_atomics():
        return
    if not HEADERS_314:
        print("test_float_atomics_314: skipped: float/double atomics are new in 3.14")
        return
    as_float = lambda v: struct.unpack("f", struct.pack("f", v))[0]  # noqa: E731
    for v in (1.5, 0.1, -2.0 ** 100, math.inf):
        assert c.atomic("_Py_atomic_load_double_relaxed", v) == v
        assert c.atomic("_Py_atomic_store_double_relaxed", v) == (v, True)
        assert c.atomic("_Py_atomic_load_float_relaxed", v) == as_float(v)
        assert c.atomic("_Py_atomic_store_float_relaxed", v) == (as_float(v), True)
    z = c.atomic("_Py_atomic_load_double_relaxed", -0.0)
    assert z == 0.0 and math.copysign(1.0, z) == -1.0
    assert math.isnan(c.atomic("_Py_atomic_load_float_relaxed", math.nan))


def test_ulong_macros():
    if skip_without_atomics():
        return
    bits = struct.calcsize("L") * 8
    a, b = (1 << (bits - 1)) + 5, (1 << bits) - 1
    assert c.atomic("_Py_atomic_load_ulong", a, b) == (a, b, a, b)


def test_two_threads_add_to_one_counter():
    if skip_without_atomics():
        return
    # Rounds, because a round can only catch a lost update while both
    # threads run at once, which a busy machine does not always allow.
    n = 500000
    for _ in range(20):
        final, duplicates, missing = c.add_race(n)
        assert (final, duplicates, missing) == (2 * n, 0, 0), (final, duplicates, missing)
    raises(ValueError, c.add_race, -1)


# ---- pystrcmp.h ----

def fold(byte):
    return byte + 32 if 65 <= byte <= 90 else byte


def ref_stricmp(a, b):
    a, b = a + b"\0", b + b"\0"
    i = 0
    while a[i] != 0 and fold(a[i]) == fold(b[i]):
        i += 1
    return fold(a[i]) - fold(b[i])


def ref_strnicmp(a, b, n):
    if n == 0:
        return 0
    a, b = a + b"\0", b + b"\0"
    i = 0
    while True:
        n -= 1
        if not (n > 0 and a[i] != 0 and fold(a[i]) == fold(b[i])):
            break
        i += 1
    return fold(a[i]) - fold(b[i])


PAIRS = [(b"abc", b"ABC"), (b"ab", b"ac"), (b"ab", b"abc"), (b"abc", b"ab"),
         (b"", b""), (b"", b"a"), (b"Zeta", b"zetA"), (b"[", b"{"), (b"Z", b"a"),
         (b"\xe9", b"\xc9"), (b"hello world", b"HELLO WORLD!"), (b"abx", b"ABY")]


def test_stricmp():
    assert c.stricmp(b"abc", b"ABC") == (0, 0)
    assert c.stricmp(b"abc", b"ABD") == (-1, -1)
    assert c.stricmp(b"\xe9", b"\xc9") == (0x20, 0x20)  # only ASCII letters fold
    assert c.stricmp(b"[", b"{") == (-32, -32)  # '[' is not 'A'..'Z'
    for a, b in PAIRS:
        want = ref_stricmp(a, b)
        assert c.stricmp(a, b) == (want, want), (a, b)


def test_strnicmp():
    assert c.strnicmp(b"abX", b"ABy", 2) == (0, 0)
    assert c.strnicmp(b"abX", b"ABy", 3) == (-1, -1)
    assert c.strnicmp(b"x", b"y", 0) == (0, 0)
    assert c.strnicmp(b"xbc", b"abd", -1) == (23, 23)  # a negative size compares the first bytes
    for a, b in PAIRS:
        for n in range(0, 15):
            want = ref_strnicmp(a, b, n)
            assert c.strnicmp(a, b, n) == (want, want), (a, b, n)


# ---- pyhash.h ----

ALGORITHMS = {"siphash24": "SIPHASH24", "fnv": "FNV", "siphash13": "SIPHASH13"}


def test_hash_macros_describe_sys_hash_info():
    m = c.hash_macros()
    info = sys.hash_info
    assert (m["EXTERNAL"], m["SIPHASH24"], m["FNV"], m["SIPHASH13"]) == (0, 1, 2, 3)
    assert m["ALGORITHM"] == m[ALGORITHMS[info.algorithm]], (m["ALGORITHM"], info.algorithm)
    assert m["CUTOFF"] == info.cutoff
    assert m["MODULUS"] == info.modulus == (1 << m["BITS"]) - 1
    assert m["INF"] == info.inf == hash(math.inf)
    assert m["IMAG"] == info.imag == m["MULTIPLIER"] == hash(1j)
    assert m["SIZEOF_PY_HASH_T"] * 8 == info.width
    if HAS_ATOMICS:
        m13 = c.hash_macros_313()
        assert m13 == {k: m[k] for k in m13}, m13


def test_hash_funcdef():
    name, hash_bits, seed_bits = c.funcdef()
    info = sys.hash_info
    assert (name, hash_bits, seed_bits) == (info.algorithm, info.hash_bits, info.seed_bits)
    for b in (b"a", b"abc", bytes(range(256)), b"x" * 1000):
        assert c.funcdef_hash(b) == hash(b), b[:8]
    assert c.funcdef_hash(b"abc") == hash("abc")  # ASCII str hashes as its bytes


def rotr4(address):
    h = ((address >> 4) | (address << 60)) & ((1 << 64) - 1)
    h = h - (1 << 64) if h >= 1 << 63 else h
    return -2 if h == -1 else h


def test_hash_pointer():
    for address in (0, 0x10, 0x12345678, 0xF, 0x7FFFDEADBEE8, (1 << 64) - 1):
        want = rotr4(address)
        assert c.hash_pointer(address) == (want, want), hex(address)


class OwnHash:
    def __hash__(self):
        return 42


def test_generic_hash_is_object_hash():
    if not HAS_ATOMICS:
        print("test_generic_hash_is_object_hash: skipped: PyObject_GenericHash is new in 3.13")
        return
    for o in (object(), OwnHash(), 12345, "text", c):
        assert c.generic_hash(o) == object.__hash__(o), o
    own = OwnHash()
    assert hash(own) == 42 and c.generic_hash(own) == object.__hash__(own) != 42
    assert c.generic_hash_null() == 0  # the hash of the NULL pointer


# ---- pydtrace.h ----

def test_dtrace_probes_are_disabled():
    enabled = c.dtrace()
    assert len(enabled) == 12
    assert all(v == 0 for v in enabled.values()), enabled


# ---- capsules ----

def module_exists(name):
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


def test_curses_capsule():
    if module_exists("_curses"):
        assert c.curses_capsule() == ("_curses.window", 4)
    else:
        raises(ModuleNotFoundError, c.curses_capsule)


def test_expat_capsule():
    import pyexpat

    if hasattr(pyexpat, "expat_CAPI"):
        magic, header_magic, covers = c.expat_capsule()
        assert magic == header_magic == "pyexpat.expat_CAPI 1.1" and covers
    else:
        raises(AttributeError, c.expat_capsule, match="expat_CAPI")


# ---- pyport.h, pymacro.h, pyconfig.h ----

def test_port_facts():
    f = c.port_facts()
    assert f["PYLONG_BITS_IN_DIGIT"] == sys.int_info.bits_per_digit
    assert f["RIGHT_SHIFT"] == -9 >> 1
    assert f["FORMAT_SIZE_T"] == "-5"
    assert f["RVALUE"] == 42
    assert f["DWORD_MAX"] == 2 ** 32 - 1
    assert f["SIZEOF_FPOS_T"] == sysconfig.get_config_var("SIZEOF_FPOS_T")
    assert f["PYTHONFRAMEWORK"] == (sysconfig.get_config_var("PYTHONFRAMEWORK") or "")
    # A header that says "shared" needs a libpython; the converse does not
    # hold everywhere (Debian's static interpreter ships one for embedding).
    assert not f["ENABLE_SHARED"] or sysconfig.get_config_var("Py_ENABLE_SHARED")
    for family in f["BUILTIN_HASHLIB_HASHES"].split(","):
        assert module_exists("_" + family) or (
            family == "sha2" and module_exists("_sha256") and module_exists("_sha512")), family
    if HAS_ATOMICS:
        assert c.port_facts_313() == {"CONTAINER_OF": True, "SIGNED_INT": 1,
                                      "SIGNED_UNSIGNED": 0, "SIGNED_SIZE_T": 0}


def cipher_names(context):
    return [cipher["name"] for cipher in context.get_ciphers()]


def test_ssl_default_ciphers_setting():
    import _ssl
    import ssl

    # 1: a new context takes Python's own list; 2: OpenSSL's default.
    chosen = {1: _ssl._DEFAULT_CIPHERS, 2: "DEFAULT"}[c.port_facts()["SSL_DEFAULT_CIPHERS"]]
    fresh = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    told = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    told.set_ciphers(chosen)
    assert cipher_names(fresh) == cipher_names(told)


if __name__ == "__main__":
    harness.run(globals())
