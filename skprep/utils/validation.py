"""Input validation shared by the layers."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from ._sklearn_compat import _check_feature_names_in, _check_n_features, validate_data

__all__ = [
    "check_arrow",
    "check_bag_rank",
    "check_finite_params",
    "check_rank",
    "input_feature_names",
    "validate_nd",
]

_ARROW = (pa.Array, pa.ChunkedArray)


def check_arrow(values, who: str = "skprep", *, binary_ok: bool = False):
    """Fully validate a pyarrow (chunked) array before anything computes on it.

    pyarrow trusts the buffers of an array built with ``pa.Array.from_buffers`` or read from
    an IPC payload: offsets that go backwards or past the data, or invalid UTF-8 in a string
    array, make its compute functions read out of bounds. Every Arrow input therefore goes
    through ``validate(full=True)`` first. Other values are returned unchanged.

    Parameters
    ----------
    values : object
        Anything; pyarrow arrays (and sequences of them) are validated.
    who : str, default="skprep"
        Name of the caller, for the error message.
    binary_ok : bool, default=False
        For consumers that only read bytes (the hash kernels): a string array is validated
        as binary, its layout checked but not its UTF-8.

    Returns
    -------
    values
        ``values`` unchanged.

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

    Parameters
    ----------
    estimator : estimator
        The estimator validating its input.
    X : array-like
        The input.
    reset : bool
        First call of a fit: record the rank and ``n_features_in_`` instead of checking them.
    **check_params : dict
        Passed to scikit-learn's ``validate_data``.

    Returns
    -------
    ndarray
        The validated input.
    """
    check_params.setdefault("ensure_2d", False)
    check_params.setdefault("allow_nd", True)
    check_arrow(X, type(estimator).__name__)  # Arrow input: its buffers, before NumPy reads them
    X = validate_data(estimator, X, reset=reset, **check_params)
    ndim = getattr(X, "ndim", 0)
    check_rank(estimator, X.shape if hasattr(X, "shape") else (), reset=reset)
    if ndim >= 2:
        _check_n_features(estimator, X, reset=reset)
    return X


def input_feature_names(estimator, input_features=None):
    """The input feature names for ``get_feature_names_out``, checked by scikit-learn.

    ``input_features`` must match ``feature_names_in_`` and ``n_features_in_`` when the
    estimator recorded them (scikit-learn's ``_check_feature_names_in``). Without
    ``input_features``: ``feature_names_in_``, else ``x0 .. x{n-1}`` from ``n_features_in_``,
    else None (an estimator fitted on 1-D input, or not fitted).

    Parameters
    ----------
    estimator : estimator
        The fitted (or stateless) estimator.
    input_features : array-like of str or None, default=None
        The names the user passed to ``get_feature_names_out``.

    Returns
    -------
    ndarray of str or None
    """
    generate = getattr(estimator, "n_features_in_", None) is not None
    return _check_feature_names_in(estimator, input_features, generate_names=generate)


def check_rank(estimator, shape: tuple, *, reset: bool, compatible=None) -> None:
    """Record the input's rank at ``reset`` (``_ndim_in_``); later, refuse another rank.

    Parameters
    ----------
    estimator : estimator
        The layer checking its input. One that recorded no rank (a stateless layer used
        without ``fit``) accepts any.
    shape : tuple
        Shape of the input.
    reset : bool
        True when fitting starts (the rank is recorded), False afterwards.
    compatible : dict, optional
        Fitted rank -> ranks accepted afterwards, where a layer accepts more than the rank
        it was fitted on (lookups fitted on 1-D take 1-D or 2-D input, as in Keras).
    """
    ndim = len(shape)
    if reset:
        estimator._ndim_in_ = ndim
        return
    fitted = getattr(estimator, "_ndim_in_", None)
    if fitted is None or ndim in (compatible or {}).get(fitted, (fitted,)):
        return
    hint = ", e.g. X.reshape(-1, 1) for a single column" if (fitted, ndim) == (2, 1) else ""
    raise ValueError(
        f"{type(estimator).__name__} was fitted on input of rank {fitted} but got input of "
        f"shape {tuple(shape)}. Reshape your data to rank {fitted}{hint}."
    )


def check_bag_rank(shape: tuple, output_mode: str, what: str = "value") -> None:
    """The encoded output modes' rule on input rank: ``one_hot`` takes rank 1 or 2 (one
    ``what`` per sample); ``multi_hot``/``count``/``tf_idf`` treat each row of a 2-D input as
    one sample.

    Parameters
    ----------
    shape : tuple
        Shape of the input.
    output_mode : str
        The layer's ``output_mode``.
    what : str, default="value"
        What one input entry is, for the error message.
    """
    ndim = len(shape)
    if output_mode == "one_hot":
        if ndim not in (1, 2):
            raise ValueError(f"one_hot expects input of rank 1 or 2; got shape {tuple(shape)}.")
    elif output_mode != "int" and ndim != 2:
        raise ValueError(
            f"output_mode={output_mode!r} treats each row of a 2-D input as one sample; got an "
            f"input of shape {tuple(shape)}. Reshape a single sample to (1, m), or one {what} "
            "per sample to (n, 1)."
        )


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

    Parameters
    ----------
    estimator : estimator
        The layer whose ``get_params(deep=False)`` are checked.

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
