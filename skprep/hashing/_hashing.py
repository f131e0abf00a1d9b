"""Hashing: Keras's stateless hashing of categorical values into a fixed number of bins."""

from __future__ import annotations

from numbers import Integral, Real

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils import check_array

from .._config import check_feature_names_size
from ..base import StatelessMixin
from ..utils._sklearn_compat import Interval, StrOptions, validate_data
from ..utils.encoding import encode_indices
from ..utils.validation import (
    check_arrow,
    check_bag_rank,
    check_rank,
    input_feature_names,
    validate_nd,
)
from ._columns import Column, as_column, is_dataframe, is_series, split_columns
from .functional import TextSpans, hash_to_bins, salt_key

__all__ = ["Hashing", "hashing"]

_MODES = ("int", "one_hot", "multi_hot", "count")
_INT64_BOUND = 2.0**63


def _truncate(values: np.ndarray) -> np.ndarray:
    """Floats -> int64 by truncation toward zero (TF ``cast``), refusing out-of-range values."""
    out_of_range = (values >= _INT64_BOUND) | (values < -_INT64_BOUND)
    if out_of_range.any():
        bad = values[out_of_range][:3].tolist()
        raise ValueError(
            f"Hashing truncates floats to int64 before hashing; got values outside the int64 "
            f"range: {bad}."
        )
    return np.trunc(values).astype(np.int64)


def stringify(column: Column):
    """The strings Keras hashes for a column: strings as they are, numbers as ``tf.as_string``.

    Integers become their decimal form (``-12`` -> ``"-12"``), floats are first truncated
    toward zero (``1.9`` -> ``"1"``, ``-1.9`` -> ``"-1"``), booleans become ``"true"`` /
    ``"false"``.
    """
    if column.kind == "str":
        return column.values
    values = column.values
    if column.kind == "float":
        values = _truncate(values)
    return pa.array(values).cast(pa.string())


def _string_mask(values, mask_value) -> np.ndarray:
    """Where string ``values`` (a pyarrow array or an object array of str/bytes) equal
    ``mask_value``, comparing UTF-8 bytes: ``"a"`` and ``b"a"`` are the same value."""
    if isinstance(values, TextSpans):
        values = values.objects
    if isinstance(values, np.ndarray):
        encoded = mask_value.encode("utf-8") if isinstance(mask_value, str) else mask_value
        try:
            decoded = encoded.decode("utf-8")
        except UnicodeDecodeError:  # no str can equal it
            return np.asarray(values == encoded, dtype=bool)
        return np.asarray(values == decoded, dtype=bool) | np.asarray(values == encoded)
    binary = pa.types.is_binary(values.type) or pa.types.is_large_binary(values.type)
    if isinstance(mask_value, bytes) and not binary:
        try:
            mask_value = mask_value.decode("utf-8")
        except UnicodeDecodeError:  # no UTF-8 string can equal it
            return np.zeros(len(values), dtype=bool)
    elif isinstance(mask_value, str) and binary:
        mask_value = mask_value.encode("utf-8")
    equal = pc.equal(values, pa.scalar(mask_value, type=values.type))
    return equal.to_numpy(zero_copy_only=False)


def _mask(column: Column, mask_value) -> np.ndarray:
    """Where the raw input equals ``mask_value`` (compared before any stringification)."""
    is_text = isinstance(mask_value, (str, bytes))
    if column.kind == "str":
        if not is_text:
            raise TypeError(
                f"mask_value={mask_value!r} cannot be compared with string input; pass a string "
                "mask_value (or None)."
            )
        return _string_mask(column.values, mask_value)
    if is_text or not isinstance(mask_value, (Real, np.number, np.bool_)):
        raise TypeError(
            f"mask_value={mask_value!r} cannot be compared with numeric input; pass a number "
            "(or None)."
        )
    return np.asarray(column.values == mask_value)


def _hash_column(column: Column, num_bins: int, mask_value, key) -> np.ndarray:
    bins, mask = num_bins, None
    if mask_value is not None and num_bins > 1:
        bins -= 1
        mask = _mask(column, mask_value)
    out = hash_to_bins(stringify(column), bins, salt=key)
    if mask is not None:
        out += 1
        out[mask] = 0
    return out


def _hash_split(split, num_bins, mask_value, salt, output_mode, sparse):
    columns, shape, by_column = split
    key = salt_key(salt)
    hashed = [_hash_column(c, num_bins, mask_value, key) for c in columns]
    if by_column:
        indices = np.empty(shape, dtype=np.int64)
        for j, h in enumerate(hashed):
            indices[:, j] = h
    else:
        indices = hashed[0].reshape(shape)
    if output_mode == "int":
        return indices
    check_bag_rank(indices.shape, output_mode)
    return encode_indices(indices, num_bins, output_mode, sparse=sparse, dtype=np.float32)


