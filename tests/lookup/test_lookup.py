"""Behaviour of StringLookup and IntegerLookup beyond the Keras fixtures."""

import pickle

import joblib
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline

from skprep import IntegerLookup, StringLookup
from skprep.lookup._vocabulary import encode_tokens, lookup_indices

COLORS = np.array(["red", "green", "red", "blue", "red", "green", "é"], dtype=object)


# -- worked examples -------------------------------------------------------------------------
def test_worked_examples():
    layer = StringLookup().fit([["a", "c", "d"], ["d", "z", "b"]])
    assert layer.get_vocabulary() == ["[UNK]", "d", "z", "c", "b", "a"]
    layer = StringLookup(max_tokens=3, mask_token="").fit(["a", "b", "b", "c", "c", "c", ""])
    assert layer.get_vocabulary() == ["", "[UNK]", "c"]
    layer = StringLookup(output_mode="tf_idf").fit(["a", "b", "b", "c"])
    np.testing.assert_allclose(
        layer.idf_weights_, [1.0148408, 0.84729785, 1.0986123, 1.0986123], rtol=1e-6
    )
    voc = StringLookup(mask_token="", num_oov_indices=2, vocabulary=["a"]).fit(["a"])
    assert voc.get_vocabulary() == ["", "[UNK]", "[UNK]", "a"]
    assert voc.get_vocabulary(include_special_tokens=False) == ["a"]
    assert voc.vocabulary_size() == 4


def test_vocabulary_size_before_fit():
    assert StringLookup().vocabulary_size() == 1
    assert StringLookup(mask_token="", num_oov_indices=2).vocabulary_size() == 3
    assert StringLookup(vocabulary=["a", "b"]).vocabulary_size() == 3
    with pytest.raises(NotFittedError):
        StringLookup().transform(["a"])
    with pytest.raises(AttributeError):
        StringLookup().vocabulary_  # noqa: B018


def test_given_vocabulary_works_without_fit_like_keras():
    np.testing.assert_array_equal(
        StringLookup(vocabulary=["a", "b", "c", "d"]).transform([["a", "c", "d"], ["d", "z", "b"]]),
        [[1, 3, 4], [4, 0, 2]],
    )
    inv = IntegerLookup(vocabulary=[10, 20], invert=True)
    np.testing.assert_array_equal(inv.transform([1, 2, 0]), [10, 20, -1])
    assert IntegerLookup(vocabulary=[10, 20]).get_vocabulary() == [-1, 10, 20]


def test_fitted_attributes():
    layer = IntegerLookup(mask_token=0).fit([5, 5, 3, 0, -1])
    np.testing.assert_array_equal(layer.vocabulary_, [0, -1, 5, 3])
    assert layer.vocabulary_.dtype == np.int64
    assert layer.idf_weights_ is None
    s = StringLookup().fit(COLORS)
    assert s.vocabulary_.dtype == object
    assert s.vocabulary_.tolist() == ["[UNK]", "red", "green", "é", "blue"]


def test_refit_replaces_the_vocabulary():
    layer = StringLookup().fit(["a", "a"])
    layer.fit(["b"])
    assert layer.get_vocabulary() == ["[UNK]", "b"]


def test_given_vocabulary_ignores_the_data():
    layer = StringLookup(vocabulary=["x", "y"]).fit(["a", "a", "b"])
    assert layer.get_vocabulary() == ["[UNK]", "x", "y"]
    assert layer.transform(["y", "a"]).tolist() == [2, 0]


def test_vocabulary_file(tmp_path):
    path = tmp_path / "vocab.txt"
    path.write_bytes("b\r\nä\n".encode())
    layer = StringLookup(vocabulary=str(path), mask_token="").fit(["b"])
    assert layer.get_vocabulary() == ["", "[UNK]", "b", "ä"]
    assert layer.transform(["ä", "", "q"]).tolist() == [3, 0, 1]
    ipath = tmp_path / "ints.txt"
    ipath.write_text("7\n-3\n")
    assert IntegerLookup(vocabulary=ipath).fit([7]).transform([-3, 7, 9]).tolist() == [2, 1, 0]


# -- shapes and output modes ------------------------------------------------------------------
def test_int_mode_keeps_shape_and_dtype():
    X = COLORS.reshape(-1, 1)
    out = StringLookup().fit_transform(X)
    assert out.shape == X.shape and out.dtype == np.int64
    assert StringLookup().fit(COLORS).transform(COLORS[:3]).shape == (3,)


