"""The shared worker pool and the kernels that split work over it."""

import threading

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from skprep.utils import _threads
from skprep.utils import encoding as E


def test_run_all_keeps_order_and_propagates_errors():
    assert _threads.run_all(lambda a, b: a * b, [(i, 2) for i in range(9)]) == [
        2 * i for i in range(9)
    ]

    def boom(i):
        if i == 3:
            raise ValueError("three")
        return i

    with pytest.raises(ValueError, match="three"):
        _threads.run_all(boom, [(i,) for i in range(5)])


def test_jobs_inside_the_pool_run_serially():
    # A pool job that itself maps over the pool must not wait on a busy pool.
    def inner(i):
        outer = threading.current_thread().name
        rows = _threads.run_all(
            lambda j: (i, j, threading.current_thread().name), [(0,), (1,), (2,)]
        )
        return outer, rows

    results = _threads.run_all(inner, [(i,) for i in range(2 * _threads.n_cores())])
    for i, (outer, rows) in enumerate(results):
        assert [r[:2] for r in rows] == [(i, j) for j in range(3)]
        if outer.startswith("skprep"):  # a pool job: its inner map ran in its own thread
            assert {r[2] for r in rows} == {outer}
    assert any(outer.startswith("skprep") for outer, _ in results)


@settings(max_examples=25, deadline=None)
@given(
    st.integers(1, 60),
    st.integers(1, 8),
    st.integers(0, 2**31 - 1),
    st.sampled_from([1, 7, 50]),
)
def test_summed_csr_in_parts_equals_scipy(n_rows, depth, seed, threshold):
    rng = np.random.default_rng(seed)
    lengths = rng.integers(0, 12, n_rows)
    indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int32)
    cols = rng.integers(0, depth, indptr[-1]).astype(np.int32)
    values = rng.integers(1, 4, indptr[-1]).astype(np.int32)
    want = sp.csr_matrix((values, cols, indptr), shape=(n_rows, depth))
    want.sum_duplicates()
    old = E._PARALLEL_NNZ
    E._PARALLEL_NNZ = threshold
    try:
        got = E._summed_csr(values, cols, indptr, depth)
    finally:
        E._PARALLEL_NNZ = old
    assert got.has_canonical_format and got.indices.dtype == np.int32
    np.testing.assert_array_equal(got.indptr, want.indptr)
    np.testing.assert_array_equal(got.indices, want.indices)
    np.testing.assert_array_equal(got.data, want.data)
