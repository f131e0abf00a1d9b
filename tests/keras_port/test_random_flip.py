"""Port of keras/src/layers/preprocessing/image_preprocessing/random_flip_test.py.

Keras's test forces the draw with a mock; the port makes every draw flip by asking for
many images and checking each is either unchanged or exactly mirrored, and that both occur.
"""

import numpy as np
import pytest

from ._adapter import call, make


@pytest.mark.parametrize("mode", ["horizontal", "vertical", "horizontal_and_vertical"])
def test_shape(mode):
    x = np.random.default_rng(0).random((2, 3, 4, 1))
    assert call(make("RandomFlip", mode=mode), x, training=True).shape == (2, 3, 4, 1)


def _outcomes(mode, x):
    out = call(make("RandomFlip", mode=mode, seed=42), x, training=True)
    flips = {"horizontal": lambda a: a[:, ::-1], "vertical": lambda a: a[::-1]}
    seen = set()
    for src, dst in zip(x, out):
        if np.array_equal(src, dst):
            seen.add("none")
        elif np.array_equal(flips[mode](src), dst):
            seen.add("flip")
        else:
            raise AssertionError("output is neither the image nor its mirror")
    return seen


def test_horizontal_flip_values():
    x = np.tile(np.asarray([[[2, 3, 4], [5, 6, 7]]])[None], (32, 1, 1, 1))
    assert _outcomes("horizontal", x) == {"none", "flip"}
    out = np.asarray([[[5, 6, 7], [2, 3, 4]]])
    assert any(
        np.array_equal(o, out)
        for o in call(make("RandomFlip", mode="horizontal", seed=0), x, training=True)
    )


def test_vertical_flip_values():
    x = np.tile(np.asarray([[[2, 3, 4]], [[5, 6, 7]]])[None], (32, 1, 1, 1))
    assert _outcomes("vertical", x) == {"none", "flip"}


def test_inference_is_identity():
    x = np.random.default_rng(0).random((4, 3, 4, 3))
    np.testing.assert_allclose(call(make("RandomFlip"), x), x, atol=1e-6)
