"""Check for capi_buffer: the buffer protocol both ways.

C exporters seen from Python: Buf (a PyType_FromSpec heap type with
Py_bf_getbuffer/Py_bf_releasebuffer, its own C array, 1-D, 2-D or strided,
format "B"/"i"/"d") and StaticBuf (a static type with tp_as_buffer whose
getbuffer is PyBuffer_FillInfo) through memoryview, bytes, bytearray,
struct, io and writes through writable memoryviews, which C must then read
back; bf_releasebuffer must run exactly once per export, with the view's
``internal`` pointer as getbuffer left it.

VM exporters seen from C: PyObject_GetBuffer on bytes, bytearray, array and
memoryviews (sliced, cast), the fields each request flag fills, writes
through PyBUF_WRITABLE, a view held across calls (which blocks resizing),
and the PyBuffer_* helpers, PyObject_CopyData and the PyMemoryView_*
constructors.

CPython's quirks checked here:
- a non-exporter is TypeError "a bytes-like object is required, not 'int'"
  (PyMemoryView_FromObject / GetContiguous prefix it with "memoryview: ");
  a writable request on bytes is BufferError "Object is not writable."
  (PyBuffer_FillInfo's message);
- a memoryview exports itself: view.obj is the memoryview, not its base;
  on a non-contiguous one every request without PyBUF_STRIDES fails with
  "underlying buffer is not C-contiguous", and PyBUF_FORMAT without
  PyBUF_ND fails ("cannot cast to unsigned bytes ...");
- PyBuffer_IsContiguous ignores the strides of dimensions of length 1, calls
  every empty view contiguous and a strides-less ndim > 1 view C- but not
  F-contiguous;
- PyBuffer_ToContiguous wants len == view.len exactly (ValueError), while
  PyBuffer_FromContiguous copies only the items len covers;
- PyBuffer_SizeFromFormat is struct.calcsize (struct.error when bad);
- PyMemoryView_FromMemory / FromBuffer views have obj None; FromBuffer
  refuses buf NULL (ValueError);
- PyMemoryView_GetContiguous returns a view on the object itself when it is
  contiguous in that order, else (PyBUF_READ) a copy, and PyBUF_WRITE on a
  non-contiguous or read-only object is BufferError.
"""

import array
import gc
import io
import struct

import harness
from harness import raises, raises_exact

import capi_buffer as c

I = struct.calcsize("i")
D = struct.calcsize("d")


def ints(*vals):
    return struct.pack("%di" % len(vals), *vals)


def assert_settled(b):
    """Every export of b has been released exactly once."""
    assert b.exports == 0, b.exports
    assert b.releases == b.getbuffers, (b.releases, b.getbuffers)
    assert b.bad_releases == 0, b.bad_releases


# ---- 1. C exporters seen from Python ----------------------------------------


def test_buf_1d_memoryview():
    b = c.Buf(6)
    with memoryview(b) as m:
        assert m.obj is b
        assert m.shape == (6,) and m.strides == (1,) and m.ndim == 1
        assert m.format == "B" and m.itemsize == 1 and m.nbytes == 6
        assert m.readonly is False and m.c_contiguous and m.contiguous
        assert m.tolist() == [0, 1, 2, 3, 4, 5]
        assert m == bytes(range(6))
        assert b.exports == 1
    assert b.getbuffers == 1
    assert_settled(b)


def test_buf_2d_int_memoryview():
    b = c.Buf((2, 3), "i")
    with memoryview(b) as m:
        assert m.shape == (2, 3) and m.strides == (3 * I, I) and m.ndim == 2
        assert m.format == "i" and m.itemsize == I and m.nbytes == 6 * I
        assert m.c_contiguous and not m.f_contiguous
        assert m.tolist() == [[0, 1, 2], [3, 4, 5]]
        assert m[1, 2] == 5
        assert m.tobytes() == ints(0, 1, 2, 3, 4, 5)
    assert_settled(b)


def test_buf_strided_double_memoryview():
    b = c.Buf(4, "d", step=2)
    with memoryview(b) as m:
        assert m.shape == (4,) and m.strides == (2 * D,)
        assert m.format == "d" and m.itemsize == D and m.nbytes == 4 * D
        assert not m.c_contiguous and not m.contiguous
        assert m.tolist() == [0.0, 2.0, 4.0, 6.0]
        assert m[::-1].tolist() == [6.0, 4.0, 2.0, 0.0]
    assert_settled(b)


