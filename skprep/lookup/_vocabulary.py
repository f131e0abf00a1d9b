"""Vocabulary machinery shared by StringLookup, IntegerLookup and TextVectorization.

Everything here is vectorised with :mod:`pyarrow.compute` (hash-based dictionary encoding,
``index_in``, ``group_by``) and NumPy; no Python loop runs per token. The code is generic over
two token *kinds*: ``"string"`` (UTF-8 text, compared as raw bytes) and ``"int"`` (int64).

The API, in the order a layer uses it:

:func:`encode_tokens` (values, kind) -> :class:`TokenCodes`
    Turn a flat batch of tokens (NumPy ``str``/``object``/``bytes``/int array, Python list,
    pyarrow ``Array``/``ChunkedArray``, including dictionary arrays such as pandas
    categoricals) into ``(dictionary, codes)``: the distinct tokens and, per input token, its
    position in ``dictionary``. Missing values (``None``, ``NaN``, ``pd.NA``) raise a
    ``ValueError`` naming what was found. Both counting and lookup start from this, so the
    input is hashed once. Layers read large inputs in chunks (``_index_lookup._CHUNK_TOKENS``)
    and encode each chunk, which bounds the temporaries.

:class:`VocabularyState` (an :class:`~skprep.base.AdaptState`)
    Exact token counts -- and, when ``track_documents=True``, document frequencies and the
    number of documents, for tf-idf. ``update(batch)`` takes a :class:`TokenBatch` (or a bare
    array of tokens, each its own document, or a list of :class:`TokenBatch` -- the chunks of
    one batch), ``merge(other)`` adds counts, so any split of the
    data into batches and any merge tree gives the same counts. ``finalize()`` applies
    :func:`build_vocabulary` with the state's :class:`VocabularyOptions`.

:func:`build_vocabulary` (tokens, counts, ...) -> (vocabulary, idf)
    Keras's ``finalize_state``: drop the special tokens that occur in the data, order by
    count descending with ties broken by token *descending* (UTF-8 bytes / numeric), keep
    ``max_tokens - token_start`` tokens, and compute ``idf = ln(1 + N / (1 + df))`` front-
    padded with ``token_start`` copies of the mean idf (the OOV slots) and, with
    ``pad_to_max_tokens``, back-padded with zeros to ``max_tokens``.

:func:`lookup_indices` (codes, vocabulary, ...) -> int64 ndarray
    Token -> output index with Keras's layout ``[mask?][OOV x k][tokens]``: in-vocabulary
    tokens map to ``token_start + position``, the mask token to ``mask_index``, OOV tokens to
    ``oov_start`` (one OOV slot), ``oov_start + oov_buckets(tokens)`` (several) or a
    ``ValueError`` (none). Only the *distinct* input tokens are looked up and hashed.

The fitted result is one :class:`Vocabulary` object -- the learned tokens, Keras's index
layout ``[mask?][OOV x k][tokens]``, idf weights and OOV hashing -- built from a finished
state (:meth:`Vocabulary.from_state`) or from a given vocabulary or file
(:meth:`Vocabulary.from_given`, Keras's ``set_vocabulary`` rules). ``StringLookup``,
``IntegerLookup`` and ``TextVectorization`` hold one (through :class:`FittedVocabularyMixin`)
and delegate every mapping to it: :meth:`Vocabulary.lookup` (tokens -> int64 indices) and
:meth:`Vocabulary.tokens_at` (indices -> tokens). It pickles as plain NumPy data (int64
tokens, or the UTF-8 bytes and offsets of string tokens), so a fitted million-token layer
dumps and loads quickly and ``skops.io`` needs to trust no pyarrow type; the pyarrow array
used for lookups is rebuilt on first use. No hash index is kept -- each lookup hashes
whichever of the two sides is smaller.

Examples
--------
>>> import numpy as np
>>> state = VocabularyState("string", track_documents=True)
>>> _ = state.update(TokenBatch(np.array(["a", "c", "d", "d", "z", "b"]),
...                             doc_ids=np.array([0, 0, 0, 1, 1, 1]), n_documents=2))
>>> vocab, idf = build_vocabulary(*state.counts(), token_start=1)
>>> vocab.to_pylist()
['d', 'z', 'c', 'b', 'a']
>>> lookup_indices(encode_tokens(["a", "q", "d"], "string"), vocab, token_start=1,
...                oov_start=0, num_oov_indices=1).tolist()
[5, 0, 1]
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .._config import check_feature_names_size
from ..base import AdaptState
from ..utils.encoding import unique_ints
from ..utils.validation import check_arrow

__all__ = [
    "KINDS",
    "FittedVocabularyMixin",
    "TokenBatch",
    "TokenCodes",
    "Vocabulary",
    "VocabularyOptions",
    "VocabularyState",
    "build_vocabulary",
    "check_vocabulary_params",
    "encode_tokens",
    "hash_buckets",
    "inverse_document_frequency",
    "lookup_indices",
    "read_vocabulary_file",
    "to_token_array",
]

#: The two token kinds: UTF-8 strings and 64-bit integers.
KINDS = ("string", "int")

_ARROW_TYPE = {"string": pa.string(), "int": pa.int64()}


# -- input conversion --------------------------------------------------------------------------
class TokenCodes(NamedTuple):
    """A batch of tokens as ``dictionary[codes]``.

    Attributes
    ----------
    dictionary : pyarrow.Array
        The distinct tokens (``string`` or ``int64``), in first-seen order.
    codes : ndarray of int
        Per input token, its position in ``dictionary`` (flat, input order).
    """

    dictionary: pa.Array
    codes: np.ndarray


def _missing_error(what: str) -> ValueError:
    return ValueError(
        f"Input contains missing values ({what}). Lookup layers do not map missing values; "
        "fill them first, e.g. with sklearn.impute.SimpleImputer(strategy='constant', "
        "fill_value='missing'), or map them to a token of your own."
    )


def _describe_missing(values) -> str:
    """Name the kinds of missing value in an object array (for the error message)."""
    found = []
    flat = np.asarray(values, dtype=object).ravel()
    if any(v is None for v in flat[:100_000]):
        found.append("None")
    try:
        import pandas as pd

        if any(v is pd.NA for v in flat[:100_000]):
            found.append("pd.NA")
        if any(v is pd.NaT for v in flat[:100_000]):
            found.append("NaT")
    except ImportError:  # pragma: no cover - pandas is optional
        pass
    if any(isinstance(v, float) and v != v for v in flat[:100_000]):
        found.append("NaN")
    return ", ".join(found) or "null"


def _from_numpy(values: np.ndarray, kind: str) -> pa.Array:
    values = values.ravel()
    k = values.dtype.kind
    if kind == "int":
        if k not in "iub":
            raise TypeError(f"Expected integer tokens; got an array of dtype {values.dtype}.")
        return pa.array(values.astype(np.int64, copy=False))
    if k == "U":
        return pa.array(values, type=pa.string())
    if k == "S":
        return pa.array(values, type=pa.binary())
    if k == "O":
        try:
            arr = pa.array(values, from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            types = sorted({type(v).__name__ for v in values[:100_000]})
            raise TypeError(
                f"Expected string tokens; got an object array mixing types {types}."
            ) from exc
        if arr.null_count:
            raise _missing_error(_describe_missing(values))
        if pa.types.is_null(arr.type) and len(arr):
            raise _missing_error(_describe_missing(values))
        return arr
    raise TypeError(f"Expected string tokens; got an array of dtype {values.dtype}.")


def to_token_array(values, kind: str) -> pa.Array:
    """Convert a flat batch of tokens to a pyarrow array of the kind's type.

    Parameters
    ----------
    values : array-like or pyarrow.Array or pyarrow.ChunkedArray
        Tokens; any shape is flattened (row-major). Byte strings are decoded as UTF-8.
    kind : {"string", "int"}

    Returns
    -------
    pyarrow.Array
        ``string`` or ``int64``, without nulls (a dictionary array is decoded).

    Raises
    ------
    ValueError
        If a value is missing (``None``, ``NaN``, ``pd.NA``) or bytes are not valid UTF-8.
    TypeError
        If the values are not tokens of ``kind``.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}; got {kind!r}.")
    check_arrow(values, "vocabulary")
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if not isinstance(values, pa.Array):
        values = np.asarray(values) if not isinstance(values, np.ndarray) else values
        values = _from_numpy(values, kind)
    if pa.types.is_dictionary(values.type):
        values = values.dictionary_decode()
    if values.null_count:
        raise _missing_error("null")
    return _cast_kind(values, kind)


