"""The lookup demo pipeline trains, beats the majority baseline and serves unseen values."""

import numpy as np

from skprep._demo.lookup import cases


def test_demo_pipeline():
    (case,) = cases()
    case.pipeline.fit(case.X_train, case.y_train)
    baseline = max(np.mean(case.y_test), 1 - np.mean(case.y_test))
    assert case.pipeline.score(case.X_test, case.y_test) > baseline + 0.03
    # raw rows include an unseen city, channel and store id: all go to OOV slots
    assert case.pipeline.predict(case.raw_input).shape == (3,)
