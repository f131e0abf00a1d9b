"""Demo: Hashing a high-cardinality column and crossing two categorical columns."""

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from skprep import HashedCrossing, Hashing, Normalization

from . import DemoCase


def _clicks(n=20_000, seed=0):
    """Synthetic ad clicks: 8,000 possible user ids, a device, an hour and a price.

    A click is likely for 2,000 "fan" users, on mobile in the evening, and for cheap
    items -- so the model needs the high-cardinality user id and the device x hour cross.
    """
    rng = np.random.default_rng(seed)
    users = rng.integers(0, 8_000, n)
    fans = rng.permutation(8_000)[:2_000]
    device = rng.choice(["mobile", "desktop", "tablet"], n, p=[0.5, 0.4, 0.1])
    hour = rng.integers(0, 24, n)
    price = rng.lognormal(3.0, 1.0, n)
    logit = (
        4.0 * np.isin(users, fans)
        + 3.0 * ((device == "mobile") & (hour >= 18))
        - 0.8 * np.log(price)
        + 0.5
    )
    y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
    X = pd.DataFrame(
        {
            "user_id": [f"user_{u}" for u in users],
            "device": device,
            "hour": hour,
            "price": price,
        }
    )
    return X, y


def _ads():
    X, y = _clicks()
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
    ct = ColumnTransformer(
        [
            ("user", Hashing(num_bins=2**16, output_mode="one_hot"), "user_id"),
            (
                "device_x_hour",
                HashedCrossing(num_bins=128, output_mode="one_hot"),
                ["device", "hour"],
            ),
            ("price", Normalization(), ["price"]),
        ]
    )
    pipe = make_pipeline(ct, LogisticRegression(max_iter=1000, C=0.5))
    return DemoCase(
        "Ad clicks: ColumnTransformer[Hashing, HashedCrossing, Normalization]",
        "generated clicks (20,000 rows; 8,000 user ids hashed into 65,536 bins)",
        pipe,
        X_tr,
        y_tr,
        X_te,
        y_te,
        X_te.iloc[:5],
    )


def cases():
    return [_ads()]
