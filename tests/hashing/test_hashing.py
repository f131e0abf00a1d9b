"""Hashing: behaviour, inputs, outputs, bad input, scikit-learn integration."""

import joblib
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline

from skprep import Hashing
from skprep.hashing import hashing
from skprep.hashing.functional import hash_to_bins

WORDS = np.array(["A", "B", "C", "D", "E"], dtype=object)


def _dense(out):
    return out.toarray() if sp.issparse(out) else out


def test_works_without_fit_and_fit_returns_self():
    layer = Hashing(num_bins=3)
    assert layer.transform(WORDS).tolist() == [1, 0, 1, 1, 2]
    assert layer.fit(WORDS) is layer
    assert layer.__sklearn_tags__().requires_fit is False


@pytest.mark.parametrize(
    ("x", "strings"),
    [
        (np.array([1, -12, 0]), ["1", "-12", "0"]),
        (np.array([1.9, -1.9, 0.5, 3.0]), ["1", "-1", "0", "3"]),
        (np.array([True, False]), ["true", "false"]),
        (np.array([7], dtype=np.uint64), ["7"]),
        (np.array([2**64 - 1], dtype=np.uint64), ["18446744073709551615"]),
        (np.array([1.5], dtype=np.float32), ["1"]),
        (np.array([1, "1", b"1"], dtype=object)[1:], ["1", "1"]),
    ],
)
def test_numbers_hash_as_keras_strings(x, strings):
    for salt in (None, 11):
        want = hash_to_bins(strings, 1000, salt=salt)
        np.testing.assert_array_equal(Hashing(num_bins=1000, salt=salt).transform(x), want)


def test_int_and_string_share_bins():
    a = Hashing(num_bins=97).transform(np.array([5, -3]))
    b = Hashing(num_bins=97).transform(np.array(["5", "-3"]))
    np.testing.assert_array_equal(a, b)


def test_shapes_and_dtypes():
    x2 = WORDS[:4].reshape(2, 2)
    assert Hashing(num_bins=4).transform(WORDS).shape == (5,)
    out = Hashing(num_bins=4).transform(x2)
    assert out.shape == (2, 2) and out.dtype == np.int64
    np.testing.assert_array_equal(out.ravel(), Hashing(num_bins=4).transform(WORDS[:4]))
    oh = Hashing(num_bins=4, output_mode="one_hot").transform(WORDS)
    assert sp.issparse(oh) and oh.format == "csr" and oh.shape == (5, 4) and oh.dtype == np.float32
    oh3 = Hashing(num_bins=4, output_mode="one_hot", sparse=False).transform(x2)
    assert oh3.shape == (2, 2, 4)
    mh = Hashing(num_bins=4, output_mode="multi_hot").transform(x2)
    assert sp.issparse(mh) and mh.shape == (2, 4)
    cnt = Hashing(num_bins=4, output_mode="count", sparse=False).transform(np.array([["a", "a"]]))
    assert cnt.sum() == 2 and cnt.max() == 2 and isinstance(cnt, np.ndarray)


def test_int_mode_ignores_sparse():
    out = Hashing(num_bins=4, sparse=True).transform(WORDS)
    assert isinstance(out, np.ndarray)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.text(max_size=12), min_size=1, max_size=25),
    st.integers(1, 50),
    st.one_of(st.none(), st.integers(0, 2**63 - 1)),
)
def test_property_bins_in_range_and_elementwise(values, num_bins, salt):
    x = np.array(values, dtype=object)
    out = Hashing(num_bins=num_bins, salt=salt).transform(x)
    assert out.dtype == np.int64 and ((0 <= out) & (out < num_bins)).all()
    # element-wise: hashing any subset/permutation gives the same bins
    perm = np.random.default_rng(len(values)).permutation(len(values))
    np.testing.assert_array_equal(
        Hashing(num_bins=num_bins, salt=salt).transform(x[perm]), out[perm]
    )


