"""Normalization: Keras's feature-wise standardisation layer."""

from __future__ import annotations

from numbers import Integral, Real

import numpy as np
from sklearn.base import BaseEstimator, OneToOneFeatureMixin, TransformerMixin

from ..base import AdaptMixin, AdaptState
from ..utils._dask import is_dask_collection, transform_dask
from ..utils.validation import validate_nd

__all__ = ["Normalization", "normalize", "denormalize", "EPSILON"]

#: Keras's ``backend.epsilon()``: the floor applied to the standard deviation.
EPSILON = 1e-7


def _std_floor(variance):
    """``max(sqrt(variance), 1e-7)`` computed in float32, as Keras does."""
    return np.maximum(np.sqrt(np.asarray(variance, dtype=np.float32)), np.float32(EPSILON))


def normalize(X, mean, variance):
    """Standardise ``X``: ``(X - mean) / max(sqrt(variance), 1e-7)`` in float32.

    Parameters
    ----------
    X : ndarray
        Input of any shape.
    mean, variance : ndarray
        Statistics broadcastable against ``X``.

    Returns
    -------
    ndarray of float32

    Examples
    --------
    >>> import numpy as np
    >>> normalize(np.array([[1.0], [3.0]]), np.array([2.0]), np.array([1.0]))
    array([[-1.],
           [ 1.]], dtype=float32)
    """
    out = np.array(X, dtype=np.float32, copy=True)
    out -= np.asarray(mean, dtype=np.float32)
    out /= _std_floor(variance)
    return out


def denormalize(X, mean, variance):
    """Undo :func:`normalize`: ``mean + X * max(sqrt(variance), 1e-7)`` in float32.

    Parameters
    ----------
    X : ndarray
        Normalised input of any shape.
    mean, variance : ndarray
        Statistics broadcastable against ``X``.

    Returns
    -------
    ndarray of float32

    Examples
    --------
    >>> import numpy as np
    >>> denormalize(np.array([[-1.0], [1.0]]), np.array([2.0]), np.array([1.0]))
    array([[1.],
           [3.]], dtype=float32)
    """
    out = np.array(X, dtype=np.float32, copy=True)
    out *= _std_floor(variance)
    out += np.asarray(mean, dtype=np.float32)
    return out


def _kept_axes(axis, ndim: int) -> tuple[int, ...]:
    if axis is None:
        return ()
    axes = (axis,) if isinstance(axis, Integral) else tuple(axis)
    for a in axes:
        if not -ndim <= a < ndim:
            raise ValueError(
                f"All `axis` values must be in the range [-ndim, ndim) = [{-ndim}, {ndim}) for "
                f"input of rank {ndim}. Received: axis={axis!r}"
            )
    return tuple(sorted({a % ndim for a in axes}))


class NormalizationState(AdaptState):
    """Exact, mergeable running mean and variance (Chan et al.'s parallel update, float64).

    Statistics are kept per position of the kept axes: the sample count ``n``, the mean and
    the sum of squared deviations ``m2``; the population variance is ``m2 / n``.
    """

    def __init__(self):
        self.n = 0
        self.mean = None
        self.m2 = None
        self.n_batches = 0

    def update(self, batch):
        """``batch`` is a 2-D float array: rows = reduced positions, columns = kept positions."""
        n_b = batch.shape[0]
        self.n_batches += 1
        if n_b == 0:
            return self
        mean_b = batch.mean(axis=0, dtype=np.float64)
        dev = batch - mean_b
        m2_b = np.einsum("ij,ij->j", dev, dev) if dev.ndim == 2 else (dev * dev).sum(axis=0)
        return self._combine(n_b, mean_b, m2_b)

    def _combine(self, n_b, mean_b, m2_b):
        if self.n == 0:
            self.n, self.mean, self.m2 = n_b, np.asarray(mean_b, float), np.asarray(m2_b, float)
            return self
        if self.mean.shape != np.shape(mean_b):
            raise ValueError(
                "Cannot combine Normalization statistics of different shapes: "
                f"{self.mean.shape} and {np.shape(mean_b)}."
            )
        n = self.n + n_b
        delta = mean_b - self.mean
        self.mean = self.mean + delta * (n_b / n)
        self.m2 = self.m2 + m2_b + delta * delta * (self.n * n_b / n)
        self.n = n
        return self

    def merge(self, other):
        self._check_mergeable(other)
        self.n_batches += other.n_batches
        if other.n:
            self._combine(other.n, other.mean, other.m2)
        return self

    def finalize(self):
        if self.n == 0:
            raise ValueError("Normalization cannot be fitted on empty input (0 samples).")
        return {
            "mean_": self.mean.astype(np.float32),
            "variance_": (self.m2 / self.n).astype(np.float32),
            "n_samples_seen_": self.n,
        }


