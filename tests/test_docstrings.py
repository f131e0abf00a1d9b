"""numpydoc validation of every public estimator, method and function.

Checked for now: every object has a docstring (GL08), every parameter is documented (PR01)
and no documented parameter is unknown (PR02). Widen ``CHECKED`` as the docs improve.
"""

import importlib
import inspect
import pkgutil

import pytest

import skprep
from skprep.utils.discovery import all_estimators

validate = pytest.importorskip("numpydoc.validate").validate

CHECKED = {"GL08", "PR01", "PR02"}


def _public_objects():
    """Qualified names of the estimators, their own public methods, and every function and
    class in the ``__all__`` of a public module."""
    names = []
    for name, cls in all_estimators():
        names.append(f"skprep.{name}")
        for method, obj in inspect.getmembers(cls, callable):
            if not method.startswith("_") and (obj.__module__ or "").startswith("skprep"):
                names.append(f"skprep.{name}.{method}")
    modules = ["skprep.numeric"]
    for info in pkgutil.walk_packages(skprep.__path__, "skprep."):
        if not any(part.startswith("_") for part in info.name.split(".")[1:]):
            modules.append(info.name)
    for module_name in sorted(set(modules)):
        module = importlib.import_module(module_name)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if inspect.isfunction(obj) or inspect.isclass(obj):
                names.append(f"{module_name}.{name}")
    return sorted(set(names))


PUBLIC = _public_objects()


def test_the_list_is_not_empty():
    assert len(PUBLIC) > 150


@pytest.mark.parametrize("name", PUBLIC)
def test_docstring_documents_every_parameter(name):
    errors = [f"{code}: {msg}" for code, msg in validate(name)["errors"] if code in CHECKED]
    assert not errors, "\n".join(errors)
