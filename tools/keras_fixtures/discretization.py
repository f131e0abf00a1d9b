"""Keras cases for Discretization.

Large inputs are stored as a recipe (``{"seed", "dist", "shape", "dtype"}``) that the tests
rebuild with ``make_data`` from ``tests/discretization/_data.py`` (the one home of the
recipe), so the fixture file stays small; small inputs are stored as arrays.
"""

import numpy as np

from tests.discretization._data import make_data


def _layer(**kwargs):
    import keras

    return keras.layers.Discretization(**kwargs)


def _boundaries(layer):
    return np.asarray(layer.bin_boundaries, dtype=np.float64)


def _adapt_case(name, kwargs, data, *, probe=None, recipe=None):
    layer = _layer(**kwargs)
    layer.adapt(data)
    x = data if probe is None else probe
    case = {
        "name": f"discretization_{name}",
        "layer": "Discretization",
        "kwargs": kwargs,
        "boundaries": _boundaries(layer),
        "probe": x,
        "output": np.asarray(layer(x)),
    }
    if recipe is not None:
        case["recipe"] = recipe
    else:
        case["input"] = data
    return case


def _spec_examples():
    docstring = np.array([[-1.5, 1.0, 3.4, 0.5], [0.0, 3.0, 1.3, 0.0]])
    return [
        _adapt_case("spec_arange100_nb4", {"num_bins": 4}, np.arange(100.0)),
        _adapt_case("spec_docstring_nb4", {"num_bins": 4}, docstring),
        _adapt_case("spec_arange1000_nb49", {"num_bins": 49}, np.arange(1000.0)),
        _adapt_case("spec_arange1000_nb98", {"num_bins": 98}, np.arange(1000.0)),
        _adapt_case("spec_small_nb5", {"num_bins": 5}, np.array([3.0, 1.0, 2.0])),
        _adapt_case(
            "spec_duplicates_nb3",
            {"num_bins": 3},
            np.array([1, 1, 1, 1, 2, 2, 2, 2, 3, 3], dtype=np.float64),
        ),
    ]


def _random():
    cases = []
    probe = np.random.RandomState(99).normal(size=(200, 3)).astype(np.float32) * 3
    specs = [
        (7, "normal", (10,), "float64", 3, 0.01),
        (8, "normal", (100,), "float32", 4, 0.01),
        (9, "normal", (101, 1), "float64", 10, 0.01),
        (10, "normal", (1000, 3), "float32", 49, 0.01),
        (11, "lognormal", (5000,), "float64", 98, 0.01),
        (12, "normal", (20_000,), "float32", 100, 0.001),
        (13, "normal", (3000, 4), "float64", 7, 0.05),
        (14, "few_values", (500, 2), "float64", 5, 0.01),
        (15, "uniform_int", (2000,), "int64", 10, 0.01),
        (16, "uniform_int", (300, 2), "int32", 4, 0.1),
        (17, "normal", (100_000,), "float32", 103, 0.01),
        (18, "lognormal", (50_000, 2), "float64", 196, 0.002),
        (19, "normal", (999,), "float64", 2, 0.3),
        (20, "normal", (64,), "float64", 1, 0.01),
    ]
    for seed, dist, shape, dtype, nb, eps in specs:
        recipe = {"seed": seed, "dist": dist, "shape": list(shape), "dtype": dtype}
        from_recipe = np.prod(shape) > 200
        cases.append(
            _adapt_case(
                f"random_{dist}_{'x'.join(map(str, shape))}_{dtype}_nb{nb}_eps{eps}",
                {"num_bins": nb, "epsilon": eps},
                make_data(recipe),
                probe=probe if from_recipe else None,
                recipe=recipe if from_recipe else None,
            )
        )
    return cases


def _batches():
    """Keras adapt over a sequence of batches (a Python list = batches in Keras)."""
    cases = []
    for seed, sizes, nb, eps in [
        (21, [60, 40], 4, 0.01),
        (22, [1000, 1000, 1000], 10, 0.01),
        (23, [5000, 20, 3000, 7], 49, 0.01),
        (24, [200] * 50, 8, 0.01),
        (25, [4096, 1500, 2500], 16, 0.005),
        (26, [700, 300], 3, 0.1),
    ]:
        recipe = {"seed": seed, "dist": "normal", "shape": [sum(sizes)], "dtype": "float32"}
        data = make_data(recipe)
        splits = np.cumsum(sizes)[:-1].tolist()
        batches = np.split(data, splits)
        layer = _layer(num_bins=nb, epsilon=eps)
        layer.adapt(batches)
        probe = np.linspace(-3, 3, 61).astype(np.float32)
        cases.append(
            {
                "name": f"discretization_batches_{seed}_{len(sizes)}x",
                "layer": "Discretization",
                "kwargs": {"num_bins": nb, "epsilon": eps},
                "recipe": recipe,
                "splits": splits,
                "boundaries": _boundaries(layer),
                "probe": probe,
                "output": np.asarray(layer(probe)),
            }
        )
    return cases