def hashing(X, num_bins, *, mask_value=None, salt=None, output_mode="int", sparse=True):
    """Hash values into ``num_bins`` bins; the functional form of :class:`Hashing`.

    Parameters
    ----------
    X : array-like of shape (n,) or (n, m), or DataFrame
        Strings, integers, floats or booleans (see :class:`Hashing`).
    num_bins, mask_value, salt, output_mode, sparse
        As in :class:`Hashing`.

    Returns
    -------
    ndarray of int64 (``"int"``), or CSR matrix / ndarray of float32

    Examples
    --------
    >>> hashing(["A", "B", "C", "D", "E"], 3)
    array([1, 0, 1, 1, 2])
    >>> hashing([1, 2, 3, -1, 10], 5)
    array([4, 4, 1, 0, 2])
    """
    if isinstance(num_bins, bool) or not isinstance(num_bins, Integral) or num_bins < 1:
        raise ValueError(
            f"The `num_bins` for `Hashing` cannot be `None` or non-positive values. Received: "
            f"num_bins={num_bins}."
        )
    if num_bins >= 2**63:
        raise ValueError(f"num_bins must be at most 2**63 - 1 (TF's limit); got {num_bins}.")
    if output_mode not in _MODES:
        raise ValueError(f"output_mode must be one of {_MODES}; got {output_mode!r}.")
    check_arrow(X, "hashing")
    split = split_columns(X if is_dataframe(X) else np.asarray(X), "Hashing")
    return _hash_split(split, num_bins, mask_value, salt, output_mode, sparse)


def validate_columns(estimator, X, *, reset, by_column=False):
    """Record/check ``n_features_in_`` and feature names, then split ``X`` into columns.

    A stateless layer used without ``fit`` (``reset=False`` but nothing recorded) checks the
    input alone, without recording it and without warning about feature names.
    """
    name = type(estimator).__name__
    unfitted = not reset and not hasattr(estimator, "_ndim_in_")
    arrow = isinstance(X, (pa.Array, pa.ChunkedArray))
    # An Arrow array is hashed from its buffers (its bytes: layout checked, UTF-8 needs not
    # be); anything else holding Arrow columns is converted to Python objects (full check).
    check_arrow(X, name, binary_ok=arrow)
    if is_series(X) or arrow:  # 1-D; kept as is so Arrow-backed strings are not copied
        if len(X) < 1:
            raise ValueError(
                f"Found array with 0 sample(s) (shape=({len(X)},)) while a minimum of 1 is "
                f"required by {name}."
            )
        check_rank(estimator, (len(X),), reset=reset)
        if reset:
            for attr in ("n_features_in_", "feature_names_in_"):
                if hasattr(estimator, attr):
                    delattr(estimator, attr)
        return [as_column(X, name)], (len(X),), False
    if is_dataframe(X):
        if X.shape[0] < 1:
            raise ValueError(
                f"Found array with 0 sample(s) (shape={X.shape}) while a minimum of 1 is "
                f"required by {name}."
            )
        if not unfitted:
            check_rank(estimator, X.shape, reset=reset)
            validate_data(estimator, X, reset=reset, skip_check_array=True)
    elif unfitted:
        X = check_array(
            X, dtype=None, ensure_all_finite=False, ensure_2d=False, allow_nd=True, estimator=name
        )
    else:
        X = validate_nd(estimator, X, reset=reset, dtype=None, ensure_all_finite=False)
    return split_columns(X, name, by_column=by_column)


