"""Check for capi_slots: static C types filling type slots (number, sequence,
mapping, call/vectorcall, repr/str/hash, richcompare, iteration, attribute
access, descriptors, async, finalize), the slot wrappers CPython exposes for
them, and C calling slots directly through Py_TYPE(o) on C types, Python
subclasses of them, builtin types and plain Python classes."""

import operator

import harness
from harness import raises, raises_exact

import capi_slots as c

LT, LE, EQ, NE, GT, GE = c.Py_LT, c.Py_LE, c.Py_EQ, c.Py_NE, c.Py_GT, c.Py_GE


def log():
    """The slots logged since the last call (and clear the log)."""
    return c.slot_log()


def val(x):
    assert type(x) is c.Num, repr(x)
    return x.v


def drive(coro):
    """Run a coroutine by hand: (values it yielded, value it returned)."""
    yielded = []
    while True:
        try:
            yielded.append(coro.send(None))
        except StopIteration as e:
            return yielded, e.value


# ---- number protocol -----------------------------------------------------

BINARY = [
    ("nb_add", operator.add),
    ("nb_subtract", operator.sub),
    ("nb_multiply", operator.mul),
    ("nb_remainder", operator.mod),
    ("nb_floor_divide", operator.floordiv),
    ("nb_and", operator.and_),
    ("nb_xor", operator.xor),
    ("nb_or", operator.or_),
]
SHIFTS = [("nb_lshift", operator.lshift), ("nb_rshift", operator.rshift)]
PAIRS = [(17, 5), (-17, 5), (17, -5), (-17, -5), (6, 3)]
SHIFT_PAIRS = [(17, 2), (-17, 2), (5, 0), (-1, 70)]


def test_num_binary_slots_follow_int_semantics():
    for table, pairs in ((BINARY, PAIRS), (SHIFTS, SHIFT_PAIRS[:3])):
        for slot, op in table:
            for a, b in pairs:
                log()
                assert val(op(c.Num(a), c.Num(b))) == op(a, b), (slot, a, b)
                assert log() == [slot]
                assert val(op(c.Num(a), b)) == op(a, b), (slot, a, b)
                assert log() == [slot]
    # rshift by a huge count gives the sign, as for int
    assert val(c.Num(-1) >> 70) == -1 >> 70 == -1
    assert val(c.Num(5) >> 70) == 0


def test_num_reflected_slot_gets_int_on_the_left():
    # int's own slot returns NotImplemented, then Num's slot is called with
    # the operands in their original order
    for table, pairs in ((BINARY, PAIRS), (SHIFTS, SHIFT_PAIRS[:3])):
        for slot, op in table:
            for a, b in pairs:
                log()
                assert val(op(a, c.Num(b))) == op(a, b), (slot, a, b)
                assert log() == [slot]
    assert val(3 + c.Num(4)) == 7
    assert val(10 - c.Num(3)) == 7


def test_num_matrix_multiply():
    log()
    assert val(c.Num(6) @ c.Num(7)) == 42
    assert val(2 @ c.Num(5)) == 10
    assert log() == ["nb_matrix_multiply", "nb_matrix_multiply"]


def test_num_true_divide():
    log()
    r = c.Num(7) / c.Num(2)
    assert type(r) is float and r == 3.5
    assert 7 / c.Num(2) == 3.5
    assert log() == ["nb_true_divide", "nb_true_divide"]


def test_num_divmod():
    log()
    for a, b in PAIRS:
        assert divmod(c.Num(a), c.Num(b)) == divmod(a, b)
        assert divmod(a, c.Num(b)) == divmod(a, b)
    assert log() == ["nb_divmod"] * (2 * len(PAIRS))


def test_num_power_binary_and_ternary():
    log()
    assert val(c.Num(3) ** 4) == 81
    assert val(pow(c.Num(3), c.Num(4))) == 81
    assert val(pow(c.Num(3), 4, 5)) == pow(3, 4, 5) == 1
    assert val(pow(c.Num(-3), 3, 5)) == pow(-3, 3, 5)
    assert val(pow(c.Num(7), 0, 5)) == 1
    # ternary pow: None for the missing modulus, else the modulus
    assert log() == ["nb_power", "nb_power", "nb_power mod", "nb_power mod", "nb_power mod"]


def test_num_power_reflected_and_modulus_only():
    log()
    assert val(2 ** c.Num(5)) == 32
    assert val(pow(2, c.Num(5))) == 32
    assert log() == ["nb_power", "nb_power"]
    # pow(a, b, m) also tries the modulus' type's slot
    assert val(pow(2, 5, c.Num(7))) == pow(2, 5, 7)
    assert log() == ["nb_power mod"]


def test_num_unary_slots():
    log()
    assert val(-c.Num(5)) == -5
    assert val(+c.Num(-5)) == -5
    assert val(abs(c.Num(-5))) == 5
    assert val(~c.Num(5)) == ~5
    assert log() == ["nb_negative", "nb_positive", "nb_absolute", "nb_invert"]


def test_num_bool_slot():
    log()
    assert bool(c.Num(0)) is False
    assert bool(c.Num(-2)) is True
    assert (not c.Num(3)) is False
    assert ("yes" if c.Num(1) else "no") == "yes"
    assert log() == ["nb_bool"] * 4


def test_num_int_float_index_slots():
    log()
    i = int(c.Num(7))
    assert type(i) is int and i == 7
    assert log() == ["nb_int"]
    f = float(c.Num(7))
    assert type(f) is float and f == 7.0
    assert log() == ["nb_float"]
    x = operator.index(c.Num(7))
    assert type(x) is int and x == 7
    assert log() == ["nb_index"]


def test_num_index_used_where_an_integer_is_needed():
    log()
    assert list(range(c.Num(3))) == [0, 1, 2]
    assert [10, 20, 30][c.Num(1)] == 20
    assert hex(c.Num(255)) == "0xff"
    assert log() == ["nb_index"] * 3
    # str has no nb_multiply: Num's is tried (NotImplemented: not an int),
    # then str's sq_repeat takes the count through nb_index
    assert "ab" * c.Num(2) == "abab"
    assert log() == ["nb_multiply", "nb_index"]


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Num'); CPython uses tp_name ('capi_slots.Num'), RustPython formats them from the heap type's name")
def test_num_not_implemented_gives_type_error():
    log()
    raises_exact(TypeError, operator.add, c.Num(1), "x",
                 match="unsupported operand type(s) for +: 'capi_slots.Num' and 'str'")
    assert log() == ["nb_add"]
    raises_exact(TypeError, operator.add, "x", c.Num(1),
                 match='can only concatenate str (not "capi_slots.Num") to str')
    assert log() == ["nb_add"]
    raises_exact(TypeError, operator.mul, c.Num(1), 1.5, match="unsupported operand type(s) for *")
    raises_exact(TypeError, operator.neg, "x")
    raises_exact(TypeError, pow, c.Num(2), 3, "m", match="unsupported operand type(s) for ** or pow()")


def test_num_slot_errors_propagate():
    raises_exact(ZeroDivisionError, operator.floordiv, c.Num(1), 0, match="Num division by zero")
    raises_exact(ZeroDivisionError, operator.mod, c.Num(1), c.Num(0))
    raises_exact(ZeroDivisionError, divmod, c.Num(1), 0)
    raises_exact(ZeroDivisionError, operator.truediv, 1, c.Num(0))
    raises_exact(ValueError, operator.lshift, c.Num(1), -1, match="negative shift count")
    raises_exact(ValueError, pow, c.Num(2), 3, 0, match="modulus is zero")
    raises_exact(OverflowError, operator.add, c.Num(1), 2**100)


