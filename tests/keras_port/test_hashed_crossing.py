"""Port of keras/src/layers/preprocessing/hashed_crossing_test.py.

Keras calls the layer on a tuple of feature tensors; skprep takes the features as the
columns of one 2-D array or DataFrame (so it fits in a ``ColumnTransformer``).
"""

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from ._adapter import call, config, from_config, make

F1 = np.array(["A", "B", "A", "B", "A"])
F2 = np.array([101, 101, 101, 102, 102])
ONE_HOT = [[0, 1, 0, 0, 0], [0, 0, 0, 0, 1], [0, 1, 0, 0, 0], [0, 1, 0, 0, 0], [0, 0, 0, 1, 0]]


def _features(a, b):
    return pd.DataFrame({"f1": a, "f2": b})


def test_basics_shapes():
    x = np.array([[1, 4], [2, 5]])
    assert call(make("HashedCrossing", num_bins=3), x).shape[0] == 2
    assert call(make("HashedCrossing", num_bins=4, output_mode="one_hot"), x).shape == (2, 4)


@pytest.mark.xfail(strict=True, reason="int output is a (n, 1) column, one per sample")
def test_int_output_is_1d():
    assert call(make("HashedCrossing", num_bins=3), np.array([[1, 4], [2, 5]])).shape == (2,)


@pytest.mark.parametrize("as_frame", [True, False])
def test_int_correctness(as_frame):
    x = _features(F1, F2) if as_frame else np.array([F1, F2], dtype=object).T
    out = call(make("HashedCrossing", num_bins=5), x)
    np.testing.assert_array_equal(np.ravel(out), [1, 4, 1, 1, 3])


@pytest.mark.parametrize("sparse", [True, False])
def test_one_hot_correctness(sparse):
    layer = make("HashedCrossing", num_bins=5, output_mode="one_hot", sparse=sparse)
    raw = layer.fit_transform(_features(F1, F2))
    assert sp.issparse(raw) == sparse
    np.testing.assert_allclose(call(layer, _features(F1, F2)), ONE_HOT)


def test_single_sample():
    out = call(make("HashedCrossing", num_bins=10), _features(["A"], [101]))
    np.testing.assert_array_equal(np.ravel(out), [1])


def test_rank_3_input_raises():
    with pytest.raises(ValueError, match="2-D"):
        call(make("HashedCrossing", num_bins=10), np.array([[[1.0]]]))


@pytest.mark.parametrize("x", [np.array(1), np.array([[1]])], ids=["scalar", "one_column"])
def test_fewer_than_two_features_raise(x):
    with pytest.raises((ValueError, TypeError)):
        call(make("HashedCrossing", num_bins=10), x)


def test_float_input_raises():
    with pytest.raises(ValueError, match="integer or string"):
        call(make("HashedCrossing", num_bins=10), np.array([[1.0, 1.0]]))


def test_sparse_input_raises():
    with pytest.raises((ValueError, TypeError)):
        call(make("HashedCrossing", num_bins=10), sp.csr_matrix(np.array([[1, 1]])))


def test_int_output_dtype_and_one_hot_float32():
    x = np.array([[1, 1]])
    assert call(make("HashedCrossing", num_bins=2), x).dtype == np.int64
    assert call(make("HashedCrossing", num_bins=2, output_mode="one_hot"), x).dtype == np.float32


def test_clone_gives_same_outputs():
    layer = make("HashedCrossing", num_bins=5, output_mode="one_hot", sparse=True)
    x = _features(F1, F2)
    assert config(from_config(layer)) == config(layer)
    np.testing.assert_allclose(call(from_config(layer), x), call(layer, x))
