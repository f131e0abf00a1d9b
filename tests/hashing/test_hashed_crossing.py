"""HashedCrossing: behaviour, inputs, outputs, bad input, scikit-learn integration."""

import joblib
import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from skprep import HashedCrossing
from skprep.hashing import hashed_cross
from skprep.hashing.functional import fingerprint64, fingerprint_cat64
from tests.hashing import _reference as R


def _frame():
    return pd.DataFrame({"a": ["A", "B", "A", "B", "A"], "b": [101, 101, 101, 102, 102]})


def _reference_cross(rows, num_bins):
    out = []
    for row in rows:
        h = 0xDECAFCAFFE
        for v in row:
            fp = R.fingerprint64(v.encode()) if isinstance(v, str) else int(v) % 2**64
            h = R.fingerprint_cat64(h, fp)
        out.append(h % num_bins)
    return out


def test_spec_example_and_no_fit_needed():
    assert HashedCrossing(num_bins=5).transform(_frame()).ravel().tolist() == [1, 4, 1, 1, 3]
    assert HashedCrossing(num_bins=5).__sklearn_tags__().requires_fit is False


def test_three_way_spec_vector():
    X = np.array([["A", 1, "x"]], dtype=object)
    assert HashedCrossing(num_bins=1000003).transform(X).tolist() == [[235659]]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(max_size=10), st.integers(-(2**63), 2**63 - 1), st.text(max_size=70)),
        min_size=1,
        max_size=15,
    ),
    st.integers(1, 10**6),
)
def test_property_matches_reference(rows, num_bins):
    X = np.array(rows, dtype=object)
    out = HashedCrossing(num_bins=num_bins).transform(X)
    assert out.ravel().tolist() == _reference_cross(rows, num_bins)


def test_column_order_matters_and_ints_are_not_strings():
    X = np.array([["a", "b"]], dtype=object)
    assert HashedCrossing(num_bins=10**6).transform(X) != HashedCrossing(num_bins=10**6).transform(
        X[:, ::-1]
    )
    ints = HashedCrossing(num_bins=10**6).transform(np.array([[1, 2]]))
    strs = HashedCrossing(num_bins=10**6).transform(np.array([["1", "2"]], dtype=object))
    assert ints != strs


def test_integer_dtypes_cross_by_value():
    base = np.array([[1, -2], [3, 4]], dtype=np.int64)
    want = HashedCrossing(num_bins=997).transform(base)
    for dtype in (np.int8, np.int16, np.int32):
        np.testing.assert_array_equal(
            HashedCrossing(num_bins=997).transform(base.astype(dtype)), want
        )
    big = np.array([[2**64 - 1, 0]], dtype=np.uint64)
    same = np.array([[-1, 0]], dtype=np.int64)  # the same 64 bits
    np.testing.assert_array_equal(
        HashedCrossing(num_bins=997).transform(big), HashedCrossing(num_bins=997).transform(same)
    )


def test_outputs():
    out = HashedCrossing(num_bins=5).transform(_frame())
    assert isinstance(out, np.ndarray) and out.shape == (5, 1) and out.dtype == np.int64
    oh = HashedCrossing(num_bins=5, output_mode="one_hot").transform(_frame())
    assert sp.issparse(oh) and oh.format == "csr" and oh.shape == (5, 5) and oh.dtype == np.float32
    np.testing.assert_array_equal(oh.toarray().argmax(axis=1), out.ravel())
    dense = HashedCrossing(num_bins=5, output_mode="one_hot", sparse=False).transform(_frame())
    assert isinstance(dense, np.ndarray) and (dense.sum(axis=1) == 1).all()


def test_functional_form_and_kernels_agree():
    df = _frame()
    h = fingerprint_cat64(0xDECAFCAFFE, fingerprint64(df["a"].to_numpy()))
    h = fingerprint_cat64(h, df["b"].to_numpy())
    want = (h % np.uint64(5)).astype(np.int64)
    np.testing.assert_array_equal(hashed_cross(df, 5).ravel(), want)
    np.testing.assert_array_equal(HashedCrossing(num_bins=5).transform(df).ravel(), want)


