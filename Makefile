# The two commands of the README, and the benchmark. scripts/cargo finds (or
# installs) a rustc >= 1.96 and runs cargo with it.

CARGO := scripts/cargo
RUSTPY := target/release/rustpy

.PHONY: build demo test bench install wheel numpy
PREFIX ?= /usr/local

build:
	$(CARGO) build --release --bin rustpy

SYSCONFIG = $(RUSTPY) -c 'import sysconfig, sys; print(sysconfig.get_config_var(sys.argv[1]))'

# The main job: build the interpreter, build a C extension against include/
# with the compiler and flags sysconfig reports, import it and print what it
# computes.
demo: build
	mkdir -p target/demo
	$$($(SYSCONFIG) LDSHARED) $$($(SYSCONFIG) CCSHARED) -O2 -Wall -Werror -I$$($(SYSCONFIG) INCLUDEPY) demo/demo.c \
		-o target/demo/demo$$($(SYSCONFIG) EXT_SUFFIX)
	PYTHONPATH=target/demo $(RUSTPY) demo/run.py

# Every test: the Rust tests, and every c-tests/ module under CPython 3.11
# (the oracle) and under our interpreter.
test:
	$(CARGO) test

# Crossing benchmark: ns per op on our interpreter and on CPython 3.11.
bench: build
	python3 bench/run.py --rustpy $(RUSTPY)

# The interpreter, its headers, an empty site-packages and pip's wheel (for
# `rustpy -m ensurepip`) into $(PREFIX).
install: build
	scripts/install $(PREFIX) $(RUSTPY)

# A wheel for rustpy built by the machine's CPython against our headers, for
# build backends that do not run under rustpy: make wheel PKG=name[==version].
wheel: build
	scripts/cross-wheel $(PKG)

# numpy's pinned sdist built for rustpy (a CPython >= 3.12 drives meson),
# installed into target/numpy/venv and checked by numpy-smoke/smoke.py.
numpy: build
	scripts/numpy $(RUSTPY)
