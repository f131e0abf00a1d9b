"""RandomInvert, Solarization, RandomPosterization and AutoContrast: pointwise colour layers
on the kernels of ``skprep.image.functional._pointwise``."""

from __future__ import annotations

from numbers import Integral, Real

import numpy as np

from ..utils._sklearn_compat import Interval
from ._base import (
    RANDOM_STATE_CONSTRAINT,
    BaseImageAugmentation,
    BaseImageTransformer,
    cast_back,
    check_value_range,
    colour_inference,
    keep_dtype,
    parse_factor,
)
from ._docstrings import fill_doc
from ._draws import apply_decisions
from .functional import (
    auto_contrast,
    equalize,
    gaussian_blur,
    invert,
    posterize,
    rgb_to_grayscale,
    sharpen,
    solarize,
)
from .functional._pointwise import _gaussian_blur

__all__ = [
    "AutoContrast",
    "Equalization",
    "RandomGaussianBlur",
    "RandomGrayscale",
    "RandomInvert",
    "RandomPosterization",
    "RandomSharpness",
    "Solarization",
]

_CONSTRAINTS = {
    **BaseImageAugmentation._image_constraints,
    "value_range": "no_validation",  # checked by check_value_range
    "random_state": RANDOM_STATE_CONSTRAINT,
}


@fill_doc
class RandomInvert(BaseImageAugmentation):
    """Randomly invert the colours of each image (Keras ``RandomInvert``).

    Each image is inverted, ``low + high - x`` for ``value_range=(low, high)``, with a
    probability given by ``factor``.

    {training_only_float32}

    Parameters
    ----------
    factor : float or (float, float), default=1.0
        Probability of inverting an image: a scalar ``p`` in ``[0, 1]`` inverts with
        probability ``p`` (1.0 always); a pair ``(lower, upper)`` draws each image's
        probability from ``U(lower, upper)``.
    value_range : (float, float), default=(0, 255)
        Range of the pixel values.
    {augmentation_parameters}

    See Also
    --------
    skprep.image.functional.invert : The kernel, with explicit per-image decisions.

    Notes
    -----
    Differences from Keras 3 (its documentation wins): Keras 3 turns a scalar ``factor=p`` into the
    probability range ``(0, p)``, so the default ``factor=1.0`` inverts only about half of
    the images, although it documents ``factor`` as the probability; skprep inverts with
    probability ``p`` (pairs keep Keras's per-image draw). Keras computes ``high - x``,
    which leaves the range when ``low != 0``; skprep computes ``low + high - x`` (the same
    for the usual ``(0, 255)`` and ``(0, 1)``). Integer images are returned in their dtype
    (Keras: float32).

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import RandomInvert
    >>> images = np.full((2, 2, 2, 3), 55.0, dtype=np.float32)
    >>> RandomInvert(random_state=0).fit_transform(images)[:, 0, 0, 0]
    array([200., 200.], dtype=float32)
    """

    _parameter_constraints = {**_CONSTRAINTS, "factor": "no_validation"}

    def __init__(self, factor=1.0, value_range=(0, 255), *, random_state=None, data_format=None):
        self.factor = factor
        self.value_range = value_range
        self.random_state = random_state
        self.data_format = data_format

    def _check_params(self):
        parse_factor(self.factor, "factor", bounds=(0.0, 1.0))
        check_value_range(self.value_range)

    def _sample_params(self, n_images, height, width, rng):
        return {"apply": apply_decisions(rng, n_images, self.factor)}

    def _apply(self, images, params):
        out = invert(images, params["apply"], check_value_range(self.value_range))
        return keep_dtype(out, images.dtype)

    def _inference(self, images):
        return colour_inference(images)


