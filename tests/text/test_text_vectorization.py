"""Behaviour of the TextVectorization estimator (parity with Keras is in test_parity.py)."""

import warnings

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

import skprep.text._text_vectorization as tv_module
from skprep import TextVectorization
from skprep.text import functional as F
from skprep.utils.estimator_checks import assert_output_equal

#: Keras's width-per-call int mode is used on purpose in most tests; its fit warning is
#: tested below (test_int_mode_without_output_sequence_length_warns_at_fit).
pytestmark = pytest.mark.filterwarnings("ignore:TextVectorization.*output_sequence_length")

ADAPT = [
    "The Brain is wider than the Sky",
    "For put them side by side",
    "The one the other will contain",
    "With ease and You beside",
]
MODES = ["int", "multi_hot", "count", "tf_idf"]


def test_seed_recipe_int():
    layer = TextVectorization(output_mode="int").fit(ADAPT)
    np.testing.assert_array_equal(
        layer.transform(["The Brain is deeper than the sea"]), [[2, 19, 14, 1, 9, 2, 1]]
    )


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("ngrams", [None, 2])
def test_fit_transform_equals_fit_then_transform(mode, ngrams):
    a = TextVectorization(output_mode=mode, ngrams=ngrams).fit_transform(ADAPT)
    b = TextVectorization(output_mode=mode, ngrams=ngrams).fit(ADAPT).transform(ADAPT)
    assert_output_equal(a, b)


@pytest.mark.parametrize("mode", MODES)
def test_slices_do_not_change_anything(monkeypatch, mode):
    """Texts are processed in slices of ~_CHUNK_BYTES; slice boundaries are invisible."""
    texts = [" ".join(ADAPT[i % 4].split()[: 1 + i % 6]) for i in range(40)] + ["", "x"]
    whole = TextVectorization(output_mode=mode, ngrams=2).fit(texts)
    expected = whole.transform(texts)
    monkeypatch.setattr(tv_module, "_CHUNK_BYTES", 7)
    sliced = TextVectorization(output_mode=mode, ngrams=2).fit(texts)
    assert sliced.get_vocabulary() == whole.get_vocabulary()
    assert_output_equal(sliced.transform(texts), expected, rtol=1e-6)
    assert_output_equal(
        TextVectorization(output_mode=mode, ngrams=2).fit_transform(texts), expected, rtol=1e-6
    )


docs = st.lists(st.text(alphabet="ab cD,.é日\t", max_size=12), min_size=1, max_size=15)


@settings(max_examples=40, deadline=None)
@given(docs, st.integers(1, 14), st.sampled_from(["count", "tf_idf", "int"]))
def test_partial_fit_equals_fit(texts, cut, mode):
    cut = min(cut, len(texts))
    whole = TextVectorization(output_mode=mode, ngrams=2).fit(texts)
    streamed = TextVectorization(output_mode=mode, ngrams=2)
    streamed.partial_fit(texts[:cut])
    if texts[cut:]:
        streamed.partial_fit(texts[cut:])
    batches = TextVectorization(output_mode=mode, ngrams=2).fit(iter([texts[:cut], texts[cut:]]))
    for other in (streamed, batches):
        assert other.get_vocabulary() == whole.get_vocabulary()
        if mode == "tf_idf":
            np.testing.assert_array_equal(other.idf_weights_, whole.idf_weights_)


@settings(max_examples=40, deadline=None)
@given(docs)
def test_tokens_and_indices_agree_with_the_functional_core(texts):
    layer = TextVectorization(ragged=True).fit(texts)
    vocab = {t: i for i, t in enumerate(layer.get_vocabulary())}
    tokens = F.tokenize(texts)
    for row, toks in zip(layer.transform(texts), tokens):
        assert row.tolist() == [vocab.get(t, 1) for t in toks]


@pytest.mark.parametrize(
    "make",
    [
        lambda: list(ADAPT),
        lambda: tuple(ADAPT),
        lambda: np.array(ADAPT),
        lambda: np.array(ADAPT, dtype=object),
        lambda: np.array([s.encode() for s in ADAPT]),
        lambda: [s.encode() for s in ADAPT],
        lambda: pd.Series(ADAPT),
        lambda: pd.Series(ADAPT, dtype="string"),
        lambda: pa.array(ADAPT),
        lambda: pa.chunked_array([ADAPT[:2], ADAPT[2:]]),
    ],
)
def test_input_kinds(make):
    expected = TextVectorization().fit(ADAPT).transform(ADAPT)
    layer = TextVectorization().fit(make())
    np.testing.assert_array_equal(layer.transform(make()), expected)


def test_column_input_and_dataframe():
    column = np.array(ADAPT, dtype=object).reshape(-1, 1)
    layer = TextVectorization(output_sequence_length=5).fit(column)
    assert layer.n_features_in_ == 1
    assert layer.transform(column).shape == (4, 5)
    frame = pd.DataFrame({"text": ADAPT})
    layer = TextVectorization(output_sequence_length=3).fit(frame)
    assert list(layer.feature_names_in_) == ["text"]
    assert list(layer.get_feature_names_out()) == ["text_0", "text_1", "text_2"]


