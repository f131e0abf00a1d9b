"""Random geometric augmentations: RandomTranslation, RandomRotation, RandomZoom.

Each layer draws its numbers per image in ``_sample_params`` (the only place that sees the
random generator), turns them into Keras's 8-parameter transforms with the pure builders
below (in Keras's float32 arithmetic), and warps with
:func:`skprep.image.functional.affine_transform`.
"""

from __future__ import annotations

import math
from numbers import Real

import numpy as np

from ..utils._sklearn_compat import StrOptions
from ._base import RANDOM_STATE_CONSTRAINT, BaseImageAugmentation, parse_factor
from .functional._affine import FILL_MODES, INTERPOLATIONS, _affine_float32

__all__ = [
    "RandomRotation",
    "RandomShear",
    "RandomTranslation",
    "RandomZoom",
    "rotation_transform",
    "shear_transform",
    "translation_transform",
    "zoom_transform",
]

_F32 = np.float32


def translation_transform(dx, dy):
    """Transforms shifting images by ``dx`` columns (right) and ``dy`` rows (down).

    Parameters
    ----------
    dx, dy : array-like of shape (n,)
        Shifts in pixels (floats; positive = right / down).

    Returns
    -------
    ndarray of shape (n, 8), float32
        ``[1, 0, -dx, 0, 1, -dy, 0, 0]`` per image.

    Examples
    --------
    >>> translation_transform([2.0], [-1.5])
    array([[ 1. ,  0. , -2. ,  0. ,  1. ,  1.5,  0. ,  0. ]], dtype=float32)
    """
    dx = np.asarray(dx, dtype=_F32)
    dy = np.asarray(dy, dtype=_F32)
    t = np.zeros((dx.shape[0], 8), dtype=_F32)
    t[:, 0] = t[:, 4] = 1
    t[:, 2] = -dx
    t[:, 5] = -dy
    return t


def rotation_transform(angles, height, width):
    """Transforms rotating images by ``angles`` (radians) about the pixel-grid centre.

    Positive angles turn the content counter-clockwise on screen (rows grow downwards). The
    centre is ``((width - 1) / 2, (height - 1) / 2)``; computed in float32 in Keras's order.

    Parameters
    ----------
    angles : array-like of shape (n,)
    height, width : int

    Returns
    -------
    ndarray of shape (n, 8), float32

    Examples
    --------
    A quarter turn of a 3 x 5 image (centre (2, 1)): output ``(x, y)`` reads input
    ``(3 - y, x - 1)``.

    >>> rotation_transform([np.pi / 2], 3, 5).round(4) + 0.0
    array([[ 0., -1.,  3.,  1.,  0., -1.,  0.,  0.]], dtype=float32)
    """
    angles = np.asarray(angles, dtype=_F32)
    # cos and sin correctly rounded to float32 (computed in float64).
    cos = np.cos(angles.astype(np.float64)).astype(_F32)
    sin = np.sin(angles.astype(np.float64)).astype(_F32)
    cx = _F32(0.5) * (_F32(width) - _F32(1))
    cy = _F32(0.5) * (_F32(height) - _F32(1))
    t = np.zeros((angles.shape[0], 8), dtype=_F32)
    t[:, 0] = cos
    t[:, 1] = -sin
    t[:, 2] = (cx - cx * cos) - cy * -sin
    t[:, 3] = sin
    t[:, 4] = cos
    t[:, 5] = (cy - cx * sin) - cy * cos
    return t


def zoom_transform(zx, zy, height, width):
    """Transforms zooming images by ``zx`` (columns) and ``zy`` (rows) about the centre.

    A zoom above 1 samples a wider window (content shrinks, "zoom out"); below 1 it zooms in.

    Parameters
    ----------
    zx, zy : array-like of shape (n,)
    height, width : int

    Returns
    -------
    ndarray of shape (n, 8), float32
        ``[zx, 0, (width - 1) / 2 * (1 - zx), 0, zy, (height - 1) / 2 * (1 - zy), 0, 0]``.

    Examples
    --------
    >>> zoom_transform([2.0], [0.5], 5, 3)
    array([[ 2. ,  0. , -1. ,  0. ,  0.5,  1. ,  0. ,  0. ]], dtype=float32)
    """
    zx = np.asarray(zx, dtype=_F32)
    zy = np.asarray(zy, dtype=_F32)
    t = np.zeros((zx.shape[0], 8), dtype=_F32)
    t[:, 0] = zx
    t[:, 2] = ((_F32(width) - _F32(1)) / _F32(2)) * (_F32(1) - zx)
    t[:, 4] = zy
    t[:, 5] = ((_F32(height) - _F32(1)) / _F32(2)) * (_F32(1) - zy)
    return t


