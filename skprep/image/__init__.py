"""Image layers: Resizing, CenterCrop, Flatten and the random augmentations.

Pure kernels live in :mod:`skprep.image.functional`; the estimators validate and delegate.
"""

from . import functional  # noqa: F401  (public submodule: skprep.image.functional)
from ._clahe import ContrastLimitedAdaptiveHistogramEqualization
from ._copies import AugmentationSampler
from ._elastic import RandomElasticTransform
from ._flatten import Flatten
from ._geometry import RandomRotation, RandomShear, RandomTranslation, RandomZoom
from ._mixing import CutMix, MixingSampler, MixUp, RandomErasing
from ._perspective import RandomPerspective
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
from ._rand_augment import AugMix, RandAugment
from ._random_color import RandomBrightness, RandomContrast
from ._random_crop import RandomCrop
from ._random_flip import RandomFlip
from ._random_hsv import RandomColorDegeneration, RandomColorJitter, RandomHue, RandomSaturation
from ._random_size import RandomHeight, RandomWidth
from ._resizing import CenterCrop, Resizing

__all__ = [
    "AugMix",
    "AugmentationSampler",
    "AutoContrast",
    "CenterCrop",
    "ContrastLimitedAdaptiveHistogramEqualization",
    "CutMix",
    "Equalization",
    "Flatten",
    "MixUp",
    "MixingSampler",
    "RandAugment",
    "RandomBrightness",
    "RandomColorDegeneration",
    "RandomColorJitter",
    "RandomContrast",
    "RandomCrop",
    "RandomElasticTransform",
    "RandomErasing",
    "RandomFlip",
    "RandomGaussianBlur",
    "RandomGrayscale",
    "RandomHeight",
    "RandomHue",
    "RandomInvert",
    "RandomPerspective",
    "RandomPosterization",
    "RandomRotation",
    "RandomSaturation",
    "RandomSharpness",
    "RandomShear",
    "RandomTranslation",
    "RandomWidth",
    "RandomZoom",
    "Resizing",
    "Solarization",
]