def test_bytes_bytearray_struct_from_buf():
    assert bytes(c.Buf(4)) == b"\x00\x01\x02\x03"
    assert bytes(c.Buf((2, 3), "i")) == ints(0, 1, 2, 3, 4, 5)
    # bytes() and bytearray() pack a strided exporter (PyBUF_FULL_RO)
    assert bytes(c.Buf(3, step=2)) == b"\x00\x02\x04"
    ba = bytearray(c.Buf(3, step=2))
    assert type(ba) is bytearray and ba == b"\x00\x02\x04"
    assert bytearray(c.Buf((2, 2))) == b"\x00\x01\x02\x03"
    # struct asks for a simple (contiguous) buffer
    assert struct.unpack_from("3i", c.Buf(3, "i")) == (0, 1, 2)
    assert struct.unpack_from("2i", c.Buf((2, 3), "i"), I) == (1, 2)
    assert struct.unpack_from("d", c.Buf(2, "d"), D) == (1.0,)
    assert b"-".join([c.Buf(2), b"x", c.StaticBuf(b"yz")]) == b"\x00\x01-x-yz"
    b = c.Buf(3, step=2)
    e = raises_exact(BufferError, struct.unpack_from, "B", b)
    assert str(e) == "Buf needs strides"
    assert b.getbuffers == 0 and b.releases == 0


def test_write_through_memoryview_c_reads():
    b = c.Buf(4)
    with memoryview(b) as m:
        m[0] = 7
        m[1:3] = b"\x10\x11"
    assert b.items() == [7, 0x10, 0x11, 3]
    b2 = c.Buf((2, 3), "i")
    with memoryview(b2) as m:
        m[1, 2] = -99
        m[0, 0] = 1 << 30
    assert b2.items() == [1 << 30, 1, 2, 3, 4, -99]
    b3 = c.Buf(3, "d", step=2)
    with memoryview(b3) as m:
        m[1] = 9.5
    assert b3.items() == [0.0, 1.0, 9.5, 3.0, 4.0, 5.0]
    assert_settled(b)
    assert_settled(b2)
    assert_settled(b3)


def test_c_writes_python_reads():
    b = c.Buf(3, "i")
    with memoryview(b) as m:
        b.set(2, 12345)
        assert m[2] == 12345
        assert m.tolist() == [0, 1, 12345]


def test_readonly_buf():
    b = c.Buf(3, readonly=True)
    with memoryview(b) as m:
        assert m.readonly is True
        raises_exact(TypeError, m.__setitem__, 0, 7, match="read-only")
        assert m.tolist() == [0, 1, 2]
    assert b.items() == [0, 1, 2]
    e = raises_exact(BufferError, c.getbuffer_info, b, c.PyBUF_WRITABLE)
    assert str(e) == "Buf is read-only"
    raises_exact(TypeError, io.BytesIO(b"hi").readinto, b, match="read-write bytes-like object")
    assert b.getbuffers == 1
    assert_settled(b)


def test_readinto_writes_c_memory():
    b = c.Buf(5)
    assert io.BytesIO(b"hello").readinto(b) == 5
    assert b.raw() == b"hello"
    assert_settled(b)


def test_release_counts():
    b = c.Buf(4)
    m = memoryview(b)
    assert b.exports == 1 and b.releases == 0
    m.release()
    assert b.exports == 0 and b.releases == 1
    m.release()  # a second release is a no-op
    assert b.releases == 1
    m = memoryview(b)
    del m
    gc.collect()
    assert b.exports == 0 and b.releases == 2
    assert_settled(b)


def test_sliced_and_nested_views_release_once_done():
    b = c.Buf(6)
    m = memoryview(b)
    s = m[::2]
    assert s.obj is b
    assert s.tolist() == [0, 2, 4]
    s[1] = 99
    assert b.get(2) == 99
    m2 = memoryview(m)
    assert m2.obj is b
    s.release()
    m2.release()
    m.release()
    assert_settled(b)


def test_subclass_inherits_buffer_slots():
    class Sub(c.Buf):
        pass

    s = Sub((2, 2), "i")
    assert c.check_buffer(s) == 1
    with memoryview(s) as m:
        assert m.obj is s and m.tolist() == [[0, 1], [2, 3]]
        m[0, 1] = 8
    assert s.items() == [0, 8, 2, 3]
    assert_settled(s)


