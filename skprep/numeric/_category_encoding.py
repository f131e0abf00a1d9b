"""CategoryEncoding: Keras's one-hot / multi-hot / count encoder for integer categories."""

from __future__ import annotations

from numbers import Integral

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from .._config import check_feature_names_size
from ..base import StatelessMixin
from ..utils._sklearn_compat import Interval, StrOptions
from ..utils.encoding import encode_indices
from ..utils.validation import check_bag_rank, input_feature_names, validate_nd

__all__ = ["CategoryEncoding", "category_encode"]

_MODES = ("one_hot", "multi_hot", "count")
_ALIASES = {"binary": "multi_hot"}


def _check_tokens(X, num_tokens):
    """Validate integer category values and return them as int64."""
    X = np.asarray(X)
    if X.dtype.kind == "f":
        if not np.all(np.isfinite(X)):
            raise ValueError("CategoryEncoding input contains NaN or infinity.")
        if np.any(X != np.trunc(X)):
            bad = X[X != np.trunc(X)].ravel()[:5]
            raise ValueError(
                f"CategoryEncoding expects integer category values; got non-integer values "
                f"{bad.tolist()}."
            )
    elif X.dtype.kind not in "biu":
        raise TypeError(
            f"CategoryEncoding expects integer category values; got dtype {X.dtype}. "
            "Map strings to integers first, e.g. with StringLookup."
        )
    X = X.astype(np.int64)
    if X.size:
        lo, hi = X.min(), X.max()
        if lo < 0 or hi >= num_tokens:
            bad = X[(X < 0) | (X >= num_tokens)].ravel()[:5]
            raise ValueError(
                f"CategoryEncoding input values must be in the range 0 <= values < num_tokens "
                f"with num_tokens={num_tokens}; got out-of-range values {bad.tolist()}."
            )
    return X


def category_encode(X, num_tokens, output_mode="multi_hot", *, count_weights=None, sparse=True):
    """Encode integer categories in ``[0, num_tokens)``; see :class:`CategoryEncoding`.

    Parameters
    ----------
    X : array-like of int, of shape (n,) or (n, m)
        Category ids in ``[0, num_tokens)``.
    num_tokens : int
        Number of categories (output columns).
    output_mode : {"multi_hot", "one_hot", "count"}, default="multi_hot"
        Encoding (``"binary"`` is an alias of ``"multi_hot"``).
    count_weights : array-like of the shape of ``X`` or None, default=None
        ``"count"`` only: add these weights instead of 1.
    sparse : bool, default=True
        Return a SciPy CSR matrix (2-D outputs) instead of a dense array.

    Returns
    -------
    ndarray or scipy.sparse.csr_matrix of float32

    Examples
    --------
    >>> import numpy as np
    >>> category_encode(np.array([[0, 1], [0, 0]]), 3, "count", sparse=False)
    array([[1., 1., 0.],
           [2., 0., 0.]], dtype=float32)
    """
    output_mode = _ALIASES.get(output_mode, output_mode)
    X = _check_tokens(X, num_tokens)
    check_bag_rank(X.shape, output_mode, what="token")
    weights = None
    if count_weights is not None:
        if output_mode != "count":
            raise ValueError("`count_weights` is not used when `output_mode` is not 'count'.")
        weights = np.asarray(count_weights, dtype=np.float32)
        if weights.shape != X.shape:
            raise ValueError(
                f"`count_weights` must have the input's shape {X.shape}; got {weights.shape}."
            )
    return encode_indices(X, num_tokens, output_mode, sparse=sparse, weights=weights)


