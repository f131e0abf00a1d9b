"""The optional compiled kernel (``skprep.hashing._hashkernel``) against the NumPy kernels
and the scalar reference: bit-identical results, and the fallback for what it refuses."""

import os
import subprocess
import sys

import numpy as np
import pyarrow as pa
import pytest

from skprep.hashing import functional as F
from tests.hashing import _reference as R

hk = pytest.importorskip("skprep.hashing._hashkernel")

KEYS = [(0, 0), (133, 137), (-1, -(2**63)), (2**64 - 1, 12345678901234567890), (7, -7)]


def _c(name, values, *key):
    return np.frombuffer(getattr(hk, name)(values, *(k % 2**64 for k in key)), dtype="<u8")


def _numpy(monkeypatch, name, values, *key):
    with monkeypatch.context() as m:
        m.setattr(F, "_hashkernel", None)
        return getattr(F, name)(values, *key)


def _values(seed):
    rng = np.random.default_rng(seed)
    lengths = list(range(0, 330)) + [511, 512, 513, 1025, 4097]
    values = [bytes(rng.integers(0, 256, n, dtype=np.uint8)) for n in lengths]  # non-UTF-8
    values += ["", "é", "日本語", "🙂" * 40, "a\x00b", "x" * 300, "ünï" * 33]
    rng.shuffle(values)
    return values


@pytest.mark.parametrize("seed", [0, 1])
def test_fingerprint64_bit_identical(monkeypatch, seed):
    values = _values(seed)
    c = _c("fingerprint64", values)
    assert c.tolist() == _numpy(monkeypatch, "fingerprint64", values).tolist()
    assert c.tolist() == [R.fingerprint64(v.encode() if isinstance(v, str) else v) for v in values]
    assert F.fingerprint64(values).tolist() == c.tolist()


@pytest.mark.parametrize("key", KEYS, ids=str)
def test_siphash24_bit_identical(monkeypatch, key):
    values = _values(2)
    c = _c("siphash24", values, *key)
    assert c.tolist() == _numpy(monkeypatch, "siphash24", values, *key).tolist()
    assert c.tolist() == [
        R.siphash24(v.encode() if isinstance(v, str) else v, *key) for v in values
    ]
    assert F.siphash24(values, *key).tolist() == c.tolist()


def test_compiled_path_is_taken_for_lists_tuples_object_and_arrow_arrays(monkeypatch):
    calls = []
    real = hk

    class Spy:
        def __getattr__(self, name):
            calls.append(name)
            return getattr(real, name)

    monkeypatch.setattr(F, "_hashkernel", Spy())
    for values in (["a", b"b"], ("a", "b")):
        F.fingerprint64(values)
        F.siphash24(values, 1, 2)
    assert calls == ["fingerprint64", "siphash24"] * 2
    calls.clear()
    F.fingerprint64(np.array(["a", b"b"], dtype=object))
    assert calls == ["text_bytes", "hash_arrow"]
    calls.clear()
    F.siphash24(pa.array(["a", "b"]), 1, 2)
    F.fingerprint64(pa.chunked_array([["a"], ["b"]], type=pa.large_string()))
    assert calls == ["hash_arrow", "hash_arrow"]
    calls.clear()
    F.fingerprint64(np.array(["a", "b"]))  # fixed-width str arrays: NumPy path
    with pytest.raises(ValueError, match="missing"):  # nulls: the NumPy path's error
        F.fingerprint64(pa.array(["a", None]))
    assert calls == []


@pytest.mark.parametrize("seed", [0, 1])
def test_object_arrays_are_read_in_place_bit_identically(monkeypatch, seed):
    values = _values(seed)
    arr = np.empty(2 * len(values), dtype=object)
    arr[::2] = values
    arr[1::2] = ["filler"] * len(values)
    strided = arr[::2]  # not contiguous: read with its stride
    assert not strided.flags.c_contiguous
    expected = _numpy(monkeypatch, "fingerprint64", values).tolist()
    assert F.fingerprint64(strided).tolist() == expected
    assert F.fingerprint64(np.array(values, dtype=object)).tolist() == expected
    assert F.fingerprint64(strided[::-1]).tolist() == expected[::-1]  # negative stride
    sip = _numpy(monkeypatch, "siphash24", values, 133, 137).tolist()
    assert F.siphash24(strided, 133, 137).tolist() == sip


