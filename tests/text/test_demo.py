"""The text demo classifies stdlib docstrings from raw strings and survives joblib."""

import joblib
import numpy as np

from skprep._demo.text import PACKAGES, cases


def test_demo_pipeline(tmp_path):
    (case,) = cases()
    case.pipeline.fit(case.X_train, case.y_train)
    baseline = max(np.mean(case.y_test == c) for c in PACKAGES)
    assert case.pipeline.score(case.X_test, case.y_test) > baseline + 0.3
    path = tmp_path / "pipe.joblib"
    joblib.dump(case.pipeline, path)
    served = joblib.load(path).predict(case.raw_input)
    np.testing.assert_array_equal(served, case.pipeline.predict(case.raw_input))
    assert list(served) == list(PACKAGES)
