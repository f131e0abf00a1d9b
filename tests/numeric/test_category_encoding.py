import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.compose import ColumnTransformer

from skprep import CategoryEncoding
from skprep.numeric import category_encode


def test_default_is_sparse_multi_hot():
    out = CategoryEncoding(num_tokens=4).transform(np.array([[0, 1], [0, 0], [3, 3]]))
    assert sp.isspmatrix_csr(out) and out.dtype == np.float32
    np.testing.assert_array_equal(out.toarray(), [[1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1]])


def test_binary_alias():
    X = np.array([[0, 1, 1]])
    a = CategoryEncoding(3, "binary").transform(X).toarray()
    b = CategoryEncoding(3, "multi_hot").transform(X).toarray()
    np.testing.assert_array_equal(a, b)


def test_count_weights_sum():
    out = CategoryEncoding(4, "count", sparse=False).transform(
        np.array([[0, 1, 1]]), count_weights=np.array([[0.5, 1.0, 2.0]])
    )
    np.testing.assert_allclose(out, [[0.5, 3.0, 0.0, 0.0]])


def test_one_hot_shapes():
    x = np.array([0, 2, 1])
    assert CategoryEncoding(3, "one_hot").transform(x).shape == (3, 3)
    assert CategoryEncoding(3, "one_hot").transform(x[:, None]).shape == (3, 3)
    dense = CategoryEncoding(3, "one_hot", sparse=False).transform(np.array([[0, 1], [2, 2]]))
    assert dense.shape == (2, 2, 3)


def test_function_agrees_with_estimator():
    X = np.array([[0, 1, 4], [2, 2, 2]])
    np.testing.assert_array_equal(
        CategoryEncoding(5, "count").transform(X).toarray(),
        category_encode(X, 5, "count").toarray(),
    )


@given(
    arrays(np.int64, st.tuples(st.integers(1, 30), st.integers(1, 6)), elements=st.integers(0, 9)),
    st.sampled_from(["multi_hot", "count"]),
)
@settings(max_examples=60, deadline=None)
def test_sparse_equals_dense_and_counts_add_up(X, mode):
    sparse = CategoryEncoding(10, mode).transform(X)
    dense = CategoryEncoding(10, mode, sparse=False).transform(X)
    np.testing.assert_array_equal(sparse.toarray(), dense)
    if mode == "count":
        np.testing.assert_array_equal(dense.sum(axis=1), X.shape[1])
    else:
        np.testing.assert_array_equal(dense.sum(axis=1), [len(set(r)) for r in X])


def test_column_transformer_feature_names():
    X = np.array([[0, 5.0], [2, 1.0]])
    ct = ColumnTransformer([("cat", CategoryEncoding(3, "one_hot", sparse=False), [0])])
    ct.fit(X)
    assert list(ct.get_feature_names_out()) == ["cat__x0_0", "cat__x0_1", "cat__x0_2"]


# -- bad input --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "X, match",
    [
        (np.array([[0, 4]]), "out-of-range values \\[4\\]"),
        (np.array([[-1, 0]]), "out-of-range values \\[-1\\]"),
        (np.array([[0.5, 1.0]]), "non-integer values \\[0.5\\]"),
        (np.array([[np.nan, 1.0]]), "NaN"),
    ],
)
def test_bad_values_raise(X, match):
    with pytest.raises(ValueError, match=match):
        CategoryEncoding(4, "count").transform(X)


def test_integer_valued_floats_accepted():
    out = CategoryEncoding(3, "count", sparse=False).transform(np.array([[1.0, 1.0]]))
    np.testing.assert_array_equal(out, [[0, 2, 0]])


def test_strings_raise_type_error():
    with pytest.raises(TypeError, match="StringLookup"):
        CategoryEncoding(3).transform(np.array([["a", "b"]]))


def test_num_tokens_none():
    with pytest.raises(ValueError, match="num_tokens must be set"):
        CategoryEncoding().transform(np.array([[0]]))


@pytest.mark.parametrize("num_tokens", [0, -3])
def test_num_tokens_not_positive(num_tokens):
    with pytest.raises(ValueError, match="num_tokens"):
        CategoryEncoding(num_tokens).fit(np.array([[0]]))


def test_bad_output_mode():
    with pytest.raises(ValueError, match="output_mode"):
        CategoryEncoding(3, "tf_idf").fit(np.array([[0]]))


def test_count_weights_wrong_mode_or_shape():
    with pytest.raises(ValueError, match="count_weights"):
        CategoryEncoding(3, "multi_hot").transform(np.array([[0]]), count_weights=[[1.0]])
    with pytest.raises(ValueError, match="count_weights"):
        CategoryEncoding(3, "count").transform(np.array([[0, 1]]), count_weights=[[1.0]])


def test_one_d_bag_input_explained():
    with pytest.raises(ValueError, match="Reshape"):
        CategoryEncoding(3, "multi_hot").transform(np.array([0, 1]))


def test_wrong_feature_count_after_fit():
    layer = CategoryEncoding(3).fit(np.array([[0, 1]]))
    with pytest.raises(ValueError, match="features"):
        layer.transform(np.array([[0, 1, 2]]))
