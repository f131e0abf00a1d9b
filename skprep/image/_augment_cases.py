"""Example estimators and data for the common checks: CLAHE, RandomPerspective,
RandomElasticTransform, RandAugment and AugMix (skprep's own 4-D checks; scikit-learn's 2-D
checks cannot feed images)."""

import numpy as np

from ..utils.estimator_checks import Case
from ._clahe import ContrastLimitedAdaptiveHistogramEqualization
from ._elastic import RandomElasticTransform
from ._perspective import RandomPerspective
from ._rand_augment import AugMix, RandAugment


def _images():
    return np.random.RandomState(0).uniform(0, 255, size=(3, 9, 8, 3)).astype(np.float32)


def _uint8_channels_first():
    return np.random.RandomState(1).randint(0, 256, size=(2, 3, 7, 5)).astype(np.uint8)


def _unit_images():
    return np.random.RandomState(2).uniform(0, 1, size=(2, 6, 7, 3)).astype(np.float32)


CASES = [
    Case(lambda: ContrastLimitedAdaptiveHistogramEqualization(), _images, sklearn=False),
    Case(
        lambda: ContrastLimitedAdaptiveHistogramEqualization(
            clip_limit=2.0, tile_grid_size=(3, 2), data_format="channels_first"
        ),
        _uint8_channels_first,
        sklearn=False,
    ),
    Case(
        lambda: ContrastLimitedAdaptiveHistogramEqualization((0, 1), 0.0, (2, 2)),
        _unit_images,
        sklearn=False,
    ),
    Case(lambda: RandomPerspective(), _images, sklearn=False),
    Case(
        lambda: RandomPerspective((0.2, 0.9), 0.5, "nearest", 7.0, data_format="channels_first"),
        _uint8_channels_first,
        sklearn=False,
    ),
    Case(lambda: RandAugment(), _images, sklearn=False),
    Case(
        lambda: RandAugment((0, 255), 3, (0.2, 0.6), "nearest", data_format="channels_first"),
        _uint8_channels_first,
        sklearn=False,
    ),
    Case(lambda: AugMix(value_range=(0, 1)), _unit_images, sklearn=False),
    Case(
        lambda: AugMix(num_chains=2, chain_depth=2, alpha=0.5, all_ops=False),
        _images,
        sklearn=False,
    ),
    Case(lambda: RandomElasticTransform(), _images, sklearn=False),
    Case(
        lambda: RandomElasticTransform(
            (0.3, 0.9), 0.5, "nearest", "constant", 3.0, data_format="channels_first"
        ),
        _uint8_channels_first,
        sklearn=False,
    ),
]
