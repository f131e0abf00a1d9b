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
