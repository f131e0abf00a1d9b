"""Rescaling: Keras's ``x * scale + offset`` layer."""

from __future__ import annotations

from numbers import Real

import numpy as np
from sklearn.base import BaseEstimator, OneToOneFeatureMixin, TransformerMixin

from ..base import StatelessMixin
from ..utils.validation import validate_nd

__all__ = ["Rescaling", "rescale"]


def rescale(X, scale, offset=0.0):
    """Return ``float32(X) * float32(scale) + float32(offset)``.

    ``scale`` and ``offset`` may be scalars or arrays broadcasting against the last axis
    (per-channel values for channels-last images).

    Parameters
    ----------
    X : array-like
        Input of any shape.
    scale : float or array-like
        Multiplier.
    offset : float or array-like, default=0.0
        Added after scaling.

    Returns
    -------
    ndarray of float32

    Examples
    --------
    >>> import numpy as np
    >>> rescale(np.array([0, 127, 255], dtype=np.uint8), 1 / 127.5, -1)
    array([-1.        , -0.00392151,  1.        ], dtype=float32)
    """
    out = np.array(X, dtype=np.float32, copy=True)
    out *= np.asarray(scale, dtype=np.float32)
    out += np.asarray(offset, dtype=np.float32)
    return out


class Rescaling(OneToOneFeatureMixin, StatelessMixin, TransformerMixin, BaseEstimator):
    """Multiply by ``scale`` and add ``offset`` (Keras ``Rescaling``).

    Stateless: ``fit`` learns nothing, and ``transform`` works without it. Any input rank is
    accepted (tables, images, sequences); integer input (e.g. ``uint8`` pixels) gives float32
    output, as in Keras. Applied identically in training and inference.

    Parameters
    ----------
    scale : float or array-like
        Multiplier. An array broadcasts against the last axis (one value per channel).
    offset : float or array-like, default=0.0
        Added after scaling.

    Attributes
    ----------
    n_features_in_ : int
        Number of columns seen in ``fit`` (inputs of rank >= 2 only).

    Notes
    -----
    NaN values pass through unchanged (``NaN * scale + offset`` is NaN); infinities are
    rejected.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import Rescaling
    >>> Rescaling(scale=1 / 255).transform(np.array([[0, 51, 255]], dtype=np.uint8))
    array([[0. , 0.2, 1. ]], dtype=float32)
    """

    _parameter_constraints = {
        "scale": [Real, "array-like"],
        "offset": [Real, "array-like"],
    }

    def __init__(self, scale, offset=0.0):
        self.scale = scale
        self.offset = offset

    def _validate_input(self, X, reset):
        X = validate_nd(
            self,
            X,
            reset=reset,
            ensure_2d=False,
            allow_nd=True,
            dtype="numeric",
            ensure_all_finite="allow-nan",
            ensure_min_samples=1,
        )
        for name in ("scale", "offset"):
            value = np.asarray(getattr(self, name))
            if value.dtype.kind not in "biuf":
                raise TypeError(f"`{name}` must be numeric; got {getattr(self, name)!r}.")
            if value.ndim and X.ndim and value.shape[-1] not in (1, X.shape[-1]):
                raise ValueError(
                    f"`{name}` of shape {value.shape} does not broadcast against the last axis "
                    f"of the input (size {X.shape[-1]})."
                )
        return X

    def transform(self, X):
        """Return ``float32(X) * scale + offset``.

        Parameters
        ----------
        X : array-like of any rank

        Returns
        -------
        X_out : ndarray of float32, same shape as ``X``
        """
        self._ensure_params_checked()
        X = self._validate_input(X, reset=False)
        return rescale(X, self.scale, self.offset)

    def inverse_transform(self, X):
        """Return ``(X - offset) / scale`` in float32.

        Parameters
        ----------
        X : array-like

        Returns
        -------
        X_orig : ndarray of float32
        """
        self._ensure_params_checked()
        X = self._validate_input(X, reset=False)
        out = np.array(X, dtype=np.float32, copy=True)
        out -= np.asarray(self.offset, dtype=np.float32)
        out /= np.asarray(self.scale, dtype=np.float32)
        return out

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.transformer_tags.preserves_dtype = ["float32"]
        tags.input_tags.allow_nan = True
        tags.input_tags.three_d_array = True
        return tags
