"""Random geometric augmentations: RandomTranslation, RandomRotation, RandomZoom, RandomShear.

Each layer draws its numbers per image in ``_sample_params`` (the only place that sees the
random generator) with the draw rules of :mod:`skprep.image._draws`, and warps with the
functional kernel of the same meaning (:func:`skprep.image.functional.translate`,
``rotate``, ``zoom``, ``shear``).
"""

from __future__ import annotations

from numbers import Real

import numpy as np

from ..utils._sklearn_compat import StrOptions
from ._base import RANDOM_STATE_CONSTRAINT, BaseImageAugmentation, parse_factor
from ._docstrings import fill_doc
from ._draws import rotation_angles, shear_factors, translation_shifts, zoom_factors
from .functional._affine import FILL_MODES, INTERPOLATIONS
from .functional._geometry import rotate, shear, translate, zoom

__all__ = ["RandomRotation", "RandomShear", "RandomTranslation", "RandomZoom"]

_F32 = np.float32


_FACTOR = [Real, tuple, list, np.ndarray]


class _AffineAugmentation(BaseImageAugmentation):
    """Shared parameters and application of the affine augmentations."""

    _affine_constraints = {
        **BaseImageAugmentation._image_constraints,
        "fill_mode": [StrOptions(set(FILL_MODES))],
        "interpolation": [StrOptions(set(INTERPOLATIONS))],
        "fill_value": [Real],
        "random_state": RANDOM_STATE_CONSTRAINT,
    }

    def _warp(self, images, params: dict, **options) -> np.ndarray:
        raise NotImplementedError  # pragma: no cover - abstract

    def _apply(self, images, params):
        # float32 out whatever the input dtype (Keras casts first); uint8 is read as it is.
        return self._warp(
            images,
            params,
            interpolation=self.interpolation,
            fill_mode=self.fill_mode,
            fill_value=self.fill_value,
            dtype=np.float32,
        )

    def _inference(self, images):
        # Keras casts to float32 before looking at `training`: values kept, dtype float32.
        return images.astype(np.float32)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.transformer_tags.preserves_dtype = ["float32"]
        return tags


class RandomTranslation(_AffineAugmentation):
    __doc__ = fill_doc(
        """Randomly shift images (Keras ``RandomTranslation``).

    Each image is shifted by ``dy = U(h_lo, h_hi) * height`` rows (down) and
    ``dx = U(w_lo, w_hi) * width`` columns (right), drawn independently per image; shifts are
    float pixels (not rounded), interpolated with ``interpolation``.

    {affine_contract}

    Parameters
    ----------
    height_factor : float or (float, float)
        Vertical shift as a fraction of the height: a scalar ``f`` means ``(-|f|, |f|)``, a
        pair ``(lower, upper)``; every number in ``[-1, 1]``. Positive = down.
    width_factor : float or (float, float)
        Horizontal shift as a fraction of the width, as ``height_factor``. Positive = right.
    {affine_parameters}

    See Also
    --------
    skprep.image.functional.translate : The warp, with explicit shifts.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep.image import RandomTranslation
    >>> images = np.arange(24, dtype=np.uint8).reshape(1, 4, 6, 1)
    >>> shift = RandomTranslation((0.0, 0.0), (0.5, 0.5), fill_mode="constant")
    >>> shift.fit_transform(images)[0, :, :, 0]
    array([[ 0.,  0.,  0.,  0.,  1.,  2.],
           [ 0.,  0.,  0.,  6.,  7.,  8.],
           [ 0.,  0.,  0., 12., 13., 14.],
           [ 0.,  0.,  0., 18., 19., 20.]], dtype=float32)
    >>> shift.transform(images).dtype
    dtype('float32')
    """
    )

    _parameter_constraints = {
        **_AffineAugmentation._affine_constraints,
        "height_factor": _FACTOR,
        "width_factor": _FACTOR,
    }

    def __init__(
        self,
        height_factor,
        width_factor,
        *,
        fill_mode="reflect",
        interpolation="bilinear",
        random_state=None,
        fill_value=0.0,
        data_format=None,
    ):
        self.height_factor = height_factor
        self.width_factor = width_factor
        self.fill_mode = fill_mode
        self.interpolation = interpolation
        self.random_state = random_state
        self.fill_value = fill_value
        self.data_format = data_format

    def _check_params(self):
        parse_factor(self.height_factor, "height_factor")
        parse_factor(self.width_factor, "width_factor")

    def _sample_params(self, n_images, height, width, rng):
        height_range = parse_factor(self.height_factor, "height_factor")
        width_range = parse_factor(self.width_factor, "width_factor")
        dx, dy = translation_shifts(rng, n_images, height, width, height_range, width_range)
        return {"dx": dx, "dy": dy}

    def _warp(self, images, params, **options):
        return translate(images, params["dx"], params["dy"], **options)


