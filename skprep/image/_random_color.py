"""RandomContrast and RandomBrightness: one random factor / offset per image."""

from __future__ import annotations

import numpy as np

from ._base import (
    RANDOM_STATE_CONSTRAINT,
    BaseImageAugmentation,
    cast_back,
    check_value_range,
    parse_factor,
)
from .functional import adjust_brightness, adjust_contrast
from .functional._color import _brightness_uint8, _contrast_uint8

__all__ = ["RandomBrightness", "RandomContrast"]

_COLOUR_CONSTRAINTS = {
    **BaseImageAugmentation._image_constraints,
    "factor": "no_validation",  # checked by parse_factor (Keras messages)
    "value_range": "no_validation",  # checked by check_value_range
    "random_state": RANDOM_STATE_CONSTRAINT,
}


def _inference(images):
    """Keras returns colour layers' input as is at inference (floats are cast to float32)."""
    if images.dtype.kind == "f":
        return images.astype(np.float32, copy=True)
    return images.copy()


def _keep_dtype(out, dtype):
    """Float32 for floating input; integer input gets its dtype back (rounded, saturated)."""
    return out if np.dtype(dtype).kind == "f" else cast_back(out, dtype)


class RandomContrast(BaseImageAugmentation):
    """Randomly adjust the contrast of each image (Keras ``RandomContrast``).

    For each image a factor ``c`` is drawn and every channel becomes
    ``(x - mean) * c + mean`` (``mean`` over the image's height and width, per channel),
    clipped to ``value_range``.

    Training-only randomness: ``fit_transform(X)`` is Keras ``layer(X, training=True)``;
    ``transform(X)`` is inference and returns the images unchanged. So ``fit_transform(X)``
    differs from ``fit(X).transform(X)`` by design (as scikit-learn's ``TargetEncoder``).

    Parameters
    ----------
    factor : float or (float, float)
        A scalar ``f`` in ``[0, 1]`` draws ``c`` from ``[1 - f, 1 + f]``; a pair
        ``(lower, upper)`` draws it from ``[1 - lower, 1 + upper]`` (``0 <= lower <= 1``,
        ``upper >= 0``).
    value_range : (float, float), default=(0, 255)
        Range the output is clipped to.
    random_state : int, RandomState instance, Generator or None, default=None
        An int gives the same factors on every ``fit_transform`` call; a ``RandomState`` or
        ``Generator`` advances between calls; None draws fresh entropy.
    data_format : {"channels_last", "channels_first"} or None, default=None
        Layout of the images; None is "channels_last".

    Attributes
    ----------
    fitted_ : bool
        Set by ``fit``.

    Notes
    -----
    Differences from Keras 3 (its documentation wins): a scalar ``factor`` in Keras 3 draws from
    ``[1, 1 + f]`` (it never lowers contrast), contradicting its own docstring; skprep draws
    from ``[1 - f, 1 + f]`` as documented and as in Keras 2. Keras 3 sorts a pair silently;
    skprep raises when ``lower > upper``, and for negative values. Keras 3 fails on integer
    images in training; skprep computes in float32 and returns integer images rounded and
    saturated to their dtype. Keras's ``seed`` seeds a generator that advances between calls;
    ``random_state`` follows scikit-learn.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import RandomContrast
    >>> images = np.random.default_rng(0).uniform(0, 255, (4, 8, 8, 3)).astype(np.float32)
    >>> out = RandomContrast(0.5, random_state=0).fit_transform(images)
    >>> out.shape, out.dtype, float(out.min()) >= 0, float(out.max()) <= 255
    ((4, 8, 8, 3), dtype('float32'), True, True)
    """

    _parameter_constraints = _COLOUR_CONSTRAINTS

    def __init__(self, factor, value_range=(0, 255), *, random_state=None, data_format=None):
        self.factor = factor
        self.value_range = value_range
        self.random_state = random_state
        self.data_format = data_format

    def _factor_range(self):
        lower, upper = parse_factor(self.factor, "factor", bounds=(0.0, np.inf))
        if np.ndim(self.factor) == 0:
            lower = upper  # scalar f -> [1 - f, 1 + f]
        if lower > 1:
            raise ValueError(
                "The lower bound of `factor` must be at most 1 (the contrast factor "
                f"1 - lower cannot be negative). Received: factor={self.factor!r}"
            )
        return lower, upper

    def _check_params(self):
        self._factor_range()
        check_value_range(self.value_range)

    def _sample_params(self, n_images, height, width, rng):
        lower, upper = self._factor_range()
        return {"contrast_factor": rng.uniform(1.0 - lower, 1.0 + upper, size=n_images)}

    def _apply(self, images, params):
        value_range = check_value_range(self.value_range)
        out = _contrast_uint8(images, params["contrast_factor"], value_range)
        if out is not None:  # uint8: per-image lookup tables, no float32 batch
            return out
        out = adjust_contrast(images, params["contrast_factor"], value_range=value_range)
        return _keep_dtype(out, images.dtype)

    def _inference(self, images):
        return _inference(images)


