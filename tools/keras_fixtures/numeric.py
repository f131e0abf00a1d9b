"""Keras cases for Normalization, Rescaling and CategoryEncoding."""

import numpy as np


def _rng(seed=0):
    return np.random.RandomState(seed)


def _normalization():
    import keras

    rng = _rng(1)
    table = (rng.normal(size=(50, 4)) * [1, 10, 100, 1e-3] + [0, 5, -3, 2]).astype(np.float32)
    images = rng.uniform(0, 255, size=(4, 5, 6, 3)).astype(np.float32)
    const = np.concatenate([table[:, :2], np.full((50, 1), 3.0, np.float32)], axis=1)
    cases = []
    specs = [
        ("table_axis_last", {}, table),
        ("table_axis_none", {"axis": None}, table),
        ("table_invert", {"invert": True}, table),
        ("constant_column", {}, const),
        ("images_per_channel", {}, images),
        ("images_axis_1_2", {"axis": (1, 2)}, images),
        ("images_axis_none", {"axis": None}, images),
        ("int_input", {}, rng.randint(0, 100, size=(20, 3)).astype(np.int64)),
    ]
    for name, kwargs, x in specs:
        layer = keras.layers.Normalization(**kwargs)
        layer.adapt(x)
        cases.append(
            {
                "name": f"normalization_{name}",
                "layer": "Normalization",
                "kwargs": kwargs,
                "input": x,
                "output": np.asarray(layer(x)),
                "mean": np.asarray(layer.mean).reshape(-1),
                "variance": np.asarray(layer.variance).reshape(-1),
            }
        )
    # streamed adapt over an iterable of batches
    batches = [table[:10], table[10:35], table[35:]]
    layer = keras.layers.Normalization()
    layer.adapt(iter(batches))
    cases.append(
        {
            "name": "normalization_streamed",
            "layer": "Normalization",
            "kwargs": {},
            "input": table,
            "batches": batches,
            "output": np.asarray(layer(table)),
            "mean": np.asarray(layer.mean).reshape(-1),
            "variance": np.asarray(layer.variance).reshape(-1),
        }
    )
    # given mean / variance, broadcast
    for name, kwargs in [
        ("given_scalar", {"mean": 2.0, "variance": 4.0}),
        ("given_vector", {"mean": [1.0, 2.0, 3.0, 4.0], "variance": [1.0, 4.0, 9.0, 0.0]}),
        (
            "given_invert",
            {"mean": [1.0, 2.0, 3.0, 4.0], "variance": [1.0, 4.0, 9.0, 16.0], "invert": True},
        ),
    ]:
        layer = keras.layers.Normalization(**kwargs)
        cases.append(
            {
                "name": f"normalization_{name}",
                "layer": "Normalization",
                "kwargs": kwargs,
                "input": table[:8],
                "output": np.asarray(layer(table[:8])),
            }
        )
    return cases


def _rescaling():
    import keras

    rng = _rng(2)
    u8 = rng.randint(0, 256, size=(2, 4, 5, 3)).astype(np.uint8)
    f32 = rng.normal(size=(6, 3)).astype(np.float32)
    cases = []
    for name, kwargs, x in [
        ("uint8_unit", {"scale": 1 / 255}, u8),
        ("uint8_minus1_1", {"scale": 1 / 127.5, "offset": -1.0}, u8),
        ("float_table", {"scale": 3.5, "offset": 0.25}, f32),
        ("per_channel", {"scale": [1.0, 0.5, 0.25], "offset": [0.0, 1.0, 2.0]}, u8),
    ]:
        layer = keras.layers.Rescaling(**kwargs)
        cases.append(
            {
                "name": f"rescaling_{name}",
                "layer": "Rescaling",
                "kwargs": kwargs,
                "input": x,
                "output": np.asarray(layer(x)),
            }
        )
    return cases


def _category_encoding():
    import keras

    rng = _rng(3)
    bags = rng.randint(0, 6, size=(12, 4)).astype(np.int64)
    single = rng.randint(0, 6, size=(12,)).astype(np.int64)
    cases = []
    for name, kwargs, x in [
        ("one_hot_1d", {"num_tokens": 6, "output_mode": "one_hot"}, single),
        ("one_hot_n1", {"num_tokens": 6, "output_mode": "one_hot"}, single[:, None]),
        ("one_hot_nm", {"num_tokens": 6, "output_mode": "one_hot"}, bags),
        ("multi_hot", {"num_tokens": 6, "output_mode": "multi_hot"}, bags),
        ("binary_alias", {"num_tokens": 6, "output_mode": "binary"}, bags),
        ("count", {"num_tokens": 6, "output_mode": "count"}, bags),
        ("count_n1", {"num_tokens": 8, "output_mode": "count"}, single[:, None]),
        ("float_ints", {"num_tokens": 6, "output_mode": "count"}, bags.astype(np.float32)),
    ]:
        layer = keras.layers.CategoryEncoding(**kwargs)
        cases.append(
            {
                "name": f"category_encoding_{name}",
                "layer": "CategoryEncoding",
                "kwargs": kwargs,
                "input": x,
                "output": np.asarray(layer(x)),
            }
        )
    weights = rng.uniform(0, 2, size=bags.shape).astype(np.float32)
    layer = keras.layers.CategoryEncoding(num_tokens=6, output_mode="count")
    cases.append(
        {
            "name": "category_encoding_count_weights",
            "layer": "CategoryEncoding",
            "kwargs": {"num_tokens": 6, "output_mode": "count"},
            "input": bags,
            "count_weights": weights,
            "output": np.asarray(layer(bags, count_weights=weights)),
        }
    )
    return cases


def generate():
    return _normalization() + _rescaling() + _category_encoding()
