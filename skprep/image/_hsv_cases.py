"""Example HSV colour augmentations and data for the common checks.

Image layers take 4-D batches, which scikit-learn's 2-D common checks cannot feed, so these
cases run skprep's own checks only (``sklearn=False``).
"""

import numpy as np

from ..utils.estimator_checks import Case
from ._random_hsv import RandomColorDegeneration, RandomColorJitter, RandomHue, RandomSaturation


def _images():
    return np.random.RandomState(0).uniform(0, 255, size=(3, 7, 8, 3)).astype(np.float32)


def _uint8_channels_first():
    return np.random.RandomState(1).randint(0, 256, size=(2, 3, 6, 5)).astype(np.uint8)


def _unit_images():
    return np.random.RandomState(2).uniform(0, 1, size=(2, 5, 6, 3)).astype(np.float32)


CASES = [
    Case(lambda: RandomColorDegeneration(0.5), _images, sklearn=False),
    Case(
        lambda: RandomColorDegeneration((0.2, 0.9), data_format="channels_first"),
        _uint8_channels_first,
        sklearn=False,
    ),
    Case(lambda: RandomSaturation(0.8), _images, sklearn=False),
    Case(lambda: RandomSaturation((0.2, 1.0), value_range=(0, 1)), _unit_images, sklearn=False),
    Case(lambda: RandomHue(0.5), _images, sklearn=False),
    Case(
        lambda: RandomHue((0.1, 0.3), data_format="channels_first"),
        _uint8_channels_first,
        sklearn=False,
    ),
    Case(
        lambda: RandomColorJitter(
            brightness_factor=0.2, contrast_factor=0.3, saturation_factor=0.7, hue_factor=0.2
        ),
        _images,
        sklearn=False,
    ),
    Case(
        lambda: RandomColorJitter((0, 1), saturation_factor=(0.3, 0.6), hue_factor=0.1),
        _unit_images,
        sklearn=False,
    ),
]
