"""MixUp, CutMix and RandomErasing: augmentations that mix images of a batch or erase a patch.

MixUp and CutMix also mix the *labels* (Keras takes ``{"images": ..., "labels": ...}``). A
scikit-learn ``transform`` returns only ``X``, so the two estimators offer three entry points:

* ``fit_transform(X)`` -- training, images only (Keras ``training=True`` on images);
* ``transform(X)`` -- inference (Keras ``training=False``);
* ``fit_resample(X, y)`` -- training on images *and* labels, returning ``(X_mixed, y_mixed)``
  (imbalanced-learn's convention for estimators that change ``y``). :class:`MixingSampler`
  wraps either estimator as a pure sampler for ``imblearn.pipeline.Pipeline``, which refuses
  steps that have both ``transform`` and ``fit_resample``.
"""

from __future__ import annotations

import numbers

import numpy as np
from sklearn.base import BaseEstimator, clone

from .._config import check_output_size
from ..utils._sklearn_compat import Interval, StrOptions, _fit_context
from ..utils.random import as_generator
from ._base import (
    RANDOM_STATE_CONSTRAINT,
    BaseImageAugmentation,
    check_value_range,
    colour_inference,
    keep_dtype,
    parse_factor,
)
from ._docstrings import fill_doc
from .functional import box_slices, cut_mix, erase, harden_labels, mix_up

__all__ = ["CutMix", "MixUp", "MixingSampler", "RandomErasing"]


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _crop_bounds(side: np.ndarray, length: int, u: np.ndarray):
    """Keras's float32 rectangle along one axis: length ``side * L`` at ``u * (L - len)``."""
    crop = (side.astype(np.float32) * np.float32(length)).astype(np.float32)
    start = u.astype(np.float32) * (np.float32(length) - crop)
    return start, start + crop


def _boxes(side_x, side_y, height, width, u_x, u_y) -> np.ndarray:
    x0, x1 = _crop_bounds(side_x, width, u_x)
    y0, y1 = _crop_bounds(side_y, height, u_y)
    return np.stack([x0, y0, x1, y1], axis=1)


def encode_labels(y, n_images: int, num_classes=None) -> np.ndarray:
    """Return ``y`` as float32 label rows ``(n, k)`` ready to be mixed.

    ``y`` of shape ``(n,)`` holds integer class ids and is one-hot encoded with
    ``num_classes`` columns (None: ``y.max() + 1``); ``y`` of shape ``(n, k)`` holds one-hot or
    soft labels and is used as is (float32).
    """
    if hasattr(y, "to_numpy") and not hasattr(y, "__array_function__"):
        y = y.to_numpy()
    if y is None:
        raise TypeError("fit_resample needs labels: y must not be None.")
    y = np.asarray(y)
    if y.ndim not in (1, 2):
        raise ValueError(
            f"y must be class ids of shape (n,) or one-hot / soft labels of shape (n, k); "
            f"got shape {y.shape}."
        )
    if y.shape[0] != n_images:
        raise ValueError(f"y has {y.shape[0]} rows but X has {n_images} images.")
    if y.ndim == 2:
        if y.dtype.kind not in "biuf":
            raise TypeError(f"y of shape (n, k) must be numeric; got dtype {y.dtype}.")
        if num_classes is not None and y.shape[1] != num_classes:
            raise ValueError(
                f"y has {y.shape[1]} columns but num_classes={num_classes}; pass labels of "
                f"shape (n, {num_classes}) or class ids of shape (n,)."
            )
        return y.astype(np.float32)
    if y.dtype.kind not in "iu":
        raise TypeError(
            "y of shape (n,) must hold integer class ids in [0, num_classes) (they are one-hot "
            f"encoded); got dtype {y.dtype}. Encode other labels first (e.g. with "
            "sklearn.preprocessing.LabelBinarizer) and pass them as shape (n, k)."
        )
    k = int(y.max()) + 1 if num_classes is None and y.size else (num_classes or 0)
    if y.size and (y.min() < 0 or y.max() >= k):
        raise ValueError(
            f"Class ids in y must lie in [0, num_classes) = [0, {k}); got values in "
            f"[{y.min()}, {y.max()}]."
        )
    check_output_size(
        (n_images, k),
        np.float32,
        "one-hot labels (class ids up to y.max())",
        hint="Pass num_classes, or labels of shape (n, k).",
    )
    out = np.zeros((n_images, k), dtype=np.float32)
    out[np.arange(n_images), y] = 1.0
    return out


