"""HSV colour kernels of NHWC RGB batches: conversions, saturation, hue, colour degeneration.

The conversions follow TensorFlow's ``tf.image.rgb_to_hsv`` / ``tf.image.hsv_to_rgb`` float32
arithmetic step by step (the order of operations and the float32 constants 1/6, 2/6, 4/6), so
the Keras layers built on them (``RandomSaturation``, ``RandomHue``, ``RandomColorJitter``)
are reproduced to float32 rounding. Every kernel takes its per-image parameters explicitly
(no random numbers inside) and computes in float32.
"""

from __future__ import annotations

import numpy as np

from ._args import per_image as _per_image
from ._parallel import map_batch

__all__ = [
    "adjust_hue",
    "adjust_saturation",
    "degenerate_color",
    "hsv_to_rgb",
    "rgb_to_grayscale",
    "rgb_to_hsv",
]

_F = np.float32
_SIXTH = _F(1) / _F(6)  # TF's T(1) / T(6)
_TWO_SIXTHS = _F(2) / _F(6)
_FOUR_SIXTHS = _F(4) / _F(6)
#: ``tf.image.rgb_to_grayscale`` / Keras ``ops.image.rgb_to_grayscale`` luma weights.
GRAY_WEIGHTS = np.array([0.2989, 0.5870, 0.1140], dtype=np.float32)


def _check_rgb(images, name: str = "images") -> np.ndarray:
    images = np.asarray(images)
    if images.ndim != 4 or images.shape[-1] != 3:
        raise ValueError(
            f"`{name}` must be an RGB batch of shape (n, height, width, 3). "
            f"Received: {name}.shape={images.shape}"
        )
    return images


def _planes(x: np.ndarray):
    """Three contiguous float32 planes (r, g, b) of an (m, h, w, 3) chunk."""
    x = x.astype(np.float32, copy=False)
    return x[..., 0].copy(), x[..., 1].copy(), x[..., 2].copy()


def _to_hsv(r, g, b):
    """TF's rgb_to_hsv on three float32 planes; returns (h, s, v) planes."""
    v = np.maximum(np.maximum(r, g), b)
    rng = v - np.minimum(np.minimum(r, g), b)
    s = np.zeros_like(v)
    np.divide(rng, v, out=s, where=v > 0)
    positive = rng > 0
    norm = np.zeros_like(v)
    np.divide(_F(1), rng, out=norm, where=positive)
    norm *= _SIXTH
    # Hue: red is the maximum -> (g - b); else green -> (b - r) + 2/6; else (r - g) + 4/6.
    h = (r - g) * norm + _FOUR_SIXTHS
    green = g == v
    np.copyto(h, (b - r) * norm + _TWO_SIXTHS, where=green)
    red = r == v
    np.copyto(h, (g - b) * norm, where=red)
    h[~positive] = 0
    h += np.where(h < 0, _F(1), _F(0))
    return h, s, v


def _to_rgb(h, s, v):
    """TF's hsv_to_rgb on three float32 planes; returns an (..., 3) float32 array."""
    dh = h * _F(6)
    one_s = _F(1) - s
    out = np.empty((*h.shape, 3), dtype=np.float32)
    t = np.empty_like(dh)
    # dr = clip(|dh - 3| - 1), dg = clip(2 - |dh - 2|), db = clip(2 - |dh - 4|), in [0, 1].
    for k, (shift, sign) in enumerate(((3, 1), (2, -1), (4, -1))):
        np.subtract(dh, _F(shift), out=t)
        np.abs(t, out=t)
        if sign > 0:
            t -= _F(1)
        else:
            np.subtract(_F(2), t, out=t)
        np.clip(t, 0, 1, out=t)
        t *= s
        t += one_s
        t *= v
        out[..., k] = t
    return out


def rgb_to_hsv(images) -> np.ndarray:
    """Convert RGB to HSV exactly as ``tf.image.rgb_to_hsv`` does in float32.

    ``V = max(r, g, b)``, ``S = (V - min) / V`` (0 where ``V = 0``), ``H`` in ``[0, 1)`` (0
    for greys). Works on any value scale: ``H`` and ``S`` do not depend on it, ``V`` keeps it.

    Parameters
    ----------
    images : ndarray of shape (n, h, w, 3)

    Returns
    -------
    ndarray of float32 of shape (n, h, w, 3)
        ``(H, S, V)`` channels.

    Examples
    --------
    >>> import numpy as np
    >>> rgb_to_hsv(np.array([[[[1.0, 0.0, 0.0], [0.0, 0.5, 1.0], [0.2, 0.2, 0.2]]]]))[0, 0]
    array([[0.       , 1.       , 1.       ],
           [0.5833334, 1.       , 1.       ],
           [0.       , 0.       , 0.2      ]], dtype=float32)
    """
    images = _check_rgb(images)

    def run(x):
        return np.stack(_to_hsv(*_planes(x)), axis=-1)

    return map_batch(run, images)


def hsv_to_rgb(images) -> np.ndarray:
    """Convert HSV to RGB exactly as ``tf.image.hsv_to_rgb`` does in float32.

    Parameters
    ----------
    images : ndarray of shape (n, h, w, 3)
        ``(H, S, V)`` channels, ``H`` in ``[0, 1]``.

    Returns
    -------
    ndarray of float32 of shape (n, h, w, 3)

    Examples
    --------
    >>> import numpy as np
    >>> hsv_to_rgb(np.array([[[[0.0, 1.0, 1.0], [0.5, 0.5, 1.0]]]]))[0, 0]
    array([[1. , 0. , 0. ],
           [0.5, 1. , 1. ]], dtype=float32)
    """
    images = _check_rgb(images)

    def run(x):
        return _to_rgb(*_planes(x))

    return map_batch(run, images)


