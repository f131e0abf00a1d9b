"""RandomTranslation / RandomRotation / RandomZoom / RandomShear ``fit_transform`` vs Keras (training=True).

64 float32 images of 224 x 224 x 3, default fill mode ("reflect") and interpolation
("bilinear"), the same layer arguments on both sides.
"""

import numpy as np

from benchmarks._harness import Benchmark, keras_or_none
from skprep.image import RandomRotation, RandomShear, RandomTranslation, RandomZoom

LAYERS = [
    ("RandomTranslation", RandomTranslation, {"height_factor": 0.1, "width_factor": 0.1}),
    ("RandomRotation", RandomRotation, {"factor": 0.1}),
    ("RandomZoom", RandomZoom, {"height_factor": 0.2}),
    ("RandomShear", RandomShear, {"x_factor": 0.2, "y_factor": 0.2}),
]


def _images():
    return np.random.default_rng(0).uniform(0, 255, size=(64, 224, 224, 3)).astype(np.float32)


def _keras_layer(keras, name, kwargs):
    layer = getattr(keras.layers, name)(**kwargs, seed=0)

    def fn(X):
        return np.asarray(layer(X, training=True))

    return fn


def _skprep_layer(cls, kwargs):
    layer = cls(**kwargs, random_state=np.random.RandomState(0))
    return layer.fit_transform


def benchmarks():
    keras = keras_or_none()
    return [
        Benchmark(
            name=f"{name} fit_transform, 64 x 224 x 224 x 3 float32",
            setup=_images,
            competitors={
                "skprep": _skprep_layer(cls, kwargs),
                f"keras {name} (training=True)": (
                    _keras_layer(keras, name, kwargs) if keras else None
                ),
            },
            target="ratio <= 1.0",
        )
        for name, cls, kwargs in LAYERS
    ]
