"""Parity of StringLookup / IntegerLookup with Keras fixtures (tools/keras_fixtures/lookup.py)."""

import numpy as np
import pytest
import scipy.sparse as sp

from skprep import IntegerLookup, StringLookup
from tests._fixtures import case_ids, load_cases

LAYERS = {"StringLookup": StringLookup, "IntegerLookup": IntegerLookup}
#: Keras behaviours skprep refuses on purpose (documented in the class Notes): Keras accepts
#: the OOV token inside a given vocabulary as an ordinary token, which then shows twice in
#: ``get_vocabulary()`` and inverts ambiguously.
REFUSED = {"stringlookup_oov_token_as_token": "reserved OOV token"}
CASES = [c for c in load_cases("lookup") if c["name"] not in REFUSED]


@pytest.mark.parametrize(
    "case",
    [c for c in load_cases("lookup") if c["name"] in REFUSED],
    ids=lambda c: c["name"],
)
def test_deliberate_differences_are_refused(case):
    with pytest.raises(ValueError, match=REFUSED[case["name"]]):
        LAYERS[case["layer"]](**case["kwargs"]).fit(case["input"])


def _hashing_available():
    try:
        from skprep.hashing.functional import hash_to_bins  # noqa: F401
    except ImportError:
        return False
    return True


def _needs_hash(case):
    kw = case["kwargs"]
    k = kw.get("num_oov_indices", 1)
    if k <= 1:
        return False
    return case["layer"] == "StringLookup" or kw.get("oov_method") == "farmhash"


def _fit(case, tmp_path, **extra):
    kwargs = dict(case["kwargs"], **extra)
    if "file_lines" in case:
        path = tmp_path / "vocab.txt"
        path.write_text("\n".join(str(t) for t in case["file_lines"]) + "\n", encoding="utf-8")
        kwargs["vocabulary"] = str(path)
    layer = LAYERS[case["layer"]](**kwargs)
    if "batches" in case:
        layer.fit(iter(case["batches"]))
    elif "adapt" in case:
        adapt = case["adapt"]
        if np.ndim(adapt) == 2 and np.ndim(case["input"]) == 1:
            # skprep: a layer fitted on a 2-D table wants 2-D input; the counts are the same
            adapt = adapt.ravel()
        layer.fit(adapt)
    else:
        layer.fit(case["input"])
    return layer


def _skip_without_hash(case):
    if _needs_hash(case) and not _hashing_available():
        pytest.skip("OOV hashing needs skprep.hashing.functional (hashing branch)")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_vocabulary_matches_keras(case, tmp_path):
    layer = _fit(case, tmp_path)
    assert layer.get_vocabulary() == case["vocabulary"]
    assert layer.vocabulary_size() == case["vocabulary_size"]
    if "idf_weights" in case:
        np.testing.assert_allclose(layer.idf_weights_, case["idf_weights"], rtol=1e-6)
        assert layer.idf_weights_.dtype == np.float32


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_output_matches_keras(case, tmp_path):
    _skip_without_hash(case)
    layer = _fit(case, tmp_path, sparse=False)
    out = layer.transform(case["input"])
    expected = case["output"]
    if expected.dtype == object:
        assert out.dtype == expected.dtype
        assert out.tolist() == expected.tolist()
        return
    assert out.shape == expected.shape
    if expected.dtype.kind == "f":
        assert out.dtype == np.float32
        np.testing.assert_allclose(out, expected, rtol=1e-6)
    else:
        assert out.dtype == np.int64
        np.testing.assert_array_equal(out, expected)


ENCODED = [c for c in CASES if c["kwargs"].get("output_mode", "int") != "int"]


@pytest.mark.parametrize("case", ENCODED, ids=case_ids(ENCODED))
def test_sparse_output_matches_keras(case, tmp_path):
    _skip_without_hash(case)
    out = _fit(case, tmp_path).transform(case["input"])
    assert sp.issparse(out) and out.format == "csr"
    np.testing.assert_allclose(out.toarray(), case["output"], rtol=1e-6)


INT_FORWARD = [
    c
    for c in CASES
    if c["kwargs"].get("output_mode", "int") == "int" and not c["kwargs"].get("invert")
]


@pytest.mark.parametrize("case", INT_FORWARD, ids=case_ids(INT_FORWARD))
def test_inverse_transform_round_trip(case, tmp_path):
    _skip_without_hash(case)
    layer = _fit(case, tmp_path)
    back = layer.inverse_transform(case["output"])
    vocab = np.asarray(layer.get_vocabulary(), dtype=object)
    expected = vocab[case["output"]]
    assert back.tolist() == np.asarray(expected).tolist()
