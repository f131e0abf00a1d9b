"""Pure, vectorised text kernels of :class:`~skprep.TextVectorization`.

Every function works on whole arrays at once: strings are held in Apache Arrow
(``pyarrow``) arrays and the byte-level work (ASCII lowercasing, punctuation stripping,
whitespace and code-point splitting) is done by ``pyarrow.compute`` kernels or NumPy passes
over the UTF-8 byte buffer -- never by a Python loop over documents or tokens.

The rules are Keras's (TensorFlow backend), not Python's:

* ``"lower"`` lowercases the ASCII letters ``A-Z`` only (``"ÉCOLE"`` -> ``"École"``), like
  ``tf.strings.lower`` and ``bytes.lower`` -- not ``str.lower``.
* ``"strip_punctuation"`` deletes exactly the 32 ASCII punctuation characters
  :data:`PUNCTUATION` (Python's ``string.punctuation``); other punctuation (``¿ — “ ”``) stays.
* ``"whitespace"`` splits on runs of the six ASCII whitespace bytes :data:`WHITESPACE`
  (space, ``\\t \\n \\v \\f \\r``) and never yields empty tokens; U+00A0 and other Unicode
  spaces are *not* separators (``bytes.split()``, not ``str.split()``).
* ``"character"`` splits into Unicode code points (not graphemes); spaces are tokens too.
* n-grams are joined with a single space; a row's output lists all n-grams of the first
  width in order, then all of the second width, and so on. Sequences shorter than a width
  produce no n-gram of that width.

Functions given NumPy or Python input return NumPy object arrays (``standardize``) or NumPy
object arrays of token arrays (``split``, ``ngrams``, ``tokenize``); given ``pyarrow``
arrays they return ``pyarrow`` arrays (``large_string`` / ``large_list<large_string>``).
"""

from __future__ import annotations

import codecs
import string
from collections.abc import Callable, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..hashing.functional import is_view_type
from ..utils.validation import check_arrow

__all__ = [
    "PUNCTUATION",
    "WHITESPACE",
    "ngrams",
    "split",
    "standardize",
    "tokenize",
]

#: The characters ``"strip_punctuation"`` deletes: Keras's regex class, the 32 ASCII
#: punctuation characters (``string.punctuation``).
PUNCTUATION = string.punctuation
#: The separators of ``split="whitespace"``: the six ASCII whitespace bytes.
WHITESPACE = " \t\n\x0b\x0c\r"

STANDARDIZE_MODES = ("lower_and_strip_punctuation", "lower", "strip_punctuation")
SPLIT_MODES = ("whitespace", "character")

# PUNCTUATION is exactly the bytes 33-47, 58-64, 91-96 and 123-126; WHITESPACE is 9-13 and 32.
_PUNCT_RANGES = ((33, 47), (58, 64), (91, 96), (123, 126))
assert bytes(b for lo, hi in _PUNCT_RANGES for b in range(lo, hi + 1)).decode() == "".join(
    sorted(PUNCTUATION)
)


def _in_range(data: np.ndarray, lo: int, hi: int, scratch=None) -> np.ndarray:
    """``lo <= data <= hi`` for uint8 bytes in two passes (unsigned wrap-around)."""
    shifted = np.subtract(data, lo, dtype=np.uint8, out=scratch)
    return np.less_equal(shifted, hi - lo)


def _is_punctuation(data: np.ndarray, scratch=None) -> np.ndarray:
    scratch = np.empty_like(data) if scratch is None else scratch
    mask = _in_range(data, *_PUNCT_RANGES[0], scratch)
    for lo, hi in _PUNCT_RANGES[1:]:
        mask |= _in_range(data, lo, hi, scratch)
    return mask


def _is_space(data: np.ndarray, scratch=None) -> np.ndarray:
    mask = _in_range(data, 9, 13, scratch)
    mask |= data == 32
    return mask


def _is_word(data: np.ndarray, scratch=None) -> np.ndarray:
    """Bytes that are not ASCII whitespace."""
    word = _is_space(data, scratch)
    return np.logical_not(word, out=word)