class _LabelMixing(BaseImageAugmentation):
    """Shared by MixUp and CutMix: ``fit_resample`` mixes images and labels together.

    A subclass implements ``_mix(images, labels, params) -> (images, labels)`` (labels may be
    None) and ``_finish(out, dtype)`` (the output dtype rule).
    """

    def _mix(self, images, labels, params):  # pragma: no cover - abstract
        raise NotImplementedError

    def _finish(self, out, dtype):  # pragma: no cover - abstract
        raise NotImplementedError

    def _apply(self, images, params):
        return self._finish(self._mix(images, None, params)[0], images.dtype)

    @_fit_context(prefer_skip_nested_validation=True)
    def fit_resample(self, X, y):
        """Mix images and their labels (training, Keras ``training=True`` on a dict input).

        The images are the ones ``fit_transform(X)`` returns for the same ``random_state``;
        the labels are mixed with the same partners and weights, as Keras mixes
        ``{"images": X, "labels": y}``.

        Parameters
        ----------
        X : array-like of shape (n, h, w, c)
            A batch of images (channels-first with ``data_format="channels_first"``).
        y : array-like of shape (n,) or (n, k)
            Integer class ids (one-hot encoded with ``num_classes`` columns) or one-hot /
            soft labels.

        Returns
        -------
        X_mixed : ndarray
            Mixed images, in the layout of ``X``.
        y_mixed : ndarray of float32 of shape (n, k)
            Mixed label rows.
        """
        batch = self._validate_input(X, reset=True)
        self.fitted_ = True
        n, h, w, _ = batch.shape
        labels = encode_labels(y, n, self.num_classes)
        rng = as_generator(self.random_state)
        params = self._sample_params(n, h, w, rng)
        images, labels = self._mix(batch.images, labels, params)
        return batch.restore(self._finish(images, batch.images.dtype)), labels


# --------------------------------------------------------------------------------------------
# MixUp
# --------------------------------------------------------------------------------------------


@fill_doc
class MixUp(_LabelMixing):
    """Blend each image with another image of the batch (Keras ``MixUp``).

    For each image ``i`` a weight ``lam[i] ~ Beta(alpha, alpha)`` is drawn and a partner
    ``j = perm[i]`` taken from a random permutation of the batch; the image becomes
    ``lam[i] * x[i] + (1 - lam[i]) * x[j]``, and with :meth:`fit_resample` its label row
    ``lam[i] * y[i] + (1 - lam[i]) * y[j]``.

    Training-only randomness: ``fit_transform(X)`` is Keras ``layer(X, training=True)``
    (images only); ``fit_resample(X, y)`` mixes images and labels; ``transform(X)`` is
    inference and returns the images unchanged. So ``fit_transform(X)`` differs from
    ``fit(X).transform(X)`` by design (as scikit-learn's ``TargetEncoder``). In a
    scikit-learn ``Pipeline`` only the images are mixed; to mix labels in a pipeline use
    ``imblearn.pipeline.Pipeline`` with :class:`MixingSampler` ``(MixUp(...))``.

    Parameters
    ----------
    alpha : float, default=0.2
        Parameter of the symmetric Beta distribution of the weights (> 0); small values
        keep images close to themselves, 1 draws weights uniformly.
    num_classes : int or None, default=None
        skprep addition: number of columns of the one-hot labels :meth:`fit_resample` builds
        from integer class ids. None infers ``y.max() + 1`` from each call; set it when you
        mix batch by batch, so that every batch gets the same columns.
    random_state : int, RandomState instance, Generator or None, default=None
        An int gives the same draws on every call; a ``RandomState`` or ``Generator``
        advances between calls; None draws fresh entropy.
    {data_format}

    Attributes
    ----------
    fitted_ : bool
        Set by ``fit``, ``fit_transform`` and ``fit_resample``.

    See Also
    --------
    skprep.image.functional.mix_up : The kernel, with explicit weights and partners.
    CutMix : Paste a rectangle of the partner instead of blending.
    MixingSampler : Use MixUp as a sampler in an imbalanced-learn pipeline.

    Notes
    -----
    Differences from Keras 3: integer (``uint8``) images are blended in float32 and returned
    rounded and saturated to their dtype, as every skprep colour layer does, so training and
    inference outputs share a dtype (Keras returns float32 in training and the input dtype at
    inference); label rows are always float32. A batch of one image is its own partner, so
    it comes back unchanged up to float32 rounding, as in Keras. A rank-3 array is ``n``
    single-channel images ``(n, h, w)``, not one image (the first axis holds the samples).
    :meth:`fit_resample` is new. Keras's ``seed`` seeds a generator that advances between
    calls; ``random_state`` follows scikit-learn.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import MixUp
    >>> images = np.random.default_rng(0).uniform(0, 255, (4, 8, 8, 3)).astype(np.float32)
    >>> X_mixed, y_mixed = MixUp(alpha=0.2, random_state=0).fit_resample(images, [0, 1, 2, 1])
    >>> X_mixed.shape, y_mixed.shape, np.allclose(y_mixed.sum(axis=1), 1)
    ((4, 8, 8, 3), (4, 3), True)
    """

    _parameter_constraints = {
        **BaseImageAugmentation._image_constraints,
        "alpha": [Interval(numbers.Real, 0, None, closed="neither")],
        "num_classes": [None, Interval(numbers.Integral, 1, None, closed="left")],
        "random_state": RANDOM_STATE_CONSTRAINT,
    }

    def __init__(self, alpha=0.2, *, num_classes=None, random_state=None, data_format=None):
        self.alpha = alpha
        self.num_classes = num_classes
        self.random_state = random_state
        self.data_format = data_format

    def _sample_params(self, n_images, height, width, rng):
        return {
            "lam": rng.beta(self.alpha, self.alpha, size=n_images),
            "partner": rng.permutation(n_images),
        }

    def _mix(self, images, labels, params):
        return mix_up(images, labels, params["lam"], params["partner"])

    def _finish(self, out, dtype):
        return keep_dtype(out, dtype)

    def _inference(self, images):
        return colour_inference(images)


