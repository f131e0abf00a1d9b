"""Keras cases for RandomPerspective: ``transform_images`` with pinned per-image corner
displacement factors and apply flags, both interpolations, odd sizes, channels first."""

import numpy as np


def generate():
    import keras
    import tensorflow as tf

    rng = np.random.RandomState(7)
    cases = []
    specs = [
        # (shape, interpolation, scale, fill_value, data_format)
        ((3, 9, 11, 2), "bilinear", 1.0, 0.0, None),
        ((3, 9, 11, 2), "nearest", 1.0, 13.0, None),
        ((2, 16, 13, 3), "bilinear", 0.4, 5.0, None),
        ((2, 7, 7, 1), "nearest", 0.2, 0.0, None),
        ((2, 3, 10, 12), "bilinear", 0.8, -2.0, "channels_first"),
    ]
    for i, (shape, interpolation, scale, fill_value, data_format) in enumerate(specs):
        x = rng.uniform(0, 255, shape).astype(np.float32)
        n = shape[0]
        if data_format == "channels_first":
            h, w = shape[2], shape[3]
        else:
            h, w = shape[1], shape[2]
        factors = rng.uniform(-0.5 * scale, 0.5 * scale, (n, 4, 2)).astype(np.float32)
        apply = np.ones(n, bool)
        apply[-1] = i % 2 == 0  # some images are left as they are
        start = np.array(
            [[[0.0, 0.0], [w - 1, 0.0], [0.0, h - 1], [w - 1, h - 1]]], np.float32
        ).repeat(n, axis=0)
        end = start + start * factors
        layer = keras.layers.RandomPerspective(
            scale=scale,
            interpolation=interpolation,
            fill_value=fill_value,
            data_format=data_format,
        )
        t = {
            "apply_perspective": tf.constant(apply),
            "start_points": tf.constant(start),
            "end_points": tf.constant(end),
            "input_shape": x.shape,
        }
        out = np.asarray(layer.transform_images(tf.constant(x), t))
        cases.append(
            {
                "name": f"RandomPerspective_{i}_{interpolation}_{'x'.join(map(str, shape))}",
                "layer": "RandomPerspective",
                "kwargs": {
                    "scale": scale,
                    "interpolation": interpolation,
                    "fill_value": fill_value,
                    "data_format": data_format,
                },
                "params": {"apply": apply, "factors": factors},
                "input": x,
                "output": out,
            }
        )
    return cases