INPLACE = [
    ("nb_inplace_add", operator.iadd, operator.add),
    ("nb_inplace_subtract", operator.isub, operator.sub),
    ("nb_inplace_multiply", operator.imul, operator.mul),
    ("nb_inplace_remainder", operator.imod, operator.mod),
    ("nb_inplace_floor_divide", operator.ifloordiv, operator.floordiv),
    ("nb_inplace_lshift", operator.ilshift, operator.lshift),
    ("nb_inplace_rshift", operator.irshift, operator.rshift),
    ("nb_inplace_and", operator.iand, operator.and_),
    ("nb_inplace_xor", operator.ixor, operator.xor),
    ("nb_inplace_or", operator.ior, operator.or_),
    ("nb_inplace_matrix_multiply", operator.imatmul, operator.mul),
]


def test_num_inplace_slots_mutate_and_keep_identity():
    for slot, iop, op in INPLACE:
        for right in (3, c.Num(3)):
            a = c.Num(-13)
            log()
            r = iop(a, right)
            assert r is a, slot
            assert a.v == op(-13, 3), slot
            assert log() == [slot]


def test_num_inplace_statements():
    a = c.Num(5)
    orig = a
    x = 5
    log()
    a += 2; x += 2  # noqa: E702
    a -= 1; x -= 1  # noqa: E702
    a *= 3; x *= 3  # noqa: E702
    a //= 4; x //= 4  # noqa: E702
    a %= 3; x %= 3  # noqa: E702
    a <<= 3; x <<= 3  # noqa: E702
    a >>= 1; x >>= 1  # noqa: E702
    a &= 7; x &= 7  # noqa: E702
    a |= 8; x |= 8  # noqa: E702
    a ^= 1; x ^= 1  # noqa: E702
    a @= 2; x *= 2  # noqa: E702
    assert a is orig
    assert a.v == x
    assert log() == [
        "nb_inplace_add", "nb_inplace_subtract", "nb_inplace_multiply",
        "nb_inplace_floor_divide", "nb_inplace_remainder", "nb_inplace_lshift",
        "nb_inplace_rshift", "nb_inplace_and", "nb_inplace_or", "nb_inplace_xor",
        "nb_inplace_matrix_multiply",
    ]


def test_num_inplace_power():
    a = c.Num(3)
    orig = a
    log()
    a **= 3
    assert a is orig and a.v == 27
    # **= passes None as the modulus
    assert log() == ["nb_inplace_power"]
    assert c.Num.__ipow__(a, 2) is a and a.v == 729


def test_num_inplace_true_divide():
    a = c.Num(7)
    log()
    a /= 2
    assert type(a) is float and a == 3.5
    assert log() == ["nb_inplace_true_divide"]


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Num'); CPython uses tp_name ('capi_slots.Num'), RustPython formats them from the heap type's name")
def test_num_inplace_falls_back_to_binary_slot():
    x = 3
    log()
    x += c.Num(4)  # int has no nb_inplace_add: Num's nb_add(3, Num(4))
    assert val(x) == 7
    assert log() == ["nb_add"]
    a = c.Num(1)
    # nb_inplace_add returns NotImplemented, then nb_add does too
    e = raises_exact(TypeError, operator.iadd, a, "x")
    assert "unsupported operand type(s) for +=: 'capi_slots.Num' and 'str'" in str(e)
    assert log() == ["nb_inplace_add", "nb_add"]


NUM_DUNDERS = """
    __add__ __radd__ __sub__ __rsub__ __mul__ __rmul__ __mod__ __rmod__
    __divmod__ __rdivmod__ __pow__ __rpow__ __neg__ __pos__ __abs__ __bool__
    __invert__ __lshift__ __rlshift__ __rshift__ __rrshift__ __and__ __rand__
    __xor__ __rxor__ __or__ __ror__ __int__ __float__ __floordiv__
    __rfloordiv__ __truediv__ __rtruediv__ __index__ __matmul__ __rmatmul__
    __iadd__ __isub__ __imul__ __imod__ __ipow__ __ilshift__ __irshift__
    __iand__ __ixor__ __ior__ __ifloordiv__ __itruediv__ __imatmul__
""".split()


def test_num_slots_appear_as_dunders():
    for name in NUM_DUNDERS:
        assert name in c.Num.__dict__, name
    for name in ("__len__", "__getitem__", "__call__", "__iter__", "__await__"):
        assert name not in c.Num.__dict__, name
        assert not hasattr(c.Num(1), name), name


def test_num_dunders_call_the_slots():
    a = c.Num(4)
    log()
    assert val(c.Num.__add__(a, c.Num(3))) == 7
    assert val(a.__radd__(3)) == 7
    assert val(a.__rsub__(10)) == 6  # nb_subtract(10, a)
    assert val(a.__sub__(10)) == -6
    assert log() == ["nb_add", "nb_add", "nb_subtract", "nb_subtract"]
    assert val(c.Num.__neg__(a)) == -4
    assert val(c.Num.__pow__(a, 2, 5)) == 1
    assert val(a.__rpow__(2)) == 16
    assert c.Num.__divmod__(a, 3) == (1, 1)
    assert a.__rdivmod__(9) == (2, 1)
    assert c.Num.__bool__(a) is True
    assert c.Num.__int__(a) == 4 and c.Num.__index__(a) == 4
    assert c.Num.__float__(a) == 4.0
    assert a.__truediv__(8) == 0.5
    assert a.__rtruediv__(8) == 2.0
    assert c.Num.__iadd__(a, 1) is a and a.v == 5
    log()


def test_num_dunder_returns_not_implemented():
    a = c.Num(1)
    assert a.__add__("x") is NotImplemented
    assert a.__radd__(1.5) is NotImplemented
    assert c.Num.__iadd__(a, "x") is NotImplemented


@harness.differs_on_rustpy('RustPython\'s method descriptors word the wrong-self error differently ("for \'Num\' objects doesn\'t apply to")')
def test_num_dunder_checks_self_type():
    raises_exact(TypeError, c.Num.__add__, 3, 4,
                 match="descriptor '__add__' requires a 'capi_slots.Num' object but received a 'int'")


def test_slot_wrapper_types():
    assert type(c.Num.__add__).__name__ == "wrapper_descriptor"
    assert type(c.Num(1).__add__).__name__ == "method-wrapper"
    assert c.Num(1).__add__.__self__.v == 1


# ---- sequence protocol ---------------------------------------------------


def test_seq_len_and_truth():
    log()
    assert len(c.Seq("abc")) == 3
    assert log() == ["sq_length"]
    assert bool(c.Seq()) is False
    assert bool(c.Seq([0])) is True
    assert log() == ["sq_length", "sq_length"]


def test_seq_getitem_adds_len_to_negative_index():
    s = c.Seq("abc")
    log()
    assert s[1] == "b"
    assert log() == ["sq_item 1"]
    assert s[-1] == "c"
    # the caller asks sq_length and passes the adjusted index
    assert log() == ["sq_length", "sq_item 2"]
    raises_exact(IndexError, operator.getitem, s, -4, match="Seq index out of range")
    assert log() == ["sq_length", "sq_item -1"]
    raises_exact(IndexError, operator.getitem, s, 3)
    assert log() == ["sq_item 3"]


