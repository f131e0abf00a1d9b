"""Port of keras/src/layers/preprocessing/image_preprocessing/solarization_test.py.

Keras image layers default to ``training=True`` when called directly, so these calls are
``fit_transform``.
"""

import numpy as np
import pytest

from ._adapter import call, make


def _constant(value, dtype="uint8"):
    return np.full((2, 16, 16, 3), value, dtype=dtype)


def test_shape():
    layer = make(
        "Solarization", addition_factor=0.75, value_range=(20, 200), threshold_factor=(0, 1), seed=1
    )
    x = np.random.default_rng(0).uniform(20, 200, (8, 3, 4, 3))
    assert call(layer, x, training=True).shape == (8, 3, 4, 3)


@pytest.mark.parametrize("value, expected", [(0, 255), (64, 191), (127, 128), (191, 64), (255, 0)])
def test_default_inverts_every_pixel(value, expected):
    out = call(make("Solarization", value_range=(0, 255)), _constant(value), training=True)
    np.testing.assert_allclose(out, np.full_like(out, expected))


@pytest.mark.parametrize("value, expected", [(0, 0), (191, 64), (255, 0)])
def test_only_values_above_threshold_are_inverted(value, expected):
    layer = make("Solarization", threshold_factor=(128 / 255, 128 / 255), value_range=(0, 255))
    out = call(layer, _constant(value), training=True)
    np.testing.assert_allclose(out, np.full_like(out, expected))


def test_draws_are_per_image():
    image = np.random.default_rng(0).uniform(0, 255, (16, 16, 3))
    layer = make(
        "Solarization", value_range=(0, 255), threshold_factor=0.5, addition_factor=0.5, seed=0
    )
    out = call(layer, np.stack([image, image]), training=True)
    assert not np.allclose(out[0], out[1])


def test_inference_is_identity():
    x = _constant(100)
    np.testing.assert_array_equal(call(make("Solarization", value_range=(0, 255)), x), x)
