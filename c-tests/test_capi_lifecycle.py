"""Check for capi_lifecycle: configuration, life-cycle, clocks, marshal,
files and thread-local keys from C.

CPython's rules checked here: PyRun_SimpleFile runs in __main__ with
__file__ set only for the run, closeit closes the FILE, errors are printed
and give -1; PyRun_File runs in the given namespaces; PyRun_InteractiveOne
returns 0 per statement, -1 after printing an error, 11 (E_EOF) at the end;
Py_DecodeLocale/EncodeLocale use surrogateescape and report the index of a
character they cannot encode; PyMarshal_* write and read what marshal does;
the old TLS keys hold one value per thread; PyStatus and PyWideStringList
helpers; Py_GetPrefix and friends match sys; the Py_*Flag globals match
sys.flags; PyImport_ExecCodeModuleObject gives a module with __file__."""

import builtins
import io
import marshal
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import harness
from harness import raises, raises_exact

import capi_lifecycle as c

TMP = tempfile.mkdtemp(prefix="capi_lifecycle_")


def write(name, data):
    path = os.path.join(TMP, name)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path


def captured_stderr(fn, *args):
    old = sys.stderr
    sys.stderr = io.StringIO()
    try:
        r = fn(*args)
        return r, sys.stderr.getvalue()
    finally:
        sys.stderr = old


def test_simple_file_runs_in_main_with_file_set():
    import __main__

    path = write("simple.py", "import __main__\nseen_file = __file__\nlifecycle_ran = 41 + 1\n")
    had_file = "__file__" in vars(__main__)
    r, still_open = c.run_simple_file(path, 0)
    assert r == 0 and still_open is True
    assert __main__.lifecycle_ran == 42
    if not had_file:
        assert __main__.seen_file == path
        assert "__file__" not in vars(__main__) and "__cached__" not in vars(__main__)
    r, still_open = c.run_simple_file(path, 1)
    assert r == 0 and still_open is False
    assert c.run_simple_file_macro(path) == 0


def test_simple_file_error_is_printed():
    path = write("fails.py", "raise KeyError('lifecycle boom')\n")
    (r, still_open), err = captured_stderr(c.run_simple_file, path, 1)
    assert r == -1 and still_open is False
    assert "KeyError" in err and "lifecycle boom" in err
    path = write("syntax.py", "def (:\n")
    (r, _), err = captured_stderr(c.run_simple_file, path, 0)
    assert r == -1 and "SyntaxError" in err


def test_run_file_globals_locals_closeit():
    path = write("ns.py", "y = x * 2\n")
    g = {"x": 21}
    loc = {}
    r, still_open = c.run_file(path, 257, g, loc, None)
    assert r is None and still_open is True and g["__builtins__"] is builtins.__dict__
    assert loc == {"y": 42} and "y" not in g
    r, still_open = c.run_file(path, 257, g, g, True)
    assert r is None and still_open is False and g["y"] == 42
    epath = write("expr.py", "x + 1\n")
    assert c.run_file(epath, 258, {"x": 1}, {}, False) == (2, True)
    raises_exact(NameError, c.run_file, epath, 258, {}, {}, True)
    cookie = write("latin.py", b"# -*- coding: latin-1 -*-\ns = '\xe9'\n")
    ns = {}
    c.run_file(cookie, 257, ns, ns, True)
    assert ns["s"] == "\u00e9"


def test_any_file_runs_a_regular_file_as_a_script():
    import __main__

    path = write("any.py", "import __main__\nlifecycle_any = 'ran'\n")
    assert c.fd_is_interactive(path) == 0
    assert c.run_any_file(path) == 0
    assert __main__.lifecycle_any == "ran"


