"""RandomInvert, Solarization, RandomPosterization, AutoContrast: Keras parity (from
tests/fixtures/image_pointwise.json.gz), draws, dtypes, layouts and bad input."""

import numpy as np
import pytest

from skprep import (
    AutoContrast,
    Equalization,
    RandomGaussianBlur,
    RandomGrayscale,
    RandomInvert,
    RandomPosterization,
    RandomSharpness,
    Solarization,
)
from skprep.image._base import cast_back
from skprep.image.functional import (
    auto_contrast,
    equalize,
    gaussian_blur,
    invert,
    posterize,
    sharpen,
    solarize,
)
from tests._fixtures import case_ids, load_cases

CASES = load_cases("image_pointwise")
KERNEL_CASES = [
    c
    for c in CASES
    if not c["kwargs"].get("layer_call")
    and c["layer"]
    not in ("RandomGrayscale", "Equalization", "RandomSharpness", "RandomGaussianBlur")
]


def _kernel(case):
    vr = tuple(case["kwargs"]["value_range"])
    x, p = case["input"], case["params"]
    return {
        "AutoContrast": lambda: auto_contrast(x, vr),
        "RandomInvert": lambda: invert(x, p["apply"], vr),
        "Solarization": lambda: solarize(x, p["addition"], p["threshold"], vr),
        "RandomPosterization": lambda: posterize(x, p["bits"], vr),
    }[case["layer"]]()


@pytest.mark.parametrize("case", KERNEL_CASES, ids=case_ids(KERNEL_CASES))
def test_kernels_match_keras(case):
    out = _kernel(case)
    assert out.dtype == np.float32 and out.shape == case["output"].shape
    scale = case["kwargs"]["value_range"][1]
    np.testing.assert_allclose(out, case["output"], rtol=1e-5, atol=1e-5 * scale)


def test_fixtures_cover_every_layer_and_range():
    seen = {(c["layer"], tuple(c["kwargs"]["value_range"])) for c in CASES}
    for layer in ("AutoContrast", "RandomInvert", "Solarization", "RandomPosterization"):
        assert {(layer, (0, 255)), (layer, (0, 1))} <= seen


def test_auto_contrast_layer_matches_keras_incl_uint8_and_channels_first():
    for case in [c for c in CASES if c["layer"] == "AutoContrast"]:
        x = case["input"]
        est = AutoContrast(value_range=tuple(case["kwargs"]["value_range"]))
        want = case["output"] if x.dtype.kind == "f" else cast_back(case["output"], x.dtype)
        out = est.transform(x)
        assert out.dtype == (np.float32 if x.dtype.kind == "f" else x.dtype)
        np.testing.assert_allclose(out, want, rtol=1e-5, atol=1e-5)
        first = AutoContrast(case["kwargs"]["value_range"], data_format="channels_first")
        out_first = first.transform(np.moveaxis(x, -1, 1))
        np.testing.assert_array_equal(np.moveaxis(out_first, 1, -1), out)
        np.testing.assert_array_equal(est.fit_transform(x), out)  # deterministic


def test_solarization_layer_call_matches_keras():
    case = next(c for c in CASES if c["kwargs"].get("layer_call"))
    out = Solarization(0.0, 0.0, random_state=0).fit_transform(case["input"])
    np.testing.assert_allclose(out, case["output"], rtol=1e-6)


def test_flat_channels_keep_their_values():
    x = np.zeros((1, 3, 3, 2), np.float32)
    x[..., 0] = 77.0
    x[..., 1] = np.arange(9).reshape(3, 3)
    out = auto_contrast(x)
    np.testing.assert_array_equal(out[..., 0], 77.0)
    assert out[..., 1].min() == 0 and out[..., 1].max() == 255
    x[0, 0, 0, 1] = np.nan  # as Keras: a channel whose result is NaN keeps its input
    np.testing.assert_array_equal(auto_contrast(x)[..., 1], x[..., 1])


def _images(n=400, seed=0, dtype=np.float32):
    return np.random.default_rng(seed).uniform(0, 255, (n, 3, 4, 3)).astype(dtype)


