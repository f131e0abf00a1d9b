"""Port of keras/src/layers/preprocessing/integer_lookup_test.py."""

import numpy as np
import pytest

from ._adapter import adapt, call, config, from_config, make

ADAPT = [1, 1, 1, 2, 2, 3]


def test_config_round_trip():
    layer = make(
        "IntegerLookup", output_mode="int", vocabulary=[1, 2, 3], oov_token=1, mask_token=0
    )
    assert config(from_config(layer)) == config(layer)


def test_adapt_flow_int():
    layer = adapt(make("IntegerLookup", output_mode="int"), ADAPT)
    np.testing.assert_array_equal(call(layer, [1, 2, 4]), [1, 2, 0])
    np.testing.assert_array_equal(call(layer, [[1, 2, 4], [2, 3, 5]]), [[1, 2, 0], [2, 3, 0]])


def test_adapt_flow_one_hot():
    layer = adapt(make("IntegerLookup", output_mode="one_hot"), ADAPT)
    np.testing.assert_array_equal(
        call(layer, [1, 2, 4]), [[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0]]
    )


@pytest.mark.parametrize(
    "mode, x, expected",
    [
        ("multi_hot", [[1, 2, 4]], [[1, 1, 1, 0]]),
        ("tf_idf", [[1, 2, 4]], [[1.133732, 0.916291, 1.098612, 0.0]]),
        ("count", [[1, 2, 3, 4, 1, 2, 1]], [[1, 3, 2, 1]]),
    ],
)
def test_adapt_flow_encoded_one_sample_as_row(mode, x, expected):
    layer = adapt(make("IntegerLookup", output_mode=mode), ADAPT)
    np.testing.assert_allclose(call(layer, x), expected, rtol=1e-5)


@pytest.mark.xfail(strict=True, reason="row contract: a 1-D multi_hot input is one per sample")
def test_adapt_flow_multi_hot_1d_is_one_sample():
    layer = adapt(make("IntegerLookup", output_mode="multi_hot"), ADAPT)
    np.testing.assert_allclose(call(layer, [1, 2, 4]), [1, 1, 1, 0])


def test_fixed_and_set_vocabulary():
    for layer in (
        make("IntegerLookup", vocabulary=[1, 2, 3, 4]),
        make("IntegerLookup").set_params(vocabulary=[1, 2, 3, 4]),
    ):
        np.testing.assert_array_equal(call(layer, [2, 3, 4, 5]), [2, 3, 4, 0])


def test_one_hot_2d_input_adds_an_axis():
    layer = make("IntegerLookup", vocabulary=[1, 2, 3], output_mode="one_hot", sparse=False)
    out = call(layer, np.array([[1, 2], [3, 0]]))
    expected = [[[0, 1, 0, 0], [0, 0, 1, 0]], [[0, 0, 0, 1], [1, 0, 0, 0]]]
    assert out.shape == (2, 2, 4)
    np.testing.assert_array_equal(out, expected)


@pytest.mark.xfail(strict=True, reason="lookups take 1-D or 2-D input (rows are samples)")
def test_one_hot_rank_3_input():
    layer = make("IntegerLookup", vocabulary=[1, 2, 3], output_mode="one_hot", sparse=False)
    assert call(layer, np.array([[[1, 2], [3, 0]]])).shape == (1, 2, 2, 4)


@pytest.mark.parametrize(
    "mode, extra", [("multi_hot", {}), ("count", {}), ("tf_idf", {"idf_weights": [1.0, 1.0, 1.0]})]
)
def test_encoded_output_shapes(mode, extra):
    layer = make("IntegerLookup", vocabulary=[1, 2, 3], output_mode=mode, **extra)
    assert call(layer, np.array([[1, 2], [3, 0]])).shape == (2, 4)


def test_max_tokens_caps_vocabulary():
    layer = adapt(make("IntegerLookup", max_tokens=4), [1, 2, 3, 4, 5, 6, 1, 1, 2, 2])
    assert len(layer.get_vocabulary()) == 4


