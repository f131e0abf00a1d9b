"""HSV colour kernels and layers: RandomSaturation, RandomHue, RandomColorDegeneration,
RandomColorJitter (Keras parity from tests/fixtures/image_hsv.json.gz, draws, behaviour)."""

import numpy as np
import pytest

from skprep.image import (
    RandomBrightness,
    RandomColorDegeneration,
    RandomColorJitter,
    RandomContrast,
    RandomHue,
    RandomSaturation,
)
from skprep.image._base import cast_back
from skprep.image._draws import saturation_multiplier
from skprep.image.functional import (
    adjust_brightness,
    adjust_contrast,
    adjust_hue,
    adjust_saturation,
    degenerate_color,
    hsv_to_rgb,
    rgb_to_grayscale,
    rgb_to_hsv,
)
from skprep.utils.random import as_generator
from tests._fixtures import case_ids, load_cases

ALL_CASES = load_cases("image_hsv")
KERNEL_CASES = [c for c in ALL_CASES if c["layer"] == "kernel"]
TRANSFORM_CASES = [c for c in ALL_CASES if c.get("kind") == "transform"]
LAYER_CASES = [c for c in ALL_CASES if c.get("kind") in ("layer", "params")]
LAYERS = {
    "RandomColorDegeneration": RandomColorDegeneration,
    "RandomColorJitter": RandomColorJitter,
    "RandomHue": RandomHue,
    "RandomSaturation": RandomSaturation,
}
KERNELS = {
    "rgb_to_hsv": rgb_to_hsv,
    "hsv_to_rgb": hsv_to_rgb,
    "rgb_to_grayscale": rgb_to_grayscale,
}


def _scale(case):
    return float(np.max(case["kwargs"]["value_range"])) if "kwargs" in case else 255.0


# --------------------------------------------------------------------------------------------
# Kernels: Keras / TF parity
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", KERNEL_CASES, ids=case_ids(KERNEL_CASES))
def test_kernel_matches_tf(case):
    out = KERNELS[case["kernel"]](case["input"])
    assert out.dtype == np.float32
    assert out.shape == case["output"].shape
    np.testing.assert_allclose(out, case["output"], rtol=1e-6, atol=1e-6)


def _kernel_for(case):
    x = case["input"].astype(np.float32)
    params = case["params"]
    value_range = tuple(case["kwargs"]["value_range"])
    if case["layer"] == "RandomSaturation":
        # Keras 3 clips the new saturation to value_range: reproduced by saturation_range.
        return adjust_saturation(x, params["multiplier"], saturation_range=value_range)
    if case["layer"] == "RandomHue":
        return adjust_hue(x, params["delta"], value_range=value_range)
    return degenerate_color(x, params["factor"], value_range=value_range)


@pytest.mark.parametrize("case", TRANSFORM_CASES, ids=case_ids(TRANSFORM_CASES))
def test_kernel_matches_keras_transform(case):
    out = _kernel_for(case)
    assert out.dtype == np.float32
    assert out.shape == case["output"].shape
    scale = _scale(case)
    np.testing.assert_allclose(out, case["output"], rtol=1e-5, atol=2e-5 * scale)


def test_fixtures_cover_every_kernel_and_layer():
    assert {c["kernel"] for c in KERNEL_CASES} == set(KERNELS)
    layers = {c["layer"] for c in ALL_CASES}
    assert {"RandomSaturation", "RandomHue", "RandomColorDegeneration"} <= layers
    assert {"channels_first"} <= {c.get("data_format") for c in TRANSFORM_CASES}
    assert {np.dtype(np.uint8)} <= {c["input"].dtype for c in ALL_CASES}


# --------------------------------------------------------------------------------------------
# Kernels: properties
# --------------------------------------------------------------------------------------------


@pytest.fixture
def rgb():
    return np.random.default_rng(0).uniform(0, 255, (3, 6, 7, 3)).astype(np.float32)