@pytest.mark.parametrize(("factor", "low", "high"), [(1.0, 400, 400), (0.0, 0, 0), (0.3, 80, 160)])
def test_invert_probability_is_the_scalar_factor(factor, low, high):
    X = _images()
    out = RandomInvert(factor, random_state=1).fit_transform(X)
    inverted = np.all(np.isclose(out, 255 - X), axis=(1, 2, 3))
    kept = np.all(out == X, axis=(1, 2, 3))
    assert np.all(inverted | kept)
    assert low <= inverted.sum() <= high


def test_invert_pair_draws_a_probability_per_image():
    X = _images()
    out = RandomInvert((0.0, 0.5), random_state=2).fit_transform(X)
    rate = np.mean(np.all(np.isclose(out, 255 - X), axis=(1, 2, 3)))
    assert 0.17 <= rate <= 0.33  # mean probability 0.25


def test_invert_with_an_offset_range_stays_in_range():
    X = np.random.default_rng(0).uniform(-1, 1, (5, 2, 2, 1)).astype(np.float32)
    out = RandomInvert(value_range=(-1, 1)).fit_transform(X)
    np.testing.assert_allclose(out, -X)


def test_posterization_bits_include_the_upper_bound():
    X = np.full((600, 1, 1, 1), 255.0, np.float32)
    out = RandomPosterization(3, random_state=0).fit_transform(X)[:, 0, 0, 0]
    kept = {255 - int(v) for v in out}  # 255 with b bits kept -> 256 - 2**(8 - b)
    assert kept == {2**7 - 1, 2**6 - 1, 2**5 - 1}  # b in {1, 2, 3}, each drawn
    fixed = RandomPosterization((8, 8)).fit_transform(_images(5))
    np.testing.assert_array_equal(fixed, np.floor(_images(5)))


def test_solarization_draws_scale_both_bounds():
    est = Solarization((0.2, 0.4), (0.5, 0.6))
    params = est._sample_params(2000, 1, 1, np.random.default_rng(0))
    assert 0.2 * 255 <= params["addition"].min() and params["addition"].max() <= 0.4 * 255
    assert 0.5 * 255 <= params["threshold"].min() and params["threshold"].max() <= 0.6 * 255


@pytest.mark.parametrize(
    "make",
    [
        lambda rs: RandomInvert(0.5, random_state=rs),
        lambda rs: Solarization(0.3, 0.8, random_state=rs),
        lambda rs: RandomPosterization((1, 8), random_state=rs),
    ],
)
def test_random_state_semantics_and_inference(make):
    X = _images(20)
    np.testing.assert_array_equal(make(3).fit_transform(X), make(3).fit_transform(X))
    est = make(np.random.default_rng(3))
    outs = [est.fit_transform(X) for _ in range(3)]
    assert any(not np.array_equal(a, b) for a, b in zip(outs, outs[1:]))
    np.testing.assert_array_equal(make(None).fit(X).transform(X), X)  # inference: unchanged


@pytest.mark.parametrize(
    "est",
    [RandomInvert(), Solarization(0.5, 0.5), RandomPosterization(4), AutoContrast()],
    ids=lambda e: type(e).__name__,
)
def test_integer_images_keep_their_dtype(est):
    X = _images(6, dtype=np.uint8)
    out = est.fit_transform(X)
    assert out.dtype == np.uint8 and out.shape == X.shape
    assert est.fit(X).transform(X).dtype == np.uint8


@pytest.mark.parametrize(
    ("est", "match"),
    [
        (RandomInvert(1.5), "factor"),
        (RandomInvert((0.8, 0.2)), "factor"),
        (Solarization(addition_factor=-0.1), "addition_factor"),
        (Solarization(threshold_factor=(0.2, 1.2)), "threshold_factor"),
        (RandomPosterization(9), "factor"),
        (RandomPosterization(0), "factor"),
        (RandomPosterization(2.5), "factor"),
        (RandomPosterization((6, 2)), "factor"),
        (AutoContrast(value_range=(1, 1)), "value_range"),
        (RandomInvert(value_range=(0,)), "value_range"),
    ],
    ids=str,
)
def test_bad_parameters(est, match):
    with pytest.raises(ValueError, match=match):
        est.fit_transform(_images(2))


