"""Check for capi_eval: Py_CompileString / Py_CompileStringExFlags /
Py_CompileStringObject, PyEval_EvalCode, PyTraceBack_Here / PyTraceBack_Print
/ PyTraceBack_Type (with the code.replace + sys._getframe frame Cython's
limited-API __Pyx_AddTraceback makes), PyErr_GetExcInfo / PyErr_SetExcInfo /
PyErr_GetHandledException / PyErr_SetHandledException, PyUnicode_DecodeASCII,
and the 3.13 PyList_GetItemRef (which the module built for CPython 3.11
lacks).

CPython's own rules checked here:

- The source is bytes read as a source file is: a PEP 263 coding cookie is
  honoured, and bytes that are not UTF-8 (without one) are a SyntaxError
  ("(unicode error) 'utf-8' codec can't decode byte 0xe9 ..."), not a
  UnicodeDecodeError.  optimize -1 is the interpreter's -O level; 1 drops
  asserts, 2 docstrings as well.  Py_single_input passes each expression
  statement's value to sys.displayhook, None included.  (A start symbol
  that is none of Py_eval_input / Py_file_input / Py_single_input is not
  tested: CPython's parser then reads outside its token array, which 3.13
  survives alone but segfaults on after other code has run, and 3.11 turns
  into a SyntaxError with a garbage offset.)
- PyEval_EvalCode does not add __builtins__ to globals when it is missing
  (PyRun_String and exec() do): the builtins are then the interpreter's, so
  even __name__ is found, as builtins.__name__.  A __builtins__ dict or
  module in globals is used instead.  locals may be any mapping; NULL means
  globals.  Globals that are not a dict are a SystemError ("bad argument to
  internal function").
- PyTraceBack_Here puts the frame in front of the exception's traceback, so
  frames added innermost first read outermost first; the exception keeps the
  __context__ PyErr_SetString gave it inside an except block.
  PyTraceBack_Print honours sys.tracebacklimit by keeping the *last* entries
  (and prints nothing at all, not even the header, for a limit <= 0); a
  traceback argument that is not one (None included) is a SystemError.
- PyErr_GetExcInfo and PyErr_GetHandledException read the exception being
  handled (sys.exception()), never the one being raised.  Outside any except
  block GetHandledException is NULL, while GetExcInfo gives Py_None (not
  NULL) for the type and traceback and NULL or None for the value; the
  traceback is Py_None too for a handled exception that has none.
- PyErr_SetHandledException(exc) sets the handled exception of the running
  frame's exception state: inside an except block it lasts until the block
  ends (which restores the one saved on entry); called where nothing is
  handled it outlives the C call and the Python function that made it, up
  to the next clear, because plain frames share the thread's state (a
  generator has its own).  NULL and None both clear it (3.11 keeps the
  None in the slot, so GetExcInfo's value is then None, not NULL).
- PyErr_SetExcInfo steals all three references and, since 3.11, uses only
  the value: sys.exc_info() gives the value's own type and traceback.
- PyUnicode_DecodeASCII: errors NULL is "strict"; the error names the
  first byte >= 0x80 ("'ascii' codec can't decode byte 0xe9 in position 1:
  ordinal not in range(128)"); an unknown error handler is looked up only
  when a byte needs it.
- PyList_GetItemRef says TypeError "expected a list" for a non-list (where
  PyList_GetItem says SystemError) and takes list subclasses."""

import builtins
import gc
import io
import sys
import traceback
import types
import weakref

import harness
from harness import raises_exact

import capi_eval as c

NULL = c.NULL
BAD_INTERNAL_CALL = "bad argument to internal function"
START = (c.EVAL_INPUT, c.FILE_INPUT, c.SINGLE_INPUT)


def entries(tb):
    """(filename, lineno, name) of each traceback entry, outermost first."""
    return [(f.filename, f.lineno, f.name) for f in traceback.extract_tb(tb)]


def here():
    """The caller's (filename, lineno, name) entry as extract_tb gives it,
    for lineno the line after the call to here()."""
    f = sys._getframe(1)
    return f.f_code.co_filename, f.f_lineno + 1, f.f_code.co_name


