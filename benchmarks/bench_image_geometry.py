"""RandomTranslation / RandomRotation / RandomZoom / RandomShear ``fit_transform`` vs Keras (training=True).

64 float32 images of 224 x 224 x 3, default fill mode ("reflect") and interpolation
("bilinear"), the same layer arguments on both sides.
"""

from benchmarks._harness import keras_image_layer_benchmarks
from skprep.image import RandomRotation, RandomShear, RandomTranslation, RandomZoom

LAYERS = [
    ("RandomTranslation", RandomTranslation, {"height_factor": 0.1, "width_factor": 0.1}),
    ("RandomRotation", RandomRotation, {"factor": 0.1}),
    ("RandomZoom", RandomZoom, {"height_factor": 0.2}),
    ("RandomShear", RandomShear, {"x_factor": 0.2, "y_factor": 0.2}),
]


def benchmarks():
    return keras_image_layer_benchmarks(LAYERS)
