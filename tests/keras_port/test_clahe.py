"""Port of keras/src/layers/preprocessing/image_preprocessing/clahe_test.py."""

import numpy as np
import pytest

from ._adapter import call, make

NAME = "ContrastLimitedAdaptiveHistogramEqualization"
RNG = np.random.default_rng(0)


def _in_range(x, lo, hi):
    assert x.min() >= lo and x.max() <= hi


@pytest.mark.parametrize(
    "data_format, shape", [("channels_last", (1, 4, 4, 3)), ("channels_first", (1, 3, 4, 4))]
)
def test_shape(data_format, shape):
    layer = make(NAME, value_range=(0, 255), data_format=data_format, tile_grid_size=(2, 2))
    assert call(layer, RNG.uniform(0, 255, shape)).shape == shape


def test_range_and_shape():
    x = RNG.uniform(0, 255, (2, 64, 64, 3)).astype(np.float32)
    out = call(make(NAME, value_range=(0, 255)), x)
    assert out.shape == x.shape
    _in_range(out, 0, 255)


@pytest.mark.parametrize("dtype", [np.float32, np.int32, np.int64])
def test_input_dtypes(dtype):
    x = RNG.uniform(0, 255, (2, 32, 32, 3)).astype(dtype)
    _in_range(call(make(NAME, value_range=(0, 255)), x), 0, 255)


@pytest.mark.parametrize("lo, hi", [(0, 255), (0, 1)])
def test_output_range(lo, hi):
    x = RNG.uniform(lo, hi, (2, 32, 32, 3)).astype(np.float32)
    _in_range(call(make(NAME, value_range=(lo, hi)), x), lo, hi)


def test_grayscale():
    out = call(make(NAME, value_range=(0, 255)), RNG.uniform(0, 255, (2, 32, 32, 1)))
    assert out.shape[-1] == 1
    _in_range(out, 0, 255)
