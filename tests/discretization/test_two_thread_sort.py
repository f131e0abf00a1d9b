"""The two-thread sort + exact order-statistic selection used by `summarize`."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import skprep.numeric._discretization as D

_VALUES = st.one_of(
    st.sampled_from([-np.inf, np.inf, 0.0, 1.0, -2.5]),
    st.floats(-1e6, 1e6, allow_nan=False, width=32),
)


@given(
    arrays(np.float32, st.integers(1, 80), elements=_VALUES),
    arrays(np.float32, st.integers(1, 80), elements=_VALUES),
)
@settings(max_examples=200, deadline=None)
def test_kth_of_two_sorted_equals_full_sort(a, b):
    a, b = np.sort(a), np.sort(b)
    ks = np.arange(a.size + b.size)
    np.testing.assert_array_equal(D._kth_of_two_sorted(a, b, ks), np.sort(np.concatenate([a, b])))


def test_large_summary_identical_to_single_sort(monkeypatch):
    x = np.random.default_rng(0).standard_cauchy(size=600_001)
    x[::97] = 3.0  # many ties
    threaded = D.summarize(x, 0.01)
    monkeypatch.setattr(D, "_TWO_THREAD_SORT_MIN", 10**12)
    np.testing.assert_array_equal(threaded, D.summarize(x, 0.01))
