"""Port of keras/src/layers/preprocessing/text_vectorization_test.py.

Keras's callables (``standardize``, ``split``) take TensorFlow string tensors; skprep's take
NumPy string arrays, so the ports write them with ``np.char``.
"""

import numpy as np
import pytest

from ._adapter import adapt, call, config, from_config, keras_call, keras_layers, make

# int mode without output_sequence_length warns that the width follows the batch (as in Keras)
pytestmark = pytest.mark.filterwarnings("ignore:TextVectorization.*output_sequence_length")

VOCAB = ["baz", "bar", "foo"]
TEXTS = [["foo qux bar"], ["qux baz"]]
SEQ = [[4, 1, 3, 0], [1, 2, 0, 0]]


def test_config_round_trip():
    layer = make(
        "TextVectorization", output_mode="int", vocabulary=["one", "two"], output_sequence_length=5
    )
    assert config(from_config(layer)) == config(layer)


def test_adapt_flow():
    layer = adapt(
        make("TextVectorization", max_tokens=5000, output_sequence_length=4),
        ["foo bar", "bar baz", "baz bada boom"],
    )
    np.testing.assert_array_equal(call(layer, TEXTS), SEQ)
    assert "foo" in layer.get_vocabulary()


def test_adapt_with_generator():
    def gen():
        yield ["hello world", "foo bar"]
        yield ["baz qux", "hello foo"]

    vocab = adapt(make("TextVectorization"), gen()).get_vocabulary()
    assert "hello" in vocab and "foo" in vocab


def test_fixed_and_set_vocabulary():
    for layer in (
        make("TextVectorization", max_tokens=5000, output_sequence_length=4, vocabulary=VOCAB),
        make("TextVectorization", max_tokens=5000, output_sequence_length=4).set_params(
            vocabulary=VOCAB
        ),
    ):
        np.testing.assert_array_equal(call(layer, TEXTS), SEQ)


def test_ngrams_fit_and_clone_give_same_output():
    x = np.array(["foo bar", "bar baz", "baz bada boom"])
    layer = adapt(make("TextVectorization", ngrams=(1, 2)), x)
    again = adapt(from_config(layer), x)
    np.testing.assert_array_equal(call(again, x), call(layer, x))


def test_tf_idf_fit_and_clone_give_same_output():
    x = np.array(["foo bar", "bar baz", "baz bada boom"])
    layer = adapt(make("TextVectorization", max_tokens=100, output_mode="tf_idf"), x)
    np.testing.assert_allclose(call(adapt(from_config(layer), x), x), call(layer, x))


@pytest.mark.parametrize(
    "split, x, expected",
    [("whitespace", TEXTS, SEQ), (None, [["foo"], ["baz"]], [[4, 0, 0, 0], [2, 0, 0, 0]])],
)
def test_output_sequence_length_is_static(split, x, expected):
    layer = make(
        "TextVectorization",
        max_tokens=5000,
        output_sequence_length=4,
        split=split,
        vocabulary=VOCAB,
    )
    out = call(layer, x)
    assert out.shape == (2, 4)
    np.testing.assert_array_equal(out, expected)


def _ragged_rows(out):
    return [list(map(int, row)) for row in out]


def test_ragged_output():
    layer = make("TextVectorization", vocabulary=VOCAB, ragged=True)
    out = layer.fit([["foo"]]).transform([["foo qux bar"], ["qux baz"], ["foo"]])
    assert _ragged_rows(out) == [[4, 1, 3], [1, 2], [4]]


def test_ragged_output_truncated():
    layer = make("TextVectorization", vocabulary=VOCAB, ragged=True, output_sequence_length=2)
    out = layer.fit([["foo"]]).transform([["foo qux bar"], ["qux baz"], ["foo"]])
    assert _ragged_rows(out) == [[4, 1], [1, 2], [4]]


def test_ragged_needs_int_mode():
    with pytest.raises(ValueError):
        call(
            make("TextVectorization", output_mode="multi_hot", vocabulary=VOCAB, ragged=True),
            ["foo"],
        )