# --------------------------------------------------------------------------------------------
# CutMix
# --------------------------------------------------------------------------------------------


@fill_doc
class CutMix(_LabelMixing):
    """Paste a rectangle of another image of the batch into each image (Keras ``CutMix``).

    Per call, ``a ~ U(factor) + 1e-6`` is drawn; per image, a weight ``lam ~ Beta(a, a)``, a
    rectangle with sides ``sqrt(1 - lam)`` times the image's width and height at a uniform
    position inside the image, and a partner from a random permutation of the batch. The
    rectangle's pixels come from the partner; with :meth:`fit_resample` the label rows are
    mixed by the rectangle's area, ``w = 1 - area / (h * w)``: ``w * y[i] + (1 - w) * y[j]``.

    Training-only randomness: ``fit_transform(X)`` is Keras ``layer(X, training=True)``
    (images only); ``fit_resample(X, y)`` mixes images and labels; ``transform(X)`` is
    inference and returns the images unchanged but as float32. So ``fit_transform(X)``
    differs from ``fit(X).transform(X)`` by design (as scikit-learn's ``TargetEncoder``).

    Parameters
    ----------
    factor : float or (float, float), default=1.0
        Range of the Beta parameter ``a``: a scalar ``f`` in ``[0, 1]`` means ``(0, f)``, a
        pair ``(lower, upper)`` in ``[0, 1]`` is used as is. Small ``a`` gives rectangles
        that are nearly empty or nearly the whole image; ``a`` near 1 spreads sizes evenly.
    num_classes : int or None, default=None
        skprep addition: number of columns of the one-hot labels :meth:`fit_resample` builds
        from integer class ids. None infers ``y.max() + 1`` from each call.
    random_state : int, RandomState instance, Generator or None, default=None
        An int gives the same draws on every call; a ``RandomState`` or ``Generator``
        advances between calls; None draws fresh entropy.
    {data_format}

    Attributes
    ----------
    fitted_ : bool
        Set by ``fit``, ``fit_transform`` and ``fit_resample``.

    See Also
    --------
    skprep.image.functional.cut_mix : The kernel, with explicit rectangles and partners.
    MixUp : Blend whole images instead.
    MixingSampler : Use CutMix as a sampler in an imbalanced-learn pipeline.

    Notes
    -----
    As in Keras, the label weight is the rectangle's exact (fractional) area, which can
    differ from the fraction of whole pixels pasted by up to about ``1/h + 1/w``; and ``a``
    is drawn once per call (it parameterises the per-image draws). Keras 3 sorts a
    ``factor`` pair silently; skprep raises when ``lower > upper``. A batch of one image is
    returned unchanged (as float32), as in Keras. A rank-3 array is ``n`` single-channel
    images ``(n, h, w)``, not one image (the first axis holds the samples). :meth:`fit_resample` is new.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import CutMix
    >>> images = np.random.default_rng(0).uniform(0, 255, (4, 8, 8, 3)).astype(np.float32)
    >>> y = np.eye(4, dtype=np.float32)
    >>> X_mixed, y_mixed = CutMix(random_state=0).fit_resample(images, y)
    >>> X_mixed.dtype, y_mixed.shape, np.allclose(y_mixed.sum(axis=1), 1)
    (dtype('float32'), (4, 4), True)
    """

    _parameter_constraints = {
        **BaseImageAugmentation._image_constraints,
        "factor": "no_validation",  # checked by parse_factor (Keras messages)
        "num_classes": [None, Interval(numbers.Integral, 1, None, closed="left")],
        "random_state": RANDOM_STATE_CONSTRAINT,
    }

    def __init__(self, factor=1.0, *, num_classes=None, random_state=None, data_format=None):
        self.factor = factor
        self.num_classes = num_classes
        self.random_state = random_state
        self.data_format = data_format

    def _factor(self):
        return parse_factor(self.factor, "factor", bounds=(0.0, 1.0), scalar="keras_base")

    def _check_params(self):
        self._factor()

    def _sample_params(self, n_images, height, width, rng):
        lower, upper = self._factor()
        a = rng.uniform(lower, upper) + 1e-6
        lam = rng.beta(a, a, size=n_images).astype(np.float32)
        side = np.sqrt(np.float32(1.0) - lam)
        u = rng.random((2, n_images))
        return {
            "boxes": _boxes(side, side, height, width, u[0], u[1]),
            "partner": rng.permutation(n_images),
        }

    def _mix(self, images, labels, params):
        return cut_mix(images, labels, params["boxes"], params["partner"])

    def _finish(self, out, dtype):
        return out

    def _inference(self, images):
        return images.astype(np.float32)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.transformer_tags.preserves_dtype = ["float32"]
        return tags


