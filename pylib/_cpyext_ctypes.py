"""ctypes over the C-API layer (installed into _ctypes by cpyext/overrides.rs).

RustPython's ctypes hands C the addresses of its own objects for py_object
arguments and reads py_object results as such; C-API functions take and
give the layer's PyObject* instead. Functions of a PyDLL (ctypes.pythonapi)
therefore convert py_object arguments and results here, and run with the
layer's GIL held and its error indicator raised afterwards, as PyDLL
promises.

Callbacks: RustPython's ctypes cannot pass a CFUNCTYPE instance as an
argument ("Don't know how to convert parameter") and gives a callback None
for pointer arguments. A function pointer here passes a callback as its code
address, and a callback with pointer arguments is made over void pointers
that are cast back to the declared types before the Python function sees
them.
"""

import _cpyext
import _ctypes

_Base = _ctypes.CFuncPtr
_PYTHONAPI = _ctypes.FUNCFLAG_PYTHONAPI


def _code_address(funcptr):
    # The function pointer a CFuncPtr holds is the first word of its buffer
    # (RustPython's ctypes.cast gives the buffer's own address instead).
    import ctypes

    return ctypes.c_void_p.from_buffer(funcptr).value


def _is_funcptr_type(t):
    return isinstance(t, type) and issubclass(t, _Base)


def _is_pointer_type(t):
    import ctypes

    return isinstance(t, type) and issubclass(t, ctypes._Pointer)


def _call(fn, args, pythonapi):
    import ctypes

    # RustPython reports unset argtypes as (), CPython as None.
    argtypes = fn.argtypes or None
    py_object = ctypes.py_object
    c_void_p = ctypes.c_void_p
    c_args = []
    c_types = []
    for i, a in enumerate(args):
        t = argtypes[i] if argtypes is not None and i < len(argtypes) else None
        if pythonapi and (t is py_object or (t is None and isinstance(a, py_object))):
            obj = a.value if isinstance(a, py_object) else a
            c_args.append(_cpyext.as_c_address(obj))
            c_types.append(c_void_p)
        elif isinstance(a, _Base) and (t is None or _is_funcptr_type(t)):
            c_args.append(_code_address(a))
            c_types.append(c_void_p)
        else:
            c_args.append(a)
            c_types.append(t)
    returns_object = pythonapi and fn.restype is py_object
    restype = c_void_p if returns_object else fn.restype
    # A pointer to the same code, of the same library class (same calling
    # convention), without the conversions RustPython lacks.
    shadow = type(fn)(_code_address(fn))
    shadow.restype = restype
    if argtypes is None:
        c_args = [c_void_p(a) if t is c_void_p else a for a, t in zip(c_args, c_types)]
    else:
        shadow.argtypes = tuple(c_types)
    if not pythonapi:
        return _Base.__call__(shadow, *c_args)
    result = _cpyext.call_with_gil(_Base.__call__, shadow, *c_args)
    if returns_object:
        if result is None:
            raise ValueError("PyObject is NULL")
        return _cpyext.from_c_new_reference(result)
    return result


def _callback_over_void_pointers(cls, function):
    """A callback of `cls` whose pointer arguments reach `function` cast
    from void pointers, or None when `cls` has none."""
    import ctypes

    argtypes = getattr(cls, "_argtypes_", None) or ()
    if not any(_is_pointer_type(t) for t in argtypes):
        return None
    raw = [ctypes.c_void_p if _is_pointer_type(t) else t for t in argtypes]
    restype = getattr(cls, "_restype_", ctypes.c_int)
    if cls._flags_ & _PYTHONAPI:
        proto = ctypes.PYFUNCTYPE(restype, *raw)
    else:
        proto = ctypes.CFUNCTYPE(restype, *raw)

    def trampoline(*values):
        args = [
            ctypes.cast(ctypes.c_void_p(v), t) if _is_pointer_type(t) else v
            for v, t in zip(values, argtypes)
        ]
        return function(*args)

    inner = proto(trampoline)
    outer = _Base.__new__(cls, _code_address(inner))
    outer._cpyext_callback = inner
    return outer


class CFuncPtr(_Base):
    _flags_ = 0

    def __new__(cls, *args):
        if len(args) == 1 and callable(args[0]) and not isinstance(args[0], (int, _Base)):
            made = _callback_over_void_pointers(cls, args[0])
            if made is not None:
                return made
        return _Base.__new__(cls, *args)

    def __call__(self, *args):
        pythonapi = bool(type(self)._flags_ & _PYTHONAPI)
        argtypes = self.argtypes or None
        if (
            pythonapi
            or any(isinstance(a, _Base) for a in args)
            or (argtypes is not None and any(_is_funcptr_type(t) for t in argtypes))
        ):
            return _call(self, args, pythonapi)
        return _Base.__call__(self, *args)


def install(module):
    module.CFuncPtr = CFuncPtr
