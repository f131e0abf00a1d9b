"""Constant padding of NHWC batches (used by ``pad_to_aspect_ratio``)."""

from __future__ import annotations

import numpy as np

__all__ = ["pad"]


def pad(images, top: int, bottom: int, left: int, right: int, fill_value: float = 0.0):
    """Pad a batch of NHWC images with a constant on each side.

    Parameters
    ----------
    images : ndarray of shape (n, h, w, c)
    top, bottom, left, right : int
        Rows / columns added (non-negative).
    fill_value : float, default=0.0
        Value of the new pixels. Integer images stay integer when ``fill_value`` is a whole
        number representable in their dtype; otherwise the result is float32.

    Returns
    -------
    ndarray of shape (n, h + top + bottom, w + left + right, c)

    Examples
    --------
    >>> import numpy as np
    >>> pad(np.ones((1, 1, 2, 1)), 1, 0, 0, 1, fill_value=-1)[0, :, :, 0]
    array([[-1., -1., -1.],
           [ 1.,  1., -1.]])
    """
    images = np.asarray(images)
    widths = (top, bottom, left, right)
    if any(int(p) != p or p < 0 for p in widths):
        raise ValueError(f"Padding widths must be non-negative integers; got {widths}.")
    dtype = images.dtype
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        if float(fill_value) != int(fill_value) or not info.min <= fill_value <= info.max:
            dtype = np.dtype(np.float32)
    n, h, w, c = images.shape
    out = np.full((n, h + top + bottom, w + left + right, c), fill_value, dtype=dtype)
    out[:, top : top + h, left : left + w] = images
    return out
