"""Keras cases for RandomShear: ``transform_images`` with explicit per-image shear factors
(signs included), every fill mode and both interpolations, so skprep's warp can be called
with the same numbers."""

import numpy as np


def generate():
    import keras
    import tensorflow as tf

    rng = np.random.RandomState(5)
    cases = []
    for fill_mode in ("reflect", "wrap", "constant", "nearest"):
        for interpolation in ("bilinear", "nearest"):
            x = rng.uniform(0, 255, (3, 7, 9, 2)).astype(np.float32)
            shear = np.array([[0.3, -0.2], [-0.45, 0.1], [0.0, 0.8]], np.float32)
            layer = keras.layers.RandomShear(
                x_factor=1.0,
                y_factor=1.0,
                interpolation=interpolation,
                fill_mode=fill_mode,
                fill_value=17.0,
            )
            t = {"shear_factor": tf.constant(shear), "input_shape": x.shape}
            out = layer.transform_images(tf.constant(x), t)
            kwargs = {"interpolation": interpolation, "fill_mode": fill_mode, "fill_value": 17.0}
            cases.append(
                {
                    "name": f"RandomShear_{fill_mode}_{interpolation}",
                    "layer": "RandomShear",
                    "kwargs": kwargs,
                    "params": {"sx": shear[:, 0].tolist(), "sy": shear[:, 1].tolist()},
                    "input": x,
                    "output": np.asarray(out),
                }
            )
    return cases
