"""The arguments every image kernel shares: a batch, per-image values and a value range.

One home for the checks and broadcasts the colour, HSV, pointwise and CLAHE kernels use, so
their error messages and shapes agree.
"""

from __future__ import annotations

import numpy as np

_F32 = np.float32


def as_batch(images, name: str = "images") -> np.ndarray:
    """A numeric ``(n, height, width, channels)`` batch as float32 (no copy when it is)."""
    images = np.asarray(images)
    if images.ndim != 4:
        raise ValueError(
            f"`{name}` must be a batch (n, height, width, channels); got {images.shape}."
        )
    if images.dtype.kind not in "biuf":
        raise TypeError(f"`{name}` must be numeric; got dtype {images.dtype}.")
    return images.astype(_F32, copy=False)


def per_image(values, n: int, name: str, dtype=_F32) -> np.ndarray:
    """One value per image as a contiguous ``(n, 1, 1, 1)`` array, from a scalar, a
    1-element array or ``n`` values (anything else is a ``ValueError`` naming ``name``).

    Examples
    --------
    >>> per_image(2, 3, "factor").ravel()
    array([2., 2., 2.], dtype=float32)
    """
    values = np.asarray(values, dtype=dtype)
    if values.ndim > 1 or (values.ndim == 1 and values.shape[0] not in (1, n)):
        raise ValueError(
            f"`{name}` must be a scalar or have one value per image ({n}); got shape "
            f"{values.shape}."
        )
    return np.ascontiguousarray(np.broadcast_to(values.reshape(-1), (n,))).reshape(n, 1, 1, 1)


def value_range_f32(value_range) -> tuple:
    """``(low, high)`` as float32, with ``low < high``."""
    low, high = (float(v) for v in value_range)
    if not low < high:
        raise ValueError(f"value_range must satisfy low < high; got {value_range!r}.")
    return _F32(low), _F32(high)


def to_255(x: np.ndarray, low, high) -> np.ndarray:
    """Rescale ``x`` from ``[low, high]`` to ``[0, 255]`` (as is for ``(0, 255)``)."""
    if low == 0 and high == 255:
        return x
    return (x - low) / (high - low) * _F32(255)


def from_255(x: np.ndarray, low, high) -> np.ndarray:
    """Rescale ``x`` from ``[0, 255]`` back to ``[low, high]``."""
    if low == 0 and high == 255:
        return x
    return x / _F32(255) * (high - low) + low
