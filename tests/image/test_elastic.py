"""RandomElasticTransform: Keras parity with pinned noise (tests/fixtures/image_elastic.json.gz),
the border rules, draws, the training/inference contract and bad input."""

import numpy as np
import pytest

from skprep import RandomElasticTransform
from skprep.image._elastic import elastic_parameters
from skprep.image.functional import elastic_transform
from skprep.image.functional._elastic import sample
from tests._fixtures import case_ids, load_cases

CASES = load_cases("image_elastic")
WARPS = [c for c in CASES if "noise" in c]
PARAMS = [c for c in CASES if "noise" not in c]


@pytest.mark.parametrize("case", WARPS, ids=case_ids(WARPS))
def test_matches_keras_with_pinned_noise(case):
    k = case["kwargs"]
    out = elastic_transform(
        case["input"],
        case["noise"],
        k["alpha"],
        k["sigma"],
        k["interpolation"],
        k["fill_mode"],
        k["fill_value"],
    )
    assert out.dtype == np.float32
    # Keras blurs with a 2-D convolution, skprep with two 1-D passes: float32 rounding only
    np.testing.assert_allclose(out, case["output"], rtol=0, atol=1e-3)
    if k["sigma"] < 1 or k["interpolation"] == "nearest":
        np.testing.assert_array_equal(out, case["output"])


def test_fixtures_cover_the_fill_modes():
    modes = {c["kwargs"]["fill_mode"] for c in WARPS}
    assert modes == {"reflect", "wrap", "constant", "nearest"}


@pytest.mark.parametrize("case", PARAMS, ids=case_ids(PARAMS))
def test_alpha_and_sigma_follow_keras(case):
    k = case["kwargs"]
    got = elastic_parameters(k["height"], k["width"], k["distortion"])
    np.testing.assert_array_equal(np.float32(got), case["output"])


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        # row a b c = 1 2 3 read at -2 .. 4
        ("reflect", [3, 2, 1, 2, 3, 3, 2]),
        ("wrap", [2, 3, 1, 2, 3, 1, 2]),
        ("constant", [-1, -1, 1, 2, 3, -1, -1]),
        ("nearest", [1, 1, 1, 2, 3, 3, 3]),
        ("mirror", [3, 2, 1, 2, 3, 2, 1]),
    ],
)
def test_border_rules(mode, expected):
    row = np.array([1.0, 2.0, 3.0], np.float32).reshape(1, 1, 3, 1)
    cols = np.arange(-2, 5, dtype=np.float32).reshape(1, 1, 7)
    rows = np.zeros_like(cols)
    out = sample(row, rows, cols, "nearest", mode, -1.0)
    assert out.ravel().tolist() == expected


def test_zero_noise_is_identity_and_fields_are_smooth():
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 255, (2, 16, 12, 3)).astype(np.float32)
    same = elastic_transform(x, np.zeros((2, 16, 12, 2)), 5.0, 2.0)
    np.testing.assert_array_equal(same, x)
    # a larger sigma gives a smoother deformation: neighbouring displacements agree more
    ramp = np.broadcast_to(np.arange(64, dtype=np.float32), (1, 64, 64)).copy()[..., None]
    noise = rng.standard_normal((1, 64, 64, 2)).astype(np.float32)
    rough = elastic_transform(ramp, noise, 3.0, 0.5) - ramp
    smooth = elastic_transform(ramp, noise, 3.0, 3.0) - ramp
    d_rough = np.abs(np.diff(rough[0, 8:-8, 8:-8, 0], axis=1)).mean()
    d_smooth = np.abs(np.diff(smooth[0, 8:-8, 8:-8, 0], axis=1)).mean()
    assert d_smooth < d_rough / 3


def test_draws():
    est = RandomElasticTransform(factor=(0.2, 0.6), scale=(0.3, 0.5))
    p = est._sample_params(20000, 4, 5, np.random.default_rng(1))
    assert 0.37 <= p["apply"].mean() <= 0.43
    d = p["distortion"]
    assert 0.3 <= d.min() and d.max() <= 0.5 and abs(d.mean() - 0.4) < 0.003
    noise = p["noise"]
    assert noise.shape == (p["apply"].sum(), 4, 5, 2) and noise.dtype == np.float32
    assert abs(noise.std() - 1) < 0.01
    # the x and y fields are independent (Keras's are identical)
    assert abs(np.corrcoef(noise[..., 0].ravel(), noise[..., 1].ravel())[0, 1]) < 0.01
    always = RandomElasticTransform()._sample_params(500, 4, 5, np.random.default_rng(2))
    assert always["apply"].all() and 0 <= always["distortion"].min()


def test_contract():
    rng = np.random.default_rng(3)
    x = rng.integers(0, 256, (4, 20, 18, 3)).astype(np.uint8)
    est = RandomElasticTransform(random_state=4)
    a = est.fit_transform(x)
    np.testing.assert_array_equal(a, est.fit_transform(x))
    assert a.dtype == np.float32 and a.min() >= 0 and a.max() <= 255
    assert not np.array_equal(a, x)
    np.testing.assert_array_equal(est.transform(x), x)
    assert est.transform(x).dtype == np.float32
    never = RandomElasticTransform(factor=0.0, random_state=0).fit_transform(x)
    np.testing.assert_array_equal(never, x)
    unit = RandomElasticTransform(value_range=(0, 1), random_state=0).fit_transform(x / 255.0)
    assert unit.min() >= 0 and unit.max() <= 1
    first = RandomElasticTransform(random_state=4, data_format="channels_first")
    np.testing.assert_array_equal(
        first.fit_transform(x.transpose(0, 3, 1, 2)).transpose(0, 2, 3, 1), a
    )
    x32 = x.astype(np.float32)
    RandomElasticTransform(random_state=0).fit_transform(x32)
    np.testing.assert_array_equal(x32, x)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"factor": 2.0}, "factor"),
        ({"scale": 1.5}, "scale"),
        ({"scale": (0.5, 0.1)}, "scale"),
        ({"fill_mode": "symmetric"}, "fill_mode"),
        ({"interpolation": "bicubic"}, "interpolation"),
        ({"value_range": (2, 2)}, "value_range"),
        ({"fill_value": None}, "fill_value"),
    ],
)
def test_bad_parameters(kwargs, match):
    with pytest.raises((ValueError, TypeError), match=match):
        RandomElasticTransform(**kwargs).fit_transform(np.zeros((1, 4, 4, 1)))


def test_bad_kernel_arguments():
    x = np.zeros((1, 4, 4, 1), np.float32)
    with pytest.raises(ValueError, match="noise"):
        elastic_transform(x, np.zeros((1, 4, 4)), 1.0, 1.0)
    with pytest.raises(ValueError, match="fill_mode"):
        elastic_transform(x, np.zeros((1, 4, 4, 2)), 1.0, 1.0, fill_mode="edge")
    with pytest.raises(ValueError, match="finite"):
        elastic_transform(x, np.zeros((1, 4, 4, 2)), np.nan, 1.0)
