"""Port of keras/src/layers/preprocessing/image_preprocessing/cut_mix_test.py."""

import numpy as np

from ._adapter import call, make

RNG = np.random.default_rng(3481)


def test_shape():
    x = RNG.random((8, 3, 4, 3))
    assert call(make("CutMix", factor=1.0, seed=1), x, training=True).shape == (8, 3, 4, 3)


def test_inference_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_allclose(call(make("CutMix"), x), x)


def test_pixels_come_from_the_batch():
    ones, zeros = np.ones((2, 2, 1)), np.zeros((2, 2, 1))
    x = np.stack([ones, zeros] * 4)
    out = call(make("CutMix", seed=0), x, training=True)
    assert set(np.unique(out)) <= {0.0, 1.0}
    assert out.shape == x.shape
