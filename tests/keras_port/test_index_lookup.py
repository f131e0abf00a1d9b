"""Port of keras/src/layers/preprocessing/index_lookup_test.py.

Keras's ``IndexLookup`` is the private base of ``StringLookup`` and ``IntegerLookup``
(``vocabulary_dtype="string"`` / ``"int64"``); the port drives the two public classes.
"""

import numpy as np
import pytest

from ._adapter import adapt, call, config, from_config, make

STR_KW = {"max_tokens": 7, "num_oov_indices": 1, "mask_token": "", "oov_token": "[OOV]"}
INT_KW = {"max_tokens": 7, "num_oov_indices": 1, "mask_token": 0, "oov_token": -1}
CASES = [
    (
        "StringLookup",
        STR_KW,
        ["one", "one", "one", "two", "two", "three"],
        ["one", "two", "four"],
        ["", "[OOV]", "one", "two", "three"],
    ),
    ("IntegerLookup", INT_KW, [1, 1, 1, 2, 2, 3], [1, 2, 4], [0, -1, 1, 2, 3]),
]


def _check(layer, x, full):
    assert list(layer.get_vocabulary()) == full
    assert list(layer.get_vocabulary(include_special_tokens=False)) == full[2:]
    assert list(call(layer, x)) == [2, 3, 1]
    assert list(call(layer, np.array(x))) == [2, 3, 1]
    assert config(from_config(layer)) == config(layer)


@pytest.mark.parametrize("name, kw, data, x, full", CASES, ids=["string", "integer"])
def test_basics(name, kw, data, x, full):
    _check(adapt(make(name, **kw), data), x, full)
    _check(make(name, vocabulary=full[2:], **kw), x, full)
    _check(make(name, **kw).set_params(vocabulary=full[2:]), x, full)


@pytest.mark.parametrize("name, kw, data, x, full", CASES, ids=["string", "integer"])
def test_vocabulary_holding_special_tokens(name, kw, data, x, full):
    _check(make(name, vocabulary=full, **kw), x, full)


def test_max_tokens_adapt():
    layer = adapt(make("IntegerLookup", **{**INT_KW, "max_tokens": 4}), [1, 1, 1, 2, 2, 3])
    assert list(layer.get_vocabulary()) == [0, -1, 1, 2]
    assert list(call(layer, [1, 2, 3, 4])) == [2, 3, 1, 1]


def test_pad_to_max_tokens():
    layer = make(
        "IntegerLookup",
        max_tokens=5,
        mask_token=0,
        vocabulary=[1, 2],
        pad_to_max_tokens=True,
        output_mode="multi_hot",
    )
    np.testing.assert_allclose(call(layer, [[1, 2]]), [[0, 1, 1, 0, 0]])


def _modes(mode, **extra):
    return make(
        "StringLookup", vocabulary=["one", "two", "three"], output_mode=mode, **STR_KW, **extra
    )


def test_output_mode_int():
    np.testing.assert_array_equal(call(_modes("int"), ["one", "two", "four"]), [2, 3, 1])
    np.testing.assert_array_equal(
        call(_modes("int"), [["one", "two", "four", "two"]]), [[2, 3, 1, 3]]
    )


def test_output_mode_one_hot():
    np.testing.assert_allclose(
        call(_modes("one_hot"), ["one", "two", "four"]), [[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0]]
    )


@pytest.mark.parametrize(
    "mode, extra, expected",
    [
        ("multi_hot", {}, [[1, 1, 1, 0]]),
        ("count", {}, [[1, 1, 2, 0]]),
        ("tf_idf", {"idf_weights": np.array([0.1, 0.2, 0.3])}, [[0.2, 0.1, 0.4, 0.0]]),
    ],
)
def test_output_modes_encoded_batch(mode, extra, expected):
    out = call(_modes(mode, **extra), [["one", "two", "four", "two"]])
    np.testing.assert_allclose(out, expected, rtol=1e-6)


@pytest.mark.parametrize(
    "mode, extra, expected",
    [
        ("multi_hot", {}, [[1, 1, 1, 0]]),
        ("count", {}, [[1, 1, 1, 0]]),
        ("tf_idf", {"idf_weights": np.array([0.1, 0.2, 0.3])}, [[0.2, 0.1, 0.2, 0.0]]),
    ],
)
def test_output_modes_encoded_one_sample_as_row(mode, extra, expected):
    out = call(_modes(mode, **extra), [["one", "two", "four"]])
    np.testing.assert_allclose(out, expected, rtol=1e-6)


def test_one_hot_2d_integer_input():
    layer = make("IntegerLookup", vocabulary=[1, 2, 3], output_mode="one_hot", sparse=False)
    assert call(layer, np.array([[1, 2, 3, 0]] * 3)).shape == (3, 4, 4)


def test_adapt_tf_idf_1d_documents():
    data = ["one", "one", "one", "two", "two", "three"]
    layer = adapt(make("StringLookup", output_mode="tf_idf", **STR_KW), data)
    idf = np.log(1 + len(data) / (1 + np.array([3, 2, 1])))
    np.testing.assert_allclose(np.asarray(layer.idf_weights_)[-3:], idf, rtol=1e-6)
    np.testing.assert_allclose(
        call(layer, [["one", "two", "four"]]), [[1.1337324, 0.91629076, 1.0986123, 0.0]], rtol=1e-6
    )


