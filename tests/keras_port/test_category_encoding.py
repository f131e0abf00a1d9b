"""Port of keras/src/layers/preprocessing/category_encoding_test.py."""

import numpy as np
import pytest
import scipy.sparse as sp

from ._adapter import call, make

SPARSE = [False, True]


@pytest.mark.parametrize("sparse", SPARSE)
def test_count_single_sample_as_one_row(sparse):
    # Keras reads a 1-D input as one sample; skprep asks for (1, m) (row contract).
    layer = make("CategoryEncoding", num_tokens=6, output_mode="count", sparse=sparse)
    out = layer.fit_transform(np.array([[1, 2, 3, 1]]))
    assert sp.issparse(out) == sparse
    np.testing.assert_allclose(call(layer, np.array([[1, 2, 3, 1]])), [[0, 2, 1, 1, 0, 0]])
    assert out.dtype == np.float32


@pytest.mark.xfail(strict=True, reason="row contract: a 1-D count/multi_hot input is refused")
def test_count_1d_input_is_one_sample():
    layer = make("CategoryEncoding", num_tokens=6, output_mode="count")
    np.testing.assert_allclose(call(layer, np.array([1, 2, 3, 1])), [0, 2, 1, 1, 0, 0])


@pytest.mark.parametrize("sparse", SPARSE)
def test_count_with_weights(sparse):
    x = np.array([[0, 1], [0, 0], [1, 2], [3, 1]])
    w = np.array([[0.1, 0.2], [0.1, 0.1], [0.2, 0.3], [0.4, 0.2]])
    layer = make("CategoryEncoding", num_tokens=6, output_mode="count", sparse=sparse)
    out = call(layer, x, count_weights=w)
    expected = [
        [0.1, 0.2, 0, 0, 0, 0],
        [0.2, 0, 0, 0, 0, 0],
        [0, 0.2, 0.3, 0, 0, 0],
        [0, 0.2, 0, 0.4, 0, 0],
    ]
    assert out.shape == (4, 6)
    np.testing.assert_allclose(out, expected, rtol=1e-6)


@pytest.mark.parametrize("sparse", SPARSE)
@pytest.mark.parametrize("num_tokens", [4, 6])
def test_batched_count(sparse, num_tokens):
    layer = make("CategoryEncoding", num_tokens=num_tokens, output_mode="count", sparse=sparse)
    out = call(layer, np.array([[1, 2, 3, 1], [0, 3, 1, 0]]))
    expected = np.array([[0, 2, 1, 1, 0, 0], [2, 1, 0, 1, 0, 0]])[:, :num_tokens]
    assert out.shape == (2, num_tokens)
    np.testing.assert_allclose(out, expected)


@pytest.mark.parametrize("sparse", SPARSE)
def test_batched_multi_hot(sparse):
    layer = make("CategoryEncoding", num_tokens=6, output_mode="multi_hot", sparse=sparse)
    out = call(layer, np.array([[3, 2, 0, 1], [3, 2, 0, 1]]))
    assert out.shape == (2, 6)
    np.testing.assert_allclose(out, [[1, 1, 1, 1, 0, 0]] * 2)


@pytest.mark.parametrize("sparse", SPARSE)
def test_one_hot_rank_1_and_column(sparse):
    expected = np.zeros((4, 6))
    expected[np.arange(4), [3, 2, 0, 1]] = 1
    for x in (np.array([3, 2, 0, 1]), np.array([[3], [2], [0], [1]])):
        layer = make("CategoryEncoding", num_tokens=6, output_mode="one_hot", sparse=sparse)
        out = call(layer, x)
        assert out.shape == (4, 6)
        np.testing.assert_allclose(out, expected)


def test_batched_one_hot_adds_an_axis():
    layer = make("CategoryEncoding", num_tokens=6, output_mode="one_hot", sparse=False)
    out = call(layer, np.array([[3, 2, 0, 1], [3, 2, 0, 1]]))
    assert out.shape == (2, 4, 6)
    expected = np.zeros((4, 6))
    expected[np.arange(4), [3, 2, 0, 1]] = 1
    np.testing.assert_allclose(out, np.stack([expected, expected]))
    assert out.dtype == np.float32


def test_without_num_tokens_raises():
    with pytest.raises(ValueError, match="num_tokens"):
        call(make("CategoryEncoding", output_mode="multi_hot"), np.array([[0, 1]]))


@pytest.mark.parametrize("num_tokens", [0, -1])
def test_invalid_num_tokens_raises(num_tokens):
    with pytest.raises(ValueError, match="num_tokens"):
        call(make("CategoryEncoding", num_tokens=num_tokens), np.array([[0]]))


def test_count_weights_refused_outside_count_mode():
    layer = make("CategoryEncoding", num_tokens=4, output_mode="multi_hot")
    with pytest.raises(ValueError, match="count_weights"):
        call(layer, np.array([[0, 1, 2, 3]]), count_weights=np.array([[0.1, 0.2, 0.3, 0.4]]))


def test_invalid_output_mode_raises():
    with pytest.raises(ValueError, match="output_mode"):
        call(make("CategoryEncoding", num_tokens=4, output_mode="invalid_mode"), np.array([[0]]))


@pytest.mark.parametrize("bad", [[[0, 6]], [[-1, 0]], [[0.5, 1.0]]])
def test_out_of_range_values_raise(bad):
    # Keras 3 silently drops out-of-range values; skprep follows Keras's documented
    # contract and raises (a deliberate difference, see the class Notes).
    with pytest.raises(ValueError):
        call(make("CategoryEncoding", num_tokens=6, output_mode="multi_hot"), np.array(bad))
