"""Perspective warps: the homography through four point pairs, applied with
:func:`~skprep.image.functional.affine_transform` (Keras's 8-parameter projective warp)."""

from __future__ import annotations

import numpy as np

from ._affine import affine_transform

__all__ = ["perspective", "perspective_transform"]

_F32 = np.float32


def _points(points, name: str) -> np.ndarray:
    p = np.asarray(points, dtype=np.float64)
    if p.ndim == 2:
        p = p[np.newaxis]
    if p.ndim != 3 or p.shape[1:] != (4, 2):
        raise ValueError(
            f"`{name}` must have shape (4, 2) or (n_images, 4, 2) (four (x, y) corners); got "
            f"shape {np.shape(points)}."
        )
    if not np.isfinite(p).all():
        raise ValueError(f"`{name}` contains NaN or infinite values.")
    return p


def perspective_transform(start_points, end_points) -> np.ndarray:
    """The projective transforms that move ``start_points`` to ``end_points``.

    Returns Keras's 8-parameter transforms ``[a0, a1, a2, b0, b1, b2, c0, c1]`` mapping each
    *output* point to the *input* point it reads (so ``end_points[i]`` reads
    ``start_points[i]``), for :func:`~skprep.image.functional.affine_transform`. Solved in
    float64 and rounded to float32 (Keras solves the same 8 x 8 system in float32).

    Parameters
    ----------
    start_points, end_points : array-like of shape (4, 2) or (n_images, 4, 2)
        Four ``(x, y)`` points (column, row) per image; no three of them on one line.

    Returns
    -------
    ndarray of shape (n_images, 8), float32

    Raises
    ------
    ValueError
        Bad shapes, non-finite points, or points that define no perspective (three on a
        line).

    Examples
    --------
    Moving every corner right by 2 pixels is a translation (``x' = x - 2``):

    >>> corners = [[0, 0], [9, 0], [0, 9], [9, 9]]
    >>> shifted = [[2, 0], [11, 0], [2, 9], [11, 9]]
    >>> perspective_transform(corners, shifted).round(6) + 0.0
    array([[ 1.,  0., -2.,  0.,  1.,  0.,  0.,  0.]], dtype=float32)
    """
    start = _points(start_points, "start_points")
    end = _points(end_points, "end_points")
    if start.shape != end.shape:
        raise ValueError(
            "`start_points` and `end_points` must have the same shape; got "
            f"{start.shape} and {end.shape}."
        )
    n = start.shape[0]
    ex, ey = end[..., 0], end[..., 1]
    sx, sy = start[..., 0], start[..., 1]
    one, zero = np.ones_like(ex), np.zeros_like(ex)
    # rows 2k and 2k + 1 of the system: corner k's x and y equations
    x_rows = np.stack([ex, ey, one, zero, zero, zero, -sx * ex, -sx * ey], axis=-1)
    y_rows = np.stack([zero, zero, zero, ex, ey, one, -sy * ex, -sy * ey], axis=-1)
    matrix = np.stack([x_rows, y_rows], axis=2).reshape(n, 8, 8)
    target = np.stack([sx, sy], axis=-1).reshape(n, 8, 1)
    try:
        solution = np.linalg.solve(matrix, target)[..., 0]
    except np.linalg.LinAlgError:
        raise ValueError(
            "The points define no perspective transform (three of the four corners lie on "
            "one line)."
        ) from None
    if not np.isfinite(solution).all():  # pragma: no cover - near-singular systems
        raise ValueError("The points define no finite perspective transform.")
    return solution.astype(_F32)


def perspective(
    images, start_points, end_points, interpolation="bilinear", fill_value=0.0
) -> np.ndarray:
    """Warp images so that ``start_points`` move to ``end_points`` (Keras's
    ``perspective_transform``).

    The content at each start point appears at the matching end point; pixels that read
    from outside the image get ``fill_value`` (bilinear interpolation blends against it at
    the border), as Keras's TensorFlow backend does.

    Parameters
    ----------
    images : ndarray of shape (n_images, height, width, channels)
        Channels-last images.
    start_points, end_points : array-like of shape (4, 2) or (n_images, 4, 2)
        Four ``(x, y)`` points per image (or one set for all).
    interpolation : {"bilinear", "nearest"}, default="bilinear"
        ``"nearest"`` rounds the sample point half away from zero.
    fill_value : float, default=0.0
        Value read outside the image.

    Returns
    -------
    ndarray, same shape as ``images`` (float32 for float32 input)

    Examples
    --------
    >>> import numpy as np
    >>> row = np.arange(1.0, 7.0, dtype=np.float32).reshape(1, 1, 6, 1)
    >>> corners = [[0, 0], [5, 0], [0, 1], [5, 1]]
    >>> moved = [[1, 0], [6, 0], [1, 1], [6, 1]]
    >>> perspective(row, corners, moved, fill_value=-1).ravel()
    array([-1.,  1.,  2.,  3.,  4.,  5.], dtype=float32)
    """
    return affine_transform(
        images,
        perspective_transform(start_points, end_points),
        interpolation=interpolation,
        fill_mode="constant",
        fill_value=fill_value,
    )
