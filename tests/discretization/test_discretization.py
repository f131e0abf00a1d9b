"""Behaviour, bad input, streaming and scikit-learn integration of Discretization."""

import pickle

import joblib
import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.utils.estimator_checks import parametrize_with_checks

from skprep import Discretization
from skprep.numeric import (
    compress_summary,
    discretize,
    get_bin_boundaries,
    merge_summaries,
    summarize,
)
from skprep.numeric._discretization import DiscretizationState, _lookup_table

from ._data import rank_error


# -- functional core --------------------------------------------------------------------------
def test_boundary_value_goes_to_upper_bin():
    assert discretize([1.0], [0.0, 1.0, 2.0]).tolist() == [2]
    assert discretize([-np.inf, np.inf, -0.0], [0.0, 1.0]).tolist() == [0, 2, 1]


def test_discretize_compares_in_float32():
    # 1.1 as float64 is above float32(1.1), yet falls in the same bin as float32(1.1)
    b = [1.1]
    assert discretize(np.array([1.1]), b).tolist() == [1]
    assert discretize(np.array([1.1 - 1e-9]), b).tolist() == [1]  # equal after float32 cast
    assert discretize(np.array([1.0999999]), b).tolist() == [0]


@settings(max_examples=60, deadline=None)
@given(
    boundaries=st.lists(
        st.one_of(
            st.floats(-1e4, 1e4, width=32),
            st.sampled_from([0.0, 1.0, np.inf, -np.inf, 1e-30, 3e38, -3e38]),
        ),
        max_size=300,
    ),
    scale=st.sampled_from([1e-3, 1.0, 1e4, 1e30]),
    seed=st.integers(0, 2**16),
)
def test_bucketize_equals_binary_search(boundaries, scale, seed):
    """The table-driven bucketing (large inputs) equals a plain binary search, exactly."""
    b = np.sort(np.array(boundaries, dtype=np.float32))
    rng = np.random.RandomState(seed)
    x = (rng.standard_cauchy(size=25_000) * scale).astype(np.float32)
    x[: b.size] = b  # values equal to boundaries
    x[b.size : 2 * b.size] = np.nextafter(b, np.float32(-np.inf))
    x[-3:] = [np.inf, -np.inf, 0.0]
    out = discretize(x, b)
    assert out.dtype == np.int32
    np.testing.assert_array_equal(out, np.searchsorted(b, x, side="right"))


@pytest.mark.parametrize("dist", ["normal", "lognormal", "ints"])
@pytest.mark.parametrize("k", [3, 9, 99, 500])
def test_bucketize_paths(dist, k, seed):
    rng = np.random.RandomState(seed)
    x = {
        "normal": rng.normal(size=50_000),
        "lognormal": rng.lognormal(sigma=2, size=50_000),
        "ints": rng.randint(-(2**30), 2**30, size=50_000),
    }[dist].astype(np.float32)
    b = np.quantile(x, np.arange(1, k + 1) / (k + 1)).astype(np.float32)
    if k == 99:
        assert _lookup_table(b) is not None  # the table path is exercised
    np.testing.assert_array_equal(discretize(x, b), np.searchsorted(b, x, side="right"))


def test_summary_helpers_agree_with_state(seed):
    x = np.random.RandomState(seed).normal(size=3000)
    state = DiscretizationState(0.01, 7).update(x)
    empty = np.zeros((2, 0), np.float32)
    running = merge_summaries(summarize(x, 0.01), empty, 0.01)
    np.testing.assert_array_equal(state.summary, running)  # one batch: Keras's summary
    np.testing.assert_array_equal(
        state.finalize()["bin_boundaries_"], get_bin_boundaries(running, 7)
    )
    assert compress_summary(running, 0.001) is running  # too few points: unchanged
    state.update(x[:10])
    assert state.summary is None  # a second batch: the drift-free sketch takes over


def test_estimator_and_function_agree(seed):
    X = np.random.RandomState(seed).normal(size=(300, 3))
    layer = Discretization(num_bins=6).fit(X)
    np.testing.assert_array_equal(layer.transform(X), discretize(X, layer.bin_boundaries_))


def test_num_bins_quirks():
    # 49 and 98 give one more bin (arange rounding); small data gives fewer bins
    assert len(Discretization(num_bins=49).fit(np.arange(1000.0)).bin_boundaries_) == 49
    assert len(Discretization(num_bins=50).fit(np.arange(1000.0)).bin_boundaries_) == 49
    assert Discretization(num_bins=5).fit([3.0, 1.0, 2.0]).bin_boundaries_.tolist() == [1, 2]
    layer = Discretization(num_bins=49, output_mode="one_hot").fit(np.arange(1000.0))
    assert layer.transform(np.arange(5.0)).shape == (5, 50)


