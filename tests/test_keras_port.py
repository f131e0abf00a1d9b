"""Behavioural assertions of Keras 3's own preprocessing tests, run against skprep.

Each test below restates, through a thin adapter, what one test of
``keras/src/layers/preprocessing/*_test.py`` (Keras 3.15) asserts about a layer's behaviour:
the same inputs, parameters and expected outputs, written anew for skprep's API
(``adapt`` -> ``fit``, ``layer(x)`` -> ``transform``, ``layer(x, training=True)`` ->
``fit_transform``). Assertions about the Keras runtime only (serialization, symbolic
tensors, tf.data / grain pipelines, backends, dtype policies, saving) have no skprep
counterpart and are not ported.

The module is skipped when Keras is not installed (CI does not install it), so that it runs
where the Keras sources it mirrors are at hand; it never imports Keras itself.

Deliberate differences (documented in the classes' Notes / the user guide) appear as
``keras_diff`` comments with the reason:

* a 1-D input to a bag-mode layer (multi_hot / count / tf_idf) is *one sample* in Keras and
  one sample *per element* in skprep (scikit-learn's rows); the adapter reshapes such Keras
  calls to one row, as ``keras_call(..., one_sample=True)``;
* one_hot outputs of 1-D input are CSR by default in skprep (``sparse=True``): the adapter
  densifies;
* ``Normalization`` on 1-D input raises (Keras silently returns zeros);
* encoded outputs (multi_hot / count / one_hot of several columns) of rank > 2 input are
  refused with a ``ValueError`` saying how to reshape (Keras bags the last axis);
* ``sparse=True`` (skprep's default) is accepted, and ignored, in int mode (Keras refuses
  it there);
* ``TextVectorization(output_mode="one_hot")`` needs ``split=None`` (Keras returns a ragged
  (n, tokens, depth) tensor otherwise); standardize/split callables get NumPy string arrays;
* integer audio is converted to float32 (Keras's STFTSpectrogram raises ``TypeError``);
* ``HashedCrossing`` takes one 2-D table (or DataFrame) instead of a tuple of columns: the
  adapter stacks the tuple.
"""

import importlib.util

import numpy as np
import pytest
import scipy.sparse as sp

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("keras") is None, reason="Keras is not installed"
)

import skprep  # noqa: E402


def dense(out):
    return out.toarray() if sp.issparse(out) else np.asarray(out)


def keras_call(est, x, *, one_sample=False, **kwargs):
    """Keras ``layer(x)``: ``transform``; ``one_sample`` reads a 1-D ``x`` as one row."""
    if one_sample:
        return dense(est.transform(np.asarray(x).reshape(1, -1), **kwargs))[0]
    return dense(est.transform(x, **kwargs))


# -- CategoryEncoding (category_encoding_test.py) --------------------------------------------


@pytest.mark.parametrize("sparse", [False, True])
def test_category_encoding_count_output(sparse):
    layer = skprep.CategoryEncoding(num_tokens=6, output_mode="count", sparse=sparse)
    out = keras_call(layer, [1, 2, 3, 1], one_sample=True)  # keras_diff: 1-D = one sample
    np.testing.assert_allclose(out, [0, 2, 1, 1, 0, 0])


@pytest.mark.parametrize("sparse", [False, True])
def test_category_encoding_count_weighted_output(sparse):
    layer = skprep.CategoryEncoding(num_tokens=6, output_mode="count", sparse=sparse)
    x = np.array([[0, 1], [0, 0], [1, 2], [3, 1]])
    w = np.array([[0.1, 0.2], [0.1, 0.1], [0.2, 0.3], [0.4, 0.2]])
    expected = [
        [0.1, 0.2, 0.0, 0.0, 0.0, 0.0],
        [0.2, 0.0, 0.0, 0.0, 0.0, 0.0],
        [0.0, 0.2, 0.3, 0.0, 0.0, 0.0],
        [0.0, 0.2, 0.0, 0.4, 0.0, 0.0],
    ]
    np.testing.assert_allclose(keras_call(layer, x, count_weights=w), expected, rtol=1e-6)


@pytest.mark.parametrize(
    "mode, x, expected",
    [
        ("count", [[1, 2, 3, 1], [0, 3, 1, 0]], [[0, 2, 1, 1, 0, 0], [2, 1, 0, 1, 0, 0]]),
        ("multi_hot", [[3, 2, 0, 1], [3, 2, 0, 1]], [[1, 1, 1, 1, 0, 0], [1, 1, 1, 1, 0, 0]]),
    ],
)
def test_category_encoding_batched(mode, x, expected):
    layer = skprep.CategoryEncoding(num_tokens=6, output_mode=mode)
    np.testing.assert_allclose(keras_call(layer, np.array(x)), expected)
    assert layer.transform(np.array(x)).dtype == np.float32  # Keras's float32 output


def test_category_encoding_multi_hot_one_sample():
    layer = skprep.CategoryEncoding(num_tokens=6, output_mode="multi_hot")
    out = keras_call(layer, [3, 2, 0, 1], one_sample=True)  # keras_diff: 1-D = one sample
    np.testing.assert_allclose(out, [1, 1, 1, 1, 0, 0])


def test_category_encoding_one_hot():
    layer = skprep.CategoryEncoding(num_tokens=6, output_mode="one_hot")
    expected = np.eye(6)[[3, 2, 0, 1]]
    np.testing.assert_allclose(keras_call(layer, np.array([3, 2, 0, 1])), expected)
    np.testing.assert_allclose(keras_call(layer, np.array([[3], [2], [0], [1]])), expected)
    dense_layer = skprep.CategoryEncoding(num_tokens=6, output_mode="one_hot", sparse=False)
    batched = dense_layer.transform(np.array([[3, 2, 0, 1], [3, 2, 0, 1]]))
    np.testing.assert_allclose(batched, np.stack([expected, expected]))


def test_category_encoding_out_of_range_raises():
    # Keras's docs say out-of-range values raise; skprep does (Keras 3 drops them).
    with pytest.raises(ValueError):
        skprep.CategoryEncoding(num_tokens=3).transform(np.array([[0, 3]]))


# -- Discretization (discretization_test.py) -------------------------------------------------


def test_discretization_adapt_flow():
    layer = skprep.Discretization(num_bins=4).fit(np.random.default_rng(0).random((32, 3)))
    out = layer.transform(np.array([[0.0, 0.1, 0.3]]))
    assert out.dtype.kind == "i"
    assert len(layer.bin_boundaries_) == 3