def test_function_flavors_for_ctypes():
    import ctypes
    import __main__

    libc = ctypes.CDLL(None)
    libc.fopen.restype = ctypes.c_void_p
    libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    libc.fclose.argtypes = [ctypes.c_void_p]
    path = write("flavor.py", "import __main__\n__main__.lifecycle_flavor = 'ran'\n")
    simple = ctypes.pythonapi.PyRun_SimpleFile
    simple.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    fp = libc.fopen(path.encode(), b"r")
    assert simple(fp, path.encode()) == 0
    libc.fclose(fp)
    assert __main__.lifecycle_flavor == "ran"
    run = ctypes.pythonapi.PyRun_FileEx
    run.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.py_object, ctypes.py_object, ctypes.c_int]
    run.restype = ctypes.py_object
    epath = write("flavor_expr.py", "n * 3\n")
    fp = libc.fopen(epath.encode(), b"r")
    assert run(fp, epath.encode(), 258, {"n": 5}, {}, 1) == 15


def test_interactive_one_statement_at_a_time():
    import __main__

    path = write(
        "lines.txt",
        "lifecycle_a = 1\nif lifecycle_a:\n    lifecycle_b = 2\n\nraise ValueError('interactive')\nlifecycle_c = 3\n",
    )
    results, err = captured_stderr(c.run_interactive_one, path)
    assert results == [0, 0, -1, 0, 11], results
    assert (__main__.lifecycle_a, __main__.lifecycle_b, __main__.lifecycle_c) == (1, 2, 3)
    assert "ValueError: interactive" in err
    path = write("loop.txt", "lifecycle_d = 4\nundefined_name_xyz\nlifecycle_e = 5\n")
    r, err = captured_stderr(c.run_interactive_loop, path)
    assert r == 0 and __main__.lifecycle_d == 4 and __main__.lifecycle_e == 5
    assert "NameError" in err


def test_readline_reads_lines_then_empty():
    path = write("read.txt", "one\ntwo\nlast")
    assert c.readline_lines(path) == [b"one\n", b"two\n", b"last", b""]


def test_run_strings():
    import __main__

    g = {"x": 20}
    assert c.run_string("x + 1", 258, g, g, True) == 21
    loc = {}
    assert c.run_string("y = x * 2", 257, g, loc, False) is None and loc == {"y": 40}
    assert g["__builtins__"] is builtins.__dict__
    raises_exact(NameError, c.run_string, "undefined_xyz", 258, {}, {}, False)
    raises(SyntaxError, c.run_string, "1 +", 258, {}, {}, True)
    assert c.run_simple_string("import __main__\n__main__.lifecycle_simple = 'yes'") == 0
    assert __main__.lifecycle_simple == "yes"
    r, err = captured_stderr(c.run_simple_string, "raise OSError('simple boom')")
    assert r == -1 and "OSError: simple boom" in err


def test_display():
    try:
        raise KeyError("displayed")
    except KeyError as e:
        exc = e
    _, err = captured_stderr(c.display, exc)
    assert "KeyError: 'displayed'" in err and "Traceback (most recent call last)" in err
    _, err = captured_stderr(c.display, ValueError("no traceback"))
    assert err.endswith("ValueError: no traceback\n")
    _, err = captured_stderr(c.display, "text")
    assert err == "TypeError: print_exception(): Exception expected for value, str found\n", err
    if sys.version_info >= (3, 12):
        _, err = captured_stderr(c.display, ValueError("modern"), None, True)
        assert err.endswith("ValueError: modern\n")
    assert c.xoptions() is sys._xoptions


def test_compile_string_flags_macro():
    code = c.compile_string_flags("6 * 7")
    assert eval(code) == 42
    raises(SyntaxError, c.compile_string_flags, "6 *")


