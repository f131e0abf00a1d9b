"""Keras cases for the HSV colour layers and kernels.

RandomColorDegeneration, RandomSaturation, RandomHue and RandomColorJitter, plus TF's
``rgb_to_hsv`` / ``hsv_to_rgb`` / ``rgb_to_grayscale``. Three kinds of case:

* ``kernel``: TF's conversions on random and edge colours (greys, pure hues, zeros, tiny
  values) on the 0-1 and 0-255 scales;
* ``transform``: the layer's ``transform_images(images, transformation)`` with a
  transformation built here (one value per image), so skprep's kernels can be called with the
  same numbers;
* ``layer``: ``layer(images, training=True)`` with factor ranges that make Keras's draws
  fixed (zero width; RandomHue ``(1, 1)``, whose +-0.5 shift is the same rotation either
  sign), compared with skprep's estimator.

Integer inputs are given to Keras as float32 (Keras rejects integer images for saturation);
the tests round and saturate Keras's float output as skprep does for integer input.
"""

import numpy as np

VALUE_RANGES = ((0, 255), (0, 1))


def _edge(scale):
    cols = [
        [0, 0, 0],
        [1, 1, 1],
        [0.5, 0.5, 0.5],
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
        [1, 1, 0],
        [0, 1, 1],
        [1, 0, 1],
        [1, 0.5, 0],
        [0.2, 0.2, 0.1],
        [0, 0, 1e-6],
        [0.3, 0.6, 0.6],
        [0.9, 0.1, 0.9],
        [0.25, 0.75, 0.5],
        [1, 0.999, 0.998],
    ]
    return (np.array(cols, np.float64) * scale).astype(np.float32).reshape(1, 4, 4, 3)


def _batches(rng, scale):
    return [
        ("random_3x7x5", rng.uniform(0, scale, (3, 7, 5, 3)).astype(np.float32)),
        ("edge_4x4", np.repeat(_edge(scale), 3, axis=0)),
        ("uint8_2x9x11", rng.randint(0, 256, (2, 9, 11, 3)).astype(np.uint8)),
    ]


def _kernel_cases(rng):
    import tensorflow as tf

    cases = []
    for scale in (1.0, 255.0):
        for name, x in _batches(rng, scale)[:2]:
            hsv = tf.image.rgb_to_hsv(x).numpy()
            # Out-of-range HSV values as well (hue 1, saturation above 1, as Keras produces).
            hsv_in = hsv.copy()
            hsv_in[0, 0, 0] = [1.0, 0.5, 0.5 * scale]
            hsv_in[0, 0, 1] = [0.3, 1.7, 0.8 * scale]
            for kernel, inp, out in (
                ("rgb_to_hsv", x, hsv),
                ("hsv_to_rgb", hsv_in, tf.image.hsv_to_rgb(hsv_in).numpy()),
                ("rgb_to_grayscale", x, tf.image.rgb_to_grayscale(x).numpy()),
            ):
                cases.append(
                    {
                        "name": f"{kernel}-{name}-scale{int(scale)}",
                        "layer": "kernel",
                        "kernel": kernel,
                        "input": inp,
                        "output": out,
                    }
                )
    return cases


def _keras_input(x, data_format):
    x = x.astype(np.float32)
    return np.transpose(x, (0, 3, 1, 2)) if data_format == "channels_first" else x


def _transform_cases(rng):
    import keras

    cases = []
    for value_range in VALUE_RANGES:
        scale = value_range[1]
        for name, x in _batches(rng, scale):
            if x.dtype == np.uint8 and scale == 1:
                continue
            n = x.shape[0]
            for data_format in ("channels_last", "channels_first"):
                xin = _keras_input(x, data_format)
                # RandomSaturation: per-image f in [0, 1) (multiplier f / (1 - f + 1e-7)).
                f = rng.uniform(0, 1, n).astype(np.float32)
                f[0] = 0.5
                layer = keras.layers.RandomSaturation(
                    (0, 1), value_range=value_range, data_format=data_format
                )
                mult = f / (np.float32(1) - f + np.float32(1e-7))
                out = layer.transform_images(xin, {"factor": mult})
                transforms = [("RandomSaturation", {"factor": f, "multiplier": mult}, out)]
                # RandomHue: delta in [-0.5, 0.5].
                delta = rng.uniform(-0.5, 0.5, n).astype(np.float32)
                layer = keras.layers.RandomHue(
                    0.5, value_range=value_range, data_format=data_format
                )
                out = layer.transform_images(xin, {"factor": delta})
                transforms.append(("RandomHue", {"delta": delta}, out))
                # RandomColorDegeneration: factor in [0, 1], extrapolation too.
                c = rng.uniform(-0.5, 1.5, n).astype(np.float32)
                layer = keras.layers.RandomColorDegeneration(
                    1.0, value_range=value_range, data_format=data_format
                )
                out = layer.transform_images(xin, {"factor": c.reshape(n, 1, 1, 1)})
                transforms.append(("RandomColorDegeneration", {"factor": c}, out))
                for layer_name, params, out in transforms:
                    out = np.asarray(out)
                    if data_format == "channels_first":
                        out = np.transpose(out, (0, 2, 3, 1))
                    cases.append(
                        {
                            "name": f"{layer_name}-transform-{name}-{data_format}-"
                            f"range{value_range[1]}",
                            "layer": layer_name,
                            "kind": "transform",
                            "kwargs": {"value_range": list(value_range)},
                            "data_format": data_format,
                            "params": params,
                            "input": x,
                            "output": out,
                        }
                    )
    return cases


