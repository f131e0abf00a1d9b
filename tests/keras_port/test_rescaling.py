"""Port of keras/src/layers/preprocessing/rescaling_test.py."""

import numpy as np
import pytest

from ._adapter import call, config, from_config, make


@pytest.mark.parametrize(
    "scale, offset", [(1 / 255, 0.5), (2, 0.5), (1.0, 2), (np.array(1 / 255), np.array(0.5))]
)
def test_shape_and_values(scale, offset):
    x = np.random.default_rng(0).random((2, 3))
    out = call(make("Rescaling", scale=scale, offset=offset), x)
    assert out.shape == (2, 3)
    np.testing.assert_allclose(out, x * float(scale) + float(offset), rtol=1e-6)


def test_integer_input_gives_float():
    x = np.arange(6, dtype=np.int16).reshape(2, 3)
    out = call(make("Rescaling", scale=1 / 255, offset=0.5), x)
    assert out.shape == (2, 3)
    assert np.issubdtype(out.dtype, np.floating)
    np.testing.assert_allclose(out, x / 255 + 0.5, rtol=1e-6)


def test_correctness_on_images():
    x = np.random.default_rng(1).random((3, 10, 10, 3)) * 255
    out = call(make("Rescaling", scale=1 / 255, offset=0.5), x)
    np.testing.assert_allclose(out, x / 255 + 0.5, rtol=1e-5)


def test_vector_scale_per_channel():
    x = np.random.default_rng(2).random((2, 10, 10, 3)) * 255
    scale = [1 / 255, 1.5 / 255, 2 / 255]
    out = call(make("Rescaling", scale=scale, offset=0.5), x)
    np.testing.assert_allclose(out, x * np.array(scale) + 0.5, rtol=1e-5)


def test_config_round_trip():
    layer = make("Rescaling", scale=1 / 255, offset=0.5)
    assert config(from_config(layer)) == config(layer)