def _cast_kind(values: pa.Array, kind: str) -> pa.Array:
    t = values.type
    if kind == "string":
        if pa.types.is_string(t):
            return values
        if pa.types.is_large_string(t) or pa.types.is_string_view(t):
            return values.cast(pa.string())
        if pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_binary_view(t):
            try:
                return values.cast(pa.string())
            except pa.ArrowInvalid as exc:
                raise ValueError("Byte-string tokens are not valid UTF-8.") from exc
        if pa.types.is_null(t) and len(values) == 0:
            return pa.array([], type=pa.string())
        raise TypeError(f"Expected string tokens; got values of type {t}.")
    if pa.types.is_integer(t) or pa.types.is_boolean(t):
        return values.cast(pa.int64())
    if pa.types.is_null(t) and len(values) == 0:
        return pa.array([], type=pa.int64())
    raise TypeError(f"Expected integer tokens; got values of type {t}.")


def encode_tokens(values, kind: str) -> TokenCodes:
    """Dictionary-encode a flat batch of tokens (hashing each token once).

    Parameters
    ----------
    values : array-like or pyarrow.Array or pyarrow.ChunkedArray
        Tokens (see :func:`to_token_array`). A pyarrow dictionary array (e.g. from a pandas
        categorical) is used as is: its categories become the dictionary.
    kind : {"string", "int"}

    Returns
    -------
    TokenCodes

    Examples
    --------
    >>> codes = encode_tokens(["b", "a", "b"], "string")
    >>> codes.dictionary.to_pylist(), codes.codes.tolist()
    (['b', 'a'], [0, 1, 0])
    """
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if isinstance(values, pa.Array) and pa.types.is_dictionary(values.type):
        if values.null_count:
            raise _missing_error("null")
        dictionary = _cast_kind(values.dictionary, kind)
        codes = values.indices.to_numpy(zero_copy_only=False)
        return _unique_dictionary(dictionary, codes, kind)
    values = to_token_array(values, kind)
    encoded = pc.dictionary_encode(values)
    return TokenCodes(
        _cast_kind(encoded.dictionary, kind), encoded.indices.to_numpy(zero_copy_only=False)
    )


def _unique_dictionary(dictionary: pa.Array, codes: np.ndarray, kind: str) -> TokenCodes:
    """Make a dictionary's entries distinct (categories may repeat after a cast)."""
    encoded = pc.dictionary_encode(dictionary)
    if len(encoded.dictionary) == len(dictionary):
        return TokenCodes(dictionary, codes)
    remap = encoded.indices.to_numpy(zero_copy_only=False)
    return TokenCodes(_cast_kind(encoded.dictionary, kind), remap[codes])


# -- counting ---------------------------------------------------------------------------------
class TokenBatch(NamedTuple):
    """One batch for :meth:`VocabularyState.update`.

    Attributes
    ----------
    tokens : array-like, pyarrow.Array or TokenCodes
        Flat tokens.
    doc_ids : ndarray of int, optional
        Per token, the document (row) it belongs to, in ``[0, n_documents)``. Only used when
        the state tracks documents; ``None`` makes every token its own document.
    n_documents : int, optional
        Number of documents in the batch (documents without tokens count too). Defaults to
        ``doc_ids.max() + 1``, or ``len(tokens)`` without ``doc_ids``.
    """

    tokens: object
    doc_ids: np.ndarray | None = None
    n_documents: int | None = None


