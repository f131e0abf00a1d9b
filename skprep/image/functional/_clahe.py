"""``clahe``: contrast-limited adaptive histogram equalisation with Keras's arithmetic.

Keras's ``ContrastLimitedAdaptiveHistogramEqualization`` (TF backend), step by step, in
float32 and in the same order:

1. map ``value_range`` to 0-255; pad each image at the bottom and right by symmetric
   reflection up to a multiple of the tile grid (``tile = ceil(size / grid)``);
2. a 256-bin histogram per tile and channel of the truncated values ``int(clip(x, 0, 255))``;
3. if ``clip_limit > 0``: clip every bin at ``clip_limit * tile_area / 256`` and add the
   clipped excess back evenly (``excess / 256`` to every bin);
4. per tile, the lookup table ``clip((cdf - cdf[0]) * 255 / (tile_area - cdf[0]), 0, 255)``
   (``cdf[0]`` is the count of value 0, not of the darkest value present, as in Keras);
5. every pixel blends the lookup tables of the four nearest tile centres bilinearly (border
   tiles repeated outwards), then the 0-255 values are mapped back to ``value_range``.

Histograms are one ``bincount`` over (image, tile, channel, value) keys instead of Keras's
one-hot sums (which allocate ``256`` floats per pixel), so memory stays a few times the batch.
"""

from __future__ import annotations

import numbers

import numpy as np

from ._args import as_batch, from_255, to_255, value_range_f32
from ._parallel import map_batch

__all__ = ["clahe"]

_F32 = np.float32


def _check_grid(tile_grid_size) -> tuple[int, int]:
    grid = tuple(tile_grid_size) if isinstance(tile_grid_size, (tuple, list)) else None
    if (
        grid is None
        or len(grid) != 2
        or not all(isinstance(g, numbers.Integral) and not isinstance(g, bool) for g in grid)
        or min(grid) < 1
    ):
        raise ValueError(
            "`tile_grid_size` must be a pair of positive integers (rows, columns); got "
            f"tile_grid_size={tile_grid_size!r}."
        )
    return int(grid[0]), int(grid[1])


def _grid_weights(size: int, tile: int, grid: int):
    """Lower/upper padded-tile index and upper weight of each pixel row (or column)."""
    g = (np.arange(size, dtype=_F32) - _F32(tile / 2.0)) / _F32(tile) + _F32(1)
    lower = np.floor(g)
    weight = g - lower
    i0 = np.clip(lower, 0, grid + 1).astype(np.int64)
    i1 = np.clip(lower + _F32(1), 0, grid + 1).astype(np.int64)
    return i0, i1, weight


def _tables(v: np.ndarray, tile_h: int, tile_w: int, grid, clip_limit: float) -> np.ndarray:
    """Per-tile lookup tables, edge-padded: shape (n, grid_h + 2, grid_w + 2, c, 256)."""
    n, hp, wp, c = v.shape
    gh, gw = grid
    values = np.clip(v, 0, 255)
    np.nan_to_num(values, copy=False)  # NaN counts as 0 (never an out-of-range bin)
    values = values.astype(np.int64)
    # key = (((image * gh + tile_row) * gw + tile_col) * c + channel) * 256 + value
    values = values.reshape(n, gh, tile_h, gw, tile_w, c)
    offsets = np.arange(n * gh * gw * c, dtype=np.int64).reshape(n, gh, 1, gw, 1, c) * 256
    values += offsets
    hist = np.bincount(values.ravel(), minlength=n * gh * gw * c * 256)
    hist = hist.reshape(n, gh, gw, c, 256).astype(_F32)
    area = tile_h * tile_w
    if clip_limit > 0:
        limit = _F32(clip_limit * area / 256.0)
        clipped = np.clip(hist, 0, limit)
        excess = np.sum(hist - clipped, axis=-1, keepdims=True, dtype=_F32)
        hist = clipped + excess / _F32(256)
    cdf = np.cumsum(hist, axis=-1, dtype=_F32)
    cdf_min = cdf.min(axis=-1, keepdims=True)
    denominator = _F32(area) - cdf_min
    denominator = np.where(denominator == 0, _F32(1), denominator)
    table = np.clip((cdf - cdf_min) * _F32(255) / denominator, 0, 255)
    return np.pad(table, ((0, 0), (1, 1), (1, 1), (0, 0), (0, 0)), mode="edge")


