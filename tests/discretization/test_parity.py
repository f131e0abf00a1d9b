"""Parity of Discretization with Keras fixtures (tools/keras_fixtures/discretization.py)."""

import numpy as np
import pytest

from skprep import Discretization
from skprep.numeric import discretize
from tests._fixtures import case_ids, load_cases

from ._data import case_input

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


@pytest.mark.parametrize("case", BATCHED, ids=case_ids(BATCHED))
def test_fit_on_batches_matches_keras_adapt_on_batches(case):
    batches = case_input(case)
    streamed = Discretization(**case["kwargs"]).fit(iter(batches))
    np.testing.assert_array_equal(streamed.bin_boundaries_.astype(np.float64), case["boundaries"])
    _check_output(streamed.transform(case["probe"]), case["output"])
    partial = Discretization(**case["kwargs"])
    for batch in batches:
        partial.partial_fit(batch)
    np.testing.assert_array_equal(partial.bin_boundaries_, streamed.bin_boundaries_)


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
