"""Port of keras/src/layers/preprocessing/string_lookup_test.py."""

import numpy as np
import pytest

from ._adapter import adapt, call, config, from_config, keras_call, keras_layers, make


def test_config_round_trip_keeps_vocabulary():
    layer = make(
        "StringLookup",
        output_mode="int",
        vocabulary=["a", "b", "c"],
        oov_token="[OOV]",
        mask_token="[MASK]",
    )
    assert config(from_config(layer)) == config(layer)
    assert list(config(layer)["vocabulary"]) == ["a", "b", "c"]


def test_vocabulary_file(tmp_path):
    path = tmp_path / "vocab.txt"
    path.write_text("a\nb\nc\n")
    layer = make("StringLookup", vocabulary=str(path), oov_token="[OOV]", mask_token="[MASK]")
    assert [str(v) for v in layer.get_vocabulary()] == ["[MASK]", "[OOV]", "a", "b", "c"]
    np.testing.assert_array_equal(call(layer, ["b", "c", "d", "[MASK]"]), [3, 4, 1, 0])


def test_adapt_flow():
    layer = adapt(make("StringLookup", output_mode="int"), ["a", "a", "a", "b", "b", "c"])
    np.testing.assert_array_equal(call(layer, ["b", "c", "d"]), [2, 3, 0])
    assert "a" in layer.get_vocabulary()


def test_adapt_with_generator():
    def gen():
        yield ["cat", "dog"]
        yield ["bird", "cat"]

    vocab = adapt(make("StringLookup"), gen()).get_vocabulary()
    assert {"cat", "dog", "bird"} <= set(vocab)


def test_fixed_vocabulary():
    layer = make("StringLookup", output_mode="int", vocabulary=["a", "b", "c"])
    np.testing.assert_array_equal(call(layer, ["b", "c", "d"]), [2, 3, 0])


def test_set_vocabulary_via_set_params():
    layer = make("StringLookup", output_mode="int").set_params(vocabulary=["a", "b", "c"])
    np.testing.assert_array_equal(call(layer, ["b", "c", "d"]), [2, 3, 0])


def test_array_as_vocabulary_and_2d_input():
    layer = make("StringLookup", vocabulary=np.array(["a", "b", "c", "d"]))
    out = call(layer, [["a", "c", "d"], ["d", "z", "b"]])
    np.testing.assert_array_equal(out, [[1, 3, 4], [4, 0, 2]])


def test_oov_token_itself_maps_to_oov():
    layer = make("StringLookup", vocabulary=["a", "b", "c"], oov_token="[OOV]")
    np.testing.assert_array_equal(call(layer, ["a", "b", "[OOV]", "d"]), [1, 2, 0, 0])


def test_invert_lookup():
    layer = make("StringLookup", vocabulary=["a", "b", "c"], invert=True)
    np.testing.assert_array_equal(call(layer, [1, 2, 0]).astype(str), ["a", "b", "[UNK]"])
    layer = make("StringLookup", vocabulary=["a", "b", "c"], oov_token="[OOV]", invert=True)
    np.testing.assert_array_equal(call(layer, [1, 2, 0]).astype(str), ["a", "b", "[OOV]"])


def test_count_width_is_vocabulary_size():
    layer = make("StringLookup", vocabulary=["a", "b"], output_mode="count")
    out = call(layer, [["a", "a", "a", "b", "b"]])
    assert out.shape[-1] == len(layer.get_vocabulary())
    np.testing.assert_array_equal(out, [[0, 3, 2]])


def test_multi_hot_one_sample_as_row():
    layer = make("StringLookup", vocabulary=["a", "b"], output_mode="multi_hot")
    np.testing.assert_array_equal(call(layer, [["a", "b"]]), [[0, 1, 1]])


@pytest.mark.xfail(strict=True, reason="row contract: a 1-D input is one token per sample")
def test_multi_hot_1d_is_one_sample():
    layer = make("StringLookup", vocabulary=["a", "b"], output_mode="multi_hot")
    np.testing.assert_array_equal(call(layer, ["a", "b"]), [0, 1, 1])


def test_mask_token_maps_to_zero():
    out = call(make("StringLookup", vocabulary=["a"], mask_token="[MASK]"), ["[MASK]", "a"])
    assert int(out[0]) == 0


def test_get_vocabulary_without_special_tokens():
    layer = make("StringLookup", vocabulary=["a", "b", "c"])
    assert list(layer.get_vocabulary(include_special_tokens=False)) == ["a", "b", "c"]


def _one_hot_layer():
    return make(
        "StringLookup",
        max_tokens=20,
        num_oov_indices=4,
        oov_token="[UNK]",
        vocabulary=list("abcdefghi"),
        output_mode="one_hot",
        pad_to_max_tokens=True,
        sparse=False,
    )


def test_one_hot_padded_2d_input():
    out = call(_one_hot_layer(), np.array([["a", "b"], ["c", "d"]]))
    assert out.shape == (2, 2, 20)
    assert out[0, 0, 4] == 1 and out.sum() == 4


@pytest.mark.xfail(strict=True, reason="lookups take 1-D or 2-D input (rows are samples)")
def test_one_hot_padded_rank_3_input():
    out = call(_one_hot_layer(), np.array([[["a", "b"], ["c", "d"]]] * 2))
    assert out.shape == (2, 2, 2, 20)


def test_salt_changes_oov_buckets():
    oov = ["x", "y", "z", "w", "v", "u"]
    plain = call(make("StringLookup", vocabulary=["a", "b", "c"], num_oov_indices=4), oov)
    salted = call(
        make("StringLookup", vocabulary=["a", "b", "c"], num_oov_indices=4, salt=[137, 42]), oov
    )
    assert not np.array_equal(plain, salted)
    assert plain.max() < 4 and salted.max() < 4


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"output_mode": "tf_idf"},
        {"max_tokens": 4, "num_oov_indices": 2, "output_mode": "count"},
        {"mask_token": "", "output_mode": "int"},
    ],
)
def test_live_adapt_matches_keras(kwargs):
    layers = keras_layers()
    data = np.array([["a", "b", "c"], ["a", "a", "d"], ["e", "b", ""], ["a", "c", "c"]])
    theirs = layers.StringLookup(**kwargs)
    theirs.adapt(data)
    ours = adapt(make("StringLookup", **kwargs), data)
    assert list(ours.get_vocabulary()) == [str(v) for v in theirs.get_vocabulary()]
    query = np.array([["a", "zz", "c"], ["", "e", "b"]])
    np.testing.assert_allclose(call(ours, query), keras_call(theirs, query), rtol=1e-6)
