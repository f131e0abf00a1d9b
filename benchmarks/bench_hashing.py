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


def _short_ids():
    """Short high-cardinality ids only: ``user_<id>`` (6-14 bytes)."""
    ids = np.random.default_rng(1).integers(0, 10**9, N)
    return np.array([f"user_{v}" for v in ids.tolist()], dtype=object)


def _with_rows(X):
    return X, [[s] for s in X]  # FeatureHasher(input_type="string") takes one list per row


def _keras_hashing(keras, **kwargs):
    layer = keras.layers.Hashing(num_bins=NUM_BINS, **kwargs)
    return lambda d: np.asarray(layer(d[0]))


def _feature_hasher(d):
    return FeatureHasher(n_features=NUM_BINS, input_type="string").transform(d[1])


def _pair(title, make):
    setup = lambda: _with_rows(make())  # noqa: E731
    keras = keras_or_none()
    target = "ratio <= 2.0 against keras, <= 0.05 against FeatureHasher"
    return [
        Benchmark(
            name=f"Hashing 1,000,000 {title}, no salt (FarmHash Fingerprint64)",
            setup=setup,
            competitors={
                "skprep": lambda d: Hashing(num_bins=NUM_BINS).transform(d[0]),
                "keras Hashing": _keras_hashing(keras) if keras else None,
                "sklearn FeatureHasher": _feature_hasher,
            },
            repeat=5,
            target=target,
        ),
        Benchmark(
            name=f"Hashing 1,000,000 {title}, salted (SipHash-2-4)",
            setup=setup,
            competitors={
                "skprep": lambda d: Hashing(num_bins=NUM_BINS, salt=SALT).transform(d[0]),
                "keras Hashing": _keras_hashing(keras, salt=SALT) if keras else None,
                "sklearn FeatureHasher": _feature_hasher,
            },
            repeat=5,
            target=target,
        ),
    ]


def benchmarks():
    return _pair("mixed strings (ids, URLs, codes; 2-45 bytes)", _strings) + _pair(
        "short ids (user_<id>, 6-14 bytes)", _short_ids
    )