def test_feature_names():
    est = HashedCrossing(num_bins=3).fit(_frame())
    assert est.get_feature_names_out().tolist() == ["a_X_b"]
    oh = HashedCrossing(num_bins=3, output_mode="one_hot").fit(_frame())
    assert oh.get_feature_names_out().tolist() == ["a_X_b_0", "a_X_b_1", "a_X_b_2"]
    arr = HashedCrossing(num_bins=3).fit(np.array([[1, 2, 3]]))
    assert arr.get_feature_names_out().tolist() == ["x0_X_x1_X_x2"]


def test_column_transformer_pipeline_joblib(tmp_path):
    rng = np.random.default_rng(0)
    n = 200
    df = pd.DataFrame(
        {
            "user": [f"u{i}" for i in rng.integers(0, 30, n)],
            "item": rng.integers(0, 20, n),
            "x": rng.normal(size=n),
        }
    )
    y = rng.integers(0, 2, n)
    ct = ColumnTransformer(
        [("cross", HashedCrossing(num_bins=32, output_mode="one_hot"), ["user", "item"])],
        remainder="passthrough",
    )
    pipe = make_pipeline(ct, LogisticRegression(max_iter=300)).fit(df, y)
    path = tmp_path / "p.joblib"
    joblib.dump(pipe, path)
    np.testing.assert_array_equal(joblib.load(path).predict(df), pipe.predict(df))
    assert ct.get_feature_names_out()[0] == "cross__user_X_item_0"


# ---------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "X",
    [
        np.array([["a"], ["b"]], dtype=object),
        np.array(["a", "b"], dtype=object),
        pd.DataFrame({"a": [1, 2]}),
    ],
    ids=["one_column", "1d", "dataframe_one_column"],
)
def test_fewer_than_two_columns(X):
    with pytest.raises(ValueError, match="two or more columns"):
        HashedCrossing(num_bins=3).transform(X)
    with pytest.raises(ValueError, match="two or more columns"):
        HashedCrossing(num_bins=3).fit(X)


@pytest.mark.parametrize(
    "X",
    [
        np.array([[1.0, 2.0]]),
        pd.DataFrame({"a": ["x"], "f": [1.5]}),
        np.array([["x", 1.5]], dtype=object),
        pd.DataFrame({"a": ["x"], "b": [True]}),
    ],
    ids=["float_array", "float_column", "float_object", "bool_column"],
)
def test_float_and_bool_columns_refused(X):
    with pytest.raises(ValueError, match="integer or string dtype"):
        HashedCrossing(num_bins=3).fit(X)


@pytest.mark.parametrize(
    "X", [pd.DataFrame({"a": ["x", None], "b": [1, 2]}), np.array([["x", None]], dtype=object)]
)
def test_missing_values_raise(X):
    with pytest.raises(ValueError, match="missing values"):
        HashedCrossing(num_bins=3).transform(X)


@pytest.mark.parametrize("num_bins", [0, -1, None])
def test_bad_num_bins(num_bins):
    with pytest.raises(ValueError, match="num_bins"):
        HashedCrossing(num_bins=num_bins).transform(_frame())
    with pytest.raises(ValueError, match="num_bins"):
        hashed_cross(_frame(), num_bins)


def test_bad_output_mode():
    with pytest.raises(ValueError, match="output_mode"):
        HashedCrossing(num_bins=3, output_mode="multi_hot").fit(_frame())


def test_column_count_checked_after_fit():
    est = HashedCrossing(num_bins=3).fit(np.array([[1, 2]]))
    with pytest.raises(ValueError, match="features"):
        est.transform(np.array([[1, 2, 3]]))
