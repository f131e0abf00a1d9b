"""Colour and filter kernels: invert, solarize, posterize, auto_contrast, equalize, sharpen,
gaussian_blur.

Each works on an NHWC float batch with explicit per-image parameters (no randomness) and
Keras's arithmetic: the images are mapped from ``value_range`` to the 0-255 scale, changed
there, and mapped back (Keras's ``_transform_value_range``), all in float32.
"""

from __future__ import annotations

import numpy as np

from ..._config import check_output_size
from . import _ckernel
from ._args import as_batch as _batch
from ._args import from_255 as _from_255
from ._args import per_image as _per_image
from ._args import to_255 as _to_255
from ._args import value_range_f32 as _range
from ._parallel import map_batch

__all__ = [
    "auto_contrast",
    "equalize",
    "gaussian_blur",
    "invert",
    "posterize",
    "sharpen",
    "solarize",
]

_F32 = np.float32


def invert(images, apply, value_range=(0, 255)) -> np.ndarray:
    """Invert the images where ``apply`` is true: ``low + high - x``.

    Parameters
    ----------
    images : ndarray of shape (n, height, width, channels)
    apply : bool or array of bool, shape (n,)
        Which images to invert.
    value_range : (float, float), default=(0, 255)

    Returns
    -------
    ndarray of float32, same shape

    Examples
    --------
    >>> import numpy as np
    >>> invert(np.array([[[[0.0, 100.0]]], [[[0.0, 100.0]]]]), [True, False])[:, 0, 0]
    array([[255., 155.],
           [  0., 100.]], dtype=float32)
    """
    x = _batch(images)
    low, high = _range(value_range)
    mask = _per_image(apply, x.shape[0], "apply", dtype=bool)
    return np.where(mask, (low + high) - x, x).astype(_F32, copy=False)


def solarize(images, addition, threshold, value_range=(0, 255)) -> np.ndarray:
    """Keras ``Solarization``: on the 0-255 scale ``y = clip(x + addition, 0, 255)``, then
    ``y`` where ``y < threshold`` else ``255 - y``.

    Parameters
    ----------
    images : ndarray of shape (n, height, width, channels)
    addition, threshold : float or array of float, shape (n,)
        Per image, on the 0-255 scale.
    value_range : (float, float), default=(0, 255)

    Returns
    -------
    ndarray of float32, same shape

    Examples
    --------
    >>> import numpy as np
    >>> solarize(np.array([[[[10.0, 100.0, 200.0]]]]), 0.0, 128.0)[0, 0, 0]
    array([ 10., 100.,  55.], dtype=float32)
    """
    x = _batch(images)
    low, high = _range(value_range)
    n = x.shape[0]
    y = np.clip(_to_255(x, low, high) + _per_image(addition, n, "addition"), 0, 255)
    y = np.where(y < _per_image(threshold, n, "threshold"), y, _F32(255) - y)
    return _from_255(y.astype(_F32, copy=False), low, high)


def posterize(images, bits, value_range=(0, 255)) -> np.ndarray:
    """Keep the ``bits`` high bits of each 8-bit channel value (Keras ``RandomPosterization``).

    The 0-255 values are truncated to uint8 and ``(v >> (8 - bits)) << (8 - bits)``.

    Parameters
    ----------
    images : ndarray of shape (n, height, width, channels)
    bits : int or array of int in [1, 8], shape (n,)
    value_range : (float, float), default=(0, 255)

    Returns
    -------
    ndarray of float32, same shape

    Examples
    --------
    >>> import numpy as np
    >>> posterize(np.array([[[[63.0, 64.0, 200.0]]]]), 2)[0, 0, 0]
    array([  0.,  64., 192.], dtype=float32)
    """
    x = _batch(images)
    low, high = _range(value_range)
    b = _per_image(bits, x.shape[0], "bits", dtype=np.int64)
    if ((b < 1) | (b > 8)).any():
        raise ValueError(f"bits must be in [1, 8]; got {np.unique(b).tolist()}.")
    v = np.clip(_to_255(x, low, high), 0, 255).astype(np.uint8)
    shift = (8 - b).astype(np.uint8)
    v = np.left_shift(np.right_shift(v, shift), shift)
    return _from_255(v.astype(_F32), low, high)


