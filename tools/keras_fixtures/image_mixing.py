"""Keras cases for MixUp, CutMix and RandomErasing.

Keras's draws are pinned by building the transformation dict that each layer's
``get_random_transformation`` returns from fixed numbers (blend weights, partner permutation,
rectangle positions and sizes, noise) and calling the layer's own ``transform_images`` /
``transform_labels`` with it. The rectangles go through the layer's ``_generate_batch_mask``
(and CutMix's label weight comes from it), with their corners computed in float32 the way
``_compute_crop_bounds`` computes them. skprep's kernels get the same numbers.

Layer-level cases record what Keras does with ``training=False`` (and RandomErasing with a
zero probability, which makes its draw irrelevant).
"""

import numpy as np


def _float_batches(rng):
    return [
        ("float_5x7x9x3", rng.uniform(0, 255, size=(5, 7, 9, 3)).astype(np.float32)),
        ("uint8_5x8x7x1", rng.randint(0, 256, size=(5, 8, 7, 1)).astype(np.uint8)),
        ("unit_4x5x6x2", rng.uniform(0, 1, size=(4, 5, 6, 2)).astype(np.float32)),
        ("float_3x1x13x3", rng.uniform(0, 255, size=(3, 1, 13, 3)).astype(np.float32)),
    ]


def _to_layout(x, data_format):
    return x if data_format == "channels_last" else np.moveaxis(x, -1, -3)


def _crop_bounds(side, length, u):
    """Keras's ``_compute_crop_bounds`` with a fixed uniform ``u`` (TF float32 ops)."""
    import tensorflow as tf

    side = tf.constant(side, tf.float32)
    crop = tf.cast(side * length, tf.float32)
    start = tf.constant(u, tf.float32) * (length - crop)
    return start.numpy(), (start + crop).numpy()


def _soft_labels(rng, n, k=4):
    y = rng.uniform(0, 1, size=(n, k)).astype(np.float32)
    return y / y.sum(axis=1, keepdims=True)


def _mix_up(rng):
    import keras

    cases = []
    for label, x in _float_batches(rng):
        n = x.shape[0]
        lam = rng.beta(0.4, 0.4, size=n).astype(np.float32)
        lam[0] = 1.0
        if n > 2:
            lam[1] = 0.0
        partner = rng.permutation(n).astype(np.int64)
        labels = _soft_labels(rng, n)
        for data_format in ("channels_last", "channels_first"):
            layer = keras.layers.MixUp(alpha=0.2, data_format=data_format)
            transformation = {"mix_weight": lam, "permutation_order": partner}
            inp = _to_layout(x, data_format)
            cases.append(
                {
                    "name": f"mix_up_{label}_{data_format}",
                    "layer": "MixUp",
                    "kwargs": {"data_format": data_format},
                    "input": inp,
                    "labels": labels,
                    "lam": lam,
                    "partner": partner,
                    "output": np.asarray(layer.transform_images(inp, transformation)),
                    "output_labels": np.asarray(layer.transform_labels(labels, transformation)),
                }
            )
    return cases


def _cut_mix(rng):
    import keras

    cases = []
    for label, x in _float_batches(rng):
        n, h, w, _ = x.shape
        lam = rng.uniform(0, 1, size=n).astype(np.float32)
        lam[0] = 0.0  # the whole image
        lam[1] = 1.0  # an empty box
        side = np.sqrt(np.float32(1.0) - lam)
        u = rng.uniform(0, 1, size=(2, n)).astype(np.float32)
        u[:, 2 % n] = (0.0, 1.0)
        x0, x1 = _crop_bounds(side, w, u[0])
        y0, y1 = _crop_bounds(side, h, u[1])
        partner = rng.permutation(n).astype(np.int32)
        labels = np.eye(n, 5, dtype=np.float32)[rng.randint(0, n, size=n)]
        for data_format in ("channels_last", "channels_first"):
            layer = keras.layers.CutMix(data_format=data_format)
            inp = _to_layout(x, data_format)
            masks, weight = layer._generate_batch_mask(inp.shape, (x0, x1, y0, y1))
            transformation = {
                "permutation_order": partner,
                "batch_masks": masks,
                "mix_weight": weight,
            }
            cases.append(
                {
                    "name": f"cut_mix_{label}_{data_format}",
                    "layer": "CutMix",
                    "kwargs": {"data_format": data_format},
                    "input": inp,
                    "labels": labels,
                    "boxes": np.stack([x0, y0, x1, y1], axis=1),
                    "partner": partner,
                    "output": np.asarray(layer.transform_images(inp, transformation)),
                    "output_labels": np.asarray(layer.transform_labels(labels, transformation)),
                }
            )
    return cases


