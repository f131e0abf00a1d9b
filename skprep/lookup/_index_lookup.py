"""The estimator shared by StringLookup and IntegerLookup (Keras's ``IndexLookup``)."""

from __future__ import annotations

import codecs
import os
from numbers import Integral

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

from .._config import check_feature_names_size
from ..base import AdaptMixin, is_batch_iterable
from ..utils._dask import is_dask_collection, transform_dask
from ..utils._sklearn_compat import _check_n_features, check_is_fitted, validate_data
from ..utils.encoding import encode_indices
from ..utils.validation import check_arrow
from ._input import as_integer_tokens, read_tokens
from ._vocabulary import (
    TokenBatch,
    VocabularyOptions,
    VocabularyState,
    lookup_indices,
    to_token_array,
)

__all__ = ["OUTPUT_MODES", "check_encoding", "hash_buckets"]

#: Canonical output modes; ``"binary"`` and ``"tf-idf"`` are accepted aliases.
OUTPUT_MODES = ("int", "one_hot", "multi_hot", "count", "tf_idf")
_ALIASES = {"binary": "multi_hot", "tf-idf": "tf_idf"}
_CHUNK_TOKENS = 1 << 18  # tokens read per chunk (bounds temporaries)


def _read_vocabulary_file(path, kind: str, encoding: str) -> pa.Array:
    """One token per line (TF ``TextFileInitializer`` semantics: ``\\n`` or ``\\r\\n``
    line ends, a final line end is optional, empty lines are an error)."""
    if not os.path.exists(path):
        raise ValueError(f"Vocabulary file {path} does not exist.")
    with open(path, "rb") as fh:
        data = fh.read()
    if data.endswith(b"\n"):
        data = data[:-1]
    if not data:
        raise ValueError(f"Cannot set an empty vocabulary: vocabulary file {path} is empty.")
    lines = pa.array(data.split(b"\n"), type=pa.binary())
    lines = pc.replace_substring_regex(lines, pattern="\r$", replacement="")
    empty = np.flatnonzero(pc.equal(pc.binary_length(lines), 0).to_numpy(zero_copy_only=False))
    if empty.size:
        raise ValueError(
            f"Invalid vocabulary file {path}: empty line found at position {empty[0]}."
        )
    if codecs.lookup(encoding).name == "utf-8":
        try:
            text = lines.cast(pa.string())
        except pa.ArrowInvalid as exc:
            raise ValueError(f"Vocabulary file {path} is not valid UTF-8.") from exc
    else:
        text = pa.array([ln.decode(encoding) for ln in lines.to_pylist()], type=pa.string())
    if kind == "string":
        return text
    try:
        return pc.cast(pc.utf8_trim_whitespace(text), pa.int64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
        raise ValueError(f"Vocabulary file {path} must hold one integer per line: {exc}") from None


def _repeated(tokens: pa.Array) -> list:
    counts = pc.value_counts(tokens)
    rep = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1))
    return rep.to_pylist()


