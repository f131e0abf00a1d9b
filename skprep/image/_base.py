"""Plumbing shared by every image layer: input checks, layouts, dtypes, factors, randomness.

Everything an image estimator needs besides its own arithmetic lives here, once:

* :func:`check_images` -- accept a batch ``(n, h, w, c)`` in either ``data_format``, and a
  rank-3 array as a single image ``(h, w, c)`` (the functional kernels, as Keras) or as a
  stack of ``n`` single-channel images ``(n, h, w)`` (the estimators: the first axis always
  holds the samples); refuse other ranks, and hand the kernels an NHWC batch;
  :class:`ImageBatch.restore` puts the result back into the caller's layout and rank.
* :func:`to_float32` / :func:`cast_back` -- Keras's dtype rules: floating
  input is computed in float32, integer input is computed in float32 and, for the layers that
  keep the dtype (``Resizing``), rounded and saturate-cast back.
* :func:`parse_factor` / :func:`check_value_range` -- Keras's factor conventions with
  Keras's error messages, used by every random layer (geometry included).
* :class:`BaseImageTransformer` -- deterministic layers (``Resizing``, ``CenterCrop``):
  stateless, ``transform`` works without ``fit``.
* :class:`BaseImageAugmentation` -- random layers: every random number is drawn in
  ``_sample_params(n_images, height, width, rng)``, which returns plain arrays; ``_apply``
  hands those numbers to the functional kernels (which never see an RNG); ``_inference`` is
  Keras ``training=False``.
"""

from __future__ import annotations

import numbers
import warnings
from dataclasses import dataclass

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from ..base import AugmentationMixin, StatelessMixin
from ..utils._sklearn_compat import Interval, StrOptions

__all__ = [
    "RANDOM_STATE_CONSTRAINT",
    "BaseImageAugmentation",
    "BaseImageTransformer",
    "ImageBatch",
    "cast_back",
    "check_images",
    "check_value_range",
    "colour_inference",
    "keep_dtype",
    "parse_factor",
    "to_float32",
]

DATA_FORMATS = ("channels_last", "channels_first")

#: ``_parameter_constraints`` entry for ``random_state`` (scikit-learn's ``"random_state"``
#: constraint does not accept a ``numpy.random.Generator``).
RANDOM_STATE_CONSTRAINT = [
    None,
    Interval(numbers.Integral, 0, None, closed="left"),
    np.random.RandomState,
    np.random.Generator,
]

_RANK_MESSAGE = "Expected image tensor to have rank 3 (single image) or 4 (batch of images)."
_GRAY_RANK_MESSAGE = (
    "Expected images of rank 4 (n, h, w, c) or rank 3 (n, h, w): n single-channel images."
)


# --------------------------------------------------------------------------------------------
# Input layout and dtype
# --------------------------------------------------------------------------------------------


def standardize_data_format(data_format) -> str:
    """Return ``"channels_last"`` for None (Keras's default), else the validated value."""
    if data_format is None:
        return "channels_last"
    value = str(data_format).lower()
    if value not in DATA_FORMATS:
        raise ValueError(
            "The `data_format` argument must be one of {'channels_first', 'channels_last'}. "
            f"Received: data_format={data_format!r}"
        )
    return value


@dataclass(frozen=True)
class ImageBatch:
    """An NHWC view of the caller's images, and how to give results back in their layout.

    Attributes
    ----------
    images : ndarray of shape (n, h, w, c)
        The input as a batch in channels-last order (a view when possible; never modified).
    single : bool
        The caller passed one image ``(h, w, c)`` (or ``(c, h, w)``) rather than a batch.
    channels_first : bool
        The caller's layout is channels-first.
    grayscale : bool
        The caller passed ``n`` single-channel images ``(n, h, w)`` without a channel axis.
    """

    images: np.ndarray
    single: bool
    channels_first: bool
    grayscale: bool = False

    @property
    def shape(self) -> tuple[int, int, int, int]:
        return self.images.shape

    def restore(self, out: np.ndarray) -> np.ndarray:
        """Return the NHWC result ``out`` in the caller's layout and rank."""
        if self.grayscale and out.ndim == 4 and out.shape[-1] == 1:
            return out[..., 0]
        if self.channels_first:
            out = np.moveaxis(out, -1, 1)
        if self.single:
            out = out[0]
        return out


