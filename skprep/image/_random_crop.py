"""RandomCrop: a random window per image in training, the centred resize at inference."""

from __future__ import annotations

from numbers import Integral

import numpy as np

from ..utils._sklearn_compat import Interval
from ._base import RANDOM_STATE_CONSTRAINT, BaseImageAugmentation
from ._docstrings import fill_doc
from .functional._ckernel import window_float32
from .functional._crop import smart_resize

__all__ = ["RandomCrop"]

_SIZE = [Interval(Integral, 1, None, closed="left")]


@fill_doc
class RandomCrop(BaseImageAugmentation):
    """Crop a random ``height x width`` window from each image (Keras ``RandomCrop``).

    Training-only randomness: ``fit_transform(X)`` is Keras ``layer(X, training=True)`` and
    ``transform(X)`` is ``training=False``; so ``fit_transform(X)`` differs from
    ``fit(X).transform(X)`` by design (as scikit-learn's ``TargetEncoder``).

    * ``fit_transform``: when the images are at least ``height x width``, each image gets its
      own window, ``top ~ randint(0, H - height + 1)``, ``left ~ randint(0, W - width + 1)``.
      Otherwise every image is centre-cropped to the target aspect ratio and bilinearly
      resized (Keras's fallback).
    * ``transform`` (inference): the deterministic centred version, equal to
      ``Resizing(height, width, crop_to_aspect_ratio=True)`` on float input, so training and
      inference outputs have the same shape.

    Parameters
    ----------
    height, width : int
        Output size.
    {random_state}
    {data_format}

    {fitted_attributes}

    Notes
    -----
    Differences from Keras 3, which follow Keras's documented semantics and Keras 2 (the
    inference crop keeps training and inference outputs the same shape):

    * Keras 3 draws **one** offset for the whole batch; skprep draws one per image.
    * Keras 3 returns the input unchanged at inference (original shape), contradicting its
      docstring; skprep returns the centred crop-and-resize, so ``transform`` has the shape of
      ``fit_transform``.
    * Keras 3 only crops randomly when the image is *strictly* larger than the target on both
      sides; skprep (as Keras 2) also does when a side equals the target.
    * On images smaller than the target, Keras 3 slices a target-sized window from the
      corner of the aspect-ratio box and resizes whatever remains (a distorted window);
      skprep resizes the aspect-ratio box itself (Keras 2's ``smart_resize``), which is
      also what inference does.

    Keras's ``seed`` seeds a generator that advances between calls; ``random_state`` follows
    scikit-learn instead. Output is float32 in both modes.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import RandomCrop
    >>> images = np.random.default_rng(0).uniform(0, 255, (8, 32, 32, 3))
    >>> crop = RandomCrop(24, 24, random_state=0)
    >>> crop.fit_transform(images).shape  # training: a random window per image
    (8, 24, 24, 3)
    >>> crop.transform(images).shape  # inference: the centred window, resized
    (8, 24, 24, 3)
    """

    _parameter_constraints = {
        **BaseImageAugmentation._image_constraints,
        "height": _SIZE,
        "width": _SIZE,
        "random_state": RANDOM_STATE_CONSTRAINT,
    }

    def __init__(self, height, width, *, random_state=None, data_format=None):
        self.height = height
        self.width = width
        self.random_state = random_state
        self.data_format = data_format

    def _sample_params(self, n_images, height, width, rng):
        if height < self.height or width < self.width:
            return {}
        return {
            "top": rng.integers(0, height - self.height + 1, size=n_images),
            "left": rng.integers(0, width - self.width + 1, size=n_images),
        }

    def _apply(self, images, params):
        if not params:
            return smart_resize(images, self.height, self.width)
        n, _, _, c = images.shape
        out = window_float32(
            images, params["top"], params["left"], self.height, self.width, False, False
        )
        if out is not None:  # compiled: the windows copied and cast on the pool's threads
            return out
        out = np.empty((n, self.height, self.width, c), dtype=np.float32)
        # One slice copy per image (each a block of contiguous rows), cast on the way.
        for i, (t, lf) in enumerate(zip(params["top"].tolist(), params["left"].tolist())):
            out[i] = images[i, t : t + self.height, lf : lf + self.width]
        return out

    def _inference(self, images):
        return smart_resize(images, self.height, self.width)