class Err(Exception):
    """Weakly referenceable, unlike the built-in exceptions."""


class Marker:
    pass


# ---- Py_CompileString* ----------------------------------------------------


def test_compile_gives_module_code():
    for start in START:
        for co in (
            c.compile(b"x", "f.py", start),
            c.compile_ex(b"x", "g.py", start),
            c.compile_object(b"x", "h.py", start),
        ):
            assert type(co) is types.CodeType, co
            assert co.co_name == "<module>" and co.co_firstlineno == 1, co
    assert c.compile(b"1", "f.py", c.EVAL_INPUT).co_filename == "f.py"
    assert c.compile_ex(b"1", "g.py", c.EVAL_INPUT).co_filename == "g.py"
    # Py_CompileString decodes the filename from the file system encoding;
    # Py_CompileStringObject takes it as it is.
    assert c.compile(b"1", "fïle.py", c.FILE_INPUT).co_filename == "fïle.py"
    name = "dïr/mödule.py"
    assert c.compile_object(b"1", name, c.FILE_INPUT).co_filename == name


def test_start_symbols_run_as_eval_exec_and_single():
    assert c.run_source(b"6 * 7", "e.py", c.EVAL_INPUT, {}) == 42
    assert c.run_source(b"6 * 7", "e.py", c.FILE_INPUT, {}) is None
    shown = []
    old = sys.displayhook
    sys.displayhook = shown.append
    try:
        # Single input shows each expression statement's value, None too.
        assert c.run_source(b"1 + 1", "s.py", c.SINGLE_INPUT, {}) is None
        assert c.run_source(b"None", "s.py", c.SINGLE_INPUT, {}) is None
        assert c.run_source(b"x = 5", "s.py", c.SINGLE_INPUT, {}) is None
        assert c.run_source(b"1 + 1", "s.py", c.FILE_INPUT, {}) is None
    finally:
        sys.displayhook = old
    assert shown == [2, None], shown


def test_compile_syntax_errors():
    e = raises_exact(SyntaxError, c.compile, b"1 +", "bad.py", c.EVAL_INPUT)
    assert (e.msg, e.filename, e.lineno) == ("invalid syntax", "bad.py", 1), (e.msg, e.filename, e.lineno)
    assert str(e) == "invalid syntax (bad.py, line 1)", str(e)
    # A statement is no expression.
    e = raises_exact(SyntaxError, c.compile, b"x = 1", "bad.py", c.EVAL_INPUT)
    assert (e.msg, e.filename, e.lineno) == ("invalid syntax", "bad.py", 1)
    e = raises_exact(SyntaxError, c.compile, b"x = 1\ny = 2\nz = = 3\n", "bad.py", c.FILE_INPUT)
    assert (e.filename, e.lineno) == ("bad.py", 3), (e.filename, e.lineno)
    e = raises_exact(IndentationError, c.compile, b"if x:\npass\n", "ind.py", c.FILE_INPUT)
    assert e.msg == "expected an indented block after 'if' statement on line 1", e.msg
    assert (e.filename, e.lineno) == ("ind.py", 2)
    for src in (b"x = 1\ny = 2\n", b"x = 1\ny = 2"):
        e = raises_exact(SyntaxError, c.compile, src, "one.py", c.SINGLE_INPUT)
        assert e.msg == "multiple statements found while compiling a single statement", e.msg
        assert (e.filename, e.lineno) == ("one.py", 1)


def test_compile_ex_and_object_syntax_errors():
    e = raises_exact(SyntaxError, c.compile_ex, b"(", "g.py", c.EVAL_INPUT)
    assert (e.msg, e.filename, e.lineno) == ("'(' was never closed", "g.py", 1), (e.msg, e.filename)
    e = raises_exact(SyntaxError, c.compile_object, b"x = (\n", "fïle.py", c.FILE_INPUT)
    assert (e.msg, e.filename, e.lineno) == ("'(' was never closed", "fïle.py", 1), (e.msg, e.filename)