@pytest.mark.parametrize(
    "mode, x, expected",
    [
        ("int", [[-1.0, 0.0, 0.1, 0.8, 1.2]], [[0, 1, 1, 2, 3]]),
        ("one_hot", [0.1, 0.8], [[0, 1, 0, 0], [0, 0, 1, 0]]),
        ("multi_hot", [[0.1, 0.8]], [[0, 1, 1, 0]]),
        ("count", [[0.1, 0.8, 0.9]], [[0, 1, 2, 0]]),
    ],
)
@pytest.mark.parametrize("sparse", [False, True])
def test_discretization_correctness(mode, x, expected, sparse):
    x, expected = np.array(x), np.array(expected)
    if sparse and (mode == "int" or x.ndim > 2):
        pytest.skip("Keras's sparse variant only exists for 2-D encoded outputs")
    layer = skprep.Discretization(bin_boundaries=[0.0, 0.5, 1.0], output_mode=mode, sparse=sparse)
    np.testing.assert_allclose(dense(layer.fit_transform(x)), expected)


def test_discretization_multi_hot_rank_3_is_refused():
    # keras_diff: Keras bags the last axis of a rank-3 input; skprep's encoded outputs are
    # 2-D (one row per sample), so a (1, 2, 2) input is refused with how to reshape it.
    layer = skprep.Discretization(bin_boundaries=[0.0, 0.5, 1.0], output_mode="multi_hot")
    with pytest.raises(ValueError, match="Reshape"):
        layer.fit_transform(np.array([[[0.15, 0.75], [0.85, 0.45]]]))


def test_discretization_fixed_bins():
    layer = skprep.Discretization(bin_boundaries=[0.0, 0.35, 0.5, 1.0])
    x = np.array([[-1.0, 0.0, 0.1, 0.2, 0.4, 0.5, 1.0, 1.2, 0.98]])
    np.testing.assert_array_equal(layer.fit_transform(x), [[0, 1, 1, 1, 2, 3, 4, 4, 3]])


def test_discretization_num_bins_and_boundaries_raise():
    with pytest.raises(ValueError):
        skprep.Discretization(num_bins=3, bin_boundaries=[0.0, 1.0]).fit(np.ones((2, 1)))


# -- Normalization (normalization_test.py) ---------------------------------------------------


def test_normalization_adapt():
    x = np.random.default_rng(0).normal(size=(32, 4)) * 3 + 1
    out = skprep.Normalization().fit(x).transform(x)
    np.testing.assert_allclose(np.var(out, axis=0), 1.0, atol=1e-5)
    np.testing.assert_allclose(np.mean(out, axis=0), 0.0, atol=1e-5)


def test_normalization_adapt_axes():
    x = np.random.default_rng(0).normal(size=(32, 4, 3, 2)) * 2 - 1
    out = skprep.Normalization(axis=(1, 2)).fit(x).transform(x)
    np.testing.assert_allclose(np.var(out, axis=(0, 3)), 1.0, atol=1e-5)
    np.testing.assert_allclose(np.mean(out, axis=(0, 3)), 0.0, atol=1e-5)


@pytest.mark.parametrize("kwargs", [{"mean": 0.5}, {"variance": 0.1}])
def test_normalization_mean_or_variance_alone_raises(kwargs):
    with pytest.raises(ValueError):
        skprep.Normalization(**kwargs).fit(np.ones((2, 3)))


@pytest.mark.parametrize("axis", [3, -4])
def test_normalization_axis_out_of_range_raises(axis):
    with pytest.raises(ValueError):
        skprep.Normalization(axis=axis).fit(np.ones((2, 3, 4)))


def test_normalization_adapt_then_other_shape_raises():
    layer = skprep.Normalization(axis=-1).fit(np.ones((4, 3)))
    with pytest.raises(ValueError):
        layer.partial_fit(np.ones((4, 5)))


def test_normalization_scalar_mean_var():
    out = skprep.Normalization(mean=3.0, variance=2.0).fit_transform(np.array([[1.0, 2.0, 3.0]]))
    np.testing.assert_allclose(out, (np.array([[1.0, 2.0, 3.0]]) - 3.0) / np.sqrt(2.0), rtol=1e-6)


# -- Rescaling (rescaling_test.py) -----------------------------------------------------------


def test_rescaling_correctness():
    x = np.random.default_rng(0).random((3, 4, 4, 3)) * 255
    out = skprep.Rescaling(scale=1.0 / 255, offset=0.5).fit_transform(x)
    np.testing.assert_allclose(out, x / 255 + 0.5, rtol=1e-6)


def test_rescaling_numpy_args():
    x = np.random.default_rng(0).random((2, 3)) * 255
    layer = skprep.Rescaling(scale=np.array(1.0 / 255.0), offset=np.array(0.5))
    np.testing.assert_allclose(layer.fit_transform(x), x / 255 + 0.5, rtol=1e-6)


# -- Hashing / HashedCrossing (hashing_test.py, hashed_crossing_test.py) ---------------------


@pytest.mark.parametrize(
    "kwargs, x, expected",
    [
        ({}, ["A", "B", "C", "D", "E"], [1, 0, 1, 1, 2]),
        ({"mask_value": ""}, ["A", "B", "", "C", "D"], [1, 1, 0, 2, 2]),
        ({"salt": [133, 137]}, ["A", "B", "C", "D", "E"], [1, 2, 1, 0, 2]),
        ({"salt": 133}, ["A", "B", "C", "D", "E"], [0, 0, 2, 1, 0]),
    ],
)
def test_hashing_correctness(kwargs, x, expected):
    layer = skprep.Hashing(num_bins=3, **kwargs)
    out = layer.transform(np.array(x, dtype=object).reshape(-1, 1))
    np.testing.assert_array_equal(out, np.array(expected).reshape(-1, 1))


@pytest.mark.parametrize("make", [list, tuple, np.array])
def test_hashing_tensor_like_inputs(make):
    out = skprep.Hashing(num_bins=3).transform(make([0, 1, 2, 3, 4]))
    np.testing.assert_array_equal(out, [1, 0, 1, 0, 2])


def test_hashed_crossing_correctness():
    feat1 = np.array(["A", "B", "A", "B", "A"], dtype=object)
    feat2 = np.array([101, 101, 101, 102, 102], dtype=object)
    table = np.stack([feat1, feat2], axis=1)  # keras_diff: a table, not a tuple of columns
    out = skprep.HashedCrossing(num_bins=5).transform(table)
    np.testing.assert_array_equal(np.ravel(out), [1, 4, 1, 1, 3])


def test_hashed_crossing_one_column_raises():
    with pytest.raises(ValueError):
        skprep.HashedCrossing(num_bins=10).transform(np.array([[1]]))