def test_static_type_exporter():
    sb = c.StaticBuf(b"abcd")
    with memoryview(sb) as m:
        assert m.obj is sb
        assert m.format == "B" and m.shape == (4,) and m.strides == (1,)
        assert m.readonly is False
        m[0] = ord("z")
        assert sb.exports == 1
    assert sb.raw() == b"zbcd"
    sb.poke(3, ord("!"))
    assert bytes(sb) == b"zbc!"
    assert sb.exports == 0 and sb.releases == sb.getbuffers >= 2
    ro = c.StaticBuf(b"xy", readonly=True)
    with memoryview(ro) as m:
        assert m.readonly is True
        raises_exact(TypeError, m.__setitem__, 0, 1)
    e = raises_exact(BufferError, c.write_bytes, ro, 0, b"q")
    assert str(e) == "Object is not writable.", str(e)
    assert ro.raw() == b"xy"
    assert ro.exports == 0 and ro.releases == ro.getbuffers == 1


# ---- the C exporter seen from C ---------------------------------------------


def test_buf_honours_request_flags():
    b = c.Buf((2, 3), "i")
    d = c.getbuffer_info(b, c.PyBUF_SIMPLE)
    assert d["len"] == 6 * I and d["ndim"] == 1
    assert d["format"] is None and d["shape"] is None and d["strides"] is None
    assert d["obj_is"] and d["suboffsets_null"]
    assert d["bytes"] == ints(0, 1, 2, 3, 4, 5)
    d = c.getbuffer_info(b, c.PyBUF_ND)
    assert d["ndim"] == 2 and d["shape"] == (2, 3) and d["strides"] is None
    d = c.getbuffer_info(b, c.PyBUF_RECORDS_RO)
    assert d["format"] == "i" and d["shape"] == (2, 3) and d["strides"] == (3 * I, I)
    assert d["itemsize"] == I and d["readonly"] == 0
    raises_exact(BufferError, c.getbuffer_info, b, c.PyBUF_F_CONTIGUOUS)
    s = c.Buf(3, "d", step=2)
    d = c.getbuffer_info(s, c.PyBUF_STRIDED_RO)
    assert d["strides"] == (2 * D,) and d["len"] == 3 * D
    assert d["bytes"] == struct.pack("3d", 0.0, 2.0, 4.0)
    for flags in (c.PyBUF_SIMPLE, c.PyBUF_ND, c.PyBUF_C_CONTIGUOUS, c.PyBUF_ANY_CONTIGUOUS):
        raises_exact(BufferError, c.getbuffer_info, s, flags)
    assert b.getbuffers == 3 and s.getbuffers == 1
    assert_settled(b)
    assert_settled(s)


# ---- 2. VM exporters seen from C ----------------------------------------------


def test_getbuffer_bytes():
    d = c.getbuffer_info(b"abc", c.PyBUF_SIMPLE)
    assert d == {
        "len": 3, "itemsize": 1, "readonly": 1, "ndim": 1, "format": None,
        "shape": None, "strides": None, "suboffsets_null": True,
        "obj_is": True, "bytes": b"abc",
    }, d
    d = c.getbuffer_info(b"abc", c.PyBUF_FULL_RO)
    assert d["format"] == "B" and d["shape"] == (3,) and d["strides"] == (1,)
    d = c.getbuffer_info(b"", c.PyBUF_FULL_RO)
    assert d["len"] == 0 and d["shape"] == (0,) and d["bytes"] == b""
    e = raises_exact(BufferError, c.getbuffer_info, b"abc", c.PyBUF_WRITABLE)
    assert str(e) == "Object is not writable.", str(e)


def test_getbuffer_bytearray_and_array():
    d = c.getbuffer_info(bytearray(b"xyz"), c.PyBUF_FULL)
    assert d["readonly"] == 0 and d["format"] == "B" and d["shape"] == (3,)
    assert d["bytes"] == b"xyz" and d["obj_is"]
    a = array.array("i", [1, -2, 3])
    d = c.getbuffer_info(a, c.PyBUF_RECORDS_RO)
    assert d["format"] == "i" and d["itemsize"] == I and d["shape"] == (3,)
    assert d["strides"] == (I,) and d["len"] == 3 * I and d["readonly"] == 0
    assert d["bytes"] == ints(1, -2, 3) and d["obj_is"]
    d = c.getbuffer_info(a, c.PyBUF_SIMPLE)
    assert d["len"] == 3 * I and d["format"] is None and d["shape"] is None
    d = c.getbuffer_info(array.array("d", [1.5, -0.25]), c.PyBUF_FULL)
    assert d["format"] == "d" and d["itemsize"] == D
    assert d["bytes"] == struct.pack("2d", 1.5, -0.25)