@settings(max_examples=30, deadline=None)
@given(
    st.lists(st.sampled_from(["", "a", "b", "c", "dd"]), min_size=1, max_size=30), st.integers(2, 9)
)
def test_property_mask(values, num_bins):
    x = np.array(values, dtype=object)
    out = Hashing(num_bins=num_bins, mask_value="").transform(x)
    masked = x == ""
    assert (out[masked] == 0).all() and (out[~masked] >= 1).all() and (out < num_bins).all()
    # unmasked values: hash into num_bins - 1 bins, shifted by one
    want = hash_to_bins(x[~masked], num_bins - 1) + 1 if (~masked).any() else []
    np.testing.assert_array_equal(out[~masked], want)


def test_mask_with_one_bin_maps_everything_to_zero():
    assert Hashing(num_bins=1, mask_value="a").transform(WORDS).tolist() == [0] * 5


def test_mask_bytes_and_str_interchangeable():
    x = np.array([b"a", b"", b"b"], dtype=object)
    np.testing.assert_array_equal(
        Hashing(num_bins=5, mask_value="").transform(x),
        Hashing(num_bins=5, mask_value=b"").transform(np.array(["a", "", "b"])),
    )
    out = Hashing(num_bins=5, mask_value=b"\xff").transform(np.array(["a", "b"]))
    assert (out > 0).all()


@pytest.mark.parametrize("mask", ["é", "é".encode(), b"\xff", "", "zz"], ids=repr)
def test_mask_on_object_arrays_equals_the_arrow_path(mask):
    # Object arrays of str/bytes are hashed in place by the compiled kernel; Arrow arrays of
    # the same values go through pyarrow. Masks and bins must agree either way.
    values = ["é", "é".encode(), b"\xff", "", b"", "a", "zz"]
    x = np.array(values, dtype=object)
    arrow = pa.array([v if isinstance(v, bytes) else v.encode() for v in values])
    got = Hashing(num_bins=7, mask_value=mask).transform(x)
    np.testing.assert_array_equal(got, Hashing(num_bins=7, mask_value=mask).transform(arrow))
    raw = mask if isinstance(mask, bytes) else mask.encode()
    masked = [(v if isinstance(v, bytes) else v.encode()) == raw for v in values]
    np.testing.assert_array_equal(got == 0, masked)


def test_mask_compares_raw_floats():
    out = Hashing(num_bins=4, mask_value=1.0).transform(np.array([1.0, 1.5]))
    assert out[0] == 0 and out[1] != 0  # 1.5 is not masked, yet hashes as "1"


def test_mask_in_encoded_mode_is_bin_zero():
    out = Hashing(num_bins=4, mask_value="", output_mode="one_hot", sparse=False).transform(
        np.array(["", "x"])
    )
    assert out[0].tolist() == [1, 0, 0, 0] and out[1, 0] == 0


@pytest.mark.parametrize(
    "x",
    [
        ["a", "b"],
        np.array(["a", "b"]),
        np.array(["a", "b"], dtype=object),
        np.array([b"a", b"b"]),
        np.array(["a", "b"], dtype=np.dtypes.StringDType()),
        pd.Series(["a", "b"]),
        pd.Series(["a", "b"], dtype="string[pyarrow]"),
        pd.Series(["a", "b"], dtype="category"),
        pa.array(["a", "b"]),
    ],
    ids=[
        "list",
        "unicode",
        "object",
        "bytes",
        "stringdtype",
        "series",
        "arrow_series",
        "category",
        "arrow",
    ],
)
def test_containers(x):
    np.testing.assert_array_equal(
        Hashing(num_bins=1000).transform(x), hash_to_bins(["a", "b"], 1000)
    )


def test_dataframe_with_mixed_columns():
    df = pd.DataFrame(
        {"s": ["a", "b", "c"], "i": [1, 2, 3], "f": [1.5, 2.5, -0.5], "b": [True, False, True]}
    )
    out = Hashing(num_bins=100).fit(df).transform(df)
    assert out.shape == (3, 4)
    np.testing.assert_array_equal(out[:, 0], hash_to_bins(["a", "b", "c"], 100))
    np.testing.assert_array_equal(out[:, 1], hash_to_bins(["1", "2", "3"], 100))
    np.testing.assert_array_equal(out[:, 2], hash_to_bins(["1", "2", "0"], 100))
    np.testing.assert_array_equal(out[:, 3], hash_to_bins(["true", "false", "true"], 100))


