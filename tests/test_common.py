"""Common checks on every skprep estimator.

scikit-learn's own suite (``parametrize_with_checks``) runs on every estimator that takes
2-D input. Estimators scikit-learn's suite cannot reach (1-D text, 4-D images) are covered by
skprep's own checks in ``skprep.utils.estimator_checks``, which also run on the 2-D ones. The
estimators and their data come from the registry in ``tests/_cases.py``.
"""

import numpy as np
import pytest
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.estimator_checks import parametrize_with_checks
from sklearn.utils.validation import check_is_fitted

from skprep import Flatten, Normalization
from skprep.utils.discovery import all_estimators
from skprep.utils.estimator_checks import SKPREP_CHECKS, run_checks
from tests._cases import CASES

SKLEARN_CASES = [case for case in CASES if case.sklearn]
SKLEARN_INSTANCES = [case.make() for case in SKLEARN_CASES]
# Expected failures by identity: the same class and parameters may be registered twice with
# different data, so an estimator's repr does not name its case.
_EXPECTED_FAILED = {
    id(est): case.expected_failed for est, case in zip(SKLEARN_INSTANCES, SKLEARN_CASES)
}


@parametrize_with_checks(
    SKLEARN_INSTANCES, expected_failed_checks=lambda est: _EXPECTED_FAILED[id(est)]
)
def test_sklearn_compatible_estimator(estimator, check):
    check(estimator)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
@pytest.mark.parametrize("check", SKPREP_CHECKS, ids=lambda check: check.__name__)
def test_skprep_checks(case, check):
    check(case.make(), case.X())


def test_every_estimator_has_an_instance():
    names = {type(case.make()).__name__ for case in CASES}
    assert names == {name for name, _ in all_estimators()}


def test_case_ids_are_unique():
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("layer", [Normalization, Flatten])
def test_layers_registered_twice_run_with_their_own_data(layer):
    # Normalization and Flatten are registered with a table and with images, under the same
    # repr; each registration must be checked with its own data.
    ranks = sorted(np.ndim(case.X()) for case in CASES if type(case.make()) is layer)
    assert ranks[0] == 2 and ranks[-1] == 4


class _Recorder(TransformerMixin, BaseEstimator):
    """Records the shape of every input it sees, to show which data the checks feed."""

    seen = []

    def fit(self, X, y=None):
        type(self).seen.append(np.shape(X))
        self.fitted_ = True
        return self

    def transform(self, X):
        check_is_fitted(self)
        type(self).seen.append(np.shape(X))
        return np.asarray(X, dtype=float) * 2


def test_checks_run_with_the_data_they_are_given():
    _Recorder.seen = []
    images = np.random.default_rng(0).uniform(size=(3, 4, 5, 2))
    run_checks(_Recorder(), images)
    assert _Recorder.seen and set(_Recorder.seen) == {images.shape}


def test_a_failing_layer_fails_the_checks():
    class Mutating(_Recorder):
        def transform(self, X):
            check_is_fitted(self)
            X[...] = 0  # modifies its input
            return X

    with pytest.raises(AssertionError):
        run_checks(Mutating(), np.ones((4, 3)))