# -- StringLookup (string_lookup_test.py) ----------------------------------------------------


def test_string_lookup_adapt_flow():
    layer = skprep.StringLookup(output_mode="int").fit(["a", "a", "a", "b", "b", "c"])
    np.testing.assert_array_equal(layer.transform(["b", "c", "d"]), [2, 3, 0])
    assert "a" in [str(v) for v in layer.get_vocabulary()]


def test_string_lookup_adapt_with_generator():
    def batches():
        yield np.array(["cat", "dog"])
        yield np.array(["bird", "cat"])

    vocab = skprep.StringLookup().fit(batches()).get_vocabulary()
    assert {"cat", "dog", "bird"} <= set(vocab)


def test_string_lookup_fixed_vocabulary():
    layer = skprep.StringLookup(output_mode="int", vocabulary=["a", "b", "c"])
    np.testing.assert_array_equal(layer.transform(["b", "c", "d"]), [2, 3, 0])


def test_string_lookup_array_as_vocab():
    layer = skprep.StringLookup(vocabulary=np.array(["a", "b", "c", "d"]))
    out = layer.transform(np.array([["a", "c", "d"], ["d", "z", "b"]]))
    np.testing.assert_array_equal(out, [[1, 3, 4], [4, 0, 2]])


def test_string_lookup_invert():
    layer = skprep.StringLookup(vocabulary=["a", "b", "c"], invert=True)
    assert np.asarray(layer.transform([1, 2, 0])).astype(str).tolist() == ["a", "b", "[UNK]"]


def test_string_lookup_count_width():
    layer = skprep.StringLookup(vocabulary=["a", "b"], output_mode="count")
    out = keras_call(layer, ["a", "a", "a", "b", "b"], one_sample=True)
    assert out.shape[-1] == len(layer.get_vocabulary())
    np.testing.assert_array_equal(out, [0, 3, 2])


def test_string_lookup_multi_hot():
    layer = skprep.StringLookup(vocabulary=["a", "b"], output_mode="multi_hot")
    np.testing.assert_array_equal(keras_call(layer, ["a", "b"], one_sample=True), [0, 1, 1])


def test_string_lookup_mask_token():
    layer = skprep.StringLookup(vocabulary=["a"], mask_token="[MASK]")
    assert int(layer.transform(["[MASK]", "a"])[0]) == 0


# -- IntegerLookup (integer_lookup_test.py) --------------------------------------------------

ADAPT = [1, 1, 1, 2, 2, 3]


def test_integer_lookup_adapt_flow_int():
    layer = skprep.IntegerLookup(output_mode="int").fit(ADAPT)
    np.testing.assert_array_equal(layer.transform([1, 2, 4]), [1, 2, 0])
    np.testing.assert_array_equal(layer.transform([[1, 2, 4], [2, 3, 5]]), [[1, 2, 0], [2, 3, 0]])


def test_integer_lookup_adapt_flow_encoded():
    one_hot = skprep.IntegerLookup(output_mode="one_hot").fit(ADAPT)
    np.testing.assert_array_equal(
        dense(one_hot.transform([1, 2, 4])), [[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0]]
    )
    multi = skprep.IntegerLookup(output_mode="multi_hot").fit(ADAPT)
    np.testing.assert_array_equal(keras_call(multi, [1, 2, 4], one_sample=True), [1, 1, 1, 0])
    tf_idf = skprep.IntegerLookup(output_mode="tf_idf").fit(ADAPT)
    np.testing.assert_allclose(
        keras_call(tf_idf, [1, 2, 4], one_sample=True),
        [1.133732, 0.916291, 1.098612, 0.0],
        rtol=1e-5,
    )
    count = skprep.IntegerLookup(output_mode="count").fit(ADAPT)
    np.testing.assert_array_equal(
        keras_call(count, [1, 2, 3, 4, 1, 2, 1], one_sample=True), [1, 3, 2, 1]
    )


def test_integer_lookup_max_tokens():
    layer = skprep.IntegerLookup(output_mode="int", max_tokens=4)
    assert len(layer.fit([1, 2, 3, 4, 5, 6, 1, 1, 2, 2]).get_vocabulary()) == 4


def test_integer_lookup_fixed_vocabulary():
    layer = skprep.IntegerLookup(output_mode="int", vocabulary=[1, 2, 3, 4])
    np.testing.assert_array_equal(layer.transform([2, 3, 4, 5]), [2, 3, 4, 0])


def test_integer_lookup_one_hot_higher_rank():
    layer = skprep.IntegerLookup(vocabulary=[1, 2, 3], output_mode="one_hot", sparse=False)
    out = layer.transform(np.array([[1, 2], [3, 0]]))
    assert out.shape == (2, 2, 4)
    np.testing.assert_array_equal(out, [[[0, 1, 0, 0], [0, 0, 1, 0]], [[0, 0, 0, 1], [1, 0, 0, 0]]])


@pytest.mark.parametrize("mode", ["multi_hot", "count", "tf_idf"])
def test_integer_lookup_encoded_width(mode):
    kwargs = {"idf_weights": [0.5, 0.5, 0.5]} if mode == "tf_idf" else {}
    layer = skprep.IntegerLookup(vocabulary=[1, 2, 3], output_mode=mode, **kwargs)
    assert layer.transform(np.array([[1, 2], [3, 0]])).shape == (2, 4)


def test_integer_lookup_mask_token():
    layer = skprep.IntegerLookup(output_mode="int", vocabulary=[1, 2, 3], mask_token=0)
    np.testing.assert_array_equal(layer.transform([0, 1, 2, 3]), [0, 2, 3, 4])


def test_integer_lookup_invert():
    layer = skprep.IntegerLookup(vocabulary=[10, 20, 30], invert=True)
    np.testing.assert_array_equal(layer.transform([1, 2, 3, 0]), [10, 20, 30, -1])


def test_integer_lookup_pad_to_max_tokens():
    layer = skprep.IntegerLookup(
        vocabulary=[1, 2], output_mode="multi_hot", max_tokens=5, pad_to_max_tokens=True
    )
    assert keras_call(layer, [1, 2], one_sample=True).shape[-1] == 5


def test_integer_lookup_num_oov_indices():
    layer = skprep.IntegerLookup(vocabulary=[1, 2, 3], num_oov_indices=2, output_mode="int")
    out = layer.transform([1, 2, 3, 999, 1000])
    np.testing.assert_array_equal(out[:3], [2, 3, 4])
    assert set(out[3:].tolist()) <= {0, 1}


def test_integer_lookup_get_vocabulary():
    vocab = skprep.IntegerLookup(output_mode="int").fit([5, 5, 5, 10, 10, 15]).get_vocabulary()
    assert vocab[0] == -1 and vocab[1] == 5