class RandomRotation(_AffineAugmentation):
    __doc__ = fill_doc(
        """Randomly rotate images (Keras ``RandomRotation``).

    Each image is rotated by its own angle ``U(lower, upper) * 2 pi`` -- the factor is a
    fraction of a full turn -- about the pixel-grid centre ``((width - 1) / 2,
    (height - 1) / 2)``. Positive angles turn the content counter-clockwise on screen. The
    output keeps the input size; corners are filled per ``fill_mode``.

    {affine_contract}

    Parameters
    ----------
    factor : float or (float, float)
        A scalar ``f`` means ``(-|f|, |f|)``; a pair ``(lower, upper)``. Every number in
        ``[-1, 1]`` (stricter than Keras 3, which accepts some out-of-range pairs and sorts
        reversed ones).
    {affine_parameters}

    See Also
    --------
    skprep.image.functional.rotate : The warp, with explicit angles.

    Examples
    --------
    A quarter turn (the range has zero width, so the draw is certain):

    >>> import numpy as np
    >>> from skprep.image import RandomRotation
    >>> image = np.arange(9.0).reshape(1, 3, 3)  # one single-channel image
    >>> RandomRotation((0.25, 0.25), interpolation="nearest").fit_transform(image)[0]
    array([[2., 5., 8.],
           [1., 4., 7.],
           [0., 3., 6.]], dtype=float32)

    Random angles within +-10% of a turn, reproducible with an int ``random_state``:

    >>> images = np.random.RandomState(0).uniform(0, 255, size=(8, 32, 32, 3))
    >>> rotate = RandomRotation(0.1, random_state=0)
    >>> np.array_equal(rotate.fit_transform(images), rotate.fit_transform(images))
    True
    """
    )

    _parameter_constraints = {
        **_AffineAugmentation._affine_constraints,
        "factor": _FACTOR,
    }

    def __init__(
        self,
        factor,
        *,
        fill_mode="reflect",
        interpolation="bilinear",
        random_state=None,
        fill_value=0.0,
        data_format=None,
    ):
        self.factor = factor
        self.fill_mode = fill_mode
        self.interpolation = interpolation
        self.random_state = random_state
        self.fill_value = fill_value
        self.data_format = data_format

    def _check_params(self):
        parse_factor(self.factor, "factor")

    def _sample_params(self, n_images, height, width, rng):
        lower, upper = parse_factor(self.factor, "factor")
        return {"angle": rotation_angles(rng, n_images, (lower, upper))}

    def _warp(self, images, params, **options):
        return rotate(images, params["angle"], **options)


