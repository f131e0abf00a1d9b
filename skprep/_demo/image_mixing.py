"""Demo: RandomErasing (cutout) on digit images in a scikit-learn pipeline."""

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline

from skprep import Flatten, RandomErasing, Rescaling

from . import DemoCase


def _digits_erased():
    digits = load_digits()
    X = digits.images.astype(np.uint8)[..., None]  # (n, 8, 8, 1) raw 0..16 intensities
    y = digits.target
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
    pipe = make_pipeline(
        # training only: half of the training images lose a small patch; predict/score see
        # transform = the images unchanged (as float32)
        RandomErasing(0.5, scale=(0.02, 0.1), fill_value=0.0, value_range=(0, 16), random_state=0),
        Flatten(),
        Rescaling(scale=1 / 16),
        KNeighborsClassifier(n_neighbors=3),
    )
    return DemoCase(
        "Digits as images: RandomErasing (training only)",
        "sklearn digits (8x8x1 uint8 images, 1,797)",
        pipe,
        X_tr,
        y_tr,
        X_te,
        y_te,
        X_te[:5],
    )


def cases():
    return [_digits_erased()]
