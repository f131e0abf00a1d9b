"""The shared vocabulary core (skprep/lookup/_vocabulary.py)."""

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skprep import IntegerLookup, StringLookup, TextVectorization
from skprep.lookup._vocabulary import (
    TokenBatch,
    Vocabulary,
    VocabularyOptions,
    VocabularyState,
    _positions_in,
    build_vocabulary,
    encode_tokens,
    inverse_document_frequency,
    lookup_indices,
    to_token_array,
)


def _vocab(tokens, kind="string", **options):
    state = VocabularyState(kind, options=VocabularyOptions(**options))
    state.update(np.asarray(tokens))
    return state.finalize()["vocabulary"].to_pylist()


@pytest.mark.parametrize(
    "values",
    [
        ["b", "a", "b"],
        np.array(["b", "a", "b"]),
        np.array(["b", "a", "b"], dtype=object),
        np.array([b"b", b"a", b"b"]),
        pa.array(["b", "a", "b"]),
        pa.array(["b", "a", "b"], type=pa.large_string()),
        pa.chunked_array([["b"], ["a", "b"]]),
        pa.array(["b", "a", "b"]).dictionary_encode(),
    ],
    ids=["list", "U", "object", "bytes", "arrow", "large", "chunked", "dictionary"],
)
def test_encode_tokens_string_inputs(values):
    codes = encode_tokens(values, "string")
    assert codes.dictionary.type == pa.string()
    decoded = np.asarray(codes.dictionary.to_pylist(), dtype=object)[codes.codes]
    assert decoded.tolist() == ["b", "a", "b"]


def test_encode_tokens_int_and_dictionary_with_unused_categories():
    codes = encode_tokens(np.array([[3, -1], [3, 7]]), "int")
    assert codes.dictionary.type == pa.int64()
    assert np.asarray(codes.dictionary)[codes.codes].tolist() == [3, -1, 3, 7]
    cat = pa.DictionaryArray.from_arrays(pa.array([1, 1, 0], pa.int8()), pa.array(["x", "y", "z"]))
    codes = encode_tokens(cat, "string")
    assert codes.dictionary.to_pylist() == ["x", "y", "z"]
    assert codes.codes.tolist() == [1, 1, 0]


@pytest.mark.parametrize(
    "values, named",
    [
        (np.array(["a", None], dtype=object), "None"),
        (np.array(["a", np.nan], dtype=object), "NaN"),
        (pa.array(["a", None]), "null"),
    ],
)
def test_missing_values_raise(values, named):
    with pytest.raises(ValueError, match=f"missing values \\({named}"):
        encode_tokens(values, "string")


def test_pd_na_named():
    pd = pytest.importorskip("pandas")
    with pytest.raises(ValueError, match="pd.NA"):
        encode_tokens(np.array(["a", pd.NA], dtype=object), "string")


@pytest.mark.parametrize(
    "values, kind",
    [
        (np.array([1.5, 2.0]), "int"),
        (np.array(["a"]), "int"),
        (np.array([1, 2]), "string"),
        (np.array(["a", 1], dtype=object), "string"),
    ],
)
def test_wrong_kind_raises_type_error(values, kind):
    with pytest.raises(TypeError, match="Expected"):
        to_token_array(values, kind)


def test_invalid_utf8_bytes():
    with pytest.raises(ValueError, match="UTF-8"):
        to_token_array(np.array([b"\xff"]), "string")


def test_order_count_then_token_descending_bytes():
    # equal counts: 'é' > 'z' > 'b' > 'aa' > 'a' > 'Z' as UTF-8 bytes
    assert _vocab(["a", "Z", "aa", "b", "z", "é"]) == ["é", "z", "b", "aa", "a", "Z"]
    assert _vocab(["a", "c", "d", "d", "z", "b"]) == ["d", "z", "c", "b", "a"]


def test_order_ints_numeric():
    assert _vocab([10, 3, 1, 0, 0], kind="int") == [0, 10, 3, 1]


def test_special_tokens_dropped_and_truncation():
    tokens = ["a", "b", "b", "c", "c", "c", "", "", "", "", "[UNK]"]
    got = _vocab(tokens, special_tokens=("", "[UNK]"), max_tokens=3, token_start=2)
    assert got == ["c"]
    assert _vocab(tokens, special_tokens=(None,)) == ["", "c", "b", "a", "[UNK]"]


def test_idf_matches_keras_worked_example():
    state = VocabularyState(
        "string",
        track_documents=True,
        options=VocabularyOptions(special_tokens=("[UNK]",), token_start=1, idf=True),
    )
    state.update(np.array(["a", "b", "b", "c"]))  # 4 one-token documents
    out = state.finalize()
    assert out["vocabulary"].to_pylist() == ["b", "c", "a"]
    np.testing.assert_allclose(out["idf"], [1.0148408, 0.84729785, 1.0986123, 1.0986123], 1e-6)
    assert out["idf"].dtype == np.float32


