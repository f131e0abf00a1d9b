"""The documentation keeps up with the code: every public estimator and functional kernel is
in the API reference, every estimator in the README's table and CHANGES, with a runnable
Examples section (the examples themselves run as doctests)."""

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import pytest

import skprep

ROOT = Path(__file__).resolve().parents[1]
API = (ROOT / "doc" / "api.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
CHANGES = (ROOT / "CHANGES.md").read_text(encoding="utf-8")

ESTIMATORS = [name for name in skprep.__all__ if name[0].isupper()]


def _functional_modules():
    """Every public ``functional`` module of a family (and the numeric family's kernels)."""
    names = ["skprep.numeric"]
    for info in pkgutil.iter_modules(skprep.__path__):
        if info.ispkg and not info.name.startswith("_") and info.name != "utils":
            try:
                importlib.import_module(f"skprep.{info.name}.functional")
            except ModuleNotFoundError:
                continue
            names.append(f"skprep.{info.name}.functional")
    return names


KERNELS = [
    (module, name)
    for module in _functional_modules()
    for name in importlib.import_module(module).__all__
    if not name[0].isupper() or module != "skprep.numeric"
]


def _api_entries():
    """Autosummary entries of doc/api.md, qualified by the ``currentmodule`` above them
    (entries of ``skprep`` itself stay unqualified, as they are exported there)."""
    entries, module = set(), "skprep"
    for line in API.splitlines():
        if match := re.match(r"^\.\. currentmodule:: ([\w.]+)\s*$", line):
            module = match.group(1)
        elif match := re.match(r"^\s{3}([\w.]+)\s*$", line):
            name = match.group(1)
            entries.add(name if module == "skprep" else f"{module}.{name}")
    return entries


def test_the_lists_are_not_empty():
    assert len(ESTIMATORS) >= 21 and len(KERNELS) >= 25


@pytest.mark.parametrize("name", ESTIMATORS)
def test_estimator_in_api_reference(name):
    assert name in _api_entries(), f"{name} is missing from doc/api.md's autosummary"


@pytest.mark.parametrize("name", ESTIMATORS)
def test_estimator_in_readme_table(name):
    rows = [line for line in README.splitlines() if line.startswith("|")]
    assert any(re.search(rf"\b{name}\b", row) for row in rows), f"{name} not in README table"


@pytest.mark.parametrize("name", ESTIMATORS)
def test_estimator_in_changes(name):
    assert re.search(rf"\b{name}\b", CHANGES), f"{name} is not mentioned in CHANGES.md"


@pytest.mark.parametrize("name", ESTIMATORS)
def test_estimator_docstring_has_sections(name):
    doc = inspect.getdoc(getattr(skprep, name)) or ""
    for section in ("Parameters", "Examples", ">>> "):
        assert section in doc, f"{name}'s docstring has no {section.strip()!r}"


@pytest.mark.parametrize(("module", "name"), KERNELS, ids=lambda v: str(v))
def test_kernel_in_api_reference(module, name):
    assert f"{module}.{name}" in _api_entries(), f"{module}.{name} missing from doc/api.md"


def _public_text_files():
    """The package, the docs, the README and the examples: what users read."""
    files = [ROOT / "README.md", ROOT / "CHANGES.md", ROOT / "CONTRIBUTING.md"]
    for folder, patterns in (
        ("skprep", ("*.py", "*.c", "*.md")),
        ("doc", ("*.md", "*.rst", "*.py")),
        ("examples", ("*.py", "*.rst", "*.txt")),
    ):
        for pattern in patterns:
            files += [
                p
                for p in (ROOT / folder).rglob(pattern)
                if "_build" not in p.parts and "generated" not in p.parts
                and "auto_examples" not in p.parts
            ]
    return files


def test_public_docs_never_cite_the_internal_spec():
    """Users do not have the internal spec: the docs must say the reason in words."""
    files = _public_text_files()
    assert len(files) > 50
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bSPEC\b", line)
    ]
    assert not offenders, f"'SPEC' cited in public text: {offenders}"


def test_differences_page_is_linked():
    assert (ROOT / "doc" / "differences.md").is_file()
    assert "differences" in (ROOT / "doc" / "index.md").read_text(encoding="utf-8")
    assert "doc/differences.md" in README


def test_every_guide_page_is_linked_from_the_readme_and_the_user_guide():
    pages = sorted((ROOT / "doc" / "guide").glob("*.md"))
    assert len(pages) >= 10
    user_guide = (ROOT / "doc" / "user_guide.md").read_text(encoding="utf-8")
    for page in pages:
        assert f"doc/guide/{page.name}" in README, f"README does not link {page.name}"
        assert f"guide/{page.stem}\n" in user_guide, f"user_guide.md toctree lacks {page.stem}"