@harness.differs_on_rustpy('RustPython words a non-index subscript as "\'str\' object cannot be interpreted as an integer"')
def test_seq_getitem_needs_an_index():
    s = c.Seq("abc")
    log()
    raises_exact(TypeError, operator.getitem, s, "x", match="sequence index must be integer, not 'str'")
    # no mp_subscript: a slice cannot reach sq_item
    raises_exact(TypeError, operator.getitem, s, slice(0, 1),
                 match="sequence index must be integer, not 'slice'")
    assert log() == []
    assert s[c.Num(2)] == "c"
    assert log() == ["nb_index", "sq_item 2"]


@harness.differs_on_rustpy('RustPython\'s list says "Cannot add list and Seq" where CPython says "can only concatenate list"')
def test_seq_concat():
    log()
    r = c.Seq("ab") + c.Seq("c")
    assert type(r) is c.Seq and r.items == ["a", "b", "c"]
    assert log() == ["sq_concat"]
    raises_exact(TypeError, operator.add, c.Seq("ab"), [1],
                 match='can only concatenate Seq (not "list") to Seq')
    raises_exact(TypeError, operator.add, [1], c.Seq("ab"),
                 match='can only concatenate list (not "capi_slots.Seq") to list')


def test_seq_repeat_on_either_side():
    s = c.Seq("ab")
    log()
    assert (s * 2).items == ["a", "b", "a", "b"]
    assert (3 * s).items == ["a", "b"] * 3
    assert (s * -1).items == []
    assert log() == ["sq_repeat 2", "sq_repeat 3", "sq_repeat -1"]
    assert (s * c.Num(2)).items == ["a", "b"] * 2
    raises_exact(TypeError, operator.mul, s, "x", match="can't multiply sequence by non-int of type 'str'")


def test_seq_setitem_and_delitem():
    s = c.Seq("abc")
    log()
    s[0] = "A"
    s[-1] = "C"
    assert s.items == ["A", "b", "C"]
    assert log() == ["sq_ass_item 0", "sq_length", "sq_ass_item 2"]
    del s[0]
    del s[-1]
    assert s.items == ["b"]
    # deleting goes to sq_ass_item with a NULL value
    assert log() == ["sq_del_item 0", "sq_length", "sq_del_item 1"]
    raises_exact(IndexError, operator.setitem, s, 5, "x", match="Seq assignment index out of range")
    raises_exact(IndexError, operator.delitem, s, -2)
    assert log() == ["sq_ass_item 5", "sq_length", "sq_del_item -1"]


def test_seq_contains():
    s = c.Seq("abc")
    log()
    assert "b" in s
    assert "z" not in s
    assert log() == ["sq_contains", "sq_contains"]


def test_seq_inplace_concat_and_repeat():
    s = c.Seq("ab")
    orig = s
    log()
    s += c.Seq("c")
    assert s is orig and s.items == ["a", "b", "c"]
    s *= 2
    assert s is orig and s.items == ["a", "b", "c"] * 2
    assert log() == ["sq_inplace_concat", "sq_inplace_repeat 2"]


def test_seq_iterates_through_sq_item_until_index_error():
    s = c.Seq("abc")
    log()
    assert list(s) == ["a", "b", "c"]
    items = [e for e in log() if e.startswith("sq_item")]
    assert items == ["sq_item 0", "sq_item 1", "sq_item 2", "sq_item 3"]
    out = []
    for x in c.Seq([1, 2]):
        out.append(x)
    assert out == [1, 2]
    it = iter(c.Seq("xy"))
    assert next(it) == "x" and next(it) == "y"
    raises_exact(StopIteration, next, it)
    assert c.pyiter_drain(iter(c.Seq("pq"))) == ["p", "q"]


def test_seq_slots_appear_as_dunders():
    for name in ("__len__", "__add__", "__mul__", "__rmul__", "__getitem__", "__setitem__",
                 "__delitem__", "__contains__", "__iadd__", "__imul__"):
        assert name in c.Seq.__dict__, name
    assert "__iter__" not in c.Seq.__dict__
    s = c.Seq("abc")
    log()
    assert c.Seq.__len__(s) == 3
    assert c.Seq.__getitem__(s, -1) == "c"
    assert s.__contains__("a") is True
    assert s.__mul__(2).items == list("abcabc")
    assert s.__rmul__(2).items == list("abcabc")
    s.__setitem__(0, "z")
    s.__delitem__(-1)
    assert s.items == ["z", "b"]
    assert log() == ["sq_length", "sq_length", "sq_item 2", "sq_contains", "sq_repeat 2",
                     "sq_repeat 2", "sq_ass_item 0", "sq_length", "sq_del_item 2"]


def test_sq_item_from_c_gets_no_index_adjustment():
    s = c.Seq("abc")
    log()
    assert c.sequence_getitem(s, -1) == "c"
    assert log() == ["sq_length", "sq_item 2"]
    # the slot itself is called with -1 as is
    raises_exact(IndexError, c.slot_sq_item, s, -1)
    assert log() == ["sq_item -1"]
    assert c.slot_sq_item([1, 2, 3], 0) == 1
    raises_exact(IndexError, c.slot_sq_item, [1, 2, 3], -1)
    assert c.sequence_getitem([1, 2, 3], -1) == 3


# ---- mapping protocol ----------------------------------------------------


def test_map_set_get_len():
    m = c.Map()
    log()
    m["a"] = 1
    m[1, 2] = "t"
    assert m["a"] == 1
    assert m[(1, 2)] == "t"
    assert len(m) == 2
    assert bool(m) is True
    assert m.data == {"a": 1, (1, 2): "t"}
    assert log() == ["mp_ass_subscript", "mp_ass_subscript", "mp_subscript", "mp_subscript",
                     "mp_length", "mp_length"]


def test_map_missing_key():
    m = c.Map()
    e = raises_exact(KeyError, operator.getitem, m, "zz")
    assert e.args == ("zz",)
    e = raises_exact(KeyError, operator.getitem, m, (1, 2))
    assert e.args == ((1, 2),)
    raises_exact(TypeError, operator.getitem, m, [1], match="unhashable type: 'list'")


def test_map_delete():
    m = c.Map()
    m["a"] = 1
    log()
    del m["a"]
    assert m.data == {}
    # deleting goes to mp_ass_subscript with a NULL value
    assert log() == ["mp_del_subscript"]
    e = raises_exact(KeyError, operator.delitem, m, "a")
    assert e.args == ("a",)


def test_map_slices_reach_mp_subscript():
    m = c.Map()
    log()
    assert m[1:2] == ("slice", 1, 2, None)
    assert m[::3] == ("slice", None, None, 3)
    assert m["a":"b":-1] == ("slice", "a", "b", -1)
    assert m[slice(5)] == ("slice", None, 5, None)
    assert log() == ["mp_subscript"] * 4
    raises_exact(TypeError, operator.setitem, m, slice(1, 2), 0, match="Map: slice assignment not supported")
    raises_exact(TypeError, operator.delitem, m, slice(1, 2), match="Map: slice assignment not supported")
    assert log() == ["mp_ass_subscript", "mp_del_subscript"]


