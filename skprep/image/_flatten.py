"""Flatten: ``(n, ...) -> (n, prod(...))`` so images can feed any scikit-learn estimator."""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.exceptions import NotFittedError

from ..base import StatelessMixin
from ..utils._sklearn_compat import StrOptions
from ..utils.validation import input_feature_names, validate_nd

__all__ = ["Flatten"]


class Flatten(StatelessMixin, TransformerMixin, BaseEstimator):
    """Flatten every sample to one row (Keras ``Flatten``).

    ``(n, d1, ..., dk)`` becomes ``(n, d1 * ... * dk)``, so that image batches can feed any
    scikit-learn estimator; a 1-D input ``(n,)`` becomes ``(n, 1)`` as in Keras. Stateless:
    ``transform`` works without ``fit``; ``fit`` records the sample shape so that
    ``inverse_transform`` can restore it.

    Parameters
    ----------
    data_format : {"channels_last", "channels_first"} or None, default=None
        With "channels_first", inputs of rank >= 3 are first moved to channels-last order
        (Keras's rule, which keeps a flattened feature order independent of the layout).

    Attributes
    ----------
    input_shape_ : tuple of int
        Shape of one sample seen in ``fit`` (used by ``inverse_transform``).
    n_features_in_ : int
        Size of axis 1 of the input seen in ``fit``.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import Flatten
    >>> images = np.zeros((5, 8, 8, 3), dtype=np.uint8)
    >>> flat = Flatten().fit(images)
    >>> flat.transform(images).shape
    (5, 192)
    >>> flat.inverse_transform(flat.transform(images)).shape
    (5, 8, 8, 3)
    """

    _parameter_constraints = {
        "data_format": [StrOptions({"channels_last", "channels_first"}), None],
    }

    def __init__(self, *, data_format=None):
        self.data_format = data_format

    def _validate_input(self, X, reset):
        X = validate_nd(
            self,
            X,
            reset=reset,
            dtype="numeric",
            ensure_all_finite=False,
            ensure_min_samples=1,
        )
        if X.ndim == 0:
            raise ValueError(f"Flatten expects input with a batch axis; got a scalar {X!r}.")
        if reset:
            self.input_shape_ = tuple(X.shape[1:])
        return X

    def _channels_first(self, ndim) -> bool:
        return self.data_format == "channels_first" and ndim > 2

    def transform(self, X):
        """Flatten each sample.

        Parameters
        ----------
        X : array-like of shape (n, ...)

        Returns
        -------
        X_flat : ndarray of shape (n, prod(...)), same dtype as ``X``
        """
        self._ensure_params_checked()
        X = self._validate_input(X, reset=False)
        if self._channels_first(X.ndim):
            X = np.moveaxis(X, 1, -1)
        return np.reshape(X, (X.shape[0], -1))

    def inverse_transform(self, X):
        """Restore the sample shape seen in ``fit``.

        Parameters
        ----------
        X : array-like of shape (n, prod(input_shape_))

        Returns
        -------
        X_orig : ndarray of shape (n, *input_shape_)
        """
        if not hasattr(self, "input_shape_"):
            raise NotFittedError(
                "This Flatten instance has not seen the sample shape yet; call fit(X) before "
                "inverse_transform."
            )
        X = np.asarray(X)
        size = int(np.prod(self.input_shape_))
        if X.ndim != 2 or X.shape[1] != size:
            raise ValueError(
                f"inverse_transform expects shape (n, {size}) to restore samples of shape "
                f"{self.input_shape_}; got {X.shape}."
            )
        if self._channels_first(len(self.input_shape_) + 1):
            shape = self.input_shape_[1:] + self.input_shape_[:1]
            return np.moveaxis(X.reshape((X.shape[0], *shape)), -1, 1)
        return X.reshape((X.shape[0], *self.input_shape_))

    def get_feature_names_out(self, input_features=None):
        """Output feature names ``flatten0`` to ``flatten{k-1}``.

        Parameters
        ----------
        input_features : array-like of str, optional
            Checked against the names seen in ``fit`` (if any); the output names are
            positional whatever they are.

        Returns
        -------
        ndarray of str
        """
        if not hasattr(self, "input_shape_"):
            raise NotFittedError("Call fit before get_feature_names_out.")
        input_feature_names(self, input_features)
        size = int(np.prod(self.input_shape_))
        return np.asarray([f"flatten{i}" for i in range(size)], dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.three_d_array = True
        tags.input_tags.allow_nan = True
        tags.transformer_tags.preserves_dtype = ["float64", "float32"]
        return tags