class RandomBrightness(BaseImageAugmentation):
    """Randomly brighten or darken each image (Keras ``RandomBrightness``).

    For each image an offset ``delta = u * (high - low)`` is drawn, with ``u`` uniform in the
    ``factor`` range and ``(low, high) = value_range``; it is added to every pixel and
    channel and the result clipped to ``value_range``.

    Training-only randomness: ``fit_transform(X)`` is Keras ``layer(X, training=True)``;
    ``transform(X)`` is inference and returns the images unchanged. So ``fit_transform(X)``
    differs from ``fit(X).transform(X)`` by design (as scikit-learn's ``TargetEncoder``).

    Parameters
    ----------
    factor : float or (float, float)
        In ``[-1, 1]``. A scalar ``f`` draws ``u`` from ``[-f, f]``; a pair
        ``(lower, upper)`` from ``[lower, upper]``.
    value_range : (float, float), default=(0, 255)
        Range of the pixel values (sorted), used to scale ``delta`` and to clip.
    random_state : int, RandomState instance, Generator or None, default=None
        An int gives the same offsets on every ``fit_transform`` call; a ``RandomState`` or
        ``Generator`` advances between calls; None draws fresh entropy.
    data_format : {"channels_last", "channels_first"} or None, default=None
        Layout of the images; None is "channels_last".

    Attributes
    ----------
    fitted_ : bool
        Set by ``fit``.

    Notes
    -----
    Keras casts ``delta`` to the image dtype before adding, so on ``uint8`` images a negative
    offset wraps around (100 - 127.5 gives 229). skprep adds in float32, clips, and returns
    integer images rounded and saturated to their dtype. Keras 3 sorts a ``factor`` pair
    silently; skprep raises when ``lower > upper``. Keras's ``seed`` seeds a generator that
    advances between calls; ``random_state`` follows scikit-learn.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import RandomBrightness
    >>> images = np.full((2, 2, 2, 3), 100.0, dtype=np.float32)
    >>> RandomBrightness((0.2, 0.2)).fit_transform(images)[0, 0, 0]
    array([151., 151., 151.], dtype=float32)
    """

    _parameter_constraints = _COLOUR_CONSTRAINTS

    def __init__(self, factor, value_range=(0, 255), *, random_state=None, data_format=None):
        self.factor = factor
        self.value_range = value_range
        self.random_state = random_state
        self.data_format = data_format

    def _check_params(self):
        parse_factor(self.factor, "factor")
        check_value_range(self.value_range)

    def _sample_params(self, n_images, height, width, rng):
        lower, upper = parse_factor(self.factor, "factor")
        low, high = check_value_range(self.value_range)
        return {"delta": rng.uniform(lower, upper, size=n_images) * (high - low)}

    def _apply(self, images, params):
        value_range = check_value_range(self.value_range)
        out = _brightness_uint8(images, params["delta"], value_range)
        if out is not None:  # uint8: per-image lookup tables, no float32 batch
            return out
        out = adjust_brightness(images, params["delta"], value_range=value_range)
        return _keep_dtype(out, images.dtype)

    def _inference(self, images):
        return _inference(images)
