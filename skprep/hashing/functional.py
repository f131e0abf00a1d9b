"""Vectorised string hash kernels, bit-exact with TensorFlow's hashing ops.

* :func:`fingerprint64` -- FarmHash ``Fingerprint64`` (``farmhashna::Hash64``), the hash of
  TF's ``StringToHashBucketFast`` (Keras ``Hashing`` without ``salt``, lookup OOV buckets).
* :func:`siphash24` -- SipHash-2-4, the keyed hash of TF's ``StringToHashBucketStrong``
  (``Hashing(salt=...)``).
* :func:`hash_to_bins` -- either hash modulo ``num_bins`` (unsigned 64-bit).
* :func:`fingerprint_cat64` -- TF's ``FingerprintCat64`` combiner (``HashedCrossing``).

How the kernels vectorise
-------------------------
The strings are laid out as one contiguous UTF-8 byte buffer plus start offsets (Arrow's
layout; :func:`utf8_buffers` builds it with pyarrow). The buffer is then viewed as a
``uint64`` (and ``uint32``) array **with a stride of one byte**, so ``view[p]`` is the
little-endian word starting at byte ``p``: every ``Fetch64(s + i)`` of the reference code for
all strings at once is a single NumPy gather ``view[starts + i]``. The reference's branches on
the string length become groups of strings (one NumPy pass per length class), and its loops
(FarmHash's 64-byte blocks, SipHash's 8-byte blocks) run once per block index over the strings
that still have that block -- strings are ordered by block count (an O(n) radix argsort), so
the active strings are always a prefix. All arithmetic is on ``uint64`` arrays, which wrap
modulo 2**64 without warnings; the constants are ``uint64`` too so nothing is promoted.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np
import pyarrow as pa

from ..utils._threads import n_cores, run_all
from ..utils.validation import check_arrow

__all__ = [
    "fingerprint64",
    "fingerprint_cat64",
    "hash_to_bins",
    "siphash24",
    "utf8_buffers",
]

try:  # the optional compiled kernel (setup.py builds it when a C compiler is available)
    from skprep.hashing import _hashkernel
except ImportError:  # pragma: no cover - depends on the build
    _hashkernel = None
if os.environ.get("SKPREP_NO_C", "") not in ("", "0"):
    _hashkernel = None

_U64 = np.uint64
_K0 = _U64(0xC3A5C85C97CB3127)
_K1 = _U64(0xB492B66FBE98F273)
_K2 = _U64(0x9AE16A3B2F90404F)
_KMUL = _U64(0xC6A4A7935BD1E995)  # FingerprintCat64
# Zero bytes around the strings' bytes: with 64 on each side, any FarmHash length-class kernel
# (<= 64 bytes) may run on a string of any length without reading outside the buffer, and
# SipHash's last-word load (up to 7 bytes past a string) stays inside too.
_PAD = 64
_CHUNK = 32768  # strings per kernel pass: keeps the uint64 temporaries in the L2 cache
_TAIL_MASKS = np.array([0] + [(1 << (8 * r)) - 1 for r in range(1, 8)], dtype=np.uint64)
_BINARY_TYPES = (pa.binary(), pa.large_binary(), pa.string(), pa.large_string())


# --------------------------------------------------------------------------------------------
# Input: strings -> (bytes buffer, starts, lengths)
# --------------------------------------------------------------------------------------------


def _to_arrow(values) -> pa.Array:
    """A pyarrow string/binary array of ``values`` (1-D), without nulls."""
    if isinstance(values, TextSpans):
        values = values.objects
    if hasattr(values, "iloc") and getattr(values, "ndim", 1) == 1:  # pandas Series
        try:  # zero-copy for Arrow-backed strings
            values = pa.array(values, from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            values = values.to_numpy(dtype=object)
    check_arrow(values, "skprep.hashing", binary_ok=True)
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks() if values.num_chunks != 1 else values.chunk(0)
    if not isinstance(values, pa.Array):
        arr = values if isinstance(values, np.ndarray) else None
        if arr is None:
            arr = np.asarray(values, dtype=object) if len(values) else np.array([], dtype="U")
        if arr.ndim != 1:
            raise ValueError(f"Expected a 1-D array of strings; got shape {arr.shape}.")
        if arr.dtype.kind not in "OUST":
            raise TypeError(
                f"Expected strings or bytes; got an array of dtype {arr.dtype}. Convert numbers "
                "to strings first (Hashing does this for you)."
            )
        try:
            values = pa.array(arr)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            values = _mixed_to_arrow(arr)
    if is_view_type(values.type):
        values = values.cast(pa.large_binary())
    if values.type not in _BINARY_TYPES:
        if pa.types.is_null(values.type) and len(values) == 0:
            return pa.array([], type=pa.binary())
        raise TypeError(f"Expected strings or bytes; got values of Arrow type {values.type}.")
    if values.null_count:
        raise ValueError(
            f"Cannot hash missing values (None/NaN): found {values.null_count} in the input."
        )
    return values


def is_view_type(t) -> bool:
    """Whether ``t`` is Arrow's string_view/binary_view (pyarrow >= 16; absent before)."""
    checks = (getattr(pa.types, "is_string_view", None), getattr(pa.types, "is_binary_view", None))
    return any(check is not None and check(t) for check in checks)