@pytest.mark.parametrize("scale", [1.0, 255.0])
def test_hsv_round_trip(rgb, scale):
    x = rgb / 255 * scale
    hsv = rgb_to_hsv(x)
    assert hsv[..., 0].min() >= 0 and hsv[..., 0].max() < 1
    assert hsv[..., 1].min() >= 0 and hsv[..., 1].max() <= 1
    np.testing.assert_allclose(hsv[..., 2], x.max(axis=-1))
    np.testing.assert_allclose(hsv_to_rgb(hsv), x, rtol=1e-5, atol=1e-5 * scale)


def test_greys_have_zero_hue_and_saturation():
    x = np.array([0.0, 0.25, 1.0], np.float32).repeat(3).reshape(1, 1, 3, 3)
    hsv = rgb_to_hsv(x)
    np.testing.assert_array_equal(hsv[..., :2], 0)
    np.testing.assert_array_equal(hsv[..., 2], [[[0.0, 0.25, 1.0]]])


def test_identity_parameters(rgb):
    np.testing.assert_allclose(adjust_saturation(rgb, 1.0), rgb, rtol=1e-5, atol=1e-3)
    np.testing.assert_allclose(adjust_hue(rgb, 0.0), rgb, rtol=1e-5, atol=1e-3)
    np.testing.assert_array_equal(degenerate_color(rgb, 0.0), rgb)


def test_hue_full_turn_and_half_turn_either_way(rgb):
    np.testing.assert_allclose(adjust_hue(rgb, 1.0), rgb, rtol=1e-5, atol=1e-3)
    np.testing.assert_allclose(adjust_hue(rgb, 0.5), adjust_hue(rgb, -0.5), atol=1e-3)


def test_saturation_zero_and_degenerate_one_are_grey(rgb):
    grey = adjust_saturation(rgb, 0.0)
    np.testing.assert_array_equal(grey, np.repeat(rgb.max(axis=-1, keepdims=True), 3, -1))
    luma = degenerate_color(rgb, 1.0)
    np.testing.assert_allclose(luma, np.repeat(rgb_to_grayscale(rgb), 3, -1), rtol=1e-6)


def test_per_image_parameters(rgb):
    out = adjust_hue(rgb, [0.1, -0.2, 0.3])
    for i, d in enumerate([0.1, -0.2, 0.3]):
        np.testing.assert_array_equal(out[i], adjust_hue(rgb[i : i + 1], d)[0])
    out = degenerate_color(rgb, [0.1, 0.5, 1.0], value_range=(0, 255))
    np.testing.assert_array_equal(out[2], degenerate_color(rgb[2:], 1.0, (0, 255))[0])


def test_chunked_batches_equal_whole(rgb):
    big = np.random.default_rng(1).uniform(0, 255, (9, 150, 160, 3)).astype(np.float32)
    m = np.linspace(0, 3, 9)
    whole = adjust_saturation(big, m)
    for i in (0, 4, 8):
        np.testing.assert_array_equal(whole[i], adjust_saturation(big[i : i + 1], m[i])[0])


@pytest.mark.parametrize(
    "kernel", [rgb_to_hsv, hsv_to_rgb, rgb_to_grayscale, lambda x: adjust_hue(x, 0.1)]
)
@pytest.mark.parametrize("shape", [(2, 4, 4, 1), (2, 4, 4, 4), (4, 4, 3)])
def test_kernels_need_rgb_batches(kernel, shape):
    with pytest.raises(ValueError, match="RGB batch"):
        kernel(np.zeros(shape, np.float32))


def test_per_image_parameter_length_is_checked(rgb):
    with pytest.raises(ValueError, match="one value per image"):
        adjust_saturation(rgb, [1.0, 2.0])
    with pytest.raises(ValueError, match="one value per image"):
        degenerate_color(rgb, np.ones((3, 1)))


