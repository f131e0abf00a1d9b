"""Every ```python block of the user guide runs, in order, page by page.

Blocks that cannot run here (a Dask cluster, a server, a file the reader has) are written as
``{code-block} python`` directives instead and are not executed. Printed values in
``# ...`` comments are checked by eye in review; the runs catch API drift.
"""

import os
import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[1] / "doc"
PAGES = sorted([DOC / "user_guide.md", *(DOC / "guide").glob("*.md")])
BLOCK = re.compile(r"^```python\n(.*?)^```", flags=re.MULTILINE | re.DOTALL)


def _blocks(page):
    return BLOCK.findall(page.read_text(encoding="utf-8"))


def test_every_page_has_runnable_code():
    for page in PAGES:
        if page.name != "index.md":
            assert _blocks(page), f"{page.name} has no runnable ```python block"


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_guide_page_runs(page, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    os.environ.setdefault("MPLBACKEND", "Agg")
    namespace = {"__name__": f"guide_{page.stem}"}
    for number, code in enumerate(_blocks(page), 1):
        try:
            exec(compile(code, f"{page.name} block {number}", "exec"), namespace)
        except ModuleNotFoundError as exc:  # an optional extra (skops, imblearn, dask)
            pytest.skip(f"{page.name} block {number} needs {exc.name}")
