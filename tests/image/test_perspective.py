"""RandomPerspective: Keras parity with pinned corner displacements
(tests/fixtures/image_perspective.json.gz), the homography kernel, draws and bad input."""

import numpy as np
import pytest

from skprep import RandomPerspective
from skprep.image._base import check_images
from skprep.image._perspective import perspective_corners
from skprep.image.functional import affine_transform, perspective, perspective_transform
from tests._fixtures import case_ids, load_cases

CASES = load_cases("image_perspective")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_matches_keras_with_pinned_displacements(case):
    est = RandomPerspective(**case["kwargs"])
    batch = check_images(case["input"], case["kwargs"]["data_format"])
    out = batch.restore(est._apply(batch.images, case["params"]))
    assert out.dtype == np.float32 and out.shape == case["output"].shape
    # Keras solves the homography in float32: sample points agree to ~1e-4 pixel
    np.testing.assert_allclose(out, case["output"], rtol=0, atol=1e-3)
    if case["kwargs"]["interpolation"] == "nearest":
        np.testing.assert_array_equal(out, case["output"])


def test_fixtures_cover_interpolations_and_skipped_images():
    assert {c["kwargs"]["interpolation"] for c in CASES} == {"bilinear", "nearest"}
    assert any(not c["params"]["apply"].all() for c in CASES)


def test_homography_maps_end_points_to_start_points():
    rng = np.random.default_rng(0)
    start = np.array([[0, 0], [20, 0], [0, 15], [20, 15]], float)
    end = start + rng.uniform(-3, 3, start.shape)
    t = perspective_transform(start, end)[0].astype(float)
    for (sx, sy), (ex, ey) in zip(start, end):
        k = t[6] * ex + t[7] * ey + 1
        np.testing.assert_allclose(
            [(t[0] * ex + t[1] * ey + t[2]) / k, (t[3] * ex + t[4] * ey + t[5]) / k],
            [sx, sy],
            atol=1e-4,
        )


def test_identity_corners_and_the_affine_warp_agree():
    x = np.random.default_rng(1).uniform(0, 255, (2, 6, 7, 3)).astype(np.float32)
    corners = [[0, 0], [6, 0], [0, 5], [6, 5]]
    np.testing.assert_allclose(perspective(x, corners, corners), x, atol=1e-4)
    moved = [[1, 0], [7, 0], [1, 5], [7, 5]]
    shift = affine_transform(x, [1, 0, -1, 0, 1, 0, 0, 0], fill_mode="constant", fill_value=3)
    np.testing.assert_allclose(perspective(x, corners, moved, fill_value=3), shift, atol=1e-4)


def test_corners_follow_keras_and_top_left_stays():
    start, end = perspective_corners(np.full((2, 4, 2), -0.5), 5, 9)
    assert start[0].tolist() == [[0, 0], [8, 0], [0, 4], [8, 4]]
    assert end[0].tolist() == [[0, 0], [4, 0], [0, 2], [4, 2]]


@pytest.mark.parametrize(
    ("factor", "low", "high"), [(1.0, 1.0, 1.0), (0.3, 0.25, 0.35), (0.0, 0, 0)]
)
def test_scalar_factor_is_the_probability(factor, low, high):
    p = RandomPerspective(factor)._sample_params(4000, 8, 8, np.random.default_rng(0))
    assert low <= p["apply"].mean() <= high


def test_pair_factor_and_displacement_draws():
    est = RandomPerspective((0.2, 0.6), scale=0.4)
    p = est._sample_params(20000, 8, 8, np.random.default_rng(1))
    assert 0.37 <= p["apply"].mean() <= 0.43  # E[U(0.2, 0.6)] = 0.4
    f = p["factors"]
    assert f.shape == (20000, 4, 2) and f.dtype == np.float32
    assert -0.2 <= f.min() < -0.19 and 0.19 < f.max() <= 0.2
    assert abs(f.mean()) < 0.005 and abs(f.std() - 0.4 / np.sqrt(12)) < 0.005
    assert abs(np.corrcoef(f[:, 1, 0], f[:, 3, 1])[0, 1]) < 0.03  # independent draws


def test_reproducible_training_and_float32_inference():
    x = np.random.default_rng(2).integers(0, 256, (5, 12, 10, 3)).astype(np.uint8)
    est = RandomPerspective(scale=0.5, random_state=3)
    a, b = est.fit_transform(x), est.fit_transform(x)
    np.testing.assert_array_equal(a, b)
    assert a.dtype == np.float32 and not np.array_equal(a, x)
    inference = est.transform(x)
    assert inference.dtype == np.float32
    np.testing.assert_array_equal(inference, x)
    none = RandomPerspective(0.0, random_state=0).fit_transform(x)
    np.testing.assert_array_equal(none, x)
    single = RandomPerspective(scale=0.5, random_state=3).fit_transform(x[0])
    assert single.shape == x[0].shape
    x32 = x.astype(np.float32)
    RandomPerspective(random_state=0).fit_transform(x32)
    np.testing.assert_array_equal(x32, x)  # input not modified


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"factor": 1.5}, "factor"),
        ({"factor": (0.6, 0.2)}, "factor"),
        ({"scale": 1.5}, "scale"),
        ({"scale": -0.1}, "scale"),
        ({"scale": "big"}, "scale"),
        ({"interpolation": "bicubic"}, "interpolation"),
        ({"fill_value": "zero"}, "fill_value"),
    ],
)
def test_bad_parameters(kwargs, match):
    with pytest.raises((ValueError, TypeError), match=match):
        RandomPerspective(**kwargs).fit_transform(np.zeros((1, 4, 4, 1)))


def test_images_need_two_rows_and_columns():
    est = RandomPerspective(random_state=0)
    with pytest.raises(ValueError, match="2 x 2"):
        est.fit_transform(np.zeros((2, 1, 5, 3)))
    assert not hasattr(est, "fitted_")
    assert est.fit_transform(np.zeros((2, 2, 2, 1))).shape == (2, 2, 2, 1)


def test_bad_points():
    with pytest.raises(ValueError, match="start_points"):
        perspective_transform(np.zeros((3, 2)), np.zeros((3, 2)))
    with pytest.raises(ValueError, match="same shape"):
        perspective_transform(np.zeros((4, 2)), np.zeros((2, 4, 2)))
    with pytest.raises(ValueError, match="NaN"):
        perspective_transform(np.full((4, 2), np.nan), np.zeros((4, 2)))
    with pytest.raises(ValueError, match="line"):
        perspective_transform(np.zeros((4, 2)), np.zeros((4, 2)))