# --------------------------------------------------------------------------------------------
# Estimators: Keras parity (fixed draws, or explicit parameters)
# --------------------------------------------------------------------------------------------


def _kwargs(case):
    return {k: tuple(v) if isinstance(v, list) else v for k, v in case["kwargs"].items()}


def _expected(case, key="output"):
    """Keras's float output; integer input is rounded and saturated as skprep does."""
    out = case[key]
    if case["input"].dtype.kind in "iu":
        return cast_back(out.astype(np.float32), case["input"].dtype)
    return out


@pytest.mark.parametrize("case", LAYER_CASES, ids=case_ids(LAYER_CASES))
def test_layer_matches_keras(case):
    x = case["input"]
    channels_first = case["data_format"] == "channels_first"
    layer = LAYERS[case["layer"]](**_kwargs(case), data_format=case["data_format"], random_state=0)
    xin = np.moveaxis(x, -1, 1) if channels_first else x
    if case["kind"] == "params":
        # Keras's pinned contrast 1.2 has no skprep factor: feed the same numbers.
        layer = RandomColorJitter(
            brightness_factor=0.1, contrast_factor=0.2, saturation_factor=0.25, hue_factor=1.0
        )
        out = layer._apply(x, {k: np.asarray(v) for k, v in case["params"].items()})
    else:
        out = layer.fit_transform(xin)
        if channels_first:
            out = np.moveaxis(out, 1, -1)
        inference = layer.transform(xin)
        assert inference.dtype == (np.float32 if x.dtype.kind == "f" else x.dtype)
        np.testing.assert_array_equal(inference, xin)
    expected = _expected(case)
    assert out.dtype == expected.dtype and out.shape == expected.shape
    scale = float(np.max(case["kwargs"].get("value_range", [0, 255])))
    if x.dtype.kind in "iu":  # a float32 rounding may cross a .5 boundary
        assert np.abs(out.astype(int) - expected.astype(int)).max() <= 1
    else:
        np.testing.assert_allclose(out, expected, rtol=1e-5, atol=5e-5 * scale)


SATURATION_TRANSFORMS = [c for c in TRANSFORM_CASES if c["layer"] == "RandomSaturation"]


@pytest.mark.parametrize("case", SATURATION_TRANSFORMS, ids=case_ids(SATURATION_TRANSFORMS))
def test_saturation_equals_keras_where_keras_saturation_stays_in_unit_range(case):
    x = case["input"].astype(np.float32)
    mult = case["params"]["multiplier"]
    value_range = tuple(case["kwargs"]["value_range"])
    ours = adjust_saturation(x, mult)  # the estimator's clip to [0, 1]
    s_new = rgb_to_hsv(x)[..., 1] * mult.reshape(-1, 1, 1)
    scale = value_range[1]
    for i in range(len(x)):
        if value_range == (0, 1) or s_new[i].max() <= 1:
            np.testing.assert_allclose(ours[i], case["output"][i], rtol=1e-5, atol=2e-5 * scale)
        else:  # Keras 3's clip to value_range leaves S > 1: out-of-range pixels
            assert ours[i].min() >= 0 and ours[i].max() <= x[i].max() + 1e-3
            assert case["output"][i].min() < 0


def test_saturation_one_is_full_saturation_not_keras_overflow():
    x = np.array([[[[200.0, 100.0, 50.0], [10.0, 20.0, 30.0]]]], np.float32)
    out = RandomSaturation((1.0, 1.0)).fit_transform(x)
    hsv = rgb_to_hsv(out)
    np.testing.assert_allclose(hsv[..., 1], 1.0, rtol=1e-6)
    np.testing.assert_allclose(hsv[..., 2], x.max(axis=-1), rtol=1e-6)


# --------------------------------------------------------------------------------------------
# Estimators: draws
# --------------------------------------------------------------------------------------------


