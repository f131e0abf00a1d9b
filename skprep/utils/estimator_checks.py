"""skprep's own estimator checks, for estimators scikit-learn's suite cannot reach.

scikit-learn's ``check_estimator`` only feeds 2-D numeric tables. Text layers take 1-D
arrays of strings and image layers take 4-D batches, so skprep runs its own contract checks
on every estimator with data of the right kind:

clone, ``fit`` returns ``self``, ``NotFittedError`` before ``fit``, input not modified,
pickle round trip, deterministic ``transform``, ``fit_transform`` agreeing with
``transform`` in shape and dtype, and seeded reproducibility of augmentations.

Each layer family registers examples in a ``_cases`` module (``_CASE_MODULES``) as ``CASES``, a list of
:class:`Case`, and the common checks it fails by design in ``EXPECTED_FAILED``.
"""

from __future__ import annotations

import copy
import importlib
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from ..base import AdaptMixin, AugmentationMixin

__all__ = [
    "Case",
    "EXPECTED_FAILED_CHECKS",
    "SKPREP_CHECKS",
    "assert_output_equal",
    "cases",
    "instances",
    "sklearn_instances",
]

_CASE_MODULES = (
    "skprep.numeric._cases",
    "skprep.numeric._discretization_cases",
    "skprep.lookup._cases",
    "skprep.text._cases",
    "skprep.hashing._cases",
    "skprep.image._cases",
    "skprep.image._geometry_cases",
    "skprep.image._mixing_cases",
    "skprep.image._hsv_cases",
    "skprep.image._pointwise_cases",
    "skprep.image._augment_cases",
    "skprep.audio._cases",
    "skprep.structured._cases",
)


@dataclass
class Case:
    """One example estimator with data it accepts.

    Parameters
    ----------
    make : callable
        Returns a fresh, unfitted estimator.
    X : callable
        Returns sample input (a new object on every call).
    sklearn : bool
        Whether scikit-learn's 2-D common checks apply to the estimator.
    expected_failed : dict
        scikit-learn check name -> reason, for checks failed by design.
    """

    make: Callable[[], Any]
    X: Callable[[], Any]
    sklearn: bool = True
    expected_failed: dict = field(default_factory=dict)


def cases() -> list[Case]:
    """Every registered case, family by family."""
    found = []
    for name in _CASE_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        found.extend(module.CASES)
    return found


def instances():
    """One fresh estimator per registered case."""
    return [case.make() for case in cases()]


def sklearn_instances():
    """The estimators scikit-learn's 2-D common checks apply to."""
    return [case.make() for case in cases() if case.sklearn]


def _case_for(estimator) -> Case:
    for case in cases():
        probe = case.make()
        if type(probe) is type(estimator) and repr(probe) == repr(estimator):
            return case
    raise LookupError(f"No registered case for {estimator!r}")


def EXPECTED_FAILED_CHECKS(estimator) -> dict:
    """scikit-learn check name -> reason, for the checks ``estimator`` fails by design.

    Parameters
    ----------
    estimator : estimator
        A registered example estimator.

    Returns
    -------
    dict
    """
    return _case_for(estimator).expected_failed


def assert_output_equal(a, b, *, rtol=0.0, atol=0.0):
    """Assert two layer outputs are equal: arrays, sparse matrices or ragged lists.

    Parameters
    ----------
    a, b : ndarray, sparse matrix or list
        The outputs.
    rtol, atol : float, default=0.0
        Tolerances, as in :func:`numpy.testing.assert_allclose`.
    """
    if sp.issparse(a) or sp.issparse(b):
        assert sp.issparse(a) and sp.issparse(b), "one output is sparse, the other is not"
        assert a.shape == b.shape and a.dtype == b.dtype
        np.testing.assert_allclose(a.toarray(), b.toarray(), rtol=rtol, atol=atol)
        return
    if isinstance(a, list) or (isinstance(a, np.ndarray) and a.dtype == object):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            assert_output_equal(np.asarray(x), np.asarray(y), rtol=rtol, atol=atol)
        return
    a, b = np.asarray(a), np.asarray(b)
    assert a.shape == b.shape, f"shapes differ: {a.shape} != {b.shape}"
    assert a.dtype == b.dtype, f"dtypes differ: {a.dtype} != {b.dtype}"
    if a.dtype.kind in "fc":
        np.testing.assert_allclose(a, b, rtol=rtol, atol=atol)
    else:
        np.testing.assert_array_equal(a, b)


