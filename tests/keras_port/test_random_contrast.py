"""Port of keras/src/layers/preprocessing/image_preprocessing/random_contrast_test.py.

Keras reads the drawn factor from ``get_random_transformation``; the port recovers each
image's factor from the output and checks the whole image follows
``clip((x - mean) * f + mean)`` with ``f`` in ``[1 - factor, 1 + factor]``.
"""

import numpy as np
import pytest

from ._adapter import call, make

RNG = np.random.default_rng(9809)


@pytest.mark.parametrize(
    "data_format, shape", [("channels_last", (8, 3, 4, 3)), ("channels_first", (8, 3, 4, 4))]
)
def test_shape(data_format, shape):
    layer = make(
        "RandomContrast", factor=0.75, value_range=(0, 255), seed=1, data_format=data_format
    )
    assert call(layer, RNG.uniform(0, 255, shape), training=True).shape == shape


@pytest.mark.parametrize("top", [255, 1])
def test_output_is_a_contrast_change_per_image(top):
    # values well inside the range so no clipping hides the factor
    x = (0.4 + 0.2 * RNG.random((12, 8, 16, 3))).astype(np.float32) * top
    out = call(
        make("RandomContrast", factor=0.5, value_range=(0, top), seed=9809), x, training=True
    )
    mean = x.mean(axis=(1, 2), keepdims=True)
    centred = x - mean
    factors = ((out - mean) * centred).sum(axis=(1, 2, 3)) / (centred**2).sum(axis=(1, 2, 3))
    assert np.all((factors >= 0.5 - 1e-4) & (factors <= 1.5 + 1e-4))
    expected = np.clip(centred * factors[:, None, None, None] + mean, 0, top)
    np.testing.assert_allclose(out, expected, atol=1e-4 * top)


def test_inference_is_identity():
    x = RNG.random((2, 8, 8, 3))
    np.testing.assert_allclose(call(make("RandomContrast", factor=0.5), x), x)