# --------------------------------------------------------------------------------------------
# RandomErasing
# --------------------------------------------------------------------------------------------


@fill_doc
class RandomErasing(BaseImageAugmentation):
    """Erase a random rectangle of each image (Keras ``RandomErasing``).

    Each image is erased with a probability given by ``factor``. Its rectangle has width
    ``sqrt(u_w) * w`` and height ``sqrt(u_h) * h`` with ``u_w, u_h ~ U(scale)`` drawn
    independently, at a uniform position inside the image. The rectangle is filled with
    Gaussian noise times ``value_range[1]`` (``fill_value=None``), a constant, or one value
    per channel; fill values are clipped to ``value_range``.

    Training-only randomness: ``fit_transform(X)`` is Keras ``layer(X, training=True)``;
    ``transform(X)`` is inference and returns the images unchanged but as float32. So
    ``fit_transform(X)`` differs from ``fit(X).transform(X)`` by design (as scikit-learn's
    ``TargetEncoder``).

    Parameters
    ----------
    factor : float or (float, float), default=1.0
        Probability of erasing an image: a scalar ``p`` in ``[0, 1]`` erases with probability
        ``p`` (1.0 always, 0.0 never); a pair ``(lower, upper)`` draws each image's
        probability from ``U(lower, upper)``.
    scale : float or (float, float), default=(0.02, 0.33)
        Range in ``[0, 1]`` of ``u_w`` and ``u_h`` (a scalar ``s`` means ``(0, s)``); the
        rectangle's sides are ``sqrt(u)`` times the image's.
    fill_value : float, sequence of float or None, default=None
        None fills with ``N(0, 1) * value_range[1]`` noise (clipped, so about half of it
        sits at ``value_range[0]``); a number fills with that constant; a sequence gives one
        value per channel (Keras: three).
    value_range : (float, float), default=(0, 255)
        Range the fill values are clipped to.
    random_state : int, RandomState instance, Generator or None, default=None
        An int gives the same draws on every call; a ``RandomState`` or ``Generator``
        advances between calls; None draws fresh entropy.
    {data_format}

    {fitted_attributes}

    See Also
    --------
    skprep.image.functional.erase : The kernel, with explicit rectangles and fill.

    Notes
    -----
    Differences from Keras 3 (its documentation wins): Keras 3 turns a scalar ``factor=p`` into a
    probability range ``(0, p)``, so the default ``factor=1.0`` erases only about half of
    the images, although its docstring says "factor=1.0 means erasing is always applied";
    skprep erases with probability ``p`` as documented (pairs keep Keras's per-image draw).
    Keras fills a per-channel ``fill_value`` along the last axis even for channels-first
    images; skprep fills per channel in both layouts. Keras 3 sorts a ``factor``/``scale``
    pair silently; skprep raises when ``lower > upper``. Noise is only drawn for the erased
    pixels (Keras draws a full batch of it).

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import RandomErasing
    >>> images = np.full((2, 6, 6, 3), 100.0, dtype=np.float32)
    >>> out = RandomErasing(fill_value=0.0, random_state=0).fit_transform(images)
    >>> out.dtype, bool((out == 0).any(axis=(1, 2, 3)).all())
    (dtype('float32'), True)
    """

    _parameter_constraints = {
        **BaseImageAugmentation._image_constraints,
        "factor": "no_validation",  # checked by parse_factor (Keras messages)
        "scale": "no_validation",
        "fill_value": "no_validation",  # checked by _check_params
        "value_range": "no_validation",  # checked by check_value_range
        "random_state": RANDOM_STATE_CONSTRAINT,
    }

    def __init__(
        self,
        factor=1.0,
        scale=(0.02, 0.33),
        fill_value=None,
        value_range=(0, 255),
        *,
        random_state=None,
        data_format=None,
    ):
        self.factor = factor
        self.scale = scale
        self.fill_value = fill_value
        self.value_range = value_range
        self.random_state = random_state
        self.data_format = data_format

    def _probability(self):
        lower, upper = parse_factor(self.factor, "factor", bounds=(0.0, 1.0), scalar="keras_base")
        return (upper, upper) if np.ndim(self.factor) == 0 else (lower, upper)

    def _scale(self):
        return parse_factor(self.scale, "scale", bounds=(0.0, 1.0), scalar="keras_base")

    def _fill(self, n_channels=None):
        fill = self.fill_value
        if fill is None:
            return None
        message = (
            "The `fill_value` argument should be None, a number or a list of numbers (one per "
            f"channel). Received: fill_value={fill!r}"
        )
        if isinstance(fill, numbers.Real) and not isinstance(fill, bool):
            if not np.isfinite(fill):
                raise ValueError(message)
            return np.float32(fill)
        if isinstance(fill, (tuple, list, np.ndarray)):
            values = np.asarray(fill)
            if values.ndim != 1 or values.size == 0 or values.dtype.kind not in "iuf":
                raise ValueError(message)
            if not np.isfinite(values).all():
                raise ValueError(message)
            if n_channels is not None and values.size != n_channels:
                raise ValueError(
                    f"`fill_value` has {values.size} values but the images have {n_channels} "
                    f"channels. Received: fill_value={fill!r}"
                )
            return values.astype(np.float32)
        raise ValueError(message)

    def _check_params(self):
        self._probability()
        self._scale()
        self._fill()
        check_value_range(self.value_range)

    def _sample_params(self, n_images, height, width, rng):
        lo_p, hi_p = self._probability()
        lo_s, hi_s = self._scale()
        side = np.sqrt(rng.uniform(lo_s, hi_s, size=(n_images, 2)).astype(np.float32))
        u = rng.random((2, n_images))
        boxes = _boxes(side[:, 0], side[:, 1], height, width, u[0], u[1])
        probability = rng.uniform(lo_p, hi_p, size=n_images)
        apply = rng.random(n_images) < probability
        boxes[~apply] = 0.0
        return {"boxes": boxes}

    def _augment(self, batch, rng):
        n, h, w, c = batch.shape
        params = self._sample_params(n, h, w, rng)
        fill = self._fill(c)
        if fill is None:
            # Noise for the erased pixels only; the kernel reads nothing else of this array.
            high = check_value_range(self.value_range)[1]
            fill = np.empty(batch.shape, dtype=np.float32)
            for i, (r0, r1, c0, c1) in enumerate(box_slices(params["boxes"], h, w)):
                shape = (max(r1 - r0, 0), max(c1 - c0, 0), c)
                fill[i, r0:r1, c0:c1] = rng.standard_normal(shape, dtype=np.float32) * high
        params["fill"] = fill
        return batch.restore(self._apply(batch.images, params))

    def _apply(self, images, params):
        return erase(
            images,
            params["boxes"],
            params["fill"],
            value_range=check_value_range(self.value_range),
        )

    def _inference(self, images):
        return images.astype(np.float32)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.transformer_tags.preserves_dtype = ["float32"]
        return tags


