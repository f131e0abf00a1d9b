"""``affine_transform``: Keras's 8-parameter projective warp, as computed by TensorFlow.

Every output pixel ``(x, y)`` (column, row; pixel centres on integer coordinates) reads the
input at ``x' = (a0 x + a1 y + a2) / k``, ``y' = (b0 x + b1 y + b2) / k`` with
``k = c0 x + c1 y + 1``. The coordinate arithmetic, the fill-mode mapping and the
interpolation are done in float32 in the same order as TensorFlow's
``ImageProjectiveTransformV3`` kernel (the Keras TF backend), so results agree with Keras to
float32 rounding -- including TF's corner cases:

* ``"nearest"`` interpolation rounds half away from zero;
* ``"reflect"``, ``"wrap"`` and ``"nearest"`` clamp the mapped coordinate to ``[0, len - 1]``,
  and ``"wrap"`` counts periods with ``len - 1`` (so a point in ``(len - 1, len)`` is not
  blended across the seam);
* ``"constant"`` reads ``fill_value`` for every neighbour outside the image, so bilinear
  interpolation blends against the fill value at the border.

Speed (numbers in doc/design.md, "Geometry"): images are warped one at a time by a few
threads (NumPy releases the GIL inside gathers and arithmetic), each thread reusing its own
buffers; the general path gathers float32 values from channel planes with precomputed flat
indices (the other three bilinear neighbours through shifted views of the same buffer), and a
two-pixel fill border turns every out-of-image read into an ordinary read. Transforms with no
rotation or shear (``a1 = b0 = c0 = c1 = 0``: translations, zooms) are separable: the
coordinates depend on the column or the row only, and the bilinear blend runs as two 1-D
passes that perform the very same float32 operations per pixel as the 2-D kernel.

When the optional compiled kernels are built (``skprep/image/_imagekernel.c``, see
``_ckernel.py``) the warp runs there instead, with the same float32 operations per pixel
(bit-identical, tested); the NumPy kernels above are the fallback and the reference.
"""

from __future__ import annotations

import itertools
import numbers

import numpy as np

from ...utils._threads import n_cores, run_all
from . import _ckernel

__all__ = ["FILL_MODES", "INTERPOLATIONS", "affine_transform"]

INTERPOLATIONS = ("nearest", "bilinear")
FILL_MODES = ("reflect", "wrap", "constant", "nearest")

_F32 = np.float32
# Below this many output values per call, threads cost more than they save.
_MIN_PARALLEL_SIZE = 1 << 18
# The general kernel runs on chunks of about this many values, vectorised over the images of
# a chunk (for small images, per-image NumPy calls would cost more than the work).
_CHUNK_VALUES = 1 << 17
# Images of at least this many values take the separable fast path one at a time when their
# transform allows it; below it the chunked general kernel is faster (measured crossover
# between 64 x 64 x 3 and 96 x 96 x 3).
_SEPARABLE_MIN_VALUES = 1 << 14


def _map_reflect(c, n):
    """TF ``FILL_REFLECT``: map float32 coordinates ``c`` into ``[0, n - 1]``, in place."""
    if n <= 1:
        c[...] = 0
        return c
    period = _F32(2 * n)
    low = np.flatnonzero(c < 0)
    high = np.flatnonzero(c > n - 1)  # before the low side moves (TF: if / else if)
    if low.size:
        v = c[low]
        v = period * np.trunc(-v / period) + v
        c[low] = np.where(v < -n, v + period, -v - _F32(1))
    if high.size:
        v = c[high]
        v = v - period * np.trunc(v / period)
        c[high] = np.where(v >= n, period - v - _F32(1), v)
    return np.clip(c, _F32(0), _F32(n - 1), out=c)