class RandomZoom(_AffineAugmentation):
    __doc__ = fill_doc(
        """Randomly zoom images in or out (Keras ``RandomZoom``).

    Each image gets its own zoom ``1 + U(lower, upper)`` about the pixel-grid centre: a
    positive factor zooms **out** (the content shrinks), a negative one zooms in. With
    ``width_factor=None`` the same zoom applies to both axes (aspect ratio kept); otherwise
    the width zoom is drawn independently from ``width_factor``.

    {affine_contract}

    Parameters
    ----------
    height_factor : float or (float, float)
        A scalar ``f`` means ``(-|f|, |f|)``; a pair ``(lower, upper)``; every number in
        ``(-1, 1]``.
    width_factor : float or (float, float) or None, default=None
        As ``height_factor`` for the width; None keeps the aspect ratio.
    {affine_parameters}

    See Also
    --------
    skprep.image.functional.zoom : The warp, with explicit zooms.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep.image import RandomZoom
    >>> ramp = np.arange(1.0, 7.0).reshape(1, 6, 1)
    >>> zoom_out = RandomZoom((0.5, 0.5), interpolation="nearest", fill_mode="constant",
    ...                       fill_value=-1)
    >>> zoom_out.fit_transform(ramp).ravel()
    array([-1.,  1.,  3.,  4.,  6., -1.], dtype=float32)
    """
    )

    _parameter_constraints = {
        **_AffineAugmentation._affine_constraints,
        "height_factor": _FACTOR,
        "width_factor": [*_FACTOR, None],
    }

    def __init__(
        self,
        height_factor,
        width_factor=None,
        *,
        fill_mode="reflect",
        interpolation="bilinear",
        random_state=None,
        fill_value=0.0,
        data_format=None,
    ):
        self.height_factor = height_factor
        self.width_factor = width_factor
        self.fill_mode = fill_mode
        self.interpolation = interpolation
        self.random_state = random_state
        self.fill_value = fill_value
        self.data_format = data_format

    def _factors(self):
        def parse(factor, name):
            return parse_factor(factor, name, include_lower=False)

        height = parse(self.height_factor, "height_factor")
        width = None if self.width_factor is None else parse(self.width_factor, "width_factor")
        return height, width

    def _check_params(self):
        self._factors()

    def _sample_params(self, n_images, height, width, rng):
        height_range, width_range = self._factors()
        zx, zy = zoom_factors(rng, n_images, height_range, width_range)
        return {"zx": zx, "zy": zy}

    def _warp(self, images, params, **options):
        return zoom(images, params["zx"], params["zy"], **options)


class RandomShear(_AffineAugmentation):
    __doc__ = fill_doc(
        """Randomly shear images (Keras ``RandomShear``).

    Each image draws ``sx = U(x_lo, x_hi)``, ``sy = U(y_lo, y_hi)`` and one random sign for
    both; output pixel ``(x, y)`` reads the input at ``(x + sx y, sy x + y)`` (a shear about
    the top-left corner, as Keras), interpolated with ``interpolation``.

    {affine_contract}

    Parameters
    ----------
    x_factor : float or (float, float), default=0.0
        Horizontal shear: a scalar ``f`` means ``(-f, f)``, a pair ``(lower, upper)``; every
        number in ``[0, 1]``. The drawn value's sign is then flipped with probability 1/2.
    y_factor : float or (float, float), default=0.0
        Vertical shear, as ``x_factor`` (with the same random sign).
    {affine_parameters}

    See Also
    --------
    skprep.image.functional.shear : The warp, with explicit factors.

    Notes
    -----
    Keras's draws and matrix; Keras 3 sorts a factor pair silently, skprep raises when
    ``lower > upper``. Keras's argument order (``interpolation`` before ``fill_mode``) is
    kept.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep.image import RandomShear
    >>> images = np.arange(12, dtype=np.float32).reshape(1, 3, 4, 1)
    >>> out = RandomShear(x_factor=(0.5, 0.5), random_state=0).fit_transform(images)
    >>> out.shape, out.dtype
    ((1, 3, 4, 1), dtype('float32'))
    """
    )

    _parameter_constraints = {
        **_AffineAugmentation._affine_constraints,
        "x_factor": _FACTOR,
        "y_factor": _FACTOR,
    }

    def __init__(
        self,
        x_factor=0.0,
        y_factor=0.0,
        interpolation="bilinear",
        fill_mode="reflect",
        fill_value=0.0,
        *,
        random_state=None,
        data_format=None,
    ):
        self.x_factor = x_factor
        self.y_factor = y_factor
        self.interpolation = interpolation
        self.fill_mode = fill_mode
        self.fill_value = fill_value
        self.random_state = random_state
        self.data_format = data_format

    def _ranges(self):
        return (
            parse_factor(self.x_factor, "x_factor", bounds=(0.0, 1.0)),
            parse_factor(self.y_factor, "y_factor", bounds=(0.0, 1.0)),
        )

    def _check_params(self):
        self._ranges()

    def _sample_params(self, n_images, height, width, rng):
        sx, sy = shear_factors(rng, n_images, *self._ranges())
        return {"sx": sx, "sy": sy}

    def _warp(self, images, params, **options):
        return shear(images, params["sx"], params["sy"], **options)