def _compact(data: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """``data[keep]`` (Arrow's filter kernel is about twice as fast as NumPy's)."""
    return np.asarray(pc.filter(pa.array(data), pa.array(keep)))


_UTF8 = codecs.lookup("utf-8").name

Tokens = pa.LargeListArray


# --------------------------------------------------------------------------------------------
# Conversion between user input and Arrow arrays
# --------------------------------------------------------------------------------------------


def _first_bad_element(values, accept) -> tuple[int, object]:
    """Position and value of the first element ``accept`` rejects (error path only)."""
    for i, v in enumerate(values):
        if not accept(v):
            return i, v
    return -1, None  # pragma: no cover - only called after a failure


def _decode_binary(arr: pa.Array, encoding: str) -> pa.LargeStringArray:
    """Decode a binary Arrow array with ``encoding``; undecodable bytes raise ValueError."""
    if codecs.lookup(encoding).name == _UTF8:
        try:
            return pc.cast(arr, pa.large_string())
        except pa.ArrowInvalid:
            pass  # fall through to find and report the offending element
    values = arr.to_pylist()
    return pa.array(
        [None if v is None else _decode(v, i, encoding) for i, v in enumerate(values)],
        type=pa.large_string(),
    )


def _is_text(v) -> bool:
    nan = isinstance(v, float) and v != v
    return v is None or nan or isinstance(v, (str, bytes, np.str_, np.bytes_))


def _object_to_arrow(values, encoding: str) -> pa.Array:
    """Arrow array of a sequence of ``str`` (or ``bytes``) elements; anything else raises."""
    if codecs.lookup(encoding).name != _UTF8:
        values = [
            _decode(v, i, encoding) if isinstance(v, (bytes, np.bytes_)) else v
            for i, v in enumerate(values)
        ]
    try:
        # Arrow decodes bytes elements as UTF-8 and validates them.
        return pa.array(values, type=pa.large_string(), from_pandas=True)
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        pass
    pos, bad = _first_bad_element(values, _is_text)
    if pos >= 0:
        raise TypeError(
            f"Text input must contain strings (str, or bytes decoded with `encoding`); element "
            f"{pos} is {bad!r} of type {type(bad).__name__}. Convert the data to strings "
            "first, e.g. X.astype(str)."
        )
    for i, v in enumerate(values):  # error path: report the undecodable element
        if isinstance(v, (bytes, np.bytes_)):
            _decode(v, i, encoding)
    raise TypeError("Text input could not be converted to strings.")  # pragma: no cover


def _decode(value: bytes, pos: int, encoding: str) -> str:
    try:
        return value.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"Could not decode the bytes of element {pos} ({value[:40]!r}) with "
            f"encoding={encoding!r}: {exc.reason}. Pass the `encoding` of your data, or "
            "decode it yourself."
        ) from None


def as_arrow_strings(texts, *, encoding: str = "utf-8") -> pa.LargeStringArray:
    """Convert a 1-D collection of texts to an Arrow ``large_string`` array.

    Accepts a list/tuple, a 1-D NumPy array of ``str``/``bytes``/object, a pandas Series,
    or a ``pyarrow`` (chunked) array. ``bytes`` are decoded with ``encoding``. Missing
    values (``None``, ``NaN``) raise a ``ValueError``; other non-string elements a
    ``TypeError``.

    Examples
    --------
    >>> as_arrow_strings([b"caf\\xc3\\xa9", "Tea"]).to_pylist()
    ['café', 'Tea']
    """
    check_arrow(texts, "skprep.text")
    if isinstance(texts, pa.ChunkedArray):
        texts = texts.combine_chunks()
    if isinstance(texts, pa.Array):
        arr = texts
    elif hasattr(texts, "iloc"):  # pandas Series
        if texts.dtype == object:
            arr = _object_to_arrow(texts.to_numpy(), encoding)
        else:
            arr = pa.array(texts, from_pandas=True)
    elif isinstance(texts, (list, tuple)):
        arr = _object_to_arrow(texts, encoding)
    else:
        values = np.asarray(texts)
        if values.ndim != 1:
            raise ValueError(f"Expected a 1-D collection of texts; got shape {values.shape}.")
        if values.dtype.kind == "U":
            arr = pa.array(values, type=pa.large_string())
        elif values.dtype.kind == "S":
            arr = _decode_binary(pa.array(values, type=pa.large_binary()), encoding)
        elif values.dtype.kind == "T":  # StringDType
            arr = pa.array(values.astype(object), type=pa.large_string())
        elif values.dtype.kind != "O":
            raise TypeError(
                f"Text input must contain strings; got an array of dtype {values.dtype}. "
                "Convert it to strings first, e.g. X.astype(str)."
            )
        else:
            arr = _object_to_arrow(list(values), encoding)
    if pa.types.is_binary(arr.type) or pa.types.is_large_binary(arr.type):
        arr = _decode_binary(arr, encoding)
    elif pa.types.is_null(arr.type):
        arr = arr.cast(pa.large_string())
    elif is_view_type(arr.type):  # string_view / binary_view (pyarrow >= 16), as elsewhere
        binary = getattr(pa.types, "is_binary_view", lambda t: False)(arr.type)
        arr = arr.cast(pa.large_binary() if binary else pa.large_string())
        if binary:
            arr = _decode_binary(arr, encoding)
    elif not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        if pa.types.is_dictionary(arr.type):
            return as_arrow_strings(arr.cast(arr.type.value_type), encoding=encoding)
        raise TypeError(
            f"Text input must contain strings; got values of Arrow type {arr.type}. "
            "Convert the data to strings first."
        )
    if arr.null_count:
        pos = np.flatnonzero(np.asarray(arr.is_null()))[:5].tolist()
        raise ValueError(
            f"Text input contains missing values (None/NaN) at positions {pos}. Replace them "
            "with empty strings first, e.g. X.fillna('')."
        )
    arr = arr.cast(pa.large_string()) if pa.types.is_string(arr.type) else arr
    if arr.offset or (len(arr) and arr.buffers()[1] is not None and _parts(arr)[2]):
        arr = _from_parts(*_parts(arr)[:2])  # rebase a sliced array (offsets from 0)
    return arr


