"""Check for capi_code: code objects (code.h), PyEval_EvalCodeEx, C trace
and profile functions, _PyEval_SliceIndex, PyEval_MergeCompilerFlags
(ceval.h), frames (pyframe.h, frameobject.h), generators (genobject.h),
PEP 669 events fired from C (monitoring.h), critical sections and PyMutex.

CPython's rules checked here:

- PyCode_GetCode/GetVarnames/GetCellvars/GetFreevars are new references to
  co_code, co_varnames, co_cellvars, co_freevars; PyCode_GetNumFree is the
  number of free variables; PyUnstable_Code_GetFirstFree (3.13) is where
  they start among the frame's variables: the locals, then the cells that
  are not arguments (a cell argument is counted once).  A getter given what
  is not code is PyErr_BadInternalCall's SystemError on rustpy (CPython
  reads the memory as a code object: not tried there).
- PyCode_Addr2Line(code, offset) is the line co_lines() gives the range
  holding the byte offset, -1 where it has none; a negative offset gives
  co_firstlineno.  PyCode_Addr2Location returns 1 and the span
  co_positions() gives the instruction (one entry per 2-byte code unit),
  -1 for what is None; a negative offset gives (co_firstlineno, 0,
  co_firstlineno, 0).
- PyCode_NewWithPosOnlyArgs from a code object's own attributes makes an
  equal, runnable code object (co_code is each interpreter's own bytecode).
- Code extra: an index from PyUnstable_Eval_RequestCodeExtraIndex holds
  one pointer per code object, NULL until set; GetExtra with an index never
  requested is NULL (no error); SetExtra with one is SystemError, as is
  GetExtra/SetExtra on what is not code.  Replacing data frees the old with
  the index's free function, and so does the code object going away.
- PyEval_EvalCodeEx calls a function made of the code: positional
  arguments, (name, value) keyword pairs, defaults (the last parameters),
  keyword-only defaults (kwdefs) and the closure's cells; the function's
  __name__ and __qualname__ are co_name.  Missing arguments are the
  TypeError a call gives.  Module code (no CO_NEWLOCALS) runs with locals
  (NULL: globals).
- _PyEval_SliceIndex: None leaves the index alone (the NotNone form is a
  TypeError "slice indices must be integers or have an __index__
  method"); __index__ values are clipped to [PY_SSIZE_T_MIN,
  PY_SSIZE_T_MAX]; anything else is TypeError "slice indices must be
  integers or None or have an __index__ method"; an __index__ that raises
  passes its exception on.  1 on success, 0 on failure.
- PyEval_MergeCompilerFlags adds the running code's __future__ flags
  (co_flags & PyCF_MASK) and returns whether any flag is set.
- A C profile function sees PyTrace_CALL and PyTrace_RETURN (with the
  return value) of the Python functions called; a C trace function sees
  PyTrace_CALL, PyTrace_LINE and PyTrace_RETURN; the frame is a frame
  whose code is the function's.  One that fails makes the traced call
  raise its exception (RustPython ignores a profile function's, as it does
  for sys.setprofile).  NULL removes the function.
- PyEval_GetFrame/GetGlobals (borrowed) are the calling Python code's
  frame and globals; PyEval_GetLocals (borrowed) a dict of a function
  frame's variables, the same dict on every call in that frame; the 3.13
  PyEval_GetFrameGlobals/GetFrameBuiltins/GetFrameLocals are new
  references, the last a new dict each time; for module code the locals are
  the globals.  PyEval_GetFuncName is a function's, method's or builtin's
  name, else the type's name; PyEval_GetFuncDesc "()" for those, " object"
  else.  Py_SetRecursionLimit is sys.getrecursionlimit()'s value.
- PyFrame_GetVar/GetVarString (3.12) give a live frame's local, cell or
  free variable; a name the code has no variable of, or an unbound one, is
  NameError "variable 'x' does not exist"; a name that is not str is
  TypeError "name must be str, not int".  PyFrame_FastToLocalsWithError
  is 0.
- PyGen_Check/PyGen_CheckExact hold for generators only, PyCoro_CheckExact
  for coroutines, PyAsyncGen_CheckExact for async generators,
  PyAsyncGenASend_CheckExact for what asend() returns; PyGen_Type etc. are
  types.GeneratorType, CoroutineType, AsyncGeneratorType.  PyGen_GetCode
  (3.12) is gi_code.
- Critical sections (3.13) nest, on the same object too, with a GIL.
  PyMutex's inline fast path sets the byte to _Py_LOCKED (1) and back to
  _Py_UNLOCKED (0).
- PEP 669 from C (3.13): PyMonitoring_EnterScope sets a state's active
  bits to the tools whose global events include it (none: the inline Fire
  functions do nothing); a Fire function calls each such tool's callback
  with (codelike, offset, arg...) (LINE: (codelike, lineno)); a negative
  offset is ValueError "offset must be non-negative"; a callback returning
  sys.monitoring.DISABLE clears the tool's bit for a local event, and for
  another event is ValueError "Cannot disable RAISE events. Callback
  removed." (and the callback is removed).  Exception events pass the
  raised exception, which is raised again afterwards; STOP_ITERATION
  passes StopIteration(value) and leaves nothing raised."""

