import numpy as np
import pytest

from skprep import Rescaling
from skprep.numeric import rescale


def test_any_rank_float32():
    for shape in [(5,), (4, 3), (2, 4, 4, 3), (2, 3, 4, 5, 3)]:
        X = np.arange(np.prod(shape), dtype=np.uint8).reshape(shape)
        out = Rescaling(1 / 255).transform(X)
        assert out.shape == shape and out.dtype == np.float32


def test_inverse_round_trip_and_function():
    X = np.random.default_rng(0).normal(size=(6, 3))
    layer = Rescaling(2.5, offset=-1.0).fit(X)
    np.testing.assert_allclose(layer.inverse_transform(layer.transform(X)), X, rtol=1e-5)
    np.testing.assert_array_equal(layer.transform(X), rescale(X, 2.5, -1.0))


def test_per_channel():
    images = np.ones((1, 2, 2, 3), np.uint8)
    out = Rescaling([1.0, 2.0, 3.0], offset=[0.0, 0.0, 1.0]).transform(images)
    np.testing.assert_array_equal(out[0, 0, 0], [1.0, 2.0, 4.0])


def test_nan_passes_through_inf_rejected():
    out = Rescaling(2.0).transform(np.array([[np.nan, 1.0]]))
    assert np.isnan(out[0, 0]) and out[0, 1] == 2.0
    with pytest.raises(ValueError, match="infinity"):
        Rescaling(2.0).transform(np.array([[np.inf, 1.0]]))


def test_bad_params_and_input():
    with pytest.raises(TypeError, match="scale"):
        Rescaling(["a"]).transform(np.ones((2, 2)))
    with pytest.raises(ValueError, match="broadcast"):
        Rescaling([1.0, 2.0]).transform(np.ones((2, 3)))
    with pytest.raises(ValueError, match="convert|numeric|string"):
        Rescaling(2.0).transform(np.array([["a"]]))