def _mixed_to_arrow(arr: np.ndarray) -> pa.Array:
    """Object arrays mixing ``str`` and ``bytes`` (pyarrow infers one type only)."""
    try:
        return pa.array(arr, type=pa.binary())
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        bad = next((x for x in arr if not isinstance(x, (str, bytes))), None)
        raise TypeError(
            f"Expected str or bytes elements; got {type(bad).__name__} ({bad!r})."
        ) from exc


def utf8_buffers(values) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The bytes of ``values`` as one buffer plus per-string start offsets and lengths.

    Parameters
    ----------
    values : array-like of str or bytes, shape (n,)
        NumPy object/str/bytes arrays, lists, or pyarrow string/binary arrays. ``str`` is
        encoded as UTF-8; no missing values allowed.

    Returns
    -------
    data : ndarray of uint8
        The concatenated bytes followed by at least 8 zero bytes.
    starts, lengths : ndarray of int64, shape (n,)

    Examples
    --------
    >>> data, starts, lengths = utf8_buffers(["ab", "", "é"])
    >>> bytes(data[: lengths.sum()]), starts.tolist(), lengths.tolist()
    (b'ab\\xc3\\xa9', [0, 2, 2], [2, 0, 2])
    """
    data, starts, lengths = _padded_buffers(values)
    return data[_PAD:], starts - _PAD, lengths


def _padded_buffers(values) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Like :func:`utf8_buffers`, with ``_PAD`` zero bytes before and after the strings."""
    arr = _to_arrow(values)
    if len(arr) == 0:
        empty = np.empty(0, dtype=np.int64)
        return np.zeros(2 * _PAD, dtype=np.uint8), empty, empty
    _, off_buf, data_buf = arr.buffers()
    wide = pa.types.is_large_string(arr.type) or pa.types.is_large_binary(arr.type)
    offsets = np.frombuffer(off_buf, dtype=np.int64 if wide else np.int32)
    offsets = offsets[arr.offset : arr.offset + len(arr) + 1].astype(np.int64)
    lo, hi = (int(offsets[0]), int(offsets[-1])) if len(offsets) else (0, 0)
    data = np.zeros(hi - lo + 2 * _PAD, dtype=np.uint8)
    if hi > lo:
        data[_PAD : _PAD + hi - lo] = np.frombuffer(data_buf, dtype=np.uint8, count=hi)[lo:hi]
    lengths = np.diff(offsets)
    offsets += _PAD - lo
    return data, offsets[:-1], lengths


class _Loads:
    """Unaligned little-endian loads at any byte offset of a padded buffer."""

    def __init__(self, data: np.ndarray):
        self.data = data
        n = data.shape[0]
        self.u64 = np.ndarray((n - 7,), dtype="<u8", buffer=data, strides=(1,))
        self.u32 = np.ndarray((n - 3,), dtype="<u4", buffer=data, strides=(1,))
        self._rows = {}

    def f64(self, pos):
        return self.u64[pos].astype(np.uint64, copy=False)

    def f32(self, pos):
        return self.u32[pos].astype(np.uint64)

    def words(self, pos, k: int):
        """The ``k`` consecutive 64-bit words from each position, shape ``(len(pos), k)``.

        One row gather: several times faster than ``k`` separate word gathers.
        """
        view = self._rows.get(k)
        if view is None:
            n = self.data.shape[0] - 8 * k + 1
            view = np.ndarray((n, k), dtype="<u8", buffer=self.data, strides=(1, 8))
            self._rows[k] = view
        return view[pos]