@dataclass(frozen=True)
class VocabularyOptions:
    """How :meth:`VocabularyState.finalize` builds the vocabulary (see
    :func:`build_vocabulary`)."""

    special_tokens: tuple = ()
    max_tokens: int | None = None
    token_start: int = 0
    pad_to_max_tokens: bool = False
    idf: bool = False


def _count_codes(codes: TokenCodes, doc_ids, n_documents, track_documents):
    n_dict = len(codes.dictionary)
    counts = np.bincount(codes.codes, minlength=n_dict).astype(np.int64)
    dictionary = codes.dictionary
    seen = counts > 0
    if not seen.all():  # unused dictionary entries (e.g. unused pandas categories)
        dictionary, counts = dictionary.filter(pa.array(seen)), counts[seen]
    columns = {"token": dictionary, "count": counts}
    n_docs = 0
    if track_documents:
        if doc_ids is None:
            df = counts.copy()  # each token its own document
            n_docs = len(codes.codes) if n_documents is None else int(n_documents)
        else:
            doc_ids = np.asarray(doc_ids, dtype=np.int64).ravel()
            if doc_ids.shape[0] != codes.codes.shape[0]:
                raise ValueError(
                    f"doc_ids has {doc_ids.shape[0]} entries for {codes.codes.shape[0]} tokens."
                )
            pairs = unique_ints(doc_ids * max(n_dict, 1) + codes.codes)
            df = np.bincount(pairs % max(n_dict, 1), minlength=n_dict).astype(np.int64)[seen]
            if n_documents is None:
                n_docs = int(doc_ids.max()) + 1 if doc_ids.size else 0
            else:
                n_docs = int(n_documents)
        columns["df"] = df
    return pa.table(columns), n_docs


def _sum_tables(tables: list[pa.Table]) -> pa.Table:
    if len(tables) == 1:
        return tables[0]
    table = pa.concat_tables(tables)
    value_cols = [c for c in table.column_names if c != "token"]
    grouped = table.group_by("token", use_threads=False).aggregate([(c, "sum") for c in value_cols])
    # group_by returns many chunks sharing large buffers: make each column one contiguous
    # array, so the state is small in memory and pickles (joblib) as flat buffers
    return grouped.rename_columns(["token"] + value_cols).combine_chunks()


class VocabularyState(AdaptState):
    """Exact, mergeable token counts (and document frequencies for tf-idf).

    Parameters
    ----------
    kind : {"string", "int"}
        Token kind.
    track_documents : bool, default=False
        Also count, per token, the number of documents containing it, and the number of
        documents (needed for tf-idf).
    options : VocabularyOptions, optional
        What :meth:`finalize` does with the counts.

    Notes
    -----
    Per-batch count tables are kept and summed (a pyarrow ``group_by``) every 16 batches
    and when read, so memory is bounded by the number of distinct tokens, not of rows.
    """

    _COMPACT_EVERY = 16

    def __init__(self, kind="string", *, track_documents=False, options=None):
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}; got {kind!r}.")
        self.kind = kind
        self.track_documents = bool(track_documents)
        self.options = options if options is not None else VocabularyOptions()
        self.n_batches = 0
        self.n_documents = 0
        self._tables: list[pa.Table] = []

    def _empty_table(self) -> pa.Table:
        cols = {"token": pa.array([], type=_ARROW_TYPE[self.kind]), "count": np.zeros(0, int)}
        if self.track_documents:
            cols["df"] = np.zeros(0, np.int64)
        return pa.table(cols)

    def update(self, batch) -> VocabularyState:
        """Count one batch: a :class:`TokenBatch`, :class:`TokenCodes`, bare tokens, or a
        list of :class:`TokenBatch` (the chunks of one batch)."""
        if isinstance(batch, list) and all(isinstance(b, TokenBatch) for b in batch):
            for part in batch:
                self._update_one(part)
            self.n_batches += 1
            return self
        self._update_one(batch)
        self.n_batches += 1
        return self

    def _update_one(self, batch) -> None:
        if not isinstance(batch, TokenBatch):
            batch = TokenBatch(batch)
        codes = batch.tokens
        if not isinstance(codes, TokenCodes):
            codes = encode_tokens(codes, self.kind)
        table, n_docs = _count_codes(codes, batch.doc_ids, batch.n_documents, self.track_documents)
        self._tables.append(table)
        self.n_documents += n_docs
        if len(self._tables) >= self._COMPACT_EVERY:
            self._compact()

    def merge(self, other: VocabularyState) -> VocabularyState:
        """Add ``other``'s counts to this state's."""
        self._check_mergeable(other)
        if other.kind != self.kind or other.track_documents != self.track_documents:
            raise ValueError(
                "Cannot merge vocabulary states of different kinds "
                f"({self.kind}/{self.track_documents} vs {other.kind}/{other.track_documents})."
            )
        self._tables.extend(other._tables)
        self.n_documents += other.n_documents
        self.n_batches += other.n_batches
        self._compact()
        return self

    def _compact(self) -> None:
        if self._tables:
            self._tables = [_sum_tables(self._tables)]

    def counts(self):
        """The exact counts seen so far.

        Returns
        -------
        tokens : pyarrow.Array
            Distinct tokens (no particular order).
        counts : ndarray of int64
            Occurrences of each token.
        doc_counts : ndarray of int64 or None
            Documents containing each token (``None`` unless ``track_documents``).
        n_documents : int
            Number of documents seen.
        """
        self._compact()
        table = self._tables[0] if self._tables else self._empty_table()
        tokens = table.column("token").combine_chunks()
        counts = table.column("count").to_numpy().astype(np.int64, copy=False)
        df = table.column("df").to_numpy().astype(np.int64) if self.track_documents else None
        return _cast_kind(tokens, self.kind), counts, df, self.n_documents

    def finalize(self) -> dict:
        """Build the vocabulary: ``{"vocabulary": pa.Array, "idf": ndarray or None}``."""
        tokens, counts, df, n_docs = self.counts()
        opts = self.options
        vocab, idf = build_vocabulary(
            tokens,
            counts,
            doc_counts=df if opts.idf else None,
            n_documents=n_docs,
            special_tokens=opts.special_tokens,
            max_tokens=opts.max_tokens,
            token_start=opts.token_start,
            pad_to_max_tokens=opts.pad_to_max_tokens,
        )
        return {"vocabulary": vocab, "idf": idf}

    def __getstate__(self):
        """Plain data only: the summed count table as NumPy arrays (tokens as in
        :class:`Vocabulary`); the pyarrow tables are rebuilt by ``__setstate__``."""
        self._compact()
        state = {k: v for k, v in self.__dict__.items() if k != "_tables"}
        table = self._tables[0] if self._tables else self._empty_table()
        state["counts_table"] = {
            name: (
                _plain_tokens(table.column(name).combine_chunks(), self.kind)
                if name == "token"
                else table.column(name).to_numpy().astype(np.int64, copy=False)
            )
            for name in table.column_names
        }
        return state

    def __setstate__(self, state):
        state = dict(state)
        columns = state.pop("counts_table")
        self.__dict__.update(state)
        table = pa.table(
            {
                name: _arrow_tokens(values, self.kind) if name == "token" else values
                for name, values in columns.items()
            }
        )
        self._tables = [table] if table.num_rows else []


