"""Example image estimators and data for the common checks (skprep.utils.estimator_checks).

Image layers take 4-D batches, which scikit-learn's 2-D common checks cannot feed, so they run
skprep's own checks only (``sklearn=False``). ``Flatten`` maps a 2-D table to itself and runs
scikit-learn's checks as well.
"""

import numpy as np

from ..utils.estimator_checks import Case
from . import (
    CenterCrop,
    Flatten,
    RandomBrightness,
    RandomContrast,
    RandomCrop,
    RandomFlip,
    RandomHeight,
    RandomWidth,
    Resizing,
)


def _images():
    return np.random.RandomState(0).uniform(0, 255, size=(3, 7, 9, 3)).astype(np.float32)


def _uint8_images():
    return np.random.RandomState(1).randint(0, 256, size=(4, 6, 5, 2)).astype(np.uint8)


def _channels_first():
    return np.random.RandomState(2).uniform(0, 1, size=(2, 3, 6, 8)).astype(np.float32)


def _table():
    return np.random.RandomState(0).normal(size=(30, 4))


_ONE_D = {
    "check_fit1d": "1-D input is accepted, as in Keras: Flatten maps shape (n,) to (n, 1).",
}

CASES = [
    Case(lambda: Resizing(4, 5), _images, sklearn=False),
    Case(lambda: Resizing(10, 12, interpolation="bicubic"), _uint8_images, sklearn=False),
    Case(
        lambda: Resizing(3, 3, crop_to_aspect_ratio=True, data_format="channels_first"),
        _channels_first,
        sklearn=False,
    ),
    Case(lambda: Resizing(4, 8, pad_to_aspect_ratio=True, fill_value=1.0), _images, sklearn=False),
    Case(lambda: CenterCrop(5, 5), _images, sklearn=False),
    Case(lambda: CenterCrop(9, 4), _uint8_images, sklearn=False),
    Case(Flatten, _table, expected_failed=_ONE_D),
    Case(Flatten, _images, sklearn=False),
    Case(lambda: Flatten(data_format="channels_first"), _channels_first, sklearn=False),
    Case(lambda: RandomCrop(5, 6), _images, sklearn=False),
    Case(lambda: RandomCrop(8, 4), _uint8_images, sklearn=False),
    Case(RandomFlip, _images, sklearn=False),
    Case(
        lambda: RandomFlip("vertical", data_format="channels_first"), _channels_first, sklearn=False
    ),
    Case(lambda: RandomHeight(0.3), _images, sklearn=False),
    Case(lambda: RandomWidth((-0.5, 0.2), interpolation="nearest"), _uint8_images, sklearn=False),
    Case(lambda: RandomContrast(0.5), _images, sklearn=False),
    Case(lambda: RandomContrast((0.2, 0.4), value_range=(0, 1)), _channels_first, sklearn=False),
    Case(lambda: RandomBrightness(0.2), _images, sklearn=False),
    Case(lambda: RandomBrightness((-0.3, 0.1)), _uint8_images, sklearn=False),
]
