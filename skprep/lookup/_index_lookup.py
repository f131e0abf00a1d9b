"""The estimator shared by StringLookup and IntegerLookup (Keras's ``IndexLookup``)."""

from __future__ import annotations

import codecs
import os
from numbers import Integral

import numpy as np
import pyarrow as pa
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

from .._config import check_feature_names_size
from ..base import AdaptMixin, is_batch_iterable
from ..utils._dask import is_dask_collection, transform_dask
from ..utils._progress import progress
from ..utils._sklearn_compat import Interval, StrOptions, _check_n_features, validate_data
from ..utils.encoding import encode_indices
from ..utils.validation import check_arrow, check_rank, input_feature_names
from ._input import as_integer_tokens, read_tokens
from ._vocabulary import (
    FittedVocabularyMixin,
    TokenBatch,
    VocabularyOptions,
    VocabularyState,
    check_vocabulary_params,
)

__all__ = ["COMMON_CONSTRAINTS", "OUTPUT_MODES", "check_encoding"]

#: Canonical output modes; ``"binary"`` and ``"tf-idf"`` are accepted aliases.
OUTPUT_MODES = ("int", "one_hot", "multi_hot", "count", "tf_idf")
_ALIASES = {"binary": "multi_hot", "tf-idf": "tf_idf"}
_CHUNK_TOKENS = 1 << 18  # tokens read per chunk (bounds temporaries)


#: The parameter constraints StringLookup and IntegerLookup share.
COMMON_CONSTRAINTS = {
    "max_tokens": [Interval(Integral, 2, None, closed="left"), None],
    "num_oov_indices": [Interval(Integral, 0, None, closed="left")],
    "vocabulary": ["array-like", str, os.PathLike, pa.Array, pa.ChunkedArray, None],
    "idf_weights": ["array-like", None],
    "invert": ["boolean"],
    "output_mode": [StrOptions(set(OUTPUT_MODES) | set(_ALIASES))],
    "pad_to_max_tokens": ["boolean"],
    "sparse": ["boolean"],
    "salt": [Integral, tuple, list, None],
    "n_jobs": [Integral, None],
    "verbose": ["verbose"],
}


