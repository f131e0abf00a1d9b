"""AugmentationSampler: the training set plus ``n_copies`` augmented copies, for classical
scikit-learn models in an imbalanced-learn pipeline."""

from __future__ import annotations

from numbers import Integral

import numpy as np
from sklearn.base import BaseEstimator, clone
from sklearn.pipeline import Pipeline

from ..utils._sklearn_compat import Interval
from ..utils.random import as_generator
from ._base import RANDOM_STATE_CONSTRAINT

__all__ = ["AugmentationSampler"]


def _steps(augmentation) -> list:
    """The augmentation chain as a list of estimators (a Pipeline's steps, a list, or one)."""
    if isinstance(augmentation, Pipeline):
        steps = [step for _, step in augmentation.steps if step not in (None, "passthrough")]
    elif isinstance(augmentation, (list, tuple)):
        steps = list(augmentation)
    else:
        steps = [augmentation]
    bad = [s for s in steps if not callable(getattr(s, "fit_transform", None))]
    if bad or not steps:
        raise TypeError(
            "The `augmentation` parameter of AugmentationSampler must be an augmentation "
            "(an estimator with fit_transform, e.g. skprep.RandomRotation), a list of them or "
            f"a Pipeline of them. Received: augmentation={augmentation!r}"
        )
    return steps


def _seeded(step, rng):
    """A clone of ``step`` with every ``random_state`` (nested ones too) set from ``rng``."""
    est = clone(step)
    keys = [k for k in est.get_params(deep=True) if k.split("__")[-1] == "random_state"]
    if keys:
        est.set_params(**{k: int(rng.integers(2**31 - 1)) for k in keys})
    return est


class AugmentationSampler(BaseEstimator):
    """Add ``n_copies`` augmented copies of the training set, with their labels.

    In a scikit-learn ``Pipeline`` an augmentation's ``fit_transform`` replaces the training
    set by one random copy of it, so a classical model sees no more data than without
    augmentation (and usually does worse). This sampler, for an
    ``imblearn.pipeline.Pipeline``, returns the original samples followed by ``n_copies``
    augmented copies -- each made by running the ``augmentation`` chain's ``fit_transform``
    with its own random seeds -- and repeats ``y`` to match. imbalanced-learn's pipeline
    calls ``fit_resample`` while fitting only, so predictions see the images unchanged.

    Parameters
    ----------
    augmentation : estimator, list of estimators or Pipeline
        The augmentation chain: any estimators with ``fit_transform`` (typically skprep's
        random layers), applied in order. Each copy uses clones whose ``random_state``
        parameters are drawn from ``random_state``; the given estimators are not modified.
    n_copies : int, default=1
        Number of augmented copies added (0 returns the data unchanged).
    random_state : int, RandomState instance, Generator or None, default=None
        Seeds of the copies: an int gives the same copies on every call; a ``RandomState``
        or ``Generator`` advances between calls; None draws fresh entropy.

    See Also
    --------
    MixingSampler : MixUp / CutMix (which mix labels too) as an imbalanced-learn sampler.

    Notes
    -----
    Label-mixing layers (``MixUp``, ``CutMix``) change ``y`` as well; use them through
    :class:`MixingSampler`. Every augmentation must keep the number of samples; the output
    ``X`` has the common dtype of the original and augmented arrays (float32 for uint8
    images and skprep's geometric layers).

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import AugmentationSampler, RandomRotation, RandomTranslation
    >>> images = np.random.default_rng(0).uniform(0, 16, (10, 8, 8, 1))
    >>> labels = np.arange(10) % 2
    >>> sampler = AugmentationSampler(
    ...     [RandomRotation(0.05), RandomTranslation(0.1, 0.1)], n_copies=3, random_state=0
    ... )
    >>> X_res, y_res = sampler.fit_resample(images, labels)
    >>> X_res.shape, y_res.shape
    ((40, 8, 8, 1), (40,))
    >>> bool(np.array_equal(X_res[:10], images)), bool(np.array_equal(y_res[10:20], labels))
    (True, True)

    In a pipeline (imbalanced-learn's, which runs samplers while fitting only):

    >>> from imblearn.pipeline import make_pipeline
    >>> from sklearn.linear_model import LogisticRegression
    >>> from skprep import Flatten
    >>> model = make_pipeline(sampler, Flatten(), LogisticRegression(max_iter=500))
    >>> model.fit(images, labels).predict(images).shape
    (10,)
    """

    _parameter_constraints = {
        "augmentation": "no_validation",  # checked by _steps
        "n_copies": [Interval(Integral, 0, None, closed="left")],
        "random_state": RANDOM_STATE_CONSTRAINT,
    }

    def __init__(self, augmentation, n_copies=1, *, random_state=None):
        self.augmentation = augmentation
        self.n_copies = n_copies
        self.random_state = random_state

    def fit_resample(self, X, y):
        """Return the samples and ``n_copies`` augmented copies, and ``y`` repeated.

        Parameters
        ----------
        X : array-like of shape (n, ...)
            Samples the augmentations accept (for skprep's image layers, a batch of
            images ``(n, height, width, channels)``).
        y : array-like of shape (n,) or (n, k)
            Labels (any kind: class ids, strings, one-hot rows).

        Returns
        -------
        X_resampled : ndarray of shape (n * (n_copies + 1), ...)
            ``X`` first, then the copies in order.
        y_resampled : ndarray of shape (n * (n_copies + 1),) or (n * (n_copies + 1), k)
        """
        self._validate_params()
        steps = _steps(self.augmentation)
        X = np.asarray(X)
        y = np.asarray(y)
        if X.ndim == 0 or y.ndim == 0 or X.shape[0] != y.shape[0]:
            raise ValueError(
                "X and y must have the same number of samples; got X of shape "
                f"{X.shape} and y of shape {y.shape}."
            )
        rng = as_generator(self.random_state)
        parts = [X]
        for _ in range(self.n_copies):
            copy = X
            for step in steps:
                copy = np.asarray(_seeded(step, rng).fit_transform(copy))
                if copy.ndim == 0 or copy.shape[0] != X.shape[0]:
                    raise ValueError(
                        f"The augmentation {type(step).__name__} returned "
                        f"{copy.shape[0] if copy.ndim else 0} samples for {X.shape[0]}; every "
                        "step of AugmentationSampler's chain must keep the number of samples."
                    )
            if copy.shape[1:] != X.shape[1:]:
                raise ValueError(
                    f"The augmentation chain changed the sample shape from {X.shape[1:]} to "
                    f"{copy.shape[1:]}; the copies must stack with the originals."
                )
            parts.append(copy)
        X_res = np.concatenate(parts) if len(parts) > 1 else X.copy()
        y_res = np.concatenate([y] * len(parts)) if len(parts) > 1 else y.copy()
        return X_res, y_res
