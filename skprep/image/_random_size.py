"""RandomHeight and RandomWidth (Keras 2 layers, removed in Keras 3)."""

from __future__ import annotations

import numpy as np

from ..utils._sklearn_compat import StrOptions
from ._base import RANDOM_STATE_CONSTRAINT, BaseImageAugmentation, parse_factor
from ._docstrings import fill_doc
from .functional import resize
from .functional._resize import INTERPOLATIONS

__all__ = ["RandomHeight", "RandomWidth"]


class _RandomSize(BaseImageAugmentation):
    """Resize one axis by a random factor drawn once per call (so the batch stacks)."""

    _axis: int  # 1 = height, 2 = width
    #: Training changes the output shape (Keras 2 semantics); inference is the identity.
    _training_changes_shape = True

    _parameter_constraints = {
        **BaseImageAugmentation._image_constraints,
        "factor": "no_validation",  # checked by parse_factor (Keras messages)
        "interpolation": [StrOptions(set(INTERPOLATIONS))],
        "random_state": RANDOM_STATE_CONSTRAINT,
    }

    def __init__(self, factor, interpolation="bilinear", *, random_state=None, data_format=None):
        self.factor = factor
        self.interpolation = interpolation
        self.random_state = random_state
        self.data_format = data_format

    def _factor_range(self):
        return parse_factor(self.factor, "factor", bounds=(-1.0, np.inf))

    def _check_params(self):
        self._factor_range()

    def _sample_params(self, n_images, height, width, rng):
        lower, upper = self._factor_range()
        size = height if self._axis == 1 else width
        scale = np.float32(rng.uniform(1.0 + lower, 1.0 + upper))
        return {"size": max(int(scale * np.float32(size)), 1)}

    def _apply(self, images, params):
        _, h, w, _ = images.shape
        size = (params["size"], w) if self._axis == 1 else (h, params["size"])
        return resize(images, size, self.interpolation).astype(np.float32, copy=False)

    def _inference(self, images):
        return images.astype(np.float32, copy=True)


_DOC = """Randomly {verb} the {axis} of the images (Keras 2 ``Random{Axis}``).

    Training (``fit_transform``) draws one factor ``s`` per call, uniform in
    ``[1 + lower, 1 + upper]``, and resizes the whole batch to ``{axis} = int(s * {AX})``
    (at least 1) with ``interpolation``; the other axis is kept. Inference (``transform``)
    returns the images unchanged. So, by design, training changes the output shape and
    ``fit_transform(X)`` differs from ``fit(X).transform(X)`` (as scikit-learn's
    ``TargetEncoder``).

    Keras 3 removed this layer; skprep keeps its Keras 2 meaning (so Keras 2 code ports). One size
    is drawn per call, not per image, so the batch stays one array.

    Parameters
    ----------
    factor : float or (float, float)
        A scalar ``f`` gives the range ``[-f, f]``, a pair ``(lower, upper)`` itself, as
        fractions of the {axis} (``lower >= -1``): e.g. ``(-0.2, 0.3)`` changes the {axis} by
        -20% to +30%.
    interpolation : {"bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5"}, \
default="bilinear"
        Resize method (see :func:`skprep.image.functional.resize`).
    {random_state}
    data_format : {"channels_last", "channels_first"} or None, default=None
        Layout of the images; None is "channels_last".

    {fitted_attributes}

    Notes
    -----
    Output is float32 in both modes. Keras 2 sorted nothing and raised for
    ``lower > upper``; so does skprep.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import Random{Axis}
    >>> images = np.zeros((4, 10, 10, 3), dtype=np.float32)
    >>> Random{Axis}((0.5, 0.5), random_state=0).fit_transform(images).shape
    {shape}
    >>> Random{Axis}(0.5).fit(images).transform(images).shape  # inference: identity
    (4, 10, 10, 3)
    """


class RandomHeight(_RandomSize):
    __doc__ = fill_doc(
        _DOC, verb="stretch", axis="height", Axis="Height", AX="H", shape="(4, 15, 10, 3)"
    )
    _axis = 1


class RandomWidth(_RandomSize):
    __doc__ = fill_doc(
        _DOC, verb="stretch", axis="width", Axis="Width", AX="W", shape="(4, 10, 15, 3)"
    )
    _axis = 2
