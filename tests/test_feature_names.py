"""Every ``get_feature_names_out`` checks ``input_features`` with scikit-learn's rules."""

import numpy as np
import pandas as pd
import pytest

from skprep import StringLookup
from tests._cases import cases

WITH_NAMES = [c for c in cases() if hasattr(c.make(), "get_feature_names_out")]


def _fitted_with_names(case):
    est = case.make()
    X = case.X()
    est.fit(X)
    try:
        names = est.get_feature_names_out()
    except ValueError:  # e.g. int-mode TextVectorization without output_sequence_length
        pytest.skip("no feature names for this configuration")
    return est, names


@pytest.mark.parametrize("case", WITH_NAMES, ids=lambda c: repr(c.make()))
def test_wrong_number_of_input_features_raises(case):
    est, _ = _fitted_with_names(case)
    n_in = getattr(est, "n_features_in_", None)
    if n_in is None:
        pytest.skip("fitted on 1-D or image input: no column count to check against")
    with pytest.raises(ValueError, match="input_features"):
        est.get_feature_names_out([f"f{i}" for i in range(n_in + 1)])
    right = [f"x{i}" for i in range(n_in)]
    if getattr(est, "feature_names_in_", None) is not None:
        right = list(est.feature_names_in_)
    assert len(est.get_feature_names_out(right)) == len(est.get_feature_names_out())


def test_string_lookup_on_two_columns_refuses_three_names():
    """Issue 17: it returned three names for ['p', 'q', 'r']."""
    X = np.array([["a", "b"], ["c", "a"]], dtype=object)
    layer = StringLookup().fit(X)
    assert layer.get_feature_names_out(["p", "q"]).tolist() == ["p", "q"]
    with pytest.raises(ValueError, match="input_features"):
        layer.get_feature_names_out(["p", "q", "r"])
    named = StringLookup(output_mode="multi_hot").fit(pd.DataFrame(X, columns=["u", "v"]))
    with pytest.raises(ValueError, match="feature_names_in_"):
        named.get_feature_names_out(["v", "u"])
