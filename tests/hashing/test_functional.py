"""The hash kernels: TF test vectors, a scalar reference, input types, chunking, errors."""

import warnings

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skprep.hashing import functional as F
from skprep.hashing.functional import (
    fingerprint64,
    fingerprint_cat64,
    hash_to_bins,
    salt_key,
    siphash24,
    utf8_buffers,
)
from tests.hashing import _reference as R

# Test vectors verified against TF
VECTORS = [
    ("", 11160318154034397263, 4928313950774450900),
    ("a", 12917804110809363939, 7077939996121841354),
    ("hello", 13009744463427800296, 1067426241479190957),
    ("-1", 7333874265151076430, 1365799947328981874),
    ("101", 7111978204949978653, 6348341703059138397),
    ("true", 8572766038233537570, 9842784731459631296),
]


def _random_bytes(rng, lengths):
    return [bytes(rng.integers(0, 256, n, dtype=np.uint8)) for n in lengths]


def test_spec_vectors():
    strings = [v[0] for v in VECTORS]
    assert fingerprint64(strings).tolist() == [v[1] for v in VECTORS]
    assert siphash24(strings, 133, 137).tolist() == [v[2] for v in VECTORS]


def test_spec_layer_vectors():
    x = ["A", "B", "C", "D", "E"]
    assert hash_to_bins(x, 3).tolist() == [1, 0, 1, 1, 2]
    assert hash_to_bins(x, 3, salt=133).tolist() == [0, 0, 2, 1, 0]
    assert hash_to_bins(x, 3, salt=[133, 137]).tolist() == [1, 2, 1, 0, 2]
    assert hash_to_bins(["A"], 1000003).tolist() == [127888]


def test_every_length_matches_reference(rng):
    lengths = list(range(0, 260)) + [511, 512, 513, 1025]
    values = _random_bytes(rng, lengths)
    rng.shuffle(values)
    assert fingerprint64(values).tolist() == [R.fingerprint64(v) for v in values]
    k0, k1 = (int(k) for k in rng.integers(-(2**63), 2**63, 2))
    assert siphash24(values, k0, k1).tolist() == [R.siphash24(v, k0, k1) for v in values]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.binary(max_size=200), max_size=30), st.integers(0, 2**64 - 1))
def test_property_matches_reference(values, k):
    assert fingerprint64(values).tolist() == [R.fingerprint64(v) for v in values]
    assert siphash24(values, k, k ^ 0xFFFF).tolist() == [
        R.siphash24(v, k, k ^ 0xFFFF) for v in values
    ]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=20))
def test_property_unicode_is_utf8(values):
    encoded = [v.encode("utf-8") for v in values]
    assert fingerprint64(values).tolist() == fingerprint64(encoded).tolist()
    assert fingerprint64(values).tolist() == [R.fingerprint64(v) for v in encoded]


@pytest.mark.parametrize("chunk", [2, 7, 64])
def test_chunking_does_not_change_results(monkeypatch, rng, chunk):
    values = _random_bytes(rng, rng.integers(0, 150, 200))
    want_fp, want_sip = fingerprint64(values), siphash24(values, 5, 6)
    monkeypatch.setattr(F, "_CHUNK", chunk)
    np.testing.assert_array_equal(fingerprint64(values), want_fp)
    np.testing.assert_array_equal(siphash24(values, 5, 6), want_sip)


@pytest.mark.parametrize(
    "lengths",
    [[0] * 5, [3] * 5, [8] * 5, [8, 9, 20, 0], [16] * 4, [15, 0, 7], [40] * 3, [100, 300, 65]],
)
def test_single_and_mixed_length_classes(lengths, rng):
    values = _random_bytes(rng, lengths)
    assert fingerprint64(values).tolist() == [R.fingerprint64(v) for v in values]
    assert siphash24(values, 1, 2).tolist() == [R.siphash24(v, 1, 2) for v in values]


def test_no_normalisation_of_unicode():
    a, b = fingerprint64(["é", "e\u0301"])
    assert a != b


def _containers():
    values = ["", "a", "hello", "日本", "x" * 70]
    arrow = pa.array(values)
    yield "list", values
    yield "object", np.array(values, dtype=object)
    yield "unicode", np.array(values)
    yield "stringdtype", np.array(values, dtype=np.dtypes.StringDType())
    yield "bytes_list", [v.encode() for v in values]
    yield "bytes_object", np.array([v.encode() for v in values], dtype=object)
    yield (
        "mixed_object",
        np.array([v if i % 2 else v.encode() for i, v in enumerate(values)], dtype=object),
    )
    yield "arrow_string", arrow
    yield "arrow_large_string", arrow.cast(pa.large_string())
    yield "arrow_binary", arrow.cast(pa.binary())
    yield "arrow_string_view", arrow.cast(pa.string_view())
    yield "arrow_chunked", pa.chunked_array([values[:2], values[2:]])
    yield "arrow_sliced", pa.array(["zzz"] + values)[1:]


@pytest.mark.parametrize("container", list(_containers()), ids=lambda c: c[0])
def test_input_containers(container):
    values = container[1]
    want = [R.fingerprint64(v.encode()) for v in ["", "a", "hello", "日本", "x" * 70]]
    assert fingerprint64(values).tolist() == want


