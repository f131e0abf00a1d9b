"""Port of keras/src/layers/preprocessing/image_preprocessing/random_invert_test.py."""

import numpy as np

from ._adapter import call, make

RNG = np.random.default_rng(3481)


def test_shape():
    layer = make("RandomInvert", factor=0.75, value_range=(20, 200), seed=1)
    assert call(layer, RNG.uniform(20, 200, (8, 3, 4, 3)), training=True).shape == (8, 3, 4, 3)


def test_inference_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_array_equal(call(make("RandomInvert"), x), x)


def test_factor_zero_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_array_equal(call(make("RandomInvert", factor=0), x, training=True), x)


def test_factor_one_inverts_everything():
    x = RNG.random((1, 8, 8, 3))
    layer = make("RandomInvert", factor=(1, 1), value_range=[0, 1], seed=1337)
    np.testing.assert_allclose(call(layer, x, training=True), 1 - x, atol=1e-6)