def _draw(layer, n=4000, seed=0):
    return layer._sample_params(n, 4, 4, as_generator(seed))


@pytest.mark.parametrize("cls", [RandomColorDegeneration, RandomSaturation])
def test_unit_factor_draws(cls):
    key = "factor" if cls is RandomColorDegeneration else "multiplier"
    to_f = (lambda v: v) if key == "factor" else (lambda m: m / (1 + m))  # invert f/(1-f)
    f = to_f(_draw(cls(0.6))[key])
    assert f.min() >= 0 and f.max() <= 0.6 + 1e-6  # scalar f -> [0, f] (documented)
    assert abs(f.mean() - 0.3) < 0.02 and f.std() > 0.15
    f = to_f(_draw(cls((0.2, 0.4)))[key])
    assert f.min() >= 0.2 - 1e-6 and f.max() <= 0.4 + 1e-6
    np.testing.assert_allclose(to_f(_draw(cls((0.3, 0.3)))[key]), 0.3, rtol=1e-5)


def test_saturation_multiplier_is_keras_formula():
    f = np.array([0.0, 0.25, 0.5, 0.9, 1.0], np.float32)
    np.testing.assert_array_equal(
        saturation_multiplier(f), f / (np.float32(1) - f + np.float32(1e-7))
    )
    assert saturation_multiplier(1.0) > 1e6


def test_hue_draws_sign_and_magnitude():
    delta = _draw(RandomHue((0.2, 0.6)))["delta"]
    assert np.abs(delta).min() >= 0.1 and np.abs(delta).max() <= 0.3
    assert abs((delta < 0).mean() - 0.5) < 0.03
    # Keras's order: all n signs first (minus when u > 0.5), then the n magnitudes.
    rng = as_generator(5)
    u, mag = rng.uniform(size=7), rng.uniform(0.2, 0.6, size=7)
    expected = np.where(u > 0.5, -1, 1) * mag * 0.5
    np.testing.assert_allclose(_draw(RandomHue((0.2, 0.6)), n=7, seed=5)["delta"], expected)
    delta = _draw(RandomHue(0.4))["delta"]
    assert np.abs(delta).max() <= 0.2 and abs(np.abs(delta).mean() - 0.1) < 0.01


def test_jitter_draws_are_the_steps_draws_in_order():
    jitter = RandomColorJitter(
        (0, 255), brightness_factor=0.2, contrast_factor=0.3, saturation_factor=0.7, hue_factor=0.4
    )
    params = _draw(jitter, n=9, seed=3)
    assert list(params) == [
        "brightness_delta",
        "contrast_factor",
        "saturation_multiplier",
        "hue_delta",
    ]
    rng = as_generator(3)
    expected = [
        RandomBrightness(0.2)._sample_params(9, 4, 4, rng)["delta"],
        RandomContrast(0.3)._sample_params(9, 4, 4, rng)["contrast_factor"],
        RandomSaturation(0.7)._sample_params(9, 4, 4, rng)["multiplier"],
        RandomHue(0.4)._sample_params(9, 4, 4, rng)["delta"],
    ]
    for got, want in zip(params.values(), expected):
        np.testing.assert_array_equal(got, want)
    # contrast follows Keras's documented range: a scalar draws from [1 - f, 1 + f]
    c = _draw(RandomColorJitter(contrast_factor=0.3))["contrast_factor"]
    assert c.min() >= 0.7 and c.max() <= 1.3 and (c < 1).mean() > 0.4
    only = _draw(RandomColorJitter(hue_factor=0.1), n=5)
    assert list(only) == ["hue_delta"]


@pytest.fixture
def images():
    return np.random.RandomState(3).uniform(0, 255, size=(6, 9, 10, 3)).astype(np.float32)


