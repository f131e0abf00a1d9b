"""Tiny benchmark harness: time competitors on the same data in one process, report ratios.

Speed is measured here, never by timed assertions in tests. Each ``bench_<family>.py``
defines ``benchmarks() -> list[Benchmark]``; a benchmark has a ``setup`` (builds the data
once) and named competitor callables taking that data. The reported time is the best of
``repeat`` runs (the least noisy estimator of a function's cost on a busy machine), and every
ratio is skprep's time over the competitor's, measured in the same run.
"""

from __future__ import annotations

import gc
import os
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")


def keras_or_none():
    """The ``keras`` module on the TensorFlow backend, or None when not installed."""
    try:
        import keras
        import tensorflow  # noqa: F401
    except ImportError:
        return None
    return keras


@dataclass
class Benchmark:
    name: str
    setup: Callable[[], Any]
    competitors: dict[str, Callable[[Any], Any]]
    repeat: int = 5
    target: str = ""
    notes: str = ""
    measure_memory: tuple = ()
    interleave: bool = False
    results: dict = field(default_factory=dict)


def image_batch(n=64, size=224, channels=3):
    """The image benchmarks' batch: ``n`` float32 images ``size x size`` in (0, 255)."""
    rng = np.random.default_rng(0)
    return rng.uniform(0, 255, size=(n, size, size, channels)).astype(np.float32)


def keras_image_layer_benchmarks(layers, *, repeat=5):
    """One benchmark per image layer: skprep's training call against Keras's on
    :func:`image_batch`, the same arguments on both sides.

    ``layers`` holds ``(name, cls, kwargs)``: the skprep class and the Keras layer share
    ``name`` and ``kwargs``. Random layers run ``fit_transform`` with a seeded
    ``RandomState`` (Keras: ``seed=0``, ``training=True``); deterministic ones (no
    ``random_state`` parameter) run ``transform``.
    """
    keras = keras_or_none()

    def is_random(cls, kwargs):
        return "random_state" in cls(**kwargs).get_params()

    def skprep_call(cls, kwargs):
        if is_random(cls, kwargs):
            return cls(**kwargs, random_state=np.random.RandomState(0)).fit_transform
        return cls(**kwargs).transform

    def keras_call(cls, name, kwargs):
        seeded = {"seed": 0} if is_random(cls, kwargs) else {}
        layer = getattr(keras.layers, name)(**kwargs, **seeded)
        return lambda X: np.asarray(layer(X, training=True))

    return [
        Benchmark(
            name=f"{name}, 64 x 224 x 224 x 3 float32",
            setup=image_batch,
            competitors={
                "skprep": skprep_call(cls, kwargs),
                f"keras {name} (training=True)": keras_call(cls, name, kwargs) if keras else None,
            },
            target="ratio <= 1.0",
            repeat=repeat,
        )
        for name, cls, kwargs in layers
    ]


def best_time(fn, data, repeat):
    fn(data)  # warm-up (imports, caches, TF graph tracing)
    times = []
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn(data)
        times.append(time.perf_counter() - t0)
    return min(times)


def best_times_interleaved(competitors, data, repeat):
    """Best time of each competitor over ``repeat`` rounds of one call of each in turn.

    On a shared machine a burst of load then slows every competitor alike instead of the
    one that happened to be running.
    """
    for fn in competitors.values():
        fn(data)  # warm-up
    best = dict.fromkeys(competitors, float("inf"))
    for _ in range(repeat):
        for label, fn in competitors.items():
            gc.collect()
            t0 = time.perf_counter()
            fn(data)
            best[label] = min(best[label], time.perf_counter() - t0)
    return best


def peak_memory(fn, data):
    """Peak bytes allocated through Python/NumPy allocators while ``fn(data)`` runs."""
    gc.collect()
    tracemalloc.start()
    fn(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def run(bench: Benchmark) -> dict:
    data = bench.setup()
    competitors = {k: fn for k, fn in bench.competitors.items() if fn is not None}
    if bench.interleave:
        out = best_times_interleaved(competitors, data, bench.repeat)
    else:
        out = {label: best_time(fn, data, bench.repeat) for label, fn in competitors.items()}
    for label in bench.measure_memory:
        out[f"{label} peak MiB"] = peak_memory(bench.competitors[label], data) / 2**20
    bench.results = out
    return out


def report(bench: Benchmark) -> str:
    r = bench.results
    times = {k: v for k, v in r.items() if not k.endswith("MiB")}
    ours = times.get("skprep")
    lines = [
        f"## {bench.name}",
        "",
        "| competitor | best time (s) | skprep / competitor |",
        "|---|---:|---:|",
    ]
    for label, t in times.items():
        ratio = "" if label == "skprep" or ours is None else f"{ours / t:.3f}"
        lines.append(f"| {label} | {t:.4f} | {ratio} |")
    for k, v in r.items():
        if k.endswith("MiB"):
            lines.append(f"| {k} | {v:.1f} | |")
    if bench.target:
        lines += ["", f"Target: {bench.target}"]
    if bench.notes:
        lines += ["", bench.notes]
    return "\n".join(lines) + "\n"
