"""RandomInvert / Solarization / RandomPosterization / RandomGrayscale ``fit_transform`` and AutoContrast
``transform`` vs Keras (training=True), on 64 float32 images of 224 x 224 x 3 in (0, 255)."""

from benchmarks._harness import keras_image_layer_benchmarks
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


def benchmarks():
    return keras_image_layer_benchmarks(LAYERS)