def shear_transform(sx, sy):
    """Keras ``RandomShear``'s transforms: output ``(x, y)`` reads input ``(x + sx y, sy x + y)``.

    The shear is about the image's top-left corner (the origin), as in Keras.

    Parameters
    ----------
    sx, sy : array-like of shape (n,)
        Horizontal and vertical shear factors.

    Returns
    -------
    ndarray of shape (n, 8), float32
        ``[1, sx, 0, sy, 1, 0, 0, 0]`` per image.

    Examples
    --------
    >>> shear_transform([0.5], [-0.25])
    array([[ 1.  ,  0.5 ,  0.  , -0.25,  1.  ,  0.  ,  0.  ,  0.  ]], dtype=float32)
    """
    sx = np.asarray(sx, dtype=_F32)
    sy = np.asarray(sy, dtype=_F32)
    t = np.zeros((sx.shape[0], 8), dtype=_F32)
    t[:, 0] = t[:, 4] = 1
    t[:, 1] = sx
    t[:, 3] = sy
    return t


def _uniform32(rng, lower, upper, n):
    """``n`` float32 draws from ``U[lower, upper)`` (exactly ``lower`` when the range is 0)."""
    return rng.uniform(lower, upper, size=n).astype(_F32)


def translation_shifts(rng, n_images, height, width, height_range, width_range):
    """Draw RandomTranslation's shifts: ``dx = U(width_range) * width`` columns and
    ``dy = U(height_range) * height`` rows per image (float32; rows drawn first)."""
    dy = _uniform32(rng, *height_range, n_images) * _F32(height)
    dx = _uniform32(rng, *width_range, n_images) * _F32(width)
    return dx, dy


def rotation_angles(rng, n_images, lower, upper):
    """Draw RandomRotation's angles in radians: ``U(lower, upper)`` turns, drawn in degrees in
    float32 and converted with a float32 ``pi / 180``, as Keras does."""
    degrees = _uniform32(rng, lower * 360.0, upper * 360.0, n_images)
    return degrees * _F32(math.pi / 180.0)


def shear_factors(rng, n_images, x_range, y_range):
    """Draw RandomShear's factors: ``U(x_range)`` and ``U(y_range)`` with one random sign
    shared by both (the ``n`` signs are drawn first)."""
    sign = np.where(rng.uniform(size=n_images) > 0.5, _F32(-1), _F32(1))
    sx = _uniform32(rng, *x_range, n_images) * sign
    sy = _uniform32(rng, *y_range, n_images) * sign
    return sx, sy


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

    def _transforms(self, params: dict, height: int, width: int) -> np.ndarray:
        raise NotImplementedError  # pragma: no cover - abstract

    def _apply(self, images, params):
        _, h, w, _ = images.shape
        # float32 out whatever the input dtype (Keras casts first); uint8 is read as it is.
        out, _ = _affine_float32(
            images,
            self._transforms(params, h, w),
            self.interpolation,
            self.fill_mode,
            self.fill_value,
        )
        return out

    def _inference(self, images):
        # Keras casts to float32 before looking at `training`: values kept, dtype float32.
        return images.astype(np.float32)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.transformer_tags.preserves_dtype = ["float32"]
        return tags


_SHARED_PARAMETERS = """fill_mode : {"reflect", "wrap", "constant", "nearest"}, default="reflect"
        How points outside the image are read, for a row ``a b c d``: ``"reflect"``
        ``d c b a | a b c d | d c b a``; ``"wrap"`` ``a b c d | a b c d | a b c d``;
        ``"constant"`` ``k k k k | a b c d | k k k k`` with ``k = fill_value``;
        ``"nearest"`` ``a a a a | a b c d | d d d d``. Border handling equals Keras's
        TensorFlow backend.
    interpolation : {"bilinear", "nearest"}, default="bilinear"
    random_state : int, RandomState instance, Generator or None, default=None
        Replaces Keras's ``seed``. An int gives the same draws on every ``fit_transform``
        call; a ``RandomState`` or ``Generator`` advances between calls; None draws fresh
        entropy. (Keras's ``seed`` seeds a generator that advances between calls, so equal
        seeds give equal *first* calls only; Keras's bit streams cannot be reproduced.)
    fill_value : float, default=0.0
        Value read outside the image when ``fill_mode="constant"``.
    data_format : {"channels_last", "channels_first"} or None, default=None
        Layout of the images; None means ``"channels_last"``."""

_CONTRACT = """Training-only: ``fit_transform`` is Keras's ``layer(X, training=True)`` and draws new
    parameters for every image on every call; ``transform`` is Keras's ``training=False``
    (inference) and returns the input values unchanged as float32, as Keras does. So
    ``fit_transform(X)`` differs from ``fit(X).transform(X)`` by design, as with
    scikit-learn's ``TargetEncoder``. Input: a batch ``(n, height, width, channels)``
    (channels first with ``data_format``) or ``n`` single-channel images
    ``(n, height, width)``, integer or float; output float32 in the same layout. Unlike
    Keras, a rank-3 array is never one image: the first axis holds the samples, so pixels are
    never mixed across samples (pass one image as ``image[np.newaxis]``)."""