def _parts(arr: pa.Array):
    """(offsets rebased to 0, UTF-8 bytes, original first offset) of a ``large_string``
    array, without copying the bytes."""
    _, offsets_buf, data_buf = arr.buffers()
    offsets = np.frombuffer(offsets_buf, dtype=np.int64)[arr.offset : arr.offset + len(arr) + 1]
    if data_buf is None or not len(offsets) or offsets[-1] == offsets[0]:
        return np.zeros(len(arr) + 1, dtype=np.int64), np.zeros(0, dtype=np.uint8), 0
    data = np.frombuffer(data_buf, dtype=np.uint8)[offsets[0] : offsets[-1]]
    return offsets - offsets[0], data, int(offsets[0])


def _from_parts(offsets: np.ndarray, data: np.ndarray) -> pa.LargeStringArray:
    """A ``large_string`` array over ``data`` cut at ``offsets`` (no validation, no copy)."""
    offsets = np.ascontiguousarray(offsets, dtype=np.int64)
    data = np.ascontiguousarray(data, dtype=np.uint8)
    return pa.LargeStringArray.from_buffers(
        len(offsets) - 1, pa.py_buffer(offsets), pa.py_buffer(data)
    )


def _list_array(row_offsets: np.ndarray, values: pa.Array) -> Tokens:
    return pa.LargeListArray.from_arrays(
        pa.array(np.ascontiguousarray(row_offsets, dtype=np.int64), type=pa.int64()), values
    )


def token_parts(tokens: Tokens) -> tuple[np.ndarray, pa.LargeStringArray]:
    """(row offsets rebased to 0, flat token values) of a token list array."""
    offsets = np.asarray(tokens.offsets, dtype=np.int64)
    values = tokens.values.slice(offsets[0], offsets[-1] - offsets[0])
    return offsets - offsets[0], values


def _to_numpy_strings(arr: pa.Array) -> np.ndarray:
    """A NumPy ``StringDType`` array (what a user callable receives)."""
    return np.asarray(arr.to_numpy(zero_copy_only=False), dtype=object).astype(
        np.dtypes.StringDType()
    )


# --------------------------------------------------------------------------------------------
# Standardization
# --------------------------------------------------------------------------------------------


def _strip_punctuation(arr: pa.LargeStringArray) -> pa.LargeStringArray:
    offsets, data, _ = _parts(arr)
    drop = _is_punctuation(data)
    dropped_at = np.flatnonzero(drop)
    if not dropped_at.size:
        return arr
    # Punctuation is ASCII, so it never sits inside a multi-byte UTF-8 sequence.
    return _from_parts(offsets - np.searchsorted(dropped_at, offsets), _compact(data, ~drop))