def test_estimators_equal_functional(images):
    layer = RandomColorDegeneration(0.8, random_state=3)
    p = layer._sample_params(6, 9, 10, as_generator(3))
    np.testing.assert_array_equal(
        layer.fit_transform(images), degenerate_color(images, p["factor"], (0, 255))
    )
    layer = RandomSaturation(0.9, random_state=3)
    p = layer._sample_params(6, 9, 10, as_generator(3))
    np.testing.assert_array_equal(
        layer.fit_transform(images), adjust_saturation(images, p["multiplier"])
    )
    layer = RandomHue(0.9, value_range=(255, 0), random_state=3)
    p = layer._sample_params(6, 9, 10, as_generator(3))
    np.testing.assert_array_equal(
        layer.fit_transform(images), adjust_hue(images, p["delta"], (0, 255))
    )
    layer = RandomColorJitter(
        brightness_factor=0.2,
        contrast_factor=0.3,
        saturation_factor=0.7,
        hue_factor=0.4,
        random_state=3,
    )
    p = layer._sample_params(6, 9, 10, as_generator(3))
    out = adjust_brightness(images, p["brightness_delta"], (0, 255))
    out = adjust_contrast(out, p["contrast_factor"], (0, 255))
    out = adjust_saturation(out, p["saturation_multiplier"])
    out = adjust_hue(out, p["hue_delta"], (0, 255))
    np.testing.assert_array_equal(layer.fit_transform(images), out)


# --------------------------------------------------------------------------------------------
# The augmentation contract, random_state, dtypes, layouts
# --------------------------------------------------------------------------------------------

MAKERS = [
    lambda: RandomColorDegeneration(0.9),
    lambda: RandomSaturation((0.0, 1.0)),
    lambda: RandomHue(0.8),
    lambda: RandomColorJitter(brightness_factor=0.3, saturation_factor=0.9, hue_factor=0.5),
]


@pytest.mark.parametrize("make", MAKERS)
def test_random_state_semantics(make, images):
    a = make().set_params(random_state=0)
    np.testing.assert_array_equal(a.fit_transform(images), a.fit_transform(images))
    rs = make().set_params(random_state=np.random.RandomState(0))
    first, second = rs.fit_transform(images), rs.fit_transform(images)
    assert not np.array_equal(first, second)
    again = make().set_params(random_state=np.random.RandomState(0))
    np.testing.assert_array_equal(again.fit_transform(images), first)
    gen = make().set_params(random_state=np.random.default_rng(0))
    assert not np.array_equal(gen.fit_transform(images), gen.fit_transform(images))
    fresh = make()
    assert not np.array_equal(fresh.fit_transform(images), fresh.fit_transform(images))


@pytest.mark.parametrize("make", MAKERS)
@pytest.mark.parametrize("dtype", [np.uint8, np.int32, np.float64, np.float32])
def test_training_vs_inference_and_dtypes(make, images, dtype):
    x = images.astype(dtype)
    layer = make().set_params(random_state=0)
    trained = layer.fit_transform(x)
    out_dtype = np.float32 if np.dtype(dtype).kind == "f" else dtype
    assert trained.dtype == out_dtype and trained.shape == x.shape
    assert not np.array_equal(trained, x)
    if np.dtype(dtype).kind in "iu":
        as_float = layer.fit_transform(x.astype(np.float32))
        np.testing.assert_array_equal(trained, cast_back(as_float, dtype))
    inferred = layer.transform(x)
    assert inferred.dtype == out_dtype
    np.testing.assert_array_equal(inferred, x.astype(out_dtype))
    # identical images in one batch get different draws
    same = np.repeat(images[:1], 4, axis=0)
    out = layer.fit_transform(same)
    assert not np.array_equal(out[0], out[1])


@pytest.mark.parametrize("make", MAKERS)
def test_layouts(make, images):
    layer = make().set_params(random_state=1)
    nhwc = layer.fit_transform(images)
    nchw = layer.set_params(data_format="channels_first").fit_transform(np.moveaxis(images, -1, 1))
    np.testing.assert_array_equal(np.moveaxis(nchw, 1, -1), nhwc)


