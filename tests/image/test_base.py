"""The shared image plumbing (skprep/image/_base.py)."""

import numpy as np
import pytest

from skprep.image._base import (
    RANDOM_STATE_CONSTRAINT,
    BaseImageAugmentation,
    cast_back,
    check_images,
    check_value_range,
    parse_factor,
)


class _AddNoise(BaseImageAugmentation):
    """A toy augmentation: add one uniform number per image."""

    _parameter_constraints = {
        **BaseImageAugmentation._image_constraints,
        "random_state": RANDOM_STATE_CONSTRAINT,
    }

    def __init__(self, *, data_format=None, random_state=None):
        self.data_format = data_format
        self.random_state = random_state

    def _sample_params(self, n_images, height, width, rng):
        return {"delta": rng.uniform(0, 1, size=n_images).astype(np.float32)}

    def _apply(self, images, params):
        return images.astype(np.float32) + params["delta"][:, None, None, None]

    def _inference(self, images):
        return images.astype(np.float32)


@pytest.mark.parametrize("shape", [(2, 5, 6, 3), (5, 6, 3)])
@pytest.mark.parametrize("data_format", [None, "channels_last", "channels_first"])
def test_check_images_round_trip(shape, data_format):
    X = np.arange(np.prod(shape)).reshape(shape)
    batch = check_images(X, data_format)
    assert batch.images.ndim == 4
    if data_format == "channels_first":
        assert batch.images.shape[-1] == shape[-3]
    out = batch.restore(batch.images)
    np.testing.assert_array_equal(out, X)


@pytest.mark.parametrize("shape", [(5,), (5, 6), (1, 2, 3, 4, 5)])
def test_check_images_rank(shape):
    with pytest.raises(ValueError, match="Expected image tensor to have rank 3"):
        check_images(np.zeros(shape))


def test_check_images_bad_input():
    with pytest.raises(TypeError, match="integers or floats"):
        check_images(np.array([[["a"]]]))
    with pytest.raises(ValueError, match="data_format"):
        check_images(np.zeros((1, 2, 2, 1)), "nchw")
    with pytest.raises(ValueError, match="at least one"):
        check_images(np.zeros((0, 2, 2, 1)))
    with pytest.raises(ValueError, match="at least one"):
        check_images(np.zeros((1, 0, 2, 1)))


def test_cast_back():
    out = cast_back(np.array([-1.4, 0.5, 1.5, 70000.0], np.float32), np.int16)
    np.testing.assert_array_equal(out, [-1, 0, 2, 32767])
    assert cast_back(np.ones(2, np.float32), np.float64).dtype == np.float32


@pytest.mark.parametrize(
    "factor, kwargs, expected",
    [
        (0.3, {}, (-0.3, 0.3)),
        (-0.3, {}, (-0.3, 0.3)),
        ((0.3, 0.3), {}, (0.3, 0.3)),
        ([-1, 1], {}, (-1.0, 1.0)),
        (0.4, {"bounds": (0, 1), "scalar": "keras_base"}, (0.0, 0.4)),
        ((0.2, 0.5), {"bounds": (0, 1)}, (0.2, 0.5)),
        (1.0, {"include_lower": False}, (-1.0, 1.0)),
    ],
)
def test_parse_factor(factor, kwargs, expected):
    assert parse_factor(factor, **kwargs) == pytest.approx(expected)


@pytest.mark.parametrize(
    "factor, kwargs",
    [
        (1.5, {}),
        ((0.1, 1.1), {}),
        ((0.1,), {}),
        ("0.1", {}),
        (None, {}),
        (True, {}),
        (float("nan"), {}),
        ((-1.0, 0.5), {"include_lower": False}),
        (-0.1, {"bounds": (0, 1)}),
    ],
)
def test_parse_factor_rejects(factor, kwargs):
    with pytest.raises(ValueError, match="argument should be a number"):
        parse_factor(factor, "height_factor", **kwargs)


def test_parse_factor_rejects_unsorted():
    with pytest.raises(ValueError, match="lower <= upper"):
        parse_factor((0.5, -0.5))


def test_check_value_range():
    assert check_value_range((1, 0)) == (0.0, 1.0)
    for bad in (5, (1, 2, 3), ("a", 1), None):
        with pytest.raises(ValueError, match="value_range"):
            check_value_range(bad)


def test_augmentation_contract():
    X = np.zeros((4, 3, 2, 1), np.uint8)
    est = _AddNoise(random_state=0)
    a, b = est.fit_transform(X), est.fit_transform(X)
    np.testing.assert_array_equal(a, b)
    assert len(np.unique(a[:, 0, 0, 0])) == 4  # one draw per image
    np.testing.assert_array_equal(est.transform(X), X.astype(np.float32))
    est = _AddNoise(random_state=np.random.default_rng(0))
    assert not np.array_equal(est.fit_transform(X), est.fit_transform(X))
    single = _AddNoise(random_state=0).fit_transform(X[0])
    assert single.shape == X[0].shape
    cf = _AddNoise(random_state=0, data_format="channels_first").fit_transform(
        np.zeros((4, 1, 3, 2))
    )
    assert cf.shape == (4, 1, 3, 2)
    with pytest.raises(ValueError, match="random_state"):
        _AddNoise(random_state="x").fit(X)


# -- the user's mistake: a (n, h, w) stack such as load_digits().images ----------------------


def _digits_images():
    from sklearn.datasets import load_digits

    return load_digits().images  # (1797, 8, 8) float64


def test_grayscale_stack_is_n_images_not_one():
    from skprep import RandomRotation, Resizing

    X = _digits_images()[:50]
    resized = Resizing(16, 16).transform(X)
    assert resized.shape == (50, 16, 16)
    # Each image is rotated on its own: a quarter turn is np.rot90 of that image only.
    turned = RandomRotation((0.25, 0.25), interpolation="nearest").fit_transform(X)
    assert turned.shape == X.shape
    np.testing.assert_array_equal(turned, np.rot90(X, k=1, axes=(1, 2)).astype(np.float32))


def test_grayscale_stack_equals_channel_axis_batch():
    from skprep import RandomZoom

    X = _digits_images()[:20]
    stack = RandomZoom(0.3, random_state=0).fit_transform(X)
    batch = RandomZoom(0.3, random_state=0).fit_transform(X[..., np.newaxis])
    np.testing.assert_array_equal(stack, batch[..., 0])


def test_digits_pipeline_keeps_rows():
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import cross_val_score
    from sklearn.pipeline import make_pipeline

    from skprep import Flatten, RandomRotation, Resizing

    X = _digits_images()[:300]
    y = np.arange(300) % 10
    pipe = make_pipeline(
        Resizing(12, 12), RandomRotation(0.02, random_state=0), Flatten(), LogisticRegression()
    )
    scores = cross_val_score(pipe, X, y, cv=3)
    assert scores.shape == (3,)


@pytest.mark.parametrize("shape", [(20, 30, 3), (20, 30, 4), (20, 30, 1)])
def test_stack_that_looks_like_one_colour_image_warns(shape):
    from skprep import Resizing

    with pytest.warns(UserWarning, match=r"read as 20 single-channel images.*X\[np\.newaxis\]"):
        out = Resizing(5, 5).transform(np.zeros(shape))
    assert out.shape == (20, 5, 5)


def test_functional_kernels_keep_keras_single_image_rule():
    batch = check_images(np.zeros((5, 4, 3)))
    assert batch.single and batch.images.shape == (1, 5, 4, 3)
