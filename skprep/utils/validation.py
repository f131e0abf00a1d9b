"""Input validation shared by the layers."""

from __future__ import annotations

import numpy as np

from ._sklearn_compat import _check_n_features, validate_data

__all__ = ["validate_nd"]


def validate_nd(estimator, X, *, reset: bool, **check_params):
    """``validate_data`` for inputs of any rank.

    scikit-learn only records and checks ``n_features_in_`` for 2-D input; here it is also
    recorded for higher ranks (the size of axis 1), while 1-D input records nothing. The rank
    seen at ``reset`` is recorded too, and later input of another rank is refused.

    Parameters
    ----------
    estimator : estimator
        The estimator validating its input.
    X : array-like
        The input.
    reset : bool
        First call of a fit: record the rank and ``n_features_in_`` instead of checking them.
    **check_params : dict
        Passed to scikit-learn's ``validate_data``.

    Returns
    -------
    ndarray
        The validated input.
    """
    check_params.setdefault("ensure_2d", False)
    check_params.setdefault("allow_nd", True)
    X = validate_data(estimator, X, reset=reset, **check_params)
    ndim = getattr(X, "ndim", 0)
    if reset:
        estimator._ndim_in_ = ndim
    elif getattr(estimator, "_ndim_in_", ndim) != ndim:
        raise ValueError(
            f"{type(estimator).__name__} was fitted on input of rank {estimator._ndim_in_} but "
            f"got input of shape {np.shape(X)}. Reshape your data to rank "
            f"{estimator._ndim_in_}."
        )
    if ndim >= 2:
        _check_n_features(estimator, X, reset=reset)
    return X