def test_one_hot_shapes():
    layer = StringLookup(output_mode="one_hot").fit(COLORS)
    out = layer.transform(COLORS)
    assert sp.issparse(out) and out.shape == (7, 5) and out.dtype == np.int64
    np.testing.assert_array_equal(out.sum(axis=1).A.ravel(), np.ones(7))
    assert layer.transform(COLORS.reshape(-1, 1)).shape == (7, 5)
    two = COLORS[:6].reshape(3, 2)
    with pytest.raises(ValueError, match="sparse=False"):
        layer.transform(two)
    dense = StringLookup(output_mode="one_hot", sparse=False).fit(COLORS).transform(two)
    assert dense.shape == (3, 2, 5)


@pytest.mark.parametrize("mode", ["multi_hot", "count", "tf_idf", "binary", "tf-idf"])
def test_bag_modes_one_d_input_is_one_token_rows(mode):
    layer = StringLookup(output_mode=mode, sparse=False).fit(COLORS)
    one_d = layer.transform(COLORS)
    two_d = layer.transform(COLORS.reshape(-1, 1))
    np.testing.assert_array_equal(one_d, two_d)
    assert one_d.shape == (7, 5)
    assert one_d.dtype == (np.float32 if "idf" in mode else np.int64)


def test_mask_dropped_in_encoded_modes_and_pad():
    layer = StringLookup(
        output_mode="count", mask_token="", max_tokens=6, pad_to_max_tokens=True, sparse=False
    ).fit([["a", "b", ""]])
    out = layer.transform([["", "", "a"], ["q", "b", "b"]])
    np.testing.assert_array_equal(out, [[0, 0, 1, 0, 0, 0], [1, 2, 0, 0, 0, 0]])


def test_tf_idf_values():
    layer = StringLookup(output_mode="tf_idf", sparse=False).fit([["a", "b", "b"], ["b", "c", "c"]])
    out = layer.transform([["b", "b", "q"]])
    idf = layer.idf_weights_
    expected = np.zeros(layer.vocabulary_size(), np.float32)
    expected[0] = idf[0]
    expected[layer.get_vocabulary().index("b")] = 2 * idf[layer.get_vocabulary().index("b")]
    np.testing.assert_allclose(out[0], expected, rtol=1e-6)


# -- inverse ---------------------------------------------------------------------------------
def test_inverse_transform_and_invert():
    layer = StringLookup(mask_token="").fit(["a", "b", "b"])
    idx = layer.transform([["b", "zz", ""]])
    assert idx.tolist() == [[2, 1, 0]]
    assert layer.inverse_transform(idx).tolist() == [["b", "[UNK]", ""]]
    assert layer.inverse_transform([7, -1]).tolist() == ["[UNK]", "[UNK]"]
    inv = StringLookup(mask_token="", invert=True).fit(["a", "b", "b"])
    assert inv.transform([[0, 1, 2, 3, 4, -1]]).tolist() == [
        ["", "[UNK]", "b", "a", "[UNK]", "[UNK]"]
    ]
    assert inv.inverse_transform([["a", "b"]]).tolist() == [[3, 2]]
    ints = IntegerLookup(vocabulary=[12, 36], invert=True).fit([0, 1])
    out = ints.transform(np.array([0, 1, 2, 9]))
    assert out.tolist() == [-1, 12, 36, -1] and out.dtype == np.int64
    with pytest.raises(ValueError, match="only available with output_mode='int'"):
        StringLookup(output_mode="count").fit(["a"]).inverse_transform([[1]])


# -- pandas and pyarrow input ------------------------------------------------------------------
@pytest.mark.parametrize("dtype", ["object", "string", "category", "string[pyarrow]"])
def test_pandas_series_dtypes(dtype):
    s = pd.Series(COLORS, dtype=dtype)
    ref = StringLookup().fit(COLORS)
    layer = StringLookup().fit(s)
    assert layer.get_vocabulary() == ref.get_vocabulary()
    np.testing.assert_array_equal(layer.transform(s), ref.transform(COLORS))


