"""The main job (`pip install . && python -m skprep demo`) must need only runtime deps."""

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMPORT_NAMES = {"scikit-learn": "sklearn"}


def _runtime_modules():
    text = (ROOT / "pyproject.toml").read_text()
    block = re.search(r"^dependencies = \[(.*?)^\]", text, re.S | re.M).group(1)
    names = re.findall(r'"([A-Za-z0-9_.-]+)', block)
    return {IMPORT_NAMES.get(n, n.replace("-", "_")) for n in names}


def _top_level_imports(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def test_package_and_demo_import_only_runtime_dependencies():
    allowed = _runtime_modules() | set(sys.stdlib_module_names) | {"skprep"}
    # Optional integrations, imported lazily and only when the user passes such objects.
    optional = {"dask", "distributed", "tqdm", "matplotlib", "skops"}
    offenders = {}
    for path in (ROOT / "skprep").rglob("*.py"):
        bad = set(_top_level_imports(path)) - allowed - optional
        if bad:
            offenders[str(path.relative_to(ROOT))] = sorted(bad)
    assert not offenders, offenders