def _map_wrap(c, n):
    """TF ``FILL_WRAP`` (periods counted with ``n - 1``, then clamped), in place."""
    if n <= 1:
        c[...] = 0
        return c
    size = _F32(n - 1)
    low = np.flatnonzero(c < 0)
    high = np.flatnonzero(c > n - 1)  # before the low side moves (TF: if / else if)
    if low.size:
        v = c[low]
        c[low] = v + _F32(n) * (np.trunc(-v / size) + _F32(1))
    if high.size:
        v = c[high]
        c[high] = v - _F32(n) * np.trunc(v / size)
    return np.clip(c, _F32(0), _F32(n - 1), out=c)


def _map_coordinates(c, n, fill_mode):
    """Map 1-D float32 sample coordinates along an axis of length ``n`` (TF rules), in place."""
    if fill_mode == "reflect":
        return _map_reflect(c, n)
    if fill_mode == "wrap":
        return _map_wrap(c, n)
    if fill_mode == "nearest":
        return np.clip(c, _F32(0), _F32(n - 1), out=c)
    return c  # constant: out-of-range points read fill_value


# Fill pixels on each side of the padded image. Integer positions are clipped to [-2, n]
# (see _to_index), so a clipped position and its right/lower neighbour both read the fill
# value -- what TF reads anywhere outside [0, n).
_PAD = 2


def _to_index(c, n, out):
    """Integral float32 positions -> integer positions in the padded image (into ``out``)."""
    np.clip(c, _F32(-_PAD), _F32(n), out=c)
    c += _F32(_PAD)
    np.copyto(out, c, casting="unsafe")
    return out


def _round_half_away(c):
    """``std::round`` (half away from zero), exactly in float32, in place."""
    whole = np.trunc(c)
    c -= whole
    half = np.abs(c) >= _F32(0.5)
    np.sign(c, out=c)
    c *= half
    c += whole
    return c


def _floor_and_weights(c, w0, w1):
    """Replace ``c`` by ``floor(c)``; fill TF's weights ``floor + 1 - c`` and ``c - floor``."""
    np.floor(c, out=w1)
    np.add(w1, _F32(1), out=w0)
    w0 -= c
    np.subtract(c, w1, out=c)
    c, w1 = w1, c
    return c, w0, w1


# Every gather below uses ``mode="clip"``: indices are in range by construction, and NumPy's
# default ``mode="raise"`` routes ``out=`` through an extra buffer copy.


class _Workspace:
    """Reusable buffers for warping images of one shape (one per worker thread).

    Reusing buffers matters: a fresh array of this size is served by new zeroed pages from
    the OS, and those page faults cost more than the arithmetic.
    """

    def __init__(self, h, w, ch, fill_value):
        self.h, self.w, self.ch = h, w, ch
        self.hp, self.wp = h + 2 * _PAD, w + 2 * _PAD
        self.fill_value = fill_value
        self.xs = np.arange(w, dtype=_F32)
        self.ys = np.arange(h, dtype=_F32)
        self._buffers = {}

    def get(self, name, shape, dtype=_F32):
        buf = self._buffers.get(name)
        if buf is None or buf.shape != shape or buf.dtype != dtype:
            buf = self._buffers[name] = np.empty(shape, dtype=dtype)
        return buf

    def padded(self, name, shape):
        """A buffer whose ``_PAD``-wide border along the last two ``shape`` axes is fill."""
        buf = self._buffers.get(name)
        if buf is None or buf.shape != shape:
            buf = self._buffers[name] = np.full(shape, self.fill_value, dtype=_F32)
        return buf


def _columns(ix, ch):
    """Flat positions of every channel of columns ``ix`` in a ``(rows, width * ch)`` view.

    Gathering single float32 values with these is several times faster than gathering
    ``ch``-value pixels.
    """
    return (ix[:, None] * ch + np.arange(ch)).reshape(-1)


