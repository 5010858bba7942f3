"""Which compiled modules rustpy imports besides its own builds.

- CPython's stable ABI: `.abi3.so` modules load (`_imp.extension_suffixes()`
  lists the suffix). pip and packaging take the wheel tags an interpreter
  accepts from `packaging.tags`, which gives `cp3X-abi3` tags to CPython
  only: its `generic_tags` is wrapped when the module is first imported
  (packaging's own and pip's vendored copy), to add `cp314-abi3` ..
  `cp32-abi3` after rustpy's own tags and before the ABI-less ones, in
  CPython's order, so that pip picks an abi3 wheel over a pure one.
- CPython 3.14's version-specific ABI (cp314) only when `RUSTPY_CP314=1`
  is set: its inline code reads object memory this layer mirrors only in
  part (docs/cp314.md). Then `.cpython-314-<multiarch>.so` loads and
  `cp314-cp314` tags come after rustpy's own, before abi3.
- A module built for an ABI rustpy cannot honour (another CPython version,
  CPython's version-specific ABI, free-threaded, debug, another platform,
  PyPy) is never loaded: when nothing else finds a module and such a file
  is where it would be, the ImportError says what the file was built for.

`install()` runs once, from `_imp`'s set-up, before the import system has
its path finder: the first finder is in front of it, the last is moved
behind it on the first import.
"""

import sys

_TAGS_MODULES = ("packaging.tags", "pip._vendor.packaging.tags")
# The newest limited API this layer provides.
_ABI3_NEWEST_MINOR = 14


def _cp314_enabled():
    import os

    return os.environ.get("RUSTPY_CP314") == "1"


def _cpython_tags(module, platforms):
    if _cp314_enabled():
        for platform in platforms:
            yield module.Tag("cp314", "cp314", platform)
    for minor in range(_ABI3_NEWEST_MINOR, 1, -1):
        for platform in platforms:
            yield module.Tag(f"cp3{minor}", "abi3", platform)


def _wrap_generic_tags(module):
    original = module.generic_tags
    ours = "".join([module.interpreter_name(), module.interpreter_version()])

    def generic_tags(interpreter=None, abis=None, platforms=None, **kwargs):
        tags = list(original(interpreter, abis, platforms, **kwargs))
        # Another interpreter's tags (pip's --implementation), or an ABI
        # list the caller chose (pip's --abi): as asked.
        if interpreter not in (None, ours) or abis is not None:
            return iter(tags)
        own = [t for t in tags if t.abi != "none"]
        abiless = [t for t in tags if t.abi == "none"]
        platforms = list(dict.fromkeys(t.platform for t in tags))
        return iter(own + list(_cpython_tags(module, platforms)) + abiless)

    generic_tags.__doc__ = original.__doc__
    generic_tags.__wrapped__ = original
    module.generic_tags = generic_tags


class _TagsFinder:
    """Finds the tags modules through the finders behind it and wraps
    `generic_tags` once the module has run."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        _keep_refusing_last()
        if name not in _TAGS_MODULES:
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if finder is cls or find is None:
                continue
            spec = find(name, path, target)
            if spec is not None:
                break
        else:
            return None
        spec.loader = _WrapsTags(spec.loader)
        return spec


class _WrapsTags:
    """The tags module's loader (one a zip importer shares between all
    the modules of its archive, so it is wrapped, not changed)."""

    def __init__(self, loader):
        self._loader = loader

    def create_module(self, spec):
        create = getattr(self._loader, "create_module", None)
        return create(spec) if create is not None else None

    def exec_module(self, module):
        self._loader.exec_module(module)
        _wrap_generic_tags(module)

    def __getattr__(self, name):
        return getattr(self._loader, name)


def _suffix_parts():
    import sysconfig

    multiarch = sysconfig.get_config_var("MULTIARCH") or ""
    return multiarch, sysconfig.get_config_var("EXT_SUFFIX")


def _why_not(filename, stem):
    """Why a file named `filename` (a module `stem`) is refused, or None
    when it is not a compiled module of another build."""
    if not filename.startswith(stem + ".") or not filename.endswith(".so"):
        return None
    tag = filename[len(stem) + 1 : -len(".so")]
    multiarch, suffix = _suffix_parts()
    if "." + tag + ".so" == suffix or tag == "abi3":
        return None
    if tag == "cpython-314-" + multiarch and _cp314_enabled():
        return None
    here = f"rustpy loads modules built for it ({suffix}) and for CPython's stable ABI (.abi3.so)"
    if tag == "":
        return f"it has no ABI tag in its name, so what it was built for is unknown; {here}"
    if tag.startswith("pypy"):
        return f"it was built for PyPy ({tag}); {here}"
    if tag == "abi3t":
        return f"it was built for free-threaded CPython's stable ABI (abi3t); {here}"
    if not tag.startswith("cpython-"):
        return None
    version, _, platform = tag[len("cpython-") :].partition("-")
    digits = version.rstrip("dt")
    flags = version[len(digits) :]
    if not digits.isdigit() or len(digits) < 2:
        return None
    cpython = f"CPython {digits[0]}.{digits[1:]}"
    if platform and platform != multiarch:
        return f"it was built for another platform ({platform}; this is {multiarch}); {here}"
    if "t" in flags:
        return f"it was built for free-threaded {cpython} (cp{digits}t), whose objects have another layout; {here}"
    if "d" in flags:
        return f"it was built for a debug build of {cpython} (cp{digits}d), whose objects have another layout; {here}"
    if digits != "314":
        return f"it was built for {cpython} (cp{digits}), whose ABI is not this one's (3.14); {here}"
    return (
        f"it was built for {cpython}'s version-specific ABI (cp314), whose inline code reads"
        f" object memory this layer mirrors only in part; {here}, and cp314 ones when"
        f" RUSTPY_CP314=1 is set (docs/cp314.md)"
    )


class _RefuseOtherBuilds:
    """Last on `sys.meta_path`: a module nothing found, where a compiled
    module for another build is, fails with the reason."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        import os

        stem = name.rpartition(".")[2]
        for entry in sys.path if path is None else path:
            if not isinstance(entry, str):
                continue
            try:
                names = os.listdir(entry or ".")
            except OSError:
                continue
            for filename in sorted(names):
                why = _why_not(filename, stem)
                if why is not None:
                    where = os.path.join(entry, filename)
                    raise ImportError(f"cannot load {where}: {why}", name=name, path=where)
        return None


def _keep_refusing_last():
    meta_path = sys.meta_path
    if meta_path and meta_path[-1] is _RefuseOtherBuilds:
        return
    if _RefuseOtherBuilds in meta_path:
        meta_path.remove(_RefuseOtherBuilds)
    meta_path.append(_RefuseOtherBuilds)


def install():
    if _TagsFinder not in sys.meta_path:
        sys.meta_path.insert(0, _TagsFinder)
