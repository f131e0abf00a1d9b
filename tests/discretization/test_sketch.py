"""The drift-free quantile sketch behind streamed Discretization fits: its rank-error bound
holds for any split, any number of batches and any merge tree."""

import math
import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from skprep import Discretization
from skprep.numeric import get_bin_boundaries, merge_summaries, summarize
from skprep.numeric._discretization import DiscretizationState, _keras_percents
from skprep.numeric._quantile_sketch import QuantileSketch, _halving_levels, sketch_capacity

from ._data import rank_error as _rank_error

_VALUES = st.one_of(
    st.floats(-1e4, 1e4, allow_nan=False, width=32),
    st.sampled_from([0.0, 1.0, -3.5, 7.25]),  # ties
)
_EPSILONS = st.sampled_from([0.05, 0.1, 0.2, 0.5, 1.0])  # small capacities: sketches compact


def rank_error(b, x, num_bins, epsilon):
    """Rank error against the quantiles the boundaries aim at (k / num_bins, or Keras's
    summary fractions when the summary has fewer than num_bins points)."""
    return _rank_error(b, x, num_bins, _keras_percents(x.size, epsilon, num_bins))


def _split(x, cuts):
    return np.split(x, sorted(c % (x.size + 1) for c in cuts))


def _merge_tree(states, order):
    """Merge ``states`` pairwise in a random tree (``order`` picks the pairs)."""
    states = list(states)
    for pick in order:
        if len(states) < 2:
            break
        i = pick % (len(states) - 1)
        states[i : i + 2] = [states[i].merge(states[i + 1])]
    while len(states) > 1:
        states[0:2] = [states[0].merge(states[1])]
    return states[0]


def _counts_within_error(sketch, x):
    """The invariant: for every threshold, weighted sketch count vs true count <= error."""
    values, cum = sketch.weighted_values()
    xs = np.sort(x)
    probes = np.concatenate([xs, [-np.inf, np.inf]])
    for side in ("left", "right"):
        est = np.where(
            (i := np.searchsorted(values, probes, side)) > 0, cum[np.maximum(i - 1, 0)], 0
        )
        true = np.searchsorted(xs, probes, side)
        assert np.abs(est - true).max() <= sketch.error


@settings(max_examples=40, deadline=None)
@given(
    x=arrays(np.float32, st.integers(1, 2500), elements=_VALUES),
    cuts=st.lists(st.integers(0, 10**6), max_size=200),
    epsilon=_EPSILONS,
    num_bins=st.integers(1, 40),
    sort=st.sampled_from([None, "ascending", "descending"]),
)
def test_streamed_rank_error_within_epsilon_for_any_split(x, cuts, epsilon, num_bins, sort):
    if sort:  # sorted streams are the hard case for many sketches
        x = np.sort(x) if sort == "ascending" else np.sort(x)[::-1].copy()
    batches = _split(x, cuts)
    layer = Discretization(num_bins=num_bins, epsilon=epsilon).fit(iter(batches))
    state = layer.adapt_state_
    whole = Discretization(num_bins=num_bins, epsilon=epsilon).fit(x)
    assert layer.bin_boundaries_.shape == whole.bin_boundaries_.shape  # width never drifts
    assert np.all(np.diff(layer.bin_boundaries_) >= 0)
    if state.summary is not None or state.sketch.is_exact:
        # one non-empty batch, or few values: Keras's one-batch fit of all the values
        np.testing.assert_array_equal(layer.bin_boundaries_, whole.bin_boundaries_)
    else:
        assert (
            rank_error(layer.bin_boundaries_, x, num_bins, epsilon)
            <= state.rank_error_bound + 1e-12
        )
        assert state.rank_error_bound <= epsilon
    _counts_within_error(state.sketch, x)


