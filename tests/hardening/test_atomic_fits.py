"""Class 2 of the hardening battery: a ``fit``/``partial_fit`` that raises -- on any batch of
an iterable, on a Dask partition, in ``finalize`` -- leaves the estimator exactly as it was
(``__dict__`` deep-equal), and the next ``partial_fit`` does not publish the failed call's
batches. Run over every AdaptMixin layer registered in ``tests/_cases.py``."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.base import clone

from skprep.base import AdaptMixin
from skprep.utils.estimator_checks import assert_output_equal
from tests._cases import cases
from tests.hardening._deep import deep_equal, snapshot

ADAPT_CASES = [c for c in cases() if isinstance(c.make(), AdaptMixin)]
IDS = [repr(c.make()) for c in ADAPT_CASES]


class Boom(RuntimeError):
    pass


def _batches(X, n):
    bounds = np.linspace(0, len(X), n + 1).astype(int)
    if hasattr(X, "iloc"):
        return [X.iloc[a:b] for a, b in zip(bounds[:-1], bounds[1:])]
    return [X[a:b] for a, b in zip(bounds[:-1], bounds[1:])]


def _failing(batches, at, mode):
    for i, batch in enumerate(batches):
        if i == at:
            if mode == "raise":
                raise Boom(f"batch {i} failed")
            yield "not a batch"  # a bad batch: refused by validation
            continue
        yield batch


def _prepared(case, prior, X):
    est = clone(case.make())
    if prior == "fitted":
        est.fit(X)
    elif prior == "partial":
        est.partial_fit(_batches(X, 2)[0])
    return est


def _assert_unchanged(est, before, what):
    diff = deep_equal(before, vars(est))
    assert diff is None, f"{what} changed the estimator: {diff}"


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    index=st.integers(0, len(ADAPT_CASES) - 1),
    n=st.integers(2, 5),
    data=st.data(),
    mode=st.sampled_from(["raise", "bad"]),
    prior=st.sampled_from(["unfitted", "fitted", "partial"]),
    method=st.sampled_from(["fit", "partial_fit"]),
)
def test_failed_fit_leaves_the_estimator_exactly_as_before(index, n, data, mode, prior, method):
    case = ADAPT_CASES[index]
    X = case.X()
    at = data.draw(st.integers(1 if mode == "raise" else 0, n - 1), label="failing batch")
    est = _prepared(case, prior, X)
    before = snapshot(est)
    try:
        getattr(est, method)(_failing(_batches(X, n), at, mode))
    except (Boom, ValueError, TypeError):
        pass
    else:  # the bad batch was accepted (some layers take any array): nothing to check
        assert mode == "bad"
        return
    _assert_unchanged(est, before, f"a failed {method} (batch {at} of {n}, {mode})")
    # The failed call's earlier batches are not published by the next partial_fit.
    if prior != "unfitted":
        rest = _batches(X, 2)[1]
        ref = _prepared(case, prior, X)
        est.partial_fit(rest)
        ref.partial_fit(rest)
        assert deep_equal(vars(ref), vars(est)) is None
        assert_output_equal(est.transform(X), ref.transform(X))


@pytest.mark.parametrize("case", ADAPT_CASES, ids=IDS)
def test_failed_refit_on_other_shape_keeps_the_old_model(case):
    X = case.X()
    est = clone(case.make()).fit(X)
    before = snapshot(est)
    arr = np.asarray(X, dtype=object) if not isinstance(X, np.ndarray) else X
    # New width, then a failing batch: n_features_in_ must not change with the stats old.
    wider = np.concatenate([arr, arr], axis=1) if arr.ndim == 2 else arr[:, None]
    with pytest.raises((Boom, ValueError, TypeError)):
        est.fit(_failing([wider[:5], wider[5:]], 1, "raise"))
    _assert_unchanged(est, before, "a failed re-fit")


@pytest.mark.parametrize("case", ADAPT_CASES, ids=IDS)
@pytest.mark.parametrize("method", ["fit", "partial_fit"])
def test_failed_dask_fit_leaves_the_estimator_exactly_as_before(case, method):
    da = pytest.importorskip("dask.array")
    import dask

    X = case.X()
    if not isinstance(X, np.ndarray) or X.dtype == object:
        X = np.asarray(X)

    @dask.delayed
    def broken():
        raise Boom("partition failed")

    good = da.from_array(X, chunks=(max(1, len(X) // 3),) + X.shape[1:])
    bad = da.from_delayed(broken(), shape=(2,) + X.shape[1:], dtype=X.dtype)
    est = clone(case.make())
    est.partial_fit(X[: len(X) // 2])
    before = snapshot(est)
    with dask.config.set(scheduler="synchronous"), pytest.raises(Boom):
        getattr(est, method)(da.concatenate([good, bad]))
    _assert_unchanged(est, before, f"a failed Dask {method}")
