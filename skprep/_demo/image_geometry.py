"""Demo: geometric augmentation of digit images in a scikit-learn pipeline."""

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline

from skprep import Flatten, RandomRotation, RandomTranslation, RandomZoom, Rescaling

from . import DemoCase


def _digits_augmented():
    digits = load_digits()
    X = digits.images.astype(np.uint8)[..., None]  # (n, 8, 8, 1) raw 0..16 intensities
    y = digits.target
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
    pipe = make_pipeline(
        # training only: fit_transform augments; predict/score see transform = identity
        RandomRotation(0.03, fill_mode="constant", random_state=0),
        RandomZoom(0.1, fill_mode="constant", random_state=1),
        RandomTranslation(0.05, 0.05, fill_mode="constant", random_state=2),
        Flatten(),
        Rescaling(scale=1 / 16),
        KNeighborsClassifier(n_neighbors=3),
    )
    return DemoCase(
        "Digits as images: RandomRotation + RandomZoom + RandomTranslation",
        "sklearn digits (8x8x1 uint8 images, 1,797)",
        pipe,
        X_tr,
        y_tr,
        X_te,
        y_te,
        X_te[:5],
    )


def cases():
    return [_digits_augmented()]
