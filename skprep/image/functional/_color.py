"""Colour adjustments of NHWC batches: contrast and brightness, image by image."""

from __future__ import annotations

import numpy as np

from . import _ckernel
from ._args import per_image as _per_image
from ._parallel import map_batch

__all__ = ["adjust_brightness", "adjust_contrast"]


def adjust_contrast(images, factor, value_range=None) -> np.ndarray:
    """Scale each image's deviation from its per-channel mean (Keras ``RandomContrast``).

    ``out = (x - mean) * factor + mean``, where ``mean`` is taken over height and width for
    each image and channel, then clipped to ``value_range`` when given. Computed in float32.

    Parameters
    ----------
    images : ndarray of shape (n, h, w, c)
    factor : float or array-like of shape (n,)
        Contrast factor (1 = unchanged), one for the batch or one per image.
    value_range : (float, float) or None, default=None
        Clip the result to ``[low, high]``.

    Returns
    -------
    ndarray of float32 of shape (n, h, w, c)

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([0, 100, 200], dtype=np.float32).reshape(1, 1, 3, 1)
    >>> adjust_contrast(x, 1.5, value_range=(0, 255))[0, 0, :, 0]
    array([  0., 100., 250.], dtype=float32)
    """
    images = np.asarray(images)
    factor = _per_image(factor, images.shape[0], "factor")

    def run(x, f):
        x = x.astype(np.float32, copy=False)
        m, h, w, c = x.shape
        # Per-image, per-channel mean as one BLAS product (a ones vector times the pixels).
        mean = np.matmul(np.ones(h * w, np.float32), x.reshape(m, h * w, c)) / np.float32(h * w)
        # (x - mean) * f + mean, computed as x * f + mean * (1 - f) on rows of w * c values
        # (broadcasting a per-channel vector along a length-c inner axis is slow in NumPy).
        f = f.reshape(m, 1, 1)
        bias = np.tile(mean.reshape(m, 1, c) * (1 - f), (1, 1, w))
        out = x.reshape(m, h, w * c) * f
        out += bias
        if value_range is not None:
            np.clip(out, value_range[0], value_range[1], out=out)
        return out.reshape(m, h, w, c)

    return map_batch(run, images, factor)


def _contrast_uint8(images, factor, value_range=None):
    """:func:`adjust_contrast` of uint8 images cast back to uint8 (rounded half to even,
    saturated: the layer's cast), through per-image lookup tables; None when not applicable.

    A uint8 value has 256 possible values, so each image's ``(x * f + bias)`` -> clip -> cast
    is a 256-entry table per channel, computed with the same float32 operations as the
    batch path. The channel means are the same too: the float32 sums of at most 65793 uint8
    values are exact in any order, as are the integer sums used here.
    """
    images = np.asarray(images)
    if _ckernel.kernel is None or images.dtype != np.uint8 or images.ndim != 4:
        return None
    n, h, w, c = images.shape
    if h * w * 255 > 2**24 or c > 64:
        return None
    factor = np.ascontiguousarray(_per_image(factor, n, "factor").reshape(n))
    src = np.ascontiguousarray(images)
    out = np.empty_like(src)
    clip = value_range is not None
    low, high = (float(np.float32(v)) for v in value_range) if clip else (0.0, 0.0)

    def run(start, stop):
        _ckernel.kernel.contrast_u8(src, out, start, stop, h * w, c, factor, clip, low, high)

    _ckernel.run_images(run, n, h * w * c)
    return out


def _brightness_uint8(images, delta, value_range=None):
    """:func:`adjust_brightness` of uint8 images cast back to uint8, through per-image lookup
    tables (``float32(x) + delta``, clip, cast: the batch path's operations on each of the
    256 values); None when not applicable."""
    images = np.asarray(images)
    if _ckernel.kernel is None or images.dtype != np.uint8 or images.ndim != 4:
        return None
    n, _, _, c = images.shape
    if c > 64:
        return None
    delta = _per_image(delta, n, "delta").reshape(n, 1, 1)
    values = np.arange(256, dtype=np.float32).reshape(1, 1, 256)
    table = np.broadcast_to(values + delta, (n, c, 256))
    return _apply_tables(np.ascontiguousarray(images), table, value_range)


def _apply_tables(src, table, value_range):
    """Clip the float32 ``table`` (n, c, 256) to ``value_range``, cast it as the layers cast
    (round half to even, saturate) and look every uint8 pixel up in it."""
    n, h, w, c = src.shape
    table = np.array(table, dtype=np.float32)
    if value_range is not None:
        np.clip(table, value_range[0], value_range[1], out=table)
    table = np.rint(table)
    np.clip(table, 0, 255, out=table)
    luts = np.ascontiguousarray(table.astype(np.uint8))
    out = np.empty_like(src)

    def apply(start, stop):
        _ckernel.kernel.lut(src, out, start, stop, h * w, c, luts)

    _ckernel.run_images(apply, n, h * w * c)
    return out


def adjust_brightness(images, delta, value_range=None) -> np.ndarray:
    """Add a per-image constant to every pixel and channel (Keras ``RandomBrightness``).

    ``out = clip(x + delta, low, high)`` in float32.

    Parameters
    ----------
    images : ndarray of shape (n, h, w, c)
    delta : float or array-like of shape (n,)
        Value added, one for the batch or one per image (in pixel units).
    value_range : (float, float) or None, default=None
        Clip the result to ``[low, high]``.

    Returns
    -------
    ndarray of float32 of shape (n, h, w, c)

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([0, 100, 250], dtype=np.float32).reshape(1, 1, 3, 1)
    >>> adjust_brightness(x, 10, value_range=(0, 255))[0, 0, :, 0]
    array([ 10., 110., 255.], dtype=float32)
    """
    images = np.asarray(images)
    delta = _per_image(delta, images.shape[0], "delta")

    def run(x, d):
        out = x + d if x.dtype == np.float32 else x.astype(np.float32) + d
        if value_range is not None:
            np.clip(out, value_range[0], value_range[1], out=out)
        return out

    return map_batch(run, images, delta)