def test_compile_optimize():
    for fn in (c.compile_ex, c.compile_object):
        for level in (-1, 0):  # -1: the interpreter's, not run with -O
            co = fn(b"assert False, 'kept'", "o.py", c.FILE_INPUT, level)
            e = raises_exact(AssertionError, c.eval_code, co, {})
            assert e.args == ("kept",)
        for level in (1, 2):
            co = fn(b"assert False, 'dropped'\nd = __debug__", "o.py", c.FILE_INPUT, level)
            g = {}
            assert c.eval_code(co, g) is None
            assert g["d"] is False
        src = b"def f():\n    'doc'\n"
        g = {}
        c.eval_code(fn(src, "o.py", c.FILE_INPUT, 1), g)
        assert g["f"].__doc__ == "doc"
        c.eval_code(fn(src, "o.py", c.FILE_INPUT, 2), g)
        assert g["f"].__doc__ is None


def test_compile_source_is_utf8():
    g = {}
    assert c.run_source("s = 'é€'\n".encode(), "u.py", c.FILE_INPUT, g) is None
    assert g["s"] == "é€"
    assert c.run_source("'é' * 2".encode(), "u.py", c.EVAL_INPUT, {}) == "éé"


def test_compile_honours_coding_cookie():
    g = {}
    src = b"# -*- coding: latin-1 -*-\ns = '\xe9'\n"
    assert c.run_source(src, "l.py", c.FILE_INPUT, g) is None
    assert g["s"] == "\xe9"


def test_compile_undecodable_source_is_syntax_error():
    # The text is the compiler's own: CPython says "(unicode error) 'utf-8'
    # codec can't decode byte 0xe9 in position 0: unexpected end of data",
    # RustPython's compile() another (PEP 263's "Non-UTF-8 code ...").
    e = raises_exact(SyntaxError, c.compile, b"s = '\xe9'\n", "l.py", c.FILE_INPUT)
    assert (e.filename, e.lineno) == ("l.py", 1), (e.filename, e.lineno)
    assert "0xe9" in e.msg or "\\xe9" in e.msg, e.msg


# ---- PyEval_EvalCode ---------------------------------------------------------


def test_eval_code_value():
    co = c.compile(b"a * b", "v.py", c.EVAL_INPUT)
    assert c.eval_code(co, {"a": 6, "b": 7}) == 42
    assert c.eval_code(co, {"a": 6}, {"b": 8}) == 48
    # A code object from compile() runs the same way.
    assert c.eval_code(compile("a - 1", "p", "eval"), {"a": 1}) == 0


def test_eval_code_file_mode_assigns_to_locals():
    co = c.compile(b"x = 1\ny = x + g\n", "f.py", c.FILE_INPUT)
    g, l = {"g": 10}, {}
    assert c.eval_code(co, g, l) is None
    assert l == {"x": 1, "y": 11}, l
    assert "x" not in g and "y" not in g
    # locals NULL: globals are the locals.
    g = {"g": 10}
    assert c.eval_code(co, g) is None
    assert (g["x"], g["y"]) == (1, 11)
    # Definitions land there too, and see globals.
    g = {}
    c.run_source(b"def f():\n    return k\nk = 3\n", "d.py", c.FILE_INPUT, g)
    assert g["f"]() == 3 and g["f"].__globals__ is g


def test_eval_code_builtins_without_key():
    assert c.run_source(b"len('abc')", "b.py", c.EVAL_INPUT, {}) == 3
    g = {}
    c.run_source(b"n = len('abcd')", "b.py", c.FILE_INPUT, g)
    assert g["n"] == 4
    # Even __name__ comes from the builtins then.
    assert c.run_source(b"__name__", "b.py", c.EVAL_INPUT, {}) == "builtins"
    assert c.run_source(b"__name__", "b.py", c.EVAL_INPUT, {"__name__": "mod"}) == "mod"
    # A __builtins__ in globals is used, dict or module.
    fake = {"len": lambda o: 42}
    assert c.run_source(b"len('abc')", "b.py", c.EVAL_INPUT, {"__builtins__": fake}) == 42
    assert c.run_source(b"len('abc')", "b.py", c.EVAL_INPUT, {"__builtins__": builtins}) == 3
    e = raises_exact(NameError, c.run_source, b"len('abc')", "b.py", c.EVAL_INPUT, {"__builtins__": {}})
    assert str(e) == "name 'len' is not defined", str(e)