def test_getbuffer_memoryview_exports_itself():
    base = b"abcdef"
    m = memoryview(base)
    d = c.getbuffer_info(m, c.PyBUF_FULL_RO)
    assert d["obj_is"] and d["bytes"] == base and d["readonly"] == 1
    e = raises_exact(BufferError, c.getbuffer_info, m, c.PyBUF_WRITABLE)
    assert "not writable" in str(e), str(e)


def test_getbuffer_sliced_memoryview():
    s = memoryview(b"abcdef")[::2]
    d = c.getbuffer_info(s, c.PyBUF_FULL_RO)
    assert d["len"] == 3 and d["shape"] == (3,) and d["strides"] == (2,)
    assert d["bytes"] == b"ace" and d["obj_is"]
    d = c.getbuffer_info(s, c.PyBUF_STRIDES)
    assert d["format"] is None and d["strides"] == (2,)
    for flags in (c.PyBUF_SIMPLE, c.PyBUF_ND):
        raises_exact(BufferError, c.getbuffer_info, s, flags, match="not C-contiguous")
    raises_exact(BufferError, c.getbuffer_info, s, c.PyBUF_C_CONTIGUOUS, match="not C-contiguous")
    raises_exact(BufferError, c.getbuffer_info, s, c.PyBUF_F_CONTIGUOUS, match="not Fortran contiguous")
    raises_exact(BufferError, c.getbuffer_info, s, c.PyBUF_ANY_CONTIGUOUS, match="not contiguous")
    r = memoryview(b"abcdef")[::-2]
    d = c.getbuffer_info(r, c.PyBUF_STRIDED_RO)
    assert d["strides"] == (-2,) and d["bytes"] == b"fdb"


def test_getbuffer_slice_addresses_even_when_empty():
    # A slice's buffer starts at its first item, also when it has none:
    # the owner's address plus the start (bitarray relies on it).
    owner = bytearray(16)
    base, _ = c.buffer_address(owner, c.PyBUF_SIMPLE)
    for start, stop in ((3, 11), (5, 5), (16, 16)):
        address, n = c.buffer_address(memoryview(owner)[start:stop], c.PyBUF_SIMPLE)
        assert (address - base, n) == (start, stop - start)
    address, n = c.buffer_address(memoryview(owner)[2:][1:1], c.PyBUF_SIMPLE)
    assert (address - base, n) == (3, 0)


def test_getbuffer_cast_memoryview():
    m = memoryview(bytearray(ints(0, 1, 2, 3, 4, 5))).cast("i", (2, 3))
    d = c.getbuffer_info(m, c.PyBUF_RECORDS)
    assert d["ndim"] == 2 and d["shape"] == (2, 3) and d["strides"] == (3 * I, I)
    assert d["format"] == "i" and d["itemsize"] == I and d["len"] == 6 * I
    assert d["readonly"] == 0 and d["bytes"] == ints(0, 1, 2, 3, 4, 5)
    d = c.getbuffer_info(m, c.PyBUF_ND)
    assert d["shape"] == (2, 3) and d["strides"] is None and d["format"] is None
    d = c.getbuffer_info(m, c.PyBUF_SIMPLE)
    assert d["ndim"] == 1 and d["shape"] is None and d["len"] == 6 * I
    c.getbuffer_info(m, c.PyBUF_C_CONTIGUOUS)
    c.getbuffer_info(m, c.PyBUF_ANY_CONTIGUOUS)
    raises_exact(BufferError, c.getbuffer_info, m, c.PyBUF_F_CONTIGUOUS, match="not Fortran contiguous")
    raises_exact(BufferError, c.getbuffer_info, m, c.PyBUF_FORMAT, match="cannot cast to unsigned bytes")


def test_getbuffer_non_exporters():
    e = raises_exact(TypeError, c.getbuffer_info, 1, c.PyBUF_SIMPLE)
    assert str(e) == "a bytes-like object is required, not 'int'", str(e)
    e = raises_exact(TypeError, c.getbuffer_info, "abc", c.PyBUF_SIMPLE)
    assert str(e) == "a bytes-like object is required, not 'str'", str(e)
    raises_exact(TypeError, c.getbuffer_info, [1, 2], c.PyBUF_SIMPLE)
    raises_exact(TypeError, c.getbuffer_info, c.Buf, c.PyBUF_SIMPLE)


def test_release_clears_view_obj():
    b = c.Buf(2)
    assert c.release_twice(b) is True
    assert b.getbuffers == 1 and b.releases == 1
    assert_settled(b)
    assert c.release_twice(b"xy") is True