@pytest.mark.parametrize("kwargs", [{"max_tokens": 1}, {"num_oov_indices": -1}])
def test_integer_lookup_invalid_params_raise(kwargs):
    with pytest.raises(ValueError):
        skprep.IntegerLookup(**kwargs).fit([1, 2])


# -- TextVectorization (text_vectorization_test.py) ------------------------------------------

TEXTS = [["foo qux bar"], ["qux baz"]]


def test_text_vectorization_adapt_flow():
    layer = skprep.TextVectorization(max_tokens=5, output_mode="int", output_sequence_length=4)
    layer.fit(["foo bar", "bar baz", "baz bada boom"])
    np.testing.assert_array_equal(layer.transform(TEXTS), [[4, 1, 3, 0], [1, 2, 0, 0]])
    assert "foo" in layer.get_vocabulary()


def test_text_vectorization_adapt_with_generator():
    def batches():
        yield ["hello world", "foo bar"]
        yield ["hello foo"]

    vocab = skprep.TextVectorization().fit(batches()).get_vocabulary()
    assert "hello" in vocab and "foo" in vocab


def test_text_vectorization_fixed_vocabulary():
    layer = skprep.TextVectorization(
        max_tokens=5, output_mode="int", output_sequence_length=4, vocabulary=["baz", "bar", "foo"]
    )
    np.testing.assert_array_equal(layer.transform(TEXTS), [[4, 1, 3, 0], [1, 2, 0, 0]])


def test_text_vectorization_ragged():
    layer = skprep.TextVectorization(
        output_mode="int", vocabulary=["baz", "bar", "foo"], ragged=True
    )
    out = layer.transform([["foo qux bar"], ["qux baz"], ["foo"]])
    assert [r.tolist() for r in out] == [[4, 1, 3], [1, 2], [4]]
    short = skprep.TextVectorization(
        output_mode="int", vocabulary=["baz", "bar", "foo"], ragged=True, output_sequence_length=2
    )
    out = short.transform([["foo qux bar"], ["qux baz"], ["foo"]])
    assert [r.tolist() for r in out] == [[4, 1], [1, 2], [4]]


def test_text_vectorization_ragged_needs_int_mode():
    with pytest.raises(ValueError):
        skprep.TextVectorization(
            output_mode="multi_hot", vocabulary=["baz", "bar", "foo"], ragged=True
        ).transform(["foo"])


@pytest.mark.parametrize(
    "mode, kwargs, expected",
    [
        ("multi_hot", {}, [[0, 1, 1, 0], [0, 1, 0, 1]]),
        ("count", {}, [[0, 1, 1, 0], [0, 2, 0, 1]]),
        ("tf_idf", {"idf_weights": [0.3, 0.5, 0.2]}, [[0.0, 0.3, 0.5, 0.0], [0.0, 0.6, 0.0, 0.2]]),
    ],
)
def test_text_vectorization_encoded_outputs(mode, kwargs, expected):
    layer = skprep.TextVectorization(output_mode=mode, vocabulary=["foo", "bar", "baz"], **kwargs)
    np.testing.assert_allclose(
        dense(layer.transform(["foo bar", "baz foo foo"])), expected, rtol=1e-6
    )


def test_text_vectorization_lower_and_strip_punctuation():
    layer = skprep.TextVectorization(
        standardize="lower_and_strip_punctuation",
        vocabulary=["hello", "world", "this", "is", "nice", "test"],
    )
    out = layer.transform(["Hello, World!. This is just a nice test!"])
    assert len(out[0]) == 8
    np.testing.assert_array_equal(out, [[2, 3, 4, 5, 1, 1, 6, 7]])


# -- Image layers (image_preprocessing/*_test.py) --------------------------------------------
# keras_diff: Keras also takes one unbatched image (h, w, c); skprep's rows are samples, so a
# single image is passed as a batch of one (``IMAGE[None]``).


def _column(values, dtype="float32"):
    """Keras's test images: values stacked as a (1, n, 1, 1) batch."""
    return np.asarray(values, dtype=dtype).reshape(1, -1, 1, 1)


def test_auto_contrast_constant_channels_are_not_nan():
    out = skprep.AutoContrast(value_range=(0, 255)).fit_transform(_column([1, 1]))
    assert np.any(out[0] == 1.0) and not np.isnan(out).any()


@pytest.mark.parametrize("dtype", ["float32", "uint8"])
def test_auto_contrast_expands_value_range(dtype):
    out = skprep.AutoContrast(value_range=(0, 255)).fit_transform(_column([0, 128], dtype))
    assert np.any(out[0] == 0.0) and np.any(out[0] == 255.0)


def test_auto_contrast_per_channel():
    img = np.array([[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]], dtype="float32")[None]
    out = skprep.AutoContrast(value_range=(0, 255)).fit_transform(img)
    expected = [[[[0.0] * 3, [85.0] * 3], [[170.0] * 3, [255.0] * 3]]]
    np.testing.assert_allclose(out, expected, atol=1e-4)


def test_auto_contrast_value_range_0_1():
    out = skprep.AutoContrast(value_range=(0, 1)).fit_transform(_column([0, 0.5]))
    np.testing.assert_allclose(out[0], [[[0.0]], [[1.0]]])


@pytest.mark.parametrize("dtype", [np.float32, np.int32, np.int64])
def test_equalization_reaches_every_bin(dtype):
    xs = np.random.default_rng(42).uniform(0, 255, size=(2, 128, 128, 3)).astype(dtype)
    out = np.asarray(skprep.Equalization(value_range=(0, 255)).fit_transform(xs))
    assert all(np.any(out == i) for i in range(256))
    assert out.min() >= 0 and out.max() <= 255


@pytest.mark.parametrize("low, high", [(0, 255), (0, 1)])
def test_equalization_output_range(low, high):
    xs = np.random.default_rng(42).uniform(low, high, size=(2, 64, 64, 3)).astype(np.float32)
    out = skprep.Equalization(value_range=(low, high)).fit_transform(xs)
    assert out.min() >= low and out.max() <= high


def test_equalization_constant_regions_and_single_colour():
    xs = np.zeros((1, 64, 64, 3), np.float32)
    xs[:, :21], xs[:, 21:42], xs[:, 42:] = 50, 100, 200
    out = skprep.Equalization(value_range=(0, 255)).fit_transform(xs)
    assert len(np.unique(out)) >= 3 and out.min() >= 0 and out.max() <= 255
    flat = np.full((1, 64, 64, 3), 128, np.float32)
    np.testing.assert_allclose(skprep.Equalization(value_range=(0, 255)).fit_transform(flat), 128)
    first = np.full((1, 3, 64, 64), 128, np.float32)
    layer = skprep.Equalization(value_range=(0, 255), data_format="channels_first")
    np.testing.assert_allclose(layer.fit_transform(first), 128)


