"""RandomColorDegeneration / RandomSaturation / RandomHue / RandomColorJitter ``fit_transform``
vs Keras (training=True).

64 float32 images of 224 x 224 x 3 in (0, 255), the same layer arguments on both sides
(factors in the range where skprep and Keras 3 compute the same thing).
"""

import numpy as np

from benchmarks._harness import Benchmark, keras_or_none
from skprep.image import RandomColorDegeneration, RandomColorJitter, RandomHue, RandomSaturation

LAYERS = [
    ("RandomColorDegeneration", RandomColorDegeneration, {"factor": (0.0, 1.0)}),
    ("RandomSaturation", RandomSaturation, {"factor": (0.2, 0.5)}),
    ("RandomHue", RandomHue, {"factor": 0.5}),
    (
        "RandomColorJitter",
        RandomColorJitter,
        {
            "brightness_factor": 0.2,
            "contrast_factor": 0.0,
            "saturation_factor": (0.3, 0.5),
            "hue_factor": 0.2,
        },
    ),
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
