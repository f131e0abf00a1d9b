"""Example MixUp / CutMix / RandomErasing estimators and data for the common checks.

scikit-learn's common checks feed 2-D tables, which image layers refuse, so these cases run
skprep's own 4-D checks only (``sklearn=False``).
"""

import numpy as np

from ..utils.estimator_checks import Case
from ._mixing import CutMix, MixUp, RandomErasing


def _images():
    return np.random.RandomState(0).uniform(0, 255, size=(4, 7, 8, 3)).astype(np.float32)


def _uint8_channels_first():
    return np.random.RandomState(1).randint(0, 256, size=(3, 2, 6, 5)).astype(np.uint8)


def _unit_images():
    return np.random.RandomState(2).uniform(0, 1, size=(5, 5, 6, 1)).astype(np.float32)


CASES = [
    Case(MixUp, _images, sklearn=False),
    Case(
        lambda: MixUp(alpha=1.0, num_classes=3, data_format="channels_first"),
        _uint8_channels_first,
        sklearn=False,
    ),
    Case(CutMix, _images, sklearn=False),
    Case(
        lambda: CutMix((0.2, 0.8), data_format="channels_first"),
        _uint8_channels_first,
        sklearn=False,
    ),
    Case(RandomErasing, _images, sklearn=False),
    Case(
        lambda: RandomErasing((0.3, 0.9), scale=0.5, fill_value=0.5, value_range=(0, 1)),
        _unit_images,
        sklearn=False,
    ),
    Case(
        lambda: RandomErasing(fill_value=[1, 2], data_format="channels_first"),
        _uint8_channels_first,
        sklearn=False,
    ),
]