# --------------------------------------------------------------------------------------------
# FarmHash Fingerprint64 (farmhashna::Hash64)
# --------------------------------------------------------------------------------------------


def _rot(v, s: int):
    """Rotate right by the constant ``s`` (0 < s < 64)."""
    return (v >> _U64(s)) | (v << _U64(64 - s))


def _shift_mix(v):
    return v ^ (v >> _U64(47))


def _hash_len16(u, v, mul):
    a = (u ^ v) * mul
    a ^= a >> _U64(47)
    b = (v ^ a) * mul
    b ^= b >> _U64(47)
    return b * mul


def _fp_1to3(ld: _Loads, s, n):
    a = ld.data[s].astype(np.uint64)
    b = ld.data[s + (n >> 1)].astype(np.uint64)
    c = ld.data[s + n - 1].astype(np.uint64)
    y = a + (b << _U64(8))
    z = n.astype(np.uint64) + (c << _U64(2))
    return _shift_mix((y * _K2) ^ (z * _K0)) * _K2


def _fp_4to7(ld: _Loads, s, n):
    nu = n.astype(np.uint64)
    mul = _K2 + nu * _U64(2)
    return _hash_len16(nu + (ld.f32(s) << _U64(3)), ld.f32(s + n - 4), mul)


def _fp_8to16(ld: _Loads, s, n):
    mul = _K2 + n.astype(np.uint64) * _U64(2)
    a = ld.f64(s) + _K2
    b = ld.f64(s + n - 8)
    c = _rot(b, 37) * mul + a
    d = (_rot(a, 25) + b) * mul
    return _hash_len16(c, d, mul)


def _fp_17to32(ld: _Loads, s, n):
    mul = _K2 + n.astype(np.uint64) * _U64(2)
    head, tail = ld.words(s, 2), ld.words(s + n - 16, 2)
    a = head[:, 0] * _K1
    b = head[:, 1].astype(np.uint64)
    c = tail[:, 1] * mul
    d = tail[:, 0] * _K2
    return _hash_len16(_rot(a + b, 43) + _rot(c, 30) + d, a + _rot(b + _K2, 18) + c, mul)


def _fp_33to64(ld: _Loads, s, n):
    mul = _K2 + n.astype(np.uint64) * _U64(2)
    head, tail = ld.words(s, 4), ld.words(s + n - 32, 4)  # bytes 0-31 and the last 32
    a = head[:, 0] * _K2
    b = head[:, 1].astype(np.uint64)
    c = tail[:, 3] * mul
    d = tail[:, 2] * _K2
    y = _rot(a + b, 43) + _rot(c, 30) + d
    z = _hash_len16(y, a + _rot(b + _K2, 18) + c, mul)
    e = head[:, 2] * mul
    f = head[:, 3].astype(np.uint64)
    g = (y + tail[:, 0]) * mul
    h = (z + tail[:, 1]) * mul
    return _hash_len16(_rot(e + f, 43) + _rot(g, 30) + h, e + _rot(f + a, 18) + g, mul)


def _weak_hash32(words, a, b):
    """FarmHash ``WeakHashLen32WithSeeds`` of four 64-bit words (columns of ``words``)."""
    w, x, y, z = words[:, 0], words[:, 1], words[:, 2], words[:, 3]
    a = a + w
    b = _rot(b + a + z, 21)
    c = a
    a = a + x + y
    b = b + _rot(a, 44)
    return a + z, b + c


def _block_order(nblocks: np.ndarray) -> np.ndarray:
    """Indices sorting ``nblocks`` in decreasing order (radix sort on small ints)."""
    key = np.minimum(nblocks, 0xFFFF).astype(np.uint16)
    if nblocks.size and nblocks.max() > 0xFFFF:
        return np.argsort(-nblocks, kind="stable")
    return np.argsort(~key, kind="stable")


