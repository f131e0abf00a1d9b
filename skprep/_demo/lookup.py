"""Demo: StringLookup and IntegerLookup on the categorical columns of generated data."""

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from skprep import IntegerLookup, Normalization, StringLookup

from . import DemoCase

CITIES = ["Paris", "Berlin", "Zürich", "Kraków", "São Paulo", "東京", "Oslo", "Lima"]
CHANNELS = ["web", "app", "store", "phone"]


def _orders(n=6000, seed=0):
    """Orders with a string city (categorical dtype), a string channel, an integer store id
    with a long tail, and an amount; the label is whether the order was returned."""
    rng = np.random.default_rng(seed)
    city = rng.choice(CITIES, size=n, p=[0.25, 0.2, 0.15, 0.1, 0.1, 0.1, 0.05, 0.05])
    channel = rng.choice(CHANNELS, size=n)
    store = (rng.zipf(1.5, size=n) % 500).astype(np.int64)
    amount = rng.gamma(2.0, 40.0, size=n)
    logit = (
        1.5 * np.isin(city, ["Zürich", "東京"])
        - 1.0 * (channel == "store")
        + 1.2 * (store % 7 == 0)
        + 0.01 * (amount - 80)
        - 0.5
    )
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
    X = pd.DataFrame(
        {
            "city": pd.Categorical(city),
            "channel": pd.Series(channel, dtype="string"),
            "store": store,
            "amount": amount,
        }
    )
    return X, y


def _returns():
    X, y = _orders()
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
    ct = ColumnTransformer(
        [
            ("city", StringLookup(output_mode="one_hot"), "city"),
            ("channel", StringLookup(output_mode="one_hot", num_oov_indices=2), "channel"),
            # the 40 most frequent stores get their own column; the tail shares 4 OOV buckets
            (
                "store",
                IntegerLookup(max_tokens=44, num_oov_indices=4, output_mode="one_hot"),
                "store",
            ),
            ("amount", Normalization(), ["amount"]),
        ]
    )
    pipe = make_pipeline(ct, LogisticRegression(max_iter=2000))
    raw = pd.DataFrame(
        {
            "city": pd.Categorical(["Zürich", "Lima", "Atlantis"]),  # an unseen city -> OOV
            "channel": pd.Series(["app", "store", "fax"], dtype="string"),
            "store": [7, 3, 123456],
            "amount": [120.0, 15.5, 60.0],
        }
    )
    return DemoCase(
        "Orders: ColumnTransformer[StringLookup x2, IntegerLookup, Normalization]",
        "generated orders (6,000 rows: categorical city, string channel, long-tail store id)",
        pipe,
        X_tr,
        y_tr,
        X_te,
        y_te,
        raw,
    )


def cases():
    return [_returns()]