def _warp_separable(image, t, interpolation, fill_mode, ws, out):
    """Warp for transforms where x' depends on x only and y' on y only."""
    h, w, ch = image.shape
    # (a0 x + 0 y) + a2 == a0 x + a2 exactly in float32 (and likewise for y').
    x = _map_coordinates(t[0] * ws.xs + t[2], w, fill_mode)
    y = _map_coordinates(t[4] * ws.ys + t[5], h, fill_mode)
    padded = ws.padded("hwc", (ws.hp, ws.wp, ch))
    padded[_PAD:-_PAD, _PAD:-_PAD] = image
    ix, iy = np.empty(w, np.intp), np.empty(h, np.intp)
    if interpolation == "nearest":
        _to_index(_round_half_away(x), w, ix)
        _to_index(_round_half_away(y), h, iy)
        rows = np.take(padded, iy, axis=0, out=ws.get("rows", (h, ws.wp, ch)), mode="clip")
        np.take(
            rows.reshape(h, -1), _columns(ix, ch), axis=1, out=out.reshape(h, w * ch), mode="clip"
        )
        return
    x, wx0, wx1 = _floor_and_weights(x, np.empty(w, _F32), np.empty(w, _F32))
    y, wy0, wy1 = _floor_and_weights(y, np.empty(h, _F32), np.empty(h, _F32))
    _to_index(x, w, ix)
    _to_index(y, h, iy)
    # Interpolate along x on the rows that are read, then along y: per pixel these are the
    # same float32 operations, in the same order, as TF's 2-D kernel.
    first, last = iy.min(), iy.max() + 2
    n_rows = last - first
    src = padded[first:last].reshape(n_rows, -1)
    columns = _columns(ix, ch)
    along_x = ws.get("along_x", (ws.hp, w * ch))[:n_rows]
    right = ws.get("right", (ws.hp, w * ch))[:n_rows]
    np.take(src, columns, axis=1, out=along_x, mode="clip")
    columns += ch
    np.take(src, columns, axis=1, out=right, mode="clip")
    along_x *= np.repeat(wx0, ch)
    right *= np.repeat(wx1, ch)
    along_x += right
    iy -= first
    upper = np.take(along_x, iy, axis=0, out=ws.get("upper", (h, w * ch)), mode="clip")
    upper *= wy0[:, None]
    lower = np.take(along_x, iy + 1, axis=0, out=ws.get("lower", (h, w * ch)), mode="clip")
    lower *= wy1[:, None]
    np.add(upper, lower, out=out.reshape(h, w * ch))


def _coordinates(t, ws):
    """Input sample points of every output pixel of a chunk of images.

    ``t`` has one transform per image, shape ``(B, 8)``. Computed as TF does:
    ``(a0 x + a1 y) + a2``, divided by ``(c0 x + c1 y) + 1`` for projective transforms.
    Returns float32 ``x``, ``y`` of shape ``(B * h * w,)`` and a ``(B, h, w)`` mask of the
    pixels whose projection is 0 (TF returns ``fill_value`` there), or None when there are
    none.
    """
    b, h, w = t.shape[0], ws.h, ws.w
    x = ws.get("x", (b, h, w))
    y = ws.get("y", (b, h, w))

    def plane(c0, c1, out):
        np.add((c0[:, None] * ws.xs)[:, None, :], (c1[:, None] * ws.ys)[:, :, None], out=out)
        return out

    plane(t[:, 0], t[:, 1], x)
    x += t[:, 2, None, None]
    plane(t[:, 3], t[:, 4], y)
    y += t[:, 5, None, None]
    outside = None
    if np.any(t[:, 6:] != 0):
        k = plane(t[:, 6], t[:, 7], np.empty((b, h, w), dtype=_F32))
        k += _F32(1)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            x /= k
            y /= k
        # Points sent to infinity read the fill value (as do zero projections, below).
        bad = (k == 0) | ~(np.isfinite(x) & np.isfinite(y))
        if bad.any():
            x[bad] = -2 * _PAD
            y[bad] = -2 * _PAD
            outside = k == 0
            outside = outside if outside.any() else None
    return x.reshape(-1), y.reshape(-1), outside