# -- finalisation -----------------------------------------------------------------------------
def inverse_document_frequency(doc_counts, n_documents) -> np.ndarray:
    """Keras's idf: ``ln(1 + n_documents / (1 + doc_counts))`` (float64).

    Examples
    --------
    >>> inverse_document_frequency(np.array([1, 2]), 4).round(6).tolist()
    [1.098612, 0.847298]
    """
    doc_counts = np.asarray(doc_counts, dtype=np.float64)
    return np.log1p(float(n_documents) / (1.0 + doc_counts))


def _drop_special(tokens: pa.Array, counts, doc_counts, special_tokens):
    specials = [t for t in special_tokens if t is not None]
    if not specials or len(tokens) == 0:
        return tokens, counts, doc_counts
    keep = ~pc.is_in(tokens, value_set=pa.array(specials, type=tokens.type)).to_numpy(
        zero_copy_only=False
    )
    if keep.all():
        return tokens, counts, doc_counts
    tokens = tokens.filter(pa.array(keep))
    counts = counts[keep]
    doc_counts = None if doc_counts is None else doc_counts[keep]
    return tokens, counts, doc_counts


def build_vocabulary(
    tokens,
    counts,
    doc_counts=None,
    n_documents=0,
    *,
    special_tokens=(),
    max_tokens=None,
    token_start=0,
    pad_to_max_tokens=False,
):
    """Order counted tokens into a Keras vocabulary (and idf weights).

    Parameters
    ----------
    tokens : pyarrow.Array or array-like
        Distinct tokens.
    counts : ndarray of int
        Occurrences of each token.
    doc_counts : ndarray of int, optional
        Documents containing each token; when given, idf weights are returned.
    n_documents : int, default=0
        Number of documents (for idf).
    special_tokens : tuple, default=()
        Tokens never learned from data (mask and OOV tokens); ``None`` entries are ignored.
    max_tokens : int, optional
        Cap on the vocabulary size *including* the ``token_start`` special slots.
    token_start : int, default=0
        Number of special slots before the first learned token (mask + OOV indices).
    pad_to_max_tokens : bool, default=False
        Back-pad the idf weights with zeros to ``max_tokens``.

    Returns
    -------
    vocabulary : pyarrow.Array
        Learned tokens, most frequent first; ties by token descending.
    idf : ndarray of float32 or None
        ``token_start`` mean-idf slots, one idf per learned token, then zero padding.

    Examples
    --------
    >>> import numpy as np
    >>> vocab, _ = build_vocabulary(["a", "b", "c", "[UNK]"], np.array([2, 1, 2, 9]),
    ...                             special_tokens=("[UNK]",), max_tokens=3, token_start=1)
    >>> vocab.to_pylist()
    ['c', 'a']
    """
    if not isinstance(tokens, pa.Array):
        tokens = pa.array(np.asarray(tokens).ravel())
    counts = np.asarray(counts, dtype=np.int64)
    tokens, counts, doc_counts = _drop_special(tokens, counts, doc_counts, special_tokens)
    order = pc.sort_indices(
        pa.table({"count": counts, "token": tokens}),
        sort_keys=[("count", "descending"), ("token", "descending")],
    ).to_numpy()
    if max_tokens is not None:
        order = order[: max(int(max_tokens) - int(token_start), 0)]
    vocab = tokens.take(pa.array(order))
    if doc_counts is None:
        return vocab, None
    idf = inverse_document_frequency(np.asarray(doc_counts)[order], n_documents)
    idf = idf.astype(np.float32)
    # OOV slots get the mean idf of the vocabulary (Keras); with no token at all, Keras's
    # mean of nothing is NaN -- use the idf of a token in no document instead (finite).
    if idf.size:
        mean = np.float32(idf.mean(dtype=np.float32))
    else:
        mean = np.float32(inverse_document_frequency(np.zeros(1), n_documents)[0])
    parts = [np.full(int(token_start), mean, np.float32), idf]
    if pad_to_max_tokens and max_tokens is not None:
        parts.append(np.zeros(max(int(max_tokens) - int(token_start) - idf.size, 0), np.float32))
    return vocab, np.concatenate(parts)