import sys
import types

import harness
from harness import raises, raises_exact

import capi_code as c

HAS_312 = c.PY_VERSION_HEX >= 0x030C0000
HAS_313 = c.PY_VERSION_HEX >= 0x030D0000


def closure_sample(a, b=2, *args, k, **kw):
    x = a + 1

    def inner():
        return x + a + k

    return inner


def test_code_getters():
    co = closure_sample.__code__
    code, varnames, cellvars, freevars, nfree, first_free = c.getters(co)
    assert code == co.co_code and type(code) is bytes
    assert varnames == co.co_varnames == ("a", "b", "k", "args", "kw", "inner")
    assert cellvars == co.co_cellvars and set(cellvars) == {"a", "k", "x"}
    assert freevars == () and nfree == 0
    inner = closure_sample(1, k=3).__code__
    _, ivars, icells, ifree, infree, ifirst = c.getters(inner)
    assert ivars == () and icells == () and set(ifree) == {"a", "k", "x"} and infree == 3
    if HAS_313:
        # 6 locals, then x (a and k are arguments, counted once).
        assert first_free == 7
        assert ifirst == 0
    else:
        assert first_free is None


def test_code_getter_wrong_type():
    if not harness.ON_RUSTPY:
        return  # CPython reads the memory as a code object
    raises_exact(SystemError, c.getter_of_wrong_type, 42)


def lines_sample(n):
    total = 0
    for i in range(n):
        total += i
    return total


def new_code_sample(a, /, b, *, k=1):
    return [a, b, k]


def _code_ints(co):
    return (co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals,
            co.co_stacksize, co.co_flags, co.co_firstlineno)


c._code_ints = _code_ints


def test_code_new():
    co = new_code_sample.__code__
    made = c.code_new(co)
    assert type(made) is types.CodeType and made is not co
    for attr in ("co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_varnames",
                 "co_name", "co_qualname", "co_filename", "co_firstlineno", "co_flags"):
        assert getattr(made, attr) == getattr(co, attr), attr
    f = types.FunctionType(made, globals())
    assert f(1, 2, k=3) == [1, 2, 3] and f(4, b=5, k=6) == [4, 5, 6]
    raises_exact(TypeError, f, a=1, b=2, k=3)  # a is positional-only


def test_addr2line():
    co = lines_sample.__code__
    assert c.addr2line(co, -1) == co.co_firstlineno
    seen = set()
    for start, end, line in co.co_lines():
        expected = -1 if line is None else line
        assert c.addr2line(co, start) == expected, (start, line)
        assert c.addr2line(co, end - 2) == expected, (end, line)
        seen.add(expected)
    assert {co.co_firstlineno + 1, co.co_firstlineno + 3, co.co_firstlineno + 4} <= seen


def test_addr2location():
    co = lines_sample.__code__
    assert c.addr2location(co, -1) == (1, co.co_firstlineno, 0, co.co_firstlineno, 0)
    positions = list(co.co_positions())
    assert positions
    for i, (line, end_line, col, end_col) in enumerate(positions):
        fix = lambda v: -1 if v is None else v
        assert c.addr2location(co, 2 * i) == (1, fix(line), fix(col), fix(end_line), fix(end_col)), i


