"""RandomElasticTransform: random smoothed displacement fields, applied with
:func:`skprep.image.functional.elastic_transform`."""

from __future__ import annotations

from numbers import Real

import numpy as np

from ..utils._sklearn_compat import StrOptions
from ._base import (
    RANDOM_STATE_CONSTRAINT,
    BaseImageAugmentation,
    check_value_range,
    parse_factor,
    to_float32,
)
from ._docstrings import fill_doc
from ._draws import apply_decisions
from .functional._affine import INTERPOLATIONS
from .functional._elastic import ELASTIC_FILL_MODES, elastic_transform

__all__ = ["RandomElasticTransform", "elastic_parameters"]

_F32 = np.float32


def elastic_parameters(height: int, width: int, distortion):
    """Keras's ``alpha`` and ``sigma`` for a distortion factor ``s`` (float32):
    ``alpha = max(height, width) * 0.1 * s``, ``sigma = min(height, width) * 0.05 * s``.

    Examples
    --------
    >>> elastic_parameters(224, 224, 1.0)
    (22.4, 11.2)
    """
    s = np.asarray(distortion, dtype=_F32)
    alpha = _F32(max(height, width)) * (_F32(0.1) * s)
    sigma = _F32(min(height, width)) * (_F32(0.05) * s)
    if alpha.ndim == 0:
        return float(alpha), float(sigma)
    return alpha, sigma


class RandomElasticTransform(BaseImageAugmentation):
    __doc__ = fill_doc(
        """Randomly deform images elastically (Keras ``RandomElasticTransform``).

    Each image is deformed, with the probability given by ``factor``, by a random smooth
    displacement field: two standard-normal fields are blurred with a Gaussian of width
    ``sigma = min(height, width) * 0.05 * s`` and scaled by ``alpha = max(height, width) *
    0.1 * s``, with the distortion ``s`` drawn from ``scale``; output pixel ``(x, y)`` reads
    the input at ``(x + dx, y + dy)``. The output is clipped to ``value_range``.

    {affine_contract}

    Parameters
    ----------
    factor : float or (float, float), default=1.0
        Probability of deforming an image: a scalar ``p`` in ``[0, 1]`` deforms with
        probability ``p`` (1.0 always); a pair ``(lower, upper)`` draws each image's
        probability from ``U(lower, upper)``.
    scale : float or (float, float), default=1.0
        Distortion range in ``[0, 1]``: a scalar ``s`` means ``(0, s)``, a pair
        ``(lower, upper)``; each image draws its distortion from it.
    interpolation : {"bilinear", "nearest"}, default="bilinear"
    fill_mode : {"reflect", "wrap", "constant", "nearest", "mirror"}, default="reflect"
        How points outside the image are read, as Keras's ``map_coordinates`` (TensorFlow
        backend), for a row ``a b c``: ``"reflect"`` ``c b | a b c | c b a`` (the start
        folds about the first pixel, the end repeats the last, as Keras computes it);
        ``"wrap"`` ``b c | a b c | a b``; ``"constant"`` ``k k | a b c | k k`` with
        ``k = fill_value``; ``"nearest"`` ``a a | a b c | c c``; ``"mirror"``
        ``c b | a b c | b a``.
    fill_value : float, default=0.0
        Value read outside the image when ``fill_mode="constant"``.
    value_range : (float, float), default=(0, 255)
        Range the output is clipped to.
    random_state : int, RandomState instance, Generator or None, default=None
        Replaces Keras's ``seed``. An int gives the same draws on every ``fit_transform``
        call; a ``RandomState`` or ``Generator`` advances between calls; None draws fresh
        entropy.
    {data_format}

    See Also
    --------
    skprep.image.functional.elastic_transform : The deformation, from given noise fields.

    Notes
    -----
    With the same noise, outputs equal Keras's (TensorFlow backend) to float32 rounding
    (Keras blurs with a 2-D convolution, skprep with two 1-D passes): within 5e-4 on 0-255
    images, bit-exact when the blur is a single tap. Differences from Keras 3: Keras draws
    the two noise fields from the same seed, so they are identical and every pixel moves
    along the diagonal; skprep draws them independently, as an elastic deformation
    (Simard et al., 2003) intends. Keras draws one distortion per batch; skprep draws one
    per image. A scalar ``factor=p`` is the probability ``p`` (Keras 3: ``(0, p)``, so its
    default deforms about half of the images although 1.0 is documented as "always").
    Keras's TensorFlow backend rejects ``fill_mode="mirror"``; skprep implements it.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import RandomElasticTransform
    >>> images = np.random.RandomState(0).uniform(0, 255, (4, 32, 32, 3))
    >>> warp = RandomElasticTransform(scale=0.5, random_state=0)
    >>> out = warp.fit_transform(images)
    >>> out.shape, out.dtype
    ((4, 32, 32, 3), dtype('float32'))
    >>> bool(np.array_equal(out, warp.fit_transform(images)))  # an int seed reproduces
    True
    """
    )

    _parameter_constraints = {
        **BaseImageAugmentation._image_constraints,
        "factor": "no_validation",  # checked by parse_factor (Keras's message)
        "scale": "no_validation",
        "interpolation": [StrOptions(set(INTERPOLATIONS))],
        "fill_mode": [StrOptions(set(ELASTIC_FILL_MODES))],
        "fill_value": [Real],
        "value_range": "no_validation",  # checked by check_value_range
        "random_state": RANDOM_STATE_CONSTRAINT,
    }

    def __init__(
        self,
        factor=1.0,
        scale=1.0,
        interpolation="bilinear",
        fill_mode="reflect",
        fill_value=0.0,
        value_range=(0, 255),
        *,
        random_state=None,
        data_format=None,
    ):
        self.factor = factor
        self.scale = scale
        self.interpolation = interpolation
        self.fill_mode = fill_mode
        self.fill_value = fill_value
        self.value_range = value_range
        self.random_state = random_state
        self.data_format = data_format

    def _scale_range(self):
        return parse_factor(self.scale, "scale", bounds=(0.0, 1.0), scalar="keras_base")

    def _check_params(self):
        parse_factor(self.factor, "factor", bounds=(0.0, 1.0))
        self._scale_range()
        check_value_range(self.value_range)

    def _sample_params(self, n_images, height, width, rng):
        apply = apply_decisions(rng, n_images, self.factor)
        lower, upper = self._scale_range()
        distortion = rng.uniform(lower, upper, size=n_images).astype(_F32)
        m = int(np.count_nonzero(apply))
        noise = rng.standard_normal((m, height, width, 2), dtype=_F32)
        return {"apply": apply, "distortion": distortion, "noise": noise}

    def _apply(self, images, params):
        _, h, w, _ = images.shape
        out = to_float32(images)
        out = out.copy() if out is images else out
        idx = np.flatnonzero(params["apply"])
        if idx.size:
            alpha, sigma = elastic_parameters(h, w, params["distortion"][idx])
            out[idx] = elastic_transform(
                out[idx],
                params["noise"],
                alpha,
                sigma,
                interpolation=self.interpolation,
                fill_mode=self.fill_mode,
                fill_value=self.fill_value,
            )
        low, high = check_value_range(self.value_range)
        return np.clip(out, low, high, out=out)

    def _inference(self, images):
        # Keras casts to float32 before looking at `training`: values kept, dtype float32.
        return images.astype(_F32)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.transformer_tags.preserves_dtype = ["float32"]
        return tags
