"""StringLookup / IntegerLookup: speed vs Keras and scikit-learn, peak memory, joblib load.

* fit + transform (int mode) of 2,000,000 strings drawn from a 100,000-value Zipfian
  vocabulary, against Keras ``StringLookup`` adapt + call and scikit-learn
  ``OrdinalEncoder`` fit + transform (targets: ratio <= 1.0 and <= 0.3);
* the same for 2,000,000 integers (``IntegerLookup``);
* peak memory of skprep's fit + transform relative to the input's size (target <= 3x),
  measured in a child process as the growth of the peak resident set size, so NumPy, Python
  and pyarrow allocations are all counted;
* joblib dump and load of a fitted 1,000,000-token vocabulary (target: load < 0.5 s).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

import numpy as np
from sklearn.preprocessing import OrdinalEncoder

from benchmarks._harness import Benchmark, keras_or_none

N = 2_000_000
V = 100_000


def zipf_ranks(n=N, v=V, a=1.1, seed=0):
    """``n`` ranks in ``[0, v)`` with a Zipf(a) law truncated to ``v`` values."""
    rng = np.random.default_rng(seed)
    p = 1.0 / np.arange(1, v + 1) ** a
    return rng.choice(v, size=n, p=p / p.sum())


def zipf_strings(n=N, v=V):
    """Object array of ``n`` distinct ``str`` objects (as a CSV reader would produce)."""
    ranks = zipf_ranks(n, v)
    words = np.array([f"token_{i:06d}" for i in range(v)], dtype=object)
    # one str object per element: join+split builds fresh objects, as a parser would
    return np.array(" ".join(words[ranks]).split(" "), dtype=object)


def input_nbytes(X) -> int:
    """Bytes held by an object array of strings: the pointers plus every str object."""
    if X.dtype == object:
        return X.nbytes + sum(sys.getsizeof(s) for s in X)
    return X.nbytes


def _keras_lookup(keras, cls):
    def fn(X):
        layer = getattr(keras.layers, cls)()
        layer.adapt(X)
        return np.asarray(layer(X))

    return fn


def _skprep(cls):
    # fit_transform (equal to fit(X).transform(X), tested) reads and hashes X once, as a
    # scikit-learn Pipeline calls it; OrdinalEncoder gets its fit_transform too.
    def fn(X):
        return cls().fit_transform(X)

    return fn


def _ordinal(X):
    return OrdinalEncoder().fit_transform(X.reshape(-1, 1))


_MEMORY_CHILD = r"""
import sys, tracemalloc
sys.path.insert(0, {root!r})
import pyarrow as pa
from benchmarks.bench_lookup import zipf_strings, zipf_ranks, input_nbytes
from skprep import StringLookup, IntegerLookup
kind = {kind!r}
X = zipf_strings() if kind == "string" else zipf_ranks().astype("int64") * 7 - 3
size = input_nbytes(X)
cls = StringLookup if kind == "string" else IntegerLookup
cls().fit(X[:1000]).transform(X[:1000])  # warm-up: first-call library set-up is not data
def rss(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) * 1024
pool = pa.default_memory_pool()
arrow_before = pool.max_memory()
open("/proc/self/clear_refs", "w").write("5")  # reset the peak RSS to the current RSS
before = rss("VmRSS:")
tracemalloc.start()
out = cls().fit(X).transform(X)
numpy_peak = tracemalloc.get_traced_memory()[1]
tracemalloc.stop()
rss_peak = rss("VmHWM:") - before
arrow_peak = max(pool.max_memory() - arrow_before, 0)
print(size, numpy_peak + arrow_peak, rss_peak, pool.backend_name)
"""


def memory_ratio(kind="string"):
    """Peak memory of fit + transform in a fresh process.

    Returns ``(input bytes, peak allocated bytes, peak RSS growth, arrow pool name)``. Peak
    allocated = tracemalloc's peak (Python and NumPy) + the growth of pyarrow's pool peak:
    an upper bound of the live memory. The RSS growth also counts memory the allocators
    keep cached after it is freed (mimalloc, pyarrow's default pool, holds on to pages).
    """
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    code = _MEMORY_CHILD.format(root=root, kind=kind)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    size, alloc, rss, pool = out.stdout.split()
    return int(size), int(alloc), int(rss), pool


def joblib_round_trip(n_tokens=1_000_000):
    """Seconds to dump and to load a StringLookup fitted on ``n_tokens`` distinct tokens."""
    import joblib

    from skprep import StringLookup

    rng = np.random.default_rng(0)
    tokens = np.array([f"t{i:07d}" for i in range(n_tokens)], dtype=object)
    X = np.concatenate([tokens, tokens[rng.integers(0, n_tokens, size=n_tokens)]])
    layer = StringLookup().fit(X)
    assert layer.vocabulary_size() == n_tokens + 1
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "lookup.joblib")
        t0 = time.perf_counter()
        joblib.dump(layer, path)
        dump_s = time.perf_counter() - t0
        loads = []
        for _ in range(3):
            t0 = time.perf_counter()
            loaded = joblib.load(path)
            loads.append(time.perf_counter() - t0)
        size = os.path.getsize(path)
    probe = tokens[:1000]
    assert np.array_equal(loaded.transform(probe), layer.transform(probe))
    return dump_s, min(loads), size


def benchmarks():
    from skprep import IntegerLookup, StringLookup

    keras = keras_or_none()
    return [
        Benchmark(
            name="StringLookup fit + transform (int mode), 2,000,000 strings, "
            "100,000-value Zipfian vocabulary",
            setup=zipf_strings,
            competitors={
                "skprep": _skprep(StringLookup),
                "sklearn OrdinalEncoder": _ordinal,
                "keras StringLookup (adapt + call)": (
                    _keras_lookup(keras, "StringLookup") if keras else None
                ),
            },
            repeat=3,
            target="ratio <= 1.0 vs Keras, <= 0.3 vs OrdinalEncoder",
        ),
        Benchmark(
            name="IntegerLookup fit + transform (int mode), 2,000,000 int64, "
            "100,000-value Zipfian vocabulary",
            setup=lambda: zipf_ranks().astype(np.int64) * 7 - 3,
            competitors={
                "skprep": _skprep(IntegerLookup),
                "sklearn OrdinalEncoder": _ordinal,
                "keras IntegerLookup (adapt + call)": (
                    _keras_lookup(keras, "IntegerLookup") if keras else None
                ),
            },
            repeat=3,
            target="ratio <= 1.0 vs Keras, <= 0.3 vs OrdinalEncoder",
        ),
    ]


def extra_report() -> str:
    """Memory and joblib figures (printed after the timing tables)."""
    lines = ["## StringLookup / IntegerLookup memory and joblib", ""]
    for kind in ("string", "int"):
        size, alloc, rss, pool = memory_ratio(kind)
        lines.append(
            f"* {kind} fit + transform: input {size / 2**20:.1f} MiB; peak allocated "
            f"{alloc / 2**20:.1f} MiB = {alloc / size:.2f}x the input (target <= 3x); peak RSS "
            f"growth {rss / 2**20:.1f} MiB = {rss / size:.2f}x (pyarrow pool: {pool})"
        )
    dump_s, load_s, size = joblib_round_trip()
    lines.append(
        f"* 1,000,000-token StringLookup: joblib dump {dump_s:.3f} s, load {load_s:.3f} s "
        f"(target < 0.5 s), file {size / 2**20:.1f} MiB"
    )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(extra_report())
