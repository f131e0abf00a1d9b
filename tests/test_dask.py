"""Fitting and transforming Dask collections on a real 2-worker LocalCluster (loopback)."""

import numpy as np
import pytest

from skprep import Normalization

dask = pytest.importorskip("dask")
da = pytest.importorskip("dask.array")
dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=40,
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture
def X():
    return np.random.default_rng(0).normal(3, 2, size=(1000, 5))


def test_normalization_fit_dask_array_equals_in_memory(client, X):
    whole = Normalization().fit(X)
    dx = da.from_array(X, chunks=(137, 2))  # column chunks are re-chunked to whole rows
    fitted = Normalization().fit(dx)
    np.testing.assert_allclose(fitted.mean_, whole.mean_, rtol=1e-6)
    np.testing.assert_allclose(fitted.variance_, whole.variance_, rtol=1e-6)
    assert fitted.n_samples_seen_ == 1000 and fitted.n_features_in_ == 5


def test_normalization_fit_dask_dataframe_and_lazy_transform(client, X):
    df = pd.DataFrame(X, columns=list("abcde"))
    ddf = dd.from_pandas(df, npartitions=7)
    fitted = Normalization().fit(ddf)
    whole = Normalization().fit(df)
    np.testing.assert_allclose(fitted.mean_, whole.mean_, rtol=1e-6)
    assert list(fitted.feature_names_in_) == list("abcde")
    lazy = fitted.transform(ddf)
    assert isinstance(lazy, da.Array)
    np.testing.assert_allclose(lazy.compute(), whole.transform(df), rtol=1e-6)


def test_transform_dask_array_lazy(client, X):
    layer = Normalization().fit(X)
    out = layer.transform(da.from_array(X, chunks=(250, 5)))
    assert isinstance(out, da.Array)
    np.testing.assert_allclose(out.compute(), layer.transform(X), rtol=1e-6)


def test_partitions_of_different_widths_rejected(client):
    parts = [
        dask.delayed(np.ones)((4, 3)),
        dask.delayed(np.ones)((4, 2)),
    ]
    bag = db.from_delayed(parts)
    with pytest.raises(ValueError, match="features"):
        Normalization().fit(bag)


def test_empty_dask_collection_rejected(client):
    with pytest.raises(ValueError, match="no rows"):
        Normalization().fit(da.zeros((0, 3), chunks=(1, 3)))


def test_n_jobs_threads_equal_single(X):
    whole = Normalization().fit(X)
    par = Normalization(n_jobs=2).fit(X)
    np.testing.assert_allclose(par.mean_, whole.mean_, rtol=1e-6)
    np.testing.assert_allclose(par.variance_, whole.variance_, rtol=1e-6)


def test_verbose_reports_progress(capsys, monkeypatch, X):
    import builtins

    real_import = builtins.__import__

    def no_tqdm(name, *args, **kwargs):
        if name.startswith("tqdm"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_tqdm)
    Normalization(verbose=1).fit(iter([X[:500], X[500:]]))
    assert "Normalization.fit: done, 2 batches" in capsys.readouterr().err