def test_optimize_and_constant_key():
    co = lines_sample.__code__
    assert c.optimize(co) is co
    assert c.constant_key(None) is None and c.constant_key(5) == 5 and c.constant_key("s") == "s"
    assert c.constant_key(True) == (bool, True) and c.constant_key(True) != c.constant_key(1)
    assert c.constant_key(b"x") == (bytes, b"x")
    assert c.constant_key(1.5) == (float, 1.5)
    assert c.constant_key(0.0) != c.constant_key(-0.0)
    assert c.constant_key(-0.0) == (float, -0.0, None)
    assert c.constant_key((1, True)) == ((1, (bool, True)), (1, True))
    assert c.constant_key(complex(0.0, -0.0)) == (complex, complex(0.0, -0.0), False)
    obj = object()
    assert c.constant_key(obj) == (id(obj), obj)


def test_code_extra():
    index = c.extra_index()
    assert index >= 0 and c.extra_index() == index
    co = compile("pass", "<extra>", "exec")
    assert c.get_extra(co, index) == -1
    assert c.get_extra(co, index + 1) == -1  # never requested: NULL, no error
    assert c.get_extra(co, -1) == -1
    raises_exact(SystemError, c.set_extra, co, index + 1, 0)
    raises_exact(SystemError, c.set_extra, co, -1, 0)
    raises_exact(SystemError, c.get_extra, "not code", index)
    raises_exact(SystemError, c.set_extra, "not code", index, 0)
    before = c.freed_counts()
    c.set_extra(co, index, 0)
    assert c.get_extra(co, index) == 0
    c.set_extra(co, index, 1)  # frees tag 0
    assert c.get_extra(co, index) == 1
    after = c.freed_counts()
    assert after[0] == before[0] + 1 and after[1] == before[1]
    other = compile("pass", "<other>", "exec")
    assert c.get_extra(other, index) == -1
    c.set_extra(other, index, 2)
    assert c.get_extra(co, index) == 1 and c.get_extra(other, index) == 2
    del co
    import gc
    gc.collect()
    freed = c.freed_counts()
    assert freed[1] == before[1] + 1 and freed[2] == before[2], freed
    c.set_extra(other, index, -1)  # NULL: frees tag 2
    assert c.get_extra(other, index) == -1 and c.freed_counts()[2] == before[2] + 1


def eval_sample(a, b, c=30, *rest, k=40, **kw):
    return (a, b, c, rest, k, kw)


def test_eval_code_ex():
    co = eval_sample.__code__
    g = globals()
    r = c.eval_code_ex(co, g, None, (1, 2), {}, (3,), {"k": 4}, None)
    assert r == (1, 2, 3, (), 4, {})
    r = c.eval_code_ex(co, g, None, (1,), {"b": 2, "z": 9}, (7, 8), {"k": 5}, None)
    assert r == (1, 2, 8, (), 5, {"z": 9})
    r = c.eval_code_ex(co, g, None, (1, 2, 3, 4, 5), {"k": 6}, (), None, None)
    assert r == (1, 2, 3, (4, 5), 6, {})
    e = raises_exact(TypeError, c.eval_code_ex, co, g, None, (1,), {}, (3,), {"k": 4}, None)
    assert "eval_sample() missing 1 required positional argument: 'b'" in str(e), e
    e = raises_exact(TypeError, c.eval_code_ex, co, g, None, (1, 2), {}, (3,), None, None)
    assert "missing 1 required keyword-only argument: 'k'" in str(e), e
    inner = closure_sample(1, k=3)
    cells = inner.__closure__
    assert c.eval_code_ex(inner.__code__, g, None, (), {}, (), None, cells) == 2 + 1 + 3
    # The function's names are co_name (not co_qualname).
    ns = {}
    exec("def outer():\n    def named():\n        import sys\n        f = sys._getframe()\n"
         "        return f.f_code.co_qualname\n    return named\n", ns)
    named = ns["outer"]()
    assert named.__code__.co_qualname == "outer.<locals>.named"
    assert c.eval_code_ex(named.__code__, ns, None, (), {}, (), None, None) == "outer.<locals>.named"
    # Module code runs in locals.
    mod = compile("y = x + 1", "<m>", "exec")
    glb, loc = {"x": 1}, {}
    assert c.eval_code_ex(mod, glb, loc, (), {}, (), None, None) is None
    assert loc == {"y": 2} and "y" not in glb
    assert c.eval_code_ex(mod, glb, None, (), {}, (), None, None) is None and glb["y"] == 2
    raises_exact(SystemError, c.eval_code_ex, mod, [], None, (), {}, (), None, None)


class Index:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class BadIndex:
    def __index__(self):
        raise ZeroDivisionError("bad index")


