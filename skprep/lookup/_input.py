"""Reading lookup-layer input (lists, NumPy, pandas, pyarrow) into dictionary-encoded tokens.

Every input becomes a :class:`~skprep.lookup._vocabulary.TokenCodes` (flat, row-major) plus
the input's shape, so counting and lookup hash each token once. pandas categoricals are read
through their categories and codes (no per-row hashing at all); pyarrow-backed pandas strings
are used without copying to Python objects.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..utils.validation import check_arrow
from ._vocabulary import TokenCodes, _cast_kind, _missing_error, encode_tokens

__all__ = ["as_integer_tokens", "read_tokens"]


def _is_frame(X) -> bool:
    return hasattr(X, "iloc") and hasattr(X, "columns")


def _is_series(X) -> bool:
    return hasattr(X, "iloc") and not hasattr(X, "columns")


def as_integer_tokens(values: np.ndarray, owner: str) -> np.ndarray:
    """Check that a NumPy array holds integer values and return it as int64.

    Integral floats (``3.0``) are accepted; non-integer floats, NaN/inf, strings and other
    objects raise a ``ValueError``/``TypeError`` naming ``owner``.
    """
    kind = values.dtype.kind
    if kind == "u" and values.dtype.itemsize == 8 and values.size and values.max() > 2**63 - 1:
        raise ValueError(f"{owner} values must fit in int64; got values above 2**63 - 1.")
    if kind in "iub":
        return values.astype(np.int64, copy=False)
    if kind == "f":
        if not np.isfinite(values).all():
            if np.isnan(values).any():
                raise _missing_error("NaN")
            raise ValueError(f"{owner} expects integer values; got infinity.")
        frac = values != np.trunc(values)
        if frac.any():
            raise ValueError(
                f"{owner} expects integer values; got non-integer floats "
                f"{values[frac].ravel()[:5].tolist()}."
            )
        return values.astype(np.int64)
    if kind == "O":
        flat = values.ravel()
        if any(v is None or (isinstance(v, float) and v != v) for v in flat[:100_000]):
            raise _missing_error("None/NaN")
        if all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in flat):
            return values.astype(np.int64)
        types = sorted({type(v).__name__ for v in flat[:100_000]})
        raise TypeError(f"{owner} expects integer values; got an object array of {types}.")
    if kind == "c":
        raise ValueError(f"Complex data not supported: {owner} expects integer values.")
    raise TypeError(
        f"{owner} expects integer values; got values of dtype {values.dtype}. "
        "Use StringLookup for string categories."
    )


def _series_to_arrow(s, kind: str, owner: str):
    """One pandas column -> pyarrow array (dictionary array for categoricals) or ndarray."""
    dtype = s.dtype
    if str(dtype) == "category":
        codes = np.asarray(s.cat.codes, dtype=np.int64)
        if (codes < 0).any():
            raise _missing_error("NaN in a categorical column")
        cats = s.cat.categories
        cat_values = _series_values(cats.to_series(index=None), kind, owner)
        if isinstance(cat_values, np.ndarray):
            cat_values = _numpy_to_arrow(cat_values, kind, owner)
        return pa.DictionaryArray.from_arrays(pa.array(codes), cat_values)
    return _series_values(s, kind, owner)


def _series_values(s, kind: str, owner: str):
    name = str(s.dtype)
    if name.startswith("string") or "pyarrow" in name or name in ("Int64", "Int32", "boolean"):
        arr = pa.array(s, from_pandas=True)
        if arr.null_count:
            raise _missing_error("pd.NA / None")
        return arr
    return np.asarray(s)


def _numpy_to_arrow(values: np.ndarray, kind: str, owner: str):
    if kind == "int":
        return pa.array(as_integer_tokens(values, owner).ravel())
    if values.dtype.kind in "iufcbmM":
        raise TypeError(
            f"{owner} expects string tokens; got values of dtype {values.dtype}. "
            "Use IntegerLookup for integer categories."
        )
    return values.ravel()


def _decode_bytes(values: np.ndarray, encoding: str) -> np.ndarray:
    """Decode byte strings with a non-UTF-8 encoding (UTF-8 is decoded by pyarrow)."""
    if values.dtype.kind == "S":
        return np.char.decode(values, encoding)
    if values.dtype.kind == "O" and values.size and isinstance(values.flat[0], bytes):
        return np.char.decode(values.astype("S"), encoding).astype(object)
    return values


def _column_codes(col, kind: str) -> TokenCodes:
    return encode_tokens(col, kind)


def _merge_columns(columns: list[TokenCodes], kind: str) -> TokenCodes:
    """Row-major codes of a table whose columns were encoded separately."""
    if len(columns) == 1:
        return columns[0]
    sizes = [len(c.dictionary) for c in columns]
    merged = pc.dictionary_encode(pa.concat_arrays([c.dictionary for c in columns]))
    remap = merged.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    stacked = np.stack([remap[off + c.codes] for off, c in zip(offsets, columns)], axis=1).ravel()
    return TokenCodes(_cast_kind(merged.dictionary, kind), stacked)


def read_tokens(X, kind: str, owner: str, *, encoding: str = "utf-8"):
    """Read 1-D or 2-D lookup input into dictionary-encoded tokens.

    Parameters
    ----------
    X : array-like, pandas Series/DataFrame, pyarrow Array/ChunkedArray
        Tokens, shape ``(n,)`` or ``(n, k)``.
    kind : {"string", "int"}
    owner : str
        Layer name for error messages.
    encoding : str, default="utf-8"
        Decoding of byte-string input.

    Returns
    -------
    codes : TokenCodes
        Flat, row-major.
    shape : tuple
        ``(n,)`` or ``(n, k)``.
    """
    if _is_frame(X):
        cols = [_series_to_arrow(X.iloc[:, j], kind, owner) for j in range(X.shape[1])]
        shape = (X.shape[0], X.shape[1])
    elif _is_series(X):
        cols = [_series_to_arrow(X, kind, owner)]
        shape = (X.shape[0],)
    elif isinstance(X, (pa.Array, pa.ChunkedArray)):
        cols = [check_arrow(X, owner)]
        shape = (len(X),)
    else:
        arr = X if isinstance(X, np.ndarray) else np.asarray(X)
        if arr.ndim == 0:
            raise ValueError(
                f"{owner} expects a 1-D or 2-D array of tokens; got a scalar {arr!r}. "
                "Wrap it in a list."
            )
        if arr.ndim > 2:
            raise ValueError(
                f"{owner} expects a 1-D or 2-D array of tokens; got shape {arr.shape}."
            )
        shape = arr.shape
        cols = [arr]
    out = []
    for col in cols:
        if isinstance(col, np.ndarray):
            if kind == "string" and encoding.lower().replace("-", "").replace("_", "") != "utf8":
                col = _decode_bytes(col, encoding)
            col = _numpy_to_arrow(col, kind, owner)
        out.append(_column_codes(col, kind))
    if len(out) == 1:
        return out[0], shape
    return _merge_columns(out, kind), shape
