"""Image layers on 64 float32 images of 224 x 224 x 3: skprep vs the Keras layer (TF backend).

Each augmentation's ``fit_transform`` (Keras ``training=True``) and ``Resizing(112, 112)``.
Keras 3 has no RandomHeight / RandomWidth; their Keras competitor is the resize they perform
(``Resizing`` to the drawn size, which is what the Keras 2 layers did), with a factor pair that
fixes the drawn size so both sides do the same work.
"""

import numpy as np

from benchmarks._harness import Benchmark, keras_or_none
from skprep import (
    RandomBrightness,
    RandomContrast,
    RandomCrop,
    RandomFlip,
    RandomHeight,
    RandomWidth,
    Resizing,
)


def _data():
    return np.random.default_rng(0).uniform(0, 255, size=(64, 224, 224, 3)).astype(np.float32)


def _keras(make_layer, training=True):
    keras = keras_or_none()
    if keras is None:
        return None
    layer = make_layer(keras)

    def fn(X):
        return np.asarray(layer(X, training=training))

    return fn


_CASES = [
    (
        "Resizing(112, 112)",
        lambda: Resizing(112, 112),
        lambda k: k.layers.Resizing(112, 112),
        "transform",
    ),
    (
        "RandomCrop(192, 192)",
        lambda: RandomCrop(192, 192),
        lambda k: k.layers.RandomCrop(192, 192),
        "fit_transform",
    ),
    ("RandomFlip()", lambda: RandomFlip(), lambda k: k.layers.RandomFlip(), "fit_transform"),
    (
        "RandomContrast(0.5)",
        lambda: RandomContrast(0.5),
        lambda k: k.layers.RandomContrast(0.5),
        "fit_transform",
    ),
    (
        "RandomBrightness(0.5)",
        lambda: RandomBrightness(0.5),
        lambda k: k.layers.RandomBrightness(0.5),
        "fit_transform",
    ),
    (
        "RandomHeight((0.1, 0.1)) -> 246 x 224",
        lambda: RandomHeight((0.1, 0.1)),
        lambda k: k.layers.Resizing(246, 224),
        "fit_transform",
    ),
    (
        "RandomWidth((-0.25, -0.25)) -> 224 x 168",
        lambda: RandomWidth((-0.25, -0.25)),
        lambda k: k.layers.Resizing(224, 168),
        "fit_transform",
    ),
]


def _ours(make, method):
    est = make()

    def fn(X):
        return getattr(est, method)(X)

    return fn


def benchmarks():
    out = []
    for name, ours, theirs, method in _CASES:
        out.append(
            Benchmark(
                name=f"{name} {method}, 64 x 224 x 224 x 3 float32",
                setup=_data,
                competitors={
                    "skprep": _ours(ours, method),
                    "keras (training=True)": _keras(theirs),
                },
                target="ratio <= 1.0",
            )
        )
    return out