@fill_doc
class Solarization(BaseImageAugmentation):
    """Randomly solarize each image (Keras ``Solarization``).

    On the 0-255 scale, each image gets an ``addition`` and a ``threshold``:
    ``y = clip(x + addition, 0, 255)``, and values at or above the threshold are inverted
    (``255 - y``).

    {training_only_float32}

    Parameters
    ----------
    addition_factor : float or (float, float), default=0.0
        In ``[0, 1]``; the addition is drawn from ``255 * U(lower, upper)`` (a scalar ``f``
        means ``(0, f)``).
    threshold_factor : float or (float, float), default=0.0
        In ``[0, 1]``; the threshold is drawn from ``255 * U(lower, upper)`` (a scalar ``f``
        means ``(0, f)``). 0 inverts every value.
    value_range : (float, float), default=(0, 255)
        Range of the pixel values.
    {augmentation_parameters}

    See Also
    --------
    skprep.image.functional.solarize : The kernel, with explicit additions and thresholds.

    Notes
    -----
    Differences from Keras 3: Keras draws from ``U(lower, 255 * upper)`` -- the lower bound
    of a pair is not scaled -- so ``threshold_factor=(0.5, 0.6)`` gives thresholds in
    ``[0.5, 153]``; skprep scales both bounds (the same for scalar factors, whose lower bound
    is 0). Keras sorts a pair silently; skprep raises when ``lower > upper``. Integer images
    are returned in their dtype, rounded and saturated (Keras: float32); inference returns
    the images unchanged like the other colour layers (Keras casts them to float32).

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import Solarization
    >>> images = np.array([[[[10.0, 100.0, 200.0]]]], dtype=np.float32)
    >>> Solarization(threshold_factor=(0.5, 0.5)).fit_transform(images)[0, 0, 0]
    array([ 10., 100.,  55.], dtype=float32)
    """

    _parameter_constraints = {
        **_CONSTRAINTS,
        "addition_factor": "no_validation",
        "threshold_factor": "no_validation",
    }

    def __init__(
        self,
        addition_factor=0.0,
        threshold_factor=0.0,
        value_range=(0, 255),
        *,
        random_state=None,
        data_format=None,
    ):
        self.addition_factor = addition_factor
        self.threshold_factor = threshold_factor
        self.value_range = value_range
        self.random_state = random_state
        self.data_format = data_format

    def _ranges(self):
        kw = {"bounds": (0.0, 1.0), "scalar": "keras_base"}
        return (
            parse_factor(self.addition_factor, "addition_factor", **kw),
            parse_factor(self.threshold_factor, "threshold_factor", **kw),
        )

    def _check_params(self):
        self._ranges()
        check_value_range(self.value_range)

    def _sample_params(self, n_images, height, width, rng):
        (a_lo, a_hi), (t_lo, t_hi) = self._ranges()
        return {
            "addition": rng.uniform(a_lo, a_hi, size=n_images) * 255.0,
            "threshold": rng.uniform(t_lo, t_hi, size=n_images) * 255.0,
        }

    def _apply(self, images, params):
        vr = check_value_range(self.value_range)
        out = solarize(images, params["addition"], params["threshold"], vr)
        return keep_dtype(out, images.dtype)

    def _inference(self, images):
        return colour_inference(images)


