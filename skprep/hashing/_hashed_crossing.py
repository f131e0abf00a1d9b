"""HashedCrossing: Keras's hashed feature crosses of two or more categorical columns."""

from __future__ import annotations

from numbers import Integral

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from .._config import check_feature_names_size
from ..base import StatelessMixin
from ..utils._sklearn_compat import Interval, StrOptions
from ..utils.encoding import encode_indices
from ..utils.validation import check_arrow, input_feature_names
from ._columns import Column, is_dataframe, kind_name, split_columns
from ._hashing import validate_columns
from .functional import fingerprint64, fingerprint_cat64

__all__ = ["HashedCrossing", "hashed_cross"]

CROSS_KEY = 0xDECAFCAFFE  # TF sparse_cross_hashed's default hash key


def _column_fingerprint(column: Column, j: int) -> np.ndarray:
    if column.kind == "str":
        return fingerprint64(column.values)
    if column.kind == "int":
        values = column.values
        if values.dtype.kind == "u":
            return values.astype(np.uint64)
        return values.astype(np.int64, copy=False).view(np.uint64)
    raise ValueError(
        "All `HashedCrossing` inputs should have an integer or string dtype; column "
        f"{j} holds {kind_name(column.kind)} values. Cast integral floats to int (or "
        "bin them, e.g. with Discretization) first."
    )


def _cross_split(split, num_bins, output_mode, sparse):
    columns, shape, _ = split
    if len(shape) != 2 or len(columns) < 2:
        raise ValueError(
            "HashedCrossing crosses two or more columns: pass a 2-D array or DataFrame with at "
            f"least two columns; got an input of shape {tuple(shape)}."
        )
    h = np.full(shape[0], CROSS_KEY, dtype=np.uint64)
    for j, column in enumerate(columns):
        h = fingerprint_cat64(h, _column_fingerprint(column, j))
    bins = (h % np.uint64(num_bins)).astype(np.int64)
    if output_mode == "int":
        return bins.reshape(-1, 1)
    return encode_indices(bins, num_bins, "one_hot", sparse=sparse, dtype=np.float32)


def hashed_cross(X, num_bins, *, output_mode="int", sparse=True):
    """Cross the columns of ``X`` by hashing; the functional form of :class:`HashedCrossing`.

    Parameters
    ----------
    X : array-like of shape (n, k) with k >= 2, or DataFrame
        Each column holds strings or integers.
    num_bins, output_mode, sparse
        As in :class:`HashedCrossing`.

    Returns
    -------
    ndarray of int64, shape (n, 1), or CSR matrix / ndarray of float32, shape (n, num_bins)

    Examples
    --------
    >>> import numpy as np
    >>> X = np.array([["A", 101], ["B", 101], ["A", 101], ["B", 102], ["A", 102]], dtype=object)
    >>> hashed_cross(X, 5).ravel()
    array([1, 4, 1, 1, 3])
    """
    if (
        isinstance(num_bins, bool)
        or not isinstance(num_bins, Integral)
        or not 1 <= num_bins < 2**63
    ):
        raise ValueError(
            f"num_bins must be an integer in [1, 2**63 - 1]; got num_bins={num_bins!r}."
        )
    if output_mode not in ("int", "one_hot"):
        raise ValueError(f"output_mode must be 'int' or 'one_hot'; got {output_mode!r}.")
    check_arrow(X, "hashed_crossing")
    split = split_columns(X if is_dataframe(X) else np.asarray(X), "HashedCrossing", by_column=True)
    return _cross_split(split, num_bins, output_mode, sparse)


