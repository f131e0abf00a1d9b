"""Rebuild fixture inputs stored as recipes; ``tools/keras_fixtures/discretization.py``
imports ``make_data`` from here when it writes the fixtures."""

import numpy as np


def make_data(recipe):
    rng = np.random.RandomState(recipe["seed"])
    shape = tuple(recipe["shape"])
    dist = recipe["dist"]
    if dist == "normal":
        x = rng.normal(size=shape)
    elif dist == "lognormal":
        x = rng.lognormal(sigma=2.0, size=shape)
    elif dist == "uniform_int":
        x = rng.randint(-50, 50, size=shape)
    elif dist == "few_values":
        x = rng.randint(0, 7, size=shape) * 0.5
    else:
        raise ValueError(dist)
    return x.astype(recipe["dtype"])


def case_input(case):
    """The data Keras adapted on (array), or its batches (list) when the case has splits."""
    data = case["input"] if "input" in case else make_data(case["recipe"])
    if "splits" in case:
        return np.split(data, case["splits"])
    return data


def rank_error(boundaries, x, num_bins, targets=None):
    """Worst distance, as a fraction of ``len(x)``, between each boundary's rank interval
    ``[#(x < b), #(x <= b)] / len(x)`` and its target quantile (``k / num_bins`` unless
    ``targets`` are given)."""
    xs = np.sort(np.asarray(x, dtype=np.float32).reshape(-1))
    boundaries = np.asarray(boundaries, dtype=np.float32)
    if not boundaries.size:
        return 0.0
    if targets is None:
        targets = np.minimum(np.arange(1, len(boundaries) + 1) / num_bins, 1.0)
    lo = np.searchsorted(xs, boundaries, "left") / len(xs)
    hi = np.searchsorted(xs, boundaries, "right") / len(xs)
    return float(np.max(np.maximum(lo - targets, targets - hi).clip(0)))