def test_adapt_tf_idf_2d_documents():
    data = [["one", "one"], ["one", "two"], ["two", "three"]]
    layer = adapt(make("StringLookup", output_mode="tf_idf", **STR_KW), data)
    idf = np.log(1 + len(data) / (1 + np.array([2, 2, 1])))
    np.testing.assert_allclose(np.asarray(layer.idf_weights_)[-3:], idf, rtol=1e-6)
    out = call(layer, [["one", "two"], ["two", "four"]])
    np.testing.assert_allclose(
        out, [[0.0, 0.6931472, 0.6931472, 0.0], [0.76752836, 0.0, 0.6931472, 0.0]], rtol=1e-6
    )


def test_invert():
    layer = make("StringLookup", vocabulary=["one", "two", "three"], invert=True, **STR_KW)
    assert list(call(layer, [2, 3, 1]).astype(str)) == ["one", "two", "[OOV]"]
    assert list(call(layer, [[2, 3, 1, 3]])[0].astype(str)) == ["one", "two", "[OOV]", "two"]


def test_clone_keeps_outputs():
    layer = adapt(make("StringLookup", **STR_KW), ["one", "one", "one", "two", "two", "three"])
    x = np.array([["one", "two", "four"]])
    np.testing.assert_array_equal(
        call(adapt(from_config(layer), ["one", "one", "one", "two", "two", "three"]), x),
        call(layer, x),
    )


def test_adapt_on_a_stream_of_batches():
    batches = iter([["one", "one"], ["one", "two"], ["two", "three"]])
    batches = (np.array(b) for b in batches)
    layer = adapt(make("StringLookup", **STR_KW), batches)
    assert list(layer.get_vocabulary()) == ["", "[OOV]", "one", "two", "three"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_tokens": 1},
        {"pad_to_max_tokens": True},
        {"num_oov_indices": -1, "max_tokens": 10},
        {"invert": True, "output_mode": "one_hot"},
        {"idf_weights": [0.5, 0.1, 0.3], "output_mode": "int", "vocabulary": ["a", "b", "c"]},
        {"idf_weights": [0.5, 0.1, 0.3], "output_mode": "multi_hot", "vocabulary": ["a", "b", "c"]},
        {"vocabulary": "path/to/missing_vocab.txt"},
        {"vocabulary": ["token", "token", "unique"]},
        {"mask_token": "mask", "vocabulary": ["token", "mask", "unique"]},
    ],
)
def test_invalid_arguments_raise(kwargs):
    with pytest.raises(ValueError):
        call(make("StringLookup", **kwargs), [["token"]])


def test_unknown_argument_raises():
    with pytest.raises(TypeError):
        make("StringLookup", extra_arg=True)


@pytest.mark.xfail(strict=True, reason="sparse (default True) only shapes encoded outputs")
def test_sparse_with_int_output_raises():
    with pytest.raises(ValueError):
        call(make("StringLookup", vocabulary=["a"], sparse=True, output_mode="int"), ["a"])


def test_multiple_oov_tokens_listed():
    layer = make(
        "StringLookup",
        max_tokens=10,
        num_oov_indices=2,
        mask_token="<mask>",
        oov_token="[OOV]",
        vocabulary=["apple", "banana"],
    )
    vocab = layer.get_vocabulary()
    assert list(vocab[:3]) == ["<mask>", "[OOV]", "[OOV]"] and len(vocab) == 5
    assert list(config(from_config(layer))["vocabulary"]) == ["apple", "banana"]


def test_saved_vocabulary_lines_with_special_tokens(tmp_path):
    # Keras's load_assets reads the lines of vocabulary.txt and sets them as a list.
    path = tmp_path / "vocabulary.txt"
    path.write_text("<mask>\n[OOV]\napple\nbanana\ncherry\n")
    kw = {"max_tokens": 10, "mask_token": "<mask>", "oov_token": "[OOV]"}
    from_file = make("StringLookup", vocabulary=path.read_text().splitlines(), **kw)
    given = make("StringLookup", vocabulary=["apple", "banana", "cherry"], **kw)
    assert list(from_file.get_vocabulary()) == list(given.get_vocabulary())
    x = ["apple", "banana", "unknown"]
    np.testing.assert_array_equal(call(from_file, x), call(given, x))


def test_salt_formats():
    base = {
        "max_tokens": 10,
        "num_oov_indices": 2,
        "vocabulary": [1, 2, 3],
        "oov_method": "farmhash",
    }
    for salt in ([137, 42], 99):
        call(make("IntegerLookup", salt=salt, **base), [1, 100])
    for bad in ("bad", [1, 2, 3]):
        with pytest.raises(ValueError):
            call(make("IntegerLookup", salt=bad, **base), [1, 100])


def test_salt_requires_farmhash():
    with pytest.raises(ValueError):
        call(
            make(
                "IntegerLookup",
                vocabulary=[1, 2, 3],
                num_oov_indices=2,
                oov_method="floormod",
                salt=[137, 42],
            ),
            [1],
        )


@pytest.mark.xfail(strict=True, reason="special tokens inside a vocabulary file are refused")
def test_vocabulary_path_with_special_tokens(tmp_path):
    path = tmp_path / "vocabulary.txt"
    path.write_text("<mask>\n[OOV]\napple\n")
    layer = make("StringLookup", vocabulary=str(path), mask_token="<mask>", oov_token="[OOV]")
    assert list(layer.get_vocabulary()) == ["<mask>", "[OOV]", "apple"]
