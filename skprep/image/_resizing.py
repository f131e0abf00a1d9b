"""Deterministic image layers: Resizing and CenterCrop."""

from __future__ import annotations

from numbers import Integral, Real

from ..utils._sklearn_compat import Interval, StrOptions
from ._base import BaseImageTransformer, cast_back
from ._docstrings import fill_doc
from .functional import center_crop
from .functional._resize import INTERPOLATIONS, _resize

__all__ = ["CenterCrop", "Resizing"]

_SIZE = [Interval(Integral, 1, None, closed="left")]


@fill_doc
class Resizing(BaseImageTransformer):
    """Resize images to ``(height, width)`` (Keras ``Resizing``).

    Deterministic and stateless: the same in training and inference, ``fit`` only validates,
    and ``transform`` works without it. Matches Keras 3 on the TensorFlow backend: half-pixel
    centres, TensorFlow's kernels for every method (see :func:`skprep.image.functional.resize`).

    Parameters
    ----------
    height, width : int
        Output size.
    interpolation : {"bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5"}, \
default="bilinear"
        Sampling method.
    crop_to_aspect_ratio : bool, default=False
        Resize the largest centred window with the target aspect ratio (no distortion).
    pad_to_aspect_ratio : bool, default=False
        Pad with ``fill_value`` to the target aspect ratio first (same number of rows or
        columns on both sides). At most one of the two flags may be True.
    fill_mode : {"constant"}, default="constant"
        How padding is filled; only "constant" exists (as in Keras).
    fill_value : float, default=0.0
        Padding value with ``pad_to_aspect_ratio``.
    antialias : bool, default=False
        Widen the filter when downsampling (bilinear, bicubic, lanczos).
    {data_format}

    Attributes
    ----------
    fitted_ : bool
        Set by ``fit`` (nothing is learned).

    See Also
    --------
    skprep.image.functional.resize : The kernel.
    CenterCrop : Crop without resizing when the image is large enough.

    Notes
    -----
    Deliberate difference from Keras: a rank-3 array is ``n`` single-channel images
    ``(n, h, w)``, resized to ``(n, height, width)``, never one image ``(h, w, c)``, so the
    number of rows never changes (pass one image as ``image[np.newaxis]``).

    The output has the input's dtype, as in Keras: integer images are rounded (half to even)
    and saturated back to their dtype (``uint8`` in, ``uint8`` out); floating images come out
    as float32.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import Resizing
    >>> images = np.arange(24, dtype=np.float32).reshape(1, 4, 6, 1)
    >>> Resizing(2, 3).transform(images)[0, :, :, 0]
    array([[ 3.5,  5.5,  7.5],
           [15.5, 17.5, 19.5]], dtype=float32)
    >>> Resizing(2, 2, crop_to_aspect_ratio=True).transform(images).shape
    (1, 2, 2, 1)
    """

    _parameter_constraints = {
        **BaseImageTransformer._image_constraints,
        "height": _SIZE,
        "width": _SIZE,
        "interpolation": [StrOptions(set(INTERPOLATIONS))],
        "crop_to_aspect_ratio": ["boolean"],
        "pad_to_aspect_ratio": ["boolean"],
        "fill_mode": [StrOptions({"constant"})],
        "fill_value": [Real],
        "antialias": ["boolean"],
    }

    def __init__(
        self,
        height,
        width,
        *,
        interpolation="bilinear",
        crop_to_aspect_ratio=False,
        pad_to_aspect_ratio=False,
        fill_mode="constant",
        fill_value=0.0,
        antialias=False,
        data_format=None,
    ):
        self.height = height
        self.width = width
        self.interpolation = interpolation
        self.crop_to_aspect_ratio = crop_to_aspect_ratio
        self.pad_to_aspect_ratio = pad_to_aspect_ratio
        self.fill_mode = fill_mode
        self.fill_value = fill_value
        self.antialias = antialias
        self.data_format = data_format

    def _check_params(self):
        if self.crop_to_aspect_ratio and self.pad_to_aspect_ratio:
            raise ValueError(
                "Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`."
            )

    def _transform_images(self, images):
        out = _resize(
            images,
            (self.height, self.width),
            interpolation=self.interpolation,
            antialias=self.antialias,
            crop_to_aspect_ratio=self.crop_to_aspect_ratio,
            pad_to_aspect_ratio=self.pad_to_aspect_ratio,
            fill_value=self.fill_value,
            uint8_out=True,  # uint8 in, uint8 out straight from the kernel
        )
        if out.dtype == images.dtype and out.dtype.kind in "iu":
            return out  # already cast (or nearest: the input's own values)
        return cast_back(out, images.dtype)


@fill_doc
class CenterCrop(BaseImageTransformer):
    """Crop the centre ``height x width`` window of each image (Keras ``CenterCrop``).

    Deterministic and stateless. If an image is at least the target size, the centred window
    is cut (``top = (H - height) // 2``, ``left = (W - width) // 2``; an odd difference drops
    the extra row/column at the bottom/right). If either side is smaller than the target, the
    largest centred window with the target aspect ratio is bilinearly resized to the target
    instead -- Keras's behaviour; nothing is padded.

    Parameters
    ----------
    height, width : int
        Output size.
    {data_format}

    Attributes
    ----------
    fitted_ : bool
        Set by ``fit`` (nothing is learned).

    See Also
    --------
    skprep.image.functional.center_crop : The kernel.

    Notes
    -----
    The output is float32 whatever the input dtype, as in Keras.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import CenterCrop
    >>> images = np.arange(24).reshape(1, 4, 6, 1)
    >>> CenterCrop(3, 3).transform(images)[0, :, :, 0]
    array([[ 1.,  2.,  3.],
           [ 7.,  8.,  9.],
           [13., 14., 15.]], dtype=float32)
    """

    _parameter_constraints = {
        **BaseImageTransformer._image_constraints,
        "height": _SIZE,
        "width": _SIZE,
    }

    def __init__(self, height, width, *, data_format=None):
        self.height = height
        self.width = width
        self.data_format = data_format

    def _transform_images(self, images):
        return center_crop(images, self.height, self.width)
