import joblib
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import Ridge
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from skprep import Normalization
from skprep.numeric import denormalize, normalize
from skprep.numeric._normalization import NormalizationState


@pytest.fixture
def X():
    return np.random.default_rng(0).normal(5, 3, size=(200, 4))


def test_matches_standard_scaler_on_non_constant_columns(X):
    ours = Normalization().fit_transform(X)
    theirs = StandardScaler().fit_transform(X)
    np.testing.assert_allclose(ours, theirs, rtol=1e-5, atol=1e-5)
    assert ours.dtype == np.float32


def test_zero_variance_divides_by_epsilon_like_keras():
    X = np.array([[1.0, 2.0], [1.0, 4.0]])
    layer = Normalization().fit(X)
    out = layer.transform(np.array([[2.0, 3.0]]))
    np.testing.assert_allclose(out, [[1e7, 0.0]], rtol=1e-6)


def test_inverse_transform_round_trips(X):
    layer = Normalization().fit(X)
    np.testing.assert_allclose(layer.inverse_transform(layer.transform(X)), X, rtol=1e-5)
    inv = Normalization(invert=True).fit(X)
    np.testing.assert_allclose(inv.transform(layer.transform(X)), X, rtol=1e-5)
    np.testing.assert_allclose(inv.inverse_transform(X), layer.transform(X), rtol=1e-6)


def test_functions_agree_with_estimator(X):
    layer = Normalization().fit(X)
    np.testing.assert_array_equal(layer.transform(X), normalize(X, layer.mean_, layer.variance_))
    np.testing.assert_array_equal(
        layer.inverse_transform(X), denormalize(X, layer.mean_, layer.variance_)
    )


@pytest.mark.parametrize(
    "axis, shape", [(-1, (3,)), (None, ()), ((1, 2), (5, 6)), (1, (5,)), ((1, -1), (5, 3))]
)
def test_axis_shapes_on_images(axis, shape):
    images = np.random.default_rng(1).uniform(0, 255, size=(4, 5, 6, 3))
    layer = Normalization(axis=axis).fit(images)
    assert layer.mean_.shape == shape
    out = layer.transform(images)
    assert out.shape == images.shape
    kept = () if axis is None else tuple(a % 4 for a in np.atleast_1d(axis))
    reduce = tuple(d for d in range(4) if d not in kept)
    np.testing.assert_allclose(out.mean(axis=reduce), 0, atol=1e-4)


def test_given_mean_variance_broadcast_and_no_learning(X):
    layer = Normalization(mean=2.0, variance=4.0).fit(X)
    np.testing.assert_array_equal(layer.mean_, np.full(4, 2.0, np.float32))
    np.testing.assert_allclose(layer.transform(X), (X - 2) / 2, rtol=1e-5)


@given(
    data=arrays(
        np.float64,
        st.tuples(st.integers(2, 40), st.integers(1, 4)),
        elements=st.floats(-1e3, 1e3, allow_nan=False),
    ),
    cuts=st.lists(st.integers(1, 39), max_size=5),
)
@settings(max_examples=60, deadline=None)
def test_chunked_and_merged_fits_equal_whole_fit(data, cuts):
    """Property: any chunking, streamed or merged in any order, gives the in-memory stats."""
    n = data.shape[0]
    bounds = sorted({c for c in cuts if c < n})
    chunks = np.split(data, bounds)
    whole = Normalization().fit(data)
    streamed = Normalization().fit(iter(chunks))
    partial = Normalization()
    for chunk in chunks:
        partial.partial_fit(chunk)
    states = [NormalizationState().update(c) for c in chunks]
    merged = states[-1]
    for s in reversed(states[:-1]):
        merged = merged.merge(s)
    attrs = merged.finalize()
    for other in (streamed.mean_, partial.mean_, attrs["mean_"]):
        np.testing.assert_allclose(other, whole.mean_, rtol=1e-6, atol=1e-6)
    for other in (streamed.variance_, partial.variance_, attrs["variance_"]):
        np.testing.assert_allclose(other, whole.variance_, rtol=1e-5, atol=1e-6)
    assert whole.n_samples_seen_ == partial.n_samples_seen_ == n


