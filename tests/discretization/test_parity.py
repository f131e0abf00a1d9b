"""Parity of Discretization with Keras fixtures (tools/keras_fixtures/discretization.py)."""

import numpy as np
import pytest

from skprep import Discretization
from skprep.numeric import discretize, get_bin_boundaries, merge_summaries, summarize
from tests._fixtures import case_ids, load_cases

from ._data import case_input, rank_error

CASES = load_cases("discretization")
ADAPTED = [c for c in CASES if "boundaries" in c]
GIVEN = [c for c in CASES if "boundaries" not in c]
ONE_BATCH = [c for c in ADAPTED if "splits" not in c]
BATCHED = [c for c in ADAPTED if "splits" in c]


def _dense(out):
    return out.toarray() if hasattr(out, "toarray") else out


def _check_output(out, expected):
    out = _dense(out)
    assert out.shape == expected.shape
    assert out.dtype == expected.dtype  # int32 indices, float32 encodings
    np.testing.assert_array_equal(out, expected)


def _sparse_ok(kwargs, probe):
    one_hot_nm = kwargs.get("output_mode") == "one_hot" and probe.ndim == 2 and probe.shape[1] > 1
    return not one_hot_nm


@pytest.mark.parametrize("case", ONE_BATCH, ids=case_ids(ONE_BATCH))
def test_fit_matches_keras_adapt_exactly(case):
    layer = Discretization(**case["kwargs"], sparse=_sparse_ok(case["kwargs"], case["probe"]))
    data = case_input(case)
    layer.fit(data)
    assert layer.bin_boundaries_.dtype == np.float32
    # bit-exact: Keras's list of Python floats holds float32 values
    np.testing.assert_array_equal(layer.bin_boundaries_.astype(np.float64), case["boundaries"])
    if case["probe"].shape[1:] == data.shape[1:]:
        _check_output(layer.transform(case["probe"]), case["output"])
    else:  # skprep keeps the rank seen in fit; the function takes any shape
        _check_output(discretize(case["probe"], layer.bin_boundaries_), case["output"])


def _keras_adapt_on_batches(batches, epsilon, num_bins):
    """Keras's adapt over a sequence of batches, from the public summary functions."""
    running = np.zeros((2, 0), dtype=np.float32)
    for batch in batches:
        running = merge_summaries(summarize(batch, epsilon), running, epsilon)
    return get_bin_boundaries(running, num_bins)


@pytest.mark.parametrize("case", BATCHED, ids=case_ids(BATCHED))
def test_summary_functions_match_keras_adapt_on_batches(case):
    """The functional core reproduces Keras's (batch-dependent) streamed adapt bit for bit."""
    kwargs = {"epsilon": 0.01, **case["kwargs"]}
    got = _keras_adapt_on_batches(case_input(case), kwargs["epsilon"], kwargs["num_bins"])
    np.testing.assert_array_equal(got.astype(np.float64), case["boundaries"])
    _check_output(discretize(case["probe"], got), case["output"])


@pytest.mark.parametrize("case", BATCHED, ids=case_ids(BATCHED))
def test_fit_on_batches_is_drift_free_where_keras_drifts(case):
    """skprep's streamed fit deliberately differs from Keras's: same number of boundaries,
    each within the certified rank bound (<= epsilon) of its exact quantile."""
    batches = case_input(case)
    x = np.concatenate(batches)
    streamed = Discretization(**case["kwargs"]).fit(iter(batches))
    partial = Discretization(**case["kwargs"])
    for batch in batches:
        partial.partial_fit(batch)
    np.testing.assert_array_equal(partial.bin_boundaries_, streamed.bin_boundaries_)
    b = streamed.bin_boundaries_
    assert b.shape == case["boundaries"].shape
    bound = streamed.adapt_state_.rank_error_bound
    assert bound <= streamed.epsilon
    if x.size <= streamed.adapt_state_.capacity:  # exact: Keras's one-batch fit of all values
        whole = Discretization(**case["kwargs"]).fit(x)
        np.testing.assert_array_equal(b, whole.bin_boundaries_)
    else:
        assert rank_error(b, x, streamed.num_bins) <= bound + 1e-12


@pytest.mark.parametrize("case", GIVEN, ids=case_ids(GIVEN))
@pytest.mark.parametrize("sparse", [True, False])
def test_transform_matches_keras_call(case, sparse):
    kwargs, probe = case["kwargs"], case["probe"]
    layer = Discretization(**kwargs, sparse=sparse)
    if sparse and not _sparse_ok(kwargs, probe):
        with pytest.raises(ValueError, match="sparse=False"):
            layer.transform(probe)
        return
    out = layer.transform(probe)
    if sparse and kwargs.get("output_mode", "int") != "int":
        assert out.format == "csr"
    _check_output(out, case["output"])
    # the fitted estimator agrees with the unfitted one (Keras: call without adapt)
    _check_output(
        Discretization(**kwargs, sparse=sparse).fit(probe).transform(probe), case["output"]
    )


@pytest.mark.parametrize("case", [c for c in GIVEN if "output_mode" not in c["kwargs"]])
def test_discretize_function_matches_keras(case):
    out = discretize(case["probe"], case["kwargs"]["bin_boundaries"])
    _check_output(out, case["output"])


def test_fixture_coverage():
    names = {c["name"] for c in CASES}
    nb = {c["kwargs"].get("num_bins") for c in ADAPTED}
    assert {49, 98}.issubset(nb)
    assert {"one_hot", "multi_hot", "count"}.issubset(
        {c["kwargs"].get("output_mode") for c in CASES}
    )
    assert len(BATCHED) >= 3 and len(names) == len(CASES)
