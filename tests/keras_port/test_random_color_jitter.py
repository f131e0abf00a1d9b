"""Port of keras/src/layers/preprocessing/image_preprocessing/random_color_jitter_test.py.

Keras checks that each single-factor jitter equals the matching layer with the same seed.
With a degenerate factor range (no draw left to make) that holds for skprep too; the
contrast case still draws (``[1 - 0.5, 1 + 0.5]``), so it is compared with the same seed.
"""

import numpy as np
import pytest

from ._adapter import call, make

RNG = np.random.default_rng(2390)
X = RNG.random((12, 8, 16, 3)) * 255


def test_shape():
    layer = make(
        "RandomColorJitter",
        value_range=(20, 200),
        brightness_factor=0.2,
        contrast_factor=0.2,
        saturation_factor=0.2,
        hue_factor=0.2,
        seed=1,
    )
    x = RNG.uniform(20, 200, (8, 3, 4, 3))
    assert call(layer, x, training=True).shape == x.shape


def test_inference_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    layer = make(
        "RandomColorJitter",
        value_range=(0, 1),
        brightness_factor=0.1,
        contrast_factor=0.2,
        saturation_factor=0.9,
        hue_factor=0.1,
    )
    np.testing.assert_allclose(call(layer, x), x)


@pytest.mark.parametrize(
    "jitter_arg, layer_name",
    [
        ("brightness_factor", "RandomBrightness"),
        ("saturation_factor", "RandomSaturation"),
        ("hue_factor", "RandomHue"),
        ("contrast_factor", "RandomContrast"),
    ],
)
def test_single_factor_equals_the_single_layer(jitter_arg, layer_name):
    jitter = call(
        make("RandomColorJitter", **{jitter_arg: [0.5, 0.5]}, seed=2390), X, training=True
    )
    single = call(make(layer_name, factor=[0.5, 0.5], seed=2390), X, training=True)
    np.testing.assert_allclose(jitter, single, rtol=1e-5, atol=1e-3)
