"""Class 5 of the hardening battery: every estimator answers hostile input -- NaN/inf, empty
arrays, integers beyond int64, wrong ranks, wrong dtypes, object arrays of mixed types --
by working or by a ``ValueError``/``TypeError`` with a message; never another exception
(IndexError, OverflowError, pyarrow's errors, a NumPy internal message ...).

The inputs are derived from each registered case's own data, so each estimator sees its
own kind of input made hostile in one way."""

import copy
import warnings

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from tests._cases import cases

CASES = cases()
IDS = [repr(c.make()) for c in CASES]


def _arr(X):
    if hasattr(X, "to_numpy"):
        return X.to_numpy()
    return np.asarray(X)


def _with(X, value, dtype=object):
    out = _arr(X).astype(dtype, copy=True)
    out.flat[out.size // 2] = value
    return out


def hostile(X):
    """name -> hostile variant of ``X``."""
    a = _arr(X)
    numeric = a.dtype.kind in "biuf"
    out = {
        "huge_int": _with(a, 2**64),
        "minus_huge_int": _with(a, -(2**70)),
        "int64_max": _with(a, np.iinfo(np.int64).max),
        "uint64_max": np.full(a.shape, np.iinfo(np.uint64).max, dtype=np.uint64),
        "none_inside": _with(a, None),
        "dict_inside": _with(a, {"a": 1}),
        "bytes_inside": _with(a, b"\xff\xfe"),
        "float_in_strings": _with(a, 1.5),
        "empty_rows": a[:0],
        "no_columns": a.reshape(a.shape[0], -1)[:, :0],
        "rank_up": a[..., None],
        "rank_down": a.reshape(-1),
        "rank_0": a.reshape(-1)[0],
        "complex": np.ones(a.shape, dtype=complex),
        "datetime": np.full(a.shape, np.datetime64("2020-01-01")),
        "bools": np.ones(a.shape, dtype=bool),
        "ragged_lists": [[1, 2], [3]],
    }
    if numeric:
        f = a.astype(np.float64)
        out["nan"] = _with(f, np.nan, np.float64)
        out["inf"] = _with(f, np.inf, np.float64)
        out["minus_inf"] = _with(f, -np.inf, np.float64)
        out["all_nan"] = np.full(a.shape, np.nan)
        out["huge_float"] = _with(f, 1e308, np.float64)
        out["strings"] = np.full(a.shape, "x", dtype=object)
    else:
        out["numbers"] = np.arange(a.size).reshape(a.shape)
        out["nan_strings"] = _with(a, np.nan)
    return out


ALLOWED = (ValueError, TypeError, NotFittedError)


def _call(fn, what):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fn()
    except ALLOWED as exc:
        assert str(exc).strip(), f"{what}: {type(exc).__name__} without a message"
        # pyarrow's own exception types are ValueError/TypeError subclasses: not clear
        assert type(exc).__module__.split(".")[0] != "pyarrow", f"{what}: raw {exc!r}"
        return
    except Exception as exc:  # any other exception is the defect this test looks for
        raise AssertionError(f"{what}: {type(exc).__name__}: {exc}") from exc


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_hostile_inputs_give_clear_errors(case):
    X = case.X()
    fitted = clone(case.make()).fit(X)
    failures = []
    for name, bad in hostile(X).items():
        for what, fn in (
            ("fit", lambda bad=bad: clone(case.make()).fit(bad)),
            ("fit_transform", lambda bad=bad: clone(case.make()).fit_transform(bad)),
            ("transform", lambda bad=bad: copy.deepcopy(fitted).transform(bad)),
        ):
            try:
                _call(fn, f"{what}({name})")
            except AssertionError as exc:
                failures.append(str(exc)[:300])
    assert not failures, "\n".join(failures)


# -- the named examples of the class ---------------------------------------------------------


def test_tf_idf_without_any_token_is_finite():
    from skprep import StringLookup, TextVectorization

    tv = TextVectorization(output_mode="tf_idf").fit(["", "  ", "..."])
    assert np.isfinite(tv.idf_weights_).all()
    assert np.isfinite(tv.transform(["a b"]).toarray()).all()
    sl = StringLookup(output_mode="tf_idf", max_tokens=2, mask_token="").fit([""])
    assert np.isfinite(sl.idf_weights_).all()


def test_equalization_refuses_nan_pixels_clearly():
    from skprep import Equalization

    img = np.zeros((1, 4, 4, 3), np.float32)
    img[0, 1, 1, 1] = np.nan
    with pytest.raises(ValueError, match="finite pixel values"):
        Equalization().fit_transform(img)


def test_hashing_huge_num_bins_encoded():
    from skprep import Hashing
    from skprep.hashing.functional import hash_to_bins

    out = Hashing(num_bins=2**62, output_mode="multi_hot").fit_transform(np.array([["a"], ["b"]]))
    assert out.shape == (2, 2**62) and out.nnz == 2
    np.testing.assert_array_equal(out.indices, hash_to_bins(["a", "b"], 2**62))


@pytest.mark.parametrize(
    "make, X",
    [
        ("IntegerLookup", np.array([[2**64]], dtype=object)),
        ("IntegerLookup", np.array([2**70])),
        ("Hashing", [[2**64]]),
        ("HashedCrossing", np.array([[2**64, 1]], dtype=object)),
    ],
)
def test_integers_beyond_int64_give_a_value_error(make, X):
    import skprep

    est = getattr(skprep, make)(**({"num_bins": 3} if "Hash" in make else {}))
    with pytest.raises(ValueError, match="64 bits|int64|out of range"):
        est.fit_transform(X)


@pytest.mark.parametrize(
    "make, X",
    [
        (lambda s: s.Rescaling(scale=float("nan")), np.ones((1, 2))),
        (lambda s: s.Rescaling(scale=1.0, offset=float("inf")), np.ones((1, 2))),
        (lambda s: s.MelSpectrogram(ref_power=float("nan")), np.ones((1, 4096))),
        (lambda s: s.STFTSpectrogram(window=np.zeros(256)), np.ones((1, 1024))),
        (lambda s: s.Normalization(mean=np.nan, variance=1.0), np.ones((2, 2))),
        (lambda s: s.RandomBrightness(0.1, value_range=(5, 5)), np.ones((1, 4, 4, 3))),
        (lambda s: s.RandomContrast(0.1, value_range=(5, 5)), np.ones((1, 4, 4, 3))),
        (lambda s: s.Solarization(value_range=(5, 5)), np.ones((1, 4, 4, 3))),
    ],
)
def test_degenerate_parameters_are_refused(make, X):
    import skprep

    with pytest.raises(ValueError, match="finite|value_range|window|low < high"):
        make(skprep).fit_transform(X)


def test_text_vectorization_accepts_string_view():
    pa = pytest.importorskip("pyarrow")
    if not hasattr(pa, "string_view"):  # pragma: no cover - pyarrow < 16
        pytest.skip("pyarrow without string_view")
    from skprep import TextVectorization

    plain = TextVectorization().fit(["a b", "c"])
    view = TextVectorization().fit(pa.array(["a b", "c"]).cast(pa.string_view()))
    assert view.get_vocabulary() == plain.get_vocabulary()
    out = view.transform(pa.array(["a b"]).cast(pa.string_view()))
    np.testing.assert_array_equal(out, plain.transform(["a b"]))
    binary = pa.array([b"a b", b"c"]).cast(pa.binary_view())
    assert TextVectorization().fit(binary).get_vocabulary() == plain.get_vocabulary()