def test_multi_hot_output():
    layer = make("TextVectorization", output_mode="multi_hot", vocabulary=["foo", "bar", "baz"])
    np.testing.assert_array_equal(
        call(layer, [["foo bar"], ["baz foo foo"]]), [[0, 1, 1, 0], [0, 1, 0, 1]]
    )


def test_count_output():
    layer = make("TextVectorization", output_mode="count", vocabulary=["foo", "bar", "baz"])
    np.testing.assert_array_equal(
        call(layer, ["foo bar", "baz foo foo"]), [[0, 1, 1, 0], [0, 2, 0, 1]]
    )


def test_tf_idf_output():
    layer = make(
        "TextVectorization",
        output_mode="tf_idf",
        vocabulary=["foo", "bar", "baz"],
        idf_weights=[0.3, 0.5, 0.2],
    )
    np.testing.assert_allclose(
        call(layer, ["foo bar", "baz foo foo"]),
        [[0.0, 0.3, 0.5, 0.0], [0.0, 0.6, 0.0, 0.2]],
        rtol=1e-6,
    )


SENTENCE = ["Hello, World!. This is just a nice test!"]


def test_lower_and_strip_punctuation():
    layer = make("TextVectorization", vocabulary=["hello", "world", "this", "is", "nice", "test"])
    out = call(layer, SENTENCE)
    np.testing.assert_array_equal(out, [[2, 3, 4, 5, 1, 1, 6, 7]])


def test_lower_only():
    layer = make(
        "TextVectorization",
        standardize="lower",
        vocabulary=["hello,", "hello", "world", "this", "is", "nice", "test"],
    )
    np.testing.assert_array_equal(call(layer, SENTENCE), [[2, 1, 5, 6, 1, 1, 7, 1]])


def test_character_split():
    layer = make("TextVectorization", split="character", vocabulary=list("abcde"))
    np.testing.assert_array_equal(call(layer, ["abcf"]), [[2, 3, 4, 1]])


def test_custom_split_callable():
    layer = make(
        "TextVectorization",
        split=lambda x: np.char.split(x, "|"),
        vocabulary=["foo", "bar", "foobar"],
    )
    # "foo|bar" -> standardized "foobar" (punctuation stripped) -> one token
    np.testing.assert_array_equal(call(layer, ["foo|bar"]), [[4]])


def test_strip_punctuation_only():
    layer = make(
        "TextVectorization", standardize="strip_punctuation", vocabulary=["Hello", "World", "Test"]
    )
    np.testing.assert_array_equal(call(layer, ["Hello, World! Test."]), [[2, 3, 4]])


def test_no_standardization():
    layer = make("TextVectorization", standardize=None, vocabulary=["Hello", "world"])
    np.testing.assert_array_equal(call(layer, ["Hello hello"]), [[2, 1]])


def test_custom_standardize_callable():
    layer = make(
        "TextVectorization",
        standardize=lambda x: np.char.replace(x, "-", " "),
        vocabulary=["foo", "bar"],
    )
    np.testing.assert_array_equal(call(layer, ["foo-bar"]), [[2, 3]])


def test_numpy_standardize_callable_sees_string_arrays():
    seen = []

    def standardize(x):
        seen.append(type(x))
        return np.char.replace(np.char.lower(x), ",", "")

    layer = adapt(make("TextVectorization", standardize=standardize), ["Hello, world."])
    assert seen and all(t is np.ndarray for t in seen)
    assert "hello" in layer.get_vocabulary() and "world." in layer.get_vocabulary()


def test_no_split():
    layer = make("TextVectorization", split=None, vocabulary=["foo", "bar", "baz"])
    np.testing.assert_array_equal(call(layer, [["foo"], ["bar"], ["unknown"]]), [[2], [3], [1]])


