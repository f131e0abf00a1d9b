"""Streaming fits of every stateful layer: equality with the in-memory fit, bad streams."""

import numpy as np
import pytest

from skprep import (
    Discretization,
    IntegerLookup,
    Normalization,
    StringLookup,
    TextVectorization,
)

RNG = np.random.default_rng(0)
NUMBERS = RNG.normal(size=(300, 3))
WORDS = np.char.add("w", RNG.integers(0, 40, size=(300, 3)).astype(str)).astype(object)
INTS = RNG.integers(0, 40, size=(300, 3))
TEXTS = np.array([" ".join(row) for row in WORDS], dtype=object)

LAYERS = [
    (Normalization, NUMBERS),
    (lambda: Discretization(num_bins=4), NUMBERS),
    (StringLookup, WORDS),
    (IntegerLookup, INTS),
    (TextVectorization, TEXTS),
]
IDS = ["Normalization", "Discretization", "StringLookup", "IntegerLookup", "TextVectorization"]


def _state(est):
    for name in ("get_vocabulary", "bin_boundaries_", "mean_"):
        if hasattr(est, name):
            value = getattr(est, name)
            return value() if callable(value) else np.asarray(value).tolist()
    raise AssertionError


@pytest.mark.parametrize("make, X", LAYERS, ids=IDS)
def test_stream_partial_fit_and_fit_equal_in_memory(make, X):
    chunks = np.array_split(X, 7)
    whole = make().fit(X)
    streamed = make().fit(iter(chunks))
    partial = make()
    for chunk in chunks:
        partial.partial_fit(chunk)
    if isinstance(whole, Discretization):
        # up to the sketch's capacity (3001 values at epsilon=0.01) a streamed fit is exact
        assert NUMBERS.size <= whole.adapt_state_.capacity
    for other in (streamed, partial):
        if isinstance(whole, Normalization):
            np.testing.assert_allclose(_state(other), _state(whole), rtol=1e-6)
        else:
            assert _state(other) == _state(whole)


@pytest.mark.parametrize("make, X", LAYERS, ids=IDS)
def test_empty_iterable(make, X):
    with pytest.raises(ValueError, match="empty"):
        make().fit(iter([]))


@pytest.mark.parametrize("make, X", LAYERS[:4], ids=IDS[:4])
def test_columns_change_mid_stream(make, X):
    with pytest.raises(ValueError, match="features|shape|rank"):
        make().fit(iter([X[:10], X[10:20, :2]]))
    layer = make().partial_fit(X[:10])
    with pytest.raises(ValueError, match="features|shape|rank"):
        layer.partial_fit(X[10:20, :2])


@pytest.mark.parametrize(
    "make, first, second",
    [
        (Normalization, NUMBERS[:10], WORDS[:10]),
        (StringLookup, WORDS[:10], INTS[:10]),
        (IntegerLookup, INTS[:10], WORDS[:10]),
        (TextVectorization, TEXTS[:10], INTS[:10, 0]),
    ],
    ids=["Normalization", "StringLookup", "IntegerLookup", "TextVectorization"],
)
def test_dtype_change_mid_stream(make, first, second):
    with pytest.raises((ValueError, TypeError)):
        make().fit(iter([first, second]))