def test_clocks():
    r = c.clocks()
    if r is None:
        print("skipped on 3.11: PyTime_* are new in 3.13")
        return
    mono1, mono2, perf1, perf2, now, raw_mono, raw_perf, raw_now = r
    assert mono2 - mono1 >= 2_000_000 and perf2 - perf1 >= 2_000_000
    assert mono1 <= raw_mono <= mono2 and perf1 <= raw_perf <= perf2
    assert abs(now - time.time()) < 5
    assert abs(raw_now / 1e9 - now) < 1
    assert abs(mono1 - time.monotonic_ns()) < 5 * 10**9
    assert c.seconds_double(1_500_000_000) == (1.5, -(2**63), 2**63 - 1)
    assert c.seconds_double(-3_000_000_000)[0] == -3.0


def test_decode_locale_surrogateescape():
    assert c.decode_locale(b"abc") == ("abc", 3)
    assert c.decode_locale(b"a\xffb\xc3\xa9") == ("a\udcffb\u00e9", 4)
    assert c.decode_locale(b"\xed\xa0\x80") == ("\udced\udca0\udc80", 3)
    assert c.decode_locale(b"\xf0\x9f\x90\x8d!") == ("\U0001f40d!", 2)
    assert c.decode_locale(b"") == ("", 0)


def test_encode_locale_error_positions():
    assert c.encode_locale("a\udcffb\u00e9") == (b"a\xffb\xc3\xa9", -1)
    assert c.encode_locale("\U0001f40d") == ("\U0001f40d".encode(), -1)
    assert c.encode_locale("ab\ud800c") == (None, 2)
    assert c.encode_locale("\udc7f") == (None, 0)
    for raw in (b"plain", b"\xff\xfe", "d\u00e9j\u00e0".encode()):
        text, _ = c.decode_locale(raw)
        assert c.encode_locale(text) == (raw, -1)


def test_universal_newline_fgets():
    path = write("nl.txt", b"a\r\nb\rc\nd")
    lines, refused, enxio = c.universal_fgets(path, 64)
    assert lines == [b"a\n", b"b\n", b"c\n", b"d"]
    assert refused and enxio
    lines, _, _ = c.universal_fgets(path, 2)
    assert lines == [b"a", b"\n", b"b", b"\n", b"c", b"\n", b"d"]


def test_std_printer():
    p, exact = c.std_printer(2)
    assert exact == 1 and type(p).__name__ == "stderrprinter"
    assert repr(p).startswith("<stdprinter(fd=2) object at ")
    assert p.fileno() == 2 and p.closed is False and p.mode == "w" and p.encoding is None
    assert p.flush() is None and p.isatty() in (True, False)
    assert p.write("std printer: h\u00e9\n") == len("std printer: h\u00e9\n".encode())
    assert p.write("\udcff\n") == len("\\udcff\n")
    raises_exact(TypeError, p.write, b"bytes")
    assert c.std_printer(1)[0].fileno() == 1
    assert c.std_printer(5) is None


def test_open_code():
    path = write("code.py", b"x = 1\n")
    with c.open_code(path) as f:
        assert f.read() == b"x = 1\n" and "b" in f.mode
    with c.open_code_utf8(path) as f:
        assert f.read() == b"x = 1\n"
    raises_exact(TypeError, c.open_code, path.encode(), match="'path' must be 'str', not 'bytes'")
    raises(FileNotFoundError, c.open_code, path + ".missing")


def test_marshal_strings_round_trip():
    values = (1, -7, 2**40, 3.25, 1j, "s\u00e9", b"b", None, True, (1, "a"), [1, 2], {"k": 1}, frozenset({3}))
    for v in values:
        data = c.marshal_dumps(v, 4)
        assert data == marshal.dumps(v, 4), v
        assert c.marshal_loads(data) == v
        assert c.marshal_loads(marshal.dumps(v)) == v
    raises_exact(ValueError, c.marshal_dumps, object(), 4)
    raises_exact(EOFError, c.marshal_loads, b"")


