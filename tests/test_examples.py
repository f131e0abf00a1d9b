"""Every example script runs (plots are drawn off-screen when matplotlib is present)."""

import os
import runpy
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("plot_*.py"))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_runs(path, monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    os.environ.setdefault("MPLBACKEND", "Agg")
    runpy.run_path(str(path), run_name="__main__")