# -- lookup -----------------------------------------------------------------------------------
def _positions_in(dictionary: pa.Array, vocabulary: pa.Array) -> np.ndarray:
    """For each dictionary entry, its position in ``vocabulary`` or -1 (hash the smaller)."""
    n_dict = len(dictionary)
    if n_dict == 0:
        return np.zeros(0, np.int64)
    if len(vocabulary) == 0:
        return np.full(n_dict, -1, np.int64)
    if n_dict <= len(vocabulary):
        # hash the dictionary, scan the vocabulary once
        hits = pc.index_in(vocabulary, value_set=dictionary)
        pos = np.full(n_dict, -1, np.int64)
        valid = hits.is_valid().to_numpy(zero_copy_only=False)
        where = np.flatnonzero(valid)
        pos[hits.filter(pa.array(valid)).to_numpy(zero_copy_only=False)] = where
        return pos
    hits = pc.index_in(dictionary, value_set=vocabulary)
    return hits.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)


def lookup_indices(
    codes: TokenCodes,
    vocabulary: pa.Array,
    *,
    token_start: int,
    oov_start: int,
    num_oov_indices: int,
    mask_token=None,
    mask_index: int = 0,
    oov_buckets: Callable[[pa.Array, int], np.ndarray] | None = None,
) -> np.ndarray:
    """Map tokens to output indices with Keras's ``[mask?][OOV x k][tokens]`` layout.

    Parameters
    ----------
    codes : TokenCodes
        The batch, from :func:`encode_tokens`.
    vocabulary : pyarrow.Array
        Learned tokens (without special slots), of the batch's kind.
    token_start : int
        Index of ``vocabulary[0]``.
    oov_start : int
        Index of the first OOV slot.
    num_oov_indices : int
        Number of OOV slots; 0 makes any OOV token an error.
    mask_token : optional
        Token mapped to ``mask_index`` (``None``: no mask).
    mask_index : int, default=0
        Output for the mask token (0 in int mode; -1, "dropped", in the encoded modes).
    oov_buckets : callable, optional
        ``oov_buckets(oov_tokens, num_oov_indices) -> ndarray`` of buckets in
        ``[0, num_oov_indices)``; required when ``num_oov_indices > 1``.

    Returns
    -------
    ndarray of int64
        Flat indices, one per token of the batch.

    Raises
    ------
    ValueError
        For OOV tokens when ``num_oov_indices == 0``.
    """
    pos = _positions_in(codes.dictionary, vocabulary)
    per_entry = np.where(pos >= 0, pos + token_start, -1)
    if mask_token is not None and len(codes.dictionary):
        is_mask = pc.equal(codes.dictionary, pa.scalar(mask_token, codes.dictionary.type))
        per_entry[is_mask.to_numpy(zero_copy_only=False)] = mask_index
        oov = (pos < 0) & ~is_mask.to_numpy(zero_copy_only=False)
    else:
        oov = pos < 0
    if oov.any():
        oov_entries = np.flatnonzero(oov)
        used = np.zeros(len(codes.dictionary), bool)
        used[codes.codes] = True
        oov_entries = oov_entries[used[oov_entries]]
        if oov_entries.size and num_oov_indices == 0:
            found = codes.dictionary.take(pa.array(oov_entries[:10])).to_pylist()
            raise ValueError(
                f"When `num_oov_indices=0` all inputs should be in vocabulary, found OOV "
                f"values {found}, consider setting `num_oov_indices=1`."
            )
        if num_oov_indices == 1:
            per_entry[oov_entries] = oov_start
        elif num_oov_indices > 1 and oov_entries.size:
            if oov_buckets is None:
                raise ValueError("oov_buckets is required when num_oov_indices > 1.")
            buckets = np.asarray(
                oov_buckets(codes.dictionary.take(pa.array(oov_entries)), num_oov_indices)
            )
            per_entry[oov_entries] = oov_start + buckets.astype(np.int64)
    return per_entry[codes.codes]


# -- the fitted vocabulary --------------------------------------------------------------------
def hash_buckets(strings: pa.Array, num_bins: int, salt=None) -> np.ndarray:
    """OOV buckets of string tokens: FarmHash Fingerprint64 (SipHash-2-4 with ``salt``) mod
    ``num_bins``, bit-exact with TF's ``StringToHashBucketFast`` / ``Strong``.

    The kernels live in :mod:`skprep.hashing.functional` (shared with ``Hashing``).
    """
    from ..hashing.functional import hash_to_bins

    return np.asarray(hash_to_bins(strings, num_bins, salt=salt), dtype=np.int64)


def _plain_tokens(tokens: pa.Array, kind: str):
    """Tokens as plain NumPy data: int64 values, or (int32 offsets, uint8 UTF-8 bytes) -- the
    two buffers of an Arrow string array, so saving and loading copy no Python objects."""
    if kind == "int":
        return np.asarray(tokens.to_numpy(zero_copy_only=False), dtype=np.int64)
    n = len(tokens)
    if n == 0:
        return np.zeros(1, np.int32), np.zeros(0, np.uint8)
    _, offsets, data = tokens.buffers()
    offsets = np.frombuffer(offsets, np.int32)[tokens.offset : tokens.offset + n + 1]
    data = np.frombuffer(data, np.uint8)[offsets[0] : offsets[-1]]
    return (offsets - offsets[0]).astype(np.int32), data


def _arrow_tokens(plain, kind: str) -> pa.Array:
    if kind == "int":
        return pa.array(plain, type=pa.int64())
    offsets, data = plain
    offsets = np.ascontiguousarray(offsets, dtype=np.int32)
    data = np.ascontiguousarray(data, dtype=np.uint8)
    return pa.StringArray.from_buffers(len(offsets) - 1, pa.py_buffer(offsets), pa.py_buffer(data))


