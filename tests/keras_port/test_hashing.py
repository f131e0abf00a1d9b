"""Port of keras/src/layers/preprocessing/hashing_test.py.

Expected bins are the ones Keras's own test asserts (FarmHash64 without salt, SipHash-2-4
with a salt), written out here so the port needs no Keras.
"""

import numpy as np
import pytest

from ._adapter import call, config, from_config, keras_call, keras_layers, make

LETTERS = np.array([["A"], ["B"], ["C"], ["D"], ["E"]])
NAMES = np.array([["omar"], ["stringer"], ["marlo"], ["wire"], ["skywalker"]])
INTS = np.array([[0], [1], [2], [3], [4]])


@pytest.mark.parametrize(
    "kwargs, x, expected",
    [
        ({"num_bins": 3}, LETTERS, [1, 0, 1, 1, 2]),
        ({"num_bins": 3, "mask_value": ""}, [["A"], ["B"], [""], ["C"], ["D"]], [1, 1, 0, 2, 2]),
        ({"num_bins": 3, "salt": [133, 137]}, LETTERS, [1, 2, 1, 0, 2]),
        ({"num_bins": 3, "salt": 133}, LETTERS, [0, 0, 2, 1, 0]),
        ({"num_bins": 1}, LETTERS, [0, 0, 0, 0, 0]),
        ({"num_bins": 2}, NAMES, [0, 0, 1, 0, 0]),
        ({"num_bins": 3, "mask_value": ""}, NAMES, [1, 1, 2, 1, 1]),
        ({"num_bins": 3, "mask_value": "omar"}, NAMES, [0, 1, 2, 1, 1]),
        ({"num_bins": 3}, INTS, [1, 0, 1, 0, 2]),
        ({"num_bins": 2, "salt": [133, 137]}, NAMES, [0, 1, 0, 1, 0]),
        ({"num_bins": 2, "salt": [211, 137]}, NAMES, [1, 0, 1, 0, 1]),
        ({"num_bins": 3, "salt": [133, 137]}, INTS, [1, 1, 2, 0, 1]),
    ],
)
def test_correctness(kwargs, x, expected):
    out = call(make("Hashing", **kwargs), np.asarray(x))
    np.testing.assert_array_equal(out, np.array(expected)[:, None])


class _ArrayLike:
    def __init__(self, values):
        self.values = values

    def __array__(self, dtype=None, copy=None):
        return np.array(self.values)


@pytest.mark.parametrize("wrap", [list, tuple, np.array, _ArrayLike])
def test_tensor_like_inputs(wrap):
    out = call(make("Hashing", num_bins=3), wrap([0, 1, 2, 3, 4]))
    np.testing.assert_array_equal(np.ravel(out), [1, 0, 1, 0, 2])


def test_list_of_strings_1d_and_2d():
    layer = make("Hashing", num_bins=2)
    np.testing.assert_array_equal(call(layer, NAMES.tolist()), [[0], [0], [1], [0], [0]])
    np.testing.assert_array_equal(
        call(make("Hashing", num_bins=2), ["omar", "stringer", "marlo", "wire", "skywalker"]),
        [0, 0, 1, 0, 0],
    )


@pytest.mark.parametrize(
    "x",
    [[1, 2, 3], [[1], [2], [3]], [[1, 2], [2, 3], [3, 4]], [[[1], [2]], [[2], [3]], [[3], [4]]]],
)
def test_list_input_keeps_shape(x):
    out = call(make("Hashing", num_bins=2), x)
    assert out.shape == np.shape(x)
    np.testing.assert_array_equal(out, np.ones(np.shape(x)))


@pytest.mark.parametrize(
    "kwargs",
    [
        {"num_bins": None},
        {"num_bins": -1},
        {"num_bins": 0},
        {"num_bins": 2, "salt": "string"},
        {"num_bins": 2, "salt": [1]},
        {"num_bins": 1, "salt": [133, 137, 177]},
        {"num_bins": 3, "output_mode": "unsupported_mode"},
    ],
)
def test_invalid_arguments_raise(kwargs):
    with pytest.raises(ValueError):
        call(make("Hashing", **kwargs), INTS)


@pytest.mark.xfail(strict=True, reason="sparse (default True) only shapes encoded outputs")
def test_sparse_with_int_mode_raises():
    with pytest.raises(ValueError, match="sparse"):
        call(make("Hashing", num_bins=3, output_mode="int", sparse=True), INTS)


def test_one_hot_output():
    out = call(make("Hashing", num_bins=3, output_mode="one_hot"), np.array([0, 1, 2, 3, 4]))
    expected = [[0, 1, 0], [1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 0, 1]]
    np.testing.assert_allclose(out, expected)
    assert out.dtype == np.float32


def test_multi_hot_output():
    out = call(make("Hashing", num_bins=3, output_mode="multi_hot"), np.array([[0, 1, 2, 3, 4]]))
    np.testing.assert_allclose(out, [[1, 1, 1]])


def test_count_output_2d():
    out = call(make("Hashing", num_bins=3, output_mode="count"), np.array([[0, 1, 2, 3, 4]]))
    np.testing.assert_allclose(out, [[2, 2, 1]])


@pytest.mark.xfail(strict=True, reason="row contract: a 1-D count input is refused")
def test_count_output_1d_is_one_sample():
    out = call(make("Hashing", num_bins=3, output_mode="count"), np.array([0, 1, 2, 3, 4]))
    np.testing.assert_allclose(out, [2, 2, 1])


@pytest.mark.parametrize("mode", ["int", "one_hot", "multi_hot", "count"])
@pytest.mark.parametrize("shape", [(4,), (4, 1), (3, 4)])
def test_output_shapes(mode, shape):
    if mode in ("multi_hot", "count") and len(shape) == 1:
        pytest.skip("1-D multi_hot/count input is refused (row contract), see above")
    x = np.arange(int(np.prod(shape))).reshape(shape)
    # a 3-D one_hot output cannot be a sparse matrix: ask for dense, as Keras returns
    out = call(make("Hashing", num_bins=5, output_mode=mode, sparse=False), x)
    if mode == "int":
        assert out.shape == shape
    elif mode == "one_hot" and len(shape) == 2 and shape[1] > 1:
        assert out.shape == (*shape, 5)
    else:
        assert out.shape == (shape[0], 5)


def test_int_output_dtype_is_integer():
    out = call(make("Hashing", num_bins=3), np.array([["a", "b", "c", "d"]] * 16))
    assert out.dtype == np.int64


def test_config_round_trip():
    layer = make("Hashing", num_bins=8, output_mode="int")
    assert config(from_config(layer)) == config(layer)


def test_same_outputs_after_clone():
    x = np.array(["omar", "stringer", "marlo", "wire", "skywalker"])
    layer = make("Hashing", num_bins=100)
    np.testing.assert_array_equal(call(from_config(layer), x), call(layer, x))


@pytest.mark.parametrize(
    "kwargs",
    [{"num_bins": 7}, {"num_bins": 1000, "salt": [3, 4]}, {"num_bins": 5, "mask_value": "a"}],
)
def test_live_matches_keras_on_random_strings(kwargs):
    layers = keras_layers()
    rng = np.random.default_rng(0)
    words = np.array(
        ["".join(rng.choice(list("abcdé"), size=rng.integers(0, 6))) for _ in range(200)]
    ).reshape(-1, 1)
    expected = keras_call(layers.Hashing(**kwargs), words)
    np.testing.assert_array_equal(call(make("Hashing", **kwargs), words), expected)