@pytest.mark.parametrize("bins", [16, 64, 128, 256])
def test_equalization_bin_sizes(bins):
    xs = np.random.default_rng(42).uniform(0, 255, size=(1, 64, 64, 3)).astype(np.float32)
    out = skprep.Equalization(value_range=(0, 255), bins=bins).fit_transform(xs)
    assert out.min() >= 0 and out.max() <= 255


@pytest.mark.parametrize("x, expected", [(0, 255), (64, 191), (127, 128), (191, 64), (255, 0)])
def test_solarization_output_values(x, expected):
    img = np.full((1, 2, 2, 1), x, dtype="uint8")
    out = skprep.Solarization(value_range=(0, 255)).fit_transform(img)
    np.testing.assert_allclose(out, expected)


@pytest.mark.parametrize("x, expected", [(0, 0), (191, 64), (255, 0)])
def test_solarization_only_above_threshold(x, expected):
    layer = skprep.Solarization(threshold_factor=(128 / 255, 128 / 255), value_range=(0, 255))
    out = layer.fit_transform(np.full((1, 2, 2, 1), x, dtype="uint8"))
    np.testing.assert_allclose(out, expected)


IMAGE = np.random.default_rng(3481).integers(0, 255, size=(224, 224, 3))


def test_random_brightness_inference_is_identity():
    out = skprep.RandomBrightness([0, 1.0]).fit(IMAGE[None]).transform(IMAGE[None])
    np.testing.assert_allclose(out[0], IMAGE)


def test_random_brightness_direction():
    up = skprep.RandomBrightness([0.1, 1.0], random_state=2390).fit_transform(IMAGE[None])[0]
    assert (up - IMAGE).min() >= 0 and (up - IMAGE).mean() > 0
    down = skprep.RandomBrightness([-1.0, -0.1], random_state=2390).fit_transform(IMAGE[None])[0]
    assert (down - IMAGE).max() <= 0 and (down - IMAGE).mean() < 0


@pytest.mark.parametrize(
    "kwargs", [{"value_range": "x"}, {"value_range": [0]}, {"factor": [0.1]}, {"factor": 1.1}]
)
def test_random_brightness_bad_arguments_raise(kwargs):
    params = {"factor": 0.1, **kwargs}
    with pytest.raises(ValueError):
        skprep.RandomBrightness(**params).fit_transform(IMAGE[None])


def test_random_invert():
    assert np.allclose(skprep.RandomInvert().fit(IMAGE[None]).transform(IMAGE[None])[0], IMAGE)
    assert np.allclose(skprep.RandomInvert(factor=0).fit_transform(IMAGE[None])[0], IMAGE)
    x = np.random.default_rng(0).random((1, 8, 8, 3))
    out = skprep.RandomInvert(factor=(1, 1), value_range=[0, 1], random_state=1337).fit_transform(x)
    np.testing.assert_allclose(out, 1 - x, rtol=1e-6, atol=1e-6)  # Keras's assertAllClose


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_random_grayscale_conversion(data_format):
    shape = (2, 4, 4, 3) if data_format == "channels_last" else (2, 3, 4, 4)
    xs = np.random.default_rng(0).uniform(0, 255, size=shape).astype(np.float32)
    out = skprep.RandomGrayscale(factor=1.0, data_format=data_format).fit_transform(xs)
    axis = -1 if data_format == "channels_last" else 1
    assert out.shape[axis] == 3
    r, g, b = np.moveaxis(out, axis, 0)
    assert np.allclose(r, g) and np.allclose(g, b)
    flat = np.full(shape, 128, np.float32)
    out = skprep.RandomGrayscale(factor=1.0, data_format=data_format).fit_transform(flat)
    assert len(np.unique(np.moveaxis(out, axis, 0)[0])) == 1  # one value, as in Keras


def _center(img, h_new, w_new):
    """Keras's test reference: the centred window, channels last."""
    h, w = img.shape[1:3]
    top, left = (h - h_new) // 2, (w - w_new) // 2
    return img[:, top : top + h_new, left : left + w_new]


@pytest.mark.parametrize(
    "size, data_format",
    [
        ((5, 7), "channels_first"),
        ((5, 7), "channels_last"),
        ((4, 9), "channels_first"),
        ((9, 4), "channels_last"),
    ],
)
def test_center_crop_correctness(size, data_format):
    img = np.random.default_rng(0).random((2, 9, 11, 3))
    ref = _center(img, *size)
    if data_format == "channels_first":
        img, ref = img.transpose(0, 3, 1, 2), ref.transpose(0, 3, 1, 2)
    out = skprep.CenterCrop(*size, data_format=data_format).fit_transform(img)
    np.testing.assert_allclose(out, ref, rtol=1e-6)


@pytest.mark.parametrize("data_format", ["channels_first", "channels_last"])
@pytest.mark.parametrize(
    "size, img, expected",
    [
        ((2, 2), np.arange(16).reshape(4, 4), [[5, 7], [13, 15]]),
        (
            (4, 4),
            np.arange(4).reshape(2, 2),
            [[0, 0, 1, 1], [0, 0, 1, 1], [2, 2, 3, 3], [2, 2, 3, 3]],
        ),
    ],
)
def test_resizing_nearest_numeric(data_format, size, img, expected):
    img = img.astype(np.float32).reshape(1, *img.shape, 1)
    expected = np.asarray(expected, np.float32).reshape(1, *size, 1)
    if data_format == "channels_first":
        img, expected = img.transpose(0, 3, 1, 2), expected.transpose(0, 3, 1, 2)
    layer = skprep.Resizing(*size, interpolation="nearest", data_format=data_format)
    np.testing.assert_allclose(layer.fit_transform(img), expected)


@pytest.mark.parametrize("data_format", ["channels_first", "channels_last"])
def test_resizing_crop_to_aspect_ratio(data_format):
    img = np.arange(16, dtype=np.float32).reshape(1, 4, 4, 1)
    expected = np.array([[1, 2], [5, 6], [9, 10], [13, 14]], np.float32).reshape(1, 4, 2, 1)
    if data_format == "channels_first":
        img, expected = img.transpose(0, 3, 1, 2), expected.transpose(0, 3, 1, 2)
    layer = skprep.Resizing(
        4, 2, interpolation="nearest", data_format=data_format, crop_to_aspect_ratio=True
    )
    np.testing.assert_allclose(layer.fit_transform(img), expected)


