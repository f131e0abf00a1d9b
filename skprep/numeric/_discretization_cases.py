"""Example Discretization estimators and data for the common checks.

See :mod:`skprep.utils.estimator_checks`. The tables hold fewer values than the sketch's
capacity, so a fit over any split of the rows equals the one-batch fit exactly (skprep's
``check_partial_fit_equals_fit``); larger streamed data stays within ``epsilon`` of it.
"""

import numpy as np

from ..utils.estimator_checks import Case
from ._discretization import Discretization


def _table():
    return np.random.RandomState(0).normal(size=(20, 3)) * [1.0, 10.0, 100.0]


_EXPECTED = {
    "check_fit1d": "1-D input is accepted, as in Keras (the values of one feature).",
    "check_estimators_nan_inf": (
        "+inf and -inf are valid values, as in Keras (+inf -> last bin, -inf -> bin 0); "
        "NaN is rejected."
    ),
}

CASES = [
    Case(lambda: Discretization(num_bins=4), _table, expected_failed=_EXPECTED),
    Case(
        lambda: Discretization(num_bins=5, output_mode="count"),
        _table,
        expected_failed=_EXPECTED,
    ),
    Case(
        lambda: Discretization(num_bins=3, output_mode="multi_hot", sparse=False),
        _table,
        sklearn=False,
    ),
]
