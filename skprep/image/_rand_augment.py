"""RandAugment and AugMix: random policies over the operations of
:mod:`skprep.image._policies` (shear, translation, rotation, brightness, colour
degeneration, contrast, sharpness, posterization, solarization, auto-contrast,
equalization), each run by the existing functional kernels."""

from __future__ import annotations

import textwrap
from numbers import Integral, Real

import numpy as np

from ..utils._sklearn_compat import Interval, StrOptions
from ._base import (
    RANDOM_STATE_CONSTRAINT,
    BaseImageAugmentation,
    check_value_range,
    parse_factor,
    to_float32,
)
from ._docstrings import fill_doc
from ._policies import (
    ALL_OPS,
    GEOMETRIC_AND_TONE_OPS,
    OpContext,
    apply_choices,
    draw_choices,
)
from .functional._affine import INTERPOLATIONS

__all__ = ["AugMix", "RandAugment"]

_F32 = np.float32

#: The policies' parameter blocks (``{specific}`` is each policy's own parameters).
_POLICY_BLOCKS = {
    "policy_parameters": """\
value_range : (float, float), default=(0, 255)
    Range of the pixel values; the colour operations clip to it.
{specific}
interpolation : {"bilinear", "nearest"}, default="bilinear"
    Interpolation of the geometric operations (which read outside the image by
    reflection, Keras's default).
{augmentation_parameters}""",
    "ops": """\
The operations and their magnitudes for ``factor = (lower, upper)`` (Keras's
sub-layers with that factor): shear ``U(lower, upper)`` on both axes with a random sign;
translation by ``U(lower, upper)`` of the height (down) and width (right); rotation by
``U(lower, upper)`` of a full turn (counter-clockwise); brightness ``+ U(lower, upper)``
of the value range; colour degeneration ``U(lower, upper)`` towards grey; contrast
factor ``U(1 - lower, 1 + upper)``; sharpness factor ``U(lower, upper)``; posterization
to ``{1, ..., max(1, int(8 upper))}`` bits; solarization with addition and threshold
``U(lower, upper) * 255``; auto-contrast; equalization.""",
    "contract": """\
Training-only: ``fit_transform`` is Keras's ``layer(X, training=True)`` and draws new
operations and magnitudes for every image on every call; ``transform`` is Keras's
``training=False`` and returns the input values unchanged as float32, as Keras does.
Input: a batch ``(n, height, width, channels)`` or one image, with 1 (grey) or 3 (RGB)
channels{channels}; output float32 in the same layout.""",
}


def _doc(text, specific, channels=""):
    # ``specific`` is written as it sits in the docstring (continuation lines indented by 4).
    specific = textwrap.dedent("    " + specific)
    return fill_doc(text, specific=specific, channels=channels, **_POLICY_BLOCKS)


class _Policy(BaseImageAugmentation):
    """Shared parts: factor, value range, channel check, inference (float32 cast)."""

    _policy_constraints = {
        **BaseImageAugmentation._image_constraints,
        "value_range": "no_validation",  # checked by check_value_range
        "factor": "no_validation",  # checked by parse_factor (Keras's message)
        "interpolation": [StrOptions(set(INTERPOLATIONS))],
        "random_state": RANDOM_STATE_CONSTRAINT,
    }

    def _ops(self) -> tuple:
        return ALL_OPS

    def _range(self):
        return parse_factor(self.factor, "factor", bounds=(0.0, 1.0), scalar="keras_base")

    def _check_params(self):
        self._range()
        check_value_range(self.value_range)

    def _context(self, height, width):
        lower, upper = self._range()
        return OpContext(
            lower, upper, check_value_range(self.value_range), self.interpolation, height, width
        )

    def _validate_input(self, X, reset: bool):
        batch = super()._validate_input(X, reset)
        if "random_color_degeneration" in self._ops() and batch.shape[-1] not in (1, 3):
            raise ValueError(
                f"{type(self).__name__} needs grey (1 channel) or RGB (3 channels) images for "
                f"its colour operations; got {batch.shape[-1]} channels (X of shape "
                f"{np.shape(X)}, data_format={self.data_format!r})."
            )
        return batch

    def _inference(self, images):
        # Keras casts to float32 before looking at `training`: values kept, dtype float32.
        return images.astype(_F32)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.transformer_tags.preserves_dtype = ["float32"]
        return tags