def check_images(
    X, data_format=None, *, name: str = "images", rank3: str = "image"
) -> ImageBatch:
    """Validate images and return them as an NHWC :class:`ImageBatch`.

    Parameters
    ----------
    X : array-like of shape (n, h, w, c), (h, w, c) or (n, h, w), or channels-first equivalents
        Numeric images. Integer and floating dtypes are accepted; the dtype is kept (the
        layers decide what to compute in, see :func:`to_float32`).
    data_format : {"channels_last", "channels_first"} or None
        Layout of ``X``; None means ``"channels_last"`` (Keras's default).
    name : str
        Name used in error messages.
    rank3 : {"image", "grayscale"}, default="image"
        How to read a rank-3 array: one image ``(h, w, c)`` (Keras's rule), or ``n``
        single-channel images ``(n, h, w)`` (the estimators' rule: the first axis holds the
        samples, so an estimator never changes the number of rows). A ``"grayscale"`` stack
        whose last axis has 1, 3 or 4 entries -- more likely one colour image -- warns.

    Returns
    -------
    ImageBatch

    Raises
    ------
    ValueError
        Rank other than 3 or 4 (Keras's message), an empty axis, or a bad ``data_format``.
    TypeError
        Non-numeric input (strings, objects, booleans, complex numbers).

    Examples
    --------
    >>> import numpy as np
    >>> batch = check_images(np.zeros((3, 5, 4)), data_format="channels_first")
    >>> batch.images.shape, batch.single
    ((1, 5, 4, 3), True)
    >>> batch.restore(batch.images).shape
    (3, 5, 4)
    >>> batch = check_images(np.zeros((10, 8, 8)), rank3="grayscale")
    >>> batch.images.shape, batch.restore(batch.images).shape
    ((10, 8, 8, 1), (10, 8, 8))
    """
    channels_first = standardize_data_format(data_format) == "channels_first"
    if hasattr(X, "to_numpy") and not hasattr(X, "__array_function__"):
        X = X.to_numpy()
    X = np.asarray(X)
    if X.dtype.kind not in "iuf":
        raise TypeError(
            f"{name} must be an array of integers or floats; got dtype {X.dtype} (shape {X.shape})."
        )
    grayscale = rank3 == "grayscale"
    if X.ndim not in (3, 4):
        message = _GRAY_RANK_MESSAGE if grayscale else _RANK_MESSAGE
        raise ValueError(f"{message} Received: {name}.shape={X.shape}")
    if X.ndim == 3 and grayscale:
        if X.shape[-1] in (1, 3, 4):
            warnings.warn(
                f"{name} of shape {X.shape} is read as {X.shape[0]} single-channel images of "
                f"{X.shape[1]} x {X.shape[2]} pixels (the first axis holds the samples). If it "
                f"is one image with {X.shape[-1]} channel(s), pass {name}[np.newaxis].",
                UserWarning,
                stacklevel=4,
            )
        batch = ImageBatch(X[..., np.newaxis], False, channels_first, grayscale=True)
    else:
        single = X.ndim == 3
        if single:
            X = X[np.newaxis]
        if channels_first:
            X = np.moveaxis(X, 1, -1)
        batch = ImageBatch(X, single, channels_first)
    X = batch.images
    if 0 in X.shape[1:] or (X.shape[0] == 0 and not batch.single):
        raise ValueError(
            f"{name} must have at least one image, row, column and channel; got shape "
            f"{X.shape[1:] if batch.single else X.shape} (as NHWC)."
        )
    return batch