def test_categorical_with_unused_categories_and_pyarrow():
    s = pd.Series(pd.Categorical(["b", "a", "b"], categories=["a", "b", "never"]))
    layer = StringLookup().fit(s)
    assert layer.get_vocabulary() == ["[UNK]", "b", "a"]
    assert layer.transform(pa.array(["a", "x"])).tolist() == [2, 0]
    assert layer.transform(pa.chunked_array([["b"], ["a"]])).tolist() == [1, 2]


def test_dataframe_columns_share_one_vocabulary():
    df = pd.DataFrame(
        {"a": pd.Categorical(["x", "y", "x"]), "b": pd.Series(["y", "z", "z"], dtype="string")}
    )
    layer = StringLookup().fit(df)
    ref = StringLookup().fit(df.to_numpy().astype(object))
    assert layer.get_vocabulary() == ref.get_vocabulary()
    np.testing.assert_array_equal(layer.transform(df), ref.transform(df.to_numpy()))
    assert layer.get_feature_names_out().tolist() == ["a", "b"]


def test_integer_lookup_inputs():
    layer = IntegerLookup().fit(pd.Series([3, 3, 1], dtype="Int64"))
    assert layer.transform(np.array([3.0, 1.0, 2.0])).tolist() == [1, 2, 0]
    assert layer.transform(pd.Series([1, 3], dtype="category")).tolist() == [2, 1]
    assert layer.transform(np.array([True, False])).tolist() == [2, 0]


def test_bytes_input_and_encoding():
    layer = StringLookup().fit(np.array([b"caf\xc3\xa9", b"x"]))
    assert layer.get_vocabulary() == ["[UNK]", "x", "café"]
    latin = StringLookup(encoding="latin-1").fit(np.array([b"caf\xe9"]))
    assert latin.get_vocabulary() == ["[UNK]", "café"]


# -- feature names and pandas output ----------------------------------------------------------
def test_feature_names():
    df = pd.DataFrame({"color": COLORS})
    layer = StringLookup(output_mode="multi_hot").fit(df)
    assert layer.get_feature_names_out().tolist() == [
        "color_[UNK]",
        "color_red",
        "color_green",
        "color_é",
        "color_blue",
    ]
    layer = StringLookup(
        output_mode="count", num_oov_indices=2, max_tokens=7, pad_to_max_tokens=True
    ).fit(COLORS.reshape(-1, 1))
    assert layer.get_feature_names_out().tolist() == [
        "x0_[UNK]_0",
        "x0_[UNK]_1",
        "x0_red",
        "x0_green",
        "x0_é",
        "x0_blue",
        "x0_<pad_6>",
    ]
    two = StringLookup(output_mode="multi_hot").fit(COLORS[:6].reshape(3, 2))
    assert two.get_feature_names_out()[1] == "stringlookup_red"


def test_set_output_pandas():
    df = pd.DataFrame({"a": ["x", "y"], "b": ["y", "y"]})
    out = StringLookup().set_output(transform="pandas").fit(df).transform(df)
    assert list(out.columns) == ["a", "b"] and out.to_numpy().tolist() == [[2, 1], [1, 1]]


# -- streaming ------------------------------------------------------------------------------
tokens_st = st.lists(
    st.sampled_from(["a", "b", "c", "é", "", "[UNK]", "zz", "日"]), min_size=2, max_size=40
)


@settings(max_examples=30, deadline=None)
@given(
    tokens_st,
    st.integers(1, 39),
    st.sampled_from(["int", "tf_idf", "count"]),
    st.sampled_from([None, 4, 6]),
)
def test_partial_fit_and_merge_equal_fit(tokens, cut, mode, max_tokens):
    X = np.array(tokens, dtype=object).reshape(-1, 1)
    cut = min(cut, len(X) - 1)
    kw = dict(output_mode=mode, mask_token="", max_tokens=max_tokens)
    whole = StringLookup(**kw).fit(X)
    partial = StringLookup(**kw).partial_fit(X[:cut]).partial_fit(X[cut:])
    streamed = StringLookup(**kw).fit(iter([X[:cut], X[cut:]]))
    a = StringLookup(**kw).fit(X[:cut])
    b = StringLookup(**kw).fit(X[cut:])
    merged = StringLookup(**kw).fit(X[:1])
    state = a.adapt_state_.merge(b.adapt_state_)
    merged._set_adapt_state(state)
    for other in (partial, streamed, merged):
        assert other.get_vocabulary() == whole.get_vocabulary()
        if mode == "tf_idf":
            np.testing.assert_array_equal(other.idf_weights_, whole.idf_weights_)


