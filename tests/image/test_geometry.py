"""RandomTranslation, RandomRotation, RandomZoom: Keras parity, random semantics, API."""

import math
import pickle

import joblib
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer

from skprep.image import RandomRotation, RandomTranslation, RandomZoom
from skprep.image.functional import (
    affine_transform,
    rotation_transform,
    translation_transform,
    zoom_transform,
)
from skprep.utils.random import as_generator
from tests._fixtures import case_ids, load_cases

LAYERS = {"RandomRotation": RandomRotation, "RandomTranslation": RandomTranslation}
LAYERS["RandomZoom"] = RandomZoom
CASES = [c for c in load_cases("image_geometry") if c["layer"] in LAYERS]


def _kwargs(case):
    return {k: tuple(v) if isinstance(v, list) else v for k, v in case["kwargs"].items()}


@pytest.fixture
def images(seed):
    return np.random.RandomState(seed).uniform(0, 255, size=(6, 9, 10, 3)).astype(np.float32)


# --------------------------------------------------------------------------------------------
# Keras parity (factor ranges of zero width make Keras's draws deterministic)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_matches_keras(case, backend):
    layer = LAYERS[case["layer"]](**_kwargs(case), random_state=0)
    single = case["input"].ndim == 3  # Keras's single image: a batch of one for skprep
    x = case["input"][np.newaxis] if single else case["input"]
    out = layer.fit_transform(x)
    out = out[0] if single else out
    assert out.dtype == case["output"].dtype == np.float32
    assert out.shape == case["output"].shape
    np.testing.assert_allclose(out, case["output"], rtol=1e-6, atol=1e-3)
    inference = layer.transform(x)
    inference = inference[0] if single else inference
    assert inference.dtype == case["inference"].dtype
    np.testing.assert_array_equal(inference, case["inference"])


def test_every_layer_has_parity_cases():
    assert {c["layer"] for c in CASES} == set(LAYERS)
    formats = {(c["layer"], c["kwargs"]["data_format"]) for c in CASES}
    assert len(formats) == 6


# --------------------------------------------------------------------------------------------
# Transform builders
# --------------------------------------------------------------------------------------------


def test_transform_builders_match_spec():
    theta, h, w = 0.3, 7, 10
    cx, cy = (w - 1) / 2, (h - 1) / 2
    c, s = math.cos(theta), math.sin(theta)
    expected = [c, -s, cx - cx * c + cy * s, s, c, cy - cx * s - cy * c, 0, 0]
    np.testing.assert_allclose(rotation_transform([theta], h, w)[0], expected, rtol=1e-6)
    np.testing.assert_array_equal(translation_transform([2.5], [-1]), [[1, 0, -2.5, 0, 1, 1, 0, 0]])
    np.testing.assert_allclose(
        zoom_transform([1.5], [0.5], h, w)[0],
        [1.5, 0, (w - 1) / 2 * -0.5, 0, 0.5, (h - 1) / 2 * 0.5, 0, 0],
    )


def test_rotation_direction_is_counter_clockwise_on_screen():
    image = np.zeros((1, 5, 5, 1), dtype=np.float32)
    image[0, 0, 2] = 1  # top centre
    out = RandomRotation((0.25, 0.25), interpolation="nearest").fit_transform(image)
    assert out[0, 2, 0, 0] == 1 and out.sum() == 1  # moved to the left centre


def test_zoom_out_shrinks_content():
    ramp = np.arange(1, 7, dtype=np.float32).reshape(1, 1, 6, 1)
    kw = {"interpolation": "nearest", "fill_mode": "constant", "fill_value": -1}
    np.testing.assert_array_equal(
        RandomZoom((0.5, 0.5), **kw).fit_transform(ramp).ravel(), [-1, 1, 3, 4, 6, -1]
    )
    np.testing.assert_array_equal(
        RandomZoom((-0.5, -0.5), **kw).fit_transform(ramp).ravel(), [2, 3, 3, 4, 4, 5]
    )


# --------------------------------------------------------------------------------------------
# Random draws: ranges, independence, per-image parameters
# --------------------------------------------------------------------------------------------


def _draw(layer, n=4000, h=20, w=30, seed=0):
    return layer._sample_params(n, h, w, as_generator(seed))


def test_translation_draws(seed):
    p = _draw(RandomTranslation((-0.1, 0.3), 0.2), seed=seed)
    assert p["dy"].dtype == p["dx"].dtype == np.float32
    assert p["dy"].min() >= -0.1 * 20 and p["dy"].max() <= 0.3 * 20
    assert p["dx"].min() >= -0.2 * 30 and p["dx"].max() <= 0.2 * 30
    # uniform: mean and spread of U(lo, hi) * size
    assert abs(p["dy"].mean() - 0.1 * 20) < 0.15
    assert abs(p["dx"].std() - 0.4 * 30 / math.sqrt(12)) < 0.2
    # independent axes, float (not rounded) shifts, every image its own draw
    assert abs(np.corrcoef(p["dx"], p["dy"])[0, 1]) < 0.06
    assert not np.allclose(p["dx"], np.round(p["dx"]))
    assert len(np.unique(p["dx"])) > 0.99 * len(p["dx"])