def test_random_crop_full_size_is_identity():
    inp = np.random.default_rng(1337).random((12, 8, 16, 3))
    np.testing.assert_allclose(skprep.RandomCrop(8, 16).fit(inp).transform(inp), inp)


@pytest.mark.parametrize(
    "height, width, shape",
    [(8, 8, (12, 8, 8, 3)), (10, 8, (12, 10, 8, 3)), (8, 18, (12, 8, 18, 3))],
)
def test_random_crop_inference_shapes(height, width, shape):
    inp = np.random.default_rng(0).random((12, 8, 16, 3))
    layer = skprep.RandomCrop(height, width).fit(inp)
    assert layer.transform(inp).shape == shape


@pytest.mark.parametrize("value_range", [(0, 255), (0, 1)])
def test_random_contrast_arithmetic(value_range):
    # Keras: out = clip((x - mean_hw) * factor + mean_hw, value_range), factor per image in
    # [1 - f, 1 + f] (skprep draws it per image, as Keras documents).
    x = np.random.default_rng(9809).random((12, 8, 16, 3)).astype(np.float32)
    out = skprep.RandomContrast(0.5, value_range=value_range, random_state=9809).fit_transform(x)
    mean = x.mean(axis=(1, 2), keepdims=True)
    for i in range(len(x)):
        dev = x[i] - mean[i]
        free = (out[i] > value_range[0]) & (out[i] < value_range[1]) & (np.abs(dev) > 1e-3)
        factor = np.median((out[i] - mean[i])[free] / dev[free])
        assert 0.5 - 1e-4 <= factor <= 1.5 + 1e-4
        expected = np.clip(dev * factor + mean[i], *value_range)
        np.testing.assert_allclose(out[i], expected, atol=1e-4)


@pytest.mark.parametrize("mode, axis", [("horizontal", 2), ("vertical", 1)])
def test_random_flip_flips_or_keeps_each_image(mode, axis):
    # Keras mocks its RNG to always flip; here each image must be flipped or kept as is.
    x = np.random.default_rng(0).random((16, 3, 4, 3))
    out = skprep.RandomFlip(mode, random_state=42).fit_transform(x)
    flipped = [np.allclose(o, np.flip(i, axis=axis - 1)) for o, i in zip(out, x)]
    kept = [np.allclose(o, i) for o, i in zip(out, x)]
    assert all(f or k for f, k in zip(flipped, kept)) and any(flipped) and any(kept)
    np.testing.assert_allclose(skprep.RandomFlip(mode).fit(x).transform(x), x)  # inference


# -- Audio (mel_spectrogram_test.py, stft_spectrogram_test.py) -------------------------------


def test_mel_spectrogram_fft_length_shorter_than_sequence_raises():
    layer = skprep.MelSpectrogram(
        fft_length=256, sequence_stride=256, sequence_length=512, num_mel_bins=80
    )
    with pytest.raises(ValueError, match="fft_length"):
        layer.fit_transform(np.zeros((1, 4096)))


@pytest.mark.parametrize(
    "shape, num_mel_bins, stride, fft_length, rate, zeros",
    [
        ((2, 16001), 80, 128, 2048, 16000, False),
        ((2, 8000), 128, 64, 512, 32000, False),
        ((2, 8000), 128, 64, 512, 32000, True),
    ],
)
def test_mel_spectrogram_output_shape(shape, num_mel_bins, stride, fft_length, rate, zeros):
    audio = np.zeros(shape) if zeros else np.random.default_rng(0).random(shape)
    layer = skprep.MelSpectrogram(
        num_mel_bins=num_mel_bins, sequence_stride=stride, fft_length=fft_length, sampling_rate=rate
    )
    out = layer.fit_transform(audio)
    assert out.shape == (shape[0], num_mel_bins, (shape[1] + stride + 1) // stride)
    assert np.isfinite(out).all()


def test_stft_spectrogram_channels_broadcasting():
    audio = np.random.RandomState(41).uniform(-1, 1, size=(3, 4000, 7))
    last = skprep.STFTSpectrogram(mode="psd").fit_transform(audio)
    expanded = skprep.STFTSpectrogram(mode="psd", expand_dims=True).fit_transform(audio)
    singles = [
        skprep.STFTSpectrogram(mode="psd").fit_transform(audio[..., i : i + 1]) for i in range(7)
    ]
    np.testing.assert_allclose(last, np.concatenate(singles, axis=-1), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(expanded, np.stack(singles, axis=-1), rtol=1e-5, atol=1e-6)


def test_stft_spectrogram_channels_first():
    audio = np.random.RandomState(41).uniform(-1, 1, size=(3, 4000, 2))
    last = skprep.STFTSpectrogram(mode="log").fit_transform(audio)
    first = skprep.STFTSpectrogram(mode="log", data_format="channels_first").fit_transform(
        audio.transpose(0, 2, 1)
    )
    np.testing.assert_allclose(first.transpose(0, 2, 1), last, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"frame_length": 256, "frame_step": 1024, "fft_length": 512},
        {"frame_length": 256, "frame_step": 0, "fft_length": 512},
        {"frame_length": 256, "frame_step": 32, "fft_length": 128},
        {"padding": "mypadding"},
        {"scaling": "l2"},
        {"mode": "spectrogram"},
        {"window": "unknowable"},
    ],
)
def test_stft_spectrogram_bad_arguments_raise(kwargs):
    with pytest.raises(ValueError):
        skprep.STFTSpectrogram(**kwargs).fit_transform(np.zeros((1, 2048, 1)))


def test_stft_spectrogram_integer_audio_is_converted():
    # keras_diff: Keras raises TypeError for integer audio; skprep, like scikit-learn
    # transformers, converts numeric input to float32 (same output as float audio).
    audio = np.random.default_rng(0).integers(0, 255, size=(2, 4000, 1))
    out = skprep.STFTSpectrogram().fit_transform(audio)
    expected = skprep.STFTSpectrogram().fit_transform(audio.astype(np.float32))
    np.testing.assert_allclose(out, expected)


# -- IndexLookup (index_lookup_test.py), through StringLookup / IntegerLookup -----------------


def test_index_lookup_max_tokens_adapt():
    layer = skprep.IntegerLookup(max_tokens=4, num_oov_indices=1, mask_token=0, oov_token=-1)
    layer.fit([1, 1, 1, 2, 2, 3])
    assert layer.get_vocabulary() == [0, -1, 1, 2]
    assert layer.get_vocabulary(include_special_tokens=False) == [1, 2]
    assert layer.transform([1, 2, 3, 4]).tolist() == [2, 3, 1, 1]