def test_pipeline_gridsearch_and_joblib(tmp_path, X):
    y = X @ [1.0, -2.0, 0.5, 0.0]
    pipe = make_pipeline(Normalization(), Ridge())
    search = GridSearchCV(pipe, {"normalization__axis": [-1, None]}, cv=3).fit(X, y)
    assert search.best_params_["normalization__axis"] in (-1, None)
    path = tmp_path / "model.joblib"
    joblib.dump(search.best_estimator_, path)
    np.testing.assert_allclose(joblib.load(path).predict(X), search.predict(X))


def test_set_output_pandas(X):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(X, columns=list("abcd"))
    out = Normalization().set_output(transform="pandas").fit_transform(df)
    assert list(out.columns) == list("abcd")


# -- bad input --------------------------------------------------------------------------------
def test_not_fitted():
    with pytest.raises(NotFittedError):
        Normalization().transform(np.ones((2, 2)))


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_rejected(bad):
    X = np.ones((3, 2))
    X[1, 1] = bad
    with pytest.raises(ValueError, match="NaN|infinity"):
        Normalization().fit(X)
    layer = Normalization().fit(np.ones((3, 2)))
    with pytest.raises(ValueError, match="NaN|infinity"):
        layer.transform(X)


def test_wrong_feature_count():
    layer = Normalization().fit(np.ones((3, 2)))
    with pytest.raises(ValueError, match="features"):
        layer.transform(np.ones((3, 3)))


def test_wrong_kept_shape_on_images():
    layer = Normalization(axis=(1, 2)).fit(np.ones((2, 4, 4, 3)))
    with pytest.raises(ValueError, match="kept axes"):
        layer.transform(np.ones((2, 4, 5, 3)))


def test_empty_input():
    with pytest.raises(ValueError, match="0 sample"):
        Normalization().fit(np.ones((0, 3)))
    with pytest.raises(ValueError, match="empty iterable"):
        Normalization().fit(iter([]))


def test_strings_rejected():
    with pytest.raises(ValueError, match="convert|numeric|string"):
        Normalization().fit(np.array([["a", "b"]]))


def test_mean_without_variance():
    with pytest.raises(ValueError, match="both `mean` and `variance`"):
        Normalization(mean=1.0).fit(np.ones((2, 2)))


def test_mean_variance_shape_mismatch():
    with pytest.raises(ValueError, match="same shape"):
        Normalization(mean=[1.0, 2.0], variance=[1.0]).fit(np.ones((2, 2)))
    with pytest.raises(ValueError, match="do not match"):
        Normalization(mean=[1.0, 2.0, 3.0], variance=[1.0, 1.0, 1.0]).fit(np.ones((2, 2)))


def test_negative_variance():
    with pytest.raises(ValueError, match="non-negative"):
        Normalization(mean=0.0, variance=-1.0).fit(np.ones((2, 2)))


def test_axis_out_of_range():
    with pytest.raises(ValueError, match=r"range \[-ndim, ndim\)"):
        Normalization(axis=3).fit(np.ones((2, 2)))


def test_bad_axis_type():
    with pytest.raises(ValueError, match="axis"):
        Normalization(axis="x").fit(np.ones((2, 2)))


def test_partial_fit_after_set_params_refused():
    layer = Normalization().partial_fit(np.ones((2, 2)))
    layer.set_params(axis=None)
    with pytest.raises(ValueError, match="parameters changed"):
        layer.partial_fit(np.ones((2, 2)))
    layer.fit(np.ones((2, 2)))  # fit starts over
    assert layer.mean_.shape == ()


# -- the user's mistake: a 1-D array of one feature -----------------------------------------


@pytest.mark.parametrize("method", ["fit", "fit_transform", "partial_fit"])
def test_1d_input_raises_and_says_reshape(method):
    layer = Normalization()
    with pytest.raises(ValueError, match=r"1-D array of shape \(3,\).*X\.reshape\(-1, 1\)"):
        getattr(layer, method)(np.array([1.0, 2.0, 3.0]))
    assert not hasattr(layer, "mean_")


def test_1d_input_reshaped_is_one_feature():
    out = Normalization().fit_transform(np.array([1.0, 2.0, 3.0]).reshape(-1, 1))
    np.testing.assert_allclose(out.ravel(), [-1.2247449, 0.0, 1.2247449], rtol=1e-6)


def test_1d_input_with_axis_none_is_one_scalar_statistic():
    layer = Normalization(axis=None).fit(np.array([1.0, 2.0, 3.0]))
    np.testing.assert_allclose(layer.transform(np.array([2.0, 4.0])), [0.0, 2.4494898], rtol=1e-6)