def test_bad_input():
    with pytest.raises(ValueError, match="rank"):
        RandomInvert().fit_transform(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="one value per image"):
        invert(_images(3), [True, False])
    with pytest.raises(ValueError, match="bits"):
        posterize(_images(1), 0)
    with pytest.raises(TypeError):
        AutoContrast().transform(np.array([[[["a"]]]]))


# -- RandomGrayscale ---------------------------------------------------------------------------

GRAY_CASES = [c for c in CASES if c["layer"] == "RandomGrayscale"]


@pytest.mark.parametrize("case", GRAY_CASES, ids=case_ids(GRAY_CASES))
def test_grayscale_matches_keras(case):
    est = RandomGrayscale()
    out = est._apply(case["input"], {"apply": np.array(case["params"]["apply"])})
    assert out.dtype == case["output"].dtype and out.shape == case["output"].shape
    np.testing.assert_allclose(out, case["output"], rtol=1e-6, atol=1e-4)


@pytest.mark.parametrize(("factor", "low", "high"), [(1.0, 400, 400), (0.0, 0, 0), (0.5, 160, 240)])
def test_grayscale_probability(factor, low, high):
    X = _images()
    out = RandomGrayscale(factor, random_state=0).fit_transform(X)
    gray = np.all(out == out[..., :1], axis=(1, 2, 3))
    assert np.all(gray | np.all(out == X, axis=(1, 2, 3)))
    assert low <= gray.sum() <= high
    np.testing.assert_array_equal(RandomGrayscale(1.0).fit(X).transform(X), X)


def test_grayscale_channels():
    X = _images(4)[..., :2]
    with pytest.raises(ValueError, match="channels"):
        RandomGrayscale(1.0).fit_transform(X)
    one = _images(4)[..., :1]
    np.testing.assert_array_equal(RandomGrayscale(1.0).fit_transform(one), one)
    with pytest.raises(ValueError, match="factor"):
        RandomGrayscale(1.5).fit_transform(_images(2))


# -- Equalization ------------------------------------------------------------------------------

EQ_CASES = [c for c in CASES if c["layer"] == "Equalization"]


@pytest.mark.parametrize("case", EQ_CASES, ids=case_ids(EQ_CASES))
def test_equalization_matches_keras_bit_exactly(case):
    kw = case["kwargs"]
    est = Equalization(value_range=tuple(kw["value_range"]), bins=kw["bins"])
    out = est.transform(case["input"])
    np.testing.assert_array_equal(out, case["output"])
    np.testing.assert_array_equal(est.fit_transform(case["input"]), out)  # training == inference
    first = Equalization(tuple(kw["value_range"]), kw["bins"], data_format="channels_first")
    out_first = first.transform(np.moveaxis(case["input"], -1, 1))
    np.testing.assert_array_equal(np.moveaxis(out_first, 1, -1), out)


def test_equalization_is_per_image():
    X = _images(5)
    X[1] *= 0.3  # a darker image: batching must not change the others
    whole = equalize(X)
    for i in range(len(X)):
        np.testing.assert_array_equal(whole[i], equalize(X[i : i + 1])[0])


def test_equalization_spec_example_dtype_and_bad_bins():
    x = np.array([0, 0, 100, 200], np.uint8).reshape(1, 2, 2, 1)
    out = Equalization().transform(x)
    assert out.dtype == np.uint8 and out.ravel().tolist() == [0, 0, 128, 255]
    for bins in (1, 2.5, True):
        with pytest.raises((ValueError, TypeError), match="bins"):
            Equalization(bins=bins).transform(x)


# -- RandomSharpness ---------------------------------------------------------------------------

SHARP_CASES = [c for c in CASES if c["layer"] == "RandomSharpness"]


