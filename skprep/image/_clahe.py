"""ContrastLimitedAdaptiveHistogramEqualization: a thin estimator over
:func:`skprep.image.functional.clahe`."""

from __future__ import annotations

from numbers import Real

import numpy as np

from ._base import BaseImageTransformer, check_value_range
from ._docstrings import fill_doc
from .functional._clahe import _check_grid, clahe

__all__ = ["ContrastLimitedAdaptiveHistogramEqualization"]


def _truncate_back(out: np.ndarray, dtype) -> np.ndarray:
    """Keras casts the float result back to the input's integer dtype (truncation)."""
    dtype = np.dtype(dtype)
    if dtype.kind == "f":
        return out
    info = np.iinfo(dtype)
    np.trunc(out, out=out)
    return np.clip(out, info.min, info.max, out=out).astype(dtype)


@fill_doc
class ContrastLimitedAdaptiveHistogramEqualization(BaseImageTransformer):
    """Contrast-limited adaptive histogram equalisation (Keras
    ``ContrastLimitedAdaptiveHistogramEqualization``, CLAHE).

    Each channel is cut into a grid of tiles; every tile gets its own histogram-equalisation
    lookup table, with the histogram clipped at ``clip_limit`` times the mean bin count so
    noise in flat regions is not amplified; each pixel blends the tables of its four nearest
    tiles bilinearly, so no tile borders show. Deterministic: training and inference agree,
    and ``transform`` works without ``fit``.

    Parameters
    ----------
    value_range : (float, float), default=(0, 255)
        Range of the pixel values, and of the output. The tables are indexed with the values
        mapped to 0-255 and truncated to integers.
    clip_limit : float, default=4.0
        Limit of each histogram bin, as a multiple of the mean bin count
        (``tile_area / 256``); the clipped excess is spread evenly over all bins. ``<= 0``
        disables clipping (plain adaptive histogram equalisation).
    tile_grid_size : (int, int), default=(8, 8)
        Number of tile rows and columns, at most twice the image's rows and columns. An
        image that is not a whole number of tiles is padded at the bottom and right by
        reflection (for the histograms only).
    {data_format}

    See Also
    --------
    skprep.image.functional.clahe : The kernel.
    Equalization : Global histogram equalisation.

    Notes
    -----
    Outputs equal Keras's (TensorFlow backend) bit for bit on the parity fixtures, for
    integer and float images, odd sizes and tile grids; integer images keep their dtype with
    the values truncated, as Keras casts them. Differences from Keras 3: Keras builds its
    histograms from one-hot vectors (256 floats per pixel, several GB for a batch of
    64 224 x 224 RGB images), skprep counts them directly. A grid with more than twice as many tiles as pixels along an
    axis raises a ``ValueError`` naming ``tile_grid_size`` (Keras fails there inside
    TensorFlow, its reflection padding being longer than the image). NaN values index the
    first bin instead of an undefined one.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import ContrastLimitedAdaptiveHistogramEqualization
    >>> images = np.random.RandomState(0).randint(90, 160, size=(2, 32, 32, 3)).astype(np.uint8)
    >>> out = ContrastLimitedAdaptiveHistogramEqualization(tile_grid_size=(4, 4)).transform(images)
    >>> out.dtype, out.shape
    (dtype('uint8'), (2, 32, 32, 3))
    >>> int(images.max() - images.min()) < int(out.max() - out.min())
    True
    """

    _parameter_constraints = {
        **BaseImageTransformer._image_constraints,
        "value_range": "no_validation",  # checked by check_value_range
        "clip_limit": [Real],
        "tile_grid_size": "no_validation",  # checked by _check_grid
    }

    def __init__(
        self, value_range=(0, 255), clip_limit=4.0, tile_grid_size=(8, 8), *, data_format=None
    ):
        self.value_range = value_range
        self.clip_limit = clip_limit
        self.tile_grid_size = tile_grid_size
        self.data_format = data_format

    def _check_params(self):
        check_value_range(self.value_range)
        _check_grid(self.tile_grid_size)
        if not np.isfinite(self.clip_limit):
            raise ValueError(f"`clip_limit` must be finite; got clip_limit={self.clip_limit!r}.")

    def _transform_images(self, images):
        out = clahe(
            images, float(self.clip_limit), self.tile_grid_size, check_value_range(self.value_range)
        )
        return _truncate_back(out, images.dtype)
