"""``set_output`` / ``sklearn.set_config(transform_output="pandas")`` with N-D outputs."""

import numpy as np
import pandas as pd
import pytest
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from skprep import (
    Flatten,
    Normalization,
    RandomFlip,
    RandomRotation,
    Rescaling,
    Resizing,
    StringLookup,
)


@pytest.fixture
def digits():
    from sklearn.datasets import load_digits

    X, y = load_digits(return_X_y=True)
    return X[:300].reshape(-1, 8, 8, 1), y[:300]


def _image_pipeline():
    return make_pipeline(
        Rescaling(1 / 16),
        Normalization(axis=None),
        Resizing(10, 10),
        RandomRotation(0.05, random_state=0),
        Flatten(),
        LogisticRegression(max_iter=200),
    )


def test_global_pandas_output_does_not_break_image_pipelines(digits):
    # The user's mistake: set_config(transform_output="pandas") once, for their tables.
    X, y = digits
    expected = _image_pipeline().fit(X, y).predict(X)
    with sklearn.config_context(transform_output="pandas"):
        pipe = _image_pipeline().fit(X, y)
        np.testing.assert_array_equal(pipe.predict(X), expected)
        table = pipe[:-1].transform(X)
    assert isinstance(table, pd.DataFrame)
    assert list(table.columns) == list(pipe[-2].get_feature_names_out())
    assert table.shape == (300, 100)


def test_pipeline_set_output_with_image_layers(digits):
    X, y = digits
    pipe = _image_pipeline().set_output(transform="pandas").fit(X, y)
    assert isinstance(pipe[:-1].transform(X), pd.DataFrame)
    images = pipe[:3].transform(X)
    assert isinstance(images, np.ndarray) and images.shape == (300, 10, 10, 1)


@pytest.mark.parametrize("method", ["transform", "fit_transform"])
@pytest.mark.parametrize(
    "make", [lambda: Rescaling(0.5), Normalization, lambda: RandomFlip(random_state=0)]
)
def test_nd_outputs_pass_through_unchanged(make, method, digits):
    X = digits[0][:10]
    expected = getattr(make().fit(X), method)(X)
    with sklearn.config_context(transform_output="pandas"):
        out = getattr(make().fit(X), method)(X)
    assert isinstance(out, np.ndarray)
    np.testing.assert_array_equal(out, expected)


@pytest.mark.parametrize("method", ["transform", "fit_transform"])
def test_tables_still_become_dataframes(method):
    X = np.random.default_rng(0).normal(size=(20, 3))
    layer = Normalization().fit(X)
    with sklearn.config_context(transform_output="pandas"):
        out = getattr(layer, method)(X)
    assert isinstance(out, pd.DataFrame)
    assert list(out.columns) == list(layer.get_feature_names_out())
    np.testing.assert_array_equal(out.to_numpy(), Normalization().fit_transform(X))


def test_three_d_lookup_output_passes_through():
    X = np.array([["a", "b"], ["b", "c"]])
    with sklearn.config_context(transform_output="pandas"):
        out = StringLookup(output_mode="one_hot", sparse=False).fit_transform(X)
        table = StringLookup(output_mode="one_hot", sparse=False).fit_transform(X[:, :1])
    assert isinstance(out, np.ndarray) and out.shape == (2, 2, 4)
    assert isinstance(table, pd.DataFrame) and table.shape == (2, 3)


def test_set_output_default_switches_back():
    X = np.random.default_rng(0).normal(size=(5, 2))
    layer = Normalization().set_output(transform="pandas").fit(X)
    assert isinstance(layer.transform(X), pd.DataFrame)
    assert isinstance(layer.set_output(transform="default").transform(X), np.ndarray)
    assert Resizing(2, 2).set_output(transform="pandas") is not None  # available everywhere