def test_c_writes_into_vm_exporters():
    ba = bytearray(b"......")
    c.write_bytes(ba, 2, b"AB")
    assert ba == b"..AB.."
    a = array.array("i", [0, 0, 0])
    c.write_bytes(a, I, ints(77))
    assert a.tolist() == [0, 77, 0]
    target = bytearray(4)
    m = memoryview(target)
    c.write_bytes(m, 0, b"wxyz")
    assert target == b"wxyz"
    b = c.Buf(4)
    with memoryview(b) as m:
        c.write_bytes(m, 1, b"\xff")
    assert b.items() == [0, 255, 2, 3]
    assert_settled(b)
    raises_exact(BufferError, c.write_bytes, b"abc", 0, b"x")
    raises_exact(BufferError, c.write_bytes, memoryview(b"abc"), 0, b"x")
    raises_exact(BufferError, c.write_bytes, memoryview(bytearray(4))[::2], 0, b"x")


def test_held_view_blocks_bytearray_resize():
    ba = bytearray(b"abcd")
    c.hold(ba, c.PyBUF_WRITABLE)
    try:
        e = raises_exact(BufferError, ba.append, 0x65)
        assert str(e) == "Existing exports of data: object cannot be re-sized", str(e)
        raises_exact(BufferError, ba.extend, b"xy")
        raises_exact(BufferError, ba.clear)
        ba[0] = ord("z")  # same size: allowed, and C sees it
        assert c.held_read() == b"zbcd"
        c.held_write(1, b"Y")  # C writes, Python sees it
        assert ba == b"zYcd"
    finally:
        c.release_held()
    ba.append(0x65)
    assert ba == b"zYcde"


def test_held_view_blocks_array_resize_and_memoryview_release():
    a = array.array("i", [1, 2])
    c.hold(a, c.PyBUF_FULL_RO)
    try:
        raises_exact(BufferError, a.append, 3, match="exporting buffers")
    finally:
        c.release_held()
    a.append(3)
    assert a.tolist() == [1, 2, 3]
    m = memoryview(bytearray(4))
    c.hold(m, c.PyBUF_SIMPLE)
    try:
        raises_exact(BufferError, m.release, match="exported buffer")
    finally:
        c.release_held()
    m.release()


def test_held_view_keeps_exporter_alive():
    gc.collect()  # earlier tests' garbage must not be counted below
    b = c.Buf(3)
    c.hold(b, c.PyBUF_SIMPLE)
    before = c.buf_deallocs()
    del b
    gc.collect()
    assert c.buf_deallocs() == before
    assert c.held_read() == b"\x00\x01\x02"
    c.release_held()
    gc.collect()
    assert c.buf_deallocs() == before + 1


# ---- 3. PyObject_CheckBuffer --------------------------------------------------


def test_check_buffer():
    yes = [b"", bytearray(), memoryview(b"x"), array.array("i"), c.Buf(1),
           c.StaticBuf(b"")]
    for o in yes:
        assert c.check_buffer(o) == 1, o
    for o in (1, "abc", [1], None, c.Buf, 1.5):
        assert c.check_buffer(o) == 0, o


# ---- 4. PyBuffer_* helpers ------------------------------------------------------


def test_fill_info():
    d = c.fill_info(None, 1, c.PyBUF_FULL_RO)
    assert d["buf_ok"] and d["obj_is"] and d["len"] == 8 and d["itemsize"] == 1
    assert d["readonly"] == 1 and d["ndim"] == 1 and d["format"] == "B"
    assert d["shape"] == (8,) and d["strides"] == (1,)
    assert d["suboffsets_null"] and d["internal_null"]
    assert d["bytes"] == b"ABCDEFG\x00"
    d = c.fill_info(None, 0, c.PyBUF_SIMPLE)
    assert d["readonly"] == 0 and d["format"] is None
    assert d["shape"] is None and d["strides"] is None and d["ndim"] == 1
    d = c.fill_info(None, 0, c.PyBUF_ND)
    assert d["shape"] == (8,) and d["strides"] is None and d["format"] is None
    e = raises_exact(BufferError, c.fill_info, None, 1, c.PyBUF_WRITABLE)
    assert str(e) == "Object is not writable.", str(e)
    assert c.fill_info(None, 0, c.PyBUF_WRITABLE)["readonly"] == 0


def test_fill_info_owns_obj():
    o = ["exporter"]
    d = c.fill_info(o, 1, c.PyBUF_FULL_RO)
    assert d["obj_is"]
    assert d["refcnt_delta"] == 1  # view.obj is a new reference
    assert d["refcnt_after"] == 0  # PyBuffer_Release dropped it
    assert d["obj_cleared"]