class _IndexLookup(FittedVocabularyMixin, AdaptMixin, TransformerMixin, BaseEstimator):
    """Keras ``IndexLookup`` semantics on top of :mod:`skprep.lookup._vocabulary`.

    Subclasses set ``_kind`` ("string"/"int") and ``_oov_method``, and their parameters.
    Once fitted (or given a ``vocabulary``), every token <-> index mapping is delegated to
    the :class:`~skprep.lookup._vocabulary.Vocabulary` in ``_vocab``.
    """

    _kind = "string"
    _oov_method = "farmhash"

    # -- parameters -------------------------------------------------------------------------
    @property
    def _mode(self) -> str:
        return _ALIASES.get(self.output_mode, self.output_mode)

    @property
    def _oov_start(self) -> int:
        return 1 if (self.mask_token is not None and self._mode == "int") else 0

    @property
    def _token_start(self) -> int:
        return self._oov_start + self.num_oov_indices

    def _check_keras_params(self) -> None:
        name = type(self).__name__
        if self.max_tokens is not None and self.max_tokens <= 1:
            raise ValueError(
                f"If set, `max_tokens` must be greater than 1. Received: max_tokens="
                f"{self.max_tokens}"
            )
        if self.num_oov_indices < 0:
            raise ValueError(
                "`num_oov_indices` must be greater than or equal to 0. Received: "
                f"num_oov_indices={self.num_oov_indices}"
            )
        if self.invert and self.oov_token is None:
            raise ValueError(
                "oov_token=None cannot be used with invert=True: the OOV token is what "
                "inverting returns for OOV indices. Set oov_token to a token."
            )
        if self.invert and self._mode != "int":
            raise ValueError(
                "`output_mode` must be `'int'` when `invert` is true. Received: "
                f"output_mode={self.output_mode}"
            )
        check_vocabulary_params(
            max_tokens=self.max_tokens,
            pad_to_max_tokens=self.pad_to_max_tokens,
            token_start=self._token_start,
            mode=self._mode,
            vocabulary=self.vocabulary,
            idf_weights=self.idf_weights,
        )
        if self.salt is not None:
            salt = self.salt
            ok = isinstance(salt, Integral) or (
                isinstance(salt, (tuple, list))
                and len(salt) == 2
                and all(isinstance(s, Integral) for s in salt)
            )
            if not ok:
                raise ValueError(
                    "The `salt` argument for `IndexLookup` can only be a tuple of 2 integers, "
                    f"or a single integer. Received: salt={salt}."
                )
        if self.mask_token is not None and self.mask_token == self.oov_token:
            raise ValueError(
                f"{name}: `mask_token` and `oov_token` must differ; both are {self.mask_token!r}."
            )
        self._check_kind_params()

    def _check_kind_params(self) -> None:  # pragma: no cover - overridden
        pass

    def _special_tokens(self) -> tuple:
        return (self.mask_token, self.oov_token)

    # -- the vocabulary ---------------------------------------------------------------------
    def _layout(self) -> dict:
        """Keyword arguments of :class:`Vocabulary` for the current parameters."""
        return dict(
            kind=self._kind,
            mask_token=self.mask_token,
            oov_token=self.oov_token,
            num_oov_indices=self.num_oov_indices,
            mask_slot=self._mode == "int",
            oov_method=self._oov_method,
            salt=self.salt,
        )

    # -- input ------------------------------------------------------------------------------
    def _encoding(self) -> str:
        return "utf-8"

    def _check_input(self, X, reset: bool):
        """Feature names / count bookkeeping; returns ``X`` as an array, pandas or pyarrow
        object.

        A layer fitted on a 2-D table needs 2-D input with as many columns; one fitted on
        1-D input accepts either rank, as Keras does.
        """
        if sp.issparse(X):
            raise TypeError(
                f"Sparse input is not supported by {type(self).__name__}: pass a dense array "
                "of tokens."
            )
        if isinstance(X, (pa.Array, pa.ChunkedArray)):
            ndim = 1
        else:
            if not (isinstance(X, np.ndarray) or hasattr(X, "iloc")):
                try:
                    X = np.asarray(X)
                except ValueError as exc:
                    raise ValueError(
                        f"{type(self).__name__} expects a rectangular 1-D or 2-D input; rows "
                        f"of different lengths (ragged input) are not supported: pad them to "
                        f"one length, e.g. with the mask token. ({exc})"
                    ) from None
            ndim = X.ndim
            if ndim == 0:
                raise ValueError(
                    f"{type(self).__name__} expects a 1-D or 2-D array; got a scalar {X!r}. "
                    "Wrap it in a list."
                )
        shape = (len(X),) if ndim == 1 else X.shape
        check_rank(self, shape, reset=reset, compatible={1: (1, 2)})
        validate_data(self, X, reset=reset, skip_check_array=True, ensure_2d=False)
        if ndim == 2:
            _check_n_features(self, X, reset=reset)
        elif reset and hasattr(self, "n_features_in_"):
            del self.n_features_in_
        if reset and shape[0] == 0:
            raise ValueError(
                f"Found array with 0 sample(s) (shape={shape}) while a minimum of 1 is "
                f"required by {type(self).__name__}."
            )
        if reset and ndim == 2 and shape[1] == 0:
            raise ValueError(
                f"Found array with 0 feature(s) (shape={shape}) while a minimum of 1 is "
                f"required by {type(self).__name__}."
            )
        return X

    def _read(self, X):
        return read_tokens(X, self._kind, type(self).__name__, encoding=self._encoding())

    # -- adapt ------------------------------------------------------------------------------
    def _adapt_params(self):
        params = super()._adapt_params()
        params.pop("sparse", None)
        return params

    def _new_adapt_state(self):
        self._check_keras_params()
        options = VocabularyOptions(
            special_tokens=self._special_tokens(),
            max_tokens=self.max_tokens,
            token_start=self._token_start,
            pad_to_max_tokens=self.pad_to_max_tokens,
            idf=self._mode == "tf_idf",
        )
        return VocabularyState(self._kind, track_documents=self._mode == "tf_idf", options=options)

    def _chunks(self, X):
        """Yield ``(row slice, codes, chunk shape)`` over row chunks of ``X``.

        Reading ~262k tokens at a time bounds the temporaries (converted strings, hash
        tables, codes) whatever the input size.
        """
        shape, step = self._chunk_rows(X)
        for start in range(0, max(shape[0], 1), step):
            sl = slice(start, min(start + step, shape[0]))
            part = X.iloc[sl] if hasattr(X, "iloc") else X[sl]
            codes, cshape = self._read(part)
            yield sl, codes, cshape

    @staticmethod
    def _chunk_rows(X) -> tuple[tuple, int]:
        """``(shape of X, rows per chunk)`` of :meth:`_chunks`."""
        shape = (len(X),) if isinstance(X, (pa.Array, pa.ChunkedArray)) else X.shape
        per_row = shape[1] if len(shape) == 2 else 1
        return shape, max(1, _CHUNK_TOKENS // max(per_row, 1))

    def _prepare_adapt_batch(self, X, reset):
        X = self._check_input(X, reset=reset)
        if self.invert and self._state_is_given():
            self._read_indices(X)  # an inverting layer with its vocabulary reads indices
            return None
        batches = []
        for _, codes, shape in self._chunks(X):
            n = shape[0]
            doc_ids = None
            if self._mode == "tf_idf":
                per_row = shape[1] if len(shape) == 2 else 1
                doc_ids = np.repeat(np.arange(n, dtype=np.int64), per_row)
            batches.append(TokenBatch(codes, doc_ids=doc_ids, n_documents=n))
        return batches

    # -- fitted vocabulary ------------------------------------------------------------------
    def get_vocabulary(self, include_special_tokens=True) -> list:
        """The vocabulary as a list, indexed by output index (Keras ``get_vocabulary``).

        Parameters
        ----------
        include_special_tokens : bool, default=True
            Include the mask token (int mode) and the OOV placeholders at the front; if
            False, only the learned tokens.

        Returns
        -------
        list
        """
        self._ensure_fitted()
        return self._vocab.get_vocabulary(include_special_tokens)

    # -- transform --------------------------------------------------------------------------
    def _lookup(self, X, *, chunks=None):
        """Forward lookup of ``X`` (or of already read ``chunks``), chunk by chunk."""
        if chunks is None:
            # verbose: a transform of several chunks (~262k tokens each) reports its progress.
            shape, step = self._chunk_rows(X)
            n_chunks = -(-shape[0] // step) if self.verbose else 0
            chunks = progress(
                self._chunks(X),
                enabled=n_chunks > 1,
                desc=f"{type(self).__name__}.transform",
                total=n_chunks,
                unit="chunk",
            )
        out = None
        for sl, codes, shape in chunks:
            idx = self._vocab.lookup(codes).reshape(shape)
            if out is None:
                n = len(X) if X is not None else None
                out = np.empty((n,) + shape[1:] if n is not None else shape, np.int64)
            out[sl] = idx
        return out

    def _encode(self, X, chunks=None):
        """Forward lookup, then the output mode's encoding."""
        mode = self._mode
        idx = self._lookup(X, chunks=chunks)
        if mode == "int":
            return idx
        if idx.ndim == 1 and mode != "one_hot":
            idx = idx.reshape(-1, 1)
        return encode_indices(
            idx,
            self._depth(),
            mode,
            sparse=self.sparse,
            dtype=np.int64,
            idf=self.idf_weights_,
        )

    def transform(self, X):
        """Look tokens up (Keras ``layer(X)``).

        Parameters
        ----------
        X : array-like of shape (n,) or (n, k)
            Tokens (indices when ``invert=True``). A pandas DataFrame/Series (object, string
            or categorical dtype), a list or a pyarrow array also work.

        Returns
        -------
        X_out : ndarray or scipy.sparse.csr_matrix
            ``"int"``: int64 indices of the input's shape (tokens when ``invert=True``).
            ``"one_hot"``: ``(n, depth)`` (one token per row; ``(n, k)`` input gives a dense
            ``(n, k, depth)``). ``"multi_hot"``/``"count"``/``"tf_idf"``: each row is a bag
            of tokens -> ``(n, depth)``; a 1-D input is ``n`` one-token rows. int64 for
            one_hot/multi_hot/count, float32 for tf_idf; CSR unless ``sparse=False``.
        """
        self._ensure_fitted()
        if is_dask_collection(X):
            return transform_dask(self.transform, X)
        X = self._check_input(X, reset=False)
        if self.invert:
            return self._indices_to_tokens(X)
        return self._encode(X)

    def fit_transform(self, X, y=None):
        """Fit (adapt) on ``X`` and transform it, reading and hashing ``X`` once.

        Equal to ``fit(X).transform(X)``.

        Parameters
        ----------
        X : array-like of shape (n,) or (n, k), or iterable of batches
        y : None
            Ignored.

        Returns
        -------
        X_out : ndarray or scipy.sparse.csr_matrix
            See :meth:`transform`.
        """
        if (
            is_batch_iterable(X)
            or is_dask_collection(X)
            or self.invert
            or self._state_is_given()
            or self.n_jobs not in (None, 1)
        ):
            return self.fit(X).transform(X)
        batches = self._fit_keeping(X)
        X = X if isinstance(X, np.ndarray) or hasattr(X, "iloc") else np.asarray(X)
        return self._encode(X, chunks=_chunks_of(batches, X.shape))

    def _read_indices(self, X) -> np.ndarray:
        name = type(self).__name__
        if hasattr(X, "iloc"):
            X = X.to_numpy()
        elif isinstance(X, (pa.Array, pa.ChunkedArray)):
            X = check_arrow(X, name).to_numpy(zero_copy_only=False)
        arr = np.asarray(X)
        if arr.dtype.kind in "USO" and not (
            arr.dtype.kind == "O"
            and all(isinstance(v, (int, np.integer)) for v in arr.ravel()[:1000])
        ):
            raise TypeError(
                f"{name} with invert=True maps integer indices back to tokens; got "
                f"{'strings' if arr.dtype.kind != 'O' else 'objects'} (dtype {arr.dtype}). "
                "Pass the output of a forward lookup."
            )
        if arr.ndim not in (1, 2):
            raise ValueError(f"{name} expects a 1-D or 2-D array of indices; got {arr.shape}.")
        return as_integer_tokens(arr, f"{name} (invert=True)")

    def _indices_to_tokens(self, X):
        return self._vocab.tokens_at(self._read_indices(X))

    def inverse_transform(self, X):
        """Map the output of :meth:`transform` back (``"int"`` mode only).

        Indices become tokens -- OOV slots, out-of-range and negative indices give
        ``oov_token``, index 0 gives ``mask_token`` when there is one -- or, with
        ``invert=True``, tokens become indices.

        Parameters
        ----------
        X : array-like of shape (n,) or (n, k)

        Returns
        -------
        ndarray
        """
        self._ensure_fitted()
        if self._mode != "int":
            raise ValueError(
                f"inverse_transform is only available with output_mode='int'; got "
                f"output_mode={self.output_mode!r}."
            )
        X = self._check_input(X, reset=False)
        if self.invert:
            return self._lookup(X)
        return self._indices_to_tokens(X)

    def get_feature_names_out(self, input_features=None):
        """Output feature names.

        ``"int"`` mode keeps the input's names. The encoded modes give one name per output
        column, ``<feature>_<token>`` (the feature is the input column's name when there is
        one column, else the layer's lower-cased class name); several OOV slots are
        ``<feature>_<oov_token>_<i>`` and padding columns ``<feature>_<pad_<j>>``.

        Parameters
        ----------
        input_features : array-like of str, optional

        Returns
        -------
        ndarray of str (object)
        """
        self._ensure_fitted()
        names = input_feature_names(self, input_features)
        names = ["x0"] if names is None else [str(f) for f in names]
        if self._mode == "int":
            return np.asarray(names, dtype=object)
        prefix = names[0] if len(names) == 1 else type(self).__name__.lower()
        check_feature_names_size(self._depth(), type(self).__name__)
        vocab = [str(t) for t in self.vocabulary_]
        k = self.num_oov_indices
        if k > 1:
            vocab[:k] = [f"{self.oov_token}_{i}" for i in range(k)]
        vocab += [f"<pad_{j}>" for j in range(len(vocab), self._depth())]
        out = [f"{prefix}_{t}" for t in vocab]
        seen: dict[str, int] = {}
        for j, name in enumerate(out):
            if name in seen:
                out[j] = f"{name}_{j}"
            seen[name] = j
        return np.asarray(out, dtype=object)

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.string = self._kind == "string"
        tags.input_tags.categorical = True
        tags.transformer_tags.preserves_dtype = []
        return tags


def check_encoding(encoding) -> str:
    """The canonical name of a codec, or a ValueError naming ``encoding``."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise ValueError(f"Unknown `encoding`: {encoding!r}.") from None


def _chunks_of(batches: list, shape: tuple):
    """``(row slice, codes, chunk shape)`` of the prepared batches of an input of ``shape``
    (the chunks ``_IndexLookup._chunks`` read)."""
    start = 0
    for batch in batches:
        n = batch.n_documents
        yield slice(start, start + n), batch.tokens, (n,) + tuple(shape[1:])
        start += n