@pytest.mark.parametrize("case", SHARP_CASES, ids=case_ids(SHARP_CASES))
def test_sharpen_matches_keras(case):
    vr = tuple(case["kwargs"]["value_range"])
    out = sharpen(case["input"], case["params"]["factor"], vr)
    np.testing.assert_allclose(out, case["output"], rtol=1e-5, atol=1e-5 * vr[1])
    x = case["input"]
    est = RandomSharpness(0.5, value_range=vr)
    got = est._apply(x, {"factor": np.array(case["params"]["factor"])})
    want = case["output"] if x.dtype.kind == "f" else cast_back(case["output"], x.dtype)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1 if x.dtype.kind != "f" else 1e-3)


def test_sharpness_half_is_identity_and_draws_are_in_range():
    X = _images(30)
    np.testing.assert_allclose(RandomSharpness((0.5, 0.5)).fit_transform(X), X, rtol=1e-6)
    params = RandomSharpness(0.3)._sample_params(3000, 1, 1, np.random.default_rng(0))
    assert 0 <= params["factor"].min() < 0.01 and 0.29 < params["factor"].max() <= 0.3
    with pytest.raises(ValueError, match="factor"):
        RandomSharpness(1.2).fit_transform(X)
    np.testing.assert_array_equal(RandomSharpness(0.9).fit(X).transform(X), X)


# -- RandomGaussianBlur ------------------------------------------------------------------------

BLUR_CASES = [c for c in CASES if c["layer"] == "RandomGaussianBlur"]


@pytest.mark.parametrize("case", BLUR_CASES, ids=case_ids(BLUR_CASES))
def test_gaussian_blur_matches_keras(case, backend):
    x, p, kw = case["input"], case["params"], case["kwargs"]
    n = len(x)
    est = RandomGaussianBlur(kernel_size=kw["kernel_size"], value_range=tuple(kw["value_range"]))
    params = {"apply": np.array(p["apply"]), "sigma": np.tile(p["sigma"], (n, 1))}
    out = est._apply(x, params)
    want = case["output"] if x.dtype.kind == "f" else cast_back(case["output"], x.dtype)
    atol = 1e-5 * kw["value_range"][1] if x.dtype.kind == "f" else 1
    np.testing.assert_allclose(out, want, rtol=1e-5, atol=atol)


def test_gaussian_blur_kernel_properties():
    X = _images(3)
    flat = np.full((2, 9, 9, 1), 100.0, np.float32)
    inner = gaussian_blur(flat, 1.5, 5)[:, 2:-2, 2:-2]
    np.testing.assert_allclose(inner, 100.0, rtol=1e-6)  # weights sum to one
    per_image = gaussian_blur(X, [[0.5, 0.5], [1.0, 2.0], [3.0, 0.7]], 5)
    for i, s in enumerate([[0.5, 0.5], [1.0, 2.0], [3.0, 0.7]]):
        np.testing.assert_allclose(per_image[i], gaussian_blur(X[i : i + 1], [s], 5)[0], rtol=1e-6)
    with pytest.raises(ValueError, match="sigma"):
        gaussian_blur(X, 0.0)
    with pytest.raises(ValueError, match="kernel_size"):
        gaussian_blur(X, 1.0, kernel_size=4)


def test_gaussian_blur_draws_and_parameters():
    X = _images(300)
    est = RandomGaussianBlur(0.4, sigma=(0.5, 2.0), random_state=0)
    params = est._sample_params(300, 3, 4, np.random.default_rng(0))
    assert 90 <= params["apply"].sum() <= 150
    assert params["sigma"].shape == (300, 2)
    assert 0.5 <= params["sigma"].min() and params["sigma"].max() <= 2.0
    out = RandomGaussianBlur(1.0, random_state=0).fit_transform(X)
    assert not np.any(np.all(out == X, axis=(1, 2, 3)))  # every image blurred
    np.testing.assert_array_equal(RandomGaussianBlur().fit(X).transform(X), X)
    for bad in (
        RandomGaussianBlur(sigma=0),
        RandomGaussianBlur(sigma=(2.0, 1.0)),
        RandomGaussianBlur(kernel_size=2),
        RandomGaussianBlur(kernel_size=(3, 4)),
        RandomGaussianBlur(factor=2.0),
    ):
        with pytest.raises(ValueError):
            bad.fit_transform(X[:2])
