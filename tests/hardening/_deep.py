"""Deep equality of estimator state (NumPy, SciPy sparse, Arrow, plain objects)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import scipy.sparse as sp


def deep_equal(a, b, path="") -> str | None:
    """None if ``a`` and ``b`` are equal all the way down, else where they first differ."""
    if type(a) is not type(b):
        return f"{path}: type {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, np.ndarray):
        if a.dtype != b.dtype or a.shape != b.shape:
            return f"{path}: {a.dtype}{a.shape} != {b.dtype}{b.shape}"
        same = a == b if a.dtype.kind not in "fc" else (a == b) | (np.isnan(a) & np.isnan(b))
        return None if np.all(same) else f"{path}: array values differ"
    if sp.issparse(a):
        return deep_equal(a.toarray(), b.toarray(), path)
    if isinstance(a, (pa.Array, pa.ChunkedArray, pa.Table, pa.RecordBatch)):
        return None if a.equals(b) else f"{path}: Arrow data differ"
    if isinstance(a, dict):
        if set(a) != set(b):
            return f"{path}: keys {sorted(map(str, set(a) ^ set(b)))} differ"
        for k in a:
            found = deep_equal(a[k], b[k], f"{path}.{k}")
            if found:
                return found
        return None
    if isinstance(a, (list, tuple)):
        if len(a) != len(b):
            return f"{path}: length {len(a)} != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            found = deep_equal(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    if isinstance(a, float) and np.isnan(a) and np.isnan(b):
        return None
    if hasattr(a, "__dict__") and not isinstance(a, type) and type(a).__module__ != "builtins":
        if a is b:
            return None
        try:
            if a == b:
                return None
        except Exception:  # e.g. ambiguous array truth
            pass
        return deep_equal(_state(a), _state(b), f"{path}<{type(a).__name__}>")
    try:
        return None if a == b else f"{path}: {a!r:.60} != {b!r:.60}"
    except Exception:
        return None if a is b else f"{path}: incomparable {type(a).__name__}"


def _state(obj) -> dict:
    """What an object persists: its ``__getstate__`` where it defines one (lazily rebuilt
    accelerators such as a vocabulary's Arrow view are left out of it), else ``__dict__``."""
    if type(obj).__getstate__ is not object.__getstate__:
        state = obj.__getstate__()
        if isinstance(state, dict):
            return state
    return vars(obj)


def snapshot(est) -> dict:
    """A deep copy of an estimator's ``__dict__``, for comparing after a failed call."""
    import copy

    return copy.deepcopy(vars(est))
