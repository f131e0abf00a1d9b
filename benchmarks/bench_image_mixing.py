"""MixUp / CutMix (images and labels) and RandomErasing vs Keras (training=True).

64 float32 images of 224 x 224 x 3 with one-hot labels over 10 classes, default layer
arguments on both sides. skprep's MixUp / CutMix run ``fit_resample(X, y)``; Keras gets the
``{"images": X, "labels": y}`` dict it mixes together. RandomErasing runs ``fit_transform``
with the default noise fill and with a constant fill.
"""

import numpy as np

from benchmarks._harness import Benchmark, keras_or_none
from skprep.image import CutMix, MixUp, RandomErasing


def _data():
    rng = np.random.default_rng(0)
    X = rng.uniform(0, 255, size=(64, 224, 224, 3)).astype(np.float32)
    y = np.eye(10, dtype=np.float32)[rng.integers(0, 10, size=64)]
    return X, y


def _keras(keras, name, kwargs, labels):
    layer = getattr(keras.layers, name)(**kwargs, seed=0)

    if labels:

        def fn(data):
            out = layer({"images": data[0], "labels": data[1]}, training=True)
            return np.asarray(out["images"]), np.asarray(out["labels"])

    else:

        def fn(data):
            return np.asarray(layer(data[0], training=True))

    return fn


def _skprep(cls, kwargs, labels):
    est = cls(**kwargs, random_state=np.random.RandomState(0))
    if labels:
        return lambda data: est.fit_resample(*data)
    return lambda data: est.fit_transform(data[0])


LAYERS = [
    ("MixUp", MixUp, {}, True, "fit_resample (images + labels)"),
    ("CutMix", CutMix, {}, True, "fit_resample (images + labels)"),
    ("RandomErasing", RandomErasing, {}, False, "fit_transform, noise fill"),
    ("RandomErasing", RandomErasing, {"fill_value": 0.0}, False, "fit_transform, constant fill"),
]


def benchmarks():
    keras = keras_or_none()
    return [
        Benchmark(
            name=f"{name} {what}, 64 x 224 x 224 x 3 float32",
            setup=_data,
            competitors={
                "skprep": _skprep(cls, kwargs, labels),
                f"keras {name} (training=True)": (
                    _keras(keras, name, kwargs, labels) if keras else None
                ),
            },
            target="ratio <= 1.0",
        )
        for name, cls, kwargs, labels, what in LAYERS
    ]
