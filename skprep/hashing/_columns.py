"""Input columns for the hashing layers: strings, integers, floats or booleans.

A Keras tensor has one dtype; a scikit-learn input may be a 2-D NumPy array (one dtype), an
object array or a DataFrame whose columns differ. Both hashing layers therefore look at the
input column by column: :func:`split_columns` turns ``X`` into :class:`Column` objects of one
*kind* each, keeping strings as pyarrow arrays (the layout the hash kernels read) and numbers
as NumPy arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from ..utils.validation import check_arrow
from .functional import is_view_type, text_spans

__all__ = ["Column", "as_column", "is_dataframe", "is_series", "split_columns"]

_KIND_NAMES = {"str": "string", "int": "integer", "float": "floating", "bool": "boolean"}


@dataclass
class Column:
    """One input column of a single kind.

    ``kind`` is ``"str"`` (``values`` a pyarrow string/binary array, or -- when the compiled
    kernel can hash them in place -- the :class:`~skprep.hashing.functional.TextSpans` of an
    object array of ``str``/``bytes``), ``"int"``, ``"float"`` or ``"bool"`` (``values`` a
    1-D NumPy array).
    """

    kind: str
    values: object

    def __len__(self):
        return len(self.values)


def is_dataframe(X) -> bool:
    return hasattr(X, "iloc") and hasattr(X, "columns")


def is_series(X) -> bool:
    return hasattr(X, "iloc") and not hasattr(X, "columns") and getattr(X, "ndim", 0) == 1


def _missing(who, count=None):
    found = f"found {count} " if count else ""
    return ValueError(
        f"{who} cannot hash missing values (None/NaN): {found}in the input. Fill them first "
        "(e.g. with a sentinel string such as '[MISSING]', and pass it as mask_value to map "
        "it to bin 0)."
    )


def _from_numpy(arr: np.ndarray, who: str) -> Column:
    kind = arr.dtype.kind
    if kind == "b":
        return Column("bool", arr)
    if kind in "iu":
        return Column("int", arr)
    if kind == "f":
        finite = np.isfinite(arr)
        if not finite.all():
            nan = int(np.isnan(arr).sum())
            if nan:
                raise _missing(who, nan)
            raise ValueError(f"{who} cannot hash infinite values (inf); found them in the input.")
        return Column("float", arr)
    if kind == "O":  # the common case, str/bytes only: hashed in place, no Arrow copy
        spans = text_spans(arr)
        if spans is not None:
            return Column("str", spans)
    if kind in "OUST":
        try:
            return _from_arrow(pa.array(arr, from_pandas=True), who)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            if kind == "O":
                return _mixed_object(arr, who)
            raise
    raise TypeError(
        f"{who} expects strings, integers, floats or booleans; got an array of dtype {arr.dtype}."
    )


def _mixed_object(arr: np.ndarray, who: str) -> Column:
    """An object column pyarrow could not type: str mixed with bytes, or a real mix."""
    try:
        return _from_arrow(pa.array(arr, type=pa.binary()), who)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        pass
    kinds = sorted({type(x).__name__ for x in arr.tolist()})
    raise TypeError(
        f"{who} expects each column to hold one kind of value (strings, integers, floats or "
        f"booleans); got a column mixing {', '.join(kinds)}."
    )


def _from_arrow(arr, who: str) -> Column:
    check_arrow(arr, who, binary_ok=True)
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    t = arr.type
    if pa.types.is_dictionary(t):
        return _from_arrow(arr.dictionary_decode(), who)
    if pa.types.is_null(t):
        if len(arr):
            raise _missing(who, len(arr))
        return Column("str", pa.array([], type=pa.string()))
    if arr.null_count:
        raise _missing(who, arr.null_count)
    if (
        pa.types.is_string(t)
        or pa.types.is_large_string(t)
        or pa.types.is_binary(t)
        or pa.types.is_large_binary(t)
    ):
        return Column("str", arr)
    if is_view_type(t):
        return Column("str", arr.cast(pa.large_binary()))
    if pa.types.is_boolean(t):
        return Column("bool", arr.to_numpy(zero_copy_only=False))
    if pa.types.is_integer(t):
        return Column("int", arr.to_numpy())
    if pa.types.is_floating(t):
        return _from_numpy(arr.to_numpy(), who)
    raise TypeError(f"{who} expects strings, integers, floats or booleans; got Arrow type {t}.")


def as_column(values, who: str = "Hashing") -> Column:
    """Classify one 1-D column (NumPy array, list, pandas Series or pyarrow array).

    Examples
    --------
    >>> as_column(["a", "b"]).kind, as_column([1, 2]).kind, as_column([True]).kind
    ('str', 'int', 'bool')
    """
    if isinstance(values, (pa.Array, pa.ChunkedArray)):
        return _from_arrow(values, who)
    if hasattr(values, "array") and hasattr(values, "dtype") and hasattr(values, "iloc"):
        dtype = values.dtype  # pandas Series: keep pyarrow / extension storage
        if isinstance(dtype, np.dtype):  # NumPy-backed
            arr = values.to_numpy()
            if dtype.kind != "O":
                return _from_numpy(arr, who)
            spans = text_spans(arr)
            if spans is not None:
                return Column("str", spans)
        try:
            return _from_arrow(pa.array(values, from_pandas=True), who)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            return _from_numpy(values.to_numpy(dtype=object), who)
    arr = values if isinstance(values, np.ndarray) else np.asarray(values)
    if arr.dtype.kind == "O" or arr.ndim != 1:
        arr = np.ascontiguousarray(arr).reshape(-1)
    return _from_numpy(arr, who)


def split_columns(X, who: str, *, by_column: bool = False):
    """Split a validated 1-D/2-D array or DataFrame into :class:`Column` objects.

    Returns
    -------
    columns : list of Column
        One per input column; a NumPy array of a non-object dtype gives a single column of
        all its values in C order (every element is of one kind), unless ``by_column``.
    shape : tuple
        The input's shape; the hashes of ``columns`` reshape to it.
    by_column : bool
        Whether ``columns`` are the input's columns (else one flattened column). Pass
        ``by_column=True`` to always split a 2-D input into its columns.
    """
    if is_dataframe(X):
        return [as_column(X.iloc[:, j], who) for j in range(X.shape[1])], X.shape, True
    X = np.asarray(X)
    if X.ndim == 2 and (by_column or X.dtype.kind == "O"):
        return [as_column(X[:, j], who) for j in range(X.shape[1])], X.shape, True
    return [as_column(X.reshape(-1), who)], X.shape, False


def kind_name(kind: str) -> str:
    return _KIND_NAMES[kind]
