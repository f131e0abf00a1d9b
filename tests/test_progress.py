"""verbose=1 progress reporting without a distributed client."""

import numpy as np
import pytest

from skprep import Normalization


def test_verbose_dask_fit_shows_progress_local_scheduler(capsys):
    dask = pytest.importorskip("dask")
    da = pytest.importorskip("dask.array")
    X = np.random.default_rng(4).normal(size=(400, 3))
    with dask.config.set(scheduler="threads"):
        Normalization(verbose=1).fit(da.from_array(X, chunks=(50, 3)))
    assert "Completed" in capsys.readouterr().out


def test_verbose_iterable_with_tqdm(capsys):
    pytest.importorskip("tqdm")
    X = np.ones((10, 2))
    Normalization(verbose=1).fit(iter([X, X, X]))
    assert "3" in capsys.readouterr().err  # tqdm writes its bar (3 batches) to stderr


# -- plain progress lines (tqdm hidden) --------------------------------------------------------

import sys  # noqa: E402

from skprep import Discretization, IntegerLookup, StringLookup, TextVectorization  # noqa: E402
from skprep.utils import _progress  # noqa: E402
from skprep.utils._progress import plural, progress  # noqa: E402


@pytest.fixture
def no_tqdm(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    monkeypatch.setitem(sys.modules, "tqdm.auto", None)


class FakeClock:
    """Each call advances one second."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        self.now += 1.0
        return self.now


def _lines(capsys):
    return [line for line in capsys.readouterr().err.splitlines() if line]


def test_plural():
    assert plural(1, "batch") == "1 batch"
    assert plural(2, "batch") == "2 batches"
    assert plural(0, "chunk") == "0 chunks"
    assert plural(3, "slice") == "3 slices"


def test_known_total_shows_count_percentage_and_time_left(no_tqdm, capsys):
    out = list(
        progress(range(10), enabled=1, desc="X.fit", unit="chunk", every_s=0, clock=FakeClock())
    )
    assert out == list(range(10))
    lines = _lines(capsys)
    assert lines[0] == "X.fit: 1/10 chunks (10%), 1.0 s elapsed, about 9.0 s left"
    assert lines[2] == "X.fit: 3/10 chunks (30%), 3.0 s elapsed, about 7.0 s left"
    assert len(lines) == 10  # 9 progress lines, then the final one (no "10/10" duplicate)
    assert lines[-1] == "X.fit: done, 10 chunks in 11.0 s"


def test_unknown_total_shows_count_and_elapsed_only(no_tqdm, capsys):
    stream = (i for i in range(3))
    list(progress(stream, enabled=True, desc="X.fit", every_s=0, clock=FakeClock()))
    lines = _lines(capsys)
    assert lines[0] == "X.fit: 1 batch, 1.0 s elapsed"
    assert lines[1] == "X.fit: 2 batches, 2.0 s elapsed"
    assert lines[-1] == "X.fit: done, 3 batches in 4.0 s"
    assert not any("left" in line or "%" in line for line in lines)


def test_lines_are_throttled_and_long_durations_readable(no_tqdm, capsys):
    list(progress(range(100), enabled=1, desc="d", every_s=30, clock=FakeClock()))
    lines = _lines(capsys)
    assert len(lines) == 4  # at 31, 62, 93 s, and the end
    assert lines[0] == "d: 30/100 batches (30%), 30.0 s elapsed, about 1 min 10 s left"
    assert lines[-1] == "d: done, 100 batches in 1 min 41 s"


def test_disabled_prints_nothing(capsys):
    assert list(progress(range(3), enabled=0, desc="d")) == [0, 1, 2]
    assert capsys.readouterr().err == ""


def test_one_batch_is_never_plural(no_tqdm, capsys):
    Normalization(verbose=1).fit(np.ones((10, 2)))
    (line,) = _lines(capsys)
    assert line.startswith("Normalization.fit: done, 1 batch in ")


def test_stream_with_a_length_reports_its_total(no_tqdm, capsys, monkeypatch):
    monkeypatch.setattr(_progress.time, "perf_counter", FakeClock())
    X = np.ones((10, 2))
    Normalization(verbose=1).fit(iter([X, X, X, X]))  # a list iterator knows its length
    lines = _lines(capsys)
    assert "2/4 batches (50%)" in lines[0] and "about 2.0 s left" in lines[0]
    assert lines[-1].startswith("Normalization.fit: done, 4 batches")


def test_in_memory_fit_reports_progress_over_chunks_and_equals_the_quiet_fit(
    no_tqdm, capsys, monkeypatch
):
    from skprep import base

    monkeypatch.setattr(base, "_PROGRESS_CHUNK_ROWS", 100)
    monkeypatch.setattr(_progress.time, "perf_counter", FakeClock())
    X = np.random.default_rng(0).normal(size=(1_000, 3))
    loud = Normalization(verbose=1).fit(X)
    lines = _lines(capsys)
    assert "2/10 chunks (20%)" in lines[0] and "left" in lines[0] and lines[-1].startswith(
        "Normalization.fit: done, 10 chunks"
    )
    quiet = Normalization().fit(X)
    np.testing.assert_allclose(loud.mean_, quiet.mean_, rtol=1e-6)
    np.testing.assert_allclose(loud.variance_, quiet.variance_, rtol=1e-6)

    texts = [f"w{i % 37} and w{i % 11}" for i in range(1_000)]
    loud = TextVectorization(verbose=1, output_mode="tf_idf").fit(texts)
    assert "/10 chunks" in capsys.readouterr().err
    quiet = TextVectorization(output_mode="tf_idf").fit(texts)
    assert loud.get_vocabulary() == quiet.get_vocabulary()
    np.testing.assert_array_equal(loud.idf_weights_, quiet.idf_weights_)


def test_discretization_is_not_chunked_for_progress(no_tqdm, capsys, monkeypatch):
    """Its Keras sketch depends on how data is split: verbose must not change the result."""
    from skprep import base

    monkeypatch.setattr(base, "_PROGRESS_CHUNK_ROWS", 100)
    X = np.random.default_rng(1).normal(size=(1_000, 1))
    loud = Discretization(num_bins=7, verbose=1).fit(X)
    assert _lines(capsys)[-1].startswith("Discretization.fit: done, 1 batch in")
    np.testing.assert_array_equal(
        loud.bin_boundaries_, Discretization(num_bins=7).fit(X).bin_boundaries_
    )


def test_parallel_fit_reports_its_chunks(no_tqdm, capsys):
    X = np.random.default_rng(2).normal(size=(400, 2))
    Normalization(verbose=1, n_jobs=2).fit(X)
    assert _lines(capsys)[-1].startswith("Normalization.fit: done, 4 chunks")


def test_text_transform_reports_progress_over_slices(no_tqdm, capsys, monkeypatch):
    from skprep.text import _text_vectorization

    texts = [f"token{i % 50} filler words" for i in range(2_000)]
    layer = TextVectorization(output_mode="multi_hot").fit(texts)
    monkeypatch.setattr(_text_vectorization, "_CHUNK_BYTES", 4_096)
    quiet = layer.transform(texts)
    assert capsys.readouterr().err == ""  # verbose=0: nothing
    loud = layer.set_params(verbose=1).transform(texts)
    line = _lines(capsys)[-1]
    assert line.startswith("TextVectorization.transform: done, ") and "slices" in line
    assert (loud != quiet).nnz == 0


@pytest.mark.parametrize("make", [StringLookup, IntegerLookup])
def test_lookup_transform_reports_progress_over_chunks(make, no_tqdm, capsys, monkeypatch):
    from skprep.lookup import _index_lookup

    X = np.arange(5_000) % 37
    X = X.astype(str).astype(object) if make is StringLookup else X
    layer = make(output_mode="multi_hot").fit(X)
    monkeypatch.setattr(_index_lookup, "_CHUNK_TOKENS", 1_000)
    quiet = layer.transform(X)
    assert capsys.readouterr().err == ""  # verbose=0: nothing
    loud = layer.set_params(verbose=1).transform(X)
    line = _lines(capsys)[-1]
    assert line.startswith(f"{make.__name__}.transform: done, 5 chunks")
    assert (loud != quiet).nnz == 0
