//! `rustpy`: a `python`-compatible interpreter (RustPython) that imports C
//! extension modules built against `include/`.

fn main() -> std::process::ExitCode {
    rustpython::run(cpyext::interpreter_builder())
}
