"""Port of keras/src/layers/preprocessing/image_preprocessing/random_erasing_test.py."""

import numpy as np

from ._adapter import call, make

RNG = np.random.default_rng(3481)


def test_shape():
    layer = make("RandomErasing", factor=1.0, scale=0.5, fill_value=0, value_range=(0, 255), seed=1)
    assert call(layer, RNG.uniform(0, 255, (8, 3, 4, 3)), training=True).shape == (8, 3, 4, 3)


def test_inference_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_allclose(call(make("RandomErasing"), x), x)


def test_no_op_settings():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_allclose(call(make("RandomErasing", factor=0), x, training=True), x)
    np.testing.assert_allclose(call(make("RandomErasing", scale=0), x, training=True), x)


def test_erased_pixels_take_the_fill_value():
    x = np.ones((16, 8, 8, 1))
    out = call(make("RandomErasing", factor=1.0, scale=0.5, fill_value=0, seed=0), x, training=True)
    assert set(np.unique(out)) <= {0.0, 1.0}
    assert (out == 0).any()
