"""Keras cases for FeatureSpace (``keras.utils.FeatureSpace``): output layout and values.

Each case stores a JSON description of the feature space (``features``: name -> type name,
or ``{"type": ..., "kwargs": {...}}`` for a helper call; ``crosses``: lists of names, or
``{"feature_names": [...], "crossing_dim": ..., "output_mode": ...}``; the constructor's
other arguments in ``kwargs``), the input columns, and Keras's output after ``adapt`` on the
whole data as one batch (a dict for ``output_mode="dict"``).
"""

import numpy as np


def make_columns(n=60, seed=0):
    """The input columns (also rebuilt by the tests from the stored arrays)."""
    rng = np.random.RandomState(seed)
    colors = np.array(["red", "green", "blue", "cyan", "magenta", "yellow"], dtype=object)
    return {
        "age": rng.normal(40, 12, size=n).astype(np.float32),
        "fare": rng.lognormal(2, 1, size=n).astype(np.float32),
        "color": colors[rng.randint(0, 6, size=n)],
        "city": np.array([f"c{i}" for i in rng.randint(0, 9, size=n)], dtype=object),
        "rooms": rng.randint(0, 7, size=n).astype(np.int64),
        "code": rng.randint(100, 130, size=n).astype(np.int64),
    }


SPECS = [
    (
        "basic_concat",
        {"age": "float_normalized", "color": "string_categorical", "rooms": "integer_categorical"},
        [["color", "rooms"]],
        {"crossing_dim": 8},
    ),
    (
        "every_type_concat",
        {
            "age": "float",
            "fare": {"type": "float_rescaled", "kwargs": {"scale": 0.5, "offset": 1.0}},
            "code": "integer_hashed",
            "city": "string_hashed",
            "rooms": {"type": "float_discretized", "kwargs": {"num_bins": 4}},
            "color": {"type": "string_categorical", "kwargs": {"max_tokens": 4}},
        },
        [["code", "city"], {"feature_names": ["color", "rooms"], "crossing_dim": 5}],
        {"hashing_dim": 8, "crossing_dim": 16},
    ),
    (
        "dict_int",
        {
            "color": {"type": "string_categorical", "kwargs": {"output_mode": "int"}},
            "rooms": {"type": "integer_categorical", "kwargs": {"output_mode": "int"}},
            "age": {"type": "float_discretized", "kwargs": {"num_bins": 5, "output_mode": "int"}},
            "city": {"type": "string_hashed", "kwargs": {"num_bins": 7, "output_mode": "int"}},
        },
        [
            {"feature_names": ["color", "rooms"], "crossing_dim": 32, "output_mode": "int"},
            {"feature_names": ["age", "city"], "crossing_dim": 9, "output_mode": "one_hot"},
        ],
        {"output_mode": "dict"},
    ),
    (
        "dict_mixed",
        {
            "age": "float_normalized",
            "fare": "float_discretized",
            "color": {"type": "string_categorical", "kwargs": {"num_oov_indices": 2}},
            "code": {"type": "integer_categorical", "kwargs": {"max_tokens": 10}},
        },
        [["code", "fare"]],
        {"output_mode": "dict", "num_discretization_bins": 6, "crossing_dim": 12},
    ),
    (
        "names_sorted",
        {
            "zeta": "string_categorical",
            "alpha": "integer_categorical",
            "Mid": "float_normalized",
        },
        [["zeta", "alpha"], ["alpha", "zeta"]],
        {"crossing_dim": 4},
    ),
]


def _keras_feature(fs_cls, name, spec):
    if isinstance(spec, str):
        return spec
    return getattr(fs_cls, spec["type"])(**spec["kwargs"], name=name)


def _keras_cross(fs_cls, spec):
    if isinstance(spec, list):
        return tuple(spec)
    return fs_cls.cross(
        tuple(spec["feature_names"]), **{k: v for k, v in spec.items() if k != "feature_names"}
    )


def _columns_for(features):
    base = make_columns()
    renamed = {"zeta": "color", "alpha": "rooms", "Mid": "age"}
    return {name: base[renamed.get(name, name)] for name in features}


def generate():
    import tensorflow as tf
    from keras.utils import FeatureSpace

    cases = []
    for name, features, crosses, kwargs in SPECS:
        fs = FeatureSpace(
            features={k: _keras_feature(FeatureSpace, k, v) for k, v in features.items()},
            crosses=[_keras_cross(FeatureSpace, c) for c in crosses],
            **kwargs,
        )
        columns = _columns_for(features)
        tf_columns = {k: (v.astype(str) if v.dtype == object else v) for k, v in columns.items()}
        n = len(next(iter(columns.values())))
        fs.adapt(tf.data.Dataset.from_tensor_slices(tf_columns).batch(n))  # one batch
        out = fs(tf_columns)
        if isinstance(out, dict):
            out = {k: np.asarray(v) for k, v in out.items()}
        else:
            out = np.asarray(out)
        cases.append(
            {
                "name": f"feature_space_{name}",
                "layer": "FeatureSpace",
                "features": features,
                "crosses": crosses,
                "kwargs": kwargs,
                "input": columns,
                "output": out,
            }
        )
    return cases
