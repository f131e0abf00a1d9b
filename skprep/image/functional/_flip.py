"""Flips of NHWC batches, image by image."""

from __future__ import annotations

import numpy as np

__all__ = ["flip"]


def flip(images, horizontal=False, vertical=False) -> np.ndarray:
    """Flip images left-right and/or upside-down, each image by its own flags.

    Parameters
    ----------
    images : ndarray of shape (n, h, w, c)
    horizontal, vertical : bool or array-like of bool of shape (n,)
        Whether to reverse the width axis / the height axis: one flag for the batch, or
        one per image.

    Returns
    -------
    ndarray of shape (n, h, w, c), a new array of the input dtype

    Examples
    --------
    >>> import numpy as np
    >>> x = np.arange(4).reshape(2, 1, 2, 1)
    >>> flip(x, horizontal=[True, False])[..., 0]
    array([[[1, 0]],
    <BLANKLINE>
           [[2, 3]]])
    """
    images = np.asarray(images)
    n = images.shape[0]
    horizontal = np.broadcast_to(np.asarray(horizontal, dtype=bool), (n,))
    vertical = np.broadcast_to(np.asarray(vertical, dtype=bool), (n,))
    out = np.empty_like(images)
    if images[0].size >= 4096:
        # Large images: one strided copy per image.
        for i, (h_flag, v_flag) in enumerate(zip(horizontal.tolist(), vertical.tolist())):
            out[i] = images[i, :: -1 if v_flag else 1, :: -1 if h_flag else 1]
        return out
    # Many small images: one vectorised copy per outcome.
    for h_flag, v_flag in ((False, False), (True, False), (False, True), (True, True)):
        sel = np.flatnonzero((horizontal == h_flag) & (vertical == v_flag))
        if sel.size:
            out[sel] = images[sel, :: -1 if v_flag else 1, :: -1 if h_flag else 1]
    return out