def test_eval_code_does_not_add_builtins_key():
    g = {}
    c.run_source(b"len('abc')", "b.py", c.EVAL_INPUT, g)
    assert g == {}, sorted(g)
    g = {"g": 1}
    c.run_source(b"x = g", "b.py", c.FILE_INPUT, g)
    assert sorted(g) == ["g", "x"], sorted(g)
    g, l = {}, {}
    c.run_source(b"x = 1", "b.py", c.FILE_INPUT, g, l)
    assert g == {} and l == {"x": 1}, (sorted(g), l)


class Recording:
    """A mapping that is no dict: it logs what the code does with it."""

    def __init__(self, **items):
        self.d = dict(items)
        self.log = []

    def __getitem__(self, k):
        self.log.append(("get", k))
        return self.d[k]

    def __setitem__(self, k, v):
        self.log.append(("set", k, v))
        self.d[k] = v

    def __delitem__(self, k):
        self.log.append(("del", k))
        del self.d[k]


def test_eval_code_mapping_locals():
    m = Recording(a=1)
    co = c.compile(b"x = a + b\ndel a\n", "m.py", c.FILE_INPUT)
    assert c.eval_code(co, {"b": 2}, m) is None
    # b: a KeyError from the mapping, then globals.
    assert m.log == [("get", "a"), ("get", "b"), ("set", "x", 3), ("del", "a")], m.log
    assert m.d == {"x": 3}
    m = Recording(a=1)
    assert c.eval_code(c.compile(b"a + b", "m.py", c.EVAL_INPUT), {"b": 2}, m) == 3
    assert m.log == [("get", "a"), ("get", "b")], m.log
    # Not a mapping of str keys: the code's own error.
    e = raises_exact(TypeError, c.run_source, b"x = 1", "m.py", c.FILE_INPUT, {}, [])
    assert str(e) == "list indices must be integers or slices, not str", str(e)


def test_eval_code_exception_propagates():
    e = raises_exact(ZeroDivisionError, c.run_source, b"1/0", "z.py", c.EVAL_INPUT, {})
    assert str(e) == "division by zero"
    assert entries(e.__traceback__)[-1] == ("z.py", 1, "<module>"), entries(e.__traceback__)
    e = raises_exact(KeyError, c.run_source, b"x = 1\nraise KeyError('k')\n", "boom.py", c.FILE_INPUT, {})
    assert e.args == ("k",)
    assert entries(e.__traceback__)[-1] == ("boom.py", 2, "<module>"), entries(e.__traceback__)
    # A name no namespace has.
    e = raises_exact(NameError, c.run_source, b"nowhere", "n.py", c.EVAL_INPUT, {})
    assert str(e) == "name 'nowhere' is not defined", str(e)


def test_eval_code_globals_must_be_a_dict():
    co = c.compile(b"1", "g.py", c.EVAL_INPUT)
    raises_exact(SystemError, c.eval_code, co, Recording(), match=BAD_INTERNAL_CALL)
    raises_exact(SystemError, c.eval_code, co, [], {}, match=BAD_INTERNAL_CALL)


def test_cython_getframe_code():
    co = c.cython_code("cy.pyx", "cyfunc", 42)
    assert type(co) is types.CodeType
    assert (co.co_name, co.co_firstlineno, co.co_filename) == ("cyfunc", 42, "cy.pyx")
    f = c.cython_frame("cy.pyx", "cyfunc", 42)
    assert type(f) is types.FrameType, f
    assert f.f_code.co_name == "cyfunc" and f.f_code.co_filename == "cy.pyx"
    assert f.f_code.co_firstlineno == 42 and f.f_lineno == 42, (f.f_code.co_firstlineno, f.f_lineno)
    # The scratch dict was both globals and locals.
    assert f.f_globals is f.f_locals and f.f_globals["_getframe"] is sys._getframe


# ---- PyTraceBack_* ---------------------------------------------------------