class HashedCrossing(StatelessMixin, TransformerMixin, BaseEstimator):
    """Cross two or more categorical columns by hashing them together (Keras
    ``HashedCrossing``).

    Each row's values -- one per column, in column order -- are combined into one hash
    (TF's ``sparse.cross_hashed``: ``FingerprintCat64`` folded from the key ``0xDECAFCAFFE``),
    giving one bin per row: a feature cross without a vocabulary. Stateless: ``fit`` only
    validates; the transformer also works without ``fit``. Outputs equal Keras 3's bit for
    bit.

    Parameters
    ----------
    num_bins : int
        Number of bins of the crossed feature.
    output_mode : {"int", "one_hot"}, default="int"
        ``"int"``: the bin of each row, shape ``(n, 1)``, int64. ``"one_hot"``: shape
        ``(n, num_bins)``, float32 (as in Keras).
    sparse : bool, default=True
        One-hot output as a SciPy CSR matrix (skprep's default) instead of a dense array.

    Attributes
    ----------
    n_features_in_ : int
        Number of columns crossed (seen in ``fit``).
    feature_names_in_ : ndarray of str
        Column names of a DataFrame seen in ``fit``.

    See Also
    --------
    Hashing : hash each value on its own.

    Notes
    -----
    Keras takes a list of tensors, one per feature; here the features are the columns of a
    2-D array or DataFrame (so it slots into a ``ColumnTransformer``). Each column must hold
    strings or integers: strings enter through FarmHash ``Fingerprint64`` of their UTF-8
    bytes, integers through their int64 value (not their decimal string, unlike
    :class:`Hashing`), so ``1`` and ``"1"`` cross differently. Float and boolean columns
    raise a ``ValueError`` (as Keras does), and so do missing values. The int output is
    ``(n, 1)`` rather than Keras's ``(n,)`` so that it is a 2-D feature matrix.

    Examples
    --------
    >>> import pandas as pd
    >>> from skprep import HashedCrossing
    >>> df = pd.DataFrame({"a": ["A", "B", "A", "B", "A"], "b": [101, 101, 101, 102, 102]})
    >>> HashedCrossing(num_bins=5).fit(df).transform(df).ravel()
    array([1, 4, 1, 1, 3])
    >>> HashedCrossing(num_bins=5).fit(df).get_feature_names_out()
    array(['a_X_b'], dtype=object)
    """

    _parameter_constraints = {
        "num_bins": [Interval(Integral, 1, 2**63 - 1, closed="both")],
        "output_mode": [StrOptions({"int", "one_hot"})],
        "sparse": ["boolean"],
    }

    def __init__(self, num_bins=None, *, output_mode="int", sparse=True):
        self.num_bins = num_bins
        self.output_mode = output_mode
        self.sparse = sparse

    def _validate_params(self):
        if self.num_bins is None:
            raise ValueError("num_bins must be set to use HashedCrossing; got num_bins=None.")
        super()._validate_params()

    def _validate_input(self, X, reset):
        split = validate_columns(self, X, reset=reset, by_column=True)
        _, shape, _ = split
        if len(shape) != 2 or shape[1] < 2:
            raise ValueError(
                "HashedCrossing crosses two or more columns: pass a 2-D array or DataFrame "
                f"with at least two columns; got an input of shape {tuple(shape)}."
            )
        for j, column in enumerate(split[0]):
            if column.kind not in ("str", "int"):
                _column_fingerprint(column, j)  # raises the dtype error
        return split

    def transform(self, X):
        """Cross the columns of ``X``.

        Parameters
        ----------
        X : array-like of shape (n, k) with k >= 2, or DataFrame

        Returns
        -------
        X_out : ndarray of int64, shape (n, 1) (``output_mode="int"``), or
            scipy.sparse.csr_matrix / ndarray of float32, shape (n, num_bins)
        """
        self._ensure_params_checked()
        split = self._validate_input(X, reset=False)
        return _cross_split(split, self.num_bins, self.output_mode, self.sparse)

    def get_feature_names_out(self, input_features=None):
        """Output feature names: the input names joined by ``"_X_"`` (``"a_X_b"``), with
        ``_<bin>`` appended per column for one_hot.

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
        cross = "_X_".join(str(n) for n in names) if names is not None else "hashedcrossing"
        if self.output_mode == "int":
            return np.asarray([cross], dtype=object)
        check_feature_names_size(self.num_bins, type(self).__name__)
        return np.asarray([f"{cross}_{k}" for k in range(self.num_bins)], dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.transformer_tags.preserves_dtype = []
        return tags
