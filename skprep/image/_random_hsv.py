"""RandomColorDegeneration, RandomSaturation, RandomHue and RandomColorJitter.

Colour layers of RGB images: one random parameter per image, applied by the kernels of
``skprep.image.functional._hsv`` (TF's HSV arithmetic) and ``_color`` (brightness, contrast).
"""

from __future__ import annotations

import numpy as np

from ._base import (
    RANDOM_STATE_CONSTRAINT,
    BaseImageAugmentation,
    check_value_range,
    colour_inference,
    keep_dtype,
    parse_factor,
)
from ._docstrings import fill_doc
from ._draws import (
    brightness_deltas,
    contrast_factors,
    contrast_range,
    hue_deltas,
    saturation_multipliers,
    uniform_factors,
    unit_range,
)
from .functional import (
    adjust_brightness,
    adjust_contrast,
    adjust_hue,
    adjust_saturation,
    degenerate_color,
)

__all__ = ["RandomColorDegeneration", "RandomColorJitter", "RandomHue", "RandomSaturation"]

_CONSTRAINTS = {
    **BaseImageAugmentation._image_constraints,
    "factor": "no_validation",  # checked by parse_factor (Keras messages)
    "value_range": "no_validation",  # checked by check_value_range
    "random_state": RANDOM_STATE_CONSTRAINT,
}

class _RGBLayer(BaseImageAugmentation):
    """Shared parts: RGB input check, inference (input as is), unit-interval factor."""

    _parameter_constraints = _CONSTRAINTS

    def _needs_rgb(self) -> bool:
        return True

    def _validate_input(self, X, reset: bool):
        batch = super()._validate_input(X, reset)
        if self._needs_rgb() and batch.shape[-1] != 3:
            raise ValueError(
                f"{type(self).__name__} needs RGB images with 3 channels; got "
                f"{batch.shape[-1]} channel(s) (X of shape {np.shape(X)}, "
                f"data_format={getattr(self, 'data_format', None)!r})."
            )
        return batch

    def _check_params(self):
        unit_range(self.factor)
        check_value_range(self.value_range)

    def _inference(self, images):
        return colour_inference(images)


@fill_doc
class RandomColorDegeneration(_RGBLayer):
    """Randomly blend each image towards its greyscale version (Keras ``RandomColorDegeneration``).

    For each image a factor ``c`` is drawn and the image becomes ``x + c * (gray - x)``,
    where ``gray`` is its luma ``0.2989 r + 0.5870 g + 0.1140 b`` (TF's weights), clipped to
    ``value_range``: ``c = 0`` leaves the image, ``c = 1`` makes it grey.

    {training_only}

    Parameters
    ----------
    factor : float or (float, float)
        In ``[0, 1]``. A scalar ``f`` draws ``c`` from ``[0, f]``; a pair ``(lower, upper)``
        from ``[lower, upper]``; ``(c, c)`` always uses ``c``.
    value_range : (float, float), default=(0, 255)
        Range of the pixel values (sorted); the output is clipped to it.
    {random_state}
    {data_format}

    {fitted_attributes}

    See Also
    --------
    skprep.image.functional.degenerate_color : The kernel, with explicit factors.

    Notes
    -----
    Differences from Keras 3 (its documentation wins): Keras 3 reads a scalar ``f`` as the range
    ``[-f, f]`` (its base-layer default), so half of its draws push colours away from grey,
    contradicting its docstring ("a value between 0.0 and the passed float"); skprep draws
    from ``[0, f]`` as documented, and requires factors in ``[0, 1]`` (Keras accepts
    ``[-1, 1]``) and ``lower <= upper`` (Keras sorts silently). Images must have 3 channels
    (a clear ``ValueError`` otherwise, in training and inference; Keras returns 1-channel
    images unchanged, as their grey is themselves). Keras returns float32 for
    integer images; skprep computes in float32 and returns integer images rounded and
    saturated to their dtype, as its other colour layers do. ``random_state`` follows
    scikit-learn, not Keras's advancing ``seed``.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep.image import RandomColorDegeneration
    >>> images = np.array([[[[200.0, 100.0, 50.0]]]], dtype=np.float32)
    >>> RandomColorDegeneration((1.0, 1.0)).fit_transform(images)[0, 0, 0]
    array([124.19, 124.19, 124.19], dtype=float32)
    """

    def __init__(self, factor, value_range=(0, 255), *, random_state=None, data_format=None):
        self.factor = factor
        self.value_range = value_range
        self.random_state = random_state
        self.data_format = data_format

    def _sample_params(self, n_images, height, width, rng):
        return {"factor": uniform_factors(rng, n_images, unit_range(self.factor))}

    def _apply(self, images, params):
        out = degenerate_color(
            images, params["factor"], value_range=check_value_range(self.value_range)
        )
        return keep_dtype(out, images.dtype)


