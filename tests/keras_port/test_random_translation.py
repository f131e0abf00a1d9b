"""Port of keras/src/layers/preprocessing/image_preprocessing/random_translation_test.py
(bounding-box cases are out of scope)."""

import numpy as np
import pytest

from ._adapter import call, make

GRID = np.arange(25, dtype=np.float32).reshape(5, 5)
ROWS = [GRID[i] for i in range(5)]
ZERO = np.zeros(5)


@pytest.mark.parametrize("h, w", [(0.4, 0.6), (0.3, 0.2), ((-0.5, 0.4), (0.2, 0.3))])
def test_shapes(h, w):
    x = np.random.default_rng(0).random((2, 3, 4, 1))
    assert call(make("RandomTranslation", h, w), x, training=True).shape == x.shape


@pytest.mark.parametrize("h", [[0.1, 0.2, 0.3], {"dummy": 0.3}, -1.1, (-1.1, 0.0)])
def test_bad_factor_raises(h):
    with pytest.raises((ValueError, TypeError)):
        call(make("RandomTranslation", h, 0.0), np.zeros((2, 3, 4, 1)), training=True)


def test_inference_is_identity():
    x = np.random.default_rng(0).random((1, 4, 4, 3))
    np.testing.assert_allclose(call(make("RandomTranslation", 0.2, 0.1), x), x)


CASES = [
    ((-0.2, -0.2), "reflect", ROWS[1:] + [ROWS[4]]),
    ((-0.2, -0.2), "constant", ROWS[1:] + [ZERO]),
    ((0.2, 0.2), "reflect", [ROWS[0]] + ROWS[:4]),
    ((0.2, 0.2), "constant", [ZERO] + ROWS[:4]),
]


@pytest.mark.parametrize("data_format", ["channels_first", "channels_last"])
@pytest.mark.parametrize("factor, fill_mode, rows", CASES)
def test_vertical_shift_values(data_format, factor, fill_mode, rows):
    shape = (1, 5, 5, 1) if data_format == "channels_last" else (1, 1, 5, 5)
    layer = make("RandomTranslation", factor, 0.0, fill_mode=fill_mode, data_format=data_format)
    out = call(layer, GRID.reshape(shape), training=True)
    np.testing.assert_allclose(out, np.array(rows).reshape(shape), atol=1e-5)