def test_traceback_here_prepends_the_frame():
    f = c.cython_frame("cy.pyx", "cyfunc", 42)
    e = raises_exact(ValueError, c.raise_here, (f,), ValueError, "boom")
    assert e.args == ("boom",)
    tb = e.__traceback__
    # harness.raises' frame caught it: its entry, then the one C added.
    assert tb.tb_next is not None and tb.tb_next.tb_next is None
    assert tb.tb_next.tb_frame is f
    assert tb.tb_next.tb_lineno == 42
    assert tb.tb_next.tb_frame.f_code.co_name == "cyfunc"
    assert entries(tb)[-1] == ("cy.pyx", 42, "cyfunc"), entries(tb)
    try:
        where = here()
        c.raise_here((f,), KeyError, "direct")
    except KeyError as k:
        assert entries(k.__traceback__) == [where, ("cy.pyx", 42, "cyfunc")], entries(k.__traceback__)


def test_traceback_here_innermost_first():
    inner = c.cython_frame("cy.pyx", "inner", 10)
    outer = c.cython_frame("cy2.pyx", "outer", 7)
    try:
        c.raise_here((inner, outer), KeyError, "k")
    except KeyError as e:
        got = entries(e.__traceback__)[1:]
        assert got == [("cy2.pyx", 7, "outer"), ("cy.pyx", 10, "inner")], got
        assert e.__traceback__.tb_next.tb_frame is outer
        assert e.__traceback__.tb_next.tb_next.tb_frame is inner


def raiser():
    raise IndexError("deep")


def test_traceback_here_in_front_of_a_python_traceback():
    f = c.cython_frame("cy.pyx", "cyfunc", 42)
    try:
        c.call_then_here(raiser, f)
    except IndexError as e:
        names = [name for _, _, name in entries(e.__traceback__)]
        assert names == ["test_traceback_here_in_front_of_a_python_traceback", "cyfunc", "raiser"], names


def test_cython_add_traceback():
    e = raises_exact(TypeError, c.cython_traceback, TypeError, "cy err", "m.pyx", "cyf", 9)
    assert e.args == ("cy err",)
    assert entries(e.__traceback__)[-1] == ("m.pyx", 9, "cyf"), entries(e.__traceback__)
    assert e.__context__ is None and e.__cause__ is None


def test_traceback_here_keeps_context():
    f = c.cython_frame("cy.pyx", "cyfunc", 42)
    try:
        raise KeyError("outer")
    except KeyError as outer:
        e = raises_exact(ValueError, c.raise_here, (f,), ValueError, "inner")
        assert e.__context__ is outer, repr(e.__context__)
        e = raises_exact(TypeError, c.cython_traceback, TypeError, "cy", "m.pyx", "cyf", 9)
        assert e.__context__ is outer, repr(e.__context__)


def a_cython_traceback():
    try:
        c.cython_traceback(ValueError, "printed", "m.pyx", "cyfunc_printed", 9)
    except ValueError as e:
        return e.__traceback__


def test_traceback_print():
    tb = a_cython_traceback()
    out = io.StringIO()
    assert c.print_tb(tb, out) == 0
    text = out.getvalue()
    assert text.startswith("Traceback (most recent call last):\n"), text
    assert 'File "m.pyx", line 9, in cyfunc_printed\n' in text, text
    # Outermost first; no exception line.
    assert text.index("in a_cython_traceback") < text.index("in cyfunc_printed"), text
    assert "ValueError" not in text.replace("c.cython_traceback(ValueError", ""), text


def test_traceback_print_honours_tracebacklimit():
    tb = a_cython_traceback()
    try:
        sys.tracebacklimit = 1
        out = io.StringIO()
        c.print_tb(tb, out)
        # The last (most recent) entry is kept.
        assert out.getvalue() == 'Traceback (most recent call last):\n  File "m.pyx", line 9, in cyfunc_printed\n', out.getvalue()
        sys.tracebacklimit = 0
        out = io.StringIO()
        c.print_tb(tb, out)
        assert out.getvalue() == "", out.getvalue()
    finally:
        del sys.tracebacklimit


class RaisingFile:
    def write(self, s):
        raise OSError("no room")