def test_partial_fit_refuses_changed_params():
    layer = StringLookup().partial_fit(["a"])
    layer.set_params(max_tokens=5)
    with pytest.raises(ValueError, match="parameters changed"):
        layer.partial_fit(["b"])


def test_large_input_is_read_in_chunks(monkeypatch):
    import skprep.lookup._index_lookup as mod

    monkeypatch.setattr(mod, "_CHUNK_TOKENS", 4)
    rng = np.random.RandomState(0)
    X = np.array(["a", "b", "c", "d", "e"], dtype=object)[rng.randint(0, 5, size=(23, 3))]
    chunked = StringLookup(output_mode="tf_idf", sparse=False).fit(X)
    monkeypatch.setattr(mod, "_CHUNK_TOKENS", 1 << 18)
    whole = StringLookup(output_mode="tf_idf", sparse=False).fit(X)
    assert chunked.get_vocabulary() == whole.get_vocabulary()
    np.testing.assert_array_equal(chunked.idf_weights_, whole.idf_weights_)
    monkeypatch.setattr(mod, "_CHUNK_TOKENS", 4)
    np.testing.assert_array_equal(chunked.transform(X), whole.transform(X))
    np.testing.assert_array_equal(
        StringLookup().fit_transform(X), StringLookup().fit(X).transform(X)
    )


# -- functional core agrees with the estimator -------------------------------------------------
def test_functional_core_agrees_with_estimator():
    layer = StringLookup(mask_token="", num_oov_indices=1).fit(COLORS)
    X = np.array(["red", "", "nope", "é"], dtype=object)
    got = lookup_indices(
        encode_tokens(X, "string"),
        pa.array(layer.get_vocabulary(include_special_tokens=False)),
        token_start=2,
        oov_start=1,
        num_oov_indices=1,
        mask_token="",
    )
    np.testing.assert_array_equal(got, layer.transform(X))
    np.testing.assert_array_equal(layer._vocab.lookup(X), got)


# -- scikit-learn integration ------------------------------------------------------------------
def _frame(n=200, seed=0):
    rng = np.random.RandomState(seed)
    color = rng.choice(["red", "green", "blue"], size=n)
    size = rng.choice([1, 2, 3, 4], size=n)
    y = ((color == "red") | (size > 3)).astype(int)
    return pd.DataFrame({"color": color, "size": size}), y


def test_column_transformer_pipeline_grid_search_and_joblib(tmp_path):
    X, y = _frame()
    ct = ColumnTransformer(
        [
            ("color", StringLookup(output_mode="one_hot"), "color"),
            ("size", IntegerLookup(output_mode="one_hot"), "size"),
        ]
    )
    pipe = make_pipeline(ct, LogisticRegression())
    search = GridSearchCV(pipe, {"columntransformer__color__num_oov_indices": [1, 2]}, cv=3).fit(
        X, y
    )
    assert search.best_score_ > 0.9
    path = tmp_path / "pipe.joblib"
    joblib.dump(search.best_estimator_, path)
    loaded = joblib.load(path)
    np.testing.assert_array_equal(loaded.predict(X), search.best_estimator_.predict(X))
    names = ct.fit(X).get_feature_names_out()
    assert "color__color_red" in names and "size__size_3" in names


def test_pickle_drops_the_in_memory_accelerators():
    layer = StringLookup().fit(COLORS)
    _ = layer.vocabulary_
    state = layer._vocab.__getstate__()
    assert not any(k.startswith("_") for k in state)
    clone = pickle.loads(pickle.dumps(layer))
    assert clone._vocab._arrow is None and clone._vocab._full is None
    assert clone.vocabulary_.tolist() == layer.vocabulary_.tolist()


