"""Geometric warps by meaning: rotate, translate, zoom and shear image batches.

Each function builds Keras's 8-parameter transforms with the pure builders below (in Keras's
float32 arithmetic) and warps with :func:`affine_transform`; the builders are public for
callers who compose their own matrices. The estimators ``RandomRotation``,
``RandomTranslation``, ``RandomZoom`` and ``RandomShear`` draw the numbers and call these.
"""

from __future__ import annotations

import numpy as np

from ._affine import _affine_float32, _cast_like
from ._args import per_image

__all__ = [
    "rotate",
    "rotation_transform",
    "shear",
    "shear_transform",
    "translate",
    "translation_transform",
    "zoom",
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


def _warp(images, build, values, names, interpolation, fill_mode, fill_value, dtype):
    """Warp ``images`` (a batch or one image) by ``build(*per_image_values, height, width)``."""
    images = np.asarray(images)
    if images.ndim not in (3, 4):
        raise ValueError(
            "`images` must have rank 3 (height, width, channels) or 4 (n_images, height, "
            f"width, channels); got shape {images.shape}."
        )
    n = 1 if images.ndim == 3 else images.shape[0]
    height, width = images.shape[-3], images.shape[-2]
    values = [per_image(v, n, name).reshape(n) for v, name in zip(values, names)]
    transforms = build(*values, height, width)
    out, single = _affine_float32(images, transforms, interpolation, fill_mode, fill_value)
    out = _cast_like(out, images.dtype if dtype is None else np.dtype(dtype))
    return out[0] if single else out


_WARP_PARAMETERS = """interpolation : {"bilinear", "nearest"}, default="bilinear"
        How the input is sampled.
    fill_mode : {"reflect", "wrap", "constant", "nearest"}, default="reflect"
        How points outside the image are read (see :func:`affine_transform`).
    fill_value : float, default=0.0
        Value read outside the image when ``fill_mode="constant"``.
    dtype : numpy dtype or None, default=None
        Output dtype; None keeps the input's (integers truncated toward zero, as in
        TensorFlow). ``np.float32`` returns the unrounded values, as the Keras layers do."""


def _doc(func):
    func.__doc__ = func.__doc__.replace("{warp_parameters}", _WARP_PARAMETERS)
    return func


@_doc
def rotate(
    images, angle, *, interpolation="bilinear", fill_mode="reflect", fill_value=0.0, dtype=None
):
    """Rotate images by ``angle`` radians about the pixel-grid centre.

    Positive angles turn the content counter-clockwise on screen (rows grow downwards), as
    Keras's ``RandomRotation``; the output keeps the input's size.

    Parameters
    ----------
    images : array-like of shape (n_images, height, width, channels) or (height, width, channels)
        Channels-last images (a batch, or one image).
    angle : float or array-like of shape (n_images,)
        Angle in radians, one for all images or one per image.
    {warp_parameters}

    Returns
    -------
    ndarray
        The rotated images, shaped as ``images``.

    See Also
    --------
    rotation_transform : The transforms, for composing your own.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep.image.functional import rotate
    >>> image = np.arange(9.0).reshape(3, 3, 1)
    >>> rotate(image, np.pi / 2, interpolation="nearest")[:, :, 0]
    array([[2., 5., 8.],
           [1., 4., 7.],
           [0., 3., 6.]])
    """

    def build(a, height, width):
        return rotation_transform(a, height, width)

    return _warp(images, build, [angle], ["angle"], interpolation, fill_mode, fill_value, dtype)


@_doc
def translate(
    images, dx, dy, *, interpolation="bilinear", fill_mode="reflect", fill_value=0.0, dtype=None
):
    """Shift images ``dx`` columns right and ``dy`` rows down (float pixels, interpolated).

    Parameters
    ----------
    images : array-like of shape (n_images, height, width, channels) or (height, width, channels)
        Channels-last images (a batch, or one image).
    dx, dy : float or array-like of shape (n_images,)
        Shifts in pixels, one for all images or one per image (positive = right / down).
    {warp_parameters}

    Returns
    -------
    ndarray
        The shifted images, shaped as ``images``.

    See Also
    --------
    translation_transform : The transforms, for composing your own.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep.image.functional import translate
    >>> row = np.arange(1.0, 7.0).reshape(1, 6, 1)
    >>> translate(row, 2, 0, fill_mode="constant").ravel()
    array([0., 0., 1., 2., 3., 4.])
    """

    def build(x, y, height, width):
        return translation_transform(x, y)

    return _warp(images, build, [dx, dy], ["dx", "dy"], interpolation, fill_mode, fill_value, dtype)


@_doc
def zoom(
    images,
    zx,
    zy=None,
    *,
    interpolation="bilinear",
    fill_mode="reflect",
    fill_value=0.0,
    dtype=None,
):
    """Zoom images about their centre by ``zx`` (columns) and ``zy`` (rows).

    A zoom above 1 samples a wider window (the content shrinks, "zoom out"); below 1 it
    zooms in, as Keras's ``RandomZoom`` with factor ``z - 1``.

    Parameters
    ----------
    images : array-like of shape (n_images, height, width, channels) or (height, width, channels)
        Channels-last images (a batch, or one image).
    zx : float or array-like of shape (n_images,)
        Horizontal zoom, one for all images or one per image.
    zy : float, array-like of shape (n_images,) or None, default=None
        Vertical zoom; None uses ``zx`` (aspect ratio kept).
    {warp_parameters}

    Returns
    -------
    ndarray
        The zoomed images, shaped as ``images``.

    See Also
    --------
    zoom_transform : The transforms, for composing your own.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep.image.functional import zoom
    >>> ramp = np.arange(1.0, 7.0).reshape(1, 6, 1)
    >>> zoom(ramp, 1.5, 1.0, interpolation="nearest", fill_mode="constant", fill_value=-1).ravel()
    array([-1.,  1.,  3.,  4.,  6., -1.])
    """
    zy = zx if zy is None else zy

    def build(x, y, height, width):
        return zoom_transform(x, y, height, width)

    return _warp(images, build, [zx, zy], ["zx", "zy"], interpolation, fill_mode, fill_value, dtype)


@_doc
def shear(
    images, sx, sy, *, interpolation="bilinear", fill_mode="reflect", fill_value=0.0, dtype=None
):
    """Shear images about their top-left corner: output ``(x, y)`` reads input
    ``(x + sx y, sy x + y)``, as Keras's ``RandomShear``.

    Parameters
    ----------
    images : array-like of shape (n_images, height, width, channels) or (height, width, channels)
        Channels-last images (a batch, or one image).
    sx, sy : float or array-like of shape (n_images,)
        Horizontal and vertical shear factors, one for all images or one per image.
    {warp_parameters}

    Returns
    -------
    ndarray
        The sheared images, shaped as ``images``.

    See Also
    --------
    shear_transform : The transforms, for composing your own.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep.image.functional import shear
    >>> image = np.arange(9.0).reshape(3, 3, 1)
    >>> shear(image, 1.0, 0.0, interpolation="nearest", fill_mode="constant")[:, :, 0]
    array([[0., 1., 2.],
           [4., 5., 0.],
           [8., 0., 0.]])
    """

    def build(x, y, height, width):
        return shear_transform(x, y)

    return _warp(images, build, [sx, sy], ["sx", "sy"], interpolation, fill_mode, fill_value, dtype)