class Vocabulary:
    """A fitted vocabulary: the learned tokens, Keras's index layout around them, and idf
    weights.

    Output indices are laid out as ``[mask?] [OOV x num_oov_indices] [tokens...]``.
    ``StringLookup``, ``IntegerLookup`` and ``TextVectorization`` hold one of these once
    fitted (or once given a ``vocabulary``) and delegate every token <-> index mapping to it.

    Parameters
    ----------
    tokens : array-like or pyarrow.Array
        The learned tokens, in index order, without the special slots.
    kind : {"string", "int"}, default="string"
    mask_token : str or int, optional
        The mask token (``None``: no mask). It maps to index 0 when ``mask_slot``, and is
        dropped (index -1) otherwise.
    oov_token : str or int, optional
        Placeholder for the OOV slots in :meth:`get_vocabulary` and :meth:`tokens_at`.
    num_oov_indices : int, default=1
        Number of OOV slots; 0 makes an OOV token an error in :meth:`lookup`.
    mask_slot : bool, default=False
        Whether index 0 is reserved for ``mask_token`` (Keras: int output mode with a mask).
    idf_weights : array-like of float, optional
        One weight per output index (special slots included), for tf-idf.
    oov_method : {"farmhash", "floormod"}, default="farmhash"
        How an OOV token picks one of several OOV slots: FarmHash Fingerprint64 of the token
        (of the decimal string for ints; SipHash-2-4 keyed by ``salt`` if set), or the
        integer token modulo ``num_oov_indices``.
    salt : int or (int, int), optional

    Notes
    -----
    A vocabulary pickles as plain data: NumPy arrays (int64 tokens, or the UTF-8 bytes and
    int32 offsets of the string tokens) and Python scalars. The pyarrow array used for
    lookups is an in-memory accelerator, built again on first use after loading.

    Examples
    --------
    >>> vocab = Vocabulary(["d", "z", "c"], mask_token="", oov_token="[UNK]", mask_slot=True)
    >>> vocab.get_vocabulary()
    ['', '[UNK]', 'd', 'z', 'c']
    >>> vocab.lookup(np.array(["c", "", "q"])).tolist()
    [4, 0, 1]
    >>> vocab.tokens_at(np.array([4, 1, 9])).tolist()
    ['c', '[UNK]', '[UNK]']
    """

    def __init__(
        self,
        tokens,
        *,
        kind: str = "string",
        mask_token=None,
        oov_token=None,
        num_oov_indices: int = 1,
        mask_slot: bool = False,
        idf_weights=None,
        oov_method: str = "farmhash",
        salt=None,
    ):
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {KINDS}; got {kind!r}.")
        self.kind = kind
        self.mask_token = mask_token
        self.oov_token = oov_token
        self.num_oov_indices = int(num_oov_indices)
        self.mask_slot = bool(mask_slot) and mask_token is not None
        self.idf_weights = None if idf_weights is None else np.asarray(idf_weights, np.float32)
        self.oov_method = oov_method
        self.salt = salt
        arrow = to_token_array(tokens, kind)
        self.token_data = _plain_tokens(arrow, kind)
        self._arrow, self._full = arrow, None

    @classmethod
    def from_state(cls, state: VocabularyState, **layout) -> Vocabulary:
        """The vocabulary a finished :class:`VocabularyState` implies (Keras
        ``finalize_state``); ``layout`` as for the constructor."""
        result = state.finalize()
        layout.setdefault("kind", state.kind)
        return cls(result["vocabulary"], idf_weights=result["idf"], **layout)

    @classmethod
    def from_given(
        cls,
        vocabulary,
        *,
        kind: str = "string",
        idf_weights=None,
        max_tokens=None,
        pad_to_max_tokens: bool = False,
        encoding: str = "utf-8",
        owner: str = "StringLookup",
        **layout,
    ) -> Vocabulary:
        """A vocabulary given as a parameter, checked with Keras's ``set_vocabulary`` rules.

        Parameters
        ----------
        vocabulary : array-like, pyarrow.Array or path
            Tokens, optionally starting with exactly the special tokens of the layout
            (``[mask]`` with a mask slot, then ``[oov_token] * num_oov_indices``), which are
            then recognised and stripped; or the path of a file with one token per line.
        kind : {"string", "int"}, default="string"
        idf_weights : array-like of float, optional
            tf-idf weights, one per entry of ``vocabulary``; front-padded with their mean for
            the special slots unless ``vocabulary`` starts with them.
        max_tokens : int, optional
            Cap on the size, special slots included.
        pad_to_max_tokens : bool, default=False
            Back-pad the idf weights with zeros to ``max_tokens``.
        encoding : str, default="utf-8"
            Decoding of byte strings and files.
        owner : str, default="StringLookup"
            Layer named in error messages.
        **layout
            As for the constructor (``mask_token``, ``oov_token``, ``num_oov_indices``,
            ``mask_slot``, ``oov_method``, ``salt``).

        Raises
        ------
        ValueError
            Empty or repeated vocabulary, a special token at an unexpected position, a
            vocabulary larger than ``max_tokens``, idf weights of the wrong shape, a bad file.

        Notes
        -----
        Keras accepts the OOV token among the tokens when not inverting, as an ordinary token
        (``["a", "[UNK]"]`` gives ``['[UNK]', 'a', '[UNK]']``); it is refused here, since
        the vocabulary would then name two indices alike.
        """
        probe = cls(pa.array([], type=_ARROW_TYPE[kind]), kind=kind, **layout)
        specials, token_start = probe._specials(), probe.token_start
        full, from_file = _given_tokens(vocabulary, kind, encoding, owner)
        found_special = False
        if from_file:
            if idf_weights is not None:
                raise ValueError(
                    "output_mode `'tf_idf'` does not support loading a vocabulary from file."
                )
            tokens = full
        else:
            head = full[:token_start].to_pylist() if len(full) >= token_start else None
            found_special = head == specials
            tokens = full[token_start:] if found_special else full
        repeated = _repeated(tokens)
        if repeated:
            raise ValueError(
                "The passed vocabulary has at least one repeated term. Please uniquify your "
                f"dataset. The repeated terms are: {repeated}"
            )
        for token, role in ((probe.mask_token, "mask"), (probe.oov_token, "OOV")):
            if token is None:
                continue
            hit = pc.index(tokens, pa.scalar(token, tokens.type)).as_py()
            if hit >= 0:
                raise ValueError(
                    f"Found reserved {role} token at unexpected location in `vocabulary`. "
                    "Note that passed `vocabulary` does not need to include the OOV and mask "
                    "tokens. Either remove all mask and OOV tokens, or include them only at "
                    f"the start of the vocabulary in precisely this order: {specials}. "
                    f"Received: {role.lower()}_token={token!r} at vocabulary index "
                    f"{hit + (token_start if found_special else 0)}"
                )
        size = token_start + len(tokens)
        if max_tokens is not None and size > max_tokens:
            raise ValueError(
                "Attempted to set a vocabulary larger than the maximum vocab size. Received "
                f"vocabulary size is {size}; `max_tokens` is {max_tokens}."
            )
        idf = None
        if idf_weights is not None:
            idf = _given_idf(idf_weights, len(full), 0 if found_special else token_start)
            if pad_to_max_tokens:
                idf = np.concatenate([idf, np.zeros(max(max_tokens - idf.shape[0], 0), np.float32)])
        return cls(tokens, kind=kind, idf_weights=idf, **layout)

    # -- persistence: plain data only ----------------------------------------------------------
    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._arrow, self._full = None, None

    # -- layout ----------------------------------------------------------------------------------
    @property
    def oov_start(self) -> int:
        """Index of the first OOV slot (1 with a mask slot, else 0)."""
        return 1 if self.mask_slot else 0

    @property
    def token_start(self) -> int:
        """Index of the first learned token."""
        return self.oov_start + self.num_oov_indices

    @property
    def n_tokens(self) -> int:
        """Number of learned tokens."""
        data = self.token_data
        return data.shape[0] if self.kind == "int" else data[0].shape[0] - 1

    @property
    def size(self) -> int:
        """Number of output indices, special slots included (Keras ``vocabulary_size``)."""
        return self.token_start + self.n_tokens

    def __len__(self) -> int:
        return self.size

    @property
    def tokens(self) -> pa.Array:
        """The learned tokens as a pyarrow array (built on first use)."""
        if self._arrow is None:
            self._arrow = _arrow_tokens(self.token_data, self.kind)
        return self._arrow

    def _specials(self) -> list:
        return [self.mask_token] * self.oov_start + [self.oov_token] * self.num_oov_indices

    def to_numpy(self) -> np.ndarray:
        """The full vocabulary indexed by output index: int64 (ints) or an object array of
        ``str`` (strings). Built once and cached; the caller must not modify it."""
        if self._full is None:
            check_feature_names_size(self.size, "Vocabulary", "vocabulary_")
            specials = self._specials()
            tokens = self.tokens.to_numpy(zero_copy_only=False)
            full = np.empty(len(specials) + tokens.shape[0], dtype=tokens.dtype)
            if self.kind == "string":
                full = full.astype(object)
            full[: len(specials)] = specials
            full[len(specials) :] = tokens
            self._full = full
        return self._full

    def get_vocabulary(self, include_special_tokens: bool = True) -> list:
        """The vocabulary as a list indexed by output index (Keras ``get_vocabulary``);
        only the learned tokens if ``include_special_tokens`` is False."""
        full = self.to_numpy()
        return (full if include_special_tokens else full[self.token_start :]).tolist()

    # -- mapping ---------------------------------------------------------------------------------
    def _oov_buckets(self, tokens: pa.Array, k: int) -> np.ndarray:
        if self.kind == "int":
            if self.oov_method == "floormod":
                return np.mod(tokens.to_numpy(zero_copy_only=False), k)
            tokens = pc.cast(tokens, pa.string())
        return hash_buckets(tokens, k, salt=self.salt)

    def lookup(self, tokens) -> np.ndarray:
        """Map tokens to output indices.

        Parameters
        ----------
        tokens : TokenCodes, array-like or pyarrow.Array
            A flat batch of tokens (any shape is flattened), or its :func:`encode_tokens`.

        Returns
        -------
        ndarray of int64
            One index per token: ``token_start + position`` in the vocabulary, 0 for the
            mask token with a mask slot (-1, "dropped", without), an OOV slot otherwise.

        Raises
        ------
        ValueError
            For OOV tokens when ``num_oov_indices == 0``.
        """
        codes = tokens if isinstance(tokens, TokenCodes) else encode_tokens(tokens, self.kind)
        return lookup_indices(
            codes,
            self.tokens,
            token_start=self.token_start,
            oov_start=self.oov_start,
            num_oov_indices=self.num_oov_indices,
            mask_token=self.mask_token,
            mask_index=0 if self.mask_slot else -1,
            oov_buckets=self._oov_buckets,
        )

    def tokens_at(self, indices) -> np.ndarray:
        """Map output indices back to tokens (Keras ``invert``).

        Index 0 gives the mask token when there is a mask slot; OOV slots, negative and
        out-of-range indices give ``oov_token``.

        Parameters
        ----------
        indices : ndarray of int

        Returns
        -------
        ndarray
            Of ``indices``' shape: object array of ``str`` (strings) or int64.
        """
        idx = np.asarray(indices, dtype=np.int64)
        full = self.to_numpy()
        valid = (idx >= 0) & (idx < full.shape[0])
        out = full[np.where(valid, idx, 0)] if full.shape[0] else np.empty(idx.shape, full.dtype)
        if not valid.all():
            out[~valid] = self.oov_token
        return out