def _warp_general(images, t, interpolation, fill_mode, ws, out):
    """Warp a chunk of images ``(B, h, w, C)`` by any projective transforms ``(B, 8)``."""
    b, h, w, ch = images.shape
    n_pix = h * w
    x, y, outside = _coordinates(t, ws)
    x = _map_coordinates(x, w, fill_mode)
    y = _map_coordinates(y, h, fill_mode)
    # Channel planes, padded with fill pixels: gathers and blends run on contiguous 1-D data.
    planes = ws.padded("chw", (b, ch, ws.hp, ws.wp))
    planes[:, :, _PAD:-_PAD, _PAD:-_PAD] = images.transpose(0, 3, 1, 2)
    flat = planes.reshape(-1)
    stride, size = ws.wp, ws.hp * ws.wp
    ix = ws.get("ix", (b, n_pix), np.intp).reshape(-1)
    base = ws.get("base", (b, n_pix), np.intp)
    index = ws.get("index", (b, ch, n_pix), np.intp)
    out_planes = out.reshape(b, n_pix, ch).transpose(0, 2, 1)
    if interpolation == "nearest":
        _to_index(_round_half_away(x), w, ix)
        _to_index(_round_half_away(y), h, base.reshape(-1))
    else:
        x, wx0, wx1 = _floor_and_weights(
            x, ws.get("wx0", (b * n_pix,)), ws.get("wx1", (b * n_pix,))
        )
        y, wy0, wy1 = _floor_and_weights(
            y, ws.get("wy0", (b * n_pix,)), ws.get("wy1", (b * n_pix,))
        )
        _to_index(x, w, ix)
        _to_index(y, h, base.reshape(-1))
    base *= stride
    base += ix.reshape(b, n_pix)
    base += (np.arange(b) * (ch * size))[:, None]
    np.add(base[:, None, :], (np.arange(ch) * size)[:, None], out=index)
    if interpolation == "nearest":
        np.take(flat, index, out=out_planes, mode="clip")
    else:
        weights = [v.reshape(b, 1, n_pix) for v in (wx0, wx1, wy0, wy1)]
        _blend(flat, index, stride, weights, ws, out_planes)
    if outside is not None:
        out[outside] = ws.fill_value


def _blend(flat, index, stride, weights, ws, out):
    """TF's bilinear blend, in its float32 operation order, written into ``out``.

    ``index`` (shape ``(C, N)``) locates the top-left neighbour of each sample in ``flat``;
    the other three neighbours sit at ``+1``, ``+stride`` and ``+stride + 1``.
    """
    wx0, wx1, wy0, wy1 = weights
    top = np.take(flat, index, out=ws.get("top", index.shape), mode="clip")
    tmp = np.take(flat[1:], index, out=ws.get("tmp", index.shape), mode="clip")
    top *= wx0
    tmp *= wx1
    top += tmp
    top *= wy0
    bottom = np.take(flat[stride:], index, out=ws.get("bottom", index.shape), mode="clip")
    np.take(flat[stride + 1 :], index, out=tmp, mode="clip")
    bottom *= wx0
    tmp *= wx1
    bottom += tmp
    bottom *= wy1
    np.add(top, bottom, out=out)


def _is_separable(t):
    """Which transforms (rows of ``t``) have x' depending on x only and y' on y only."""
    return (t[..., 1] == 0) & (t[..., 3] == 0) & (t[..., 6] == 0) & (t[..., 7] == 0)