def test_traceback_print_errors():
    tb = a_cython_traceback()
    for bad in (5, None, sys._getframe()):
        raises_exact(SystemError, c.print_tb, bad, io.StringIO(), match=BAD_INTERNAL_CALL)
    e = raises_exact(OSError, c.print_tb, tb, RaisingFile())
    assert e.args == ("no room",)
    raises_exact(AttributeError, c.print_tb, tb, object())


def test_traceback_type():
    assert c.traceback_type() is types.TracebackType
    tb = a_cython_traceback()
    assert c.is_traceback(tb) == (True, True)
    for other in (None, sys._getframe(), ValueError()):
        assert c.is_traceback(other) == (False, False), other


def traceback_in_a_cycle():
    m = Marker()
    err = Err("cycle")
    try:
        raise err
    except Err:
        pass
    # traceback -> this frame -> err -> traceback; m lives as long as it.
    return err.__traceback__, weakref.ref(m)


@harness.differs_on_rustpy(
    "an object that cannot be weakly referenced keeps its proxy, and so lives, "
    "while a cycle holds it: the proxy table's sweep sees the VM's count, not "
    "that only the cycle holds it (docs/STATUS.md, known differences)"
)
def test_traceback_c_has_seen_is_collected():
    # Every exception C fetches hands it such a traceback; once C and
    # Python let go, the cycle is garbage for gc.collect() like any other.
    tb, alive = traceback_in_a_cycle()
    assert c.is_traceback(tb) == (True, True)
    del tb
    gc.collect()
    assert alive() is None, "a traceback C has seen, in a reference cycle, was not freed"


# ---- the handled exception ---------------------------------------------------


def none_for_null(t):
    return tuple(None if x is NULL else x for x in t)


def shown(t):
    """t for a failure message, NULL spelt out."""
    return tuple("NULL" if x is NULL else x for x in t)


def test_exc_info_inside_except():
    try:
        raise ValueError("handled")
    except ValueError as e:
        assert c.exc_info() == (ValueError, e, e.__traceback__)
        assert c.exc_info()[2] is not None
        assert c.handled() is e

        def deeper():
            return c.exc_info()[1], c.handled()

        # A function called from the except block sees it too.
        assert deeper() == (e, e)
        try:
            raise KeyError("nested")
        except KeyError as k:
            assert c.exc_info()[1] is k and c.handled() is k
        assert c.exc_info()[1] is e and c.handled() is e
    assert none_for_null(c.exc_info()) == (None, None, None)


def test_nothing_handled():
    # The documentation: any of the three may be NULL.
    assert none_for_null(c.exc_info()) == (None, None, None)
    # GetHandledException: NULL, with no error set.
    assert c.handled() is NULL


def test_exc_info_type_and_traceback_are_none_not_null():
    # Outside any except block, CPython's GetExcInfo gives Py_None for the
    # type and the traceback (from an empty exc_info slot); the value is
    # the slot's: NULL, or None once an except block has restored it.
    t, v, tb = c.exc_info()
    assert t is None and tb is None, shown((t, tb))
    assert v is None or v is NULL
    # A handled exception without a traceback: its traceback is Py_None.
    x = ValueError("no traceback")
    c.set_handled(x)
    try:
        assert c.exc_info() == (ValueError, x, None), shown(c.exc_info())
    finally:
        c.set_handled(NULL)


def test_exc_info_in_generator():
    def gen():
        try:
            raise ValueError("in gen")
        except ValueError as e:
            yield c.exc_info()[1] is e, c.handled() is e
        yield c.handled()

    g = gen()
    assert next(g) == (True, True)
    # Suspended in its except block: not seen outside.
    assert c.handled() is NULL
    assert next(g) is NULL


def test_exc_info_reads_the_handled_not_the_raised():
    info, handled, raised = c.while_raising(KeyError, "raised")
    assert none_for_null(info) == (None, None, None) and handled is NULL, (info, handled)
    assert raised is KeyError  # GetExcInfo left the indicator alone
    try:
        raise ValueError("handled")
    except ValueError as e:
        info, handled, raised = c.while_raising(KeyError, "raised")
        assert info == (ValueError, e, e.__traceback__) and handled is e
        assert raised is KeyError