def test_index_lookup_pad_to_max_tokens():
    layer = skprep.IntegerLookup(
        max_tokens=5,
        mask_token=0,
        oov_token=-1,
        vocabulary=[1, 2],
        pad_to_max_tokens=True,
        output_mode="multi_hot",
    )
    np.testing.assert_array_equal(keras_call(layer, [1, 2], one_sample=True), [0, 1, 1, 0, 0])


LOOKUP = {"max_tokens": 7, "mask_token": "", "oov_token": "[OOV]"}
ONE = ["one", "two", "four"]
BATCH = [["one", "two", "four", "two"]]


@pytest.mark.parametrize(
    "mode, kwargs, single, batch",
    [
        ("int", {}, [2, 3, 1], [[2, 3, 1, 3]]),
        ("multi_hot", {}, [1, 1, 1, 0], [[1, 1, 1, 0]]),
        ("count", {}, [1, 1, 1, 0], [[1, 1, 2, 0]]),
        (
            "tf_idf",
            {"idf_weights": np.array([0.1, 0.2, 0.3])},
            [0.2, 0.1, 0.2, 0.0],
            [[0.2, 0.1, 0.4, 0.0]],
        ),
    ],
)
def test_index_lookup_output_modes(mode, kwargs, single, batch):
    layer = skprep.StringLookup(
        vocabulary=["one", "two", "three"], output_mode=mode, **LOOKUP, **kwargs
    )
    one = layer.transform(ONE) if mode == "int" else keras_call(layer, ONE, one_sample=True)
    np.testing.assert_allclose(dense(one), single, rtol=1e-6)
    np.testing.assert_allclose(dense(layer.transform(np.array(BATCH))), batch, rtol=1e-6)


def test_index_lookup_one_hot():
    layer = skprep.StringLookup(vocabulary=["one", "two", "three"], output_mode="one_hot", **LOOKUP)
    np.testing.assert_array_equal(
        dense(layer.transform(ONE)), [[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0]]
    )


def test_index_lookup_adapt_tf_idf():
    data = ["one", "one", "one", "two", "two", "three"]
    layer = skprep.StringLookup(output_mode="tf_idf", **LOOKUP).fit(data)
    idf = np.log(1 + len(data) / (1 + np.array([3, 2, 1])))
    np.testing.assert_allclose(layer.idf_weights_[1:], idf, rtol=1e-6)
    np.testing.assert_allclose(
        keras_call(layer, ONE, one_sample=True), [1.1337324, 0.91629076, 1.0986123, 0.0], rtol=1e-6
    )
    batched = [["one", "one"], ["one", "two"], ["two", "three"]]
    layer = skprep.StringLookup(output_mode="tf_idf", **LOOKUP).fit(np.array(batched))
    idf = np.log(1 + len(batched) / (1 + np.array([2, 2, 1])))
    np.testing.assert_allclose(layer.idf_weights_[1:], idf, rtol=1e-6)
    out = dense(layer.transform(np.array([["one", "two"], ["two", "four"]])))
    np.testing.assert_allclose(
        out, [[0.0, 0.6931472, 0.6931472, 0.0], [0.76752836, 0.0, 0.6931472, 0.0]], rtol=1e-6
    )


def test_index_lookup_invert():
    layer = skprep.StringLookup(vocabulary=["one", "two", "three"], invert=True, **LOOKUP)
    assert np.asarray(layer.transform([2, 3, 1])).tolist() == ["one", "two", "[OOV]"]
    out = np.asarray(layer.transform(np.array([[2, 3, 1, 3]])))
    assert out[0].tolist() == ["one", "two", "[OOV]", "two"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_tokens": 1},
        {"max_tokens": None, "pad_to_max_tokens": True, "output_mode": "multi_hot"},
        {"num_oov_indices": -1},
        {"invert": True, "output_mode": "multi_hot"},
        {"idf_weights": [0.5], "vocabulary": ["a"], "output_mode": "int"},
        {"vocabulary": ["a", "a"]},
        {"vocabulary": ["a", ""], "mask_token": ""},
        {"vocabulary": "/no/such/vocabulary/file.txt"},
    ],
)
def test_index_lookup_bad_arguments_raise(kwargs):
    with pytest.raises(ValueError):
        skprep.StringLookup(**kwargs).fit_transform(np.array(["a", "b"]))


def test_index_lookup_sparse_with_int_mode_is_accepted():
    # keras_diff: Keras refuses sparse=True with output_mode="int"; skprep's sparse=True is
    # the default (encoded outputs are CSR unless sparse=False), so int mode ignores it.
    out = skprep.StringLookup(sparse=True, output_mode="int").fit_transform(np.array(["a", "b"]))
    assert isinstance(out, np.ndarray)


# -- Hashing, the rest of hashing_test.py -----------------------------------------------------

WIRE = [["omar"], ["stringer"], ["marlo"], ["wire"], ["skywalker"]]
INTS = [[0], [1], [2], [3], [4]]


@pytest.mark.parametrize(
    "kwargs, x, expected",
    [
        ({"num_bins": 1}, [["A"], ["B"], ["C"], ["D"], ["E"]], [[0]] * 5),
        ({"num_bins": 2}, WIRE, [[0], [0], [1], [0], [0]]),
        ({"num_bins": 3, "mask_value": ""}, WIRE, [[1], [1], [2], [1], [1]]),
        ({"num_bins": 3, "mask_value": "omar"}, WIRE, [[0], [1], [2], [1], [1]]),
        ({"num_bins": 3}, INTS, [[1], [0], [1], [0], [2]]),
        ({"num_bins": 2, "salt": [133, 137]}, WIRE, [[0], [1], [0], [1], [0]]),
        ({"num_bins": 2, "salt": [211, 137]}, WIRE, [[1], [0], [1], [0], [1]]),
        ({"num_bins": 3, "salt": [133, 137]}, INTS, [[1], [1], [2], [0], [1]]),
        ({"num_bins": 2}, [1, 2, 3], [1, 1, 1]),
        ({"num_bins": 2}, [[1], [2], [3]], [[1], [1], [1]]),
        ({"num_bins": 2}, [[1, 2], [2, 3], [3, 4]], [[1, 1], [1, 1], [1, 1]]),
    ],
)
def test_hashing_dense_inputs(kwargs, x, expected):
    first = x[0][0] if isinstance(x[0], list) else x[0]
    arr = np.asarray(x, dtype=object) if isinstance(first, str) else np.asarray(x)
    out = skprep.Hashing(**kwargs).transform(arr)
    np.testing.assert_array_equal(out, expected)


