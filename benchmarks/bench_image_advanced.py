"""CLAHE ``transform`` and RandomPerspective / RandomElasticTransform / RandAugment / AugMix
``fit_transform`` vs Keras (training=True), on 64 float32 images of 224 x 224 x 3 in (0, 255).

RandomPerspective and RandomElasticTransform use ``factor=(1.0, 1.0)`` on both sides so every
image is warped (Keras 3 reads a scalar ``1.0`` as a probability drawn from ``(0, 1)``).
Keras's CLAHE builds one-hot histograms (256 float32 per pixel: ~10 GB for this batch), so
its competitor runs it as a user must, in batches of 8 images.
"""

import numpy as np

from benchmarks._harness import Benchmark, image_batch, keras_image_layer_benchmarks, keras_or_none
from skprep.image import (
    AugMix,
    ContrastLimitedAdaptiveHistogramEqualization,
    RandAugment,
    RandomElasticTransform,
    RandomPerspective,
)

LAYERS = [
    ("RandomPerspective", RandomPerspective, {"factor": (1.0, 1.0)}),
    ("RandomElasticTransform", RandomElasticTransform, {"factor": (1.0, 1.0)}),
    ("RandAugment", RandAugment, {}),
    ("AugMix", AugMix, {}),
]


def _clahe_benchmark():
    keras = keras_or_none()
    ours = ContrastLimitedAdaptiveHistogramEqualization().transform
    competitor = None
    if keras is not None:
        layer = keras.layers.ContrastLimitedAdaptiveHistogramEqualization()

        def competitor(X):
            return np.concatenate([np.asarray(layer(X[i : i + 8])) for i in range(0, len(X), 8)])

    return Benchmark(
        name="ContrastLimitedAdaptiveHistogramEqualization, 64 x 224 x 224 x 3 float32",
        setup=image_batch,
        competitors={"skprep": ours, "keras CLAHE (batches of 8)": competitor},
        target="ratio <= 1.0",
        repeat=3,
    )


def benchmarks():
    return [_clahe_benchmark(), *keras_image_layer_benchmarks(LAYERS, repeat=3)]
