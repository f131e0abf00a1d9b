"""Demo: TextVectorization classifying real text that ships with Python.

The documents are the docstrings of functions and classes in five standard-library packages
(read from their source files with :mod:`ast`, nothing is imported or downloaded); the task
is to tell which package a docstring comes from.
"""

import ast
import sysconfig
from pathlib import Path

import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC

from skprep import TextVectorization

from . import DemoCase

PACKAGES = ("asyncio", "email", "unittest", "xml", "tkinter")


def stdlib_docstrings(packages=PACKAGES):
    """(docstrings, package names) of the functions and classes of stdlib ``packages``."""
    root = Path(sysconfig.get_paths()["stdlib"])
    texts, labels = [], []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            if "test" in path.relative_to(root).parts[1:]:
                continue
            try:
                tree = ast.parse(path.read_bytes())
            except (SyntaxError, ValueError):  # pragma: no cover - stdlib parses
                continue
            for node in ast.walk(tree):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    doc = ast.get_docstring(node)
                    if doc and len(doc) > 20:
                        texts.append(doc)
                        labels.append(package)
    return np.array(texts, dtype=object), np.array(labels)


def _docstrings():
    X, y = stdlib_docstrings()
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
    pipe = make_pipeline(
        TextVectorization(max_tokens=20_000, ngrams=2, output_mode="tf_idf"),
        LinearSVC(C=0.2, max_iter=5000),
    )
    raw = [
        "Return the event loop of the current OS thread and schedule the coroutine.",
        "Parse a MIME message from bytes and return the header values.",
        "Fail the test unless the two objects are equal; assert the exception is raised.",
        "Return the DOM element node with this tag name and its attributes.",
        "Configure the widget options and pack it into the parent window.",
    ]
    return DemoCase(
        "Stdlib docstrings: TextVectorization(tf_idf, bigrams) -> LinearSVC",
        f"docstrings of {', '.join(PACKAGES)} ({len(X):,} texts, raw strings, 5 classes)",
        pipe,
        X_tr,
        y_tr,
        X_te,
        y_te,
        raw,
    )


def cases():
    return [_docstrings()]