def test_set_handled_in_except_block():
    y = KeyError("set")
    try:
        raise ValueError("original")
    except ValueError:
        c.set_handled(y)
        assert sys.exception() is y
        assert sys.exc_info() == (KeyError, y, None)
        assert c.handled() is y
    # Leaving the block restores what was handled before it.
    assert sys.exception() is None and c.handled() is NULL

    def clear_in_except():
        try:
            raise ValueError("cleared")
        except ValueError:
            c.set_handled(NULL)
            return sys.exception()

    assert clear_in_except() is None


def test_set_handled_outlives_the_call():
    y = KeyError("outlives")

    def sets_it():
        c.set_handled(y)
        return sys.exception()

    try:
        assert sets_it() is y
        # Plain frames share the thread's exception state: still set after
        # the function that set it has returned.
        assert sys.exception() is y
        assert c.handled() is y and c.exc_info()[1] is y
    finally:
        c.set_handled(NULL)
    assert sys.exception() is None


def test_set_handled_in_generator_stays_there():
    y = KeyError("in gen")

    def gen():
        c.set_handled(y)
        yield sys.exception()
        yield sys.exception()

    g = gen()
    assert next(g) is y
    assert sys.exception() is None
    assert next(g) is y


def test_set_handled_null_and_none_clear():
    y = KeyError("y")
    # Read back in C right away: (GetHandledException, GetExcInfo's value).
    assert c.set_handled_then_read(y) == (y, y)
    assert c.set_handled_then_read(NULL) == (NULL, NULL)
    assert sys.exception() is None
    c.set_handled(y)
    assert sys.exception() is y
    try:
        handled, value = c.set_handled_then_read(None)
        # 3.11 keeps the None in the slot, 3.13 makes it NULL.
        assert handled is NULL and value in (None, NULL), (handled, value)
        assert sys.exception() is None
        assert sys.exc_info() == (None, None, None)
    finally:
        c.set_handled(NULL)


def test_set_exc_info_uses_the_value_only():
    try:
        raise KeyError("for a traceback")
    except KeyError as k:
        other_tb = k.__traceback__
    v = ValueError("value")
    try:
        c.set_exc_info(KeyError, v, other_tb)
        assert sys.exception() is v
        assert sys.exc_info() == (ValueError, v, None), sys.exc_info()
        assert c.exc_info()[:2] == (ValueError, v)
    finally:
        c.set_exc_info(NULL, NULL, NULL)
    assert sys.exception() is None and c.handled() is NULL


def traceback_holding_marker():
    m = Marker()
    try:
        raise Err("for its traceback")
    except Err as e:
        # The frame (and so m) lives as long as the traceback.
        return e.__traceback__, weakref.ref(m)


def test_set_exc_info_steals_all_three():
    # Module-level classes and a traceback in no reference cycle, so that
    # what is seen is the stealing alone (on rustpy, type objects made for
    # VM types are immortal, and see test_traceback_c_has_seen_is_collected).
    gc.collect()
    tb, tb_alive = traceback_holding_marker()
    v = Err("value")
    v_alive = weakref.ref(v)
    try:
        # The type's reference count is back where it was: stolen, dropped.
        assert c.set_exc_info(Err, v, tb) == 0
        del v, tb
        gc.collect()
        # The value is held as the handled exception; the traceback is
        # dropped at once (3.11+: the value carries its own).
        assert v_alive() is not None and sys.exception() is v_alive()
        assert tb_alive() is None, "the traceback passed was kept"
    finally:
        c.set_exc_info(NULL, NULL, NULL)
    gc.collect()
    assert v_alive() is None, "the value leaked"


def test_save_call_restore():
    # Cython's __Pyx_ExceptionSave / __Pyx_ExceptionReset around a call
    # that handles an exception of its own.
    def handles_its_own():
        try:
            raise KeyError("inner")
        except KeyError:
            pass
        return sys.exception()

    try:
        raise ValueError("saved")
    except ValueError as e:
        assert c.save_call_restore(handles_its_own) is e
        assert sys.exception() is e
    assert c.save_call_restore(handles_its_own) is None
    assert sys.exception() is None

    def fails():
        raise IndexError("fails")

    try:
        raise ValueError("saved")
    except ValueError as e:
        raises_exact(IndexError, c.save_call_restore, fails)
        assert sys.exception() is e


