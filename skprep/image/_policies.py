"""The operations of Keras's RandAugment and AugMix policies, as plain draw and apply rules.

Each operation is a pair of plain functions over an NHWC float32 batch: ``draw(rng, n, ctx)``
returns the per-image numbers (the only place that sees the random generator) and
``apply(images, params, ctx)`` runs the existing functional kernels with them. ``ctx``
(:class:`OpContext`) holds what Keras passes its sub-layers: the magnitude range
``factor = (lower, upper)``, ``value_range`` and ``interpolation``. The magnitudes are the
sub-layers' own rules for a ``factor`` pair, exactly as Keras builds them:

=============================  ==========================================================
``random_shear``               ``U(lower, upper)`` for both axes, one random sign
``random_translation``         ``U(lower, upper)`` of the height (down) and width (right)
``random_rotation``            ``U(lower, upper)`` of a full turn, counter-clockwise
``random_brightness``          ``U(lower, upper) * (high - low)`` added, clipped
``random_color_degeneration``  blend ``U(lower, upper)`` towards grey, clipped
``random_contrast``            contrast factor ``U(1 - lower, 1 + upper)``, clipped
``random_sharpness``           ``RandomSharpness`` factor ``U(lower, upper)``
``random_posterization``       bits from ``{1, ..., max(1, int(8 * upper))}``
``solarization``               addition and threshold ``U(lower, upper) * 255``
``auto_contrast``              deterministic
``equalization``               deterministic
=============================  ==========================================================

Geometric operations use Keras's default ``fill_mode="reflect"``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._draws import (
    brightness_deltas,
    contrast_factors,
    rotation_angles,
    shear_factors,
    translation_shifts,
    uniform_factors,
)
from .functional import (
    adjust_brightness,
    adjust_contrast,
    auto_contrast,
    degenerate_color,
    equalize,
    posterize,
    rotate,
    sharpen,
    shear,
    solarize,
    translate,
)

__all__ = ["ALL_OPS", "GEOMETRIC_AND_TONE_OPS", "OpContext", "apply_op", "draw_op"]

#: Keras's RandAugment operations, in its order.
ALL_OPS = (
    "random_shear",
    "random_translation",
    "random_rotation",
    "random_brightness",
    "random_color_degeneration",
    "random_contrast",
    "random_sharpness",
    "random_posterization",
    "solarization",
    "auto_contrast",
    "equalization",
)

#: Keras's AugMix operations with ``all_ops=False`` (no brightness, colour, contrast or
#: sharpness, which the AugMix paper leaves out to keep test-set corruptions unseen).
GEOMETRIC_AND_TONE_OPS = (
    "random_shear",
    "random_translation",
    "random_rotation",
    "random_posterization",
    "solarization",
    "auto_contrast",
    "equalization",
)


@dataclass(frozen=True)
class OpContext:
    """What every operation needs besides its drawn numbers."""

    lower: float
    upper: float
    value_range: tuple
    interpolation: str
    height: int
    width: int


def _uniform(rng, ctx, n):
    return uniform_factors(rng, n, (ctx.lower, ctx.upper))


def _warp(ctx):
    return {"interpolation": ctx.interpolation, "fill_mode": "reflect"}


# Draw rules: (rng, n_images, ctx) -> dict of per-image arrays --------------------------------


def _draw_shear(rng, n, ctx):
    sx, sy = shear_factors(rng, n, (ctx.lower, ctx.upper), (ctx.lower, ctx.upper))
    return {"sx": sx, "sy": sy}


def _draw_translation(rng, n, ctx):
    magnitude = (ctx.lower, ctx.upper)
    dx, dy = translation_shifts(rng, n, ctx.height, ctx.width, magnitude, magnitude)
    return {"dx": dx, "dy": dy}


def _draw_rotation(rng, n, ctx):
    return {"angle": rotation_angles(rng, n, (ctx.lower, ctx.upper))}


def _draw_brightness(rng, n, ctx):
    return {"delta": brightness_deltas(rng, n, (ctx.lower, ctx.upper), ctx.value_range)}


def _draw_factor(rng, n, ctx):
    return {"factor": _uniform(rng, ctx, n)}


def _draw_contrast(rng, n, ctx):
    return {"factor": contrast_factors(rng, n, (ctx.lower, ctx.upper))}


def _draw_bits(rng, n, ctx):
    return {"bits": rng.integers(1, max(1, int(8 * ctx.upper)) + 1, size=n)}


def _draw_solarization(rng, n, ctx):
    return {"addition": _uniform(rng, ctx, n) * 255.0, "threshold": _uniform(rng, ctx, n) * 255.0}


def _draw_nothing(rng, n, ctx):
    return {}


# Apply rules: (images, params, ctx) -> images ----------------------------------------------


def _shear(x, p, ctx):
    return shear(x, p["sx"], p["sy"], **_warp(ctx))


def _translation(x, p, ctx):
    return translate(x, p["dx"], p["dy"], **_warp(ctx))


def _rotation(x, p, ctx):
    return rotate(x, p["angle"], **_warp(ctx))


def _degenerate(x, p, ctx):
    if x.shape[-1] == 1:  # a grey image is its own greyscale version
        return x
    return degenerate_color(x, p["factor"], value_range=ctx.value_range)


_RULES = {
    "random_shear": (_draw_shear, _shear),
    "random_translation": (_draw_translation, _translation),
    "random_rotation": (_draw_rotation, _rotation),
    "random_brightness": (
        _draw_brightness,
        lambda x, p, ctx: adjust_brightness(x, p["delta"], ctx.value_range),
    ),
    "random_color_degeneration": (_draw_factor, _degenerate),
    "random_contrast": (
        _draw_contrast,
        lambda x, p, ctx: adjust_contrast(x, p["factor"], ctx.value_range),
    ),
    "random_sharpness": (_draw_factor, lambda x, p, ctx: sharpen(x, p["factor"], ctx.value_range)),
    "random_posterization": (
        _draw_bits,
        lambda x, p, ctx: posterize(x, p["bits"], ctx.value_range),
    ),
    "solarization": (
        _draw_solarization,
        lambda x, p, ctx: solarize(x, p["addition"], p["threshold"], ctx.value_range),
    ),
    "auto_contrast": (_draw_nothing, lambda x, p, ctx: auto_contrast(x, ctx.value_range)),
    "equalization": (_draw_nothing, lambda x, p, ctx: equalize(x, ctx.value_range)),
}


def draw_op(name: str, rng: np.random.Generator, n_images: int, ctx: OpContext) -> dict:
    """Draw operation ``name``'s numbers for ``n_images`` images (plain arrays)."""
    return _RULES[name][0](rng, n_images, ctx)


def apply_op(name: str, images: np.ndarray, params: dict, ctx: OpContext) -> np.ndarray:
    """Apply operation ``name`` with drawn ``params`` to an NHWC float32 batch."""
    return _RULES[name][1](images, params, ctx)


def apply_choices(images, choices, params, ops, ctx):
    """Apply, image by image, the operation ``ops[choices[i]]`` (``-1``: none) with the
    parameters ``params[j]`` drawn for the images that chose operation ``j``."""
    out = images.copy()
    for j, name in enumerate(ops):
        idx = np.flatnonzero(choices == j)
        if idx.size:
            out[idx] = apply_op(name, images[idx], params[j], ctx)
    return out


def draw_choices(rng, choices, ops, ctx):
    """Draw the parameters of every chosen operation: ``params[j]`` for the images whose
    choice is ``j`` (in image order); draws happen in operation order."""
    return [
        draw_op(name, rng, int(np.count_nonzero(choices == j)), ctx) for j, name in enumerate(ops)
    ]
