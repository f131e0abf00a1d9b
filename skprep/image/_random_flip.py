"""RandomFlip: flip each image horizontally and/or vertically with probability 1/2."""

from __future__ import annotations

import numpy as np

from ..utils._sklearn_compat import StrOptions
from ._base import RANDOM_STATE_CONSTRAINT, BaseImageAugmentation, to_float32
from ._docstrings import fill_doc
from .functional import flip
from .functional._ckernel import window_float32

__all__ = ["RandomFlip"]

_MODES = ("horizontal", "vertical", "horizontal_and_vertical")


@fill_doc
class RandomFlip(BaseImageAugmentation):
    """Randomly flip each image left-right and/or upside-down (Keras ``RandomFlip``).

    Training-only randomness: ``fit_transform(X)`` is Keras ``layer(X, training=True)``;
    ``transform(X)`` is inference and returns the images unchanged (as float32). So
    ``fit_transform(X)`` differs from ``fit(X).transform(X)`` by design (as scikit-learn's
    ``TargetEncoder``).

    Parameters
    ----------
    mode : {"horizontal", "vertical", "horizontal_and_vertical"}, \
default="horizontal_and_vertical"
        Which flips to apply. Each flip happens to each image with probability 1/2; with
        "horizontal_and_vertical" the two are drawn independently (four equally likely
        outcomes).
    {random_state}
    {data_format}

    {fitted_attributes}

    Notes
    -----
    Differences from Keras 3 (its documentation wins): Keras 3 uses a single draw for both flips in
    "horizontal_and_vertical", so an image is either unchanged or rotated by 180 degrees;
    skprep draws them independently, as documented and as in Keras 2. Keras 3 silently
    ignores an unknown ``mode``; skprep raises. Keras's ``seed`` seeds a generator that
    advances between calls; ``random_state`` follows scikit-learn. Output is float32.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import RandomFlip
    >>> images = np.arange(2 * 2 * 3).reshape(2, 2, 3, 1)
    >>> flipped = RandomFlip("horizontal", random_state=0).fit_transform(images)
    >>> flipped.shape, flipped.dtype
    ((2, 2, 3, 1), dtype('float32'))
    """

    _parameter_constraints = {
        **BaseImageAugmentation._image_constraints,
        "mode": [StrOptions(set(_MODES))],
        "random_state": RANDOM_STATE_CONSTRAINT,
    }

    def __init__(self, mode="horizontal_and_vertical", *, random_state=None, data_format=None):
        self.mode = mode
        self.random_state = random_state
        self.data_format = data_format

    def _sample_params(self, n_images, height, width, rng):
        draws = rng.random((2, n_images)) < 0.5
        return {
            "horizontal": draws[0] & (self.mode != "vertical"),
            "vertical": draws[1] & (self.mode != "horizontal"),
        }

    def _apply(self, images, params):
        _, h, w, _ = images.shape
        h_flags, v_flags = params["horizontal"], params["vertical"]
        out = window_float32(images, 0, 0, h, w, h_flags, v_flags)  # compiled: one pass
        return flip(to_float32(images), h_flags, v_flags) if out is None else out

    def _inference(self, images):
        return images.astype(np.float32, copy=True)