def test_slice_index():
    assert c.slice_index(None, False) == "unchanged"
    assert c.slice_index(7, False) == 7 and c.slice_index(-7, True) == -7
    assert c.slice_index(Index(12), False) == 12 and c.slice_index(True, False) == 1
    assert c.slice_index(10**30, False) == sys.maxsize
    assert c.slice_index(-(10**30), True) == -sys.maxsize - 1
    assert c.slice_index(Index(-(10**40)), False) == -sys.maxsize - 1
    raises_exact(TypeError, c.slice_index, 1.5, False,
                 match="slice indices must be integers or None or have an __index__ method")
    raises_exact(TypeError, c.slice_index, "1", False,
                 match="slice indices must be integers or None or have an __index__ method")
    e = raises_exact(TypeError, c.slice_index, None, True)
    assert str(e) == "slice indices must be integers or have an __index__ method", e
    raises_exact(ZeroDivisionError, c.slice_index, BadIndex(), False, match="bad index")


def test_merge_compiler_flags():
    assert c.PyCF_MASK & c.CO_FUTURE_ANNOTATIONS and c.PyCF_MASK & c.CO_FUTURE_DIVISION
    assert c.merge_flags(0) == (0, 0)  # this module has no __future__ import
    assert c.merge_flags(0x0200) == (1, 0x0200)
    ns = {"c": c}
    exec(compile("from __future__ import annotations\nr = c.merge_flags(0)\n", "<f>", "exec"), ns)
    result, flags = ns["r"]
    assert result == 1 and flags & c.CO_FUTURE_ANNOTATIONS and not flags & ~c.PyCF_MASK, ns["r"]


def profiled(n):
    return n * 2


def traced(n):
    m = n + 1
    return m


def calls_of(events, name):
    return [(what, arg) for what, code_name, arg in events if code_name == name]


def test_profile_function():
    events = []
    c.set_hook("profile", events, None)
    profiled(21)
    c.set_hook("profile", None, None)
    seen = calls_of(events, "profiled")
    assert seen == [(c.PyTrace_CALL, None), (c.PyTrace_RETURN, 42)], events
    events_after = len(events)
    profiled(1)
    assert len(events) == events_after


def test_trace_function():
    events = []
    c.set_hook("trace", events, None)
    traced(1)
    c.set_hook("trace", None, None)
    seen = calls_of(events, "traced")
    assert seen[0] == (c.PyTrace_CALL, None), seen
    assert seen[-1] == (c.PyTrace_RETURN, 2), seen
    assert [w for w, _ in seen[1:-1]] == [c.PyTrace_LINE, c.PyTrace_LINE], seen


def failing_hook(kind):
    c.set_hook(kind, [], "profiled")
    try:
        raises_exact(KeyError, profiled, 1, match="from the trace function")
    finally:
        c.set_hook(kind, None, None)


def test_failing_trace_function():
    failing_hook("trace")


@harness.differs_on_rustpy("RustPython ignores what a profile function raises (sys.setprofile's too)")
def test_failing_profile_function():
    failing_hook("profile")


def test_all_threads_hooks():
    if not HAS_312:
        return  # PyEval_SetProfileAllThreads/SetTraceAllThreads are 3.12
    for kind in ("profile_all", "trace_all"):
        events = []
        c.set_hook(kind, events, None)
        profiled(2)
        c.set_hook(kind, None, None)
        seen = calls_of(events, "profiled")
        assert seen[0] == (c.PyTrace_CALL, None) and seen[-1] == (c.PyTrace_RETURN, 4), (kind, seen)


def frame_of_locals(a):
    b = a * 2
    unbound_later = None
    del unbound_later

    def inner():
        return b

    return sys._getframe(), inner


def test_frame_get_var():
    if not HAS_312:
        assert not hasattr(c, "get_var")  # PyFrame_GetVar is 3.12
        return
    frame, inner = frame_of_locals(5)
    assert c.get_var(frame, "a") == 5 and c.get_var_string(frame, "b") == 10
    assert c.get_var(frame, "inner") is inner
    e = raises_exact(NameError, c.get_var, frame, "nope")
    assert str(e) == "variable 'nope' does not exist", e
    e = raises_exact(NameError, c.get_var_string, frame, "unbound_later")
    assert str(e) == "variable 'unbound_later' does not exist", e
    e = raises_exact(TypeError, c.get_var, frame, 3)
    assert str(e) == "name must be str, not int", e
    live = sys._getframe()
    assert c.get_var(live, "frame") is frame
    assert c.fast_to_locals(live) == 0