def auto_contrast(images, value_range=(0, 255)) -> np.ndarray:
    """Stretch each image's channels to the full range (Keras ``AutoContrast``).

    Per image and channel, on the 0-255 scale: ``(x - min) * 255 / (max - min)``, clipped;
    a flat channel (``max == min``) keeps its input values.

    Parameters
    ----------
    images : ndarray of shape (n, height, width, channels)
    value_range : (float, float), default=(0, 255)

    Returns
    -------
    ndarray of float32, same shape

    Examples
    --------
    >>> import numpy as np
    >>> auto_contrast(np.array([[[[50.0], [100.0]], [[150.0], [150.0]]]]))[0, :, :, 0]
    array([[  0. , 127.5],
           [255. , 255. ]], dtype=float32)
    """
    original = _batch(images)
    low, high = _range(value_range)
    return map_batch(lambda chunk: _auto_contrast(chunk, low, high), original)


def _auto_contrast(original, low, high):
    x = _to_255(original, low, high)
    lo = x.min(axis=(1, 2), keepdims=True)
    span = x.max(axis=(1, 2), keepdims=True) - lo
    keep = ~(span > 0)  # flat channels, and channels with NaN (Keras: NaN results -> input)
    out = np.subtract(x, lo, dtype=_F32)
    out *= _F32(255) / np.where(keep, _F32(1), span)
    np.clip(out, 0, 255, out=out)
    out = _from_255(out, low, high)
    if keep.any():
        np.copyto(out, original, where=np.broadcast_to(keep, out.shape))
    return out


def equalize(images, value_range=(0, 255), bins: int = 256) -> np.ndarray:
    """Histogram-equalise each image's channels (Keras ``Equalization``'s arithmetic).

    Per image and channel, on the 0-255 scale: a ``bins``-bin histogram of
    ``int(x * (bins - 1) / 255)``; the lookup table ``round((cdf - cdf_min) * 255 /
    (cdf[-1] - cdf_min))`` (``cdf_min`` the first non-zero cumulative count) is indexed with
    ``int(clip(x / 255 * (bins - 1), 0, bins - 1))``. A channel with at most one non-empty bin
    is left unchanged.

    Parameters
    ----------
    images : ndarray of shape (n, height, width, channels)
    value_range : (float, float), default=(0, 255)
    bins : int, default=256

    Returns
    -------
    ndarray of float32, same shape

    Examples
    --------
    >>> import numpy as np
    >>> equalize(np.array([0.0, 0.0, 100.0, 200.0]).reshape(1, 2, 2, 1))[0, :, :, 0]
    array([[  0.,   0.],
           [128., 255.]], dtype=float32)
    """
    x = _batch(images)
    low, high = _range(value_range)
    if isinstance(bins, bool) or not isinstance(bins, (int, np.integer)) or bins < 2:
        raise ValueError(f"bins must be an integer >= 2; got {bins!r}.")
    if x.dtype.kind == "f" and not np.isfinite(x).all():
        raise ValueError(
            "Equalization needs finite pixel values (a histogram has no bin for NaN or inf); "
            "the images contain NaN or inf. Replace them first (e.g. np.nan_to_num)."
        )
    n, h, w, c = x.shape
    check_output_size((n * c, bins), np.int64, "Equalization histograms (images x channels x bins)")
    v = _to_255(x, low, high)
    top = _F32(bins - 1)
    hist_idx = np.clip((v * top / _F32(255)).astype(np.int64), 0, bins - 1)
    # one histogram per (image, channel): offset each pixel's bin by its pair's position
    pair = (np.arange(n)[:, None] * c + np.arange(c)[None, :]).reshape(n, 1, 1, c) * bins
    hist = np.bincount((hist_idx + pair).ravel(), minlength=n * c * bins).reshape(n * c, bins)
    cdf = np.cumsum(hist, axis=1)
    first = np.argmax(hist > 0, axis=1)
    cdf_min = cdf[np.arange(n * c), first][:, None]
    denominator = cdf[:, -1:] - cdf_min
    denominator = np.where(denominator == 0, 1, denominator)
    lut = np.clip(np.round((cdf - cdf_min) * 255 / denominator), 0, 255).astype(_F32)
    lut_idx = np.clip(v / _F32(255) * top, 0, top).astype(np.int64)
    out = lut.ravel()[lut_idx + pair]
    keep = (np.count_nonzero(hist, axis=1) <= 1).reshape(n, 1, 1, c)
    out = np.where(keep, v, out).astype(_F32, copy=False)
    return _from_255(out, low, high)