class _IndexLookup(AdaptMixin, TransformerMixin, BaseEstimator):
    """Keras ``IndexLookup`` semantics on top of :mod:`skprep.lookup._vocabulary`.

    Subclasses set ``_kind`` ("string"/"int"), their parameters and ``_oov_buckets``.
    """

    _kind = "string"

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
        if self.pad_to_max_tokens and self.max_tokens is None:
            raise ValueError(
                "If pad_to_max_tokens is True, must set `max_tokens`. Received: "
                f"max_tokens={self.max_tokens}"
            )
        if self.num_oov_indices < 0:
            raise ValueError(
                "`num_oov_indices` must be greater than or equal to 0. Received: "
                f"num_oov_indices={self.num_oov_indices}"
            )
        if self.max_tokens is not None and self.max_tokens <= self._token_start:
            raise ValueError(
                f"`max_tokens`={self.max_tokens} leaves no room for learned tokens: the mask "
                f"and OOV slots already take {self._token_start} indices. Set max_tokens > "
                f"{self._token_start}."
            )
        if self.invert and self._mode != "int":
            raise ValueError(
                "`output_mode` must be `'int'` when `invert` is true. Received: "
                f"output_mode={self.output_mode}"
            )
        if self.idf_weights is not None and self._mode != "tf_idf":
            raise ValueError(
                "`idf_weights` should only be set if `output_mode` is `'tf_idf'`. Received: "
                f"idf_weights={self.idf_weights} and output_mode={self.output_mode}"
            )
        if self._mode == "tf_idf" and self.vocabulary is not None and self.idf_weights is None:
            raise ValueError(
                "When specifying the `vocabulary` argument, in TF-IDF output mode, the "
                "`idf_weights` argument must also be provided."
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

    # -- given vocabulary -------------------------------------------------------------------
    def _vocabulary_array(self) -> tuple[pa.Array, bool]:
        """The ``vocabulary`` parameter as a flat array; True if it came from a file."""
        vocab = self.vocabulary
        if isinstance(vocab, (str, os.PathLike)):
            return _read_vocabulary_file(vocab, self._kind, self._encoding()), True
        arr = vocab if isinstance(vocab, (pa.Array, pa.ChunkedArray)) else np.asarray(vocab)
        if isinstance(arr, np.ndarray) and arr.ndim != 1:
            raise ValueError(
                f"`vocabulary` must be 1-D (a list, tuple or array of tokens, or a file "
                f"path); got shape {arr.shape}."
            )
        if len(arr) == 0:
            raise ValueError(f"Cannot set an empty vocabulary. Received: vocabulary={vocab}")
        if isinstance(arr, np.ndarray) and self._kind == "int":
            arr = as_integer_tokens(arr, f"{type(self).__name__} `vocabulary`")
        if isinstance(arr, np.ndarray) and arr.dtype.kind == "S":
            arr = np.char.decode(arr, self._encoding())
        try:
            return to_token_array(arr, self._kind), False
        except (TypeError, ValueError) as exc:
            raise type(exc)(f"Invalid `vocabulary`: {exc}") from None

    def _given_vocabulary(self) -> tuple[pa.Array, np.ndarray | None]:
        """Validate the ``vocabulary``/``idf_weights`` parameters (Keras ``set_vocabulary``)."""
        full, from_file = self._vocabulary_array()
        token_start = self._token_start
        if from_file:
            if self._mode == "tf_idf":
                raise ValueError(
                    "output_mode `'tf_idf'` does not support loading a vocabulary from file."
                )
            tokens, found_special = full, False
        else:
            specials = [self.mask_token] * self._oov_start + [self.oov_token] * self.num_oov_indices
            head = full[:token_start].to_pylist() if len(full) >= token_start else None
            found_special = head == specials
            tokens = full[token_start:] if found_special else full
        repeated = _repeated(tokens)
        if repeated:
            raise ValueError(
                "The passed vocabulary has at least one repeated term. Please uniquify your "
                f"dataset. The repeated terms are: {repeated}"
            )
        for token, role, always in (
            (self.mask_token, "mask", True),
            (self.oov_token, "OOV", False),
        ):
            if token is None or not (always or self.invert):
                continue
            hit = pc.index(tokens, pa.scalar(token, tokens.type)).as_py()
            if hit >= 0:
                specials = [self.mask_token] * self._oov_start + [
                    self.oov_token
                ] * self.num_oov_indices
                raise ValueError(
                    f"Found reserved {role} token at unexpected location in `vocabulary`. "
                    "Note that passed `vocabulary` does not need to include the OOV and mask "
                    "tokens. Either remove all mask and OOV tokens, or include them only at "
                    f"the start of the vocabulary in precisely this order: {specials}. "
                    f"Received: {role.lower()}_token={token!r} at vocabulary index "
                    f"{hit + (token_start if found_special else 0)}"
                )
        size = token_start + len(tokens)
        if self.max_tokens is not None and size > self.max_tokens:
            raise ValueError(
                "Attempted to set a vocabulary larger than the maximum vocab size. Received "
                f"vocabulary size is {size}; `max_tokens` is {self.max_tokens}."
            )
        idf = None
        if self._mode == "tf_idf":
            idf = self._given_idf(len(full), found_special)
        return tokens, idf

    def _given_idf(self, n_vocab: int, found_special: bool) -> np.ndarray:
        idf = np.asarray(self.idf_weights, dtype=np.float64)
        if idf.ndim != 1:
            raise ValueError(f"`idf_weights` must be a 1D array. Received: shape={idf.shape}")
        if idf.shape[0] != n_vocab:
            raise ValueError(
                "`idf_weights` must be the same length as vocabulary. len(idf_weights) is "
                f"{idf.shape[0]}; len(vocabulary) is {n_vocab}"
            )
        idf = idf.astype(np.float32)
        if not np.isfinite(idf).all():
            raise ValueError("`idf_weights` must be finite.")
        if not found_special:
            mean = np.float32(idf.mean(dtype=np.float32))
            idf = np.concatenate([np.full(self._token_start, mean, np.float32), idf])
        if self.pad_to_max_tokens:
            idf = np.concatenate(
                [idf, np.zeros(max(self.max_tokens - idf.shape[0], 0), np.float32)]
            )
        return idf

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
        validate_data(self, X, reset=reset, skip_check_array=True, ensure_2d=False)
        if ndim == 2:
            _check_n_features(self, X, reset=reset)
        elif reset and hasattr(self, "n_features_in_"):
            del self.n_features_in_
        elif not reset and hasattr(self, "n_features_in_"):
            raise ValueError(
                f"{type(self).__name__} was fitted on a 2-D table with {self.n_features_in_} "
                f"columns but got input of rank {ndim}. Reshape your data, e.g. "
                "X.reshape(-1, 1) for a single column."
            )
        shape = (len(X),) if ndim == 1 else X.shape
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
        shape = (len(X),) if isinstance(X, (pa.Array, pa.ChunkedArray)) else X.shape
        per_row = shape[1] if len(shape) == 2 else 1
        step = max(1, _CHUNK_TOKENS // max(per_row, 1))
        for start in range(0, max(shape[0], 1), step):
            sl = slice(start, min(start + step, shape[0]))
            part = X.iloc[sl] if hasattr(X, "iloc") else X[sl]
            codes, cshape = self._read(part)
            yield sl, codes, cshape

    def _prepare_adapt_batch(self, X, reset):
        X = self._check_input(X, reset=reset)
        if self.vocabulary is not None:
            # A given vocabulary is not learned: X is only validated (indices when inverting).
            if self.invert:
                self._read_indices(X)
            else:
                for _ in self._chunks(X):
                    pass
            return TokenBatch(pa.array([], type=_cast_kind_type(self._kind)), n_documents=0)
        batches = []
        kept = [] if getattr(self, "_keep_codes", False) else None
        for sl, codes, shape in self._chunks(X):
            n = shape[0]
            doc_ids = None
            if self._mode == "tf_idf":
                per_row = shape[1] if len(shape) == 2 else 1
                doc_ids = np.repeat(np.arange(n, dtype=np.int64), per_row)
            batches.append(TokenBatch(codes, doc_ids=doc_ids, n_documents=n))
            if kept is not None:
                kept.append((sl, codes, shape))
        if kept is not None:
            self._kept_codes = kept
        return batches

    def _ensure_fitted(self) -> None:
        if not hasattr(self, "_tokens") and self.vocabulary is not None:
            # Like a Keras layer built with a vocabulary: usable without fit (adapt).
            self._validate_params()
            self._set_adapt_state(self._new_adapt_state())
        check_is_fitted(self)

    def _set_adapt_state(self, state):
        self.adapt_state_ = state
        if self.vocabulary is not None:
            tokens, idf = self._given_vocabulary()
        else:
            result = state.finalize()
            tokens, idf = result["vocabulary"], result["idf"]
        self._tokens = tokens
        self._vocabulary_cache = None
        self.idf_weights_ = idf

    # -- fitted vocabulary ------------------------------------------------------------------
    @property
    def vocabulary_(self) -> np.ndarray:
        """ndarray: the full vocabulary indexed by output index (special slots first).

        The learned tokens are stored as a flat pyarrow array; this NumPy view (object
        array of ``str`` for StringLookup, int64 for IntegerLookup) is built on first access
        and not pickled.
        """
        if not hasattr(self, "_tokens"):
            raise AttributeError("vocabulary_")
        if getattr(self, "_vocabulary_cache", None) is None:
            n_special = self._oov_start + self.num_oov_indices
            check_feature_names_size(
                n_special + len(self._tokens), type(self).__name__, "vocabulary_"
            )
            specials = [self.mask_token] * self._oov_start + [self.oov_token] * self.num_oov_indices
            tokens = self._tokens.to_numpy(zero_copy_only=False)
            if self._kind == "int":
                head = np.asarray(specials, dtype=np.int64)
                self._vocabulary_cache = np.concatenate([head, tokens.astype(np.int64)])
            else:
                full = np.empty(len(specials) + tokens.shape[0], dtype=object)
                full[: len(specials)] = specials
                full[len(specials) :] = tokens
                self._vocabulary_cache = full
        return self._vocabulary_cache

    def __getstate__(self):
        state = super().__getstate__()
        state.pop("_vocabulary_cache", None)
        return state

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
        full = self.vocabulary_
        return (full if include_special_tokens else full[self._token_start :]).tolist()

    def vocabulary_size(self) -> int:
        """Number of output indices, special slots included (Keras ``vocabulary_size``).

        Before ``fit`` this is the number of special slots (plus a given ``vocabulary``).

        Returns
        -------
        int
        """
        if hasattr(self, "_tokens"):
            return self._token_start + len(self._tokens)
        if self.vocabulary is not None:
            return self._token_start + len(self._given_vocabulary()[0])
        return self._token_start

    # -- transform --------------------------------------------------------------------------
    def _oov_buckets(self, tokens: pa.Array, k: int) -> np.ndarray:  # pragma: no cover
        raise NotImplementedError

    def _lookup(self, X, *, mask_index: int, chunks=None):
        """Forward lookup of ``X`` (or of already read ``chunks``), chunk by chunk."""
        chunks = self._chunks(X) if chunks is None else chunks
        out = None
        for sl, codes, shape in chunks:
            idx = self._lookup_codes(codes, shape, mask_index=mask_index)
            if out is None:
                n = len(X) if X is not None else None
                out = np.empty((n,) + shape[1:] if n is not None else shape, np.int64)
            out[sl] = idx
        return out

    def _lookup_codes(self, codes, shape, *, mask_index: int):
        idx = lookup_indices(
            codes,
            self._tokens,
            token_start=self._token_start,
            oov_start=self._oov_start,
            num_oov_indices=self.num_oov_indices,
            mask_token=self.mask_token,
            mask_index=mask_index,
            oov_buckets=self._oov_buckets,
        )
        return idx.reshape(shape)

    def _depth(self) -> int:
        return self.max_tokens if self.pad_to_max_tokens else self.vocabulary_size()

    def _encode(self, X, chunks=None):
        """Forward lookup, then the output mode's encoding."""
        mode = self._mode
        idx = self._lookup(X, mask_index=0 if mode == "int" else -1, chunks=chunks)
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
            or self.vocabulary is not None
            or self.n_jobs not in (None, 1)
        ):
            return self.fit(X).transform(X)
        self._keep_codes = True
        try:
            self.fit(X)
            chunks = self._kept_codes
        finally:
            self.__dict__.pop("_keep_codes", None)
            self.__dict__.pop("_kept_codes", None)
        X = X if isinstance(X, np.ndarray) or hasattr(X, "iloc") else np.asarray(X)
        return self._encode(X, chunks=chunks)

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
        idx = self._read_indices(X)
        full = self.vocabulary_
        valid = (idx >= 0) & (idx < full.shape[0])
        out = full[np.where(valid, idx, 0)] if full.shape[0] else np.empty(idx.shape, full.dtype)
        if not valid.all():
            out = out.copy() if out.base is not None else out
            out[~valid] = self.oov_token
        return out

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
            return self._lookup(X, mask_index=0)
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
        n_in = getattr(self, "n_features_in_", 1)
        if input_features is not None:
            names = [str(f) for f in input_features]
        elif hasattr(self, "feature_names_in_"):
            names = [str(f) for f in self.feature_names_in_]
        else:
            names = [f"x{i}" for i in range(n_in)]
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


def _cast_kind_type(kind: str):
    return pa.string() if kind == "string" else pa.int64()


def check_encoding(encoding) -> str:
    """The canonical name of a codec, or a ValueError naming ``encoding``."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise ValueError(f"Unknown `encoding`: {encoding!r}.") from None


def hash_buckets(strings: pa.Array, num_bins: int, salt=None) -> np.ndarray:
    """OOV buckets of string tokens: FarmHash Fingerprint64 (SipHash-2-4 with ``salt``) mod
    ``num_bins``, bit-exact with TF's ``StringToHashBucketFast`` / ``Strong``.

    The kernels live in :mod:`skprep.hashing.functional` (shared with ``Hashing``).
    """
    from ..hashing.functional import hash_to_bins

    return np.asarray(hash_to_bins(strings, num_bins, salt=salt), dtype=np.int64)
