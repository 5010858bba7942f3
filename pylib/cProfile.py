"""cProfile's interface over the pure-Python profiler of `profile`.

RustPython 0.6 ships no cProfile (it has no `_lsprof`), yet build tools
import it whether or not they profile (meson's msetup does, so meson-python
cannot start without it). The results are `profile`'s: the same statistics,
gathered more slowly.
"""

import sys
import profile as _profile

__all__ = ["run", "runctx", "Profile"]


class Profile(_profile.Profile):
    """cProfile.Profile: `profile.Profile` with `enable`/`disable` and the
    context manager protocol."""

    def __init__(self, timer=None, timeunit=0.0, subcalls=True, builtins=True):
        if timer is None:
            super().__init__()
        else:
            super().__init__(timer)

    def enable(self):
        # `profile` follows the stack from where profiling starts; returns
        # from the frames already running when it is enabled here (this
        # one, its callers) would not match that stack, so they are not
        # passed on.
        outer = set()
        frame = sys._getframe(0)
        while frame is not None:
            outer.add(frame)
            frame = frame.f_back
        dispatch = self.dispatcher

        def dispatcher(frame, event, arg):
            if event != "return" or frame not in outer:
                dispatch(frame, event, arg)

        sys.setprofile(dispatcher)

    def disable(self):
        sys.setprofile(None)

    def __enter__(self):
        self.enable()
        return self

    def __exit__(self, *exc_info):
        self.disable()


def run(statement, filename=None, sort=-1):
    return _profile._Utils(Profile).run(statement, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    return _profile._Utils(Profile).runctx(statement, globals, locals, filename, sort)


def main():
    _profile.main()


if __name__ == "__main__":
    main()