def _call_standardize(fn: Callable, arr: pa.LargeStringArray, encoding: str):
    result = fn(_to_numpy_strings(arr))
    try:
        out = as_arrow_strings(result, encoding=encoding)
    except (TypeError, ValueError) as exc:
        raise TypeError(
            f"The `standardize` callable must return one string per input string; it returned "
            f"{type(result).__name__}: {exc}"
        ) from None
    if len(out) != len(arr):
        raise ValueError(
            f"The `standardize` callable returned {len(out)} strings for {len(arr)} inputs; "
            "it must return one string per input."
        )
    return out


def _standardize_arrow(arr, method, encoding="utf-8") -> pa.LargeStringArray:
    if method is None:
        return arr
    if callable(method):
        return _call_standardize(method, arr, encoding)
    if method in ("lower", "lower_and_strip_punctuation"):
        arr = pc.ascii_lower(arr)
    if method in ("strip_punctuation", "lower_and_strip_punctuation"):
        arr = _strip_punctuation(arr)
    return arr


def _check_method(method, allowed, name):
    if method is None or callable(method) or method in allowed:
        return
    raise ValueError(
        f"Unknown value for `{name}`: {method!r}. Allowed values are None, a callable, or one "
        f"of {allowed}."
    )


def standardize(texts, method="lower_and_strip_punctuation", *, encoding: str = "utf-8"):
    """Standardize texts the way Keras ``TextVectorization`` does.

    Parameters
    ----------
    texts : array-like of str or bytes, shape (n,)
        The texts (``bytes`` are decoded with ``encoding``), or a ``pyarrow`` array.
    method : {"lower_and_strip_punctuation", "lower", "strip_punctuation"}, callable or None
        ``"lower"`` lowercases ASCII ``A-Z`` only; ``"strip_punctuation"`` deletes the
        :data:`PUNCTUATION` characters; ``"lower_and_strip_punctuation"`` does both; ``None``
        leaves the texts alone. A callable receives a NumPy ``StringDType`` array of the
        texts and returns an array-like of as many strings.
    encoding : str, default="utf-8"
        Encoding of ``bytes`` input.

    Returns
    -------
    ndarray of object (str), shape (n,), or pyarrow.LargeStringArray for pyarrow input

    Examples
    --------
    >>> standardize(["ÉCOLE Straße ÀB", "Don't panic, a_b 1.5!"]).tolist()
    ['École straße Àb', 'dont panic ab 15']
    """
    _check_method(method, STANDARDIZE_MODES, "standardize")
    out = _standardize_arrow(as_arrow_strings(texts, encoding=encoding), method, encoding)
    return out if isinstance(texts, (pa.Array, pa.ChunkedArray)) else _strings_to_numpy(out)


def _strings_to_numpy(arr: pa.Array) -> np.ndarray:
    out = np.empty(len(arr), dtype=object)
    out[:] = arr.to_pylist()
    return out


# --------------------------------------------------------------------------------------------
# Splitting
# --------------------------------------------------------------------------------------------


def _token_bounds(data: np.ndarray, offsets: np.ndarray, word: np.ndarray):
    """Starts and ends of the maximal runs of ``word`` bytes inside each string."""
    n = data.size
    inner = offsets[1:-1]
    inner = inner[(inner > 0) & (inner < n)]  # where a string begins, except at the edges
    edge = np.empty(n, dtype=bool)
    # a run starts at a word byte that follows a space or begins a string ...
    edge[:1] = True
    np.logical_not(word[:-1], out=edge[1:])
    edge[inner] = True
    edge &= word
    starts = np.flatnonzero(edge)
    # ... and ends at a word byte that precedes a space or ends a string
    edge[-1:] = True
    np.logical_not(word[1:], out=edge[:-1])
    edge[inner - 1] = True
    edge &= word
    return starts, np.flatnonzero(edge) + 1


def _tokens_from_runs(data, offsets, starts, lengths, keep) -> Tokens:
    """Token list array: token ``i`` is the ``lengths[i]`` kept bytes from ``starts[i]``."""
    token_offsets = np.zeros(starts.size + 1, dtype=np.int64)
    np.cumsum(lengths, out=token_offsets[1:])
    values = _from_parts(token_offsets, _compact(data, keep))
    return _list_array(np.searchsorted(starts, offsets), values)


