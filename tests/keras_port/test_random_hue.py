"""Port of keras/src/layers/preprocessing/image_preprocessing/random_hue_test.py."""

import numpy as np
import pytest

from ._adapter import call, make

RNG = np.random.default_rng(3481)


def test_shape():
    x = RNG.uniform(20, 200, (8, 3, 4, 3))
    layer = make("RandomHue", factor=0.75, value_range=(20, 200), seed=1)
    assert call(layer, x, training=True).shape == x.shape


def test_inference_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_allclose(call(make("RandomHue", 0.2, [0, 1.0]), x), x)


@pytest.mark.parametrize("top", [1, 255])
def test_stays_in_range(top):
    x = RNG.uniform(0, top, (2, 3, 3, 3))
    out = call(make("RandomHue", 0.2, (0, top)), x, training=True)
    assert out.min() >= 0 and out.max() <= top


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_zero_factor_is_identity(data_format):
    x = RNG.integers(
        0, 255, (2, 16, 16, 3) if data_format == "channels_last" else (2, 3, 16, 16)
    ).astype(np.float32)
    out = call(make("RandomHue", 0, (0, 255), data_format=data_format), x, training=True)
    np.testing.assert_allclose(out, x, atol=1e-3, rtol=1e-5)


def test_changes_the_image():
    x = RNG.uniform(0, 1, (2, 3, 3, 3))
    assert not np.allclose(call(make("RandomHue", 0.2, (0, 255), seed=0), x, training=True), x)