@fill_doc
class RandomPosterization(BaseImageAugmentation):
    """Randomly reduce the number of bits of each colour value (Keras ``RandomPosterization``).

    Each image keeps ``b`` high bits of its 8-bit values (on the 0-255 scale), with ``b``
    drawn per image from the integers in the ``factor`` range.

    {training_only_float32}

    Parameters
    ----------
    factor : int or (int, int)
        Bits to keep, in ``[1, 8]``: a scalar ``b`` draws from ``{1, ..., b}``; a pair
        ``(lower, upper)`` from ``{lower, ..., upper}``.
    value_range : (float, float), default=(0, 255)
        Range of the pixel values.
    {augmentation_parameters}

    See Also
    --------
    skprep.image.functional.posterize : The kernel, with explicit bits per image.

    Notes
    -----
    Differences from Keras 3: Keras draws ``randint(lower, upper)`` with the upper bound
    excluded, so ``factor=4`` never keeps 4 bits and ``factor=(1, 8)`` never leaves the
    image unchanged; skprep includes the upper bound, as ``factor`` is documented as "the
    number of bits to keep". Factors must be integers. Integer images are returned in their
    dtype (Keras returns float32 in training and the input at inference, as skprep does).

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import RandomPosterization
    >>> images = np.array([[[[63.0, 64.0, 200.0]]]], dtype=np.float32)
    >>> RandomPosterization((2, 2)).fit_transform(images)[0, 0, 0]
    array([  0.,  64., 192.], dtype=float32)
    """

    _parameter_constraints = {**_CONSTRAINTS, "factor": "no_validation"}

    def __init__(self, factor, value_range=(0, 255), *, random_state=None, data_format=None):
        self.factor = factor
        self.value_range = value_range
        self.random_state = random_state
        self.data_format = data_format

    def _bits_range(self):
        values = self.factor if isinstance(self.factor, (tuple, list)) else [self.factor]
        if not all(isinstance(v, Integral) and not isinstance(v, bool) for v in values):
            raise ValueError(
                "The `factor` argument should be an integer (or a pair of integers) in the "
                f"range [1, 8]. Received: factor={self.factor!r}"
            )
        lower, upper = parse_factor(self.factor, "factor", bounds=(1.0, 8.0), scalar="keras_base")
        return int(lower), int(upper)

    def _check_params(self):
        self._bits_range()
        check_value_range(self.value_range)

    def _sample_params(self, n_images, height, width, rng):
        lower, upper = self._bits_range()
        return {"bits": rng.integers(lower, upper + 1, size=n_images)}

    def _apply(self, images, params):
        out = posterize(images, params["bits"], check_value_range(self.value_range))
        return keep_dtype(out, images.dtype)

    def _inference(self, images):
        return colour_inference(images)


@fill_doc
class RandomGrayscale(BaseImageAugmentation):
    """Randomly turn images to greyscale (Keras ``RandomGrayscale``).

    Each RGB image is replaced, with probability ``factor``, by its luma
    ``0.2989 R + 0.5870 G + 0.1140 B`` repeated on the three channels (the output keeps 3
    channels). Single-channel images are returned unchanged.

    {training_only_float32}

    Parameters
    ----------
    factor : float, default=0.5
        Probability in ``[0, 1]`` of converting an image.
    {augmentation_parameters}

    See Also
    --------
    skprep.image.functional.rgb_to_grayscale : The luma kernel (TF's weights).

    Notes
    -----
    As in Keras, integer images keep their dtype and the luma is truncated toward zero (TF's
    cast), and images need 1 or 3 channels.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import RandomGrayscale
    >>> images = np.array([[[[100.0, 50.0, 0.0]]]], dtype=np.float32)
    >>> RandomGrayscale(1.0).fit_transform(images)[0, 0, 0]
    array([59.24, 59.24, 59.24], dtype=float32)
    """

    _parameter_constraints = {
        **BaseImageAugmentation._image_constraints,
        "factor": [Interval(Real, 0, 1, closed="both")],
        "random_state": RANDOM_STATE_CONSTRAINT,
    }

    def __init__(self, factor=0.5, *, random_state=None, data_format=None):
        self.factor = factor
        self.random_state = random_state
        self.data_format = data_format

    def _sample_params(self, n_images, height, width, rng):
        return {"apply": rng.uniform(size=n_images) < self.factor}

    def _apply(self, images, params):
        channels = images.shape[-1]
        if channels not in (1, 3):
            raise ValueError(
                f"RandomGrayscale expects 1 (greyscale) or 3 (RGB) channels; got {channels}."
            )
        if channels == 1:
            return colour_inference(images)
        gray = rgb_to_grayscale(images)
        if images.dtype.kind != "f":
            info = np.iinfo(images.dtype)
            gray = np.clip(np.trunc(gray), info.min, info.max).astype(images.dtype)
        apply = params["apply"].reshape(-1, 1, 1, 1)
        return np.where(apply, gray, images).astype(gray.dtype, copy=False)

    def _inference(self, images):
        return colour_inference(images)


