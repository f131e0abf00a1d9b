"""The optional compiled kernel (``skprep.hashing._hashkernel``) against the NumPy kernels
and the scalar reference: bit-identical results, and the fallback for what it refuses."""

import os
import subprocess
import sys

import numpy as np
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


def test_compiled_path_is_taken_for_lists_tuples_and_object_arrays(monkeypatch):
    calls = []
    real = hk

    class Spy:
        def __getattr__(self, name):
            calls.append(name)
            return getattr(real, name)

    monkeypatch.setattr(F, "_hashkernel", Spy())
    for values in (["a", b"b"], ("a", "b"), np.array(["a", b"b"], dtype=object)):
        F.fingerprint64(values)
        F.siphash24(values, 1, 2)
    assert calls == ["fingerprint64", "siphash24"] * 3
    calls.clear()
    F.fingerprint64(np.array(["a", "b"]))  # fixed-width str arrays: NumPy path
    assert calls == []


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
