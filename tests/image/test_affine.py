"""``skprep.image.functional.affine_transform``: Keras parity, properties, bad input."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skprep.image.functional import _affine, affine_transform
from tests._fixtures import case_ids, load_cases

CASES = load_cases("image_geometry", "affine_transform")
MODES = ("reflect", "wrap", "constant", "nearest")
INTERPOLATIONS = ("nearest", "bilinear")


@pytest.mark.parametrize("per_image", [False, True], ids=["chunked", "per_image"])
@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_matches_keras(case, per_image, backend):
    with pytest.MonkeyPatch.context() as m:
        if per_image:  # one image at a time: exercises the separable path as well
            m.setattr(_affine, "_CHUNK_VALUES", 1)
            m.setattr(_affine, "_SEPARABLE_MIN_VALUES", 0)
        out = affine_transform(case["input"], case["transform"], **case["kwargs"])
    expected = case["output"]
    assert out.shape == expected.shape
    assert out.dtype == expected.dtype
    if expected.dtype.kind == "f":
        # float32 rounding of 0-255 values: far inside the 1e-4 relative target
        np.testing.assert_allclose(out, expected, rtol=1e-6, atol=1e-3)
    else:
        np.testing.assert_array_equal(out, expected)


@pytest.mark.parametrize(
    "shift, mode, expected",
    [
        (3, "reflect", [3, 2, 1, 1, 2, 3]),
        (-3, "reflect", [4, 5, 6, 6, 5, 4]),
        (3, "wrap", [4, 5, 6, 1, 2, 3]),
        (-3, "wrap", [4, 5, 6, 1, 2, 3]),
        (3, "constant", [-1, -1, -1, 1, 2, 3]),
        (-3, "constant", [4, 5, 6, -1, -1, -1]),
        (3, "nearest", [1, 1, 1, 1, 2, 3]),
        (-3, "nearest", [4, 5, 6, 6, 6, 6]),
        (1.5, "constant", [-1, 0, 1.5, 2.5, 3.5, 4.5]),
        (1.5, "reflect", [1.5, 1.0, 1.5, 2.5, 3.5, 4.5]),
    ],
)
def test_spec_worked_examples(shift, mode, expected):
    ramp = np.arange(1, 7, dtype=np.float32).reshape(1, 1, 6, 1)
    out = affine_transform(ramp, [1, 0, -shift, 0, 1, 0, 0, 0], fill_mode=mode, fill_value=-1)
    np.testing.assert_array_equal(out.ravel(), np.array(expected, dtype=np.float32))


def test_nearest_rounds_half_away_from_zero():
    # x' = x - 0.5: pixel 0 samples -0.5 which TF rounds to -1 (fill), pixel 1 samples 0.5 -> 1.
    ramp = np.arange(1, 7, dtype=np.float32).reshape(1, 6, 1)
    out = affine_transform(
        ramp, [1, 0, -0.5, 0, 1, 0, 0, 0], "nearest", fill_mode="constant", fill_value=-1
    )
    np.testing.assert_array_equal(out.ravel(), [-1, 2, 3, 4, 5, 6])


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("interpolation", INTERPOLATIONS)
def test_identity_and_integer_shift(mode, interpolation):
    rng = np.random.RandomState(0)
    images = rng.uniform(0, 255, size=(2, 6, 7, 3)).astype(np.float32)
    same = affine_transform(images, [1, 0, 0, 0, 1, 0, 0, 0], interpolation, mode)
    np.testing.assert_array_equal(same, images)
    shifted = affine_transform(images, [1, 0, -2, 0, 1, 1, 0, 0], interpolation, mode)
    np.testing.assert_array_equal(shifted[:, :-1, 2:], images[:, 1:, :-2])
    if mode == "wrap":
        np.testing.assert_array_equal(shifted[:, :-1], np.roll(images, 2, axis=2)[:, 1:])


def test_one_transform_for_all_images_and_single_image():
    rng = np.random.RandomState(1)
    images = rng.uniform(0, 255, size=(3, 5, 8, 2)).astype(np.float32)
    t = np.array([0.9, 0.2, 0.3, -0.1, 1.1, -0.4, 0, 0])
    batch = affine_transform(images, t)
    np.testing.assert_array_equal(batch, affine_transform(images, np.tile(t, (3, 1))))
    np.testing.assert_array_equal(batch[1], affine_transform(images[1], t))
    np.testing.assert_array_equal(batch[:1], affine_transform(images[:1], t[None]))


def test_dtypes():
    rng = np.random.RandomState(2)
    images = rng.randint(0, 256, size=(2, 5, 5, 1))
    t = [1, 0, -0.5, 0, 1, -0.5, 0, 0]
    as_float = affine_transform(images.astype(np.float32), t)
    for dtype in (np.uint8, np.int32):
        out = affine_transform(images.astype(dtype), t)
        assert out.dtype == dtype
        np.testing.assert_array_equal(out, np.trunc(as_float))
    out64 = affine_transform(images.astype(np.float64), t)
    assert out64.dtype == np.float64
    np.testing.assert_array_equal(out64, as_float)


@pytest.mark.parametrize("shape", [(0, 4, 4, 1), (2, 0, 3, 1), (2, 3, 0, 1), (2, 3, 3, 0)])
def test_empty_axes(shape):
    out = affine_transform(np.ones(shape, np.float32), [1, 0, 0.5, 0, 1, 0, 0, 0])
    assert out.shape == shape and out.dtype == np.float32


def test_input_not_modified():
    images = np.random.RandomState(3).uniform(0, 255, size=(2, 4, 5, 3)).astype(np.float32)
    before = images.copy()
    affine_transform(images, [1.2, 0.1, -2, 0.1, 0.8, 1, 0.01, 0], fill_mode="wrap")
    np.testing.assert_array_equal(images, before)


def test_zero_projection_reads_fill_value():
    image = np.ones((1, 3, 3, 1), dtype=np.float32)
    # k = -0.5 x + 1 is 0 at x = 2
    out = affine_transform(image, [1, 0, 0, 0, 1, 0, -0.5, 0], fill_mode="nearest", fill_value=7)
    np.testing.assert_array_equal(out[0, :, 2, 0], [7, 7, 7])


_affine_matrices = st.tuples(
    st.floats(0.3, 3.0),
    st.floats(0.3, 3.0),
    st.floats(-30, 30),
    st.floats(-30, 30),
)


@settings(max_examples=40, deadline=None)
@given(
    shape=st.tuples(st.integers(1, 9), st.integers(1, 9), st.integers(1, 4)),
    params=_affine_matrices,
    interpolation=st.sampled_from(INTERPOLATIONS),
    mode=st.sampled_from(MODES),
)
def test_separable_path_equals_general_path(shape, params, interpolation, mode):
    zx, zy, tx, ty = params
    rng = np.random.RandomState(sum(shape))
    images = rng.uniform(0, 255, size=(2, *shape)).astype(np.float32)
    t = [zx, 0, tx, 0, zy, ty, 0, 0]
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_affine, "_SEPARABLE_MIN_VALUES", 0)  # separable path for every size
        fast = affine_transform(images, t, interpolation, mode, fill_value=-3)
        m.setattr(_affine, "_SEPARABLE_MIN_VALUES", np.inf)  # general path only
        slow = affine_transform(images, t, interpolation, mode, fill_value=-3)
    np.testing.assert_array_equal(fast, slow)


@settings(max_examples=20, deadline=None)
@given(
    n=st.integers(1, 7),
    angle=st.floats(-3.2, 3.2),
    interpolation=st.sampled_from(INTERPOLATIONS),
    mode=st.sampled_from(MODES),
)
def test_threaded_equals_sequential(n, angle, interpolation, mode):
    rng = np.random.RandomState(n)
    images = rng.uniform(0, 255, size=(n, 6, 5, 3)).astype(np.float32)
    c, s = np.cos(angle), np.sin(angle)
    transforms = np.array([[c, -s, 1, s, c, -1, 0, 0], [1, 0, 0.5, 0, 1, 0, 0, 0]] * n)[:n]
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_affine, "_n_threads", lambda size: 1)
        sequential = affine_transform(images, transforms, interpolation, mode)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_affine, "_n_threads", lambda size: 3)
        threaded = affine_transform(images, transforms, interpolation, mode)
    np.testing.assert_array_equal(sequential, threaded)


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"interpolation": "bicubic"}, ValueError, "interpolation"),
        ({"fill_mode": "mirror"}, ValueError, "fill_mode"),
        ({"fill_value": "zero"}, TypeError, "fill_value"),
        ({"images": np.zeros((4, 4))}, ValueError, "rank 3"),
        ({"images": np.zeros((1, 2, 4, 4, 1))}, ValueError, "rank 3"),
        ({"images": np.array([[["a"]]])}, TypeError, "integers or floats"),
        ({"images": np.zeros((1, 2, 2, 1), dtype=bool)}, TypeError, "integers or floats"),
        ({"fill_value": None}, TypeError, "fill_value"),
        ({"transform": np.zeros(6)}, ValueError, r"shape \(8,\)"),
        ({"transform": np.zeros((2, 2, 8))}, ValueError, r"shape \(8,\)"),
        ({"transform": np.zeros((3, 8))}, ValueError, "3 rows but there are 2 images"),
        ({"transform": [1, 0, np.nan, 0, 1, 0, 0, 0]}, ValueError, "NaN"),
        ({"transform": ["a"] * 8}, TypeError, "numeric"),
    ],
)
def test_bad_input(kwargs, error, match):
    args = {"images": np.zeros((2, 3, 3, 1)), "transform": [1, 0, 0, 0, 1, 0, 0, 0]}
    args.update(kwargs)
    with pytest.raises(error, match=match):
        affine_transform(**args)


@pytest.mark.parametrize("chunk_values", [1, 200, 10_000])
@pytest.mark.parametrize("separable_min", [0, 10**9])
@pytest.mark.parametrize("interpolation", INTERPOLATIONS)
@pytest.mark.parametrize("mode", MODES)
def test_chunking_does_not_change_results(chunk_values, separable_min, interpolation, mode):
    # Chunks vectorised over images, one image at a time, separable path or not, threads:
    # all give the same bits.
    rng = np.random.RandomState(4)
    images = rng.uniform(0, 255, size=(7, 6, 5, 2)).astype(np.float32)
    transforms = np.array(
        [
            [1, 0, -1.5, 0, 1, 2.25, 0, 0],
            [0.8, 0.3, 1, -0.3, 0.8, 0.5, 0, 0],
            [1.3, 0, -0.7, 0, 0.6, 1.1, 0, 0],
            [1, 0.1, 0, 0.2, 1, 0, 0.05, -0.02],
            [1, 0, 13, 0, 1, -9, 0, 0],
            [0.9, -0.4, 2, 0.4, 0.9, -1, 0, 0],
            [1, 0, 0, 0, 1, 0, 0, 0],
        ],
        dtype=np.float32,
    )
    expected = affine_transform(images, transforms, interpolation, mode, fill_value=-2)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_affine, "_CHUNK_VALUES", chunk_values)
        m.setattr(_affine, "_SEPARABLE_MIN_VALUES", separable_min)
        m.setattr(_affine, "_n_threads", lambda size: 2)
        out = affine_transform(images, transforms, interpolation, mode, fill_value=-2)
    np.testing.assert_array_equal(out, expected)


def test_plan_groups_general_runs_and_isolates_separable_images():
    shift, turn = [1, 0, 2, 0, 1, 0, 0, 0], [0, -1, 5, 1, 0, 0, 0, 0]
    t = np.array([turn, turn, turn, shift, turn, shift, shift], dtype=np.float32)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(_affine, "_CHUNK_VALUES", 2 * 20_000)
        plan = _affine._plan(t, 20_000)
    assert [(p.start, p.stop, sep) for p, sep in plan] == [
        (0, 2, False),
        (2, 3, False),
        (3, 4, True),
        (4, 5, False),
        (5, 6, True),
        (6, 7, True),
    ]
    assert [(p.start, p.stop, sep) for p, sep in _affine._plan(t, 100)] == [(0, 7, False)]
