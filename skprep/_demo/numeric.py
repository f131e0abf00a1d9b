"""Demo: numeric layers on scikit-learn's bundled data sets."""

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.datasets import load_digits, load_wine
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from skprep import CategoryEncoding, Normalization, Rescaling

from . import DemoCase


def _digits():
    X, y = load_digits(return_X_y=True)
    X = X.astype(np.uint8)  # raw 0..16 pixel intensities
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
    pipe = make_pipeline(
        Rescaling(scale=1 / 16), Normalization(), LogisticRegression(max_iter=2000)
    )
    return DemoCase(
        "Digits: Rescaling + Normalization",
        "sklearn digits (8x8 images, 1,797 rows)",
        pipe,
        X_tr,
        y_tr,
        X_te,
        y_te,
        X_te[:5],
    )


def _wine():
    X, y = load_wine(return_X_y=True)
    # A made-up integer category column: alcohol level bucketed 0..3.
    cat = np.clip(((X[:, 0] - 11) // 1).astype(np.int64), 0, 3)[:, None]
    X = np.hstack([X, cat])
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.3, random_state=0, stratify=y)
    ct = ColumnTransformer(
        [
            ("numeric", Normalization(), list(range(13))),
            ("category", CategoryEncoding(num_tokens=4, output_mode="one_hot", sparse=False), [13]),
        ]
    )
    pipe = make_pipeline(ct, LogisticRegression(max_iter=2000))
    return DemoCase(
        "Wine: ColumnTransformer[Normalization, CategoryEncoding]",
        "sklearn wine (178 rows, 13 numeric + 1 integer category)",
        pipe,
        X_tr,
        y_tr,
        X_te,
        y_te,
        X_te[:5],
    )


def cases():
    return [_digits(), _wine()]
