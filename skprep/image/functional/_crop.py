"""Crops of NHWC batches: per-image windows and Keras's ``CenterCrop``."""

from __future__ import annotations

import numpy as np

from ._resize import aspect_crop_box, resize

__all__ = ["center_crop", "crop"]


def crop(images, top, left, height: int, width: int) -> np.ndarray:
    """Cut a ``height x width`` window out of every image.

    Parameters
    ----------
    images : ndarray of shape (n, h, w, c)
    top, left : int or array-like of int of shape (n,)
        Top-left corner of the window: one for the batch, or one per image.
    height, width : int
        Window size; the window must lie inside the image.

    Returns
    -------
    ndarray of shape (n, height, width, c), same dtype as ``images``

    Examples
    --------
    >>> import numpy as np
    >>> x = np.arange(2 * 3 * 3).reshape(2, 3, 3, 1)
    >>> crop(x, top=[0, 1], left=[1, 0], height=2, width=2)[..., 0]
    array([[[ 1,  2],
            [ 4,  5]],
    <BLANKLINE>
           [[12, 13],
            [15, 16]]])
    """
    images = np.asarray(images)
    n, h, w, _ = images.shape
    top = np.broadcast_to(np.asarray(top, dtype=np.int64), (n,))
    left = np.broadcast_to(np.asarray(left, dtype=np.int64), (n,))
    if height <= 0 or width <= 0:
        raise ValueError(f"Crop size must be positive; got height={height}, width={width}.")
    if (top < 0).any() or (left < 0).any() or (top + height > h).any() or (left + width > w).any():
        raise ValueError(
            f"Crop window of size {height}x{width} does not fit in images of size {h}x{w} "
            f"at the given offsets."
        )
    if (top == top[0]).all() and (left == left[0]).all():
        t, lf = int(top[0]), int(left[0])
        return images[:, t : t + height, lf : lf + width].copy()
    rows = top[:, None] + np.arange(height)
    cols = left[:, None] + np.arange(width)
    batch = np.arange(n)[:, None, None]
    return images[batch, rows[:, :, None], cols[:, None, :]]


def center_crop(images, height: int, width: int) -> np.ndarray:
    """Keras's ``CenterCrop``: centre window, or aspect-crop and bilinear resize if too small.

    If the images are at least ``height x width``, the centred window is cut with
    ``top = (H - height) // 2`` and ``left = (W - width) // 2`` (an odd difference drops the
    extra row/column at the bottom/right). If either side is smaller, the largest centred
    window with the target aspect ratio is bilinearly resized to the target (Keras's
    ``smart_resize``); no padding.

    Parameters
    ----------
    images : ndarray of shape (n, h, w, c)
    height, width : int
        Target size.

    Returns
    -------
    ndarray of float32 of shape (n, height, width, c)

    Examples
    --------
    >>> import numpy as np
    >>> x = np.arange(24, dtype=np.float32).reshape(1, 4, 6, 1)
    >>> center_crop(x, 3, 3)[0, :, :, 0]
    array([[ 1.,  2.,  3.],
           [ 7.,  8.,  9.],
           [13., 14., 15.]], dtype=float32)
    """
    images = np.asarray(images)
    _, h, w, _ = images.shape
    if h >= height and w >= width:
        top, left = (h - height) // 2, (w - width) // 2
        return images[:, top : top + height, left : left + width].astype(np.float32)
    return smart_resize(images, height, width)


def smart_resize(images, height: int, width: int, interpolation: str = "bilinear"):
    """Aspect-ratio crop then resize (Keras ``smart_resize``); float32 output."""
    _, h, w, _ = images.shape
    top, left, ch, cw = aspect_crop_box(h, w, height, width)
    window = images[:, top : top + ch, left : left + cw]
    return resize(window, (height, width), interpolation).astype(np.float32, copy=False)