def adjust_saturation(images, multiplier, saturation_range=(0.0, 1.0)) -> np.ndarray:
    """Multiply each image's HSV saturation (Keras ``RandomSaturation``).

    RGB -> HSV, ``S = clip(S * multiplier, *saturation_range)``, HSV -> RGB, in float32 with
    TF's conversions. Keras's layer turns its drawn factor ``f`` into
    ``multiplier = f / (1 - f + 1e-7)`` (0.5 -> 1, identity; 0 -> grey).

    Parameters
    ----------
    images : ndarray of shape (n, h, w, 3)
        RGB images on any value scale (the value channel keeps it).
    multiplier : float or array-like of shape (n,)
        Saturation multiplier, one for the batch or one per image.
    saturation_range : (float, float), default=(0.0, 1.0)
        Range the new saturation is clipped to. Keras 3 clips to the layer's ``value_range``
        instead; pass it here to reproduce that exactly.

    Returns
    -------
    ndarray of float32 of shape (n, h, w, 3)

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[[[200.0, 100.0, 50.0]]]])
    >>> adjust_saturation(x, 0.0)[0, 0, 0]  # fully desaturated: the value everywhere
    array([200., 200., 200.], dtype=float32)
    """
    images = _check_rgb(images)
    multiplier = _per_image(multiplier, images.shape[0], "multiplier")
    lo, hi = (float(v) for v in saturation_range)

    def run(x, m):
        h, s, v = _to_hsv(*_planes(x))
        s *= m.reshape(-1, 1, 1)
        np.clip(s, lo, hi, out=s)
        return _to_rgb(h, s, v)

    return map_batch(run, images, multiplier)


def adjust_hue(images, delta, value_range=(0, 255)) -> np.ndarray:
    """Rotate each image's HSV hue by ``delta`` turns (Keras ``RandomHue``).

    Images are rescaled from ``value_range`` to ``[0, 1]``, converted to HSV, ``delta`` is
    added to the hue, which wraps into ``[0, 1]`` (values above 1 lose 1, below 0 gain 1),
    converted back, clipped to ``[0, 1]`` and rescaled to ``value_range``. Float32
    throughout, with TF's conversions.

    Parameters
    ----------
    images : ndarray of shape (n, h, w, 3)
    delta : float or array-like of shape (n,)
        Hue shift in turns (``0.5`` is half the colour wheel), in ``[-1, 1]``.
    value_range : (float, float), default=(0, 255)
        Range of the pixel values, ``(low, high)`` as given (Keras does not sort it here).

    Returns
    -------
    ndarray of float32 of shape (n, h, w, 3)

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[[[255.0, 0.0, 0.0]]]])
    >>> adjust_hue(x, 1 / 3)[0, 0, 0]  # red -> green
    array([  0., 255.,   0.], dtype=float32)
    """
    images = _check_rgb(images)
    delta = _per_image(delta, images.shape[0], "delta")
    low, high = _F(value_range[0]), _F(value_range[1])
    identity = low == 0 and high == 1
    span = high - low

    def run(x, d):
        r, g, b = _planes(x)
        if not identity:
            for p in (r, g, b):
                p -= low
                p /= span
        h, s, v = _to_hsv(r, g, b)
        h += d.reshape(-1, 1, 1)
        h -= np.where(h > 1, _F(1), _F(0))
        h += np.where(h < 0, _F(1), _F(0))
        out = _to_rgb(h, s, v)
        np.clip(out, 0, 1, out=out)
        if not identity:
            out *= span
            out += low
        return out

    return map_batch(run, images, delta)


def rgb_to_grayscale(images) -> np.ndarray:
    """Luma of RGB images with TF's weights ``(0.2989, 0.5870, 0.1140)``, in float32.

    Parameters
    ----------
    images : ndarray of shape (n, h, w, 3)

    Returns
    -------
    ndarray of float32 of shape (n, h, w, 1)

    Examples
    --------
    >>> import numpy as np
    >>> rgb_to_grayscale(np.array([[[[100.0, 100.0, 100.0]]]]))[0, 0, 0]
    array([99.99], dtype=float32)
    """
    images = _check_rgb(images)

    def run(x):
        return np.matmul(x.astype(np.float32, copy=False), GRAY_WEIGHTS)[..., None]

    return map_batch(run, images)


def degenerate_color(images, factor, value_range=None) -> np.ndarray:
    """Blend each image towards its greyscale version (Keras ``RandomColorDegeneration``).

    ``out = x + factor * (gray - x)`` with ``gray`` the luma of :func:`rgb_to_grayscale`
    (broadcast over the channels), clipped to ``value_range`` when given; float32. ``factor``
    0 leaves the image, 1 gives the greyscale image, values above 1 or below 0 extrapolate.

    Parameters
    ----------
    images : ndarray of shape (n, h, w, 3)
    factor : float or array-like of shape (n,)
        Blend factor, one for the batch or one per image.
    value_range : (float, float) or None, default=None
        Clip the result to ``[low, high]``.

    Returns
    -------
    ndarray of float32 of shape (n, h, w, 3)

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([[[[200.0, 100.0, 50.0]]]])
    >>> degenerate_color(x, 1.0)[0, 0, 0]
    array([124.19, 124.19, 124.19], dtype=float32)
    """
    images = _check_rgb(images)
    factor = _per_image(factor, images.shape[0], "factor")

    def run(x, f):
        x = x.astype(np.float32, copy=False)
        gray = np.matmul(x, GRAY_WEIGHTS)[..., None]
        gray = gray - x
        gray *= f.reshape(-1, 1, 1, 1)
        gray += x
        if value_range is not None:
            np.clip(gray, value_range[0], value_range[1], out=gray)
        return gray

    return map_batch(run, images, factor)
