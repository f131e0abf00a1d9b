"""Normalization fit+transform on 1,000,000 x 32 float32 vs StandardScaler and Keras."""

import numpy as np
from sklearn.preprocessing import StandardScaler

from benchmarks._harness import Benchmark, keras_or_none
from skprep import Normalization


def _data():
    return np.random.default_rng(0).normal(3.0, 2.0, size=(1_000_000, 32)).astype(np.float32)


def _keras_normalization(keras):
    def fn(X):
        layer = keras.layers.Normalization()
        layer.adapt(X)
        return np.asarray(layer(X))

    return fn


def benchmarks():
    keras = keras_or_none()
    return [
        Benchmark(
            name="Normalization fit + transform, 1,000,000 x 32 float32",
            setup=_data,
            competitors={
                "skprep": lambda X: Normalization().fit(X).transform(X),
                "sklearn StandardScaler": lambda X: StandardScaler().fit(X).transform(X),
                "keras Normalization": _keras_normalization(keras) if keras else None,
            },
            target="ratio <= 1.0 against each",
        )
    ]