def to_float32(images: np.ndarray) -> np.ndarray:
    """Return ``images`` as float32 (no copy when already float32).

    Keras casts floating inputs to the layer's float32 dtype and computes on integer inputs
    in float32; so does every skprep image kernel.
    """
    return images if images.dtype == np.float32 else images.astype(np.float32)


def cast_back(out: np.ndarray, dtype) -> np.ndarray:
    """Give a float result the input's dtype the way Keras's ``Resizing`` does.

    Integer dtypes: round half to even, saturate to the dtype's range, cast. Floating dtypes:
    float32 (Keras computes float64 input in float32 too).

    Examples
    --------
    >>> import numpy as np
    >>> cast_back(np.array([-3.0, 2.5, 3.5, 300.0], dtype=np.float32), np.uint8)
    array([  0,   2,   4, 255], dtype=uint8)
    """
    dtype = np.dtype(dtype)
    if dtype.kind not in "iu":
        return out.astype(np.float32, copy=False)
    info = np.iinfo(dtype)
    out = np.rint(out)
    np.clip(out, info.min, info.max, out=out)
    return out.astype(dtype)


def keep_dtype(out: np.ndarray, dtype) -> np.ndarray:
    """Float32 for floating input; integer input gets its dtype back (rounded, saturated)."""
    return out if np.dtype(dtype).kind == "f" else cast_back(out, dtype)


def colour_inference(images: np.ndarray) -> np.ndarray:
    """Keras returns colour layers' input as is at inference (floats are cast to float32)."""
    if images.dtype.kind == "f":
        return images.astype(np.float32, copy=True)
    return images.copy()


# --------------------------------------------------------------------------------------------
# Factors and value ranges (Keras's conventions)
# --------------------------------------------------------------------------------------------


def _is_number(x) -> bool:
    return isinstance(x, numbers.Real) and not isinstance(x, bool)


def _fmt(bound) -> str:
    return f"{float(bound)}"


def parse_factor(
    factor,
    name: str = "factor",
    *,
    bounds: tuple[float, float] = (-1.0, 1.0),
    include_lower: bool = True,
    scalar: str = "symmetric",
) -> tuple[float, float]:
    """Turn a Keras ``factor`` argument into a ``(lower, upper)`` range.

    Parameters
    ----------
    factor : float or pair of floats
        A scalar ``f`` or a ``(lower, upper)`` pair.
    name : str
        Argument name for messages (``"factor"``, ``"height_factor"`` ...).
    bounds : (float, float)
        Every number given must lie in ``[bounds[0], bounds[1]]`` (``(bounds[0], bounds[1]]``
        when ``include_lower`` is False, as for ``RandomZoom``).
    include_lower : bool
        Whether ``bounds[0]`` itself is allowed.
    scalar : {"symmetric", "keras_base"}
        How a scalar ``f`` is read. ``"symmetric"`` gives ``(-|f|, |f|)`` (RandomTranslation,
        RandomZoom, RandomRotation, RandomBrightness, RandomHeight/Width, and RandomContrast's
        documented ``[1 - f, 1 + f]``). ``"keras_base"`` is Keras 3's base-layer rule
        ``(max(-|f|, bounds[0]), |f|)``, which with bounds (0, 1) gives ``(0, f)``.

    Returns
    -------
    (lower, upper) : tuple of float

    Raises
    ------
    ValueError
        With Keras's message, when ``factor`` is not a number or a pair of numbers, when a
        number lies outside ``bounds``, or -- stricter than Keras 3, which silently sorts the
        pair, and as Keras 2 did -- when ``lower > upper``.

    Examples
    --------
    >>> parse_factor(0.2)
    (-0.2, 0.2)
    >>> parse_factor((-0.1, 0.3), "height_factor")
    (-0.1, 0.3)
    >>> parse_factor(0.5, bounds=(0, 1), scalar="keras_base")
    (0.0, 0.5)
    >>> parse_factor(1.5)
    Traceback (most recent call last):
    ...
    ValueError: The `factor` argument should be a number (or a list of two numbers) in the range [-1.0, 1.0]. Received: factor=1.5
    """
    lo_b, hi_b = bounds
    opening = "[" if include_lower else "("
    message = (
        f"The `{name}` argument should be a number (or a list of two numbers) in the range "
        f"{opening}{_fmt(lo_b)}, {_fmt(hi_b)}]. Received: {name}={factor!r}"
    )

    def in_bounds(x) -> bool:
        above = x >= lo_b if include_lower else x > lo_b
        return bool(above and x <= hi_b and np.isfinite(x))

    if isinstance(factor, np.ndarray) and factor.ndim == 1:
        factor = factor.tolist()
    if isinstance(factor, (tuple, list)):
        if len(factor) != 2 or not all(_is_number(x) for x in factor):
            raise ValueError(message)
        lower, upper = float(factor[0]), float(factor[1])
        if not (in_bounds(lower) and in_bounds(upper)):
            raise ValueError(message)
        if lower > upper:
            raise ValueError(
                f"The `{name}` argument must be (lower, upper) with lower <= upper. "
                f"Received: {name}={factor!r}"
            )
        return lower, upper
    if _is_number(factor):
        f = float(factor)
        if not in_bounds(f):
            raise ValueError(message)
        f = abs(f)
        if scalar == "keras_base":
            return max(-f, float(lo_b)), f
        return -f, f
    raise ValueError(message)