def _split_whitespace(arr: pa.LargeStringArray) -> Tokens:
    offsets, data, _ = _parts(arr)
    word = _is_word(data)
    starts, ends = _token_bounds(data, offsets, word)
    return _tokens_from_runs(data, offsets, starts, ends - starts, word)


def _strip_and_split_whitespace(arr: pa.LargeStringArray) -> Tokens:
    """``_split_whitespace(_strip_punctuation(arr))`` in one pass over the bytes.

    Punctuation is never whitespace, so stripping it before or after cutting the text into
    whitespace-separated runs gives the same tokens, once runs made only of punctuation
    (empty after stripping) are dropped.
    """
    offsets, data, _ = _parts(arr)
    scratch = np.empty_like(data)
    word = _is_word(data, scratch)
    keep = _is_punctuation(data, scratch)
    np.logical_not(keep, out=keep)
    keep &= word
    del scratch
    starts, ends = _token_bounds(data, offsets, word)
    kept_before = np.zeros(data.size + 1, dtype=np.int64 if data.size >= 2**31 else np.int32)
    np.cumsum(keep, out=kept_before[1:])
    lengths = kept_before[ends] - kept_before[starts]
    nonempty = lengths > 0
    return _tokens_from_runs(data, offsets, starts[nonempty], lengths[nonempty], keep)


def _split_characters(arr: pa.LargeStringArray) -> Tokens:
    offsets, data, _ = _parts(arr)
    starts = np.flatnonzero((data & 0xC0) != 0x80)  # the first byte of each code point
    values = _from_parts(np.append(starts, data.size), data)
    return _list_array(np.searchsorted(starts, offsets), values)


def _tokens_from_python(result, n: int, encoding: str) -> Tokens:
    """Token list array from a callable's output (sequence of sequences of str)."""
    if isinstance(result, pa.ChunkedArray):
        result = result.combine_chunks()
    if isinstance(result, pa.Array) and (
        pa.types.is_list(result.type) or pa.types.is_large_list(result.type)
    ):
        rows = np.asarray(result.offsets, dtype=np.int64)
        values = as_arrow_strings(result.values.slice(rows[0], rows[-1] - rows[0]))
        tokens = _list_array(rows - rows[0], values)
    else:
        rows = list(result)
        if len(rows) != n:
            raise ValueError(
                f"The `split` callable returned {len(rows)} rows for {n} inputs; it must "
                "return one sequence of tokens per input string."
            )
        lengths = np.zeros(n + 1, dtype=np.int64)
        flat = []
        for i, row in enumerate(rows):  # one step per document, not per token
            if isinstance(row, (str, bytes)):
                raise TypeError(
                    f"The `split` callable must return a sequence of tokens per input; row {i} "
                    f"is a {type(row).__name__}."
                )
            row = list(row)
            lengths[i + 1] = len(row)
            flat.extend(row)
        try:
            values = as_arrow_strings(flat, encoding=encoding)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"The `split` callable returned a non-string token: {exc}") from None
        tokens = _list_array(np.cumsum(lengths), values)
    if len(tokens) != n:
        raise ValueError(
            f"The `split` callable returned {len(tokens)} rows for {n} inputs; it must return "
            "one sequence of tokens per input string."
        )
    return tokens


def _split_arrow(arr, method, encoding="utf-8") -> Tokens:
    if method is None:
        return _list_array(np.arange(len(arr) + 1), arr)
    if callable(method):
        return _tokens_from_python(method(_to_numpy_strings(arr)), len(arr), encoding)
    if method == "whitespace":
        return _split_whitespace(arr)
    return _split_characters(arr)


