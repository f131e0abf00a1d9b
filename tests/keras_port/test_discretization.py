"""Port of keras/src/layers/preprocessing/discretization_test.py."""

import numpy as np
import pytest
from sklearn.exceptions import NotFittedError

from ._adapter import adapt, call, config, from_config, keras_call, keras_layers, make

RNG = np.random.default_rng(0)


def test_basics_shape():
    out = call(make("Discretization", bin_boundaries=[0.0, 0.5, 1.0]), RNG.random((2, 3)))
    assert out.shape == (2, 3)


def test_adapt_flow_learns_num_bins_minus_one_boundaries():
    layer = adapt(make("Discretization", num_bins=4), RNG.random((32, 3)))
    out = call(layer, np.array([[0.0, 0.1, 0.3]]))
    assert out.dtype == np.int32
    assert len(layer.bin_boundaries_) == 3


def test_adapt_with_generator_of_1d_batches():
    def gen():
        for _ in range(5):
            yield RNG.uniform(0, 10, size=(20,))

    layer = adapt(make("Discretization", num_bins=4), gen())
    assert len(layer.bin_boundaries_) == 3
    assert call(layer, np.array([1.0, 5.0, 9.0])).shape == (3,)


@pytest.mark.xfail(strict=True, reason="transform input keeps the rank seen in fit")
def test_fit_on_1d_then_transform_2d():
    layer = adapt(make("Discretization", num_bins=4), RNG.uniform(0, 10, size=(20,)))
    assert call(layer, np.array([[1.0, 5.0, 9.0]])).shape == (1, 3)


def test_adapt_with_iterator_of_arrays():
    batches = iter([np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0])])
    layer = adapt(make("Discretization", num_bins=3), batches)
    assert len(layer.bin_boundaries_) == 2


CASES = [
    ("int", [[-1.0, 0.0, 0.1, 0.8, 1.2]], [[0, 1, 1, 2, 3]]),
    ("one_hot", [0.1, 0.8], [[0, 1, 0, 0], [0, 0, 1, 0]]),
    ("multi_hot", [[0.1, 0.8]], [[0, 1, 1, 0]]),
    ("count", [[0.1, 0.8, 0.9]], [[0, 1, 2, 0]]),
]


@pytest.mark.parametrize("sparse", [False, True])
@pytest.mark.parametrize("mode, x, expected", CASES, ids=[c[0] for c in CASES])
def test_correctness(mode, x, expected, sparse):
    if mode == "int" and sparse:
        pytest.skip("sparse does not apply to int output")
    layer = make("Discretization", bin_boundaries=[0.0, 0.5, 1.0], output_mode=mode, sparse=sparse)
    np.testing.assert_allclose(call(layer, np.array(x)), expected)


@pytest.mark.xfail(strict=True, reason="one_hot takes rank 1 or 2 input (one value per sample)")
def test_one_hot_rank_3_adds_an_axis():
    layer = make(
        "Discretization", bin_boundaries=[0.0, 0.5, 1.0], output_mode="one_hot", sparse=False
    )
    out = call(layer, np.array([[[0.15, 0.75], [0.85, 0.45]]]))
    expected = [[[[0, 1, 0, 0], [0, 0, 1, 0]], [[0, 0, 1, 0], [0, 1, 0, 0]]]]
    np.testing.assert_allclose(out, expected)


@pytest.mark.xfail(strict=True, reason="encoded modes take rank 1 or 2 input")
def test_multi_hot_rank_3_reduces_the_second_axis():
    layer = make(
        "Discretization", bin_boundaries=[0.0, 0.5, 1.0], output_mode="multi_hot", sparse=False
    )
    out = call(layer, np.array([[[0.15, 0.75], [0.85, 0.45]]]))
    np.testing.assert_allclose(out, [[[0, 1, 1, 0], [0, 1, 1, 0]]])