def test_idf_documents_and_padding():
    state = VocabularyState("string", track_documents=True)
    # documents "a b b", "b c", "c c c"
    toks = np.array(["a", "b", "b", "b", "c", "c", "c", "c"])
    state.update(TokenBatch(toks, doc_ids=np.array([0, 0, 0, 1, 1, 2, 2, 2]), n_documents=3))
    tokens, counts, df, n = state.counts()
    vocab, idf = build_vocabulary(
        tokens, counts, df, n, token_start=1, max_tokens=6, pad_to_max_tokens=True
    )
    assert vocab.to_pylist() == ["c", "b", "a"]
    expected = [np.log(2), np.log(2), np.log(2.5)]
    np.testing.assert_allclose(idf, [np.mean(expected)] + expected + [0, 0], rtol=1e-6)
    np.testing.assert_allclose(inverse_document_frequency([1], 3), [np.log(2.5)])


def test_merge_adds_counts_and_documents():
    a = VocabularyState("int", track_documents=True).update(np.array([1, 2, 2]))
    b = VocabularyState("int", track_documents=True).update(np.array([2, 3]))
    a.merge(b)
    tokens, counts, df, n = a.counts()
    got = dict(zip(tokens.to_pylist(), counts.tolist()))
    assert got == {1: 1, 2: 3, 3: 1} and n == 5
    with pytest.raises(ValueError, match="different kinds"):
        a.merge(VocabularyState("string", track_documents=True))
    with pytest.raises(TypeError, match="Cannot merge"):
        a.merge(object.__new__(type("Other", (VocabularyState,), {})))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", "c", "é", "", "[UNK]", "zz"]), min_size=1, max_size=60),
    st.lists(st.integers(1, 59), max_size=4),
    st.integers(2, 6),
)
def test_chunked_counts_equal_whole(tokens, cuts, max_tokens):
    opts = VocabularyOptions(
        special_tokens=("", "[UNK]"), max_tokens=max_tokens, token_start=2, idf=True
    )
    rows = np.array(tokens, dtype=object)
    whole = VocabularyState("string", track_documents=True, options=opts).update(rows)
    bounds = [0, *sorted(c for c in cuts if c < len(rows)), len(rows)]
    parts = [
        VocabularyState("string", track_documents=True, options=opts).update(rows[lo:hi])
        for lo, hi in zip(bounds[:-1], bounds[1:])
    ]
    merged = parts[0]
    for p in parts[1:]:
        merged.merge(p)
    streamed = VocabularyState("string", track_documents=True, options=opts)
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        streamed.update(rows[lo:hi])
    ref = whole.finalize()
    for other in (merged.finalize(), streamed.finalize()):
        assert other["vocabulary"].to_pylist() == ref["vocabulary"].to_pylist()
        np.testing.assert_array_equal(other["idf"], ref["idf"])


def test_many_batches_compact():
    state = VocabularyState("int")
    for i in range(40):
        state.update(np.array([i % 5, 7]))
    tokens, counts, _, _ = state.counts()
    assert dict(zip(tokens.to_pylist(), counts.tolist()))[7] == 40
    assert len(state._tables) == 1


def _lookup(values, vocab, **kw):
    kw.setdefault("token_start", 1)
    kw.setdefault("oov_start", 0)
    kw.setdefault("num_oov_indices", 1)
    kind = "int" if isinstance(vocab[0], int) else "string"
    return lookup_indices(encode_tokens(values, kind), pa.array(vocab), **kw).tolist()


def test_lookup_layout():
    vocab = ["a", "b", "c", "d"]
    assert _lookup(["a", "c", "d", "m"], vocab) == [1, 3, 4, 0]
    assert _lookup(["", "a", "q"], vocab, mask_token="", oov_start=1, token_start=2) == [0, 2, 1]
    assert _lookup(["", "a", "q"], vocab, mask_token="", mask_index=-1) == [-1, 1, 0]
    assert _lookup([3, 5], [5, 3], token_start=2, oov_start=1) == [3, 2]


def test_lookup_oov_buckets_and_zero_oov():
    vocab = ["a", "b"]
    got = _lookup(
        ["a", "x", "y"],
        vocab,
        num_oov_indices=3,
        token_start=3,
        oov_buckets=lambda toks, k: np.array([len(t) % k + 1 for t in toks.to_pylist()]),
    )
    assert got == [3, 2, 2]
    with pytest.raises(ValueError, match=r"found OOV values \['x'\]"):
        _lookup(["a", "x"], vocab, num_oov_indices=0)
    with pytest.raises(ValueError, match="oov_buckets is required"):
        _lookup(["x"], vocab, num_oov_indices=2)


@pytest.mark.parametrize("n_vocab", [3, 1000])
def test_positions_in_both_directions(n_vocab):
    vocab = pa.array([f"t{i}" for i in range(n_vocab)])
    dictionary = pa.array(["t2", "zz", "t0", "t1", "q", "r", "s", "u"])
    pos = _positions_in(dictionary, vocab)
    assert pos.tolist() == [2, -1, 0, 1, -1, -1, -1, -1]
    assert _positions_in(pa.array([], pa.string()), vocab).tolist() == []
    assert _positions_in(dictionary, pa.array([], pa.string())).tolist() == [-1] * 8