def calls_running_frame(a):
    b = a + 1
    return c.running_frame(), sys._getframe()


def test_running_frame():
    got, me = calls_running_frame(1)
    frame, globs, locals1, locals2 = got[:4]
    assert frame is me and globs is globals()
    assert type(locals1) is dict and locals1 == {"a": 1, "b": 2}
    assert locals2 is locals1  # the frame keeps the one dict
    if HAS_313:
        fglobs, fbuiltins, flocals1, flocals2 = got[4:]
        assert fglobs is globals()
        import builtins
        assert fbuiltins is builtins.__dict__
        assert flocals1 == {"a": 1, "b": 2} and type(flocals1) is dict
        assert flocals2 == flocals1 and flocals2 is not flocals1
    # Module code: its locals are its globals.
    ns = {"c": c}
    exec("r = c.running_frame()", ns)
    assert ns["r"][1] is ns and ns["r"][2] is ns


class Named:
    def method(self):
        pass


def test_func_name_and_desc():
    assert c.func_name(sample_function) == ("sample_function", "()")
    assert c.func_name(Named().method) == ("method", "()")
    assert c.func_name(len) == ("len", "()")
    assert c.func_name(5) == ("int", " object")
    assert c.func_name(Named()) == ("Named", " object")


def sample_function():
    pass


def test_recursion_limit_and_pending_calls():
    old = sys.getrecursionlimit()
    try:
        assert c.recursion_limit(old + 100) == (old, old + 100)
        assert sys.getrecursionlimit() == old + 100
    finally:
        sys.setrecursionlimit(old)
    assert c.make_pending_calls() == 0


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


def test_generator_checks():
    g, co, ag = gen(), coro(), agen()
    send = ag.asend(None)
    try:
        assert c.gen_checks(g) == (1, 1, 0, 0, 0)
        assert c.gen_checks(co) == (0, 0, 1, 0, 0)
        assert c.gen_checks(ag) == (0, 0, 0, 1, 0)
        assert c.gen_checks(send) == (0, 0, 0, 0, 1)
        assert c.gen_checks(iter([])) == (0, 0, 0, 0, 0)
        assert c.gen_types() == (types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType)
        if HAS_312:
            assert c.gen_get_code(g) is gen.__code__
    finally:
        send.close()
        co.close()


def test_executable_kinds():
    if not HAS_313:
        assert not hasattr(c, "executable_kinds")  # 3.13 API
        return
    import types as t
    assert c.executable_kinds() == (type(None), t.CodeType, None, t.MethodType,
                                    t.MethodDescriptorType, None)


def test_critical_sections_and_mutex():
    if not HAS_313:
        assert not hasattr(c, "critical_sections")  # 3.13 API
        return
    assert c.critical_sections(2, 3) == 5
    assert c.mutex_bits() == (0, 1, 0, 1, 0)


def test_constants():
    assert (c.FVC_MASK, c.FVC_REPR, c.FVS_HAVE_SPEC) == (3, 2, 4)
    assert c.CO_GENERATOR & gen.__code__.co_flags
    assert c.CO_COROUTINE & coro.__code__.co_flags
    assert c.CO_NEWLOCALS & gen.__code__.co_flags
    assert (c.PyTrace_CALL, c.PyTrace_LINE, c.PyTrace_RETURN, c.PyTrace_C_CALL) == (0, 2, 3, 4)


TOOL = 4


class Codelike:
    """What C fires events for: any object (the interpreter's own events,
    for code objects, are left out of the record)."""


