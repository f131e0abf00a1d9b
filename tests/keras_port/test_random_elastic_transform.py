"""Port of keras/src/layers/preprocessing/image_preprocessing/random_elastic_transform_test.py."""

import numpy as np
import pytest

from ._adapter import call, make

RNG = np.random.default_rng(3481)


def test_shape():
    layer = make(
        "RandomElasticTransform",
        factor=1.0,
        scale=0.5,
        interpolation="bilinear",
        fill_mode="reflect",
        fill_value=0,
        value_range=(0, 255),
        seed=1,
    )
    x = RNG.uniform(0, 255, (8, 3, 4, 3))
    assert call(layer, x, training=True).shape == x.shape


def test_inference_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_allclose(call(make("RandomElasticTransform"), x), x)


@pytest.mark.parametrize("kwargs", [{"factor": 0}, {"scale": 0}])
def test_no_op_settings(kwargs):
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    out = call(make("RandomElasticTransform", **kwargs), x, training=True)
    np.testing.assert_allclose(out, x)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_distorts_a_square(data_format):
    x = np.zeros((1, 32, 32, 1))
    x[:, 12:20, 12:20] = 255.0
    if data_format == "channels_first":
        x = np.moveaxis(x, -1, 1)
    out = call(
        make("RandomElasticTransform", factor=1.0, scale=1.0, seed=42, data_format=data_format),
        x,
        training=True,
    )
    assert out.shape == x.shape and not np.allclose(out, x)
