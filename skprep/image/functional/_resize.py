"""Image resizing with Keras's TensorFlow-backend semantics (``keras.ops.image.resize``).

Every method is separable: a resize is one pass along the height axis and one along the
width axis. For each axis the sampling is precomputed once per ``(input size, output size,
method, antialias)`` as a small table of *taps* -- for output index ``i``, the input indices
``idx[i, k]`` and weights ``w[i, k]`` -- and applied as ``K`` vectorised gathers and
multiply-adds in float32. The tables reproduce TensorFlow's kernels:

* ``bilinear`` (``ResizeBilinear``, half-pixel centres): ``s = (i + 0.5) * in/out - 0.5`` in
  float32, taps ``floor(s)`` and ``ceil(s)`` clamped to the image, computed as
  ``a + (b - a) * frac`` along the width first, then the height, exactly as TF does, so the
  results agree bit for bit.
* ``nearest`` (``ResizeNearestNeighbor``, half-pixel centres): ``floor((i + 0.5) * in/out)``.
* ``bicubic`` (``ResizeBicubic``, half-pixel centres, Keys cubic ``a = -0.5``): four taps at
  ``floor(s) - 1 .. floor(s) + 2``, with TF's 1024-entry coefficient table (the fractional
  position is rounded to 1/1024), taps outside the image dropped and the rest renormalised.
* ``area`` (``ResizeArea``): box filter over ``[i * in/out, (i + 1) * in/out)`` with
  fractional coverage at the ends, normalised by the box size.
* ``lanczos3``, ``lanczos5`` and, with ``antialias=True``, ``bilinear`` (triangle kernel) and
  ``bicubic`` (Keys cubic): TF's ``ScaleAndTranslate`` -- sample ``(i + 0.5) * in/out`` in
  pixel-corner coordinates, kernel stretched by ``max(in/out, 1)`` when antialiasing, weights
  normalised to sum to one.

``nearest`` and ``area`` ignore ``antialias``, as in TensorFlow.

With the optional compiled kernels (``_ckernel.py``) the same tap tables are applied in C,
image by image, with the same float32 operations (bit-identical, tested); ``nearest`` (a
pure gather that keeps the dtype) always runs in NumPy.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..._config import check_output_size
from . import _ckernel
from ._pad import pad
from ._parallel import map_batch

__all__ = ["INTERPOLATIONS", "aspect_crop_box", "aspect_pad_widths", "resize"]

INTERPOLATIONS = ("bilinear", "nearest", "lanczos3", "lanczos5", "bicubic", "area")

_F32_MIN = float(np.finfo(np.float32).tiny)


# --------------------------------------------------------------------------------------------
# Kernels
# --------------------------------------------------------------------------------------------


def _triangle(x):
    return np.maximum(0.0, 1.0 - x)


def _keys_cubic(x, a=-0.5):
    out = np.where(x < 1.0, ((a + 2.0) * x - (a + 3.0)) * x * x + 1.0, 0.0)
    far = (x >= 1.0) & (x < 2.0)
    return np.where(far, ((a * x - 5.0 * a) * x + 8.0 * a) * x - 4.0 * a, out)


def _lanczos(radius):
    def kernel(x):
        with np.errstate(divide="ignore", invalid="ignore"):
            px = np.pi * x
            value = radius * np.sin(px) * np.sin(px / radius) / (px * px)
        value = np.where(x <= 1e-3, 1.0, value)
        return np.where(x > radius, 0.0, value)

    return kernel


_SCALE_AND_TRANSLATE = {
    "bilinear": (_triangle, 1.0),
    "bicubic": (_keys_cubic, 2.0),
    "lanczos3": (_lanczos(3), 3.0),
    "lanczos5": (_lanczos(5), 5.0),
}


# --------------------------------------------------------------------------------------------
# Tap tables: idx (out, K) int64, w (out, K) float32
# --------------------------------------------------------------------------------------------


def _scale_f32(in_size: int, out_size: int) -> np.float32:
    return np.float32(in_size) / np.float32(out_size)


def _linear_taps(in_size: int, out_size: int):
    scale = _scale_f32(in_size, out_size)
    s = (np.arange(out_size, dtype=np.float32) + np.float32(0.5)) * scale - np.float32(0.5)
    floor = np.floor(s)
    lo = np.maximum(floor, 0).astype(np.int64)
    hi = np.minimum(np.ceil(s), in_size - 1).astype(np.int64)
    frac = (s - floor).astype(np.float32)
    return lo, hi, frac


def _nearest_taps(in_size: int, out_size: int):
    scale = _scale_f32(in_size, out_size)
    s = (np.arange(out_size, dtype=np.float32) + np.float32(0.5)) * scale
    idx = np.minimum(np.floor(s).astype(np.int64), in_size - 1)
    return idx[:, None], np.ones((out_size, 1), np.float32)


@lru_cache(maxsize=1)
def _bicubic_table():
    # TensorFlow's coefficient table for Keys' cubic with a = -0.5 (1024 steps).
    x = np.arange(1025, dtype=np.float64) / 1024
    a = -0.5
    near = ((a + 2) * x - (a + 3)) * x * x + 1
    y = x + 1
    far = ((a * y - 5 * a) * y + 8 * a) * y - 4 * a
    return near.astype(np.float32), far.astype(np.float32)


def _bicubic_taps(in_size: int, out_size: int):
    scale = _scale_f32(in_size, out_size)
    s = (np.arange(out_size, dtype=np.float32) + np.float32(0.5)) * scale - np.float32(0.5)
    base = np.floor(s)
    offset = np.rint((s - base) * np.float32(1024)).astype(np.int64)
    near, far = _bicubic_table()
    w = np.stack([far[offset], near[offset], near[1024 - offset], far[1024 - offset]], axis=1)
    raw = base.astype(np.int64)[:, None] + np.arange(-1, 3)
    idx = np.clip(raw, 0, in_size - 1)
    w = np.where(idx == raw, w, np.float32(0)).astype(np.float32)
    total = w.sum(axis=1, keepdims=True)
    ok = np.abs(total) >= 1000 * _F32_MIN
    w = np.where(ok, w / np.where(ok, total, 1), w).astype(np.float32)
    return idx, w


def _area_taps(in_size: int, out_size: int):
    # TF's ResizeArea: the box [i * s, (i + 1) * s) with fractional coverage at both ends,
    # in float32. The 1 / (s_h * s_w) normalisation is applied once at the end (see resize).
    scale = _scale_f32(in_size, out_size)
    i = np.arange(out_size, dtype=np.float32)
    start, end = i * scale, (i + np.float32(1)) * scale
    first = np.floor(start).astype(np.int64)
    n_taps = int((np.ceil(end).astype(np.int64) - first).max())
    src = first[:, None] + np.arange(n_taps)
    srcf = src.astype(np.float32)
    s0, s1 = start[:, None], end[:, None]
    w = np.where(
        srcf < s0,
        np.where(srcf + 1 > s1, scale, srcf + 1 - s0),
        np.where(srcf + 1 > s1, s1 - srcf, np.float32(1)),
    )
    w = np.where(src < np.ceil(end).astype(np.int64)[:, None], w, 0)
    return np.clip(src, 0, in_size - 1), w.astype(np.float32)


def _scale_and_translate_taps(in_size: int, out_size: int, method: str, antialias: bool):
    kernel, radius = _SCALE_AND_TRANSLATE[method]
    inv_scale = 1.0 / (float(out_size) / float(in_size))
    kernel_scale = max(inv_scale, 1.0) if antialias else 1.0
    span = min(2 * int(np.ceil(radius * kernel_scale)) + 1, in_size)
    sample = (np.arange(out_size) + 0.5) * inv_scale
    start = np.clip(np.ceil(sample - radius * kernel_scale - 0.5).astype(np.int64), 0, in_size - 1)
    end = np.clip(np.floor(sample + radius * kernel_scale - 0.5).astype(np.int64), 0, in_size - 1)
    src = start[:, None] + np.arange(span)
    valid = src <= end[:, None]
    w = kernel(np.abs((src + 0.5 - sample[:, None]) / kernel_scale))
    w = np.where(valid, w, 0.0)
    total = w.sum(axis=1, keepdims=True)
    ok = np.abs(total) >= 1000 * _F32_MIN
    w = np.where(ok, w / np.where(ok, total, 1.0), 0.0)
    return np.clip(src, 0, in_size - 1), w.astype(np.float32)


@lru_cache(maxsize=64)
def _taps(in_size: int, out_size: int, method: str, antialias: bool):
    """The tap table of one axis (cached: the same sizes recur batch after batch)."""
    if method == "bilinear" and not antialias:
        return ("lerp", *_linear_taps(in_size, out_size))
    if method == "nearest":
        idx, w = _nearest_taps(in_size, out_size)
    elif method == "bicubic" and not antialias:
        idx, w = _bicubic_taps(in_size, out_size)
    elif method == "area":
        idx, w = _area_taps(in_size, out_size)
    else:
        idx, w = _scale_and_translate_taps(in_size, out_size, method, antialias)
    # Drop tap columns that carry no weight anywhere (keeps the passes short).
    keep = np.any(w != 0, axis=0)
    if not keep.any():
        keep[0] = True
    return ("taps", idx[:, keep], w[:, keep])


# --------------------------------------------------------------------------------------------
# Applying one axis
# --------------------------------------------------------------------------------------------


def _resize_axis(images: np.ndarray, axis: int, table) -> np.ndarray:
    """Resample ``images`` (NHWC) along ``axis`` (1 = height, 2 = width).

    The work runs on 3-D views whose last axis is long and contiguous (``w * c`` values for
    the height pass, ``out_w * c`` for the width pass), with per-tap weights repeated to
    match: NumPy broadcasting over a short inner axis (the ``c`` channels) is slow.
    """
    n, h, w, c = images.shape
    if axis == 1:
        src = images.reshape(n, h, w * c)
        gather_axis, tail = 1, 1
    else:
        src = images.reshape(n * h, w, c)
        gather_axis, tail = 1, c

    def weight(values):
        # Weights per output index, laid out along the flattened last axis.
        if axis == 1:
            return values.reshape(1, -1, 1)
        return np.repeat(values, tail).reshape(1, -1)

    def gather(index):
        out = np.take(src, index, axis=gather_axis)
        return out if axis == 1 else out.reshape(n * h, -1)

    kind = table[0]
    if kind == "lerp":
        _, lo, hi, frac = table
        a = gather(lo)
        out = gather(hi)
        out -= a
        out *= weight(frac)
        out += a
    else:
        _, idx, w_ = table
        if idx.shape[1] == 1 and np.all(w_ == 1):
            out = gather(idx[:, 0])
        else:
            out = None
            for k in range(idx.shape[1]):
                tap = gather(idx[:, k])
                tap *= weight(w_[:, k])
                if out is None:
                    out = tap
                else:
                    out += tap
    if axis == 1:
        return out.reshape(n, -1, w, c)
    return out.reshape(n, h, -1, c)


# --------------------------------------------------------------------------------------------
# Aspect-ratio crop and pad (Keras's formulas for Resizing)
# --------------------------------------------------------------------------------------------


def aspect_crop_box(height: int, width: int, target_height: int, target_width: int):
    """The largest centred window of a ``height x width`` image with the target aspect ratio.

    Keras's ``crop_to_aspect_ratio`` / ``smart_resize`` rule:
    ``crop_h = clamp(int(W * th / tw), 1, H)``, ``crop_w = clamp(int(H * tw / th), 1, W)``,
    ``top = int((H - crop_h) / 2)``, ``left = int((W - crop_w) / 2)``.

    Returns
    -------
    (top, left, crop_height, crop_width) : tuple of int

    Examples
    --------
    >>> aspect_crop_box(4, 6, 2, 2)
    (0, 1, 4, 4)
    """
    crop_h = max(min(height, int(float(width * target_height) / target_width)), 1)
    crop_w = max(min(width, int(float(height * target_width) / target_height)), 1)
    top = int(float(height - crop_h) / 2)
    left = int(float(width - crop_w) / 2)
    return top, left, crop_h, crop_w


def aspect_pad_widths(height: int, width: int, target_height: int, target_width: int):
    """Rows (``top``) or columns (``left``) Keras's ``pad_to_aspect_ratio`` adds on each side.

    ``pad_h = max(H, int(W * th / tw))``, ``pad_w = max(W, int(H * tw / th))``; the same count
    ``int((pad - size) / 2)`` is added on both sides (an odd total loses one row or column).

    Returns
    -------
    (top, left) : tuple of int

    Examples
    --------
    >>> aspect_pad_widths(4, 6, 4, 12)
    (0, 3)
    >>> aspect_pad_widths(4, 6, 6, 6)
    (1, 0)
    """
    pad_h = max(height, int(float(width * target_height) / target_width))
    pad_w = max(width, int(float(height * target_width) / target_height))
    return int(float(pad_h - height) / 2), int(float(pad_w - width) / 2)


# --------------------------------------------------------------------------------------------
# Public kernel
# --------------------------------------------------------------------------------------------


def resize(
    images,
    size,
    interpolation: str = "bilinear",
    antialias: bool = False,
    crop_to_aspect_ratio: bool = False,
    pad_to_aspect_ratio: bool = False,
    fill_value: float = 0.0,
) -> np.ndarray:
    """Resize a batch of NHWC images as Keras's ``ops.image.resize`` does on TensorFlow.

    Parameters
    ----------
    images : ndarray of shape (n, h, w, c)
        Images, integer or floating.
    size : (int, int)
        Output ``(height, width)``.
    interpolation : {"bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5"}
        Sampling method (see the module docstring for the exact rules).
    antialias : bool, default=False
        Widen the kernel when downsampling (bilinear, bicubic, lanczos only).
    crop_to_aspect_ratio : bool, default=False
        First take the largest centred window with the target aspect ratio.
    pad_to_aspect_ratio : bool, default=False
        First pad with ``fill_value`` to the target aspect ratio (same count on both sides).
    fill_value : float, default=0.0
        Value of the padding.

    Returns
    -------
    ndarray of shape (n, height, width, c)
        float32; ``nearest`` keeps the input dtype (as TensorFlow does).

    Examples
    --------
    >>> import numpy as np
    >>> ramp = np.arange(24, dtype=np.float32).reshape(1, 4, 6, 1)
    >>> resize(ramp, (2, 3))[0, :, :, 0]
    array([[ 3.5,  5.5,  7.5],
           [15.5, 17.5, 19.5]], dtype=float32)
    >>> resize(ramp, (2, 2), interpolation="nearest")[0, :, :, 0]
    array([[ 7., 10.],
           [19., 22.]], dtype=float32)
    """
    return _resize(
        images,
        size,
        interpolation,
        antialias,
        crop_to_aspect_ratio,
        pad_to_aspect_ratio,
        fill_value,
    )


def _resize(
    images,
    size,
    interpolation="bilinear",
    antialias=False,
    crop_to_aspect_ratio=False,
    pad_to_aspect_ratio=False,
    fill_value=0.0,
    uint8_out=False,
):
    """:func:`resize`; with ``uint8_out``, uint8 images (not ``nearest``) come back as uint8,
    rounded half to even and saturated (Keras's ``Resizing`` cast), without a float32 batch."""
    if interpolation not in INTERPOLATIONS:
        raise ValueError(
            f"Invalid value for argument `interpolation`. Expected of one {INTERPOLATIONS}. "
            f"Received: interpolation={interpolation!r}"
        )
    if crop_to_aspect_ratio and pad_to_aspect_ratio:
        raise ValueError(
            "Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`."
        )
    out_h, out_w = _check_size(size)
    images = np.asarray(images)
    if images.ndim != 4:
        raise ValueError(f"resize expects a batch of shape (n, h, w, c); got shape {images.shape}.")
    n, h, w, c = images.shape
    out_dtype = images.dtype if interpolation == "nearest" else np.float32
    # Every pass's output (and padding) fits in (n, max(h, out_h), max(w, out_w), c).
    check_output_size((n, max(h, out_h), max(w, out_w), c), out_dtype, "resize output")
    if crop_to_aspect_ratio:
        top, left, ch, cw = aspect_crop_box(h, w, out_h, out_w)
        images = images[:, top : top + ch, left : left + cw]
    elif pad_to_aspect_ratio:
        top, left = aspect_pad_widths(h, w, out_h, out_w)
        check_output_size((n, h + 2 * top, w + 2 * left, c), images.dtype, "resize padding")
        if top or left:
            images = pad(images, top, top, left, left, fill_value=fill_value)
    _, h, w, _ = images.shape
    keep_dtype = interpolation == "nearest"
    antialias = bool(antialias)
    passes = []
    for axis, n_in, n_out in ((2, w, out_w), (1, h, out_h)):
        # A same-size pass is the identity for every method but Lanczos (whose weights at
        # integer offsets are ~1e-17, not 0): skip it.
        if n_in != n_out or interpolation.startswith("lanczos"):
            passes.append((axis, _taps(n_in, n_out, interpolation, antialias), n_out / n_in))
    tf_order = interpolation == "area" or (interpolation == "bilinear" and not antialias)
    if not tf_order:
        # Shrink first so that the second pass runs on less data. (Bilinear and area keep
        # TF's order -- width, then height -- to agree with it to the last bit.)
        passes.sort(key=lambda p: p[2])
    area_norm = None
    if interpolation == "area":
        area_norm = np.float32(1) / (_scale_f32(h, out_h) * _scale_f32(w, out_w))
    if passes and not keep_dtype and _ckernel.kernel is not None:
        return _resize_compiled(images, passes, area_norm, uint8_out)
    x = images if keep_dtype or images.dtype == np.float32 else images.astype(np.float32)
    if not passes:
        return images.copy() if uint8_out and images.dtype == np.uint8 else x.copy()

    def run(chunk):
        for axis, table, _ in passes:
            chunk = _resize_axis(chunk, axis, table)
        if area_norm is not None:
            chunk *= area_norm  # passes is not empty: chunk is a new array
        return chunk

    out = map_batch(run, x)
    if uint8_out and images.dtype == np.uint8 and not keep_dtype:
        out = np.clip(np.rint(out, out=out), 0, 255, out=out).astype(np.uint8)
    return out


def _c_pass(axis, table):
    """A pass in the compiled kernel's form: ``(axis, kind, k, n_out, idx, weights)``."""
    if table[0] == "lerp":
        _, lo, hi, frac = table
        idx = np.ascontiguousarray(np.stack([lo, hi], axis=1), dtype=np.int64)
        return (axis, 1, 2, len(frac), idx, np.ascontiguousarray(frac, dtype=np.float32))
    _, idx, w = table
    idx = np.ascontiguousarray(idx, dtype=np.int64)
    return (axis, 2, idx.shape[1], idx.shape[0], idx, np.ascontiguousarray(w, dtype=np.float32))


def _resize_compiled(images, passes, area_norm, uint8_out):
    """The compiled separable resize: per image, the same float32 passes as the NumPy path."""
    src, is_u8 = _ckernel.source(images)
    n, h, w, c = src.shape
    c_passes = tuple(_c_pass(axis, table) for axis, table, _ in passes)
    out_h = next((p[3] for p in c_passes if p[0] == 1), h)
    out_w = next((p[3] for p in c_passes if p[0] == 2), w)
    to_u8 = bool(uint8_out and is_u8)
    out = np.empty((n, out_h, out_w, c), dtype=np.uint8 if to_u8 else np.float32)
    norm = 1.0 if area_norm is None else float(area_norm)

    def run(start, stop):
        _ckernel.kernel.resize(src, is_u8, out, to_u8, start, stop, h, w, c, c_passes, norm)

    _ckernel.run_images(run, n, max(h * w, out_h * out_w) * c)
    return out


def _check_size(size) -> tuple[int, int]:
    try:
        out_h, out_w = (int(s) for s in size)
        ok = all(float(s) == int(s) for s in size)
    except (TypeError, ValueError):
        ok = False
    if not ok or len(size) != 2 or out_h <= 0 or out_w <= 0:
        raise ValueError(
            f"Argument `size` must be a tuple of two positive integers (height, width). "
            f"Received: size={size!r}"
        )
    return out_h, out_w