def _fp_long(ld: _Loads, s, n):
    """Strings longer than 64 bytes: the 64-byte block loop, vectorised across strings."""
    nblocks = (n - 1) // 64
    order = _block_order(nblocks)
    s, n, nblocks = s[order], n[order], nblocks[order]
    m = s.shape[0]
    seed = _U64(81)
    x = np.full(m, seed, dtype=np.uint64)
    y = np.full(m, seed * _K1 + _U64(113), dtype=np.uint64)
    z = _shift_mix(y * _K2 + _U64(113)) * _K2
    v0, v1, w0, w1 = (np.zeros(m, dtype=np.uint64) for _ in range(4))
    x = x * _K2 + ld.f64(s)
    # active[i] = how many strings have a block i (nblocks is sorted decreasingly)
    active = np.searchsorted(-nblocks, -np.arange(1, int(nblocks[0]) + 1), side="right")
    for i, k in enumerate(active):
        blk = ld.words(s[:k] + 64 * i, 8)  # the block's eight 64-bit words
        xs, ys, zs = x[:k], y[:k], z[:k]
        v0s, v1s, w0s, w1s = v0[:k], v1[:k], w0[:k], w1[:k]
        xs = _rot(xs + ys + v0s + blk[:, 1], 37) * _K1
        ys = _rot(ys + v1s + blk[:, 6], 42) * _K1
        xs ^= w1s
        ys += v0s + blk[:, 5]
        zs = _rot(zs + w0s, 33) * _K1
        nv0, nv1 = _weak_hash32(blk[:, :4], v1s * _K1, xs + w0s)
        nw0, nw1 = _weak_hash32(blk[:, 4:], zs + w1s, ys + blk[:, 2])
        x[:k], y[:k], z[:k] = zs, ys, xs  # swap(z, x)
        v0[:k], v1[:k], w0[:k], w1[:k] = nv0, nv1, nw0, nw1
    tail = ((n - 1) & 63).astype(np.uint64)
    mul = _K1 + ((z & _U64(0xFF)) << _U64(1))
    blk = ld.words(s + n - 64, 8)  # last64
    w0 = w0 + tail
    v0 = v0 + w0
    w0 = w0 + v0
    x = _rot(x + y + v0 + blk[:, 1], 37) * mul
    y = _rot(y + v1 + blk[:, 6], 42) * mul
    x ^= w1 * _U64(9)
    y += v0 * _U64(9) + blk[:, 5]
    z = _rot(z + w0, 33) * mul
    v0, v1 = _weak_hash32(blk[:, :4], v1 * mul, x + w0)
    w0, w1 = _weak_hash32(blk[:, 4:], z + w1, y + blk[:, 2])
    x, z = z, x
    h = _hash_len16(
        _hash_len16(v0, w0, mul) + _shift_mix(y) * _K0 + z,
        _hash_len16(v1, w1, mul) + x,
        mul,
    )
    out = np.empty(m, dtype=np.uint64)
    out[order] = h
    return out


def _chunked(kernel, ld: _Loads, starts, lengths, *args) -> np.ndarray:
    """Run ``kernel`` over cache-sized chunks of strings (about 2x faster than one pass)."""
    n = lengths.shape[0]
    if n <= _CHUNK:
        return kernel(ld, starts, lengths, *args)
    out = np.empty(n, dtype=np.uint64)
    for i in range(0, n, _CHUNK):
        out[i : i + _CHUNK] = kernel(ld, starts[i : i + _CHUNK], lengths[i : i + _CHUNK], *args)
    return out


# FarmHash length class of each length 0..64 (65 stands for "longer"): 0 is the empty string
_FP_CLASS = np.searchsorted(np.array([0, 3, 7, 16, 32, 64]), np.arange(66)).astype(np.uint8)
_FP_KERNELS = (None, _fp_1to3, _fp_4to7, _fp_8to16, _fp_17to32, _fp_33to64, _fp_long)


