"""``fit`` on datasets of framework tensors and of ``(x, y)`` pairs, as Keras ``adapt``."""

import numpy as np
import pytest

from skprep import Normalization, StringLookup, TextVectorization
from skprep.base import iter_batches

TEXTS = np.array(["the cat sat", "the dog ran", "a cat ran", "the end"] * 3, dtype=object)


class FakeTensor:
    """Duck-typed stand-in for a TensorFlow EagerTensor / PyTorch tensor: has ``numpy()``,
    iterates into more tensors, and is not an ndarray."""

    def __init__(self, value):
        self._value = np.asarray(value)

    def numpy(self):
        return self._value

    @property
    def shape(self):
        return self._value.shape

    @property
    def ndim(self):
        return self._value.ndim

    def __iter__(self):
        return (FakeTensor(v) for v in self._value)

    def __len__(self):
        return len(self._value)


class ArrayFakeTensor(FakeTensor):
    """Like an EagerTensor passed directly: also has ``__array__``, so it is data."""

    def __array__(self, dtype=None, copy=None):
        return self._value


def _string_tensors(texts, batch_size=4):
    """Batches as a ``tf.data`` string dataset gives them: tensors of UTF-8 bytes."""
    encoded = np.array([t.encode() for t in texts], dtype=object)
    return (FakeTensor(encoded[i : i + batch_size]) for i in range(0, len(encoded), batch_size))


def test_iter_batches_converts_tensors_and_takes_x_of_pairs():
    X, y = np.ones((4, 2)), np.arange(4)
    (single,) = iter_batches(ArrayFakeTensor(X))
    assert isinstance(single, np.ndarray)
    batches = list(iter_batches(iter([(FakeTensor(X), FakeTensor(y)), (X, y, y)])))
    assert all(isinstance(b, np.ndarray) and b.shape == (4, 2) for b in batches)
    # a tuple of strings is a batch of strings, not (x, y)
    assert list(iter_batches(iter([("a b", "c d")]))) == [("a b", "c d")]


def test_text_vectorization_fits_on_a_dataset_of_string_tensors():
    # The user's mistake: TextVectorization().fit(tf.data.Dataset...) of EagerTensors.
    expected = TextVectorization().fit(TEXTS).get_vocabulary()
    assert TextVectorization().fit(_string_tensors(TEXTS)).get_vocabulary() == expected
    layer = TextVectorization().partial_fit(_string_tensors(TEXTS))
    assert layer.get_vocabulary() == expected


def test_string_lookup_fits_on_a_dataset_of_string_tensors():
    expected = StringLookup().fit(TEXTS).get_vocabulary()
    assert StringLookup().fit(_string_tensors(TEXTS)).get_vocabulary() == expected


@pytest.mark.parametrize("wrap", [FakeTensor, np.asarray], ids=["tensors", "arrays"])
def test_normalization_adapts_on_x_of_x_y_pairs(wrap):
    X = np.random.default_rng(0).normal(size=(12, 3)).astype(np.float32)
    y = np.arange(12)
    pairs = ((wrap(X[i : i + 4]), wrap(y[i : i + 4])) for i in range(0, 12, 4))
    layer = Normalization().fit(pairs)
    expected = Normalization().fit(X)
    np.testing.assert_allclose(layer.mean_, expected.mean_, rtol=1e-6)
    np.testing.assert_allclose(layer.variance_, expected.variance_, rtol=1e-6)


# -- the same with real TensorFlow, when installed ------------------------------------------


@pytest.fixture(scope="module")
def tf():
    import os

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
    return pytest.importorskip("tensorflow")


def test_tf_dataset_text_vectorization(tf):
    ds = tf.data.Dataset.from_tensor_slices(TEXTS.astype(str)).batch(4)
    expected = TextVectorization().fit(TEXTS).get_vocabulary()
    assert TextVectorization().fit(ds).get_vocabulary() == expected


def test_tf_dataset_normalization_on_pairs(tf):
    X = np.random.default_rng(0).normal(size=(12, 3)).astype(np.float32)
    ds = tf.data.Dataset.from_tensor_slices((X, np.arange(12))).batch(5)
    np.testing.assert_allclose(Normalization().fit(ds).mean_, X.mean(axis=0), rtol=1e-5)