def test_marshal_files():
    path = os.path.join(TMP, "m.bin")
    c.marshal_write_file(path, -2, ({"a": [1, 2]}, ("tail", 3.5)))
    with open(path, "rb") as f:
        data = f.read()
    assert data[:4] == (-2).to_bytes(4, "little", signed=True)
    assert marshal.loads(data[4:]) == {"a": [1, 2]}
    assert c.marshal_read_file(path) == (-2, {"a": [1, 2]}, ("tail", 3.5))
    other = write("py.bin", (7).to_bytes(4, "little") + marshal.dumps("first") + marshal.dumps([None]))
    assert c.marshal_read_file(other) == (7, "first", [None])
    ints = write("ints.bin", b"\xfe\xff\xff\xff")
    assert c.marshal_read_ints(ints, 4) == -2
    assert c.marshal_read_ints(ints, 2) == -2
    short = write("short.bin", b"\x01")
    raises_exact(EOFError, c.marshal_read_ints, short, 4)
    raises_exact(EOFError, c.marshal_read_ints, short, 2)
    # An unmarshallable object is not reported (the function returns void).
    c.marshal_write_file(path, 0, (object(),))


def test_tls_keys_per_thread():
    initial, set_ok, again, mine, seen, other_set, other_value, mine_after, deleted = c.tls_keys()
    assert initial == 0 and set_ok == 0 and again == 0
    assert mine == 0x1235
    assert seen == 0 and other_set == 0 and other_value == 0x5678
    assert mine_after == 0x1235 and deleted == 0


def test_tss_keys_per_thread():
    flags, set_ok, mine, seen, other_set, other_value, mine_kept, static_ok = c.tss_keys()
    assert flags == (0, 1, 1, 0)
    assert set_ok == 0 and mine == 0x66
    assert seen == 0 and other_set == 0 and other_value == 0x77
    assert mine_kept == 1 and static_ok == 1


def test_threads_started_from_c():
    assert c.start_thread() == (1, 1, 0)
    ident, native = c.thread_identity()
    assert ident == threading.get_ident()
    assert native == threading.get_native_id()


def test_thread_info_and_stack_size():
    import _thread

    info, size, zero, tiny, raised = c.thread_info()
    assert tuple(info) == tuple(sys.thread_info)
    assert size == _thread.stack_size()
    assert zero == 0 and tiny == -1 and raised == 0
    assert _thread.stack_size() == 0


def test_thread_constants():
    timeout_max, invalid = c.thread_constants()
    assert timeout_max // 10**6 == int(threading.TIMEOUT_MAX)
    assert invalid == 2**64 - 1


def test_status_helpers():
    ok, error, nomem, exit_ = c.statuses()
    assert ok == (0, None, None, 0, 0, 0, 0)
    assert error == (1, None, "boom", 0, 1, 0, 1)
    assert nomem == (1, None, "memory allocation failed", 0, 1, 0, 1)
    assert exit_ == (2, None, None, 3, 0, 1, 1)


def test_wide_string_list():
    items, results = c.wide_list([(None, "a"), (5, "b"), (0, "z"), (1, "\u00e9"), (-1, "neg")])
    assert items == ["z", "\u00e9", "a", "b"]
    assert [r[0] for r in results] == [0, 0, 0, 0, 1]
    assert results[4][1:3] == ("PyWideStringList_Insert", "PyWideStringList_Insert index must be >= 0")


