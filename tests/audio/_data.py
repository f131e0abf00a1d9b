"""Fixture inputs stored as recipes (rebuilt here, not stored in the fixture file);
``tools/keras_fixtures/audio.py`` imports ``make_input`` from here when it writes them."""

import numpy as np


def noise(shape, seed=0):
    """Seeded uniform noise in [-1, 1), float32."""
    return np.random.RandomState(seed).uniform(-1, 1, size=shape).astype(np.float32)


def chirp(n=1600, rate=8000.0):
    """A linear chirp sweeping 50 Hz -> 3.5 kHz, amplitude 0.8, float32."""
    t = np.arange(n) / rate
    f0, f1 = 50.0, 3500.0
    phase = 2 * np.pi * (f0 * t + (f1 - f0) * t**2 / (2 * t[-1]))
    return (0.8 * np.sin(phase)).astype(np.float32)


def make_input(recipe):
    """``{"kind": "noise", "shape": [...], "seed": s}`` or ``{"kind": "chirp", "n": n}``,
    optionally ``"shape"`` for the chirp (a reshape) and ``"transpose"`` (axes)."""
    if recipe["kind"] == "noise":
        x = noise(tuple(recipe["shape"]), recipe.get("seed", 0))
    else:
        x = chirp(recipe["n"])
        if "shape" in recipe:
            x = x.reshape(recipe["shape"])
    if "transpose" in recipe:
        x = np.ascontiguousarray(x.transpose(recipe["transpose"]))
    return x


def case_input(case):
    return make_input(case["recipe"])
