"""AugmentationSampler: originals plus augmented copies, labels, seeding, pipelines and bad
input."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.pipeline import make_pipeline

from skprep import (
    AugmentationSampler,
    Flatten,
    RandomFlip,
    RandomRotation,
    RandomTranslation,
    Resizing,
)


def _data(n=12):
    rng = np.random.default_rng(0)
    return rng.uniform(0, 255, (n, 6, 7, 2)).astype(np.float32), np.arange(n) % 3


def test_originals_first_then_copies_with_repeated_labels():
    X, y = _data()
    sampler = AugmentationSampler(RandomTranslation(0.3, 0.3), n_copies=3, random_state=0)
    X_res, y_res = sampler.fit_resample(X, y)
    assert X_res.shape == (48, 6, 7, 2) and y_res.shape == (48,)
    np.testing.assert_array_equal(X_res[:12], X)
    np.testing.assert_array_equal(y_res, np.tile(y, 4))
    copies = X_res[12:].reshape(3, 12, 6, 7, 2)
    assert not np.allclose(copies[0], X)
    assert not np.allclose(copies[0], copies[1])  # each copy has its own draws


def test_copies_are_the_chain_with_drawn_seeds():
    X, y = _data()
    chain = [RandomRotation(0.2), RandomTranslation(0.1, 0.2)]
    X_res, _ = AugmentationSampler(chain, n_copies=2, random_state=5).fit_resample(X, y)
    rng = np.random.default_rng(5)
    expected = X
    for step in chain:
        seed = int(rng.integers(2**31 - 1))
        expected = type(step)(**{**step.get_params(), "random_state": seed}).fit_transform(expected)
    np.testing.assert_array_equal(X_res[12:24], expected)
    assert chain[0].random_state is None  # the given estimators are not modified


def test_list_pipeline_and_single_estimator_agree():
    X, y = _data()
    rotation = RandomRotation(0.1)
    as_list = AugmentationSampler([rotation], 2, random_state=1).fit_resample(X, y)[0]
    as_pipe = AugmentationSampler(make_pipeline(rotation), 2, random_state=1).fit_resample(X, y)[0]
    single = AugmentationSampler(rotation, 2, random_state=1).fit_resample(X, y)[0]
    np.testing.assert_array_equal(as_list, as_pipe)
    np.testing.assert_array_equal(as_list, single)


def test_random_state_semantics():
    X, y = _data()
    fixed = AugmentationSampler(RandomFlip(), 2, random_state=3)
    np.testing.assert_array_equal(fixed.fit_resample(X, y)[0], fixed.fit_resample(X, y)[0])
    moving = AugmentationSampler(RandomRotation(0.3), 1, random_state=np.random.default_rng(3))
    assert not np.array_equal(moving.fit_resample(X, y)[0], moving.fit_resample(X, y)[0])


def test_no_copies_and_other_label_kinds():
    X, y = _data()
    X_res, y_res = AugmentationSampler(RandomFlip(), n_copies=0).fit_resample(X, y)
    np.testing.assert_array_equal(X_res, X)
    onehot = np.eye(3)[y]
    _, y2 = AugmentationSampler(RandomFlip(), 2, random_state=0).fit_resample(X, onehot)
    assert y2.shape == (36, 3)
    names = np.array(["cat", "dog"] * 6)
    _, y3 = AugmentationSampler(RandomFlip(), 1, random_state=0).fit_resample(X, names)
    assert y3.tolist() == names.tolist() * 2


def test_in_an_imbalanced_learn_pipeline_fit_only():
    imblearn = pytest.importorskip("imblearn")
    from sklearn.linear_model import LogisticRegression

    X, y = _data(30)
    seen = []

    class Spy(TransformerMixin, BaseEstimator):
        def fit(self, X, y=None):
            seen.append(("fit", len(X)))
            return self

        def transform(self, X):
            seen.append(("transform", len(X)))
            return X

    model = imblearn.pipeline.make_pipeline(
        AugmentationSampler(RandomRotation(0.1), 2, random_state=0),
        Flatten(),
        Spy(),
        LogisticRegression(max_iter=200),
    )
    model.fit(X, y)
    model.predict(X)
    assert seen[0] == ("fit", 90)  # 30 originals + 2 x 30 copies while fitting
    assert seen[-1] == ("transform", 30)  # prediction sees the images as they are


class _DropsRows(TransformerMixin, BaseEstimator):
    def fit_transform(self, X, y=None):
        return X[1:]


@pytest.mark.parametrize(
    ("sampler", "error", "match"),
    [
        (AugmentationSampler("rotate"), TypeError, "augmentation"),
        (AugmentationSampler([]), TypeError, "augmentation"),
        (AugmentationSampler([RandomFlip(), 3]), TypeError, "augmentation"),
        (AugmentationSampler(RandomFlip(), n_copies=-1), ValueError, "n_copies"),
        (AugmentationSampler(RandomFlip(), n_copies=1.5), ValueError, "n_copies"),
        (AugmentationSampler(RandomFlip(), random_state="x"), ValueError, "random_state"),
        (AugmentationSampler(_DropsRows()), ValueError, "number of samples"),
        (AugmentationSampler(Resizing(3, 3)), ValueError, "sample shape"),
    ],
)
def test_bad_parameters(sampler, error, match):
    X, y = _data()
    with pytest.raises(error, match=match):
        sampler.fit_resample(X, y)


def test_mismatched_labels():
    X, y = _data()
    with pytest.raises(ValueError, match="same number of samples"):
        AugmentationSampler(RandomFlip()).fit_resample(X, y[:-1])


@settings(max_examples=20, deadline=None)
@given(n=st.integers(1, 9), k=st.integers(0, 3), seed=st.integers(0, 2**31 - 2))
def test_shapes_labels_and_reproducibility_for_any_size(n, k, seed):
    X = np.random.default_rng(seed).uniform(0, 1, (n, 3, 4, 1))
    y = np.arange(n)
    sampler = AugmentationSampler([RandomFlip(), RandomTranslation(0.2, 0.2)], k, random_state=seed)
    X_res, y_res = sampler.fit_resample(X, y)
    assert X_res.shape == (n * (k + 1), 3, 4, 1)
    assert y_res.tolist() == list(range(n)) * (k + 1)
    np.testing.assert_array_equal(X_res[:n], X)
    np.testing.assert_array_equal(sampler.fit_resample(X, y)[0], X_res)
