"""Example geometric augmentations and data for the common checks.

scikit-learn's common checks feed 2-D tables, which image layers refuse, so these cases run
skprep's own 4-D checks only (``sklearn=False``).
"""

import numpy as np

from ..utils.estimator_checks import Case
from ._geometry import RandomRotation, RandomShear, RandomTranslation, RandomZoom


def _images():
    return np.random.RandomState(0).uniform(0, 255, size=(3, 7, 8, 3)).astype(np.float32)


def _uint8_channels_first():
    return np.random.RandomState(1).randint(0, 256, size=(2, 1, 6, 5)).astype(np.uint8)


CASES = [
    Case(lambda: RandomTranslation(0.2, 0.3), _images, sklearn=False),
    Case(
        lambda: RandomTranslation(
            (-0.1, 0.2), 0.1, fill_mode="constant", interpolation="nearest", fill_value=1.0
        ),
        _images,
        sklearn=False,
    ),
    Case(lambda: RandomRotation(0.2), _images, sklearn=False),
    Case(
        lambda: RandomRotation(0.5, fill_mode="wrap", data_format="channels_first"),
        _uint8_channels_first,
        sklearn=False,
    ),
    Case(lambda: RandomZoom(0.3), _images, sklearn=False),
    Case(lambda: RandomShear(0.3, 0.2), _images, sklearn=False),
    Case(lambda: RandomShear((0.1, 0.5), fill_mode="constant"), _images, sklearn=False),
    Case(lambda: RandomZoom((-0.5, 0.5), (0.1, 0.2), fill_mode="nearest"), _images, sklearn=False),
]
