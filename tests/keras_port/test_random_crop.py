"""Port of keras/src/layers/preprocessing/image_preprocessing/random_crop_test.py."""

import numpy as np
import pytest

from ._adapter import call, make

RNG = np.random.default_rng(1337)


@pytest.mark.parametrize(
    "data_format, shape, expected",
    [("channels_last", (1, 3, 4, 3), (1, 2, 2, 3)), ("channels_first", (1, 3, 3, 4), (1, 3, 2, 2))],
)
def test_shapes(data_format, shape, expected):
    layer = make("RandomCrop", height=2, width=2, data_format=data_format)
    assert call(layer, RNG.random(shape), training=True).shape == expected


def test_crop_of_full_size_at_inference_is_identity():
    x = RNG.random((12, 8, 16, 3))
    np.testing.assert_allclose(call(make("RandomCrop", 8, 16), x), x)


def test_partial_crop_is_a_window_of_the_image():
    x = RNG.random((12, 8, 16, 3))
    out = call(make("RandomCrop", 8, 8, seed=0), x, training=True)
    assert out.shape == (12, 8, 8, 3)
    for src, dst in zip(x, out):
        assert any(np.allclose(src[:, j : j + 8], dst) for j in range(9))


@pytest.mark.parametrize("size, expected", [((10, 8), (12, 10, 8, 3)), ((8, 18), (12, 8, 18, 3))])
def test_crop_larger_than_image(size, expected):
    x = RNG.random((12, 8, 16, 3))
    assert call(make("RandomCrop", *size), x, training=True).shape == expected
    assert call(make("RandomCrop", *size), x).shape == expected


def test_inference_crops_the_centre():
    x = RNG.random((2, 10, 12, 3))
    out = call(make("RandomCrop", 8, 9), x)
    assert out.shape == (2, 8, 9, 3)
