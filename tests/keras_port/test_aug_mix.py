"""Port of keras/src/layers/preprocessing/image_preprocessing/aug_mix_test.py."""

import numpy as np
import pytest

from ._adapter import call, make

RNG = np.random.default_rng(3481)


def test_shape():
    layer = make(
        "AugMix",
        value_range=(0, 255),
        num_chains=2,
        chain_depth=2,
        factor=1,
        alpha=1.0,
        all_ops=True,
        interpolation="nearest",
        seed=43,
    )
    x = RNG.uniform(0, 255, (8, 3, 4, 3))
    assert call(layer, x, training=True).shape == x.shape


def test_inference_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_allclose(call(make("AugMix"), x), x)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_changes_the_image(data_format):
    x = RNG.random((2, 8, 8, 3) if data_format == "channels_last" else (2, 3, 8, 8))
    out = call(
        make("AugMix", num_chains=11, all_ops=True, data_format=data_format, seed=0),
        x,
        training=True,
    )
    assert not np.allclose(out, x)