def test_monitoring():
    if not HAS_313:
        assert not hasattr(c, "fire")  # monitoring.h is 3.13
        return
    mon = sys.monitoring
    E = mon.events
    code = Codelike()
    # No tool: nothing active, nothing called.
    assert c.fire("PY_START", code, 0, None) == (0, 0)
    mon.use_tool_id(TOOL, "capi_code")
    calls = []
    try:
        def record(*args):
            if isinstance(args[0], Codelike):
                calls.append(args)

        def disable(*args):
            if isinstance(args[0], Codelike):
                calls.append(args)
                return mon.DISABLE

        for event in (E.PY_START, E.PY_RETURN, E.LINE, E.RAISE, E.STOP_ITERATION, E.CALL):
            mon.register_callback(TOOL, event, record)
        mon.set_events(TOOL, E.PY_START | E.PY_RETURN | E.LINE | E.RAISE | E.STOP_ITERATION)
        bit = 1 << TOOL
        assert c.fire("PY_START", code, 4, None) == (bit, bit)
        assert calls.pop() == (code, 4), calls
        assert c.fire("PY_RETURN", code, 6, 99) == (bit, bit)
        assert calls.pop() == (code, 6, 99)
        assert c.fire("LINE", code, 8, 17) == (bit, bit)
        assert calls.pop() == (code, 17)
        assert c.fire("CALL", code, 2, len) == (0, 0)  # CALL is not set
        exc = ValueError("raised")
        before, after, still = c.fire("RAISE", code, 10, exc)
        assert (before, after) == (bit, bit) and still is exc
        assert calls.pop() == (code, 10, exc)
        assert c.fire("STOP_ITERATION", code, 12, 5) == (bit, bit)
        got = calls.pop()
        assert got[:2] == (code, 12) and type(got[2]) is StopIteration and got[2].value == 5
        raises_exact(ValueError, c.fire, "PY_START", code, -2, None, match="offset must be non-negative")
        assert not calls
        mon.register_callback(TOOL, E.PY_START, disable)
        assert c.fire("PY_START", code, 0, None) == (bit, 0)
        assert calls.pop() == (code, 0)
        mon.register_callback(TOOL, E.RAISE, disable)
        e = raises_exact(ValueError, c.fire, "RAISE", code, 0, KeyError("k"))
        assert str(e) == "Cannot disable RAISE events. Callback removed.", e
        assert mon.register_callback(TOOL, E.RAISE, None) is None
    finally:
        mon.set_events(TOOL, 0)
        for event in (E.PY_START, E.PY_RETURN, E.LINE, E.RAISE, E.STOP_ITERATION, E.CALL):
            mon.register_callback(TOOL, event, None)
        mon.free_tool_id(TOOL)


# What our headers mark: each use fails to compile, naming the reason.
MARKED = [
    ("PyTracebackObject *tb = 0; (void)tb;", "tracebacks are RustPython's"),
    ("_PyCoCached *cc = 0; (void)cc;", "code objects are RustPython's"),
    ("struct my_code _PyCode_DEF(4);", "they have no CPython memory layout"),
    ("PyCodeAddressRange *r = 0; (void)r;", "co_linetable is RustPython's encoding"),
    ("PyFrameLocalsProxyObject *p = 0; (void)p;", "frame locals proxies are RustPython's"),
    ("(void)PyGen_New(NULL);", "RustPython makes a generator only by calling a generator function"),
    ("(void)PyEval_EvalFrame(NULL);", "RustPython runs a frame only inside the call that created it"),
    ("(void)PyCode_AddWatcher(NULL);", "RustPython does not report when code objects are created"),
    ("(void)PyCompile_OpcodeStackEffect(1, 0);", "RustPython's bytecode is its own"),
    ("(void)PyUnstable_InterpreterFrame_GetLine(NULL);", "there is no _PyInterpreterFrame"),
    ("(void)_PyFrame_IsEntryFrame(NULL);", "do not record whether C entered the evaluation loop"),
]


def test_marked_names_do_not_compile():
    if not harness.ON_RUSTPY:
        return  # CPython's headers define them all
    import os
    import subprocess
    import sysconfig
    import tempfile

    include = sysconfig.get_paths()["include"]
    with tempfile.TemporaryDirectory() as tmp:
        for body, reason in MARKED:
            src = os.path.join(tmp, "use.c")
            with open(src, "w") as f:
                f.write("#include <Python.h>\n#include <frameobject.h>\nvoid use(void) { %s }\n" % body)
            out = subprocess.run([os.environ.get("CC", "gcc"), "-fsyntax-only", "-I", include, src],
                                 capture_output=True, text=True)
            assert out.returncode != 0, body
            assert reason in out.stderr, (body, out.stderr)
        with open(src, "w") as f:
            f.write("#include <Python.h>\n#include <frameobject.h>\nvoid use(void) { }\n")
        out = subprocess.run([os.environ.get("CC", "gcc"), "-fsyntax-only", "-I", include, src],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stderr


if __name__ == "__main__":
    harness.run(globals())