def test_float_noise_is_reproduced():
    layer = Discretization(num_bins=4).fit(np.arange(100.0))
    np.testing.assert_array_equal(
        layer.bin_boundaries_, np.array([23.999983, 48.99998, 73.999985], np.float32)
    )


@pytest.mark.parametrize("mode", ["one_hot", "multi_hot", "count"])
def test_encoded_modes_sparse_and_dense(mode):
    X = np.array([[0.5], [1.5], [9.0]]) if mode == "one_hot" else np.array([[0.5, 0.6], [9, 1]])
    sparse = Discretization(bin_boundaries=[0.0, 1.0], output_mode=mode).transform(X)
    dense = Discretization(bin_boundaries=[0.0, 1.0], output_mode=mode, sparse=False)
    dense = dense.transform(X)
    assert sp.issparse(sparse) and sparse.format == "csr" and sparse.dtype == np.float32
    assert isinstance(dense, np.ndarray) and dense.dtype == np.float32
    np.testing.assert_array_equal(sparse.toarray(), dense)
    assert dense.shape == (len(X), 3)


def test_count_values():
    out = Discretization(bin_boundaries=[0.0, 1.0], output_mode="count", sparse=False)
    np.testing.assert_array_equal(
        out.transform([[0.5, 0.6, 2.0], [-1, -2, 3]]), [[0, 2, 1], [2, 0, 1]]
    )


def test_int_output_dtype_and_shape():
    X = np.random.RandomState(0).normal(size=(4, 5, 3))
    out = Discretization(bin_boundaries=[0.0]).fit(X).transform(X)
    assert out.dtype == np.int32 and out.shape == X.shape


def test_int_inputs():
    layer = Discretization(bin_boundaries=[0.0, 1.0])
    for dtype in (np.int8, np.int32, np.int64, np.uint16, bool):
        assert layer.transform(np.array([0, 1, 1], dtype=dtype)).tolist() == [1, 2, 2]


def test_get_feature_names_out():
    import pandas as pd

    df = pd.DataFrame({"age": [1.0, 2.0, 3.0, 4.0]})
    int_mode = Discretization(num_bins=2).fit(df)
    assert int_mode.get_feature_names_out().tolist() == ["age"]
    count = Discretization(num_bins=2, output_mode="count").fit(df)
    assert count.get_feature_names_out().tolist() == ["age_0", "age_1"]
    two = Discretization(bin_boundaries=[0.0], output_mode="multi_hot").fit(np.ones((2, 2)))
    assert two.get_feature_names_out().tolist() == ["discretization_0", "discretization_1"]
    with pytest.raises(ValueError, match="input_features"):
        two.get_feature_names_out(["a", "b", "c"])


# -- NaN, infinity, bad input -----------------------------------------------------------------
def test_nan_raises_at_fit_and_transform():
    with pytest.raises(ValueError, match="NaN"):
        Discretization(num_bins=3).fit([1.0, np.nan, 2.0])
    layer = Discretization(num_bins=3).fit([1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match="NaN"):
        layer.transform([1.0, np.nan])
    with pytest.raises(ValueError, match="NaN"):
        discretize([np.nan], [0.0])


def test_nan_batch_leaves_the_state_unchanged():
    layer = Discretization(num_bins=3).partial_fit(np.arange(10.0))
    before = layer.adapt_state_.summary.copy()
    with pytest.raises(ValueError, match="NaN"):
        layer.partial_fit([1.0, np.nan])
    np.testing.assert_array_equal(layer.adapt_state_.summary, before)
    assert layer.adapt_state_.n_values == 10


def test_infinite_values_are_data():
    layer = Discretization(num_bins=4).fit(np.array([1.0, 2.0, 3.0, np.inf] * 30))
    assert layer.bin_boundaries_.tolist() == [1.0, 2.0, np.inf]
    assert layer.transform([np.inf, -np.inf, 2.5]).tolist() == [3, 0, 2]


def test_learned_nan_boundaries_raise():
    # Keras interpolates between -inf and +inf here and learns a NaN boundary
    with pytest.raises(ValueError, match="NaN bin boundaries"):
        Discretization(num_bins=2, epsilon=0.1).fit([-np.inf, np.inf, np.inf])


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"bin_boundaries": [1.0, 0.0]}, "non-decreasing"),
        ({"bin_boundaries": ["a", "b"]}, "numbers"),
        ({"bin_boundaries": [[0.0, 1.0]]}, "1-D"),
        ({"bin_boundaries": [0.0, np.nan]}, "NaN"),
        ({"num_bins": 0}, "num_bins"),
        ({"num_bins": -3}, "num_bins"),
        ({"num_bins": 2.5}, "num_bins"),
        ({"num_bins": 3, "bin_boundaries": [0.0]}, "Both `num_bins` and `bin_boundaries`"),
        ({}, "either `num_bins` or `bin_boundaries`"),
        ({"num_bins": 3, "epsilon": 0.0}, "epsilon"),
        ({"num_bins": 3, "epsilon": 1.5}, "epsilon"),
        ({"num_bins": 3, "output_mode": "tf_idf"}, "output_mode"),
    ],
)
def test_bad_parameters(kwargs, match):
    with pytest.raises(ValueError, match=match):
        Discretization(**kwargs).fit(np.arange(10.0))