def _fingerprint64_buffers(data, starts, lengths) -> np.ndarray:
    """Hash each length class with its kernel (``data`` padded by ``_PAD`` on both sides).

    Chunk by chunk, the most common class of strings up to 64 bytes is hashed over *all* the
    chunk's strings (no gather/scatter; the padding keeps the other strings' reads in bounds)
    and the other classes then overwrite their strings' results -- within the chunk, whose
    bytes are still in cache (gathering a class across the whole buffer is latency-bound).
    """
    ld = _Loads(data)
    m = lengths.shape[0]
    classes = _FP_CLASS[np.minimum(lengths, 65)]
    counts = np.bincount(classes, minlength=len(_FP_KERNELS))
    bulk = 1 + int(np.argmax(counts[1:6]))  # the most common class among 1..5
    if not counts[bulk]:
        bulk = 0  # only empty and long strings
    others = [c for c in np.flatnonzero(counts).tolist() if c != bulk]
    out = np.empty(m, dtype=np.uint64)
    for i in range(0, m, _CHUNK):
        s, n, o = starts[i : i + _CHUNK], lengths[i : i + _CHUNK], out[i : i + _CHUNK]
        o[:] = _FP_KERNELS[bulk](ld, s, n) if bulk else _K2  # length 0 hashes to k2
        for c in others:
            idx = np.flatnonzero(classes[i : i + _CHUNK] == c)
            if idx.size:
                o[idx] = _K2 if c == 0 else _FP_KERNELS[c](ld, s[idx], n[idx])
    return out


#: Below this many strings the compiled kernel hashes in the calling thread only.
_PARALLEL_MIN = 1 << 15
_FP64, _SIP24 = 0, 1  # the compiled kernel's hash kinds


class TextSpans:
    """The strings of a 1-D object array of ``str``/``bytes``, ready for the compiled kernel.

    ``objects`` is the array; ``data`` and ``offsets`` are its elements' UTF-8 bytes, copied
    with the GIL held into one buffer owned by this object, with ``n + 1`` int64 offsets (the
    layout of an Arrow large binary array). Hashing reads only those buffers -- without the
    GIL, on several threads -- so another thread replacing the array's elements meanwhile
    cannot free a string mid-hash. Made by :func:`text_spans`.
    """

    __slots__ = ("data", "objects", "offsets")

    def __init__(self, objects: np.ndarray, data: bytearray, offsets: bytearray):
        self.objects = objects
        self.data = data
        self.offsets = offsets

    def __len__(self) -> int:
        return len(self.objects)


def text_spans(values) -> TextSpans | None:
    """:class:`TextSpans` of a 1-D object array whose elements are all ``str``/``bytes``.

    None without the compiled kernel, for other arrays, or when an element is not text (or a
    ``str`` has no UTF-8 form): the caller then classifies the values itself.
    """
    if _hashkernel is None or not isinstance(values, np.ndarray):
        return None
    if values.dtype != object or values.ndim != 1:
        return None
    address = values.__array_interface__["data"][0]
    try:
        data, offsets, _ = _hashkernel.text_bytes(
            values, address, len(values), values.strides[0]
        )
    except (TypeError, UnicodeError):
        return None
    return TextSpans(values, data, offsets)


def _arrow_args(values) -> tuple | None:
    """``(offsets, data, offset, wide)`` buffers of a null-free Arrow string/binary array and
    its length, as the kernel reads them; None for anything else."""
    check_arrow(values, "skprep.hashing", binary_ok=True)
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks() if values.num_chunks != 1 else values.chunk(0)
    if not isinstance(values, pa.Array) or values.null_count or not len(values):
        return None
    t = values.type
    if pa.types.is_string(t) or pa.types.is_binary(t):
        wide = False
    elif pa.types.is_large_string(t) or pa.types.is_large_binary(t):
        wide = True
    else:
        return None
    _, offsets, data = values.buffers()
    return (offsets, data, values.offset, wide), len(values)


