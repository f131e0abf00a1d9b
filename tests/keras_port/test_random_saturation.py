"""Port of keras/src/layers/preprocessing/image_preprocessing/random_saturation_test.py."""

import colorsys

import numpy as np
import pytest

from ._adapter import call, make

RNG = np.random.default_rng(0)


def test_shape():
    x = RNG.uniform(0, 255, (8, 3, 4, 3))
    assert call(make("RandomSaturation", factor=0.75, seed=1), x, training=True).shape == x.shape


def test_stays_in_range():
    x = RNG.uniform(0, 1, (2, 3, 3, 3))
    out = call(make("RandomSaturation", 0.2), x, training=True)
    assert out.min() >= 0 and out.max() <= 1


def test_inference_is_identity():
    x = RNG.random((2, 8, 8, 3))
    np.testing.assert_allclose(call(make("RandomSaturation", (0.5, 0.5)), x), x, atol=1e-3)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_factor_zero_is_grayscale(data_format):
    x = RNG.random((2, 8, 8, 3) if data_format == "channels_last" else (2, 3, 8, 8))
    out = call(
        make("RandomSaturation", factor=(0.0, 0.0), data_format=data_format), x, training=True
    )
    r, g, b = np.moveaxis(out, -1 if data_format == "channels_last" else 1, 0)
    np.testing.assert_allclose(r, g, atol=1e-5)
    np.testing.assert_allclose(g, b, atol=1e-5)


def test_factor_one_is_full_saturation():
    x = RNG.random((2, 8, 8, 3))
    out = call(make("RandomSaturation", factor=(1.0, 1.0), value_range=(0, 1)), x, training=True)
    sat = max(colorsys.rgb_to_hsv(*px)[1] for px in out.reshape(-1, 3))
    assert abs(sat - 1.0) < 0.1


def test_changes_the_image():
    x = RNG.uniform(0, 1, (2, 3, 3, 3))
    assert not np.allclose(call(make("RandomSaturation", 0.2, seed=0), x, training=True), x)
