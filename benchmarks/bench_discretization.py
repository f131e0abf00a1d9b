"""Discretization on 1,000,000 values: fit (Keras adapt) and transform (Keras call), against
Keras and scikit-learn's KBinsDiscretizer(strategy="quantile", encode="ordinal")."""

import numpy as np
from sklearn.preprocessing import KBinsDiscretizer

from benchmarks._harness import Benchmark, keras_or_none
from skprep import Discretization

N_BINS = 10


def _column():
    """One float64 column of 1,000,000 values, the shape scikit-learn users have."""
    return np.random.default_rng(0).normal(3.0, 2.0, size=(1_000_000, 1))


def _fitted(X):
    return (
        X,
        Discretization(num_bins=N_BINS).fit(X),
        KBinsDiscretizer(n_bins=N_BINS, strategy="quantile", encode="ordinal").fit(X),
    )


def _keras_adapt(keras):
    def fn(X):
        layer = keras.layers.Discretization(num_bins=N_BINS)
        layer.adapt(X)
        return layer

    return fn


def _keras_adapt_batches(keras):
    import tensorflow as tf

    def fn(X):
        layer = keras.layers.Discretization(num_bins=N_BINS)
        layer.adapt(tf.data.Dataset.from_tensor_slices(X).batch(10_000))
        return layer

    return fn


def _keras_call(keras):
    def fn(data):
        X, ours, _ = data
        layer = keras.layers.Discretization(bin_boundaries=ours.bin_boundaries_.tolist())
        return np.asarray(layer(X))

    return fn


def benchmarks():
    keras = keras_or_none()
    return [
        Benchmark(
            name=f"Discretization fit (adapt), 1,000,000 x 1 float64, num_bins={N_BINS}",
            setup=_column,
            competitors={
                "skprep": lambda X: Discretization(num_bins=N_BINS).fit(X),
                "keras Discretization.adapt": _keras_adapt(keras) if keras else None,
                "sklearn KBinsDiscretizer(quantile, ordinal).fit": lambda X: KBinsDiscretizer(
                    n_bins=N_BINS, strategy="quantile", encode="ordinal"
                ).fit(X),
            },
            repeat=7,
            target="ratio <= 1.0 against Keras adapt",
            notes=(
                "KBinsDiscretizer computes exact per-column quantiles on a random subsample "
                "of 200,000 rows (its default `subsample`); Keras and skprep summarise every "
                "value."
            ),
        ),
        Benchmark(
            name=f"Discretization streamed fit, 1,000,000 x 1 float64 in 100 batches, "
            f"num_bins={N_BINS}",
            setup=_column,
            competitors={
                "skprep": lambda X: Discretization(num_bins=N_BINS).fit(
                    iter(np.array_split(X, 100))
                ),
                "keras adapt(tf.data batches of 10,000)": (
                    _keras_adapt_batches(keras) if keras else None
                ),
            },
            repeat=5,
            notes=(
                "Keras re-interpolates its summary per batch (rank error grows with the number "
                "of batches); skprep merges a sketch whose error stays within epsilon."
            ),
        ),
        Benchmark(
            name=f"Discretization transform (call), 1,000,000 x 1 float64, {N_BINS} bins",
            setup=lambda: _fitted(_column()),
            competitors={
                "skprep": lambda d: d[1].transform(d[0]),
                "keras Discretization call": _keras_call(keras) if keras else None,
                "sklearn KBinsDiscretizer.transform": lambda d: d[2].transform(d[0]),
            },
            repeat=7,
            notes="Keras's call includes converting the TF tensor back to NumPy.",
        ),
    ]
