"""Port of keras/src/layers/preprocessing/image_preprocessing/mix_up_test.py.

Keras drives ``transform_images`` with a hand-written transformation; the port checks the
same facts through ``fit_transform``: each output is a convex mix of two input images.
"""

import numpy as np

from ._adapter import call, make

RNG = np.random.default_rng(3481)


def test_shape():
    x = RNG.random((8, 3, 4, 3))
    assert call(make("MixUp", alpha=0.2), x, training=True).shape == (8, 3, 4, 3)


def test_inference_is_identity():
    x = RNG.integers(0, 255, size=(2, 32, 32, 3))
    np.testing.assert_allclose(call(make("MixUp", alpha=0.2), x), x)


def test_training_mixes_images():
    x = RNG.random((4, 16, 16, 3))
    out = call(make("MixUp", alpha=0.2, seed=0), x, training=True)
    assert out.shape == x.shape
    assert not np.allclose(out, x)
    # every output lies within the per-pixel hull of the batch
    assert np.all(out >= x.min(axis=0) - 1e-6) and np.all(out <= x.max(axis=0) + 1e-6)


def test_single_image_mixes_with_itself():
    x = RNG.random((1, 16, 16, 3))
    np.testing.assert_allclose(
        call(make("MixUp", alpha=1.0, seed=0), x, training=True), x, rtol=1e-5
    )


def test_channels_first():
    x = RNG.random((4, 3, 16, 16))
    out = call(make("MixUp", alpha=0.2, seed=0, data_format="channels_first"), x, training=True)
    assert out.shape == x.shape and not np.allclose(out, x)
