"""Port of keras/src/layers/preprocessing/image_preprocessing/random_perspective_test.py
(bounding-box cases are out of scope)."""

import numpy as np

from ._adapter import call, make

RNG = np.random.default_rng(3481)


def test_shape():
    layer = make(
        "RandomPerspective", factor=1.0, scale=0.5, interpolation="bilinear", fill_value=0, seed=1
    )
    x = RNG.random((8, 3, 4, 3))
    assert call(layer, x, training=True).shape == x.shape


def test_inference_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_allclose(call(make("RandomPerspective"), x), x)


def test_factor_zero_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_allclose(call(make("RandomPerspective", factor=0), x, training=True), x)


def test_warps_the_image():
    x = RNG.random((4, 8, 8, 3))
    out = call(make("RandomPerspective", factor=1.0, scale=1.0, seed=0), x, training=True)
    assert out.shape == x.shape and not np.allclose(out, x)
