"""Example estimators and data for the common checks (see skprep.utils.estimator_checks)."""

import numpy as np

from ..utils.estimator_checks import Case
from . import HashedCrossing, Hashing


def _strings():
    rng = np.random.RandomState(0)
    return np.array([f"city_{i}" for i in rng.randint(0, 50, size=40)], dtype=object)


def _string_table():
    rng = np.random.RandomState(0)
    return np.array(
        [[f"tok{i}" for i in row] for row in rng.randint(0, 20, size=(30, 3))], dtype=object
    )


def _mixed_table():
    rng = np.random.RandomState(0)
    X = np.empty((30, 3), dtype=object)
    X[:, 0] = [f"user_{i}" for i in rng.randint(0, 10, 30)]
    X[:, 1] = rng.randint(-5, 5, 30).tolist()
    X[:, 2] = [f"item_{i}" for i in rng.randint(0, 7, 30)]
    return X


def _int_table():
    return np.random.RandomState(0).randint(-100, 100, size=(30, 2))


_ONE_D = {"check_fit1d": "1-D input is accepted, as in Keras (a 1-D array is one axis of values)."}

CASES = [
    # Hashing accepts numeric tables (numbers hash through their decimal strings), so
    # scikit-learn's common checks apply.
    Case(lambda: Hashing(num_bins=8), _strings, sklearn=False),
    Case(lambda: Hashing(num_bins=7, salt=3), _string_table, expected_failed=_ONE_D),
    Case(lambda: Hashing(num_bins=5, mask_value=0.0), _int_table, sklearn=False),
    Case(
        lambda: Hashing(num_bins=6, output_mode="multi_hot"),
        _string_table,
        expected_failed=_ONE_D,
    ),
    Case(
        lambda: Hashing(num_bins=6, output_mode="count", sparse=False), _string_table, sklearn=False
    ),
    Case(lambda: Hashing(num_bins=6, output_mode="one_hot", sparse=False), _strings, sklearn=False),
    # HashedCrossing refuses float columns (as Keras does); scikit-learn's checks feed floats.
    Case(lambda: HashedCrossing(num_bins=11), _mixed_table, sklearn=False),
    Case(lambda: HashedCrossing(num_bins=11, output_mode="one_hot"), _int_table, sklearn=False),
]
