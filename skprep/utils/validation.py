"""Input validation shared by the layers."""

from __future__ import annotations

import numpy as np

from ._sklearn_compat import _check_feature_names_in, _check_n_features, validate_data

__all__ = ["input_feature_names", "validate_nd"]


def validate_nd(estimator, X, *, reset: bool, **check_params):
    """``validate_data`` for inputs of any rank.

    scikit-learn only records and checks ``n_features_in_`` for 2-D input; here it is also
    recorded for higher ranks (the size of axis 1), while 1-D input records nothing. The rank
    seen at ``reset`` is recorded too, and later input of another rank is refused.
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


def input_feature_names(estimator, input_features=None):
    """The input feature names for ``get_feature_names_out``, checked by scikit-learn.

    ``input_features`` must match ``feature_names_in_`` and ``n_features_in_`` when the
    estimator recorded them (scikit-learn's ``_check_feature_names_in``). Without
    ``input_features``: ``feature_names_in_``, else ``x0 .. x{n-1}`` from ``n_features_in_``,
    else None (an estimator fitted on 1-D input, or not fitted).
    """
    generate = getattr(estimator, "n_features_in_", None) is not None
    return _check_feature_names_in(estimator, input_features, generate_names=generate)
