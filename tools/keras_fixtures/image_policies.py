"""Keras cases for RandAugment's operations at fixed magnitudes, and AugMix's mixing: ``RandAugment`` with
``num_ops=1`` and a zero-width ``factor`` range, its transformation drawn once, then each
operation applied alone by pinning ``layer_idxes``. The numbers Keras drew (shear signs,
contrast factors, posterization bits, solarization additions and thresholds) are recorded
in skprep's parameter names, so each skprep operation can be called with them. AugMix cases
pin the chains (operations and their drawn numbers), the Dirichlet chain weights and the
Beta blend weight, and call Keras's ``transform_images``."""

import math

import numpy as np

OPS = (
    "random_shear",
    "random_translation",
    "random_rotation",
    "random_brightness",
    "random_color_degeneration",
    "random_contrast",
    "random_sharpness",
    "random_posterization",
    "solarization",
    "auto_contrast",
    "equalization",
)


def _params(name, t):
    a = {k: np.asarray(v) for k, v in (t or {}).items() if k != "input_shape"}
    if name == "random_shear":
        return {"sx": a["shear_factor"][:, 0], "sy": a["shear_factor"][:, 1]}
    if name == "random_translation":
        return {"dx": a["translations"][:, 0], "dy": a["translations"][:, 1]}
    if name == "random_rotation":
        degrees = a["angle"].astype(np.float32)
        return {"angle": degrees * np.float32(math.pi / 180.0)}
    if name == "random_brightness":
        return {"delta": a["rgb_delta"].ravel()}
    if name in ("random_color_degeneration", "random_sharpness"):
        return {"factor": a["factor"].ravel()}
    if name == "random_contrast":
        return {"factor": a["contrast_factor"].ravel()}
    if name == "random_posterization":
        return {"bits": 8 - a["shift_factor"].astype(np.int64).ravel()}
    if name == "solarization":
        return {"addition": a["additions"].ravel(), "threshold": a["thresholds"].ravel()}
    return {}


def generate():
    import keras
    import tensorflow as tf

    rng = np.random.RandomState(3)
    cases = []
    specs = [
        # (shape, value_range, magnitude, interpolation, seed)
        ((1, 12, 10, 3), (0, 255), 0.3, "bilinear", 1),
        ((1, 9, 13, 3), (0, 255), 0.7, "nearest", 2),
        ((1, 11, 11, 3), (0, 1), 0.5, "bilinear", 3),
        ((1, 8, 15, 3), (0, 255), 0.15, "bilinear", 4),
    ]
    for shape, value_range, m, interpolation, seed in specs:
        low, high = value_range
        x = (rng.beta(2, 3, shape) * (high - low) + low).astype(np.float32)
        layer = keras.layers.RandAugment(
            value_range=value_range,
            num_ops=1,
            factor=(m, m),
            interpolation=interpolation,
            seed=seed,
        )
        t = layer.get_random_transformation(tf.constant(x))
        for j, name in enumerate(OPS):
            out = layer.transform_images(
                tf.constant(x),
                {"transforms": t["transforms"], "layer_idxes": tf.constant([j], tf.int32)},
            )
            cases.append(
                {
                    "name": f"RandAugment_{name}_{m}_{value_range[1]}_{interpolation}",
                    "layer": "RandAugment",
                    "op": name,
                    "kwargs": {
                        "value_range": list(value_range),
                        "factor": [m, m],
                        "interpolation": interpolation,
                    },
                    "params": _params(name, t["transforms"][name]),
                    "input": x,
                    "output": np.asarray(out),
                }
            )
    cases += _augmix_cases(keras, tf, rng)
    return cases


AUGMIX_CHAINS = [
    [["random_rotation", "solarization"], ["equalization"], []],
    [["random_shear"], ["random_contrast", "random_translation", "auto_contrast"]],
    [["random_posterization", "random_sharpness"], ["random_brightness"], ["random_rotation"]],
]


def _augmix_cases(keras, tf, rng):
    cases = []
    for i, chains in enumerate(AUGMIX_CHAINS):
        value_range = (0, 255) if i != 1 else (0, 1)
        low, high = value_range
        x = (rng.beta(2, 3, (1, 10, 12, 3)) * (high - low) + low).astype(np.float32)
        m = 0.35 + 0.1 * i
        layer = keras.layers.AugMix(
            value_range=value_range, num_chains=len(chains), factor=(m, m), seed=i
        )
        weights = rng.dirichlet(np.ones(len(chains))).astype(np.float32)
        blend = np.float32(rng.uniform(0.1, 0.9))
        chain_transforms, chain_params = [], []
        for ops in chains:
            steps, params = [], []
            for name in ops:
                t = getattr(layer, name).get_random_transformation(tf.constant(x), seed=None)
                steps.append({"layer_name": name, "transformation": t})
                params.append({"op": name, "params": _params(name, t)})
            chain_transforms.append(steps)
            chain_params.append(params)
        out = layer.transform_images(
            tf.constant(x),
            {
                "chain_mixing_weights": tf.constant(weights),
                "weight_sample": tf.constant(blend),
                "chain_transforms": chain_transforms,
            },
        )
        cases.append(
            {
                "name": f"AugMix_{i}",
                "layer": "AugMix",
                "kwargs": {"value_range": list(value_range), "factor": [m, m]},
                "chains": chain_params,
                "weights": weights,
                "blend": float(blend),
                "input": x,
                "output": np.asarray(out),
            }
        )
    return cases