def test_fixed_bins_values_and_dtype():
    layer = make("Discretization", bin_boundaries=[0.0, 0.35, 0.5, 1.0])
    x = np.array([[-1.0, 0.0, 0.1, 0.2, 0.4, 0.5, 1.0, 1.2, 0.98]])
    out = call(layer, x)
    np.testing.assert_array_equal(out, [[0, 1, 1, 1, 2, 3, 4, 4, 3]])
    assert np.issubdtype(out.dtype, np.integer)


def test_int_mode_with_uneven_boundaries():
    layer = make("Discretization", bin_boundaries=[-0.5, 0, 0.1, 0.2, 3])
    x = np.array([[0.0, 0.15, 0.21, 0.3], [0.0, 0.17, 0.451, 7.8]])
    np.testing.assert_array_equal(call(layer, x), [[2, 3, 4, 4], [2, 3, 4, 5]])


@pytest.mark.parametrize("data", [None, [0.0, 1.0, 5.0], [0.0, 1, 2, 3, 4, 5, 6, 7]])
def test_config_round_trip(data):
    layer = make("Discretization", num_bins=5)
    if data is not None:
        adapt(layer, np.array(data))
    assert config(from_config(layer)) == config(layer)
    layer = make("Discretization", bin_boundaries=[0.0, 0.35, 0.5, 1.0])
    assert config(from_config(layer)) == config(layer)


def test_num_bins_and_bin_boundaries_together_raise():
    with pytest.raises(ValueError, match="num_bins.*bin_boundaries|bin_boundaries.*num_bins"):
        adapt(make("Discretization", num_bins=3, bin_boundaries=[0.0, 1.0]), np.ones((2, 1)))


def test_neither_num_bins_nor_bin_boundaries_raises():
    with pytest.raises(ValueError, match="num_bins|bin_boundaries"):
        adapt(make("Discretization"), np.ones((2, 1)))


def test_transform_before_fit_raises():
    with pytest.raises(NotFittedError):
        make("Discretization", num_bins=3).transform(np.array([[0.1, 0.8, 0.9]]))


_RANK3 = pytest.mark.xfail(strict=True, reason="encoded modes take rank 1 or 2 input")


@pytest.mark.parametrize(
    "mode, tail",
    [
        ("int", (3, 4)),
        pytest.param("one_hot", (3, 4, 5), marks=_RANK3),
        pytest.param("multi_hot", (4, 5), marks=_RANK3),
        pytest.param("count", (4, 5), marks=_RANK3),
    ],
)
def test_output_shapes_by_mode(mode, tail):
    layer = make(
        "Discretization", bin_boundaries=[0.0, 1.0, 2.0, 5.0], output_mode=mode, sparse=False
    )
    out = call(layer, RNG.uniform(0, 3, size=(2, 3, 4)))
    assert out.shape == (2, *tail)


@_RANK3
@pytest.mark.parametrize("batch_size", [1, 3, 5, 10])
def test_one_hot_batch_dimension(batch_size):
    layer = make(
        "Discretization", bin_boundaries=[0.0, 1.0, 2.0], output_mode="one_hot", sparse=False
    )
    out = call(layer, RNG.uniform(0, 3, size=(batch_size, 4, 3)))
    assert out.shape == (batch_size, 4, 3, 4)


@pytest.mark.parametrize("batch_size", [1, 3, 5, 10])
def test_one_hot_batch_dimension_rank_2(batch_size):
    layer = make(
        "Discretization", bin_boundaries=[0.0, 1.0, 2.0], output_mode="one_hot", sparse=False
    )
    out = call(layer, RNG.uniform(0, 3, size=(batch_size, 4)))
    assert out.shape == (batch_size, 4, 4)


@pytest.mark.parametrize("num_bins", [3, 7])
def test_live_adapt_matches_keras(num_bins):
    layers = keras_layers()
    x = np.random.default_rng(3).normal(size=(500, 2))
    theirs = layers.Discretization(num_bins=num_bins)
    theirs.adapt(x)
    ours = adapt(make("Discretization", num_bins=num_bins), x)
    np.testing.assert_allclose(ours.bin_boundaries_, theirs.bin_boundaries, rtol=1e-6)
    np.testing.assert_array_equal(call(ours, x), keras_call(theirs, x))