@harness.differs_on_rustpy('RustPython iterates any object with __getitem__, CPython only those with sq_item')
def test_map_is_not_iterable():
    m = c.Map()
    m["a"] = 1
    # no sq_contains, no tp_iter, no sq_item: `in` and iter() fail
    # (3.14 words it "is not a container or iterable")
    raises_exact(TypeError, operator.contains, m, "a", match="argument of type 'capi_slots.Map' is not")
    raises_exact(TypeError, iter, m, match="'capi_slots.Map' object is not iterable")


def test_map_slots_appear_as_dunders():
    for name in ("__len__", "__getitem__", "__setitem__", "__delitem__"):
        assert name in c.Map.__dict__, name
    m = c.Map()
    log()
    c.Map.__setitem__(m, "k", "v")
    assert m.__getitem__("k") == "v"
    assert c.Map.__len__(m) == 1
    m.__delitem__("k")
    assert m.data == {}
    assert log() == ["mp_ass_subscript", "mp_subscript", "mp_length", "mp_del_subscript"]


# ---- tp_call and vectorcall ----------------------------------------------


def test_tp_call():
    o = c.Call()
    log()
    assert o() == ("tp_call", (), {})
    assert o(1, 2) == ("tp_call", (1, 2), {})
    assert o(1, k=2) == ("tp_call", (1,), {"k": 2})
    assert o(*[1, 2], **{"a": 3}) == ("tp_call", (1, 2), {"a": 3})
    assert log() == ["tp_call"] * 4
    assert callable(o) and not callable(c.Num(1))
    assert c.Call.__call__(o, 5) == ("tp_call", (5,), {})


def test_python_override_reaches_c_tp_call_through_super():
    # super().__call__ is the C base's slot wrapper: it runs the base's
    # tp_call, not the subclass's __call__ again (wrapt's FunctionWrapper
    # subclasses do this).
    class Sub(c.Call):
        def __call__(self, *a, **k):
            return ("sub", super().__call__(*a, **k))

    o = Sub()
    log()
    assert o(1, k=2) == ("sub", ("tp_call", (1,), {"k": 2}))
    assert c.Call.__call__(o, 3) == ("tp_call", (3,), {})
    assert log() == ["tp_call", "tp_call"]


def test_vectorcall_from_python():
    v = c.VCall("t")
    log()
    assert v() == ("vectorcall", "t", (), {})
    assert v(1, 2, k=3) == ("vectorcall", "t", (1, 2), {"k": 3})
    assert v(*[1], **{"a": 2, "b": 3}) == ("vectorcall", "t", (1,), {"a": 2, "b": 3})
    assert log() == ["vectorcall"] * 3


def test_vectorcall_null_pointer_falls_back_to_tp_call():
    v = c.VCall("u", False)
    log()
    assert v(1, k=2) == ("tp_call", "u", (1,), {"k": 2})
    assert log() == ["tp_call"]


@harness.differs_on_rustpy("__call__ is the VM's call slot, which runs an instance's vectorcall function like a call does")
def test_dunder_call_goes_to_tp_call_not_vectorcall():
    v = c.VCall("t")
    log()
    assert v.__call__(1, k=2) == ("tp_call", "t", (1,), {"k": 2})
    assert log() == ["tp_call"]


def test_pyvectorcall_call_from_c():
    v = c.VCall("t")
    log()
    assert c.vectorcall_call(v, (1, 2), {"k": 3}) == ("vectorcall", "t", (1, 2), {"k": 3})
    assert c.vectorcall_call(v, (), None) == ("vectorcall", "t", (), {})
    assert log() == ["vectorcall", "vectorcall"]
    assert c.vectorcall_call(len, ([1, 2],), None) == 2
    assert c.vectorcall_call(lambda a, b=0: (a, b), (1,), {"b": 2}) == (1, 2)


def test_pyvectorcall_call_needs_a_vectorcall_pointer():
    raises_exact(TypeError, c.vectorcall_call, c.VCall("u", False), (1,), None,
                 match="'capi_slots.VCall' object does not support vectorcall")
    raises_exact(TypeError, c.vectorcall_call, c.Call(), (1,), None,
                 match="'capi_slots.Call' object does not support vectorcall")


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Num'); CPython uses tp_name ('capi_slots.Num'), RustPython formats them from the heap type's name")
def test_pyobject_vectorcall_from_c():
    log()
    assert c.object_vectorcall(c.VCall("t"), (1, 2), {"k": 3}) == ("vectorcall", "t", (1, 2), {"k": 3})
    assert c.object_vectorcall(c.VCall("u", False), (1,), None) == ("tp_call", "u", (1,), {})
    assert c.object_vectorcall(c.Call(), (1,), {"k": 2}) == ("tp_call", (1,), {"k": 2})
    assert log() == ["vectorcall", "tp_call", "tp_call"]
    assert c.object_vectorcall(int, ("ff",), {"base": 16}) == 255
    assert c.object_vectorcall(lambda *a, **k: (a, k), (1,), {"x": 2}) == ((1,), {"x": 2})
    raises_exact(TypeError, c.object_vectorcall, c.Num(1), (), None, match="'capi_slots.Num' object is not callable")


# ---- repr, str, hash -----------------------------------------------------


def test_repr_and_str_slots():
    r = c.Rep([1, "a"])
    log()
    assert repr(r) == "Rep([1, 'a'])"
    assert str(r) == "Rep-str:[1, 'a']"
    assert log() == ["tp_repr", "tp_str"]
    assert f"{r}" == "Rep-str:[1, 'a']"
    assert "%r" % (r,) == "Rep([1, 'a'])"
    assert repr([r]) == "[Rep([1, 'a'])]"
    assert c.Rep.__repr__(r) == "Rep([1, 'a'])"
    assert r.__str__() == "Rep-str:[1, 'a']"
    assert repr(c.Num(-3)) == "Num(-3)"


@harness.differs_on_rustpy("the VM's repr/str slots return a str, so the dunder checks the type that CPython's wrapper passes through")
def test_repr_and_str_must_return_str():
    r = c.Rep(5, 1)
    raises_exact(TypeError, repr, r, match="__repr__ returned non-string (type int)")
    raises_exact(TypeError, str, r, match="__str__ returned non-string (type int)")
    # the slot wrapper does not check
    assert r.__repr__() == 5


def test_repr_and_str_errors_propagate():
    r = c.Rep(KeyError("from repr"), 2)
    raises_exact(KeyError, repr, r, match="from repr")
    raises_exact(KeyError, str, r, match="from repr")


def test_default_repr_without_tp_repr():
    s = c.Seq()
    assert repr(s).startswith("<capi_slots.Seq object at 0x")
    assert str(s) == repr(s)


def test_hash_slot():
    h = c.Hash(12345)
    log()
    assert hash(h) == 12345
    assert log() == ["tp_hash"]
    assert hash(c.Hash(-2)) == -2
    d = {h: "v"}
    assert d[h] == "v"
    assert c.Hash.__hash__(h) == 12345
    assert c.slot_hash(h) == 12345


