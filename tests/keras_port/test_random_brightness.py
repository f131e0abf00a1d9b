"""Port of keras/src/layers/preprocessing/image_preprocessing/random_brightness_test.py."""

import numpy as np
import pytest

from ._adapter import call, make

RNG = np.random.default_rng(2390)


def test_shape():
    layer = make("RandomBrightness", factor=0.75, value_range=(20, 200), seed=1)
    x = RNG.uniform(20, 200, (8, 3, 4, 3))
    assert call(layer, x, training=True).shape == (8, 3, 4, 3)


def test_inference_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_allclose(call(make("RandomBrightness", [0, 1.0]), x), x)


def test_positive_factor_brightens_negative_darkens():
    x = RNG.integers(0, 255, size=(4, 32, 32, 3)).astype(np.float32)
    diff = call(make("RandomBrightness", [0.1, 1.0]), x, training=True) - x
    assert diff.min() >= 0 and diff.mean() > 0
    diff = call(make("RandomBrightness", [-1.0, -0.1]), x, training=True) - x
    assert diff.max() <= 0 and diff.mean() < 0


@pytest.mark.parametrize(
    "kwargs",
    [
        {"factor": 0.1, "value_range": "incorrect_type"},
        {"factor": 0.1, "value_range": [10]},
        {"factor": [0.1]},
        {"factor": "invalid_type"},
        {"factor": -1.1},
        {"factor": 1.1},
    ],
)
def test_invalid_arguments(kwargs):
    with pytest.raises((ValueError, TypeError)):
        call(make("RandomBrightness", **kwargs), RNG.random((1, 4, 4, 3)), training=True)


def test_rank_2_input_raises():
    with pytest.raises(ValueError, match="rank"):
        call(make("RandomBrightness", factor=0.1), RNG.random((10, 10)), training=True)
