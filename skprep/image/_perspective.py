"""RandomPerspective: random corner displacements, warped with the projective kernel
:func:`skprep.image.functional.perspective` (Keras's 8-parameter warp)."""

from __future__ import annotations

from numbers import Real

import numpy as np

from ..utils._sklearn_compat import StrOptions
from ._base import RANDOM_STATE_CONSTRAINT, BaseImageAugmentation, parse_factor, to_float32
from ._docstrings import fill_doc
from ._draws import apply_decisions
from ._geometry import _AffineAugmentation
from .functional._affine import INTERPOLATIONS
from .functional._perspective import perspective

__all__ = ["RandomPerspective", "perspective_corners"]

_F32 = np.float32


def perspective_corners(factors, height: int, width: int):
    """Keras's start and end corners for per-image displacement factors.

    The corners ``(0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1)`` (``(x, y)`` order) move
    to ``corner + corner * factor`` -- so the top-left corner stays, as in Keras.

    Parameters
    ----------
    factors : array-like of shape (n, 4, 2)
        Relative displacement of each corner's ``x`` and ``y``.
    height, width : int

    Returns
    -------
    start, end : ndarray of shape (n, 4, 2), float32

    Examples
    --------
    >>> start, end = perspective_corners(np.full((1, 4, 2), 0.1), 11, 21)
    >>> end[0]
    array([[ 0.,  0.],
           [22.,  0.],
           [ 0., 11.],
           [22., 11.]], dtype=float32)
    """
    factors = np.asarray(factors, dtype=_F32)
    corners = np.array(
        [[0, 0], [width - 1, 0], [0, height - 1], [width - 1, height - 1]], dtype=_F32
    )
    start = np.broadcast_to(corners, factors.shape).copy()
    return start, start + start * factors


class RandomPerspective(_AffineAugmentation):
    __doc__ = fill_doc(
        """Randomly distort the perspective of images (Keras ``RandomPerspective``).

    Each image is warped, with the probability given by ``factor``, by the homography that
    moves its corners ``(x, y)`` to ``(x (1 + u), y (1 + v))`` with every ``u, v`` drawn from
    ``U(-scale / 2, scale / 2)`` (so the top-left corner stays, as in Keras). Pixels that
    read from outside the image get ``fill_value``.

    {affine_contract}

    Parameters
    ----------
    factor : float or (float, float), default=1.0
        Probability of warping an image: a scalar ``p`` in ``[0, 1]`` warps with probability
        ``p`` (1.0 always, 0.0 never); a pair ``(lower, upper)`` draws each image's
        probability from ``U(lower, upper)``.
    scale : float, default=1.0
        Strength of the distortion, in ``[0, 1]``: the corners move by up to ``scale / 2``
        of their coordinates.
    interpolation : {"bilinear", "nearest"}, default="bilinear"
    fill_value : float, default=0.0
        Value of the pixels read from outside the image.
    random_state : int, RandomState instance, Generator or None, default=None
        Replaces Keras's ``seed``. An int gives the same draws on every ``fit_transform``
        call; a ``RandomState`` or ``Generator`` advances between calls; None draws fresh
        entropy.
    {data_format}

    See Also
    --------
    skprep.image.functional.perspective : The warp, with explicit corner points.
    skprep.image.functional.perspective_transform : The homography of four point pairs.

    Notes
    -----
    With the same corner displacements, outputs equal Keras's (TensorFlow backend) to
    float32 rounding: Keras solves the 8 x 8 system for the homography in float32, skprep in
    float64, so sample points can differ by about 1e-4 pixel. Differences from Keras 3:
    Keras turns a scalar ``factor=p`` into the probability range ``(0, p)``, so the default
    ``factor=1.0`` warps only about half of the images although it documents that 1.0
    "means the transformation is always applied"; skprep warps with probability ``p`` (as
    its ``RandomInvert`` and ``RandomGaussianBlur`` do). Images that are not warped are only
    cast to float32; Keras warps every image and then keeps the original where it was not
    drawn, which gives the same values.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import RandomPerspective
    >>> images = np.random.RandomState(0).uniform(0, 255, (4, 32, 32, 3))
    >>> warp = RandomPerspective(scale=0.3, random_state=0)
    >>> out = warp.fit_transform(images)
    >>> out.shape, out.dtype
    ((4, 32, 32, 3), dtype('float32'))
    >>> bool(np.array_equal(out, warp.fit_transform(images)))  # an int seed reproduces
    True
    >>> bool(np.array_equal(warp.transform(images), images.astype(np.float32)))  # inference
    True
    """
    )

    _parameter_constraints = {
        **BaseImageAugmentation._image_constraints,
        "factor": "no_validation",  # checked by parse_factor (Keras's message)
        "scale": [Real],
        "interpolation": [StrOptions(set(INTERPOLATIONS))],
        "fill_value": [Real],
        "random_state": RANDOM_STATE_CONSTRAINT,
    }

    def __init__(
        self,
        factor=1.0,
        scale=1.0,
        interpolation="bilinear",
        fill_value=0.0,
        *,
        random_state=None,
        data_format=None,
    ):
        self.factor = factor
        self.scale = scale
        self.interpolation = interpolation
        self.fill_value = fill_value
        self.random_state = random_state
        self.data_format = data_format

    def _check_params(self):
        parse_factor(self.factor, "factor", bounds=(0.0, 1.0))
        if not 0.0 <= self.scale <= 1.0:
            raise ValueError(
                "The `scale` argument should be a number in the range [0,1]. "
                f"Received: scale={self.scale}"
            )

    def _validate_input(self, X, reset: bool):
        batch = super()._validate_input(X, reset)
        _, h, w, _ = batch.shape
        if h < 2 or w < 2:
            raise ValueError(
                "RandomPerspective needs images of at least 2 x 2 pixels (a perspective moves "
                f"four distinct corners); got height={h}, width={w}."
            )
        return batch

    def _sample_params(self, n_images, height, width, rng):
        apply = apply_decisions(rng, n_images, self.factor)
        half = 0.5 * float(self.scale)
        factors = rng.uniform(-half, half, size=(n_images, 4, 2)).astype(_F32)
        return {"apply": apply, "factors": factors}

    def _apply(self, images, params):
        _, h, w, _ = images.shape
        apply = np.asarray(params["apply"], dtype=bool)
        x = to_float32(images)
        if apply.all():  # warp the whole batch in one call, no gathering of images
            start, end = perspective_corners(params["factors"], h, w)
            return self._warp(x, start, end)
        out = x.copy()
        idx = np.flatnonzero(apply)
        if idx.size:
            start, end = perspective_corners(params["factors"][idx], h, w)
            out[idx] = self._warp(out[idx], start, end)
        return out

    def _warp(self, images, start, end):
        return perspective(
            images, start, end, interpolation=self.interpolation, fill_value=self.fill_value
        )
