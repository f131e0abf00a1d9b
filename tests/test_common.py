"""Common checks on every skprep estimator.

scikit-learn's own suite (``parametrize_with_checks``) runs on every estimator that takes
2-D input. Estimators scikit-learn's suite cannot reach (1-D text, 4-D images) are covered by
skprep's own checks in ``skprep.utils.estimator_checks``, which also run on the 2-D ones.
"""

import pytest
from sklearn.utils.estimator_checks import parametrize_with_checks

from skprep.utils.discovery import all_estimators
from skprep.utils.estimator_checks import (
    EXPECTED_FAILED_CHECKS,
    SKPREP_CHECKS,
    instances,
    sklearn_instances,
)


@parametrize_with_checks(
    sklearn_instances(), expected_failed_checks=lambda est: EXPECTED_FAILED_CHECKS(est)
)
def test_sklearn_compatible_estimator(estimator, check):
    check(estimator)


@pytest.mark.parametrize(
    "estimator, check",
    [(est, chk) for est in instances() for chk in SKPREP_CHECKS],
    ids=lambda x: x.__name__ if callable(x) and hasattr(x, "__name__") else repr(x),
)
def test_skprep_checks(estimator, check):
    check(estimator)


def test_every_estimator_has_an_instance():
    names = {type(est).__name__ for est in instances()}
    assert names == {name for name, _ in all_estimators()}
