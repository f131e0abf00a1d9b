"""Keras cases for ``affine_transform`` and RandomTranslation / RandomRotation / RandomZoom.

Kernel cases call ``keras.ops.image.affine_transform`` (TF backend) on random images and on a
crop of a real photograph, for every interpolation x fill mode, with rotation, translation,
zoom, shear, perspective and far-out-of-range transforms, float and uint8 inputs, odd sizes,
and worked examples of the border modes. Layer cases use factor ranges of zero width, so Keras's
random draws are deterministic and outputs are comparable value for value.
"""

import math
from pathlib import Path

import numpy as np

INTERPOLATIONS = ("nearest", "bilinear")
FILL_MODES = ("reflect", "wrap", "constant", "nearest")


def _rotation(theta, h, w):
    cx, cy = (w - 1) / 2, (h - 1) / 2
    c, s = math.cos(theta), math.sin(theta)
    return [c, -s, cx - cx * c + cy * s, s, c, cy - cx * s - cy * c, 0, 0]


def _zoom(zx, zy, h, w):
    return [zx, 0, (w - 1) / 2 * (1 - zx), 0, zy, (h - 1) / 2 * (1 - zy), 0, 0]


def _transforms(rng, h, w):
    """One transform of each kind (rows of a batch)."""
    return np.array(
        [
            _rotation(rng.uniform(-math.pi, math.pi), h, w),
            _rotation(math.pi / 2, h, w),
            [1, 0, -rng.uniform(-3, 3), 0, 1, -rng.uniform(-3, 3), 0, 0],
            [1, 0, -2.5, 0, 1, 1.5, 0, 0],
            _zoom(rng.uniform(0.5, 1.8), rng.uniform(0.5, 1.8), h, w),
            [1, rng.uniform(-0.4, 0.4), 0, rng.uniform(-0.4, 0.4), 1, 0, 0, 0],
            [1.1, 0.1, -1, 0.05, 0.9, 0.5, 0.02, -0.03],
            # far outside the image: several reflect / wrap periods
            [1, 0, -rng.uniform(-5, 5) * w, 0, 1, -rng.uniform(-5, 5) * h, 0, 0],
            _zoom(3.7, 2.9, h, w),
        ],
        dtype=np.float32,
    )


def _photo():
    """A 16 x 24 crop of scikit-learn's ``china.jpg``, decoded by TensorFlow (no PIL)."""
    import sklearn.datasets
    import tensorflow as tf

    path = Path(sklearn.datasets.__file__).parent / "images" / "china.jpg"
    image = tf.io.decode_jpeg(path.read_bytes()).numpy()
    return image[200:296:6, 300:444:6]


def _affine(images, transform, interpolation, fill_mode, fill_value):
    import keras

    return np.asarray(
        keras.ops.image.affine_transform(
            images,
            transform,
            interpolation=interpolation,
            fill_mode=fill_mode,
            fill_value=fill_value,
        )
    )


def _affine_cases():
    rng = np.random.RandomState(6)
    cases = []
    batches = [
        ("random_9x11x3", rng.randint(0, 256, size=(9, 9, 11, 3)).astype(np.float32)),
        ("random_8x5x1", rng.uniform(0, 255, size=(9, 8, 5, 1)).astype(np.float32)),
        ("uint8_7x6x2", rng.randint(0, 256, size=(9, 7, 6, 2)).astype(np.uint8)),
        ("photo_16x24x3", np.repeat(_photo()[None], 9, axis=0).astype(np.float32)),
    ]
    for label, images in batches:
        h, w = images.shape[1:3]
        transforms = _transforms(rng, h, w)
        for interpolation in INTERPOLATIONS:
            for fill_mode in FILL_MODES:
                fill_value = -7.0 if images.dtype != np.uint8 else 9.0
                cases.append(
                    {
                        "name": f"affine_{label}_{interpolation}_{fill_mode}",
                        "layer": "affine_transform",
                        "kwargs": {
                            "interpolation": interpolation,
                            "fill_mode": fill_mode,
                            "fill_value": fill_value,
                        },
                        "input": images,
                        "transform": transforms,
                        "output": _affine(images, transforms, interpolation, fill_mode, fill_value),
                    }
                )
    # thin images: one row / one column, one shared transform, a single (rank-3) image
    for label, image in [
        ("row_1x6", np.arange(1, 7, dtype=np.float32).reshape(1, 6, 1)),
        ("column_5x1", np.arange(1, 6, dtype=np.float32).reshape(5, 1, 1)),
    ]:
        transform = np.array([0.7, 0, -1.3, 0, 0.8, -1.1, 0, 0], dtype=np.float32)
        for interpolation in INTERPOLATIONS:
            for fill_mode in FILL_MODES:
                cases.append(
                    {
                        "name": f"affine_{label}_{interpolation}_{fill_mode}",
                        "layer": "affine_transform",
                        "kwargs": {
                            "interpolation": interpolation,
                            "fill_mode": fill_mode,
                            "fill_value": -1.0,
                        },
                        "input": image,
                        "transform": transform,
                        "output": _affine(image, transform, interpolation, fill_mode, -1.0),
                    }
                )
    return cases