def _doc(text):
    return text.replace("{shared}", _SHARED_PARAMETERS).replace("{contract}", _CONTRACT)


class RandomTranslation(_AffineAugmentation):
    __doc__ = _doc(
        """Randomly shift images (Keras ``RandomTranslation``).

    Each image is shifted by ``dy = U(h_lo, h_hi) * height`` rows (down) and
    ``dx = U(w_lo, w_hi) * width`` columns (right), drawn independently per image; shifts are
    float pixels (not rounded), interpolated with ``interpolation``.

    {contract}

    Parameters
    ----------
    height_factor : float or (float, float)
        Vertical shift as a fraction of the height: a scalar ``f`` means ``(-|f|, |f|)``, a
        pair ``(lower, upper)``; every number in ``[-1, 1]``. Positive = down.
    width_factor : float or (float, float)
        Horizontal shift as a fraction of the width, as ``height_factor``. Positive = right.
    {shared}

    See Also
    --------
    skprep.image.functional.affine_transform : The warp (``[1, 0, -dx, 0, 1, -dy, 0, 0]``).

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

    def _transforms(self, params, height, width):
        return translation_transform(params["dx"], params["dy"])


class RandomRotation(_AffineAugmentation):
    __doc__ = _doc(
        """Randomly rotate images (Keras ``RandomRotation``).

    Each image is rotated by its own angle ``U(lower, upper) * 2 pi`` -- the factor is a
    fraction of a full turn -- about the pixel-grid centre ``((width - 1) / 2,
    (height - 1) / 2)``. Positive angles turn the content counter-clockwise on screen. The
    output keeps the input size; corners are filled per ``fill_mode``.

    {contract}

    Parameters
    ----------
    factor : float or (float, float)
        A scalar ``f`` means ``(-|f|, |f|)``; a pair ``(lower, upper)``. Every number in
        ``[-1, 1]`` (stricter than Keras 3, which accepts some out-of-range pairs and sorts
        reversed ones).
    {shared}

    See Also
    --------
    skprep.image.functional.affine_transform : The warp.

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
        return {"angle": rotation_angles(rng, n_images, lower, upper)}

    def _transforms(self, params, height, width):
        return rotation_transform(params["angle"], height, width)


class RandomZoom(_AffineAugmentation):
    __doc__ = _doc(
        """Randomly zoom images in or out (Keras ``RandomZoom``).

    Each image gets its own zoom ``1 + U(lower, upper)`` about the pixel-grid centre: a
    positive factor zooms **out** (the content shrinks), a negative one zooms in. With
    ``width_factor=None`` the same zoom applies to both axes (aspect ratio kept); otherwise
    the width zoom is drawn independently from ``width_factor``.

    {contract}

    Parameters
    ----------
    height_factor : float or (float, float)
        A scalar ``f`` means ``(-|f|, |f|)``; a pair ``(lower, upper)``; every number in
        ``(-1, 1]``.
    width_factor : float or (float, float) or None, default=None
        As ``height_factor`` for the width; None keeps the aspect ratio.
    {shared}

    See Also
    --------
    skprep.image.functional.affine_transform : The warp.

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
        (h_lo, h_hi), width_range = self._factors()
        zy = _uniform32(rng, 1.0 + h_lo, 1.0 + h_hi, n_images)
        if width_range is None:
            zx = zy
        else:
            zx = _uniform32(rng, 1.0 + width_range[0], 1.0 + width_range[1], n_images)
        return {"zx": zx, "zy": zy}

    def _transforms(self, params, height, width):
        return zoom_transform(params["zx"], params["zy"], height, width)


class RandomShear(_AffineAugmentation):
    __doc__ = _doc(
        """Randomly shear images (Keras ``RandomShear``).

    Each image draws ``sx = U(x_lo, x_hi)``, ``sy = U(y_lo, y_hi)`` and one random sign for
    both; output pixel ``(x, y)`` reads the input at ``(x + sx y, sy x + y)`` (a shear about
    the top-left corner, as Keras), interpolated with ``interpolation``.

    {contract}

    Parameters
    ----------
    x_factor : float or (float, float), default=0.0
        Horizontal shear: a scalar ``f`` means ``(-f, f)``, a pair ``(lower, upper)``; every
        number in ``[0, 1]``. The drawn value's sign is then flipped with probability 1/2.
    y_factor : float or (float, float), default=0.0
        Vertical shear, as ``x_factor`` (with the same random sign).
    {shared}

    See Also
    --------
    skprep.image.functional.affine_transform : The warp (``[1, sx, 0, sy, 1, 0, 0, 0]``).

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

    def _transforms(self, params, height, width):
        return shear_transform(params["sx"], params["sy"])