def _plan(transforms, image_size):
    """Split the batch into work items ``(slice, separable)``.

    Separable transforms of large enough images are warped one image at a time by the
    separable kernel; runs of the others are grouped into chunks for the general kernel.
    """
    n = transforms.shape[0]
    step = max(1, _CHUNK_VALUES // max(1, image_size))
    if image_size < _SEPARABLE_MIN_VALUES:
        return [(slice(i, min(i + step, n)), False) for i in range(0, n, step)]
    separable = _is_separable(transforms)
    plan, start = [], 0
    for i in range(n + 1):
        if i == n or separable[i] or i - start == step:
            if i > start:
                plan.append((slice(start, i), False))
            start = i
        if i < n and separable[i]:
            plan.append((slice(i, i + 1), True))
            start = i + 1
    return plan


def _warp_images(images, transforms, out, plan, next_item, interpolation, fill_mode, fill):
    """Warp the work item ``plan[k]`` for each ``k = next_item()`` until none is left.

    Threads pull items one at a time from a shared counter, so a thread the OS deschedules
    (on a busy machine) does not hold up the others at the end of the batch.
    """
    ws = _Workspace(*images.shape[1:], fill)
    while (k := next_item()) < len(plan):
        part, separable = plan[k]
        if separable:
            i = part.start
            _warp_separable(images[i], transforms[i], interpolation, fill_mode, ws, out[i])
        else:
            _warp_general(images[part], transforms[part], interpolation, fill_mode, ws, out[part])


def _n_threads(size):
    """Worker threads for a batch of ``size`` values: the usable cores (at most 8)."""
    return 1 if size < _MIN_PARALLEL_SIZE else n_cores()


def _check_transform(transform, n):
    t = np.asarray(transform)
    if t.dtype.kind not in "biuf":
        raise TypeError(f"`transform` must be numeric; got dtype {t.dtype}.")
    if t.ndim not in (1, 2) or t.shape[-1] != 8:
        raise ValueError(
            "`transform` must have shape (8,) or (n_images, 8) "
            f"([a0, a1, a2, b0, b1, b2, c0, c1]); got shape {t.shape}."
        )
    t = np.atleast_2d(t).astype(_F32)
    if t.shape[0] not in (1, n):
        raise ValueError(
            f"`transform` has {t.shape[0]} rows but there are {n} images; pass one row per "
            "image or a single row for all."
        )
    if not np.isfinite(t).all():
        raise ValueError("`transform` contains NaN or infinite values.")
    return np.broadcast_to(t, (n, 8))


def affine_transform(
    images,
    transform,
    interpolation="bilinear",
    fill_mode="reflect",
    fill_value=0.0,
):
    """Warp images by projective transforms, as Keras's TF backend does.

    Each transform ``[a0, a1, a2, b0, b1, b2, c0, c1]`` maps every *output* pixel ``(x, y)``
    (column, row) to the *input* point ``((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k)``
    with ``k = c0 x + c1 y + 1``; the output pixel is the input sampled there. Results equal
    ``keras.ops.image.affine_transform`` on the TensorFlow backend (its
    ``ImageProjectiveTransformV3`` kernel) to float32 rounding, border rules included.

    Parameters
    ----------
    images : array-like of shape (n_images, height, width, channels) or (height, width, channels)
        Channels-last images (a batch, or one image).
    transform : array-like of shape (8,) or (n_images, 8)
        One transform for every image, or one per image.
    interpolation : {"bilinear", "nearest"}, default="bilinear"
        ``"nearest"`` rounds the sample point half away from zero.
    fill_mode : {"reflect", "wrap", "constant", "nearest"}, default="reflect"
        How points outside the input are read, for a row ``a b c d``: ``"reflect"``
        ``d c b a | a b c d | d c b a``; ``"wrap"`` ``a b c d | a b c d | a b c d``;
        ``"constant"`` ``k k k k | a b c d | k k k k`` with ``k = fill_value``; ``"nearest"``
        ``a a a a | a b c d | d d d d``. The default is the Keras layers' default;
        ``keras.ops.image.affine_transform`` itself defaults to ``"constant"``.
    fill_value : float, default=0.0
        Value read outside the image when ``fill_mode="constant"`` (also where a projective
        transform sends a point to infinity).

    Returns
    -------
    ndarray
        Same shape as ``images``. Float images keep their dtype (values are computed in
        float32); integer images keep their dtype with values truncated toward zero, as in
        TensorFlow.

    Examples
    --------
    Shift a 1 x 6 ramp right by 3 pixels (``x' = x - 3``) with each fill mode:

    >>> import numpy as np
    >>> from skprep.image.functional import affine_transform
    >>> row = np.arange(1.0, 7.0, dtype=np.float32).reshape(1, 1, 6, 1)
    >>> shift = [1, 0, -3, 0, 1, 0, 0, 0]
    >>> for mode in ["reflect", "wrap", "constant", "nearest"]:
    ...     out = affine_transform(row, shift, fill_mode=mode, fill_value=-1)
    ...     print(mode, out.ravel())
    reflect [3. 2. 1. 1. 2. 3.]
    wrap [4. 5. 6. 1. 2. 3.]
    constant [-1. -1. -1.  1.  2.  3.]
    nearest [1. 1. 1. 1. 2. 3.]

    Bilinear interpolation blends against ``fill_value`` at the border:

    >>> affine_transform(row, [1, 0, -1.5, 0, 1, 0, 0, 0], fill_mode="constant",
    ...                  fill_value=-1).ravel()
    array([-1. ,  0. ,  1.5,  2.5,  3.5,  4.5], dtype=float32)
    """
    out, single = _affine_float32(images, transform, interpolation, fill_mode, fill_value)
    out = _cast_like(out, np.asarray(images).dtype)
    return out[0] if single else out


def _affine_float32(images, transform, interpolation, fill_mode, fill_value):
    """:func:`affine_transform`'s validation and warp, with a float32 result whatever the input
    dtype (as the Keras layers return): ``(batch, single)``. uint8 images are read as they are
    (no float32 copy of the input)."""
    if interpolation not in INTERPOLATIONS:
        raise ValueError(
            f"`interpolation` must be one of {INTERPOLATIONS}; got interpolation={interpolation!r}."
        )
    if fill_mode not in FILL_MODES:
        raise ValueError(f"`fill_mode` must be one of {FILL_MODES}; got fill_mode={fill_mode!r}.")
    if not isinstance(fill_value, numbers.Real) or isinstance(fill_value, bool):
        raise TypeError(f"`fill_value` must be a number; got fill_value={fill_value!r}.")
    fill = _F32(fill_value)
    images = np.asarray(images)
    if images.ndim not in (3, 4):
        raise ValueError(
            "`images` must have rank 3 (height, width, channels) or 4 (n_images, height, "
            f"width, channels); got shape {images.shape}."
        )
    if images.dtype.kind not in "iuf":
        raise TypeError(f"`images` must be integers or floats; got dtype {images.dtype}.")
    single = images.ndim == 3
    batch = images[None] if single else images
    transforms = _check_transform(transform, batch.shape[0])

    if _ckernel.kernel is not None:
        return _warp_compiled(batch, transforms, interpolation, fill_mode, fill), single
    out = np.empty(batch.shape, dtype=_F32)
    plan = _plan(transforms, int(np.prod(batch.shape[1:])))
    args = (batch, transforms, out, plan, itertools.count().__next__)  # atomic under the GIL
    opts = (interpolation, fill_mode, fill)
    n_threads = min(_n_threads(batch.size), len(plan))
    if n_threads <= 1:
        _warp_images(*args, *opts)
    else:
        run_all(_warp_images, [(*args, *opts)] * n_threads)
    return out, single


def _warp_compiled(batch, transforms, interpolation, fill_mode, fill):
    """The compiled warp: the same float32 operations per pixel as the NumPy kernels."""
    src, is_u8 = _ckernel.source(batch)
    n, h, w, ch = src.shape
    out = np.empty(src.shape, dtype=_F32)
    t = np.ascontiguousarray(transforms, dtype=_F32)
    nearest, mode, fill = interpolation == "nearest", FILL_MODES.index(fill_mode), float(fill)

    def warp(start, stop):
        _ckernel.kernel.affine(src, is_u8, out, t, start, stop, h, w, ch, nearest, mode, fill)

    _ckernel.run_images(warp, n, h * w * ch, ns_per_value=5.0)
    return out


def _cast_like(out, dtype):
    """Float32 results in the input's dtype: floats cast, integers truncated as in TF."""
    if dtype == _F32:
        return out
    if dtype.kind == "f":
        return out.astype(dtype)
    info = np.iinfo(dtype)
    np.trunc(out, out=out)
    return np.clip(out, info.min, info.max, out=out).astype(dtype)
