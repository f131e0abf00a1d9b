"""Port of keras/src/layers/preprocessing/image_preprocessing/random_grayscale_test.py."""

import numpy as np
import pytest

from ._adapter import call, make

RNG = np.random.default_rng(0)


@pytest.mark.parametrize(
    "data_format, shape", [("channels_last", (1, 2, 2, 3)), ("channels_first", (1, 3, 2, 2))]
)
def test_shape(data_format, shape):
    layer = make("RandomGrayscale", factor=0.5, data_format=data_format)
    assert call(layer, RNG.uniform(0, 255, shape), training=True).shape == shape


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_factor_one_makes_channels_equal(data_format):
    shape = (2, 4, 4, 3) if data_format == "channels_last" else (2, 3, 4, 4)
    x = RNG.uniform(0, 255, shape).astype(np.float32)
    out = call(make("RandomGrayscale", factor=1.0, data_format=data_format), x, training=True)
    axis = -1 if data_format == "channels_last" else 1
    assert out.shape[axis] == 3
    r, g, b = np.moveaxis(out, axis, 0)
    assert np.allclose(r, g) and np.allclose(g, b)


@pytest.mark.parametrize("factor", [-0.1, 1.1])
def test_invalid_factor(factor):
    with pytest.raises(ValueError):
        call(make("RandomGrayscale", factor=factor), RNG.random((1, 2, 2, 3)), training=True)


@pytest.mark.parametrize(
    "shape, data_format",
    [
        ((1, 4, 4, 3), "channels_last"),
        ((1, 3, 4, 4), "channels_first"),
        ((4, 4, 3), "channels_last"),
        ((3, 4, 4), "channels_first"),
    ],
)
def test_single_colour_stays_single_colour(shape, data_format):
    x = np.full(shape, 128, np.float32)
    if x.ndim == 3:  # a single image goes in as a batch of one (rows are samples)
        x = x[np.newaxis]
    out = call(make("RandomGrayscale", factor=1.0, data_format=data_format), x, training=True)
    assert len(np.unique(out)) == 1
