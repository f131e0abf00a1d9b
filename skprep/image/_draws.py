"""Draw rules of the random image layers, as plain functions of a generator.

Each rule ``rule(rng, n_images, ...)`` draws one layer's per-image numbers from a
:class:`numpy.random.Generator`, in Keras's order and arithmetic; it is the only code that
sees the generator. Layers call them in ``_sample_params``, and composite layers
(``RandomColorJitter``, ``RandAugment``, ``AugMix``) compose the same rules, so their draws
are exactly those of the layers called in turn with one generator. The factor rules
(``contrast_range``, ``unit_range``) turn a layer's ``factor`` argument into the range its
draw rule takes.
"""

from __future__ import annotations

import math

import numpy as np

from ._base import parse_factor

__all__ = [
    "apply_decisions",
    "brightness_deltas",
    "contrast_factors",
    "contrast_range",
    "hue_deltas",
    "rotation_angles",
    "saturation_multiplier",
    "saturation_multipliers",
    "shear_factors",
    "translation_shifts",
    "uniform_factors",
    "unit_range",
    "zoom_factors",
]

_F32 = np.float32

#: Keras's ``backend.epsilon()`` in ``f / (1 - f + epsilon)`` (RandomSaturation).
_EPSILON = np.float32(1e-7)


def _uniform32(rng, lower, upper, n):
    """``n`` float32 draws from ``U[lower, upper)`` (exactly ``lower`` when the range is 0)."""
    return rng.uniform(lower, upper, size=n).astype(_F32)


# Factor rules ------------------------------------------------------------------------------


def unit_range(factor, name="factor"):
    """Keras's documented reading of a colour factor in ``[0, 1]``: a scalar ``f`` is
    ``[0, f]``, a pair ``(lower, upper)`` itself (RandomSaturation, RandomHue,
    RandomColorDegeneration)."""
    return parse_factor(factor, name, bounds=(0.0, 1.0), scalar="keras_base")


def contrast_range(factor, name="factor"):
    """RandomContrast's ``(lower, upper)``: the factor is drawn from ``[1 - lower, 1 + upper]``;
    a scalar ``f`` gives ``(f, f)``."""
    lower, upper = parse_factor(factor, name, bounds=(0.0, np.inf))
    if np.ndim(factor) == 0:
        lower = upper  # scalar f -> [1 - f, 1 + f]
    if lower > 1:
        raise ValueError(
            f"The lower bound of `{name}` must be at most 1 (the contrast factor "
            f"1 - lower cannot be negative). Received: {name}={factor!r}"
        )
    return lower, upper


# Draw rules: (rng, n_images, ...) -> per-image arrays --------------------------------------


def apply_decisions(rng, n_images, factor):
    """Per-image apply decisions (bool) for a probability ``factor`` in ``[0, 1]``: a scalar
    ``p`` applies with probability ``p``; a pair draws each image's probability from
    ``U(lower, upper)`` first (Keras 3). RandomInvert, RandomGaussianBlur, RandomPerspective,
    RandomElasticTransform."""
    lower, upper = parse_factor(factor, "factor", bounds=(0.0, 1.0))
    if np.ndim(factor) == 0:
        p = np.full(n_images, upper)
    else:
        p = rng.uniform(lower, upper, size=n_images)
    return rng.uniform(size=n_images) < p


def uniform_factors(rng, n_images, factor_range):
    """``U(lower, upper)`` per image (float64), e.g. RandomColorDegeneration's blend."""
    return rng.uniform(factor_range[0], factor_range[1], size=n_images)


def brightness_deltas(rng, n_images, factor_range, value_range):
    """RandomBrightness's offsets: ``U(lower, upper) * (high - low)`` per image."""
    low, high = value_range
    return uniform_factors(rng, n_images, factor_range) * (high - low)


def contrast_factors(rng, n_images, factor_range):
    """RandomContrast's factors: ``U(1 - lower, 1 + upper)`` per image."""
    lower, upper = factor_range
    return rng.uniform(1.0 - lower, 1.0 + upper, size=n_images)


def saturation_multiplier(f) -> np.ndarray:
    """Keras's RandomSaturation multiplier ``f / (1 - f + 1e-7)`` in float32 (0.5 -> 1).

    Examples
    --------
    >>> saturation_multiplier([0.0, 0.5, 0.75])
    array([0.        , 0.99999976, 2.999999  ], dtype=float32)
    """
    f = np.asarray(f, dtype=np.float32)
    return f / (np.float32(1) - f + _EPSILON)


def saturation_multipliers(rng, n_images, factor_range):
    """RandomSaturation's multipliers: :func:`saturation_multiplier` of ``U(lower, upper)``."""
    return saturation_multiplier(uniform_factors(rng, n_images, factor_range))


def hue_deltas(rng, n_images, factor_range):
    """RandomHue's shifts: a sign (minus when ``u > 0.5``) times ``U(lower, upper)``, halved.
    Draw order: the ``n`` sign draws, then the ``n`` magnitudes."""
    sign = np.where(rng.uniform(size=n_images) > 0.5, -1.0, 1.0)
    return sign * uniform_factors(rng, n_images, factor_range) * 0.5


def translation_shifts(rng, n_images, height, width, height_range, width_range):
    """RandomTranslation's shifts: ``dx = U(width_range) * width`` columns and
    ``dy = U(height_range) * height`` rows per image (float32; rows drawn first)."""
    dy = _uniform32(rng, *height_range, n_images) * _F32(height)
    dx = _uniform32(rng, *width_range, n_images) * _F32(width)
    return dx, dy


def rotation_angles(rng, n_images, factor_range):
    """RandomRotation's angles in radians: ``U(lower, upper)`` turns, drawn in degrees in
    float32 and converted with a float32 ``pi / 180``, as Keras does."""
    lower, upper = factor_range
    degrees = _uniform32(rng, lower * 360.0, upper * 360.0, n_images)
    return degrees * _F32(math.pi / 180.0)


def zoom_factors(rng, n_images, height_range, width_range=None):
    """RandomZoom's zooms ``(zx, zy)``: ``zy = 1 + U(height_range)``, and ``zx = zy`` when
    ``width_range`` is None, else ``1 + U(width_range)`` drawn after (float32)."""
    zy = _uniform32(rng, 1.0 + height_range[0], 1.0 + height_range[1], n_images)
    if width_range is None:
        return zy, zy
    zx = _uniform32(rng, 1.0 + width_range[0], 1.0 + width_range[1], n_images)
    return zx, zy


def shear_factors(rng, n_images, x_range, y_range):
    """RandomShear's factors: ``U(x_range)`` and ``U(y_range)`` with one random sign shared by
    both (the ``n`` signs are drawn first)."""
    sign = np.where(rng.uniform(size=n_images) > 0.5, _F32(-1), _F32(1))
    sx = _uniform32(rng, *x_range, n_images) * sign
    sy = _uniform32(rng, *y_range, n_images) * sign
    return sx, sy