def test_hash_minus_one_is_an_error():
    h = c.Hash(-1)
    raises_exact(ValueError, hash, h, match="Hash: -1 requested")
    raises_exact(ValueError, lambda: {h: 1})
    raises_exact(ValueError, h.__hash__)
    raises_exact(ValueError, c.slot_hash, h)


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Num'); CPython uses tp_name ('capi_slots.Num'), RustPython formats them from the heap type's name")
def test_hash_not_implemented_makes_unhashable():
    u = c.Unhashable()
    raises_exact(TypeError, hash, u, match="unhashable type: 'capi_slots.Unhashable'")
    raises_exact(TypeError, lambda: {u: 1}, match="unhashable type")
    raises_exact(TypeError, c.slot_hash, u, match="unhashable type")
    # PyType_Ready publishes it as __hash__ = None
    assert c.Unhashable.__dict__["__hash__"] is None
    assert c.hash_is_not_implemented(u)
    assert not c.hash_is_not_implemented(c.Hash(1))


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Num'); CPython uses tp_name ('capi_slots.Num'), RustPython formats them from the heap type's name")
def test_static_type_with_richcompare_but_no_hash_is_unhashable():
    # tp_hash is inherited only together with tp_richcompare
    raises_exact(TypeError, hash, c.Cmp(1), match="unhashable type: 'capi_slots.Cmp'")
    assert c.Cmp.__hash__ is None
    assert c.hash_is_not_implemented(c.Cmp(1))
    # neither slot set: both inherited from object
    n = c.Num(1)
    assert hash(n) == object.__hash__(n)


# ---- rich comparison -----------------------------------------------------


def test_richcompare_six_ops():
    a, b = c.Cmp(1), c.Cmp(2)
    log()
    assert (a < b, a <= b, a == b, a != b, a > b, a >= b) == (True, True, False, True, False, False)
    assert (b < a, b <= a, b == a, b != a, b > a, b >= a) == (False, False, False, True, True, True)
    assert (a <= c.Cmp(1), a == c.Cmp(1), a >= c.Cmp(1)) == (True, True, True)
    assert log() == ["tp_richcompare " + op for op in ("LT", "LE", "EQ", "NE", "GT", "GE") * 2] + [
        "tp_richcompare LE", "tp_richcompare EQ", "tp_richcompare GE"]
    assert a < 5 and a == 1


def test_richcompare_reflected_gets_swapped_op():
    log()
    # int's slot returns NotImplemented, then Cmp's with the swapped op
    assert (5 > c.Cmp(3)) is True
    assert log() == ["tp_richcompare LT"]
    assert (5 <= c.Cmp(3)) is False
    assert log() == ["tp_richcompare GE"]
    assert (3 == c.Cmp(3)) is True
    assert log() == ["tp_richcompare EQ"]


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Num'); CPython uses tp_name ('capi_slots.Num'), RustPython formats them from the heap type's name")
def test_richcompare_not_implemented_both_ways_is_type_error():
    log()
    raises_exact(TypeError, operator.lt, c.Cmp(1), "a",
                 match="'<' not supported between instances of 'capi_slots.Cmp' and 'str'")
    assert log() == ["tp_richcompare LT"]
    raises_exact(TypeError, operator.ge, "a", c.Cmp(1),
                 match="'>=' not supported between instances of 'str' and 'capi_slots.Cmp'")
    assert log() == ["tp_richcompare LE"]


def test_eq_falls_back_to_identity():
    x, y = c.NoCmp(), c.NoCmp()
    log()
    assert (x == x) is True
    # both operands' slots are tried, even for the same type
    assert log() == ["NoCmp EQ", "NoCmp EQ"]
    assert (x == y) is False
    assert (x != y) is True
    assert (x != x) is False
    assert log() == ["NoCmp EQ", "NoCmp EQ", "NoCmp NE", "NoCmp NE", "NoCmp NE", "NoCmp NE"]
    assert (c.Cmp(1) == "a") is False
    assert x in [y, x]
    raises_exact(TypeError, operator.lt, x, y, match="'<' not supported")
    assert log()[-2:] == ["NoCmp LT", "NoCmp GT"]


def test_richcompare_subclass_reflected_first():
    class CmpSub(c.Cmp):
        pass

    log()
    assert (c.Cmp(1) < CmpSub(2)) is True
    # the right operand's type is a subclass: its slot goes first, swapped
    assert log() == ["tp_richcompare GT"]


def test_richcompare_slot_wrappers():
    a, b = c.Cmp(1), c.Cmp(2)
    for name in ("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"):
        assert name in c.Cmp.__dict__, name
    log()
    assert c.Cmp.__lt__(a, b) is True
    assert a.__ge__(b) is False
    assert a.__eq__("x") is NotImplemented
    assert log() == ["tp_richcompare LT", "tp_richcompare GE", "tp_richcompare EQ"]


# ---- iteration -----------------------------------------------------------


def test_iternext_null_without_exception_ends_iteration():
    assert list(c.It(3)) == [0, 1, 2]
    it = c.It(1)
    assert iter(it) is it
    assert next(it) == 0
    e = raises_exact(StopIteration, next, it)
    assert e.value is None
    assert next(it, "dflt") == "dflt"
    assert [x for x in c.It(2)] == [0, 1]


def test_iternext_stop_iteration_with_value():
    assert list(c.It(3, 1, "r")) == [0, 1, 2]
    it = c.It(0, 1, "v")
    e = raises_exact(StopIteration, next, it)
    assert e.value == "v"
    e = raises_exact(StopIteration, c.slot_iternext, c.It(0, 1, (1, 2)))
    assert e.value == (1, 2)


def test_iternext_error_propagates():
    it = c.It(2, 2)
    raises_exact(ValueError, list, it, match="It failed")
    raises_exact(ValueError, next, c.It(0, 2), match="It failed")
    raises_exact(ValueError, c.pyiter_drain, c.It(1, 2), match="It failed")
    raises_exact(ValueError, c.pyiter_next, c.It(0, 2), match="It failed")


def test_pyiter_next_from_c():
    it = c.It(2)
    assert c.pyiter_next(it) == 0
    assert c.pyiter_next(it) == 1
    assert c.pyiter_next(it) is c.EXHAUSTED
    # PyIter_Next clears a StopIteration the slot set
    it = c.It(1, 1, "v")
    assert c.pyiter_next(it) == 0
    assert c.pyiter_next(it) is c.EXHAUSTED
    assert c.pyiter_drain(c.It(3, 1, "x")) == [0, 1, 2]
    assert c.slot_iternext(c.It(0)) is c.EXHAUSTED


def test_iterator_slot_wrappers():
    assert "__iter__" in c.It.__dict__ and "__next__" in c.It.__dict__
    it = c.It(2)
    assert it.__iter__() is it
    assert it.__next__() == 0
    assert c.It.__next__(it) == 1
    raises_exact(StopIteration, it.__next__)


# ---- tp_getattro / tp_setattro -------------------------------------------


def test_getattro_computed_attribute():
    a = c.Attr()
    assert a.computed == 42
    assert getattr(a, "computed") == 42
    assert a.log == [("get", "computed"), ("get", "computed")]


def test_getattro_falls_back_to_generic():
    a = c.Attr()
    assert a.__class__ is c.Attr
    e = raises_exact(AttributeError, getattr, a, "missing")
    assert "has no attribute 'missing'" in str(e)
    assert getattr(a, "missing", "dflt") == "dflt"
    assert hasattr(a, "missing") is False
    assert hasattr(a, "computed") is True
    assert a.log == [("get", "__class__"), ("get", "missing"), ("get", "missing"),
                     ("get", "missing"), ("get", "computed")]