def test_fixed_width_bytes_array():
    # NumPy "S" arrays drop trailing NUL bytes, so b"a\0" is b"a" there.
    values = np.array([b"abc", b"", b"hello world"], dtype="S")
    assert fingerprint64(values).tolist() == [R.fingerprint64(v) for v in values.tolist()]


def test_utf8_buffers_layout():
    data, starts, lengths = utf8_buffers(pa.array(["q", "ab", "", "é"])[1:])
    assert starts.tolist() == [0, 2, 2]
    assert lengths.tolist() == [2, 0, 2]
    assert data.dtype == np.uint8 and data.shape[0] >= lengths.sum() + 8
    assert not data[lengths.sum() :].any()


def test_empty_inputs():
    for values in ([], np.array([], dtype=object), pa.array([], type=pa.string())):
        assert fingerprint64(values).shape == (0,)
        assert siphash24(values, 1, 2).dtype == np.uint64
        assert hash_to_bins(values, 4).dtype == np.int64


def test_no_overflow_warnings(rng):
    values = _random_bytes(rng, range(0, 300))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fingerprint64(values)
        siphash24(values, 2**64 - 1, -1)
        hash_to_bins(values, 7, salt=(1, 2))
        fingerprint_cat64(2**64 - 1, np.array([-1, 2**62], dtype=np.int64))
        fingerprint_cat64(np.uint64(2**64 - 1), 7)


def test_hash_to_bins_is_unsigned_modulo(rng):
    values = _random_bytes(rng, range(50))
    h = np.array([R.fingerprint64(v) for v in values], dtype=object)
    for bins in (1, 2, 3, 1000003, 2**63 - 1):
        assert hash_to_bins(values, bins).tolist() == [int(x) % bins for x in h]
    s = [R.siphash24(v, 2**64 - 3, 2**64 - 3) for v in values]
    assert hash_to_bins(values, 97, salt=-3).tolist() == [x % 97 for x in s]


@pytest.mark.parametrize(
    ("salt", "key"),
    [(None, None), (7, (7, 7)), ([1, 2], (1, 2)), ((3, -4), (3, -4)), (np.int64(5), (5, 5))],
)
def test_salt_key(salt, key):
    assert salt_key(salt) == key


@pytest.mark.parametrize(
    "salt", [1.5, "7", [1], [1, 2, 3], [1.0, 2], True, 2**64, [0, -(2**63) - 1]]
)
def test_bad_salt(salt):
    with pytest.raises(ValueError, match="salt"):
        hash_to_bins(["a"], 3, salt=salt)


@pytest.mark.parametrize("num_bins", [0, -1, 2**63])
def test_bad_num_bins(num_bins):
    with pytest.raises(ValueError, match="num_bins"):
        hash_to_bins(["a"], num_bins)


@pytest.mark.parametrize("num_bins", [2.0, "3", None, True])
def test_non_integer_num_bins(num_bins):
    with pytest.raises(TypeError, match="num_bins"):
        hash_to_bins(["a"], num_bins)


@pytest.mark.parametrize(
    "values",
    [[1, 2], np.array([1.5]), np.array(["a", None], dtype=object), ["a", 3], pa.array([1, 2])],
    ids=["ints", "floats", "none", "mixed_int", "arrow_int"],
)
def test_bad_values(values):
    with pytest.raises((TypeError, ValueError), match="(?i)string|bytes|missing"):
        fingerprint64(values)


def test_missing_arrow_value():
    with pytest.raises(ValueError, match="missing"):
        fingerprint64(pa.array(["a", None]))


def test_two_dimensional_input_refused():
    with pytest.raises(ValueError, match="1-D"):
        fingerprint64(np.array([["a", "b"]], dtype=object))


def test_bad_key_words():
    with pytest.raises(TypeError, match="k0"):
        siphash24(["a"], 1.0, 2)
    with pytest.raises(ValueError, match="k1"):
        siphash24(["a"], 1, 2**64)


def test_fingerprint_cat64_spec_vectors():
    h = fingerprint_cat64(0xDECAFCAFFE, fingerprint64(["A", "B", "A", "B", "A"]))
    h = fingerprint_cat64(h, np.array([101, 101, 101, 102, 102]))
    assert (h % np.uint64(5)).tolist() == [1, 4, 1, 1, 3]
    h = fingerprint_cat64(0xDECAFCAFFE, fingerprint64(["A"]))
    h = fingerprint_cat64(fingerprint_cat64(h, 1), fingerprint64(["x"]))
    assert (h % np.uint64(1000003)).tolist() == [235659]


@settings(max_examples=50, deadline=None)
@given(st.integers(-(2**63), 2**64 - 1), st.integers(-(2**63), 2**63 - 1))
def test_fingerprint_cat64_matches_reference(a, b):
    got = fingerprint_cat64(np.array([a % 2**64], dtype=np.uint64), np.array([b], dtype=np.int64))
    assert got.tolist() == [R.fingerprint_cat64(a, b)]


def test_fingerprint_cat64_refuses_floats():
    with pytest.raises(TypeError, match="integer"):
        fingerprint_cat64(np.array([1.0]), 2)
