"""Colour adjustments of NHWC batches: contrast and brightness, image by image."""

from __future__ import annotations

import numpy as np

__all__ = ["adjust_brightness", "adjust_contrast"]


def _per_image(values, n: int, name: str) -> np.ndarray:
    values = np.asarray(values, dtype=np.float32)
    if values.ndim > 1 or (values.ndim == 1 and values.shape[0] not in (1, n)):
        raise ValueError(f"`{name}` must be a scalar or have one value per image ({n}).")
    return np.broadcast_to(values.reshape(-1), (n,)).reshape(n, 1, 1, 1)


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
    x = np.asarray(images, dtype=np.float32)
    mean = x.mean(axis=(1, 2), keepdims=True, dtype=np.float32)
    out = x - mean
    out *= _per_image(factor, x.shape[0], "factor")
    out += mean
    if value_range is not None:
        np.clip(out, value_range[0], value_range[1], out=out)
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
    x = np.asarray(images)
    out = x.astype(np.float32, copy=True)
    out += _per_image(delta, x.shape[0], "delta")
    if value_range is not None:
        np.clip(out, value_range[0], value_range[1], out=out)
    return out