def _worked_examples():
    """Border-mode worked examples: the 1 x 6 ramp shifted by +-3 and +1.5 px, and x' = -0.5 under nearest."""
    ramp = np.arange(1, 7, dtype=np.float32).reshape(1, 1, 6, 1)
    cases = []
    for shift in (3.0, -3.0, 1.5, -1.5, 0.5):
        transform = np.array([1, 0, -shift, 0, 1, 0, 0, 0], dtype=np.float32)
        for interpolation in INTERPOLATIONS:
            for fill_mode in FILL_MODES:
                cases.append(
                    {
                        "name": f"ramp_shift_{shift:+}_{interpolation}_{fill_mode}",
                        "layer": "affine_transform",
                        "kwargs": {
                            "interpolation": interpolation,
                            "fill_mode": fill_mode,
                            "fill_value": -1.0,
                        },
                        "input": ramp,
                        "transform": transform,
                        "output": _affine(ramp, transform, interpolation, fill_mode, -1.0),
                    }
                )
    return cases


def _layer_cases():
    import keras

    rng = np.random.RandomState(7)
    floats = rng.randint(0, 256, size=(3, 9, 12, 3)).astype(np.float32)
    uint8 = rng.randint(0, 256, size=(2, 8, 7, 1)).astype(np.uint8)
    specs = [
        ("RandomRotation", {"factor": (0.25, 0.25)}, floats),
        ("RandomRotation", {"factor": (-0.1, -0.1), "fill_mode": "constant"}, floats),
        ("RandomRotation", {"factor": (0.3, 0.3), "interpolation": "nearest"}, floats),
        (
            "RandomRotation",
            {"factor": (0.125, 0.125), "fill_mode": "wrap", "interpolation": "nearest"},
            uint8,
        ),
        ("RandomRotation", {"factor": (0.4, 0.4), "fill_mode": "nearest"}, floats[0]),
        (
            "RandomRotation",
            {"factor": (-0.2, -0.2), "fill_mode": "constant", "fill_value": 3.5},
            floats,
        ),
        ("RandomTranslation", {"height_factor": (0.1, 0.1), "width_factor": (0.1, 0.1)}, floats),
        (
            "RandomTranslation",
            {"height_factor": (-0.3, -0.3), "width_factor": (0.25, 0.25), "fill_mode": "wrap"},
            floats,
        ),
        (
            "RandomTranslation",
            {
                "height_factor": (0.5, 0.5),
                "width_factor": (-0.4, -0.4),
                "fill_mode": "constant",
                "interpolation": "nearest",
                "fill_value": 2.0,
            },
            uint8,
        ),
        (
            "RandomTranslation",
            {"height_factor": (0.2, 0.2), "width_factor": (0.0, 0.0), "fill_mode": "nearest"},
            floats[1],
        ),
        ("RandomZoom", {"height_factor": (0.5, 0.5)}, floats),
        ("RandomZoom", {"height_factor": (-0.5, -0.5), "interpolation": "nearest"}, floats),
        (
            "RandomZoom",
            {"height_factor": (-0.3, -0.3), "width_factor": (0.2, 0.2), "fill_mode": "wrap"},
            floats,
        ),
        (
            "RandomZoom",
            {"height_factor": (0.4, 0.4), "fill_mode": "constant", "fill_value": -1.0},
            uint8,
        ),
        ("RandomZoom", {"height_factor": (0.7, 0.7), "fill_mode": "nearest"}, floats[2]),
    ]
    cases = []
    for i, (layer_name, kwargs, x) in enumerate(specs):
        for data_format in ("channels_last", "channels_first"):
            if data_format == "channels_first" and i % 3:
                continue
            layer = getattr(keras.layers, layer_name)(**kwargs, data_format=data_format)
            inp = x if data_format == "channels_last" else np.moveaxis(x, -1, -3)
            cases.append(
                {
                    "name": f"{layer_name}_{i}_{data_format}",
                    "layer": layer_name,
                    "kwargs": {**kwargs, "data_format": data_format},
                    "input": inp,
                    "output": np.asarray(layer(inp, training=True)),
                    "inference": np.asarray(layer(inp, training=False)),
                }
            )
    return cases


def generate():
    return _affine_cases() + _worked_examples() + _layer_cases()
