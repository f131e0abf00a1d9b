"""TextVectorization on >= 10 MB of real English text vs Keras and scikit-learn.

The corpus is built deterministically from what ships with every Python: the docstrings and
comment blocks of the standard library's ``.py`` files, plus those of NumPy and
scikit-learn (skprep's own dependencies) -- about 14 MB of English prose (with code
samples), no network needed. Each docstring or run of comment lines is one document.
"""

from __future__ import annotations

import gc
import os
import re
import sysconfig
import threading
import time
import tracemalloc
from functools import cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

from benchmarks._harness import Benchmark, keras_or_none
from skprep import TextVectorization

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


def _corpus_mib(docs) -> float:
    return sum(len(d.encode("utf-8")) for d in docs) / 2**20


def _output_mib(out) -> float:
    if sp.issparse(out):
        return (out.data.nbytes + out.indices.nbytes + out.indptr.nbytes) / 2**20
    return np.asarray(out).nbytes / 2**20


def _rss_bytes() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def peak_rss_increase(fn, data) -> tuple[float, object]:
    """Peak growth of the process's resident memory (MiB) while ``fn(data)`` runs.

    Sampled every 0.5 ms by a thread, so it sees NumPy *and* Arrow allocations (tracemalloc
    sees only the former). Call it before anything else has warmed Arrow's allocator.
    """
    gc.collect()
    base = _rss_bytes()
    peak = [base]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _rss_bytes())
            time.sleep(0.0005)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        out = fn(data)
    finally:
        done.set()
        thread.join()
    peak[0] = max(peak[0], _rss_bytes())
    return (peak[0] - base) / 2**20, out


def peak_live_mib(fn, data) -> tuple[float, float, object]:
    """Peak live memory (MiB) allocated while ``fn(data)`` runs.

    Returns ``(sampled, bound, output)``: ``sampled`` is the largest sum of NumPy/Python
    allocations (tracemalloc) and Arrow's pool (``total_allocated_bytes``) seen by a thread
    sampling every 0.2 ms; ``bound`` adds the two separate high-water marks (an upper bound:
    their peaks need not coincide). Resident-set growth is larger, as allocators keep freed
    pages for reuse.
    """
    pool = pa.default_memory_pool()
    gc.collect()
    arrow_base = pa.total_allocated_bytes()
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            live = tracemalloc.get_traced_memory()[0] + pa.total_allocated_bytes() - arrow_base
            peak[0] = max(peak[0], live)
            time.sleep(0.0002)

    tracemalloc.start()
    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        out = fn(data)
        _, numpy_peak = tracemalloc.get_traced_memory()
    finally:
        done.set()
        thread.join()
        tracemalloc.stop()
    bound = numpy_peak + pool.max_memory() - arrow_base
    return peak[0] / 2**20, bound / 2**20, out


def _memory_setup(bench, fn, label):
    def setup():
        docs = corpus()
        corpus_mib = _corpus_mib(docs)
        fn(docs[:200])  # imports and kernel registration are not part of the footprint
        live, bound, out = peak_live_mib(fn, docs)
        grew, _ = peak_rss_increase(fn, docs)
        out_mib = _output_mib(out)
        budget = 3 * corpus_mib + out_mib
        bench.notes += (
            f"\n\nMemory ({label}): peak live allocations {live:.1f} MiB (NumPy via "
            f"tracemalloc + Arrow's pool, sampled together every 0.2 ms; the sum of their "
            f"separate high-water marks, an upper bound, is {bound:.1f} MiB) for a "
            f"{corpus_mib:.1f} MiB corpus "
            f"({len(docs):,} documents) and a {out_mib:.1f} MiB output; budget 3 x corpus + "
            f"output = {budget:.1f} MiB (ratio {live / budget:.2f}). Resident-set growth, "
            f"which includes pages the allocators keep for reuse: {grew:.1f} MiB."
        )
        return docs

    return setup


def _keras_text(keras, **kwargs):
    def fn(docs):
        layer = keras.layers.TextVectorization(**kwargs)
        layer.adapt(docs)
        out = layer(docs)
        return out if kwargs.get("sparse") else np.asarray(out)

    return fn


def _skprep(**kwargs):
    return lambda docs: TextVectorization(**kwargs).fit_transform(docs)


def benchmarks():
    keras = keras_or_none()
    multi_hot = Benchmark(
        name="TextVectorization multi_hot fit + transform (stdlib + NumPy + scikit-learn "
        "docstrings and comments, ~14 MB)",
        setup=None,
        competitors={
            "skprep": _skprep(output_mode="multi_hot"),
            "sklearn CountVectorizer(binary=True)": lambda docs: CountVectorizer(
                binary=True
            ).fit_transform(docs),
            "keras TextVectorization (adapt + call, sparse=True)": (
                _keras_text(keras, output_mode="multi_hot", sparse=True) if keras else None
            ),
        },
        repeat=5,
        target="skprep <= 0.4x Keras and <= 0.2x CountVectorizer(binary=True)",
        notes="Keras with its default dense output needs an 80,457 x 78,038 int64 matrix "
        "(50 GB, out of memory), so it runs with sparse=True. CountVectorizer uses its own "
        "tokenizer (regex words of 2+ characters); skprep and Keras use Keras's rules.",
    )
    multi_hot.setup = _memory_setup(multi_hot, _skprep(output_mode="multi_hot"), "multi_hot")
    int_mode = Benchmark(
        name="TextVectorization int, output_sequence_length=64, fit + transform (~14 MB)",
        setup=None,
        competitors={
            "skprep": _skprep(output_sequence_length=64),
            "keras TextVectorization (adapt + call)": (
                _keras_text(keras, output_sequence_length=64) if keras else None
            ),
        },
        repeat=5,
        target="skprep <= 0.5x Keras",
    )
    int_mode.setup = _memory_setup(int_mode, _skprep(output_sequence_length=64), "int")
    return [multi_hot, int_mode]