# -- given vocabularies --------------------------------------------------------------------------
def read_vocabulary_file(path, kind: str, encoding: str = "utf-8") -> pa.Array:
    """Tokens of a vocabulary file, one per line (TF ``TextFileInitializer`` semantics:
    ``\\n`` or ``\\r\\n`` line ends, a final line end is optional, empty lines are an
    error)."""
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


def _given_tokens(vocabulary, kind: str, encoding: str, owner: str) -> tuple[pa.Array, bool]:
    """The ``vocabulary`` parameter as a flat token array; True if it came from a file."""
    if isinstance(vocabulary, (str, os.PathLike)):
        return read_vocabulary_file(vocabulary, kind, encoding), True
    arr = (
        vocabulary
        if isinstance(vocabulary, (pa.Array, pa.ChunkedArray))
        else np.asarray(vocabulary)
    )
    if isinstance(arr, np.ndarray) and arr.ndim != 1:
        raise ValueError(
            f"`vocabulary` must be 1-D (a list, tuple or array of tokens, or a file "
            f"path); got shape {arr.shape}."
        )
    if len(arr) == 0:
        raise ValueError(f"Cannot set an empty vocabulary. Received: vocabulary={vocabulary}")
    if isinstance(arr, np.ndarray) and kind == "int":
        from ._input import as_integer_tokens

        arr = as_integer_tokens(arr, f"{owner} `vocabulary`")
    if isinstance(arr, np.ndarray) and arr.dtype.kind == "S":
        arr = np.char.decode(arr, encoding)
    try:
        return to_token_array(arr, kind), False
    except (TypeError, ValueError) as exc:
        raise type(exc)(f"Invalid `vocabulary`: {exc}") from None