@fill_doc
class RandomSharpness(BaseImageAugmentation):
    """Randomly blur or sharpen each image (Keras ``RandomSharpness``).

    Each image is blended with its 3x3-smoothed version:
    ``x + (1 - 2 f) * (smooth - x)``, clipped to ``value_range``, with ``f`` drawn per image:
    ``f = 0`` gives the smoothed image, ``0.5`` the image itself, ``1`` sharpens.

    {training_only_float32}

    Parameters
    ----------
    factor : float or (float, float)
        In ``[0, 1]``. A scalar ``f`` draws from ``[0, f]``; a pair ``(lower, upper)`` from
        ``[lower, upper]``; ``(0.5, 0.5)`` is the identity.
    value_range : (float, float), default=(0, 255)
        Range the output is clipped to.
    {augmentation_parameters}

    See Also
    --------
    skprep.image.functional.sharpen : The kernel, with explicit per-image factors.

    Notes
    -----
    Keras's arithmetic (smoothing kernel 1/13 ring, 5/13 centre, zero padding at the
    borders, so border pixels darken when blurred). Keras sorts a factor pair silently;
    skprep raises when ``lower > upper``. Integer images are returned in their dtype, rounded
    and saturated, and inference returns the images unchanged (Keras: float32 in both).

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import RandomSharpness
    >>> x = np.zeros((1, 3, 3, 1), dtype=np.float32); x[0, 1, 1, 0] = 130.0
    >>> RandomSharpness((0.0, 0.0)).fit_transform(x)[0, :, :, 0]
    array([[10., 10., 10.],
           [10., 50., 10.],
           [10., 10., 10.]], dtype=float32)
    """

    _parameter_constraints = {**_CONSTRAINTS, "factor": "no_validation"}

    def __init__(self, factor, value_range=(0, 255), *, random_state=None, data_format=None):
        self.factor = factor
        self.value_range = value_range
        self.random_state = random_state
        self.data_format = data_format

    def _range(self):
        return parse_factor(self.factor, "factor", bounds=(0.0, 1.0), scalar="keras_base")

    def _check_params(self):
        self._range()
        check_value_range(self.value_range)

    def _sample_params(self, n_images, height, width, rng):
        lower, upper = self._range()
        return {"factor": rng.uniform(lower, upper, size=n_images)}

    def _apply(self, images, params):
        out = sharpen(images, params["factor"], check_value_range(self.value_range))
        return keep_dtype(out, images.dtype)

    def _inference(self, images):
        return colour_inference(images)


def _sigma_range(sigma):
    values = list(sigma) if isinstance(sigma, (tuple, list, np.ndarray)) else [sigma]
    ok = len(values) in (1, 2) and all(
        isinstance(v, Real) and not isinstance(v, bool) and np.isfinite(v) and v > 0 for v in values
    )
    if not ok or values[0] > values[-1]:
        raise ValueError(
            "The `sigma` argument should be a positive number or a pair (lower, upper) of "
            f"positive numbers with lower <= upper. Received: sigma={sigma!r}"
        )
    return float(values[0]), float(values[-1])


def _kernel_size(kernel_size):
    values = list(kernel_size) if isinstance(kernel_size, (tuple, list)) else [kernel_size]
    ok = len(values) in (1, 2) and all(
        isinstance(v, Integral) and not isinstance(v, bool) and v > 0 and v % 2 == 1 for v in values
    )
    if not ok:
        raise ValueError(
            "kernel_size must be an odd number (or a pair of odd numbers). Received: "
            f"kernel_size={kernel_size!r}"
        )
    return int(values[0]), int(values[-1])


