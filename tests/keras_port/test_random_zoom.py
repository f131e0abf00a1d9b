"""Port of keras/src/layers/preprocessing/image_preprocessing/random_zoom_test.py
(bounding-box cases are out of scope)."""

import numpy as np
import pytest

from ._adapter import call, make

GRID = np.arange(25, dtype=np.float32).reshape(1, 5, 5, 1)


_REVERSED = pytest.mark.xfail(strict=True, reason="a factor pair with lower > upper raises")


@pytest.mark.parametrize(
    "h, w",
    [
        (-0.4, -0.6),
        (-0.2, -0.3),
        pytest.param((-0.4, -0.5), (-0.2, -0.3), marks=_REVERSED),
        (0.4, 0.6),
        (0.2, 0.3),
        ((0.4, 0.5), (0.2, 0.3)),
    ],
)
def test_shapes(h, w):
    x = np.random.default_rng(0).random((2, 3, 4, 1))
    assert call(make("RandomZoom", h, w), x, training=True).shape == x.shape


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_zoom_out_bilinear(data_format):
    expected = np.array(
        [
            [0, 0, 0, 0, 0],
            [0, 2.7, 4.5, 6.3, 0],
            [0, 10.2, 12.0, 13.8, 0],
            [0, 17.7, 19.5, 21.3, 0],
            [0, 0, 0, 0, 0],
        ]
    )
    shape = (1, 5, 5, 1) if data_format == "channels_last" else (1, 1, 5, 5)
    layer = make(
        "RandomZoom",
        (0.5, 0.5),
        (0.8, 0.8),
        interpolation="bilinear",
        fill_mode="constant",
        data_format=data_format,
    )
    out = call(layer, GRID.reshape(shape), training=True)
    np.testing.assert_allclose(out, expected.reshape(shape), atol=1e-4)


def test_zoom_in_bilinear():
    expected = np.array(
        [
            [6.0, 6.5, 7.0, 7.5, 8.0],
            [8.5, 9.0, 9.5, 10.0, 10.5],
            [11.0, 11.5, 12.0, 12.5, 13.0],
            [13.5, 14.0, 14.5, 15.0, 15.5],
            [16.0, 16.5, 17.0, 17.5, 18.0],
        ]
    )
    layer = make(
        "RandomZoom", (-0.5, -0.5), (-0.5, -0.5), interpolation="bilinear", fill_mode="constant"
    )
    np.testing.assert_allclose(
        call(layer, GRID, training=True), expected.reshape(1, 5, 5, 1), atol=1e-4
    )


def test_zoom_out_nearest():
    expected = np.array(
        [[0, 0, 0, 0, 0], [0, 5, 7, 9, 0], [0, 10, 12, 14, 0], [0, 20, 22, 24, 0], [0, 0, 0, 0, 0]]
    )
    layer = make(
        "RandomZoom", (0.5, 0.5), (0.8, 0.8), interpolation="nearest", fill_mode="constant"
    )
    np.testing.assert_allclose(call(layer, GRID, training=True), expected.reshape(1, 5, 5, 1))


def test_inference_is_identity():
    np.testing.assert_allclose(call(make("RandomZoom", 0.5, 0.5), GRID), GRID)
