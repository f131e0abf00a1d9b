"""TextVectorization: Keras's text -> token indices / multi-hot / counts / tf-idf layer."""

from __future__ import annotations

import codecs
import os
import warnings
from numbers import Integral

import numpy as np
import pyarrow as pa
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin

from .._config import check_feature_names_size, check_output_size
from ..base import AdaptMixin, AdaptState, is_batch_iterable
from ..lookup._vocabulary import (
    FittedVocabularyMixin,
    TokenBatch,
    VocabularyOptions,
    VocabularyState,
    check_vocabulary_params,
    encode_tokens,
)
from ..utils._dask import is_dask_collection, transform_dask
from ..utils._progress import progress
from ..utils._sklearn_compat import Interval, StrOptions, validate_data
from ..utils.encoding import encode_indices
from ..utils.validation import input_feature_names
from . import functional as F

__all__ = ["TextVectorization"]

_MODES = ("int", "one_hot", "multi_hot", "count", "tf_idf")
_ALIASES = {"binary": "multi_hot", "tf-idf": "tf_idf"}
_MASK, _OOV = "", "[UNK]"
#: Rows are tokenized and looked up in slices of about this many UTF-8 bytes, so temporary
#: memory is bounded by the slice, not by the corpus.
_CHUNK_BYTES = 1 << 21


def _chunks(arr: pa.Array, chunk_bytes: int | None = None):
    """Row ranges of ``arr`` holding about ``chunk_bytes`` (default ``_CHUNK_BYTES``) bytes
    each, at least one row each."""
    chunk_bytes = chunk_bytes or _CHUNK_BYTES
    offsets = F._parts(arr)[0]
    n = len(arr)
    if n == 0:
        return [(0, 0)]
    cuts = np.searchsorted(offsets, np.arange(chunk_bytes, offsets[-1], chunk_bytes))
    bounds = np.unique(np.concatenate([[0], cuts, [n]]).clip(0, n))
    return list(zip(bounds[:-1].tolist(), bounds[1:].tolist()))


def _encode_slices(texts: pa.Array, tokenize):
    """Yield ``(n_texts, row offsets, token codes)`` for each slice of ``texts``, in order.

    One slice at a time, in the calling thread: tokenizing slices ahead on the thread pool
    was ~10% faster but held two more slices' tokens at once, above the memory budget of
    the text benchmark (``doc/design.md``, "Text").
    """
    for start, stop in _chunks(texts):
        rows, values = F.token_parts(tokenize(texts.slice(start, stop - start)))
        yield stop - start, rows, encode_tokens(values, "string")


class _TextBatch:
    """A validated batch of texts, tokenized slice by slice when the state consumes it."""

    def __init__(self, texts: pa.Array, tokenize, track_documents: bool):
        self.texts = texts
        self.tokenize = tokenize
        self.track_documents = track_documents
        self.sink = None

    def keep_slices(self, sink: list) -> None:
        """Append each slice's (row offsets, token codes) to ``sink`` as it is counted, for
        ``fit_transform`` to map them without tokenizing the texts again."""
        self.sink = sink

    def token_batches(self):
        for n_texts, rows, codes in _encode_slices(self.texts, self.tokenize):
            if self.sink is not None:
                self.sink.append((rows, codes))
            doc_ids = None
            if self.track_documents:
                doc_ids = np.repeat(np.arange(n_texts, dtype=np.int64), np.diff(rows))
            yield TokenBatch(codes, doc_ids, n_texts)


class _TextVocabularyState(VocabularyState):
    """:class:`~skprep.lookup._vocabulary.VocabularyState` fed with whole batches of texts."""

    def update(self, batch) -> _TextVocabularyState:
        if isinstance(batch, _TextBatch):
            for token_batch in batch.token_batches():
                super().update(token_batch)
            return self
        return super().update(batch)