class CategoryEncoding(StatelessMixin, TransformerMixin, BaseEstimator):
    """Encode integer category values as one-hot, multi-hot or count rows (Keras
    ``CategoryEncoding``).

    Stateless: the categories are the integers ``0 .. num_tokens - 1``. For string or
    unbounded integer categories, put a :class:`StringLookup` / :class:`IntegerLookup` first
    (or use their own ``output_mode``).

    Parameters
    ----------
    num_tokens : int
        Number of categories; every input value must be in ``[0, num_tokens)``.
    output_mode : {"multi_hot", "one_hot", "count"}, default="multi_hot"
        ``"one_hot"``: one value per sample, ``(n,)`` or ``(n, 1)`` -> ``(n, num_tokens)``
        (``(n, m)`` -> dense ``(n, m, num_tokens)``). ``"multi_hot"``: each row of a 2-D input
        is a bag of values -> 0/1 per category. ``"count"``: as multi_hot, with counts (or the
        sum of ``count_weights``). ``"binary"`` is an alias of ``"multi_hot"``.
    sparse : bool, default=True
        Return a SciPy CSR matrix (skprep's default, see the docs) instead of a dense array.

    Attributes
    ----------
    n_features_in_ : int
        Number of input columns seen in ``fit``.

    Notes
    -----
    Values outside ``[0, num_tokens)``, negative values, non-integer floats, NaN and strings
    raise a ``ValueError``/``TypeError``; Keras silently drops out-of-range values.
    Output values are float32, as in Keras.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import CategoryEncoding
    >>> layer = CategoryEncoding(num_tokens=4, output_mode="count", sparse=False)
    >>> layer.transform(np.array([[0, 1], [0, 0], [1, 2], [3, 1]]))
    array([[1., 1., 0., 0.],
           [2., 0., 0., 0.],
           [0., 1., 1., 0.],
           [0., 1., 0., 1.]], dtype=float32)
    """

    _parameter_constraints = {
        "num_tokens": [Interval(Integral, 1, None, closed="left")],
        "output_mode": [StrOptions(set(_MODES) | {"binary"})],
        "sparse": ["boolean"],
    }

    def __init__(self, num_tokens=None, output_mode="multi_hot", sparse=True):
        self.num_tokens = num_tokens
        self.output_mode = output_mode
        self.sparse = sparse

    def _validate_params(self):
        if self.num_tokens is None:
            raise ValueError(
                "num_tokens must be set to use this layer. If the number of tokens is not "
                "known beforehand, use the IntegerLookup layer instead."
            )
        super()._validate_params()

    def _validate_input(self, X, reset):
        if hasattr(X, "dtype") and getattr(X.dtype, "kind", "") in "OUS":
            _check_tokens(np.asarray(X), self.num_tokens)  # raises a clear TypeError
        X = validate_nd(
            self,
            X,
            reset=reset,
            ensure_2d=False,
            dtype=None,
            ensure_all_finite=False,
            ensure_min_samples=0,
        )
        return _check_tokens(X, self.num_tokens)

    def transform(self, X, count_weights=None):
        """Encode ``X``.

        Parameters
        ----------
        X : array-like of int, shape (n,) or (n, m)
        count_weights : array-like of shape like ``X``, optional
            Weights summed per category instead of counts (``output_mode="count"`` only).

        Returns
        -------
        X_out : scipy.sparse.csr_matrix or ndarray of float32, shape (n, num_tokens)
        """
        self._ensure_params_checked()
        X = self._validate_input(X, reset=False)
        return category_encode(
            X,
            self.num_tokens,
            self.output_mode,
            count_weights=count_weights,
            sparse=self.sparse,
        )

    def get_feature_names_out(self, input_features=None):
        """One name per output column: ``<feature>_<k>`` for a single input column, else
        ``categoryencoding_<k>``.

        Parameters
        ----------
        input_features : array-like of str or None, default=None
            Input column names; None uses ``feature_names_in_`` (or generic names).

        Returns
        -------
        ndarray of str
        """
        self._ensure_params_checked()
        names = input_feature_names(self, input_features)
        prefix = "categoryencoding"
        if names is not None and len(names) == 1:
            prefix = str(names[0])
        check_feature_names_size(self.num_tokens, type(self).__name__)
        return np.asarray([f"{prefix}_{k}" for k in range(self.num_tokens)], dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.one_d_array = True
        tags.transformer_tags.preserves_dtype = ["float32"]
        return tags
