"""RandomContrast and RandomBrightness: one random factor / offset per image."""

from __future__ import annotations

from ._base import (
    RANDOM_STATE_CONSTRAINT,
    BaseImageAugmentation,
    check_value_range,
    colour_inference,
    keep_dtype,
    parse_factor,
)
from ._docstrings import fill_doc
from ._draws import brightness_deltas, contrast_factors, contrast_range
from .functional import adjust_brightness, adjust_contrast
from .functional._color import _brightness_uint8, _contrast_uint8

__all__ = ["RandomBrightness", "RandomContrast"]

_COLOUR_CONSTRAINTS = {
    **BaseImageAugmentation._image_constraints,
    "factor": "no_validation",  # checked by parse_factor (Keras messages)
    "value_range": "no_validation",  # checked by check_value_range
    "random_state": RANDOM_STATE_CONSTRAINT,
}


@fill_doc
class RandomContrast(BaseImageAugmentation):
    """Randomly adjust the contrast of each image (Keras ``RandomContrast``).

    For each image a factor ``c`` is drawn and every channel becomes
    ``(x - mean) * c + mean`` (``mean`` over the image's height and width, per channel),
    clipped to ``value_range``.

    {training_only}

    Parameters
    ----------
    factor : float or (float, float)
        A scalar ``f`` in ``[0, 1]`` draws ``c`` from ``[1 - f, 1 + f]``; a pair
        ``(lower, upper)`` draws it from ``[1 - lower, 1 + upper]`` (``0 <= lower <= 1``,
        ``upper >= 0``).
    value_range : (float, float), default=(0, 255)
        Range the output is clipped to.
    {random_state}
    {data_format}

    {fitted_attributes}

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

    def _check_params(self):
        contrast_range(self.factor)
        check_value_range(self.value_range)

    def _sample_params(self, n_images, height, width, rng):
        factors = contrast_factors(rng, n_images, contrast_range(self.factor))
        return {"contrast_factor": factors}

    def _apply(self, images, params):
        value_range = check_value_range(self.value_range)
        out = _contrast_uint8(images, params["contrast_factor"], value_range)
        if out is not None:  # uint8: per-image lookup tables, no float32 batch
            return out
        out = adjust_contrast(images, params["contrast_factor"], value_range=value_range)
        return keep_dtype(out, images.dtype)

    def _inference(self, images):
        return colour_inference(images)


@fill_doc
class RandomBrightness(BaseImageAugmentation):
    """Randomly brighten or darken each image (Keras ``RandomBrightness``).

    For each image an offset ``delta = u * (high - low)`` is drawn, with ``u`` uniform in the
    ``factor`` range and ``(low, high) = value_range``; it is added to every pixel and
    channel and the result clipped to ``value_range``.

    {training_only}

    Parameters
    ----------
    factor : float or (float, float)
        In ``[-1, 1]``. A scalar ``f`` draws ``u`` from ``[-f, f]``; a pair
        ``(lower, upper)`` from ``[lower, upper]``.
    value_range : (float, float), default=(0, 255)
        Range of the pixel values (sorted), used to scale ``delta`` and to clip.
    {random_state}
    {data_format}

    {fitted_attributes}

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
        factor_range = parse_factor(self.factor, "factor")
        value_range = check_value_range(self.value_range)
        return {"delta": brightness_deltas(rng, n_images, factor_range, value_range)}

    def _apply(self, images, params):
        value_range = check_value_range(self.value_range)
        out = _brightness_uint8(images, params["delta"], value_range)
        if out is not None:  # uint8: per-image lookup tables, no float32 batch
            return out
        out = adjust_brightness(images, params["delta"], value_range=value_range)
        return keep_dtype(out, images.dtype)

    def _inference(self, images):
        return colour_inference(images)
