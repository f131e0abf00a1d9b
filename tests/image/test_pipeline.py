"""Image layers inside scikit-learn: Pipeline, GridSearchCV, joblib."""

import joblib
import numpy as np
import pytest
from sklearn.datasets import load_digits
from sklearn.linear_model import RidgeClassifier
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline

from skprep import (
    Flatten,
    RandomBrightness,
    RandomContrast,
    RandomCrop,
    RandomFlip,
    RandomHeight,
    Rescaling,
    Resizing,
)


@pytest.fixture(scope="module")
def digits():
    X, y = load_digits(return_X_y=True)
    images = X.reshape(-1, 8, 8, 1).astype(np.uint8)[:300]
    return images, y[:300]


def _pipeline(**overrides):
    pipe = make_pipeline(
        Resizing(12, 12),
        RandomCrop(10, 10, random_state=0),
        RandomContrast(0.2, value_range=(0, 16), random_state=0),
        RandomBrightness(0.05, value_range=(0, 16), random_state=0),
        Rescaling(1 / 16),
        Flatten(),
        RidgeClassifier(),
    )
    return pipe.set_params(**overrides)


def test_pipeline_augments_in_fit_only(digits):
    X, y = digits
    pipe = _pipeline().fit(X, y)
    assert pipe.score(X, y) > 0.7  # chance is 0.1
    # Prediction runs inference: deterministic, so repeated predictions agree.
    np.testing.assert_array_equal(pipe.decision_function(X), pipe.decision_function(X))
    # The classifier saw augmented images: refitting with augmentation switched off differs.
    plain = _pipeline(randomcontrast__factor=0.0, randombrightness__factor=(0.0, 0.0)).fit(X, y)
    assert not np.allclose(pipe[-1].coef_, plain[-1].coef_)


def test_grid_search_over_a_factor(digits):
    X, y = digits
    search = GridSearchCV(
        _pipeline(), {"randomcontrast__factor": [0.0, 0.3]}, cv=2, error_score="raise"
    )
    search.fit(X, y)
    assert search.best_params_["randomcontrast__factor"] in (0.0, 0.3)
    assert search.best_score_ > 0.5


def test_joblib_round_trip(digits, tmp_path):
    X, y = digits
    pipe = _pipeline().fit(X, y)
    path = tmp_path / "pipe.joblib"
    joblib.dump(pipe, path)
    loaded = joblib.load(path)
    np.testing.assert_array_equal(loaded.predict(X), pipe.predict(X))
    # Fitted augmenters reload with their parameters; an int random_state still reproduces.
    aug = RandomFlip(random_state=7).fit(X)
    joblib.dump(aug, path)
    np.testing.assert_array_equal(joblib.load(path).fit_transform(X), aug.fit_transform(X))


def test_random_height_in_a_pipeline_then_resizing(digits):
    X, _ = digits
    pipe = make_pipeline(RandomHeight(0.3, random_state=0), Resizing(8, 8), Flatten())
    assert pipe.fit_transform(X).shape == (300, 64)
    assert pipe.transform(X).shape == (300, 64)