@pytest.mark.parametrize("n", [F._PARALLEL_MIN - 1, F._PARALLEL_MIN, 3 * F._PARALLEL_MIN + 7])
def test_threaded_parts_cover_every_element(monkeypatch, n):
    # Around the threading threshold and with uneven parts: every element hashed, in place.
    base = [f"s{i}" for i in range(997)] + ["é" * 9, b"\xff\x00", ""]
    values = np.array([base[i % len(base)] for i in range(n)], dtype=object)
    want_fp = [R.fingerprint64(v if isinstance(v, bytes) else v.encode()) for v in base]
    want_sip = [R.siphash24(v if isinstance(v, bytes) else v.encode(), 5, 6) for v in base]
    idx = np.arange(n) % len(base)
    np.testing.assert_array_equal(F.fingerprint64(values), np.array(want_fp, np.uint64)[idx])
    np.testing.assert_array_equal(F.siphash24(values, 5, 6), np.array(want_sip, np.uint64)[idx])
    arrow = pa.array([v if isinstance(v, bytes) else v.encode() for v in values.tolist()])
    np.testing.assert_array_equal(F.fingerprint64(arrow), np.array(want_fp, np.uint64)[idx])


def test_text_spans_classify_object_arrays(hash_backend):
    text = np.array(["a", b"b", ""], dtype=object)
    # Without the kernel there are no spans: the caller classifies values itself.
    assert (F.text_spans(text) is not None) is (hash_backend == "c")
    for bad in (None, 3, 1.5, np.nan, bytearray(b"a"), ["a"], "\ud800"):
        arr = np.empty(3, dtype=object)
        arr[:2], arr[2] = ["a", "b"], bad
        assert F.text_spans(arr) is None, bad
    assert F.text_spans(np.array(["a", "b"])) is None  # fixed-width: not an object array
    assert F.text_spans(["a", "b"]) is None
    assert F.text_spans(np.array([["a"]], dtype=object)) is None


def test_kernel_refuses_bad_arguments():
    with pytest.raises(ValueError, match="address"):
        hk.text_bytes(None, 0, 3, 8)
    with pytest.raises(ValueError, match="stride"):
        hk.text_bytes(None, 8, 1, 3)
    arr = np.array(["ab", "cde"], dtype=object)
    data, offsets, size = hk.text_bytes(arr, arr.__array_interface__["data"][0], 2, 8)
    assert bytes(data[:size]) == b"abcde"
    assert np.frombuffer(offsets, dtype=np.int64).tolist() == [0, 2, 5]
    out = np.zeros(2, dtype=np.uint64)
    hk.hash_arrow(offsets, data, 0, True, out, 0, 2, 0, 0, 0)
    assert out.tolist() == [R.fingerprint64(b"ab"), R.fingerprint64(b"cde")]
    with pytest.raises(ValueError, match="output range"):
        hk.hash_arrow(offsets, data, 0, True, out, 0, 3, 0, 0, 0)
    with pytest.raises(ValueError, match="output range"):
        hk.hash_arrow(offsets, data, 0, True, out, 2, 1, 0, 0, 0)
    with pytest.raises(ValueError, match="offsets buffer"):
        hk.hash_arrow(offsets[:16], data, 0, True, out, 0, 2, 0, 0, 0)
    with pytest.raises(ValueError, match="kind"):
        hk.hash_arrow(offsets, data, 0, True, out, 0, 2, 2, 0, 0)
    with pytest.raises(BufferError):  # read-only output
        hk.hash_arrow(offsets, data, 0, True, b"\0" * 16, 0, 2, 0, 0, 0)


def test_text_bytes_grows_its_buffer_for_long_strings():
    arr = np.array(["x" * 70000, "é" * 40000, b"\xff" * 3], dtype=object)
    data, offsets, size = hk.text_bytes(arr, arr.__array_interface__["data"][0], 3, 8)
    want = b"".join(v if isinstance(v, bytes) else v.encode() for v in arr)
    assert bytes(data[:size]) == want
    assert F.fingerprint64(arr).tolist() == [R.fingerprint64(v) for v in (
        arr[0].encode(), arr[1].encode(), arr[2])]


ARROW_TYPES = [pa.binary(), pa.large_binary()]