def test_is_contiguous_on_exporter_views():
    assert c.is_contiguous(c.Buf(4), c.PyBUF_STRIDES) == (1, 1, 1)
    assert c.is_contiguous(c.Buf((2, 3)), c.PyBUF_STRIDES) == (1, 0, 1)
    assert c.is_contiguous(c.Buf((1, 3)), c.PyBUF_STRIDES) == (1, 1, 1)
    assert c.is_contiguous(c.Buf((3, 1)), c.PyBUF_STRIDES) == (1, 1, 1)
    assert c.is_contiguous(c.Buf(4, step=2), c.PyBUF_STRIDES) == (0, 0, 0)
    # no strides: C-contiguous by definition, F only if effectively 1-D
    assert c.is_contiguous(c.Buf((2, 3)), c.PyBUF_ND) == (1, 0, 1)
    assert c.is_contiguous(c.Buf((2, 3)), c.PyBUF_SIMPLE) == (1, 1, 1)
    assert c.is_contiguous(b"abc", c.PyBUF_FULL_RO) == (1, 1, 1)
    assert c.is_contiguous(memoryview(b"abcd")[::2], c.PyBUF_STRIDES) == (0, 0, 0)
    f = memoryview(bytearray(24)).cast("i", (2, 3))
    assert c.is_contiguous(f, c.PyBUF_STRIDES) == (1, 0, 1)


def test_is_contiguous_raw_layouts():
    assert c.is_contiguous_raw((2, 3), (3 * I, I), I) == (1, 0, 1)
    assert c.is_contiguous_raw((2, 3), (I, 2 * I), I) == (0, 1, 1)
    assert c.is_contiguous_raw((2, 3), (4 * I, I), I) == (0, 0, 0)
    # strides of length-1 dimensions do not matter
    assert c.is_contiguous_raw((1, 3), (999, I), I) == (1, 1, 1)
    # an empty view is contiguous whatever its strides
    assert c.is_contiguous_raw((0, 3), (7, 5), I) == (1, 1, 1)
    assert c.is_contiguous_raw((3,), (-I,), I) == (0, 0, 0)
    assert c.is_contiguous_raw((2, 3), None, 1) == (1, 0, 1)
    assert c.is_contiguous_raw((1, 3), None, 1) == (1, 1, 1)


def test_fill_contiguous_strides():
    assert c.fill_strides((2, 3, 4), 8, "C") == (96, 32, 8)
    assert c.fill_strides((2, 3, 4), 8, "F") == (8, 16, 48)
    assert c.fill_strides((5,), 2, "C") == (2,)
    assert c.fill_strides((5,), 2, "F") == (2,)
    assert c.fill_strides((), 4, "C") == ()


def test_get_pointer():
    b = c.Buf((2, 3), "i")
    assert c.get_pointer(b, (1, 2)) == (5 * I, ints(5))
    assert c.get_pointer(b, (0, 0)) == (0, ints(0))
    s = c.Buf(4, "d", step=2)
    assert c.get_pointer(s, (3,)) == (6 * D, struct.pack("d", 6.0))
    assert c.get_pointer(memoryview(b"abcdef")[::-2], (1,)) == (-2, b"d")
    assert c.get_pointer(b"xyz", (2,)) == (2, b"z")
    assert_settled(b)
    assert_settled(s)


def test_size_from_format():
    assert c.size_from_format("i") == I
    assert c.size_from_format("3d") == 3 * D
    assert c.size_from_format("B") == 1
    assert c.size_from_format("hq") == struct.calcsize("hq")
    assert c.size_from_format("<hq") == 10
    raises(struct.error, c.size_from_format, "Z")


def test_to_contiguous():
    b = c.Buf((2, 3))
    assert c.to_contiguous(b, "C") == bytes([0, 1, 2, 3, 4, 5])
    assert c.to_contiguous(b, "F") == bytes([0, 3, 1, 4, 2, 5])
    assert c.to_contiguous(b, "A") == bytes([0, 1, 2, 3, 4, 5])
    assert c.to_contiguous(c.Buf(3, "i", step=2), "C") == ints(0, 2, 4)
    assert c.to_contiguous(memoryview(b"abcdef")[::-2], "C") == b"fdb"
    e = raises_exact(ValueError, c.to_contiguous, b"abc", "C", 2)
    assert "len != view->len" in str(e), str(e)
    assert_settled(b)


