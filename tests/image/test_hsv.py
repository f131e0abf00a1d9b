"""HSV colour kernels and layers: RandomSaturation, RandomHue, RandomColorDegeneration,
RandomColorJitter (Keras parity from tests/fixtures/image_hsv.json.gz, draws, behaviour)."""

import numpy as np
import pytest

from skprep.image.functional import (
    adjust_hue,
    adjust_saturation,
    degenerate_color,
    hsv_to_rgb,
    rgb_to_grayscale,
    rgb_to_hsv,
)
from tests._fixtures import case_ids, load_cases

ALL_CASES = load_cases("image_hsv")
KERNEL_CASES = [c for c in ALL_CASES if c["layer"] == "kernel"]
TRANSFORM_CASES = [c for c in ALL_CASES if c.get("kind") == "transform"]
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
