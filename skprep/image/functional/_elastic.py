"""``elastic_transform``: Keras's elastic deformation, from given noise fields.

Keras (TF backend) per image: two standard-normal fields times ``sigma`` are blurred with a
Gaussian of that ``sigma`` and odd size ``6 * int(sigma) | 1`` (zero padding), and every
output pixel ``(x, y)`` reads the input at ``(x + alpha * dx, y + alpha * dy)`` with
Keras's ``map_coordinates`` (TF backend) border rules:

* ``"constant"``: a neighbour outside the image reads ``fill_value``;
* ``"nearest"``: indices are clamped;
* ``"reflect"``: index ``i`` becomes ``|i|`` folded with period ``2 * size`` and indices at
  or beyond the end step back by one, i.e. ``c b | a b c | c b`` at the start and
  ``a b c | c b a`` at the end (as Keras's TF backend computes it);
* ``"wrap"``: ``i mod size``;
* ``"mirror"``: ``c b | a b c | b a`` (Keras's TF backend rejects it).

Bilinear weights and the sum of the four neighbours are computed in float32 in Keras's order;
``"nearest"`` interpolation rounds half to even (``tf.round``).
"""

from __future__ import annotations

import numbers

import numpy as np

from ._args import as_batch
from ._parallel import map_batch
from ._pointwise import gaussian_blur

__all__ = ["ELASTIC_FILL_MODES", "elastic_transform"]

_F32 = np.float32
ELASTIC_FILL_MODES = ("reflect", "wrap", "constant", "nearest", "mirror")


def _fold(i: np.ndarray, size: int, fill_mode: str) -> np.ndarray:
    """The fill mode's rule for out-of-range integer indices ``i``."""
    if fill_mode == "wrap":
        return np.mod(i, size)
    if fill_mode == "mirror":
        if size == 1:
            return np.zeros_like(i)
        period = 2 * (size - 1)
        i = np.mod(np.abs(i), period)
        return np.where(i >= size, period - i, i)
    # reflect, as Keras's TF backend: |i| folded with period 2 size, the far side shifted
    i = np.mod(np.abs(i), 2 * size)
    return np.where(i < size, i, 2 * size - i - 1)


def _fix_index(i: np.ndarray, size: int, fill_mode: str) -> np.ndarray:
    """Map integer indices into ``[0, size - 1]`` by the fill mode, in place."""
    if fill_mode in ("constant", "nearest"):
        return np.clip(i, 0, size - 1, out=i)
    flat = i.reshape(-1)
    outside = np.flatnonzero((flat < 0) | (flat >= size))  # usually few: fold only those
    if outside.size:
        flat[outside] = _fold(flat[outside], size, fill_mode)
    return i


def _taps(coord: np.ndarray, size: int, interpolation: str, fill_mode: str):
    """The 1-D neighbours of each coordinate: list of (index, weight, valid-or-None)."""
    if interpolation == "nearest":
        raw = [(np.rint(coord).astype(np.int64), None)]
    else:
        lower = np.floor(coord)
        upper_weight = coord - lower
        index = lower.astype(np.int64)
        raw = [(index, _F32(1) - upper_weight), (index + 1, upper_weight)]
    taps = []
    for index, weight in raw:
        valid = (index >= 0) & (index < size) if fill_mode == "constant" else None
        taps.append((_fix_index(index, size, fill_mode), weight, valid))
    return taps


def sample(images, rows, cols, interpolation="bilinear", fill_mode="reflect", fill_value=0.0):
    """Read ``images`` at float coordinates ``(rows, cols)`` of shape (n, h_out, w_out)."""
    n, h, w, c = images.shape
    # each pixel's channels as one 4c-byte record: one gather moves a whole pixel
    pixels = np.ascontiguousarray(images, dtype=_F32).reshape(n * h * w, c)
    pixels = pixels.view(np.dtype((np.void, 4 * c))).reshape(-1)
    base = (np.arange(n, dtype=np.int64) * (h * w)).reshape(n, 1, 1)
    col_taps = _taps(cols, w, interpolation, fill_mode)
    out = None
    for r, wr, vr in _taps(rows, h, interpolation, fill_mode):
        row_base = base + r * w
        for q, wq, vq in col_taps:
            values = np.take(pixels, row_base + q).view(_F32).reshape(*q.shape, c)
            if vr is not None:
                values = np.where((vr & vq)[..., None], values, _F32(fill_value))
            if wr is not None:
                values = values * (wr * wq)[..., None]
            out = values if out is None else out + values
    return out.astype(_F32, copy=False)


