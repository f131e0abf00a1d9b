"""The hashing demo pipeline trains, beats the majority class, and survives joblib."""

import joblib
import numpy as np

from skprep._demo.hashing import cases


def test_hashing_demo(tmp_path):
    (case,) = cases()
    case.pipeline.fit(case.X_train, case.y_train)
    majority = max(np.mean(case.y_test), 1 - np.mean(case.y_test))
    assert case.pipeline.score(case.X_test, case.y_test) > majority + 0.05
    joblib.dump(case.pipeline, tmp_path / "p.joblib")
    reloaded = joblib.load(tmp_path / "p.joblib")
    np.testing.assert_array_equal(
        reloaded.predict(case.raw_input), case.pipeline.predict(case.raw_input)
    )
