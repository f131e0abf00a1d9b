"""Dask support, duck-typed: nothing here imports dask unless a Dask collection is passed.

Fitting: each partition becomes a partial :class:`~skprep.base.AdaptState` computed where the
partition lives (on the cluster when a ``distributed`` client is active), the states are
merged pairwise in a tree on the cluster, and the final state comes back to be finalised
locally. Only states travel -- counts and statistics, never the data.

Transforming: ``transform`` on a Dask collection returns a lazy ``dask.array`` whose blocks
are the layer's output on each partition.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

__all__ = ["is_dask_collection", "dask_partitions", "fit_dask", "transform_dask"]


def is_dask_collection(X) -> bool:
    """Whether ``X`` is a Dask collection (array, DataFrame, Series or Bag)."""
    return hasattr(X, "__dask_graph__") and hasattr(X, "to_delayed")


def _kind(X) -> str:
    module = type(X).__module__
    if ".bag" in module:
        return "bag"
    if ".array" in module:
        return "array"
    return "frame"


def dask_partitions(X) -> list:
    """The partitions of ``X`` as ``dask.delayed`` objects, each holding whole rows."""
    if _kind(X) == "array":
        if X.ndim >= 2:
            X = X.rechunk({axis: -1 for axis in range(1, X.ndim)})
        return list(X.to_delayed().ravel())
    return list(X.to_delayed())


def _partition_state(estimator, part):
    if _is_empty(part):
        return estimator._fresh_adapt_state()
    return estimator._chunk_state(part)  # the same per-chunk reduction as n_jobs uses


def _merge_states(a, b):
    return a.merge(b)


def _is_empty(part) -> bool:
    return len(part) == 0 if hasattr(part, "__len__") else False


def fit_dask(estimator, state, X, reset: bool):
    """Fold the partitions of Dask collection ``X`` into ``state`` (see module docstring).

    The first non-empty partition is validated locally (so ``n_features_in_`` and friends are
    set exactly as for an in-memory fit); the others are reduced on the cluster.
    """
    import dask

    parts = dask_partitions(X)
    first = None
    while parts:
        first = parts.pop(0).compute()
        if not _is_empty(first):
            break
        first = None
    if first is None:
        raise ValueError(f"{type(estimator).__name__}.fit received a Dask collection with no rows.")
    state.update(estimator._prepare_adapt_batch(first, reset=reset))
    if not parts:
        return state
    states = [dask.delayed(_partition_state)(estimator, p) for p in parts]
    while len(states) > 1:
        paired = [
            dask.delayed(_merge_states)(states[i], states[i + 1])
            for i in range(0, len(states) - 1, 2)
        ]
        if len(states) % 2:
            paired.append(states[-1])
        states = paired
    return state.merge(_compute(states[0], getattr(estimator, "verbose", 0)))


def _compute(delayed_obj, verbose):
    """Compute on the active scheduler, with a progress bar when ``verbose``."""
    if not verbose:
        return delayed_obj.compute()
    try:
        from distributed import get_client, progress

        client = get_client()
    except (ImportError, ValueError):
        client = None
    if client is not None:
        future = client.compute(delayed_obj)
        progress(future)
        return future.result()
    from dask.diagnostics import ProgressBar

    with ProgressBar():
        return delayed_obj.compute()


def transform_dask(transform, X, *, sample=None):
    """Lazily apply ``transform`` to each partition of ``X``; returns a ``dask.array``.

    Row chunks follow a dask array's; row counts of DataFrame/Bag partitions are unknown
    until computed (``nan`` chunks), as usual in Dask. Sparse outputs give a Dask array of
    SciPy CSR blocks.
    """
    import dask
    import dask.array as da

    parts = dask_partitions(X)
    if sample is None:
        sample = transform(_head(X))
    meta = sample[:0] if not sp.issparse(sample) else sp.csr_matrix((0, sample.shape[1]))
    tail = tuple(np.shape(sample)[1:])
    # Row counts are known for dask arrays (one output row per input row), not for frames.
    rows = X.chunks[0] if _kind(X) == "array" else [np.nan] * len(parts)
    blocks = []
    for part, n in zip(parts, rows):
        out = dask.delayed(transform)(part)
        blocks.append(da.from_delayed(out, shape=(n, *tail), dtype=sample.dtype, meta=meta))
    return da.concatenate(blocks, axis=0, allow_unknown_chunksizes=True)


def _head(X):
    if _kind(X) == "bag":
        return list(X.take(1, npartitions=-1))
    if _kind(X) == "array":
        return X[:1].compute()
    return X.head(1, npartitions=-1)