@fill_doc
class RandomGaussianBlur(BaseImageAugmentation):
    """Randomly blur images with a Gaussian kernel (Keras ``RandomGaussianBlur``).

    Each image is blurred with probability ``factor``, by a separable Gaussian of
    ``kernel_size`` with standard deviations ``(sigma_x, sigma_y)``; the output is clipped
    to ``value_range``.

    {training_only_float32}

    Parameters
    ----------
    factor : float or (float, float), default=1.0
        Probability of blurring an image: a scalar ``p`` in ``[0, 1]`` blurs with
        probability ``p`` (1.0 always); a pair ``(lower, upper)`` draws each image's
        probability from ``U(lower, upper)``.
    kernel_size : int or (int, int), default=3
        Odd kernel size, ``(k_x, k_y)`` for a pair (width, height).
    sigma : float or (float, float), default=1.0
        Standard deviation (> 0): a scalar is used as is; for a pair, each image draws
        ``sigma_x`` and ``sigma_y`` from ``U(lower, upper)``.
    value_range : (float, float), default=(0, 255)
        Range the output is clipped to.
    {augmentation_parameters}

    See Also
    --------
    skprep.image.functional.gaussian_blur : The kernel, with explicit sigmas per image.

    Notes
    -----
    Keras's arithmetic (weights ``exp(-x**2 / (2 sigma**2))`` normalised, zero padding at
    the borders). Differences from Keras 3 (its documentation wins): Keras reads a scalar ``sigma``
    as the range ``(0, sigma)``, caps sigma at 1 and draws one sigma pair for the whole
    batch; skprep uses a scalar sigma as given (the documented "standard deviation"),
    accepts any positive sigma (``sigma=0``, which Keras reads as no blur, raises: use
    ``factor=0`` for no blur), and draws a pair per image for a range. A scalar ``factor``
    is the probability (Keras 3: ``(0, p)``, about 50% at 1.0). Non-square kernel sizes are
    applied as ``(width, height)``; Keras 3 scrambles them in a reshape. Integer images keep
    their dtype (rounded, saturated); inference returns the images unchanged.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import RandomGaussianBlur
    >>> x = np.zeros((1, 1, 3, 1), dtype=np.float32); x[0, 0, 1, 0] = 100.0
    >>> RandomGaussianBlur(kernel_size=(3, 1)).fit_transform(x)[0, 0, :, 0]
    array([27.406862, 45.186275, 27.406862], dtype=float32)
    """

    _parameter_constraints = {
        **_CONSTRAINTS,
        "factor": "no_validation",
        "kernel_size": "no_validation",
        "sigma": "no_validation",
    }

    def __init__(
        self,
        factor=1.0,
        kernel_size=3,
        sigma=1.0,
        value_range=(0, 255),
        *,
        random_state=None,
        data_format=None,
    ):
        self.factor = factor
        self.kernel_size = kernel_size
        self.sigma = sigma
        self.value_range = value_range
        self.random_state = random_state
        self.data_format = data_format

    def _check_params(self):
        parse_factor(self.factor, "factor", bounds=(0.0, 1.0))
        _kernel_size(self.kernel_size)
        _sigma_range(self.sigma)
        check_value_range(self.value_range)

    def _sample_params(self, n_images, height, width, rng):
        apply = apply_decisions(rng, n_images, self.factor)
        lower, upper = _sigma_range(self.sigma)
        sigma = rng.uniform(lower, upper, size=(n_images, 2))
        return {"apply": apply, "sigma": sigma}

    def _apply(self, images, params):
        vr = check_value_range(self.value_range)
        apply = params["apply"]
        if apply.all():  # every image blurred: no clipped copy of the batch first
            out = _gaussian_blur(
                images, params["sigma"], _kernel_size(self.kernel_size), vr, uint8_out=True
            )
            if out.dtype == images.dtype and out.dtype.kind in "iu":
                return out  # uint8 cast in the kernel
            return keep_dtype(out, images.dtype)
        out = np.clip(images.astype(np.float32), *vr).astype(np.float32, copy=False)
        if apply.any():
            out[apply] = gaussian_blur(
                images[apply], params["sigma"][apply], _kernel_size(self.kernel_size), vr
            )
        return keep_dtype(out, images.dtype)

    def _inference(self, images):
        return colour_inference(images)


