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


@pytest.fixture
def tokens():
    rng = np.random.default_rng(1)
    ranks = np.minimum(rng.zipf(1.3, size=5000), 300)
    return np.char.add("t", ranks.astype(str)).astype(object)


def test_string_lookup_dask_series_bag_and_array(client, tokens):
    from skprep import StringLookup

    whole = StringLookup(output_mode="tf_idf").fit(tokens)
    series = dd.from_pandas(pd.Series(tokens, name="tok"), npartitions=6)
    bag = db.from_sequence(tokens.tolist(), npartitions=5)
    arr = da.from_array(tokens.astype(str), chunks=700)
    for data in (series, bag, arr):
        fitted = StringLookup(output_mode="tf_idf").fit(data)
        assert fitted.get_vocabulary() == whole.get_vocabulary()
        np.testing.assert_allclose(fitted.idf_weights_, whole.idf_weights_, rtol=1e-6)
    lazy = StringLookup().fit(series).transform(series)
    assert isinstance(lazy, da.Array)
    np.testing.assert_array_equal(lazy.compute(), StringLookup().fit(tokens).transform(tokens))


def test_integer_lookup_dask_dataframe(client):
    from skprep import IntegerLookup

    X = np.random.default_rng(2).integers(0, 40, size=(800, 2))
    ddf = dd.from_pandas(pd.DataFrame(X, columns=["a", "b"]), npartitions=4)
    fitted = IntegerLookup().fit(ddf)
    assert fitted.get_vocabulary() == IntegerLookup().fit(X).get_vocabulary()


def test_lookup_n_jobs_equals_single(tokens):
    from skprep import StringLookup

    assert (
        StringLookup(n_jobs=2).fit(tokens).get_vocabulary()
        == StringLookup().fit(tokens).get_vocabulary()
    )


def test_discretization_dask_within_epsilon(client):
    from skprep import Discretization

    X = np.random.default_rng(3).normal(size=(20_000, 1))
    dx = da.from_array(X, chunks=(5000, 1))
    fitted = Discretization(num_bins=10).fit(dx)
    # Partition states are tree-merged sketches: deterministic, and within epsilon of the
    # exact quantile ranks whatever the partitioning.
    again = Discretization(num_bins=10).fit(dx)
    np.testing.assert_array_equal(fitted.bin_boundaries_, again.bin_boundaries_)
    ranks = np.searchsorted(np.sort(X.ravel()), fitted.bin_boundaries_) / X.size
    np.testing.assert_allclose(ranks, np.arange(1, 10) / 10, atol=0.01)
    assert fitted.adapt_state_.rank_error_bound <= 0.01
    lazy = fitted.transform(dx)
    assert isinstance(lazy, da.Array)
    np.testing.assert_array_equal(lazy.compute(), fitted.transform(X))


TEXTS = [
    "The Brain is wider than the Sky",
    "For put them side by side",
    "The one the other will contain",
    "With ease and You beside",
    "The Brain is deeper than the sea",
    "For hold them Blue to Blue",
] * 20


@pytest.mark.parametrize("mode", ["int", "tf_idf"])
def test_text_vectorization_dask_series_and_bag(client, mode):
    from skprep import TextVectorization

    kwargs = {"output_mode": mode, "output_sequence_length": 8 if mode == "int" else None}
    whole = TextVectorization(**kwargs).fit(TEXTS)
    series = dd.from_pandas(pd.Series(TEXTS), npartitions=5)
    bag = db.from_sequence(TEXTS, npartitions=4)
    for data in (series, bag):
        fitted = TextVectorization(**kwargs).fit(data)
        assert fitted.get_vocabulary() == whole.get_vocabulary()
        if mode == "tf_idf":
            np.testing.assert_allclose(fitted.idf_weights_, whole.idf_weights_, rtol=1e-6)
    lazy = whole.transform(series)
    assert isinstance(lazy, da.Array)
    expected = whole.transform(TEXTS)
    got = lazy.compute()
    got = got.toarray() if hasattr(got, "toarray") else got
    expected = expected.toarray() if hasattr(expected, "toarray") else expected
    np.testing.assert_allclose(got, expected, rtol=1e-6)


def test_text_vectorization_n_jobs_equals_single():
    from skprep import TextVectorization

    a = TextVectorization(output_mode="tf_idf").fit(TEXTS)
    b = TextVectorization(output_mode="tf_idf", n_jobs=2)
    out = b.fit_transform(TEXTS)
    assert a.get_vocabulary() == b.get_vocabulary()
    np.testing.assert_allclose(out.toarray(), a.transform(TEXTS).toarray(), rtol=1e-6)


def test_partial_fit_then_set_params_is_refused():
    from skprep import TextVectorization

    layer = TextVectorization().partial_fit(TEXTS[:3])
    layer.set_params(max_tokens=5)
    with pytest.raises(ValueError, match="parameters changed"):
        layer.partial_fit(TEXTS[3:])
    layer.set_params(max_tokens=None, n_jobs=2, verbose=0)  # n_jobs/verbose shape nothing
    layer.partial_fit(TEXTS[3:])
    assert layer.get_vocabulary() == TextVectorization().fit(TEXTS).get_vocabulary()


def test_verbose_dask_fit_with_client_shows_progress(client, capsys, X):
    fitted = Normalization(verbose=1).fit(da.from_array(X, chunks=(100, 5)))
    np.testing.assert_allclose(fitted.mean_, Normalization().fit(X).mean_, rtol=1e-6)
