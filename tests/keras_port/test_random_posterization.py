"""Port of keras/src/layers/preprocessing/image_preprocessing/random_posterization_test.py."""

import numpy as np

from ._adapter import call, make

RNG = np.random.default_rng(3481)


def test_shape():
    layer = make("RandomPosterization", factor=1, value_range=(20, 200), seed=1)
    assert call(layer, RNG.uniform(20, 200, (8, 3, 4, 3)), training=True).shape == (8, 3, 4, 3)


def test_inference_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_array_equal(call(make("RandomPosterization", 1, [0, 255]), x), x)


def test_one_bit_keeps_the_top_bit():
    x = np.array([[[[128.0, 235.0, 87.0], [12.0, 1.0, 23.0], [24.0, 18.0, 121.0]]]])
    out = call(make("RandomPosterization", 1, [0, 255], seed=3481), x, training=True)
    np.testing.assert_allclose(out, [[[[128, 128, 0], [0, 0, 0], [0, 0, 0]]]])


def test_output_stays_in_value_range():
    for top in (1.0, 255.0):
        x = RNG.uniform(0, top, (2, 3, 3, 3))
        out = call(make("RandomPosterization", 1, [0, top]), x, training=True)
        assert out.min() >= 0 and out.max() <= top


def test_changes_the_image():
    x = RNG.uniform(0, 1, (1, 3, 3, 3))
    out = call(make("RandomPosterization", 1, [0, 255]), x, training=True)
    assert not np.allclose(out, x)
