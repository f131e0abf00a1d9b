"""RandomColorDegeneration / RandomSaturation / RandomHue / RandomColorJitter ``fit_transform``
vs Keras (training=True).

64 float32 images of 224 x 224 x 3 in (0, 255), the same layer arguments on both sides
(factors in the range where skprep and Keras 3 compute the same thing).
"""

from benchmarks._harness import keras_image_layer_benchmarks
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


def benchmarks():
    return keras_image_layer_benchmarks(LAYERS)
