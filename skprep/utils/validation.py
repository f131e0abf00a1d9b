"""Input validation shared by the layers."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from ._sklearn_compat import _check_n_features, validate_data

__all__ = ["check_arrow", "check_finite_params", "validate_nd"]

_ARROW = (pa.Array, pa.ChunkedArray)


def check_arrow(values, who: str = "skprep", *, binary_ok: bool = False):
    """Fully validate a pyarrow (chunked) array before anything computes on it.

    pyarrow trusts the buffers of an array built with ``pa.Array.from_buffers`` or read from
    an IPC payload: offsets that go backwards or past the data, or invalid UTF-8 in a string
    array, make its compute functions read out of bounds. Every Arrow input therefore goes
    through ``validate(full=True)`` first. Other values are returned unchanged.

    With ``binary_ok=True`` (consumers that only read bytes, such as the hash kernels) a
    string array is validated as binary: its layout is checked, not its UTF-8.

    Raises
    ------
    ValueError
        If the array's buffers are inconsistent.

    Examples
    --------
    >>> import pyarrow as pa
    >>> check_arrow(pa.array(["a", "b"])).to_pylist()
    ['a', 'b']
    >>> bad = pa.Array.from_buffers(
    ...     pa.string(), 2, [None, pa.py_buffer(bytes([0, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0])),
    ...                      pa.py_buffer(b"abc")])
    >>> check_arrow(bad, "StringLookup")
    Traceback (most recent call last):
    ...
    ValueError: StringLookup got an invalid Arrow array: ...
    """
    if isinstance(values, (list, tuple)) and values and isinstance(values[0], _ARROW):
        for column in values:  # a sequence of Arrow columns (HashedCrossing's input)
            check_arrow(column, who, binary_ok=binary_ok)
        return values
    if not isinstance(values, _ARROW):
        return values
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    try:
        for chunk in chunks:
            t = chunk.type
            if binary_ok and pa.types.is_string(t):
                chunk = chunk.view(pa.binary())
            elif binary_ok and pa.types.is_large_string(t):
                chunk = chunk.view(pa.large_binary())
            chunk.validate(full=True)
    except (pa.ArrowInvalid, pa.ArrowException, NotImplementedError) as exc:
        raise ValueError(
            f"{who} got an invalid Arrow array: {exc}. Its buffers are inconsistent or its "
            "strings are not valid UTF-8 (e.g. built with pa.Array.from_buffers or read from a "
            "damaged IPC payload); rebuild it from valid data."
        ) from exc
    return values


def validate_nd(estimator, X, *, reset: bool, **check_params):
    """``validate_data`` for inputs of any rank.

    scikit-learn only records and checks ``n_features_in_`` for 2-D input; here it is also
    recorded for higher ranks (the size of axis 1), while 1-D input records nothing. The rank
    seen at ``reset`` is recorded too, and later input of another rank is refused.
    """
    check_params.setdefault("ensure_2d", False)
    check_params.setdefault("allow_nd", True)
    check_arrow(X, type(estimator).__name__)  # Arrow input: its buffers, before NumPy reads them
    X = validate_data(estimator, X, reset=reset, **check_params)
    ndim = getattr(X, "ndim", 0)
    if reset:
        estimator._ndim_in_ = ndim
    elif getattr(estimator, "_ndim_in_", ndim) != ndim:
        raise ValueError(
            f"{type(estimator).__name__} was fitted on input of rank {estimator._ndim_in_} but "
            f"got input of shape {np.shape(X)}. Reshape your data to rank "
            f"{estimator._ndim_in_}."
        )
    if ndim >= 2:
        _check_n_features(estimator, X, reset=reset)
    return X


def _non_finite(value) -> bool:
    if isinstance(value, (bool, np.bool_, str, bytes)) or value is None:
        return False
    if isinstance(value, (float, np.floating, complex, np.complexfloating)):
        return not np.isfinite(value)
    if isinstance(value, (list, tuple)):
        return any(_non_finite(v) for v in value)
    if isinstance(value, np.ndarray) and value.dtype.kind in "fc":
        return not np.isfinite(value).all()
    if isinstance(value, np.ndarray) and value.dtype == object and value.size <= 1000:
        return any(_non_finite(v) for v in value.ravel().tolist())
    return False


def check_finite_params(estimator) -> None:
    """Refuse NaN or infinite numbers among an estimator's parameters.

    scikit-learn's ``Interval`` constraints let NaN through (every comparison with NaN is
    false) and unbounded ones let inf through; a parameter such as ``scale=nan`` or
    ``ref_power=inf`` would then turn finite input into NaN. Every skprep layer runs this
    check after its declarative validation. Numbers inside lists, tuples and arrays
    (``value_range``, ``mean``, ``window`` ...) are checked too.

    Examples
    --------
    >>> from skprep import Rescaling
    >>> check_finite_params(Rescaling(scale=float("nan")))
    Traceback (most recent call last):
    ...
    ValueError: Rescaling parameter `scale`=nan is not a finite number; ...
    """
    for name, value in estimator.get_params(deep=False).items():
        if _non_finite(value):
            shown = value if not isinstance(value, np.ndarray) else "an array with NaN/inf"
            raise ValueError(
                f"{type(estimator).__name__} parameter `{name}`={shown!r} is not a finite number; "
                "NaN and infinite parameters would turn finite input into NaN. Pass finite "
                "values."
            )
