"""The README's main job: import a C extension and use it."""
import sys

import demo

print(f"imported {demo.__name__} from {demo.__file__}")
print(f"running on {sys.implementation.name} {sys.version.split()[0]}")
print(demo.greet("world", times=3))
p = demo.primes(100)
print(f"primes below 100: {len(p)}, the last five {p[-5:]}")
print(f"stats: {demo.stats([3, 1.5, 4, 1, 5, 9.25, 2, 6])}")
try:
    demo.stats([])
except ValueError as e:
    print(f"errors cross too: ValueError({e})")

v = demo.Vec(3, 4) + demo.Vec(y=1)


class Named(demo.Vec):
    """A Python subclass of the C type."""

    def __repr__(self):
        return f"Named{super().__repr__()[3:]}"


print(f"a C type: {v!r}, length {v.length()}, x={v.x}, equal: {v == demo.Vec(3, 5)}")
print(f"subclassed in Python: {Named(1, 2)!r}, whose + gives {Named(1, 2) + Named(0, 1)!r}")