def _erasing(rng):
    import keras
    import tensorflow as tf

    cases = []
    fills = [
        ("noise", None, (0, 255)),
        ("constant", 77.5, (0, 255)),
        ("clipped", 300.0, (0, 255)),
        ("channels", [10.0, -5.0, 0.25], (0, 1)),
        ("noise_unit", None, (0, 1)),
    ]
    for label, x in _float_batches(rng):
        n, h, w, c = x.shape
        side = np.sqrt(rng.uniform(0.02, 0.9, size=(n, 2)).astype(np.float32))
        u = rng.uniform(0, 1, size=(2, n)).astype(np.float32)
        x0, x1 = _crop_bounds(side[:, 0], w, u[0])
        y0, y1 = _crop_bounds(side[:, 1], h, u[1])
        apply = rng.uniform(0, 1, size=n) < 0.7
        apply[0] = True
        for fill_label, fill_value, value_range in fills:
            if fill_label == "channels" and c != 3:
                continue
            for data_format in ("channels_last", "channels_first"):
                if data_format == "channels_first" and fill_label not in ("noise", "constant"):
                    continue  # (Keras broadcasts a triple along the width there)
                layer = keras.layers.RandomErasing(
                    fill_value=fill_value, value_range=value_range, data_format=data_format
                )
                inp = _to_layout(x, data_format)
                masks = layer._generate_batch_mask(inp.shape, (x0, x1, y0, y1))
                extra = {}
                if fill_value is None:
                    noise = rng.standard_normal(size=x.shape).astype(np.float32)
                    scaled = _to_layout(noise, data_format) * np.float32(value_range[1])
                    fill = np.asarray(keras.ops.clip(scaled, value_range[0], value_range[1]))
                    extra["fill"] = noise * np.float32(value_range[1])  # NHWC, unclipped
                else:
                    fill = np.asarray(layer._get_fill_value(inp, inp.shape, None))
                transformation = {
                    "apply_erasing": tf.constant(apply),
                    "batch_masks": masks,
                    "fill_value": fill,
                }
                cases.append(
                    {
                        "name": f"erase_{label}_{fill_label}_{data_format}",
                        "layer": "RandomErasing",
                        "kwargs": {
                            "fill_value": fill_value,
                            "value_range": value_range,
                            "data_format": data_format,
                        },
                        "input": inp,
                        "boxes": np.stack([x0, y0, x1, y1], axis=1),
                        "apply": apply,
                        "output": np.asarray(layer.transform_images(inp, transformation)),
                        **extra,
                    }
                )
    # A zero probability makes the whole layer deterministic.
    x = rng.randint(0, 256, size=(3, 6, 5, 3)).astype(np.uint8)
    layer = keras.layers.RandomErasing(factor=(0.0, 0.0))
    cases.append(
        {
            "name": "erase_layer_never",
            "layer": "RandomErasing",
            "kwargs": {"factor": (0.0, 0.0)},
            "input": x,
            "output": np.asarray(layer(x, training=True)),
            "inference": np.asarray(layer(x, training=False)),
        }
    )
    return cases


def _inference(rng):
    """``training=False``: what each layer returns for uint8 and float input."""
    import keras

    cases = []
    for dtype in (np.uint8, np.float64):
        x = rng.randint(0, 256, size=(3, 4, 5, 3)).astype(dtype)
        for name in ("MixUp", "CutMix", "RandomErasing"):
            layer = getattr(keras.layers, name)()
            out = np.asarray(layer(x, training=False))
            cases.append(
                {
                    "name": f"inference_{name}_{np.dtype(dtype).name}",
                    "layer": name,
                    "kwargs": {},
                    "input": x,
                    "output": out,
                    "output_dtype": str(out.dtype),
                }
            )
    return cases


def _keras_default_rates():
    """Keras 3's scalar ``factor=1.0`` erases only about half of the images (skprep follows
    the documentation and erases all of them); recorded so the tests document the difference."""
    import keras

    x = np.full((400, 8, 8, 1), 100.0, dtype=np.float32)
    out = np.asarray(keras.layers.RandomErasing(fill_value=0.0, seed=0)(x, training=True))
    return [
        {
            "name": "erase_keras_default_rate",
            "layer": "RandomErasing",
            "kwargs": {"fill_value": 0.0},
            "n_images": 400,
            "erased_fraction": float((out == 0).any(axis=(1, 2, 3)).mean()),
        }
    ]


def generate():
    rng = np.random.RandomState(11)
    return _mix_up(rng) + _cut_mix(rng) + _erasing(rng) + _inference(rng) + _keras_default_rates()