def _repeated(tokens: pa.Array) -> list:
    counts = pc.value_counts(tokens)
    rep = pc.filter(counts.field("values"), pc.greater(counts.field("counts"), 1))
    return rep.to_pylist()


def _given_idf(idf_weights, n_vocab: int, n_front: int) -> np.ndarray:
    """Check given idf weights; front-pad ``n_front`` copies of their mean (the special
    slots the given vocabulary did not include)."""
    idf = np.asarray(idf_weights, dtype=np.float64)
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
    if n_front:
        mean = np.float32(idf.mean(dtype=np.float32))
        idf = np.concatenate([np.full(n_front, mean, np.float32), idf])
    return idf


def check_vocabulary_params(
    *, max_tokens, pad_to_max_tokens, token_start, mode, vocabulary, idf_weights
) -> None:
    """Keras's cross-parameter rules shared by the lookup and text layers (messages as
    Keras's)."""
    if pad_to_max_tokens and max_tokens is None:
        raise ValueError(
            "If pad_to_max_tokens is True, must set `max_tokens`. Received: "
            f"max_tokens={max_tokens}"
        )
    if max_tokens is not None and max_tokens <= token_start:
        raise ValueError(
            f"`max_tokens`={max_tokens} leaves no room for learned tokens: the mask "
            f"and OOV slots already take {token_start} indices. Set max_tokens > "
            f"{token_start}."
        )
    if idf_weights is not None and mode != "tf_idf":
        raise ValueError(
            "`idf_weights` should only be set if `output_mode` is `'tf_idf'`. Received: "
            f"idf_weights={idf_weights} and output_mode={mode}"
        )
    if mode == "tf_idf" and vocabulary is not None and idf_weights is None:
        raise ValueError(
            "When specifying the `vocabulary` argument, in TF-IDF output mode, the "
            "`idf_weights` argument must also be provided."
        )


# -- the layers' side ----------------------------------------------------------------------------
class FittedVocabularyMixin:
    """What StringLookup, IntegerLookup and TextVectorization share once fitted: a
    :class:`Vocabulary` in ``_vocab``, learned (from ``adapt_state_``) or given (the
    ``vocabulary`` parameter, the layers' state parameter for
    :class:`~skprep.base.AdaptMixin`), and the accessors that read it.

    A layer provides ``_layout()`` (the :class:`Vocabulary` keyword arguments for its
    parameters), ``_encoding()``, ``_mode`` and ``_token_start``.
    """

    def _given_vocabulary(self) -> Vocabulary:
        """The ``vocabulary``/``idf_weights`` parameters (Keras ``set_vocabulary``)."""
        return Vocabulary.from_given(
            self.vocabulary,
            idf_weights=self.idf_weights if self._mode == "tf_idf" else None,
            max_tokens=self.max_tokens,
            pad_to_max_tokens=self.pad_to_max_tokens,
            encoding=self._encoding(),
            owner=type(self).__name__,
            **self._layout(),
        )

    _state_params = ("vocabulary",)

    def _given_state(self, X=None) -> dict:
        return {"_vocab": self._given_vocabulary()}

    def _finalize_state(self, state) -> dict:
        return {"_vocab": Vocabulary.from_state(state, **self._layout())}

    @property
    def vocabulary_(self) -> np.ndarray:
        """ndarray: the full vocabulary indexed by output index (special slots first): an
        object array of ``str``, or int64 for IntegerLookup. Built on first access."""
        if not hasattr(self, "_vocab"):
            raise AttributeError("vocabulary_")
        return self._vocab.to_numpy()

    @property
    def idf_weights_(self):
        """ndarray of float32 or None: tf_idf weights, one per output column."""
        if not hasattr(self, "_vocab"):
            raise AttributeError("idf_weights_")
        return self._vocab.idf_weights

    def vocabulary_size(self) -> int:
        """Number of output indices, special slots included (Keras ``vocabulary_size``).

        Before ``fit`` this is the number of special slots (plus a given ``vocabulary``).

        Returns
        -------
        int
        """
        if hasattr(self, "_vocab"):
            return self._vocab.size
        if self.vocabulary is not None:
            return self._given_vocabulary().size
        return self._token_start

    def _depth(self) -> int:
        """Width of the encoded modes' output."""
        return self.max_tokens if self.pad_to_max_tokens else self._vocab.size

    def __sklearn_is_fitted__(self) -> bool:
        return hasattr(self, "_vocab")
