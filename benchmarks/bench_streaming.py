"""Streaming and parallel fits (issue "Beyond one machine").

1. Flat memory: a text corpus written to many files (generated here from the text benchmark's
   corpus) is streamed file by file through ``TextVectorization.fit``. Peak resident memory is
   measured in a fresh process for the corpus and for 4 copies of it; the vocabulary of the
   streamed fit on the smaller size must equal the in-memory fit's.
2. Speed-up of ``n_jobs=2`` over ``n_jobs=1`` for TextVectorization, StringLookup and
   Normalization fits (the "skprep / competitor" ratio is the n_jobs=2 time over n_jobs=1).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

from benchmarks._harness import Benchmark

_N_FILES = 64

_CHILD = r"""
import json, sys
from pathlib import Path

def hwm():  # peak resident set of this process (ru_maxrss would include the parent's)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024

from skprep import TextVectorization
base = hwm()

files = sorted(Path(sys.argv[1]).glob("*.txt"))
def batches():
    for f in files:
        yield f.read_text(encoding="utf-8").split("\x1e")
layer = TextVectorization(max_tokens=50_000).fit(batches())
print(json.dumps({"peak": hwm(), "base": base, "vocab": layer.get_vocabulary()}))
"""


def _write_files(docs, copies, folder):
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(copies)
    order = np.concatenate([rng.permutation(len(docs)) for _ in range(copies)])
    size = 0
    for i, chunk in enumerate(np.array_split(order, _N_FILES * copies)):
        text = "\x1e".join(docs[j] for j in chunk)
        (folder / f"part_{i:05d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode())
    return size


def _streamed_fit(folder):
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def flat_memory_report():
    """Peak RSS of streamed fits at 1x and 4x the corpus, and the vocabulary check."""
    from benchmarks.bench_text import corpus
    from skprep import TextVectorization

    docs = [d.replace("\x1e", " ") for d in corpus()]
    with tempfile.TemporaryDirectory() as tmp:
        small_mb = _write_files(docs, 1, Path(tmp) / "x1") / 2**20
        large_mb = _write_files(docs, 4, Path(tmp) / "x4") / 2**20
        small = _streamed_fit(Path(tmp) / "x1")
        large = _streamed_fit(Path(tmp) / "x4")
    in_memory = TextVectorization(max_tokens=50_000).fit(docs).get_vocabulary()
    same = in_memory == small["vocab"]
    lines = [
        "## Streaming TextVectorization.fit over files: peak memory",
        "",
        "| corpus | files | size (MiB) | peak RSS (MiB) | after imports (MiB) | growth (MiB) |",
        "|---|---:|---:|---:|---:|---:|",
        *(
            f"| {label} | {files} | {mb:.1f} | {r['peak'] / 2**20:.0f} | "
            f"{r['base'] / 2**20:.0f} | {(r['peak'] - r['base']) / 2**20:.0f} |"
            for label, files, mb, r in [
                ("1x", _N_FILES, small_mb, small),
                ("4x", 4 * _N_FILES, large_mb, large),
            ]
        ),
        "",
        "Peak resident memory (VmHWM) of a fresh process that streams the files one per "
        "batch through `TextVectorization(max_tokens=50_000).fit`.",
        "",
        f"Peak RSS ratio 4x / 1x: {large['peak'] / small['peak']:.2f}. Streamed vocabulary "
        f"(all 50,000 entries) identical to the in-memory fit on the 1x corpus: {same}.",
    ]
    return "\n".join(lines) + "\n"


def benchmarks():
    from benchmarks.bench_text import corpus
    from skprep import Normalization, StringLookup, TextVectorization

    def zipf_strings():
        rng = np.random.default_rng(0)
        ranks = np.minimum(rng.zipf(1.2, size=2_000_000), 100_000)
        return np.char.add("tok", ranks.astype(str)).astype(object)

    return [
        Benchmark(
            name="TextVectorization.fit on the text corpus (~14 MB): n_jobs=2 vs n_jobs=1",
            setup=lambda: corpus(),
            competitors={
                "skprep": lambda X: TextVectorization(n_jobs=2).fit(X),
                "skprep n_jobs=1": lambda X: TextVectorization(n_jobs=1).fit(X),
            },
            repeat=3,
        ),
        Benchmark(
            name="StringLookup.fit on 2,000,000 Zipfian strings: n_jobs=2 vs n_jobs=1",
            setup=zipf_strings,
            competitors={
                "skprep": lambda X: StringLookup(n_jobs=2).fit(X),
                "skprep n_jobs=1": lambda X: StringLookup(n_jobs=1).fit(X),
            },
            repeat=3,
        ),
        Benchmark(
            name="Normalization.fit on 1,000,000 x 32 float32: n_jobs=2 vs n_jobs=1",
            setup=lambda: np.random.default_rng(0).normal(size=(1_000_000, 32)).astype(np.float32),
            competitors={
                "skprep": lambda X: Normalization(n_jobs=2).fit(X),
                "skprep n_jobs=1": lambda X: Normalization(n_jobs=1).fit(X),
            },
            repeat=3,
        ),
    ]


#: Extra reports printed by ``python -m benchmarks streaming`` after the timed benchmarks.
reports = [flat_memory_report]

if __name__ == "__main__":
    print(flat_memory_report())