# ---- PyUnicode_DecodeASCII ----------------------------------------------------


def test_decode_ascii():
    for data in (b"hello", b"", b"a\x00b", bytes(range(128))):
        got = c.decode_ascii(data, "strict")
        assert type(got) is str and got == data.decode("latin-1"), data
    assert c.decode_ascii(b"abc", None) == "abc"
    # The length counts, not a NUL.
    assert c.decode_ascii_prefix(b"ab\xe9", 2) == "ab"
    assert c.decode_ascii_prefix(b"ab\xe9", 0) == ""


def test_decode_ascii_strict_error():
    for errors in ("strict", None):
        e = raises_exact(UnicodeDecodeError, c.decode_ascii, b"h\xe9llo", errors)
        assert str(e) == "'ascii' codec can't decode byte 0xe9 in position 1: ordinal not in range(128)", str(e)
        assert (e.encoding, e.object, e.start, e.end, e.reason) == ("ascii", b"h\xe9llo", 1, 2, "ordinal not in range(128)")
    # The first bad byte is the one reported.
    e = raises_exact(UnicodeDecodeError, c.decode_ascii, b"\x80\x81", "strict")
    assert str(e) == "'ascii' codec can't decode byte 0x80 in position 0: ordinal not in range(128)", str(e)
    assert (e.start, e.end) == (0, 1)


def custom_handler(exc):
    return ("<%d>" % exc.start, exc.end)


def test_decode_ascii_error_handlers():
    assert c.decode_ascii(b"h\xe9l\xffo", "replace") == "h\ufffdl\ufffdo"
    assert c.decode_ascii(b"h\xe9l\xffo", "ignore") == "hlo"
    assert c.decode_ascii(b"h\xe9", "surrogateescape") == "h\udce9"
    assert c.decode_ascii(b"h\xe9", "backslashreplace") == "h\\xe9"
    import codecs

    codecs.register_error("capi_eval.test", custom_handler)
    assert c.decode_ascii(b"a\xe9\xeab", "capi_eval.test") == "a<1><2>b"
    # An unknown handler is looked up only when a byte needs it.
    assert c.decode_ascii(b"fine", "no-such-handler") == "fine"
    e = raises_exact(LookupError, c.decode_ascii, b"h\xe9", "no-such-handler")
    assert str(e) == "unknown error handler name 'no-such-handler'", str(e)


# ---- PyList_GetItemRef (3.13) -------------------------------------------------


def has_313_apis():
    if c.PY_VERSION_HEX < 0x030D0000:
        # New in 3.13: absent from the module built for the 3.11 oracle.
        assert not hasattr(c, "get_item_ref")
        return False
    return True


def test_list_get_item_ref():
    if not has_313_apis():
        return
    items = [object(), "b", [3]]
    for i, item in enumerate(items):
        assert c.get_item_ref(items, i) is item
    # A new reference: one more while C holds it, none after its DECREF.
    assert c.get_item_ref_owned(items, 0) == (True, 1, 0)
    assert c.get_item_ref_owned([[1]], 0) == (True, 1, 0)

    class Sub(list):
        pass

    assert c.get_item_ref(Sub([7, 8]), 1) == 8


def test_list_get_item_ref_errors():
    if not has_313_apis():
        return
    items = [1, 2, 3]
    for i in (-1, 3, 2**62, -(2**62)):
        e = raises_exact(IndexError, c.get_item_ref, items, i)
        assert str(e) == "list index out of range", str(e)
    raises_exact(IndexError, c.get_item_ref, [], 0, match="list index out of range")
    for other in ((1, 2), {0: 1}, "ab"):
        e = raises_exact(TypeError, c.get_item_ref, other, 0)
        assert str(e) == "expected a list", str(e)


if __name__ == "__main__":
    harness.run(globals())