def test_getattro_bound_methods_hold_nothing_after_they_go():
    # A C getattro returning PyObject_GenericGetAttr's bound method (wrapt's
    # proxies do): once the method is gone, the instance's count is back.
    a = c.Attr()
    before = c.refcnt(a)
    for _ in range(10):
        a.__dir__()
        m = a.__sizeof__
        del m
    assert c.refcnt(a) == before


def test_setattro_generic_set_and_delete():
    a = c.Attr()
    a.x = 1
    assert a.x == 1
    setattr(a, "y", [2])
    assert a.__dict__ == {"x": 1, "y": [2]}
    del a.x
    delattr(a, "y")
    assert a.__dict__ == {}
    assert not hasattr(a, "x")
    # deleting comes to tp_setattro with a NULL value
    assert [e for e in a.log if e[0] != "get"] == [("set", "x"), ("set", "y"), ("del", "x"), ("del", "y")]
    e = raises_exact(AttributeError, delattr, a, "x")
    assert "x" in str(e)


def test_setattro_refuses_computed():
    a = c.Attr()
    raises_exact(AttributeError, setattr, a, "computed", 1, match="'computed' is read-only")
    raises_exact(AttributeError, delattr, a, "computed", match="cannot delete 'computed'")
    assert a.log == [("set", "computed"), ("del", "computed")]
    assert a.computed == 42


def test_getattro_setattro_slot_wrappers():
    for name in ("__getattribute__", "__setattr__", "__delattr__"):
        assert name in c.Attr.__dict__, name
    a = c.Attr()
    assert c.Attr.__getattribute__(a, "computed") == 42
    c.Attr.__setattr__(a, "z", 3)
    assert a.z == 3
    a.__delattr__("z")
    assert not hasattr(a, "z")
    # looking up the bound a.__delattr__ goes through tp_getattro too
    assert a.log == [("get", "computed"), ("set", "z"), ("get", "z"), ("get", "__delattr__"),
                     ("del", "z"), ("get", "z")]


# ---- tp_descr_get / tp_descr_set -----------------------------------------


def make_owner():
    class Owner:
        d = c.Descr()

    return Owner, Owner.__dict__["d"]


def test_descr_get_on_class_gets_null_instance():
    Owner, d = make_owner()
    log()
    assert Owner.d == ("get", c.NULL, Owner)
    assert log() == ["tp_descr_get"]

    class Sub(Owner):
        pass

    assert Sub.d == ("get", c.NULL, Sub)


def test_descr_get_on_instance():
    Owner, d = make_owner()
    o = Owner()
    assert o.d == ("get", o, Owner)
    assert getattr(o, "d") == ("get", o, Owner)


def test_descr_dunder_get_maps_none_to_null():
    Owner, d = make_owner()
    o = Owner()
    assert d.__get__(None, Owner) == ("get", c.NULL, Owner)
    assert d.__get__(o) == ("get", o, c.NULL)
    assert c.Descr.__get__(d, o, Owner) == ("get", o, Owner)
    raises_exact(TypeError, d.__get__, None, match="__get__(None, None) is invalid")


def test_descr_set_and_delete():
    Owner, d = make_owner()
    o = Owner()
    log()
    o.d = 5
    del o.d
    assert d.log == [("set", o, 5), ("del", o)]
    assert log() == ["tp_descr_set", "tp_descr_set"]
    assert "d" not in o.__dict__
    d.__set__(o, 7)
    d.__delete__(o)
    assert d.log[2:] == [("set", o, 7), ("del", o)]


def test_data_descriptor_wins_over_instance_dict():
    Owner, d = make_owner()
    o = Owner()
    o.__dict__["d"] = "shadow"
    assert o.d == ("get", o, Owner)


def test_class_assignment_replaces_descriptor():
    Owner, d = make_owner()
    Owner.d = 1
    assert d.log == []
    assert Owner.d == 1 and Owner().d == 1


# ---- async slots ---------------------------------------------------------


async def await_it(x):
    return await x


def test_await_drives_am_await_iterator():
    log()
    assert drive(await_it(c.Awaitable(2, "res"))) == ([0, 1], "res")
    assert log() == ["am_await"]
    assert drive(await_it(c.Awaitable(0, (1, 2)))) == ([], (1, 2))
    assert drive(await_it(c.Awaitable(1))) == ([0], None)


@harness.differs_on_rustpy("error messages name a C type by its __name__ ('Num'); CPython uses tp_name ('capi_slots.Num'), RustPython formats them from the heap type's name")
def test_await_non_iterator_is_type_error():
    raises_exact(TypeError, drive, await_it(c.Awaitable(1, None, 1)),
                 match="__await__() returned non-iterator of type 'int'")
    e = raises_exact(TypeError, drive, await_it(c.Num(1)))
    # 3.11: "object capi_slots.Num can't be used in 'await' expression"
    assert "capi_slots.Num" in str(e) and "await" in str(e), str(e)


def test_await_iterator_error_propagates():
    async def catch():
        try:
            await c.Awaitable(1, None, 2)
        except ValueError as e:
            return "caught " + str(e)

    assert drive(catch()) == ([0], "caught It failed")


def test_async_for_uses_aiter_and_anext():
    async def consume(ait):
        out = []
        async for x in ait:
            out.append(x)
        return out

    log()
    assert drive(consume(c.AIter(3))) == ([0, 0, 0], [0, 10, 20])
    assert log() == ["am_aiter"] + ["am_anext", "am_await"] * 3 + ["am_anext"]
    assert drive(consume(c.AIter(0))) == ([], [])


def test_async_slot_wrappers():
    for t, names in ((c.Awaitable, ("__await__",)), (c.AIter, ("__aiter__", "__anext__"))):
        for name in names:
            assert name in t.__dict__, name
    it = c.Awaitable(2, "r").__await__()
    assert type(it) is c.It
    assert list(it) == [0, 1]
    a = c.AIter(1)
    assert a.__aiter__() is a
    aw = a.__anext__()
    assert type(aw) is c.Awaitable
    assert drive(await_it(aw)) == ([0], 0)
    raises_exact(StopAsyncIteration, a.__anext__)


# ---- tp_finalize ---------------------------------------------------------


def test_finalize_runs_once_on_dealloc():
    n = c.finalized()
    f = c.Fin()
    assert c.finalized() == n
    del f
    assert c.finalized() == n + 1


def test_finalize_runs_once_for_python_subclass():
    class FinSub(c.Fin):
        pass

    n = c.finalized()
    f = FinSub()
    del f
    assert c.finalized() == n + 1


def test_python_del_overrides_tp_finalize():
    got = []

    class FinPy(c.Fin):
        def __del__(self):
            got.append("py")

    n = c.finalized()
    f = FinPy()
    del f
    assert got == ["py"]
    assert c.finalized() == n


def test_finalize_slot_wrapper():
    assert "__del__" in c.Fin.__dict__
    f = c.Fin()
    n = c.finalized()
    f.__del__()
    assert c.finalized() == n + 1


# ---- C calling slots of Python subclasses --------------------------------


class NumSub(c.Num):
    def __add__(self, o):
        return "py-add"


class NumSuper(c.Num):
    def __add__(self, o):
        return ("py", super().__add__(o))