# -- bad input -------------------------------------------------------------------------------
BAD_PARAMS = [
    (StringLookup, dict(vocabulary=["a", "b", "a"]), ValueError, "repeated term"),
    (StringLookup, dict(vocabulary=["a", ""], mask_token=""), ValueError, "reserved mask"),
    (StringLookup, dict(vocabulary=["a", "[UNK]"], invert=True), ValueError, "reserved OOV"),
    (StringLookup, dict(mask_token="", max_tokens=2), ValueError, "no room"),
    (StringLookup, dict(max_tokens=1), ValueError, "max_tokens"),
    (StringLookup, dict(num_oov_indices=-1), ValueError, "num_oov_indices"),
    (StringLookup, dict(pad_to_max_tokens=True), ValueError, "must set `max_tokens`"),
    (StringLookup, dict(invert=True, output_mode="count"), ValueError, "must be `'int'`"),
    (StringLookup, dict(idf_weights=[1.0]), ValueError, "only be set if"),
    (StringLookup, dict(output_mode="tf_idf", vocabulary=["a"]), ValueError, "idf_weights"),
    (
        StringLookup,
        dict(output_mode="tf_idf", vocabulary=["a"], idf_weights=[1.0, 2.0]),
        ValueError,
        "same length",
    ),
    (StringLookup, dict(vocabulary=[]), ValueError, "empty vocabulary"),
    (StringLookup, dict(vocabulary=["a", "b", "c"], max_tokens=3), ValueError, "larger than"),
    (StringLookup, dict(vocabulary="/no/such/file.txt"), ValueError, "does not exist"),
    (StringLookup, dict(output_mode="foo"), ValueError, "output_mode"),
    (StringLookup, dict(encoding="no-such-codec"), ValueError, "encoding"),
    (StringLookup, dict(salt=[1, 2, 3]), ValueError, "salt"),
    (StringLookup, dict(mask_token="[UNK]"), ValueError, "must differ"),
    (StringLookup, dict(vocabulary=[["a"]]), ValueError, "1-D"),
    (IntegerLookup, dict(salt=3), ValueError, "oov_method='farmhash'"),
    (IntegerLookup, dict(vocabulary_dtype="int32"), ValueError, "vocabulary_dtype"),
    (IntegerLookup, dict(vocabulary=[1.5, 2]), ValueError, "non-integer"),
    (IntegerLookup, dict(oov_method="modulo"), ValueError, "oov_method"),
]


@pytest.mark.parametrize(
    "cls, params, exc, match", BAD_PARAMS, ids=[f"{c.__name__}-{p}" for c, p, *_ in BAD_PARAMS]
)
def test_bad_parameters(cls, params, exc, match):
    with pytest.raises(exc, match=match):
        data = ["a"] if cls is StringLookup and not params.get("invert") else [1]
        cls(**params).fit(data)


def test_vocabulary_file_errors(tmp_path):
    empty_line = tmp_path / "e.txt"
    empty_line.write_text("a\n\nb\n")
    with pytest.raises(ValueError, match="empty line found at position 1"):
        StringLookup(vocabulary=str(empty_line)).fit(["a"])
    dup = tmp_path / "d.txt"
    dup.write_text("a\nb\na\n")
    with pytest.raises(ValueError, match="repeated term"):
        StringLookup(vocabulary=str(dup)).fit(["a"])
    ok = tmp_path / "ok.txt"
    ok.write_text("a\n")
    with pytest.raises(ValueError, match="does not support loading a vocabulary from file"):
        StringLookup(vocabulary=str(ok), output_mode="tf_idf", idf_weights=[1.0]).fit(["a"])
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(ValueError, match="empty vocabulary"):
        StringLookup(vocabulary=str(empty)).fit(["a"])
    bad_int = tmp_path / "i.txt"
    bad_int.write_text("1\nx\n")
    with pytest.raises(ValueError, match="one integer per line"):
        IntegerLookup(vocabulary=str(bad_int)).fit([1])


def test_unseen_values_with_zero_oov_indices():
    layer = StringLookup(vocabulary=["a"], num_oov_indices=0).fit(["a"])
    with pytest.raises(ValueError, match=r"found OOV values \['b'\].*num_oov_indices=1"):
        layer.transform(["a", "b"])


def test_invert_with_string_input():
    layer = StringLookup(invert=True, vocabulary=["a"]).fit([1])
    with pytest.raises(TypeError, match="invert=True maps integer indices"):
        layer.transform(["a"])