def _deform(x, noise, alpha, sigma, interpolation, fill_mode, fill_value):
    """``elastic_transform`` on a chunk of images (validated arguments)."""
    n, h, w, _ = x.shape
    fields = np.zeros((n, h, w, 2), dtype=_F32)
    sizes = np.array([_kernel_size(s) if s > 0 else 0 for s in sigma])
    for size in np.unique(sizes[sizes > 0]):
        idx = np.flatnonzero(sizes == size)
        s = sigma[idx]
        fields[idx] = gaussian_blur(noise[idx] * s.reshape(-1, 1, 1, 1), s, kernel_size=int(size))
    a = alpha.reshape(n, 1, 1)
    cols = np.arange(w, dtype=_F32).reshape(1, 1, w) + a * fields[..., 0]
    rows = np.arange(h, dtype=_F32).reshape(1, h, 1) + a * fields[..., 1]
    return sample(x, rows, cols, interpolation, fill_mode, fill_value)


def _kernel_size(sigma: float) -> int:
    return (6 * int(sigma)) | 1


def elastic_transform(
    images,
    noise,
    alpha,
    sigma,
    interpolation="bilinear",
    fill_mode="reflect",
    fill_value=0.0,
) -> np.ndarray:
    """Deform images by smoothed random displacements (Keras's ``elastic_transform``).

    The displacement fields are ``alpha * blur(noise * sigma)`` with a Gaussian blur of
    ``sigma`` and odd size ``6 * int(sigma) | 1`` (zero padding); output pixel ``(x, y)``
    reads the input at ``(x + alpha * dx, y + alpha * dy)``. The noise is an argument, so
    the kernel is deterministic; the layer draws it.

    Parameters
    ----------
    images : ndarray of shape (n, height, width, channels)
        Channels-last images.
    noise : ndarray of shape (n, height, width, 2)
        Standard-normal fields: ``[..., 0]`` moves along the columns (x), ``[..., 1]`` along
        the rows (y).
    alpha, sigma : float or array of shape (n,)
        Displacement scale and smoothness per image (``sigma <= 0``: no displacement).
    interpolation : {"bilinear", "nearest"}, default="bilinear"
    fill_mode : {"reflect", "wrap", "constant", "nearest", "mirror"}, default="reflect"
        Border rule (Keras's ``map_coordinates``, TF backend; see the module notes).
    fill_value : float, default=0.0
        Value read outside the image with ``fill_mode="constant"``.

    Returns
    -------
    ndarray of float32, same shape as ``images``

    Examples
    --------
    Zero noise leaves the image as it is; a uniform field shifts it:

    >>> import numpy as np
    >>> row = np.arange(1.0, 7.0, dtype=np.float32).reshape(1, 1, 6, 1)
    >>> noise = np.zeros((1, 1, 6, 2), np.float32)
    >>> noise[..., 0] = 1.0
    >>> elastic_transform(row, noise, alpha=2.0, sigma=0.5, fill_mode="constant").ravel()
    array([2., 3., 4., 5., 6., 0.], dtype=float32)
    """
    x = as_batch(images)
    n, h, w, _ = x.shape
    noise = np.asarray(noise, dtype=_F32)
    if noise.shape != (n, h, w, 2):
        raise ValueError(
            f"`noise` must have shape (n, height, width, 2) = {(n, h, w, 2)}; got {noise.shape}."
        )
    if interpolation not in ("bilinear", "nearest"):
        raise ValueError(
            f"`interpolation` must be 'bilinear' or 'nearest'; got interpolation={interpolation!r}."
        )
    if fill_mode not in ELASTIC_FILL_MODES:
        raise ValueError(
            f"`fill_mode` must be one of {ELASTIC_FILL_MODES}; got fill_mode={fill_mode!r}."
        )
    if not isinstance(fill_value, numbers.Real) or isinstance(fill_value, bool):
        raise TypeError(f"`fill_value` must be a number; got fill_value={fill_value!r}.")
    alpha = np.broadcast_to(np.asarray(alpha, dtype=_F32), (n,))
    sigma = np.broadcast_to(np.asarray(sigma, dtype=_F32), (n,))
    if not (np.isfinite(alpha).all() and np.isfinite(sigma).all()):
        raise ValueError("`alpha` and `sigma` must be finite.")

    def run(chunk, chunk_noise, chunk_alpha, chunk_sigma):
        return _deform(
            chunk, chunk_noise, chunk_alpha, chunk_sigma, interpolation, fill_mode, fill_value
        )

    return map_batch(run, x, noise, alpha, sigma)