def _threaded(kernel, head: tuple, n: int, kind: int, k0: int, k1: int) -> np.ndarray:
    """Run a GIL-releasing kernel over ``[0, n)`` in contiguous parts on the shared pool."""
    out = np.empty(n, dtype=np.uint64)
    parts = n_cores() if n >= _PARALLEL_MIN else 1
    bounds = [n * i // parts for i in range(parts + 1)]
    run_all(kernel, [(*head, out, lo, hi, kind, k0, k1) for lo, hi in zip(bounds, bounds[1:])])
    return out


def _compiled(kind: int, values, k0: int = 0, k1: int = 0) -> np.ndarray | None:
    """The compiled kernel's hashes of ``values``, or None to use the NumPy kernels.

    Used for :class:`TextSpans`, 1-D object arrays of ``str``/``bytes`` (read in place: no
    Arrow conversion, the strings' cached UTF-8 is hashed without a copy), null-free Arrow
    string/binary arrays (read from their buffers) -- these three hashed on several threads
    -- and lists and tuples. Anything else -- other containers, or elements the kernel
    rejects (None, numbers, unencodable str) -- goes to the NumPy path, which accepts or
    rejects it with its own error messages.
    """
    if _hashkernel is None:
        return None
    if isinstance(values, np.ndarray):
        values = text_spans(values)
        if values is None:
            return None
    if isinstance(values, TextSpans):
        head = (values.offsets, values.data, 0, True)
        return _threaded(_hashkernel.hash_arrow, head, len(values), kind, k0, k1)
    if isinstance(values, (list, tuple)):
        try:
            if kind == _FP64:
                buf = _hashkernel.fingerprint64(values)
            else:
                buf = _hashkernel.siphash24(values, k0, k1)
        except (TypeError, UnicodeError):
            return None
        return np.frombuffer(buf, dtype="<u8").astype(np.uint64, copy=False)
    arrow = _arrow_args(values)
    if arrow is None:
        return None
    head, n = arrow
    return _threaded(_hashkernel.hash_arrow, head, n, kind, k0, k1)


def fingerprint64(values) -> np.ndarray:
    """FarmHash ``Fingerprint64`` of each string's UTF-8 bytes (TF's ``Fingerprint64``).

    Parameters
    ----------
    values : array-like of str or bytes, shape (n,)
        NumPy object/str/bytes arrays, lists or pyarrow string/binary arrays.

    Returns
    -------
    ndarray of uint64, shape (n,)

    Examples
    --------
    >>> fingerprint64(["", "a", "hello"])
    array([11160318154034397263, 12917804110809363939, 13009744463427800296], dtype=uint64)
    """
    h = _compiled(_FP64, values)
    if h is not None:
        return h
    with np.errstate(over="ignore"):
        return _fingerprint64_buffers(*_padded_buffers(values))


# --------------------------------------------------------------------------------------------
# SipHash-2-4 (TF StrongKeyedHash)
# --------------------------------------------------------------------------------------------


def _rotl_(v, s: int, tmp):
    """Rotate ``v`` left by ``s`` in place (``tmp`` is scratch of the same shape)."""
    np.left_shift(v, _U64(s), out=tmp)
    np.right_shift(v, _U64(64 - s), out=v)
    np.bitwise_or(v, tmp, out=v)


def _sip_rounds(v0, v1, v2, v3, rounds: int) -> None:
    """``rounds`` SipRounds, updating the four state arrays (or views) in place."""
    tmp = np.empty_like(v0)
    for _ in range(rounds):
        v0 += v1
        _rotl_(v1, 13, tmp)
        v1 ^= v0
        _rotl_(v0, 32, tmp)
        v2 += v3
        _rotl_(v3, 16, tmp)
        v3 ^= v2
        v0 += v3
        _rotl_(v3, 21, tmp)
        v3 ^= v0
        v2 += v1
        _rotl_(v1, 17, tmp)
        v1 ^= v2
        _rotl_(v2, 32, tmp)


def _key_word(k, name: str) -> np.uint64:
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise TypeError(f"SipHash key word {name} must be an integer; got {k!r}.")
    k = int(k)
    if not -(2**63) <= k < 2**64:
        raise ValueError(f"SipHash key word {name} must fit in 64 bits; got {k}.")
    return _U64(k % 2**64)


_SIP_INIT = (0x736F6D6570736575, 0x646F72616E646F6D, 0x6C7967656E657261, 0x7465646279746573)


def _siphash24_chunk(ld, starts, lengths, k0: np.uint64, k1: np.uint64) -> np.ndarray:
    """SipHash of a chunk of strings.

    Block 0 is compressed for every string (a string without it gets its initial state back);
    blocks 1, 2, ... run on prefixes, so strings with two or more blocks must come first, in
    non-increasing order of block count.
    """
    m = lengths.shape[0]
    nblocks = lengths // 8
    init = [k ^ _U64(c) for k, c in zip((k0, k1, k0, k1), _SIP_INIT)]
    v0, v1, v2, v3 = (np.full(m, x, dtype=np.uint64) for x in init)
    top = int(nblocks.max()) if m else 0
    if top:
        word = ld.f64(starts)
        v3 ^= word
        _sip_rounds(v0, v1, v2, v3, 2)
        v0 ^= word
        empty = nblocks == 0
        if empty.any():
            for v, x in zip((v0, v1, v2, v3), init):
                v[empty] = x
    # active[i]: how many strings have an 8-byte block i (i >= 1)
    active = np.searchsorted(-nblocks, -np.arange(2, top + 1), side="right")
    for i, k in enumerate(active.tolist(), start=1):
        word = ld.f64(starts[:k] + 8 * i)
        v3[:k] ^= word
        _sip_rounds(v0[:k], v1[:k], v2[:k], v3[:k], 2)  # in place on the prefix views
        v0[:k] ^= word
    rest = lengths & 7
    word = ld.f64(starts + 8 * nblocks) & _TAIL_MASKS[rest]
    word |= (lengths.astype(np.uint64) & _U64(0xFF)) << _U64(56)
    v3 ^= word
    _sip_rounds(v0, v1, v2, v3, 2)
    v0 ^= word
    v2 ^= _U64(0xFF)
    _sip_rounds(v0, v1, v2, v3, 4)
    v0 ^= v1
    v0 ^= v2
    v0 ^= v3
    return v0


def _siphash24_sorted_chunk(ld, starts, lengths, k0: np.uint64, k1: np.uint64) -> np.ndarray:
    """Order a chunk's strings of 16+ bytes by block count (radix sort) when they vary."""
    nblocks = lengths // 8
    top = int(nblocks.max()) if nblocks.size else 0
    if top <= 1 or nblocks.min() == top:
        return _siphash24_chunk(ld, starts, lengths, k0, k1)
    order = _block_order(nblocks)
    h = _siphash24_chunk(ld, starts[order], lengths[order], k0, k1)
    out = np.empty_like(h)
    out[order] = h
    return out


def _siphash24_buffers(data, starts, lengths, k0: np.uint64, k1: np.uint64) -> np.ndarray:
    return _chunked(_siphash24_sorted_chunk, _Loads(data), starts, lengths, k0, k1)


def siphash24(values, k0: int, k1: int) -> np.ndarray:
    """SipHash-2-4 of each string's UTF-8 bytes with the 128-bit key ``(k0, k1)``.

    This is TF's ``StrongKeyedHash`` (``StringToHashBucketStrong``): ``k0`` and ``k1`` are the
    low and high little-endian 64-bit halves of the key. Negative key words are taken modulo
    2**64 (as TF's int64 attribute is reinterpreted).

    Parameters
    ----------
    values : array-like of str or bytes, shape (n,)
    k0, k1 : int
        The two key words.

    Returns
    -------
    ndarray of uint64, shape (n,)

    Examples
    --------
    >>> siphash24(["", "a", "hello"], 133, 137)
    array([4928313950774450900, 7077939996121841354, 1067426241479190957], dtype=uint64)
    """
    k0, k1 = _key_word(k0, "k0"), _key_word(k1, "k1")
    h = _compiled(_SIP24, values, int(k0), int(k1))
    if h is not None:
        return h
    with np.errstate(over="ignore"):
        return _siphash24_buffers(*_padded_buffers(values), k0, k1)


# --------------------------------------------------------------------------------------------
# Buckets and crossing
# --------------------------------------------------------------------------------------------


def salt_key(salt) -> tuple[int, int] | None:
    """Normalise a Keras ``salt`` (None, an int, or a pair of ints) to SipHash key words.

    Examples
    --------
    >>> salt_key(133), salt_key([133, 137]), salt_key(None)
    ((133, 133), (133, 137), None)
    """
    if salt is None:
        return None
    if isinstance(salt, (int, np.integer)) and not isinstance(salt, bool):
        salt = (salt, salt)
    if (
        isinstance(salt, (Sequence, np.ndarray))
        and not isinstance(salt, (str, bytes))
        and len(salt) == 2
        and all(isinstance(k, (int, np.integer)) and not isinstance(k, bool) for k in salt)
    ):
        for k in salt:
            if not -(2**63) <= int(k) < 2**64:
                raise ValueError(f"salt values must fit in 64 bits; got salt={salt!r}.")
        return int(salt[0]), int(salt[1])
    raise ValueError(
        f"`salt` can only be a tuple of size 2 integers, or a single integer; got salt={salt!r}."
    )


def hash_to_bins(values, num_bins: int, salt=None) -> np.ndarray:
    """Hash strings into ``[0, num_bins)`` exactly as TF's ``to_hash_bucket_fast/strong``.

    Parameters
    ----------
    values : array-like of str or bytes, shape (n,)
    num_bins : int
        Number of buckets (>= 1).
    salt : None, int or pair of int, default=None
        ``None``: FarmHash ``Fingerprint64``. An int ``s``: SipHash-2-4 with key ``(s, s)``;
        a pair: SipHash-2-4 with that key.

    Returns
    -------
    ndarray of int64, shape (n,)
        ``hash mod num_bins`` computed in unsigned 64-bit arithmetic.

    Examples
    --------
    >>> hash_to_bins(["A", "B", "C", "D", "E"], 3)
    array([1, 0, 1, 1, 2])
    >>> hash_to_bins(["A", "B", "C", "D", "E"], 3, salt=133)
    array([0, 0, 2, 1, 0])
    """
    if isinstance(num_bins, bool) or not isinstance(num_bins, (int, np.integer)):
        raise TypeError(f"num_bins must be an integer; got {num_bins!r}.")
    if not 1 <= num_bins < 2**63:
        raise ValueError(f"num_bins must be in [1, 2**63 - 1]; got num_bins={num_bins}.")
    key = salt_key(salt)
    h = fingerprint64(values) if key is None else siphash24(values, *key)
    if num_bins & (num_bins - 1) == 0:  # a power of two: the modulo is a mask
        h &= _U64(num_bins - 1)
    else:
        h %= _U64(num_bins)
    return h.view(np.int64)  # every bin is < 2**63


def fingerprint_cat64(a, b) -> np.ndarray:
    """TF's ``FingerprintCat64(a, b)``: combine two 64-bit fingerprints (vectorised).

    Parameters
    ----------
    a, b : array-like of uint64 (or int64, reinterpreted), broadcastable

    Returns
    -------
    ndarray of uint64

    Examples
    --------
    The hashed cross of ``("A", 101)`` and ``("B", 101)`` into 5 bins (HashedCrossing):

    >>> import numpy as np
    >>> h = fingerprint_cat64(0xDECAFCAFFE, fingerprint64(["A", "B"]))
    >>> h
    array([1277662319648410474, 6742740497044805491], dtype=uint64)
    >>> fingerprint_cat64(h, np.array([101, 101])) % np.uint64(5)
    array([1, 4], dtype=uint64)
    """
    a = _as_u64(a)
    b = _as_u64(b)
    with np.errstate(over="ignore"):
        r = a ^ _KMUL
        r ^= _shift_mix(b * _KMUL) * _KMUL
        r *= _KMUL
        r = _shift_mix(r) * _KMUL
        return _shift_mix(r)


def _as_u64(x) -> np.ndarray:
    if isinstance(x, (int, np.integer)) and not isinstance(x, bool):
        return np.asarray(np.uint64(int(x) % 2**64))
    x = np.asarray(x)
    if x.dtype.kind == "i":
        return x.astype(np.int64).view(np.uint64)
    if x.dtype.kind in "ub":
        return x.astype(np.uint64)
    raise TypeError(f"Expected integer fingerprints; got dtype {x.dtype}.")
