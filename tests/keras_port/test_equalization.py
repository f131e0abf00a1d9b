"""Port of keras/src/layers/preprocessing/image_preprocessing/equalization_test.py."""

import numpy as np
import pytest

from ._adapter import call, make

RNG = np.random.default_rng(42)


def _in_range(x, lo, hi):
    assert x.min() >= lo and x.max() <= hi


@pytest.mark.parametrize(
    "data_format, shape", [("channels_last", (1, 2, 2, 3)), ("channels_first", (1, 3, 2, 2))]
)
def test_shape(data_format, shape):
    x = RNG.uniform(0, 255, shape)
    assert (
        call(make("Equalization", value_range=(0, 255), data_format=data_format), x).shape == shape
    )


@pytest.mark.parametrize("dtype", [np.float32, np.int32, np.int64])
def test_reaches_every_bin(dtype):
    x = RNG.uniform(0, 255, (2, 128, 128, 3)).astype(dtype)
    out = call(make("Equalization", value_range=(0, 255)), x)
    assert set(np.unique(np.round(out)).astype(int)) == set(range(256))
    _in_range(out, 0, 255)


@pytest.mark.parametrize("lo, hi", [(0, 255), (0, 1)])
def test_output_range(lo, hi):
    x = RNG.uniform(lo, hi, (2, 64, 64, 3)).astype(np.float32)
    _in_range(call(make("Equalization", value_range=(lo, hi)), x), lo, hi)


def test_constant_regions_stay_distinct():
    x = np.zeros((1, 64, 64, 3), np.float32)
    x[:, :21] = 50
    x[:, 21:42] = 100
    x[:, 42:] = 200
    out = call(make("Equalization", value_range=(0, 255)), x)
    assert len(np.unique(out)) >= 3
    _in_range(out, 0, 255)


def test_grayscale_both_layouts():
    out = call(
        make("Equalization", value_range=(0, 255)),
        RNG.uniform(0, 255, (2, 64, 64, 1)).astype(np.float32),
    )
    assert out.shape[-1] == 1
    _in_range(out, 0, 255)
    out = call(
        make("Equalization", value_range=(0, 255), data_format="channels_first"),
        RNG.uniform(0, 255, (2, 1, 64, 64)).astype(np.float32),
    )
    assert out.shape[1] == 1
    _in_range(out, 0, 255)


@pytest.mark.parametrize(
    "data_format, shape", [("channels_last", (1, 64, 64, 3)), ("channels_first", (1, 3, 64, 64))]
)
def test_single_colour_image_unchanged(data_format, shape):
    out = call(
        make("Equalization", value_range=(0, 255), data_format=data_format),
        np.full(shape, 128, np.float32),
    )
    np.testing.assert_allclose(out, 128.0)


@pytest.mark.parametrize("bins", [16, 64, 128, 256])
def test_bin_counts(bins):
    x = RNG.uniform(0, 255, (1, 64, 64, 3)).astype(np.float32)
    _in_range(call(make("Equalization", value_range=(0, 255), bins=bins), x), 0, 255)