# -- the fitted Vocabulary object ---------------------------------------------------------------
def test_vocabulary_layout_lookup_and_tokens_at():
    vocab = Vocabulary(
        ["d", "z", "c"], mask_token="", oov_token="[UNK]", num_oov_indices=2, mask_slot=True
    )
    assert (vocab.oov_start, vocab.token_start, vocab.size, len(vocab)) == (1, 3, 6, 6)
    assert vocab.get_vocabulary() == ["", "[UNK]", "[UNK]", "d", "z", "c"]
    assert vocab.get_vocabulary(include_special_tokens=False) == ["d", "z", "c"]
    got = vocab.lookup(np.array([["c", ""], ["d", "z"]]))
    assert got.dtype == np.int64 and got.tolist() == [5, 0, 3, 4]
    oov = vocab.lookup(["never", "seen"])
    assert set(oov.tolist()) <= {1, 2}
    back = vocab.tokens_at(np.array([[0, 1, 2], [5, 6, -1]]))
    assert back.dtype == object and back.tolist() == [
        ["", "[UNK]", "[UNK]"],
        ["c", "[UNK]", "[UNK]"],
    ]


def test_vocabulary_without_mask_slot_drops_the_mask():
    vocab = Vocabulary(["a"], mask_token="", oov_token="[UNK]", mask_slot=False)
    assert vocab.get_vocabulary() == ["[UNK]", "a"]
    assert vocab.lookup(["", "a", "q"]).tolist() == [-1, 1, 0]


def test_integer_vocabulary_floormod_and_farmhash_buckets():
    floor = Vocabulary([10, 3], kind="int", oov_token=-1, num_oov_indices=3, oov_method="floormod")
    assert floor.lookup(np.array([3, -1, 7])).tolist() == [4, 2, 1]
    assert floor.tokens_at(np.array([0, 3, 9])).tolist() == [-1, 10, -1]
    farm = Vocabulary([10], kind="int", oov_token=-1, num_oov_indices=5, oov_method="farmhash")
    strings = Vocabulary(["10"], oov_token="[UNK]", num_oov_indices=5)
    assert farm.lookup(np.array([7, -3])).tolist() == strings.lookup(["7", "-3"]).tolist()


def test_vocabulary_pickles_as_plain_numpy_data():
    import pickle

    vocab = Vocabulary(["é", "b", "日本"], oov_token="[UNK]", idf_weights=[1.0, 2.0, 3.0, 4.0])
    vocab.lookup(["b"])
    state = vocab.__getstate__()

    def leaves(value):
        if isinstance(value, (tuple, list)):
            for v in value:
                yield from leaves(v)
        else:
            yield value

    for value in leaves(list(state.values())):
        assert value is None or isinstance(value, (np.ndarray, str, int, bool, float)), value
    loaded = pickle.loads(pickle.dumps(vocab))
    assert loaded._arrow is None and loaded._full is None
    assert loaded.get_vocabulary() == vocab.get_vocabulary()
    assert loaded.lookup(["日本", "x"]).tolist() == [3, 0]
    np.testing.assert_array_equal(loaded.idf_weights, vocab.idf_weights)
    sliced = Vocabulary(pa.array(["x", "é", "b"]).slice(1))
    assert pickle.loads(pickle.dumps(sliced)).get_vocabulary(False) == ["é", "b"]


def test_from_given_strips_specials_and_pads_idf():
    vocab = Vocabulary.from_given(
        ["[UNK]", "x", "y"], idf_weights=[9.0, 1.0, 3.0], oov_token="[UNK]"
    )
    assert vocab.get_vocabulary() == ["[UNK]", "x", "y"]
    assert vocab.idf_weights.tolist() == [9.0, 1.0, 3.0]
    vocab = Vocabulary.from_given(["x", "y"], idf_weights=[1.0, 3.0], oov_token="[UNK]")
    assert vocab.idf_weights.tolist() == [2.0, 1.0, 3.0]
    with pytest.raises(ValueError, match="repeated term"):
        Vocabulary.from_given(["x", "x"], oov_token="[UNK]")


@pytest.mark.parametrize(
    "layer, X",
    [
        (StringLookup(mask_token=""), np.array([["a", "b"], ["", "zz"]], dtype=object)),
        (IntegerLookup(num_oov_indices=2), np.array([[1, 2], [2, 9]])),
        (TextVectorization(ragged=True), np.array(["a b b", "c zz"])),
    ],
    ids=["string", "integer", "text"],
)
def test_every_vocabulary_layer_delegates_to_one_vocabulary(layer, X):
    layer.fit(X)
    assert isinstance(layer._vocab, Vocabulary)
    assert layer.get_vocabulary() == layer._vocab.get_vocabulary()
    assert layer.vocabulary_size() == layer._vocab.size
    if isinstance(layer, TextVectorization):
        rows = layer.transform(X)
        np.testing.assert_array_equal(rows[0], layer._vocab.lookup(["a", "b", "b"]))
        np.testing.assert_array_equal(rows[1], layer._vocab.lookup(["c", "zz"]))
    else:
        np.testing.assert_array_equal(layer.transform(X).ravel(), layer._vocab.lookup(X))
