"""Check for capi_multiphase, capi_multiphase_create, capi_multiphase_badexec
and capi_multiphase_badinit: multi-phase init, module state, Py_mod_create,
and failing init/exec."""

import importlib
import importlib.machinery
import importlib.util
import sys

import harness
from harness import raises_exact

import capi_multiphase as m
import capi_multiphase_create as mc


def fresh_instance(name, origin_module=None):
    """Load extension `name` again as a new module object with a new spec
    (not via sys.modules).  With origin_module, load the init function
    PyInit_<name> from that module's file."""
    path = importlib.util.find_spec(origin_module or name).origin
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert isinstance(spec.loader, importlib.machinery.ExtensionFileLoader)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_attributes_from_exec_slots():
    assert m.ANSWER == 42
    assert m.ANSWER_PLUS_ONE == 43
    assert m.FLAVOR == "multi-phase"


def test_name_doc_file_spec():
    assert m.__name__ == "capi_multiphase"
    assert m.__doc__ == "Multi-phase test module."
    assert m.__spec__.name == "capi_multiphase"
    assert m.__spec__.origin == m.__file__
    assert any(m.__file__.endswith(s) for s in importlib.machinery.EXTENSION_SUFFIXES)
    assert sys.modules["capi_multiphase"] is m


def test_exec_slots_ran_in_order_once():
    assert m.exec_calls() == 2
    assert m.name_at_exec() == "capi_multiphase"


def test_functions_bound_to_module():
    assert m.is_self(m) is True
    assert m.is_self(mc) is False
    assert m.increment.__self__ is m
    assert m.increment.__module__ == "capi_multiphase"
    assert m.increment.__doc__ == "Increment the counter in the module state."
    assert m.def_matches() is True


def test_module_state_counter():
    start = m.get_counter()
    assert start >= 100
    assert m.increment() == start + 1
    assert m.increment() == start + 2
    assert m.get_counter() == start + 2


def test_second_instance_has_its_own_state():
    before = m.get_counter()
    m2 = fresh_instance("capi_multiphase")
    assert m2 is not m
    assert sys.modules["capi_multiphase"] is m
    assert m2.__name__ == "capi_multiphase"
    assert m2.exec_calls() == 2
    assert m2.get_counter() == 100
    assert m2.increment() == 101
    assert m2.increment() == 102
    assert m.get_counter() == before
    assert m2.is_self(m2) is True
    assert m2.is_self(m) is False
    assert m2.increment.__self__ is m2
    assert m2.def_matches() is True
    assert m2.ANSWER_PLUS_ONE == 43


def test_create_slot_module():
    assert mc.__name__ == "capi_multiphase_create"
    assert mc.CREATED_BY_SLOT == 1
    assert mc.EXEC_SAW_CREATED == 1
    assert mc.SPEC_SEEN is mc.__spec__
    assert mc.SPEC_SEEN.name == "capi_multiphase_create"
    assert mc.__doc__ == "Module made by a Py_mod_create slot."
    assert mc.__file__ == mc.__spec__.origin
    assert mc.create_calls() >= 1


def test_create_slot_module_functions():
    assert mc.get_self() is mc
    assert mc.get_self.__self__ is mc
    assert mc.def_matches() is True


def test_create_slot_runs_per_instance():
    before = mc.create_calls()
    mc2 = fresh_instance("capi_multiphase_create")
    assert mc.create_calls() == before + 1
    assert mc2 is not mc
    assert mc2.get_self() is mc2
    assert mc2.SPEC_SEEN is mc2.__spec__
    assert mc2.SPEC_SEEN is not mc.SPEC_SEEN


def test_exec_slot_failure_raises_its_exception():
    def do_import():
        import capi_multiphase_badexec  # noqa: F401

    e = raises_exact(ValueError, do_import)
    assert str(e) == "exec slot failed on purpose"
    assert "capi_multiphase_badexec" not in sys.modules
    # a second attempt runs init again and fails again the same way
    e = raises_exact(ValueError, do_import)
    assert str(e) == "exec slot failed on purpose"
    assert "capi_multiphase_badexec" not in sys.modules


def test_exec_slot_failure_via_import_module():
    e = raises_exact(ValueError, importlib.import_module, "capi_multiphase_badexec")
    assert str(e) == "exec slot failed on purpose"


def test_exec_slot_failure_without_exception():
    e = raises_exact(SystemError, fresh_instance, "badexec_noerror", "capi_multiphase_badexec")
    assert "execution of module badexec_noerror failed without setting an exception" in str(e), str(e)


def test_init_returning_null_raises_its_exception():
    def do_import():
        import capi_multiphase_badinit  # noqa: F401

    e = raises_exact(RuntimeError, do_import)
    assert str(e) == "init failed on purpose"
    assert "capi_multiphase_badinit" not in sys.modules
    e = raises_exact(RuntimeError, do_import)
    assert str(e) == "init failed on purpose"


def test_init_returning_null_without_exception():
    e = raises_exact(SystemError, fresh_instance, "badinit_noerror", "capi_multiphase_badinit")
    assert "initialization of badinit_noerror failed without raising an exception" in str(e), str(e)


def test_init_returning_value_with_exception():
    e = raises_exact(SystemError, fresh_instance, "badinit_unreported", "capi_multiphase_badinit")
    assert "initialization of badinit_unreported raised unreported exception" in str(e), str(e)


def test_second_init_function_in_one_file():
    mod = fresh_instance("badinit_single", "capi_multiphase_badinit")
    assert mod.__name__ == "badinit_single"
    assert mod.GOOD == 1
    assert mod.__doc__ == "A good module living in a file named for a bad one."
    assert mod.__file__ == importlib.util.find_spec("capi_multiphase_badinit").origin


if __name__ == "__main__":
    harness.run(globals())
