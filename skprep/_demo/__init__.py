"""``python -m skprep demo``: end-to-end pipelines built from skprep layers.

Each module in this package defines ``cases() -> list[DemoCase]``; the runner trains and
evaluates every pipeline, dumps it with joblib, reloads it, predicts from raw input and
prints a short report. Everything runs on data that ships with scikit-learn or is
generated, so no network is needed.
"""

from __future__ import annotations

import importlib
import pkgutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib
import numpy as np

__all__ = ["DemoCase", "run_demo"]


@dataclass
class DemoCase:
    """One pipeline to train, score, dump, reload and serve."""

    title: str
    dataset: str
    pipeline: Any
    X_train: Any
    y_train: Any
    X_test: Any
    y_test: Any
    raw_input: Any  # a few raw rows, as a client would send them
    metric: str = "accuracy"


def _all_cases():
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.extend(module.cases())
    return found


def _steps(pipeline):
    steps = getattr(pipeline, "steps", None)
    if steps is None:
        return type(pipeline).__name__
    parts = []
    for _, step in steps:
        if hasattr(step, "transformers"):
            inner = ", ".join(type(t).__name__ for _, t, _ in step.transformers)
            parts.append(f"{type(step).__name__}[{inner}]")
        else:
            parts.append(type(step).__name__)
    return " -> ".join(parts)


def run_demo(out=print) -> list[dict]:
    """Run every demo case and print its report; return the report rows."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, case in enumerate(_all_cases()):
            t0 = time.perf_counter()
            case.pipeline.fit(case.X_train, case.y_train)
            fit_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            score = case.pipeline.score(case.X_test, case.y_test)
            predict_s = time.perf_counter() - t0
            path = Path(tmp) / f"pipeline_{i}.joblib"
            joblib.dump(case.pipeline, path)
            reloaded = joblib.load(path)
            served = reloaded.predict(case.raw_input)
            row = {
                "title": case.title,
                "dataset": case.dataset,
                "steps": _steps(case.pipeline),
                case.metric: score,
                "fit_s": fit_s,
                "predict_s": predict_s,
                "dump_kib": path.stat().st_size / 1024,
                "served": served,
            }
            rows.append(row)
            out(f"== {case.title}")
            out(f"   dataset : {case.dataset}")
            out(f"   steps   : {row['steps']}")
            out(f"   {case.metric:<8}: {score:.3f}")
            out(f"   fit     : {fit_s:.3f} s   predict: {predict_s:.3f} s")
            out(
                f"   dump    : {row['dump_kib']:.1f} KiB (joblib); reloaded pipeline predicts "
                f"{np.asarray(served)[:5].tolist()} from raw input"
            )
    return rows