class Hashing(StatelessMixin, TransformerMixin, BaseEstimator):
    """Hash categorical values into a fixed number of bins (Keras ``Hashing``).

    Each value is hashed on its own -- no vocabulary, nothing to learn: the transformer is
    stateless (``fit`` only validates) and works without ``fit``. Strings hash their UTF-8
    bytes; numbers are first written as Keras writes them (see Notes). Outputs equal
    Keras 3's bit for bit.

    Parameters
    ----------
    num_bins : int
        Number of hash bins, including the mask bin 0 when ``mask_value`` is set.
    mask_value : str, bytes, number or None, default=None
        Values equal to it go to bin 0 and every other value to bins ``1 .. num_bins - 1``
        (when ``num_bins > 1``). Compared with the raw input (a float mask compares floats
        before truncation).
    salt : int, pair of int or None, default=None
        ``None`` hashes with FarmHash ``Fingerprint64`` (TF ``to_hash_bucket_fast``). An int
        ``s`` or a pair ``(k0, k1)`` hashes with SipHash-2-4 keyed by ``(s, s)`` or
        ``(k0, k1)`` (TF ``to_hash_bucket_strong``): a secret salt makes the bins
        unpredictable to someone crafting inputs.
    output_mode : {"int", "one_hot", "multi_hot", "count"}, default="int"
        ``"int"``: the bin of each value, same shape as the input, int64. ``"one_hot"``: one
        value per sample, ``(n,)`` or ``(n, 1)`` -> ``(n, num_bins)`` (``(n, m)`` -> dense
        ``(n, m, num_bins)``). ``"multi_hot"`` / ``"count"``: each row of a 2-D input is a
        bag of values -> 0/1 or counts per bin. Encoded outputs are float32, as in Keras.
    sparse : bool, default=True
        Encoded outputs as a SciPy CSR matrix (skprep's default) instead of a dense array.
        Ignored by ``output_mode="int"``, whose output is always dense.

    Attributes
    ----------
    n_features_in_ : int
        Number of columns of a 2-D input seen in ``fit`` (not set for 1-D input).
    feature_names_in_ : ndarray of str
        Column names of a DataFrame seen in ``fit``.

    See Also
    --------
    HashedCrossing : hash the combination of several columns.
    skprep.hashing.functional.hash_to_bins : the hash kernel on strings.
    sklearn.feature_extraction.FeatureHasher : signed MurmurHash3 feature hashing.

    Notes
    -----
    Input may be a 1-D or 2-D array, a list, a pandas Series or DataFrame, or a pyarrow
    array; each DataFrame / object column holds strings (``str`` or ``bytes``), integers,
    floats or booleans. As Keras does, numbers are hashed through their string form:
    ``1`` and ``"1"`` share a bin; floats are truncated toward zero first (``1.9`` and ``1``
    share a bin, ``-1.9`` hashes as ``"-1"``); booleans hash as ``"true"`` / ``"false"``.
    Strings are not normalised (``"é"`` and ``"e\\u0301"`` differ).

    Missing values (``None``, ``NaN``, pandas ``NA``) raise a ``ValueError``: Keras cannot
    represent ``None`` in a string tensor and casts a float ``NaN`` to an undefined integer.
    Fill them first, e.g. with a sentinel string passed as ``mask_value``. Infinite floats
    and floats outside the int64 range raise as well.

    Examples
    --------
    >>> from skprep import Hashing
    >>> Hashing(num_bins=3).transform(["A", "B", "C", "D", "E"])
    array([1, 0, 1, 1, 2])
    >>> Hashing(num_bins=3, mask_value="").transform(["A", "B", "", "C", "D"])
    array([1, 1, 0, 2, 2])
    >>> Hashing(num_bins=3, salt=133).transform(["A", "B", "C", "D", "E"])
    array([0, 0, 2, 1, 0])
    >>> Hashing(num_bins=4, output_mode="one_hot", sparse=False).transform([["A"], ["B"]])
    array([[0., 1., 0., 0.],
           [0., 0., 0., 1.]], dtype=float32)
    """

    _parameter_constraints = {
        "num_bins": [Interval(Integral, 1, 2**63 - 1, closed="both")],
        "mask_value": "no_validation",
        "salt": [None, Integral, list, tuple, np.ndarray],
        "output_mode": [StrOptions(set(_MODES))],
        "sparse": ["boolean"],
    }

    def __init__(
        self, num_bins=None, *, mask_value=None, salt=None, output_mode="int", sparse=True
    ):
        self.num_bins = num_bins
        self.mask_value = mask_value
        self.salt = salt
        self.output_mode = output_mode
        self.sparse = sparse

    def _validate_params(self):
        if self.num_bins is None:
            raise ValueError(
                "The `num_bins` for `Hashing` cannot be `None` or non-positive values. "
                "Received: num_bins=None."
            )
        super()._validate_params()
        salt_key(self.salt)  # a clear ValueError for bad pairs, bools, > 64-bit values

    def _validate_input(self, X, reset):
        return validate_columns(self, X, reset=reset)

    def transform(self, X):
        """Hash each value of ``X`` into its bin.

        Parameters
        ----------
        X : array-like of shape (n,) or (n, m), or DataFrame

        Returns
        -------
        X_out : ndarray of int64 with the shape of ``X`` (``output_mode="int"``), else
            scipy.sparse.csr_matrix or ndarray of float32 with ``num_bins`` columns
        """
        self._ensure_params_checked()
        split = self._validate_input(X, reset=False)
        return _hash_split(
            split, self.num_bins, self.mask_value, self.salt, self.output_mode, self.sparse
        )

    def get_feature_names_out(self, input_features=None):
        """Output feature names.

        ``"int"``: the input names (one output column per input column). Encoded modes:
        ``<feature>_<bin>`` for a single input column, else ``hashing_<bin>``.

        Parameters
        ----------
        input_features : array-like of str or None, default=None
            Input column names; None uses ``feature_names_in_`` (or generic names).

        Returns
        -------
        ndarray of str
        """
        self._ensure_params_checked()
        names = input_feature_names(self, input_features)
        if self.output_mode == "int":
            return names if names is not None else np.asarray(["hashing"], dtype=object)
        prefix = str(names[0]) if names is not None and len(names) == 1 else "hashing"
        check_feature_names_size(self.num_bins, type(self).__name__)
        return np.asarray([f"{prefix}_{k}" for k in range(self.num_bins)], dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.transformer_tags.preserves_dtype = [] if self.output_mode == "int" else ["float32"]
        return tags