def test_ngrams_integer_and_tuple():
    vocab = adapt(make("TextVectorization", ngrams=2), ["foo bar baz"]).get_vocabulary()
    assert "foo bar" in vocab and "bar baz" in vocab
    vocab = adapt(make("TextVectorization", ngrams=(1, 3)), ["foo bar baz"]).get_vocabulary()
    assert "foo" in vocab and "foo bar baz" in vocab and "foo bar" not in vocab


def test_max_tokens():
    layer = adapt(make("TextVectorization", max_tokens=5), ["a b c d e f g h i j"])
    assert len(layer.get_vocabulary()) == 5


def test_pad_to_max_tokens():
    layer = make(
        "TextVectorization",
        output_mode="multi_hot",
        vocabulary=["foo", "bar"],
        max_tokens=8,
        pad_to_max_tokens=True,
    )
    assert call(layer, ["foo bar"]).shape[-1] == 8


def test_get_vocabulary_and_size():
    layer = make("TextVectorization", vocabulary=["foo", "bar", "baz"])
    vocab = layer.get_vocabulary()
    assert vocab[0] == "" and vocab[1] == "[UNK]" and {"foo", "bar", "baz"} <= set(vocab)
    plain = layer.get_vocabulary(include_special_tokens=False)
    assert "" not in plain and "[UNK]" not in plain and len(plain) == 3
    assert layer.vocabulary_size() == 5


def test_vocabulary_from_file(tmp_path):
    path = tmp_path / "vocab.txt"
    path.write_text("foo\nbar\nbaz\n")
    layer = make("TextVectorization", vocabulary=str(path))
    np.testing.assert_array_equal(call(layer, ["foo bar baz unknown"]), [[2, 3, 4, 1]])


def test_one_hot_width_one_token_per_text():
    layer = make(
        "TextVectorization", output_mode="one_hot", split=None, vocabulary=["foo", "bar", "baz"]
    )
    out = call(layer, ["foo", "baz"])
    np.testing.assert_array_equal(out, [[0, 1, 0, 0], [0, 0, 0, 1]])


@pytest.mark.xfail(strict=True, reason="one_hot needs one token per text (split=None)")
def test_one_hot_width_with_whitespace_split():
    layer = make("TextVectorization", output_mode="one_hot", vocabulary=["foo", "bar", "baz"])
    assert call(layer, ["foo bar"]).shape[-1] == 4


def test_sparse_multi_hot():
    layer = make(
        "TextVectorization", output_mode="multi_hot", vocabulary=["foo", "bar", "baz"], sparse=True
    )
    assert hasattr(layer.fit(["foo"]).transform(["foo bar"]), "indices")


def test_adapt_with_stream_of_batches():
    batches = iter([np.array(["foo bar", "bar baz"]), np.array(["baz foo"])])
    vocab = adapt(make("TextVectorization"), batches).get_vocabulary()
    assert {"foo", "bar", "baz"} <= set(vocab)


@pytest.mark.parametrize(
    "kwargs", [{"ngrams": "invalid"}, {"output_mode": "multi_hot", "output_sequence_length": 5}]
)
def test_invalid_arguments_raise(kwargs):
    with pytest.raises(ValueError):
        adapt(make("TextVectorization", **kwargs), ["foo bar"])


_CORPUS = [
    "The quick brown fox",
    "jumps over the lazy dog!",
    "The dog, the fox.",
    "Quick! Quick!",
    "lazy lazy dog",
    "",
]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"output_sequence_length": 6},
        {"output_mode": "count"},
        {"output_mode": "tf_idf"},
        {"ngrams": 2, "output_mode": "multi_hot", "max_tokens": 12},
    ],
)
def test_live_matches_keras_after_adapt(kwargs):
    layers = keras_layers()
    theirs = layers.TextVectorization(**kwargs)
    theirs.adapt(_CORPUS)
    ours = adapt(make("TextVectorization", **kwargs), _CORPUS)
    assert list(ours.get_vocabulary()) == [str(v) for v in theirs.get_vocabulary()]
    np.testing.assert_allclose(call(ours, _CORPUS), keras_call(theirs, _CORPUS), rtol=1e-6)