def test_split_none_keeps_the_input_shape():
    layer = TextVectorization(split=None).fit(["a b", "c"])
    assert layer.transform(["a b", "q"]).shape == (2,)
    assert layer.transform(np.array([["a b"], ["q"]])).shape == (2, 1)
    assert TextVectorization(split=None, output_sequence_length=3).fit(["a"]).transform(
        ["a"]
    ).tolist() == [[2, 0, 0]]


def test_bytes_with_another_encoding():
    latin = [s.encode("latin-1") for s in ["café crème", "crème"]]
    layer = TextVectorization(encoding="latin-1").fit(latin)
    assert layer.get_vocabulary() == ["", "[UNK]", "crème", "café"]


def test_outputs():
    layer = TextVectorization(output_mode="tf_idf").fit(["a b b", "b c", "c c c"])
    out = layer.transform(["b b q"])
    assert sp.isspmatrix_csr(out) and out.dtype == np.float32
    np.testing.assert_allclose(out.toarray(), [[0.7675284, 0, 1.3862944, 0]], rtol=1e-6)
    counts = TextVectorization(output_mode="count", sparse=False).fit(["a b b"])
    assert counts.transform(["b b q", ""]).tolist() == [[1, 2, 0], [0, 0, 0]]
    assert counts.transform(["b"]).dtype == np.int64
    ragged = TextVectorization(ragged=True, output_sequence_length=2).fit(["a b c"])
    out = ragged.transform(["a b c", "", "c"])
    assert out.dtype == object and [r.tolist() for r in out] == [[4, 3], [], [2]]
    empty = TextVectorization().fit(["a"]).transform([])
    assert empty.shape == (0, 0) and empty.dtype == np.int64
    assert TextVectorization(output_mode="count").fit(["a"]).transform([]).shape == (0, 2)


def test_vocabulary_accessors():
    layer = TextVectorization()
    assert layer.vocabulary_size() == 2
    assert layer.get_vocabulary() == ["", "[UNK]"]
    layer.fit(["x y y z z z"])
    assert layer.get_vocabulary() == ["", "[UNK]", "z", "y", "x"]
    assert layer.get_vocabulary(include_special_tokens=False) == ["z", "y", "x"]
    assert layer.vocabulary_size() == 5
    assert layer.vocabulary_.tolist() == layer.get_vocabulary()
    assert layer.idf_weights_ is None
    mh = TextVectorization(output_mode="multi_hot", max_tokens=6, pad_to_max_tokens=True)
    mh.fit(["x y y"])
    assert list(mh.get_feature_names_out()) == ["[UNK]", "y", "x", "<pad_3>", "<pad_4>", "<pad_5>"]
    assert mh.transform(["x"]).shape == (1, 6)


def test_given_vocabulary_works_without_fit(tmp_path):
    layer = TextVectorization(vocabulary=["the", "sea"])
    assert layer.vocabulary_size() == 4
    assert layer.transform(["The sea, the sky"]).tolist() == [[2, 3, 2, 1]]
    path = tmp_path / "vocab.txt"
    path.write_text("the\nsea\n", encoding="utf-8")
    from_file = TextVectorization(vocabulary=str(path)).fit(["ignored text"])
    assert from_file.get_vocabulary() == ["", "[UNK]", "the", "sea"]
    tfidf = TextVectorization(vocabulary=["a"], idf_weights=[2.0], output_mode="tf_idf")
    np.testing.assert_allclose(tfidf.transform(["a a z"]).toarray(), [[2.0, 4.0]])


def test_callable_split_empty_tokens_are_the_mask():
    layer = TextVectorization(standardize="lower", split=lambda x: np.char.split(x, ","))
    layer.fit(["a,,b", "b"])
    assert layer.get_vocabulary() == ["", "[UNK]", "b", "a"]
    assert layer.transform(["a,,b"]).tolist() == [[3, 0, 2]]


def test_pipeline_grid_search_and_joblib(tmp_path):
    texts = [f"{w} is {adj}" for w in ["cat", "dog", "bird", "fish"] for adj in ["good", "bad"]] * 3
    y = np.array([adj == "good" for _ in range(3) for w in range(4) for adj in ["good", "bad"]])
    pipe = make_pipeline(TextVectorization(output_mode="multi_hot"), LogisticRegression())
    search = GridSearchCV(pipe, {"textvectorization__max_tokens": [2, 20]}, cv=2).fit(texts, y)
    assert search.best_params_ == {"textvectorization__max_tokens": 20}
    path = tmp_path / "pipe.joblib"
    joblib.dump(search.best_estimator_, path)
    reloaded = joblib.load(path)
    np.testing.assert_array_equal(reloaded.predict(texts), search.predict(texts))
    assert reloaded.score(texts, y) == 1.0