class RandAugment(_Policy):
    __doc__ = _doc(
        """Apply ``num_ops`` random operations to each image (Keras ``RandAugment``).

    For each image, ``num_ops`` times in a row, one of eleven operations is drawn uniformly
    (repeats allowed) and applied with a magnitude drawn from ``factor``.
    {ops}

    {contract}

    Parameters
    ----------
    {policy_parameters}

    See Also
    --------
    AugMix : Blends several random chains of the same operations with the original.

    Notes
    -----
    Each operation is the corresponding skprep layer's kernel with Keras's magnitude rule;
    at a fixed magnitude, each operation equals Keras's on the parity fixtures.
    Differences from Keras 3: Keras draws the ``num_ops`` operations once per batch (every
    image gets the same ones) and, when an operation is drawn twice, repeats its magnitudes;
    skprep draws operations and magnitudes per image and per step. Keras computes all eleven
    operations on the whole batch for every step and keeps one; skprep computes only the
    drawn one. Posterization keeps up to ``max(1, int(8 * upper))`` bits inclusive (Keras
    excludes that upper bound, as its ``RandomPosterization`` does); solarization scales both
    bounds of its draws by 255 and Equalization works per image, as the skprep layers do.
    On grey images the colour degeneration is the identity (Keras fails on them).

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import RandAugment
    >>> images = np.random.RandomState(0).uniform(0, 255, (4, 16, 16, 3))
    >>> augment = RandAugment(num_ops=2, factor=0.3, random_state=0)
    >>> out = augment.fit_transform(images)
    >>> out.shape, out.dtype
    ((4, 16, 16, 3), dtype('float32'))
    >>> bool(np.array_equal(out, augment.fit_transform(images)))  # an int seed reproduces
    True
    """,
        """num_ops : int, default=2
        Number of operations applied to each image, one after the other.
    factor : float or (float, float), default=0.5
        Magnitude range in ``[0, 1]``: a scalar ``f`` means ``(0, f)``, a pair
        ``(lower, upper)``. The magnitudes of every operation are drawn from it.""",
    )

    _parameter_constraints = {
        **_Policy._policy_constraints,
        "num_ops": [Interval(Integral, 0, None, closed="left")],
    }

    def __init__(
        self,
        value_range=(0, 255),
        num_ops=2,
        factor=0.5,
        interpolation="bilinear",
        *,
        random_state=None,
        data_format=None,
    ):
        self.value_range = value_range
        self.num_ops = num_ops
        self.factor = factor
        self.interpolation = interpolation
        self.random_state = random_state
        self.data_format = data_format

    def _sample_params(self, n_images, height, width, rng):
        ctx = self._context(height, width)
        steps = []
        for _ in range(self.num_ops):
            choices = rng.integers(0, len(ALL_OPS), size=n_images)
            steps.append((choices, draw_choices(rng, choices, ALL_OPS, ctx)))
        return {"steps": steps}

    def _apply(self, images, params):
        _, h, w, _ = images.shape
        ctx = self._context(h, w)
        out = to_float32(images)
        for choices, drawn in params["steps"]:
            out = apply_choices(out, choices, drawn, ALL_OPS, ctx)
        return out if out is not images else out.copy()


