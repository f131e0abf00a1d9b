"""RandomInvert / Solarization / RandomPosterization / RandomGrayscale ``fit_transform`` and AutoContrast
``transform`` vs Keras (training=True), on 64 float32 images of 224 x 224 x 3 in (0, 255)."""

import numpy as np

from benchmarks._harness import Benchmark, keras_or_none
from skprep.image import (
    AutoContrast,
    Equalization,
    RandomGaussianBlur,
    RandomGrayscale,
    RandomInvert,
    RandomPosterization,
    RandomSharpness,
    Solarization,
)

LAYERS = [
    ("RandomInvert", RandomInvert, {"factor": (0.0, 1.0)}),
    ("Solarization", Solarization, {"addition_factor": 0.2, "threshold_factor": (0.4, 0.8)}),
    ("RandomPosterization", RandomPosterization, {"factor": (1, 8)}),
    ("AutoContrast", AutoContrast, {}),
    ("Equalization", Equalization, {}),
    ("RandomGaussianBlur", RandomGaussianBlur, {"factor": (0.0, 1.0), "sigma": (0.1, 1.0)}),
    ("RandomSharpness", RandomSharpness, {"factor": (0.0, 1.0)}),
    ("RandomGrayscale", RandomGrayscale, {"factor": 0.5}),
]


def _images():
    return np.random.default_rng(0).uniform(0, 255, size=(64, 224, 224, 3)).astype(np.float32)


def _keras_layer(keras, name, kwargs):
    seeded = {} if name in ("AutoContrast", "Equalization") else {"seed": 0}
    layer = getattr(keras.layers, name)(**kwargs, **seeded)
    return lambda X: np.asarray(layer(X, training=True))


def _skprep_layer(cls, kwargs):
    if cls in (AutoContrast, Equalization):
        return cls(**kwargs).transform
    return cls(**kwargs, random_state=np.random.RandomState(0)).fit_transform


def benchmarks():
    keras = keras_or_none()
    return [
        Benchmark(
            name=f"{name}, 64 x 224 x 224 x 3 float32",
            setup=_images,
            competitors={
                "skprep": _skprep_layer(cls, kwargs),
                f"keras {name} (training=True)": (
                    _keras_layer(keras, name, kwargs) if keras else None
                ),
            },
            target="ratio <= 1.0",
            repeat=5,
        )
        for name, cls, kwargs in LAYERS
    ]