def _given_boundaries():
    cases = []
    b = [-1.0, 0.0, 0.5, 1.0, 2.5]
    rng = np.random.RandomState(30)
    table = rng.normal(size=(12, 4)).astype(np.float32)
    table[0, :] = [-1.0, 0.0, 0.5, 2.5]  # values equal to boundaries -> upper bin
    column = table[:, :1]
    flat = table[:, 0].copy()
    specials = np.array([-np.inf, np.inf, -1.0, 2.5, 1e30, -1e30, 0.49999998, 0.5], np.float32)
    near = np.array([0.5 - 1e-9, 0.5 + 1e-9, 1.0 - 1e-12, np.nextafter(1.0, 0.0)], np.float64)
    ints32 = np.array([[-2, -1, 0], [1, 2, 3]], dtype=np.int32)
    ints64 = np.array([-(2**40), -1, 0, 1, 3, 2**40], dtype=np.int64)
    big = np.array([16777216, 16777217, 16777218, 16777219], dtype=np.int64)
    specs = [
        ("int_table", {"bin_boundaries": b}, table),
        ("int_flat", {"bin_boundaries": b}, flat),
        ("int_specials", {"bin_boundaries": b}, specials),
        ("int_float64_near_boundary", {"bin_boundaries": b}, near),
        ("int_int32", {"bin_boundaries": b}, ints32),
        ("int_int64", {"bin_boundaries": b}, ints64),
        ("int_big_ints", {"bin_boundaries": [16777217.0, 16777218.0]}, big),
        ("int_duplicate_boundaries", {"bin_boundaries": [0.0, 1.0, 1.0, 2.0]}, table),
        ("int_fraction_boundaries", {"bin_boundaries": [0.1, 0.2, 0.3]}, table / 4),
        ("int_empty_boundaries", {"bin_boundaries": []}, table),
        ("one_hot_flat", {"bin_boundaries": b, "output_mode": "one_hot"}, flat),
        ("one_hot_column", {"bin_boundaries": b, "output_mode": "one_hot"}, column),
        ("one_hot_table", {"bin_boundaries": b, "output_mode": "one_hot"}, table),
        ("multi_hot_table", {"bin_boundaries": b, "output_mode": "multi_hot"}, table),
        ("multi_hot_column", {"bin_boundaries": b, "output_mode": "multi_hot"}, column),
        ("count_table", {"bin_boundaries": b, "output_mode": "count"}, table),
        ("count_int32", {"bin_boundaries": b, "output_mode": "count"}, ints32),
        ("count_specials", {"bin_boundaries": b, "output_mode": "count"}, specials[None, :]),
    ]
    for name, kwargs, x in specs:
        layer = _layer(**kwargs)
        cases.append(
            {
                "name": f"discretization_given_{name}",
                "layer": "Discretization",
                "kwargs": kwargs,
                "probe": x,
                "output": np.asarray(layer(x)),
            }
        )
    return cases


def _adapted_modes_and_inf():
    rng = np.random.RandomState(40)
    table = rng.normal(size=(30, 3)) * 5
    with_inf = np.concatenate([rng.normal(size=200), [np.inf] * 40, [-np.inf] * 10])
    ints = rng.randint(0, 20, size=(50, 2)).astype(np.int64)
    cases = [
        _adapt_case("adapt_inf_values", {"num_bins": 10}, with_inf),
        _adapt_case("adapt_inf_few", {"num_bins": 4}, np.array([1.0, 2.0, 3.0, np.inf] * 30)),
        _adapt_case("adapt_int64_table", {"num_bins": 5}, ints),
        _adapt_case("adapt_int32_flat", {"num_bins": 3}, ints[:, 0].astype(np.int32)),
        _adapt_case("adapt_constant", {"num_bins": 4}, np.full(50, 2.5)),
    ]
    for mode in ("one_hot", "multi_hot", "count"):
        x = table[:, :1] if mode == "one_hot" else table
        cases.append(_adapt_case(f"adapt_{mode}", {"num_bins": 6, "output_mode": mode}, x))
    return cases


def generate():
    return (
        _spec_examples() + _random() + _batches() + _given_boundaries() + _adapted_modes_and_inf()
    )
