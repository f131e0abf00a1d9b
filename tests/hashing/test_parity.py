"""Parity of Hashing and HashedCrossing with Keras fixtures (tools/keras_fixtures/hashing.py)."""

import numpy as np
import pandas as pd
import pytest

from skprep import HashedCrossing, Hashing
from skprep.hashing import hashed_cross, hashing
from tests._fixtures import case_ids, load_cases

HASH = load_cases("hashing", "Hashing")
CROSS = load_cases("hashing", "HashedCrossing")


def _salt(kwargs):
    kw = dict(kwargs)
    if isinstance(kw.get("salt"), list):
        kw["salt"] = tuple(kw["salt"])
    return kw


def _dense(out):
    return out.toarray() if hasattr(out, "toarray") else np.asarray(out)


def test_fixture_covers_every_length_class_and_mode():
    names = " ".join(case_ids(HASH))
    for part in ("len0", "len1_3", "len4_7", "len8_16", "len17_32", "len33_64", "len65_200"):
        assert f"hashing_{part}_fast" in names and f"hashing_{part}_salt_pair" in names
    for part in ("unicode", "raw_bytes", "one_hot", "multi_hot", "count", "mask", "float64"):
        assert part in names


@pytest.mark.parametrize("case", HASH, ids=case_ids(HASH))
def test_hashing_matches_keras(case):
    kw, x, want = _salt(case["kwargs"]), case["input"], case["output"]
    mode = kw.get("output_mode", "int")
    sparse = not (mode == "one_hot" and x.ndim == 2 and x.shape[1] > 1)
    out = Hashing(**kw, sparse=sparse).transform(x)
    if mode == "int":
        assert out.dtype == np.int64
        np.testing.assert_array_equal(out, want)
    else:
        assert out.dtype == np.float32
        if mode != "one_hot" and x.ndim == 1:
            want = want[None]  # Keras: a 1-D input is one sample
        np.testing.assert_array_equal(_dense(out), want)
    np.testing.assert_array_equal(_dense(hashing(x, **kw, sparse=sparse)), _dense(out))


@pytest.mark.parametrize("case", HASH[:30:3], ids=case_ids(HASH[:30:3]))
def test_hashing_dataframe_and_series_input(case):
    x = case["input"]
    if x.ndim != 1 or case["kwargs"].get("output_mode", "int") != "int":
        pytest.skip("1-D int-mode cases only")
    kw = _salt(case["kwargs"])
    want = case["output"]
    df = pd.DataFrame({"a": x})
    np.testing.assert_array_equal(Hashing(**kw).fit(df).transform(df).ravel(), want)
    np.testing.assert_array_equal(Hashing(**kw).transform(pd.Series(x)), want)
    if all(isinstance(v, str) for v in x):
        arrow = pd.Series(list(x), dtype="string[pyarrow]")
        np.testing.assert_array_equal(Hashing(**kw).transform(arrow), want)


def _cross_frame(case):
    return pd.DataFrame({f"f{j}": np.asarray(c).reshape(-1) for j, c in enumerate(case["columns"])})


def _cross_array(case):
    cols = [np.asarray(c).reshape(-1) for c in case["columns"]]
    X = np.empty((cols[0].shape[0], len(cols)), dtype=object)
    for j, c in enumerate(cols):
        X[:, j] = c.tolist() if c.dtype != object else c
    return X


@pytest.mark.parametrize("case", CROSS, ids=case_ids(CROSS))
@pytest.mark.parametrize("container", ["dataframe", "object_array"])
def test_hashed_crossing_matches_keras(case, container):
    kw = case["kwargs"]
    X = _cross_frame(case) if container == "dataframe" else _cross_array(case)
    want = case["output"]
    out = HashedCrossing(**kw).fit(X).transform(X)
    if kw.get("output_mode", "int") == "int":
        assert out.dtype == np.int64 and out.shape == (X.shape[0], 1)
        np.testing.assert_array_equal(out.ravel(), want.ravel())
    else:
        assert out.dtype == np.float32
        np.testing.assert_array_equal(_dense(out), want)
    np.testing.assert_array_equal(_dense(hashed_cross(X, **kw)), _dense(out))


def test_hashed_crossing_numeric_array_matches_keras():
    case = next(c for c in CROSS if c["name"] == "hashed_crossing_int_int")
    X = np.column_stack([np.asarray(c) for c in case["columns"]]).astype(np.int64)
    np.testing.assert_array_equal(
        HashedCrossing(**case["kwargs"]).transform(X).ravel(), case["output"]
    )
