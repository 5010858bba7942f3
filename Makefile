# The two commands of the README, and the benchmark. scripts/cargo finds (or
# installs) a rustc >= 1.96 and runs cargo with it.

CARGO := scripts/cargo
RUSTPY := target/release/rustpy

.PHONY: demo test bench

# The main job: build the interpreter, build a C extension against include/,
# import it and print what it computes.
demo:
	$(CARGO) build --release --bin rustpy
	mkdir -p target/demo
	cc -shared -fPIC -O2 -Wall -Werror -Iinclude demo/demo.c \
		-o target/demo/demo$$($(RUSTPY) -c 'import _cpyext; print(_cpyext.ext_suffix())')
	PYTHONPATH=target/demo $(RUSTPY) demo/run.py

# Every test: the Rust tests, and every c-tests/ module under CPython 3.11
# (the oracle) and under our interpreter.
test:
	$(CARGO) test

# Crossing benchmark: ns per op on our interpreter and on CPython 3.11.
bench:
	$(CARGO) build --release --bin rustpy
	python3 bench/run.py --rustpy $(RUSTPY)