class AugMix(_Policy):
    __doc__ = _doc(
        """Blend random chains of operations with the original image (Keras ``AugMix``).

    For each image: ``num_chains`` chains each apply ``d`` random operations in a row, with
    ``d`` drawn uniformly from ``{0, ..., chain_depth}`` and each operation drawn uniformly
    with a magnitude from ``factor``; the chains are averaged with Dirichlet(``alpha``)
    weights, and the result is blended with the original image by ``m ~ Beta(alpha,
    alpha)``: ``m * x + (1 - m) * mix``, clipped to ``value_range``.
    {ops}
    With ``all_ops=False`` only shear, translation, rotation, posterization, solarization,
    auto-contrast and equalization are used.

    {contract}

    Parameters
    ----------
    {policy_parameters}

    See Also
    --------
    RandAugment : A random sequence of the same operations.

    Notes
    -----
    Each operation is the corresponding skprep layer's kernel with Keras's magnitude rule;
    with the same chains, operations, numbers and weights, the output equals Keras's on the
    parity fixtures. Differences from Keras 3: Keras draws the chains, the Dirichlet weights and the blend
    weight once per batch (every image gets the same ones), and picks each chain's
    operations with Python's global ``random`` module (not seeded by ``seed``) from the
    operations plus "none" at every depth, so a chain's length is not uniform as documented;
    skprep draws everything per image from ``random_state`` and draws the length uniformly
    from ``{0, ..., chain_depth}``, as documented. Posterization, solarization and
    equalization follow the skprep layers (see :class:`RandAugment`); on grey images the
    colour degeneration is the identity.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import AugMix
    >>> images = np.random.RandomState(0).uniform(0, 255, (4, 16, 16, 3))
    >>> out = AugMix(random_state=0).fit_transform(images)
    >>> out.shape, out.dtype, bool(out.min() >= 0 and out.max() <= 255)
    ((4, 16, 16, 3), dtype('float32'), True)
    """,
        """num_chains : int, default=3
        Number of chains mixed (at least 1).
    chain_depth : int, default=3
        Largest number of operations in a chain; each chain's length is drawn from
        ``{0, ..., chain_depth}``.
    factor : float or (float, float), default=0.3
        Magnitude range in ``[0, 1]``: a scalar ``f`` means ``(0, f)``, a pair
        ``(lower, upper)``.
    alpha : float, default=1.0
        Concentration of the Dirichlet chain weights and of the Beta blend weight (> 0).
    all_ops : bool, default=True
        Use all eleven operations; False leaves out brightness, colour degeneration,
        contrast and sharpness.""",
        channels=" (any number with ``all_ops=False``)",
    )

    _parameter_constraints = {
        **_Policy._policy_constraints,
        "num_chains": [Interval(Integral, 1, None, closed="left")],
        "chain_depth": [Interval(Integral, 0, None, closed="left")],
        "alpha": [Interval(Real, 0, None, closed="neither")],
        "all_ops": ["boolean"],
    }

    def __init__(
        self,
        value_range=(0, 255),
        num_chains=3,
        chain_depth=3,
        factor=0.3,
        alpha=1.0,
        all_ops=True,
        interpolation="bilinear",
        *,
        random_state=None,
        data_format=None,
    ):
        self.value_range = value_range
        self.num_chains = num_chains
        self.chain_depth = chain_depth
        self.factor = factor
        self.alpha = alpha
        self.all_ops = all_ops
        self.interpolation = interpolation
        self.random_state = random_state
        self.data_format = data_format

    def _ops(self):
        return ALL_OPS if self.all_ops else GEOMETRIC_AND_TONE_OPS

    def _sample_params(self, n_images, height, width, rng):
        ctx = self._context(height, width)
        ops = self._ops()
        alpha = float(self.alpha)
        weights = rng.dirichlet([alpha] * self.num_chains, size=n_images)
        blend = rng.beta(alpha, alpha, size=n_images)
        chains = []
        for _ in range(self.num_chains):
            depth = rng.integers(0, self.chain_depth + 1, size=n_images)
            steps = []
            for step in range(self.chain_depth):
                choices = rng.integers(0, len(ops), size=n_images)
                choices[depth <= step] = -1  # this chain is already complete
                steps.append((choices, draw_choices(rng, choices, ops, ctx)))
            chains.append(steps)
        return {"weights": weights, "blend": blend, "chains": chains}

    def _apply(self, images, params):
        n, h, w, _ = images.shape
        ctx = self._context(h, w)
        ops = self._ops()
        x = to_float32(images)
        mixed = np.zeros(x.shape, dtype=_F32)
        weights = params["weights"].astype(_F32)
        for c, steps in enumerate(params["chains"]):
            chain = x
            for choices, drawn in steps:
                chain = apply_choices(chain, choices, drawn, ops, ctx)
            mixed += chain * weights[:, c].reshape(n, 1, 1, 1)
        m = params["blend"].astype(_F32).reshape(n, 1, 1, 1)
        out = m * x + (_F32(1) - m) * mixed
        low, high = ctx.value_range
        return np.clip(out, low, high, out=out)