def test_from_contiguous():
    b = c.Buf((2, 3))
    c.from_contiguous(b, bytes([10, 11, 12, 13, 14, 15]), "C")
    assert b.items() == [10, 11, 12, 13, 14, 15]
    c.from_contiguous(b, bytes([20, 21, 22, 23, 24, 25]), "F")
    assert b.items() == [20, 22, 24, 21, 23, 25]
    # a short source fills only the first items, in the given order
    c.from_contiguous(b, bytes([1, 2, 3]), "F")
    assert b.items() == [1, 3, 24, 2, 23, 25]
    s = c.Buf(3, step=2)
    c.from_contiguous(s, b"xyz", "C")
    assert s.raw() == b"x\x01y\x03z\x05"
    target = bytearray(6)
    c.from_contiguous(memoryview(target)[1::2], b"abc", "C")
    assert target == b"\x00a\x00b\x00c"
    raises_exact(BufferError, c.from_contiguous, b"abc", b"x", "C")
    raises_exact(BufferError, c.from_contiguous, c.Buf(2, readonly=True), b"x", "C")
    assert_settled(b)
    assert_settled(s)


def test_copy_data():
    dest = bytearray(5)
    c.copy_data(dest, b"abc")
    assert dest == b"abc\x00\x00"
    strided = bytearray(6)
    c.copy_data(memoryview(strided)[::2], b"xyz")
    assert strided == b"x\x00y\x00z\x00"
    b = c.Buf((2, 3))
    src = c.Buf((2, 3))
    with memoryview(src) as m:
        m[0, 0] = 50
    c.copy_data(b, src)
    assert b.items() == [50, 1, 2, 3, 4, 5]
    e = raises_exact(BufferError, c.copy_data, bytearray(2), b"abc")
    assert str(e) == "destination is too small to receive data from source", str(e)
    e = raises_exact(TypeError, c.copy_data, 1, b"")
    assert str(e) == "both destination and source must be bytes-like objects", str(e)
    raises_exact(TypeError, c.copy_data, bytearray(1), "a")
    raises_exact(BufferError, c.copy_data, b"xyz", b"abc")
    assert_settled(b)
    assert_settled(src)


# ---- 5. PyMemoryView_* ---------------------------------------------------------


def test_memoryview_from_object():
    data = b"hello"
    m = c.mv_from_object(data)
    assert type(m) is memoryview and m.obj is data
    assert m.tobytes() == b"hello" and m.readonly
    b = c.Buf((2, 2), "i")
    m = c.mv_from_object(b)
    assert m.obj is b and m.shape == (2, 2) and m.format == "i"
    assert b.exports == 1
    m[1, 1] = 42
    assert b.get(3) == 42
    m.release()
    assert_settled(b)
    m2 = c.mv_from_object(memoryview(bytearray(b"ab")))
    assert type(m2) is memoryview and m2.tobytes() == b"ab"
    e = raises_exact(TypeError, c.mv_from_object, 1)
    assert str(e) == "memoryview: a bytes-like object is required, not 'int'", str(e)


def test_memoryview_from_memory_read():
    c.mem_set(0, b"0123456789abcdef")
    m = c.mv_from_memory(c.PyBUF_READ)
    assert type(m) is memoryview and m.obj is None
    assert m.readonly is True and m.format == "B" and m.shape == (16,)
    assert m.tobytes() == b"0123456789abcdef"
    raises_exact(TypeError, m.__setitem__, 0, 1)
    c.mem_set(3, b"!")  # C writes, the view sees it
    assert m[3] == ord("!")
    raises_exact(BufferError, c.getbuffer_info, m, c.PyBUF_WRITABLE)


def test_memoryview_from_memory_write():
    c.mem_set(0, bytes(16))
    m = c.mv_from_memory(c.PyBUF_WRITE)
    assert m.readonly is False and m.obj is None
    m[0:3] = b"xyz"
    m[15] = 0x7E
    assert c.mem_get() == b"xyz" + bytes(12) + b"~"
    d = c.getbuffer_info(m, c.PyBUF_FULL)
    assert d["readonly"] == 0 and d["len"] == 16 and d["obj_is"]
    m.release()


def test_memoryview_from_buffer():
    c.frombuf_set(b"ABCDEFGH")
    m = c.mv_from_buffer(0)
    assert m.obj is None and m.readonly is True
    assert m.format == "B" and m.shape == (8,) and m.strides == (1,)
    assert m.tobytes() == b"ABCDEFGH"
    w = c.mv_from_buffer(1)
    assert w.readonly is False and w.obj is None
    w[1] = ord("b")
    assert c.frombuf_get() == b"AbCDEFGH"
    assert m[1] == ord("b")
    w.release()
    m.release()
    e = raises_exact(ValueError, c.mv_from_buffer, 3)
    assert "must not be NULL" in str(e), str(e)