def test_c_nb_add_reaches_python_override():
    log()
    assert c.slot_add(NumSub(1), 2) == "py-add"
    assert log() == []
    assert NumSub(1) + 2 == "py-add"


def test_c_nb_add_of_subclass_without_override_is_the_c_slot():
    log()
    # __sub__ not overridden: the inherited C slot
    assert val(NumSub(5) - 2) == 3
    r = c.slot_add(NumSuper(1), 2)
    assert r[0] == "py" and val(r[1]) == 3
    assert log() == ["nb_subtract", "nb_add"]


def test_python_subclass_reflected_uses_inherited_radd():
    log()
    # NumSub defines no __radd__: Num's wrapper runs the C slot as nb_add(3, x)
    assert val(3 + NumSub(2)) == 5
    assert log() == ["nb_add"]


def test_c_tp_repr_reaches_python_override():
    class RepSub(c.Rep):
        def __repr__(self):
            return "py-repr"

    r = RepSub(1)
    log()
    assert c.slot_repr(r) == "py-repr"
    assert repr(r) == "py-repr"
    assert log() == []
    # tp_str is inherited from Rep, not object's
    assert c.slot_str(r) == "Rep-str:1"
    assert str(r) == "Rep-str:1"


def test_c_sq_length_reaches_python_override():
    class SeqSub(c.Seq):
        def __len__(self):
            return 42

    s = SeqSub("ab")
    log()
    assert c.slot_sq_length(s) == 42
    assert len(s) == 42
    assert log() == []
    assert c.slot_sq_length(c.Seq("ab")) == 2


def test_c_mp_subscript_reaches_python_override():
    class MapSub(c.Map):
        def __getitem__(self, k):
            return ("py", k)

    m = MapSub()
    log()
    assert c.slot_mp_subscript(m, "k") == ("py", "k")
    assert m[1:2] == ("py", slice(1, 2))
    assert log() == []
    assert c.slot_mp_subscript(c.Map(), slice(1, 2)) == ("slice", 1, 2, None)


def test_c_tp_call_reaches_python_override():
    class CallSub(c.Call):
        def __call__(self, *a, **k):
            return ("py", a, k)

    o = CallSub()
    log()
    assert c.slot_call(o, (1,), {"x": 2}) == ("py", (1,), {"x": 2})
    assert c.slot_call(o, (), None) == ("py", (), {})
    assert log() == []
    assert c.slot_call(c.Call(), (1,), None) == ("tp_call", (1,), {})


def test_c_tp_richcompare_reaches_python_override():
    class CmpSub(c.Cmp):
        def __eq__(self, o):
            return "py-eq"

        __hash__ = None

    a = CmpSub(1)
    log()
    assert c.slot_richcompare(a, 5, EQ) == "py-eq"
    assert log() == []
    # ops not overridden reach the C slot through the subclass's slot function
    assert c.slot_richcompare(a, 5, LT) is True
    assert log() == ["tp_richcompare LT"]


def test_c_tp_hash_reaches_python_override():
    class HashSub(c.Hash):
        def __hash__(self):
            return 777

    log()
    assert c.slot_hash(HashSub(1)) == 777
    assert hash(HashSub(1)) == 777
    assert log() == []

    class HashEq(c.Hash):
        def __eq__(self, o):
            return True

    # defining __eq__ without __hash__ sets __hash__ = None
    raises_exact(TypeError, c.slot_hash, HashEq(1), match="unhashable type: 'HashEq'")
    raises_exact(TypeError, hash, HashEq(1), match="unhashable type")


def test_c_tp_iter_reaches_python_override():
    class ItSub(c.It):
        def __iter__(self):
            return iter(["py"])

    o = ItSub(3)
    assert list(c.slot_iter(o)) == ["py"]
    assert list(o) == ["py"]
    # __next__ is still the C slot
    assert c.slot_iternext(o) == 0
    assert next(o) == 1


# ---- C calling slots of builtin types and plain Python classes -----------


def test_c_slots_of_int():
    assert c.slot_add(2, 3) == 5
    # the slot itself does no reflected dispatch: int + float is not int's
    assert c.slot_add(2, 3.5) is NotImplemented
    assert c.slot_repr(-12) == "-12"
    assert c.slot_hash(12) == 12
    assert c.slot_hash(-1) == hash(-1) == -2


def test_c_slots_of_str_list_dict():
    assert c.slot_repr("a'b") == repr("a'b")
    assert c.slot_str(1.5) == "1.5"
    assert c.slot_hash("abc") == hash("abc")
    assert c.slot_hash((1, 2)) == hash((1, 2))
    assert c.slot_sq_length([1, 2, 3]) == 3
    assert c.slot_mp_length({1: 2}) == 1
    assert c.slot_sq_length("abcd") == 4
    assert c.slot_mp_subscript({"k": "v"}, "k") == "v"
    assert c.slot_mp_subscript([10, 20, 30], slice(1, None)) == [20, 30]
    raises_exact(TypeError, c.slot_hash, [], match="unhashable type: 'list'")
    raises_exact(KeyError, c.slot_mp_subscript, {}, "x")


def test_c_richcompare_of_builtins():
    assert c.slot_richcompare(1, 2, LT) is True
    assert c.slot_richcompare(2, 2, GE) is True
    assert c.slot_richcompare("a", "b", EQ) is False
    assert c.slot_richcompare([1], [1], EQ) is True
    # int's slot does not know float: the reflected try is the caller's job
    assert c.slot_richcompare(1, 1.0, EQ) is NotImplemented
    assert c.slot_richcompare(1.0, 1, EQ) is True


def test_c_iter_of_builtins():
    it = c.slot_iter([1, 2])
    assert type(it).__name__ == "list_iterator"
    assert c.slot_iternext(it) == 1
    assert c.slot_iternext(it) == 2
    assert c.pyiter_next(it) is c.EXHAUSTED
    assert list(c.slot_iter((3, 4))) == [3, 4]
    assert sorted(c.slot_iter({"a": 1, "b": 2})) == ["a", "b"]
    assert c.slot_iter(it) is it

    def gen():
        yield 1
        return 5

    g = gen()
    assert c.pyiter_next(g) == 1
    # PyIter_Next swallows the StopIteration carrying the return value
    assert c.pyiter_next(g) is c.EXHAUSTED


class PyObj:
    def __repr__(self):
        return "PyObj!"

    def __str__(self):
        return "PyObj-str"

    def __len__(self):
        return 7

    def __eq__(self, o):
        return ("eq", o)

    def __hash__(self):
        return 99

    def __iter__(self):
        return iter([1, 2])

    def __add__(self, o):
        return ("add", o)

    def __getitem__(self, k):
        return ("item", k)

    def __call__(self, *a, **k):
        return ("call", a, k)


class Bare:
    pass


def test_c_slots_of_python_class():
    p = PyObj()
    assert c.slot_repr(p) == "PyObj!"
    assert c.slot_str(p) == "PyObj-str"
    assert c.slot_hash(p) == 99
    assert c.slot_sq_length(p) == 7
    assert c.slot_mp_length(p) == 7
    assert c.slot_richcompare(p, 1, EQ) == ("eq", 1)
    assert list(c.slot_iter(p)) == [1, 2]
    assert c.slot_add(p, 1) == ("add", 1)
    assert c.slot_mp_subscript(p, "k") == ("item", "k")
    assert c.slot_sq_item(p, 3) == ("item", 3)
    assert c.slot_call(p, (1,), {"k": 2}) == ("call", (1,), {"k": 2})