def test_hashing_list_of_strings():
    layer = skprep.Hashing(num_bins=2)
    np.testing.assert_array_equal(layer.transform(WIRE), [[0], [0], [1], [0], [0]])
    flat = ["omar", "stringer", "marlo", "wire", "skywalker"]
    np.testing.assert_array_equal(layer.transform(flat), [0, 0, 1, 0, 0])


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"num_bins": None}, "cannot be `None`"),
        ({"num_bins": -1}, "cannot be `None`|num_bins"),
        ({"num_bins": 0}, "cannot be `None`|num_bins"),
        ({"num_bins": 2, "salt": "string"}, "salt"),  # scikit-learn's constraint message
        ({"num_bins": 2, "salt": [1]}, "can only be a tuple of size 2"),
        ({"num_bins": 1, "salt": [133, 137, 177]}, "can only be a tuple of size 2"),
        ({"num_bins": 3, "output_mode": "unsupported_mode"}, "output_mode"),
    ],
)
def test_hashing_invalid_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        skprep.Hashing(**kwargs).fit_transform([["a"]])


def test_hashing_encoded_outputs():
    one_hot = skprep.Hashing(num_bins=3, output_mode="one_hot")
    expected = [[0, 1, 0], [1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 0, 1]]
    np.testing.assert_array_equal(dense(one_hot.transform(np.arange(5).reshape(-1, 1))), expected)
    multi = skprep.Hashing(num_bins=3, output_mode="multi_hot")
    np.testing.assert_array_equal(dense(multi.transform(np.array([[0, 1, 2, 3, 4]]))), [[1, 1, 1]])
    count = skprep.Hashing(num_bins=3, output_mode="count")
    np.testing.assert_array_equal(dense(count.transform(np.array([[0, 1, 2, 3, 4]]))), [[2, 2, 1]])
    np.testing.assert_array_equal(keras_call(count, [0, 1, 2, 3, 4], one_sample=True), [2, 2, 1])


def test_hashing_sparse_with_int_mode_is_accepted():
    # keras_diff: Keras refuses sparse=True in int mode; it is skprep's default (ignored there).
    out = skprep.Hashing(num_bins=3, output_mode="int", sparse=True).fit_transform([["a"]])
    assert isinstance(out, np.ndarray)


# -- TextVectorization, the rest of text_vectorization_test.py --------------------------------

SENTENCE = ["Hello, World!. This is just a nice test!"]


@pytest.mark.parametrize(
    "kwargs, x, expected",
    [
        (
            {
                "standardize": "lower",
                "vocabulary": ["hello,", "hello", "world", "this", "is", "nice", "test"],
            },
            SENTENCE,
            [[2, 1, 5, 6, 1, 1, 7, 1]],
        ),
        ({"split": "character", "vocabulary": list("abcde")}, ["abcf"], [[2, 3, 4, 1]]),
        (
            # keras_diff: callables get a NumPy string array (Keras: a tf string tensor).
            # "|" is punctuation, stripped before the split: "foobar", index 4, as in Keras.
            {"split": lambda a: np.char.split(a, "|"), "vocabulary": ["foo", "bar", "foobar"]},
            ["foo|bar"],
            [[4]],
        ),
        (
            {"standardize": "strip_punctuation", "vocabulary": ["Hello", "World", "Test"]},
            ["Hello, World! Test."],
            [[2, 3, 4]],
        ),
        ({"standardize": None, "vocabulary": ["Hello", "world"]}, ["Hello hello"], [[2, 1]]),
        (
            {"standardize": lambda a: np.char.replace(a, "-", " "), "vocabulary": ["foo", "bar"]},
            ["foo-bar"],
            [[2, 3]],
        ),
        (
            {"split": None, "vocabulary": ["foo", "bar", "baz"]},
            [["foo"], ["bar"], ["unknown"]],
            [[2], [3], [1]],
        ),
        ({"vocabulary": ["foo", "bar", "baz"]}, ["foo bar baz unknown"], [[2, 3, 4, 1]]),
    ],
)
def test_text_vectorization_standardize_and_split(kwargs, x, expected):
    layer = skprep.TextVectorization(output_mode="int", **kwargs)
    np.testing.assert_array_equal(layer.transform(x), expected)


def test_text_vectorization_ngrams():
    vocab = skprep.TextVectorization(ngrams=2).fit(["foo bar baz"]).get_vocabulary()
    assert "foo bar" in vocab and "bar baz" in vocab
    vocab = skprep.TextVectorization(ngrams=(1, 3)).fit(["foo bar baz"]).get_vocabulary()
    assert "foo" in vocab and "foo bar baz" in vocab and "foo bar" not in vocab


def test_text_vectorization_max_tokens_and_padding():
    vocab = skprep.TextVectorization(max_tokens=5).fit(["a b c d e f g h i j"]).get_vocabulary()
    assert len(vocab) == 5
    layer = skprep.TextVectorization(
        output_mode="multi_hot", vocabulary=["foo", "bar"], max_tokens=8, pad_to_max_tokens=True
    )
    assert layer.transform(["foo bar"]).shape[-1] == 8


def test_text_vectorization_vocabulary_accessors(tmp_path):
    layer = skprep.TextVectorization(vocabulary=["foo", "bar", "baz"])
    vocab = layer.get_vocabulary()
    assert vocab[:2] == ["", "[UNK]"] and {"foo", "bar", "baz"} <= set(vocab)
    assert layer.get_vocabulary(include_special_tokens=False) == ["foo", "bar", "baz"]
    assert layer.vocabulary_size() == 5
    path = tmp_path / "vocab.txt"
    path.write_text("foo\nbar\nbaz\n")
    out = skprep.TextVectorization(vocabulary=str(path)).transform(["foo bar baz unknown"])
    np.testing.assert_array_equal(out, [[2, 3, 4, 1]])


def test_text_vectorization_one_hot_and_sparse():
    # keras_diff: one_hot with a splitter would be a ragged (n, tokens, depth) tensor in Keras;
    # skprep refuses it (use multi_hot/count, or split=None for one token per text).
    one_hot = skprep.TextVectorization(output_mode="one_hot", vocabulary=["foo", "bar", "baz"])
    with pytest.raises(ValueError, match="split=None"):
        one_hot.transform(["foo bar"])
    whole = skprep.TextVectorization(
        output_mode="one_hot", vocabulary=["foo", "bar", "baz"], split=None
    )
    assert whole.transform(["foo"]).shape[-1] == 4
    multi = skprep.TextVectorization(output_mode="multi_hot", vocabulary=["foo", "bar", "baz"])
    assert sp.issparse(multi.transform(["foo bar"]))