def _layer_cases(rng):
    import keras

    specs = [
        ("RandomSaturation", {"factor": [0.5, 0.5]}),
        ("RandomSaturation", {"factor": [0.3, 0.3]}),
        ("RandomSaturation", {"factor": [0.0, 0.0]}),
        ("RandomSaturation", {"factor": [0.8, 0.8], "value_range": [0, 1]}),
        ("RandomSaturation", {"factor": [1.0, 1.0], "value_range": [0, 1]}),
        ("RandomColorDegeneration", {"factor": [0.4, 0.4]}),
        ("RandomColorDegeneration", {"factor": [1.0, 1.0]}),
        ("RandomColorDegeneration", {"factor": [0.7, 0.7], "value_range": [0, 1]}),
        ("RandomHue", {"factor": [1.0, 1.0]}),
        ("RandomHue", {"factor": [0.0, 0.0], "value_range": [0, 1]}),
        ("RandomColorJitter", {"brightness_factor": [0.1, 0.1]}),
        (
            "RandomColorJitter",
            {
                "brightness_factor": [-0.2, -0.2],
                "contrast_factor": 0.0,
                "saturation_factor": [0.3, 0.3],
                "hue_factor": [1.0, 1.0],
            },
        ),
        (
            "RandomColorJitter",
            {"saturation_factor": [0.9, 0.9], "hue_factor": [1.0, 1.0], "value_range": [0, 1]},
        ),
    ]
    cases = []
    for i, (layer_name, kwargs) in enumerate(specs):
        value_range = kwargs.get("value_range", [0, 255])
        for name, x in _batches(rng, value_range[1]):
            if x.dtype == np.uint8 and value_range[1] == 1:
                continue
            data_format = "channels_first" if i % 3 == 1 else "channels_last"
            layer = getattr(keras.layers, layer_name)(**kwargs, data_format=data_format, seed=1)
            out = np.asarray(layer(_keras_input(x, data_format), training=True))
            inference = np.asarray(layer(_keras_input(x, data_format), training=False))
            if data_format == "channels_first":
                out = np.transpose(out, (0, 2, 3, 1))
                inference = np.transpose(inference, (0, 2, 3, 1))
            cases.append(
                {
                    "name": f"{layer_name}-layer{i}-{name}",
                    "layer": layer_name,
                    "kind": "layer",
                    "kwargs": kwargs,
                    "data_format": data_format,
                    "input": x,
                    "output": out,
                    "inference": inference,
                }
            )
    # RandomColorJitter with a pinned contrast factor 1.2 (Keras's sorted pair (-0.2, 0.2)
    # draws from [1.2, 1.2]); skprep's draw cannot express it, so the tests feed skprep the
    # explicit parameters.
    for name, x in _batches(rng, 255)[:2]:
        layer = keras.layers.RandomColorJitter(
            brightness_factor=[0.1, 0.1],
            contrast_factor=[-0.2, 0.2],
            saturation_factor=[0.25, 0.25],
            hue_factor=[1.0, 1.0],
            seed=3,
        )
        f = np.float32(0.25)
        cases.append(
            {
                "name": f"RandomColorJitter-params-{name}",
                "layer": "RandomColorJitter",
                "kind": "params",
                "kwargs": {},
                "data_format": "channels_last",
                "params": {
                    "brightness_delta": [0.1 * 255] * x.shape[0],
                    "contrast_factor": [1.2] * x.shape[0],
                    "saturation_multiplier": [f / (np.float32(1) - f + np.float32(1e-7))]
                    * x.shape[0],
                    "hue_delta": [0.5] * x.shape[0],
                },
                "input": x,
                "output": np.asarray(layer(x, training=True)),
            }
        )
    return cases


def generate():
    rng = np.random.RandomState(11)
    return _kernel_cases(rng) + _transform_cases(rng) + _layer_cases(rng)