_RING, _CENTRE = _F32(1.0 / 13.0), _F32(5.0 / 13.0)


def _smooth(x: np.ndarray) -> np.ndarray:
    """Keras RandomSharpness's 3x3 smoothing (1/13 ring, 5/13 centre), zero padding."""
    p = np.pad(x, ((0, 0), (1, 1), (1, 1), (0, 0)))
    rows = p[:, :-2] + p[:, 1:-1] + p[:, 2:]
    box = rows[:, :, :-2] + rows[:, :, 1:-1] + rows[:, :, 2:]
    return box * _RING + x * (_CENTRE - _RING)


def sharpen(images, factor, value_range=(0, 255)) -> np.ndarray:
    """Blend each image with its 3x3-smoothed version (Keras ``RandomSharpness``).

    ``out = clip(x + (1 - 2 * factor) * (smooth - x), value_range)``: ``factor`` 0 gives the
    smoothed image, 0.5 the image itself, 1 sharpens. The smoothing kernel has 1/13 on the
    eight neighbours and 5/13 at the centre, with zero padding at the borders (a
    ``"same"`` convolution, as Keras).

    Parameters
    ----------
    images : ndarray of shape (n, height, width, channels)
    factor : float or array of float, shape (n,)
    value_range : (float, float), default=(0, 255)

    Returns
    -------
    ndarray of float32, same shape

    Examples
    --------
    >>> import numpy as np
    >>> x = np.zeros((1, 3, 3, 1)); x[0, 1, 1, 0] = 130.0
    >>> sharpen(x, 0.0)[0, :, :, 0]
    array([[10., 10., 10.],
           [10., 50., 10.],
           [10., 10., 10.]], dtype=float32)
    """
    x = _batch(images)
    low, high = _range(value_range)
    f = _per_image(factor, x.shape[0], "factor")
    weight = _F32(1) - f * _F32(2)

    def run(chunk, w):
        out = _smooth(chunk)
        out -= chunk
        out *= w
        out += chunk
        return np.clip(out, low, high, out=out)

    return map_batch(run, x, weight)


def _gaussian_weights(size: int, sigma: np.ndarray) -> np.ndarray:
    """Normalised 1-D Gaussian weights, one row per image: shape (n, size), float32."""
    x = np.arange(size, dtype=_F32) - _F32((size - 1) / 2)
    w = np.exp(_F32(-0.5) * (x[None, :] / sigma[:, None].astype(_F32)) ** 2)
    return (w / w.sum(axis=1, keepdims=True)).astype(_F32)


def _convolve_axis(x: np.ndarray, weights: np.ndarray, axis: int) -> np.ndarray:
    """Per-image 1-D correlation along ``axis`` (1: rows, 2: columns), zero "same" padding."""
    size = weights.shape[1]
    before = (size - 1) // 2
    pad = [(0, 0)] * 4
    pad[axis] = (before, size - 1 - before)
    p = np.pad(x, pad)
    length = x.shape[axis]
    out = np.zeros_like(x)
    for j in range(size):  # kernel taps (a handful), each a whole-batch operation
        window = [slice(None)] * 4
        window[axis] = slice(j, j + length)
        out += p[tuple(window)] * weights[:, j].reshape(-1, 1, 1, 1)
    return out