def _output_signature(out):
    if sp.issparse(out):
        return ("sparse", out.shape, out.dtype)
    if isinstance(out, list):
        return ("list", len(out))
    return ("dense", np.shape(out), np.asarray(out).dtype)


def _data(estimator):
    return _case_for(estimator).X()


def check_clone(estimator):
    """clone gives an equal, unfitted estimator with the same parameters."""
    cloned = clone(estimator)
    assert cloned.get_params() == estimator.get_params() or repr(cloned) == repr(estimator)


def check_fit_returns_self(estimator):
    """``fit`` returns the estimator itself."""
    est = clone(estimator)
    assert est.fit(_data(est)) is est


def check_not_fitted(estimator):
    """A layer that learns from data raises NotFittedError before ``fit``."""
    est = clone(estimator)
    if not est.__sklearn_tags__().requires_fit:
        return
    try:
        est.transform(_data(est))
    except NotFittedError:
        return
    raise AssertionError(f"{type(est).__name__}.transform did not raise NotFittedError")


def check_input_not_modified(estimator):
    """Neither ``fit``, ``transform`` nor ``fit_transform`` modifies its input."""
    est = clone(estimator)
    X = _data(est)
    before = copy.deepcopy(X)
    est.fit(X)
    est.transform(X)
    est.fit_transform(X)
    assert_output_equal(_as_comparable(X), _as_comparable(before))


def _as_comparable(X):
    if hasattr(X, "to_numpy"):
        return X.to_numpy()
    return X if sp.issparse(X) else np.asarray(X)


def check_pickle_round_trip(estimator):
    """A fitted estimator pickles, and the copy transforms identically."""
    est = clone(estimator)
    X = _data(est)
    est.fit(X)
    copy_ = pickle.loads(pickle.dumps(est))
    assert_output_equal(est.transform(X), copy_.transform(X))


def check_transform_deterministic(estimator):
    """``transform`` is deterministic (inference never draws random numbers)."""
    est = clone(estimator).fit(_data(estimator))
    assert_output_equal(est.transform(_data(estimator)), est.transform(_data(estimator)))


def check_fit_transform_agrees(estimator):
    """``fit_transform`` and ``transform`` outputs agree in kind, shape and dtype (and in
    values for layers that are not random augmentations)."""
    est = clone(estimator)
    X = _data(est)
    a = est.fit_transform(X)
    b = est.transform(X)
    if isinstance(est, AugmentationMixin):
        if getattr(est, "_training_changes_shape", False):
            # Augmentations whose training output has another shape by design (RandomHeight,
            # RandomWidth): only the rank and dtype must agree.
            assert np.ndim(a) == np.ndim(b) and np.asarray(a).dtype == np.asarray(b).dtype
        else:
            assert _output_signature(a) == _output_signature(b)
    else:
        assert_output_equal(a, b, rtol=1e-6)


def check_partial_fit_equals_fit(estimator):
    """For layers that learn: partial_fit over halves and fit over an iterable of batches give
    the state of one fit."""
    if not isinstance(estimator, AdaptMixin):
        return
    X = _data(estimator)
    n = len(X)
    if n < 2:
        return
    halves = (
        (X[: n // 2], X[n // 2 :])
        if not hasattr(X, "iloc")
        else (X.iloc[: n // 2], X.iloc[n // 2 :])
    )
    whole = clone(estimator).fit(X)
    streamed = clone(estimator).fit(iter(halves))
    partial = clone(estimator)
    for half in halves:
        partial.partial_fit(half)
    for other in (streamed, partial):
        assert_output_equal(whole.transform(X), other.transform(X), rtol=1e-6, atol=1e-6)


def check_seeded_reproducible(estimator):
    """An augmentation with an int ``random_state`` reproduces; a RandomState advances."""
    if not isinstance(estimator, AugmentationMixin):
        return
    X = _data(estimator)
    est = clone(estimator).set_params(random_state=0)
    assert_output_equal(est.fit_transform(X), est.fit_transform(X))
    est.set_params(random_state=np.random.RandomState(0))
    first = est.fit_transform(X)
    est2 = clone(estimator).set_params(random_state=np.random.RandomState(0))
    assert_output_equal(first, est2.fit_transform(X))


SKPREP_CHECKS = [
    check_clone,
    check_fit_returns_self,
    check_not_fitted,
    check_input_not_modified,
    check_pickle_round_trip,
    check_transform_deterministic,
    check_fit_transform_agrees,
    check_partial_fit_equals_fit,
    check_seeded_reproducible,
]
