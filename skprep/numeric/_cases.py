"""Example estimators and data for the common checks (see skprep.utils.estimator_checks)."""

import numpy as np

from ..utils.estimator_checks import Case
from . import CategoryEncoding, Normalization, Rescaling


def _table():
    return np.random.RandomState(0).normal(size=(30, 4)) * [1, 10, 100, 0.1] + [0, 5, -3, 1]


def _images():
    return np.random.RandomState(0).uniform(0, 255, size=(3, 5, 6, 3)).astype(np.float32)


def _tokens():
    return np.random.RandomState(0).randint(0, 5, size=(20, 3))


_ONE_D = {"check_fit1d": "1-D input is accepted, as in Keras (a 1-D array is one axis of values)."}

CASES = [
    Case(Normalization, _table),  # 1-D input is refused: reshape (scikit-learn's rule)
    Case(lambda: Normalization(axis=None), _table, expected_failed=_ONE_D),
    Case(lambda: Normalization(invert=True), _table),
    Case(Normalization, _images, sklearn=False),
    Case(lambda: Rescaling(scale=1 / 255, offset=-0.5), _table, expected_failed=_ONE_D),
    Case(lambda: Rescaling(scale=[1.0, 2.0, 3.0]), _images, sklearn=False),
    Case(
        lambda: CategoryEncoding(num_tokens=5, output_mode="count"),
        _tokens,
        sklearn=False,
    ),
    Case(
        lambda: CategoryEncoding(num_tokens=5, output_mode="multi_hot", sparse=False),
        _tokens,
        sklearn=False,
    ),
]
