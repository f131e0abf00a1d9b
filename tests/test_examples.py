"""Every gallery example runs, as a user would run it (plots drawn off-screen with Agg), and
every recipe of the Keras guide "Working with preprocessing layers" has its example."""

import ast
import os
import runpy
import sys
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("plot_*.py"))

# The "Quick recipes" of the Keras guide, plus its adapt() section.
KERAS_GUIDE_RECIPES = [
    "The adapt() method",
    "Image data augmentation",
    "Normalizing numerical features",
    "Encoding string categorical features via one-hot encoding",
    "Encoding integer categorical features via one-hot encoding",
    "Applying the hashing trick to an integer categorical feature",
    "Encoding text as a sequence of token indices",
    "Encoding text as a dense matrix of N-grams with multi-hot encoding",
    "Encoding text as a dense matrix of N-grams with TF-IDF weighting",
]
# Extras an example may need; without them the example is skipped (.ci/run installs them).
OPTIONAL = {"matplotlib", "imblearn", "skops", "dask", "distributed", "PIL"}


def _docstring(path):
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""


def test_there_is_a_gallery():
    assert len(EXAMPLES) >= 12


@pytest.mark.parametrize("recipe", KERAS_GUIDE_RECIPES)
def test_every_keras_guide_recipe_has_an_example(recipe):
    owners = [p.name for p in EXAMPLES if f'"{recipe}"' in " ".join(_docstring(p).split())]
    assert owners, f"no gallery example names the Keras guide recipe {recipe!r}"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_has_a_gallery_title(path):
    doc = _docstring(path)
    lines = doc.splitlines()
    assert len(lines) > 2 and set(lines[1]) == {"="}, f"{path.name}: sphinx-gallery title"


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(path, monkeypatch, tmp_path):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    os.environ.setdefault("MPLBACKEND", "Agg")
    monkeypatch.setenv("SKPREP_GALLERY_KERAS", "0")  # never import TensorFlow in the tests
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    try:
        runpy.run_path(str(path), run_name="__main__")
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] in OPTIONAL:
            pytest.skip(f"{path.name} needs {exc.name} (pip install -e '.[docs]')")
        raise
    finally:
        if "matplotlib.pyplot" in sys.modules:
            sys.modules["matplotlib.pyplot"].close("all")
