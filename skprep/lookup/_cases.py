"""Example estimators and data for the common checks (see skprep.utils.estimator_checks)."""

import numpy as np

from ..utils.estimator_checks import Case
from . import IntegerLookup, StringLookup


def _strings():
    rng = np.random.RandomState(0)
    pool = np.array(["red", "green", "blue", "é", "日本", "a", "b"], dtype=object)
    return pool[rng.randint(0, len(pool), size=(30, 2))]


def _ints():
    return np.random.RandomState(0).randint(-3, 8, size=(30, 3))


CASES = [
    Case(StringLookup, _strings, sklearn=False),
    Case(
        lambda: StringLookup(mask_token="", num_oov_indices=0, max_tokens=9),
        _strings,
        sklearn=False,
    ),
    Case(lambda: StringLookup(output_mode="multi_hot"), _strings, sklearn=False),
    Case(lambda: StringLookup(output_mode="tf_idf", sparse=False), _strings, sklearn=False),
    Case(
        IntegerLookup,
        _ints,
        expected_failed={
            "check_dtype_object": "the TypeError for an object array names the types found "
            "(e.g. ['dict', 'int']) instead of numpy's 'argument must be a string or a number'.",
        },
    ),
    Case(lambda: IntegerLookup(output_mode="count", mask_token=0), _ints, sklearn=False),
]
