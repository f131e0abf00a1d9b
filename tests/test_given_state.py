"""State given as parameters (``vocabulary``, ``bin_boundaries``, ``mean``/``variance``):
one hook on AdaptMixin, the same behaviour in every layer."""

import numpy as np
import pytest
from sklearn.base import clone

from skprep import (
    Discretization,
    IntegerLookup,
    Normalization,
    StringLookup,
    TextVectorization,
)
from skprep.utils.estimator_checks import assert_output_equal

pytestmark = pytest.mark.filterwarnings("ignore:TextVectorization.*output_sequence_length")

GIVEN = [
    (StringLookup(vocabulary=["a", "b"]), np.array([["a", "q"], ["b", "a"]], dtype=object)),
    (IntegerLookup(vocabulary=[7, 3], output_mode="count"), np.array([[7, 3, 3], [1, 7, 7]])),
    (TextVectorization(vocabulary=["x", "y"]), np.array(["x y z", "y"])),
    (Discretization(bin_boundaries=[0.0, 1.0]), np.array([[-1.0, 0.5], [2.0, 1.0]])),
    (Normalization(mean=3.0, variance=4.0), np.array([[1.0, 5.0], [3.0, 7.0]])),
]
IDS = [type(est).__name__ for est, _ in GIVEN]


@pytest.mark.parametrize("estimator, X", GIVEN, ids=IDS)
def test_transform_works_without_fit_and_fit_learns_nothing(estimator, X):
    assert not estimator.__sklearn_tags__().requires_fit
    unfitted = clone(estimator).transform(X)
    assert_output_equal(unfitted, clone(estimator).fit(X).transform(X))
    assert_output_equal(unfitted, clone(estimator).partial_fit(X).partial_fit(X).transform(X))
    # fitting on other data changes nothing: the state is the parameters'
    other = X[::-1].copy()
    assert_output_equal(unfitted, clone(estimator).fit(other).transform(X))
    assert_output_equal(unfitted, clone(estimator).fit_transform(other)[::-1])


def test_normalization_with_mean_and_variance_needs_no_fit():
    """Issue 11, trap 5: Keras's Normalization(mean=3, variance=4) works without adapt."""
    X = np.array([[1.0, 5.0], [3.0, 7.0]])
    layer = Normalization(mean=3.0, variance=4.0)
    np.testing.assert_array_equal(layer.transform(X), [[-1.0, 1.0], [0.0, 2.0]])
    np.testing.assert_array_equal(layer.mean_, [3.0, 3.0])
    np.testing.assert_array_equal(layer.inverse_transform(layer.transform(X)), X)
    # the first transform builds the layer for its input's kept axes, as Keras does
    with pytest.raises(ValueError, match="kept axes"):
        layer.transform(np.ones((2, 3)))
    per_column = Normalization(mean=[1.0, 2.0], variance=[1.0, 4.0])
    np.testing.assert_array_equal(per_column.transform(X), [[0.0, 1.5], [2.0, 2.5]])
    with pytest.raises(ValueError, match="both `mean` and `variance`"):
        Normalization(mean=3.0).transform(X)


def test_not_fitted_message_names_the_state_parameters():
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError, match="`mean` or `variance`"):
        Normalization().transform(np.ones((2, 2)))
    with pytest.raises(NotFittedError, match="`vocabulary`"):
        StringLookup().transform(["a"])


@pytest.mark.parametrize(
    "estimator, X",
    [
        (StringLookup(), np.array([["a", "b"], ["b", "c"]], dtype=object)),
        (StringLookup(output_mode="tf_idf"), np.array([["a", "b"], ["b", "c"]], dtype=object)),
        (IntegerLookup(output_mode="multi_hot"), np.array([[1, 2], [2, 2]])),
        (TextVectorization(), np.array(["a b", "b c c"])),
        (TextVectorization(output_mode="tf_idf", sparse=False), np.array(["a b", "b c c"])),
        (Discretization(num_bins=2), np.array([[-1.0, 0.5], [2.0, 1.0]])),
    ],
    ids=lambda v: type(v).__name__ if not isinstance(v, np.ndarray) else "",
)
def test_fit_transform_keeps_no_by_products(estimator, X):
    """fit_transform maps the batches its fit prepared; nothing is stashed on the estimator."""
    est = clone(estimator)
    out = est.fit_transform(X)
    assert_output_equal(out, clone(estimator).fit(X).transform(X))
    leftovers = {"_kept_codes", "_keep_codes", "_token_sink", "_n_checked"} & set(vars(est))
    assert not leftovers
    assert set(vars(est)) == set(vars(clone(estimator).fit(X)))


def test_partial_fit_guard_compares_values_not_reprs():
    """Two 2,000-element ``mean`` arrays differing in one value are different parameters
    (their reprs, abbreviated with '...', used to compare equal)."""
    X = np.ones((3, 2000))
    mean, variance = np.zeros(2000), np.ones(2000)
    changed = mean.copy()
    changed[1000] = 5.0
    assert repr(mean) == repr(changed)
    layer = Normalization(mean=mean, variance=variance).partial_fit(X)
    layer.set_params(mean=mean.copy()).partial_fit(X)  # same values: continues
    layer.set_params(mean=list(mean)).partial_fit(X)  # same values in a list: continues
    with pytest.raises(ValueError, match="parameters changed"):
        layer.set_params(mean=changed).partial_fit(X)
    lookup = StringLookup().partial_fit(np.array(["a", "b"]))
    lookup.set_params(num_oov_indices=1).partial_fit(np.array(["c"]))
    with pytest.raises(ValueError, match="parameters changed"):
        lookup.set_params(num_oov_indices=2).partial_fit(np.array(["c"]))


def test_partial_fit_guard_on_vocabularies():
    tokens = [f"t{i}" for i in range(3000)]
    layer = StringLookup(vocabulary=tokens).partial_fit(np.array(["t1"]))
    layer.set_params(vocabulary=np.array(tokens, dtype=object)).partial_fit(np.array(["t2"]))
    changed = list(tokens)
    changed[1500] = "other"
    with pytest.raises(ValueError, match="parameters changed"):
        layer.set_params(vocabulary=changed).partial_fit(np.array(["t1"]))
