"""Keras cases for the pointwise colour layers: RandomInvert, Solarization,
RandomPosterization, RandomGrayscale (``transform_images`` with a transformation built here, one value per
image, so skprep's kernels can be called with the same numbers) and AutoContrast
(deterministic: ``layer(images)``)."""

import numpy as np

VALUE_RANGES = ((0, 255), (0, 1))


def _inputs(rng, scale):
    flat = np.full((1, 4, 5, 3), 0.4 * scale, np.float32)
    flat[..., 0] = np.linspace(0.1, 0.9, 20).reshape(4, 5) * scale  # one flat, one ramp
    zeros = np.zeros((1, 4, 5, 3), np.float32)
    return [
        ("random_3x7x5", rng.uniform(0, scale, (3, 7, 5, 3)).astype(np.float32)),
        ("narrow_2x6x9", rng.uniform(0.3 * scale, 0.6 * scale, (2, 6, 9, 1)).astype(np.float32)),
        ("flat_and_zero", np.concatenate([flat, zeros])),
    ]


def _case(layer, kwargs, x, out, params=None):
    return {
        "name": f"{layer}_{len(x)}x{x.shape[1]}x{x.shape[2]}x{x.shape[3]}_{kwargs}",
        "layer": layer,
        "kwargs": kwargs,
        "params": params or {},
        "input": x,
        "output": np.asarray(out),
    }