def test_config_defaults():
    python, isolated, pre_python, pre_isolated = c.config_defaults()
    assert python["_config_init"] == 2 and isolated["_config_init"] == 3
    assert python["isolated"] == 0 and isolated["isolated"] == 1
    assert python["use_environment"] == 1 and isolated["use_environment"] == 0
    assert python["dev_mode"] == -1 and isolated["dev_mode"] == 0
    assert python["install_signal_handlers"] == 1 and isolated["install_signal_handlers"] == 0
    assert python["use_hash_seed"] == -1 and isolated["use_hash_seed"] == 0
    assert python["parse_argv"] == 1 and isolated["parse_argv"] == 0
    assert python["configure_c_stdio"] == 1 and isolated["configure_c_stdio"] == 0
    assert python["user_site_directory"] == 1 and isolated["user_site_directory"] == 0
    assert python["safe_path"] == 0 and isolated["safe_path"] == 1
    assert python["pathconfig_warnings"] == 1 and isolated["pathconfig_warnings"] == 0
    for cfg in (python, isolated):
        assert cfg["site_import"] == 1 and cfg["write_bytecode"] == 1 and cfg["buffered_stdio"] == 1
    assert pre_python == {
        "_config_init": 2, "parse_argv": 1, "isolated": 0, "use_environment": 1,
        "configure_locale": 1, "coerce_c_locale": -1, "coerce_c_locale_warn": -1,
        "utf8_mode": -1, "dev_mode": -1, "allocator": 0,
    }
    assert pre_isolated == {
        "_config_init": 3, "parse_argv": 0, "isolated": 1, "use_environment": 0,
        "configure_locale": 0, "coerce_c_locale": 0, "coerce_c_locale_warn": 0,
        "utf8_mode": 0, "dev_mode": 0, "allocator": 0,
    }


def test_config_setters():
    ok, name, bargv, wargv, warn, home, cleared = c.config_setters()
    assert ok == 1
    assert name == "second"
    assert bargv == ["prog", "a\udcff", "\u00e9"]
    assert wargv == ["x", "y"]
    assert warn == ["default", "error::DeprecationWarning"]
    assert home is None
    assert cleared == 1
    assert c.bytes_string() == (0, "/h\udcff")


def test_argc_argv_is_the_command_line():
    assert c.argc_argv() == sys.orig_argv


def test_path_config_matches_sys():
    path, prefix, exec_prefix, full, name, home, stable = c.path_config()
    assert prefix == sys.prefix and exec_prefix == sys.exec_prefix
    assert full == sys.executable
    assert name == sys.orig_argv[0]
    assert stable == 1
    entries = path.split(os.pathsep)
    absolute = {os.path.abspath(p) for p in sys.path}
    assert entries and {os.path.abspath(p) for p in entries} <= absolute, (entries, sys.path)
    assert home == (None if sys.flags.ignore_environment else os.environ.get("PYTHONHOME"))


def test_global_flags_match_sys_flags():
    flags = c.global_flags()
    for name in ("debug", "verbose", "quiet", "interactive", "inspect", "optimize", "no_site",
                 "bytes_warning", "ignore_environment", "dont_write_bytecode", "no_user_site",
                 "hash_randomization", "isolated", "utf8_mode"):
        assert flags[name] == getattr(sys.flags, name), name
    assert flags["frozen"] == 0
    # -u (or PYTHONUNBUFFERED, which CPython reads) makes stdout write through.
    assert flags["unbuffered"] == int(sys.__stdout__.write_through)


def test_getenv():
    os.environ["CPYEXT_LIFECYCLE_VAR"] = "v\u00e9"
    assert c.getenv("CPYEXT_LIFECYCLE_VAR") == (None if sys.flags.ignore_environment else "v\u00e9")
    assert c.getenv("CPYEXT_LIFECYCLE_UNSET_VAR") is None


def test_signal_handlers():
    assert c.signals() == (1, 1, 1, 1, 1)


def test_at_exit_runs_the_callback():
    out = subprocess.run(
        [sys.executable, "-c", "import capi_lifecycle as c; print(c.at_exit()); print('main done')"],
        capture_output=True, text=True, env=os.environ,
    )
    assert out.returncode == 0, out.stderr
    if out.stdout == "None\nmain done\n":
        print("skipped on 3.11: PyUnstable_AtExit is new in 3.13")
        return
    assert out.stdout == "True\nmain done\nat exit: cpyext data\n", out.stdout


def test_exit_status_exception():
    def child(kind):
        return subprocess.run(
            [sys.executable, "-c", "import capi_lifecycle as c; c.exit_status(%r)" % kind],
            capture_output=True, text=True, env=os.environ,
        )

    assert child("exit").returncode == 3
    out = child("error")
    assert out.returncode == 1, (out.returncode, out.stderr)
    assert "Fatal Python error: status boom" in out.stderr, out.stderr


