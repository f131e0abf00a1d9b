"""Port of keras/src/layers/preprocessing/image_preprocessing/rand_augment_test.py."""

import numpy as np
import pytest

from ._adapter import call, make

RNG = np.random.default_rng(3481)
FORMATS = [("channels_last", (2, 8, 8, 3)), ("channels_first", (2, 3, 8, 8))]


def test_shape():
    layer = make(
        "RandAugment", value_range=(0, 255), num_ops=2, factor=1, interpolation="nearest", seed=1
    )
    x = RNG.uniform(0, 255, (8, 3, 4, 3))
    assert call(layer, x, training=True).shape == x.shape


def test_inference_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_allclose(call(make("RandAugment"), x), x)


@pytest.mark.parametrize("data_format, shape", FORMATS)
def test_basic_shape(data_format, shape):
    x = RNG.random(shape)
    assert call(make("RandAugment", data_format=data_format), x, training=True).shape == shape


@pytest.mark.parametrize("data_format, shape", FORMATS)
def test_no_operations_is_identity(data_format, shape):
    x = RNG.random(shape)
    out = call(make("RandAugment", num_ops=0, data_format=data_format), x, training=True)
    np.testing.assert_allclose(out, x, atol=1e-6)


@pytest.mark.parametrize("data_format, shape", FORMATS)
def test_many_operations_change_the_image(data_format, shape):
    x = RNG.random(shape)
    out = call(make("RandAugment", num_ops=11, data_format=data_format, seed=0), x, training=True)
    assert not np.allclose(out, x)