def test_feature_names():
    df = pd.DataFrame({"city": ["a", "b"], "zip": ["1", "2"]})
    assert Hashing(num_bins=3).fit(df).get_feature_names_out().tolist() == ["city", "zip"]
    assert Hashing(num_bins=3, output_mode="multi_hot").fit(
        df
    ).get_feature_names_out().tolist() == [
        "hashing_0",
        "hashing_1",
        "hashing_2",
    ]
    one = Hashing(num_bins=2, output_mode="one_hot").fit(df[["city"]])
    assert one.get_feature_names_out().tolist() == ["city_0", "city_1"]
    arr = Hashing(num_bins=2).fit(np.array([["a", "b"]]))
    assert arr.get_feature_names_out().tolist() == ["x0", "x1"]
    assert arr.get_feature_names_out(["p", "q"]).tolist() == ["p", "q"]
    with pytest.raises(ValueError, match="input_features"):
        arr.get_feature_names_out(["p"])


def test_set_output_pandas():
    df = pd.DataFrame({"city": ["a", "b"], "zip": ["1", "2"]})
    out = Hashing(num_bins=5).set_output(transform="pandas").fit_transform(df)
    assert list(out.columns) == ["city", "zip"]


def test_pipeline_column_transformer_gridsearch_joblib(tmp_path, rng):
    n = 300
    city = np.array([f"city_{i}" for i in rng.integers(0, 2000, n)], dtype=object)
    y = (np.char.str_len(city.astype(str)) % 2).astype(int)
    df = pd.DataFrame({"city": city, "amount": rng.normal(size=n)})
    ct = ColumnTransformer(
        [("city", Hashing(num_bins=64, output_mode="one_hot"), "city")], remainder="passthrough"
    )
    pipe = make_pipeline(ct, LogisticRegression(max_iter=500))
    search = GridSearchCV(pipe, {"columntransformer__city__num_bins": [16, 64]}, cv=2)
    search.fit(df, y)
    path = tmp_path / "pipe.joblib"
    joblib.dump(search.best_estimator_, path)
    np.testing.assert_array_equal(joblib.load(path).predict(df), search.best_estimator_.predict(df))


def test_int_mode_in_column_transformer_takes_a_list_of_columns():
    df = pd.DataFrame({"a": ["x", "y"], "b": ["z", "w"]})
    ct = ColumnTransformer([("h", Hashing(num_bins=9), ["a", "b"])])
    assert ct.fit_transform(df).shape == (2, 2)


def test_functional_form_agrees(rng):
    x = np.array([f"v{i}" for i in rng.integers(0, 100, 50)], dtype=object).reshape(25, 2)
    for kw in ({}, {"salt": 3}, {"mask_value": "v1"}, {"output_mode": "count", "sparse": False}):
        a, b = hashing(x, 13, **kw), Hashing(num_bins=13, **kw).transform(x)
        np.testing.assert_array_equal(_dense(a), _dense(b))


def test_large_input_uses_chunks_consistently(rng):
    x = np.array([f"user_{i}" for i in rng.integers(0, 10**9, 70_000)], dtype=object)
    out = Hashing(num_bins=1000).transform(x)
    np.testing.assert_array_equal(out[-50:], hash_to_bins(x[-50:], 1000))


# ---------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("num_bins", [0, -3, None])
def test_bad_num_bins(num_bins):
    with pytest.raises(ValueError, match="num_bins"):
        Hashing(num_bins=num_bins).transform(WORDS)
    with pytest.raises(ValueError, match="num_bins"):
        Hashing(num_bins=num_bins).fit(WORDS)
    with pytest.raises(ValueError, match="num_bins"):
        hashing(WORDS, num_bins)


@pytest.mark.parametrize("num_bins", [2.5, "3"])
def test_non_integer_num_bins(num_bins):
    with pytest.raises((TypeError, ValueError), match="num_bins"):
        Hashing(num_bins=num_bins).transform(WORDS)


@pytest.mark.parametrize("salt", [1.5, "7", [1], (1, 2, 3), [1.0, 2], True, 2**64, (1, None)])
def test_bad_salt(salt):
    with pytest.raises(ValueError, match="salt"):
        Hashing(num_bins=3, salt=salt).transform(WORDS)


