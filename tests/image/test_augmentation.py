"""Semantics of the random image layers, tested statistically and with fixed draws."""

import numpy as np
import pytest

from skprep import (
    RandomBrightness,
    RandomContrast,
    RandomCrop,
    RandomFlip,
    RandomHeight,
    RandomWidth,
    Resizing,
)
from skprep.image.functional import resize


def _images(n=6, h=7, w=9, c=3, seed=0):
    return np.random.RandomState(seed).uniform(0, 255, size=(n, h, w, c)).astype(np.float32)


# ---------------------------------------------------------------------------- random_state


@pytest.mark.parametrize(
    "make",
    [
        lambda rs: RandomFlip(random_state=rs),
        lambda rs: RandomCrop(4, 5, random_state=rs),
        lambda rs: RandomContrast(0.5, random_state=rs),
        lambda rs: RandomBrightness(0.5, random_state=rs),
        lambda rs: RandomHeight(0.5, random_state=rs),
        lambda rs: RandomWidth(0.5, random_state=rs),
    ],
)
def test_random_state_semantics(make):
    X = _images(n=20, h=16, w=16)
    same = make(3)
    np.testing.assert_array_equal(same.fit_transform(X), same.fit_transform(X))
    for rs in (np.random.default_rng(3), np.random.RandomState(3), None):
        est = make(rs)
        # RandomHeight/RandomWidth draw one of ~17 sizes per call: with an unseeded
        # random_state three calls can all agree by chance, eight practically never do.
        outs = [est.fit_transform(X) for _ in range(8)]
        assert any(a.shape != b.shape or not np.array_equal(a, b) for a, b in zip(outs, outs[1:]))
    # Two Generators with the same seed reproduce each other.
    a = make(np.random.default_rng(5)).fit_transform(X)
    b = make(np.random.default_rng(5)).fit_transform(X)
    np.testing.assert_array_equal(a, b)
    # Inference never draws.
    est = make(None).fit(X)
    np.testing.assert_array_equal(est.transform(X), est.transform(X))


# ---------------------------------------------------------------------------- RandomFlip


def _flip_outcomes(X, out):
    h = np.array(
        [np.array_equal(o, x[:, ::-1]) or np.array_equal(o, x[::-1, ::-1]) for x, o in zip(X, out)]
    )
    v = np.array(
        [np.array_equal(o, x[::-1]) or np.array_equal(o, x[::-1, ::-1]) for x, o in zip(X, out)]
    )
    return h, v


def test_random_flip_horizontal_and_vertical_independent(seed):
    X = _images(n=400, h=4, w=5, c=1, seed=seed)
    out = RandomFlip(random_state=seed).fit_transform(X)
    h, v = _flip_outcomes(X, out)
    # Every image is one of the four outcomes; each about 1/4 (binomial, 400 draws).
    counts = [np.sum(h & v), np.sum(h & ~v), np.sum(~h & v), np.sum(~h & ~v)]
    assert sum(counts) == 400
    for count in counts:
        assert 60 <= count <= 140, counts


@pytest.mark.parametrize("mode", ["horizontal", "vertical"])
def test_random_flip_single_axis(mode, seed):
    X = _images(n=300, h=4, w=5, c=2, seed=seed)
    out = RandomFlip(mode, random_state=seed).fit_transform(X)
    h, v = _flip_outcomes(X, out)
    flipped, other = (h, v) if mode == "horizontal" else (v, h)
    assert not other.any()
    assert 110 <= flipped.sum() <= 190
    unchanged = np.array([np.array_equal(o, x) for x, o in zip(X, out)])
    assert np.all(flipped ^ unchanged)


def test_random_flip_inference_and_dtype():
    X = np.arange(2 * 3 * 4).reshape(2, 3, 4, 1).astype(np.uint8)
    est = RandomFlip().fit(X)
    out = est.transform(X)
    assert out.dtype == np.float32
    np.testing.assert_array_equal(out, X)
    assert est.fit_transform(X).dtype == np.float32


def test_random_flip_bad_mode():
    with pytest.raises(ValueError, match="mode"):
        RandomFlip("diagonal").fit(_images())


# ---------------------------------------------------------------------------- RandomCrop