def test_rotation_draws(seed):
    p = _draw(RandomRotation((-0.05, 0.15)), seed=seed)
    turns = p["angle"] / (2 * np.pi)
    assert turns.min() >= -0.05 - 1e-6 and turns.max() <= 0.15 + 1e-6
    assert abs(turns.mean() - 0.05) < 0.005
    p = _draw(RandomRotation(0.1), seed=seed)
    assert abs(p["angle"].mean()) < 0.01 and p["angle"].max() <= 0.1 * 2 * np.pi + 1e-6


def test_zoom_draws(seed):
    p = _draw(RandomZoom((-0.4, 0.2)), seed=seed)
    assert p["zx"] is p["zy"]  # width_factor=None: same zoom on both axes
    assert p["zy"].min() >= 0.6 and p["zy"].max() <= 1.2
    p = _draw(RandomZoom(0.3, (0.1, 0.5)), seed=seed)
    assert p["zy"].min() >= 0.7 and p["zy"].max() <= 1.3
    assert p["zx"].min() >= 1.1 and p["zx"].max() <= 1.5
    assert abs(np.corrcoef(p["zx"], p["zy"])[0, 1]) < 0.06


def test_translation_moves_each_image_within_range(seed):
    # a single bright pixel, integer shifts visible with nearest interpolation
    n, h, w = 200, 21, 21
    images = np.zeros((n, h, w, 1), dtype=np.float32)
    images[:, 10, 10] = 1
    layer = RandomTranslation(0.2, (0.0, 0.3), fill_mode="constant", interpolation="nearest")
    out = layer.set_params(random_state=seed).fit_transform(images)
    rows, cols = np.nonzero(out[..., 0].sum(axis=2))[1], np.nonzero(out[..., 0].sum(axis=1))[1]
    assert len(rows) == len(cols) == n  # the pixel never leaves a 21 x 21 image here
    dy, dx = rows - 10, cols - 10
    assert dy.min() >= -round(0.2 * h) and dy.max() <= round(0.2 * h)
    assert dx.min() >= 0 and dx.max() <= round(0.3 * w)
    assert len(np.unique(dy)) > 5 and len(np.unique(dx)) > 4  # per-image draws


@settings(max_examples=30, deadline=None)
@given(
    lo=st.floats(-0.99, 1.0),
    width=st.floats(0.0, 1.0),
    n=st.integers(1, 20),
    seed=st.integers(0, 2**16),
)
def test_draws_lie_in_range(lo, width, n, seed):
    hi = min(1.0, lo + width)
    rng = as_generator(seed)
    zoom = RandomZoom((lo, hi))._sample_params(n, 5, 5, rng)
    assert np.all(zoom["zy"] >= np.float32(1 + lo)) and np.all(zoom["zy"] <= np.float32(1 + hi))
    rot = RandomRotation((lo, hi))._sample_params(n, 5, 5, rng)
    assert np.all(rot["angle"] >= lo * 2 * np.pi - 1e-5)
    assert np.all(rot["angle"] <= hi * 2 * np.pi + 1e-5)


def test_estimator_equals_functional(images):
    layer = RandomRotation(0.3, fill_mode="constant", fill_value=5, random_state=3)
    params = layer._sample_params(6, 9, 10, as_generator(3))
    expected = affine_transform(
        images, rotation_transform(params["angle"], 9, 10), fill_mode="constant", fill_value=5
    )
    np.testing.assert_array_equal(layer.fit_transform(images), expected)


# --------------------------------------------------------------------------------------------
# The augmentation contract, random_state, layouts
# --------------------------------------------------------------------------------------------

MAKERS = [
    lambda: RandomTranslation(0.2, 0.2),
    lambda: RandomRotation(0.2),
    lambda: RandomZoom(0.3),
]


@pytest.mark.parametrize("make", MAKERS)
def test_random_state_semantics(make, images):
    a = make().set_params(random_state=0)
    np.testing.assert_array_equal(a.fit_transform(images), a.fit_transform(images))
    rs = make().set_params(random_state=np.random.RandomState(0))
    first, second = rs.fit_transform(images), rs.fit_transform(images)
    assert not np.array_equal(first, second)  # a RandomState advances
    again = make().set_params(random_state=np.random.RandomState(0))
    np.testing.assert_array_equal(again.fit_transform(images), first)
    fresh = make()
    assert not np.array_equal(fresh.fit_transform(images), fresh.fit_transform(images))
    gen = make().set_params(random_state=np.random.default_rng(0))
    assert not np.array_equal(gen.fit_transform(images), gen.fit_transform(images))


@pytest.mark.parametrize("make", MAKERS)
def test_training_vs_inference(make, images):
    uint8 = images.astype(np.uint8)
    layer = make().set_params(random_state=0)
    trained = layer.fit_transform(uint8)
    assert trained.dtype == np.float32 and trained.shape == uint8.shape
    assert not np.array_equal(trained, uint8)
    inferred = layer.transform(uint8)
    assert inferred.dtype == np.float32
    np.testing.assert_array_equal(inferred, uint8)
    # identical images in one batch get different draws
    same = np.repeat(images[:1], 4, axis=0)
    out = layer.fit_transform(same)
    assert not np.array_equal(out[0], out[1])