def check_value_range(value_range, name: str = "value_range") -> tuple[float, float]:
    """Validate a ``value_range=(low, high)`` argument and return it sorted, as Keras does.

    Examples
    --------
    >>> check_value_range([255, 0])
    (0.0, 255.0)
    """
    if isinstance(value_range, np.ndarray):
        value_range = value_range.tolist()
    if (
        not isinstance(value_range, (tuple, list))
        or len(value_range) != 2
        or not all(_is_number(v) and np.isfinite(v) for v in value_range)
    ):
        raise ValueError(
            f"The `{name}` argument should be a list of two numbers. "
            f"Received: {name}={value_range!r}"
        )
    low, high = sorted(float(v) for v in value_range)
    if not low < high:
        raise ValueError(
            f"The `{name}` argument must span an interval (low < high); got {name}="
            f"{value_range!r}, which maps every value to one point."
        )
    return low, high


# --------------------------------------------------------------------------------------------
# Estimator bases
# --------------------------------------------------------------------------------------------


class _ImageLayerMixin:
    """Validation shared by the image estimators.

    Subclasses may override ``_check_params()`` to check arguments that the declarative
    ``_parameter_constraints`` cannot express (factor ranges, exclusive flags). It runs at
    ``fit`` time with the constraints, and on first use of ``transform`` without ``fit``.
    """

    _image_constraints = {
        "data_format": [StrOptions(set(DATA_FORMATS)), None],
    }

    def _check_params(self) -> None:
        """Semantic parameter checks beyond ``_parameter_constraints`` (default: none)."""

    def _validate_params(self):
        super()._validate_params()
        self._check_params()

    def _validate_input(self, X, reset: bool) -> ImageBatch:
        return check_images(X, getattr(self, "data_format", None), name="X", rank3="grayscale")

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.three_d_array = True
        return tags