def test_random_crop_windows_per_image(seed):
    X = _images(n=200, h=8, w=10, c=1, seed=seed)
    out = RandomCrop(5, 6, random_state=seed).fit_transform(X)
    assert out.shape == (200, 5, 6, 1) and out.dtype == np.float32
    offsets = []
    for x, o in zip(X, out):
        found = [
            (t, lf)
            for t in range(4)
            for lf in range(5)
            if np.array_equal(x[t : t + 5, lf : lf + 6], o)
        ]
        assert len(found) == 1
        offsets.append(found[0])
    tops, lefts = np.array(offsets).T
    # Each offset value is drawn (uniform over 4 x 5 windows; 200 images).
    assert set(tops) == set(range(4)) and set(lefts) == set(range(5))


def test_random_crop_equal_side_is_random_along_the_other():
    X = _images(n=50, h=5, w=10, c=1)
    out = RandomCrop(5, 4, random_state=0).fit_transform(X)
    lefts = {
        next(lf for lf in range(7) if np.array_equal(x[:, lf : lf + 4], o)) for x, o in zip(X, out)
    }
    assert len(lefts) > 3


def test_random_crop_inference_is_resizing_crop_to_aspect_ratio():
    X = _images(n=3, h=9, w=12)
    est = RandomCrop(6, 6).fit(X)
    expected = Resizing(6, 6, crop_to_aspect_ratio=True).transform(X)
    np.testing.assert_array_equal(est.transform(X), expected)
    assert est.transform(X).shape == est.fit_transform(X).shape


def test_random_crop_smaller_images_resize(seed):
    X = _images(n=3, h=5, w=6)
    out = RandomCrop(8, 3, random_state=seed).fit_transform(X)
    np.testing.assert_array_equal(out, Resizing(8, 3, crop_to_aspect_ratio=True).transform(X))


def test_random_crop_bad_size():
    with pytest.raises(ValueError, match="height"):
        RandomCrop(0, 3).fit(_images())


# ---------------------------------------------------------------------------- RandomContrast


def _contrast_factors(X, out):
    # Without clipping, out - mean = (x - mean) * c: recover c per image.
    dx = X - X.mean(axis=(1, 2), keepdims=True)
    do = out - out.mean(axis=(1, 2), keepdims=True)
    return (do * dx).sum(axis=(1, 2, 3)) / (dx * dx).sum(axis=(1, 2, 3))


@pytest.mark.parametrize(
    "factor, low, high",
    [(0.5, 0.5, 1.5), ((0.2, 0.5), 0.8, 1.5), ((0.0, 0.3), 1.0, 1.3), (1.0, 0.0, 2.0)],
)
def test_random_contrast_factor_range(factor, low, high, seed):
    X = _images(n=300, h=3, w=4, c=2, seed=seed)
    est = RandomContrast(factor, value_range=(-1e6, 1e6), random_state=seed)
    c = _contrast_factors(X, est.fit_transform(X))
    assert c.min() >= low - 1e-4 and c.max() <= high + 1e-4
    # Uniform: both ends of the range are reached (300 draws).
    width = high - low
    assert c.min() < low + 0.05 * width and c.max() > high - 0.05 * width
    # A scalar lowers contrast as well as raising it (Keras's documented range).
    if np.ndim(factor) == 0:
        assert (c < 1).mean() > 0.35 and (c > 1).mean() > 0.35


def test_random_contrast_fixed_factor_and_clip():
    X = _images(n=4)
    out = RandomContrast((0.0, 0.0)).fit_transform(X)
    np.testing.assert_allclose(out, X, rtol=1e-5, atol=1e-3)
    out = RandomContrast((0.0, 1.0), value_range=(50, 200), random_state=0).fit_transform(X)
    assert out.min() >= 50 and out.max() <= 200


def test_random_contrast_dtypes():
    X = np.random.RandomState(0).randint(0, 256, size=(4, 5, 6, 3)).astype(np.uint8)
    est = RandomContrast(0.5, random_state=0)
    out = est.fit_transform(X)
    assert out.dtype == np.uint8  # computed in float32, rounded and saturated back
    np.testing.assert_array_equal(est.transform(X), X)
    assert est.transform(X.astype(np.float64)).dtype == np.float32


@pytest.mark.parametrize(
    "factor, match",
    [
        (-0.2, "argument should be a number"),
        ((-0.1, 0.5), "argument should be a number"),
        (1.5, "at most 1"),
        ((1.2, 1.5), "at most 1"),
        ((0.5, 0.2), "lower <= upper"),
        ("0.2", "argument should be a number"),
        ((0.1, 0.2, 0.3), "argument should be a number"),
    ],
)
def test_random_contrast_bad_factor(factor, match):
    with pytest.raises(ValueError, match=match):
        RandomContrast(factor).fit(_images())