@settings(max_examples=40, deadline=None)
@given(
    x=arrays(np.float32, st.integers(1, 3000), elements=_VALUES),
    cuts=st.lists(st.integers(0, 10**6), min_size=1, max_size=40),
    order=st.lists(st.integers(0, 100), max_size=40),
    epsilon=_EPSILONS,
    num_bins=st.integers(2, 20),
)
def test_any_merge_tree_is_within_the_bound(x, cuts, order, epsilon, num_bins):
    """Merging is associative and commutative up to the bound: every tree of partition
    states (Dask, n_jobs) gives boundaries within the certified rank error."""
    parts = _split(x, cuts)
    states = [DiscretizationState(epsilon, num_bins).update(p) for p in parts]
    left = _merge_tree([pickle.loads(pickle.dumps(s)) for s in states], [0] * len(states))
    tree = _merge_tree(states[::-1], order)
    for state in (left, tree):
        assert state.n_values == x.size and state.sketch.n == x.size
        _counts_within_error(state.sketch, x)
        b = state.finalize()["bin_boundaries_"]
        if state.summary is None and not state.sketch.is_exact:
            assert rank_error(b, x, num_bins, epsilon) <= state.rank_error_bound + 1e-12
            assert state.rank_error_bound <= epsilon


@settings(max_examples=30, deadline=None)
@given(x=arrays(np.float32, st.integers(1, 5000), elements=_VALUES), num_bins=st.integers(1, 60))
def test_one_batch_is_keras_exactly(x, num_bins):
    empty = np.zeros((2, 0), np.float32)
    keras = get_bin_boundaries(merge_summaries(summarize(x, 0.01), empty, 0.01), num_bins)
    for fitted in (
        Discretization(num_bins=num_bins).fit(x),
        Discretization(num_bins=num_bins).fit(iter([x])),
        Discretization(num_bins=num_bins).partial_fit(x),
    ):
        np.testing.assert_array_equal(fitted.bin_boundaries_, keras)


@pytest.mark.parametrize("n_batches", [100, 1000])
def test_the_issue_measurement(n_batches):
    """Keras's sketch drifts to 5.3 % worst rank error on 20,000 normal values in 100
    partial_fit chunks; the streamed fit stays within epsilon."""
    x = np.random.default_rng(0).normal(size=20_000 * n_batches // 100).astype(np.float32)
    layer = Discretization(num_bins=10, epsilon=0.01)
    for chunk in np.array_split(x, n_batches):
        layer.partial_fit(chunk)
    assert rank_error(layer.bin_boundaries_, x, 10, 0.01) <= 0.01
    assert layer.adapt_state_.rank_error_bound <= 0.01


@pytest.mark.parametrize("epsilon", [1.0, 0.5, 0.1, 0.01, 0.001, 1e-4])
def test_capacity_guarantees_epsilon(epsilon):
    k = sketch_capacity(epsilon)
    assert _halving_levels(k) <= epsilon * (k - 1)
    assert k == 3 or _halving_levels(k - 1) > epsilon * (k - 2)  # the smallest such k


def test_large_batch_is_a_strided_pick():
    """One huge batch costs one compaction (a jump of several levels), not a cascade."""
    x = np.sort(np.random.default_rng(1).normal(size=1_000_000).astype(np.float32))
    sketch = QuantileSketch(sketch_capacity(0.01)).insert_sorted(x)
    jump = math.ceil(math.log2(x.size / sketch.capacity))
    assert sketch.error == (1 << jump) - 1
    assert sum(level.size for level in sketch.levels) <= 2 * sketch.capacity
    _counts_within_error(sketch, x)


def test_merge_refuses_other_capacity():
    with pytest.raises(ValueError, match="capacities"):
        QuantileSketch(10).merge(QuantileSketch(11))


def test_state_is_plain_data_for_skops():
    sio = pytest.importorskip("skops.io")
    x = np.random.default_rng(2).normal(size=30_000)
    layer = Discretization(num_bins=8).fit(iter(np.array_split(x, 7)))
    blob = sio.dumps(layer)
    untrusted = sio.get_untrusted_types(data=blob)
    assert all(t.startswith("skprep.") for t in untrusted), untrusted
    loaded = sio.loads(blob, trusted=untrusted)
    np.testing.assert_array_equal(loaded.bin_boundaries_, layer.bin_boundaries_)
    loaded.partial_fit(x[:100])  # the loaded state keeps streaming
    layer.partial_fit(x[:100])
    np.testing.assert_array_equal(loaded.bin_boundaries_, layer.bin_boundaries_)
