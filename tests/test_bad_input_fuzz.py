"""Every estimator answers odd input with a clear ValueError/TypeError (or works) -- never
an IndexError/KeyError/AttributeError from deep inside."""

import numpy as np
import pytest
from sklearn.base import clone

from tests._cases import cases

ODD_INPUTS = {
    "none": None,
    "scalar": 5,
    "string": "text",
    "empty_list": [],
    "empty_2d": np.empty((0, 3)),
    "empty_row": [[]],
    "nan": np.array([[np.nan, 1.0]]),
    "strings_2d": np.array([["a", "b"]]),
    "mixed_objects": np.array([[1, "a", None]], dtype=object),
    "rank5": np.ones((1, 2, 2, 2, 2)),
    "dict": {"a": [1, 2]},
    "bools": np.array([[True, False]]),
}

CASES = cases()


@pytest.mark.parametrize("case", CASES, ids=[repr(c.make()) for c in CASES])
@pytest.mark.parametrize("name", list(ODD_INPUTS))
def test_odd_input_gives_clear_error(case, name):
    from sklearn.exceptions import NotFittedError

    allowed = (ValueError, TypeError, NotFittedError)
    bad = ODD_INPUTS[name]
    try:
        clone(case.make()).fit(bad)
    except allowed:
        pass
    est = clone(case.make()).fit(case.X())
    try:
        est.transform(bad)
    except allowed:
        pass
