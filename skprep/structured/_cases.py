"""Example FeatureSpace estimators and data for skprep's common checks (see
skprep.utils.estimator_checks); scikit-learn's 2-D numeric checks do not apply (the input is
a table of named, typed columns)."""

import numpy as np
import pandas as pd

from ..utils.estimator_checks import Case
from ._feature_space import FeatureSpace


def _table():
    rng = np.random.RandomState(0)
    return pd.DataFrame(
        {
            "x": rng.normal(size=40),
            "color": rng.choice(["red", "green", "blue"], size=40).astype(object),
            "rooms": rng.randint(0, 5, size=40),
        }
    )


CASES = [
    Case(
        lambda: FeatureSpace(
            features={
                "x": "float_discretized",
                "color": "string_categorical",
                "rooms": "integer_categorical",
            },
            crosses=[("color", "rooms")],
            num_discretization_bins=4,
            crossing_dim=8,
        ),
        _table,
        sklearn=False,
    ),
    Case(
        lambda: FeatureSpace(
            features={"x": "float_normalized", "color": "string_hashed"},
            hashing_dim=4,
            sparse=True,
        ),
        _table,
        sklearn=False,
    ),
]