@fill_doc
class AutoContrast(BaseImageTransformer):
    """Stretch each image's channels to the full value range (Keras ``AutoContrast``).

    Per image and channel: ``(x - min) / (max - min)`` mapped onto ``value_range``; a flat
    channel (``max == min``) keeps its values. Deterministic: training and inference agree,
    and ``transform`` works without ``fit``.

    Parameters
    ----------
    value_range : (float, float), default=(0, 255)
        Range of the pixel values, and of the output.
    {data_format}

    See Also
    --------
    skprep.image.functional.auto_contrast : The kernel.

    Notes
    -----
    Keras 3 returns float32 for integer input; skprep returns integer images in their dtype,
    rounded and saturated, like ``Resizing``.

    With ``data_format="channels_first"`` skprep stretches each channel over its height and
    width, as documented, and so matches ``channels_last``. Keras 3 takes the minimum and
    maximum over axes 1 and 2 whatever the layout, i.e. over (channels, height) of a
    ``(n, C, H, W)`` batch -- each column of each image is stretched on its own, mixing the
    channels -- which is a Keras defect, deliberately not reproduced (the outputs differ
    for channels_first input; they are equal for channels_last).

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import AutoContrast
    >>> images = np.array([[[[50.0], [100.0]], [[150.0], [150.0]]]], dtype=np.float32)
    >>> AutoContrast().transform(images)[0, :, :, 0]
    array([[  0. , 127.5],
           [255. , 255. ]], dtype=float32)
    """

    _parameter_constraints = {
        **BaseImageTransformer._image_constraints,
        "value_range": "no_validation",  # checked by check_value_range
    }

    def __init__(self, value_range=(0, 255), *, data_format=None):
        self.value_range = value_range
        self.data_format = data_format

    def _check_params(self):
        check_value_range(self.value_range)

    def _transform_images(self, images):
        out = auto_contrast(images, check_value_range(self.value_range))
        return out if images.dtype.kind == "f" else cast_back(out, images.dtype)


@fill_doc
class Equalization(BaseImageTransformer):
    """Histogram-equalise each image's channels (Keras ``Equalization``).

    Per image and channel, on the 0-255 scale: a ``bins``-bin histogram, its cumulative
    distribution as a lookup table, values mapped through it (Keras's exact rounding and
    indexing, see :func:`skprep.image.functional.equalize`); a channel with at most one
    non-empty bin is unchanged. Deterministic: training and inference agree, and
    ``transform`` works without ``fit``.

    Parameters
    ----------
    value_range : (float, float), default=(0, 255)
        Range of the pixel values, and of the output.
    bins : int, default=256
        Number of histogram bins (>= 2).
    {data_format}

    See Also
    --------
    skprep.image.functional.equalize : The kernel.

    Notes
    -----
    Differences from Keras 3: Keras pools each channel's histogram over the whole batch, so
    an image's output depends on the other images it is batched with; skprep equalises each
    image on its own (the two agree on one-image batches, which is how the parity fixtures
    pin Keras's arithmetic). Keras 3 returns inference input unchanged although it documents
    that "at inference time, the equalization is consistently applied"; skprep applies it in
    both. Integer images keep their dtype (rounded, saturated); Keras returns float32.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import Equalization
    >>> Equalization().transform(np.array([0.0, 0.0, 100.0, 200.0]).reshape(1, 2, 2, 1))[0, ..., 0]
    array([[  0.,   0.],
           [128., 255.]], dtype=float32)
    """

    _parameter_constraints = {
        **BaseImageTransformer._image_constraints,
        "value_range": "no_validation",  # checked by check_value_range
        "bins": [Interval(Integral, 2, None, closed="left")],
    }

    def __init__(self, value_range=(0, 255), bins=256, *, data_format=None):
        self.value_range = value_range
        self.bins = bins
        self.data_format = data_format

    def _check_params(self):
        check_value_range(self.value_range)

    def _transform_images(self, images):
        out = equalize(images, check_value_range(self.value_range), int(self.bins))
        return out if images.dtype.kind == "f" else cast_back(out, images.dtype)