def test_bad_boundaries_at_transform_without_fit():
    with pytest.raises(ValueError, match="non-decreasing"):
        Discretization(bin_boundaries=[2.0, 1.0]).transform([1.0])
    with pytest.raises(ValueError, match="non-decreasing"):
        discretize([1.0], [2.0, 1.0])


def test_fit_and_partial_fit_with_given_boundaries_only_validate():
    # as every layer given its state (Keras's adapt raises): nothing is learned, X is checked
    layer = Discretization(bin_boundaries=[0.0, 1.0])
    assert layer.partial_fit(np.arange(5.0)).bin_boundaries_.tolist() == [0.0, 1.0]
    assert layer.partial_fit(np.arange(50.0)).n_values_seen_ == 0
    assert layer.fit(np.arange(5.0)).bin_boundaries_.tolist() == [0.0, 1.0]
    with pytest.raises(TypeError, match="numeric"):
        layer.partial_fit(np.array(["a"]))
    with pytest.raises(ValueError, match="empty input"):
        Discretization(bin_boundaries=[0.0]).fit(np.zeros((0, 2)))


def test_transform_before_fit():
    with pytest.raises(NotFittedError, match="adapt"):
        Discretization(num_bins=3).transform([1.0, 2.0])
    with pytest.raises(NotFittedError):
        Discretization(num_bins=3).get_feature_names_out()


@pytest.mark.parametrize(
    "X, exc",
    [
        (np.array(["a", "b"]), TypeError),
        (np.array([b"a", b"b"]), TypeError),
        (np.array(["a", "b"], dtype=object), ValueError),
        ("abc", TypeError),
    ],
)
def test_strings_raise(X, exc):
    with pytest.raises(exc):
        Discretization(num_bins=3).fit(X)
    with pytest.raises(exc):
        Discretization(bin_boundaries=[0.0]).transform(X)


def test_empty_input_raises():
    with pytest.raises(ValueError):
        Discretization(num_bins=3).fit(np.zeros((0, 2)))
    with pytest.raises(ValueError, match="empty iterable"):
        Discretization(num_bins=3).fit(iter([]))


def test_bag_modes_need_2d():
    with pytest.raises(ValueError, match="2-D"):
        Discretization(bin_boundaries=[0.0], output_mode="count").transform([1.0, 2.0])


def test_partial_fit_on_empty_first_batch_raises():
    with pytest.raises(ValueError, match="empty input"):
        Discretization(num_bins=3).partial_fit(np.zeros(0))


def test_partial_fit_refuses_changed_params():
    layer = Discretization(num_bins=3).partial_fit(np.arange(10.0))
    layer.set_params(num_bins=4)
    with pytest.raises(ValueError, match="set_params"):
        layer.partial_fit(np.arange(10.0))


def test_merge_refuses_other_params():
    a = DiscretizationState(0.01, 3).update(np.arange(5.0))
    with pytest.raises(ValueError, match="different parameters"):
        a.merge(DiscretizationState(0.02, 3))


# -- streaming ----------------------------------------------------------------------------------
def _pieces(x, cuts):
    cuts = sorted(set(cuts))
    return [p for p in np.split(x, cuts)]


@settings(max_examples=40, deadline=None)
@given(
    x=st.lists(st.floats(-1e6, 1e6, width=32), min_size=1, max_size=100),
    cuts=st.lists(st.integers(0, 100), max_size=5),
    num_bins=st.integers(1, 12),
)
def test_small_data_is_split_invariant(x, cuts, num_bins):
    """Up to 1/epsilon values in total, any split gives the one-batch boundaries exactly."""
    x = np.array(x, dtype=np.float32)
    whole = Discretization(num_bins=num_bins).fit(x)
    pieces = _pieces(x, [c for c in cuts if c <= len(x)])
    streamed = Discretization(num_bins=num_bins).fit(iter(pieces))
    np.testing.assert_array_equal(whole.bin_boundaries_, streamed.bin_boundaries_)


