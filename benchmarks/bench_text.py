"""TextVectorization on >= 10 MB of real English text vs Keras and scikit-learn.

The corpus is built deterministically from what ships with every Python: the docstrings and
comment blocks of the standard library's ``.py`` files, plus those of NumPy and
scikit-learn (skprep's own dependencies) -- about 14 MB of English prose (with code
samples), no network needed. Each docstring or run of comment lines is one document.
"""

from __future__ import annotations

import re
import sysconfig
from functools import cache
from pathlib import Path

_TRIPLE_QUOTED = re.compile(r'"""(.*?)"""|\'\'\'(.*?)\'\'\'', re.S)
_COMMENT_BLOCK = re.compile(r"(?:^[ \t]*#[^\n]*\n)+", re.M)
_COMMENT_MARK = re.compile(r"^[ \t]*#+ ?", re.M)


def _package_roots():
    import numpy
    import sklearn

    stdlib = Path(sysconfig.get_paths()["stdlib"])
    return [
        (stdlib, ("site-packages", "dist-packages")),
        (Path(numpy.__file__).parent, ()),
        (Path(sklearn.__file__).parent, ()),
    ]


def _documents(root: Path, skip):
    for path in sorted(root.rglob("*.py")):
        if set(path.relative_to(root).parts) & set(skip):
            continue
        source = path.read_text(encoding="utf-8", errors="replace")
        for match in _TRIPLE_QUOTED.finditer(source):
            doc = (match.group(1) or match.group(2) or "").strip()
            if doc:
                yield doc
        for match in _COMMENT_BLOCK.finditer(source):
            doc = _COMMENT_MARK.sub("", match.group(0)).strip()
            if doc:
                yield doc


@cache
def corpus() -> list[str]:
    """The benchmark corpus: a list of documents (docstrings and comment blocks)."""
    docs = []
    for root, skip in _package_roots():
        docs.extend(_documents(root, skip))
    return docs