class TextVectorization(FittedVocabularyMixin, AdaptMixin, TransformerMixin, BaseEstimator):
    """Turn raw strings into token indices, multi-hot, count or tf-idf rows (Keras
    ``TextVectorization``).

    Each text goes through **standardize** (ASCII lowercasing, ASCII punctuation stripping)
    → **split** (ASCII whitespace or Unicode code points) → **n-grams** → **lookup** in a
    vocabulary learned by ``fit`` (Keras ``adapt``): tokens ordered by count, ties broken by
    token descending (UTF-8 bytes), index 0 the mask/padding (int mode), then the OOV slot
    ``"[UNK]"``. The rules are exactly Keras's (TensorFlow backend); see
    :mod:`skprep.text.functional`.

    Parameters
    ----------
    max_tokens : int, default=None
        Maximum vocabulary size *including* the special slots (``""`` and ``"[UNK]"`` in int
        mode, ``"[UNK]"`` otherwise). Must be greater than 1, and leave room for a token.
    standardize : {"lower_and_strip_punctuation", "lower", "strip_punctuation"}, callable \
or None, default="lower_and_strip_punctuation"
        A callable receives a 1-D NumPy ``StringDType`` array of texts (never a TensorFlow
        tensor) and returns an array-like of as many strings.
    split : {"whitespace", "character"}, callable or None, default="whitespace"
        ``None`` makes each whole (standardized) text one token. A callable receives a 1-D
        NumPy ``StringDType`` array and returns one sequence of ``str`` tokens per text (e.g.
        ``lambda x: np.char.split(x, ",")``); empty tokens are the mask token.
    ngrams : int or tuple of int, default=None
        ``n`` adds the n-grams of widths ``1..n``; a tuple gives the exact widths.
    output_mode : {"int", "multi_hot", "count", "tf_idf", "one_hot"}, default="int"
        ``"int"``: a dense int64 ``(n, length)`` matrix of token indices, right-padded with
        0. ``"multi_hot"``/``"count"``: one int64 row per text over the vocabulary (0/1 or
        counts). ``"tf_idf"``: counts times the learned idf (float32). ``"one_hot"``: only
        with ``split=None`` and no n-grams (one token per text). ``"binary"`` and ``"tf-idf"``
        are accepted aliases.
    output_sequence_length : int, default=None
        Int mode: truncate or pad every row to this many tokens. By default rows are padded
        to the longest text of each call (Keras's behaviour), so the number of output
        columns depends on the request; ``fit`` then warns, since an estimator downstream
        expects one width. Set it whenever the output feeds a scikit-learn model.
    pad_to_max_tokens : bool, default=False
        Encoded modes: output ``max_tokens`` columns whatever the vocabulary size.
    vocabulary : array-like of str or str path, default=None
        A fixed vocabulary (``fit`` then learns nothing), optionally starting with the special
        tokens, or the path of a file with one token per line.
    idf_weights : array-like of float, default=None
        With ``output_mode="tf_idf"`` and a ``vocabulary``: one weight per vocabulary entry.
    sparse : bool, default=True
        Encoded modes: return a SciPy CSR matrix (skprep's default, Keras's is dense; sparse
        tf-idf works). Ignored in int mode.
    ragged : bool, default=False
        Int mode: return an object array of int64 arrays, one per text (truncated to
        ``output_sequence_length`` if set, never padded).
    encoding : str, default="utf-8"
        Encoding used to decode ``bytes`` input and vocabulary files.
    n_jobs : int or None, default=1
        skprep addition. Threads for ``fit`` on one large in-memory corpus: chunks of texts
        are tokenized and counted in parallel (pyarrow releases the GIL) and their exact
        counts merged, so the vocabulary is identical. ``None`` means 1, ``-1`` all cores.
    verbose : int, default=0
        skprep addition. Show progress while fitting on an iterable of batches.

    Attributes
    ----------
    vocabulary_ : ndarray of object
        The full vocabulary indexed by output index (special slots first).
    idf_weights_ : ndarray of float32 or None
        tf_idf mode: one weight per output column (the OOV slot holds the mean idf).
    adapt_state_ : VocabularyState
        Exact, mergeable token counts (and document frequencies for tf-idf).
    n_features_in_ : int
        1 when fitted on a 2-D ``(n, 1)`` input (absent for 1-D input).
    feature_names_in_ : ndarray of str
        The column name of a one-column DataFrame input.

    See Also
    --------
    skprep.StringLookup : the vocabulary layer this one wraps.
    sklearn.feature_extraction.text.CountVectorizer : scikit-learn's bag of words.

    Notes
    -----
    Input: a 1-D array-like of ``str`` (as ``CountVectorizer`` takes), an ``(n, 1)`` array,
    a pandas Series or a one-column DataFrame (e.g. from ``ColumnTransformer``), or a
    pyarrow string array; ``bytes`` are decoded with ``encoding``. Missing values (``None``,
    ``NaN``) raise a ``ValueError`` and other non-strings a ``TypeError``. Differences from
    Keras: with ``split=None`` each text stays its own sequence for n-grams and
    ``output_sequence_length`` (Keras, given a 1-D batch, joins the batch into one n-gram
    sequence and truncates the *batch* axis); ``one_hot`` needs one token per text;
    ``max_tokens`` must leave room for one learned token; a given ``vocabulary`` makes the
    layer usable without ``fit``, and ``fit`` then only validates ``X``; a given
    ``vocabulary`` holding ``"[UNK]"`` after its special slots is refused (Keras keeps it as
    an ordinary token); int mode without ``output_sequence_length`` warns at ``fit``, since
    its output width follows each request.

    Examples
    --------
    >>> from skprep import TextVectorization
    >>> texts = ["The Brain is wider than the Sky", "For put them side by side",
    ...          "The one the other will contain", "With ease and You beside"]
    >>> layer = TextVectorization().fit(texts)
    >>> layer.transform(["The Brain is deeper than the sea"])
    array([[ 2, 19, 14,  1,  9,  2,  1]])
    >>> layer.get_vocabulary()[:5]
    ['', '[UNK]', 'the', 'side', 'you']
    >>> bow = TextVectorization(output_mode="count", sparse=False).fit(["a b b", "c"])
    >>> bow.transform(["b b q"])
    array([[1, 2, 0, 0]])
    """

    _parameter_constraints = {
        "max_tokens": [Interval(Integral, 2, None, closed="left"), None],
        "standardize": [
            StrOptions({"lower_and_strip_punctuation", "lower", "strip_punctuation"}),
            callable,
            None,
        ],
        "split": [StrOptions({"whitespace", "character"}), callable, None],
        "ngrams": [Interval(Integral, 1, None, closed="left"), tuple, None],
        "output_mode": [StrOptions(set(_MODES) | set(_ALIASES))],
        "output_sequence_length": [Interval(Integral, 0, None, closed="left"), None],
        "pad_to_max_tokens": ["boolean"],
        "vocabulary": ["array-like", str, os.PathLike, pa.Array, pa.ChunkedArray, None],
        "idf_weights": ["array-like", None],
        "sparse": ["boolean"],
        "ragged": ["boolean"],
        "encoding": [str],
        "n_jobs": [Integral, None],
        "verbose": ["verbose"],
    }

    def __init__(
        self,
        max_tokens=None,
        standardize="lower_and_strip_punctuation",
        split="whitespace",
        ngrams=None,
        output_mode="int",
        output_sequence_length=None,
        pad_to_max_tokens=False,
        vocabulary=None,
        idf_weights=None,
        sparse=True,
        ragged=False,
        encoding="utf-8",
        n_jobs=1,
        verbose=0,
    ):
        self.max_tokens = max_tokens
        self.standardize = standardize
        self.split = split
        self.ngrams = ngrams
        self.output_mode = output_mode
        self.output_sequence_length = output_sequence_length
        self.pad_to_max_tokens = pad_to_max_tokens
        self.vocabulary = vocabulary
        self.idf_weights = idf_weights
        self.sparse = sparse
        self.ragged = ragged
        self.encoding = encoding
        self.n_jobs = n_jobs
        self.verbose = verbose

    # -- parameters -------------------------------------------------------------------------
    @property
    def _mode(self) -> str:
        return _ALIASES.get(self.output_mode, self.output_mode)

    @property
    def _token_start(self) -> int:
        return 2 if self._mode == "int" else 1

    def _width_follows_request(self) -> bool:
        """Int mode without a fixed length: each call pads to its own longest text."""
        return (
            self._mode == "int"
            and self.output_sequence_length is None
            and not self.ragged
            and not self._scalar_tokens
        )

    @property
    def _scalar_tokens(self) -> bool:
        """One token per text: the whole standardized string."""
        return self.split is None and self.ngrams is None

    def _check_params(self) -> None:
        """Keras's cross-parameter rules (the per-parameter ones are declarative)."""
        F.ngram_widths(self.ngrams)
        mode = self._mode
        if mode != "int" and self.output_sequence_length is not None:
            raise ValueError(
                "`output_sequence_length` must not be set if `output_mode` is not 'int'. "
                f"Received output_sequence_length={self.output_sequence_length}."
            )
        if self.ragged and mode != "int":
            raise ValueError(
                "`ragged` can only be true if `output_mode` is 'int'. Received: "
                f"ragged={self.ragged} and output_mode={self.output_mode!r}"
            )
        if mode == "one_hot" and not self._scalar_tokens:
            raise ValueError(
                "output_mode='one_hot' encodes one token per text, so it needs split=None and "
                "ngrams=None (Keras returns a ragged (n, tokens, depth) tensor otherwise). Use "
                "'multi_hot' or 'count' for a bag of tokens per text."
            )
        try:
            codecs.lookup(self.encoding)
        except LookupError:
            raise ValueError(f"Unknown `encoding`: {self.encoding!r}.") from None
        check_vocabulary_params(
            max_tokens=self.max_tokens,
            pad_to_max_tokens=self.pad_to_max_tokens,
            token_start=self._token_start,
            mode=mode,
            vocabulary=self.vocabulary,
            idf_weights=self.idf_weights,
        )

    def _layout(self) -> dict:
        """The vocabulary of Keras's wrapped ``StringLookup(mask_token="", oov_token="[UNK]")``."""
        return dict(
            kind="string",
            mask_token=_MASK,
            oov_token=_OOV,
            num_oov_indices=1,
            mask_slot=self._mode == "int",
        )

    def _encoding(self) -> str:
        return self.encoding

    # -- input ------------------------------------------------------------------------------
    def _read_texts(self, X, reset: bool) -> tuple[pa.Array, int]:
        """Validate ``X`` and return (texts as an Arrow array, input rank)."""
        if isinstance(X, (str, bytes)):
            raise ValueError(
                "TextVectorization expects a 1-D collection of texts; got a single string. "
                "Wrap it in a list: [text]."
            )
        if sp.issparse(X):
            raise TypeError("TextVectorization expects texts, not a sparse matrix.")
        if isinstance(X, (pa.Array, pa.ChunkedArray)):
            ndim = 1
        elif hasattr(X, "iloc"):
            ndim = X.ndim
        elif isinstance(X, np.ndarray):
            ndim = X.ndim
        else:
            X = list(X)
            ndim = 2 if X and not isinstance(X[0], (str, bytes)) and _is_row(X[0]) else 1
            if ndim == 2:
                X = np.asarray(X, dtype=object)
                ndim = X.ndim
        if ndim > 2 or (ndim == 2 and X.shape[1] != 1):
            raise ValueError(
                "When using `TextVectorization` to tokenize strings, the input rank must be 1 "
                f"or the last shape dimension must be 1. Received: inputs.shape="
                f"{tuple(np.shape(X))} with rank={ndim}"
            )
        if ndim == 0:
            raise ValueError("TextVectorization expects a 1-D collection of texts.")
        validate_data(self, X, reset=reset, skip_check_array=True, ensure_2d=False)
        if reset:
            self._ndim_in_ = ndim
            if ndim == 2:
                self.n_features_in_ = 1
            elif hasattr(self, "n_features_in_"):
                del self.n_features_in_
        if ndim == 2:
            X = X.iloc[:, 0] if hasattr(X, "iloc") else np.asarray(X)[:, 0]
        texts = F.as_arrow_strings(X, encoding=self.encoding)
        if reset and len(texts) == 0:
            raise ValueError(
                "Found array with 0 sample(s) (shape=(0,)) while a minimum of 1 is required "
                "by TextVectorization."
            )
        return texts, ndim

    def _tokenize(self, texts: pa.Array):
        return F.tokenize_arrow(
            texts,
            standardize=self.standardize,
            split=self.split,
            ngrams=self.ngrams,
            encoding=self.encoding,
        )

    # -- adapt ------------------------------------------------------------------------------
    def _adapt_params(self) -> dict:
        params = super()._adapt_params()
        for name in ("sparse", "ragged", "output_sequence_length"):
            params.pop(name)
        return params

    def _new_adapt_state(self) -> AdaptState:
        self._check_params()
        tf_idf = self._mode == "tf_idf"
        options = VocabularyOptions(
            special_tokens=(_MASK, _OOV),
            max_tokens=self.max_tokens,
            token_start=self._token_start,
            pad_to_max_tokens=self.pad_to_max_tokens,
            idf=tf_idf,
        )
        return _TextVocabularyState("string", track_documents=tf_idf, options=options)

    def _prepare_adapt_batch(self, X, reset: bool):
        texts, _ = self._read_texts(X, reset=reset)
        if reset and self._width_follows_request():
            warnings.warn(
                "TextVectorization(output_mode='int') without output_sequence_length pads "
                "each call's output to its longest text, so the number of output columns "
                "changes from one transform to the next and an estimator fitted on one width "
                "fails on another. Set output_sequence_length=<n> for a fixed width (rows "
                "are padded or truncated to it), or ragged=True for one array per text.",
                UserWarning,
                stacklevel=5,
            )
        return _TextBatch(texts, self._tokenize, self._mode == "tf_idf")

    # -- fitted vocabulary ------------------------------------------------------------------
    def get_vocabulary(self, include_special_tokens=True) -> list:
        """The vocabulary as a list indexed by output index (Keras ``get_vocabulary``).

        Parameters
        ----------
        include_special_tokens : bool, default=True
            Include ``""`` (int mode) and ``"[UNK]"`` at the front; if False, only the
            learned tokens.

        Returns
        -------
        list of str
        """
        if hasattr(self, "_vocab"):
            return self._vocab.get_vocabulary(include_special_tokens)
        if self.vocabulary is not None:
            return self._given_vocabulary().get_vocabulary(include_special_tokens)
        return [_MASK, _OOV][2 - self._token_start :] if include_special_tokens else []

    # -- transform --------------------------------------------------------------------------
    def _encoded_slices(self, texts: pa.Array):
        # verbose: a transform of several slices (~2 MB of text each) reports its progress.
        n_slices = len(_chunks(texts)) if self.verbose else 0
        slices = progress(
            _encode_slices(texts, self._tokenize),
            enabled=n_slices > 1,
            desc=f"{type(self).__name__}.transform",
            total=n_slices,
            unit="slice",
        )
        for _, rows, codes in slices:
            yield rows, codes

    def _indices(self, slices) -> tuple[np.ndarray, np.ndarray]:
        """Token indices of every text: (row offsets, flat indices).

        ``slices`` yields (row offsets, token codes) per slice of texts; the indices are int32
        while they fit (they are gathered for the whole batch, so their size matters).
        """
        row_parts, index_parts, n_tokens = [np.zeros(1, np.int64)], [], 0
        small = self._depth() < 2**31
        keep_first = self.output_sequence_length if self._mode == "int" else None
        for rows, codes in slices:
            idx = self._vocab.lookup(codes)
            if keep_first is not None:  # only the first tokens of each row are ever output
                rows, idx = _truncate_rows(rows, idx, keep_first)
            row_parts.append(rows[1:] + n_tokens)
            index_parts.append(idx.astype(np.int32) if small else idx)
            n_tokens += idx.size
        idx = np.concatenate(index_parts) if len(index_parts) != 1 else index_parts[0]
        del index_parts
        return np.concatenate(row_parts), idx

    def transform(self, X):
        """Vectorize texts (calling the Keras layer).

        Parameters
        ----------
        X : array-like of str, shape (n,) or (n, 1)
            Texts: list, NumPy array, pandas Series / one-column DataFrame or pyarrow array.
            A Dask collection gives a lazy ``dask.array`` (int mode needs
            ``output_sequence_length`` so that every partition has the same width).

        Returns
        -------
        ndarray or scipy.sparse.csr_matrix
            int mode: int64 ``(n, output_sequence_length)``, or ``(n, longest)`` padded with 0
            (``split=None``: the input's shape); ``ragged=True``: an object array of int64
            arrays. multi_hot/count: int64 ``(n, depth)``; tf_idf: float32 ``(n, depth)``;
            CSR unless ``sparse=False``. ``depth`` is ``max_tokens`` with
            ``pad_to_max_tokens``, else the vocabulary size.
        """
        self._ensure_fitted()
        if is_dask_collection(X):
            return transform_dask(self.transform, X)
        texts, ndim = self._read_texts(X, reset=False)
        return self._output(self._indices(self._encoded_slices(texts)), ndim)

    def fit_transform(self, X, y=None):
        """Fit on ``X`` and vectorize it: the same result as ``fit(X).transform(X)``, but
        each text is tokenized and hashed once.

        Parameters
        ----------
        X : array-like of str, shape (n,) or (n, 1)
        y : None
            Ignored.

        Returns
        -------
        ndarray or scipy.sparse.csr_matrix
            See :meth:`transform`.
        """
        if (
            self._state_is_given()
            or is_batch_iterable(X)
            or is_dask_collection(X)
            or self.n_jobs not in (None, 1)
        ):
            return self.fit(X).transform(X)
        slices = []
        self._fit_keeping(X, on_prepared=lambda batch: batch.keep_slices(slices))
        return self._output(self._indices(_drain(slices)), self._ndim_in_)

    def _output(self, rows_and_indices, ndim: int):
        rows, idx = rows_and_indices
        if self._mode == "int":
            return self._int_output(rows, idx, ndim)
        if self._mode == "one_hot":
            return encode_indices(idx, self._depth(), "one_hot", sparse=self.sparse, dtype=np.int64)
        return encode_indices(
            idx,
            self._depth(),
            self._mode,
            sparse=self.sparse,
            dtype=np.int64,
            idf=self.idf_weights_,
            row_splits=rows,
        )

    def _int_output(self, rows: np.ndarray, idx: np.ndarray, ndim: int):
        n = rows.size - 1
        length = self.output_sequence_length  # rows are already truncated to it
        if self.ragged:
            idx = idx.astype(np.int64, copy=False)
            out = np.empty(n, dtype=object)
            out[:] = [idx[a:b] for a, b in zip(rows[:-1].tolist(), rows[1:].tolist())]
            return out
        if self._scalar_tokens and length is None:
            return idx.reshape((n,) if ndim == 1 else (n, 1)).astype(np.int64, copy=False)
        lengths = np.diff(rows)
        if length is None:
            length = int(lengths.max()) if n else 0
        check_output_size(
            (n, length),
            np.int64,
            "TextVectorization int output (every row padded to the longest)",
            hint="Set output_sequence_length to truncate/pad to a fixed length, or ragged=True.",
        )
        out = np.zeros((n, length), dtype=np.int64)
        # flat output position of every token: row * length + position in the row
        dest = np.repeat(np.arange(n, dtype=np.int64) * length - rows[:-1], lengths)
        dest += np.arange(idx.size, dtype=np.int64)
        out.ravel()[dest] = idx
        return out

    def get_feature_names_out(self, input_features=None):
        """Output feature names.

        Encoded modes: the vocabulary, one name per column (``"[UNK]"`` first, padding
        columns ``<pad_j>``). Int mode with ``output_sequence_length=S``:
        ``<feature>_0 .. <feature>_{S-1}`` where ``<feature>`` is the input column's name
        (``textvectorization`` for unnamed input).

        Parameters
        ----------
        input_features : array-like of str or None, default=None
            Input column names; None uses ``feature_names_in_`` (or generic names).

        Returns
        -------
        ndarray of str (object)
        """
        self._ensure_fitted()
        names = input_feature_names(self, input_features)
        if names is not None and len(names) != 1:
            raise ValueError(
                "TextVectorization reads one column of texts; input_features must hold one "
                f"name, got {len(names)}."
            )
        if self._mode != "int":
            check_feature_names_size(self._depth(), type(self).__name__)
            names = [str(t) for t in self.vocabulary_]
            names += [f"<pad_{j}>" for j in range(len(names), self._depth())]
            return np.asarray(names, dtype=object)
        named = input_features is not None or hasattr(self, "feature_names_in_")
        prefix = str(names[0]) if named else "textvectorization"
        if self._scalar_tokens and self.output_sequence_length is None:
            return np.asarray([prefix], dtype=object)
        if self.output_sequence_length is None or self.ragged:
            raise ValueError(
                "In int mode the number of output columns depends on the longest text of each "
                "batch; set output_sequence_length to get fixed, named columns."
            )
        return np.asarray(
            [f"{prefix}_{i}" for i in range(self.output_sequence_length)], dtype=object
        )

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.one_d_array = True
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.transformer_tags.preserves_dtype = []
        return tags


def _truncate_rows(rows: np.ndarray, values: np.ndarray, length: int):
    """Keep the first ``length`` values of each row (rows given by offsets)."""
    lengths = np.diff(rows)
    if not lengths.size or lengths.max() <= length:
        return rows, values
    position = np.arange(values.size, dtype=np.int64) - np.repeat(rows[:-1], lengths)
    new_rows = np.zeros_like(rows)
    np.cumsum(np.minimum(lengths, length), out=new_rows[1:])
    return new_rows, values[position < length]


def _drain(items: list):
    """Yield and forget the items of a list (each is freed once consumed)."""
    items.reverse()
    while items:
        yield items.pop()


def _is_row(x) -> bool:
    return isinstance(x, (list, tuple, np.ndarray))