def split(texts, method="whitespace", *, encoding: str = "utf-8"):
    """Split texts into tokens the way Keras ``TextVectorization`` does.

    Parameters
    ----------
    texts : array-like of str or bytes, shape (n,)
        The texts, or a ``pyarrow`` string array.
    method : {"whitespace", "character"}, callable or None
        ``"whitespace"`` splits on runs of :data:`WHITESPACE` (ASCII only) and drops empty
        tokens; ``"character"`` yields one token per Unicode code point; ``None`` keeps each
        text as one token. A callable receives a NumPy ``StringDType`` array and returns one
        sequence of ``str`` tokens per text (a list of lists, ``np.char.split``'s output or a
        pyarrow list array); an empty token is the mask token and never enters the
        vocabulary.
    encoding : str, default="utf-8"
        Encoding of ``bytes`` input.

    Returns
    -------
    ndarray of object, shape (n,)
        One object array of tokens per text (a ``pyarrow.LargeListArray`` for pyarrow input).

    Examples
    --------
    >>> [t.tolist() for t in split(["  a\\u00a0b \\x1c c\\x0bd ", "👍🏽"], "whitespace")]
    [['a\\xa0b', '\\x1c', 'c', 'd'], ['👍🏽']]
    >>> split(["👍🏽 x"], "character")[0].tolist()
    ['👍', '🏽', ' ', 'x']
    """
    _check_method(method, SPLIT_MODES, "split")
    tokens = _split_arrow(as_arrow_strings(texts, encoding=encoding), method, encoding)
    return tokens if isinstance(texts, (pa.Array, pa.ChunkedArray)) else _tokens_to_numpy(tokens)


def _tokens_to_numpy(tokens: Tokens) -> np.ndarray:
    rows, values = token_parts(tokens)
    flat = _strings_to_numpy(values)
    out = np.empty(len(rows) - 1, dtype=object)
    out[:] = [flat[a:b] for a, b in zip(rows[:-1], rows[1:])]
    return out


# --------------------------------------------------------------------------------------------
# N-grams
# --------------------------------------------------------------------------------------------


def ngram_widths(ngrams) -> Sequence[int] | None:
    """Keras's reading of ``ngrams``: None, ``n`` (widths ``range(1, n + 1)``, never
    materialised: ``n`` may be huge) or a tuple of widths."""
    if ngrams is None:
        return None
    if isinstance(ngrams, (bool, np.bool_)) or not (
        isinstance(ngrams, (int, np.integer))
        or (
            isinstance(ngrams, tuple)
            and all(isinstance(w, (int, np.integer)) and not isinstance(w, bool) for w in ngrams)
        )
    ):
        raise ValueError(
            f"`ngrams` must be None, an integer, or a tuple of integers. Received: ngrams={ngrams!r}"
        )
    widths = range(1, int(ngrams) + 1) if not isinstance(ngrams, tuple) else ngrams
    if not widths or min(widths) < 1:
        raise ValueError(
            f"`ngrams` must be a positive integer or a non-empty tuple of positive integers. "
            f"Received: ngrams={ngrams!r}"
        )
    return widths if isinstance(widths, range) else tuple(int(w) for w in widths)


def _reachable(widths: Sequence[int], longest: int) -> Sequence[int]:
    """The widths some row is long enough for (the others give no n-gram): the work is
    bounded by the input, whatever ``ngrams`` asks for."""
    if isinstance(widths, range):
        return range(widths.start, min(widths.stop, longest + 1))
    return [w for w in widths if w <= longest]


def _exclusive_cumsum(counts: np.ndarray) -> np.ndarray:
    out = np.zeros(counts.size, dtype=np.int64)
    np.cumsum(counts[:-1], out=out[1:])
    return out


def _ngrams_arrow(tokens: Tokens, widths: Sequence[int]) -> Tokens:
    rows, values = token_parts(tokens)
    n = len(rows) - 1
    lengths = np.diff(rows)
    widths = _reachable(widths, int(lengths.max()) if n else 0)
    if not widths:
        return _list_array(np.zeros(n + 1, dtype=np.int64), pa.array([], pa.large_string()))
    pieces, counts, within = [], [], []
    for w in widths:
        count = np.maximum(lengths - w + 1, 0)
        total = int(count.sum())
        # index (in the row) of each n-gram's first token
        local = np.arange(total, dtype=np.int64) - np.repeat(_exclusive_cumsum(count), count)
        first = np.repeat(rows[:-1], count) + local
        if w == 1:
            grams = values
        else:
            parts = [values.take(pa.array(first + k)) for k in range(w)]
            grams = pc.binary_join_element_wise(*parts, pa.scalar(" ", pa.large_string()))
        pieces.append(grams)
        counts.append(count)
        within.append(local)
    counts = np.stack(counts)
    out_rows = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts.sum(axis=0), out=out_rows[1:])
    if len(widths) == 1:
        return _list_array(out_rows, pieces[0])
    # Keras order inside a row: every n-gram of widths[0], then of widths[1], ...
    dest_parts = []
    before = np.zeros(n, dtype=np.int64)
    for count, local in zip(counts, within):
        row_of = np.repeat(np.arange(n, dtype=np.int64), count)
        dest_parts.append(out_rows[row_of] + before[row_of] + local)
        before += count
    dest = np.concatenate(dest_parts)
    source = np.empty_like(dest)
    source[dest] = np.arange(dest.size, dtype=np.int64)
    values = pa.concat_arrays([p.cast(pa.large_string()) for p in pieces]).take(pa.array(source))
    return _list_array(out_rows, values)