@fill_doc
class RandomSaturation(_RGBLayer):
    """Randomly change the colour saturation of each image (Keras ``RandomSaturation``).

    For each image ``f`` is drawn; the image is converted to HSV, its saturation multiplied
    by ``f / (1 - f + 1e-7)`` and clipped to ``[0, 1]``, and converted back to RGB. ``f = 0.5``
    leaves the image, ``f = 0`` makes it grey (every pixel its HSV value), ``f -> 1`` fully
    saturates it.

    {training_only}

    Parameters
    ----------
    factor : float or (float, float)
        In ``[0, 1]``. A scalar draws ``f`` from ``[0, factor]``; a pair ``(lower, upper)``
        from ``[lower, upper]``; ``(0.5, 0.5)`` is the identity.
    value_range : (float, float), default=(0, 255)
        Range of the pixel values. The HSV conversions work on any scale, so it only
        validates; the output stays within ``[0, max(input)]`` for non-negative input.
    {random_state}
    {data_format}

    {fitted_attributes}

    See Also
    --------
    skprep.image.functional.adjust_saturation : The kernel, with explicit multipliers.

    Notes
    -----
    The arithmetic is TF's (``tf.image.rgb_to_hsv`` / ``hsv_to_rgb`` step by step in
    float32, the multiplier ``f / (1 - f + 1e-7)`` in float32). Differences from Keras 3:

    - Keras 3 clips the new saturation to ``value_range`` instead of ``[0, 1]``. With the
      default ``(0, 255)`` and ``f > 0.5`` a saturation above 1 survives, and HSV -> RGB then
      gives negative pixel values (``f = 1`` multiplies by 1e7), contradicting the
      documented "``factor=1.0`` makes the image fully saturated". skprep clips to ``[0, 1]``
      (as documented), so ``f = 1`` is full saturation and outputs stay in range. The two
      agree whenever the new saturation is at most 1 (always for ``value_range=(0, 1)`` or
      ``f <= 0.5``). ``adjust_saturation(..., saturation_range=value_range)`` reproduces
      Keras exactly.
    - Keras 3 reads a scalar ``f`` as ``[-f, f]`` (negative factors give grey), contradicting
      its docstring ("a value between 0.0 and the passed float"); skprep draws from
      ``[0, f]``, requires factors in ``[0, 1]`` and ``lower <= upper``.
    - Keras rejects integer images (``Invalid images dtype: expected float dtype``); skprep
      computes in float32 and returns integer images rounded and saturated to their dtype,
      as its other colour layers do.
    - Images must have 3 channels (a clear ``ValueError``, in training and inference).
      ``random_state`` follows scikit-learn, not Keras's advancing ``seed``.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep.image import RandomSaturation
    >>> images = np.array([[[[200.0, 100.0, 50.0]]]], dtype=np.float32)
    >>> RandomSaturation((0.0, 0.0)).fit_transform(images)[0, 0, 0]
    array([200., 200., 200.], dtype=float32)
    >>> RandomSaturation((1.0, 1.0)).fit_transform(images)[0, 0, 0]
    array([200.     ,  66.66667,   0.     ], dtype=float32)
    """

    def __init__(self, factor, value_range=(0, 255), *, random_state=None, data_format=None):
        self.factor = factor
        self.value_range = value_range
        self.random_state = random_state
        self.data_format = data_format

    def _sample_params(self, n_images, height, width, rng):
        return {"multiplier": saturation_multipliers(rng, n_images, unit_range(self.factor))}

    def _apply(self, images, params):
        out = adjust_saturation(images, params["multiplier"], saturation_range=(0.0, 1.0))
        return keep_dtype(out, images.dtype)


