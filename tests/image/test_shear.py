"""RandomShear: Keras parity (tests/fixtures/image_shear.json.gz, bit-exact), draws and bad
input."""

import numpy as np
import pytest

from skprep.image import RandomShear
from skprep.image.functional import shear_transform
from tests._fixtures import case_ids, load_cases

CASES = load_cases("image_shear")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_shear_matches_keras_bit_exactly(case, backend):
    est = RandomShear(**case["kwargs"])
    params = {k: np.array(v, np.float32) for k, v in case["params"].items()}
    out = est._apply(case["input"], params)
    np.testing.assert_array_equal(out, case["output"])


def test_fixtures_cover_every_fill_mode_and_interpolation():
    seen = {(c["kwargs"]["fill_mode"], c["kwargs"]["interpolation"]) for c in CASES}
    assert len(seen) == 8


def test_draws_share_one_sign_and_stay_in_range():
    est = RandomShear((0.2, 0.4), (0.1, 0.3))
    p = est._sample_params(4000, 5, 5, np.random.default_rng(0))
    assert np.all(np.sign(p["sx"]) == np.sign(p["sy"]))
    assert 0.2 <= np.abs(p["sx"]).min() and np.abs(p["sx"]).max() <= 0.4
    assert 0.1 <= np.abs(p["sy"]).min() and np.abs(p["sy"]).max() <= 0.3
    assert 0.45 <= np.mean(p["sx"] < 0) <= 0.55


def test_zero_shear_is_identity_and_inference_is_float32():
    X = np.random.default_rng(0).uniform(0, 255, (3, 6, 7, 3)).astype(np.uint8)
    out = RandomShear(random_state=0).fit_transform(X)
    np.testing.assert_array_equal(out, X.astype(np.float32))
    inference = RandomShear(0.5).fit(X).transform(X)
    assert inference.dtype == np.float32
    np.testing.assert_array_equal(inference, X)


def test_shear_transform_and_bad_factors():
    assert shear_transform([0.5], [0.25]).tolist() == [[1, 0.5, 0, 0.25, 1, 0, 0, 0]]
    X = np.zeros((1, 4, 4, 1), np.float32)
    for bad in (RandomShear(1.5), RandomShear((0.5, 0.2)), RandomShear(y_factor=(-0.1, 0.2))):
        with pytest.raises(ValueError, match="factor"):
            bad.fit_transform(X)