def _as_tokens(tokens, encoding="utf-8") -> Tokens:
    if isinstance(tokens, (pa.Array, pa.ChunkedArray)):
        return _tokens_from_python(tokens, len(tokens), encoding)
    rows = list(tokens)
    return _tokens_from_python(rows, len(rows), encoding)


def ngrams(tokens, ngrams):
    """Append Keras-style n-grams to each row of tokens.

    Parameters
    ----------
    tokens : sequence of sequences of str, or pyarrow list array
        One sequence of tokens per document (e.g. :func:`split`'s output).
    ngrams : int or tuple of int
        ``n`` means widths ``1..n``; a tuple gives the exact widths (``(2,)``: bigrams only).

    Returns
    -------
    ndarray of object, shape (n,)
        Per document: all n-grams of the first width in order, then of the next width ...,
        each joined with ``" "`` (a ``pyarrow.LargeListArray`` for pyarrow input).

    Examples
    --------
    >>> ngrams([["a", "b", "c"], ["d"]], 2)[0].tolist()
    ['a', 'b', 'c', 'a b', 'b c']
    >>> ngrams([["a", "b", "c"], ["d"]], (2,))[1].tolist()
    []
    """
    widths = ngram_widths(ngrams)
    out = _ngrams_arrow(_as_tokens(tokens), widths)
    return out if isinstance(tokens, (pa.Array, pa.ChunkedArray)) else _tokens_to_numpy(out)


# --------------------------------------------------------------------------------------------
# The whole pipeline
# --------------------------------------------------------------------------------------------


def tokenize_arrow(
    arr: pa.LargeStringArray,
    *,
    standardize="lower_and_strip_punctuation",
    split="whitespace",
    ngrams=None,
    encoding: str = "utf-8",
) -> Tokens:
    """standardize -> split -> ngrams on an Arrow ``large_string`` array (no validation)."""
    if split == "whitespace" and standardize in (
        "strip_punctuation",
        "lower_and_strip_punctuation",
    ):
        if standardize == "lower_and_strip_punctuation":
            arr = pc.ascii_lower(arr)
        tokens = _strip_and_split_whitespace(arr)  # the common case, fused
    else:
        tokens = _split_arrow(_standardize_arrow(arr, standardize, encoding), split, encoding)
    widths = ngram_widths(ngrams)
    return tokens if widths is None else _ngrams_arrow(tokens, widths)


def tokenize(
    texts,
    *,
    standardize="lower_and_strip_punctuation",
    split="whitespace",
    ngrams=None,
    encoding: str = "utf-8",
):
    """Keras ``TextVectorization``'s preprocessing: standardize, split, then n-grams.

    Parameters
    ----------
    texts : array-like of str or bytes, shape (n,)
        The documents, or a ``pyarrow`` string array.
    standardize, split, ngrams, encoding
        As in :class:`~skprep.TextVectorization`. With ``split=None`` each text is a single
        token.

    Returns
    -------
    ndarray of object, shape (n,)
        The tokens of each document (a ``pyarrow.LargeListArray`` for pyarrow input).

    Examples
    --------
    >>> tokenize(["The Brain is wider, than the Sky!"], ngrams=2)[0].tolist()[-2:]
    ['than the', 'the sky']
    """
    _check_method(standardize, STANDARDIZE_MODES, "standardize")
    _check_method(split, SPLIT_MODES, "split")
    ngram_widths(ngrams)
    tokens = tokenize_arrow(
        as_arrow_strings(texts, encoding=encoding),
        standardize=standardize,
        split=split,
        ngrams=ngrams,
        encoding=encoding,
    )
    return tokens if isinstance(texts, (pa.Array, pa.ChunkedArray)) else _tokens_to_numpy(tokens)