class BaseImageTransformer(_ImageLayerMixin, StatelessMixin, TransformerMixin, BaseEstimator):
    """Base of the deterministic image layers (Keras ``Resizing``, ``CenterCrop``).

    Stateless: ``fit`` only validates the parameters, and ``transform`` works without it (as
    calling a Keras layer does). The same output in training and inference, so
    ``fit_transform(X)`` equals ``transform(X)``. Input is a batch ``(n, h, w, c)`` or ``n``
    single-channel images ``(n, h, w)``; unlike Keras, a rank-3 array is never one image (the
    first axis holds the samples). A subclass implements
    ``_transform_images(images)``, mapping an NHWC batch (original dtype) to an NHWC batch.
    """

    def _transform_images(self, images: np.ndarray) -> np.ndarray:  # pragma: no cover
        raise NotImplementedError

    def transform(self, X):
        """Apply the layer.

        Parameters
        ----------
        X : array-like of shape (n, h, w, c) or (n, h, w)
            Images (channels-first with ``data_format="channels_first"``).

        Returns
        -------
        X_out : ndarray
            Transformed images, in the layout and rank of ``X``.
        """
        self._ensure_params_checked()
        batch = self._validate_input(X, reset=False)
        return batch.restore(self._transform_images(batch.images))


class BaseImageAugmentation(_ImageLayerMixin, AugmentationMixin, TransformerMixin, BaseEstimator):
    """Base of the random image layers.

    The training-only contract: ``fit_transform(X)`` is Keras ``layer(X, training=True)``
    and draws new random parameters on every call; ``transform(X)`` is Keras
    ``layer(X, training=False)`` (inference, deterministic). So ``fit_transform(X)`` is not
    ``fit(X).transform(X)``, by design, as with scikit-learn's ``TargetEncoder``.

    Input is a batch ``(n, h, w, c)``, or ``n`` single-channel images ``(n, h, w)`` (returned
    without the channel axis). Unlike Keras, a rank-3 array is never one image: the first
    axis holds the samples, so a layer never changes the number of rows. Pass one image as
    ``image[np.newaxis]``.

    ``random_state`` follows scikit-learn: an int gives the same draws on every call, a
    ``RandomState`` or ``Generator`` advances between calls, None is fresh entropy. (Keras's
    ``seed`` instead seeds a generator that advances between calls.)

    A subclass implements:

    ``_sample_params(n_images, height, width, rng) -> dict``
        Every random draw of one ``fit_transform`` call, as plain arrays/numbers (one row per
        image where the layer draws per image). The only method that sees ``rng``.
    ``_apply(images, params) -> ndarray``
        Applies the drawn parameters with the functional kernels (NHWC batch in, NHWC out).
    ``_inference(images) -> ndarray``
        Keras ``training=False``.
    """

    def _sample_params(
        self, n_images: int, height: int, width: int, rng: np.random.Generator
    ) -> dict:  # pragma: no cover - abstract
        raise NotImplementedError

    def _apply(self, images: np.ndarray, params: dict) -> np.ndarray:  # pragma: no cover
        raise NotImplementedError

    def _inference(self, images: np.ndarray) -> np.ndarray:  # pragma: no cover
        raise NotImplementedError

    def _augment(self, batch: ImageBatch, rng: np.random.Generator):
        n, h, w, _ = batch.shape
        params = self._sample_params(n, h, w, rng)
        return batch.restore(self._apply(batch.images, params))

    def _infer(self, batch: ImageBatch):
        return batch.restore(self._inference(batch.images))

    def fit_transform(self, X, y=None):
        """Apply the random augmentation (training mode, Keras ``training=True``).

        Training-only: new parameters are drawn from ``random_state`` on every call, so the
        result differs from ``fit(X).transform(X)``, which is inference.

        Parameters
        ----------
        X : array-like of shape (n, h, w, c) or (n, h, w)
            Images (channels-first with ``data_format="channels_first"``).
        y : None
            Ignored.

        Returns
        -------
        X_aug : ndarray
            Augmented images, in the layout and rank of ``X``.
        """
        return super().fit_transform(X, y)

    def transform(self, X):
        """Inference (Keras ``training=False``): deterministic, no randomness.

        Parameters
        ----------
        X : array-like of shape (n, h, w, c) or (n, h, w)
            Images (channels-first with ``data_format="channels_first"``).

        Returns
        -------
        X_out : ndarray
            Images as the layer leaves them at inference, in the layout and rank of ``X``.
        """
        return super().transform(X)