class Normalization(OneToOneFeatureMixin, AdaptMixin, TransformerMixin, BaseEstimator):
    """Standardise features to mean 0 and variance 1 (Keras ``Normalization``).

    ``fit`` is Keras ``adapt``: it learns the mean and the population variance (``ddof=0``)
    of each position along ``axis``, reducing over every other axis (the batch axis
    included). ``transform`` computes ``(X - mean) / max(sqrt(variance), 1e-7)`` in float32.
    Unlike scikit-learn's :class:`~sklearn.preprocessing.StandardScaler`, a feature with zero
    variance is divided by ``1e-7`` (Keras's rule), not by 1.

    Statistics are accumulated exactly in float64 with a parallel (mergeable) update, so
    ``partial_fit`` over chunks, ``fit`` over an iterable of batches and one ``fit`` over all
    rows agree to float64 round-off.

    Parameters
    ----------
    axis : int, tuple of int or None, default=-1
        Axis or axes to keep: one mean and variance per position along them. ``None``
        computes a single scalar mean and variance over all values. For a 2-D table the
        default gives per-column statistics; for images ``(n, h, w, c)``, per channel.
    mean : float or array-like, default=None
        Mean to use instead of learning it. Requires ``variance``. Broadcast onto the kept
        axes (right-aligned) at ``fit``.
    variance : float or array-like, default=None
        Variance to use instead of learning it. Requires ``mean``.
    invert : bool, default=False
        If True, ``transform`` un-normalises: ``mean + X * max(sqrt(variance), 1e-7)``.
    n_jobs : int or None, default=1
        skprep addition. Number of threads for ``fit`` on one large in-memory array: row
        chunks are reduced in parallel and their exact statistics merged. ``None`` means 1,
        ``-1`` all cores.
    verbose : int, default=0
        skprep addition. Show progress while fitting on an iterable of batches.

    Attributes
    ----------
    mean_ : ndarray of float32
        Mean per kept position (shape = sizes of the kept axes).
    variance_ : ndarray of float32
        Population variance per kept position.
    n_samples_seen_ : int
        Number of values reduced into each statistic.
    n_features_in_ : int
        Number of columns seen in ``fit`` (inputs of rank >= 2).
    adapt_state_ : NormalizationState
        The mergeable statistics behind ``mean_`` and ``variance_``.

    See Also
    --------
    sklearn.preprocessing.StandardScaler : scikit-learn's per-column scaler.

    Notes
    -----
    Deliberate difference from Keras: ``fit`` refuses a 1-D array (unless ``axis=None``) and
    tells you to reshape it, as scikit-learn does. Keras adapts each value of a 1-D array as a
    feature of its own, seen once, so every output is silently 0; in scikit-learn the first
    axis holds the samples.

    NaN and infinity are rejected with a ``ValueError`` in ``fit`` and ``transform``: Keras
    would silently produce NaN statistics. Impute first (e.g. ``SimpleImputer``).

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import Normalization
    >>> X = np.array([[1.0, 10.0], [3.0, 30.0]])
    >>> layer = Normalization().fit(X)
    >>> layer.mean_, layer.variance_
    (array([ 2., 20.], dtype=float32), array([  1., 100.], dtype=float32))
    >>> layer.transform(X)
    array([[-1., -1.],
           [ 1.,  1.]], dtype=float32)
    """

    _parameter_constraints = {
        "axis": [Integral, tuple, list, None],
        "mean": ["array-like", Real, None],
        "variance": ["array-like", Real, None],
        "invert": ["boolean"],
        "n_jobs": [Integral, None],
        "verbose": ["verbose"],
    }

    _state_params = ("mean", "variance")

    def __init__(self, axis=-1, *, mean=None, variance=None, invert=False, n_jobs=1, verbose=0):
        self.axis = axis
        self.mean = mean
        self.variance = variance
        self.invert = invert
        self.n_jobs = n_jobs
        self.verbose = verbose

    # -- validation -------------------------------------------------------------------------
    def _check_X(self, X, reset):
        X = validate_nd(
            self,
            X,
            reset=reset,
            ensure_2d=False,
            allow_nd=True,
            dtype=[np.float64, np.float32],
            ensure_all_finite=True,
            ensure_min_samples=1,
        )
        if X.ndim == 0:
            X = X.reshape(1)
        return X

    def _check_given_stats(self):
        if (self.mean is None) != (self.variance is None):
            raise ValueError(
                "When setting values directly, both `mean` and `variance` must be set. "
                f"Received: mean={self.mean!r} and variance={self.variance!r}"
            )
        if self.mean is None:
            return None
        mean = np.asarray(self.mean, dtype=np.float64)
        var = np.asarray(self.variance, dtype=np.float64)
        if mean.shape != var.shape:
            raise ValueError(
                "`mean` and `variance` must have the same shape. Received: "
                f"mean.shape={mean.shape}, variance.shape={var.shape}"
            )
        if np.any(var < 0) or not (np.all(np.isfinite(mean)) and np.all(np.isfinite(var))):
            raise ValueError("`variance` must be non-negative and `mean`/`variance` finite.")
        return mean, var

    def _moved(self, X, kept):
        """Reshape ``X`` to 2-D: rows = reduced positions, columns = kept positions."""
        n_kept = len(kept)
        Xm = np.moveaxis(X, kept, range(X.ndim - n_kept, X.ndim)) if n_kept else X
        kept_shape = tuple(X.shape[d] for d in kept)
        return Xm.reshape(-1, int(np.prod(kept_shape))), kept_shape

    # -- adapt ------------------------------------------------------------------------------
    def _new_adapt_state(self):
        self._check_given_stats()
        return NormalizationState()

    def _prepare_adapt_batch(self, X, reset):
        X = self._check_X(X, reset=reset)
        kept = _kept_axes(self.axis, X.ndim)
        if X.ndim == 1 and kept:
            raise ValueError(
                f"Normalization got a 1-D array of shape {X.shape} with axis={self.axis!r}: "
                "the first axis holds the samples, so each value would be its own feature "
                "seen once and every output would be 0. Reshape your data with "
                "X.reshape(-1, 1) if it is a single feature, or X.reshape(1, -1) if it is a "
                "single sample; axis=None learns one mean and variance over all values."
            )
        kept_shape = tuple(X.shape[d] for d in kept)
        if reset:
            self._ndim_ = X.ndim
            self._kept_ = kept
            self._kept_shape_ = kept_shape
        else:
            self._check_shape(X)
        X2, _ = self._moved(X, kept)
        return X2

    def _check_shape(self, X):
        if X.ndim != self._ndim_ or tuple(X.shape[d] for d in self._kept_) != self._kept_shape_:
            raise ValueError(
                f"Normalization was fitted on input of rank {self._ndim_} with kept axes "
                f"{self._kept_} of sizes {self._kept_shape_}, but got input of shape "
                f"{X.shape}."
            )

    def _finalize_state(self, state):
        attributes = state.finalize()
        for name in ("mean_", "variance_"):
            attributes[name] = attributes[name].reshape(self._kept_shape_)
        return attributes

    def _given_state(self, X=None):
        """``mean``/``variance`` broadcast onto the kept axes. Before any ``fit``, ``X`` (the
        input of the first ``transform``) gives their sizes, as calling a Keras layer builds
        it."""
        mean, variance = self._check_given_stats()
        attributes = {}
        if X is not None:
            shape = X.shape if hasattr(X, "shape") else self._check_X(X, reset=False).shape
            shape = shape or (1,)
            kept = _kept_axes(self.axis, len(shape))
            attributes = {
                "_ndim_": len(shape),
                "_kept_": kept,
                "_kept_shape_": tuple(shape[d] for d in kept),
            }
        kept_shape = attributes.get("_kept_shape_", getattr(self, "_kept_shape_", None))
        for name, value in (("mean_", mean), ("variance_", variance)):
            attributes[name] = self._broadcast_given(value, kept_shape).astype(np.float32)
        attributes["n_samples_seen_"] = 0
        return attributes

    def _broadcast_given(self, value, shape):
        if value.ndim > len(shape):
            raise ValueError(
                f"`mean`/`variance` of rank {value.ndim} cannot be broadcast onto the "
                f"{len(shape)} kept axes (sizes {shape}) chosen by axis={self.axis!r}."
            )
        try:
            return np.broadcast_to(value, shape).copy()
        except ValueError:
            raise ValueError(
                f"`mean`/`variance` of shape {value.shape} do not match the kept axes of "
                f"sizes {shape} (axis={self.axis!r})."
            ) from None

    # -- transform --------------------------------------------------------------------------
    def _broadcast_stats(self):
        shape = [1] * self._ndim_
        for d, s in zip(self._kept_, self._kept_shape_):
            shape[d] = s
        return self.mean_.reshape(shape), self.variance_.reshape(shape)

    def transform(self, X):
        """Normalise ``X`` (or un-normalise it when ``invert=True``).

        Parameters
        ----------
        X : array-like or Dask collection
            Input with the rank and kept-axis sizes seen in ``fit``.

        Returns
        -------
        X_out : ndarray of float32, same shape as ``X``
            A lazy ``dask.array`` when ``X`` is a Dask collection.
        """
        self._ensure_fitted(X)
        if is_dask_collection(X):
            return transform_dask(self.transform, X)
        X = self._check_X(X, reset=False)
        self._check_shape(X)
        mean, var = self._broadcast_stats()
        return denormalize(X, mean, var) if self.invert else normalize(X, mean, var)

    def inverse_transform(self, X):
        """Undo :meth:`transform`.

        Parameters
        ----------
        X : array-like
            Output of :meth:`transform`.

        Returns
        -------
        X_orig : ndarray of float32
        """
        self._ensure_fitted(X)
        X = self._check_X(X, reset=False)
        self._check_shape(X)
        mean, var = self._broadcast_stats()
        return normalize(X, mean, var) if self.invert else denormalize(X, mean, var)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.transformer_tags.preserves_dtype = ["float32"]
        tags.input_tags.three_d_array = True
        return tags
