"""Port of keras/src/layers/preprocessing/image_preprocessing/resizing_test.py
(bounding-box cases are out of scope: skprep has no bounding-box support)."""

import numpy as np
import pytest

from ._adapter import call, keras_call, keras_layers, make


def _layout(img, data_format):
    return img if data_format == "channels_last" else np.moveaxis(img, -1, -3)


@pytest.mark.parametrize("interpolation", ["nearest", "bilinear", "bicubic", "lanczos5"])
@pytest.mark.parametrize("crop_pad", [(False, False), (True, False), (False, True)])
@pytest.mark.parametrize("antialias", [False, True])
@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_shapes(interpolation, crop_pad, antialias, data_format):
    x = _layout(np.random.default_rng(0).random((2, 12, 12, 3)), data_format)
    layer = make(
        "Resizing",
        height=6,
        width=6,
        interpolation=interpolation,
        crop_to_aspect_ratio=crop_pad[0],
        pad_to_aspect_ratio=crop_pad[1],
        antialias=antialias,
        data_format=data_format,
    )
    assert call(layer, x).shape == _layout(np.zeros((2, 6, 6, 3)), data_format).shape


GRID = np.arange(16, dtype=np.float32).reshape(1, 4, 4, 1)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_nearest_down_sampling(data_format):
    out = call(
        make("Resizing", 2, 2, interpolation="nearest", data_format=data_format),
        _layout(GRID, data_format),
    )
    expected = np.array([[5, 7], [13, 15]], np.float32).reshape(1, 2, 2, 1)
    np.testing.assert_allclose(out, _layout(expected, data_format))


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_nearest_up_sampling(data_format):
    img = np.arange(4, dtype=np.float32).reshape(1, 2, 2, 1)
    out = call(
        make("Resizing", 4, 4, interpolation="nearest", data_format=data_format),
        _layout(img, data_format),
    )
    expected = np.array(
        [[0, 0, 1, 1], [0, 0, 1, 1], [2, 2, 3, 3], [2, 2, 3, 3]], np.float32
    ).reshape(1, 4, 4, 1)
    np.testing.assert_allclose(out, _layout(expected, data_format))


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_crop_to_aspect_ratio(data_format):
    out = call(
        make(
            "Resizing",
            4,
            2,
            interpolation="nearest",
            data_format=data_format,
            crop_to_aspect_ratio=True,
        ),
        _layout(GRID, data_format),
    )
    expected = np.array([[1, 2], [5, 6], [9, 10], [13, 14]], np.float32).reshape(1, 4, 2, 1)
    np.testing.assert_allclose(out, _layout(expected, data_format))


@pytest.mark.parametrize(
    "data_format",
    [
        pytest.param(
            "channels_last",
            marks=pytest.mark.xfail(
                strict=True, reason="a rank-3 array is n single-channel images"
            ),
        ),
        "channels_first",
    ],
)
@pytest.mark.filterwarnings("ignore:X of shape")
def test_unbatched_image(data_format):
    out = call(
        make("Resizing", 2, 2, interpolation="nearest", data_format=data_format),
        _layout(GRID[0], data_format),
    )
    expected = np.array([[5, 7], [13, 15]], np.float32).reshape(2, 2, 1)
    np.testing.assert_allclose(out, _layout(expected, data_format))


def test_default_output_shape():
    assert call(make("Resizing", 8, 9), np.random.default_rng(0).random((2, 10, 12, 3))).shape == (
        2,
        8,
        9,
        3,
    )


@pytest.mark.parametrize("size", [(15, 10), (15, 100)])
def test_crop_to_aspect_ratio_stretches_thin_images(size):
    out = call(
        make("Resizing", *size, crop_to_aspect_ratio=True),
        np.random.default_rng(0).random((1, 1, 4, 4)),
    )
    assert out.shape == (1, *size, 4)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"interpolation": "bilinear"},
        {"interpolation": "bicubic"},
        {"interpolation": "nearest", "crop_to_aspect_ratio": True},
        {"interpolation": "bilinear", "pad_to_aspect_ratio": True},
    ],
)
def test_live_matches_keras(kwargs):
    layers = keras_layers()
    x = np.random.default_rng(5).uniform(0, 255, (2, 13, 9, 3)).astype(np.float32)
    expected = keras_call(layers.Resizing(7, 11, **kwargs), x)
    np.testing.assert_allclose(
        call(make("Resizing", 7, 11, **kwargs), x), expected, rtol=1e-4, atol=1e-3
    )