def child(code):
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ)


def test_py_at_exit_and_py_exit():
    out = child("import atexit, capi_lifecycle as c; atexit.register(print, 'py exit');"
                "print(c.ll_at_exit()); print('main done')")
    assert out.returncode == 0, out.stderr
    assert out.stdout == "0\nmain done\npy exit\nll exit\n", out.stdout
    out = child("import atexit, capi_lifecycle as c; atexit.register(print, 'py exit');"
                "print('before'); c.py_exit(4); print('not reached')")
    assert out.returncode == 4, out.stderr
    assert out.stdout == "before\npy exit\n", out.stdout


def test_version_info():
    copyright, build, compiler, initialized = c.version_info()
    assert copyright == sys.copyright
    assert initialized == 1
    assert build and compiler
    assert sys.version.index("(" + build + ")") < sys.version.index(compiler), (build, compiler, sys.version)


def test_allocators():
    assert c.allocators() == [True, True, True]


def test_state_find_module():
    self_module, before, added, found_other, removed, after, again = c.state_modules()
    assert self_module is c
    assert before is None and added == 0 and found_other == 1
    assert removed == 0 and after is None and again == 0


def test_interpreters_and_trace_constants():
    assert c.interpreters() == (1, 1, 0, 1)
    assert c.trace_constants() == (0, 1, 2, 3, 4, 5, 6, 7)
    frames = c.current_frames()
    assert threading.get_ident() in frames


def test_enter_leave_tracing():
    calls = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name == "traced_target":
            calls.append(event)
        return None

    def traced_target():
        return len(calls)

    sys.settrace(tracer)
    try:
        before, after = c.call_untraced_then_traced(traced_target)
    finally:
        sys.settrace(None)
    assert before == 0 and after == 1
    assert calls == ["call"]


def test_audit_hook():
    seen = c.add_audit_hook()
    sys.audit("cpyext_test.event", 1, "two")
    assert seen[-1] == ("cpyext_test.event", (1, "two"), "the data")
    raises_exact(RuntimeError, sys.audit, "cpyext_test.block", match="blocked by the C hook")


def test_set_argv():
    saved_argv, saved_path = sys.argv[:], sys.path[:]
    try:
        c.set_argv(["prog", "x"], 0)
        assert sys.argv == ["prog", "x"] and sys.path == saved_path
        script = write("script.py", "")
        c.set_argv([script], 1)
        assert sys.argv == [script] and sys.path[0] == TMP
        c.set_argv(["-c"], 1)
        assert sys.path[0] == ""
        c.set_argv([], 0)
        assert sys.argv == [""]
    finally:
        sys.argv[:] = saved_argv
        sys.path[:] = saved_path


def test_reset_warn_options():
    saved = sys.warnoptions[:]
    sys.warnoptions.append("ignore::cpyext")
    c.reset_warn_options()
    assert sys.warnoptions == []
    sys.warnoptions[:] = saved


def test_exec_code_module_object():
    code = compile("value = 6 * 7\nfile_seen = __file__\n", "/nowhere/lifecycle_mod.py", "exec")
    m = c.exec_code_module("lifecycle_mod", code)
    assert sys.modules["lifecycle_mod"] is m
    assert m.value == 42 and m.__file__ == "/nowhere/lifecycle_mod.py" and m.file_seen == m.__file__
    assert m.__builtins__ is builtins.__dict__
    m2 = c.exec_code_module("lifecycle_mod", compile("more = value + 1", "x", "exec"), "/other/path.py")
    assert m2 is m and m.more == 43 and m.__file__ == "/other/path.py"
    bad = compile("raise LookupError('exec')", "bad.py", "exec")
    raises_exact(LookupError, c.exec_code_module, "lifecycle_bad", bad)
    assert "lifecycle_bad" not in sys.modules
    m3 = c.exec_code_module_paths("lifecycle_paths", code, "/src/p.py", None)
    assert m3.__file__ == "/src/p.py"
    # Without a pathname, the source next to the bytecode file, if it exists.
    source = write("q.py", "")
    m4 = c.exec_code_module_paths("lifecycle_cached", code, None, source + "c")
    assert m4.__file__ == source and m4.__cached__ == source + "c"
    del sys.modules["lifecycle_mod"], sys.modules["lifecycle_paths"], sys.modules["lifecycle_cached"]


