"""Port of keras/src/layers/preprocessing/image_preprocessing/random_rotation_test.py."""

import numpy as np
import pytest

from ._adapter import call, make

GRID = np.arange(25).reshape(1, 5, 5, 1)
HALF_TURN = np.arange(24, -1, -1).reshape(1, 5, 5, 1)


@pytest.mark.parametrize("factor", [-0.4, -0.2, 0.4, 0.2, (-0.2, 0.4)])
def test_shapes(factor):
    x = np.random.default_rng(0).random((2, 3, 4, 1))
    assert call(make("RandomRotation", factor=factor), x, training=True).shape == (2, 3, 4, 1)


def test_half_turn():
    out = call(make("RandomRotation", factor=(0.5, 0.5)), GRID, training=True)
    np.testing.assert_allclose(out, HALF_TURN, atol=1e-5)


def test_half_turn_channels_first():
    out = call(
        make("RandomRotation", factor=(0.5, 0.5), data_format="channels_first"),
        GRID.reshape(1, 1, 5, 5),
        training=True,
    )
    np.testing.assert_allclose(out, HALF_TURN.reshape(1, 1, 5, 5), atol=1e-5)


@pytest.mark.xfail(strict=True, reason="a rank-3 array is n single-channel images")
@pytest.mark.filterwarnings("ignore:X of shape")
def test_half_turn_unbatched():
    out = call(make("RandomRotation", factor=(0.5, 0.5)), GRID[0], training=True)
    np.testing.assert_allclose(out, HALF_TURN[0], atol=1e-5)


def test_inference_is_identity():
    np.testing.assert_allclose(call(make("RandomRotation", factor=(0.5, 0.5)), GRID), GRID)