def generate():
    import keras
    import tensorflow as tf

    rng = np.random.RandomState(7)
    cases = []
    for value_range in VALUE_RANGES:
        scale = float(value_range[1])
        kw = {"value_range": list(value_range)}
        for _, x in _inputs(rng, scale):
            n = x.shape[0]
            layer = keras.layers.AutoContrast(value_range=value_range)
            cases.append(_case("AutoContrast", kw, x, layer(x)))

            apply = (np.arange(n) % 2 == 0).tolist()
            layer = keras.layers.RandomInvert(value_range=value_range)
            out = layer.transform_images(tf.constant(x), {"apply_inversion": tf.constant(apply)})
            cases.append(_case("RandomInvert", kw, x, out, {"apply": apply}))

            additions = rng.uniform(0, 80, n).astype(np.float32)
            thresholds = rng.uniform(60, 255, n).astype(np.float32)
            layer = keras.layers.Solarization(value_range=value_range)
            t = {
                "additions": tf.constant(additions.reshape(n, 1, 1, 1)),
                "thresholds": tf.constant(thresholds.reshape(n, 1, 1, 1)),
            }
            out = layer.transform_images(tf.constant(x), t)
            p = {"addition": additions.tolist(), "threshold": thresholds.tolist()}
            cases.append(_case("Solarization", kw, x, out, p))

            bits = rng.randint(1, 9, n).astype(np.uint8)
            layer = keras.layers.RandomPosterization(factor=(1, 8), value_range=value_range)
            out = layer.transform_images(tf.constant(x), {"shift_factor": tf.constant(8 - bits)})
            cases.append(_case("RandomPosterization", kw, x, out, {"bits": bits.tolist()}))
    # RandomGrayscale: transform_images with explicit decisions; RGB and 1-channel, uint8
    for x in (
        rng.uniform(0, 255, (3, 5, 7, 3)).astype(np.float32),
        rng.randint(0, 256, (2, 4, 6, 3)).astype(np.uint8),
        rng.uniform(0, 1, (2, 3, 4, 1)).astype(np.float32),
    ):
        apply = (np.arange(len(x)) % 2 == 0).tolist()
        layer = keras.layers.RandomGrayscale()
        t = tf.constant(np.array(apply).reshape(-1, 1, 1, 1))
        out = layer.transform_images(tf.constant(x), t)
        cases.append(_case("RandomGrayscale", {"value_range": [0, 255]}, x, out, {"apply": apply}))
    # Equalization: Keras pools each channel's histogram over the whole batch, so every case
    # is a one-image batch (where Keras's and skprep's per-image histograms agree).
    flat = np.full((1, 6, 5, 2), 90.0, np.float32)
    flat[..., 1] = rng.uniform(0, 255, (6, 5))
    for x, value_range, bins in (
        (rng.uniform(0, 255, (1, 9, 7, 3)).astype(np.float32), (0, 255), 256),
        (rng.uniform(40, 120, (1, 8, 8, 1)).astype(np.float32), (0, 255), 256),
        (rng.uniform(0, 1, (1, 7, 6, 3)).astype(np.float32), (0, 1), 256),
        (rng.uniform(0, 255, (1, 9, 7, 3)).astype(np.float32), (0, 255), 64),
        (
            np.round(rng.normal(128, 20, (1, 10, 10, 3))).clip(0, 255).astype(np.float32),
            (0, 255),
            256,
        ),
        (flat, (0, 255), 256),
    ):
        layer = keras.layers.Equalization(value_range=value_range, bins=bins)
        kw = {"value_range": list(value_range), "bins": bins}
        cases.append(_case("Equalization", kw, x, layer(x, training=True)))
    # RandomSharpness: transform_images with explicit per-image factors
    for x, value_range in (
        (rng.uniform(0, 255, (3, 7, 9, 3)).astype(np.float32), (0, 255)),
        (rng.uniform(0, 1, (2, 5, 4, 1)).astype(np.float32), (0, 1)),
        (rng.randint(0, 256, (2, 6, 6, 3)).astype(np.uint8), (0, 255)),
    ):
        factors = np.array([0.0, 0.5, 1.0, 0.8][: len(x)], np.float32)
        layer = keras.layers.RandomSharpness(factor=(0, 1), value_range=value_range)
        out = layer.transform_images(tf.constant(x), {"factor": tf.constant(factors)})
        kw = {"value_range": list(value_range)}
        cases.append(_case("RandomSharpness", kw, x, out, {"factor": factors.tolist()}))
    # RandomGaussianBlur: transform_images with explicit decisions and one sigma pair (x, y)
    for x, value_range, k, sigma in (
        (rng.uniform(0, 255, (3, 8, 9, 3)).astype(np.float32), (0, 255), 3, (0.7, 1.3)),
        (rng.randint(0, 256, (2, 7, 7, 1)).astype(np.uint8), (0, 255), 5, (2.0, 0.5)),
        (rng.uniform(0, 1, (2, 6, 10, 3)).astype(np.float32), (0, 1), 7, (3.0, 3.0)),
    ):
        apply = (np.arange(len(x)) % 2 == 0).tolist()
        layer = keras.layers.RandomGaussianBlur(kernel_size=k, value_range=value_range)
        t = {
            "should_apply_blur": tf.constant(apply),
            "blur_factor": tf.constant(np.array(sigma, np.float32)),
        }
        out = layer.transform_images(tf.constant(x), t)
        kw = {"value_range": list(value_range), "kernel_size": k}
        p = {"apply": apply, "sigma": list(sigma)}
        cases.append(_case("RandomGaussianBlur", kw, x, out, p))
    # uint8 input to the layer calls (AutoContrast returns float32 in Keras 3)
    x = rng.randint(20, 200, (2, 5, 6, 3)).astype(np.uint8)
    layer = keras.layers.AutoContrast()
    cases.append(_case("AutoContrast", {"value_range": [0, 255]}, x, layer(x)))
    # Solarization with factors that fix Keras's draws: addition U(0, 0), threshold U(0, 255*0.5)
    # is not fixed, so only zero-width scalar ranges are used: addition 0, threshold 0 -> 255 - y.
    x = rng.uniform(0, 255, (2, 4, 4, 3)).astype(np.float32)
    layer = keras.layers.Solarization(addition_factor=0.0, threshold_factor=0.0)
    cases.append(
        _case(
            "Solarization",
            {"value_range": [0, 255], "layer_call": True},
            x,
            layer(x, training=True),
            {"addition": [0.0, 0.0], "threshold": [0.0, 0.0]},
        )
    )
    return cases