@pytest.mark.parametrize(
    "X, exc, match",
    [
        (np.array([1.5, 2.0]), ValueError, "non-integer floats"),
        (np.array(["a", "b"]), TypeError, "expects integer values"),
        (np.array([1.0, np.nan]), ValueError, "missing values"),
        (np.array([1.0, np.inf]), ValueError, "infinity"),
        (np.array([1, None], dtype=object), ValueError, "missing values"),
        (pd.Series([1, None], dtype="Int64"), ValueError, "missing values"),
        (np.array([2**64 - 1], dtype=np.uint64), ValueError, "int64"),
        ([[1, 2], [3]], ValueError, "ragged"),
    ],
)
def test_integer_lookup_bad_values(X, exc, match):
    with pytest.raises(exc, match=match):
        IntegerLookup().fit(X)


@pytest.mark.parametrize(
    "X, exc, match",
    [
        (np.array(["a", None], dtype=object), ValueError, r"missing values \(None"),
        (np.array(["a", np.nan], dtype=object), ValueError, r"missing values \(NaN"),
        (np.array(["a", pd.NA], dtype=object), ValueError, r"missing values \(pd.NA"),
        (pd.Series(["a", None], dtype="string"), ValueError, "missing values"),
        (pd.Series(["a", None], dtype="category"), ValueError, "categorical"),
        (pa.array(["a", None]), ValueError, "missing values"),
        (np.array([1, 2]), TypeError, "Use IntegerLookup"),
        (np.array(["a", 1], dtype=object), TypeError, "mixing types"),
        (np.array([b"\xff"]), ValueError, "UTF-8"),
        (np.array("a"), ValueError, "scalar"),
        (np.zeros((2, 2, 2), dtype=str), ValueError, "1-D or 2-D"),
        (sp.csr_matrix(np.eye(2)), TypeError, "Sparse input"),
        (np.empty((0,), dtype=object), ValueError, "0 sample"),
    ],
)
def test_string_lookup_bad_values(X, exc, match):
    with pytest.raises(exc, match=match):
        StringLookup().fit(X)


def test_transform_rank_and_width_checks():
    layer = StringLookup().fit(COLORS[:6].reshape(3, 2))
    with pytest.raises(ValueError, match=r"rank 2 but got input of shape \(7,\)"):
        layer.transform(COLORS)
    with pytest.raises(ValueError, match="features"):
        layer.transform(COLORS[:6].reshape(2, 3))


# -- OOV hashing against TF's test vectors -------------------------------------------------
FP64 = {
    "-1": 7333874265151076430,
    "101": 7111978204949978653,
    "a": 12917804110809363939,
    "hello": 13009744463427800296,
}
SIP_133_137 = {
    "-1": 1365799947328981874,
    "101": 6348341703059138397,
    "a": 7077939996121841354,
    "hello": 1067426241479190957,
}


@pytest.mark.parametrize("k", [2, 3, 7])
def test_integer_farmhash_buckets_hash_the_decimal_string(k):
    layer = IntegerLookup(vocabulary=[5], num_oov_indices=k, oov_method="farmhash").fit([5])
    assert layer.transform([-1, 101, 5]).tolist() == [FP64["-1"] % k, FP64["101"] % k, k]
    salted = IntegerLookup(
        vocabulary=[5], num_oov_indices=k, oov_method="farmhash", salt=(133, 137)
    ).fit([5])
    assert salted.transform([-1, 101]).tolist() == [SIP_133_137["-1"] % k, SIP_133_137["101"] % k]
    floormod = IntegerLookup(vocabulary=[5], num_oov_indices=k, mask_token=0).fit([5])
    assert floormod.transform([-1, -5, 0]).tolist() == [1 + (-1 % k), 1 + (-5 % k), 0]


@pytest.mark.parametrize("k", [2, 5])
def test_string_buckets_fingerprint_and_siphash(k):
    layer = StringLookup(vocabulary=["x"], num_oov_indices=k, mask_token="").fit(["x"])
    assert layer.transform(["a", "hello", "", "x"]).tolist() == [
        1 + FP64["a"] % k,
        1 + FP64["hello"] % k,
        0,
        k + 1,
    ]
    salted = StringLookup(vocabulary=["x"], num_oov_indices=k, salt=[133, 137]).fit(["x"])
    assert salted.transform(["a", "hello"]).tolist() == [
        SIP_133_137["a"] % k,
        SIP_133_137["hello"] % k,
    ]


