"""Port of keras/src/layers/preprocessing/image_preprocessing/random_color_degeneration_test.py."""

import numpy as np

from ._adapter import call, make

RNG = np.random.default_rng(0)


def test_shape():
    x = RNG.random((8, 3, 4, 3))
    layer = make("RandomColorDegeneration", factor=0.75, value_range=(0, 1), seed=1)
    assert call(layer, x, training=True).shape == x.shape


def test_stays_in_range():
    x = RNG.uniform(0, 1, (2, 3, 3, 3))
    out = call(make("RandomColorDegeneration", 0.2, value_range=(0, 1)), x, training=True)
    assert out.min() >= 0 and out.max() <= 1


def test_inference_is_identity():
    x = RNG.random((2, 8, 8, 3))
    np.testing.assert_allclose(call(make("RandomColorDegeneration", (0.5, 0.5)), x), x, atol=1e-3)


def test_factor_zero_keeps_the_image():
    x = RNG.random((2, 8, 8, 3))
    out = call(make("RandomColorDegeneration", factor=(0.0, 0.0)), x, training=True)
    np.testing.assert_allclose(out, x, atol=1e-3, rtol=1e-5)


def test_changes_the_image():
    x = RNG.uniform(0, 1, (2, 3, 3, 3))
    out = call(make("RandomColorDegeneration", 0.2, seed=0), x, training=True)
    assert not np.allclose(out, x)
