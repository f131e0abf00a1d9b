"""Port of keras/src/layers/preprocessing/image_preprocessing/random_shear_test.py
(bounding-box cases are out of scope)."""

import numpy as np
import pytest

from ._adapter import call, make

RNG = np.random.default_rng(3481)


def test_shape():
    layer = make(
        "RandomShear",
        x_factor=(0.5, 1),
        y_factor=(0.5, 1),
        interpolation="bilinear",
        fill_mode="reflect",
        seed=1,
    )
    x = RNG.random((8, 3, 4, 3))
    assert call(layer, x, training=True).shape == x.shape


def test_inference_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_allclose(call(make("RandomShear", 1, 1), x), x)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_centre_pixel_moves(data_format):
    image = np.zeros((1, 5, 5, 3), np.float32)
    image[0, 1:4, 1:4] = 1.0
    image[0, 2, 2] = [0.0, 1.0, 0.0]
    x = image if data_format == "channels_last" else np.transpose(image, (0, 3, 1, 2))
    layer = make(
        "RandomShear",
        x_factor=(0.2, 0.3),
        y_factor=(0.2, 0.3),
        interpolation="bilinear",
        fill_mode="constant",
        fill_value=0.0,
        seed=42,
        data_format=data_format,
    )
    out = call(layer, x, training=True)
    if data_format == "channels_first":
        out = np.transpose(out, (0, 2, 3, 1))
    assert not np.allclose(out[0, 2, 2], image[0, 2, 2])