# -- a plain-Python reference of Keras's rules ---------------------------------------------------
def _reference(train, test, *, mask, oov, max_tokens, kind):
    from collections import Counter

    counts = Counter(train)
    for special in (mask, oov):
        counts.pop(special, None)

    def key(t):
        return t.encode() if kind == "string" else t

    ranked = sorted(counts, key=lambda t: (counts[t], key(t)), reverse=True)
    token_start = (1 if mask is not None else 0) + 1
    if max_tokens is not None:
        ranked = ranked[: max_tokens - token_start]
    vocab = ([mask] if mask is not None else []) + [oov] + ranked
    index = {t: i + token_start for i, t in enumerate(ranked)}
    out = [0 if (mask is not None and t == mask) else index.get(t, token_start - 1) for t in test]
    return vocab, out


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.text(alphabet="abZé日[]", max_size=3), min_size=1, max_size=50),
    st.lists(st.text(alphabet="abZé日[]", max_size=3), max_size=20),
    st.sampled_from([None, "", "a"]),
    st.sampled_from([None, 3, 5, 9]),
)
def test_string_lookup_matches_reference(train, test, mask, max_tokens):
    kw = dict(mask_token=mask, max_tokens=max_tokens)
    vocab, out = _reference(
        train, test, mask=mask, oov="[UNK]", max_tokens=max_tokens, kind="string"
    )
    layer = StringLookup(**kw).fit(np.array(train, dtype=object))
    assert layer.get_vocabulary() == vocab
    assert layer.transform(np.array(test, dtype=object)).tolist() == out


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(-5, 12), min_size=1, max_size=50),
    st.lists(st.integers(-8, 15), max_size=20),
    st.sampled_from([None, 0, 3]),
    st.sampled_from([None, 3, 6]),
)
def test_integer_lookup_matches_reference(train, test, mask, max_tokens):
    vocab, out = _reference(train, test, mask=mask, oov=-1, max_tokens=max_tokens, kind="int")
    layer = IntegerLookup(mask_token=mask, max_tokens=max_tokens).fit(np.array(train))
    assert layer.get_vocabulary() == vocab
    assert layer.transform(np.array(test, dtype=np.int64)).tolist() == out


# -- given vocabularies: the user's mistakes ---------------------------------------------------
@pytest.mark.parametrize("vocabulary", [["a", "[UNK]", "b"], ["[UNK]", "a", "[UNK]"]])
def test_vocabulary_with_the_oov_token_inside_is_refused(vocabulary):
    """Issue 12: Keras accepts ["a", "[UNK]", "b"] and builds ['[UNK]', 'a', '[UNK]', 'b'] --
    two indices named "[UNK]". skprep refuses it and says where the token is."""
    with pytest.raises(ValueError, match=r"reserved OOV token.*index [12]"):
        StringLookup(vocabulary=vocabulary).transform(["a"])
    with pytest.raises(ValueError, match="reserved OOV token"):
        StringLookup(vocabulary=vocabulary, output_mode="count").fit([["a"]])
    # at the front, in Keras's exact layout, it is the OOV slot and stripped
    assert StringLookup(vocabulary=["[UNK]", "a"]).get_vocabulary() == ["[UNK]", "a"]


def test_oov_token_none_is_accepted_as_in_keras():
    """Issue 11, trap 7: Keras accepts oov_token=None; the OOV slot still exists (it is
    named None in get_vocabulary) and OOV tokens map to it."""
    layer = StringLookup(oov_token=None, vocabulary=["a", "b"])
    assert layer.get_vocabulary() == [None, "a", "b"]
    np.testing.assert_array_equal(layer.transform(["a", "zz", "b"]), [1, 0, 2])
    learned = StringLookup(oov_token=None).fit(np.array(["b", "b", "[UNK]"]))
    assert learned.get_vocabulary() == [None, "b", "[UNK]"]  # "[UNK]" is an ordinary token
    assert learned.inverse_transform(np.array([2, 0])).tolist() == ["[UNK]", None]
    with pytest.raises(ValueError, match="oov_token=None.*invert"):
        StringLookup(oov_token=None, vocabulary=["a"], invert=True).transform([1])
    counts = StringLookup(oov_token=None, vocabulary=["a"], output_mode="count", sparse=False)
    np.testing.assert_array_equal(counts.fit_transform([["a", "q", "q"]]), [[2, 1]])