@settings(max_examples=25, deadline=None)
@given(
    x=st.lists(st.floats(-1e3, 1e3, width=32), min_size=1, max_size=3000),
    cuts=st.lists(st.integers(0, 3000), max_size=6),
    num_bins=st.integers(1, 60),
    epsilon=st.sampled_from([0.01, 0.05, 0.003]),
)
def test_streaming_equals_sequential_updates(x, cuts, num_bins, epsilon):
    """fit(iterable) == partial_fit per batch == DiscretizationState.update per batch, and
    boundaries are sorted values within the data's range."""
    x = np.array(x, dtype=np.float32)
    pieces = _pieces(x, [c for c in cuts if c <= len(x)])
    kw = {"num_bins": num_bins, "epsilon": epsilon}
    streamed = Discretization(**kw).fit(iter(pieces))
    partial = Discretization(**kw)
    for p in pieces:
        if p.size or hasattr(partial, "adapt_state_"):  # a first empty batch has nothing to fit
            partial.partial_fit(p)
    state = DiscretizationState(epsilon, num_bins)
    for p in pieces:
        state.update(p)
    b = streamed.bin_boundaries_
    np.testing.assert_array_equal(b, partial.bin_boundaries_)
    np.testing.assert_array_equal(b, state.finalize()["bin_boundaries_"])
    assert np.all(np.diff(b) >= 0)
    if b.size:
        span = max(1.0, float(np.abs(x).max()))
        assert x.min() - 1e-5 * span <= b.min() and b.max() <= x.max() + 1e-5 * span


@pytest.mark.parametrize("n_batches", [1, 10, 100])
def test_approximation_bound(seed, n_batches):
    x = np.random.RandomState(seed).normal(size=100_000).astype(np.float32)
    eps = 0.01
    layer = Discretization(num_bins=10, epsilon=eps).fit(iter(np.array_split(x, n_batches)))
    assert rank_error(layer.bin_boundaries_, x, 10) <= eps  # whatever the number of batches


def test_merged_partitions():
    x = np.random.RandomState(0).normal(size=20_000)
    a = Discretization(num_bins=10).fit(x[:10_000])
    b = Discretization(num_bins=10).fit(x[10_000:])
    state = a.adapt_state_.merge(b.adapt_state_)
    merged = state.finalize()["bin_boundaries_"]
    assert rank_error(merged, x, 10) <= state.rank_error_bound <= 0.01
    # merging into an empty state keeps a one-batch state's Keras summary
    empty = DiscretizationState(0.01, 10)
    one = DiscretizationState(0.01, 10).update(x[:5000])
    np.testing.assert_array_equal(
        empty.merge(one).finalize()["bin_boundaries_"],
        Discretization(num_bins=10).fit(x[:5000]).bin_boundaries_,
    )


# -- scikit-learn integration -------------------------------------------------------------------
def test_pipeline_column_transformer_grid_search_joblib(tmp_path):
    rng = np.random.RandomState(0)
    X = rng.normal(size=(200, 3))
    y = (np.abs(X[:, 0]) > 1).astype(int)  # needs more than 2 bins
    ct = ColumnTransformer(
        [
            ("bins", Discretization(num_bins=8, output_mode="one_hot"), [0]),
            ("rest", "passthrough", [1, 2]),
        ]
    )
    pipe = make_pipeline(ct, LogisticRegression())
    search = GridSearchCV(pipe, {"columntransformer__bins__num_bins": [2, 8]}, cv=3)
    search.fit(X, y)
    assert search.best_params_["columntransformer__bins__num_bins"] == 8
    path = tmp_path / "pipe.joblib"
    joblib.dump(search.best_estimator_, path)
    np.testing.assert_array_equal(joblib.load(path).predict(X), search.predict(X))
    names = search.best_estimator_[0].get_feature_names_out()
    assert names[:2].tolist() == ["bins__x0_0", "bins__x0_1"]


def test_pickle_and_clone_given_boundaries():
    layer = Discretization(bin_boundaries=[0.0, 1.0], output_mode="count")
    X = np.array([[0.5, 2.0]])
    copy = pickle.loads(pickle.dumps(layer))
    assert (copy.transform(X) != layer.transform(X)).nnz == 0
    assert clone(layer).get_params() == layer.get_params()


@parametrize_with_checks(
    [Discretization(bin_boundaries=[-0.5, 0.0, 0.5])],
    expected_failed_checks=lambda est: {
        "check_fit1d": "1-D input is accepted, as in Keras.",
        "check_estimators_nan_inf": "+inf/-inf are valid values, as in Keras.",
    },
)
def test_sklearn_checks_given_boundaries(estimator, check):
    """Given boundaries make the layer stateless (requires_fit=False), like calling Keras's."""
    check(estimator)
