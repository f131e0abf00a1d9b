"""Example pointwise colour layers and data for the common checks (skprep's own checks:
image layers take 4-D batches, which scikit-learn's 2-D checks cannot feed)."""

import numpy as np

from ..utils.estimator_checks import Case
from ._pointwise import (
    AutoContrast,
    Equalization,
    RandomGaussianBlur,
    RandomGrayscale,
    RandomInvert,
    RandomPosterization,
    RandomSharpness,
    Solarization,
)


def _images():
    return np.random.RandomState(0).uniform(0, 255, size=(3, 7, 8, 3)).astype(np.float32)


def _uint8_channels_first():
    return np.random.RandomState(1).randint(0, 256, size=(2, 3, 6, 5)).astype(np.uint8)


def _unit_images():
    return np.random.RandomState(2).uniform(0, 1, size=(2, 5, 6, 3)).astype(np.float32)


CASES = [
    Case(lambda: RandomInvert(), _images, sklearn=False),
    Case(lambda: RandomInvert((0.2, 0.8), value_range=(0, 1)), _unit_images, sklearn=False),
    Case(lambda: Solarization(0.2, (0.4, 0.9)), _images, sklearn=False),
    Case(
        lambda: Solarization(threshold_factor=0.5, data_format="channels_first"),
        _uint8_channels_first,
        sklearn=False,
    ),
    Case(lambda: RandomPosterization(4), _images, sklearn=False),
    Case(lambda: RandomPosterization((2, 6), value_range=(0, 1)), _unit_images, sklearn=False),
    Case(lambda: RandomGrayscale(), _images, sklearn=False),
    Case(
        lambda: RandomGrayscale(0.8, data_format="channels_first"),
        _uint8_channels_first,
        sklearn=False,
    ),
    Case(lambda: RandomSharpness(0.9), _images, sklearn=False),
    Case(
        lambda: RandomSharpness((0.2, 1.0), data_format="channels_first"),
        _uint8_channels_first,
        sklearn=False,
    ),
    Case(lambda: RandomGaussianBlur(), _images, sklearn=False),
    Case(
        lambda: RandomGaussianBlur((0.3, 0.9), 5, (0.5, 2.0), data_format="channels_first"),
        _uint8_channels_first,
        sklearn=False,
    ),
    Case(lambda: AutoContrast(), _images, sklearn=False),
    Case(lambda: Equalization(), _images, sklearn=False),
    Case(lambda: Equalization((0, 1), bins=64), _unit_images, sklearn=False),
    Case(lambda: Equalization(data_format="channels_first"), _uint8_channels_first, sklearn=False),
    Case(lambda: AutoContrast(data_format="channels_first"), _uint8_channels_first, sklearn=False),
]