def test_colour_layers_bad_value_range():
    for est in (RandomContrast(0.2, value_range=(0, 1, 2)), RandomBrightness(0.2, value_range=5)):
        with pytest.raises(ValueError, match="value_range"):
            est.fit(_images())


# ---------------------------------------------------------------------------- RandomBrightness


@pytest.mark.parametrize(
    "factor, value_range, low, high",
    [
        (0.2, (0, 255), -51, 51),
        ((-0.5, 0.1), (0, 1), -0.5, 0.1),
        ((0.3, 0.3), (255, 0), 76.5, 76.5),
    ],
)
def test_random_brightness_deltas(factor, value_range, low, high, seed):
    X = np.full((200, 2, 3, 3), 0.5 * max(value_range), np.float32)
    out = RandomBrightness(factor, value_range=value_range, random_state=seed).fit_transform(X)
    delta = out - X
    # One delta per image, shared by all pixels and channels.
    np.testing.assert_allclose(delta, delta[:, :1, :1, :1] * np.ones_like(delta), atol=1e-5)
    d = delta[:, 0, 0, 0]
    scale = max(value_range)
    assert d.min() >= low - 1e-4 * scale and d.max() <= high + 1e-4 * scale
    if low < high:
        assert d.min() < low + 0.05 * (high - low) and d.max() > high - 0.05 * (high - low)


def test_random_brightness_clips_and_uint8_does_not_wrap():
    X = np.full((50, 2, 2, 1), 100, np.uint8)
    est = RandomBrightness((-0.5, -0.5))
    out = est.fit_transform(X)
    assert out.dtype == np.uint8
    np.testing.assert_array_equal(out, 0)  # 100 - 127.5 clipped to 0 (Keras wraps to 229)
    np.testing.assert_array_equal(est.transform(X), X)


@pytest.mark.parametrize("factor", [1.5, (-1.5, 0.0), (0.5, -0.5), None])
def test_random_brightness_bad_factor(factor):
    with pytest.raises(ValueError, match="factor"):
        RandomBrightness(factor).fit(_images())


# ---------------------------------------------------------------------------- RandomHeight/Width


@pytest.mark.parametrize("cls, axis", [(RandomHeight, 1), (RandomWidth, 2)])
def test_random_size_fixed_factor_equals_resize(cls, axis):
    X = _images(n=3, h=10, w=20)
    out = cls((0.3, 0.3), interpolation="bicubic").fit_transform(X)
    size = [10, 20]
    size[axis - 1] = int(np.float32(1.3) * np.float32(size[axis - 1]))
    np.testing.assert_array_equal(out, resize(X, tuple(size), "bicubic"))


@pytest.mark.parametrize("cls, axis", [(RandomHeight, 1), (RandomWidth, 2)])
def test_random_size_range_and_inference(cls, axis, seed):
    X = _images(n=2, h=20, w=20)
    est = cls((-0.5, 0.25), random_state=np.random.default_rng(seed))
    sizes = {est.fit_transform(X).shape[axis] for _ in range(60)}
    assert min(sizes) >= 10 and max(sizes) <= 25 and len(sizes) > 8
    other = 3 - axis
    assert est.fit_transform(X).shape[other] == 20
    np.testing.assert_array_equal(est.fit(X).transform(X), X)
    # Never collapses to zero.
    assert cls((-1.0, -1.0)).fit_transform(X).shape[axis] == 1


@pytest.mark.parametrize("factor", [(-1.5, 0.0), -1.2, (0.4, 0.2), "x"])
def test_random_size_bad_factor(factor):
    for cls in (RandomHeight, RandomWidth):
        with pytest.raises(ValueError, match="factor"):
            cls(factor).fit(_images())
    with pytest.raises(ValueError, match="interpolation"):
        RandomHeight(0.1, interpolation="cubic").fit(_images())


def test_augmentations_refuse_bad_rank():
    for est in (RandomFlip(), RandomCrop(2, 2), RandomContrast(0.1), RandomHeight(0.1)):
        with pytest.raises(ValueError, match="rank 3"):
            est.fit_transform(np.zeros((4, 5)))
        with pytest.raises(ValueError, match="rank 3"):
            est.fit_transform(np.zeros((1, 4, 5, 3, 1)))