@fill_doc
class RandomHue(_RGBLayer):
    """Randomly rotate the hue of each image (Keras ``RandomHue``).

    For each image a shift ``delta = +-u / 2`` is drawn (``u`` from the ``factor`` range, the
    sign minus or plus with probability 1/2); the image is rescaled from ``value_range`` to
    ``[0, 1]``, converted to HSV, ``delta`` added to the hue (wrapping into ``[0, 1]``),
    converted back, clipped to ``[0, 1]`` and rescaled to ``value_range``.

    {training_only}

    Parameters
    ----------
    factor : float or (float, float)
        In ``[0, 1]``. A scalar draws ``u`` from ``[0, factor]``; a pair from
        ``[lower, upper]``. ``u = 1`` is half a turn of the colour wheel.
    value_range : (float, float), default=(0, 255)
        Range of the pixel values (sorted).
    {random_state}
    {data_format}

    {fitted_attributes}

    See Also
    --------
    skprep.image.functional.adjust_hue : The kernel, with explicit shifts.

    Notes
    -----
    Draws as Keras: per image a sign (minus when a uniform draw exceeds 0.5; all signs are
    drawn first), then the magnitude. The arithmetic is TF's in float32. Differences from
    Keras 3: Keras uses ``value_range`` unsorted here (a reversed pair inverts the image
    before the shift and back after); skprep sorts it like its other colour layers. Keras
    returns float32 for integer images; skprep returns integer images rounded and saturated
    to their dtype. Keras sorts a ``factor`` pair silently; skprep raises when
    ``lower > upper``. Images must have 3 channels (a clear ``ValueError``).
    ``random_state`` follows scikit-learn, not Keras's advancing ``seed``.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep.image import RandomHue
    >>> images = np.array([[[[255.0, 0.0, 0.0]]]], dtype=np.float32)
    >>> RandomHue((1.0, 1.0)).fit_transform(images)[0, 0, 0]  # half a turn: red -> cyan
    array([  0., 255., 255.], dtype=float32)
    """

    def __init__(self, factor, value_range=(0, 255), *, random_state=None, data_format=None):
        self.factor = factor
        self.value_range = value_range
        self.random_state = random_state
        self.data_format = data_format

    def _sample_params(self, n_images, height, width, rng):
        return {"delta": hue_deltas(rng, n_images, unit_range(self.factor))}

    def _apply(self, images, params):
        out = adjust_hue(images, params["delta"], value_range=check_value_range(self.value_range))
        return keep_dtype(out, images.dtype)


