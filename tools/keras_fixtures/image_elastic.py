"""Keras cases for RandomElasticTransform: the TF backend's ``elastic_transform`` with pinned
noise (``tf.random.stateless_normal`` is replaced by the recorded fields), every fill mode
Keras's TF backend supports, both interpolations, odd sizes, small and large sigmas; plus
the layer's ``alpha``/``sigma`` rule for a few distortion factors."""

import numpy as np


def generate():
    import keras
    import tensorflow as tf
    from keras.src.backend.tensorflow import image as tf_image

    rng = np.random.RandomState(9)
    cases = []
    specs = [
        # (shape, alpha, sigma, interpolation, fill_mode)
        ((2, 12, 10, 3), 4.0, 1.5, "bilinear", "reflect"),
        ((2, 12, 10, 3), 4.0, 1.5, "nearest", "reflect"),
        ((1, 15, 9, 2), 6.0, 0.6, "bilinear", "constant"),
        ((1, 15, 9, 2), 6.0, 0.6, "nearest", "constant"),
        ((2, 9, 14, 1), 5.0, 2.3, "bilinear", "wrap"),
        ((1, 11, 11, 3), 3.0, 1.0, "bilinear", "nearest"),
        ((1, 20, 17, 3), 8.0, 3.2, "bilinear", "reflect"),
        ((1, 7, 8, 1), 10.0, 0.3, "nearest", "wrap"),
    ]
    original = tf.random.stateless_normal
    try:
        for i, (shape, alpha, sigma, interpolation, fill_mode) in enumerate(specs):
            x = rng.uniform(0, 255, shape).astype(np.float32)
            n, h, w, _ = shape
            noise = rng.normal(size=(n, h, w, 2)).astype(np.float32)
            fields = iter([noise[..., 0], noise[..., 1]])
            tf.random.stateless_normal = lambda *a, fields=fields, **k: tf.constant(next(fields))
            out = tf_image.elastic_transform(
                tf.constant(x),
                alpha=alpha,
                sigma=sigma,
                interpolation=interpolation,
                fill_mode=fill_mode,
                fill_value=7.0,
                seed=1,
            )
            cases.append(
                {
                    "name": f"elastic_{i}_{fill_mode}_{interpolation}_sigma{sigma}",
                    "layer": "RandomElasticTransform",
                    "kwargs": {
                        "alpha": alpha,
                        "sigma": sigma,
                        "interpolation": interpolation,
                        "fill_mode": fill_mode,
                        "fill_value": 7.0,
                    },
                    "noise": noise,
                    "input": x,
                    "output": np.asarray(out),
                }
            )
    finally:
        tf.random.stateless_normal = original
    layer = keras.layers.RandomElasticTransform()
    for h, w, s in [(224, 224, 1.0), (31, 17, 0.37), (8, 100, 0.9)]:
        alpha, sigma = layer.get_elastic_transform_params(h, w, tf.constant(s, tf.float32))
        cases.append(
            {
                "name": f"elastic_params_{h}x{w}_{s}",
                "layer": "RandomElasticTransform",
                "kwargs": {"height": h, "width": w, "distortion": s},
                "output": np.array([float(alpha), float(sigma)], np.float32),
            }
        )
    return cases
