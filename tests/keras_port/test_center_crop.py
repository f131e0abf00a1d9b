"""Port of keras/src/layers/preprocessing/image_preprocessing/center_crop_test.py
(bounding-box cases are out of scope)."""

import numpy as np
import pytest

from ._adapter import call, make

RNG = np.random.default_rng(0)


def _centre(img, h, w):
    H, W = img.shape[-3:-1]
    top, left = (H - h) // 2, (W - w) // 2
    return img[..., top : top + h, left : left + w, :]


@pytest.mark.parametrize(
    "data_format, shape, expected",
    [
        ("channels_last", (2, 12, 12, 3), (2, 6, 6, 3)),
        ("channels_first", (2, 3, 13, 13), (2, 3, 7, 7)),
    ],
)
def test_shapes(data_format, shape, expected):
    h = expected[1] if data_format == "channels_last" else expected[2]
    out = call(make("CenterCrop", h, h, data_format=data_format), RNG.random(shape))
    assert out.shape == expected


@pytest.mark.parametrize(
    "size, data_format",
    [
        ((5, 7), "channels_first"),
        ((5, 7), "channels_last"),
        ((4, 9), "channels_first"),
        ((9, 4), "channels_last"),
    ],
)
@pytest.mark.parametrize("batched", [True, False])
@pytest.mark.filterwarnings("ignore:X of shape")
def test_correctness(size, data_format, batched):
    if not batched and data_format == "channels_last":
        pytest.xfail("a rank-3 array is n single-channel images (rows are samples)")
    img = RNG.random((2, 9, 11, 3) if batched else (9, 11, 3))
    ref = _centre(img, *size)
    if data_format == "channels_first":
        img, ref = np.moveaxis(img, -1, -3), np.moveaxis(ref, -1, -3)
    out = call(make("CenterCrop", *size, data_format=data_format), img)
    np.testing.assert_allclose(out, ref, rtol=1e-6)


@pytest.mark.parametrize(
    "size, data_format", [((15, 10), "channels_first"), ((10, 17), "channels_last")]
)
@pytest.mark.parametrize("batched", [True, False])
@pytest.mark.filterwarnings("ignore:X of shape")
def test_smaller_input_equals_crop_to_aspect_resize(size, data_format, batched):
    img = RNG.random((2, 9, 11, 3) if batched else (9, 11, 3))
    if data_format == "channels_first":
        img = np.moveaxis(img, -1, -3)
    out = call(make("CenterCrop", *size, data_format=data_format), img)
    ref = call(make("Resizing", *size, data_format=data_format, crop_to_aspect_ratio=True), img)
    np.testing.assert_allclose(out, ref, rtol=1e-5)


@pytest.mark.parametrize("size", [(5, 17), (5, 100)])
def test_stretch_equals_crop_to_aspect_resize(size):
    img = RNG.random((2, 11, 3, 9))
    out = call(make("CenterCrop", *size), img)
    ref = call(make("Resizing", *size, crop_to_aspect_ratio=True), img)
    np.testing.assert_allclose(out, ref, rtol=1e-5)