@pytest.mark.parametrize("make", MAKERS)
def test_layouts_and_grayscale_stack(make, images):
    layer = make().set_params(random_state=1)
    nhwc = layer.fit_transform(images)
    nchw = layer.set_params(data_format="channels_first").fit_transform(np.moveaxis(images, -1, 1))
    np.testing.assert_array_equal(np.moveaxis(nchw, 1, -1), nhwc)
    gray = images[..., 0]  # (n, h, w): n single-channel images
    stack = make().set_params(random_state=1).fit_transform(gray)
    assert stack.shape == gray.shape
    np.testing.assert_array_equal(
        stack, make().set_params(random_state=1).fit_transform(gray[..., None])[..., 0]
    )


def test_zero_factors_are_identity(images):
    for layer in [RandomTranslation(0, 0), RandomRotation(0), RandomZoom(0)]:
        np.testing.assert_array_equal(layer.fit_transform(images), images)


def test_default_fill_mode_is_reflect():
    for layer in [RandomTranslation(0.1, 0.1), RandomRotation(0.1), RandomZoom(0.1)]:
        assert layer.fill_mode == "reflect" and layer.interpolation == "bilinear"


# --------------------------------------------------------------------------------------------
# Bad input
# --------------------------------------------------------------------------------------------

X = np.zeros((2, 4, 4, 1), dtype=np.float32)


@pytest.mark.parametrize(
    "make, match",
    [
        (lambda: RandomRotation(1.5), r"in the range \[-1.0, 1.0\]. Received: factor=1.5"),
        (lambda: RandomRotation((0.3, 0.1)), "lower <= upper"),
        (lambda: RandomRotation((-2, 0.1)), "factor"),
        (lambda: RandomRotation("big"), "factor"),
        (lambda: RandomRotation((0.1, 0.2, 0.3)), "factor"),
        (lambda: RandomTranslation(1.2, 0.1), "height_factor"),
        (lambda: RandomTranslation(0.1, (-1.5, 0)), "width_factor"),
        (lambda: RandomZoom(-1.0), r"\(-1.0, 1.0\]"),
        (lambda: RandomZoom((-1.0, 0.5)), "height_factor"),
        (lambda: RandomZoom(0.2, 1.5), "width_factor"),
        (lambda: RandomZoom(0.2, fill_mode="mirror"), "fill_mode"),
        (lambda: RandomRotation(0.2, interpolation="bicubic"), "interpolation"),
        (lambda: RandomTranslation(0.1, 0.1, data_format="nhwc"), "data_format"),
        (lambda: RandomRotation(0.2, fill_value="black"), "fill_value"),
        (lambda: RandomRotation(0.2, random_state=-1), "random_state"),
    ],
)
def test_bad_parameters(make, match):
    layer = make()
    for method in (layer.fit, layer.fit_transform):
        with pytest.raises(ValueError, match=match):
            method(X)


@pytest.mark.parametrize("make", MAKERS)
@pytest.mark.parametrize("shape", [(4, 4), (1, 2, 4, 4, 1), (5,)])
def test_bad_rank(make, shape):
    with pytest.raises(ValueError, match="rank 3"):
        make().fit_transform(np.zeros(shape))


def test_bad_dtype_and_transform_before_fit():
    with pytest.raises(TypeError, match="integers or floats"):
        RandomZoom(0.1).fit_transform(np.full((1, 2, 2, 1), "a"))
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        RandomZoom(0.1).transform(X)


# --------------------------------------------------------------------------------------------
# scikit-learn integration
# --------------------------------------------------------------------------------------------


def _flatten(X):
    return X.reshape(len(X), -1)


def test_pipeline_grid_search_and_joblib(tmp_path):
    digits = load_digits()
    images = (digits.images[:300, :, :, None] / 16).astype(np.float32)
    y = digits.target[:300]
    pipe = make_pipeline(
        RandomRotation(0.05, fill_mode="constant", random_state=0),
        FunctionTransformer(_flatten),
        LogisticRegression(max_iter=2000),
    )
    search = GridSearchCV(pipe, {"randomrotation__factor": [0.0, 0.05, 0.2]}, cv=2)
    search.fit(images, y)
    assert search.best_params_["randomrotation__factor"] in (0.0, 0.05, 0.2)
    assert search.score(images, y) > 0.8
    # prediction goes through transform (inference: no rotation)
    fitted = search.best_estimator_
    np.testing.assert_array_equal(fitted[0].transform(images), images)

    path = tmp_path / "pipe.joblib"
    joblib.dump(fitted, path)
    loaded = joblib.load(path)
    np.testing.assert_array_equal(loaded.predict(images), fitted.predict(images))
    layer = pickle.loads(pickle.dumps(RandomZoom(0.2, random_state=4)))
    np.testing.assert_array_equal(
        layer.fit_transform(images[:5]), RandomZoom(0.2, random_state=4).fit_transform(images[:5])
    )
    assert clone(layer).get_params() == layer.get_params()