# --------------------------------------------------------------------------------------------
# imbalanced-learn adapter
# --------------------------------------------------------------------------------------------


class MixingSampler(BaseEstimator):
    """Use MixUp or CutMix as a sampler in an ``imblearn.pipeline.Pipeline``.

    imbalanced-learn's pipeline calls ``fit_resample(X, y)`` of its samplers while fitting
    (so the next steps see mixed images *and* mixed labels) and skips them at prediction; it
    refuses steps that also have ``transform``, which MixUp and CutMix need for scikit-learn
    pipelines. This adapter exposes only ``fit_resample``, delegated to ``estimator``.

    Mixed labels are soft: ``(n, k)`` rows of class weights, which scikit-learn's
    classifiers refuse (they want one class per sample). ``labels`` turns them back into
    one class per image for any classifier; or keep them soft for a multi-output regressor
    (``Ridge``, ``MLPRegressor``, ``KNeighborsRegressor``, ``RandomForestRegressor`` ...)
    and take the ``argmax`` of its predictions.

    Parameters
    ----------
    estimator : MixUp or CutMix
        The mixing estimator (any object with ``fit_resample(X, y)``). With
        ``n_copies=None`` it is used as given, not cloned, so a ``RandomState`` or
        ``Generator`` ``random_state`` advances between fits (imbalanced-learn's pipeline
        clones its steps only when it caches them).
    labels : {"soft", "dominant", "sampled"}, default="soft"
        skprep addition. ``"soft"`` returns the mixed label rows ``(n, k)`` as Keras does.
        ``"dominant"`` returns each image's heaviest class; ``"sampled"`` draws each image's
        class with the mixing weights as probabilities (for MixUp: the first image's class
        with probability ``lam``), so that on average the hard labels equal the soft ones.
        Both hard modes return labels of the kind given in ``y``: class ids, strings or any
        other values of a 1-D ``y`` (column indices for a 2-D ``y``), so that every
        scikit-learn classifier accepts them.
    n_copies : int or None, default=None
        skprep addition. None replaces the batch by its mixed version (Keras's behaviour).
        An int returns the original samples followed by ``n_copies`` mixed copies, each
        mixed by a clone of ``estimator`` seeded from ``random_state``.
    random_state : int, RandomState instance, Generator or None, default=None
        Draws of ``labels="sampled"`` and the seeds of the copies: an int gives the same
        draws on every call; a ``RandomState`` or ``Generator`` advances between calls; None
        draws fresh entropy.

    See Also
    --------
    skprep.image.functional.harden_labels : Soft label rows to one class each.
    skprep.image.functional.split_soft_labels : Soft label rows to weighted hard samples,
        for estimators that take ``sample_weight`` outside a pipeline.
    AugmentationSampler : Add augmented copies for augmentations that keep the labels.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import MixUp, MixingSampler
    >>> images = np.random.default_rng(0).uniform(0, 1, (6, 4, 4, 1)).astype(np.float32)
    >>> sampler = MixingSampler(MixUp(alpha=1.0, num_classes=3, random_state=0))
    >>> X_mixed, y_mixed = sampler.fit_resample(images, [0, 1, 2, 0, 1, 2])
    >>> y_mixed.shape, hasattr(sampler, "transform")
    ((6, 3), False)

    Hard labels for a classifier, with the originals kept:

    >>> hard = MixingSampler(MixUp(alpha=1.0), labels="sampled", n_copies=2, random_state=0)
    >>> X_res, y_res = hard.fit_resample(images, ["cat", "dog", "cat", "dog", "cat", "dog"])
    >>> X_res.shape, y_res[:6].tolist()
    ((18, 4, 4, 1), ['cat', 'dog', 'cat', 'dog', 'cat', 'dog'])
    """

    _parameter_constraints = {
        "estimator": "no_validation",  # checked in fit_resample
        "labels": [StrOptions({"soft", "dominant", "sampled"})],
        "n_copies": [None, Interval(numbers.Integral, 1, None, closed="left")],
        "random_state": RANDOM_STATE_CONSTRAINT,
    }

    def __init__(self, estimator, *, labels="soft", n_copies=None, random_state=None):
        self.estimator = estimator
        self.labels = labels
        self.n_copies = n_copies
        self.random_state = random_state

    def fit_resample(self, X, y):
        """Mix images and labels with ``estimator.fit_resample(X, y)``, then apply ``labels``.

        Parameters
        ----------
        X : array-like of shape (n, h, w, c)
            A batch of images.
        y : array-like of shape (n,) or (n, k)
            Class ids or one-hot / soft labels; with ``labels="dominant"`` or
            ``"sampled"``, a 1-D ``y`` may hold any class values (strings ...).

        Returns
        -------
        X_mixed : ndarray
            The mixed images (after the originals when ``n_copies`` is set).
        y_mixed : ndarray
            ``(n_out, k)`` float32 label rows with ``labels="soft"``, else ``(n_out,)``
            classes of the kind given in ``y``.
        """
        self._validate_params()
        if not callable(getattr(self.estimator, "fit_resample", None)):
            raise TypeError(
                "The `estimator` parameter of MixingSampler must have a fit_resample method "
                f"(MixUp or CutMix). Received: estimator={self.estimator!r}"
            )
        if hasattr(y, "to_numpy") and not hasattr(y, "__array_function__"):
            y = y.to_numpy()
        classes = None
        if self.labels != "soft" and y is not None:
            y_array = np.asarray(y)
            if y_array.ndim == 1 and y_array.dtype.kind not in "iu":
                classes, codes = np.unique(y_array, return_inverse=True)
                y = codes.astype(np.int64)  # class ids the mixer one-hot encodes
        rng = as_generator(self.random_state)
        if self.n_copies is None:
            X_out, soft = self.estimator.fit_resample(X, y)
        else:
            X_out, soft = self._with_copies(X, y, rng)
        if self.labels == "soft":
            return X_out, soft
        u = rng.random(len(soft)) if self.labels == "sampled" else None
        hard = harden_labels(soft, u)
        return X_out, hard if classes is None else classes[hard]

    def _with_copies(self, X, y, rng):
        """The originals, then ``n_copies`` batches mixed by freshly seeded clones."""
        shape = np.shape(X)
        check_output_size(
            ((self.n_copies + 1) * shape[0], *shape[1:]) if shape else (0,),
            np.float32,
            "MixingSampler output (the originals and n_copies mixed copies)",
            hint="Use a smaller n_copies, or mix batch by batch.",
        )
        X_parts, y_parts = [], []
        for _ in range(self.n_copies):
            mixer = clone(self.estimator)
            if "random_state" in mixer.get_params():
                mixer.set_params(random_state=int(rng.integers(np.iinfo(np.int32).max)))
            X_mixed, y_mixed = mixer.fit_resample(X, y)
            X_parts.append(X_mixed)
            y_parts.append(np.asarray(y_mixed, dtype=np.float32))
        originals = np.asarray(X)
        if originals.shape != X_parts[0].shape:  # a layout the mixer read differently
            raise ValueError(
                f"n_copies needs the mixer to return images of the input's shape "
                f"{originals.shape}; got {X_parts[0].shape}."
            )
        n_classes = y_parts[0].shape[1]
        y_original = encode_labels(y, originals.shape[0], n_classes)
        if y_original.shape[1] != n_classes:  # integer ids whose largest class is absent
            y_original = np.pad(y_original, ((0, 0), (0, n_classes - y_original.shape[1])))
        dtype = np.result_type(originals.dtype, *(part.dtype for part in X_parts))
        X_out = np.concatenate([originals.astype(dtype, copy=False), *X_parts])
        return X_out, np.concatenate([y_original, *y_parts])