def test_import_forms():
    import importlib.util
    import os.path

    a, b, attr, attr2 = c.import_variants("os.path", "join")
    assert a is os.path and b is os  # the level form gives the top package
    if sys.version_info >= (3, 14):
        assert attr is os.path.join and attr2 is os.path.join
    raises_exact(ModuleNotFoundError, c.import_variants, "no_such_module_xyz", "x")
    if sys.version_info >= (3, 14):
        raises_exact(AttributeError, c.import_variants, "os", "no_such_attr_xyz")
    made, made2 = c.add_module("lifecycle_added")
    assert made is made2 is sys.modules["lifecycle_added"] and made.__name__ == "lifecycle_added"
    assert c.add_module("os") == (os, os)
    del sys.modules["lifecycle_added"]
    path = write("reloaded_mod.py", "counter = 1\n")
    sys.path.insert(0, TMP)
    try:
        import reloaded_mod

        write("reloaded_mod.py", "counter = 2\n")
        importlib.invalidate_caches()
        os.utime(path, (time.time() + 10, time.time() + 10))
        assert c.reload_module(reloaded_mod) is reloaded_mod and reloaded_mod.counter == 2
    finally:
        sys.path.remove(TMP)
        sys.modules.pop("reloaded_mod", None)
    code = compile("here = __file__", "/from/code.py", "exec")
    assert c.exec_code_module_plain("lifecycle_plain", code).here == "/from/code.py"
    assert c.exec_code_module_plain("lifecycle_ex", code, "/given.py").here == "/given.py"
    assert c.exec_code_module_plain("lifecycle_ex2", code, None).here == "/from/code.py"
    for name in ("lifecycle_plain", "lifecycle_ex", "lifecycle_ex2"):
        del sys.modules[name]
    number, tag = c.magic()
    assert number == int.from_bytes(importlib.util.MAGIC_NUMBER, "little")
    assert tag == sys.implementation.cache_tag


def test_get_importer_and_frozen():
    importer = c.get_importer(TMP)
    assert importer is sys.path_importer_cache[TMP]
    assert c.get_importer(TMP) is importer
    sys.modules.pop("__hello__", None)
    assert c.import_frozen("__hello__") == (1, 1)
    hello = sys.modules["__hello__"]
    assert hello.initialized is True and hello.__origname__ == "__hello__"
    assert "__path__" not in vars(hello)
    del sys.modules["__hello__"]
    sys.modules.pop("__phello__", None)
    assert c.import_frozen("__phello__") == (1, 1)
    assert sys.modules["__phello__"].__path__ == []
    del sys.modules["__phello__"]
    assert c.import_frozen("no_such_frozen_module_xyz") == (0, 0)


def test_open_code_hook_last():
    calls = c.open_code_hook_calls()
    assert c.set_open_code_hook(io.open) == 0
    path = write("hooked.py", b"hooked = True\n")
    with c.open_code(path) as f:
        assert f.read() == b"hooked = True\n"
    with io.open_code(path) as f:
        assert f.read() == b"hooked = True\n"
    assert c.open_code_hook_calls() == calls + 2
    raises_exact(SystemError, c.set_open_code_hook, io.open, match="failed to change existing open_code hook")


if __name__ == "__main__":
    try:
        harness.run(globals())
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