def test_mask_token():
    layer = make("IntegerLookup", vocabulary=[1, 2, 3], mask_token=0)
    np.testing.assert_array_equal(call(layer, [0, 1, 2, 3]), [0, 2, 3, 4])


def test_invert():
    layer = make("IntegerLookup", vocabulary=[10, 20, 30], invert=True)
    np.testing.assert_array_equal(call(layer, [1, 2, 3, 0]), [10, 20, 30, -1])


def test_pad_to_max_tokens():
    layer = make(
        "IntegerLookup",
        vocabulary=[1, 2],
        output_mode="multi_hot",
        max_tokens=5,
        pad_to_max_tokens=True,
    )
    assert call(layer, [[1, 2]]).shape[-1] == 5


def test_num_oov_indices():
    out = call(make("IntegerLookup", vocabulary=[1, 2, 3], num_oov_indices=2), [1, 2, 3, 999, 1000])
    np.testing.assert_array_equal(out[:3], [2, 3, 4])
    assert set(out[3:]) <= {0, 1}


def test_get_vocabulary_starts_with_oov():
    vocab = adapt(make("IntegerLookup"), [5, 5, 5, 10, 10, 15]).get_vocabulary()
    assert vocab[0] == -1 and vocab[1] == 5


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_tokens": 1},
        {"num_oov_indices": -1},
        {"vocabulary_dtype": "int32"},
        {"vocabulary": [1, 2, 3], "num_oov_indices": 2, "oov_method": "invalid_method"},
    ],
)
def test_invalid_arguments_raise(kwargs):
    with pytest.raises(ValueError):
        adapt(make("IntegerLookup", **kwargs), [1, 2, 3])


def test_multi_hot_is_sparse_when_asked():
    layer = make("IntegerLookup", vocabulary=[1, 2, 3], output_mode="multi_hot", sparse=True)
    assert hasattr(layer.transform([[1, 2]]), "indices")


def test_num_oov_indices_zero():
    out = call(make("IntegerLookup", vocabulary=[1, 2, 3], num_oov_indices=0), [1, 2, 3])
    np.testing.assert_array_equal(out, [0, 1, 2])


def test_adapt_on_a_stream_of_batches():
    batches = (b for b in [np.array([1, 2]), np.array([3, 1])])
    assert 1 in adapt(make("IntegerLookup"), batches).get_vocabulary()


def test_vocabulary_from_file(tmp_path):
    path = tmp_path / "vocab.txt"
    path.write_text("10\n20\n30\n")
    out = call(make("IntegerLookup", vocabulary=str(path)), [10, 20, 30, 999])
    np.testing.assert_array_equal(out, [1, 2, 3, 0])


def test_oov_method_farmhash():
    layer = make(
        "IntegerLookup", vocabulary=[12, 36, 1138, 42], num_oov_indices=2, oov_method="farmhash"
    )
    out = call(layer, np.array([12, 36, 1138, 42, 100, 200]))
    np.testing.assert_array_equal(out[:4], [2, 3, 4, 5])
    assert set(out[4:]) <= {0, 1}


def test_oov_method_ignored_with_one_oov_index():
    a = call(make("IntegerLookup", vocabulary=[1, 2, 3], oov_method="floormod"), [99, 100, 101])
    b = call(make("IntegerLookup", vocabulary=[1, 2, 3], oov_method="farmhash"), [99, 100, 101])
    np.testing.assert_array_equal(a, b)


def test_oov_method_farmhash_values():
    layer = make("IntegerLookup", vocabulary=[10, 20, 30], num_oov_indices=4, oov_method="farmhash")
    np.testing.assert_array_equal(call(layer, [100, 200, 300, 400]), [3, 1, 3, 1])


def test_salt_changes_oov_buckets():
    x = np.array([100, 300, 700, 1100, 1700, 2000])
    plain = call(
        make("IntegerLookup", vocabulary=[10, 20, 30], num_oov_indices=4, oov_method="farmhash"), x
    )
    salted = call(
        make(
            "IntegerLookup",
            vocabulary=[10, 20, 30],
            num_oov_indices=4,
            oov_method="farmhash",
            salt=[137, 42],
        ),
        x,
    )
    assert not np.array_equal(plain, salted)
