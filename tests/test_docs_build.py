"""The documentation site builds with zero warnings (``sphinx-build -W``).

The gallery examples are not executed here (``plot_gallery=0``); ``tests/test_examples.py``
runs every one of them. Skipped when the ``docs`` extra is not installed; ``.ci/run``
installs it.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

for _module in ("sphinx", "sphinx_gallery", "numpydoc", "myst_parser"):
    pytest.importorskip(_module, reason='install the docs extra: pip install -e ".[docs]"')


def test_docs_build_without_warnings(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-W",
            "--keep-going",
            "-q",
            "-D",
            "sphinx_gallery_conf.plot_gallery=0",
            "-d",
            str(tmp_path / "doctrees"),
            str(ROOT / "doc"),
            str(tmp_path / "html"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, f"sphinx-build -W failed:\n{result.stderr[-6000:]}"
    index = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    for page in ("user_guide", "differences", "api", "benchmarks", "auto_examples/index"):
        assert f"{page}.html" in index, f"{page} is not reachable from the docs index"