def test_c_slots_of_bare_python_class_are_inherited():
    b = Bare()
    assert c.slot_repr(b) == repr(b) == object.__repr__(b)
    assert c.slot_str(b) == repr(b)
    assert c.slot_hash(b) == hash(b)
    # object's richcompare: identity for ==, NotImplemented otherwise
    assert c.slot_richcompare(b, b, EQ) is True
    assert c.slot_richcompare(b, Bare(), EQ) is NotImplemented
    assert c.slot_richcompare(b, b, LT) is NotImplemented
    raises_exact(LookupError, c.slot_sq_length, b, match="slot sq_length is NULL")
    raises_exact(LookupError, c.slot_iter, b, match="slot tp_iter is NULL")


def test_has_slot():
    cases = [
        (1, "nb_add", True), (1, "nb_index", True), (1, "sq_length", False),
        (1.5, "nb_float", True), (1.5, "nb_index", False),
        ("", "nb_add", False), ("", "nb_remainder", True), ("", "sq_concat", True),
        ("", "mp_subscript", True),
        ([], "sq_length", True), ([], "mp_subscript", True), ([], "sq_contains", True),
        ([], "nb_add", False), ([], "sq_concat", True),
        ({}, "mp_length", True), ({}, "sq_contains", True), ({}, "sq_item", False),
        (object(), "tp_repr", True), (object(), "tp_hash", True), (object(), "tp_call", False),
        (object(), "tp_iter", False), (len, "tp_call", True),
        (iter([]), "tp_iternext", True),
        (c.Num(1), "nb_inplace_add", True), (c.Num(1), "sq_length", False),
        (c.Seq(), "sq_item", True), (c.Seq(), "mp_subscript", False), (c.Seq(), "tp_iter", False),
        (c.Map(), "mp_subscript", True), (c.Map(), "sq_contains", False),
        (c.Awaitable(1), "am_await", True), (c.AIter(1), "am_anext", True),
        (c.Descr(), "tp_descr_set", True), (c.Fin(), "tp_finalize", True),
        (PyObj(), "sq_length", True), (PyObj(), "mp_length", True), (PyObj(), "tp_call", True),
        (Bare(), "nb_add", False), (Bare(), "sq_length", False), (Bare(), "tp_getattro", True),
    ]
    for o, slot, expected in cases:
        assert c.has_slot(o, slot) is expected, (o, slot, expected)


# ---- the type objects as C sees them -------------------------------------


def test_tp_name():
    assert c.type_name(1) == "int"
    assert c.type_name([]) == "list"
    assert c.type_name(c.Num(1)) == "capi_slots.Num"
    assert c.type_name(Bare()) == "Bare"
    assert c.type_name(c.Num) == "type"
    assert c.type_name(None) == "NoneType"


def test_tp_basicsize():
    assert c.basicsize(c.Num(1)) == c.NUM_BASICSIZE == c.Num.__basicsize__
    assert c.basicsize(NumSub(1)) >= c.NUM_BASICSIZE
    for o in (1, 1.5, "s", [], {}, (), object(), Bare(), int):
        assert c.basicsize(o) > 0, o
        assert c.basicsize(o) == type(o).__basicsize__, o


def test_type_flags_of_builtins():
    f = c.type_flags
    assert f(1)["LONG_SUBCLASS"] and not f(1)["LIST_SUBCLASS"]
    assert f(True)["LONG_SUBCLASS"]
    assert f([])["LIST_SUBCLASS"]
    assert f(())["TUPLE_SUBCLASS"]
    assert f(b"")["BYTES_SUBCLASS"]
    assert f("")["UNICODE_SUBCLASS"]
    assert f({})["DICT_SUBCLASS"]
    assert f(KeyError())["BASE_EXC_SUBCLASS"]
    assert f(int)["TYPE_SUBCLASS"]
    assert not f(1)["HEAPTYPE"] and f(1)["BASETYPE"] and f(1)["READY"]
    assert not f(True)["BASETYPE"]
    assert f([])["HAVE_GC"]


def test_type_flags_of_static_and_heap_types():
    f = c.type_flags

    class L(list):
        pass

    fl = f(L())
    assert fl["LIST_SUBCLASS"] and fl["HEAPTYPE"] and fl["BASETYPE"] and fl["HAVE_GC"]
    fn = f(c.Num(1))
    assert fn["READY"] and fn["BASETYPE"] and not fn["HEAPTYPE"] and not fn["LONG_SUBCLASS"]
    assert not fn["HAVE_GC"]
    assert f(c.Map())["BASETYPE"] and not f(c.Attr())["BASETYPE"]
    assert f(c.VCall("x"))["HAVE_VECTORCALL"]
    assert not f(c.Call())["HAVE_VECTORCALL"]
    fs = f(NumSub(1))
    assert fs["HEAPTYPE"] and fs["BASETYPE"] and fs["READY"]
    assert f(Bare())["HEAPTYPE"]


def test_builtin_type_objects_are_the_python_types():
    expected = {
        "int": int, "list": list, "dict": dict, "str": str, "tuple": tuple,
        "float": float, "bool": bool, "type": type, "object": object,
        "bytes": bytes, "bytearray": bytearray, "set": set, "frozenset": frozenset,
        "complex": complex, "slice": slice, "range": range,
    }
    got = c.builtin_types()
    assert sorted(got) == sorted(expected)
    for name, t in got.items():
        assert t is expected[name], name


def test_py_type_is_the_static_type_object():
    assert c.type_is(5, "int")
    assert c.type_is(2**100, "int")
    assert not c.type_is(True, "int") and c.type_is(True, "bool")
    assert c.type_is([], "list") and c.type_is({}, "dict") and c.type_is("", "str")
    assert c.type_is((), "tuple") and c.type_is(1.0, "float")
    assert c.type_is(object(), "object")
    assert c.type_is(int, "type") and c.type_is(c.Num, "type") and c.type_is(Bare, "type")
    assert not c.type_is(Bare(), "object")
    assert c.type_is(range(3), "range") and c.type_is(slice(1), "slice")


@harness.differs_on_rustpy("RustPython 0.6 says 'instance layout conflict'; CPython 3.11 says 'lay-out'")
def test_static_type_attributes():
    assert type(c.Num) is type
    assert c.Num.__name__ == "Num"
    assert c.Num.__qualname__ == "Num"
    assert c.Num.__module__ == "capi_slots"
    assert c.Num.__base__ is object
    assert c.Num.__mro__ == (c.Num, object)
    assert NumSub.__mro__ == (NumSub, c.Num, object)
    assert isinstance(NumSub(1), c.Num)
    raises(TypeError, type, "BadSub", (c.Map, c.Seq), {}, match="lay-out conflict")


def test_sequence_check_is_sq_item():
    # a C type with mp_subscript only is no sequence (numpy's scalars)
    assert c.sequence_check(c.Seq("ab")) is True
    assert c.sequence_check(c.Map()) is False
    assert c.sequence_check([1]) is True and c.sequence_check({}) is False

    class Indexable:
        def __getitem__(self, i):
            return i

    assert c.sequence_check(Indexable()) is True


if __name__ == "__main__":
    harness.run(globals())
