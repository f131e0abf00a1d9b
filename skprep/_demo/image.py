"""Demo: an image pipeline with augmentation on scikit-learn's digits."""

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.svm import SVC

from skprep import (
    Flatten,
    Normalization,
    RandomBrightness,
    RandomContrast,
    RandomCrop,
    Rescaling,
    Resizing,
)

from . import DemoCase


def _digits_augmented():
    digits = load_digits()
    images = digits.images.astype(np.uint8)[..., np.newaxis]  # (1797, 8, 8, 1), 0..16
    X_tr, X_te, y_tr, y_te = train_test_split(
        images, digits.target, test_size=0.25, random_state=0, stratify=digits.target
    )
    # Upsample to 20 x 20; in training, each image gets a random 18 x 18 window and random
    # contrast / brightness (fit_transform), at prediction the centred window (transform).
    pipe = make_pipeline(
        Resizing(20, 20, interpolation="bicubic"),
        RandomCrop(18, 18, random_state=0),
        RandomContrast(0.3, value_range=(0, 16), random_state=0),
        RandomBrightness(0.1, value_range=(0, 16), random_state=0),
        Rescaling(1 / 16),
        Flatten(),
        Normalization(),
        SVC(),
    )
    return DemoCase(
        "Digits images: Resizing + RandomCrop/Contrast/Brightness (training only) + Flatten + SVC",
        "sklearn digits as (n, 8, 8, 1) uint8 images, upsampled to 20 x 20",
        pipe,
        X_tr,
        y_tr,
        X_te,
        y_te,
        X_te[:5],
    )


def cases():
    return [_digits_augmented()]