@pytest.mark.parametrize("columns", ["text", ["text"]])
def test_column_transformer(columns):
    frame = pd.DataFrame({"text": ADAPT, "n": [1, 2, 3, 4]})
    ct = ColumnTransformer([("t", TextVectorization(output_mode="count"), columns)])
    out = ct.fit_transform(frame)
    assert out.shape == (4, TextVectorization().fit(ADAPT).vocabulary_size() - 1)
    assert ct.get_feature_names_out()[0] == "t__[UNK]"


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"output_mode": "binary_tree"}, "output_mode"),
        ({"standardize": "upper"}, "standardize"),
        ({"split": "comma"}, "split"),
        ({"ngrams": 0}, "ngrams"),
        ({"ngrams": (0, 1)}, "ngrams"),
        ({"ngrams": [1, 2]}, "ngrams"),
        ({"output_sequence_length": -1}, "output_sequence_length"),
        ({"output_sequence_length": 3, "output_mode": "count"}, "output_sequence_length"),
        ({"ragged": True, "output_mode": "multi_hot"}, "ragged"),
        ({"max_tokens": 1}, "max_tokens"),
        ({"max_tokens": 2}, "max_tokens"),
        ({"max_tokens": 1, "output_mode": "count"}, "max_tokens"),
        ({"pad_to_max_tokens": True}, "max_tokens"),
        ({"vocabulary": ["a"], "output_mode": "tf_idf"}, "idf_weights"),
        ({"idf_weights": [1.0], "vocabulary": ["a"]}, "idf_weights"),
        ({"output_mode": "one_hot"}, "one_hot"),
        ({"encoding": "no-such-codec"}, "encoding"),
        ({"vocabulary": ["a", "a"]}, "repeated"),
        ({"vocabulary": []}, "empty"),
        ({"vocabulary": "/no/such/file.txt"}, "does not exist"),
    ],
)
def test_bad_parameters(kwargs, match):
    with pytest.raises(ValueError, match=match):
        TextVectorization(**kwargs).fit(ADAPT)


@pytest.mark.parametrize(
    "X, error, match",
    [
        (np.array([["a", "b"], ["c", "d"]]), ValueError, "last shape dimension must be 1"),
        (np.zeros((2, 1, 1), dtype=str), ValueError, "rank"),
        ("just one text", ValueError, "single string"),
        (["a", None], ValueError, "missing values"),
        (pd.Series(["a", np.nan]), ValueError, "missing values"),
        (["a", 3], TypeError, "element 1 is 3"),
        (np.array([1.0, 2.0]), TypeError, "dtype float64"),
        ([b"\xff\xfe"], ValueError, "decode"),
        (sp.csr_matrix((1, 1)), TypeError, "sparse"),
        ([], ValueError, "0 sample"),
    ],
)
def test_bad_input(X, error, match):
    with pytest.raises(error, match=match):
        TextVectorization().fit(X)


def test_transform_checks():
    with pytest.raises(NotFittedError):
        TextVectorization().transform(ADAPT)
    layer = TextVectorization().fit(ADAPT)
    with pytest.raises(ValueError, match="last shape dimension"):
        layer.transform(np.array([["a", "b"]]))
    with pytest.raises(ValueError, match="one string per input"):
        TextVectorization(standardize=lambda x: x[:1]).fit(ADAPT)
    with pytest.raises(ValueError, match="one sequence of tokens per input"):
        TextVectorization(split=lambda x: [["a"]]).fit(ADAPT)
    with pytest.raises(ValueError, match="output_sequence_length"):
        TextVectorization().fit(ADAPT).get_feature_names_out()


def test_partial_fit_refuses_changed_parameters():
    layer = TextVectorization().partial_fit(ADAPT[:2])
    layer.set_params(max_tokens=5)
    with pytest.raises(ValueError, match="parameters changed"):
        layer.partial_fit(ADAPT[2:])
    # output-only parameters may change between partial fits
    layer = TextVectorization().partial_fit(ADAPT[:2]).set_params(output_sequence_length=3)
    assert layer.partial_fit(ADAPT[2:]).transform(ADAPT).shape == (4, 3)


# -- the user's mistakes ---------------------------------------------------------------------
def test_int_mode_without_output_sequence_length_warns_at_fit():
    """Issue 11, trap 2: TextVectorization() feeding a model passes cross-validation, then a
    short request fails with "X has 3 features, but LogisticRegression is expecting 269".
    Keras's width-per-call behaviour is kept; fit says how to get a fixed width."""
    texts = ["good movie", "bad bad film", "good", "a very good film indeed"]
    y = [1, 0, 1, 1]
    pipe = make_pipeline(TextVectorization(), LogisticRegression())
    with pytest.warns(UserWarning, match="output_sequence_length"):
        pipe.fit(texts, y)
    with pytest.raises(ValueError, match="features"):
        pipe.predict(["good"])  # what the warning is about
    fixed = make_pipeline(TextVectorization(output_sequence_length=5), LogisticRegression())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fixed.fit(texts, y)
        assert fixed.predict(["good"]).shape == (1,)
        for quiet in (
            TextVectorization(ragged=True),
            TextVectorization(split=None),
            TextVectorization(output_mode="multi_hot"),
        ):
            quiet.fit(texts)