def test_bad_output_mode():
    with pytest.raises(ValueError, match="output_mode"):
        Hashing(num_bins=3, output_mode="tf_idf").fit(WORDS)


@pytest.mark.parametrize(
    "x",
    [
        np.array(["a", None], dtype=object),
        np.array([1.0, np.nan]),
        np.array(["a", np.nan], dtype=object),
        pd.Series(["a", None], dtype="string[pyarrow]"),
        pd.DataFrame({"a": ["x", None]}),
        pa.array(["a", None]),
    ],
    ids=["none", "nan", "nan_object", "pd_na", "dataframe", "arrow_null"],
)
def test_missing_values_raise(x):
    with pytest.raises(ValueError, match="missing values"):
        Hashing(num_bins=3).transform(x)


def test_infinite_and_out_of_range_floats_raise():
    with pytest.raises(ValueError, match="inf"):
        Hashing(num_bins=3).transform(np.array([1.0, np.inf]))
    with pytest.raises(ValueError, match="int64 range"):
        Hashing(num_bins=3).transform(np.array([1e19]))


def test_mixed_object_column_raises():
    with pytest.raises(TypeError, match="one kind"):
        Hashing(num_bins=3).transform(np.array(["a", 1, 2.5], dtype=object))


def test_unsupported_dtype_raises():
    with pytest.raises(ValueError, match="Complex"):
        Hashing(num_bins=3).transform(np.array([1 + 2j]))
    with pytest.raises(TypeError, match="strings, integers, floats or booleans"):
        Hashing(num_bins=3).transform(pd.Series(pd.to_datetime(["2020-01-01"])))


def test_incompatible_mask_value():
    with pytest.raises(TypeError, match="mask_value"):
        Hashing(num_bins=3, mask_value=0).transform(WORDS)
    with pytest.raises(TypeError, match="mask_value"):
        Hashing(num_bins=3, mask_value="a").transform(np.array([1, 2]))


def test_bag_modes_need_2d():
    with pytest.raises(ValueError, match="2-D"):
        Hashing(num_bins=3, output_mode="multi_hot").transform(WORDS)


def test_sparse_one_hot_of_many_columns_raises():
    with pytest.raises(ValueError, match="sparse=False"):
        Hashing(num_bins=3, output_mode="one_hot").transform(WORDS[:4].reshape(2, 2))


def test_feature_count_checked_after_fit():
    layer = Hashing(num_bins=3).fit(np.array([["a", "b"]]))
    with pytest.raises(ValueError, match="features"):
        layer.transform(np.array([["a", "b", "c"]]))
    with pytest.raises(ValueError, match="rank"):
        layer.transform(np.array(["a", "b"]))


def test_unfitted_dataframe_transform_does_not_warn(recwarn):
    Hashing(num_bins=3).transform(pd.DataFrame({"a": ["x", "y"]}))
    assert not [w for w in recwarn if "feature names" in str(w.message)]


def test_empty_input_raises():
    with pytest.raises(ValueError, match="0 sample"):
        Hashing(num_bins=3).transform(np.array([], dtype=object))


def test_series_input_rank_is_checked():
    layer = Hashing(num_bins=5).fit(pd.DataFrame({"a": ["x", "y"]}))
    with pytest.raises(ValueError, match="rank 2"):
        layer.transform(pd.Series(["x"]))
    one_d = Hashing(num_bins=5).fit(pd.Series(["x", "y"]))
    assert not hasattr(one_d, "n_features_in_")
    with pytest.raises(ValueError, match="rank 1"):
        one_d.transform(pd.DataFrame({"a": ["x"]}))
    with pytest.raises(ValueError, match="0 sample"):
        Hashing(num_bins=5).transform(pd.Series([], dtype=object))


def test_arrow_backed_series_matches_object_series():
    values = [f"id_{i}" for i in range(1000)] + ["é" * 40]
    a = Hashing(num_bins=97, salt=4).transform(pd.Series(values, dtype="string[pyarrow]"))
    b = Hashing(num_bins=97, salt=4).transform(pd.Series(values, dtype=object))
    np.testing.assert_array_equal(a, b)
