"""Secure persistence: every fitted estimator is plain data.

Fitted attributes pickle as NumPy arrays and Python scalars/strings (pyarrow tables, arrays
and hash tables are in-memory accelerators, rebuilt after loading), so ``skops.io`` loads a
fitted estimator with only ``skprep.*`` types trusted, and two identical fits dump to the
same joblib bytes.
"""

import io
import pickle

import joblib
import numpy as np
import pytest
from sklearn.base import clone

from skprep import all_estimators
from skprep.base import AugmentationMixin
from skprep.utils.estimator_checks import assert_output_equal
from tests._cases import cases

sio = pytest.importorskip("skops.io")

CASES = cases()


def _id(case):
    return repr(case.make())


def _fitted(case):
    est = case.make()
    X = case.X()
    est.fit(X)
    return est, X


def _plain_leaves(value, path="state"):
    """Yield ``(path, leaf)`` for every non-container leaf of a pickled state."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _plain_leaves(v, f"{path}[{k!r}]")
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from _plain_leaves(v, f"{path}[{i}]")
    elif hasattr(value, "__getstate__") and type(value).__module__.startswith("skprep."):
        state = value.__getstate__()
        yield from _plain_leaves(state if isinstance(state, dict) else vars(value), path)
    else:
        yield path, value


def test_every_estimator_has_a_case():
    names = {type(case.make()).__name__ for case in CASES}
    assert {name for name, _ in all_estimators()} <= names


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_fitted_state_is_plain_data(case):
    est, _ = _fitted(case)
    for path, leaf in _plain_leaves(est.__getstate__()):
        module = type(leaf).__module__
        assert not module.startswith("pyarrow"), f"{path} is a {type(leaf)}"
        if isinstance(leaf, np.ndarray) and leaf.dtype == object:
            assert all(isinstance(v, (str, int, float)) for v in leaf.ravel()), path


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_skops_round_trip_trusts_only_skprep_types(case):
    est, X = _fitted(case)
    data = sio.dumps(est)
    untrusted = sio.get_untrusted_types(data=data)
    assert all(t.startswith("skprep.") for t in untrusted), untrusted
    loaded = sio.loads(data, trusted=untrusted)
    assert type(loaded) is type(est)
    assert_output_equal(loaded.transform(X), est.transform(X))
    if hasattr(est, "get_vocabulary"):
        assert loaded.get_vocabulary() == est.get_vocabulary()


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_identical_fits_dump_identical_joblib_bytes(case):
    first, _ = _fitted(case)
    second = clone(first).fit(case.X())
    dumps = []
    for est in (first, second):
        buf = io.BytesIO()
        joblib.dump(est, buf)
        dumps.append(buf.getvalue())
    assert dumps[0] == dumps[1]


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_loaded_estimator_keeps_working(case):
    """After a pickle round trip the accelerators are rebuilt: transform, fit_transform
    and (for layers that learn) partial_fit still work."""
    est, X = _fitted(case)
    loaded = pickle.loads(pickle.dumps(est))
    assert_output_equal(loaded.transform(X), est.transform(X))
    if not isinstance(est, AugmentationMixin) and hasattr(est, "partial_fit"):
        loaded.partial_fit(X)
        est.partial_fit(X)
        assert_output_equal(loaded.transform(X), est.transform(X))
