"""Port of keras/src/layers/preprocessing/image_preprocessing/auto_contrast_test.py."""

import numpy as np

from ._adapter import call, make


def _column(values, dtype="float32"):
    # one image of shape (len(values), 1, 1)
    return np.asarray(values, dtype=dtype)[None, :, None, None]


def test_shape():
    x = np.random.default_rng(0).uniform(20, 200, (8, 3, 4, 3))
    assert call(make("AutoContrast", value_range=(20, 200)), x).shape == (8, 3, 4, 3)


def test_constant_channel_is_not_nan():
    out = call(make("AutoContrast", value_range=(0, 255)), _column([1, 1]))
    assert not np.isnan(out).any()
    assert np.any(out[0] == 1.0)


def test_expands_to_the_value_range():
    for dtype in ("float32", "uint8"):
        out = call(make("AutoContrast", value_range=(0, 255)), _column([0, 128], dtype))
        assert np.any(out[0] == 0) and np.any(out[0] == 255)


def test_each_channel_is_stretched_on_its_own():
    img = np.array([[[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]]], dtype="float32")
    out = call(make("AutoContrast", value_range=(0, 255)), img)
    expected = [[[[0, 0, 0], [85, 85, 85]], [[170, 170, 170], [255, 255, 255]]]]
    np.testing.assert_allclose(out, expected, atol=1e-4)


def test_unit_value_range():
    out = call(make("AutoContrast", value_range=(0, 1)), _column([0, 0.5]))
    np.testing.assert_allclose(out[0], [[[0.0]], [[1.0]]])
