"""Parity of TextVectorization with Keras fixtures (tools/keras_fixtures/text.py)."""

import numpy as np
import pytest
import scipy.sparse as sp

from skprep import TextVectorization
from tests._fixtures import case_ids, load_cases

#: Keras's width-per-call int mode is exercised on purpose here; its fit warning is tested
#: in test_text_vectorization.py.
pytestmark = pytest.mark.filterwarnings("ignore:TextVectorization.*output_sequence_length")

CASES = load_cases("text", "TextVectorization")

# NumPy equivalents of the TensorFlow callables used to make the fixtures.
CALLABLES = {
    "upper": lambda x: np.strings.upper(x),
    "comma": lambda x: np.char.split(x, ","),
    "strip_then_upper": lambda x: np.strings.upper(np.strings.strip(x)),
}


def _layer(case, **extra):
    kwargs = dict(case["kwargs"])
    if case["ngrams_tuple"]:
        kwargs["ngrams"] = tuple(kwargs["ngrams"])
    for arg, name in case["callables"].items():
        kwargs[arg] = CALLABLES[name]
    return TextVectorization(**kwargs, **extra)


def _fit(case, **extra):
    return _layer(case, **extra).fit(case["adapt"])


def _mode(case):
    return {"tf-idf": "tf_idf", "binary": "multi_hot"}.get(
        case["kwargs"].get("output_mode", "int"), case["kwargs"].get("output_mode", "int")
    )


def test_the_seed_recipes_are_covered():
    names = set(case_ids(CASES))
    assert {"seed_int", "seed_multi_hot_bigrams", "seed_tf_idf_bigrams", "seed_greek"} <= names
    seed = {c["name"]: c for c in CASES}
    np.testing.assert_array_equal(seed["seed_int"]["output"], [[2, 19, 14, 1, 9, 2, 1]])
    np.testing.assert_allclose(seed["seed_tf_idf_bigrams"]["output"][0, :2], [5.461647, 1.6945957])


def _check_output(case, out, sparse):
    mode = _mode(case)
    if "ragged" in case:
        assert isinstance(out, np.ndarray) and out.dtype == object
        assert len(out) == len(case["ragged"])
        for got, want in zip(out, case["ragged"]):
            assert got.dtype == np.int64
            np.testing.assert_array_equal(got, want)
        return
    want = case["output"]
    if mode != "int" and sparse:
        assert sp.isspmatrix_csr(out)
        out = out.toarray()
    assert out.shape == want.shape
    if mode == "tf_idf":
        assert out.dtype == np.float32
        np.testing.assert_allclose(out, want, rtol=1e-6, atol=1e-7)
    else:
        assert out.dtype == np.int64
        np.testing.assert_array_equal(out, want)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_matches_keras(case):
    """Vocabulary, idf weights and output (sparse and dense) equal Keras's."""
    layer = _fit(case)
    assert layer.get_vocabulary() == case["vocabulary"]
    assert layer.vocabulary_size() == case["vocabulary_size"]
    if "idf" in case:
        np.testing.assert_allclose(layer.idf_weights_, case["idf"], rtol=1e-6)
        assert layer.idf_weights_.dtype == np.float32
    _check_output(case, layer.transform(case["input"]), sparse=True)
    if _mode(case) != "int":
        dense = layer.set_params(sparse=False).transform(case["input"])
        _check_output(case, dense, sparse=False)


STREAMABLE = [
    c
    for c in CASES
    if c["kwargs"].get("vocabulary") is None
    and len(c["adapt"]) > 2
    and (not c["name"].startswith("combo_") or c["name"].endswith("tf_idf"))
]


@pytest.mark.parametrize("case", STREAMABLE, ids=case_ids(STREAMABLE))
def test_streamed_fit_equals_keras(case):
    """partial_fit over single texts and fit over an iterable of batches give Keras's
    in-memory adapt."""
    adapt = case["adapt"]
    whole = _fit(case)
    streamed = _layer(case).fit(iter([adapt[:1], adapt[1:3], adapt[3:]]))
    partial = _layer(case)
    for row in range(len(adapt)):
        partial.partial_fit(adapt[row : row + 1])
    for other in (streamed, partial):
        assert other.get_vocabulary() == case["vocabulary"]
        if "idf" in case:
            np.testing.assert_allclose(other.idf_weights_, whole.idf_weights_, rtol=1e-6)