def _check_grid_fits(height: int, width: int, grid) -> None:
    """The reflection padding may not exceed the image (Keras's limit): ``grid <= 2 * size``."""
    gh, gw = grid
    if gh > 2 * height or gw > 2 * width:
        raise ValueError(
            f"tile_grid_size={grid} is too fine for {height} x {width} images: each axis may "
            "have at most twice as many tiles as pixels (the image is padded by reflection to "
            "a whole number of tiles, at most by its own size, as in Keras). Use a coarser grid."
        )


def _clahe_chunk(v: np.ndarray, grid, clip_limit: float) -> np.ndarray:
    n, h, w, c = v.shape
    gh, gw = grid
    tile_h, tile_w = -(-h // gh), -(-w // gw)
    pad_h, pad_w = tile_h * gh - h, tile_w * gw - w
    padded = v
    if pad_h or pad_w:
        padded = np.pad(v, ((0, 0), (0, pad_h), (0, pad_w), (0, 0)), mode="symmetric")
    table = _tables(padded, tile_h, tile_w, grid, clip_limit).ravel()

    y0, y1, wy = _grid_weights(h, tile_h, gh)  # only the unpadded rows/columns are output
    x0, x1, wx = _grid_weights(w, tile_w, gw)
    stride_x = 256 * c
    stride_y = stride_x * (gw + 2)
    stride_b = stride_y * (gh + 2)
    pixels = np.clip(v, 0, 255)
    np.nan_to_num(pixels, copy=False)
    base = pixels.astype(np.int64)
    base += (np.arange(n, dtype=np.int64) * stride_b).reshape(n, 1, 1, 1)
    base += (np.arange(c, dtype=np.int64) * 256).reshape(1, 1, 1, c)
    rows0 = (y0 * stride_y).reshape(1, h, 1, 1)
    rows1 = (y1 * stride_y).reshape(1, h, 1, 1)
    cols0 = (x0 * stride_x).reshape(1, 1, w, 1)
    cols1 = (x1 * stride_x).reshape(1, 1, w, 1)
    wx = wx.reshape(1, 1, w, 1)
    wy = wy.reshape(1, h, 1, 1)
    one = _F32(1)
    top = table[base + rows0 + cols0] * (one - wx) + table[base + rows0 + cols1] * wx
    bottom = table[base + rows1 + cols0] * (one - wx) + table[base + rows1 + cols1] * wx
    return top * (one - wy) + bottom * wy


def clahe(images, clip_limit=4.0, tile_grid_size=(8, 8), value_range=(0, 255)) -> np.ndarray:
    """Contrast-limited adaptive histogram equalisation (Keras's CLAHE arithmetic).

    Each image channel is split into a ``tile_grid_size`` grid of tiles (the image is padded
    at the bottom/right by symmetric reflection to a whole number of tiles); each tile gets a
    histogram-equalisation lookup table whose bins are clipped at
    ``clip_limit * tile_area / 256`` (the excess spread evenly over all bins), and every
    pixel blends the tables of its four nearest tiles bilinearly. Values are truncated to
    integers 0-255 to index the tables, on the 0-255 scale of ``value_range``.

    Parameters
    ----------
    images : ndarray of shape (n, height, width, channels)
        Images with values in ``value_range``.
    clip_limit : float, default=4.0
        Contrast limit; ``<= 0`` disables the clipping (plain adaptive equalisation).
    tile_grid_size : (int, int), default=(8, 8)
        Number of tile rows and columns.
    value_range : (float, float), default=(0, 255)
        Range of the pixel values, and of the output.

    Returns
    -------
    ndarray of float32, same shape

    Examples
    --------
    >>> import numpy as np
    >>> ramp = np.linspace(0, 150, 16, dtype=np.float32).reshape(1, 4, 4, 1)
    >>> clahe(ramp, clip_limit=0.0, tile_grid_size=(1, 1))[0, :, :, 0]
    array([[  0.,  17.,  34.,  51.],
           [ 68.,  85., 102., 119.],
           [136., 153., 170., 187.],
           [204., 221., 238., 255.]], dtype=float32)
    """
    v = as_batch(images)
    grid = _check_grid(tile_grid_size)
    if not isinstance(clip_limit, numbers.Real) or not np.isfinite(clip_limit):
        raise ValueError(f"`clip_limit` must be a finite number; got clip_limit={clip_limit!r}.")
    _check_grid_fits(v.shape[1], v.shape[2], grid)
    low, high = value_range_f32(value_range)
    scaled = not (low == 0 and high == 255)
    if scaled:
        v = to_255(v.astype(_F32, copy=False), low, high)

    def run(chunk):
        return _clahe_chunk(chunk, grid, float(clip_limit))

    out = map_batch(run, v)
    return from_255(out, low, high) if scaled else out
