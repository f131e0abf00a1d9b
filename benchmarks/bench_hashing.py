"""Hashing 1,000,000 strings (unsalted and salted) vs Keras ``Hashing`` and scikit-learn
``FeatureHasher``."""

import numpy as np
from sklearn.feature_extraction import FeatureHasher

from benchmarks._harness import Benchmark, keras_or_none
from skprep import Hashing

N = 1_000_000
NUM_BINS = 2**18
SALT = (1234567, 7654321)


def _strings():
    """A high-cardinality mix: user ids (9-14 bytes), URLs (30-45 bytes), short codes (2-6)."""
    rng = np.random.default_rng(0)
    ids = rng.integers(0, 10**9, N)
    kind = rng.choice(3, size=N, p=[0.6, 0.3, 0.1])
    out = np.empty(N, dtype=object)
    for i, (k, v) in enumerate(zip(kind.tolist(), ids.tolist())):
        if k == 0:
            out[i] = f"user_{v}"
        elif k == 1:
            out[i] = f"https://example.com/item/{v}?ref=home"
        else:
            out[i] = f"c{v % 99999}"
    return out


def _with_rows(X):
    return X, [[s] for s in X]  # FeatureHasher(input_type="string") takes one list per row


def _keras_hashing(keras, **kwargs):
    layer = keras.layers.Hashing(num_bins=NUM_BINS, **kwargs)
    return lambda d: np.asarray(layer(d[0]))


def _feature_hasher(d):
    return FeatureHasher(n_features=NUM_BINS, input_type="string").transform(d[1])


def benchmarks():
    keras = keras_or_none()
    setup = lambda: _with_rows(_strings())  # noqa: E731
    return [
        Benchmark(
            name="Hashing 1,000,000 strings, no salt (FarmHash Fingerprint64)",
            setup=setup,
            competitors={
                "skprep": lambda d: Hashing(num_bins=NUM_BINS).transform(d[0]),
                "keras Hashing": _keras_hashing(keras) if keras else None,
                "sklearn FeatureHasher": _feature_hasher,
            },
            repeat=3,
            target="ratio <= 2.0 against keras, <= 0.05 against FeatureHasher",
        ),
        Benchmark(
            name="Hashing 1,000,000 strings, salted (SipHash-2-4)",
            setup=setup,
            competitors={
                "skprep": lambda d: Hashing(num_bins=NUM_BINS, salt=SALT).transform(d[0]),
                "keras Hashing": _keras_hashing(keras, salt=SALT) if keras else None,
                "sklearn FeatureHasher": _feature_hasher,
            },
            repeat=3,
            target="ratio <= 2.0 against keras, <= 0.05 against FeatureHasher",
        ),
    ]
