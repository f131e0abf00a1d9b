"""Estimator checks for layers scikit-learn's suite cannot reach.

scikit-learn's ``check_estimator`` only feeds 2-D numeric tables. Text layers take 1-D
arrays of strings and image layers take 4-D batches, so these checks take the data
explicitly: every check is called as ``check(estimator, X)`` with input the estimator
accepts, and :func:`run_checks` runs them all.

clone, ``fit`` returns ``self``, ``NotFittedError`` before ``fit``, input not modified,
pickle round trip, deterministic ``transform``, ``fit_transform`` agreeing with
``transform`` in shape and dtype, ``partial_fit`` agreeing with ``fit``, and seeded
reproducibility of augmentations.

They are meant for third-party layers built on :mod:`skprep.base`; skprep runs them on its
own estimators from its test suite.

Examples
--------
>>> import numpy as np
>>> from skprep import Normalization
>>> from skprep.utils.estimator_checks import run_checks
>>> images = np.random.default_rng(0).uniform(0, 255, size=(3, 5, 6, 3)).astype(np.float32)
>>> run_checks(Normalization(), images)
"""

from __future__ import annotations

import copy
import pickle

import numpy as np
import scipy.sparse as sp
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from ..base import AdaptMixin, AugmentationMixin

__all__ = [
    "SKPREP_CHECKS",
    "assert_output_equal",
    "run_checks",
]


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


def _fresh(X):
    """A new copy of ``X``, so one check's calls never share an object."""
    return copy.deepcopy(X)


def check_clone(estimator, X):
    """clone gives an equal, unfitted estimator with the same parameters."""
    del X  # cloning needs no data
    cloned = clone(estimator)
    assert cloned.get_params() == estimator.get_params() or repr(cloned) == repr(estimator)


def check_fit_returns_self(estimator, X):
    """``fit`` returns the estimator itself."""
    est = clone(estimator)
    assert est.fit(_fresh(X)) is est


def check_not_fitted(estimator, X):
    """A layer that learns from data raises NotFittedError before ``fit``."""
    est = clone(estimator)
    if not est.__sklearn_tags__().requires_fit:
        return
    try:
        est.transform(_fresh(X))
    except NotFittedError:
        return
    raise AssertionError(f"{type(est).__name__}.transform did not raise NotFittedError")


def check_input_not_modified(estimator, X):
    """Neither ``fit``, ``transform`` nor ``fit_transform`` modifies its input."""
    est = clone(estimator)
    X = _fresh(X)
    before = copy.deepcopy(X)
    est.fit(X)
    est.transform(X)
    est.fit_transform(X)
    assert_output_equal(_as_comparable(X), _as_comparable(before))


def _as_comparable(X):
    if hasattr(X, "to_numpy"):
        return X.to_numpy()
    return X if sp.issparse(X) else np.asarray(X)


def check_pickle_round_trip(estimator, X):
    """A fitted estimator pickles, and the copy transforms identically."""
    est = clone(estimator)
    est.fit(X)
    copy_ = pickle.loads(pickle.dumps(est))
    assert_output_equal(est.transform(X), copy_.transform(X))


def check_transform_deterministic(estimator, X):
    """``transform`` is deterministic (inference never draws random numbers)."""
    est = clone(estimator).fit(_fresh(X))
    assert_output_equal(est.transform(_fresh(X)), est.transform(_fresh(X)))


def check_fit_transform_agrees(estimator, X):
    """``fit_transform`` and ``transform`` outputs agree in kind, shape and dtype (and in
    values for layers that are not random augmentations)."""
    est = clone(estimator)
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


def check_partial_fit_equals_fit(estimator, X):
    """For layers that learn: partial_fit over halves and fit over an iterable of batches give
    the state of one fit."""
    if not isinstance(estimator, AdaptMixin):
        return
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


def check_seeded_reproducible(estimator, X):
    """An augmentation with an int ``random_state`` reproduces; a RandomState advances."""
    if not isinstance(estimator, AugmentationMixin):
        return
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


def run_checks(estimator, X, checks=None):
    """Run skprep's estimator checks on ``estimator`` with input ``X``.

    Parameters
    ----------
    estimator : estimator instance
        An unfitted layer; the checks work on clones and leave it untouched.
    X : array-like, DataFrame or Series
        Input the estimator accepts (at least two rows, for the ``partial_fit`` check).
    checks : list of callable, default=None
        The checks to run, each called as ``check(estimator, X)``; ``None`` runs
        :data:`SKPREP_CHECKS`.

    Raises
    ------
    AssertionError
        From the first check the estimator fails.
    """
    for check in SKPREP_CHECKS if checks is None else checks:
        check(estimator, X)