def gaussian_blur(images, sigma, kernel_size=3, value_range=None) -> np.ndarray:
    """Blur each image with a separable Gaussian (Keras's ``gaussian_blur`` arithmetic).

    Weights ``exp(-0.5 * (x / sigma) ** 2)`` over ``x = 0 .. k - 1`` centred, normalised;
    zero padding at the borders (a ``"same"`` convolution, as Keras's).

    Parameters
    ----------
    images : ndarray of shape (n, height, width, channels)
    sigma : float, array of shape (n,) or (n, 2)
        Standard deviation per image: one value for both axes, or ``(sigma_x, sigma_y)``
        (width, then height, Keras's order). Must be > 0.
    kernel_size : int or (int, int), default=3
        Odd sizes ``(k_x, k_y)``; an int for both.
    value_range : (float, float) or None, default=None
        Clip the output to it.

    Returns
    -------
    ndarray of float32, same shape

    Examples
    --------
    >>> import numpy as np
    >>> x = np.zeros((1, 1, 3, 1)); x[0, 0, 1, 0] = 100.0
    >>> gaussian_blur(x, 1.0, kernel_size=(3, 1))[0, 0, :, 0]
    array([27.406862, 45.186275, 27.406862], dtype=float32)
    """
    return _gaussian_blur(images, sigma, kernel_size, value_range)


def _gaussian_blur(images, sigma, kernel_size=3, value_range=None, uint8_out=False):
    """:func:`gaussian_blur`; with ``uint8_out``, uint8 images come back as uint8 (rounded half
    to even and saturated, as the layer casts) straight from the compiled kernel."""
    images = np.asarray(images)
    x = _batch(images) if _ckernel.kernel is None else _check_batch(images)
    n = x.shape[0]
    kx, ky = (kernel_size, kernel_size) if np.ndim(kernel_size) == 0 else kernel_size
    for k in (kx, ky):
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1 or k % 2 == 0:
            raise ValueError(f"kernel_size must be odd positive integers; got {kernel_size!r}.")
    s = np.asarray(sigma, dtype=np.float64)
    if s.ndim == 0:
        s = np.full((n, 2), float(s))
    elif s.ndim == 1:
        s = np.repeat(s[:, None], 2, axis=1) if s.shape == (n,) else s
    if s.shape != (n, 2):
        raise ValueError(f"`sigma` must be a number, (n,) or (n, 2); got shape {s.shape}.")
    if not (np.isfinite(s).all() and (s > 0).all()):
        raise ValueError("`sigma` must be finite and > 0.")
    wx, wy = _gaussian_weights(int(kx), s[:, 0]), _gaussian_weights(int(ky), s[:, 1])
    if _ckernel.kernel is not None:
        return _blur_compiled(x, wx, wy, value_range, uint8_out)
    out = _convolve_axis(x, wx, axis=2)
    out = _convolve_axis(out, wy, axis=1)
    if value_range is not None:
        low, high = _range(value_range)
        np.clip(out, low, high, out=out)
    return out


def _check_batch(images) -> np.ndarray:
    """:func:`_batch`'s checks without the float32 copy (the compiled kernels read uint8)."""
    _batch(images[:0] if np.ndim(images) == 4 else images)
    return images


def _blur_compiled(x, wx, wy, value_range, uint8_out):
    """The compiled blur: the same float32 sums in the same order as :func:`_convolve_axis`."""
    src, is_u8 = _ckernel.source(x)
    n, h, w, c = src.shape
    to_u8 = bool(uint8_out and is_u8)
    out = np.empty(src.shape, dtype=np.uint8 if to_u8 else _F32)
    clip = value_range is not None
    low, high = _range(value_range) if clip else (0.0, 0.0)
    wx, wy = np.ascontiguousarray(wx, dtype=_F32), np.ascontiguousarray(wy, dtype=_F32)
    kx, ky = wx.shape[1], wy.shape[1]
    low, high = float(low), float(high)

    def run(start, stop):
        _ckernel.kernel.blur(
            src, is_u8, out, to_u8, start, stop, h, w, c, kx, wx, ky, wy, clip, low, high
        )

    _ckernel.run_images(run, n, h * w * c, ns_per_value=2.0)
    return out
