"""Port of keras/src/layers/preprocessing/image_preprocessing/random_gaussian_blur_test.py."""

import numpy as np
import pytest

from ._adapter import call, make

RNG = np.random.default_rng(3481)


def test_shape():
    layer = make(
        "RandomGaussianBlur", factor=1.0, kernel_size=3, sigma=0.5, value_range=(0, 255), seed=1
    )
    x = RNG.uniform(0, 255, (8, 3, 4, 3))
    assert call(layer, x, training=True).shape == x.shape


@pytest.mark.xfail(strict=True, reason="sigma must be positive (Keras reads 0 as no blur)")
def test_sigma_zero_is_accepted():
    layer = make(
        "RandomGaussianBlur", factor=1.0, kernel_size=3, sigma=0, value_range=(0, 255), seed=1
    )
    x = RNG.uniform(0, 255, (8, 3, 4, 3))
    assert call(layer, x, training=True).shape == x.shape


def test_inference_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_allclose(call(make("RandomGaussianBlur"), x), x)


def test_factor_zero_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_allclose(call(make("RandomGaussianBlur", factor=0), x, training=True), x)


def test_blur_of_a_constant_image_with_zero_padding_darkens_the_border():
    # Keras: a 2x2 image of ones blurred (3x3 kernel, zero padding) gives values < 1
    out = call(make("RandomGaussianBlur", factor=1.0, seed=0), np.ones((1, 2, 2, 3)), training=True)
    assert np.all(out < 1) and np.all(out > 0)
    np.testing.assert_allclose(out, out[0, 0, 0, 0])