@pytest.mark.parametrize("typ", ARROW_TYPES, ids=str)
def test_arrow_buffers_bit_identical_incl_slices_and_chunks(typ):
    values = [v if isinstance(v, bytes) else v.encode() for v in _values(4)]
    arr = pa.array(values, type=typ)
    pieces = (arr, arr.slice(7, 200), arr.slice(len(arr) - 1), pa.chunked_array([arr[:5], arr[5:]]))
    for piece in pieces:
        want = [R.fingerprint64(v) for v in piece.to_pylist()]
        assert F.fingerprint64(piece).tolist() == want
        want = [R.siphash24(v, 133, 137) for v in piece.to_pylist()]
        assert F.siphash24(piece, 133, 137).tolist() == want
    text = pa.array(["é", "", "abc" * 30], type=pa.large_string()).slice(1)
    assert F.fingerprint64(text).tolist() == [R.fingerprint64(b""), R.fingerprint64(b"abc" * 30)]


def test_arrow_kernel_checks_buffers():
    arr = pa.array([b"ab", b"cde"])
    _, offsets, data = arr.buffers()
    out = np.zeros(2, dtype=np.uint64)
    hk.hash_arrow(offsets, data, 0, False, out, 0, 2, 1, 3, 4)
    assert out.tolist() == [R.siphash24(b"ab", 3, 4), R.siphash24(b"cde", 3, 4)]
    with pytest.raises(ValueError, match="too short"):
        hk.hash_arrow(offsets, data, 1, False, out, 0, 2, 0, 0, 0)
    with pytest.raises(ValueError, match="out of bounds"):  # data shorter than offsets say
        hk.hash_arrow(offsets, b"ab", 0, False, out, 0, 2, 0, 0, 0)
    bad = np.array([0, 3, 1], dtype=np.int32).tobytes()  # decreasing offsets
    with pytest.raises(ValueError, match="out of bounds"):
        hk.hash_arrow(bad, b"abc", 0, False, out, 0, 2, 1, 1, 2)
    with pytest.raises(ValueError, match="negative"):
        hk.hash_arrow(offsets, data, -1, False, out, 0, 1, 0, 0, 0)
    with pytest.raises(ValueError, match="output range"):
        hk.hash_arrow(offsets, data, 0, False, out[:1], 0, 2, 0, 0, 0)


def test_results_are_writable_uint64():
    h = F.fingerprint64(["a", "b"])
    assert h.dtype == np.uint64 and h.flags.writeable
    assert F.hash_to_bins(["A", "B", "C", "D", "E"], 3).tolist() == [1, 0, 1, 1, 2]


def test_empty_input():
    assert hk.fingerprint64([]) == bytearray()
    assert F.fingerprint64([]).shape == (0,) and F.fingerprint64([]).dtype == np.uint64
    assert F.siphash24((), 1, 2).shape == (0,)


@pytest.mark.parametrize("bad", [None, 3, 1.5, ["a"], bytearray(b"a")], ids=repr)
def test_kernel_type_errors(bad):
    with pytest.raises(TypeError, match=rf"{type(bad).__name__}.* index 1"):
        hk.fingerprint64(["a", bad])
    with pytest.raises(TypeError, match=rf"{type(bad).__name__}.* index 1"):
        hk.siphash24(["a", bad], 0, 0)
    with pytest.raises(TypeError):
        hk.fingerprint64(3)


def test_refused_elements_get_the_numpy_paths_errors():
    with pytest.raises(ValueError, match="missing"):
        F.fingerprint64(["a", None])
    with pytest.raises((TypeError, ValueError), match="(?i)string|bytes"):
        F.siphash24(["a", 3], 1, 2)
    with pytest.raises(ValueError, match="1-D"):
        F.fingerprint64([["a", "b"]])


def test_unencodable_str_falls_back(monkeypatch):
    values = ["a", "\ud800"]  # lone surrogate: no UTF-8
    with pytest.raises(Exception) as c_exc:
        F.fingerprint64(values)
    with monkeypatch.context() as m:
        m.setattr(F, "_hashkernel", None)
        with pytest.raises(Exception) as np_exc:
            F.fingerprint64(values)
    assert type(c_exc.value) is type(np_exc.value)


def test_env_var_disables_the_kernel():
    code = "from skprep.hashing import functional as F; print(F._hashkernel is None)"
    env = dict(os.environ, SKPREP_NO_C="1")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "True", out.stderr