def test_memoryview_from_buffer_2d():
    c.int_area_set(1, 2, 3, 4, 5, 6)
    m = c.mv_from_buffer(2)
    assert m.obj is None and m.format == "i" and m.itemsize == I
    assert m.shape == (2, 3) and m.strides == (3 * I, I) and m.nbytes == 6 * I
    assert m.tolist() == [[1, 2, 3], [4, 5, 6]]
    m[1, 2] = -42
    assert c.int_area_get() == [1, 2, 3, 4, 5, -42]
    assert m.cast("B").cast("i").tolist() == [1, 2, 3, 4, 5, -42]
    m.release()


def test_get_contiguous_returns_a_view_when_contiguous():
    data = b"abc"
    m = c.mv_get_contiguous(data, c.PyBUF_READ, "C")
    assert type(m) is memoryview and m.obj is data and m.tobytes() == b"abc"
    ba = bytearray(b"abc")
    m = c.mv_get_contiguous(ba, c.PyBUF_WRITE, "C")
    assert m.obj is ba and m.readonly is False
    m[0] = ord("X")
    assert ba == b"Xbc"
    m.release()
    b = c.Buf(3)
    m = c.mv_get_contiguous(b, c.PyBUF_WRITE, "A")
    assert m.obj is b
    m[2] = 9
    assert b.get(2) == 9
    m.release()
    assert_settled(b)


def test_get_contiguous_copies_when_not_contiguous():
    ba = bytearray(b"abcdef")
    src = memoryview(ba)[::2]
    m = c.mv_get_contiguous(src, c.PyBUF_READ, "C")
    assert m.c_contiguous and m.tobytes() == b"ace" and m.shape == (3,)
    assert m.obj is not ba and m.obj is not src
    ba[0] = ord("Z")  # a copy: the original changing does not show
    assert m.tobytes() == b"ace"
    f = memoryview(bytearray(ints(0, 1, 2, 3, 4, 5))).cast("i", (2, 3))
    mf = c.mv_get_contiguous(f, c.PyBUF_READ, "F")
    assert mf.f_contiguous and not mf.c_contiguous
    assert mf.shape == (2, 3) and mf.strides == (I, 2 * I) and mf.format == "i"
    assert mf.tolist() == [[0, 1, 2], [3, 4, 5]]
    assert mf.tobytes(order="F") == ints(0, 3, 1, 4, 2, 5)
    b = c.Buf(3, "i", step=2)
    mb = c.mv_get_contiguous(b, c.PyBUF_READ, "C")
    assert mb.tolist() == [0, 2, 4] and mb.c_contiguous
    b.set(2, 100)
    assert mb.tolist() == [0, 2, 4]
    assert_settled(b)  # the temporary view on b is gone already


def test_get_contiguous_errors():
    e = raises_exact(BufferError, c.mv_get_contiguous,
                     memoryview(bytearray(b"abcdef"))[::2], c.PyBUF_WRITE, "C")
    assert "non-contiguous" in str(e), str(e)
    e = raises_exact(BufferError, c.mv_get_contiguous, b"abc", c.PyBUF_WRITE, "C")
    assert "not writable" in str(e), str(e)
    e = raises_exact(TypeError, c.mv_get_contiguous, 1, c.PyBUF_READ, "C")
    assert str(e) == "memoryview: a bytes-like object is required, not 'int'", str(e)
    b = c.Buf(3, step=2)
    raises_exact(BufferError, c.mv_get_contiguous, b, c.PyBUF_WRITE, "C")
    assert_settled(b)


def test_memoryview_holds_its_view():
    b = bytearray(b"abcdef")
    m = memoryview(b)
    assert c.memoryview_view(m) == (b, 6, 1, 1, b"B", (6,), (1,), 0, ord("a"))
    import array
    a = array.array("i", [7, 8, 9, 10])
    v = memoryview(a).cast("B").cast("i", (2, 2))
    assert c.memoryview_view(v) == (a, 16, 4, 2, b"i", (2, 2), (8, 4), 0, 7)
    r = memoryview(b"xyz")[::2]
    assert c.memoryview_view(r) == (b"xyz", 2, 1, 1, b"B", (2,), (2,), 1, ord("x"))


if __name__ == "__main__":
    harness.run(globals())