@fill_doc
class RandomColorJitter(_RGBLayer):
    """Randomly change brightness, contrast, saturation and hue (Keras ``RandomColorJitter``).

    Applies, in this order and each only when its factor is not None, the transformations of
    :class:`~skprep.image.RandomBrightness`, :class:`~skprep.image.RandomContrast`,
    :class:`RandomSaturation` and :class:`RandomHue`, with their factor conventions and
    ``value_range``, drawing every parameter per image.

    {training_only}

    Parameters
    ----------
    value_range : (float, float), default=(0, 255)
        Range of the pixel values, passed to every step.
    brightness_factor : float, (float, float) or None, default=None
        ``RandomBrightness``'s ``factor`` (in ``[-1, 1]``; offsets of ``u * (high - low)``).
    contrast_factor : float, (float, float) or None, default=None
        ``RandomContrast``'s ``factor`` (a scalar ``f`` draws from ``[1 - f, 1 + f]``).
    saturation_factor : float, (float, float) or None, default=None
        ``RandomSaturation``'s ``factor`` (in ``[0, 1]``; 0.5 is the identity).
    hue_factor : float, (float, float) or None, default=None
        ``RandomHue``'s ``factor`` (in ``[0, 1]``).
    {random_state}
    {data_format}

    {fitted_attributes}

    Notes
    -----
    Draws: from one generator, for the enabled steps in order, the ``n`` brightness offsets,
    the ``n`` contrast factors, the ``n`` saturation factors, then the ``n`` hue signs and
    ``n`` hue magnitudes -- exactly the draws of the four layers called in turn with the same
    generator. The steps are computed in float32 one after the other (integer images are
    converted once and rounded back once at the end).

    Differences from Keras 3 are those of the four steps (see their Notes: RandomContrast's
    scalar factor as documented, RandomSaturation's clip to ``[0, 1]``, integer images
    returned in their dtype). Keras seeds the four sub-layers identically and they share one
    seed stream; ``random_state`` follows scikit-learn. RGB (3-channel) images are required
    when ``saturation_factor`` or ``hue_factor`` is given; brightness and contrast alone
    accept any channel count, as in Keras.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep.image import RandomColorJitter
    >>> images = np.random.default_rng(0).uniform(0, 255, (4, 8, 8, 3)).astype(np.float32)
    >>> jitter = RandomColorJitter(
    ...     brightness_factor=0.2, contrast_factor=0.3, saturation_factor=(0.3, 0.7),
    ...     hue_factor=0.1, random_state=0)
    >>> out = jitter.fit_transform(images)
    >>> out.shape, out.dtype, float(out.min()) >= 0, float(out.max()) <= 255
    ((4, 8, 8, 3), dtype('float32'), True, True)
    """

    _parameter_constraints = {
        **BaseImageAugmentation._image_constraints,
        "value_range": "no_validation",
        "brightness_factor": "no_validation",  # each checked by its step's rules
        "contrast_factor": "no_validation",
        "saturation_factor": "no_validation",
        "hue_factor": "no_validation",
        "random_state": RANDOM_STATE_CONSTRAINT,
    }

    def __init__(
        self,
        value_range=(0, 255),
        brightness_factor=None,
        contrast_factor=None,
        saturation_factor=None,
        hue_factor=None,
        *,
        random_state=None,
        data_format=None,
    ):
        self.value_range = value_range
        self.brightness_factor = brightness_factor
        self.contrast_factor = contrast_factor
        self.saturation_factor = saturation_factor
        self.hue_factor = hue_factor
        self.random_state = random_state
        self.data_format = data_format

    def _steps(self):
        """The enabled steps as ``(parameter key, factor name, factor)``, in application order."""
        return [
            (key, name, getattr(self, name))
            for key, name in _STEPS
            if getattr(self, name) is not None
        ]

    def _needs_rgb(self):
        return self.saturation_factor is not None or self.hue_factor is not None

    def _check_params(self):
        check_value_range(self.value_range)
        for key, name, factor in self._steps():
            _STEP_RULES[key][0](factor, name)

    def _sample_params(self, n_images, height, width, rng):
        value_range = check_value_range(self.value_range)
        params = {}
        for key, name, factor in self._steps():
            parse, draw, _ = _STEP_RULES[key]
            params[key] = draw(rng, n_images, parse(factor, name), value_range)
        return params

    def _apply(self, images, params):
        value_range = check_value_range(self.value_range)
        out = images.astype(np.float32, copy=False)
        for key, _, _ in self._steps():
            if key in params:
                out = _STEP_RULES[key][2](out, params[key], value_range)
        if out is images:
            out = out.copy()
        return keep_dtype(out, images.dtype)


#: RandomColorJitter's steps in order: parameter key and the factor argument it comes from.
_STEPS = (
    ("brightness_delta", "brightness_factor"),
    ("contrast_factor", "contrast_factor"),
    ("saturation_multiplier", "saturation_factor"),
    ("hue_delta", "hue_factor"),
)

#: Each step's factor rule, draw rule and kernel: the rules of RandomBrightness,
#: RandomContrast, RandomSaturation and RandomHue.
_STEP_RULES = {
    "brightness_delta": (
        parse_factor,
        brightness_deltas,
        lambda x, delta, value_range: adjust_brightness(x, delta, value_range),
    ),
    "contrast_factor": (
        contrast_range,
        lambda rng, n, factor_range, _: contrast_factors(rng, n, factor_range),
        lambda x, factor, value_range: adjust_contrast(x, factor, value_range),
    ),
    "saturation_multiplier": (
        unit_range,
        lambda rng, n, factor_range, _: saturation_multipliers(rng, n, factor_range),
        lambda x, multiplier, _: adjust_saturation(x, multiplier, saturation_range=(0.0, 1.0)),
    ),
    "hue_delta": (
        unit_range,
        lambda rng, n, factor_range, _: hue_deltas(rng, n, factor_range),
        lambda x, delta, value_range: adjust_hue(x, delta, value_range=value_range),
    ),
}