def test_identity_factors(images):
    np.testing.assert_array_equal(RandomColorDegeneration(0.0).fit_transform(images), images)
    np.testing.assert_allclose(
        RandomSaturation((0.5, 0.5)).fit_transform(images), images, rtol=1e-5, atol=1e-3
    )
    np.testing.assert_allclose(RandomHue(0.0).fit_transform(images), images, atol=1e-3)
    np.testing.assert_array_equal(RandomColorJitter().fit_transform(images), images)


def test_outputs_stay_in_value_range(images):
    unit = images / 255
    for layer in (
        RandomColorDegeneration((0.0, 1.0), value_range=(0, 1)),
        RandomSaturation((0.0, 1.0), value_range=(0, 1)),
        RandomHue(1.0, value_range=(0, 1)),
        RandomColorJitter((0, 1), 0.5, 0.5, 1.0, 1.0),
    ):
        out = layer.set_params(random_state=0).fit_transform(unit)
        assert out.min() >= 0 and out.max() <= 1 + 1e-6


def test_jitter_brightness_and_contrast_accept_any_channels():
    x = np.random.RandomState(0).uniform(0, 255, (2, 4, 5, 1)).astype(np.float32)
    out = RandomColorJitter(brightness_factor=0.2, contrast_factor=0.2).fit_transform(x)
    assert out.shape == x.shape


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    MAKERS[:3] + [lambda: RandomColorJitter(hue_factor=0.1)],
)
@pytest.mark.parametrize("shape", [(2, 4, 4, 1), (2, 4, 4, 4), (4, 4, 2)])
def test_need_three_channels(make, shape):
    x = np.zeros(shape, np.float32)
    with pytest.raises(ValueError, match="needs RGB images with 3 channels"):
        make().fit_transform(x)
    with pytest.raises(ValueError, match="needs RGB images with 3 channels"):
        make().fit(np.zeros((1, 2, 2, 3))).transform(x)


@pytest.mark.parametrize("cls", [RandomColorDegeneration, RandomSaturation, RandomHue])
@pytest.mark.parametrize("factor", [1.5, -0.2, (0.2, 1.2), (-0.1, 0.5), (0.6, 0.3), "a", (0.1,)])
def test_bad_factor(cls, factor, images):
    with pytest.raises(ValueError, match="`factor`"):
        cls(factor).fit_transform(images)


@pytest.mark.parametrize("cls", [RandomColorDegeneration, RandomSaturation, RandomHue])
@pytest.mark.parametrize("value_range", [(0,), 255, (0, "a"), (0, np.inf), (5, 5)])
def test_bad_value_range(cls, value_range, images):
    with pytest.raises(ValueError, match="`value_range`"):
        cls(0.5, value_range=value_range).fit(images)


@pytest.mark.parametrize(
    "kwargs, name",
    [
        ({"brightness_factor": 1.5}, "brightness_factor"),
        ({"contrast_factor": (2.0, 0.5)}, "contrast_factor"),
        ({"saturation_factor": -0.3}, "saturation_factor"),
        ({"hue_factor": (0.5, 0.1)}, "hue_factor"),
        ({"value_range": (1,), "hue_factor": 0.1}, "value_range"),
        ({"value_range": (1, 1), "brightness_factor": 0.1}, "value_range"),
    ],
)
def test_jitter_bad_arguments_name_the_parameter(kwargs, name, images):
    with pytest.raises(ValueError, match=f"`{name}`"):
        RandomColorJitter(**kwargs).fit_transform(images)


def test_bad_rank_and_dtype():
    with pytest.raises(ValueError, match="rank"):
        RandomHue(0.1).fit_transform(np.zeros((2, 3), np.float32))
    with pytest.raises(TypeError):
        RandomSaturation(0.1).fit_transform(np.array([[["a", "b", "c"]]]))
